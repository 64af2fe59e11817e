"""Evaluation against gold sets (GOLD_FORMAT.md): the core of ``extractor eval``.

* :mod:`.gold` reads and validates gold JSON Lines files;
* :mod:`.matching` holds the field agreement rules and the Hungarian assignment;
* :mod:`.scoring` turns gold plus predictions (gold-format dicts) into an
  :class:`EvalReport`;
* :mod:`.report` renders a report, or two side by side.
"""

from __future__ import annotations

from extractor.evaluation.gold import (
    RECORD_FIELDS,
    RECORD_TYPES,
    GoldDocument,
    GoldFormatError,
    evidence_found,
    load_gold,
)
from extractor.evaluation.matching import hungarian, match_records, max_weight_matching
from extractor.evaluation.report import (
    Comparison,
    compare,
    comparison_to_text,
    render_comparison,
    render_report,
    report_to_text,
)
from extractor.evaluation.scoring import (
    Counts,
    DocumentResult,
    DocUsage,
    EvalReport,
    FieldStat,
    PredictionFormatError,
    score,
    score_document,
)

__all__ = [
    "RECORD_FIELDS",
    "RECORD_TYPES",
    "Comparison",
    "Counts",
    "DocUsage",
    "DocumentResult",
    "EvalReport",
    "FieldStat",
    "GoldDocument",
    "GoldFormatError",
    "PredictionFormatError",
    "compare",
    "comparison_to_text",
    "evidence_found",
    "hungarian",
    "load_gold",
    "match_records",
    "max_weight_matching",
    "render_comparison",
    "render_report",
    "report_to_text",
    "score",
    "score_document",
]
