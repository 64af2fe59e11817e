"""Human-readable views of an :class:`~extractor.evaluation.scoring.EvalReport`.

``render_report`` and ``render_comparison`` return rich renderables so the CLI
can print them with colour; ``report_to_text`` and ``comparison_to_text``
render the same to plain text for logs, tests and files. ``compare`` gives
the comparison as data (for ``--json``) before any rendering.
"""

from __future__ import annotations

import io
import json
from typing import Any

from pydantic import BaseModel, Field
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from extractor.evaluation.gold import RECORD_FIELDS, RECORD_TYPES, FieldKind
from extractor.evaluation.scoring import Counts, EvalReport
from extractor.types.columns import date_name

__all__ = [
    "Comparison",
    "ComparisonRow",
    "compare",
    "comparison_to_text",
    "render_comparison",
    "render_report",
    "report_to_text",
]

_DASH = "—"


def _pct(value: float | None) -> str:
    return _DASH if value is None else f"{value:.3f}"


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return _DASH
    return f"{value:,.0f}" if digits == 0 else f"{value:,.{digits}f}"


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_label(rtype: str, name: str) -> str:
    """A scored field as the tables name it: a date under the one date naming of
    ``extractor flatten`` (``start`` -> ``start_date``, ``date`` -> ``event_date``), so a
    report's rows and the tables' columns read alike. The ``--json`` report keeps the
    gold format's own field names."""
    kind = RECORD_FIELDS.get(rtype, {}).get(name)
    return date_name(name) if kind == FieldKind.DATE else name


def _summary(record: dict[str, Any]) -> str:
    """One line naming a record by its key fields, for missed / false-positive lists."""
    rtype = record.get("type", "?")
    keys = [k for k in RECORD_FIELDS.get(str(rtype), {}) if record.get(k) not in (None, [])][:4]
    body = ", ".join(f"{k}={_short(record[k], 40)}" for k in keys)
    return f"{rtype}({body})"


def _counts_row(name: str, c: Counts) -> list[str]:
    return [name, str(c.tp), str(c.fp), str(c.fn), _pct(c.precision), _pct(c.recall), _pct(c.f1)]


def _strict_cells(c: Counts) -> list[str]:
    return [_pct(c.precision), _pct(c.recall), _pct(c.f1)]


def render_report(report: EvalReport, *, details: bool = False) -> RenderableType:
    """Record-level and field-level tables plus a summary; ``details`` adds per-document errors."""
    title = f"Evaluation: {report.label}" if report.label else "Evaluation"
    records = Table(title=f"{title} — records", title_justify="left")
    for col in ("type", "TP", "FP", "FN", "P", "R", "F1", "strict P", "strict R", "strict F1"):
        records.add_column(col, justify="left" if col == "type" else "right")
    for rtype in RECORD_TYPES:
        if rtype not in report.per_type:
            continue
        strict = report.strict_per_type.get(rtype, Counts())
        records.add_row(*_counts_row(rtype, report.per_type[rtype]), *_strict_cells(strict))
    records.add_section()
    records.add_row(
        *_counts_row("micro", report.micro), *_strict_cells(report.strict_micro), style="bold"
    )

    fields = Table(title="Fields (matched required pairs)", title_justify="left")
    for col in ("type", "field", "correct", "total", "accuracy", "partial"):
        fields.add_column(col, justify="left" if col in ("type", "field") else "right")
    for rtype in RECORD_TYPES:
        stats = report.fields.get(rtype, {})
        if not any(s.total for s in stats.values()):
            continue
        for name, s in stats.items():
            partial = _pct(s.partial) if s.partial != s.accuracy else ""
            fields.add_row(
                rtype,
                _field_label(rtype, name),
                str(s.correct),
                str(s.total),
                _pct(s.accuracy),
                partial,
            )
        fields.add_section()
    o = report.fields_overall
    fields.add_row("all", "", str(o.correct), str(o.total), _pct(o.accuracy), _pct(o.partial))

    lines = [
        f"documents: {report.n_docs}  gold records: {report.n_gold_required} required, "
        f"{report.n_gold_optional} optional  predicted: {report.n_predicted}  "
        f"optional matched: {report.optional_matched}",
        f"evidence in the text: {_pct(report.grounding.rate)} "
        f"({report.grounding.grounded}/{report.grounding.total}); verbatim at its offsets: "
        f"{_pct(report.grounding.verbatim_rate)} ({report.grounding.verbatim})",
        f"false records per empty-gold document: {_num(report.empty_gold.per_doc, 2)} "
        f"({report.empty_gold.false_records} over {report.empty_gold.docs} docs)",
    ]
    if report.usage is not None:
        u = report.usage
        lines.append(
            f"usage ({u.docs} doc{'' if u.docs == 1 else 's'}): prompt tokens {u.prompt_tokens:,} "
            f"({_num(u.prompt_tokens_per_doc, 0)}/doc), completion tokens "
            f"{u.completion_tokens:,} ({_num(u.completion_tokens_per_doc, 0)}/doc), "
            f"{u.seconds:,.1f} s ({_num(u.seconds_per_doc, 2)} s/doc)"
        )
    if report.missing_docs:
        lines.append(
            f"no predictions for {_documents(len(report.missing_docs))}: "
            + ", ".join(report.missing_docs[:10])
            + (" …" if len(report.missing_docs) > 10 else "")
        )
    if report.extra_docs:
        lines.append(f"predictions for {_documents(len(report.extra_docs))} not in the gold set")
    parts: list[RenderableType] = [records, fields, Text("\n".join(lines))]
    if details:
        parts.append(_render_details(report))
    return Group(*parts)


def _render_details(report: EvalReport) -> RenderableType:
    """Per-document error list: what was missed, what was invented, which fields were wrong."""
    out = Text()
    for doc in report.documents:
        mismatched = [m for m in doc.matches if m.mismatches and not m.optional]
        if not (doc.missed or doc.false_positives or mismatched or doc.ungrounded):
            continue
        out.append(f"\n{doc.id}", style="bold")
        out.append(f"  TP {doc.counts.tp}  FP {doc.counts.fp}  FN {doc.counts.fn}\n")
        for ref in doc.missed:
            out.append(f"  missed   gold[{ref.index}] {_summary(ref.record)}\n", style="yellow")
        for ref in doc.false_positives:
            out.append(f"  false    pred[{ref.index}] {_summary(ref.record)}\n", style="red")
        for m in mismatched:
            for mm in m.mismatches:
                out.append(
                    f"  field    gold[{m.gold_index}]~pred[{m.pred_index}] {m.type}."
                    f"{_field_label(m.type, mm.field)}: "
                    f"gold {_short(mm.gold)} pred {_short(mm.pred)}\n"
                )
        if doc.ungrounded:
            out.append(f"  ungrounded pred{doc.ungrounded}\n", style="magenta")
    return out if out.plain else Text("\nno errors")


def _to_text(renderable: RenderableType, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False)
    console.print(renderable)
    return buffer.getvalue()


def report_to_text(report: EvalReport, *, details: bool = False, width: int = 100) -> str:
    """:func:`render_report` as plain text (no colour codes)."""
    return _to_text(render_report(report, details=details), width)


class ComparisonRow(BaseModel):
    """One metric of two runs; ``delta`` is b - a when both are defined."""

    metric: str
    a: float | None
    b: float | None
    delta: float | None
    higher_is_better: bool = True


class Comparison(BaseModel):
    """Two reports side by side, as data."""

    label_a: str
    label_b: str
    same_gold: bool
    rows: list[ComparisonRow] = Field(default_factory=list)


def compare(report_a: EvalReport, report_b: EvalReport) -> Comparison:
    """Line up the headline metrics of two runs (e.g. two prompts or two models).

    ``same_gold`` is false when the reports were scored on different gold
    sets, in which case the deltas mean little and the rendering says so.
    """
    rows: list[ComparisonRow] = []
    for (metric, a, better), (_, b, _) in zip(
        _headline_metrics(report_a), _headline_metrics(report_b), strict=True
    ):
        delta = b - a if a is not None and b is not None else None
        rows.append(ComparisonRow(metric=metric, a=a, b=b, delta=delta, higher_is_better=better))
    return Comparison(
        label_a=report_a.label or "A",
        label_b=report_b.label or "B",
        same_gold=report_a.gold_fingerprint == report_b.gold_fingerprint,
        rows=rows,
    )


def _headline_metrics(report: EvalReport) -> list[tuple[str, float | None, bool]]:
    """(metric, value, higher is better) for the rows of a comparison, in display order."""
    usage = report.usage
    return [
        ("micro precision", report.micro.precision, True),
        ("micro recall", report.micro.recall, True),
        ("micro f1", report.micro.f1, True),
        ("strict micro f1", report.strict_micro.f1, True),
        *[
            (f"{t} f1", report.per_type[t].f1 if t in report.per_type else None, True)
            for t in RECORD_TYPES
        ],
        ("field accuracy (all)", report.fields_overall.accuracy, True),
        *[(f"{t} field accuracy", _type_field_accuracy(report, t), True) for t in RECORD_TYPES],
        ("grounding rate", report.grounding.rate, True),
        ("verbatim rate", report.grounding.verbatim_rate, True),
        ("false records / empty doc", report.empty_gold.per_doc, False),
        ("prompt tokens / doc", usage.prompt_tokens_per_doc if usage else None, False),
        ("completion tokens / doc", usage.completion_tokens_per_doc if usage else None, False),
        ("seconds / doc", usage.seconds_per_doc if usage else None, False),
    ]


def _type_field_accuracy(report: EvalReport, rtype: str) -> float | None:
    stats = report.fields.get(rtype, {}).values()
    total = sum(s.total for s in stats)
    return sum(s.correct for s in stats) / total if total else None


def _fmt_metric(metric: str, value: float | None) -> str:
    if "tokens" in metric:
        return _num(value, 0)
    if "seconds" in metric or "empty doc" in metric:
        return _num(value, 2)
    return _pct(value)


def render_comparison(report_a: EvalReport, report_b: EvalReport) -> RenderableType:
    """A table of :func:`compare`: metric, run A, run B, and the change (green when better)."""
    cmp = compare(report_a, report_b)
    table = Table(title="Comparison", title_justify="left")
    table.add_column("metric")
    table.add_column(cmp.label_a, justify="right")
    table.add_column(cmp.label_b, justify="right")
    table.add_column("Δ", justify="right")
    for row in cmp.rows:
        delta = Text(_DASH)
        if row.delta is not None:
            sign = "+" if row.delta > 0 else ""
            formatted = _fmt_metric(row.metric, row.delta)
            style = ""
            if abs(row.delta) > 1e-12:
                style = "green" if (row.delta > 0) == row.higher_is_better else "red"
            delta = Text(sign + formatted, style=style)
        table.add_row(
            row.metric, _fmt_metric(row.metric, row.a), _fmt_metric(row.metric, row.b), delta
        )
    if cmp.same_gold:
        return table
    warning = Text(
        "warning: the two reports were scored on different gold sets", style="bold yellow"
    )
    return Group(warning, table)


def comparison_to_text(report_a: EvalReport, report_b: EvalReport, *, width: int = 100) -> str:
    """:func:`render_comparison` as plain text."""
    return _to_text(render_comparison(report_a, report_b), width)


def _documents(count: int) -> str:
    """``1 document``, ``2 documents``: a count as the report says it."""
    return f"{count:,} document{'' if count == 1 else 's'}"
