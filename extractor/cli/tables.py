"""Rich tables of an extraction, one per record type, for reading at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from extractor.pipeline.result import ArticleExtraction
from extractor.types.registry import get_type


def print_tables(result: ArticleExtraction, console: Console | None = None) -> None:
    """A table per type with records (its ``RecordSpec.table`` columns, then the
    evidence), then the run's model, cost and warnings."""
    console = console or Console()
    for records in result.groups.values():
        if not records:
            continue
        spec = get_type(records[0].record_type)
        table = Table(title=spec.title, show_lines=True)
        for header, _ in spec.table:
            table.add_column(header, overflow="fold", max_width=30)
        table.add_column("evidence", overflow="fold", max_width=60)
        for record in records:
            table.add_row(*(show(record) for _, show in spec.table), record.evidence.cited_text)
        console.print(table)
    meta = result.metadata
    console.print(
        f"[dim]{meta.model} · {meta.strategy} · {meta.usage.total_tokens} tokens · "
        f"{meta.calls} calls · {meta.seconds:.1f} s · prompt {meta.prompt_version}[/dim]"
    )
    for warning in meta.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
