"""Round 62: whose state a title names, where a name, a coordination or a compound misled.

A state's NAME right before a post's title ("envoy", "ambassador", "representative")
names where the post is, whoever holds it; only an adjective, initials or a possessive say
whose ("Trump's Russia envoy", "UN Burma envoy", "the State Department's Kosovo envoy" are
no Russian, Burmese, Kosovar). The names are the country tables', which know the short
names news text uses ("Russia", "Turkey", "Ivory Coast", "Burma", "Macedonia"), not the
ISO list's alone. A name that is also the state's adjective ("Myanmar", "New Zealand")
says whose only at the head of its phrase ("New Zealand envoy X"); after a word that
already says whose ("UN special Myanmar envoy", "US Myanmar envoy") it is the post.
Coordinated adjectives before a plural title go to the coordinated names in order,
respectively ("Ukrainian and Polish Presidents A and B": A is Ukrainian, B Polish). A
hyphenated compound of two states' words ("Sino-Russian", "Franco-German", "German-Polish",
"franco-allemand", "deutsch-polnische") names neither as the holder's, in every language
read. Generated over names, states, posts, owners and languages (en, fr, es, de).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.roles_support import run
from tests.test_round57_direction import person
from tests.test_round59_sides import ADJ, DE_ADJ, EN, ES_ADJ, FR_ADJ, NAMES, SIDES, THREE, meeting

FAST = settings(max_examples=30, deadline=None)


def _states(outcome: object) -> list[str | None]:
    [record] = outcome.records  # type: ignore[attr-defined]
    return [p.country for p in record.participants]


def _unknown(name: str) -> dict[str, object]:
    return {"name": name, "title": None, "country": None}


#: Short names of states that the ISO list does not hold (its names: "Russian
#: Federation", "Türkiye", "Côte d'Ivoire", "North Macedonia"), with their codes.
SHORT_NAMES = {"Russia": "RUS", "Turkey": "TUR", "Kosovo": "XKX", "Palestine": "PSE",
               "Ivory Coast": "CIV", "Burma": "MMR", "Macedonia": "MKD"}  # fmt: skip
#: Words before the post's place that say whose the envoy is, or say nothing.
OWNERS = ["", "Trump's ", "UN ", "EU ", "The new ", "the State Department's ", "Former "]
POSTS = st.sampled_from(["envoy", "special envoy", "peace envoy", "ambassador", "representative"])


@FAST
@given(
    codes=THREE,
    names=NAMES,
    place=st.sampled_from(sorted(SHORT_NAMES)),
    owner=st.sampled_from(OWNERS),
    post=POSTS,
    model=st.sampled_from([None, "USA"]),
)
def test_a_state_s_short_name_before_a_post_is_the_post_s_place(
    codes: tuple[str, ...],
    names: list[str],
    place: str,
    owner: str,
    post: str,
    model: str | None,
) -> None:
    """ "Trump's Russia envoy A": an envoy for Russia; the model's state (the US, or
    none) stays, and no Russian replaces it."""
    _, c, _ = codes
    text = (
        f"{owner}{place} {post} {names[0]} met {SIDES[c][ADJ]} Foreign Minister {names[1]} "
        "on Tuesday." + (" Officials from the United States also attended." if model else "")
    )
    people = [person(names[0], model) if model else _unknown(names[0]), person(names[1], c)]
    outcome = run("meeting", text, **meeting(people, [x for x in (model, c) if x]))
    assert _states(outcome) == [model, c], (text, outcome.warnings)


@FAST
@given(
    codes=THREE,
    names=NAMES,
    place=st.sampled_from(sorted(SHORT_NAMES)),
    whose=st.sampled_from(["US", "U.S.", "American"]),
    post=POSTS,
)
def test_initials_before_a_short_name_s_post_say_whose(
    codes: tuple[str, ...], names: list[str], place: str, whose: str, post: str
) -> None:
    """ "US Russia envoy A" is the US's, as "US Ukraine envoy A" is: Russia is the post."""
    _, c, _ = codes
    text = (
        f"{whose} {place} {post} {names[0]} met {SIDES[c][ADJ]} Foreign Minister {names[1]} "
        "on Tuesday."
    )
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == ["USA", c], (text, outcome.warnings)


#: Names that are also their state's adjective.
NAME_ADJECTIVES = {"Myanmar": "MMR", "New Zealand": "NZL"}


@FAST
@given(
    codes=THREE,
    names=NAMES,
    place=st.sampled_from(sorted(NAME_ADJECTIVES)),
    owner=st.sampled_from(["UN ", "UN special ", "EU ", "Trump's ", "Former ", "Chinese "]),
    post=POSTS,
)
def test_a_name_that_is_also_an_adjective_after_a_word_of_whose_is_the_post(
    codes: tuple[str, ...], names: list[str], place: str, owner: str, post: str
) -> None:
    """ "UN special Myanmar envoy A": the UN's envoy for Myanmar; the model's empty state
    stays empty (or the adjective before it, "Chinese Myanmar envoy", says whose)."""
    _, c, _ = codes
    text = (
        f"{owner}{place} {post} {names[0]} met {SIDES[c][ADJ]} Foreign Minister {names[1]} "
        "on Tuesday."
    )
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    whose = "CHN" if owner == "Chinese " else None
    assert _states(outcome) == [whose, c], (text, outcome.warnings)


@FAST
@given(codes=THREE, names=NAMES, place=st.sampled_from(sorted(NAME_ADJECTIVES)), post=POSTS)
def test_a_name_that_is_also_an_adjective_at_the_head_says_whose(
    codes: tuple[str, ...], names: list[str], place: str, post: str
) -> None:
    """ "New Zealand envoy A", "Myanmar ambassador A": the state's adjective, its envoy."""
    _, c, _ = codes
    text = f"{place} {post} {names[0]} met {SIDES[c][ADJ]} Foreign Minister {names[1]} today."
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == [NAME_ADJECTIVES[place], c], (text, outcome.warnings)


#: Coordinated adjectives before a plural title: {J}, {K} the adjectives, {A}, {B} names.
COORDINATED = st.sampled_from(
    ["{J} and {K} Presidents {A} and {B} met in Paris on Monday.",
     "The {J} and {K} Presidents, {A} and {B}, met in Paris on Monday.",
     "{J} and {K} Foreign Ministers {A} and {B} met in Paris on Monday.",
     "On Monday the {J} and {K} leaders {A} and {B} held talks in Paris.",
     "{J} and {K} Prime Ministers {A} and {B} spoke by phone on Monday."]
)  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, frame=COORDINATED)
def test_coordinated_adjectives_go_to_coordinated_names_in_order(
    codes: tuple[str, ...], names: list[str], frame: str
) -> None:
    """ "Ukrainian and Polish Presidents A and B": A is Ukrainian, B Polish; the first
    name is not the last adjective's."""
    a, c, _ = codes
    text = frame.format(J=SIDES[a][ADJ], K=SIDES[c][ADJ], A=names[0], B=names[1])
    outcome = run("meeting", text, **meeting([_unknown(names[0]), _unknown(names[1])], []))
    assert _states(outcome) == [a, c], (text, outcome.warnings)


#: A compound of two states' words before a title, by language: {J}, {K} the adjectives.
JOINED = {
    "en": ("{X} envoy {A} met French President {B} in Paris on Monday.",
           ("Sino-{K}", "Franco-{K}", "Anglo-{K}", "Russo-{K}", "{J}-{K}", "{C}-{D}")),
    "fr": ("L'envoyé {X} {A} a rencontré le président français {B} à Paris lundi.",
           ("franco-{FK}", "{FJ}-{FK}")),
    "es": ("El enviado {X} {A} se reunió con el presidente francés {B} en París el lunes.",
           ("{EJ}-{EK}",)),
    "de": ("Der {X} Gesandte {A} traf den französischen Präsidenten {B} am Montag in Paris.",
           ("{DJ}-{DK}",)),
}  # fmt: skip


@FAST
@given(
    codes=THREE,
    names=NAMES,
    language=st.sampled_from(sorted(JOINED)),
    form=st.integers(min_value=0, max_value=5),
)
def test_a_compound_of_two_states_names_neither(
    codes: tuple[str, ...], names: list[str], language: str, form: int
) -> None:
    """ "Sino-Russian envoy A", "German-Polish envoy A", "l'envoyé franco-allemand A", "der
    deutsch-polnische Gesandte A": no Russian, Pole or German; the model's empty state
    stays empty."""
    a, c = [code for code in codes if code != "FRA"][:2]
    frame, forms = JOINED[language]
    compound = forms[form % len(forms)].format(
        J=SIDES[a][ADJ], K=SIDES[c][ADJ], C=SIDES[a][EN], D=SIDES[c][EN],
        FJ=SIDES[a][FR_ADJ], FK=SIDES[c][FR_ADJ], EJ=SIDES[a][ES_ADJ], EK=SIDES[c][ES_ADJ],
        DJ=SIDES[a][DE_ADJ][:-1], DK=SIDES[c][DE_ADJ],
    )  # fmt: skip
    text = frame.format(X=compound, A=names[0], B=names[1])
    outcome = run(
        "meeting", text, **meeting([_unknown(names[0]), person(names[1], "FRA")], ["FRA"])
    )
    assert _states(outcome) == [None, "FRA"], (text, outcome.warnings)


#: A point of the compass before a state's adjective: a region's word, or the state's own.
REGIONS = {"South American": None, "North American": None,
           "South Korean": "KOR", "North Korean": "PRK", "South African": "ZAF",
           "South Sudanese": "SSD", "North Macedonian": "MKD"}  # fmt: skip


@FAST
@given(
    names=NAMES,
    region=st.sampled_from(sorted(REGIONS)),
    title=st.sampled_from(["envoy", "trade envoy", "leader", "Foreign Minister", "President"]),
)
def test_a_point_of_the_compass_makes_a_region_s_word_unless_of_the_state_s_name(
    names: list[str], region: str, title: str
) -> None:
    """ "South American trade envoy A" is no American; "South Korean envoy A" is Korea's."""
    text = f"{region} {title} {names[0]} met French President {names[1]} in Paris on Monday."
    outcome = run(
        "meeting", text, **meeting([_unknown(names[0]), person(names[1], "FRA")], ["FRA"])
    )
    assert _states(outcome) == [REGIONS[region], "FRA"], (text, outcome.warnings)


def test_the_brief_s_examples() -> None:
    """The probe's cases, each with the state the model gave (or left empty)."""
    cases = {
        ("Trump's Russia envoy Lars Holm met French President Anna Berg in Paris.", "USA"): "USA",
        ("UN special Myanmar envoy Lars Holm met French President Anna Berg in Paris.", None): None,
        ("US Russia envoy Lars Holm met French President Anna Berg in Paris.", None): "USA",
        ("Sino-Russian envoy Lars Holm met French President Anna Berg in Paris.", None): None,
        ("Franco-German envoy Lars Holm met French President Anna Berg in Paris.", None): None,
        ("New Zealand envoy Lars Holm met French President Anna Berg in Paris.", None): "NZL",
        ("Guinea-Bissau President Lars Holm met French President Anna Berg.", None): "GNB",
        ("Kenyan President Lars Holm met French President Anna Berg in Paris.", None): "KEN",
        ("South Sudanese President Lars Holm met French President Anna Berg.", None): "SSD",
        ("Georgian Foreign Minister Lars Holm met French President Anna Berg.", None): "GEO",
    }
    for (said, model), state in cases.items():
        text = said + (" Officials from the United States also attended." if model else "")
        people = [person("Lars Holm", model) if model else _unknown("Lars Holm"),
                  person("Anna Berg", "FRA")]  # fmt: skip
        outcome = run("meeting", text, **meeting(people, [x for x in (model, "FRA") if x]))
        assert _states(outcome) == [state, "FRA"], (text, outcome.warnings)


# Second pass: every post that takes a state's name as its subject, another state's word
# before an adjective, a minister's portfolio.

#: States' names (short or ISO) a post may be for.
SUBJECTS = {**SHORT_NAMES, "Syria": "SYR", "Iran": "IRN", "Ukraine": "UKR"}
#: Titles of a post for a place or a subject: envoys, advisers, experts, czars.
SUBJECT_POSTS = st.sampled_from(
    ["adviser", "advisor", "security adviser", "senior adviser", "coordinator", "czar",
     "tsar", "negotiator", "expert", "envoy", "representative"]
)  # fmt: skip
#: Possessives that say whose the post is (the model's state, or none).
WHOSE = st.sampled_from(
    [("US President Donald Trump's ", "USA"), ("Trump's ", "USA"),
     ("The White House's ", "USA"), ("The UN's ", None), ("The EU's ", None)]
)  # fmt: skip


@FAST
@given(
    codes=THREE,
    names=NAMES,
    place=st.sampled_from(sorted(SUBJECTS)),
    whose=WHOSE,
    post=SUBJECT_POSTS,
)
def test_a_state_s_name_before_any_post_of_a_subject_is_the_subject(
    codes: tuple[str, ...],
    names: list[str],
    place: str,
    whose: tuple[str, str | None],
    post: str,
) -> None:
    """ "US President Donald Trump's Russia adviser A", "The UN's Syria adviser A": an
    adviser on Russia, on Syria, as an envoy for Russia is; the model's state (the US's,
    or none) stays, and no Russian or Syrian replaces it."""
    _, c, _ = codes
    owner, model = whose
    text = (
        f"{owner}{place} {post} {names[0]} met {SIDES[c][ADJ]} Foreign Minister {names[1]} "
        "on Tuesday." + (" Officials from the United States also attended." if model else "")
    )
    people = [person(names[0], model) if model else _unknown(names[0]), person(names[1], c)]
    outcome = run("meeting", text, **meeting(people, [x for x in (model, c) if x]))
    assert _states(outcome) == [model, c], (text, outcome.warnings)


#: A state's name before a "national" post: the nation's own post.
NATIONAL = {"Israel": "ISR", "India": "IND", "Russia": "RUS", "Turkey": "TUR"}


@FAST
@given(codes=THREE, names=NAMES, place=st.sampled_from(sorted(NATIONAL)))
def test_a_state_s_name_before_a_national_post_is_whose(
    codes: tuple[str, ...], names: list[str], place: str
) -> None:
    """ "Israel national security adviser A" is Israel's adviser: a nation's post."""
    _, c, _ = codes
    text = (
        f"{place} national security adviser {names[0]} met {SIDES[c][ADJ]} Foreign Minister "
        f"{names[1]} on Tuesday."
    )
    outcome = run("meeting", text, **meeting([_unknown(names[0]), person(names[1], c)], [c]))
    assert _states(outcome) == [NATIONAL[place], c], (text, outcome.warnings)


#: A word before a state's adjective: another state's (the two begin its name) or a
#: region's, with the model's state and a sentence that names it; or the state's own.
QUALIFIED = {
    "Equatorial Guinean": ("GNQ", " Equatorial Guinea hosted the next round."),
    "New Guinean": ("PNG", " Papua New Guinea hosted the next round."),
    "Central American": (None, ""),
    "Latin American": (None, ""),
    "Papua New Guinean": ("PNG", ""),
    "South Sudanese": ("SSD", ""),
}


@FAST
@given(
    names=NAMES,
    adjective=st.sampled_from(sorted(QUALIFIED)),
    title=st.sampled_from(["envoy", "President", "Foreign Minister", "trade envoy", "leader"]),
    empty=st.booleans(),
)
def test_a_word_of_another_state_s_or_a_region_s_name_before_an_adjective_is_read_with_it(
    names: list[str], adjective: str, title: str, empty: bool
) -> None:
    """ "Equatorial Guinean President A" is no Guinean (the model's Equatorial Guinea
    stays), "New Guinean envoy A" none, "Central American envoy A" no American: an
    adjective of several words is read whole; "Papua New Guinean" is Papua New Guinea's,
    "Equatorial Guinean" Equatorial Guinea's (countries.DEMONYMS since round 62)."""
    state, named = QUALIFIED[adjective]
    whole = adjective.startswith(("Papua", "South", "Equatorial"))  # an adjective the tables hold
    model = None if empty or whole else state
    text = f"{adjective} {title} {names[0]} met French President {names[1]} in Paris." + named
    first = person(names[0], model) if model else _unknown(names[0])
    outcome = run(
        "meeting",
        text,
        **meeting([first, person(names[1], "FRA")], [x for x in (model, "FRA") if x]),
    )
    expected = state if whole else model
    assert _states(outcome) == [expected, "FRA"], (text, outcome.warnings)


#: A minister's portfolio between the state's adjective and the title.
PORTFOLIOS = st.sampled_from(
    ["Foreign Affairs", "Home Affairs", "European Affairs", "Finance", "Interior", "Energy",
     "Health", "Justice", "Economy"]
)  # fmt: skip


@FAST
@given(codes=THREE, names=NAMES, portfolio=PORTFOLIOS, plural=st.booleans())
def test_a_minister_s_portfolio_is_part_of_the_title(
    codes: tuple[str, ...], names: list[str], portfolio: str, plural: bool
) -> None:
    """ "Ukrainian and Polish Foreign Affairs Ministers A and B": A is Ukrainian, B Polish,
    as with "Foreign Ministers"; "Ukrainian Finance Minister A" is Ukrainian."""
    a, c, _ = codes
    if plural:
        text = (
            f"{SIDES[a][ADJ]} and {SIDES[c][ADJ]} {portfolio} Ministers {names[0]} and "
            f"{names[1]} met in Paris on Monday."
        )
    else:
        text = (
            f"{SIDES[a][ADJ]} {portfolio} Minister {names[0]} met {SIDES[c][ADJ]} President "
            f"{names[1]} in Paris on Monday."
        )
    outcome = run("meeting", text, **meeting([_unknown(names[0]), _unknown(names[1])], []))
    assert _states(outcome) == [a, c], (text, outcome.warnings)


@FAST
@given(codes=THREE, names=NAMES, portfolio=PORTFOLIOS)
def test_a_portfolio_makes_no_plural_of_a_title_after_another_person_s_and(
    codes: tuple[str, ...], names: list[str], portfolio: str
) -> None:
    """ "Prime Minister A of Sweden and Polish Foreign Affairs Minister B": B is Polish;
    "Affairs" is no plural title that would make Sweden and Poland coordinated."""
    a, c, _ = codes
    text = (
        f"Prime Minister {names[0]} of {SIDES[a][EN]} and {SIDES[c][ADJ]} {portfolio} Minister "
        f"{names[1]} met in Paris on Monday."
    )
    outcome = run("meeting", text, **meeting([_unknown(names[0]), _unknown(names[1])], []))
    assert _states(outcome) == [a, c], (text, outcome.warnings)
