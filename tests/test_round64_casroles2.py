"""Round 64 (second pass): a deed belongs to the subject of its own sentence.

A perpetrator is the one the evidence names as having done the harm (UCDP's actor,
ACLED's actor1); an unproven perpetrator is no perpetrator. A name whose own sentence
tells no harm ("The government urged restraint.") did not do the harm a later or earlier
sentence tells of another subject ("Gunmen killed 12 civilians."): it was kept because
nothing in its own sentence decided. A later sentence whose subject takes the name up (a
pronoun, "It killed", "Dann töteten sie"; a possessive of its forces, "Its fighters
killed", "Его бойцы убили"; no subject at all in Spanish and Arabic, "Luego mataron a 12")
still tells the name's deed. Chinese sentences end at "。" with no space after it. So
does a clause joined by "but" or "then" with a subject of its own ("X held talks, but militants
killed 12"); one with the name's pronoun, possessive or no subject is the name's.

Each sentence is written for this test and generated over names, acts and counts, in
every language the rules read (English, Spanish, French, German, Russian, Chinese,
Arabic); both sides of the rule are generated alongside.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.casualty_report import perpetrator_problem

#: Per language: the names, acts telling no harm, counts, then templates whose later (or
#: earlier) sentence tells another subject's harm, and templates whose later sentence
#: takes the name up.
_LANGUAGES: dict[str, tuple[list[str], list[str], list[str], list[str], list[str]]] = {
    "en": (
        ["The ministry", "Hezbollah", "The regional council"],
        ["held a press briefing on Monday", "sent medical teams to the district",
         "closed the border crossing"],
        ["9", "14", "31"],
        ["{G} {act}. Militants killed {N} villagers on Sunday.",
         "{G} {act}. On Sunday, armed men shot dead {N} villagers.",
         "{G} {act}. Later, insurgents killed {N} villagers.",
         "Militants killed {N} villagers on Sunday. {G} {act}."],
        ["{G} {act}. It killed {N} villagers on Sunday.",
         "{G} {act}. Later they killed {N} villagers.",
         "{G} {act}. Its fighters killed {N} villagers on Sunday."],
    ),
    "es": (
        ["El ministerio", "Hezbolá", "El consejo regional"],
        ["abrió un hospital de campaña", "celebró una reunión el lunes",
         "cerró el paso fronterizo"],
        ["9", "14", "31"],
        ["{G} {act}. Unos milicianos mataron a {N} aldeanos el domingo.",
         "{G} {act}. El domingo, hombres armados mataron a {N} aldeanos.",
         "{G} {act}. Luego mataron los insurgentes a {N} aldeanos."],
        ["{G} {act}. Luego mataron a {N} aldeanos.",
         "{G} {act}. Sus combatientes mataron a {N} aldeanos el domingo.",
         "{G} {act}. Ellos mataron a {N} aldeanos el domingo."],
    ),
    "fr": (
        ["Le ministère", "Le Hezbollah", "Le conseil régional"],
        ["a tenu une conférence de presse lundi", "a envoyé des équipes médicales",
         "a fermé le poste frontière"],
        ["9", "14", "31"],
        ["{G} {act}. Des miliciens ont tué {N} villageois dimanche.",
         "{G} {act}. Dimanche, des hommes armés ont tué {N} villageois."],
        ["{G} {act}. Ses combattants ont tué {N} villageois dimanche.",
         "{G} {act}. Ils ont tué {N} villageois dimanche."],
    ),
    "de": (
        ["Das Ministerium", "Die Hisbollah", "Der Regionalrat"],
        ["gab am Montag eine Pressekonferenz", "schickte Ärzteteams in den Bezirk",
         "schloss den Grenzübergang"],
        ["9", "14", "31"],
        ["{G} {act}. Milizionäre töteten am Sonntag {N} Dorfbewohner.",
         "{G} {act}. Am Sonntag töteten Bewaffnete {N} Dorfbewohner."],
        ["{G} {act}. Am Sonntag töteten sie {N} Dorfbewohner.",
         "{G} {act}. Ihre Kämpfer töteten am Sonntag {N} Dorfbewohner."],
    ),
    "ru": (
        ["Министерство", "Хезболла", "Региональный совет"],
        ["провело пресс-конференцию в понедельник", "открыло новый госпиталь",
         "закрыло пограничный пункт"],
        ["9", "14", "31"],
        ["{G} {act}. Боевики убили {N} жителей в воскресенье.",
         "{G} {act}. В воскресенье боевики убили {N} жителей."],
        ["{G} {act}. Его бойцы убили {N} жителей в воскресенье.",
         "{G} {act}. Они убили {N} жителей в воскресенье."],
    ),
    "zh": (
        ["卫生部", "真主党", "地区委员会"],
        ["周一举行了新闻发布会", "向该地区派出了医疗队", "关闭了边境口岸"],
        ["9", "14", "31"],
        ["{G}{act}。武装分子周日杀死了{N}名村民。",
         "{G}{act}。 周日，枪手杀死了{N}名村民。"],
        ["{G}{act}。他们周日杀死了{N}名村民。",
         "{G}{act}。其武装人员周日杀死了{N}名村民。"],
    ),
    "ar": (
        ["الوزارة", "حزب الله", "المجلس"],
        ["عقدت {G} مؤتمرا صحفيا", "أرسلت {G} فرقا طبية إلى المنطقة", "أغلقت {G} المعبر"],
        ["9", "14", "31"],
        ["{act}. قتل مسلحون {N} قرويين يوم الأحد.",
         "{act}. قتل رجال مسلحون {N} قرويين يوم الأحد."],
        ["{act}. قتلت {N} قرويين يوم الأحد.",
         "{act}. قتل مقاتلوها {N} قرويين يوم الأحد."],
    ),
}  # fmt: skip


def _texts(language: str, templates: list[str]) -> list[tuple[str, str]]:
    """(name, text) for every template of ``language`` over its names, acts and counts."""
    names, acts, counts, _, _ = _LANGUAGES[language]
    found = []
    for template, name in itertools.product(templates, names):
        for act, count in itertools.product(acts, counts):
            found.append((name, template.format(G=name, act=act.format(G=name), N=count)))
    return found


def _wrong(language: str, cases: list[tuple[str, str]], *, doer: bool) -> list[tuple[str, str]]:
    """The cases whose name is (``doer``) or is not the perpetrator, wrongly."""
    return [
        (name, text)
        for name, text in cases
        if (perpetrator_problem(name, text, language) is None) != doer
    ]


@pytest.mark.parametrize("language", sorted(_LANGUAGES))
def test_another_sentences_harm_is_not_the_names(language: str) -> None:
    """'X held a briefing. Militants killed 12.': the militants did it, not X."""
    cases = _texts(language, _LANGUAGES[language][3])
    wrong = _wrong(language, cases, doer=False)
    assert not wrong, f"{len(wrong)}/{len(cases)} kept, e.g. {wrong[:3]}"


@pytest.mark.parametrize("language", sorted(_LANGUAGES))
def test_a_later_sentence_that_takes_the_name_up_tells_its_deed(language: str) -> None:
    """'X held a briefing. Its fighters killed 12.': X did it."""
    cases = _texts(language, _LANGUAGES[language][4])
    wrong = _wrong(language, cases, doer=True)
    assert not wrong, f"{len(wrong)}/{len(cases)} dropped, e.g. {wrong[:3]}"


@pytest.mark.parametrize("language", sorted(_LANGUAGES))
def test_the_later_sentences_subject_is_the_doer(language: str) -> None:
    """The other sentence's own subject stays the perpetrator ('Militants killed 12')."""
    subjects = {
        "en": "Militants", "es": "Unos milicianos", "fr": "Des miliciens",
        "de": "Milizionäre", "ru": "Боевики", "zh": "武装分子", "ar": "مسلحون",
    }  # fmt: skip
    subject = subjects[language]
    cases = [
        (subject, text) for _, text in _texts(language, _LANGUAGES[language][3]) if subject in text
    ]
    assert cases
    wrong = _wrong(language, cases, doer=True)
    assert not wrong, f"{len(wrong)}/{len(cases)} dropped, e.g. {wrong[:3]}"


#: Per language: a clause that tells no harm, then clauses joined to it by "but": one whose
#: own subject did the harm (the name did not), one whose subject is the name's (it did).
_JOINED: dict[str, tuple[str, list[str], list[str]]] = {
    "en": (
        "{G} held talks with elders",
        [", but militants killed {N} villagers on Sunday.",
         ", but on Sunday, armed men killed {N} villagers.",
         ", but then Kessa fighters killed {N} villagers.",
         ", then militants killed {N} villagers."],
        [", but then its fighters killed {N} villagers.", ", but then killed {N} villagers."],
    ),
    "es": (
        "{G} celebró una reunión",
        [", pero unos milicianos mataron a {N} aldeanos.",
         ", pero luego mataron los milicianos a {N} aldeanos."],
        [", pero luego mataron a {N} aldeanos.",
         ", pero luego sus combatientes mataron a {N} aldeanos."],
    ),
    "fr": (
        "{G} a tenu une réunion",
        [", mais des miliciens ont tué {N} villageois.",
         ", puis des miliciens ont tué {N} villageois."],
        [", mais ses combattants ont tué {N} villageois.", ", mais a ensuite tué {N} villageois."],
    ),
    "de": (
        "{G} hielt eine Sitzung ab",
        [", aber Milizionäre töteten {N} Dorfbewohner.",
         ", dann töteten Milizionäre {N} Dorfbewohner."],
        [", aber ihre Kämpfer töteten {N} Dorfbewohner.", ", tötete aber {N} Dorfbewohner."],
    ),
    "ru": (
        "{G} провело совещание",
        [", но боевики убили {N} жителей.", ", затем боевики убили {N} жителей."],
        [", но затем его бойцы убили {N} жителей.", ", но затем убило {N} жителей."],
    ),
}  # fmt: skip


def _joined(language: str, clauses: list[str]) -> list[tuple[str, str]]:
    """(name, text) for the name's clause joined to each of ``clauses``, over names, counts."""
    names, _, counts, _, _ = _LANGUAGES[language]
    own = _JOINED[language][0]
    return [
        (name, (own + clause).format(G=name, N=count))
        for clause, name, count in itertools.product(clauses, names, counts)
    ]


@pytest.mark.parametrize("language", sorted(_JOINED))
def test_a_joined_clause_with_its_own_subject_is_not_the_names_deed(language: str) -> None:
    """'X held talks, but militants killed 12': the militants did it, not X."""
    cases = _joined(language, _JOINED[language][1])
    wrong = _wrong(language, cases, doer=False)
    assert not wrong, f"{len(wrong)}/{len(cases)} kept, e.g. {wrong[:3]}"


@pytest.mark.parametrize("language", sorted(_JOINED))
def test_a_joined_clause_of_the_names_own_subject_is_its_deed(language: str) -> None:
    """'X held talks, but then its fighters killed 12', '... but then killed 12': X did it."""
    cases = _joined(language, _JOINED[language][2])
    wrong = _wrong(language, cases, doer=True)
    assert not wrong, f"{len(wrong)}/{len(cases)} dropped, e.g. {wrong[:3]}"


_ES_SUBJECTS = ["los rebeldes", "unos milicianos", "el grupo armado"]
_ES_REPORTERS = ["El gobierno", "La policía", "El ministerio"]


@pytest.mark.parametrize("count", ["9", "14", "31"])
def test_a_clause_reported_with_que_names_its_own_subject(count: str) -> None:
    """'El gobierno informó que los rebeldes mataron a 12': a source verb followed by 'que'
    reports a clause, whose subject did it (Spanish 'informó' alone before a name, 'informó
    la policía', names the source)."""
    templates = [
        "{R} informó que {S} mataron a {N} aldeanos.",
        "{R} condenó el ataque; luego informó que {S} mataron a {N} aldeanos.",
    ]
    doers = [
        (subject, template.format(R=reporter, S=subject, N=count))
        for template, reporter, subject in itertools.product(templates, _ES_REPORTERS, _ES_SUBJECTS)
    ]
    assert not _wrong("es", doers, doer=True)
    sources = [
        (
            reporter.lower(),
            f"{subject.capitalize()} mataron a {count} aldeanos, informó {reporter.lower()}.",
        )
        for reporter, subject in itertools.product(_ES_REPORTERS, _ES_SUBJECTS)
    ]
    assert not _wrong("es", sources, doer=False)
    speakers = [
        (reporter, text)
        for reporter, subject in itertools.product(_ES_REPORTERS, _ES_SUBJECTS)
        for text in [f"{reporter} informó que {subject} mataron a {count} aldeanos."]
    ]
    assert not _wrong("es", speakers, doer=False)
