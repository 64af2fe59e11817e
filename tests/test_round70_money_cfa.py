"""Round 70: the adjectives of the CFA francs' states in Spanish, French, German, Italian
and Portuguese ("ivoirien", "marfileño", "ivorisch", "camerunense", "camaronês") name their
state, as the Italian "qatarino" names Qatar (a form the regular rules do not make: they
make no "-ino" after a consonant, see countries._REGULAR_ADJECTIVES). A CFA franc one
state's adjective or name qualifies ("francs CFA ivoiriens", "Ivorian CFA francs") is
that state's, West Africa's (XOF) or Central Africa's (XAF); bare it stays no amount.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.text.countries import countries_in_text
from extractor.text.quantities import parse_money

#: (language, alpha-3, adjective's masculine singular, its plural)
ADJECTIVES = [
    ("fr", "CIV", "ivoirien", "ivoiriens"), ("fr", "SEN", "sénégalais", "sénégalais"),
    ("fr", "CMR", "camerounais", "camerounais"), ("fr", "BFA", "burkinabè", "burkinabè"),
    ("fr", "CAF", "centrafricain", "centrafricains"),
    ("es", "CIV", "marfileño", "marfileños"), ("es", "CMR", "camerunés", "cameruneses"),
    ("es", "SEN", "senegalés", "senegaleses"), ("es", "NER", "nigerino", "nigerinos"),
    ("es", "TGO", "togolés", "togoleses"), ("es", "BFA", "burkinés", "burkineses"),
    ("de", "CIV", "ivorische", "ivorischen"), ("de", "CMR", "kamerunische", "kamerunischen"),
    ("de", "SEN", "senegalesische", "senegalesischen"), ("de", "NER", "nigrische", "nigrischen"),
    ("de", "BFA", "burkinische", "burkinischen"),
    ("it", "CIV", "ivoriano", "ivoriani"), ("it", "CMR", "camerunense", "camerunensi"),
    ("it", "SEN", "senegalese", "senegalesi"), ("it", "NER", "nigerino", "nigerini"),
    ("it", "QAT", "qatarino", "qatarini"),
    ("pt", "CIV", "marfinense", "marfinenses"), ("pt", "CMR", "camaronês", "camaroneses"),
    ("pt", "SEN", "senegalês", "senegaleses"), ("pt", "NER", "nigerino", "nigerinos"),
    ("pt", "GAB", "gabonês", "gaboneses"),
]  # fmt: skip
#: (language, template of a noun phrase with the adjective after its noun or before it)
TEMPLATES = {
    "fr": ["Le gouvernement {s} a annoncé", "Les soldats {p} ont quitté la base"],
    "es": ["El gobierno {s} anunció", "Los soldados {p} dejaron la base"],
    "de": ["Die {s} Regierung teilte mit", "Die {p} Soldaten verließen die Basis"],
    "it": ["Il governo {s} ha annunciato", "I soldati {p} hanno lasciato la base"],
    "pt": ["O governo {s} anunciou", "Os soldados {p} deixaram a base"],
}
CFA_STATES = {"CIV": "XOF", "SEN": "XOF", "NER": "XOF", "BFA": "XOF", "TGO": "XOF",
              "CMR": "XAF", "GAB": "XAF", "CAF": "XAF"}  # fmt: skip
MONEY = {
    "fr": "45 milliards de francs CFA {p}", "es": "45 millones de francos CFA {p}",
    "it": "45 milioni di franchi CFA {p}", "pt": "45 milhões de francos CFA {p}",
    "de": "45 Millionen {p} CFA-Franken",
}  # fmt: skip
SCALE = {"fr": 10**9, "es": 10**6, "it": 10**6, "pt": 10**6, "de": 10**6}


def _adjective_cases() -> list[tuple[str, str, str]]:
    return [
        (template.format(s=s, p=p), language, code)
        for (language, code, s, p) in ADJECTIVES
        for template in TEMPLATES[language]
    ]


def _money_cases() -> list[tuple[str, str, tuple[int, str]]]:
    cases = []
    for language, code, _, plural in ADJECTIVES:
        if code in CFA_STATES:
            text = MONEY[language].format(p=plural)
            cases.append((text, language, (45 * SCALE[language], CFA_STATES[code])))
    return cases


def test_cfa_states_adjectives_name_their_state() -> None:
    wrong = [
        (text, got)
        for text, language, code in _adjective_cases()
        if (got := countries_in_text(text, language)) != [code]
    ]
    assert not wrong, f"{len(wrong)}/{len(_adjective_cases())}: {wrong[:10]}"


def test_cfa_franc_of_one_state_is_that_states() -> None:
    wrong = [
        (text, got)
        for text, language, want in _money_cases()
        if (got := parse_money(text, language)) != (Decimal(want[0]), want[1])
    ]
    assert not wrong, f"{len(wrong)}/{len(_money_cases())}: {wrong[:10]}"


@pytest.mark.parametrize(("text", "language"), [
    ("45 milliards de francs CFA", "fr"), ("45 milliards de FCFA", "fr"),
    ("45 milliards de francs CFA français", "fr"), ("45 million CFA francs", "en"),
    ("45 millones de francos CFA", "es"), ("45 Millionen CFA-Franken", "de"),
    ("45 milliards de francs CFA pour le Sénégal et le Cameroun", "fr"),
])  # fmt: skip
def test_cfa_franc_of_no_one_state_is_no_amount(text: str, language: str) -> None:
    assert parse_money(text, language) is None, text


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Le président nigérien et son homologue", "fr", []),
    ("El gobierno nigeriano anunció", "es", ["NGA"]),
    ("Il governo nigeriano ha annunciato", "it", ["NGA"]),
    ("Le commerce de l'ivoire est interdit", "fr", []),
    ("El comercio de marfil está prohibido", "es", []),
    ("Santa Caterina e il catarino", "it", []),
])  # fmt: skip
def test_adjective_near_misses(text: str, language: str, expected: list[str]) -> None:
    assert countries_in_text(text, language) == expected, text


@pytest.mark.parametrize("form", ["qatarino", "qatarina", "qatarini", "qatarine", "qatariota"])
def test_qatar_italian_forms(form: str) -> None:
    assert countries_in_text(f"Il fondo {form} ha investito", "it") == ["QAT"], form
