"""Round 65: the words of harm live in one table (extractor.text.harm.HARM_WORDS).

The lexical gate's and casualty rules' ``CASUALTY_CUES``, the strict score's
``_OUTCOME_WORDS`` and the running total's ``_TOTAL_HARM`` were three lists that drifted
apart. They are views of the one table now; these tests pin, over a corpus generated
from the table itself (every fragment spelt out in its inflections, capitalised and
not), that each view accepts what the table says for its fields, and that every place
the views differ is a named exception of the table.
"""

from __future__ import annotations

import itertools
import re

import pytest

from extractor.evaluation.stating import _OUTCOME_WORDS, _fold, _outcome_pattern
from extractor.text.cues import cue_pattern
from extractor.text.harm import (
    CUE_LANGUAGES,
    HARM_WORDS,
    NOT_CUES,
    OUTCOME_FIELDS,
    OUTCOME_LANGUAGES,
    TOTAL_LANGUAGES,
    HarmField,
    cue_words,
)
from extractor.types.casualty_report import _TOTAL_HARM, CASUALTY_CUES, CASUALTY_WORDS

#: Endings a ``\w*`` stem takes in the generated corpus, per script.
_ENDINGS = {
    "latin": ("", "s", "e", "en", "os", "as", "ed", "és"),
    "cyrillic": ("", "ы", "ая", "ов"),
}


def _endings(fragment: str) -> tuple[str, ...]:
    return _ENDINGS["cyrillic" if re.search("[а-яё]", fragment, re.I) else "latin"]


def _spell(fragment: str) -> set[str]:
    """The words a fragment of the table stands for: each alternative of a group, each
    class letter, an optional letter or group present and absent, a ``\\w*`` stem with
    :data:`_ENDINGS`. Enough for the table's own fragments, which use nothing else."""
    fragment = re.sub(r"\(\?-i:(.*)\)$", r"\1", fragment)
    parts: list[tuple[str, ...]] = []
    i = 0
    while i < len(fragment):
        c = fragment[i]
        if fragment.startswith(r"\w*", i):
            choices: tuple[str, ...] = _endings(fragment)
            i += 3
        elif c == "(":
            close = fragment.index(")", i)
            choices = tuple(fragment[i + 3 : close].split("|"))
            i = close + 1
        elif c == "[":
            close = fragment.index("]", i)
            choices = tuple(fragment[i + 1 : close])
            i = close + 1
        else:
            choices = (c,)
            i += 1
        if fragment.startswith("?", i):
            choices = (*choices, "")
            i += 1
        parts.append(choices)
    return {"".join(p) for p in itertools.product(*parts)}


def _corpus(language: str, field: HarmField) -> list[str]:
    """The spelt-out words of ``field`` in ``language``, as written and capitalised."""
    words = {w for fragment in HARM_WORDS[language].get(field, ()) for w in _spell(fragment)}
    return sorted(words | {w[:1].upper() + w[1:] for w in words})


def _fragment_words(language: str, field: HarmField, *, cues: bool) -> list[str]:
    left_out = NOT_CUES.get(language, frozenset()) if cues else frozenset()
    return sorted(
        {
            w
            for fragment in HARM_WORDS[language].get(field, ())
            if fragment not in left_out
            for w in _spell(fragment)
        }
    )


def test_the_corpus_is_generated_from_every_fragment() -> None:
    """The expander spells every fragment (no fragment is read as nothing)."""
    for fields in HARM_WORDS.values():
        for fragment in itertools.chain.from_iterable(fields.values()):
            spelt = _spell(fragment)
            assert spelt and all(re.fullmatch(fragment, w, re.I) for w in spelt), fragment


@pytest.mark.parametrize("language", CUE_LANGUAGES)
@pytest.mark.parametrize("field", ["killed", "injured", "event"])
def test_every_word_of_harm_is_a_casualty_cue(language: str, field: HarmField) -> None:
    """Every killed, injured and event word of a gate language, bar the named
    :data:`NOT_CUES`, opens the gate and the casualty rules in that language."""
    gate = CASUALTY_CUES[language]
    missed = [w for w in _fragment_words(language, field, cues=True) if not gate.search(f"x {w} y")]
    assert not missed, missed


@pytest.mark.parametrize("language", OUTCOME_LANGUAGES)
@pytest.mark.parametrize("field", OUTCOME_FIELDS)
def test_every_word_of_a_field_is_an_outcome_of_that_field(language: str, field: HarmField) -> None:
    """Every word the table lists for a field of outcome is, folded, a whole word of that
    field and of no other in the strict score's view (capitalised or not, accents or not)."""
    pattern = _outcome_pattern(language)
    assert pattern is not None
    wrong = []
    for word in _corpus(language, field):
        found = pattern.fullmatch(_fold(word))
        if found is None or found.lastgroup != field:
            wrong.append((word, found and found.lastgroup))
    assert not wrong, wrong


@pytest.mark.parametrize("language", TOTAL_LANGUAGES)
def test_every_verb_of_a_total_reads_as_one(language: str) -> None:
    pattern = _TOTAL_HARM[language]
    missed = [w for w in _corpus(language, "total") if not pattern.search(f"x {w} y")]
    assert not missed, missed


def test_the_views_are_the_table() -> None:
    """The three old names are the table's views, over the languages it names."""
    assert CASUALTY_CUES["en"] is CASUALTY_WORDS
    assert set(CASUALTY_CUES) == set(CUE_LANGUAGES)
    assert set(_OUTCOME_WORDS) == set(OUTCOME_LANGUAGES)
    assert set(_TOTAL_HARM) == set(TOTAL_LANGUAGES)
    for language in CUE_LANGUAGES:
        assert CASUALTY_CUES[language].pattern == cue_pattern(cue_words(language), language).pattern
        assert set(cue_words(language)) <= {
            w for fields in HARM_WORDS[language].values() for w in fields
        }


def test_every_exception_names_a_word_of_the_table() -> None:
    """A word the gate leaves out is a killed or injured word of its language (no
    exception for a word the table does not hold), and it is an outcome."""
    for language, words in NOT_CUES.items():
        table = HARM_WORDS[language]
        assert words <= {*table.get("killed", ()), *table.get("injured", ())}, language


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "Er trank Kaffee bei Starbucks in Berlin."),
        ("en", "The killer was arrested."),
        ("es", "El asesino fue detenido."),
    ],
)
def test_a_word_like_harm_is_no_outcome(language: str, sentence: str) -> None:
    """Near misses: a brand, an agent noun: no field of outcome reads them."""
    pattern = _outcome_pattern(language)
    assert pattern is not None
    assert {m.lastgroup for m in pattern.finditer(_fold(sentence))} <= {"other"}
