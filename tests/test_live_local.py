"""The embedded model for real: start llama.cpp, extract the seed, leave nothing behind.

Marked ``live``: it needs ``pip install -e '.[local]'`` and ``extractor model
install`` (the 1.5B model), and takes a few minutes on two cores. ``.ci/run``
runs it; the default test command does not.
"""

from __future__ import annotations

import importlib.util
import os
import time

import pytest

from extractor import Extractor
from extractor.runtime.local import model_path, shared_server, stop_shared_servers
from tests.fakes.openai_server import LOOPBACK_ONLY

pytestmark = [pytest.mark.live, pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)]

READY = importlib.util.find_spec("llama_cpp") is not None and model_path("1.5b") is not None


def _gone(pid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not READY, reason="needs pip install -e '.[local]' and extractor model install")
def test_local_model_extracts_the_seed_and_stops(seed_text: str) -> None:
    server = shared_server("1.5b")
    pid = server.pid
    assert pid is not None
    assert server.base_url.startswith("http://127.0.0.1:")  # loopback only
    try:
        with Extractor("local") as extractor:
            result = extractor.extract(seed_text, published="2023-05-31", doc_id="seed-000")
    finally:
        stop_shared_servers()
    print(f"\n{len(result.records)} records in {result.metadata.seconds:.1f} s, "
          f"{result.metadata.usage.total_tokens} tokens, {result.metadata.calls} calls")  # fmt: skip
    assert result.records, "the local model found nothing in the seed article"
    for record in result.records:
        evidence = record.evidence
        assert evidence.alignment != "not_found" and evidence.start is not None
        for fragment in evidence.quote.split(" ... "):
            assert fragment in seed_text[evidence.start : evidence.end]
    assert _gone(pid), "the llama.cpp server outlived the test"


@pytest.mark.skipif(not READY, reason="needs pip install -e '.[local]' and extractor model install")
def test_the_codebook_is_restored_not_evaluated_on_a_later_start() -> None:
    import json
    import urllib.request

    from extractor.pipeline.prompting import codebook_message

    codebook = [codebook_message()]
    server = shared_server("1.5b")
    if not server.native:
        stop_shared_servers()
        pytest.skip("llama-server is not built (extractor model install builds it)")
    try:
        assert server.prime(codebook)  # evaluated now, or restored from an earlier run
    finally:
        stop_shared_servers()

    server = shared_server("1.5b")  # a fresh process: its slots start empty
    try:
        started = time.monotonic()
        assert server.prime(codebook)
        restore_seconds = time.monotonic() - started
        body = {"model": server.alias, "max_tokens": 2, "temperature": 0.0,
                "messages": [*codebook, {"role": "user", "content": "Say OK."}]}  # fmt: skip
        request = urllib.request.Request(
            f"{server.base_url}/chat/completions", data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=300) as resp:
            usage = json.loads(resp.read())["usage"]
    finally:
        stop_shared_servers()
    cached = usage["prompt_tokens_details"]["cached_tokens"]
    print(f"\nrestored in {restore_seconds:.2f} s; {cached} of {usage['prompt_tokens']} prompt "
          "tokens came from the restored slot")  # fmt: skip
    assert cached >= usage["prompt_tokens"] - 20  # all but the user turn was already evaluated
    assert restore_seconds < 5  # evaluating the rules takes ~8 s on two cores
