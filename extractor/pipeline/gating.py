"""A zero-cost screen: which record types could this text contain at all?

The per-type strategy makes one model call per type. Asking the model first
which types are present cost a call and, on the 1.5B model, missed types that
were plainly there (it answered "no meeting" for "X met with Y"). A lexical
screen is free, deterministic and tuned for recall: it only skips a type when
the text has none of the words that type needs. What passes is still judged by
the model, and what the model invents still fails grounding.
"""

from __future__ import annotations

from extractor.text.cues import CUES as _CUES
from extractor.types.base import RecordType


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
