"""Round 65, placefix: a state named after a travel verb's destination is another
destination only as a bare name closing the coordinated list (a mark, the end, a time or
place adjunct next), not a possessor ("Ghana and Togo's president met her"), a new
clause's subject ("y Perú envió a su canciller") or an apposition ("Ghana, Chile's main
partner"): a model's host taken from such a name is recoded. Sentences built from parts."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

from extractor.types.drafting import PersonDraft

_V = dict(hosts=[], place=None, date=None, end_date=None, purpose=None, status="occurred",
          attribution=None)  # fmt: skip
_OTHERS = [("Peru", "Perú", "Pérou", "PER"), ("Chile", "Chile", "Chili", "CHL"),
           ("Togo", "Togo", "Togo", "TGO")]  # fmt: skip
#: {en, es, fr, de name} -> templates whose second state is no destination.
_NEGATIVES = {
    "en": [
        "Sweden's minister Lena Berg {verb} Ghana and {x}'s president met her there.",
        "Sweden's minister Lena Berg {verb} Ghana, {x}'s ambassador said.",
        "Sweden's minister Lena Berg {verb} Ghana and {x} sent its foreign minister.",
        "Sweden's minister Lena Berg {verb} Ghana, {x}'s main partner in Africa.",
        "Sweden's minister Lena Berg {verb} Ghana and {x} welcomed the trip.",
    ],
    "es": [
        "La ministra sueca Lena Berg {verb} Ghana y {x} envió a su canciller.",
        "La ministra sueca Lena Berg {verb} Ghana y {x} celebró la visita.",
        "La ministra sueca Lena Berg {verb} Ghana y {x} la recibió con frialdad.",
    ],
    "fr": [
        "La ministre suédoise Lena Berg {verb} Ghana et le {x} a envoyé son ministre.",
        "La ministre suédoise Lena Berg {verb} Ghana et le {x} salue la visite.",
    ],
    "de": [
        "Die schwedische Ministerin Lena Berg {verb} Ghana und {x} schickte seinen Minister.",
        "Die schwedische Ministerin Lena Berg {verb} Ghana und {x} begrüßte die Reise.",
    ],
}
_POSITIVES = {
    "en": ["Sweden's minister Lena Berg {verb} Ghana and {x} last week.",
           "Sweden's minister Lena Berg {verb} Ghana and {x}, officials said.",
           "Sweden's minister Lena Berg {verb} Ghana and {x} on Monday."],
    "es": ["La ministra sueca Lena Berg {verb} Ghana y {x} la semana pasada.",
           "La ministra sueca Lena Berg {verb} Ghana y {x} el lunes."],
    "fr": ["La ministre suédoise Lena Berg {verb} Ghana et le {x} cette semaine."],
    "de": ["Die schwedische Ministerin Lena Berg {verb} Ghana und {x} am Montag."],
}  # fmt: skip
_VERBS = {"en": ["travelled to", "flew to", "visited"], "es": ["viajó a", "voló a"],
          "fr": ["a visité le"], "de": ["reiste nach", "besuchte"]}  # fmt: skip
_COLUMN = {"en": 0, "es": 1, "fr": 2, "de": 0}


def _cases(templates: dict[str, list[str]]) -> list[tuple[str, str]]:
    cases = []
    for language, forms in templates.items():
        for form, verb, other in itertools.product(forms, _VERBS[language], _OTHERS):
            cases.append((form.format(verb=verb, x=other[_COLUMN[language]]), other[3]))
    return cases


def _host(text: str, host: str) -> list[str | None]:
    result = run("visit", text, visitors=[PersonDraft(name="Lena Berg", title=None,
                 country="SWE")], visitor_country="SWE", host_country=host, evidence=[1], **_V)  # fmt: skip
    return [r.host_country for r in result.records]


@pytest.mark.parametrize(("text", "host"), _cases(_NEGATIVES))
def test_a_name_that_does_not_close_the_list_is_no_destination(text: str, host: str) -> None:
    assert _host(text, host) != [host], text


@pytest.mark.parametrize(("text", "host"), _cases(_POSITIVES))
def test_a_bare_name_closing_the_list_is_a_destination(text: str, host: str) -> None:
    assert _host(text, host) == [host], text
