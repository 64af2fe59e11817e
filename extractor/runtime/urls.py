"""Why an address the user typed (a base URL, a proxy) cannot be used, judged in one place.

Two readers of one URL must not disagree: the spelling (``http:/host``, ``host:8080``),
the parse (a port that is no number) and a password that ends the address early
(``user:pa/ss@host``) are judged here, each in words that are the same with and without
credentials and never quote a piece of a password. What a base URL needs beyond a usable
address (an http(s) scheme, no query) is said where base URLs are checked
(:func:`extractor.runtime.providers.check_base_url`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from extractor.redact import typed_userinfo, without_written_userinfo

__all__ = ["UNENCODED_PASSWORD", "ends_early", "misspelt_scheme", "unusable_url", "url_problem"]

#: How an address starts: a scheme, the character after it, and the slashes after that.
_URL_START = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)([:;]?)([/\\]*)")
#: A host and port with no scheme before them (``proxy:3128``, ``localhost:8000/v1``).
_HOST_AND_PORT = re.compile(r"[^:/\\]+:\d+(?:[/?#]|$)")

#: The schemes a base URL or a proxy is written with: an address that starts with one of
#: them misspelt (``http:/host``, ``socks5:/u:p@host``) is a misspelling, not a host name.
KNOWN_SCHEMES = frozenset({"http", "https", "socks4", "socks4a", "socks5", "socks5h"})

#: What a URL whose password holds an unencoded "/", "?" or "#" is told.
UNENCODED_PASSWORD = "a password holding /, ? or # ends the address early: write them %2F, %3F, %23"


def url_problem(url: str) -> str | None:
    """Why ``url`` (a base URL or a proxy, as typed) is misspelt, in a few words to put in
    an error, or None when its spelling is fine.

    Judged on ``url`` without its userinfo as typed (:func:`extractor.redact.
    without_written_userinfo`), so that the reason is word for word the same with and
    without credentials, and never quotes a piece of a password (a parser's "Invalid
    port: 's3cr'"). A misspelt start is named for what it is: ``http:/host`` has no "//"
    after the scheme (it once read "no scheme")."""
    bare = without_written_userinfo(url)
    start = _URL_START.match(bare)
    if start is None or _HOST_AND_PORT.match(bare):
        return "no scheme: start it with http:// or https://"
    scheme, separator, slashes = start.groups()
    if separator == ":" and slashes != "//":
        return f"there is no '//' after the scheme '{scheme}:'"
    if separator == ";":
        return f"the scheme '{scheme}' is followed by ';', not '://'"
    if not separator:
        if slashes:
            return f"the scheme '{scheme}' has no ':' before '{slashes}'"
        return "no scheme: start it with http:// or https://"
    try:
        parts = urlsplit(bare)
        parts.port  # noqa: B018 - raises for a port that is no number in 0..65535
    except ValueError as error:
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    return None


def unusable_url(url: str, refused: BaseException | None = None) -> str | None:
    """Why ``url`` cannot be used as an address, or None: its spelling
    (:func:`url_problem`), else a password that ends the address early (a parser reads
    the rest of it as the host and port).

    ``refused``: the error a client raised parsing ``url``; when neither reason applies,
    its own words are given for a URL without credentials, general ones for a URL with
    them (the client's words might quote the password)."""
    misspelt = url_problem(url)
    if misspelt is not None:
        return misspelt
    if _cut_by_password(url):
        return UNENCODED_PASSWORD
    if refused is None:
        return None
    if typed_userinfo(url) is None and str(refused):
        return str(refused).splitlines()[0]
    return f"the HTTP client refused it ({type(refused).__name__})"


def ends_early(url: str) -> bool:
    """Whether a password typed in ``url`` ends the address early (:data:`UNENCODED_PASSWORD`)
    though its spelling is fine: a client that parsed it would send the rest of the
    password to a host and port of its reading (what a proxy check asks of an address the
    client already accepted)."""
    return url_problem(url) is None and _cut_by_password(url)


def _cut_by_password(url: str) -> bool:
    """Whether ``url``, spelt fine (:func:`url_problem`), parses otherwise than typed: a
    port that is no number, or a login that is not the one written before the last "@"."""
    typed = typed_userinfo(url)
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - the spelling parses, so what breaks here is the password
    except ValueError:
        return True
    return typed is not None and parts.netloc.rpartition("@")[0] != typed


def misspelt_scheme(url: str) -> str | None:
    """:func:`url_problem`'s words when ``url`` starts with a known scheme
    (:data:`KNOWN_SCHEMES`) spelt wrong (``http:/host``, ``http//u:p@host``,
    ``https;//host``, ``http:u:p@host``), else None (``proxy:3128`` and ``h:abc`` are a
    host and a port, however badly written).

    Why: the HTTP client reads a proxy variable without "://" as a host and puts
    ``http://`` before it, so ``http:/u:p@proxy:3128`` became ``http://http:/u:p@...``:
    with a login it was refused for "a password holding /" (which it does not hold),
    without one it was taken as a proxy named "http". A proxy is judged as it was typed."""
    bare = without_written_userinfo(url)
    start = _URL_START.match(bare)
    if start is None or start.group(1).lower() not in KNOWN_SCHEMES or _HOST_AND_PORT.match(bare):
        return None
    return url_problem(url)
