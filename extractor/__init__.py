"""extractor: news articles in, validated and source-grounded event records out.

The public surface is what this module exports (``__all__``, pinned by
tests/test_public_api.py), plus :mod:`extractor.types` for record-type
plugins and :mod:`extractor.errors`. Every other module is internal and may
move. Typical use::

    import extractor
    result = extractor.extract(text, published="2023-05-31")
    for visit in result.visits:
        print(visit.visitors[0].name, visit.evidence.quote)

``extract`` also takes a ``pathlib.Path`` or a :class:`Document` (read
one with :func:`read_document`, as bulk reads files), and a markdown or HTML
string is parsed like such a file. ``result.rows()`` and
:func:`results_to_frame` give the rows ``extractor flatten`` writes.

``build_requests`` and ``parse_response`` are the two halves of a model call
without the HTTP in between (the exact request bodies, and the validation and
grounding of an answer), so a provider's batch API or another engine can
carry the calls; ``extractor bulk --batch`` is built on them.

The pipeline reads from the folder names: ``types/`` (what a record is),
``text/`` (sentences, dates, countries, quantities, cue words, grounding),
``pipeline/`` (the stages of one extraction), ``runtime/`` (providers,
retries, cache, the embedded model), ``io/`` and ``bulk/`` (many documents),
``export/`` (tables, schemas), ``evaluation/``, and ``cli/`` on top.
"""

from __future__ import annotations

from extractor.bulk.batch import BatchResult, ErrorInfo, extract_many, extract_many_sync
from extractor.errors import (
    ClientModelError,
    ConfigurationError,
    ExtractionFailed,
    ExtractorError,
    InputError,
    LocalModelError,
    ModelError,
    TransientModelError,
)
from extractor.export.frames import results_to_frame
from extractor.io.documents import read_document
from extractor.pipeline.document import Document
from extractor.pipeline.engine import STRATEGIES, Extractor, Strategy, extract
from extractor.pipeline.requests import build_requests, parse_response
from extractor.pipeline.result import (
    ArticleExtraction,
    ExtractionMetadata,
    Usage,
    record_schemas,
    schema_version,
)
from extractor.text.grounding import Span, ground
from extractor.types import (
    RECORD_TYPES,
    Actor,
    Count,
    DateValue,
    Evidence,
    Money,
    Place,
    Plover,
    Record,
    RecordSpec,
    RecordType,
    Sector,
    Status,
    get_type,
    register,
    registered_types,
)
from extractor.types.arms_transfer import ArmsItem, ArmsTransfer
from extractor.types.casualty_report import CasualtyReport
from extractor.types.meeting import Meeting
from extractor.types.visit import Visit

__version__ = "0.1.0"

__all__ = [
    "RECORD_TYPES",
    "STRATEGIES",
    "Actor",
    "ArmsItem",
    "ArmsTransfer",
    "ArticleExtraction",
    "BatchResult",
    "CasualtyReport",
    "ClientModelError",
    "ConfigurationError",
    "Count",
    "DateValue",
    "Document",
    "ErrorInfo",
    "Evidence",
    "ExtractionFailed",
    "ExtractionMetadata",
    "Extractor",
    "ExtractorError",
    "InputError",
    "LocalModelError",
    "Meeting",
    "ModelError",
    "Money",
    "Place",
    "Plover",
    "Record",
    "RecordSpec",
    "RecordType",
    "Sector",
    "Span",
    "Status",
    "Strategy",
    "TransientModelError",
    "Usage",
    "Visit",
    "__version__",
    "build_requests",
    "extract",
    "extract_many",
    "extract_many_sync",
    "get_type",
    "ground",
    "parse_response",
    "read_document",
    "record_schemas",
    "register",
    "registered_types",
    "results_to_frame",
    "schema_version",
]
