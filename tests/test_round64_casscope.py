"""Round 64: a casualty toll is a running total only when the period governs its count's own
clause, and the period's date is read whole.

- a first time or a record compares the event with the past ("Впервые с 2019 года",
  "لأول مرة منذ", "للمرة الأولى منذ", "erstmals seit", "the most since", "a toll not seen
  since", "un récord desde", "以来之最/罕见/新高");
- a period inside a phrase that describes a noun dates the noun, not the toll: an
  apposition ("The group, active since 2019, killed"), a participle ("held since October",
  "действующая в регионе с 2019 года"), an Arabic subject's adjective ("قتلت الجماعة الناشطة
  منذ"), a Chinese modifier in 的 ("自2019年以来一直活跃的组织"), a relative before the harm
  ("In fighting that has raged since March, 12 were killed");
- "desde varios edificios", "depuis plusieurs positions" are places; "since it had no police
  post" is a reason;
- a date is whole: "el 7 de octubre de 2023", "October 7, 2023", "Seit dem 24. Oktober",
  and a beginning's year ("since the war began in 2019") dates the period;
- the period of another sentence is another count's ("Gunmen killed 12 on Tuesday. Since
  January, 300 have died.");
- Portuguese and Italian periods ("Desde 7 de outubro de 2023", "Dal 7 ottobre 2023").
"""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest

from extractor.types.casualty_report import toll_period
from extractor.types.parts import DateValue
from tests.roles_support import PUBLISHED, run

YEARS = ("2011", "2019", "2022")
COUNTS = ("12", "37")

#: One event's toll beside a period that is not its own (language, template).
EVENT_ONLY = [
    ("ru", "Впервые с {y} года повстанцы убили {n} человек на рынке."),
    ("ru", "Повстанцы впервые с {y} года убили {n} мирных жителей."),
    ("ru", "В среду повстанцы убили {n} человек — впервые с {y} года."),
    ("ru", "Отряды, воюющие с армией с {y} года, убили {n} человек в среду."),
    ("ru", "Банда, действующая в провинции с {y} года, убила {n} человек в среду."),
    ("ar", "لأول مرة منذ {y}، قتل مسلحون {n} شخصا في القرية."),
    ("ar", "قتل مسلحون {n} شخصا في القرية للمرة الأولى منذ {y}."),
    ("ar", "قتلت العصابة الناشطة منذ {y} نحو {n} شخصا يوم الأربعاء."),
    ("ar", "قتلت الميليشيا المتمركزة في الإقليم منذ {y} نحو {n} مدنيا يوم الأربعاء."),
    ("en", "The militia, active since {y}, killed {n} villagers on Wednesday."),
    (
        "en",
        "The truce, in place since {y}, broke down on Wednesday when raiders killed {n} people.",
    ),
    ("en", "Raiders killed {n} people on Wednesday, the most since {y}."),
    ("en", "Raiders killed {n} people on Wednesday, a toll not seen since {y}."),
    ("en", "Raiders killed {n} people on Wednesday, a record since {y}."),
    ("en", "Raiders killed {n} people on Wednesday, more than in any single raid since {y}."),
    ("en", "{n} captives held since March {y} were killed in a drone strike on Wednesday."),
    ("en", "{n} police officers posted to the valley since {y} were killed in an ambush."),
    ("en", "In clashes that have raged since {y}, {n} people were killed on Wednesday."),
    ("en", "Raiders killed {n} people in the hamlet on Wednesday, since it had no guards."),
    ("es", "La milicia, activa desde {y}, mató a {n} campesinos el miércoles."),
    ("es", "Unos sicarios mataron a {n} personas el miércoles, una cifra no vista desde {y}."),
    ("es", "Unos sicarios mataron a {n} personas el miércoles, un récord desde {y}."),
    ("es", "{n} secuestrados retenidos desde marzo de {y} murieron en un bombardeo."),
    ("es", "Los militares dispararon desde varios tejados y mataron a {n} personas."),
    ("fr", "La milice, active depuis {y}, a tué {n} villageois mercredi."),
    ("fr", "Des tirs depuis plusieurs collines ont tué {n} civils mercredi."),
    ("fr", "{n} captifs détenus depuis mars {y} ont été tués dans une frappe mercredi."),
    ("de", "Erstmals seit {y} töteten Angreifer {n} Menschen in der Stadt."),
    ("de", "Die Bande, die seit {y} in der Provinz aktiv ist, tötete am Mittwoch {n} Menschen."),
    ("de", "{n} seit März {y} festgehaltene Gefangene wurden bei einem Angriff getötet."),
    ("zh", "武装分子周三杀死了{n}人，为{y}年以来之最。"),
    ("zh", "武装分子周三杀死了{n}人，这是{y}年以来罕见的袭击。"),
    ("zh", "周三的爆炸造成{n}人死亡，死亡人数创下{y}年以来新高。"),
    ("zh", "自{y}年以来一直活跃的武装团伙周三杀死了{n}名村民。"),
    ("ru", "Войска вместе с полицией убили {n} боевиков в среду."),
    ("fr", "Un tireur depuis un toit a tué {n} passants mercredi."),
]


@pytest.mark.parametrize(
    ("language", "text"),
    [(lang, t.format(n=n, y=y)) for (lang, t), n, y in product(EVENT_ONLY, COUNTS, YEARS)],
)
def test_a_period_outside_the_counts_clause_makes_no_running_total(
    language: str, text: str
) -> None:
    assert toll_period(text, language, PUBLISHED) is False, text


#: Running totals whose period governs the count's clause, its year written at a
#: beginning, in a reported clause, after an auxiliary or after the subject it measures.
BEGAN_IN = [
    ("en", "Since the war began in {y}, {n} people have been killed."),
    ("en", "Since the insurgency broke out in {y}, {n} people have been killed."),
    ("en", "{n} people have been killed since fighting erupted in {y}."),
    ("es", "Desde que comenzó la guerra en {y}, han muerto {n} personas."),
    ("es", "Desde el inicio del conflicto en {y}, {n} civiles han muerto."),
    ("fr", "Depuis le début de la guerre en {y}, {n} personnes ont été tuées."),
    ("de", "Seit Beginn des Krieges {y} wurden {n} Menschen getötet."),
    ("ru", "С начала войны в {y} году погибли {n} человек."),
    ("ar", "منذ اندلاع الحرب في {y} قتل {n} شخصا."),
    ("pt", "Os ataques mataram {n} pessoas desde {y}."),
    ("it", "Gli attacchi hanno ucciso {n} persone dal {y}."),
    ("en", "Raids since {y} have killed {n} people in the province."),
    ("en", "In the province since {y}, {n} people have been killed."),
    ("en", "Troops have killed more than 3,{n}0 civilians since {y}, a monitor said."),
    ("en", "Officials said that since {y} {n} people have died."),
    ("es", "Según la ONU, desde {y} han muerto {n} personas."),
    ("fr", "Les violences depuis {y} ont fait {n} morts."),
    ("de", "Nach UN-Angaben wurden seit {y} {n} Menschen getötet."),
    ("de", "Insgesamt seit {y} wurden {n} Menschen getötet."),
    ("ar", "وقالت الأمم المتحدة إنه منذ {y} قتل {n} شخصا."),
]


@pytest.mark.parametrize(
    ("language", "text", "year"),
    [(lang, t.format(n=n, y=y), y) for (lang, t), n, y in product(BEGAN_IN, COUNTS, YEARS)],
)
def test_a_period_of_the_counts_clause_is_dated_by_its_year(
    language: str, text: str, year: str
) -> None:
    period = toll_period(text, language, PUBLISHED)
    assert isinstance(period, DateValue) and period.value == year, (text, period)


MONTHS = {
    "en": ("January", "July", "October"),
    "es": ("enero", "julio", "octubre"),
    "de": ("Januar", "Juli", "Oktober"),
    "pt": ("janeiro", "julho", "outubro"),
    "it": ("gennaio", "luglio", "ottobre"),
}
NUMBERS = (1, 7, 10)
#: Running totals since a whole date: a day, its month and its year.
SINCE_A_DAY = [
    ("en", "Attacks have killed {n} people since {M} {d}, {y}."),
    ("en", "Since {M} {d}, {y}, attacks have killed {n} people."),
    ("es", "Desde el {d} de {M} de {y} han muerto {n} personas."),
    ("es", "Los ataques han matado a {n} personas desde el {d} de {M} de {y}."),
    ("de", "Seit dem {d}. {M} {y} wurden {n} Menschen getötet."),
    ("pt", "Desde {d} de {M} de {y}, {n} pessoas foram mortas."),
    ("it", "Dal {d} {M} {y} sono state uccise {n} persone."),
]


@pytest.mark.parametrize(
    ("language", "text", "want"),
    [
        (lang, t.format(n=37, M=MONTHS[lang][i], d=d, y=y), f"{y}-{NUMBERS[i]:02d}-{d:02d}")
        for (lang, t), i, d, y in product(SINCE_A_DAY, range(3), (3, 24), (2020, 2023))
    ],
)
def test_a_period_since_a_day_keeps_its_whole_date(language: str, text: str, want: str) -> None:
    period = toll_period(text, language, PUBLISHED)
    assert isinstance(period, DateValue) and period.value == want, (text, period)


#: One event's toll, then a running total of many in a sentence of its own.
TWO_SENTENCES = [
    ("en", "Raiders killed {n} people in the hamlet on Tuesday. Since January, raids have "
           "killed more than 300 people in the province."),
    ("en", "Raiders killed {n} people in the hamlet on Tuesday. So far this year, raids have "
           "killed more than 300."),
    ("es", "Unos sicarios mataron a {n} personas el martes. Desde enero, los ataques han "
           "matado a más de 300 personas."),
    ("fr", "Des assaillants ont tué {n} personnes mardi. Depuis janvier, plus de 300 "
           "personnes ont été tuées."),
    ("de", "Angreifer töteten am Dienstag {n} Menschen. Seit Januar wurden mehr als 300 "
           "Menschen getötet."),
    ("ru", "Налётчики убили {n} человек во вторник. С января погибли более 300 человек."),
    ("zh", "武装分子周二杀死了{n}名村民。自今年1月以来，已有300多人死亡。"),
    ("ar", "قتل مسلحون {n} شخصا يوم الثلاثاء. ومنذ يناير قتل أكثر من 300 شخص."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "count"), [(t.format(n=n), int(n)) for (_, t), n in product(TWO_SENTENCES, COUNTS)]
)
def test_a_total_in_another_sentence_is_not_the_counts_period(text: str, count: int) -> None:
    draft: dict[str, Any] = {
        "killed": count, "injured": None, "qualifier": "exact", "victims": None,
        "perpetrator": None, "country": None, "place": None, "date": None, "scope": "event",
        "violence_type": None, "status": "occurred", "attribution": None, "evidence": [1, 2],
    }  # fmt: skip
    [record] = run("casualty_report", text, **draft).records
    assert record.scope == "event", text
    assert record.date is None or not str(record.date.value).startswith("2025-01"), text
