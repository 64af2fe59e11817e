"""The per-document path of every engine, as plain rows: dicts in, dicts out.

Why rows: an engine that spreads work over processes or machines (Ray Data,
Dask, Spark) moves data between them as tables of plain values, not as
Python objects with behaviour. So an input unit travels as a dict row
(:func:`item_row`, inverted by :func:`row_item`) and comes back as a result
row whose ``line`` is exactly the JSON object a plain bulk run writes
(:func:`~extractor.bulk.runner.result_line`), so every engine produces the
same lines.

Rows in (:data:`INPUT_COLUMNS`): ``text`` (required), ``doc_id`` (else
``id``, else ``sha256:`` of the text, as :meth:`Extractor.extract` names it),
``published`` (a date or an ISO string), ``source``, ``title``, ``url``,
``warnings``; ``id``, ``text``, ``published``, ``title`` and ``url`` in any case and with
blanks around (``ID``, ``Text ``), as bulk's CSV and JSONL readers take them, and a field
spelt twice (``text`` and ``Text``) read and said as bulk's JSONL reader reads and says it
(:meth:`~extractor.io.formats.RecordFields.merged`); the bulk driver also sets ``text_sha256`` and, for units the
readers could not read, ``error`` and ``skipped``; a duplicate id's row
carries ``duplicate_of``. An id repeated within the rows of one call is
named as bulk names it: ``<id>#duplicate-<n>``, an error line; a row repeating an earlier
one (the same own id and text) is that document again, extracted once, its result row the first
copy's. A row without an id repeating an earlier id-less row's text is a document of its own,
``sha256:<hash>#<n>`` for the n-th, as bulk names the n-th such row of a file
(:class:`~extractor.io.readers.ContentTurns`, the one rule): two input rows, two lines. Any row at all becomes a document or that row's
error line: a row without a text, a text that is no (or blank) text is one
document's failure, never an exception. Text, title, url and published are read by bulk's
own rule (:func:`~extractor.io.formats.record_to_document`): a published string that is
no date is a warning, as in bulk, and a date object (a Timestamp, ``datetime64``) its day.

Rows out (:data:`RESULT_COLUMNS`): ``doc_id``, ``status`` (``ok``,
``error``, ``skipped``), ``reason`` (a countable failure reason, null unless
an error) and ``line``, as ASCII JSON text (Arrow needs valid UTF-8; the lone
surrogates of a broken input survive escaped).

:func:`aextract_rows` extracts a batch concurrently through
:func:`~extractor.bulk.batch.extract_many` (so a failure in one document is
that document's error line); :func:`extract_rows` is its blocking form and
:func:`extract_frame` its pandas form, the function for Dask
``map_partitions`` and Spark ``mapInPandas``. The Ray engine
(:mod:`extractor.integrations.ray`) calls it from its actors.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import hashlib
import json
import sys
from collections.abc import AsyncIterator, Coroutine, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from extractor import errors
from extractor.blank import is_blank
from extractor.bulk.batch import (
    DEFAULT_CONCURRENCY,
    BatchResult,
    ErrorInfo,
    checked_extractor,
    extract_many,
)
from extractor.bulk.runner import (
    RunInfo,
    as_duplicate,
    failure_reason,
    result_line,
)
from extractor.errors import BatchAborted, ConfigurationError, ExtractorError, InputError
from extractor.export import STOPPED
from extractor.io.decoding import decode_bytes
from extractor.io.formats import RecordFields, record_to_document
from extractor.io.readers import ContentTurns, InputFailure, Item
from extractor.pipeline.document import Document, as_date, input_id, is_missing, row_id
from extractor.pipeline.engine import Extractor
from extractor.pipeline.options import whole_option
from extractor.runtime import aio

if TYPE_CHECKING:
    import pandas

__all__ = [
    "DEFAULT_JOBS",
    "DRIVER_COLUMNS",
    "INPUT_COLUMNS",
    "RESULT_COLUMNS",
    "STOPPED",
    "aextract_rows",
    "extract_frame",
    "extract_rows",
    "frame_of",
    "item_row",
    "pinned_options",
    "row_item",
    "stop_row",
    "stopped_error",
]

T = TypeVar("T")

#: The columns of the rows a bulk driver feeds to its workers (see the module doc).
INPUT_COLUMNS = (
    "doc_id", "text", "published", "source", "title", "url", "text_sha256", "warnings",
    "error", "skipped", "duplicate_of",
)  # fmt: skip
#: The input columns only a bulk driver sets (what its readers and plan found); ignored in a
#: user's rows (:func:`aextract_rows`).
DRIVER_COLUMNS = ("error", "skipped", "duplicate_of", "text_sha256")
#: The columns of the result rows.
RESULT_COLUMNS = ("doc_id", "status", "reason", "line")
#: Documents in flight per call (per worker) unless told otherwise: a plain run's ``-j``.
DEFAULT_JOBS = DEFAULT_CONCURRENCY

# --------------------------------------------------------------------- rows


def item_row(item: Item, duplicate_of: str | None = None) -> dict[str, Any]:
    """A reader's item as a plain dict row (see :data:`INPUT_COLUMNS`); :func:`row_item` inverts it.

    ``meta`` is left out: no line carries it.
    """
    if not isinstance(item, Document | InputFailure):
        raise TypeError(
            f"item must be a Document or an InputFailure (what bulk's readers give), not "
            f"{type(item).__name__}: pass row_item(row) for a dict row"
        )
    if isinstance(item, Document):
        return {
            "doc_id": item.doc_id, "text": item.text,
            "published": item.published.isoformat() if item.published else None,
            "source": item.source, "title": item.title, "url": item.url,
            "text_sha256": item.text_sha256, "warnings": list(item.warnings),
            "error": None, "skipped": False, "duplicate_of": duplicate_of,
        }  # fmt: skip
    return {
        "doc_id": item.doc_id, "text": None, "published": None, "source": item.source,
        "title": None, "url": None, "text_sha256": None, "warnings": [],
        "error": item.error, "skipped": item.skipped, "duplicate_of": duplicate_of,
    }  # fmt: skip


#: The field names bulk's readers take (``id``, ``text``, ``published``, ``title``).
_FIELDS = RecordFields()


def row_item(row: Mapping[str, Any]) -> Item:
    """The Document (or InputFailure) a row describes; never raises for a bad row.

    A user's row is read by bulk's one rule for a JSONL object or CSV row
    (:func:`_read_as_bulk`): text, title, url and published mean the same
    whichever API reads the row, so a frame given to ``extract_frame`` and its
    JSONL export given to ``extractor bulk`` give the same documents, warnings
    and failure reasons. A row that cannot be a document (no text, a text that
    is no text) becomes an InputFailure naming the reason, so it ends as that
    document's error line; a published value that is no date is a warning, as
    in bulk. A bulk driver's row (:func:`item_row`, which carries
    ``text_sha256``) is what bulk's reader already made: it is carried exactly.
    """
    if not isinstance(row, Mapping):
        raise TypeError(
            f"row must be a mapping of columns (a dict with id and text), not "
            f"{type(row).__name__}: pass {{'id': ..., 'text': ...}}"
        )
    row, spelt = _spelt_as_bulk_reads(row)
    raw_text = row.get("text")
    source = _string(row.get("source"))
    # ``doc_id`` (what the bulk driver sets) is carried exactly; a user's ``id`` is read
    # as bulk's readers read an id column (:func:`input_id`, the one rule for both)
    own_id, problems, said = _row_id(row)
    doc_id = own_id or _text_id(raw_text)  # a row without one is keyed by its text
    where = doc_id if source is None else source
    error = _string(row.get("error"))
    if error:
        return InputFailure(doc_id, where, error, skipped=_flag(row.get("skipped")))
    if "text_sha256" in row:  # a driver's row: read by bulk's reader already
        return _driver_item(row, doc_id, where, problems)
    document: Document | None = None
    try:
        document = _read_as_bulk(row, doc_id, where)
    except InputError as problem:
        problems.insert(0, str(problem).removeprefix(f"{problem.source}: "))
    except Exception as problem:  # the row's failure, never the call's (as in bulk)
        problems.insert(0, f"could not be read ({type(problem).__name__}: {problem})")
    if problems or document is None:
        return InputFailure(doc_id, where, "; ".join(problems))
    own = (*spelt, *said, *document.warnings, *_strings(row.get("warnings")))
    return dataclasses.replace(document, warnings=own)


def _driver_item(row: Mapping[str, Any], doc_id: str, where: str, problems: list[str]) -> Item:
    """A row :func:`item_row` made of a reader's Document, back as that Document."""
    text, published = "", None
    try:
        text = _row_text(row.get("text"), row)
        published = _row_date(row.get("published"))
    except ValueError as problem:
        problems.insert(0, str(problem))
    if problems:
        return InputFailure(doc_id, where, "; ".join(problems))
    return Document(
        doc_id, text, published=published, source=_string(row.get("source")),
        title=_string(row.get("title")), url=_string(row.get("url")),
        warnings=tuple(_strings(row.get("warnings"))),
    )  # fmt: skip


def _read_as_bulk(row: Mapping[str, Any], doc_id: str, where: str) -> Document:
    """A user's row read by :func:`~extractor.io.formats.record_to_document`, the rule bulk's
    JSONL and CSV readers follow, so that there is one: the title cleaned (spaces collapsed,
    a number its digits, an empty one null), a published string that is no date a warning
    (the document is still read), a dateline at the text's start its date when no published
    is given, and a missing, non-string or blank text bulk's :class:`InputError`.

    What only rows hold is made what bulk's reader would hold first: a text of bytes is
    decoded (:func:`decode_bytes`); a missing value (a frame's gap: NaN, NaT, ``pd.NA``) is
    an absent field; a published ``datetime.date``/``datetime``/pandas ``Timestamp``/numpy
    ``datetime64`` is its day (:func:`as_date`), a date, not a string. A field the row
    lacks stays absent, as in bulk's object (a null text and no text are told apart)."""
    record = {f: row[f] for f in ("text", "published", "title", "url") if f in row}  # as given
    record = {field: None if is_missing(value) else value for field, value in record.items()}
    text = record.get("text")
    if isinstance(text, bytes | bytearray | memoryview):
        record["text"] = decode_bytes(bytes(text))  # InputError for empty or binary bytes
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        with contextlib.suppress(TypeError, ValueError):  # else bulk's warning names it
            record["published"] = as_date(published)
    return record_to_document(record, fields=_FIELDS, doc_id=doc_id, source=where, fmt="rows")


def _row_id(row: Mapping[str, Any]) -> tuple[str | None, list[str], list[str]]:
    """The row's own id (None: keyed by its text), the row's error if its id cell holds a
    value of a kind no id can be, and the warnings to say: ``doc_id``, else ``id``, each
    read by :func:`input_id`, the rule bulk's readers follow too."""
    named = row.get("doc_id")
    if isinstance(named, str) and not is_blank(named):
        # a name bulk gave already, exactly as the driver holds it: a path label keeps its
        # spelling (``café.txt`` decomposed, as a Mac writes it), so composing it here
        # answered the driver under a name it was not waiting for
        return named, [], []
    said: list[str] = []
    for column, given in (("doc_id", False), ("id", True)):
        # a ``doc_id`` that is no string (a number) is its value's text; ``id`` is an
        # input's own id, read as bulk reads one (escaped where it reads like a copy's name)
        read = input_id if given else row_id
        found = read(row.get(column), f"the row's {column}", stripped=given)
        if found.error is not None:
            return None, [found.error], []
        if found.text is not None:
            return found.text, [], []
        said += [found.warning] if found.warning else []
    return None, [], said


def _spelt_as_bulk_reads(row: Mapping[str, Any]) -> tuple[Mapping[str, Any], list[str]]:
    """``row`` with ``ID``, ``Text ``, ``Published`` named as bulk's CSV and JSONL readers name
    them, and the notes bulk's JSONL reader gives the same object (``'text' is named 2 times
    ('text', 'Text'); 'text' is read``), to go first in the document's warnings as they go
    first in bulk's line. Both from :meth:`RecordFields.merged`, the one rule for a row's
    fields (the spelling holding a value is read), never a copy of it: one frame read through
    bulk or through these rows gives the same documents under the same ids, and says so alike
    when a field is spelt twice (of which one value is then not read)."""
    return _FIELDS.merged(row)


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _text_id(text: Any) -> str:
    """The id :meth:`Extractor.extract` gives a text without one: its hash's first 16 digits.

    A cell that is no text still names its row, never stops the call: a value whose truth
    or ``str`` raises (pandas' ``NA``, an array) is hashed as a missing text when it is one
    (:func:`is_missing`: the empty text's hash, as None's), else as its type's name, so the
    row ends as its own error line (the text's error says what is wrong). A gap is checked
    before the value's truth: a float NaN or NaT is true, and hashed as ``"nan"``/``"NaT"``
    it named the same gap apart from None's (a frame's empty text cell differs by dtype)."""
    if isinstance(text, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(text)).hexdigest()[:16]
    if is_missing(text):  # a gap is no text whatever its kind: NaN, NaT, NA and None alike
        return "sha256:" + hashlib.sha256(b"").hexdigest()[:16]
    try:
        written = str(text or "")
    except Exception:  # any value a frame's cell may hold: the row's error, not the call's
        written = "" if is_missing(text) else f"<{type(text).__name__}>"
    data = written.encode("utf-8", "surrogatepass")
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


def _flag(value: Any) -> bool:
    return False if is_missing(value) else bool(value)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if is_missing(value) or not isinstance(value, Iterable):
        return []
    return [str(entry) for entry in value]


def _row_text(value: Any, row: Mapping[str, Any]) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return decode_bytes(bytes(value))  # InputError (a ValueError) for empty or binary
    if is_missing(value):
        if "text" not in row:
            columns = ", ".join(sorted(str(name) for name in row)) or "none"
            raise ValueError(f"the row has no 'text' field (its fields: {columns})")
        raise ValueError("the row's text is missing (null)")
    raise ValueError(f"the row's text is a {type(value).__name__}, not a string")


def _row_date(value: Any) -> date | None:
    """A row's ``published``, read as ``Document(published=...)`` reads it (:func:`as_date`):
    one reading of a date however it comes in; a ValueError (the row's error) if none."""
    try:
        return as_date(value)
    except (TypeError, InputError):
        raise ValueError(f"published date {value!r} is not ISO 8601 (YYYY-MM-DD)") from None


# ----------------------------------------------------------- the per-batch path


async def aextract_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    extractor: Extractor,
    jobs: int = DEFAULT_JOBS,
    abort_after: int | None = None,
    gate: asyncio.Semaphore | None = None,
    stop_rows: bool = False,
    driver_rows: bool = False,
) -> list[dict[str, Any]]:
    """One result row per input row, in input order (see the module doc for both shapes).

    ``driver_rows``: the rows come from a bulk driver (:func:`item_row`), whose
    ``error``, ``skipped`` and ``duplicate_of`` say what its readers and its plan
    found. A user's rows are never read for them (:data:`DRIVER_COLUMNS`): a
    scraper's ``error`` column or a deduplicator's ``duplicate_of`` is the
    user's data, not an instruction to skip the article.

    ``jobs`` documents are extracted at once; ``gate``, when given, is a
    semaphore shared by concurrent calls (one actor's batches) that bounds
    their documents in flight together. Raises only what stops a plain bulk
    run (see :func:`~extractor.bulk.batch.extract_many`); with ``stop_rows``
    that error comes back instead as a last row with status ``stopped``
    (:func:`stopped_error` rebuilds it), after the rows of the documents that
    finished: Ray keeps only the text of an exception raised in a worker,
    and the bulk driver must raise the error itself.
    """
    checked_extractor(extractor)
    jobs = whole_option("jobs", jobs, at_least=1, hint=JOBS_HINT)
    rows = list(_checked_rows(rows))
    if not rows:
        return []
    items, duplicate_of, copies = _unique(rows, driver_rows)
    fed = [index for index in range(len(items)) if index not in copies]
    slots = gate if gate is not None else asyncio.Semaphore(jobs)
    info = RunInfo.of(extractor)
    held = 0

    async def feed() -> AsyncIterator[Item]:
        nonlocal held
        for index in fed:
            await slots.acquire()
            held += 1
            yield items[index]

    out: list[dict[str, Any] | None] = [None] * len(rows)
    finished: dict[int, BatchResult] = {}  # by row: what a copy's result is made of
    stream = extract_many(
        feed(), extractor=extractor, concurrency=min(jobs, len(fed)), abort_after=abort_after
    )
    stop: list[dict[str, Any]] = []
    try:
        async with contextlib.aclosing(stream):
            async for result in stream:
                held -= 1
                slots.release()
                index = fed[result.index]
                finished[index] = result
                out[index] = _result_row(result, info, items[index], duplicate_of[index])
    except ExtractorError as error:
        if not stop_rows:
            raise
        stop.append(stop_row(error))
    finally:
        for _ in range(held):  # the documents a stopping error left in flight
            slots.release()
    for index, first in copies.items():  # one document, one extraction: its first copy's
        done = out[first]
        if done is None or items[index].doc_id == items[first].doc_id:
            out[index] = None if done is None else dict(done)  # one id: one line
        else:  # an id-less row's copy: the same result under its own name
            copy = _restamped(finished[first], items[index], index)
            out[index] = _result_row(copy, info, items[index], duplicate_of[index])
    return [row for row in out if row is not None] + stop


#: What ``jobs`` is, for the message that refuses a value that is none.
JOBS_HINT = "the documents extracted at once by each worker, 1 or more (say 8)"


def _checked_rows(rows: Any) -> Iterable[Any]:
    """``rows`` when they iterate into rows: a TypeError naming what they are otherwise (a
    single row's dict iterates into its column names, a str into its characters)."""
    table = hasattr(rows, "itertuples") or hasattr(rows, "columns")
    if hasattr(rows, "to_frame") and not table:  # a pandas Series: a column, not rows
        raise TypeError(
            "rows must be an iterable of rows (dicts with id and text), not a Series: pass "
            "extract_frame(series.to_frame('text')) for a column of texts"
        )
    if rows is None or isinstance(rows, str | bytes | Mapping) or table:
        what = "a table" if table else type(rows).__name__
        raise TypeError(
            f"rows must be an iterable of rows (dicts with id and text), not {what}: pass "
            "[row] for one row, or a frame's rows (frame.to_dict('records'), or extract_frame)"
        )
    if not isinstance(rows, Iterable):
        raise TypeError(f"rows must be an iterable of rows (dicts), not {type(rows).__name__}")
    return rows


def _checked_frame(frame: Any) -> pandas.DataFrame:
    """``frame`` when it is a pandas DataFrame whose column names are each once (an
    InputError naming those that are not); a TypeError saying what is needed otherwise
    (a Series failed in pandas' own ``to_dict``, a list of rows as a frame with no
    ``to_dict``)."""
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(frame, pandas.DataFrame):
        duplicated = list(dict.fromkeys(frame.columns[frame.columns.duplicated()]))
        if duplicated:
            # a row as a dict keeps one cell of each name (pandas' last, with a warning):
            # the text, id or date of the other column would be read as the row's, unseen
            raise InputError(
                f"extract_frame: the frame has {len(duplicated)} column name(s) more than "
                f"once ({', '.join(map(repr, duplicated[:5]))}), and a row can hold one cell "
                "of each name: rename or drop the copies (frame.loc[:, "
                "~frame.columns.duplicated()] keeps the first)"
            )
        _check_labels(frame, pandas)
        return frame
    if hasattr(frame, "to_frame"):
        hint = "series.to_frame('text') makes one of a column of texts"
    elif isinstance(frame, Mapping | Iterable) and not isinstance(frame, str | bytes):
        hint = "pandas.DataFrame(rows) makes one, or pass the rows to extract_rows"
    else:
        hint = "pandas.DataFrame({'id': [...], 'text': [...]}) makes one"
    raise TypeError(
        f"extract_frame needs a pandas DataFrame of rows (id and text columns), not "
        f"{type(frame).__name__}: {hint}"
    )


def _check_labels(frame: pandas.DataFrame, pandas: Any) -> None:
    """An InputError when the frame's column labels cannot name a row's text: a MultiIndex
    (each row's keys are tuples, so no field is read, not even the id) or labels that are
    no names (``0``, ``1``: a CSV read with ``header=None``) with none read as the text.

    Every row of such a frame failed alike, each its own error line saying its row has no
    'text' field, and the documents were never extracted: the frame's shape is at fault,
    so it is said once, before any call, with the line that fixes it. A frame of named
    columns without a text column keeps its rows' own error lines (a row is read as bulk
    reads one)."""
    columns = frame.columns
    if isinstance(columns, pandas.MultiIndex):
        shown_labels = ", ".join(map(repr, list(columns)[:3]))
        raise InputError(
            f"extract_frame: the frame's columns are a MultiIndex of {columns.nlevels} levels "
            f"({shown_labels}), and a row's fields are named by one string each: flatten it "
            "first (frame.columns = frame.columns.get_level_values(-1), or "
            "['_'.join(map(str, c)) for c in frame.columns])"
        )
    others = [label for label in columns if not isinstance(label, str)]
    named = _FIELDS.merged({label: None for label in columns if isinstance(label, str)})[0]
    if others and "text" not in named:
        shown_labels = ", ".join(map(repr, others[:5]))
        raise InputError(
            f"extract_frame: the frame has no 'text' column, and {len(others)} of its column "
            f"labels are no names ({shown_labels}): name its columns (frame.columns = "
            "['id', 'text', ...], or frame.rename(columns={0: 'text'}))"
        )


def _frame_rows(frame: pandas.DataFrame) -> list[dict[Any, Any]]:
    """The frame's rows as dicts, each cell of a float16 or float32 column its own numpy
    scalar: ``to_dict`` makes it a Python float, whose id is the float64's text
    (``0.10000000149011612``), not the column's value (``0.1``, :func:`row_id`)."""
    import numpy

    rows: list[dict[Any, Any]] = frame.to_dict("records")
    for position, (name, dtype) in enumerate(frame.dtypes.items()):
        if getattr(dtype, "kind", None) == "f" and dtype.itemsize < 8:
            kind = getattr(dtype, "numpy_dtype", dtype)  # pandas' Float32 too
            cells = frame.iloc[:, position].to_numpy(dtype=kind, na_value=numpy.nan)
            for row, cell in zip(rows, cells, strict=True):
                row[name] = cell
    return rows


def stop_row(error: ExtractorError) -> dict[str, Any]:
    if not isinstance(error, ExtractorError):
        raise TypeError(
            f"error must be an ExtractorError (the error that stopped the run), not "
            f"{type(error).__name__}"
        )
    message = " ".join(str(error).split())
    payload = {
        "type": type(error).__name__, "message": message, "kind": error.kind,
        "status_code": getattr(error, "status_code", None),
    }  # fmt: skip
    return {
        "doc_id": None, "status": STOPPED, "reason": f"{payload['type']}: {message}",
        "line": json.dumps(payload, ensure_ascii=True),
    }  # fmt: skip


def stopped_error(line: str) -> ExtractorError:
    """The error a ``stopped`` row carries, as its own class where this driver knows it.

    Rebuilt from its name, message, kind and status (not unpickled: the
    classes' constructors differ, and data from a cluster is not code).
    """
    if not isinstance(line, str):
        raise TypeError(
            f"line must be the JSON text of a stopped row's 'line', not {type(line).__name__}"
        )
    payload = json.loads(line)
    name, message = str(payload.get("type")), str(payload.get("message"))
    kind, status = payload.get("kind"), payload.get("status_code")
    found = getattr(errors, name, None)
    if not (isinstance(found, type) and issubclass(found, ExtractorError)):
        return ConfigurationError(
            f"{name}: {message}"
        )  # unknown here: it stopped the run all the same
    try:
        if issubclass(found, BatchAborted):
            last = errors.ModelError(message, status_code=status, kind=kind)
            return found(message, failures=0, last_error=last)
        if issubclass(found, errors.ModelError):
            return found(message, status_code=status, kind=kind)
        return found(message)
    except TypeError:  # a constructor that wants more than a message
        return ConfigurationError(f"{name}: {message}")


def _unique(
    rows: Sequence[Mapping[str, Any]], driver_rows: bool
) -> tuple[list[Item], list[str | None], dict[int, int]]:
    """The rows' items, an id seen before in them made its duplicate's error (and whose),
    and the rows that repeat an earlier row's document, each with that row's index.

    A repeat is a row with the same own id and the same text as an earlier one (one row
    in two exports concatenated): as bulk reads it (a ``repeat``: one document, one
    line), it is extracted once and its result row is its first copy's, never a
    ``#duplicate-N`` error beside it. A row without an id of its own is keyed by its text,
    and one repeating that text (whatever its date, title or url) has a line of its own,
    the n-th ``<key>#<n>`` (:class:`ContentTurns`), as bulk names the n-th such row of a
    file: the user gave two rows, so two lines, never one merged into the other (merged,
    the analyst's row count and the bulk run's disagreed). One repeating the whole
    document (text, date, title and url) is a copy all the same: extracted once, its
    result restamped under its own name (:func:`_restamped`), as a cache hit is.

    A bulk driver sends rows already named apart (``duplicate_of`` set); rows
    given by a user (a frame whose ids repeat: two monthly files each numbered
    from 1) are named here the same way, so two documents never leave as two
    lines under one id, of which every reader keeps the last. Ids are unique
    within one call: partitions of a Dask or Spark frame are named apart only
    if their ids are.
    """
    read: list[tuple[Mapping[str, Any], Item] | InputFailure] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):  # that row's error line, as any bad row is
            what = type(row).__name__
            read.append(InputFailure(f"row-{number}", f"row {number}",
                                     f"a row is a mapping of columns, not a {what}"))  # fmt: skip
            continue
        if not driver_rows:
            row = {name: value for name, value in row.items() if name not in DRIVER_COLUMNS}
        read.append((row, row_item(row)))
    # every id a row has before naming: a name made here (a copy's, a bad row's, a repeated
    # text's turn) is none of them, so it never takes a later row's own id from it
    own = {entry[1].doc_id for entry in read if isinstance(entry, tuple)}
    items: list[Item] = []
    duplicate_of: list[str | None] = []
    seen: set[str] = set()
    taken = _Taken(seen, own)
    firsts: dict[tuple[Any, ...], int] = {}  # a document's key -> its first row's index
    copies: dict[int, int] = {}
    turns = ContentTurns()  # id-less rows' names by text: bulk's one rule
    for number, entry in enumerate(read, start=1):
        if isinstance(entry, InputFailure):
            failure = entry
            if failure.doc_id in taken:
                failure = dataclasses.replace(failure, doc_id=_turn(failure.doc_id, taken))
            items.append(failure)
            seen.add(failure.doc_id)
            duplicate_of.append(None)
            continue
        row, item = entry
        original = _string(row.get("duplicate_of"))
        # a user's row with its own id: the same id and text again is the same document
        # again. A row without one is keyed by its text, and each such row has a line of
        # its own, named by its turn (``sha256:…#2``) as bulk names an id-less row
        # repeating a text (``file#<hash>#2``), never merged, never a duplicate's error;
        # one repeating the whole document (text, date, title, url) is extracted once
        key: tuple[Any, ...] | None = None
        if isinstance(item, Document) and not driver_rows:
            key = (item.doc_id, item.text_sha256)
            if _row_id(_spelt_as_bulk_reads(row)[0])[0] is None:
                key += (item.published, item.title, item.url)  # the whole document
                item = _by_turn(item, turns, taken)
        if key is not None and key in firsts:
            copies[number - 1] = firsts[key]
        elif original is None and item.doc_id in seen:
            original = item.doc_id
            item = as_duplicate(item, taken)
        elif key is not None:
            firsts[key] = number - 1
        seen.add(item.doc_id)
        items.append(item)
        duplicate_of.append(original)
    return items, duplicate_of, copies


class _Taken:
    """The ids a name made for a row must avoid: those named so far and every row's own."""

    def __init__(self, seen: set[str], own: set[str]) -> None:
        self.seen, self.own = seen, own

    def __contains__(self, name: object) -> bool:
        return name in self.seen or name in self.own


def _by_turn(item: Document, turns: ContentTurns, taken: _Taken) -> Document:
    """An id-less row's document under its text's next turn (:class:`ContentTurns`): its
    key first, ``key#2`` for the next row of that text, never a name seen already; its
    source too when that was the key (a row given no ``source``), as bulk names both."""
    name = turns.name(item.doc_id, taken)
    while name in taken.seen:  # the key itself, named already (a row's own id equal to it)
        name = turns.name(item.doc_id, taken)
    source = name if item.source == item.doc_id else item.source
    return dataclasses.replace(item, doc_id=name, source=source)


def _restamped(first: BatchResult, item: Item, index: int) -> BatchResult:
    """``first``'s result as the result of ``item``, a later row holding the same document
    under another name: its records' ``doc_id`` and ids made anew for that name (a record's
    id is made of its document's), marked ``cached`` as a result cache's hit is (no call
    was made for it), so no record of one row is ever read as the other's."""
    extraction = first.extraction
    if extraction is not None and item.doc_id is not None:
        extraction = extraction.served_as(item.doc_id)
    document = item if isinstance(item, Document) else first.document
    return dataclasses.replace(
        first, doc_id=item.doc_id, index=index, extraction=extraction, document=document,
        source=item.source,
    )  # fmt: skip


def _turn(name: str, taken: _Taken) -> str:
    """``name#2``, ``name#3``, ...: the first not taken."""
    turn = 2
    while f"{name}#{turn}" in taken:
        turn += 1
    return f"{name}#{turn}"


def _result_row(
    result: BatchResult, info: RunInfo, item: Item, duplicate_of: str | None
) -> dict[str, Any]:
    """The result row for one document; a line that cannot be built is its error line."""
    not_read = isinstance(item, InputFailure) and item.skipped
    try:
        line = result_line(result, info, duplicate_of=duplicate_of, not_read=not_read)
        text = json.dumps(line, ensure_ascii=True, allow_nan=False)
    except Exception as error:  # a record that does not serialise: that document's failure
        result = BatchResult(
            result.doc_id, result.index, error=ErrorInfo.from_exception(error),
            document=result.document, source=result.source, seconds=result.seconds,
        )  # fmt: skip
        line = result_line(result, info, duplicate_of=duplicate_of)
        text = json.dumps(line, ensure_ascii=True, allow_nan=False)
    status = line["status"]
    reason = failure_reason(result) if status == "error" else None
    return {"doc_id": result.doc_id, "status": status, "reason": reason, "line": text}


def extract_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    extractor: Extractor | None = None,
    jobs: int = DEFAULT_JOBS,
    **extractor_kwargs: Any,
) -> list[dict[str, Any]]:
    """Blocking :func:`aextract_rows`: plain dict rows in, result rows out, in order.

    Pass an ``extractor`` to reuse one (it is left open), or its options to
    have one made and closed here. Works inside a running event loop too (it
    then runs on a helper thread).
    """
    checked_extractor(extractor)
    rows = _checked_rows(rows)  # before an Extractor is made: what is wrong is the rows
    if extractor is not None and extractor_kwargs:
        raise ConfigurationError("pass either an extractor or extractor options, not both")
    owned = extractor is None
    engine = extractor if extractor is not None else Extractor(**extractor_kwargs)

    async def run() -> list[dict[str, Any]]:
        try:
            return await aextract_rows(rows, extractor=engine, jobs=jobs)
        finally:
            await engine.aclose()  # this loop's HTTP client dies with the loop

    try:
        return _run_sync(run())
    finally:
        if owned:
            engine.close()


def extract_frame(
    frame: pandas.DataFrame,
    *,
    extractor: Extractor | None = None,
    jobs: int = DEFAULT_JOBS,
    **extractor_kwargs: Any,
) -> pandas.DataFrame:
    """A pandas frame of input rows to a frame of result rows (:data:`RESULT_COLUMNS`),
    under the input's index, so that ``df["status"] = extract_frame(df)["status"]`` lines
    up on a filtered or sorted frame too.

    The function for Dask ``map_partitions`` and Spark ``mapInPandas``.
    """
    frame = _checked_frame(frame)
    rows = extract_rows(_frame_rows(frame), extractor=extractor, jobs=jobs, **extractor_kwargs)
    out = frame_of(rows, RESULT_COLUMNS)
    out.index = frame.index  # one result row per input row, in order: its index too
    return out


def frame_of(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> pandas.DataFrame:
    """Rows as a pandas frame of plain Python objects.

    Object columns, not pandas' string type (Arrow-backed since pandas 3): a
    file name or text undecodable as UTF-8 holds lone surrogates, which
    Arrow refuses, and such a document must travel like any other.
    """
    import pandas

    for name, value, needed in (("rows", rows, "rows"), ("columns", columns, "column names")):
        if (
            isinstance(value, str | bytes | Mapping)
            or not isinstance(value, Iterable)
            or (hasattr(value, "columns") or hasattr(value, "to_frame"))
        ):
            raise TypeError(f"{name} must be a list of {needed}, not {type(value).__name__}")
    return pandas.DataFrame(list(rows), columns=list(columns), dtype=object)


def _run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return aio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # a notebook's loop is running
        return pool.submit(aio.run, coroutine).result()


def pinned_options(**extractor_kwargs: Any) -> dict[str, Any]:
    """The Extractor options with the model resolved here, checked before any worker starts.

    Workers on other machines resolve ``model=None`` against their own
    environment; pinning the label, URL and mode makes every worker use the
    driver's model. Keys are not pinned: a worker reads its own environment
    (a local cluster inherits the driver's; pass ``runtime_env`` to a remote
    one), unless ``api_key`` is given.
    """
    probe = Extractor(**extractor_kwargs)
    try:
        spec = probe.spec
    finally:
        probe.close()
    return {**extractor_kwargs, "model": spec.label, "base_url": spec.base_url, "mode": spec.mode}
