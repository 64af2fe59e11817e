"""Round 65: what befell a count said after its clause (the strict score).

1. A count inside a counted group whose clause's verb comes later takes that verb's
   outcome, also where the word of outcome is one the gate does not open on alone ("12
   of the evacuated residents were hurt", "were later hospitalized"): the quote lost its
   credit for telling no word of the type, though its count's own verb is the harm.
2. An apposition that gives every counted person an outcome ("rescuers freed 12 people,
   all of them injured", "todas ellas heridas", "toutes blessées", "alle verletzt")
   gives the count that outcome: it was read as the clause's "freed" (other).

Negatives beside them: the count alone ("freed 12 people"), a part of them ("3 of them
injured"), an apposition of no outcome ("all of them unharmed"), a killed reading of
an injured apposition.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_round64_stating import _strict, _strict_injured

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COUNTS = [7, 12, 35, 48, 120]

#: Per language: (groups {g} described by an outcome no key count holds, frames where
#: the clause's later verb {v} says what befell {n} of them, verbs of injury).
GROUP_THEN_VERB = {
    "en": (["evacuated residents", "rescued villagers", "freed hostages", "displaced families"],
           ["In Nigeria, {n} of the {g} were {v}.", "Officials in Nigeria said {n} of the {g} were later {v}."],
           ["hurt", "hospitalized", "injured", "wounded", "maimed"]),
    "es": (["vecinos evacuados", "rehenes liberados", "mineros rescatados"],
           ["En Nigeria, {n} de los {g} resultaron {v}."], ["heridos", "lesionados"]),
    "fr": (["habitants évacués", "otages libérés", "mineurs secourus"],
           ["Au Nigeria, {n} des {g} ont été {v}."], ["blessés"]),
    "de": (["evakuierten Bewohner", "befreiten Geiseln", "geretteten Bergleute"],
           ["In Nigeria wurden {n} der {g} {v}."], ["verletzt", "verwundet"]),
    "nl": (["geëvacueerde bewoners", "bevrijde gijzelaars"],
           ["In Nigeria raakten {n} van de {g} {v}."], ["gewond"]),
}  # fmt: skip

#: Per language: frames where {n} people are freed or evacuated, then an apposition
#: gives them all an injury.
ALL_OF_THEM = {
    "en": ["In Nigeria, rescuers freed {n} people, all of them injured.",
           "In Nigeria, rescuers freed {n} people, all of whom were injured.",
           "In Nigeria, soldiers evacuated {n} residents, all of them wounded.",
           "In Nigeria, rescuers freed {n} people, all injured.",
           "In Nigeria, troops rescued {n} hostages - all of them hurt."],
    "es": ["En Nigeria, los rescatistas liberaron a {n} personas, todas ellas heridas.",
           "En Nigeria, los socorristas rescataron a {n} mineros, todos ellos heridos.",
           "En Nigeria, los soldados evacuaron a {n} vecinos, todos heridos."],
    "fr": ["Au Nigeria, les secours ont libéré {n} personnes, toutes blessées.",
           "Au Nigeria, les soldats ont évacué {n} habitants, tous blessés.",
           "Au Nigeria, les secours ont libéré {n} otages, tous ont été blessés."],
    "de": ["In Nigeria befreiten Retter {n} Menschen, alle verletzt.",
           "In Nigeria befreiten Retter {n} Geiseln, alle von ihnen verletzt.",
           "In Nigeria evakuierten Soldaten {n} Bewohner, alle waren verletzt."],
    "nl": ["In Nigeria bevrijdden reddingswerkers {n} mensen, allemaal gewond.",
           "In Nigeria evacueerden soldaten {n} bewoners, allen gewond."],
    "it": ["In Nigeria i soccorritori hanno liberato {n} persone, tutte ferite.",
           "In Nigeria i soldati hanno evacuato {n} abitanti, tutti feriti."],
}  # fmt: skip
#: Per language: near misses where {n} counts the freed, not the injured.
NOT_ALL = {
    "en": ["In Nigeria, rescuers freed {n} people.",
           "In Nigeria, rescuers freed {n} people, 3 of them injured.",
           "In Nigeria, rescuers freed {n} people; 3 of them were injured.",
           "In Nigeria, rescuers freed {n} people, all of them unharmed.",
           "In Nigeria, rescuers freed {n} people and 3 soldiers, all of them injured.",
           "In Nigeria, {n} of the evacuated residents were unharmed."],
    "es": ["En Nigeria, los rescatistas liberaron a {n} personas, 3 de ellas heridas.",
           "En Nigeria, los rescatistas liberaron a {n} personas, todas ellas ilesas."],
    "fr": ["Au Nigeria, les secours ont libéré {n} personnes, dont 3 blessées.",
           "Au Nigeria, les secours ont libéré {n} personnes, toutes indemnes."],
    "de": ["In Nigeria befreiten Retter {n} Menschen, 3 davon verletzt.",
           "In Nigeria befreiten Retter {n} Menschen, alle unverletzt."],
    "nl": ["In Nigeria bevrijdden reddingswerkers {n} mensen, 3 van hen gewond."],
    "it": ["In Nigeria i soccorritori hanno liberato {n} persone, 3 delle quali ferite."],
}  # fmt: skip


def _group_cases() -> list[tuple[str, str]]:
    return [
        (language, frame.replace("{g}", g).replace("{v}", v))
        for language, (groups, frames, verbs) in GROUP_THEN_VERB.items()
        for frame in frames
        for g in groups
        for v in verbs
    ]


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(language, frame) for language, frames in table.items() for frame in frames]


@SETTINGS
@given(st.sampled_from(_group_cases()), st.sampled_from(COUNTS))
def test_a_count_in_a_described_group_takes_its_later_verb(case: tuple[str, str], n: int) -> None:
    language, frame = case
    quote = frame.format(n=n)
    assert _strict_injured(language, n, quote) == 1, quote
    assert _strict(language, n, quote) == 0, quote  # no killed count either


@SETTINGS
@given(st.sampled_from(_cases(ALL_OF_THEM)), st.sampled_from(COUNTS))
def test_an_apposition_of_all_gives_the_count_its_outcome(case: tuple[str, str], n: int) -> None:
    language, frame = case
    quote = frame.format(n=n)
    assert _strict_injured(language, n, quote) == 1, quote
    if language != "it":  # no Italian gold of the killed only here
        assert _strict(language, n, quote) == 0, quote


@SETTINGS
@given(st.sampled_from(_cases(NOT_ALL)), st.sampled_from(COUNTS))
def test_a_count_of_the_freed_is_no_injured_count(case: tuple[str, str], n: int) -> None:
    language, frame = case
    quote = frame.format(n=n)
    assert _strict_injured(language, n, quote) == 0, quote
