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
import json
import math
import re
import types as pytypes
import uuid
from collections.abc import Callable, Iterable, Mapping
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
    limits: dict[str, Any] = {}
    if annotation is None and (kind != "text" or _bare(info.annotation) is str):
        # a plain value: asked bare, its limits only told (see _limits)
        annotation = _bare(info.annotation) | None
    if annotation is None:
        annotation = _strip_optional(info.annotation) | None
    if kind in _LIMITED:
        limits = _limits(info)
    said = [_SAID[k].format(v) for k, v in limits.items() if k in _SAID]
    said += [_SAID[k].format(v).replace("it", "each", 1) for k, v in limits.get("items", {}).items()
             if k in _SAID]  # fmt: skip
    if said:  # words no schema of every server takes: in the description
        description = "; ".join([description or "", *said]).strip("; ")
    limits = {k: v for k, v in limits.items() if k not in _SAID}
    if isinstance(limits.get("items"), dict):
        limits["items"] = {k: v for k, v in limits["items"].items() if k not in _SAID}
        if not limits["items"]:
            del limits["items"]
    if not limits:
        return annotation, Field(description=description)
    return annotation, Field(description=description, json_schema_extra=_told(limits))


#: The shapes whose value the draft carries as the record does (not as a part's text).
_LIMITED = frozenset({"int", "float", "bool", "enum", "text", "texts"})
#: Limits said in the description: OpenAI's strict structured outputs refuse a schema with
#: ``minLength``, ``maxLength`` or ``uniqueItems`` (a 400 for every document), and a
#: ``pattern`` is a Python regex that JSON Schema's ECMA dialect and a decoding grammar
#: may read otherwise. Numbers' and lists' bounds go into the schema.
_SAID = {
    "minLength": "it has at least {} characters",
    "maxLength": "it has at most {} characters",
    "pattern": "it matches the regular expression {}",
    "uniqueItems": "no value twice",
}
#: The JSON Schema words of a field's limits (``Field(ge=0, max_length=3, pattern=...)``).
_LIMIT_WORDS = frozenset({
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
})  # fmt: skip


def _not_null(node: Any) -> Any:
    while isinstance(node, dict) and "anyOf" in node:
        kept = [n for n in node["anyOf"] if not (isinstance(n, dict) and n.get("type") == "null")]
        if len(kept) != 1:
            break
        node = kept[0]
    return node


def _limits(info: FieldInfo) -> dict[str, Any]:
    """A plain field's limits (``ge``, ``max_length``, ``pattern`` ...; on the field or on
    an inner ``Annotated``), as JSON Schema words, to tell the model.

    They are told, not enforced, by the draft: a ``Field(ge=0, le=10)`` was not in the
    schema (the model wrote 50, and the record was dropped after three re-asks), and an
    inner ``Annotated[int, Field(gt=100)]`` was kept in the draft, where a value outside
    it failed the whole answer (every record of every type of the document) after three
    re-asks. The record checks them, as any validator: the record is re-asked, then
    dropped with a warning.
    """
    try:
        node = _not_null(TypeAdapter(info.rebuild_annotation()).json_schema())
    except Exception:  # no schema, no limits to tell (asked() refuses it)
        return {}
    if not isinstance(node, dict):
        return {}
    found = {k: v for k, v in node.items() if k in _LIMIT_WORDS}
    items = _not_null(node.get("items"))
    if isinstance(items, dict) and (inner := {k: v for k, v in items.items() if k in _LIMIT_WORDS}):
        found["items"] = inner
    return found


def _told(limits: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """Put ``limits`` into a draft field's schema: on its value, not beside its ``null``."""

    def put(schema: dict[str, Any]) -> None:
        node = _not_null(schema)
        node = node if isinstance(node, dict) else schema
        inner = limits.get("items")
        node.update({k: v for k, v in limits.items() if k != "items"})
        if isinstance(inner, dict) and isinstance(node.get("items"), dict):
            _not_null(node["items"]).update(inner)

    return put


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
        bad = [
            v for v in get_args(annotation) if not isinstance(v, str | int | float | bool | None)
        ]
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


#: The parts the draft asks for flat and the builder and checks read (only as a field's
#: whole type, ``| None`` or in ``Annotated``; ``Actor`` in a list too).
_PARTS = (Actor, Place, DateValue, Money, Count)


def _part_inside(annotation: Any, seen: frozenset[Any] = frozenset()) -> type | None:
    """The first part held inside ``annotation`` where it is not asked for as a part.

    A union of two parts (``Count | Money``), a part beside another type (``Actor | str``),
    in a dict or in a model of the user's was asked for whole: a ``Count | Money`` was
    refused for a ``Decimal`` the user never wrote, and an ``Actor | str`` took any name,
    its person never looked for in the article, a nested ``Count`` any figure."""
    bare = _bare(annotation)
    if bare in _PARTS and not seen:
        return None  # the field's own part
    if get_origin(bare) is list and not seen and _list_item(bare) is Actor:
        return None
    if isinstance(bare, type) and issubclass(bare, _PARTS):
        return bare
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        if bare in seen:
            return None
        for info in bare.model_fields.values():
            found = _part_inside(info.annotation, seen | {bare})
            if found is not None:
                return found
        return None
    for arg in get_args(bare):
        if arg is not type(None) and not isinstance(arg, str | int | float | bool | bytes):
            found = _part_inside(arg, seen | {object})
            if found is not None:
                return found
    return None


def _named(annotation: Any) -> str:
    """How a user wrote ``annotation`` (``Count | Money | None``, not its modules' paths)."""
    if get_origin(annotation) is None and isinstance(getattr(annotation, "__name__", None), str):
        return str(annotation.__name__)
    return re.sub(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_])", "", str(annotation))


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
    if info.exclude or getattr(info, "exclude_if", None) is not None:
        raise refuse(
            "it is left out of the record's JSON (exclude), so what the model is asked for "
            "would be in no result line, table or saved prediction",
            "drop exclude (a value only your code uses is a property or a PrivateAttr)",
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
    part = _part_inside(info.annotation)
    if part is not None:
        raise refuse(
            f"it holds the part {part.__name__} inside {_named(_bare(info.annotation))}, which "
            "the model would fill whole, its names and figures never checked against the "
            "article",
            f"give the {part.__name__} a field of its own ({part.__name__} | None), or use str",
        )
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
    _rebuilt(record)
    where = f"{record.record_type!r} ({record.__module__}.{record.__qualname__})"
    if record.model_config.get("frozen"):
        raise RecordTypeError(
            f"record type {where} is frozen (model_config frozen=True): the pipeline gives "
            "each record its document id and its id after validating it, so every record "
            "would be dropped: drop frozen=True",
            record_type=record.record_type,
        )
    if record.model_config.get("alias_generator") is not None:
        raise RecordTypeError(
            f"record type {where} has an alias_generator (model_config): the built record is "
            "filled by field name, and every field would have an alias, the shared ones too: "
            "drop the alias_generator (name the fields as you want them written)",
            record_type=record.record_type,
        )
    for name in sorted(_BASE_FIELDS - {"type"}):
        info, base = record.model_fields.get(name), Record.model_fields[name]
        if info is None or _declared(info) != _declared(base):
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


def _declared(info: FieldInfo) -> tuple[Any, ...]:
    """What a shared field's declaration changes: ``doc_id: str | None = Field(None,
    frozen=True)`` kept the annotation and default, passed, and dropped every record (the
    pipeline sets ``doc_id`` and ``id`` after validation)."""
    return (info.annotation, info.default, info.default_factory, info.frozen, info.exclude,
            info.alias, info.validation_alias, info.serialization_alias,
            tuple(map(repr, info.metadata)))  # fmt: skip


def _rebuilt(record: type[Record]) -> None:
    """Resolve the forward references of a class whose fields name a class defined after it
    in its module (``later: Later | None`` under ``from __future__ import annotations``).

    Pydantic resolves them on first use; a type registered once its module is imported was
    refused as naming a type "not defined where the class is" though it is. Resolved in the
    module's own namespace only, never in the caller's (a local ``name`` or ``spec`` here
    must not stand for the user's). What stays unresolved is refused by :func:`asked`."""
    if getattr(record, "__pydantic_complete__", True):
        return
    try:
        record.model_rebuild(raise_errors=False, _types_namespace={})
    except Exception:  # what cannot be resolved is named field by field
        return


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
            out.append(col.Column(name, "str", col.text_of(name)))
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
              "countries": K.COUNTRY_SET}  # fmt: skip


class GoldValues(frozenset[str]):
    """What an exactly compared gold field of a user's type may hold, as JSON writes it.

    The scorer checks an ``ENUM`` field's gold value with ``value in allowed`` and names
    ``sorted(allowed)`` when it is not: this set holds the words it says (``'1'``,
    ``'true'``, ``'a number'``) and ``in`` asks ``accepts``, so a field's gold value is
    what JSON writes for it (``2.5``, ``-3``, ``true``, ``[1, 2]``, ``{"a": "x"}``), never
    its Python spelling (``"True"``), and ``true`` is no ``1``.
    """

    accepts: Callable[[Any], bool]

    def __new__(cls, said: Iterable[str], accepts: Callable[[Any], bool]) -> GoldValues:
        made = super().__new__(cls, said)
        made.accepts = accepts
        return made

    def __contains__(self, value: object) -> bool:
        try:
            return bool(self.accepts(value))
        except Exception:  # a value no JSON holds is allowed by none
            return False


def _json_text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, allow_nan=False)


def _one_of(values: Iterable[Any]) -> GoldValues:
    texts = frozenset(_json_text(v) for v in values)
    return GoldValues(texts, lambda v: _json_text(v) in texts)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _choices(annotation: Any) -> tuple[Any, ...] | None:
    """The values a Literal or an Enum allows, as JSON writes them (None: neither)."""
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return tuple(m.value for m in annotation)
    return None


def _gold_field(info: FieldInfo, kind: Shape) -> tuple[K, frozenset[str] | None]:
    """How a user field's gold value is checked and compared, and the values it allows.

    Each field's gold value is what JSON writes for the record's value, and is checked and
    compared as such: the scorer's ``QUANTITY`` takes non-negative integers, ``TEXT`` and
    ``ITEMS`` strings, so a ``float`` field's ``2.5``, an ``int`` field's ``-3``, a
    ``Literal[1, 2]``'s ``1``, a bool's ``true``, an ``IntEnum``'s ``1`` or a nested
    model's object refused a gold file that held them, and with nothing in the gold any
    prediction of a nested model or a list of numbers was scored right (neither side a
    string). Strings keep the free-text rules; every other value is compared exactly.
    """
    if kind in _GOLD_KIND:
        return _GOLD_KIND[kind], None
    bare = _bare(info.annotation)
    if kind == "texts":
        item = _list_item(bare)
        if item in (str, uuid.UUID):  # a list of strings in JSON: free text
            return K.ITEMS, None
        choices = _choices(item)
        one = _one_of(choices) if choices is not None else None
        fits = one.accepts if one is not None else (_is_number if item is float else _is_whole)
        if item is bool:
            fits = lambda v: isinstance(v, bool)  # noqa: E731
        said = f"a non-empty list of {_named(item)} values (null for none)"
        return K.ENUM, GoldValues(
            {said}, lambda v: isinstance(v, list) and bool(v) and all(map(fits, v))
        )
    if kind == "bool":
        return K.ENUM, _one_of((True, False))
    if kind == "int":
        return K.ENUM, GoldValues({"a whole number"}, _is_whole)
    if kind == "float":
        return K.ENUM, GoldValues({"a number"}, _is_number)
    choices = _choices(bare)
    if choices is not None:
        if all(isinstance(c, str) for c in choices):  # said as written; a list is no choice
            named = frozenset(choices)
            return K.ENUM, GoldValues(named, lambda v: isinstance(v, str) and v in named)
        return K.ENUM, _one_of(choices)
    if bare in (str, uuid.UUID):
        return K.TEXT, None
    adapter: TypeAdapter[Any] = TypeAdapter(info.rebuild_annotation())

    def holds(value: Any) -> bool:  # a value of the field, as JSON writes it
        if value is None:
            return False
        made = adapter.validate_json(_json_text(value))
        return bool(adapter.dump_python(made, mode="json") == value)

    return K.ENUM, GoldValues({f"a {_named(bare)} as JSON writes it"}, holds)


def _gold(record: type[Record]) -> GoldSpec:
    shapes = field_shapes(record)
    judged = {name: _gold_field(record.model_fields[name], k) for name, k in shapes.items()}
    enums = {name: allowed for name, (_, allowed) in judged.items() if allowed is not None}
    #: lists compared exactly: an empty one is null in the gold format (a missing key is)
    exact_lists = {n for n, k in shapes.items() if k == "texts" and judged[n][0] is K.ENUM}

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
            elif name in exact_lists and not value:
                out[name] = None
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
            else:
                data[name] = value
        return data

    return GoldSpec(
        fields={name: kind for name, (kind, _) in judged.items()},
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
