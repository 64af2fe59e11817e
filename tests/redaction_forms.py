"""The forms a known key takes in a server's echo, and how a reader gets it back.

Shared by the redaction tests (``test_round38_redact``, ``test_round39_redact``,
``test_round40_redact``, ``test_round46_redact``): generated keys and the blobs holding
them, base64 and hex readers that decode a text from every alignment, wrapped base64
with its breaks, the hang guard, the two checks those tests make the same way (a wrapped
key is cut; the CLI's error line against an echoing server holds no decodable key), and
a key spread out (separators, markup or a list between its characters, compatible
spellings, combining marks) with the reader that gets it back.
"""

from __future__ import annotations

import base64
import json
import re
import string
import unicodedata
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.redact import MARK, MIN_SECRET_LENGTH, SPREAD_LEAST, Redactor, fragment_length
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import FakeOpenAI, Replier, static

#: Seconds past which the work hangs (it takes well under one; a quadratic pass over
#: 200,000 characters takes minutes): a guard against a hang, not a speed claim.
HANG = 60

HYPOTHESIS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PRINTABLE = "".join(chr(c) for c in range(0x21, 0x7F))
#: Keys as a header carries them: printable ASCII, of any length the redactor searches for.
keys = st.text(PRINTABLE, min_size=MIN_SECRET_LENGTH, max_size=80)
users = st.text("abcdefghijklmnopqrstuvwxyz0123456789", max_size=12)


@st.composite
def blobs(draw: st.DrawFn, key: str) -> tuple[bytes, bytes]:
    """Bytes holding ``key`` once, at a generated offset, and the key as they hold it:
    among random bytes, in a JSON dump of request headers (``Bearer <key>``, padded by a
    generated field; the key JSON-escaped there), or as the ``user:key`` of a Basic
    credential."""
    shape = draw(st.sampled_from(["bytes", "json", "basic"]))
    if shape == "bytes":
        before, after = draw(st.binary(max_size=40)), draw(st.binary(max_size=40))
        return before + key.encode() + after, key.encode()
    if shape == "json":
        pad = draw(st.text(max_size=20))
        blob = {"pad": pad, "headers": {"authorization": f"Bearer {key}"}, "n": len(pad)}
        ascii_only = draw(st.booleans())
        needle = json.dumps(key, ensure_ascii=ascii_only)[1:-1].encode()
        return json.dumps(blob, ensure_ascii=ascii_only).encode(), needle
    return f"{draw(users)}:{key}".encode(), key.encode()


Readings = Callable[[str], list[bytes]]


def base64_readings(alphabet: str, altchars: bytes) -> Readings:
    """Every run of base64 characters in a text, decoded from each of its 4 alignments:
    whatever a reader could decode from the text, the redaction mark (no base64) aside."""

    def read(text: str) -> list[bytes]:
        found = []
        for run in re.findall(f"[{alphabet}]+", text):
            for at in range(4):
                chunk = run[at:]
                chunk = chunk[:-1] if len(chunk) % 4 == 1 else chunk + "=" * (-len(chunk) % 4)
                found.append(base64.b64decode(chunk, altchars=altchars))
        return found

    return read


B64 = "A-Za-z0-9+/"
B64URL = "A-Za-z0-9_-"

# ------------------------------------------------------------------ wrapped base64

#: How a writer or an excerpt breaks a wrapped base64 run.
BREAKS = ["\n", "\r\n", "\r", " ", "\t", "\\n", "\\r\\n"]
#: Each base64 alphabet: how a server encodes a blob, how a reader decodes a joined text.
ALPHABETS = {
    "base64": (base64.b64encode, base64_readings(B64, b"+/")),
    "base64url": (base64.urlsafe_b64encode, base64_readings(B64URL, b"-_")),
}


def wrapped(coded: str, width: int, brk: str) -> str:
    return brk.join(coded[at : at + width] for at in range(0, len(coded), width))


def assert_wrapped_key_cut(
    key: str,
    blob: tuple[bytes, bytes],
    alphabet: str,
    width: int,
    brk: str,
    padded: bool,
    unbreak: re.Pattern[str],
) -> None:
    """``blob`` (holding ``key`` as its needle) in ``alphabet``, wrapped at ``width`` with
    ``brk``: the echo holds the needle for a reader that drops what ``unbreak`` matches and
    decodes from every alignment; once redacted, no reading holds it and the mark is in."""
    data, needle = blob
    coded = ALPHABETS[alphabet][0](data).decode()
    coded = coded if padded else coded.rstrip("=")
    text = f"400 bad request; we saw (base64):{brk}{wrapped(coded, width, brk)}{brk}(end)"
    read = ALPHABETS[alphabet][1]
    assert any(needle in reading for reading in read(unbreak.sub("", text)))  # the echo holds it
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    out = redactor.redact(text)
    leaked = [reading for reading in read(unbreak.sub("", out)) if needle in reading]
    assert not leaked, (width, brk, out)
    assert MARK in out


# ------------------------------------------------------------------ the CLI against an echo


def assert_echo_reaches_no_error_line(
    replier: Replier, key: str, tmp_path: Path, readings: Readings
) -> None:
    """``extractor extract`` against a server answering by ``replier`` (an echo of the
    request's Authorization header), the key in the environment: it fails, and neither
    output holds the key, plain or in any of ``readings``; the error holds the mark."""
    (tmp_path / "a.txt").write_text(kano(3))
    with FakeOpenAI(static(EMPTY), replier=replier) as server:
        result = CliRunner().invoke(
            app,
            ["extract", str(tmp_path / "a.txt"), "--model", "openai/fake-model",
             "--base-url", server.base_url, "--max-retries", "0"],
            env={"OPENAI_API_KEY": key, "EXTRACTOR_API_KEY": None},
        )  # fmt: skip
        assert server.log and key in server.log[0].headers["authorization"]
    assert result.exit_code != 0
    for text in (result.stdout, result.stderr):
        assert key not in text
        assert not any(key.encode() in reading for reading in readings(text)), text
    assert MARK in result.stderr


# ------------------------------------------------------------------ escaped base64

#: How a server escapes one character of what it echoes, once (round 41): percent (either
#: case of hex), HTML decimal and hex references, JSON's ``\uNNNN`` and ``\xNN``.
CHAR_ESCAPES: dict[str, Callable[[str], str]] = {
    "percent": lambda c: f"%{ord(c):02X}",
    "percent-lower": lambda c: f"%{ord(c):02x}",
    "decimal": lambda c: f"&#{ord(c)};",
    "hex": lambda c: f"&#x{ord(c):X};",
    "hex-lower": lambda c: f"&#x{ord(c):x};",
    "json": lambda c: f"\\u{ord(c):04x}",
    "x": lambda c: f"\\x{ord(c):02x}",
}
#: Escapes for one character only: HTML's named references and PHP's ``\/``.
NAMED_ESCAPES = {"+": ["&plus;"], "/": ["&sol;", "\\/"], "=": ["&equals;"]}
#: Breaks of wrapped base64, escaped once.
ESCAPED_BREAKS = ["%0A", "%0D%0A", "%0a", "&#10;", "&#13;&#10;", "&#xA;", "\\u000a", "\n"]

_ONE_ESCAPE = re.compile(
    r"%[0-9A-Fa-f]{2}|&#[0-9]+;|&#[xX][0-9A-Fa-f]+;|&[A-Za-z]+;|\\u[0-9A-Fa-f]{4}"
    r"|\\x[0-9A-Fa-f]{2}|\\/"
)


def unescape_once(text: str) -> str:
    """``text`` with each escape :data:`CHAR_ESCAPES` and :data:`NAMED_ESCAPES` write read
    back once (as a browser, a URL or a JSON decoder reads it), then whitespace dropped:
    what a reader decodes base64 from."""
    import html
    from urllib.parse import unquote

    def one(match: re.Match[str]) -> str:
        piece = match.group()
        if piece[0] == "%":
            return unquote(piece)
        if piece[0] == "&":
            return html.unescape(piece)
        return "/" if piece == "\\/" else chr(int(piece[2:], 16))

    return re.sub(r"\s", "", _ONE_ESCAPE.sub(one, text))


def key_redactor(key: str) -> Redactor:
    """A redactor knowing ``key`` alone (not the environment's keys)."""
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    return redactor


def key_fragments(key: str) -> list[str]:
    """Every run of ``key`` as long as the shortest fragment redacted, lower-cased (compare
    with a lower-cased text): none may survive redaction."""
    size = fragment_length(key)
    return [key[at : at + size].lower() for at in range(len(key) - size + 1)]


# ------------------------------------------------------------------ spread-out keys (round 46)

#: What the keys of the spread-out tests are made of: a token's letters, digits and marks.
SPREAD_KEY_CHARS = string.ascii_letters + string.digits + "-_.~+/="


@st.composite
def spread_keys(draw: st.DrawFn) -> str:
    """Keys of 16 to 64 characters with at least :data:`SPREAD_LEAST` letters and digits,
    varied as a real key is (a key of few distinct characters spells numbers and words:
    spread out, it is in ordinary text)."""
    key = draw(st.text(SPREAD_KEY_CHARS, min_size=16, max_size=64))
    assume(sum(char.isalnum() for char in key) >= SPREAD_LEAST)
    assume(len(set(key.lower())) > 6 and not re.search(r"(.)\1\1", key))
    return key


def _no_letter_or_digit(char: str) -> bool:
    """No letter or digit in any spelling, and at most three characters decomposed (a run
    of four is then at most twelve separators, fewer than a spread-out key's gap holds)."""
    parts = unicodedata.normalize("NFKD", char)
    return len(parts) <= 3 and not any(part.isalnum() for part in parts)


#: One visible character that is no letter or digit in any spelling, nor starts markup or
#: an escape (``< > & % \\``): spaces of every kind, punctuation, symbols.
visible_separator_chars = st.characters(
    categories=("Zs", "Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Sm", "Sc"), exclude_characters="<>&%\\"
).filter(_no_letter_or_digit)
#: Separators written as markup or escapes: an NBSP or a comma escaped, a line break tag.
SPELLED_SEPARATORS = ("&nbsp;", "&#160;", "&#xA0;", "\\u00a0", "%20", "%2C", "<br>", "<br/>")
#: One separator run: the same one goes between every two characters of the key.
separators = st.one_of(
    st.text(visible_separator_chars, min_size=1, max_size=4),
    st.sampled_from(SPELLED_SEPARATORS),
    st.tuples(st.sampled_from(SPELLED_SEPARATORS), st.sampled_from(", -")).map("".join),
)
#: Separators a reader could never take for anything but punctuation (no blank, no
#: markup): a near miss spread out with them shares no run with the key.
visible_separators = st.text(
    visible_separator_chars.filter(lambda char: not char.isspace()), min_size=1, max_size=3
)

#: Tags a page wraps each character of the key in, or puts between two of them.
TAGS = ("b", "i", "span", "td", 'span class="k"', "code")
#: Combining marks a server may attach to a key's characters (NFKD of an accented letter).
MARKS = st.characters(min_codepoint=0x300, max_codepoint=0x36F)


def compatible(char: str, how: str) -> str:
    """``char`` in a compatible spelling that folds back to it: fullwidth (any printable
    ASCII), mathematical bold (letters and digits), or another case."""
    code = ord(char)
    if how == "fullwidth" and 0x21 <= code <= 0x7E:
        return chr(code + 0xFEE0)
    if how == "bold" and char.isascii() and char.isalpha():
        return chr((0x1D400 if char.isupper() else 0x1D41A) + ord(char.lower()) - ord("a"))
    if how == "bold" and char.isascii() and char.isdigit():
        return chr(0x1D7CE + code - ord("0"))
    if how == "case":
        return char.swapcase()
    return char


@st.composite
def dressed_chars(draw: st.DrawFn, key: str) -> list[str]:
    """Each character of ``key``, dressed the same way: as it is, in a compatible
    spelling (:func:`compatible`), with combining marks, or both."""
    how = draw(st.sampled_from(["plain", "fullwidth", "bold", "case", "marks", "fullwidth+marks"]))
    out = []
    for char in key:
        shown = compatible(char, how.split("+")[0])
        if how.endswith("marks"):
            shown += "".join(draw(st.lists(MARKS, min_size=1, max_size=2)))
        out.append(shown)
    return out


@st.composite
def spread_echoes(draw: st.DrawFn, key: str) -> str:
    """``key`` as a server may echo it spread out: its characters (dressed:
    :func:`dressed_chars`) with one separator run between every two (:data:`separators`),
    each wrapped in a tag or with a tag between two, or as a JSON or Python list or tuple
    of its characters; or dressed only, its characters side by side."""
    chars = draw(dressed_chars(key))
    layout = draw(st.sampled_from(["separated", "wrapped", "tag between", "list", "joined"]))
    if layout == "separated":
        return draw(separators).join(chars)
    if layout == "wrapped":
        tag = draw(st.sampled_from(TAGS))
        return "".join(f"<{tag}>{char}</{tag.split()[0]}>" for char in chars)
    if layout == "tag between":
        return f"<{draw(st.sampled_from(TAGS))}>".join(chars)
    if layout == "list":
        shape = draw(st.sampled_from([json.dumps, repr, lambda c: repr(tuple(c))]))
        return shape(chars) if shape is not json.dumps else json.dumps(chars, ensure_ascii=False)
    return "".join(chars)


def folded(text: str) -> str:
    """``text`` as a reader compares it with a key: compatibility-decomposed, without
    marks, casefolded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).casefold()


def letters_and_digits(text: str) -> str:
    """What a reader gets back of a spread-out key: ``text`` without markup, its escapes
    read (character references, JSON's ``\\uNNNN``, ``%NN``), folded (:func:`folded`), its
    letters and digits only."""
    import html
    from urllib.parse import unquote

    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    read = folded(unquote(html.unescape(re.sub(r"<[^<>]*>", "", text))))
    return "".join(char for char in read if char.isalnum())
