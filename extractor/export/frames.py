"""Results as rows and pandas DataFrames, the same rows ``extractor flatten`` writes.

A Python caller holds results in one of three shapes: an
:class:`~extractor.pipeline.result.ArticleExtraction` (``extract``), a
:class:`~extractor.bulk.batch.BatchResult` (``extract_many``), or a line of a
bulk run's JSONL read back as a dict. :func:`table_rows` and
:func:`results_to_frame` take any mix of them and give the rows of one of
flatten's tables, so a table built in a notebook and one written by
``extractor flatten`` have the same columns and the same values.

Nothing is flattened here: every shape is first made into the line
``extractor bulk`` would have written for it (:func:`extractor.bulk.runner.result_line`,
or the line itself), and :func:`extractor.export.flatten.result_rows` turns
lines into rows. Column names and cell types are therefore flatten's
(:mod:`extractor.types.columns`): dates are :class:`datetime.date`, counts
integers, lists lists.

pandas is optional (``pip install 'extractor[pandas]'``); rows need nothing.
"""

from __future__ import annotations

import builtins
import dataclasses
import json
import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from extractor.bulk.batch import BatchResult, visible_name
from extractor.bulk.runner import RunInfo, result_line
from extractor.errors import ConfigurationError
from extractor.export import STOPPED
from extractor.export.flatten import result_rows, table_columns
from extractor.io.output import blank_doc_id, is_anonymous_result, is_result, line_key
from extractor.pipeline.document import is_missing
from extractor.pipeline.options import shown
from extractor.pipeline.result import ArticleExtraction
from extractor.types.base import Record
from extractor.types.registry import get_type, registered_types

if TYPE_CHECKING:
    import pandas

__all__ = ["PANDAS_EXTRA", "results_to_frame", "table_name", "table_rows"]

#: What to install for :func:`results_to_frame`.
PANDAS_EXTRA = "pip install 'extractor[pandas]'"

#: The table of every record of every type, one row each (flatten's ``events``).
EVENTS = "events"
#: The table of one row per result, failures included (flatten's ``documents``).
DOCUMENTS = "documents"

#: pandas dtypes of flatten's cell kinds: nullable integers and booleans, so a
#: missing count is <NA> and not a float NaN that turns 3 into 3.0; dates stay
#: :class:`datetime.date` and lists lists (as ``pandas.read_parquet`` gives them);
#: text is pandas' own text dtype, the same whether the column holds a value or not
#: (:func:`_text_dtype`).
_DTYPES: dict[str, str | None] = {
    "int": "Int64", "bool": "boolean", "float": "float64", "date": "object", "list": "object",
    "str": None,
}  # fmt: skip

#: ``RunInfo`` for a failed BatchResult: nothing says which model it was sent
#: to, so those cells stay empty (flatten reads "" as an empty cell).
_UNKNOWN_RUN = RunInfo(model="", prompt_version="", schema_version="", strategy="")


def table_name(type: str | type[Record] | None = None) -> str:
    """The flatten table that holds ``type``: ``events`` for None (every type),
    ``documents``, or a record type's table (``"visit"``, ``"visits"`` or the
    class ``Visit`` -> ``visits``). An unknown name is a ConfigurationError
    listing the choices."""
    if type is None:
        return EVENTS
    if not isinstance(type, str | builtins.type):
        raise TypeError(
            f"type must be a record type's name or class, 'events' or 'documents', not "
            f"{builtins.type(type).__name__} ({shown(type)})"
        )
    specs = registered_types()
    if isinstance(type, str):
        if type in (EVENTS, DOCUMENTS) or any(spec.plural == type for spec in specs):
            return type
        return get_type(type).plural
    for spec in specs:
        if spec.record is type:
            return spec.plural
    names = ", ".join(spec.name for spec in specs)
    raise ConfigurationError(
        f"{getattr(type, '__name__', type)!r} is not a registered record type: pass one of "
        f"{names}, 'events' or 'documents' (register a new type with extractor.register)"
    )


def table_rows(results: Any, type: str | type[Record] | None = None) -> list[dict[str, Any]]:
    """The rows of one flatten table for ``results`` (see :func:`results_to_frame`)."""
    table = table_name(type)
    given = list(_many(results))
    lines = [_line(result, index) for index, result in enumerate(given)]
    read_back = [isinstance(result, Mapping) and not _is_result_row(result) for result in given]
    carried = [result["line"] if _is_result_row(result) else None for result in given]
    return result_rows(_latest(lines, read_back, carried), tables=[table])[table]


def _input(line: Mapping[str, Any]) -> Any:
    """The input a line read back stands for (:func:`~extractor.io.output.line_key`), as
    every reader of bulk output keys it."""
    return line_key(line) if isinstance(line.get("doc_id"), str) else line.get("doc_id")


def _is_result_row(result: Any) -> bool:
    """A result row of ``extract_rows`` / ``extract_frame`` (it carries its line as text)."""
    return (
        isinstance(result, Mapping)
        and "records" not in result
        and isinstance(result.get("line"), str)
    )


def _latest(
    lines: list[Mapping[str, Any]], read_back: list[bool], carried: list[str | None]
) -> list[Mapping[str, Any]]:
    """The last line of each ``doc_id`` among the lines read back (dicts), as flatten reads
    a bulk output: it holds an edited document's superseded lines, and the ``skipped``
    line that retired a document (--forget-unseen) after its result.

    Results given as objects (``extract_many``'s) and the result rows of ``extract_rows``
    are each a document of their own, ids shared or not: the rows of two calls (two
    partitions of a frame, each numbered from 1) hold two documents under one id, and
    keeping the last lost the other's records without a word. A result row carrying the
    very line of an earlier one is that document again (``extract_rows`` gives a row
    repeating an earlier row's id and text its first copy's result row): kept once."""
    last = {_input(line): n for n, line in enumerate(lines) if read_back[n]}
    kept: list[Mapping[str, Any]] = []
    seen: set[str] = set()
    for n, line in enumerate(lines):
        if read_back[n]:
            if not line.get("doc_id") or last[_input(line)] == n:
                kept.append(line)
            continue
        text = carried[n]
        if text is not None:
            if text in seen:
                continue
            seen.add(text)
        kept.append(line)
    return kept


def results_to_frame(results: Any, type: str | type[Record] | None = None) -> pandas.DataFrame:
    """A pandas DataFrame of the rows ``extractor flatten`` writes for ``results``.

    ``results``: one result or an iterable of them, each an ArticleExtraction,
    a BatchResult or a bulk line (dict), mixed as you like. ``type`` picks
    the table: None gives ``events`` (every record, one row each, the columns
    every type shares), a type name or class gives that type's own table,
    ``"documents"`` one row per result (failures too). Only an ``ok`` result's records
    are read, as every reader reads them (:func:`~extractor.io.output.predicted_records`):
    records on an error or skipped line are left out, with a UserWarning naming the
    document. The frame has the
    table's columns even when there are no rows; integer columns are pandas'
    nullable ``Int64``, dates :class:`datetime.date` objects. Raises ConfigurationError
    naming the extra to install when pandas is missing.
    """
    try:
        import pandas
    except ImportError:
        raise ConfigurationError(f"results_to_frame needs pandas: {PANDAS_EXTRA}") from None
    table = table_name(type)
    rows = table_rows(results, table)
    columns = table_columns()[table]
    text = _text_dtype(pandas)
    data = {
        column.name: pandas.Series(
            [row[column.name] for row in rows],
            dtype=text if column.kind == "str" else _DTYPES.get(column.kind),
            name=column.name,
        )
        for column in columns
    }
    return pandas.DataFrame(data, columns=[column.name for column in columns])


def _text_dtype(pandas: Any) -> Any:
    """The dtype pandas gives a column of text (``str`` since pandas 3, ``object`` before),
    for every text column, whatever it holds.

    Left to pandas' inference, a column with no value in one file (no record has a
    ``purpose``: every cell None) was ``object`` while the same column of another file
    was ``str``: frames of two runs disagreed on a column's type, and ``pandas.concat``
    or a Parquet file written from each gave two schemas. flatten's own tables type a
    column by its kind, never by its cells (:mod:`extractor.types.columns`)."""
    return pandas.Series(["text"]).dtype


def _many(results: Any) -> Iterable[Any]:
    """One result is a batch of one; a dict is one line, not an iterable of keys."""
    if isinstance(results, ArticleExtraction | BatchResult | Mapping):
        return [results]
    if hasattr(results, "columns"):  # a table iterates into its column names
        raise TypeError(
            f"results is a {type(results).__name__}, not results: pass its rows "
            "(frame.to_dict('records') of extract_frame's result rows), or the results"
        )
    if isinstance(results, str | bytes) or not isinstance(results, Iterable):
        raise TypeError(_not_a_result(results, None))
    return results


def _line(result: Any, index: int) -> Mapping[str, Any]:
    """The bulk line of one result (a line read back is one already; a result row of
    :func:`~extractor.integrations.rows.extract_rows` carries its line as JSON text)."""
    if isinstance(result, Mapping):
        given: Mapping[str, Any] = _without_gaps(result)
        carried = given.get("line")
        if "records" not in given and isinstance(carried, str):
            return _carried(given, carried, index)
        if blank_doc_id(given) is not None:
            raise TypeError(
                f"results[{index}] is a dict that is no result: its doc_id is blank "
                f"({given['doc_id']!a}); give it the document's id"
            )
        if not (is_result(given) or is_anonymous_result(given)):
            keys = ", ".join(sorted(map(str, given))[:6]) or "no keys"
            raise TypeError(
                f"results[{index}] is a dict that is no result ({keys}): pass what the "
                "extraction gave (a bulk line has a doc_id and a status; an input row is none)"
            )
        if not isinstance(given.get("records", []), list | None):
            raise TypeError(f"results[{index}]: its records are not a list")
        return _visible_line(given)
    if isinstance(result, ArticleExtraction):
        document = result.document
        meta = result.metadata
        result = BatchResult(
            doc_id=visible_name(result.doc_id or (document.doc_id if document else f"#{index}")),
            index=index,
            extraction=result,
            document=document,
            source=document.source if document else None,
            seconds=meta.seconds,
        )
    if isinstance(result, BatchResult):
        result = _visibly_named(result)
        extraction = result.extraction
        if extraction is not None:
            _warn_of_redefined_types(extraction, index)
        info = (
            RunInfo(
                model=extraction.metadata.model,
                prompt_version=extraction.metadata.prompt_version,
                schema_version=extraction.metadata.schema_version,
                strategy=extraction.metadata.strategy,
            )
            if extraction is not None
            else _UNKNOWN_RUN
        )
        line = result_line(result, info, duplicate_of=result.duplicate_of)
        if blank_doc_id(line) is not None:
            raise TypeError(
                f"results[{index}] is a BatchResult whose doc_id is blank "
                f"({result.doc_id!a}): give it the document's id"
            )
        return line
    raise TypeError(_not_a_result(result, index))


def _warn_of_redefined_types(extraction: ArticleExtraction, index: int) -> None:
    """Warn when a record's class is no longer the one registered under its type name (a
    notebook cell defining the type again with other fields): the table has the new
    definition's columns, so the old record's own fields would be left out unseen."""
    for record in extraction.records:
        try:
            current = get_type(record.record_type).record
        except ConfigurationError:  # a type no longer registered: flatten's own rule says so
            continue
        lost = set(type(record).model_fields) - set(current.model_fields)
        if type(record) is not current and lost:
            warnings.warn(
                f"results[{index}]: record type {record.record_type!r} was defined again "
                f"after this result was made, without its field(s) {', '.join(sorted(lost))}, "
                "which its table leaves out: extract again with the new definition, or "
                "define the type as it was",
                UserWarning,
                stacklevel=4,
            )
            return


#: The names a line or a result carries that a document's id may be part of.
_NAMES = ("doc_id", "duplicate_of", "source")


def _visibly_named(result: BatchResult) -> BatchResult:
    """``result`` with its names escaped as :func:`visible_name` does (see there)."""
    names = {name: visible_name(getattr(result, name)) for name in _NAMES}
    if all(names[name] is getattr(result, name) for name in _NAMES):
        return result
    return dataclasses.replace(result, **names)


def _visible_line(line: Mapping[str, Any]) -> Mapping[str, Any]:
    """``line`` (a bulk line given or read back) with its names escaped as
    :func:`visible_name` does: JSON may spell a lone surrogate (``"\\ud800"``)."""
    names = {name: visible_name(line[name]) for name in _NAMES if name in line}
    if all(value is line[name] for name, value in names.items()):
        return line
    return {**line, **names}


def _carried(row: Mapping[str, Any], carried: str, index: int) -> Mapping[str, Any]:
    """The bulk line a result row of ``extract_rows`` carries, when it is one.

    The row's own keys (``doc_id``, ``status``) make a result of it too, so a row whose
    line was no result line was read as an ok document without records, and the row of a
    stopped run (its line the error, not a document) as a document with no id and no
    status: a table holding more documents than were given. Each is a TypeError naming
    the row instead, as any dict that is no result is."""
    if row.get("status") == STOPPED:
        raise TypeError(
            f"results[{index}] is the row of a run that stopped "
            f"({shown(row.get('reason'))}), not a document's result: leave it out "
            "(rows[rows['status'] != 'stopped']) and rerun the documents after it"
        )
    try:
        line = json.loads(carried)
    except (ValueError, RecursionError):
        line = None
    if isinstance(line, Mapping):
        line = _without_gaps(line)  # JSON's NaN, which json.loads reads
        if blank_doc_id(line) is not None:
            raise TypeError(
                f"results[{index}]: its line's doc_id is blank ({line['doc_id']!a}), "
                "and a blank doc_id is no result: give it the document's id"
            )
        if is_result(line) or is_anonymous_result(line):
            return _visible_line(line)
    raise TypeError(
        f"results[{index}]: its 'line' is no result line (a result row of extract_rows "
        f"carries the bulk line it stands for as JSON text, not {shown(carried)})"
    )


def _without_gaps(line: Mapping[str, Any]) -> Mapping[str, Any]:
    """``line`` without the fields a table left as gaps (NaN, NaT, ``pd.NA``): absent.

    A bulk output read back through pandas (``pandas.read_json(path, lines=True)``, then
    ``to_dict('records')``) holds NaN for every field its line lacks: ``records`` on an
    error or skipped line, ``error`` on an ok one. JSON never writes NaN (bulk refuses
    it), so a gap is a field the line did not hold, and read as a value the line was
    refused (its records "not a list") where the same line read with ``json.loads``, with
    None where NaN is, gave its rows: one file, two answers by how it was read."""
    if not any(value is not None and is_missing(value) for value in line.values()):
        return line
    return {key: value for key, value in line.items() if value is None or not is_missing(value)}


def _not_a_result(value: Any, index: int | None) -> str:
    where = "results" if index is None else f"results[{index}]"
    return (
        f"{where} is a {type(value).__name__}: pass an ArticleExtraction, a BatchResult, "
        "a bulk line (dict), or a list of them"
    )
