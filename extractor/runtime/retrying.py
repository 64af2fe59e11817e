"""Which failures are worth retrying, and how long to wait.

Two kinds of retry are kept apart on purpose:

* *transient* server failures (429, 5xx, timeouts, dropped connections) are
  retried here with tenacity: exponential backoff with jitter, a cap on the
  total time, and the server's ``Retry-After`` honoured as a floor: never a
  reason to wait *less* than the schedule (:func:`retry_wait`);
* *validation* failures are re-asked by instructor with the validation errors.

API errors therefore never reach a re-ask prompt, and a client error (a bad
key, an unknown model, a malformed request) fails at once with a message that
says what to fix, because repeating it cannot help.

A :class:`Backoff` is shared by every concurrent call of one extractor: when
the server says 429, all workers pause together instead of each hammering it;
and when one request has spent its whole retry schedule on server failures
(5xx, timeouts, refused connections) with no request answered since, the
server is *down*: later requests make one attempt each, no series of waits,
until one is answered. Without that, every document of a bulk run would
spend the whole schedule (half a minute or more) on a server that is not
coming back soon, before the run could see that it has to stop.

Time is bounded everywhere: a ``Retry-After`` header, whatever it holds, is
read as a finite wait within bounds or ignored (:func:`parse_retry_after`);
the wait taken is at most ``RetryPolicy.honour_retry_after_up_to`` and the
call deadline: a server that asks for a day gets that capped wait, once per
request, and a WARNING, once per extractor; when it asks again the request
fails ("rate limited: the server asked to wait 86400 s (1 day)"); no wait runs
past ``RetryPolicy.total``; and with the deadline of each call (see
``Extractor.call_deadline``), :meth:`RetryPolicy.budget` is a hard limit on
one logical request that the engine enforces. Tighter still, a server that does
not answer is retried only within the caller's timeout (:class:`AnswerWindow`):
one that accepts connections and never answers costs one timeout per request.
"""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import html
import logging
import math
import re
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)
from tenacity.stop import stop_base

from extractor.errors import (
    ClientModelError,
    IncompatibleServerError,
    ModelError,
    ModelRefusal,
    TransientModelError,
    WireError,
)
from extractor.redact import redact
from extractor.settings import KEY_VARIABLES, proxy_for

TRANSIENT_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529})
#: The longest ``Retry-After`` read from a server, in seconds (a week): kept to say how
#: long the server asked for; the wait itself is capped by the policy.
MAX_RETRY_AFTER = 7 * 86400.0
#: An article chunk this short fits any context window that can hold the prompt at all: a
#: context-length error on it is the server's setup (every document fails), not the document.
TINY_REQUEST_CHARS = 2000
#: How much of a server's error text goes into a message.
EXCERPT_CHARS = 200
#: How much of a server's error text is read to make the excerpt.
EXCERPT_SCAN = 100_000

#: What to do about a refused request, whatever the API: a provider's :class:`ApiHints`
#: replaces those that name its own key, model names or addresses.
_CLIENT_HINTS: dict[int, str] = {
    400: "the server rejected the request as malformed; check --model and --base-url",
    401: "the server rejected the API key: set the provider's key variable or "
    "EXTRACTOR_API_KEY to a valid one",
    403: "the API key is not allowed to use this model: check the key's permissions",
    404: "the server does not know this model or endpoint: check --model and --base-url",
    405: "the server does not take this API's requests at this address: check --base-url",
    413: "the request is too large for the server: raise its request limit, or split "
    "articles into smaller chunks with Extractor(chunk_chars=...)",
    415: "the server did not accept the request's format: check --base-url",
    422: "the server could not process the request: check --model and the options",
}


@dataclass(frozen=True)
class ApiHints:
    """What to tell the user about a 4xx from one provider's SDK: which key variable to
    set, and the hints (by status) that differ from the generic ones.

    A 401 from Anthropic said "set OPENAI_API_KEY, ANTHROPIC_API_KEY ..." and a 400 blamed
    "the server's OpenAI compatibility": the hints were written for one API. Each client
    registers its own (:func:`register_client_hints`) under the top-level package of its
    SDK's exceptions (``openai``, ``anthropic``), which is how :func:`classify` tells which
    API refused a request; a plugin's provider registers its own the same way.
    """

    #: The provider's key variable, named in the 401 hint (``ANTHROPIC_API_KEY``).
    key_variable: str
    #: Hints by HTTP status that replace the generic ones for this API.
    by_status: Mapping[int, str] = field(default_factory=dict)

    def hint(self, status: int) -> str:
        """What to do about HTTP ``status`` from this API."""
        if status in self.by_status:
            return self.by_status[status]
        if status == 401:
            return (
                f"the server rejected the API key: set {self.key_variable} (or "
                "EXTRACTOR_API_KEY) to a valid one"
            )
        return _CLIENT_HINTS.get(status, "the server refused the request")


#: The hints of each SDK, by the top-level package of its exceptions. Filled when a client's
#: module is imported (providers.py, anthropic_wire.py, a plugin); a test that registers
#: one removes it with :func:`unregister_client_hints`.
_API_HINTS: dict[str, ApiHints] = {}


def register_client_hints(package: str, hints: ApiHints) -> None:
    """Say what to do about the 4xx errors that the SDK ``package`` raises (the top-level
    package of its exception classes: ``"openai"``, ``"anthropic"``). Registering again
    replaces the earlier hints."""
    _API_HINTS[package] = hints


def unregister_client_hints(package: str) -> None:
    """Forget the hints of ``package`` (the generic ones apply again)."""
    _API_HINTS.pop(package, None)


def client_hint(error: BaseException, status: int, provider: str | None = None) -> str:
    """What to do about HTTP ``status`` raised as ``error``: its SDK's hint when its SDK
    registered hints, else the generic one. ``provider`` (the model's, ``deepseek``) names
    the key variable of a 401 when it has one of its own: DeepSeek, Groq, Together or
    OpenRouter speak through the openai SDK, whose hint named OPENAI_API_KEY although the
    key came from DEEPSEEK_API_KEY."""
    package = type(error).__module__.partition(".")[0]
    hints = _API_HINTS.get(package)
    if hints is not None:
        key_variable = _key_variable(error, provider)
        if key_variable != hints.key_variable:
            hints = dataclasses.replace(hints, key_variable=key_variable)
        return hints.hint(status)
    return _CLIENT_HINTS.get(status, "the server refused the request")


#: What a server says when the prompt does not fit its context window (OpenAI, vLLM,
#: llama.cpp, Anthropic, TGI wordings).
_CONTEXT_OVERFLOW = re.compile(
    r"(?i)context[ _-]?(?:length|size|window)|maximum context|exceed\w* (?:the )?"
    r"(?:available )?context|prompt is too long|too many (?:input )?tokens|n_ctx"
)
#: A re-ask refused as too large (see :func:`classify`).
REASK_TOO_LARGE = (
    "the re-ask was too large for the server, not the article: the model's answer did not "
    "validate and was sent back with the re-ask, and that answer was too long; lower "
    "max_retries (--max-retries, the re-asks) or use a model that answers within the schema"
)
_CONTEXT_HINT = (
    "the request does not fit the server's context window: raise the server's context size "
    "(llama.cpp --ctx-size; EXTRACTOR_LOCAL_CTX for --model local) or lower chunk_chars"
)

logger = logging.getLogger(__name__)


# ------------------------------------------------------------------ Retry-After

#: RFC 9110 ``delay-seconds`` (``1*DIGIT``, ASCII only), with an optional ``.digits``.
_DELAY_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)
#: Whitespace around a header value (HTTP's OWS, and line ends a lax server leaves).
_HTTP_SPACE = " \t\r\n"


def parse_retry_after(
    value: Any, *, milliseconds: bool = False, now: float | None = None
) -> float | None:
    """Seconds to wait from a ``Retry-After`` (or ``retry-after-ms``) header value.

    Invariant: the result is None (no usable hint: absent, empty, ``soon``, a
    malformed date, any number not spelled as RFC 9110 ``delay-seconds``) or a
    finite number of seconds within ``[0, MAX_RETRY_AFTER]`` (a date in the past
    is 0, a huge value or a date far ahead is capped). Never raises, whatever the
    server sends.

    Only what an HTTP server means is read (RFC 9110: ``Retry-After = HTTP-date /
    delay-seconds``, ``delay-seconds = 1*DIGIT``): ASCII digits, with one
    ``.digits`` fraction allowed (``retry-after-ms`` and some servers send ``1.5``),
    or an ASCII HTTP-date, surrounding whitespace ignored. Python's ``float()``
    also reads ``inf``, ``1e3``, ``1_000``, ``+5``, ``-5`` and non-ASCII digits
    (``\u0663\u0660``): no server means those, and ``inf`` read as a week failed
    documents as "asked to wait more than 604800 s"; they are None, the normal
    backoff.

    The value is a hint that only lengthens a wait: the wait before a retry is
    the schedule's backoff for that attempt or this value (capped), whichever is
    longer (:func:`retry_wait`). A ``0`` or a date in the past therefore waits the
    normal backoff, not nothing.
    """
    try:
        if value is None:
            return None
        text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        text = text.strip(_HTTP_SPACE)
        seconds: float | None
        if _DELAY_SECONDS.fullmatch(text):
            seconds = float(text) / (1000 if milliseconds else 1)
        elif milliseconds or not text.isascii():  # an HTTP-date is ASCII (RFC 9110)
            return None
        else:
            seconds = _seconds_until(text, now)
        if seconds is None or math.isnan(seconds):
            return None
        return min(max(seconds, 0.0), MAX_RETRY_AFTER)
    except Exception:  # a header is the server's to get wrong, never ours to crash on
        return None


def _seconds_until(text: str, now: float | None) -> float | None:
    """Seconds from now to an HTTP-date, or None when ``text`` is not one."""
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:  # "-0000" or no zone: RFC 9110 dates are GMT
        moment = moment.replace(tzinfo=UTC)
    try:
        stamp = moment.timestamp()
    except (OverflowError, OSError, ValueError):
        return None
    return stamp - (time.time() if now is None else now)


def _retry_after(headers: Any) -> float | None:
    if headers is None:
        return None
    try:
        millis = headers.get("retry-after-ms")
        value = headers.get("retry-after")
    except Exception:  # not a mapping, or a broken one
        return None
    from_millis = parse_retry_after(millis, milliseconds=True)
    return from_millis if from_millis is not None else parse_retry_after(value)


# ------------------------------------------------------------------ classify


def deadline_error(seconds: float, what: str = "the model server's answer") -> TransientModelError:
    """The error for a request that ran past its wall-clock deadline."""
    return TransientModelError(
        f"the model server did not answer in time: {what} was not complete within "
        f"{seconds:g}s (the request's total deadline; a server that sends its answer "
        "slowly is cut off here, whatever its read timeouts)"
    )


class AnswerWindow:
    """How long one model request still waits for the server to answer: the caller's
    ``timeout`` (``Extractor(timeout=)``), counted from the request's start or from the
    server's last answer to it, whichever is later.

    The rule (see ``Extractor``): a request waits at most ``timeout`` seconds for an
    answer, its transient retries and the waits between them included. A server that
    does not answer (it hangs, refuses or drops the connection) is retried only within
    that time: no retry begins whose wait ends past it (:class:`_stop_if_window_passes`),
    and the attempt in flight is cut when it runs out (the engine). Without it a server
    that accepted connections and never answered cost every attempt's deadline and
    every wait of the schedule: ``timeout=15`` took 125 s. An answer (a completion, or
    an error status: HTTP 429, 5xx) starts the window anew; a wait the server asked for
    (429, ``Retry-After``) or another worker's pause is not counted against it.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left before the request has waited ``seconds`` without an answer."""
        return self.end - time.monotonic()

    def answered(self, after: float = 0.0) -> None:
        """The server answered: the window starts anew, ``after`` seconds from now (a wait)."""
        self.end = max(self.end, time.monotonic() + after + self.seconds)

    def pause(self, seconds: float) -> None:
        """A wait not of the server's doing (a shared pause) is not counted against it."""
        self.end += max(seconds, 0.0)

    def error(self, server: str | None = None) -> TransientModelError:
        """The error of a request that waited out its window, naming the server if known."""
        return TransientModelError(
            f"the model server{_at(server)} did not answer in time: no answer within the "
            f"timeout of {self.seconds:g}s, the request's total deadline for an answer, its "
            "retries and their waits included; check that the server is running and not "
            "overloaded, or give a longer timeout"
        )


def classify(
    error: BaseException,
    *,
    request_chars: int | None = None,
    answered: bool = False,
    provider: str | None = None,
    reasked: bool = False,
) -> ModelError | ModelRefusal | None:
    """Map an exception from openai / httpx / another SDK onto our tree, or None.

    The cause chain is searched twice: first for an error of ours (a
    :class:`ModelError`, or what our HTTP client raised under the SDK's
    wrapping in a :class:`WireError`: a deadline, a non-OpenAI answer, a
    refusal), then for the first exception that maps.

    ``request_chars`` is the length of the article text the request carried:
    a context-length error on a text of at most :data:`TINY_REQUEST_CHARS`
    is the server's setup (kind ``config``: every document fails alike), on a
    longer one it is this document's size (kind ``input``).

    ``answered``: the server has answered this client before. A host name the
    resolver no longer knows is then the network (a dropped link, a VPN
    reconnecting, some resolvers say "no such name" when offline), retried;
    before any answer it is the setup.

    ``provider``: the model's provider, whose key variable a 401's hint names
    (:func:`client_hint`).

    ``reasked``: the refused request was a re-ask, sent after an answer that did not
    validate and carrying it back. A request too large (413) or beyond the context
    window is then that answer's size, not the article's, which the first request
    carried fine: :data:`REASK_TOO_LARGE` says so, kind ``model``, instead of advice to
    split articles that were never the problem.
    """
    chain = _chain(error)
    for current in chain:
        if isinstance(current, WireError):
            return current.error
        if isinstance(current, ModelError | ModelRefusal):
            return current
    loop = _redirect_loop(chain)
    if loop is not None:
        return loop
    broken = _broken_answer(chain)
    if broken is not None:
        return broken
    proxy = _proxy_in_the_way(chain)
    host = _host_asked(chain)
    for current in chain:
        mapped = _broken_connection(current, chain[-1], answered, proxy, host)
        if mapped is not None:
            return mapped
    for current in chain:
        found = _classify_one(current, request_chars, provider, reasked)
        if found is not None:
            return found
    return None


#: The names of errors that say a connection was made and then broke.
_BROKEN = ("RemoteProtocolError", "ReadError", "WriteError", "ProtocolError", "IncompleteRead")
#: What the HTTP clients (h11 through httpcore, h2, http.client, urllib3) say of a
#: connection that ended before the answer was complete: cut short or reset, by the network
#: or a server that died mid-answer, worth retrying. Read from their messages, since h11
#: raises one ``RemoteProtocolError`` for a cut and for a malformed answer alike: "peer
#: closed connection without sending complete message body", "Server disconnected without
#: sending a response." (a kept-alive connection the server had closed), h11's own "can't
#: handle event type ConnectionClosed ..." for that (httpcore words it so), ...
_CUT_SHORT = re.compile(
    r"(?i)peer closed connection|peer unexpectedly closed|server disconnected|"
    r"connection (?:was )?(?:closed|terminated|reset|aborted|broken: incompleteread)|"
    r"ConnectionClosed|ConnectionTerminated|StreamReset|incomplete ?read|remote ?disconnected"
)
#: The names of the HTTP clients' errors for an answer that is not valid HTTP (a status
#: line, a header, a chunk size or a Content-Length no parser takes) unless it says the
#: connection was cut short (:data:`_CUT_SHORT`).
_PROTOCOL_ERRORS = ("RemoteProtocolError", "ProtocolError")
#: What a server whose answer breaks HTTP is told to do.
_FIX_BROKEN_HTTP = (
    "the server (or a proxy before it) is broken or misconfigured, and every request would "
    "fail alike: fix it, or use another"
)
#: What a TLS client reads when the server speaks plain HTTP.
_PLAIN_HTTP = re.compile(
    r"WRONG_VERSION_NUMBER|record layer failure|packet length too long|http request", re.I
)


#: What the resolver says of a name that does not exist, as opposed to a lookup that failed
#: for now (``EAI_AGAIN``: no network, the DNS server down), which is worth retrying.
_NO_SUCH_NAME = frozenset(
    code for code in (getattr(socket, "EAI_NONAME", None), getattr(socket, "EAI_NODATA", None))
    if code is not None
)  # fmt: skip


#: What to fix when a proxy from the environment is what failed.
_FIX_PROXY = "fix HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, or name the server's host in NO_PROXY"


def _request_url(chain: list[BaseException]) -> Any:
    """The URL of the failed request, if an exception of the chain carries it."""
    for current in chain:
        url = getattr(getattr(current, "request", None), "url", None)
        if url is not None:
            return url
    return None


def _redirect_loop(chain: list[BaseException]) -> IncompatibleServerError | None:
    """A request redirected more times than the HTTP client follows (``TooManyRedirects``,
    under the SDK's "Connection error."): the setup, like any redirect of a model call
    (every request would loop alike), not an unreachable server to retry."""
    for current in chain:
        if type(current).__name__ == "TooManyRedirects":
            url = _request_url(chain)
            where = f" at {redact(str(url))}" if url is not None else ""
            return IncompatibleServerError(
                f"the model server{where} redirected the request in a loop "
                f"({_first_line(current)}): check --base-url / EXTRACTOR_BASE_URL, the "
                "address of the API itself (usually ending in /v1)",
                url=redact(str(url)) if url is not None else None,
                kind="config",
            )
    return None


def _proxy_in_the_way(chain: list[BaseException]) -> str | None:
    """The proxy the environment puts between us and the failed request's URL, if any."""
    url = _request_url(chain)
    return proxy_for(str(url)) if url is not None else None


def _host_asked(chain: list[BaseException]) -> str | None:
    """The host of the failed request's URL, if the chain carries it."""
    host = getattr(_request_url(chain), "host", None)
    return host if isinstance(host, str) and host else None


def _broken_connection(
    error: BaseException,
    root: BaseException,
    answered: bool = False,
    proxy: str | None = None,
    host: str | None = None,
) -> ModelError | None:
    """What the SDK's generic "Connection error." wraps, when it says more than "unreachable".

    A server that was reached and then cut its answer short, or reset the
    connection, is not a server that is not running (worth retrying, but the
    message must say what happened); a TLS handshake with a plain-HTTP server
    (``https://`` for ``http://``) or an untrusted certificate is the setup,
    which fails every document alike: a configuration error, not retried. So
    is a host name the resolver says does not exist. With a proxy in the way, the
    name looked up is the proxy's (it resolves the server's), and a TLS handshake
    with an ``https://`` proxy is the proxy's: the proxy is named, not the server.
    """
    tls_proxy = proxy is not None and proxy.lower().startswith("https://")
    if isinstance(error, socket.gaierror) and error.errno in _NO_SUCH_NAME and proxy:
        message = (
            f"the proxy {redact(proxy)} that the environment puts in the way has a host name "
            f"not known here ({_first_line(error)}): {_FIX_PROXY}"
        )
        if answered:
            return TransientModelError(message)
        return ClientModelError(message, kind="config")
    if isinstance(error, ssl.SSLError) and tls_proxy and proxy is not None:
        return ClientModelError(
            f"the proxy {redact(proxy)} that the environment puts in the way failed its TLS "
            f"handshake ({_first_line(error)}): most proxies speak plain HTTP, so use an "
            f"http:// proxy URL; {_FIX_PROXY}",
            kind="config",
        )
    if isinstance(error, socket.gaierror) and error.errno in _NO_SUCH_NAME and answered:
        return TransientModelError(
            f"could not reach the model server: its host name is not known here any more "
            f"({_first_line(error)}), though it answered before: is the network down?"
        )
    if isinstance(error, socket.gaierror) and error.errno in _NO_SUCH_NAME:
        named = f" {host!r}" if host else ""
        return ClientModelError(
            f"the model server's host name{named} is not known here ({_first_line(error)}): "
            "check the host in --base-url / EXTRACTOR_BASE_URL if you set one, or whether "
            "this machine can resolve names at all (no network, no DNS server)",
            kind="config",
        )
    if isinstance(error, ssl.SSLCertVerificationError):
        return ClientModelError(
            f"the model server's TLS certificate could not be verified ({_first_line(error)}): "
            "check the host name in --base-url, or trust its certificate authority",
            kind="config",
        )
    if isinstance(error, ssl.SSLError) and _PLAIN_HTTP.search(str(error)):
        return ClientModelError(
            f"the model server does not speak TLS ({_first_line(error)}): it answers plain "
            "HTTP; use an http:// URL in --base-url / EXTRACTOR_BASE_URL",
            kind="config",
        )
    name = type(error).__name__
    if name in _BROKEN or isinstance(
        error, ConnectionResetError | ConnectionAbortedError | BrokenPipeError
    ):
        reason = _first_line(root) if root is not error else _first_line(error)
        return TransientModelError(
            f"the model server broke the connection before its answer was complete "
            f"({name}: {reason})"
        )
    return None


def broken_http(error: BaseException) -> str | None:
    """What is wrong with a server's answer that breaks HTTP itself, or None.

    Two faults of the server, not of the network: a body that is not in the
    ``Content-Encoding`` its headers name (``httpx.DecodingError``), and an answer
    that is not valid HTTP (an illegal status line, header or chunk size; conflicting
    or invalid ``Content-Length``: h11's ``RemoteProtocolError``). Neither is a
    dropped link: the server sends the same bytes to every request, so retrying them
    as transient cost every document the whole schedule and said "could not reach" or
    "overloaded". They are the kind of an answer that is not an answer of the API
    (:class:`~extractor.errors.IncompatibleServerError`, kind ``server``: said once,
    and a bulk run stops after its first documents fail alike).

    A connection cut short (the peer closed before the declared ``Content-Length`` or
    the last chunk, or before any answer; a reset) is raised under the same names but
    is the network: it is None here, and stays transient (:func:`_broken_connection`).
    """
    name = type(error).__name__
    if name == "DecodingError":
        return (
            "its body is not in the encoding its Content-Encoding header names "
            f"({_first_line(error)})"
        )
    if name in _PROTOCOL_ERRORS and not _CUT_SHORT.search(str(error)):
        return f"its answer is not valid HTTP ({name}: {_first_line(error)})"
    return None


def broken_answer(what: str, where: str | None, api: str) -> IncompatibleServerError:
    """The error for an answer of the server at ``where`` that breaks HTTP (:func:`broken_http`
    says ``what``), which should have been an answer of ``api``."""
    at = f" at {redact(where)}" if where else ""
    return IncompatibleServerError(
        f"the server{at} did not answer like {api}: {what}; {_FIX_BROKEN_HTTP}",
        url=redact(where) if where else None,
        kind="server",
    )


def _broken_answer(chain: list[BaseException]) -> IncompatibleServerError | None:
    """An answer that breaks HTTP (:func:`broken_http`) under the SDK's "Connection error.",
    from an HTTP client that does not raise it as ours (:class:`~extractor.runtime.
    providers.Guarded` does): the server's fault, not an unreachable server."""
    for current in chain:
        what = broken_http(current)
        if what is not None:
            url = _request_url(chain)
            return broken_answer(what, str(url) if url is not None else None, "the API it serves")
    return None


def _chain(error: BaseException) -> list[BaseException]:
    seen: set[int] = set()
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _classify_one(
    error: BaseException,
    request_chars: int | None = None,
    provider: str | None = None,
    reasked: bool = False,
) -> ModelError | ModelRefusal | None:
    name = type(error).__name__
    status = getattr(error, "status_code", None)
    response = getattr(error, "response", None)
    if status is None and response is not None:
        status = getattr(response, "status_code", None)
    if isinstance(status, int) and not isinstance(status, bool):
        message = server_text(error)
        if status == 429:
            return rate_limited(message, _retry_after(getattr(response, "headers", None)))
        if status in TRANSIENT_STATUS or status >= 500:
            headers = getattr(response, "headers", None)
            return TransientModelError(
                f"the model server answered HTTP {status}: {message}",
                status_code=status,
                retry_after=_retry_after(headers),
            )
        if reasked and (
            status == 413 or (status in (400, 422) and _overflows_context(error, message))
        ):
            return ClientModelError(
                f"{REASK_TOO_LARGE} (HTTP {status}: {message})", status_code=status, kind="model"
            )
        if status in (400, 413, 422) and _overflows_context(error, message):
            tiny = request_chars is not None and request_chars <= TINY_REQUEST_CHARS
            where = f"; the article text was {request_chars:,} characters" if request_chars else ""
            return ClientModelError(
                f"{_CONTEXT_HINT}{where} (HTTP {status}: {message})",
                status_code=status,
                kind="config" if tiny or request_chars is None else "input",
            )
        if status in (400, 403) and _filtered(error):
            return ModelRefusal(
                f"the provider's content filter refused this article (HTTP {status}: "
                f"{message}); the other documents go on",
                refusal=message,
            )
        if status == 401 and _sent_basic_auth(error):
            hint = _BASIC_REFUSED.format(key=_key_variable(error, provider))
        else:
            hint = client_hint(error, status, provider)
        return ClientModelError(f"{hint} (HTTP {status}: {message})", status_code=status)
    if isinstance(error, TimeoutError | asyncio.TimeoutError) or "Timeout" in name:
        return TransientModelError(f"the model server did not answer in time ({name})")
    if "Connection" in name or isinstance(error, ConnectionError):
        return TransientModelError(
            f"could not reach the model server{_through_proxy(error)} "
            f"({name}: {_first_line(_chain(error)[-1])})"
        )
    return None


#: The error codes of a request a provider's content filter refused (HTTP 400): Azure
#: OpenAI's "content_filter" (its inner code "ResponsibleAIPolicyViolation"), OpenAI's
#: "content_policy_violation". The article is what was declined, as when the model refuses
#: to answer: a refusal of this document (:class:`ModelRefusal`), never the setup that
#: stops a run after three documents fail alike.
_FILTER_CODES = frozenset(
    {"content_filter", "content_policy_violation", "responsibleaipolicyviolation"}
)


def _filtered(error: BaseException) -> bool:
    """Whether the 400 ``error`` is a content filter's (:data:`_FILTER_CODES`), read from the
    SDK's ``code`` and the error body's codes, nested ones included."""
    codes = [getattr(error, "code", None)]
    body = getattr(error, "body", None)
    if body is None:
        try:
            body = getattr(error, "response", None).json()  # type: ignore[union-attr]
        except Exception:  # no response, or not JSON
            body = None
    while isinstance(body, dict):
        codes += [body.get("code"), body.get("type")]
        body = body.get("error") or body.get("innererror")
    return any(isinstance(code, str) and code.lower() in _FILTER_CODES for code in codes)


#: What a 401 to a request that carried the base URL's login is told: that login (sent as
#: HTTP Basic auth when no key is set: see :func:`extractor.runtime.providers._basic_auth`)
#: is what the server refused, not a key variable, which was not even read.
_BASIC_REFUSED = (
    "the server rejected the user name and password of the base URL (sent as HTTP Basic "
    "auth): fix them in --base-url / EXTRACTOR_BASE_URL (a password's @, :, / written "
    "%40, %3A, %2F), or remove them and set {key} (or EXTRACTOR_API_KEY)"
)


def _sent_basic_auth(error: BaseException) -> bool:
    """Whether the request ``error`` refused carried HTTP Basic credentials: the base URL's
    login, as this package sends it (an API key goes as a Bearer token or an
    ``x-api-key`` header). Read from the request the SDK's error (or its response) keeps;
    False when neither keeps one."""
    for holder in (error, getattr(error, "response", None)):
        try:
            request = getattr(holder, "request", None)
            headers = getattr(request, "headers", None)
            value = headers.get("authorization") if headers is not None else None
        except Exception:  # a response built without a request raises RuntimeError
            continue
        if isinstance(value, str) and value.strip().lower().startswith("basic "):
            return True
    return False


def _key_variable(error: BaseException, provider: str | None) -> str:
    """The key variable a 401 would name (:func:`client_hint`): the provider's own, else
    that of the SDK that raised ``error``, else words for it."""
    own = KEY_VARIABLES.get(provider or "")
    if own is not None:
        return own
    hints = _API_HINTS.get(type(error).__module__.partition(".")[0])
    return hints.key_variable if hints is not None else "the provider's key variable"


def _through_proxy(error: BaseException) -> str:
    """`` through the proxy <url> ...`` when the environment sends the failed request's URL
    through a proxy: what could not be reached may be the proxy, not the server."""
    proxy = _proxy_in_the_way([error])
    if proxy is None:
        return ""
    return (
        f" through the proxy {redact(proxy)} the environment sets (check it, or name the "
        "server's host in NO_PROXY)"
    )


def rate_limited(message: str, retry_after: float | None) -> TransientModelError:
    """The error for an HTTP 429: says how long the server asked to wait, when it said."""
    if retry_after is None:
        asked = "rate limited: the server gave no time to wait"
    else:
        asked = f"rate limited: the server asked to wait {seconds_text(retry_after)}"
    return TransientModelError(
        f"{asked} (HTTP 429: {message})", status_code=429, retry_after=retry_after
    )


def seconds_text(seconds: float) -> str:
    """``86400 s (1 day)``: seconds as a server sent them, and in words when long."""
    if seconds >= MAX_RETRY_AFTER:
        return f"more than {MAX_RETRY_AFTER:g} s (a week)"
    shown = f"{seconds:.2f}".rstrip("0").rstrip(".") + " s"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = seconds / size
            words = f"{count:.1f}".rstrip("0").rstrip(".")
            return f"{shown} ({words} {unit}{'' if words == '1' else 's'})"
    return shown


def _overflows_context(error: BaseException, message: str) -> bool:
    """Whether a client error says the prompt does not fit the model's context window."""
    body = getattr(error, "body", None)
    inner = body.get("error", body) if isinstance(body, dict) else None
    code = inner.get("code") if isinstance(inner, dict) else None
    kind = inner.get("type") if isinstance(inner, dict) else None
    found = f"{code or ''} {kind or ''} {message}"
    return bool(_CONTEXT_OVERFLOW.search(found))


_SPACE = re.compile(r"\s+")


def _strip_tags(text: str) -> str:
    """``text`` without HTML tags, scripts and styles; linear time, whatever the text."""
    lower = text.lower()
    out: list[str] = []
    at = 0
    while True:
        start = lower.find("<", at)
        if start < 0:
            out.append(text[at:])
            break
        out.append(text[at:start])
        end = lower.find(">", start)
        if end < 0:  # a lone "<": text, not a tag
            out.append(text[start:])
            break
        name = lower[start + 1 : end].split(None, 1)[0] if end > start + 1 else ""
        at = end + 1
        if name in ("script", "style"):
            close = lower.find(f"</{name}", at)
            if close < 0:
                break
            after = lower.find(">", close)
            at = len(text) if after < 0 else after + 1
        out.append(" ")
    return "".join(out)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` characters of a server's text: tags dropped, spaces folded, redacted."""
    # Redacted before and after: dropping tags or decoding entities must not reveal a
    # secret (or cut one into pieces the redactor cannot recognise).
    flat = _SPACE.sub(" ", html.unescape(_strip_tags(redact(text[:EXCERPT_SCAN])))).strip()
    flat = redact(flat)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def server_text(error: BaseException) -> str:
    """What the server said, short: its error message, else an excerpt of its body."""
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            for key in ("message", "detail", "error"):
                if inner.get(key):
                    return excerpt(str(inner[key]))
        elif isinstance(inner, str) and inner.strip():
            return excerpt(inner)
        for key in ("message", "detail"):
            if body.get(key):
                return excerpt(str(body[key]))
    if isinstance(body, str) and body.strip():
        return excerpt(body)
    response = getattr(error, "response", None)
    try:
        text = response.text if response is not None else ""
    except Exception:  # a streamed or closed body
        text = ""
    if isinstance(text, str) and text.strip():
        return excerpt(text)
    return excerpt(_first_line(error))


def _first_line(error: BaseException) -> str:
    """The first line of ``error``'s message, redacted, then cut to 300 characters: cut
    first, a key escaped after a respelling (each character a run of ``\\xHH``: h11's
    "illegal status line: bytearray(b'...')") would lose its end and leave its start, too
    short to be found whole. Up to :data:`_FIRST_LINE_READ` characters are read."""
    text = str(error).strip()
    if not text:
        return type(error).__name__
    return redact(text.splitlines()[0][:_FIRST_LINE_READ])[:300]


#: How much of an error's first line :func:`_first_line` redacts: a key of a few hundred
#: characters, each written as a dozen characters of escapes, fits.
_FIRST_LINE_READ = 8192


class Backoff:
    """What every worker of one extractor knows about the server (see the module doc).

    * a pause, set by 429 answers, that all workers wait out together;
    * whether the server is *down*: a request spent its whole retry schedule
      on server failures (or on 429s asking for longer than we wait) and no
      request has been answered since. While it is, such a failure is not
      retried (:class:`_stop_if_server_down`); the first answered request
      ends it;
    * whether the one WARNING about a ``Retry-After`` longer than we wait has
      been logged.
    """

    def __init__(self) -> None:
        self._resume_at = 0.0
        self.down_since: float | None = None
        self.warned_retry_after = False
        #: The longest Retry-After a request waits (set by :meth:`RetryPolicy.retrying`).
        self.retry_after_cap = math.inf

    def push(self, seconds: float) -> None:
        self._resume_at = max(self._resume_at, time.monotonic() + seconds)

    async def wait(self) -> None:
        delay = self._resume_at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)

    @property
    def server_down(self) -> bool:
        return self.down_since is not None

    def answered(self) -> None:
        """A request got an answer from the server (valid or not): it is up."""
        self.down_since = None

    def refuses(self, error: BaseException) -> bool:
        """Whether ``error`` says the server will not serve for now: a server failure, or a
        429 asking for a longer wait than a request takes."""
        if is_server_failure(error):
            return True
        return (
            isinstance(error, TransientModelError)
            and error.retry_after is not None
            and error.retry_after > self.retry_after_cap
        )

    def gave_up(self, error: BaseException, server: str | None = None) -> None:
        """A request gave up on ``error``; if the server refuses (:meth:`refuses`), it is down."""
        if not self.refuses(error) or self.down_since is not None:
            return
        self.down_since = time.monotonic()
        # DEBUG: the request's own error says what happened; a bulk run that keeps meeting
        # it stops with one line (extractor.bulk.batch) that says what to do.
        logger.debug(
            redact(
                f"the model server{_at(server)} failed every attempt of a request "
                f"({_first_line(error)}); until it answers again, failed requests are not "
                "retried"
            )
        )


def is_server_failure(error: BaseException) -> bool:
    """A 5xx, a timeout, a refused or broken connection: the server is not serving (429 is)."""
    return isinstance(error, TransientModelError) and error.status_code != 429


def _at(server: str | None) -> str:
    return f" at {redact(server)}" if server else ""


@dataclass(frozen=True)
class RetryPolicy:
    """How transient failures are retried (see the module docstring).

    ``total`` caps the time of one logical request: no attempt starts, and
    no wait is begun, that would end past it. With the deadline of each
    attempt (``call_deadline``), :meth:`budget` is the most a logical request
    can take, and the engine enforces it as a hard wall-clock limit.
    """

    attempts: int = 6
    initial: float = 1.0
    maximum: float = 30.0
    total: float = 300.0
    honour_retry_after_up_to: float = 120.0

    def retry_after_cap(self, deadline: float | None = None) -> float:
        """The longest wait a ``Retry-After`` gets: ``honour_retry_after_up_to``, or the call
        deadline when that is shorter (a wait longer than a call may take helps no one)."""
        cap = self.honour_retry_after_up_to
        if deadline is not None and math.isfinite(deadline) and deadline > 0:
            cap = min(cap, deadline)
        return _bounded(cap, self.honour_retry_after_up_to)

    def wait(self, deadline: float | None = None) -> Callable[[RetryCallState], float]:
        exponential = wait_exponential_jitter(
            multiplier=self.initial, max=self.maximum, jitter=self.initial
        )
        cap = self.retry_after_cap(deadline)

        def strategy(state: RetryCallState) -> float:
            error = state.outcome.exception() if state.outcome else None
            asked = error.retry_after if isinstance(error, TransientModelError) else None
            return retry_wait(float(exponential(state)), asked, cap=cap, maximum=self.maximum)

        return strategy

    def budget(self, call_deadline: float) -> float:
        """The most one logical request may take: waits and attempts up to ``total``, plus the
        deadline of the attempt in flight when ``total`` runs out."""
        return self.total + call_deadline

    def retrying(
        self,
        backoff: Backoff | None = None,
        *,
        deadline: float | None = None,
        server: str | None = None,
        window: AnswerWindow | None = None,
    ) -> AsyncRetrying:
        """The retry loop of one logical request.

        ``deadline`` (the call deadline) also caps a ``Retry-After`` wait;
        ``server`` (the base URL, redacted when shown) names the server in
        the one WARNING logged when it asks for a longer wait than we take;
        ``window`` (the caller's timeout, see :class:`AnswerWindow`) bounds how
        long a server that does not answer is retried.
        """
        backoff = backoff if backoff is not None else Backoff()
        cap = backoff.retry_after_cap = self.retry_after_cap(deadline)
        asked_too_long = _stop_if_asked_too_long_again(cap)

        def before_sleep(state: RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome else None
            if not isinstance(error, TransientModelError):
                return
            if window is not None and error.status_code is not None:
                window.answered(after=state.upcoming_sleep)  # an error status is an answer
            asked = error.retry_after
            if error.status_code == 429 or asked is not None:  # the server said when: all wait
                # the wait just computed (retry_wait): the schedule's at least, a Retry-After
                # of 0 or in the past shortens no worker's pause
                backoff.push(state.upcoming_sleep)
            if asked is None or asked <= cap:
                return
            asked_too_long.waited = True
            if not backoff.warned_retry_after:
                backoff.warned_retry_after = True
                logger.warning(
                    redact(
                        f"the model server{_at(server)} asked to wait {seconds_text(asked)} "
                        f"before retrying (HTTP {error.status_code}); waiting "
                        f"{seconds_text(cap)} instead, the most a request waits, then "
                        "retrying once; a request it keeps refusing fails"
                    )
                )

        return AsyncRetrying(
            stop=stop_after_attempt(self.attempts)
            | stop_after_delay(self.total)
            | _stop_if_wait_passes(self.total)
            | _stop_if_server_down(backoff)
            | _stop_if_window_passes(window)
            | asked_too_long,
            wait=self.wait(deadline),
            retry=retry_if_exception_type(TransientModelError),
            before_sleep=before_sleep,
            reraise=True,
        )


class _stop_if_wait_passes(stop_base):
    """Stop instead of beginning a wait that would end past ``total``."""

    def __init__(self, total: float) -> None:
        self.total = total

    def __call__(self, retry_state: RetryCallState) -> bool:
        elapsed = retry_state.seconds_since_start or 0.0
        return elapsed + (retry_state.upcoming_sleep or 0.0) > self.total


class _stop_if_window_passes(stop_base):
    """Stop retrying a request the server did not answer once its :class:`AnswerWindow`
    is spent, or would be by the end of the wait before the next attempt."""

    def __init__(self, window: AnswerWindow | None) -> None:
        self.window = window

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        if self.window is None or not isinstance(error, TransientModelError):
            return False
        if error.status_code is not None:  # answered: the window starts anew (before_sleep)
            return False
        return self.window.left() - (retry_state.upcoming_sleep or 0.0) <= 0


class _stop_if_server_down(stop_base):
    """Stop retrying a refusal of the server while it is down (see :class:`Backoff`)."""

    def __init__(self, backoff: Backoff) -> None:
        self.backoff = backoff

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        return self.backoff.server_down and error is not None and self.backoff.refuses(error)


class _stop_if_asked_too_long_again(stop_base):
    """A request waits the capped time once for a 429 that asks longer; asked again, it stops.

    A server that wants a day will still want most of it after two minutes:
    each further capped wait would only hold the document (and, through the
    shared pause, every worker) without a chance of an answer.
    """

    def __init__(self, cap: float) -> None:
        self.cap = cap
        self.waited = False

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        asked = error.retry_after if isinstance(error, TransientModelError) else None
        return self.waited and asked is not None and asked > self.cap


def retry_wait(schedule: float, retry_after: float | None, *, cap: float, maximum: float) -> float:
    """The wait before a retry: ``max(schedule, min(retry_after, cap))``.

    ``schedule`` is the exponential backoff for this attempt (bounded by
    ``maximum``); ``retry_after`` is what the server asked for
    (:func:`parse_retry_after`), ``cap`` the longest wait it gets
    (:meth:`RetryPolicy.retry_after_cap`). The server's ``Retry-After`` is a floor,
    never a reason to wait less than the schedule: a server that answers 429 with
    ``Retry-After: 0`` (or a negative value, or a date in the past) while it is still
    rate limiting would otherwise be retried back to back, every attempt spent in a
    fraction of a second. The result is finite, within ``[0, max(maximum, cap)]``:
    no longer than either wait alone could be, so no deadline grows.
    """
    planned = _bounded(schedule, maximum)
    if retry_after is None:
        return planned
    return max(planned, _bounded(retry_after, cap))


def _bounded(seconds: float, cap: float) -> float:
    """A wait within [0, cap], whatever went into it."""
    if not math.isfinite(seconds):
        return cap if seconds > 0 else 0.0
    return min(max(seconds, 0.0), cap)
