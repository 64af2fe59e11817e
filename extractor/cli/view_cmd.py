"""``extractor view out.jsonl -o report.html``: a bulk output as one evidence-viewer page.

The page (see :mod:`extractor.export.viewer`) is one self-contained HTML file
that needs no network: each document's text with its records' evidence spans
highlighted, the record cards beside it, filters by type and status. ``-``
reads the results from stdin; ``-o -`` writes the page to stdout. A file is
written through a temporary file and renamed, so a failed run never leaves a
half-written page. Exit codes: 0 written, 1 written but some lines could not
be read (they show as error documents), 2 bad usage, a missing input, or an
input in which no line is a result (an earlier page is left as it was; with
``-o -`` the page is held until that is known, so stdout gets nothing).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli._app import app
from extractor.cli.common import (
    STDIO,
    fail_usage,
    non_blank,
    os_error_message,
    path_name,
    print_error,
    quiet_stdout,
    refuse_closed_stdout,
    refuse_input_as_output,
    regular_file,
    replaceable_file,
    shown,
)
from extractor.errors import ConfigurationError, InputError
from extractor.export.viewer import PAGE_SIZE, JsonlDocuments, ViewSummary, write_html
from extractor.io.output import Replacement, refuse_no_results
from extractor.types.registry import registered_types


def _write(
    documents: JsonlDocuments, output: str, title: str, page_size: int, *, name: str
) -> ViewSummary:
    """The page written to ``output``, or nothing when not one line read was a result: an
    earlier page stays, and stdout gets no empty page (the page is held until then)."""
    if output == STDIO:
        with tempfile.SpooledTemporaryFile(
            max_size=_HELD_IN_MEMORY, mode="w+", encoding="utf-8", newline="\n"
        ) as held:
            summary = write_html(documents, held, title=title, page_size=page_size)
            _refuse_no_results(documents, name, "nothing is written")
            held.seek(0)
            out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
            try:
                shutil.copyfileobj(held, out)
                out.flush()
            except BrokenPipeError:  # `view -o - | head`: the reader has what it wanted
                quiet_stdout()
                raise typer.Exit(0) from None
            finally:
                out.detach()
        return summary
    Path(os.path.realpath(output)).parent.mkdir(parents=True, exist_ok=True)  # through a link
    page = Replacement.of(output)  # through a symlink, keeping the old page's mode
    try:
        with page.open("w", encoding="utf-8", newline="\n") as out:
            summary = write_html(documents, out, title=title, page_size=page_size)
        _refuse_no_results(documents, name, "the previous page is untouched")
        page.commit()
    except BaseException:
        page.discard()
        raise
    return summary


#: How much of a page for stdout is held in memory (the rest in a temporary file).
_HELD_IN_MEMORY = 16 << 20


def _refuse_no_results(documents: JsonlDocuments, name: str, kept: str) -> None:
    refuse_no_results(
        name, results=documents.documents, bad_lines=len(documents.bad_lines),
        torn=documents.torn_last_line, empty=documents.empty, kept=kept,
    )  # fmt: skip


@app.command("view")
def view_cmd(
    path: Annotated[
        str,
        typer.Argument(
            help="A JSONL file written by `extractor bulk`, or - for stdin.", show_default=False
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            callback=path_name("file"),
            help="The HTML file to write, or - for stdout (default: the input's name with "
            ".html; stdout when reading stdin).",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str, typer.Option(callback=non_blank("title"), help="The page's title.")
    ] = "Evidence viewer",
    page_size: Annotated[
        int, typer.Option("--page-size", min=1, help="Documents shown per page.")
    ] = PAGE_SIZE,
    source_root: Annotated[
        str | None,  # a str: Path("") would be the current folder, a blank then unseen
        typer.Option(
            "--source-root",
            callback=non_blank("folder"),
            help="Where to look for the source files of lines without text (default: as "
            "written, then beside the results file).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write an HTML page showing each document's text with its records' evidence highlighted."""
    if path != STDIO:
        regular_file(path, "JSONL file written by `extractor bulk`")  # a FIFO would hang
    if output is None:
        output = STDIO if path == STDIO else str(Path(path).with_suffix(".html"))
    if output == STDIO:
        refuse_closed_stdout("HTML page")
    else:
        with contextlib.suppress(OSError, ValueError):  # a missing folder is made; else refused
            Path(os.path.realpath(output)).parent.mkdir(parents=True, exist_ok=True)
        refuse_input_as_output(output, path)
        replaceable_file(output, "HTML page")
    try:
        registered_types()  # a page needs no plugin, but the user is told when one is broken
    except ConfigurationError as error:
        typer.echo(f"view: warning: {error}; its records are shown as they are", err=True)
    source = sys.stdin.buffer if path == STDIO else path
    root = None if source_root is None else Path(source_root)
    documents = JsonlDocuments(source, base_dir=root)
    try:
        summary = _write(
            documents, output, title, page_size, name="stdin" if path == STDIO else shown(path)
        )
    except InputError as error:
        fail_usage(str(error))
    except OSError as error:
        fail_usage(os_error_message(error))
    where = "stdout" if output == STDIO else shown(output)
    # What the page shows, every card counted (a line that is no result is shown as well,
    # and said below); how many of them are no result, when any is.
    others = summary.documents - documents.documents
    typer.echo(
        f"view: {_counted(summary.documents, 'document')}"
        + (f" ({others:,} not a result)" if others > 0 else "")
        + f", {_counted(summary.records, 'record')} -> {where}",
        err=True,
    )
    if summary.text_unavailable:
        typer.echo(
            f"view: warning: {summary.text_unavailable:,} document(s) without text: their records "
            "are shown without highlighting (store each text: `extractor bulk`, or `extract "
            "-f jsonl`, whose line names its source file"
            + (")" if source_root is not None else "; or give --source-root)"),
            err=True,
        )
    if documents.torn_last_line:
        typer.echo(
            f"view: warning: {shown(path)}: the last line is unfinished (a bulk run still running or "
            "killed) and was skipped",
            err=True,
        )
    if documents.bad_lines:
        numbers = ", ".join(str(n) for n in documents.bad_lines[:10])
        more = " ..." if len(documents.bad_lines) > 10 else ""
        print_error(
            f"{shown(path)}: {len(documents.bad_lines):,} line(s) are not results of "
            f"`extractor bulk` or `extractor extract` (line {numbers}{more}); they are shown as "
            "they are; check how the file was written"
        )
        raise typer.Exit(1)


def _counted(count: int, noun: str) -> str:
    """``1 document``, ``6 documents``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
