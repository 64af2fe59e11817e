"""Round 71: a guest abroad who goes to their OWN state's embassy there still went abroad
(extractor.types.visit: at_a_mission_only, the guard of the direction repair).

Principle (ACLED/UCDP: the visitor is the one who travelled; a mission is no soil of its
state): a guest who visits a mission of the host in their own capital made no trip
(round 70, tests/test_round70_visit.py keeps that), but a guest who arrived in the
host's capital and also went to an embassy there ("ウィーンを訪問し、ガーナ大使館を視察",
"وصل ... إلى فيينا ... وزار سفارة غانا هناك", "アクラに到着し、在アクラオーストリア大使館で")
travelled all the same: the direction repair must still turn a swapped draft.

What went wrong: the guard held whenever the host's state had any mission named in the
sentence, wherever it stood and whatever else was gone to (24/24 swapped drafts kept).
"""

from __future__ import annotations

import itertools

from tests.test_round70_visit import _sides

AR = {"AUT": ("النمسا", "فيينا"), "GHA": ("غانا", "أكرا"), "KEN": ("كينيا", "نيروبي")}
JA = {
    "AUT": ("オーストリア", "ウィーン"),
    "GHA": ("ガーナ", "アクラ"),
    "KEN": ("ケニア", "ナイロビ"),
}
#: {B} of {Y} travels to {C}, {X}'s capital, and goes to {Y}'s own embassy (or one located
#: in {C}) there.
TEMPLATES = {
    "ar": ["زار الرئيس {B} من {Y} {C} يوم الجمعة حيث افتتح مبنى سفارة {Y} الجديد والتقى الرئيس {A}.",
           "وصل وزير خارجية {Y} {B} إلى {C} يوم الجمعة وزار سفارة {Y} هناك ثم التقى الوزير {A}."],
    "ja": ["{Y}の{B}外相は金曜日、{C}を訪問し、{Y}大使館を視察した後、{A}外相と会談した。",
           "{Y}の{B}外相は金曜日、{C}に到着し、在{C}{Y}大使館で{A}外相と会談した。"],
}  # fmt: skip
NAMES = {"ar": ("إيرينا سالو", "بيتر ويك"), "ja": ("イリーナ・サロ", "ピーター・ウィク")}


def _cases() -> list[tuple[str, str, str, str, str, str]]:
    cases = []
    for lang, templates in TEMPLATES.items():
        table = AR if lang == "ar" else JA
        a, b = NAMES[lang]
        for template, x, y in itertools.product(templates, table, table):
            if x != y:
                text = template.format(A=a, B=b, Y=table[y][0], C=table[x][1])
                cases.append((lang, text, a, b, x, y))
    return cases


CASES = _cases()


def test_a_guest_abroad_at_their_own_embassy_is_still_the_visitor() -> None:
    """Both the right draft and the swapped one end as (Y, X) (fails on main: 24/48, the
    swapped drafts)."""
    wrong = []
    for lang, text, a, b, x, y in CASES:
        for guest, host in (((b, y), (a, x)), ((a, x), (b, y))):
            got = _sides(text, guest, host)
            if got != (y, x):
                wrong.append((lang, text, guest[1], got))
    assert len(CASES) == 24
    assert not wrong, f"{len(wrong)}/{2 * len(CASES)}: {wrong[:4]}"
