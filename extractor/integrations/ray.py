"""Ray Data engine: the bulk pipeline as a Ray Data job (``pip install 'extractor[ray]'``).

Why: one bulk process keeps one core busy parsing answers, validating records
and writing lines; a cluster of workers (each its own process, on as many
machines as Ray has) multiplies that, while the model calls themselves stay
I/O. The job is the same pipeline, split where Ray splits work:

* **Driver** (:class:`RayBulkRun`, ``extractor bulk --engine ray``): the
  readers and the runner's own resume plan (``_Plan``: new, changed,
  unchanged, duplicate ids) decide what to extract, exactly as in a plain
  bulk run; the items become plain dict rows (:func:`item_row`) in blocks put
  into Ray's object store (which spills to disk, so the driver holds one
  block at a time); the result rows come back to the driver, which alone
  writes the one output file through :func:`~extractor.io.output.open_output`
  (lock, repair, append). So the exactly-once and resume rules are the plain
  run's: a line is written only by the driver, only once per id in a run (a
  row delivered twice by a retried Ray task is dropped), and a killed run
  resumes from the file.
* **Workers** (:class:`ExtractBatch`, a callable class for
  ``Dataset.map_batches`` on an actor pool): each actor builds one
  :class:`~extractor.pipeline.engine.Extractor` once and keeps its HTTP client
  and backoff; each batch goes through
  :func:`~extractor.bulk.batch.extract_many`, so a failure in one document is
  that document's error line (built by the runner's
  :func:`~extractor.bulk.runner.result_line`), never a failed Ray task that
  loses the batch. The errors that stop a plain run too (no model, a
  rejected key, a server that fails everything) come back as a last
  ``stopped`` row rather than as a failed task (Ray would pass on only their
  text), and the driver raises that error itself, with its own class and
  message: the CLI prints one line and exits 2, as for a plain run, and the
  lines written so far are kept.

``__call__`` is a coroutine, and an actor works on :data:`CALLS_PER_ACTOR`
blocks at once, all on one event loop with one HTTP client; an actor-wide
semaphore keeps ``jobs`` documents in flight per actor whatever the blocks
and batches, which is what ``-j`` means per process in a plain run.

The rows in and out, and the per-batch function the actors run, are
:mod:`extractor.integrations.rows` (shared with Dask and Spark recipes).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

from extractor.bulk.runner import BulkRun, _Plan
from extractor.errors import ConfigurationError, ExtractorError, WorkerLost
from extractor.integrations.rows import (
    DEFAULT_JOBS,
    INPUT_COLUMNS,
    JOBS_HINT,
    RESULT_COLUMNS,
    STOPPED,
    aextract_rows,
    extract_frame,
    extract_rows,
    frame_of,
    item_row,
    pinned_options,
    row_item,
    stopped_error,
)
from extractor.io.output import OutputFile
from extractor.pipeline.engine import Extractor
from extractor.pipeline.options import whole_option

if TYPE_CHECKING:
    import pandas
    from ray.data import Dataset

__all__ = [
    "INPUT_COLUMNS",
    "INSTALL_HINT",
    "RESULT_COLUMNS",
    "ExtractBatch",
    "RayBulkRun",
    "extract_dataset",
    "extract_frame",
    "extract_rows",
    "item_row",
    "require_ray",
    "row_item",
]

INSTALL_HINT = "pip install 'extractor[ray]'"
#: Ray tasks (blocks) one actor works on at once; its semaphore still bounds documents.
#: A block is one Ray task, and its lines reach the driver only when the task ends
#: (Ray Data hands a task's output back whole), so a block is a share of the actor's
#: ``jobs`` slots: ``ceil(jobs / CALLS_PER_ACTOR)`` rows. A driver killed mid-run then
#: loses at most ``jobs`` documents per worker, as many as a plain run has in flight,
#: and lines flow as the run goes (blocks of ``2 * jobs`` rows held a small run's every
#: line until its end: a kill paid for all of it again). Several blocks per actor keep
#: its slots full while one block's last document finishes, at a task's overhead
#: (milliseconds, against a model call's hundreds).
CALLS_PER_ACTOR = 4


def require_ray() -> ModuleType:
    """``ray.data``, or a ConfigurationError saying what to install."""
    try:
        return importlib.import_module("ray.data")
    except ImportError as error:
        raise ConfigurationError(
            f"the Ray engine needs Ray Data, which is not installed ({error.msg}): {INSTALL_HINT}"
        ) from None


class ExtractBatch:
    """The callable class for ``Dataset.map_batches``: one Extractor per actor, made once.

    ``jobs`` documents are in flight per actor, across all the batches Ray
    runs on it at once; ``abort_after`` is :func:`extract_many`'s; ``stop_rows``
    returns an error that stops the run as a row (see
    :func:`~extractor.integrations.rows.aextract_rows`) instead of failing the
    Ray task; ``driver_rows`` (the bulk driver's) reads the rows' driver columns.
    The other keywords are :class:`~extractor.pipeline.engine.Extractor`'s.
    Use it with ``batch_format="pandas"`` (a pyarrow table or a dict of
    columns works too) and an actor pool::

        ds.map_batches(ExtractBatch, batch_format="pandas", batch_size=8,
                       compute=ray.data.ActorPoolStrategy(size=4),
                       fn_constructor_kwargs={"model": "openai/gpt-4o-mini"})
    """

    def __init__(
        self,
        *,
        jobs: int = DEFAULT_JOBS,
        abort_after: int | None = None,
        stop_rows: bool = False,
        driver_rows: bool = False,
        **extractor_kwargs: Any,
    ) -> None:
        self.jobs = whole_option("jobs", jobs, at_least=1, hint=JOBS_HINT)
        self.extractor = Extractor(**extractor_kwargs)
        self.abort_after = abort_after
        self.stop_rows = stop_rows
        self.driver_rows = driver_rows
        self._gate: asyncio.Semaphore | None = None

    async def __call__(self, batch: Any) -> pandas.DataFrame:
        if self._gate is None:  # made on the actor's event loop, on first use
            self._gate = asyncio.Semaphore(self.jobs)
        rows = await aextract_rows(
            _batch_rows(batch), extractor=self.extractor, jobs=self.jobs,
            abort_after=self.abort_after, gate=self._gate, stop_rows=self.stop_rows,
            driver_rows=self.driver_rows,
        )  # fmt: skip
        return frame_of(rows, RESULT_COLUMNS)


def _batch_rows(batch: Any) -> list[dict[str, Any]]:
    """A batch in any of Ray's formats as a list of row dicts."""
    if hasattr(batch, "to_dict") and hasattr(batch, "columns"):  # pandas
        rows: list[dict[str, Any]] = batch.to_dict("records")
        return rows
    if hasattr(batch, "to_pylist"):  # pyarrow
        return list(batch.to_pylist())
    if isinstance(batch, Mapping):  # dict of columns (numpy)
        names = list(batch)
        columns = [list(batch[name]) for name in names]
        return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    raise TypeError(f"unsupported batch type {type(batch).__name__}: use batch_format='pandas'")


def extract_dataset(
    ds: Dataset,
    *,
    model: str | None = None,
    concurrency: int = 2,
    jobs: int = DEFAULT_JOBS,
    batch_size: int | None = None,
    num_cpus: float | None = None,
    abort_after: int | None = None,
    driver_rows: bool = False,
    **extractor_kwargs: Any,
) -> Dataset:
    """A Dataset of result rows (:data:`RESULT_COLUMNS`) for a Dataset of input rows.

    ``driver_rows``: the rows were made by :func:`item_row` from the tool's own
    readers, whose ``error``/``skipped``/``duplicate_of`` are then read; a
    user's rows never are (see :func:`~extractor.integrations.rows.aextract_rows`).

    ``concurrency`` actors (a fixed pool), each with one Extractor and
    ``jobs`` documents in flight; ``batch_size`` rows per call (default
    ``jobs``); ``num_cpus`` per actor (Ray's default, 1, when None: the work
    is mostly waiting on the model, so a fraction is often right). The model
    configuration is checked here, before any actor starts. Lazy like any
    Dataset: nothing runs until it is consumed.
    """
    ray_data = require_ray()
    concurrency = whole_option(
        "concurrency", concurrency, at_least=1, hint="the number of Ray actors, 1 or more"
    )
    jobs = whole_option("jobs", jobs, at_least=1, hint=JOBS_HINT)
    options = pinned_options(model=model, **extractor_kwargs)
    mapped: Dataset = ds.map_batches(
        ExtractBatch, batch_format="pandas", batch_size=batch_size or jobs,
        compute=ray_data.ActorPoolStrategy(
            size=concurrency, max_concurrent_calls_per_actor=CALLS_PER_ACTOR
        ),
        num_cpus=num_cpus,
        fn_constructor_kwargs={
            "jobs": jobs, "abort_after": abort_after, "driver_rows": driver_rows, **options,
        },
    )  # fmt: skip
    return mapped


# ------------------------------------------------------------- the bulk driver

#: BulkRun's own keywords; the rest of its options are the Extractor's.
_RUN_KEYWORDS = frozenset(
    name
    for name, parameter in inspect.signature(BulkRun.__init__).parameters.items()
    if parameter.kind is inspect.Parameter.KEYWORD_ONLY
)


class RayBulkRun(BulkRun):
    """A bulk run whose extraction is a Ray Data job; reading, resuming and writing stay here.

    Takes :class:`~extractor.bulk.runner.BulkRun`'s arguments (``concurrency``
    is the documents in flight *per worker*), plus ``address`` (a Ray
    cluster; None: ``RAY_ADDRESS``, else a local cluster on this machine's
    CPUs; an already initialised Ray is used as it is), ``workers`` (actors;
    None: one per CPU of the cluster) and ``block_rows`` (rows per input
    block). Ray is imported and the model configuration checked on
    construction, so a missing Ray or a bad model fails before any work.
    """

    def __init__(
        self,
        inputs: Sequence[str | os.PathLike[str]],
        output: str | os.PathLike[str],
        *,
        address: str | None = None,
        workers: int | None = None,
        block_rows: int | None = None,
        **options: Any,
    ) -> None:
        self._ray_data = require_ray()
        if options.get("extractor") is not None:
            raise ConfigurationError(
                "the Ray engine makes one extractor per worker: pass its options (model=, "
                "base_url= ...) instead of extractor="
            )
        if workers is not None and workers < 1:
            raise ConfigurationError(f"workers must be 1 or more, got {workers}")
        extractor_options = {k: v for k, v in options.items() if k not in _RUN_KEYWORDS}
        super().__init__(inputs, output, **options)
        spec = self.extractor.spec
        self.worker_options: dict[str, Any] = {
            **extractor_options, "model": spec.label, "base_url": spec.base_url, "mode": spec.mode,
        }  # fmt: skip
        self.address = address
        self.workers = workers
        self.block_rows = block_rows or -(-max(1, self.concurrency) // CALLS_PER_ACTOR)

    async def _convert(self, output: OutputFile, plan: _Plan) -> None:
        ray = importlib.import_module("ray")
        pending: set[str] = set()  # ids sent to the job, not yet written
        refs: list[Any] = []
        started = False
        try:
            for block in self._blocks(plan, pending):
                if not refs:  # the first work: join Ray only now (a rerun with none never does)
                    started = _join(ray, self.address)
                refs.append(ray.put(block))
            if not refs:
                return
            try:
                for batch in self._job(ray, refs).iter_batches(
                    batch_size=None, batch_format="pandas"
                ):
                    frame = cast("pandas.DataFrame", batch)
                    for row in frame.itertuples(index=False):
                        if row.status == STOPPED:
                            raise stopped_error(row.line)
                        reason = row.reason if isinstance(row.reason, str) else None
                        self._write_row(output, pending, row.doc_id, row.line, reason)
                    await asyncio.sleep(0)  # a Ctrl-C (a cancellation) lands between batches
            except Exception as error:
                if isinstance(error, ExtractorError) and not _is_ray_error(error):
                    raise  # ours (the output cannot be written ...): as a plain run raises it
                raise _job_error(error) from error
            if pending:
                sample = ", ".join(sorted(pending)[:3])
                raise WorkerLost(
                    f"the Ray job ended without a result for {len(pending):,} document(s) "
                    f"(e.g. {sample}); rerun the same command to extract them"
                )
        finally:
            if started:
                ray.shutdown()

    def _blocks(self, plan: _Plan, pending: set[str]) -> Iterable[pandas.DataFrame]:
        """The items the plan lets through, as DataFrames of ``block_rows`` rows."""
        block: list[dict[str, Any]] = []
        for item in plan.items(self.items):
            block.append(item_row(item, plan.duplicate_of.get(item.doc_id)))
            pending.add(item.doc_id)
            if len(block) >= self.block_rows:
                yield frame_of(block, INPUT_COLUMNS)
                block = []
        if block:
            yield frame_of(block, INPUT_COLUMNS)

    def _job(self, ray: ModuleType, refs: list[Any]) -> Dataset:
        """The Ray Data job over the input blocks: an actor pool of :class:`ExtractBatch`."""
        ray_data = self._ray_data
        context = ray_data.DataContext.get_current()
        context.enable_progress_bars = False  # the CLI shows its own
        cpus = max(1.0, float(ray.cluster_resources().get("CPU", 1.0)))
        workers = self.workers or int(cpus)
        dataset: Dataset = ray_data.from_pandas_refs(refs)
        mapped: Dataset = dataset.map_batches(
            ExtractBatch, batch_format="pandas", batch_size=self.block_rows,
            compute=ray_data.ActorPoolStrategy(
                size=workers, max_concurrent_calls_per_actor=CALLS_PER_ACTOR
            ),
            # mostly waiting on the model: more workers than CPUs must still all start
            num_cpus=min(1.0, cpus / workers),
            fn_constructor_kwargs={
                "jobs": self.concurrency, "abort_after": self.abort_after, "stop_rows": True,
                "driver_rows": True, **self.worker_options,
            },
        )  # fmt: skip
        return mapped


def _join(ray: ModuleType, address: str | None) -> bool:
    """Connect to (or start) Ray unless it is initialised already; True if we did.

    Ray's own notices are kept to errors: the run's progress and summary are
    the CLI's, and Ray's logs stay in its session folder.
    """
    if ray.is_initialized():
        return False
    try:
        ray.init(
            address=address, include_dashboard=False, log_to_driver=False,
            logging_level=logging.ERROR,
        )  # fmt: skip
    except Exception as error:
        detail = " ".join(str(error).split())[:300]
        target = f"the Ray cluster at {address}" if address else "Ray (RAY_ADDRESS, or a local one)"
        raise ConfigurationError(
            f"cannot join {target} ({detail}); check --address or RAY_ADDRESS"
        ) from None
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    return True


def _job_error(error: BaseException) -> ExtractorError:
    """A failed Ray job as one line: the worker's own error where Ray kept it.

    Ray passes on the text of an exception raised in a worker (an actor that
    could not build its extractor, a bug), not the exception; the last line
    of that text that reads ``SomeError: message`` is what went wrong.
    """
    for current in _chain(error):
        if isinstance(current, ExtractorError) and not _is_ray_error(current):
            return current
    text = str(error)
    found = re.findall(r"^\s*((?:\w+\.)*\w*(?:Error|Exception|Aborted|Failed)\w*: .+)$", text, re.M)
    detail = found[-1].strip() if found else " ".join(text.split())
    return WorkerLost(
        f"the Ray job failed: {detail[:500]}; the lines written so far are kept: rerun the "
        "same command to resume"
    )


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, its Ray ``cause`` and its Python causes, each once."""
    seen: set[int] = set()
    queue: list[BaseException] = [error]
    while queue:
        current = queue.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = (getattr(current, "cause", None), current.__cause__, current.__context__)
        queue += [e for e in linked if isinstance(e, BaseException)]


def _is_ray_error(error: BaseException) -> bool:
    """A Ray exception that also pretends to be the user's (RayTaskError.as_instanceof_cause)."""
    return any(cls.__module__.startswith("ray.") for cls in type(error).__mro__)
