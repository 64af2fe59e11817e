"""Round 69, visit direction in Japanese and Arabic beyond round 68's receiving words: the
visitor is the one who travelled, the host the one who received.

Generated corpus: four states x two name pairs x templates. Japanese: a meeting held in one
side's capital ("ウィーンで会談"), a summit there, "を迎えて会談", "来日", "訪日中の",
"訪米". Arabic: "زار X Y" and "يزور X Y" (verb, visitor, place visited), the subject before
"زار", a place visited joined to "ل" ("زيارة للنمسا"), a meeting in one side's capital.
A draft with visitor and host swapped must be put right, a right one kept.
Near misses: "AはBと会談" and "التقى A B" with no place say nothing of who travelled and
move nothing; a phone call ("電話で会談"), a topic ("ペルーでの選挙", "الوضع في بيرو"),
the country of the subject of "زار" ("وزير خارجية غانا") and the place after "من".
"""

from __future__ import annotations

import itertools
from typing import Any

from extractor.types.visit import visit_venues
from tests.roles_support import run
from tests.test_round68_rolelangs import _NAMES, _PAIRS, _STATES, _visit

#: state -> language -> capital
_CAPITALS = {
    "AUT": {"ja": "ウィーン", "ar": "فيينا"}, "GHA": {"ja": "アクラ", "ar": "أكرا"},
    "PER": {"ja": "クスコ", "ar": "ليما"}, "MEX": {"ja": "メキシコシティ", "ar": "مونتيري"},
}  # fmt: skip


def _to(name: str) -> str:
    """An Arabic name joined to "ل" (to): "النمسا" -> "للنمسا", "غانا" -> "لغانا"."""
    return "ل" + name[1:] if name.startswith("ال") else "ل" + name


#: {A} of {X} hosts {B} of {Y}; {CAP}: X's capital; {LX}: X joined to "ل".
_TEMPLATES: dict[str, dict[str, str]] = {
    "ja": {
        "venue": "{X}の{A}外相は金曜日、{CAP}で{Y}の{B}外相と会談した。",
        "venue_guest": "{Y}の{B}外相は金曜日、{CAP}で{X}の{A}外相と会談した。",
        "summit": "{X}の{A}首相と{Y}の{B}首相は金曜日、{CAP}で首脳会談を行った。",
        "welcome": "{X}の{A}外相は金曜日、{Y}の{B}外相を迎えて会談した。",
        "visiting": "{X}の{A}外相は金曜日、{X}を訪問中の{Y}の{B}外相と会談した。",
        "venue_at": "{Y}の{B}外相は金曜日、{CAP}において{X}の{A}外相と会談した。",
    },
    "ar": {
        "visited": "زار وزير خارجية {Y} {B} {X} يوم الجمعة والتقى نظيره {A}.",
        "visits": "يزور وزير خارجية {Y} {B} {X} منذ يوم الجمعة ويلتقي نظيره {A}.",
        "visited_capital": "زار وزير خارجية {Y} {B} {CAP} يوم الجمعة حيث التقى وزير خارجية {X} {A}.",
        "subject_first": "وزير خارجية {Y} {B} زار {X} يوم الجمعة والتقى نظيره {A}.",
        "visit_to": "بدأ وزير خارجية {Y} {B} يوم الجمعة زيارة رسمية {LX} التقى خلالها نظيره {A}.",
        "venue": "التقى وزير خارجية {X} {A} نظيره من {Y} {B} في {CAP} يوم الجمعة.",
        "visited_person": "زار وزير خارجية {Y} {B} يوم الجمعة وزير خارجية {X} {A} في {CAP}.",
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
            cap = _CAPITALS[x][language]
            text = template.format(A=a, B=b, X=xs[0], Y=ys[0], CAP=cap, LX=_to(xs[0]))
            cases.append((language, text, x, y, a, b))
    return cases


_CASES = _cases(_TEMPLATES)


def _direction(text: str, visitor: tuple[str, str], host: tuple[str, str]) -> Any:
    out = run("visit", text, **_visit(*visitor, *host))
    visits = [r for r in out.records if r.record_type == "visit"]
    return (visits[0].visitor_country, visits[0].host_country) if visits else "dropped"


def test_a_swapped_visit_is_put_right() -> None:
    wrong = [
        (language, text, got)
        for language, text, x, y, a, b in _CASES
        if (got := _direction(text, (a, x), (b, y))) != (y, x)
    ]
    assert not wrong, f"{len(wrong)}/{len(_CASES)}: {wrong[:4]}"


def test_a_right_visit_is_kept() -> None:
    wrong = [
        (language, text, got)
        for language, text, x, y, a, b in _CASES
        if (got := _direction(text, (b, y), (a, x))) != (y, x)
    ]
    assert not wrong, f"{len(wrong)}/{len(_CASES)}: {wrong[:4]}"


#: Near misses: nothing says who travelled, or the place is no venue; {A} of {X}, {B} of {Y}.
_NO_DIRECTION: dict[str, dict[str, str]] = {
    "ja": {
        "met": "{X}の{A}外相は金曜日、{Y}の{B}外相と会談した。",
        "summit": "{X}の{A}首相は金曜日、{Y}の{B}首相と首脳会談を行った。",
        "phone": "{X}の{A}首相は金曜日、{Y}の{B}首相と電話で会談した。",
        "topic": "{X}の{A}外相は金曜日、{Y}の{B}外相と会談し、{CAP}での選挙について協議した。",
    },
    "ar": {
        "met": "التقى وزير خارجية {X} {A} يوم الجمعة نظيره من {Y} {B}.",
        "topic": "التقى وزير خارجية {X} {A} يوم الجمعة نظيره من {Y} {B} وبحثا الوضع في {CAP}.",
        "from": "التقى وزير خارجية {X} {A} يوم الجمعة نظيره {B} القادم من {CAP}.",
        "phone": "أجرى وزير خارجية {X} {A} يوم الجمعة اتصالا هاتفيا مع نظيره من {Y} {B}.",
        "backing": "زار وفد من القوات الموالية {LX} يوم الجمعة مقر وزير خارجية {Y} {B}.",
    },
}  # fmt: skip
_NEAR = _cases(_NO_DIRECTION)


def test_a_meeting_alone_moves_no_visit() -> None:
    """Either draft is kept as drafted: "A met B" says nothing of who travelled."""
    moved = [
        (text, drafted, got)
        for language, text, x, y, a, b in _NEAR
        for drafted in (((a, x), (b, y)), ((b, y), (a, x)))
        if (got := _direction(text, *drafted)) not in ((drafted[0][1], drafted[1][1]), "dropped")
    ]
    assert not moved, f"{len(moved)}/{2 * len(_NEAR)}: {moved[:4]}"


def test_a_topic_or_a_start_is_no_venue() -> None:
    """Near miss: "Xでの選挙", "الوضع في X", "القادم من X", "電話で", "الموالية لX" name no
    place gone to."""
    read = [
        (text, venues.went)
        for language, text, x, *_ in _NEAR
        if (venues := visit_venues(text, language)).went
    ]
    assert not read, f"{len(read)}/{len(_NEAR)}: {read[:4]}"
