"""Round 66, reportdate: a date right after a verb of speech is the report's, not the
event's (round 65), except where the speech is made at the event: a participant speaking
during a visit or after talks ("Visiting Kyiv, X said on Monday", "Tras reunirse con Y,
X anunció el lunes") speaks on the event's day. Past a report's date, a later date is
the event's only when no future, modal or negation lies between them ("said on Monday
that the dead would be buried on Friday" dates no death). A passive verb of speech
("twelve deaths were reported on Monday") reports the event itself, dated that day
(ACLED: the event's date where the source gives one)."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, country=None,
    place=None, date=None, scope="event", violence_type=None, status="occurred",
    attribution=None,
)  # fmt: skip
#: roles_support's publication date is 2025-03-12 (a Wednesday): "Monday" is the 10th.
MONDAY = "2025-03-10"

#: (frames of a visit, speaker, speech verb + Monday, complementizer + what was said)
VISITS = {
    "en": (["Visiting {city},", "During his visit to {city},", "On a trip to {city},",
            "On his first visit to {city},"],
           ["said on Monday", "announced on Monday", "told reporters on Monday"],
           "that {land} would get more help."),
    "es": (["De visita en {city},", "Durante su visita a {city},"],
           ["dijo el lunes", "anunció el lunes", "afirmó el lunes"],
           "que {land} recibirá más ayuda."),
    "fr": (["En visite à {city},", "Lors de sa visite à {city},"],
           ["a déclaré lundi", "a annoncé lundi", "a indiqué lundi"],
           "que {land} recevra plus d'aide."),
    "ru": (["Находясь с визитом в {city},", "Во время визита в {city},"],
           ["заявил в понедельник", "сообщил в понедельник"],
           ", что {land} получит больше помощи."),
}  # fmt: skip
PLACES = {
    "en": [("Kyiv", "Ukraine", "UKR"), ("Warsaw", "Poland", "POL")],
    "es": [("Kiev", "Ucrania", "UKR"), ("Varsovia", "Polonia", "POL")],
    "fr": [("Kiev", "l'Ukraine", "UKR"), ("Varsovie", "la Pologne", "POL")],
    "ru": [("Киеве", "Украина", "UKR"), ("Варшаве", "Польша", "POL")],
}  # fmt: skip
SPEAKER = {
    "en": "German Chancellor Olaf Scholz",
    "es": "el canciller alemán Olaf Scholz",
    "fr": "le chancelier allemand Olaf Scholz",
    "ru": "канцлер Германии Олаф Шольц",
}


def _visits() -> list[tuple[str, str]]:
    cases = []
    for lang, (frames, verbs, said) in VISITS.items():
        for frame, verb, (city, land, code) in itertools.product(frames, verbs, PLACES[lang]):
            text = f"{frame.format(city=city)} {SPEAKER[lang]} {verb} {said.format(land=land)}"
            cases.append((text.replace(" ,", ","), code))
    return cases


def _visit(text: str, host: str) -> object:
    name = "Олаф Шольц" if "Шольц" in text else "Olaf Scholz"
    return run(
        "visit", text, visitors=[{"name": name, "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[], host_country=host, place=None, date=None,
        end_date=None, purpose=None, status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip


@pytest.mark.parametrize(("text", "host"), _visits())
def test_a_speech_during_a_visit_dates_the_visit(text: str, host: str) -> None:
    (record,) = _visit(text, host).records
    assert record.start is not None and record.start.value == MONDAY


#: Meetings: a frame of talks that sets the speech during them (en/es/fr/de); a frame
#: headed by "after/tras/après/nach" sets it after them, another day maybe (round 66,
#: datefix: tests/test_round66_datefix.py).
MEETINGS = [
    "During talks in Berlin, French President Emmanuel Macron and German Chancellor Olaf Scholz"
    " {verb} a joint plan.",
    "At their meeting in Paris, French President Emmanuel Macron and German Chancellor"
    " Olaf Scholz {verb} a joint plan.",
    "Durante su reunión en Madrid, el presidente francés Emmanuel Macron y el canciller alemán Olaf"
    " Scholz {verb} un plan conjunto.",
    "Lors de leur entretien à Paris, le président français Emmanuel Macron et le chancelier allemand"
    " Olaf Scholz {verb} un plan commun.",
    "Bei dem Treffen in Berlin {verb} der französische Präsident Emmanuel Macron und der"
    " deutsche Kanzler Olaf Scholz einen gemeinsamen Plan.",
]
MEETING_VERBS = {
    "During": ["announced on Monday", "said on Monday they had agreed on"],
    "At": ["announced on Monday", "stated on Monday they back"],
    "Durante": ["anunciaron el lunes", "dijeron el lunes que apoyan"],
    "Lors": ["ont annoncé lundi", "ont déclaré lundi soutenir"],
    "Bei": ["erklärten am Montag", "sagten am Montag"],
}


def _meetings() -> list[str]:
    return [t.format(verb=v) for t in MEETINGS for v in MEETING_VERBS[t.split()[0]]]


def meeting(text: str):  # type: ignore[no-untyped-def]
    """The outcome of a right draft of Macron and Scholz's talks over ``text``."""
    return run(
        "meeting", text,
        participants=[{"name": "Emmanuel Macron", "title": None, "country": "FRA"},
                      {"name": "Olaf Scholz", "title": None, "country": "DEU"}],
        countries=["FRA", "DEU"], format=None, place=None, date=None, topics=[],
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip


@pytest.mark.parametrize("text", _meetings())
def test_a_speech_during_talks_dates_the_meeting(text: str) -> None:
    result = meeting(text)
    (record,) = result.records
    assert record.date is not None and record.date.value == MONDAY


#: Near misses: the speech reports a visit (no frame before it): the report's day is not
#: the visit's.
REPORTED_VISITS = [
    "The ministry said on Monday that German Chancellor Olaf Scholz visited Kyiv.",
    "Officials announced on Monday that German Chancellor Olaf Scholz had travelled to Kyiv.",
    "El ministerio dijo el lunes que el canciller alemán Olaf Scholz visitó Kiev.",
    "Le ministère a annoncé lundi que le chancelier allemand Olaf Scholz a visité Kiev.",
]


@pytest.mark.parametrize("text", REPORTED_VISITS)
def test_a_report_of_a_visit_is_not_dated_by_the_report(text: str) -> None:
    (record,) = _visit(text, "UKR").records
    assert record.start is None


#: A date after a report's date in a clause of the future or a plan dates no event.
FUTURE_AFTER_REPORT = {
    "en": (["Officials said on Monday", "The army stated on Monday", "The ministry announced today"],
           ["that 12 people killed in Basra would be buried on Friday.",
            "that the 12 people killed in Basra will be mourned on Friday.",
            "that 12 people died in Basra and an inquiry would report by March 30."]),
    "es": (["La policía informó el lunes", "El ministerio dijo hoy"],
           ["que las 12 personas muertas en Basora serán enterradas el viernes.",
            "que 12 personas murieron en Basora y que habrá funerales el viernes."]),
    "fr": (["La police a indiqué lundi", "Le ministère a annoncé aujourd'hui"],
           ["que les 12 personnes tuées à Bassora seront enterrées vendredi.",
            "que 12 personnes sont mortes à Bassora et que les obsèques auront lieu vendredi."]),
    "de": (["Die Polizei sagte am Montag,", "Das Ministerium erklärte heute,"],
           ["die 12 in Basra getöteten Menschen würden am Freitag beigesetzt.",
            "die 12 in Basra getöteten Menschen werden am Freitag beerdigt."]),
}  # fmt: skip


def _futures() -> list[str]:
    return [
        f"{s} {e}" for said, events in FUTURE_AFTER_REPORT.values()
        for s, e in itertools.product(said, events)
    ]  # fmt: skip


@pytest.mark.parametrize("text", _futures())
def test_a_future_clauses_date_never_dates_the_toll(text: str) -> None:
    (record,) = run("casualty_report", text, killed=12, **C, evidence=[1]).records
    assert record.date is None


#: Controls: the reported clause's own past date still dates the toll.
PAST_AFTER_REPORT = [
    "Officials said on Monday that 12 people were killed in Basra on Sunday.",
    "The army stated today that a car bomb killed 12 people in Basra on Sunday.",
    "La policía informó el lunes que 12 personas murieron en Basora el domingo.",
    "La police a indiqué lundi que 12 personnes ont été tuées à Bassora dimanche.",
]


@pytest.mark.parametrize("text", PAST_AFTER_REPORT)
def test_a_past_date_after_the_report_still_dates_the_toll(text: str) -> None:
    (record,) = run("casualty_report", text, killed=12, **C, evidence=[1]).records
    assert record.date is not None and record.date.value == "2025-03-09"


#: A passive verb of speech reports the event itself: its day dates the toll.
PASSIVE_REPORTS = [
    "Twelve deaths were reported on Monday in Basra after a car bomb exploded.",
    "Twelve casualties were reported today in Basra after a car bomb exploded.",
    "12 deaths were announced on Monday in Basra after a car bomb exploded.",
]


@pytest.mark.parametrize("text", PASSIVE_REPORTS)
def test_a_passive_report_dates_the_toll(text: str) -> None:
    (record,) = run("casualty_report", text, killed=12, **C, evidence=[1]).records
    assert record.date is not None
