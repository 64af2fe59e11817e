"""A typed address (base URL, proxy) is judged in one place, and the reason given is the
one that applies: a password is blamed only when a password is what breaks the address.

The proxy check once fell back to "a password holding /, ? or # ends the address early"
for any proxy the HTTP client refused that was spelt well (``ftp://proxy:21``,
``socks4://h:1``), with no password anywhere in it.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.errors import ConfigurationError
from extractor.runtime.providers import check_base_url, check_proxies
from extractor.runtime.urls import UNENCODED_PASSWORD, unusable_url

QUICK = settings(max_examples=60, deadline=None)

_HOSTS = st.sampled_from(["proxy", "proxy.example", "10.0.0.7", "[::1]"])
_PORTS = st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}"))
#: Schemes the HTTP client has no proxy transport for.
_UNKNOWN_SCHEMES = st.sampled_from(["ftp", "socks4", "gopher", "file", "ws"])
_PLAIN = st.text(string.ascii_letters + string.digits + "!$&'()*+,;=-._~", min_size=1, max_size=12)
#: A password no message holds by chance ("Zq" starts no word the messages use).
_SECRET = st.text(
    string.ascii_letters + string.digits + "!$&'()*+,;=-._~", min_size=6, max_size=12
).map(lambda s: f"Zq{s}")


def _proxy_refusal(url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HTTPS_PROXY", url)
    for name in ("HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("https_proxy", raising=False)
    with pytest.raises(ConfigurationError) as refused:
        check_proxies()
    return str(refused.value)


@QUICK
@given(scheme=_UNKNOWN_SCHEMES, host=_HOSTS, port=_PORTS, user=st.one_of(st.none(), _PLAIN),
       password=_SECRET)  # fmt: skip
def test_a_proxy_spelt_well_is_never_blamed_on_a_password(scheme, host, port, user, password):
    login = "" if user is None else f"{user}:{password}@"
    url = f"{scheme}://{login}{host}{port}"
    with pytest.MonkeyPatch.context() as patch:
        said = _proxy_refusal(url, patch)
    assert UNENCODED_PASSWORD not in said
    assert password not in said


@QUICK
@given(host=_HOSTS, port=_PORTS, user=_PLAIN, head=_SECRET, cut=st.sampled_from("/?#"),
       tail=_PLAIN)  # fmt: skip
def test_a_password_that_ends_the_address_early_is_named_as_such(host, port, user, head, cut, tail):
    url = f"http://{user}:{head}{cut}{tail}@{host}{port}/v1"
    assert unusable_url(url) == UNENCODED_PASSWORD
    with pytest.raises(ConfigurationError, match="ends the address early") as refused:
        check_base_url(url)
    assert head not in str(refused.value)


@QUICK
@given(host=_HOSTS, port=_PORTS, user=st.one_of(st.none(), _PLAIN), password=_SECRET)
def test_a_well_spelt_address_is_usable(host, port, user, password):
    login = "" if user is None else f"{user}:{password}@"
    url = f"http://{login}{host}{port}/v1"
    assert unusable_url(url) is None
    check_base_url(url)


@QUICK
@given(host=_HOSTS, port=_PORTS, user=_PLAIN, password=_PLAIN, cut=st.sampled_from(["", "/", "?"]),
       start=st.sampled_from(["http://", "https://", "http:/", "http//", "ftp://"]))  # fmt: skip
def test_a_base_url_is_quoted_with_its_login_masked_however_short(host, port, user, password,
                                                                  cut, start):  # fmt: skip
    """Not only a registered password: ``check_base_url`` is called with any URL, and a
    short password (never registered as a secret) or one cut by "/" was quoted."""
    assume(cut or start not in ("http://", "https://"))  # a URL a client can use
    url = f"{start}{user}:{password}{cut}x@{host}{port}/v1"
    try:
        check_base_url(url)
    except ConfigurationError as refused:
        said = str(refused)
    else:
        pytest.fail(f"{url!r} was taken as a base URL")  # each has a misspelt start or a cut
    assert f"{user}:{password}{cut}x@" not in said
    assert "***@" in said
