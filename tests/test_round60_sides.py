"""Round 60: a state named only as what was discussed is nobody's side.

A meeting's sides are the states of the people who met. A country the article
names only inside what was discussed ("support for Ukraine", "in support of
Ukraine's effort") is a topic: it is no side of the meeting, even when the text
attaches no state to some participant, unless a participant is of it. A state
the article names as a side anywhere keeps its place, and a participant's state
from the model is not replaced by a guess shared from a coordinated title when
the article names it, even only as a topic ("U.S. President A and Prime Minister
B met to discuss support for Israel": B is Israeli). A person the model listed
as both visitor and host is one participant of the meeting the visit entails.
Generated over states, topics, names and templates.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.roles_support import run
from tests.test_round57_direction import person
from tests.test_round59_sides import NAMES, SIDES, THREE, TOPICS, meeting

FAST = settings(max_examples=30, deadline=None)
EN, ADJ = 0, 1

#: Sentences that name the topic state only as what was discussed or supported.
TOPIC_ONLY = [
    "They reviewed diplomatic efforts in support of {X}'s effort to reach a ceasefire.",
    "The leaders discussed support for {X}.",
    "They expressed thanks for {A}'s ongoing support for {X}.",
]


@settings(max_examples=30, deadline=None)
@given(codes=THREE, names=NAMES, topic=st.sampled_from(sorted(TOPICS)),
       aside=st.sampled_from(TOPIC_ONLY))  # fmt: skip
def test_a_state_named_only_as_a_topic_is_no_side_and_no_one_s_state(
    codes: tuple[str, ...], names: list[str], topic: str, aside: str
) -> None:
    """The model gives B, titled only by the state A's title shares, no state, and lists
    the topic's: B is of A's state, and the topic is no side, though N3's state (the
    visiting official's) is attached to no title."""
    a, c, _ = codes
    text = (
        f"{names[2]} came from {SIDES[c][EN]}. During the visit, {names[2]} met with "
        f"{SIDES[a][EN]} President "
        f"{names[0]} and Prime Minister {names[1]}. "
        + aside.format(X=TOPICS[topic][0], A=SIDES[a][EN])
    )
    people = [person(names[2], c), person(names[0], a), person(names[1], None)]  # type: ignore[arg-type]
    outcome = run("meeting", text, **meeting(people, [c, a, topic]))
    [record] = outcome.records
    assert [p.country for p in record.participants] == [c, a, a], (text, outcome.warnings)
    assert sorted(record.countries_involved) == sorted([a, c]), (text, outcome.warnings)


@FAST
@given(codes=THREE, names=NAMES, topic=st.sampled_from(sorted(TOPICS)))
def test_a_state_named_as_a_side_somewhere_stays_a_side(
    codes: tuple[str, ...], names: list[str], topic: str
) -> None:
    """The same shape, but the article also says officials of the topic's state took part:
    it is a side, and the model's state for B is not overridden by a guess."""
    a, c, _ = codes
    text = (
        f"{names[2]} came from {SIDES[c][EN]}. During the visit, {names[2]} met with "
        f"{SIDES[a][EN]} President "
        f"{names[0]} and Prime Minister {names[1]}. Officials from {TOPICS[topic][0]} also "
        "attended the meeting."
    )
    people = [person(names[2], c), person(names[0], a), person(names[1], topic)]
    outcome = run("meeting", text, **meeting(people, [c, a, topic]))
    [record] = outcome.records
    assert topic in record.countries_involved, (text, outcome.warnings)
    assert record.participants[2].country == topic


@FAST
@given(codes=THREE, names=NAMES, topic=st.sampled_from(TOPIC_ONLY[:2]))
def test_a_participant_s_state_named_only_as_a_topic_is_still_theirs(
    codes: tuple[str, ...], names: list[str], topic: str
) -> None:
    """A coordinated title's state is a guess: it does not replace the model's state for
    B when the article names that state, even only as what was discussed."""
    a, b, _ = codes
    text = (
        f"{SIDES[a][EN]} President {names[0]} and Prime Minister {names[1]} met on Tuesday. "
        + topic.format(X=SIDES[b][EN], A=SIDES[a][EN])
    )
    outcome = run("meeting", text, **meeting([person(names[0], a), person(names[1], b)], [a, b]))
    [record] = outcome.records
    assert [p.country for p in record.participants] == [a, b], (text, outcome.warnings)
    assert sorted(record.countries_involved) == sorted([a, b])


@FAST
@given(codes=THREE, names=NAMES)
def test_one_person_listed_as_visitor_and_host_is_one_participant(
    codes: tuple[str, ...], names: list[str]
) -> None:
    from extractor.types.meeting import from_visits

    a, b, _ = codes
    text = (
        f"President {names[0]} of {SIDES[a][EN]} met President {names[1]} of {SIDES[b][EN]} "
        f"in {SIDES[b][EN]} on Tuesday."
    )
    both = [person(names[0], a), person(names[1], b)]
    draft = {"visitors": both, "visitor_country": a, "hosts": [person(names[1], b)],
             "host_country": b, "place": None, "date": None, "end_date": None,
             "purpose": None, "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip
    outcome = run("visit", text, **draft)
    [visit] = outcome.records
    context = {"text": text, "sentences": [], "doc_id": "t"}
    derived = from_visits([visit], ["meeting"], context)
    assert derived, (text, outcome.warnings)
    names_met = [p.name for p in derived[0].participants]
    assert sorted(names_met) == sorted(set(names_met)) == sorted(names[:2])
