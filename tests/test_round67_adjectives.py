"""Round 67: a state named by its adjective is read in every language the module reads.

The corpus is built here: states whose currency names no adjective of theirs (the CFA and
other shared francs, the German "Kenia-Schilling") x German, Spanish, French, Italian and
Portuguese x each adjective's inflections x three templates ("the X president", "a X
delegation", "X troops"); English and Russian are controls. The near-misses are words
that look like a state's adjective and name none.
"""

from __future__ import annotations

import pytest

from extractor.text.countries import countries_in_text

#: (state, German, Spanish, French, Italian, Portuguese): masculine singular, as written.
STATES = [
    ("KEN", "kenianisch", "keniano", "kényan", "keniota", "queniano"),
    ("TZA", "tansanisch", "tanzano", "tanzanien", "tanzaniano", "tanzaniano"),
    ("UGA", "ugandisch", "ugandés", "ougandais", "ugandese", "ugandense"),
    ("RWA", "ruandisch", "ruandés", "rwandais", "ruandese", "ruandês"),
    ("SOM", "somalisch", "somalí", "somalien", "somalo", "somali"),
    ("SEN", "senegalesisch", "senegalés", "sénégalais", "senegalese", "senegalês"),
    ("MLI", "malisch", "maliense", "malien", "maliano", "maliano"),
    ("TCD", "tschadisch", "chadiano", "tchadien", "ciadiano", "chadiano"),
    ("LBY", "libysch", "libio", "libyen", "libico", "líbio"),
    ("ZMB", "sambisch", "zambiano", "zambien", "zambiano", "zambiano"),
    ("ZWE", "simbabwisch", "zimbabuense", "zimbabwéen", "zimbabwese", "zimbabuano"),
    ("NAM", "namibisch", "namibio", "namibien", "namibiano", "namibiano"),
    ("GEO", "georgisch", "georgiano", "géorgien", "georgiano", "georgiano"),
    ("AZE", "aserbaidschanisch", "azerbaiyano", "azerbaïdjanais", "azero", "azerbaijano"),
    ("UZB", "usbekisch", "uzbeko", "ouzbek", "uzbeko", "uzbeque"),
    ("BGD", "bangladeschisch", "bangladesí", "bangladais", "bengalese", "bengali"),
    ("KWT", "kuwaitisch", "kuwaití", "koweïtien", "kuwaitiano", "kuwaitiano"),
    ("GHA", "ghanaisch", "ghanés", "ghanéen", "ghanese", "ganês"),
]
LANGUAGES = ("de", "es", "fr", "it", "pt")
#: Adjectives no regular rule makes of the state's name and no source gives ("uzbeko" of
#: "Uzbekistán", "bengalese" of "Bangladesh"): left out of the invariant, listed here.
IRREGULAR = {
    ("es", "UZB"), ("it", "UZB"), ("it", "LBY"), ("it", "BGD"), ("pt", "BGD"),
    ("fr", "BGD"), ("es", "BGD"), ("it", "SOM"), ("es", "SOM"),
}  # fmt: skip
TEMPLATES = {
    "de": (
        "Der {a} Präsident sagte am Montag, die Gespräche seien gut verlaufen.",
        "Eine {a} Delegation traf am Dienstag zu Gesprächen ein, hieß es.",
        "Die {a} Truppen zogen sich am Mittwoch aus der Region zurück.",
    ),
    "es": (
        "El presidente {a} dijo el lunes que las conversaciones fueron buenas.",
        "Una delegación {a} llegó el martes para mantener conversaciones.",
        "Las tropas {a} se retiraron el miércoles de la región.",
    ),
    "fr": (
        "Le président {a} a déclaré lundi que les discussions avaient été bonnes.",
        "Une délégation {a} est arrivée mardi pour des discussions.",
        "Les troupes {a} se sont retirées mercredi de la région.",
    ),
    "it": (
        "Il presidente {a} ha detto lunedì che i colloqui sono andati bene.",
        "Una delegazione {a} è arrivata martedì per i colloqui.",
        "Le truppe {a} si sono ritirate mercoledì dalla regione.",
    ),
    "pt": (
        "O presidente {a} disse na segunda-feira que as conversas foram boas.",
        "Uma delegação {a} chegou na terça-feira para conversações.",
        "As tropas {a} retiraram-se na quarta-feira da região.",
    ),
}


def _forms(adjective: str, language: str) -> list[str]:
    """The adjective's forms by gender and number, as the templates need them."""
    if language == "de":
        return [adjective + e for e in ("e", "en", "er", "es", "em")]
    if language == "fr":
        if adjective.endswith("en"):
            return [adjective, adjective + "s", adjective + "ne", adjective + "nes"]
        if adjective.endswith("e"):
            return [adjective, adjective + "s"]
        if adjective.endswith("s"):
            return [adjective, adjective + "e", adjective + "es"]
        return [adjective, adjective + "e", adjective + "s", adjective + "es"]
    if adjective.endswith("o"):
        plural = "i" if language == "it" else "os"
        feminine_plural = "e" if language == "it" else "as"
        return [adjective, adjective[:-1] + "a", adjective[:-1] + plural,
                adjective[:-1] + feminine_plural]  # fmt: skip
    return [adjective]


def _corpus() -> list[tuple[str, str, str]]:
    cases = []
    for code, *adjectives in STATES:
        for language, adjective in zip(LANGUAGES, adjectives, strict=True):
            if (language, code) in IRREGULAR:
                continue
            for form in _forms(adjective, language):
                cases += [(code, language, t.format(a=form)) for t in TEMPLATES[language]]
    return cases


def test_state_adjectives_are_read_in_every_language() -> None:
    """Fails on main: 387/843 unread (de 210, it 54, pt 51, fr 42, es 30)."""
    missed = [
        (code, language, text)
        for code, language, text in _corpus()
        if code not in countries_in_text(text, language)
    ]
    assert not missed, f"{len(missed)} unread: {missed[:10]}"


def test_state_adjectives_are_read_with_the_language_detected() -> None:
    cases = _corpus()[::7]
    missed = [(code, text) for code, _, text in cases if code not in countries_in_text(text)]
    assert not missed, missed[:10]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Kenyan president said on Monday that the talks had gone well.", "KEN"),
        ("Кенийский президент заявил в понедельник, что переговоры прошли хорошо.", "KEN"),
        ("Die deutsche Kanzlerin sagte am Montag, die Gespräche seien gut verlaufen.", "DEU"),
        ("Il presidente malese ha detto lunedì che i colloqui sono andati bene.", "MYS"),
    ],
)
def test_controls_keep_their_state(text: str, code: str) -> None:
    assert code in countries_in_text(text)


NEAR_MISSES = [
    ("de", "Er bestellte am Montag Sand, das kubische Volumen des Haufens war groß."),
    ("de", "Die italischen Völker lebten lange vor der Gründung der Stadt, sagte er."),
    ("es", "Pidió un café americano y se fue a casa el lunes por la tarde."),
    ("es", "El indiano volvió rico a su pueblo el lunes por la tarde."),
    ("es", "El alcalde granadino dijo el lunes que la feria fue un éxito."),
    ("es", "El ministro Alemán dijo el lunes que la reunión fue buena."),
    ("es", "El presidente dominicano dijo el lunes que todo iba bien."),
    ("es", "El entrenador Franco dijo el lunes que el equipo jugó bien."),
    ("it", "Il diritto romano fu discusso lunedì a lungo dagli studenti."),
    ("it", "Don Cipriano ha detto lunedì che la messa era finita."),
    ("fr", "Le président congolais a dit lundi que tout allait bien."),
    ("fr", "Il a bu un sirop de grenadine lundi avant de partir."),
    ("pt", "O presidente dominicano disse na segunda-feira que tudo ia bem."),
    ("pt", "O prefeito granadino disse na segunda-feira que a festa foi boa."),
    ("it", "Il presidente guineano ha detto lunedì che la situazione era calma."),
    ("fr", "Le président nigérien et son homologue ont parlé lundi."),
]


@pytest.mark.parametrize(("language", "text"), NEAR_MISSES)
def test_near_misses_name_no_state(language: str, text: str) -> None:
    """Words like a state's adjective that name none: a drink, a surname, a city's people,
    an adjective two states share ("congolais", "dominicano", "guineano"; "nigérien" and
    "nigérian" fold together), a word of another sense ("kubisch" cubic)."""
    assert countries_in_text(text, language) == []
    assert countries_in_text(text) == []
