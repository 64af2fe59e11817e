"""Round 68, frdates (2): a frame of the event apposed to a speech's date shares its day.
"X told reporters in Berlin on Monday, after talks with Y, that ..." or "... on Monday,
during talks with Y, ...": the phrase narrows that Monday, so the talks are Monday's (a
fronted "After talks in Berlin," gives no day: round 66). Near misses: a frame that may
fall on another day ("before talks", "ahead of talks", "a week after talks", "after talks
last week"), a phrase about the talks ("about talks with Y"), and the speech's own medium,
whose noun French and Spanish share with a meeting's ("dans un entretien", "lors d'une
conférence de presse", "en una entrevista"): the speech was made there, not at the event."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

MONDAY = "2025-03-10"  # roles_support publishes on Wednesday 2025-03-12


def meeting_dates(text: str) -> list[str | None]:
    """The dates of a right draft of the Macron-Scholz meeting over ``text``."""
    result = run(
        "meeting", text, participants=[
            {"name": "Emmanuel Macron", "title": None, "country": "FRA"},
            {"name": "Olaf Scholz", "title": None, "country": "DEU"}],
        countries=["FRA", "DEU"], format=None, place=None, date=None, topics=[],
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    return [r.date.value if r.date else None for r in result.records]


EN = "French President Emmanuel Macron"
FR = "Le président français Emmanuel Macron"
ES = "El presidente francés Emmanuel Macron"
DE = "Der französische Präsident Emmanuel Macron"
SPEECHES = {
    "en": ([f"{EN} told reporters in Berlin on Monday", f"{EN} said in Berlin on Monday",
            f"{EN} told German reporters on Monday", f"{EN} said at a news conference in Berlin on Monday"],
           ["after talks with Olaf Scholz", "during talks with Olaf Scholz", "after meeting Olaf Scholz",
            "at a meeting with Olaf Scholz", "following talks with Olaf Scholz"],
           "that they back a plan."),
    "fr": ([f"{FR} a déclaré à Berlin lundi", f"{FR} a indiqué aux journalistes à Berlin lundi"],
           ["après un entretien avec Olaf Scholz", "lors d'une rencontre avec Olaf Scholz",
            "après sa rencontre avec Olaf Scholz"],
           "que la France soutient le plan."),
    "es": ([f"{ES} dijo en Berlín el lunes", f"{ES} dijo a los periodistas en Berlín el lunes"],
           ["tras reunirse con Olaf Scholz", "después de reunirse con Olaf Scholz",
            "durante su reunión con Olaf Scholz"],
           "que Francia apoya el plan."),
    "de": ([f"{DE} sagte in Berlin am Montag"],
           ["nach Gesprächen mit Olaf Scholz", "nach seinem Treffen mit Olaf Scholz",
            "bei einem Treffen mit Olaf Scholz"],
           "Frankreich unterstütze den Plan."),
}  # fmt: skip


def _framed(commas: bool) -> list[str]:
    return [
        f"{speech}, {frame}, {clause}" if commas else f"{speech} {frame} {clause}"
        for speeches, frames, clause in SPEECHES.values()
        for speech, frame in itertools.product(speeches, frames)
    ]


#: The place between the date and the frame, no comma ("am Montag in Berlin nach Gesprächen").
PLACE_FIRST = [
    f"{DE} sagte am Montag in Berlin nach Gesprächen mit Olaf Scholz, Frankreich unterstütze den Plan.",
    f"{EN} told reporters on Monday in Berlin after talks with Olaf Scholz that they back a plan.",
]


@pytest.mark.parametrize("text", _framed(True) + _framed(False)[:10] + PLACE_FIRST)
def test_a_frame_apposed_to_the_speechs_date_dates_the_meeting(text: str) -> None:
    # fails on main: every one of these (the meeting was left undated)
    assert meeting_dates(text) == [MONDAY]


NOT_THAT_DAY = [
    f"{EN} {speech}, {frame}, that they back a plan."
    for speech, frame in itertools.product(
        ["told reporters in Berlin on Monday", "said in Berlin on Monday"],
        ["before talks with Olaf Scholz", "ahead of talks with Olaf Scholz",
         "a week after talks with Olaf Scholz", "after talks with Olaf Scholz last week",
         "in a statement about talks with Olaf Scholz"])
] + [
    f"{EN} told reporters on Monday in Berlin about talks with Olaf Scholz that they back a plan.",
    f"{FR} a déclaré à Berlin lundi, avant un entretien avec Olaf Scholz, que la France soutient le plan.",
    f"{ES} dijo en Berlín el lunes, antes de reunirse con Olaf Scholz, que Francia apoya el plan.",
]  # fmt: skip


@pytest.mark.parametrize("text", NOT_THAT_DAY)
def test_a_frame_of_another_day_does_not_date_the_meeting(text: str) -> None:
    assert MONDAY not in meeting_dates(text)


#: The speech's own medium, before or after its date: the talks are not dated by it.
MEDIUM = [
    f"{FR} a déclaré lors d'une conférence de presse à Berlin lundi que l'entretien avec Olaf Scholz a été utile.",
    f"{FR} a déclaré dans un entretien à Berlin lundi que la rencontre avec Olaf Scholz a été utile.",
    f"{FR} a déclaré à Berlin lundi lors d'une conférence de presse que l'entretien avec Olaf Scholz a été utile.",
    f"{ES} dijo en una entrevista en Berlín el lunes que la reunión con Olaf Scholz fue útil.",
    f"{ES} dijo en Berlín el lunes en una conferencia de prensa que la reunión con Olaf Scholz fue útil.",
    f"{DE} sagte in einem Interview am Montag in Berlin, das Treffen mit Olaf Scholz sei nützlich gewesen.",
]  # fmt: skip


@pytest.mark.parametrize("text", MEDIUM)
def test_the_speechs_medium_is_not_the_meeting(text: str) -> None:
    assert MONDAY not in meeting_dates(text)


def test_a_meeting_with_someone_named_by_the_same_noun_still_frames_the_speech() -> None:
    text = f"{FR} a déclaré à Berlin lundi, lors d'un entretien avec Olaf Scholz, que la France soutient le plan."
    assert meeting_dates(text) == [MONDAY]
