"""Round 68: a toll's country is where the harm happened, never the state that reports,
condemns or mourns it (ACLED, UCDP: the event's location), in every language the casualty
rules read; and a group the evidence names only in a sentence of its own that tells no
harm is not the perpetrator.

The corpus is built here: reporting states x places x templates x languages (en es fr de
ru zh pt it ja ar). The draft stands for a model that wrote the reporter's country. Near
misses, where the reporting state must stay: a toll in the reporting state itself, and
the place of an attack on the reporter's embassy abroad (the host's country stays)."""

from __future__ import annotations

import pytest

from tests.roles_support import run

#: Per language: (reporting state as a subject, the place abroad with its preposition, the
#: reporting state as a place with its preposition, the reporter's code, the place's code).
STATES: dict[str, list[tuple[str, str, str, str, str]]] = {
    "en": [("Germany", "in Kenya", "in Germany", "DEU", "KEN"),
           ("France", "in Mali", "in France", "FRA", "MLI"),
           ("Japan", "in Nigeria", "in Japan", "JPN", "NGA"),
           ("Italy", "in Somalia", "in Italy", "ITA", "SOM")],
    "es": [("Alemania", "en Kenia", "en Alemania", "DEU", "KEN"),
           ("Francia", "en Malí", "en Francia", "FRA", "MLI"),
           ("Japón", "en Nigeria", "en Japón", "JPN", "NGA"),
           ("Italia", "en Somalia", "en Italia", "ITA", "SOM")],
    "fr": [("L'Allemagne", "au Kenya", "en Allemagne", "DEU", "KEN"),
           ("La France", "au Mali", "en France", "FRA", "MLI"),
           ("Le Japon", "au Nigeria", "au Japon", "JPN", "NGA"),
           ("L'Italie", "en Somalie", "en Italie", "ITA", "SOM")],
    "de": [("Deutschland", "in Kenia", "in Deutschland", "DEU", "KEN"),
           ("Frankreich", "in Mali", "in Frankreich", "FRA", "MLI"),
           ("Japan", "in Nigeria", "in Japan", "JPN", "NGA"),
           ("Italien", "in Somalia", "in Italien", "ITA", "SOM")],
    "ru": [("Германия", "в Кении", "в Германии", "DEU", "KEN"),
           ("Франция", "в Мали", "во Франции", "FRA", "MLI"),
           ("Япония", "в Нигерии", "в Японии", "JPN", "NGA"),
           ("Италия", "в Сомали", "в Италии", "ITA", "SOM")],
    "zh": [("德国", "肯尼亚", "德国", "DEU", "KEN"),
           ("法国", "马里", "法国", "FRA", "MLI"),
           ("日本", "尼日利亚", "日本", "JPN", "NGA"),
           ("意大利", "索马里", "意大利", "ITA", "SOM")],
    "pt": [("A Alemanha", "no Quênia", "na Alemanha", "DEU", "KEN"),
           ("A França", "no Mali", "na França", "FRA", "MLI"),
           ("O Japão", "na Nigéria", "no Japão", "JPN", "NGA"),
           ("A Itália", "na Somália", "na Itália", "ITA", "SOM")],
    "it": [("La Germania", "in Kenya", "in Germania", "DEU", "KEN"),
           ("La Francia", "nel Mali", "in Francia", "FRA", "MLI"),
           ("Il Giappone", "in Nigeria", "in Giappone", "JPN", "NGA"),
           ("L'Italia", "in Somalia", "in Italia", "ITA", "SOM")],
    "ja": [("ドイツ", "ケニア", "ドイツ", "DEU", "KEN"),
           ("フランス", "マリ", "フランス", "FRA", "MLI"),
           ("日本", "ナイジェリア", "日本", "JPN", "NGA"),
           ("イタリア", "ソマリア", "イタリア", "ITA", "SOM")],
    "ar": [("ألمانيا", "في كينيا", "في ألمانيا", "DEU", "KEN"),
           ("فرنسا", "في مالي", "في فرنسا", "FRA", "MLI"),
           ("اليابان", "في نيجيريا", "في اليابان", "JPN", "NGA"),
           ("إيطاليا", "في الصومال", "في إيطاليا", "ITA", "SOM")],
}  # fmt: skip

#: Per language, sentences where {X} (the reporting state) reports, condemns or mourns a
#: toll that happened at {P} (a place with its preposition).
FRAMES: dict[str, list[str]] = {
    "en": ["The foreign ministry of {X} said on Monday that 14 civilians were killed in an attack {P}.",
           "The government of {X} condemned the bombing {P} that killed 14 civilians on Monday.",
           "{X} mourned 14 soldiers killed in an ambush {P} on Monday."],
    "es": ["El ministerio de Exteriores de {X} informó el lunes de que 14 civiles murieron en un ataque {P}.",
           "El gobierno de {X} condenó el atentado {P} que mató a 14 civiles el lunes.",
           "{X} lloró a los 14 soldados muertos en una emboscada {P} el lunes."],
    "fr": ["{X} a annoncé lundi que 14 civils avaient été tués dans une attaque {P}.",
           "{X} a condamné l'attentat {P} qui a tué 14 civils lundi.",
           "{X} pleure les 14 soldats tués dans une embuscade {P} lundi."],
    "de": ["Das Außenministerium von {X} teilte am Montag mit, dass bei einem Angriff {P} 14 Zivilisten getötet wurden.",
           "Die Regierung von {X} verurteilte den Anschlag {P}, bei dem am Montag 14 Zivilisten getötet wurden.",
           "{X} trauert um 14 Soldaten, die am Montag bei einem Hinterhalt {P} getötet wurden."],
    "ru": ["МИД страны {X} сообщил в понедельник, что при нападении {P} погибли 14 мирных жителей.",
           "{X} осудила взрыв {P}, в результате которого в понедельник погибли 14 мирных жителей.",
           "{X} скорбит о 14 солдатах, погибших в понедельник в засаде {P}."],
    "zh": ["{X}外交部周一表示，{P}发生的一起袭击造成14名平民死亡。",
           "{X}政府谴责周一在{P}发生的造成14名平民死亡的爆炸事件。",
           "{X}外交部称，{P}周一发生爆炸，造成14名平民死亡。"],
    "pt": ["{X} informou na segunda-feira que 14 civis foram mortos num ataque {P}.",
           "{X} condenou o atentado {P} que matou 14 civis na segunda-feira.",
           "{X} lamentou a morte de 14 soldados numa emboscada {P} na segunda-feira."],
    "it": ["{X} ha comunicato lunedì che 14 civili sono stati uccisi in un attacco {P}.",
           "{X} ha condannato l'attentato {P} che lunedì ha ucciso 14 civili.",
           "{X} piange i 14 soldati uccisi lunedì in un'imboscata {P}."],
    "ja": ["{X}外務省は月曜日、{P}での攻撃で民間人14人が死亡したと発表した。",
           "{X}政府は月曜日、{P}で民間人14人が死亡した爆弾テロを非難した。",
           "{X}は月曜日に{P}での待ち伏せ攻撃で死亡した兵士14人を悼んだ。"],
    "ar": ["قالت وزارة خارجية {X} يوم الاثنين إن 14 مدنيا قتلوا في هجوم {P}.",
           "أدانت {X} التفجير {P} الذي أسفر عن مقتل 14 مدنيا يوم الاثنين.",
           "قالت حكومة {X} إن 14 جنديا قتلوا {P} يوم الاثنين."],
}  # fmt: skip


def _country(text: str, drafted: str) -> str | None:
    """The country of the one record a toll drafted with ``drafted`` keeps."""
    records = run(
        "casualty_report", text,
        killed=14, injured=None, qualifier="exact", victims="civilians", perpetrator=None,
        country=drafted, place=None, date=None, scope="event", violence_type=None,
        status="occurred", attribution=None, evidence=[1],
    ).records  # fmt: skip
    return records[0].country if records else "dropped"


def _corpus(own: bool) -> list[tuple[str, str, str, str]]:
    """(language, text, reporter's code, where-it-happened code) for every frame and pair:
    abroad, or (``own``) in the reporting state itself."""
    return [
        (language, frame.format(X=x, P=home if own else abroad), xc, xc if own else yc)
        for language, frames in FRAMES.items()
        for frame in frames
        for x, abroad, home, xc, yc in STATES[language]
    ]


ABROAD = _corpus(own=False)
AT_HOME = _corpus(own=True)


@pytest.mark.parametrize(("language", "text", "reporter", "where"), ABROAD)
def test_the_reporting_state_is_not_the_toll_country(
    language: str, text: str, reporter: str, where: str
) -> None:
    # fails on main 938d45b: 28/120 (ja 12, zh 8, pt 4, it 4)
    assert _country(text, reporter) == where


@pytest.mark.parametrize(("language", "text", "reporter", "where"), ABROAD)
def test_the_place_of_the_toll_stays(language: str, text: str, reporter: str, where: str) -> None:
    assert _country(text, where) == where


@pytest.mark.parametrize(("language", "text", "reporter", "where"), AT_HOME)
def test_a_toll_in_the_reporting_state_keeps_it(
    language: str, text: str, reporter: str, where: str
) -> None:
    assert _country(text, reporter) == reporter


#: An attack on the reporting state's embassy abroad: the host's country, where it happened.
EMBASSY: dict[str, str] = {
    "en": "The foreign ministry of {X} said that 14 people were killed in an attack on its embassy {P}.",
    "fr": "{X} a annoncé que 14 personnes avaient été tuées dans une attaque contre son ambassade {P}.",
    "pt": "{X} informou que 14 pessoas foram mortas num ataque contra a sua embaixada {P}.",
    "it": "{X} ha comunicato che 14 persone sono state uccise in un attacco contro la sua ambasciata {P}.",
    "ja": "{X}外務省は、{P}にある大使館への攻撃で14人が死亡したと発表した。",
    "zh": "{X}外交部表示，{P}发生的针对其大使馆的袭击造成14人死亡。",
    "ar": "قالت وزارة خارجية {X} إن 14 شخصا قتلوا في هجوم على سفارتها {P}.",
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (frame.format(X=x, P=abroad), yc)
        for language, frame in EMBASSY.items()
        for x, abroad, _, _, yc in STATES[language]
    ],
)
def test_an_embassy_abroad_keeps_its_host_country(text: str, where: str) -> None:
    assert _country(text, where) == where


#: A toll, then a sentence whose subject is a group that does nothing harmful in it.
NEXT_SENTENCE: dict[str, tuple[str, list[str]]] = {
    "en": ("14 civilians were killed {P} on Monday. {G} held a rally in the capital the same day.",
           ["The Northern Front", "The People's Movement"]),
    "es": ("14 civiles murieron {P} el lunes. {G} celebró una manifestación en la capital ese mismo día.",
           ["El Frente del Norte", "El Movimiento Popular"]),
    "pt": ("14 civis foram mortos {P} na segunda-feira. {G} realizou um comício na capital no mesmo dia.",
           ["A Frente Norte", "O Movimento Popular"]),
    "it": ("Lunedì 14 civili sono stati uccisi {P}. {G} ha tenuto una manifestazione nella capitale lo stesso giorno.",
           ["Il Fronte del Nord", "Il Movimento Popolare"]),
}  # fmt: skip
#: The same group as the subject of the killing: it stays.
DOER: dict[str, str] = {
    "en": "{G} killed 14 civilians {P} on Monday.",
    "es": "{G} mató a 14 civiles {P} el lunes.",
    "pt": "{G} matou 14 civis {P} na segunda-feira.",
    "it": "{G} ha ucciso 14 civili {P} lunedì.",
}


def _perpetrator(text: str, group: str, where: str, sentences: int = 1) -> str | None:
    """The perpetrator kept of a toll drafted with ``group`` and evidence of the first
    ``sentences`` sentences."""
    records = run(
        "casualty_report", text,
        killed=14, injured=None, qualifier="exact", victims="civilians", perpetrator=group,
        country=where, place=None, date=None, scope="event", violence_type=None,
        status="occurred", attribution=None, evidence=list(range(1, sentences + 1)),
    ).records  # fmt: skip
    assert records, text
    perpetrator = records[0].perpetrator
    return perpetrator.name if perpetrator is not None else None


@pytest.mark.parametrize(
    ("text", "group", "where"),
    [
        (frame.format(P=abroad, G=group), group, yc)
        for language, (frame, groups) in NEXT_SENTENCE.items()
        for group in groups
        for _, abroad, _, _, yc in STATES[language]
    ],
)
def test_a_group_of_the_next_sentence_is_no_perpetrator(text: str, group: str, where: str) -> None:
    # fails on main: it 8/8, pt 8/8
    assert _perpetrator(text, group, where, sentences=2) is None


@pytest.mark.parametrize(
    ("text", "group", "where"),
    [
        (DOER[language].format(P=abroad, G=group), group, yc)
        for language, (_, groups) in NEXT_SENTENCE.items()
        for group in groups
        for _, abroad, _, _, yc in STATES[language]
    ],
)
def test_the_doer_of_its_own_clause_stays(text: str, group: str, where: str) -> None:
    assert _perpetrator(text, group, where) == group
