"""Round 54: an address's password where the parser does not expect one, and a refused login.

* A login whose "@" is missing or written ``%40`` (``http://alice:pw%40proxy:3128``, as
  one who percent-encodes the whole login types it) has no userinfo to the parser: it
  reads everything after the host's ":" as the port, and its error quoted it ("Port
  could not be cast to integer value as 'pw%40proxy:3128'"), as did the URL shown in the
  refusal; the redactor knew no password in it either. Now the reason quotes a port only
  when it reads as a typo of one, the URL is shown with such a port masked, and the
  redactor takes such a port of an environment URL for a secret.
* A tab or line break in a password was blamed on "/", "?" or "#" (the parser drops them,
  so the login it reads is not the one typed); a character that normalizes to a delimiter
  (a fullwidth ＠ or ／) was blamed the same way. Each is named for what it is.
* A 401 to a request sent with the base URL's login (HTTP Basic auth, no key set) told the
  user to set a key variable; it names the base URL's login now.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ClientModelError, ConfigurationError
from extractor.pipeline.engine import Extractor
from extractor.redact import redact
from extractor.runtime.providers import check_base_url, check_proxies
from extractor.runtime.retrying import RetryPolicy
from extractor.runtime.urls import (
    NFKC_PASSWORD,
    NOT_A_PORT,
    UNENCODED_PASSWORD,
    shown_url,
    unusable_url,
)
from extractor.settings import KEY_VARIABLES
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

QUICK = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

#: A password no message holds by chance: "ZQ", then capitals that spell no word a message
#: uses (HTTPS_PROXY, EXTRACTOR_API_KEY), digits and punctuation; user names and hosts are
#: lower-case, so a run of it in a message is a leak.
_SECRET = st.text("BCDFGJKMQUVWZ0123456789!$*~", min_size=6, max_size=14).map(lambda s: f"ZQ{s}W")
_USER = st.text(string.ascii_lowercase, min_size=1, max_size=8)
_HOSTS = st.sampled_from(["proxy", "proxy.example", "10.0.0.7", "h"])
_PORTS = st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}"))
#: How the "@" between a login and its host goes missing: percent-encoded (once, twice),
#: left out, or typed as a look-alike that normalizes to "@".
_NO_AT = st.sampled_from(["%40", "%2540", "", "\uff20", "%40%40"])
_PROXY_VARIABLES = (
    "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY",
    "https_proxy", "http_proxy", "all_proxy", "no_proxy",
)  # fmt: skip


def _pieces(secret: str) -> list[str]:
    """Every run of 5 characters of ``secret`` with a letter in it: none may be quoted."""
    runs = [secret[i : i + 5] for i in range(len(secret) - 4)]
    return [run for run in runs if any(c.isalpha() for c in run)]


def _leaked(secret: str, text: str) -> list[str]:
    return [piece for piece in _pieces(secret) if piece in text]


@pytest.fixture
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The environment without proxy variables (restored after the test by monkeypatch)."""
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch


@QUICK
@given(scheme=st.sampled_from(["http://", "https://", "HTTP://"]), user=_USER, password=_SECRET,
       no_at=_NO_AT, host=_HOSTS, port=_PORTS)  # fmt: skip
def test_a_base_url_whose_at_went_missing_quotes_no_password(
    scheme, user, password, no_at, host, port
):
    url = f"{scheme}{user}:{password}{no_at}{host}{port}/v1"
    with pytest.raises(ConfigurationError) as refused:
        check_base_url(url)
    said = str(refused.value)
    assert not _leaked(password, said), said
    assert UNENCODED_PASSWORD not in said  # no password of it holds "/", "?" or "#"
    assert NOT_A_PORT in said or NFKC_PASSWORD in said, said
    assert "\n" not in said


@QUICK
@given(scheme=st.sampled_from(["http://", "socks5://", ""]), user=_USER, password=_SECRET,
       no_at=_NO_AT, host=_HOSTS, port=st.integers(1, 65535).map(lambda p: f":{p}"),
       variable=st.sampled_from(["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"]))  # fmt: skip
def test_a_proxy_whose_at_went_missing_quotes_no_password(
    no_proxies, scheme, user, password, no_at, host, port, variable
):
    url = f"{scheme}{user}:{password}{no_at}{host}{port}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(variable, url)
        with pytest.raises(ConfigurationError) as refused:
            check_proxies()
        said = str(refused.value)
        # the environment's proxy is a secret of the process: any text quoting it loses it
        bare = f" ({password})" if no_at else ""  # glued to the host, it is no word of its own
        echoed = redact(f"connecting through {url} failed: {url!r}{bare}")
    assert not _leaked(password, said), said
    assert not _leaked(password, echoed), echoed


@QUICK
@given(port=st.sampled_from([" 80", "-1", "\uff18\uff10", "1_000", "80:80", "8o80"]), host=_HOSTS)
def test_a_port_that_is_a_typo_is_still_quoted(port, host):
    """What a password never is, short and without a letter, is quoted to show the typo."""
    url = f"http://{host}:{port}/v1"
    reason = unusable_url(url) or ""
    quoted = not any(c.isalpha() for c in port)
    assert (repr(port) in reason) == quoted, reason
    assert (port in shown_url(url)) == quoted


@QUICK
@given(user=_USER, head=_SECRET, blank=st.sampled_from(["\t", "\n", "\r\n"]), tail=_SECRET,
       host=_HOSTS, port=_PORTS)  # fmt: skip
def test_a_tab_or_line_break_in_a_password_is_named_as_such(user, head, blank, tail, host, port):
    url = f"http://{user}:{head}{blank}{tail}@{host}{port}/v1"
    reason = unusable_url(url) or ""
    assert "which no URL holds" in reason and ("a tab" in reason or "a line break" in reason)
    assert UNENCODED_PASSWORD not in reason
    with pytest.raises(ConfigurationError) as refused:
        check_base_url(url)
    assert not _leaked(head, str(refused.value)) and not _leaked(tail, str(refused.value))


@QUICK
@given(user=_USER, head=_SECRET, odd=st.sampled_from(["\uff20", "\uff0f", "\uff1f", "\uff03", "\ufe6b"]),
       tail=_SECRET, host=_HOSTS, port=_PORTS)  # fmt: skip
def test_a_look_alike_delimiter_in_a_password_is_named_as_such(user, head, odd, tail, host, port):
    url = f"http://{user}:{head}{odd}{tail}@{host}{port}/v1"
    with pytest.raises(ConfigurationError) as refused:
        check_base_url(url)
    said = str(refused.value)
    assert NFKC_PASSWORD in said, said
    assert not _leaked(head, said) and not _leaked(tail, said)


_REFUSED = json.dumps({"error": {"message": "unauthorized", "type": "auth"}}).encode()


@settings(max_examples=8, deadline=None)
@given(provider=st.sampled_from(["openai", *sorted(KEY_VARIABLES)]), user=_USER, password=_SECRET)
def test_a_refused_basic_login_names_the_base_url_not_a_key(
    provider, user, password, monkeypatch_env
):
    with ScriptedServer([json_answer(_REFUSED, status=401)]) as server:
        login = f"{user}:{password.replace('%', '%25')}@"
        url = server.base_url.replace("http://", f"http://{login}")
        with (
            Extractor(
                f"{provider}/m", base_url=url, retry_policy=RetryPolicy(attempts=1)
            ) as extractor,
            pytest.raises(ClientModelError) as caught,
        ):
            extractor.extract("Ana Soto met Luis Vega in Lima on Tuesday.", doc_id="d")
        sent = server.received[-1].headers
    assert any(value.startswith("Basic ") for value in sent.values())  # the login was sent
    message = str(caught.value)
    assert "user name and password of the base URL" in message, message
    assert "rejected the API key" not in message
    assert not _leaked(password, message)


@pytest.fixture(scope="module")
def monkeypatch_env() -> Iterator[None]:
    """No API key in the environment (the login is sent only when none is set)."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("EXTRACTOR_API_KEY", "OPENAI_API_KEY", *KEY_VARIABLES.values()):
            patch.delenv(name, raising=False)
        for name in _PROXY_VARIABLES:
            patch.delenv(name, raising=False)
        yield


_HOOKED = """
import os, sys, warnings
from extractor.cli._app import install_redacting_hooks
install_redacting_hooks()
key = os.environ["OPENAI_API_KEY"]
warnings.warn(f"serializer warning: input_value={key!r}", UserWarning)
try:
    raise ValueError(f"server said: {key}")
except ValueError as cause:
    raise RuntimeError("a bug") from cause
"""


@settings(max_examples=3, deadline=None)
@given(key=st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=20, max_size=30))
def test_a_warning_and_a_bug_s_traceback_printed_by_python_are_redacted(key):
    """Python prints both to stderr itself, past every logger and its redaction."""
    import os
    import subprocess
    import sys

    key = f"sk-hook-{key}"
    env = {**os.environ, "OPENAI_API_KEY": key}
    done = subprocess.run(
        [sys.executable, "-c", _HOOKED], env=env, capture_output=True, text=True, timeout=120
    )
    assert "serializer warning" in done.stderr and "a bug" in done.stderr, done.stderr
    assert "server said" in done.stderr  # the chain is printed, its key gone
    assert key not in done.stderr and key[8:20] not in done.stderr, done.stderr
