"""Round 61: a participant's state named in their title, where the model left it empty.

A nation's office may hold the word "State" ("Ukrainian State Secretary", "State
President", "State Councilor") or name a national chamber ("Polish National Assembly
Speaker"), and a lawmaker named with a nation's adjective ("Ukrainian lawmaker") is a
nation's, and so are one holder's titles joined by "and" with no name between: only an
office of a federated state ("Georgia state senator", "Assemblyman X of Georgia",
"Senator X of the state of Georgia") is sub-national. A state's adjective
of several words is one ("Saudi Arabian Foreign Minister"). Headline English puts a bare
state's NAME before an envoy's title is where the post is ("Syria envoy", "Trump's Ukraine
envoy"; wire copy's "Iran envoy" is mostly a US or UN one), so it attaches none; only an
adjective or initials say whose the envoy is ("Chinese envoy", "US Ukraine envoy"), or a
name before "envoy to X". A line break ends a title phrase only where its author set it
(a headline's, also one longer than the body under it): prose hard-wrapped at any width
breaks where the next word no longer fits, and the phrase goes on ("the visiting
Ukrainian\\nPresident X"). Two titles joined by "and" are one holder's only with no
article or possessive of the first's own, no "between"/"with" frame, and offices one person
commonly holds together (a minister's, a deputy's, a state councillor's, a crown prince's):
"the U.S. President and Prime Minister X" are two people. A hyphenated compound of a
state's word ("Pro-Russian", "Russian-backed") is no nation's adjective. Generated over
names, states, offices, wrap widths and shifts.
"""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.countries import countries_in_text
from tests.roles_support import run
from tests.test_round57_direction import person
from tests.test_round59_sides import ADJ, EN, NAMES, SIDES, THREE, TOPICS, meeting

FAST = settings(max_examples=25, deadline=None)


def _states(outcome: object) -> list[str | None]:
    [record] = outcome.records  # type: ignore[attr-defined]
    return [p.country for p in record.participants]


def _unknown(name: str) -> dict[str, object]:
    return {"name": name, "title": None, "country": None}


#: Titles of a nation's office that hold "State" or a national chamber: {J} the state's
#: adjective, {C} its name, {A} the person.
NATIONAL = st.sampled_from(
    ["{J} State Secretary {A}", "{J} State President {A}", "{J} State Councilor {A}",
     "{J} Minister of State {A}", "{J} Head of State {A}", "{J} Assembly Speaker {A}",
     "{J} National Assembly Speaker {A}", "{J} Parliament Speaker {A}",
     "{A}, Speaker of the National Assembly of {C},", "{A}, Secretary of State of {C},",
     "{J} lawmaker {A}", "{J} legislator {A}", "{J} State Councillor and Foreign Minister {A}",
     "{J} Defence Minister and Deputy Prime Minister {A}"]
)  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, office=NATIONAL)
def test_a_nation_s_office_named_with_state_or_assembly_attaches_its_state(
    codes: tuple[str, ...], names: list[str], office: str
) -> None:
    """ "Ukrainian State Secretary A" is of Ukraine: the model's empty country is filled."""
    a, c, _ = codes
    head = office.format(J=SIDES[a][ADJ], C=SIDES[a][EN], A=names[0])
    text = f"{head} met {SIDES[c][ADJ]} President {names[1]} in Paris on Monday."
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == [a, c], (text, outcome.warnings)


#: Offices of a federated state: {P} its name, {A} the person.
FEDERATED = st.sampled_from(
    ["{P} state senator {A}", "{P} State Senator {A}", "{P} state Assembly member {A}",
     "Assemblyman {A} of {P}", "Senator {A} of the state of {P}", "{P} state legislator {A}",
     "{P} state Representative {A}"]
)  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, office=FEDERATED, place=st.sampled_from(["Georgia", "Jordan"]))
def test_an_office_of_a_federated_state_attaches_none(
    codes: tuple[str, ...], names: list[str], office: str, place: str
) -> None:
    """A Georgia state senator is no Georgian: the model's United States stays."""
    _, c, _ = codes
    head = office.format(P=place, A=names[0])
    text = (
        f"{head} met {SIDES[c][ADJ]} Foreign Minister {names[1]} on Tuesday. Officials "
        "from the United States also attended."
    )
    people = [person(names[0], "USA"), person(names[1], c)]
    outcome = run("meeting", text, **meeting(people, ["USA", c]))
    assert _states(outcome) == ["USA", c], (text, outcome.warnings)


#: States with an adjective of several words, and a name of several words.
MULTIWORD = {"SAU": ("Saudi Arabian", "Saudi Arabia"), "ZAF": ("South African", "South Africa"),
             "LKA": ("Sri Lankan", "Sri Lanka"), "CRI": ("Costa Rican", "Costa Rica"),
             "SLE": ("Sierra Leonean", "Sierra Leone"), "NZL": ("New Zealand", "New Zealand"),
             "PRK": ("North Korean", "North Korea")}  # fmt: skip
#: Those whose adjective the country tables know (extractor.text.countries): the rule
#: here reads the words as one; knowing an adjective is the tables' job.
KNOWN = sorted(
    code for code, (adjective, _) in MULTIWORD.items()
    if countries_in_text(f"{adjective} President") == [code]
)  # fmt: skip


@FAST
@given(
    code=st.sampled_from(KNOWN),
    names=NAMES,
    form=st.sampled_from([0, 1]),
    title=st.sampled_from(["Foreign Minister", "President", "Prime Minister", "envoy"]),
)
def test_a_state_s_adjective_of_several_words_is_one(
    code: str, names: list[str], form: int, title: str
) -> None:
    """ "Saudi Arabian Foreign Minister A" is of Saudi Arabia, though "Saudi" alone
    names it and "Arabian" alone names nothing. A state's name before "envoy" ("North
    Korea envoy") is where the post is, and attaches none, unless it is also the state's
    adjective ("New Zealand envoy")."""
    text = (
        f"{MULTIWORD[code][form]} {title} {names[0]} met French President {names[1]} in "
        "Paris on Monday."
    )
    outcome = run(
        "meeting", text, **meeting([_unknown(names[0]), person(names[1], "FRA")], ["FRA"])
    )
    adjective, name = MULTIWORD[code]
    post_s_place = title == "envoy" and form == 1 and name != adjective
    assert _states(outcome) == [None if post_s_place else code, "FRA"], (text, outcome.warnings)


def test_saudi_arabian_is_known() -> None:
    """The rule's example is among the adjectives tested."""
    assert "SAU" in KNOWN


POSTS = st.sampled_from(["envoy", "special envoy", "ambassador", "top negotiator"])


@FAST
@given(codes=THREE, names=NAMES, post=POSTS, topic=st.sampled_from(sorted(TOPICS)))
def test_a_state_s_name_before_an_envoy_is_the_post_and_attaches_none(
    codes: tuple[str, ...], names: list[str], post: str, topic: str
) -> None:
    """ "Syria envoy A met ...", "The new Syria envoy", "UN special Syria envoy": an envoy
    for Syria, whoever sent them; the model's empty state stays empty."""
    _, c, _ = codes
    for owner in ("", "The new ", "UN special ", "Biden's new ", "Former "):
        text = (
            f"{owner}{TOPICS[topic][0]} {post} {names[0]} met {SIDES[c][ADJ]} Foreign Minister "
            f"{names[1]} on Tuesday."
        )
        outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
        assert _states(outcome) == [None, c], (text, outcome.warnings)


#: Words that say whose an envoy is: a state's adjective or its initials.
WHOSE = {"USA": ["US", "U.S.", "American"], "GBR": ["British", "UK"], "CHN": ["Chinese"]}


@FAST
@given(
    codes=THREE,
    names=NAMES,
    post=POSTS,
    topic=st.sampled_from(sorted(TOPICS)),
    whose=st.sampled_from([(code, word) for code, words in WHOSE.items() for word in words]),
)
def test_an_adjective_or_initials_before_the_post_s_place_name_the_envoy_s_state(
    codes: tuple[str, ...], names: list[str], post: str, topic: str, whose: tuple[str, str]
) -> None:
    """ "US Ukraine envoy A", "British Syria envoy A": the envoy of the US, of Britain."""
    _, c, _ = codes
    code, word = whose
    text = (
        f"{word} {TOPICS[topic][0]} {post} {names[0]} met {SIDES[c][ADJ]} Foreign Minister "
        f"{names[1]} on Tuesday."
    )
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == [code, c], (text, outcome.warnings)


@FAST
@given(codes=THREE, names=NAMES, post=POSTS, topic=st.sampled_from(sorted(TOPICS)))
def test_an_envoy_to_a_place_is_of_the_state_before_the_title(
    codes: tuple[str, ...], names: list[str], post: str, topic: str
) -> None:
    """ "Germany special envoy to Ukraine A": A is Germany's, Ukraine the post."""
    a, c, _ = codes
    text = (
        f"{SIDES[a][EN]} {post} to {TOPICS[topic][0]} {names[0]} met {SIDES[c][ADJ]} Foreign "
        f"Minister {names[1]} on Tuesday."
    )
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == [a, c], (text, outcome.warnings)


#: Prose whose title phrase a wrap may split: {J} the visitor's adjective, {A} and {B} the
#: people.
PROSE = st.sampled_from(
    ["On Monday, in the capital, after a long day of talks with the press, the visiting {J} "
     "President {A} met French President {B} in Paris.",
     "A delegation led by {J} Prime Minister {A} met French President {B} in Paris.",
     "On Monday, the visiting {J} President {A} met French President {B} in Paris."]
)  # fmt: skip


@FAST
@given(
    codes=THREE,
    names=NAMES,
    prose=PROSE,
    width=st.integers(min_value=30, max_value=80),
    shift=st.integers(min_value=0, max_value=12),
)
def test_prose_wrapped_at_any_width_keeps_the_title_s_state(
    codes: tuple[str, ...], names: list[str], prose: str, width: int, shift: int
) -> None:
    """A line break a wrap made ("the visiting Ukrainian\\nPresident A") goes on the phrase."""
    a, _, _ = codes
    text = textwrap.fill(
        "x " * shift + prose.format(J=SIDES[a][ADJ], A=names[0], B=names[1]), width=width
    )
    outcome = run(
        "meeting", text, **meeting([_unknown(names[0]), person(names[1], "FRA")], ["FRA"])
    )
    assert _states(outcome) == [a, "FRA"], (text, outcome.warnings)


@FAST
@given(
    codes=THREE,
    names=NAMES,
    topic=st.sampled_from(sorted(TOPICS)),
    width=st.integers(min_value=30, max_value=80),
)
def test_a_headline_s_line_break_still_ends_the_phrase(
    codes: tuple[str, ...], names: list[str], topic: str, width: int
) -> None:
    """ "Talks with Ukraine\\nPresident A met ..." over a paragraph wrapped at any width:
    the headline's state is no modifier of A's title; A keeps the model's state."""
    a, c, _ = codes
    body = textwrap.fill(
        f"President {names[0]} met Prime Minister {names[1]} of {SIDES[c][EN]} on Monday. "
        f"Officials from {SIDES[a][EN]} also attended.",
        width=width,
    )
    text = f"Talks with {TOPICS[topic][0]}\n{body}"
    outcome = run("meeting", text, **meeting([person(names[0], a), person(names[1], c)], [a, c]))
    assert _states(outcome) == [a, c], (text, outcome.warnings)


def test_the_brief_s_examples() -> None:
    """The probe's cases, each with the state the model left empty."""
    cases = {
        "Ukrainian State Secretary Lars Holm met French President Anna Berg in Paris.": "UKR",
        "Polish National Assembly Speaker Lars Holm met French President Anna Berg.": "POL",
        "Saudi Arabian Foreign Minister Lars Holm met French President Anna Berg.": "SAU",
        "China envoy Lars Holm met French President Anna Berg in Paris.": None,
        "Chinese envoy Lars Holm met French President Anna Berg in Paris.": "CHN",
        "Syria envoy Lars Holm met French President Anna Berg in Paris.": None,
        "UN North Korea envoy Lars Holm met French President Anna Berg in Paris.": None,
        "US Ukraine envoy Lars Holm met French President Anna Berg in Paris.": "USA",
        "Pro-Russian President Lars Holm met French President Anna Berg in Paris.": None,
        "The U.S. President and Prime Minister Lars Holm met French President Anna Berg.": None,
        "Talks between the U.S. President and Prime Minister Lars Holm and French President "
        "Anna Berg took place in Paris.": None,
        "A call between the Russian ambassador and Foreign Minister Lars Holm and French "
        "President Anna Berg took place.": None,
        "Saudi Crown Prince and Prime Minister Lars Holm met French President Anna Berg.": "SAU",
        "EU ministers weigh a new package of sanctions and aid for Ukraine\nPresident Lars "
        "Holm met French\nPresident Anna Berg in Paris on\nMonday to discuss energy prices.": None,
        "On Monday, the visiting Ukrainian\nPresident Lars Holm met French\nPresident Anna "
        "Berg in Paris.": "UKR",
    }
    for text, state in cases.items():
        outcome = run(
            "meeting", text, **meeting([_unknown("Lars Holm"), person("Anna Berg", "FRA")], ["FRA"])
        )
        assert _states(outcome) == [state, "FRA"], (text, outcome.warnings)


#: Two people's titles joined by "and": {J} and {K} adjectives, {A} the second person.
TWO_PEOPLE = st.sampled_from(
    ["The {J} President and Prime Minister {A} met",
     "Talks between the {J} President and Prime Minister {A} and {K} President {B} took place"
     " in Paris. They met",
     "A call between the {J} ambassador and Foreign Minister {A} and {K} President {B} took"
     " place. They met",
     "The {J} ambassador and Foreign Minister {A} met",
     "{J} President and Prime Minister {A} met",
     "Talks with the {J} Foreign Minister and Defence Minister {A} took place. They met",
     "{J} Defence Minister and Army chief {A} met",
     "{J} lawmaker and former {K} envoy {A} met"]
)  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, frame=TWO_PEOPLE)
def test_two_people_s_titles_joined_by_and_are_not_one_holder_s(
    codes: tuple[str, ...], names: list[str], frame: str
) -> None:
    """ "The U.S. President and Prime Minister A": the President is someone else; A's title
    names no state, and the model's empty one stays empty. With no article, titles one
    person seldom holds together ("Polish lawmaker and former German envoy A") may be one
    holder's or two people's: unsure, they attach none."""
    a, c, _ = codes
    head = frame.format(J=SIDES[a][ADJ], K=SIDES[c][ADJ], A=names[0], B=names[1])
    text = f"{head} {SIDES[c][ADJ]} President {names[1]} on Monday."
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == [None, c], (text, outcome.warnings)


#: Titles one person commonly holds together: {J} the state's adjective, {A} the person.
ONE_HOLDER = st.sampled_from(
    ["{J} State Councillor and Foreign Minister {A}", "{J} Crown Prince and Prime Minister {A}",
     "{J} Deputy Prime Minister and Foreign Minister {A}",
     "{J} Prime Minister and Foreign Minister {A}", "{J} Foreign Minister and Vice Premier {A}"]
)  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, office=ONE_HOLDER)
def test_one_holder_s_titles_joined_by_and_share_the_state(
    codes: tuple[str, ...], names: list[str], office: str
) -> None:
    """ "Saudi Crown Prince and Prime Minister A" is one person, of Saudi Arabia."""
    a, c, _ = codes
    text = f"{office.format(J=SIDES[a][ADJ], A=names[0])} met {SIDES[c][ADJ]} President {names[1]}."
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == [a, c], (text, outcome.warnings)


#: Compounds of a state's adjective that describe a relation to it: {J} the adjective.
COMPOUNDS = st.sampled_from(["Pro-{J}", "pro-{J}", "Anti-{J}", "{J}-backed", "{J}-speaking",
                             "{J}-born", "{J}-installed", "{J}-led", "{J}-allied"])  # fmt: skip


@FAST
@given(
    codes=THREE,
    names=NAMES,
    compound=COMPOUNDS,
    title=st.sampled_from(["lawmaker", "President", "separatist leader", "Prime Minister"]),
)
def test_a_compound_of_a_state_s_adjective_names_no_state_of_the_holder(
    codes: tuple[str, ...], names: list[str], compound: str, title: str
) -> None:
    """ "Pro-Russian lawmaker A", "Russian-backed President A": no Russian, the model's
    state stays."""
    a, c, _ = codes
    word = compound.format(J=SIDES[a][ADJ])
    text = f"{word} {title} {names[0]} met {SIDES[c][ADJ]} President {names[1]} in Paris."
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == [None, c], (text, outcome.warnings)


@FAST
@given(
    codes=THREE,
    names=NAMES,
    topic=st.sampled_from(sorted(TOPICS)),
    width=st.integers(min_value=25, max_value=45),
)
def test_a_headline_longer_than_the_body_still_ends_the_phrase(
    codes: tuple[str, ...], names: list[str], topic: str, width: int
) -> None:
    """ "EU ministers weigh a new package of sanctions and aid for Ukraine\\nPresident A
    met ..." over a narrower body: the headline is no wrap of it; A keeps the model's
    state, read in the quote as in the article."""
    a, c, _ = codes
    body = textwrap.fill(
        f"President {names[0]} met Prime Minister {names[1]} of {SIDES[c][EN]} on Monday "
        f"to discuss energy prices. Officials from {SIDES[a][EN]} also attended.",
        width=width,
    )
    text = f"EU ministers weigh a new package of sanctions and aid for {TOPICS[topic][0]}\n{body}"
    outcome = run("meeting", text, **meeting([person(names[0], a), person(names[1], c)], [a, c]))
    assert _states(outcome) == [a, c], (text, outcome.warnings)
