"""Round 61: UTF-16 without a byte order mark is told wherever its first letter beyond
ASCII falls, and a long legacy file's sample is guessed once.

A UTF-16-BE text whose 128th character was a Latin letter beyond ASCII ("é" is 00 E9) ended
its 256-byte head in what UTF-8 reads as the start of a character, so the head passed as
"UTF-8 with stray NULs" and the file was refused as binary. A sample cut after a byte
below 0x30 splits no character, but was guessed four times over (with 0 to 3 bytes
dropped): a 150 KB windows-1251 file took 11 s.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.io.decoding as decoding
from extractor.io.decoding import decode_bytes

WORDS = ["the", "talks", "in", "Paris", "ended", "on", "Monday", "id", "text", "a", "42"]
ACCENTED = "éèàçüöäñÂÊÎÔôâêîûÉßøå"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=20, max_size=120),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(ACCENTED)), min_size=1, max_size=4),
    st.sampled_from(["utf-16-be", "utf-16-le"]),
    st.sampled_from(["", "id,text\n,", '{"text": "']),
)
def test_latin_text_in_utf16_without_a_mark_reads_back(
    words: list[str], letters: list[tuple[int, str]], encoding: str, opening: str
) -> None:
    text = opening + " ".join(words) + "\n"
    for at, letter in letters:  # a letter beyond ASCII anywhere, the head's last unit too
        at %= len(text)
        text = text[:at] + letter + text[at:]
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
@pytest.mark.parametrize("position", range(110, 140))
def test_a_letter_at_the_heads_edge(encoding: str, position: int) -> None:
    text = "id,text\n," + "a" * position + "é is here\n"
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("nuls", [1, 2, 3])
def test_utf8_with_stray_nuls_is_no_wide_text(nuls: int) -> None:
    """A CSV cell holding a NUL or three leaves the table UTF-8 (that row is refused)."""
    text = "id,text\n1,Gespräche in Berlin über Zölle\n" + "2,x\x00y\n" * nuls + "3,Ende\n"
    assert decoding._unmarked_wide(text.encode("utf-8")[:256]) is None


def test_a_long_legacy_files_sample_is_guessed_once(monkeypatch) -> None:
    calls = 0
    real = decoding.guess_encoding

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(decoding, "guess_encoding", counted)
    sentence = "В понедельник в Москве прошли переговоры министров о торговле. "
    data = (sentence * 1200).encode("cp1251")  # one line, longer than the sample
    assert len(data) > decoding._GUESS_SAMPLE
    assert decode_bytes(data) == sentence * 1200
    assert calls <= 2, calls
