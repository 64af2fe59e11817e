"""Round 63: legacy files with lines that are UTF-8 by chance, stray bytes, Latvian, UTF-16.

Before the fix:

* a GBK, EUC-KR or EUC-JP file had its short lines (a caption, "图片", "체크") replaced by
  the characters their bytes make in UTF-8 ("ͼƬ", "üũ"): a line valid UTF-8 was read so
  whenever the file held three such characters, though its legacy reading was its own
  script's common characters;
* a small legacy file with one or two bytes its code page does not define (a Hebrew
  windows-1255 text with "ß" in UTF-8) was read whole in another code page ('äùéçåú');
* a UTF-8 line of one or two characters beyond ASCII ("José Pérez", "© 2024") in a legacy
  file was read in the legacy code page ("JosÃ© PÃ©rez");
* Latvian in windows-1257 was read as Turkish in windows-1254 ("Rîgâ noslçdzâs");
* UTF-16 without a byte order mark holding a format character (a zero-width space or
  joiner, a direction mark, a soft hyphen) was refused as binary.

Every corpus here is generated from sentences written for this test with a fixed seed.
"""

from __future__ import annotations

import random

import pytest

from extractor.errors import InputError
from extractor.io.decoding import decode_file

#: Sentences written for this test, per language, and the legacy code pages each is saved in.
LEGACY = {
    "fr": (
        [
            "Le gouvernement a annoncé mardi de nouveaux impôts sur l’énergie.",
            "La police a indiqué que trois personnes ont été blessées près de Lyon.",
            "Le ministre s’est rendu à Genève pour rencontrer son homologue.",
        ],
        ("cp1252",),
    ),
    "de": (
        [
            "Die Regierung kündigte am Dienstag neue Steuern für Großbetriebe an.",
            "Die Polizei teilte mit, dass drei Menschen verletzt wurden.",
        ],
        ("cp1252",),
    ),
    "pl": (
        [
            "Rząd ogłosił we wtorek nowe podatki dla przedsiębiorstw.",
            "Policja poinformowała, że w wypadku rannych zostały trzy osoby.",
        ],
        ("cp1250",),
    ),
    "ru": (
        [
            "Правительство во вторник объявило о новых налогах.",
            "Полиция сообщила, что в аварии пострадали три человека.",
            "Министр встретился с коллегами в Новосибирске.",
        ],
        ("cp1251",),
    ),
    "el": (
        [
            "Η κυβέρνηση ανακοίνωσε νέους φόρους την Τρίτη.",
            "Η αστυνομία ανέφερε ότι τρία άτομα τραυματίστηκαν στο λιμάνι.",
        ],
        ("cp1253",),
    ),
    "tr": (
        [
            "Hükümet salı günü yeni vergiler açıkladı.",
            "Polis, kazada üç kişinin yaralandığını bildirdi.",
        ],
        ("cp1254",),
    ),
    "he": (
        [
            "הממשלה הודיעה ביום שלישי על מסים חדשים.",
            "המשטרה דיווחה כי שלושה בני אדם נפצעו בתאונה בחיפה.",
            "ראש הממשלה נפגש עם שר החוץ בירושלים.",
        ],
        ("cp1255",),
    ),
    "ar": (
        [
            "أعلنت الحكومة يوم الثلاثاء عن ضرائب جديدة.",
            "قالت الشرطة إن ثلاثة أشخاص أصيبوا في الحادث.",
        ],
        ("cp1256",),
    ),
    "lt": (
        [
            "Vyriausybė antradienį pranešė apie naujus mokesčius.",
            "Policija pranešė, kad avarijoje buvo sužeisti trys žmonės.",
        ],
        ("cp1257",),
    ),
    "lv": (
        [
            "Valdība otrdien paziņoja par jauniem nodokļiem.",
            "Rīgā notika sanāksme, kurā piedalījās ministri.",
            "Policija ziņoja, ka negadījumā cieta trīs cilvēki.",
            "Armija sūtīja karavīrus uz robežu pie Daugavas.",
            "Vētra sabojāja mājas Latgalē un Vidzemē.",
        ],
        ("cp1257",),
    ),
    "th": (
        [
            "รัฐบาลประกาศภาษีใหม่เมื่อวันอังคาร",
            "ตำรวจรายงานว่ามีผู้บาดเจ็บสามคนจากอุบัติเหตุ",
        ],
        ("cp874",),
    ),
}


def _undefined(encoding: str) -> list[int]:
    """The bytes ``encoding`` defines no character for."""
    undefined = []
    for byte in range(0x80, 0x100):
        try:
            bytes([byte]).decode(encoding)
        except UnicodeDecodeError:
            undefined.append(byte)
    return undefined


def _body(rng: random.Random, sentences: list[str], count: int) -> list[str]:
    return [rng.choice(sentences) for _ in range(count)]


# ------------------------------------------------ lines valid UTF-8 by chance (item 1)

#: Body sentences and words of common characters for captions, per East Asian encoding.
EAST_ASIAN = {
    "gbk": (
        ["上海的会议于星期二结束，双方签署了贸易协议。", "警方说，昨天的事故造成三人受伤。"],
        "图片 学习 小说 实时 之前 一些 图说 新闻 时间 记者 学生 地方 国家 工作 发展 问题",
    ),
    "gb18030": (
        ["政府周二宣布了新的税收政策。", "记者在现场看到很多学生。"],
        "图片 学习 小说 实时 之前 一些 图说 说明 时候 经济 市场 社会 历史 文化",
    ),
    "euc_kr": (
        ["정부는 화요일에 새로운 세금을 발표했다.", "경찰은 사고로 세 명이 다쳤다고 밝혔다."],
        "체크 처치 치료 처리 트럭 카드 확인 회의 표지 활동 환경 호텔 화면 커피",
    ),
    "euc_jp": (
        ["政府は火曜日に新しい税金を発表した。", "警察によると、事故で三人がけがをした。"],
        "東京 首相 会談 外務 大臣 国境 攻撃 兵士 死亡 発表 図表 写真 記者 経済",
    ),
}


def _chance_utf8_captions(encoding: str, words: str) -> list[str]:
    """The captions (a word, or two) whose bytes in ``encoding`` are valid UTF-8 too."""
    found = []
    pool = words.split()
    for first in pool:
        for second in ("", *pool):
            caption = first + second
            data = caption.encode(encoding)
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            found.append(caption)
    return found


@pytest.mark.parametrize("encoding", sorted(EAST_ASIAN))
def test_east_asian_lines_valid_utf8_by_chance_stay_legacy(encoding: str) -> None:
    sentences, words = EAST_ASIAN[encoding]
    captions = _chance_utf8_captions(encoding, words)
    assert captions, "the test needs captions that are valid UTF-8 by chance"
    rng = random.Random(63)
    for _ in range(12):
        lines = _body(rng, sentences, rng.choice([2, 4, 8]))
        for _ in range(rng.randint(1, 3)):
            lines.insert(rng.randint(0, len(lines)), rng.choice(captions))
        text = "\n".join(lines) + "\n"
        got, warning = decode_file(text.encode(encoding))
        assert got == text, (encoding, warning)


@pytest.mark.parametrize("encoding", sorted(EAST_ASIAN))
def test_east_asian_file_with_a_utf8_line_reads_it_as_utf8(encoding: str) -> None:
    sentences, _ = EAST_ASIAN[encoding]
    rng = random.Random(7)
    pasted = ["The talks in Zürich ended — “a deal”, the minister said.", "Reporter: José Pérez"]
    for _ in range(4):
        lines = _body(rng, sentences, 4)
        parts = [line.encode(encoding) for line in lines]
        utf8 = rng.choice(pasted)
        at = rng.randint(0, len(lines))
        parts.insert(at, utf8.encode())
        lines.insert(at, utf8)
        got, warning = decode_file(b"\n".join(parts) + b"\n")
        assert got == "\n".join(lines) + "\n", warning


# --------------------------------------------- a few bytes the code page lacks (item 2)


def _stray_cases(seed: int, count: int) -> list[tuple[bytes, str]]:
    """Small legacy files (under 64 KB) with one or two bytes their code page does not
    define put between words, and the text expected (U+FFFD for each)."""
    rng = random.Random(seed)
    pages = [(lang, name) for lang, (_, names) in LEGACY.items() for name in names]
    cases = []
    while len(cases) < count:
        lang, name = rng.choice(pages)
        undefined = _undefined(name)
        if not undefined:
            continue
        words = " ".join(_body(rng, LEGACY[lang][0], rng.choice([3, 8, 30]))).split(" ")
        spots = set(rng.sample(range(1, len(words)), rng.randint(1, 2)))
        data, text = b"", ""
        for at, word in enumerate(words):
            sep_bytes = sep_text = " " if at else ""
            if at in spots:
                stray = bytes([rng.choice(undefined)])
                sep_bytes, sep_text = " " + stray.decode("latin-1"), " \ufffd"
            data += sep_bytes.encode("latin-1") + word.encode(name)
            text += sep_text + word
        cases.append((data, text))
    return cases


#: Below this many letters beyond ASCII a text tells no code page (English words and a
#: byte): the guess that decodes the stray byte stands, and only that byte may differ.
FEW_LETTERS = 3


@pytest.mark.parametrize(("data", "text"), _stray_cases(63, 40))
def test_stray_undefined_bytes_do_not_flip_a_small_file(data: bytes, text: str) -> None:
    got, warning = decode_file(data)
    if sum(1 for char in text if char.isalpha() and not char.isascii()) < FEW_LETTERS:
        assert len(got) == len(text)
        assert all(a == b for a, b in zip(got, text, strict=True) if b != "\ufffd")
        return
    assert got == text
    assert warning is not None and "U+FFFD" in warning


def test_utf8_letter_inside_a_legacy_line_is_read_as_utf8() -> None:
    rng = random.Random(5)
    hebrew = LEGACY["he"][0]
    for count in (1, 3, 6):
        body = "\n".join(_body(rng, hebrew, count)) + "\n"
        line_start, line_end = "השר נפגש עם עמיתו ברחוב ", " בברלין.\n"
        data = (
            body.encode("cp1255")
            + line_start.encode("cp1255")
            + "Friedrichstraße".encode()
            + line_end.encode("cp1255")
        )
        got, _ = decode_file(data)
        assert got == body + line_start + "Friedrichstraße" + line_end


# ------------------------------------------ short UTF-8 lines in a legacy file (item 3)

SHORT_UTF8 = [
    "Reporter: José Pérez",
    "München",
    "© 2024",
    "Price: 5 €",
    "— AFP",
    "Łódź",
    "Photo: 🚨",
    "Tags: Россия",
    "“Quote”",
]


def _short_utf8_cases(seed: int, count: int) -> list[tuple[bytes, str]]:
    rng = random.Random(seed)
    pages = [(lang, name) for lang, (_, names) in LEGACY.items() for name in names]
    cases = []
    while len(cases) < count:
        lang, name = rng.choice(pages)
        lines = _body(rng, LEGACY[lang][0], rng.choice([2, 5, 12]))
        parts = [line.encode(name) for line in lines]
        short = rng.choice(SHORT_UTF8)
        at = rng.randint(0, len(lines))
        parts.insert(at, short.encode())
        lines.insert(at, short)
        cases.append((b"\n".join(parts) + b"\n", "\n".join(lines) + "\n"))
    return cases


@pytest.mark.parametrize(("data", "text"), _short_utf8_cases(11, 40))
def test_short_utf8_line_in_a_legacy_file_is_utf8(data: bytes, text: str) -> None:
    assert decode_file(data)[0] == text


# ------------------------------------------------------------------ Latvian (item 4)


def test_latvian_in_windows_1257_is_not_turkish() -> None:
    rng = random.Random(4)
    sentences = LEGACY["lv"][0]
    for count in (1, 2, 3, 6, 20):
        for _ in range(3):
            text = "\n".join(_body(rng, sentences, count)) + "\n"
            got, warning = decode_file(text.encode("cp1257"))
            assert got == text, warning


def test_turkish_in_windows_1254_stays_turkish() -> None:
    rng = random.Random(4)
    sentences = [*LEGACY["tr"][0], "Beşiktaş'ta görüştü.", "Cumhurbaşkanı İstanbul'da konuştu."]
    for count in (1, 2, 5):
        for _ in range(3):
            text = " ".join(_body(rng, sentences, count))
            assert decode_file(text.encode("cp1254"))[0] == text


# ------------------------------------------------------- single-byte files still read


@pytest.mark.parametrize("lang", sorted(LEGACY))
def test_clean_legacy_files_still_read(lang: str) -> None:
    sentences, names = LEGACY[lang]
    rng = random.Random(len(lang))
    for name in names:
        for count in (2, 6, 25):
            text = "\n".join(_body(rng, sentences, count)) + "\n"
            assert decode_file(text.encode(name))[0] == text


# --------------------------------------------- UTF-16 with format characters (item 5)

FORMATTED = [
    "Officials said the\u200bmarket reopened on Monday in Kano.",
    "Families \U0001f469\u200d\U0001f469\u200d\U0001f467 gathered near the square on Monday.",
    "Police (\u05d3\u05d5\u05d1\u05e8\u200f) said the road was closed.",
    "The market re\u00adopened on Monday, officials said.",
    "The \u2066report\u2069 was published on Tuesday by the ministry.",
]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_holding_format_characters_is_read(encoding: str) -> None:
    rng = random.Random(16)
    plain = "At least five people were killed in the attack, officials said."
    for _ in range(10):
        lines = [rng.choice(FORMATTED), *(plain for _ in range(rng.randint(0, 3)))]
        rng.shuffle(lines)
        text = "\n".join(lines) + "\n"
        assert decode_file(text.encode(encoding))[0] == text


def test_binary_is_still_refused() -> None:
    rng = random.Random(99)
    for _ in range(60):
        data = rng.randbytes(rng.choice([64, 300, 2000]))
        if b"\x00" not in data:
            data += b"\x00"
        with pytest.raises(InputError):
            decode_file(data)


# ------------------------------------------- a UTF-8 file with one legacy line (guard)

UTF8_LINES = [
    "Її їжак і ґанок є в Україні.",
    "ｶﾀｶﾅのﾃｽﾄです。",
    "東京での協議は火曜日に終わった。",
    "Die Gespräche in München endeten am Montag.",
    "Οι συνομιλίες ολοκληρώθηκαν τη Δευτέρα.",
]
LEGACY_LINES = [
    ("הממשלה הודיעה על מסים.", "cp1255"),
    ("أعلنت الحكومة عن ضرائب.", "cp1256"),
    ("Правительство объявило о налогах.", "cp1251"),
]


def test_utf8_lines_around_one_legacy_line_stay_utf8() -> None:
    rng = random.Random(8)
    for _ in range(20):
        lines = [rng.choice(UTF8_LINES) for _ in range(rng.choice([2, 5, 12]))]
        parts = [line.encode() for line in lines]
        legacy, name = rng.choice(LEGACY_LINES)
        at = rng.randint(0, len(lines))
        parts.insert(at, legacy.encode(name))
        lines.insert(at, legacy)
        assert decode_file(b"\n".join(parts) + b"\n")[0] == "\n".join(lines) + "\n"
