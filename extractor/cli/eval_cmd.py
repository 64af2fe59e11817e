"""``extractor eval GOLD.jsonl``: score extraction against a gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

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
    parse_types,
)
from extractor.evaluation import EvalReport, load_gold, render_comparison, render_report, score
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.run import extract_gold, predictions_from_lines, read_lines, write_lines
from extractor.pipeline.engine import DEFAULT_STRATEGY, STRATEGIES, Extractor


def _load_report(path: Path) -> EvalReport:
    try:
        return EvalReport.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        fail_usage(f"{path}: not an eval report written by --json ({error})")


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
    limit: Annotated[int | None, typer.Option(help="Only the first N gold documents.")] = None,
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
    documents: list[GoldDocument] = guarded(str(gold), lambda: load_gold(gold))
    if limit is not None:
        documents = documents[:limit]

    if predictions is not None:
        lines = guarded(str(predictions), lambda: read_lines(predictions))
        run_label = label or predictions.name
    else:

        def progress(document: GoldDocument, line: dict[str, Any]) -> None:
            error = line.get("error")
            note = f"error: {error['message']}" if error else f"{len(line['records'])} records"
            typer.echo(f"  {document.id}: {note}", err=True)

        def run() -> list[dict[str, Any]]:
            with Extractor(model, base_url=base_url, strategy=strategy, types=chosen_types,
                           max_retries=max_retries, cache=cache or None) as extractor:  # fmt: skip
                return extract_gold(documents, extractor, on_document=progress)

        lines = guarded(str(gold), run)
        run_label = label or f"{model or 'default model'} · {strategy}"
        if save_predictions is not None:
            write_lines(save_predictions, lines)
    found, usage, failures = predictions_from_lines(lines)
    report = score(documents, found, usage=usage, label=run_label)
    console.print(render_report(report, details=details))
    for doc_id, message in failures.items():
        console.print(f"[yellow]failed[/yellow] {doc_id}: {message}")
    if json_out is not None:
        json_out.write_text(
            json.dumps(report.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8"
        )
        typer.echo(f"report written to {json_out}", err=True)
