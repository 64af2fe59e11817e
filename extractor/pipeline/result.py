"""What one extraction returns: the records by type, and how they were obtained.

The metadata is what makes a run auditable and reproducible: which model and
prompt version produced the records, against which schema, at what cost in
tokens and calls (summed over every attempt, failed ones included, because
retries cost real money), and what was dropped and why.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from extractor.types.base import ArmsTransfer, CasualtyReport, Meeting, Record, RecordType, Visit


class Usage(BaseModel):
    """Tokens spent, summed over every call and attempt."""

    model_config = ConfigDict(extra="forbid")

    prompt_tokens: int = 0
    completion_tokens: int = 0

    @model_validator(mode="before")
    @classmethod
    def _drop_total(cls, data: Any) -> Any:
        """Accept our own JSON back: the total is derived."""
        if isinstance(data, dict) and "total_tokens" in data:
            data = {k: v for k, v in data.items() if k != "total_tokens"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )

    def add(self, prompt_tokens: int | None, completion_tokens: int | None) -> None:
        """Accumulate in place (used while a call is being retried)."""
        self.prompt_tokens += prompt_tokens or 0
        self.completion_tokens += completion_tokens or 0


class ExtractionMetadata(BaseModel):
    """How the records were obtained."""

    model_config = ConfigDict(extra="forbid")

    model: str
    prompt_version: str
    schema_version: str
    strategy: str
    usage: Usage = Field(default_factory=Usage)
    calls: int = 0
    reasks: int = 0
    seconds: float = 0.0
    cached: bool = False
    chunks: int = 1
    dropped: int = Field(default=0, description="Records dropped because they failed validation.")
    warnings: list[str] = Field(default_factory=list)


class ArticleExtraction(BaseModel):
    """The records found in one article, grouped by type, with metadata."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str | None = None
    published: date | None = None
    visits: list[Visit] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    arms_transfers: list[ArmsTransfer] = Field(default_factory=list)
    casualty_reports: list[CasualtyReport] = Field(default_factory=list)
    metadata: ExtractionMetadata

    @property
    def records(self) -> list[Record]:
        """All records, in type order."""
        return [*self.visits, *self.meetings, *self.arms_transfers, *self.casualty_reports]

    def by_type(self, record_type: RecordType) -> list[Record]:
        return list(getattr(self, FIELD_FOR_TYPE[record_type]))

    def counts(self) -> dict[str, int]:
        return {t: len(getattr(self, f)) for t, f in FIELD_FOR_TYPE.items()}


FIELD_FOR_TYPE: dict[RecordType, str] = {
    "visit": "visits",
    "meeting": "meetings",
    "arms_transfer": "arms_transfers",
    "casualty_report": "casualty_reports",
}


def record_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of each record type and of the per-article container."""
    return {
        "visit": Visit.model_json_schema(mode="serialization"),
        "meeting": Meeting.model_json_schema(mode="serialization"),
        "arms_transfer": ArmsTransfer.model_json_schema(mode="serialization"),
        "casualty_report": CasualtyReport.model_json_schema(mode="serialization"),
        "article_extraction": ArticleExtraction.model_json_schema(mode="serialization"),
    }


@cache
def schema_version() -> str:
    """A short hash of the record schemas: changes whenever a field changes."""
    payload = json.dumps(record_schemas(), sort_keys=True).encode("utf-8")
    return "1." + hashlib.sha256(payload).hexdigest()[:12]
