"""``extractor bulk INPUT... -o out.jsonl``: whole archives to one JSON line per document.

A thin shell over :mod:`extractor.bulk`: it picks the progress display,
turns run-stopping errors into one stderr line that says what to do, and
maps the outcome to the exit code: 0 every document ok, 1 some documents
failed (every line is still written), 2 bad usage, inputs or configuration
(including a run stopped early because every further document would fail
the same way, or an output that cannot be written), 130 interrupted.
Rerunning the same command resumes: documents whose text is unchanged are
skipped, changed ones are extracted again. Every problem with the output or
the summary file (a folder, a missing folder, no permission, a full disk,
another run writing it, a file that is not an extractor output) is one
stderr line naming the path, found before any work where it can be.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from extractor.bulk.runner import BulkRun, InputOptions, NoProgress, ProgressReporter
from extractor.cli._app import app
from extractor.cli.common import (
    BaseUrlOption,
    CacheOption,
    ModelOption,
    RetriesOption,
    StrategyOption,
    TypesOption,
    fail_usage,
    parse_types,
    show_notices,
)
from extractor.cli.progress import LogProgress, RichProgress
from extractor.errors import (
    BatchAborted,
    ClientModelError,
    ConfigurationError,
    ExtractorError,
    InputError,
    LocalModelError,
)
from extractor.pipeline.engine import DEFAULT_STRATEGY, STRATEGIES
from extractor.runtime import aio

_PROGRESS_MODES = ("auto", "bar", "log", "none")
_RESUME = "rerun the same command to resume"


@app.command()
def bulk(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (recursive), globs, .jsonl, .csv, .zip, .tar(.gz) and "
            ".warc(.gz) archives.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="JSONL file to write; an existing one (written by extractor) is resumed: "
            "documents whose text is unchanged are skipped, changed ones extracted again.",
            show_default=False,
        ),
    ],
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Documents extracted concurrently.")
    ] = 8,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    strategy: StrategyOption = DEFAULT_STRATEGY,
    types: TypesOption = None,
    id_field: Annotated[str, typer.Option(help="JSONL/CSV field holding the id.")] = "id",
    text_field: Annotated[str, typer.Option(help="JSONL/CSV field holding the text.")] = "text",
    date_field: Annotated[
        str, typer.Option(help="JSONL/CSV field holding the publication date.")
    ] = "published",
    title_field: Annotated[str, typer.Option(help="JSONL/CSV field holding the title.")] = "title",
    max_retries: RetriesOption = 2,
    cache: CacheOption = False,
    retry_errors: Annotated[
        bool,
        typer.Option("--retry-errors", help="Drop the error lines of the output and redo them."),
    ] = False,
    fsync: Annotated[
        bool, typer.Option("--fsync", help="Force every line to disk (survives a power cut).")
    ] = False,
    progress: Annotated[
        str,
        typer.Option(help="auto (a bar on a terminal, log lines otherwise), bar, log or none."),
    ] = "auto",
    summary_json: Annotated[
        Path | None, typer.Option(help="Also write the run summary as JSON to this file.")
    ] = None,
) -> None:
    """Convert files and archives to JSONL: one line per document, resumable.

    Rerun the same command to resume after a crash or Ctrl-C. Exit codes: 0 every
    document ok; 1 some failed (their error lines are written); 2 bad usage, inputs
    or configuration, or a run stopped early (a rejected key, an unreachable server).
    """
    if strategy not in STRATEGIES:
        fail_usage(f"--strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    if progress not in _PROGRESS_MODES:
        fail_usage(f"--progress {progress!r}: use one of {', '.join(_PROGRESS_MODES)}")
    chosen_types = parse_types(types)
    if summary_json is not None:
        _check_summary_path(summary_json)
    # instructor logs every failed attempt; the output file and the summary report them.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)

    try:
        with show_notices():
            run = BulkRun(
                inputs, output, concurrency=jobs, progress=_reporter(progress),
                input_options=InputOptions(id_field, text_field, date_field, title_field),
                retry_errors=retry_errors, fsync=fsync,
                model=model, base_url=base_url, strategy=strategy, types=chosen_types,
                max_retries=max_retries, cache=cache or None,
            )  # fmt: skip
    except ExtractorError as error:
        _fail(_explain(error, output), 2)
    code = _execute(run, output)
    if run.started:
        code = _report(run, summary_json) or code
    raise typer.Exit(code)


def _execute(run: BulkRun, output: Path) -> int:
    """Run to the end; return the exit code (errors that stop the run are printed here)."""
    try:
        aio.run(run.run())
    except KeyboardInterrupt:
        _echo(f"extractor: interrupted: {run.summary.documents:,} lines written; {_RESUME}")
        return 130
    except ExtractorError as error:
        _echo(f"extractor: error: {_explain(error, output)}")
        return 2 if _stops(error) else 1
    return run.summary.exit_code


def _stops(error: ExtractorError) -> bool:
    stopping = InputError | ConfigurationError | ClientModelError | LocalModelError | BatchAborted
    return isinstance(error, stopping)


def _explain(error: ExtractorError, output: Path) -> str:
    """The error in one line, with what to do about it."""
    message = " ".join(str(error).split())  # one line, whatever a path holds
    if isinstance(error, InputError):
        return f"{message}: check the path (a glob must match at least one file)"
    if isinstance(error, ClientModelError | BatchAborted):
        return f"{message} ({output}: lines written so far are kept; {_RESUME})"
    return message


def _reporter(mode: str) -> ProgressReporter:
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "log"
    if mode == "bar":
        return RichProgress()
    if mode == "log":
        return LogProgress()
    return NoProgress()


def _check_summary_path(path: Path) -> None:
    """Fail now, not after the run, when ``--summary-json`` cannot be written."""
    folder = path.parent
    if path.is_dir():
        fail_usage(f"--summary-json {path}: is a folder; give a file name")
    if not folder.is_dir():
        fail_usage(f"--summary-json {path}: the folder {folder} does not exist; create it first")
    if path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_APPEND))
        except OSError as error:
            fail_usage(f"--summary-json {path}: cannot be written ({error.strerror or error})")
    elif not os.access(folder, os.W_OK | os.X_OK):
        fail_usage(f"--summary-json {path}: cannot create a file in {folder} (permission denied)")


def _report(run: BulkRun, summary_json: Path | None) -> int:
    """Print the summary and write ``--summary-json``; 2 if that file cannot be written."""
    _echo(run.summary.render())
    if summary_json is None:
        return 0
    try:
        summary_json.write_text(json.dumps(run.summary.to_dict(), indent=2) + "\n")
    except OSError as error:
        _echo(f"extractor: error: --summary-json {summary_json}: {error.strerror or error}")
        return 2
    return 0


def _echo(text: str) -> None:
    typer.echo(text, err=True)


def _fail(message: str, code: int) -> NoReturn:
    _echo(f"extractor: error: {message}")
    raise typer.Exit(code)
