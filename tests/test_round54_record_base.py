"""What every record type inherits from ``Record`` holds for a user's type too.

* a type's own ``@computed_field`` is written into its JSON and read back from it: the
  JSON the tool wrote was refused (``extra_forbidden``), so a cached answer was a miss
  and a new model call, and flatten, view and ``ArticleExtraction.model_validate`` failed
  on the tool's own output;
* a model validator (mode ``after`` or ``wrap``) that forgot ``return self`` is a
  :class:`~extractor.errors.RecordCodeError` naming the type, not "the model gave no valid
  answer" (``'NoneType' object has no attribute 'id'``).

The computed values and the records' values are generated.
"""

from __future__ import annotations

import itertools
import json
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import computed_field

from extractor import ArticleExtraction, Extractor, Record
from extractor.errors import RecordCodeError
from extractor.types import registry
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.user_type_support import ARTICLE, answer_citing, forgetful

pytestmark = [
    pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY),
    pytest.mark.usefixtures("fresh_registry"),
]

_names = itertools.count()
_settings = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _with_computed(suffix: str) -> type[Record]:
    kind = f"rb54_{next(_names)}"

    class Protest(Record):
        type: Literal[kind] = kind  # type: ignore[valid-type]
        crowd: int | None = None

        @computed_field  # type: ignore[prop-decorator]
        @property
        def label(self) -> str:
            return f"{self.crowd}{suffix}"

    Protest.__doc__ = "People gather in public to demand something."
    return Protest


@_settings
@given(
    suffix=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    crowd=st.integers(1, 10**6),
)
def test_a_computed_field_of_a_users_type_reads_back(suffix: str, crowd: int) -> None:
    record_type = _with_computed(suffix)
    registry.register(record_type)
    with (
        FakeOpenAI(answer_citing({"crowd": crowd})) as server,
        Extractor("openai/fake", base_url=server.base_url, types=[record_type]) as ex,
    ):
        result = ex.extract(ARTICLE, published="2024-03-12")
    [record] = result.records
    written = json.loads(result.model_dump_json())
    [line] = written[registry.spec_of_record(record_type).plural]
    assert line["label"] == f"{crowd}{suffix}"  # written, as pydantic writes it
    again = ArticleExtraction.model_validate(written)  # and read back, as written
    assert again.records[0].model_dump() == record.model_dump()
    assert record_type.model_validate(line).label == line["label"]


@_settings
@given(mode=st.sampled_from(["after", "wrap"]), crowd=st.integers(1, 10**6))
def test_a_validator_that_returns_nothing_is_the_types_bug(mode: str, crowd: int) -> None:
    record_type = forgetful("rb54", mode)
    spec = registry.register(record_type)
    with (
        FakeOpenAI(answer_citing({"crowd": crowd})) as server,
        Extractor("openai/fake", base_url=server.base_url, types=[record_type]) as ex,
        pytest.raises(RecordCodeError) as caught,
    ):
        ex.extract(ARTICLE, published="2024-03-12")
    message = str(caught.value)
    assert repr(spec.name) in message and "return self" in message, message
