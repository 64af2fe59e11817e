"""Score predicted records against a gold set: the data behind ``extractor eval``.

Predictions arrive in the gold format's own dict shape (the mapping from the
project's Pydantic records is done elsewhere), keyed by document id. Scoring
per document and type:

1. Predictions are matched one to one to the *required* gold records
   (:func:`~extractor.evaluation.matching.max_weight_matching` of the field agreement
   over the pairs that share a key field): matched pairs are true positives, unmatched
   required gold records false negatives.
2. Predictions left over are then matched to the *optional* gold records.
   Such a match is neither rewarded nor punished (an allegation or a planned
   visit may or may not be reported). Matching required records first means
   an optional record can never take a prediction away from a required one.
3. Predictions still left over are false positives. A prediction said more than once
   (a copy, or one that differs only where either leaves a field empty or in ways the
   rules do not tell apart) may only take a gold record it is consistent with, so one
   event said twice never takes the same visitor's other visit; two copies do find two
   identical gold records (an event the annotator listed twice).

Records are taken in a canonical order (their content, ids aside), so no score
depends on the order of a run's records or on their ids. The strict score has
its own assignment, over the pairs with the key fields right and the predictions the
lenient score counts (see :class:`EvalReport`), never above the lenient one; its quote
must state the gold record it is paired with, not only be in the text
(:mod:`~extractor.evaluation.stating`). Every
(gold, prediction) pair is judged once; both scores read the same verdicts.

Field accuracy is computed on the required matched pairs only: optional
records are by definition borderline, and their fields would add noise.

The result is an :class:`EvalReport`, a Pydantic model, so ``--json`` is
``report.model_dump_json()`` and two saved runs can be compared later.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

from extractor.errors import InputError, PredictionFormatError
from extractor.evaluation.gold import (
    RECORD_FIELDS,
    RECORD_TYPES,
    FieldKind,
    GoldDocument,
    evidence_found,
    validate_record,
)
from extractor.evaluation.matching import (
    FieldResult,
    Record,
    _significant_words,
    agreement,
    compare_fields,
    is_matchable,
    max_weight_matching,
)
from extractor.evaluation.stating import Reading, states_record
from extractor.io.formats import RecordFields, record_to_document
from extractor.types.registry import get_type

__all__ = [
    "Counts",
    "DocUsage",
    "DocumentResult",
    "EmptyGoldStats",
    "EvalReport",
    "FieldMismatch",
    "FieldStat",
    "GroundingStats",
    "PredictionFormatError",
    "RecordMatch",
    "RecordRef",
    "UsageSummary",
    "gold_fingerprint",
    "is_grounded",
    "score",
    "score_document",
]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


class Counts(BaseModel):
    """Record-level confusion counts with precision, recall and F1.

    A ratio with a zero denominator is ``None`` ("undefined"), not 0 or 1: a
    type with no gold records and no predictions has no recall to speak of,
    and averaging a made-up value into a comparison would mislead.
    """

    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        """Share of (non-optional-matched) predictions that match a required gold record."""
        return _ratio(self.tp, self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        """Share of required gold records that were matched."""
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (2TP / (2TP + FP + FN))."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class FieldStat(BaseModel):
    """Accuracy of one field over the matched required pairs.

    ``credit`` sums partial credit (name lists: the share of gold names found),
    so ``partial`` >= ``accuracy`` and the gap shows near misses.
    """

    correct: int = 0
    total: int = 0
    credit: float = 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        """Share of matched pairs where the field is fully right."""
        return _ratio(self.correct, self.total)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def partial(self) -> float | None:
        """Mean partial credit (differs from accuracy only for name lists)."""
        return _ratio(self.credit, self.total)

    def add(self, result: FieldResult) -> None:
        """Count one field verdict."""
        self.total += 1
        self.correct += int(result.correct)
        self.credit += result.credit


class FieldMismatch(BaseModel):
    """A field that is wrong on a matched pair, with both values for error analysis."""

    field: str
    gold: Any
    pred: Any
    credit: float


class RecordMatch(BaseModel):
    """A matched (gold, predicted) pair; indices point into the document's lists."""

    type: str
    gold_index: int
    pred_index: int
    optional: bool
    agreement: float
    fields_correct: int
    fields_total: int
    mismatches: list[FieldMismatch] = Field(default_factory=list)


class RecordRef(BaseModel):
    """A gold record that was missed, or a prediction that is a false positive."""

    type: str
    index: int
    record: dict[str, Any]


class DocUsage(BaseModel):
    """What extracting one document cost, as supplied by the caller (all optional)."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    seconds: float | None = None


class DocumentResult(BaseModel):
    """Everything scored on one document, for error analysis."""

    id: str
    empty_gold: bool
    predicted: bool
    counts: Counts
    per_type: dict[str, Counts]
    optional_matched: int = 0
    n_gold_required: int = 0
    n_gold_optional: int = 0
    n_predicted: int = 0
    matches: list[RecordMatch] = Field(default_factory=list)
    missed: list[RecordRef] = Field(default_factory=list)
    false_positives: list[RecordRef] = Field(default_factory=list)
    ungrounded: list[int] = Field(default_factory=list)
    #: Predictions whose evidence is not the article's text at the offsets they give.
    not_verbatim: list[int] = Field(default_factory=list)
    #: As ``per_type``, but a gold record counts as found only by a grounded prediction with
    #: its key fields right (strict edges in :func:`score_document`); the rest of the predictions
    #: the lenient score counts are false, those it spent on optional records neither.
    strict_per_type: dict[str, Counts] = Field(default_factory=dict)
    usage: DocUsage | None = None


class GroundingStats(BaseModel):
    """How many predicted records quote evidence that is really in the text.

    Checked against the gold document's text, never taken from the record's
    own flag: ``verbatim`` records have evidence spans that are exactly the
    text at their offsets; ``grounded`` ones (a superset) have evidence that
    is in the text once quotes, dashes, case and spaces are folded.
    """

    grounded: int = 0
    verbatim: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def verbatim_rate(self) -> float | None:
        """Share of predicted records whose evidence is verbatim at its offsets."""
        return _ratio(self.verbatim, self.total)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rate(self) -> float | None:
        """Share of predicted records that are grounded (``None`` without predictions)."""
        return _ratio(self.grounded, self.total)


class EmptyGoldStats(BaseModel):
    """Predictions on documents that contain none of the four types (hard negatives)."""

    docs: int = 0
    false_records: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def per_doc(self) -> float | None:
        """False records per empty-gold document: how readily the model invents events."""
        return _ratio(self.false_records, self.docs)


class UsageSummary(BaseModel):
    """Token and time totals over the documents that reported usage, and per-doc means."""

    docs: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def prompt_tokens_per_doc(self) -> float | None:
        """Mean prompt tokens per document with usage."""
        return _ratio(self.prompt_tokens, self.docs)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def completion_tokens_per_doc(self) -> float | None:
        """Mean completion tokens per document with usage."""
        return _ratio(self.completion_tokens, self.docs)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def seconds_per_doc(self) -> float | None:
        """Mean wall-clock seconds per document with usage."""
        return _ratio(self.seconds, self.docs)


class EvalReport(BaseModel):
    """The result of scoring one run against one gold set.

    ``gold_fingerprint`` identifies the gold set (ids and texts), so that a
    comparison of two reports can warn when they were not scored on the same
    documents.
    """

    label: str | None = None
    gold_fingerprint: str
    n_docs: int
    n_gold_required: int
    n_gold_optional: int
    n_predicted: int
    per_type: dict[str, Counts]
    micro: Counts
    #: Strict: a matched record counts only if its type's key fields are right
    #: (``GoldSpec.strict``: visitor and host country, the meeting's countries,
    #: supplier and recipient, the counts and country) and its evidence is in the
    #: article (:func:`is_grounded`, checked against the text, never the record's
    #: flag): the most gold records that can be paired one to one with a grounded
    #: prediction right in those fields, among the
    #: predictions the lenient score counts (one it spent on an optional record is
    #: neither right nor wrong in either). The same predictions, gold records and
    #: allowed pairs as the lenient score, fewer of them, so never above it.
    strict_per_type: dict[str, Counts] = Field(default_factory=dict)
    strict_micro: Counts = Field(default_factory=lambda: Counts())
    optional_matched: int
    fields: dict[str, dict[str, FieldStat]]
    fields_overall: FieldStat
    grounding: GroundingStats
    empty_gold: EmptyGoldStats
    usage: UsageSummary | None = None
    missing_docs: list[str] = Field(default_factory=list)
    extra_docs: list[str] = Field(default_factory=list)
    documents: list[DocumentResult] = Field(default_factory=list)


def gold_fingerprint(gold: Sequence[GoldDocument]) -> str:
    """A short hash of the gold set's ids, texts and records (order-independent)."""
    h = hashlib.sha256()
    for doc in sorted(gold, key=lambda d: d.id):
        # an id as bulk reads it may hold a lone surrogate (a JSON "\ud800"): hashed as it is
        h.update(doc.id.encode("utf-8", "surrogatepass") + b"\0")
        h.update(doc.text.encode("utf-8", "surrogatepass") + b"\0")
        h.update(repr(doc.records).encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()[:16]


def _strict_fields(rtype: str) -> set[str]:
    """The key fields of a type that a strict match must get right."""
    gold = get_type(rtype).gold
    return set(gold.strict) if gold is not None else set()


def is_verbatim(record: Mapping[str, Any], text: str) -> bool:
    """Whether the record's evidence spans are exactly ``text`` at their offsets."""
    spans = record.get("evidence_spans")
    if not isinstance(spans, list) or not spans:
        return False
    for span in spans:
        if not (isinstance(span, list | tuple) and len(span) == 3):
            return False
        start, end, quoted = span
        if not (_is_offset(start) and _is_offset(end) and isinstance(quoted, str)):
            return False
        if not 0 <= start < end <= len(text) or text[start:end] != quoted:
            return False
    return True


def _is_offset(value: object) -> bool:
    """An offset is an int, never a bool: ``[false, true, "A"]`` is no span of "A..."."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_grounded(record: Mapping[str, Any], text: str) -> bool:
    """Whether the record's evidence is in ``text``: verbatim spans, or every fragment
    of its quote found after folding (:func:`~extractor.evaluation.gold.evidence_found`).

    The record's own ``grounded`` flag is not trusted: a scorer that believes
    what it scores can only flatter.
    """
    if is_verbatim(record, text):
        return True
    evidence = record.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        return False
    fragments = [f for f in _ELLIPSIS.split(evidence) if f.strip(" .")] or [evidence]
    return all(evidence_found(fragment, text) for fragment in fragments)


_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")


def _check_predictions(doc_id: str, records: object) -> list[dict[str, Any]]:
    if not isinstance(records, Sequence) or isinstance(records, str | bytes):
        raise PredictionFormatError(
            f"predictions for {doc_id!r} must be a list of records, got {type(records).__name__}"
        )
    for index, record in enumerate(records):
        problems = validate_record(record, check_fields=False)
        if problems:
            raise PredictionFormatError(
                f"prediction {index} for document {doc_id!r}: {'; '.join(problems)}"
            )
    return [dict(r) for r in records]


def score_document(
    doc: GoldDocument,
    predictions: Sequence[Mapping[str, Any]] | None,
    *,
    usage: DocUsage | None = None,
) -> tuple[DocumentResult, dict[str, list[list[FieldResult]]]]:
    """Score one document; ``None`` predictions means the run produced no entry for it.

    Returns the document result and, per type, the field verdicts of every
    required matched pair (what :func:`score` aggregates into field accuracy).
    """
    preds = _check_predictions(doc.id, predictions if predictions is not None else [])
    result = DocumentResult(
        id=doc.id,
        empty_gold=not doc.records,
        predicted=predictions is not None,
        counts=Counts(),
        per_type={},
        n_gold_required=len(doc.required_records),
        n_gold_optional=len(doc.optional_records),
        n_predicted=len(preds),
        usage=usage,
    )
    field_results: dict[str, list[list[FieldResult]]] = {t: [] for t in RECORD_TYPES}
    readings = text_readings(doc.text)
    grounded = [any(is_grounded(p, t) for t in readings) for p in preds]
    language = str(doc.extra.get("language") or "en")
    read: list[Reading] = []

    def states(gold_record: Mapping[str, Any], j: int) -> bool:
        """Strict asks more of a grounded quote: that it states the record it is paired
        with (:mod:`~extractor.evaluation.stating`), not only that the text holds it."""
        if not read:
            read.extend(Reading.of(t) for t in readings)
        return any(states_record(preds[j], gold_record, r, language=language) for r in read)

    for rtype in RECORD_TYPES:
        # In a canonical order (their content, ids aside), so that the assignment, which
        # breaks ties by position, cannot score a reordered or renamed run differently.
        required = _canonical(
            (i, r)
            for i, r in enumerate(doc.records)
            if r["type"] == rtype and not r.get("optional", False)
        )
        optional = _canonical(
            (i, r) for i, r in enumerate(doc.records) if r["type"] == rtype and r.get("optional")
        )
        typed_preds = _canonical((j, p) for j, p in enumerate(preds) if p["type"] == rtype)
        pool = [p for _, p in typed_preds]
        groups = _repeat_groups(rtype, pool)
        # every pair judged once: the lenient passes and the strict one read the same verdicts
        req_edges = _edges(rtype, [r for _, r in required], pool)
        opt_edges = _edges(rtype, [r for _, r in optional], pool)
        gold_required = [r for _, r in required]
        gold_optional = [r for _, r in optional]
        choices = _choices(req_edges, groups, _repeat_groups(rtype, gold_required))

        # Pass 1: required gold records.
        pairs = _assign(req_edges, range(len(pool)), choices)
        matched_pred = {pj for _, pj in pairs}
        for gi, pj in pairs:
            fields = req_edges[gi][pj]
            assert fields is not None
            field_results[rtype].append(fields)
            result.matches.append(
                _record_match(rtype, required[gi][0], typed_preds[pj][0], fields, False)
            )
        matched_gold = {gi for gi, _ in pairs}
        result.missed.extend(
            RecordRef(type=rtype, index=i, record=r)
            for k, (i, r) in enumerate(required)
            if k not in matched_gold
        )

        # Pass 2: leftover predictions against optional gold records.
        leftover = [k for k in range(len(pool)) if k not in matched_pred]
        # An event the run says again after it took a required record may take only an
        # optional record of that same event: another event would hide a false positive.
        took: dict[int, list[int]] = {}
        for gi, pj in pairs:
            took.setdefault(groups[pj], []).append(gi)
        same = {
            (gi, oi): _said_again(rtype, gold_required[gi], gold_optional[oi])
            for gi, _ in pairs
            for oi in range(len(gold_optional))
        }
        opt_edges = [
            [
                fields
                if fields is None
                or groups[j] not in took
                or any(same[gi, oi] for gi in took[groups[j]])
                else None
                for j, fields in enumerate(row)
            ]
            for oi, row in enumerate(opt_edges)
        ]
        opt_pairs = _assign(
            opt_edges, leftover, _choices(opt_edges, groups, _repeat_groups(rtype, gold_optional))
        )
        spent_on_optional = {pj for _, pj in opt_pairs}
        for gi, pj in opt_pairs:
            fields = opt_edges[gi][pj]
            assert fields is not None
            result.matches.append(
                _record_match(rtype, optional[gi][0], typed_preds[pj][0], fields, True)
            )
        false_pos = [
            RecordRef(type=rtype, index=typed_preds[k][0], record=typed_preds[k][1])
            for k in leftover
            if k not in spent_on_optional
        ]
        result.false_positives.extend(false_pos)
        result.optional_matched += len(opt_pairs)
        counts = Counts(tp=len(pairs), fp=len(false_pos), fn=len(required) - len(pairs))
        result.per_type[rtype] = counts
        # Strict: its own assignment over the predictions the lenient score counts (a
        # prediction spent on an optional record is neither right nor wrong in either),
        # on the lenient edges with the key fields right and the evidence in the article
        # (checked against its text, never the record's flag: a quote the article does not
        # hold proves nothing, however right the fields) and stating the gold record it is
        # paired with (a "." or a country's name is in the text and states nothing): a
        # subgraph, so never above it.
        keys = _strict_fields(rtype)
        strict_edges = [
            [
                fields
                if fields is not None
                and grounded[typed_preds[j][0]]
                and all(f.correct for f in fields if f.field in keys)
                and states(gold_required[gi], typed_preds[j][0])
                else None
                for j, fields in enumerate(row)
            ]
            for gi, row in enumerate(req_edges)
        ]
        counted = [k for k in range(len(pool)) if k not in spent_on_optional]
        right = len(_assign(strict_edges, counted, choices))
        result.strict_per_type[rtype] = Counts(
            tp=right, fp=counts.tp + counts.fp - right, fn=len(required) - right
        )

    result.counts = sum(result.per_type.values(), Counts())
    result.matches.sort(key=lambda m: (m.optional, m.gold_index))
    result.missed.sort(key=lambda r: r.index)
    result.false_positives.sort(key=lambda r: r.index)
    result.ungrounded = [j for j, ok in enumerate(grounded) if not ok]
    result.not_verbatim = [
        j for j, p in enumerate(preds) if not any(is_verbatim(p, t) for t in readings)
    ]
    return result, field_results


def _canonical(items: Iterable[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
    """``(index, record)`` pairs sorted by the record's content, its ``id`` and ``doc_id``
    left out: records equal but for their ids are interchangeable, so renaming ids or
    reordering a document's records cannot change which pairs the assignment picks."""
    return sorted(items, key=lambda item: (_content(item[1]), item[0]))


def _content(record: Mapping[str, Any]) -> str:
    """A record's content as one comparable string (ids left out)."""
    shown = {k: v for k, v in record.items() if k not in ("id", "doc_id")}
    return json.dumps(shown, sort_keys=True, ensure_ascii=True, default=repr)


def _filled(value: object) -> bool:
    """Whether a field says something: not ``null``, an empty string or list, or a count
    whose figures are all ``null``."""
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return False
    if isinstance(value, Mapping):
        return any(v is not None for v in value.values())
    return True


def _agree(rtype: str, a: Record, b: Record) -> bool:
    """Whether no scored field of ``a`` and ``b`` tells them apart: a field agrees if
    either leaves it empty, or the scoring rules accept it read either way round (one
    name list inside the other, a date at a coarser precision). Item lists agree only if
    one's words are all among the other's: the scoring rule (any word in common) would
    make two packages that both hold Stingers one event.
    """
    forward = compare_fields(rtype, a, b)
    backward: list[FieldResult] | None = None
    kinds = RECORD_FIELDS[rtype]
    for k, f in enumerate(forward):
        if not _filled(f.gold) or not _filled(f.pred):
            continue
        if kinds[f.field] is FieldKind.ITEMS:
            words_a, words_b = _item_words(f.gold), _item_words(f.pred)
            if not (words_a <= words_b or words_b <= words_a):
                return False
            continue
        if f.correct:
            continue
        if backward is None:
            backward = compare_fields(rtype, b, a)
        if not backward[k].correct:
            return False
    return True


def _item_words(items: object) -> set[str]:
    """The significant words of an item list, as the items rule reads them."""
    listed = [i for i in items if isinstance(i, str)] if isinstance(items, list) else []
    return set().union(*(_significant_words(i) for i in listed))


def _repeat_groups(rtype: str, records: Sequence[Record]) -> list[int]:
    """For each record, the group of records that say the same event: linked if they
    share a key field (:func:`is_matchable`) and no scored field tells them apart (one
    leaves it empty, or the rules accept either reading: "Blinken" for "Antony Blinken",
    "2023-05" for "2023-05-30"). Groups are the connected sets of such links, so they do
    not depend on the order of the records; a group is named by its first member.
    """
    group = list(range(len(records)))

    def root(k: int) -> int:
        while group[k] != k:
            k = group[k]
        return k

    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            if root(i) != root(j) and _said_again(rtype, records[i], records[j]):
                group[max(root(i), root(j))] = min(root(i), root(j))
    return [root(k) for k in range(len(records))]


def _said_again(rtype: str, a: Record, b: Record) -> bool:
    """Whether ``b`` says the event ``a`` says (see :func:`_repeat_groups`)."""
    return is_matchable(rtype, a, b) and _agree(rtype, a, b)


#: Above this many ways to choose each repeated prediction's gold event, the choice is
#: made once per prediction group (the event it agrees with best), not tried every way.
_MAX_CHOICES = 256

Edges = Sequence[Sequence[list[FieldResult] | None]]


def _edges(
    rtype: str, gold: Sequence[Record], preds: Sequence[Record]
) -> list[list[list[FieldResult] | None]]:
    """Every (gold, prediction) pair judged once: its field verdicts, or ``None`` if it
    shares no key field (:func:`is_matchable`) and so may not be matched."""
    rows: list[list[list[FieldResult] | None]] = []
    for g in gold:
        row: list[list[FieldResult] | None] = []
        for p in preds:
            fields = compare_fields(rtype, g, p)
            row.append(fields if is_matchable(rtype, g, p, fields) else None)
        rows.append(row)
    return rows


@dataclass(frozen=True)
class _Choices:
    """How repeated predictions may be matched (:func:`_choices`)."""

    #: the prediction group of each prediction, and of each gold record its event
    pred_groups: Sequence[int]
    gold_groups: Sequence[int]
    #: per prediction group said more than once, the gold events it may be given
    options: dict[int, list[int]]


def _choices(edges: Edges, pred_groups: Sequence[int], gold_groups: Sequence[int]) -> _Choices:
    """For each event the run says more than once, the gold events it may be matched to
    (those some member shares a key field with). Above :data:`_MAX_CHOICES`
    combinations, the one each agrees with best is its only choice.

    Decided once per type from the lenient pairs and used by the strict assignment
    too: that one picks among the same choices over fewer pairs, so it can never find
    more than the lenient one.
    """
    sizes: dict[int, int] = {}
    for g in pred_groups:
        sizes[g] = sizes.get(g, 0) + 1
    reach: dict[int, dict[int, float]] = {}
    for gi, row in enumerate(edges):
        for j, fields in enumerate(row):
            if fields is not None and sizes[pred_groups[j]] > 1:
                seen = reach.setdefault(pred_groups[j], {})
                ev = gold_groups[gi]
                seen[ev] = max(seen.get(ev, 0.0), agreement(fields))
    options = {g: sorted(r) for g, r in reach.items()}
    if math.prod(len(o) for o in options.values()) > _MAX_CHOICES:
        options = {g: [max(sorted(r), key=lambda ev: r[ev])] for g, r in reach.items()}
    return _Choices(pred_groups, gold_groups, options)


def _assign(edges: Edges, usable: Iterable[int], choices: _Choices) -> list[tuple[int, int]]:
    """The one-to-one ``(gold, prediction)`` pairs that maximise first their number, then
    their field agreement, using only the predictions ``usable`` names, such that the
    gold records taken by predictions of one event (a group of :func:`_repeat_groups`)
    are all one gold event too.

    One event said twice is one event: its second saying may take a second gold record
    only if the gold lists that event twice (so identical gold is found in full), never
    the same visitor's other visit. Which gold event each repeated one takes is tried
    every way, so a run is not scored by the order its records come in.
    """
    cols = list(usable)
    groups = sorted(choices.options)
    best: tuple[int, float, list[tuple[int, int]]] | None = None
    for picked in itertools.product(*(choices.options[g] for g in groups)):
        event = dict(zip(groups, picked, strict=True))
        weights: list[list[float | None]] = [
            [
                None
                if (fields := row[j]) is None
                or event.get(choices.pred_groups[j], choices.gold_groups[gi])
                != choices.gold_groups[gi]
                else agreement(fields)
                for j in cols
            ]
            for gi, row in enumerate(edges)
        ]
        pairs = max_weight_matching(weights)
        found = (len(pairs), sum(weights[g][c] or 0.0 for g, c in pairs))
        if (
            best is None
            or found[0] > best[0]
            or (found[0] == best[0] and found[1] > best[1] + 1e-9)
        ):
            best = (found[0], found[1], pairs)
    assert best is not None
    return sorted((gi, cols[c]) for gi, c in best[2])


def text_readings(text: str) -> tuple[str, ...]:
    """The texts a prediction's offsets may point into: the gold text as it is, and the
    text ``extractor bulk`` reads from the gold file's line (line ends made LF, a BOM
    dropped, front matter read as a markdown file's body). A bulk run's spans are offsets
    into the latter; checked against the gold text alone, a verbatim quote after a CRLF
    read as not verbatim. Bulk's own reader decides (never copied here); a text it refuses
    has only the one reading.
    """
    fields = RecordFields()
    try:
        read = record_to_document(
            {fields.text: text}, fields=fields, doc_id="gold", source="gold", fmt="jsonl"
        )
    except InputError:
        return (text,)
    return (text,) if read.text == text else (text, read.text)


def _record_match(
    rtype: str, gold_index: int, pred_index: int, fields: list[FieldResult], optional: bool
) -> RecordMatch:
    return RecordMatch(
        type=rtype,
        gold_index=gold_index,
        pred_index=pred_index,
        optional=optional,
        agreement=sum(f.credit for f in fields),
        fields_correct=sum(f.correct for f in fields),
        fields_total=len(fields),
        mismatches=[
            FieldMismatch(field=f.field, gold=f.gold, pred=f.pred, credit=f.credit)
            for f in fields
            if not f.correct
        ],
    )


def score(
    gold: Sequence[GoldDocument],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    usage: Mapping[str, DocUsage] | None = None,
    label: str | None = None,
) -> EvalReport:
    """Score ``predictions`` (doc id -> gold-format dicts) against ``gold``.

    A gold document without an entry in ``predictions`` is scored as "no
    records predicted" and listed in ``missing_docs`` (a crashed or skipped
    document should not look like a perfect negative). Prediction entries for
    ids not in the gold set are not scored and are listed in ``extra_docs``.
    ``usage`` (doc id -> tokens and seconds) is optional and summarised over
    the documents that have it.
    """
    ids = [d.id for d in gold]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate gold document ids: {dupes}")
    usage = usage or {}

    documents: list[DocumentResult] = []
    per_type = {t: Counts() for t in RECORD_TYPES}
    strict = {t: Counts() for t in RECORD_TYPES}
    fields = {t: {f: FieldStat() for f in RECORD_FIELDS[t]} for t in RECORD_TYPES}
    fields_overall = FieldStat()
    grounding = GroundingStats()
    empty = EmptyGoldStats()
    usage_summary = UsageSummary()
    optional_matched = 0

    for doc in gold:
        doc_usage = usage.get(doc.id)
        result, field_results = score_document(doc, predictions.get(doc.id), usage=doc_usage)
        documents.append(result)
        for rtype, counts in result.per_type.items():
            per_type[rtype] = per_type[rtype] + counts
        for rtype, counts in result.strict_per_type.items():
            strict[rtype] = strict[rtype] + counts
        for rtype, pairs in field_results.items():
            for pair in pairs:
                for fr in pair:
                    fields[rtype][fr.field].add(fr)
                    fields_overall.add(fr)
        optional_matched += result.optional_matched
        grounding.total += result.n_predicted
        grounding.grounded += result.n_predicted - len(result.ungrounded)
        grounding.verbatim += result.n_predicted - len(result.not_verbatim)
        if result.empty_gold:
            empty.docs += 1
            empty.false_records += result.counts.fp
        if doc_usage is not None:
            usage_summary.docs += 1
            usage_summary.prompt_tokens += doc_usage.prompt_tokens or 0
            usage_summary.completion_tokens += doc_usage.completion_tokens or 0
            usage_summary.seconds += doc_usage.seconds or 0.0

    gold_ids = set(ids)
    return EvalReport(
        label=label,
        gold_fingerprint=gold_fingerprint(gold),
        n_docs=len(gold),
        n_gold_required=sum(d.n_gold_required for d in documents),
        n_gold_optional=sum(d.n_gold_optional for d in documents),
        n_predicted=sum(d.n_predicted for d in documents),
        per_type=per_type,
        micro=sum(per_type.values(), Counts()),
        strict_per_type=strict,
        strict_micro=sum(strict.values(), Counts()),
        optional_matched=optional_matched,
        fields=fields,
        fields_overall=fields_overall,
        grounding=grounding,
        empty_gold=empty,
        usage=usage_summary if usage_summary.docs else None,
        missing_docs=[d.id for d in documents if not d.predicted],
        extra_docs=sorted(k for k in predictions if k not in gold_ids),
        documents=documents,
    )
