"""Round 70 (casualty): a German toll raised in a clause that puts its verb last is a
running total, as round 69 read the English, French and Spanish forms ("womit die Zahl
der Toten auf 40 stieg", "so dass die Zahl der Opfer auf 40 gestiegen ist", "wodurch sich
die Zahl der Toten auf 40 erhöhte"); the raising event's own count stays the event.
Generated: event clauses x openers x tolls x verbs. Fails on main: 48/48 raised tolls
unread. Near misses: one event's own toll rising, a count of no toll, a clause of
consequence without a raised toll."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from extractor.types.casualty_report import toll_period

PUBLISHED = date(2025, 3, 12)

EVENTS = [
    "Fünf Menschen starben am Montag",
    "Bewaffnete töteten am Montag 5 Dorfbewohner",
    "Bei dem Anschlag am Montag wurden 5 Menschen getötet",
]
#: A clause of consequence or summing that opens a verb-final clause, with or without "sich".
OPENERS = ["womit", "so dass", "sodass", "wodurch sich", "damit ist", "womit sich"]
TOLLS = [
    "die Zahl der Toten",
    "die Zahl der Todesopfer",
    "die Gesamtzahl der Opfer",
    "die Opferzahl",
]
VERBS = [
    "auf 40 stieg",
    "inzwischen auf 40 gestiegen ist",
    "auf 40 anstieg",
    "bereits auf 40 erhöht hat",
]


def _raised() -> list[str]:
    out = []
    for event, opener, toll, verb in product(EVENTS, OPENERS, TOLLS, VERBS):
        reflexive = opener.endswith("sich")
        if reflexive != verb.endswith("erhöht hat") and not opener.startswith("damit"):
            continue  # "sich" goes with "erhöhen" only
        if opener.startswith("damit") and not verb.endswith(("gestiegen ist", "erhöht hat")):
            continue  # "damit ist ... gestiegen"
        verb = verb.removesuffix(" ist") if opener == "damit ist" else verb
        verb = verb.replace("erhöht hat", "erhöht") if opener == "damit ist" else verb
        if opener == "damit ist" and verb.endswith("erhöht"):
            continue
        out.append(f"{event}, {opener} {toll} {verb}.")
    out += [f"{event}, was die Zahl der Toten auf 40 erhöhte." for event in EVENTS]
    out += [f"{event}, womit die Bilanz auf 40 Tote stieg." for event in EVENTS]
    return out


RAISED = _raised()


def test_the_corpus_is_wide() -> None:
    assert len(RAISED) >= 40


@pytest.mark.parametrize("sentence", RAISED)
def test_a_verb_last_raised_toll_is_a_running_total(sentence: str) -> None:
    assert toll_period(sentence, "de", PUBLISHED, [40]) is not False


@pytest.mark.parametrize("sentence", RAISED)
def test_the_event_that_raised_it_stays_the_event(sentence: str) -> None:
    assert toll_period(sentence, "de", PUBLISHED, [5]) is False


NEAR = [
    ("Die Zahl der Toten bei dem Anschlag am Montag stieg auf 12.", 12),
    ("Die Zahl der Toten des Anschlags vom Montag ist auf 12 gestiegen, teilte die Polizei mit.", 12),
    ("Nach Angaben der Retter ist die Zahl der Toten auf 100 gestiegen.", 100),
    ("Bewaffnete töteten am Montag 12 Menschen, womit die Zahl der geschlossenen Schulen auf 40 stieg.", 12),
    ("Die Polizei teilte mit, dass die Zahl der Toten bei dem Brand auf 12 gestiegen sei.", 12),
    ("Bei dem Unglück starben 12 Menschen, nachdem die Zahl der Verletzten auf 40 gestiegen war.", 12),
    ("Bewaffnete töteten am Montag 12 Menschen, womit die Zahl der Angriffe in diesem Monat auf 40 stieg.", 12),
    ("Bewaffnete töteten am Montag 12 Menschen, so dass die Schulen auf 40 Tage geschlossen wurden.", 12),
    ("Bei dem Anschlag starben 12 Menschen, wodurch sich die Lage in der Stadt verschärfte.", 12),
    ("Bei dem Anschlag starben 12 Menschen, was die Preise auf 40 Euro erhöhte.", 12),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "count"), NEAR)
def test_no_raised_toll_no_total(sentence: str, count: int) -> None:
    assert toll_period(sentence, "de", PUBLISHED, [count]) is False
