"""Round 44 (hostile testing): what shows nothing is blank everywhere, and hides no key.

* the one blank rule (:func:`extractor.blank.is_blank`) covers every default-ignorable
  code point (Unicode's DerivedCoreProperties: Khmer inherent vowels, Mongolian free
  variation selectors, reserved U+2065 and U+FFF0-FFF8, the tag block ...): a doc_id
  made of them is refused like a zero-width one;
* a known key with any such character (or a control) between its characters, even
  between every pair, is redacted: the redactor reads through exactly what the blank rule
  calls invisible, so no character can be invisible to one and visible to the other;
* hex of a key written as source code writes bytes (``0x73, 0x6b``) is redacted.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.blank import blank_code_points, is_blank, is_blank_char
from extractor.errors import InputError
from extractor.pipeline.document import Document
from extractor.redact import MARK
from tests.redaction_forms import key_fragments, key_redactor

#: Unicode's Default_Ignorable_Code_Point, written out here from the standard (not from
#: the code under test), for the test to draw from.
DEFAULT_IGNORABLE = [
    *range(0x00AD, 0x00AE), 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5,
    *range(0x180B, 0x1810), *range(0x200B, 0x2010), *range(0x202A, 0x202F),
    *range(0x2060, 0x2070), 0x3164, *range(0xFE00, 0xFE10), 0xFEFF, 0xFFA0,
    *range(0xFFF0, 0xFFF9), *range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B),
    *range(0xE0000, 0xE1000),
]  # fmt: skip
ignorable = st.sampled_from(DEFAULT_IGNORABLE).map(chr)
#: What shows nothing and is no whitespace: ignorables and controls.
hidden = st.one_of(ignorable, st.sampled_from([chr(c) for c in range(32) if not chr(c).isspace()]))


def test_every_default_ignorable_code_point_is_blank() -> None:
    missed = [f"U+{code:04X}" for code in DEFAULT_IGNORABLE if not is_blank_char(chr(code))]
    assert not missed


@given(st.text(ignorable, min_size=1, max_size=5))
def test_a_doc_id_of_ignorable_characters_is_refused(doc_id: str) -> None:
    assert is_blank(doc_id)
    with pytest.raises(InputError):
        Document(doc_id, "President A visited Paris.")


@given(st.text(string.ascii_letters, min_size=1, max_size=5), st.text(ignorable, max_size=3))
def test_a_visible_character_is_never_blank(visible: str, around: str) -> None:
    assert not is_blank(around + visible + around)


keys = st.text(string.ascii_letters + string.digits + "-_", min_size=12, max_size=80).filter(
    lambda key: len(set(key)) > 5
)


@given(keys, hidden, st.booleans())
def test_a_key_with_a_hidden_character_between_every_pair_is_redacted(
    key: str, between: str, every: bool
) -> None:
    dressed = between.join(key) if every else key[:5] + between + key[5:]
    out = key_redactor(key).redact(f"bad key: {dressed} (refused)")
    visible = "".join(ch for ch in out if not is_blank_char(ch) or ch.isspace())
    assert MARK in out and out.startswith("bad key: ") and out.endswith(" (refused)")
    for window in key_fragments(key):
        assert window not in visible.lower(), (window, out)


@given(keys, st.sampled_from([", ", ","]), st.booleans())
def test_hex_of_a_key_as_source_code_writes_bytes_is_redacted(
    key: str, separator: str, upper: bool
) -> None:
    spelled = separator.join(f"0x{byte:02X}" if upper else f"0x{byte:02x}" for byte in key.encode())
    other = "0x10, 0x20, 0x30"
    out = key_redactor(key).redact(f"static const char k[] = {{{spelled}}}; int v[] = {{{other}}};")
    assert MARK in out and f"int v[] = {{{other}}};" in out
    left = re.findall(r"0x([0-9A-Fa-f]{2})|\*\*\*", out.partition("int v")[0])
    decoded = "".join(chr(int(pair, 16)) if pair else "\x00" for pair in left).lower()
    for window in key_fragments(key):
        assert window not in decoded, (window, out)


def test_the_reported_separators() -> None:
    """The characters round 44 put between every pair of a key's characters (U+FE0F,
    U+034F, U+180B, U+17B4), a reserved and a tag point, and controls."""
    redactor = key_redactor("sk-live-ABCDEFGHIJKLMNOP")
    for code in (0x17B4, 0x180B, 0x2065, 0xE0002, 0xFE0F, 0x034F, 0x0000, 0x001B):
        text = chr(code).join("sk-live-ABCDEFGHIJKLMNOP")
        assert "ABCDEFGH" not in "".join(
            ch for ch in redactor.redact(text) if not is_blank_char(ch)
        ), f"U+{code:04X}"


def test_the_code_points_built_at_once_are_the_rule_itself() -> None:
    """``blank_code_points`` (what the redactor reads through) is exactly the set of
    code points ``is_blank_char`` calls blank: one rule, two ways of asking it."""
    import sys

    assert blank_code_points() == frozenset(
        code for code in range(sys.maxunicode + 1) if is_blank_char(chr(code))
    )
