"""A user's record type is accepted and usable, or refused at registration with one
RecordTypeError naming the field: never a traceback from inside pydantic or instructor,
never every record of the type dropped on every document.

Types are generated (pydantic.create_model, random field names and types) and run
against the fake server on loopback, which answers one record with a value for the
field as a model would write it. The registry is swapped for a fresh one per test and
put back after, so no generated type outlives its test.
"""

from __future__ import annotations

import enum
import itertools
import json
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import Field, create_model

from extractor import Extractor, Record
from extractor.errors import ClientModelError, ConfigurationError, RecordTypeError
from extractor.types import registry
from extractor.types.parts import Count, DateValue, Place
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = [
    pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY),
    pytest.mark.usefixtures("fresh_registry"),  # no generated type outlives its test
]

ARTICLE = (
    "SANTIAGO, Chile - More than 2,000 people protested in Santiago on Sunday against the "
    "pension reform, the Confederation of Workers said. Police used water cannon near the "
    "presidential palace."
)
_NUMBERED = re.compile(r"\[(\d+)\] ([^\[]*)")


class Colour(enum.StrEnum):
    red = "red"


#: (annotation, default, what a model writes for it): types the model can fill ...
USABLE: list[tuple[Any, Any, Any]] = [
    (str | None, None, "against the pension reform"),
    (int | None, None, 7),
    (float | None, None, 2.5),
    (bool | None, None, True),
    (Literal["a", "b"] | None, None, "a"),
    (Colour | None, None, "red"),
    (list[str], [], ["pensions"]),
    (dict[str, int] | None, None, {"a": 1}),
    (Any, None, "x"),
    (Place | None, None, "Santiago"),
    (DateValue | None, None, "on Sunday"),
    (Count | None, None, 2000),
]
#: ... and types it cannot: a JSON answer holds no such value, or the draft asks for strings
UNUSABLE: list[tuple[Any, Any, Any]] = [
    (list[Place], [], ["Santiago"]),
    (list[DateValue], [], ["on Sunday"]),
    (list[list[str]], [], [["a"]]),
    (date | None, None, "2024-03-10"),
    (datetime | None, None, "2024-03-10T10:00:00"),
    (Decimal | None, None, "2.5"),
    (bytes | None, None, "abc"),
    (tuple[int, str] | None, None, [1, "a"]),
    (set[str] | None, None, ["a"]),
    (Callable[[], int] | None, None, "f"),
]
SHARED = ["status", "evidence", "attribution", "id", "doc_id"]
_names = itertools.count()


def _answer(field: str, value: Any) -> Callable[[dict[str, Any]], str]:
    def respond(body: dict[str, Any]) -> str:
        schema = (body.get("response_format") or {}).get("schema") or {}
        text = " ".join(str(m.get("content")) for m in body["messages"])
        cited = next(int(n) for n, s in _NUMBERED.findall(text) if "protested" in s)
        record = {"status": "occurred", "attribution": None, "evidence": [cited], field: value}
        return json.dumps({plural: [record] for plural in schema.get("properties", {})})

    return respond


field_names = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True).filter(
    lambda n: n not in Record.model_fields and not hasattr(Record, n) and n != "type"
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.one_of(field_names, st.sampled_from(SHARED)),
    case=st.sampled_from([*USABLE, *UNUSABLE]),
    alias=st.booleans(),
)
def test_a_user_type_is_usable_or_refused_naming_its_field(
    name: str, case: tuple[Any, Any, Any], alias: bool
) -> None:
    annotation, default, written = case
    kind = f"gen_{next(_names)}"  # a name of its own: answer models are cached by name
    field = Field(default, alias=f"{name}_x") if alias else default
    record = create_model(
        "Generated",
        __base__=Record,
        __doc__="People gather in public to demand something.",
        type=(Literal[kind], kind),  # type: ignore[valid-type]
        **{name: (annotation, field)},
    )
    base = Record.model_fields.get(name)
    # a shared field declared again as it is (``attribution: str | None = None``) is no change
    redefined = base is not None and (base.annotation, base.default) != (annotation, default)
    try:
        spec = registry.register(record)
    except RecordTypeError as error:
        assert error.field == name and repr(name) in str(error), str(error)
        assert error.record_type == kind and "\n" not in str(error)
        assert case in UNUSABLE or alias or redefined, f"refused a usable field: {error}"
        return
    assert case in USABLE and not alias and not redefined, f"accepted {case} as {name}"
    with (
        FakeOpenAI(_answer(name, written)) as server,
        Extractor("openai/fake", base_url=server.base_url, types=[record]) as ex,
    ):
        result = ex.extract(ARTICLE, published="2024-03-12")
    found = result.by_type(spec.name)
    assert len(found) == 1, result.metadata.warnings


def test_the_error_is_a_configuration_and_a_client_model_error() -> None:
    assert issubclass(RecordTypeError, ConfigurationError)
    assert issubclass(RecordTypeError, ClientModelError)
    assert RecordTypeError("x").kind == "config"


def test_a_type_named_as_a_built_in_is_refused_naming_the_name() -> None:
    clash = create_model("Visit", __base__=Record, __doc__="x.", type=(Literal["visit"], "visit"))
    with pytest.raises(RecordTypeError, match="two record types are named 'visit'"):
        registry.register(clash)


def test_a_field_whose_type_is_not_defined_is_named_on_validation_and_registration() -> None:
    class Undone(Record):
        """People protest."""

        type: Literal["undone"] = "undone"
        crowd: Nowhere | None = None  # type: ignore[name-defined]  # noqa: F821

    undone = Undone
    data = {"evidence": {"quote": "More than 2,000 people protested in Santiago"}}
    with pytest.raises(RecordTypeError, match="'crowd'") as validating:
        undone.model_validate(data)
    assert validating.value.field == "crowd"
    with pytest.raises(RecordTypeError, match="'crowd'"):
        undone.model_validate_json(json.dumps(data))
    with pytest.raises(RecordTypeError, match="'crowd'"):
        registry.register(undone)
