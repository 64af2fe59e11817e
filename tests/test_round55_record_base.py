"""``Record`` holds a user's type to one rule however it is read, and derives its id from
its facts alone.

* JSON text (``model_validate_json``: a cached answer, a line read back) passes the checks
  a dict passes: a model validator that forgot ``return self`` is a RecordCodeError naming
  the type, not a ``None`` handed on to fail far away;
* a type's own ``@computed_field`` is derived, not a fact: it leaves the record's id alone
  and, when it fails, does not stop an id being made.
"""

from __future__ import annotations

import json
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import computed_field

from extractor import Record
from extractor.errors import RecordCodeError
from tests.user_type_support import forgetful

#: what every record holds beside its own fields
_BASE = {"status": "occurred", "evidence": {"quote": "More than 2,000 people protested"}}
_settings = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(mode=st.sampled_from(["after", "wrap"]), crowd=st.integers(0, 10**9))
def test_json_text_is_held_to_the_checks_a_dict_is(mode: str, crowd: int) -> None:
    record = forgetful("rb55", mode)
    body = {"type": record.record_type, **_BASE, "crowd": crowd}
    for read in (record.model_validate, lambda b: record.model_validate_json(json.dumps(b))):
        with pytest.raises(RecordCodeError, match="return self"):
            read(body)


def _with_label(how: str) -> type[Record]:
    kind = "rb55_label"  # one name: the two differ in the derived field alone

    class Protest(Record):
        type: Literal[kind] = kind  # type: ignore[valid-type]
        crowd: int | None = None
        suffix: str = ""

        @computed_field  # type: ignore[prop-decorator]
        @property
        def label(self) -> str:
            if how == "fails":
                raise ValueError("the type's own derived field failed")
            return f"{self.crowd}{self.suffix}"

    return Protest


@_settings
@given(crowd=st.integers(0, 10**9), suffix=st.text(max_size=8))
def test_a_computed_field_leaves_the_id_to_the_facts(crowd: int, suffix: str) -> None:
    fields = {**_BASE, "crowd": crowd, "suffix": suffix}
    works, fails = _with_label("works"), _with_label("fails")
    made = works.model_validate({"type": works.record_type, **fields})
    broken = fails.model_validate({"type": fails.record_type, **fields})
    assert made.id and broken.id  # a failing derived field stops no id
    assert made.key_fields() == broken.key_fields()  # the derived value is not a fact
    other = works.model_validate({"type": works.record_type, **fields, "crowd": crowd + 1})
    assert other.id != made.id  # a fact still is
