"""Round 62: roles that are not the doer's are no perpetrator (perpetrator_problem).

ACLED and UCDP code as perpetrator the actor who carried out the violence. Those who call
the attack a crime, vow revenge for it, investigate it, distance themselves from it, lose
their people in it, say another did it ("alleges the army killed 12"), or are named as
not the one who did it ("the army, not X, carried out") are no perpetrator. HEAD of this
round accepted them all: with no verb it knew, the name's role stayed open. Each sentence
is written for this test and generated over names and events, in every language the rule
claims (en, es, fr, de, ru). Controls keep the doer: a coordinated deed of harm after such a
verb ("vowed revenge and then killed 12"), German verb-second and Arabic verb-first
perpetrators, and round 58's "X, which officials blame for ...".
"""

from __future__ import annotations

import itertools
import time

import pytest

from extractor.types.casualty_report import perpetrator_problem


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _cases(
    language: str, templates: list[str], names: list[str], events: list[tuple[str, ...]]
) -> list[tuple[str, str, str]]:
    """(language, name as it stands, sentence) for every template, name and event."""
    out = []
    for template, name, event in itertools.product(templates, names, events):
        fields = {f"e{at}": form for at, form in enumerate(event)}
        sentence = template.format(G=_cap(name), g=name, **fields)
        sentence = _cap(sentence)
        out.append((language, _cap(name) if sentence.startswith(_cap(name)) else name, sentence))
    return out


EN_NAMES = [
    "the Taliban",
    "Boko Haram",
    "Hamas",
    "the Islamic State",
    "John Smith",
    "Kessa Militia",
]
EN_EVENTS = [("bombing",), ("attack",), ("ambush",), ("raid",), ("suicide attack",)]
EN_APART = [
    "{G} called the {e0} that killed 12 people a crime.",
    "{G} described the {e0} that killed 12 people as an act of terror.",
    "{G} branded the {e0} that killed 12 people a massacre.",
    "{G} vowed revenge for the {e0} that killed 12 people.",
    "{G} pledged a response to the {e0} that killed 12 people.",
    "{G} threatened retaliation for the {e0} that killed 12 people.",
    "{G} investigated the {e0} that killed 12 people.",
    "{G} opened an investigation into the {e0} that killed 12 people.",
    "{G} launched an inquiry into the {e0} that killed 12 people.",
    "{G} distanced itself from the {e0} that killed 12 people.",
    "{G} lost 12 fighters in the {e0}.",
    "{G} lost dozens of soldiers in the {e0}.",
    "{G} alleges the army killed 12 people in the {e0}.",
    "{G} insisted government forces killed 12 people in the {e0}.",
    "The army, not {g}, carried out the {e0} that killed 12 people.",
    "Not {g} but the army carried out the {e0} that killed 12 people.",
    "The army carried out the {e0} that killed 12 people, not {g}.",
    "The army, rather than {g}, carried out the {e0} that killed 12 people.",
]
ES_NAMES = ["los talibanes", "Boko Haram", "Hamás", "el Estado Islámico", "Juan Pérez"]
ES_EVENTS = [("el atentado", "del atentado"), ("el ataque", "del ataque"),
             ("la emboscada", "de la emboscada")]  # fmt: skip
ES_APART = [
    "{G} calificó {e0} que mató a 12 personas de crimen.",
    "{G} prometió venganza por {e0} que mató a 12 personas.",
    "{G} investiga {e0} que mató a 12 personas.",
    "{G} abrió una investigación sobre {e0} que mató a 12 personas.",
    "{G} se desmarcó {e1} que mató a 12 personas.",
    "{G} perdió a 12 combatientes en {e0}.",
    "{G} aseguró que el ejército mató a 12 personas en {e0}.",
    "El ejército, y no {g}, perpetró {e0} que mató a 12 personas.",
    "No {g} sino el ejército perpetró {e0} que mató a 12 personas.",
]
FR_NAMES = ["les talibans", "Boko Haram", "le Hamas", "l'État islamique", "Jean Dupont"]
FR_EVENTS = [("l'attentat", "de l'attentat"), ("l'attaque", "de l'attaque"),
             ("l'embuscade", "de l'embuscade")]  # fmt: skip
FR_APART = [
    "{G} a qualifié de crime {e0} qui a tué 12 personnes.",
    "{G} a promis de venger {e0} qui a tué 12 personnes.",
    "{G} a juré de venger {e0} qui a tué 12 personnes.",
    "{G} a ouvert une enquête sur {e0} qui a tué 12 personnes.",
    "{G} s'est désolidarisé {e1} qui a tué 12 personnes.",
    "{G} a perdu 12 combattants dans {e0}.",
    "{G} a assuré que l'armée avait tué 12 personnes dans {e0}.",
    "L'armée, et non {g}, a perpétré {e0} qui a tué 12 personnes.",
]
DE_NAMES = ["die Taliban", "Boko Haram", "die Hamas", "Hans Müller"]
DE_EVENTS = [("den Anschlag", "dem Anschlag"), ("den Angriff", "dem Angriff")]
DE_APART = [
    "{G} bezeichnete {e0}, bei dem zwölf Menschen getötet wurden, als Verbrechen.",
    "{G} schwor Rache für {e0}, bei dem zwölf Menschen getötet wurden.",
    "{G} ermittelt zu {e1}, bei dem zwölf Menschen getötet wurden.",
    "{G} distanzierte sich von {e1}, bei dem zwölf Menschen getötet wurden.",
    "{G} verlor zwölf Kämpfer bei {e1}.",
    "{G} betonte, die Armee habe bei {e1} zwölf Menschen getötet.",
    "Die Armee, nicht {g}, verübte {e0}, bei dem zwölf Menschen getötet wurden.",
    "Nicht {g}, sondern die Armee verübte {e0}, bei dem zwölf Menschen getötet wurden.",
]
RU_NAMES = ["Талибан", "Боко Харам", "ХАМАС", "Иван Петров"]
RU_EVENTS = [("теракт", "теракта"), ("взрыв", "взрыва")]
RU_APART = [
    "{G} назвал {e0}, в котором погибли 12 человек, преступлением.",
    "{G} поклялся отомстить за {e0}, в котором погибли 12 человек.",
    "{G} расследует {e0}, в котором погибли 12 человек.",
    "{G} открестился от {e1}, в котором погибли 12 человек.",
    "{G} потерял 12 бойцов при нападении.",
    "{G} настаивает, что армия убила 12 человек.",
    "Армия, а не {g}, совершила {e0}, в котором погибли 12 человек.",
    "{E0}, в котором погибли 12 человек, совершила армия, а не {g}.",
]

APART = (
    _cases("en", EN_APART, EN_NAMES, EN_EVENTS)
    + _cases("es", ES_APART, ES_NAMES, ES_EVENTS)
    + _cases("fr", FR_APART, FR_NAMES, FR_EVENTS)
    + _cases("de", DE_APART, DE_NAMES, DE_EVENTS)
    + _cases(
        "ru",
        [t.replace("{E0}", "{e2}") for t in RU_APART],
        RU_NAMES,
        [(a, b, _cap(a)) for a, b in RU_EVENTS],
    )
)

#: The doer stays the doer: a deed of harm after a verb that stands apart, contrast that
#: adds ("not only"), or names the doer against another ("X, not the army").
EN_DOER = [
    "{G} vowed revenge and then killed 12 soldiers in the {e0}.",
    "{G} lost 12 fighters but killed 30 soldiers in the {e0}.",
    "{G} called it a victory after killing 12 soldiers in the {e0}.",
    "{G}, which had vowed revenge, killed 12 people in the {e0}.",
    "{G}, which the army called a terror group, killed 12 people in the {e0}.",
    "{G}, not the army, carried out the {e0} that killed 12 people.",
    "Not only {g} but also the army carried out the {e0} that killed 12 people.",
    "{G} insisted it killed 12 soldiers in the {e0}.",
    "{G} launched an {e0} that killed 12 people.",
    "{G} killed 12 soldiers in the {e0} and called it a victory.",
    "{G}, which officials blame for the {e0} that killed 12 people, has not commented.",
]
DOER = (
    _cases("en", EN_DOER, EN_NAMES, EN_EVENTS)
    + _cases("es", ["{G} mató a 12 personas en {e0} y prometió más ataques."], ES_NAMES, ES_EVENTS)
    + _cases(
        "fr", ["{G} a tué 12 personnes dans {e0} et a promis d'autres attaques."],
        FR_NAMES, FR_EVENTS,
    )
    + _cases(
        "de",
        ["{G} tötete zwölf Menschen bei {e1} und drohte mit weiteren Anschlägen.",
         "Laut Polizei tötete {g} am Dienstag zwölf Menschen.",
         "{G} verlor zwei Kämpfer und tötete dann zwölf Soldaten."],
        DE_NAMES, DE_EVENTS,
    )
    + _cases("ru", ["{G} убил 12 человек и пообещал новые атаки."], RU_NAMES, RU_EVENTS)
    + [("ar", name, f"قتلت {name} 12 شخصا في الهجوم.") for name in ("حماس", "داعش", "الجيش")]
)  # fmt: skip


@pytest.mark.parametrize(("language", "name", "sentence"), APART)
def test_a_role_apart_from_the_attack_is_no_perpetrator(
    language: str, name: str, sentence: str
) -> None:
    assert perpetrator_problem(name, sentence, language) is not None, sentence


@pytest.mark.parametrize(("language", "name", "sentence"), DOER)
def test_the_doer_stays_the_perpetrator(language: str, name: str, sentence: str) -> None:
    assert perpetrator_problem(name, sentence, language) is None, sentence


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Hamas vowed revenge and lost 12 fighters, not killing anyone. "),
        ("en", "Not Hamas but the army investigated and called it a crime; "),
        ("de", "Die Hamas schwor Rache, nicht die Armee; "),
        ("ru", "ХАМАС поклялся отомстить, а не армия; "),
    ],
)
def test_a_name_repeated_is_read_in_linear_time(language: str, sentence: str) -> None:
    """Each place reads a bounded window: 4 times the places take about 4 times as long."""
    name = sentence.split()[1] if sentence.startswith(("Not", "Die")) else sentence.split()[0]

    def took(times: int) -> float:
        text = sentence * times
        start = time.perf_counter()
        perpetrator_problem(name, text, language)
        return time.perf_counter() - start

    took(5)
    small, large = min(took(50) for _ in range(2)), min(took(200) for _ in range(2))
    assert large < 8 * small + 0.05, (small, large)
