"""Round 59: who the sides of a meeting or a visit are.

A meeting's sides are the states of the people who met. A person's state is the
one the text attaches to their title, as a modifier ("Belgian PM X", "le président
sénégalais X", "der dänische Regierungschef X") or a complement ("PM X of Denmark",
"le Premier ministre du Canada, X"), shared by coordinated titles ("Kosovo President
A and Prime Minister B"); it overrides the model's. A country tied to no participant
and named only as what was discussed is a topic, not a side. The sentences are
generated over countries, titles, names and languages (en, fr, es, de).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.roles_support import run
from tests.test_round57_direction import person

FAST = settings(max_examples=40, deadline=None)

# code: en name, en adjective, fr "of" name, fr adjective, es name, es adjective, de name,
# de adjective (weak, after "der"; "+n" after "den"/"dem")
SIDES: dict[str, tuple[str, ...]] = {
    "DEU": ("Germany", "German", "de l'Allemagne", "allemand", "Alemania", "alemán",
            "Deutschland", "deutsche"),
    "FRA": ("France", "French", "de la France", "français", "Francia", "francés",
            "Frankreich", "französische"),
    "DNK": ("Denmark", "Danish", "du Danemark", "danois", "Dinamarca", "danés", "Dänemark",
            "dänische"),
    "JPN": ("Japan", "Japanese", "du Japon", "japonais", "Japón", "japonés", "Japan",
            "japanische"),
    "BRA": ("Brazil", "Brazilian", "du Brésil", "brésilien", "Brasil", "brasileño",
            "Brasilien", "brasilianische"),
    "CAN": ("Canada", "Canadian", "du Canada", "canadien", "Canadá", "canadiense", "Kanada",
            "kanadische"),
    "ITA": ("Italy", "Italian", "de l'Italie", "italien", "Italia", "italiano", "Italien",
            "italienische"),
    "POL": ("Poland", "Polish", "de la Pologne", "polonais", "Polonia", "polaco", "Polen",
            "polnische"),
    "NOR": ("Norway", "Norwegian", "de la Norvège", "norvégien", "Noruega", "noruego",
            "Norwegen", "norwegische"),
}  # fmt: skip
EN, ADJ, FR_OF, FR_ADJ, ES, ES_ADJ, DE, DE_ADJ = range(8)
# the topic: en, fr (after "parler", "au sujet"), es, de (after "über", "in")
TOPICS: dict[str, tuple[str, str, str, str, str]] = {
    "UKR": ("Ukraine", "de l'Ukraine", "Ucrania", "die Ukraine", "der Ukraine"),
    "SDN": ("Sudan", "du Soudan", "Sudán", "den Sudan", "Sudan"),
    "SYR": ("Syria", "de la Syrie", "Siria", "Syrien", "Syrien"),
    "VEN": ("Venezuela", "du Venezuela", "Venezuela", "Venezuela", "Venezuela"),
}
TITLES = {
    "en": ("President", "Prime Minister", "Foreign Minister", "Chancellor", "Defence Minister"),
    "fr": ("président", "Premier ministre", "ministre des Affaires étrangères",
           "chef de la diplomatie"),
    "es": ("presidente", "primer ministro", "canciller", "ministro de Defensa"),
    "de": ("Präsident", "Regierungschef", "Außenminister", "Bundeskanzler"),
}  # fmt: skip
NAMES = st.permutations(["Anna Berg", "Lars Holm", "Pedro Ruiz", "Luc Martin", "Mira Sato",
                         "Jonas Weber"]).map(lambda names: names[:3])  # fmt: skip
THREE = st.permutations(sorted(SIDES)).map(lambda codes: codes[:3])


def meeting(participants: list[dict[str, Any]], countries: list[str], **overrides: Any) -> Any:
    draft = {"participants": participants, "countries": countries, "format": None,
             "place": None, "date": None, "topics": [], "status": "occurred",
             "attribution": None, "evidence": [1]}  # fmt: skip
    return {**draft, **overrides}


#: (language, template, evidence): {N1} of {C1} meets {N2} of {C2} about {X}.
ABOUT = [
    ("en", "{T1} {N1} of {C1[EN]} spoke today with {T2} {N2} of {C2[EN]}. They discussed "
           "support for {X[0]}.", [1, 2]),
    ("en", "{T1} {N1} of {C1[EN]} spoke today with {T2} {N2} of {C2[EN]}. They discussed "
           "support for {X[0]}.", [1]),
    ("en", "{C1[ADJ]} {T1} {N1} met {C2[ADJ]} {T2} {N2} on Tuesday to discuss the war in "
           "{X[0]}.", [1]),
    ("en", "{T1} {N1} of {C1[EN]} hosted {T2} {N2} of {C2[EN]} on Tuesday for talks about "
           "{X[0]}.", [1]),
    ("fr", "Le {t1} {C1[FR_ADJ]} {N1} a rencontré mardi le {t2} {C2[FR_OF]}, {N2}, pour "
           "parler {X[1]}.", [1]),
    ("fr", "{N1}, {t1} {C1[FR_OF]}, s'est entretenu mardi avec le {t2} {C2[FR_ADJ]} {N2} au "
           "sujet {X[1]}.", [1]),
    ("es", "El {t1} {C1[ES_ADJ]} {N1} se reunió el martes con el {t2} de {C2[ES]}, {N2}, para "
           "hablar de {X[2]}.", [1]),
    ("es", "{N1}, {t1} de {C1[ES]}, recibió el martes al {t2} {C2[ES_ADJ]} {N2} para tratar "
           "la situación en {X[2]}.", [1]),
    ("de", "Der {C1[DE_ADJ]} {T1} {N1} traf sich am Dienstag mit {T2} {N2} aus {C2[DE]}, um "
           "über {X[3]} zu sprechen.", [1]),
    ("de", "{T1} {N1} aus {C1[DE]} hat am Dienstag den {C2[DE_ADJ]}n {T2} {N2} empfangen, um "
           "die Lage in {X[4]} zu besprechen.", [1]),
]  # fmt: skip


def fill(template: str, language: str, codes: tuple[str, ...], names: list[str], titles: list[str],
         topic: str) -> str:  # fmt: skip
    c1, c2 = (SIDES[c] for c in codes[:2])
    t1, t2 = titles
    values = {"N1": names[0], "N2": names[1], "T1": t1, "T2": t2, "t1": t1, "t2": t2}
    text = template
    for index, name in enumerate(("EN", "ADJ", "FR_OF", "FR_ADJ", "ES", "ES_ADJ", "DE",
                                  "DE_ADJ")):  # fmt: skip
        text = text.replace(f"{{C1[{name}]}}", c1[index]).replace(f"{{C2[{name}]}}", c2[index])
    for index in range(5):
        text = text.replace(f"{{X[{index}]}}", TOPICS[topic][index])
    for key, value in values.items():
        text = text.replace(f"{{{key}}}", value)
    if language == "en" and text.startswith(("Foreign", "Defence")):
        return text
    return text[0].upper() + text[1:]


@FAST
@given(codes=THREE, names=NAMES, case=st.sampled_from(ABOUT), topic=st.sampled_from(sorted(TOPICS)),
       titles=st.data())  # fmt: skip
def test_a_meeting_s_sides_are_the_states_of_the_people_who_met(
    codes: tuple[str, ...], names: list[str], case: tuple[str, str, list[int]], topic: str,
    titles: st.DataObject,
) -> None:  # fmt: skip
    """The model gives the second participant the topic's country: the state the text
    attaches to their title replaces it, and the topic is no side."""
    language, template, evidence = case
    pair = [titles.draw(st.sampled_from(TITLES[language])) for _ in range(2)]
    text = fill(template, language, codes, names, pair, topic)
    a, b = codes[:2]
    draft = meeting([person(names[0], a), person(names[1], topic)], [a, topic],
                    evidence=evidence)  # fmt: skip
    outcome = run("meeting", text, **draft)
    [record] = outcome.records
    assert sorted(record.countries_involved) == sorted([a, b]), (text, outcome.warnings)
    assert [p.country for p in record.participants] == [a, b], (text, outcome.warnings)


#: (language, template): {C1}'s {N1} and {N2} share one title's state, {N3} is of {C3}.
COORDINATED = [
    ("en", "{C1[EN]} President {N1} and Prime Minister {N2} met Foreign Minister {N3} of "
           "{C3[EN]} on Tuesday."),
    ("en", "{C1[ADJ]} President {N1} and Foreign Minister {N2} received {C3[ADJ]} Prime "
           "Minister {N3} on Tuesday."),
    ("fr", "Le président {C1[FR_ADJ]} {N1} et le Premier ministre {N2} ont rencontré mardi le "
           "ministre des Affaires étrangères {C3[FR_OF]}, {N3}."),
    ("es", "El presidente {C1[ES_ADJ]} {N1} y el primer ministro {N2} se reunieron el martes "
           "con el canciller de {C3[ES]}, {N3}."),
    ("de", "Der {C1[DE_ADJ]} Präsident {N1} und Regierungschef {N2} trafen am Dienstag "
           "Außenminister {N3} aus {C3[DE]}."),
]  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, case=st.sampled_from(COORDINATED))
def test_coordinated_titles_share_their_state(
    codes: tuple[str, ...], names: list[str], case: tuple[str, str]
) -> None:
    """ "Kosovo President A and Prime Minister B": B is of Kosovo too, whatever the model
    said (here: the other side's state)."""
    _, template = case
    a, _, c = codes
    text = template
    for index in range(8):
        key = ("EN", "ADJ", "FR_OF", "FR_ADJ", "ES", "ES_ADJ", "DE", "DE_ADJ")[index]
        text = text.replace(f"{{C1[{key}]}}", SIDES[a][index])
        text = text.replace(f"{{C3[{key}]}}", SIDES[c][index])
    for index, name in enumerate(names):
        text = text.replace(f"{{N{index + 1}}}", name)
    people = [person(names[0], a), person(names[1], c), person(names[2], c)]
    outcome = run("meeting", text, **meeting(people, [a, c]))
    [record] = outcome.records
    assert [p.country for p in record.participants] == [a, a, c], (text, outcome.warnings)
    assert sorted(record.countries_involved) == sorted([a, c])


@FAST
@given(codes=THREE, names=NAMES, title=st.sampled_from(TITLES["en"]))
def test_a_shared_state_never_replaces_a_state_the_article_names(
    codes: tuple[str, ...], names: list[str], title: str
) -> None:
    """ "German Chancellor A and President B" has the Kosovo example's shape, but B is as
    likely the other side's head of state: the guess does not recode the model's state for
    B when the article names that state and no other participant's title carries it."""
    a, b, _ = codes
    text = (f"{SIDES[a][ADJ]} Chancellor {names[0]} and {title} {names[1]} met on Tuesday. "
            f"Trade between {SIDES[a][EN]} and {SIDES[b][EN]} was discussed.")  # fmt: skip
    outcome = run("meeting", text, **meeting([person(names[0], a), person(names[1], b)], [a, b]))
    [record] = outcome.records
    assert [p.country for p in record.participants] == [a, b], (text, outcome.warnings)
    assert sorted(record.countries_involved) == sorted([a, b])


@FAST
@given(codes=THREE, names=NAMES)
def test_a_state_no_title_carries_keeps_the_model_s_countries(
    codes: tuple[str, ...], names: list[str]
) -> None:
    """Nothing attached to a title, no country as a topic: the model's sides stand; a
    side named without a person ("met Polish officials") stays one; a post abroad
    ("envoy to X") is not the envoy's state."""
    a, b, c = codes
    text = f"In talks between {SIDES[a][EN]} and {SIDES[b][EN]}, {names[0]} met {names[1]}."
    [record] = run("meeting", text, **meeting([person(names[0], a), person(names[1], b)],
                                              [a, b])).records  # fmt: skip
    assert [p.country for p in record.participants] == [a, b]
    text = (f"{SIDES[a][EN]}'s {names[0]} and {SIDES[b][ADJ]} Prime Minister {names[1]} met "
            f"{SIDES[c][ADJ]} officials on Tuesday.")  # fmt: skip
    people = [person(names[0], a), person(names[1], b)]
    [record] = run("meeting", text, **meeting(people, [a, b, c])).records
    assert sorted(record.countries_involved) == sorted([a, b, c]), text
    text = (f"President {names[0]} spoke today with Prime Minister {names[1]}. "
            f"{SIDES[a][EN]}, {SIDES[b][EN]} and {SIDES[c][EN]} were named.")  # fmt: skip
    people = [person(names[0], a), person(names[1], c)]
    [record] = run("meeting", text, **meeting(people, [b, c, a])).records
    assert sorted(record.countries_involved) == sorted([a, b, c]), text  # whose is b?
    text = (f"{SIDES[a][ADJ]} envoy to {SIDES[c][EN]} {names[0]} met Foreign Minister "
            f"{names[1]} of {SIDES[b][EN]} on Tuesday.")  # fmt: skip
    people = [person(names[0], c), person(names[1], b)]
    [record] = run("meeting", text, **meeting(people, [c, b])).records
    assert [p.country for p in record.participants] == [a, b], text


def test_the_brief_s_examples() -> None:
    text = ("Chancellor Anna Berg of Austria spoke today with Prime Minister Lars Holm of "
            "Denmark. They discussed support for Ukraine.")  # fmt: skip
    draft = meeting([person("Anna Berg", "AUT"), person("Lars Holm", "UKR")], ["AUT", "UKR"])
    [record] = run("meeting", text, **draft).records
    assert sorted(record.countries_involved) == ["AUT", "DNK"]
    text = ("Le président sénégalais Faye a rencontré à Dakar le Premier ministre du Canada, "
            "Mark Carney, pour parler du Soudan.")  # fmt: skip
    draft = meeting([person("Faye", "SEN"), person("Mark Carney", "SDN")], ["SEN", "SDN"])
    [record] = run("meeting", text, **draft).records
    assert sorted(record.countries_involved) == ["CAN", "SEN"]


# -- a place named only as what was discussed is no venue -----------------------------------

#: (language, template, the topic's capital as written): {H} receives {V} at home and they
#: discuss the situation in a third country's capital.
CAPITALS = {"CHN": ("Beijing", "Pékin", "Pekín", "Peking", "北京"),
            "RUS": ("Moscow", "Moscou", "Moscú", "Moskau", "莫斯科"),
            "JPN": ("Tokyo", "Tokyo", "Tokio", "Tokio", "东京"),
            "BRA": ("Brasília", "Brasilia", "Brasilia", "Brasília", "巴西利亚")}  # fmt: skip
HOME = {"FRA": ("Paris", "à Paris", "en París", "in Paris", "在巴黎", "法国总统"),
        "DEU": ("Berlin", "à Berlin", "en Berlín", "in Berlin", "在柏林", "德国总理"),
        "ITA": ("Rome", "à Rome", "en Roma", "in Rom", "在罗马", "意大利总统")}  # fmt: skip
GUEST = {"FRA": "法国外长", "DEU": "德国外长", "ITA": "意大利外长"}
#: The two countries named in a second sentence (an article names its sides somewhere).
NATIONS = {"FRA": ("France", "La France", "Francia", "Frankreich", "法国"),
           "DEU": ("Germany", "L'Allemagne", "Alemania", "Deutschland", "德国"),
           "ITA": ("Italy", "L'Italie", "Italia", "Italien", "意大利")}  # fmt: skip
AND = {"en": " {A} and {B} are close allies.", "fr": " {A} et {B} sont proches.",
       "es": " {A} y {B} son aliados.", "de": " {A} und {B} sind Verbündete.",
       "zh": "{A}和{B}是盟友。"}  # fmt: skip
TOPIC_PLACES = [
    ("en", "President {H} received Foreign Minister {V} in {home} on Tuesday to discuss the "
           "situation in {topic}."),
    ("fr", "Le président {H} a reçu mardi {home} la ministre {V} pour discuter de la situation "
           "à {topic}."),
    ("es", "El presidente {H} recibió el martes {home} a la canciller {V} para hablar de la "
           "situación en {topic}."),
    ("de", "Präsident {H} empfing am Dienstag {home} Außenministerin {V}, um über die Lage in "
           "{topic} zu sprechen."),
    ("zh", "{title}{H}周二{home}接见了{guest}{V}，讨论{topic}局势。"),
]  # fmt: skip
LANGUAGE_INDEX = {"en": 0, "fr": 1, "es": 2, "de": 3, "zh": 4}


@FAST
@given(pair=st.permutations(sorted(HOME)).map(lambda c: c[:2]),
       topic=st.sampled_from(sorted(CAPITALS)), case=st.sampled_from(TOPIC_PLACES))  # fmt: skip
def test_a_place_named_only_as_a_topic_does_not_make_the_host(
    pair: tuple[str, str], topic: str, case: tuple[str, str]
) -> None:
    """The model gives the topic's city as the place: the receiving verb says who hosted,
    and the topic's country does not become the host."""
    from tests.test_round57_direction import visit

    host, guest = pair
    language, template = case
    index = LANGUAGE_INDEX[language]
    names = ("马克", "安娜") if language == "zh" else ("Marc Roux", "Anna Berg")
    home = HOME[host][index] if language != "en" else HOME[host][0]
    text = template.format(H=names[0], V=names[1], home=home, topic=CAPITALS[topic][index],
                           title=HOME[host][5], guest=GUEST[guest])  # fmt: skip
    text += AND[language].format(A=NATIONS[host][index], B=NATIONS[guest][index])
    draft = visit(visitors=[person(names[1], guest)], visitor_country=guest,
                  hosts=[person(names[0], host)], host_country=host,
                  place=CAPITALS[topic][index])  # fmt: skip
    outcome = run("visit", text, **draft)
    [record] = outcome.records
    assert (record.visitor_country, record.host_country) == (guest, host), (text, outcome.warnings)
    assert record.place is None or record.place.country == host


# -- a swap makes a visitor only of a state someone named belongs to ------------------------

WELCOMES = [
    "We welcome the visit of {V} to {city} on Tuesday.",
    "The government welcomed the visit of {V} to {city} last week.",
    "We are pleased with the visit of {V} to {city}, which began on Monday.",
]
CITIES = {"IRQ": ("Iraq", "Baghdad"), "EGY": ("Egypt", "Cairo"), "KEN": ("Kenya", "Nairobi"),
          "PER": ("Peru", "Lima")}  # fmt: skip
PUBLISHERS = {"USA": "The United States", "GBR": "The United Kingdom", "CAN": "Canada"}


@FAST
@given(place=st.sampled_from(sorted(CITIES)), publisher=st.sampled_from(sorted(PUBLISHERS)),
       template=st.sampled_from(WELCOMES), name=st.sampled_from(["Amir Tamim", "Lena Marsh"]))  # fmt: skip
def test_a_swap_does_not_make_the_publisher_the_visitor(
    place: str, publisher: str, template: str, name: str
) -> None:
    """Visitor coded as the country visited, the publisher as host: the place says the
    visitor's country is the host, but no one named is of the publisher's state and the
    evidence does not name it, so the swap would invent its trip: the visiting country
    is left empty."""
    from tests.test_round57_direction import visit

    country, city = CITIES[place]
    text = template.format(V=name, city=city) + f" {PUBLISHERS[publisher]} and {country} agreed."
    draft = visit(visitors=[person(name, place)], visitor_country=place,
                  hosts=[person(country, place)], host_country=publisher, place=city)  # fmt: skip
    outcome = run("visit", text, **draft)
    [record] = outcome.records
    assert record.visitor_country != publisher, (text, outcome.warnings)
    assert record.host_country == place
    assert [p.name for p in record.visitors] == [name]


@FAST
@given(names=NAMES, country=st.sampled_from([("the United Kingdom", "GBR"),
       ("the United States", "USA"), ("the United Arab Emirates", "ARE")]))  # fmt: skip
def test_a_country_named_like_a_title_is_read_whole(
    names: list[str], country: tuple[str, str]
) -> None:
    """ "the United States", "the United Kingdom": a state's name whose words begin like a
    title's ("States", "Kingdom", "Emirates") is read whole, after the name or in an
    apposition."""
    written, code = country
    for text in (f"{names[0]}, the Prime Minister of {written}, met Chancellor {names[1]} of "
                 "Austria on Tuesday.",
                 f"Chancellor {names[1]} of Austria met President {names[0]} of {written} on "
                 "Tuesday."):  # fmt: skip
        people = [person(names[0], "UKR"), person(names[1], "AUT")]
        [record] = run("meeting", text, **meeting(people, ["UKR", "AUT"])).records
        assert {p.name: p.country for p in record.participants}[names[0]] == code, text


# -- in a list of people, a title after a comma with a name of its own is the next one's ----

#: (language, template): {N1} (no title's state of their own) is listed before {N2}, whose
#: title carries {C2}; then officials; a second sentence names {N1}'s state.
LISTS = [
    ("en", "{T1} {N1}, {C2[ADJ]} {T2} {N2} and officials met on Tuesday in {C3[EN]}. "
           "{C1[EN]} sent a delegation."),
    ("en", "{T1} {N1}, {C2[ADJ]} {T2} {N2}, and senior officials held talks on Tuesday. "
           "{C1[EN]} sent a delegation."),
    ("fr", "Le {t1} {N1}, le {t2} {C2[FR_ADJ]} {N2} et des responsables se sont réunis mardi. "
           "La délégation {C1[FR_OF]} est arrivée lundi."),
    ("es", "El {t1} {N1}, el {t2} {C2[ES_ADJ]} {N2} y varios funcionarios se reunieron el "
           "martes. La delegación de {C1[ES]} llegó el lunes."),
    ("de", "{T1} {N1}, der {C2[DE_ADJ]} {T2} {N2} und weitere Beamte trafen sich am Dienstag. "
           "Die Delegation aus {C1[DE]} kam am Montag an."),
]  # fmt: skip


def fill3(template: str, language: str, codes: tuple[str, ...], names: list[str],
          titles: list[str]) -> str:  # fmt: skip
    """``fill`` with a third country {C3[...]} and {N3}."""
    text = template
    for index, name in enumerate(("EN", "ADJ", "FR_OF", "FR_ADJ", "ES", "ES_ADJ", "DE",
                                  "DE_ADJ")):  # fmt: skip
        text = text.replace(f"{{C3[{name}]}}", SIDES[codes[2]][index])
    return fill(text.replace("{N3}", names[2]), language, codes, names, titles, "UKR")


@FAST
@given(codes=THREE, names=NAMES, case=st.sampled_from(LISTS), data=st.data())
def test_a_title_with_a_name_of_its_own_is_not_the_previous_person_s(
    codes: tuple[str, str, str], names: list[str], case: tuple[str, str], data: st.DataObject
) -> None:
    """ "President Biden, Japanese Prime Minister Kishida and officials met": the
    apposition after Biden's comma has a name of its own, so it is Kishida's title, not
    Biden's (Biden was recoded JPN); the model's state for Biden stays."""
    language, template = case
    titles = [data.draw(st.sampled_from(TITLES[language])) for _ in range(2)]
    text = fill3(template, language, codes, names, titles)
    people = [person(names[0], codes[0]), person(names[1], codes[1])]
    outcome = run("meeting", text, **meeting(people, list(codes[:2])))
    [record] = outcome.records
    states = {p.name: p.country for p in record.participants}
    assert states == {names[0]: codes[0], names[1]: codes[1]}, (text, outcome.warnings)


# -- a place after a venue's preposition is where they met, whatever was discussed before ----

#: (language, template, the city's index in CAPITALS): a topic phrase, then the venue.
VENUES_AFTER_TOPICS = [
    ("en", "Foreign Minister {V} discussed trade with President {H} in {city} on Tuesday.", 0),
    ("en", "After talks about Sudan, Foreign Minister {V} met President {H} in {city} on "
           "Tuesday.", 0),
    ("en", "Foreign Minister {V} held talks on security with President {H} in {city} on "
           "Tuesday.", 0),
    ("fr", "La ministre {V}, en visite, a discuté du commerce avec le président {H} à {city} "
           "mardi.", 1),
    ("fr", "Après des entretiens sur le Soudan, la ministre {V} a été reçue par le président "
           "{H} à {city} mardi.", 1),
    ("es", "La canciller {V}, de visita, habló de comercio con el presidente {H} en {city} el "
           "martes.", 2),
    ("es", "La canciller {V} fue recibida por el presidente {H} sobre las diez en {city} el "
           "martes.", 2),
    ("de", "Außenministerin {V} sprach bei ihrem Besuch über Handel mit Präsident {H} in "
           "{city} am Dienstag.", 3),
]  # fmt: skip


@FAST
@given(pair=st.permutations(sorted(HOME)).map(lambda c: c[:2]),
       city=st.sampled_from(sorted(CAPITALS)), case=st.sampled_from(VENUES_AFTER_TOPICS))  # fmt: skip
def test_a_venue_after_a_topic_phrase_is_the_venue(
    pair: tuple[str, str], city: str, case: tuple[str, str, int]
) -> None:
    """The place is a topic only inside the topic phrase: "discussed trade with Kishida in
    Tokyo", "after talks about Sudan ... met X in Tokyo", "sobre las diez en Tokio" (a
    time) name where they met; the model's place and the host it gives are kept (were
    dropped as a topic)."""
    from tests.test_round57_direction import visit

    guest, _ = pair
    language, template, index = case
    written = CAPITALS[city][index]
    text = template.format(V="Anna Berg", H="Marc Roux", city=written)
    text += AND[language].format(A=NATIONS[guest][index], B="Japan")
    draft = visit(visitors=[person("Anna Berg", guest)], visitor_country=guest, hosts=[],
                  host_country=None, place=written)  # fmt: skip
    outcome = run("visit", text, **draft)
    [record] = outcome.records
    assert record.place is not None and record.place.country == city, (text, outcome.warnings)
    assert (record.visitor_country, record.host_country) == (guest, city), text


# -- "about 20 German business leaders": a number after "about" is no topic ------------------

#: (language, template): two titled people meet a number of a third state's people.
ROUGHLY = [
    ("en", "{C1[ADJ]} {T1} {N1} and {C2[ADJ]} {T2} {N2} met about 20 {C3[ADJ]} business "
           "leaders on Tuesday."),
    ("en", "{C1[ADJ]} {T1} {N1} met {C2[ADJ]} {T2} {N2} and about a dozen {C3[ADJ]} "
           "officials on Tuesday."),
    ("es", "El {t1} {C1[ES_ADJ]} {N1} y el {t2} {C2[ES_ADJ]} {N2} se reunieron el martes con "
           "sobre 20 empresarios de {C3[ES]}."),
    ("de", "Der {C1[DE_ADJ]} {T1} {N1} und der {C2[DE_ADJ]} {T2} {N2} trafen am Dienstag über "
           "20 Unternehmer aus {C3[DE]}."),
]  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, case=st.sampled_from(ROUGHLY), data=st.data())
def test_a_number_after_about_is_no_topic(
    codes: tuple[str, str, str], names: list[str], case: tuple[str, str], data: st.DataObject
) -> None:
    """ "about 20", "sobre 20", "über 20" say how many: the third state's people met too,
    and its country stays a side (was dropped as a topic)."""
    language, template = case
    titles = [data.draw(st.sampled_from(TITLES[language])) for _ in range(2)]
    text = fill3(template, language, codes, names, titles)
    people = [person(names[0], codes[0]), person(names[1], codes[1])]
    outcome = run("meeting", text, **meeting(people, list(codes)))
    [record] = outcome.records
    assert codes[2] in record.countries_involved, (text, outcome.warnings)


#: (language, second sentence): a third state's officials took part, outside the evidence.
ALSO_TOOK_PART = [
    ("en", " Officials from {C3[EN]} also took part in the talks."),
    ("fr", " Des responsables {C3[FR_OF]} ont également participé aux entretiens."),
    ("es", " Funcionarios de {C3[ES]} también participaron en las conversaciones."),
    ("de", " Beamte aus {C3[DE]} nahmen ebenfalls an den Gesprächen teil."),
]
FIRST = {"en": "{C1[ADJ]} {T1} {N1} met {C2[ADJ]} {T2} {N2} on Tuesday.",
         "fr": "Le {t1} {C1[FR_ADJ]} {N1} a rencontré mardi le {t2} {C2[FR_ADJ]} {N2}.",
         "es": "El {t1} {C1[ES_ADJ]} {N1} se reunió el martes con el {t2} {C2[ES_ADJ]} {N2}.",
         "de": "Der {C1[DE_ADJ]} {T1} {N1} traf am Dienstag den {C2[DE_ADJ]}n {T2} {N2}."}  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, case=st.sampled_from(ALSO_TOOK_PART), data=st.data())
def test_a_side_named_outside_the_evidence_stays(
    codes: tuple[str, str, str], names: list[str], case: tuple[str, str], data: st.DataObject
) -> None:
    """Every participant's state is known and the evidence is the first sentence: a
    third country the article names as taking part is no topic, and stays a side (was
    dropped because every participant's state was known)."""
    language, second = case
    titles = [data.draw(st.sampled_from(TITLES[language])) for _ in range(2)]
    text = fill3(FIRST[language] + second, language, codes, names, titles)
    people = [person(names[0], codes[0]), person(names[1], codes[1])]
    outcome = run("meeting", text, **meeting(people, list(codes), evidence=[1]))
    [record] = outcome.records
    assert codes[2] in record.countries_involved, (text, outcome.warnings)
