"""Round 67: one who mourns or reports a toll did not do it.

A perpetrator is the one the evidence names as the doer (ACLED actor1, UCDP side): a
state that mourns its dead ("X mourned the 14 of its soldiers killed in an ambush",
"X lloró a", "X pleure", "X piange") or whose ministry reports the toll ("قالت وزارة
خارجية X ... إن") is not. Mourning takes the dead as its object and reports no clause,
so "its soldiers killed in an ambush" after it are the mourned, not the mourner's deed;
its own deed stays its own ("killed 14 soldiers and mourned its own dead"). The corpora combine states x frames x languages.
"""

from __future__ import annotations

import pytest

from tests.test_round67_perp import _perpetrator as perpetrator_of

STATES = {
    "en": ["Germany", "France", "Japan", "Brazil"],
    "es": ["Alemania", "Francia", "Japón", "Brasil"],
    "fr": ["La France", "L'Allemagne", "Le Japon", "Le Brésil"],
    "it": ["La Germania", "La Francia", "Il Giappone", "Il Brasile"],
    "ar": ["ألمانيا", "فرنسا", "اليابان", "البرازيل"],
}
MOURNING = {
    "en": ["{X} mourned the 14 of its soldiers killed in an ambush in Kenya on Monday.",
           "{X} mourns the 14 of its soldiers killed in an ambush in Kenya.",
           "On Tuesday {X} grieved for 14 of its citizens killed in a bombing in Kenya.",
           "{X} is mourning the 14 of its peacekeepers killed in Kenya on Monday."],
    "es": ["{X} lloró a los 14 soldados suyos muertos en una emboscada en Kenia el lunes.",
           "{X} llora a los 14 soldados muertos en una emboscada en Kenia."],
    "fr": ["{X} pleure les 14 soldats tués dans une embuscade au Kenya lundi.",
           "{X} a pleuré les 14 soldats tués dans une embuscade au Kenya."],
    "it": ["{X} piange i 14 soldati uccisi lunedì in un'imboscata in Kenya.",
           "{X} ha pianto i 14 soldati uccisi in Kenya."],
    "ar": ["قالت وزارة خارجية {X} يوم الاثنين إن 14 مدنيا قتلوا في هجوم في كينيا.",
           "أعلنت سفارة {X} أن 14 جنديا قتلوا في كمين في كينيا.",
           "قالت حكومة {X} إن 14 مدنيا قتلوا في هجوم في كينيا."],
}  # fmt: skip
#: The doer named as such, after a verb of mourning or a body of the name: kept.
DOERS = {
    "en": ["{X} killed 14 soldiers in Kenya on Monday and mourned its own dead.",
           "{X} said it killed 14 soldiers in Kenya and mourned its own dead."],
    "es": ["{X} mató a 14 soldados en Kenia el lunes."],
    "fr": ["{X} a tué 14 soldats au Kenya lundi."],
    "it": ["{X} ha ucciso 14 soldati in Kenya lunedì."],
    "ar": ["أعلنت حكومة {X} أنها قتلت 14 مسلحا في كينيا.",
           "اتهمت وزارة الداخلية {X} بقتل 14 مدنيا في كينيا.",
           "قتلت {X} 14 مسلحا في كينيا يوم الاثنين."],
}  # fmt: skip
_ARTICLES = ("La ", "Le ", "L'", "Il ")


def _name(written: str) -> str:
    for article in _ARTICLES:
        if written.startswith(article):
            return written[len(article) :]
    return written


def _perpetrator(text: str, name: str) -> str | None:
    return perpetrator_of(text, name, victims="soldiers")


def _corpus(frames: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [
        (frame.format(X=state), _name(state))
        for language, templates in frames.items()
        for frame in templates
        for state in STATES[language]
    ]


@pytest.mark.parametrize(("text", "name"), _corpus(MOURNING))
def test_a_mourner_or_reporting_ministry_is_no_perpetrator(text: str, name: str) -> None:
    """Fails on main: 48/52 (en 12/16, es 8/8, fr 8/8, it 8/8, ar 12/12)."""
    assert _perpetrator(text, name) is None


@pytest.mark.parametrize(("text", "name"), _corpus(DOERS))
def test_the_doer_stays(text: str, name: str) -> None:
    assert _perpetrator(text, name) is not None
