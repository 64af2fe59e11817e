"""Round 66, datefix: two regressions of round 66's report dates.

1. Past a report's date, a modal or negation cancels a later date only on the verb that
   governs it: one in an aside or relative about someone ("Scholz, who would not confirm
   the trip, visited Kyiv on Friday") or in another conjunct ("did not stay long but
   visited Kyiv on Friday") leaves the event's date.
2. A visit or meeting word before a verb of speech sets the speech at the event only when
   its phrase puts the speech during it ("Visiting Kyiv,", "During his visit"); a phrase
   headed by after/before/since/ahead of/following/tras/après/nach/после ("After visiting
   Kyiv in January, X said on Monday") dates no event on the speech's day.
"""

from __future__ import annotations

import itertools

import pytest
from roles_support import run
from test_round66_reportdate import meeting

#: roles_support's publication date is 2025-03-12 (a Wednesday).
MONDAY, FRIDAY = "2025-03-10", "2025-03-07"

REPORTS = {
    "en": ["The ministry said on Monday that", "Officials announced on Monday that"],
    "es": ["El ministerio dijo el lunes que", "El gobierno anunció el lunes que"],
    "fr": ["Le ministère a annoncé lundi que", "Des responsables ont indiqué lundi que"],
}
SUBJECT = {
    "en": "German Chancellor Olaf Scholz",
    "es": "el canciller alemán Olaf Scholz",
    "fr": "le chancelier allemand Olaf Scholz",
}
#: Asides or conjuncts with a modal or negation of another verb, then the dated visit.
ASIDES = {
    "en": [", who would not confirm the trip in advance, visited Kyiv on Friday.",
           ", who had never been to Ukraine, visited Kyiv on Friday.",
           ", who will stand for re-election, visited Kyiv on Friday.",
           ", not seen in public for weeks, visited Kyiv on Friday.",
           " did not stay long but visited Kyiv on Friday.",
           " would not comment on aid after he visited Kyiv on Friday."],
    "es": [", que no quiso confirmar el viaje, visitó Kiev el viernes.",
           ", que nunca había estado en Ucrania, visitó Kiev el viernes.",
           " no se quedó mucho pero visitó Kiev el viernes."],
    "fr": [", qui n'avait jamais été en Ukraine, a visité Kiev vendredi.",
           ", qui ne voulait pas confirmer le voyage, a visité Kiev vendredi.",
           " n'est pas resté longtemps mais a visité Kiev vendredi."],
}  # fmt: skip
#: Near misses: the modal or negation is on the date's own verb.
GOVERNED = {
    "en": [" would visit Kyiv on Friday.", " will travel to Kyiv on Friday.",
           ", who attended the summit, would visit Kyiv on Friday."],
    "es": [" visitará Kiev el viernes.", ", que asistió a la cumbre, visitará Kiev el viernes."],
    "fr": [" visitera Kiev vendredi.", ", qui a assisté au sommet, se rendra à Kiev vendredi."],
}  # fmt: skip


def _visit(text: str) -> object:
    return run(
        "visit", text, visitors=[{"name": "Olaf Scholz", "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[], host_country="UKR", place=None, date=None,
        end_date=None, purpose=None, status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip


def _grid(table: dict[str, list[str]]) -> list[str]:
    return [
        f"{said} {SUBJECT[lang]}{rest}"
        for lang, rests in table.items()
        for said, rest in itertools.product(REPORTS[lang], rests)
    ]


def _starts(text: str) -> list[str | None]:
    return [r.start.value if r.start else None for r in _visit(text).records]


@pytest.mark.parametrize("text", _grid(ASIDES))
def test_a_modal_of_another_verb_keeps_the_events_date(text: str) -> None:
    assert _starts(text) == [FRIDAY]


@pytest.mark.parametrize("text", _grid(GOVERNED))
def test_a_modal_on_the_dates_verb_still_cancels_it(text: str) -> None:
    assert FRIDAY not in _starts(text)


#: Frames that put the visit before or after the speech (en/es/fr/de/ru).
NOT_DURING = {
    "en": (["After visiting {city},", "Back from his visit to {city},", "Since his visit to {city},",
            "Weeks after his visit to {city},", "Ahead of his visit to {city},",
            "Before his trip to {city},", "Following his trip to {city},",
            "Recalling his visit to {city},", "Asked about his visit to {city},",
            "Preparing for a visit to {city},"],
           "German Chancellor Olaf Scholz said on Monday that Ukraine would get more help."),
    "es": (["Tras su visita a {city},", "Después de su visita a {city},",
            "Antes de su viaje a {city},"],
           "el canciller alemán Olaf Scholz dijo el lunes que Ucrania recibiría más ayuda."),
    "fr": (["Après sa visite à {city},", "Avant sa visite à {city},", "De retour de sa visite à {city},"],
           "le chancelier allemand Olaf Scholz a déclaré lundi que l'Ukraine recevrait plus d'aide."),
    "de": (["Nach seinem Besuch in {city}", "Vor seinem Besuch in {city}"],
           "sagte Bundeskanzler Olaf Scholz am Montag, die Ukraine werde mehr Hilfe bekommen."),
}  # fmt: skip
CITIES = {"en": ["Kyiv", "Lviv"], "es": ["Kiev", "Leópolis"], "fr": ["Kiev", "Lviv"],
          "de": ["Kiew", "Lwiw"]}  # fmt: skip


def _framed() -> list[str]:
    return [
        f"{frame.format(city=city)} {speech}"
        for lang, (frames, speech) in NOT_DURING.items()
        for frame, city in itertools.product(frames, CITIES[lang])
    ]


@pytest.mark.parametrize("text", _framed())
def test_a_speech_before_or_after_a_visit_does_not_date_it(text: str) -> None:
    assert MONDAY not in _starts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Speaking during his visit to Kyiv, German Chancellor Olaf Scholz said on Monday"
        " that Ukraine would get more help.",
        "German Chancellor Olaf Scholz, visiting Kyiv, said on Monday that Ukraine would"
        " get more help.",
        "On his visit to Kyiv, German Chancellor Olaf Scholz told reporters on Monday that"
        " Ukraine would get more help.",
    ],
)
def test_a_speech_during_a_visit_still_dates_it(text: str) -> None:
    assert _starts(text) == [MONDAY]


MEETINGS_AFTER = [
    "Following their meeting in Paris last month, French President Emmanuel Macron and"
    " German Chancellor Olaf Scholz announced on Monday a joint plan.",
    "After talks in Berlin, French President Emmanuel Macron and German Chancellor Olaf"
    " Scholz announced on Monday a joint plan.",
    "Tras reunirse en Madrid, el presidente francés Emmanuel Macron y el canciller alemán"
    " Olaf Scholz dijeron el lunes que apoyan un plan conjunto.",
    "Après un entretien à Paris, le président français Emmanuel Macron et le chancelier"
    " allemand Olaf Scholz ont annoncé lundi un plan commun.",
    "Ahead of their meeting in Berlin, French President Emmanuel Macron and German"
    " Chancellor Olaf Scholz said on Monday they back a joint plan.",
]


@pytest.mark.parametrize("text", MEETINGS_AFTER)
def test_a_speech_after_talks_does_not_date_the_meeting(text: str) -> None:
    result = meeting(text)
    assert all(r.date is None or r.date.value != MONDAY for r in result.records)


#: A frame of the event that gives its own time: the speech's day is not the event's.
OWN_TIME_FRAMES = [
    "During his visit to {city} in January,",
    "On his 2024 visit to {city},",
    "During his visit to {city} last month,",
    "Visiting {city} two weeks ago,",
]
SPEECHES = [
    "German Chancellor Olaf Scholz said on Monday that Ukraine would get more help.",
    "German Chancellor Olaf Scholz announced on Monday that Ukraine would get more help.",
]


@pytest.mark.parametrize(
    "text",
    [
        f"{frame.format(city=city)} {speech}"
        for frame, city, speech in itertools.product(OWN_TIME_FRAMES, ["Kyiv", "Lviv"], SPEECHES)
    ],
)
def test_a_frames_own_time_wins_over_the_speechs_day(text: str) -> None:
    assert MONDAY not in _starts(text)
