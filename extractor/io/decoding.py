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
import contextlib
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.constant import FREQUENCIES
from charset_normalizer.md import mess_ratio

from extractor.blank import is_blank, is_blank_char
from extractor.errors import InputError

__all__ = [
    "UnitDecoding",
    "declared_html_charset",
    "decode_bytes",
    "decode_file",
    "decode_unit",
    "east_asian_script",
    "guess_encoding",
    "is_ascii_compatible",
    "is_binary",
    "is_binary_table",
    "is_blank",
    "is_blank_char",
    "normalise_newlines",
    "table_encoding",
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

#: Byte order marks of the UTF encodings that are not ASCII-compatible, UTF-32 first
#: (its little-endian mark begins with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: HTML declares "latin-1" but means windows-1252 (the WHATWG encoding standard
#: maps them), which is what makes curly quotes in such pages come out right.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}
_WHATWG_ALIASES |= {"us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}

#: Codecs that decode bytes but are not a character set a text could be written in; and
#: UTF-16 and UTF-32, which are (read by their byte order mark), but bytes that reach a
#: declared charset hold no NUL, which no UTF-16 or UTF-32 text lacks: the declaration is wrong.
_NOT_TEXT_CODECS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7"}
    | {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
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
    return _mostly_controls(data[:_SNIFF_BYTES])


def _mostly_controls(head: bytes) -> bool:
    """Whether more than :data:`_MAX_CONTROL_FRACTION` of ``head`` are control bytes."""
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_FRACTION * len(head)


def _holds_control(line: bytes) -> bool:
    return len(line.translate(None, _CONTROL_BYTES)) < len(line)


def is_binary_table(head: bytes, *, header: bool = True) -> bool:
    """Say whether ``head``, the first bytes of a table of one row a line (CSV), is a
    binary file rather than text whose rows may hold a stray NUL or control byte.

    In a whole document a NUL byte is decisive (:func:`is_binary`); in a table it
    is one row's fault: an export with a NUL in one cell is text, that row is
    refused alone (as a text holding NUL) and the others are read, wherever the
    row is. A binary file (a zip, PNG or spreadsheet renamed ``.csv``) shows its
    nature in its first block: a first line, where a table names its columns,
    holding a control byte (``PK\\x03\\x04``, a NUL), or control bytes in most
    of its lines (27 of the 256 byte values are, against one or two line
    breaks, so compressed or random bytes have one on nearly every line), or
    mostly control bytes. Without a ``header`` line (JSONL: its first line is a row
    like any, whose stray NUL is its own fault), only the last two tell.
    """
    head = head[:_SNIFF_BYTES]
    lines = [line for line in head.splitlines() if line.strip()]
    if not lines:
        return _mostly_controls(head)
    if (header and _holds_control(lines[0])) or _mostly_controls(head):
        return True
    return 2 * sum(map(_holds_control, lines)) > len(lines)


def declared_html_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a ``<meta>`` tag, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, *, source: str | None = None, charset_hint: str | None = None) -> str:
    """Decode one file's bytes to text with ``\\n`` newlines (see :func:`decode_file`)."""
    return decode_file(data, source=source, charset_hint=charset_hint)[0]


def decode_file(
    data: bytes, *, source: str | None = None, charset_hint: str | None = None
) -> tuple[str, str | None]:
    """One whole file as text with ``\\n`` newlines, and a warning when it was not UTF-8.

    Order: a UTF-32 or UTF-16 byte order mark, then UTF-8 (with or without
    BOM, because that is what almost every file is; no warning), then
    ``charset_hint`` (an HTTP header or HTML meta charset), then
    :func:`guess_encoding`, the preference lines and rows are decoded by too
    (windows-1252 unless it reads as a mess). Every decoding but UTF-8 comes
    with a warning naming the encoding used, ``"not UTF-8 text: ... decoded as
    <encoding>"``, for the Document. Raises :class:`InputError` naming
    ``source`` for an empty, whitespace-only, binary or undecodable input.
    """
    if not data:
        raise InputError("empty file", source=source)
    decoded: tuple[str, str | None] | None = _decode_bom(data)
    if decoded is None:
        if is_binary(data):
            decoded = _decode_script_wide(data)
            if decoded is None and len(data) <= _SHORT_WIDE_BYTES:
                decoded = _decode_short_wide(data)
            if decoded is None:
                raise InputError("binary file, not text", source=source)
        else:
            decoded = _first_decoding(data, charset_hint)
    if decoded is None:
        raise InputError("undecodable text", source=source)
    text, warning = decoded
    if not text.strip():
        raise InputError("no text (whitespace only)", source=source)
    return normalise_newlines(text), warning


def _first_decoding(data: bytes, charset_hint: str | None) -> tuple[str, str | None] | None:
    """Try the decoders in order of trust; the first that fits wins."""
    text = _decode_with(data, "utf-8-sig")
    if text is not None:
        if len(data) <= _SHORT_WIDE_BYTES and _holds_control(data):
            return _decode_short_wide(data) or (text, None)  # ASCII bytes of UTF-16 CJK
        return text, None
    text = _decode_with(data, charset_hint)
    if text is not None and charset_hint:
        name = _codec_name(charset_hint)
        return text, f"not UTF-8 text: by its declared charset, decoded as {name}"
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        return mixed
    guessed = guess_encoding(data, _FILE_CANDIDATES)
    text = _decode_with(data, guessed)
    if len(data) <= _SHORT_WIDE_BYTES:
        wide = _decode_short_wide(data)
        common = _common_east_asian(data) if wide is not None else None
        if common is not None:  # both read as common characters: the legacy text it is
            guessed, text = common, _decode_with(data, common)
        elif wide is not None and not _coherent_legacy(data, text, wide[0]):
            return wide
    tolerant = _decode_tolerating_strays(data, guessed, text)
    if tolerant is not None:
        return tolerant
    if text is not None and guessed:
        return text, f"not UTF-8 text: decoded as {guessed}"
    return _decode_with_stray_bytes(data, guessed)


#: At most one byte in this many of a legacy text may be one its encoding does not define.
_MAX_STRAY_BYTE_SHARE = 100
#: The most bytes a legacy text may hold that its code page does not define, to be read in
#: it when another code page decodes them (:func:`_decode_tolerating_strays`).
_MAX_STRAY_BYTES = 8
#: The fewest bytes of such a text for each stray byte: a sentence for a pasted character.
_MIN_BYTES_A_STRAY = 50


def _decode_tolerating_strays(
    data: bytes, guessed: str | None, text: str | None
) -> tuple[str, str] | None:
    """``data`` in a single-byte code page that leaves a few of its bytes undefined
    (:data:`_MAX_STRAY_BYTES`, :data:`_MAX_STRAY_BYTE_SHARE`), when the guess for the
    text without such bytes is that code page and not ``guessed`` (which reads ``data`` as
    ``text``, or not at all); None to keep the guess. Only code pages that decode every
    byte are guessed, so one stray byte in a small Hebrew windows-1255 file (a UTF-8 "ß"
    pasted in) had it read whole as windows-1252's 'äùéçåú', a French windows-1252 text
    with one as windows-1250's "ŕ Genčve". The bytes left out of the guess are those any
    such code page lacks: a byte one of them lacks and the text holds is no evidence
    against it. The stray bytes become U+FFFD, or UTF-8 where they are part of a UTF-8
    character (:func:`_decode_with_strays`)."""
    if text is not None and guessed in _EAST_ASIAN_CODECS:
        return None  # its ideographs are "words" of any bytes: the guess's evidence stands
    contenders: set[str] = set()
    strays = b""
    for name, undefined in _UNDEFINED_BYTES.items():
        stray = len(data) - len(data.translate(None, undefined))
        if stray > 0 and _few_strays(stray, len(data)):
            contenders.add(name)
            strays += undefined
    if not contenders:
        return None
    again = guess_encoding(_without_runs(data, strays), _FILE_CANDIDATES)
    if again is None or again == guessed or again not in contenders:
        return None
    # bytes another contender lacks may be letters of the text (Portuguese's õ is no ISO
    # 8859-6 character): the text without only its own stray bytes must read so too
    # and without them the text is words enough to tell a code page by
    own = _without_runs(data, _UNDEFINED_BYTES[again])
    if _letters_in_words(own.decode(again)) < _MIN_STRAY_EVIDENCE:
        return None
    return _decode_with_strays(data, again) if guess_encoding(own) == again else None


#: The fewest letters beyond ASCII, in words (:func:`_letters_in_words`), a text must hold
#: for a code page that leaves some of its bytes undefined to be told by them: a byte or
#: two beyond ASCII among English words tell none, and the guess that decodes them stands.
_MIN_STRAY_EVIDENCE = 3


def _letters_in_words(reading: str) -> int:
    """How many letters beyond ASCII of ``reading`` are in words (:func:`_well_formed`), in a
    run of letters with an ASCII one ("Genève") or of three letters or more ("שלום"): not
    the letters that bytes alone among signs read as ("ï»¿ÿþ", a byte order mark)."""
    count = 0
    for word in _WORD.findall(reading):
        if word.isascii() or not _well_formed(word):
            continue
        for run in _LETTER_RUN.findall(word):
            beyond = sum(1 for char in run if not char.isascii())
            if len(run) >= _MIN_RUN_ALONE or beyond < len(run):
                count += beyond
    return count


#: The fewest letters a run of letters beyond ASCII alone is a word with (no ASCII letter).
_MIN_RUN_ALONE = 3


def _without_runs(data: bytes, undefined: bytes) -> bytes:
    """``data`` without the runs of bytes beyond ASCII that hold one of ``undefined``: what
    is left to guess a code page by (a UTF-8 "ß" pasted in a Hebrew line leaves 0xC3,
    windows-1255's hataf qamats after a Latin letter, if only its 0x9F goes)."""
    if not undefined:
        return data
    stray = re.compile(b"[" + re.escape(undefined) + b"]")
    kept: list[bytes] = []
    at = 0
    for match in _HIGH_RUN.finditer(data):
        if stray.search(match.group()):
            kept.append(data[at : match.start()])
            at = match.end()
    kept.append(data[at:])
    return b"".join(kept)


def _few_strays(stray: int, size: int) -> bool:
    """Whether ``stray`` bytes a code page does not define are few enough in a text of
    ``size`` bytes for it to be read in that code page where another decodes them all:
    :data:`_MAX_STRAY_BYTES` at most, and one in :data:`_MIN_BYTES_A_STRAY` bytes (a word
    or two, "Уряд оголосив", without one of its bytes is any code page's word)."""
    return stray <= _MAX_STRAY_BYTES and stray * _MIN_BYTES_A_STRAY <= size


def _decode_with_stray_bytes(data: bytes, guessed: str | None) -> tuple[str, str] | None:
    """A legacy text whose guessed encoding leaves a few of its bytes undefined (a UTF-8
    phrase pasted inside a windows-1255 line: 0x9F, "ß"'s second byte, is no windows-1255
    character), decoded with U+FFFD for those and a warning that counts them; None when
    more than one byte in :data:`_MAX_STRAY_BYTE_SHARE` is, or there is no guess. The
    whole file was refused as undecodable for one byte."""
    if not guessed:
        return None
    if guessed in _UNDEFINED_BYTES:
        return _decode_with_strays(data, guessed)
    try:
        text = data.decode(guessed, "replace")
    except LookupError:
        return None
    stray = text.count("\ufffd")
    if stray * _MAX_STRAY_BYTE_SHARE > len(data):
        return None
    return text, (
        f"not UTF-8 text: decoded as {guessed}, {stray} byte(s) it does not define "
        "replaced by U+FFFD"
    )


#: A run of bytes beyond ASCII: one word's letters in a single-byte code page, or UTF-8
#: characters.
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _decode_with_strays(data: bytes, name: str) -> tuple[str, str] | None:
    """``data`` in the single-byte code page ``name``, a run of bytes beyond ASCII that
    holds a byte it does not define read as UTF-8 where it is UTF-8 text (a "ß" pasted in
    a windows-1255 line), else with U+FFFD for such bytes; a warning counts both. None
    when more than one byte in :data:`_MAX_STRAY_BYTE_SHARE` is undefined, and more than
    a few (:func:`_few_strays`)."""
    undefined = frozenset(_UNDEFINED_BYTES[name])
    parts: list[str] = []
    at = stray = in_utf8 = 0
    for match in _HIGH_RUN.finditer(data):
        run = match.group()
        if undefined.isdisjoint(run):
            continue
        parts.append(data[at : match.start()].decode(name))
        utf8 = _decode_with(run, "utf-8")
        if utf8 is not None and _UTF8_TEXT.search(utf8):
            parts.append(utf8)
            in_utf8 += 1
        else:
            parts.append(run.decode(name, "replace"))
            stray += sum(1 for byte in run if byte in undefined)
        at = match.end()
    if stray * _MAX_STRAY_BYTE_SHARE > len(data) and not _few_strays(stray, len(data)):
        return None
    parts.append(data[at:].decode(name))
    how = [f"{stray} byte(s) it does not define replaced by U+FFFD"] if stray else []
    how += [f"{in_utf8} run(s) of UTF-8 in its lines as UTF-8"] if in_utf8 else []
    return "".join(parts), f"not UTF-8 text: decoded as {name}, " + ", ".join(how)


#: Characters that join the letters of a word: apostrophes, hyphens, a soft hyphen,
#: Hebrew's geresh and gershayim, Catalan's middle dot.
_JOINERS = frozenset("\u2019\u02bc\u2018\u2010\u2011\u00ad\u05f3\u05f4\u00b7")
#: The scripts written together in one word (Japanese kanji and kana).
_SCRIPT_FAMILY = dict.fromkeys(
    ("CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HALFWIDTH", "IDEOGRAPHIC"), "EAST ASIAN"
)


def _well_formed(word: str) -> bool:
    """Whether ``word`` (a run of :data:`_WORD`) is spelled as a language writes one: its
    letters beyond ASCII of one script, words (:func:`_words`: "äùéçåú" is none), no ASCII
    letter in a word of another alphabet than Latin, and, in a cased alphabet (Latin, Cyrillic, Greek), all small, all capitals or
    capitalised, no sign between two letters but a joiner (:data:`_JOINERS`). Another
    code page's bytes break these: "JosÃ© PÃ©rez", "РњРѕСЃРєРІР°", "Ã‰COLE"."""
    letters = {
        _SCRIPT_FAMILY.get(script, script)
        for char in word
        if not char.isascii() and unicodedata.category(char)[0] in "LM"
        for script in (unicodedata.name(char, "?").split(" ", 1)[0],)
    }
    if not letters:
        return True
    if len(letters) != 1 or _mark_without_letter(word):
        return False
    script = letters.pop()
    if script in ("EAST ASIAN", "HANGUL"):
        return True  # a word of one syllable or ideograph stands alone ("표 1")
    if not _words(word):
        return False
    if script != "LATIN" and re.search("[a-zA-Z]", word):
        return False
    if script not in _CASED:
        return True
    if not _cased_word("".join(char for char in word if char.isalpha())):
        return False
    return not any(
        word[at - 1].isalpha() and word[at + 1].isalpha() and not _joins(word[at])
        for at in range(1, len(word) - 1)
    )


def _mark_without_letter(word: str) -> bool:
    """Whether a mark (a vowel point, a vowel sign) stands after no letter or mark: marks
    are written on a letter, but UTF-8's bytes read in windows-1255 are points after signs
    ("Її" is "׀‡ׁ—")."""
    return any(
        unicodedata.category(char)[0] == "M"
        and (at == 0 or unicodedata.category(word[at - 1])[0] not in "LM")
        for at, char in enumerate(word)
    )


def _joins(char: str) -> bool:
    """Whether ``char`` may stand between two letters of a word: a letter, mark, joiner."""
    return char.isalnum() or char in _JOINERS or unicodedata.category(char)[0] == "M"


def _decode_mixed_lines(data: bytes) -> tuple[str, str] | None:
    """Decode a file whose lines mix UTF-8 with a legacy encoding (a Hebrew windows-1255
    text with a German UTF-8 paragraph appended): the lines that are not UTF-8 are read by
    the encoding they are in together (:func:`guess_encoding` of those lines alone), a line
    that one does not fit by its own guess (:func:`unit_decoding`); a line that is valid
    UTF-8 is read so when it is UTF-8 text (:func:`_utf8_line`). None when no line is, or
    no other line. Guessed as a whole, the UTF-8 bytes made the file undecodable
    (windows-1255 defines no 0x9F, ß's second byte: the whole file was refused), or swayed
    the guess to windows-1252 and every Hebrew line came out as mojibake."""
    lines = data.splitlines(keepends=True)
    readings = [_decode_with(line, "utf-8") for line in lines]
    foreign = [line for line, reading in zip(lines, readings, strict=True) if reading is None]
    if not foreign or len(foreign) == len(lines):
        return None
    guessed = guess_encoding(b"".join(foreign), _FILE_CANDIDATES)
    if guessed is None:
        return None
    in_utf8 = 0
    for at, line in enumerate(lines):
        reading = readings[at]
        if reading is None:
            readings[at] = _decode_with(line, guessed) or decode_unit(line)[0]
        elif not line.isascii():
            legacy = _decode_with(line, guessed)
            if legacy is None or _utf8_line(reading, legacy, guessed):
                in_utf8 += 1
            else:
                readings[at] = legacy
    if not in_utf8:
        return None
    return "".join(r or "" for r in readings), (
        f"not UTF-8 text: decoded as {guessed}, its {in_utf8} line(s) in UTF-8 as UTF-8"
    )


def _utf8_line(reading: str, legacy: str, codec: str) -> bool:
    """Whether a line of a legacy file that is valid UTF-8 is UTF-8 text: its reading by
    the file's ``codec`` is no text of that code page's (:func:`_legacy_line`) and its
    UTF-8 ``reading`` is words (:func:`_words`, each :func:`_well_formed`). A legacy line
    is valid UTF-8 by chance: 3% of GBK's two-hanzi words are ("图片" is "ͼƬ"), EUC-KR's
    "체크" is "üũ"; such a line reads as its own script's common characters, and stays so."""
    if _legacy_line(legacy, codec) or all(map(_format_or_ascii, reading)):
        return False  # a byte order mark inside a file (files joined) is no text
    if not all(map(_text_char, reading)) or not _words(reading):
        return False
    return all(map(_well_formed, _WORD.findall(reading)))


def _format_or_ascii(char: str) -> bool:
    return char.isascii() or _format(char)


def _legacy_line(reading: str, codec: str) -> bool:
    """Whether ``reading``, a line by ``codec``, is text of that code page: an East Asian
    encoding's own script's common characters (:func:`_own_script_line`); for a single-byte
    code page, words (:func:`_words`) each spelled as a language writes them
    (:func:`_well_formed`), no control character ("MÃ¼nchen" is none)."""
    if codec in _EAST_ASIAN_CODECS:
        return _own_script_line(reading, codec)
    if not all(map(_text_char, reading)) or not _words(reading) or _sign_after_letter(reading):
        return False
    if _BOX_DRAWING.search(reading):
        return False  # UTF-8's bytes in a DOS code page: "zwölf" is cp866's "zw├╢lf"
    return all(map(_well_formed, _WORD.findall(reading)))


#: What follows a letter in text, besides letters, marks, blank space and ASCII: closing
#: quotes, an ellipsis, dashes, a soft hyphen; Hebrew's geresh and gershayim, Catalan's
#: and Greek's middle dots, Greek's question mark, Arabic's comma, semicolon and question
#: mark.
_AFTER_LETTER = frozenset("\u2019\u201d\u00bb\u203a\u2026\u2013\u2014\u00ad\u05f3\u05f4")
_AFTER_LETTER |= frozenset("\u00b7\u0387\u037e\u060c\u061b\u061f")


def _sign_after_letter(reading: str) -> bool:
    """Whether a sign stands right after a letter beyond ASCII that text writes nowhere
    there (:data:`_AFTER_LETTER`): UTF-8's bytes read in a single-byte code page are a
    letter and signs ("5 €" is windows-1252's "5 â‚¬", "— AFP" "â€” AFP", "© 2024"
    "Â© 2024"), where a legacy text's letters are followed by letters, blanks, marks or
    punctuation that closes ("groß“")."""
    for before, char in itertools.pairwise(reading):
        if before.isascii() or not before.isalpha():
            continue
        if char.isascii() or char.isalnum() or char.isspace() or char in _AFTER_LETTER:
            continue
        if unicodedata.category(char)[0] != "M":
            return True
    return False


def _own_script_line(reading: str, codec: str) -> bool:
    """Whether an East Asian ``codec`` reads a line as text of its own script: valid text
    of it (:func:`_valid_in`), or, a word of kanji alone and no kana (a caption, "東京"),
    every character beyond ASCII and punctuation a common one of its set."""
    found = _CODEC_SCRIPTS.get(codec)
    if found is None:
        return False
    script, level = found
    if _valid_in(script, level, reading):
        return True
    chars = [char for char in reading if not _NEUTRAL_WIDE.match(char)]
    if not chars or _EAST_ASIAN_BY_LATIN.search(reading) or _HALF_WIDTH_KANA.search(reading):
        return False  # an ideograph alone ("兵 2") is a caption; one by a Latin letter no
    if script == "Japanese":
        return all(_KANA.match(char) or _common_kanji(char) for char in chars)
    if script == "Korean":
        return all(map(_common_hangul, chars))
    return all(_common_ideograph(char, level) for char in chars)


#: How many common characters of one script a short UTF-16 reading must hold to win over
#: a legacy reading that is plain Western words: six units of random bytes are that one
#: time in a million, while windows-1252 reads "首相は火曜日" as "–™øvo0kpÜfåe", words.
_WIDE_OVER_WESTERN = 6


def _common_east_asian(data: bytes) -> str | None:
    """The East Asian encoding (:data:`_SCRIPT_CODECS`' order) that reads a short ``data``
    as common characters of one script (:func:`_short_wide_text`), if one does. Kanji
    alone in Shift-JIS ("東京国") read in UTF-16 as common ideographs too ("貓麋醍"), but
    a UTF-16 text's bytes are first-level kanji or ideographs of a legacy set one unit in
    ten at most: both readings common is the legacy text."""
    for _, names in _SCRIPT_CODECS:
        for name in names:
            reading = _decode_with(data, name)
            if reading is not None and _common_in(name, reading):
                return name
    return None


def _common_in(codec: str, reading: str) -> bool:
    """Whether ``reading`` is :data:`_MIN_SHORT_WIDE_CHARS` characters or more beyond ASCII,
    each a common character of ``codec``'s own set (kana or a first-level kanji, a KS X 1001
    syllable, a first-level GB2312 or a frequent Big5 ideograph), and no ASCII letter nor
    half-width katakana: what UTF-16's bytes read as mixes them."""
    script, level = _CODEC_SCRIPTS[codec]
    chars = [char for char in reading if not _NEUTRAL_WIDE.match(char)]
    if len(chars) < _MIN_SHORT_WIDE_CHARS or any(char.isascii() for char in chars):
        return False
    if any(char.isascii() and char.isalpha() for char in reading):
        return False
    if _HALF_WIDTH_KANA.search(reading):
        return False
    if script == "Japanese":
        return all(_KANA.match(char) or _common_kanji(char) for char in chars)
    if script == "Korean":
        return all(map(_common_hangul, chars))
    return all(_common_ideograph(char, level) for char in chars)


def _coherent_legacy(data: bytes, reading: str | None, wide: str) -> bool:
    """Whether a legacy guess's ``reading`` is evidence against the UTF-16 reading ``wide``
    (:func:`_short_wide_text`): an East Asian encoding's own text, words of one alphabet
    other than Latin, or plain Western words where ``wide`` holds fewer than
    :data:`_WIDE_OVER_WESTERN` characters of its script. Any other Latin reading is what
    UTF-16's bytes make ("–™øv" is windows-1252's "首相")."""
    if reading is None:
        return False
    if east_asian_script(data) is not None or _alphabet_reading(reading) not in (None, "LATIN"):
        return True
    script_chars = sum(1 for char in wide if not _NEUTRAL_WIDE.match(char))
    return script_chars < _WIDE_OVER_WESTERN and _plainly_western(data)


def bom_encoding(data: bytes) -> str | None:
    """``utf-32`` or ``utf-16`` when ``data`` starts with that encoding's byte order mark;
    else ``utf-16-le``/``utf-16-be`` (``utf-32-le``/``-be``) when it reads as such text
    without one (:func:`_unmarked_wide`). Give it :data:`WIDE_SNIFF_BYTES` or more."""
    marked = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    return marked or _unmarked_wide(data[:WIDE_SNIFF_BYTES])


#: How many bytes of a file :func:`bom_encoding` looks at.
WIDE_SNIFF_BYTES = 256
#: Characters a text's first ones are (letters, digits, punctuation, blank space).
_PRINTABLE = frozenset(range(0x20, 0x7F)) | {0x09, 0x0A, 0x0D}


def _unmarked_wide(head: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte order mark: every character of the head is printable
    ASCII with its zero bytes where that encoding puts them ("{\\0"\\0i\\0d\\0" is
    UTF-16-LE), or most are and the head so read is text (:func:`_mostly_ascii_wide`: a
    dash, curly quotes, "€", Polish or Vietnamese letters, ideographs among English words).
    Any other file has few zero bytes, or not in that pattern (a binary file), and is left
    alone; a text in another script is told by its spaced words or its script."""
    for width, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        size = len(head) - len(head) % width
        if size < 4 * width:
            continue
        units = [head[at : at + width] for at in range(0, size, width)]
        for name, pick in zip(names, (0, width - 1), strict=True):
            if all(_ascii_unit(unit, pick) for unit in units):
                return name
        for name, pick in zip(names, (0, width - 1), strict=True):
            if _mostly_ascii_wide(head[:size], units, pick, name):
                return name
    # No zero byte: no ASCII character in it, read so or not at all. A text that is UTF-8
    # but for a stray NUL (a CSV cell holding one: that row refused, not the table) is not
    # one; UTF-16 read as UTF-8 gives control characters (0x04 of Cyrillic) beside its NULs.
    if b"\x00" in head and not _utf8_but_nul(head):
        return next((name for name in _WIDE if _spaced_words(head, name)), None)
    return None


def _ascii_unit(unit: bytes, pick: int) -> bool:
    """Whether one UTF-16 or UTF-32 code unit is a printable ASCII character: that byte at
    ``pick``, the others zero."""
    return unit[pick] in _PRINTABLE and unit.count(0) == len(unit) - 1


#: More than this share of the units of a UTF-16 or UTF-32 text written mostly in ASCII
#: (English, a Latin alphabet's words, the spaces and punctuation around other scripts) are
#: ASCII characters. A unit of random bytes is one 98 times in 65,536, so a binary file's
#: head has such units only where it holds UTF-16 strings, not most of its units.
_MIN_ASCII_UNITS = 0.5
#: The most script blocks (:func:`_wide_script`) a mostly-ASCII text's characters beyond
#: ASCII and punctuation (:data:`_NEUTRAL_WIDE`) fall in: Vietnamese takes Latin-1, Latin
#: Extended-A and B and Extended Additional, a price the currency signs' block; binary bytes
#: read as text take characters of every block.
_MAX_WIDE_BLOCKS = 5


def _mostly_ascii_wide(head: bytes, units: list[bytes], pick: int, encoding: str) -> bool:
    """Whether ``head`` is a text written mostly in ASCII in ``encoding`` (UTF-16 or UTF-32
    without a byte order mark) with characters beyond it: more than :data:`_MIN_ASCII_UNITS`
    of its ``units`` are ASCII characters with their zero bytes where ``encoding`` puts
    them, and the head read so is text: every character printable or blank (no control,
    unassigned, private-use character nor unpaired surrogate), those beyond ASCII letters,
    marks, digits, punctuation or symbols of at most :data:`_MAX_WIDE_BLOCKS` blocks.
    "Paris \u2014 a deal" in UTF-16 was refused as binary: its dash is no ASCII unit."""
    if sum(_ascii_unit(unit, pick) for unit in units) <= _MIN_ASCII_UNITS * len(units):
        return False
    try:
        text = codecs.getincrementaldecoder(encoding)("strict").decode(head, final=False)
    except UnicodeDecodeError:
        return False
    if not all(map(_text_char, text)):
        return False
    beyond = {_wide_script(char) for char in text if not _NEUTRAL_WIDE.match(char)}
    return len(beyond) <= _MAX_WIDE_BLOCKS


def _text_char(char: str) -> bool:
    """Whether ``char`` is what a text holds: printable, a tab or line end, or a format
    character (a zero-width space or joiner, a direction mark, a soft hyphen: text writes
    them between its letters, though they print nothing). A UTF-16 text without a byte
    order mark holding one in its head was refused as binary."""
    return char.isprintable() or char in "\t\n\r" or _format(char)


def _format(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def _utf8_but_nul(head: bytes) -> bool:
    """Whether ``head`` is printable UTF-8 text up to its end (which may cut a character in
    two) but for a few stray NUL bytes. A head of which a NUL is every other or every
    fourth byte is UTF-16 or UTF-32, whatever its last bytes read as in UTF-8 (a UTF-16-BE
    "é" at the cut, 00 E9, is the start of a UTF-8 character: the file was refused as
    binary)."""
    if head.count(0) * _MAX_STRAY_NUL_SHARE > len(head):
        return False
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return all(char.isprintable() or char in "\t\n\r\x00" for char in text)


#: At most one byte in this many of a UTF-8 text's head is a stray NUL (a cell holding one).
_MAX_STRAY_NUL_SHARE = 8
#: The encodings a text written without a byte order mark may be in, read as a whole.
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
#: The alphabets told by :func:`_spaced_words` lie below this code point (Latin, Greek,
#: Cyrillic, Armenian, Hebrew, Arabic, Syriac): 8-bit text misread as UTF-16 lies above it.
_SPACED_ALPHABETS_END = 0x800
#: The least share of a text's characters that are ASCII: its spaces, digits, punctuation
#: and line ends (the JSON or CSV around its text, too).
_MIN_ASCII_SHARE = 0.1


def _spaced_words(head: bytes, encoding: str) -> bool:
    """Whether ``head`` is text in an alphabet other than Latin (Cyrillic, Greek, Hebrew,
    Arabic...) in ``encoding`` without a byte order mark: every character printable, its
    words spaced by ASCII blanks and punctuation, and words (:func:`_words`). A Russian
    UTF-16 file saved without one was refused as binary (its zero bytes); binary bytes read
    so give control, private-use or unassigned characters, ASCII bytes read so give no
    ASCII characters. Texts written without spaces (Chinese, Japanese) are not told so."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        text = decoder.decode(head, final=False)  # the head may end inside a character
    except UnicodeDecodeError:
        return False
    if len(text) < 8 or not all(map(_text_char, text)):
        return False
    if any(ord(char) >= _SPACED_ALPHABETS_END and not _format(char) for char in text):
        return False  # two ASCII bytes read as one UTF-16 unit give U+2020..U+7E7E: CJK
    ascii_chars = sum(1 for char in text if char.isascii())
    return ascii_chars >= _MIN_ASCII_SHARE * len(text) and _words(text)


#: Characters that belong to no one script's text: blank space, general, CJK and
#: full-width punctuation (a Chinese text writes its commas and stops so).
_NEUTRAL_WIDE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uffef]")
#: The scripts a text without spaces is written in, as code point ranges: Chinese and
#: Japanese (ideographs, kana), Korean (Hangul). Not the rare ideographs (extension A,
#: radicals, compatibility): a third of all 16-bit units are common ideographs, and random
#: bytes read so hold the rare ones too.
_WIDE_SCRIPTS = (
    ("CJK", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0x4E00, 0x9FFF))),
    ("HANGUL", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7A3))),
)  # fmt: skip
#: The least number of a script's characters, and of different ones, a head must hold to
#: be told as that script's text: a few characters of random bytes fall in one by chance
#: (eight units of random bytes were all ideographs one time in two thousand).
_MIN_SCRIPT_CHARS = 12
_MIN_DISTINCT_CHARS = 6
#: The least share, and number, of a head's bytes that are not printable ASCII for it to be
#: read as UTF-16 of a script beyond ASCII: two ASCII letters read as one UTF-16 unit are an
#: ideograph, so an ASCII text with a stray NUL would read as Chinese. (Chinese whose
#: characters' bytes are all printable ASCII but two, "中国主席主席主席主席周二", is.)
_MIN_WIDE_BYTES = 0.02
_MIN_WIDE_COUNT = 2


def _wide_script(char: str) -> str | int:
    """The script group of a character beyond ASCII: CJK, Hangul, or the 128-character
    block of an alphabet (Thai, Devanagari, Hebrew ... each fill one or two)."""
    point = ord(char)
    for name, ranges in _WIDE_SCRIPTS:
        if any(low <= point <= high for low, high in ranges):
            return name
    return point >> 7


def _script_wide_text(text: str) -> bool:
    """Whether a UTF-16 reading is text of one script beyond ASCII: every character
    printable (or a tab, line end or ideographic space), no control, private-use,
    unassigned or format character; half or more of its characters that are not blank
    nor punctuation in one script (:func:`_wide_script`), nine in ten of those beyond ASCII,
    at least :data:`_MIN_SCRIPT_CHARS` of them and :data:`_MIN_DISTINCT_CHARS` different.
    Random or binary bytes read so give controls, unassigned and private-use characters,
    and characters of every block."""
    if not all(char.isprintable() or char in "\t\n\r\u3000" for char in text):
        return False
    counts: dict[str | int, list[str]] = {}
    ascii_letters = 0
    for char in text:
        if _NEUTRAL_WIDE.match(char):
            ascii_letters += char.isascii() and char.isalnum()
            continue
        counts.setdefault(_wide_script(char), []).append(char)
    if not counts:
        return False
    chars = max(counts.values(), key=len)
    others = sum(len(group) for group in counts.values()) - len(chars)
    return (
        len(chars) >= _MIN_SCRIPT_CHARS
        and len(set(chars)) >= _MIN_DISTINCT_CHARS
        and 10 * others <= len(chars) + others
        and len(chars) + others >= ascii_letters
    )


def _decode_script_wide(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 without a byte order mark in a script beyond ASCII (Chinese, Japanese,
    Korean, Thai, Hindi ...); None when ``data`` does not read so.

    Such text has few zero bytes, or none in the pattern of ASCII in UTF-16
    (:func:`_unmarked_wide`), but its line ends and spaces are NULs or its high bytes
    controls (Thai's 0x0E), so it was refused as a binary file. Only a file
    :func:`is_binary` refuses is read so, and only when its head in UTF-16-LE or -BE is
    one script's text (:func:`_script_wide_text`) and the whole decodes strictly (no
    unpaired surrogate) to text holding no control character but tab and line ends."""
    head = data[:_SNIFF_BYTES]
    plain = len(head.translate(None, bytes(range(0x20, 0x7F)) + b"\t\n\r\x00"))
    if len(data) % 2 or plain < max(_MIN_WIDE_COUNT, _MIN_WIDE_BYTES * len(head)):
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = codecs.getincrementaldecoder(name)("strict").decode(head, final=False)
        except UnicodeDecodeError:
            continue
        if not _script_wide_text(text):
            continue
        try:
            whole = data.decode(name)
        except UnicodeDecodeError:
            return None
        if is_binary(whole.encode("utf-8")):
            return None
        return whole, f"not UTF-8 text: by its characters, decoded as {name}"
    return None


#: The longest text :func:`_decode_short_wide` reads: fewer characters than
#: :func:`_script_wide_text` tells a script by, and some ASCII among them.
_SHORT_WIDE_BYTES = 4 * _MIN_SCRIPT_CHARS
#: The fewest characters of its script a short UTF-16 text is read by: two common
#: ideographs are two random 16-bit units one time in a hundred, three one in a thousand.
_MIN_SHORT_WIDE_CHARS = 3


def _decode_short_wide(data: bytes) -> tuple[str, str] | None:
    """Decode a whole short text (:data:`_SHORT_WIDE_BYTES`) as UTF-16 without a byte order
    mark when one reading is text of one script (:func:`_short_wide_text`); None otherwise.
    :func:`_script_wide_text` wants :data:`_MIN_SCRIPT_CHARS` characters, so a headline of
    a few ideographs ("首相は", "대통령은 화요일에", a Thai phrase) was refused as binary,
    read as windows-1252 mojibake, or (its bytes all ASCII) as UTF-8 control characters."""
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        text = _decode_with_wide(data, name)
        if text is not None and _short_wide_text(text):
            return text, f"not UTF-8 text: by its characters, decoded as {name} (a short text)"
    return None


def _decode_with_wide(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _short_wide_text(text: str) -> bool:
    """Whether a short UTF-16 reading is text of one script: every character printable or
    blank, at least :data:`_MIN_SHORT_WIDE_CHARS` beyond ASCII and neutral punctuation, all
    of one script and each a common character of it (kana, a common ideograph of GB2312 or
    Big5, a KS X 1001 syllable; for an alphabet, its words as it spells them,
    :func:`_alphabet_reading`, Thai with a vowel sign). Random or legacy bytes read so
    give characters of several blocks, rare ones, or misspelt words."""
    if not all(char.isprintable() or char in "\t\n\r\u3000" for char in text):
        return False
    chars = [char for char in text if not _NEUTRAL_WIDE.match(char)]
    if len(chars) < _MIN_SHORT_WIDE_CHARS or len({_wide_script(char) for char in chars}) != 1:
        return False
    script = _wide_script(chars[0])
    if script == "CJK":
        return all(_KANA.match(char) or _common_kanji(char) or _common_ideograph(char, "gb18030")
                   or _common_ideograph(char, "big5") for char in chars)  # fmt: skip
    if script == "HANGUL":
        return all(_common_hangul(char) for char in chars)
    alphabet = _alphabet_reading(text)
    return alphabet is not None and (alphabet != "THAI" or bool(_THAI_VOWEL.search(text)))


def _common_kanji(char: str) -> bool:
    """Whether ``char`` is a kanji of JIS X 0208's first level (Shift-JIS lead bytes 88 to
    98): the ideographs Japanese text is written in ("曜", "統" are not GB2312's)."""
    if not _IDEOGRAPH.match(char):
        return False
    try:
        encoded = char.encode("cp932")
    except UnicodeError:
        return False
    return len(encoded) == 2 and 0x88 <= encoded[0] <= 0x98


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-32 or UTF-16 marked by a BOM (Windows "Unicode" exports); None if unmarked."""
    encoding = bom_encoding(data)
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if is_binary(text.encode("utf-8")):
        return None
    how = "its byte order mark" if encoding in ("utf-16", "utf-32") else "its zero bytes"
    return text, f"not UTF-8 text: by {how}, decoded as {encoding}"


def _codec_name(charset: str) -> str:
    """The Python name of the codec a declared charset is decoded with (windows-1252: cp1252)."""
    name = _WHATWG_ALIASES.get(charset.strip().lower(), charset.strip())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


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


#: The legacy encodings a line of a news export is written in: Windows and ISO code pages
#: of the European, Cyrillic, Greek, Turkish, Baltic, Hebrew, Arabic and Thai scripts. On a
#: line or two the other code pages charset-normalizer knows (Mac, DOS, EBCDIC ...) fit as
#: well by chance and win ties: curly quotes came out as cp775.
_UNIT_CANDIDATES = (
    "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp874",
    "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15", "koi8_r",
    "iso8859_6", "iso8859_8",
)  # fmt: skip
#: A whole file may also be in one of the multi-byte East Asian encodings, which a line
#: cannot be (a file is split into lines before they are decoded, and their second bytes
#: can be ASCII delimiters).
_FILE_CANDIDATES = (
    *_UNIT_CANDIDATES, "cp932", "shift_jis", "euc_jp", "gb18030", "big5", "cp949", "euc_kr",
)  # fmt: skip


def _undefined_bytes(name: str) -> bytes:
    """The bytes the single-byte code page ``name`` defines no character for."""
    undefined = []
    for byte in range(0x80, 0x100):
        try:
            bytes([byte]).decode(name)
        except UnicodeDecodeError:
            undefined.append(byte)
    return bytes(undefined)


#: The bytes each single-byte code page (:data:`_UNIT_CANDIDATES`, windows-1252) defines
#: no character for.
_UNDEFINED_BYTES = {name: _undefined_bytes(name) for name in ("cp1252", *_UNIT_CANDIDATES)}


#: The encodings of :data:`_FILE_CANDIDATES` no line is decoded by alone: on a line or two
#: their readings lose to a single-byte code page's mojibake ("서울" came out as cp1251's).
#: A table's lines are decoded by one of them when its head tells it (:func:`table_encoding`).
_EAST_ASIAN_CODECS = frozenset(_FILE_CANDIDATES) - frozenset(_UNIT_CANDIDATES)
#: Bytes of a table's lines that are not UTF-8 its encoding is told from: enough lines of
#: any East Asian text, and a bound on charset-normalizer's work on a head of 1 MiB.
_TABLE_GUESS_BYTES = 64 * 1024
_HIGH_BYTES = bytes(range(0x80, 0x100))

#: charset-normalizer's own limit: a decoding with more chaos than this is no reading.
_MAX_CHAOS = 0.2
#: Symbols that touch no letter in a Western text, but are what the letters of the Central
#: European code pages read as in windows-1252: "rz¹d" is cp1250's "rząd", "mo¿e" its
#: "może", "gê¶l±" ISO 8859-2's "gęślą", "¾e" its "že". Not ¿ and ¡ before a word (Spanish
#: "¿qué?"), ² ³ © ® after one ("m²", "Windows®"), and not ´ · ª º at all (an apostrophe,
#: Catalan's l·l, and two letters). Thai's ornaments ๏ ๚ ๛ mark verses, not words: they
#: are what East Asian bytes read as in cp874.
_LETTER = r"[^\W\d_]"
_SYMBOL_BY_A_LETTER = re.compile(
    rf"(?<={_LETTER})[¡¢£¤¥¦§¨¬¯±¶¸¹¼½¾¿÷๏๚๛]"
    rf"|[¢£¤¥¦§¨¬¯±¶¸¹¼½¾÷๏๚๛](?={_LETTER})"
    rf"|(?<={_LETTER})[²³©®]+(?={_LETTER})"
    rf"|(?<={_LETTER}{{3}})³"
)
#: Czech, Slovak and Croatian in cp1250 read as letters in windows-1252 too ("pøíjmù" is
#: "příjmů"), but with š and ž, which Western languages hardly write, among letters that
#: they write without š and ž (Danish ø, Italian ì ò ù). Together they make the reading
#: Central European's to win or lose against its other code pages.
_SH_ZH = re.compile("[šžŠŽ]")
_CENTRAL_EUROPEAN_AS_WESTERN = re.compile("[ìòùøïÌÒÙØÏ]")
#: A word of three Latin letters or more and none of them ASCII: no Western word ("été" has
#: its t), but what Cyrillic, Greek, Hebrew or Arabic read as in windows-1252 ("Ìèíèñòð"),
#: and Cyrillic in cp1250 ("Ďđčâĺň").
_WORD_WITHOUT_ASCII = re.compile(r"(?<![^\W\d_])[À-ÖØ-öø-ɏḀ-ỿ]{3,}(?![^\W\d_])")
#: Letters of the alphabets that are not Latin (Greek to Mongolian), and of the East Asian
#: scripts, whose words are not set apart by spaces.
_ALPHABETS = "\u0370-\u1cff\u1f00-\u1fff"
_EAST_ASIAN = "\u2e80-\ud7ff\uf900-\ufaff\uff66-\uff9f"
_NOT_LATIN = re.compile(f"[{_ALPHABETS}{_EAST_ASIAN}]")
#: An ASCII letter in a word of another alphabet: what Western bytes read as in the code
#: pages of other scripts ("déjà" is cp1251's "dйjа").
_SCRIPTS_MIXED = re.compile(f"[a-zA-Z][{_ALPHABETS}]|[{_ALPHABETS}][a-zA-Z]")
#: East Asian characters; those touching an ASCII letter; those with no East Asian one
#: beside them. An East Asian text runs its characters together and writes a Latin name
#: now and then ("iPhone을"); Latin bytes read as East Asian give characters one by one,
#: among Latin letters ("São" is big5's "S瓣o", cp1250's "Rząd że" cp949's "Rz퉐 풽").
_EAST_ASIAN_CHARACTER = re.compile(f"[{_EAST_ASIAN}]")
_EAST_ASIAN_BY_LATIN = re.compile(f"(?<=[a-zA-Z])[{_EAST_ASIAN}]|[{_EAST_ASIAN}](?=[a-zA-Z])")
_EAST_ASIAN_ALONE = re.compile(f"(?<![{_EAST_ASIAN}])[{_EAST_ASIAN}](?![{_EAST_ASIAN}])")


def guess_encoding(data: bytes, candidates: Sequence[str] = _FILE_CANDIDATES) -> str | None:
    """The legacy encoding of non-UTF-8 bytes: windows-1252 unless it reads as a mess
    (:func:`_guess`), and among the Cyrillic code pages the one whose reading is Russian or
    Ukrainian as it is written (:func:`_cyrillic_choice`)."""
    sample = _guess_sample(data)
    if sample is not data:
        guessed = _sample_guess(data, sample, candidates)
        if guessed is not None:
            return guessed
        # the sample's encoding does not fit the whole (bytes beyond it that no other part
        # holds): the whole is guessed
    guessed = _guess(data, candidates)
    if any(name in _CYRILLIC_CODECS for name in candidates):
        with contextlib.suppress(Exception):  # a guess only: hostile bytes must not raise
            guessed = _cyrillic_choice(data, guessed)
    if (
        guessed in _CYRILLIC_CODECS
        and "cp1255" in candidates
        and _hebrew_not_capitals(data, guessed)
    ):
        return "cp1255"
    if guessed != "cp1252" and _signs_only(data, guessed):
        return "cp1252"
    with contextlib.suppress(Exception):  # a guess only: hostile bytes must not raise
        guessed = _likelier_alphabet(data, guessed, candidates)
    return guessed


#: The single-byte code pages of the alphabets other than Latin, each the common one of its
#: script first: the rivals :func:`_likelier_alphabet` weighs a guess against.
_RIVAL_CODECS = (
    "cp1251", "koi8_r", "iso8859_5", "cp1253", "iso8859_7", "cp1255", "iso8859_8",
    "cp1256", "iso8859_6", "cp874",
)  # fmt: skip
#: The languages of charset-normalizer's frequency tables each alphabet is weighed by.
_SCRIPT_LANGUAGES = {
    "CYRILLIC": ("Russian", "Ukrainian", "Bulgarian"),
    "GREEK": ("Greek",),
    "HEBREW": ("Hebrew",),
    "ARABIC": ("Arabic", "Farsi"),
    "THAI": ("Thai",),
}
#: The share, per cent, a letter missing from a language's table is given: a vowel sign or
#: mark too (Arabic news writes no harakat, which Cyrillic bytes read as in cp1256).
_UNLISTED_SHARE = 0.2
#: The fewest letters a reading is weighed on: "у" in cp1251 is "σ" in cp1253, one letter
#: of either; below this the detector's guess stands (with its warning).
_MIN_LIKELY_LETTERS = 3
#: A Hebrew final letter (ך ם ן ף ץ) inside a word, or its other form (כ מ נ פ צ) at the end
#: of a word of two letters or more: Hebrew writes the final forms last and only last (an
#: abbreviation, its geresh or gershayim before the last letter, apart). "ПРЕЗИДЕНТ" in
#: KOI8-R is windows-1255's "נעותיהומפ", no Hebrew word.
_HEBREW_FINAL_MISPLACED = re.compile(
    "[ךםןףץ](?=[\u05d0-\u05ea\u05f0-\u05f2])"
    "|(?<=[\u05d0-\u05ea])[כמנפצ](?![\u05d0-\u05ea\u0591-\u05c7'\"\u05f3\u05f4])"
)


def _zipf_logs(letters: Sequence[str]) -> dict[str, float]:
    """Natural logs of per-cent shares for letters ranked by frequency (most frequent first):
    Zipf's law, share proportional to 1 / rank. charset-normalizer ranks the 26 most
    frequent letters of each language; one law for every table keeps the scores of
    different scripts on one scale, which their measured shares, some tables longer than
    others, would not."""
    harmonic = sum(1 / rank for rank in range(1, len(letters) + 1))
    return {char: math.log(100 / (rank * harmonic)) for rank, char in enumerate(letters, 1)}


_LANGUAGE_LOGS = {
    language: _zipf_logs(FREQUENCIES[language])
    for languages in _SCRIPT_LANGUAGES.values()
    for language in languages
}


def _plausibility(reading: str, script: str) -> float:
    """The mean log share of ``reading``'s letters beyond ASCII in the likeliest language
    of ``script`` (:data:`_SCRIPT_LANGUAGES`), less 3 for each word in ten whose case is
    broken where the script has case: how much the reading looks like text of that language rather than the letters
    another script's bytes make ("ЬЮЫ ДННЫЛД", KOI8's reading of Hebrew, is rare letters)."""
    letters = [
        char.lower()
        for char in reading
        if not char.isascii() and (char.isalpha() or unicodedata.category(char) == "Mn")
    ]  # a vowel sign counts as a letter: one a table does not list is rare
    if len(letters) < _MIN_LIKELY_LETTERS or _HEBREW_FINAL_MISPLACED.search(reading):
        return -math.inf
    if script == "THAI" and not _THAI_VOWEL.search(reading):
        return -math.inf  # Thai writes a vowel sign in nearly every word
    unlisted = math.log(_UNLISTED_SHARE)
    best = max(
        sum(_LANGUAGE_LOGS[language].get(char, unlisted) for char in letters) / len(letters)
        for language in _SCRIPT_LANGUAGES[script]
    )
    if script not in _CASED:
        return best
    words = [word for word in _WORD.findall(reading) if not word.isascii()]
    misspelt = _greek_misspelt if script == "GREEK" else _cyrillic_misspelt
    broken = sum(1 for word in words if not _cased_word(word) or misspelt(word))
    return best - 3 * broken / max(len(words), 1)


#: How much likelier (mean log share of letters, in nats) another alphabet's reading must
#: be than the guess's to replace it.
_LIKELIER_MARGIN = 0.1
#: How much likelier still a Hebrew reading must be to replace Cyrillic in small letters.
_HEBREW_OVER_SMALL = 0.35
#: What a reading in capitals alone loses (nats) against one in small letters spelled as
#: its language is: running text is written in small letters.
_CAPITALS_COST = 1.0


def _likelier_alphabet(data: bytes, guessed: str | None, candidates: Sequence[str]) -> str | None:
    """``guessed``, unless another alphabet's code page reads ``data`` clearly likelier
    (:data:`_LIKELIER_MARGIN`) as its own words (:func:`_rival_alphabet`), where the guess
    is a single-byte code page whose reading is no alphabet's words (Arabic in ISO 8859-6
    as cp874's misspelt Thai, Thai as cp1250's signs), or Cyrillic that is capitals only
    (Hebrew and Arabic letters are KOI8's and cp1251's capitals), or Cyrillic a Greek code
    page reads as Greek (cp1251's small letters are cp1253's). On a word or two
    charset-normalizer ranks every such reading alike (chaos 0, coherence 0) and the first
    in its order won. Plain Cyrillic in small letters is not questioned by Arabic readings
    (only by Thai, whose spelling rules are evidence of their own, and by Hebrew far
    likelier, :data:`_HEBREW_OVER_SMALL`): by letters' frequencies alone "суд" (ISO
    8859-5) is likelier Arabic "لمش" (cp1256). Cyrillic spelled as no Cyrillic word is
    (:func:`_cyrillic_misspelt`) is questioned as capitals are; capitals alone are by
    Greek in small letters too, which they lose :data:`_CAPITALS_COST` against. A Hebrew
    reading with a final letter inside a word is no alphabet's words. Latin readings are
    left to the Western, Central European and Baltic rules, East Asian ones to
    :func:`east_asian_script`."""
    if guessed is None or guessed in _EAST_ASIAN_CODECS or data.isascii():
        return guessed
    data = data[:_CYRILLIC_SAMPLE]  # single-byte code pages: any cut is whole characters
    reading = _decode_with(data, guessed)
    if reading is None:
        return guessed
    script = _alphabet_reading(reading)
    if script == "HEBREW" and _HEBREW_FINAL_MISPLACED.search(reading):
        script = None  # a final letter inside a word: windows-1255's "דֿםהֹ" is Arabic "مدينة"
    if script is None:
        return _rival_alphabet(data, guessed, -math.inf, candidates, _SCRIPT_LANGUAGES)
    if script != "CYRILLIC":
        return guessed
    capitals = not any(char.islower() for char in reading if not char.isascii())
    greek = next((name for name in ("cp1253", "iso8859_7") if name in candidates), None)
    if (
        not capitals
        and greek is not None
        and _greek_likelier(_decode_with(data, greek), reading, _LIKELIER_MARGIN)
    ):
        return greek
    score = _plausibility(reading, script)
    if capitals or any(map(_cyrillic_misspelt, _WORD.findall(reading))):
        rivals: tuple[str, ...] = ("HEBREW", "ARABIC", "THAI")
        if capitals and _greek_in_small_letters(data, reading, candidates):
            rivals = ("GREEK", *rivals)
            score -= _CAPITALS_COST
        return _rival_alphabet(data, guessed, score, candidates, rivals)
    # Thai spelled as Thai is (:data:`_THAI_MISSPELT`, a vowel sign) is evidence enough;
    # Hebrew is when far likelier (its letters are cp1251's small ones, byte for byte)
    hebrew = _rival_alphabet(data, guessed, score + _HEBREW_OVER_SMALL, candidates, ("HEBREW",))
    if hebrew != guessed:
        return hebrew
    return _rival_alphabet(data, guessed, score, candidates, ("THAI",))


def _greek_in_small_letters(data: bytes, capitals: str, candidates: Sequence[str]) -> bool:
    """Whether a Greek code page reads ``data``, which a Cyrillic code page reads as
    ``capitals`` alone, as Greek words in small letters spelled as Greek is (no word
    :func:`_greek_misspelt`): then Greek is a rival to weigh. windows-1253's small letters
    are KOI8's capitals, byte for byte, so "στρατός" was read as "СТЯАТЭР"; running text
    is written in small letters (:func:`_small_over_capitals`), and KOI8 capitals read as
    Greek break its spelling (no accent on a word of two syllables, "ϊαρχι" for "ЗАЯВИ")."""
    for name in ("cp1253", "iso8859_7"):
        greek = _decode_with(data, name) if name in candidates else None
        if greek is None or _alphabet_reading(greek) != "GREEK":
            continue
        words = [word for word in _WORD.findall(greek) if not word.isascii()]
        if _small_over_capitals(greek, capitals) and not any(map(_greek_misspelt, words)):
            return True
    return False


def _rival_alphabet(
    data: bytes, guessed: str, score: float, candidates: Sequence[str], scripts: Iterable[str]
) -> str:
    """The code page of :data:`_RIVAL_CODECS` whose reading of ``data`` is words of one of
    ``scripts`` likeliest (:func:`_plausibility`), when more so than ``score`` (the guess's)
    by :data:`_LIKELIER_MARGIN`; else ``guessed``. A script's later code page must beat
    its common one (first in :data:`_RIVAL_CODECS`) by that margin too: "وزارة" in
    windows-1256 is ISO 8859-6's "نزارة", as likely by letters."""
    best, best_score, best_script = guessed, score + _LIKELIER_MARGIN, None
    for name in _RIVAL_CODECS:
        if name not in candidates:
            continue
        rival = _decode_with(data, name)
        rival_script = _alphabet_reading(rival)
        if rival is None or rival_script is None or rival_script not in scripts:
            continue
        rival_score = _plausibility(rival, rival_script)
        if rival_score > best_score and not (
            best_script == rival_script and rival_score < (best_score + _LIKELIER_MARGIN)
        ):
            best, best_score, best_script = name, rival_score, rival_script
    return best


#: How many words of capitals a Cyrillic reading must be to give way to a Hebrew one.
_MIN_CAPITAL_WORDS = 3


def _hebrew_not_capitals(data: bytes, guessed: str) -> bool:
    """Whether a Cyrillic reading of ``data`` by ``guessed`` is words of capitals only
    (three or more) where windows-1255 reads Hebrew words: Hebrew's letters are KOI8's
    capitals, byte for byte, so a Hebrew line read as "ДЫПИИМ ЦПЕ АЫИЗЕС" scored as
    Russian; Russian news is written in small letters with capitals, never capitals only
    for a whole text in KOI8. A lone name or headline of capitals stays Cyrillic."""
    reading = _decode_with(data, guessed)
    if reading is None or any(char.islower() for char in reading if not char.isascii()):
        return False
    words = [word for word in _WORD.findall(reading) if not word.isascii()]
    if len(words) < _MIN_CAPITAL_WORDS or not all(word.isupper() for word in words):
        return False
    hebrew = _decode_with(data, "cp1255")
    misspelt = hebrew is None or bool(_HEBREW_FINAL_MISPLACED.search(hebrew))
    return not misspelt and _alphabet_reading(hebrew) == "HEBREW"


def _signs_only(data: bytes, guessed: str | None) -> bool:
    """Whether windows-1252 reads ``data`` as signs with no letter beyond ASCII ("® — …")
    and ``guessed`` as no word of two letters beyond ASCII: no reading has a word to tell
    a code page by, and windows-1252's is the usual one ("® — …" came out as "о Ч Е")."""
    western = _decode_with(data, "cp1252")
    reading = _decode_with(data, guessed)
    if western is None or reading is None:
        return False
    if any(char.isalpha() for char in western if not char.isascii()):
        return False
    return not any(len(word) >= 2 and not word.isascii() for word in _WORD.findall(reading))


#: How many bytes of a file its encoding is guessed from (:func:`_guess_sample`).
_GUESS_SAMPLE = 64 * 1024
#: A byte beyond ASCII: the lines that hold one are what tells an encoding.
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
#: The bytes below which no byte of any East Asian encoding is a character's second byte
#: (GB18030's four-byte characters have digits there): a cut after one splits no character.
_NO_TRAIL = 0x30


def _sample_guess(data: bytes, sample: bytes, candidates: Sequence[str]) -> str | None:
    """The encoding :func:`_guess_sample`'s ``sample`` tells, when it decodes ``data``
    whole; None when it does not. A sample that ends inside a line (one line longer than
    the sample, with no ASCII blank or sign to cut it at) is guessed with 0 to 3 of its last
    bytes dropped too, the first East Asian guess that decodes the whole winning: a
    character of two bytes cut in two made the sample no Chinese, and windows-1252, which
    decodes any bytes, read a GBK article as mojibake."""
    cuts = (
        (sample,)
        if sample.endswith(b"\n") or sample[-1:] < bytes([_NO_TRAIL])
        else tuple(sample[: len(sample) - drop] for drop in range(4))
    )  # a sample cut after a byte below _NO_TRAIL splits no character: one guess, not four
    if len(cuts) > 1:  # the cut whose reading is text of its script tells it first
        for cut in cuts:
            script = east_asian_script(cut)
            if script in candidates and _decode_with(data, script) is not None:
                return script
    fallback: str | None = None
    for cut in cuts:
        guessed = guess_encoding(cut, candidates)
        if guessed is None or _decode_with(data, guessed) is None:
            continue
        if guessed in _EAST_ASIAN_CODECS or len(cuts) == 1:
            return guessed
        fallback = fallback or guessed
    return fallback


def _guess_sample(data: bytes) -> bytes:
    """The part of ``data`` its encoding is guessed from: all of it up to
    :data:`_GUESS_SAMPLE` bytes, else its whole lines that hold bytes beyond ASCII (what
    tells an encoding) up to that many. The guess reads its input several times over in
    Python (each code page's words, each script's letters): a legacy file of 5 MB took a
    minute to decode, one of 50 MB ten, before a model saw a word of it. Only whole lines:
    a line cut at a byte count split a Chinese or Japanese character in two half the time,
    and the sample read as windows-1252. A first line longer than the sample is cut after
    its last byte below :data:`_NO_TRAIL` (no character's second byte). Each byte is looked
    at a bounded number of times: a pattern matching a whole line around a high byte went
    back over every long ASCII line, quadratic in its length."""
    if len(data) <= _GUESS_SAMPLE:
        return data
    lines: list[bytes] = []
    size = 0
    at = 0  # the start of a line not yet looked at
    while size < _GUESS_SAMPLE:
        match = _HIGH_BYTE.search(data, at)
        if match is None:
            break
        start = data.rfind(b"\n", at, match.start()) + 1 or at
        end = data.find(b"\n", match.start()) + 1 or len(data)
        line = data[start:end]
        if size + len(line) > _GUESS_SAMPLE:
            if lines:
                break
            line = line[:_GUESS_SAMPLE]
            cut = max(line.rfind(bytes([byte])) for byte in range(_NO_TRAIL))
            line = line[: cut + 1] if cut > 0 else line
        lines.append(line)
        size += len(line)
        at = end
    return b"".join(lines)


def _guess(data: bytes, candidates: Sequence[str]) -> str | None:
    """The legacy encoding of non-UTF-8 bytes: windows-1252 unless it reads as a mess.

    The one preference both whole files and single lines or rows are decoded
    by. On a short text ("Kanö", a line or two) many code pages decode to
    something, and the one charset-normalizer ranks first is close to a coin
    toss ("visité" came out as mac_latin2, "München" as cp775's "M³nchen");
    on a long French text it still picks cp1257 over windows-1252. So
    windows-1252, the usual legacy encoding of news text, is taken whenever
    its reading is words (:func:`_words`) without the marks of Central
    European text (:func:`_central_european`), with a "chaos", as
    charset-normalizer measures it, under charset-normalizer's own limit.
    Otherwise the ``candidates`` compete: the least chaotic, then most
    coherent, then earliest of those whose readings are words wins (the
    multi-byte East Asian encodings come last: on a few Thai words cp932's
    half-width katakana are no more chaotic than cp874; and they do not compete
    when no East Asian reading is evident (:func:`east_asian_script`) and a code page
    of an alphabet reads the bytes as its words, "ΟΛΥΜΠΙΑΚΟΣ" being no "ﾏﾋﾕﾌﾐﾉﾁﾊﾏﾓ"
    (:func:`_alphabet_words`). When windows-1252's
    reading is words, not Central European, and only chaotic (a few words
    dense with accents, "déjà à"), another Latin code page is no better:
    only a reading in another script wins over it. When charset-normalizer
    offers no reading that is words (it gives up on some short texts), the
    first candidate whose reading is, else windows-1252 if it decodes at
    all. None when nothing fits.
    """
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None  # bytes windows-1252 leaves undefined: another code page
    if "cp1254" in candidates and _turkish(data) and not _latvian_as_turkish(data, western):
        return "cp1254"
    with contextlib.suppress(Exception):  # a guess only: hostile bytes must not raise
        central = _central_european_codec(data, western, candidates)
        if central is not None:
            return central
        if "cp1257" in candidates and _baltic(data, western):
            return "cp1257"
    other_scripts = False  # whether only readings in scripts other than Latin may compete
    try:
        if western is not None and _words(western) and not _central_european(western):
            if mess_ratio(western, 1.0) < _MAX_CHAOS:
                return "cp1252"
            other_scripts = True  # only chaotic: another Latin code page is no better
        script = east_asian_script(data)
        if script in candidates:  # a reading its script writes: no code page's mojibake
            return script
        if any(_alphabet_words(data)):  # Greek capitals are no cp932 half-width katakana
            candidates = [name for name in candidates if name not in _EAST_ASIAN_CODECS]
        matches = list(charset_normalizer.from_bytes(data, cp_isolation=list(candidates)))
    except Exception:  # a guess only: hostile bytes must not make it raise
        return None
    readings = [match for match in matches if _reads_as_words(data, match.encoding, other_scripts)]
    if other_scripts and not readings:
        return "cp1252"
    if readings:  # a tie (a short text gives little to go by) goes to the earlier candidate
        rank = {name: place for place, name in enumerate(candidates)}
        best = min(
            readings,
            key=lambda match: (match.chaos, -match.coherence, rank.get(match.encoding, len(rank))),
        )
        return str(best.encoding)
    # charset-normalizer gives up on some short texts, or offers only readings that are no words
    fitting = (name for name in candidates if _reads_as_words(data, name))
    return next(fitting, None if western is None else "cp1252")


#: The code pages Russian and Ukrainian are written in. They map the same 66 letters to
#: different bytes, so each reads the others' text as Cyrillic letters too: lower-case
#: KOI8-R is upper-case cp1251 ("мир" is cp1251's "НЙТ"), and charset-normalizer ranks
#: the mojibake first as often as not. The order breaks ties (the common page first).
_CYRILLIC_CODECS = ("cp1251", "koi8_r", "iso8859_5", "koi8_u", "cp866", "mac_cyrillic")
#: How often each letter occurs in Russian, Ukrainian or Bulgarian text, per cent (the
#: largest of the languages' shares: ъ is Bulgarian's vowel; letters of none, such as
#: Serbian's, get :data:`_RARE_LETTER`).
_CYRILLIC_FREQUENCY = {
    "о": 10.0, "е": 8.0, "а": 8.0, "и": 7.0, "н": 7.0, "т": 6.0, "с": 5.5, "р": 4.7,
    "в": 4.6, "л": 4.4, "к": 3.6, "м": 3.2, "д": 3.0, "п": 2.9, "у": 3.0, "я": 2.0,
    "ы": 1.9, "ь": 1.7, "г": 1.7, "з": 2.0, "б": 1.6, "ч": 1.4, "й": 1.2, "х": 1.1,
    "ж": 0.9, "ш": 0.7, "ю": 0.7, "ц": 0.8, "щ": 0.4, "э": 0.3, "ф": 0.3, "ъ": 1.5,
    "ё": 0.1, "і": 6.0, "ї": 0.8, "є": 0.4, "ґ": 0.05,
}  # fmt: skip
_RARE_LETTER = 0.01
#: The log share a quotation mark, dash or ellipsis counts for among a text's letters.
_PUNCTUATION_LOG = math.log(0.3)
_CYRILLIC_LOG = {letter: math.log(share) for letter, share in _CYRILLIC_FREQUENCY.items()}
#: Characters beyond ASCII a Cyrillic text writes besides its letters: what the code pages
#: give for other bytes (box drawing, Latin letters, symbols) is no reading of such a text.
_CYRILLIC_PUNCTUATION = frozenset("«»—–…№„“”‘’\u00a0·")
#: The least mean log share of a reading's letters for it to be Russian or Ukrainian when
#: the guess was another code page whose reading is no words: such texts score about 1.6
#: (a few short words 1.1), mojibake of them below 0.5.
_CYRILLIC_MIN_SCORE = 0.8


#: A Cyrillic letter touching an ASCII one, or a sign of :data:`_CYRILLIC_PUNCTUATION`
#: between two letters: no Russian or Ukrainian word is spelled so.
_CYRILLIC_MIXED = re.compile(
    r"[a-zA-Z][\u0400-\u04ff]|[\u0400-\u04ff][a-zA-Z]|(?<=[^\W\d_])[№«»„“”‘’·](?=[^\W\d_])"
)


#: Thai's vowel signs, leading vowels and tone marks: Thai text writes them in nearly every
#: word; Cyrillic capitals in ISO 8859-5 read as Thai consonants alone ("ฒ ผพมบฒต").
_THAI_VOWEL = re.compile("[\u0e30-\u0e3a\u0e40-\u0e4e]")


#: How many of a file's first bytes the Cyrillic code pages are told by: enough text, and
#: a bound on the work for a file of any size.
_CYRILLIC_SAMPLE = 64 * 1024


def _cyrillic_choice(data: bytes, guessed: str | None) -> str | None:
    """``guessed``, unless a Cyrillic code page reads ``data`` as Russian or Ukrainian as
    it is written and ``guessed`` does not: every character beyond ASCII a Cyrillic letter
    or a punctuation mark of such text, words all small, all capitals or capitalised, and
    letters as frequent as in the language (:func:`_cyrillic_score`). A lower-case KOI8-R
    text was read as cp1251's capitals, cp866 as cp874's Thai, mac-cyrillic as cp1256:
    every Cyrillic page reads the others' bytes as letters, and only the case pattern and
    the letters' frequencies tell the text from its mojibake."""
    data = data[:_CYRILLIC_SAMPLE]  # single-byte code pages: any cut is whole characters
    if data.isascii() or (guessed == "cp1252" and _plainly_western(data)):
        return guessed
    scores = {}
    for name in _CYRILLIC_CODECS:
        score = _cyrillic_score(_decode_with(data, name))
        if score is not None:
            scores[name] = score
    if not scores:
        return guessed
    best = max(scores, key=lambda name: (scores[name], -_CYRILLIC_CODECS.index(name)))
    if guessed in scores and scores[guessed] >= scores[best]:
        return guessed
    cyrillic = [
        word for word in _WORD.findall(_decode_with(data, best) or "") if not word.isascii()
    ]
    small = any(len(word) >= 2 and word.islower() for word in cyrillic)
    if guessed in _EAST_ASIAN_CODECS and _decode_with(data, guessed) is not None and not small:
        return guessed  # "東京" in cp932 is "УМЛЮ", capitals alone: no Russian text
    if guessed is not None and not any(len(word) >= 2 for word in cyrillic):
        signs = _decode_with(data, guessed) or ""
        if not any(char.isalpha() for char in signs if not char.isascii()):
            return guessed  # signs alone ("® — …"): no reading has a word to tell it by
    if guessed in _CYRILLIC_CODECS or guessed is None:
        return best
    # another code page's reading: words of its alphabet (Greek, Hebrew, Thai spelled as
    # Thai is) stand; what is no alphabet's words loses to plain Russian or Ukrainian
    reading = _decode_with(data, guessed)
    script = _alphabet_reading(reading)
    if script == "GREEK":  # Russian in cp1251 is Greek letters in cp1253: the likelier wins
        greek = _greek_score(reading)
        if greek is None or _small_over_capitals(_decode_with(data, best) or "", reading or ""):
            return guessed if greek is None else best
        return guessed if greek >= scores[best] else best
    if script is not None and not (script == "THAI" and not _THAI_VOWEL.search(reading or "")):
        return guessed
    return best if scores[best] >= _CYRILLIC_MIN_SCORE else guessed


def _cyrillic_score(reading: str | None) -> float | None:
    """How much ``reading`` is Russian or Ukrainian as written (:func:`_letters_score`)."""
    if reading is None or _CYRILLIC_MIXED.search(reading):
        return None  # Latin letters or a sign inside a word: Western bytes' ("Rz№d", "мbung")
    return _letters_score(reading, _CYRILLIC_LOG, "\u0400", "\u04ff", _cyrillic_misspelt)


#: A hard or soft sign after no consonant (opening a word, after a vowel or a sign), or the
#: hard sign ending a word: Russian, Ukrainian and Bulgarian write them after a consonant,
#: the hard sign never last since their spelling reforms (1918, 1945). Bulgarian's ъ is
#: frequent, but "уряд" in KOI8 is cp1251's "СПЪД", Arabic "شركة" in cp1256 KOI8's "тяъи".
#: And й or ї after a consonant: they follow a vowel, or open a word ("йод", "їхні").
#: Hebrew's yod is cp1251's й, so Hebrew read so is full of it ("עיר" is "тйш"). And ы, ю
#: or я after ж, ш, ч, щ, which write и, у, а there ("жи-ши", "ча-ща", "чу-щу"; loanwords
#: as "жюри" apart): Greek "χώρας" in windows-1253 is cp1251's "чюсбт".
_CYRILLIC_SIGN_MISPLACED = re.compile(
    "(?<![бвгджзйклмнпрстфхцчшщђјљњћџѓќѕБВГДЖЗЙКЛМНПРСТФХЦЧШЩЂЈЉЊЋЏЃЌЅ])[ьъЬЪ]"
    "|(?<=[\u0400-\u04ff])[ъЪ]$"
    "|(?<=[бвгджзклмнпрстфхцчшщьъБВГДЖЗКЛМНПРСТФХЦЧШЩЬЪ])[йЙїЇ]"
    "|(?<=[жшчщЖШЧЩ])[ыюяЫЮЯ]"
)


#: The vowels of the Cyrillic languages (Bulgarian's ъ among them).
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяіїєъў")


def _cyrillic_misspelt(word: str) -> bool:
    """Whether ``word`` is spelled as no Cyrillic word is: vowels alone
    (:func:`_vowels_only`), a sign misplaced (:data:`_CYRILLIC_SIGN_MISPLACED`), or two
    letters or more in small letters without a vowel (abbreviations are capitals; Hebrew,
    written without vowels, reads so in cp1251: "שר צבא" is "щш цба")."""
    if _vowels_only(word) or _CYRILLIC_SIGN_MISPLACED.search(word):
        return True
    return len(word) >= 2 and word.islower() and not _CYRILLIC_VOWELS.intersection(word)


def _letters_score(
    reading: str,
    logs: dict[str, float],
    first: str,
    last: str,
    misspelt: Callable[[str], bool] | None = None,
) -> float | None:
    """The mean natural log of the shares (``logs``) of ``reading``'s letters in its
    language, less 3 for each word in ten whose case pattern is broken ("мОСКВЕ") or that
    the language spells no word so (``misspelt``); None
    when a character beyond ASCII is neither a letter of ``first`` to ``last`` nor a
    punctuation mark such a text writes, or there is no such letter."""
    total = 0.0
    letters = 0
    for char in reading:
        if char.isascii() or char == "\u00a0":
            continue
        if char in _CYRILLIC_PUNCTUATION:  # counted as a rare letter: a reading that makes
            total += _PUNCTUATION_LOG  # a letter "«" skipped its cost ("«а" for "За")
            letters += 1
            continue
        if not (first <= char <= last and char.isalpha()):
            return None
        total += logs.get(char.lower(), math.log(_RARE_LETTER))
        letters += 1
    if not letters:
        return None
    words = [word for word in _WORD.findall(reading) if not word.isascii()]
    misspelt = misspelt or _vowels_only
    broken = sum(1 for word in words if not _cased_word(word) or misspelt(word))
    return total / letters - 30 * broken / max(len(words), 1) / 10


#: The vowels of Russian, Ukrainian, Bulgarian and Greek (with Greek's accents).
_VOWELS = frozenset("аеёиоуыэюяіїєαεηιουωάέήίόύώϊϋΐΰ")
#: The fewest letters a word of vowels alone is spelled with in none of those languages
#: ("её", "її", "αυ" are words; no word of three vowels and no consonant is).
_MIN_VOWELS_ONLY = 3


def _vowels_only(word: str) -> bool:
    """Whether ``word`` is :data:`_MIN_VOWELS_ONLY` letters or more and vowels alone: no
    Cyrillic or Greek word is, but the bytes of one code page read in another may be
    ("ещё" in Mac Cyrillic is windows-1253's "εωή")."""
    return len(word) >= _MIN_VOWELS_ONLY and all(char in _VOWELS for char in word.lower())


#: How often each letter occurs in Greek text, per cent (final sigma apart): for a Greek
#: reading to be weighed against a Cyrillic one (cp1251's small letters are cp1253's).
_GREEK_FREQUENCY = {
    "α": 10.0, "ο": 8.5, "ι": 7.5, "ε": 7.0, "τ": 8.0, "σ": 4.5, "ς": 2.5, "ν": 6.5,
    "η": 4.5, "υ": 3.5, "ρ": 4.3, "κ": 3.8, "π": 3.8, "μ": 3.0, "λ": 2.8, "ω": 1.5,
    "γ": 1.8, "δ": 1.7, "θ": 1.2, "χ": 1.1, "β": 0.6, "φ": 0.8, "ξ": 0.4, "ζ": 0.3,
    "ψ": 0.15, "ά": 2.0, "έ": 1.5, "ί": 1.5, "ό": 1.5, "ύ": 1.0, "ή": 1.0, "ώ": 0.7,
    "ϊ": 0.1, "ϋ": 0.03, "ΐ": 0.03, "ΰ": 0.01,
}  # fmt: skip
_GREEK_LOG = {letter: math.log(share) for letter, share in _GREEK_FREQUENCY.items()}


def _greek_score(reading: str | None) -> float | None:
    """How much ``reading`` is Greek as written (:func:`_letters_score`), on the scale of
    :func:`_cyrillic_score`."""
    if reading is None:
        return None
    return _letters_score(reading, _GREEK_LOG, "\u0370", "\u03ff", _greek_misspelt)


#: Greek spelled as no Greek word is: a diaeresis vowel (ϊ ϋ ΐ ΰ) after no vowel it would
#: make a diphthong with (the diaeresis parts them: "προϋπόθεση", "Αϊτή"), a final sigma
#: before a letter of its word, a medial sigma last in a word of two letters or more.
#: cp1251's letters read so in windows-1253: "Съезд" is "Ρϊεηδ", "отряд" is "ξςπ˙δ".
_GREEK_MISSPELT = re.compile(
    "(?<![αεουΑΕΟΥ])[ϊΐΪ]|(?<![αεηοΑΕΗΟ])[ϋΰΫ]|ς(?=[\u0370-\u03ff])"
    "|(?<=[\u0370-\u03ff])σ(?![\u0370-\u03ff])"
)


#: A run of Greek vowels (one syllable's, or a diphthong's), and Greek's accented vowels.
_GREEK_VOWEL_RUN = re.compile("[αεηιουωάέήίόύώϊϋΐΰ]+")
_GREEK_ACCENTED = re.compile("[άέήίόύώΐΰ]")


def _greek_misspelt(word: str) -> bool:
    """Whether ``word`` is spelled as no Greek word is (:data:`_GREEK_MISSPELT`), is vowels
    alone (:func:`_vowels_only`), or is a word in small letters of two syllables or more
    without an accent: monotonic Greek marks the stressed vowel of every such word
    ("πρόεδρος", "χώρας"), capitals alone apart. cp1251's small letters read in
    windows-1253 carry none ("президент" is "οπεηθδενς")."""
    if _vowels_only(word) or _GREEK_MISSPELT.search(word):
        return True
    small = word[1:] if word[:1].isupper() else word
    return (
        small.islower()
        and len(_GREEK_VOWEL_RUN.findall(word.lower())) >= 2
        and not _GREEK_ACCENTED.search(word.lower())
    )


def _greek_likelier(greek: str | None, cyrillic: str, margin: float) -> bool:
    """Whether a Greek reading of some bytes is likelier than their Cyrillic one: its
    letters likelier Greek (:func:`_greek_score`) than the other's Russian or Ukrainian by
    more than ``margin``; never when it is capitals only and the Cyrillic reading has
    words in small letters (:func:`_small_over_capitals`).
    KOI8's small letters are windows-1253's capitals, byte for byte, and a capital Alpha,
    Tau or Iota is as frequent a letter as Greek has: "атака" read as "ΑΤΑΛΑ", which
    frequencies alone preferred."""
    if greek is None or _small_over_capitals(cyrillic, greek):
        return False
    greek_score, cyrillic_score = _greek_score(greek), _cyrillic_score(cyrillic)
    if greek_score is None or cyrillic_score is None:
        return False
    return greek_score > cyrillic_score + margin


def _small_over_capitals(small: str, capitals: str) -> bool:
    """Whether ``small`` is the likelier reading by its case alone: words of two letters or
    more in small letters beyond ASCII, where ``capitals`` has no small letter beyond ASCII
    (capitals only). Running text writes most of its words in small letters, capitals
    only in a headline or an acronym; a reading that makes small words capitals is what
    another code page's bytes give, not what was written."""
    if any(char.islower() for char in capitals if not char.isascii()):
        return False
    if not any(char.isupper() for char in capitals if not char.isascii()):
        return False
    words = [word for word in _WORD.findall(small) if not word.isascii()]
    return any(len(word) >= 2 and word.islower() for word in words)


def _cased_word(word: str) -> bool:
    """Whether a word is all small, all capitals or capitalised ("мОСКВЕ" is none)."""
    return word.islower() or word.isupper() or word.istitle()


#: The letters Turkish writes beyond ASCII, and those of them no other language written in
#: a Latin code page shares (cp1254's ı ş ğ İ Ş Ğ are windows-1252's ý þ ð Ý Þ Ð).
_TURKISH_LETTERS = frozenset("çğıİöşüÇĞÖŞÜâîûÂÎÛ")
_TURKISH_OWN = re.compile("[ğıİşŞĞ]")


def _turkish(data: bytes) -> bool:
    """Whether cp1254 reads ``data`` as Turkish: words (:func:`_words`) whose letters beyond
    ASCII are all Turkish ones, and some of them Turkish's own. windows-1252 read such a
    text as Western words ("açıkladı" as "açýkladý") and was taken at once; another
    language's text in a Latin code page writes letters Turkish does not (Icelandic's á,
    Croatian's š, Romanian's ă), so it is never read so. But a name or two in windows-1252
    holds only ð þ ý (Icelandic "Guðmundsson", "Þór", Czech "Poborský", "Ðokovic"), which
    cp1254 reads as ğ ş ı: so no word may start with ğ (no Turkish word does), and a word
    of two letters or more written in small letters must hold one of Turkish's own, or a
    word two of them after its first letter ("Açıkladı"; not "Guğmundsson" or "Şağ")."""
    reading = _decode_with(data, "cp1254")
    if reading is None or not _TURKISH_OWN.search(reading) or not _words(reading):
        return False
    if not all(
        char in _TURKISH_LETTERS for char in reading if char.isalpha() and not char.isascii()
    ):
        return False
    words = _WORD.findall(reading)
    if any(word[0] in "ğĞ" for word in words):
        return False
    return any(
        (len(word) >= 2 and word.islower() and _TURKISH_OWN.search(word))
        or len(_TURKISH_OWN.findall(word[1:])) >= 2
        for word in words
    )


#: Turkish's dotless i, the letter beyond ASCII it writes most (in nearly every sentence),
#: and its circumflex vowels, which it writes only in a few loanwords ("hâlâ", "kâğıt").
_TURKISH_DOTLESS = re.compile("[ıİ]")
_TURKISH_CIRCUMFLEX = re.compile("[âîûÂÎÛ]")


def _latvian_as_turkish(data: bytes, western: str | None) -> bool:
    """Whether a text :func:`_turkish` takes is Latvian in windows-1257: windows-1254
    reads Latvian's ā ī ū š ž as â î û ğ ş, Turkish letters, so "Rīgā noslēdzās" was
    "Rîgâ noslçdzâs". But Turkish writes its dotless ı in nearly every sentence and the
    circumflex vowels in a few loanwords only, while Latvian writes ā ī ū (â î û) in
    nearly every sentence and has no letter that reads as ı: a reading with circumflex
    vowels and no ı that windows-1257 reads as Baltic words (:func:`_baltic`) is Latvian."""
    reading = _decode_with(data, "cp1254") or ""
    if _TURKISH_DOTLESS.search(reading) or not _TURKISH_CIRCUMFLEX.search(reading):
        return False
    return _baltic(data, western)


def _reads_as_words(data: bytes, encoding: str, other_scripts: bool = False) -> bool:
    """Whether ``encoding`` decodes every byte, to words (:func:`_words`); with
    ``other_scripts``, to words of a script other than Latin."""
    reading = _decode_with(data, encoding)
    if reading is None or not _words(reading):
        return False
    return not other_scripts or bool(_NOT_LATIN.search(reading))


#: The letters beyond ASCII each language written in windows-1252 spells its words with
#: (French, German, Spanish, Portuguese, Italian, Catalan, Dutch, Danish and Norwegian,
#: Swedish, Icelandic, Finnish; not š and ž, which only loanwords and names bring), and
#: each written in windows-1250 or ISO 8859-2 (Polish, Czech, Slovak, Hungarian, Croatian
#: and Slovene, Romanian).
_WESTERN_LETTERS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ", "äöüß", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóù", "àçèéíïòóúü",
        "áéíóúàèëïöü", "æøåéó", "åäöé", "áðéíóúýþæö", "äöå",
    )
)  # fmt: skip
#: A Western text quotes another Western language's words ("déjà" in a German text): its
#: letters are those of one language or two.
_WESTERN_PAIRS = tuple(
    first | second for at, first in enumerate(_WESTERN_LETTERS) for second in _WESTERN_LETTERS[at:]
)
_CENTRAL_LETTERS = tuple(
    frozenset(letters)
    for letters in (
        "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "áéíóöőúüű", "čćđšž", "ăâîşţ",
    )
)  # fmt: skip
#: Letters that are no language's own: ordinals and the micro sign.
_ANY_LANGUAGE = frozenset("ªºµ")
#: â last in a word: Romanian, the one language of :data:`_CENTRAL_LETTERS` that writes â,
#: writes it inside a word only (î first and last), but Latvian's ā, which windows-1250
#: reads as â, ends its locatives ("Rīgā", "gāja bojā").
_A_CIRCUMFLEX_LAST = re.compile(r"(?<=[^\W\d_])[âÂ](?![^\W\d_])")
#: The Central European code pages, the common one first.
_CENTRAL_CODECS = ("cp1250", "iso8859_2")
#: The letters of windows-1250 whose bytes are common letters in ISO 8859-2 (ž, ź).
_RARE_CENTRAL = re.compile("[ľĽ]")
#: Two letters or more in a row.
_LETTER_RUN = re.compile(rf"{_LETTER}{{2,}}")
#: Portuguese writes õ only before e ("ações", "põe"): Hungarian's ő read in windows-1252.
_NOT_PORTUGUESE = re.compile("õ(?![eE])")


def _one_language(reading: str, languages: Sequence[frozenset[str]]) -> bool:
    """Whether the letters beyond ASCII of ``reading`` are all the letters of one language."""
    letters = {char.lower() for char in reading if char.isalpha() and not char.isascii()}
    letters -= _ANY_LANGUAGE
    return any(letters <= language for language in languages)


def _central_european_codec(
    data: bytes, western: str | None, candidates: Sequence[str]
) -> str | None:
    """The Central European code page (windows-1250, ISO 8859-2) whose reading of ``data``
    is words of one language written in it, when windows-1252's is not words of one
    Western language (or two: a text quotes another's words); else None. Polish, Czech,
    Hungarian and Croatian read in windows-1252 as letters and signs ("spotkał się" as
    "spotka³ siê", "řekl mluvčí" as "øekl mluvèí", "hétfőn" as "hétfõn") and were taken
    so: each of those letters is some Western language's, but together they are no one
    or two languages', while their Central European reading is one language's letters, in
    words of two letters or more. A windows-1252 text whose
    letters are one language's, or whose Central European reading is not, keeps its
    reading, and so do bytes that are text of an East Asian script."""
    if data.isascii():
        return None
    weigh = False  # whether the Central European reading must be the likelier words
    if western is not None and _words(western) and not _NOT_PORTUGUESE.search(western):
        if _one_western_language(western):
            return None
        weigh = _one_language(western, _WESTERN_PAIRS)
    fitting: list[str] = []
    for name in _CENTRAL_CODECS:
        if name not in candidates:
            continue
        reading = _decode_with(data, name)
        if reading is None or reading == western or not _words(reading):
            continue
        if not all(char.isprintable() or char in "\t\n\r" for char in reading):
            continue
        words = [word for word in _LETTER_RUN.findall(reading) if not word.isascii()]
        if not (words and _one_language(reading, _CENTRAL_LETTERS)):
            continue
        if _A_CIRCUMFLEX_LAST.search(reading):
            continue  # Latvian's locative "Rīgā" is "Rîgâ" here, no Romanian word
        if weigh and western is not None and not _changed_inside_words(reading, western):
            continue
        fitting.append(name)
    # East Asian bytes read as a letter or two of a code page ("日本" in cp932 is cp1250's
    # "“ú–{"): text of an East Asian script is that script's
    if not fitting or east_asian_script(data) in candidates:
        return None
    # both fit: ISO 8859-2's ž is windows-1250's Slovak ľ, a letter written far less
    return min(fitting, key=lambda name: len(_RARE_CENTRAL.findall(_decode_with(data, name) or "")))


#: The Western languages that write one accented letter (acute, grave or circumflex) in a
#: word at most: Spanish, Portuguese, Italian, Catalan and Dutch (whose "één" and "vóór"
#: stress a long vowel with the same one twice); :data:`_WESTERN_LETTERS`' order.
_ONE_ACCENT_LANGUAGES = frozenset(_WESTERN_LETTERS[at] for at in (2, 3, 4, 5, 6))
_ACCENTED = frozenset("áàâéèêíìîóòôúùû")


def _one_western_language(western: str) -> bool:
    """Whether windows-1252's reading is one Western language's letters, spelled as it
    spells its words: Spanish, Portuguese, Italian, Catalan and Dutch write one accented
    letter in a word at most, so "zahranièí" (Czech "zahraničí" in windows-1250) is none
    of theirs."""
    letters = {char.lower() for char in western if char.isalpha() and not char.isascii()}
    letters -= _ANY_LANGUAGE
    words = _WORD.findall(western.lower())
    many = any(len(_ACCENTED.intersection(word)) > 1 for word in words)
    return any(
        letters <= language and not (many and language in _ONE_ACCENT_LANGUAGES)
        for language in _WESTERN_LETTERS
    )


def _changed_inside_words(central: str, western: str) -> bool:
    """Whether every letter a Central European reading has where windows-1252's has another
    is inside a word of two letters or more. A windows-1252 reading that is two Western
    languages' letters and no one language's gives way to one that is one Central
    European language's ("Pøi útoku" needs Danish ø and Spanish ú, "Při útoku" is Czech):
    one language is likelier than two in a sentence. But a letter alone is no evidence:
    French "arrivé à Bogotá" read in windows-1250 is "arrivé ŕ Bogotá", Slovak letters."""
    for match in _WORD.finditer(central):
        word = match.group()
        if len(word) < 2 and word != western[match.start() : match.end()]:
            return False
    return True


#: The letters beyond ASCII Lithuanian, Latvian and Estonian write in windows-1257, and
#: those no Western language writes (Estonian's ä ö õ ü are windows-1252's bytes too).
_BALTIC_LETTERS = tuple(
    frozenset(letters) for letters in ("ąčęėįšųūž", "āčēģīķļņšūž", "äöõüšž")
)  # fmt: skip
_BALTIC_OWN = frozenset("ąčęėįšųūžāēģīķļņ")


def _baltic(data: bytes, western: str | None) -> bool:
    """Whether ``data`` is Lithuanian, Latvian or Estonian in windows-1257: its reading
    words of one of those languages' letters, some of them the Baltic languages' own
    (:data:`_BALTIC_OWN`) inside words of two letters or more, where windows-1252's
    reading is no one Western language's words as it spells them
    (:func:`_western_spelt`). Their letters are windows-1252's þ ð á ø ë â ç î û ("žuvo
    antradienį" is "þuvo antradiená", "pilsēta" "pilsçta"), and every such text was read
    so: the Central European rule weighs windows-1250 and ISO 8859-2 only."""
    if data.isascii():
        return False
    reading = _decode_with(data, "cp1257")
    if reading is None or reading == western or not _words(reading):
        return False
    if not all(char.isprintable() or char in "\t\n\r" for char in reading):
        return False
    if not _one_language(reading, _BALTIC_LETTERS):
        return False
    words = _LETTER_RUN.findall(reading.lower())
    if not any(_BALTIC_OWN.intersection(word) for word in words):
        return False
    if western is None or not _words(western):
        return True
    if _western_spelt(western):
        return False
    return _changed_inside_words(reading, western) and east_asian_script(data) is None


#: Western spelling windows-1252's reading of Baltic letters breaks: French, Portuguese
#: and Catalan write ç before a, o or u only (or last, Catalan's "braç"); the diaeresis of
#: French, Dutch, Catalan, Spanish and Portuguese (ë ï) parts a vowel from the vowel before
#: it; Icelandic opens no word with ð (a capital Ð opens South Slavic names: "Ðokovic"
#: is Đoković); no word of French or Portuguese ends in â, î or û (their circumflex marks
#: a vowel inside a word: "château", "île"), where Latvian's locatives in ā, ī, ū read so.
#: (Latvian "pilsēta" is "pilsçta", "Rīgā" "Rîgâ", Lithuanian "vyriausybė" "vyriausybë",
#: "šalies" "ðalies".)
_WESTERN_MISSPELT = re.compile(
    r"[çÇ](?=[^\W\d_])(?![aouAOUàáâãóôõúùûÀÁÂÃÓÔÕÚÙÛ])"
    "|(?<![aeiouyAEIOUYàáâãäåæèéêëìíîïòóôõöøùúûüÀ-ÆÈ-ÏÒ-ÖØ-Ü])[ëïËÏ]"
    r"|(?<![^\W\d_])ð"
    r"|(?<=[^\W\d_])[âîûÂÎÛ](?![^\W\d_])"
)
#: Icelandic stresses a word's first syllable: a word of five letters or more that ends in
#: a long vowel (á í ó ú é ý) after a consonant is none of its words, but Lithuanian's
#: accusative in -į reads so ("antradienį" is "antradiená").
_ICELANDIC_LONG_LAST = re.compile(r"[^\W\d_]{3}[b-df-hj-np-tv-zð][áíóúéý](?![^\W\d_])")
_ICELANDIC_OWN = re.compile("[þðÞÐ]")


def _western_spelt(western: str) -> bool:
    """Whether windows-1252's reading is one Western language's letters
    (:func:`_one_western_language`), spelled as Western languages spell
    (:data:`_WESTERN_MISSPELT`), and, where it writes Icelandic's own þ or ð, as Icelandic
    does (:data:`_ICELANDIC_LONG_LAST`)."""
    if not _one_western_language(western) or _WESTERN_MISSPELT.search(western):
        return False
    return not (_ICELANDIC_OWN.search(western) and _ICELANDIC_LONG_LAST.search(western))


def _central_european(western: str) -> bool:
    """Whether a windows-1252 reading has the marks of Czech, Slovak or Croatian in cp1250."""
    return bool(_SH_ZH.search(western) and _CENTRAL_EUROPEAN_AS_WESTERN.search(western))


def _plainly_western(data: bytes) -> bool:
    """Whether windows-1252 reads ``data`` as plain Western words: what
    :func:`guess_encoding` takes at once, before any other code page competes."""
    try:
        western = data.decode("cp1252")
        return (
            _words(western)
            and not _central_european(western)
            and mess_ratio(western, 1.0) < _MAX_CHAOS
        )
    except Exception:  # a guess only: hostile bytes must not make it raise
        return False


def _mostly_utf8(escaped: str) -> bool:
    """Whether a line read as UTF-8 (undecodable bytes as surrogate escapes) is UTF-8 text
    with a few stray bytes: more of its bytes beyond ASCII are valid UTF-8 than are not.

    Such a line (a UTF-8 export with one byte cut or pasted in) read in a legacy encoding
    turns all of its text into mojibake to save one byte: "北京" read as gb18030 is
    "鍖椾含". Legacy text is valid UTF-8 only by chance, a pair of bytes here and there.
    """
    if not _UTF8_TEXT.search(escaped):
        return False
    stray = sum(1 for char in escaped if "\udc80" <= char <= "\udcff")
    valid = sum(len(char.encode("utf-8")) for char in escaped if "\x80" <= char < "\udc80")
    valid += sum(len(char.encode("utf-8")) for char in escaped if char > "\udcff")
    return valid > stray


def _words(text: str) -> bool:
    """Whether a reading of bytes is words: no symbol stuck to one, no two scripts in one,
    no Latin one without an ASCII letter, and East Asian characters mostly (three in four)
    run together, not by a Latin letter."""
    if _SYMBOL_BY_A_LETTER.search(text) or _SCRIPTS_MIXED.search(text):
        return False
    if _WORD_WITHOUT_ASCII.search(text):
        return False
    east_asian = len(_EAST_ASIAN_CHARACTER.findall(text))
    if not east_asian:
        return True
    by_latin = len(_EAST_ASIAN_BY_LATIN.findall(text))
    alone = len(_EAST_ASIAN_ALONE.findall(text))
    return 4 * max(by_latin, alone) <= east_asian


# ------------------------------------------------------------ one unit at a time

#: Valid UTF-8 beyond ASCII that is UTF-8 text: a Latin letter ("café"), punctuation or a BOM,
#: or two characters of another script in a row. Not one other character alone: that is a
#: legacy letter and the punctuation after it making a valid pair by chance (windows-1252's
#: "groß“" holds the bytes of U+07D3).
_UTF8_TEXT = re.compile("[\u00a0-\u017f\u2000-\u20cf\ufeff]|[^\x00-\x7f\udc80-\udcff]{2}")


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


def table_encoding(head: bytes) -> str | None:
    """The multi-byte East Asian encoding (Shift-JIS, EUC-KR, GBK...) a table's lines are
    written in, told from the lines of its ``head`` that are not UTF-8, taken together;
    None when they are in any other encoding, or there are none.

    A JSONL or CSV file is decoded a line or row at a time (:func:`unit_decoding`), so
    that one legacy line never changes how its neighbours read. But a line or two of
    Japanese, Korean or Chinese is too little to tell its encoding by: a single-byte code
    page reads it as words of another script ("서울에서 지진이" in EUC-KR came out as
    cp1251's Cyrillic, Shift-JIS rows as U+FFFD) and every row of such a file was
    mojibake. The file's non-UTF-8 lines together are evidence enough; a row that this
    encoding does not fit is still decoded alone.

    Lines that are no evidence are left out of the vote: UTF-8 lines with a stray byte
    (:func:`_mostly_utf8`), and lines windows-1252 reads as plain Western words (two
    Western rows pasted among Japanese ones made the lines together read best as
    gb18030, and every Japanese row came out as Chinese mojibake). A last line the head
    cuts is left out, or when it is the only one (a row longer than the head), it is
    read without the bytes of the character the cut may split.
    """
    if head.isascii():
        return None
    lines = head.splitlines()
    cut: bytes | None = None
    if lines and not head.endswith((b"\n", b"\r")):
        cut = lines.pop()  # cut by the head's end, perhaps inside a character
    foreign = _evidence(lines)
    if not foreign:
        return None if cut is None else _cut_line_encoding(cut)
    guessed = guess_encoding(b"\n".join(foreign), _FILE_CANDIDATES)
    if guessed in _EAST_ASIAN_CODECS or len(foreign) < 2:
        return guessed if guessed in _EAST_ASIAN_CODECS else None
    # Central European or other rows among East Asian ones (a file pasted together) make
    # the lines together no East Asian text: the most lines one such encoding reads as
    # words (gb18030 decodes nearly any bytes), when most, are told alone
    fits = ([line for line in foreign if _fits_table(line, name)]
            for name in sorted(_EAST_ASIAN_CODECS))  # fmt: skip
    lines = max(fits, key=len)
    if 2 * len(lines) <= len(foreign) or len(lines) == len(foreign):
        return None
    guessed = guess_encoding(b"\n".join(lines), _FILE_CANDIDATES)
    return guessed if guessed in _EAST_ASIAN_CODECS else None


def _evidence(lines: Iterable[bytes]) -> list[bytes]:
    """The lines an East Asian encoding is told from (:func:`table_encoding`), up to
    :data:`_TABLE_GUESS_BYTES`: not UTF-8, not UTF-8 with stray bytes, not plain Western."""
    foreign: list[bytes] = []
    size = 0
    for line in lines:
        if size >= _TABLE_GUESS_BYTES:
            break
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            escaped = line.decode("utf-8", "surrogateescape")
            if not _mostly_utf8(escaped) and not _plainly_western(line):
                foreign.append(line)
                size += len(line)
    return foreign


def _cut_line_encoding(cut: bytes) -> str | None:
    """The East Asian encoding of one line cut short (by the head's end, or here, to bound
    the work): with 0 to 3 of its last bytes dropped, the first guess whose encoding decodes
    the rest. A cut inside a character made every byte past the last ASCII one dropped, and
    a GBK article of one long row was read as a single-byte code page's mojibake."""
    cut = cut[:_TABLE_GUESS_BYTES]
    for drop in range(4):
        line = cut[: len(cut) - drop]
        if not _evidence([line]):
            return None
        guessed = guess_encoding(line, _FILE_CANDIDATES)
        if guessed in _EAST_ASIAN_CODECS and _decode_with(line, guessed) is not None:
            return guessed
    return None


def unit_decoding(data: bytes, table: str | None = None) -> UnitDecoding:
    """Choose how to decode one line or row (JSONL, CSV) from its own bytes alone.

    A file assembled from several sources mixes encodings line by line, so
    one non-UTF-8 line must not decide how its neighbours are read (decoding
    the whole file as Latin-1 turns every other line's "café" into "cafÃ©").
    Order: UTF-8 (most lines; no warning); then, when the line holds no valid
    UTF-8 text beyond ASCII (:data:`_UTF8_TEXT`), the legacy encoding its
    bytes suggest (:func:`guess_encoding`, the preference whole files are
    decoded by too, among :data:`_UNIT_CANDIDATES`); a line that mixes valid
    UTF-8 with other bytes, or that no ASCII-compatible encoding fits, keeps
    its UTF-8 and has U+FFFD for the bytes that are not. ``table`` is the encoding of the
    file the line is in, when its head tells one (:func:`table_encoding`): a line that is
    not UTF-8 and that it reads as words is decoded by it, before any guess, unless the
    line is UTF-8 with stray bytes or plain Western words (:func:`_table_fits`). Never raises.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return UnitDecoding("utf-8")
    escaped = data.decode("utf-8", "surrogateescape")
    script = east_asian_script(data)  # text its script writes: no mojibake, no chance UTF-8
    fits = table is not None and _table_fits(data, escaped, table)
    if table is not None and fits and (script in (None, table) or _in_own_script(data, table)):
        return UnitDecoding(table, warning=f"not UTF-8 text: decoded as {table}, as its file is")
    if script is not None:  # a row the table's encoding reads as no text of its script
        return UnitDecoding(script, warning=f"not UTF-8 text: decoded as {script}")
    if not _mostly_utf8(escaped) or _cyrillic_by_chance(data, escaped):
        guessed = guess_encoding(data, _UNIT_CANDIDATES)
        if guessed and is_ascii_compatible(guessed) and _decode_with(data, guessed) is not None:
            return UnitDecoding(guessed, warning=f"not UTF-8 text: decoded as {guessed}")
    bad = sum(1 for char in escaped if "\udc80" <= char <= "\udcff")
    return UnitDecoding(
        "utf-8",
        "replace",
        f"not UTF-8 text, and no one encoding fits it: {bad} undecodable bytes replaced by U+FFFD",
    )


#: The characters a line that is UTF-8 with stray bytes holds beyond ASCII: Latin, Greek,
#: Cyrillic, Armenian letters, punctuation, a BOM. What legacy Cyrillic bytes make valid
#: UTF-8 by chance lies elsewhere (cp866's "при" holds U+0A2D, Gurmukhi).
_UTF8_LETTER = re.compile("[\u00a0-\u058f\u2000-\u20cf\ufeff]")


def _cyrillic_by_chance(data: bytes, escaped: str) -> bool:
    """Whether a line whose bytes are more valid UTF-8 than not is Russian or Ukrainian in a
    Cyrillic code page, the valid UTF-8 of chance: a Cyrillic page reads it as such text
    (:func:`_cyrillic_score`), and none of its valid UTF-8 characters beyond ASCII is a
    letter of an alphabet or punctuation (:data:`_UTF8_LETTER`). cp866's "приняли" has
    three chance UTF-8 characters among five stray bytes, and the line was U+FFFD."""
    valid = (char for char in escaped if char > "\x7f" and not "\udc80" <= char <= "\udcff")
    if any(_UTF8_LETTER.match(char) for char in valid):
        return False
    scores = (_cyrillic_score(_decode_with(data, name)) for name in _CYRILLIC_CODECS)
    return any(score is not None and score >= _CYRILLIC_MIN_SCORE for score in scores)


def _table_fits(data: bytes, escaped: str, table: str) -> bool:
    """Whether a line that is not UTF-8 is decoded by its table's encoding: not when it is
    UTF-8 with stray bytes (:func:`_mostly_utf8`), nor when the encoding reads it as no
    words (:func:`_fits_table`), nor when windows-1252 reads it as plain Western words
    with less chaos. A row's decoding is never worse than those readings of it."""
    if _mostly_utf8(escaped) or not _fits_table(data, table):
        return False
    return not _plainly_western(data) or _less_chaotic(data, table, than="cp1252")


def _fits_table(data: bytes, table: str) -> bool:
    """Whether the table's encoding reads ``data`` as words (:func:`_words`), every character
    printable and none private-use: a Western row pasted into a Chinese table ("Zürich" in
    windows-1252) decodes in gb18030 too, as "Z黵ich", and in cp932 with a private-use
    character; such a row is guessed on its own, as in any table."""
    read = _decode_with(data, table)
    if read is None or not _words(read):
        return False
    return all((char.isprintable() or char in "\t\r\n") and not _private(char) for char in read)


def _less_chaotic(data: bytes, encoding: str, *, than: str) -> bool:
    """Whether ``encoding`` reads ``data`` with less chaos (charset-normalizer's measure)
    than ``than`` does; ties go to ``encoding``."""
    mine, other = _decode_with(data, encoding), _decode_with(data, than)
    if mine is None or other is None:
        return other is None
    try:
        return mess_ratio(mine, 1.0) <= mess_ratio(other, 1.0)
    except Exception:  # a guess only: hostile text must not make it raise
        return True


def _private(char: str) -> bool:
    return unicodedata.category(char) == "Co"


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


# ------------------------------------------------------------ East Asian scripts

#: The East Asian encodings told apart by the script their reading is in, in the order
#: they are tried (:func:`east_asian_script`): each script's codecs, the common one first.
_SCRIPT_CODECS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Japanese", ("cp932", "euc_jp")),
    ("Korean", ("euc_kr", "cp949")),
    ("Chinese", ("gb18030", "big5")),
)
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HALF_WIDTH_KANA = re.compile("[\uff61-\uff9f]")
#: Box drawing: rows of the East Asian character sets that no news text writes, but that
#: Thai in cp874 reads as in EUC-JP ("ตำรวจ..." as "脚断┬兀『措...").
_BOX_DRAWING = re.compile("[\u2500-\u257f]")
_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")
#: Ideographs a space apart: Chinese sets no spaces between its words; a spaced text
#: (Korean, or an alphabet's code page read as Chinese) is no Chinese.
_SPACED_IDEOGRAPHS = re.compile("[\u4e00-\u9fff] +[\u4e00-\u9fff]")
#: How much of a reading must be in its script for the script to tell the encoding.
_IN_SCRIPT = 0.9
#: The most frequent characters of Korean and Chinese text.
_FREQUENT = {script: frozenset(FREQUENCIES.get(script, ())) for script in ("Korean", "Chinese")}


def east_asian_script(data: bytes) -> str | None:
    """The East Asian encoding whose reading of ``data`` is valid text of its own script,
    or None when none is, or ``data`` is plain Western words.

    On a sentence or two charset-normalizer's ranking is a coin toss between code pages:
    Japanese in Shift-JIS came out as cp949's Hangul, EUC-JP and GB2312 as cp874's Thai,
    EUC-KR as cp1251's Cyrillic, all silently. But each script has letters the others'
    bytes do not make, so a reading is taken when it is text its script writes:

    * Japanese (cp932, EUC-JP): kana among the characters (every Japanese sentence has
      them; no other script's bytes read as kana in these codecs), nine in ten of them
      kana or ideographs;
    * Korean (EUC-KR, cp949): nine in ten characters beyond ASCII Hangul syllables of
      KS X 1001 (:func:`_common_hangul`);
    * Chinese (GB18030, Big5): nine in ten characters beyond ASCII ideographs of the
      encoding's common level (GB2312's first level, Big5's frequent characters: what
      Chinese text is written in, which the bytes of an alphabet rarely make), no kana
      or Hangul, and no space between two ideographs.

    In every case every character is printable, assigned and not private-use, no
    half-width katakana, and the reading is words (:func:`_words`). Japanese, when valid,
    wins. Korean and Chinese can both be (every EUC-KR syllable is a GB2312 ideograph's
    bytes, and Chinese whose bytes all fall in the Hangul rows reads as Hangul): then
    Korean's word spacing decides, else the share of each language's most frequent
    characters (charset-normalizer's tables) in its reading, else a Chinese full stop or
    comma, else the order above.

    Korean and Chinese readings are only evidence when the bytes are no alphabet's words
    (:func:`_alphabet_words`): a lead byte B0 to D7 and any trail A1 to FE is a GB2312
    first-level ideograph, B0 to C8 a KS X 1001 syllable, so every even run of high bytes
    passes the nine in ten ("МОСКВА" in cp1251 read as "涛咽吕", "ИВАН" as "횹익"). Words
    of a cased alphabet (Cyrillic, Greek, Latin, their case pattern kept) leave the bytes
    to the code pages' guess; words of Thai, Hebrew or Arabic, which East Asian bytes make
    by chance, do unless the reading is evidently Korean or Chinese (:func:`_evident`).
    Japanese with kana is evidence enough and is not questioned.
    """
    if data.isascii() or _plainly_western(data):
        return None
    valid: list[tuple[str, str, str]] = []
    for script, codecs_ in _SCRIPT_CODECS:
        for name in codecs_:
            reading = _decode_with(data, name)
            if reading is not None and _valid_in(script, name, reading):
                if script == "Japanese":
                    return name
                valid.append((script, name, reading))
                break  # the script's common codec read it: its superset would too
    if valid:
        cased, uncased = _alphabet_words(data)
        valid = [found for found in valid if not (cased or (uncased and not _evident(*found)))]
    if not valid:
        return None  # an alphabet's own words: two high bytes make a syllable by chance

    def rank(found: tuple[str, str, str]) -> tuple[bool, float, bool, int]:
        script, _, reading = found
        spaced = script == "Korean" and bool(_SPACED_WIDE.search(reading))
        stops = script == "Chinese" and bool(_CHINESE_STOPS.search(reading))
        return spaced, _frequent_share(script, reading), stops, -valid.index(found)

    return max(valid, key=rank)[1]


#: The single-byte code pages of the alphabets whose words, two high bytes at a time, read
#: as Hangul or common ideographs ("МОСКВА" in cp1251 is GB2312's "涛咽吕", "ИВАН" EUC-KR's
#: "횹익"): any pair of bytes with lead B0 to D7 and trail A1 to FE is a first-level GB2312
#: ideograph, with lead B0 to C8 a KS X 1001 syllable.
_ALPHABET_CODECS = (
    "cp1251", "koi8_r", "iso8859_5", "cp1253", "iso8859_7", "cp874", "cp1255", "cp1256", "cp1252",
)  # fmt: skip
#: A word: a run of letters (ASCII or beyond), cut by ASCII blanks, digits and punctuation.
_WORD = re.compile(r"[^\x00-\x40\x5b-\x60\x7b-\x7f]+")


def _alphabet_words(data: bytes) -> tuple[bool, bool]:
    """Whether a single-byte code page of an alphabet (:data:`_ALPHABET_CODECS`) reads
    ``data`` as words of an alphabet with case (Cyrillic, Greek, Latin), and whether as
    words of one without (Thai, Hebrew, Arabic). Words of a cased alphabet are evidence
    East Asian bytes do not give (their readings break the case pattern of a word): the
    script rule then leaves the bytes to the code pages' guess. Words of an uncased one
    East Asian bytes give by chance (every Hangul syllable's bytes read as Thai letters),
    so there the East Asian reading still wins when it is evident (:func:`_evident`)."""
    cased = uncased = False
    for name in _ALPHABET_CODECS:
        script = _alphabet_reading(_decode_with(data, name))
        # ISO 8859-5's capitals fill A1 to CF, the bytes most Hangul is made of: "정부은"
        # in EUC-KR is its "СЄКЮРК", a word of capitals that tells nothing
        strong = script in _CASED and name != "iso8859_5"
        cased = cased or strong
        uncased = uncased or (script is not None and not strong)
    return cased, uncased


#: Thai spelled as no Thai word is: a leading vowel before no consonant, a vowel sign or
#: tone mark after no consonant (or vowel sign), a following vowel after no consonant;
#: mai tri and mai chattawa on no middle-class consonant; the repetition mark ๆ inside a
#: word; the obsolete letters ฃ ฅ ฦ. What the bytes of Hangul read as breaks these
#: ("대통령" in EUC-KR is cp874's "ด๋ล๋ทษ", "경제" its "ฐๆมฆ").
_THAI_MISSPELT = re.compile(
    "[เแโใไ](?![ก-ฮ])|(?<![ก-ฮ])[ัิีึืฺุู็]|(?<![ก-ฮัิีึืุู])[่้๊๋์ํ]"
    "|(?<![ก-ฮ่้๊๋า])ะ|(?<![ก-ฮ่้๊๋])[าำ]"
    "|(?<![กจฎฏดตบปอัิีึืุู])[๊๋]|(?<=[ัิีึืุู])(?<![กจฎฏดตบปอ][ัิีึืุู])[๊๋]"
    "|ๆ(?=[ก-ฮ])|[ฃฅฦ]"
)
#: The syllables Korean words end with most (particles and verb endings: 은 는 이 가 을 를
#: 의 에 ...): a Korean text has them, the Hangul an alphabet's bytes read as rarely does.
_KOREAN_ENDINGS = frozenset("은는이가을를의에와과도로서다고며면게한할요니음지")


def _evident(script: str, codec: str, reading: str) -> bool:
    """Whether a valid East Asian ``reading`` is evidently its language, beyond what the
    bytes of a Thai, Hebrew or Arabic word give by chance: Korean with a word ending in a
    particle or verb ending (:data:`_KOREAN_ENDINGS`), Chinese with its full stop or comma
    or a third or more of its characters among its most frequent ones."""
    if script == "Korean":
        ends = (word.rstrip(".,!?\"'") for word in reading.split())
        return any(word and word[-1] in _KOREAN_ENDINGS for word in ends)
    if _CHINESE_STOPS.search(reading):
        return True
    wide = [char for char in reading if _IDEOGRAPH.match(char)]
    return len(wide) >= 4 and _frequent_share(script, reading) >= 0.34


#: Arabic's ta marbuta (ة) before a letter of its word: Arabic writes it last only. KOI8's
#: small letters are ISO 8859-6's and windows-1256's letters ("Армия" is "لزحةر").
_TA_MARBUTA_INSIDE = re.compile("\u0629(?=[\u0620-\u064a])")
#: A Hebrew letter and the points written on it.
_HEBREW_POINTED = re.compile("([\u05d0-\u05f2])([\u0591-\u05c7]+)")
_HEBREW_VOWEL_POINT = re.compile("[\u05b0-\u05bb\u05c7]")


def _hebrew_points_misplaced(reading: str) -> bool:
    """Whether a letter of ``reading`` bears points no Hebrew letter bears: two vowel
    points (a letter takes one), one point twice, or the shin or sin dot on a letter that
    is not shin. KOI8's small letters read so in windows-1255: "Город" is "ח" with rafe,
    sin dot, rafe and hiriq."""
    for match in _HEBREW_POINTED.finditer(reading):
        letter, points = match.groups()
        if len(_HEBREW_VOWEL_POINT.findall(points)) > 1 or len(set(points)) < len(points):
            return True
        if letter != "ש" and ("\u05c1" in points or "\u05c2" in points):
            return True
    return False


def _alphabet_reading(reading: str | None) -> str | None:
    """The alphabet ``reading`` is words of, if one: Thai spelled as Thai is
    (:data:`_THAI_MISSPELT`), every word beyond ASCII made of that
    alphabet's letters (and marks, not first), all capitals, all small or capitalised where
    the alphabet has case, and no ASCII letter inside a word of another alphabet. The case
    pattern is what mojibake breaks: East Asian bytes, each pair a lead and a trail from
    different halves of a code page, read as "ÀìÁë", not as a word."""
    if reading is None or not _words(reading) or _THAI_MISSPELT.search(reading):
        return None
    if _hebrew_points_misplaced(reading) or _TA_MARBUTA_INSIDE.search(reading):
        return None
    scripts: set[str] = set()
    for word in _WORD.findall(reading):
        if word.isascii():
            continue
        names = {_letter_script(char) for char in word if not char.isascii()}
        if None in names or len(names) != 1:
            return None
        script = names.pop()
        assert script is not None
        if script != "LATIN" and any(char.isascii() for char in word):
            return None
        if unicodedata.category(word[0]) == "Mn" or word[0] == "\u0640":
            return None  # a vowel sign, tone mark or Arabic tatweel opens no word
        if not (word.isupper() or word.islower() or word.istitle()) and script in _CASED:
            return None
        scripts.add(script)
    return scripts.pop() if len(scripts) == 1 else None


#: The alphabets with capital and small letters: a word of them has a case pattern.
_CASED = frozenset({"LATIN", "CYRILLIC", "GREEK"})


def _letter_script(char: str) -> str | None:
    """The alphabet ``char`` is a letter or mark of (its Unicode name's first word), or None."""
    if unicodedata.category(char)[0] not in "LM":
        return None
    name = unicodedata.name(char, "")
    script = name.split(" ", 1)[0]
    return script if script in _ALPHABETS_TOLD else None


_ALPHABETS_TOLD = frozenset({"LATIN", "CYRILLIC", "GREEK", "THAI", "HEBREW", "ARABIC"})


#: Two characters beyond ASCII a space apart: Korean sets its words apart so.
_SPACED_WIDE = re.compile("[^\x00-\x7f] +[^\x00-\x7f]")
#: The full stop and comma Chinese writes, which Korean does not (it writes ASCII's).
_CHINESE_STOPS = re.compile("[。，]")


def _frequent_share(script: str, reading: str) -> float:
    """The share of a reading's characters beyond ASCII that are among its language's
    most frequent ones (charset-normalizer's frequency tables)."""
    common = _FREQUENT.get(script, frozenset())
    wide = [char for char in reading if char > "\x7f" and not _punctuation(char)]
    return sum(1 for char in wide if char in common) / len(wide) if wide else 0.0


def _valid_in(script: str, codec: str, reading: str) -> bool:
    """Whether ``reading``, by ``codec``, is text of ``script`` (:func:`east_asian_script`)."""
    if _HALF_WIDTH_KANA.search(reading) or _BOX_DRAWING.search(reading) or not _words(reading):
        return False
    if any(
        unicodedata.category(char) in ("Co", "Cn", "Cc") and char not in "\t\n\r"
        for char in reading
    ):
        return False
    wide = [char for char in reading if char > "\x7f" and not _punctuation(char)]
    if not wide:
        return False
    if script == "Japanese":
        japanese = sum(1 for char in wide if _KANA.match(char) or _IDEOGRAPH.match(char))
        return bool(_KANA.search(reading)) and japanese >= _IN_SCRIPT * len(wide)
    if script == "Korean":
        return sum(1 for char in wide if _common_hangul(char)) >= _IN_SCRIPT * len(wide)
    if _KANA.search(reading) or _HANGUL.search(reading) or _SPACED_IDEOGRAPHS.search(reading):
        return False
    common = sum(1 for char in wide if _common_ideograph(char, codec))
    return common >= _IN_SCRIPT * len(wide)


#: The script each East Asian codec writes, and the codec its common level is told by.
_CODEC_SCRIPTS = {
    "cp932": ("Japanese", "cp932"), "shift_jis": ("Japanese", "cp932"),
    "euc_jp": ("Japanese", "euc_jp"), "euc_kr": ("Korean", "euc_kr"),
    "cp949": ("Korean", "cp949"), "gb18030": ("Chinese", "gb18030"),
    "gbk": ("Chinese", "gb18030"), "gb2312": ("Chinese", "gb18030"),
    "big5": ("Chinese", "big5"), "cp950": ("Chinese", "big5"),
}  # fmt: skip


def _in_own_script(data: bytes, codec: str) -> bool:
    """Whether ``codec`` reads ``data`` as valid text of the script it writes
    (:func:`east_asian_script`'s rule): a table's encoding is kept for such a row even when
    another script's reading is valid too."""
    found = _CODEC_SCRIPTS.get(codecs.lookup(codec).name.replace("-", "_"))
    reading = _decode_with(data, codec)
    return found is not None and reading is not None and _valid_in(found[0], found[1], reading)


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PSZN"


def _common_hangul(char: str) -> bool:
    """Whether ``char`` is one of the 2,350 Hangul syllables of KS X 1001 (EUC-KR): nearly
    all Korean text is written with them; cp949's other 8,822 are what the bytes of
    Shift-JIS read as (Japanese "台風が" as "묇븮궕")."""
    if not _HANGUL.match(char):
        return False
    try:  # Python's EUC-KR spells the others in eight bytes (KS X 1001's annex 3)
        return len(char.encode("euc_kr")) == 2
    except UnicodeError:
        return False


def _common_ideograph(char: str, codec: str) -> bool:
    """Whether ``char`` is an ideograph of ``codec``'s common level: GB2312's first level
    (lead bytes B0 to D7), Big5's frequent characters (A440 to C67E)."""
    if not _IDEOGRAPH.match(char):
        return False
    try:
        encoded = char.encode("gb2312" if codec == "gb18030" else codec)
    except UnicodeError:
        return False
    if codec == "gb18030":
        return 0xB0 <= encoded[0] <= 0xD7
    return len(encoded) == 2 and 0xA440 <= int.from_bytes(encoded, "big") <= 0xC67E
