"""Round 65: a record is not dropped because its article is short or not in Latin letters.

Two rules measured a one-sentence article by what it is not: the evidence minimum counted
characters whatever the script (a whole Chinese sentence of 14 characters was "too short"),
and the check that a record's countries are named read only English names when the
language detector, unsure on a sentence, said "und" or a close language ("bg" for a
Russian sentence). The corpus combines states x languages x one-sentence templates x
record types; the negatives are near misses where the rules must still refuse.
"""

from __future__ import annotations

from itertools import permutations
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.language import text_weight
from extractor.types.base import MIN_QUOTE_CHARS
from tests.roles_support import run

#: How each language names six states: (subject, object or "to" form).
NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "es": {"DEU": ("Alemania", "Alemania"), "FRA": ("Francia", "Francia"),
           "CHN": ("China", "China"), "IND": ("India", "India"), "JPN": ("Japón", "Japón"),
           "BRA": ("Brasil", "Brasil")},
    "fr": {"DEU": ("L'Allemagne", "à l'Allemagne"), "FRA": ("La France", "à la France"),
           "CHN": ("La Chine", "à la Chine"), "IND": ("L'Inde", "à l'Inde"),
           "JPN": ("Le Japon", "au Japon"), "BRA": ("Le Brésil", "au Brésil")},
    "de": {"DEU": ("Deutschland", "Deutschland"), "FRA": ("Frankreich", "Frankreich"),
           "CHN": ("China", "China"), "IND": ("Indien", "Indien"), "JPN": ("Japan", "Japan"),
           "BRA": ("Brasilien", "Brasilien")},
    "ru": {"DEU": ("Германия", "Германии"), "FRA": ("Франция", "Франции"),
           "CHN": ("Китай", "Китаю"), "IND": ("Индия", "Индии"), "JPN": ("Япония", "Японии"),
           "BRA": ("Бразилия", "Бразилии")},
    "zh": {"DEU": ("德国", "德国"), "FRA": ("法国", "法国"), "CHN": ("中国", "中国"),
           "IND": ("印度", "印度"), "JPN": ("日本", "日本"), "BRA": ("巴西", "巴西")},
    "ja": {"DEU": ("ドイツ", "ドイツ"), "FRA": ("フランス", "フランス"), "CHN": ("中国", "中国"),
           "IND": ("インド", "インド"), "JPN": ("日本", "日本"), "BRA": ("ブラジル", "ブラジル")},
    "pt": {"DEU": ("A Alemanha", "à Alemanha"), "FRA": ("A França", "à França"),
           "CHN": ("A China", "à China"), "IND": ("A Índia", "à Índia"),
           "JPN": ("O Japão", "ao Japão"), "BRA": ("O Brasil", "ao Brasil")},
    "it": {"DEU": ("La Germania", "alla Germania"), "FRA": ("La Francia", "alla Francia"),
           "CHN": ("La Cina", "alla Cina"), "IND": ("L'India", "all'India"),
           "JPN": ("Il Giappone", "al Giappone"), "BRA": ("Il Brasile", "al Brasile")},
    "ar": {"DEU": ("ألمانيا", "ألمانيا"), "FRA": ("فرنسا", "فرنسا"), "CHN": ("الصين", "الصين"),
           "IND": ("الهند", "الهند"), "JPN": ("اليابان", "اليابان"),
           "BRA": ("البرازيل", "البرازيل")},
}  # fmt: skip

#: Per language: an arms transfer from the first state to the second (its item as
#: written), a meeting of both, and a toll in the first. One sentence each.
TEMPLATES: dict[str, tuple[tuple[str, str], str, str]] = {
    "es": (("{A} vendió 20 tanques a {b}.", "tanques"),
           "Los ministros de {A} y {b} se reunieron el martes.",
           "Doce personas murieron en un ataque en {b}."),
    "fr": (("{A} a vendu 20 chars {b}.", "chars"),
           "Les ministres de {A} et de {b} se sont rencontrés mardi.",
           "Douze personnes ont été tuées dans une attaque {b}."),
    "de": (("{A} hat {b} 20 Panzer verkauft.", "Panzer"),
           "Die Minister von {A} und {b} trafen sich am Dienstag.",
           "Zwölf Menschen wurden bei einem Anschlag in {b} getötet."),
    "ru": (("{A} передаст {b} 20 танков.", "танков"),
           "Министры стран {A} и {b} встретились во вторник.",
           "Двенадцать человек погибли при нападении в {b}."),
    "zh": (("{A}向{b}出售了20辆坦克。", "坦克"),
           "{A}和{b}外长周二举行会谈。",
           "{b}发生袭击，造成十二人死亡。"),
    "ja": (("{A}は{b}に戦車20両を売却した。", "戦車"),
           "{A}と{b}の外相が火曜日に会談した。",
           "{b}で攻撃があり、12人が死亡した。"),
    "pt": (("{A} vendeu 20 tanques {b}.", "tanques"),
           "Os ministros de {A} e de {b} reuniram-se na terça-feira.",
           "Doze pessoas morreram num ataque {b}."),
    "it": (("{A} ha venduto 20 carri armati {b}.", "carri armati"),
           "I ministri di {A} e di {b} si sono incontrati martedì.",
           "Dodici persone sono state uccise in un attacco {b}."),
    "ar": (("باعت {A} 20 دبابة إلى {b}.", "دبابة"),
           "التقى وزيرا خارجية {A} و{b} يوم الثلاثاء.",
           "قتل اثنا عشر شخصا في هجوم في {b}."),
}  # fmt: skip

#: A visit by the first state's president to the second, where the object form is plain.
VISITS: dict[str, str] = {
    "es": "El presidente de {A} visitó {b} el martes.",
    "de": "Der Präsident von {A} besuchte {b} am Dienstag.",
    "ru": "Президент страны {A} посетил {b} во вторник.",
    "zh": "{A}总统周二访问了{b}。",
    "ja": "{A}の大統領が火曜日に{b}を訪問した。",
    "ar": "زار رئيس {A} {b} يوم الثلاثاء.",
}
#: The accusative of the Russian names, which a visit takes.
RUSSIAN_ACCUSATIVE = {
    "DEU": "Германию", "FRA": "Францию", "CHN": "Китай", "IND": "Индию", "JPN": "Японию",
    "BRA": "Бразилию",
}  # fmt: skip

STATES = ("DEU", "FRA", "CHN", "IND", "JPN", "BRA")
PAIRS = list(permutations(STATES, 2))
LANGUAGES = tuple(TEMPLATES)


def _arms(a: str, b: str, item: str) -> dict[str, Any]:
    return {
        "supplier": a, "recipient": b,
        "items": [{"designation": item, "category": None, "quantity": 20}],
        "value": None, "date": None, "deal_status": None, "transfer_type": None,
        "status": "occurred", "attribution": None, "evidence": [1],
    }  # fmt: skip


def _meeting(a: str, b: str) -> dict[str, Any]:
    return {
        "participants": [], "countries": [a, b], "format": "bilateral", "place": None,
        "date": None, "topics": [], "status": "occurred", "attribution": None, "evidence": [1],
    }  # fmt: skip


def _casualty(b: str) -> dict[str, Any]:
    return {
        "killed": 12, "injured": None, "qualifier": "exact", "victims": None,
        "perpetrator": None, "country": b, "place": None, "date": None, "scope": "event",
        "violence_type": None, "status": "occurred", "attribution": None, "evidence": [1],
    }  # fmt: skip


def _visit(a: str, b: str) -> dict[str, Any]:
    return {
        "visitors": [], "visitor_country": a, "hosts": [], "host_country": b, "place": None,
        "date": None, "end_date": None, "purpose": None, "status": "occurred",
        "attribution": None, "evidence": [1],
    }  # fmt: skip


def _fill(template: str, language: str, a: str, b: str) -> str:
    names = NAMES[language]
    # in some forms the first state is not a subject ("de {A}"): lower its article
    subject = names[a][0] if template.startswith("{A}") else names[a][1].removeprefix("à ")
    if not template.startswith("{A}") and language in ("fr", "pt", "it"):
        subject = names[a][0][:1].lower() + names[a][0][1:]
    return template.format(A=subject, b=names[b][1])


def corpus() -> list[tuple[str, str, str, dict[str, Any], tuple[str, ...]]]:
    """(language, kind, text, draft, the countries the kept record must have)."""
    cases = []
    for language in LANGUAGES:
        (arms, item), meeting, toll = TEMPLATES[language]
        for a, b in PAIRS:
            cases.append(
                (language, "arms_transfer", _fill(arms, language, a, b), _arms(a, b, item), (a, b))
            )
            cases.append(
                (language, "meeting", _fill(meeting, language, a, b), _meeting(a, b), (a, b))
            )
            if language in ("fr", "pt", "it"):  # "dans une attaque en France"
                place = {"fr": "en ", "pt": "em ", "it": "in "}[language]
                where = NAMES[language][b][0].split(" ", 1)[-1].removeprefix("L'")
                text = toll.replace("{b}", place + where)
            else:
                text = _fill(toll, language, a, b)
            cases.append((language, "casualty_report", text, _casualty(b), (b,)))
    for language, visit in VISITS.items():
        for a, b in PAIRS[::2]:
            to = RUSSIAN_ACCUSATIVE[b] if language == "ru" else NAMES[language][b][0]
            text = visit.format(A=NAMES[language][a][0], b=to)
            cases.append((language, "visit", text, _visit(a, b), (a, b)))
    return cases


def _countries(kind: str, record: Any) -> tuple[str, ...]:
    if kind == "arms_transfer":
        return (record.supplier.country, record.recipient.country)
    if kind == "visit":
        return (record.visitor_country, record.host_country)
    if kind == "meeting":
        return tuple(record.countries_involved)
    return (record.country,)


def _kept(case: tuple[str, str, str, dict[str, Any], tuple[str, ...]]) -> bool:
    _, kind, text, draft, want = case
    out = run(kind, text, **draft)
    return len(out.records) == 1 and _countries(kind, out.records[0]) == want


def test_a_right_record_of_a_one_sentence_article_is_kept_in_every_language() -> None:
    """A one-sentence article's right draft, of every type, is kept with its countries."""
    cases = corpus()
    lost = [(c[0], c[1], c[2]) for c in cases if not _kept(c)]
    assert not lost, f"{len(lost)}/{len(cases)} dropped: {lost[:8]}"


#: The English templates of the negatives: a text of sure language.
ENGLISH = (
    ("{A} sold 20 tanks to {b}.", "tanks"),
    "The ministers of {A} and {b} met on Tuesday.",
    "Twelve people were killed in an attack in {b}.",
)
ENGLISH_NAMES = {
    "DEU": "Germany", "FRA": "France", "CHN": "China", "IND": "India", "JPN": "Japan",
    "BRA": "Brazil",
}  # fmt: skip


def _unnamed(a: str, b: str) -> str:
    """A state of :data:`STATES` that is neither ``a`` nor ``b``: the text never names it."""
    return next(code for code in STATES if code not in (a, b))


def negatives() -> list[tuple[str, str, str, dict[str, Any], str]]:
    """(language, kind, text, draft, state): drafts coding a state the one-sentence text
    never names, in any language, as a side; texts in sure English among them. A rule may
    drop the draft or recode the state to one the text names, never keep the state."""
    cases = []
    for language in (*LANGUAGES, "en"):
        (arms, item), meeting, toll = TEMPLATES.get(language, ENGLISH)
        for a, b in PAIRS[::3]:
            c = _unnamed(a, b)
            if language == "en":
                fill = {"A": ENGLISH_NAMES[a], "b": ENGLISH_NAMES[b]}
                texts = [t.format(**fill) for t in (arms, meeting, toll)]
            else:
                texts = [_fill(t, language, a, b) for t in (arms, meeting)]
                texts.append(texts[0])  # a toll coded in a state the text does not name
            cases.append((language, "arms_transfer", texts[0], _arms(c, b, item), c))
            cases.append((language, "meeting", texts[1], _meeting(a, c), c))
            cases.append((language, "casualty_report", texts[2], _casualty(c), c))
    return cases


def test_a_state_the_text_never_names_is_refused_in_every_language() -> None:
    """However unsure the detector, a state named in no language of the text is never
    kept as one of the record's countries."""
    cases = negatives()
    kept = [
        (language, kind, text)
        for language, kind, text, draft, unnamed in cases
        for record in run(kind, text, **draft).records
        if unnamed in record.countries()
    ]
    assert not kept, f"{len(kept)}/{len(cases)} kept: {kept[:8]}"


def test_a_whole_sentence_is_long_enough_evidence_in_every_script() -> None:
    """The evidence minimum means the same in every script: a Chinese or Japanese letter
    weighs three Latin ones, so a whole sentence passes; a text without wide letters
    weighs its length (a Latin quote too short stays too short)."""
    sentences = [text for _, _, text, _, _ in corpus()]
    assert all(text_weight(text) >= MIN_QUOTE_CHARS for text in sentences)
    for text in ("Germany sold.", "Россия ушла.", "باعت ألمانيا", "เยอรมนีขาย", "Es murió."):
        assert text_weight(text) == len(text)
    for fragment in ("德国坦克", "ドイツ戦", "독일 탱크"):
        assert text_weight(fragment) < MIN_QUOTE_CHARS


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2E7F), max_size=40))
def test_text_without_wide_letters_weighs_its_length(text: str) -> None:
    """Below the wide scripts, every character counts one, as the minimum always did."""
    assert text_weight(text) == len(text)


#: Per language: a dated arms transfer of one sentence, and its date as the model writes it.
DATED: dict[str, tuple[str, str]] = {
    "es": ("{A} vendió 20 tanques a {b} el 3 de marzo.", "3 de marzo"),
    "ru": ("{A} передаст {b} 20 танков 3 марта.", "3 марта"),
    "fr": ("{A} a vendu 20 chars {b} le 3 mars.", "3 mars"),
    "pt": ("{A} vendeu 20 tanques {b} em 3 de março.", "3 de março"),
    "it": ("{A} ha venduto 20 carri armati {b} il 3 marzo.", "3 marzo"),
}


def test_the_date_of_a_one_sentence_article_is_read_whatever_the_detector_guessed() -> None:
    """A day and month of a lone sentence the detector cannot place ("und") or places in
    a neighbour without a date grammar ("tg" for Russian) is still that day."""
    lost = []
    for language, (template, written) in DATED.items():
        for a, b in PAIRS:
            text = _fill(template, language, a, b)
            draft = {**_arms(a, b, "x"), "items": [], "date": written}
            if language == "ru":  # a future tense: the next 3rd of March
                draft["status"] = "planned"
            records = run("arms_transfer", text, **draft).records
            dates = [value.value for value in records[0].event_dates()] if records else []
            if not dates or not str(dates[0]).endswith("-03-03"):
                lost.append((text, dates))
    assert not lost, f"{len(lost)}/{len(DATED) * len(PAIRS)}: {lost[:6]}"
