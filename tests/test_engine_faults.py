"""The engine against a real HTTP server on loopback that misbehaves on purpose.

Transient failures are retried, client errors fail at once, invalid answers
are re-asked with the validation errors (never with API error text), and when
everything runs out the typed error carries attempts, usage and the raw answer.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import openai
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import ClientModelError, ExtractionFailed, TransientModelError
from extractor.errors import ModelRefusal
from extractor.pipeline.engine import Extractor
from extractor.runtime.providers import sdk_arguments
from extractor.runtime.retrying import RetryPolicy
from extractor.runtime.wire import _capturing_client
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Fault, sequence, static

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

ARTICLE = (
    "ZAPORIZHZHIA, Ukraine — Shelling resumed overnight. "
    "At least 9 people were killed and 14 wounded when a bomb exploded at a bus station in "
    "Zaporizhzhia on Friday, regional officials said. Zaporizhzhia was calm on Saturday."
)
PUBLISHED = "2024-03-09"
FAST = RetryPolicy(attempts=3, initial=0.01, maximum=0.05, total=10)


def answer(*, evidence: list[int] | None = None, killed: int = 9, injured: int | None = 14) -> str:
    record = {
        "killed": killed, "injured": injured, "qualifier": "at_least", "victims": "people at a bus station",
        "perpetrator": None, "country": "UKR", "place": "Zaporizhzhia", "date": "on Friday",
        "scope": "event", "violence_type": None, "status": "occurred", "attribution": "officials",
        "evidence": evidence if evidence is not None else [2],
    }  # fmt: skip
    return json.dumps(
        {"visits": [], "meetings": [], "arms_transfers": [], "casualty_reports": [record]}
    )


VALID = answer()


def extractor(server: FakeOpenAI, **options: Any) -> Extractor:
    options.setdefault("retry_policy", FAST)
    return Extractor("openai/fake-model", base_url=server.base_url, **options)


def test_valid_answer_becomes_a_grounded_record() -> None:
    with FakeOpenAI(static(VALID)) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED, doc_id="kano")
    [report] = result.casualty_reports
    assert report.killed is not None and (report.killed.low, report.killed.qualifier) == (
        9,
        "at_least",
    )
    assert report.killed.text == "At least 9"
    assert report.date is not None and report.date.value == "2024-03-08"  # the Friday before
    quote = report.evidence.quote
    assert quote.startswith("At least 9 people were killed")
    assert ARTICLE[report.evidence.start : report.evidence.end] == quote
    assert result.metadata.calls == 1 and result.metadata.reasks == 0
    assert result.metadata.usage.prompt_tokens > 0 and result.metadata.usage.completion_tokens > 0


def test_rate_limit_is_retried_after_the_servers_retry_after() -> None:
    faults = {0: Fault.RATE_LIMIT}
    with (
        FakeOpenAI(static(VALID), faults=faults, retry_after=0.2) as server,
        extractor(server) as ex,
    ):
        result = ex.extract(ARTICLE, published=PUBLISHED)
        log = server.log
    assert len(result.casualty_reports) == 1
    assert len(log) == 2
    assert log[1].time - log[0].time >= 0.2  # waited as the server asked
    assert "rate" not in log[1].message_text.lower()  # the API error never reaches the prompt


@pytest.mark.parametrize(
    "fault", [Fault.SERVER_ERROR, Fault.BAD_GATEWAY_HTML, Fault.UNAVAILABLE, Fault.CONNECTION_RESET,
              Fault.TRUNCATED_BODY, Fault.RATE_LIMIT_NO_HEADER],
)  # fmt: skip
def test_transient_faults_are_retried(fault: Fault) -> None:
    with FakeOpenAI(static(VALID), faults={0: fault}) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 2
    assert len(result.casualty_reports) == 1


def test_persistent_server_errors_end_in_a_typed_error() -> None:
    faults = [Fault.SERVER_ERROR] * 5
    with FakeOpenAI(static(VALID), faults=faults) as server, extractor(server) as ex:
        with pytest.raises(TransientModelError, match="500"):
            ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == FAST.attempts


def test_timeouts_are_retried_then_reported() -> None:
    faults = [Fault.TIMEOUT] * 5
    with (
        FakeOpenAI(static(VALID), faults=faults, timeout_delay=5) as server,
        extractor(server, timeout=0.3) as ex,
        pytest.raises(TransientModelError, match="in time"),
    ):
        ex.extract(ARTICLE, published=PUBLISHED)


@pytest.mark.parametrize(
    ("fault", "hint"), [(Fault.UNAUTHORIZED, "OPENAI_API_KEY"), (Fault.BAD_REQUEST, "malformed")]
)
def test_client_errors_fail_at_once_with_what_to_fix(fault: Fault, hint: str) -> None:
    with FakeOpenAI(static(VALID), faults={0: fault}) as server, extractor(server) as ex:
        with pytest.raises(ClientModelError, match=hint):
            ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 1


@pytest.mark.parametrize("fault", [Fault.INVALID_JSON, Fault.SCHEMA_INVALID])
def test_unusable_answers_are_reasked(fault: Fault) -> None:
    with FakeOpenAI(static(VALID), faults={0: fault}) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        second = server.log[1]
    assert len(result.casualty_reports) == 1
    assert result.metadata.reasks == 1 and result.metadata.calls == 2
    assert "Correct your JSON" in second.message_text


def test_a_refusal_is_reported_as_one_and_not_reasked() -> None:
    with FakeOpenAI(static(VALID), faults={0: Fault.REFUSAL}) as server, extractor(server) as ex:
        with pytest.raises(ModelRefusal) as caught:
            ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 1  # asking again would be refused again
    error = caught.value
    assert error.kind == "refusal" and isinstance(error, ExtractionFailed)
    assert "declined" in str(error) and "JSON" not in str(error)
    assert error.refusal == "I can't help with that" and error.attempts == 1
    assert error.usage is not None and error.usage.prompt_tokens > 0


def test_evidence_citing_the_wrong_sentence_is_reanchored_to_the_one_with_the_facts() -> None:
    wrong = answer(evidence=[3])  # "Zaporizhzhia was calm on Saturday." carries no figure
    with FakeOpenAI(static(wrong)) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 1
    [report] = result.casualty_reports
    assert report.evidence.quote.startswith("At least 9 people were killed")
    assert any("re-anchored from sentences [3] to [2]" in w for w in result.metadata.warnings)


def test_figure_absent_from_the_article_is_reasked_with_the_reason() -> None:
    invented = answer(killed=40, injured=None)
    with FakeOpenAI(sequence(invented, VALID)) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        reask = server.log[1].message_text
    assert len(result.casualty_reports) == 1
    assert "does not contain the figure 40" in reask
    assert result.metadata.reasks == 1 and result.metadata.dropped == 0


def test_record_that_never_grounds_is_dropped_with_a_warning() -> None:
    invented = answer(killed=40, injured=None)
    with FakeOpenAI(static(invented)) as server, extractor(server, max_retries=1) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 2
    assert result.casualty_reports == []
    assert result.metadata.dropped == 1
    assert any("does not contain the figure 40" in w for w in result.metadata.warnings)


def test_exhausted_reasks_raise_with_usage_and_the_last_answer() -> None:
    with FakeOpenAI(static("not json at all")) as server, extractor(server, max_retries=2) as ex:
        with pytest.raises(ExtractionFailed) as caught:
            ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 3
    error = caught.value
    assert error.attempts == 3
    assert error.usage is not None and error.usage.prompt_tokens > 0
    assert error.last_response == "not json at all"


def test_a_failed_call_is_reported_once_by_its_error_not_by_instructors_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A Python caller without logging set up saw "API call failed on attempt N: Connection
    error." on stderr for each attempt, whatever the failure; the raised error says it."""
    caplog.set_level(logging.DEBUG)
    with (
        FakeOpenAI(static("not json at all")) as server,
        extractor(server) as ex,
        pytest.raises(ExtractionFailed),
    ):
        ex.extract(ARTICLE, published=PUBLISHED)
    retry_lines = [r for r in caplog.records if r.name.startswith("instructor")]
    assert not [r for r in retry_lines if r.levelno >= logging.WARNING], retry_lines


def test_truncated_answer_is_retried_once_with_a_note() -> None:
    with FakeOpenAI(static(VALID), faults={0: Fault.LENGTH}) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        assert "cut off" in server.log[1].message_text
    assert len(result.casualty_reports) == 1
    assert result.metadata.usage.completion_tokens > 0


def test_grammar_schema_is_sent_for_openai_compatible_servers() -> None:
    with FakeOpenAI(static(VALID)) as server, extractor(server) as ex:
        ex.extract(ARTICLE, published=PUBLISHED)
        body = server.requests[0]
    assert body["response_format"]["type"] == "json_object"
    assert "casualty_reports" in body["response_format"]["schema"]["properties"]
    assert body["temperature"] == 0


def test_the_sdk_gets_our_response_format_and_never_instructors_schema(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In grammar mode the request's ``response_format`` is ours, llama.cpp's json_object
    with the schema; instructor's json_schema one, which ours replaced in the body, no
    longer reaches the openai SDK's request transform (CPU per call)."""
    seen: list[dict[str, Any]] = []
    create = openai.resources.chat.AsyncCompletions.create

    async def spy(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs)
        return await create(self, *args, **kwargs)

    monkeypatch.setattr(openai.resources.chat.AsyncCompletions, "create", spy)
    with FakeOpenAI(static(VALID)) as server, extractor(server) as ex:
        ex.extract(ARTICLE, published=PUBLISHED)
        body = server.requests[0]
    assert seen and all(kwargs["response_format"]["type"] == "json_object" for kwargs in seen)
    assert all("response_format" not in kwargs.get("extra_body", {}) for kwargs in seen)
    assert body["response_format"] == seen[0]["response_format"]
    assert list(body) == ["messages", "model", "max_tokens", "response_format", "temperature"]


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    messages=st.lists(
        st.fixed_dictionaries({"role": st.sampled_from(["system", "user", "assistant"]),
                               "content": TEXT}),
        min_size=1, max_size=4),
    grammar=st.booleans(),
    more=st.dictionaries(st.sampled_from(["cache_prompt", "top_k", "seed"]), st.integers(0, 9),
                         max_size=2),
)  # fmt: skip
def test_text_messages_skip_the_sdk_transform_and_the_body_is_the_same(
    messages: list[dict[str, str]], grammar: bool, more: dict[str, int]
) -> None:
    """What :func:`sdk_arguments` hands the SDK (text messages in ``extra_body``, our
    response format as the argument) gives the body the SDK makes of the request as it
    came, byte for byte, for any texts, with or without grammar and other extra fields."""
    request: dict[str, Any] = {"messages": messages, "model": "m", "max_tokens": 9,
                               "temperature": 0}  # fmt: skip
    extra: dict[str, Any] = dict(more)
    if grammar:
        request["response_format"] = {"type": "json_schema", "json_schema": {"name": "A",
                                      "schema": {"type": "object"}}}  # fmt: skip
        extra["response_format"] = {"type": "json_object", "schema": {"type": "object"}}
    if extra:
        request["extra_body"] = extra

    def body(arguments: dict[str, Any]) -> bytes:
        raw = _capturing_client().chat.completions.with_raw_response.create(**arguments)
        return bytes(raw.http_request.content)

    handed = sdk_arguments(request)
    assert handed["messages"] == []  # the transform walks nothing
    assert body(handed) == body(request)


def test_per_type_strategy_skips_types_with_no_cue_words() -> None:
    only = json.dumps({"casualty_reports": json.loads(VALID)["casualty_reports"]})
    with FakeOpenAI(static(only)) as server, extractor(server, strategy="per-type") as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        calls = len(server.log)
    assert calls == 1  # no visit, meeting or arms words in the article
    assert len(result.casualty_reports) == 1


MEETING_AND_TOLL = (
    "KYIV — President Zelensky met Polish President Duda in Kyiv on Friday. "
    + ARTICLE.split(" — ", 1)[1]
)


def test_single_strategy_asks_one_call_for_only_the_screened_types() -> None:
    with FakeOpenAI(static(VALID)) as server, extractor(server, strategy="single") as ex:
        result = ex.extract(MEETING_AND_TOLL, published=PUBLISHED)
        [body] = server.requests
    # a meeting held in Kyiv may be a visit; nothing in the text is about arms
    assert list(body["response_format"]["schema"]["properties"]) == [
        "visits", "meetings", "casualty_reports"
    ]  # fmt: skip
    task = body["messages"][-1]["content"]
    assert task.startswith("Extract every visit, meeting and casualty report")
    assert "arms" not in task and "For instance" not in task  # no examples to copy
    assert len(result.casualty_reports) == 1 and result.metadata.calls == 1


def test_single_strategy_makes_no_call_for_a_text_without_cue_words() -> None:
    with FakeOpenAI(static(VALID)) as server, extractor(server, strategy="single") as ex:
        result = ex.extract("Quarterly output rose by two percent, the bureau said.")
        calls = len(server.log)
    assert calls == 0 and result.records == [] and result.metadata.calls == 0


def test_answer_models_are_built_once_per_combination_of_types() -> None:
    from extractor.pipeline.answers import answer_model

    pair = answer_model(("meeting", "casualty_report"))
    assert pair is answer_model(("meeting", "casualty_report"))
    assert pair.list_fields == {"meetings": "meeting", "casualty_reports": "casualty_report"}
    every = answer_model(("visit", "meeting", "arms_transfer", "casualty_report"))
    assert every.__name__ == "AllTypes"
    assert every is answer_model(("casualty_report", "visit", "meeting", "arms_transfer"))
    assert answer_model(("visit",)) is answer_model(("visit",))
    assert answer_model(("visit",)).list_fields == {"visits": "visit"}


async def test_async_extract_and_cache(tmp_path: Any) -> None:
    with FakeOpenAI(static(VALID)) as server:
        ex = extractor(server, cache=tmp_path / "cache.sqlite")
        first = await ex.aextract(ARTICLE, published=PUBLISHED, doc_id="a")
        second = await ex.aextract(ARTICLE, published=PUBLISHED, doc_id="b")
        await ex.aclose()
        assert len(server.log) == 1
    assert not first.metadata.cached and second.metadata.cached
    assert second.casualty_reports[0].doc_id == "b"
    assert second.casualty_reports[0].id != first.casualty_reports[0].id


def test_a_repeated_invalid_answer_stops_the_reasks_early() -> None:
    invented = answer(killed=40, injured=None)
    with FakeOpenAI(static(invented)) as server, extractor(server, max_retries=3) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 2  # not 4: the second identical answer ends the re-asks
    assert result.casualty_reports == [] and result.metadata.dropped == 1


def test_template_syntax_in_an_article_reaches_the_model_verbatim() -> None:
    article = ARTICLE + " A banner read {{ text }} and {% if x %}nothing{% endif %}."
    with FakeOpenAI(static(VALID)) as server, extractor(server) as ex:
        result = ex.extract(article, published=PUBLISHED)
        sent = server.log[0].message_text
    assert "{{ text }}" in sent and "{% if x %}" in sent  # not rendered as a template
    assert len(result.casualty_reports) == 1


def test_schema_cache_does_not_grow_with_requests() -> None:
    from extractor.types.drafting import _SCHEMAS

    with FakeOpenAI(static(VALID)) as server, extractor(server) as ex:
        ex.extract(ARTICLE, published=PUBLISHED, doc_id="a")
        size = len(_SCHEMAS)
        for n in range(5):
            ex.extract(ARTICLE, published=PUBLISHED, doc_id=f"b{n}")
    assert len(_SCHEMAS) == size  # instructor's per-call subclasses share one entry


def test_a_country_the_article_never_names_is_reasked_with_the_ones_it_does() -> None:
    record = json.loads(VALID)
    record["casualty_reports"][0].update(country="USA", place=None)
    with FakeOpenAI(sequence(json.dumps(record), VALID)) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        first, reask = server.log[0].message_text, server.log[1].message_text
    assert "Countries the article names: UKR (Ukraine)." in first
    assert "country USA is not mentioned anywhere in the article" in reask
    assert "UKR (Ukraine)" in reask.split("country USA", 1)[1]
    assert [r.country for r in result.casualty_reports] == ["UKR"]


def test_placeholder_strings_are_read_as_no_value() -> None:
    record = json.loads(VALID)
    record["casualty_reports"][0].update(perpetrator="not specified", place="null", date="None")
    with FakeOpenAI(static(json.dumps(record))) as server, extractor(server) as ex:
        [report] = ex.extract(ARTICLE, published=PUBLISHED).casualty_reports
    assert report.perpetrator is None and report.place is None
    assert report.date is not None and report.date.text == "on Friday"  # read from the evidence


def test_response_models_are_not_copied_or_rewalked_per_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """instructor neither subclasses our answers nor re-walks them on every call."""
    from instructor.v2.validation import async_validators

    from extractor.pipeline.answers import answer_model

    AllTypes = answer_model(("visit", "meeting", "arms_transfer", "casualty_report"))

    with FakeOpenAI(static(VALID)) as server, extractor(server) as ex:
        ex.extract(ARTICLE, published=PUBLISHED, doc_id="warm")
        walks: list[Any] = []
        original = async_validators.get_origin
        monkeypatch.setattr(
            async_validators, "get_origin", lambda m: walks.append(m) or original(m)
        )
        before = len(AllTypes.__subclasses__())
        for n in range(3):
            ex.extract(ARTICLE, published=PUBLISHED, doc_id=f"again-{n}")
    assert walks == []
    assert len(AllTypes.__subclasses__()) == before


def test_models_with_async_validators_are_still_refused() -> None:
    from instructor.v2.validation import async_validators
    from pydantic import BaseModel

    from extractor.runtime.instructor_compat import memoize_async_validator_check

    class Checked(BaseModel):
        name: str

        @async_validators.async_field_validator("name")
        async def _check(self, value: str) -> str:
            return value

    memoize_async_validator_check()
    for _ in range(2):  # refused each time, never remembered as passed
        with pytest.raises(ValueError, match="async validators are not supported"):
            async_validators.reject_async_validators(Checked)


def test_a_date_or_place_the_article_does_not_state_is_left_empty() -> None:
    record = json.loads(VALID)
    record["casualty_reports"][0].update(date="May 3", place="on Friday")
    with FakeOpenAI(static(json.dumps(record))) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
    [report] = result.casualty_reports
    assert report.place is None  # a date as place
    assert report.date is not None and report.date.text == "on Friday"  # not the copied example
    assert any("date 'May 3' is not in the article" in w for w in result.metadata.warnings)
    record["casualty_reports"][0].update(date="Friday", place="Zaporizhzhia")
    with FakeOpenAI(static(json.dumps(record))) as server, extractor(server) as ex:
        [report] = ex.extract(ARTICLE, published=PUBLISHED).casualty_reports
    assert report.date is not None and report.date.value == "2024-03-08"
    assert report.place is not None and report.place.text == "Zaporizhzhia"


def test_a_perpetrator_the_evidence_never_names_is_left_empty() -> None:
    record = json.loads(VALID)
    record["casualty_reports"][0]["perpetrator"] = "Eva Lund"  # a prompt example's person
    with FakeOpenAI(static(json.dumps(record))) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 1  # the rest of the record is sound: no re-ask
    assert [r.perpetrator for r in result.casualty_reports] == [None]
    assert any("'Eva Lund' is not named in the evidence" in w for w in result.metadata.warnings)


def test_an_invented_figure_beside_a_true_one_is_left_empty() -> None:
    with FakeOpenAI(static(answer(killed=9, injured=40))) as server, extractor(server) as ex:
        result = ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 1  # no re-ask needed
    [report] = result.casualty_reports
    assert report.killed is not None and report.killed.low == 9 and report.injured is None
    assert (
        "casualty_reports[0]: injured 40 is in no sentence of the article: left empty"
        in result.metadata.warnings
    )


NOTICE = (
    "The Government of Sweden has requested to buy twenty rocket launchers from the United "
    "States. The President of Sweden looks forward to welcoming the U.S. Secretary of State on "
    "a visit to Stockholm on Friday."
)


def visit_answer(evidence: int) -> str:
    visit = {
        "visitors": [], "visitor_country": "USA", "hosts": [], "host_country": "SWE",
        "place": None, "date": None, "end_date": None, "purpose": None, "status": "planned",
        "attribution": None, "evidence": [evidence],
    }  # fmt: skip
    return json.dumps({"visits": [visit]})


def test_a_visit_must_cite_a_sentence_that_says_someone_travels() -> None:
    with (
        FakeOpenAI(static(visit_answer(evidence=1))) as server,
        extractor(server, types=["visit"]) as ex,
    ):
        result = ex.extract(NOTICE, published=PUBLISHED)
        assert len(server.log) == 1  # the welcome in sentence 2 carries the countries
    [visit] = result.visits
    assert visit.evidence.quote.startswith("The President of Sweden looks forward to welcoming")
    buying = NOTICE.split(". The President")[0] + ". Officials will travel next month."
    with (
        FakeOpenAI(static(visit_answer(evidence=1))) as server,
        extractor(server, types=["visit"], max_retries=1) as ex,
    ):
        result = ex.extract(buying, published=PUBLISHED)
        reask = server.log[1].message_text
    assert "does not say that anyone travelled" in reask
    assert result.visits == [] and result.metadata.dropped == 1
