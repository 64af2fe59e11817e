"""What one extraction returns: the records by type, and how they were obtained.

The metadata is what makes a run auditable and reproducible: which model and
prompt version produced the records, against which schema, at what cost in
tokens and calls (summed over every attempt, failed ones included, because
retries cost real money), and what was dropped and why.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    computed_field,
    create_model,
    field_validator,
    model_serializer,
    model_validator,
)

from extractor.blank import is_blank
from extractor.pipeline.document import Document
from extractor.pipeline.resolve import RECORD_MARK, RECORD_MARK_END
from extractor.redact import redact
from extractor.types.base import Record
from extractor.types.registry import builtin_types, get_type, registered_types

#: The most tokens one call is counted: no model reads or writes a billion tokens in one
#: call (the largest context windows hold a few million). A server's count above it, like
#: a negative, fractional or non-numeric one, is not a count (see :func:`token_count`).
MAX_CALL_TOKENS = 10**9
#: The most tokens a :class:`Usage` holds (a million calls of :data:`MAX_CALL_TOKENS`): the
#: bound that keeps a sum of counts, and its cost, a finite float. It is also the bound of
#: a count read back from a results line (a line holds one Usage): ``token_count(value,
#: MAX_USAGE_TOKENS)``.
MAX_USAGE_TOKENS = MAX_CALL_TOKENS * 10**6
#: The warning a result carries when a server's token count was not a count.
UNKNOWN_USAGE_WARNING = (
    "the server reported a token count that is not a count (negative, fractional, not a "
    f"number, or above {MAX_CALL_TOKENS:,} for one call): counted as 0, so this "
    "document's tokens and cost are too low"
)


def token_count(value: Any, limit: int = MAX_CALL_TOKENS) -> int | None:
    """A token count as a whole number of tokens in ``[0, limit]``; 0 when none was given
    (None); None when what was given is not a count.

    The one rule for "is this value a token count", whoever reads it: a server's
    answer of any API (``usage.prompt_tokens``, Anthropic's ``usage.input_tokens``,
    a refusal's usage too: :func:`answer_usage`) with ``limit`` the bound of one call,
    :data:`MAX_CALL_TOKENS`, and a results line read back (``extractor eval``, a bulk
    rerun) with the bound of a whole document's usage, :data:`MAX_USAGE_TOKENS`. A
    count is a JSON number that is whole (``12.0`` is 12), and neither a bool (``true``
    is JSON's, not a number), a string (``"12"``), NaN or an infinity. The bounds
    exist because the counts are summed and priced: ``1e308`` made the cost an
    ``OverflowError``, a 309-digit number went into the results line, ``-5`` a
    negative cost; under them, any sum a run makes stays a finite float. Never raises.
    """
    if value is None:
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None
        value = int(value)
    if not isinstance(value, int) or not 0 <= value <= limit:
        return None
    return value


class Usage(BaseModel):
    """Tokens spent, summed over every call and attempt.

    Invariant: each count is a whole number in ``[0, MAX_USAGE_TOKENS]``, whatever
    the server said: a count read from a server passes :func:`token_count` (in
    :meth:`add`, :meth:`of_call`; in the validator for every other way in: JSON read
    back, a cache entry), and one that is not a count is 0, remembered (``unknown``)
    so that the result says so once (:class:`ExtractionMetadata`).
    """

    model_config = ConfigDict(extra="forbid")

    prompt_tokens: int = 0
    completion_tokens: int = 0
    #: A count that made this usage was not a count (counted as 0).
    _unknown: bool = PrivateAttr(default=False)

    @model_validator(mode="wrap")
    @classmethod
    def _counts(cls, data: Any, handler: Any) -> Any:
        """Accept our own JSON back (the total is derived); a count that is not one is 0."""
        unknown = False
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k != "total_tokens"}
            for name in ("prompt_tokens", "completion_tokens"):
                if name in data:
                    count = token_count(data[name], MAX_USAGE_TOKENS)
                    unknown = unknown or count is None
                    data[name] = count or 0
        usage = handler(data)
        if unknown and isinstance(usage, Usage):
            usage._unknown = True
        return usage

    @classmethod
    def of_call(cls, prompt_tokens: Any, completion_tokens: Any) -> Usage:
        """The usage of one call from the counts its server gave (see :func:`token_count`)."""
        usage = cls()
        usage.add(prompt_tokens, completion_tokens)
        return usage

    @property
    def unknown(self) -> bool:
        """Whether a count that made this usage was not a count (and was counted as 0)."""
        return self._unknown

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        total = Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )
        total._unknown = total._unknown or self._unknown or other._unknown
        return total

    def add(self, prompt_tokens: Any, completion_tokens: Any) -> None:
        """Accumulate one call's counts, as its server gave them, in place (used while a call
        is being retried); a count that is not one (:func:`token_count`) adds 0."""
        for name, value in (
            ("prompt_tokens", prompt_tokens),
            ("completion_tokens", completion_tokens),
        ):
            count = token_count(value)
            if count is None:
                self._unknown = True
                continue
            setattr(self, name, min(getattr(self, name) + count, MAX_USAGE_TOKENS))


#: What stands for both counts of a ``usage`` that is JSON but no object (``[]``, ``"x"``,
#: ``5``): no count (:func:`token_count` says so), whatever the value was.
NO_USAGE_OBJECT = "the usage is not an object"


def answer_usage(usage: Any, names: tuple[str, str]) -> Usage:
    """The usage of one answer from the ``usage`` object its server sent, its (prompt,
    completion) counts under ``names`` (``("input_tokens", "output_tokens")`` for
    Anthropic): each read by :func:`token_count`, so that an answer of any API, a
    refusal too, counts the same; none (null, absent) is no usage, and any other JSON that
    is no object (a list, a string, a number) counts 0 with the warning a bad count gives."""
    if usage is None:
        return Usage()
    if not isinstance(usage, Mapping):
        return Usage.of_call(NO_USAGE_OBJECT, NO_USAGE_OBJECT)
    return Usage.of_call(usage.get(names[0]), usage.get(names[1]))


def usage_warnings(usage: Usage, warnings: Iterable[str] = ()) -> list[str]:
    """``warnings``, and :data:`UNKNOWN_USAGE_WARNING` once when ``usage`` holds a count that
    was not one: what every results line says, whatever its status (an error line's usage
    is what its failed calls cost, and is as wrong as an ok line's)."""
    said = list(warnings)
    if usage.unknown and UNKNOWN_USAGE_WARNING not in said:
        said.append(UNKNOWN_USAGE_WARNING)
    return said


class FailedCall(BaseModel):
    """A call whose answer never validated: the records it asked for are missing.

    Why the document keeps the other calls' records: with one call per type
    (``per-type``), a model that loops on the meetings of an article still
    answers its visits and casualties; dropping those too would lose what was
    found for what was not. The result says what is missing instead, and a
    bulk rerun with ``--retry-errors`` asks again.
    """

    model_config = ConfigDict(extra="forbid")

    types: list[str] = Field(description="The record types the call asked for.")
    chunk: int = Field(description="The chunk of the text it was about (0 for the first).")
    reason: str = Field(description="Why it failed, in one line.")

    @field_validator("reason")
    @classmethod
    def _redacted(cls, reason: str) -> str:
        return redact(reason)


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
    failed_calls: list[FailedCall] = Field(
        default_factory=list,
        description="Calls that gave no valid answer: the records they asked for are missing.",
    )

    @field_validator("warnings")
    @classmethod
    def _redacted(cls, warnings: list[str]) -> list[str]:
        """Warnings quote the model's answer ("place '...' is not in the article"), and a
        model or server may echo an API key into it: every way into a result's metadata
        (the engine, batch results, the cache, JSON read back) passes here, so this is
        the one place they are redacted (:mod:`extractor.redact`)."""
        return [redact(warning) for warning in warnings] if warnings else warnings

    @model_validator(mode="after")
    def _usage_unknown(self) -> ExtractionMetadata:
        """A server's token count that was not a count is said once, in the warnings."""
        if self.usage.unknown:
            self.warnings = usage_warnings(self.usage, self.warnings)
        return self


class ArticleExtraction(BaseModel):
    """The records found in one article, grouped by type, with metadata.

    Each type's records are under its plural name, as an attribute
    (``result.visits``) and as a key of the JSON (``"visits": [...]``); the
    built-in types' lists are always present, a user type's when it has
    records or was asked for. Which plural belongs to which type comes from
    the registry, so a plugin's records round-trip like the built-ins'.
    """

    model_config = ConfigDict(extra="forbid")

    doc_id: str | None = None
    published: date | None = None
    groups: dict[str, list[Record]] = Field(default_factory=dict, exclude=True, repr=False)
    metadata: ExtractionMetadata
    _document: Document | None = PrivateAttr(default=None)

    @field_validator("doc_id")
    @classmethod
    def _visible_id(cls, doc_id: str | None) -> str | None:
        """A blank doc_id is refused, as a Document's is: every reader of results takes a
        line holding one for a damaged one (:func:`~extractor.io.output.is_doc_id`)."""
        if doc_id is not None and is_blank(doc_id):
            raise ValueError(f"doc_id={doc_id!a} is blank: give the document's id, or None")
        return doc_id

    @model_validator(mode="before")
    @classmethod
    def _gather(cls, data: Any) -> Any:
        """Read each type's list (by its plural) into its record class."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        groups: dict[str, list[Record]] = {}
        for name, items in dict(data.pop("groups", None) or {}).items():
            groups[name] = list(items)
        for spec in registered_types():
            if spec.plural in data:
                items = data.pop(spec.plural) or []
                groups[spec.plural] = [
                    item if isinstance(item, spec.record) else spec.record.model_validate(item)
                    for item in items
                ]
        for spec in builtin_types():
            groups.setdefault(spec.plural, [])
        data["groups"] = groups
        return data

    def served_as(self, doc_id: str, **metadata: Any) -> ArticleExtraction:
        """This result served for the document ``doc_id`` without a call (a result cache's
        hit, a row repeating another's document): records' ``doc_id`` and ids made anew
        for it (a record's id is made of its document's), ``cached`` set, with
        ``metadata``'s other updates, so no record of one document is read as another's."""
        groups: dict[str, list[Record]] = {}
        for name, records in self.groups.items():
            groups[name] = [r.model_copy(update={"doc_id": doc_id, "id": ""}) for r in records]
            for record in groups[name]:
                record.id = record.compute_id()
        served = self.metadata.model_copy(update={"cached": True, **metadata})
        return self.model_copy(update={"doc_id": doc_id, "metadata": served, "groups": groups})

    @model_validator(mode="after")
    def _name_records(self) -> ArticleExtraction:
        """Warnings name a record as it is in this result (see :func:`named_in_output`)."""
        warnings = self.metadata.warnings
        if warnings:
            named = named_in_output(warnings, self.groups)
            if named != warnings:
                self.metadata = self.metadata.model_copy(update={"warnings": named})
        return self

    @model_serializer(mode="wrap")
    def _spread(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        """Write each type's list under its plural, between the header and the metadata."""
        data = handler(self)
        if not isinstance(data, dict):
            return data
        metadata = data.pop("metadata", None)
        for name, records in self.groups.items():
            data[name] = [r.model_dump(mode=info.mode, exclude_none=info.exclude_none)
                          for r in records]  # fmt: skip
        if metadata is not None:
            data["metadata"] = metadata
        return data

    def __getattr__(self, name: str) -> Any:
        groups = self.__dict__.get("groups")
        if groups is not None and name in groups:
            return groups[name]
        if groups is not None and any(spec.plural == name for spec in registered_types()):
            return []
        return super().__getattr__(name)  # type: ignore[misc]

    @property
    def document(self) -> Document | None:
        """The Document the records were extracted from, when this process extracted them.

        Its ``text`` is what the evidence offsets index (for a markdown or HTML
        input, the body the reader kept, not the string passed in), beside
        its title, URL and source. It is not part of the JSON, so a result
        read back from JSON has None.
        """
        return self._document

    @property
    def complete(self) -> bool:
        """False when a call gave no valid answer (``metadata.failed_calls`` says which):
        the records of its types in its chunk are missing."""
        return not self.metadata.failed_calls

    @property
    def records(self) -> list[Record]:
        """All records, in type order."""
        return [record for records in self.groups.values() for record in records]

    def rows(self, type: str | type[Record] | None = None) -> list[dict[str, Any]]:
        """The records as the rows ``extractor flatten`` writes, one dict per record.

        ``type`` None gives the ``events`` table (every record, the columns all
        types share: ``record_type``, ``event_date``, ``countries`` ...); a
        type name or class (``"visit"``, ``Visit``) gives that type's own
        table, ``"documents"`` this result's one row. Dates are
        :class:`datetime.date`, lists lists. Many results, or a DataFrame:
        :func:`extractor.results_to_frame`.
        """
        from extractor.export.frames import table_rows  # export sits above the pipeline

        return table_rows(self, type)

    def by_type(self, record_type: str) -> list[Record]:
        return list(self.groups.get(get_type(record_type).plural, []))

    def counts(self) -> dict[str, int]:
        """Records per type name: every built-in type, and each other type asked for."""
        counts = {spec.name: 0 for spec in builtin_types()}
        for spec in registered_types():
            if spec.plural in self.groups:
                counts[spec.name] = len(self.groups[spec.plural])
        return counts


def named_in_output(warnings: list[str], groups: Mapping[str, list[Record]]) -> list[str]:
    """``warnings`` with each record named as it is in the output lists ``groups``.

    Resolution marks a warning about a record (:func:`~extractor.pipeline.resolve.
    about_record`); here, where the records are final (chunks joined, duplicates merged,
    unsupported records left out), the mark becomes the record's list and index
    (``meetings[1]: date 'May 3' is not in the article: left empty``), or says that the
    record is not in the output. (A draft the validation dropped is said to be dropped,
    without an index, by :class:`~extractor.pipeline.resolve.Resolution`.)
    Per result: nothing is kept between calls.
    """
    places: dict[str, str] = {}
    for plural, records in groups.items():
        for index, record in enumerate(records):
            places.setdefault(record.id, f"{plural}[{index}]")
    named: list[str] = []
    for warning in warnings:
        if warning.startswith(RECORD_MARK) and RECORD_MARK_END in warning:
            mark, _, message = warning[len(RECORD_MARK) :].partition(RECORD_MARK_END)
            kind, _, record_id = mark.rpartition("/")
            place = places.get(record_id)
            if place is not None:
                text = f"{place}: {message}"
            else:
                text = f"a {kind or 'record'} not in the output (merged or left out): {message}"
            if text not in named:
                named.append(text)
            continue
        named.append(warning)
    return named


def group_records(records: list[Record], types: tuple[str, ...] = ()) -> dict[str, list[Record]]:
    """Records under their type's plural: every built-in type and every type in ``types``."""
    groups: dict[str, list[Record]] = {spec.plural: [] for spec in builtin_types()}
    for name in types:
        groups.setdefault(get_type(name).plural, [])
    for record in records:
        groups.setdefault(get_type(record.record_type).plural, []).append(record)
    return groups


def record_schemas(types: tuple[str, ...] | None = None) -> dict[str, dict[str, Any]]:
    """JSON Schema of each record type and of the per-article container.

    ``types``: the type names to include (default: the built-in types).
    """
    specs = builtin_types() if types is None else tuple(get_type(t) for t in types)
    schemas = {spec.name: spec.record.model_json_schema(mode="serialization") for spec in specs}
    fields: dict[str, Any] = {
        "doc_id": (str | None, None),
        "published": (date | None, None),
        **{spec.plural: (list[spec.record], Field(default_factory=list))  # type: ignore[name-defined]
           for spec in specs},
        "metadata": (ExtractionMetadata, ...),
    }  # fmt: skip
    container = create_model(
        "ArticleExtraction",
        __config__=ConfigDict(extra="forbid"),
        __doc__=ArticleExtraction.__doc__.split("\n\n")[0] if ArticleExtraction.__doc__ else None,
        **fields,
    )
    schemas["article_extraction"] = container.model_json_schema(mode="serialization")
    return schemas


@cache
def schema_version() -> str:
    """A short hash of the built-in record schemas: changes whenever a field changes."""
    payload = json.dumps(record_schemas(), sort_keys=True).encode("utf-8")
    return "1." + hashlib.sha256(payload).hexdigest()[:12]
