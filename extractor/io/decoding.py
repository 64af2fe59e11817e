"""Bytes to text: the one place that decides what a file's characters are.

Inputs come from anywhere (scraped pages, old Windows exports, archives), so
decoding has to be forgiving about encodings but strict about *what is text*:
an empty, whitespace-only or binary file is rejected with an
:class:`~extractor.errors.InputError` instead of being handed to a model that
would spend tokens on it. Text is never truncated here. A charset declared
by the input itself (HTML meta, HTTP header) is a hint, never trusted to be a
real text encoding: a bad one is ignored, it never raises.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.md import mess_ratio

from extractor.errors import InputError

__all__ = [
    "UnitDecoding",
    "declared_html_charset",
    "decode_bytes",
    "decode_unit",
    "is_ascii_compatible",
    "is_binary",
    "normalise_newlines",
    "unit_decoding",
]

#: Bytes that do not occur in text files (everything below 0x20 except
#: tab, LF, VT, FF, CR and ESC, plus DEL).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0E, *range(0x0F, 0x1B), *range(0x1C, 0x20), 0x7F])
#: Only the head of a file is inspected for control bytes: binary formats show
#: their nature in the first block, and a big text file should not be scanned twice.
_SNIFF_BYTES = 8192
#: More control bytes than this fraction of the sniffed block means "not text".
_MAX_CONTROL_FRACTION = 0.30

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: HTML declares "latin-1" but means windows-1252 (the WHATWG encoding standard
#: maps them), which is what makes curly quotes in such pages come out right.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}
_WHATWG_ALIASES |= {"us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}

#: Codecs that decode bytes but are not a character set a text could be written in.
_NOT_TEXT_CODECS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7"}
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_NEWLINES = re.compile(r"\r\n?")


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF, so offsets and line logic agree everywhere."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def is_binary(data: bytes) -> bool:
    """Say whether ``data`` is a binary file rather than text.

    A NUL byte anywhere is decisive (no single-byte text encoding or UTF-8 text
    contains one); otherwise a head made mostly of control bytes is binary.
    """
    if b"\x00" in data:
        return True
    head = data[:_SNIFF_BYTES]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_FRACTION * len(head)


def declared_html_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a ``<meta>`` tag, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, *, source: str | None = None, charset_hint: str | None = None) -> str:
    """Decode one file's bytes to text with ``\\n`` newlines.

    Order: a UTF-16 BOM, then UTF-8 (with or without BOM, because that is what
    almost every file is), then ``charset_hint`` (an HTTP header or HTML meta
    charset), then charset-normalizer's guess with a tie-break towards
    windows-1252. Raises :class:`InputError` naming ``source`` for an empty,
    whitespace-only, binary or undecodable input.
    """
    if not data:
        raise InputError("empty file", source=source)
    text = _decode_utf16_bom(data)
    if text is None:
        if is_binary(data):
            raise InputError("binary file, not text", source=source)
        text = _first_decoding(data, charset_hint)
    if text is None:
        raise InputError("undecodable text", source=source)
    if not text.strip():
        raise InputError("no text (whitespace only)", source=source)
    return normalise_newlines(text)


def _first_decoding(data: bytes, charset_hint: str | None) -> str | None:
    """Try the decoders in order of trust; the first that fits wins."""
    for charset in ("utf-8-sig", charset_hint):
        decoded = _decode_with(data, charset)
        if decoded is not None:
            return decoded
    return _decode_with(data, guess_encoding(data))


def _decode_utf16_bom(data: bytes) -> str | None:
    """Decode UTF-16 marked by a BOM (Windows "Unicode" exports); None if unmarked."""
    if not data.startswith(_UTF16_BOMS):
        return None
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None
    return None if is_binary(text.encode("utf-8")) else text


def _decode_with(data: bytes, charset: str | None) -> str | None:
    """Decode with a declared charset; None if it is unknown, not a text encoding or does not fit.

    A charset comes from the input itself (an HTML meta tag, an HTTP header),
    so it is hostile: codecs that are not character encodings (``idna``,
    ``unicode_escape``, ``undefined`` ...) are refused, and any error a codec
    raises means "does not fit", never an exception out of decoding.
    """
    if not charset:
        return None
    name = _WHATWG_ALIASES.get(charset.strip().lower(), charset.strip())
    try:
        if codecs.lookup(name).name in _NOT_TEXT_CODECS:
            return None
        return data.decode(name)
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None


def guess_encoding(data: bytes) -> str | None:
    """Ask charset-normalizer for the encoding of non-UTF-8 bytes, favouring windows-1252.

    On short texts ("café", a line with curly quotes) many single-byte code
    pages score equally well and charset-normalizer's pick among them is
    arbitrary (cp1250, cp1006 ...). Among the equally good candidates we prefer
    one that yields the same text as windows-1252, the usual legacy encoding of
    news text; a clear winner (Cyrillic, Greek, Polish text) is left alone.
    """
    try:
        matches = charset_normalizer.from_bytes(data)
    except Exception:  # a guess only: hostile bytes must not make it raise
        return None
    best = matches.best()
    if best is None:
        return None
    least_chaos = min(match.chaos for match in matches)
    calm = [match for match in matches if match.chaos <= least_chaos]
    top_coherence = max(match.coherence for match in calm)
    top = [match for match in calm if match.coherence >= top_coherence]
    if any("cp1252" in match.could_be_from_charset for match in top):
        return "cp1252"
    return str(best.encoding)


# ------------------------------------------------------------ one unit at a time

#: A character that is neither ASCII nor an escaped undecodable byte: valid UTF-8 beyond ASCII.
_UTF8_BEYOND_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


@dataclass(frozen=True, slots=True)
class UnitDecoding:
    """How one line or row of a multi-record file is decoded, and the warning that says so.

    ``warning`` is None for UTF-8 (nothing to say); otherwise it names the
    encoding used, for the Document of that line or row.
    """

    encoding: str
    errors: str = "strict"
    warning: str | None = None

    def decode(self, data: bytes) -> str:
        try:
            return data.decode(self.encoding, self.errors)
        except (LookupError, UnicodeError, ValueError):  # a guess that fit the whole, not a part
            return data.decode("utf-8", "replace")


def unit_decoding(data: bytes) -> UnitDecoding:
    """Choose how to decode one line or row (JSONL, CSV) from its own bytes alone.

    A file assembled from several sources mixes encodings line by line, so
    one non-UTF-8 line must not decide how its neighbours are read (decoding
    the whole file as Latin-1 turns every other line's "café" into "cafÃ©").
    Order: UTF-8 (most lines; no warning); then, when the line holds no valid
    UTF-8 beyond ASCII, the legacy encoding its bytes suggest
    (:func:`_guess_unit_encoding`); a line that mixes
    valid UTF-8 with other bytes, or that no ASCII-compatible encoding fits,
    keeps its UTF-8 and has U+FFFD for the bytes that are not. Never raises.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return UnitDecoding("utf-8")
    escaped = data.decode("utf-8", "surrogateescape")
    if not _UTF8_BEYOND_ASCII.search(escaped):
        guessed = _guess_unit_encoding(data)
        if guessed and is_ascii_compatible(guessed) and _decode_with(data, guessed) is not None:
            return UnitDecoding(guessed, warning=f"not UTF-8 text: decoded as {guessed}")
    bad = sum(1 for char in escaped if "\udc80" <= char <= "\udcff")
    return UnitDecoding(
        "utf-8",
        "replace",
        f"not UTF-8 text, and no one encoding fits it: {bad} undecodable bytes replaced by U+FFFD",
    )


#: The legacy encodings a line of a news export is written in: Windows and ISO code pages
#: of the European, Cyrillic, Greek, Turkish, Baltic, Hebrew, Arabic and Thai scripts. On a
#: line or two the other code pages charset-normalizer knows (Mac, DOS, EBCDIC ...) fit as
#: well by chance and win ties: curly quotes came out as cp775.
_UNIT_CANDIDATES = (
    "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp874",
    "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15", "koi8_r",
)  # fmt: skip


#: charset-normalizer's own limit: a decoding with more chaos than this is no reading.
_MAX_CHAOS = 0.2


def _guess_unit_encoding(data: bytes) -> str | None:
    """The legacy encoding of one short line: windows-1252 whenever it reads as text.

    On a line or two, many code pages decode to something, and the one
    charset-normalizer ranks first is close to a coin toss ("visité" came
    out as mac_latin2). So windows-1252, the usual legacy encoding of news
    text, is taken whenever its reading is plausible (its "chaos", as
    charset-normalizer measures it, under charset-normalizer's own limit);
    only when it is not (Cyrillic, Greek ... bytes read as accented Latin
    are a mess) do the other common legacy code pages compete, the least
    chaotic and then the most coherent winning.
    """
    try:
        if mess_ratio(data.decode("cp1252"), _MAX_CHAOS) < _MAX_CHAOS:
            return "cp1252"
    except UnicodeDecodeError:
        pass
    except Exception:  # a measure only: hostile text must not make it raise
        return None
    try:
        matches = list(charset_normalizer.from_bytes(data, cp_isolation=list(_UNIT_CANDIDATES)))
    except Exception:  # a guess only
        return None
    if not matches:
        return None
    best = min(matches, key=lambda match: (match.chaos, -match.coherence))
    return str(best.encoding)


def decode_unit(data: bytes) -> tuple[str, str | None]:
    """One line or row as text, and a warning when it was not UTF-8 (see :func:`unit_decoding`)."""
    how = unit_decoding(data)
    return how.decode(data), how.warning


def is_ascii_compatible(encoding: str) -> bool:
    """Whether the encoding writes the ASCII delimiters (``,"\\n\\r{}``) as ASCII bytes.

    Only then can a file be split into lines, rows and cells before its
    characters are decoded.
    """
    try:
        return ',"\n\r{}:'.encode(encoding) == b',"\n\r{}:'
    except (LookupError, UnicodeError):
        return False
