"""Round 62: state initials read where they are a state's, and a bare "Congo" read from how
the text itself names it.

* A state's initials of several words ("DRC", "UAE", "PRC", "ROK") are English ones
  (and Dutch "DRC"): French writes "la RDC", and in Polish, Czech, Slovak, Croatian,
  Serbian, Bosnian and Slovene "ROK" is "year"/"deadline" ("NOWY ROK 2025").
* Initials the text defines as another name's ("the Danish Refugee Council (DRC)",
  "DRC (Disaster Recovery Center)") are that name's in the whole text.
* A bare "Congo" that restates a name of one sharer (a parenthesis, an apposition, "or")
  is that state; initials alone later in its sentence are no contrast.
* A dateline's city that opens the article ("KINSHASA (AFP) -", "BRAZZAVILLE, Jan 5
  (Reuters) -"), or the cities of one sharer the text names, decide before the language's
  reading (French "le Congo" is the Republic only without such context); a city written
  with the country is that country's, whatever homonym is bigger ("KABINDA, Congo").
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.countries import countries_in_text

SETTINGS = settings(max_examples=60, deadline=None)

# ----------------------------------------------------- initials in the languages they name

#: Languages where "rok" is a word, with headlines and sentences that write it in capitals.
ROK_WORD: dict[str, list[str]] = {
    "pl": ["NOWY ROK {n}. Premier mówi o budżecie.", "ROK {n} BYŁ TRUDNY DLA RZĄDU"],
    "cs": ["NOVÝ ROK {n}: vláda schválila rozpočet.", "ROK {n} V ČÍSLECH"],
    "sk": ["NOVÝ ROK {n}. Vláda schválila rozpočet.", "ROK {n} V ČÍSLACH"],
    "hr": ["ROK ZA PREDAJU PONUDA JE {n}. SVIBNJA", "Vlada je produžila ROK do {n}."],
    "sl": ["ROK ZA ODDAJO JE {n}. MAJ", "NOVI ROK ZA VLOGE: {n}"],
    "sr": ["ROK ZA PRIJAVE ISTIČE {n}. MAJA", "NOVI ROK: {n}"],
    "bs": ["ROK ZA PRIJAVE JE {n}. JUNI", "NOVI ROK: {n}"],
}  # fmt: skip


@SETTINGS
@given(language=st.sampled_from(sorted(ROK_WORD)), which=st.integers(0, 1),
       number=st.integers(1, 2030))  # fmt: skip
def test_rok_is_a_word_in_the_languages_that_have_it(
    language: str, which: int, number: int
) -> None:
    sentence = ROK_WORD[language][which].format(n=number)
    assert "KOR" not in countries_in_text(sentence, language), sentence


#: Per language: a sentence with initials in capitals that are no state's initials there.
FOREIGN_INITIALS: dict[str, list[str]] = {
    "fr": ["La {x} de Bretagne a publié son rapport.", "Le directeur de la {x} a démissionné."],
    "es": ["La {x} de Galicia publicó su informe.", "El director de la {x} dimitió."],
    "de": ["Die {x} in Bayern hat ihren Bericht veröffentlicht.", "Der Chef der {x} trat zurück."],
    "it": ["La {x} della Toscana ha pubblicato il rapporto.", "Il direttore della {x} si è dimesso."],
    "pl": ["Dyrektor {x} złożył rezygnację.", "{x} w Krakowie opublikowała raport."],
}  # fmt: skip
STATE_INITIALS = {"DRC": "COD", "UAE": "ARE", "PRC": "CHN", "ROK": "KOR"}


@SETTINGS
@given(language=st.sampled_from(sorted(FOREIGN_INITIALS)), which=st.integers(0, 1),
       initials=st.sampled_from(sorted(STATE_INITIALS)))  # fmt: skip
def test_english_initials_name_no_state_in_other_languages(
    language: str, which: int, initials: str
) -> None:
    sentence = FOREIGN_INITIALS[language][which].format(x=initials)
    assert STATE_INITIALS[initials] not in countries_in_text(sentence, language), sentence


@SETTINGS
@given(initials=st.sampled_from(sorted(STATE_INITIALS)),
       frame=st.sampled_from(["The {x} said on Monday it would retaliate.",
                              "TALKS WITH THE {x} RESUME", "Envoys of the {x} met on Monday."]))  # fmt: skip
def test_english_initials_still_name_their_state(initials: str, frame: str) -> None:
    sentence = frame.format(x=initials)
    assert countries_in_text(sentence, "en") == [STATE_INITIALS[initials]], sentence


def test_dutch_keeps_drc() -> None:
    assert "COD" in countries_in_text("De DRC en Rwanda tekenden een akkoord.", "nl")


# ---------------------------------------------------- initials the text defines otherwise

#: Words to spell another organisation's name from, by initial.
WORDS = {"D": ["Danish", "Disaster", "Drug", "Digital"], "R": ["Refugee", "Recovery", "Research", "Residue"],
         "C": ["Council", "Center", "Committee", "Commission"], "P": ["Pesticide", "Public", "Policy"],
         "U": ["United", "Urban", "Universal"], "A": ["Aviation", "Artists", "Audit"],
         "E": ["Engineers", "Exchange", "Education"], "O": ["Oversight", "Outreach", "Opera"],
         "K": ["Kennel", "Knowledge", "Kinetics"]}  # fmt: skip
DEFINED_FRAMES = [
    "The {o} ({x}) said aid was blocked in Syria.",
    "Aid was blocked in Syria, the {o} ({x}) said. The {x} asked for access.",
    "The {x} said aid was blocked in Syria. The {o} ({x}) has 40 staff there.",
    "{x} ({o}) staff said aid was blocked in Syria.",
    "A spokesman for the {a} {b} of {c} ({x}) said aid was blocked in Syria.",
    "The {a} for {b} and {c} ({x}) said aid was blocked in Syria.",
]


@SETTINGS
@given(initials=st.sampled_from(sorted(STATE_INITIALS)), frame=st.sampled_from(DEFINED_FRAMES),
       picks=st.lists(st.integers(0, 3), min_size=3, max_size=3))  # fmt: skip
def test_initials_defined_as_another_name_are_that_names(
    initials: str, frame: str, picks: list[int]
) -> None:
    words = [
        WORDS[letter][pick % len(WORDS[letter])]
        for letter, pick in zip(initials, picks, strict=True)
    ]
    sentence = frame.format(o=" ".join(words), a=words[0], b=words[1], c=words[2], x=initials)
    found = countries_in_text(sentence, "en")
    assert STATE_INITIALS[initials] not in found and "SYR" in found, sentence


@SETTINGS
@given(pair=st.sampled_from([("the Democratic Republic of Congo", "DRC", "COD"),
                             ("the Democratic Republic of the Congo", "DRC", "COD"),
                             ("the United Arab Emirates", "UAE", "ARE"),
                             ("the People's Republic of China", "PRC", "CHN")]),
       frame=st.sampled_from(["Troops of {o} ({x}) crossed. The {x} said.", "{x} ({o}) envoys met."]))  # fmt: skip
def test_initials_defined_as_the_states_own_name_stay_the_states(
    pair: tuple[str, str, str], frame: str
) -> None:
    name, initials, code = pair
    sentence = frame.format(o=name, x=initials)
    assert countries_in_text(sentence, "en") == [code], sentence


# ------------------------------------------------ a bare "Congo" that restates the state

#: Per language: the bare word, the Democratic Republic's initials, and frames where the
#: bare word and the initials restate one state ("{b}", "{d}").
RESTATED: dict[str, tuple[str, str, list[str]]] = {
    "en": ("Congo", "DRC", ["Fighting in eastern {b} ({d}) killed {n}.", "Fighting in {b}, the {d}, killed {n}.",
                            "The {d}, or {b}, lost {n} soldiers.", "Fighting in the {d} ({b}) killed {n}.",
                            "Rwanda-backed rebels in {b} took Goma, the largest city in eastern {d}, and killed {n}.",
                            "Aid to {b} or the {d} reached {n} tonnes."]),
    "fr": ("Congo", "RDC", ["Les combats dans l'est du {b} ({d}) ont fait {n} morts.",
                            "La {d}, ou {b}, a perdu {n} soldats."]),
    "es": ("Congo", "RDC", ["Los combates en el este del {b} ({d}) dejaron {n} muertos.",
                            "La {d}, o {b}, perdió {n} soldados."]),
    "de": ("Kongo", "DR Kongo", ["Kämpfe im Osten des {b} ({d}) töteten {n} Menschen."]),
}  # fmt: skip


@SETTINGS
@given(
    language=st.sampled_from(sorted(RESTATED)), frame=st.integers(0, 5), number=st.integers(2, 90)
)
def test_a_bare_name_restating_initials_is_their_state(
    language: str, frame: int, number: int
) -> None:
    bare, initials, frames = RESTATED[language]
    sentence = frames[frame % len(frames)].format(b=bare, d=initials, n=number)
    found = countries_in_text(sentence, language)
    assert "COD" in found and "COG" not in found, sentence


@SETTINGS
@given(frame=st.sampled_from(["{b} and the {d} signed a deal.", "{b}, the {d} and Angola signed.",
                              "{b}, the {d}, Rwanda and Angola signed.", "The {d} and {b} signed."]))  # fmt: skip
def test_a_bare_name_coordinated_with_initials_is_still_the_other(frame: str) -> None:
    sentence = frame.format(b="Congo", d="DRC")
    assert {"COD", "COG"} <= set(countries_in_text(sentence, "en")), sentence


# ----------------------------------------------------- the text's own cities decide first

BRAZZAVILLE_CITIES = ["BRAZZAVILLE", "POINTE-NOIRE", "POINTE NOIRE", "DOLISIE", "Brazzaville"]
KINSHASA_CITIES = ["KINSHASA", "GOMA", "BUKAVU", "LUBUMBASHI", "KABINDA", "Kinshasa"]
BODIES = {
    "en": "Congo's government said it would hold elections.",
    "fr": "Le Congo a annoncé des élections.",
    "es": "El Congo anunció elecciones.",
}
OPENINGS = [
    "{c} (AFP) - ",
    "{c}, Jan 5 (Reuters) - ",
    "By Jane Doe\n\n{c} (AP) — ",
    "{c}, Congo (Reuters) - ",
]


@SETTINGS
@given(language=st.sampled_from(sorted(BODIES)), opening=st.sampled_from(OPENINGS),
       city=st.sampled_from([(c, "COG") for c in BRAZZAVILLE_CITIES] + [(c, "COD") for c in KINSHASA_CITIES]))  # fmt: skip
def test_the_datelines_city_decides_the_bare_name(
    language: str, opening: str, city: tuple[str, str]
) -> None:
    name, code = city
    text = opening.format(c=name) + BODIES[language]
    assert countries_in_text(text, language) == [code], text


FRENCH_IN_KINSHASA = [
    "À {c}, le Congo a voté.",
    "Le Congo et le Rwanda ont signé un accord de paix à Washington. {c} accuse Kigali.",
    "Le Congo a annoncé des élections, a-t-on appris à {c}.",
]


@SETTINGS
@given(
    frame=st.sampled_from(FRENCH_IN_KINSHASA),
    city=st.sampled_from(["Kinshasa", "Goma", "Bukavu", "Lubumbashi"]),
)
def test_french_le_congo_beside_a_city_of_the_democratic_republic_is_it(
    frame: str, city: str
) -> None:
    text = frame.format(c=city)
    found = countries_in_text(text, "fr")
    assert "COD" in found and "COG" not in found, text


def test_french_le_congo_alone_is_still_the_republic() -> None:
    assert countries_in_text("Le Congo a voté dimanche.", "fr") == ["COG"]
    assert countries_in_text("À Brazzaville, le Congo a voté.", "fr") == ["COG"]


# ------------------------------------------------------ both Koreas, shared plurals, spellings

#: Per language: a frame ("{x}") for the coordinated sides, in prose and in a headline.
SIDED: dict[str, list[str]] = {
    "en": ["{n} and {s} Korean officials met on {d}.", "{s} and {n} Korean envoys met on {d}.",
           "{N} AND {S} KOREA HOLD TALKS ON {D}", "ENVOYS OF {N} AND {S} KOREA MEET ON {D}"],
}  # fmt: skip
DAYS = ["Monday", "Tuesday", "Friday", "Sunday"]


@SETTINGS
@given(frame=st.sampled_from(SIDED["en"]), day=st.sampled_from(DAYS))
def test_north_and_south_korean_names_both(frame: str, day: str) -> None:
    text = frame.format(n="North", s="South", N="NORTH", S="SOUTH", d=day, D=day.upper())
    assert sorted(countries_in_text(text, "en")) == ["KOR", "PRK"], text


@SETTINGS
@given(pair=st.sampled_from([("NORTH KOREA AND SOUTH AFRICA SIGN DEAL", ["PRK", "ZAF"]),
                             ("South Korean and North Macedonian officials met.", ["KOR", "MKD"]),
                             ("North Korean troops and South Africa's envoy met.", ["PRK", "ZAF"]),
                             ("Rains hit the north and South Korea's capital.", ["KOR"])]))  # fmt: skip
def test_a_side_word_of_another_name_still_names_no_korea(pair: tuple[str, list[str]]) -> None:
    text, codes = pair
    assert sorted(countries_in_text(text, "en")) == codes, text


#: Per language: the plural of a shared name, its states, and a frame ("{p}").
PLURALS: dict[str, tuple[list[tuple[str, list[str]]], list[str]]] = {
    "en": ([("Koreas", ["KOR", "PRK"]), ("Sudans", ["SDN", "SSD"]), ("Congos", ["COD", "COG"])],
           ["The two {p} held talks.", "Trade between the {p} grew.", "THE TWO {P} HOLD TALKS"]),
    "fr": ([("Corées", ["KOR", "PRK"]), ("Soudans", ["SDN", "SSD"])],
           ["Les deux {p} ont négocié.", "Les {p} du Nord et du Sud ont négocié."]),
    "es": ([("Coreas", ["KOR", "PRK"]), ("Sudanes", ["SDN", "SSD"])],
           ["Las dos {p} negociaron.", "Las {p} del Norte y del Sur negociaron."]),
    "pt": ([("Coreias", ["KOR", "PRK"])], ["As duas {p} negociaram."]),
    "it": ([("Coree", ["KOR", "PRK"])], ["Le due {p} hanno negoziato."]),
    "de": ([("Koreas", ["KOR", "PRK"])], ["Die beiden {p} verhandelten."]),
}  # fmt: skip


@SETTINGS
@given(language=st.sampled_from(sorted(PLURALS)), which=st.integers(0, 2), frame=st.integers(0, 2))
def test_a_shared_plural_names_both_states(language: str, which: int, frame: int) -> None:
    plurals, frames = PLURALS[language]
    plural, codes = plurals[which % len(plurals)]
    text = frames[frame % len(frames)].format(p=plural, P=plural.upper())
    assert sorted(countries_in_text(text, language)) == codes, text


@SETTINGS
@given(pair=st.sampled_from([("de", "Nordkorea und {x} verhandelten.", "Süd-Sudan"),
                             ("fr", "La Corée du Nord et le {x} ont signé.", "Sud-Soudan"),
                             ("de", "Der {x} meldete Kämpfe.", "Süd-Sudan"),
                             ("fr", "Le {x} a signalé des combats.", "Sud-Soudan")]))  # fmt: skip
def test_south_sudan_hyphenated_is_south_sudan(pair: tuple[str, str, str]) -> None:
    language, frame, name = pair
    found = countries_in_text(frame.format(x=name), language)
    assert "SSD" in found and "SDN" not in found, found


@SETTINGS
@given(spelling=st.sampled_from(["Belarussian", "Byelorussian", "Belorussian"]),
       noun=st.sampled_from(["troops", "officials", "opposition", "border guards"]))  # fmt: skip
def test_belarus_spellings(spelling: str, noun: str) -> None:
    assert countries_in_text(f"The {spelling} {noun} said on Monday.", "en") == ["BLR"]


# ------------------------------------------- round 62, second pass: initials everywhere else

#: Per language whose press writes the English initials of these states: frames ("{x}").
INITIALS_WRITTEN: dict[str, list[str]] = {
    "sw": ["Serikali ya {x} imesema itafanya uchaguzi.", "Wanajeshi wa {x} wameuawa."],
    "no": ["Myndighetene i {x} sa mandag at de vil svare.", "{x} har signert avtalen."],
    "da": ["Myndighederne i {x} sagde mandag, at de vil svare."],
    "sv": ["Myndigheterna i {x} sade på måndagen att de skulle svara."],
    "id": ["Pemerintah {x} mengatakan akan membalas.", "Menteri luar negeri {x} tiba di Jakarta."],
    "ms": ["Kerajaan {x} berkata akan bertindak balas."],
    "tl": ["Sinabi ng gobyerno ng {x} na gaganti ito."],
    "en": ["The {x} said on Monday it would retaliate.", "Officials in the {x} denied the report."],
}  # fmt: skip


@SETTINGS
@given(language=st.sampled_from(sorted(INITIALS_WRITTEN)), which=st.integers(0, 1),
       initials=st.sampled_from(sorted(STATE_INITIALS)))  # fmt: skip
def test_initials_name_their_state_where_the_press_writes_them(
    language: str, which: int, initials: str
) -> None:
    frames = INITIALS_WRITTEN[language]
    sentence = frames[which % len(frames)].format(x=initials)
    assert STATE_INITIALS[initials] in countries_in_text(sentence, language), sentence


@SETTINGS
@given(language=st.sampled_from(["en", "sw", "it", "pt", "pl", "nl", "id"]),
       frame=st.sampled_from(["{x} troops crossed the border.", "Rząd {x} oświadczył.",
                              "Serikali ya {x} imesema.", "Gli {x} hanno firmato."]))  # fmt: skip
def test_usa_is_the_united_states(language: str, frame: str) -> None:
    sentence = frame.format(x="USA")
    assert "USA" in countries_in_text(sentence, language), sentence


# -------------------------------- a bare "Congo" and initials that a verb relates to it

#: A preposition of relation before the initials ("with", "against", "between") makes them
#: the other state; a verb's bare object does not ("Congo accused the DRC" reads as the
#: DRC alone): news that names the DRC by initials calls it "Congo" too, far more often
#: than it sets the two Congos against each other (lead, after a third probe).
VERBS_RELATING = ["closed its border with", "signed a deal with", "traded fire with",
                  "clashed with", "filed a complaint against", "held talks with"]  # fmt: skip


@SETTINGS
@given(verb=st.sampled_from(VERBS_RELATING), article=st.sampled_from(["the ", ""]),
       opening=st.sampled_from(["", "On Monday, ", "Officials said "]),
       day=st.sampled_from(DAYS))  # fmt: skip
def test_a_bare_name_a_verb_relates_to_initials_is_the_other_state(
    verb: str, article: str, opening: str, day: str
) -> None:
    sentence = f"{opening}Congo {verb} {article}DRC on {day}."
    assert {"COD", "COG"} <= set(countries_in_text(sentence, "en")), sentence


@SETTINGS
@given(verb=st.sampled_from(["a fermé sa frontière avec", "a accusé", "a signé un accord avec",
                             "a mis en garde"]),
       day=st.sampled_from(["lundi", "mardi", "dimanche"]))  # fmt: skip
def test_french_le_congo_a_verb_relates_to_la_rdc_is_the_other_state(verb: str, day: str) -> None:
    sentence = f"Le Congo {verb} la RDC {day}."
    assert {"COD", "COG"} <= set(countries_in_text(sentence, "fr")), sentence


@SETTINGS
@given(city=st.sampled_from(["Goma", "Bukavu", "Lubumbashi"]),
       head=st.sampled_from(["the largest city in eastern", "a town in the", "the capital of the"]))  # fmt: skip
def test_initials_locating_a_city_in_apposition_restate_the_bare_name(city: str, head: str) -> None:
    sentence = f"Rebels in Congo took {city}, {head} DRC, on Monday."
    found = countries_in_text(sentence, "en")
    assert "COD" in found and "COG" not in found, sentence


# ----------------------------------- a city the text goes to or comes from is no cue

#: French frames where a city of the Democratic Republic is a destination, an origin, or the
#: place of another event: "le Congo" stays the Republic, as French press writes it.
FRENCH_ELSEWHERE = [
    "Le Congo a accueilli des réfugiés venus de {c}.",
    "Le président du Congo, Denis Sassou Nguesso, s'est rendu à {c}.",
    "Le Congo a envoyé une délégation à {c} pour discuter du fleuve.",
    "Le Congo a condamné les violences à {c}.",
    "Le ministre congolais a rencontré son homologue à {c}. Le Congo veut la paix.",
]
#: English frames where a city of the Republic is such a place: "Congo" stays the
#: Democratic Republic, as the agencies write it.
ENGLISH_ELSEWHERE = [
    "Congo's health ministry declared an Ebola outbreak; a WHO office in {c} sent aid.",
    "Congo's president flew to {c} for talks with Sassou Nguesso.",
    "Refugees from Congo's Equateur province crossed the river to {c}.",
    "Congo's army fought M23 rebels; peace talks were held in {c}.",
]


@SETTINGS
@given(frame=st.sampled_from(FRENCH_ELSEWHERE), city=st.sampled_from(["Kinshasa", "Goma", "Lubumbashi"]))  # fmt: skip
def test_french_a_city_elsewhere_leaves_le_congo_the_republic(frame: str, city: str) -> None:
    text = frame.format(c=city)
    found = countries_in_text(text, "fr")
    assert "COG" in found and "COD" not in found, text


@SETTINGS
@given(frame=st.sampled_from(ENGLISH_ELSEWHERE), city=st.sampled_from(["Brazzaville", "Pointe-Noire"]))  # fmt: skip
def test_english_a_city_elsewhere_leaves_congo_the_democratic_republic(
    frame: str, city: str
) -> None:
    text = frame.format(c=city)
    found = countries_in_text(text, "en")
    assert "COD" in found and "COG" not in found, text


@SETTINGS
@given(city=st.sampled_from(["Kinshasa", "Goma", "Lubumbashi"]),
       frame=st.sampled_from(["À {c}, le Congo a voté.", "{c} accuse Kigali. Le Congo veut la paix.",
                              "Le Congo a annoncé des élections, a-t-on appris à {c}."]))  # fmt: skip
def test_a_city_setting_the_scene_still_decides(city: str, frame: str) -> None:
    text = frame.format(c=city)
    found = countries_in_text(text, "fr")
    assert "COD" in found and "COG" not in found, text


# ------------------------------------------------------- both sides of a relation or a name


@SETTINGS
@given(pair=st.sampled_from([("en", "{X} talks resumed on Monday.", ["Inter-Korean", "inter-Korean"]),
                             ("en", "The {X} summit was held.", ["inter-Korean", "INTER-KOREAN"]),
                             ("fr", "Le sommet {X} a eu lieu.", ["intercoréen", "inter-coréen"]),
                             ("es", "La cumbre {X} se celebró.", ["intercoreana"]),
                             ("de", "Die {X} Gespräche begannen.", ["innerkoreanischen"])]),
       which=st.integers(0, 1))  # fmt: skip
def test_inter_korean_names_both_koreas(pair: tuple[str, str, list[str]], which: int) -> None:
    language, frame, words = pair
    text = frame.format(X=words[which % len(words)])
    assert sorted(countries_in_text(text, language)) == ["KOR", "PRK"], text


@SETTINGS
@given(frame=st.sampled_from(["{n} and {s} Sudan signed a deal on {d}.", "{N} AND {S} SUDAN SIGN DEAL ON {D}",
                              "Talks between {n} and {s} Sudan resumed on {d}."]),
       day=st.sampled_from(DAYS))  # fmt: skip
def test_north_and_south_sudan_names_both(frame: str, day: str) -> None:
    text = frame.format(n="North", s="South", N="NORTH", S="SOUTH", d=day, D=day.upper())
    assert sorted(countries_in_text(text, "en")) == ["SDN", "SSD"], text


@SETTINGS
@given(frame=st.sampled_from(["Die Regierung {x} sagte am {d}.", "Der Präsident {x} reiste am {d} ab.",
                              "Die Hauptstadt {x} meldete am {d} Regen."]),
       name=st.sampled_from([("der Republik Koreas", "KOR"), ("Südkoreas", "KOR"), ("Nordkoreas", "PRK")]),
       day=st.sampled_from(["Montag", "Dienstag", "Freitag"]))  # fmt: skip
def test_german_genitive_koreas_names_one_korea(
    frame: str, name: tuple[str, str], day: str
) -> None:
    words, code = name
    text = frame.format(x=words, d=day)
    assert countries_in_text(text, "de") == [code], text


#: Initials elsewhere in the sentence than after a preposition of relation restate a bare
#: "Congo" (a third probe: "in eastern Congo, according to the DRC army" added the Republic).
RESTATED_BY_INITIALS = ["M23 rebels advanced in eastern {C}, according to the DRC army.",
            "Fighting in {C}'s North Kivu displaced thousands, DRC officials said.",
            "The {C} River basin lies mostly in the DRC.",
            "Rwanda denies backing M23 in {C}; the DRC accuses Kigali."]  # fmt: skip


@SETTINGS
@given(frame=st.sampled_from(RESTATED_BY_INITIALS))
def test_initials_elsewhere_in_the_sentence_restate_a_bare_congo(frame: str) -> None:
    sentence = frame.format(C="Congo")
    assert "COG" not in countries_in_text(sentence, "en"), sentence
    assert "COD" in countries_in_text(sentence, "en"), sentence


#: German plural "Koreas" after an article or a quantifier of its own (a third probe: only
#: "beiden"/"zwei" were read, so "beider Koreas", "zwischen den Koreas" named no state).
GERMAN_PLURAL_KOREAS = ["Die Außenminister beider Koreas trafen sich.",
                        "Die Spannungen zwischen den Koreas wachsen.",
                        "Beide Koreas verhandeln.", "Die Koreas verhandeln.",
                        "Ein Gipfel der Koreas ist geplant."]  # fmt: skip


@SETTINGS
@given(frame=st.sampled_from(GERMAN_PLURAL_KOREAS))
def test_german_koreas_after_an_article_or_quantifier_is_both(frame: str) -> None:
    assert set(countries_in_text(frame, "de")) == {"KOR", "PRK"}, frame
