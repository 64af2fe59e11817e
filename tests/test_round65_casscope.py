"""Round 65: a toll since a thing's start is cumulative, and a Chinese near year keeps its
month.

- A relative clause that dates the subject by its beginning ("The war, which began in
  2019, has killed 300 people", "the conflict that started in March 2021 has killed", "la
  guerra, que comenzó en 2019, ha matado", "la guerre, qui a commencé en 2019, a fait",
  "der Krieg, der 2019 begann, hat ... getötet") gives the toll's period, from that start to
  publication, when the main verb is in the perfect; a past tense or a relative after the
  toll tells an event.
- "自今年1月以来", "自去年10月以来", "自今年2月5日以来": the month (and day) are kept.

Each sentence is written for this test and generated over subjects, years and months.
"""

from __future__ import annotations

from itertools import product

from extractor.types.casualty_report import toll_period
from extractor.types.parts import DateValue
from tests.roles_support import PUBLISHED

YEARS = ("2011", "2019", "2022")
MONTHS = {
    "en": ("January", "March", "October"),
    "es": ("enero", "marzo", "octubre"),
    "fr": ("janvier", "mars", "octobre"),
    "de": ("Januar", "März", "Oktober"),
    "pt": ("janeiro", "março", "outubro"),
    "it": ("gennaio", "marzo", "ottobre"),
}
MONTH_NUMBERS = (1, 3, 10)
SUBJECTS = {
    "en": ("The war", "The conflict", "The insurgency in the north", "The fighting"),
    "es": ("La guerra", "El conflicto"),
    "fr": ("La guerre", "Le conflit"),
    "de": ("Der Krieg", "Der Konflikt"),
    "pt": ("A guerra", "O conflito"),
    "it": ("La guerra", "Il conflitto"),
}
#: (language, template): a relative of beginning on the subject, a perfect toll after it.
BEGUN = [
    ("en", "{S}, which began in {D}, has killed {n} people."),
    ("en", "{S}, which broke out in {D}, has left {n} people dead."),
    ("en", "{S} that started in {D} has killed more than {n} civilians."),
    ("en", "{S}, which erupted in {D}, has so far killed {n} people."),
    ("es", "{S}, que comenzó en {D}, ha matado a {n} personas."),
    ("es", "{S}, que estalló en {D}, ha dejado {n} muertos."),
    ("fr", "{S}, qui a commencé en {D}, a fait {n} morts."),
    ("fr", "{S}, qui a éclaté en {D}, a tué {n} civils."),
    ("de", "{S}, der {D} begann, hat {n} Menschen getötet."),
    ("de", "{S}, der {D} ausbrach, hat bereits {n} Menschen das Leben gekostet."),
    ("pt", "{S}, que começou em {D}, já matou {n} pessoas."),
    ("it", "{S}, che è iniziata nel {D}, ha ucciso {n} persone."),
]
#: The same words where the rule must not fire: a past tense, a relative after the toll,
#: a relative of something else than a beginning, a beginning with no year.
NOT_BEGUN = [
    ("en", "{S}, which began in {D}, killed {n} people on Tuesday."),
    ("en", "A bomb killed {n} people in {S}, which began in {D}."),
    ("en", "{S}, which ended in {D}, left {n} people dead."),
    ("en", "{S}, which began at dawn, killed {n} people."),
    ("es", "{S}, que comenzó en {D}, mató a {n} personas el martes."),
    ("fr", "Une frappe a tué {n} civils dans {S}, qui a commencé en {D}."),
    ("es", "Un ataque mató a {n} personas en {S}, que comenzó en {D}."),
    ("de", "{S}, der {D} begann, tötete am Dienstag {n} Menschen."),
]


def _dates(language: str) -> list[tuple[str, str]]:
    """(written, value) for every year and every month of a year: "2019", "March 2019"."""
    month_of = {
        "en": "{M} {y}", "es": "{M} de {y}", "fr": "{M} {y}", "de": "{M} {y}",
        "pt": "{M} de {y}", "it": "{M} {y}",
    }  # fmt: skip
    dates = [(y, y) for y in YEARS]
    dates += [
        (month_of[language].format(M=MONTHS[language][i], y=y), f"{y}-{MONTH_NUMBERS[i]:02d}")
        for i, y in product(range(3), YEARS)
    ]
    return dates


def _corpus(templates: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(language, text, value) over every subject, date and count."""
    return [
        (language, template.format(S=subject, D=written, n=n), value)
        for language, template in templates
        for subject in SUBJECTS[language]
        for written, value in _dates(language)
        for n in ("300", "1,200")
    ]


def test_a_toll_since_its_subjects_beginning_is_cumulative_from_then() -> None:
    wrong = [
        (text, period)
        for language, text, value in _corpus(BEGUN)
        for period in [toll_period(text, language, PUBLISHED)]
        if not (isinstance(period, DateValue) and period.value == value)
    ]
    assert not wrong, f"{len(wrong)}/{len(_corpus(BEGUN))} wrong, e.g. {wrong[:3]}"


def test_a_beginning_that_does_not_date_the_toll_makes_no_total() -> None:
    wrong = [
        text
        for language, text, _ in _corpus(NOT_BEGUN)
        if toll_period(text, language, PUBLISHED) is not False
    ]
    assert not wrong, f"{len(wrong)}/{len(_corpus(NOT_BEGUN))} wrong, e.g. {wrong[:3]}"


#: Chinese periods of a year told from publication, with a month or a day.
ZH_NEAR = [
    ("自今年{m}月以来，已有{n}人在冲突中死亡。", "2025-{mm}"),
    ("自去年{m}月以来，战斗已造成{n}人死亡。", "2024-{mm}"),
    ("据联合国统计，自今年{m}月{d}日以来，已有{n}名平民遇难。", "2025-{mm}-{dd}"),
    ("自前年{m}月以来，袭击累计造成{n}人死亡。", "2023-{mm}"),
]


def test_a_chinese_near_year_keeps_its_month_and_day() -> None:
    cases = [
        (template.format(m=m, d=d, n=n), want.format(mm=f"{m:02d}", dd=f"{d:02d}"))
        for (template, want), m, d, n in product(ZH_NEAR, (1, 2, 3), (5, 11), (37, 300))
    ]
    wrong = [
        (text, period)
        for text, want in cases
        for period in [toll_period(text, "zh", PUBLISHED)]
        if not (isinstance(period, DateValue) and period.value == want)
    ]
    assert not wrong, f"{len(wrong)}/{len(cases)} wrong, e.g. {wrong[:3]}"
