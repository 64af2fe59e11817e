"""Secrets never leave the process: one redactor for every text that goes out.

What goes out: exception messages (every :class:`~extractor.errors.ExtractorError`
renders through :func:`redact`), the error objects written to output lines and
summaries (:class:`~extractor.bulk.batch.ErrorInfo`), the CLI's error lines,
and log records (each record of the ``extractor`` logger, of the libraries' loggers in
:data:`FILTERED_LOGGERS` and of any child of them, redacted as it is made by a log record
factory, :func:`install_record_factory`, so that every handler, one added later too,
sees it redacted; and :class:`RedactingFilter` on those loggers and the CLI's handlers). Each of those calls :func:`redact`; nothing else decides
what a secret is. And the chain of an error of ours that leaves a request path: each
exception linked to it (the SDK's error it was raised from, which holds the server's
echo) is replaced by a redacted stand-in (:func:`redacted_chain`,
:class:`RedactedError`), as a traceback prints every link.

What a secret is:

* every API key of the environment (:class:`~extractor.settings.Settings`:
  ``EXTRACTOR_API_KEY`` and each provider's key), read afresh on every call,
  the credentials the SDKs under it read there themselves and may send
  (``ANTHROPIC_AUTH_TOKEN``, each value of ``OPENAI_CUSTOM_HEADERS``:
  :func:`extractor.settings.sdk_secrets`),
  and the password of a proxy or base URL set there, as typed even in a misspelt URL
  (``http:/u:p@h``, ``http//u:p@h``, ``u:p@h:8080``: :func:`written_userinfo`);
* every key and URL registered while the process runs
  (:func:`register_secret`, :func:`register_url`; :func:`extractor.runtime.
  providers.resolve_model` registers the key and base URL of each model it
  resolves, so every :class:`~extractor.pipeline.engine.Extractor` does);
* whatever *looks* like one, known or not: the userinfo of any URL
  (``http://user:pass@host`` becomes ``http://***@host``; misspelt before it,
  ``http:/user:pass@host`` becomes ``http:/***@host``), the token of an
  ``Authorization: Bearer``/``Basic`` header (after ``Authorization:`` any
  token; after a bare ``Bearer`` any token (up to where RFC 6750's token
  characters stop, so "Bearer token)." keeps its ")."); after a bare ``Basic``
  only one shaped like base64, so that prose such as "Basic income" keeps its
  words; the token ends where RFC 6750's token characters end, so the next
  word is never eaten), ``api_key=``/``key=`` query
  parameters (any name ending in ``key``, ``token``, ``secret``, ``password``
  or ``sig``: ``?key=``, ``&access_token=``, ``&client_secret=``), and
  OpenAI-style ``sk-...`` keys.

A known secret is also found in the forms a server may echo it in (a key may hold
``& < > " '``, and an error page escapes them): HTML-escaped (named, decimal and hex
references), JSON-escaped (and Go's ``\\u0026``), percent-encoded once or twice, and
base64 (as a Basic auth header sends it, ``user:password`` too); and in the forms that
encode every character: hex, ``&#NN;``/``&#xNN;``, ``\\u00NN``/``\\xNN``, ``%NN``, and
base64 of any text that holds the key anywhere (a JSON blob of the request's headers,
``user:key``): see :func:`_variants` and :func:`_base64_cores`. A form spelled in base64's
characters (base64, hex, a token-like key) is found wrapped into lines too (MIME, PEM:
a short run of whitespace, or a line break escaped once or more, between two of its
characters), and with any of its characters and breaks escaped once more, mixed
(``%2B``, ``&#43;``, ``&sol;``, PHP's ``\\/``, ``\\u002b``, ``%0A``, ``&#10;``): :func:`_sub_wrapped`.
Secrets shorter than :data:`MIN_SECRET_LENGTH` characters are not searched
for, bare or in any form (they would match ordinary words); they are still removed
from URLs and headers by the patterns.

A known secret is also found *split* (:func:`_sub_read`), because a server's echo may
cut or dress it: what leaks is its characters, not one spelling of them.

* A **fragment** is a secret: any run of at least :func:`fragment_length` characters of
  a known key (half the key, at least :data:`FRAGMENT_FLOOR`, never past the key) is
  replaced wherever it stands, so a key cut by an ellipsis (``sk-test-...SECRET123``),
  a truncation, or a line of a dump loses every part long enough to narrow the key
  down; what may remain is shorter than half of it. Fragments go into the same trie
  pattern as the forms (the suffixes of the key, each ending anywhere past the
  fragment length), so this is still one linear pass. A key longer than
  :data:`LONG_KEY` characters (a JWT access token) would make that trie quadratic in
  size and too deep to compile, so its fragments are found by their *blocks*
  (:func:`_blocks`): every run of half the key holds one whole block, and each block
  found is replaced, so no run longer than a quarter of the key remains.
* **Invisible characters** between any of its characters are read through: whatever
  the one blank rule (:func:`extractor.blank.is_blank_char`) calls invisible, save
  whitespace: format characters (zero-width space, ZWJ, ZWNJ, word joiner, BOM, bidi
  marks), the soft hyphen, variation selectors, every other default-ignorable code point
  and controls; and their markup spellings (``<wbr>``, ``&shy;``, ``&#173;``,
  ``&#x200b;``, ``\\u200b``, any numeric reference to one). One rule, so no character is
  blank to the one and visible to the other.
* **Spread out** (:func:`_sub_spread`): a key of at least :data:`SPREAD_LEAST` letters
  and digits, every character of it in order with one separator run between two of
  them: any characters that are no letters or digits (commas, dashes, dots, spaces of
  any kind: ``s,k,-,a``, ``s. k. -``), markup (``<b>s</b><b>k</b>``), escapes
  (``&nbsp;``, ``\\u00a0``, ``%2C``), a JSON or Python list of its characters
  (``['s', 'k', '-']``); up to :data:`_GAP_MOST` pieces each, so the search stays
  linear. The whole key only, so ordinary text that shares a few of its characters
  keeps them.
* **Respelled** (:func:`_folded_char`): in any Unicode compatibility form (fullwidth
  ``ｓｋ－``, mathematical letters), in any case, or with combining marks on its
  characters: a text past ASCII is also read folded (NFKD, marks dropped, casefolded),
  for the key, its forms and its fragments (and, spread out, the whole key); and the
  base64 and hex of the key upper- or lower-cased or in NFKC are forms of it
  (:func:`_compatible_spellings`).
* **Escaped after a respelling** (:func:`_read_escaped`): a text holding an escape is
  also read with its escapes decoded, then folded as above: runs of ``\\xHH`` (UTF-8
  bytes, as Python's bytes repr writes them: h11's "illegal status line:
  bytearray(b'...')"; a byte that is no part of UTF-8 as Latin-1, as ``unicode_escape``
  writes it), ``%HH`` (UTF-8), ``\\uXXXX`` (surrogate pairs joined), ``\\UXXXXXXXX``,
  escaped quotes and backslashes; each with its backslash doubled too (a repr of a
  repr). So the key fullwidth, in mathematical letters, in another case or with
  invisible characters between its characters, then escaped once (``\\uff53\\uff4b``,
  ``%EF%BD%93``, ``sk-\\xe2\\x80\\x8bpro``), is found, and the whole escaped run it spans
  goes. The whole key only (or one of its forms), as spread out: a form cut short or
  changed, escaped, is no echo of it.
* **Separated hex** of the key (``73:6b:2d``, ``73 6b 2d``, ``73-6b``, ``736b 2d74``, and
  as source code writes bytes, ``0x73, 0x6b``) is
  decoded and searched (fragments of it too), and so are **hex dumps** (``xxd`` and
  ``hexdump -C`` lines, offsets and text column): consecutive dump lines are read as one
  byte string, and a match loses its hex and its text-column characters on every line.

The key in **base32** (the whole key, padded or not, and inside any blob, as base64 is),
as the **hex of its UTF-16** (either byte order) and as the **base64 of its UTF-16-LE**
(PowerShell's ``-EncodedCommand``, at any offset) is a form of it (:func:`_wide_forms`).

Known limits: a key spelled in base85, UTF-16 (save its hex and UTF-16-LE base64),
quoted-printable, rot13, or reversed is not found; nor a key escaped twice after a
respelling (save a doubled backslash), nor escaped after a respelling and cut short
(a fragment); nor a fragment shorter than
:func:`fragment_length` (a key of 40 characters may leak 19 of them, in pieces);
nor hex split at an odd digit, or a dump in another layout (``od -x``, whose words swap
their bytes), or octal escapes (``\\163\\153``). Spread out, only the whole key is
found (not a fragment), and only a key of :data:`SPREAD_LEAST` letters and digits or
more; a separator run of more than :data:`_GAP_MOST` pieces, or one that spells a
letter or digit (``&#115;``), hides it. Re-cased, its percent and character-reference
escapes (``%53%4B``) are not found, and its base64 loses all but a few bits at each
edge (as base64 inside a blob does: :func:`_base64_cores`).
"""

from __future__ import annotations

import base64
import codecs
import contextlib
import functools
import json
import logging
import re
import string
import threading
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, TypeVar
from urllib.parse import quote, quote_plus, unquote, urlsplit

from extractor.blank import blank_code_points, is_blank_char

__all__ = [
    "MARK",
    "MIN_SECRET_LENGTH",
    "SPREAD_LEAST",
    "RedactingFilter",
    "Redactor",
    "install_log_filter",
    "install_record_factory",
    "is_filtered_logger",
    "redact",
    "redacted_chain",
    "redacted_repr",
    "redactor",
    "register_secret",
    "register_url",
]

#: What a secret is replaced with.
MARK = "***"
_E = TypeVar("_E", bound=BaseException)
#: Shorter secrets are only removed where a pattern finds them (URLs, headers).
MIN_SECRET_LENGTH = 6
#: The shortest fragment of a known key that is a secret (:func:`fragment_length`): 8
#: characters, as a key's public prefix (``sk-proj-``) is about that long and shorter
#: runs match ordinary words and hex too often.
FRAGMENT_FLOOR = 8


#: Keys longer than this have their fragments found by blocks (:func:`_blocks`), not as
#: every suffix in the trie: a suffix trie of a 256-character key is ~16,000 nodes and
#: builds in a fraction of a second; one of a 2,000-character token would be a million,
#: and nest too deep for a regular expression to compile.
LONG_KEY = 256


#: The schemes whose addresses always have an authority (a host, and a login before it),
#: as a base URL, a proxy or a page's address is written: an address starting with one
#: of them misspelt (``http:/u:p@h``, ``socks5:u:p@h``, ``https;//h``) still has its
#: login where the authority goes. The one list every reading of a misspelt address
#: uses (:data:`SCHEME_NAMES` in the regular expressions here,
#: :data:`extractor.runtime.urls.KNOWN_SCHEMES`), so that none reads a scheme another
#: does not.
AUTHORITY_SCHEMES = frozenset(
    {"http", "https", "ws", "wss", "ftp", "ftps", "socks4", "socks4a", "socks5", "socks5h"}
)
#: :data:`AUTHORITY_SCHEMES` as a regular expression's alternation, longest first (a
#: group, to be matched case-insensitively).
SCHEME_NAMES = "(?:" + "|".join(sorted(AUTHORITY_SCHEMES, key=lambda s: (-len(s), s))) + ")"
#: The most characters a port has ("65535"): what the URL parser reads as a port and
#: is longer, or holds a letter or a "%", may be a password (:func:`port_may_be_password`).
PORT_MOST = 5


def fragment_length(key: str) -> int:
    """How long a run of ``key`` must be to be a secret: half the key (rounded up), at
    least :data:`FRAGMENT_FLOOR`, at most the key. What is left of a key cut once is
    then shorter than its half: the unknown half is still out of reach of a search."""
    return min(len(key), max(FRAGMENT_FLOOR, MIN_SECRET_LENGTH, -(-len(key) // 2)))


_SURROGATES = re.compile("[\ud800-\udfff]")
#: RFC 6750's b64token: what a Bearer (or Basic) credential is made of.
_TOKEN = r"[A-Za-z0-9\-._~+/]+=*"


def _credential(match: re.Match[str]) -> str:
    """A bare ``Bearer x``/``Basic x``: ``x`` redacted, unless ``Basic`` is prose.

    Any Bearer token goes (a lower-case word may be a key). A Basic credential
    is base64: a multiple of 4 long, with a digit, ``+/=``, an inner capital or
    20 characters or more. A sentence's full stop stays outside.
    """
    scheme, space, token = match.group(1, 2, 3)
    body = token.rstrip(".")
    if scheme.lower() == "basic":  # always base64: prose ("Basic income") is kept
        shaped = (
            len(body) >= 6
            and len(body) % 4 == 0
            and (
                any(c.isdigit() or c in "_~+/=" for c in body)
                or any(c.isupper() for c in body[1:])
                or len(body) >= 20
            )
        )
    else:  # any word after "Bearer" may be a token: a secret outweighs the prose around it
        shaped = bool(body)
    if not shaped:
        return match.group(0)
    return f"{scheme}{space}{MARK}{token[len(body) :]}"


#: A word that may be a URL misspelt before its login (:func:`_misspelt_login`): where a
#: word starts (after a blank, a quote, a bracket, "," or "="), a scheme however it is
#: spelled (kept whole once read, possessive: a second pass over "http:***@host" keeps
#: "http:"), a user name up to its first ":" (holding none of the characters a word starts
#: after), then everything up to the end of the authority. Each part possessive and each
#: match consuming its word, so the search is linear in the text (a run of 200,000 "="
#: would otherwise be read to its end from each of them).
_MISSPELT_LOGIN = re.compile(
    r"(?i)(?<![^\s'\"<>(\[{,=])(?!mailto:)((?:[a-z][a-z0-9+.\-]*+(?:[:;]?[/\\]+)"
    rf"|{SCHEME_NAMES}:)?+)"
    r"([^/?#\s@'\"<>:(\[{,=]*+:[^/?#\s'\"<>]*+)"
)


def _misspelt_login(match: re.Match[str]) -> str:
    """The word :data:`_MISSPELT_LOGIN` found, with everything before the last "@" of its
    authority (the login, a password holding "@" too) masked; as it is when none."""
    scheme, authority = match.group(1, 2)
    _, at, host = authority.rpartition("@")
    return f"{scheme}{MARK}@{host}" if at else match.group(0)


_PATTERNS: tuple[tuple[re.Pattern[str], Any], ...] = (
    # scheme://userinfo@ : everything up to the last "@" before the host's path.
    (re.compile(r"(?i)\b([a-z][a-z0-9+.\-]{0,30}://)[^/?#\s@]*(?:@[^/?#\s@]*)*@"), rf"\1{MARK}@"),
    # a URL misspelt before its userinfo (http:/u:p@h, http//u:p@h, https;//u:p@h,
    # http:u:p@h, or no scheme: u:p@h:8080), as a message about its spelling quotes it:
    # "user:password@" where a word starts (not an e-mail's "mailto:" or a
    # "name@host" without a password): see _misspelt_login
    (_MISSPELT_LOGIN, lambda match: _misspelt_login(match)),
    # the credentials of an Authorization header, however it is quoted: any token
    (
        re.compile(
            r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?\s*(?:bearer|basic)(?:\s+|%20))[^\s\"',;<>]+"
        ),
        rf"\1{MARK}",
    ),
    # a bare "Bearer x" / "Basic x": only a token shaped like a credential
    (re.compile(rf"\b([Bb]earer|BEARER|Basic|BASIC)(\s+|%20)({_TOKEN})"), _credential),
    # ?api_key=... &key=... &access_token=... &client_secret=... &sig=... in a URL
    (
        re.compile(
            r"(?i)([?&;][\w.\-]{0,40}?(?:key|token|secret|password|passwd|pwd|signature|sig)"
            r"=)[^&#;\s\"'<>]+"
        ),
        rf"\1{MARK}",
    ),
    # api_key: ..., "x-api-key": "..." in an echoed header or config
    (re.compile(r"(?i)(\"?(?:x-)?api[_-]?key\"?\s*[:=]\s*\"?)[^\s\"',;<>]{4,}"), rf"\1{MARK}"),
    # OpenAI-style keys (sk-..., sk-proj-..., sk-ant-...), registered or not
    (re.compile(r"\bsk-[A-Za-z0-9_\-]{16,}"), f"sk-{MARK}"),
)


@functools.lru_cache(maxsize=1024)
def _forms(secret: str) -> frozenset[str]:
    """Every form of ``secret`` the redactor searches for: its escaped and encoded forms
    (:func:`_variants`), and the encodings of its bytes a server rarely uses
    (:func:`_wide_forms`: base32, UTF-16), as the key is written, not re-cased."""
    if len(secret) < MIN_SECRET_LENGTH:
        return frozenset()
    wide = {form for form in _wide_forms(secret) if len(form) >= MIN_SECRET_LENGTH}
    return _variants(secret) | wide


@functools.lru_cache(maxsize=1024)
def _variants(secret: str) -> frozenset[str]:
    """The forms in which a server, a proxy or a library may echo ``secret``.

    A header may hold any printable character, ``& < > " ' % + / =`` too, and what
    echoes it escapes it first: a proxy's HTML error page (:data:`_HTML_STYLES`), a
    JSON body (``json.dumps``, with or without ``ensure_ascii``; Go's ``\\u0026``
    for ``& < >``; PHP's ``\\/``), a URL (percent-encoded once or twice, by each
    common rule: :func:`_percent_forms`), base64 (standard and URL-safe, padded or
    not: a key sent as Basic auth, ``user:password`` when ``secret`` is that pair), the
    base64 of a blob holding it at any offset (:func:`_base64_cores`), each character
    escaped (:func:`_per_character_forms`). (Its base32 and UTF-16: :func:`_forms`.)
    Each form is a whole string, so the redactor's one alternation of literals finds
    them all in time linear in the text; none of a secret too short to search.

    A server may also rewrite the key before it encodes it (:func:`_compatible_spellings`:
    upper or lower case, casefolded, NFKC). The pattern ignores case, so the escaped
    forms of ``SK-ABC`` are those of ``sk-abc``, save the forms of its bytes: base64
    (:func:`_base64_cores`) and hex differ, and are added for each spelling.
    Forms equal but for an ASCII letter's case are one (the pattern ignores it).
    """
    if len(secret) < MIN_SECRET_LENGTH:
        return frozenset()
    forms = _spelled_forms(secret)
    for spelled in _compatible_spellings(secret) - {secret}:
        forms |= _byte_forms(spelled)
    unique = {(form.lower() if form.isascii() else form): form for form in sorted(forms)}
    return frozenset(form for form in unique.values() if len(form) >= MIN_SECRET_LENGTH)


def _byte_forms(secret: str) -> set[str]:
    """The forms of ``secret`` that encode its bytes, and so depend on its letters' case:
    its base64 cores (:func:`_base64_cores`: the base64 of the key alone, or of any text
    holding it, loses all but at most 4 bits of it at each edge) and its hex."""
    return _base64_cores(secret) | {secret.encode("utf-8", "surrogatepass").hex()}


def _wide_forms(secret: str) -> set[str]:
    """``secret`` in the encodings of its bytes that are not UTF-8 base64 or hex: base32
    (``base64.b32encode``: the whole key, padded or not, and its cores inside any larger
    blob, :func:`_base32_cores`), the hex of its UTF-16 in either byte order
    (``0073006b``, ``73006b00``: a literal run of the hex of any UTF-16 text holding it),
    and the base64 of its UTF-16-LE (PowerShell's ``-EncodedCommand``, a .NET dump) at
    any offset (:func:`_base64_cores`). Each is one literal string about two to four
    times the key's length, so the pattern stays linear."""
    raw = secret.encode("utf-8", "surrogatepass")
    coded = base64.b32encode(raw).decode("ascii")
    forms = {coded, coded.rstrip("="), *_base32_cores(raw)}
    for order in ("utf-16-be", "utf-16-le"):
        forms.add(secret.encode(order, "surrogatepass").hex())
    return forms | _base64_cores(secret.encode("utf-16-le", "surrogatepass"))


def _base32_cores(raw: bytes) -> set[str]:
    """What base32 of any bytes holding ``raw`` always holds, as :func:`_base64_cores` is
    for base64: for each of the five offsets of ``raw`` modulo 5 bytes, the run of base32
    characters whose 5 bits all come from ``raw`` (at most 4 bits of it are left at each
    edge)."""
    cores: set[str] = set()
    end = 8 * len(raw)
    for shift in range(5):
        coded = base64.b32encode(bytes(shift) + raw).decode("ascii")
        start = 8 * shift
        cores.add(coded[-(-start // 5) : (start + end) // 5])
    return cores


def _compatible_spellings(secret: str) -> set[str]:
    """``secret`` as a server may rewrite it before it echoes (and encodes) it: as it is,
    upper- or lower-cased, casefolded, in its Unicode compatibility form (NFKC) and that
    form cased. An ASCII key has three (itself, upper, lower); any other a few more."""
    compatible = unicodedata.normalize("NFKC", secret)
    return {
        spelled
        for text in (secret, compatible)
        for spelled in (text, text.upper(), text.lower(), text.casefold())
    }


def _spelled_forms(secret: str) -> set[str]:
    """The forms of :func:`_variants` of one spelling of the key."""
    jsons = _json_forms(secret)
    forms = {secret, repr(secret)[1:-1], *jsons, *_percent_forms(secret)}
    for text in (secret, *jsons):  # a JSON body shown in an HTML page, too
        forms |= {text.translate(style) for style in _HTML_STYLES}
    raw = secret.encode("utf-8", "surrogatepass")
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        coded = encode(raw).decode("ascii")
        forms |= {coded, coded.rstrip("=")}
    # a JSON dump of the request's headers, encoded whole (each escaper's JSON for base64;
    # the long per-character forms of the key and of its plain json.dumps only)
    for text in (secret, *jsons):
        forms |= _base64_cores(text)
    for text in {secret, json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}:
        forms |= _per_character_forms(text)
    return forms


#: The URL-safe base64 alphabet's two characters in place of the standard one's.
_URLSAFE = str.maketrans("+/", "-_")


def _base64_cores(text: str | bytes) -> set[str]:
    """What base64 (standard and URL-safe) of *any* text holding ``text`` always holds.

    A server that base64-encodes a blob holding the key (its request's headers as JSON,
    ``Bearer <key>``, ``user:<key>`` as Basic auth sends it) puts the key at any byte
    offset, so its encoding depends on the offset modulo 3. For each of the three, the
    core is the run of base64 characters whose 6 bits all come from ``text``'s UTF-8
    bytes (the one character at each edge that mixes in a neighbour's bits is left out),
    (or of ``text`` itself, given as bytes: the UTF-16-LE of a key, :func:`_wide_forms`),
    so it is the same whatever surrounds the key. Removing it leaves at most 4 bits of
    the key on each side: the key cannot be decoded from what is left. Six strings, each
    about 4/3 of the key's length: the pattern stays small and linear.
    """
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    cores: set[str] = set()
    end = 8 * len(raw)
    for shift in range(3):
        coded = base64.b64encode(bytes(shift) + raw).decode("ascii")
        start = 8 * shift
        core = coded[-(-start // 6) : (start + end) // 6]  # whole 6-bit groups of raw only
        cores |= {core, core.translate(_URLSAFE)}
    return cores


def _per_character_forms(secret: str) -> set[str]:
    """``secret`` with *every* character (or UTF-8 byte) escaped, as a debugging echo or
    a paranoid escaper writes it: hex (either case: the pattern ignores case), ``%NN``
    (and ``%25NN``, encoded twice), ``\\xNN``, ``\\u00NN`` (a surrogate pair past
    U+FFFF, as JSON writes it) and the decimal and hex character references ``&#NN;``,
    ``&#xNN;``. One string each, as long as the escapes: linear in the key."""
    raw = secret.encode("utf-8", "surrogatepass")
    utf16 = secret.encode("utf-16-be", "surrogatepass")
    return {
        raw.hex(),
        "".join(f"%{byte:02x}" for byte in raw),
        "".join(f"%25{byte:02x}" for byte in raw),
        "".join(f"\\x{byte:02x}" for byte in raw),
        "".join(f"\\u{utf16[at : at + 2].hex()}" for at in range(0, len(utf16), 2)),
        "".join(f"&#{ord(char)};" for char in secret),
        "".join(f"&#x{ord(char):x};" for char in secret),
    }


def _json_forms(secret: str) -> set[str]:
    """``secret`` inside a JSON string, as each common encoder writes it (and as a template
    writes it into a script: only ``& < >``, or ``'`` too, as ``\\u00XX``)."""
    forms = {json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1], secret}
    forms |= {form.translate(style) for form in forms for style in _JSON_HTML_SAFE}
    forms |= {form.replace("/", "\\/") for form in forms}  # PHP's json_encode
    return forms - {secret}


def _percent_forms(secret: str) -> set[str]:
    """``secret`` percent-encoded once (everything, ``quote``'s rule, ``quote_plus``,
    JavaScript's ``encodeURIComponent`` and ``encodeURI``) and each of those once more."""
    once = {
        quote(secret, safe=""),
        quote(secret),
        quote_plus(secret, safe=""),
        quote(secret, safe="!'()*"),
        quote(secret, safe=";,/?:@&=+$#!'()*"),
    }
    return once | {quote(form, safe="") for form in once} | {quote(form) for form in once}


def _entities(style: dict[str, str]) -> dict[int, str]:
    return {ord(char): entity for char, entity in style.items()}


_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = "&<>\"'"
#: How HTML escapers write ``& < > " '`` (and Go's templates ``+``): Python's ``html.escape``
#: with and without ``quote``, Go's ``html.EscapeString`` and ``html/template``, PHP's
#: ``htmlspecialchars`` (its default and ``ENT_QUOTES``), XML's ``&apos;``, and every one
#: as a decimal or hex character reference.
_HTML_STYLES: tuple[dict[int, str], ...] = tuple(
    _entities(style)
    for style in (
        {**_NAMED, '"': "&quot;", "'": "&#x27;"},
        _NAMED,
        {**_NAMED, '"': "&#34;", "'": "&#39;"},
        {**_NAMED, '"': "&#34;", "'": "&#39;", "+": "&#43;"},
        {**_NAMED, '"': "&quot;"},
        {**_NAMED, '"': "&quot;", "'": "&#039;"},
        {**_NAMED, '"': "&quot;", "'": "&apos;"},
        {char: f"&#{ord(char)};" for char in _SPECIAL},
        {char: f"&#x{ord(char):x};" for char in _SPECIAL},
        {char: f"&#{ord(char)};" for char in _SPECIAL + "+"},
        {char: f"&#x{ord(char):x};" for char in _SPECIAL + "+"},
    )
)
#: JSON encoders that keep a string safe inside HTML: Go's ``\u0026 \u003c \u003e``,
#: and those that write ``'`` as ``\u0027`` too (PHP's ``JSON_HEX_*``).
_JSON_HTML_SAFE: tuple[dict[int, str], ...] = tuple(
    {ord(char): f"\\u{ord(char):04x}" for char in chars} for chars in ("&<>", "&<>'")
)


class Redactor:
    """Knows the secrets of the process and removes them from text.

    Thread-safe: registering takes a lock, redacting reads an immutable
    snapshot.
    """

    def __init__(self, *, use_settings: bool = True) -> None:
        self._lock = threading.Lock()
        self._registered: frozenset[str] = frozenset()
        self._keys: frozenset[str] = frozenset()
        self._use_settings = use_settings
        self._cache: tuple[tuple[frozenset[str], frozenset[str]], re.Pattern[str] | None] = (
            (frozenset(), frozenset()),
            None,
        )
        self._spread_cache: tuple[frozenset[str], re.Pattern[str] | None] = (frozenset(), None)
        empty: frozenset[str] = frozenset()
        self._known_cache: tuple[frozenset[str], ...] = (empty,) * 6
        self._whole_cache: tuple[tuple[frozenset[str], frozenset[str]], re.Pattern[str] | None] = (
            (frozenset(), frozenset()),
            None,
        )

    # -- what is secret -------------------------------------------------------
    def register_secret(self, secret: str | None) -> None:
        """Remember ``secret`` (an API key, a password, a token) for the process's life."""
        if not secret or not isinstance(secret, str):
            return
        forms = _forms(secret.strip()) | _forms(secret)
        if not forms:
            return
        keys = {key for key in (secret, secret.strip()) if len(key) >= MIN_SECRET_LENGTH}
        with self._lock:
            self._registered = self._registered | forms
            self._keys = self._keys | keys

    def register_url(self, url: str | None) -> None:
        """Remember the credentials in ``url``'s userinfo (user, password, and both as Basic auth)."""
        for secret in _url_secrets(url):
            self.register_secret(secret)

    def secrets(self) -> frozenset[str]:
        """Every secret form known now: registered ones and the environment's."""
        return self._known()[0]

    def keys(self) -> frozenset[str]:
        """Every secret known now as itself (not its forms): what a fragment is cut from."""
        return self._known()[1]

    def _known(self) -> tuple[frozenset[str], frozenset[str]]:
        """The secret forms and the keys known now, the same objects while nothing changed.

        Computed again only when a secret was registered or the environment changed
        (:func:`_environment_secrets`): a server's answer is redacted string by string
        (every field of every record), and reading the settings, deriving each key's
        forms and joining the sets on every string took about 0.2 ms a string, 20 s for a
        1 MB answer of short fields, whatever the text. The same objects also keep the
        patterns' caches (:meth:`_pattern`) a comparison by identity."""
        registered, keys = self._registered, self._keys
        env_secrets, env_keys = _environment_secrets() if self._use_settings else _NO_SECRETS
        cached = self._known_cache
        if (
            cached[0] is registered
            and cached[1] is keys
            and cached[2] is env_secrets
            and cached[3] is env_keys
        ):
            return cached[4], cached[5]
        known = (registered | env_secrets, keys | env_keys)
        self._known_cache = (registered, keys, env_secrets, env_keys, *known)
        return known

    # -- removing them --------------------------------------------------------
    def redact(self, text: Any) -> str:
        """``text`` (made a str) with every secret replaced by :data:`MARK`. Never raises."""
        try:
            out = text if isinstance(text, str) else str(text)
        except Exception:  # a broken __str__ must not break error reporting
            return f"<unprintable {type(text).__name__}>"
        out = self.redact_known(out)
        for pattern, replacement in _PATTERNS:
            out = pattern.sub(replacement, out)
        return out

    def redact_known(self, text: str) -> str:
        """``text`` with this process's own secrets (keys, URL logins) replaced, and nothing
        else: for what a server says that becomes data (a model's answer), where the
        generic shapes :meth:`redact` also removes (``Bearer ...``, a URL's login) may be
        the article's own words."""
        secrets, keys = self._known()
        known = self._pattern(secrets, keys)
        if known is None:
            return text
        whole = functools.partial(self._whole, secrets, keys)
        out = known.sub(MARK, _sub_read(known, text, whole))
        spread = self._spread(keys)
        if spread is not None:  # after the forms: a key written as it is is one mark
            out = _sub_spread(spread, out)
        return _sub_wrapped(known, out)

    def _pattern(
        self, secrets: frozenset[str], keys: frozenset[str] = frozenset()
    ) -> re.Pattern[str] | None:
        """One pattern for every secret form and every fragment of a key, in any case (a
        server that echoes the key upper case, "SK-TEST-..."), the longest form found where
        several start, so that a secret holding another goes whole. Built once for each
        set of secrets."""
        cached_for, pattern = self._cache
        if not _same(cached_for, (secrets, keys)):
            pattern = _longest_first(secrets, keys) if secrets or keys else None
            self._cache = ((secrets, keys), pattern)
        return pattern

    def _whole(self, secrets: frozenset[str], keys: frozenset[str]) -> re.Pattern[str] | None:
        """The pattern of every secret form and every key itself, with no fragment of a key
        (what an escaped reading is searched for: :func:`_sub_read`), built once for each
        set of secrets."""
        cached_for, pattern = self._whole_cache
        if not _same(cached_for, (secrets, keys)):
            pattern = _longest_first(secrets | keys) if secrets or keys else None
            self._whole_cache = ((secrets, keys), pattern)
        return pattern

    def _spread(self, keys: frozenset[str]) -> re.Pattern[str] | None:
        """The pattern of the keys written spread out (:func:`_spread_pattern`), built once
        for each set of keys."""
        cached_for, pattern = self._spread_cache
        if cached_for is not keys and cached_for != keys:
            pattern = _spread_pattern(keys)
            self._spread_cache = (keys, pattern)
        return pattern


def _same(cached: tuple[frozenset[str], ...], now: tuple[frozenset[str], ...]) -> bool:
    """Whether a cache built for ``cached`` serves ``now``: the same sets (by identity, in
    constant time, the common case: :meth:`Redactor._known`) or equal ones."""
    return all(a is b for a, b in zip(cached, now, strict=True)) or cached == now


def _longest_first(forms: Iterable[str], keys: Iterable[str] = ()) -> re.Pattern[str]:
    """A case-blind pattern matching each of ``forms``, the longest where several start,
    and every run of at least :func:`fragment_length` characters of each of ``keys`` (and
    of its UTF-8 bytes read as Latin-1, as decoded hex gives them).

    Written as a trie (``abc(?:d(?:ef)?)?``), so that matching stays linear in the text
    however many forms a secret has (an alternation of literals tries every one at
    every character); a key's fragments are its suffixes, each ending anywhere past the
    fragment length, or for a key longer than :data:`LONG_KEY` its blocks. A trie too
    deep to compile is the plain alternation of the forms and the long keys' blocks.
    """
    forms = list(forms)
    trie: _Trie = {}
    for form in forms:
        _trie_add(trie, form.lower() if form.isascii() else form)
    blocks: list[str] = []
    for key in keys:
        least = fragment_length(key)
        as_bytes = key.encode("utf-8", "surrogatepass").decode("latin-1")
        for spelled in {key, as_bytes}:
            spelled = spelled.lower() if spelled.isascii() else spelled
            if len(spelled) > LONG_KEY:
                blocks += _blocks(spelled, least)
                continue
            for start in range(len(spelled) - least + 1):
                _trie_add(trie, spelled[start:], least)
    for block in blocks:
        _trie_add(trie, block)
    try:
        return re.compile(_trie_regex(trie), re.IGNORECASE)
    except (RecursionError, re.error):
        ordered = sorted({*forms, *blocks}, key=lambda form: (-len(form), form))
        return re.compile("|".join(map(re.escape, ordered)), re.IGNORECASE)


_Trie = dict[str, "_Trie"]


def _blocks(key: str, least: int) -> list[str]:
    """``key`` cut into consecutive blocks of ``least // 2`` characters (a shorter tail
    dropped). Any run of ``least`` characters of the key holds one of them whole: the
    first block to start inside the run starts within ``least // 2`` of the run's start
    and so ends inside it. A run found is then broken wherever a block lies in it, and
    each piece left shows less than a block and the characters before the next one."""
    size = least // 2
    return [key[start : start + size] for start in range(0, len(key) - size + 1, size)]


def _trie_add(trie: _Trie, word: str, least: int | None = None) -> None:
    """Add ``word`` to ``trie``, each of its prefixes of at least ``least`` characters (all
    of it only, by default) marked as an end: a key's suffix adds every fragment it begins."""
    end = len(word) if least is None else least
    node = trie
    if end == 0:
        node[""] = {}
    for depth, char in enumerate(word, 1):
        node = node.setdefault(char, {})
        if depth >= end:
            node[""] = {}


def _trie_regex(node: _Trie) -> str:
    """The regex of a trie node: each branch (a run of single children written as one
    literal), optional where a form ends here (greedy, so the longer form is tried first)."""
    branches = []
    for char in sorted(key for key in node if key):
        run, child = [char], node[char]
        while len(child) == 1 and "" not in child:
            ((next_char, child),) = child.items()
            run.append(next_char)
        branches.append(re.escape("".join(run)) + _trie_regex(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


#: One break piece inside a wrapped base64 run: a whitespace character (CRLF, LF, a space
#: or tab where an excerpt joined the lines, a line break and its indentation, header
#: folding ``\\r\\n ``) or a line break or tab written as an escape with 1 to 4
#: backslashes (``\\n``, ``\\r\\n``; ``\\\\n`` from a repr of a JSON body or a second JSON
#: encoding). A break is up to :data:`_MOST_BREAK_PIECES` of them (an escape of a
#: whitespace character, ``%0A``, ``&#10;``, is one too: :func:`_spelled_char`). Base64
#: and hex hold no whitespace or backslash, so a break never eats a run's own character.
_BREAK_PIECE = r"[ \t\r\n\f\v]|\\{1,4}+[rnt]"
_MOST_BREAK_PIECES = 16
#: One escape of one character, as a server escapes a key's characters (and so the base64
#: of one) once: percent (``%2B``), an HTML character reference (``&#43;``, ``&#x2B;``,
#: ``&plus;``), JSON's ``\\uNNNN`` and PHP's ``\\/``, and ``\\xNN``. Bounded, so reading
#: one is constant time.
_ESCAPE = (
    r"%[0-9A-Fa-f]{2}|&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};|&[A-Za-z]{2,8};"
    r"|\\u[0-9A-Fa-f]{4}|\\x[0-9A-Fa-f]{2}|\\/"
)
#: One character of base64 (either alphabet, padding too), as a regular expression: the
#: characters of :data:`_BASE64_ALPHABET`.
_BASE64_CHAR = r"[A-Za-z0-9+/=_\-]"
#: One piece of a base64 run as a server may spell it: a run of base64 characters (either
#: alphabet, padding too), one escaped character, or one break piece.
_SPELLED_PIECE = re.compile(rf"{_BASE64_CHAR}++|{_ESCAPE}|{_BREAK_PIECE}")
#: A run of such pieces. Possessive, so finding every run is linear in the text.
_SPELLED_RUN = re.compile(rf"(?:{_SPELLED_PIECE.pattern})++")
_BASE64_ALPHABET = frozenset(string.ascii_letters + string.digits + "+/=_-")
#: The named references an HTML escaper writes for base64's characters and for breaks.
_NAMED_REFERENCES = {
    "&plus;": "+",
    "&sol;": "/",
    "&equals;": "=",
    "&lowbar;": "_",
    "&UnderBar;": "_",
    "&hyphen;": "-",
    "&dash;": "-",
    "&NewLine;": "\n",
    "&Tab;": "\t",
}
#: What a spelled character that is neither base64 nor a break reads as: a run's end.
_SEPARATOR = "\x00"


@functools.lru_cache(maxsize=4096)
def _spelled_char(piece: str) -> str:
    """The one character an escape (:data:`_ESCAPE`) stands for, or :data:`_SEPARATOR`."""
    try:
        if piece[0] == "%":
            code = int(piece[1:], 16)
        elif piece.startswith("&#"):
            code = int(piece[3:-1], 16) if piece[2] in "xX" else int(piece[2:-1])
        elif piece[0] == "&":
            return _NAMED_REFERENCES.get(piece, _SEPARATOR)
        elif piece == "\\/":
            return "/"
        else:  # \uNNNN, \xNN
            code = int(piece[2:], 16)
        char = chr(code)
    except (ValueError, OverflowError):
        return _SEPARATOR
    return char if char in _BASE64_ALPHABET or char in " \t\r\n\f\v" else _SEPARATOR


def _sub_wrapped(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with each match of ``pattern`` in a *spelled* base64 run replaced by
    :data:`MARK`: a run wrapped into lines, or with characters escaped, or both.

    MIME (``base64.encodebytes``: 76 characters a line), PEM (64) and other writers
    break a long base64 run into lines, and an excerpt may show each break as spaces,
    indentation or a ``\\n`` escape (escaped twice, ``\\\\n``, when quoted again). A server
    that echoes the base64 of a key (:func:`_base64_cores`) may also escape it once more,
    as it escapes any text it echoes: ``+ / =`` percent-encoded (``%2B``), as HTML
    references (``&#43;``, ``&sol;``) or as PHP's ``\\/``; any of its characters, and a
    break (``%0A``, ``&#13;&#10;``), in any escape :data:`_ESCAPE` reads, mixed in one
    string. None of these is a literal form of the key. So each run of base64 characters,
    escapes and breaks is read as a decoder reads it: each escape as the character it
    stands for, breaks of up to :data:`_MOST_BREAK_PIECES` pieces dropped, and any other
    character (an escaped ``?``, a longer break) ending the base64; a form found there is
    replaced in ``text`` whole, from its first piece to its last, the breaks between them
    too. Runs are disjoint and each piece is read once, in constant time, so this stays
    linear in the text; the pattern is the same one. A run of plain base64 characters
    only is left alone: the pattern searched it already.
    """
    runs = [
        run
        for run in _SPELLED_RUN.finditer(text)
        if run.end() - run.start() >= MIN_SECRET_LENGTH and not _PLAIN_RUN.fullmatch(run.group())
    ]
    if not runs:
        return text
    # Every run read at once, kept apart by the separator (no escape, break or form holds
    # it, so the reading is the runs' readings joined): the pattern searched once, where
    # a search of each run (three substitutions and a search) cost seconds for a megabyte
    # of prose, one run per word. Only a text in which a form is found is read run by run.
    if pattern.search(_joined(_SEPARATOR.join(run.group() for run in runs))) is None:
        return text
    kept: list[str] = []
    done = 0
    for run in runs:
        spelled = run.group()
        if pattern.search(_joined(spelled)) is None:
            continue  # the common case (prose, a blob without the key): no mapping built
        joined, starts, ends = _read_run(text, run.start(), run.end())
        for match in pattern.finditer(joined):
            if match.end() > match.start():
                kept += (text[done : starts[match.start()]], MARK)
                done = ends[match.end() - 1]
    return "".join(kept) + text[done:] if kept else text


def _joined(run: str) -> str:
    """A run (:data:`_SPELLED_RUN`) as a decoder reads it: each escape decoded, each
    break dropped, a longer break one :data:`_SEPARATOR`. The same string as
    :func:`_read_run` gives, in regular-expression time (no step per character)."""
    decoded = _ESCAPE_RE.sub(lambda escape: _spelled_char(escape.group()), run)
    return _BREAKS.sub("", _LONG_BREAK.sub(_SEPARATOR, decoded))


def _read_run(text: str, start: int, end: int) -> tuple[str, list[int], list[int]]:
    """The run ``text[start:end]`` as :func:`_joined` reads it, and where the piece of each
    of its characters starts and ends in ``text``."""
    joined: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    breaks = 0
    for piece in _SPELLED_PIECE.finditer(text, start, end):
        spelled = piece.group()
        if spelled[0] in _BASE64_ALPHABET:
            joined.append(spelled)
            starts += range(piece.start(), piece.end())
            ends += range(piece.start() + 1, piece.end() + 1)
            breaks = 0
            continue
        char = spelled if _BREAKS.fullmatch(spelled) else _spelled_char(spelled)
        if char != _SEPARATOR and char not in _BASE64_ALPHABET:  # a break piece
            breaks += 1
            if breaks != _MOST_BREAK_PIECES + 1:
                continue
            char = _SEPARATOR  # a break too long for a wrapped line: the run ends
        joined.append(char)
        starts.append(piece.start())
        ends.append(piece.end())
        if char != _SEPARATOR:
            breaks = 0
    return "".join(joined), starts, ends


_PLAIN_RUN = re.compile(rf"{_BASE64_CHAR}++")
_ESCAPE_RE = re.compile(_ESCAPE)
#: A break: 1 to :data:`_MOST_BREAK_PIECES` pieces; a longer one ends the run.
_BREAKS = re.compile(rf"(?:{_BREAK_PIECE})++")
_LONG_BREAK = re.compile(rf"(?:{_BREAK_PIECE}){{{_MOST_BREAK_PIECES + 1}}}(?:{_BREAK_PIECE})*+")


def _sub_read(
    pattern: re.Pattern[str],
    text: str,
    whole: Callable[[], re.Pattern[str] | None] | None = None,
) -> str:
    """``text`` with each key (a form or a fragment: ``pattern``) found *through* what splits
    it replaced by :data:`MARK`: invisible characters between its characters, separated hex
    and hex dumps, escapes (see the module doc). Each reader gives the characters it reads
    and where each came from in ``text``; a match there is replaced from its first source
    to its last (a dump's hex and text column on each of its lines). Every reader runs only
    where its cheap search finds something to read, so ordinary text costs a few scans.

    The escaped reading (:func:`_read_escaped`) is searched for whole keys and forms only
    (``whole``: built only when a text holds an escape), as a spread-out key is: a form
    cut short or with a character changed, escaped (``%26%26%26`` of a key of ``&``), is
    no echo of the key, and a text of ordinary escapes must keep its words.

    Where a reader found a key, the matches in ``text`` itself are replaced with its
    matches, as one: a reading may take part of a literal form for something else (the
    decoded reading reads ``\\\\u0026``, a key's ``\\`` before an escaped ``&``, as one
    escape with its backslash doubled), and its shorter match must not cut the literal
    form so that the rest of it is no longer found."""
    spans: list[tuple[int, int]] = []
    for read in (_read_invisible, _read_folded, _read_escaped, _read_separated_hex, _read_dumps):
        for reading, sources in read(text):
            searched = whole() if read is _read_escaped and whole is not None else pattern
            if searched is None or searched.search(reading) is None:
                continue
            where = sources()
            for match in searched.finditer(reading):
                if match.end() > match.start():
                    spans += _source_spans(where[match.start() : match.end()])
    if spans:  # a form written as it is goes whole, though a reading found only part of it
        spans += [match.span() for match in pattern.finditer(text) if match.end() > match.start()]
    return _replaced(text, spans)


def _replaced(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` (overlapping or not) replaced by :data:`MARK`."""
    if not spans:
        return text
    kept: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if end <= done:
            continue
        kept += (text[done : max(start, done)], MARK) if start >= done else ()
        done = end
    return "".join(kept) + text[done:]


#: Where each character of a reading came from: one span of ``text``, or a pair (a dump's
#: byte: its hex digits and its text-column character).
_Source = tuple[int, ...]
#: Builds the sources of a reading (only for a reading in which a key was found).
_Sources = Callable[[], list[_Source]]


def _source_spans(sources: list[_Source]) -> list[tuple[int, int]]:
    """The spans of ``text`` a run of read characters came from, one per line of a dump:
    consecutive sources are joined unless a line break lies between them."""
    spans: list[tuple[int, int]] = []
    for column in range(0, len(sources[0]), 2):
        start, end = sources[0][column], sources[0][column + 1]
        for source in sources[1:]:
            if source[column] > end + _SAME_LINE_GAP:
                spans.append((start, end))
                start = source[column]
            end = source[column + 1]
        spans.append((start, end))
    return spans


#: Sources further apart than this are on different lines of a dump (or in different runs).
_SAME_LINE_GAP = 4  # ", 0x" between two bytes of source code


@functools.cache
def _invisible_re() -> re.Pattern[str]:
    """The characters that show nothing and are no whitespace (the one blank rule,
    :func:`~extractor.blank.is_blank_char`: controls, format characters, the soft hyphen,
    variation selectors and every other default-ignorable code point), and their markup
    spellings: ``<wbr>``, ``&shy;``, a decimal or hex character reference, a JSON
    ``\\uNNNN`` escape. Built on first use (it reads the Unicode database once)."""
    codes = sorted(code for code in blank_code_points() if not chr(code).isspace())
    spellings = {"<wbr>", "<wbr/>", "<wbr />", "<WBR>", "&shy;"}
    # spelled out: the BMP's, and the astral format characters (tags); not the 4,000
    # reserved points of the tag block, which would make the pattern slow to build
    written = [code for code in codes if code <= 0xFFFF or unicodedata.category(chr(code)) == "Cf"]
    for code in written:
        for digits in (f"{code:x}", f"{code:04x}", f"{code:X}", f"{code:04X}"):
            spellings |= {f"&#{code};", f"&#x{digits};", f"&#X{digits};"}
            # JSON's escape has exactly four digits: "\\u0" would eat the start of "\\u0026"
            spellings |= {f"\\u{digits}"} if len(digits) == 4 else set()
    trie: _Trie = {}
    for spelled in spellings:  # a trie, case as written: a case-blind search is slower
        _trie_add(trie, spelled)
    ranges: list[list[int]] = []  # as ranges: a class of single astral characters is slow
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    chars = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)
    return re.compile(f"[{chars}]|{_trie_regex(trie)}")


def _read_invisible(text: str) -> Iterable[tuple[str, _Sources]]:
    """``text`` without its invisible characters, if it holds any."""
    cuts = [found.span() for found in _invisible_re().finditer(text)]
    if not cuts:
        return
    bounds = [
        (done, start)
        for (_, done), (start, _) in zip([(0, 0), *cuts], [*cuts, (len(text), 0)], strict=True)
    ]

    def sources() -> list[_Source]:
        return [(at, at + 1) for done, start in bounds for at in range(done, start)]

    yield "".join(text[done:start] for done, start in bounds), sources


def _folded_char(char: str) -> str:
    """``char`` as a key is compared in any compatible spelling: its compatibility
    decomposition (NFKD: fullwidth ``ｓ`` is ``s``, ``①`` is ``1``, a ligature its
    letters), without combining marks (``s\u0301`` is ``s``), casefolded (``ß`` is ``ss``),
    and nothing at all if it is invisible (the one blank rule, whitespace aside). Twice,
    as casefolding may give a letter with a mark (``İ``)."""
    if not char.isspace() and is_blank_char(char):
        return ""
    out = char
    for _ in range(2):
        decomposed = unicodedata.normalize("NFKD", out)
        out = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
        out = out.casefold()
    return out


#: The most characters whose folding :data:`_FOLDS` keeps: a text of every code point
#: must not make the process hold a million of them.
_FOLDS_MOST = 1 << 16


class _Table(dict[int, str]):
    """``str.translate``'s table for a rule on one character (:func:`_folded_char`,
    :func:`_visible_char`), filled as characters are met (the translation itself runs in
    C: linear in the text)."""

    def __init__(self, rule: Callable[[str], str]) -> None:
        super().__init__()
        self._rule = rule

    def __missing__(self, code: int) -> str:
        read = self._rule(chr(code))
        if len(self) < _FOLDS_MOST:
            self[code] = read
        return read


def _visible_char(char: str) -> str:
    """``char``, or nothing if it is invisible (the one blank rule, whitespace aside)."""
    return "" if not char.isspace() and is_blank_char(char) else char


_FOLDS = _Table(_folded_char)
_VISIBLE = _Table(_visible_char)


def _folded(text: str) -> str:
    """``text`` with each character folded (:func:`_folded_char`)."""
    return text.translate(_FOLDS)


def _folded_sources(text: str) -> list[_Source]:
    """Where each character of :func:`_folded` ``(text)`` came from in ``text``: a
    character that folds to nothing (a combining mark, an invisible one) belongs to the
    one before it, so a match takes the marks of its last character too."""
    return _table_sources(((char, at, at + 1) for at, char in enumerate(text)), _FOLDS)


def _table_sources(units: Iterable[tuple[str, int, int]], table: _Table) -> list[_Source]:
    """Where each character of a text translated by ``table`` came from, given each
    character of the text before translation and its span: each character it becomes
    has that span; one that becomes nothing (a mark, an invisible one) belongs to the
    one before it."""
    sources: list[_Source] = []
    for char, start, end in units:
        read = table[ord(char)]
        if read:
            sources += [(start, end)] * len(read)
        elif sources:
            sources[-1] = (sources[-1][0], end)
    return sources


def _read_folded(text: str) -> Iterable[tuple[str, _Sources]]:
    """``text`` folded (:func:`_folded_char`), if it holds any character past ASCII (an
    ASCII text folds to itself lower-cased, which the case-blind pattern reads already):
    a key in fullwidth forms, with combining marks, or in another case, is the key."""
    if not text.isascii():
        yield _folded(text), functools.partial(_folded_sources, text)


class _Escaping(NamedTuple):
    """How one level of escaping writes a character, as regular expressions.

    ``run``: a run of escapes of one kind, as an escaper writes what it echoes: ``bytes``,
    UTF-8 bytes as Python's bytes repr writes them (``\\xe2\\x80\\x8b``) or
    percent-encoding does (``%E2%80%8B``); ``units``, UTF-16 units as JSON and
    ``unicode_escape`` write them (``\\uff53``, a surrogate pair for a character past
    U+FFFF); ``wide``, ``\\U0001d42c``; ``quoted``, one escaped backslash, quote or ``/``,
    which the same escapers write inside a key. Possessive: each run is read once, so the
    search is linear in the text. ``one``: one escape of a run. ``marks``: what is not a
    digit of an escape. ``found``: what a text must hold to be read so (a numeric escape:
    a key escaped whole without one is a literal form of :func:`_variants`)."""

    run: re.Pattern[str]
    one: re.Pattern[str]
    marks: re.Pattern[str]
    found: re.Pattern[str]


def _backslashed(width: int) -> _Escaping:
    """The escaping whose backslash is ``width`` backslashes: one, or two, as a repr of a
    repr (or a JSON string of a bytes repr) writes it. A quote or ``/`` is escaped with
    one to ``width`` of them (the outer repr escapes its own quote once)."""
    slash = rf"\\{{{width}}}"
    numeric = (
        rf"(?P<bytes>(?:{slash}x[0-9A-Fa-f]{{2}})++)"
        rf"|(?P<units>(?:{slash}u[0-9A-Fa-f]{{4}})++)"
        rf"|(?P<wide>(?:{slash}U[0-9A-Fa-f]{{8}})++)"
    )
    quoted = rf"{slash}{slash}|\\{{1,{width}}}['\"/]"
    found = rf"{slash}(?:x[0-9A-Fa-f]{{2}}|u[0-9A-Fa-f]{{4}}|U[0-9A-Fa-f]{{8}})"
    return _Escaping(
        run=re.compile(rf"{numeric}|(?P<quoted>{quoted})"),
        one=re.compile(rf"{found}|{quoted}"),
        marks=re.compile(rf"{slash}[xuU]"),
        found=re.compile(found),
    )


_PERCENT_BYTE = r"%[0-9A-Fa-f]{2}"
#: Escaped once with backslashes (``\xe2``), once more (``\\xe2``), and percent-encoded
#: (``%E2``): each its own reading, only where a text holds such an escape, so that
#: what one escaper leaves as it is (``\\`` of a key escaped once, a ``%`` in a bytes
#: repr) is read as itself.
_ESCAPINGS = (
    _backslashed(1),
    _backslashed(2),
    _Escaping(
        run=re.compile(rf"(?P<bytes>(?:{_PERCENT_BYTE})++)"),
        one=re.compile(_PERCENT_BYTE),
        marks=re.compile("%"),
        found=re.compile(_PERCENT_BYTE),
    ),
)
#: The error handler that reads a byte that is no part of valid UTF-8 as Latin-1:
#: ``unicode_escape`` and a str repr write a code point below 256 as ``\xHH``.
_AS_LATIN1 = "extractor.redact.latin-1"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_AS_LATIN1, _latin1_fallback)


def _decoded_run(escaping: _Escaping, run: re.Match[str]) -> str:
    """The characters a run of escapes (:class:`_Escaping`) stands for: its bytes read as
    UTF-8 (a byte that is no part of a character as Latin-1), its UTF-16 units with
    their surrogate pairs joined (a lone surrogate kept), each ``\\U`` a code point (one
    past Unicode U+FFFD), an escaped backslash, quote or ``/`` that character."""
    escaped = run.group()
    if run.lastgroup == "quoted":
        return escaped[-1]
    digits = escaping.marks.sub("", escaped)
    if run.lastgroup == "bytes":
        return bytes.fromhex(digits).decode("utf-8", _AS_LATIN1)
    if run.lastgroup == "units":
        return bytes.fromhex(digits).decode("utf-16-be", "surrogatepass")
    codes = (int(digits[at : at + 8], 16) for at in range(0, len(digits), 8))
    return "".join(chr(code) if code <= 0x10FFFF else "\ufffd" for code in codes)


def _escaped_units(escaping: _Escaping, text: str) -> list[tuple[str, int, int]]:
    """Each character of ``text`` with its escapes decoded (:func:`_decoded_run`), and the
    span of ``text`` it came from: a character of the text itself, or the escapes that
    spell it (two to four ``\\xHH`` of one UTF-8 character, a surrogate pair's two
    ``\\uXXXX``). Read from the decoded run itself, so the characters are the same."""
    units: list[tuple[str, int, int]] = []
    done = 0
    for run in escaping.run.finditer(text):
        units += [(text[at], at, at + 1) for at in range(done, run.start())]
        done = run.end()
        spans = [escape.span() for escape in escaping.one.finditer(text, *run.span())]
        kind = run.lastgroup
        raw = bytes.fromhex(escaping.marks.sub("", run.group())) if kind == "bytes" else b""
        index = 0
        for char in _decoded_run(escaping, run):
            if kind == "bytes":  # as many escapes as its UTF-8, or one (read as Latin-1)
                utf8 = char.encode("utf-8", "surrogatepass")
                size = len(utf8) if raw.startswith(utf8, index) else 1
            else:  # a surrogate pair's two units, else one escape
                size = 2 if kind == "units" and ord(char) > 0xFFFF else 1
            units.append((char, spans[index][0], spans[index + size - 1][1]))
            index += size
    units += [(text[at], at, at + 1) for at in range(done, len(text))]
    return units


def _read_escaped(text: str) -> Iterable[tuple[str, _Sources]]:
    """``text`` with its escapes decoded (:func:`_decoded_run`), then folded
    (:func:`_folded_char`: compatible forms, case, marks and invisible characters
    dropped), and, if it is past ASCII, with its invisible characters dropped only; for
    each escaping of :data:`_ESCAPINGS` whose escape the text holds.

    A server escapes what it echoes once (a bytes repr in h11's "illegal status line:
    bytearray(b'...')", ``%``-encoding, JSON's ``\\uXXXX``, ``unicode_escape``), and a key
    it respelled first (fullwidth, mathematical letters, invisible characters between
    its characters) is then neither a literal form of the key nor a respelling of it in
    the text: each character of the respelling is a run of escapes. Decoded, it is the
    respelled key, which the folded reading reads as the key; each character read comes
    from the span of its escapes, so the whole escaped run goes. Decoding is a few
    regular-expression passes over the text, only for a text holding an escape."""
    for escaping in _ESCAPINGS:
        if escaping.found.search(text) is None:
            continue
        decoded = escaping.run.sub(functools.partial(_decoded_run, escaping), text)
        units = functools.cache(functools.partial(_escaped_units, escaping, text))
        yield _folded(decoded), functools.partial(_units_sources, units, _FOLDS)
        if not decoded.isascii():
            yield decoded.translate(_VISIBLE), functools.partial(_units_sources, units, _VISIBLE)


def _units_sources(units: Callable[[], list[tuple[str, int, int]]], table: _Table) -> list[_Source]:
    return _table_sources(units(), table)


#: A key is also found *spread out* (:func:`_sub_spread`) when it holds at least this many
#: letters and digits: every character of it in order, separated by anything that is
#: none, is then the key; a text without the key holds its letters and digits so only by
#: a chance of about one in 36**12 (4.7e18) at each place.
SPREAD_LEAST = 12
#: The most separator pieces between two characters of a spread-out key: a Python list
#: of its characters puts ``', '`` (4) between two of them, markup ``</b><b>`` (2).
#: Bounded, so each attempt at a place reads a bounded text.
_GAP_MOST = 16
#: The longest markup tag that is one separator piece (``<span class="...">``).
_TAG_MOST = 128
#: A markup tag: one separator piece, whatever it holds.
_TAG_PIECE = rf"<[^<>]{{0,{_TAG_MOST}}}>"
#: An escape of one character (a character reference, JSON's ``\uNNNN``, ``%NN``): one
#: separator piece (an escaped NBSP or comma), though it holds letters and digits.
_ESCAPE_PIECE = r"&[a-z]{2,8};|&#[0-9]{1,7};|&#x[0-9a-f]{1,6};|\\u[0-9a-f]{4}|%[0-9a-f]{2}"
#: What may stand before a letter or digit of a spread-out key: up to :data:`_GAP_MOST`
#: separator pieces, each a tag, an escape or one character that is no letter or digit
#: (a space of any kind, punctuation, a mark or symbol). Possessive: no separator piece
#: holds the letter or digit after it, so no place is read twice.
_GAP = rf"(?:{_TAG_PIECE}|{_ESCAPE_PIECE}|[\W_]){{0,{_GAP_MOST}}}+"
#: The named references an HTML page writes a key's punctuation with.
_NAMED_SPELLINGS: dict[str, tuple[str, ...]] = {
    char: tuple(name.lower() for name, named in _NAMED_REFERENCES.items() if named == char)
    for char in set(_NAMED_REFERENCES.values())
} | {"&": ("&amp;",), "<": ("&lt;",), ">": ("&gt;",), '"': ("&quot;",), "'": ("&apos;",)}


def _spelled_punctuation(char: str) -> str:
    """A regular expression for a character of a key that is no letter or digit, as a
    server may write it: as it is, or escaped once (a decimal or hex reference, a named
    one, ``%NN`` of its UTF-8 bytes, JSON's ``\\uNNNN``)."""
    code = ord(char)
    spellings = [
        re.escape(char),
        rf"&#0{{0,4}}{code};",
        rf"&#x0{{0,4}}{code:x};",
        re.escape("".join(f"%{byte:02x}" for byte in char.encode("utf-8", "surrogatepass"))),
        *(re.escape(name) for name in _NAMED_SPELLINGS.get(char, ())),
    ]
    if code <= 0xFFFF:
        spellings.append(re.escape(f"\\u{code:04x}"))
    return f"(?:{'|'.join(spellings)})"


def _gap_before(char: str) -> str:
    """What may stand before ``char`` of a spread-out key (:data:`_GAP`); before a key's
    own punctuation, no piece that is that character or an escape of it, so the key's
    character is never taken for a separator."""
    if char.isalnum():
        return _GAP
    spelled = _spelled_punctuation(char)
    piece = rf"{_TAG_PIECE}|(?!{spelled})(?:{_ESCAPE_PIECE})|(?!{re.escape(char)})[\W_]"
    return rf"(?:{piece}){{0,{_GAP_MOST}}}+"


def _spread_sequence(key: str) -> str | None:
    """The regular expression of ``key`` spread out (:func:`_spread_pattern`), or None
    for a key of fewer than :data:`SPREAD_LEAST` letters and digits."""
    chars = _folded(key)
    if sum(char.isalnum() for char in chars) < SPREAD_LEAST:
        return None
    parts = []
    for index, char in enumerate(chars):
        if index:
            parts.append(_gap_before(char))
        parts.append(re.escape(char) if char.isalnum() else _spelled_punctuation(char))
    return "".join(parts)


def _spread_pattern(keys: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every key of at least :data:`SPREAD_LEAST` letters and digits
    written *spread out*: each of its characters (folded, :func:`_folded_char`: in any
    compatible spelling, case, without marks; its punctuation escaped once or not), in
    order, with up to :data:`_GAP_MOST` separator pieces (:data:`_GAP`) between two of
    them. That is the key with commas, dashes, dots, spaces of any kind, or a run of
    them, between its characters (``s, k, -, a``), as a list of its characters
    (``['s', 'k', '-']``), with markup between them (``<b>s</b><b>k</b>``), in fullwidth
    forms, with combining marks. Every character of the key must be there: a text that
    lacks one (a form cut short, a character changed) is no echo of it. A sequence of
    literals and bounded possessive gaps: one attempt at a place reads at most the key's
    length times a bounded gap, so a search is linear in the text. Only the whole key:
    a spread-out fragment is not sought (a few letters are in too many words)."""
    sequences = {_spread_sequence(key) for key in keys} - {None}
    if not sequences:
        return None
    ordered = sorted((s for s in sequences if s is not None), key=lambda s: (-len(s), s))
    return re.compile("|".join(ordered), re.IGNORECASE)


def _sub_spread(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with each key written spread out (``pattern``: :func:`_spread_pattern`)
    replaced by :data:`MARK`, from its first character to its last, the separators
    between them too. An ASCII text is searched as it is (the pattern ignores case), any
    other folded (:func:`_folded`), its match mapped back to the characters it came from."""
    if text.isascii():
        return pattern.sub(MARK, text)
    reading = _folded(text)
    if pattern.search(reading) is None:
        return text
    where = _folded_sources(text)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(reading):
        if match.end() > match.start():
            spans += _source_spans(where[match.start() : match.end()])
    return _replaced(text, spans)


#: Hex with a separator between bytes or byte pairs: ``73:6b``, ``73 6b``, ``73-6b``,
#: ``736b 2d74``, and as source code writes bytes, ``0x73, 0x6b`` or ``0x73,0x6b``.
_HEX_UNIT = r"(?:0[xX])?[0-9A-Fa-f]{2}(?:[0-9A-Fa-f]{2})?(?![0-9A-Fa-f])"
#: Three units at least (three byte pairs hold the shortest secret); how many bytes a run
#: holds is counted when it is read (:func:`_read_separated_hex`), as a unit is one byte or two.
_SEPARATED_HEX = re.compile(rf"(?<![0-9A-Fa-f]){_HEX_UNIT}(?:(?:[ :\-]|, ?){_HEX_UNIT}){{2,}}")
#: One byte's two digits (the ``x`` of a ``0x`` is no digit: ``0x`` is never read as one).
_HEX_BYTE = re.compile(r"[0-9A-Fa-f]{2}")


def _read_separated_hex(text: str) -> Iterable[tuple[str, _Sources]]:
    """Each run of separated hex, decoded (bytes as Latin-1), and where each byte's digits are.

    A run counts by its bytes, not its units: eight bytes grouped in pairs (``736b 2d74
    6573 742d``) are four units, and a minimum counted in units let the shortest fragment
    of a key (:func:`fragment_length`) through when grouped that way."""
    for run in _SEPARATED_HEX.finditer(text):
        pairs = _HEX_BYTE.finditer(text, run.start(), run.end())
        decoded = bytes(int(pair.group(), 16) for pair in pairs).decode("latin-1")
        if len(decoded) < MIN_SECRET_LENGTH:
            continue
        yield decoded, functools.partial(_pair_spans, text, run.start(), run.end())


def _pair_spans(text: str, start: int, end: int) -> list[_Source]:
    return [pair.span() for pair in _HEX_BYTE.finditer(text, start, end)]


#: One line of ``xxd`` (``00000000: 504f 5354  POST``) or ``hexdump -C``
#: (``00000000  50 4f 53 54  |POST|``): its offset, hex and text column.
_DUMP_LINE = re.compile(
    r"^[0-9a-fA-F]{7,16}:? +((?:[0-9a-fA-F]{2,4} {1,2})+) *(?:\|(.{1,32})\||(.{1,32}))$",
    re.MULTILINE,
)


def _read_dumps(text: str) -> Iterable[tuple[str, _Sources]]:
    """Each block of consecutive dump lines as one byte string (Latin-1), each byte's
    sources its hex digits and its character in the text column."""
    reading: list[str] = []
    sources: list[_Source] = []
    last_end = -1
    for line in _DUMP_LINE.finditer(text):
        if line.start() > last_end + 2 and reading:  # not the next line: a new block
            yield "".join(reading), functools.partial(list, sources)
            reading, sources = [], []
        last_end = line.end()
        column = 2 if line.group(2) is not None else 3
        column_start = line.start(column)
        for index, pair in enumerate(_HEX_BYTE.finditer(text, *line.span(1))):
            reading.append(chr(int(pair.group(), 16)))
            at = min(column_start + index, line.end(column) - 1)
            sources.append((*pair.span(), at, at + 1))
    if reading:
        yield "".join(reading), functools.partial(list, sources)


def typed_userinfo(url: str) -> str | None:
    """The userinfo of ``url`` as its owner typed it: everything between "scheme://" and
    the last "@", or None. A password holding an unencoded "/", "?" or "#" ends the
    authority for ``urlsplit`` (which then reads part of it as a host and port), not for
    the one who typed it."""
    rest = url.strip().partition("://")[2]
    return rest.rpartition("@")[0] if "@" in rest else None


#: How a URL typed by hand may start before its userinfo, misspelt or not: a scheme
#: followed by any number of slashes or backslashes, with its ":" (``http:/``,
#: ``http:\\``), a ";" for it (``https;//``) or none (``http//``), or one of the schemes
#: that always have an authority and its ":" alone (``http:u:p@h``). Without one of these
#: (``user:pass@host:8080``), the userinfo starts the string.
_WRITTEN_START = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.\-]*[:;]?[/\\]+|{SCHEME_NAMES}:(?![/\\])",
    re.IGNORECASE,
)


def written_userinfo(url: str) -> str | None:
    """The userinfo of ``url`` as it was typed, the URL misspelt or not: what stands before
    its last "@", past a scheme however it is spelled (:data:`_WRITTEN_START`:
    ``http:/u:p@h``, ``http//u:p@h``, ``htp://u:p@h``, ``https;//u:p@h``, ``u:p@h:8080``),
    or None when it has no "@".

    Why: a misspelt base or proxy URL is refused with a message that quotes it, and
    neither ``urlsplit`` nor :func:`typed_userinfo` finds a login in it, so its password
    was known to no one and shown as typed. What reads as userinfo here may be more than
    the login (a query's ``?mail=a@b``): it is masked too, which hides nothing a person
    needs from a message about a URL's spelling."""
    bare = _unwrapped(url)
    head, at, _ = bare.rpartition("@")
    if not at:
        return None
    start = _WRITTEN_START.match(head)
    return head[start.end() :] if start else head


def without_written_userinfo(url: str) -> str:
    """``url`` without what :func:`written_userinfo` reads as its userinfo (and its "@"):
    the spelling to judge a URL by, so that what is said about it is the same with and
    without credentials (and quotes no piece of a password)."""
    prefix, typed, rest = _written_parts(url)
    return prefix + rest if typed is not None else rest


def with_written_userinfo_masked(url: str) -> str:
    """``url`` with what :func:`written_userinfo` reads as its userinfo shown as ``***``
    (``http://***@host``) when it holds a password: a URL the user typed, quoted back in an
    error about it, whether or not its password was registered, and however short,
    misspelt around or cut by an unencoded "/" it is (``http://u:pa/ss@host``). Without
    one, ``url`` as it is."""
    prefix, typed, rest = _written_parts(url)
    if typed is None or ":" not in typed:
        # no password in it (``q@host``, or no "@"): as typed, blanks and all, for the
        # message to show what it is about (a tab it names), and :func:`redact` to judge
        return url
    return f"{prefix}{MARK}@{rest}"


def _written_parts(url: str) -> tuple[str, str | None, str]:
    """(the scheme as spelt, the written userinfo or None, the rest after its "@"), or
    ("", None, url) when there is no userinfo."""
    bare = _unwrapped(url)
    typed = written_userinfo(bare)
    if typed is None:
        return "", None, bare
    start = _WRITTEN_START.match(bare)
    prefix = bare[: start.end()] if start else ""
    return prefix, typed, bare[len(prefix) + len(typed) + 1 :]


def _url_secrets(url: str | None) -> list[str]:
    if not url or not isinstance(url, str):
        return []
    readings: list[tuple[str | None, str | None]] = []
    try:
        parts = urlsplit(url.strip())
        readings.append((parts.username, parts.password))
    except ValueError:
        pass
    for typed in (typed_userinfo(url), written_userinfo(url)):
        if typed is not None:
            typed_user, colon, typed_password = typed.partition(":")
            readings.append((typed_user, typed_password if colon else None))
    found: list[str] = _port_as_login(url)
    for user, password in readings:
        for value in (user, password):
            if value:
                found += [value, unquote(value)]
        if user is not None and password is not None:
            pair = f"{unquote(user)}:{unquote(password)}"
            found.append(pair)
            found.append(base64.b64encode(pair.encode("utf-8", "surrogatepass")).decode("ascii"))
    return found


def port_text(url: str) -> str | None:
    """What the URL parser reads as ``url``'s port (everything after the host's ":", as
    :func:`urllib.parse.urlsplit` cuts it), or None when there is none. Read past the
    scheme however it is spelled (:data:`_WRITTEN_START`: ``http:/u:p``, ``http//u:p``,
    ``https;//u:p``, ``http:u:p``, ``http:///u:p``), and a proxy typed without one
    (``user:pw@host:3128``) as the HTTP client reads it, after ``//``: a message about a
    misspelt address quotes it whole, so what stands where its port goes is judged as in
    one spelt well (``http:host`` has none)."""
    bare = url.strip()
    start = _WRITTEN_START.match(bare)
    bare = "//" + (bare[start.end() :] if start else bare.lstrip("/\\"))
    try:
        netloc = urlsplit(bare).netloc
    except ValueError:
        netloc = re.split(r"[/?#]", bare[2:], maxsplit=1)[0]
    hostinfo = netloc.rpartition("@")[2]
    _, bracket, inside = hostinfo.partition("[")
    port = inside.partition("]")[2].partition(":")[2] if bracket else hostinfo.partition(":")[2]
    return port or None


def port_may_be_password(port: str) -> bool:
    """Whether ``port``, what the URL parser reads as an address's port, may be a password:
    when it is longer than a port (:data:`PORT_MOST`; digits too, of any script: a PIN
    ``http://alice:12345678``, or ``http://alice:١٢٣٤٥٦٧٨``, whose "@host" is missing) or
    holds a letter or a "%" (``http://alice:pw%40proxy:3128``, a login whose "@" is
    missing or written %40). One short, with neither, is a typo of a port (`` 80``,
    ``-1``, ``８０``, ``1_000``), quoted to show it. The one rule for both who read a port:
    the message that judges an address (:func:`extractor.runtime.urls.shown_url`, the
    parser's words) and the redactor (:func:`port_password`): two rules let a password
    one of them took for a port be quoted by the other."""
    return len(port) > PORT_MOST or any(c.isalpha() or c == "%" for c in port)


def port_password(url: str) -> str | None:
    """What ``url`` holds where its port goes (:func:`port_text`) when it may be a
    password (:func:`port_may_be_password`), or None."""
    port = port_text(url)
    return port if port is not None and port_may_be_password(port) else None


def _port_as_login(url: str) -> list[str]:
    """What ``url`` holds where its port goes when that may be a password
    (:func:`port_password`), as typed and decoded, and the password before its decoded
    "@": a password the parser reads as a port, which its error ("Port could not be cast
    to integer value as 'pw%40proxy:3128'") and every message quoting the URL would show.
    :func:`extractor.runtime.urls.shown_url` masks it where the URL is judged; here
    every other text loses it too."""
    port = port_password(url)
    if port is None:
        return []
    decoded = port
    for _ in range(_MOST_ENCODINGS):  # %2540: the "@" encoded twice
        decoded, before = unquote(decoded), decoded
        if decoded == before:
            break
    password = unicodedata.normalize("NFKC", decoded).rpartition("@")[0]  # "＠" is "@"
    return [port, unquote(port), decoded, *([password] if password else [])]


_NO_SECRETS: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
#: The environment the environment's secrets were last derived from (a copy of
#: ``os.environ``'s own mapping), and those secrets: forms, keys.
_environment_cache: tuple[dict[Any, Any] | None, frozenset[str], frozenset[str]] = (
    None,
    frozenset(),
    frozenset(),
)


def _environment_secrets() -> tuple[frozenset[str], frozenset[str]]:
    """The environment's secret forms and keys (:func:`_settings_secrets`,
    :func:`_settings_keys`), derived again only when ``os.environ`` changed.

    The environment is still read on every call (a change, a test's ``setenv``, is seen
    at once), by comparing its mapping with the copy the secrets were derived from: a
    comparison of a hundred references, where deriving the forms of each key again cost
    a fraction of a millisecond a call."""
    from extractor.settings import raw_environment

    global _environment_cache
    data = raw_environment()
    if data is None:  # another Python's environ: no cheap snapshot
        return _settings_secrets(), _settings_keys()
    snapshot, secrets, keys = _environment_cache
    if snapshot is not None and snapshot == data:
        return secrets, keys
    copy = dict(data)
    secrets, keys = _settings_secrets(), _settings_keys()
    _environment_cache = (copy, secrets, keys)
    return secrets, keys


def _settings_keys() -> frozenset[str]:
    """The environment's secrets as themselves: its API keys, the credentials the SDKs
    read from it themselves (:func:`extractor.settings.sdk_secrets`) and its URLs'."""
    from extractor.settings import sdk_secrets, settings

    env = settings()
    found = {key for key in (env.api_key, *env.provider_keys.values(), *sdk_secrets()) if key}
    for url in (env.base_url, env.openai_base_url, env.anthropic_base_url, *env.proxies):
        found.update(_url_secrets(url))
    return frozenset(key for key in found if len(key) >= MIN_SECRET_LENGTH)


def _settings_secrets() -> frozenset[str]:
    from extractor.settings import sdk_secrets, settings

    env = settings()
    found: set[str] = set()
    for key in (env.api_key, *env.provider_keys.values(), *sdk_secrets()):
        if key:
            found |= _forms(key)
    # every proxy variable, not the first only
    for url in (env.base_url, env.openai_base_url, env.anthropic_base_url, *env.proxies):
        for secret in _url_secrets(url):
            found |= _forms(secret)
    return frozenset(found)


#: The process's redactor.
redactor = Redactor()


def redact(text: Any) -> str:
    """Remove every secret of the process from ``text`` (see the module doc)."""
    return redactor.redact(text)


def redacted_repr(self: Any) -> str:
    """The repr a dataclass would have (its ``repr=True`` fields), through :func:`redact`.

    For the objects that hold a server address or key (a model's settings, the
    environment's): a repr is printed by tracebacks, notebooks and debuggers, which no
    redacting log filter sees, so ``http://user:pw@host`` in a field went out as it is.
    A class sets ``__repr__ = redacted_repr`` (a dataclass keeps a ``__repr__`` its body
    defines)."""
    import dataclasses

    shown = ", ".join(
        f"{item.name}={getattr(self, item.name)!r}"
        for item in dataclasses.fields(self)
        if item.repr
    )
    return redact(f"{type(self).__qualname__}({shown})")


#: Stand-in classes (:class:`RedactedError`), one per original class's module and name,
#: made on first use.
_STAND_INS: dict[tuple[str, str], type[Any]] = {}
_STAND_INS_LOCK = threading.Lock()


def _stand_in_class(kind: type[BaseException]) -> type[Exception]:
    return _stand_in_named(kind.__module__, kind.__qualname__)


def _stand_in_named(module: str, qualname: str) -> type[Exception]:
    from extractor.errors import RedactedError  # errors imports this module

    with _STAND_INS_LOCK:
        made = _STAND_INS.get((module, qualname))
        if made is None:
            name = qualname.rpartition(".")[2]
            made = type(name, (RedactedError,), {"__doc__": RedactedError.__doc__})
            made.__qualname__ = qualname
            made.__module__ = module
            _STAND_INS[(module, qualname)] = made
        return made


def _named_stand_in(module: str, qualname: str, args: tuple[Any, ...]) -> Exception:
    """A stand-in unpickled (:meth:`~extractor.errors.RedactedError.__reduce__`)."""
    return _stand_in_named(module, qualname)(*args)


def redacted_chain(error: _E) -> _E:
    """``error`` itself, its chain made safe to print: every exception linked to it
    (``__cause__``, ``__context__``, and a ``cause`` attribute, as
    :class:`~extractor.errors.ExtractionFailed` keeps one) replaced by a
    :class:`RedactedError` stand-in, and each stand-in's links likewise.

    An error of ours says the server's reason redacted, but a ``raise ... from
    sdk_error`` (and any raise inside an ``except``) links it to the SDK's error, whose
    message and attributes hold whatever the server echoed: the key. A traceback prints
    that chain, and a debugger or error tracker walks it. Every link goes, ours too: an
    :class:`~extractor.errors.ExtractorError` redacts its ``str()``, not its ``args``.
    Whether the context is shown (``__suppress_context__``) is kept. Never raises; a
    chain's cycle is followed once. Called where an error leaves the library's request
    paths (:meth:`~extractor.pipeline.engine.Extractor._request`,
    :func:`~extractor.bulk.carriers.base.retried`), after the raise that made it, so no
    later ``except`` links the raw error again."""
    made: dict[int, BaseException] = {}
    suppress = error.__suppress_context__
    error.__cause__ = _stand_in(error.__cause__, made)
    error.__context__ = _stand_in(error.__context__, made)
    error.__suppress_context__ = suppress
    cause = getattr(error, "cause", None)
    if isinstance(cause, BaseException):
        with contextlib.suppress(AttributeError, TypeError):
            error.cause = _stand_in(cause, made)  # type: ignore[attr-defined]
    return error


#: The most of an error's text that is redacted and kept (64 KiB). Redaction costs seconds
#: per MB, on the event loop, after every deadline: an error quoting a whole answer of many
#: MB held every worker that long. Used for an error chain's stand-ins and for the body of
#: an error answer the provider layer keeps (``providers.MAX_ERROR_BODY_BYTES``); what is
#: said of an error is in its first few hundred characters.
MOST_ERROR_TEXT = 64 * 1024

#: The most of an error's text read for a one-line message (8 KiB), shown in 300
#: characters anyway; a key of a few hundred characters, escaped, still fits whole.
MOST_ONE_LINE_TEXT = 8 * 1024


def _stand_in(link: BaseException | None, made: dict[int, BaseException]) -> BaseException | None:
    """The stand-in of one link (:func:`redacted_chain`), made once per link."""
    from extractor.errors import RedactedError  # errors imports this module

    if link is None or isinstance(link, RedactedError):
        return link  # a stand-in's own links are stand-ins already
    if id(link) in made:
        return made[id(link)]
    try:
        text = str(link)
    except Exception:  # a broken __str__ must not break error reporting
        text = f"<unprintable {type(link).__name__}>"
    if len(text) > MOST_ERROR_TEXT:  # an SDK's or instructor's error quotes a whole answer
        text = text[:MOST_ERROR_TEXT] + f"… ({len(text) - MOST_ERROR_TEXT:,} characters more)"
    stand = _stand_in_class(type(link))(redact(text))
    made[id(link)] = stand
    stand.__traceback__ = link.__traceback__
    notes = getattr(link, "__notes__", None)
    if isinstance(notes, list):
        stand.__notes__ = [redact(note) for note in notes]
    stand.__cause__ = _stand_in(link.__cause__, made)
    stand.__context__ = _stand_in(link.__context__, made)
    stand.__suppress_context__ = link.__suppress_context__
    return stand


def register_secret(secret: str | None) -> None:
    redactor.register_secret(secret)


def register_url(url: str | None) -> None:
    redactor.register_url(url)


def register_all(secrets: Iterable[str | None] = (), urls: Iterable[str | None] = ()) -> None:
    for secret in secrets:
        register_secret(secret)
    for url in urls:
        register_url(url)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with secrets removed (never drops a record).

    A filter on a *logger* sees only the records logged on that logger, not
    its children's: put it on the handlers that write somewhere
    (:func:`install_log_filter` does both for the ``extractor`` loggers).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, _REDACTED_MARK, False):
            # made by a filtered logger: redacted as it was made, but for the fields of
            # ``extra``, which the logger sets on a record after its factory made it
            _redact_extras(record)
            return True
        _redact_record(record)
        return True


#: The attribute :func:`_redact_record` sets on a record it has redacted, so that a filter
#: (or a second factory) does not redact it again.
_REDACTED_MARK = "_extractor_redacted"


def _redact_record(record: logging.LogRecord) -> None:
    """Rewrite ``record`` in place with its message, traceback, stack and extra fields
    redacted.

    A record whose format string does not fit its arguments would make the handler's
    error path print the raw message and arguments to stderr ("Message: ... Arguments:
    ..."): such a record keeps both, redacted, as one message without arguments. The
    fields a caller added (``extra={"headers": ...}``) are shown by a format naming them
    (``%(headers)s``) and by every JSON log formatter: :func:`_redact_extras`."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: say what it held, redacted, no error path
        message = f"{record.msg} {record.args!r}"
    record.msg = redact(_clipped(message))
    record.args = None
    if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
        trace = logging.Formatter().formatException(record.exc_info)
        record.exc_text = redact(_clipped(trace))
        record.exc_info = None
    elif record.exc_text:
        record.exc_text = redact(_clipped(record.exc_text))
    if record.stack_info:
        record.stack_info = redact(_clipped(record.stack_info))
    _redact_extras(record)
    setattr(record, _REDACTED_MARK, True)


#: The attributes every log record has (those of a record made with no ``extra``, and
#: the ones a formatter adds): what is not one of them a caller added.
_RECORD_FIELDS = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def _redact_extras(record: logging.LogRecord) -> None:
    """Redact each field a caller added to ``record``: a string as a string; any other
    value (a dict of headers, an exception) replaced by its redacted ``repr`` only when
    that holds a secret, so that a number or a clean dict keeps its type for a JSON
    formatter."""
    for name, value in list(vars(record).items()):
        if name in _RECORD_FIELDS or name == _REDACTED_MARK or value is None:
            continue
        if isinstance(value, str):
            text = _clipped(value)
            cleaned = redact(text)
            if cleaned != value:
                setattr(record, name, cleaned)
        elif not isinstance(value, (bool, int, float)):
            try:
                shown = _clipped(repr(value))
            except Exception:  # a repr that fails: the formatter would fail on it too
                continue
            cleaned = redact(shown)
            if cleaned != shown:
                setattr(record, name, cleaned)


#: The most of a log record's message (and of its traceback) that is kept, and so
#: redacted: instructor logs each failed attempt with the server's whole error body in
#: it, and redacting a body of many megabytes, on the event loop, six times over, held
#: every other document's request past its timeout. A log line is for a person to read.
LOG_MESSAGE_MOST = 100_000


def _clipped(message: str) -> str:
    """``message`` cut to :data:`LOG_MESSAGE_MOST` characters, saying how many went."""
    if len(message) <= LOG_MESSAGE_MOST:
        return message
    return f"{message[:LOG_MESSAGE_MOST]} ... [{len(message) - LOG_MESSAGE_MOST:,} characters not shown]"


_FILTER = RedactingFilter()


#: The loggers whose records may carry a server's text (and so an echoed key) or a proxy's
#: login: ours, the SDKs', every layer of the HTTP stacks below them (``httpcore2.http11``
#: logs each answer's headers at DEBUG, so a header echoing the key; ``httpcore2.socks``
#: the SOCKS proxy's user and password; ``h11``, ``h2``, ``hpack``; ``urllib3`` and
#: ``requests``, which fetch the local model's weights), and the loggers that print an
#: exception no one awaited (``asyncio``: "Task exception was never retrieved";
#: ``concurrent.futures``), which is an SDK error holding the server's echo. A renamed fork
#: of one of them (``httpx2``, ``httpcore2``: the client this package uses) is one of them
#: (:func:`is_filtered_logger`).
FILTERED_LOGGERS = (
    "extractor",
    "instructor",
    "openai",
    "anthropic",
    "httpx",
    "httpx2",
    "httpcore",
    "httpcore2",
    "h11",
    "h2",
    "hpack",
    "urllib3",
    "requests",
    "asyncio",
    "concurrent",
)
#: The version digits a renamed fork of a library appends to its name (``httpcore2``).
_FORK_DIGITS = re.compile(r"[0-9]+$")


def is_filtered_logger(name: str) -> bool:
    """Whether records of the logger ``name`` are redacted as they are made: one of
    :data:`FILTERED_LOGGERS` or a child of one (``httpcore.http11``,
    ``openai._base_client``), or of a fork named as one of them with version digits
    after it (``httpcore2.http11``, ``httpx3``), not a logger whose name merely starts
    the same (``httpxtra``).

    Why the forks: this package talks through ``httpx2`` and ``httpcore2``, and the list
    named only ``httpcore``, so every DEBUG record of ``httpcore2.http11`` (an answer's
    headers, one echoing the key) reached a handler (``logging.basicConfig``) as it was."""
    top = name.partition(".")[0]
    return top in FILTERED_LOGGERS or _FORK_DIGITS.sub("", top) in FILTERED_LOGGERS


class _RedactingRecordFactory:
    """The log record factory (:func:`logging.setLogRecordFactory`) that redacts each record
    of a filtered logger (:func:`is_filtered_logger`) as it is made, wrapping the factory
    that was in place.

    Why not filters alone: a filter on a logger sees only that logger's own records, not
    those its children propagate (``httpcore.connection`` logs the proxy URL it connects
    through, a child made after :func:`install_log_filter` ran has no filter), and a
    handler added later (``logging.basicConfig``, a handler on the root,
    :data:`logging.lastResort`) has none either. A record redacted where it is made is
    redacted for every handler that ever sees it."""

    def __init__(self, previous: Callable[..., logging.LogRecord]) -> None:
        self.previous = previous

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.previous(*args, **kwargs)
        if is_filtered_logger(str(record.name)) and not getattr(record, _REDACTED_MARK, False):
            _redact_record(record)
        return record


_FACTORY_LOCK = threading.Lock()


def install_record_factory() -> None:
    """Put :class:`_RedactingRecordFactory` in front of the current log record factory,
    once: a no-op when the current factory is one already. A factory a program sets later
    that calls the one before it (as :func:`logging.setLogRecordFactory`'s documentation
    asks) keeps ours working; a record is never redacted twice."""
    with _FACTORY_LOCK:
        current = logging.getLogRecordFactory()
        if not isinstance(current, _RedactingRecordFactory):
            logging.setLogRecordFactory(_RedactingRecordFactory(current))


def install_log_filter() -> None:
    """Redact the records of the ``extractor`` logger and of the libraries that log server
    text (instructor logs every failed call at ERROR level), and of every child of them:
    as each record is made (:func:`install_record_factory`), and with the filter on each
    of these loggers that exists now (for a record made before the factory was in place,
    or by a factory that does not call ours). Idempotent; only messages are rewritten.
    Handlers a program adds see redacted records of these loggers; records of its own
    loggers are its own to filter (:func:`log_filter`)."""
    install_record_factory()
    existing = list(logging.root.manager.loggerDict)
    names = [name for name in (*FILTERED_LOGGERS, *existing) if is_filtered_logger(name)]
    for name in dict.fromkeys(names):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def log_filter() -> RedactingFilter:
    """The shared filter instance (to add to a handler)."""
    return _FILTER


def without_userinfo(url: str) -> str:
    """``url`` without any ``user:password@``: a page's address, which a document carries
    into every output line, table and page, never its credentials (an intranet export's
    ``http://alice:pw@wiki/page``). A user name alone goes too: ``https://<token>@host``
    carries a token as one.

    Read as messy data holds it, and scrubbed over the whole string, so that no spelling
    keeps a password: blanks, quotes and ``<...>`` around it (nested or not) are dropped;
    every authority in it loses its userinfo, wherever it starts (a scheme with any
    number of slashes or backslashes, as browsers read ``http:/u:p@h``; ``http:u:p@h``
    for the schemes that always have one; a scheme-relative ``//u:p@h``; an address
    inside another's query, percent-encoded once or more), blanks in a password
    included. A password holding an unencoded "/", "?" or "#" (``alice:pa/ss@host``,
    which a parser takes for the end of the authority) is userinfo up to the last "@"
    when what precedes it reads as ``user:password`` and not as a host, port and path.
    What is dropped may take part of an address with it in such a case. One password
    cannot be told from an address: one holding both an unencoded "@" and "/"
    (``alice:p@ss/word@host``) reads as ``alice:p@ss`` followed by a path, as
    ``u:p@host/@user`` must; what follows its first "@" stays. An address without
    userinfo is left as written.
    """
    bare = _unwrapped(url)
    if len(bare) > _LONGEST_READ:
        return _cut_long(bare)
    bare = _scrubbed_fully(bare)
    decoded, found = bare, False
    for _ in range(_MOST_ENCODINGS):  # ?next=http%253A%252F%252Fu%253Apw%2540host: nested logins
        deeper = _decoded_once(decoded)
        if deeper == decoded:
            break
        decoded = _scrubbed_fully(deeper)
        found = found or decoded != deeper
    # An address inside another's query held one: its login is never kept, and decoding
    # goes on, as another address may be encoded once more (?u=<once>&v=<twice>).
    return decoded if found else bare


def id_without_userinfo(address: str) -> str:
    """An address that names a document (a WARC page's id and source) without its userinfo,
    as :func:`without_userinfo` reads it; one that holds none is kept exactly as written
    (quotes, brackets and blanks around it too), so that the ids of earlier outputs stay."""
    cleaned = without_userinfo(address)
    return address if cleaned == _unwrapped(address) else cleaned


def _cut_long(text: str) -> str:
    """A string too long to be an address, in time linear in its length: everything from
    the first authority to the last "@" after it is dropped (percent-decoded first when
    the decoded string holds one), so no password is kept, whatever the rest becomes."""
    for candidate in (text, _fully_decoded(text)):
        first = _AUTHORITY_START.search(candidate)
        at = candidate.rfind("@")
        if first is not None and at >= first.end():
            return candidate[: first.end()] + candidate[at + 1 :]
    return text


def _fully_decoded(text: str) -> str:
    for _ in range(_MOST_ENCODINGS):
        deeper = _decoded_once(text)
        if deeper == text:
            break
        text = deeper
    return text


def _scrubbed_fully(text: str) -> str:
    while True:  # each pass only shortens; one that changes nothing is the last
        scrubbed = _scrubbed(text)
        if scrubbed == text:
            return text
        text = scrubbed


def _decoded_once(text: str) -> str:
    """One level of percent-decoding, read as an address is: a tab or line break it
    gives (``http%3A%2F%09%2Fu%3Apw%40host``) is dropped, as one typed is."""
    return unquote(text).translate(_TABS_AND_BREAKS)


def _unwrapped(url: str) -> str:
    bare = url.strip().translate(_TABS_AND_BREAKS)  # browsers drop them from an address
    while len(bare) >= 2 and bare[0] + bare[-1] in _WRAPPERS:
        bare = bare[1:-1].strip()
    return bare


def _scrubbed(text: str) -> str:
    """``text`` without the userinfo of each authority in it (one pass, left to right)."""
    kept: list[str] = []
    done = 0
    for start in _AUTHORITY_START.finditer(text):
        if start.start() < done:
            continue  # inside userinfo dropped already
        rest = text[start.end() :]  # a blank in a password is still the password
        authority = _AUTHORITY_BODY.match(rest)
        cut = authority.group().rfind("@") + 1 if authority else 0
        if not cut:
            typed = _unencoded_userinfo(rest)
            cut = 0 if typed is None else len(typed) + 1
        if cut:
            kept.append(text[done : start.end()])
            done = start.end() + cut
    return "".join(kept) + text[done:] if kept else text


def _unencoded_userinfo(rest: str) -> str | None:
    """The ``user:password`` before the last "@" of ``rest`` (a URL after its "//") when
    the password holds an unencoded "/", "?" or "#", or the user a "\\" (a Windows
    domain login, ``CORP\\alice:pw@host``), else None. Not one when the user
    part holds one of those or "[" (a path, an IPv6 host), the "password" starts as a port does
    (``host:8443/a@b``): a query's ``?mail=a@b`` is past a "/" or "?" of the user part."""
    typed = rest.rpartition("@")[0]
    user, colon, password = typed.partition(":")
    cut = _ENDS_AUTHORITY.search(password) or "\\" in user  # a Windows login: CORP\alice
    if not colon or not cut or _NOT_A_USER.search(user):
        return None
    return None if _PORT_FIRST.match(password) else typed


#: The longest string read as addresses one by one (each authority start is read to its
#: end): a longer one is cut by :func:`_cut_long`, in linear time, however it was built.
_LONGEST_READ = 4096
#: How many times an address inside another's query may be percent-encoded (each login
#: redirect wraps it once more) and still have its userinfo found.
_MOST_ENCODINGS = 8
#: What the URL standard removes from an address before reading it (``http:/\t/u:p@h``).
_TABS_AND_BREAKS = str.maketrans("", "", "\t\n\r")
#: Quotes and brackets that messy data puts around an address.
_WRAPPERS = frozenset({"<>", '""', "''", "``"})
#: Where an authority starts: after "http:" (or another of :data:`AUTHORITY_SCHEMES`, the
#: schemes that always have one) and any number of slashes or backslashes, as browsers read
#: ``http:/u:p@h``; after any other scheme's "://" or two backslashes (a third is an
#: empty authority, as in ``file:///a@b``), or its one "/" where a word starts
#: (``svn+ssh:/u:p@h``: a path to the standard, a login to whoever reads it); wherever
#: these stand, even glued to what precedes them (``%2http://u:p@h``). With no slash at
#: all (``http:u:p@h``), or scheme-relative (``//u:p@h``), only where no word, host or
#: path goes on.
_AUTHORITY_START = re.compile(
    rf"{SCHEME_NAMES}:[/\\]+|[A-Za-z][A-Za-z0-9+.\-]*:[/\\]{{2}}(?![/\\])"
    r"|(?<![\w.+\-])[A-Za-z][A-Za-z0-9+.\-]*:[/\\](?![/\\])"
    rf"|(?<![\w.+\-]){SCHEME_NAMES}:(?![/\\])"
    r"|(?<![\w.+\-:/\\])[/\\]{2}(?![/\\])",
    re.IGNORECASE,
)
#: An authority: up to its path, query or fragment (or a blank).
_AUTHORITY_BODY = re.compile(r"[^/\\?#]*")
_ENDS_AUTHORITY = re.compile(r"[/?#\\]")
#: What a user name never holds: a path's, query's or fragment's start, an IPv6 host's "[".
_NOT_A_USER = re.compile(r"[/?#\[\]]")
_PORT_FIRST = re.compile(r"\d*(?:[/?#\\]|$)")


def clean_surrogates(text: str, replacement: str = "\ufffd") -> str:
    """``text`` with lone surrogates (undecodable file names, ``"\\ud800"`` escapes) replaced,
    so that it can be encoded as UTF-8."""
    return _SURROGATES.sub(replacement, text) if _SURROGATES.search(text) else text


def escape_surrogates(text: str) -> str:
    """``text`` with each lone surrogate written out as text, one-to-one, so that it is valid
    UTF-8 (and JSON any reader takes) and names that differ still differ.

    The escape character is U+FFFD (which a name holds only when a decoder already gave
    up on it), followed by ``x`` and two hex digits for a byte a file name could not
    decode (``"caf\\udce9.txt"``, Python's surrogateescape, is ``"caf\ufffdxE9.txt"``) or
    ``u`` and four for any other surrogate (a JSON ``"\\ud800"``) and for U+FFFD itself,
    so no escaped name equals another name, escaped or not. Not idempotent, so it is
    applied once, where a bulk run names its inputs (:func:`~extractor.io.readers.visible`).
    """
    if not _TO_ESCAPE.search(text):
        return text
    return _TO_ESCAPE.sub(_escaped, text)


_TO_ESCAPE = re.compile("[\ud800-\udfff\ufffd]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\ufffdx{code - 0xDC00:02X}" if 0xDC80 <= code <= 0xDCFF else f"\ufffdu{code:04X}"


install_log_filter()
