"""``extractor bulk INPUT... -o out.jsonl``: whole archives to one JSON line per document.

A thin shell over :mod:`extractor.bulk`: it picks the progress display,
turns run-stopping errors into one stderr line that says what to do, and
maps the outcome to the exit code: 0 every document ok, 1 some documents
failed or are incomplete, or an input could not be read (every line is
still written), 2 bad usage, inputs or configuration (including a run
stopped early because every further document would fail the same way or a
worker died, or an output that cannot be written), 130 interrupted.
Rerunning the same command resumes: documents whose text is unchanged are
skipped, changed ones are extracted again. Every problem with the output or
the summary file (a folder, a missing folder, no permission, a full disk,
another run writing it, a file that is not an extractor output) is one
stderr line naming the path, found before any work where it can be.

``-`` as an input reads stdin (JSONL, CSV with a text column, text, HTML,
an archive: told from its first bytes, by the same readers as files, as
``/dev/stdin``); ``-o -`` writes the lines to stdout (a pipe is written
once; stdout redirected to a file with ``>>`` is resumed like any output).
``--limit N`` takes the inputs up to the N-th document, the same N on every rerun, so
``--limit 100`` then ``--limit 1000`` extracts 900 more. ``--dry-run`` reads
the inputs and the output and says what the run would do and cost
(:mod:`extractor.bulk.estimate`), sending nothing; ``--price IN/OUT`` prices
the tokens (USD per million) of a model the built-in list does not know,
for the estimate and for the run's summary alike.

The options are grouped below by what they are about; a new option goes in
its group, and its check in :func:`_checked`, which the run and the dry run
both call before both construct the run (:func:`_construct`): a dry run
refuses what the run refuses, with the same line. A new way of running
(another engine, a provider's batch API) is chosen in :func:`_checked` too.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from extractor.bulk.batch import MAX_CONCURRENCY
from extractor.bulk.estimate import Price, RunEstimate, estimate_run, first, parse_price
from extractor.bulk.provider_batch import BATCH_PRICE_FACTOR
from extractor.bulk.runner import (
    BulkRun,
    InputOptions,
    NoProgress,
    ProgressReporter,
    skip_own,
)
from extractor.cli._app import app
from extractor.cli.batch_cmd import (
    DEFAULT_POLL_INTERVAL,
    batch_run_options,
    with_batch_notices,
)
from extractor.cli.common import (
    CLOSED_AT_START,
    STDIO,
    BaseUrlOption,
    CacheOption,
    ModelOption,
    RetriesOption,
    SecondLookOption,
    StrategyOption,
    TypesOption,
    check_environment,
    fail_usage,
    non_blank,
    parse_types,
    path_name,
    printable,
    same_file,
    show_notices,
    shown,
)
from extractor.cli.engine_cmd import engine_run_options
from extractor.cli.progress import LogProgress, RichProgress
from extractor.errors import (
    BatchAborted,
    ClientModelError,
    ConfigurationError,
    ExtractorError,
    InputError,
    LocalModelError,
    OutputError,
    UnusedField,
    WorkerLost,
)
from extractor.io import Item, is_rereadable
from extractor.io.output import check_replaceable, write_to_stream
from extractor.io.readers import close_items
from extractor.pipeline.engine import DEFAULT_SECOND_LOOK, DEFAULT_STRATEGY, STRATEGIES
from extractor.runtime import aio

_PROGRESS_MODES = ("auto", "bar", "log", "none")
_RESUME = "rerun the same command to resume"
#: What ``-`` stands for: the readers read it as a stream, its format from its first bytes.
STDIN_PATH = "/dev/stdin"
STDOUT_PATH = "/dev/stdout"


@app.command()
def bulk(
    # -- what to read and where to write -----------------------------------------------
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (recursive), globs, .jsonl, .csv, .zip, .tar(.gz) and "
            ".warc(.gz) archives; - reads stdin.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            callback=path_name("file"),
            help="JSONL file to write (- is stdout); an existing one (written by extractor) "
            "is resumed: documents whose text is unchanged are skipped, changed ones "
            "extracted again.",
            show_default=False,
        ),
    ],
    limit: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Only the first N input documents (the same N on a rerun); skipped units take no place.",
            show_default=False,
        ),
    ] = None,
    id_field: Annotated[str, typer.Option(help="JSONL/CSV field holding the id.")] = "id",
    text_field: Annotated[str, typer.Option(help="JSONL/CSV field holding the text.")] = "text",
    date_field: Annotated[
        str, typer.Option(help="JSONL/CSV field holding the publication date.")
    ] = "published",
    title_field: Annotated[str, typer.Option(help="JSONL/CSV field holding the title.")] = "title",
    # -- the model -------------------------------------------------------------------
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    strategy: StrategyOption = DEFAULT_STRATEGY,
    types: TypesOption = None,
    max_retries: RetriesOption = 2,
    second_look: SecondLookOption = DEFAULT_SECOND_LOOK,
    cache: CacheOption = False,
    price: Annotated[
        str | None,
        typer.Option(
            metavar="IN/OUT",
            help="USD per million prompt/completion tokens, such as 0.15/0.60, for a model "
            "the built-in price list does not know (a local server: 0/0).",
            show_default=False,
        ),
    ] = None,
    # -- how to run ------------------------------------------------------------------
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            max=MAX_CONCURRENCY,
            help=f"Documents extracted concurrently (at most {MAX_CONCURRENCY}).",
        ),
    ] = 8,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Read the inputs and the output, then say how many documents would be "
            "extracted or skipped and what it would cost; send and write nothing.",
        ),
    ] = False,
    retry_errors: Annotated[
        bool,
        typer.Option(
            "--retry-errors",
            help="Ask the model again about the documents whose line is an error or "
            "incomplete; their new lines supersede the old (none is deleted). An input error "
            "(an empty file) stands until the input is mended, and exits 0 as any rerun.",
        ),
    ] = False,
    forget_unseen: Annotated[
        bool,
        typer.Option(
            "--forget-unseen",
            help="Once every input is read, mark the output's lines whose input is not among "
            "this run's (a renamed file, an edited row without an id) as skipped, so that "
            "flatten, view and eval leave their records out. Lines are never deleted.",
        ),
    ] = False,
    fsync: Annotated[
        bool, typer.Option("--fsync", help="Force every line to disk (survives a power cut).")
    ] = False,
    # -- the provider's batch API (extractor/cli/batch_cmd.py) -----------------------------
    batch: Annotated[
        bool,
        typer.Option(
            "--batch",
            help="Send the calls through the provider's batch API: half the price, answers "
            "within 24 h. Rerun the same command to resume; `extractor batch status|cancel "
            "OUT` shows or stops the batches.",
        ),
    ] = False,
    reask: Annotated[
        str,
        typer.Option(
            help="With --batch: re-ask answers that fail validation in a follow-up batch "
            "(batch) or at once, at the live price (live).",
        ),
    ] = "batch",
    poll_interval: Annotated[
        float,
        typer.Option(help="With --batch: the longest wait between two polls, in seconds."),
    ] = DEFAULT_POLL_INTERVAL,
    # -- the engine (extractor/cli/engine_cmd.py) ----------------------------------------
    engine: Annotated[
        str,
        typer.Option(
            help="local (this process) or ray (a Ray Data job; needs the ray extra: "
            "pip install 'extractor\\[ray]')."
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            callback=non_blank("Ray address"),
            help="With --engine ray: the Ray cluster (default: RAY_ADDRESS, else a local one).",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes, each with one extractor. With --engine local (the "
            "default): N processes on this machine sharing the -j documents in flight "
            "(-j/N each, at least one), for more than one core's worth of calls; 1 or none: "
            "this process alone. With --engine ray: actors, each with -j documents in flight "
            "(default: one per CPU of the cluster).",
            show_default=False,
        ),
    ] = None,
    # -- what to show ------------------------------------------------------------------
    progress: Annotated[
        str,
        typer.Option(help="auto (a bar on a terminal, log lines otherwise), bar, log or none."),
    ] = "auto",
    summary_json: Annotated[
        str | None,
        typer.Option(
            callback=path_name(),
            help="Also write the run summary as JSON to this file (- for stdout).",
        ),
    ] = None,
) -> None:
    """Convert files and archives to JSONL: one line per document, resumable.

    Rerun the same command to resume after a crash or Ctrl-C. Exit codes: 0 every
    document ok; 1 some failed or are incomplete (their lines are written); 2 bad
    usage, inputs or configuration, or a run stopped early (a rejected key, an
    unreachable server, a worker that died).
    """
    summary_path = _summary_name(summary_json)
    request = _checked(
        inputs, output, limit=limit, fields=_fields(id_field, text_field, date_field,
        title_field), model=model, base_url=base_url, strategy=strategy, types=types,
        max_retries=max_retries, second_look=second_look, cache=cache, price=price, jobs=jobs,
        retry_errors=retry_errors, forget_unseen=forget_unseen, fsync=fsync, batch=batch,
        reask=reask, poll_interval=poll_interval, engine=engine, address=address,
        workers=workers, progress=progress, summary_json=summary_path,
    )  # fmt: skip
    if dry_run:
        _dry_run(request, output, limit, summary_path, batch=batch)
        return

    run = _construct(request, output, progress=with_batch_notices(_reporter(progress), batch))
    if limit is not None:
        own = run.target.own_paths()
        run.items = first(skip_own(run.items, own), limit)
        _count_first(run, limit)
    code = _execute(run, output)
    if run.started:
        code = _report(run, summary_path, request.price) or code
    raise typer.Exit(code)


@dataclass(frozen=True)
class _Request:
    """``bulk``'s options, checked (:func:`_checked`): the run to construct, and how."""

    #: The way of running the options chose: plain, --batch, --workers, --engine ray.
    run_type: type[BulkRun]
    #: The inputs, ``-`` as :data:`STDIN_PATH`.
    paths: list[str]
    #: The output, ``-o -`` as :data:`STDOUT_PATH`.
    target: str
    #: The run's keywords (every one but ``progress``): its own, the extractor's, the engine's.
    options: dict[str, Any]
    price: Price | None


def _checked(
    inputs: list[str],
    output: str,
    *,
    limit: int | None,
    fields: InputOptions,
    model: str | None,
    base_url: str | None,
    strategy: str,
    types: str | None,
    max_retries: int,
    second_look: bool,
    cache: bool,
    price: str | None,
    jobs: int,
    retry_errors: bool,
    forget_unseen: bool,
    fsync: bool,
    batch: bool,
    reask: str,
    poll_interval: float,
    engine: str,
    address: str | None,
    workers: int | None,
    progress: str,
    summary_json: Path | None,
) -> _Request:
    """Every check of ``bulk``'s options that needs no input read and no model built: a usage
    error (one line, exit 2) for the first that fails.

    The one place these checks live: the run and ``--dry-run`` both call it, and
    then both construct the run (:func:`_construct`), which checks the rest (the
    paths, the output, the model and what the engine needs), so that a dry run
    refuses exactly what the run refuses, with the same line.
    """
    check_environment()
    if strategy not in STRATEGIES:
        fail_usage(f"--strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    if progress not in _PROGRESS_MODES:
        fail_usage(f"--progress {progress!r}: use one of {', '.join(_PROGRESS_MODES)}")
    chosen_types = parse_types(types)
    chosen_price = _price(price)
    if inputs.count(STDIO) > 1:
        fail_usage("- (stdin) is given twice; it can be read once")
    paths = [STDIN_PATH if value == STDIO else value for value in inputs]
    if output == STDIO and 1 in CLOSED_AT_START:
        fail_usage("-o -: stdout is closed, so every result would be lost; give a file name")
    target = STDOUT_PATH if output == STDIO else output
    if summary_json is not None:
        _check_summary_path(summary_json, [*paths, target, f"{target}.lock"])
    if forget_unseen and limit is not None:
        fail_usage("--forget-unseen needs every input read: drop --limit")
    run_type, batch_options = batch_run_options(batch, reask, poll_interval)  # --batch
    run_type, engine_options = engine_run_options(run_type, engine, address, workers)  # --engine
    options: dict[str, Any] = dict(
        concurrency=jobs, input_options=fields, retry_errors=retry_errors, fsync=fsync,
        forget_unseen=forget_unseen, every_input=limit is None, price=chosen_price,
        model=model, base_url=base_url, strategy=strategy, types=chosen_types,
        max_retries=max_retries, second_look=second_look, cache=cache or None,
        **batch_options, **engine_options,
    )  # fmt: skip
    return _Request(run_type, paths, target, options, chosen_price)


def _fields(id_field: str, text_field: str, date_field: str, title_field: str) -> InputOptions:
    """The field options; a blank one is a usage error naming it (``--text-field ''``)."""
    try:
        return InputOptions(id_field, text_field, date_field, title_field)
    except ValueError as error:
        fail_usage(_as_option(str(error)))


def _as_option(message: str) -> str:
    """A message naming a field keyword (``text_field 'x': ...``) with the option's name."""
    keyword, space, rest = message.partition(" ")
    return f"--{keyword.replace('_', '-')}{space}{rest}" if keyword.endswith("_field") else message


def _construct(request: _Request, output: str, **extra: Any) -> BulkRun:
    """The run ``request`` asks for, constructed (which checks the inputs' paths, the output,
    the model and the engine's needs, sending nothing); one line and exit 2 if it cannot be.

    The run and ``--dry-run`` both construct it here; ``extra`` is the run's
    progress display, or the dry run's stand-in key (:func:`_dry_run_key`).
    """
    try:
        with show_notices():
            return request.run_type(request.paths, request.target, **request.options, **extra)
    except ExtractorError as error:
        _fail(_explain(error, output), 2)


def _discard(run: BulkRun) -> None:
    """Let go of a run constructed but never run (the dry run's): its inputs and its model."""
    close = getattr(run.items, "close", None)
    if close is not None:
        close()
    run.extractor.close()


def _price(value: str | None) -> Price | None:
    if value is None:
        return None
    try:
        return parse_price(value)
    except ValueError as error:
        fail_usage(f"--price {error}")


def _count_first(run: BulkRun, limit: int) -> None:
    """The bar's total under ``--limit``: the first ``limit`` units, counted in the background.

    Only inputs that can be read twice are counted (a second reader of a pipe
    would steal its documents); reading stops at ``limit``, so it is cheap.
    """
    if not all(is_rereadable(path) for path in run.inputs):
        return
    own = run.target.own_paths()

    def count() -> None:
        total = 0
        items: Iterable[Item] = ()
        try:  # opening the inputs again too: one removed since the run began raises
            items = run.input_options.read(run.inputs, exclude=[run.output])
            for _ in first(skip_own(items, own), limit):
                total += 1
        except Exception:  # only an estimate: never let it disturb the run
            return
        finally:
            close_items(items)
        run.total = total

    threading.Thread(target=count, name="bulk-count-limit", daemon=True).start()


def _dry_run(
    request: _Request, output: str, limit: int | None, summary_json: Path | None, *, batch: bool
) -> None:
    """Print what the run would do (on stdout) and write it to ``--summary-json``;
    with ``--batch``, the cost at the batch price.

    The run is constructed as the real one is (:func:`_construct`), so the dry
    run refuses what the run refuses; then it is estimated instead of run.
    """
    key = _dry_run_key(request.options.get("model"), request.options.get("base_url"))
    run = _construct(request, output, **({"api_key": key} if key is not None else {}))
    try:
        with show_notices():
            estimate = estimate_run(
                request.paths, request.target, extractor=run.extractor,
                input_options=run.input_options, retry_errors=run.retry_errors,
                forget_unseen=run.forget_unseen, limit=limit, price=request.price,
                price_factor=BATCH_PRICE_FACTOR if batch else 1.0,
            )  # fmt: skip
    except ExtractorError as error:
        _fail(_explain(error, output), 2)
    finally:
        _discard(run)
    typer.echo(render_estimate(estimate, limit))
    if summary_json is not None:
        try:
            _write_summary(summary_json, estimate.to_dict())
        except OSError as error:
            _fail(f"--summary-json {shown(summary_json)}: {error.strerror or error}", 2)


#: Stands in for a missing API key in a dry run, which sends nothing: a cost is worth
#: knowing before there is a key to pay it with.
DRY_RUN_KEY = "sk-dry-run-never-sent"


def _dry_run_key(model: str | None, base_url: str | None = None) -> str | None:
    """:data:`DRY_RUN_KEY` when ``model`` names a provider whose key is not set, else None.

    Only then: a key given when no model is would change which model is the
    default (OpenAI's instead of the embedded one); and a base URL with a password,
    which the run sends as Basic auth when no key is set, would be refused beside one.
    """
    from extractor.settings import KEY_VARIABLES, settings

    env = settings()
    name = model or env.model
    if name is None or env.base_url or env.api_key:
        return None
    if base_url is not None and "@" in base_url.partition("//")[2].partition("/")[0]:
        return None
    provider = name.partition("/")[0] if "/" in name else "openai"
    if provider in KEY_VARIABLES and env.provider_key(provider) is None:
        return DRY_RUN_KEY
    return None


def render_estimate(estimate: RunEstimate, limit: int | None) -> str:
    """The dry run's report: a few aligned lines, like the run's summary."""
    first_n = f" (the first {limit:,}: --limit)" if limit is not None else ""
    if estimate.planned < estimate.to_extract:
        planned = (
            f" (the first {estimate.planned:,} documents planned, the rest extrapolated by "
            "their length)"
        )
    else:
        planned = f" ({estimate.no_call:,} documents need none: no type's words in them)"
    done = f"; {estimate.already_done:,} documents already in it" if estimate.already_done else ""
    if estimate.cost_usd is None:
        cost = (
            f"unknown: no price for {estimate.model}; give --price IN/OUT (USD per million "
            "prompt/completion tokens)"
        )
    else:
        how = (
            f" at ${estimate.price[0]:g}/${estimate.price[1]:g} per million tokens"
            if estimate.price
            else f" ({estimate.price_source})"
            if estimate.price_source
            else ""
        )
        if estimate.price_factor != 1.0:
            how += f", x {estimate.price_factor:g}: the batch price"
        cost = f"~${estimate.cost_usd:,.4f}{how}"
    lines = [
        "dry run: nothing is sent to the model and nothing is written",
        f"inputs     {estimate.read:,} documents read{first_n}",
        f"would      extract {estimate.to_extract:,}{_reasons(estimate)}, "
        f"skip {estimate.unchanged:,} unchanged"
        + (
            f" and {estimate.repeated:,} repeated (read again: one line)"
            if estimate.repeated
            else ""
        )
        + ", "
        f"write {estimate.failures:,} error lines without a call, "
        f"{estimate.not_read:,} not read"
        + (f", {estimate.forgotten:,} forgotten" if estimate.forgotten else "")
        + (
            f", {estimate.gone:,} past input errors superseded (no longer in their file)"
            if estimate.gone
            else ""
        ),
        f"calls      ~{estimate.calls:,} model calls{planned}"
        + (
            f", and up to {estimate.second_looks:,} second looks (asked after empty answers)"
            if estimate.second_looks
            else ""
        ),
        f"tokens     ~{estimate.prompt_tokens:,} prompt + ~{estimate.completion_tokens:,} "
        "completion (first attempts; re-asks add more: 1.8 times as many on the development "
        "set with the 1.5B model)",
        f"cost       {cost}",
        f"output     {printable(estimate.output)}{done}",
    ]
    return "\n".join(lines)


def _reasons(estimate: RunEstimate) -> str:
    """Why the documents to extract are extracted, in the words of the run's summary: ``new``,
    ``changed`` (text, title, date or publisher) and each redo reason (``asked differently:
    other --strategy``); they add up to ``to_extract``. Lines written without a call (new or
    changed error and skipped lines) are counted on their own."""
    parts = [f"{count:,} {why}" for why, count in estimate.extract_reasons.most_common()]
    return f" ({'; '.join(parts)})" if parts else ""


def _execute(run: BulkRun, output: str) -> int:
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
    stopping = (
        InputError | ConfigurationError | ClientModelError | LocalModelError | BatchAborted
        | WorkerLost
    )  # fmt: skip
    return isinstance(error, stopping)


def _explain(error: ExtractorError, output: str) -> str:
    """The error in one line, with what to do about it."""
    message = " ".join(str(error).split())  # one line, whatever a path holds
    if isinstance(error, UnusedField):  # the field, not a path, is what to fix
        return _as_option(message)
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


def _summary_name(value: str | None) -> Path | None:
    """``--summary-json``'s path; a name ending in a slash names a folder (``Path`` would
    drop the slash and write a file of that name)."""
    if value is None:
        return None
    if value.endswith(("/", os.sep)):
        fail_usage(f"--summary-json {shown(value)}: names a folder; give a file name")
    return Path(value)


def _check_summary_path(path: Path, taken: list[str]) -> None:
    """Fail now, not after the run, when ``--summary-json`` cannot be written, or names a
    file the run reads or writes (``taken``: the inputs, the output and its lock): writing
    the summary there would replace the results or an article."""
    try:
        _check_summary_target(path, taken)
    except OSError as error:  # a name too long, a symbolic-link loop ...
        fail_usage(f"--summary-json {path}: {error.strerror or error}")


def _check_summary_target(path: Path, taken: list[str]) -> None:
    if str(path) == STDIO:
        if STDOUT_PATH in taken:
            fail_usage("--summary-json -: stdout carries the results (-o -); give a file name")
        return  # stdout, which nothing else of this run writes to
    for other in taken:
        if same_file(path, other):
            fail_usage(
                f"--summary-json {path}: that is {'stdout' if other == STDOUT_PATH else other}, "
                "which this run reads or writes; give another file name"
            )
        if not path.is_dir() and _within(path, other):  # whether it exists yet or not
            fail_usage(
                f"--summary-json {path}: inside the input folder {other}, which this run reads "
                "(the next run would read the summary as an article); give a file outside it"
            )
    try:  # another run's output, or a file of results
        check_replaceable(path, "run summary", option="--summary-json")
    except OutputError as error:
        fail_usage(f"--summary-json {error}")
    folder = path.parent
    if path.is_dir():
        fail_usage(f"--summary-json {path}: is a folder; give a file name")
    if folder.exists() and not folder.is_dir():
        fail_usage(f"--summary-json {path}: {folder} is not a folder")
    if not folder.is_dir():
        fail_usage(f"--summary-json {path}: the folder {folder} does not exist; create it first")
    if path.exists():
        if not path.is_file():  # a FIFO or a device: opened when written, never probed
            return  # (opening a FIFO's write end and closing it ends a waiting reader)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_APPEND))
        except OSError as error:
            fail_usage(f"--summary-json {path}: cannot be written ({error.strerror or error})")
    elif path.is_symlink():
        fail_usage(f"--summary-json {path}: a broken symbolic link; give a file name")
    elif not os.access(folder, os.W_OK | os.X_OK):
        fail_usage(f"--summary-json {path}: cannot create a file in {folder} (permission denied)")


def _within(path: Path, folder: str) -> bool:
    """Whether ``path`` (a file, or a name not yet created) lies inside the input folder
    ``folder``: refused even before it exists, so that the first run does not write what
    the second one refuses."""
    if not os.path.isdir(folder):
        return False
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, root]) == root


def _report(run: BulkRun, summary_json: Path | None, price: Price | None) -> int:
    """Print the summary and write ``--summary-json``; 2 if that file cannot be written."""
    _echo(run.summary.render())
    if run.summary.cost_usd is None and run.summary.total_tokens:
        _echo(
            f"bulk: to price {run.summary.model}'s tokens, give --price IN/OUT (USD per "
            "million prompt/completion tokens)"
        )
    elif price is not None:
        _echo(f"bulk: cost at --price ${price[0]:g}/${price[1]:g} per million tokens")
    if summary_json is None:
        return 0
    try:
        _write_summary(summary_json, run.summary.to_dict())
    except OSError as error:
        _echo(f"extractor: error: --summary-json {summary_json}: {error.strerror or error}")
        return 2
    return 0


def _write_summary(path: Path, summary: dict[str, Any]) -> None:
    """The summary as JSON to ``path``, or to stdout for ``-`` (raises OSError). A FIFO is
    written when a reader is there, waited for :data:`SUMMARY_READER_SECONDS`."""
    data = json.dumps(summary, indent=2) + "\n"
    if str(path) == STDIO:
        sys.stdout.write(data)
        sys.stdout.flush()
    elif path.exists() and not path.is_file():
        write_to_stream(path, data.encode("utf-8"), SUMMARY_READER_SECONDS)
    else:
        path.write_text(data, encoding="utf-8")


#: How long a summary FIFO's reader is waited for once the run is done.
SUMMARY_READER_SECONDS = 30.0


def _echo(text: str) -> None:
    typer.echo(printable(text), err=True)


def _fail(message: str, code: int) -> NoReturn:
    _echo(f"extractor: error: {message}")
    raise typer.Exit(code)
