"""The unit of work: one article's text with the metadata extraction needs.

Every input format (a .txt file, a JSONL row, a WARC record ...) is turned into
a :class:`Document` first, so that everything downstream sees one shape.
"""

from __future__ import annotations

import decimal
import hashlib
import math
import numbers
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from extractor.errors import InputError
from extractor.pipeline.options import shown
from extractor.redact import clean_surrogates, without_userinfo


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

    Each field is checked on construction, as Python checks arguments: one of
    the wrong type is a ``TypeError`` and a value that is no value (an id that
    is NaN, a date that is no date) an :class:`~extractor.errors.InputError`
    (a ``ValueError``), each naming the field, before any call. ``meta`` may
    be any mapping and ``warnings`` any iterable of strings (one string is
    one warning); they are kept as a dict and a tuple. Lone surrogates in the
    text (no character: no UTF-8 request, hash or output line carries them)
    are replaced with U+FFFD, one for one so that offsets hold, and a warning
    says so (:func:`replace_surrogates`, as bulk reads its rows).
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
        if not self.doc_id.strip():  # two such documents would share one key, "" or " "
            raise InputError(
                f"doc_id={self.doc_id!r} is blank: give every document an id (bulk and "
                "extract_rows make one from the source for a row without)"
            )
        if not isinstance(self.text, str):
            raise TypeError(
                f"text must be a str, not {type(self.text).__name__} ({shown(self.text)}): "
                "give the article's text"
            )
        text, invalid = replace_surrogates(self.text, "text")
        object.__setattr__(self, "published", as_date(self.published))
        for name in ("source", "title", "url"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(
                    f"{name} must be a str or None, not {type(value).__name__} ({shown(value)})"
                )
        if self.url is not None:  # an address, never credentials (see without_userinfo)
            object.__setattr__(self, "url", without_userinfo(self.url))
        if not isinstance(self.meta, dict):
            if not isinstance(self.meta, Mapping):
                raise TypeError(
                    f"meta must be a dict, not {type(self.meta).__name__} ({shown(self.meta)})"
                )
            object.__setattr__(self, "meta", dict(self.meta))
        warnings = _as_warnings(self.warnings)
        if invalid is not None:
            object.__setattr__(self, "text", text)
            warnings = (*warnings, invalid)
        object.__setattr__(self, "warnings", warnings)
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        object.__setattr__(self, "text_sha256", digest)


def as_doc_id(value: Any) -> str:
    """An id as the text every line and record carries: a number is its digits (``7``, and
    ``7.0``, which pandas makes of an integer column with a gap, is ``"7"``).

    Ids read from a table are numbers more often than not; taken as they
    were, they failed validation after the model was paid. A missing value
    (None, NaN) or a bool, list or mapping is a TypeError or ValueError here,
    before any call (the ValueError an :class:`~extractor.errors.InputError`).
    """
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, bool) or not _scalar(value):
        raise TypeError(
            f"doc_id must be a string or a number, not {type(value).__name__} ({shown(value)})"
        )
    if _missing(value):
        raise InputError(f"doc_id={shown(value)} is missing (NaN): give every document an id")
    if (isinstance(value, decimal.Decimal) and not value.is_finite()) or (
        isinstance(value, numbers.Real)
        and not isinstance(value, numbers.Integral)
        and not math.isfinite(float(value))
    ):
        raise InputError(f"doc_id={shown(value)} is no id (infinite): give every document an id")
    try:
        if hasattr(value, "is_integer") and value.is_integer():  # 7.0, numpy.float64(7.0)
            return str(int(value))
        return str(value.item() if hasattr(value, "item") else value)  # numpy's as Python's
    except ValueError:  # an int past Python's limit on printing one (4,300 digits)
        raise InputError("doc_id is a number too long to print: give it as a string") from None


def _scalar(value: Any) -> bool:
    """A number (Python's, numpy's, Decimal) or another scalar that prints as itself (UUID)."""
    return isinstance(value, numbers.Number | uuid.UUID) and not isinstance(value, complex)


def as_date(value: Any) -> date | None:
    """``published`` as a date: a datetime or pandas Timestamp is its day, an ISO string
    ("2023-10-14", "2023-10-14T08:00:00Z") is read; a missing value (None, "", NaT) is None.

    A table read with pandas gives strings or Timestamps, not dates; taken as
    they were, they failed later, far from where they came in. The one reading
    of ``published`` wherever a caller gives one (``Document(...)``,
    ``extract(..., published=...)``): a value of another type (``20240101``)
    is a TypeError, a string that is no date an
    :class:`~extractor.errors.InputError`, each naming the value.
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
            return iso_day(text)
        except ValueError:
            raise InputError(
                f"published={shown(value)} is not a date: give an ISO 8601 date, YYYY-MM-DD"
            ) from None
    raise TypeError(
        f"published must be a date or an ISO 8601 string, not {type(value).__name__} "
        f"({shown(value)}): give a datetime.date or 'YYYY-MM-DD'"
    )


#: A fraction of a second longer than Python reads (numpy writes nanoseconds).
_LONG_FRACTION = re.compile(r"([.,]\d{6})\d+")


def iso_day(text: str) -> date:
    """The day of an ISO 8601 date or date-time, written whole ("2024-03-12",
    "2024-03-12T08:00:00Z", numpy's "2024-03-12T00:00:00.000000000"); a ValueError for
    anything else. Its first ten characters are not enough: "2024-01-0199" or
    "2024-01-01T25:99" is no date, and taken as one it anchored every "yesterday"."""
    text = text.strip()
    if len(text) <= 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(_LONG_FRACTION.sub(r"\1", text)).date()


def _as_warnings(value: Any) -> tuple[str, ...]:
    """``warnings`` as a tuple of strings; one string is one warning, not its letters."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return value
    if isinstance(value, Iterable) and not isinstance(value, Mapping | bytes):
        items = tuple(value)
        if all(isinstance(item, str) for item in items):
            return items
    raise TypeError(f"warnings must be a tuple of strings, not {shown(value)}")


def replace_surrogates(text: str, what: str) -> tuple[str, str | None]:
    """``text`` with each lone surrogate replaced by U+FFFD, and the warning that says so
    (None when there was none).

    A lone surrogate (``"\\ud800"`` in JSON, a string cut inside a pair) is
    no character: no UTF-8 carries it, so a request, a cache key or an output
    line with one fails. One code point stands for one, so offsets into the
    text still hold. ``what`` names the text in the warning (``field 'text'``).
    The one place this is done: every :class:`Document`'s text, bulk's rows
    (naming their field) and a string given to the Python API before it is
    parsed (an HTML parser stops at a lone surrogate).
    """
    clean = clean_surrogates(text)
    if clean is text:
        return text, None
    return clean, f"{what} held invalid characters (lone surrogates)"


def _missing(value: Any) -> bool:
    """NaN, pandas NaT and NA: the values a table gives for an empty cell."""
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # pandas NA has no truth value
        return True
