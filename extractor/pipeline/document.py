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
import sys
import unicodedata
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from extractor.blank import is_blank, strip_blank
from extractor.errors import InputError
from extractor.pipeline.options import shown
from extractor.redact import clean_surrogates, without_userinfo

#: Why a text holding a NUL character is no article: no text file holds one (a file with
#: one is refused as binary, :func:`~extractor.io.decoding.is_binary`), so a string, a row's
#: cell or a JSON ``\u0000`` with one is binary data too, refused alike by every path.
NUL_TEXT = "holds NUL characters: binary data, not text"


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
        object.__setattr__(self, "doc_id", as_doc_id(self.doc_id))  # never blank
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
    """An id as the text every line and record carries (:func:`id_text`): a number is its
    value's canonical text, ``7``, ``7.0``, ``Decimal("7.00")`` and ``numpy.int64(7)`` all
    ``"7"``.

    Ids read from a table are numbers more often than not; taken as they
    were, they failed validation after the model was paid. A missing value
    (:func:`is_missing`: None, NaN, NA, NaT, an infinity) is an
    :class:`~extractor.errors.InputError` (a ``ValueError``), a value of a kind
    no id can be (a bool, complex, timedelta, bytes, list, mapping) a
    ``TypeError``, each naming the value, before any call. A blank id
    (:func:`~extractor.blank.is_blank`: "", " ", a zero-width space, a BOM ...) is an
    ``InputError`` too: two such documents would share one key that shows nothing.
    """
    text = id_text(value)
    if text is None:
        raise InputError(
            f"doc_id={shown(value)} is a missing value (None, NaN, NA, NaT or infinite), not "
            "an id: give every document an id"
        )
    if is_blank(text):
        raise InputError(
            f"doc_id={text!r} is blank: give every document an id (bulk and "
            "extract_rows make one from the source for a row without)"
        )
    return text


@dataclass(frozen=True, slots=True)
class LongInt:
    """An integer written with more digits than Python converts (bulk's JSONL reader keeps
    one of more than 4,000 digits so): the number, held as its digits.

    It is a number, not text, wherever it is read: as a text or url it is "not a
    string" and no url, as a date no date (``1111…`` is no dateline's day), as
    ``5`` is; an id (:func:`id_text`) and a title are its digits, as any integer's.
    Not a ``str`` subclass: a str passed for text in every field that wants one.
    """

    digits: str

    def __str__(self) -> str:
        return self.digits


#: The most zeros an exponent may add to a number id (``Decimal("1E+4300")``), and the most
#: digits a fraction's id may have: past it, the id is to be given as a string. An integer
#: given with its digits is its digits at any length (:func:`_number_text`).
MAX_ID_DIGITS = 4300


def id_text(value: Any, name: str = "doc_id") -> str | None:
    """``value`` as an id's text, or None when it is missing (:func:`is_missing`).

    One reading of an id cell for :class:`Document` and the rows integration:
    a string is itself; a number (int, float, Decimal, Fraction, numpy's ints
    and floats) is its *value's* canonical text, the same whatever its type,
    since one id given as ``7``, ``7.0`` (pandas' integer column with a gap) or
    ``Decimal("7.0")`` (a database driver) must name one document: an integral
    value is the integer's digits (``Decimal("1E+2")`` is ``"100"``), another
    the shortest decimal that reads back as it (Python's ``repr`` of a float,
    ``"0.1"``, numpy's floats, float16 to longdouble, at their own width; see
    :func:`_number_text`). A UUID is its text, a :class:`LongInt` its digits. Anything else
    (a bool, complex, timedelta or datetime, bytes, a container) is a
    ``TypeError`` naming ``name``; a number with no such text (``Decimal("1E+5000")``,
    ``Fraction(1, 3)``: see :func:`_number_text`) an
    :class:`~extractor.errors.InputError`. An integer is its digits at any length.
    """
    if isinstance(value, str):
        return value
    if is_missing(value):
        return None
    if isinstance(value, uuid.UUID | LongInt):
        return str(value)
    if not _number(value):
        raise TypeError(
            f"{name} must be a string or a number, not {type(value).__name__} "
            f"({shown(value)}): give the id as a string"
        )
    return _number_text(value, name)


@dataclass(frozen=True, slots=True)
class RowId:
    """What a row's id cell says (:func:`row_id`): its id, or none and why."""

    #: The id; None when the row has none and is keyed by its text.
    text: str | None = None
    #: Said on the document when a value was given that is missing (NaN, NA, NaT).
    warning: str | None = None
    #: The row's error: a value of a kind no id can be (true, a list, an object, bytes).
    error: str | None = None


#: What a repeated id's copy is called after the id: ``7#duplicate-2`` is the second row
#: with id ``7`` (:func:`extractor.bulk.runner.as_duplicate`).
DUPLICATE_MARK = "#duplicate-"
#: The tail of an id that a copy's name could end in: ``#duplicate-2``, or one escaped
#: by :func:`input_id` (``%23duplicate-2``, ``%2523duplicate-2`` ...).
_DUPLICATE_TAIL = re.compile(r"(?P<mark>#|%(?:25)*23)duplicate-\d+\Z")


def input_id(value: Any, name: str, *, stripped: bool = True) -> RowId:
    """An input's own id as every reader of input rows takes it (:func:`row_id`), kept
    apart from the names extractor gives: an id that ends like a repeated id's copy
    (``7#duplicate-2``) is written with its ``#`` escaped, ``7%23duplicate-2``.

    Otherwise such a row and the real second copy of ``7`` claim one name, and which
    gets it (the other becoming an error line, not extracted) would depend on the order
    the files are read in. The escape is one to one: a ``%`` opening an escaped tail is
    escaped in turn (``7%23duplicate-2`` is ``7%2523duplicate-2``), so two ids never
    share a name, and every other id is untouched. Applied once, where an input's id is
    read (bulk's rows, ``extract_rows``, ``extract --doc-id``, gold files), never to an
    output's ids, which are names already.
    """
    found = row_id(value, name, stripped=stripped)
    if found.text is None:
        return found
    tail = _DUPLICATE_TAIL.search(found.text)
    if tail is None:
        return found
    mark = tail.group("mark")
    escaped = "%23" if mark == "#" else "%25" + mark[1:]
    text = found.text[: tail.start()] + escaped + found.text[tail.start("mark") + len(mark) :]
    return RowId(text, found.warning, found.error)


def row_id(value: Any, name: str, *, stripped: bool = True) -> RowId:
    """The one reading of a row's id cell, for bulk's JSONL and CSV readers and for
    ``extract_rows`` / ``extract_frame`` alike, so that one row read either way is one
    document under one id, or one error line.

    - a string is its composed form (NFC: ``café`` exported decomposed is the same id),
      stripped of blanks around it (:func:`~extractor.blank.strip_blank`: spaces, and the
      invisible characters a spreadsheet or a web page leaves there: a zero-width space,
      a BOM, a word joiner) unless ``stripped`` is False; a blank one is no id;
    - a number of any type, or a UUID, is its value's text (:func:`id_text`);
    - None (JSON's null, an empty cell) is no id: the row is keyed by its text, as a row
      without one;
    - another missing value (:func:`is_missing`: JSON's NaN, an infinity, ``pd.NA``,
      NaT, a gap in a column of ids) is no id either, and a warning says so;
    - a value of a kind no id can be (true/false, a list, an object, bytes, a complex, a
      date) or a number with no text (:func:`id_text`) is the row's error, naming
      ``name``: the README's rule for rows (its fault table). Taken as no id, the article
      was extracted (and paid for) under its text's key, and the id the user then fixed
      named a second document.
    """
    if isinstance(value, str):
        composed = unicodedata.normalize("NFC", value)
        return RowId(
            None if is_blank(composed) else strip_blank(composed) if stripped else composed
        )
    try:
        text = id_text(value, name)
    except (TypeError, ValueError) as problem:
        return RowId(error=str(problem))
    if text is not None or value is None:
        return RowId(text)
    return RowId(
        warning=f"{name} is {shown(value)}, a missing value (NaN or infinite, NA or NaT), not "
        "an id: keyed by its text instead"
    )


def is_missing(value: Any) -> bool:
    """Whether ``value`` is a missing value: None, pandas NA and NaT, numpy's datetime64 and
    timedelta64 NaT, and a NaN or infinity of any numeric type (float, complex, Decimal,
    including a signalling NaN, and numpy's).

    What a table gives for an empty cell, whatever its dtype; none can name a
    document (each NaN is unequal to itself: two rows keyed by it named two
    documents alike, and ``"<NA>"`` or ``"(nan+0j)"`` named one with a cell's
    absence). Checked by type, never by comparing a value with itself: an
    object's ``!=`` may raise or be anything.
    """
    if value is None:
        return True
    pandas = sys.modules.get("pandas")
    if pandas is not None and (value is pandas.NA or value is pandas.NaT):
        return True
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.datetime64 | numpy.timedelta64):
        return bool(numpy.isnat(value))
    if isinstance(value, decimal.Decimal):
        return not value.is_finite()  # a quiet or signalling NaN, or an infinity
    if isinstance(value, numbers.Integral):
        return False
    if isinstance(value, numbers.Real):
        return bool(value != value) or abs(value) == math.inf
    if isinstance(value, numbers.Complex):
        return is_missing(value.real) or is_missing(value.imag)
    return False


def _number(value: Any) -> bool:
    """A real number an id may be: not a bool (numpy's is no Number), not a complex, not
    numpy's timedelta64 (an integer subclass there) or datetime64."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real | decimal.Decimal):
        return False
    numpy = sys.modules.get("numpy")
    return numpy is None or not isinstance(value, numpy.datetime64 | numpy.timedelta64)


def _number_text(value: numbers.Real | decimal.Decimal, name: str) -> str:
    """A finite real number's canonical text (see :func:`id_text`).

    - An integral value is its digits, *at any length*: an int, a numpy int, an integral
      float of any width (a longdouble's ``1e4000`` too) or Fraction holds its integer
      already, so its text is no bigger than it (:func:`_int_digits`, past Python's
      4,300-digit limit on ``str``). Bulk's JSONL reader keys a JSON integer by its digits
      at any length too: one id for one integer in every API.
    - A numpy float of any width (float16, float32, float64, longdouble) is the shortest
      text that reads back as it *at its own width*, as numpy prints it
      (``numpy.float32(0.1)`` and ``numpy.longdouble("0.1")`` are ``"0.1"``:
      :func:`_numpy_float_digits`); a Python float its ``repr``, the same digits.
    - A Decimal (bulk reads a JSON number with a fraction or an exponent as one) or a
      Fraction is its exact value, written as a float's ``repr`` is (``1e-05``, ``0.25``)
      or, equal to a float, that float's ``repr``; an integral Decimal its digits, at any
      length. Refused (:func:`_too_long`): a Decimal whose exponent would add more than
      :data:`MAX_ID_DIGITS` zeros (``Decimal("1E+5000")``, JSON's ``1e5000``: writing
      it out could take any memory), and a Fraction that is not integral and has more
      digits than that (``Fraction(1, 2**20000)``).
    """
    if isinstance(value, numbers.Integral):
        return _int_digits(int(value))
    if not isinstance(value, decimal.Decimal):
        numerator, denominator = _ratio(value, name)
        if denominator == 1:
            return _int_digits(numerator)  # -0.0 is "0", as it has always been
        shortest = _numpy_float_digits(value)
        if shortest is not None:
            return _written_as_repr(*shortest)
        if isinstance(value, float):
            return repr(value)
    exact = _exact_decimal(value, name)
    sign, digits, exponent = exact.as_tuple()
    assert isinstance(exponent, int)  # finite: is_missing said so
    while len(digits) > 1 and digits[-1] == 0 and exponent < 0:  # 7.000 is 7
        digits, exponent = digits[:-1], exponent + 1
    if exponent >= 0 or digits == (0,):
        if exponent > MAX_ID_DIGITS and any(digits):  # zeros it does not hold (0E+9999 is 0)
            raise _too_long(name)
        written = "".join(map(str, digits)).lstrip("0")
        return ("-" if sign else "") + written + "0" * exponent if written else "0"  # -0: 0
    as_float = float(exact)
    if decimal.Decimal(as_float) == exact:
        return repr(as_float)
    return _written_as_repr(sign, digits, exponent)


def _int_digits(number: int) -> str:
    """An integer's decimal digits at any length.

    Python's ``str`` refuses an int of more than 4,300 digits (a guard against its
    quadratic printing); past it the integer is built as a Decimal by halves (each half's
    value times a power of two, exact at unlimited precision, libmpdec's fast products),
    as Python 3.12's own ``_pylong`` prints one: a million digits in about a second.
    """
    try:
        return str(number)
    except ValueError:
        pass
    powers: dict[int, decimal.Decimal] = {}

    def power(bits: int) -> decimal.Decimal:
        if bits not in powers:
            half = bits >> 1
            small = bits <= 128
            powers[bits] = decimal.Decimal(2) ** bits if small else power(half) * power(bits - half)
        return powers[bits]

    def exact(whole: int, bits: int) -> decimal.Decimal:
        if bits <= 128:
            return decimal.Decimal(whole)
        half = bits >> 1
        high = whole >> half
        return exact(whole - (high << half), half) + exact(high, bits - half) * power(half)

    magnitude = abs(number)
    with decimal.localcontext() as context:
        context.prec, context.Emax = decimal.MAX_PREC, decimal.MAX_EMAX
        context.traps[decimal.Inexact] = True
        written = str(exact(magnitude, magnitude.bit_length()))
    return "-" + written if number < 0 else written


def _ratio(value: numbers.Real, name: str) -> tuple[int, int]:
    """A finite binary or rational number's exact value as integers, lowest terms."""
    ratio = getattr(value, "as_integer_ratio", None)
    try:
        numerator, denominator = ratio() if ratio else float(value).as_integer_ratio()
    except (ArithmeticError, ValueError, TypeError):  # a number type of another library's
        raise _no_decimal(name, value) from None
    return int(numerator), int(denominator)


def _numpy_float_digits(value: Any) -> tuple[int, tuple[int, ...], int] | None:
    """A numpy float of any width as the sign, digits and exponent of the shortest decimal
    that reads back as it *at its own width*; None for any other number.

    ``numpy.float32(0.1)`` is the value 0.100000001490116..., which a float64 holds too;
    written as that float64's ``repr`` its id was ``"0.10000000149011612"``, and
    ``numpy.longdouble("0.1")``, which no float64 holds, was all 67 digits of its exact
    value, while the column, numpy and pandas all show ``0.1``. Its shortest text at its
    own width is ``"0.1"`` (``str(numpy.float32(0.1))``); a float64's is its ``repr``.
    Only for a value that is not integral: an integral one is its digits.
    """
    numpy = sys.modules.get("numpy")
    if numpy is None or not isinstance(value, numpy.floating):
        return None
    shortest = decimal.Decimal(numpy.format_float_scientific(value, unique=True, trim="-"))
    sign, digits, exponent = shortest.as_tuple()
    assert isinstance(exponent, int)  # finite: is_missing said so
    while len(digits) > 1 and digits[-1] == 0:  # 1.50e-01 is 0.15
        digits, exponent = digits[:-1], exponent + 1
    return sign, tuple(digits), exponent


def _too_long(name: str) -> InputError:
    return InputError(
        f"{name} is a number of more than {MAX_ID_DIGITS} digits: give it as a string"
    )


def _exact_decimal(value: numbers.Real | decimal.Decimal, name: str) -> decimal.Decimal:
    """A finite number's exact value as a Decimal (no context, no rounding)."""
    if isinstance(value, decimal.Decimal):
        return value
    numerator, denominator = _ratio(value, name)
    if max(numerator.bit_length(), denominator.bit_length()) > MAX_ID_DIGITS * 3.33:
        raise _too_long(name)  # a fraction with more digits than an id may have
    twos = (denominator & -denominator).bit_length() - 1
    rest, fives = denominator >> twos, 0
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest != 1:  # 1/3: no decimal writes it
        raise _no_decimal(name, value)
    places = max(twos, fives)
    try:  # the string constructor is exact
        return decimal.Decimal(f"{numerator * (10**places // denominator)}E-{places}")
    except ValueError:  # past Python's limit on printing an int
        raise _too_long(name) from None


def _no_decimal(name: str, value: Any) -> InputError:
    return InputError(f"{name}={shown(value)} has no decimal text: give the id as a string")


def _written_as_repr(sign: int, digits: tuple[int, ...], exponent: int) -> str:
    """A non-integral decimal without trailing zeros, written as Python's ``repr`` writes a
    float: positional unless its point is more than 4 places left of its first digit or
    16 right of it, then ``d.ddde-05``."""
    text = "".join(map(str, digits))
    point = len(text) + exponent  # where the point falls, counted from the first digit
    if -4 < point <= 16:
        written = "0." + "0" * -point + text if point <= 0 else f"{text[:point]}.{text[point:]}"
    else:
        mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
        written = f"{mantissa}e{point - 1:+03d}"
    return "-" + written if sign else written


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
