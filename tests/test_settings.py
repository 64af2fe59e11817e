"""Settings come from the environment in one place; the library never writes to the terminal."""

from __future__ import annotations

import ast
import dataclasses
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

import extractor.settings as settings_module
from extractor.cli.common import show_notices
from extractor.errors import ConfigurationError
from extractor.runtime import providers
from extractor.settings import KEY_VARIABLES, PROXY_VARIABLES, Settings, proxy_for, settings

PACKAGE = Path(settings_module.__file__).parent

# (variable, Settings attribute) for every plain setting.
PLAIN = [
    ("EXTRACTOR_MODEL", "model"),
    ("EXTRACTOR_BASE_URL", "base_url"),
    ("OPENAI_BASE_URL", "openai_base_url"),
    ("ANTHROPIC_BASE_URL", "anthropic_base_url"),
    ("EXTRACTOR_API_KEY", "api_key"),
    ("EXTRACTOR_MODE", "mode"),
    ("EXTRACTOR_LOCAL_SIZE", "local_size"),
    ("EXTRACTOR_LOCAL_THREADS", "local_threads"),
    ("EXTRACTOR_LOCAL_CTX", "local_ctx"),
    ("EXTRACTOR_LOCAL_SLOTS", "local_slots"),
    ("EXTRACTOR_LOCAL_SERVER", "local_server"),
    ("CMAKE_ARGS", "cmake_args"),
    ("CMAKE_BUILD_PARALLEL_LEVEL", "cmake_jobs"),
    ("EXTRACTOR_DATA_DIR", "data_dir"),
    ("EXTRACTOR_WHEELHOUSE", "wheelhouse"),
    ("EXTRACTOR_EVENT_LOOP", "event_loop"),
]


class _Recording(dict[str, str]):
    """An environment that remembers which variables were asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.asked.add(key)
        return super().get(key, default)


# ------------------------------------------------------------------ settings


def test_defaults_from_an_empty_environment() -> None:
    read = Settings.from_env({})
    assert read == Settings()
    assert all(getattr(read, attribute) is None for _, attribute in PLAIN)
    assert read.proxy is None
    assert dict(read.provider_keys) == {}
    assert read.uses_uvloop


@pytest.mark.parametrize(("variable", "attribute"), PLAIN)
def test_each_variable_is_read_stripped(variable: str, attribute: str) -> None:
    assert getattr(Settings.from_env({variable: "  value \n"}), attribute) == "value"
    assert getattr(Settings.from_env({variable: "   "}), attribute) is None  # blank is unset


@pytest.mark.parametrize(("provider", "variable"), sorted(KEY_VARIABLES.items()))
def test_each_provider_key_is_read(provider: str, variable: str) -> None:
    read = Settings.from_env({variable: " key-123 "})
    assert read.provider_key(provider) == "key-123"
    assert dict(read.provider_keys) == {provider: "key-123"}


def test_the_first_proxy_variable_set_wins() -> None:
    assert Settings.from_env({"http_proxy": "http://p:3128"}).proxy == "http://p:3128"
    both = {"HTTPS_PROXY": "http://a:1", "all_proxy": "http://b:2"}
    assert Settings.from_env(both).proxy == "http://a:1"


def test_every_variable_read_is_in_the_documented_table() -> None:
    environ = _Recording()
    Settings.from_env(environ)
    table = settings_module.__doc__ or ""
    missing = sorted(name for name in environ.asked if f"`{name}`" not in table)
    assert not missing, f"add these variables to the table in extractor/settings.py: {missing}"
    assert {v for v, _ in PLAIN} | set(KEY_VARIABLES.values()) | set(PROXY_VARIABLES) == (
        environ.asked
    )


def test_repr_hides_keys_and_proxy_credentials() -> None:
    read = Settings.from_env(
        {
            "EXTRACTOR_API_KEY": "sk-extractor-secret",
            "OPENAI_API_KEY": "sk-openai-secret",
            "ANTHROPIC_API_KEY": "sk-ant-secret",
            "HTTPS_PROXY": "http://user:proxy-password@proxy:3128",
            "EXTRACTOR_MODEL": "openai/gpt-4o-mini",
        }
    )
    text = repr(read)
    assert "openai/gpt-4o-mini" in text
    for secret in ("sk-extractor-secret", "sk-openai-secret", "sk-ant-secret", "proxy-password"):
        assert secret not in text and secret not in str(read)


def test_settings_are_frozen_and_hashable() -> None:
    read = Settings.from_env({"OPENAI_API_KEY": "k", "EXTRACTOR_MODEL": "m"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        read.model = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        read.provider_keys["openai"] = "changed"  # type: ignore[index]
    assert hash(read) == hash(Settings.from_env({"OPENAI_API_KEY": "k", "EXTRACTOR_MODEL": "m"}))


def test_settings_reads_the_environment_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTOR_EVENT_LOOP", "AsyncIO")
    assert settings().event_loop == "AsyncIO" and not settings().uses_uvloop
    monkeypatch.setenv("EXTRACTOR_EVENT_LOOP", "uvloop")
    assert settings().uses_uvloop
    monkeypatch.delenv("EXTRACTOR_EVENT_LOOP")
    assert settings().event_loop is None


# ------------------------------------------------------- the local-model notice


def _no_model_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [v for v, _ in PLAIN] + list(KEY_VARIABLES.values()):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(providers, "_local_model_installed", lambda size: True)


def test_falling_back_to_the_local_model_is_logged_not_printed(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    _no_model_configured(monkeypatch)
    with caplog.at_level(logging.INFO, logger="extractor"):
        spec = providers.resolve_model()
    assert spec.is_local
    assert providers.LOCAL_MODEL_NOTICE in caplog.messages
    assert capsys.readouterr().err == ""


def test_the_cli_shows_the_library_notice_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _no_model_configured(monkeypatch)
    level = logging.getLogger("extractor").level
    with show_notices():
        providers.resolve_model()
    captured = capsys.readouterr()
    assert captured.err == f"extractor: {providers.LOCAL_MODEL_NOTICE}\n"
    assert captured.out == ""
    # Outside the block nothing is shown, and the logger is as it was.
    providers.resolve_model()
    assert capsys.readouterr().err == ""
    assert logging.getLogger("extractor").level == level


# ------------------------------------------------------------ source checks

# Modules that may write to the terminal: the CLI, and the guard, which is the
# main program of a separate process.
_TERMINAL_ALLOWED = ("cli/", "runtime/local/_guard.py")
# Environment reads outside settings.py, by (module, enclosing function). The
# local server builds its child's environment from ours: not a setting.
_ENVIRON_ALLOWED = {("runtime/local/server.py", "LocalServer._spawn")}

_PRINTING_CALLS = {"print", "pprint"}
_PRINTING_ATTRIBUTES = {
    ("typer", "echo"),
    ("typer", "secho"),
    ("click", "echo"),
    ("click", "secho"),
    ("rich", "print"),
    ("traceback", "print_exc"),
    ("traceback", "print_exception"),
    ("traceback", "print_stack"),
}
_STREAMS = {"stdout", "stderr", "__stdout__", "__stderr__"}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        yield name, ast.parse(path.read_text(encoding="utf-8"), filename=name)


class _Finder(ast.NodeVisitor):
    """Collects terminal writes and environment reads, with where they are."""

    def __init__(self) -> None:
        self.scope: list[str] = []
        self.terminal: list[tuple[int, str]] = []
        self.environ: list[tuple[int, str, str]] = []

    def _enter(self, node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _enter

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        names = {alias.name for alias in node.names}
        if node.module == "sys" and names & _STREAMS:
            self.terminal.append((node.lineno, f"from sys import {', '.join(names)}"))
        if node.module == "os" and names & {"environ", "getenv", "environb", "getenvb"}:
            self.environ.append((node.lineno, "from os import environ/getenv", self._where()))
        if (node.module, "print") in _PRINTING_ATTRIBUTES and "print" in names:
            self.terminal.append((node.lineno, f"from {node.module} import print"))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in _PRINTING_CALLS:
            self.terminal.append((node.lineno, f"{func.id}(...)"))
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and (func.value.id, func.attr) in _PRINTING_ATTRIBUTES
        ):
            self.terminal.append((node.lineno, f"{func.value.id}.{func.attr}(...)"))
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if called == "Console" and not any(k.arg == "file" for k in node.keywords):
            self.terminal.append((node.lineno, "a rich Console on the terminal"))
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name):
            if node.value.id == "sys" and node.attr in _STREAMS:
                self.terminal.append((node.lineno, f"sys.{node.attr}"))
            if node.value.id == "os" and node.attr in {"environ", "environb", "getenv", "getenvb"}:
                self.environ.append((node.lineno, f"os.{node.attr}", self._where()))
        self.generic_visit(node)

    def _where(self) -> str:
        return ".".join(self.scope)


def test_the_library_never_writes_to_the_terminal() -> None:
    found = []
    for name, tree in _modules():
        if name.startswith(_TERMINAL_ALLOWED):
            continue
        finder = _Finder()
        finder.visit(tree)
        found += [f"extractor/{name}:{line}: {what}" for line, what in finder.terminal]
    assert not found, (
        "the library must not write to stdout/stderr (log, return the text, or move "
        "the display to extractor/cli/):\n" + "\n".join(found)
    )


def test_only_settings_reads_the_environment() -> None:
    found, allowed_used = [], set()
    for name, tree in _modules():
        if name == "settings.py":
            continue
        finder = _Finder()
        finder.visit(tree)
        for line, what, where in finder.environ:
            if (name, where) in _ENVIRON_ALLOWED:
                allowed_used.add((name, where))
            else:
                found.append(f"extractor/{name}:{line}: {what} in {where or 'module'}")
    assert not found, (
        "read environment variables through extractor.settings (and list them in its "
        "table):\n" + "\n".join(found)
    )
    assert allowed_used == _ENVIRON_ALLOWED, "a stale entry in _ENVIRON_ALLOWED"


def test_the_source_checks_see_what_they_look_for() -> None:
    source = """
import os, sys
from rich.console import Console
def f():
    print("x")
    sys.stderr.write("y")
    Console(stderr=True).print("z")
    Console(file=buffer).print("fine")
    return os.environ.get("A"), os.getenv("B")
"""
    finder = _Finder()
    finder.visit(ast.parse(source))
    assert [what for _, what in finder.terminal] == [
        "print(...)",
        "sys.stderr",
        "a rich Console on the terminal",
    ]
    assert [(what, where) for _, what, where in finder.environ] == [
        ("os.environ", "f"),
        ("os.getenv", "f"),
    ]


@hyp_settings(deadline=None, max_examples=60)
@given(
    provider=st.sampled_from(["", " ", "openai", "anthropic", "\t"]),
    name=st.sampled_from(["", " ", "gpt-4o-mini", "fake-model", "\n"]),
)
def test_a_model_that_names_no_provider_or_no_model_is_refused(provider: str, name: str) -> None:
    """``--model /``, ``openai/`` or ``EXTRACTOR_MODEL=' '``: one ConfigurationError naming
    it, before any client exists (before: accepted, to fail later on every call)."""
    model = f"{provider}/{name}"
    if provider.strip() and name.strip():
        spec = providers.resolve_model(
            model, base_url="http://127.0.0.1:9/v1", api_key="sk-abcdefgh12"
        )
        assert (spec.provider, spec.model) == (provider, name)
        return
    with pytest.raises(ConfigurationError, match="names no model"):
        providers.resolve_model(model, base_url="http://127.0.0.1:9/v1", api_key="sk-abcdefgh12")


# ------------------------------------------------------------------ proxies

_HOSTS = ["127.0.0.1", "localhost", "api.example.com", "example.com", "models.internal",
          "wwwexample.com", "[::1]"]  # fmt: skip
_NO_PROXY = [*_HOSTS, ".example.com", "*.example.com", "*", "example.com:443", "other.org", "",
             "127.0.0.0/8", "http://localhost", "::1"]  # fmt: skip


@hyp_settings(max_examples=200, deadline=None)
@given(
    scheme=st.sampled_from(["http", "https"]),
    host=st.sampled_from(_HOSTS),
    variables=st.dictionaries(
        st.sampled_from(
            ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy"]
        ),
        st.sampled_from(["http://127.0.0.1:1", "http://u:p@proxy.example:3128", "proxy:8080"]),
        max_size=3,
    ),
    no_proxy=st.lists(
        st.sampled_from(_NO_PROXY),
        max_size=3,
    ).map(",".join),
    upper=st.booleans(),
)
def test_proxy_for_follows_the_http_client(
    scheme: str, host: str, variables: dict[str, str], no_proxy: str, upper: bool
) -> None:
    """The proxy a refused connection is blamed on, and the one the quick check asks, is the
    one the HTTP client really uses for that URL (httpx2, under the openai SDK)."""
    import httpx2

    env = {**variables, ("NO_PROXY" if upper else "no_proxy"): no_proxy}
    url = f"{scheme}://{host}/v1"
    with mock.patch.dict(os.environ, env, clear=True):
        client = httpx2.Client(trust_env=True)
        try:
            proxied = client._transport_for_url(httpx2.URL(url)) is not client._transport
        finally:
            client.close()
        assert (proxy_for(url) is not None) == proxied, (url, env)


@hyp_settings(max_examples=30, deadline=None)
@given(host=st.sampled_from(_HOSTS), no_proxy=st.sampled_from(_NO_PROXY), password=st.booleans())
def test_a_connection_error_names_the_proxy_it_went_through(
    host: str, no_proxy: str, password: bool
) -> None:
    """When a request fails to connect mid-run, the error names the proxy in the way (its
    password hidden), and only when the client really sent the request through one."""
    import httpx2
    import openai

    from extractor.runtime.retrying import classify

    proxy = f"http://{'u:pw-s3cret@' if password else ''}127.0.0.1:1"
    url = f"http://{host}/v1/chat/completions"
    with mock.patch.dict(os.environ, {"HTTP_PROXY": proxy, "NO_PROXY": no_proxy}, clear=True):
        error = openai.APIConnectionError(request=httpx2.Request("POST", url))
        message = str(classify(error))
        assert ("through the proxy" in message) == (proxy_for(url) is not None)
    assert "s3cret" not in message and message.startswith("could not reach the model server")


_paths = st.lists(st.text("abv1-_.~", min_size=1, max_size=6), max_size=3).map("/".join)


@hyp_settings(max_examples=100)
@given(
    host=st.sampled_from(["localhost:8000", "127.0.0.1", "user:pw@gw.example", "[::1]:9"]),
    path=_paths,
    slashes=st.integers(0, 3),
    scheme=st.sampled_from(["http", "HTTP", "Http"]),
)
def test_a_base_url_names_its_server_one_way(
    host: str, path: str, slashes: int, scheme: str
) -> None:
    """Trailing slashes and the scheme's case spell the same server: one canonical form,
    kept by a model spec."""
    bare = f"{scheme}://{host}/{path}".rstrip("/")
    slashed = bare + "/" * slashes
    canonical = providers.canonical_base_url(slashed)
    assert canonical == providers.canonical_base_url(bare)
    assert providers.canonical_base_url(canonical) == canonical
    assert canonical == f"http://{host}/{path}".rstrip("/")
    with mock.patch.dict(os.environ, {"OPENAI_API_KEY": ""}, clear=False):
        spec = providers.resolve_model("openai/m", base_url=slashed)
    assert spec.base_url == canonical
