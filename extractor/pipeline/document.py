"""The unit of work: one article's text with the metadata extraction needs.

Every input format (a .txt file, a JSONL row, a WARC record ...) is turned into
a :class:`Document` first, so that everything downstream sees one shape.
"""

from __future__ import annotations

import hashlib
import numbers
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """An article ready for extraction.

    ``doc_id`` is stable across runs (a path inside the input or an id column),
    which is what makes record ids and resumable bulk runs possible.
    ``published`` anchors relative dates ("on Tuesday") in the article.
    ``warnings`` are problems the reader recovered from (a front-matter date
    that is no date, refused front matter ...): the document is still read,
    but a person should see why some metadata is missing.
    ``text_sha256`` is computed once, on construction: with the id it tells a
    changed text under an unchanged id (a JSONL row keyed by line number).
    """

    doc_id: str
    text: str
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    text_sha256: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc_id", as_doc_id(self.doc_id))
        object.__setattr__(self, "published", _as_date(self.published))
        # surrogatepass: a lone surrogate from a broken input must not make hashing raise
        digest = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        object.__setattr__(self, "text_sha256", digest)


def as_doc_id(value: Any) -> str:
    """An id as the text every line and record carries: a number is its digits (``7``, and
    ``7.0``, which pandas makes of an integer column with a gap, is ``"7"``).

    Ids read from a table are numbers more often than not; taken as they
    were, they failed validation after the model was paid. A missing value
    (None, NaN) or a bool, list or mapping is a TypeError or ValueError here,
    before any call.
    """
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, bool) or not _scalar(value):
        raise TypeError(f"doc_id must be a string or a number, not {type(value).__name__}")
    if _missing(value):
        raise ValueError("doc_id is missing (NaN): give every document an id")
    try:
        if hasattr(value, "is_integer") and value.is_integer():  # 7.0, numpy.float64(7.0)
            return str(int(value))
        return str(value.item() if hasattr(value, "item") else value)  # numpy's as Python's
    except ValueError:  # an int past Python's limit on printing one (4,300 digits)
        raise ValueError("doc_id is a number too long to print: give it as a string") from None


def _scalar(value: Any) -> bool:
    """A number (Python's, numpy's, Decimal) or another scalar that prints as itself (UUID)."""
    return isinstance(value, numbers.Number | uuid.UUID) and not isinstance(value, complex)


def _as_date(value: Any) -> date | None:
    """``published`` as a date: a datetime or pandas Timestamp is its day, an ISO string
    ("2023-10-14", "2023-10-14T08:00:00Z") is read; a missing value (None, "", NaT) is None.

    A table read with pandas gives strings or Timestamps, not dates; taken as
    they were, they failed later, far from where they came in.
    """
    if value is None or _missing(value):
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        try:
            return value.date()
        except ValueError:  # pandas NaT
            return None
    if type(value).__name__ == "datetime64":  # numpy's, from a column's .to_numpy()
        value = str(value)
    if isinstance(value, str):
        text = value.strip()
        if not text or text.lower() in ("nat", "nan", "none", "null"):  # astype(str) of a gap
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(f"published {value!r} is not a date: give YYYY-MM-DD") from None
    raise TypeError(f"published must be a date or an ISO 8601 string, not {type(value).__name__}")


def _missing(value: Any) -> bool:
    """NaN, pandas NaT and NA: the values a table gives for an empty cell."""
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # pandas NA has no truth value
        return True
