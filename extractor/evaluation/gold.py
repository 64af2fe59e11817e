"""Reading gold files (GOLD_FORMAT.md) into typed objects.

The gold format is deliberately independent of the project's record schema, so
this module knows the format's own field list (:data:`RECORD_FIELDS`) and
nothing about the Pydantic records the extractor produces. Predictions are
compared in the same dict shape (see :mod:`extractor.evaluation.scoring`).

Validation is strict and eager: a gold file is written by people, and a typo
("2023/05", "usa", a missing ``evidence``) silently scored as "the model was
wrong" would corrupt every number computed from it. Every problem is reported
as a :class:`GoldFormatError` naming the file and the line.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz.distance import DamerauLevenshtein

from extractor.blank import is_blank
from extractor.errors import GoldFormatError, OutputError
from extractor.io.output import open_results
from extractor.pipeline.document import input_id, replace_surrogates
from extractor.redact import escape_surrogates
from extractor.text.countries import is_alpha3
from extractor.text.grounding import normalise_text
from extractor.types.goldspec import FieldKind
from extractor.types.registry import GoldSpec, registered_types

__all__ = [
    "ENUM_VALUES",
    "RECORD_FIELDS",
    "RECORD_TYPES",
    "FieldKind",
    "GoldDocument",
    "GoldFormatError",
    "evidence_found",
    "load_gold",
    "normalize_for_grounding",
    "parse_gold_document",
    "validate_record",
]


K = FieldKind
logger = logging.getLogger(__name__)


class _GoldFields(Mapping[str, Mapping[str, FieldKind]]):
    """Record type -> its scored fields, in display order, read from the registry.

    Every registered type with a gold mapping is scored: the built-in ones and
    any plugin or user type (whose fields are scored by kind). Other keys of a
    gold record (``note``, ``status`` on visits and meetings, ``optional``,
    ``evidence``) are not scored.
    """

    def _specs(self) -> dict[str, GoldSpec]:
        return {s.name: s.gold for s in registered_types() if s.gold is not None}

    def __getitem__(self, key: str) -> Mapping[str, FieldKind]:
        gold = self._specs().get(key)
        if gold is None:
            raise KeyError(key)
        return gold.fields

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs())

    def __len__(self) -> int:
        return len(self._specs())


class _EnumValues(Mapping[tuple[str, str], frozenset[str]]):
    """Allowed values of the enumerated fields, keyed by (type, field)."""

    def _all(self) -> dict[tuple[str, str], frozenset[str]]:
        return {
            (s.name, f): v for s in registered_types() if s.gold for f, v in s.gold.enums.items()
        }

    def __getitem__(self, key: tuple[str, str]) -> frozenset[str]:
        return self._all()[key]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class _GoldTypes(Sequence[str]):
    """The scored record types, in the order reports list them."""

    def _names(self) -> list[str]:
        return list(RECORD_FIELDS)

    def __getitem__(self, index: Any) -> Any:
        return self._names()[index]

    def __len__(self) -> int:
        return len(self._names())


#: The scored fields of each record type, in display order (from the registry).
RECORD_FIELDS: Mapping[str, Mapping[str, FieldKind]] = _GoldFields()
#: The scored record types, in the order reports list them.
RECORD_TYPES: Sequence[str] = _GoldTypes()
#: Allowed values of the enumerated fields, keyed by (type, field).
ENUM_VALUES: Mapping[tuple[str, str], frozenset[str]] = _EnumValues()

_ISO3 = re.compile(r"^[A-Z]{3}$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One line of a gold file: an article and its annotated records.

    ``records`` stay plain dicts in the gold format, because the scorer compares
    predictions in that same shape; ``extra`` keeps the provenance keys
    (``group``, ``source_path``, ``text_sha256`` ...) that are not scored.
    """

    id: str
    text: str
    published: date | None = None
    records: list[dict[str, Any]] = field(default_factory=list)
    source: str | None = None
    license: str | None = None
    #: Where the article was published (``url``, optional): a live run reads it from the
    #: page or front matter, and a government's address decides who "the President" is.
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Read the text as bulk and the Python API read an article's: each lone surrogate
        (``"\\ud800"`` in JSON) becomes U+FFFD, one for one, with a warning
        (:func:`~extractor.pipeline.document.replace_surrogates`).

        Why here, once: no UTF-8 carries a lone surrogate, so every later use of the text
        (the gold fingerprint, ``text_sha256``, the request, a saved line) would fail on
        it; and bulk, reading the same gold line, extracts the replaced text, so its line's
        hash is of that text. A gold document built in Python is read the same way.
        """
        if isinstance(self.text, str):
            text, invalid = replace_surrogates(self.text, f"gold document {self.id!r}: 'text'")
            if invalid:
                logger.warning("%s; read with U+FFFD in their place", invalid)
                object.__setattr__(self, "text", text)

    @property
    def required_records(self) -> list[dict[str, Any]]:
        """Records a prediction is rewarded for finding and punished for missing."""
        return [r for r in self.records if not r.get("optional", False)]

    @property
    def optional_records(self) -> list[dict[str, Any]]:
        """Allegations, planned events and borderline cases: neither rewarded nor punished."""
        return [r for r in self.records if r.get("optional", False)]


def normalize_for_grounding(text: str) -> str:
    """Normalise text so that evidence survives re-typesetting.

    The project's one fold (:func:`extractor.text.grounding.normalise_text`):
    quotes, dashes and compatibility forms unified, whitespace runs collapsed
    (line breaks inside a quoted sentence are common in Federal Register
    texts), case folded, so a model that re-capitalises a quoted sentence
    start is still grounded.
    """
    return normalise_text(text)


def evidence_found(evidence: object, text: str) -> bool:
    """Whether ``evidence`` occurs in ``text`` after :func:`normalize_for_grounding`.

    Empty or non-string evidence is never found: a record without a quote is
    not grounded, whatever else is right about it.
    """
    if not isinstance(evidence, str):
        return False
    needle = normalize_for_grounding(evidence)
    return bool(needle) and needle in normalize_for_grounding(text)


def _is_partial_date(value: str) -> bool:
    """Whether ``value`` is a real calendar date at year, month or day precision."""
    m = _PARTIAL_DATE.match(value)
    if m is None:
        return False
    year, month, day = m.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _is_country(value: object) -> bool:
    """A known ISO 3166-1 alpha-3 code in capitals (``ZZZ`` matches the shape, and no
    prediction can ever have it: the record could never be matched)."""
    return isinstance(value, str) and bool(_ISO3.match(value)) and is_alpha3(value)


def _is_int(value: object) -> bool:
    # bool is an int subclass; ``true`` as a count is a gold typo, not 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value)


def _field_problem(rtype: str, name: str, kind: FieldKind, value: object) -> str | None:
    """Say what is wrong with one field value, or ``None`` if it is well formed."""
    if kind in (K.NAMES, K.ITEMS):
        if not isinstance(value, list) or not all(
            isinstance(v, str) and not is_blank(v) for v in value
        ):
            return "must be a list of non-blank strings"
        return None
    if kind is K.COUNTRY_SET:
        if not isinstance(value, list) or not all(_is_country(v) for v in value):
            return "must be a list of ISO 3166-1 alpha-3 codes (e.g. ['USA', 'CHN'])"
        return None
    if value is None:
        return None
    if kind is K.COUNTRY:
        if not _is_country(value):
            return "must be an ISO 3166-1 alpha-3 code in capitals (e.g. 'USA') or null"
    elif kind in (K.ACTOR, K.TEXT):
        if not isinstance(value, str) or is_blank(value):
            return "must be a non-blank string or null"
    elif kind is K.DATE:
        if not isinstance(value, str) or not _is_partial_date(value):
            return "must be a date YYYY, YYYY-MM or YYYY-MM-DD, or null"
    elif kind is K.QUANTITY:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return "must be a non-negative integer or null"
    elif kind is K.ENUM:
        allowed = ENUM_VALUES[(rtype, name)]
        try:
            known = value in allowed
        except TypeError:  # a list or an object where one value is wanted: unhashable
            known = False
        if not known:
            return f"must be one of {sorted(allowed)} or null"
    elif kind is K.MONEY:
        if (
            not isinstance(value, dict)
            or set(value) - {"amount", "currency"}
            or not _is_number(value.get("amount"))
            or value["amount"] < 0
            or not isinstance(value.get("currency"), str)
            or not value["currency"]
        ):
            return 'must be {"amount": non-negative number, "currency": "USD"} or null'
    elif kind is K.COUNT:
        if not isinstance(value, dict) or set(value) - {"low", "best", "high"}:
            return 'must be {"low": int, "best": int, "high": int} (any may be null) or null'
        nums = [value.get(k) for k in ("low", "best", "high")]
        if not all(n is None or (_is_int(n) and n >= 0) for n in nums):
            return "low, best and high must be non-negative integers or null"
        present = [n for n in nums if n is not None]
        if present != sorted(present):
            return "must satisfy low <= best <= high"
    return None


def validate_record(record: object, *, check_fields: bool = True) -> list[str]:
    """List the problems of one gold-format record (empty list: valid).

    Used for gold records (with ``check_fields``) and, with
    ``check_fields=False``, for predictions, where only the ``type`` must be
    right: a malformed predicted value is simply scored as wrong.
    Missing fields are read as ``null`` ("the text does not say").
    """
    if not isinstance(record, Mapping):
        return [f"must be a JSON object, got {type(record).__name__}"]
    rtype = record.get("type")
    if rtype not in RECORD_FIELDS:
        return [f"'type' must be one of {list(RECORD_TYPES)}, got {rtype!r}"]
    if not check_fields:
        return []
    problems: list[str] = []
    evidence = record.get("evidence")
    if not isinstance(evidence, str) or is_blank(evidence):
        problems.append("'evidence' must be a non-blank string")
    if "optional" in record and not isinstance(record["optional"], bool):
        problems.append("'optional' must be true or false")
    fields = RECORD_FIELDS[str(rtype)]
    for name, kind in fields.items():
        default: object = [] if kind in (K.NAMES, K.ITEMS, K.COUNTRY_SET) else None
        problem = _field_problem(str(rtype), name, kind, record.get(name, default))
        if problem:
            problems.append(f"'{name}' {problem}, got {record.get(name, default)!r}")
    problems += _misspelt(str(rtype), record, fields)
    return problems


def _misspelt(rtype: str, record: Mapping[str, Any], fields: Mapping[str, FieldKind]) -> list[str]:
    """Keys that are no field but one misspelt, its field absent: ``visitor_contry``.

    Other keys are allowed (notes for people, not scored: GOLD_FORMAT.md), so
    a typo would be read as a note and the field as null ("the text does not
    say"), quietly lowering the scores; one that is a field's near twin while
    that field is missing is a typo beyond doubt.
    """
    unknown = [key for key in record if isinstance(key, str) and key not in fields]
    problems = []
    for key in unknown:
        if key in ("type", "evidence", "optional"):
            continue
        near = [f for f in fields if f not in record and _slips(key, f) <= (1 if len(f) < 8 else 2)]
        if near:
            problems.append(
                f"{key!r} is no field of a {rtype}, and {near[0]!r} is missing: a typo? "
                "(rename the key if it is a note)"
            )
    return problems


def _slips(typed: str, meant: str) -> int:
    """Keyboard slips from ``meant`` to ``typed``: letters dropped, added, changed or two
    swapped (the Damerau-Levenshtein distance), case ignored."""
    return int(DamerauLevenshtein.distance(typed.lower(), meant.lower()))


def parse_gold_document(
    obj: object, *, path: str = "<gold>", line: int | None = None, check_evidence: bool = True
) -> GoldDocument:
    """Validate one decoded gold line and build a :class:`GoldDocument`.

    With ``check_evidence`` every record's ``evidence`` must occur in ``text``
    (after grounding normalisation): the format promises a verbatim quote, and
    a quote that is not there means the text or the annotation was edited
    after the fact.
    """

    def fail(message: str) -> GoldFormatError:
        return GoldFormatError(message, path=path, line=line)

    if not isinstance(obj, dict):
        raise fail(f"a gold line must be a JSON object, got {type(obj).__name__}")
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)  # as bulk reads a numeric id: its digits
    if not isinstance(doc_id, str) or is_blank(doc_id):
        raise fail("'id' must be a non-blank string or an integer")
    # as bulk reads the same line's id (composed, blanks around it dropped), so a gold id
    # " g1 " scores bulk's document "g1" instead of counting it missing
    doc_id = input_id(doc_id, "id").text or doc_id
    # and named as bulk names it in its lines: a lone surrogate (a JSON "\ud800") written
    # out, one to one (no UTF-8 carries it: the report and saved lines failed on it)
    doc_id = escape_surrogates(doc_id)
    text = obj.get("text")
    if not isinstance(text, str) or is_blank(text):
        raise fail(f"document {doc_id!r}: 'text' must be a non-blank string")
    published_raw = obj.get("published")
    published: date | None = None
    if published_raw is not None:
        if not isinstance(published_raw, str) or not _FULL_DATE.match(published_raw):
            raise fail(
                f"document {doc_id!r}: 'published' must be YYYY-MM-DD or null, "
                f"got {published_raw!r}"
            )
        try:
            published = date.fromisoformat(published_raw)
        except ValueError:
            raise fail(
                f"document {doc_id!r}: 'published' is not a calendar date: {published_raw!r}"
            ) from None
    for key in ("source", "license", "url"):
        if obj.get(key) is not None and not isinstance(obj.get(key), str):
            raise fail(f"document {doc_id!r}: {key!r} must be a string or null")
    records = obj.get("records")
    if not isinstance(records, list):
        raise fail(f"document {doc_id!r}: 'records' must be a list (use [] for none)")
    known = {"id", "text", "published", "records", "source", "license", "url"}
    document = GoldDocument(
        id=doc_id,
        text=text,
        published=published,
        records=[dict(r) if isinstance(r, Mapping) else r for r in records],
        source=obj.get("source"),
        license=obj.get("license"),
        url=obj.get("url"),
        extra={k: v for k, v in obj.items() if k not in known},
    )
    for index, record in enumerate(records):
        problems = validate_record(record)
        # against the text as it is read and scored (lone surrogates replaced)
        if (
            not problems
            and check_evidence
            and not evidence_found(record["evidence"], document.text)
        ):
            problems = [f"'evidence' not found in the text: {record['evidence'][:80]!r}"]
        if problems:
            rtype = record.get("type") if isinstance(record, dict) else None
            where = f"document {doc_id!r}, record {index}" + (f" ({rtype})" if rtype else "")
            raise fail(f"{where}: " + "; ".join(problems))
        _warn_if_unfindable(doc_id, index, record)
    return document


def _warn_if_unfindable(doc_id: str, index: int, record: Mapping[str, Any]) -> None:
    """Say so when no prediction can ever match a gold record: one with no key field
    filled (a meeting with neither people nor countries) shares none with anything, not
    even with itself (GOLD_FORMAT: a pair must share a key field). The file is read as
    it is; the warning tells the annotator why every run misses that record.
    """
    from extractor.evaluation.matching import is_matchable  # matching imports this module

    rtype = str(record["type"])
    if is_matchable(rtype, record, record):
        return
    missed = "it is never found" if not record.get("optional") else "it is never matched"
    logger.warning(
        "gold document %r, record %d (%s): no key field is filled (a person, the country "
        "pair or the count), so no prediction can match it and %s; fill one of them",
        doc_id,
        index,
        rtype,
        missed,
    )


def load_gold(path: str | Path, *, check_evidence: bool = True) -> list[GoldDocument]:
    """Read a gold JSON Lines file; raise :class:`GoldFormatError` on any problem.

    Blank lines are skipped; document ids must be unique within the file,
    because predictions are keyed by id.
    """
    path_str = str(path)
    try:
        with open_results(path) as handle:  # gzipped or not, as predictions are read
            raw = handle.read().decode("utf-8-sig")  # a BOM, as spreadsheets and editors write
    except FileNotFoundError:
        raise GoldFormatError("gold file not found", path=path_str) from None
    except OutputError as exc:  # a gzip stream that breaks
        raise GoldFormatError(exc.reason, path=path_str) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file: {exc}", path=path_str) from None
    documents: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(
                f"invalid JSON: {exc.msg} (column {exc.colno})", path=path_str, line=lineno
            ) from None
        except (RecursionError, ValueError) as exc:  # nested past what JSON reads; a huge number
            why = "nested too deep to read" if isinstance(exc, RecursionError) else str(exc)
            raise GoldFormatError(
                f"not readable JSON ({why})", path=path_str, line=lineno
            ) from None
        doc = parse_gold_document(obj, path=path_str, line=lineno, check_evidence=check_evidence)
        if doc.id in seen:
            raise GoldFormatError(
                f"duplicate document id {doc.id!r} (first on line {seen[doc.id]})",
                path=path_str,
                line=lineno,
            )
        seen[doc.id] = lineno
        documents.append(doc)
    if not documents:
        raise GoldFormatError("gold file contains no documents", path=path_str)
    return documents
