"""``extractor eval GOLD.jsonl``: score extraction against a gold set.

The gold file, or the ``--predictions`` to score instead of extracting, may be
``-`` (stdin; one of them). The report is shown on stdout; ``-o FILE`` also
writes it as JSON (``-o -``: the JSON goes to stdout and the shown report to
stderr, so that ``extractor eval gold.jsonl -o - | jq`` works). ``--json`` is
the old spelling of ``-o``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from extractor.cli._app import app
from extractor.cli.common import (
    STDIO,
    BaseUrlOption,
    CacheOption,
    ModelOption,
    RetriesOption,
    SecondLookOption,
    StrategyOption,
    TypesOption,
    check_environment,
    check_server,
    fail_usage,
    guarded,
    non_blank,
    os_error_message,
    parse_types,
    path_name,
    print_error,
    refuse_closed_stdout,
    refuse_input_as_output,
    regular_file,
    replaceable_file,
    safe_text,
    same_file,
    shown,
    stdin_file,
    write_output,
)
from extractor.evaluation import EvalReport, load_gold, render_comparison, render_report, score
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.run import (
    check_texts,
    extract_gold,
    predictions_from_lines,
    read_lines,
    write_lines,
)
from extractor.pipeline.engine import DEFAULT_SECOND_LOOK, DEFAULT_STRATEGY, STRATEGIES, Extractor
from extractor.types.registry import RECORD_TYPES, registered_types


def _load_report(path: Path) -> EvalReport:
    regular_file(path, "report written by eval -o")
    try:
        return EvalReport.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        fail_usage(f"{shown(path)}: not an eval report written by eval -o ({_first_line(error)})")


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


def _write(path: Path, write: Any) -> None:
    try:
        write()
    except OSError as error:
        print_error(os_error_message(error))
        raise typer.Exit(2) from None


@contextlib.contextmanager
def _input(value: str | None, what: str) -> Iterator[tuple[Path | None, dict[str, str]]]:
    """The input's path, checked (``-``: stdin, copied to a file), and the alias for messages."""
    if value is None:
        yield None, {}
    elif value == STDIO:
        with stdin_file(".jsonl") as path:
            yield path, {str(path): "stdin"}
    else:
        yield regular_file(value, what), {}


#: The three things eval does, and which option means something to each. An option given
#: on the command line to a path it means nothing to is refused in one line (exit 2), never
#: dropped: a run asked for with ``--model`` or ``--save-predictions`` but scored from
#: ``--predictions`` would read as done. Checked once, here, for every option.
RUN, PREDICTIONS, COMPARE = "run", "predictions", "compare"
_APPLIES: dict[str, tuple[str, frozenset[str]]] = {
    # parameter: (the option as typed, the paths it applies to)
    "predictions": ("--predictions", frozenset({PREDICTIONS})),
    "output": ("-o", frozenset({RUN, PREDICTIONS})),
    "json_out": ("--json", frozenset({RUN, PREDICTIONS})),
    "save_predictions": ("--save-predictions", frozenset({RUN})),
    "details": ("--details", frozenset({RUN, PREDICTIONS})),
    "label": ("--label", frozenset({RUN, PREDICTIONS})),
    "limit": ("--limit", frozenset({RUN, PREDICTIONS})),
    "types": ("--types", frozenset({RUN, PREDICTIONS})),
    "model": ("--model", frozenset({RUN})),
    "base_url": ("--base-url", frozenset({RUN})),
    "strategy": ("--strategy", frozenset({RUN})),
    "max_retries": ("--max-retries", frozenset({RUN})),
    "second_look": ("--second-look/--no-second-look", frozenset({RUN})),
    "cache": ("--cache/--no-cache", frozenset({RUN})),
}
#: Why an option means nothing on a path: the second half of its one-line refusal.
_NO_EFFECT = {
    ("save_predictions", PREDICTIONS): "the predictions are already saved",
    PREDICTIONS: "no model is run, the predictions given are scored",
    COMPARE: "two saved reports are shown, nothing is scored",
}


def _check_options(context: typer.Context, path: str) -> None:
    """Refuse, in one line (exit 2), each option given on the command line that ``path``
    (:data:`RUN`, :data:`PREDICTIONS` or :data:`COMPARE`) does not use (:data:`_APPLIES`).

    Given is what the command line (or an environment variable) set, whatever its value:
    ``--no-cache`` or ``--max-retries 2`` with ``--predictions`` ask for a run too."""
    for name, (shown_as, paths) in _APPLIES.items():
        source = context.get_parameter_source(name)
        if path in paths or source is None or source.name in ("DEFAULT", "DEFAULT_MAP"):
            continue
        why = _NO_EFFECT.get((name, path)) or _NO_EFFECT[path]
        fail_usage(f"{shown_as} has no effect with {_PATH_OPTION[path]}: {why}")


_PATH_OPTION = {PREDICTIONS: "--predictions", COMPARE: "--compare", RUN: "a model run"}


@app.command("eval")
def eval_command(
    ctx: typer.Context,
    gold: Annotated[
        str | None, typer.Argument(help="Gold JSONL file (GOLD_FORMAT), or - for stdin.")
    ] = None,
    predictions: Annotated[
        str | None,
        typer.Option(
            "--predictions",
            callback=path_name(),
            help="Score this `extractor bulk` output (- for stdin) instead of extracting.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            callback=path_name("file"),
            help="Write the full report as JSON here (- for stdout; the shown report then "
            "goes to stderr).",
            show_default=False,
        ),
    ] = None,
    json_out: Annotated[
        str | None,
        typer.Option("--json", hidden=True, callback=path_name(), help="Old spelling of -o."),
    ] = None,
    save_predictions: Annotated[
        str | None,
        typer.Option(
            "--save-predictions",
            callback=path_name(),
            help="Save the result lines (reusable with --predictions).",
        ),
    ] = None,
    compare: Annotated[
        tuple[Path, Path] | None,
        typer.Option("--compare", help="Show two -o reports side by side.", show_default=False),
    ] = None,
    details: Annotated[bool, typer.Option(help="List missed, false and wrong records.")] = False,
    label: Annotated[
        str | None,
        typer.Option(callback=non_blank("name"), help="A name for this run in reports."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N gold documents.")
    ] = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    strategy: StrategyOption = DEFAULT_STRATEGY,
    types: TypesOption = None,
    max_retries: RetriesOption = 2,
    second_look: SecondLookOption = DEFAULT_SECOND_LOOK,
    cache: CacheOption = False,
) -> None:
    """Precision, recall and F1 per type, field accuracy, grounding, tokens and time."""
    if output is not None and json_out is not None:
        fail_usage("-o and --json are the same option: give one")
    output = output if output is not None else json_out
    _check_options(
        ctx, COMPARE if compare is not None else RUN if predictions is None else PREDICTIONS
    )
    console = Console(stderr=output == STDIO)
    if compare is not None:
        console.print(render_comparison(_load_report(compare[0]), _load_report(compare[1])))
        return
    if gold is None:
        fail_usage("give a gold file (or --compare A.json B.json)")
    if gold == STDIO and predictions == STDIO:
        fail_usage("the gold file and --predictions cannot both be - (stdin)")
    if strategy not in STRATEGIES:
        fail_usage(f"--strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    chosen_types = parse_types(types)
    if predictions is None:  # the model is called: its settings must be sound
        check_environment()
    # Every path is checked before any work: a typo in -o must not cost a whole run.
    if gold != STDIO:
        regular_file(gold, "gold JSONL file")
    if predictions not in (None, STDIO):
        regular_file(predictions, "bulk output or saved run (JSONL)")
    for option, target in (("-o", output), ("--save-predictions", save_predictions)):
        for source in (gold, predictions):  # the gold set, a paid-for run: never written over
            refuse_input_as_output(target, source, option)
    if output in (None, STDIO):
        refuse_closed_stdout("report")  # the shown report, or its JSON with -o -
    report_file = (
        None if output in (None, STDIO) else replaceable_file(output, "report file", streams=True)
    )
    saved = None  # a rerun replaces its saved predictions, not a bulk run's
    if save_predictions is not None:
        saved = replaceable_file(
            save_predictions, "predictions file", allows="predictions", option="--save-predictions"
        )
    if report_file and saved and same_file(report_file, saved):
        fail_usage("-o and --save-predictions name the same file: give two names")
    with _input(gold, "gold JSONL file") as (gold_path, gold_alias):
        assert gold_path is not None
        documents: list[GoldDocument] = guarded(
            gold_name(gold), lambda: load_gold(gold_path), aliases=gold_alias
        )
    if limit is not None:
        documents = documents[:limit]

    if predictions is not None:
        with _input(predictions, "bulk output or saved run (JSONL)") as (path, alias):
            assert path is not None
            name = gold_name(predictions)
            lines = guarded(name, lambda: _read_predictions(path, name), aliases=alias)
        run_label = label or ("stdin" if predictions == STDIO else shown(Path(predictions).name))
        lines = _same_texts(lines, documents, gold_name(predictions))
    else:

        def progress(document: GoldDocument, line: dict[str, Any]) -> None:
            error = line.get("error")
            note = f"error: {error['message']}" if error else f"{len(line['records'])} records"
            typer.echo(f"  {safe_text(document.id)}: {safe_text(note)}", err=True)

        def run() -> list[dict[str, Any]]:
            with Extractor(model, base_url=base_url, strategy=strategy, types=chosen_types,
                           max_retries=max_retries, second_look=second_look,
                           cache=cache or None) as extractor:  # fmt: skip
                check_server(extractor.spec.base_url)
                return extract_gold(documents, extractor, on_document=progress)

        lines = guarded(gold_name(gold), run)
        run_label = label or f"{model or 'default model'} · {strategy}"
        if saved is not None:
            _write(saved, lambda: write_lines(saved, lines))
    if predictions is None:
        documents = _scored_types(documents, {}, chosen_types)
    else:
        per_line, union = _asked_types(lines, gold_name(predictions))
        if chosen_types is not None:  # --types narrows what each line was asked for
            per_line = {doc_id: _within(asked, chosen_types) for doc_id, asked in per_line.items()}
            union = _within(union, chosen_types)
            typer.echo(
                f"eval: --types: scoring only {', '.join(chosen_types)} records, of the gold "
                "and of the predictions (each line's own types intersected with --types)",
                err=True,
            )
        documents = _scored_types(documents, per_line, union, quiet=chosen_types is not None)
    if predictions is not None:
        _check_shared(lines, documents, gold_name(predictions))
    try:
        found, usage, failures = predictions_from_lines(
            lines,
            on_unread=lambda note: typer.echo(f"eval: warning: {safe_text(note)}", err=True),
            types=chosen_types if predictions is not None else None,
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        source = gold_name(predictions) if predictions is not None else "the predictions"
        fail_usage(f"{source}: not in the bulk output format ({_first_line(error)})")
    if predictions is not None and chosen_types is not None:  # the predicted records too
        found = {doc_id: [r for r in records if r.get("type") in chosen_types]
                 for doc_id, records in found.items()}  # fmt: skip
    report = score(documents, found, usage=usage, label=run_label)
    text = None if output is None else _report_json(report, gold_name(gold))
    console.print(render_report(report, details=details))
    for doc_id, message in failures.items():
        console.print(
            f"[yellow]failed[/yellow] {escape(safe_text(doc_id))}: {escape(safe_text(message))}"
        )
    if text is not None:
        write_output(report_file, text)
        if report_file is not None:
            typer.echo(f"report written to {shown(report_file)}", err=True)


def _report_json(report: EvalReport, name: str) -> str:
    """The report as strict JSON, which jq and JSON.parse read: ``NaN`` and ``Infinity``
    are no JSON, so a number that is not finite is refused here, never written. Every
    number a prediction line gives is checked finite where it is read
    (:func:`~extractor.evaluation.run.predictions_from_lines`); this is the last guard."""
    try:
        return json.dumps(report.model_dump(mode="json"), indent=2, allow_nan=False) + "\n"
    except ValueError:
        fail_usage(
            f"{name}: the report would hold a number that is not finite (NaN or Infinity), "
            "which JSON cannot write; look for such a number in the gold file or predictions"
        )


def _asked_types(
    lines: list[dict[str, Any]], name: str
) -> tuple[dict[str, list[str] | None], list[str] | None]:
    """The record types each prediction line was asked for (its ``types``; None: the line
    does not say, older output), by document id; and for a gold document with no line,
    what the lines asked together (None when one does not say). A list naming every
    built-in type leaves none out: :func:`_narrowed` says so, in one place."""
    asked: set[str] = set()
    said_all = False
    per_line: dict[str, list[str] | None] = {}
    known = {spec.name for spec in registered_types()}
    for line in lines:
        types = line.get("types")
        doc_id = str(line.get("doc_id"))
        if types is None or types == []:
            said_all = True
            per_line[doc_id] = None
            continue
        if not isinstance(types, list):
            fail_usage(
                f"{name}: the predictions for {safe_text(doc_id)!r} give their "
                f"types as a {type(types).__name__}, not a list of type names"
            )
        unknown = [repr(t) for t in types if not isinstance(t, str) or t not in known]
        if unknown:
            fail_usage(
                f"{name}: the predictions for {safe_text(doc_id)!r} were asked for "
                f"types {', '.join(unknown)} that are none of {', '.join(sorted(known))}: "
                "give the predictions of this tool (or install the plugin that defines them)"
            )
        asked.update(types)
        per_line[doc_id] = sorted(set(types))
    # no line, no type named: nothing says a type was left out, so every type is scored
    return per_line, None if said_all or not asked else sorted(asked)


def _within(asked: list[str] | None, chosen: list[str]) -> list[str]:
    """The types a line was asked for (None: every one) that ``--types`` also names."""
    return [t for t in chosen if asked is None or t in asked]


def _scored_types(
    documents: list[GoldDocument],
    per_line: dict[str, list[str] | None],
    rest: list[str] | None,
    *,
    quiet: bool = False,
) -> list[GoldDocument]:
    """The gold documents, each with only the records of the types its own prediction line
    was asked for (``per_line``; a document with no line: ``rest``; None: every type).

    A run asked for visits only is not scored as missing every meeting; and a rerun with
    other ``--types`` over part of the gold set, or lines of other documents in the same
    output, change no other document's score. Said once on stderr."""
    scopes = {doc.id: _narrowed(per_line.get(doc.id, rest))
              for doc in documents}  # fmt: skip
    narrowed = {doc_id: types for doc_id, types in scopes.items() if types is not None}
    if not narrowed:
        return documents
    kinds = {tuple(types) for types in narrowed.values()}
    if quiet:  # the caller said why (``--types``)
        pass
    elif len(kinds) == 1 and len(narrowed) == len(documents):
        (types,) = kinds
        typer.echo(
            f"eval: scoring only the types the predictions were asked for: {', '.join(types)}",
            err=True,
        )
    else:
        typer.echo(
            f"eval: scoring only the types the predictions were asked for, document by "
            f"document: {len(narrowed):,} of {len(documents):,} gold document(s) were asked "
            "for fewer than every type (each is scored on the types its own line was asked for)",
            err=True,
        )
    return [
        doc
        if scopes[doc.id] is None
        else dataclasses.replace(
            doc, records=[r for r in doc.records if r.get("type") in (scopes[doc.id] or ())]
        )
        for doc in documents
    ]


def _narrowed(types: list[str] | None) -> list[str] | None:
    """``types``, or None when they leave no built-in type out (every type is scored)."""
    return None if types is None or set(types) >= set(RECORD_TYPES) else types


def _check_shared(lines: list[dict[str, Any]], documents: list[GoldDocument], name: str) -> None:
    """Exit 2 when no prediction line is of a gold document: a report of zeros would read
    as a model that found nothing, when the files do not belong together."""
    if not lines and documents:
        fail_usage(
            f"{name}: holds no result line; give the output of a run over the gold file "
            "(`extractor bulk GOLD.jsonl -o PRED.jsonl`)"
        )
    ids = {str(line.get("doc_id")) for line in lines}
    if lines and documents and not ids & {doc.id for doc in documents}:
        fail_usage(
            f"{name}: none of its {len(ids):,} document id(s) is in the gold file; give the "
            "output of a run over the gold file (`extractor bulk GOLD.jsonl -o PRED.jsonl`)"
        )


def gold_name(value: str | None) -> str:
    """An input as messages name it: ``stdin`` for ``-``."""
    return "stdin" if value in (None, STDIO) else shown(value)


def _read_predictions(path: Path, name: str) -> list[dict[str, Any]]:
    def torn(number: int) -> None:
        typer.echo(
            f"eval: warning: {name}: line {number} is unfinished (a bulk run still running or "
            "killed while writing it); it is left out",
            err=True,
        )

    try:
        return read_lines(path, on_torn=torn)
    except UnicodeDecodeError as error:
        fail_usage(f"{name}: not UTF-8 text ({_first_line(error)})")


def _same_texts(
    lines: list[dict[str, Any]], documents: list[GoldDocument], name: str
) -> list[dict[str, Any]]:
    """The prediction lines made from the gold's own texts (``text_sha256``).

    Predictions of another text would be scored silently (an F1 of 0 that
    looks like a bad model). A gold document whose line is of another text, or
    absent, is scored by the one line that has its text under another id (bulk's
    ``<id>@<file>``: :func:`~extractor.evaluation.run.check_texts`), said in one line.
    Some still mismatched: said once, and those documents are scored as missing.
    All mismatched: nothing to score, exit 2.
    """
    check = check_texts(lines, documents)
    for note in check.notes():
        typer.echo(f"eval: {name}: {safe_text(note)}", err=True)
    message = check.mismatch_message()
    if message is None:
        return check.lines
    if check.nothing_scored:
        fail_usage(
            f"{name}: all {safe_text(message)}; score a bulk run over this gold file "
            "(`extractor bulk GOLD.jsonl -o PRED.jsonl`)"
        )
    typer.echo(f"eval: warning: {name}: {safe_text(message)}; they are scored as missing", err=True)
    return check.lines
