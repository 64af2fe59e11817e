"""Round 64: perpetrator roles after round 63's rules (perpetrator_problem).

* A possessive in a relative clause of an occasion ("the raid, in which *its* soldiers
  killed 12") is the occasion's owner's when the event noun has one: a state's adjective
  or name, a body or force before it ("the *US* strike", "the *army* raid"), or after it
  in Spanish and French ("la operación *israelí*", "le raid *israélien*"); only an event
  noun with no owner lends it to the speaker. "Operation" names such an occasion.
* After a word of sequence the subject may follow its verb (German verb-second, Spanish
  and Russian after "luego", "затем"): a name or a noun of people right after the verb,
  its counted object after it, is the verb's own subject, not the name before.
* An Arabic speaker that says *its* forces killed ("إن مقاتليها قتلوا") claims the deed.
* A denial's scope ends at a word of contrast: "failed to kill the leader *but* killed
  12" killed 12.
* French "aux mains de" after an active verb of harm with its own subject says who holds
  the harmed ("12 otages aux mains du Hamas"), not who harmed them.
* A count bounded by a qualifier and written as a word ("at least twelve", "más de
  quince", "mindestens dreißig") counts the harmed, as a figure does.

Each sentence is written for this test and generated over actors, owners and counts, in
every language the rules claim; neighbours that must not move are generated alongside.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.casualty_report import perpetrator_problem


def _cases(
    templates: list[str], fillers: dict[str, list[str]], name_key: str, *, doer: bool
) -> list[tuple[str, str, bool]]:
    """Every template filled with every combination of ``fillers``: (name, text, doer)."""
    keys = list(fillers)
    return [
        (
            values[keys.index(name_key)],
            template.format(**dict(zip(keys, values, strict=True))),
            doer,
        )
        for template in templates
        for values in itertools.product(*(fillers[key] for key in keys))
    ]


def _check(language: str, cases: list[tuple[str, str, bool]]) -> None:
    """Every case's name is the perpetrator exactly when it should be."""
    wrong = [
        (name, text)
        for name, text, doer in cases
        if (perpetrator_problem(name, text, language) is None) != doer
    ]
    assert not wrong, f"{len(wrong)}/{len(cases)} wrong, e.g. {wrong[:3]}"


_SPEAKERS = {
    "en": ["Hamas", "Hezbollah", "The ministry"],
    "es": ["Hamás", "Hezbolá", "El ministerio"],
    "fr": ["Le Hamas", "Le Hezbollah", "Le ministère"],
    "de": ["Die Hamas", "Die Hisbollah", "Das Ministerium"],
}
_OWNED: dict[str, tuple[list[str], list[str]]] = {
    "en": (
        ["US", "French", "Dutch", "Greek", "NATO", "army", "police", "coalition", "Israeli"],
        [
            "{G} condemned the {O} raid, in which its soldiers killed {N} people.",
            "{G} denounced the {O} strike, in which its drones killed {N} civilians.",
            "{G} described the {O} operation, during which its troops killed {N} people, as a"
            " massacre.",
        ],
    ),
    "es": (
        ["israelí", "estadounidense", "militar", "policial", "francesa"],
        [
            "{G} condenó la operación {O}, en la que sus soldados mataron a {N} personas.",
            "{G} calificó de masacre el ataque {O}, en el que sus tropas mataron a {N} civiles.",
        ],
    ),
    "fr": (
        ["israélien", "américain", "militaire", "russe"],
        [
            "{G} a condamné le raid {O}, au cours duquel ses soldats ont tué {N} personnes.",
            "{G} a dénoncé l'assaut {O}, lors duquel ses drones ont tué {N} civils.",
        ],
    ),
    "de": (
        ["israelischen", "amerikanischen", "militärischen", "russischen"],
        [
            "{G} verurteilte den {O} Angriff, bei dem ihre Soldaten {N} Menschen töteten.",
            "{G} bezeichnete den {O} Einsatz, bei dem seine Truppen {N} Zivilisten töteten,"
            " als Massaker.",
        ],
    ),
}
#: Event nouns with no owner, or a modifier of time or manner: the speaker's own deed.
_UNOWNED: dict[str, tuple[list[str], list[str]]] = {
    "en": (
        ["", "deadly ", "night ", "recent ", "Gaza ", "Kabul "],
        [
            "{G} described the {O}raid, in which its fighters killed {N} soldiers, as a success.",
            "{G} described the {O}operation, during which its fighters killed {N} soldiers,"
            " as a success.",
        ],
    ),
    "es": (
        ["", "nocturna "],
        [
            "{G} calificó de éxito la operación {O}en la que sus combatientes mataron a {N}"
            " soldados."
        ],
    ),
    "de": (
        ["", "nächtlichen "],
        ["{G} bezeichnete den {O}Einsatz, bei dem ihre Kämpfer {N} Soldaten töteten, als Erfolg."],
    ),
}


@pytest.mark.parametrize("language", sorted(_OWNED))
def test_an_owned_occasion_lends_its_possessive_to_its_owner(language: str) -> None:
    owners, templates = _OWNED[language]
    fillers = {"G": _SPEAKERS[language], "O": owners, "N": ["12", "30"]}
    _check(language, _cases(templates, fillers, "G", doer=False))


@pytest.mark.parametrize("language", sorted(_UNOWNED))
def test_an_unowned_occasion_lends_its_possessive_to_the_speaker(language: str) -> None:
    modifiers, templates = _UNOWNED[language]
    fillers = {"G": _SPEAKERS[language], "O": modifiers, "N": ["12", "30"]}
    _check(language, _cases(templates, fillers, "G", doer=True))


_SEQUENCED: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    # (names, subjects after the verb, templates of another subject, templates of the name's)
    "es": (
        ["Hamás", "Los rebeldes"],
        ["Israel", "el ejército", "los soldados", "soldados israelíes"],
        [
            "{A} juró venganza; luego mató {S} a {N} de sus combatientes.",
            "{A} juró venganza, y luego mató {S} a {N} de sus combatientes.",
        ],
        [
            "{A} juró venganza; luego mató a {N} soldados.",
            "{A} juró venganza y luego mató a {N} soldados.",
            "{A} juró venganza; luego mataron sus soldados a {N} rebeldes.",
        ],
    ),
    "de": (
        ["Die Hamas", "Die Rebellen"],
        ["Israel", "die Armee", "Soldaten", "israelische Soldaten"],
        [
            "{A} schwor Rache; dann tötete {S} {N} ihrer Kämpfer.",
            "{A} schwor Rache, danach töteten {S} {N} ihrer Kämpfer.",
        ],
        [
            "{A} schwor Rache; dann tötete sie {N} Soldaten.",
            "{A} schwor Rache und tötete dann {N} Soldaten.",
            "{A} schwor Rache; dann töteten ihre Kämpfer {N} Soldaten.",
        ],
    ),
    "ru": (
        ["ХАМАС", "Повстанцы"],
        ["Израиль", "армия", "военные", "израильские военные"],
        [
            "{A} поклялись отомстить, а затем убила {S} {N} их бойцов.",
            "{A} поклялись отомстить, затем убил {S} {N} их бойцов.",
        ],
        ["{A} поклялись отомстить, а затем убили {N} солдат."],
    ),
}


@pytest.mark.parametrize("language", sorted(_SEQUENCED))
def test_a_subject_after_a_sequenced_verb_is_its_own(language: str) -> None:
    names, subjects, others, own = _SEQUENCED[language]
    fillers = {"A": names, "S": subjects, "N": ["12", "30"]}
    _check(language, _cases(others, fillers, "A", doer=False))
    _check(language, _cases(own, {"A": names, "N": ["12", "30"]}, "A", doer=True))


def test_an_arabic_speaker_claims_what_its_forces_did() -> None:
    fillers = {"A": ["حماس", "الجماعة", "حركة الشباب"], "N": ["12", "30"]}
    own = [
        "قالت {A} إن مقاتليها قتلوا {N} جنديا.",
        "أعلنت {A} أن قواتها قتلت {N} مسلحا.",
        "قالت {A} إن عناصرها قتلوا {N} جنديا.",
        "أكدت {A} أن جنودها قتلوا {N} مسلحا.",
    ]
    other = ["قالت {A} إن {N} من عناصرها قتلوا.", "ذكرت {A} أن الجيش قتل {N} من عناصرها."]
    _check("ar", _cases(own, fillers, "A", doer=True))
    _check("ar", _cases(other, fillers, "A", doer=False))


_CONTRASTED: dict[str, tuple[list[str], list[str], list[str]]] = {
    # (names, templates where the name killed after the contrast, where another did)
    "en": (
        ["The army", "The rebels", "Security forces"],
        [
            "{A} failed to kill the rebel leader but killed {N} civilians.",
            "{A} did not try to kill the commander but killed {N} civilians by mistake.",
            "{A} could not kill the commander; instead it killed {N} civilians.",
        ],
        ["{A} failed to kill the rebel leader, but gunmen killed {N} civilians."],
    ),
    "de": (
        ["Die Armee", "Die Rebellen"],
        ["{A} konnte den Anführer nicht töten, tötete aber {N} Zivilisten."],
        ["{A} konnte den Anführer nicht töten, aber Bewaffnete töteten {N} Zivilisten."],
    ),
    "zh": (
        ["军队", "叛军"],
        ["{A}未能杀死头目，但杀死了{N}名平民。", "{A}未能杀死头目但杀死了{N}名平民。"],
        ["{A}未能杀死头目。"],
    ),
}


@pytest.mark.parametrize("language", sorted(_CONTRASTED))
def test_a_denial_ends_at_a_word_of_contrast(language: str) -> None:
    names, done, not_done = _CONTRASTED[language]
    fillers = {"A": names, "N": ["12", "30"]}
    _check(language, _cases(done, fillers, "A", doer=True))
    _check(language, _cases(not_done, fillers, "A", doer=False))


def test_french_hands_after_an_active_deed_hold_the_harmed() -> None:
    fillers = {"H": ["Hamas", "rebelles", "FARC"], "N": ["12", "30"]}
    held = [
        "Une frappe israélienne a tué {N} otages aux mains du {H}.",
        "L'armée a tué {N} civils dans un village aux mains des {H}.",
    ]
    by = ["{N} civils ont été tués aux mains des {H}.", "{N} civils sont morts aux mains des {H}."]
    _check("fr", _cases(held, fillers, "H", doer=False))
    _check("fr", _cases(by, fillers, "H", doer=True))


_WORD_COUNTS: dict[str, tuple[list[str], list[str], list[str]]] = {
    # (victim groups, counts in words, templates)
    "en": (
        ["Hamas", "Hezbollah"],
        ["twelve", "thirty", "dozens of", "several", "fifteen"],
        ["Troops killed at least {N} {G} fighters.", "Troops killed as many as {N} {G} fighters."],
    ),
    "es": (
        ["las FARC", "el ELN"],
        ["doce", "quince", "treinta", "decenas de"],
        ["Las tropas mataron a más de {N} guerrilleros de {G}."],
    ),
    "fr": (
        ["Hamas", "Hezbollah"],
        ["douze", "quinze", "trente", "plusieurs"],
        ["L'armée a tué au moins {N} combattants du {G}."],
    ),
    "de": (
        ["Hamas", "Hisbollah"],
        ["zwölf", "dreißig", "fünfzehn", "mehrere"],
        ["Die Armee tötete mindestens {N} Kämpfer der {G}."],
    ),
    "ru": (
        ["ХАМАС", "Хезболлы"],
        ["двенадцать", "пятнадцать", "тридцать", "несколько"],
        ["Войска убили не менее {N} боевиков {G}."],
    ),
}


@pytest.mark.parametrize("language", sorted(_WORD_COUNTS))
def test_a_qualified_count_in_words_counts_the_harmed(language: str) -> None:
    groups, counts, templates = _WORD_COUNTS[language]
    _check(language, _cases(templates, {"G": groups, "N": counts}, "G", doer=False))
