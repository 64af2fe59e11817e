"""Round 60: what a meeting participant's title says of their state, and who is a side.

A person's state is the one their title carries; a title phrase is read only as far
as it goes. It ends at a full stop and also at a colon, a question or exclamation
mark, a bracket, a quote or a line break ("Talks on Ukraine: President X met ..."
makes no Ukrainian of X). A country's name right before a post's title ("Trump's
Ukraine envoy X") is where the post is, like "envoy to Ukraine"; a possessive before
it names the state. A title of sub-national office ("Governor X of Georgia", "New
Mexico Governor X") and a title heading an organisation ("President X of the Danish
Red Cross") attach no state. People the leaders talked "with" ("discussed defence
with Polish officials") are a side, not a topic. Generated over names, states,
topics, marks, titles and languages.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.roles_support import run
from tests.test_round57_direction import person
from tests.test_round59_sides import (
    ADJ,
    DE,
    DE_ADJ,
    EN,
    ES,
    ES_ADJ,
    FR_ADJ,
    FR_OF,
    NAMES,
    SIDES,
    THREE,
    TOPICS,
    meeting,
)

FAST = settings(max_examples=25, deadline=None)
TOPIC = st.sampled_from(sorted(TOPICS))
#: Marks that end a headline or a clause without a full stop.
MARKS = st.sampled_from([":", "?", "!", "\n", ")", '"', " – ", "\n\n"])
#: A headline naming the topic, then a sentence whose first title is the participant's:
#: topic index, template.
HEADLINES = {
    "en": (0, "Talks on {T}{M} President {A} met Prime Minister {B} of {C}."),
    "fr": (1, "Le dossier {T}{M} le président {A} a rencontré le Premier ministre {B} {C}."),
    "es": (2, "Ayuda para {T}{M} el presidente {A} se reunió con el primer ministro {B} de {C}."),
    "de": (3, "Hilfe für {T}{M} Präsident {A} traf Regierungschef {B} aus {C}."),
}
#: Where the participant's (second) state is named, by language: index into SIDES.
WHERE = {"en": EN, "fr": FR_OF, "es": ES, "de": DE}
#: A sentence naming the first participant's state as a side, by language.
TAILS = {
    "en": " Officials from {S} also attended.",
    "fr": " Des représentants {S} étaient aussi présents.",
    "es": " También asistieron representantes de {S}.",
    "de": " Auch Vertreter aus {S} nahmen teil.",
}


def _states(outcome: object) -> list[str | None]:
    [record] = outcome.records  # type: ignore[attr-defined]
    return [p.country for p in record.participants]


@FAST
@given(
    codes=THREE, names=NAMES, topic=TOPIC, mark=MARKS, language=st.sampled_from(sorted(HEADLINES))
)
def test_a_title_phrase_ends_at_a_mark_with_no_full_stop(
    codes: tuple[str, ...], names: list[str], topic: str, mark: str, language: str
) -> None:
    """The country of a headline before a colon, a question mark, a line break ... is no
    modifier of the next sentence's title: A keeps the state the model gave."""
    a, c, _ = codes
    index, template = HEADLINES[language]
    text = template.format(
        T=TOPICS[topic][index], M=mark, A=names[0], B=names[1], C=SIDES[c][WHERE[language]]
    ) + TAILS[language].format(S=SIDES[a][WHERE[language]])
    outcome = run("meeting", text, **meeting([person(names[0], a), person(names[1], c)], [a, c]))
    assert _states(outcome) == [a, c], (text, outcome.warnings)
    [record] = outcome.records
    assert topic not in record.countries_involved, (text, outcome.warnings)


POSTS = st.sampled_from(["envoy", "special envoy", "ambassador", "representative", "negotiator"])


@FAST
@given(codes=THREE, names=NAMES, topic=TOPIC, post=POSTS,
       owner=st.sampled_from(["Trump's", "The president's", "The", "Their"]))  # fmt: skip
def test_a_country_s_name_before_a_post_is_the_post(
    codes: tuple[str, ...], names: list[str], topic: str, post: str, owner: str
) -> None:
    """ "Trump's Ukraine envoy A" is an envoy for Ukraine: A keeps the model's state."""
    a, c, _ = codes
    text = (
        f"{owner} {TOPICS[topic][0]} {post} {names[0]} met {SIDES[c][ADJ]} Foreign Minister "
        f"{names[1]} on Tuesday. Officials from {SIDES[a][EN]} also attended."
    )
    outcome = run("meeting", text, **meeting([person(names[0], a), person(names[1], c)], [a, c]))
    assert _states(outcome) == [a, c], (text, outcome.warnings)


@FAST
@given(codes=THREE, names=NAMES, topic=TOPIC, post=POSTS)
def test_a_possessive_before_the_post_s_place_names_the_state(
    codes: tuple[str, ...], names: list[str], topic: str, post: str
) -> None:
    """ "Germany's Ukraine envoy A": A is of Germany, though the model said Ukraine."""
    a, c, _ = codes
    text = (
        f"{SIDES[a][EN]}'s {TOPICS[topic][0]} {post} {names[0]} met {SIDES[c][ADJ]} Foreign "
        f"Minister {names[1]} on Tuesday."
    )
    people = [person(names[0], topic), person(names[1], c)]
    outcome = run("meeting", text, **meeting(people, [topic, c]))
    assert _states(outcome) == [a, c], (text, outcome.warnings)


PLACES = st.sampled_from(["Georgia", "New Mexico", "Jordan"])
LOCAL = st.sampled_from(
    ["Governor {A} of {P}", "{P} Governor {A}", "Mayor {A} of {P}", "{P} state senator {A}",
     "{P} lawmaker {A}", "Lieutenant Governor {A} of {P}"]
)  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, place=PLACES, office=LOCAL)
def test_a_sub_national_office_attaches_no_state(
    codes: tuple[str, ...], names: list[str], place: str, office: str
) -> None:
    """A governor of Georgia or a New Mexico lawmaker is no Georgian or Mexican: the
    model's United States stays."""
    _, c, _ = codes
    text = (
        office.format(A=names[0], P=place)
        + f" met {SIDES[c][ADJ]} Foreign Minister {names[1]} on Tuesday. Officials from the"
        " United States also attended."
    )
    text = text[0].upper() + text[1:]
    outcome = run(
        "meeting", text, **meeting([person(names[0], "USA"), person(names[1], c)], ["USA", c])
    )
    assert _states(outcome) == ["USA", c], (text, outcome.warnings)


BODIES = st.sampled_from(
    ["Red Cross", "Olympic Committee", "Football Federation", "Socialist Party",
     "Central Bank", "Medical Association"]
)  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, body=BODIES, head=st.sampled_from(["President", "Chairman"]))
def test_the_head_of_an_organisation_is_no_state_s_officer(
    codes: tuple[str, ...], names: list[str], body: str, head: str
) -> None:
    """ "President A of the Danish Red Cross" heads a society, not Denmark: the state the
    model left empty stays empty."""
    a, c, _ = codes
    text = (
        f"{head} {names[0]} of the {SIDES[a][ADJ]} {body} met Foreign Minister "
        f"{names[1]} of {SIDES[c][EN]} on Tuesday."
    )
    people = [{"name": names[0], "title": None, "country": None}, person(names[1], c)]
    outcome = run("meeting", text, **meeting(people, [c]))
    assert _states(outcome) == [None, c], (text, outcome.warnings)


#: Two leaders talk with people of a third state, by language (A, B: names; X, Y: their
#: states; Z: the third state; T: the topic).
WITH = {
    "en": "{X} President {A} and {Y} Prime Minister {B} discussed {T} with {Z} officials "
    "on Tuesday.",
    "en2": "{X} President {A} and {Y} Prime Minister {B} held discussions with {Z} business "
    "leaders on Tuesday.",
    "fr": "Le président {X} {A} et le Premier ministre {Y} {B} ont parlé avec des "
    "responsables {Z} mardi.",
    "es": "El presidente {X} {A} y el primer ministro {Y} {B} hablaron el martes con "
    "representantes de {Z}.",
    "de": "Der {X} Präsident {A} und der {Y} Regierungschef {B} trafen sich am Dienstag "
    "und besprachen mit Vertretern aus {Z} die Lage.",
}
#: Which form of a state each template takes for X, Y and Z (indexes into SIDES).
FORMS = {"en": (ADJ, ADJ, ADJ), "en2": (ADJ, ADJ, ADJ), "fr": (FR_ADJ, FR_ADJ, FR_ADJ),
         "es": (ES_ADJ, ES_ADJ, ES), "de": (DE_ADJ, DE_ADJ, DE)}  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, topic=TOPIC, language=st.sampled_from(sorted(WITH)))
def test_people_talked_with_are_a_side(
    codes: tuple[str, ...], names: list[str], topic: str, language: str
) -> None:
    """The state of the officials the leaders talked with is a side of the meeting."""
    a, c, d = codes
    fx, fy, fz = FORMS[language]
    text = WITH[language].format(
        X=SIDES[a][fx], Y=SIDES[c][fy], Z=SIDES[d][fz], A=names[0], B=names[1],
        T=f"support for {TOPICS[topic][0]}",
    )  # fmt: skip
    people = [person(names[0], a), person(names[1], c)]
    outcome = run("meeting", text, **meeting(people, [a, c, d]))
    [record] = outcome.records
    assert sorted(record.countries_involved) == sorted([a, c, d]), (text, outcome.warnings)


@FAST
@given(codes=THREE, names=NAMES, topic=TOPIC)
def test_a_thing_done_with_a_state_stays_a_topic(
    codes: tuple[str, ...], names: list[str], topic: str
) -> None:
    """ "discussed cooperation with Ukraine" names no people: Ukraine is a topic still."""
    a, c, _ = codes
    text = (
        f"{SIDES[a][ADJ]} President {names[0]} and {SIDES[c][ADJ]} Prime Minister {names[1]} "
        f"discussed cooperation with {TOPICS[topic][0]} on Tuesday."
    )
    people = [person(names[0], a), person(names[1], c)]
    outcome = run("meeting", text, **meeting(people, [a, c, topic]))
    [record] = outcome.records
    assert sorted(record.countries_involved) == sorted([a, c]), (text, outcome.warnings)
