"""A 401 names the key variable of the model's provider, whichever SDK carried the call.

DeepSeek, Groq, Together, OpenRouter, Mistral, Cohere and Google models are spoken to
through the openai SDK, whose hints named OPENAI_API_KEY: a user whose DEEPSEEK_API_KEY
was refused was told to set another variable. Every provider with a key variable of its
own is tried against a server that refuses the key; other 4xx hints name no variable.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import ClientModelError
from extractor.pipeline.engine import Extractor
from extractor.runtime.retrying import RetryPolicy
from extractor.settings import KEY_VARIABLES
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

_KEYS = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=24, max_size=32).map(
    lambda tail: "sk-hint-" + tail
)


@settings(max_examples=12, deadline=None)
@given(provider=st.sampled_from(sorted(KEY_VARIABLES)), key=_KEYS,
       status=st.sampled_from([401, 401, 403, 404]))  # fmt: skip
def test_a_refused_key_is_named_by_the_provider_s_own_variable(provider, key, status):
    body = json.dumps({"error": {"message": "invalid api key", "type": "auth"}}).encode()
    with (
        ScriptedServer([json_answer(body, status=status)]) as server,
        Extractor(
            f"{provider}/m",
            base_url=server.base_url,
            api_key=key,
            retry_policy=RetryPolicy(attempts=1),
        ) as extractor,  # fmt: skip
        pytest.raises(ClientModelError) as caught,
    ):
        extractor.extract("Ana Soto met Luis Vega in Lima on Tuesday.", doc_id="d")
    message = str(caught.value)
    named = {variable for variable in KEY_VARIABLES.values() if variable in message}
    assert named == ({KEY_VARIABLES[provider]} if status == 401 else set()), message
    assert key not in message
