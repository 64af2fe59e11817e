"""Round 59: a group's claim of its own attack, read by the same principle in every language.

ACLED and UCDP code the group that claims its own attack as its actor: the subject of the
verb of saying is the subject of the verb of harm ("X said it killed 12"), and the verb of
harm stands in no clause about others ("X said it was searching for the gunmen who
killed 12" is no claim). Round 58 read it in English; in the other languages:

* Russian drops the pronoun after "что" ("Группировка заявила, что убила пятерых
  солдат", "ИГ заявило, что совершило нападение"): the claim was read as speech, the
  claimant emptied. The dropped subject is the speaker only when the verb follows "что"
  at once, but for auxiliaries, negation and adverbs: "заявила, что армия убила" names
  another, as Spanish "dijo que Israel mató" does (a one-word subject was kept as a claim).
* German claims with a reflexive split around its object ("hat sich zu dem Anschlag
  bekannt", "bekannte sich zu dem Angriff"): a relative clause or an English "die" (the
  German article) after it made the claimant "who was harmed".
* French "a affirmé qu'il recherchait ceux qui ont tué" was kept as a claim: "affirmer"
  (and Spanish "afirmar", German "behaupten", Russian "утверждать") was no verb
  of speaking, so the killing verb of the relative clause was read as the speaker's.

Sentences are templates written for these tests (group x verb x tense x number x clause),
drawn by hypothesis; the groups are invented names, so no rule can know them.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.types.casualty_report import perpetrator_problem
from tests.test_round57_casualties import DID, _actor, _fill
from tests.test_round57_casualties import run as casualty

FAST = settings(max_examples=80, deadline=None)

#: Russian verbs agree with their subject: (subject, said, killed, carried out, took), one
#: gender or number each. {who} is the group.
RU_FORMS: list[tuple[str, list[str], list[str], str, str]] = [
    ("Группировка {who}", ["заявила", "сообщила", "объявила", "утверждала"],
     ["убила", "застрелила", "расстреляла"], "совершила", "взяла"),
    ("Движение {who}", ["заявило", "сообщило", "объявило"],
     ["убило", "застрелило", "расстреляло"], "совершило", "взяло"),
    ("{who}", ["заявили", "сообщили", "объявили"],
     ["убили", "застрелили", "расстреляли"], "совершили", "взяли"),
]  # fmt: skip

#: {n} a number, {when} a time or none; {gap} what may stand before a dropped subject's verb.
WORDS: dict[str, list[str]] = {
    "n": ["12", "пятерых", "семерых"],
    "when": ["", " во вторник", " на севере страны"],
    "gap_ru": ["", "также ", "уже ", "ранее "],
    "event_ru": ["нападение", "теракт, в котором погибли 12 человек", "взрыв на рынке"],
    "n_de": ["zwölf", "fünf", "12"],
    "when_de": ["", "am Dienstag ", "in einer Erklärung "],
    "object_de": ["dem Anschlag", "dem Angriff auf die Kaserne", "dem Bombenanschlag",
                  "zum Anschlag", "zur Explosion"],
    "relative_de": ["", ", bei dem zwölf Menschen starben",
                    ", bei dem fünf Soldaten getötet wurden"],
    "claimed_de": ["bekannte", "bekennt"],
    "said_de": ["erklärte", "sagte", "behauptete", "versicherte"],
    "search_de": ["sie suche die Männer", "sie werde jene bestrafen",
                  "sie habe die Täter identifiziert"],
    "kill_de": ["getötet", "erschossen"],
    "aux_de": ["hätten", "haben"],
    "group_fr": ["groupe ", "mouvement ", ""],
    "said_fr": ["a affirmé", "affirme", "affirmait", "a déclaré"],
    "search_fr": ["qu'il recherchait ceux qui ont", "qu'il traquait les hommes qui avaient",
                  "qu'il punirait ceux qui ont", "que ses combattants recherchaient ceux qui ont"],
    "kill_fr": ["tué", "abattu"],
    "claimed_fr": ["a revendiqué", "revendique"],
    "event_fr": ["l'attaque", "l'attentat qui a tué 12 soldats", "l'embuscade"],
    "said_es": ["afirmó", "afirma", "dijo", "declaró"],
    "search_es": ["que buscaba a los hombres que", "que busca a quienes",
                  "que castigará a los que"],
    "kill_es": ["mataron", "asesinaron", "habían matado"],
    "kill_es_sg": ["mató", "asesinó", "había matado"],
    "other_es": ["Israel", "Rusia", "Qorbani"],
    "gap_es": ["", "también ", "ayer ", "ya "],
    "claimed_es": ["reivindicó", "se atribuyó", "ha reivindicado"],
    "event_es": ["el atentado", "el ataque contra el cuartel"],
}  # fmt: skip

CLAIMS: dict[str, list[str]] = {
    "ru": [
        "{subject} {said}, что {gap_ru}{kill} {n} солдат{when}.",
        "{subject} {said}, что {done} нападение на базу{when}.",
        "{subject} {took} на себя ответственность за {event_ru}.",
        "{subject} {said}, что {took} на себя ответственность за {event_ru}.",
    ],
    "de": [
        "Die {who} hat sich {when_de}zu {object_de} bekannt{relative_de}.",
        "Die Miliz {who} hat sich {when_de}zu {object_de} bekannt{relative_de}.",
        "Die {who} {claimed_de} sich {when_de}zu {object_de}{relative_de}.",
    ],
    "fr": ["Le {group_fr}{who} {claimed_fr} {event_fr}."],
    "es": [
        "El {who} {claimed_es} {event_es}.",
        "El {who} {said_es} que {gap_es}{kill_es_sg} a 12 soldados.",
    ],
}
#: The speaker speaks of others who killed, or names another subject: no claim.
NOT_CLAIMS: dict[str, list[str]] = {
    "ru": [
        "{subject} {said}, что ищет тех, кто убил {n} солдат{when}.",
        "{subject} {said}, что разыскивает боевиков, которые {kill_pl} {n} солдат.",
        "{subject} {said}, что они разыскивают тех, кто {kill_pl} {n} солдат.",
        "{subject} {said}, что армия {kill_fem} {n} солдат{when}.",
    ],
    "de": ["Die {who} {said_de}, {search_de}, die {n_de} Soldaten {kill_de} {aux_de}."],
    "fr": ["Le {group_fr}{who} {said_fr} {search_fr} {kill_fr} 12 soldats."],
    "es": [
        "El {who} {said_es} {search_es} {kill_es} a 12 personas.",
        "El {who} {said_es} que {other_es} {kill_es_sg} a 12 soldados.",
    ],
}


def _sentence(table: dict[str, list[str]], data: st.DataObject) -> tuple[str, str, str]:
    """A language, an invented group and a sentence of ``table`` about it."""
    language = data.draw(st.sampled_from(sorted(table)))
    who = data.draw(_actor(language))
    template = data.draw(st.sampled_from(table[language]))
    words = {key: data.draw(st.sampled_from(choices)) for key, choices in WORDS.items()}
    subject, said, kill, done, took = data.draw(st.sampled_from(RU_FORMS))
    words |= {
        "subject": subject.format(who=who),
        "said": data.draw(st.sampled_from(said)),
        "kill": data.draw(st.sampled_from(kill)),
        "kill_pl": data.draw(st.sampled_from(RU_FORMS[2][2])),
        "kill_fem": data.draw(st.sampled_from(RU_FORMS[0][2])),
        "done": done,
        "took": took,
    }
    return language, who, template.format(who=who, **words)


def _did(who: str, language: str, data: st.DataObject) -> None:
    """The rule that empties a name stays about the sentence: said to do it, it is kept."""
    did = _fill(data.draw(st.sampled_from(DID[language])), who, data)
    assert perpetrator_problem(who, did, language) is None, did


@FAST
@given(data=st.data())
def test_a_group_claiming_its_own_attack_is_its_perpetrator_in_every_language(
    data: st.DataObject,
) -> None:
    language, who, sentence = _sentence(CLAIMS, data)
    assert perpetrator_problem(who, sentence, language) is None, sentence


@FAST
@given(data=st.data())
def test_a_speaker_about_others_who_killed_is_no_perpetrator_in_every_language(
    data: st.DataObject,
) -> None:
    language, who, sentence = _sentence(NOT_CLAIMS, data)
    assert perpetrator_problem(who, sentence, language) is not None, sentence
    _did(who, language, data)


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_a_dropped_subject_claim_keeps_its_denial(data: st.DataObject) -> None:
    """The other side of the bare "что": "заявила, что не убивала" denies, not claims."""
    subject, said, _, _, _ = data.draw(st.sampled_from(RU_FORMS))
    who = data.draw(_actor("ru"))
    sentence = f"{subject.format(who=who)} {data.draw(st.sampled_from(said))}, что не убивала"
    sentence += " мирных жителей."
    assert "denies the attack" in (perpetrator_problem(who, sentence, "ru") or ""), sentence


@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_the_casualty_record_keeps_a_russian_and_a_german_claim(data: st.DataObject) -> None:
    """Through the whole resolve: the claimant is the record's perpetrator."""
    for language, template in (
        ("ru", "Группировка {who} заявила, что убила 12 солдат во вторник."),
        ("de", "Die Miliz {who} hat sich zu dem Anschlag bekannt, bei dem 12 Soldaten starben."),
    ):
        who = data.draw(_actor(language))
        kept = casualty(template.format(who=who), perpetrator=who)
        assert [r.perpetrator.name if r.perpetrator else None for r in kept.records] == [who]


@FAST
@given(data=st.data())
def test_the_german_article_die_is_no_english_verb_of_dying(data: st.DataObject) -> None:
    """English cue words are read in every language, but German "die" is the article: "Die
    X griff die Kaserne an und tötete zwölf Soldaten" made X a group that died."""
    who = data.draw(_actor("de"))
    deed = data.draw(st.sampled_from([
        "griff die Kaserne an und tötete", "hat die Stadt beschossen und",
        "stürmte die Kaserne und erschoss", "überfiel die Patrouille und tötete",
    ]))  # fmt: skip
    count = data.draw(st.sampled_from(["zwölf", "fünf", "12", "die zwölf"]))
    tail = " getötet." if deed.endswith("und") else "."
    sentence = f"Die {who} {deed} {count} Soldaten{tail}"
    assert perpetrator_problem(who, sentence, "de") is None, sentence
    suffered = f"Zwölf Kämpfer der {who} starben, die Armee {data.draw(st.sampled_from(['sagte', 'erklärte']))} das."
    assert perpetrator_problem(who, suffered, "de") is not None, suffered


# Round 59, second pass: the claim read above must stay a claim of THE attack.
#
# * A Russian short passive participle ("что убиты 12 мирных жителей", "убито", "убита") was
#   read as an active verb with the speaker as its dropped subject: the police or the
#   victims' own group became the perpetrator. A participle in -т/-н (-та, -то, -ты, -на,
#   -но, -ны) is passive by itself, with no auxiliary.
# * Responsibility for something else ("took responsibility for security at the stadium",
#   "bekannte sich zur Demokratie", "machte die Namen der Opfer bekannt") counted as a claim:
#   a claim's object is the attack (or a pronoun for it), and the split German form is the
#   participle of "bekennen" with its auxiliary in one clause, not "bekannt machen/werden".
# * The killing verbs of military statements ("afirmó haber abatido", "affirme avoir
#   neutralisé", "заявило, что уничтожило", "eliminiert zu haben") were no verbs of harm, so
#   the speaker who claimed them only "spoke"; a time or place adverbial ("в ходе операции",
#   "во вторник") stood between "что" and the dropped subject's verb.

#: Russian speakers (subject, said) and participles with what they harmed, agreeing in number.
RU_SPEAKERS: list[tuple[str, list[str]]] = [
    ("Полиция", ["заявила", "сообщила", "утверждает"]),
    ("Министерство обороны", ["заявило", "сообщило"]),
    ("Группировка {who}", ["заявила", "сообщила", "утверждала"]),
    ("{who}", ["заявили", "сообщили", "утверждают"]),
]  # fmt: skip
RU_PARTICIPLES = [
    "убиты 12 мирных жителей", "убито 12 человек", "убита журналистка", "убит её командир",
    "убиты 12 её бойцов", "уничтожены 12 боевиков", "ранены 12 человек",
    "застрелены 12 полицейских", "расстреляны пятеро пленных", "нанесён удар по рынку",
]  # fmt: skip
RU_ADVERBIALS = ["", "также ", "вчера ", "во вторник ", "в ходе операции ", "во время рейда "]

#: A responsibility or an avowal whose object is not the attack: (language, template).
NOT_THE_ATTACK: list[tuple[str, str]] = [
    ("en", "{who} {took} responsibility for {thing} and said 12 people were killed."),
    ("en", "{who} {took} responsibility for {thing} and mourned the 12 people killed."),
    ("en", "{who}, which {is} behind the relief effort, said 12 people were killed."),
    ("en", "{who} {took} responsibility for identifying the victims, 12 people, police said."),
    ("de", "Die {who} {avows} sich {when_de}{value_de} und verurteilte den Anschlag, bei dem "
           "zwölf Menschen starben."),
    ("de", "Die {who} äußerte sich zu dem Anschlag mit zwölf Toten und machte die Namen der "
           "Opfer bekannt."),
    ("de", "Die {who} hat sich zu dem Anschlag mit zwölf Toten geäußert und die Namen bekannt "
           "gegeben."),
    ("de", "Die {who} hat sich zur Aufklärung verpflichtet und die Namen der zwölf Toten "
           "bekannt gemacht."),
    ("es", "El {who} reivindicó su derecho a la defensa y condenó el atentado que mató a 12 "
           "personas."),
    ("fr", "Le {who} revendique le droit de manifester et condamne l'attentat qui a tué 12 "
           "personnes."),
]  # fmt: skip
NOT_THE_ATTACK_WORDS: dict[str, list[str]] = {
    "took": ["took", "accepted", "has taken", "takes", "accepts"],
    "thing": ["security at the stadium", "the failures", "the evacuation",
              "the safety of pilgrims", "the town"],
    "is": ["is", "was"],
    "avows": ["bekannte", "bekennt"],
    "when_de": ["", "am Dienstag "],
    "value_de": ["zur Demokratie", "zu den Werten Europas", "zum Rechtsstaat",
                 "zu ihrer Verantwortung für den Schutz der Bürger"],
}  # fmt: skip
#: Claims of the attack itself, in the same shapes: kept.
THE_ATTACK: list[tuple[str, str]] = [
    ("en", "{who} {claimed} responsibility for {attack}."),
    ("en", "{who} {claimed} responsibility."),
    ("en", "{who} {claimed} responsibility on Tuesday, saying its fighters were ready."),
    ("en", "{who} {is} behind {attack}, officials said."),
    ("de", "Die {who} {avows} sich {when_de}zu {attack_de}."),
    ("de", "Die {who} hat sich {when_de}zu {attack_de} bekannt."),
    ("es", "El {who} reivindicó {attack_es}."),
    ("es", "El {who} lo reivindicó en un comunicado."),
    ("fr", "Le {who} a revendiqué {attack_fr}."),
    ("fr", "Le {who} l'a revendiqué mardi."),
]
THE_ATTACK_WORDS: dict[str, list[str]] = {
    "claimed": ["claimed", "took", "accepted", "has claimed"],
    "is": ["is", "was", "were"],
    "avows": ["bekannte", "bekennt"],
    "when_de": ["", "am Dienstag ", "in einer Erklärung "],
    "attack": ["the attack", "Tuesday's deadly bombing", "the suicide bombing", "it",
               "killing 12 soldiers", "the assault on the base"],
    "attack_de": ["dem Anschlag", "der Tat", "dem Angriff auf die Kaserne", "dem Attentat"],
    "attack_es": ["el atentado", "la autoría del ataque", "el ataque contra el cuartel"],
    "attack_fr": ["l'attaque", "l'attentat de mardi", "la responsabilité de l'attentat"],
}  # fmt: skip

#: Killing verbs of military statements, claimed in each language's shapes: (language,
#: template); Russian verbs agree with the speaker (feminine, neuter, plural).
MILITARY_CLAIMS: list[tuple[str, str]] = [
    ("es", "El {who} {said_es} haber {kill_es} 12 guerrilleros."),
    ("es", "El {who} {said_es} que {gap_es}{killed_es} 12 guerrilleros."),
    ("fr", "Le {who} {said_fr} avoir {kill_fr} 12 terroristes."),
    ("de", "Die {who} {said_de}, zwölf Kämpfer {kill_de} zu haben."),
    ("de", "Die {who} {killed_de} zwölf Kämpfer."),
    ("en", "{who} said it {kill_en} 12 militants."),
    ("en", "{who} {kill_en} 12 militants, the ministry said."),
    ("ru", "{subject} {said}, что {gap_ru}{kill_ru} 12 боевиков."),
]
MILITARY_WORDS: dict[str, list[str]] = {
    "said_es": ["afirmó", "afirma", "dijo", "aseguró"],
    "kill_es": ["abatido a", "neutralizado a", "eliminado a", "ejecutado a", "matado a"],
    "killed_es": ["abatió a", "neutralizó a", "eliminó a", "ejecutó a"],
    "gap_es": ["", "ayer ", "durante la operación ", "en el enfrentamiento "],
    "said_fr": ["affirme", "a affirmé", "a déclaré"],
    "kill_fr": ["neutralisé", "éliminé", "abattu", "tué"],
    "said_de": ["behauptete", "erklärte", "versicherte"],
    "kill_de": ["eliminiert", "neutralisiert", "getötet"],
    "killed_de": ["eliminierte", "neutralisierte", "tötete", "töten"],
    "kill_en": ["neutralized", "eliminated", "neutralised", "killed"],
    "gap_ru": ["", "также ", "во вторник ", "в ходе операции ", "в ходе спецоперации ",
               "во время рейда "],
}  # fmt: skip
RU_MILITARY: list[tuple[str, list[str], list[str]]] = [
    ("Армия", ["заявила", "утверждает", "сообщила"], ["уничтожила", "ликвидировала", "казнила"]),
    ("Министерство обороны", ["заявило", "сообщило"], ["уничтожило", "ликвидировало"]),
    ("Силовики", ["заявили", "утверждают"], ["уничтожили", "ликвидировали", "казнили"]),
]  # fmt: skip


def _fill_words(
    template: str, words: dict[str, list[str]], data: st.DataObject, **more: str
) -> str:
    """``template`` with each of ``words`` drawn (only those it names) and ``more``."""
    drawn = {k: data.draw(st.sampled_from(v)) for k, v in words.items() if f"{{{k}}}" in template}
    return template.format(**drawn, **more)


@FAST
@given(data=st.data())
def test_a_russian_passive_participle_after_a_bare_что_is_no_claim(data: st.DataObject) -> None:
    """«Полиция заявила, что убиты 12 мирных жителей»: the police speak; «Группировка X
    заявила, что убиты 12 её бойцов»: the group suffered."""
    who = data.draw(_actor("ru"))
    subject, said = data.draw(st.sampled_from(RU_SPEAKERS))
    name = subject.format(who=who)
    sentence = f"{name} {data.draw(st.sampled_from(said))}, что "
    sentence += data.draw(st.sampled_from(RU_ADVERBIALS)) + data.draw(
        st.sampled_from(RU_PARTICIPLES)
    )
    assert perpetrator_problem(name, sentence + ".", "ru") is not None, sentence
    _did(who, "ru", data)


@FAST
@given(data=st.data())
def test_responsibility_for_something_else_is_no_claim(data: st.DataObject) -> None:
    """The object of a claim is the attack: "took responsibility for security at the
    stadium", "bekannte sich zur Demokratie", "machte die Namen bekannt" claim nothing."""
    language, template = data.draw(st.sampled_from(NOT_THE_ATTACK))
    who = data.draw(_actor(language))
    sentence = _fill_words(template, NOT_THE_ATTACK_WORDS, data, who=who)
    assert perpetrator_problem(who, sentence, language) is not None, sentence
    _did(who, language, data)


@FAST
@given(data=st.data())
def test_a_claim_of_the_attack_itself_is_kept(data: st.DataObject) -> None:
    """The other side: a claim whose object is the attack, a pronoun for it, or none."""
    language, template = data.draw(st.sampled_from(THE_ATTACK))
    who = data.draw(_actor(language))
    sentence = _fill_words(template, THE_ATTACK_WORDS, data, who=who)
    assert perpetrator_problem(who, sentence, language) is None, sentence


@FAST
@given(data=st.data())
def test_the_killing_verbs_of_military_statements_are_claims(data: st.DataObject) -> None:
    """«afirmó haber abatido», «affirme avoir neutralisé», «заявило, что в ходе операции
    уничтожило», «behauptete, … eliminiert zu haben»: the speaker claims the killing."""
    language, template = data.draw(st.sampled_from(MILITARY_CLAIMS))
    who = data.draw(_actor(language))
    subject, said, kill = data.draw(st.sampled_from(RU_MILITARY))
    sentence = _fill_words(
        template, MILITARY_WORDS, data, who=who, subject=subject,
        said=data.draw(st.sampled_from(said)), kill_ru=data.draw(st.sampled_from(kill)),
    )  # fmt: skip
    name = subject if language == "ru" else who
    assert perpetrator_problem(name, sentence, language) is None, sentence


@FAST
@given(data=st.data())
def test_an_adverbial_is_no_subject_but_a_noun_after_it_is(data: st.DataObject) -> None:
    """«заявила, что в ходе операции боевики убили»: the adverbial leaves the subject
    «боевики», another's; «dijo que en Siria el ejército mató», the same; and «eliminó» of a
    thing ("el impuesto"), no person, is no killing."""
    subject, said, _ = data.draw(st.sampled_from(RU_MILITARY))
    gap = data.draw(st.sampled_from(["в ходе операции ", "во вторник ", "в Дагестане "]))
    other = data.draw(st.sampled_from(["боевики убили", "военные убили", "террористы убили"]))
    sentence = f"{subject} {data.draw(st.sampled_from(said))}, что {gap}{other} 12 человек."
    assert perpetrator_problem(subject, sentence, "ru") is not None, sentence
    who = data.draw(_actor("es"))
    where = data.draw(st.sampled_from(["en Siria ", "durante la operación ", ""]))
    spanish = f"El {who} afirmó que {where}el ejército abatió a 12 guerrilleros."
    assert perpetrator_problem(who, spanish, "es") is not None, spanish
    removed = f"El {who} eliminó el impuesto y dijo que 12 personas murieron."
    assert perpetrator_problem(who, removed, "es") is not None, removed
