"""Round 66: a toll since a thing's start whose start a relative clause dates is a running
total from that date, in Russian as in the other languages.

"С начала войны, которая началась в феврале 2022 года, погибли 300 человек" (and "since
the start of the war, which began in February 2022, 300 have died", "depuis le début de
la guerre, qui a commencé en 2022", "seit Beginn des Krieges, der 2022 begann") read the
"since" as an undated period: the relative after the start's comma gives its date. The
"since" alone makes the total (Russian has no perfect to tell it), so the main verb's
tense is not asked; a relative that tells no beginning, or no year, dates nothing.

Each sentence is written for this test and generated over starts, verbs, dates and counts.
"""

from __future__ import annotations

from itertools import product

from extractor.types.casualty_report import toll_period
from extractor.types.parts import DateValue
from tests.roles_support import PUBLISHED

#: (language, "since the start of X", relative + beginning verb, date as {M} {y}, toll).
PARTS = {
    "ru": (
        ["С начала войны", "С начала конфликта", "С момента вторжения"],
        ["которая началась в", "который начался в", "начавшейся в"],
        "{M} {y} года",
        {"январе": 1, "марте": 3, "октябре": 10},
        ["погибли {n} мирных жителей", "в стране погибли {n} человек"],
    ),
    "en": (
        ["Since the start of the war", "Since the outbreak of the conflict"],
        ["which began in", "which broke out in"],
        "{M} {y}",
        {"January": 1, "March": 3, "October": 10},
        ["{n} civilians have died", "at least {n} people have been killed"],
    ),
    "fr": (
        ["Depuis le début de la guerre", "Depuis le début du conflit"],
        ["qui a commencé en", "qui a éclaté en"],
        "{M} {y}",
        {"janvier": 1, "mars": 3, "octobre": 10},
        ["{n} civils ont été tués"],
    ),
    "de": (
        ["Seit Beginn des Krieges", "Seit dem Ausbruch des Konflikts"],
        ["der im"],
        "{M} {y} begann",
        {"Januar": 1, "März": 3, "Oktober": 10},
        ["wurden {n} Zivilisten getötet"],
    ),
}
YEARS = ("2019", "2022")


def _corpus() -> list[tuple[str, str, str]]:
    """(language, text, the period's start) over every part."""
    cases = []
    for language, (starts, relatives, date, months, tolls) in PARTS.items():
        for start, relative, (month, number), year, toll in product(
            starts, relatives, months.items(), YEARS, tolls
        ):
            written = date.format(M=month, y=year)
            text = f"{start}, {relative} {written}, {toll.format(n=300)}."
            cases.append((language, text, f"{year}-{number:02d}"))
    return cases


#: Where no date is the start's: a relative that tells no beginning, or no year.
NEGATIVES = [
    ("ru", "С начала войны, которая идет уже три года, погибли 300 мирных жителей."),
    ("ru", "С начала войны, которую многие предсказывали в 2021 году, погибли 300 человек."),
    ("ru", "С начала войны, которая началась внезапно, погибли 300 мирных жителей."),
    ("en", "Since the start of the war, which has ravaged the north, 300 people have died."),
    ("en", "Since the start of the war, which began at dawn, 300 people have died."),
    ("fr", "Depuis le début de la guerre, qui dure depuis des années, 300 civils ont été tués."),
]


def test_a_relative_dates_the_start_of_a_running_total() -> None:
    """Fails on main: 192/192 read as an undated period (True)."""
    wrong = [
        (text, period)
        for language, text, value in _corpus()
        for period in [toll_period(text, language, PUBLISHED)]
        if not (
            isinstance(period, DateValue)
            and period.value == value
            and period.kind == "range"
            and period.end == PUBLISHED.isoformat()
        )
    ]
    assert not wrong, f"{len(wrong)}/{len(_corpus())} wrong, e.g. {wrong[:3]}"


def test_a_relative_of_no_dated_beginning_leaves_the_total_undated() -> None:
    wrong = [
        (text, period)
        for language, text in NEGATIVES
        if (period := toll_period(text, language, PUBLISHED)) is not True
    ]
    assert not wrong, wrong
