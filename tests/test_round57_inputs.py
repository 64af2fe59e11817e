"""Round 57, inputs: Cyrillic code pages told apart, stored zip members with data
descriptors salvaged, one table of content signatures.

* Russian and Ukrainian text in each of the Cyrillic code pages (KOI8-R, KOI8-U, cp1251,
  cp866, ISO 8859-5, mac-cyrillic), without BOM or declared charset, in each case pattern,
  is read as written, whole and a line at a time: lower-case KOI8-R came out as cp1251's
  capitals ("мир" as "НЙТ"), cp866 as Thai, mac-cyrillic as Arabic.
* A zip cut short whose members were written by a streaming writer (sizes in a data
  descriptor after the data) gives every whole member, stored ones too: a stored member
  stopped the reading and every member after it was lost. A member whose end no
  descriptor tells is one line naming it.
* The signatures a stream's suffix is told by and the words an error names a file's kind
  in come from one table (extractor.io.sniffing).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import iter_inputs
from extractor.io.decoding import decode_file, unit_decoding
from extractor.io.readers import InputFailure, stream_suffix
from extractor.pipeline.document import Document
from tests.archive_support import WriteOnly

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# ------------------------------------------------------------------ Cyrillic code pages

RUSSIAN = str.split(
    "в москве прошла встреча министров иностранных дел правительство объявило о новых мерах "
    "поддержки экономики президент подписал указ вчера вечером в городе произошло сильное "
    "землетрясение жители покинули свои дома спасатели работают на месте происшествия "
    "цены на нефть выросли после решения картеля депутаты приняли закон о бюджете "
    "компания сообщила о рекордной прибыли за первый квартал мир суд отложил заседание"
)
UKRAINIAN = str.split(
    "у києві відбулася зустріч міністрів закордонних справ уряд оголосив про нові заходи "
    "підтримки економіки президент підписав указ учора ввечері у місті стався сильний "
    "землетрус мешканці залишили свої будинки рятувальники працюють на місці події "
    "ціни на нафту зросли після рішення депутати ухвалили закон про бюджет їхній ґанок "
    "компанія повідомила про рекордний прибуток за перший квартал суд відклав засідання"
)
CODE_PAGES = ("koi8_r", "koi8_u", "cp1251", "cp866", "iso8859_5", "mac_cyrillic")


def _cased(words: list[str], pattern: str) -> str:
    if pattern == "lower":
        text = " ".join(words)
    elif pattern == "upper":
        text = " ".join(words).upper()
    elif pattern == "title":
        text = " ".join(word.capitalize() for word in words)
    else:  # a sentence
        text = " ".join(words).capitalize() + "."
    return text


@SETTINGS
@given(
    language=st.sampled_from((RUSSIAN, UKRAINIAN)),
    data=st.data(),
    pattern=st.sampled_from(("lower", "upper", "title", "sentence")),
    code_page=st.sampled_from(CODE_PAGES),
)
def test_cyrillic_text_is_read_in_its_own_code_page(
    language: list[str], data: st.DataObject, pattern: str, code_page: str
) -> None:
    """Words of the language, in any case pattern and any Cyrillic code page it can be
    written in, are read back as written: the whole file and the line alike."""
    words = data.draw(st.lists(st.sampled_from(language), min_size=3, max_size=12, unique=True))
    text = _cased(words, pattern)
    try:
        raw = text.encode(code_page)
    except UnicodeEncodeError:  # Ukrainian letters KOI8-R or cp866 has not
        return
    assert decode_file(raw)[0] == text, (code_page, decode_file(raw))
    unit = unit_decoding(raw)
    assert unit.decode(raw) == text, (code_page, unit)


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_a_short_lower_case_word_in_a_code_page(code_page: str) -> None:
    """Three letters are enough: the reading whose letters the language writes most wins."""
    for word in ("мир", "суд", "указ"):
        assert decode_file(word.encode(code_page))[0] == word


# ------------------------------------------------------------------ zip with data descriptors


def _streamed_zip(members: list[tuple[str, str, int]]) -> bytes:
    """A zip written as a stream (sizes in data descriptors), without its central directory."""
    pipe = WriteOnly()
    with zipfile.ZipFile(pipe, "w") as archive:
        for name, text, method in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            archive.writestr(info, text)
    whole = pipe.getvalue()
    directory = int.from_bytes(whole[-6:-2], "little")  # the end record's offset of it
    assert whole[directory : directory + 4] == b"PK\x01\x02"
    return whole[:directory]


WORD = st.sampled_from(["storm", "river", "Zürich", "council", "vote", "sign"])
#: Text, now and then holding the magic of a local header or a data descriptor, which the
#: search for a stored member's end must not take for one.
TEXT = st.tuples(
    st.lists(WORD, min_size=1, max_size=40).map(" ".join),
    st.sampled_from(["", " PK\x03\x04 ", " PK\x07\x08 ", " PK\x01\x02 "]),
    st.lists(WORD, min_size=1, max_size=10).map(" ".join),
).map("".join)
METHOD = st.sampled_from((zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED))


def _read(path: Path) -> tuple[dict[str, str], list[InputFailure]]:
    docs: dict[str, str] = {}
    failures: list[InputFailure] = []
    for item in iter_inputs([str(path)]):
        if isinstance(item, Document):
            docs[item.doc_id.split("!", 1)[1]] = item.text
        else:
            failures.append(item)
    return docs, failures


@SETTINGS
@given(members=st.lists(st.tuples(TEXT, METHOD), min_size=1, max_size=5))
def test_streamed_stored_members_of_a_cut_zip_are_read(
    tmp_path: Path, members: list[tuple[str, int]]
) -> None:
    """Every member of a zip cut before its central directory is read, stored or deflated,
    its sizes in a data descriptor (text holding a local header's magic too); the missing
    directory is one line."""
    named = [(f"{number}.txt", text, method) for number, (text, method) in enumerate(members)]
    path = tmp_path / "cut.zip"
    path.write_bytes(_streamed_zip(named))
    docs, failures = _read(path)
    assert docs == {name: text for name, text, _ in named}
    assert len(failures) == 1 and "central directory" in failures[0].error


@SETTINGS
@given(
    before=st.lists(TEXT, min_size=0, max_size=3),
    after=st.lists(TEXT, min_size=1, max_size=3),
    lost=TEXT,
)
def test_a_stored_member_whose_end_is_not_told_is_named(
    tmp_path: Path, before: list[str], after: list[str], lost: str
) -> None:
    """A stored member whose descriptor does not size it (damaged) cannot be told from the
    members after it: the members before it are read, and it is one line naming it."""
    named = [(f"b{number}.txt", text, zipfile.ZIP_STORED) for number, text in enumerate(before)]
    named.append(("lost.txt", lost, zipfile.ZIP_STORED))
    named += [(f"a{number}.txt", text, zipfile.ZIP_STORED) for number, text in enumerate(after)]
    raw = bytearray(_streamed_zip(named))
    header = raw.index(b"lost.txt") - 30
    data = header + 30 + len("lost.txt")
    descriptor = raw.index(b"PK\x07\x08", data + len(lost.encode()))
    raw[descriptor + 8 : descriptor + 12] = (2**32 - 1).to_bytes(4, "little")  # its size broken
    path = tmp_path / "cut.zip"
    path.write_bytes(bytes(raw))
    docs, failures = _read(path)
    assert docs == {f"b{number}.txt": text for number, text in enumerate(before)}
    assert len(failures) == 1 and "'lost.txt'" in failures[0].error


# ------------------------------------------------------------------ one table of signatures


HEADS = {
    "a zip archive": b"PK\x03\x04" + bytes(26),
    "a bzip2 stream": b"BZh91AY&SY" + bytes(20),
    "an xz stream": b"\xfd7zXZ\x00" + bytes(20),
}


@pytest.mark.parametrize("kind", sorted(HEADS))
def test_one_table_tells_a_stream_and_names_a_misnamed_warc(tmp_path: Path, kind: str) -> None:
    """A container's head is told by the same signature whether it comes down a pipe
    (its suffix) or is given as a WARC (the error naming what it is instead)."""
    from extractor.io.sniffing import SIGNATURES, describe, magic_suffix

    head = HEADS[kind]
    (signature,) = [sig for sig in SIGNATURES if sig.kind == kind]
    assert stream_suffix(head) == magic_suffix(head) == signature.suffix
    assert describe(head) == kind
    path = tmp_path / "crawl.warc"
    path.write_bytes(head + b"x" * 100)
    errors = [item.error for item in iter_inputs([str(path)]) if isinstance(item, InputFailure)]
    assert errors and f"it is {kind}," in errors[0]


# ------------------------------------------------------------------ a big legacy file


@settings(max_examples=6, deadline=None)
@given(
    language=st.sampled_from((RUSSIAN, UKRAINIAN)),
    code_page=st.sampled_from(("koi8_u", "cp1251", "cp866", "mac_cyrillic")),
    ascii_lines=st.integers(0, 6000),
    data=st.data(),
)
def test_a_big_legacy_file_is_guessed_from_a_bounded_sample(
    language: list[str], code_page: str, ascii_lines: int, data: st.DataObject
) -> None:
    """The guess reads at most a bounded sample of a big file (its lines beyond ASCII first,
    so ASCII lines before them hide nothing), and the whole is decoded by it: a legacy file
    of 5 MB was read over and over in Python for a minute."""
    import extractor.io.decoding as decoding

    words = data.draw(st.lists(st.sampled_from(language), min_size=4, max_size=9, unique=True))
    line = " ".join(words).capitalize() + ".\n"
    if code_page == "cp866" and language is UKRAINIAN:
        code_page = "koi8_u"  # cp866 has no "і"
    text = "plain ASCII header line\n" * ascii_lines + line * (100_000 // len(line) + 1)
    seen: list[int] = []
    real = decoding._alphabet_words

    def counted(raw: bytes) -> tuple[bool, bool]:
        seen.append(len(raw))
        return real(raw)

    decoding._alphabet_words = counted  # type: ignore[assignment]
    try:
        decoded, warning = decode_file(text.encode(code_page))
    finally:
        decoding._alphabet_words = real  # type: ignore[assignment]
    assert decoded == text and warning is not None
    assert seen and max(seen) <= 64 * 1024


# ------------------------------------------------------------------ Turkish in cp1254

TURKISH = str.split(
    "hükümet bugün ekonomiyi desteklemek için yeni önlemler açıkladı bakan bütçenin gelecek "
    "hafta onaylanacağını söyledi istanbul'da şiddetli yağış ağır kayıplara yol açtı "
    "seçim sonuçları ılımlı karşılandı şirket büyüdü güneydoğu bölgesinde deprem oldu"
)
ICELANDIC = str.split(
    "ríkisstjórnin kynnti í dag nýjar aðgerðir til stuðnings efnahagnum ráðherra sagði að "
    "fjárlögin yrðu samþykkt í næstu viku þór guðrún"
)


@SETTINGS
@given(
    words=st.lists(st.sampled_from(TURKISH), min_size=1, max_size=10),
    pattern=st.sampled_from(("lower", "title", "sentence")),
    # an Icelandic text writes á é í ó ú or æ, which Turkish does not (two words with
    # only ý, þ or ð, "kynnti nýjar", are Turkish's bytes as well, and read so)
    icelandic=st.lists(st.sampled_from(ICELANDIC), min_size=3, max_size=8, unique=True).filter(
        lambda words: any(char in "áéíóúæ" for word in words for char in word)
    ),
)
def test_turkish_in_cp1254_is_no_western_text(
    words: list[str], pattern: str, icelandic: list[str]
) -> None:
    """Turkish in cp1254 is read as written, not as windows-1252's "açýkladý"; Icelandic
    in windows-1252, whose þ ð ý those bytes are, stays windows-1252. Turkish is told by
    a word in small letters holding ğ ı or ş, or one holding two of them after its first
    letter: capitalised words with one ("Şirket") are what windows-1252 names with þ ð ý
    read as in cp1254 ("Þór", "Poborský")."""
    text = _cased(words, pattern)
    raw = text.encode("cp1254")
    own = "ğışİŞĞ"
    if any(
        (len(word) >= 2 and word.islower() and any(char in own for char in word))
        or sum(char in own for char in word[1:]) >= 2
        for word in re.findall(r"\w+", text)
    ):
        assert decode_file(raw)[0] == text
        assert unit_decoding(raw).decode(raw) == text
    western = _cased(icelandic, pattern).encode("cp1252")
    assert decode_file(western)[0] == _cased(icelandic, pattern)
