"""A second look: one more call about a type whose answer was empty, quoting the
sentences that have the type's words (pipeline/requests.py ``second_look``).

The pure function is checked on plans of sentences written for the test; the
engine against the fake server on loopback, whose answers depend on what it is
asked, so the records come through the whole validation and grounding path.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.chunking import chunk_text
from extractor.pipeline.engine import Extractor
from extractor.pipeline.requests import (
    SECOND_LOOK_CHARS,
    SECOND_LOOK_SENTENCES,
    plan_chunk,
    second_look,
)
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

ARTICLE = (
    "LIMA — Markets were calm on Monday. "
    "Chile's Foreign Minister Ana Soto spoke by phone with Peru's President Luis Vega "
    "on Tuesday about the border. "
    "Rain is expected later this week."
)
MEETING = {
    "participants": [
        {"name": "Ana Soto", "title": "Foreign Minister", "country": "CHL"},
        {"name": "Luis Vega", "title": "President", "country": "PER"},
    ],
    "countries": ["CHL", "PER"], "format": "virtual", "place": None, "date": "on Tuesday",
    "topics": ["the border"], "status": "occurred", "attribution": None, "evidence": [2],
}  # fmt: skip
EMPTY = json.dumps({"meetings": []})
FOUND = json.dumps({"meetings": [MEETING]})
QUOTED = re.compile(r"^\[(\d+)\] (.+)$", re.M)


def _plan(text: str, types: tuple[str, ...] = ("meeting",), strategy: str = "per-type") -> Any:
    (chunk,) = chunk_text(text, max_chars=20_000, overlap_chars=0)
    return plan_chunk(chunk, None, "doc", types, strategy)


def _asked(call: Any) -> str:
    return str(call.messages[-1]["content"])


def test_an_empty_answer_gets_a_second_look_at_the_sentences_with_the_words() -> None:
    plan = _plan(ARTICLE)
    (call,) = plan.calls
    again = second_look(plan, call, [])
    assert again is not None
    assert again.messages[0] == call.messages[0]  # the same article: a cached prefix
    quoted = QUOTED.findall(_asked(again))
    assert [int(n) for n, _ in quoted] == [2]
    sentence = plan.sentences[1]
    assert quoted[0][1] == " ".join(ARTICLE[sentence.start : sentence.end].split())
    assert "Eva Lund" not in _asked(again)  # no invented example to copy


def test_no_second_look_after_records_or_for_a_call_about_several_types() -> None:
    plan = _plan(ARTICLE)
    (call,) = plan.calls
    assert second_look(plan, call, [object()]) is None  # type: ignore[list-item]
    text = ARTICLE + " Chile sold 12 howitzers to Peru, which paid $40 million for them."
    several = _plan(text, ("meeting", "arms_transfer"), "single")
    assert len(several.calls) == 1 and len(several.calls[0].kinds) == 2
    assert second_look(several, several.calls[0], []) is None


_WORDS = st.sampled_from(
    ["the", "talks", "minister", "met", "rain", "border", "spoke", "trade", "called", "calm"]
)
_SENTENCES = st.lists(
    st.lists(_WORDS, min_size=1, max_size=80).map(lambda ws: ws[0].capitalize() + " " + " ".join(ws[1:]) + "."),
    min_size=1, max_size=15,
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(_SENTENCES)
def test_what_a_second_look_quotes_is_the_article_under_its_numbers(sentences: list[str]) -> None:
    """Each quoted line is an article sentence under the number the article shows it
    with, in article order, at most SECOND_LOOK_SENTENCES of them, each clipped."""
    text = " ".join(sentences)
    plan = _plan(text)
    if not plan.calls:
        return
    again = second_look(plan, plan.calls[0], [])
    by_number = {s.number: " ".join(text[s.start : s.end].split()) for s in plan.sentences}
    if again is None:
        return
    quoted = QUOTED.findall(_asked(again))
    numbers = [int(n) for n, _ in quoted]
    assert numbers == sorted(numbers) and 1 <= len(numbers) <= SECOND_LOOK_SENTENCES
    for number, words in quoted:
        whole = by_number[int(number)]
        assert len(words) <= SECOND_LOOK_CHARS
        assert words == whole or (words.endswith("…") and whole.startswith(words[:-1]))


def _responder(asked: list[str]) -> Any:
    def respond(body: dict[str, Any]) -> str:
        last = body["messages"][-1]["content"]
        asked.append(last)
        return FOUND if last.startswith("Look again") else EMPTY

    return respond


@pytest.mark.parametrize("look", [False, True])
def test_the_engine_asks_again_only_when_told_and_keeps_what_validates(look: bool) -> None:
    asked: list[str] = []
    policy = RetryPolicy(attempts=1)
    with FakeOpenAI(_responder(asked)) as server, Extractor(
        "openai/fake", base_url=server.base_url, types=["meeting"], retry_policy=policy,
        second_look=look,
    ) as extractor:  # fmt: skip
        result = extractor.extract(ARTICLE, published="2024-05-07", doc_id="lima")
    assert len(asked) == (2 if look else 1)
    assert result.complete
    meetings = result.meetings
    assert len(meetings) == (1 if look else 0)
    if look:
        (meeting,) = meetings
        assert sorted(meeting.countries()) == ["CHL", "PER"]
        quote = meeting.evidence.spans[0]
        assert ARTICLE[quote.start : quote.end] == quote.text
        assert "spoke by phone" in quote.text
        assert result.metadata.calls == 2


def test_an_invented_answer_to_a_second_look_is_dropped_as_any_other() -> None:
    """A second look is validated like a first answer: people the article never names
    are asked about again and then dropped, not kept because they were asked for."""
    invented = {**MEETING, "participants": [
        {"name": "Eva Lund", "title": None, "country": "CHL"},
        {"name": "Carlos Ruiz", "title": None, "country": "PER"},
    ]}  # fmt: skip

    def respond(body: dict[str, Any]) -> str:
        last = body["messages"][-1]["content"]
        return json.dumps({"meetings": [invented]}) if "Look again" in last else EMPTY

    with FakeOpenAI(respond) as server, Extractor(
        "openai/fake", base_url=server.base_url, types=["meeting"],
        retry_policy=RetryPolicy(attempts=1), second_look=True,
    ) as extractor:  # fmt: skip
        result = extractor.extract(ARTICLE, published="2024-05-07", doc_id="lima")
    assert all("Eva Lund" not in json.dumps(m.model_dump(mode="json")) for m in result.meetings)


def test_a_batch_takes_the_second_look_the_live_path_takes() -> None:
    """parse_response of an empty first answer: a follow-up whose body is the live second
    look's, under an id of its own; an empty second answer then ends the call."""
    from extractor import Document, build_requests, parse_response

    def completion(content: str) -> dict[str, Any]:
        message = {"role": "assistant", "content": content}
        return {"choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}

    document = Document("lima", ARTICLE)
    with Extractor("openai/fake", base_url="http://127.0.0.1:9/v1", types=["meeting"],
                   second_look=True) as extractor:  # fmt: skip
        (first,) = build_requests(document, extractor)
        plan = _plan(ARTICLE)
        expected = second_look(plan, plan.calls[0], [])
    assert expected is not None
    reply = parse_response(first, completion(EMPTY), document)
    again = reply.follow_up
    assert again is not None and reply.records is None
    assert again.look == 2 and again.custom_id != first.custom_id
    sent = json.loads(again.body)["messages"]
    assert sent[-1]["content"] == expected.messages[-1]["content"]
    last = parse_response(again, completion(EMPTY), document)
    assert last.done and last.records == () and last.error is None
    found = parse_response(again, completion(FOUND), document)
    assert found.records is not None and len(found.records) == 1


@pytest.mark.parametrize(
    ("language", "text", "number"),
    [
        ("es", "El mercado estuvo tranquilo el lunes. La canciller de Chile, Ana Soto, habló "
               "por teléfono con el presidente de Perú, Luis Vega.", 2),
        ("fr", "Le marché était calme lundi. La ministre chilienne Ana Soto s'est entretenue "
               "avec le président péruvien Luis Vega.", 2),
        ("de", "Die Märkte blieben am Montag ruhig. Die chilenische Ministerin Ana Soto "
               "telefonierte mit dem peruanischen Präsidenten Luis Vega.", 2),
        ("ru", "В понедельник рынки были спокойны. Министр Чили Ана Сото провела переговоры "
               "с президентом Перу Луисом Вегой.", 2),
        ("zh", "周一市场平稳。智利外长安娜·索托与秘鲁总统路易斯·维加通电话。", 2),
    ],
)  # fmt: skip
def test_a_second_look_finds_the_words_of_the_article_s_language(
    language: str, text: str, number: int
) -> None:
    plan = _plan(text)
    assert plan.language == language
    (call,) = plan.calls
    again = second_look(plan, call, [])
    assert again is not None
    assert [int(n) for n, _ in QUOTED.findall(_asked(again))] == [number]


@pytest.mark.parametrize("value", ["no", 0, 1.0, None])
def test_second_look_takes_only_true_or_false(value: Any) -> None:
    from extractor import ConfigurationError

    with pytest.raises(ConfigurationError, match="second_look must be True or False"):
        Extractor("openai/fake", base_url="http://127.0.0.1:9/v1", second_look=value)


def test_the_cli_flag_reaches_the_extractor_and_the_line(tmp_path: Any) -> None:
    """``extract --second-look`` asks the second look and records how it asked."""
    from typer.testing import CliRunner

    from extractor.cli import app

    asked: list[str] = []
    article = tmp_path / "lima.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with FakeOpenAI(_responder(asked)) as server:
        result = CliRunner().invoke(app, [
            "extract", str(article), "--model", "openai/fake", "--base-url", server.base_url,
            "--types", "meeting", "--second-look", "--published", "2024-05-07",
        ], env={"OPENAI_API_KEY": "sk-test"})  # fmt: skip
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout)
    assert line["metadata"]["strategy"] == "per-type+second-look"
    assert len(line["meetings"]) == 1 and len(asked) == 2
