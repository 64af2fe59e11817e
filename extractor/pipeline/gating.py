"""A zero-cost screen: which record types could this text contain at all?

The per-type strategy makes one model call per type. Asking the model first
which types are present cost a call and, on the 1.5B model, missed types that
were plainly there (it answered "no meeting" for "X met with Y"). A lexical
screen is free, deterministic and tuned for recall: it only skips a type when
the text has none of the words that type needs. What passes is still judged by
the model, and what the model invents still fails grounding. A type that
declares no cue words is never screened out.

Cue words exist per language. The text's language is detected once
(:func:`extractor.text.language.detect_language`) and a type is screened with
its words in that language, in English (articles mix: an English quote in a
French article) and in any language ("*"). A type with no words for the
text's language is not screened at all: no gate where none fits, so that a
Portuguese article is still read rather than silently given nothing.

Articles mix languages beyond an English quote: an English lead and a visit
told in Japanese, a toll in Spanish after English context. The language of
the whole is its majority's, so a type its words screen out is screened again
with the languages of the text's parts
(:func:`extractor.text.language.part_languages`): it passes when any part's
language has a word of it in the text. A part in a language with no words for
the type lifts nothing: a byline, a source line or a quoted name in Dutch or
Vietnamese is no article in that language, and opening every type to it cost
four false calls on English texts with no event.

When the language of the whole cannot be told, every language's words screen
it, as for a text too short to tell ("(Reuters photo)", a table of prices);
but a text of running words none of them holds (:data:`MIN_PROSE_WORDS`: a
transliterated article, Russian or Arabic in Latin letters) is not screened:
no language's words could say what it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extractor.text.cues import any_found, patterns_for, states_any
from extractor.text.language import UNDETERMINED, detect_language, part_languages
from extractor.text.sentences import Sentence
from extractor.types.registry import RecordSpec, get_type


def _patterns(spec: RecordSpec, language: str) -> tuple[re.Pattern[str], ...] | None:
    """The type's own words for ``language`` (see :func:`patterns_for`); None: no gate."""
    return None if spec.cues is None else patterns_for(spec.cues, language)


def _cued(spec: RecordSpec, text: str, language: str) -> bool:
    patterns = _patterns(spec, language)
    return patterns is None or any_found(patterns, text)


def _kinds(spec: RecordSpec) -> tuple[RecordSpec, ...]:
    """``spec`` and the types it is ``cued_by``: a word of any of them passes it."""
    return (spec, *(get_type(other) for other in spec.cued_by))


def _cued_in(spec: RecordSpec, text: str, language: str) -> bool:
    """Whether ``text`` has a word of ``spec`` (or of a type it is ``cued_by``) in
    ``language``, or ``language`` has no words for it, which lifts the gate."""
    return any(_cued(kind, text, language) for kind in _kinds(spec))


def _found_in_a_part(spec: RecordSpec, text: str, languages: Iterable[str]) -> bool:
    """Whether ``text`` has a word of ``spec`` (or of a type it is ``cued_by``) in one of
    its parts' ``languages``: a word, never the lack of words, lifts the gate for a part
    (see the module's docstring)."""
    for language in languages:
        for kind in _kinds(spec):
            patterns = _patterns(kind, language)
            if patterns is not None and any_found(patterns, text):
                return True
    return False


#: Words of three letters or more, with a small letter, that make an undetermined text
#: running prose rather than a caption, a table or a line of links (:func:`screen`).
MIN_PROSE_WORDS = 8
_PROSE_WORD = re.compile(r"(?=[^\W\d_]*[^\W\d_A-Z])[^\W\d_]{3,}")


def _prose(text: str) -> bool:
    """Whether ``text`` holds :data:`MIN_PROSE_WORDS` words of running prose."""
    return any(n >= MIN_PROSE_WORDS for n, _ in enumerate(_PROSE_WORD.finditer(text), 1))


def screen(text: str, types: Sequence[str], language: str | None = None) -> list[str]:
    """The types among ``types`` whose cue words occur in ``text``.

    A type also passes when the words of a type it is ``cued_by`` occur: a
    meeting held abroad entails a visit even when the text never says "visit"
    ("met today in Washington with Saudi Vice Minister ..."). ``language``
    (ISO 639-1) is detected from ``text`` when not given; "und" (undetermined)
    is screened by every language's words, unless the text is running prose
    (:func:`_prose`), which no gate screens. A type the words of ``language``
    screen out passes on a word of the languages of the text's parts (told only
    then, and once).
    """
    if language is None:
        language = detect_language(text)
    if language == UNDETERMINED and _prose(text):
        return list(types)
    passed: list[str] = []
    parts: frozenset[str] | None = None
    for name in types:
        spec = get_type(name)
        if not _cued_in(spec, text, language):
            if parts is None:
                parts = part_languages(text) - {language}
            if not _found_in_a_part(spec, text, parts):
                continue
        passed.append(name)
    return passed


def cued_sentences(
    kind: str, text: str, sentences: Sequence[Sentence], language: str
) -> list[Sentence]:
    """The sentences of ``text`` with a word of type ``kind`` itself (not of the types
    it is ``cued_by``), in the text's language or English: where a second look goes.

    Empty for a type with no words for the language: no list where none fits.
    """
    patterns = _patterns(get_type(kind), language)
    if patterns is None:
        return []
    return [s for s in sentences if states_any(patterns, text[s.start : s.end])]


def nothing_asked(languages: Sequence[str], types: Sequence[str]) -> str:
    """The warning for a document the gate asked the model nothing about: an analyst who
    gets no record sees why (the language its words were read in, the types screened
    out), and can tell an article without events from one in a language or spelling
    the words miss."""
    read = ", ".join(dict.fromkeys(languages))
    return (
        f"no call made: the lexical gate found no words of {', '.join(types)} "
        f"in this text (language {read})"
    )
