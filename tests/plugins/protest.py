"""A fifth record type written the way a user would: this one module, nothing else.

It proves the plugin path end to end (tests/test_plugin_type.py): extract,
bulk, flatten, schema and eval handle it with no edit anywhere in extractor/.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from extractor import Actor, Count, DateValue, Place, Record
from extractor.types.parts import CountryCode


class Protest(Record):
    """People gather in public to demand or oppose something (ACLED: Protests)."""

    type: Literal["protest"] = "protest"
    organisers: list[Actor] = Field(default_factory=list, description="who called the protest")
    country: CountryCode | None = None
    place: Place | None = None
    date: DateValue | None = None
    participants: Count | None = Field(default=None, description="how many took part")
    demands: str | None = Field(default=None, description="what the protesters demanded")

    guidance = "one record per protest, demonstration or rally the article reports."
    examples = (
        '"Some 300 farmers marched in Lyon on Friday" is a protest in FRA, place "Lyon", '
        'date "on Friday", participants 300.',
    )
    cue_words = (r"protest\w*", r"demonstrat\w*", r"rall(?:y|ies|ied)", r"march\w*")
