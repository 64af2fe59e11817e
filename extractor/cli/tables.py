"""Rich tables of an extraction, one per record type, for reading at a terminal.

Every cell holds text from the article or the model: it goes in as a plain
:class:`rich.text.Text` made :func:`~extractor.cli.common.printable`, never
as markup. Markup would read ``[/b]`` in an article as a closing tag (rich
raises ``MarkupError`` on a stray one) and a control character (ESC, a
carriage return) would reach the terminal and rewrite what it shows; a lone
surrogate cannot be encoded at all.
"""

from __future__ import annotations

import io
import shutil
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from extractor.cli.common import printable
from extractor.io.output import run_summary
from extractor.pipeline.result import ArticleExtraction
from extractor.types.registry import get_type

#: Columns of a table written to a file or a pipe (no terminal to ask).
FILE_WIDTH = 120


def cell(value: Any) -> Text:
    """``value`` as a table cell: its text, printable, never read as markup."""
    return Text(printable("" if value is None else str(value)))


def print_tables(result: ArticleExtraction, console: Console | None = None) -> None:
    """A table per type with records (its ``RecordSpec.table`` columns, then the
    evidence), then the run's model, cost and warnings."""
    console = console or Console()
    for records in result.groups.values():
        if not records:
            continue
        spec = get_type(records[0].record_type)
        table = Table(title=cell(spec.title), show_lines=True)
        for header, _ in spec.table:
            table.add_column(cell(header), overflow="fold", max_width=30)
        table.add_column("evidence", overflow="fold", max_width=60)
        for record in records:
            row = [cell(show(record)) for _, show in spec.table]
            table.add_row(*row, cell(record.evidence.cited_text))
        console.print(table)
    meta = result.metadata
    summary = run_summary(
        meta.model, meta.strategy, meta.usage.total_tokens, meta.calls, meta.seconds,
        meta.prompt_version,
    )  # fmt: skip
    console.print(Text(printable(summary), style="dim"))
    for warning in meta.warnings:
        console.print(Text.assemble(("warning: ", "yellow"), printable(str(warning))))


def render_tables(result: ArticleExtraction, *, color: bool) -> str:
    """The tables of :func:`print_tables` as text: coloured and as wide as the terminal
    when ``color`` (stdout is one), else plain, :data:`FILE_WIDTH` columns wide."""
    buffer = io.StringIO()
    width = shutil.get_terminal_size((FILE_WIDTH, 24)).columns if color else FILE_WIDTH
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width,
        highlight=False, emoji=False, markup=False,
    )  # fmt: skip
    print_tables(result, console)
    return buffer.getvalue()
