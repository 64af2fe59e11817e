"""The check that a run's text field names a key its input tables use.

A misnamed ``--text-field`` is the user's mistake, not the input's: said once, before
anything is written, instead of one identical error line per row (:class:`FieldCheck`).
"""

from __future__ import annotations

import collections
import contextlib
import csv
import itertools
import json
import os
from collections.abc import Iterable, Iterator

from extractor.errors import UnusedField
from extractor.io.formats import RecordFields
from extractor.io.readers import (
    CONTENT_KEYED,
    InputFailure,
    Item,
    close_items,
    file_path,
    is_descriptor,
    stream_name,
)
from extractor.pipeline.document import Document

__all__ = ["FIELD_CHECK_HELD", "FIELD_CHECK_ROWS", "FieldCheck"]


#: How many rows of a table (JSONL, CSV) are looked at for the text field: when none of
#: the first this many (or all, when it holds fewer) has it, the field is misnamed.
FIELD_CHECK_ROWS = 20
#: How many units of a checked table that say nothing about the field (lines that are no
#: JSON, rows the CSV reader rejects) are held at most while no row has said anything:
#: past that many they are let through (each is its own error line whatever the check
#: finds) and the check goes on, so that memory stays bounded on a table of bad lines.
FIELD_CHECK_HELD = 1_000


class FieldCheck(Iterator[Item]):
    """``items``, stopped with :class:`~extractor.errors.UnusedField` before any row of
    a checked table is let through when the text field is evidently misnamed for it.

    A misnamed field (``--text-field bdoy``) fails every row alike, "no 'bdoy'
    field": a run would write one error line per row and end like a run with a few
    bad rows. So the first rows of every checked table are held back (at most
    :data:`FIELD_CHECK_ROWS` of them that lack the field, and the lines that say nothing
    about it among them, :data:`FIELD_CHECK_HELD` at most) until one has the field (the table
    uses it: its rows from then on pass unchecked, and a single row lacking it is that
    row's error line) or the window is full or the table ends: if then none has it and
    one lacks it, reading stops, nothing of that table having been let through.

    The rule is the same for each table on its own, whatever came before it: a table
    that had the field says nothing about the next one, so the order of the inputs
    never changes whether a run is refused, nor its message (``a.jsonl b.jsonl`` and
    ``b.jsonl a.jsonl`` stop alike). A row is a unit whose ``source`` is
    ``<table>:<line>`` or, keyed by its content (an id-less row, a line that is no
    JSON), ``<table>#<hash>`` (:data:`~extractor.io.readers.CONTENT_KEYED`): a bad line
    of a table is held with the table's other rows; its failure is not about the text
    field (``InputFailure.text_field`` None), so it neither has nor lacks it.

    Which tables are checked: with a text field the user chose (not the default
    ``text``), every table, since the option is the user's claim about the tables of the
    run; with the default, only a table named as an input (``named``: a file argument,
    or stdin), since a table found by walking a folder or inside an archive may be no
    table of articles (a metadata CSV beside them) and no input kills a run: its rows
    are error lines, as any row lacking its text. ``named=None`` checks every table.
    Units that are no rows (a text file) pass as they come. The run peeks before it
    opens its output (``runner._ahead``), so a misnamed field found in the first table
    writes nothing; a later table refused stops the run the same way (one line, exit
    2), the lines of the units before it kept, which a corrected rerun skips as
    unchanged.
    """

    def __init__(
        self,
        items: Iterator[Item],
        fields: RecordFields,
        named: Iterable[str | os.PathLike[str]] | None = None,
    ) -> None:
        self._items = items
        self._named = None if named is None else frozenset(_same(path) for path in named)
        self._text = fields.text
        self._ready: collections.deque[Item] = collections.deque()
        self._table: str | None = None  # the table whose rows come now, if any
        self._open = False  # its first rows are being looked at (none had the field yet)
        self._held: list[Item] = []
        self._lacking = 0
        #: the keys the held rows lacking the field have (see ``InputFailure.keys``)
        self._keys: dict[str, None] = {}
        self._ended = False

    def __next__(self) -> Item:
        while not self._ready:
            if self._ended:
                raise StopIteration
            self._pull()
        return self._ready.popleft()

    def close(self) -> None:
        close_items(self._items)

    def _pull(self) -> None:
        try:
            item = next(self._items)
        except StopIteration:
            self._ended = True
            self._settle()
            return
        table = _row_table(item.source or "")
        if table != self._table:  # a new table is checked on its own, whatever came before
            self._settle()
            self._table = table
            self._open = table is not None and (
                self._named is None or _same(file_path(table)) in self._named
            )
        if not self._open:
            self._ready.append(item)
        elif self._has_field(item):  # the table uses the field: its other rows pass unchecked
            self._ready.extend(self._held)
            self._ready.append(item)
            self._held, self._lacking, self._open, self._keys = [], 0, False, {}
        else:
            self._held.append(item)
            if self._lacks(item):
                self._lacking += 1
                assert isinstance(item, InputFailure)
                self._keys.update(dict.fromkeys(item.keys[: 40 - len(self._keys)]))
            if self._lacking >= FIELD_CHECK_ROWS:
                self._settle()
            elif len(self._held) >= FIELD_CHECK_HELD:
                if self._lacking:
                    self._settle()  # rows lack it and none has it among as many lines
                else:
                    self._ready.extend(self._held)  # lines that say nothing: still looking
                    self._held = []

    def _settle(self) -> None:
        """The held rows of the table looked at: let through, or refused."""
        held, lacking, table, keys = self._held, self._lacking, self._table, [*self._keys]
        self._held, self._lacking, self._open, self._keys = [], 0, False, {}
        if lacking and table is not None:
            raise self._refusal(table, lacking, whole=lacking < FIELD_CHECK_ROWS, keys=keys)
        self._ready.extend(held)

    def _has_field(self, item: Item) -> bool:
        """The row has the key (a repeat is a row read with its text; a failure with
        ``text_field`` True has it with a null, empty or non-string value)."""
        return isinstance(item, Document) or item.repeat or item.text_field is True

    def _lacks(self, item: Item) -> bool:
        return isinstance(item, InputFailure) and item.text_field is False

    def _refusal(self, table: str, rows: int, *, whole: bool, keys: list[str]) -> UnusedField:
        which = (
            "the only row" if rows == 1 else f"none of the {rows} rows" if whole
            else f"none of the first {rows} rows"
        )  # fmt: skip
        has = "lacks it" if rows == 1 else "has it"
        keys = _row_keys(file_path(table)) or keys  # else those the rows' failures name
        their = f" (their keys: {', '.join(keys)})" if keys else ""
        return UnusedField(
            f"text_field {self._text!r}: {which} of {_shown_path(file_path(table))} {has}"
            f"{their}; name the field that holds the text"
        )


def _row_table(source: str) -> str | None:
    """The table (JSONL, CSV file or member) a row's ``source`` is in: ``<table>:<line>``,
    or ``<table>#<hash>[#<n>]`` for a row keyed by its content (an id-less row, a line
    that is no JSON: :data:`~extractor.io.readers.CONTENT_KEYED`); None for a unit that
    is no row (:func:`~extractor.io.readers.file_source` escapes a file name's own final
    ``:<digits>`` and its ``#``, so only a row's source ends so). A text document read
    from a stream is content-keyed too; taken as a "row" it only ever has the field, so
    it can never be refused."""
    keyed = CONTENT_KEYED.fullmatch(source)
    if keyed is not None:
        return keyed.group("place")
    table, sep, line = source.rpartition(":")
    return table if sep and line.isdigit() else None


def _row_keys(path: str, rows: int = FIELD_CHECK_ROWS) -> list[str]:
    """The keys of a plain JSONL file's first ``rows`` objects, or a CSV file's header, for
    the refusal to show; none for anything else (a member, a stream, a compressed file).

    The header is split by its most frequent delimiter, not the readers' choice
    (``readers._dialect``): theirs finds the delimiter by the text column, which here is
    the very thing missing, and would show a ``;`` file's header as one key."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in (".jsonl", ".ndjson", ".csv", ".tsv") or not os.path.isfile(path):
        return []
    keys: dict[str, None] = {}
    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
            if suffix in (".csv", ".tsv"):
                header = handle.readline(1 << 16)
                delimiter = max(",;\t|", key=header.count)
                return [key.strip() for row in csv.reader([header], delimiter=delimiter)
                        for key in row][:40]  # fmt: skip
            for line in itertools.islice(handle, rows):
                with contextlib.suppress(ValueError, RecursionError):
                    record = json.loads(line)
                    if isinstance(record, dict):
                        keys.update(dict.fromkeys(map(str, record)))
    except OSError:
        return []
    return list(keys)[:40]


def _shown_path(path: str) -> str:
    """``path`` relative to the working folder when it is inside it, else as it is."""
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return path if relative.startswith(os.pardir) else relative


def _same(path: str | os.PathLike[str]) -> str:
    """A path as the file it names, so that a table's source and an input argument compare:
    a descriptor (``-``'s ``/dev/stdin``, ``<(...)``'s ``/dev/fd/63``) as the readers name
    its rows (``/dev/stdin``), whatever it is attached to."""
    path = os.fspath(path)
    return stream_name(path) if is_descriptor(path) else os.path.realpath(path)
