"""Round 70 (casualty): a vehicle's route does not beat the place of its harm. ACLED and
UCDP code an event where the harm happened; a bus's, train's, plane's or ship's origin,
destination or route only locates it when no place of the harm is given. "A train
travelling from Poland to Ukraine derailed in Poland" happened in Poland whatever the
model drafted. Generated: vehicles x their accidents x routes x states x five languages
(en, es, fr, de, ru); the drafted country is an end of the route, the harm's place
another state. Near misses: the drafted country is the harm's own; no harm place given
(the route's state stays as before)."""

from __future__ import annotations

from itertools import product

import pytest
from roles_support import run

from extractor.text.places import movement_ends

#: Per language, per state: its name after "from", after "to", after "in", and bare.
STATES: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "en": {"POL": ("from Poland", "to Poland", "in Poland", "Poland"),
           "UKR": ("from Ukraine", "to Ukraine", "in Ukraine", "Ukraine"),
           "KEN": ("from Kenya", "to Kenya", "in Kenya", "Kenya"),
           "UGA": ("from Uganda", "to Uganda", "in Uganda", "Uganda"),
           "ROU": ("from Romania", "to Romania", "in Romania", "Romania"),
           "HUN": ("from Hungary", "to Hungary", "in Hungary", "Hungary")},
    "es": {"POL": ("desde Polonia", "a Polonia", "en Polonia", "Polonia"),
           "UKR": ("desde Ucrania", "a Ucrania", "en Ucrania", "Ucrania"),
           "KEN": ("desde Kenia", "a Kenia", "en Kenia", "Kenia"),
           "UGA": ("desde Uganda", "a Uganda", "en Uganda", "Uganda"),
           "ROU": ("desde Rumania", "a Rumania", "en Rumania", "Rumania"),
           "HUN": ("desde Hungría", "a Hungría", "en Hungría", "Hungría")},
    "fr": {"POL": ("de Pologne", "vers la Pologne", "en Pologne", "la Pologne"),
           "UKR": ("d'Ukraine", "vers l'Ukraine", "en Ukraine", "l'Ukraine"),
           "KEN": ("du Kenya", "vers le Kenya", "au Kenya", "le Kenya"),
           "UGA": ("d'Ouganda", "vers l'Ouganda", "en Ouganda", "l'Ouganda"),
           "ROU": ("de Roumanie", "vers la Roumanie", "en Roumanie", "la Roumanie"),
           "HUN": ("de Hongrie", "vers la Hongrie", "en Hongrie", "la Hongrie")},
    "de": {"POL": ("von Polen", "nach Polen", "in Polen", "Polen"),
           "UKR": ("von der Ukraine", "in die Ukraine", "in der Ukraine", "die Ukraine"),
           "KEN": ("von Kenia", "nach Kenia", "in Kenia", "Kenia"),
           "UGA": ("von Uganda", "nach Uganda", "in Uganda", "Uganda"),
           "ROU": ("von Rumänien", "nach Rumänien", "in Rumänien", "Rumänien"),
           "HUN": ("von Ungarn", "nach Ungarn", "in Ungarn", "Ungarn")},
    "ru": {"POL": ("из Польши", "в Польшу", "в Польше", "Польша"),
           "UKR": ("из Украины", "в Украину", "в Украине", "Украина"),
           "KEN": ("из Кении", "в Кению", "в Кении", "Кения"),
           "UGA": ("из Уганды", "в Уганду", "в Уганде", "Уганда"),
           "ROU": ("из Румынии", "в Румынию", "в Румынии", "Румыния"),
           "HUN": ("из Венгрии", "в Венгрию", "в Венгрии", "Венгрия")},
}  # fmt: skip
#: (origin, destination, the state where the harm happened).
TRIPS = [("POL", "UKR", "POL"), ("POL", "UKR", "UKR"), ("KEN", "UGA", "KEN"),
         ("KEN", "UGA", "UGA"), ("ROU", "HUN", "ROU"), ("ROU", "HUN", "HUN")]  # fmt: skip
#: Per language: (vehicle, its accident) pairs; routes ({a}: "from A", {b}: "to B", {B}:
#: B bare); the sentence ({v} vehicle, {r} route, {x} accident, {h} "in H").
LANGUAGES: dict[str, dict[str, list]] = {
    "en": {
        "veh": [("train", "derailed"), ("bus", "overturned"), ("bus", "was attacked"),
                ("plane", "crashed"), ("ferry", "capsized"), ("convoy", "was ambushed")],
        "route": ["travelling {a} {b}", "en route {b}", "bound for {B}", "heading {b}",
                  "on its way {a} {b}", "{a} {b}", "en route {a} {b}"],
        "t": ["A {v} {r} {x} {h} on Monday, killing five people.",
              "The {v}, which was {r}, {x} {h}, and five people died."],
    },
    "es": {
        "veh": [("tren", "descarriló"), ("autobús", "volcó"), ("autobús", "fue atacado"),
                ("avión", "se estrelló"), ("ferry", "naufragó"), ("convoy", "fue emboscado")],
        "route": ["que viajaba {a} {b}", "con destino {b}", "rumbo {b}", "que se dirigía {b}",
                  "en ruta {a} {b}", "{a} {b}"],
        "t": ["Un {v} {r} {x} {h} el lunes y murieron cinco personas."],
    },
    "fr": {
        "veh": [("train", "a déraillé"), ("bus", "s'est renversé"), ("bus", "a été attaqué"),
                ("avion", "s'est écrasé"), ("ferry", "a chaviré"), ("convoi", "a été pris en embuscade")],
        "route": ["en route {b}", "à destination de {B}", "qui se rendait {b}", "venant {a} {b}",
                  "en provenance {a}"],
        "t": ["Un {v} {r} {x} {h} lundi, tuant cinq personnes."],
    },
    "de": {
        "veh": [("Zug", "entgleiste"), ("Bus", "verunglückte"), ("Bus", "wurde angegriffen"),
                ("Flugzeug", "stürzte"), ("Fähre", "kenterte"), ("Konvoi", "wurde überfallen")],
        "route": ["auf dem Weg {a} {b}", "auf dem Weg {b}", "{a} {b}", "unterwegs {b}"],
        "t": ["Ein {v} {r} {x} am Montag {h}, fünf Menschen starben."],
    },
    "ru": {
        "veh": [("Поезд", "сошёл с рельсов"), ("Автобус", "перевернулся"),
                ("Автобус", "был атакован"), ("Самолёт", "разбился"), ("Паром", "затонул")],
        "route": [", следовавший {a} {b},", ", направлявшийся {b},", " {a} {b}",
                  ", шедший {b},", " на пути {b}"],
        "t": ["{v}{r} {x} {h} в понедельник, погибли пять человек."],
    },
}  # fmt: skip


def _sentences() -> list[tuple[str, str, tuple[str, ...], str]]:
    """(language, sentence, the states its route names, the harm's state)."""
    out = []
    for language, parts in LANGUAGES.items():
        names = STATES[language]
        for (veh, accident), route, template, (a, b, h) in product(
            parts["veh"], parts["route"], parts["t"], TRIPS
        ):
            ends = (a, b) if "{a}" in route else (b,)
            if h not in (a, b) or ("{a}" not in route and h == a):
                continue  # the route names no origin: a harm at home is no gap
            written = route.format(a=names[a][0], b=names[b][1], B=names[b][3])
            text = template.format(v=veh, r=written, x=accident, h=names[h][2])
            out.append((language, text[0].upper() + text[1:], ends, h))
    return out


SENTENCES = _sentences()
#: The drafted country is an end of the route, not where the harm happened.
WRONG = [
    (language, text, drafted, h)
    for language, text, ends, h in SENTENCES
    for drafted in ends
    if drafted != h
]


def _draft(code: str, count: int = 5) -> dict[str, object]:
    return dict(
        killed=count, injured=None, qualifier="exact", victims=None, perpetrator=None,
        country=code, place=None, date=None, scope="event", violence_type=None,
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip


def _country(text: str, code: str) -> str | None:
    """The country of the one record the draft keeps ("dropped" for none)."""
    records = run("casualty_report", text, **_draft(code)).records
    return records[0].country if len(records) == 1 else "dropped"


def test_the_corpus_is_wide() -> None:
    assert len(WRONG) >= 500
    assert len(SENTENCES) >= 800


#: Every other wrong draft and every third sentence end to end (the whole corpus was
#: measured: fails on main 415/600 wrong drafts kept or emptied, 0/897 near misses).
@pytest.mark.parametrize(("language", "text", "drafted", "harm"), WRONG[::2])
def test_the_place_of_the_harm_beats_the_route(
    language: str, text: str, drafted: str, harm: str
) -> None:
    assert _country(text, drafted) == harm, text


@pytest.mark.parametrize(("language", "text", "ends", "harm"), SENTENCES[::3])
def test_the_harm_own_state_is_kept(language: str, text: str, ends: object, harm: str) -> None:
    assert _country(text, harm) == harm, text


#: A route read whole: (language, sentence, the places that are its ends).
ROUTES = [
    ("en", "A train travelling from Warsaw to Kyiv derailed in Poland.", ["Warsaw", "Kyiv"]),
    ("en", "A bus en route from Nairobi to Kampala was attacked in Kenya.", ["Nairobi", "Kampala"]),
    ("en", "A ferry bound for Lesbos capsized off Turkey.", ["Lesbos"]),
    ("en", "A truck on its way to Goma overturned in Rwanda.", ["Goma"]),
    ("es", "Un tren desde Varsovia a Kiev descarriló en Polonia.", ["Varsovia", "Kiev"]),
    ("es", "Un autobús con destino a Kampala volcó en Kenia.", ["Kampala"]),
    ("fr", "Un bus à destination de Kampala a été attaqué au Kenya.", ["Kampala"]),
    ("fr", "Une pirogue partie du Sénégal vers l'Espagne a chaviré.", ["Sénégal", "Espagne"]),
    ("de", "Ein Zug von Warschau nach Kiew entgleiste in Polen.", ["Warschau", "Kiew"]),
    ("ru", "Поезд из Варшавы в Киев сошёл с рельсов в Польше.", ["Варшавы", "Киев"]),
]
#: Near misses: what goes on after a route's end is no route: a place where something is
#: (Russian prepositional), a date, a place of the harm after a verb.
NOT_ROUTES = [
    ("ru", "Автобус из Киева в Польше перевернулся.", "Польше"),
    ("en", "The President will then travel to Ireland from April 12-14.", "April"),
    ("en", "A train travelling to Kyiv derailed in Poland.", "Poland"),
    ("es", "Un tren que viajaba a Kiev descarriló en Polonia.", "Polonia"),
    ("fr", "Un bus venant de Kampala a été attaqué au Kenya.", "Kenya"),
    ("de", "Ein Zug nach Kiew entgleiste in Polen.", "Polen"),
    ("en", "Refugees from Sudan were killed in Chad.", "Chad"),
]


@pytest.mark.parametrize(("language", "text", "ends"), ROUTES)
def test_a_route_is_read_whole(language: str, text: str, ends: list[str]) -> None:
    found = [text[a:b] for a, b in movement_ends(text, language)]
    assert all(end in found for end in ends), (text, found)


@pytest.mark.parametrize(("language", "text", "place"), NOT_ROUTES)
def test_no_route_goes_on_past_its_end(language: str, text: str, place: str) -> None:
    assert place not in [text[a:b] for a, b in movement_ends(text, language)], text


#: Near misses end to end: a movement's end is the harm's place when no other is given
#: ("crossed into Kenya and killed"), and a harm place wins over whose people they were.
KEPT = [
    ("Militants from Somalia crossed into Kenya and killed 5 people on Monday.", "SOM", "KEN"),
    ("Militants from Somalia crossed into Kenya and killed 5 people on Monday.", "KEN", "KEN"),
    ("A bus carrying Kenyan workers crashed in Uganda on Monday, killing 5.", "KEN", "UGA"),
    ("A bus carrying Kenyan workers crashed in Uganda on Monday, killing 5.", "UGA", "UGA"),
]


@pytest.mark.parametrize(("text", "drafted", "want"), KEPT)
def test_the_harm_place_stands(text: str, drafted: str, want: str) -> None:
    assert _country(text, drafted) == want, text
