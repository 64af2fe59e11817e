"""Round 61: who a casualty report's perpetrator is (``perpetrator_problem``).

Each class is tested by its principle, over generated group names, verbs, objects and
languages: a negated claim denies; an object a military verb counts is of people only if it
names people (by word or form; Spanish marks a person with "a"); a noun phrase followed by
a finite verb after "claimed" is a reported clause; a deed after the event whose relative
clause tells the toll answers it; a claim of any noun phrase that a relative clause of harm
describes claims the event.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.casualty_report import perpetrator_problem

GROUPS = ["Qorvan Front", "Zelbar Brigade", "Kessa Militia"]


def _cases(frames: dict[str, list[str]], fillers: dict[str, list[str]], groups: list[str]):
    """(language, group, sentence) for every frame, filler and group of each language."""
    return [
        (language, group, frame.format(g=group, x=filler))
        for language, language_frames in frames.items()
        for frame, filler, group in itertools.product(language_frames, fillers[language], groups)
    ]


#: A claim negated inside its own words, or a negated "behind": a denial in every language.
_NEGATED_FRAMES = {
    "en": ["{g} was not behind the {x} that killed 12 people.",
           "{g} is not behind the {x} that killed 12 people.",
           "{g} claimed no responsibility for the {x} that killed 12 people.",
           "{g} claimed no role in the {x} that killed 12 people.",
           "Officials claimed {g} was not behind the {x} that killed 12 people."],
    "fr": ["Le {g} n'était pas derrière l'{x} qui a tué 12 personnes.",
           "Le {g} n'a pas revendiqué l'{x} qui a tué 12 personnes."],
    "es": ["El {g} no estaba detrás del {x} que mató a 12 personas.",
           "El {g} no reivindicó el {x} que mató a 12 personas."],
    "de": ["Die {g} steckte nicht hinter dem {x}, bei dem zwölf Menschen getötet wurden.",
           "Die {g} bekannte sich nicht zu dem {x}, bei dem zwölf Menschen getötet wurden."],
    "ru": ["{g} не стоит за {x}, в котором погибли 12 человек.",
           "{g} не брала на себя ответственность за {x}, в котором погибли 12 человек."],
}  # fmt: skip
_EVENTS = {
    "en": ["bombing", "attack", "suicide attack", "ambush"],
    "fr": ["attentat", "attaque"],
    "es": ["atentado", "ataque"],
    "de": ["Anschlag", "Angriff"],
    "ru": ["теракт", "нападение"],
}


@pytest.mark.parametrize("language, group, sentence", _cases(_NEGATED_FRAMES, _EVENTS, GROUPS))
def test_a_negated_claim_denies(language, group, sentence):
    problem = perpetrator_problem(group, sentence, language)
    assert problem is not None and "denies" in problem, sentence


#: A military verb that kills only people, with a counted object that names no people: things.
_COUNTED_THING_FRAMES = {
    "en": ["The army neutralized {x}, but 12 people died in a second blast.",
           "The army said it had eliminated {x}, but 12 people died in a second blast."],
    "es": ["El ejército neutralizó {x}, pero 12 personas murieron en otra explosión."],
    "fr": ["L'armée a neutralisé {x}, mais 12 personnes sont mortes dans une seconde explosion."],
    "de": ["Die Armee eliminierte {x}, doch zwölf Menschen starben bei einer zweiten Explosion."],
    "ru": ["Армия уничтожила {x}, но 12 человек погибли при втором взрыве."],
}  # fmt: skip
_COUNTED_THINGS = {
    "en": ["12 checkpoints", "three bridges", "12 ammunition dumps", "12 howitzers",
           "12 artillery pieces", "12 camps", "three bases", "12 motorcycles"],
    "es": ["12 cañones", "tres puentes", "12 campamentos", "12 motos"],
    "fr": ["12 canons", "trois ponts", "12 navires", "12 motos"],
    "de": ["zwölf Geschütze", "zwölf Haubitzen", "drei Brücken", "zwölf Stützpunkte"],
    "ru": ["12 гаубиц", "12 орудий", "три РСЗО", "12 РЛС", "12 бронемашин"],
}  # fmt: skip
_SPEAKERS = {"en": "The army", "es": "El ejército", "fr": "L'armée", "de": "Die Armee",
             "ru": "Армия"}  # fmt: skip


@pytest.mark.parametrize(
    "language, group, sentence", _cases(_COUNTED_THING_FRAMES, _COUNTED_THINGS, ["-"])
)
def test_a_counted_object_of_no_people_is_a_thing(language, group, sentence):
    speaker = _SPEAKERS[language]
    assert perpetrator_problem(speaker, sentence, language) is not None, sentence


#: People named by a word or its form after an article, a demonstrative or a count; Spanish
#: "a" marks a person whatever the noun.
_PEOPLE_OBJECTS = {
    "en": ["the bandits", "the kidnappers", "the Houthis", "the ringleader", "the abductors",
           "the poachers", "these bandits", "the 12 bandits", "12 smugglers", "dozens of pirates"],
    "es": ["a 12 Zorbaks", "a los bandidos", "a tres secuestradores", "12 contrabandistas"],
    "fr": ["les bandits", "les ravisseurs", "12 braconniers", "trois passeurs"],
    "de": ["die Banditen", "die Entführer", "zwölf Schmuggler", "zwölf Islamisten"],
    "ru": ["бандитов", "похитителей", "12 контрабандистов", "главаря банды"],
}  # fmt: skip
_PEOPLE_FRAMES = {
    "en": ["The army neutralized {x} in Zamfara state.",
           "The army said it had neutralized {x} in Zamfara state."],
    "es": ["El ejército neutralizó {x} en la región."],
    "fr": ["L'armée a neutralisé {x} dans la région."],
    "de": ["Die Armee eliminierte {x} in der Region."],
    "ru": ["Армия уничтожила {x} в районе."],
}  # fmt: skip


@pytest.mark.parametrize(
    "language, group, sentence", _cases(_PEOPLE_FRAMES, _PEOPLE_OBJECTS, ["-"])
)
def test_an_object_of_people_is_a_killing(language, group, sentence):
    assert perpetrator_problem(_SPEAKERS[language], sentence, language) is None, sentence


#: After "claimed"/"alleged", a noun phrase followed by a finite verb is a reported clause.
_CLAIMED_CLAUSE = {
    "en": [
        "{g} claimed the {x} the bomb that killed 12 people.",
        "{g} alleged the {x} the bomb that killed 12 people.",
    ],
}
_OTHERS_DEEDS = {
    "en": [f"{s} {v}" for s, v in itertools.product(
        ["army", "police", "rival militia"],
        ["planted", "set off", "detonated", "hid", "placed", "smuggled in"])],
}  # fmt: skip


@pytest.mark.parametrize(
    "language, group, sentence", _cases(_CLAIMED_CLAUSE, _OTHERS_DEEDS, GROUPS)
)
def test_a_claim_that_another_did_it_is_speech(language, group, sentence):
    assert perpetrator_problem(group, sentence, language) is not None, sentence


_CLAIMED_ORDER = {
    "en": [
        "{g} claimed the army {x} the attack that killed 12 people.",
        "{g} alleged the army {x} the attack that killed 12 people.",
    ],
}
_ORDERS = {"en": ["staged", "orchestrated", "masterminded", "ordered", "opened fire during"]}


@pytest.mark.parametrize("language, group, sentence", _cases(_CLAIMED_ORDER, _ORDERS, GROUPS))
def test_a_claim_that_another_ordered_it_is_speech(language, group, sentence):
    assert perpetrator_problem(group, sentence, language) is not None, sentence


#: A deed after the event whose relative clause tells the toll answers it.
_RESPONSE_FRAMES = {
    "en": ["The army {x} after the attack that killed 12 people.",
           "Police said it {x} after the bombing that killed 12 people.",
           "The army {x} following the raid in which 12 people died."],
    "es": ["El ejército {x} tras el atentado que mató a 12 personas."],
    "fr": ["L'armée a {x} après l'attentat qui a tué 12 personnes."],
}  # fmt: skip
_RESPONSES = {
    "en": ["neutralized the bomb", "defused the bomb", "neutralized the suspects",
           "eliminated the gunmen", "arrested the suspects"],
    "es": ["neutralizó a los sospechosos", "desactivó la bomba", "detuvo a los sospechosos"],
    "fr": ["neutralisé les suspects", "désamorcé la bombe", "arrêté les suspects"],
}  # fmt: skip


@pytest.mark.parametrize("language, group, sentence", _cases(_RESPONSE_FRAMES, _RESPONSES, ["-"]))
def test_a_deed_after_the_event_answers_it(language, group, sentence):
    speaker = "Police" if sentence.startswith("Police") else _SPEAKERS[language]
    assert perpetrator_problem(speaker, sentence, language) is not None, sentence


#: A claim of any noun phrase that a relative clause of harm describes claims the event.
_OWN_CLAIMS = {
    "en": ["{g} claimed the {x} that killed 12 people.",
           "{g} said it was behind the {x} that killed 12 people.",
           "{g} claimed responsibility for the {x} that killed 12 people.",
           "{g} claimed Tuesday's {x}, which killed 12 people.",
           "{g} claimed last week's {x} in Kaduna that killed 12 people."],
}  # fmt: skip
_NOUNS = {"en": ["assault", "siege", "incursion", "offensive", "hostage-taking", "rampage",
                 "gunfight", "onslaught", "suicide car bomb attack"]}  # fmt: skip


@pytest.mark.parametrize("language, group, sentence", _cases(_OWN_CLAIMS, _NOUNS, GROUPS))
def test_a_claim_of_the_event_its_relative_clause_tells_is_the_claimants(language, group, sentence):
    assert perpetrator_problem(group, sentence, language) is None, sentence


#: What stays: a group's own deed, its claim, and speech about another's.
@pytest.mark.parametrize(
    "group, sentence, did",
    [
        (g, s.format(g=g), did)
        for g in GROUPS
        for s, did in [
            ("{g} killed 12 people in the raid.", True),
            ("{g} said in the north that its fighters killed 12 soldiers in an ambush.", True),
            ("{g} killed 3 gunmen after the attack that killed 12 people.", True),
            ("{g} condemned the siege that killed 12 people.", False),
            ("{g} said that 12 people died in the siege.", False),
        ]
    ],
)
def test_what_stays(group, sentence, did):
    assert (perpetrator_problem(group, sentence, "en") is None) is did, sentence


#: A long token (a URL, a slug, a hashtag chain) after "after" in any language: the event
#: phrase is read word by word, so the work grows with its length, not as its 6th power
#: (the 60-character token took seconds, the 2,000-character one would take years).
_LONG_TOKEN_FRAMES = {
    "en": "The army killed 12 militants after {x} y.",
    "es": "El ejército mató a 12 milicianos tras {x} y.",
    "fr": "L'armée a tué 12 miliciens après {x} y.",
    "de": "Die Armee tötete zwölf Kämpfer nach {x} y.",
    "ru": "Армия убила 12 боевиков после {x} y.",
}
_TOKENS = ["x" * 2000, "example.org/" + "a-b" * 600, "#" + "tag#" * 400]


@pytest.mark.parametrize("language, token", itertools.product(_LONG_TOKEN_FRAMES, _TOKENS))
def test_a_long_token_after_after_is_read_in_linear_time(language, token):
    sentence = _LONG_TOKEN_FRAMES[language].format(x=token)
    assert perpetrator_problem(_SPEAKERS[language], sentence, language) is None


#: A count is of people unless a thing word says otherwise: the people a military verb
#: counts are named by open classes (groups, peoples, staff, hyphenated compounds) no form
#: closes; after an article, a word or form of people decides.
_COUNTED_PEOPLE = {
    "en": ["12 Boko Haram", "12 staff", "three crew", "12 guerrillas", "12 commandos",
           "12 recruits", "12 Taliban", "12 Kurds", "12 Rohingya", "12 Fulani", "12 Peshmerga",
           "12 Hamas", "12 ex-soldiers", "the ex-soldiers", "12 Al-Shabaab",
           "12 co-conspirators", "12 bomb makers"],
    "es": ["12 talibanes", "12 Zorbaks", "tres Zorbaks"],
    "fr": ["12 villageois", "12 fidèles", "12 jeunes", "12 gendarmes", "12 talibans"],
    "de": ["zwölf Gläubige", "zwölf Jugendliche", "zwölf Milizionäre", "zwölf Huthi-Rebellen",
           "zwölf Al-Shabaab-Kämpfer"],
    "ru": ["12 детей", "12 женщин", "12 рыбаков", "12 талибов"],
}  # fmt: skip


@pytest.mark.parametrize(
    "language, group, sentence", _cases(_COUNTED_THING_FRAMES, _COUNTED_PEOPLE, ["-"])
)
def test_a_counted_object_is_of_people_unless_a_thing(language, group, sentence):
    assert perpetrator_problem(_SPEAKERS[language], sentence, language) is None, sentence


#: Equipment whose plural looks like a noun of people ("-ers", "-ors", "-ents", "-eurs",
#: "-er", "-чик") is a thing, after an article or a count, in every language.
_EQUIPMENT = {
    "en": [f"{d} {n}" for d, n in itertools.product(
        ["the", "12", "these"],
        ["transformers", "transporters", "bulldozers", "detonators", "sensors", "jammers",
         "interceptors", "components", "Leopards", "Stingers"])],
    "es": ["los detonadores", "12 detonadores", "los morteros", "12 morteros"],
    "fr": ["les détonateurs", "12 détonateurs", "les mortiers", "12 drones kamikazes",
           "les drones kamikazes"],
    "de": ["die Mörser", "zwölf Mörser", "die Zerstörer", "zwölf Hubschrauber"],
    "ru": ["перехватчиков", "12 перехватчиков"],
}  # fmt: skip


@pytest.mark.parametrize(
    "language, group, sentence", _cases(_COUNTED_THING_FRAMES, _EQUIPMENT, ["-"])
)
def test_equipment_shaped_as_people_is_a_thing(language, group, sentence):
    assert perpetrator_problem(_SPEAKERS[language], sentence, language) is not None, sentence


#: A relative clause attaches to the nearest noun phrase: one inside a modifier of the
#: claim's object ("control of the district in which", "a victim of the siege that") is not
#: what was claimed.
_CLAIMS_OF_ELSE = {
    "en": ["{g} claimed control of the {x} in which 12 soldiers died.",
           "{g} claimed a victim of the {x} that killed 12 people as a member.",
           "{g} claimed the support of the {x} in which 12 people died."],
}  # fmt: skip
_PLACES = {
    "en": ["district", "town", "village", "market", "camp"],
}


@pytest.mark.parametrize("language, group, sentence", _cases(_CLAIMS_OF_ELSE, _PLACES, GROUPS))
def test_a_claim_of_what_holds_the_event_is_no_claim_of_it(language, group, sentence):
    assert perpetrator_problem(group, sentence, language) is not None, sentence


#: An auxiliary, a copula or a modal after the noun phrase of the event makes it the subject
#: of a clause the claim reports: speech about the event, not a claim of it.
_CLAIMED_EVENT_CLAUSE = {
    "en": ["{g} claimed the {x} that killed 12 people was an accident.",
           "{g} claimed the {x} that killed 12 people had been planned abroad.",
           "{g} claimed the {x} that killed 12 people could have been avoided.",
           "{g} claimed the {x} in which 12 people died would not happen again."],
}  # fmt: skip
_EVENT_NOUNS = {"en": ["siege", "riot", "rampage", "attack", "bombing", "operation"]}


@pytest.mark.parametrize(
    "language, group, sentence", _cases(_CLAIMED_EVENT_CLAUSE, _EVENT_NOUNS, GROUPS)
)
def test_a_claim_that_the_event_was_so_is_speech(language, group, sentence):
    assert perpetrator_problem(group, sentence, language) is not None, sentence


#: A deed after the event with a toll of its own later in the sentence ("..., killing 12
#: more"), or an event whose relative clause has the name as its subject ("in which it
#: killed"), is the name's own: no response.
_OWN_AFTER_FRAMES = {
    "en": ["{g} {x} after the ambush that killed 3 soldiers, killing 12 more.",
           "{g} {x} after the airstrike that killed its leader, killing 12 soldiers.",
           "{g} {x} after the siege in which it killed 12 people.",
           "{g} {x} after the raid during which its fighters killed 12 people."],
}  # fmt: skip
_OWN_AFTER_VERBS = {"en": ["withdrew", "struck again", "attacked the convoy", "retaliated"]}


@pytest.mark.parametrize(
    "language, group, sentence", _cases(_OWN_AFTER_FRAMES, _OWN_AFTER_VERBS, GROUPS)
)
def test_a_deed_with_its_own_toll_after_the_event_is_no_response(language, group, sentence):
    assert perpetrator_problem(group, sentence, language) is None, sentence


#: "Not only" affirms the deed it adds to: no denial.
_NOT_ONLY = {
    "en": ["{g} did not only kill 12 soldiers but also burned the village.",
           "{g} was not only behind the bombing that killed 12 people."],
    "de": ["Die {g} tötete nicht nur zwölf Soldaten, sondern brannte das Dorf nieder."],
    "ru": ["{g} не только стоит за терактом, в котором погибли 12 человек."],
}  # fmt: skip


@pytest.mark.parametrize(
    "language, group, sentence", _cases(_NOT_ONLY, {k: [""] for k in _NOT_ONLY}, GROUPS)
)
def test_not_only_affirms(language, group, sentence):
    assert perpetrator_problem(group, sentence, language) is None, sentence
