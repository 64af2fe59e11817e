"""Round 60: whose package a statement reports, and where a traveller went.

Arms (SIPRI: the supplier is who delivers THESE items). Another state replaces the
publisher as supplier only where the clause that makes it a supplier is about the
record's items: "This package, which follows Germany's donation of tanks, includes
howitzers for Ukraine" on whitehouse.gov is the United States' howitzers, not Germany's.
The publisher's office is another state's or body's when a word before its title says so
("Danish Defence Minister X announced", "NATO Secretary General X announced",
"Denmark's government pledged"); a complement clause ("announced that Denmark will
deliver") has its own subject; a first person with another country between it and its
verb ("We thank Denmark for sending") does not supply, nor does "our support" in a
clause of its own beside another state's supplying.

Visits: a place that modifies a word of travel ("his first Kyiv visit", "durante su
visita de un día a Nairobi", "bei seinem Besuch von Kiew", "arrivé sur le tarmac de
l'aéroport de Kiev") is where someone went, never a topic, though a word of discussing
opened the clause before it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, resolve
from extractor.types.visit import _where_gone
from tests.test_round57_direction import arms

FAST = settings(max_examples=30, deadline=None)
WH = "https://www.whitehouse.gov/briefing-room/x/"
AFTER = "The announcement followed a meeting of the defence ministers in the capital."

#: Another supplying state: its name, its adjective.
OTHERS = {"DEU": ("Germany", "German"), "NOR": ("Norway", "Norwegian"),
          "DNK": ("Denmark", "Danish"), "NLD": ("the Netherlands", "Dutch"),
          "POL": ("Poland", "Polish")}  # fmt: skip
RECIPIENTS = {"UKR": "Ukraine", "TWN": "Taiwan", "MDA": "Moldova"}
WEAPONS = ["howitzers", "Patriot missiles", "HIMARS launchers", "F-16 jets"]
#: Another state's supply of other items {T} mentioned in passing beside the publisher's
#: package of {W} for {R}.
IN_PASSING = [
    "This package, which follows {S}'s donation of {T}, includes {W} for {R}.",
    "The package includes {W} for {R}, complementing {S}'s delivery of {T}.",
    "Following {S}'s decision to send {T}, the package includes {W} for {R}.",
    "The package includes {W} for {R}, whose president thanked {S} for sending {T}.",
]
OTHER_ITEMS = ["tanks", "armoured vehicles", "drones"]
#: Another state supplies {W} to {R}, in a sentence whose author is no side of it.
ANOTHER_SUPPLIES = [
    "{A} Defence Minister Lars Holm announced that {S} will deliver {W} to {R}.",
    "NATO Secretary General Mark Rutte announced that {S} will deliver {W} to {R}.",
    "{S_}'s government pledged to deliver {W} to {R}.",
    "We welcome {S} sending {W} to {R}.",
    "We thank {S} for sending {W} to {R}.",
    "As part of our support for {R}, {S} will deliver {W} to {R}.",
    "{S_} said that it will deliver {W} to {R}.",
]


def _arms(text: str, supplier: str, recipient: str, weapon: str) -> Any:
    model = answer_model(("arms_transfer",))
    (plural,) = model.list_fields
    draft = model.model_fields[plural].annotation.__args__[0](**arms(supplier, recipient, weapon))
    article = Article.of(f"{text} {AFTER}", published=date(2025, 3, 12), url=WH)
    return resolve(model.model_construct(**{plural: [draft]}), article)


def _sides(outcome: Any) -> list[tuple[str | None, str | None]]:
    return [(r.supplier.country, r.recipient.country) for r in outcome.records]


@FAST
@given(template=st.sampled_from(IN_PASSING), other=st.sampled_from(sorted(OTHERS)),
       recipient=st.sampled_from(sorted(RECIPIENTS)), weapon=st.sampled_from(WEAPONS),
       items=st.sampled_from(OTHER_ITEMS))  # fmt: skip
def test_another_states_supply_in_passing_keeps_the_publishers_package(
    template: str, other: str, recipient: str, weapon: str, items: str
) -> None:
    """The publisher's own package keeps its supplier where another state's supply of
    other items is named only in a subordinate or participial clause."""
    text = template.format(S=OTHERS[other][0], T=items, W=weapon, R=RECIPIENTS[recipient])
    text = text[:1].upper() + text[1:]
    outcome = _arms(text, "USA", recipient, weapon)
    assert _sides(outcome) == [("USA", recipient)], (text, outcome.warnings)


@FAST
@given(other=st.sampled_from(sorted(OTHERS)), recipient=st.sampled_from(sorted(RECIPIENTS)),
       weapon=st.sampled_from(WEAPONS))  # fmt: skip
def test_the_clause_of_the_records_items_still_names_their_supplier(
    other: str, recipient: str, weapon: str
) -> None:
    """Another state whose own clause is about the record's items replaces the publisher."""
    name = OTHERS[other][0]
    text = (f"{name[:1].upper()}{name[1:]} will deliver {weapon} to {RECIPIENTS[recipient]}, "
            "following Romania's donation of tanks.")  # fmt: skip
    outcome = _arms(text, "USA", recipient, weapon)
    assert _sides(outcome) == [(other, recipient)], (text, outcome.warnings)


@FAST
@given(template=st.sampled_from(ANOTHER_SUPPLIES), other=st.sampled_from(sorted(OTHERS)),
       recipient=st.sampled_from(sorted(RECIPIENTS)), weapon=st.sampled_from(WEAPONS))  # fmt: skip
def test_another_states_office_or_a_welcome_is_not_the_publisher_supplying(
    template: str, other: str, recipient: str, weapon: str
) -> None:
    """Another state's officer, a body's, a thanked or welcomed state, "our support" in a
    clause of its own: the state the text says delivers is the supplier."""
    name, adjective = OTHERS[other]
    text = template.format(A=adjective, S=name, S_=name[:1].upper() + name[1:], W=weapon,
                           R=RECIPIENTS[recipient])  # fmt: skip
    text = text[:1].upper() + text[1:]
    outcome = _arms(text, "USA", recipient, weapon)
    assert _sides(outcome) == [(other, recipient)], (text, outcome.warnings)


@FAST
@given(recipient=st.sampled_from(sorted(RECIPIENTS)), weapon=st.sampled_from(WEAPONS),
       other=st.sampled_from(sorted(OTHERS)),
       template=st.sampled_from([
           "President Biden announced that {W} will go to {R}, after {S} sent tanks.",
           "We will send {W} to {R}, after {S} sent tanks.",
           "Our security assistance includes {W} for {R}, and {S} will deliver tanks.",
           '"We will send {W} to {R}," President Biden said, as {S} sent tanks.',
       ]))  # fmt: skip
def test_the_publisher_acting_is_still_kept(
    recipient: str, weapon: str, other: str, template: str
) -> None:
    """The publisher's own office, its unquoted or self-quoted first person and "our" beside
    its weapons keep it as the supplier."""
    text = template.format(W=weapon, R=RECIPIENTS[recipient], S=OTHERS[other][0])
    outcome = _arms(text, "USA", recipient, weapon)
    assert _sides(outcome) == [("USA", recipient)], (text, outcome.warnings)


# -- visits ---------------------------------------------------------------------------

VISITORS = [("Luc Martin", "FRA", "France"), ("Lars Holm", "DNK", "Denmark"),
            ("Anna Berg", "SWE", "Sweden")]  # fmt: skip
#: A host's city in English, French, German, Spanish; its state; its president.
HOSTS = [({"en": "Kyiv", "fr": "Kiev", "de": "Kiew", "es": "Kiev"}, "UKR", "Ukraine", "Jonas Weber"),
         ({"en": "Nairobi", "fr": "Nairobi", "de": "Nairobi", "es": "Nairobi"}, "KEN", "Kenya",
          "Pedro Ruiz"),
         ({"en": "Lima", "fr": "Lima", "de": "Lima", "es": "Lima"}, "PER", "Peru", "Mira Sato")]  # fmt: skip
#: A talk, then the place of the trip ({C}) it took place on, each language.
TRAVEL_PLACES = {
    "en": ["President {V} discussed trade with President {H} during his first {C} visit on Tuesday.",
           "President {V} held talks on security with President {H} on a surprise {C} trip.",
           "President {V} talked about energy with President {H} during his visit to {C}."],
    "fr": ["Le président {V} est arrivé mardi sur le tarmac de l'aéroport de {C} pour une visite "
           "chez le président {H}.",
           "Le président {V} a parlé du commerce avec le président {H} lors de sa visite à {C}."],
    "es": ["El presidente {V} habló con el presidente {H} durante su visita de un día a {C}.",
           "El presidente {V} habló sobre comercio con el presidente {H} durante su viaje a {C}."],
    "de": ["Präsident {V} sprach mit Präsident {H} über Handel bei seinem Besuch von {C}.",
           "Präsident {V} sprach mit Präsident {H} über Handel bei seinem Besuch in {C}."],
}  # fmt: skip
TAIL = {"en": " {VC} and {HC} are partners.", "fr": " {VC} et {HC} sont partenaires.",
        "es": " {VC} y {HC} son socios.", "de": " {VC} und {HC} sind Partner."}  # fmt: skip
#: The states' names in each language.
STATES = {"France": {"fr": "La France", "es": "Francia", "de": "Frankreich"},
          "Denmark": {"fr": "Le Danemark", "es": "Dinamarca", "de": "Dänemark"},
          "Sweden": {"fr": "La Suède", "es": "Suecia", "de": "Schweden"},
          "Ukraine": {"fr": "l'Ukraine", "es": "Ucrania", "de": "die Ukraine"},
          "Kenya": {"fr": "le Kenya", "es": "Kenia", "de": "Kenia"},
          "Peru": {"fr": "le Pérou", "es": "Perú", "de": "Peru"}}  # fmt: skip


def _state(name: str, language: str) -> str:
    return STATES[name].get(language, name)


def _visit(text: str, visitor: tuple[str, str], host: tuple[str, str], place: str) -> Any:
    model = answer_model(("visit",))
    (plural,) = model.list_fields
    draft = model.model_fields[plural].annotation.__args__[0](
        visitors=[{"name": visitor[0], "title": None, "country": visitor[1]}],
        visitor_country=visitor[1],
        hosts=[{"name": host[0], "title": None, "country": host[1]}],
        host_country=None, place=place, date=None, end_date=None, purpose=None,
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    article = Article.of(text, published=date(2025, 3, 12), doc_id="t")
    return resolve(model.model_construct(**{plural: [draft]}), article)


@FAST
@given(language=st.sampled_from(sorted(TRAVEL_PLACES)), pick=st.integers(0, 2),
       visitor=st.sampled_from(VISITORS), host=st.sampled_from(HOSTS))  # fmt: skip
def test_the_place_of_a_trip_is_the_venue_not_a_topic(
    language: str, pick: int, visitor: tuple[str, str, str], host: tuple[Any, ...]
) -> None:
    """A place a word of travel governs stays the venue, and its country the host, in
    every language, though a word of discussing opened the sentence."""
    cities, code, state, president = host
    templates = TRAVEL_PLACES[language]
    template = templates[pick % len(templates)]
    city = cities[language]
    text = template.format(V=visitor[0], H=president, C=city) + TAIL[language].format(
        VC=_state(visitor[2], language), HC=_state(state, language)
    )
    outcome = _visit(text, (visitor[0], visitor[1]), (president, code), city)
    got = [(r.visitor_country, r.host_country, r.place.text if r.place else None)
           for r in outcome.records]  # fmt: skip
    assert got == [(visitor[1], code, city)], (text, outcome.warnings)


@FAST
@given(host=st.sampled_from(HOSTS),
       template=st.sampled_from([
           "President Luc Martin visited Paris on Tuesday to discuss the situation in {C}.",
           "President Luc Martin arrived in Paris to talk about {C}.",
           "Le président Luc Martin est arrivé à Paris pour parler de {C}.",
           "Präsident Luc Martin reiste nach Paris, um über {C} zu sprechen.",
       ]))  # fmt: skip
def test_a_topic_after_the_trip_is_no_place_gone_to(host: tuple[Any, ...], template: str) -> None:
    """A word of discussing after the word of travel governs its place: a topic."""
    city = host[0]["en"]
    text = template.format(C=city)
    at = text.index(city)
    language = "en" if "President " in text else "fr" if "président" in text else "de"
    assert not _where_gone(text, at, at + len(city), language), text


#: A visit to {P}, then a trip to {C} that is only what was talked about there, each
#: language: the trip noun is the object of the word of discussing.
DISCUSSED_TRIPS = {
    "en": ["{VA} President {V} visited {P} on Tuesday and discussed his 2023 {C} visit with "
           "{HA} President {H}.",
           "{VA} President {V} met {HA} President {H} in {P} and talked about Xi's {C} visit last year.",
           "{VA} President {V} visited {P} and discussed his first {C} trip with {HA} President {H}."],
    "de": ["Präsident {V} besuchte {P} und sprach mit Präsident {H} über seinen {C}-Besuch.",
           "Präsident {V} traf Präsident {H} in {P} und besprach seinen letzten {C}-Besuch."],
}  # fmt: skip
#: The same, the trip's place after the travel noun: no place gone to (the record-level
#: outcome of these is the older rule's, which reads "visit to X" as where one went).
DISCUSSED_TRIPS_TO = {
    "en": ["President {V} visited {P} and discussed his visit to {C} with President {H}."],
    "fr": ["Le président {V} s'est rendu à {P} et a évoqué sa visite de 2023 à {C}.",
           "Le président {V} a rencontré le président {H} à {P} et a parlé de sa visite à {C}."],
    "es": ["El presidente {V} visitó {P} y habló de su visita a {C} con el presidente {H}.",
           "El presidente {V} se reunió con el presidente {H} en {P} y habló sobre su viaje a {C}."],
    "de": ["Präsident {V} besuchte {P} und sprach mit Präsident {H} über seinen Besuch in {C}.",
           "Präsident {V} traf Präsident {H} in {P} und sprach über seine Reise nach {C}."],
}  # fmt: skip
#: The venue's city in each language, its state's code, name and adjective.
VENUES = [({"en": "Rome", "fr": "Rome", "es": "Roma", "de": "Rom"}, "ITA", "Italy", "Italian"),
          ({"en": "Tokyo", "fr": "Tokyo", "es": "Tokio", "de": "Tokio"}, "JPN", "Japan", "Japanese")]  # fmt: skip
ADJECTIVES = {"FRA": "French", "DNK": "Danish", "SWE": "Swedish"}
STATES.update({"Italy": {"fr": "L'Italie", "es": "Italia", "de": "Italien"},
               "Japan": {"fr": "Le Japon", "es": "Japón", "de": "Japan"}})  # fmt: skip


@FAST
@given(language=st.sampled_from(sorted(DISCUSSED_TRIPS)), pick=st.integers(0, 2),
       visitor=st.sampled_from(VISITORS), host=st.sampled_from(HOSTS[:1]),
       venue=st.sampled_from(VENUES))  # fmt: skip
def test_a_trip_only_talked_about_is_no_destination(
    language: str,
    pick: int,
    visitor: tuple[str, str, str],
    host: tuple[Any, ...],
    venue: tuple[Any, ...],
) -> None:
    """A trip that is the object of a word of discussing ("discussed his 2023 Kyiv visit",
    "talked about Xi's Kyiv visit") is a topic: its place is dropped, and the host stays
    the state where the talks took place. (Kyiv: a city the gazetteer places; one it
    does not is kept by another rule, whatever the trip.)"""
    cities, _, _, president = host
    places, code, state, adjective = venue
    templates = DISCUSSED_TRIPS[language]
    city = cities[language]
    text = templates[pick % len(templates)].format(
        V=visitor[0],
        H=president,
        P=places[language],
        C=city,
        VA=ADJECTIVES[visitor[1]],
        HA=adjective,
    ) + TAIL[language].format(VC=_state(visitor[2], language), HC=_state(state, language))
    model = answer_model(("visit",))
    (plural,) = model.list_fields
    draft = model.model_fields[plural].annotation.__args__[0](
        visitors=[{"name": visitor[0], "title": None, "country": visitor[1]}],
        visitor_country=visitor[1], hosts=[{"name": president, "title": None, "country": code}],
        host_country=code, place=city, date=None, end_date=None, purpose=None,
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    outcome = resolve(model.model_construct(**{plural: [draft]}),
                      Article.of(text, published=date(2025, 3, 12), doc_id="t"))  # fmt: skip
    got = [(r.visitor_country, r.host_country, r.place.text if r.place else None)
           for r in outcome.records]  # fmt: skip
    assert got == [(visitor[1], code, None)], (text, outcome.warnings)


@FAST
@given(language=st.sampled_from(sorted(DISCUSSED_TRIPS_TO)), pick=st.integers(0, 1),
       host=st.sampled_from(HOSTS), venue=st.sampled_from(VENUES))  # fmt: skip
def test_the_place_of_a_trip_talked_about_is_no_place_gone_to(
    language: str, pick: int, host: tuple[Any, ...], venue: tuple[Any, ...]
) -> None:
    """Before or after its travel noun, the place of a trip a word of discussing takes as
    its object is not where the visit's traveller went."""
    city = host[0][language]
    templates = [*DISCUSSED_TRIPS_TO[language], *DISCUSSED_TRIPS.get(language, [])]
    text = templates[pick % len(templates)].format(
        V="Luc Martin", H=host[3], P=venue[0][language], C=city, VA="French", HA=venue[3]
    )
    at = text.index(city)
    assert not _where_gone(text, at, at + len(city), language), text
