"""Messages users see: warnings name records as the output has them, and a provider's 4xx
says what to do with that provider's own key and addresses.

* A warning about a record (a field left empty, a draft dropped) named it by the model's
  answer numbering ("dropped meetings[0]", while the output's meetings[0] is another
  record) or not at all ("date 'May 3' is not in the article"). Answers are generated with
  dropped, repeated and kept drafts and run through the engine against the fake server.
* A 401 from Anthropic said "set ... (OPENAI_API_KEY, ANTHROPIC_API_KEY ...)", a 400 blamed
  "the server's OpenAI compatibility": one set of hints for every API. Each registered
  client is driven against a loopback server answering each 4xx.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ClientModelError, ExtractorError
from extractor.pipeline.engine import Extractor
from extractor.runtime.retrying import (
    ApiHints,
    RetryPolicy,
    classify,
    register_client_hints,
    unregister_client_hints,
)
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.fakes.scripted_server import ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

# ------------------------------------------------------------------ warnings name output records

ARTICLE = (
    "LIMA — Markets were calm on Monday. "
    "Chile's Foreign Minister Ana Soto spoke by phone with Peru's President Luis Vega "
    "on Tuesday about the border. "
    "Brazil's President Rui Lima met Argentina's President Juan Paz in Brasilia about trade. "
    "Rain is expected later this week."
)
PEOPLE = {
    "soto": {"name": "Ana Soto", "title": "Foreign Minister", "country": "CHL"},
    "vega": {"name": "Luis Vega", "title": "President", "country": "PER"},
    "lima": {"name": "Rui Lima", "title": "President", "country": "BRA"},
    "paz": {"name": "Juan Paz", "title": "President", "country": "ARG"},
    "lund": {"name": "Eva Lund", "title": None, "country": "CHL"},  # not in the article
}
#: The meetings the article states: (participants, evidence sentence).
REAL = [(("soto", "vega"), 2), (("lima", "paz"), 3)]
INVENTED_DATES = ["May 3", "June 9", "March 12"]


def _draft(pair: tuple[str, str], sentence: int, date: str | None) -> dict[str, Any]:
    one, two = (PEOPLE[p] for p in pair)
    return {
        "participants": [one, two], "countries": [one["country"], two["country"]],
        "format": "virtual", "place": None, "date": date, "topics": ["talks"],
        "status": "occurred", "attribution": None, "evidence": [sentence],
    }  # fmt: skip


#: One draft: ("real", which meeting, invented date or None) or ("invented", sentence).
_DRAFTS = st.one_of(
    st.tuples(st.just("real"), st.integers(0, len(REAL) - 1),
              st.none() | st.sampled_from(INVENTED_DATES)),
    st.tuples(st.just("invented"), st.sampled_from([2, 3]), st.none()),
)  # fmt: skip


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[dict[str, Any], Extractor]]:
    answer: dict[str, Any] = {"meetings": []}
    with FakeOpenAI(lambda body: json.dumps(answer)) as server, Extractor(
        "openai/fake", base_url=server.base_url, types=["meeting"], max_retries=0,
        retry_policy=RetryPolicy(attempts=1), second_look=False,
    ) as extractor:  # fmt: skip
        yield answer, extractor


_PLACE = re.compile(r"^meetings\[(\d+)\]: (.*)$")
_DROPPED = "dropped a meeting of the model's answer (not in the output): "


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_DRAFTS, min_size=1, max_size=6))
def test_each_warning_names_the_output_record_or_says_it_was_dropped(
    served: tuple[dict[str, Any], Extractor], drafts: list[tuple[str, int, str | None]]
) -> None:
    answer, extractor = served
    built = []
    for kind, which, date in drafts:
        if kind == "real":
            pair, sentence = REAL[which]
            built.append(_draft(pair, sentence, date))
        else:
            built.append(_draft(("lund", "vega" if which == 2 else "paz"), which, None))
    answer["meetings"] = built
    result = extractor.extract(ARTICLE, published="2024-05-07", doc_id="lima")
    meetings = result.meetings
    # what the model said of each real meeting's date (the first copy of a meeting is kept)
    dates: dict[frozenset[str], set[str]] = {}
    for kind, which, date in drafts:
        if kind == "real" and date is not None:
            dates.setdefault(frozenset(PEOPLE[p]["name"] for p in REAL[which][0]), set()).add(date)
    invented = sum(1 for kind, _, _ in drafts if kind == "invented")
    said_dropped = 0
    for warning in result.metadata.warnings:
        if warning.startswith(_DROPPED):
            said_dropped += 1
            assert "Eva Lund" in warning
            continue
        if warning.startswith("merged "):
            continue
        place = _PLACE.match(warning)
        assert place is not None, f"names no output record: {warning!r}"
        index, message = int(place.group(1)), place.group(2)
        assert index < len(meetings), warning
        record = meetings[index]
        names = frozenset(p.name for p in record.participants)
        cleared = re.fullmatch(r"date '(.+)' is not in the article: left empty", message)
        read = re.fullmatch(r"date '(.+)' read from the evidence", message)
        if cleared is not None:  # the date this meeting's draft gave, not another's
            assert cleared.group(1) in dates.get(names, set()), (warning, names)
        elif read is not None:  # the date this meeting now has
            assert record.date is not None and record.date.text == read.group(1), warning
        else:
            raise AssertionError(f"a warning this test does not know: {warning!r}")
    assert said_dropped == invented
    assert not any(re.search(r"\w\[\d+\]", w) for w in result.metadata.warnings
                   if not _PLACE.match(w))  # fmt: skip


# ------------------------------------------------------------------ 4xx hints per provider

#: Every client extractor registers hints for: its model, and the key variable to name.
CLIENTS = [("openai/gpt-test", "OPENAI_API_KEY"), ("anthropic/claude-test", "ANTHROPIC_API_KEY")]
VARIABLES = {variable for _, variable in CLIENTS}
STATUSES = [400, 401, 403, 404, 405, 413, 415, 422]

_KEYS = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=24,
                max_size=40).map(lambda tail: "sk-test-" + tail)  # fmt: skip


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize(("model", "variable"), CLIENTS)
@settings(max_examples=2, deadline=None)
@given(key=_KEYS)
def test_a_4xx_names_the_provider_s_own_key_and_never_the_key(
    model: str, variable: str, key: str, status: int
) -> None:
    body = json.dumps({"type": "error", "error": {
        "type": "invalid_request_error", "message": f"refused key {key}"}}).encode()  # fmt: skip
    with ScriptedServer([json_answer(body, status=status)]) as server, Extractor(
        model, base_url=server.base_url, api_key=key, retry_policy=RetryPolicy(attempts=1),
    ) as extractor, pytest.raises(ExtractorError) as caught:  # fmt: skip
        extractor.extract("Ana Soto met Luis Vega in Lima on Tuesday.", doc_id="d")
    error = caught.value
    message = str(error)
    assert isinstance(error, ClientModelError), message
    assert "\n" not in message and f"HTTP {status}" in message
    assert key not in message and key[8:20] not in message
    others = VARIABLES - {variable}
    assert not any(other in message for other in others), message
    if status == 401:
        assert variable in message
    if model.startswith("anthropic/"):
        assert "OpenAI" not in message and "chat completions" not in message, message


class AcmeAuthenticationError(Exception):
    """An error as a plugin provider's SDK raises it (a status code on the exception)."""

    status_code = 401


AcmeAuthenticationError.__module__ = "acme_llm._exceptions"


@pytest.fixture
def acme_hints() -> Iterator[None]:
    """A plugin's provider registers its hints; the registry is left as it was."""
    register_client_hints("acme_llm", ApiHints("ACME_API_KEY", {404: "check acme's model"}))
    try:
        yield
    finally:
        unregister_client_hints("acme_llm")


def test_a_plugin_provider_s_hints_are_used_for_its_errors(acme_hints: None) -> None:
    error = classify(AcmeAuthenticationError("bad key"))
    assert isinstance(error, ClientModelError)
    assert "ACME_API_KEY" in str(error) and "OPENAI_API_KEY" not in str(error)
    AcmeAuthenticationError.status_code = 404
    try:
        assert "check acme's model" in str(classify(AcmeAuthenticationError("no model")))
    finally:
        AcmeAuthenticationError.status_code = 401


def test_without_its_hints_a_provider_gets_the_generic_ones() -> None:
    error = classify(AcmeAuthenticationError("bad key"))
    assert isinstance(error, ClientModelError)
    assert not any(variable in str(error) for variable in VARIABLES)
    assert "EXTRACTOR_API_KEY" in str(error)
