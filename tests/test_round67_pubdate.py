"""Round 67, pubdate: a model date equal to the publication date is the dateline's, not
the event's, when the evidence dates the event otherwise ("arrived in Nairobi
yesterday", "killed on March 3", "visited last week"). The event date is when it
happened, as the source states it (ACLED, UCDP): the publication date stands in only
when the evidence gives no date of the event. The evidence's date wins, resolved against
the publication date at its precision, with a warning. It does not where the evidence
dates the event on the publication day ("today", "this morning"), dates only a report
("said on Monday"), dates nothing, gives two dates of different events, or gives a later
day (a plan)."""

from __future__ import annotations

import itertools

import pytest
from roles_support import PUBLISHED, run

DAY = PUBLISHED.isoformat()  # 2025-03-12, a Wednesday

C = dict(
    injured=None, qualifier="exact", victims="civilians", perpetrator=None, place=None,
    scope="event", violence_type=None, status="occurred", attribution=None, evidence=[1],
)  # fmt: skip

#: (expression, value, end) per language: yesterday, the day before yesterday, last
#: Friday, March 3, Monday, last week (a range).
DATES = {
    "en": [("yesterday", "2025-03-11", None), ("the day before yesterday", "2025-03-10", None),
           ("last Friday", "2025-03-07", None), ("on March 3", "2025-03-03", None),
           ("on Monday", "2025-03-10", None), ("last week", "2025-03-03", "2025-03-09")],
    "es": [("ayer", "2025-03-11", None), ("anteayer", "2025-03-10", None),
           ("el viernes pasado", "2025-03-07", None), ("el 3 de marzo", "2025-03-03", None),
           ("el lunes", "2025-03-10", None), ("la semana pasada", "2025-03-03", "2025-03-09")],
    "fr": [("hier", "2025-03-11", None), ("avant-hier", "2025-03-10", None),
           ("vendredi dernier", "2025-03-07", None), ("le 3 mars", "2025-03-03", None),
           ("lundi", "2025-03-10", None), ("la semaine dernière", "2025-03-03", "2025-03-09")],
    "de": [("gestern", "2025-03-11", None), ("vorgestern", "2025-03-10", None),
           ("am vergangenen Freitag", "2025-03-07", None), ("am 3. März", "2025-03-03", None),
           ("am Montag", "2025-03-10", None), ("letzte Woche", "2025-03-03", "2025-03-09")],
    "ru": [("вчера", "2025-03-11", None), ("позавчера", "2025-03-10", None),
           ("в прошлую пятницу", "2025-03-07", None), ("3 марта", "2025-03-03", None),
           ("в понедельник", "2025-03-10", None),
           ("на прошлой неделе", "2025-03-03", "2025-03-09")],
    "zh": [("昨天", "2025-03-11", None), ("前天", "2025-03-10", None),
           ("上周五", "2025-03-07", None), ("3月3日", "2025-03-03", None),
           ("周一", "2025-03-10", None), ("上周", "2025-03-03", "2025-03-09")],
    "pt": [("ontem", "2025-03-11", None), ("anteontem", "2025-03-10", None),
           ("na sexta-feira passada", "2025-03-07", None), ("em 3 de março", "2025-03-03", None),
           ("na segunda-feira", "2025-03-10", None),
           ("na semana passada", "2025-03-03", "2025-03-09")],
    "it": [("ieri", "2025-03-11", None), ("l'altro ieri", "2025-03-10", None),
           ("venerdì scorso", "2025-03-07", None), ("il 3 marzo", "2025-03-03", None),
           ("lunedì", "2025-03-10", None), ("la settimana scorsa", "2025-03-03", "2025-03-09")],
}  # fmt: skip
#: The same day as the publication date, per language: the draft's date stands.
TODAY = {
    "en": ["today", "this morning"], "es": ["hoy", "el miércoles"],
    "fr": ["aujourd'hui", "ce mercredi"], "de": ["heute", "am Mittwoch"],
    "ru": ["сегодня", "в среду"], "zh": ["今天", "周三"],
    "pt": ["hoje", "na quarta-feira"], "it": ["oggi", "mercoledì"],
}  # fmt: skip
#: A toll in an attack in a city, dated {D}.
TOLLS = {
    "en": "At least {n} people were killed {D} in an attack in {city}, Nigeria.",
    "es": "Al menos {n} personas murieron {D} en un ataque en {city}, Nigeria.",
    "fr": "Au moins {n} personnes ont été tuées {D} dans une attaque à {city}, au Nigeria.",
    "de": "Bei einem Angriff in {city}, Nigeria, wurden {D} mindestens {n} Menschen getötet.",
    "ru": "По меньшей мере {n} человек погибли {D} при нападении в {city}, Нигерия.",
    "zh": "{D}，尼日利亚{city}发生袭击，造成至少{n}人死亡。",
    "pt": "Pelo menos {n} pessoas morreram {D} num ataque em {city}, na Nigéria.",
    "it": "Almeno {n} persone sono state uccise {D} in un attacco a {city}, in Nigeria.",
}  # fmt: skip
CITIES = {
    "ru": ["Кано", "Майдугури"],
    "zh": ["卡诺", "迈杜古里"],
}
#: A visit of a German president to Nairobi, dated {D}.
VISITS = {
    "en": "President {A} of Germany arrived in Nairobi {D} for talks with President {B} of Kenya.",
    "es": "La presidenta alemana {A} llegó {D} a Nairobi para conversar con el presidente keniano {B}.",
    "fr": "La présidente allemande {A} est arrivée {D} à Nairobi pour des entretiens avec le président kényan {B}.",
    "de": "Die deutsche Präsidentin {A} ist {D} in Nairobi eingetroffen, um mit dem kenianischen Präsidenten {B} zu sprechen.",
    "ru": "Президент Германии {A} {D} прибыла в Найроби для переговоров с президентом Кении {B}.",
    "zh": "德国总统{A}{D}抵达内罗毕，与肯尼亚总统{B}举行会谈。",
    "pt": "A presidente alemã {A} chegou {D} a Nairóbi para conversar com o presidente queniano {B}.",
}  # fmt: skip
NAMES = {
    "ru": [("Анна Берг", "Ларс Хольм"), ("Мария Кляйн", "Питер Одинга")],
    "zh": [("安娜·贝格", "拉尔斯·霍尔姆"), ("玛丽亚·克莱因", "彼得·奥丁加")],
}
LATIN_NAMES = [("Anna Berg", "Lars Holm"), ("Maria Klein", "Peter Odinga")]


def _toll(lang: str, when: str, n: int = 12, city: str | None = None) -> str:
    city = city or CITIES.get(lang, ["Kano"])[0]
    text = TOLLS[lang].format(n=n, D=when, city=city)
    return text[0].upper() + text[1:]


def _toll_date(text: str, date: str | None = DAY) -> tuple[str | None, str | None, list[str]]:
    out = run("casualty_report", text, killed=12, country="NGA", date=date, **C)
    (record,) = out.records
    value = record.date
    return (value and value.value, value and value.end, list(out.warnings))


def _visit_date(text: str, a: str, b: str) -> tuple[str | None, str | None]:
    out = run(
        "visit", text, visitors=[{"name": a, "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[{"name": b, "title": None, "country": "KEN"}],
        host_country="KEN", place=None, date=DAY, end_date=None, purpose=None,
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    (record,) = [r for r in out.records if r.record_type == "visit"]
    return (record.start and record.start.value, record.start and record.start.end)


TOLL_CASES = [
    (lang, when, value, end, city)
    for lang, dates in DATES.items()
    for (when, value, end), city in itertools.product(dates, CITIES.get(lang, ["Kano", "Maiduguri"]))
]  # fmt: skip


@pytest.mark.parametrize(("lang", "when", "value", "end", "city"), TOLL_CASES)
def test_the_evidence_date_of_a_toll_beats_the_publication_date(
    lang: str, when: str, value: str, end: str | None, city: str
) -> None:
    """Fails on main: 96/96 (the publication date kept, silently)."""
    got_value, got_end, warnings = _toll_date(_toll(lang, when, city=city))
    assert (got_value, got_end) == (value, end)
    assert any("publication date" in w for w in warnings)


VISIT_CASES = [
    (lang, when, value, end, a, b)
    for lang, dates in DATES.items() if lang in VISITS
    for (when, value, end), (a, b) in itertools.product(dates, NAMES.get(lang, LATIN_NAMES))
]  # fmt: skip


@pytest.mark.parametrize(("lang", "when", "value", "end", "a", "b"), VISIT_CASES)
def test_the_evidence_date_of_a_visit_beats_the_publication_date(
    lang: str, when: str, value: str, end: str | None, a: str, b: str
) -> None:
    """Fails on main: 84/84."""
    assert _visit_date(VISITS[lang].format(A=a, B=b, D=when), a, b) == (value, end)


# Near misses: the publication date stands.


@pytest.mark.parametrize(("lang", "when"), [(k, w) for k, ws in TODAY.items() for w in ws])
def test_the_publication_day_in_the_evidence_keeps_it(lang: str, when: str) -> None:
    assert _toll_date(_toll(lang, when))[:2] == (DAY, None)


@pytest.mark.parametrize("lang", list(TOLLS))
def test_an_undated_evidence_keeps_the_publication_date(lang: str) -> None:
    text = _toll(lang, "").replace("  ", " ").replace(" ,", ",").lstrip("，")
    assert _toll_date(text)[:2] == (DAY, None)


REPORTS = [
    "Officials said on Monday that at least 12 people were killed in an attack in Kano, Nigeria.",
    "Police said yesterday that at least 12 people were killed in an attack in Kano, Nigeria.",
    "The ministry announced on March 3 that at least 12 people were killed in Kano, Nigeria.",
    "El ministerio informó el lunes que al menos 12 personas murieron en un ataque en Kano, Nigeria.",
    "Le ministère a annoncé lundi que 12 personnes ont été tuées dans une attaque à Kano, au Nigeria.",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_report_date_is_not_the_event_date(text: str) -> None:
    """The only date is the saying's: the event is undated, the draft's date stands."""
    assert _toll_date(text)[:2] == (DAY, None)


TWO_EVENTS = [
    "At least 12 people were killed in Kano, Nigeria, a week after the raid on March 3.",
    "At least 12 people were killed in Kano, Nigeria on Monday, after 5 died on March 3.",
    "Al menos 12 personas murieron en Kano, Nigeria, el lunes, tras el ataque del 3 de marzo.",
    "At least 12 people were killed in Kano, Nigeria today, after a raid on Monday.",
]


@pytest.mark.parametrize("text", TWO_EVENTS)
def test_two_dates_of_different_events_keep_the_publication_date(text: str) -> None:
    """Which is the event's is the model's to say: the rule does not choose one."""
    assert _toll_date(text)[:2] == (DAY, None)


LATER = [
    "At least 12 people will be buried in Kano, Nigeria on Friday after the attack.",
    "At least 12 people were killed in Kano, Nigeria, and will be buried tomorrow.",
    "Al menos 12 personas murieron en Kano, Nigeria, y serán enterradas el viernes.",
]


@pytest.mark.parametrize("text", LATER)
def test_a_later_day_is_no_event_day_before_the_report(text: str) -> None:
    assert _toll_date(text)[:2] == (DAY, None)


@pytest.mark.parametrize("lang", list(TOLLS))
def test_another_model_date_is_untouched(lang: str) -> None:
    """Only the publication date is a stand-in: a model date the evidence writes stays."""
    when, value, _ = DATES[lang][3]  # March 3
    text = _toll(lang, when)
    assert _toll_date(text, date=when)[:2] == (value, None)
