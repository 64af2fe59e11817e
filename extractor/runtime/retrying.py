"""Which failures are worth retrying, and how long to wait.

Two kinds of retry are kept apart on purpose:

* *transient* server failures (429, 5xx, timeouts, dropped connections) are
  retried here with tenacity: exponential backoff with jitter, a cap on the
  total time, and the server's ``Retry-After`` honoured;
* *validation* failures are re-asked by instructor with the validation errors.

API errors therefore never reach a re-ask prompt, and a client error (a bad
key, an unknown model, a malformed request) fails at once with a message that
says what to fix, because repeating it cannot help.

A :class:`Backoff` is shared by every concurrent call of one extractor: when
the server says 429, all workers pause together instead of each hammering it.

Time is bounded everywhere: a ``Retry-After`` header, whatever it holds, is
read as a finite wait within bounds or ignored (:func:`parse_retry_after`);
no wait runs past ``RetryPolicy.total``; and with the deadline of each call
(see ``Extractor.call_deadline``), :meth:`RetryPolicy.budget` is a hard
limit on one logical request that the engine enforces.
"""

from __future__ import annotations

import asyncio
import email.utils
import html
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
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

from extractor.errors import ClientModelError, ModelError, TransientModelError, WireError
from extractor.redact import redact

TRANSIENT_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529})
#: The longest ``Retry-After`` taken from a server, in seconds (the policy caps it further).
MAX_RETRY_AFTER = 3600.0
#: How much of a server's error text goes into a message.
EXCERPT_CHARS = 200
#: How much of a server's error text is read to make the excerpt.
EXCERPT_SCAN = 100_000

_CLIENT_HINTS: dict[int, str] = {
    400: "the server rejected the request as malformed; check --model and the server's "
    "OpenAI compatibility (a json_schema response_format is not supported by every server)",
    401: "the server rejected the API key: set OPENAI_API_KEY (or EXTRACTOR_API_KEY) to a valid key",
    403: "the API key is not allowed to use this model: check the key's permissions",
    404: "the server does not know this model or endpoint: check --model and --base-url",
    413: "the request is too large for the server: raise its request limit, or split "
    "articles into smaller chunks with Extractor(chunk_chars=...)",
    422: "the server could not process the request: check --model and the options",
}


# ------------------------------------------------------------------ Retry-After


def parse_retry_after(
    value: Any, *, milliseconds: bool = False, now: float | None = None
) -> float | None:
    """Seconds to wait from a ``Retry-After`` (or ``retry-after-ms``) header value.

    Invariant: the result is None (no usable hint: absent, empty, ``soon``,
    NaN, a malformed date) or a finite number of seconds within
    ``[0, MAX_RETRY_AFTER]`` (a negative value or a date in the past is 0, a
    huge one or a date far ahead is capped). Never raises, whatever the
    server sends.
    """
    try:
        if value is None:
            return None
        text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        text = text.strip()
        if not text:
            return None
        seconds: float | None
        try:
            seconds = float(text)
        except ValueError:
            seconds = None if milliseconds else _seconds_until(text, now)
        else:
            if milliseconds:
                seconds /= 1000
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


def classify(error: BaseException) -> ModelError | None:
    """Map an exception from openai / httpx / another SDK onto our tree, or None.

    The cause chain is searched twice: first for an error of ours (a
    :class:`ModelError` or a :class:`WireError` raised by our HTTP client
    under the SDK's wrapping), then for the first exception that maps.
    """
    chain = _chain(error)
    for current in chain:
        if isinstance(current, WireError):
            return current.error
        if isinstance(current, ModelError):
            return current
    for current in chain:
        mapped = _classify_one(current)
        if mapped is not None:
            return mapped
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


def _classify_one(error: BaseException) -> ModelError | None:
    name = type(error).__name__
    status = getattr(error, "status_code", None)
    response = getattr(error, "response", None)
    if status is None and response is not None:
        status = getattr(response, "status_code", None)
    if isinstance(status, int) and not isinstance(status, bool):
        message = server_text(error)
        if status in TRANSIENT_STATUS or status >= 500:
            headers = getattr(response, "headers", None)
            return TransientModelError(
                f"the model server answered HTTP {status}: {message}",
                status_code=status,
                retry_after=_retry_after(headers),
            )
        hint = _CLIENT_HINTS.get(status, "the server refused the request")
        return ClientModelError(f"{hint} (HTTP {status}: {message})", status_code=status)
    if isinstance(error, TimeoutError | asyncio.TimeoutError) or "Timeout" in name:
        return TransientModelError(f"the model server did not answer in time ({name})")
    if "Connection" in name or isinstance(error, ConnectionError):
        return TransientModelError(
            f"could not reach the model server ({name}: {_first_line(error)})"
        )
    if name in ("RemoteProtocolError", "ReadError", "ProtocolError", "IncompleteRead"):
        return TransientModelError(f"the connection broke mid-answer ({name})")
    return None


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
    text = str(error).strip()
    return redact(text.splitlines()[0][:300]) if text else type(error).__name__


class Backoff:
    """A pause shared by every worker of one extractor, set by 429 answers."""

    def __init__(self) -> None:
        self._resume_at = 0.0

    def push(self, seconds: float) -> None:
        self._resume_at = max(self._resume_at, time.monotonic() + seconds)

    async def wait(self) -> None:
        delay = self._resume_at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)


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

    def wait(self) -> Callable[[RetryCallState], float]:
        exponential = wait_exponential_jitter(
            multiplier=self.initial, max=self.maximum, jitter=self.initial
        )

        def strategy(state: RetryCallState) -> float:
            error = state.outcome.exception() if state.outcome else None
            if isinstance(error, TransientModelError) and error.retry_after is not None:
                return _bounded(error.retry_after, self.honour_retry_after_up_to)
            return _bounded(float(exponential(state)), self.maximum)

        return strategy

    def budget(self, call_deadline: float) -> float:
        """The most one logical request may take: waits and attempts up to ``total``, plus the
        deadline of the attempt in flight when ``total`` runs out."""
        return self.total + call_deadline

    def retrying(self, backoff: Backoff | None = None) -> AsyncRetrying:
        def before_sleep(state: RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome else None
            if (
                backoff is not None
                and isinstance(error, TransientModelError)
                and error.status_code == 429
            ):
                backoff.push(state.upcoming_sleep)

        return AsyncRetrying(
            stop=stop_after_attempt(self.attempts)
            | stop_after_delay(self.total)
            | _stop_if_wait_passes(self.total),
            wait=self.wait(),
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


def _bounded(seconds: float, cap: float) -> float:
    """A wait within [0, cap], whatever went into it."""
    if not math.isfinite(seconds):
        return cap if seconds > 0 else 0.0
    return min(max(seconds, 0.0), cap)
