"""Round 63: whose state a title names, where a portfolio, a proper adjective or a descent
misled.

A title's number is its head noun's ("Minister of Foreign Affairs" is one minister: the
portfolio's plural is the complement's), so "X of Sweden and Polish Minister of Foreign
Affairs B" coordinates two people, and B is Polish. A capitalised word right before a
state's adjective joins it into another place's or people's only when the country tables
know the two words as one ("New Mexican" of New Mexico, "Native American", "West Indian");
any other is capitalised by its place (a sentence's opener: "When", "Reformist",
"Caretaker"; a place: "In Nairobi"; a headline's title case: "Japan Hosts") and leaves the
state. A hyphenated American of another state's descent ("Irish-American Senator") is the
US's. Generated over names, states, titles, portfolios, openers, places and headlines; the
portfolio rule also in French and Spanish (whose adjectives are written in lower case, so
the proper adjective's rule is English only).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.types.meeting import stated_state
from tests.roles_support import run
from tests.test_round57_direction import person
from tests.test_round59_sides import ADJ, EN, NAMES, SIDES, THREE, meeting

FAST = settings(max_examples=40, deadline=None)


def _states(outcome: object) -> list[str | None]:
    [record] = outcome.records  # type: ignore[attr-defined]
    return [p.country for p in record.participants]


#: Portfolios whose last word is a plural: the complement's number, not the title's.
PORTFOLIOS = st.sampled_from(
    ["Foreign Affairs", "Home Affairs", "Veterans Affairs", "Economic Affairs",
     "European Affairs", "Communications", "Mines", "Fisheries", "Emergencies",
     "Foreign Relations"]
)  # fmt: skip
#: The first person's phrase: {A} a name, {X} a state's name, {J} its adjective.
FIRSTS = st.sampled_from(
    ["Prime Minister {A} of {X}", "{J} Prime Minister {A}", "President {A}",
     "{A}, {X}'s prime minister,"]
)  # fmt: skip


@FAST
@given(
    codes=THREE,
    names=NAMES,
    first=FIRSTS,
    title=st.sampled_from(["Minister", "Secretary"]),
    portfolio=PORTFOLIOS,
)
def test_a_portfolio_s_plural_makes_no_plural_title(
    codes: tuple[str, ...], names: list[str], first: str, title: str, portfolio: str
) -> None:
    """ "Prime Minister A of Sweden and Polish Minister of Foreign Affairs B": B is Polish;
    the first person's state does not leak onto B."""
    a, b, _ = codes
    head = first.format(A=names[0], X=SIDES[a][EN], J=SIDES[a][ADJ])
    text = f"{head} and {SIDES[b][ADJ]} {title} of {portfolio} {names[1]} met in Geneva."
    assert stated_state(names[1], text, "en", [names[0]], shared=False) == b, text


@FAST
@given(codes=THREE, names=NAMES, portfolio=PORTFOLIOS)
def test_a_portfolio_s_plural_in_the_pipeline(
    codes: tuple[str, ...], names: list[str], portfolio: str
) -> None:
    """The model's own state for B stays: no recoding to the first person's."""
    a, b, _ = codes
    text = (
        f"Prime Minister {names[0]} of {SIDES[a][EN]} and {SIDES[b][ADJ]} Minister of "
        f"{portfolio} {names[1]} met in Geneva on Monday."
    )
    outcome = run("meeting", text, **meeting([person(names[0], a), person(names[1], b)], [a, b]))
    assert _states(outcome) == [a, b], (text, outcome.warnings)


@FAST
@given(
    codes=THREE,
    names=NAMES,
    title=st.sampled_from(["Ministers of {P}", "{P} Ministers", "Secretaries of {P}"]),
    portfolio=PORTFOLIOS,
)
def test_a_plural_head_before_a_portfolio_still_coordinates(
    codes: tuple[str, ...], names: list[str], title: str, portfolio: str
) -> None:
    """ "Kenyan and Ugandan Ministers of Foreign Affairs A and B": A Kenyan, B Ugandan."""
    a, b, _ = codes
    text = (
        f"{SIDES[a][ADJ]} and {SIDES[b][ADJ]} {title.format(P=portfolio)} {names[0]} and "
        f"{names[1]} met in Geneva."
    )
    assert stated_state(names[0], text, "en", [names[1]], shared=False) == a, text
    assert stated_state(names[1], text, "en", [names[0]], shared=False) == b, text


@FAST
@given(codes=THREE, names=NAMES)
def test_a_portfolio_in_french_and_spanish(codes: tuple[str, ...], names: list[str]) -> None:
    """ "le ministre polonais des Affaires étrangères B", "el ministro polaco de Asuntos
    Exteriores B": B's own adjective, not the first person's."""
    a, b, _ = codes
    fr = (
        f"Le Premier ministre {SIDES[a][3]} {names[0]} et le ministre {SIDES[b][3]} des "
        f"Affaires étrangères {names[1]} se sont rencontrés."
    )
    es = (
        f"El primer ministro {SIDES[a][5]} {names[0]} y el ministro {SIDES[b][5]} de "
        f"Asuntos Exteriores {names[1]} se reunieron."
    )
    for language, text in (("fr", fr), ("es", es)):
        assert stated_state(names[1], text, language, [names[0]], shared=False) == b, text


#: States' adjectives, with the ones the probe found ("Mexican", "Indian", "Irish").
ADJECTIVES = {"Mexican": "MEX", "Indian": "IND", "Irish": "IRL", "Georgian": "GEO",
              "Somali": "SOM", "Cuban": "CUB", "Sudanese": "SDN", "Kenyan": "KEN",
              **{SIDES[c][ADJ]: c for c in SIDES}}  # fmt: skip
TITLES = st.sampled_from(["Senator", "leader", "President", "Prime Minister", "official"])


#: A capitalised word and a state's adjective that spell another place or people, as the
#: country tables know them: New Mexico, Native Americans, Latin America, the West Indies.
FUSED = st.sampled_from(
    [("New", "Mexican"), ("Native", "American"), ("Latin", "American"),
     ("African", "American"), ("Anglo", "Irish"), ("Scots", "Irish"), ("West", "Indian")]
)  # fmt: skip


@FAST
@given(
    names=NAMES,
    fused=FUSED,
    title=TITLES,
    opener=st.sampled_from(["", "On Monday, ", "Officials said "]),
)
def test_a_capitalised_word_before_an_adjective_makes_another_proper_adjective(
    names: list[str], fused: tuple[str, str], title: str, opener: str
) -> None:
    """ "New Mexican Senator A" is no Mexican, "Native American leader A" says no state."""
    word, adjective = fused
    text = (
        f"{opener}{word} {adjective} {title} {names[0]} met Japanese Foreign Minister {names[1]}."
    )
    assert stated_state(names[0], text, "en", [names[1]], shared=False) is None, text


@FAST
@given(
    names=NAMES,
    opener=st.sampled_from(
        [
            "When ",
            "After ",
            "On Monday ",
            "Outgoing ",
            "Embattled ",
            "Yesterday ",
            "While ",
            "In May ",
            "Late ",
            "Former ",
            "The ",
            "Newly ",
        ]
    ),
    adjective=st.sampled_from(sorted(ADJECTIVES)),
    title=TITLES,
)
def test_a_word_capitalised_by_its_place_keeps_the_adjective(
    names: list[str], opener: str, adjective: str, title: str
) -> None:
    """ "When Kenyan President A met ...", "Outgoing Kenyan President A": Kenya's."""
    text = f"{opener}{adjective} {title} {names[0]} met Japanese Foreign Minister {names[1]}."
    got = stated_state(names[0], text, "en", [names[1]], shared=False)
    assert got == ADJECTIVES[adjective], text


@FAST
@given(
    codes=THREE,
    names=NAMES,
    origin=st.sampled_from(sorted(ADJECTIVES)),
    title=st.sampled_from(["Senator", "Representative", "lawmaker", "envoy", "official"]),
)
def test_a_hyphenated_american_is_the_us_s(
    codes: tuple[str, ...], names: list[str], origin: str, title: str
) -> None:
    """ "Irish-American Senator A", "Cuban-American Senator A": an American."""
    _, c, _ = codes
    text = (
        f"{origin}-American {title} {names[0]} met {SIDES[c][ADJ]} Foreign Minister "
        f"{names[1]} on Tuesday."
    )
    assert stated_state(names[0], text, "en", [names[1]], shared=False) == "USA", text


@FAST
@given(names=NAMES, word=st.sampled_from(["Latin", "Anglo", "Afro", "Sino", "Franco", "German"]))
def test_a_compound_of_no_descent_names_no_state(names: list[str], word: str) -> None:
    """ "Latin-American", "Anglo-American", "Sino-American": no state's adjective of
    origin, so no American; "German-Polish" names neither (no American of descent)."""
    other = "Polish" if word == "German" else "American"
    text = f"{word}-{other} envoy {names[0]} met Japanese Foreign Minister {names[1]}."
    assert stated_state(names[0], text, "en", [names[1]], shared=False) is None, text


#: Words a sentence or a name opens with before a state's adjective, capitalised by their
#: place and spelling no place or people with it: a holder's stance, standing or tenure
#: ("Reformist", "Caretaker", "Transitional", "Slain", "Self-declared"), a determiner or a
#: count ("Our", "Five"), an auxiliary of a question ("Will"), a preposition ("Unlike").
OPENERS = st.sampled_from(
    ["Reformist", "Hardline", "Moderate", "Conservative", "Socialist", "Nationalist",
     "Caretaker", "Transitional", "Military", "Current", "Fellow", "Powerful", "Prominent",
     "Popular", "Slain", "Self-declared", "So-called", "Pro-Western", "Our", "Five", "Ten",
     "Twelve", "Will", "Did", "Has", "Could", "Unlike", "Like", "Despite", "Young", "Wealthy"]
)  # fmt: skip
#: Places before the phrase, without a comma ("In Nairobi Kenyan President A met ...").
PLACES = st.sampled_from(
    ["In Nairobi", "In Geneva", "In Washington", "At Davos", "In Brussels", "In Tokyo",
     "On Capitol Hill", "At the UN"]
)  # fmt: skip
#: A headline in title case before the phrase: a name or a state and a verb.
HEADLINES = st.sampled_from(
    ["Biden Meets", "Xi Hosts", "Putin Welcomes", "Modi Greets", "Macron Receives",
     "Trump Praises", "Scholz Calls", "Japan Hosts", "China Welcomes", "Pope Francis Meets",
     "King Charles Hosts"]
)  # fmt: skip


@FAST
@given(names=NAMES, opener=OPENERS, adjective=st.sampled_from(sorted(ADJECTIVES)), title=TITLES)
def test_an_opener_spelling_no_place_keeps_the_adjective(
    names: list[str], opener: str, adjective: str, title: str
) -> None:
    """ "Reformist Iranian President A", "Caretaker Pakistani Prime Minister A": the
    state's (53b333f lost it after any capitalised word it did not list)."""
    text = f"{opener} {adjective} {title} {names[0]} met Japanese Foreign Minister {names[1]}."
    got = stated_state(names[0], text, "en", [names[1]], shared=False)
    assert got == ADJECTIVES[adjective], text


@FAST
@given(names=NAMES, place=PLACES, adjective=st.sampled_from(sorted(ADJECTIVES)), title=TITLES)
def test_a_place_before_the_adjective_keeps_it(
    names: list[str], place: str, adjective: str, title: str
) -> None:
    """ "In Nairobi Kenyan President A met B": Kenya's."""
    text = f"{place} {adjective} {title} {names[0]} met {names[1]}."
    got = stated_state(names[0], text, "en", [names[1]], shared=False)
    assert got == ADJECTIVES[adjective], text


@FAST
@given(names=NAMES, headline=HEADLINES, adjective=st.sampled_from(sorted(ADJECTIVES)), title=TITLES)
def test_a_headline_s_title_case_keeps_the_adjective(
    names: list[str], headline: str, adjective: str, title: str
) -> None:
    """ "Japan Hosts Kenyan President A": Kenya's, in the headline and in a body that
    names A alone after it."""
    code = ADJECTIVES[adjective]
    head = f"{headline} {adjective} {title} {names[0]}"
    for text in (
        f"{head} in Tokyo, {names[1]} Says",
        f"{head}\n{names[0]} met Japanese Foreign Minister {names[1]} in Tokyo.",
    ):
        assert stated_state(names[0], text, "en", [names[1]], shared=False) == code, text


@FAST
@given(names=NAMES, opener=OPENERS, adjective=st.sampled_from(sorted(ADJECTIVES)), title=TITLES)
def test_a_coordinated_holder_after_an_opener_keeps_the_adjective(
    names: list[str], opener: str, adjective: str, title: str
) -> None:
    """ "Japanese Prime Minister B and Fellow Kenyan President A met": A is Kenya's."""
    text = (
        f"Japanese Prime Minister {names[1]} and {opener} {adjective} {title} {names[0]} met "
        "in Tokyo."
    )
    got = stated_state(names[0], text, "en", [names[1]], shared=False)
    assert got == ADJECTIVES[adjective], text
