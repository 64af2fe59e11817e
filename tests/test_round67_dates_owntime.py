"""Round 67, dates (1): a visit's or meeting's frame of "during" that writes a time of its
own ("lors de sa visite en janvier", "durante su visita del mes pasado", "bei seinem
Besuch im Januar", "во время визита в январе", "durante a visita de março", "during
his visit two weeks ago") sets no speech at the event, in every language dates are read
in: what a time expression is is known in one place (:func:`extractor.text.dates.writes_time`),
not in an English-only pattern beside it. Near misses: the same frames without a time of
their own still date the event by the speech's day (round 66)."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

#: roles_support's publication date is 2025-03-12 (a Wednesday): "Monday" is the 10th.
MONDAY = "2025-03-10"

#: Per language: frames of "during" ({city}, {time}), the time expressions, the cities,
#: and the speech (a speaker, a verb of speech right before Monday, what was said).
FRAMES = {
    "en": (["During his visit to {city} {time},", "On his trip to {city} {time},",
            "During talks in {city} {time},"],
           ["in January", "last month", "two weeks ago", "in 2024", "last year"],
           ["Kyiv", "Warsaw"],
           "German Chancellor Olaf Scholz said on Monday that aid would grow."),
    "es": (["Durante su visita a {city} {time},", "En su viaje a {city} {time},",
            "Durante su reunión en {city} {time},"],
           ["en enero", "del mes pasado", "hace dos semanas", "de 2024", "el año pasado"],
           ["Kiev", "Varsovia"],
           "el canciller alemán Olaf Scholz dijo el lunes que la ayuda crecerá."),
    "fr": (["Lors de sa visite à {city} {time},", "Pendant sa visite à {city} {time},",
            "Lors de son entretien à {city} {time},"],
           ["en janvier", "le mois dernier", "il y a deux semaines", "en 2024"],
           ["Kiev", "Varsovie"],
           "le chancelier allemand Olaf Scholz a déclaré lundi que l'aide augmentera."),
    "de": (["Bei seinem Besuch in {city} {time}", "Während seines Besuchs in {city} {time}"],
           ["im Januar", "letzten Monat", "vor zwei Wochen", "im Jahr 2024"],
           ["Kiew", "Warschau"],
           "erklärte am Montag der deutsche Bundeskanzler Olaf Scholz, die Hilfe werde wachsen."),
    "de-v2": (["Bei seinem Besuch in {city} {time}", "Während seines Besuchs in {city} {time}"],
              ["im Januar", "vor zwei Wochen"],
              ["Kiew"],
              "sagte der deutsche Bundeskanzler Olaf Scholz am Montag, die Hilfe werde wachsen."),
    "ru": (["Во время визита в {city} {time},", "В ходе визита в {city} {time},"],
           ["в январе", "в прошлом месяце", "две недели назад", "в 2024 году"],
           ["Киев", "Варшаву"],
           "канцлер Германии Олаф Шольц заявил в понедельник, что помощь вырастет."),
    "pt": (["Durante a visita a {city} {time},", "Durante sua visita a {city} {time},"],
           ["em março", "no mês passado", "há duas semanas", "de 2024"],
           ["Kiev"],
           "o chanceler alemão Olaf Scholz disse na segunda-feira que a ajuda vai crescer."),
}  # fmt: skip
HOST = {"Kyiv": "UKR", "Kiev": "UKR", "Kiew": "UKR", "Киев": "UKR", "Warsaw": "POL",
        "Varsovia": "POL", "Varsovie": "POL", "Warschau": "POL", "Варшаву": "POL"}  # fmt: skip


def _texts(timed: bool) -> list[tuple[str, str]]:
    """(text, host) for every frame x time x city of every language; ``timed`` False:
    the same frames without a time of their own (the near misses)."""
    cases = []
    for frames, times, cities, speech in FRAMES.values():
        for frame, time, city in itertools.product(frames, times if timed else [""], cities):
            opening = frame.format(city=city, time=time).replace(" ,", ",").replace("  ", " ")
            cases.append((f"{opening.rstrip()} {speech}", HOST[city]))
    return cases


def starts(text: str, host: str) -> list[str | None]:
    """The start days of a right draft of Scholz's visit to ``host`` over ``text``."""
    name = "Олаф Шольц" if "Шольц" in text else "Olaf Scholz"
    result = run(
        "visit", text, visitors=[{"name": name, "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[], host_country=host, place=None, date=None,
        end_date=None, purpose=None, status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    return [r.start.value if r.start else None for r in result.records]


TIMED = _texts(timed=True)
UNTIMED = _texts(timed=False)


@pytest.mark.parametrize(("text", "host"), TIMED)
def test_a_frame_with_its_own_time_does_not_take_the_speechs_day(text: str, host: str) -> None:
    found = starts(text, host)
    assert found and MONDAY not in found


@pytest.mark.parametrize(("text", "host"), UNTIMED)
def test_a_frame_without_a_time_still_takes_the_speechs_day(text: str, host: str) -> None:
    assert starts(text, host) == [MONDAY]


#: The reader itself: frames with a time of their own, and near misses with none (a sea,
#: "vor" before a visit, a frame's bare place, a name).
WRITES_TIME = [
    ("zh", "在1月访问期间"), ("zh", "上个月访问期间"), ("zh", "两周前访问期间"),
    ("pt", "durante a visita de março"), ("pt", "durante sua visita há duas semanas"),
    ("es", "durante su visita hace dos semanas"), ("fr", "lors de sa visite le mois dernier"),
    ("de", "bei seinem Besuch letzte Woche"), ("ru", "во время визита две недели назад"),
    ("en", "on his visit a fortnight ago"), ("en", "on his first visit since 2019"),
]  # fmt: skip
NO_TIME = [
    ("es", "Durante su visita al Mar Negro"), ("de", "Vor seinem Besuch in Kiew"),
    ("de", "Bei seinem Besuch im Kanzleramt"), ("zh", "在访问期间"), ("zh", "访问前"),
    ("ru", "Во время визита в Киев"), ("fr", "Lors de sa visite à Marseille"),
    ("en", "During his visit to May's office"), ("en", "During his visit to the 20 schools"),
    ("pt", "Durante a visita a Lisboa"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text"), WRITES_TIME)
def test_a_time_expression_is_read_in_its_language(language: str, text: str) -> None:
    from extractor.text.dates import writes_time

    assert writes_time(text, language)


@pytest.mark.parametrize(("language", "text"), NO_TIME)
def test_a_frame_without_a_time_writes_none(language: str, text: str) -> None:
    from extractor.text.dates import writes_time

    assert not writes_time(text, language)
