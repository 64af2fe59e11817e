"""extractor: news articles in, validated and source-grounded event records out.

The public surface is re-exported here; the modules behind it are private
details that may move. Typical use::

    import extractor
    result = extractor.extract(text, published="2023-05-31")
    for visit in result.visits:
        print(visit.visitors[0].name, visit.evidence.quote)
"""

from __future__ import annotations

from extractor.bulk.batch import BatchError, BatchResult, extract_many, extract_many_sync
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
from extractor.pipeline.document import Document
from extractor.pipeline.engine import STRATEGIES, Extractor, Strategy, extract
from extractor.pipeline.result import (
    ArticleExtraction,
    ExtractionMetadata,
    Usage,
    record_schemas,
    schema_version,
)
from extractor.text.grounding import Span, ground
from extractor.types.base import (
    RECORD_TYPES,
    AnyRecord,
    ArmsItem,
    ArmsTransfer,
    CasualtyReport,
    Meeting,
    Plover,
    Record,
    RecordType,
    Visit,
)
from extractor.types.parts import Actor, Count, DateValue, Evidence, Money, Place, Sector, Status

__version__ = "0.1.0"

__all__ = [
    "RECORD_TYPES",
    "STRATEGIES",
    "Actor",
    "AnyRecord",
    "ArmsItem",
    "ArmsTransfer",
    "ArticleExtraction",
    "BatchError",
    "BatchResult",
    "CasualtyReport",
    "ClientModelError",
    "ConfigurationError",
    "Count",
    "DateValue",
    "Document",
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
    "RecordType",
    "Sector",
    "Span",
    "Status",
    "Strategy",
    "TransientModelError",
    "Usage",
    "Visit",
    "__version__",
    "extract",
    "extract_many",
    "extract_many_sync",
    "ground",
    "record_schemas",
    "schema_version",
]
