"""Round 62: who speaks a quoted "we" when the quote names the speaker by name alone, or
several people speak it.

SIPRI: the supplier is the state that delivers. In quoted speech "we" is the speaker's
state (round 61). A speaker named by name alone ('"We will send howitzers to Ukraine,"
Frederiksen said') is the person the article introduced with a title ("Danish Prime
Minister Mette Frederiksen"), in an earlier sentence the evidence may not cite. Several
people speaking together ('the President and the Danish Prime Minister said') are one
state's "we" only when each is named with that state: the publisher's President beside a
Danish minister leaves the publisher's answer as it is. Generated over states, names,
weapons, recipients and sentence shapes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, resolve
from tests.test_round57_direction import arms
from tests.test_round61_arms import RECIPIENTS, WEAPONS

FAST = settings(max_examples=60, deadline=None)
WH = "https://www.whitehouse.gov/briefing-room/x/"
#: A speaker's state: its adjective and a title.
STATES = {"DNK": "Danish", "POL": "Polish", "NOR": "Norwegian", "DEU": "German",
          "NLD": "Dutch", "KEN": "Kenyan"}  # fmt: skip
TITLES = ["Prime Minister", "Defence Minister", "Foreign Minister", "President"]
PEOPLE = [("Mette", "Frederiksen"), ("Anna", "Lindqvist"), ("Pavel", "Novak"),
          ("Jonas", "Berg"), ("Elena", "Marsh")]  # fmt: skip
#: The sentence that introduces the speaker with a title, then unrelated words.
INTRODUCED = [
    "{A} {T} {F} {L} spoke to reporters on Monday.",
    "On Monday, {A} {T} {F} {L} arrived in Brussels for talks.",
    "The talks were hosted by {A} {T} {F} {L} in the capital.",
]
#: The quote, its speaker by name alone.
QUOTED = [
    '"We will send {W} {R}," {L} said.',
    '"We will deliver {W} {R}," said {F} {L}.',
    '{L} said: "We will send {W} {R}."',
]


def _sides(text: str, supplier: str, recipient: str, weapon: str, cited: int) -> list[Any]:
    model = answer_model(("arms_transfer",))
    (plural,) = model.list_fields
    draft = model.model_fields[plural].annotation.__args__[0](
        **{**arms(supplier, recipient, weapon), "evidence": [cited]}
    )
    article = Article.of(text, published=date(2025, 3, 12), url=WH)
    outcome = resolve(model.model_construct(**{plural: [draft]}), article)
    return [(r.supplier.country, r.recipient.country) for r in outcome.records]


@FAST
@given(state=st.sampled_from(sorted(STATES)), title=st.sampled_from(TITLES),
       person=st.sampled_from(PEOPLE), intro=st.sampled_from(INTRODUCED),
       quoted=st.sampled_from(QUOTED), recipient=st.sampled_from(sorted(RECIPIENTS)),
       weapon=st.sampled_from(WEAPONS["en"]), drafted=st.sampled_from(["USA", "FRA"]))  # fmt: skip
def test_a_speaker_named_by_name_alone_is_the_state_of_the_title_introducing_them(
    state: str, title: str, person: tuple[str, str], intro: str, quoted: str,
    recipient: str, weapon: str, drafted: str,
) -> None:  # fmt: skip
    first, last = person
    names = {"A": STATES[state], "T": title, "F": first, "L": last}
    said = quoted.format(W=weapon, R=RECIPIENTS[recipient]["en"], **names)
    text = f"{intro.format(**names)} {said}"
    assert _sides(text, drafted, recipient, weapon, 2) == [(state, recipient)], text


@FAST
@given(person=st.sampled_from(PEOPLE), quoted=st.sampled_from(QUOTED),
       recipient=st.sampled_from(sorted(RECIPIENTS)), weapon=st.sampled_from(WEAPONS["en"]),
       intro=st.sampled_from(["{F} {L} spoke to reporters on Monday.",
                              "Talks with {F} {L} ended in Brussels on Monday."]))  # fmt: skip
def test_a_name_the_article_gives_no_state_keeps_the_publishers_we(
    person: tuple[str, str], quoted: str, recipient: str, weapon: str, intro: str
) -> None:
    first, last = person
    said = quoted.format(W=weapon, R=RECIPIENTS[recipient]["en"], F=first, L=last)
    text = f"{intro.format(F=first, L=last)} {said}"
    assert _sides(text, "USA", recipient, weapon, 2) == [("USA", recipient)], text


@FAST
@given(state=st.sampled_from(sorted(STATES)), title=st.sampled_from(TITLES),
       recipient=st.sampled_from(sorted(RECIPIENTS)), weapon=st.sampled_from(WEAPONS["en"]),
       other=st.sampled_from(["the President", "President Biden", "the Secretary"]),
       first=st.booleans())  # fmt: skip
def test_several_speakers_not_all_of_one_state_leave_the_answer(
    state: str, title: str, recipient: str, weapon: str, other: str, first: bool
) -> None:
    """'"We will send ...," the President and the Danish Prime Minister said': both speak;
    the publisher's answer stays (round 61 coded the Danish minister's state alone)."""
    named = f"the {STATES[state]} {title}"
    speakers = f"{other} and {named}" if first else f"{named} and {other}"
    text = f'"We will send {weapon} {RECIPIENTS[recipient]["en"]}," {speakers} said.'
    assert _sides(text, "USA", recipient, weapon, 1) == [("USA", recipient)], text


@FAST
@given(state=st.sampled_from(sorted(STATES)), recipient=st.sampled_from(sorted(RECIPIENTS)),
       weapon=st.sampled_from(WEAPONS["en"]))  # fmt: skip
def test_one_person_with_two_offices_is_one_speaker(
    state: str, recipient: str, weapon: str
) -> None:
    """'the Danish Prime Minister and Defence Minister said' is one Danish speaker."""
    text = (f'"We will send {weapon} {RECIPIENTS[recipient]["en"]}," the {STATES[state]} '
            "Prime Minister and Defence Minister said.")  # fmt: skip
    assert _sides(text, "USA", recipient, weapon, 1) == [(state, recipient)], text
