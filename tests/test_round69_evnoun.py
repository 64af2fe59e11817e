"""Round 69, evnoun: a model date equal to the publication date gives way to the
evidence's one date of the event even when that date is written again in another clause
("On Monday, X arrived …, which were broadcast on Monday"): a date is another clause's
only if every occurrence of it lies elsewhere (ACLED, UCDP: the event's date is the one
its own verb bears; a repetition elsewhere does not take it away)."""

from __future__ import annotations

import pytest
from test_round68_pubdate2 import DATES, _visit_date

#: {D} opens the visit's own clause; {d} repeats the same date in a relative clause.
REPEATED = {
    "en": [
        "{D}, President {A} of Germany arrived in Nairobi for talks with President {B} of Kenya, which were broadcast {d}.",
        "President {A} of Germany arrived in Nairobi {d} for talks with President {B} of Kenya, who had returned from Addis Ababa {d}.",
    ],
    "es": [
        "{D}, la presidenta alemana {A} llegó a Nairobi para conversar con el presidente keniano {B}, que regresó de Adís Abeba {d}.",
    ],
    "fr": [
        "{D}, la présidente allemande {A} est arrivée à Nairobi pour s'entretenir avec le président kényan {B}, qui était rentré d'Addis-Abeba {d}.",
    ],
}  # fmt: skip
NAMES = ("Anna Berg", "Lars Holm")


def _cases() -> list[tuple[str, str | None, str | None]]:
    out = []
    for lang, templates in REPEATED.items():
        for template in templates:
            for when, value, end in DATES[lang]:
                opening = when[0].upper() + when[1:]
                text = template.format(D=opening, d=when, A=NAMES[0], B=NAMES[1])
                out.append((text, value, end))
    return out


@pytest.mark.parametrize(("text", "value", "end"), _cases())
def test_a_date_repeated_in_another_clause_still_dates_the_event(
    text: str, value: str, end: str | None
) -> None:
    """Fails on main: 12/12 (the repetition in the relative clause dropped the date)."""
    assert _visit_date(text, *NAMES) == (value, end)
