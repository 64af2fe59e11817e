"""Titles and ranks: the words of a name that say what someone is, not who.

"General Soe Win" is identified by "Soe Win"; "President" or "Foreign
Minister" would match any president or minister. One list, used to find the
words of a name worth looking for in an article (:func:`name_words`) and to
tell military from civilian office holders.
"""

from __future__ import annotations

import re

#: Military ranks, as they stand before a name.
MILITARY_RANKS = frozenset(["general", "gen", "major", "colonel", "lieutenant", "admiral"])
#: Every word of a title, office, honorific or rank (and the little words between them).
TITLE_WORDS = MILITARY_RANKS | frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "prime",
        "minister",
        "vice",
        "senior",
        "secretary",
        "foreign",
        "defence",
        "defense",
        "king",
        "queen",
        "prince",
        "crown",
        "sheikh",
        "amir",
        "emir",
        "chancellor",
        "ambassador",
        "deputy",
        "acting",
        "chief",
        "director",
        "the",
        "of",
        "and",
        "sir",
        "lord",
        "madam",
    ]
)

#: Words of a title that make its holder military (a title, not a name: "army chief").
MILITARY_OFFICE = ("general", "admiral", "colonel", "commander", "army", "military")


def name_words(name: str) -> set[str]:
    """The words of a name that identify someone: "General Soe Win" -> {"Soe", "Win"}."""
    return {
        token
        for token in re.findall(r"[^\W\d_][\w'-]*", name)
        if len(token) >= 3 and token.lower() not in TITLE_WORDS
    }
