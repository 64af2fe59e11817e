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
