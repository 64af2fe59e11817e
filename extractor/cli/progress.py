"""The progress displays of ``extractor bulk``: a rich bar on a terminal, log lines otherwise.

They implement :class:`~extractor.bulk.runner.ProgressReporter`; the library
itself never writes to the terminal.

Both show the run's speed as the summary at the end does: the same figure
(:meth:`BulkRun.rate <extractor.bulk.runner.BulkRun.rate>`, which is
:attr:`BulkSummary.docs_per_second
<extractor.bulk.runner.BulkSummary.docs_per_second>` while the run goes) in
the same words (:func:`~extractor.bulk.runner.format_rate`), so the last
figure a bar showed is the one the summary prints.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from extractor.bulk.runner import BulkRun, format_duration, format_rate
from extractor.cli.common import printable

__all__ = ["LogProgress", "RichProgress", "rate_text", "status_line"]


class LogProgress:
    """One plain line every ``every_docs`` documents or ``every_seconds``: readable in CI logs."""

    def __init__(
        self, *, every_docs: int = 1000, every_seconds: float = 10.0, stream: Any = None
    ) -> None:
        self.every_docs = every_docs
        self.every_seconds = every_seconds
        self.stream = stream
        self._last_docs = 0
        self._last_time = 0.0

    def start(self, run: BulkRun) -> None:
        self._last_time = time.monotonic()
        done = run.summary.already_done
        resume = f"; {done:,} documents already in it, skipping those unchanged" if done else ""
        self._print(f"bulk: writing {run.summary.output} with {run.summary.model}{resume}")

    def update(self, run: BulkRun) -> None:
        """Log after ``every_docs`` documents, or ``every_seconds`` if any finished meanwhile.

        While nothing finishes (a slow model), a heartbeat line every minute
        shows the run is alive without repeating itself every few seconds.
        """
        written = run.summary.settled
        waited = time.monotonic() - self._last_time
        moved = written != self._last_docs
        if (
            written - self._last_docs >= self.every_docs
            or (moved and waited >= self.every_seconds)
            or waited >= 6 * self.every_seconds
        ):
            self._last_docs, self._last_time = written, time.monotonic()
            self._print(f"bulk: {status_line(run)}")

    def stop(self, run: BulkRun) -> None:
        self._print(f"bulk: {status_line(run)}")

    def _print(self, text: str) -> None:
        print(printable(text), file=self.stream or sys.stderr, flush=True)


def status_line(run: BulkRun) -> str:
    """'1,200/6,903 documents (3 failed, 15 unchanged), 45 records, 1.2M tokens, 23.4/s, ETA 4m03s'.

    The rate is :meth:`BulkRun.rate`, the summary's own figure: documents
    written in this run per second since the first of them started.
    """
    summary = run.summary
    total = run.total
    done = summary.settled
    of = f"/{total:,}" if total is not None else ""
    eta = run.eta()
    return (
        f"{done:,}{of} documents ({summary.errors:,} failed, {summary.unchanged:,} unchanged), "
        f"{summary.records_found:,} records, {_tokens(summary.total_tokens)} tokens, "
        f"{rate_text(run)}" + (f", ETA {format_duration(eta)}" if eta is not None else "")
    )


def rate_text(run: BulkRun) -> str:
    """The run's speed as the summary words it: '23.4 documents/s', '47.2 s per document'."""
    return format_rate(run.rate())


def _tokens(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f}M"
    if count >= 10_000:
        return f"{count / 1000:.0f}k"
    return str(count)


class RichProgress:
    """A rich progress bar on stderr: documents, records, failures, tokens, speed, ETA.

    The elapsed time is in the summary at the end. On a terminal narrower than
    the line, rich folds the text columns: nothing is cut off.
    """

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
        )

        self._bar = Progress(
            TextColumn("[bold]bulk"),
            BarColumn(bar_width=16),
            MofNCompleteColumn(),
            TextColumn("{task.fields[stats]}", markup=False),
            TextColumn("{task.fields[rate]}", markup=False),
            TextColumn("ETA {task.fields[eta]}"),
            console=Console(stderr=True),
            refresh_per_second=4,
        )
        self._task = self._bar.add_task("bulk", total=None, stats="", rate="", eta="-")

    def start(self, run: BulkRun) -> None:
        self._bar.start()
        self.update(run)

    def update(self, run: BulkRun) -> None:
        summary = run.summary
        eta = run.eta()
        unchanged = f", {summary.unchanged:,} unchanged" if summary.unchanged else ""
        stats = (
            f"{summary.records_found:,} records, {summary.errors:,} failed, "
            f"{_tokens(summary.total_tokens)} tokens{unchanged}"
        )
        self._bar.update(
            self._task,
            completed=summary.settled,
            total=run.total,
            stats=stats,
            rate=rate_text(run),
            eta=format_duration(eta) if eta is not None else "-",
        )

    def stop(self, run: BulkRun) -> None:
        self.update(run)
        self._bar.stop()
