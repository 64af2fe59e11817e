"""No key leaves through the HTTP stack's own loggers, and a misspelt proxy is refused for
its spelling, as typed, whether or not it holds a login.

Why: the redacting log record factory covered the loggers named ``httpx``, ``httpx2`` and
``httpcore`` only, and this package talks through ``httpcore2``: with
``logging.basicConfig(level=logging.DEBUG)``, ``httpcore2.http11`` wrote each answer's
headers as they came, so a 401 whose header echoed the key put the key in the log. And a
proxy variable without "://" is read by the HTTP client with ``http://`` put before it:
``HTTPS_PROXY=http:/u:pw@proxy:3128`` was refused for "a password holding /, ? or #"
(it holds none), shown as ``http://***@proxy:3128`` (not what was typed), while the same
proxy without a login (``http:/proxy:3128``) was taken as a proxy named "http".
"""

from __future__ import annotations

import io
import logging
import string
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ConfigurationError, ExtractorError
from extractor.redact import is_filtered_logger
from extractor.runtime.providers import check_proxies
from extractor.runtime.urls import UNENCODED_PASSWORD
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.logging_support import restored_logging

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

QUICK = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

_PROXY_NAMES = (
    "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY",
    "https_proxy", "http_proxy", "all_proxy", "no_proxy",
)  # fmt: skip


# -- the HTTP stack's loggers ----------------------------------------------------------

_KEY = st.text(string.ascii_letters + string.digits + "-_", min_size=16, max_size=32).map(
    lambda body: f"Zq53{body}"
)


class _Echo(BaseHTTPRequestHandler):
    """Refuses every request with 401, echoing the key it was sent in a header and the body."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        key = self.headers.get("Authorization", "").partition(" ")[2]
        body = f'{{"error": {{"message": "Incorrect API key provided: {key}"}}}}'.encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Echo", key)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST


@pytest.fixture(scope="module")
def echo_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@settings(max_examples=2, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(key=_KEY)
def test_a_key_echoed_in_an_answer_header_is_not_in_a_debug_log(key, echo_url, monkeypatch):
    """A program that turns on DEBUG logging (``basicConfig``) sees every layer of the HTTP
    client log; none of its records holds the key the server echoed."""
    from extractor import Extractor

    for name in _PROXY_NAMES:
        monkeypatch.delenv(name, raising=False)
    out = io.StringIO()
    with restored_logging():
        logging.basicConfig(stream=out, level=logging.DEBUG, force=True)
        extractor = Extractor(
            model="openai/m", base_url=echo_url, api_key=key, max_retries=0, strategy="single"
        )
        with pytest.raises(ExtractorError):
            extractor.extract("At least 3 people were killed in Kano, Nigeria on Friday.")
        logging.root.handlers[0].flush()
    text = out.getvalue()
    assert "401" in text  # the answer's headers were logged (the test can see a leak)
    assert key not in text


_HTTP_STACK = st.sampled_from(
    ["httpcore2", "httpcore2.http11", "httpcore2.socks", "httpcore2.proxy", "httpcore2.connection",
     "httpx3", "h11", "h2.connection", "hpack.hpack", "urllib3.connectionpool", "requests",
     "asyncio", "concurrent.futures"]
)  # fmt: skip


@QUICK
@given(name=_HTTP_STACK, key=_KEY, child=st.sampled_from(["", ".r53"]))
def test_every_logger_of_the_http_stack_is_redacted(name, key, child, monkeypatch) -> None:
    """Each library that carries a request (and the loggers that print an exception no one
    awaited) has its records redacted as they are made, for every handler."""
    monkeypatch.setenv("EXTRACTOR_API_KEY", key)
    out = io.StringIO()
    with restored_logging():
        logging.basicConfig(stream=out, level=logging.DEBUG, force=True)
        logger = logging.getLogger(name + child)
        logger.debug("receive_response_headers.complete return_value=%r", [(b"X-Echo", key)])
        logger.debug("setup_socks5_connection auth=%r", ("alice", key))
    assert is_filtered_logger(name + child)
    assert out.getvalue().strip() and key not in out.getvalue()


@pytest.mark.parametrize("name", ["httpxtra", "h2o", "requestsx", "asyncio_app", "myapp"])
def test_a_logger_that_only_starts_the_same_is_not_filtered(name) -> None:
    assert not is_filtered_logger(name)


# -- proxies misspelt before their address ---------------------------------------------

_SCHEMES = st.sampled_from(["http", "https", "HTTP", "socks5", "socks5h"])
_STARTS = st.sampled_from([":/", "//", ":\\\\", ";//", ":", ":\\"])
_PASSWORD = st.text(string.ascii_letters + string.digits + "!$&()*+,;=-._~", min_size=4,
                    max_size=16).map(lambda body: f"Zq{body}")  # fmt: skip
_HOSTS = st.sampled_from(["proxy", "proxy.corp:3128", "10.0.0.7:8080"])


def _refusal(value: str, variable: str, monkeypatch: pytest.MonkeyPatch) -> str:
    for name in _PROXY_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigurationError) as refused:
        check_proxies()
    return str(refused.value)


@QUICK
@given(scheme=_SCHEMES, start=_STARTS, user=st.sampled_from(["alice", "svc-1"]),
       password=_PASSWORD, host=_HOSTS,
       variable=st.sampled_from(["HTTPS_PROXY", "http_proxy", "ALL_PROXY"]))  # fmt: skip
def test_a_misspelt_proxy_is_refused_for_its_spelling_as_typed(
    scheme, start, user, password, host, variable, monkeypatch
) -> None:
    bare = f"{scheme}{start}{host}"
    with_login = f"{scheme}{start}{user}:{password}@{host}"
    with pytest.MonkeyPatch.context() as patch:
        without = _refusal(bare, variable, patch)
    with pytest.MonkeyPatch.context() as patch:
        said = _refusal(with_login, variable, patch)
    assert password not in said
    assert UNENCODED_PASSWORD not in said  # no password holds "/", "?" or "#"
    assert repr(f"{scheme}{start}***@{host}") in said  # quoted as typed, the login masked
    assert said.replace(f"***@{host}", host) == without  # the same words with and without
    assert f"scheme '{scheme}" in said
