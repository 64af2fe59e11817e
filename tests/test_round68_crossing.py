"""Round 68: only the thing that moves, and its own way, can take a movement across a border.

Round 67 left a movement's end's state open when the way is by air or sea or names
another state, but it read the whole text: "Russian jets struck a bus travelling to
{city}" (the jets are the attacker, not the vehicle), "..., the president said in Paris",
"including two citizens of Turkey" or "Washington condemned the attack" lost the city's
state. ACLED codes where the harm happened: the vehicle the movement is said of, the
places on its path ("from Baku", "aus Minsk") and where its own clause puts the harm
("crashed in Kazakhstan") tell the way; an attacker's aircraft, a speaker's city,
victims' citizenship and a reacting government do not.

Each sentence is written for this test and generated over attackers, vehicles, asides,
cities and five languages (en, de, es, fr, ru).
"""

from __future__ import annotations

from itertools import product

import pytest
from roles_support import run
from test_round67_period_moving import _draft

from extractor.text.places import movement_crosses_border, movement_ends

#: Per language, the cities as the language writes them after its movement preposition,
#: and their state.
CITIES: dict[str, list[tuple[str, str]]] = {
    "en": [("Kharkiv", "UKR"), ("Aleppo", "SYR"), ("Mosul", "IRQ")],
    "de": [("Charkiw", "UKR"), ("Aleppo", "SYR"), ("Mossul", "IRQ")],
    "es": [("Járkov", "UKR"), ("Alepo", "SYR"), ("Mosul", "IRQ")],
    "fr": [("Kharkiv", "UKR"), ("Alep", "SYR"), ("Mossoul", "IRQ")],
    "ru": [("Харьков", "UKR"), ("Алеппо", "SYR"), ("Мосул", "IRQ")],
}
#: Per language: attackers by air (never the vehicle), land vehicles, asides naming another
#: state off the way, and the toll sentence of a land vehicle travelling to {c}.
INSIDE: dict[str, dict[str, list[str]]] = {
    "en": {
        "att": ["Russian jets", "Enemy planes", "A drone flying low", "A helicopter gunship"],
        "veh": ["bus", "minibus"],
        "aside": ["", ", the president said in Paris", ", including two citizens of Turkey",
                  "; Washington condemned the attack", ", officials in Ankara said"],
        "t": ["{att} struck a {veh} travelling to {c}, killing nine people{aside}.",
              "A {veh} heading to {c} was hit by {att}, killing nine people{aside}.",
              "{att} with bombs struck a {veh} carrying aid travelling to {c}, killing nine{aside}.",
              "The {veh}, which was travelling to {c}, was hit by {att}, killing nine{aside}."],
    },
    "de": {
        "att": ["Russische Kampfjets", "Feindliche Flugzeuge", "Ein Hubschrauber"],
        "veh": ["Bus", "Zug"],
        "aside": ["", ", sagte der Präsident in Paris", ", darunter zwei Bürger der Türkei",
                  "; Washington verurteilte den Angriff"],
        "t": ["{att} trafen einen {veh}, der nach {c} fuhr, neun Menschen starben{aside}."],
    },
    "es": {
        "att": ["Aviones rusos", "Helicópteros enemigos", "Un dron"],
        "veh": ["autobús", "tren"],
        "aside": ["", ", dijo el presidente en París", ", entre ellos dos ciudadanos de Turquía",
                  "; Washington condenó el ataque"],
        "t": ["{att} atacaron un {veh} que viajaba hacia {c}, y murieron nueve personas{aside}."],
    },
    "fr": {
        "att": ["Des avions russes", "Des hélicoptères ennemis", "Un drone"],
        "veh": ["bus", "train"],
        "aside": ["", ", a déclaré le président à Paris", ", dont deux citoyens de Turquie",
                  "; Washington a condamné l'attaque"],
        "t": ["{att} ont frappé un {veh} qui se rendait à {c}, tuant neuf personnes{aside}."],
    },
    "ru": {
        "att": ["Российские самолёты", "Вражеские вертолёты", "Беспилотник"],
        "veh": ["автобусу", "поезду"],
        "aside": ["", ", заявил президент в Париже", ", в том числе двое граждан Турции",
                  "; Вашингтон осудил нападение"],
        "t": ["{att} нанесли удар по {veh}, следовавшему в {c}, погибли девять человек{aside}."],
    },
}  # fmt: skip
#: Per language, a movement whose own way leaves the state: a vehicle by air or sea, a
#: place of another state on its path, or its harm placed in another state.
CROSSING: dict[str, list[str]] = {
    "en": ["A plane flying to {c} crashed, killing nine people.",
           "A cargo plane travelling to {c} went down, killing nine people.",
           "A ferry heading to {c} capsized, killing nine people, the president said.",
           "A boat that was travelling to {c} sank, killing nine migrants.",
           "A bus travelling to {c} from Baku was ambushed, killing nine people.",
           "A bus travelling to {c} via Istanbul was hit, killing nine people.",
           "A convoy heading to {c} was attacked in Kazakhstan, killing nine people.",
           "A truck heading to {c} was hit near the border with Turkey, killing nine people.",
           "A flight to {c} crashed in Kazakhstan, killing nine people.",
           "A plane carrying 60 passengers travelling to {c} crashed, killing nine people.",
           "The bus, which was travelling to {c}, was attacked in Kazakhstan, killing nine."],
    "de": ["Ein Flugzeug auf dem Weg nach {c} stürzte ab, neun Menschen starben.",
           "Ein Schiff, das nach {c} fuhr, sank, neun Menschen starben.",
           "Ein Bus aus Istanbul, der nach {c} fuhr, wurde getroffen, neun Menschen starben.",
           "Ein aus {c} kommendes Boot kenterte, neun Menschen starben.",
           "Der Zug, der nach {c} fuhr, wurde in der Türkei getroffen, neun Menschen starben."],
    "es": ["Un avión que viajaba hacia {c} se estrelló y murieron nueve personas.",
           "Un barco que viajaba hacia {c} naufragó y murieron nueve personas.",
           "Un autobús que viajaba hacia {c} desde Bakú fue atacado y murieron nueve.",
           "Un autobús que viajaba hacia {c} fue atacado en Turquía y murieron nueve."],
    "fr": ["Un avion qui se rendait à {c} s'est écrasé, tuant neuf personnes.",
           "Un bateau qui se rendait à {c} a chaviré, tuant neuf personnes.",
           "Un bus qui se rendait à {c} depuis Istanbul a été attaqué, tuant neuf personnes.",
           "Un bus qui se rendait à {c} a été attaqué en Turquie, tuant neuf personnes."],
    "ru": ["Самолёт, следовавший в {c}, разбился, погибли девять человек.",
           "Судно, следовавшее в {c}, затонуло, погибли девять человек.",
           "Автобус, следовавший в {c} из Азербайджана, был обстрелян, погибли девять человек.",
           "Автобус, следовавший в {c}, был обстрелян в Турции, погибли девять человек."],
}  # fmt: skip


def _inside() -> list[tuple[str, str, str, str]]:
    cases = []
    for language, parts in INSIDE.items():
        for template, att, veh, aside in product(
            parts["t"], parts["att"], parts["veh"], parts["aside"]
        ):
            for city, code in CITIES[language]:
                text = template.format(att=att, veh=veh, c=city, aside=aside)
                cases.append((language, text[0].upper() + text[1:], city, code))
    return cases


def _crossing() -> list[tuple[str, str, str, str]]:
    return [
        (language, template.format(c=city), city, code)
        for language, templates in CROSSING.items()
        for template, (city, code) in product(templates, CITIES[language])
    ]


@pytest.mark.parametrize(("language", "text", "city", "code"), _inside())
def test_what_does_not_move_opens_no_border(language: str, text: str, city: str, code: str) -> None:
    """Fails on main: 738/768 (every attacker by air, every aside naming a state)."""
    assert city in [text[a:b] for a, b in movement_ends(text, language)], text
    assert not movement_crosses_border(city, text, language), text


@pytest.mark.parametrize(("language", "text", "city", "code"), _crossing())
def test_the_vehicle_and_its_way_open_the_border(
    language: str, text: str, city: str, code: str
) -> None:
    """Round 67's class, held (passes on main too)."""
    assert movement_crosses_border(city, text, language), text


#: End to end, one city per template in English: the record keeps or loses the state.
E2E_INSIDE = [case for case in _inside() if case[0] == "en" and case[2] == "Kharkiv"][::7]
E2E_CROSSING = [case for case in _crossing() if case[0] == "en" and case[2] == "Aleppo"]


@pytest.mark.parametrize(("language", "text", "city", "code"), E2E_INSIDE)
def test_a_record_keeps_the_state_of_a_land_way(
    language: str, text: str, city: str, code: str
) -> None:
    """Fails on main: 23/23 lose the state."""
    (record,) = run("casualty_report", text, **_draft(city, code)).records
    assert record.country == code, text


@pytest.mark.parametrize(("language", "text", "city", "code"), E2E_CROSSING)
def test_a_record_leaves_the_state_of_a_way_across_open(
    language: str, text: str, city: str, code: str
) -> None:
    for record in run("casualty_report", text, **_draft(city, code)).records:
        assert record.country != code, text
