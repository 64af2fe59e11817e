"""Round 69 (ctotals): a toll raised to a new figure is a running total, a since-phrase
reads alike in every language, a recovery of bodies is no total, and the head of a firing
names the means. Generated corpora: event clauses x raising clauses x languages; since
phrases x languages; recoveries x languages; heads of firing x languages. Near misses:
the raised clause's event count, a toll of one named event, totals with no recovery,
actors named with a weapon."""

from __future__ import annotations

from datetime import date

import pytest

from extractor.types.casualty_report import perpetrator_problem, toll_period

PUBLISHED = date(2025, 3, 12)

#: One event's count (five, on Monday), per language.
EVENTS = {
    "en": ["Five people were killed on Monday", "Gunmen killed 5 villagers on Monday"],
    "es": ["Cinco personas murieron el lunes", "Hombres armados mataron a 5 aldeanos el lunes"],
    "fr": ["Cinq personnes ont été tuées lundi", "Des hommes armés ont tué 5 villageois lundi"],
    "de": ["Fünf Menschen starben am Montag", "Bewaffnete töteten am Montag 5 Dorfbewohner"],
    "ru": ["В понедельник погибли пять человек", "В понедельник боевики убили 5 жителей"],
    "pt": ["Cinco pessoas morreram na segunda-feira", "Homens armados mataram 5 aldeões na segunda-feira"],
    "it": ["Cinque persone sono morte lunedì", "Uomini armati hanno ucciso 5 abitanti lunedì"],
}  # fmt: skip
#: A clause that raises a toll to 40, with no word of "so far".
RAISED = {
    "en": ["bringing the death toll to 40", "taking the toll to 40", "raising the number of dead to 40",
           "pushing the overall toll to 40", "which brings to 40 the number of victims",
           "and the overall number of dead rose to 40", "and the total toll has climbed to 40"],
    "es": ["con lo que el número de muertos asciende a 40", "elevando la cifra de víctimas a 40",
           "lo que eleva a 40 el número de muertos", "y así el número de víctimas subió a 40"],
    "fr": ["ce qui porte le bilan total à 40", "portant le bilan à 40",
           "et le bilan total s'élève à 40", "ainsi le bilan est passé à 40"],
    "de": ["insgesamt stieg die Zahl der Toten damit auf 40", "die Zahl der Opfer stieg damit auf 40",
           "damit erhöht sich die Opferzahl auf 40"],
    "ru": ["общее число жертв достигло 40", "тем самым число погибших возросло до 40",
           "доведя число погибших до 40"],
    "pt": ["elevando o número de mortos para 40", "com isso o número de vítimas subiu para 40"],
    "it": ["portando il bilancio a 40", "il che porta il numero dei morti a 40"],
}  # fmt: skip


def _raised() -> list[tuple[str, str]]:
    return [
        (language, f"{event}, {raised}.")
        for language, events in EVENTS.items()
        for event in events
        for raised in RAISED[language]
    ]


@pytest.mark.parametrize(("language", "sentence"), _raised())
def test_a_raised_toll_is_a_running_total(language: str, sentence: str) -> None:
    assert toll_period(sentence, language, PUBLISHED, [40]) is not False


@pytest.mark.parametrize(("language", "sentence"), _raised())
def test_the_event_that_raised_it_stays_the_event(language: str, sentence: str) -> None:
    assert toll_period(sentence, language, PUBLISHED, [5]) is False


#: Near misses: a toll of one named event that rises, a raising verb of no toll.
ONE_EVENT = [
    ("en", "The number of people killed in Monday's attack rose to 12.", 12),
    ("en", "The total number of people killed in the bombing on Monday rose to 12.", 12),
    ("en", "Gunmen killed 12 people on Monday, bringing the town's market to a halt.", 12),
    ("en", "The attack killed 12 people on Monday, taking the number of schools closed to 40.", 12),
    ("es", "El número de muertos en el ataque del lunes subió a 12.", 12),
    ("fr", "Le nombre de morts dans l'attaque de lundi est passé à 12.", 12),
    ("de", "Die Zahl der Toten bei dem Anschlag am Montag stieg auf 12.", 12),
    ("ru", "Число погибших при нападении в понедельник возросло до 12.", 12),
    ("en", "A total of 12 people were killed in the attack on Monday.", 12),
    ("en", "Gunmen killed 12 people on Monday, with the war taking a toll on civilians.", 12),
    ("en", "Reports today say the death toll has now risen to 100 people.", 100),
    ("es", "Según los informes, el número de muertos ha subido a 100.", 100),
    ("fr", "Selon les secours, le bilan s'est alourdi à 100 morts.", 100),
    ("de", "Nach Angaben der Retter stieg die Zahl der Toten auf 100.", 100),
    ("ru", "По данным спасателей, число погибших возросло до 100.", 100),
]


@pytest.mark.parametrize(("language", "sentence", "count"), ONE_EVENT)
def test_a_toll_of_one_named_event_is_no_running_total(
    language: str, sentence: str, count: int
) -> None:
    assert toll_period(sentence, language, PUBLISHED, [count]) is False


#: "Since the end of the war", "since mid-February" per language: (language, sentence, want)
#: where want is True for an undated period, else the month or year it starts.
SINCE = [
    *[(lang, s, True) for lang, s in [
        ("en", "Since the end of the war, 300 people have been killed by mines."),
        ("es", "Desde el fin de la guerra, 300 personas han muerto por minas."),
        ("es", "Desde el final de la guerra, 300 personas han muerto por minas."),
        ("fr", "Depuis la fin de la guerre, 300 personnes ont été tuées par des mines."),
        ("fr", "Depuis la fin du conflit, 300 personnes ont été tuées par des mines."),
        ("de", "Seit Ende des Krieges wurden 300 Menschen durch Minen getötet."),
        ("pt", "Desde o fim da guerra, 300 pessoas foram mortas por minas."),
        ("it", "Dalla fine della guerra, 300 persone sono state uccise dalle mine."),
        ("ru", "С конца войны от мин погибли 300 человек."),
    ]],
    ("en", "Since mid-February, 300 people have been killed in Kano.", "2025-02"),
    ("de", "Seit Mitte Februar wurden in Kano 300 Menschen getötet.", "2025-02"),
    ("fr", "Depuis mi-février, 300 personnes ont été tuées à Kano.", "2025-02"),
    ("fr", "Depuis la mi-janvier, 300 personnes ont été tuées à Kano.", "2025-01"),
    ("es", "Desde mediados de febrero, 300 personas han muerto en Kano.", "2025-02"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "sentence", "want"), SINCE)
def test_a_since_phrase_reads_alike_in_every_language(
    language: str, sentence: str, want: object
) -> None:
    period = toll_period(sentence, language, PUBLISHED, [300])
    if want is True:
        assert period is not False
    else:
        assert not isinstance(period, bool)
        assert period.value == want


#: Bodies recovered "so far" from one event, per language: the event's count.
RECOVERED = {
    "en": ["So far, rescuers have recovered {n} bodies from Monday's attack.",
           "Rescue workers have so far pulled out {n} bodies from the rubble of Monday's blast.",
           "Thus far, divers have retrieved {n} bodies from the capsized boat."],
    "es": ["Hasta ahora, los rescatistas han recuperado {n} cuerpos del ataque del lunes.",
           "Hasta el momento se han hallado {n} cadáveres entre los escombros."],
    "fr": ["Jusqu'à présent, les secouristes ont récupéré {n} corps après l'attaque de lundi.",
           "Les sauveteurs ont retrouvé à ce jour {n} corps dans les décombres."],
    "de": ["Bislang haben Rettungskräfte {n} Leichen nach dem Anschlag vom Montag geborgen.",
           "Bisher bargen Helfer {n} Leichen aus den Trümmern."],
    "ru": ["На сегодняшний день спасатели извлекли {n} тел из-под завалов.",
           "До сих пор обнаружены {n} тел погибших при нападении в понедельник."],
}  # fmt: skip
#: Near misses: a running total with no recovery stays one.
TOTALS = {
    "en": "So far, {n} people have been killed in the fighting.",
    "es": "Hasta ahora, {n} personas han muerto en los combates.",
    "fr": "Jusqu'à présent, {n} personnes ont été tuées dans les combats.",
    "de": "Bislang wurden {n} Menschen bei den Kämpfen getötet.",
    "ru": "До сих пор в боях погибли {n} человек.",
}


@pytest.mark.parametrize("n", [12, 38])
@pytest.mark.parametrize(
    ("language", "template"), [(lang, t) for lang, ts in RECOVERED.items() for t in ts]
)
def test_a_recovery_is_no_total(language: str, template: str, n: int) -> None:
    assert toll_period(template.format(n=n), language, PUBLISHED, [n]) is False


@pytest.mark.parametrize(("language", "template"), sorted(TOTALS.items()))
def test_a_total_without_recovery_stays_one(language: str, template: str) -> None:
    assert toll_period(template.format(n=40), language, PUBLISHED, [40]) is not False


#: How a name opens the toll's sentence, per language.
FRAMES = {
    "en": "{N} killed 14 civilians in Kenya on Monday.",
    "de": "{N} töteten am Montag 14 Zivilisten in Kenia.",
    "es": "{N} mató a 14 civiles en Kenia el lunes.",
    "fr": "{N} a tué 14 civils au Kenya lundi.",
    "pt": "{N} matou 14 civis no Quênia na segunda-feira.",
    "it": "{N} ha ucciso lunedì 14 civili in Kenya.",
    "ru": "{N} убили 14 мирных жителей в Кении в понедельник.",
}
#: A firing's head and a weapon after it (head first) or before it (head last).
FIRING = {
    "en": (["A mortar round", "Tank rounds", "A rocket salvo", "An artillery barrage",
            "Mines laid by militants", "Bombs set by insurgents", "Shells sent by the army",
            "Mines planted by militants"], []),
    "es": (["Fuego", "Disparos", "Descargas", "Ráfagas"], ["de artillería", "de tanques del ejército", "de mortero"]),
    "fr": (["Des tirs", "Un tir", "Des salves", "Des rafales"], ["d'artillerie", "de chars", "de mortier"]),
    "pt": (["Fogo", "Disparos", "Tiros"], ["de artilharia", "de tanques", "de morteiro"]),
    "it": (["Colpi", "Fuoco", "Raffiche"], ["di artiglieria", "di carri armati", "di mortaio"]),
    "de": (["Artilleriebeschuss", "Panzerfeuer", "Mörserbeschuss", "Raketenbeschuss der Armee",
            "Granatfeuer"], []),
    "ru": (["Авиаудар", "Авиаудары", "Артиллерийский обстрел", "Артиллерийский огонь",
            "Ракетный залп"], []),
}  # fmt: skip
#: Near misses: actors named with a firing or a weapon.
ACTORS = {
    "en": ["Mortar teams", "A rocket unit", "Artillerymen", "Gunmen", "Snipers", "Tank crews"],
    "es": ["Artilleros", "Una brigada de artillería", "Francotiradores", "Tiradores del ejército"],
    "fr": ["Des artilleurs", "Des tireurs d'élite", "Une brigade d'artillerie", "Des tireurs"],
    "pt": ["Artilheiros", "Atiradores", "Uma brigada de artilharia"],
    "it": ["Artiglieri", "Cecchini", "Una brigata di artiglieria"],
    "de": ["Artilleristen", "Scharfschützen", "Feuerwehrleute", "Raketentruppen"],
    "ru": ["Артиллеристы", "Снайперы", "Танкисты", "Ракетчики"],
}  # fmt: skip


def _firings() -> list[tuple[str, str]]:
    out = []
    for language, (heads, tails) in FIRING.items():
        for head in heads:
            for tail in tails or [""]:
                out.append((language, f"{head} {tail}".strip()))
    return out


@pytest.mark.parametrize(("language", "name"), _firings())
def test_a_firing_names_the_means(language: str, name: str) -> None:
    problem = perpetrator_problem(name, FRAMES[language].format(N=name), language)
    assert problem is not None and ("means" in problem or "the event" in problem)


@pytest.mark.parametrize(
    ("language", "name"), [(lang, n) for lang, names in ACTORS.items() for n in names]
)
def test_an_actor_named_with_a_weapon_is_kept(language: str, name: str) -> None:
    assert perpetrator_problem(name, FRAMES[language].format(N=name), language) is None
