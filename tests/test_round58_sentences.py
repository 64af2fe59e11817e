"""Round 58: sentences end at every script's terminator, and fuzzy quotes keep whole words.

Only ".!?…。！？" ended a sentence, so a Hindi, Urdu, Bengali, Amharic, Burmese,
Armenian or Tibetan article was one sentence (a meeting's evidence took in an
accident), and a Greek question (";") ran on into the next. A fuzzy quote's span
began on a vowel sign or inside a word ("त के" for "भारत के"), and the fold kept
"İ" apart from "i", a tatweel apart from nothing, "。" apart from ".".
The texts and the quotes are built here from pieces in many scripts.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.grounding import ground, normalise, normalise_text
from extractor.text.sentences import STOPS, split_sentences

# Sentence bodies (no terminator), each with the marks that end a sentence in its script.
# A body opens with a capital or a letter of a script without case, as a sentence does.
_SCRIPTS: dict[str, tuple[list[str], list[str]]] = {
    "hi": (
        [
            "प्रधानमंत्री ने मंगलवार को फ्रांस के राष्ट्रपति से मुलाकात की",
            "पुलिस ने बताया कि सड़क दुर्घटना में पांच लोगों की मौत हो गई",
            "दोनों नेताओं ने रक्षा और व्यापार पर चर्चा की",
        ],
        ["।", "॥", "?"],
    ),
    "bn": (
        ["প্রধান উপদেষ্টা মঙ্গলবার বৈঠক করেন", "এদিকে চট্টগ্রামে সড়ক দুর্ঘটনায় চারজন নিহত হয়েছেন"],
        ["।"],
    ),
    "ur": (
        [
            "وزیراعظم نے منگل کو فرانسیسی صدر سے ملاقات کی",
            "کراچی میں ایک دھماکے میں تین افراد ہلاک ہو گئے",
        ],
        ["۔", "؟"],
    ),
    "ar": (
        ["التقى الرئيس المصري بالرئيس الفرنسي في القاهرة", "وبحث الجانبان العلاقات الثنائية"],
        ["؟", "."],
    ),
    "am": (
        ["ጠቅላይ ሚኒስትሩ ማክሰኞ ከፈረንሳይ ፕሬዚዳንት ጋር ተወያይተዋል", "በአማራ ክልል በደረሰ ጥቃት አምስት ሰዎች ተገድለዋል"],
        ["።", "፧"],
    ),
    "my": (["ဝန်ကြီးချုပ်သည် အင်္ဂါနေ့တွင် တွေ့ဆုံခဲ့သည်", "နှစ်ဦးသည် ကုန်သွယ်ရေးကို ဆွေးနွေးခဲ့သည်"], ["။"]),
    "hy": (["Վարչապետը երեքշաբթի հանդիպեց նախագահին", "Կողմերը քննարկեցին առևտուրը"], ["։"]),
    "bo": (["སྲིད་འཛིན་གྱིས་ཞབས་ཞུ་བྱས", "གཉིས་ཀྱིས་གྲོས་མོལ་བྱས"], ["།"]),
    "el": (
        ["Ο πρωθυπουργός συναντήθηκε την Τρίτη με τον πρόεδρο", "Συζήτησαν για το εμπόριο"],
        [";", "\u037e", "."],
    ),
    "zh": (
        ["中国国家主席周二在北京会见了法国总统", "双方就全球治理交换了意见"],
        ["。", "！", "？", "｡"],
    ),
    "en": (
        ["The minister met the envoy in Paris", "Police said five people died"],
        [".", "!", "‼", "⁉"],
    ),
}
#: Marks that end a sentence with no blank after them (the others need one, and a capital).
_TIGHT = set(STOPS) | set("。！？")


def _all_stops() -> list[str]:
    """Every character of :data:`STOPS` (it holds ranges), so any of them is drawn."""
    chars, at = [], 0
    while at < len(STOPS):
        if at + 2 < len(STOPS) and STOPS[at + 1] == "-":
            chars += [chr(c) for c in range(ord(STOPS[at]), ord(STOPS[at + 2]) + 1)]
            at += 3
        else:
            chars.append(STOPS[at])
            at += 1
    return chars


@st.composite
def _articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text of sentences of many scripts, each ended by a terminator of its script or by
    any Sentence_Terminal character, joined by nothing, a space or a line break."""
    count = draw(st.integers(2, 6))
    sentences: list[str] = []
    text = ""
    for number in range(count):
        bodies, marks = _SCRIPTS[draw(st.sampled_from(sorted(_SCRIPTS)))]
        body = draw(st.sampled_from(bodies))
        mark = draw(st.one_of(st.sampled_from(marks), st.sampled_from(_all_stops())))
        sentence = body + mark
        if number:
            tight = sentences[-1][-1] in _TIGHT
            text += draw(st.sampled_from(["", " ", "\n"] if tight else [" ", "\n"]))
        sentences.append(sentence)
        text += sentence
    return text, sentences


@settings(max_examples=150, deadline=None)
@given(_articles())
def test_every_scripts_terminator_ends_a_sentence(article: tuple[str, list[str]]) -> None:
    text, expected = article
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == expected, text


# Sentences of scripts that space their words, with the marks, conjuncts and joiners that
# a span must not cut: Devanagari and Bengali conjuncts, Arabic, Persian with its ZWNJ,
# accented Latin, Turkish, Greek, Cyrillic.
_SPACED = [
    "भारत के प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को नई दिल्ली में फ्रांस के राष्ट्रपति से मुलाकात की।",
    "पुलिस ने बताया कि उत्तर प्रदेश में एक सड़क दुर्घटना में पांच लोगों की मौत हो गई।",
    "প্রধান উপদেষ্টা মঙ্গলবার ফরাসি প্রেসিডেন্টের সঙ্গে বৈঠক করেন।",
    "التقى الرئيس المصري عبد الفتاح السيسي يوم الثلاثاء بالرئيس الفرنسي في القاهرة.",
    "رئیس\u200cجمهور ایران روز سه\u200cشنبه در تهران با وزیر خارجه ترکیه دیدار کرد.",
    "El presidente de España, Pedro Sánchez, se reunió el martes con el canciller alemán.",
    "Cumhurbaşkanı Erdoğan salı günü İstanbul'da Fransa Cumhurbaşkanı Macron ile görüştü.",
    "Ο πρωθυπουργός συναντήθηκε την Τρίτη με τον πρόεδρο της Γαλλίας στην Αθήνα.",
    "Президент России во вторник встретился с председателем КНР в Москве.",
    "Thủ tướng Việt Nam Phạm Minh Chính đã gặp Tổng thống Pháp tại Hà Nội hôm thứ Ba.",
]

_SHORT = ["Fin.", "Ende.", "अंत।", "Конец.", "انتهى.", "Τέλος."]


def _mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" or char in "\u200c\u200d"


def _grapheme_boundary(text: str, at: int) -> bool:
    """No mark or joiner after ``at``, no joiner or virama (then a letter) before it."""
    if at in (0, len(text)):
        return True
    before, after = text[at - 1], text[at]
    virama = unicodedata.combining(before) == 9 and after.isalpha()
    return not (_mark(after) or before == "\u200d" or virama)


def _word_boundary(text: str, at: int) -> bool:
    if at in (0, len(text)):
        return True
    word = [text[at - 1].isalnum() or _mark(text[at - 1]), text[at].isalnum() or _mark(text[at])]
    return not all(word)


@st.composite
def _quotes(draw: st.DrawFn) -> tuple[str, str, int]:
    """A text of sentences (a near duplicate of one among them, often), the index of one,
    and a quote of it as a model retypes it: marks dropped, a few characters changed or
    dropped or spelled as an HTML entity, a word's first or last letters cut off. Short
    sentences around it tempt the alignment to run on into them."""
    picked = draw(st.lists(st.sampled_from(_SPACED), min_size=1, max_size=4, unique=True))
    target = draw(st.integers(0, len(picked) - 1))
    short = draw(st.lists(st.sampled_from(_SHORT), min_size=2, max_size=2))
    sentences = [short[0], *picked, short[1]]
    target += 1
    if draw(st.booleans()):  # a near duplicate just before or after: a quote must not run on
        original = sentences[target]
        twin = original.replace(" ", "  ", 1)[:-4] + original[-1]
        sentences.insert(target + draw(st.integers(0, 1)), twin)
        target = sentences.index(original)
    quote = sentences[target]
    if draw(st.booleans()):
        quote = "".join(c for c in unicodedata.normalize("NFD", quote) if not _mark(c))
    chars = list(quote)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(chars) - 1))
        chars[at] = draw(st.sampled_from(["", "x", "ा", " ", "&rsquo;", "&amp;", "&mdash;"]))
    quote = "".join(chars)
    quote = quote[draw(st.integers(0, 4)) : len(quote) - draw(st.integers(0, 4))]
    return " ".join(sentences), quote, target


@settings(max_examples=200, deadline=None)
@given(_quotes())
def test_a_fuzzy_span_keeps_whole_words_in_one_sentence(case: tuple[str, str, int]) -> None:
    text, quote, _ = case
    span = ground(quote, text)
    if span.start is None or span.end is None or span.alignment == "exact":
        return
    assert 0 <= span.start < span.end <= len(text)
    for at in (span.start, span.end):
        assert _grapheme_boundary(text, at), (quote, text[span.start : span.end])
        if span.alignment == "fuzzy":
            assert _word_boundary(text, at), (quote, text[span.start : span.end])
    if span.alignment == "fuzzy" and len(split_sentences(quote)) == 1:
        inside = [s for s in split_sentences(text) if s.start < span.end and span.start < s.end]
        assert len(inside) == 1, (quote, text[span.start : span.end])


_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="abcdefghijklmnoprstuvyzğüşöçı ", min_size=1, max_size=20),
    st.lists(st.sampled_from(_ARABIC), min_size=2, max_size=12),
    st.data(),
)
def test_the_fold_makes_equivalent_writings_equal(turkish: str, letters: list[str], data) -> None:
    """ "İ" and "i", a word with and without tatweel, "。" and ".", fold alike; the offset
    form of the fold agrees with the fast one."""
    dotted = "".join("İ" if c == "i" else c for c in "i" + turkish)
    assert normalise_text(dotted) == normalise_text("i" + turkish)
    at = data.draw(st.integers(1, len(letters) - 1))
    stretched = (
        "".join(letters[:at]) + "\u0640" * data.draw(st.integers(1, 4)) + "".join(letters[at:])
    )
    assert normalise_text(stretched) == normalise_text("".join(letters))
    sentence = "".join(letters) + data.draw(st.sampled_from(["。", "｡"])) + " " + turkish
    assert normalise_text(sentence) == normalise_text("".join(letters) + ". " + turkish)
    for text in (dotted, stretched, sentence, "I\u0307" + turkish, "i\u0307\u0307j\u0307"):
        folded, index = normalise(text)
        assert folded == normalise_text(text)
        assert len(index) == len(folded)
        assert normalise_text(folded) == folded
