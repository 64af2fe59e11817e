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
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.errors import ConfigurationError, ExtractorError, InputError
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.goldmap import record_to_gold
from extractor.evaluation.scoring import DocUsage
from extractor.io.decoding import normalise_newlines
from extractor.io.output import (
    as_result_line,
    is_result,
    latest_entries,
    open_results,
    whole_json,
)
from extractor.pipeline.document import Document
from extractor.pipeline.engine import Extractor
from extractor.types.base import Record
from extractor.types.registry import get_type

Predictions = dict[str, list[dict[str, Any]]]


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
            line.update(
                status="error", records=[], seconds=None,
                usage={"prompt_tokens": getattr(spent, "prompt_tokens", 0),
                       "completion_tokens": getattr(spent, "completion_tokens", 0)},
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
    one wins, as in every reader of bulk output, so it is scored once. An
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
            if not isinstance(entry, Mapping) or not isinstance(entry.get("doc_id"), str):
                raise InputError(f"entry {number} is not a result (no doc_id)", source=str(path))
            lines.append(dict(entry))
        return lines
    lines = []
    with io.TextIOWrapper(open_results(path), encoding="utf-8-sig") as handle:  # gzipped or not
        for number, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                line = json.loads(text)
                str(line["doc_id"])
            except ValueError as error:
                if on_torn is not None and not text.endswith("\n") and not handle.read(1):
                    on_torn(number)
                    break
                raise InputError(
                    f"line {number} is not a result line ({error})", source=str(path)
                ) from None
            except (KeyError, TypeError, RecursionError) as error:
                reason = "nested too deep" if isinstance(error, RecursionError) else error
                raise InputError(
                    f"line {number} is not a result line ({reason})", source=str(path)
                ) from None
            lines.append(line)
    last = {str(line["doc_id"]): index for index, line in enumerate(lines)}
    return [line for index, line in enumerate(lines) if last[str(line["doc_id"])] == index]


def write_lines(path: Path, lines: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


def predictions_from_lines(
    lines: Iterable[dict[str, Any]],
) -> tuple[Predictions, dict[str, DocUsage], dict[str, str]]:
    """Gold-format predictions, per-document cost and failures from result lines."""
    predictions: Predictions = {}
    usage: dict[str, DocUsage] = {}
    failures: dict[str, str] = {}
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
        doc_id = unicodedata.normalize("NFC", str(line["doc_id"]))  # as gold ids are read
        if line.get("status") == "error":  # a failure, not a prediction of nothing: missing
            problem = line.get("error") or {}
            failures[doc_id] = f"{problem.get('type', 'error')}: {problem.get('message', '')}"
            continue
        given = line.get("records")
        if given is None:
            given = []
        if not isinstance(given, list):
            raise ValueError(
                f"document {doc_id!r}: its records are a {type(given).__name__}, not a list"
            )
        records = [_record(doc_id, index, r) for index, r in enumerate(given)]
        predictions[doc_id] = [record_to_gold(r) for r in records]
        spent = line.get("usage") or {}
        seconds = line.get("seconds")
        if not isinstance(spent, Mapping):
            raise ValueError(
                f"document {doc_id!r}: its usage is a {type(spent).__name__}, not an object"
            )
        if seconds is not None and (
            isinstance(seconds, bool) or not isinstance(seconds, int | float)
        ):
            raise ValueError(
                f"document {doc_id!r}: its seconds are a {type(seconds).__name__}, not a number"
            )
        for key in ("prompt_tokens", "completion_tokens"):
            count = spent.get(key)
            if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
                raise ValueError(
                    f"document {doc_id!r}: its usage's {key} is a {type(count).__name__}, "
                    "not a whole number"
                )
        usage[doc_id] = DocUsage(
            prompt_tokens=spent.get("prompt_tokens"),
            completion_tokens=spent.get("completion_tokens"),
            seconds=line.get("seconds"),
        )
    return predictions, usage, failures


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


#: How many ids a message about mismatched texts names.
SHOWN_IDS = 5


def text_sha256(text: str) -> str:
    """The hash bulk lines record of their text (``Document.text_sha256``): surrogatepass,
    so a text with lone surrogates hashes as bulk hashed it."""
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


def _hashes_of(text: str) -> tuple[str, str]:
    """The hashes a line made from ``text`` may record: of the text as the gold file holds
    it (``eval`` runs it so), and with its line ends made LF, as bulk reads every input
    (a CRLF or CR gold text is the same article to a bulk run over the gold file)."""
    return text_sha256(text), text_sha256(normalise_newlines(text))


def without_ids(lines: Iterable[dict[str, Any]], ids: Iterable[str]) -> list[dict[str, Any]]:
    """``lines`` less those of ``ids`` (so that those documents score as missing)."""
    dropped = set(ids)
    return [line for line in lines if str(line["doc_id"]) not in dropped]


def mismatch_message(ids: Sequence[str]) -> str:
    """One line naming how many predictions came from other texts, and the first ids."""
    shown = ", ".join(repr(i) for i in ids[:SHOWN_IDS]) + (" ..." if len(ids) > SHOWN_IDS else "")
    return (
        f"{len(ids):,} prediction(s) were made from other texts than the gold's "
        f"(text_sha256 differs): ids {shown}"
    )
