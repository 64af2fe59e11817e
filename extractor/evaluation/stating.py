"""Whether a prediction's quote *states* the gold record it is matched with (strict score).

A quote found in the article proves only that the article holds those characters: "."
or "Kenya" are in almost every article, and a strict score that took them as evidence
would be flattered by the laziest quote. So the strict score asks more of a quote than
being in the text (:func:`~extractor.evaluation.scoring.is_grounded`, which the lenient
grounding rate keeps): it must *state the record*. The principle, decided here once:

* When the gold record's evidence is found in the article, the quote must sit in the
  sentence(s) that evidence lies in, and say something of it. A part of the quote (a
  fragment between ellipses, or a verbatim span at its offsets) must lie in those
  sentences **wherever in the article it occurs** (a quote that also occurs elsewhere
  does not say which sentence it cites), and hold at least one word of the gold evidence
  (of four letters or more, or with a digit; "the" and "." are no statement).
* Or the quote tells the event itself: it carries one of the record's key facts (a
  name of one of its people or named actors, a name the article may give one of its
  countries in, English or the document's language:
  :func:`~extractor.text.countries.country_names`, or one of its counts) *and* a word
  of the record type's own (a word of travel for a visit, of meeting for a meeting, the
  type's cue words otherwise; none is asked in a language the type has no words for).
  A model may cite another sentence than the annotator did ("Biden and Scholz
  reaffirmed their support for Ukraine" for their meeting) and be right; "Kenya" alone,
  a name without the event, is not.

Every test is "the quote holds X" or "every place the quote occurs is in Y", so a
shorter quote (a part of this one) never states a record this one does not: cutting or
emptying a quote can only take strict true positives away, never add one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractor.evaluation.gold import RECORD_FIELDS, FieldKind
from extractor.evaluation.matching import _FUNCTION_WORDS
from extractor.text.countries import country_names, is_alpha3
from extractor.text.cues import covers, patterns_for, states_any
from extractor.text.grounding import normalise, normalise_text
from extractor.text.sentences import split_sentences

__all__ = ["Reading", "states_record"]

#: What separates the fragments of a quote that leaves words out.
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Reading:
    """One reading of the article: its text, folded (with the source index of each folded
    character) and cut into sentences, computed once per document."""

    text: str
    folded: str
    index: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> Reading:
        folded, index = normalise(text)
        sentences = tuple((s.start, s.end) for s in split_sentences(text))
        return cls(text, folded, tuple(index), sentences)

    def places(self, needle: str) -> list[tuple[int, int]]:
        """Every ``[start, end)`` of ``text`` where ``needle`` occurs after folding."""
        folded = normalise_text(needle)
        if not folded:
            return []
        found: list[tuple[int, int]] = []
        at = self.folded.find(folded)
        while at >= 0:
            found.append((self.index[at], self.index[at + len(folded) - 1] + 1))
            at = self.folded.find(folded, at + 1)
        return found

    def sentences_of(self, places: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences that any of ``places`` overlaps."""
        spans = list(places)
        return [
            (start, end)
            for start, end in self.sentences
            if any(s < end and start < e for s, e in spans)
        ]


def _fragments(evidence: object) -> list[str]:
    if not isinstance(evidence, str) or not evidence.strip():
        return []
    return [f for f in _ELLIPSIS.split(evidence) if f.strip(" .")] or [evidence]


def _fold(text: str) -> str:
    return normalise_text(text, accents=False)


def _words(evidence: str) -> set[str]:
    """The words of the gold evidence a quote may say of it: four letters or more, or with
    a digit, never a function word."""
    return {
        w
        for w in _WORD.findall(_fold(evidence))
        if w not in _FUNCTION_WORDS and (len(w) >= 4 or any(c.isdigit() for c in w))
    }


def _inside(places: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]) -> bool:
    """Whether every place overlaps one of ``sentences`` (and there is a place)."""
    return bool(places) and all(
        any(s < end and start < e for start, end in sentences) for s, e in places
    )


def _verbatim_spans(record: Mapping[str, Any], text: str) -> list[tuple[int, int, str]]:
    spans = record.get("evidence_spans")
    if not isinstance(spans, list) or not spans:
        return []
    found: list[tuple[int, int, str]] = []
    for span in spans:
        if not (isinstance(span, list | tuple) and len(span) == 3):
            return []
        start, end, quoted = span
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            return []
        if not isinstance(quoted, str) or not 0 <= start < end <= len(text):
            return []
        if text[start:end] != quoted:
            return []
        found.append((start, end, quoted))
    return found


@lru_cache(maxsize=4096)
def _country_forms(code: str, language: str) -> tuple[str, ...]:
    return tuple(_fold(name) for name in country_names(code, language) if _fold(name))


def key_facts(record: Mapping[str, Any], language: str = "en") -> set[str]:
    """The record's key facts as folded text a quote may hold: its people's and named
    actors' names (whole, and a last name), its countries' names, its counts."""
    facts: set[str] = set()
    fields = RECORD_FIELDS.get(str(record.get("type")), {})
    for name, kind in fields.items():
        value = record.get(name)
        values = value if isinstance(value, list) else [value]
        for item in values:
            if kind in (FieldKind.COUNTRY, FieldKind.COUNTRY_SET, FieldKind.ACTOR):
                if isinstance(item, str) and is_alpha3(item):
                    facts.update(_country_forms(item, language))
                elif kind is FieldKind.ACTOR and isinstance(item, str):
                    facts.add(_fold(item))
            elif kind is FieldKind.NAMES and isinstance(item, str):
                words = _WORD.findall(_fold(item))
                facts.add(_fold(item))
                if words and len(words[-1]) >= 3:
                    facts.add(words[-1])
            elif kind in (FieldKind.COUNT, FieldKind.QUANTITY):
                numbers = item.values() if isinstance(item, Mapping) else [item]
                for n in numbers:
                    if isinstance(n, int) and not isinstance(n, bool):
                        facts.update({str(n), f"{n:,}"})
    return {f for f in facts if f.strip()}


@lru_cache(maxsize=256)
def _type_words(type_name: str, language: str) -> tuple[re.Pattern[str], ...] | None:
    """The words a quote must hold to tell an event of ``type_name`` in ``language``: the
    type's evidence cues, else its gate cues; None where it has none for the language."""
    from extractor.types.registry import get_type

    try:
        spec = get_type(type_name)
    except Exception:  # a type this process does not know: no word can be asked
        return None
    cues = spec.record.evidence_cues
    if cues:
        return tuple(cues) if covers(cues, language) else None
    return patterns_for(spec.cues, language) if spec.cues else None


def _tells(type_name: str, language: str, quote: str) -> bool:
    words = _type_words(type_name, language)
    return words is None or states_any(words, quote)


def states_record(
    prediction: Mapping[str, Any],
    gold: Mapping[str, Any],
    reading: Reading,
    *,
    language: str = "en",
) -> bool:
    """Whether ``prediction``'s quote states ``gold`` in this reading of the article (the
    principle is the module's: in the gold evidence's sentences and saying a word of it,
    or telling the event: one of the record's key facts with a word of its type)."""
    text = reading.text
    spans = _verbatim_spans(prediction, text)
    fragments = _fragments(prediction.get("evidence"))
    # each part of the quote: where it is (a verbatim span's own offsets, else every place
    # its words occur) and what it says (folded)
    parts: list[tuple[list[tuple[int, int]], str, str]] = [
        ([(start, end)], _fold(quoted), quoted) for start, end, quoted in spans
    ]
    parts += [(reading.places(f), _fold(f), f) for f in fragments]
    parts = [(places, said, raw) for places, said, raw in parts if places and said]
    if not parts:
        return False
    evidence = gold.get("evidence")
    gold_places = [p for f in _fragments(evidence) for p in reading.places(f)]
    if gold_places and isinstance(evidence, str):
        sentences = reading.sentences_of(gold_places) or gold_places
        words = _words(evidence)
        if any(
            _inside(places, sentences) and any(w in said for w in words)
            for places, said, _ in parts
        ):
            return True
    facts = key_facts(gold, language)
    kind = str(gold.get("type"))
    return any(
        any(fact in said for fact in facts) and _tells(kind, language, raw)
        for _, said, raw in parts
    )
