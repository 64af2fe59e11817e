"""A known key escaped once after a compatible respelling, or in base32 or UTF-16, is found.

Round 48: a server echoed the process's API key respelled (fullwidth, mathematical
letters, another case, invisible characters between its characters) and then escaped
once: h11's "illegal status line: bytearray(b'...')" writes the bytes of the line as
Python's bytes repr (``sk-\\xe2\\x80\\x8bpro``), a 400 body as JSON (``\\uff53\\uff4b``),
``unicode_escape`` or ``%``-encoding (``%EF%BD%93``); and it echoed the key in base32,
as the hex of its UTF-16 (either byte order) and as the base64 of its UTF-16-LE. Every
one went out whole. The invariant, over generated keys, respellings and escapings: a
reader that undoes the escaping and folds the text (compatible forms, case, invisible
characters dropped) does not get the key back from the redacted text; decoded from any alignment, the new encodings hold no key; and an escaped text
without the key is left as it is.
"""

from __future__ import annotations

import ast
import base64
import binascii
import codecs
import json
import re
import string
from collections.abc import Callable
from urllib.parse import quote, unquote

import h11
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.blank import blank_code_points, is_blank_char
from extractor.errors import IncompatibleServerError
from extractor.redact import MARK, Redactor, redactor
from extractor.runtime.retrying import classify
from tests.fakes.scripted_server import as_the_sdk_raises
from tests.redaction_forms import (
    B64,
    B64URL,
    HYPOTHESIS,
    base64_readings,
    compatible,
    folded,
    key_fragments,
    key_redactor,
    keys,
)

BEFORE = "upstream said: "
AFTER = " (request rejected)"

#: Every character the one blank rule calls invisible, whitespace aside: what the
#: redactor reads a key through.
INVISIBLES = sorted(chr(code) for code in blank_code_points() if not chr(code).isspace())


def apart(key: str) -> bool:
    """Whether no fragment of ``key`` is in the words around an echo (a key "STREAM" is)."""
    around = f"{BEFORE}{AFTER}".lower()
    return not any(window in around for window in key_fragments(key))


def read_back(text: str) -> str:
    """``text`` as a reader compares it with a key: folded, invisible characters dropped."""
    return "".join(char for char in folded(text) if char.isspace() or not is_blank_char(char))


@st.composite
def respelled(draw: st.DrawFn, key: str) -> str:
    """``key`` respelled once: each character (all alike, or each at random) fullwidth, in
    mathematical bold, in another case or as it is; and invisible characters inserted at
    generated places (between any two characters, before or after it)."""
    how = draw(st.sampled_from(["fullwidth", "bold", "case", "plain", "each"]))
    ways = ["fullwidth", "bold", "case", "plain"]
    chars = [
        compatible(char, draw(st.sampled_from(ways)) if how == "each" else how) for char in key
    ]
    inserted = draw(
        st.lists(st.tuples(st.integers(0, len(chars)), st.sampled_from(INVISIBLES)), max_size=12)
    )
    for at, invisible in sorted(inserted, reverse=True):
        chars.insert(at, invisible)
    return "".join(chars)


def _unicode_escape(text: str) -> str:
    return text.encode("unicode_escape").decode("ascii")


def _unicode_unescape(text: str) -> str:
    """``unicode_escape`` read back, leniently (a mark may stand where an escape was cut:
    the literal pattern may take a key from the digits of an escape), surrogate pairs
    (JSON's) joined."""
    read = text.replace("\\/", "/").encode("latin-1", "replace").decode("unicode_escape", "replace")
    return read.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _bytes_repr(text: str) -> str:
    return str(text.encode("utf-8"))


def _bytes_unrepr(text: str) -> str:
    """A bytes repr read back as UTF-8, leniently (as :func:`_unicode_unescape`)."""
    body = text[2:-1].encode("latin-1", "replace")
    return bytes(codecs.escape_decode(body, "replace")[0]).decode("utf-8", "replace")


def _json_loads(text: str) -> str:
    try:
        return str(json.loads(text))
    except ValueError:
        return _unicode_unescape(text[1:-1])


def _str_unrepr(text: str) -> str:
    try:
        return str(ast.literal_eval(text))
    except (ValueError, SyntaxError):
        return _unicode_unescape(text[1:-1])


#: One escaping of a whole text, and how a reader undoes it: Python's bytes repr (h11's
#: error message), ``%``-encoding (everything, or ``quote``'s rule), ``unicode_escape``,
#: ``json.dumps`` (``ensure_ascii``), and a repr of a bytes repr (its backslashes doubled).
ESCAPINGS: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "bytes repr": (_bytes_repr, _bytes_unrepr),
    "percent": (lambda text: quote(text, safe=""), unquote),
    "percent quote()": (quote, unquote),
    "unicode_escape": (_unicode_escape, _unicode_unescape),
    "json.dumps": (json.dumps, _json_loads),
    "repr of a bytes repr": (
        lambda text: repr(_bytes_repr(text)),
        lambda text: _bytes_unrepr(_str_unrepr(text)),
    ),
}
#: What may stand in the escaped string beside the key (h11's ``HTTX/1.1 ``).
pads = st.text(string.ascii_letters + string.digits + " /.:=", max_size=12)


@settings(HYPOTHESIS, max_examples=300, database=None)
@given(keys, st.sampled_from(sorted(ESCAPINGS)), pads, pads, st.data())
def test_a_respelled_key_escaped_once_is_masked(
    key: str, escaping: str, before: str, after: str, data: st.DataObject
) -> None:
    assume(apart(key))
    escape, unescape = ESCAPINGS[escaping]
    shown = data.draw(respelled(key))
    echo = escape(f"{before}{shown}{after}")
    text = f"{BEFORE}{echo}{AFTER}"
    assert folded(key) in read_back(unescape(echo))  # the echo holds the key
    out = key_redactor(key).redact_known(text)
    assert out.startswith(BEFORE) and out.endswith(AFTER), out
    assert MARK in out
    assert folded(key) not in read_back(unescape(out[len(BEFORE) : -len(AFTER)])), (echo, out)


#: Ordinary text a server escapes: prose, Unicode spaces and letters, fullwidth forms.
PROSE = string.ascii_letters + string.digits + " ,.;:-()'\"!?\n\u00a0\u3000ｓｋａｂ１２éüß𝐬𝐤"


@settings(HYPOTHESIS, max_examples=200, database=None)
@given(keys, st.sampled_from(sorted(ESCAPINGS)), st.text(PROSE, max_size=200), st.data())
def test_an_escaped_text_without_the_key_is_left_as_it_is(
    key: str, escaping: str, prose: str, data: st.DataObject
) -> None:
    """Escaped prose (respelled too) that holds no fragment of the key: the redactor that
    knows the key changes it no more than one that knows none."""
    escape, _ = ESCAPINGS[escaping]
    text = escape(data.draw(respelled(prose)))
    seen = read_back(prose)
    assume(not any(window in seen for window in key_fragments(key)))
    assert key_redactor(key).redact(text) == Redactor(use_settings=False).redact(text)


# ------------------------------------------------------------------ base32, UTF-16


def base32_readings(text: str) -> list[bytes]:
    """Every run of base32 characters (either case), decoded from each of its 8 alignments
    to its last whole byte."""
    found = []
    for run in re.findall("[A-Za-z2-7]+", text):
        for at in range(8):
            chunk = run[at:].upper()
            cut = len(chunk) - next(drop for drop in range(8) if (len(chunk) - drop) % 8 in WHOLE)
            found.append(base64.b32decode(chunk[:cut] + "=" * (-cut % 8)))
    return found


#: The lengths modulo 8 of base32 that ends on a whole byte (unpadded).
WHOLE = (0, 2, 4, 5, 7)


def hex_readings(text: str) -> list[bytes]:
    """Every run of hex digits, decoded from both of its alignments."""
    found = []
    for run in re.findall("[0-9A-Fa-f]+", text):
        for at in range(2):
            chunk = run[at:]
            found.append(binascii.unhexlify(chunk[: len(chunk) // 2 * 2]))
    return found


@settings(HYPOTHESIS, max_examples=150, database=None)
@given(keys, st.binary(max_size=12), st.binary(max_size=12), st.booleans(), st.booleans())
def test_the_key_in_base32_is_masked(
    key: str, before: bytes, after: bytes, padded: bool, lower: bool
) -> None:
    """The key alone in base32, or inside any bytes: no reading holds it."""
    assume(apart(key))
    for blob in (key.encode(), before + key.encode() + after):
        coded = base64.b32encode(blob).decode()
        coded = coded if padded else coded.rstrip("=")
        coded = coded.lower() if lower else coded
        text = f"{BEFORE}{coded}{AFTER}"
        assert any(key.encode() in reading for reading in base32_readings(text))
        out = key_redactor(key).redact(text)
        assert not any(key.encode() in reading for reading in base32_readings(out)), out
        assert out.startswith(BEFORE) and out.endswith(AFTER)


@settings(HYPOTHESIS, max_examples=150, database=None)
@given(keys, st.text(max_size=12), st.text(max_size=12), st.sampled_from(["be", "le"]))
def test_the_hex_of_the_keys_utf16_is_masked(key: str, before: str, after: str, order: str) -> None:
    """The hex of the UTF-16 of any text holding the key, in either byte order."""
    assume(apart(key))
    wide = f"utf-16-{order}"
    coded = f"{before}{key}{after}".encode(wide, "surrogatepass").hex()
    text = f"{BEFORE}{coded}{AFTER}"
    needle = key.encode(wide)
    assert any(needle in reading for reading in hex_readings(text))
    out = key_redactor(key).redact(text)
    assert not any(needle in reading for reading in hex_readings(out)), out
    assert out.startswith(BEFORE) and out.endswith(AFTER)


@settings(HYPOTHESIS, max_examples=150, database=None)
@given(keys, st.text(max_size=20), st.text(max_size=20), st.sampled_from([B64, B64URL]))
def test_the_base64_of_the_keys_utf16le_is_masked(
    key: str, before: str, after: str, alphabet: str
) -> None:
    """PowerShell's ``-EncodedCommand``: base64 of the UTF-16-LE of a text holding the key."""
    assume(apart(key))
    altchars = b"+/" if alphabet == B64 else b"-_"
    raw = f"{before}{key}{after}".encode("utf-16-le", "surrogatepass")
    coded = base64.b64encode(raw, altchars=altchars).decode()
    text = f"{BEFORE}{coded}{AFTER}"
    read = base64_readings(alphabet, altchars)
    needle = key.encode("utf-16-le")
    assert any(needle in reading for reading in read(text))
    out = key_redactor(key).redact(text)
    assert not any(needle in reading for reading in read(out)), out


# ------------------------------------------------------------------ end to end

KEY = "sk-proj-A1b2C3d4E5f6G7h8J9k0LmNoPq"


def _h11_error(line: bytes) -> h11.RemoteProtocolError:
    """What h11 raises for an answer whose status line is ``line``."""
    connection = h11.Connection(h11.CLIENT)
    connection.send(h11.Request(method="POST", target="/v1/chat/completions",
                                headers=[("Host", "h"), ("Content-Length", "0")]))  # fmt: skip
    connection.send(h11.EndOfMessage())
    connection.receive_data(line + b"\r\n\r\n")
    try:
        connection.next_event()
    except h11.RemoteProtocolError as error:
        return error
    raise AssertionError(f"h11 took {line!r}")


@settings(HYPOTHESIS, max_examples=40, database=None)
@given(st.data())
def test_a_status_line_echoing_the_respelled_key_says_no_key(data: st.DataObject) -> None:
    """h11's error for a status line that echoes the key respelled (its bytes repr) maps to
    a server error whose message holds no fragment of the key."""
    redactor.register_secret(KEY)
    shown = data.draw(respelled(KEY))
    error = _h11_error(b"HTTX/1.1 " + shown.encode())
    assert "\\x" in str(error) or shown.isascii()
    mapped = classify(as_the_sdk_raises(error))
    assert isinstance(mapped, IncompatibleServerError) and mapped.kind == "server"
    message = str(mapped)
    seen = read_back(_decoded_escapes(message))
    assert not any(window in seen for window in key_fragments(KEY)), message
    assert message.count(MARK) == 1, message


def _decoded_escapes(text: str) -> str:
    """``text`` with each run of ``\\xHH`` in it read as UTF-8."""
    return re.sub(
        r"(?:\\x[0-9a-f]{2})+",
        lambda run: bytes.fromhex(run.group().replace("\\x", "")).decode("utf-8", "replace"),
        text,
    )


def test_the_examples_of_the_report() -> None:
    """The report's own echoes (ZWSP every three characters, fullwidth) are each one mark."""
    zwsp = "\u200b".join(KEY[at : at + 3] for at in range(0, len(KEY), 3))
    wide = "".join(compatible(char, "fullwidth") for char in KEY)
    masker = key_redactor(KEY)
    for shown in (zwsp, wide):
        for text in (
            f"illegal status line: bytearray({b'HTTX/1.1 ' + shown.encode()!r})",
            shown.encode("unicode_escape").decode(),
            json.dumps(shown),
            str(shown.encode()),
            quote(shown),
        ):
            out = masker.redact(text)
            assert out.count(MARK) == 1, (text, out)
            assert not any(char in out for char in "\u200bｓ") and "\\xef\\xbd" not in out
