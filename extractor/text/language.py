"""The language of a text: which cue words and country names apply to it.

The lexical gate, the words a visit's evidence must carry and the names of
countries exist per language; a Spanish article screened with English words
gives nothing. :func:`detect_language` says which language's words to use.

It uses py3langid (BSD-3-Clause), a maintained fork of langid.py: a naive
Bayes model over byte n-grams that ships inside the package (no download at
run time), needs only numpy, is deterministic and classifies a few thousand
characters in under a millisecond. Its model is read once, on first use
(about a second). Only the languages that have an ISO 639-1 code are
considered, so that a Chinese text is "zh" and not "wuu" (Wu), and an English
one is not "pcm" (Nigerian Pidgin).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any

from extractor.blank import is_blank_char

#: What :func:`detect_language` answers when it cannot tell.
UNDETERMINED = "und"
#: Languages written without spaces between words: their cue words and
#: country names are found anywhere ("会见" in "习近平会见了总统"), never
#: between word boundaries (a Chinese word has none with the next).
UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my"})

#: Clitics that Arabic and Hebrew write joined to the next word, as a regex: the
#: conjunctions ("و", "ف"; "ו"), the prepositions ("ب", "ل", "ك"; "ב", "ל", "כ", "מ"), the
#: future "س", the article ("ال"; "ה") and "ש" ("that"). "بالعراق" is "in Iraq",
#: "والتقى" "and met", "בישראל" "in Israel": a word of these languages is found with
#: them. "ل" before the article drops its alef ("للعراق", "to Iraq"): see
#: :func:`attached_forms`.
ATTACHED_PREFIXES: dict[str, str] = {
    "ar": "[وف]?(?:س|[بلك]?ال|لل|[بلك])?",
    "he": "ו?ש?[בלכמה]?",
}
#: Particles Korean writes joined to the end of a noun (case, topic, "and", "of",
#: "to", "from"): "일본을" is "Japan" as an object, "일본과의" "with Japan's".
ATTACHED_SUFFIXES: dict[str, tuple[str, ...]] = {
    "ko": tuple(sorted({
        "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "와", "과", "도", "로",
        "으로", "까지", "부터", "만", "과의", "와의", "에서의", "으로의", "로의", "에는",
        "에서는", "과는", "와는", "이나", "나", "이다", "측", "측은", "측이",
    }, key=len, reverse=True)),
}  # fmt: skip
#: The letters of each Indic script (its block): its vowel signs are marks, no
#: ``\w``, so a word of it ("मिले", "met") ends where no letter of its block follows,
#: not at ``\b``.
INDIC: dict[str, str] = {
    "hi": "\u0900-\u097f", "mr": "\u0900-\u097f", "ne": "\u0900-\u097f",
    "bn": "\u0980-\u09ff", "pa": "\u0a00-\u0a7f", "gu": "\u0a80-\u0aff",
    "or": "\u0b00-\u0b7f", "ta": "\u0b80-\u0bff", "te": "\u0c00-\u0c7f",
    "kn": "\u0c80-\u0cff", "ml": "\u0d00-\u0d7f", "si": "\u0d80-\u0dff",
}  # fmt: skip
#: A word: letters and digits with the marks written on them (Indic vowel signs,
#: Arabic and Hebrew points, combining accents), which ``\w`` alone cuts a word at
#: ("भारत" is "भ" + "ा" + "रत" to ``\w+``).
WORD = re.compile(
    r"(?:\w|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0963\u0966-\u0dff])+"
)


def attached_forms(word: str, language: str) -> list[str]:
    """``word`` and what it is without the clitics ``language`` joins to words
    (:data:`ATTACHED_PREFIXES`, :data:`ATTACHED_SUFFIXES`), longest first: "بالعراق" -> "بالعراق", "العراق",
    "لعراق"...; "للعراق" -> also "العراق" (the alef "ل" drops is put back). For a
    language without such clitics, ``[word]``."""
    suffixes = ATTACHED_SUFFIXES.get(language)
    if suffixes is not None:
        # composed as written, or decomposed into jamo as the package's fold leaves them
        ends = dict.fromkeys((*suffixes, *(unicodedata.normalize("NFD", e) for e in suffixes)))
        return [word, *(word[: -len(e)] for e in ends if word.endswith(e) and len(word) > len(e))]
    prefix = ATTACHED_PREFIXES.get(language)
    if prefix is None:
        return [word]
    forms = [word]
    for end in range(1, min(4, len(word) - 1)):
        head = word[:end]
        if re.fullmatch(prefix, head):
            forms.append(word[end:])
            if language == "ar" and head.endswith("لل"):
                forms.append("ال" + word[end:])
    return list(dict.fromkeys(forms))


#: Fewer letters than this say too little to tell a language ("Biden", "ok").
#: A Chinese or Japanese character, most of a word, counts as three.
MIN_LETTERS = 12
#: Below this probability the answer is :data:`UNDETERMINED`. Most texts of a
#: sentence or more score above 0.9; a lone short sentence of Russian (which
#: Bulgarian and Macedonian resemble) can score 0.3 to 0.6.
MIN_CONFIDENCE = 0.3
#: Longer texts are judged on three slices of this many characters (start,
#: middle, end): enough for a sure answer, and a constant cost (py3langid
#: scores in pure Python: about 1.3 ms per 1,000 characters here).
SAMPLE_CHARS = 600

#: English function words that are no common word of another language py3langid tells
#: ("was" and "will" are German, "of" Dutch, "for" Danish, "by" Norwegian: left out).
#: Running English prose has about one word in six among them; another language, even
#: one quoting English, has next to none.
ENGLISH_WORDS = frozenset({
    "the", "and", "that", "with", "from", "this", "these", "their", "which", "said", "would",
    "have", "has", "had", "were", "its", "are", "they", "there", "been",
})  # fmt: skip
#: Function words of the other languages written in Latin letters (Spanish, French,
#: German, Italian, Portuguese, Dutch, the Nordic languages, Polish) that are no English
#: words: a few of them (a name, "El Salvador", "Le Pen") leave a text English; more mean
#: another language is there too, and the model decides.
FOREIGN_WORDS = frozenset({
    "de", "la", "el", "los", "las", "del", "por", "una", "que", "le", "les", "du", "une",
    "est", "et", "dans", "pour", "qui", "au", "aux", "sur", "der", "das", "und", "ist",
    "nicht", "mit", "dem", "ein", "eine", "auf", "sich", "il", "di", "che", "della", "gli",
    "os", "não", "uma", "het", "een", "niet", "zijn", "och", "att", "som", "är", "og", "er",
    "ikke", "jest", "nie", "się", "że",
})  # fmt: skip
#: A sample with at least this many words, of which at least :data:`ENGLISH_SHARE` are
#: :data:`ENGLISH_WORDS`, at most :data:`FOREIGN_SHARE` :data:`FOREIGN_WORDS`, and
#: nearly all letters Latin, is English without asking the model (:func:`plainly_english`).
ENGLISH_MIN_WORDS = 60
ENGLISH_SHARE = 0.08
FOREIGN_SHARE = 0.02
_WORD = re.compile(r"[^\W\d_]+")

_lock = threading.Lock()
_identifier: Any = None


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages([code for code in identifier.labels if len(code) == 2])
            _identifier = identifier
        return _identifier


def sample(text: str, size: int = SAMPLE_CHARS) -> str:
    """The text itself when short, else its start, middle and end (``size`` characters each)."""
    if len(text) <= 3 * size:
        return text
    middle = (len(text) - size) // 2
    return "\n".join((text[:size], text[middle : middle + size], text[-size:]))


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text`` ("en", "es", "zh"), or "und".

    "und" (undetermined) when the text has too few letters or the model is
    unsure. Deterministic: the same text always gets the same answer.
    """
    return _detect(sample(visible_text(text)))


def visible_text(text: str) -> str:
    """``text`` as its reader sees it: composed (NFC), without the characters that show
    nothing (:func:`extractor.blank.is_blank_char`, whitespace aside: soft hyphens,
    zero-width spaces and joiners, bidi marks, variation selectors, controls).

    For reading words, never for offsets. A soft hyphen or zero-width character inside a
    word ("reu\u200cni\u00adó", an HTML ``&shy;``) split it in two for the language
    model (a Spanish article was "und", so its country names in Spanish went unread), and
    a decomposed "reunio" + U+0301 did not match the word "reunió".
    """
    if text.isascii():
        return text
    hidden = {c for c in set(text) if not c.isspace() and is_blank_char(c)}
    if hidden:
        text = text.translate(dict.fromkeys(map(ord, hidden)))
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=512)
def _detect(text: str) -> str:
    if not _enough_letters(text):
        return UNDETERMINED
    if plainly_english(text):
        return "en"
    language, confidence = _model().classify(text)
    if confidence < MIN_CONFIDENCE:
        return UNDETERMINED
    return str(language)


def plainly_english(text: str) -> bool:
    """Whether ``text`` is English beyond doubt: long enough, in Latin letters, dense in
    English function words (:data:`ENGLISH_WORDS`), the closed class every English text is
    made with and no other language uses, and next to free of other languages' ones.

    A shortcut, not a second opinion: py3langid scores in pure Python (about
    2 ms per article, most of the client's CPU per call in a bulk run), and
    most articles are English. Tests check that wherever the shortcut
    answers, the model answers "en" too.
    """
    words = _WORD.findall(text)
    if len(words) < ENGLISH_MIN_WORDS:
        return False
    latin = sum(len(word) for word in words if word.isascii())
    if latin < 0.95 * sum(map(len, words)):
        return False
    folded = [word.lower() for word in words]
    if sum(word in FOREIGN_WORDS for word in folded) > FOREIGN_SHARE * len(words):
        return False
    return sum(word in ENGLISH_WORDS for word in folded) >= ENGLISH_SHARE * len(words)


def _enough_letters(text: str) -> bool:
    """At least :data:`MIN_LETTERS` letters (a CJK character counts three): counted only
    until there are enough, so a long article costs a few characters, not all of them."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 3 if char >= "\u2e80" else 1
            if letters >= MIN_LETTERS:
                return True
    return False
