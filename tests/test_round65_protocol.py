"""Round 65: no registered secret erases the protocol's own words from a server's answer.

The redactor searches every string of an answer for each registered secret's forms (its
encodings, a key's fragments), runs of six characters or more, case-blind. A process that
had registered many keys (a bulk run of many configurations; the test suite itself) could
hold one whose form fell inside "prompt_tokens" or "content_filter": the key was renamed,
so a refusal's usage read no prompt tokens (a flaky ``test_server_faults`` refusal test), or
the finish reason was no longer the content filter's. The protocol's field names and its
enumerated words are never searched; what a model or a server writes still is.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.redact import MARK, Redactor
from extractor.runtime import providers
from extractor.runtime.providers import answer_json, refusal

#: The words of a chat completion this client reads: its field names and the finish reason.
WORDS = ["created", "choices", "message", "assistant", "content", "refusal", "finish_reason",
         "content_filter", "prompt_tokens", "completion_tokens", "total_tokens"]  # fmt: skip


@st.composite
def inside_a_word(draw: st.DrawFn) -> str:
    """A run of six or more characters of a protocol word, in any case."""
    word = draw(st.sampled_from(WORDS))
    start = draw(st.integers(0, len(word) - 6))
    end = draw(st.integers(start + 6, len(word)))
    return draw(st.sampled_from([word[start:end], word[start:end].upper()]))


def _answer(said: str) -> str:
    return json.dumps({
        "id": "x", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": "content_filter",
                     "message": {"role": "assistant", "content": said, "refusal": None}}],
        "usage": {"prompt_tokens": 17, "completion_tokens": 3, "total_tokens": 20},
    })  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(secret=inside_a_word())
def test_a_secret_inside_a_protocol_word_leaves_the_answer_whole(secret: str) -> None:
    fresh = Redactor(use_settings=False)
    fresh.register_secret(secret)
    with pytest.MonkeyPatch.context() as patch:  # the process's own redactor stays as it is
        patch.setattr(providers, "redactor", fresh)
        data = answer_json(_answer(f"the server echoed {secret} here"))
    refused = refusal(data)
    assert refused is not None, data  # the content filter's word was read
    assert refused.usage is not None and refused.usage.prompt_tokens == 17, data
    said = data["choices"][0]["message"]["content"]  # what the server wrote is still searched
    assert secret.lower() not in said.lower() and MARK in said
