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
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache

from extractor.text.language import (
    ATTACHED_PREFIXES,
    INDIC,
    UNDETERMINED,
    UNSPACED,
    visible_text,
)

# "meet" as in meeting a need, not a person: "the proposed sale will improve
# Denmark's capability to meet current and future threats" (every arms-sale
# notice says it). Cut out before looking for the words of a meeting.
_MEET_A_NEED = re.compile(
    r"\bmeet\s+(?:(?!with\b)\w+\s+){0,4}?(?:threats?|needs?|requirements?|demands?|goals?|"
    r"targets?|standards?|obligations?|challenges?|expectations?|criteria|deadlines?)\b",
    re.I,
)


# The scripts by how they separate words, as character-class ranges: the one place the
# package spells them (cue words, the evidence checks and the strict score read them).
#: Han ideographs and the Japanese kana: written without spaces between words.
HAN_AND_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Thai, Lao, Myanmar and Khmer: also written without spaces between words.
SOUTHEAST_ASIAN = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
#: Hangul: Korean spaces its words but joins its particles to a name ("일본과").
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
#: Characters of the scripts written without spaces (Han, kana): next to one of
#: them a word has no boundary, yet may be a whole word.
UNSPACED_CHARS = HAN_AND_KANA


def cue_pattern(words: Iterable[str], language: str = "en") -> re.Pattern[str]:
    """One case-insensitive whole-word pattern for ``words`` (each a regex fragment).

    For a language written without spaces (:data:`UNSPACED`) the words are
    found anywhere: "会见" in "习近平会见了总统". For "*" (any language: a
    user type's ``cue_words``) a word is whole when no letter of a spaced
    script touches it, so "protest" is not found in "protestant" but "抗议"
    is found in "数千人抗议政府".

    A word in Arabic script is found as the package's fold reads it
    (:func:`extractor.text.grounding.normalise_text` drops the hamza and madda
    of "أ", "إ", "آ", "ؤ", "ئ" and the short vowels): each of its letters
    matches its hamza forms, and marks may follow any letter; an Arabic word
    may carry the clitics written joined to it (:data:`ATTACHED_PREFIXES`:
    "والتقى" is "and met"). A word of an Indic script is bounded by the
    letters of its block, since its vowel signs are no ``\\w``.
    """
    words = [_arabic_letters(word) for word in words]
    alternatives = "|".join(words)
    if language in UNSPACED:
        return re.compile("(" + alternatives + ")", re.I)
    if language == "*":
        before = rf"(?:(?<!\w)|(?<=[{UNSPACED_CHARS}]))"
        after = rf"(?:(?!\w)|(?=[{UNSPACED_CHARS}]))"
        return re.compile(before + "(" + alternatives + ")" + after, re.I)
    if language in INDIC:
        letters = INDIC[language]
        return re.compile(rf"(?<![\w{letters}])(" + alternatives + rf")(?![\w{letters}])", re.I)
    prefix = ATTACHED_PREFIXES.get(language)
    if prefix is not None:
        return re.compile(r"(?<!\w)(?:" + prefix + r")?(" + alternatives + r")(?!\w)", re.I)
    return re.compile(r"\b(" + alternatives + r")\b", re.I)


#: Arabic-script letters and the letters the package's fold makes them
#: (:func:`extractor.text.grounding.normalise_text`: NFKD, marks dropped): "أ" is
#: "ا" + hamza, so a cue word spelt with "ا" matches either. Persian "ی" and "ک"
#: and Arabic "ي", "ى", "ك" are the same letters typed on different keyboards.
_ARABIC_FORMS = {
    "ا": "اأإآٱ", "أ": "اأإآٱ", "إ": "اأإآٱ", "آ": "اأإآٱ",
    "و": "وؤ", "ؤ": "وؤ", "ي": "يىئی", "ى": "يىئی", "ئ": "يىئی", "ی": "يىئی",
    "ك": "كک", "ک": "كک",
}  # fmt: skip
#: Arabic short vowels, shadda, sukun, the superscript alef and the tatweel: written
#: or not, the word is the same.
_ARABIC_MARKS = "[\u064b-\u065f\u0670\u0640]*"


def _arabic_letters(fragment: str) -> str:
    """``fragment`` (a regex) with each Arabic-script letter matching its folded forms and
    the marks that may follow it; a fragment without Arabic letters is returned as it is.

    Read as a regex: an escape is copied as it is, a letter inside a character class
    ("[وف]?") gets its forms added to that class, and a letter a quantifier follows
    is grouped with its marks, so the quantifier still applies to the letter.
    """
    if not any("\u0600" <= c <= "\u06ff" for c in fragment):
        return fragment
    out: list[str] = []
    in_class = False
    at = 0
    while at < len(fragment):
        char = fragment[at]
        at += 1
        if char == "\\":
            out.append(char + fragment[at : at + 1])
            at += 1
            continue
        if in_class:
            if char == "]" and not out[-1].endswith(("[", "[^")):
                in_class = False
            out.append(_ARABIC_FORMS.get(char, char))  # a repeated letter in a class is harmless
            continue
        if char == "[":
            in_class = True
            out.append(char)
            if fragment[at : at + 1] == "^":
                out.append("^")
                at += 1
            continue
        if "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3":
            forms = _ARABIC_FORMS.get(char, char)
            letter = (f"[{forms}]" if len(forms) > 1 else forms) + _ARABIC_MARKS
            quantified = fragment[at : at + 1] in ("?", "*", "+", "{")
            out.append(f"(?:{letter})" if quantified else letter)
        else:
            out.append(char)
    return "".join(out)


def cue_patterns(
    words: Mapping[str, Iterable[str]], english: re.Pattern[str] | None = None
) -> LazyPatterns:
    """A pattern per language from words per language (ISO 639-1 code -> fragments).

    ``english``, when given, is the "en" pattern already made, first in order, unless
    ``words`` has English words, which win (as in ``{"en": english, **others}``). Each
    other pattern is compiled on its first use (:class:`LazyPatterns`).
    """
    fragments = {language: tuple(each) for language, each in words.items()}
    made = {} if english is None or "en" in fragments else {"en": english}
    return LazyPatterns(
        ("en", *fragments) if english is not None else fragments,
        lambda language: cue_pattern(fragments[language], language),
        made,
    )


class LazyPatterns(Mapping[str, re.Pattern[str]]):
    """A pattern per language (ISO 639-1 code -> pattern), each made when first asked for.

    Why lazy: the package holds some eighty such tables, and compiling every
    language's words at import (Arabic's letters each match their folded forms, so
    its patterns are the largest) cost over a second of every process's start, paid
    by each CLI call, bulk worker and Ray actor whatever language its texts are in.
    ``build(language)`` makes a language's pattern, once per process; two threads that
    ask at once build it twice and keep one, which is harmless (the patterns are
    equal). ``made`` are patterns already made, first in order. Asking whether a
    language is in the table (``in``, iteration, ``len``) builds nothing.
    """

    __slots__ = ("_build", "_languages", "_made")

    def __init__(
        self,
        languages: Iterable[str],
        build: Callable[[str], re.Pattern[str]],
        made: Mapping[str, re.Pattern[str]] | None = None,
    ) -> None:
        self._made: dict[str, re.Pattern[str]] = dict(made or {})
        self._languages: tuple[str, ...] = tuple(dict.fromkeys((*self._made, *languages)))
        self._build = build

    def __getitem__(self, language: str) -> re.Pattern[str]:
        made = self._made.get(language)
        if made is None:
            if language not in self._languages:
                raise KeyError(language)
            made = self._made[language] = self._build(language)
        return made

    def __contains__(self, language: object) -> bool:
        return language in self._languages

    def __iter__(self) -> Iterator[str]:
        return iter(self._languages)

    def __len__(self) -> int:
        return len(self._languages)

    def __repr__(self) -> str:
        return f"LazyPatterns({list(self._languages)})"


class EvidenceCues(tuple[re.Pattern[str], ...]):
    """A record type's evidence cues (a tuple of patterns) that know their languages.

    ``languages`` are those every table the cues were made from has words in
    (the tables' own keys: "*" is any language): the evidence check asks for a
    word only of a text in one of them. Where no words fit a language, the
    check has nothing to look for and keeps the record, as the lexical gate
    does (:func:`patterns_for`): a Turkish meeting was dropped as saying no
    one met because its quote had no English, Spanish ... word.
    """

    languages: frozenset[str]

    def __new__(cls, patterns: Iterable[re.Pattern[str]], languages: Iterable[str]) -> EvidenceCues:
        made = super().__new__(cls, patterns)
        made.languages = frozenset(languages)
        return made


def every_language(*cues: Mapping[str, re.Pattern[str]]) -> EvidenceCues:
    """The patterns of every language of ``cues``, English first: a record's evidence cues.

    A quote is checked against all of them, so that a Spanish quote needs a
    Spanish word and an English one an English word, without knowing which
    language the quote is in (the words of different languages do not meet:
    tests check that no foreign pattern changes the verdict on English text).
    Their ``languages`` are those of every mapping (:class:`EvidenceCues`).
    """
    english = [mapping["en"] for mapping in cues if "en" in mapping]
    others = [p for mapping in cues for lang, p in mapping.items() if lang != "en"]
    every: set[str] = set().union(*cues)
    covered = {lang for lang in every if all(lang in m or "*" in m for m in cues)}
    return EvidenceCues((*english, *others), covered)


def covers(cues: Iterable[re.Pattern[str]], language: str) -> bool:
    """Whether ``cues`` have words for a text in ``language``: cues made by
    :func:`every_language` know theirs; "und" (undetermined) and cues of unknown
    languages (a user type's own tuple) are checked as before, with every word."""
    languages = getattr(cues, "languages", None)
    if languages is None or language == UNDETERMINED:
        return True
    return language in languages or "*" in languages


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


def with_english(cues: Mapping[str, re.Pattern[str]], language: str) -> list[re.Pattern[str]]:
    """The patterns of English and of ``language``, for rules that read a clause.

    English first: articles quote English names and words, so English stays read in
    every language, but no English word that is a common word of ``language``
    changes its verdict (:data:`_FALSE_FRIENDS`); no foreign word changes an English
    one, as a text in English gets only English. Unlike :func:`patterns_for` a
    language with no words gets English alone, never None: a rule has no gate to
    lift.
    """
    found = [cues[key] for key in dict.fromkeys(("en", language)) if key in cues]
    if language != "en" and "en" in cues and language in _FALSE_FRIENDS:
        found[0] = _without_false_friends(cues["en"], language)
    return found


#: English cue words that are common words of another language: German "die" (the article)
#: read as the English verb made "Die X griff die Kaserne an" a group that died, and "war"
#: (was) read as the English noun an event ("X war nicht verantwortlich"); Spanish
#: "no" read as the English negation made "no solo mató" a denial.
_FALSE_FRIENDS: dict[str, tuple[str, ...]] = {"de": ("die", "war"), "es": ("no",)}


@lru_cache(maxsize=64)
def _without_false_friends(pattern: re.Pattern[str], language: str) -> re.Pattern[str]:
    """``pattern`` (English) that matches none of ``language``'s :data:`_FALSE_FRIENDS`."""
    words = "|".join(_FALSE_FRIENDS[language])
    return re.compile(rf"(?!(?:{words})(?!\w))(?:{pattern.pattern})", pattern.flags)


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


#: Words of a call: a talk at a distance, by telephone or video, per language. A call is
#: a meeting (PLOVER CONSULT, mode phone; CAMEO 040-level consultation) and never a visit:
#: nobody travelled. A bare "call" is none of them ("called for", "so-called", "calls on"):
#: only a call someone is on, has or holds with someone.
_CALL_WORDS: dict[str, list[str]] = {
    # a device is no call: "seized satellite phones", "incautaron teléfonos satelitales"
    "en": [r"(?:tele)?phon(?:e|ed|ing)(?! (?:interviews?|numbers?|lines?)\b)", "telephonic", r"video ?(?:conferenc\w*|calls?|links?|talks|summit)",
           r"(?:by|via|over) video", r"(?:phone|conference) calls?", r"calls? (?:with|between)",
           r"(?:on|in|during|after|a|the|their|his|her|this|that) call(?! (?:for|on|to)\b)",
           r"virtual (?:meeting|summit|talks?|call)s?", r"(?:met|spoke|talked) virtually",
           # "met B virtually on Monday", "spoke with B online": the adverb closing the
           # talk's phrase, not "virtually all" nor "virtually unchanged"
           r"(?:met|meets|spoke|talked|conferred)(?:\s+[\w.'’-]+){1,6}?\s+(?:virtually|online)"
           r"(?=\s*(?:[.,;:]|$|(?:on|last|this|for|with|and|yesterday|today|in)\b))",
           # "received a (phone) call from B": a call someone takes is a call ("a courtesy
           # call" is a visit); "made a phone call to B": one someone places
           r"(?:receiv\w*|got|gets|took|takes|returned) (?:a|the|an) (?:(?:tele)?phone |video )?"
           r"call from", r"(?:made|makes|placed|places) (?:a|the|an) (?:(?:tele)?phone|video) call to"],
    "es": [r"telef[oó]nic\w*", r"por tel[eé]fono", r"telefone\w*", r"videoconferencias?", r"videollamadas?", r"por videoenlace",
           # a call someone holds with someone; "una llamada a la calma" is an appeal
           r"llamadas? (?:con|entre)",
           # a call someone took from someone ("recibió (el lunes) una llamada (telefónica)
           # del presidente"), not "una llamada de atención" (a rebuke)
           r"recib\w*(?: \w+){0,2}? una (?:video)?llamada(?: telef[oó]nica)? (?=del? (?!atenci[oó]n))"],
    "fr": [r"téléphon\w*", r"visioconférences?", r"vidéoconférences?", r"visio",
           # "a reçu un appel du président"; "un appel au cessez-le-feu" is an appeal
           r"re[çc]u\w*(?: \w+){0,2}? (?:un|l['’]) appel(?: t[ée]l[ée]phonique)? (?:du|de|d['’])", r"appels? (?:avec|entre)"],
    "de": [r"telefon\w*", r"\w*telefonat\w*", r"videokonferenz\w*", r"videoschalte\w*", "per video",
           r"videogespräch\w*", r"videotelefonat\w*",
           # a call someone took from someone ("erhielt einen Anruf von B", "empfing einen
           # Anruf von B"), told in the perfect too, its participle closing the clause ("hat
           # am Montag einen Anruf von B erhalten"); "hat einen Brief von B erhalten" is none
           r"(?:erhielt|erhielten|bekam|bekamen|empfing|empfingen)(?: \w+){0,2}? (?:einen|den) (?:Telefon)?Anruf (?=von|vom|des)",
           r"(?:hat|hatte|haben|hatten)(?: \w+){0,3}? (?:einen|den) (?:Telefon)?Anruf (?=(?:von|vom|des)\s[^.;:!?]{1,80}?\s(?:erhalten|empfangen|bekommen|entgegengenommen)(?!\w))"],
    "ru": [r"телефон\w*", r"созвон\w*", r"позвон\w*", r"видеосвяз\w*", r"видеоконференц\w*",
           # a call someone took from someone ("получил звонок от B")
           r"(?:получил|получила|принял|приняла)(?: \w+){0,2}? звон(?:ок|ки) (?=от)"],
    "uk": [r"телефон\w*", r"відеозв['’]?яз\w*", r"відеоконференц\w*"],
    "zh": ["通电话", "通话", "致电", "电话", "视频会议", "视频通话", "视频连线", "视频会晤"],
    "ja": ["電話", "テレビ会議", "ビデオ会議", "オンライン会談", "オンライン会議"],
    "ko": [r"통화\w*", r"\w*전화\w*", r"화상\w*"],
    "ar": [r"هاتف\w*", r"مكالم\w*", r"عبر الفيديو", r"بالفيديو", r"الفيديو كونفرانس"],
    "fa": [r"تلفن\w*", r"ویدئو\w*", r"ویدیو\w*"],
    "tr": [r"telefon\w*", r"video konferans\w*", r"görüntülü"],
    # "recebeu uma ligação do presidente"; "ligação" alone is also a link
    "pt": [r"telef[oô]n\w*", r"videoconfer[êe]ncia\w*", r"videochamada\w*",
           r"rece\w+(?: \w+){0,2}? (?:uma (?:ligação|chamada|videochamada)|um telefonema)"
           r"(?: telef[oô]nica)? (?=d[oae]s? )"],
    "it": [r"telefon\w*", r"videoconferenz\w*", r"videochiamat\w*", "videocollegamento",
           # a call someone took from someone ("ha ricevuto una telefonata dal presidente")
           r"ricev\w*(?: \w+){0,2}? una (?:telefonata|videochiamata|chiamata) (?=da(?:l|lla|llo)? )"],
    "pl": [r"telefon\w*", r"wideokonferencj\w*", r"wideorozmow\w*"],
    "hi": ["फोन", "फ़ोन", "फ\u093cोन", "टेलीफोन", "वीडियो"],
}  # fmt: skip
CALL_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(_CALL_WORDS)

#: How a talk was held at a distance: a phrase of its MEANS ("by phone", "via video link",
#: "using a secure video link", "over the phone", "por videoconferencia", "par
#: visioconférence", "per Videoschalte", "al telefono", "по телефону"). Unlike a noun of a
#: call (:data:`CALL_CUES`), which may be a topic, a thing or another event ("to discuss
#: phone hacking", "a telephone hotline", "after their phone call"), a means phrase
#: anywhere in a meeting's clause says how THAT meeting was held, whatever topic or time
#: stands between ("held talks with B about the crisis by phone").
CALL_MEANS: Mapping[str, re.Pattern[str]] = cue_patterns({
    # the phrase closing there, not a noun compound ("fraud by phone companies", "made
    # by video game users")
    "en": [r"(?:by|via|over|through|(?:on|in) (?:a|an|the)) (?:(?:a|an|the) )?(?:secure )?"
           r"(?:(?:tele)?phone|video(?:conferenc\w*|[- ]?(?:links?|calls?|conferenc\w*))?"
           r"|teleconferenc\w*)(?=\s*(?:[.,;:!?)]|$|(?:on|in|at|from|with|to|and|for|last"
           r"|this|yesterday|today|about|amid|after|before|during|late|early|while|as)\b))",
           r"using (?:(?:a|an|the) )?(?:\w+ )?(?:video ?(?:links?|conferenc\w*|calls?)"
           r"|teleconferenc\w*)", "telephonically"],
    "es": [r"por (?:tel[eé]fono|v[íi]a telef[óo]nica|videoconferencias?|videollamadas?"
           r"|videoenlace|v[íi]deo)", r"v[íi]a telef[óo]nica", "telefónicamente",
           r"(?:mediante|en|a través de) (?:una )?(?:videoconferencia|videollamada)"],
    "fr": [r"par (?:t[ée]l[ée]phone|visioconf[ée]rence|vid[ée]oconf[ée]rence|visio|vid[ée]o)",
           r"au t[ée]l[ée]phone", r"en (?:visioconf[ée]rence|vid[ée]oconf[ée]rence|visio)",
           "téléphoniquement"],
    "de": [r"per (?:Telefon|Video\w*)", "telefonisch", r"(?:über|via) (?:eine )?Video\w*",
           "am Telefon"],
    "it": [r"(?:al|per|via) telefono", "telefonicamente",
           r"(?:in|via|per) (?:videoconferenza|videocollegamento|videochiamata|video)"],
    "pt": [r"por (?:telefone|videoconfer[êe]ncia|videochamada|v[íi]deo)", "telefonicamente",
           r"(?:em|via) (?:videoconfer[êe]ncia|videochamada)"],
    "ru": [r"по (?:телефону|видеосвязи|видеоконференц\w*|видео\w*)",
           r"в (?:режиме|формате) (?:видео\w*|телефонного разговора)"],
})  # fmt: skip

#: Verbs of one side taking part in a meeting ("joined", "took part", "participó", "qui
#: participait", "zugeschaltet", "участвовал"): with a means phrase (:data:`CALL_MEANS`) in
#: their clause and a side as their subject, the meeting was held at a distance for that
#: side ("A met B on Monday, who joined by video link"): a call, not a visit.
_JOINED_WORDS: dict[str, list[str]] = {
    "en": [r"join(?:ed|s|ing)", r"(?:took|takes|taking) part", r"participat(?:ed|es|ing)",
           r"attend(?:ed|s|ing)", "appeared", r"dial(?:l)?ed in", r"(?:logged|linked) in",
           r"(?:was|were) (?:connected|linked)"],
    "es": [r"particip(?:ó|aron|aba|aban|ando)", r"asisti(?:ó|eron)",
           r"se (?:unió|unieron|sumó|sumaron|conectó|conectaron)", r"intervin(?:o|ieron)",
           r"conectad[oa]s?"],
    "fr": [r"particip(?:ait|aient|é|ant)", r"assist(?:ait|aient|é|ant)", r"(?:a|ont) rejoint",
           r"(?:s['’]est|se sont) joint\w*", r"connecté\w*", r"intervenu\w*", r"intervenai(?:t|ent)"],
    "de": ["zugeschaltet", r"teil(?:nahm|nahmen|genommen)", r"nahmen? (?:\w+ ){0,4}?teil",
           r"beteiligt\w*", r"verbunden"],
    "ru": [r"участвова\w*", r"присоедини\w*", r"подключи\w*"],
    "it": [r"partecip(?:ò|ava|avano|ato|ando)", r"collegat[oaie]", r"intervenut[oaie]"],
    "pt": [r"particip(?:ou|aram|ava|avam|ando)", r"conectad[oa]s?", r"junt(?:ou|aram)"],
}  # fmt: skip
JOINED_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(_JOINED_WORDS)
#: Adverbs of taking part from afar ("virtually", "remotely", "a distancia", "à distance",
#: "virtuell", "дистанционно"). Alone they are no means of a meeting ("virtually all",
#: "safe online", "learning remotely"): only beside a verb of taking part
#: (:data:`JOINED_CUES`), after it or, in German and Russian, before it too ("joined
#: virtually", "participó de forma virtual", "der virtuell zugeschaltet war").
_AFAR: dict[str, str] = {
    "en": r"virtually|remotely|online",
    "es": r"virtualmente|de (?:forma|manera|modo) virtual|a distancia|en l[íi]nea|remotamente",
    "fr": r"virtuellement|[àa] distance|en ligne",
    "de": r"virtuell|online|aus der Ferne",
    "ru": r"дистанционно|удал[её]нно|онлайн|в онлайн-формате",
    "it": r"virtualmente|a distanza|da remoto|in remoto",
    "pt": r"virtualmente|remotamente|a dist[âa]ncia|de forma virtual",
}
#: The adverbs alone (:data:`_AFAR`), to be read out of a subject ("der virtuell").
AFAR_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    {lang: [afar] for lang, afar in _AFAR.items()}
)
#: Not an adverb of the verb but of what follows ("joined virtually all the talks").
_NOT_AFAR_AFTER = (
    r"(?!\s+(?:all|every|no|none|any|todos?|todas?|tous|toutes?|alle[nrs]?|все\w*)(?!\w))"
)
#: A verb of taking part beside its adverb of afar (:data:`_AFAR`): a side that "joined
#: virtually" or "took part remotely" was not where the meeting was.
JOINED_AFAR_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    {
        language: [
            rf"(?:{'|'.join(_JOINED_WORDS[language])})\s+(?:{afar}){_NOT_AFAR_AFTER}",
            rf"(?:{afar})\s+(?:{'|'.join(_JOINED_WORDS[language])})",
        ]
        if language in ("de", "ru")
        else [rf"(?:{'|'.join(_JOINED_WORDS[language])})\s+(?:{afar}){_NOT_AFAR_AFTER}"]
        for language, afar in _AFAR.items()
    }
)


def _and_calls(words: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """``words`` of a meeting per language with the words of a call of each (:data:`CALL_CUES`):
    a call is a meeting (PLOVER CONSULT, mode phone), so "phoned", "a téléphoné", "sostuvo una
    videollamada", "позвонил", "致电" are its evidence as "met" is."""
    return {language: [*each, *_CALL_WORDS.get(language, [])] for language, each in words.items()}


#: Every word of a meeting, in person or not: the meeting gate, and what a
#: meeting's (or a visit's) evidence may say.
MEETING_WORDS = cue_pattern(
    ["met", r"meet\w*", "talks?", "talked", "spoke", r"speak\w*", "call", "called", "phone",
     r"discuss\w*", "summit", r"conferr\w*", r"consult\w*", r"negotiat\w*", "readout",
     "bilateral", "hosted", "received", *_CALL_WORDS["en"]]
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
MEETING_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    _and_calls({
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
        # Arabic is spelt with bare alef: each letter matches its hamza forms, and
        # joined clitics ("و", "ب", "ال") are found (see :func:`cue_pattern`).
        "ar": [r"التقى\w*", r"التقي\w*", r"يلتقي\w*", r"لقاء\w*", r"اجتمع\w*", r"اجتماع\w*",
               r"يجتمع\w*", r"محادثات\w*", r"مباحثات\w*", r"تباحث\w*", r"بحث\w*", r"ناقش\w*",
               r"مناقش\w*", r"قمة\w*", r"اتصال\w*", r"هاتفي\w*", r"مكالمة\w*", r"مفاوضات\w*",
               r"تفاوض\w*", r"مشاورات\w*", r"استقبل\w*", r"يستقبل\w*", r"استقبال\w*",
               r"ثنائي\w*"],
        "tr": [r"görüş\w*", r"bir araya gel\w*", r"zirve\w*", r"müzakere\w*", r"telefon\w*",
               r"istişare\w*", "ele aldı", "ele aldılar", "kabul etti", r"ağırla\w*", "ikili",
               r"toplantı\w*", r"konuştu\w*", r"konuşma\w*"],
        "uk": [r"зустр\w*", r"переговор\w*", r"бесід\w*", r"обговор\w*", r"саміт\w*",
               r"консультаці\w*", r"розмов\w*", r"телефон\w*", r"прийня\w*", r"прийма\w*",
               r"двосторонн\w*", r"нарад\w*", r"засідан\w*"],
        "ja": ["会談", "会見", "会合", "会った", "会い", "面会", "協議", "会議", "サミット",
               "話し合", "交渉", "意見交換", "二国間", "電話", "接見", "歓迎", "出迎え"],
        "ko": [r"\w*회담\w*", r"만났\w*", r"만나\w*", r"만남\w*", r"회동\w*", r"면담\w*",
               r"접견\w*", r"\w*회의\w*", r"통화\w*", r"\w*전화\w*", r"협의\w*", r"논의\w*",
               r"협상\w*", r"양자\w*"],
        "fa": [r"دیدار\w*", r"ملاقات\w*", "گفتگو", r"گفت(?:\u200c| )?و(?:\u200c| )?گو\w*",
               r"مذاکر\w*", r"رایزنی\w*", r"تلفنی\w*", r"نشست\w*", r"اجلاس\w*", r"همایش\w*",
               r"پذیرفت\w*", r"استقبال\w*", r"دوجانبه\w*"],
        "pt": ["reunião", "reuniões", "reuniu", "reuniram", "reunirá", "encontro", "encontros",
               "encontrou", "encontraram", "encontrará", "cúpula", "cimeira", "conversa",
               "conversas", "conversou", "conversaram", "negociações", "negociou",
               "negociaram", "telefonema", "telefonou", "ligação", "discutiu", "discutiram",
               "debateu", "debateram", "recebeu", "receberam", "bilaterais", "conferência"],
        "it": ["incontro", "incontri", "incontrato", "incontrata", "incontrati", "incontrerà",
               "colloquio", "colloqui", "vertice", "vertici", "riunione", "riunioni",
               "riunito", "riuniti", "negoziati", "trattative", "telefonata", "telefonato",
               "discusso", "discussione", "ricevuto", "ricevuta", "bilaterale", "bilaterali",
               "consultazioni", "parlato", "conferenza"],
        "pl": [r"spotka\w*", r"spotkani\w*", r"rozmow\w*", r"rozmawia\w*", r"negocjac\w*",
               r"szczyt\w*", r"telefoniczn\w*", r"omówi\w*", r"omawia\w*", r"konsultac\w*",
               "przyjął", "przyjęła", "przyjęli", r"dwustronn\w*"],
        "hi": ["मुलाकात", "मुलाक़ात", "मुलाक\u093cात", "भेंट", "मिले", "मिलीं", "मिलेंगे",
               "बैठक", "बैठकों", "वार्ता", "बातचीत", "चर्चा", "सम्मेलन", "फोन", "फ़ोन",
               "फ\u093cोन", "टेलीफोन", "द्विपक्षीय", "परामर्श", "स्वागत"],
    }),
    english=MEETING_WORDS,
)  # fmt: skip
#: Words of a meeting in person, per language; "en" is :data:`MET_IN_PERSON`.
MET_IN_PERSON_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    {
        "es": ["reunión", "reunió", r"reunier\w*", r"encuentro", r"se encontr\w*",
               r"entrevist\w*", "conversaciones", r"recibi\w*"],
        "fr": [r"rencontr\w*", r"entretenu\w*", r"entretien\w*", r"réuni\w*", r"reçue?s?",
               r"accueilli\w*"],
        "de": ["traf", "trafen", r"Treffen\w*", r"empfing\w*", "empfangen", "zusammengekommen"],
        "ru": [r"встрет\w*", r"встреч\w*", r"переговор\w*", r"принял\w*"],
        "zh": ["会见", "会晤", "会谈", "会面", "见面", "接见"],
        "ar": [r"التقى\w*", r"التقي\w*", r"يلتقي\w*", r"لقاء\w*", r"اجتمع\w*", r"اجتماع\w*",
               r"محادثات\w*", r"مباحثات\w*", r"استقبل\w*", r"استقبال\w*"],
        "tr": [r"görüştü\w*", r"görüşme\w*", r"bir araya gel\w*", "kabul etti", r"ağırla\w*"],
        "uk": [r"зустр\w*", r"переговор\w*", r"прийня\w*"],
        "ja": ["会談", "会った", "面会", "会合", "接見"],
        "ko": [r"\w*회담\w*", r"만났\w*", r"만나\w*", r"회동\w*", r"면담\w*", r"접견\w*"],
        "fa": [r"دیدار\w*", r"ملاقات\w*", r"مذاکر\w*", r"پذیرفت\w*", r"استقبال\w*"],
        "pt": ["reunião", "reuniu", "reuniram", "encontro", "encontrou", "encontraram",
               "recebeu", "receberam"],
        "it": ["incontro", "incontrato", "incontrata", "incontrati", "incontrerà", "colloquio",
               "colloqui", "riunione", "ricevuto", "ricevuta"],
        "pl": [r"spotka\w*", r"spotkani\w*", "rozmowy", "przyjął", "przyjęła", "przyjęli"],
        "hi": ["मुलाकात", "मुलाक़ात", "मुलाक\u093cात", "भेंट", "मिले", "मिलीं", "बैठक",
               "वार्ता"],
    },
    english=MET_IN_PERSON,
)  # fmt: skip
#: Words of welcome, per language; "en" is :data:`WELCOME_WORDS`.
WELCOME_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    {
        "es": [r"bienvenid\w*", r"acogi\w*", r"acoger\w*", "acogen", r"anfitri\w*"],
        "fr": ["bienvenue", r"accueil\w*", "hôtes?"],
        "de": ["willkommen", r"begrüß\w*", r"begrüss\w*", r"Gastgeber\w*", r"empfang\w*"],
        "ru": [r"приветств\w*", "радушно", "добро пожаловать", r"гостеприим\w*"],
        "zh": ["欢迎", "迎接", "接待", "东道主"],
        "ar": [r"رحب\w*", r"ترحيب\w*", r"استقبل\w*", r"استقبال\w*", r"مرحب\w*", r"حفاوة\w*",
               r"مضيف\w*"],
        "tr": [r"ağırla\w*", r"hoş geldin\w*", r"karşıla\w*", "ev sahipliği"],
        "uk": [r"віта\w*", r"привіта\w*", "ласкаво просимо", r"гостинн\w*"],
        "ja": ["歓迎", "出迎え", "迎え", "もてなし", "接遇"],
        "ko": [r"환영\w*", r"영접\w*", r"맞이\w*", r"주최\w*"],
        "fa": [r"استقبال\w*", r"خوش(?:\u200c| )?آمد\w*", r"میزبان\w*"],
        "pt": ["boas-vindas", "acolheu", "anfitrião", "anfitriã", "recepcionou"],
        "it": [r"benvenut\w*", "accolto", "accolta", "accoglienza", r"ospit\w*"],
        "pl": [r"powita\w*", r"witał\w*", r"gości\w*", r"gospodarz\w*"],
        "hi": ["स्वागत", "मेजबान", "मेज़बान", "मेज\u093cबान", "मेजबानी", "अगवानी"],
    },
    english=WELCOME_WORDS,
)  # fmt: skip


#: Words that two sides talked with each other, per language: a meeting's words, and in
#: English only a talk someone had WITH someone ("spoke with", "held talks with"): "spoke
#: to reporters", "spoke of", "called on Congress" say nothing of a talk between the sides.
TALK_CUES: Mapping[str, re.Pattern[str]] = {
    **MEETING_CUES,
    "en": cue_pattern([
        r"(?:spoke|speaks|talked|talks|conferred|consulted)\s+(?:[\w.'’-]+\s+){0,4}?with",
        r"held\s+(?:[\w-]+\s+){0,2}?(?:talks|consultations|conversations?|(?:phone\s+|video\s+)?calls?)",
        r"(?:a|the|their|his|her)\s+(?:phone\s+|telephone\s+|video\s+)?conversation\s+with",
    ]),
}  # fmt: skip
#: Words that say a talk did not happen or is only wished for, per language: a negation,
#: a refusal, a denial, a cancellation or delay, a readiness, wish, plan, proposal or
#: request, a condition, a modal or a future ("refused to talk", "there was no call", "is
#: ready to talk", "will speak by phone", "denied that they spoke", "cancelled the call",
#: "has yet to talk", "parlera au téléphone", "soll telefonieren", "没有同…通电话"). A
#: sentence with one reports no talk that took place (PLOVER/CAMEO code a consultation
#: that occurred): a call lost is less harm than a call invented. "call on/for" is a
#: demand, but "a call on Monday" is a call. Read only in the talk's own clause and only
#: with the sentence's language's words: another's match a name or a word of its own
#: ("reported" is French "reporté", "Narendra" a French future); so each language's
#: future is a verb's ending on a lower-case word, and has its own irregular ones.
NO_TALK_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["no", "not", r"\w+n[’']t", "never", r"refus\w*", r"declin\w*", "without",
           "ready", r"wants?", "would", r"plans?", r"planned", r"planning", r"hopes?", r"urg\w*",
           r"offer\w*", r"call(?:s|ed|ing)? for",
           r"call(?:s|ed|ing)? on(?! (?:mon|tues|wednes|thurs|fri|satur|sun)day| \d)",
           "will", "shall", r"\w+[’']ll", "should", "could", "might", "must", "can", "cannot",
           # "may" before a verb: "May 3" is a month
           r"may(?: \w+)? (?:speak|talk|hold|have|call|meet|phone|telephone|confer|be)",
           "going to", "yet", "if", "unless", "whether", "tomorrow", "upcoming", "next",
           r"schedul\w*", "set to", "set for", "due to", r"expect\w*", r"intend\w*", r"arrang\w*",
           r"propos\w*", r"suggest\w*", r"ask\w*", r"request\w*", r"invit\w*", "sought",
           r"seek\w*", r"tr(?:y|ies|ied) to", r"attempt\w*", r"fail\w*", r"agree\w* to",
           r"cancel\w*", "called off", r"postpon\w*", r"delay\w*", r"scrap\w*",
           r"deni\w*", "deny", r"rul(?:e|ed|es) out",
           # a future or a wish by its auxiliary ("is to speak", "is slated to", "aims to")
           r"(?:is|are|was|were) to", "slated", "poised", "supposed", "eager", "keen",
           r"wish(?:es|ed)?", r"aim(?:s|ed|ing)? to", r"prepar\w*", "looking forward",
           # "awaits a call", "a call is awaited"; not the adjective ("a long-awaited call")
           r"(?<![\w-])await(?:s|ing)?", r"(?:is|are|was|were|be|been|being) awaited",
           r"demand\w*", r"threat\w*",
           # a denial of a report ("rejected reports that", "reports ... were false")
           r"reject\w*", r"dismiss\w*", "false", "untrue"],
    "fr": ["ne", "n", "pas", "jamais", r"refus\w*", "sans", r"prête?s?", r"souhait\w*",
           # a future or conditional is a verb: lower case ("Narendra", "Alexandra" are names)
           r"veu\w*", r"(?-i:[a-zàâçéèêëîïôûùüÿœ])\w+(?:era|eront|erait|eraient|iront|dra|dront)",
           "sera", "seront", "aura", "auront", "va", "vont", r"doi(?:t|vent)", r"devr\w*", r"pourr\w*",
           r"prévu\w*", r"prévoi\w*", r"programmé\w*", r"annul\w*", r"report[ée]\w*",
           r"dément\w*", "démenti", r"ni[ée]", r"propos\w*", r"demand\w*", "si", r"esp[èé]r\w*",
           r"envisag\w*", r"projet\w*", r"compte(?:nt)?", r"s[’']appr[êe]t\w*", r"intention",
           "demain", r"prochain\w*", r"devait", r"devaient"],
    "es": ["no", "nunca", r"rechaz\w*", r"neg[oó]", "sin", r"dispuest\w*", r"quier\w*",
           # a future or conditional is a verb: lower case ("María" is a name)
           r"(?-i:[a-zñáéíóú])\w*(?:ará|arán|erá|erán|irá|irán|aría|arían|ería|erían|drá|drán|dría|drían)",
           # the irregular futures ("habrá funerales", "hará", "dirá"); not their
           # conditionals ("dijo que habría elecciones" doubts no talk)
           r"(?:habr|har|dir|sabr|cabr|querr)(?:á|án)",
           "va a", "van a", "iba a", "iban a", r"tienen? que",
           # "desea", "deseaba" (not "desescalada"); "mañana" tomorrow (not "por la mañana")
           r"dese(?:a|an|ó|aba|aban|o|os|aría|arían|ando)", r"(?<!la )(?<!esta )(?<!una )mañana",
           r"próxim\w*",
           r"prev[ée]\w*", r"previst\w*", r"program\w*", r"planea\w*", r"plan(?:es)?",
           r"cancel\w*", r"suspend\w*", r"aplaz\w*", r"pospu\w*", r"posterg\w*",
           r"desminti\w*", r"desmient\w*", r"neg(?:ó|aron|ado)", r"propu\w*", r"propon\w*",
           r"pidi\w*", r"solicit\w*", r"podr\w*", r"deb(?:e|en|ía|erá)\w*", "si", r"esper\w*"],
    "de": ["nicht", r"kein\w*", "nie", r"lehnt\w*", "abgelehnt", "ohne", r"bereit\w*",
           # the future's auxiliary, indicative or reported (Konjunktiv I: "er werde
           # besuchen"), and a plan reported ("plane")
           "wollen", "wolle", "will", r"wollte\w*", "wird", "werden", "werde", "würde", "würden", r"soll\w*", r"könnt\w*",
           r"möcht\w*", "geplant", "plant", "planen", "plane", "vorgesehen", "angesetzt", "abgesagt",
           "verschoben", r"dementier\w*", r"bestr(?:itt|eitet)\w*", r"vorgeschlagen",
           r"schlug\w*", "falls", "wenn", "ob", r"hofft\w*", r"beabsichtig\w*", "muss", "müssen",
           r"hat vor", r"haben vor", r"nächst\w*", r"(?<!am )(?<!heute )(?<!gestern )morgen", "übermorgen"],
    "ru": ["не", "нет", r"отказ\w*", "без", r"готов\w*", r"хоч\w*", r"хот[ея]\w*",
           r"буд\w*", r"провед[её]т", "проведут", r"\w+(?:ится|ятся)", r"поговор(?:ит|ят)",
           r"обсуд(?:ит|ят)", r"побесед(?:ует|уют)", r"свяж(?:ется|утся)", r"переговор(?:ит|ят)",
           # the perfective future of a visit ("посетит", "прибудет", "приедет", "прилетит")
           r"посет(?:ит|ят)", r"прибуд(?:ет|ут)", r"приед(?:ет|ут)", r"прилет(?:ит|ят)",
           r"собира\w*", r"ожида\w*", "завтра", r"следующ\w*",
           r"запланир\w*", r"планир\w*", r"намер\w*", r"должн\w*", r"предполага\w*",
           r"отмен\w*", r"отлож\w*", r"перенес\w*", r"опроверг\w*", r"отрица\w*",
           r"предлож\w*", r"попрос\w*", r"просил\w*", r"мож\w*", r"могу\w*", "бы", "если"],
    # "将军" is a general, "不断" "continually", "不久前" "recently", "未来" "the future"
    "zh": ["没有", "没", "未(?!来)", "不(?!断|久)", "将(?!军)", "拒绝", "否认", "计划", "拟", "打算",
           "准备", "预计", "预定", "安排", "取消", "推迟", "延期", "提议", "建议", "要求", "希望",
           "愿", "(?<!思)想(?!法)", "期待", "寻求", "有望", "同意", "定于", "即将", "明天", "下周", "下月",
           "如果", "若", "尚未", "还没", "可能", "或将", "要同", "要与", "会同", "会与"],
    "it": ["non", "mai", r"\w+(?:erà|eranno|irà|iranno|erebbe|erebbero)", r"dovr\w*",
           r"previst\w*", r"annullat\w*", r"rinviat\w*", r"smentit\w*"],
    "pt": ["não", "nunca", r"\w+(?:ará|arão|erá|erão|irá|irão)", "vai", "vão", r"dev\w*",
           r"previst\w*", r"cancelad\w*", r"adiad\w*", r"negou"],
})  # fmt: skip

#: A past ability that states its event took place: "could" with an adverb of achievement
#: ("could finally visit", "could at last meet", "could eventually travel"). English is
#: the one language whose :data:`NO_TALK_CUES` read its past ability as a modal: "could
#: visit on Friday" alone is a possibility, and stays one; the achieved ability of other
#: languages ("pudo visitar", "a pu se rendre", "konnte besuchen", "смог посетить",
#: "was able to", "managed to") is no cue in the first place. Masked out of a clause
#: before its modals are read.
REALISED_ABILITY = re.compile(
    r"(?<!\w)could\s+(?:finally|at\s+last|eventually|ultimately|successfully)(?!\w)", re.IGNORECASE
)

#: Participles that open a frame of being at an event or of closing it ("Wrapping up his
#: visit", "Concluding his trip", "Hosting talks", "Touring Kyiv", "Завершая визит"): a
#: speech they frame is made at the event, on its day. A participle of intention, asking
#: or judging ("Planning a visit", "Asked about his trip", "Criticised for his visit",
#: "Defending his visit") is not in the table: it frames no time spent at the event.
AT_EVENT_PARTICIPLES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"wrapping\s+up", "concluding", "ending", "closing", "finishing", "completing",
           "rounding off", "winding up", "hosting", "attending", "touring", "visiting",
           "speaking", "addressing", "standing", "welcoming", "meeting", "holding",
           "opening", "joining", "chairing", "receiving", "arriving", "appearing"],
    "es": [r"al\s+(?:concluir|terminar|finalizar|cerrar|clausurar)", "concluyendo", "terminando",
           "finalizando", "cerrando", "visitando", "recorriendo", "hablando", "recibiendo"],
    "fr": ["concluant", "terminant", "achevant", "clôturant", r"s[’']exprimant", "visitant",
           "accueillant", "recevant"],
    "de": [r"zum\s+abschluss", r"zum\s+ende", "abschließend"],
    "ru": ["завершая", "заканчивая", "находясь", "выступая", "посещая", "принимая"],
})  # fmt: skip

#: The modal "may" before any verb ("may visit", "may well travel"), lower case: the
#: month is capitalised ("May 3", "in May"). :data:`NO_TALK_CUES` reads it only before a
#: verb of talk; a clause's date is cancelled by it before any verb.
MAY_MODAL = re.compile(r"(?<!\w)(?-i:may)(?:\s+(?:not|well|also|still))?\s+(?-i:[a-z]+)(?!\w)")

#: Words that distribute a talk over its parties, one talk with each ("held separate
#: calls with B and C", "spoke with B and C respectively", "por separado", "séparément",
#: "getrennt", "jeweils", "отдельно", "分别", "先后" one after another): a talk of one with
#: several, not of all together.
DISTRIBUTIVE_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"separate(?:ly)?", "respectively", "individually", "in turn", "one by one",
           r"each\s+(?:separately|in\s+turn)"],
    "es": [r"separad[oa]s?", "separadamente", "respectivamente", "individualmente",
           "sendas", "sendos", r"uno\s+por\s+uno", r"por\s+turnos"],
    "fr": [r"séparé(?:e|es|s|ment)", "respectivement", "individuellement", r"tour\s+à\s+tour",
           r"l[’']un\s+après\s+l[’']autre"],
    # Whole adverb or adjective forms: a stem matched "Separatistenführer" and "командир
    # отдельной бригады" (a separate brigade), splitting one talk of three in two; a
    # Russian plural only of talks ("отдельные телефонные разговоры", not "по ряду
    # отдельных вопросов").
    "de": [r"getrennt(?:e[nmrs]?)?", r"separat(?:e[nmrs]?)?", "jeweils", "einzeln",
           "nacheinander"],
    "ru": ["отдельно", r"отдельн(?:ые|ых|ыми)\s+(?:\w+\s+)?(?:разговор|бесед|переговор|звонк"
           r"|встреч|контакт)\w*", r"по\s+отдельности", "соответственно",
           r"поочер[её]дно", r"по\s+очереди"],
    "zh": ["分别", "各自", "先后", "逐一", "单独"],
})  # fmt: skip

#: A French conditional of hearsay: the auxiliary of a past conditional ("aurait", "se
#: serait").
_FR_HEARSAY_AUX = r"(?:aurai(?:t|ent)|(?:se|s['’]) serai(?:t|ent))"
#: What may stand between that auxiliary and its participle: adverbs ("déjà",
#: "longuement", "également"), a day ("lundi") or an aside between commas ("aurait, selon
#: l'agence, parlé").
_FR_BETWEEN = (
    r"(?:\s*,[^,;.!?]{1,60},|\s+(?:\w+ment|déjà|aussi|encore|même|bien|ainsi|alors|hier"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce\s+week-end))*\s+"
)
#: The participles of the French verbs of a meeting, a call or taking part
#: (:data:`MEETING_CUES`, :data:`CALL_CUES`, :data:`JOINED_CUES`), and a light verb ("eu",
#: "tenu", "mené", "participé à") with a talk as its object ("eu une longue conversation
#: téléphonique", "tenu une visioconférence").
_FR_TALK_PARTICIPLE = (
    r"(?:parlé|discuté|conversé|téléphoné|appelé|échangé|dialogué|entretenu\w*|rencontré\w*"
    r"|réuni\w*|négocié|participé|assisté|connecté\w*|intervenu\w*|(?:eu|tenu|mené|organisé"
    r"|participé à|assisté à|pris part à)" + _FR_BETWEEN + r"(?:un|une|des|l['’]|à un|à une)\s*"
    r"(?:[^\W\d_]+\s+){0,2}?(?:entretien|conversation|échange|appel|discussion|contact"
    r"|visioconférence|vidéoconférence|réunion|rencontre|pourparlers|dialogue|sommet)s?)"
)
#: What doubts or denies a talk from outside its own clause: the predicate of a clause
#: that embeds it ("Sources claimed that", "Es ist falsch, dass", "有传言称"), a clause
#: coordinated with it ("but this could not be verified", "wurden dementiert", "kam nicht
#: zustande"), or an adverb of hearsay ("allegedly"). Read over the talk's whole sentence
#: (:func:`extractor.types.visit.as_call`), so no word of the future or of negation alone
#: is here: those say something of the talk only in its own clause (NO_TALK_CUES).
DOUBT_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"alleged\w*", r"claim(?:ed|ing)", r"claims? that", r"rumou?r\w*",
           r"speculat(?:e|es|ed|ing)",
           r"doubt\w*", r"unverif\w*", r"unconfirm\w*", "unlikely", r"purported\w*",
           r"(?:not|n[’']t|never)(?: \w+)?(?: be| been)? (?:independently )?(?:verif|confirm)\w*",
           r"false(?:ly|hood)?", "untrue", "not true", "nobody", "no one", r"fabricat\w*",
           "fake", "hoax",
           # a denial of the talk's report, not of another ("denying reports of a rift")
           r"(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w*)(?: \w+){0,2} that",
           r"(?:was|were|been|being)(?: \w+)? (?:denied|dismissed|rejected)",
           r"(?:denied|dismissed|rejected) (?:it|this|the call|the report)"],
    "es": [r"supuest\w*", r"presunt\w*", r"rumor\w*", r"especul\w*", r"dud\w*",
           "sin confirmar", r"no (?:se )?(?:\w+ )?(?:sido )?(?:verific|confirm)\w*",
           r"fals[oa]s?", "mentira", "no es cierto", "no es verdad", r"desmint\w*",
           r"desmient\w*", r"neg(?:ó|aron|ado|aba)", "nadie", r"improbable",
           # a conditional of hearsay only as the talk verb's own ("habría hablado", "se
           # reuniría"): "dijo que habría elecciones", "quería", "cancillería" are none
           r"habrían? (?:hablado|conversado|dialogado|llamado|telefoneado|reunido|mantenido"
           r"|sostenido|celebrado|tenido|discutido|charlado)",
           r"(?:hablar|conversar|dialogar|llamar|telefonear|reunir|charlar)ían?",
           r"(?:mant|sost)endrían?"],
    "fr": [r"prétendu\w*", r"présum\w*", r"rumeurs?", r"spécul\w*", r"dout\w*",
           r"non confirm\w*", r"pas (?:été )?(?:confirm|vérifi)\w*", r"faux", r"fausses?",
           r"dément\w*", r"démenti\w*", r"ni[ée]\w*", "personne", "improbable",
           # a conditional of hearsay only as the talk verb's own ("aurait parlé", "se
           # serait entretenu"), as in Spanish, whatever adverbs or aside stand between
           # ("aurait déjà parlé", "aurait, selon l'agence, parlé", "aurait eu lundi un
           # entretien"): "il y aurait des élections", "qui aurait voulu venir" are none
           _FR_HEARSAY_AUX + _FR_BETWEEN + _FR_TALK_PARTICIPLE,
           r"(?:parler|discuter|téléphoner|s['’]entretiendr|échanger|converser)ai(?:t|ent)"],
    "de": [r"angeblich\w*", r"mutmaßlich\w*", r"Gerücht\w*", r"spekul\w*", r"bezweifel\w*",
           r"Zweifel\w*", r"unbestätigt\w*", r"nicht (?:\w+ )?bestätigt", r"falsch\w*",
           r"unwahr\w*", r"dementier\w*", r"bestritt\w*", r"bestritten", "nicht zustande",
           "niemand", r"unwahrscheinlich\w*"],
    "ru": ["якобы", r"слух\w*", r"сомн\w*", r"неподтвержд\w*", r"не подтвер\w*",
           r"подтверждени\w* нет", r"неправд\w*", r"ложн\w*", r"опроверг\w*", r"отрица\w*",
           "никто", r"маловероят\w*", r"утвержда\w*"],
    # a conditional of hearsay ("avrebbe parlato", "teria conversado") as in French
    "it": [r"presunt\w*", r"voci", r"indiscrezion\w*", r"smentit\w*", r"smentisc\w*",
           r"non (?:è stat[oa] )?confermat\w*", r"fals[oa]", "nessuno", r"negat[oa]",
           r"dubbi\w*", "improbabile",
           # only the talk verb's own conditional: "che avrebbe voluto incontrarlo", "che
           # sarebbe poi partito", "che sarebbe durata un'ora" tell a future in the past
           r"avrebbe(?:ro)? (?:parlato|telefonato|conversato|discusso|avuto (?:un[a']? ?)?"
           r"(?:colloquio|telefonata|conversazione|incontro))",
           r"sarebbe(?:ro)? stat[oa] (?:una |un )?(?:telefonata|colloquio|conversazione)",
           r"si sarebbero (?:sentiti|parlati|incontrati)"],
    "pt": [r"supost\w*", r"alegad\w*", r"rumor\w*", r"boato\w*", r"desmentid\w*",
           "desmentiu", r"desment\w*", r"não (?:foi )?confirmad\w*", r"fals[oa]", "ninguém",
           "negou", r"dúvida\w*", "improvável",
           # the talk verb's own conditional ("teria conversado"), not "teria de viajar"
           r"teriam? (?:conversado|falado|telefonado|ligado|discutido|dialogado|mantido"
           r"|tido|se reunido)"],
    "zh": ["传言", "传闻", "谣言", "据称", "未获证实", "未经证实", "尚未证实", "未证实", "不实",
           "否认", "辟谣", "不太可能", "猜测"],
})  # fmt: skip

#: What doubts or denies a talk from a clause AFTER it, whose subject is the talk or its
#: report and which has no object of its own: a predicate of doubt ("..., but this could
#: not be verified", "..., wurden dementiert", "..., но подтверждений нет", "，但未获证实").
#: A doubt word there that takes its own object ("and condemned the fake news campaign",
#: "; both rejected the claims that Z was involved", "и обсудил слухи о перемирии",
#: "双方驳斥了有关传言") says nothing of the talk before it, so :data:`DOUBT_CUES` are read
#: only up to the talk's party (:func:`extractor.types.visit.as_call`) and these after it.
DOUBT_AFTER_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"(?:not|n[’']t|never)(?: \w+)?(?: be| been)? (?:independently )?(?:verif|confirm)\w*",
           r"unverified", r"unconfirmed",
           r"(?:was|were|been|being|is|are)(?: \w+)? (?:denied|dismissed|rejected|false|untrue)",
           r"(?:denied|dismissed|rejected) (?:it|this|that|the call|the talks?|the reports?)",
           "not true", r"claim(?:ed|s)(?= *[.!?]|$)", r"allegedly(?= *[.!?]|$)",
           # a relative or appositive on the talk ("..., which B denied", ", a claim B
           # dismissed") has the talk as its antecedent: any doubt word in it counts
           r"(?<=, )(?:which|something|(?:according to |citing |per )?(?:an? |the )?"
           r"(?:claims?|reports?|accounts?|rumou?rs?|stor(?:y|ies)))\b[^,;.!?]*?"
           r"(?:den(?:y|ies|ied)|dismiss\w*|reject\w*|fals\w*|fake|hoax|fabricat\w*"
           r"|rumou?r\w*|doubt\w*|untrue)"
           # ... with no object of its own ("according to reports that both denied any
           # rift" doubts the rift): the talk, a pronoun or "as" a label at most, then an
           # adjunct of time or manner, then the appositive's end
           r"(?: (?:it|this|them|the (?:call|talks?|reports?|account|claims?)))?"
           r"(?: as (?:an? )?\w+)?(?: (?:on|in|late|early|last|this|quickly|later) \w+"
           r"(?: \w+)?)?(?= *(?:[,;.!?]|$))",
           r"claim(?:ed|s) without (?:evidence|proof)",
           r"(?:called|dismissed|labelled|labeled|branded) (?:it|this|that|the call|the talks?"
           r"|the reports?|the account|the claim) (?:as )?(?:a |an )?(?:hoax|fake|fabricat\w*"
           r"|rumou?r\w*|fiction|lie|false\w*)",
           r"(?:denied|dismissed|rejected|disputed) the (?:account|claim|story|conversation)",
           r"cast\w* doubt on (?:it|this|that|the call|the talks?|the reports?|the account)",
           r"(?:nobody|no one) (?:had )?(?:called|phoned|spoken|spoke)",
           r"citing (?:\w+ )?rumou?rs", r"(?:alleged|purported)(?= *[.!?]|$)",
           r"(?:it|this|that) (?:was|is|seemed) unlikely"],
    "es": [r"no (?:se )?(?:\w+ )?(?:sido )?(?:verific|confirm)\w*", "sin confirmar",
           r"(?:algo|lo|cosa|versi[oó]n|versiones|medios|informaciones|informes|reportes"
           r"|noticias|rumores) que[^,;.!?]*?(?:desminti\w*"
           r"|desmient\w*|neg(?:ó|aron|ado)|tach\w*|fals[oa]s?|rumor\w*|dud\w*)",
           r"(?:lo|la) (?:calific\w+|tach\w+) de (?:rumor|fals[oa]|mentira)",
           r"nadie (?:lo |la )?confirm\w*",
           r"neg(?:ó|aron) (?:esa|esta|la) (?:versión|información|noticia)",
           r"(?:lo|la|los|las) (?:desminti\w*|desmient\w*|neg(?:ó|aron))",
           r"(?:fue|fueron|ha sido|han sido) (?:desmentid|negad)\w*",
           r"(?:es|era|fue) (?:falso|falsa|mentira)", "no es cierto", "no es verdad"],
    "fr": [r"pas (?:été )?(?:confirm|vérifi)\w*", r"non confirm\w*",
           r"(?:l[’']a|l[’']ont|a été|ont été|est|était) (?:démenti\w*|faux|fausse)",
           r"ce que[^,;.!?]*?(?:dément\w*|démenti\w*|ni[ée]\w*|faux|fausse|rumeur\w*"
           r"|dout\w*)"],
    "de": [r"nicht (?:\w+ )?bestätigt", r"unbestätigt\w*", r"dementiert", "bestritten",
           "nicht zustande", r"(?:ist|war|sei) (?:falsch|unwahr)",
           r"(?<=, )was[^,;.!?]*?(?:dementier\w*|bestritt\w*|bestritten|falsch|Gerücht\w*"
           r"|Zweifel\w*|bezweifel\w*)", r"Zweifel (?:daran|darüber)",
           r"bestritt\w* (?:das|dies|es)"],
    "ru": [r"не подтвер\w*", r"неподтвержд\w*", r"подтверждени\w* нет",
           r"(?:был[аои]?|было) опровергнут\w*", r"опроверг\w* (?:это|эти|их)",
           r"(?:это|эти) опроверг\w*", r"(?:это|эти) (?:ложь|неправда)",
           r"(?:это|его|эти|их) отрица\w*", r"отрица\w* (?:это|эти|его)",
           r"выразил\w* сомнени\w*",
           r"опроверг\w* (?:эту|эти|данную|данные) (?:информаци|сообщени|новост)\w*",
           r"назвал\w* (?:это|эти|его) (?:ложн|фейк|слух|выдумк)\w*", r"(?<=, )что[^,;.!?]*?(?:опроверг\w*|отрица\w*"
           r"|ложь|неправд\w*|слух\w*|сомн\w*)"],
    "zh": ["未获证实", "未经证实", "尚未证实", "未证实", "不实", "被否认", "遭否认", "否认了这",
           "辟谣", "否认通话", "否认此事", "否认了此事", "此为谣言", "予以否认", "这是传言", "纯属谣言",
           "对此[^，。；！？]*?(?:否认|辟谣|怀疑)"],
})  # fmt: skip

#: What opens the part of a sentence that says what was discussed: a country named after
#: it is a topic, no side of a meeting ("They discussed support for Ukraine", "pour parler
#: du Soudan"). Read by the meeting rules and by the strict score.
TOPIC_OPENERS = re.compile(
    r"(?<!\w)(?:discuss\w*|talk(?:s|ed)?\s+(?:about|on)|about|regarding|concerning"
    r"|support\s+(?:for|of)"
    r"|(?:the\s+)?(?:situation|war|crisis|conflict)\s+in|parl(?:er|é|ent|aient)|discut\w*"
    r"|évoqu\w*|abord(?:er|é|ée|és|ait|ó|ar|aron|aban)"
    r"|sur|au\s+sujet|concernant|à\s+propos|habl\w*|trat\w*|sobre|acerca|über|besprach\w*"
    r"|besprochen|erörter\w*|diskutier\w*|Lage|Situation|обсу(?:д|ж)\w*|ситуаци\w*)(?!\w)"
    r"|讨论|商讨|探讨",
    re.I,
)

# -- Direction: who went where, who supplied whom ----------------------------------------
# Words only (regex fragments per language); the grammar that reads a side from them is the
# record type's (:mod:`extractor.types.visit`, :mod:`extractor.types.arms_transfer`).

#: Words of going or arriving whose place ("visit to X", "arrived in X", "reiste nach X",
#: "прибыл в X", "抵达X") is where a visit took place: the traveller's destination.
GOING_WORDS: dict[str, tuple[str, ...]] = {
    "en": (r"visit\w*", "trips?", r"travel\w*", "journey", r"tour\w*", r"arriv\w*", "landed", "landing",
           "flew", "fly", "flying", "flies", "came", "comes", "coming", "went", "goes", "going",
           "headed", "heads", "heading", r"welcom\w*", "received", "hosted"),
    "es": (r"visit\w*", r"viaj\w*", "gira", r"lleg\w*", r"arrib\w*", r"aterriz\w*", "voló",
           r"desplaz\w*", r"traslad\w*", r"recibid[oa]s?", r"bienvenid\w*", r"acogid[oa]s?"),
    "fr": (r"visite\w*", r"arrivée?s?", r"arrivé\w*", r"rendue?s?", r"rend(?:ra|ent)?",
           r"voyag\w*", r"déplac\w*", r"tournée\w*", r"séjour\w*", r"atterri\w*", r"reçue?s?",
           r"accueilli\w*"),
    "de": (r"Besuch\w*", r"besucht\w*", r"reist\w*", r"Reise\w*", "gereist", "Ankunft",
           "kam", "kamen", "flog", "flogen", "empfangen", "empfing"),
    "ru": (r"визит\w*", r"прибы\w*", r"приех\w*", r"прилет\w*", r"прилёт\w*", r"поездк\w*",
           r"отправ\w*ся", r"посещени\w*", r"приняты?", r"принят[аоы]"),
    "zh": ("访问", "出访", "到访", "造访", "抵达", "到达", "飞抵", "前往", "来到"),
    # Italian and Portuguese as the Romance languages above; Japanese writes the word of
    # going after its place ("ベルリンに到着", "ドイツを訪問"), Arabic before it ("وصل إلى")
    "it": (r"visit\w*", r"viaggi\w*", r"arriv\w*", r"giunt[oaie]", r"atterr\w*",
           r"recat[oaie]", r"ricevut[oaie]", r"accolt[oaie]", r"ospitat[oaie]", "benvenuto"),
    "pt": (r"visit\w*", r"viag\w*", r"viaj\w*", r"cheg\w*", r"desembarc\w*", r"aterriss\w*",
           r"recebid[oa]s?", r"acolhid[oa]s?", r"recepcionad[oa]s?", "boas-vindas"),
    "ja": ("訪問", "訪れ", "到着", "歴訪", "入り",
           # a visit of its kind between the particle and the word ("を公式訪問し")
           r"(?:公式|非公式|実務|国賓|初|再)訪問"),
    "ar": (r"[وف]?وصل\w*", r"[وف]?يصل\w*", r"[وفب]?زيار\w*", r"[وف]?زار\w*", r"[وف]?يزور\w*",
           r"[وف]?توجه\w*", r"[وف]?سافر\w*", r"[وف]?استقبل\w*", r"[وف]?يستقبل\w*",
           r"[وف]?رحب\w*"),
}  # fmt: skip
#: Verbs whose direct object is the place visited ("visited Germany", "visitó Francia",
#: "besuchte China", "посетил Китай").
VISITING_WORDS: dict[str, tuple[str, ...]] = {
    "en": (r"visit(?:s|ed|ing)?", r"tour(?:s|ed|ing)?"),
    "es": (r"visit(?:ó|a|an|ará|arán|aron|ar|ando|ado)",),
    "fr": (r"visit(?:e|é|ée|ait|era|ant|er|ent)",),
    "de": (r"besucht\w*", "besuchen"),
    "ru": (r"посети\w*", r"посеща\w*"),
    "zh": (),
    "it": (r"visit(?:a|ò|ato|ata|ati|ate|ano|are|ando|erà|eranno)",),
    "pt": (r"visit(?:ou|a|am|aram|ará|arão|ar|ando|ado)",),
    # Japanese names the place before "を訪問" (:data:`GOING_WORDS`); Arabic puts the
    # subject between "زار" and the place visited, so the word after it is no place
    "ja": (),
    "ar": (),
}  # fmt: skip
#: Verbs of visiting whose object, the place visited, comes after their subject (verb
#: first: "زار وزير خارجية غانا النمسا", Ghana's minister visited Austria); read past
#: the subject by :data:`OF_STATE_NOUNS`. Subject first ("الوزير زار النمسا") the object
#: follows the verb at once, as it does in the verb-first sentence with no named subject.
VISITING_PAST_SUBJECT: dict[str, tuple[str, ...]] = {
    "ar": (r"[وف]?(?:س)?(?:زار|زارت|زارا|زارتا|زاروا|يزور|تزور|يزوران|تزوران|يزورون)",),
}  # fmt: skip
#: Nouns whose state after them, with no article of their own, is the state they belong to
#: (Arabic construct: "وزير خارجية غانا", "رئيس وزراء النمسا", "حكومة بيرو"), no place
#: visited or gone to.
OF_STATE_NOUNS: dict[str, tuple[str, ...]] = {
    "ar": (r"[وفبل]?(?:وزير|وزيرة|وزراء|وزارة|خارجية|دفاع|رئيس|رئيسة|رئاسة|حكومة|ملك|ملكة"
           r"|أمير|عاهل|سفير|سفيرة|سفارة|وفد|مبعوث|قوات|جيش|شعب|دولة|جمهورية|مملكة|برلمان"
           r"|نظير|ممثل|عهد|مجلس|بعثة|سلطات|قادة|زعيم|شرطة|داخلية|مالية|اقتصاد|تجارة|مواطني)",),
}  # fmt: skip
#: Words after which a country is where the traveller came from or goes back to, no venue.
RETURN_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("back", "home", r"return\w*", "left", "leaving", "departed", "departing", "from"),
    "es": (r"regres\w*", r"volv\w*", r"vuelt\w*", r"retorn\w*", "desde", r"sali\w*",
           r"(?:procedentes?|llegad[oa]s?|venid[oa]s?)\s+de"),
    "fr": (r"retour\w*", r"rentr\w*", r"revenu\w*", r"quitt\w*", r"parti\w*",
           r"(?:venue?s?|arrivée?s?|en\s+provenance)\s+de"),
    "de": ("zurück", r"Rückkehr\w*", r"heim\w*", r"verließ\w*", "aus"),
    "ru": (r"верну\w*", r"возвра\w*", r"покину\w*", r"вылете\w*", "из"),
    "zh": ("返回", "回到", "回国", "离开", "从"),
    "it": (r"ritorn\w*", r"rientr\w*", r"tornat[oaie]", "tornò", r"partit[oaie]", "partì",
           r"lasciat[oaie]", "lasciò", r"(?:provenient[ei]|arrivat[oaie]|giunt[oaie]|venut[oaie])\s+da"),
    "pt": (r"regress\w*", r"voltou", r"voltaram", r"retorn\w*", "partiu", "partiram", "deixou",
           "deixaram", r"(?:procedentes?|vind[oa]s?|chegad[oa]s?|oriund[oa]s?)\s+d[eoa]s?",
           "de volta"),
    # Japanese writes them after the place ("ナイロビから", "ナイロビを出発")
    "ja": ("から", "を出発", "を離れ", "に帰国", "へ帰国"),
    "ar": (r"[وف]?عاد\w*", r"[وف]?غادر\w*", r"قادم\w*\s+من", "من"),
}  # fmt: skip
#: Words of coming back, or coming, from a place (a subset of :data:`RETURN_WORDS`, which
#: also holds words of leaving and the bare "from"): before a "from" word and a visit
#: noun they tell a visit that is over, a previous leg ("returned from a visit to",
#: "recién llegado de una visita a", "rentré d'une visite à", "giunto da una visita a",
#: "chegado de uma visita a", "вернувшись из визита в"). A word of leaving ("departed
#: from Berlin to visit Lima", "salió de", "parti de", "partiu de", "вылетел из") tells
#: the outward leg, whose visit is this one. German may put the word last ("der aus
#: einem Besuch in Wien zurückkam"): its forms of "zurück" are read after the noun too.
CAME_BACK_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("back", "home", r"return\w*", "arrived", "arriving", "came", "coming", "fresh"),
    "es": (r"regres\w*", r"volv\w*", r"vuelt\w*", r"retorn\w*", r"llegad[oa]s?", "llegó",
           "llegaron", r"procedentes?", r"venid[oa]s?"),
    "fr": (r"retour\w*", r"rentr\w*", r"revenu\w*", r"arrivée?s?", r"venue?s?",
           r"en\s+provenance"),
    "de": ("zurück", r"zurückgekehrt\w*", r"Rückkehr\w*", r"heimgekehrt\w*", r"kehrt\w*",
           r"kam\w*", r"angekommen\w*", r"gekommen\w*"),
    "ru": (r"верну\w*", r"возвра\w*", r"прибы\w*", r"прилет\w*", r"приеха\w*"),
    "it": (r"ritorn\w*", r"rientr\w*", r"tornat[oaie]", "tornò", r"provenient[ei]",
           r"arrivat[oaie]", r"giunt[oaie]", r"venut[oaie]"),
    "pt": (r"regress\w*", r"voltou", r"voltaram", r"volta", r"retorn\w*", r"procedentes?",
           r"vind[oa]s?", r"chegad[oa]s?", "chegou", "chegaram", r"oriund[oa]s?"),
}  # fmt: skip
#: Verbs of receiving a guest, active ("X hosted Y": X is the host). A compound tense is
#: read at its finite auxiliary, whose subject is the host: "ha recibido", "a reçu",
#: "ont accueilli" (but not the passive "ha sido recibido", "a été reçu"), and German's
#: "hat ... empfangen", whose participle ends the clause after the guest: the auxiliary
#: is matched and the participle, captured in a lookahead, is no second verb.
RECEIVING_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("hosted", "hosts", "hosting", "received", "receives", "receiving", "welcomed",
           "welcomes", "welcoming", "greeted", "greets"),
    "es": ("recibió", "recibe", "recibirá", "acogió", "acoge", "dio la bienvenida",
           r"(?:ha|han|había|habían|habrá|hubo)\s+(?!sido\b)(?:\w+\s+)?(?:recibido|acogido)"),
    "fr": (r"(?:a|ont|avait|avaient|aura)\s+(?!été\b)(?:\w+\s+)?(?:reçu|accueilli)", "reçoit",
           "recevra", "accueille", "accueillera"),
    "de": ("empfing", "empfängt", "empfangen", "begrüßte", "begrüßt",
           # one clause: no clause opener nor passive auxiliary between auxiliary and
           # participle ("hatte Gespräche in China, wo sie ... empfangen wurde"), and the
           # participle ends no subordinate clause ("..., die er empfangen hatte")
           r"(?:hat|haben|hatte|hatten)(?=(?:(?!,\s*(?:wo|wohin|welche[rsmn]?|nachdem|als|weil|da"
           r"|dass|ob|wenn|während|bevor)\b|\s(?:und|oder|aber|sondern|wo|nachdem|weil|dass"
           r"|bevor|während|wurde|wurden|worden)\b)[^.;!?]){1,160}?\s(empfangen|begrüßt)(?!\w)"
           r"(?!\s+(?:wurde|wurden|worden|wird|werden|ist|sind|war|waren|hat|haben|hatte"
           r"|hatten)\b))"),
    "ru": ("принял", "приняла", "принимает", "принимал", "принимала", "примет",
           "встретил", "встретила"),
    "zh": ("接待", "会见", "接见", "欢迎", "迎接", "宴请"),
    # Italian: "ha ricevuto" is active (the passive takes "è stato"); Portuguese likewise
    # ("tem recebido", not "foi recebido")
    "it": ("ricevette", "riceve", "riceverà", "accolse", "accoglie", "accoglierà", "ospita",
           "ospitò", r"(?:diede|ha\s+dato)\s+il\s+benvenuto\s+a\w*",
           r"(?:ha|hanno|aveva|avevano|avrà)\s+(?:\w+\s+)?(?:ricevut[oaie]|accolt[oaie]"
           r"|ospitat[oaie])"),
    "pt": ("recebeu", "recebe", "receberá", "receberam", "acolheu", "acolhe", "recepcionou",
           r"(?:deu|deram)\s+as\s+boas-vindas\s+a\w*",
           r"(?:tem|têm|tinha|tinham|havia|terá)\s+(?:\w+\s+)?(?:recebido|acolhido)"),
    # Japanese puts both sides before the verb: the host marked by "は"/"が", the guest
    # by "を"; each side is a named group the reader takes as it is
    "ja": (r"(?P<host>[^。！？]{1,60}?)(?:は|が)(?P<guest>[^。！？]{1,80}?)を(?:温かく)?"
           r"(?:迎え|出迎え|歓迎|接遇|もてなし|招い)",),
    # Arabic puts the verb first: its subject, the host, is the first side after it
    # ("استقبل رئيس ألمانيا رئيس كينيا"), or the side before it ("الرئيس استقبل")
    "ar": (r"[وف]?(?:قد\s+)?(?:استقبل|يستقبل|تستقبل)\w*",),
}  # fmt: skip
#: The words between a passive of receiving and its agent: any words of the same clause,
#: hyphenated names and places included ("was received at the White House on Monday by",
#: "fue recibido en el Palacio del Elíseo por", "wurde am Montag im Élysée-Palast von").
#: A comma, a stop or a clause opener ends the clause, and the agent is not sought past it.
_IN_CLAUSE = (
    r"(?:(?!(?:and|but|who|which|where|after|before|while|y|pero|que|donde|et|mais"
    r"|qui|où|und|aber|wo|nachdem|als|weil|dass|während|e|ma|che|dove|chi|mas|onde)\s)"
    r"[^\s,.;:!?()]+\s+)*?"
)
#: The passive of the same verbs, up to the word before the host: "was received by X",
#: "a été reçu par X", "fue recibido por X", "wurde von X empfangen", "был принят X",
#: "受到X接见". The agent is looked for within the clause (:data:`_IN_CLAUSE`); German
#: names the participle after the agent, which must be one of receiving ("wurde ... von X
#: empfangen", not "wurde ... von X kritisiert"); an apposition between commas may stand
#: before it ("von der Präsidentin von Brasilien, Ana Ruiz, empfangen").
RECEIVED_BY_WORDS: dict[str, tuple[str, ...]] = {
    "en": (r"(?:was|were|is|are|been|being|be)\s+(?:warmly\s+)?(?:hosted|received|welcomed|"
           rf"greeted)\s+{_IN_CLAUSE}by",),
    "es": (r"(?:fue|fueron|es|son|será|sido)\s+(?:\w+\s+){0,2}?(?:recibid[oa]s?|acogid[oa]s?)"
           rf"\s+{_IN_CLAUSE}por",),
    "fr": (r"(?:été|est|sont|sera)\s+(?:\w+\s+){0,2}?(?:reçue?s?|accueillie?s?)\s+"
           rf"{_IN_CLAUSE}par",),
    "de": (rf"(?:wurde|wurden|wird|werden|ist|sind)\s+{_IN_CLAUSE}vo[nm]"
           r"(?=(?:[^.;:!?,]|,[^.;:!?,]{1,60},){1,120}?\s"
           r"(?:empfangen|begrüßt|willkommen\s+geheißen)(?!\w))",),
    "ru": (r"(?:был|была|были|будет|будут)?\s*принят[аоы]?",),
    "zh": ("受到", "被", "获"),
    "it": (r"(?:è|sono|fu|furono|stat[oaie]|sarà|venne|vennero)\s+(?:\w+\s+){0,2}?"
           rf"(?:ricevut[oaie]|accolt[oaie]|ospitat[oaie])\s+{_IN_CLAUSE}"
           r"(?:da|dal|dallo|dalla|dai|dagli|dalle|dall['’])",),
    "pt": (r"(?:foi|foram|é|são|será|serão|sido)\s+(?:\w+\s+){0,2}?"
           rf"(?:recebid[oa]s?|acolhid[oa]s?|recepcionad[oa]s?)\s+{_IN_CLAUSE}"
           r"(?:por|pel[oa]s?)",),
    # Japanese: the guest before "は", the host before "に迎えられ" or "の招きで"
    "ja": (r"(?P<guest>[^。！？]{1,60}?)(?:は|が)(?P<host>[^。！？]{1,80}?)(?:に(?:温かく)?"
           r"(?:迎えられ|出迎えられ|歓迎され|招かれ|招待され)|の(?:招き|招待|歓迎|出迎え)(?:で|に応じ|を受け))",),
    # Arabic: "استُقبل X من قبل Y", "تم استقبال X من طرف Y": the guest between verb and agent
    "ar": (r"(?:تم\s+)?(?:استقبال|است\u064f?قبل\w*)\s+(?P<guest>[^.،؛!?]{1,80}?)\s+"
           r"(?:من\s+قبل|من\s+طرف|على\s+يد)",),
}  # fmt: skip
#: Words of supplying weapons: their subject is the supplier, the party after "to"
#: ("sold ... to X", "向X交付", Russian dative after "поставила") the recipient.
SUPPLYING_WORDS: dict[str, tuple[str, ...]] = {
    "en": (r"sold", r"sells?", "selling", r"sales?", r"suppl(?:y|ies|ied|ying)", r"suppliers?",
           r"deliver\w*", r"export\w*", r"donat\w*", r"transferr?\w*", r"provid\w*", "sent",
           r"sends?", "sending", r"shipp?\w*", "gave", r"gives?", "giving", r"ceded", "handed",
           # a pledge or an offer of goods, not of an act ("pledged to buy")
           r"(?:pledg|offer|promis)(?:ed|ing)(?!\s+to\s+[a-z])"),
    "es": (r"vend\w*", r"venta\w*", r"suministr\w*", r"entreg\w*", r"export\w*", r"don\w*",
           r"transfer\w*", r"proporcion\w*", r"envi\w*", r"cedi\w*"),
    "fr": (r"vend\w*", r"vente\w*", r"livr\w*", r"fourni\w*", r"export\w*", r"donn\w*",
           r"transf[ée]r\w*", r"envoy\w*", r"cédé\w*", r"cède\w*"),
    "de": (r"liefer\w*", r"Lieferung\w*", r"verkauf\w*", r"exportier\w*", r"Export\w*",
           r"überg\w*", r"schick\w*", r"spende\w*", r"gespendet"),
    "ru": (r"постав\w*", r"переда\w*", r"прода\w*", r"продаж\w*", r"отправ\w*",
           r"экспортир\w*", r"экспорт\w*", r"отгруз\w*"),
    "zh": ("交付", "出售", "提供", "出口", "转让", "援助", "供应", "运送", "移交", "售予",
           "卖给", "交给", "军售"),
}  # fmt: skip
#: Words of acquiring weapons: their subject is the recipient, the party after "from"
#: ("bought ... from X", "从X购买", "закупила у X") the supplier.
ACQUIRING_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("bought", r"buys?", "buying", r"purchas\w*", r"acquir\w*", r"order(?:s|ed)",
           r"import\w*", "received", r"receives?", r"procur\w*", "took delivery", "obtained",
           # a request for goods: "requested ... from X" (asking for them, "asked X for 20
           # tanks", and getting them, "got 20 tanks from X", are read with the goods:
           # arms_transfer._EN_ASKING_GOODS, _EN_GETTING_GOODS)
           r"request(?:ed|ing)(?!\s+by)"),
    "es": (r"compr\w*", r"adquiri\w*", r"adquier\w*", r"import\w*", r"recibi\w*",
           r"encarg\w*", r"obtuv\w*", r"pidi\w*", r"solicit[óa]\w*"),
    "fr": (r"achet\w*", r"achat\w*", r"acqui\w*", r"import\w*", r"commandé\w*", r"re[çc]u\w*",
           r"obtenu\w*"),
    "de": (r"kauf\w*", r"gekauft", r"erwarb\w*", r"erworben", r"bestell\w*", r"importier\w*",
           r"erhielt\w*", r"erhalten", r"bezog\w*", r"bezieht"),
    "ru": (r"закуп\w*", r"купи\w*", r"покупа\w*", r"приобре\w*", r"импортир\w*",
           r"получи\w*", r"заказа\w*"),
    "zh": ("购买", "进口", "引进", "采购", "购入", "获得", "接收", "订购", "买"),
}  # fmt: skip
#: Verbs that introduce reported speech, per language, each form written out as a whole
#: lower-case word ("said", "dijo", "déclaré", "sagte", "заявил", "disse"): their subject is
#: the speaker, what follows them is what was said. One table for every rule that asks
#: who spoke (a quotation's speaker, a reported clause's subject, a place of reporting).
#: Lower case only: "Said Khalil" is a name.
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("said", "says", "told", "tells", "added", "stated", "declared", "announced",
           "wrote", "insisted", "stressed", "reported"),
    "es": ("dijo", "dice", "dijeron", "afirmó", "declaró", "anunció", "aseguró", "señaló",
           "añadió", "informó", "indicó", "afirmaron", "declararon", "anunciaron", "aseguraron",
           "señalaron", "añadieron", "informaron", "indicaron"),
    "fr": ("dit", "déclare", "déclaré", "affirme", "affirmé", "annonce", "annoncé", "ajouté",
           "assuré", "indiqué", "souligné"),
    "de": ("sagte", "sagt", "sagten", "erklärte", "erklärt", "erklärten", "betonte", "betont",
           "kündigte", "berichtete", "teilte", "betonten", "kündigten", "berichteten",
           "teilten"),
    "ru": tuple(f"{stem}{end}" for stem in ("заявил", "сказал", "сообщил", "отметил",
                                            "подчеркнул")
                for end in ("", "а", "о", "и")),
    "pt": ("disse", "afirmou", "declarou", "anunciou", "informou", "disseram", "afirmaram",
           "declararam", "anunciaram", "informaram"),
    "it": ("detto", "dichiarato", "annunciato", "affermato", "disse"),
}  # fmt: skip


def speech_verbs() -> str:
    """:data:`SPEECH_VERBS` of every language as one case-sensitive regex alternation,
    longest first, to be set in a caller's pattern between its own boundaries."""
    words = sorted({w for forms in SPEECH_VERBS.values() for w in forms}, key=len, reverse=True)
    return "(?-i:" + "|".join(map(re.escape, words)) + ")"


#: Every form of :data:`SPEECH_VERBS`, for a word-by-word check.
SPEECH_WORDS: frozenset[str] = frozenset(w for forms in SPEECH_VERBS.values() for w in forms)
#: Verbs of speech of the languages written without spaces, which a word boundary cannot
#: find (:data:`SPEECH_VERBS` is matched between word boundaries): Chinese "表示", "称",
#: "说" right after the speaker or the speech's date ("外交部周一表示，").
JOINED_SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "zh": ("表示", "宣称", "声称", "称", "说", "宣布", "指出", "强调", "透露", "证实"),
}
#: What makes a one-character verb of :data:`JOINED_SPEECH_VERBS` part of another word:
#: a character before it ("被称为" is called, "自称" self-styled, "号称" so-called, "俗称"
#: commonly called, "据说" reportedly, "听说" heard, "简称" short for) or after it
#: ("称为" named): a name or hearsay, no speaker's verb. So are "著称" (famed), "又称",
#: "别称", "昵称", "戏称" (also, otherwise, fondly, mockingly called; not "人": "发言人称"),
#: "所称" (what ... calls), and "小说" (a novel), "演说家" (an orator), "说唱" (rap).
JOINED_SPEECH_NOT_AFTER: dict[str, str] = {"zh": "被自号俗据堪听传简统名著又别昵戏所小"}
JOINED_SPEECH_NOT_BEFORE: dict[str, str] = {"zh": "为作家唱"}
#: Of :data:`JOINED_SPEECH_NOT_AFTER`, the characters that make a speaker's verb after all
#: when a comma or colon follows it: "警方自称，" (the police themselves said), not
#: "自称圣战者的" (self-styled).
JOINED_SPEECH_BEFORE_A_COMMA: dict[str, str] = {"zh": "自"}
#: Nouns of aid, a package of it and support ("security assistance", "ayuda", "soutien",
#: "Unterstützung", "помощь"): what a supplier gives, read by the transfer rules and as
#: a verb of speech's object (:data:`DECLARED_ACT_NOUNS`).
AID_NOUNS = re.compile(
    r"(?i:aid|assistance|support|package|ayuda|asistencia|apoyo|aide|soutien|Hilfe\w*|"
    r"Unterstützung\w*|помощ\w*|поддержк\w*)"
)
#: Nouns of an act a party makes its own by announcing it: a decision, an intent, a
#: pledge, an appointment, a seizure of ground ("announced his intent to nominate",
#: "announced the capture of Kano", "anunció su decisión de", "a annoncé la prise de",
#: "объявило о намерении"). As a verb of speech's object, with the record types' own
#: event nouns, they make the speech the event itself; a noun of what is reported on
#: ("the death toll", "the names of", "the results of") does not.
DECLARED_ACT_NOUNS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"intent(?:ions?)?", r"decisions?", "pledge", "commitment", r"captures?",
           r"seizures?", "takeover", r"appointments?", r"nominations?"],
    "es": [r"intenci[oó]n", r"decisi[oó]n", "compromiso", r"captura", "toma",
           r"nombramientos?"],
    "fr": ["intention", r"d[ée]cision", "engagement", "capture", "prise", r"nominations?"],
    "de": ["Absicht", "Entscheidung", "Zusage", "Einnahme", r"Ernennung\w*"],
    "ru": [r"намерени\w*", r"решени\w*", r"захват\w*", r"взяти\w*", r"назначени\w*"],
})  # fmt: skip


#: Nouns of money that is no deal's price: a state's budget, its economy or output
#: ("a $30 billion defence budget", "el presupuesto de defensa", "Wehretat",
#: "оборонный бюджет", "国防预算", "GDP"). An amount written at one of them is that
#: thing's, not the value of a transfer (SIPRI: the deal's value).
BUDGET_NOUNS = re.compile(
    r"(?<!\w)(?:budgets?|budg[eé]taire|gdp|gross domestic product|econom(?:y|ies)|"
    r"presupuestos?|pib|econom[ií]a|[ée]conomie|\w*haushalts?|\w*etats?|bip|"
    r"bruttoinlandsprodukts?|wirtschaft|бюджет\w*|ввп|экономик\w*)(?!\w)|"
    r"预算|預算|国内生产总值|國內生產總值|经济规模|經濟規模",
    re.I,
)
#: A deal's own nouns ("the $3 billion sale", "contrat de 3 milliards", "сделка"): an
#: amount they head is the deal's, whatever budget the sentence names besides.
DEAL_NOUNS = re.compile(
    r"(?<!\w)(?:sales?|deals?|contracts?|orders?|purchases?|packages?|agreements?|"
    r"ventas?|contratos?|acuerdos?|compras?|ventes?|contrats?|accords?|achats?|"
    r"\w*vertr[aä]ge?s?|\w*gesch[aä]fts?|\w*auftr[aä]ge?s?|kauf|"
    r"сделк\w*|контракт\w*|договор\w*|соглашени\w*|заказ\w*|закупк\w*)(?!\w)",
    re.I,
)
#: Words that start another clause or phrase of time ("after the budget was approved",
#: "once", "après", "nachdem", "после"): a budget noun past them is not the amount's.
CLAUSE_LINKS = re.compile(
    r"(?<!\w)(?:after|before|once|as|when|while|until|since|because|if|but|"
    r"despu[eé]s|antes|tras|cuando|mientras|pero|apr[eè]s|avant|lorsque|quand|"
    r"pendant|mais|nachdem|bevor|als|wenn|während|seit|aber|nach|vor|"
    r"после|до|когда|пока|перед|но)(?!\w)",
    re.I,
)
#: Words that make the amount after them a price ("budget will pay $3 billion for",
#: "presupuesto ... por", "für", "за", "价值"): between a budget noun and an amount, they
#: leave the amount the deal's.
PRICE_WORDS = re.compile(
    r"(?<!\w)(?:for|worth|pays?|paid|paying|costs?|costing|valued|spend|spends|spent|"
    r"por|pagar[aá]?|pour|paiera|für|zahlt|kostet|за|стоимостью|价值|價值|花费|花費)(?!\w)",
    re.I,
)


def _word_set(words: str) -> frozenset[str]:
    """The words of ``words``, split at blanks: a table written as prose."""
    return frozenset(words.split())


#: Nouns of an organ of state or its officer ("ministry", "minister", "committee",
#: "office", "Ministerio", "ministère", "Ausschuss", "министерство", "комитет"): a budget
#: or economy noun written at one of them is part of an agent's name ("the economy
#: ministry", "the budget committee", "Ministerio de Economía", "Министерство экономики"),
#: which owns no amount: "Germany's economy ministry approved $3 billion" is a deal's value.
AGENT_NOUNS = re.compile(
    r"(?<!\w)(?:ministr(?:y|ies)|ministers?|committees?|offices?|departments?|commissions?|"
    r"councils?|agenc(?:y|ies)|secretar(?:y|ies)|spokes(?:man|woman|person)|officials?|"
    r"chiefs?|directors?|panels?|subcommittees?|"
    r"ministerios?|ministros?|ministras?|comisi[oó]n|comit[eé]s?|oficinas?|departamentos?|"
    r"consejos?|secretar[ií]as?|minist[eè]res?|ministres?|commission|bureaux?|conseils?|"
    r"\w*ministeri(?:um|ums|en)|\w*minister(?:in|s)?|\w*aussch(?:uss|usses|üsse)|\w*amts?|"
    r"\w*beh[oö]rden?|министерств\w*|министр\w*|минфин\w*|комитет\w*|комисси\w*|"
    r"ведомств\w*|департамент\w*|управлени\w*)(?!\w)",
    re.I,
)
#: Words that join a noun to the amount of its own size, by their role (folded, whole
#: words; "d'", "l'" and the possessive "'s" as their letter). A budget or economy noun
#: owns an amount written after it only across these ("the budget is $30 billion", "el
#: presupuesto de defensa es de", "le budget atteint", "der Haushalt beträgt",
#: "бюджет составляет", "the economy grew 3% to"); any other word between, a verb above
#: all ("the economy ministry approved $3 billion"), makes the amount another phrase's.
#: Complements: a noun of the budget's own phrase may follow them ("el presupuesto de
#: defensa", "the budget of Poland", "бюджет в").
SIZE_COMPLEMENTS = _word_set("of in de del du des d von im в di do da della dei")
#: Determiners and the possessive (no word of their own in the phrase).
SIZE_DETERMINERS = _word_set("""
    the a an its their his her this that these s
    el la los las lo un una su sus este esta le les l une son sa ses leur leurs ce cet cette
    der die das dem den ein eine einem einen eines sein seine seines seinem ihr ihre ihres
    ihrem dieses diesem diese этот этом его её ее их o os as seu sua il gli i suo
""")
#: Prepositions and conjunctions that open another phrase ("supports the economy with a
#: minimum of $150 million", "budget cuts and $3 billion"): a budget noun before them
#: owns no amount after them.
OTHER_PHRASE_WORDS = _word_set("""
    with by into through across without and or but with con sin desde para y o avec sans
    par et ou mit durch ohne und oder с из от через для и или
""")
#: Verbs and prepositions of a size or its level, qualifiers and words of time.
SIZE_LINKS = _word_set("""
    is was are were be been being will would has had have now currently set put estimated
    projected expected stands stood reached reaches reach total totals totalled totaled
    totaling totalling amounts amounted amount grew grows rose rises fell falls increased
    climbed hit topped exceeded at to about some around nearly almost roughly approximately
    over more than less up down just under only annual annually year years next last fiscal
    also additional grown from
    es era fue será sería son eran está estaba asciende ascendió ascendía ascenderá alcanza
    alcanzó alcanzará llega llegó creció aumentó supera superó a en unos unas casi cerca más
    menos total hasta año
    est était sera serait fut élève élevait élèvera atteint atteignait atteindra passe passé
    à environ près plus moins quelque année an
    ist war wird sind waren beträgt betrug betragen liegt lag bei erreicht erreichte stieg
    steigt auf höhe rund etwa fast knapp über mehr als insgesamt jahr jahres
    составляет составлял составляла составляло составит составил составила составило
    достиг достигла достигло достигает достигнет вырос выросла выросло превысил превышает
    был была было будет на до размере объёме объеме около более почти свыше порядка
    примерно всего текущем году год года
    é foi ascende atinge atingiu chega è sarà pari ammonta ammontava raggiunge raggiunto
""")

#: Words that a deal was cancelled or suspended (SIPRI: a deal cancelled is no transfer
#: made): "cancelled its order", "scrapped the sale", "suspended deliveries", "canceló",
#: "anuló", "a annulé", "storniert", "abgesagt", "отменила", "приостановила", "取消".
DEAL_CANCELLED_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"cancel\w*", r"scrap(?:s|ped|ping)?", r"suspend\w*", r"annul\w*", r"called off",
           r"halt(?:s|ed)", r"terminat\w*", r"revok\w*"],
    "es": [r"cancel\w*", r"anul\w*", r"suspend\w*", r"rescindi\w*"],
    "fr": [r"annul\w*", r"suspend\w*", r"résili\w*"],
    "de": [r"storn\w*", r"abgesagt", r"sagt\w* [^,.;]{0,60}ab", r"ausgesetzt", r"setzt\w* [^,.;]{0,60}aus",
           r"gekündigt", r"kündigt\w*"],
    "ru": [r"отмен\w*", r"приостанов\w*", r"расторг\w*", r"аннулир\w*"],
    "zh": ["取消", "暂停", "中止", "终止", "撤销"],
})  # fmt: skip
#: Words that a transfer was refused, denied or will not be made: "refused to sell",
#: "rejected the request for", "denied that it had sold", "will not deliver", "se negó a",
#: "rechazó", "a refusé", "lehnte ... ab", "отказалась", "拒绝", "否认". A negation counts
#: only before a verb of supplying or acquiring (:data:`NOT_SUPPLIED`).
DEAL_REFUSED_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"refus\w*", r"declin(?:e|es|ed|ing) to", r"reject\w*", r"den(?:y|ies|ied|ying)",
           r"rul(?:e|es|ed) out", r"turn(?:s|ed)? down"],
    "es": [r"se neg\w*", r"neg[óo] que", r"rechaz\w*", r"desminti\w*", r"desmient\w*"],
    "fr": [r"refus\w*", r"rejet\w*", r"dément\w*", "démenti", r"exclu\w*"],
    "de": [r"lehnt\w* [^,.;]{0,60}ab", r"abgelehnt", r"verweiger\w*", r"bestr(?:itt|eitet)\w*",
           r"dementier\w*", r"ausgeschlossen"],
    "ru": [r"отказ\w*", r"отверг\w*", r"опроверг\w*", r"отрица\w*"],
    "zh": ["拒绝", "否认", "拒不"],
})  # fmt: skip
#: A negation right before a verb (a word or two between): "will not deliver", "did not
#: sell", "never sent", "no venderá", "ne livrera pas", "wird nicht liefern", "не будет
#: поставлять". Its verb must be one of supplying or acquiring.
NEGATIONS: dict[str, str] = {
    "en": r"(?:not|never|n[’']t|no longer)",
    "es": r"(?:no|nunca)",
    "fr": r"(?:ne|n[’']|jamais)",
    "de": r"(?:nicht|keine?\w*|nie)",
    "ru": r"(?:не|никогда)",
    "zh": r"(?:尚未|未|没有|没|不会|不再|不)",
}
#: The words a negation reaches its verb across (:data:`NEGATIONS`): auxiliaries,
#: adverbs of time and clitics ("has not yet delivered", "no se los vendió", "n'a pas
#: livré", "не будет поставлять"), never "only" ("not only delivered") nor another verb
#: ("did not hesitate and delivered", "did not rule out"). German puts its verb last:
#: any word but "nur" and a conjunction ("wird keine Panzer liefern").
NEGATED_VERB_BETWEEN: dict[str, str] = {
    "en": r"(?!only\b|just\b|merely\b)(?:be|been|being|yet|have|has|had|ever|further|longer|"
          r"immediately|currently|directly|to|any|more)",
    "es": r"(?!s[oó]lo\b)(?:se|le|les|lo|los|la|las|ha|han|había|habían|va|van|a|más|ya|"
          r"volverá|piensa|planea)",
    "fr": r"(?!seulement\b)(?:a|ont|avait|avaient|va|vont|pas|plus|les|lui|leur|se|sera|"
          r"seront|encore|jamais|pour)",
    "de": r"(?!nur\b|und\b|oder\b|sondern\b)\w+",
    "ru": r"(?!только\b)(?:будет|будут|стала|стал|стали|станет|станут|собирается|"
          r"планирует|намерена|намерен|больше|ему|ей|им)",
}  # fmt: skip
#: A negation after the verb, before its goods ("delivers no tanks", "liefert keine
#: Panzer", "liefert Polen die Panzer nicht"): languages that put the finite verb before
#: its object. "no"/"kein" must have the goods right after it (a weapon within two words:
#: "no later than", "keine Zweifel" are no negation of the goods); "nicht" negates the
#: clause, but not "nicht nur", "nicht später", "nicht vor", "nicht mehr als", "nicht zum
#: ersten Mal" or "nicht umsonst" (a delivery made, only qualified).
NEGATED_GOODS: dict[str, str] = {
    "en": r"no(?!\s+(?:(?:fewer|less|more)\s+than|later|earlier|sooner|longer|doubt)(?!\w))",
    "de": r"kein\w*",
}
NEGATED_AFTER_VERB: dict[str, str] = {
    "de": r"nicht(?!\s+(?:nur|bloß|allein|später|früher|weniger|mehr\s+als|erst|zuletzt|vor|"
          r"bis|einmal|zum\s+ersten|ohne|umsonst|kostenlos|gratis)(?!\w))",
}  # fmt: skip
#: Words that a contract, agreement or order was made (SIPRI: a deal signed is an order,
#: not a delivery): "signed a contract", "agreed to buy", "placed an order", "ordered",
#: "firmó un contrato", "acordó", "encargó", "a commandé", "accord", "Vertrag",
#: "bestellt", "контракт", "заказала", "合同", "订购". Read before the deal's goods
#: ("a contract to buy 24 helicopters"; "an arms control agreement" is no order), or
#: anywhere in German and Chinese, which may put the verb or the head noun last.
DEAL_ORDERED_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"contracts?", r"agreements?", r"deal", r"deals(?! with)",
           r"(?-i:(?<!in )(?<!executive )orders?)", r"ordered", r"agree[sd]? to", r"agreeing to"],
    "es": [r"contratos?", r"acuerdos?", r"acord[óa]\w*", r"encarg[óo]\w*", r"pedidos?"],
    "fr": [r"contrats?", r"accords?", r"command[ée]\w*", r"commande", r"convenu"],
    "de": [r"\w*vertr[aä]g\w*", r"\w*vereinbar\w*", r"bestellt\w*", r"Bestellung\w*",
           r"Auftr[aä]g\w*", r"Abkommen\w*"],
    "ru": [r"контракт\w*", r"договор\w*", r"соглашени\w*", r"заказ\w*", r"сделк\w*"],
    "zh": ["合同", "协议", "订购", "订单", "签约", "合约"],
})  # fmt: skip
#: Words that goods arrived or were handed over (a delivery made): "delivered", "arrived",
#: "received", "took delivery", "handed over", "shipped", "sent", "entregó", "llegaron",
#: "livré", "geliefert", "eingetroffen", "поставила", "прибыли", "交付", "运抵". A past
#: or present form, or a delivery under way ("deliveries began"), never the noun of one
#: delivery ("a contract for the delivery of"), nor a form of what is to come ("to be
#: delivered").
GOODS_ARRIVED_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"(?<!to be )(?<!will be )(?<!would be )(?<!be )delivered", r"arrived", r"received",
           r"took delivery", r"taken delivery", r"handed over", r"shipped", r"sent",
           r"supplied", r"transferred", r"provided", r"gave", r"given", r"donated", r"delivers",
           r"delivering", r"deliveries", r"supplies", r"sends", r"ships", r"hands over",
           r"landed"],
    "es": [r"entreg(?:ó|aron|ado|ados|adas?)", r"lleg(?:ó|aron|ado|ados)", r"recibi(?:ó|eron|do)",
           r"envi(?:ó|aron|ado|ados)", r"suministr(?:ó|aron|ado|ados)", r"entrega", r"entregas",
           r"envía"],
    "fr": [r"livr[ée]e?s?", r"arriv[ée]e?s?", r"re[çc]ue?s?", r"envoy[ée]e?s?", r"remise?s?",
           r"fournie?s?", r"livra\w*", r"livre", r"livraisons"],
    "de": [r"\w*geliefert", r"lieferte\w*", r"eingetroffen", r"traf\w*", r"erhalten",
           r"erhielt\w*", r"übergeben", r"übergab\w*", r"geschickt", r"schickte\w*", r"liefert",
           r"Lieferungen"],
    "ru": [r"постав(?:ил|ила|или|ило|лены|лено|лен|лена)", r"достав(?:ил|ила|или|лены)",
           r"прибы(?:л|ла|ли|ло)", r"получ(?:ил|ила|или|ило)", r"переда(?:л|ла|ли|ны)",
           r"отправ(?:ил|ила|или|лены)", r"поставляет"],
    "zh": ["交付", "运抵", "抵达", "收到", "移交", "交给", "送达", "已运往", "接收"],
})  # fmt: skip
#: Words that a deal is only sought, offered or weighed, not made: "asked X for",
#: "requested", "offered to sell", "is considering", "pidió", "solicitó", "ofreció",
#: "a demandé", "a proposé", "bat um", "angeboten", "erwägt", "попросила", "предложила",
#: "请求", "提议", "考虑". Read only as the verb before the weapon in its clause.
DEAL_SOUGHT_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"ask(?:s|ed|ing)?", r"request(?:s|ed|ing)?", r"offer(?:s|ed|ing)?",
           r"consider(?:s|ed|ing)?", r"seek(?:s|ing)?", "sought", r"propos(?:e|es|ed|ing)",
           r"weigh(?:s|ed|ing)?"],
    "es": [r"pidi\w*", r"pide\w*", r"solicit\w*", r"ofreci\w*", r"ofrece\w*", r"consider\w*",
           r"propus\w*", r"propone\w*"],
    "fr": [r"demand[ée]\w*", r"demande", r"propos\w*", r"offert\w*", r"offre\w*", r"envisag\w*",
           r"sollicit\w*"],
    "de": [r"bat\w*", r"bitte\w*", r"gebeten", r"angefragt", r"angeboten", r"biet\w*",
           r"erwäg\w*", r"anfrag\w*"],
    "ru": [r"попрос\w*", r"просил\w*", r"запрос\w*", r"предлож\w*", r"рассматрива\w*"],
    "zh": ["请求", "要求", "提议", "提出", "考虑", "寻求", "希望"],
})  # fmt: skip
#: "At X's request", "upon request", "in response to X's request", "as requested",
#: "a petición de", "según lo solicitado", "à la demande de", "conformément à la demande",
#: "auf Wunsch", "auf Bitten", "по просьбе", "по предложению", "应…请求", "按照…要求",
#: "根据…请求": the request is the reason of a transfer made, an adverbial that names a
#: side, not the deal's stage.
AT_REQUEST: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"(?:at|upon|on|following|after|in\s+response\s+to|in\s+answer\s+to)\s+"
           r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:request|offer)",
           r"as\s+(?:\w+\s+)?(?:requested|offered|asked)"],
    "es": [r"(?:a|tras|en\s+respuesta\s+a)\s+(?:la\s+|una\s+)?(?:petición|solicitud|pedido)",
           r"(?:según|como)\s+(?:lo\s+)?(?:solicitado|pedido|ofrecido)"],
    "fr": [r"(?:à|sur|suite\s+à)\s+la\s+demande", r"conformément\s+à\s+la\s+demande",
           r"en\s+réponse\s+à\s+la\s+demande", r"comme\s+demandé"],
    "de": [r"auf\s+(?:\w+\s+)?(?:Wunsch|Anfrage|Bitten?|Ersuchen)", r"wie\s+(?:erbeten|gewünscht)"],
    "ru": [r"по\s+(?:\w+\s+)?(?:просьбе|запросу|предложению)", r"в\s+ответ\s+на\s+(?:\w+\s+)?(?:просьбу|запрос)"],
    "zh": ["应", r"(?:按照|根据|依照|响应)[^，。,]{0,12}?(?:要求|请求|提议)"],
})  # fmt: skip
#: A notice of a possible sale, which a government approved (the US DSCA's "approved a
#: possible Foreign Military Sale"): a deal approved, not a delivery.
POSSIBLE_SALE_CUES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"possible\s+(?:foreign\s+military\s+|direct\s+commercial\s+)?sales?"],
    "es": [r"posible\s+venta"],
    "fr": [r"(?:possible|éventuelle)\s+vente", r"vente\s+(?:possible|éventuelle)"],
    "de": [r"möglich\w*\s+Verkauf\w*"],
    "ru": [r"возможн\w*\s+продаж\w*"],
    "zh": ["可能的军售", "可能出售"],
})  # fmt: skip
