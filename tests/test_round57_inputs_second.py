"""Round 57, inputs, second look: what the first round's sampling and code page rules broke.

* A Chinese or Japanese file larger than the guess's sample is read in its encoding: the
  sample cut its last line at a byte count, splitting a character half the time, and the
  whole came out as windows-1252 mojibake.
* windows-1252 text with Icelandic, Serbian or Czech names (ð þ ý) stays windows-1252: it
  was read as Turkish ("Guðmundsson" as "Guğmundsson").
* Short Japanese in Shift-JIS, and lines of signs alone, are not Cyrillic capitals.
* A stored member's data cannot end it early with a descriptor of the wrong CRC-32 and
  plant a member of their own after it.
* A word read as starting with Arabic's tatweel is no alphabet's word.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io.decoding import decode_file, unit_decoding
from tests.archive_support import WriteOnly
from tests.test_round57_inputs import _read

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SENTENCES = {
    "gb18030": ("政府宣布了新的经济措施。", "北京股市上涨。", "国家主席会见了外国代表团。"),
    "big5": ("政府宣布了新的經濟措施。", "台北股市上漲。", "總統會見了外國代表團。"),
    "cp932": ("政府は新たな経済対策を発表した。", "東京の株式市場は上昇した。"),
    "euc_jp": ("政府は新たな経済対策を発表した。", "大阪で地震があった。"),
}


@SETTINGS
@given(
    encoding=st.sampled_from(sorted(SENTENCES)),
    data=st.data(),
    pad=st.integers(0, 3),
    one_line=st.booleans(),
)
def test_a_big_east_asian_file_is_read_in_its_encoding(
    encoding: str, data: st.DataObject, pad: int, one_line: bool
) -> None:
    """Over the guess's 64 KiB sample, lines of any length (a character may straddle the
    sample's end), or one line with no line end, are read as written."""
    sentences = data.draw(st.lists(st.sampled_from(SENTENCES[encoding]), min_size=1, max_size=3))
    line = "x" * pad + "".join(sentences) + ("" if one_line else "\n")
    text = line * (70_000 // len(line.encode(encoding)) + 2)
    assert decode_file(text.encode(encoding))[0] == text


NAMES = ("Guðmundsson", "Ðokovic", "Poborský", "Það", "Þór", "Eiður", "Dvorský", "Ýmir")
ENGLISH = ("scored", "twice", "on", "Monday", "the", "final", "won", "said", "in", "Prague")


@SETTINGS
@given(
    words=st.lists(st.sampled_from(ENGLISH), min_size=0, max_size=6),
    names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=3),
    data=st.data(),
)
def test_western_names_with_eth_thorn_and_y_acute_stay_windows_1252(
    words: list[str], names: list[str], data: st.DataObject
) -> None:
    """Names in windows-1252 whose ð þ ý are cp1254's ğ ş ı are not read as Turkish."""
    mixed = data.draw(st.permutations(words + names))
    text = " ".join(mixed) + "."
    raw = text.encode("cp1252")
    assert decode_file(raw)[0] == text
    assert unit_decoding(raw).decode(raw) == text


@SETTINGS
@given(word=st.sampled_from(("東京", "中国", "東京都", "日本", "政府", "北京", "首相")))
def test_short_shift_jis_is_no_cyrillic(word: str) -> None:
    """A word or two of Japanese ideographs in Shift-JIS is not read as Cyrillic capitals."""
    decoded = decode_file((word + "\n").encode("cp932"))[0]
    assert not any("\u0400" <= char <= "\u04ff" for char in decoded), decoded


@SETTINGS
@given(signs=st.lists(st.sampled_from("®—…©°±•™"), min_size=1, max_size=5))
def test_a_line_of_signs_is_no_cyrillic(signs: list[str]) -> None:
    """Signs alone in windows-1252 have no letters to tell a code page by: they are not
    turned into Cyrillic letters."""
    text = " ".join(signs)
    decoded = decode_file(text.encode("cp1252"))[0]
    assert not any("\u0400" <= char <= "\u04ff" for char in decoded), decoded


@SETTINGS
@given(
    prefix=st.lists(st.sampled_from(["The", "minister", "said", "on", "Monday"]), min_size=1),
    rest=st.lists(st.sampled_from(["and", "the", "rest", "of", "it"]), min_size=1),
    wrong=st.integers(0, 2**32 - 1),
    signed=st.booleans(),
)
def test_member_data_cannot_plant_a_member(
    tmp_path: Path, prefix: list[str], rest: list[str], wrong: int, signed: bool
) -> None:
    """A stored member whose bytes hold a data descriptor sized to them, but not of their
    CRC-32, and a local header after it, is read whole: no member of its making appears."""
    head = (" ".join(prefix) + "\n").encode()
    if wrong == zlib.crc32(head):
        wrong ^= 1
    evil = b"INJECTED: the minister resigned.\n"
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 0, 0, 0, zlib.crc32(evil), len(evil),
        len(evil), 8, 0,
    )  # fmt: skip
    descriptor = (b"PK\x07\x08" if signed else b"") + struct.pack(
        "<III", wrong, len(head), len(head)
    )
    payload = head + descriptor + local + b"evil.txt" + evil + " ".join(rest).encode() + b"\n"
    path = tmp_path / "cut.zip"
    pipe = WriteOnly()
    with zipfile.ZipFile(pipe, "w") as archive:  # a stream: sizes in data descriptors
        for name, content in (("doc.txt", payload), ("z.txt", b"zulu\n")):
            archive.writestr(zipfile.ZipInfo(name), content)
    whole = pipe.getvalue()
    path.write_bytes(whole[: int.from_bytes(whole[-6:-2], "little")])  # its directory cut off
    docs, failures = _read(path)
    assert "evil.txt" not in docs
    assert not any("evil.txt" in failure.source for failure in failures)


RUSSIAN_SHORT = ("в", "о", "москве", "мир", "суд", "на", "и", "дел")


@SETTINGS
@given(words=st.lists(st.sampled_from(RUSSIAN_SHORT), min_size=2, max_size=4))
def test_short_russian_in_iso8859_5_is_no_arabic(words: list[str]) -> None:
    """Russian in ISO 8859-5 is not cp1256's Arabic, whose tatweel its "о" is."""
    text = " ".join(words)
    raw = text.encode("iso8859_5")
    decoded = decode_file(raw)[0]
    assert not any("\u0600" <= char <= "\u06ff" for char in decoded), decoded


@SETTINGS
@given(
    lines=st.lists(
        st.tuples(st.integers(0, 300), st.integers(0, 40)), min_size=1, max_size=20
    ).filter(lambda made: any(high for _, high in made)),
    encoding=st.sampled_from(("gb18030", "cp1251", "cp932")),
)
def test_the_guess_sample_is_whole_lines(lines: list[tuple[int, int]], encoding: str) -> None:
    """The sample a big file's encoding is guessed from is made of the file's own whole
    lines that hold bytes beyond ASCII: none is cut inside (nor inside a character)."""
    from extractor.io.decoding import _guess_sample

    letter = {"gb18030": "政", "cp1251": "ж", "cp932": "東"}[encoding]
    made = [("a" * plain + letter * high + "\n").encode(encoding) for plain, high in lines]
    data = b"".join(made) * (70_000 // len(b"".join(made)) + 2)
    sample = _guess_sample(data)
    kept = set(data.splitlines(keepends=True))
    assert sample and all(line in kept for line in sample.splitlines(keepends=True))
    assert all(any(byte > 0x7F for byte in line) for line in sample.splitlines())
