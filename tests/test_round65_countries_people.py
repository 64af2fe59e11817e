"""Round 65: people named like states, and peoples named like people.

A state's (or a capital's) one-word name beside a capitalised word that makes a personal
name with it, in running text, is a person and no state ("Jordan Peterson said", "Michael
Jordan visited"); the same name before a title, a possessive, a conjunction or a noun of
its own stays the state ("Chad President Deby", "Jordan's King Abdullah", "Georgia and
Armenia", "India Today", "Lake Chad"). The corpora combine names, verbs and templates.
"""

from __future__ import annotations

from itertools import product

from extractor.text.countries import countries_in_text

STATES = {"Jordan": "JOR", "Chad": "TCD", "Georgia": "GEO", "Kenya": "KEN", "India": "IND",
          "Israel": "ISR"}  # fmt: skip
SURNAMES = ("Peterson", "Smith", "Barris", "Arie", "Adesanya", "Katz", "Okafor", "Lindqvist")
GIVEN = ("Michael", "Sarah", "Tom", "Ahmed", "Maria", "Steve")
#: (template, code of the other place it names)
AFTER = (
    ("{name} visited Rome on Monday.", "ITA"),
    ("{name} said on Tuesday that the film would open in Paris.", "FRA"),
    ("The producer {name}, who lives in Madrid, won the award.", "ESP"),
    ("Fans cheered as {name} arrived in Rome.", "ITA"),
    ("A photo of {name} in Paris drew praise.", "FRA"),
)


def _forenames() -> list[tuple[str, str, str]]:
    return [
        (template.format(name=f"{state} {surname}"), code, other)
        for (state, code), surname, (template, other) in product(STATES.items(), SURNAMES, AFTER)
    ]


def _surnames() -> list[tuple[str, str, str]]:
    return [
        (template.format(name=f"{given} {state}"), code, other)
        for (state, code), given, (template, other) in product(STATES.items(), GIVEN, AFTER)
    ]


#: A state's name beside a capitalised word that is no personal name: the state.
KEPT = (
    "{state} President Idriss Smith visited Rome.",
    "{state}'s King Abdullah met officials in Rome.",
    "{state} and Armenia signed a deal in Rome.",
    "{state} Today reported that talks opened in Rome.",
    "Officials in {state} said on Monday that talks opened in Rome.",
    "{state}, Peru and Chile signed a deal in Rome.",
    "Visiting {state}, the minister said talks would open in Rome.",
    "Unlike {state}, Rome has no such law.",
    "Troops from {state} arrived in Rome.",
    "{state} Airways said flights to Rome resumed.",
    "Biden To Visit {state} And Rome Next Week",
    "Talks With {state} Open In Rome",
    "The {state} Valley flooded before the Rome talks.",
    "In {state}, Smith said, talks would open in Rome.",
    "{state} said it would send envoys to Rome.",
    "Prime Minister Smith of {state} flew to Rome.",
    "The foreign minister of {state} arrived in Rome.",
    "Communist {state} sent envoys to Rome.",
)


def test_a_state_beside_no_personal_name_stays_the_state() -> None:
    wrong = [
        text
        for template, (state, code) in product(KEPT, STATES.items())
        if code not in countries_in_text(text := template.format(state=state), "en")
    ]
    assert not wrong, f"{len(wrong)}/{len(KEPT) * len(STATES)}: {wrong[:8]}"


#: Peoples' plurals (and one-word state names) that a person's given name may spell.
PLURALS = {"Thais": "THA", "Kenyans": "KEN", "Filipinos": "PHL", "Germans": "DEU"}
NAMES_IN_HEADLINES = ("{x} {s} Reveals Pregnancy", "{x} {s} Wins Award In Paris",
                      "{x} {s} Opens Up About Her Divorce")  # fmt: skip
BODIES = ("\n\nThe actress {x} {s} posted a photo on Monday.",
          "\n\nIn an interview on Monday, the singer {s} said she was happy.",
          "\n\nFans of {s}, 39, cheered.")  # fmt: skip


def test_a_name_in_a_title_case_headline_is_read_by_the_text() -> None:
    """A headline in title case capitalises verbs too; the body writes the surname as a
    name, so the plural before it is a given name there. Fails on main: 153/153."""
    texts = [
        ((headline + body).format(x=x, s=s), code)
        for (x, code), s, headline, body in product(
            # a people's plural _given_name reads ("Filipinos" is not one of them yet)
            {x: c for x, c in PLURALS.items() if x != "Filipinos"}.items(),
            ("Fersoza", "Okafor", "Lindqvist"),
            NAMES_IN_HEADLINES,
            BODIES,
        )
    ]
    wrong = [text for text, code in texts if code in countries_in_text(text, "en")]
    assert not wrong, f"{len(wrong)}/{len(texts)}: {wrong[:3]}"


PEOPLE_HEADLINES = (("{x} Flee Floods", "\n\nThousands of {x} fled the floods on Monday."),
                    ("{x} Protest New Law", "\n\nProtest leaders said {x} would march."),
                    ("{x} Mourn Victims", "\n\nMany {x} mourn the victims of the attack."),
                    ("{x} Vote In Election", "\n\nOn Sunday, millions of {x} voted."),
                    ("The {x} Welcome Envoy", "\n\nThe envoy was welcomed."))  # fmt: skip


def test_a_people_in_a_title_case_headline_stays_the_people() -> None:
    texts = [
        ((headline + body).format(x=x), code)
        for (x, code), (headline, body) in product(PLURALS.items(), PEOPLE_HEADLINES)
    ]
    wrong = [text for text, code in texts if code not in countries_in_text(text, "en")]
    assert not wrong, f"{len(wrong)}/{len(texts)}: {wrong[:3]}"
