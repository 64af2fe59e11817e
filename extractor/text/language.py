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
from collections.abc import Iterator
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


def _letters_of(first: int, last: int) -> str:
    """The code points from ``first`` to ``last`` that may be part of a word, as
    character-class ranges: all but punctuation and symbols. A block holds its script's
    punctuation too: Devanagari's dandas "।" and "॥" end the sentences of Hindi, Marathi,
    Nepali and Bengali alike, and "मिले।" is the word "मिले" ("met") before a full stop."""
    ranges: list[list[int]] = []
    for point in range(first, last + 1):
        if unicodedata.category(chr(point))[0] in "PS":
            continue
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


#: The letters and marks of each Indic script (its block, without its punctuation and
#: symbols: :func:`_letters_of`): its vowel signs are marks, no ``\w``, so a word of it
#: ("मिले", "met") ends where no letter of its block follows, not at ``\b``.
INDIC: dict[str, str] = {
    language: _letters_of(first, last)
    for languages, first, last in (
        (("hi", "mr", "ne"), 0x0900, 0x097F), (("bn",), 0x0980, 0x09FF),
        (("pa",), 0x0A00, 0x0A7F), (("gu",), 0x0A80, 0x0AFF), (("or",), 0x0B00, 0x0B7F),
        (("ta",), 0x0B80, 0x0BFF), (("te",), 0x0C00, 0x0C7F), (("kn",), 0x0C80, 0x0CFF),
        (("ml",), 0x0D00, 0x0D7F), (("si",), 0x0D80, 0x0DFF),
    )
    for language in languages
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


#: A language the model gives at least this probability on a text is one the text may
#: be in: a lone sentence of Russian scores 0.35 Bulgarian and 0.32 Russian, one of
#: Spanish 0.21 Catalan and 0.21 Spanish; a sentence of plain English scores 0.98 English
#: and next to nothing else.
CLOSE_PROBABILITY = 0.1


def close_languages(text: str) -> tuple[str, ...]:
    """The languages ``text`` may be in, likeliest first: those the model gives at least
    :data:`CLOSE_PROBABILITY`, whether or not :func:`detect_language` could choose
    among them. One language for most texts of a few sentences; for a lone short
    sentence, its language and those that resemble it (Russian and Bulgarian; Spanish,
    Galician, Catalan and Portuguese), all written in its script. Deterministic."""
    return _close(sample(visible_text(text)))


def reading_languages(text: str, language: str) -> Iterator[str]:
    """``language`` first, then every other language ``text`` is close to
    (:func:`close_languages`): the languages to read a name of ``text`` in when the one
    detected may be a neighbour's guess. Lazy: the close ones are computed only when a
    caller that stops at the first language reading the name gets past ``language``."""
    yield language
    if text:
        yield from (close for close in close_languages(text) if close != language)


@lru_cache(maxsize=512)
def _close(text: str) -> tuple[str, ...]:
    return tuple(str(code) for code, p in _model().rank(text) if p >= CLOSE_PROBABILITY)


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


#: Where the wide scripts begin (CJK radicals, kana, Han, Hangul): one of their letters
#: is a syllable or a word, most of what three Latin letters say.
WIDE_FROM = "\u2e80"
WIDE_WEIGHT = 3


def char_weight(char: str) -> int:
    """What ``char`` says, in Latin characters: :data:`WIDE_WEIGHT` for a letter of a wide
    script ("坦", "ク", "탱"), one for any other character (a Latin, Cyrillic, Arabic or
    Thai letter, a digit, a space, a stop)."""
    return WIDE_WEIGHT if char >= WIDE_FROM and char.isalpha() else 1


def text_weight(text: str) -> int:
    """The length of ``text`` as if written in Latin letters (:func:`char_weight`): a
    measure of how much it says that means the same in every script. A Chinese sentence
    of 14 characters ("德国将向法国出售20辆坦克。") says as much as an English one of 40;
    text without a wide letter weighs its length."""
    return sum(map(char_weight, text))


def _enough_letters(text: str) -> bool:
    """At least :data:`MIN_LETTERS` letters (a CJK character counts three): counted only
    until there are enough, so a long article costs a few characters, not all of them."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += char_weight(char)
            if letters >= MIN_LETTERS:
                return True
    return False


#: A part of a text with fewer letters than this (a CJK character counts three), or
#: fewer words than :data:`MIN_PART_WORDS` and under twice as many letters, is too short
#: to tell its language ("PARIS (AP) -", a name in Greek or Cyrillic letters in an
#: English article): it counts as the text's.
MIN_PART_LETTERS = 20
MIN_PART_WORDS = 4
#: Where a part of a text ends: after a full stop, question or exclamation mark (Latin,
#: CJK, Arabic, the danda), at a line break, and where a quotation opens or closes or a
#: colon announces one ('A spokesman said: "..."' quotes another language).
_PART_END = re.compile(r"(?<=[.!?。！？؟।॥])\s*|\n+|[:\"“”«»„「」『』]")
#: The scripts Unicode names that write one language family together: Japanese writes
#: Han and kana in one sentence, so they are one run.
_SAME_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK"}


def part_languages(text: str) -> frozenset[str]:
    """The languages of the parts of ``text``, each told on its own: of each script
    other than Latin, all its words together (a script says its language family by
    itself: the Japanese of an English article is one part), and of each sentence in
    Latin letters that is not plainly English by its function words, that sentence.

    An article mixes languages: an English lead and a visit told in Japanese, a toll
    in Spanish quoted after English context. The language of the whole is the
    majority's, whose words say nothing of the other part. A part too short to tell
    (:data:`MIN_PART_LETTERS`) or undetermined is left out. Deterministic, and cheap
    for an English text: a sentence with English function words and no other
    language's (:data:`ENGLISH_WORDS`, :data:`FOREIGN_WORDS`) is English untold.
    """
    text = visible_text(text)
    runs: dict[str, list[str]] = {}
    found: set[str] = set()
    for part in _PART_END.split(text):
        latin: list[str] = []
        for word in WORD.findall(part):
            script = _script(word)
            if script is None:
                continue
            if script == "LATIN":
                latin.append(word)
            else:
                runs.setdefault(script, []).append(word)
        if not _tellable(latin):
            continue
        folded = [word.lower() for word in latin]
        english = sum(word in ENGLISH_WORDS for word in folded)
        if english >= ENGLISH_SHARE * len(folded) and not FOREIGN_WORDS.intersection(folded):
            found.add("en")
        else:
            found.add(detect_language(" ".join(latin)))
    for words in runs.values():
        if _tellable(words):
            found.add(detect_language(" ".join(words)))
    found.discard(UNDETERMINED)
    return frozenset(found)


def _tellable(words: list[str]) -> bool:
    """Whether ``words`` are enough to tell their language (:data:`MIN_PART_LETTERS`): a
    CJK character counts three letters (most of a word), and a whole CJK sentence is one
    ``WORD``, so it needs no count of words."""
    letters = sum(char_weight(c) for word in words for c in word if c.isalpha())
    if letters < MIN_PART_LETTERS:
        return False
    return len(words) >= MIN_PART_WORDS or letters >= 2 * MIN_PART_LETTERS


def _script(word: str) -> str | None:
    """The script most letters of ``word`` are in, as Unicode names it ("LATIN",
    "CYRILLIC", "CJK", ...: "10C战斗机" is CJK); None for a word without letters."""
    if word.isascii():
        return "LATIN" if any(char.isalpha() for char in word) else None
    counts: dict[str, int] = {}
    for char in word:
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ", 1)[0]
            script = _SAME_SCRIPT.get(script, script)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda script: counts[script]) if counts else None
