"""Round 64: where a quote is grounded, and with what label.

* A quote is not found inside a longer number or word: "12 people died" is not in
  "112 people died" (a digit binds a digit, a letter a letter in a script that spaces its
  words; in CJK only digits bind).
* A span never ends between a letter and its combining marks, and a quote lacking an
  accent the text has is neither an exact nor a normalised match.
* Arabic-script letters typed on another keyboard (ي/ی, ك/ک) or without their hamza fold
  alike, as the cue patterns read them.

Sentences written for this test, several fillers per language.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.grounding import ground_quote, normalise_text

# A sentence with a count in it, per language: "{n}" is the number.
COUNTS = {
    "en": "At least {n} people died in the blast near the market.",
    "fr": "Au moins {n} personnes sont mortes dans l'explosion au marché.",
    "ru": "В результате взрыва на рынке погибли {n} человек.",
    "ar": "قتل {n} شخصا في انفجار قرب السوق.",
    "hi": "बाजार के पास धमाके में {n} लोगों की मौत हो गई।",
    "zh": "市场附近的爆炸造成{n}人死亡。",
    "ja": "市場近くの爆発で{n}人が死亡した。",
}
# The quote's edge is a word the text goes on with (spaced scripts).
CUT_WORDS = {
    "en": ("The army lost three tank", "The army lost three tanks near the border."),
    "es": ("El ejército perdió tres tanque", "El ejército perdió tres tanques en la frontera."),
    "de": ("Die Armee verlor drei Panzer", "Die Armee verlor drei Panzerwagen an der Grenze."),
    "ru": ("Армия потеряла три танк", "Армия потеряла три танка у границы."),
    "tr": ("Ordu sınırda üç tank", "Ordu sınırda üç tankını kaybetti."),
}
# A word whose one accent is on its last letter, so that the word without it is a prefix
# of its decomposed form.
ACCENTED_LAST = {
    "fr": ("Le ministre est arrivé", " hier soir à Dakar."),
    "es": ("El presidente llegó", " el lunes a Madrid."),
    "pt": ("O presidente já está", " em Lisboa desde segunda-feira."),
    "it": ("Il ministro è arrivato in città", " per una visita di due giorni."),
    "vi": ("Thủ tướng đã đến Hà Nội vào thứ", " Hai để hội đàm với tổng thống."),
}
PERSIAN = (
    "وزیر امور خارجه ایران روز دوشنبه به کابل رفت.",
    "یک انفجار در بازار کراچی دست کم دوازده کشته برجای گذاشت.",
    "رئیس جمهور کشور با همتای خود در تهران دیدار کرد.",
)
ARABIC = (
    "وصل وزير الخارجية إلى الكويت يوم الاثنين في زيارة رسمية.",
    "التقى الرئيس المصري نظيره الأمريكي في القاهرة.",
    "أعلنت الحكومة مقتل أكثر من عشرين شخصا في الهجوم.",
)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _strip_marks(text: str) -> str:
    return "".join(c for c in _nfd(text) if not unicodedata.combining(c))


@settings(max_examples=60, deadline=None)
@given(
    language=st.sampled_from(sorted(COUNTS)),
    n=st.integers(min_value=1, max_value=999),
    lead=st.integers(min_value=1, max_value=9),
)
def test_a_quote_is_not_found_inside_a_longer_number(language: str, n: int, lead: int) -> None:
    sentence = COUNTS[language]
    text = sentence.format(n=f"{lead}{n}")
    quote = sentence.format(n=n)
    assert ground_quote(quote, text).alignment == "not_found"
    # The same quote where the text says that number whole: found there, exactly.
    both = text + " " + quote
    span = ground_quote(quote, both)
    assert (span.alignment, span.start) == ("exact", len(text) + 1)


@settings(max_examples=40, deadline=None)
@given(language=st.sampled_from(sorted(COUNTS)), n=st.integers(min_value=10, max_value=999))
def test_a_number_cut_at_its_end_is_not_found_either(language: str, n: int) -> None:
    sentence = COUNTS[language]
    head = sentence[: sentence.index("{n}")]
    quote = head + str(n)[:-1]  # "погибли 3" against "погибли 31"
    span = ground_quote(quote, sentence.format(n=n))
    assert span.alignment not in ("exact", "normalised")


@given(language=st.sampled_from(sorted(CUT_WORDS)), nfd=st.booleans())
def test_a_quote_ending_inside_a_word_is_not_exact(language: str, nfd: bool) -> None:
    quote, text = CUT_WORDS[language]
    if nfd:
        text = _nfd(text)
    span = ground_quote(quote, text)
    assert span.alignment not in ("exact", "normalised")
    if span.found:
        assert span.end is not None and not text[span.end].isalpha()


def test_only_digits_bind_in_scripts_without_spaces() -> None:
    for text, quote in (
        ("市场附近的爆炸造成12人死亡。", "造成12人死"),
        ("市場近くの爆発で12人が死亡した。", "爆発で12人が死亡"),
    ):
        span = ground_quote(quote, text)
        assert span.alignment == "exact"
        assert text[span.start : span.end] == quote


@given(language=st.sampled_from(sorted(ACCENTED_LAST)), nfd=st.booleans())
def test_a_quote_lacking_the_texts_last_accent_is_neither_exact_nor_normalised(
    language: str, nfd: bool
) -> None:
    quoted, rest = ACCENTED_LAST[language]
    text = quoted + rest
    if nfd:
        text = _nfd(text)
    quote = quoted[:-1] + _strip_marks(quoted[-1])
    span = ground_quote(quote, text)
    if span.alignment in ("exact", "normalised"):  # only where the fold really equals
        assert normalise_text(text[span.start : span.end]) == normalise_text(quote)
    if span.found:
        assert span.start is not None and span.end is not None
        assert not unicodedata.combining(text[span.end])
        assert not unicodedata.combining(text[span.start])
    # The accented quote itself is found whole, with its accent.
    whole = ground_quote(quoted, text)
    assert whole.alignment in ("exact", "normalised")
    assert normalise_text(text[whole.start : whole.end]) == normalise_text(quoted)


@given(sentence=st.sampled_from(PERSIAN + ARABIC), reverse=st.booleans(), nfd=st.booleans())
def test_arabic_script_letters_of_either_keyboard_or_hamza_fold_alike(
    sentence: str, reverse: bool, nfd: bool
) -> None:
    retyped = sentence.translate(
        str.maketrans("یک", "يك") if sentence in PERSIAN else str.maketrans("يك", "یک")
    )
    text, quote = (retyped, sentence) if reverse else (sentence, retyped)
    if nfd:
        text = _nfd(text)
    span = ground_quote(quote, text)
    assert span.alignment in ("exact", "normalised")
    assert (span.start, span.end) == (0, len(text))
    unhamza = quote.translate(str.maketrans("أإآؤئ", "ااايي"))
    assert normalise_text(unhamza) == normalise_text(text)


# Sentences with diacritics, each between two others; a small model retypes them bare.
DIACRITICS = {
    "fr": "Le président sénégalais est arrivé lundi à Paris pour une visite d'État de trois jours.",
    "tr": "Cumhurbaşkanı pazartesi günü resmi bir ziyaret için Bakü'ye geldi.",
    "it": "È stato accolto all'aeroporto dal ministro degli esteri.",
    "vi": "Thủ tướng Việt Nam đã đến Tokyo vào thứ Hai để hội đàm với người đồng cấp.",
    "el": "Ο Πρόεδρος της Γαλλίας έφτασε τη Δευτέρα στην Αθήνα για επίσημη επίσκεψη.",
    "pl": "Prezydent Polski przybył w poniedziałek do Wilna z dwudniową wizytą.",
}
FILLERS = (
    ("The talks were announced last week.", "A joint statement is expected."),
    ("Officials gave no further details.", "Security was tight in the capital."),
)


@given(language=st.sampled_from(sorted(DIACRITICS)), filler=st.sampled_from(FILLERS))
def test_a_quote_retyped_without_diacritics_spans_its_whole_sentence(
    language: str, filler: tuple[str, str]
) -> None:
    sentence = DIACRITICS[language]
    text = f"{filler[0]} {sentence} {filler[1]}"
    bare = _strip_marks(sentence).translate(str.maketrans("ıđĐ", "idD"))
    span = ground_quote(bare, text)
    assert span.alignment == "fuzzy"
    start = len(filler[0]) + 1
    assert span.start == start
    assert span.end in (start + len(sentence) - 1, start + len(sentence))  # the stop or not
