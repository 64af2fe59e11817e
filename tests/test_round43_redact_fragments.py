"""A known key split by invisible characters, cut into fragments, or shown in a hex dump.

Round 43: a server that echoes the request put ``sk-test-\\u200bSECRET123`` (and ``<wbr>``,
soft hyphen, ``sk-test-...SECRET123``), an ``xxd``/``hexdump -C`` dump of the request and
colon-separated hex of the key into an error, and the key went out. The invariant: no run
of :func:`fragment_length` characters (or bytes) of a known key survives, whatever splits
or dresses it; the words, other hex and shorter pieces around it do.
"""

from __future__ import annotations

import re
import string

from hypothesis import assume, given
from hypothesis import strategies as st

from extractor.redact import MARK, fragment_length
from tests.redaction_forms import key_fragments, key_redactor

ALPHABETS = (
    string.ascii_letters + string.digits,
    string.ascii_letters + string.digits + "-_.+/=",
    string.hexdigits,
    string.ascii_uppercase + string.digits + "~!*()",
)
INVISIBLES = (
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u202e",
    "<wbr>",
    "<wbr/>",
    "&shy;",
    "&#173;",
    "&#x200b;",
    "&#x200B;",
    "&#8203;",
    "&#xad;",
    "\\u200b",
    "\\u00ad",
)
CUTS = ("...", "\u2026", "\n", " [truncated] ", "\u200b...\u200b", " ")


@st.composite
def keys(draw: st.DrawFn) -> str:
    alphabet = draw(st.sampled_from(ALPHABETS))
    key = draw(st.text(alphabet=alphabet, min_size=12, max_size=200))
    assume(not re.search("sk-|bearer|basic", key, re.IGNORECASE))
    # a key like "000000000123" shares its fragments with every dump offset: it is one, but
    # then the text around it cannot survive; such keys are not what these tests probe
    assume(len(set(key)) > 5 and not re.search(r"(.)\1\1", key))
    return key


def _assert_no_fragment(key: str, text: str) -> None:
    seen = text.lower()
    for window in key_fragments(key):
        assert window not in seen, (key, window, text)


def _strip_invisible(text: str) -> str:
    for invisible in sorted(INVISIBLES, key=len, reverse=True):
        text = text.replace(invisible, "")
    return text


@given(keys(), st.data())
def test_invisible_characters_inside_a_key_do_not_hide_it(key: str, data: st.DataObject) -> None:
    positions = data.draw(
        st.lists(st.integers(1, len(key) - 1), min_size=1, max_size=4, unique=True)
    )
    dressed = key
    for at in sorted(positions, reverse=True):
        dressed = dressed[:at] + data.draw(st.sampled_from(INVISIBLES)) + dressed[at:]
    out = key_redactor(key).redact(f"upstream said: {dressed} (request rejected)")
    assert MARK in out
    _assert_no_fragment(key, _strip_invisible(out))
    assert out.startswith("upstream said: ") and out.endswith(" (request rejected)")


@given(keys(), st.data())
def test_every_fragment_of_a_cut_key_goes(key: str, data: st.DataObject) -> None:
    cuts = sorted(set(data.draw(st.lists(st.integers(1, len(key) - 1), max_size=3))))
    pieces = [key[start:end] for start, end in zip([0, *cuts], [*cuts, len(key)], strict=True)]
    joined = "".join(piece + data.draw(st.sampled_from(CUTS)) for piece in pieces)
    out = key_redactor(key).redact(f"error: echo of {joined} ends here")
    for piece in pieces:
        if len(piece) >= fragment_length(key):
            assert piece.lower() not in out.lower(), (key, piece, out)
    assert out.startswith("error: echo of ") and out.endswith(" ends here")


@given(keys(), st.data())
def test_a_fragment_shorter_than_the_limit_and_ordinary_words_stay(
    key: str, data: st.DataObject
) -> None:
    size = fragment_length(key)
    assume(size < len(key) and size > 8)
    start = data.draw(st.integers(0, len(key) - size + 1))
    short = key[start : start + size - 1]
    other = bytes(range(200, 216)).hex(":")
    # in brackets: a line-wrapped base64 run (:func:`_sub_wrapped`) may join the next word
    text = f"the value \u00ab{short}\u00bb looked odd; checksum {other} and plain words"
    assert key_redactor(key).redact(text) == text


@given(keys(), st.sampled_from((":", " ", "-")), st.booleans(), st.data())
def test_separated_hex_of_a_key_or_of_its_fragments_goes(
    key: str, separator: str, quads: bool, data: st.DataObject
) -> None:
    raw = key.encode()
    start = data.draw(st.integers(0, len(raw) - fragment_length(key)))
    part = raw[start:]
    digits = part.hex()
    step = 4 if quads and separator == " " else 2
    spelled = separator.join(digits[at : at + step] for at in range(0, len(digits), step))
    other = "de:ad:be:ef:00:11:22:33:44:55"
    out = key_redactor(key).redact(f"dump {spelled} ; other {other} end")
    assert f"other {other} end" in out
    tokens = re.findall(r"\*\*\*|[0-9a-fA-F]{2}", out.partition(" ; other")[0])
    _assert_no_fragment(key, _decoded(tokens))


def _decoded(tokens: list[str]) -> str:
    return "".join("\x00" if token == MARK else chr(int(token, 16)) for token in tokens)


def xxd(data: bytes) -> list[tuple[str, int]]:
    """``xxd``'s layout: each line and how many bytes it shows."""
    lines = []
    for at in range(0, len(data), 16):
        chunk = data[at : at + 16]
        hexed = chunk.hex()
        groups = " ".join(hexed[i : i + 4] for i in range(0, len(hexed), 4))
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append((f"{at:08x}: {groups:<39}  {text}", len(chunk)))
    return lines


def hexdump_c(data: bytes) -> list[tuple[str, int]]:
    """``hexdump -C``'s layout: each line and how many bytes it shows."""
    lines = []
    for at in range(0, len(data), 16):
        chunk = data[at : at + 16]
        pairs = [f"{b:02x}" for b in chunk]
        hexed = " ".join(pairs[:8]) + ("  " + " ".join(pairs[8:]) if len(pairs) > 8 else "")
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append((f"{at:08x}  {hexed:<48}  |{text}|", len(chunk)))
    return lines


@given(keys(), st.sampled_from((xxd, hexdump_c)), st.integers(0, 40))
def test_a_hex_dump_of_the_request_keeps_no_part_of_the_key(key: str, layout, lead: int) -> None:
    assume(not set(key) & set("|"))
    # not "Bearer ": a bare Bearer takes the token after it, on the next line too
    head = b"POST /v1/chat HTTP/1.1\r\n"[: lead % 24] + b"X-Upstream-Credential: "
    data = head + key.encode() + b"\r\nContent-Type: application/json\r\n\r\n"
    lines = layout(data)
    text = "\n".join(line for line, _ in lines) + "\n"
    out = key_redactor(key).redact(text).split("\n")
    assert len(out) == len(lines) + 1
    columns = []
    tokens: list[str] = []
    for got, (_, count) in zip(out[:-1], lines, strict=True):
        body = got.rstrip("|")
        columns.append(body[-count:])
        offset = re.match(r"[0-9a-f]{8}:? +", got)
        assert offset is not None, got
        tokens += re.findall(r"\*\*\*|[0-9a-fA-F]{2}", body[offset.end() : -count])
    _assert_no_fragment(key, "".join(columns))
    _assert_no_fragment(key, _decoded(tokens))
    assert "Content-Type" in "".join(columns)  # the rest of the request is still readable


def test_the_reported_cases() -> None:
    key = "sk-test-SECRET123"
    redactor = key_redactor(key)
    for text in (
        "msg sk-test-\u200bSECRET123",
        "msg sk-test-\u00adSECRET123",
        "msg sk-test-<wbr>SECRET123",
        "msg " + ":".join(f"{b:02x}" for b in key.encode()),
    ):
        out = redactor.redact(text)
        assert "SECRET" not in out and "sk-test" not in out and "53:45" not in out, out
    assert redactor.redact("msg sk-test-...SECRET123") == f"msg sk-test-...{MARK}"
