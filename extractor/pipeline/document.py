"""The unit of work: one article's text with the metadata extraction needs.

Every input format (a .txt file, a JSONL row, a WARC record ...) is turned into
a :class:`Document` first, so that everything downstream sees one shape.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """An article ready for extraction.

    ``doc_id`` is stable across runs (a path inside the input or an id column),
    which is what makes record ids and resumable bulk runs possible.
    ``published`` anchors relative dates ("on Tuesday") in the article.
    """

    doc_id: str
    text: str
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text_sha256(self) -> str:
        """Hash of the text: the cache key and a provenance check."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
