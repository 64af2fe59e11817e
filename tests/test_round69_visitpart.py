"""Round 69: a visit written as a participle or an apposition with its destination ("in
visita a Vienna", "en visite officielle à", "bei einem Besuch in", "em visita oficial a",
"desembarcou em", "ウィーンを訪れ", "を公式訪問し", "来日中の", "の出迎えを受けた") marks its
holder as the one who travelled, as a finite verb does: a draft with visitor and host
swapped is put right, a right one kept. Near misses (a previous leg, a plan, visitors
from a place) move nothing. The corpus is built from templates x names x states x
languages; no sentence of a development document."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from tests.roles_support import run

#: (state name, capital) per language, for two pairs of states.
STATES: dict[str, dict[str, tuple[str, str]]] = {
    "AUT": {"en": ("Austria", "Vienna"), "es": ("Austria", "Viena"), "fr": ("Autriche", "Vienne"),
            "de": ("Österreich", "Wien"), "it": ("Austria", "Vienna"), "pt": ("Áustria", "Viena"),
            "ja": ("オーストリア", "ウィーン")},
    "GHA": {"en": ("Ghana", "Accra"), "es": ("Ghana", "Acra"), "fr": ("Ghana", "Accra"),
            "de": ("Ghana", "Accra"), "it": ("Ghana", "Accra"), "pt": ("Gana", "Acra"),
            "ja": ("ガーナ", "アクラ")},
    "PER": {"en": ("Peru", "Lima"), "es": ("Perú", "Lima"), "fr": ("Pérou", "Lima"),
            "de": ("Peru", "Lima"), "it": ("Perù", "Lima"), "pt": ("Peru", "Lima"),
            "ja": ("ペルー", "リマ")},
    "KEN": {"en": ("Kenya", "Nairobi"), "es": ("Kenia", "Nairobi"), "fr": ("Kenya", "Nairobi"),
            "de": ("Kenia", "Nairobi"), "it": ("Kenya", "Nairobi"), "pt": ("Quênia", "Nairóbi"),
            "ja": ("ケニア", "ナイロビ")},
}  # fmt: skip
PAIRS = [("AUT", "GHA"), ("GHA", "AUT"), ("KEN", "AUT"), ("PER", "KEN")]
NAMES = {"ja": [("イリーナ・サロ", "ペーター・ヴィク"), ("アンナ・ホルム", "ハンス・ルイス")]}
LATIN = [("Irina Salo", "Peter Wik"), ("Maria Berg", "Hans Ruiz")]

#: {B} of {Y} is the guest, {A} of {X} the host; {C} is the host's capital, {XN} its name.
GUEST_TRAVELS: dict[str, list[str]] = {
    "en": ["Minister {B} ({Y}), on an official visit to {C}, met Minister {A} ({X}) on Friday."],
    "es": ["El canciller de {Y}, {B}, en visita oficial a {C}, se reunió el viernes con el "
           "canciller de {X}, {A}.",
           "El canciller {B} ({Y}), de visita en {C}, se reunió el viernes con el canciller {A} ({X})."],
    "fr": ["Le ministre {B} ({Y}), en visite officielle à {C}, a rencontré vendredi le ministre {A} ({X}).",
           "Le ministre {B} ({Y}), en visite à {C}, s'est entretenu vendredi avec le ministre {A} ({X})."],
    "de": ["Minister {B} ({Y}) traf bei einem Besuch in {C} am Freitag Minister {A} ({X}).",
           "Minister {B} ({Y}) kam bei seinem Besuch in {C} am Freitag mit Minister {A} ({X}) zusammen."],
    "it": ["Il ministro {B} ({Y}), in visita a {C}, ha incontrato venerdì il ministro {A} ({X}).",
           "Il ministro {B} ({Y}) si è recato venerdì a {C} per incontrare il ministro {A} ({X})."],
    "pt": ["O ministro de {Y}, {B}, em visita oficial a {C}, reuniu-se na sexta-feira com o "
           "ministro de {X}, {A}.",
           "O ministro de {Y}, {B}, desembarcou em {C} na sexta-feira para reunir-se com o "
           "ministro de {X}, {A}."],
    "ja": ["{Y}の{B}外相は金曜日、{XN}を公式訪問し、{X}の{A}外相と会談した。",
           "{Y}の{B}外相は金曜日、{C}で{X}の{A}外相の出迎えを受けた。",
           "{XN}を訪れた{Y}の{B}外相は金曜日、{X}の{A}外相と会談した。"],
}  # fmt: skip

#: Near misses: the third state {Z} ({D} its capital) is a previous leg, a plan or where
#: visitors came from; the host stays {X} and no side moves.
NEAR_MISSES: dict[str, list[str]] = {
    "en": ["Minister {B} ({Y}), after visiting {D}, met Minister {A} ({X}) in {C} on Friday.",
           "Minister {A} ({X}) received Minister {B} ({Y}) in {C} ahead of a visit to {D} next week.",
           "Minister {A} ({X}) received Minister {B} ({Y}) and visitors from {D} in {C} on Friday."],
    "es": ["El canciller {A} ({X}) recibió el viernes en {C} al canciller {B} ({Y}), llegado de {D}."],
    "fr": ["Le ministre {A} ({X}) a reçu vendredi à {C} le ministre {B} ({Y}), venu de {D}."],
    "de": ["Minister {A} ({X}) empfing am Freitag in {C} Minister {B} ({Y}) und eine Besuchergruppe aus {D}."],
    "it": ["Il ministro {A} ({X}) ha ricevuto venerdì a {C} il ministro {B} ({Y}), proveniente da {D}."],
    "pt": ["O ministro {A} ({X}) recebeu na sexta-feira em {C} o ministro {B} ({Y}), vindo de {D}."],
    "ja": ["{X}の{A}外相は金曜日、{C}で{Y}の{B}外相を出迎えた。{B}外相は{DN}から到着した。"],
}  # fmt: skip


def _draft(guest: tuple[str, str], host: tuple[str, str]) -> dict[str, Any]:
    return {
        "visitors": [{"name": guest[0], "title": None, "country": guest[1]}],
        "visitor_country": guest[1],
        "hosts": [{"name": host[0], "title": None, "country": host[1]}],
        "host_country": host[1], "place": None, "date": None, "end_date": None,
        "purpose": None, "status": "occurred", "attribution": None, "evidence": [1],
    }  # fmt: skip


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str, str, str, str, str]]:
    cases = []
    for lang, templates in table.items():
        for template, (x, y), (a, b) in itertools.product(templates, PAIRS, NAMES.get(lang, LATIN)):
            z = next(s for s in STATES if s not in (x, y))
            text = template.format(
                A=a, B=b, X=STATES[x][lang][0], Y=STATES[y][lang][0], XN=STATES[x][lang][0],
                C=STATES[x][lang][1], D=STATES[z][lang][1], DN=STATES[z][lang][0],
            )  # fmt: skip
            cases.append((lang, text, a, b, x, y))
    return cases


def _sides(text: str, guest: tuple[str, str], host: tuple[str, str]) -> tuple[Any, ...]:
    resolved = run("visit", text, **_draft(guest, host))
    visits = [r for r in resolved.records if r.record_type == "visit"]
    if not visits:
        return ("dropped",)
    return (visits[0].visitor_country, visits[0].host_country)


GUEST_CASES = _cases(GUEST_TRAVELS)
NEAR_CASES = _cases(NEAR_MISSES)


def test_corpus_is_large_enough() -> None:
    assert len(GUEST_CASES) >= 100 and len(NEAR_CASES) >= 50


@pytest.mark.parametrize("swap", [False, True], ids=["right", "swapped"])
def test_the_one_on_a_visit_is_the_visitor(swap: bool) -> None:
    """The holder of the visit noun or participle is the guest, whichever way it was drafted
    (fails on main: 92/116 swapped drafts kept; right drafts kept on both)."""
    wrong = []
    for lang, text, a, b, x, y in GUEST_CASES:
        guest, host = ((a, x), (b, y)) if swap else ((b, y), (a, x))
        got = _sides(text, guest, host)
        if got != (y, x):
            wrong.append((lang, text, got))
    assert not wrong, f"{len(wrong)}/{len(GUEST_CASES)}: {wrong[:5]}"


def test_near_misses_move_nothing() -> None:
    """A previous leg, a plan or visitors from a third place leave a right draft as it is."""
    wrong = []
    for lang, text, a, b, x, y in NEAR_CASES:
        got = _sides(text, (b, y), (a, x))
        if got != (y, x):
            wrong.append((lang, text, got))
    assert not wrong, f"{len(wrong)}/{len(NEAR_CASES)}: {wrong[:5]}"


JA_COMPOUNDS = [
    ("来日中の{Y}の{B}外相は金曜日、{A}外相と会談した。", {"JPN"}, set()),
    ("訪米中の{Y}の{B}外相は金曜日、{A}外相と会談した。", {"USA"}, set()),
    ("{Y}の{B}外相は訪中し、金曜日に{A}外相と会談した。", {"CHN"}, set()),
    ("{Y}の{B}外相は訪米を前に、金曜日に{A}外相と会談した。", set(), {"USA"}),
    ("{Y}の{B}外相は訪韓の予定だ。", set(), {"KOR"}),
    ("{Y}の{B}外相は訪中後、金曜日に{A}外相と会談した。", set(), set()),
    ("訪日客の増加について{Y}の{B}外相は金曜日、{A}外相と会談した。", set(), set()),
    ("将来日本との協力を{Y}の{B}外相は金曜日、{A}外相と話し合った。", set(), set()),
]


@pytest.mark.parametrize(("template", "went", "planned"), JA_COMPOUNDS)
def test_japanese_visit_compounds_name_the_state_visited(
    template: str, went: set[str], planned: set[str]
) -> None:
    """ "訪米", "訪中", "来日" say which state was visited; a plan ("訪米を前に") is no trip,
    a journey before ("訪中後") and visitors counted ("訪日客") none of this one."""
    from extractor.types.visit import visit_venues

    for (a, b), y in itertools.product(NAMES["ja"], ("ガーナ", "ペルー")):
        read = visit_venues(template.format(A=a, B=b, Y=y), "ja", [a, b])
        assert (read.went, read.planned) == (went, planned), template
