"""Round 71 (casualty): a toll raised by a clause of consequence is a running total in
Russian, Chinese and Arabic as in English ("bringing the death toll to 40"; UCDP and
ACLED code a running total apart from the event that raised it): "в результате чего
число погибших достигло 40", "使死亡人数升至40人", "死亡人数因此上升至40人", "ليرتفع عدد
القتلى إلى 40", "ما يرفع حصيلة القتلى إلى 40". Russian "в результате чего" and the
Chinese and Arabic verbs were unread: the 40 was no total. The event that raised it keeps
its own count. Near misses: a toll rising with no mark of consequence (one event's own,
growing as its dead are counted) and the event's count.
"""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from extractor.types.casualty_report import toll_period

PUBLISHED = date(2025, 3, 12)

PARTS = {
    "ru": (
        ["Боевики убили 5 человек в понедельник", "В понедельник погибли 5 человек"],
        ["в результате чего {t} достигло 40", "тем самым {t} возросло до 40",
         "таким образом {t} выросло до 40", "в результате чего {t} возросло до 40"],
        ["число погибших", "общее число погибших", "число жертв"],
        ", ",
    ),
    "zh": (
        ["武装分子周一打死5人", "周一的袭击造成5人死亡"],
        ["使{t}升至40人", "{t}因此上升至40人", "使{t}达到40人", "令{t}增至40人"],
        ["死亡人数", "死亡总人数", "遇难人数"],
        "，",
    ),
    "ar": (
        ["قتل مسلحون 5 أشخاص يوم الاثنين", "لقي 5 أشخاص حتفهم يوم الاثنين"],
        ["ليرتفع {t} إلى 40", "لترتفع {t} إلى 40", "ما يرفع {t} إلى 40", "مما يرفع {t} إلى 40"],
        ["عدد القتلى", "حصيلة القتلى", "عدد الضحايا"],
        "، ",
    ),
}  # fmt: skip

RAISED = [
    (language, f"{event}{comma}{verb.format(t=toll)}.")
    for language, (events, verbs, tolls, comma) in PARTS.items()
    for event, verb, toll in product(events, verbs, tolls)
]


def test_the_corpus_is_wide() -> None:
    assert len(RAISED) >= 60


@pytest.mark.parametrize(("language", "sentence"), RAISED)
def test_a_raised_toll_is_a_running_total(language: str, sentence: str) -> None:
    assert toll_period(sentence, language, PUBLISHED, [40]) is not False


@pytest.mark.parametrize(("language", "sentence"), RAISED)
def test_the_event_that_raised_it_stays_the_event(language: str, sentence: str) -> None:
    assert toll_period(sentence, language, PUBLISHED, [5]) is False


NEAR = [
    ("zh", "袭击的死亡人数升至40人。"),
    ("ar", "ارتفع عدد قتلى الهجوم إلى 40."),
    ("ru", "Число погибших при теракте возросло до 40."),
]


@pytest.mark.parametrize(("language", "sentence"), NEAR)
def test_one_event_s_toll_rising_stays_the_event(language: str, sentence: str) -> None:
    assert toll_period(sentence, language, PUBLISHED, [40]) is False
