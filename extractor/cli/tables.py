"""Rich tables of an extraction, one per record type, for reading at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from extractor.pipeline.result import ArticleExtraction
from extractor.types.base import ArmsTransfer, CasualtyReport, Meeting, Visit
from extractor.types.parts import Actor, Count, DateValue


def _names(actors: list[Actor]) -> str:
    return "; ".join(a.display_name for a in actors)


def _date(value: DateValue | None) -> str:
    if value is None or value.value is None:
        return "" if value is None else f"({value.text})"
    return value.value + (f"..{value.end}" if value.end else "")


def _count(count: Count | None) -> str:
    if count is None:
        return ""
    prefix = {"at_least": "≥", "about": "~", "up_to": "≤", "exact": ""}[count.qualifier]
    return f"{prefix}{count.best if count.best is not None else count.conservative}"


def print_tables(result: ArticleExtraction, console: Console | None = None) -> None:
    console = console or Console()
    specs: list[tuple[str, list[str], list[list[str]]]] = [
        ("Visits", ["visitors", "from", "to", "place", "start", "status", "evidence"],
         [[_names(v.visitors), v.visitor_country or "", v.host_country or "",
           v.place.text if v.place else "", _date(v.start), v.status.value, v.evidence.quote]
          for v in result.visits if isinstance(v, Visit)]),
        ("Meetings", ["participants", "countries", "place", "date", "status", "evidence"],
         [[_names(m.participants), ", ".join(m.countries_involved), m.place.text if m.place else "",
           _date(m.date), m.status.value, m.evidence.quote]
          for m in result.meetings if isinstance(m, Meeting)]),
        ("Arms transfers", ["supplier", "recipient", "items", "value", "deal", "evidence"],
         [[a.supplier.country or a.supplier.name, a.recipient.country or a.recipient.name,
           "; ".join(i.designation for i in a.items),
           f"{a.value.amount:,} {a.value.currency}" if a.value else "", a.deal_status or "",
           a.evidence.quote]
          for a in result.arms_transfers if isinstance(a, ArmsTransfer)]),
        ("Casualty reports", ["killed", "injured", "country", "place", "date", "scope", "evidence"],
         [[_count(c.killed), _count(c.injured), c.country or "", c.place.text if c.place else "",
           _date(c.date), c.scope, c.evidence.quote]
          for c in result.casualty_reports if isinstance(c, CasualtyReport)]),
    ]  # fmt: skip
    for title, columns, rows in specs:
        if not rows:
            continue
        table = Table(title=title, show_lines=True)
        for column in columns:
            table.add_column(column, overflow="fold", max_width=60 if column == "evidence" else 30)
        for row in rows:
            table.add_row(*row)
        console.print(table)
    meta = result.metadata
    console.print(
        f"[dim]{meta.model} · {meta.strategy} · {meta.usage.total_tokens} tokens · "
        f"{meta.calls} calls · {meta.seconds:.1f} s · prompt {meta.prompt_version}[/dim]"
    )
    for warning in meta.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
