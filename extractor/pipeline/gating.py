"""A zero-cost screen: which record types could this text contain at all?

The per-type strategy makes one model call per type. Asking the model first
which types are present cost a call and, on the 1.5B model, missed types that
were plainly there (it answered "no meeting" for "X met with Y"). A lexical
screen is free, deterministic and tuned for recall: it only skips a type when
the text has none of the words that type needs. What passes is still judged by
the model, and what the model invents still fails grounding. A type that
declares no cue words is never screened out.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.types.registry import RecordSpec, get_type


def _cued(spec: RecordSpec, text: str) -> bool:
    if spec.cues is None:
        return True
    return any(pattern.search(text) for pattern in spec.cues.values())


def screen(text: str, types: Sequence[str]) -> list[str]:
    """The types among ``types`` whose cue words occur in ``text``.

    A type also passes when the words of a type it is ``cued_by`` occur: a
    meeting held abroad entails a visit even when the text never says "visit"
    ("met today in Washington with Saudi Vice Minister ...").
    """
    passed: list[str] = []
    for name in types:
        spec = get_type(name)
        if _cued(spec, text) or any(_cued(get_type(other), text) for other in spec.cued_by):
            passed.append(name)
    return passed
