"""``extractor eval GOLD.jsonl``: score extraction against a gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from extractor.cli._app import app
from extractor.cli.common import (
    BaseUrlOption,
    CacheOption,
    ModelOption,
    RetriesOption,
    StrategyOption,
    TypesOption,
    fail_usage,
    guarded,
    os_error_message,
    parse_types,
    print_error,
    regular_file,
    safe_text,
    shown,
    writable_file,
)
from extractor.evaluation import EvalReport, load_gold, render_comparison, render_report, score
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.run import extract_gold, predictions_from_lines, read_lines, write_lines
from extractor.pipeline.engine import DEFAULT_STRATEGY, STRATEGIES, Extractor


def _load_report(path: Path) -> EvalReport:
    regular_file(path, "report written by --json")
    try:
        return EvalReport.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        fail_usage(f"{shown(path)}: not an eval report written by --json ({_first_line(error)})")


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


def _write(path: Path, write: Any) -> None:
    try:
        write()
    except OSError as error:
        print_error(os_error_message(error))
        raise typer.Exit(2) from None


@app.command("eval")
def eval_command(
    gold: Annotated[Path | None, typer.Argument(help="Gold JSONL file (GOLD_FORMAT).")] = None,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions", help="Score this `extractor bulk` output instead of extracting."
        ),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the full report here.")
    ] = None,
    save_predictions: Annotated[
        Path | None,
        typer.Option(
            "--save-predictions", help="Save the result lines (reusable with --predictions)."
        ),
    ] = None,
    compare: Annotated[
        tuple[Path, Path] | None,
        typer.Option("--compare", help="Show two --json reports side by side.", show_default=False),
    ] = None,
    details: Annotated[bool, typer.Option(help="List missed, false and wrong records.")] = False,
    label: Annotated[str | None, typer.Option(help="A name for this run in reports.")] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N gold documents.")
    ] = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    strategy: StrategyOption = DEFAULT_STRATEGY,
    types: TypesOption = None,
    max_retries: RetriesOption = 2,
    cache: CacheOption = False,
) -> None:
    """Precision, recall and F1 per type, field accuracy, grounding, tokens and time."""
    console = Console()
    if compare is not None:
        console.print(render_comparison(_load_report(compare[0]), _load_report(compare[1])))
        return
    if gold is None:
        fail_usage("give a gold file (or --compare A.json B.json)")
    if strategy not in STRATEGIES:
        fail_usage(f"--strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    chosen_types = parse_types(types)
    # Every path is checked before any work: a typo in --json must not cost a whole run.
    regular_file(gold, "gold JSONL file")
    if predictions is not None:
        regular_file(predictions, "bulk output or saved run (JSONL)")
    for target, what in ((json_out, "report"), (save_predictions, "predictions")):
        if target is not None:
            writable_file(target, f"{what} file")
    documents: list[GoldDocument] = guarded(shown(gold), lambda: load_gold(gold))
    if limit is not None:
        documents = documents[:limit]

    if predictions is not None:
        lines = guarded(shown(predictions), lambda: _read_predictions(predictions))
        run_label = label or shown(predictions.name)
    else:

        def progress(document: GoldDocument, line: dict[str, Any]) -> None:
            error = line.get("error")
            note = f"error: {error['message']}" if error else f"{len(line['records'])} records"
            typer.echo(f"  {safe_text(document.id)}: {safe_text(note)}", err=True)

        def run() -> list[dict[str, Any]]:
            with Extractor(model, base_url=base_url, strategy=strategy, types=chosen_types,
                           max_retries=max_retries, cache=cache or None) as extractor:  # fmt: skip
                return extract_gold(documents, extractor, on_document=progress)

        lines = guarded(shown(gold), run)
        run_label = label or f"{model or 'default model'} · {strategy}"
        if save_predictions is not None:
            _write(save_predictions, lambda: write_lines(save_predictions, lines))
    try:
        found, usage, failures = predictions_from_lines(lines)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        source = shown(predictions) if predictions is not None else "the predictions"
        fail_usage(f"{source}: a record is not in the bulk output format ({_first_line(error)})")
    report = score(documents, found, usage=usage, label=run_label)
    console.print(render_report(report, details=details))
    for doc_id, message in failures.items():
        console.print(
            f"[yellow]failed[/yellow] {escape(safe_text(doc_id))}: {escape(safe_text(message))}"
        )
    if json_out is not None:
        text = json.dumps(report.model_dump(mode="json"), indent=2) + "\n"
        _write(json_out, lambda: json_out.write_text(text, encoding="utf-8"))
        typer.echo(f"report written to {shown(json_out)}", err=True)


def _read_predictions(path: Path) -> list[dict[str, Any]]:
    try:
        return read_lines(path)
    except UnicodeDecodeError as error:
        fail_usage(f"{shown(path)}: not UTF-8 text ({_first_line(error)})")
