"""A user's record type, written in the odd ways pydantic allows, is asked for, built,
scored and refused as the README says; the types and values are generated.

* its gold value is what JSON writes for the record's value (``2.5``, ``-3``, ``true``,
  ``1`` of a ``Literal[1, 2]`` or an ``IntEnum``, a nested model's object, ``[1, 2]``):
  such a gold file was refused ("must be a non-negative integer", "must be a non-blank
  string"), and with nothing in the gold any prediction of a nested model or a list of
  numbers was scored right (the free-text rules read neither side);
* a field's limits (``Field(ge=0, le=10)``, ``max_length``, ``pattern``, on the field or in
  an inner ``Annotated``) are told to the model in the schema, and a value outside them
  drops that record only: a ``Field(...)`` limit was never sent, and an inner
  ``Annotated`` limit was enforced on the answer, failing the whole document;
* a validator raising a ``BaseException`` (``sys.exit()``, the type's own subclass,
  ``GeneratorExit``) fails its document with a ``RecordCodeError`` and the run goes on: it
  went through pydantic and ended the whole run; Ctrl-C still stops it;
* a frozen type (the model or a shared field it declares again) is refused when
  registered: every record was dropped ("Instance is frozen", the pipeline sets ids);
* a field naming a class defined later in its module (``from __future__ import
  annotations``) is resolved when registered, not refused as undefined;
* a part inside a union, a dict or a model of the user's (``Count | Money``, ``Actor |
  str``) is refused naming the part: it was asked for whole and never checked against
  the article (an ``Actor | str`` took any name), or refused for a ``Decimal``.
"""

from __future__ import annotations

import enum
import importlib
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, create_model, field_validator, model_validator

import extractor
from extractor import Extractor, Record
from extractor.errors import RecordCodeError, RecordTypeError
from extractor.evaluation.gold import validate_record
from extractor.evaluation.goldmap import record_to_gold
from extractor.evaluation.matching import compare_fields
from extractor.types import registry
from extractor.types.parts import Actor, Count, DateValue, Money, Place
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.user_type_support import ARTICLE, answer_citing, record_type

pytestmark = [
    pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY),
    pytest.mark.usefixtures("fresh_registry"),  # no generated type outlives its test
]

QUOTE = "More than 2,000 people protested in Santiago on Sunday against the pension reform"
_names = itertools.count()
_settings = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Level(enum.IntEnum):
    one = 1
    two = 2


class Rank(enum.Enum):
    first = 1.5
    second = 2.5


class Colour(enum.Enum):
    red = "red"
    blue = "blue"


class Inner(BaseModel):
    a: str | None = None
    b: int | None = None


# -- the gold format holds what JSON writes --------------------------------------------------

#: (field type, two different values as a record's JSON holds them)
GOLD_CASES: list[tuple[Any, Any, Any]] = [
    (float | None, 2.5, -0.75),
    (int | None, -3, 7),
    (Literal[1, 2] | None, 1, 2),
    (Literal["a", "b"] | None, "a", "b"),
    (Colour | None, "red", "blue"),
    (Literal["a", 1] | None, 1, "a"),
    (bool | None, True, False),
    (Level | None, 1, 2),
    (Rank | None, 1.5, 2.5),
    (Inner | None, {"a": "x", "b": 1}, {"a": "y", "b": None}),
    (dict[str, int] | None, {"k": 1}, {"k": 2}),
    (str | int | None, 5, "five"),
    (list[int], [1, 2], [3]),
    (list[float], [0.5], [1.5, 2.0]),
    (list[Literal[1, 2]], [1], [2]),
    (list[bool], [True], [False]),
    (list[Level], [1, 2], [2]),
]


@_settings
@given(case=st.sampled_from(GOLD_CASES), name=st.sampled_from(["kind", "magnitude", "x1"]))
def test_a_gold_value_is_what_json_writes_and_is_compared_as_such(
    case: tuple[Any, Any, Any], name: str
) -> None:
    annotation, value, other = case
    record = record_type("r54", {name: (annotation, None)})
    spec = registry.register(record)
    made = record.model_validate({"evidence": {"quote": QUOTE}, name: value})
    predicted = json.loads(json.dumps(record_to_gold(made)))
    assert predicted[name] == value, predicted
    gold = {"type": spec.name, "evidence": QUOTE, name: value}
    assert validate_record(gold) == [], f"{annotation}: gold {value!r} refused"
    assert validate_record({**gold, name: other}) == []

    def verdict(gold_value: Any) -> bool:
        held = {"type": spec.name, "evidence": QUOTE, name: gold_value}
        (result,) = [r for r in compare_fields(spec.name, held, predicted) if r.field == name]
        return result.correct

    assert verdict(value), f"{annotation}: {value!r} against itself"
    assert not verdict(other), f"{annotation}: {other!r} scored right against {value!r}"
    assert not verdict(None), f"{annotation}: {value!r} scored right against a gold null"


#: gold values of another kind than a field's: a list or object is unhashable, a "True"
#: is Python's spelling of JSON's true
OTHER_KIND = ["x", "True", [], ["x"], {"z": []}, 1.5]


@_settings
@given(case=st.sampled_from(GOLD_CASES), bad=st.sampled_from(OTHER_KIND))
def test_a_gold_value_of_another_kind_is_refused_in_words(
    case: tuple[Any, Any, Any], bad: Any
) -> None:
    """Never a crash (``[] in frozenset`` raised TypeError out of eval); a value the
    field's JSON cannot hold is one problem naming the field."""
    annotation = case[0]
    record = record_type("r54", {"kind": (annotation, None)})
    spec = registry.register(record)
    problems = validate_record({"type": spec.name, "evidence": QUOTE, "kind": bad})
    try:
        held = record.model_validate({"evidence": {"quote": QUOTE}, "kind": bad})
    except ValueError:
        held = None  # no value of the field: refused in the gold
    if held is not None and json.loads(json.dumps(record_to_gold(held)))["kind"] == bad:
        return  # a value of the field after all (any JSON value is one of a model's)
    assert len(problems) == 1 and problems[0].startswith("'kind' "), problems


# -- a field's limits are told, and enforced on the record only ------------------------------

#: (how the limit is written, a value outside it, a value inside, how the model is told:
#: JSON Schema words, or words of the description for what a strict schema refuses)
LIMITS: list[tuple[Any, Any, Any, dict[str, Any] | str]] = [
    ((int | None, Field(None, ge=0, le=10)), 50, 5, {"minimum": 0, "maximum": 10}),
    ((Annotated[int, Field(gt=100)] | None, None), 5, 2000, {"exclusiveMinimum": 100}),
    ((Optional[Annotated[float, Field(lt=1.0)]], None), 2.5, 0.5, {"exclusiveMaximum": 1.0}),  # noqa: UP045
    ((str | None, Field(None, max_length=3)), "pensions", "abc", "at most 3 characters"),
    ((Annotated[str, Field(pattern=r"^[a-z]+$")] | None, None), "Pension", "pension",
     "regular expression ^[a-z]+$"),
    ((list[Annotated[int, Field(ge=1)]], Field(default_factory=list, max_length=2)),
     [0], [1, 2], {"maxItems": 2}),
]  # fmt: skip
#: What OpenAI's strict structured outputs refuse in a schema (a 400 for every document).
STRICT_REFUSES = {"minLength", "maxLength", "uniqueItems", "pattern"}


def _not_null(node: dict[str, Any]) -> dict[str, Any]:
    kept = [n for n in node.get("anyOf", [node]) if n.get("type") != "null"]
    return kept[0] if len(kept) == 1 else node


def _words(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {w for v in node.values() for w in _words(v)}
    if isinstance(node, list):
        return {w for v in node for w in _words(v)}
    return set()


@_settings
@given(limit=st.sampled_from(LIMITS), outside=st.booleans())
def test_a_fields_limits_are_told_and_a_value_outside_drops_that_record_only(
    limit: tuple[Any, Any, Any, dict[str, Any] | str], outside: bool
) -> None:
    field, bad, good, told = limit
    record = record_type("r54", {"crowd_tag": field})
    spec = registry.register(record)
    schema = spec.draft.model_json_schema()["properties"]["crowd_tag"]
    asked = _not_null(schema)
    if isinstance(told, str):
        assert told in schema.get("description", ""), schema
    else:
        assert told.items() <= asked.items(), f"{field}: the schema says {asked}"
    assert not _words(schema) & STRICT_REFUSES, schema
    value = bad if outside else good
    with (
        FakeOpenAI(answer_citing({"crowd_tag": value})) as server,
        Extractor("openai/fake", base_url=server.base_url, types=[record]) as ex,
    ):
        result = ex.extract(ARTICLE, published="2024-03-12")  # never ExtractionFailed
    found = result.by_type(spec.name)
    if outside:
        assert found == []
        assert any("dropped" in w and "crowd_tag" in w for w in result.metadata.warnings)
    else:
        assert [r.crowd_tag for r in found] == [value], result.metadata.warnings  # type: ignore[attr-defined]


# -- a BaseException in a type's own code ----------------------------------------------------


class OwnBase(BaseException):
    """A user's own BaseException subclass."""


def _raising(make: Callable[[], BaseException], where: str, bad: int) -> type[Record]:
    def meet(crowd: Any) -> None:
        if crowd == bad:
            raise make()

    validators: dict[str, Any] = {}
    if where == "field":
        validators["_check"] = field_validator("crowd")(lambda cls, v: (meet(v), v)[1])
    else:
        validators["_check"] = model_validator(mode="after")(
            lambda self: (meet(self.crowd), self)[1]
        )
    return record_type("r54", {"crowd": (int | None, None)}, __validators__=validators)


RAISED: list[tuple[Callable[[], BaseException], str]] = [
    (lambda: SystemExit(0), "sys.exit(0)"),
    (lambda: SystemExit("bye"), "sys.exit('bye')"),
    (lambda: OwnBase("own"), "OwnBase"),
    (lambda: GeneratorExit(), "GeneratorExit"),
]


def _protest_answer(body: dict[str, Any]) -> str:
    text = " ".join(str(m.get("content")) for m in body["messages"])
    crowd = int(re.findall(r"More than ([\d,]+) people", text)[-1].replace(",", ""))
    return answer_citing({"crowd": crowd})(body)


def _article(crowd: int) -> str:
    return ARTICLE.replace("2,000", f"{crowd:,}")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raised=st.sampled_from(RAISED), where=st.sampled_from(["field", "after"]),
       crowds=st.lists(st.integers(100, 99_999), min_size=2, max_size=3, unique=True))  # fmt: skip
def test_a_base_exception_in_a_types_code_fails_its_document_only(
    raised: tuple[Callable[[], BaseException], str], where: str, crowds: list[int]
) -> None:
    make, said = raised
    record = _raising(make, where, crowds[0])
    spec = registry.register(record)
    with FakeOpenAI(_protest_answer) as server:
        with (
            Extractor("openai/fake", base_url=server.base_url, types=[record]) as ex,
            pytest.raises(RecordCodeError) as caught,
        ):
            ex.extract(_article(crowds[0]), published="2024-03-12")
        assert said in str(caught.value) and repr(spec.name) in str(caught.value)
        assert "test_round54_user_types.py" in str(caught.value)
        documents = [(f"d{i}", _article(c)) for i, c in enumerate(crowds)]
        results = list(
            extractor.extract_many_sync(
                documents, model="openai/fake", base_url=server.base_url, types=[record]
            )
        )
    by_id = {r.doc_id: r for r in results}
    assert by_id["d0"].error is not None and by_id["d0"].error.type == "RecordCodeError"
    for i in range(1, len(crowds)):
        assert by_id[f"d{i}"].ok, by_id[f"d{i}"].error


# -- frozen --------------------------------------------------------------------------------

SHARED = {
    "id": (str, Field(default="", frozen=True)),
    "doc_id": (str | None, Field(default=None, frozen=True)),
    "status": (Record.model_fields["status"].annotation, Field(default="occurred", frozen=True)),
}


@_settings
@given(how=st.sampled_from(["model", *SHARED]), extra=st.sampled_from([{}, {"strict": False}]))
def test_a_frozen_type_is_refused_when_registered(how: str, extra: dict[str, Any]) -> None:
    fields: dict[str, Any] = {"crowd": (int | None, None)}
    config: dict[str, Any] = {}
    if how == "model":
        config["__config__"] = {**extra, "frozen": True, "extra": "forbid"}
    else:
        fields[how] = SHARED[how]
    record = record_type("r54", fields, **config)
    with pytest.raises(RecordTypeError) as refused:
        registry.register(record)
    said = str(refused.value)
    assert repr(record.record_type) in said and "\n" not in said
    assert ("frozen" in said) if how == "model" else (repr(how) in said)


# -- a class defined later in the module ---------------------------------------------------

LATER = {
    "model": ("class Later(BaseModel):\n    b: int | None = None\n", {"b": 1}),
    "enum": ("class Later(enum.Enum):\n    red = 'red'\n", "red"),
    "alias": ("Later = Literal['a', 'b']\n", "b"),
}


@pytest.fixture
def module_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder on sys.path for the test's generated modules, taken off after with them."""
    sys.path.insert(0, str(tmp_path))
    before = set(sys.modules)
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        for name in set(sys.modules) - before:
            if name.startswith("r54mod_"):
                del sys.modules[name]


@pytest.mark.parametrize("later", sorted(LATER))
@pytest.mark.parametrize("optional", [True, False])
def test_a_class_defined_later_in_the_module_is_resolved(
    module_dir: Path, later: str, optional: bool
) -> None:
    source, value = LATER[later]
    kind = f"r54_{next(_names)}"
    annotation = "Later | None = None" if optional else "Later"
    name = f"r54mod_{kind}"
    (module_dir / f"{name}.py").write_text(
        "from __future__ import annotations\n"
        "import enum\nfrom typing import Literal\nfrom pydantic import BaseModel\n"
        "from extractor import Record\n\n"
        "class Protest(Record):\n"
        '    """People gather in public to demand something."""\n'
        f"    type: Literal[{kind!r}] = {kind!r}\n"
        f"    later: {annotation}\n\n" + source
    )
    importlib.invalidate_caches()
    record = importlib.import_module(name).Protest
    spec = registry.register(record)
    with (
        FakeOpenAI(answer_citing({"later": value})) as server,
        Extractor("openai/fake", base_url=server.base_url, types=[record]) as ex,
    ):
        result = ex.extract(ARTICLE, published="2024-03-12")
    (found,) = result.by_type(spec.name)
    assert json.loads(found.model_dump_json())["later"] == value


# -- a part inside a union, a dict or a model ------------------------------------------------

PARTS = [Actor, Place, DateValue, Money, Count]
HOLDERS: list[Callable[[Any, Any], Any]] = [
    lambda part, other: part | other | None,
    lambda part, other: Annotated[other | part, "m"] | None,
    lambda part, other: dict[str, part] | None,  # type: ignore[valid-type]
    lambda part, other: create_model("Holder", held=(part | None, None)) | None,
]


@_settings
@given(part=st.sampled_from(PARTS), other=st.sampled_from([str, int, *PARTS]),
       holder=st.sampled_from(HOLDERS))  # fmt: skip
def test_a_part_held_inside_another_type_is_refused_naming_it(
    part: Any, other: Any, holder: Callable[[Any, Any], Any]
) -> None:
    if other is part:
        other = str
    record = record_type("r54", {"rally_part": (holder(part, other), None)})
    with pytest.raises(RecordTypeError) as refused:
        registry.register(record)
    said = str(refused.value)
    assert refused.value.field == "rally_part" and "\n" not in said
    assert "Decimal" not in said and "extractor.types.parts" not in said
    assert re.search(r"the part (Actor|Place|DateValue|Money|Count) inside", said), said


@_settings
@given(part=st.sampled_from(PARTS), wrap=st.sampled_from([
    lambda t: t | None, lambda t: Annotated[t, "m"] | None, lambda t: Optional[t],  # noqa: UP045
]))  # fmt: skip
def test_a_part_as_its_own_field_is_still_asked_for(part: Any, wrap: Any) -> None:
    """The control: a part alone, however wrapped, and list[Actor] are asked flat."""
    record = record_type("r54", {"rally_part": (wrap(part), None), "who": (list[Actor], [])})
    spec = registry.register(record)
    assert set(spec.draft.model_fields) >= {"rally_part", "who"}


# -- a field left out of the record's JSON ---------------------------------------------------


@_settings
@given(annotation=st.sampled_from([str | None, int | None, Count | None, list[str], bool | None]),
       how=st.sampled_from([{"exclude": True}, {"exclude_if": lambda v: v is None}]))  # fmt: skip
def test_a_field_left_out_of_the_json_is_refused_not_asked_for_nothing(
    annotation: Any, how: dict[str, Any]
) -> None:
    """``Field(exclude=True)`` was asked for, built, and then in no line, table or saved
    prediction (flatten's column always empty, eval of saved lines scoring it null)."""
    default: Any = Field(default_factory=list, **how) if annotation == list[str] else None
    if default is None:
        default = Field(default=None, **how)
    record = record_type("r54", {"crowd_note": (annotation, default)})
    with pytest.raises(RecordTypeError) as refused:
        registry.register(record)
    assert refused.value.field == "crowd_note" and "exclude" in str(refused.value)


@pytest.mark.parametrize("generator", [str.upper, lambda name: f"x_{name}", str.title])
def test_an_alias_generator_is_refused_by_its_name(generator: Callable[[str], str]) -> None:
    """Every field gets an alias, the shared ones too: said of the config, not of
    whichever field (``attribution``) is checked first."""
    record = record_type(
        "r54", {"crowd": (int | None, None)}, __config__={"alias_generator": generator}
    )
    with pytest.raises(RecordTypeError) as refused:
        registry.register(record)
    assert "alias_generator" in str(refused.value) and "\n" not in str(refused.value)
