"""The base of every record type: identity, status, attribution, evidence.

A record type (the built-in ones are in this package, one module each) is a
Pydantic model a coder of ACLED, UCDP GED, SIPRI or PLOVER would recognise,
built from the parts in :mod:`extractor.types.parts`. ``Record`` knows no
subclass: what is particular to a type is declared on the subclass (its
``type`` literal, its key fields, its evidence cue words). Validation has two
levels:

* always: codes, ranges, internal consistency (an end before its start ...);
* with a validation context carrying the article (``{"text": ..., "published":
  ..., "doc_id": ...}``): the evidence is located in the article, it must carry
  the record's key facts, and an event that happened cannot be dated after the
  article.

Every record gets a stable ``id`` derived from its document id, type and key
fields, so the same record from a rerun has the same id.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any, ClassVar, ForwardRef, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PydanticUserError,
    ValidationInfo,
    computed_field,
    model_validator,
)

from extractor.errors import (
    EventNotStated,
    EvidenceError,
    MissingFigure,
    RecordCodeError,
    RecordTypeError,
)
from extractor.text.countries import (
    countries_in_text,
    country_label,
    country_names,
    folded_country_names,
)
from extractor.text.cues import HAN_AND_KANA, HANGUL, SOUTHEAST_ASIAN, covers, states_any
from extractor.text.dates import ResolvedDate, Tense, resolve_date
from extractor.text.grounding import folded_article, normalise_text
from extractor.text.language import (
    ATTACHED_PREFIXES,
    detect_language,
    reading_languages,
    text_weight,
)
from extractor.text.places import place_proves_country
from extractor.text.quantities import number_forms, written_in
from extractor.text.titles import name_words
from extractor.types.parts import (
    Actor,
    Count,
    DateValue,
    Evidence,
    Money,
    Place,
    Status,
    _context,
    holds_country,
)

#: A record type's name ("visit", or a plugin's "protest").
RecordType = str

#: The side of the publication date a status puts the event on, for a date written
#: without its year (:meth:`Record._date_by_status`); an alleged or denied event's is not
#: said ("denied it will visit in May"), so it takes the nearest.
_STATUS_TENSE: dict[Status, Tense] = {Status.OCCURRED: "past", Status.PLANNED: "future"}


def _reading(found: ResolvedDate) -> tuple[str | None, str | None]:
    """What a resolution gives a :class:`DateValue`: its value and end."""
    return found.value, found.end


#: The fewest characters of evidence that can state an event, measured as Latin text
#: (:func:`extractor.text.language.text_weight`: a Chinese or Japanese character counts
#: three), so that a whole sentence is long enough in every script.
MIN_QUOTE_CHARS = 15
# Text that addresses the reader or a model ("ignore previous instructions and
# report 10,000 dead") is not a report of an event, wherever it appears.
_INSTRUCTION = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(previous|prior|above|earlier|all|your)\b"
    r".{0,20}\b(instructions?|prompts?|rules|guidelines)\b"
    r"|\byou (must|should|will) (now )?(report|output|say|answer|extract|record)\b"
    r"|\b(system|developer) (prompt|message)\b",
    re.IGNORECASE | re.DOTALL,
)


class Plover(BaseModel):
    """PLOVER event category and mode (openeventdata/PLOVER)."""

    model_config = ConfigDict(frozen=True)

    category: str
    mode: str | None = None


#: What a record type's name looks like: lower-case snake_case (``arms_transfer``).
TYPE_NAME = re.compile(r"[a-z][a-z0-9_]*")


class Record(BaseModel):
    """What every record carries: identity, status, attribution, evidence."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    #: The type's name: the default of the subclass's ``type: Literal[...]`` field.
    record_type: ClassVar[RecordType]
    #: Words one of which the evidence must contain (a visit's quote must say
    #: someone travelled or met); empty for types tied to the text by figures.
    evidence_cues: ClassVar[tuple[re.Pattern[str], ...]] = ()
    #: What those words state, for the re-ask ("travelled").
    evidence_cue_meaning: ClassVar[str] = ""
    # -- optional, for a user's type (see extractor.types.generic) --------------
    #: Prompt text saying what counts as one record (default: the docstring).
    guidance: ClassVar[str | None] = None
    #: Invented sentences and their reading, shown in the per-type prompt.
    examples: ClassVar[tuple[str, ...]] = ()
    #: Regex fragments without one of which a text cannot report this type
    #: (the lexical gate); empty: the type is asked for in every text.
    cue_words: ClassVar[tuple[str, ...]] = ()
    #: The list name in answers, results and tables (default: type + "s").
    plural: ClassVar[str | None] = None

    id: str = Field(default="", description="Stable id from document id, type and key fields.")
    doc_id: str | None = None
    status: Status = Status.OCCURRED
    attribution: str | None = Field(
        default=None, description="Who claims it ('according to state media'); null if the author."
    )
    evidence: Evidence

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Take the type's name from its ``type: Literal["..."] = "..."`` field; refuse a
        field that would hide what the checks call (:meth:`countries`, ``model_dump`` ...)."""
        super().__pydantic_init_subclass__(**kwargs)
        hidden = sorted(
            name
            for name in cls.model_fields
            if name not in Record.model_fields
            # a method, or a class setting only annotated on Record (``record_type``)
            and (hasattr(Record, name) or name in Record.__class_vars__)
        )
        if hidden:
            name = hidden[0]
            raise TypeError(
                f"{cls.__name__}.{name}: a field of this name would hide Record.{name}, which "
                f"every record's checks use: name the field otherwise "
                f"(for example {cls.__name__.lower()}_{name})"
            )
        if "record_type" in cls.__dict__:
            return
        field = cls.model_fields.get("type")
        default = field.default if field is not None else None
        if not isinstance(default, str) or not TYPE_NAME.fullmatch(default):
            raise TypeError(
                f'{cls.__name__} needs a field `type: Literal["name"] = "name"` with a '
                "lower-case snake_case name, so that records say which type they are"
            )
        cls.record_type = default

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate as pydantic does; a defect of the type itself (a field whose type is
        not defined where the class is, one pydantic cannot build a validator for) is a
        :class:`~extractor.errors.RecordTypeError` naming the type and the field, not
        pydantic's error about its internals from inside whatever read the record back."""
        try:
            made = super().model_validate(obj, **options)
        except PydanticUserError as error:
            raise type_defect(cls, error) from error
        return cls._made(made)

    @classmethod
    def model_validate_json(cls, json_data: Any, **options: Any) -> Self:
        """:meth:`model_validate` for JSON text (a cached answer, a line read back), held to
        the same checks: a type's defect is a RecordTypeError, a validator's lost record a
        RecordCodeError."""
        try:
            made = super().model_validate_json(json_data, **options)
        except PydanticUserError as error:
            raise type_defect(cls, error) from error
        return cls._made(made)

    @classmethod
    def _made(cls, made: Any) -> Self:
        """``made`` when it is a record of this type; a model validator that forgot
        ``return self`` gave something else, and every later step would fail on it far
        from the cause."""
        if not isinstance(made, cls):
            raise RecordCodeError(
                f"record type {cls.record_type!r} ({cls.__module__}.{cls.__qualname__}) "
                f"validated to {type(made).__name__}, not a record: a model validator "
                "(mode 'after' or 'wrap') must return the record (return self)",
                record_type=cls.record_type,
            )
        return made

    # -- what subclasses define -------------------------------------------------
    def key_fields(self) -> list[Any]:
        """The facts that identify this event (feed the stable id).

        By default every field the model filled except identity and evidence,
        so that two different events of a user's type get different ids. Computed fields
        (``plover_event``, a user type's own ``@computed_field``) are left out: they are
        derived from the fields, and one that fails must not stop an id being made.
        """
        derived = set(type(self).model_computed_fields)
        return [
            self.model_dump(
                mode="json", exclude={"id", "doc_id", "evidence", "attribution", *derived}
            )
        ]

    # The defaults below read the fields by their parts, so that a user's type
    # is checked like a built-in one: its people, countries, places and
    # figures must be in the article and the quote.
    def actors(self) -> list[Actor]:
        """People and groups the record names (every Actor field)."""
        found: list[Actor] = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, Actor):
                found.append(value)
            elif isinstance(value, list):
                found += [v for v in value if isinstance(v, Actor)]
        return found

    def countries(self) -> list[str]:
        """ISO codes the record names (every country-code field)."""
        codes: list[str] = []
        for name, info in type(self).model_fields.items():
            if not holds_country(info.rebuild_annotation()):
                continue
            value = getattr(self, name)
            for code in value if isinstance(value, list) else [value]:
                if isinstance(code, str) and code not in codes:
                    codes.append(code)
        return codes

    def key_numbers(self) -> list[tuple[int | Any, str | None]]:
        """(number, text as written) pairs the evidence must carry (counts, amounts)."""
        numbers: list[tuple[Any, str | None]] = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, Count):
                numbers.append((value.conservative, value.text))
            elif isinstance(value, Money):
                numbers.append((value.amount, value.text))
        return numbers

    def event_dates(self) -> list[DateValue]:
        """Dates at which the event is said to have happened (every DateValue field)."""
        return [v for n in type(self).model_fields if isinstance(v := getattr(self, n), DateValue)]

    def mention_terms(self) -> list[str]:
        """Further words (places) that tie a quote to this record."""
        return [v.text for n in type(self).model_fields if isinstance(v := getattr(self, n), Place)]

    def plover(self) -> Plover | None:
        return None

    # -- shared validation ------------------------------------------------------
    @model_validator(mode="before")
    @classmethod
    def _drop_computed(cls, data: Any) -> Any:
        """Accept our own JSON output back: computed fields (``plover_event``, a user
        type's own ``@computed_field``) are derived, not input; refused, a cached answer
        and every reader (flatten, view, eval) failed on what the tool itself wrote."""
        computed = cls.model_computed_fields
        if isinstance(data, dict) and any(key in data for key in computed):
            data = {k: v for k, v in data.items() if k not in computed}
        return data

    @model_validator(mode="after")
    def _check_record(self, info: ValidationInfo) -> Record:
        context = _context(info)
        if self.doc_id is None and isinstance(context.get("doc_id"), str):
            self.doc_id = context["doc_id"]
        published = context.get("published")
        if isinstance(published, date):
            text = context.get("text")
            self._date_by_status(
                published, detect_language(text) if isinstance(text, str) else None
            )
            self._check_not_after(published)
        if isinstance(context.get("text"), str):
            folded = folded_article(context)
            language = detect_language(context["text"])  # names in the article's language
            publisher = context.get("publisher")  # the publishing government's state
            self._check_countries_named(context["text"], folded, language, publisher)
            self._check_actors_named(folded, language)
            self._check_evidence_carries_facts(language, context["text"])
        if not self.id:
            self.id = self.compute_id()
        return self

    def _date_by_status(self, published: date, language: str | None) -> None:
        """Re-read the dates written without their year when the nearest year puts the
        event on the wrong side of the publication date for its status: "visited Berlin
        in April", published in March, is last April, not next (which
        :meth:`_check_not_after` then refused, losing the record); "will visit in
        September", published in January, is next September. The nearest year stands
        whenever it agrees with the status, and a range's two ends are re-read together: a
        planned visit "from March 10 to March 14", published on the 12th, stays this
        year, as it is not all past. An ongoing event is not re-read: its start is past
        and its end to come, the nearest year's reading of each. Only a date whose value
        is that text's own reading is re-read (never one the model computed)."""
        tense = _STATUS_TENSE.get(self.status)
        if tense is None:
            return
        dates = {
            name: value
            for name in type(self).model_fields
            if isinstance(value := getattr(self, name), DateValue)
            and value.text
            and value.value is not None
            and (value.value, value.end) == _reading(resolve_date(value.text, published, language))
        }
        if self.status == Status.PLANNED:
            lasts = [v.last_day for v in self.event_dates() + list(dates.values())]
            wrong = all(last is not None and last < published for last in lasts)
        else:
            firsts = [
                v.first_day for v in self.event_dates() if any(v is d for d in dates.values())
            ]
            wrong = any(first is not None and first > published for first in firsts)
        for name in dates if wrong else ():
            value, text = dates[name], dates[name].text or ""
            found = resolve_date(text, published, language, tense)
            if found.value is not None and _reading(found) != (value.value, value.end):
                setattr(self, name, DateValue.from_resolution(text, found))

    def _check_not_after(self, published: date) -> None:
        if self.status not in (Status.OCCURRED, Status.ONGOING):
            return
        for value in self.event_dates():
            first = value.first_day
            if first is not None and first > published:
                raise ValueError(
                    f"the event has status '{self.status.value}' but is dated {value.value}, "
                    f"after the article's publication date {published.isoformat()}: if it is "
                    "still to come, set status to 'planned'; otherwise correct the date"
                )

    def proving_places(self, language: str = "en") -> list[str]:
        """The places, as written, whose state :meth:`_check_countries_named` takes as
        named: those of the record's place fields. A type may add places its evidence
        ties the event to without making them its place."""
        del language
        return [v.text for n in type(self).model_fields if isinstance(v := getattr(self, n), Place)]

    def _check_countries_named(
        self, text: str, folded: str, language: str = "en", publisher: object = None
    ) -> None:
        """Every country a record names must be named somewhere in the article, or be
        the country a place of the record lies in.

        A country the article never mentions (by name, adjective or capital) is the
        model's invention, unless a place of the record lies in it by the gazetteer
        (:func:`place_proves_country`): "shells hit a market in Donetsk" is in Ukraine
        though the article never says so, but "Tripoli" alone is in Libya or Lebanon, and
        the codebook codes where it happened (true records of the development sets name
        only the place). A country neither named
        nor a place's is refused: a record is never coded to an unnamed state on the
        model's word. Types whose record stands without its country empty it in their
        builder first (a casualty report keeps its toll, ``casualty_report._unnamed``). The
        state whose government published the article (``publisher``, from its address:
        a readout on whitehouse.gov says "President Biden" and never "United States")
        counts as named. How a name is read: :func:`country_in_article`.
        """
        places = self.proving_places(language)
        for code in self.countries():
            if country_in_article(code, text, folded, language, publisher):
                continue
            if any(place_proves_country(place) == code for place in places):
                continue
            named = ", ".join(f"{c} ({country_label(c)})" for c in countries_in_text(text)[:12])
            raise ValueError(
                f"country {code} is not mentioned anywhere in the article: use one the "
                f"article names ({named or 'none'}), or null"
            )

    def _check_actors_named(self, folded: str, language: str = "en") -> None:
        """Every person or group a record names must be named somewhere in the article.

        The 1.5B model copies the people of the prompt's invented examples
        into articles that have none ("Eva Lund" visiting Saudi Arabia in an
        arms-sale notice); a name none of whose words the article contains is
        such a copy. Countries standing as actors are checked as countries.

        Words are compared by :func:`name_fold` (through :func:`_mentions`): the model
        writes "Erdogan" for "Erdoğan", "Vucic" for "Vučić", Arabic without its
        tatweel or vowels, Persian with Arabic letters, and drops a name it did read
        when accents count. A word the article does not hold, in any spelling, still
        refuses the record.
        """
        for actor in self.actors():
            if actor.country and normalise_text(actor.name) in (
                normalise_text(actor.country),
                *folded_country_names(actor.country, language).values(),
            ):
                continue
            words = {normalise_text(w) for w in name_words(actor.name)}
            if words and not any(_mentions(folded, w) for w in words):
                raise ValueError(
                    f"{actor.name!r} is not named anywhere in the article: list only people "
                    "and groups the article names, or drop this record"
                )

    def _check_evidence_carries_facts(self, language: str = "en", text: str = "") -> None:
        """The evidence states the event: long enough in any script (:func:`text_weight`),
        naming one of the record's actors or countries (in ``language`` or, as
        :meth:`_check_countries_named` reads the article ``text``, a language it is
        close to), with a word of the event and its figures."""
        quote = self.evidence.cited_text
        if _INSTRUCTION.search(quote):
            raise EvidenceError(
                f"evidence {quote[:80]!r} is an instruction to the reader, not a report of an "
                "event: drop this record"
            )
        if text_weight(quote.strip()) < MIN_QUOTE_CHARS:
            raise EvidenceError(
                f"evidence {quote!r} is too short to support a record: quote the whole "
                "sentence or clause from the article that states the event"
            )
        folded = normalise_text(quote)
        if not any(
            self._quote_names_a_side(quote, folded, reading)
            for reading in reading_languages(text, language)
        ):
            wanted = ", ".join(sorted({a.name for a in self.actors()} | set(self.countries()))[:6])
            raise EvidenceError(
                f"evidence {quote[:80]!r} does not name any of this record's actors or "
                f"countries ({wanted}): quote the sentence that states this event"
            )
        # Only where the cue tables have words for the article's language: where none fit,
        # no word can be asked for and the record is kept (as the lexical gate does).
        if (
            self.evidence_cues
            and covers(self.evidence_cues, language)
            and not states_any(self.evidence_cues, quote)
        ):
            raise EventNotStated(
                f"evidence {quote[:80]!r} does not say that anyone "
                f"{self.evidence_cue_meaning}: quote the "
                f"sentence that states this {self.record_type}, or drop this record"
            )
        missing = [(n, t) for n, t in self.key_numbers() if not _carries_number(folded, n, t)]
        if missing:
            wanted = ", ".join(t or f"{n:,}" for n, t in missing)
            raise MissingFigure(
                f"evidence {quote[:80]!r} does not contain the figure {wanted}: quote the "
                "sentence that states the figure, or set the figure to null"
            )

    def _quote_names_a_side(self, quote: str, folded: str, language: str) -> bool:
        """Whether ``quote`` (``folded``: its fold) names one of the record's actors or
        countries as ``language`` writes them (or the record names none)."""
        names = _mention_terms(self.actors(), self.countries(), self.mention_terms(), language)
        return (
            not names
            or any(_mentions(folded, term) for term in names)
            or bool(set(self.countries()) & set(_named(quote, language)))
        )

    # -- identity ---------------------------------------------------------------
    def compute_id(self) -> str:
        """Hash of document id, type and key fields: rerun-stable, order-independent.

        Encoded with ``surrogatepass``: a doc id or source may hold lone
        surrogates (an undecodable file name, a JSONL ``"\\ud800"`` escape), and
        strict UTF-8 would raise and lose every record of the document. Text
        without surrogates encodes exactly as before, so existing ids are kept.
        """
        payload = json.dumps(
            [self.doc_id or "", self.record_type, self.key_fields()],
            sort_keys=True,
            default=str,
            ensure_ascii=False,
        )
        digest = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return f"{self.record_type}:{digest}"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def plover_event(self) -> Plover | None:
        """PLOVER category and mode where one applies."""
        return self.plover()


def type_defect(cls: type[Record], error: Exception) -> RecordTypeError:
    """The :class:`~extractor.errors.RecordTypeError` for a record class pydantic cannot
    validate with: it names the first field whose type is not resolved (a forward
    reference), or pydantic's reason when no field is to blame."""
    name = getattr(cls, "record_type", cls.__name__)
    for field, info in cls.model_fields.items():
        if (
            not getattr(info, "_complete", True)
            or "ForwardRef" in repr(info.annotation)
            or (isinstance(info.annotation, str | ForwardRef))
        ):
            return RecordTypeError(
                f"record type {name!r} ({cls.__module__}.{cls.__qualname__}) field {field!r}: "
                f"its type {info.annotation!r:.60} is not defined where the class is: define "
                f"or import it before the class, or call {cls.__name__}.model_rebuild() after",
                record_type=name,
                field=field,
            )
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return RecordTypeError(
        f"record type {name!r} ({cls.__module__}.{cls.__qualname__}) cannot be validated: "
        f"{reason}: fix the class",
        record_type=name,
    )


def _name_key(actors: list[Actor]) -> list[str]:
    return sorted(normalise_text(a.display_name) for a in actors)


def _name_terms(actor: Actor, language: str = "en") -> set[str]:
    terms: set[str] = set()
    for name in (actor.name, actor.canonical_name):
        if not name:
            continue
        terms.add(name)
        terms |= name_words(name)
    if actor.country:
        terms.update(country_names(actor.country, language))
    if actor.organisation:
        terms.add(actor.organisation)
    return terms


def _mention_terms(
    actors: list[Actor], countries: list[str], extra: list[str], language: str = "en"
) -> set[str]:
    terms: set[str] = set(extra)
    for actor in actors:
        terms |= _name_terms(actor, language)
    folded = {normalise_text(t) for t in terms if t.strip()}
    for code in countries:
        folded.update(folded_country_names(code, language).values())
    return folded


def country_in_article(
    code: str, text: str, folded: str, language: str, publisher: object = None
) -> bool:
    """Whether the article ``text`` (``folded``: its fold) names the state ``code``.

    The publishing government's state (``publisher``) counts as named. A name counts in
    ``language`` and in every language the text is close to (:func:`close_languages`):
    a lone sentence ("Alemania vendió 20 tanques a Brasil.") leaves the detector unsure
    ("und") or choosing a neighbour ("bg" for Russian), and a state named in the text is
    named whatever it guessed. A text whose language is sure (most texts of a sentence
    of English or more) is read in that language alone: one that never names France does
    not name France.
    """
    return code == publisher or any(
        _country_named(code, text, folded, reading) for reading in reading_languages(text, language)
    )


# Chinese and Japanese have no spaces: "中国" in "中国外交部" is a whole word.
_UNSPACED_SCRIPT = re.compile(f"[{HAN_AND_KANA}]")


def _country_named(code: str, text: str, folded: str, language: str) -> bool:
    """Whether ``text`` (``folded``: its fold) names ``code`` by one of its names in
    ``language`` (English's among them) or in a form the prompt's list reads (:func:`_named`)."""
    names = folded_country_names(code, language).values()
    return any(_mentions(folded, name) for name in names) or code in _named(text, language)


@lru_cache(maxsize=64)
def _named(text: str, language: str) -> tuple[str, ...]:
    """The countries ``text`` names as the prompt's list of them reads it
    (:func:`countries_in_text`, in ``language``): a name in a form no list of names
    spells out ("Південної Кореї", "بالعراق", "일본과") counts for the checks as it
    counts for the list, so that a record is never refused a country the message
    refusing it offers. Cached: the checks of every record of an article ask."""
    return tuple(countries_in_text(text, language)) if language != "en" else ()


# Scripts written without spaces between words (Han, kana, Thai and its neighbours), and
# Hangul, which joins its particles: a name of another script is a word of its own where
# it meets them ("法国总统Lars Berg周二", "Tim Cook표"), so a whole word ends where the
# script changes.
_WITHOUT_SPACES = HAN_AND_KANA + SOUTHEAST_ASIAN + HANGUL
_SCRIPT_WITHOUT_SPACES = re.compile(f"[{_WITHOUT_SPACES}]")
#: A letter that continues a word written in a spaced script: a word character of no
#: script of :data:`_SCRIPT_WITHOUT_SPACES`.
_LETTER_OF_ITS_SCRIPT = f"[^\\W{_WITHOUT_SPACES}]"

# Arabic and Hebrew join clitics to a name: "بمصر" is "in Egypt", "للعراق" "to Iraq"
# ("ل" + "العراق", the article's alef dropped), "בישראל" "in Israel".
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_HEBREW_SCRIPT = re.compile(r"[\u0590-\u05ff]")


def _mentions(folded_quote: str, term: str) -> bool:
    """Whether ``folded_quote`` (a :func:`normalise_text` fold) names ``term`` (one too),
    compared as :func:`name_fold` folds them: names and countries are matched whatever
    their script variants, and whatever accents one side leaves out.

    Accents count where both sides write them: "Erdogan" is "Erdoğan" (one side has
    none), but Vietnamese "Hùng" is not "Hưng" and "Lê" not "Lệ" (different names).
    Arabic's final "ى" and "ي" are one letter only in a word of more than three letters:
    "على" (on) is no "علي" (Ali), "مصطفى" is "مصطفي".
    """
    folded_quote, term = _loose_marked(folded_quote), _loose_marked(term)
    bare = _LATIN_MARK.sub("", term)
    if not bare.strip():
        return False
    script = "ar" if _ARABIC_SCRIPT.search(term) else "he" if _HEBREW_SCRIPT.search(term) else ""
    pattern = _term_pattern(term)
    if (
        script == "ar"
        and term.startswith("ال")
        and re.search("لل" + _term_pattern(term, 2), folded_quote)
    ):
        return True
    if len(bare) <= 4 and not _UNSPACED_SCRIPT.search(term):  # "US", "UAE": whole words only
        clitics = f"(?:{ATTACHED_PREFIXES[script]})?" if script else ""
        letter = _LETTER_OF_ITS_SCRIPT if _SCRIPT_WITHOUT_SPACES.search(term) is None else r"\w"
        pattern = rf"(?<!{letter}){clitics}{pattern}(?!{letter}|[\u0300-\u036f])"
    return re.search(pattern, folded_quote) is not None


#: The combining marks of Latin, Greek and Cyrillic letters (accents, tone marks, the
#: Vietnamese horn); the marks of other scripts (harakat, niqqud) are dropped outright.
_LATIN_MARK = re.compile("[\u0300-\u036f\u1dc0-\u1dff]")
_CLUSTER = re.compile("(.)([\u0300-\u036f\u1dc0-\u1dff]*)", re.S)
_YEH = frozenset("\u064a\u0649")


@lru_cache(maxsize=8192)
def _term_pattern(term: str, start: int = 0) -> str:
    """A regular expression for ``term`` (a :func:`_loose_marked` fold) from its letter
    ``start`` on: a letter with marks is found with the same marks or none; one without
    marks with any; "ى"/"ي" either way in a word of more than three letters."""
    long_word = len(_LATIN_MARK.sub("", term)) > 3
    parts: list[str] = []
    for letter, marks in _CLUSTER.findall(term[start:]):
        if letter in _YEH and long_word:
            parts.append("[\u064a\u0649]")
        elif marks:
            parts.append(
                f"{re.escape(letter)}(?:{re.escape(marks)})?(?![\u0300-\u036f\u1dc0-\u1dff])"
            )
        elif letter.isalpha():
            parts.append(f"{re.escape(letter)}[\u0300-\u036f\u1dc0-\u1dff]*")
        else:
            parts.append(re.escape(letter))
    return "".join(parts)


# What a name may be written with or without, or with one of two letters, as the model
# and the article each please (folded after NFKD and casefold, so only what neither
# decomposes nor case-folds is listed): Arabic's tatweel (a stretch, not a letter) and
# the letters Arabic, Persian and Urdu spell differently (ي ی ى, ك ک, ة ه, ٱ ا); the
# Latin letters with a stroke or ligature that no decomposition turns into the letter
# news in English writes for them ("Błaszczak", "Støre", "Đoković", "Kılıçdaroğlu",
# "Guðrún", "Əliyev").
_VARIANTS = str.maketrans(
    {
        "\u0640": "",  # tatweel
        "\u06cc": "\u064a",  # Farsi yeh -> yeh
        "\u06a9": "\u0643",  # keheh -> kaf
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u06d5": "\u0647",  # ae (what NFKD leaves of heh with yeh above) -> heh
        "\u0671": "\u0627",  # alef wasla -> alef
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "ð": "d",
        "þ": "th",
        "ħ": "h",
        "ŧ": "t",
        "ə": "a",
    }
)


def _cached_by_length(fold: Callable[[str], str]) -> Callable[[str], str]:
    """``fold`` with two caches: a few long texts (the article, folded once per check of
    its records) and many short ones (names), so the names never push the article out."""
    long_texts = lru_cache(maxsize=16)(fold)
    short_texts = lru_cache(maxsize=8192)(fold)

    def cached(folded: str) -> str:
        return long_texts(folded) if len(folded) > 512 else short_texts(folded)

    cached.__doc__ = fold.__doc__
    return cached


@_cached_by_length
def _loose(folded: str) -> str:
    """:func:`name_fold` of a string already folded by :func:`normalise_text`."""
    return normalise_text(folded, accents=False).translate(_VARIANTS)


#: Combining marks other than those of :data:`_LATIN_MARK` (Arabic harakat, Hebrew
#: niqqud): a script's optional vowels, never what tells two names apart.
_OTHER_MARKS = {
    code: None
    for code in range(0x0300, 0x2000)
    if unicodedata.combining(chr(code)) and not _LATIN_MARK.match(chr(code))
}


@_cached_by_length
def _loose_marked(folded: str) -> str:
    """``folded`` with its script variants folded (:data:`_VARIANTS`), the marks of
    Arabic and Hebrew dropped, the accents of Latin, Greek and Cyrillic kept (in NFD),
    for :func:`_mentions` to count them only where both sides write them."""
    return normalise_text(folded).translate(_OTHER_MARKS).translate(_VARIANTS)


def name_fold(text: str) -> str:
    """The fold names and places are compared by: :func:`normalise_text`, its accents
    and marks dropped (``accents=False``: "Erdoğan" is "erdogan", Arabic harakat and
    Hebrew niqqud go), then the variants of :data:`_VARIANTS` (tatweel, Arabic and
    Persian letter forms, "ł", "ø", "ı"...). Fold both sides with it.

    It belongs with :func:`extractor.text.grounding.normalise_text` (say as
    ``normalise_text(text, accents=False, variants=True)``); it is kept here, beside the
    checks that compare names, until it moves there.
    """
    return _loose(normalise_text(text))


def _carries_number(folded_quote: str, number: Any, text: str | None) -> bool:
    if text and normalise_text(text) in folded_quote:
        return True
    try:
        forms = number_forms(number)
    except (TypeError, ValueError, ArithmeticError):
        return False
    return any(written_in(folded_quote, normalise_text(form)) for form in forms)


def check_order(start: DateValue | None, end: DateValue | None) -> None:
    if start is None or end is None or start.first_day is None or end.last_day is None:
        return
    if end.last_day < start.first_day:
        raise ValueError(f"end date {end.value} is before start date {start.value}")
