"""Produce the predictions an evaluation scores: run extraction, or read a saved run.

Both paths go through the same line format as ``extractor bulk`` output (one
JSON object per document with ``doc_id``, ``status``, ``records``, ``usage``,
``seconds``), so a run scored live, a run saved with ``--save-predictions``
and a bulk output file are scored identically; a saved run reproduces its
report offline.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.blank import strip_blank
from extractor.errors import ConfigurationError, ExtractorError, InputError
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.goldmap import record_to_gold
from extractor.evaluation.scoring import DocUsage, text_readings
from extractor.io.output import (
    as_result_line,
    blank_doc_id,
    foreign_records_note,
    is_anonymous_result,
    is_doc_id,
    is_result,
    latest_entries,
    line_key,
    open_results,
    predicted_records,
    unread_records_note,
    whole_json,
)
from extractor.io.readers import beside_label
from extractor.pipeline.document import Document, row_id
from extractor.pipeline.engine import Extractor
from extractor.pipeline.result import MAX_USAGE_TOKENS, Usage, token_count, usage_warnings
from extractor.types.base import Record
from extractor.types.registry import get_type

Predictions = dict[str, list[dict[str, Any]]]

logger = logging.getLogger(__name__)


def extract_gold(
    documents: Iterable[GoldDocument],
    extractor: Extractor,
    *,
    on_document: Callable[[GoldDocument, dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """Extract every gold document into a result line; failures become error lines.

    Each line records the ``text_sha256`` of the gold text, as a bulk line does, so
    that the saved run (``--save-predictions``) given back with ``--predictions``
    against an edited gold file is checked like a bulk output, not trusted.
    """
    lines = []
    for document in documents:
        line: dict[str, Any] = {"doc_id": document.id, "model": extractor.model,
                                "strategy": extractor.asked,
                                "text_sha256": text_sha256(document.text)}  # fmt: skip
        try:
            # as a live run reads it: the address too, which names a government publisher
            source = Document(doc_id=document.id, text=document.text,
                              published=document.published, url=document.url)  # fmt: skip
            result = extractor.extract(source)
        except ExtractorError as error:
            spent = getattr(error, "usage", None)
            spent = spent if isinstance(spent, Usage) else Usage()
            line.update(
                status="error", records=[], seconds=None,
                usage={"prompt_tokens": spent.prompt_tokens,
                       "completion_tokens": spent.completion_tokens},
                warnings=usage_warnings(spent),  # a bad count is said on an error line too
                error={"type": type(error).__name__, "message": str(error)},
            )  # fmt: skip
        else:
            meta = result.metadata
            line.update(
                status="ok", records=[r.model_dump(mode="json") for r in result.records],
                counts=result.counts(),  # as a bulk line counts them
                usage=meta.usage.model_dump(mode="json"), seconds=meta.seconds, calls=meta.calls,
                prompt_version=meta.prompt_version, warnings=meta.warnings,
            )  # fmt: skip
        lines.append(line)
        if on_document is not None:
            on_document(document, line)
    return lines


def read_lines(path: Path, *, on_torn: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    """Result lines from a saved run or an ``extractor bulk`` output file.

    A document extracted again (its text changed) has several lines; the last
    one wins, as in every reader of bulk output (one per input,
    :func:`~extractor.io.output.line_key`), so it is scored once. An
    unfinished last line (no newline, no JSON: a run still writing, or killed
    while it wrote) is left out and its number given to ``on_torn``, as flatten
    and view leave it out; given no ``on_torn``, it is an error like any other.
    A file that is one JSON document (``extract -o r.json``: an object over many
    lines, or an array of results) stands for its entries, as in flatten and view.
    """
    whole = whole_json(path)
    if whole is not None:
        lines = []
        for number, entry in latest_entries(whole):
            why = unscorable(entry)
            if why is not None:
                raise InputError(f"entry {number} {why}", source=str(path))
            lines.append(dict(entry))
        return lines
    lines = []
    with io.TextIOWrapper(open_results(path), encoding="utf-8-sig") as handle:  # gzipped or not
        for number, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                line = json.loads(text)
            except ValueError as error:
                if on_torn is not None and not text.endswith("\n") and not handle.read(1):
                    on_torn(number)
                    break
                raise InputError(
                    f"line {number} is not a result line ({error})", source=str(path)
                ) from None
            except RecursionError:
                raise InputError(
                    f"line {number} is not a result line (nested too deep)", source=str(path)
                ) from None
            why = unscorable(line)
            if why is not None:
                raise InputError(f"line {number} {why}", source=str(path))
            lines.append(line)
    last = {line_key(line): index for index, line in enumerate(lines)}
    return [line for index, line in enumerate(lines) if last[line_key(line)] == index]


def unscorable(line: Any) -> str | None:
    """Why a parsed line (or entry) can be no document's prediction, or None when it can.

    A prediction is scored under its ``doc_id``, so it needs one that is a string that is
    not blank, as :func:`~extractor.io.output.is_doc_id` (bulk, flatten, view and
    ``results_to_frame``) requires: a ``doc_id`` of another JSON type is no result, and was
    read as one (``["x"]`` became the document "['x']", two ``null`` ones merged into
    "None"); a blank one (``""``, a zero-width space) was scored as a document no one can see.
    A result without an id (:func:`~extractor.io.output.is_anonymous_result`), which
    flatten and view take as a document of its own, matches no gold document: said so.
    Whether the rest of a line with a string ``doc_id`` is a result is decided by
    :func:`predictions_from_lines`, which names the document.
    """
    if not isinstance(line, Mapping):
        return f"is a JSON {json_type(line)}, not a result object"
    doc_id = line.get("doc_id")
    if is_doc_id(doc_id):
        return None
    if blank_doc_id(line) is not None:
        return (
            f"is not a result line (its doc_id is blank: {doc_id!a}); give it the document's "
            "id, or rerun the document"
        )
    if is_anonymous_result(line):
        return (
            "is a result without a doc_id: eval scores a prediction under its document's "
            "id; give the output of a run over the gold file "
            "(`extractor bulk GOLD.jsonl -o PRED.jsonl`)"
        )
    if "doc_id" not in line:
        return "is not a result line (it has no doc_id)"
    return f"is not a result line (its doc_id is a JSON {json_type(doc_id)}, not a string)"


def json_type(value: Any) -> str:
    """The JSON name of a parsed value's type (``null``, ``array`` ...), for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, Mapping) else type(value).__name__


def write_lines(path: Path, lines: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


def _log_note(note: str) -> None:
    """The library logs; the command line says the notes itself (``on_unread``)."""
    logger.warning("%s", note)


def predictions_from_lines(
    lines: Iterable[dict[str, Any]],
    *,
    on_unread: Callable[[str], None] = _log_note,
    types: Collection[str] | None = None,
) -> tuple[Predictions, dict[str, DocUsage], dict[str, str]]:
    """Gold-format predictions, per-document cost and failures from result lines.

    ``types`` (``eval --types``) keeps only the records of those types, chosen before a
    record is read as its type: a record of a type not installed here (a plugin's), which
    could not be read, is no reason to refuse a file whose scored types are all readable.

    A document's predicted records are those every reader reads
    (:func:`~extractor.io.output.predicted_records`): an ``ok`` line's. An error line is
    a failure and a skipped line predicts nothing; records either carries (a damaged or
    edited file) are not scored, and ``on_unread`` is told so once per document. A record
    is scored under its line's ``doc_id`` whatever its own says, and ``on_unread`` is told
    once per document when one names another (:func:`~extractor.io.output.foreign_records_note`).
    """
    predictions: Predictions = {}
    usage: dict[str, DocUsage] = {}
    failures: dict[str, str] = {}
    written: dict[str, str] = {}  # each composed id -> as its last line wrote it
    for line in lines:
        listed = line.get("status") in ("ok", "error", "skipped") and isinstance(
            line.get("records"), list
        )  # its records are each read below, and a bad one named by its index
        if not listed and not is_result(line):  # a damaged result is no prediction of nothing
            raise ValueError(
                f"document {str(line.get('doc_id'))!r}: no result (a status of ok, error or "
                "skipped with a list of records, or extract's JSON with its metadata and a "
                "list under each type's plural)"
            )
        line = as_result_line(line)  # extract's JSON too (records under each type's plural)
        doc_id = str(line["doc_id"])  # read as gold ids are (composed, stripped):
        doc_id = row_id(doc_id, "doc_id").text or doc_id
        if (before := written.setdefault(doc_id, str(line["doc_id"]))) != str(line["doc_id"]):
            on_unread(_respelled_note(doc_id, before, str(line["doc_id"])))
        written[doc_id] = str(line["doc_id"])
        for note in (unread_records_note(line), foreign_records_note(line)):
            if note is not None:
                on_unread(note)
        if line.get("status") == "error":  # a failure, not a prediction of nothing: missing
            failures[doc_id] = failure_text(line.get("error"))
            continue
        given = line.get("records")
        if given is None:
            given = []
        if not isinstance(given, list):
            raise ValueError(
                f"document {doc_id!r}: its records are a {type(given).__name__}, not a list"
            )
        if line.get("status") == "ok":  # what is read is checked: a bad record is named
            for index, item in enumerate(given):
                if not isinstance(item, Mapping):
                    _record(doc_id, index, item)
        records = [
            _record(doc_id, index, r)
            for index, r in enumerate(predicted_records(line))
            if types is None or r.get("type") in types
        ]
        predictions[doc_id] = [record_to_gold(r) for r in records]
        usage[doc_id] = _usage(doc_id, line)
    return predictions, usage, failures


def _respelled_note(doc_id: str, first: str, second: str) -> str:
    """What eval says of two lines whose ids are one id as eval reads them, composed and
    stripped as gold ids are (:func:`~extractor.pipeline.document.row_id`), but written
    differently: they are one document and the later line replaces the earlier (a rerun's
    line does so by the same id, :func:`read_lines`); flatten and view keep both, so the
    analyst is told which one was scored, and how the two spellings differ: in Unicode
    composition (NFC, NFD), in the blanks around the id (spaces, invisible characters),
    or in both."""
    if unicodedata.normalize("NFC", first) == unicodedata.normalize("NFC", second):
        how = "in Unicode composition, NFC/NFD"
    elif strip_blank(first) == strip_blank(second):
        how = "in the blanks around it: spaces or invisible characters"
    else:
        how = "in Unicode composition, NFC/NFD, and in the blanks around it"
    return (
        f"document {doc_id!r}: two lines write this id differently ({how}); eval reads "
        "them as one document and scores only the later line"
    )


#: The most tokens one document's line may report: what a :class:`Usage` holds, so that a
#: line any run wrote is read back (a count is read as every count is: ``token_count``).
MAX_TOKENS = MAX_USAGE_TOKENS
#: The most seconds one document's line may report (about 30 years).
MAX_SECONDS = 10**9


def _usage(doc_id: str, line: Mapping[str, Any]) -> DocUsage:
    """A line's tokens and seconds, or a ValueError naming the document and the field.

    Every number the report sums must be finite, or its JSON holds ``NaN`` or
    ``Infinity``, which strict readers (jq, JSON.parse) reject; so a line's ``seconds``
    and token counts are numbers (counts whole) from 0 to a bound no run reaches
    (:data:`MAX_SECONDS`, :data:`MAX_TOKENS`), which keeps their sums and means finite.
    A token count is decided as a server's is (:func:`~extractor.pipeline.result.
    token_count`, with the bound of a line's usage), so what a run counted, eval reads.
    A negative one, or NaN, is a damaged line, refused as the other damage is.
    """
    spent = line.get("usage") or {}
    if not isinstance(spent, Mapping):
        raise ValueError(f"document {doc_id!r}: its usage is a {json_type(spent)}, not an object")
    seconds = line.get("seconds")
    if seconds is not None:
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise ValueError(
                f"document {doc_id!r}: its seconds are a {json_type(seconds)}, not a number"
            )
        if not (0 <= seconds <= MAX_SECONDS):  # NaN compares false: refused too
            raise ValueError(
                f"document {doc_id!r}: its seconds are {_shown_number(seconds)}, not a time "
                f"from 0 to {MAX_SECONDS:,}"
            )
    counts: dict[str, int | None] = {}
    for key in ("prompt_tokens", "completion_tokens"):
        given = spent.get(key)
        count = None if given is None else token_count(given, MAX_TOKENS)
        if given is not None and count is None:  # the one rule: a server's count too
            number = isinstance(given, int | float) and not isinstance(given, bool)
            what = _shown_number(given) if number else f"a {json_type(given)}"
            raise ValueError(
                f"document {doc_id!r}: its usage's {key} is {what}, not a whole number of "
                f"tokens from 0 to {MAX_TOKENS:,}"
            )
        counts[key] = count
    return DocUsage(
        prompt_tokens=counts["prompt_tokens"],
        completion_tokens=counts["completion_tokens"],
        seconds=seconds,
    )


def _shown_number(value: Any) -> str:
    """A value as a message shows it: short (a 400-digit count is not printed whole)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    text = repr(value)
    return text if len(text) <= 30 else f"{text[:12]}... ({len(text)} characters)"


def failure_text(problem: Any) -> str:
    """What an error line's ``error`` says, read whatever its shape: an object's ``type``
    and ``message`` (as bulk writes it), a string as the message, anything else shown
    short. A damaged ``error`` still marks its document failed, never fails the eval."""
    if isinstance(problem, Mapping):
        kind, message = problem.get("type"), problem.get("message")
        kind = kind if isinstance(kind, str) and kind else "error"
        text = message if isinstance(message, str) else "" if message is None else repr(message)
    else:
        kind = "error"
        text = problem if isinstance(problem, str) else "" if problem is None else repr(problem)
    text = " ".join(text.split())
    return f"{kind}: {text[:300] + '...' if len(text) > 300 else text}"


def _record(doc_id: str, index: int, data: Any) -> Record:
    """One predicted record read back as its type, or a ValueError saying which document,
    which record and which field (pydantic's own message names neither)."""
    if not isinstance(data, Mapping):
        raise ValueError(
            f"document {doc_id!r}, record {index}: a {type(data).__name__}, not a record"
        )
    kind = str(data.get("type"))
    try:
        spec = get_type(kind)
    except ConfigurationError as error:  # a plugin's type, not installed here
        raise ValueError(f"document {doc_id!r}, record {index}: {error}") from None
    try:
        return spec.record.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first.get("loc", ())) or "the record"
        more = len(error.errors()) - 1
        also = f" (and {more} more problem(s))" if more else ""
        raise ValueError(
            f"document {doc_id!r}, record {index} ({kind}): {field}: {first.get('msg')}{also}"
        ) from None
    except ArithmeticError as error:  # a Decimal past its context ("amount": 1e308)
        raise ValueError(
            f"document {doc_id!r}, record {index} ({kind}): a number is out of range "
            f"({type(error).__name__})"
        ) from None


#: How many ids a message about mismatched texts names.
SHOWN_IDS = 5


def text_sha256(text: str) -> str:
    """The hash a line records of the text it was made from, as ``Document.text_sha256``
    hashes it. A gold text holds no lone surrogate (:class:`GoldDocument` replaced them, as
    bulk does); surrogatepass keeps this total for any other string."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def other_texts(lines: Iterable[dict[str, Any]], documents: Sequence[GoldDocument]) -> list[str]:
    """The gold ids whose prediction line was made from another text than the gold's.

    A bulk line records the ``text_sha256`` of the text it was extracted from;
    a line for a gold id with a different hash scores records of some other
    article (an edited gold file, a bulk run over other files under the same
    names) as if they were predictions for this one. Lines without a hash (a
    run saved by an older ``eval --save-predictions``, older bulk output) cannot
    be checked and are trusted. In gold order.
    """
    hashes = {str(line["doc_id"]): line.get("text_sha256") for line in lines}
    return [
        doc.id
        for doc in documents
        if isinstance(hashes.get(doc.id), str) and hashes[doc.id] not in _hashes_of(doc.text)
    ]


def _hashes_of(text: str) -> tuple[str, ...]:
    """The hashes a line made from ``text`` may record: of the text as the gold file holds
    it (``eval`` runs it so), and of the text bulk reads from the gold file's line.

    Bulk reads a row's text by its own rules (line ends made LF, a leading BOM dropped,
    front matter read as a markdown file's: its body is the text), so a bulk run over the
    gold file hashes that text; it is the same article. Those rules are asked of bulk's
    reader (:func:`~extractor.evaluation.scoring.text_readings`), never copied here, so
    the two cannot drift apart, and a span's offsets are checked against the same texts.
    """
    return tuple(text_sha256(reading) for reading in text_readings(text))


def mismatch_message(ids: Sequence[str], why: Mapping[str, str] | None = None) -> str:
    """One line naming how many predictions came from other texts, and the first ids; an
    id in ``why`` is followed by what it says (why no line with its text was taken instead,
    :meth:`TextCheck.unguessed`)."""
    why = why or {}
    shown = ", ".join(repr(i) + (f" ({why[i]})" if i in why else "") for i in ids[:SHOWN_IDS])
    return (
        f"{len(ids):,} prediction(s) were made from other texts than the gold's "
        f"(text_sha256 differs): ids {shown}{' ...' if len(ids) > SHOWN_IDS else ''}"
    )


@dataclass(frozen=True)
class TextCheck:
    """What :func:`check_texts` decided: the lines to score, and what to say of them.

    ``matched`` maps a gold id to the id of the line scored as its prediction though
    written under another id (``renamed_by_bulk``: a name bulk gave it; ``displaced``:
    the gold ids whose line under their own id, of another text, it replaced);
    ``mismatched`` are the gold ids whose line under their own id was made from another
    text and that no other line replaced (scored as missing); ``ambiguous`` maps a gold id
    to the lines that have its text when no one of them is its alone (not guessed).
    """

    lines: list[dict[str, Any]]
    gold_ids: frozenset[str]
    matched: dict[str, str] = field(default_factory=dict)
    renamed_by_bulk: frozenset[str] = frozenset()
    displaced: frozenset[str] = frozenset()
    mismatched: list[str] = field(default_factory=list)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)

    @property
    def nothing_scored(self) -> bool:
        """Whether no line left is a gold document's: every prediction was of another text."""
        return not any(str(line["doc_id"]) in self.gold_ids for line in self.lines)

    def unguessed(self) -> dict[str, str]:
        """Per ambiguous gold id, why no line with its text was taken: it names them."""
        why = {}
        for gold, found in self.ambiguous.items():
            shown = ", ".join(repr(i) for i in found[:3]) + (" ..." if len(found) > 3 else "")
            why[gold] = (
                f"its text is in {len(found):,} lines, {shown}: not guessed"
                if len(found) > 1
                else f"its text is in the line {shown}, as another gold document's is: not guessed"
            )
        return why

    def notes(self) -> list[str]:
        """At most two lines: the gold documents matched to a line under another id, and
        those with no line under their own id whose text is in no one line of their own."""
        notes = []
        if self.matched:
            pieces = [
                f"gold {gold!r} to the prediction {line!r} (same text; "
                + ("its id was renamed by bulk" if gold in self.renamed_by_bulk else "another id")
                + (f"; the line under {gold!r} was made from another text" if gold in
                   self.displaced else "") + ")"
                for gold, line in list(self.matched.items())[:SHOWN_IDS]
            ]  # fmt: skip
            more = " ..." if len(self.matched) > SHOWN_IDS else ""
            notes.append(
                f"{len(self.matched):,} gold document(s) matched to the line with their text: "
                f"{', '.join(pieces)}{more}"
            )
        why = self.unguessed()
        unowned = [gold for gold in why if gold not in self.mismatched]
        if unowned:
            shown = ", ".join(f"{g!r} ({why[g]})" for g in unowned[:SHOWN_IDS])
            notes.append(
                f"{len(unowned):,} gold document(s) have no prediction under their id: "
                f"{shown}{' ...' if len(unowned) > SHOWN_IDS else ''}; scored as missing"
            )
        return notes

    def mismatch_message(self) -> str | None:
        """The line naming the predictions made from other texts, None when there are none."""
        if not self.mismatched:
            return None
        return mismatch_message(self.mismatched, self.unguessed())


def check_texts(lines: Sequence[dict[str, Any]], documents: Sequence[GoldDocument]) -> TextCheck:
    """The lines to score against ``documents``, each gold document's found by its text.

    A gold document's prediction is the line under its id, unless that line was made from
    another text (:func:`other_texts`) or there is none. Then it is the one line that has
    its text (``text_sha256``, :func:`_hashes_of`) under an id no gold document has: bulk
    names a repeated id ``<id>@<its file>`` (:func:`~extractor.io.readers.beside_label`)
    when another file's row holds the id (``jan.jsonl`` and the gold file both numbered
    from 1), so the gold's own prediction is written under that name, and the line under
    the gold's id is the other file's article. That line is scored under the gold id and
    the other article's line is not scored. Two lines with its text, or one line whose
    text two gold documents have, are not guessed between: said, and scored as before
    (from another text: missing). A line whose id and text agree with its gold document's,
    or that has no hash, is never replaced: text alone does not outrank an id.
    """
    gold_ids = frozenset(doc.id for doc in documents)
    by_id = {str(line["doc_id"]): line for line in lines}
    other = set(other_texts(lines, documents))
    spare: dict[str, list[str]] = {}  # lines no gold document has by id, by their text hash
    for line_id, line in by_id.items():
        digest = line.get("text_sha256")
        if line_id not in gold_ids and isinstance(digest, str):
            spare.setdefault(digest, []).append(line_id)
    wanted: dict[str, list[str]] = {}
    for doc in documents:
        if doc.id in by_id and doc.id not in other:
            continue  # its own line stands: same text, or no hash to say otherwise
        found = list(
            dict.fromkeys(i for digest in _hashes_of(doc.text) for i in spare.get(digest, []))
        )
        if found:
            wanted[doc.id] = found
    claims = Counter(line_id for found in wanted.values() for line_id in found)
    matched = {gold: found[0] for gold, found in wanted.items()
               if len(found) == 1 and claims[found[0]] == 1}  # fmt: skip
    renamed = frozenset(
        gold for gold, line_id in matched.items() if _bulk_name(gold, line_id, by_id[line_id])
    )
    new_id = {line_id: gold for gold, line_id in matched.items()}
    kept = [
        _rekeyed(line, new_id[str(line["doc_id"])]) if str(line["doc_id"]) in new_id else line
        for line in lines
        if str(line["doc_id"]) not in other  # another article's line, under a gold id
    ]
    return TextCheck(
        lines=kept,
        gold_ids=gold_ids,
        matched=matched,
        renamed_by_bulk=renamed,
        displaced=frozenset(gold for gold in matched if gold in other),
        mismatched=[doc.id for doc in documents if doc.id in other and doc.id not in matched],
        ambiguous={gold: found for gold, found in wanted.items() if gold not in matched},
    )


def _bulk_name(gold_id: str, line_id: str, line: Mapping[str, Any]) -> bool:
    """Whether ``line_id`` is the name bulk gives the gold id's row when another file's row
    holds it (``<id>@<its file>``, as :func:`~extractor.io.readers.beside_label` makes it
    from the line's ``source``); a line without a source: the id with an ``@`` suffix."""
    source = line.get("source")
    if isinstance(source, str) and source:
        return line_id == beside_label(gold_id, source)
    return line_id.startswith(gold_id + "@")


def _rekeyed(line: Mapping[str, Any], doc_id: str) -> dict[str, Any]:
    """``line`` as the prediction of the gold document ``doc_id``: its records that carry
    the line's own id carry the gold id too (they are that document's, not foreign ones)."""
    result = as_result_line(line)
    old = result.get("doc_id")
    records = result.get("records")
    if isinstance(records, list):
        result["records"] = [
            {**r, "doc_id": doc_id} if isinstance(r, Mapping) and r.get("doc_id") == old else r
            for r in records
        ]
    result["doc_id"] = doc_id
    return result
