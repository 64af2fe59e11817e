"""Round 57, second look: only a receiving of a PERSON on THIS occasion says who hosted,
and only a place someone went to on THIS occasion says where a visit took place.

A receiving of a welcome, a salute, a decision or someone's offer names no guest; a
relative or time clause ("who hosted X last year", "after receiving X", "days after X
returned from a trip to Y") is about another occasion; "received by X" without "was" is
still a passive. A right answer (visitor of country A, host of country B, no place) must
then be kept, not swapped.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.roles_support import run
from tests.test_round57_direction import COUNTRIES, PAIRS, person, visit

FAST = settings(max_examples=40, deadline=None)
PEOPLE = st.sampled_from([("Ana Ruiz", "Lars Berg"), ("Maria Lopes", "Kenji Sato"),
                          ("Elena Novak", "Tom Hale")])  # fmt: skip

#: {a} of country A is the visitor, {b} of country B the host; each sentence also holds a
#: receiving verb or a place that is about something else.
OTHER_OCCASION = [
    "{A_adj} President {a} received a warm welcome from {B_adj} Prime Minister {b} on Monday.",
    "{A_adj} President {a} received a guard of honour before talks with {B_adj} Prime "
    "Minister {b}.",
    "{A_adj} President {a} received an honorary doctorate during her visit, and met {b} of {B_en}.",
    "{A_adj} President {a}, who hosted {b} last year, held talks with the {B_adj} prime "
    "minister on Monday.",
    "{A_adj} President {a} met {b} of {B_en} on Monday after receiving the {B_adj} foreign "
    "minister in May.",
    "{A_adj} President {a}, received by Prime Minister {b} of {B_en}, discussed trade.",
    "{A_adj} President {a} welcomed {B_adj} investment during talks with Prime Minister {b}.",
    "{A_adj} President {a} welcomed {B_en}'s decision after talks with Prime Minister {b}.",
    "{A_adj} President {a} welcomed {B_adj} Prime Minister {b}'s offer of support.",
    "{A_adj} President {a} met {b} of {B_en} on Monday. {b} welcomed {A_en}'s support.",
    "{B_adj} Prime Minister {b} greeted {A_adj} President {a}'s ministers during her visit.",
    "{A_adj} President {a} met {b} of {B_en}, who visited {A_en} last year.",
    "{A_adj} President {a} met {b} of {B_en} on Monday, days after {b} returned from a trip "
    "to {A_en}.",
    "{B_adj} Prime Minister {b}, back from a trip to {A_en}, met {A_adj} President {a} on Monday.",
    "{B_adj} Prime Minister {b}, who visited {A_en} last year, met {A_adj} President {a} on "
    "Monday.",
]


def fill(template: str, a: str, b: str, names: tuple[str, str]) -> str:
    fields = {f"A_{k}": v for k, v in COUNTRIES[a].items()}
    fields |= {f"B_{k}": v for k, v in COUNTRIES[b].items()}
    return template.format(a=names[0], b=names[1], **fields)


@FAST
@given(pair=PAIRS, names=PEOPLE, template=st.sampled_from(OTHER_OCCASION))
def test_another_occasion_does_not_swap_a_right_answer(
    pair: tuple[str, str], names: tuple[str, str], template: str
) -> None:
    (a, b) = pair
    text = fill(template, a, b, names)
    draft = visit(visitors=[person(names[0], a)], visitor_country=a,
                  hosts=[person(names[1], b)], host_country=b)  # fmt: skip
    outcome = run("visit", text, **draft)
    assert [(r.visitor_country, r.host_country) for r in outcome.records] == [(a, b)], (
        text, outcome.warnings, outcome.problems,
    )  # fmt: skip
    assert not any("swapped" in w for w in outcome.warnings), (text, outcome.warnings)


#: A place gone to after the reported visit does not move it: the host stays in B.
LATER_TRIP = [
    "{A_adj} President {a} held talks in {B_en} with {b} before travelling to {C_en}.",
    "{A_adj} President {a} held talks in {B_en} with {b}, who visited {C_en} last year.",
]


@FAST
@given(codes=st.permutations(sorted(COUNTRIES)), names=PEOPLE,
       template=st.sampled_from(LATER_TRIP))  # fmt: skip
def test_a_later_trip_does_not_move_the_host(
    codes: list[str], names: tuple[str, str], template: str
) -> None:
    a, b, c = codes[:3]
    text = fill(template.replace("{C_en}", COUNTRIES[c]["en"]), a, b, names)
    draft = visit(visitors=[person(names[0], a)], visitor_country=a,
                  hosts=[person(names[1], b)], host_country=b)  # fmt: skip
    outcome = run("visit", text, **draft)
    assert [(r.visitor_country, r.host_country) for r in outcome.records] == [(a, b)], (
        text, outcome.warnings, outcome.problems,
    )  # fmt: skip
