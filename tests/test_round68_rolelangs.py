"""Round 68, visit direction in Italian, Portuguese, Japanese and Arabic: the visitor is
the one who travelled (arrived, visited, was received), the host the one who received.

Generated corpus: four states x two name pairs x five cue classes (arrive, visit,
receive or welcome, the passive with its agent, and Japanese "の招きで" or Arabic
subject-first) in it/pt/ja/ar. A draft with visitor and host swapped must be put right,
and a right draft kept, never dropped. Near misses: a receiving of a thing ("received a
call from", "ha ricevuto un premio", "recebeu críticas"), a departure ("partì per",
"partiu para") or a return read no direction; a visit in a language whose direction is
not read is kept with a warning saying so.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from extractor.types.visit import receiving_sides, visit_venues
from tests.roles_support import run

#: state -> language -> (name after "of", destination after a word of going, object of
#: "visited")
_STATES: dict[str, dict[str, tuple[str, str, str]]] = {
    "AUT": {"it": ("Austria", "in Austria", "l'Austria"), "pt": ("Áustria", "à Áustria", "a Áustria"),
            "ja": ("オーストリア", "オーストリア", "オーストリア"), "ar": ("النمسا", "النمسا", "النمسا")},
    "GHA": {"it": ("Ghana", "in Ghana", "il Ghana"), "pt": ("Gana", "a Gana", "Gana"),
            "ja": ("ガーナ", "ガーナ", "ガーナ"), "ar": ("غانا", "غانا", "غانا")},
    "PER": {"it": ("Perù", "in Perù", "il Perù"), "pt": ("Peru", "ao Peru", "o Peru"),
            "ja": ("ペルー", "ペルー", "ペルー"), "ar": ("بيرو", "بيرو", "بيرو")},
    "MEX": {"it": ("Messico", "in Messico", "il Messico"), "pt": ("México", "ao México", "o México"),
            "ja": ("メキシコ", "メキシコ", "メキシコ"), "ar": ("المكسيك", "المكسيك", "المكسيك")},
}  # fmt: skip
_PAIRS = [("AUT", "GHA"), ("GHA", "PER"), ("PER", "MEX"), ("MEX", "AUT")]  # (host, guest)
#: (host's name, guest's name) per language
_NAMES: dict[str, list[tuple[str, str]]] = {
    "it": [("Irina Salo", "Peter Wik"), ("Marta Ruiz", "Tomas Lind")],
    "pt": [("Irina Salo", "Peter Wik"), ("Marta Ruiz", "Tomas Lind")],
    "ja": [("イリーナ・サロ", "ペーター・ヴィク"), ("ハンナ・ルイス", "トマス・リンド")],
    "ar": [("إيرينا سالو", "بيتر ويك"), ("مارتا رويز", "توماس ليند")],
}
#: {A} of {X} hosts {B} of {Y}; {TO}: X as a destination; {OBJ}: X as what was visited.
_TEMPLATES: dict[str, dict[str, str]] = {
    "it": {
        "arrive": "Il ministro {B} ({Y}) è arrivato {TO} venerdì per colloqui con il ministro {A}.",
        "visit": "Il ministro {B} ({Y}) ha visitato {OBJ} venerdì e ha incontrato il ministro {A}.",
        "receive": "Il ministro {A} ({X}) ha ricevuto venerdì il ministro {B} ({Y}) per colloqui.",
        "welcome": "La ministra {A} ({X}) accolse venerdì il ministro {B} ({Y}).",
        "passive": "Il ministro {B} ({Y}) è stato ricevuto venerdì dal ministro {A} ({X}).",
    },
    "pt": {
        "arrive": "O ministro de {Y}, {B}, chegou {TO} na sexta-feira para conversas com o "
                  "ministro {A}.",
        "visit": "O ministro de {Y}, {B}, visitou {OBJ} na sexta-feira e reuniu-se com o "
                 "ministro {A}.",
        "receive": "O ministro de {X}, {A}, recebeu na sexta-feira o ministro de {Y}, {B}.",
        "welcome": "A ministra de {X}, {A}, deu as boas-vindas ao ministro de {Y}, {B}, na "
                   "sexta-feira.",
        "passive": "O ministro de {Y}, {B}, foi recebido na sexta-feira pela ministra de {X}, {A}.",
    },
    "ja": {
        "arrive": "{Y}の{B}外相は金曜日、{TO}に到着し、{A}外相と会談した。",
        "visit": "{Y}の{B}外相は金曜日に{TO}を訪問し、{A}外相と会談した。",
        "receive": "{X}の{A}外相は金曜日、{Y}の{B}外相を迎えた。",
        "passive": "{Y}の{B}外相は金曜日、{X}の{A}外相に迎えられた。",
        "invited": "{Y}の{B}外相は金曜日、{X}の{A}外相の招きで会談に臨んだ。",
    },
    "ar": {
        "arrive": "وصل وزير خارجية {Y} {B} إلى {TO} يوم الجمعة لإجراء محادثات مع نظيره {A}.",
        "visit": "قام وزير خارجية {Y} {B} يوم الجمعة بزيارة إلى {TO} التقى خلالها نظيره {A}.",
        "receive": "استقبل وزير خارجية {X} {A} يوم الجمعة وزير خارجية {Y} {B}.",
        "subject_first": "وزير خارجية {X} {A} استقبل يوم الجمعة وزير خارجية {Y} {B}.",
        "passive": "تم استقبال وزير خارجية {Y} {B} يوم الجمعة من قبل وزير خارجية {X} {A}.",
    },
}  # fmt: skip


def _cases(table: dict[str, dict[str, str]]) -> list[tuple[str, str, str, str, str, str]]:
    """(language, text, host state, guest state, host's name, guest's name)."""
    cases = []
    for language, templates in table.items():
        for template, (x, y), (a, b) in itertools.product(
            templates.values(), _PAIRS, _NAMES[language]
        ):
            xs, ys = _STATES[x][language], _STATES[y][language]
            text = template.format(A=a, B=b, X=xs[0], Y=ys[0], TO=xs[1], OBJ=xs[2])
            cases.append((language, text, x, y, a, b))
    return cases


_CASES = _cases(_TEMPLATES)


def _person(name: str, country: str) -> dict[str, Any]:
    return {"name": name, "title": None, "country": country}


def _visit(guest: str, y: str, host: str, x: str) -> dict[str, Any]:
    return {
        "visitors": [_person(guest, y)], "visitor_country": y,
        "hosts": [_person(host, x)], "host_country": x, "place": None, "date": None,
        "end_date": None, "purpose": None, "status": "occurred", "attribution": None,
        "evidence": [1],
    }  # fmt: skip


def _direction(text: str, visitor: tuple[str, str], host: tuple[str, str]) -> Any:
    out = run("visit", text, **_visit(*visitor, *host))
    visits = [r for r in out.records if r.record_type == "visit"]
    return (visits[0].visitor_country, visits[0].host_country) if visits else "dropped"


def test_a_swapped_visit_is_put_right() -> None:
    """Fails on main: 154/160 kept swapped or dropped (ar, ja, pt 40/40 each, it 34/40;
    the Portuguese passives and Italian "accolse" dropped)."""
    wrong = [
        (language, text, got)
        for language, text, x, y, a, b in _CASES
        if (got := _direction(text, (a, x), (b, y))) != (y, x)
    ]
    assert not wrong, f"{len(wrong)}/{len(_CASES)}: {wrong[:4]}"


def test_a_right_visit_is_kept() -> None:
    """Fails on main: 16/160 dropped (Portuguese "foi recebido", Italian "accolse")."""
    wrong = [
        (language, text, got)
        for language, text, x, y, a, b in _CASES
        if (got := _direction(text, (b, y), (a, x))) != (y, x)
    ]
    assert not wrong, f"{len(wrong)}/{len(_CASES)}: {wrong[:4]}"


#: Near misses: a thing received, not a guest; {A} of {X}, {B} of {Y}.
_NOT_A_GUEST: dict[str, list[str]] = {
    "en": ["Minister {A} of {X} received a call from Minister {B} of {Y} on Friday.",
           "Minister {A} of {X} received praise from Minister {B} of {Y} on Friday."],
    "it": ["Il ministro {A} ({X}) ha ricevuto un premio dal ministro {B} ({Y}) venerdì.",
           "Il ministro {A} ({X}) ha ricevuto venerdì una telefonata del ministro {B} ({Y}).",
           "Il ministro {A} ({X}) ha ricevuto critiche dal ministro {B} ({Y})."],
    "pt": ["O ministro de {X}, {A}, recebeu críticas do ministro de {Y}, {B}, na sexta-feira.",
           "O ministro de {X}, {A}, recebeu uma ligação do ministro de {Y}, {B}.",
           "O ministro de {X}, {A}, recebeu um prêmio do ministro de {Y}, {B}."],
    "ja": ["{X}の{A}外相は金曜日、{Y}の{B}外相から電話を受けた。"],
    "ar": ["تلقى وزير خارجية {X} {A} يوم الجمعة اتصالا هاتفيا من وزير خارجية {Y} {B}."],
}  # fmt: skip


def test_a_thing_received_names_no_host() -> None:
    """Near miss: receiving a call, a prize, praise or criticism reads no direction (fails
    on main: 1/66, English "received praise from" read as a host; it/pt/ja/ar were not read
    at all there, and must stay unread now that they are)."""
    cases = _cases({k: dict(enumerate(v)) for k, v in _NOT_A_GUEST.items() if k != "en"})
    cases += [
        ("en", t.format(A="Irina Salo", B="Peter Wik", X="Austria", Y="Ghana"), "AUT", "GHA",
         "Irina Salo", "Peter Wik")
        for t in _NOT_A_GUEST["en"]
    ]  # fmt: skip
    read = [
        (text, got)
        for language, text, *_ in cases
        if (got := receiving_sides(text, language)) is not None
    ]
    assert not read, f"{len(read)}/{len(cases)}: {read[:4]}"


#: Near misses: a departure for, or a return from, the other state is no arrival there.
_LEFT: dict[str, list[str]] = {
    "it": ["Il ministro {B} ({Y}) partì per {OBJ} venerdì.",
           "Il ministro {B} ({Y}) è tornato {TO} venerdì."],
    "pt": ["O ministro de {Y}, {B}, partiu para {OBJ} na sexta-feira.",
           "O ministro de {Y}, {B}, voltou de {OBJ} na sexta-feira."],
    "ja": ["{Y}の{B}外相は金曜日、{TO}から帰国した。", "{Y}の{B}外相は金曜日、{TO}を出発した。"],
    "ar": ["عاد وزير خارجية {Y} {B} إلى {TO} يوم الجمعة.",
           "غادر وزير خارجية {Y} {B} إلى {TO} يوم الجمعة."],
}  # fmt: skip


def test_a_departure_is_no_arrival() -> None:
    """Near miss: "partì per X", "voltou de X", "Xから帰国", "غادر إلى X" go to no venue X."""
    cases = _cases({k: dict(enumerate(v)) for k, v in _LEFT.items()})
    gone = [
        (text, venues.went)
        for language, text, x, *_ in cases
        if x in (venues := visit_venues(text, language)).went
    ]
    assert not gone, f"{len(gone)}/{len(cases)}: {gone[:4]}"


@pytest.mark.parametrize(
    "text",
    [
        "Avusturya Dışişleri Bakanı Irina Salo cuma günü Gana Dışişleri Bakanı Peter Wik'i "
        "Viyana'da ağırladı.",
        "Minister Spraw Zagranicznych Austrii Irina Salo przyjęła w piątek w Wiedniu ministra "
        "Ghany Petera Wika podczas wizyty.",
    ],
)
def test_an_unread_language_says_so(text: str) -> None:
    """A visit in a language whose direction is not read is kept with a warning, not
    silently (fails on main: no warning)."""
    out = run("visit", text, **_visit("Peter Wik", "GHA", "Irina Salo", "AUT"))
    assert [r.record_type for r in out.records] == ["visit"]
    assert any("direction not checked in" in w for w in out.warnings), out.warnings


def test_a_read_language_says_nothing_of_it() -> None:
    """Near miss: no such warning where the direction is read."""
    for language, text, x, y, a, b in _CASES[::10]:
        out = run("visit", text, **_visit(b, y, a, x))
        assert not any("direction not checked" in w for w in out.warnings), (language, text)
