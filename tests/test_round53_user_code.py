"""A user's record type whose own code raises (a validator with a bug) fails the
document with a RecordCodeError naming the type, the exception and where: never the
model blamed ("the model gave no valid answer after 1 attempt(s)"), and the other
documents of a run go on.

Pydantic passes only ValueError and AssertionError on as validation failures; any other
exception raised in a validator went out through instructor as the model's failure. The
types are generated: the exception class, the kind of validator, and the value that
meets the bug vary. A validator that raises ValueError keeps its meaning (the record is
re-asked, then dropped), as the control.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import create_model, field_validator, model_validator

import extractor
from extractor import Extractor, Record
from extractor.errors import RecordCodeError
from extractor.types import registry
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = [
    pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY),
    pytest.mark.usefixtures("fresh_registry"),  # no generated type outlives its test
]

_NUMBERED = re.compile(r"\[(\d+)\] ([^\[]*)")
_CROWD = re.compile(r"More than ([\d,]+) people")
_names = itertools.count()


class Quirk(Exception):
    """An exception class of the user's own."""


EXCEPTIONS = [RuntimeError, TypeError, KeyError, ZeroDivisionError, AttributeError, Quirk]


def _article(crowd: int) -> str:
    return (
        f"SANTIAGO, Chile - More than {crowd:,} people protested in Santiago on Sunday "
        "against the pension reform, the Confederation of Workers said."
    )


def _answer(body: dict[str, Any]) -> str:
    """One protest record per document, its crowd read from the article as a model would."""
    schema = (body.get("response_format") or {}).get("schema") or {}
    text = " ".join(str(m.get("content")) for m in body["messages"])
    cited = next(int(n) for n, s in _NUMBERED.findall(text) if "protested" in s)
    crowd = int(_CROWD.findall(text)[-1].replace(",", ""))
    record = {"status": "occurred", "attribution": None, "evidence": [cited], "crowd": crowd}
    return json.dumps({plural: [record] for plural in schema.get("properties", {})})


def _protest(error: type[Exception], where: str, bad: int) -> type[Record]:
    """A type whose validator raises ``error`` when the crowd is ``bad``: on a field, or
    on the whole record before or after its fields are read."""

    def meet(crowd: Any) -> None:
        if crowd == bad:
            raise error("the user's own code failed here")

    validators: dict[str, Callable[..., Any]] = {}
    if where == "field":
        validators["_check"] = field_validator("crowd")(lambda cls, v: (meet(v), v)[1])
    elif where == "before":
        validators["_check"] = model_validator(mode="before")(
            classmethod(lambda cls, data: (meet(dict(data).get("crowd")), data)[1])
        )
    else:
        validators["_check"] = model_validator(mode="after")(
            lambda self: (meet(self.crowd), self)[1]
        )
    kind = f"protest_{next(_names)}"
    return create_model(
        "Protest",
        __base__=Record,
        __doc__="People gather in public to demand something.",
        __validators__=validators,
        type=(Literal[kind], kind),  # type: ignore[valid-type]
        crowd=(int | None, None),
    )


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(error=st.sampled_from(EXCEPTIONS), where=st.sampled_from(["field", "before", "after"]),
       crowds=st.lists(st.integers(100, 99_999), min_size=2, max_size=4, unique=True))  # fmt: skip
def test_a_bug_in_a_types_code_fails_its_document_naming_the_type(error, where, crowds):
    bad = crowds[0]
    record = _protest(error, where, bad)
    spec = registry.register(record)
    with FakeOpenAI(_answer) as server:
        with (
            Extractor("openai/fake", base_url=server.base_url, types=[record]) as ex,
            pytest.raises(RecordCodeError) as raised,
        ):
            ex.extract(_article(bad), published="2024-03-12")
        said = str(raised.value)
        assert raised.value.record_type == spec.name and repr(spec.name) in said
        assert error.__name__ in said and "test_round53_user_code.py" in said
        assert "the model gave no valid answer" not in said and "\n" not in said
        assert raised.value.kind == "config"
        # in a run, that document is its error line; the others go on
        documents = [(f"d{i}", _article(c)) for i, c in enumerate(crowds)]
        results = list(
            extractor.extract_many_sync(
                documents, model="openai/fake", base_url=server.base_url, types=[record]
            )
        )
    by_id = {r.doc_id: r for r in results}
    assert len(by_id) == len(crowds)
    assert by_id["d0"].error is not None and by_id["d0"].error.type == "RecordCodeError"
    for i in range(1, len(crowds)):
        assert by_id[f"d{i}"].ok, by_id[f"d{i}"].error
        assert [r.crowd for r in by_id[f"d{i}"].extraction.by_type(spec.name)] == [crowds[i]]


def test_a_value_error_is_still_a_validation_failure() -> None:
    """The control: ValueError is how a validator rejects a value (re-asked, then dropped)."""
    record = _protest(ValueError, "field", 2000)
    spec = registry.register(record)
    with (
        FakeOpenAI(_answer) as server,
        Extractor("openai/fake", base_url=server.base_url, types=[record]) as ex,
    ):
        result = ex.extract(_article(2000), published="2024-03-12")
    assert result.by_type(spec.name) == []
    assert any("dropped" in w for w in result.metadata.warnings), result.metadata.warnings
