"""Cue words: the words without which a sentence cannot state an event of a type.

The words themselves belong to each record type (``extractor.types.visit``
declares the words of travel); this module holds what is common to all of
them: building a whole-word pattern from a word list, and checking a
sentence for any of a type's patterns. Two uses: the lexical screen
(:mod:`extractor.pipeline.gating`) skips a type whose words a chunk lacks,
and a record whose type declares evidence cues must cite a sentence that has
one. Without the second, the 1.5B model in one call for several types turned
arms-sale notices into a "visit" and a "meeting" between the buyer and the
seller, citing "The Government of Sweden has requested to buy ...".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "meet" as in meeting a need, not a person: "the proposed sale will improve
# Denmark's capability to meet current and future threats" (every arms-sale
# notice says it). Cut out before looking for the words of a meeting.
_MEET_A_NEED = re.compile(
    r"\bmeet\s+(?:(?!with\b)\w+\s+){0,4}?(?:threats?|needs?|requirements?|demands?|goals?|"
    r"targets?|standards?|obligations?|challenges?|expectations?|criteria|deadlines?)\b",
    re.I,
)


def cue_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive whole-word pattern for ``words`` (each a regex fragment)."""
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.I)


def states_any(cues: Iterable[re.Pattern[str]], sentence: str) -> bool:
    """Whether ``sentence`` has a word of any of ``cues`` (a met need is no meeting)."""
    text = _MEET_A_NEED.sub(" ", sentence)
    return any(cue.search(text) for cue in cues)


#: Every word of a meeting, in person or not: the meeting gate, and what a
#: meeting's (or a visit's) evidence may say.
MEETING_WORDS = cue_pattern(
    ["met", r"meet\w*", "talks?", "talked", "spoke", r"speak\w*", "call", "called", "phone",
     r"discuss\w*", "summit", r"conferr\w*", r"consult\w*", r"negotiat\w*", "readout",
     "bilateral", "hosted", "received"]
)  # fmt: skip
#: The words among them that say two sides met in person ("X visited Y and
#: met Z" is also a meeting; "X called Z" during a visit is not evidence of one).
MET_IN_PERSON = cue_pattern(
    ["met", "meet", "meets", "meeting", "talks", "held discussions", "discussed", "spoke with",
     "hosted", "received"]
)  # fmt: skip
#: Words of welcome: a visit announced by its host.
WELCOME_WORDS = cue_pattern([r"welcom\w*", "hosting"])
