"""Defaults for a user's record type: everything derived from the ``Record`` subclass.

A user writes only the record::

    class Protest(extractor.Record):
        '''People gather publicly to demand or oppose something (ACLED: Protests).'''

        type: Literal["protest"] = "protest"
        organisers: list[Actor] = Field(default_factory=list, description="who called it")
        country: CountryCode | None = None
        place: Place | None = None
        date: DateValue | None = None
        participants: Count | None = Field(None, description="how many took part")

and may add, as class attributes, ``guidance`` (prompt text), ``examples``
(invented sentences with their reading) and ``cue_words`` (regex fragments
for the lexical gate). From that, :func:`generic_spec` derives what the built-in
types spell out by hand:

* the draft: the same fields, each required but nullable, with parts a small
  model can fill (an actor as a name, a date or place or price as written, a
  count as an integer, a country as a code), then status, attribution and
  the evidence sentence numbers;
* the builder: dates resolved against the publication date, places and dates
  kept only when the article states them, counts read with their qualifier;
* the terms that tie a record to a sentence (names, places, figures), checked
  in the quote like any other record's;
* no lexical gate unless ``cue_words`` is given;
* table columns (a date as value, precision and text; a count as low, best,
  high; a list joined), a terminal table, and gold-format fields scored by kind.
"""

from __future__ import annotations

import enum
import types as pytypes
import uuid
from collections.abc import Mapping
from typing import Annotated, Any, ForwardRef, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field, TypeAdapter, create_model
from pydantic.fields import FieldInfo
from pydantic_core import to_jsonable_python

from extractor.errors import RecordTypeError
from extractor.text.cues import cue_pattern
from extractor.text.titles import name_words
from extractor.types import columns as col
from extractor.types.base import Record
from extractor.types.drafting import (
    EVIDENCE_DESCRIPTION,
    Builder,
    Draft,
    PersonDraft,
    StatusText,
    draft_terms,
    figure_forms,
)
from extractor.types.goldspec import FieldKind as K
from extractor.types.goldspec import code_or_name, count_dict, gold_count, gold_date, gold_party
from extractor.types.parts import Actor, Count, DateValue, Money, Place, holds_country
from extractor.types.registry import GoldSpec, RecordSpec

#: Fields every record has; the draft carries status, attribution and evidence itself.
_BASE_FIELDS = frozenset({"id", "doc_id", "status", "attribution", "evidence", "type"})

Shape = Literal["actor", "actors", "place", "date", "money", "count", "country", "countries",
                "texts", "int", "float", "bool", "enum", "text"]  # fmt: skip


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, pytypes.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _bare(annotation: Any) -> Any:
    """``annotation`` without its ``Annotated[...]`` wrappers and ``| None``, however nested.

    Pydantic moves only a field's outermost ``Annotated`` into its ``FieldInfo``: an
    ``Annotated[Count, Field(description=...)] | None`` or a ``list[Annotated[Actor, ...]]``
    kept the wrapper, so the part was not recognised: the draft asked for a whole
    ``Count`` object (every answer that wrote a number failed after three re-asks) and
    ``list[Annotated[Actor, ...]]`` was refused as a list of strings.
    """
    while True:
        bare = _strip_optional(_unwrap(annotation))
        if bare is annotation:
            return bare
        annotation = bare


def _list_item(annotation: Any) -> Any:
    """The bare item type of a list field (``str`` for a bare ``list``)."""
    (item,) = get_args(_bare(annotation)) or (str,)
    return _bare(item)


def shape(info: FieldInfo) -> Shape:
    """How a record field is asked for, built, tabled and scored."""
    full = info.rebuild_annotation()
    inner = _bare(info.annotation)
    if get_origin(inner) is list:
        item = _list_item(inner)
        if item is Actor:
            return "actors"
        return "countries" if holds_country(full) else "texts"
    if holds_country(full):
        return "country"
    if get_origin(inner) is Literal:
        return "enum"
    simple: dict[Any, Shape] = {Actor: "actor", Place: "place", DateValue: "date",
                                Money: "money", Count: "count", bool: "bool", int: "int",
                                float: "float"}  # fmt: skip
    return simple.get(inner, "text")


def field_shapes(record: type[Record]) -> dict[str, Shape]:
    """The shape of each of a record's own fields (the base fields excluded), in order."""
    return {n: shape(i) for n, i in record.model_fields.items() if n not in _BASE_FIELDS}


_AS_WRITTEN = {
    "actor": "name as written (a person, group or state)",
    "place": "city or site as written",
    "date": "date as written, e.g. 'on Tuesday'",
    "money": "amount as written, e.g. '$5 million'",
    "count": "number, the most conservative the article gives",
    "country": "ISO alpha-3 code",
    "countries": "ISO alpha-3 codes",
}


def _draft_field(name: str, info: FieldInfo) -> tuple[Any, Any]:
    kind = shape(info)
    description = info.description or _AS_WRITTEN.get(kind)
    annotation: Any = {
        "actor": str | None, "actors": list[PersonDraft], "place": str | None,
        "date": str | None, "money": str | None, "count": int | None,
        "country": str | None, "countries": list[str], "texts": list[str],
    }.get(kind)  # fmt: skip
    if kind == "texts" and (item := _list_item(info.annotation)) is not str:
        # asked as the items they are: a schema of strings named no allowed value and held
        # no number, so ``list[Literal[1, 2]]`` (a "1" is no 1) dropped every record
        annotation = list[item]  # type: ignore[valid-type]
    if annotation is None:
        annotation = _strip_optional(info.annotation) | None
    return annotation, Field(description=description)


#: What a model's JSON answer can hold, as the draft is validated (strictly: instructor's
#: ``strict=True``): a string is no ``date``, ``Decimal`` or ``bytes``, a list no ``tuple``
#: or ``set``; such a field failed the answer of every document that had a record.
_JSON_LEAVES = (str, int, float, bool, type(None), uuid.UUID)
#: What an item of a list of plain values may be: the draft asks for a list of them
#: (:func:`_draft_field`; strings for ``str``) and the record reads each as its item type.
_TEXT_ITEMS = (str, int, float, bool, uuid.UUID)


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _json_problem(annotation: Any, seen: frozenset[type] = frozenset()) -> str | None:
    """Why a model's JSON answer cannot fill ``annotation`` (None: it can)."""
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if isinstance(annotation, ForwardRef | str):
        written = getattr(annotation, "__forward_arg__", annotation)
        return f"its type {written!r} is not defined where the class is (define or import it first)"
    if annotation in (Any, object) or annotation in _JSON_LEAVES:
        return None
    if origin is Literal:
        bad = [v for v in get_args(annotation) if not isinstance(v, str | int | float | bool)]
        return f"the literal value {bad[0]!r} is no JSON value" if bad else None
    if origin in (Union, pytypes.UnionType):
        problems = [_json_problem(arg, seen) for arg in get_args(annotation)]
        return next((p for p in problems if p), None)
    if origin is list:
        (item,) = get_args(annotation) or (Any,)
        return _json_problem(item, seen)
    if origin is dict:
        key, value = get_args(annotation) or (str, Any)
        if _unwrap(key) is not str:
            return f"a JSON object's keys are strings, not {_named(key)}"
        return _json_problem(value, seen)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        bad = [m for m in annotation if not isinstance(m.value, str | int | float | bool)]
        return f"{annotation.__name__}.{bad[0].name} has no JSON value" if bad else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return None
        for info in annotation.model_fields.values():
            problem = _json_problem(info.annotation, seen | {annotation})
            if problem:
                return problem
        return None
    return f"a JSON answer holds no {_named(annotation)}"


def _named(annotation: Any) -> str:
    return getattr(annotation, "__name__", None) or str(annotation).replace("typing.", "")


def asked(record: type[Record], name: str, info: FieldInfo) -> str:
    """How the model is asked for a user's field (``"text"``, ``"list of names"`` ...), or a
    :class:`~extractor.errors.RecordTypeError` naming the field when it cannot be.

    The draft asks for each field in a form a small model writes in JSON (a name, a date
    as written, a list of strings) and the builder makes the record's value of it. A
    field outside those forms failed late and far from its cause: a ``list[Place]``
    asked as strings dropped every record of the type on every document, a ``date`` or
    ``tuple`` failed each document's whole answer after three re-asks, a ``Callable``
    raised from inside pydantic's schema generation on the first call.
    """
    kind = shape(info)

    def refuse(problem: str, instead: str) -> RecordTypeError:
        return RecordTypeError(
            f"record type {record.record_type!r} ({record.__module__}.{record.__qualname__}) "
            f"field {name!r}: {problem}: {instead}",
            record_type=record.record_type,
            field=name,
        )

    if info.alias is not None or info.validation_alias is not None:
        raise refuse(
            "it has an alias, and the built record is filled by field name",
            "drop the alias (name the field as you want it written)",
        )
    if kind == "texts":
        item = _list_item(info.annotation)
        plain = (
            item in _TEXT_ITEMS
            or get_origin(item) is Literal
            or (isinstance(item, type) and issubclass(item, enum.Enum))
        )
        if not plain:
            raise refuse(
                f"the model is asked for a list of plain values, which cannot be {_named(item)}s",
                "use list[str] (list[Actor] for people and groups), or one value per field",
            )
        return "list of strings" if item is str else f"list of {_named(item)}"
    if kind in _AS_WRITTEN or kind == "actors":
        return _AS_WRITTEN.get(kind, "list of names")
    annotation, _ = _draft_field(name, info)
    problem = _json_problem(annotation)
    if problem is None:
        try:
            TypeAdapter(annotation).json_schema()
        except Exception as error:  # pydantic's own words for a type it cannot describe
            problem = f"it has no JSON Schema ({str(error).splitlines()[0]})"
    if problem:
        raise refuse(
            problem,
            "use str (a date or amount as written), int, float, bool, a Literal, a list or "
            "one of extractor's parts (Actor, Place, DateValue, Count, Money)",
        )
    return kind


def check_fields(record: type[Record]) -> dict[str, str]:
    """Each of a user type's own fields and how the model is asked for it; a
    :class:`~extractor.errors.RecordTypeError` for the first that cannot be asked for.

    Also refused: a field every record shares (``status``, ``evidence``, ``id`` ...)
    declared again: the draft asks for the shared one and the checks read it as theirs,
    so a ``status: str`` failed every answer, and an ``evidence: str`` every record.
    """
    for name in sorted(_BASE_FIELDS - {"type"}):
        info, base = record.model_fields.get(name), Record.model_fields[name]
        if info is None or (info.annotation, info.default) != (base.annotation, base.default):
            raise RecordTypeError(
                f"record type {record.record_type!r} ({record.__module__}."
                f"{record.__qualname__}) field {name!r}: every record has this field, and "
                f"the pipeline fills it itself: name yours otherwise "
                f"(for example {record.record_type}_{name})",
                record_type=record.record_type,
                field=name,
            )
    return {
        name: asked(record, name, info)
        for name, info in record.model_fields.items()
        if name not in _BASE_FIELDS
    }


def _draft_model(record: type[Record]) -> type[Draft]:
    fields: dict[str, Any] = {
        name: _draft_field(name, info)
        for name, info in record.model_fields.items()
        if name not in _BASE_FIELDS
    }
    fields["status"] = (StatusText, ...)
    fields["attribution"] = (str | None, Field(description="who reports it, e.g. 'state media'"))
    fields["evidence"] = (list[int], Field(description=EVIDENCE_DESCRIPTION))
    model: type[Draft] = create_model(
        f"{record.__name__}Draft", __base__=Draft, __module__=record.__module__, **fields
    )
    return model


def _builder(record: type[Record]) -> Any:
    shapes = field_shapes(record)

    def build(draft: Any, make: Builder) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, kind in shapes.items():
            value = getattr(draft, name)
            if kind == "actor":
                value = make.party(value) if value else None
            elif kind == "actors":
                value = make.actors(value or [], None)
            elif kind == "place":
                value = make.place(value)
            elif kind == "date":
                value = make.when(value)
            elif kind == "money":
                value = make.money(value)
            elif kind == "count":
                value = make.count(value, "exact")
            elif kind == "country":
                value = make.country(value)
            elif kind == "countries":
                value = [c for c in (make.country(v) for v in value or []) if c]
            if value is None and not record.model_fields[name].is_required():
                continue  # leave the record's default
            data[name] = value
        return data

    return build


def _terms(record: type[Record]) -> Any:
    shapes = field_shapes(record)

    def terms(draft: Any) -> tuple[set[str], set[str]]:
        names: set[str] = set()
        codes: list[str | None] = []
        texts: list[str | None] = []
        figures: set[str] = set()
        for name, kind in shapes.items():
            value = getattr(draft, name)
            if value is None:
                continue
            if kind in ("actor", "place"):
                texts.append(value)
                names |= name_words(value)
            elif kind == "actors":
                for person in value:
                    names.add(person.name)
                    names |= name_words(person.name)
                    codes.append(person.country)
            elif kind == "country":
                codes.append(value)
            elif kind == "countries":
                codes.extend(value)
            elif kind == "count":
                figures |= figure_forms(value)
            elif kind == "money":
                figures.add(value)
        return draft_terms(names, codes, texts, figures)

    return terms


def _columns(record: type[Record]) -> tuple[col.Column, ...]:
    out: list[col.Column] = []
    for name, info in record.model_fields.items():
        if name in _BASE_FIELDS:
            continue
        kind = shape(info)
        if kind == "actor":
            out += [col.Column(name, "str", col.actor_name(name)),
                    col.Column(f"{name}_country", "str", col.field_of(name, "country"))]  # fmt: skip
        elif kind == "actors":
            out.append(col.Column(name, "list", col.actor_names(name)))
        elif kind == "place":
            out += [col.Column(name, "str", col.field_of(name, "text")),
                    col.Column(f"{name}_country", "str", col.field_of(name, "country"))]  # fmt: skip
        elif kind == "date":
            out += col.date_columns(name)
        elif kind == "count":
            out += col.count_columns(name)
        elif kind == "money":
            out += [col.Column(f"{name}_amount", "float", col.field_of(name, "amount")),
                    col.Column(f"{name}_currency", "str", col.field_of(name, "currency")),
                    col.Column(f"{name}_text", "str", col.field_of(name, "text"))]  # fmt: skip
        elif kind in ("countries", "texts"):
            out.append(col.Column(name, "list", col.listed(name)))
        elif kind in ("int", "float", "bool"):
            out.append(col.Column(name, kind, col.field_of(name)))
        else:
            out.append(col.Column(name, "str", col.field_of(name)))
    return tuple(out)


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, DateValue):
        return col.show_date(value)
    if isinstance(value, Count):
        return col.show_count(value)
    if isinstance(value, Actor):
        return value.display_name
    if isinstance(value, Place):
        return value.text
    if isinstance(value, Money):
        return f"{value.amount:,} {value.currency}"
    if isinstance(value, list):
        return col.SEPARATOR.join(_show(v) for v in value)
    return str(getattr(value, "value", value))


def _table(record: type[Record]) -> tuple[tuple[str, Any], ...]:
    names = [n for n in record.model_fields if n not in _BASE_FIELDS][:5]
    return (*((n, lambda r, n=n: _show(getattr(r, n))) for n in names),
            ("status", lambda r: r.status.value))  # fmt: skip


_GOLD_KIND = {"actor": K.ACTOR, "actors": K.NAMES, "place": K.TEXT, "date": K.DATE,
              "money": K.MONEY, "count": K.COUNT, "country": K.COUNTRY,
              "countries": K.COUNTRY_SET, "texts": K.ITEMS, "int": K.QUANTITY,
              "float": K.QUANTITY, "bool": K.ENUM, "enum": K.ENUM, "text": K.TEXT}  # fmt: skip


def _gold(record: type[Record]) -> GoldSpec:
    shapes = field_shapes(record)
    enums = {
        name: frozenset(str(v) for v in get_args(_bare(record.model_fields[name].annotation)))
        for name, kind in shapes.items()
        if kind == "enum"
    }
    enums.update({name: frozenset({"True", "False"}) for name, k in shapes.items() if k == "bool"})

    def to_gold(item: Record) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, kind in shapes.items():
            value = getattr(item, name)
            if value is None:
                out[name] = None
            elif kind == "actor":
                out[name] = code_or_name(value)
            elif kind == "actors":
                out[name] = [a.name for a in value]
            elif kind == "place":
                out[name] = value.text
            elif kind == "date":
                out[name] = value.value
            elif kind == "money":
                out[name] = {"amount": float(value.amount), "currency": value.currency}
            elif kind == "count":
                out[name] = count_dict(value)
            elif kind == "bool":
                out[name] = str(value)
            else:
                # the gold format is JSON: an Enum, UUID or nested model as JSON writes it
                # (a ``Colour.red`` was no "red", and failed writing the predictions)
                out[name] = to_jsonable_python(value)
        counts = [getattr(item, n) for n, k in shapes.items() if k == "count"]
        if any(c is not None for c in counts) and "qualifier" not in out:
            out["qualifier"] = next(c for c in counts if c is not None).qualifier
        return out

    def from_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, kind in shapes.items():
            value = gold.get(name)
            if value is None:
                continue
            if kind == "actor":
                data[name] = gold_party(value)
            elif kind == "actors":
                data[name] = [Actor(name=n) for n in value]
            elif kind == "place":
                data[name] = Place(text=value)
            elif kind == "date":
                data[name] = gold_date(value)
            elif kind == "money":
                data[name] = Money(amount=value["amount"], currency=value["currency"])
            elif kind == "count":
                data[name] = gold_count(value, gold.get("qualifier"))
            elif kind == "bool":
                data[name] = value == "True"
            else:
                data[name] = value
        return data

    return GoldSpec(
        fields={name: _GOLD_KIND[kind] for name, kind in shapes.items()},
        enums=enums,
        to_gold=to_gold,
        from_gold=from_gold,
        matchable=None,  # the scorer's generic rule: some field with a gold value agrees
        strict=tuple(
            n for n, k in shapes.items() if k in ("actor", "country", "countries", "count")
        ),
    )


def _guidance(record: type[Record]) -> str:
    text = record.guidance
    if not text or not text.strip():
        doc = (record.__doc__ or "").strip().split("\n\n")[0]
        text = " ".join(doc.split()) or f"one record per {record.record_type} the article reports."
    lines = [text.strip()]
    for name, info in record.model_fields.items():
        if name not in _BASE_FIELDS and info.description:
            lines.append(f"- {name}: {info.description}")
    return "\n".join(lines)


def generic_spec(record: type[Record]) -> RecordSpec:
    """The spec of a user's ``Record`` subclass, with every part derived from its fields."""
    check_fields(record)
    plural = record.plural or f"{record.record_type}s"
    label = plural.replace("_", " ")
    words = record.cue_words
    examples = record.examples
    shapes = field_shapes(record)
    return RecordSpec(
        record=record,
        draft=_draft_model(record),
        build=_builder(record),
        terms=_terms(record),
        plural=plural,
        label=label,
        cues={"*": cue_pattern(words, "*")} if words else None,
        # a count or an amount no sentence carries is left empty, as the built-ins' are
        optional_figures=tuple(n for n, k in shapes.items() if k in ("count", "money")),
        guidance=_guidance(record),
        examples=tuple(str(e) for e in examples) if isinstance(examples, list | tuple) else (),
        columns=_columns(record),
        table=_table(record),
        gold=_gold(record),
    )
