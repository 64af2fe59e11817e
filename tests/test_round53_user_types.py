"""A user's record type is asked for in the form its fields need, however they are spelled,
and what it records survives into the gold format and past a figure no sentence carries.

Generated field types, each registered in a registry of the test's own (the one before it
is put back after), and run against the fake server on loopback, which answers as a model
following the request's JSON Schema would:

* a shared part (``Count``, ``DateValue``, ``Place``, ``Actor``, ``Money``) wrapped in any mix
  of ``Annotated[...]`` and ``| None`` is asked for in its flat form (a number, a text as
  written), as the bare part is: pydantic keeps an inner ``Annotated``, and the draft asked
  for a whole ``Count`` object, so every answer writing a number failed after three re-asks;
* a list of plain values is asked for as those values: a ``list[Literal[1, 2]]`` asked as
  strings got "1", which is no 1, and every record of the type was dropped;
* a record's gold-format dict (what ``eval`` scores and saves) is JSON: an Enum, UUID or
  nested model field was put in as the Python object, which JSON cannot write;
* a money field whose amount no cited sentence carries is left empty with a warning, as a
  count is and as the README says, not the whole record dropped;
* a plugin's type that cannot be asked for is the same RecordTypeError on every use of the
  registry, not a bare ConfigurationError without its field after the first.
"""

from __future__ import annotations

import enum
import importlib
import itertools
import json
import sys
import tempfile
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field

from extractor import Extractor, Record
from extractor.errors import RecordTypeError
from extractor.evaluation.goldmap import gold_to_record, record_to_gold
from extractor.types import registry
from extractor.types.parts import Actor, Count, DateValue, Money, Place
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.registry_support import own_registry
from tests.user_type_support import ARTICLE, answer_citing, record_type

pytestmark = [
    pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY),
    pytest.mark.usefixtures("fresh_registry"),  # no generated type outlives its test
]

QUOTE = "More than 2,000 people protested in Santiago on Sunday against the pension reform"
_names = itertools.count()
_settings = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Colour(enum.Enum):
    red = "red"


class Level(enum.IntEnum):
    one = 1


class Rank(enum.Enum):
    first = 1


class Inner(BaseModel):
    a: str | None = None
    b: int | None = None


def _extract(record: type[Record], values: dict[str, Any]) -> tuple[list[Record], list[str]]:
    spec = registry.register(record)
    with (
        FakeOpenAI(answer_citing(values)) as server,
        Extractor("openai/fake", base_url=server.base_url, types=[record]) as ex,
    ):
        result = ex.extract(ARTICLE, published="2024-03-12")
    return result.by_type(spec.name), list(result.metadata.warnings)


def _resolved(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with its ``$ref`` and nullable ``anyOf`` read through."""
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:
            kept = [n for n in node["anyOf"] if n.get("type") != "null"]
            if len(kept) != 1:
                return node
            node = kept[0]
        else:
            return node


# -- a shared part, however it is wrapped ---------------------------------------------------

#: (part, what a model writes for it as asked: flat, as the draft of a bare part asks)
PARTS: list[tuple[Any, Any]] = [
    (Count, 2000),
    (DateValue, "on Sunday"),
    (Place, "Santiago"),
    (Actor, "Confederation of Workers"),
]
WRAPS: list[Callable[[Any], Any]] = [
    lambda t: Annotated[t, Field(description="as the article says")] | None,
    lambda t: Optional[Annotated[t, "metadata"]],  # noqa: UP045 - the typing spelling too
    lambda t: Annotated[Annotated[t, "a"] | None, Field(description="outer")],
    lambda t: Annotated[Annotated[t, "a"], "b"] | None,
    lambda t: Annotated[t | None, "inner"] | None,
]


@_settings
@given(part=st.sampled_from(PARTS), wrap=st.sampled_from(WRAPS))
def test_a_wrapped_part_is_asked_flat_and_built(part: tuple[Any, Any], wrap: Any) -> None:
    model, written = part
    record = record_type("r53", {"crowd": (wrap(model), None)})
    bare = registry.spec_for(record_type("r53", {"crowd": (model | None, None)}))
    spec = registry.register(record)
    asked = _resolved(
        spec.draft.model_json_schema(), spec.draft.model_json_schema()["properties"]["crowd"]
    )
    flat = _resolved(
        bare.draft.model_json_schema(), bare.draft.model_json_schema()["properties"]["crowd"]
    )
    assert asked == flat, f"{wrap(model)} asked as {asked}, the bare part as {flat}"
    found, warnings = _extract(record, {"crowd": written})
    assert len(found) == 1, warnings
    assert isinstance(found[0].crowd, model), found[0].crowd  # type: ignore[attr-defined]


@_settings
@given(wrap=st.sampled_from([lambda t: t, *WRAPS[:2]]), inner=st.sampled_from(WRAPS[:2]))
def test_a_list_of_wrapped_actors_is_a_list_of_names(wrap: Any, inner: Any) -> None:
    record = record_type("r53", {"organisers": (list[inner(Actor)], [])})  # type: ignore[misc]
    found, warnings = _extract(
        record,
        {"organisers": [{"name": "Confederation of Workers", "title": None, "country": None}]},
    )
    assert len(found) == 1, warnings
    assert [a.name for a in found[0].organisers] == ["Confederation of Workers"]  # type: ignore[attr-defined]


# -- a list of plain values ----------------------------------------------------------------

#: (item type, one value of it as JSON writes it)
ITEMS: list[tuple[Any, Any]] = [
    (str, "pensions"),
    (int, 3),
    (float, 2.5),
    (bool, True),
    (uuid.UUID, "12345678-1234-5678-1234-567812345678"),
    (Literal["a", "b"], "b"),
    (Literal[1, 2], 2),
    (Literal[True], True),
    (Literal[1.5, 2.5], 2.5),
    (Colour, "red"),
    (Level, 1),
    (Rank, 1),
]
LIST_WRAPS: list[Callable[[Any], Any]] = [
    lambda t: list[t],  # type: ignore[valid-type]
    lambda t: list[t] | None,  # type: ignore[valid-type]
    lambda t: list[Annotated[t, "item"]],  # type: ignore[valid-type]
    lambda t: Annotated[list[t | None], Field(max_length=5)] | None,  # type: ignore[valid-type]
]


@_settings
@given(item=st.sampled_from(ITEMS), wrap=st.sampled_from(LIST_WRAPS))
def test_a_list_of_plain_values_is_asked_as_those_values(item: tuple[Any, Any], wrap: Any) -> None:
    """The fake model writes each value as the request's schema asks: a string where it
    asks for strings, the value itself where it asks for the value, and only the values
    the schema lists where it lists some."""
    kind, value = item
    record = record_type("r53", {"tags": (wrap(kind), None)})
    spec = registry.register(record)
    schema = spec.draft.model_json_schema()
    items = _resolved(schema, _resolved(schema, schema["properties"]["tags"]).get("items", {}))
    if items.get("type") == "string" and not isinstance(value, str):
        written: Any = json.dumps(value)  # a model asked for a string writes the value so
    else:
        written = value
    if kind not in (str, int, float, bool, uuid.UUID):  # a Literal or an Enum
        allowed = items.get("enum", [items["const"]] if "const" in items else [])
        assert value in allowed, f"the schema names no allowed value of {kind}: {items}"
    found, warnings = _extract(record, {"tags": [written]})
    assert len(found) == 1, warnings
    assert json.loads(found[0].model_dump_json())["tags"] == [value], found[0]


# -- the gold format is JSON -----------------------------------------------------------------

#: (field type, a value as a record's JSON holds it)
GOLD_VALUES: list[tuple[Any, Any]] = [
    (Colour | None, "red"),
    (Level | None, 1),
    (Rank | None, 1),
    (uuid.UUID | None, "12345678-1234-5678-1234-567812345678"),
    (Inner | None, {"a": "x", "b": 1}),
    (dict[str, Inner] | None, {"k": {"a": "x", "b": None}}),
    (list[Colour], ["red"]),
    (list[uuid.UUID], ["12345678-1234-5678-1234-567812345678"]),
    (Literal["a", "b"] | None, "a"),
    (str | None, "pensions"),
    (int | None, 3),
]


@_settings
@given(case=st.sampled_from(GOLD_VALUES), name=st.sampled_from(["kind", "crowd_tag", "x1"]))
def test_a_records_gold_format_is_json_and_reads_back(case: tuple[Any, Any], name: str) -> None:
    annotation, value = case
    record = record_type("r53", {name: (annotation, None)})
    registry.register(record)
    made = record.model_validate({"evidence": {"quote": QUOTE}, name: value})
    gold = record_to_gold(made)
    assert json.loads(json.dumps(gold))[name] == value, gold
    back = gold_to_record(
        json.loads(json.dumps(gold)), text=ARTICLE, published=date(2024, 3, 12), doc_id="d"
    )
    assert getattr(back, name) == getattr(made, name)


# -- a figure no sentence carries ----------------------------------------------------------


@_settings
@given(
    figure=st.sampled_from([(Money, "$5 million"), (Money, "€300,000"), (Count, 7500)]),
    wrap=st.sampled_from([lambda t: t | None, WRAPS[0]]),
)
def test_a_figure_in_no_sentence_is_left_empty_and_the_record_kept(
    figure: tuple[Any, Any], wrap: Any
) -> None:
    model, written = figure
    record = record_type("r53", {"amount": (wrap(model), None)})
    found, warnings = _extract(record, {"amount": written})
    assert len(found) == 1, warnings
    assert found[0].amount is None  # type: ignore[attr-defined]
    assert any("left empty" in w and "amount" in w for w in warnings), warnings


# -- a plugin's defective type -------------------------------------------------------------

#: Field types no JSON answer can fill, as a plugin's module writes them.
DEFECTS = ["date | None", "Decimal | None", "tuple[int, str] | None", "list[Place]", "bytes"]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(defect=st.sampled_from(DEFECTS), uses=st.integers(min_value=2, max_value=4))
def test_a_plugins_defective_type_is_the_same_error_on_every_use(defect: str, uses: int) -> None:
    """The first use raised the RecordTypeError naming the field, every later one a bare
    ConfigurationError without it: ``except RecordTypeError`` caught the first only."""
    kind = f"r53_plug_{next(_names)}"
    module = f"r53plug_{kind}"
    with tempfile.TemporaryDirectory() as site:
        info = Path(site) / f"{module}-0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
        (info / "entry_points.txt").write_text(f"[extractor.record_types]\n{kind} = {module}:Bad\n")
        (Path(site) / f"{module}.py").write_text(
            "from datetime import date\nfrom decimal import Decimal\nfrom typing import Literal\n"
            "from extractor import Place, Record\n\n\nclass Bad(Record):\n"
            f'    """People protest."""\n\n    type: Literal["{kind}"] = "{kind}"\n'
            f"    crowd: {defect}\n"
        )
        sys.path.insert(0, site)
        importlib.invalidate_caches()
        try:
            with own_registry():  # a registry per example: it keeps its load's failure
                for _ in range(uses):
                    with pytest.raises(RecordTypeError) as refused:
                        registry.type_names()
                    assert refused.value.field == "crowd" and refused.value.record_type == kind
                    assert "'crowd'" in str(refused.value) and "\n" not in str(refused.value)
        finally:
            sys.path.remove(site)
            sys.modules.pop(module, None)
            importlib.invalidate_caches()
