"""A zero-cost screen: which record types could this text contain at all?

The per-type strategy makes one model call per type. Asking the model first
which types are present cost a call and, on the 1.5B model, missed types that
were plainly there (it answered "no meeting" for "X met with Y"). A lexical
screen is free, deterministic and tuned for recall: it only skips a type when
the text has none of the words that type needs. What passes is still judged by
the model, and what the model invents still fails grounding.
"""

from __future__ import annotations

import re

from .records import RecordType

_CUES: dict[RecordType, re.Pattern[str]] = {
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


def screen(text: str, types: tuple[RecordType, ...] | list[RecordType]) -> list[RecordType]:
    """The types among ``types`` whose cue words occur in ``text``.

    A meeting held abroad entails a visit even when the text never says
    "visit" ("met today in Washington with Saudi Vice Minister ..."), so a
    meeting cue also lets the visit call through.
    """
    found = {kind for kind, cue in _CUES.items() if cue.search(text)}
    if "meeting" in found:
        found.add("visit")
    return [kind for kind in types if kind in found]
