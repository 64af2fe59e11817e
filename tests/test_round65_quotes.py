"""Round 65: quotes of Arabic-script text typed on another keyboard, and hinted quotes.

* A Persian yeh "ی" is the Arabic "ي" and, at a word's end, the Arabic "ى" ("مصطفی" is
  "مصطفى", "علی" is "علي"): a quote with either aligns with an article with the other,
  and the reverse; but the Arabic "ي" and "ى" stay two letters ("علي" is no "على").
  Urdu's heh goal and teh marbuta goal ("ہ", "ۃ") are the Arabic "ه" and "ة", and the
  Persian digits ("۱۲") the Arabic-Indic ones ("١٢"). Alignment only: the package's one
  fold (``normalise_text``) keeps every letter.
* A quote is found only whole, hinted or not: the model's offsets pointing at "12" inside
  "112" (or "tank" inside "tanks") do not make it a quote of the text there.

Every span is ``text[start:end]`` of the text as given. Sentences written for this test.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.grounding import ground, ground_quote, normalise_text

few = settings(max_examples=120, deadline=None)

# Names and words with a final alef maqsura in Arabic spelling (a Persian article writes them
# with "ی"), names with a final "ي", and words with "ي" or "ك" inside.
MAQSURA_WORDS = ("مصطفى", "موسى", "عيسى", "يحيى", "مرتضى", "مجتبى", "ليلى", "المستشفى")
YEH_WORDS = ("علي", "مهدي", "الحسيني", "هاني", "التميمي", "راضي")
INNER_WORDS = ("الكويت", "كابل", "بيروت", "كركوك", "الشيخ", "مكتب", "حكيم")
# Arabic templates: "{a}", "{b}", "{c}" take a word of each list above.
TEMPLATES = (
    "وصل {a} إلى {c} يوم الاثنين برفقة {b} في زيارة رسمية.",
    "التقى {b} مع {a} في {c} لبحث الأوضاع الأمنية.",
    "قال {a} إن {b} سيزور {c} الأسبوع المقبل.",
    "استقبل {b} في {c} الوزير {a} صباح اليوم.",
)
FILLERS = ("", "أعلنت الحكومة ذلك في بيان. ", "وذكرت وكالة الأنباء الرسمية التفاصيل. ")

TO_PERSIAN = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


sentences = st.builds(
    lambda template, a, b, c: template.format(a=a, b=b, c=c),
    st.sampled_from(TEMPLATES),
    st.sampled_from(MAQSURA_WORDS),
    st.sampled_from(YEH_WORDS),
    st.sampled_from(INNER_WORDS),
)


@few
@given(
    sentence=sentences,
    persian_quote=st.booleans(),
    before=st.sampled_from(FILLERS),
    after=st.sampled_from(FILLERS),
    nfd=st.booleans(),
    hinted=st.booleans(),
)
def test_a_persian_yeh_or_kaf_aligns_with_the_arabic_letters_and_the_reverse(
    sentence: str, persian_quote: bool, before: str, after: str, nfd: bool, hinted: bool
) -> None:
    persian = sentence.translate(TO_PERSIAN)
    quoted, written = (persian, sentence) if persian_quote else (sentence, persian)
    if nfd:
        written = _nfd(written)
    text = before + written + (" " + after if after else "")
    start = len(before)
    span = ground_quote(quoted, text, hint=start if hinted else None)
    assert span.alignment in ("exact", "normalised"), (quoted, text)
    assert (span.start, span.end) == (start, start + len(written))
    # the package's one fold keeps the letters apart (the rules read it)
    assert normalise_text(quoted) != normalise_text(text[span.start : span.end])


@few
@given(
    template=st.sampled_from(TEMPLATES),
    word=st.sampled_from(MAQSURA_WORDS + YEH_WORDS),
    other=st.sampled_from(YEH_WORDS),
    inner=st.sampled_from(INNER_WORDS),
    persian_text=st.booleans(),
)
def test_a_name_alone_aligns_across_the_keyboards(
    template: str, word: str, other: str, inner: str, persian_text: bool
) -> None:
    """One word, as a name's quote is: the Persian spelling of an Arabic name found in the
    Arabic article and the Arabic spelling in the Persian one, at the name."""
    full = template.format(a=word, b=other if other != word else "سعيد", c=inner)
    text = full.translate(TO_PERSIAN) if persian_text else full
    quote = word if persian_text else word.translate(TO_PERSIAN)
    at = full.index(word)
    span = ground_quote(quote, text)
    assert (span.start, span.end) == (at, at + len(word)), (quote, text)
    assert span.alignment == "normalised"


@few
@given(
    template=st.sampled_from(TEMPLATES),
    maqsura=st.sampled_from(MAQSURA_WORDS),
    yeh=st.sampled_from(YEH_WORDS),
    inner=st.sampled_from(INNER_WORDS),
)
def test_the_arabic_yeh_and_alef_maqsura_stay_two_letters(
    template: str, maqsura: str, yeh: str, inner: str
) -> None:
    """Near misses: a quote whose final "ى" is "ي" (or the reverse) in an Arabic article is
    no exact or normalised quote of it; only a Persian yeh is either."""
    text = template.format(a=maqsura, b=yeh, c=inner)
    for wrong in (
        template.format(a=maqsura[:-1] + "\u064a", b=yeh, c=inner),
        template.format(a=maqsura, b=yeh[:-1] + "\u0649", c=inner),
    ):
        assert ground_quote(wrong, text).alignment not in ("exact", "normalised")
    for other in (maqsura[:-1] + "\u064a", yeh[:-1] + "\u0649"):
        assert ground_quote(other, text).alignment == "not_found", other
        assert ground_quote(other.translate(TO_PERSIAN), text).alignment == "normalised"


URDU = (
    "وزیر اعظم نے کہا کہ حکومۃ پاکستان اس معاملے پر غور کرے گی۔",
    "لاہور میں ایک دھماکے میں بارہ افراد ہلاک ہو گئے۔",
    "وزیر خارجہ آج شام کابل پہنچے۔",
)
TO_ARABIC_KEYBOARD = str.maketrans(
    {"\u06c1": "\u0647", "\u06c3": "\u0629", "\u06cc": "\u064a", "\u06a9": "\u0643"}
)


@given(sentence=st.sampled_from(URDU), reverse=st.booleans(), nfd=st.booleans())
def test_urdu_heh_goal_and_teh_marbuta_goal_align_with_the_arabic_letters(
    sentence: str, reverse: bool, nfd: bool
) -> None:
    retyped = sentence.translate(TO_ARABIC_KEYBOARD)
    assert retyped != sentence
    text, quote = (retyped, sentence) if reverse else (sentence, retyped)
    text = _nfd(text) if nfd else text
    span = ground_quote(quote, text)
    assert span.alignment in ("exact", "normalised")
    assert (span.start, span.end) == (0, len(text))
    assert normalise_text(sentence) != normalise_text(retyped)  # the one fold keeps them


PERSIAN_COUNTS = (
    "در انفجار بازار دست کم {n} نفر کشته شدند.",
    "به گفته مقامات محلی {n} خانه ویران شد.",
)
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@few
@given(
    template=st.sampled_from(PERSIAN_COUNTS),
    n=st.integers(min_value=1, max_value=9999),
    lead=st.integers(min_value=1, max_value=9),
    persian_quote=st.booleans(),
)
def test_persian_digits_are_the_arabic_indic_digits_whole(
    template: str, n: int, lead: int, persian_quote: bool
) -> None:
    persian = template.format(n=str(n).translate(PERSIAN_DIGITS))
    arabic = template.format(n=str(n).translate(ARABIC_DIGITS))
    quote, text = (persian, arabic) if persian_quote else (arabic, persian)
    span = ground_quote(quote, text)
    assert span.alignment == "normalised" and (span.start, span.end) == (0, len(text))
    longer = str(lead) + str(n)  # "۱۱۲" in the text, "١٢" in the quote: another number
    table = ARABIC_DIGITS if persian_quote else PERSIAN_DIGITS
    span = ground_quote(quote, template.format(n=longer.translate(table)))
    assert span.alignment == "not_found"


# ---------------------------------------------------------------- hinted quotes
COUNTS = {
    "en": "Officials said at least {n} people were killed in the attack.",
    "fr": "Selon les autorités, au moins {n} personnes ont été tuées.",
    "ru": "По данным властей, погибли не менее {n} человек.",
    "ar": "قال مسؤولون إن {n} شخصا قتلوا في الهجوم.",
    "fa": "مقامات گفتند {n} نفر در این حمله کشته شدند.",
    "zh": "官员说，袭击造成{n}人死亡。",
}
WORDS = {
    "en": ("tank", "The army lost three tanks near the border."),
    "es": ("tanque", "El ejército perdió tres tanques en la frontera."),
    "de": ("Panzer", "Die Armee verlor drei Panzerwagen an der Grenze."),
    "ru": ("танк", "Армия потеряла три танка у границы."),
    "ar": ("مدفع", "قصفت المدفعية مواقع قرب الحدود."),
}


@few
@given(
    language=st.sampled_from(sorted(COUNTS)),
    n=st.integers(min_value=1, max_value=999),
    lead=st.integers(min_value=1, max_value=9),
    whole=st.booleans(),
    tail=st.booleans(),
)
def test_a_hint_inside_a_longer_number_is_no_quote_of_it(
    language: str, n: int, lead: int, whole: bool, tail: bool
) -> None:
    """The model's offsets point at "12" inside "112": the quote "12" (or a quote ending
    with the text's words after it) is not found there; where the text also says the
    number whole, it is found there instead."""
    sentence = COUNTS[language]
    text = sentence.format(n=f"{lead}{n}")
    at = sentence.index("{n}")
    hint = at + 1  # the quote's digits inside the longer number
    rest = sentence[at + 3 :]
    quote = str(n) + (rest[: rest.find(" ", 3) if " " in rest[3:] else len(rest)] if tail else "")
    assert text.startswith(quote, hint)  # the model's offsets hold it verbatim
    if whole:
        text = text + " " + sentence.format(n=n)
    span = ground(quote, text, hint=hint)
    assert (span.start, span.end) != (hint, hint + len(quote)), (quote, text)
    if span.alignment in ("exact", "normalised"):
        assert span.start is not None and span.start > len(sentence)  # the whole one
        assert text[span.start : span.end] == quote or normalise_text(
            text[span.start : span.end]
        ) == normalise_text(quote)
    if whole:
        assert span.alignment == "exact" and text[span.start : span.end] == quote
    else:
        assert span.alignment == "not_found"


@given(language=st.sampled_from(sorted(WORDS)), repeat=st.booleans())
def test_a_hint_inside_a_longer_word_is_no_quote_of_it(language: str, repeat: bool) -> None:
    word, text = WORDS[language]
    hint = text.index(word)
    if repeat:  # the text says the word alone too: found there
        text = text + f" {word} {word}."
    span = ground(word, text, hint=hint)
    assert (span.start, span.end) != (hint, hint + len(word))
    if repeat:
        assert span.alignment == "exact" and text[span.start : span.end] == word
    else:
        assert span.alignment == "not_found"


@few
@given(
    language=st.sampled_from(sorted(COUNTS)),
    n=st.integers(min_value=1, max_value=999),
    copies=st.integers(min_value=1, max_value=3),
    pick=st.integers(min_value=0, max_value=2),
)
def test_a_whole_hinted_quote_keeps_its_offsets(
    language: str, n: int, copies: int, pick: int
) -> None:
    """The negative: a hint at a whole occurrence of a quote said several times keeps it."""
    sentence = COUNTS[language].format(n=n)
    text = " ".join([sentence] * copies)
    start = (len(sentence) + 1) * min(pick, copies - 1)
    quote = sentence[: len(sentence) // 2].rstrip()
    cut = len(quote)
    while cut and (quote[cut - 1].isalnum() and sentence[cut : cut + 1].isalnum()):
        cut -= 1  # end it on a word's end
    quote = quote[:cut].rstrip()
    if not quote.strip():
        return
    span = ground(quote, text, hint=start)
    assert (span.start, span.end, span.alignment) == (start, start + len(quote), "exact")
