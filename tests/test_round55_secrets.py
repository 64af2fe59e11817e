"""Round 55: a password written where an address's port goes, judged by one rule.

* The message that judges a base URL or a proxy (:func:`extractor.runtime.urls.shown_url`
  and the parser's words) and the redactor (which learns the secrets of the environment's
  URLs) each had their own rule for "what stands where the port goes may be a password",
  and a password one of them took for a port was quoted by the other: a numeric one
  (``http://alice:12345678``, in any script's digits), one with no letter
  (``http://alice:!!--!!--``), and every one behind a misspelt scheme
  (``http:/alice:s3cret``, ``http//alice:s3cret``, ``https;//alice:s3cret``), whose port
  was not read at all. Now one predicate (:func:`extractor.redact.port_may_be_password`)
  decides for both, and the port is read past the scheme however it is spelled.
* The schemes whose addresses have a login were spelt in three lists that disagreed
  (``socks4h``, ``socks5a``, and socks missing where ws and ftp stood): now one list,
  :data:`extractor.redact.AUTHORITY_SCHEMES`.
"""

from __future__ import annotations

import io
import json
import logging
import re
import string
import unicodedata
from collections.abc import Iterator
from urllib.parse import quote, unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ClientModelError, ConfigurationError
from extractor.pipeline.engine import Extractor
from extractor.redact import (
    _AUTHORITY_START,
    _MISSPELT_LOGIN,
    _WRITTEN_START,
    AUTHORITY_SCHEMES,
    install_log_filter,
    port_may_be_password,
    port_password,
    redact,
    without_userinfo,
)
from extractor.runtime.providers import check_base_url, check_proxies
from extractor.runtime.retrying import RetryPolicy
from extractor.runtime.urls import KNOWN_SCHEMES, misspelt_scheme, shown_url, unusable_url
from extractor.settings import HEADER_VARIABLES, SDK_SECRET_VARIABLES
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import Answer, Received, ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

QUICK = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

_PROXY_VARIABLES = (
    "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY",
    "https_proxy", "http_proxy", "all_proxy", "no_proxy",
)  # fmt: skip
_KEY_VARIABLES = (
    "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_KEY",
    *SDK_SECRET_VARIABLES, *HEADER_VARIABLES,
)  # fmt: skip

#: Digits of several scripts: a PIN typed on a phone set to Arabic or Devanagari digits.
_DIGITS = st.sampled_from(["0123456789", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "０１２３４５６７８９"])
#: A password where a port goes: digits only (of one script), punctuation only, or
#: letters with anything; never "/", "?", "#" or "@" (which end the address or the login:
#: other rounds' classes). At least 6 characters, as every secret the redactor knows.
_PASSWORD = st.one_of(
    _DIGITS.flatmap(lambda digits: st.text(digits, min_size=6, max_size=12)),
    st.text("!$&'()*+,;=-._~", min_size=6, max_size=12),
    st.text("BCDFGJKMQVWZbcdfgjkqvwz0123456789!$*~-", min_size=4, max_size=12).map(
        lambda s: f"Zq{s}"
    ),
)
#: How an address starts before its login, spelt well or not.
_STARTS = st.sampled_from(
    ["http://", "https://", "HTTP://", "http:/", "http:", "http//", "https;//", "http:///",
     "http:\\\\", "socks5:/", "socks5h:", "ws:/", ""]
)  # fmt: skip
#: What follows the password: nothing, a path, a query or fragment, a host after an "@"
#: written %40 (the login's "@" went missing into the port).
_TAILS = st.sampled_from(["", "/v1", "?x=1", "#top", "%40proxy:3128", "%2540proxy/v1"])
_USERS = st.sampled_from(["alice", "u", "svc.bot", "x-y"])


def _forms(password: str) -> set[str]:
    """The password as typed, percent-encoded and decoded, and normalized (fullwidth
    digits read as ASCII): no message may hold any of them."""
    return {password, quote(password, safe=""), unquote(password),
            unicodedata.normalize("NFKC", password)}  # fmt: skip


def _leaks(password: str, text: str) -> list[str]:
    return [form for form in _forms(password) if form and form in text]


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """No proxy, base URL or key variable of the machine in the way (monkeypatch puts
    every one back after the test)."""
    for name in (*_PROXY_VARIABLES, *_KEY_VARIABLES):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch


@QUICK
@given(start=_STARTS, user=_USERS, password=_PASSWORD, tail=_TAILS)
def test_a_password_where_the_port_goes_is_in_no_base_url_message(
    clean_environment, start, user, password, tail
):
    url = f"{start}{user}:{password}{tail}"
    with pytest.raises(ConfigurationError) as refused:
        check_base_url(url)
    said = str(refused.value)
    assert not _leaks(password, said), said
    assert not _leaks(password, shown_url(url))
    assert not _leaks(password, unusable_url(url) or "")
    # the environment's base URL is a secret of the process: any text quoting it loses it
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXTRACTOR_BASE_URL", url)
        echoed = redact(f"could not reach {url}: {url!r} (port {password!r})")
    assert not _leaks(password, echoed), echoed


@QUICK
@given(start=_STARTS, user=_USERS, password=_PASSWORD, tail=st.sampled_from(["", "%40proxy:3128"]),
       variable=st.sampled_from(["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"]))  # fmt: skip
def test_a_password_where_the_port_goes_is_in_no_proxy_message(
    clean_environment, start, user, password, tail, variable
):
    url = f"{start}{user}:{password}{tail}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(variable, url)
        try:
            check_proxies()
            said = ""
        except ConfigurationError as refused:
            said = str(refused)
        echoed = redact(f"connecting through {url} failed: {url!r} (port {password!r})")
    if _OUT_OF_RANGE not in said:  # quoted by check_proxies: see the test below
        assert not _leaks(password, said), said
    assert not _leaks(password, echoed), echoed


_OUT_OF_RANGE = "which no host has"


@settings(max_examples=10, deadline=None)
@given(digits=_DIGITS, length=st.integers(6, 10))
def test_a_numeric_password_where_a_proxy_port_goes_is_not_quoted(digits, length):
    password = (digits[1:] * 2)[:length]
    with pytest.MonkeyPatch.context() as patch:
        for name in _PROXY_VARIABLES:
            patch.delenv(name, raising=False)
        patch.setenv("HTTPS_PROXY", f"http://alice:{password}")
        with pytest.raises(ConfigurationError) as refused:
            check_proxies()
    assert not _leaks(password, str(refused.value)), str(refused.value)


@QUICK
@given(start=_STARTS, host=st.sampled_from(["proxy", "h", "10.0.0.7", "[::1]"]),
       port=st.one_of(st.integers(1, 65535).map(str),
                      st.sampled_from([" 80", "-1", "８０", "1_000", "80:80"])),
       path=st.sampled_from(["", "/v1"]))  # fmt: skip
def test_a_port_is_judged_alike_by_the_message_and_the_redactor(start, host, port, path):
    """A port, or a short typo of one, is shown as typed (the user must see the typo);
    the message and the redactor agree on it, however the scheme is spelt."""
    url = f"{start}{host}:{port}{path}"
    assert not port_may_be_password(port)
    assert port_password(url) is None
    assert port in shown_url(url)


@QUICK
@given(text=st.one_of(st.text(min_size=1, max_size=14), st.text("0123456789٣８", min_size=1, max_size=10),
                     st.text("!-_~.;0", min_size=1, max_size=10)))  # fmt: skip
def test_one_rule_decides_what_a_port_may_hide(text):
    """Whatever stands where the port goes is masked in the message exactly when the
    redactor takes it for a secret: one predicate, not two."""
    port = re.sub(r"[/?#@\[\]\\\s:]", "", text)
    if not port:
        return
    url = f"http://alice:{port}/v1"
    hidden = f":{port}" not in shown_url(url)
    assert hidden == port_may_be_password(port) == (port_password(url) is not None)


@pytest.mark.parametrize("scheme", sorted(AUTHORITY_SCHEMES))
def test_every_scheme_with_a_login_is_read_alike_everywhere(scheme):
    """Each scheme of the one list is a known scheme to the URL checks and is read as
    starting an authority by every redactor pattern, misspelt (no "//") or not."""
    assert KNOWN_SCHEMES == AUTHORITY_SCHEMES
    misspelt = f"{scheme}:u:Zqsecret9@host"
    assert _WRITTEN_START.match(misspelt) is not None
    assert _AUTHORITY_START.match(misspelt) is not None
    assert _MISSPELT_LOGIN.match(misspelt) is not None
    assert "Zqsecret9" not in without_userinfo(misspelt)
    assert "Zqsecret9" not in redact(f"proxy {misspelt} refused")
    assert misspelt_scheme(f"{scheme}:/proxy") is not None


# ------------------------------------------------------------------ the SDKs' own secrets

#: A value no message holds by chance: "Gw", then letters and digits.
_HEADER_VALUE = st.text(string.ascii_letters + string.digits + "-_.", min_size=8, max_size=24).map(
    lambda s: f"Gw{s}"
)
_HEADER_NAMES = st.sampled_from(
    ["X-Gateway-Token", "Helicone-Auth", "cf-aig-authorization", "X-Tenant"]
)


def _echoing(request: Received) -> Answer:
    """A 401 whose message echoes every header value the request carried, bare."""
    values = " ".join(request.headers.values())
    body = json.dumps({"error": {"message": f"denied: {values}", "type": "auth"}})
    return json_answer(body.encode(), status=401)


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=_HEADER_NAMES, value=_HEADER_VALUE, bearer=st.booleans())
def test_a_custom_header_the_sdk_sends_is_hidden_when_echoed(
    clean_environment, name, value, bearer
):
    """The openai SDK sends each line of ``OPENAI_CUSTOM_HEADERS`` on every request (a
    gateway's key): a server echoing it had it quoted in the error, which named no secret."""
    sent_value = f"Bearer {value}" if bearer else value
    with ScriptedServer(_echoing) as server, pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPENAI_CUSTOM_HEADERS", f"{name}: {sent_value}\nX-Plain: yes")
        with (
            Extractor(
                "openai/m", base_url=server.base_url, api_key="sk-local-test-key-000",
                retry_policy=RetryPolicy(attempts=1),
            ) as extractor,
            pytest.raises(ClientModelError) as caught,
        ):  # fmt: skip
            extractor.extract("Ana Soto met Luis Vega in Lima on Tuesday.", doc_id="d")
        sent = server.received[-1].headers
        message = str(caught.value)
    lowered = {key.lower(): got for key, got in sent.items()}
    assert lowered.get(name.lower()) == sent_value  # the SDK sent it: so it may be echoed
    assert value not in message, message


@settings(max_examples=10, deadline=None)
@given(
    variable=st.sampled_from(list(SDK_SECRET_VARIABLES)),
    value=_HEADER_VALUE,
    header=st.sampled_from(list(HEADER_VARIABLES)),
)
def test_every_credential_an_sdk_reads_is_a_secret(variable, value, header):
    token = value[::-1] + "Q9"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(variable, value)
        patch.setenv(header, f"X-One: {token}\r\nNo colon line\n")
        said = redact(f"the server said {value} and {token}; header X-One")
    assert value not in said and token not in said, said
    assert "X-One" in said  # a header's name is no secret


# ------------------------------------------------------------------ a log record's extra


@pytest.fixture
def extractor_log() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """The ``extractor`` logger with a handler that writes two ``extra`` fields; the
    logger's level, handlers and filters are put back after the test."""
    logger = logging.getLogger("extractor")
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(logging.Formatter("%(message)s|%(auth)s|%(headers)s|%(count)s"))
    level, filters = logger.level, list(logger.filters)
    install_log_filter()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield logger, written
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.filters[:] = filters


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=_HEADER_VALUE)
def test_a_key_in_a_log_records_extra_fields_is_hidden(extractor_log, key):
    """A logger sets ``extra`` on a record after its factory made it: the filter redacts
    them (a format naming them, a JSON formatter, showed them as given)."""
    logger, written = extractor_log
    written.seek(0)
    written.truncate()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXTRACTOR_API_KEY", key)
        logger.info("call failed", extra={"auth": f"key {key}", "headers": {"x-key": key},
                                          "count": 3})  # fmt: skip
    line = written.getvalue()
    assert key not in line, line
    assert line.startswith("call failed|key ***|") and line.rstrip().endswith("|3"), line
