"""Round 58: a visit's venue is where the traveller went or where the meeting was held.

A country named as a topic ("to discuss the war in X", "amid the fighting in X", "the
situation in X") or in an onward leg ("ahead of her trip to X", "who is visiting B, will
travel to X") is no venue: a right answer keeps its host, and a country neither side of
the answer is the host only when a main clause says the visitor went there. A verb of
receiving that names who is at home beats any venue, compound tenses included ("ha
recibido", "a reçu", "hat ... empfangen": the host is the subject of the auxiliary). The
reported trip told in an "after", "when" or "who" clause of the same traveller ("returned
to Japan after a three-day visit to Poland") puts a reversed answer right. A nationality
before a common noun ("killed in Israeli strikes") names whose strikes, not where.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.types.visit import Visit, receiving_sides
from tests.roles_support import run
from tests.test_round57_casualties import run as casualty
from tests.test_round57_direction import COUNTRIES, person, visit

FAST = settings(max_examples=30, deadline=None)
#: Three different countries: visitor A, host B, a third C the sentence also names.
TRIPLES = st.permutations(sorted(COUNTRIES)).map(lambda codes: tuple(codes[:3]))
PEOPLE = st.sampled_from([("Ana Ruiz", "Lars Berg"), ("Maria Lopes", "Kenji Sato"),
                          ("Elena Novak", "Tom Hale")])  # fmt: skip


def fill(template: str, codes: tuple[str, ...], names: tuple[str, str]) -> str:
    fields = {f"{side}_{k}": v for side, code in zip("ABC", codes, strict=False)
              for k, v in COUNTRIES[code].items()}  # fmt: skip
    return template.format(a=names[0], b=names[1], **fields)


def directions(
    text: str, codes: tuple[str, ...], names: tuple[str, str], reversed_: bool = False
) -> list[tuple[str | None, str | None]]:
    """The (visitor, host) countries of the records a draft of {a} of A visiting {b} of B
    gives: the right draft, or (``reversed_``) one whose countries are the wrong way round,
    each person still of their own country. {b} is a host only if the text names them.
    Visits only: a draft the rules recode as another event (a call, round 66) is no visit."""
    a, b = names
    visitor, host = (codes[1], codes[0]) if reversed_ else (codes[0], codes[1])
    hosts = [person(b, codes[1])] if b.split()[-1] in text else []
    draft = visit(visitors=[person(a, codes[0])], visitor_country=visitor,
                  hosts=hosts, host_country=host)  # fmt: skip
    outcome = run("visit", text, **draft)
    return [(r.visitor_country, r.host_country) for r in outcome.records if isinstance(r, Visit)]


# -- a topic or an onward leg is no venue ------------------------------------------------

#: {a} of A visits {b} of B; the sentence also names C as a topic or another leg.
MEETINGS_EN = [
    "{A_adj} Foreign Minister {a} met {B_adj} President {b} on Tuesday{topic}.",
    "{B_adj} President {b} received {A_adj} Foreign Minister {a} on Tuesday{topic}.",
    "{a} of {A_en} held talks with {b} of {B_en} on Tuesday{topic}.",
    "{A_adj} Foreign Minister {a} met {B_adj} President {b} at the presidential palace on "
    "Tuesday{topic}.",
]
TOPICS_EN = [" to discuss the war in {C_en}", " amid the fighting in {C_en}",
             ", focusing on the situation in {C_en}", " and discussed elections in {C_en}",
             " on the crisis in {C_en}", " and called for peace in {C_en}",
             " about refugees arriving in {C_en}", " ahead of her trip to {C_en}",
             " before flying on to {C_en}", ", a day after visiting {C_en}"]  # fmt: skip
TOPICS_OTHER = [
    "El presidente de {B_es}, {b}, recibió el martes a la canciller de {A_es}, {a}, para "
    "hablar de la guerra en {C_es}.",
    "Le président {B_fr_of}, {b}, a reçu mardi la ministre {A_fr_of}, {a}, pour discuter "
    "de la guerre {C_fr_in}.",
    "Der Präsident von {B_de}, {b}, empfing am Dienstag die Außenministerin von {A_de}, "
    "{a}, um über den Krieg in {C_de} zu sprechen.",
    "Президент {B_ru_gen} {b} принял во вторник министра {A_ru_gen} {a}; они обсудили "
    "ситуацию в {C_ru_prep}.",
]
ONWARD = [
    "{B_adj} President {b} hosts {A_adj} minister {a} ahead of her trip to {C_en}",
    "{a} of {A_en}, who is visiting {B_en} this week, will travel to {C_en} on Friday.",
    "{a} of {A_en} met President {b} of {B_en} on Tuesday before flying to {C_en}.",
]


@FAST
@given(codes=TRIPLES, names=PEOPLE, meeting=st.sampled_from(MEETINGS_EN),
       topic=st.sampled_from(TOPICS_EN))  # fmt: skip
def test_a_topic_country_never_becomes_the_host(
    codes: tuple[str, str, str], names: tuple[str, str], meeting: str, topic: str
) -> None:
    a, b, _ = codes
    text = fill(meeting.replace("{topic}", topic), codes, names)
    assert directions(text, codes, names) == [(a, b)], text


@FAST
@given(codes=TRIPLES, template=st.sampled_from([*TOPICS_OTHER, *ONWARD]))
def test_a_topic_or_another_leg_keeps_the_host_in_every_language(
    codes: tuple[str, str, str], template: str
) -> None:
    names = ("Ана Руис", "Ларс Берг") if "Президент" in template else ("Ana Ruiz", "Lars Berg")
    a, b, _ = codes
    text = fill(template, codes, names)
    assert directions(text, codes, names) == [(a, b)], text


@FAST
@given(codes=TRIPLES, names=PEOPLE)
def test_the_visitor_going_to_a_third_country_in_a_main_clause_makes_it_the_host(
    codes: tuple[str, str, str], names: tuple[str, str]
) -> None:
    """The one case a country neither side of the answer gave becomes the host."""
    a, _, c = codes
    text = fill("{a} of {A_en} arrived in {C_en} on Tuesday for talks with {b} of {B_en}.",
                codes, names)  # fmt: skip
    assert directions(text, codes, names) == [(a, c)], text


# -- the reported trip in an "after", "when", "who" clause -------------------------------

#: {a} of A travelled to B; the trip is told in a subordinate clause of the same traveller.
REPORTED_TRIP = [
    "{A_adj} minister {a} returned to {A_en} on Friday after a three-day visit to {B_en}.",
    '"We are friends," {a} of {A_en} said after arriving in {B_en} on Tuesday.',
    "Hours after landing in {B_en}, {a} of {A_en} met President {b}.",
    "{a} of {A_en} spoke to reporters when she arrived in {B_en} on Tuesday.",
    "{a} of {A_en}, who arrived in {B_en} on Tuesday, met President {b}.",
    "{B_adj} President {b}, who hosted {a} of {A_en} on Tuesday, praised ties.",
]


@FAST
@given(codes=TRIPLES, names=PEOPLE, template=st.sampled_from(REPORTED_TRIP))
def test_the_reported_trip_in_a_subordinate_clause_puts_a_reversed_answer_right(
    codes: tuple[str, str, str], names: tuple[str, str], template: str
) -> None:
    a, b, _ = codes
    text = fill(template, codes, names)
    assert directions(text, codes, names) == [(a, b)], text
    assert directions(text, codes, names, reversed_=True) == [(a, b)], text


# -- compound tenses of receiving --------------------------------------------------------

#: {b} of B received {a} of A, in a compound tense.
COMPOUND = [
    "Der Präsident von {B_de}, {b}, hat am Dienstag die Regierungschefin von {A_de}, {a}, "
    "empfangen.",
    "{b} hat am Dienstag die Außenministerin von {A_de}, {a}, im Kanzleramt in {B_de} empfangen.",
    "El presidente de {B_es}, {b}, ha recibido este martes a la primera ministra de {A_es}, {a}.",
    "El presidente de {B_es}, {b}, había recibido el martes a la canciller de {A_es}, {a}.",
    "Le président {B_fr_of}, {b}, a chaleureusement reçu mardi la Première ministre "
    "{A_fr_of}, {a}.",
    "Les dirigeants {B_fr_of} ont accueilli mardi la ministre {A_fr_of}, {a}.",
]


@FAST
@given(codes=TRIPLES, names=PEOPLE, template=st.sampled_from(COMPOUND))
def test_the_subject_of_a_compound_receiving_is_the_host(
    codes: tuple[str, str, str], names: tuple[str, str], template: str
) -> None:
    a, b, _ = codes
    text = fill(template, codes, names)
    assert directions(text, codes, names) == [(a, b)], text
    assert directions(text, codes, names, reversed_=True) == [(a, b)], text


# -- a nationality before a noun is no place ---------------------------------------------

ADJECTIVES = {"ISR": "Israeli", "RUS": "Russian", "TUR": "Turkish", "SAU": "Saudi-led",
              "PAK": "Pakistani", "IRN": "Iranian"}  # fmt: skip
WHERE = {"LBN": "Lebanon", "UKR": "Ukraine", "SYR": "Syria", "SOM": "Somalia",
         "YEM": "Yemen", "AFG": "Afghanistan"}  # fmt: skip
HARMED = [
    "Twelve people were killed in {adj} strikes on Tuesday, {where}'s health ministry said.",
    "Twelve people were killed in {adj} shelling overnight, officials in {where} said.",
    "Twelve people were killed in {adj} drone attacks on a town, {where}'s army said.",
]


@FAST
@given(attacker=st.sampled_from(sorted(ADJECTIVES)), where=st.sampled_from(sorted(WHERE)),
       template=st.sampled_from(HARMED))  # fmt: skip
def test_a_nationality_before_a_noun_is_no_venue(attacker: str, where: str, template: str) -> None:
    text = template.format(adj=ADJECTIVES[attacker], where=WHERE[where])
    outcome = casualty(text, country=where)
    assert [r.country for r in outcome.records] == [where], (text, outcome.warnings)


# -- a receiving told of another clause, another thing or another leg --------------------

#: {a} of A visits {b} of B; a German auxiliary ("hatte", "hat") opens a clause whose
#: "empfangen" is a passive, or that of a relative clause: the auxiliary's subject {a}
#: received no one.
GERMAN_PASSIVE = [
    "Die Präsidentin von {A_de}, {a}, hatte Gespräche in {B_de}, wo sie vom Präsidenten von "
    "{B_de}, {b}, empfangen wurde.",
    "Die Präsidentin von {A_de}, {a}, hat in {B_de} den Präsidenten von {B_de}, {b}, "
    "getroffen und wurde mit militärischen Ehren empfangen.",
    "Die Präsidentin von {A_de}, {a}, hat Gespräche mit {b} geführt, der sie in {B_de} "
    "empfangen hatte.",
    "Die Präsidentin von {A_de}, {a}, hatte am Dienstag in {B_de} Gespräche, nachdem sie von "
    "{b} aus {B_de} empfangen worden war.",
]


@FAST
@given(codes=TRIPLES, names=PEOPLE, template=st.sampled_from(GERMAN_PASSIVE))
def test_a_german_auxiliary_before_a_passive_or_relative_participle_receives_no_one(
    codes: tuple[str, str, str], names: tuple[str, str], template: str
) -> None:
    a, b, _ = codes
    text = fill(template, codes, names)
    assert directions(text, codes, names) == [(a, b)], text


#: {b} of B received {a} of A, who went to a third country C on another leg.
EARLIER_LEG = [
    "{B_adj} President {b} received {A_adj} President {a}, who had visited {C_en} on Monday.",
    "{B_adj} President {b} hosted {A_adj} President {a} on Tuesday, who had visited {C_en} "
    "on Monday.",
    "{B_adj} President {b} welcomed {A_adj} President {a}, who travelled to {C_en} last week.",
]


@FAST
@given(codes=TRIPLES, names=PEOPLE, template=st.sampled_from(EARLIER_LEG))
def test_a_leg_to_a_third_country_in_a_relative_clause_does_not_veto_the_receiving(
    codes: tuple[str, str, str], names: tuple[str, str], template: str
) -> None:
    """Only a place gone to that is the answer's host, or a third country a main clause
    goes to, keeps a reversed answer against who received whom."""
    a, b, _ = codes
    text = fill(template, codes, names)
    assert directions(text, codes, names) == [(a, b)], text
    assert directions(text, codes, names, reversed_=True) == [(a, b)], text


#: {a} of A received a thing (no guest) from {b} of B, and went to B.
RECEIVED_A_THING = [
    "La presidenta de {A_es}, {a}, ha recibido una invitación del presidente de {B_es}, {b}, "
    "y viajó a {B_es}.",
    "La presidenta de {A_es}, {a}, ha recibido una llamada del presidente de {B_es}, {b}, "
    "durante su visita a {B_es}.",
    "La presidenta de {A_es}, {a}, ha recibido el apoyo de {b}, presidente de {B_es}, en su "
    "visita a {B_es}.",
    "La présidente {A_fr_of}, {a}, a reçu mardi un appel du président {B_fr_of}, {b}, lors "
    "de sa visite {B_fr_in}.",
    "La présidente {A_fr_of}, {a}, a déjà reçu le soutien du président {B_fr_of}, {b}, lors "
    "de sa visite {B_fr_in}.",
    "La présidente {A_fr_of}, {a}, a reçu une invitation du président {B_fr_of}, {b}, et "
    "s'est rendue {B_fr_in}.",
]


@FAST
@given(codes=TRIPLES, names=PEOPLE, template=st.sampled_from(RECEIVED_A_THING))
def test_receiving_a_thing_is_no_receiving_of_a_guest_in_every_language(
    codes: tuple[str, str, str], names: tuple[str, str], template: str
) -> None:
    """A reversed answer is put right by where the traveller went, not dropped."""
    a, b, _ = codes
    text = fill(template, codes, names)
    assert directions(text, codes, names) == [(a, b)], text
    assert directions(text, codes, names, reversed_=True) == [(a, b)], text


#: {a} of A met {b} of B in B (the main clause's venue) after a leg to C.
MET_AFTER_A_LEG = [
    "{A_adj} President {a} met {B_adj} President {b} in {B_en} on Tuesday, after visiting {C_en}.",
    "{A_adj} President {a} held talks in {B_en} on Tuesday after visiting {C_en}, and met {b}.",
]


@FAST
@given(codes=TRIPLES, names=PEOPLE, template=st.sampled_from(MET_AFTER_A_LEG))
def test_no_warning_when_the_main_clause_names_the_host_as_the_venue(
    codes: tuple[str, str, str], names: tuple[str, str], template: str
) -> None:
    a, b, _ = codes
    text = fill(template, codes, names)
    draft = visit(visitors=[person(names[0], a)], visitor_country=a,
                  hosts=[person(names[1], b)], host_country=b)  # fmt: skip
    outcome = run("visit", text, **draft)
    assert [(r.visitor_country, r.host_country) for r in outcome.records] == [(a, b)], text
    assert not [w for w in outcome.warnings if "where someone went" in w], outcome.warnings


THINGS = {"es": ["una invitación", "una llamada", "el apoyo", "una carta", "críticas",
                 "un mensaje"],
          "fr": ["une invitation", "un appel", "le soutien", "une lettre", "un message",
                 "des critiques"],
          "de": ["eine Einladung", "einen Anruf", "Unterstützung", "einen Brief"]}  # fmt: skip
#: The things that are a call: "recibió una llamada del presidente", "a reçu mardi un appel
#: du président" tell a call, which is no visit.
CALLS_RECEIVED = frozenset(["una llamada", "un appel"])
RECEIVED_FROM = {
    "es": "La presidenta de {A_es}, {a}, ha recibido {thing} del presidente de {B_es}, {b}.",
    "fr": "La présidente {A_fr_of}, {a}, a reçu mardi {thing} du président {B_fr_of}, {b}.",
    "de": "Die Präsidentin von {A_de}, {a}, hat am Dienstag {thing} des Präsidenten von "
    "{B_de}, {b}, empfangen.",
}


@FAST
@given(codes=TRIPLES, names=PEOPLE, data=st.data())
def test_a_thing_received_names_no_one_at_home(
    codes: tuple[str, str, str], names: tuple[str, str], data: st.DataObject
) -> None:
    """The object of a verb of receiving that is a thing, not a person: no host is read,
    and a right answer is not swapped by it."""
    language = data.draw(st.sampled_from(sorted(THINGS)))
    thing = data.draw(st.sampled_from(THINGS[language]))
    a, b, _ = codes
    text = fill(RECEIVED_FROM[language].replace("{thing}", thing), codes, names)
    assert receiving_sides(text, language) is None, text
    # A call received is a talk at a distance (CAMEO 040, PLOVER CONSULT mode phone; round
    # 65): no visit either way, whether the call is recoded or dropped.
    want = [] if thing in CALLS_RECEIVED else [(a, b)]
    assert [d for d in directions(text, codes, names) if d != (None, None)] == want, text
