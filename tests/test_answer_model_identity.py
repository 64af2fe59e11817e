"""An answer model belongs to the registered type, not to its name.

A type registered again under a name it had before (a notebook cell run twice with
other fields, a plugin reloaded, a test's own type) must be asked for with its own
fields: an answer model cached by name kept the earlier type's draft, so every answer
in the new fields failed validation ("Field required") and was re-asked, then dropped.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterator
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.types import Record, register
from extractor.types.registry import reload

_SHARED = {"status", "evidence", "attribution", "id", "doc_id", "type"}
_NAMES = st.from_regex(r"[a-z][a-z_]{2,10}", fullmatch=True).filter(
    lambda name: name not in _SHARED and not keyword.iskeyword(name) and "__" not in name
)


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    reload()
    yield
    reload()


def _type(name: str, fields: list[str]) -> type[Record]:
    """A record type called ``name`` with optional text ``fields``."""
    annotations: dict[str, Any] = {"type": Literal[name]}  # type: ignore[valid-type]
    annotations.update({field: str | None for field in fields})
    body: dict[str, Any] = {
        "__module__": "tests.generated_types",
        "__qualname__": name.title(),
        "__doc__": f"A {name} reported by the article.",
        "__annotations__": annotations,
        "type": name,
        **{field: None for field in fields},
    }
    return type(name.title(), (Record,), body)


@settings(max_examples=12, deadline=None)
@given(
    first=st.lists(_NAMES, min_size=1, max_size=3, unique=True),
    second=st.lists(_NAMES, min_size=1, max_size=3, unique=True),
)
def test_a_type_registered_again_under_its_name_is_asked_for_with_its_own_fields(
    first: list[str], second: list[str]
) -> None:
    reload()
    spec = register(_type("rally", first))
    before = answer_model(("rally",))
    assert set(first) <= set(before.model_fields[spec.plural].annotation.__args__[0].model_fields)
    reload()
    spec = register(_type("rally", second))
    after = answer_model(("rally",))
    asked = set(after.model_fields[spec.plural].annotation.__args__[0].model_fields)
    assert set(second) <= asked
    assert not (set(first) - set(second)) & asked, "the earlier type's fields are still asked for"
    assert answer_model(("rally",)) is after  # still built once per registered type


def test_the_built_in_types_keep_one_answer_model_across_reloads() -> None:
    """Reloading the registry keeps the built-ins' specs, so their answer models
    (and instructor's and the schema cache's work on them) are not rebuilt."""
    every = answer_model(("visit", "meeting", "arms_transfer", "casualty_report"))
    reload()
    assert answer_model(("casualty_report", "visit", "meeting", "arms_transfer")) is every
