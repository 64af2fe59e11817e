"""Round 67: a Russian "с"/"со" opens a period only when a time follows it directly.

"с" is also "with" and "from" ("с помощью дронов", "со стороны армии", "в боях с
повстанцами", "вместе с солдатами"); before a time in the genitive ("с февраля 2022 года",
"с понедельника", "с начала войны") it is "since". A toll beside a "with" keeps the
event's own date, never a running total to publication; "с X на Y" is one night (the
dates rules read it); "с X до/по Y" is a closed period; "со среды, 5 марта" starts on
5 March. Each sentence is written for this test and generated over parts.
"""

from __future__ import annotations

from itertools import product

from extractor.types.casualty_report import toll_period
from extractor.types.parts import DateValue
from tests.roles_support import PUBLISHED

END = PUBLISHED.isoformat()
WITH = [
    "С помощью дронов",
    "В боях с повстанцами",
    "В столкновениях с полицией",
    "Вместе с солдатами",
    "В связи с обстрелами",
    "По сравнению с прошлым годом",
    "Со стороны армии",
    "С обеих сторон",
    "С крыши дома",
    "С 30 боевиками",
]
WHEN = ["в феврале 2022 года", "в понедельник", "в марте 2023 года", "в среду", "5 марта"]
TOLLS = ["погибли 30 человек.", "были убиты 30 мирных жителей."]
NIGHTS = ["В ночь с {a} на {b}", "С {a} на {b}", "В ночь со {a} на {b}"]
DAYS = [
    ("понедельника", "вторник"),
    ("среды", "четверг"),
    ("пятницы", "субботу"),
    ("субботы", "воскресенье"),
]
#: (start, bound, end, expected value, expected end).
BOUNDS = [
    ("понедельника", "до", "среды", "2025-03-10", "2025-03-12"),
    ("понедельника", "по", "вторник", "2025-03-10", "2025-03-11"),
    ("февраля", "до", "мая", "2025-02", "2025-05"),
    ("февраля", "по", "май 2022 года", "2022-02", "2022-05"),
    ("ноября", "по", "февраль", "2024-11", "2025-02"),
    ("января 2022 года", "до", "марта 2023 года", "2022-01", "2023-03"),
]  # fmt: skip


def _with_corpus() -> list[str]:
    cases = []
    for w, t, toll in product(WITH, WHEN, TOLLS):
        cases += [f"{w} {t} {toll}", f"{t[0].upper()}{t[1:]} {w.lower()} {toll}"]
    return cases


def test_with_or_from_opens_no_period() -> None:
    """Fails on main: 100/200 read a running total to publication."""
    cases = _with_corpus()
    wrong = [
        (text, period)
        for text in cases
        for period in [toll_period(text, "ru", PUBLISHED, [30])]
        if isinstance(period, DateValue) and period.end == END
    ]
    assert not wrong, f"{len(wrong)}/{len(cases)} wrong, e.g. {wrong[:3]}"


def test_one_night_is_no_period() -> None:
    """Fails on main: 30/30 read a range to publication."""
    cases = [
        n.format(a=a, b=b) + " " + toll for n, (a, b), toll in product(NIGHTS, DAYS, TOLLS)
    ] + [f"С {d} на {d + 1} марта {toll}" for d, toll in product((3, 5, 8), TOLLS)]
    wrong = [
        (text, period)
        for text in cases
        for period in [toll_period(text, "ru", PUBLISHED, [30])]
        if isinstance(period, DateValue) and period.end == END
    ]
    assert not wrong, f"{len(wrong)}/{len(cases)} wrong, e.g. {wrong[:3]}"


def test_a_bound_closes_the_period() -> None:
    """Fails on main: 20/24 (to publication, or the start alone)."""
    wrong, total = [], 0
    for (a, bound, b, value, end), joint, toll in product(BOUNDS, ("", "и "), TOLLS):
        text = f"С {a} {joint}{bound} {b} {toll}"
        total += 1
        period = toll_period(text, "ru", PUBLISHED, [30])
        if not (
            isinstance(period, DateValue)
            and (period.value, period.kind, period.end) == (value, "range", end)
        ):
            wrong.append((text, period))
    assert not wrong, f"{len(wrong)}/{total} wrong, e.g. {wrong[:3]}"


def test_a_weekday_with_its_date_starts_on_that_date() -> None:
    """Fails on main: 6/6 start on the weekday's last date instead."""
    wrong = []
    for (day, number), toll in product(
        [("С понедельника", 3), ("Со среды", 5), ("С четверга", 6)], TOLLS
    ):
        text = f"{day}, {number} марта, {toll}"
        period = toll_period(text, "ru", PUBLISHED, [30])
        if not (
            isinstance(period, DateValue)
            and (period.value, period.end) == (f"2025-03-0{number}", END)
        ):
            wrong.append((text, period))
    assert not wrong, wrong


def test_a_time_right_after_since_still_runs_to_publication() -> None:
    for start, value in [
        ("С февраля 2022 года", "2022-02"), ("С 24 февраля 2022 года", "2022-02-24"),
        ("С 2014 года", "2014"), ("С понедельника", "2025-03-10"), ("Со вторника", "2025-03-11"),
        ("С февраля", "2025-02"), ("С февраля на востоке страны", "2025-02"),
        ("С февраля по данным ООН", "2025-02"),
    ]:  # fmt: skip
        for toll in TOLLS:
            period = toll_period(f"{start} {toll}", "ru", PUBLISHED, [30])
            assert isinstance(period, DateValue), (start, period)
            assert (period.value, period.kind, period.end) == (value, "range", END), start
