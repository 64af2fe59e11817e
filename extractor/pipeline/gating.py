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
Portuguese article is still read rather than silently given nothing. When
the language cannot be told, every language's words count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.text.cues import any_found, patterns_for, states_any
from extractor.text.language import detect_language
from extractor.text.sentences import Sentence
from extractor.types.registry import RecordSpec, get_type


def _patterns(spec: RecordSpec, language: str) -> tuple[re.Pattern[str], ...] | None:
    """The type's own words for ``language`` (see :func:`patterns_for`); None: no gate."""
    return None if spec.cues is None else patterns_for(spec.cues, language)


def _cued(spec: RecordSpec, text: str, language: str) -> bool:
    patterns = _patterns(spec, language)
    return patterns is None or any_found(patterns, text)


def screen(text: str, types: Sequence[str], language: str | None = None) -> list[str]:
    """The types among ``types`` whose cue words occur in ``text``.

    A type also passes when the words of a type it is ``cued_by`` occur: a
    meeting held abroad entails a visit even when the text never says "visit"
    ("met today in Washington with Saudi Vice Minister ..."). ``language``
    (ISO 639-1) is detected from ``text`` when not given.
    """
    if language is None:
        language = detect_language(text)
    passed: list[str] = []
    for name in types:
        spec = get_type(name)
        if _cued(spec, text, language) or any(
            _cued(get_type(other), text, language) for other in spec.cued_by
        ):
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
