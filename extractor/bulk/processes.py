"""Worker processes: ``extractor bulk --workers N`` on this machine, without Ray.

Why: a plain bulk run is one event loop on one core, and at a few dozen
documents in flight that core, not the model, is the limit (each call costs
milliseconds of CPU in the HTTP client, the SDK and validation), so the run
stays short of the latency limit C/L. N worker processes give the same
calls N cores. The run keeps the shape of the Ray engine
(:mod:`extractor.integrations.ray`), without a cluster:

* **Driver** (:class:`ProcessBulkRun`, this process): reads the inputs, makes
  the runner's resume plan (``_Plan``: new, changed, unchanged, duplicate
  ids), sends the items it lets through to the workers as plain dict rows
  (:func:`~extractor.integrations.rows.item_row`), and alone writes the one
  output file, one line per result row as it comes back. So the exactly-once
  and resume rules are the plain run's: only the driver writes, a result
  delivered twice is written once, and the driver knows which ids are out
  (sent, no line yet).
* **Workers** (N processes started with the ``spawn`` method, never a plain
  fork of a process that has threads): each makes one
  :class:`~extractor.pipeline.engine.Extractor` from the driver's options
  (model label, URL and mode pinned, as on Ray) and streams: rows come in as
  its slots free up, each goes through
  :func:`~extractor.bulk.batch.extract_many` on the worker's own event loop,
  and each result row (whose ``line`` is exactly the JSON a plain run writes)
  goes back as soon as its document finishes. ``-j C`` is the documents in
  flight over all workers, C/N each (at least one); the driver keeps each
  worker's slots full plus a few rows queued, so no slot waits on the driver.
  The embedded local model is refused: each worker would start its own
  server.

How runs stop, as a plain run does: an error that stops a plain run (no
model, a rejected key, a server that fails everything: ``abort_after`` is per
worker) comes back as a ``stopped`` row and the driver raises it with its own
class and message (exit 2 in the CLI). A worker that dies (killed, crashed)
stops the run once the other workers' documents in flight are written, with
one line saying how many documents were left without a result: a rerun of
the same command extracts them. Ctrl-C and SIGTERM reach the driver only (the
workers ignore SIGINT); the driver then stops the workers, and a worker whose
driver is gone (killed with SIGKILL) sees its pipe close and exits at once,
so no process outlives the run.

Secrets: the workers read their API keys from the environment they inherit,
as the driver does (an ``api_key=`` given to the run travels in the spawn
arguments); no key is ever in a row or a message. Each worker's extractor
registers its key with :mod:`extractor.redact` like any other, and what the
workers log (WARNING and above) is redacted there and shown by the driver.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from extractor.bulk.batch import extract_many
from extractor.bulk.runner import BulkRun, RunInfo, _Plan
from extractor.errors import ConfigurationError, ExtractorError, WorkerLost
from extractor.integrations.rows import (
    STOPPED,
    _result_row,
    item_row,
    row_item,
    stop_row,
    stopped_error,
)
from extractor.io import Item
from extractor.io.output import OutputFile
from extractor.pipeline.engine import Extractor
from extractor.redact import redact
from extractor.runtime import aio
from extractor.runtime.instructor_compat import muted_log

__all__ = ["ProcessBulkRun", "shares"]

logger = logging.getLogger(__name__)

#: BulkRun's own keywords; the rest of its options are the Extractor's.
_RUN_KEYWORDS = frozenset(
    name
    for name, parameter in inspect.signature(BulkRun.__init__).parameters.items()
    if parameter.kind is inspect.Parameter.KEYWORD_ONLY
)
#: Seconds the workers get to exit after the last result before they are terminated.
EXIT_GRACE = 10.0

# What a worker sends: (READY, pid), (RESULT, result row), (NOTICE, level, text).
# What the driver sends: an input row, or None when there are no more.
READY, RESULT, NOTICE = "ready", "result", "notice"


def shares(jobs: int, workers: int) -> list[int]:
    """Documents in flight per worker: ``jobs`` split as evenly as possible, at least one each."""
    base, extra = divmod(jobs, workers)
    return [max(1, base + (number < extra)) for number in range(workers)]


def queued(jobs: int) -> int:
    """Rows a worker holds beyond its slots, so a freed slot never waits on the driver."""
    return max(2, jobs // 2)


@dataclass(eq=False)
class _Worker:
    """The driver's view of one worker process."""

    number: int
    process: BaseProcess
    conn: Connection
    jobs: int
    #: ids sent to it without a result yet
    held: set[str] = field(default_factory=set)
    ready: bool = False
    alive: bool = True
    reader: threading.Thread | None = None
    #: why its messages could not be read, when the pipe did not simply close
    broken: str | None = None

    @property
    def room(self) -> int:
        return self.jobs + queued(self.jobs) - len(self.held)


class ProcessBulkRun(BulkRun):
    """A bulk run whose documents are extracted by ``workers`` local processes.

    Takes :class:`~extractor.bulk.runner.BulkRun`'s arguments, with
    ``concurrency`` the documents in flight over all workers (split evenly, at
    least one each), plus ``workers``, the number of processes. Reading,
    planning, writing and the summary stay in this process (see the module
    doc). The workers are started with the first document to extract, so a
    rerun with nothing to do starts none. As with any ``spawn`` start, each
    worker imports the ``__main__`` module of the program that runs this: a
    script must keep its own work under ``if __name__ == "__main__":``.
    """

    def __init__(
        self,
        inputs: Sequence[str | os.PathLike[str]],
        output: str | os.PathLike[str],
        *,
        workers: int = 2,
        **options: Any,
    ) -> None:
        if options.get("extractor") is not None:
            raise ConfigurationError(
                "worker processes make one extractor each: pass its options (model=, "
                "base_url= ...) instead of extractor="
            )
        if workers < 1:
            raise ConfigurationError(f"workers must be 1 or more, got {workers}")
        extractor_options = {k: v for k, v in options.items() if k not in _RUN_KEYWORDS}
        super().__init__(inputs, output, **options)
        if workers > self.concurrency:  # each holds one document at least: -j would not hold
            self.extractor.close()
            raise ConfigurationError(
                f"--workers {workers:,} with {self.concurrency:,} document(s) in flight (-j): "
                "each worker process takes at least one at a time; give --workers at most "
                "-j (one per core is what pays), or raise -j"
            )
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        if cores and workers > cores:
            logger.warning(
                f"--workers {workers:,} on {cores} core(s): the processes share the cores, and "
                "each costs its memory; one per core is what pays"
            )
        spec = self.extractor.spec
        if spec.is_local:
            self.extractor.close()
            raise ConfigurationError(
                "worker processes would each start their own embedded model server: give "
                "--workers a model server to share (--base-url), or drop --workers"
            )
        self.worker_options: dict[str, Any] = {
            **extractor_options, "model": spec.label, "base_url": spec.base_url, "mode": spec.mode,
        }  # fmt: skip
        self.workers = workers
        self.shares = shares(self.concurrency, workers)
        self._pool: list[_Worker] = []
        self._notices: set[str] = set()
        # made on the run's loop (in _convert)
        self._events: asyncio.Queue[tuple[_Worker | None, Any]]
        self._credit: asyncio.Semaphore

    # -- the driver --------------------------------------------------------------
    async def _convert(self, output: OutputFile, plan: _Plan) -> None:
        pending: set[str] = set()  # ids sent to a worker, not yet written
        self._events = asyncio.Queue()  # (worker, its message or None: gone), (None, feeder's)
        self._credit = asyncio.Semaphore(0)  # places free over the ready workers
        feeder = asyncio.create_task(self._feed(plan, pending), name="bulk-workers-feeder")
        watcher = asyncio.create_task(self._watch(), name="bulk-workers-watcher")
        feeding, clean = True, False
        dead: list[_Worker] = []
        try:
            while (feeding and not dead) or any(w.held for w in self._pool if w.alive):
                worker, message = await self._events.get()
                if worker is None:  # from the feeder
                    if message[0] == "failed":
                        raise message[1]
                    feeding = False
                elif message is None:  # its pipe closed: the process is gone
                    worker.alive = False
                    dead.append(worker)
                    feeder.cancel()  # no more documents; the others' in flight are written
                elif message[0] == RESULT:
                    self._result(output, plan, pending, worker, message[1])
                elif message[0] == READY:
                    worker.ready = True
                    for _ in range(worker.room):
                        self._credit.release()
                elif message[0] == NOTICE:
                    self._notice(message[1], message[2])
            clean = True
            if dead:
                raise self._death(dead[0], pending)
            if pending:  # cannot happen: every held id is answered or its worker is dead
                sample = ", ".join(sorted(pending)[:3])
                raise WorkerLost(
                    f"the worker processes ended without a result for {len(pending):,} "
                    f"document(s) (e.g. {sample}); rerun the same command to extract them"
                )
        finally:
            feeder.cancel()
            watcher.cancel()
            self._stop_workers(clean=clean)

    async def _watch(self) -> None:
        """Say once when a worker holding documents is stopped (SIGSTOP, a debugger): alive,
        so nothing ends, but the run waits on it without a word otherwise."""
        said: set[int] = set()
        while True:
            await asyncio.sleep(WATCH_SECONDS)
            for worker in self._pool:
                pid = worker.process.pid
                if pid is None or not (worker.alive and worker.held) or pid in said:
                    continue
                if _is_stopped(pid):
                    said.add(pid)
                    logger.warning(
                        f"worker process {worker.number + 1} of {len(self._pool)} (pid {pid}) "
                        f"is stopped, holding {len(worker.held):,} document(s): the run waits "
                        f"for it (kill -CONT {pid} resumes it; stopping this run and rerunning "
                        "the command does too)"
                    )

    async def _feed(self, plan: _Plan, pending: set[str]) -> None:
        """Send each item the plan lets through to the ready worker with the most room."""
        try:
            async for item in _in_thread(plan.items(self.items)):
                if not self._pool:
                    self._start_workers()  # the first document: start them only now
                await self._credit.acquire()
                worker = max((w for w in self._pool if w.ready and w.alive), key=_room)
                row = item_row(item, plan.duplicate_of.get(item.doc_id))
                pending.add(item.doc_id)
                worker.held.add(item.doc_id)
                with contextlib.suppress(OSError):  # a dead worker: its pipe's end says so
                    worker.conn.send(row)
        except Exception as error:  # the inputs broke, or the workers cannot start
            self._events.put_nowait((None, ("failed", error)))
            return
        self._events.put_nowait((None, ("fed",)))

    def _result(
        self, output: OutputFile, plan: _Plan, pending: set[str], worker: _Worker,
        row: dict[str, Any],
    ) -> None:  # fmt: skip
        if row["status"] == STOPPED:
            raise stopped_error(row["line"])
        doc_id = row["doc_id"]
        if doc_id not in worker.held:  # waiting for the id it was sent would never end
            raise WorkerLost(
                f"worker process {worker.number + 1} of {len(self._pool)} sent a result for "
                f"{doc_id!r}, a document it was not holding ({len(worker.held):,} held, e.g. "
                f"{', '.join(sorted(worker.held)[:3]) or 'none'}): this is a bug in extractor, "
                "please report it; the lines written so far are kept, and a run without "
                "--workers extracts the rest"
            )
        worker.held.discard(doc_id)
        self._credit.release()
        reason = row["reason"] if isinstance(row["reason"], str) else None
        self._write_row(output, pending, doc_id, row["line"], reason)

    def _notice(self, level: int, text: str) -> None:
        """What a worker logged, shown once however many workers log it."""
        if text not in self._notices:
            self._notices.add(text)
            logger.log(level, text)

    # -- the worker processes ----------------------------------------------------
    def _start_workers(self) -> None:
        context = multiprocessing.get_context("spawn")
        loop = asyncio.get_running_loop()
        for number, jobs in enumerate(self.shares):
            here, there = context.Pipe()
            process = context.Process(
                target=work, args=(there, self.worker_options, jobs, self.abort_after),
                name=f"extractor-bulk-worker-{number + 1}", daemon=True,
            )  # fmt: skip
            try:
                with _sigint_blocked():  # inherited: Ctrl-C in a terminal is the driver's
                    process.start()
            except Exception as error:  # options that cannot be sent (a user's own class ...)
                here.close()
                there.close()
                raise ConfigurationError(
                    f"cannot start the worker processes: {type(error).__name__}: {error}"
                ) from error
            there.close()  # the worker's end lives in the worker: its exit closes the pipe
            worker = _Worker(number, process, here, jobs)
            self._pool.append(worker)
            worker.reader = threading.Thread(
                target=self._receive, args=(worker, loop), daemon=True,
                name=f"extractor-bulk-worker-{number + 1}-inbox",
            )  # fmt: skip
            worker.reader.start()

    def _receive(self, worker: _Worker, loop: asyncio.AbstractEventLoop) -> None:
        """A thread per worker: its messages into the events, then None once its pipe closes.

        A blocking read in a thread, not the loop's reader callbacks: an event
        loop may make a watched descriptor non-blocking (uvloop does), and a
        message then arrives in pieces.
        """
        try:
            while True:
                message = worker.conn.recv()
                loop.call_soon_threadsafe(self._events.put_nowait, (worker, message))
        except Exception as error:  # EOFError: the process is gone (or its pipe broke)
            if not isinstance(error, EOFError):
                worker.broken = f"{type(error).__name__}: {error}"
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody listens
                loop.call_soon_threadsafe(self._events.put_nowait, (worker, None))

    def _stop_workers(self, *, clean: bool) -> None:
        """Stop every worker and wait for it: an end marker after a clean finish (each then
        exits on its own), else (an error, Ctrl-C) SIGTERM at once. Never leaves one behind."""
        pool, self._pool = self._pool, []
        for worker in pool:
            if clean and worker.ready and worker.alive:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            elif worker.process.is_alive():
                worker.process.terminate()
        deadline = time.monotonic() + EXIT_GRACE
        for worker in pool:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(2.0)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2.0)
        for worker in pool:  # its pipe closed with it: the reading thread has ended
            if worker.reader is not None:
                worker.reader.join(2.0)
            if worker.reader is None or not worker.reader.is_alive():
                worker.conn.close()  # (never under a thread still reading it)

    def _death(self, worker: _Worker, pending: set[str]) -> ExtractorError:
        """The one-line error of a run whose worker process died."""
        worker.process.join(2.0)
        code = worker.process.exitcode
        # a killed worker's pipe may read as reset before it reads as closed: the exit
        # status is the cause, the broken pipe only its echo
        how = _exit_text(code) if code else (worker.broken or _exit_text(code))
        which = (
            f"worker process {worker.number + 1} of {len(self._pool)} (pid {worker.process.pid})"
        )
        if not pending:
            return WorkerLost(
                f"{which} ended unexpectedly ({how}); the lines written so far are kept: "
                "rerun the same command to resume"
            )
        sample = ", ".join(sorted(pending)[:3])
        return WorkerLost(
            f"{which} ended unexpectedly ({how}), leaving {len(pending):,} document(s) without "
            f"a result (e.g. {sample}); the lines written so far are kept: rerun the same "
            "command to extract them"
        )


def _room(worker: _Worker) -> int:
    return worker.room


def _exit_text(code: int | None) -> str:
    if code is None:
        return "no exit status"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


async def _in_thread(items: Iterator[Item]) -> AsyncIterator[Item]:
    """The items, each read in a thread: a slow input (an archive, a pipe) stalls no result."""
    while (item := await asyncio.to_thread(next, items, None)) is not None:
        yield item


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in this thread meanwhile (a process started now inherits the mask, so
    a terminal's Ctrl-C reaches only the driver); one arriving meanwhile is delivered after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# ------------------------------------------------------------------ a worker


class _Channel:
    """The worker's end of its pipe; sends from any thread, and a driver that is gone ends
    the process at once (nobody is left to take its results)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.lock = threading.Lock()

    def send(self, message: Any) -> None:
        try:
            with self.lock:
                self.conn.send(message)
        except OSError:
            os._exit(0)


class _Notices(logging.Handler):
    """Sends what the worker's library logs (WARNING and above, redacted) to the driver."""

    def __init__(self, channel: _Channel) -> None:
        super().__init__(logging.WARNING)
        self.channel = channel

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = " ".join(redact(record.getMessage()).split())
        except Exception:
            return
        self.channel.send((NOTICE, record.levelno, text))


def work(conn: Connection, options: dict[str, Any], jobs: int, abort_after: int | None) -> None:
    """A worker process's main: extract the rows the driver sends until it sends None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    channel = _Channel(conn)
    library = logging.getLogger("extractor")
    library.addHandler(_Notices(channel))
    library.setLevel(logging.WARNING)
    library.propagate = False
    try:
        with muted_log():  # the failure is a line
            aio.run(_serve(channel, options, jobs, abort_after))
    except Exception as error:  # a bug: it stops the run, in one line, like any stop
        message = f"a worker process failed: {type(error).__name__}: {error}"
        channel.send((RESULT, stop_row(ExtractorError(message))))
        raise SystemExit(1) from None


async def _serve(
    channel: _Channel, options: dict[str, Any], jobs: int, abort_after: int | None
) -> None:
    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
    reader = threading.Thread(
        target=_read, args=(channel.conn, loop, inbox), name="bulk-worker-inbox", daemon=True
    )
    reader.start()
    try:
        extractor = Extractor(**options)
    except ExtractorError as error:
        channel.send((RESULT, stop_row(error)))
        return
    try:
        info = RunInfo.of(extractor)
        taken: dict[int, tuple[dict[str, Any], Item]] = {}

        async def feed() -> AsyncIterator[Item]:
            index = 0
            while (row := await inbox.get()) is not None:
                item = row_item(row)
                taken[index] = (row, item)
                index += 1
                yield item

        channel.send((READY, os.getpid()))
        stream = extract_many(
            feed(), extractor=extractor, concurrency=jobs, abort_after=abort_after
        )
        try:
            async with contextlib.aclosing(stream):
                async for result in stream:
                    row, item = taken.pop(result.index)
                    original = row.get("duplicate_of")  # named by the driver, which sees all
                    duplicate_of = original if isinstance(original, str) else None
                    channel.send((RESULT, _result_row(result, info, item, duplicate_of)))
        except ExtractorError as error:  # what stops a plain run stops this one
            channel.send((RESULT, stop_row(error)))
    finally:
        await extractor.aclose()
        extractor.close()


def _read(
    conn: Connection,
    loop: asyncio.AbstractEventLoop,
    inbox: asyncio.Queue[dict[str, Any] | None],
) -> None:
    """The worker's inbox thread: rows from the driver into the loop's queue until None.

    The pipe closing first means the driver is gone (killed): the process ends
    at once, whatever it was doing, so no worker outlives its run.
    """
    try:
        while True:
            row = conn.recv()
            loop.call_soon_threadsafe(inbox.put_nowait, row)
            if row is None:
                return
    except Exception:  # EOFError, OSError: the driver's end closed
        os._exit(0)


#: How often the driver looks for a stopped worker.
WATCH_SECONDS = 10.0


def _is_stopped(pid: int) -> bool:
    """Whether process ``pid`` is stopped (state T or t in ``/proc``); False where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rpartition(b")")[2].split()[0]
    except (OSError, IndexError):
        return False
    return state in (b"T", b"t")
