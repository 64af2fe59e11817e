"""Which model to talk to, and an instructor client shaped for it.

Model names follow instructor's ``provider/model`` convention
(``openai/gpt-4o-mini``, ``anthropic/claude-3-5-haiku-latest``,
``ollama/qwen2.5``); ``local`` (or ``local/0.5b``) is the embedded llama.cpp
model; any OpenAI-compatible server is reached with ``base_url``. Settings
fall back to the environment (:mod:`extractor.settings`) so that pipelines and
the CLI share them: ``EXTRACTOR_MODEL``, ``EXTRACTOR_BASE_URL``,
``EXTRACTOR_API_KEY`` and the provider's own key variable (``OPENAI_API_KEY`` ...).

The instructor mode suits the server. OpenAI's own API gets TOOLS. An
OpenAI-compatible server (llama.cpp, vLLM, ...) gets ``grammar``: instructor's
JSON_SCHEMA mode, with the ``response_format`` replaced by llama.cpp's
``{"type": "json_object", "schema": ...}``, which its server turns into a
decoding grammar, so even a small model can only answer in the schema's shape
(``llama_cpp.server`` answers 500 to OpenAI's ``json_schema`` format). Unlike
instructor's JSON mode, this adds no schema text to the prompt: measured on
the 1.5B model, the "As a genius expert ... json_schema" text appended after
the article made it answer empty lists for arms transfers and casualties
that it found without it.

Every request to an OpenAI-compatible server goes through :class:`GuardedHttpClient`,
which holds two invariants the SDK does not: a request has a total wall-clock
deadline (a read timeout alone lets a server that sends one byte a second
hold a request forever), and an answer to a chat-completions request is a
chat completion (a redirect, an HTML page, ``{}`` or ``choices: []`` is an
:class:`~extractor.errors.IncompatibleServerError`, not a model failure), and
a completion the model refused (``message.refusal``, or
``finish_reason="content_filter"``) is a :class:`~extractor.errors.ModelRefusal`
before instructor can mistake it for a JSON mistake and re-ask.
Every key and base URL resolved here is registered with
:mod:`extractor.redact`, so neither can appear in a message.

Anthropic models (``anthropic/...``) speak Anthropic's own Messages API
(:data:`NATIVE_APIS`), at Anthropic or, with ``base_url``, at a gateway of
that API (not an OpenAI-compatible server): the client is built here from
:mod:`extractor.runtime.anthropic_wire` (the SDK's retries off, the same
deadline and answer check as :class:`GuardedHttpClient`, a refusal a
:class:`~extractor.errors.ModelRefusal`), and the key comes from
``ANTHROPIC_API_KEY`` (or ``EXTRACTOR_API_KEY``) with or without a base URL.
Resolving such a model without its SDK installed is a one-line
:class:`~extractor.errors.ConfigurationError` naming the extra to install.

A user name and password in the base URL (``http://user:pass@host/v1``) are
never sent silently, and never in place of an API key: httpx would send them
as HTTP Basic auth, which replaces the ``Bearer`` key in the one
``Authorization`` header. With a key set, such a URL is refused (a
:class:`~extractor.errors.ConfigurationError` that says which to remove);
without one, they are sent as Basic auth, explicitly, with a WARNING once,
and the URL the SDK sees no longer holds them.
"""

from __future__ import annotations

import asyncio
import base64
import contextvars
import functools
import importlib
import importlib.util
import json
import logging
import math
import re
import unicodedata
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import httpx2
import instructor
import openai
from httpx2._decoders import ContentDecoder

from extractor.blank import is_blank
from extractor.errors import (
    ConfigurationError,
    IncompatibleServerError,
    ModelRefusal,
    TooDeepJSON,
    WireError,
)
from extractor.redact import (
    MOST_ERROR_TEXT,
    clean_surrogates,
    escape_surrogates,
    install_log_filter,
    port_may_be_password,
    redact,
    redacted_repr,
    redactor,
    register_secret,
    register_url,
    without_userinfo,
)
from extractor.runtime.instructor_compat import memoize_async_validator_check, quiet_retry_log
from extractor.runtime.local.weights import DEFAULT_SIZE, MODELS
from extractor.runtime.retrying import (
    ApiHints,
    broken_answer,
    broken_http,
    deadline_error,
    excerpt,
    register_client_hints,
)
from extractor.runtime.urls import (
    misspelt_scheme,
    password_problem,
    shown_url,
    unusable_url,
    url_problem,
)
from extractor.settings import KEY_VARIABLES, settings

ModeName = Literal["auto", "grammar", "json", "tools", "json_schema", "md_json"]
_MODES: dict[str, instructor.Mode] = {
    "grammar": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}
DEFAULT_OPENAI_MODEL = "openai/gpt-4o-mini"
LOCAL_MODEL_NOTICE = (
    "no model chosen and no OpenAI key set (OPENAI_API_KEY or EXTRACTOR_API_KEY); using the "
    "embedded local model (--model or EXTRACTOR_MODEL picks another)"
)


@dataclass(frozen=True)
class NativeApi:
    """A provider's own API that extractor speaks: the SDK it needs, the extra that brings
    it, and the modes its instructor handlers serve as asked (``json_schema`` falls back to
    ``json`` with the anthropic SDK 2, so its answers would be parsed for another mode)."""

    package: str
    extra: str
    modes: tuple[str, ...]


#: Providers whose own API extractor speaks (not OpenAI's), at their host or at a base URL
#: (a gateway or proxy of that API).
NATIVE_APIS: dict[str, NativeApi] = {
    "anthropic": NativeApi("anthropic", "extractor[anthropic]", ("auto", "tools", "json")),
}

logger = logging.getLogger(__name__)

#: What to do about a 4xx the openai SDK raises: OpenAI's API, or an OpenAI-compatible
#: server at --base-url (both read OPENAI_API_KEY, see :func:`resolve_model`).
OPENAI_HINTS = ApiHints(
    key_variable=KEY_VARIABLES["openai"],
    by_status={
        400: "the server rejected the request as malformed; check --model and the server's "
        "OpenAI compatibility (a json_schema response_format is not supported by every server)",
        405: "the server does not take chat completions at this address: check --base-url "
        "(the address of the API itself, usually ending in /v1)",
        415: "the server did not accept the request's format: it may not be OpenAI-compatible; "
        "check --base-url",
    },
)
register_client_hints("openai", OPENAI_HINTS)


@dataclass(frozen=True)
class ModelSpec:
    """A resolved model: where it is, how to address it, and in which mode."""

    label: str
    provider: str
    model: str
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: ModeName = "auto"
    local_size: str | None = None

    __repr__ = redacted_repr  # no URL login in a traceback or a notebook

    @property
    def openai_compatible(self) -> bool:
        if self.provider in NATIVE_APIS:  # its own API, at its host or at the base URL
            return False
        return self.provider == "openai" or self.base_url is not None or self.is_local

    @property
    def dialect(self) -> str:
        """The API the requests are written for (:func:`extractor.runtime.wire.dialect`):
        ``anthropic`` for Anthropic's Messages API, else ``openai`` (chat completions)."""
        return self.provider if self.provider in NATIVE_APIS else "openai"

    @property
    def is_local(self) -> bool:
        return self.provider == "local"

    @property
    def effective_mode(self) -> ModeName:
        if self.mode != "auto":
            return self.mode
        if self.provider in NATIVE_APIS:
            return "auto"  # instructor's default for the provider (tools)
        if self.base_url is not None or self.is_local:
            return "grammar"
        return "tools" if self.provider == "openai" else "auto"

    @property
    def instructor_mode(self) -> instructor.Mode:
        mode = self.effective_mode
        return instructor.Mode.TOOLS if mode == "auto" else _MODES[mode]

    @property
    def sends_schema_format(self) -> bool:
        """Whether to constrain decoding with ``response_format`` {json_object, schema}."""
        return self.openai_compatible and self.effective_mode == "grammar"


def canonical_model(label: str) -> str:
    """A model as ``<provider>/<name>``: a bare name is an OpenAI one (``gpt-4o-mini`` is
    ``openai/gpt-4o-mini``), as :func:`resolve_model` reads it. Two spellings of one model
    ask the same; compare these, never the strings as typed."""
    return label if "/" in label else f"openai/{label}"


def environment_problem() -> str | None:
    """What is wrong with ``EXTRACTOR_MODE`` or ``EXTRACTOR_LOCAL_SIZE``, naming the
    variable and what it may hold; None when both are unset or sound.

    Reported where the value is used, the mistake read as one of the article's
    ("a.txt: unknown mode") or of an option the user never gave (``--size``).
    """
    return _mode_problem() or _size_problem()


def _mode_problem() -> str | None:
    mode = settings().mode
    if mode is None or mode in ("auto", *_MODES):
        return None
    return f"EXTRACTOR_MODE={mode!r}: use one of auto, {', '.join(_MODES)}, or unset it"


def _size_problem() -> str | None:
    from extractor.runtime.local import MODELS

    size = settings().local_size
    if size is None or size.strip().lower() in MODELS:
        return None
    return f"EXTRACTOR_LOCAL_SIZE={size!r}: use one of {', '.join(MODELS)}, or unset it"


def resolve_model(
    model: str | None = None,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: ModeName | None = None,
    announce: bool = True,
) -> ModelSpec:
    """Resolve explicit settings, then the environment, then the embedded default.

    Falling back to the embedded model is logged at INFO level on this
    module's logger (:data:`LOCAL_MODEL_NOTICE`; ``announce=False`` skips
    it): the CLI shows it, a library caller sees it only if it configures
    logging.
    """
    env = settings()
    model = (model.strip() if model else None) or env.model  # as the variable is read
    if model is not None:
        check_utf8("the model", model)
    # blanks around a pasted URL mean nothing, as in the variable (read stripped)
    base_url = (base_url.strip() if base_url else None) or env.base_url
    _register_secrets(api_key, base_url)
    check_proxies()
    if base_url is not None:
        check_base_url(base_url)
        base_url = canonical_base_url(base_url)
    chosen_mode: ModeName = mode or env.mode or "auto"  # type: ignore[assignment]
    if mode is None and (problem := _mode_problem()) is not None:
        raise ConfigurationError(problem)
    if chosen_mode not in ("auto", *_MODES):
        raise ConfigurationError(
            f"unknown mode {chosen_mode!r}: use one of auto, {', '.join(_MODES)}"
        )

    if model is None:
        kind = env.default_model_kind(base_url=base_url, api_key=api_key)
        if kind == "server":
            model = "openai/default"
        elif kind == "openai":
            model = DEFAULT_OPENAI_MODEL
        elif _local_model_installed(env.local_size):
            model = "local"
            if announce:
                logger.info(LOCAL_MODEL_NOTICE)
        else:
            raise ConfigurationError(_no_model(env.local_size))

    if model == "local" or model.startswith("local/"):
        from extractor.runtime.local import get_spec

        slash, size = model.partition("/")[1:]
        if slash and not size.strip():  # as ``openai/`` is refused: a size was meant
            raise ConfigurationError(
                f"model {model!r} names no local size: give local or local/<size> "
                f"({', '.join(MODELS)}), in --model or EXTRACTOR_MODEL"
            )
        if not size:
            if (problem := _size_problem()) is not None:
                raise ConfigurationError(problem)
            size = env.local_size or DEFAULT_SIZE
        alias = get_spec(size).alias
        return ModelSpec(label=f"local/{size}", provider="local", model=alias,
                         mode=chosen_mode, local_size=size)  # fmt: skip

    provider, slash, name = model.partition("/")
    if not slash:
        provider, name = "openai", model
    if not provider.strip() or not name.strip():
        raise ConfigurationError(
            f"model {model!r} names no model: give <provider>/<model> (openai/gpt-4o-mini, "
            "anthropic/claude-...) or a model name (gpt-4o-mini), in --model or EXTRACTOR_MODEL"
        )
    sdk_url = {"openai": env.openai_base_url, "anthropic": env.anthropic_base_url}.get(provider)
    if base_url is None and sdk_url is not None:
        # the SDK would read OPENAI_BASE_URL / ANTHROPIC_BASE_URL itself, unchecked, unredacted
        base_url = sdk_url
        _register_secrets(None, base_url)
        check_base_url(base_url)
        base_url = canonical_base_url(base_url)
    require_package(provider)
    native = NATIVE_APIS.get(provider)
    if native is not None and chosen_mode not in native.modes:
        raise ConfigurationError(
            f"{provider} models take --mode {', '.join(native.modes)}, not {chosen_mode!r}"
        )
    if base_url is not None:
        # an OpenAI-compatible server takes OPENAI_API_KEY; a gateway of a native API its key
        own = provider if provider in NATIVE_APIS else "openai"
        key = check_api_key(api_key or env.api_key or env.provider_key(own))
        _refuse_two_credentials(base_url, key)
        if provider in NATIVE_APIS and key is None and url_credentials(base_url) is None:
            # its SDK refuses to send a request without one: found per document, it read
            # as a model failure ("no valid answer") on every document
            raise ConfigurationError(
                f"model {model!r} needs an API key, through a gateway (--base-url) too: set "
                f"{KEY_VARIABLES.get(provider, 'its key variable')} or EXTRACTOR_API_KEY"
            )
        return ModelSpec(label=model, provider=provider, model=name, base_url=base_url,
                         api_key=key, mode=chosen_mode)  # fmt: skip
    key = check_api_key(api_key or env.api_key or env.provider_key(provider))
    if provider in KEY_VARIABLES and key is None:
        raise ConfigurationError(
            f"model {model!r} needs an API key: set {KEY_VARIABLES[provider]} "
            "or EXTRACTOR_API_KEY (from Python, the api_key argument also works)"
        )
    return ModelSpec(label=model, provider=provider, model=name, api_key=key, mode=chosen_mode)


def require_package(provider: str) -> None:
    """ConfigurationError, in one line, when the SDK of a provider whose own API extractor
    speaks (:data:`NATIVE_APIS`) is not installed: before any work, not at the first call."""
    needed = NATIVE_APIS.get(provider)
    if needed is None:
        return
    try:
        importlib.import_module(needed.package)
    except ImportError:
        raise ConfigurationError(
            f"{provider} models need the {needed.package} package: pip install '{needed.extra}'"
        ) from None


def check_api_key(key: str | None) -> str | None:
    """The key without surrounding whitespace; ConfigurationError for a character no HTTP
    header can carry (a curly quote or a line break pasted in), before any request.

    Such a key used to fail every document as a model error ("try --max-retries 3") or
    as an unreachable server, and a rerun after the fix redid nothing. The message
    names the character and its position, never the key.
    """
    if key is None:
        return None
    key = key.strip()
    for position, character in enumerate(key, start=1):
        if not "!" <= character <= "~":
            name = unicodedata.name(character, f"U+{ord(character):04X}")
            raise ConfigurationError(
                f"the API key holds {name} at character {position}, which an HTTP header "
                "cannot carry (pasted from a document?): check EXTRACTOR_API_KEY or the "
                "provider's key variable"
            )
    return key or None


_PROXY_VARIABLES_SHOWN = "HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY"


def check_proxies() -> None:
    """Refuse proxy variables the HTTP client cannot use, before any work (ConfigurationError).

    The client reads ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` when
    it is built, and raises for one it cannot parse (``HTTP_PROXY=::::``, a port that is
    no number or past 65535, a SOCKS proxy without the ``socksio`` package): a traceback
    in ``extract``, an "internal" error line for every document of a bulk run. The
    values are read as the client reads them; the message shows them redacted.
    """
    try:
        from httpx2 import Proxy
        from httpx2._utils import URLPattern, get_environment_proxies
    except ImportError:  # another client version: it says so itself
        return
    typed_values = urllib.request.getproxies()  # as typed: the client puts http:// before some
    for pattern, value in get_environment_proxies().items():
        typed = typed_values.get(pattern.partition("://")[0]) if value is not None else None
        typed = typed if typed is not None and "://" not in typed else None
        shown = redact(shown_url(typed or value or pattern))
        if typed is not None and (misspelt := misspelt_scheme(typed)) is not None:
            raise ConfigurationError(
                f"the proxy {shown!r} from the environment is not one the HTTP client can use "
                f"({redact(misspelt)}): fix or unset {_PROXY_VARIABLES_SHOWN}"
            )
        try:
            URLPattern(pattern)
            if value is None:
                continue
            url = Proxy(value).url
            port = url.port
        except Exception as error:  # the client's own parse: InvalidURL, ValueError ...
            why = unusable_url(value or pattern, error)
            raise ConfigurationError(
                f"the proxy {shown!r} from the environment is not one the HTTP client can use "
                f"({redact(why or '')}): fix or unset {_PROXY_VARIABLES_SHOWN}"
            ) from None
        if url_problem(value) is None and (why := password_problem(value)) is not None:
            raise ConfigurationError(
                f"the proxy {shown!r} from the environment is not one the HTTP client can use "
                f"({why}): fix or unset {_PROXY_VARIABLES_SHOWN}"
            )
        if not url.host:
            raise ConfigurationError(
                f"the proxy {shown!r} from the environment names no host: "
                f"fix or unset {_PROXY_VARIABLES_SHOWN}"
            )
        if port is not None and not 0 < port < 65536:
            said = "a port" if port_may_be_password(str(port)) else f"port {port}"
            raise ConfigurationError(
                f"the proxy {shown!r} from the environment has {said}, which no host "
                f"has (1 to 65535): fix or unset {_PROXY_VARIABLES_SHOWN}"
            )
        if url.scheme in ("socks5", "socks5h") and importlib.util.find_spec("socksio") is None:
            raise ConfigurationError(
                f"the proxy {shown!r} from the environment is a SOCKS proxy, which needs the "
                f"socksio package: pip install socksio, or unset {_PROXY_VARIABLES_SHOWN}"
            )


def canonical_base_url(url: str) -> str:
    """``url`` without the slashes that end its path: ``http://h/v1/`` and ``http://h/v1``
    are one server (the SDK adds the slash itself), so a rerun, a batch state and a
    results line name it one way whichever the user typed. A URL with a query or a
    fragment is left as it is.
    """
    parts = urlsplit(url.strip())  # the scheme comes back lower-case ("HTTP://" is "http://")
    if parts.query or parts.fragment:
        return url.strip()
    return urlunsplit(parts._replace(path=parts.path.rstrip("/")))


def check_utf8(what: str, value: str) -> None:
    """Refuse a setting holding bytes that are not UTF-8 (a command line or environment
    value with a Latin-1 byte reaches Python as a lone surrogate, ``\\udcff``): no request
    can carry it, and it failed as a traceback or as an "internal" error on every
    document. Raises ConfigurationError, the value shown with its bytes escaped."""
    if clean_surrogates(value) is not value:
        shown = escape_surrogates(redact(value))
        raise ConfigurationError(
            f"{what} {shown!r} holds bytes that are not UTF-8: give it in UTF-8"
        )


def check_base_url(url: str) -> None:
    """Refuse a base URL no request could reach, before any work; raises ConfigurationError.

    ``notaurl`` (no scheme) made every document wait ~35 s for a connection
    error that never named the URL. An http(s) scheme, a host and a valid
    port are required; whether the server answers is found by the first
    request. The message shows the URL redacted (its password never).
    """
    # its login masked as typed (a password goes, with any "/" or "?" in it, registered or
    # not), then cut at a query or fragment, whose values may be secrets the redactor
    # does not know
    masked = redact(shown_url(url))
    head, cut = [*re.split(r"([?#])", masked, maxsplit=1), ""][:2]
    shown = head + (f"{cut}…" if cut else "")
    expected = "give the server's address such as http://localhost:8000/v1 (http://host:port/v1)"
    check_utf8("the base URL", url)
    why = unusable_url(url)  # http:/host, host:8080, a port past 65535, user:pa/ss@host
    if why is not None:
        raise ConfigurationError(f"the base URL {shown!r} is not a URL ({redact(why)}); {expected}")
    parts = urlsplit(url.strip())  # parses: unusable_url said so
    port = parts.port
    if parts.scheme.lower() not in ("http", "https"):
        raise ConfigurationError(
            f"the base URL {shown!r} has the scheme {parts.scheme!r}, not http:// or https://; "
            f"{expected}"
        )
    if not parts.hostname or port == 0:
        raise ConfigurationError(f"the base URL {shown!r} names no host and port; {expected}")
    if parts.query or parts.fragment:
        # the SDK appends the API's paths after it (``/v1?key=x/chat/completions``): no
        # request would reach the API, and a key in the query would be sent as a path
        raise ConfigurationError(
            f"the base URL {shown!r} holds a query or fragment, which the client "
            "would put before the API's paths, so no request reaches the API: give the URL "
            "without it, and a key with EXTRACTOR_API_KEY (or the provider's key variable)"
        )
    blank = re.search(r"[\s\x00-\x1f\x7f]", url.strip())
    if blank:
        raise ConfigurationError(
            f"the base URL {shown!r} holds {unicodedata.name(blank.group(), 'a control character')}"
            f" at character {blank.start() + 1}, which no URL holds; {expected}"
        )


def _register_secrets(api_key: str | None, base_url: str | None) -> None:
    """Make the key and the URL's credentials known to the redactor before anything can fail."""
    register_secret(api_key)
    register_url(base_url)
    install_log_filter()


def url_credentials(url: str | None) -> tuple[str, str] | None:
    """The (user, password) in ``url``'s userinfo, decoded, or None when it has none."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        user, password = parts.username, parts.password
    except ValueError:
        return None
    if user is None and password is None:
        return None
    return unquote(user or ""), unquote(password or "")


def without_credentials(url: str) -> str:
    """``url`` with its userinfo removed (``http://u:p@h:8/v1`` -> ``http://h:8/v1``)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=host))


def _refuse_two_credentials(base_url: str, key: str | None) -> None:
    """A key and a URL password cannot both go in the one Authorization header: say so."""
    if key and url_credentials(base_url) is not None:
        raise ConfigurationError(
            f"the base URL {redact(base_url)} holds credentials (user@ or user:password@), "
            "and an API key "
            "is set: both would go in the one Authorization header, and the URL's would "
            "replace the key. Remove them from the URL (the key goes in the Authorization header), "
            "or unset the key (EXTRACTOR_API_KEY, OPENAI_API_KEY, the api_key argument) to send them "
            "as HTTP Basic auth"
        )


_ANNOUNCED_BASIC: set[str] = set()


def _basic_auth(base_url: str | None) -> tuple[str | None, dict[str, str]]:
    """The base URL without its userinfo, and that userinfo as an explicit Basic auth header.

    A header of the client, not httpx's auth from the URL: the URL the SDK
    sees, logs and puts in its errors then holds no password.
    """
    credentials = url_credentials(base_url)
    if base_url is None or credentials is None:
        return base_url, {}
    shown = redact(base_url)
    if shown not in _ANNOUNCED_BASIC:
        _ANNOUNCED_BASIC.add(shown)
        logger.warning(
            f"sending the user name and password of the base URL {shown} as HTTP Basic auth "
            "(no API key is set)"
        )
    token = base64.b64encode(":".join(credentials).encode("utf-8", "surrogatepass")).decode()
    return without_credentials(base_url), {"Authorization": f"Basic {token}"}


def _no_model(size: str | None) -> str:
    """Why no model could be chosen, and what to do: a damaged embedded model (a copy cut
    short, a disk that filled) is named with its path, since installing the package again,
    what the general advice says, would not replace it."""
    try:
        from extractor.runtime.local import status

        entry = status().get(size or DEFAULT_SIZE)
    except Exception:  # an unreadable data folder: the general advice still holds
        entry = None
    if entry is not None and entry.bytes_on_disk and not entry.installed:
        return (
            f"no model configured: the embedded model {entry.path} is damaged "
            f"({entry.bytes_on_disk:,} of {entry.spec.size_bytes:,} bytes): run "
            "`extractor model install` to fetch it again, or set OPENAI_API_KEY or "
            "EXTRACTOR_BASE_URL"
        )
    return (
        "no model configured. Either set OPENAI_API_KEY (and optionally "
        "EXTRACTOR_MODEL=openai/gpt-4o-mini), point EXTRACTOR_BASE_URL at an "
        "OpenAI-compatible server, or install the embedded offline model: "
        "pip install 'extractor[local]' && extractor model install"
    )


def _local_model_installed(size: str | None) -> bool:
    try:
        from extractor.runtime.local import model_path
    except ImportError:  # pragma: no cover - the local package ships with extractor
        return False
    return model_path(size or DEFAULT_SIZE) is not None


def documents_at_once(spec: ModelSpec) -> int | None:
    """How many documents the model's server should have in flight, if it has a limit.

    Only the embedded model has one (one per llama-server slot: see
    :func:`extractor.runtime.local.documents_at_once`); remote servers take
    what the run's concurrency gives them.
    """
    if not spec.is_local:
        return None
    from extractor.runtime.local import documents_at_once as local_documents

    return local_documents(spec.local_size or DEFAULT_SIZE)


def prime_local(spec: ModelSpec, messages: list[dict[str, str]]) -> bool:
    """Have the embedded model's server hold ``messages`` evaluated in every slot.

    ``messages`` must open every request of the run (the codebook); see
    :meth:`~extractor.runtime.local.LocalServer.prime`. False, and harmless,
    for any other model or when the server cannot.
    """
    if not spec.is_local:
        return False
    from extractor.runtime.local import shared_server

    return shared_server(size=spec.local_size or DEFAULT_SIZE).prime(messages)


def sdk_arguments(request: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments of an OpenAI ``create``, with the ``response_format`` of ``extra_body``
    in place of instructor's.

    In ``grammar`` mode instructor (JSON_SCHEMA) passes its own
    ``response_format`` holding the whole schema, and ours, llama.cpp's
    ``{json_object, schema}``, goes in ``extra_body``, which the SDK merges
    over it: the request is ours either way. Passed as the argument itself,
    the SDK neither walks the schema it would throw away (its request
    transform, a millisecond or more of CPU per call; it leaves a
    ``json_object`` format's ``schema`` alone) nor moves the field: the body
    is byte for byte the one of before. Text messages skip that transform too
    (see below), in the same place in the body. The live client (:func:`build_client`)
    and a batch's requests (:func:`extractor.runtime.wire.body_bytes`) both
    send what this returns.
    """
    arguments = dict(request)
    extra = arguments.get("extra_body")
    if isinstance(extra, Mapping) and "response_format" in extra and "response_format" in arguments:
        rest = {key: value for key, value in extra.items() if key != "response_format"}
        arguments["response_format"] = extra["response_format"]
        if rest:
            arguments["extra_body"] = rest
        else:
            del arguments["extra_body"]
    messages = arguments.get("messages")
    if _plain_text(messages) and not (isinstance(extra, Mapping) and "messages" in extra):
        # The SDK's transform of the messages (a union of six TypedDicts per message,
        # tried in turn) was 2 ms of CPU per call, a sixth of the client's, and changes
        # nothing in text messages. In ``extra_body`` they are sent as they are; an
        # empty list holds their place in the body, so its bytes are the same.
        arguments["messages"] = []
        arguments["extra_body"] = {"messages": messages, **(arguments.get("extra_body") or {})}
    return arguments


def _plain_text(messages: Any) -> bool:
    """Whether ``messages`` are chat messages of a role and text only (what the prompts
    and instructor's re-asks send): nothing the SDK's transform would rewrite."""
    return isinstance(messages, list) and all(
        isinstance(message, Mapping)
        and set(message) <= {"role", "content", "name"}
        and all(isinstance(value, str) for value in message.values())
        for message in messages
    )


def _skip_overridden_format(completions: Any) -> None:
    """Make ``completions.create`` send :func:`sdk_arguments`: no ``response_format`` that
    ``extra_body`` replaces reaches the SDK's request transform."""
    create = completions.create

    @functools.wraps(create)
    async def create_with_one_format(*args: Any, **kwargs: Any) -> Any:
        return await create(*args, **sdk_arguments(kwargs))

    completions.create = create_with_one_format


def build_client(
    spec: ModelSpec, *, timeout: float
) -> tuple[instructor.AsyncInstructor, str | None]:
    """An async instructor client for ``spec`` and the base URL it talks to.

    The openai SDK's own retries are off: retries are ours (see retrying.py),
    so they are counted, share one backoff and never loop twice.
    """
    memoize_async_validator_check()
    quiet_retry_log()
    base_url = spec.base_url
    if spec.is_local:
        from extractor.runtime.local import shared_server

        base_url = shared_server(size=spec.local_size or DEFAULT_SIZE).base_url
    if spec.openai_compatible:
        _refuse_two_credentials(base_url or "", spec.api_key)
        base_url, basic = _basic_auth(base_url)
        guarded = GuardedHttpClient(deadline=timeout, base_url=base_url, timeout=timeout)
        client = openai.AsyncOpenAI(
            base_url=base_url,
            api_key=spec.api_key or "sk-no-key-needed",
            max_retries=0,
            timeout=timeout,
            http_client=guarded,
            default_headers=basic or None,
        )
        _skip_overridden_format(client.chat.completions)
        return instructor.from_openai(client, mode=spec.instructor_mode), base_url
    if spec.provider in NATIVE_APIS:
        from extractor.runtime.anthropic_wire import async_client

        native = async_client(spec, timeout=timeout)
        return instructor.from_anthropic(native, mode=spec.instructor_mode), spec.base_url
    kwargs: dict[str, Any] = {"async_client": True}
    if spec.api_key:
        kwargs["api_key"] = spec.api_key
    if spec.effective_mode != "auto":
        kwargs["mode"] = spec.instructor_mode
    try:
        client = instructor.from_provider(f"{spec.provider}/{spec.model}", **kwargs)
    except Exception as error:  # instructor raises ValueError/ImportError/ConfigurationError
        raise ConfigurationError(
            f"cannot set up provider {spec.provider!r} for model {spec.label!r}: {error}. "
            f"Install its SDK (for example pip install {spec.provider}) or check the model name"
        ) from error
    return client, None


# ------------------------------------------------------------------ the HTTP client


@dataclass(frozen=True)
class AnswerCheck:
    """What an answer to a model call must look like, for one API (see :class:`Guarded`).

    ``path`` ends the URL path of the calls checked; ``api`` names the API in
    messages; ``shape`` says why a parsed JSON object is not an answer (None
    when it is one); ``refusal`` finds a refusal in an answer.
    """

    path: str
    api: str
    shape: Callable[[dict[str, Any]], str | None]
    refusal: Callable[[Any], ModelRefusal | None]

    def applies(self, request: Any) -> bool:
        try:
            return request.method == "POST" and str(request.url.path).rstrip("/").endswith(
                self.path
            )
        except AttributeError:
            return False


#: The most bytes read of the answer to one model call (64 MiB), counted as they arrive,
#: before and after decompression, on every response of the call (a redirect's too). A
#: chat completion or a message is a few kB, a long one some hundred kB: more is a server
#: that is not answering (an endless body, a gzip bomb), which without a cap grew the
#: process by 100 MB a second until the request's deadline. Such an answer ends as an
#: :class:`~extractor.errors.IncompatibleServerError` (kind ``server``), not retried.
#: Other requests of the client (a batch's result file, up to a GB) are not capped.
MAX_ANSWER_BYTES = 64 * 1024 * 1024

#: While a model call is sent (see :class:`Guarded`): the cap, the server's URL (redacted)
#: and the API it should speak, for the message.
_ANSWER_CAP: contextvars.ContextVar[tuple[int, str, str] | None] = contextvars.ContextVar(
    "extractor_answer_cap", default=None
)


def answer_too_large(where: str, limit: int, api: str) -> WireError:
    """The error for an answer longer than ``limit`` bytes from the server at ``where``."""
    return WireError(
        IncompatibleServerError(
            f"the server at {where} did not answer like {api}: its answer ran past "
            f"{_size(limit)}, the most read of one answer (a completion is a few kB), and "
            f"was cut off there; {_URL_HINT}",
            url=where,
            kind="server",
        )
    )


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:g} MiB" if count >= 1024 * 1024 else f"{count:,} bytes"


def _answer_int(digits: str) -> int | float:
    """A JSON integer of a server's answer; one too long for Python to convert (more than
    ``sys.get_int_max_str_digits()`` digits, 4,300 by default) is an infinity of its sign.

    Without this, one such integer anywhere in an answer (``usage.prompt_tokens``,
    ``created``, a choice's ``index``) made :func:`json.loads` raise ``ValueError``, and a
    valid answer was "not JSON". An infinity is what
    :func:`~extractor.pipeline.result.token_count` reads as not a count (counted 0, with
    the bad-count warning), and no other field of an answer is read as a number. The
    process-wide limit is left as it is.
    """
    try:
        return int(digits)
    except ValueError:
        return -math.inf if digits.startswith("-") else math.inf


def answer_json(raw: str | bytes | bytearray, **kwargs: Any) -> Any:
    """A model server's JSON parsed, an integer too long to convert an infinity
    (:func:`_answer_int`): every parse of a server's answer goes through it (ours, the
    SDK's own via :func:`_parse_answers`, a batch's results). Raises as :func:`json.loads`."""
    kwargs.setdefault("parse_int", _answer_int)
    try:
        data = json.loads(raw, **kwargs)
    except RecursionError:  # a ValueError to every caller: one bad line is no crash
        raise TooDeepJSON("JSON nested deeper than Python's parser reads") from None
    _drop_blank_refusals(data)
    return _redact_strings(data)


#: The field names of the answers this client reads (chat completions, batches, Anthropic's
#: messages), and the words of the protocol's own enumerations the refusal and cut-off
#: checks read: the protocol's words, never a model's or a server's free text, so no
#: secret is searched in them (:func:`_redact_strings`). A registered secret's form is any
#: run of six characters, case-blind (base32, UTF-16, a key's fragments), and one that
#: fell inside "prompt_tokens" or "content_filter" erased the count or the refusal.
_PROTOCOL_KEYS = frozenset({
    "id", "object", "created", "model", "choices", "index", "message", "role", "content",
    "refusal", "tool_calls", "function", "function_call", "name", "arguments", "type",
    "finish_reason", "stop_reason", "stop_sequence", "logprobs", "usage", "prompt_tokens",
    "completion_tokens", "total_tokens", "input_tokens", "output_tokens", "error", "code",
    "param", "status", "custom_id", "response", "status_code", "body", "result", "input",
    "text", "system_fingerprint", "service_tier",
})  # fmt: skip
_PROTOCOL_WORDS = {
    "finish_reason": frozenset({"stop", "length", "content_filter", "tool_calls", "function_call"}),
    "stop_reason": frozenset({"end_turn", "max_tokens", "stop_sequence", "tool_use", "refusal"}),
}


def _redact_strings(data: Any) -> Any:
    """``data`` with every string in it (values and keys) cleared of this process's secrets
    (:meth:`~extractor.redact.Redactor.redact_known`), in place where it can be, save the
    protocol's own field names and enumerated words (:data:`_PROTOCOL_KEYS`).

    The one choke point for what a server says: a model (or a server before it) that
    echoes the key into an answer's fields (a participant's title, a topic, a tool
    call's arguments) put it into every record, the output lines, the tables and the
    pages built from them, where errors and logs were redacted already. Walked without
    recursion, as deep as the parser read."""
    if isinstance(data, str):
        return redactor.redact_known(data)
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, str):
                    node[index] = redactor.redact_known(value)
                elif isinstance(value, dict | list):
                    stack.append(value)
        elif isinstance(node, dict):
            for key in list(node):
                value = node[key]
                clean = (
                    redactor.redact_known(key)
                    if isinstance(key, str) and key not in _PROTOCOL_KEYS
                    else key
                )
                if clean != key:
                    del node[key]
                if isinstance(value, str) and value in _PROTOCOL_WORDS.get(clean, ()):
                    node[clean] = value
                elif isinstance(value, str):
                    node[clean] = redactor.redact_known(value)
                else:
                    node[clean] = value
                    if isinstance(value, dict | list):
                        stack.append(value)
    return data


def _drop_blank_refusals(data: Any) -> None:
    """A chat completion's ``message.refusal`` that is a blank string (``""``, spaces, a
    zero-width space: :func:`~extractor.blank.is_blank`) made None, in place: it says no
    refusal, as :func:`refusal` reads it, but instructor's TOOLS mode asserts the field
    is None and turned every such answer, a valid tool call beside it, into a refusal."""
    choices = data.get("choices") if isinstance(data, dict) else None
    for choice in choices if isinstance(choices, list) else ():
        message = choice.get("message") if isinstance(choice, dict) else None
        said = message.get("refusal") if isinstance(message, dict) else None
        if isinstance(said, str) and is_blank(said):
            message["refusal"] = None  # type: ignore[index]


async def _read_now(response: httpx2.Response) -> None:
    """Read an answer the SDK asked to have streamed and reads whole itself afterwards (the
    anthropic SDK from 2.17 sends every request so): read here instead, within the
    request's deadline and before its check (:meth:`Guarded.send`), which otherwise
    saw no body, let a refusal or a wrong answer through and left a trickled body
    unbounded. The SDK's own read then finds it read."""
    try:
        await response.aread()
    except BaseException:
        await response.aclose()
        raise


def _parse_answers(response: httpx2.Response, read: Any = None) -> None:
    """Make the SDK's parse of ``response`` (openai's and anthropic's ``_parse`` call
    ``response.json()``, which is ``json.loads(response.content)``) go through
    :func:`answer_json`: the narrowest hook, this one response's ``json``, set where the
    client sends it (:meth:`Guarded.send`); neither the SDK nor the process-wide
    ``sys.set_int_max_str_digits`` is changed.

    ``read``: the body as the answer's check parsed it already (:func:`_inspect`), handed
    to the SDK's first parse instead of a second one. Every parse redacts each string of
    the answer (:func:`_redact_strings`, seconds per MB of text), on the event loop after
    the request's deadline: an answer of tens of MB, within the cap, held every worker
    once more for each parse."""
    handed = [read] if read is not None else []

    def parsed(**kwargs: Any) -> Any:
        if handed and not kwargs:
            return handed.pop()
        return answer_json(response.content, **kwargs)

    response.json = parsed  # type: ignore[method-assign]


#: How much of the body of an error answer (HTTP 4xx, 5xx) to a model call is kept: the
#: most error text worth redacting (:data:`~extractor.redact.MOST_ERROR_TEXT`). The SDK's
#: error puts all of the body into its message and ``body``, and the error chain is
#: redacted link by link: a 4 MB error page held every worker half a minute.
MAX_ERROR_BODY_BYTES = MOST_ERROR_TEXT


def _clip_error_body(response: httpx2.Response) -> None:
    """Keep at most :data:`MAX_ERROR_BODY_BYTES` of an error answer's body, read: a JSON
    body as JSON with its long strings cut (so the SDK's error still holds its ``error``
    object, message and code), any other its first bytes."""
    if not hasattr(response, "_content"):  # not read (a stream): the SDK reads it, capped
        return
    content = response.content
    limit = MAX_ERROR_BODY_BYTES
    if len(content) <= limit:
        return
    kept = _shortened_json(content, limit)
    response._content = kept if kept is not None else content[:limit]  # what the SDK reads
    if hasattr(response, "_text"):
        del response._text


def _shortened_json(content: bytes, limit: int) -> bytes | None:
    """``content``, a JSON document, written again with every string cut to a fraction of
    ``limit``; None when it is no JSON or is still longer than ``limit`` (json.loads reads
    it at C speed, without redacting: the SDK's error is redacted later, once, short)."""
    try:
        data = json.loads(content)
        kept = json.dumps(_cut_strings(data, max(limit // 8, 1)), ensure_ascii=False)
    except (ValueError, RecursionError):
        return None
    encoded = kept.encode("utf-8", "replace")
    return encoded if len(encoded) <= limit else None


def _cut_strings(data: Any, most: int) -> Any:
    """``data`` with each string longer than ``most`` characters cut there, with an ellipsis."""
    if isinstance(data, str):
        return data if len(data) <= most else data[:most] + "…"
    if isinstance(data, list):
        return [_cut_strings(item, most) for item in data]
    if isinstance(data, dict):
        return {_cut_strings(key, most): _cut_strings(value, most) for key, value in data.items()}
    return data


class _CappedStream(httpx2.AsyncByteStream):
    """A response's raw bytes, ending in ``error`` once more than ``limit`` have come."""

    def __init__(
        self, stream: httpx2.AsyncByteStream, limit: int, error: Callable[[], WireError]
    ) -> None:
        self.stream, self.limit, self.error = stream, limit, error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        read = 0
        async for chunk in self.stream:
            read += len(chunk)
            if read > self.limit:
                raise self.error()
            yield chunk

    async def aclose(self) -> None:
        await self.stream.aclose()


class _CappedDecoder(ContentDecoder):
    """A response's decoder whose output ends in ``error`` past ``limit`` bytes: a small
    compressed body can inflate a thousandfold (httpx2 decodes in pieces of 1 MiB).

    A body that does not decode is said with the ``encoding`` its headers name (the
    decompressor's own words do not: "Error -3 while decompressing data")."""

    def __init__(
        self,
        decoder: ContentDecoder,
        limit: int,
        error: Callable[[], WireError],
        encoding: str = "",
    ):
        self.decoder, self.limit, self.error, self.read = decoder, limit, error, 0
        self.encoding = excerpt(encoding, 40)

    def _counted(self, pieces: Iterator[bytes]) -> Iterator[bytes]:
        try:
            for piece in pieces:
                self.read += len(piece)
                if self.read > self.limit:
                    raise self.error()
                yield piece
        except httpx2.DecodingError as failed:
            if not self.encoding:
                raise
            raise httpx2.DecodingError(f"{self.encoding}: {failed}") from failed

    def decode(self, data: bytes) -> Iterator[bytes]:
        return self._counted(self.decoder.decode(data))

    def flush(self) -> Iterator[bytes]:
        return self._counted(self.decoder.flush())


async def _cap_answer(response: httpx2.Response) -> None:
    """A response hook: during a model call (:data:`_ANSWER_CAP` set), bound what is read
    of ``response`` to :data:`MAX_ANSWER_BYTES`; a declared longer body is refused unread."""
    cap = _ANSWER_CAP.get()
    if cap is None:
        return
    limit, where, api = cap

    def error() -> WireError:
        return answer_too_large(where, limit, api)

    declared = response.headers.get("content-length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        raise error()
    response.stream = _CappedStream(response.stream, limit, error)  # type: ignore[arg-type]
    decoder = getattr(response, "_get_content_decoder", None)  # httpx2's own, made lazily
    if decoder is not None:
        encoding = str(response.headers.get("content-encoding", ""))
        response._decoder = _CappedDecoder(decoder(), limit, error, encoding)


class Guarded:
    """A total deadline per request, a cap on the bytes of an answer and a check of each
    answer, for an SDK's HTTP client.

    Mixed into the SDK's own default client class (:class:`GuardedHttpClient`
    for openai; the Anthropic one in :mod:`extractor.runtime.anthropic_wire`),
    so the SDK's defaults stay while ``check`` (an :class:`AnswerCheck`) holds
    the invariants the SDK does not: see :class:`GuardedHttpClient`.
    """

    check: AnswerCheck
    #: Whether every answer is capped at :data:`MAX_ANSWER_BYTES`, not only a model call's.
    cap_every_answer = False
    #: Whether no request is redirected, not only a model call.
    follows_no_redirect = False

    def __init__(self, *, deadline: float, base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.deadline = deadline
        self.server_url = base_url
        hooks: dict[str, list[Any]] = self.event_hooks  # type: ignore[attr-defined]
        hooks["response"].insert(0, _cap_answer)  # the client's own list, before any other

    async def send(self, request: Any, **kwargs: Any) -> Any:
        where = redact(self.server_url or str(request.url))
        model_call = self.check.applies(request)
        capped = model_call or self.cap_every_answer
        if model_call or self.follows_no_redirect:  # a model call never is: see _redirected
            kwargs["follow_redirects"] = False
        token = _ANSWER_CAP.set((MAX_ANSWER_BYTES, where, self.check.api) if capped else None)
        try:
            async with asyncio.timeout(self.deadline) as scope:
                response = await super().send(request, **kwargs)  # type: ignore[misc]
                if capped and kwargs.get("stream"):  # extractor never asks for a stream
                    await _read_now(response)
        except TimeoutError as error:
            if scope.expired():
                raise WireError(deadline_error(self.deadline)) from error
            raise
        except httpx2.TooManyRedirects as error:
            raise WireError(self._redirect_loop(where, error)) from error
        except (httpx2.DecodingError, httpx2.RemoteProtocolError) as error:
            # an answer that breaks HTTP is the server's, said as such; one cut short stays
            # the network's, for the SDK to wrap and the retries to judge (see broken_http)
            what = broken_http(error)
            if what is None:
                raise
            raise WireError(broken_answer(what, where, self.check.api)) from error
        finally:
            _ANSWER_CAP.reset(token)
        if model_call and response.is_error:
            _clip_error_body(response)
        if model_call and response.has_redirect_location:
            await response.aclose()
            raise WireError(self._redirected(where, request, response))
        if model_call and _ends_inside_json(response):
            # a body that stops inside its JSON was cut short (a connection closed early, a
            # gzip stream missing its end, a Content-Length short of the body): the network's,
            # retried as any answer cut short is, not blamed on the base URL
            raise httpx2.RemoteProtocolError(
                "peer closed connection before the answer's JSON was complete (its body "
                "ends inside it)",
                request=request,
            )
        if not model_call:
            _parse_answers(response)
            return response
        # an event stream too: extractor never asks for one (not JSON)
        problem, data = _inspect(response, self.check)
        _parse_answers(response, data)  # parsed once: the SDK's parse is this one
        if problem is not None:
            kind, status, what = problem
            raise WireError(
                IncompatibleServerError(
                    f"the server at {where} did not answer like {self.check.api}: {what}",
                    url=where,
                    status_code=status,
                    kind=kind,
                )
            )
        refused = self.check.refusal(data)
        if refused is not None:
            raise WireError(refused)
        return response

    def _redirected(self, where: str, request: Any, response: Any) -> IncompatibleServerError:
        """Any redirect of a model call (a 3xx with a ``Location``) is the setup: said at once,
        not followed, not retried.

        Whatever it points at (another scheme such as ``file:``, a closed port, another
        host, the same address again), following it used to end as "could not reach the
        model server", retried, naming a server the user never gave; and a base URL that
        needs a redirect is a wrong base URL for every document alike. The message names
        the server asked and where it redirected, without any login in that address.
        """
        location = str(response.headers.get("location", ""))
        try:
            target = urljoin(str(request.url), location)  # a relative one, made whole
        except ValueError:  # a Location no URL parser takes: shown as sent
            target = location
        shown = excerpt(without_userinfo(target), 300) or "an empty address"
        status = int(response.status_code)
        return IncompatibleServerError(
            f"the server at {where} did not answer like {self.check.api}: it redirected the "
            f"request (HTTP {status}) to {shown}, and a model call is not redirected; "
            f"{_URL_HINT} (and https:// when the server redirects http:// to it)",
            url=where,
            status_code=status,
            kind="config",
        )

    def _redirect_loop(self, where: str, error: httpx2.TooManyRedirects) -> IncompatibleServerError:
        """A redirect loop (more than the client's ``max_redirects``) is the setup, like any
        redirect of a model call (:func:`answer_problem`): said at once, not retried."""
        try:
            last = f" (last to {redact(str(error.request.url))})"
        except RuntimeError:  # raised without its request
            last = ""
        return IncompatibleServerError(
            f"the server at {where} did not answer like {self.check.api}: it redirected the "
            f"request more than {self.max_redirects} times{last}, "  # type: ignore[attr-defined]
            f"a loop; {_URL_HINT}",
            url=where,
            kind="config",
        )


class GuardedHttpClient(Guarded, openai.DefaultAsyncHttpxClient):
    """The SDK's HTTP client with a total deadline per request and a check of each answer.

    * ``deadline``: no request takes longer, connection, upload and the whole
      answer included. Read timeouts only bound the gap between two bytes.
    * An answer to a model call is read up to :data:`MAX_ANSWER_BYTES` (raw and
      decompressed, a redirect's too); past it, an ``IncompatibleServerError``.
    * A model call is never redirected: an answer that is a redirect (a 3xx with
      a ``Location``, whatever it points at) is an ``IncompatibleServerError``
      (kind ``config``) naming the server and the target without its login, at
      once; not followed, so never "could not reach" a server nobody gave.
    * A POST to ``.../chat/completions`` must come back, without a change of
      method, as a 2xx JSON object with a non-empty ``choices`` list whose
      first entry has a ``message``, its fields of their JSON types (``content`` a
      string or null, a tool call's ``arguments`` a string: :func:`_message_types`).
    * An answer that breaks HTTP (an illegal status line, header or chunk size,
      conflicting ``Content-Length``, a body not in its ``Content-Encoding``) is an
      ``IncompatibleServerError`` (kind ``server``) at once, not retried; one cut short
      (closed or reset mid-answer) stays the network's, retried
      (:func:`~extractor.runtime.retrying.broken_http` tells them apart).
    * Every answer's JSON, the SDK's parse of it too, is read by :func:`answer_json`:
      an integer too long to convert (over 4,300 digits) is an infinity, not a
      "not JSON" answer; a token count that is one is 0 with the bad-count warning.

    * A completion whose first choice is a refusal (``message.refusal`` set,
      or ``finish_reason="content_filter"``) is a
      :class:`~extractor.errors.ModelRefusal`: instructor would read it as
      invalid JSON and re-ask, and every re-ask would be refused again.

    Failures are raised as :class:`~extractor.errors.WireError`,
    which the SDK wraps and :func:`~extractor.runtime.retrying.classify`
    unwraps: a deadline is a :class:`~extractor.errors.TransientModelError`
    (retried), a wrong answer an :class:`~extractor.errors.IncompatibleServerError`,
    a refusal a :class:`~extractor.errors.ModelRefusal` (neither retried nor re-asked).
    """

    check: AnswerCheck  # CHAT_COMPLETIONS, set below (it needs the functions that follow)


class ProbeHttpClient(GuardedHttpClient):
    """:class:`GuardedHttpClient` for a probe of the server (``GET /models``): every answer
    capped, a trickled or endless one cut at the deadline, as a model call's would be; a
    redirect not followed, since the probe asks whether the base URL listens, and a
    target that does not (a dead port it points at) said nothing about that: the
    extraction's call, never redirected either, then names the redirect."""

    cap_every_answer = True
    follows_no_redirect = True


_URL_HINT = (
    "check --base-url / EXTRACTOR_BASE_URL: it is the address of the API itself, "
    "usually ending in /v1"
)


Problem = tuple[Literal["server", "config"], int, str]


def answer_problem(response: Any, check: AnswerCheck | None = None) -> Problem | None:
    """Why ``response`` is not an answer of ``check``'s API (kind, HTTP status, what), or None
    if it is; a chat completion by default.

    Error statuses (4xx, 5xx) are left to the SDK, which raises its own errors for them.
    """
    return _inspect(response, check or CHAT_COMPLETIONS)[0]


#: How much of a refusal's text goes into the error.
REFUSAL_CHARS = 200


def refusal(data: Any) -> ModelRefusal | None:
    """The refusal in a chat completion's first choice, or None when it is an answer.

    A refusal is ``message.refusal`` set to a non-empty text (OpenAI structured
    outputs), or ``finish_reason="content_filter"`` (OpenAI, Azure: the
    provider's filter cut the answer). The text is redacted and clipped.
    """
    try:
        choice = data["choices"][0]
        message = choice.get("message") or {}
        text = message.get("refusal")
        finish = choice.get("finish_reason")
    except (TypeError, KeyError, IndexError, AttributeError):
        return None
    said = text.strip() if isinstance(text, str) and not is_blank(text) else ""
    filtered = finish == "content_filter"
    if not said and not filtered:
        return None
    from extractor.pipeline.result import answer_usage  # on use: the pipeline imports runtime

    usage = data.get("usage") if isinstance(data, dict) else None
    spent = answer_usage(usage, ("prompt_tokens", "completion_tokens"))  # a bad count said
    tokens = (spent.prompt_tokens, spent.completion_tokens)
    return refusal_error(said, filtered=filtered, tokens=tokens, usage=spent)


def refusal_error(
    text: str, *, filtered: bool = False, tokens: tuple[int, int] = (0, 0), **details: Any
) -> ModelRefusal:
    """The error for a refusal: what declined, its text (redacted, clipped), what to do."""
    shown = excerpt(text, REFUSAL_CHARS) if text.strip() else ""
    if filtered:
        what = "the provider's content filter stopped the answer"
        reason = "refused by the content filter" + (f": {shown!r}" if shown else "")
    else:
        what = "the model declined to answer"
        reason = f"refused: {shown!r}"
    details.setdefault("last_response", shown or None)
    return ModelRefusal(
        f"{what}{f': {shown!r}' if shown else ''}; not re-asked, since the same request "
        "would be refused again: this document needs another model or provider, or none",
        refusal=shown, tokens=tokens, reason=reason, **details,
    )  # fmt: skip


def _ends_inside_json(response: Any) -> bool:
    """Whether a 2xx answer's body is JSON that stops before its end: an object or list
    opened and never closed, a string never ended. Such a body is the start of an answer
    cut short, whatever the framing said; a body that is whole but wrong is not."""
    if not 200 <= int(response.status_code) < 300:
        return False
    raw = response.content
    text = (raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)).strip()
    if not text.startswith(("{", "[")):
        return False
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return error.pos >= len(text) or error.msg.startswith("Unterminated string")
    except (ValueError, RecursionError):
        return False
    return False


def _inspect(response: Any, check: AnswerCheck) -> tuple[Problem | None, Any]:
    """``(answer_problem, the parsed body)``: the body is parsed once for both checks."""
    status = int(response.status_code)
    if 400 <= status < 600:
        return None, None
    problem, data = _problem(response, status, check)
    return problem, data


def _problem(response: Any, status: int, check: AnswerCheck) -> tuple[Problem | None, Any]:
    """What is wrong with a model call's answer (a POST never redirected: a redirect is
    ``_redirected``'s), or None, with the parsed body."""
    if status >= 600:  # no address gets one: the server (or a proxy) breaks HTTP
        return (
            "server",
            status,
            f"it answered HTTP {status}, a status HTTP does not have (they end at 599); "
            f"{MISTYPED_HINT}",
        ), None
    if not 200 <= status < 300:
        return ("config", status, f"it answered HTTP {status}, not a completion; {_URL_HINT}"), None
    content_type = str(response.headers.get("content-type", "")).split(";")[0].strip()
    encoding = str(response.headers.get("content-encoding", "")).strip()
    if encoding and encoding.lower() != "identity":  # a body that decoded to nothing says so
        content_type = (
            f"{content_type or 'no content type'} (Content-Encoding: {excerpt(encoding, 40)})"
        )
    raw = response.content
    try:
        data = answer_json(raw)
    except ValueError as error:
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        page = "html" in content_type or text.lstrip()[:1] == "<"
        shown = f" ({excerpt(text)!r})" if text.strip() else " (an empty body)"
        read = "JSON nested too deep to read" if isinstance(error, TooDeepJSON) else "not JSON"
        return (
            "config" if page else "server",
            status,
            f"it answered HTTP {status} with {content_type or 'no content type'}, {read}"
            f"{shown}; {_URL_HINT}",
        ), None
    if not isinstance(data, dict):
        return (
            "server",
            status,
            f"its answer is JSON but not an object ({excerpt(raw.decode('utf-8', 'replace'))!r})",
        ), data
    if data.get("error"):
        return (
            "server",
            status,
            f"it answered HTTP {status} with an error ({excerpt(json.dumps(data['error'], ensure_ascii=False))!r})",
        ), data
    what = check.shape(data)
    return (None if what is None else ("server", status, what)), data


def answer_keys(data: dict[str, Any]) -> str:
    """An answer's keys, for a message that says what it held instead."""
    return excerpt(", ".join(sorted(map(str, data))[:8]) or "none")


def _chat_shape(data: dict[str, Any]) -> str | None:
    """Why a JSON object is not a chat completion, or None."""
    choices = data.get("choices")
    if not isinstance(choices, list):
        if "choices" in data:
            return f"its answer's 'choices' is {_json_kind(choices)}, not a list"
        return f"its answer has no 'choices' list (its keys: {answer_keys(data)})"
    if not choices:
        return "its answer has an empty 'choices' list"
    many = too_many_parts("choices", choices)
    if many is not None:
        return many
    first_choice = choices[0]
    if not isinstance(first_choice, dict) or not isinstance(first_choice.get("message"), dict):
        return "the first of its 'choices' has no 'message' object"
    finish = first_choice.get("finish_reason")
    wrong = _message_types(first_choice["message"])
    if wrong is not None:
        return wrong
    if finish == "error":  # vLLM, LiteLLM and proxies: the server failed, not the model
        return "its answer ended with finish_reason 'error' (the server failed to generate)"
    if finish in ("length", "content_filter"):
        return None  # cut off, or stopped by a filter: said as such where it is handled
    if not any(_said(first_choice["message"].get(key)) for key in _MESSAGE_PARTS):
        # nothing in it: no model answers that to a request for JSON; a server that does
        # (a broken proxy, a wrong template) does it to every document: stop, say why
        return "its answer's message is empty (no content, no tool call, no refusal)"
    return None


#: What to do about an answer whose fields are of the wrong JSON type.
MISTYPED_HINT = "the server (or a proxy before it) does not speak this API: use one that does"


#: The most choices, tool calls or content blocks an answer may hold. A call asks for one
#: completion (``n`` is never set) with one tool, so a handful is already odd; an answer of
#: 700,000 tool calls fits in the size cap (:data:`MAX_ANSWER_BYTES`) yet took minutes and
#: gigabytes for the SDK and instructor to build into objects, past any timeout (the
#: deadline bounds the wire, not the parsing after it). Refused before that, as a server
#: error: no model writes it, and a server that does does it to every document.
MAX_ANSWER_PARTS = 64


def too_many_parts(path: str, parts: list[Any]) -> str | None:
    """The problem of an answer whose list at ``path`` holds more than
    :data:`MAX_ANSWER_PARTS` items, or None."""
    if len(parts) <= MAX_ANSWER_PARTS:
        return None
    return (
        f"its answer's {path} holds {len(parts):,} items (a call asks for one answer; at "
        f"most {MAX_ANSWER_PARTS} are read); {MISTYPED_HINT}"
    )


def mistyped(path: str, value: Any, wanted: str) -> str:
    """The problem of an answer whose field at ``path`` holds ``value`` instead of ``wanted``."""
    return f"its answer's {path} is {_json_kind(value)}, not {wanted}; {MISTYPED_HINT}"


def _message_types(message: dict[str, Any]) -> str | None:
    """Why a chat completion's message has a field of the wrong JSON type, or None.

    The SDK builds its answer without validating it, so ``content: 5``, a list or an
    object as ``content``, or a tool call's ``arguments`` that is no string, reached
    instructor as the model's answer: "no valid answer" (kind ``model``) for every
    document, re-asked, a multi-line pydantic serializer warning on stderr and a bulk run
    never stopping early. A server that answers so does it to every request: it is not
    an answer of the API (an ``IncompatibleServerError``, kind ``server``), whose message
    names the field. Valid answers (text, or null beside tool calls) pass untouched.
    """
    for key in ("content", "refusal"):
        value = message.get(key)
        if value is not None and not isinstance(value, str):
            return mistyped(f"message.{key}", value, "a string or null")
    calls = message.get("tool_calls")
    if calls is not None and not isinstance(calls, list):
        return mistyped("message.tool_calls", calls, "a list or null")
    many = too_many_parts("message.tool_calls", calls or [])
    if many is not None:
        return many
    named = [(f"message.tool_calls[{number}]", call) for number, call in enumerate(calls or [])]
    if message.get("function_call") is not None:
        named.append(("message", {"function": message["function_call"]}))
    for path, call in named:
        if not isinstance(call, dict):
            return mistyped(path, call, "an object")
        function = call.get("function")
        key = "function_call" if path == "message" else "function"
        if not isinstance(function, dict):
            return mistyped(f"{path}.{key}", function, "an object")
        for part in ("name", "arguments"):
            if part not in function:
                return f"its answer's {path}.{key} has no '{part}'; {MISTYPED_HINT}"
            if not isinstance(function[part], str):
                return mistyped(f"{path}.{key}.{part}", function[part], "a string")
    return None


#: What a chat completion's message may say something in.
_MESSAGE_PARTS = ("content", "tool_calls", "function_call", "refusal")


def _said(value: Any) -> bool:
    """Whether a message part holds something: text that is not blank, or a tool call with
    arguments (``{"arguments": ""}`` holds nothing)."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(_said(item) for item in value)
    if isinstance(value, dict):
        function = value.get("function", value)
        if isinstance(function, dict) and "arguments" in function:
            return _said(function.get("arguments"))
        return bool(value)
    return value is not None


def _json_kind(value: Any) -> str:
    """A JSON value's kind, for a message: null, a string, a number, an object ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


#: The chat-completions answers of an OpenAI-compatible server.
CHAT_COMPLETIONS = AnswerCheck(
    "/chat/completions", "an OpenAI-compatible API", _chat_shape, refusal
)
GuardedHttpClient.check = CHAT_COMPLETIONS
