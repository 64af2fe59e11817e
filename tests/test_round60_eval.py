"""Round 60: strict scores that flattered, or under-scored, a quote; eval's id note.

1. A lone key fact stated the record: inside the gold sentence, a quote that was only the
   count ("74"), the country ("Nigeria") or a name ("Blinken") scored strict. A number or
   a name says no event: a part inside the gold sentences must hold half the gold
   evidence's content words, two key facts, or one with a word of the record's type.
2. A quote of another event, naming no count ("Police said people were killed in Nigeria
   last year."), stated a casualty report whose gold has one: such a quote must carry
   one of the record's key counts to tell which event it is.
3. A count was held only as "1500" or "1,500": German, Spanish or French quotes writing
   it "1.500", "1 500" or with a no-break or thin space lost their strict credit. The
   package's own number forms are read now, and a group after a space is no count of its
   own ("3 500" holds no 500).
4. eval's note on two spellings of one id said "Unicode composition" when they differed
   only by spaces around the id.

Every case is built here from templates over fillers, counts, countries and languages;
each hostile quote has a right one beside it that keeps its credit, and strict credit
never exceeds lenient.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractor.evaluation import score
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.run import predictions_from_lines
from tests.test_round59_eval import _name_in

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _tps(text: str, gold: dict[str, Any], quote: str, language: str = "en") -> tuple[int, int]:
    """(lenient, strict) true positives of a prediction that is ``gold`` with ``quote``."""
    doc = GoldDocument(id="d", text=text, records=[gold], extra={"language": language})
    report = score([doc], {"d": [dict(gold, evidence=quote)]})
    return report.micro.tp, report.strict_micro.tp


COUNTRIES = ["NGA", "KEN", "PER", "MLI", "SDN", "COL", "IRQ", "SOM", "NER", "CMR"]

#: Per language: the gold sentence; a part of it with the count and a word of killing; a
#: part with the count and the country but no such word; a report elsewhere of the count;
#: another event in the same country naming no count; and fillers naming neither.
CASUALTY = {
    "en": {
        "gold": "Gunmen killed {n} villagers in Kaduna, {c} on Monday.",
        "killed": "killed {n} villagers",
        "two": "{n} villagers in Kaduna, {c}",
        "elsewhere": "Police said {n} people were killed in the attack.",
        "uncounted": [
            "Police said people were killed in {c} last year.",
            "Killings in {c} have risen, officials said.",
        ],
        "fillers": [
            "Officials gave no details.",
            "Reporters waited outside the hospital.",
            "The weather was mild that week.",
            "A statement followed later in the evening.",
        ],
    },
    "fr": {
        "gold": "Des hommes armés ont tué {n} villageois à Kaduna ({c}) lundi.",
        "killed": "ont tué {n} villageois",
        "two": "{n} villageois à Kaduna ({c}",
        "elsewhere": "La police a déclaré que {n} personnes avaient été tuées dans l'attaque.",
        "uncounted": [
            "La police a déclaré que des personnes avaient été tuées en {c} l'an dernier.",
            "Les meurtres en {c} ont augmenté, selon les autorités.",
        ],
        "fillers": [
            "Les autorités n'ont donné aucun détail.",
            "Les journalistes attendaient devant l'hôpital.",
            "Un communiqué a suivi dans la soirée.",
        ],
    },
    "es": {
        "gold": "Hombres armados mataron a {n} aldeanos en Kaduna, {c}, el lunes.",
        "killed": "mataron a {n} aldeanos",
        "two": "{n} aldeanos en Kaduna, {c}",
        "elsewhere": "La policía dijo que {n} personas murieron en el ataque.",
        "uncounted": [
            "La policía dijo que varias personas murieron en {c} el año pasado.",
            "Los asesinatos en {c} han aumentado, según las autoridades.",
        ],
        "fillers": [
            "Las autoridades no dieron detalles.",
            "Los periodistas esperaban frente al hospital.",
            "Un comunicado siguió por la tarde.",
        ],
    },
    "de": {
        "gold": "Bewaffnete töteten am Montag {n} Dorfbewohner in Kaduna, {c}.",
        "killed": "töteten am Montag {n} Dorfbewohner",
        "two": "{n} Dorfbewohner in Kaduna, {c}",
        "elsewhere": "Die Polizei sagte, {n} Menschen seien bei dem Angriff getötet worden.",
        "uncounted": [
            "Die Polizei sagte, im vergangenen Jahr seien in {c} Menschen getötet worden.",
            "Die Tötungen in {c} haben zugenommen, sagten Beamte.",
        ],
        "fillers": [
            "Die Behörden nannten keine Einzelheiten.",
            "Reporter warteten vor dem Krankenhaus.",
            "Eine Erklärung folgte am Abend.",
        ],
    },
}

#: How each language writes a count's thousands: the forms its readers write
#: (``number_forms``): a dot in German and Spanish, a space (plain, no-break or thin) in
#: all three.
GROUPS = {
    "de": [".", " ", "\u00a0", "\u202f"],
    "es": [".", " ", "\u00a0", "\u202f"],
    "fr": [" ", "\u00a0", "\u202f"],
}


def _grouped(n: int, mark: str) -> str:
    return f"{n:,}".replace(",", mark)


def _casualty(
    language: str, n: str, killed: int, code: str, fillers: list[str], extra: list[str]
) -> tuple[str, dict[str, Any]]:
    """An article with the gold sentence among ``fillers`` and ``extra``, and its record."""
    country = _name_in(code, language)
    assert country is not None
    template = CASUALTY[language]
    gold_sentence = template["gold"].format(n=n, c=country)
    text = " ".join([fillers[0], gold_sentence, *fillers[1:], *extra])
    gold = {
        "type": "casualty_report",
        "killed": killed,
        "country": code,
        "start": "2024-01-01",
        "evidence": gold_sentence,
    }
    return text, gold


LANGUAGES = st.sampled_from(sorted(CASUALTY))
FILLERS = st.data()


def _fillers(data: Any, language: str) -> list[str]:
    pool = CASUALTY[language]["fillers"]
    return data.draw(st.permutations(pool))[: data.draw(st.integers(2, len(pool)))]


# ------------------------------------------------------ 1. a lone key fact states nothing


@SETTINGS
@given(
    language=LANGUAGES,
    killed=st.integers(min_value=2, max_value=999),
    code=st.sampled_from(COUNTRIES),
    data=FILLERS,
)
def test_a_lone_count_or_country_in_the_gold_sentence_states_nothing(
    language: str, killed: int, code: str, data: Any
) -> None:
    """ "74" or "Nigeria" alone, found only in the gold sentence, says no event; the count
    with a word of killing, or the count with the country, does."""
    assume(_name_in(code, language) is not None)
    text, gold = _casualty(language, str(killed), killed, code, _fillers(data, language), [])
    country = _name_in(code, language)
    template = CASUALTY[language]
    assert _tps(text, gold, str(killed), language) == (1, 0)
    assert _tps(text, gold, country or "", language) == (1, 0)
    assert _tps(text, gold, template["killed"].format(n=killed), language) == (1, 1)
    assert _tps(text, gold, template["two"].format(n=killed, c=country), language) == (1, 1)
    assert _tps(text, gold, gold["evidence"], language) == (1, 1)


VISITORS = ["Antony Blinken", "Ana Lopez", "Kofi Mensah", "Maria Rossi", "Jean Dupont"]
PLACES = {"KEN": "Nairobi", "PER": "Lima", "FRA": "Paris", "JPN": "Tokyo", "BRA": "Brasilia"}
VISIT_FILLERS = [
    "Officials gave no details.",
    "Talks on trade followed.",
    "Reporters waited outside the building.",
    "A statement followed later in the evening.",
]


@SETTINGS
@given(
    visitor=st.sampled_from(VISITORS),
    host=st.sampled_from(sorted(PLACES)),
    fillers=st.permutations(VISIT_FILLERS),
    at=st.integers(min_value=0, max_value=4),
    whole=st.booleans(),
)
def test_a_lone_name_in_the_gold_sentence_states_nothing(
    visitor: str, host: str, fillers: list[str], at: int, whole: bool
) -> None:
    """A visitor's name alone ("Blinken", "Antony Blinken") says no visit; with a word of
    travel ("Blinken arrived") it does."""
    surname = visitor.split()[-1]
    gold_sentence = f"{visitor} arrived in {PLACES[host]} on Monday for official consultations."
    text = " ".join([*fillers[:at], gold_sentence, *fillers[at:]])
    gold = {
        "type": "visit",
        "visitors": [visitor],
        "visitor_country": None,
        "host_country": host,
        "start": "2024-01-01",
        "evidence": gold_sentence,
    }
    assert _tps(text, gold, visitor if whole else surname) == (1, 0)
    assert _tps(text, gold, f"{surname} arrived") == (1, 1)
    assert _tps(text, gold, f"{visitor} arrived in {PLACES[host]}") == (1, 1)


# ------------------------------------------------ 2. another event told without the count


@SETTINGS
@given(
    language=LANGUAGES,
    killed=st.integers(min_value=2, max_value=999),
    code=st.sampled_from(COUNTRIES),
    which=st.integers(min_value=0, max_value=1),
    data=FILLERS,
)
def test_a_quote_of_harm_in_the_country_without_the_count_states_no_casualty_report(
    language: str, killed: int, code: str, which: int, data: Any
) -> None:
    assume(_name_in(code, language) is not None)
    template = CASUALTY[language]
    uncounted = template["uncounted"][which].format(c=_name_in(code, language))
    elsewhere = template["elsewhere"].format(n=killed)
    fillers = _fillers(data, language)
    text, gold = _casualty(language, str(killed), killed, code, fillers, [uncounted, elsewhere])
    assert _tps(text, gold, uncounted, language) == (1, 0)
    assert _tps(text, gold, elsewhere, language) == (1, 1)  # the count tells which event


# ------------------------------------------------------ 3. a count as its language writes it


@SETTINGS
@given(
    language=st.sampled_from(sorted(GROUPS)),
    killed=st.integers(min_value=1000, max_value=999_999),
    code=st.sampled_from(COUNTRIES),
    data=FILLERS,
)
def test_a_count_written_with_its_language_s_group_separator_is_held(
    language: str, killed: int, code: str, data: Any
) -> None:
    assume(_name_in(code, language) is not None)
    mark = data.draw(st.sampled_from(GROUPS[language]))
    written = _grouped(killed, mark)
    template = CASUALTY[language]
    elsewhere = template["elsewhere"].format(n=written)
    fillers = _fillers(data, language)
    gold_written = _grouped(killed, GROUPS[language][0])
    text, gold = _casualty(language, gold_written, killed, code, fillers, [elsewhere])
    assert _tps(text, gold, elsewhere, language) == (1, 1)


@SETTINGS
@given(
    language=LANGUAGES,
    thousands=st.integers(min_value=1, max_value=99),
    killed=st.integers(min_value=100, max_value=999),
    code=st.sampled_from(COUNTRIES),
    mark=st.sampled_from([" ", "\u00a0", "\u202f"]),
    data=FILLERS,
)
def test_a_group_after_a_space_is_no_count_of_its_own(
    language: str, thousands: int, killed: int, code: str, mark: str, data: Any
) -> None:
    """ "3 500" is three thousand five hundred: it holds no 500 and no 3."""
    assume(_name_in(code, language) is not None)
    bigger = f"{thousands}{mark}{killed}"
    template = CASUALTY[language]
    wrong = template["elsewhere"].format(n=bigger)
    right = template["elsewhere"].format(n=killed)
    fillers = _fillers(data, language)
    text, gold = _casualty(language, str(killed), killed, code, fillers, [wrong, right])
    assert _tps(text, gold, wrong, language) == (1, 0)
    assert _tps(text, gold, right, language) == (1, 1)
    small = dict(gold, killed=thousands)
    assume(thousands > 1)
    assert _tps(text, small, wrong, language)[1] == 0


# ------------------------------------------------------------ strict never above lenient


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    language=LANGUAGES,
    killed=st.integers(min_value=2, max_value=99_999),
    code=st.sampled_from(COUNTRIES),
    data=FILLERS,
)
def test_strict_credit_never_exceeds_lenient(
    language: str, killed: int, code: str, data: Any
) -> None:
    assume(_name_in(code, language) is not None)
    template = CASUALTY[language]
    extra = [template["elsewhere"].format(n=killed), template["uncounted"][0].format(c="Mali")]
    text, gold = _casualty(language, str(killed), killed, code, _fillers(data, language), extra)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = data.draw(st.sampled_from([text[start:end], str(killed), text, " ... ".join(extra)]))
    wrong = data.draw(st.sampled_from([{}, {"killed": killed + 1}, {"country": "FRA"}]))
    doc = GoldDocument(id="d", text=text, records=[gold], extra={"language": language})
    report = score([doc], {"d": [dict(gold, evidence=quote, **wrong)]})
    assert report.strict_micro.tp <= report.micro.tp


# ------------------------------------------------------------------ 4. eval's note on ids

BLANKS = st.sampled_from([" ", "\t", "\u200b", "\ufeff", "  "])


@SETTINGS
@given(stem=st.text(alphabet="abcdefgh-", min_size=1, max_size=6), blank=BLANKS)
def test_ids_differing_only_in_blanks_are_not_said_to_differ_in_composition(
    stem: str, blank: str
) -> None:
    notes: list[str] = []
    lines = [{"doc_id": doc_id, "status": "ok", "records": []} for doc_id in (stem, blank + stem)]
    predictions, _, _ = predictions_from_lines(lines, on_unread=notes.append)
    assert list(predictions) == [stem]
    assert len(notes) == 1 and "blank" in notes[0] and "composition" not in notes[0]


@SETTINGS
@given(
    stem=st.text(alphabet="abcdefgh-", min_size=1, max_size=6),
    letter=st.sampled_from(list("éèüñçåøàôÅÉÑ")),
    blank=st.one_of(st.just(""), BLANKS),
)
def test_ids_differing_in_composition_are_said_so(stem: str, letter: str, blank: str) -> None:
    composed = unicodedata.normalize("NFC", stem + letter)
    decomposed = unicodedata.normalize("NFD", composed)
    assume(composed != decomposed)
    notes: list[str] = []
    lines = [
        {"doc_id": doc_id, "status": "ok", "records": []}
        for doc_id in (composed, decomposed + blank)
    ]
    predictions_from_lines(lines, on_unread=notes.append)
    assert len(notes) == 1 and "composition" in notes[0]
    assert ("blank" in notes[0]) == bool(blank)
