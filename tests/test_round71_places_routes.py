"""Round 71, places: the words of an origin start a route in Spanish, Portuguese and
Italian as "from" does in English.

ACLED and UCDP code an event where the harm happened; the place a boat or convoy came from
is its route's start, no venue of the harm ("A boat from Libya capsized off Italy").
movement_ends read English "from", Spanish "procedente de", French "en provenance de",
but not Spanish "con origen en", "zarpó de", Portuguese "proveniente da", "com origem em",
"partiu de", nor Italian "proveniente dalla", "partita dalla", "salpato da": the origin
read as where the harm was. Generated: vehicles x origin words x places x languages, with
the route going on to its other end ("... hacia Italia", "... verso l'Italia"). Near
misses: "partido de", "partito di" (a party's), a harm place after "en", "na", "a".
"""

from __future__ import annotations

import itertools

import pytest

from extractor.text.places import movement_ends

#: Per language: vehicles, origin words (each written with the contracted article the
#: place takes: {o} the place), the route's other end ({d}), and the accident.
LANGUAGES: dict[str, dict[str, list[str]]] = {
    "es": {
        "veh": ["Un barco", "Una patera", "Un convoy", "Un autobús"],
        "from": ["procedente de {o}", "proveniente de {o}", "con origen en {o}",
                 "que zarpó de {o}", "que partió de {o}"],
        "to": ["", " hacia {d}", " con destino a {d}", " rumbo a {d}"],
        "harm": ["naufragó el lunes y murieron 12 personas.", "fue atacado y murieron 12 personas."],
    },
    "pt": {
        "veh": ["Um barco", "Uma embarcação", "Um comboio", "Um ônibus"],
        "from": ["proveniente {da}", "procedente {da}", "com origem em {o}", "que partiu {da}",
                 "que zarpou {da}"],
        "to": ["", " rumo a {d}", " com destino a {d}"],
        "harm": ["naufragou na segunda-feira e 12 pessoas morreram.", "foi atacado e 12 pessoas morreram."],
    },
    "it": {
        "veh": ["Una barca", "Un barcone", "Un convoglio", "Un autobus"],
        "from": ["proveniente {dalla}", "partita {dalla}", "salpato {dalla}", "con origine in {o}"],
        "to": ["", " verso {la}", " diretta {alla}"],
        "harm": ["si è capovolta lunedì e 12 persone sono morte.", "è stato attaccato e 12 persone sono morte."],
    },
    "en": {
        "veh": ["A boat", "A convoy", "A bus"],
        "from": ["from {o}", "coming from {o}", "on its way from {o}"],
        "to": ["", " to {d}"],
        "harm": ["capsized on Monday, killing 12.", "was attacked and 12 people died."],
    },
}  # fmt: skip
#: Per language, places as the origin words take them: (bare, "da"-form, "dalla"-form,
#: "la"-form for a way's end, "alla"-form).
PLACES: dict[str, list[dict[str, str]]] = {
    "es": [{"o": "Libia", "d": "Italia"}, {"o": "Marruecos", "d": "España"},
           {"o": "Sfax", "d": "Lampedusa"}],
    "pt": [{"o": "Líbia", "da": "da Líbia", "d": "Itália"},
           {"o": "Marrocos", "da": "de Marrocos", "d": "Espanha"},
           {"o": "Sfax", "da": "de Sfax", "d": "Lampedusa"}],
    "it": [{"o": "Libia", "dalla": "dalla Libia", "la": "l'Italia", "alla": "in Italia"},
           {"o": "Tunisia", "dalla": "dalla Tunisia", "la": "Lampedusa", "alla": "a Lampedusa"},
           {"o": "Sfax", "dalla": "da Sfax", "la": "Malta", "alla": "a Malta"}],
    "en": [{"o": "Libya", "d": "Italy"}, {"o": "Morocco", "d": "Spain"}],
}  # fmt: skip


def _cases() -> list[tuple[str, str, list[str]]]:
    """(language, sentence, the names the route holds)."""
    out = []
    for language, parts in LANGUAGES.items():
        for veh, origin, to, harm, place in itertools.product(
            parts["veh"], parts["from"], parts["to"], parts["harm"], PLACES[language]
        ):
            ends = [place["o"]]
            written_to = to.format(**place)
            if to and not written_to.endswith(("in Italia",)):
                ends.append(written_to.split()[-1].removeprefix("l'"))
            text = f"{veh} {origin.format(**place)}{written_to} {harm}"
            out.append((language, text, ends))
    return out


CASES = _cases()


def test_the_corpus_is_wide() -> None:
    assert len(CASES) >= 400


@pytest.mark.parametrize(("language", "text", "ends"), CASES)
def test_an_origin_starts_the_route(language: str, text: str, ends: list[str]) -> None:
    found = [text[a:b] for a, b in movement_ends(text, language)]
    assert found and found[0] == ends[0], (text, found)
    assert all(end in found for end in ends), (text, found)


#: Near misses: a party is no origin; the harm's place after a preposition of place stays
#: no movement's end; "da" of an agent ("ucciso da") moves nothing.
NOT_ENDS = [
    ("es", "El partido de Maduro ganó en Caracas; 12 personas murieron en Maracaibo.", "Maduro"),
    ("es", "Un barco procedente de Libia naufragó en Italia.", "Italia"),
    ("pt", "O partido de Lula disse que 12 pessoas morreram em São Paulo.", "Lula"),
    ("pt", "Um barco proveniente da Líbia naufragou na Itália.", "Itália"),
    ("pt", "Doze pessoas morreram em Marrocos.", "Marrocos"),
    ("it", "Il partito di Meloni ha detto che 12 persone sono morte a Roma.", "Meloni"),
    ("it", "Una barca proveniente dalla Libia si è capovolta a Lampedusa.", "Lampedusa"),
    ("it", "Dodici persone sono state uccise da Hamas a Gaza.", "Hamas"),
    ("it", "Il partito di Governo ha vinto.", "Governo"),
    ("es", "Doce personas murieron en Libia.", "Libia"),
]


@pytest.mark.parametrize(("language", "text", "place"), NOT_ENDS)
def test_near_misses(language: str, text: str, place: str) -> None:
    assert place not in [text[a:b] for a, b in movement_ends(text, language)], text
