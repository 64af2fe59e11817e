"""``extractor batch status|cancel OUT.jsonl`` and the ``--batch`` options of ``extractor bulk``.

A bulk run with ``--batch`` records its provider batches in a state file
beside its output (see :mod:`extractor.bulk.provider_batch`). These commands
read that file: ``status`` shows each batch as the provider sees it now (read
only, safe while the run polls); ``cancel`` stops the batches in flight
(refused while a run writes the output: stop it first, since the run owns
the state). Both need the model's settings (``--model``, ``--base-url`` or
the environment), because the batches live at the provider; without
``--model`` and ``--base-url``, the model and server the state records are
used (they hold the batches), and another server than the recorded one is
refused before anything is sent.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from extractor.bulk.provider_batch import (
    DEFAULT_POLL_INTERVAL,
    REASK_MODES,
    BatchEntry,
    BatchState,
    ProviderBatchRun,
    batch_state_path,
    batch_status,
    cancel_batches,
)
from extractor.bulk.runner import BulkRun, ProgressReporter
from extractor.cli._app import app
from extractor.cli.common import (
    BaseUrlOption,
    ModelOption,
    check_environment,
    fail_usage,
    guarded,
    refuse_closed_stdout,
    show_notices,
    shown,
)
from extractor.io.output import check_output
from extractor.pipeline.engine import Extractor
from extractor.runtime import aio
from extractor.settings import Settings

__all__ = ["DEFAULT_POLL_INTERVAL", "batch_app", "batch_run_options", "with_batch_notices"]

batch_app = typer.Typer(
    name="batch",
    help="Show or cancel the provider batches of a `bulk --batch` run.",
    no_args_is_help=True,
)
app.add_typer(batch_app, name="batch")

OutputArgument = Annotated[
    Path,
    typer.Argument(help="The output file of the `extractor bulk --batch` run.", show_default=False),
]


def batch_run_options(
    batch: bool, reask: str, poll_interval: float
) -> tuple[type[BulkRun], dict[str, Any]]:
    """The run class and its extra options for ``bulk``'s ``--batch``, ``--reask`` and
    ``--poll-interval``; a usage error (exit 2) for an option that needs ``--batch``."""
    if reask not in REASK_MODES:
        fail_usage(f"--reask {reask!r}: use one of {', '.join(REASK_MODES)}")
    if not poll_interval > 0:
        fail_usage(f"--poll-interval {poll_interval:g}: give a number of seconds above 0")
    if not batch:
        if reask != "batch" or poll_interval != DEFAULT_POLL_INTERVAL:
            fail_usage("--reask and --poll-interval apply to --batch runs: add --batch")
        return BulkRun, {}
    return ProviderBatchRun, {"reask": reask, "poll_interval": poll_interval}


class BatchNotices:
    """A bulk run's progress display, plus the batch run's notices (each batch submitted,
    each change of a batch's status) as ``extractor: ...`` lines on stderr while it runs.

    The library only logs them (:mod:`extractor.bulk.provider_batch`); a rich
    bar captures stderr and prints such lines above itself.
    """

    def __init__(self, inner: ProgressReporter) -> None:
        self.inner = inner
        self._notices: contextlib.ExitStack | None = None

    def start(self, run: BulkRun) -> None:
        self._notices = contextlib.ExitStack()
        self._notices.enter_context(show_notices())
        self.inner.start(run)

    def update(self, run: BulkRun) -> None:
        self.inner.update(run)

    def stop(self, run: BulkRun) -> None:
        try:
            self.inner.stop(run)
        finally:
            if self._notices is not None:
                self._notices.close()
                self._notices = None


def with_batch_notices(reporter: ProgressReporter, batch: bool) -> ProgressReporter:
    """``reporter``, showing the batch notices too when the run is a ``--batch`` run."""
    return BatchNotices(reporter) if batch else reporter


def _recorded(output: Path, model: str | None, base_url: str | None) -> dict[str, Any] | None:
    """The model and server to ask: ``--model`` and ``--base-url``, else those the run on
    ``output`` recorded in its batch state. A recorded server whose password was redacted
    is not used: the environment's or ``--base-url``'s must be the same server, which
    the library checks before it sends anything.

    None when the state records no batch: then no provider is asked anything, so no
    model is chosen. Why: choosing one printed "using the embedded local model" (or
    refused for want of a model) on a command that runs none, so "no batch recorded"
    came with a notice about nothing it did."""
    where = batch_state_path(check_output(output))
    if not os.path.lexists(output) and not where.exists():  # a typo must not read "none in flight"
        fail_usage(
            f"{shown(output)}: no such file, and no batch state beside it ({where.name}); "
            "give the -o of a `bulk --batch` run"
        )
    state = BatchState.load(where)
    if not state.entries:
        return None
    if base_url is None and state.server and "@" not in state.server:
        base_url = state.server
    elif base_url is None and state.server and not _server_in_environment():
        # the run's server had a login, kept as ***: without it the default server would
        # be asked, and refused for want of a key, which is not what is missing
        fail_usage(
            f"{shown(output)}: the run sent its batches to {state.server}, with a login the "
            "batch state does not keep: give that server again with its login (--base-url "
            "or EXTRACTOR_BASE_URL)"
        )
    return {"model": model if model is not None else state.model, "base_url": base_url}


def _server_in_environment() -> bool:
    """Whether the environment names a server (``EXTRACTOR_BASE_URL`` or a provider's)."""
    settings = Settings.from_env()
    return any((settings.base_url, settings.openai_base_url, settings.anthropic_base_url))


def _nothing_recorded(output: Path) -> str:
    """What ``status`` and ``cancel`` say without a state: nothing recorded, which is not
    "nothing in flight" (a state deleted or left on another machine names none either)."""
    return (
        f"{shown(output)}: no batch recorded beside it (if its batch state was lost, "
        "rerunning the same `bulk --batch` command adopts the batches an earlier run "
        "submitted at an OpenAI-compatible provider: they are not paid for twice)"
    )


def _render(entries: list[BatchEntry]) -> str:
    lines = []
    for entry in entries:
        made = datetime.fromtimestamp(entry.created, UTC).strftime("%Y-%m-%d %H:%M UTC")
        lines.append(f"{entry.describe()}; submitted {made}")
    return "\n".join(lines)


@batch_app.command("status")
def status(
    output: OutputArgument, model: ModelOption = None, base_url: BaseUrlOption = None
) -> None:
    """Show the batches of a `bulk --batch` run as the provider sees them now."""
    check_environment()
    refuse_closed_stdout("batch status", "redirect it to a file (> status.txt)")

    def look() -> list[BatchEntry]:
        recorded = _recorded(output, model, base_url)
        if recorded is None:
            return []
        with Extractor(**recorded) as extractor:
            return aio.run(batch_status(output, extractor))

    entries = guarded(str(output), look)
    if not entries:
        typer.echo(_nothing_recorded(output))
        return
    typer.echo(_render(entries))


@batch_app.command("cancel")
def cancel(
    output: OutputArgument, model: ModelOption = None, base_url: BaseUrlOption = None
) -> None:
    """Cancel the batches in flight of a `bulk --batch` run (not while it runs).

    Rerunning the same `bulk --batch` command later submits again what was
    cancelled before it was answered.
    """
    check_environment()

    def stop() -> list[BatchEntry]:
        recorded = _recorded(output, model, base_url)
        if recorded is None:
            return []
        with Extractor(**recorded) as extractor:
            return aio.run(cancel_batches(output, extractor))

    entries = guarded(str(output), stop)
    if not entries:
        typer.echo(_nothing_recorded(output))
        return
    typer.echo(_render(entries))
