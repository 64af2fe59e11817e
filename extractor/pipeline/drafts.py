"""What the model fills: small, flat "draft" models, resolved into records here.

The records in :mod:`extractor.records` are what coders need; they are too
deep for a small model to fill reliably. The model fills these drafts
instead, shaped by what worked on small models (shared/notes/local-model.md):

* every field is required but nullable (optional fields were skipped);
* counts are integers (strings came back null), dates and money are copied
  as written and resolved by code, never by the model's arithmetic;
* evidence is the *last* field (first, it made the model walk the article
  sentence by sentence), and it is given as sentence numbers: the quote and
  its offsets are taken from the text (see sentences.py).

:meth:`DraftList._resolve` turns drafts into validated records under a
validation context carrying the article. Invalid records make the whole answer
fail, so instructor re-asks with the collected errors; on the last attempt the
invalid records are dropped with a warning instead, never emitted as sound.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, ClassVar, Literal

from instructor import OpenAISchema
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.json_schema import GenerateJsonSchema

from extractor.text.countries import country_in_text, country_names, to_alpha3
from extractor.text.dates import resolve_date
from extractor.text.grounding import folded_article, normalise_text
from extractor.text.quantities import number_forms, parse_count
from extractor.text.sentences import Sentence
from extractor.types.base import (
    ArmsItem,
    ArmsTransfer,
    CasualtyReport,
    Meeting,
    Record,
    RecordType,
    Visit,
    VisitLevel,
    name_words,
)
from extractor.types.parts import Actor, Count, DateValue, Money, Place, Sector, Status

StatusText = Literal["occurred", "ongoing", "planned", "alleged", "denied"]


class _CompactSchema(GenerateJsonSchema):
    """JSON Schema without titles: the schema is sent in the prompt, tokens cost time."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def generate(self, schema: Any, mode: Any = "validation") -> Any:
        result = super().generate(schema, mode=mode)
        _drop_titles(result)
        return result


def _drop_titles(node: Any) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):  # a schema title, not a property named "title"
            del node["title"]
        for value in node.values():
            _drop_titles(value)
    elif isinstance(node, list):
        for value in node:
            _drop_titles(value)


# Strings a model writes for "no value"; the grammar lets it write any string.
PLACEHOLDERS = frozenset(
    {"", "null", "none", "n/a", "na", "unknown", "not specified", "not stated", "unspecified", "-"}
)


class Draft(BaseModel):
    """Base of the model-facing classes."""

    # The error text goes back to the model in a re-ask: keep it to the point.
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, hide_input_in_errors=True)

    @field_validator("*", mode="before")
    @classmethod
    def _placeholder_is_null(cls, value: Any) -> Any:
        """Small models write "null" or "not specified" as a string: that is no value."""
        if isinstance(value, str) and value.strip().casefold() in PLACEHOLDERS:
            return None
        return value

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Compact, and built once per class: instructor asks for it on every request."""
        if args or kwargs:
            kwargs.setdefault("schema_generator", _CompactSchema)
            return super().model_json_schema(*args, **kwargs)
        key = _original(cls)
        cached = _SCHEMAS.get(key)
        if cached is None:
            schema = super().model_json_schema(schema_generator=_CompactSchema)
            cached = _SCHEMAS[key] = json.dumps(schema)
        # A fresh copy each time, because callers (instructor among them) edit
        # the schema they get; parsing JSON is several times faster than deepcopy.
        result: dict[str, Any] = json.loads(cached)
        return result


def _original(cls: type[BaseModel]) -> type[BaseModel]:
    """The class ``cls`` copies, if it is a copy made by instructor.

    instructor subclasses a response model that is not an ``OpenAISchema`` on
    every call. Keying a cache on those per-call subclasses grew it by one
    schema a request (1.9 GB after 20,000 documents); they add no fields, so
    the schema of the class they copy is theirs. ``DraftList`` derives from
    ``OpenAISchema`` so that no copy is made, but nested or third-party uses
    may still see one.
    """
    original = cls
    for parent in cls.__mro__[1:]:
        if (
            isinstance(parent, type)
            and issubclass(parent, BaseModel)
            and parent.__qualname__ == cls.__qualname__
            and parent.model_fields.keys() == cls.model_fields.keys()
        ):
            original = parent
    return original


_SCHEMAS: dict[type[BaseModel], str] = {}

# The validation context of the call in progress. instructor's own ``context``
# argument also renders every message as a Jinja template, which would let an
# article containing "{{" break (or rewrite) its own prompt; the context
# travels in this task-local variable instead.
RESOLVE_CONTEXT: ContextVar[dict[str, Any] | None] = ContextVar("extractor_resolve", default=None)


class PersonDraft(Draft):
    name: str = Field(description="name as written, without title")
    title: str | None = Field(description="office or rank, e.g. 'foreign minister'")
    country: str | None = Field(description="ISO alpha-3 code of the country the person represents")


class VisitDraft(Draft):
    visitors: list[PersonDraft]
    visitor_country: str | None = Field(description="ISO alpha-3 code of the visiting side")
    hosts: list[PersonDraft]
    host_country: str | None = Field(description="ISO alpha-3 code of the country visited")
    place: str | None = Field(description="city or site as written")
    date: str | None = Field(description="start date as written, e.g. 'on Tuesday', 'May 3'")
    end_date: str | None
    purpose: str | None
    status: StatusText
    attribution: str | None = Field(description="who reports it, e.g. 'state media'")
    evidence: list[int] = Field(description="numbers of the sentences that state it, e.g. [5]")


class MeetingDraft(Draft):
    participants: list[PersonDraft]
    countries: list[str] = Field(description="ISO alpha-3 codes of all sides")
    format: Literal["bilateral", "multilateral", "third_party", "virtual"] | None
    place: str | None
    date: str | None = Field(description="date as written")
    topics: list[str]
    status: StatusText
    attribution: str | None
    evidence: list[int] = Field(description="numbers of the sentences that state it, e.g. [5]")


class ItemDraft(Draft):
    designation: str = Field(description="weapon or equipment as written")
    category: (
        Literal[
            "aircraft", "air_defence", "armoured_vehicles", "artillery", "missiles",
            "naval_weapons", "sensors", "ships", "small_arms", "ammunition", "other",
        ]
        | None
    )  # fmt: skip
    quantity: int | None


class ArmsTransferDraft(Draft):
    supplier: str | None = Field(description="ISO alpha-3 code, or the group's name")
    recipient: str | None = Field(description="ISO alpha-3 code, or the group's name")
    items: list[ItemDraft]
    value: str | None = Field(description="price as written, e.g. '$267 million'")
    date: str | None = Field(description="date as written")
    deal_status: Literal["announced", "approved", "ordered", "delivered", "alleged"] | None
    transfer_type: Literal["sale", "aid", "licence", "second_hand"] | None
    status: StatusText
    attribution: str | None
    evidence: list[int] = Field(description="numbers of the sentences that state it, e.g. [5]")


class CasualtyDraft(Draft):
    killed: int | None
    injured: int | None
    qualifier: Literal["exact", "at_least", "about", "up_to"]
    victims: str | None
    perpetrator: str | None
    country: str | None = Field(description="ISO alpha-3 code")
    place: str | None
    date: str | None = Field(description="date as written")
    scope: Literal["event", "cumulative"]
    violence_type: Literal["state_based", "non_state", "one_sided"] | None
    status: StatusText
    attribution: str | None
    evidence: list[int] = Field(description="numbers of the sentences that state it, e.g. [5]")


# ---------------------------------------------------------------------------
# Resolution: drafts -> records


@dataclass
class ResolveState:
    """Mutable state shared by every attempt of one model call.

    instructor validates each attempt with the same context object, so this
    is how the validator knows whether it is looking at the last attempt.
    """

    max_reasks: int
    attempts: int = 0
    records: list[Record] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dropped: int = 0
    last_answer: str | None = None
    repeated: bool = False

    @property
    def final_attempt(self) -> bool:
        return self.attempts > self.max_reasks or self.repeated

    def seen_answer(self, answer: str) -> None:
        """Note an answer; the same answer twice means re-asking will not help.

        At temperature 0 a small model often repeats an invalid answer word for
        word; one more re-ask would cost a call and return it again.
        """
        self.repeated = answer == self.last_answer
        self.last_answer = answer


def _country_or_none(value: str | None) -> str | None:
    if value is None or not value.strip() or value.strip().lower() in ("null", "none", "unknown"):
        return None
    return to_alpha3(value)


def _party(value: str | None) -> Actor:
    if value is None or not value.strip():
        raise ValueError("supplier and recipient must be named (a country code or a group)")
    try:
        code = to_alpha3(value)
    except ValueError:
        return Actor(name=value)
    return Actor(name=value, country=code)


_LEVELS: tuple[tuple[str, VisitLevel], ...] = (
    ("prime minister", "head_of_government"),
    ("premier", "head_of_government"),
    ("chancellor", "head_of_government"),
    ("president", "head_of_state"),
    ("king", "head_of_state"),
    ("queen", "head_of_state"),
    ("amir", "head_of_state"),
    ("emir", "head_of_state"),
    ("minister", "ministerial"),
    ("secretary", "ministerial"),
    ("general", "military"),
    ("admiral", "military"),
    ("commander", "military"),
    ("senator", "parliamentary"),
    ("speaker", "parliamentary"),
    ("delegation", "delegation"),
)


def visit_level(titles: list[str]) -> VisitLevel | None:
    """The highest level among the visitors' titles (a deterministic coding rule)."""
    order: list[VisitLevel] = ["head_of_state", "head_of_government", "ministerial", "military",
                               "parliamentary", "delegation", "senior_official"]  # fmt: skip
    found: list[VisitLevel] = []
    for title in titles:
        low = title.lower()
        if "vice" in low or "deputy" in low:
            found.append("senior_official")
            continue
        for word, level in _LEVELS:
            if word in low:
                found.append(level)
                break
        else:
            found.append("senior_official")
    return order[min(order.index(level) for level in found)] if found else None


def _sector(title: str | None) -> Sector | None:
    if not title:
        return None
    low = title.lower()
    if any(w in low for w in ("general", "admiral", "colonel", "commander", "army", "military")):
        return Sector.MILITARY
    return Sector.GOVERNMENT


def _actors(people: list[PersonDraft], default_country: str | None) -> list[Actor]:
    actors = []
    for person in people:
        if not person.name.strip():
            continue
        country = _country_or_none(person.country) or default_country
        actors.append(
            Actor(
                name=person.name, title=person.title, country=country, sector=_sector(person.title)
            )
        )
    return actors


def _figure_text(quote: str, number: int) -> str | None:
    """The count phrase in the quote ("over 3,500"), to read its qualifier as written."""
    for form in sorted(number_forms(number), key=len, reverse=True):
        match = re.search(rf"(?<![\w,.]){re.escape(form)}(?![\w]|,\d)", quote, re.IGNORECASE)
        if match:
            head = quote[: match.start()].split()[-3:]
            return " ".join([*head, match.group(0)]).strip()
    return None


def _count(number: int | None, qualifier: str, quote: str) -> Count | None:
    if number is None:
        return None
    if number < 0:
        raise ValueError(f"count {number} is negative: give the number of people")
    text = _figure_text(quote, number)
    if text is not None:
        window = text
        for cut in range(len(text.split())):  # shortest phrase that still parses to the number
            phrase = " ".join(text.split()[cut:])
            parsed = parse_count(phrase)
            if parsed is not None and number in parsed[:3]:
                window = phrase
                if parsed[3] != "exact":
                    break
        parsed = parse_count(window)
        if parsed is not None and number in parsed[:3] and parsed[3] != "exact":
            low, best, high, found = parsed
            return Count(low=low, best=best, high=high, qualifier=found, text=window)
        qualifier = qualifier if parsed is None or parsed[3] == "exact" else parsed[3]
    low, best, high = {
        "at_least": (number, number, None),
        "about": (None, number, None),
        "up_to": (None, number, number),
    }.get(qualifier, (number, number, number))
    return Count(low=low, best=best, high=high, qualifier=qualifier, text=text)


def _evidence(numbers: list[int], context: dict[str, Any]) -> dict[str, Any]:
    """Quote and offsets of the cited sentences (joined with " ... " when apart)."""
    sentences: list[Sentence] = context.get("sentences") or []
    text = str(context.get("text", ""))
    if not numbers:
        raise ValueError(
            "evidence is empty: give the number of the sentence that states this event"
        )
    wanted = sorted(set(numbers))
    bad = [n for n in wanted if not 1 <= n <= len(sentences)]
    if bad:
        raise ValueError(
            f"evidence cites sentence {bad[0]}, but the article has sentences 1 to {len(sentences)}"
        )
    if len(wanted) > 3:
        raise ValueError(
            "evidence cites more than 3 sentences: cite the one or two that state the event"
        )
    picked = [sentences[n - 1] for n in wanted]
    pieces: list[str] = []
    for index, sentence in enumerate(picked):
        if index and sentence.number != picked[index - 1].number + 1:
            pieces.append(" ... ")
        elif index:
            pieces.append(text[picked[index - 1].end : sentence.start])
        pieces.append(text[sentence.start : sentence.end])
    return {"quote": "".join(pieces), "start": picked[0].start}


def draft_to_record(draft: Draft, context: dict[str, Any]) -> Record:
    """Resolve one draft into a validated record (raises ValueError / ValidationError).

    When the sentences the model cited do not carry the record's facts (the
    1.5B model often cites a neighbouring sentence), the article's sentences
    that do are tried instead: every fact must still be in the quote, so a
    record the article does not support still fails.
    """
    try:
        return _anchor(draft, context)
    except (ValueError, ValidationError) as error:
        if "does not contain the figure" not in str(error):
            raise
        # A figure no sentence carries ("dozens" coded as 40) is left empty when
        # the record keeps another figure that does: the rest is still sound.
        for name in _FIGURES.get(type(draft), ()):
            value = getattr(draft, name)
            others = [getattr(draft, n) for n in _FIGURES[type(draft)] if n != name]
            if value is None or all(o is None for o in others):
                continue
            try:
                record = _anchor(draft.model_copy(update={name: None}), context)
            except (ValueError, ValidationError):
                continue
            _warn(context, f"{name} {value} is in no sentence of the article: left empty")
            return record
        raise


def _warn(context: dict[str, Any], message: str, *, once: bool = False) -> None:
    """Add ``message`` to the warnings of the call in progress, if there is one."""
    state = context.get("state")
    if isinstance(state, ResolveState) and not (once and message in state.warnings):
        state.warnings.append(message)


# The figures of a draft that may be left empty when the article does not carry them.
_FIGURES: dict[type[Draft], tuple[str, ...]] = {CasualtyDraft: ("killed", "injured")}


def _anchor(draft: Draft, context: dict[str, Any]) -> Record:
    """Build with the cited evidence, else with the sentences that carry the draft's facts."""
    cited = list(getattr(draft, "evidence", []))
    try:
        return _build(draft, context, cited)
    except (ValueError, ValidationError) as error:
        if "evidence" not in str(error):
            raise
        for numbers in _candidate_evidence(draft, context):
            if numbers == sorted(set(cited)):
                continue
            try:
                record = _build(draft, context, numbers)
            except (ValueError, ValidationError):
                continue
            _warn(context, f"evidence re-anchored from sentences {cited} to {numbers}")
            return record
        raise


def _draft_terms(draft: Draft) -> tuple[set[str], set[str]]:
    """Names (people, countries, places) and figures a supporting sentence should carry."""
    names: set[str] = set()
    figures: set[str] = set()
    people: list[PersonDraft] = []
    codes: list[str | None] = []
    texts: list[str | None] = []
    if isinstance(draft, VisitDraft):
        people = [*draft.visitors, *draft.hosts]
        codes = [draft.visitor_country, draft.host_country]
        texts = [draft.place]
    elif isinstance(draft, MeetingDraft):
        people, codes, texts = list(draft.participants), list(draft.countries), [draft.place]
    elif isinstance(draft, ArmsTransferDraft):
        codes = texts = [draft.supplier, draft.recipient]
        if draft.value:
            figures.add(draft.value)
            money = Money.parse(draft.value)
            if money is not None:
                figures |= number_forms(money.amount)
    elif isinstance(draft, CasualtyDraft):
        codes, texts = [draft.country], [draft.place, draft.perpetrator]
        for number in (draft.killed, draft.injured):
            if number is not None:
                figures |= number_forms(number)
    for person in people:
        names.add(person.name)
        names |= name_words(person.name)
        codes.append(person.country)
    names.update(t for t in texts if t)
    for code in codes:
        if not code:
            continue
        try:
            names.update(country_names(to_alpha3(code)))
        except ValueError:
            continue
    return {n.casefold() for n in names if len(n) >= 3}, {f.casefold() for f in figures}


def _candidate_evidence(draft: Draft, context: dict[str, Any]) -> list[list[int]]:
    """Sentence numbers worth trying as evidence, best first (at most a handful)."""
    sentences: list[Sentence] = context.get("sentences") or []
    text = str(context.get("text", ""))
    names, figures = _draft_terms(draft)
    scored: list[tuple[float, int, bool]] = []
    for sentence in sentences:
        body = text[sentence.start : sentence.end].casefold()
        hits = sum(1 for n in names if n in body)
        has_figure = any(f in body for f in figures)
        score = hits + (3 if has_figure else 0)
        if score > 0:
            scored.append((score, sentence.number, has_figure))
    scored.sort(key=lambda s: (-s[0], s[1]))
    singles = [[number] for _, number, _ in scored[:5]]
    if not figures:
        return singles
    with_figure = [n for _, n, f in scored if f][:2]
    with_names = [n for _, n, f in scored if not f][:2]
    pairs = [sorted({a, b}) for a in with_names for b in with_figure]
    return singles + pairs


_ANY_DAY = date(2000, 1, 1)  # to tell whether a text is a date expression at all
_PREPOSITION = re.compile(r"^(?:on|in|at|since|from|during|by|earlier|late|early)\s+", re.I)


def _as_written(value: str | None, field: str, context: dict[str, Any]) -> str | None:
    """``value`` when the article contains it, else None (with a warning).

    Dates and places are asked for "as written". A small model that has none
    copies the prompt's own example ("May 3") or computes one; a value the
    article never states is dropped rather than let it pass as coded.
    """
    if value is None or not value.strip():
        return None
    folded = folded_article(context)
    candidate = normalise_text(value)
    if candidate in folded or normalise_text(_PREPOSITION.sub("", value)) in folded:
        return value
    # Once, though each evidence candidate rebuilds the record.
    _warn(context, f"{field} {value!r} is not in the article: left empty", once=True)
    return None


def _build(draft: Draft, context: dict[str, Any], cited: list[int]) -> Record:
    published = context.get("published")
    published = published if isinstance(published, date) else None
    evidence = _evidence(cited, context)
    quote = str(evidence["quote"])

    def when(text: str | None) -> DateValue | None:
        if text and published is not None and text.strip() == published.isoformat():
            return DateValue.resolve(text, published)  # the dateline's date, as a code
        return DateValue.resolve(_as_written(text, "date", context), published)

    def place(text: str | None, country: str | None = None) -> Place | None:
        text = _as_written(text, "place", context)
        if not text or resolve_date(text, published or _ANY_DAY).kind != "unresolved":
            return None  # "today" is not a place
        return Place(text=text, country=country or country_in_text(text))

    common: dict[str, Any] = {"evidence": evidence}
    if isinstance(draft, VisitDraft | MeetingDraft | ArmsTransferDraft | CasualtyDraft):
        common["status"] = Status(draft.status)
        common["attribution"] = draft.attribution
    if isinstance(draft, VisitDraft):
        visitor_country = _country_or_none(draft.visitor_country)
        host_country = _country_or_none(draft.host_country)
        visitors = _actors(draft.visitors, visitor_country)
        if visitor_country is None and visitors and visitors[0].country:
            visitor_country = visitors[0].country
        data: dict[str, Any] = {
            "visitors": visitors,
            "visitor_country": visitor_country,
            "hosts": _actors(draft.hosts, host_country),
            "host_country": host_country,
            "place": place(draft.place, host_country),
            "start": when(draft.date),
            "end": when(draft.end_date),
            "purpose": draft.purpose,
            "level": visit_level([p.title for p in draft.visitors if p.title]),
        }
        return Visit.model_validate({**common, **data}, context=context)
    if isinstance(draft, MeetingDraft):
        participants = _actors(draft.participants, None)
        countries = [c for c in (_country_or_none(x) for x in draft.countries) if c]
        countries += [a.country for a in participants if a.country and a.country not in countries]
        data = {
            "participants": participants,
            "countries": countries,
            "format": draft.format or ("bilateral" if len(set(countries)) == 2 else None),
            "place": place(draft.place),
            "date": when(draft.date),
            "topics": draft.topics,
        }
        return Meeting.model_validate({**common, **data}, context=context)
    if isinstance(draft, ArmsTransferDraft):
        when_value = when(draft.date)
        delivered = draft.deal_status == "delivered"
        value = Money.parse(draft.value) if draft.value else None
        items = [
            ArmsItem(designation=i.designation, category=i.category, quantity=i.quantity)
            for i in draft.items
            if i.designation.strip()
        ]
        data = {
            "supplier": _party(draft.supplier),
            "recipient": _party(draft.recipient),
            "items": items,
            "value": value,
            "delivery_date": when_value if delivered else None,
            "order_date": None if delivered else when_value,
            "deal_status": draft.deal_status,
            "transfer_type": draft.transfer_type,
        }
        if draft.deal_status == "alleged":
            common["status"] = Status.ALLEGED
        return ArmsTransfer.model_validate({**common, **data}, context=context)
    if isinstance(draft, CasualtyDraft):
        country = _country_or_none(draft.country)
        data = {
            "killed": _count(draft.killed, draft.qualifier, quote),
            "injured": _count(draft.injured, draft.qualifier, quote),
            "victims": draft.victims,
            "perpetrator": Actor(name=draft.perpetrator) if draft.perpetrator else None,
            "country": country,
            "place": place(draft.place, country),
            "date": when(draft.date),
            "scope": draft.scope,
            "violence_type": draft.violence_type,
        }
        return CasualtyReport.model_validate({**common, **data}, context=context)
    raise TypeError(f"not a draft: {type(draft).__name__}")


def _messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        out = []
        for item in error.errors(include_url=False):
            where = ".".join(str(p) for p in item["loc"])
            message = str(item["msg"]).removeprefix("Value error, ")
            out.append(f"{where}: {message}" if where else message)
        return out
    return [str(error)]


class DraftList(Draft, OpenAISchema):
    """Base of the answers: one or more lists of drafts, resolved on validation.

    Deriving from instructor's ``OpenAISchema`` stops instructor from building
    a new pydantic subclass of the response model on every request (about
    3 ms of CPU each, a fifth of the client's cost per document in bulk runs).
    """

    list_fields: ClassVar[dict[str, RecordType]] = {}
    _records: list[Record] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _resolve(self, info: Any) -> DraftList:
        context = info.context if isinstance(info.context, dict) else RESOLVE_CONTEXT.get()
        if context is None or "text" not in context:
            return self
        state: ResolveState | None = context.get("state")
        if state is not None:
            state.seen_answer(self.model_dump_json())
        problems: list[str] = []
        records: list[Record] = []
        seen: set[str] = set()
        for name in self.list_fields:
            for index, draft in enumerate(getattr(self, name)):
                try:
                    record = draft_to_record(draft, context)
                except (ValueError, ValidationError) as error:
                    problems.extend(f"{name}[{index}]: {m}" for m in _messages(error))
                    continue
                if record.id in seen:
                    continue  # small models repeat records; one is enough
                seen.add(record.id)
                records.append(record)
        if problems and (state is None or not state.final_attempt):
            raise ValueError(
                "Some records are invalid. Fix each listed record, or remove it if the article "
                "does not support it:\n- " + "\n- ".join(problems)
            )
        if state is not None:
            state.dropped += len({p.split(":")[0] for p in problems})
            state.warnings.extend(f"dropped {p}" for p in problems)
        self._records = records
        return self

    @property
    def records(self) -> list[Record]:
        return list(self._records)


class AllTypes(DraftList):
    """The single-call answer: every type at once."""

    list_fields: ClassVar[dict[str, RecordType]] = {
        "visits": "visit",
        "meetings": "meeting",
        "arms_transfers": "arms_transfer",
        "casualty_reports": "casualty_report",
    }
    visits: list[VisitDraft]
    meetings: list[MeetingDraft]
    arms_transfers: list[ArmsTransferDraft]
    casualty_reports: list[CasualtyDraft]


class Visits(DraftList):
    list_fields: ClassVar[dict[str, RecordType]] = {"visits": "visit"}
    visits: list[VisitDraft]


class Meetings(DraftList):
    list_fields: ClassVar[dict[str, RecordType]] = {"meetings": "meeting"}
    meetings: list[MeetingDraft]


class ArmsTransfers(DraftList):
    list_fields: ClassVar[dict[str, RecordType]] = {"arms_transfers": "arms_transfer"}
    arms_transfers: list[ArmsTransferDraft]


class CasualtyReports(DraftList):
    list_fields: ClassVar[dict[str, RecordType]] = {"casualty_reports": "casualty_report"}
    casualty_reports: list[CasualtyDraft]


PER_TYPE: dict[RecordType, type[DraftList]] = {
    "visit": Visits,
    "meeting": Meetings,
    "arms_transfer": ArmsTransfers,
    "casualty_report": CasualtyReports,
}


@cache
def answer_model(kinds: tuple[RecordType, ...]) -> type[DraftList]:
    """The answer to one call about ``kinds``: their lists, and no others.

    Offering a small model a list for a type the text cannot contain invites
    it to fill that list; the single strategy asks only for the types the
    lexical screen lets through. Built once per combination, so instructor and
    the schema cache see the same class every time.
    """
    if set(kinds) == set(AllTypes.list_fields.values()):
        return AllTypes
    if len(kinds) == 1:
        return PER_TYPE[kinds[0]]
    annotations: dict[str, Any] = {"list_fields": ClassVar[dict[str, RecordType]]}
    list_fields: dict[str, RecordType] = {}
    for kind in kinds:
        model = PER_TYPE[kind]
        (name,) = model.list_fields
        annotations[name] = model.model_fields[name].annotation
        list_fields[name] = kind
    namespace = {"__annotations__": annotations, "__module__": __name__,
                 "list_fields": list_fields}  # fmt: skip
    title = "".join(PER_TYPE[kind].__name__ for kind in kinds)
    return type(title, (DraftList,), namespace)


# ---------------------------------------------------------------------------
# What the server is sent


@cache
def grammar_schema(model: type[Draft]) -> dict[str, Any]:
    """The full JSON Schema, for servers that turn it into a decoding grammar.

    Cached (see :meth:`Draft.model_json_schema`): building a schema is most of
    the client's CPU per request otherwise.
    """
    return model.model_json_schema()
