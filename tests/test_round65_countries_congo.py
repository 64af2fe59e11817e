"""Round 65: the two Congos, by their names and by the seat that speaks for the bare name.

Each state's own names read as it ("Congo-Brazzaville", "Republic of the Congo" are COG;
"DRC", "DR Congo", "Democratic Republic of the Congo", French "RDC" are COD). A bare
"Congo" follows the capital whose officials speak in its clause ("Officials in
Brazzaville said Congo will vote": COG), as it already followed a dateline or where the
news was learned; a city that is only a circumstance ("a WHO office in Brazzaville") is
no cue, and the bare name keeps the default reading (the DRC).
"""

from __future__ import annotations

from itertools import product

from extractor.text.countries import countries_in_text

NAMED = (("Congo-Brazzaville", "COG"), ("The Republic of the Congo", "COG"),
         ("The DRC", "COD"), ("DR Congo", "COD"), ("The Democratic Republic of the Congo", "COD"))  # fmt: skip
VERBS = ("signed a deal on Monday.", "will hold a vote in March.", "closed its embassy.")


def test_each_congo_is_read_by_its_own_names() -> None:
    texts = [(f"{name} {verb}", code, "en") for (name, code), verb in product(NAMED, VERBS)]
    texts += [(f"La RDC {v}", "COD", "fr") for v in ("a signé un accord.", "votera en mars.")]
    wrong = [text for text, code, lang in texts if countries_in_text(text, lang) != [code]]
    assert not wrong, wrong


SEATS = {"Brazzaville": "COG", "Kinshasa": "COD"}
SPEAKERS = ("Officials", "Authorities", "Government sources", "Diplomats")
SEATED = ("{who} in {city} said Congo will hold a vote in March.",
          "Congo will hold a vote in March, {low} in {city} said.")  # fmt: skip


def test_a_bare_congo_follows_the_seat_that_speaks() -> None:
    """Fails on main: 8/16 (every Brazzaville sentence read as the DRC)."""
    texts = [
        (template.format(who=who, low=who.lower(), city=city), code)
        for (city, code), who, template in product(SEATS.items(), SPEAKERS, SEATED)
    ]
    wrong = [text for text, code in texts if countries_in_text(text, "en") != [code]]
    assert not wrong, f"{len(wrong)}/{len(texts)}: {wrong[:4]}"


def test_a_city_that_is_a_circumstance_is_no_cue() -> None:
    texts = [f"A WHO office in Brazzaville said Congo {verb}" for verb in VERBS] + [
        f"Delegates flew to Brazzaville after Congo {verb}" for verb in VERBS
    ]
    wrong = [text for text in texts if countries_in_text(text, "en") != ["COD"]]
    assert not wrong, wrong
