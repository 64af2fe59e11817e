"""Round 68, pubdate2: a model date equal to the publication date gives way only to a date
of the record's own event clause (ACLED, UCDP: the event's date is the one its own verb
bears). A date in a relative clause or a participle about someone or something else, in
a past perfect, a comparison or a concession, a noun's modifier, or another sentence of
the evidence dates another event, and the draft's day stands. "This week" holds the
publication day and keeps it, as "today" does. A weekday inside a name ("the Good Friday
Agreement", "Bloody Sunday") is no date, nor is "weekend" a "week"."""

from __future__ import annotations

import itertools

import pytest
from roles_support import PUBLISHED, run

from extractor.text.dates import find_dates

DAY = PUBLISHED.isoformat()  # 2025-03-12, a Wednesday

C = dict(
    injured=None, qualifier="exact", victims="civilians", perpetrator=None, place=None,
    scope="event", violence_type=None, status="occurred", attribution=None,
)  # fmt: skip

#: (expression, value, end) per language: Monday, yesterday, last week.
DATES = {
    "en": [("on Monday", "2025-03-10", None), ("yesterday", "2025-03-11", None),
           ("last week", "2025-03-03", "2025-03-09")],
    "es": [("el lunes", "2025-03-10", None), ("ayer", "2025-03-11", None),
           ("la semana pasada", "2025-03-03", "2025-03-09")],
    "fr": [("lundi", "2025-03-10", None), ("hier", "2025-03-11", None),
           ("la semaine dernière", "2025-03-03", "2025-03-09")],
    "ru": [("в понедельник", "2025-03-10", None), ("вчера", "2025-03-11", None),
           ("на прошлой неделе", "2025-03-03", "2025-03-09")],
    "zh": [("周一", "2025-03-10", None), ("昨天", "2025-03-11", None),
           ("上周", "2025-03-03", "2025-03-09")],
}  # fmt: skip
NAMES = {
    "ru": [("Анна Берг", "Ларс Хольм")],
    "zh": [("安娜·贝格", "拉尔斯·霍尔姆")],
}
LATIN_NAMES = [("Anna Berg", "Lars Holm"), ("Maria Klein", "Peter Odinga")]

#: A visit dated {D} in a clause that is not the visit's: the draft's day stands.
OTHER_CLAUSE_VISITS = {
    "en": [
        "President {A} of Germany, who was sworn in {D}, arrived in Nairobi for talks with President {B} of Kenya.",
        "President {A} of Germany arrived in Nairobi for talks with President {B} of Kenya, who took office {D}.",
        "President {A} of Germany arrived in Nairobi for talks with President {B} of Kenya on the budget that parliament passed {D}.",
        "President {A} of Germany arrived in Nairobi for talks with President {B} of Kenya on a pact signed {D}.",
        "President {A} of Germany arrived in Nairobi for talks with President {B} of Kenya. The two had spoken by phone {D}.",
        "President {A} of Germany arrived in Nairobi for talks with President {B} of Kenya, despite a strike called {D}.",
        "President {A} of Germany arrived in Nairobi, where President {B} of Kenya had opened a new port {D}.",
    ],
    "es": [
        "La presidenta alemana {A}, reelegida {D}, llegó a Nairobi para conversar con el presidente keniano {B}.",
        "La presidenta alemana {A} llegó a Nairobi para conversar con el presidente keniano {B}, que asumió el cargo {D}.",
        "La presidenta alemana {A} llegó a Nairobi para conversar con el presidente keniano {B} sobre el pacto firmado {D}.",
    ],
    "fr": [
        "La présidente allemande {A}, réélue {D}, est arrivée à Nairobi pour des entretiens avec le président kényan {B}.",
        "La présidente allemande {A} est arrivée à Nairobi pour des entretiens avec le président kényan {B}, qui a pris ses fonctions {D}.",
        "La présidente allemande {A} est arrivée à Nairobi pour des entretiens avec le président kényan {B} sur le pacte signé {D}.",
    ],
    "ru": [
        "Президент Германии {A}, переизбранная {D}, прибыла в Найроби для переговоров с президентом Кении {B}.",
        "Президент Германии {A} прибыла в Найроби для переговоров с президентом Кении {B}, который вступил в должность {D}.",
    ],
    "zh": [
        "{D}再次当选的德国总统{A}抵达内罗毕，与肯尼亚总统{B}举行会谈。",
        "德国总统{A}抵达内罗毕，与{D}就职的肯尼亚总统{B}举行会谈。",
    ],
}  # fmt: skip
#: A visit dated {D} in its own clause, next to a relative clause or a comparison: the
#: evidence's date wins over the draft's publication day.
OWN_CLAUSE_VISITS = {
    "en": [
        "President {A} of Germany arrived in Nairobi {D}, where President {B} of Kenya, who leads the ruling party, welcomed her.",
        "President {A} of Germany, who arrived in Nairobi {D}, held talks with President {B} of Kenya.",
        "President {A} of Germany and President {B} of Kenya met in Nairobi {D} to discuss the truce.",
        "President {A} of Germany arrived in Nairobi {D} for talks with President {B} of Kenya, despite the strike.",
    ],
    "es": [
        "La presidenta alemana {A}, que llegó {D} a Nairobi, conversó con el presidente keniano {B}.",
    ],
    "fr": [
        "La présidente allemande {A}, qui est arrivée {D} à Nairobi, s'est entretenue avec le président kényan {B}.",
    ],
    "ru": [
        "Президент Германии {A}, которая {D} прибыла в Найроби, провела переговоры с президентом Кении {B}.",
    ],
}  # fmt: skip
#: A toll whose evidence dates another thing than the killing: the draft's day stands.
OTHER_CLAUSE_TOLLS = {
    "en": [
        "At least 12 people were killed in an attack in Kano, Nigeria, despite a truce agreed {D}.",
        "At least 12 people were killed in Kano, Nigeria, by gunmen of a group that the army outlawed {D}.",
        "At least 12 people were killed in Kano, Nigeria, at a market that had reopened {D}.",
        "At least 12 people were killed in an attack in Kano, Nigeria. A curfew was lifted {D}.",
    ],
    "es": ["Al menos 12 personas murieron en un ataque en Kano, Nigeria, pese a una tregua acordada {D}."],
    "fr": ["Au moins 12 personnes ont été tuées dans une attaque à Kano, au Nigeria, malgré une trêve conclue {D}."],
    "ru": ["По меньшей мере 12 человек погибли при нападении в Кано, Нигерия, несмотря на перемирие, заключённое {D}."],
}  # fmt: skip
#: A toll dated {D} in its own clause: the evidence's date wins.
OWN_CLAUSE_TOLLS = {
    "en": [
        "At least 12 people were killed {D} in an attack in Kano, Nigeria, despite heavy security.",
        "Gunmen who killed at least 12 people in Kano, Nigeria, {D} are still at large.",
    ],
}  # fmt: skip


def _visit_date(text: str, a: str, b: str) -> tuple[str | None, str | None]:
    out = run(
        "visit", text, visitors=[{"name": a, "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[{"name": b, "title": None, "country": "KEN"}],
        host_country="KEN", place=None, date=DAY, end_date=None, purpose=None,
        status="occurred", attribution=None, evidence=list(range(1, text.count(". ") + 2)),
    )  # fmt: skip
    (record,) = [r for r in out.records if r.record_type == "visit"]
    return (record.start and record.start.value, record.start and record.start.end)


def _toll_date(text: str) -> tuple[str | None, str | None]:
    evidence = list(range(1, text.count(". ") + 2))
    out = run("casualty_report", text, killed=12, country="NGA", date=DAY, evidence=evidence, **C)
    (record,) = out.records
    return (record.date and record.date.value, record.date and record.date.end)


def _cases(templates: dict[str, list[str]]) -> list[tuple[str, str, str, str | None, str, str]]:
    return [
        (lang, template, when, value, end, names)
        for lang, texts in templates.items()
        for template, (when, value, end), names in itertools.product(
            texts, DATES[lang], NAMES.get(lang, LATIN_NAMES)[:1]
        )
    ]  # type: ignore[misc]


def _filled(template: str, when: str, a: str = "", b: str = "") -> str:
    text = template.format(A=a, B=b, D=when)
    return text[0].upper() + text[1:]


@pytest.mark.parametrize(
    ("lang", "template", "when", "value", "end", "names"), _cases(OTHER_CLAUSE_VISITS)
)
def test_a_date_of_another_clause_leaves_the_visit_on_the_publication_day(
    lang: str, template: str, when: str, value: str, end: str | None, names: tuple[str, str]
) -> None:
    """Fails on main: 48/51."""
    a, b = names
    assert _visit_date(_filled(template, when, a, b), a, b) == (DAY, None)


@pytest.mark.parametrize(
    ("lang", "template", "when", "value", "end", "names"), _cases(OWN_CLAUSE_VISITS)
)
def test_a_date_of_the_visits_own_clause_still_wins(
    lang: str, template: str, when: str, value: str, end: str | None, names: tuple[str, str]
) -> None:
    """Near-misses: passes on main and after."""
    a, b = names
    assert _visit_date(_filled(template, when, a, b), a, b) == (value, end)


@pytest.mark.parametrize(
    ("lang", "template", "when", "value", "end", "names"), _cases(OTHER_CLAUSE_TOLLS)
)
def test_a_date_of_another_clause_leaves_the_toll_on_the_publication_day(
    lang: str, template: str, when: str, value: str, end: str | None, names: tuple[str, str]
) -> None:
    """Fails on main: 21/21."""
    assert _toll_date(_filled(template, when)) == (DAY, None)


@pytest.mark.parametrize(
    ("lang", "template", "when", "value", "end", "names"), _cases(OWN_CLAUSE_TOLLS)
)
def test_a_date_of_the_tolls_own_clause_still_wins(
    lang: str, template: str, when: str, value: str, end: str | None, names: tuple[str, str]
) -> None:
    """Near-misses: passes on main and after."""
    assert _toll_date(_filled(template, when)) == (value, end)


THIS_WEEK = [
    "This week, at least 12 people were killed in an attack in Kano, Nigeria.",
    "At least 12 people were killed in an attack in Kano, Nigeria, this week.",
    "Al menos 12 personas murieron esta semana en un ataque en Kano, Nigeria.",
]


@pytest.mark.parametrize("text", THIS_WEEK)
def test_this_week_keeps_the_publication_day(text: str) -> None:
    """ "This week" holds the publication day: the draft's day stands, as for "today".
    Fails on main: 3/3."""
    assert _toll_date(text) == (DAY, None)


#: Names of days with a weekday in them, per language; none is a date.
NAMED_DAYS = {
    "en": ["the Good Friday Agreement", "the Bloody Sunday inquiry", "Black Friday sales",
           "the Super Tuesday primaries", "the Black Monday crash", "the Ash Wednesday service",
           "Cyber Monday deals", "the Easter Sunday mass"],
    "es": ["el Viernes Santo", "el Domingo de Ramos", "el Jueves Santo"],
    "fr": ["le Vendredi saint", "le Dimanche des Rameaux"],
    "de": ["der Schwarze Freitag", "der Blutige Sonntag", "am Grünen Donnerstag"],
    "ru": ["Чёрная пятница", "Кровавое воскресенье", "Страстная пятница"],
}  # fmt: skip
FRAMES = {
    "en": ["Officials in Nairobi recalled {N} in their talks.", "Talks in Nairobi touched on {N}."],
    "es": ["Los fieles en Nairobi celebraron {N} en la catedral."],
    "fr": ["Les fidèles de Nairobi ont célébré {N} à la cathédrale."],
    "de": ["In Nairobi erinnerte man an {N} und an die Opfer."],
    "ru": ["В Найроби вспомнили, как прошла {N} и что было потом."],
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [(lang, f.format(N=n)) for lang in NAMED_DAYS for n in NAMED_DAYS[lang] for f in FRAMES[lang]],
)
def test_a_weekday_inside_a_name_is_no_date(lang: str, text: str) -> None:
    """Fails on main: 27/27."""
    assert find_dates(text, lang, PUBLISHED) == []


#: Weekdays that are dates, next to capitalised words: a place, a name, a date's word.
WEEKDAY_DATES = {
    "en": ["Biden spoke in Denver Monday about jobs.", "The governor of Minneapolis, Minnesota Monday said so.",
           "On Monday, talks began.", "Late Sunday the talks ended.", "Starting Monday, sites open.",
           "President Biden Monday signed the bill.", "He left Nairobi on Friday."],
    "es": ["El presidente llegó el lunes a Nairobi.", "Lunes: el presidente llegó a Nairobi."],
    "fr": ["Le président est arrivé lundi à Nairobi."],
    "de": ["Der Präsident ist am Montag in Nairobi eingetroffen.", "Am Freitag traf er Ruto."],
    "ru": ["Президент Зеленский в понедельник прибыл в Найроби.", "Анна Берг вчера прибыла."],
}  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in WEEKDAY_DATES.items() for t in ts])
def test_a_weekday_next_to_a_place_or_name_is_still_a_date(lang: str, text: str) -> None:
    """Near-misses: passes on main and after."""
    assert len(find_dates(text, lang, PUBLISHED)) == 1


@pytest.mark.parametrize(
    "text",
    ["12 were killed {w} in Kano.", "Over the {w}, 12 were killed.", "Late {w}, 12 were killed."],
)
@pytest.mark.parametrize("when", ["this weekend", "last weekend", "past weekend"])
def test_a_weekend_is_no_week(text: str, when: str) -> None:
    """ "this weekend" was read as "this week" (Monday to the publication day), "last
    weekend" as last week's seven days. Fails on main: 6/9."""
    found = find_dates(text.format(w=when), "en", PUBLISHED)
    assert all("week" not in written or "weekend" in written for written, _ in found)
    assert all(resolved.end is None or "weekend" not in written for written, resolved in found)


@pytest.mark.parametrize(
    ("when", "value"), [("this week", "2025-03-10"), ("last week", "2025-03-03")]
)
def test_a_week_is_still_a_week(when: str, value: str) -> None:
    """Near-misses: passes on main and after."""
    ((written, resolved),) = find_dates(f"12 were killed {when} in Kano.", "en", PUBLISHED)
    assert (written, resolved.value) == (when, value)
