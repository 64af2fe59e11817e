"""Words without which a text cannot report an event of a type.

Two uses: the lexical screen (:mod:`extractor.gating`) skips a type whose
words a chunk lacks, and a visit or meeting record must cite a sentence that
says someone travelled or met (:mod:`extractor.records`). Without the second,
the 1.5B model in one call for several types turned arms-sale notices into a
"visit" and a "meeting" between the buyer and the seller, citing "The
Government of Sweden has requested to buy ...".
"""

from __future__ import annotations

import re

CUES: dict[str, re.Pattern[str]] = {
    "visit": re.compile(
        r"\b(visit\w*|trip|travel\w*|arriv\w*|tour\w*|delegation|hosted|hosts?|welcomed|"
        r"flew|landed|came to|went to|in town|state visit)\b",
        re.I,
    ),
    "meeting": re.compile(
        r"\b(met|meet\w*|talks?|talked|spoke|speak\w*|call|called|phone|discuss\w*|"
        r"summit|conferr\w*|consult\w*|negotiat\w*|readout|bilateral|hosted|received)\b",
        re.I,
    ),
    "arms_transfer": re.compile(
        r"\b(arms|weapons?|missiles?|munitions?|ammunition|military (?:aid|assistance|equipment|sale)|"
        r"security assistance|defen[cs]e (?:articles|equipment|sale)|foreign military sale|"
        r"aircraft|jets?|f-\d+|tanks?|drones?|helicopters?|artillery|rockets?|torpedo\w*|"
        r"radars?|howitzers?|rifles?|warships?|frigates?|submarines?|air defen[cs]e|himars|patriot)\b",
        re.I,
    ),
    "casualty_report": re.compile(
        r"\b(kill\w*|dead|deaths?|died|dying|injur\w*|wound\w*|casualt\w*|fatalit\w*|"
        r"death toll|lost their lives|lives|bodies|massacre\w*|shot|murder\w*|slain)\b",
        re.I,
    ),
}


_WELCOME = re.compile(r"\b(welcom\w*|hosting)\b", re.I)

# "meet" as in meeting a need, not a person: "the proposed sale will improve
# Denmark's capability to meet current and future threats" (every arms-sale
# notice says it). Cut out before looking for the words of a meeting.
_MEET_A_NEED = re.compile(
    r"\bmeet\s+(?:(?!with\b)\w+\s+){0,4}?(?:threats?|needs?|requirements?|demands?|goals?|"
    r"targets?|standards?|obligations?|challenges?|expectations?|criteria|deadlines?)\b",
    re.I,
)

# A sentence that states a visit says that someone travelled, met or was
# welcomed ("looks forward to welcoming President Moon to the White House").
EVIDENCE_CUES: dict[str, tuple[re.Pattern[str], ...]] = {
    "visit": (CUES["visit"], CUES["meeting"], _WELCOME),
    "meeting": (CUES["meeting"], _WELCOME),
}


def states_event(kind: str, sentence: str) -> bool:
    """Whether ``sentence`` has a word without which it cannot state a ``kind`` event.

    True for the types with no such words (a transfer or a toll is tied to
    the text by its figures and parties instead).
    """
    cues = EVIDENCE_CUES.get(kind)
    if not cues:
        return True
    text = _MEET_A_NEED.sub(" ", sentence)
    return any(cue.search(text) for cue in cues)
