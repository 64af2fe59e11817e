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

from extractor.redact import (
    AUTHORITY_SCHEMES,
    MARK,
    port_may_be_password,
    port_password,
    port_text,
    typed_userinfo,
    with_written_userinfo_masked,
    without_written_userinfo,
)

__all__ = [
    "NFKC_PASSWORD",
    "NOT_A_PORT",
    "UNENCODED_PASSWORD",
    "misspelt_scheme",
    "password_problem",
    "port_text",
    "shown_url",
    "unusable_url",
    "url_problem",
]

#: How an address starts: a scheme, the character after it, and the slashes after that.
_URL_START = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)([:;]?)([/\\]*)")
#: A host and port with no scheme before them (``proxy:3128``, ``localhost:8000/v1``).
_HOST_AND_PORT = re.compile(r"[^:/\\]+:\d+(?:[/?#]|$)")

#: The schemes a base URL or a proxy is written with: an address that starts with one of
#: them misspelt (``http:/host``, ``socks5:/u:p@host``) is a misspelling, not a host name.
#: The redactor's list (:data:`extractor.redact.AUTHORITY_SCHEMES`), so that an address
#: it reads a login in is the one judged misspelt here.
KNOWN_SCHEMES = AUTHORITY_SCHEMES

#: What a URL whose password holds an unencoded "/", "?" or "#" is told.
UNENCODED_PASSWORD = "a password holding /, ? or # ends the address early: write them %2F, %3F, %23"
#: What a URL whose port is no number is told when the port may be a password (a login
#: whose "@" is missing or written ``%40``: ``http://alice:pw%40proxy:3128``): the parser
#: reads everything after the host's ":" as the port and quoted it ("Port could not be
#: cast to integer value as 'pw%40proxy:3128'").
NOT_A_PORT = (
    "what follows the host's ':' is no port number: a login goes before the host, "
    "ended by an '@' typed as it is (a password's own '@' written %40)"
)
#: What a URL is told whose login holds a character that Unicode normalization turns into
#: one that ends a part of the address (a fullwidth ＠ or ／): the parser refuses it, in
#: words that quoted the whole login.
NFKC_PASSWORD = (
    "a character of it reads as /, ?, #, @ or : once normalized (a fullwidth ＠ or ／): "
    "type the plain character, or write it percent-encoded in a password (%40, %2F)"
)
#: What the URL parser strips from an address before reading it (as browsers do).
_STRIPPED = str.maketrans("", "", "\t\r\n")
#: A character no URL holds: a control character (a tab, a line break, NUL, DEL).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a line break", "\x00": "a NUL"}


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
        return _parser_words(bare, error)
    return None


def _parser_words(url: str, error: ValueError) -> str:
    """The URL parser's reason for refusing ``url``, in words that quote no piece of it that
    may be a password: its own words for a port out of range or a broken IPv6 host; a
    port that is no number quoted only when it reads as a typo of one
    (:func:`extractor.redact.port_may_be_password`);
    a character that normalizes to a delimiter (whose message quotes the whole
    authority, login and all) named without it."""
    said = str(error).splitlines()[0] if str(error) else type(error).__name__
    if "NFKC" in said:
        return NFKC_PASSWORD
    if said.startswith("Port could not be cast"):
        port = port_text(url)
        return said if port is not None and not port_may_be_password(port) else NOT_A_PORT
    if said.startswith(("Port out of range", "Invalid IPv6 URL")):
        return said
    return f"the URL parser refused it ({type(error).__name__})"


def shown_url(url: str) -> str:
    """``url`` fit to quote in an error about it: its login masked as typed
    (:func:`extractor.redact.with_written_userinfo_masked`), and what stands where its
    port goes shown as ``***`` wherever it is quoted when it may be a password
    (:func:`extractor.redact.port_password`, the redactor's own rule:
    ``http://alice:pw%40proxy:3128``, whose "@" went missing; ``http:/alice:12345678``).
    Pass it through :func:`extractor.redact.redact` too, for the secrets the process
    knows."""
    masked = with_written_userinfo_masked(url)
    port = port_password(masked)
    return masked if port is None else masked.replace(f":{port}", f":{MARK}")


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
    problem = password_problem(url)
    if problem is not None:
        return problem
    control = _CONTROL.search(url.strip())
    if control is not None:
        name = _CONTROL_NAMES.get(control.group(), "a control character")
        return f"it holds {name} at character {control.start() + 1}, which no URL holds"
    if refused is None:
        return None
    if typed_userinfo(url) is None and str(refused):
        return str(refused).splitlines()[0]
    return f"the HTTP client refused it ({type(refused).__name__})"


def password_problem(url: str) -> str | None:
    """Why the login typed in ``url``, spelt fine (:func:`url_problem`), breaks its parse,
    or None: a password holding a character that normalizes to a delimiter
    (:data:`NFKC_PASSWORD`), or one that ends the address early (a port that is no
    number, or a login that is not the one written before the last "@":
    :data:`UNENCODED_PASSWORD`). A tab or line break in it is no such character (the
    parser drops them, as a browser does): :func:`unusable_url` names it as a character
    no URL holds."""
    typed = typed_userinfo(url)
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - the spelling parses, so what breaks here is the password
    except ValueError as error:
        return NFKC_PASSWORD if "NFKC" in str(error) else UNENCODED_PASSWORD
    if typed is not None and parts.netloc.rpartition("@")[0] != typed.translate(_STRIPPED):
        return UNENCODED_PASSWORD
    return None


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
