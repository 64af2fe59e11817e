"""Cue words: the words without which a sentence cannot state an event of a type.

The words themselves belong to each record type (``extractor.types.visit``
declares the words of travel); this module holds what is common to all of
them: building a whole-word pattern from a word list, and checking a
sentence for any of a type's patterns. Two uses: the lexical screen
(:mod:`extractor.pipeline.gating`) skips a type whose words a chunk lacks,
and a record whose type declares evidence cues must cite a sentence that has
one. Without the second, the 1.5B model in one call for several types turned
arms-sale notices into a "visit" and a "meeting" between the buyer and the
seller, citing "The Government of Sweden has requested to buy ...".

Words exist per language (ISO 639-1 code -> pattern; "*" for any language):
the gate uses those of the text's language and English
(:func:`patterns_for`), and a record's evidence cues hold every language's
(:func:`every_language`). The English patterns are the ones the English-only
pipeline had, unchanged; a stem that would also begin an English word is
spelt out in the other languages, so that no foreign word changes a verdict
on English text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from extractor.text.language import UNSPACED, visible_text

# "meet" as in meeting a need, not a person: "the proposed sale will improve
# Denmark's capability to meet current and future threats" (every arms-sale
# notice says it). Cut out before looking for the words of a meeting.
_MEET_A_NEED = re.compile(
    r"\bmeet\s+(?:(?!with\b)\w+\s+){0,4}?(?:threats?|needs?|requirements?|demands?|goals?|"
    r"targets?|standards?|obligations?|challenges?|expectations?|criteria|deadlines?)\b",
    re.I,
)


#: Characters of the scripts written without spaces (Han, kana): next to one of
#: them a word has no boundary, yet may be a whole word.
UNSPACED_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def cue_pattern(words: Iterable[str], language: str = "en") -> re.Pattern[str]:
    """One case-insensitive whole-word pattern for ``words`` (each a regex fragment).

    For a language written without spaces (:data:`UNSPACED`) the words are
    found anywhere: "会见" in "习近平会见了总统". For "*" (any language: a
    user type's ``cue_words``) a word is whole when no letter of a spaced
    script touches it, so "protest" is not found in "protestant" but "抗议"
    is found in "数千人抗议政府".
    """
    alternatives = "|".join(words)
    if language in UNSPACED:
        return re.compile("(" + alternatives + ")", re.I)
    if language == "*":
        before = rf"(?:(?<!\w)|(?<=[{UNSPACED_CHARS}]))"
        after = rf"(?:(?!\w)|(?=[{UNSPACED_CHARS}]))"
        return re.compile(before + "(" + alternatives + ")" + after, re.I)
    return re.compile(r"\b(" + alternatives + r")\b", re.I)


def cue_patterns(words: Mapping[str, Iterable[str]]) -> dict[str, re.Pattern[str]]:
    """A pattern per language from words per language (ISO 639-1 code -> fragments)."""
    return {language: cue_pattern(fragments, language) for language, fragments in words.items()}


def every_language(*cues: Mapping[str, re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    """The patterns of every language of ``cues``, English first: a record's evidence cues.

    A quote is checked against all of them, so that a Spanish quote needs a
    Spanish word and an English one an English word, without knowing which
    language the quote is in (the words of different languages do not meet:
    tests check that no foreign pattern changes the verdict on English text).
    """
    english = [mapping["en"] for mapping in cues if "en" in mapping]
    others = [p for mapping in cues for lang, p in mapping.items() if lang != "en"]
    return (*english, *others)


def patterns_for(
    cues: Mapping[str, re.Pattern[str]], language: str
) -> tuple[re.Pattern[str], ...] | None:
    """The patterns that screen a text in ``language``, or None when none fits.

    English is always included (articles mix languages), and so is "*" (any
    language). ``language`` "und" (undetermined) gets every language's
    patterns. A language the type has no words for gets None: no gate where
    none fits, so the text is never screened out by words it cannot contain.
    """
    if not cues:
        return None
    if language == "und":
        return tuple(cues.values())
    if language not in cues and "*" not in cues:
        return None
    return tuple(cues[key] for key in dict.fromkeys((language, "en", "*")) if key in cues)


def states_any(cues: Iterable[re.Pattern[str]], sentence: str) -> bool:
    """Whether ``sentence`` has a word of any of ``cues`` (a met need is no meeting)."""
    return any_found(cues, _MEET_A_NEED.sub(" ", sentence))


#: The only characters for which lower-casing a text and matching without ``re.I`` is not
#: what matching the text with ``re.I`` is, for a pattern of ASCII letters: "İ" lowers to
#: two characters, and ``re.I`` matches dotless "ı" with "I" and long "ſ" with "s"
#: (``tests/test_languages.py`` checks every code point).
_CASE_UNSAFE = re.compile("[\u0130\u0131\u017f]")


def any_found(patterns: Iterable[re.Pattern[str]], text: str) -> bool:
    """``any(pattern.search(text) for pattern in patterns)``, the same answer, faster.

    Python's ``re`` matches a case-insensitive alternation of words slowly
    (every position tries every word, each character folded): a cue pattern
    written in lower-case ASCII is matched without ``re.I`` on the lower-cased
    text instead, two to four times faster, which the lexical gate spends on
    every document. Any other pattern, or a text with a character whose case
    ``re`` folds otherwise (:data:`_CASE_UNSAFE`), is matched as it is.
    """
    patterns = tuple(patterns)
    if _found(patterns, text):
        return True
    # The text as its reader sees it, when that differs: composed, without the characters
    # that show nothing (:func:`visible_text`). An article decomposed ("reunio" + U+0301,
    # as macOS and some feeds write) or with a soft hyphen or zero-width character inside
    # a word ("wel\u00adcomed" from an HTML ``&shy;``) did not match "reunió" or
    # "welcom": the gate skipped the type and a visit citing the sentence was dropped as
    # saying no one met. The text as given goes first: a user's cue word may hold a
    # zero-width non-joiner, as Persian writes.
    words = visible_text(text)
    return words != text and _found(patterns, words)


def _found(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    lowered: str | None = None
    for pattern in patterns:
        plain = _case_free(pattern)
        if plain is not None:
            if lowered is None:
                lowered = "" if _CASE_UNSAFE.search(text) else text.lower()
            if lowered or not text:
                if plain.search(lowered):
                    return True
                continue
        if pattern.search(text):
            return True
    return False


_FLAGS_OFF = re.compile(r"\(\?[a-z]*-")


@lru_cache(maxsize=256)
def _case_free(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without ``re.I``, for lower-cased text; None unless its source is ASCII
    in lower case (an upper-case letter or escape, ``\\W``, would change meaning) and
    turns no case-sensitivity back on (``(?-i:...)``)."""
    source = pattern.pattern
    if not pattern.flags & re.I or not source.isascii() or source != source.lower():
        return None
    if _FLAGS_OFF.search(source):
        return None
    return re.compile(source, pattern.flags & ~re.I)


#: Every word of a meeting, in person or not: the meeting gate, and what a
#: meeting's (or a visit's) evidence may say.
MEETING_WORDS = cue_pattern(
    ["met", r"meet\w*", "talks?", "talked", "spoke", r"speak\w*", "call", "called", "phone",
     r"discuss\w*", "summit", r"conferr\w*", r"consult\w*", r"negotiat\w*", "readout",
     "bilateral", "hosted", "received"]
)  # fmt: skip
#: The words among them that say two sides met in person ("X visited Y and
#: met Z" is also a meeting; "X called Z" or "X spoke with Z", the opening of
#: every call readout, is not evidence of one, nor of a visit).
MET_IN_PERSON = cue_pattern(
    ["met", "meet", "meets", "meeting", "talks", "held discussions", "discussed", "hosted",
     "received"]
)  # fmt: skip
#: Words of welcome: a visit announced by its host.
WELCOME_WORDS = cue_pattern([r"welcom\w*", "hosting"])

# The same notions in other languages. Each list says what the English one
# says (meeting, talking, calling, negotiating, receiving; welcoming) with the
# stems of the language's own verbs and nouns. A stem that would also begin an
# English word is spelt out ("reunión", not "reuni\w*", which "reunion"
# matches): foreign words must never change a verdict on English text.
#: Words of a meeting, per language (ISO 639-1); "en" is :data:`MEETING_WORDS`.
MEETING_CUES: dict[str, re.Pattern[str]] = {
    "en": MEETING_WORDS,
    **cue_patterns({
        "es": ["reunión", "reuniones", "reunió", r"reunier\w*", r"reunir\w*", r"reunid[oa]s?",
               r"reún\w*", r"encuentros?", r"encontr\w*", r"entrevist\w*", "cumbres?",
               r"conversaci\w*", "conversó", "conversaron", r"diálogos?", "dialogaron",
               r"habl[oó]", "hablaron", r"llamadas?", r"telefónic\w*", r"discuti\w*",
               "debatió", "debatieron", r"negoci\w*", r"conferencias?", r"recibi\w*",
               r"bilaterales"],
        "fr": [r"rencontr\w*", r"réuni\w*", r"entretien\w*", r"entretenu\w*", r"sommets?",
               "pourparlers", r"négoci\w*", r"discut\w*", r"échang\w*", r"appels?",
               r"téléphon\w*", "parlé", "parlera", r"conférences?", r"reçue?s?",
               r"accueilli\w*", r"bilatérale?s?"],
        "de": [r"\w*treffen\w*", "traf", "trafen", r"\w*gespräch\w*",
               r"besprach\w*", "besprochen", r"erörter\w*", r"Beratung\w*", "beraten",
               "berieten", r"verhandl\w*", r"verhandelt\w*", r"\w*gipfel\w*",
               r"telefoniert\w*", r"Telefonat\w*", r"Unterredung\w*", r"Konsultation\w*",
               r"Zusammenkunft", "zusammengekommen", "sprach", "sprachen", "gesprochen",
               r"empfing\w*", "empfangen", r"bilateral(?:e|en|er|es|em)"],
        "ru": [r"встреч\w*", r"встрет\w*", r"переговор\w*", r"бесед\w*", r"обсуд\w*",
               r"обсужд\w*", r"саммит\w*", r"консультаци\w*", r"разговор\w*", r"созвон\w*",
               r"телефон\w*", r"принял\w*", r"принима\w*", r"двусторонн\w*",
               r"совещани\w*", r"заседани\w*", r"обменял\w*"],
        "zh": ["会见", "会晤", "会谈", "会面", "见面", "接见", "通电话", "通话", "电话", "磋商",
               "协商", "谈判", "讨论", "商讨", "交谈", "峰会", "会议", "双边", "举行会",
               "接待"],
    }),
}  # fmt: skip
#: Words of a meeting in person, per language; "en" is :data:`MET_IN_PERSON`.
MET_IN_PERSON_CUES: dict[str, re.Pattern[str]] = {
    "en": MET_IN_PERSON,
    **cue_patterns({
        "es": ["reunión", "reunió", r"reunier\w*", r"encuentro", r"se encontr\w*",
               r"entrevist\w*", "conversaciones", r"recibi\w*"],
        "fr": [r"rencontr\w*", r"entretenu\w*", r"entretien\w*", r"réuni\w*", r"reçue?s?",
               r"accueilli\w*"],
        "de": ["traf", "trafen", r"Treffen\w*", r"empfing\w*", "empfangen", "zusammengekommen"],
        "ru": [r"встрет\w*", r"встреч\w*", r"переговор\w*", r"принял\w*"],
        "zh": ["会见", "会晤", "会谈", "会面", "见面", "接见"],
    }),
}  # fmt: skip
#: Words of welcome, per language; "en" is :data:`WELCOME_WORDS`.
WELCOME_CUES: dict[str, re.Pattern[str]] = {
    "en": WELCOME_WORDS,
    **cue_patterns({
        "es": [r"bienvenid\w*", r"acogi\w*", r"acoger\w*", "acogen", r"anfitri\w*"],
        "fr": ["bienvenue", r"accueil\w*", "hôtes?"],
        "de": ["willkommen", r"begrüß\w*", r"begrüss\w*", r"Gastgeber\w*", r"empfang\w*"],
        "ru": [r"приветств\w*", "радушно", "добро пожаловать", r"гостеприим\w*"],
        "zh": ["欢迎", "迎接", "接待", "东道主"],
    }),
}  # fmt: skip
