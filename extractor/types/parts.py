"""The shared parts records are built of: actors, places, dates, money, counts, evidence.

Each part mirrors what an event-data coder records (ACLED, UCDP GED, SIPRI,
PLOVER, NGEC): a date carries its precision and kind, a count is a low/best/
high range with a qualifier, money keeps the text as written beside the
normalised amount, and evidence is a verbatim quote located in the article.

Validators raise ``ValueError`` with messages written for two readers: a person
reading an error, and a model being re-asked to correct its answer.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from numbers import Integral
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from extractor.text.countries import to_alpha3, to_currency
from extractor.text.dates import (
    DateKind,
    Precision,
    ResolvedDate,
    earliest,
    latest,
    precision_of,
    publication_day,
    resolve_date,
)
from extractor.text.grounding import ALIGNMENT_RANK, Alignment, ground_fragments
from extractor.text.quantities import parse_count, parse_money


def _country(value: str) -> str:
    return to_alpha3(value)


CountryCode = Annotated[
    str,
    AfterValidator(_country),
    Field(description="ISO 3166-1 alpha-3 code, e.g. USA, CHN, MMR (XKX for Kosovo)"),
]
CurrencyCode = Annotated[
    str,
    AfterValidator(to_currency),
    Field(description="ISO 4217 currency code, e.g. USD, EUR"),
]


class Sector(StrEnum):
    """What kind of actor this is (PLOVER's sector, ACLED's actor types)."""

    GOVERNMENT = "government"
    MILITARY = "military"
    POLICE = "police"
    REBEL = "rebel"
    MILITIA = "militia"
    POLITICAL_PARTY = "political_party"
    CIVILIAN = "civilian"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    NGO = "ngo"
    BUSINESS = "business"
    MEDIA = "media"
    OTHER = "other"


class Status(StrEnum):
    """Whether the event happened (PLOVER's modality and NGEC's event status)."""

    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    ALLEGED = "alleged"
    DENIED = "denied"


class Part(BaseModel):
    """Base of every part: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Actor(Part):
    """A person, organisation or state taking part in an event."""

    name: str = Field(min_length=1, description="The name as written in the article.")
    canonical_name: str | None = Field(
        default=None, description="Full standard name if known (e.g. 'Qin Gang')."
    )
    title: str | None = Field(default=None, description="Title or office ('foreign minister').")
    organisation: str | None = Field(default=None, description="Organisation the actor belongs to.")
    country: CountryCode | None = None
    sector: Sector | None = None

    @property
    def display_name(self) -> str:
        return self.canonical_name or self.name


class Place(Part):
    """Where something happened: the text as written, resolved to country and area."""

    text: str = Field(min_length=1, description="The place as written ('Yangon').")
    country: CountryCode | None = None
    admin1: str | None = Field(default=None, description="State, province or region.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    @model_validator(mode="after")
    def _both_coordinates(self) -> Place:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        return self


class DateValue(Part):
    """A date at the precision the text supports (NGEC's granularity and date_type).

    ``value`` is ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD); a ``range`` also has
    ``end``. ``unresolved`` keeps the text but no value ("since the coup").
    """

    text: str | None = Field(default=None, description="The expression as written ('on Tuesday').")
    value: str | None = None
    precision: Precision | None = None
    kind: DateKind = "exact"
    end: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> DateValue:
        if self.value is None:
            if self.kind != "unresolved":
                raise ValueError("a date without a value must have kind 'unresolved'")
            if self.end is not None:
                raise ValueError("an unresolved date cannot have an end")
            self.precision = None
            return self
        if self.kind == "unresolved":
            raise ValueError("an unresolved date must not have a value")
        actual = precision_of(self.value)
        if self.precision is None:
            self.precision = actual
        elif self.precision != actual:
            raise ValueError(
                f"date {self.value!r} has {actual} precision but precision says {self.precision!r}"
            )
        if self.end is not None:
            precision_of(self.end)
            if latest(self.end) < earliest(self.value):
                raise ValueError(f"date range ends ({self.end}) before it starts ({self.value})")
            if self.kind != "range":
                self.kind = "range"
        elif self.kind == "range":
            raise ValueError("a date of kind 'range' needs an end")
        return self

    @classmethod
    def resolve(
        cls, text: str | None, published: date | str | None, language: str | None = None
    ) -> DateValue | None:
        """Build from an expression as written, resolved against the publication date
        (``language``: the article's, for an expression in its words). ``published`` is a
        date, a datetime (its day) or an ISO 8601 string, as ``extract`` takes it; another
        type is a TypeError naming it."""
        published = publication_day(published)
        if text is None or not str(text).strip():
            return None
        return cls.from_resolution(str(text), resolve_date(str(text), published, language))

    @classmethod
    def from_resolution(cls, text: str, found: ResolvedDate) -> DateValue:
        """The expression ``text`` as written, with what it was resolved to."""
        return cls(
            text=text, value=found.value, precision=found.precision, kind=found.kind,
            end=found.end,
        )  # fmt: skip

    @property
    def first_day(self) -> date | None:
        return earliest(self.value) if self.value else None

    @property
    def last_day(self) -> date | None:
        if self.end:
            return latest(self.end)
        return latest(self.value) if self.value else None

    # Typed accessors: ``value`` and ``end`` stay ISO strings in the JSON and in
    # what the model sees, because "2023-05" is a month, not the 1st of May; a
    # ``date`` cannot say that, so the accessors pair it with ``precision``.
    def as_date(self) -> date | None:
        """The first day the date can mean: ``2023-05-30``, ``2023-05-01`` for
        ``2023-05``, ``2023-01-01`` for ``2023``; a range's first day. Read it
        with :attr:`precision` (``day``, ``month`` or ``year``); None when the
        date is unresolved."""
        return self.first_day

    def range(self) -> tuple[date, date] | None:
        """The first and last day the date can mean: a day is ``(d, d)``, a month
        its first and last days, a year 1 January to 31 December, a range its
        start's first day to its end's last. None when the date is unresolved.
        A date lies in it when ``first <= day <= last``."""
        first, last = self.first_day, self.last_day
        if first is None or last is None:
            return None
        return first, last


class Money(Part):
    """A reported amount, e.g. a deal value. SIPRI's TIV is not a price: this is the price."""

    #: No reported amount comes near 10**24 units (a trillion trillion, whatever the
    #: currency); past it an answer is no amount, refused as any invalid field is (and
    #: re-asked), where the exact-integer check below would raise past 28 digits.
    amount: Decimal = Field(
        ge=0, le=Decimal(10) ** 24, description="The amount in units of the currency."
    )
    currency: CurrencyCode = "USD"
    text: str | None = Field(default=None, description="As written ('$267 million').")

    @field_validator("amount")
    @classmethod
    def _integral(cls, value: Decimal) -> Decimal:
        return (
            value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        )

    @classmethod
    def parse(cls, text: str | None) -> Money | None:
        """Build from text as written: "$267 million" -> 267000000 USD. None (no amount
        stated) is None, and so is text no valid amount is read from (past the largest
        amount, or in a currency no valid code names): reading text never raises, its
        callers (the arms transfer's search terms) take it as no amount. Any other type is
        a TypeError naming it."""
        if text is None:
            return None
        if not isinstance(text, str):
            raise _wrong_type("Money.parse", "text", "a str (the amount as written)", text)
        parsed = parse_money(text)
        if parsed is None:
            return None
        try:
            return cls(amount=parsed[0], currency=parsed[1], text=text)
        except ValidationError:
            return None


CountQualifier = Literal["exact", "at_least", "about", "up_to"]


class Count(Part):
    """A count as UCDP records it: low, best and high estimates with a qualifier."""

    low: int | None = Field(default=None, ge=0)
    best: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    qualifier: CountQualifier = "exact"
    text: str | None = Field(default=None, description="As written ('over 3,500').")

    @model_validator(mode="after")
    def _ordered(self) -> Count:
        if self.low is None and self.best is None and self.high is None:
            raise ValueError("a count needs at least one of low, best, high; use null for no count")
        if self.low is not None and self.best is not None and self.low > self.best:
            raise ValueError(f"count low ({self.low}) is greater than best ({self.best})")
        if self.best is not None and self.high is not None and self.best > self.high:
            raise ValueError(f"count best ({self.best}) is greater than high ({self.high})")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"count low ({self.low}) is greater than high ({self.high})")
        return self

    @property
    def conservative(self) -> int:
        """The figure ACLED would code: the lowest stated."""
        for value in (self.low, self.best, self.high):
            if value is not None:
                return value
        raise AssertionError("validated counts always have a number")  # pragma: no cover

    @classmethod
    def parse(cls, text: str | int | None) -> Count | None:
        """Build from text as written: "over 3,500" -> low=best=3500, at_least; an int is
        that exact count. None (no count stated, as a model's null) is None; any other type
        is a TypeError naming it (a bool is no count: ``True`` was a count of 1)."""
        if text is None:
            return None
        if isinstance(text, Integral) and not isinstance(text, bool):  # numpy's int64 too
            count = int(text)
            return cls(low=count, best=count, high=count, qualifier="exact", text=str(count))
        if not isinstance(text, str):
            raise _wrong_type("Count.parse", "text", "a str (the count as written) or an int", text)
        parsed = parse_count(text)
        if parsed is None:
            return None
        low, best, high, qualifier = parsed
        return cls(low=low, best=best, high=high, qualifier=qualifier, text=text)


class EvidenceSpan(Part):
    """One verbatim stretch of the article: ``text == article[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> EvidenceSpan:
        if self.end - self.start != len(self.text):
            raise ValueError("an evidence span's text must be exactly article[start:end]")
        return self


class Evidence(Part):
    """Where the article states the record's facts: one or more verbatim spans.

    ``spans`` are stretches of the article, in order, each exactly
    ``article[start:end]``; cited sentences that follow each other form one
    span, sentences apart form several (never one quote with an invented
    joiner, never offsets that cover the text between). ``quote``, ``start``
    and ``end`` repeat the first span, so ``quote == article[start:end]``
    always holds for a grounded record. ``alignment`` says how the quote the
    model or annotator gave was found: ``exact`` (verbatim), ``normalised``
    (same after folding quotes, dashes, case and spaces: the spans hold the
    article's own text), ``fuzzy``, or ``not_found`` (no offsets).
    """

    quote: str = Field(min_length=1, description="The first span's text, verbatim.")
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    alignment: Alignment = "not_found"
    spans: list[EvidenceSpan] = Field(default_factory=list)

    @property
    def cited_text(self) -> str:
        """The spans' texts, for checking the record's facts and showing the evidence.

        Spans apart are shown joined by " ... " (this string is never stored and
        never claimed to be in the article; ``spans`` are).
        """
        return " ... ".join(s.text for s in self.spans) if self.spans else self.quote

    def shifted(self, offset: int) -> Evidence:
        """The same evidence with every offset moved by ``offset`` (a chunk's start)."""
        if offset == 0 or self.start is None or self.end is None:
            return self
        spans = [
            s.model_copy(update={"start": s.start + offset, "end": s.end + offset})
            for s in self.spans
        ]
        return self.model_copy(
            update={"start": self.start + offset, "end": self.end + offset, "spans": spans}
        )

    def overlaps(self, other: Evidence) -> bool:
        """Whether any span of this evidence overlaps any span of ``other``."""
        return any(
            max(a.start, b.start) < min(a.end, b.end) for a in self.spans for b in other.spans
        )

    @model_validator(mode="after")
    def _locate(self, info: ValidationInfo) -> Evidence:
        text = _context(info).get("text")
        if isinstance(text, str):
            self._ground(text)
        elif self.spans:  # read back from JSON: the first span is the quote
            first = self.spans[0]
            self.quote, self.start, self.end = first.text, first.start, first.end
        if not self.spans and self.start is not None and self.end is not None:
            if self.end <= self.start:
                raise ValueError("evidence end offset must be after its start")
            if self.end - self.start == len(self.quote):
                self.spans = [EvidenceSpan(start=self.start, end=self.end, text=self.quote)]
        if (self.start is None) != (self.end is None):
            raise ValueError("evidence needs both start and end offsets, or neither")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("evidence end offset must be after its start")
        if self.alignment == "not_found" and self.start is not None:
            raise ValueError("evidence that was not found cannot have offsets")
        return self

    def _ground(self, text: str) -> None:
        """Check the spans against the article, or find the quote's fragments in it."""
        if self.spans:
            for span in self.spans:
                if text[span.start : span.end] != span.text:
                    raise ValueError(
                        f"evidence span {_clip(span.text)!r} is not the article's text at "
                        f"{span.start}-{span.end}: cite the sentence numbers that state it"
                    )
            alignment: Alignment = "exact"
        else:
            found = ground_fragments(self.quote, text, hint=self.start)
            if not found:
                raise ValueError(
                    f"evidence quote {_clip(self.quote)!r} is not in the article: copy one "
                    "sentence from the article verbatim that states this record's facts"
                )
            alignment = max((s.alignment for s in found), key=ALIGNMENT_RANK.__getitem__)
            self.spans = [
                EvidenceSpan(start=s.start, end=s.end, text=text[s.start : s.end])
                for s in found
                if s.start is not None and s.end is not None
            ]
        first = self.spans[0]
        self.quote, self.start, self.end, self.alignment = (
            first.text,
            first.start,
            first.end,
            alignment,
        )


def _wrong_type(where: str, name: str, expected: str, value: object) -> TypeError:
    """The error for an argument of the wrong type: one line naming it, its type and what
    to give (a None or a float deep in a regex said none of that)."""
    shown = _clip(repr(value))
    return TypeError(f"{where}: {name} must be {expected}, not {type(value).__name__} ({shown})")


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def holds_country(annotation: Any) -> bool:
    """Whether a field annotation is a :data:`CountryCode` (optional or in a list too).

    Pass ``FieldInfo.rebuild_annotation()``: pydantic moves the metadata of a
    plain ``x: CountryCode`` field out of its ``annotation``.
    """
    if get_origin(annotation) is Annotated and any(
        getattr(m, "func", None) is _country for m in get_args(annotation)[1:]
    ):
        return True
    return any(holds_country(arg) for arg in get_args(annotation))
