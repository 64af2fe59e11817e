"""Round 65, C1: every country of a coordinated list after a travel verb is a
destination ("travelled to Ghana, Togo and Benin"); a drafted host among them is
consistent and is not recoded to the first listed. Sentences built here from parts."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

from extractor.types.drafting import PersonDraft

_V = dict(hosts=[], place=None, date=None, end_date=None, purpose=None, status="occurred",
          attribution=None)  # fmt: skip
_STATES = [("Ghana", "GHA"), ("Peru", "PER"), ("Chile", "CHL"), ("Kenya", "KEN")]
_TEMPLATES = {
    "en": ["Sweden's Defence Minister Lena Berg {verb} {list} this week."],
    "es": ["La ministra sueca Lena Berg {verb} {list} esta semana."],
    "de": ["Die schwedische Ministerin Lena Berg {verb} {list}."],
}
_VERBS = {"en": ["travelled to", "visited", "flew to"], "es": ["viajó a", "voló a"],
          "de": ["reiste nach", "besuchte"]}  # fmt: skip
_AND = {"en": "and", "es": "y", "de": "und"}


def _trips() -> list[tuple[str, str, str]]:
    cases = []
    for language, templates in _TEMPLATES.items():
        for size in (2, 3):
            states = _STATES[:size]
            names = [n for n, _ in states]
            listed = ", ".join(names[:-1]) + f" {_AND[language]} " + names[-1]
            for template, verb in itertools.product(templates, _VERBS[language]):
                text = template.format(verb=verb, list=listed)
                cases += [(language, text, code) for _, code in states]
    return cases


@pytest.mark.parametrize(("language", "text", "host"), _trips())
def test_each_listed_destination_keeps_its_host(language: str, text: str, host: str) -> None:
    result = run("visit", text, visitors=[PersonDraft(name="Lena Berg", title=None,
                 country="SWE")], visitor_country="SWE", host_country=host, evidence=[1], **_V)  # fmt: skip
    assert [r.host_country for r in result.records] == [host], (text, result.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Lena Berg travelled to Ghana with ministers from Peru and Chile.",
        "Lena Berg travelled to Ghana, where she met envoys of Peru and Chile.",
    ],
)
def test_a_list_that_is_not_the_destinations_moves_the_visit(text: str) -> None:
    result = run("visit", text, visitors=[PersonDraft(name="Lena Berg", title=None,
                 country="SWE")], visitor_country="SWE", host_country="CHL", evidence=[1], **_V)  # fmt: skip
    assert [r.host_country for r in result.records] != ["CHL"], (text, result.warnings)
