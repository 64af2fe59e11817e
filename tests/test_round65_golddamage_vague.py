"""Round 65, C4: a vague plural ("dozens", "Dutzende", "decenas", "des dizaines",
"десятки") is coded at its codebook floor (:data:`~extractor.text.quantities.VAGUE_COUNTS`,
ACLED: "dozens" 12, "tens" 10) as at least that floor; the count rule keeps a draft that
says so and empties any other figure for it, which the article does not write. Sentences
are built here from parts, none from a development document.
"""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

from extractor.evaluation.goldmap import record_to_gold
from extractor.text.quantities import VAGUE_COUNTS

_C = dict(qualifier="at_least", victims=None, perpetrator=None, country=None, place=None,
          date=None, scope="event", violence_type=None, status="occurred", attribution=None)  # fmt: skip

#: (language, template with {killed} and {vague}, vague word)
_SENTENCES = [
    ("en", "Shells hit the market, killing {killed} people and injuring {vague} more.", "dozens"),
    ("en", "The blast killed {killed} workers and wounded {vague} of others.", "dozens"),
    ("de", "Bei dem Angriff wurden {killed} Menschen getötet und {vague} verletzt.", "Dutzende"),
    ("es", "El ataque mató a {killed} personas y dejó {vague} de heridos.", "decenas"),
    ("fr", "L'attaque a tué {killed} personnes et fait {vague} de blessés.", "des dizaines"),
    ("ru", "При обстреле погибли {killed} человек, {vague} получили ранения.", "десятки"),
]  # fmt: skip


def _floor(language: str, vague: str) -> int:
    word = vague.lower().removeprefix("des ")
    return VAGUE_COUNTS[language][word]


def _injured(text: str, killed: int, injured: int) -> object:
    result = run("casualty_report", text, killed=killed, injured=injured, **_C, evidence=[1])
    (record,) = result.records
    return record_to_gold(record)["injured"]


@pytest.mark.parametrize(
    ("language", "template", "vague", "killed"),
    [(*s, k) for s, k in itertools.product(_SENTENCES, (3, 7))],
)
def test_the_floor_of_a_vague_word_is_kept_at_least(
    language: str, template: str, vague: str, killed: int
) -> None:
    floor = _floor(language, vague)
    text = template.format(killed=killed, vague=vague)
    assert _injured(text, killed, floor) == {"low": floor, "best": floor, "high": None}, text
    for other in (2 * floor + 1, 3 * floor + 1):  # no reading of the vague word
        assert _injured(text, killed, other) is None, (text, other)
