"""One table of verbs of speech (:data:`extractor.text.cues.SPEECH_VERBS`) for every rule
that asks who spoke: a quotation's speaker (arms transfers), a reported clause's subject
(calls), and a place of reporting (countries). Each rule is checked with every form of
every language, so a verb added to the table is honoured everywhere and none is read by one
rule only."""

from __future__ import annotations

import re

import pytest

from extractor.text.countries import _sets_scene
from extractor.text.cues import SPEECH_VERBS, SPEECH_WORDS
from extractor.types.arms_transfer import _QUOTED, _speaker
from extractor.types.visit import _subject_span

FORMS = sorted({(lang, verb) for lang, forms in SPEECH_VERBS.items() for verb in forms})


@pytest.mark.parametrize(("lang", "verb"), FORMS)
def test_a_quotation_s_speaker_is_the_subject_of_any_verb_of_speech(lang: str, verb: str) -> None:
    before = '"We will send tanks," the Danish minister ' + verb + " after talks with Germany."
    quoted = _QUOTED.search(before)
    assert quoted is not None
    assert _speaker(before, quoted).strip() == "the Danish minister"
    inverted = '"We will send tanks," ' + verb + " the Danish minister, after talks with Germany."
    quoted = _QUOTED.search(inverted)
    assert quoted is not None
    assert _speaker(inverted, quoted).strip() == "the Danish minister"


@pytest.mark.parametrize(("lang", "verb"), FORMS)
def test_a_reported_clause_s_subject_follows_any_verb_of_speech(lang: str, verb: str) -> None:
    said = f"{verb} reporters" if verb in ("told", "tells") else verb  # takes an object
    text = f"Officials {said} Putin spoke with Erdogan."
    at = text.index(" with")
    start, end = _subject_span(text, 0, at)
    assert text[start:end].strip() == "Putin spoke"


@pytest.mark.parametrize(("lang", "verb"), FORMS)
def test_a_capitalised_verb_of_speech_is_a_name(lang: str, verb: str) -> None:
    """A verb of speech is lower case: in "Said Khalil spoke with Erdogan" the capitalised
    word is a name and the whole clause is the subject."""
    name = verb[0].upper() + verb[1:]
    text = f"{name} Khalil spoke with Erdogan."
    start, end = _subject_span(text, 0, text.index(" with"))
    assert (start, end) == (0, text.index(" with"))


@pytest.mark.parametrize(("lang", "verb"), FORMS)
def test_a_city_where_news_was_said_sets_the_scene(lang: str, verb: str) -> None:
    text = f"Officials {verb} in Goma that the border was closed."
    assert _sets_scene(text, text.index("Goma"))
    circumstance = "Officials flew in Goma aircraft."
    assert not _sets_scene(circumstance, circumstance.index("Goma"))


def test_every_form_is_one_lower_case_word() -> None:
    for forms in SPEECH_VERBS.values():
        for verb in forms:
            assert re.fullmatch(r"[^\W\d_A-ZÀ-ÝА-ЯЁ]+", verb), verb
    assert all(w in SPEECH_WORDS for forms in SPEECH_VERBS.values() for w in forms)
