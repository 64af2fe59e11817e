"""Shared fixtures: the seed article and its gold records."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

#: CI runs the same generated inputs every time (a red run is reproducible, a green one
#: is not luck); ``--hypothesis-profile=explore`` draws new ones, many more, for hunting.
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ID = "000_e3df12fb75ba6b2b"


@pytest.fixture(autouse=True)
def _secrets_of_this_test() -> Iterator[None]:
    """The process's redactor forgets, after each test, the secrets the test registered:
    a generated key or password that happens to read like a host (``127.0.0.1``) would
    otherwise hide that host in every later test's messages."""
    from extractor.redact import redactor

    before = redactor._registered, redactor._keys
    yield
    # both: a key left in ``_keys`` hid its fragments (6 characters and up: "killed",
    # "status") in every later test's text, a fake model's answers included
    redactor._registered, redactor._keys = before


#: The settings a user's shell may hold that change which model or server a run uses.
EXTRACTOR_SETTINGS = (
    "EXTRACTOR_MODEL",
    "EXTRACTOR_BASE_URL",
    "EXTRACTOR_API_KEY",
    "EXTRACTOR_MODE",
)


@pytest.fixture(autouse=True, scope="session")
def _no_settings_from_the_shell() -> Iterator[None]:
    """The session runs without the ``EXTRACTOR_*`` settings of the shell that runs it: a
    model or server named there would otherwise be the one a test's run talks to. Once,
    first: a module's fixture that sets one (the README's server) keeps it."""
    with pytest.MonkeyPatch.context() as patch:
        for name in EXTRACTOR_SETTINGS:
            patch.delenv(name, raising=False)
        yield


@pytest.fixture(scope="module")
def fake() -> Iterator[Any]:
    """One fake OpenAI-compatible server per test module, answering every request with the
    Kano casualty report (``tests.fakes.kano``): the server most CLI and bulk tests drive.
    A module that needs a fresh server per test, or other answers, defines its own ``fake``."""
    from tests.fakes.kano import casualty_responder
    from tests.fakes.openai_server import FakeOpenAI

    with FakeOpenAI(casualty_responder) as server:
        yield server


@pytest.fixture(scope="module")
def kano_server(fake: Any) -> Any:
    """The same server under the name the eval and record tests give it."""
    return fake


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / f"{SEED_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    line = (SEEDS / f"{SEED_ID}.gold.jsonl").read_text(encoding="utf-8").splitlines()[0]
    return json.loads(line)


@pytest.fixture(scope="session")
def seed_published() -> date:
    return date(2023, 5, 31)


# -- cassettes ---------------------------------------------------------------
# Recorded from the embedded llama.cpp model (scripts/record_cassettes.py);
# replayed offline. Requests match on method, path and body, so a changed
# prompt or schema fails until the cassettes are re-recorded; the host and
# port are not matched because the recording server's port is random.
RECORDED_MODEL = "openai/qwen2.5-coder-1.5b-instruct"
RECORDING_BASE_URL = os.environ.get("EXTRACTOR_TEST_BASE_URL", "http://127.0.0.1:8085/v1")
SECRET_HEADERS = [
    "authorization", "api-key", "x-api-key", "openai-organization", "openai-project",
    "cookie", "set-cookie", "x-goog-api-key", "anthropic-api-key",
]  # fmt: skip


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": SECRET_HEADERS,
        "filter_query_parameters": ["api_key", "key"],
        "before_record_response": _scrub_response,
        "match_on": ["method", "path", "body"],
        "decode_compressed_response": True,
        "allowed_hosts": ["127.0.0.1", "localhost"],
    }


@pytest.fixture
def cassette_misses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fails the test (at teardown) when a request found no recorded answer.

    The client turns vcrpy's refusal into a connection error, and the
    extraction into an error line: without this a missing answer would be
    scored, and even committed, as the model's failure.
    """
    from vcr.errors import CannotOverwriteExistingCassetteException

    misses: list[str] = []
    original = CannotOverwriteExistingCassetteException.__init__

    def noted(self: Any, *args: Any, **kwargs: Any) -> None:
        request = kwargs.get("failed_request")
        misses.append(f"{getattr(request, 'method', '?')} {getattr(request, 'path', '?')}")
        original(self, *args, **kwargs)

    monkeypatch.setattr(CannotOverwriteExistingCassetteException, "__init__", noted)
    yield misses
    assert not misses, f"{len(misses)} request(s) have no recorded answer: re-record ({misses[:3]})"


@pytest.fixture
def recorded_extractor(cassette_misses: list[str]) -> Any:
    """An Extractor aimed at the recording server; replays from the test's cassette, and
    fails the test if any request is missing from it (:func:`cassette_misses`)."""
    from extractor.pipeline.engine import Extractor
    from extractor.runtime.retrying import RetryPolicy

    def make(**options: Any) -> Extractor:
        options.setdefault("retry_policy", RetryPolicy(attempts=1))
        # a recording on two busy cores can take minutes per request; a timed-out request
        # records nothing, and its document would be committed as the model's failure
        options.setdefault("timeout", 3600.0)
        return Extractor(RECORDED_MODEL, base_url=RECORDING_BASE_URL, **options)

    return make


@pytest.fixture
def fresh_registry() -> Iterator[None]:
    """A fresh record-type registry for the test (``tests.registry_support.own_registry``):
    the types it registers are gone after it."""
    from tests.registry_support import own_registry

    with own_registry():
        yield


@pytest.fixture(scope="module")
def model_server() -> Iterator[Any]:
    """A fake OpenAI server answering the dated Kano sentence (``tests.test_python_api.
    kano_model``: a record dated as the article words it, citing the sentence that says so),
    where ``fake`` cites sentence 1: the identity tests run whole bulk runs on it."""
    from tests.fakes.openai_server import FakeOpenAI
    from tests.test_python_api import kano_model

    with FakeOpenAI(kano_model) as running:
        yield running


@pytest.fixture(scope="module")
def model_engine(model_server: Any) -> Iterator[Any]:
    """An Extractor on :func:`model_server`, one attempt per request."""
    from extractor.pipeline.engine import Extractor
    from extractor.runtime.retrying import RetryPolicy

    with Extractor(
        "openai/fake-model", base_url=model_server.base_url, retry_policy=RetryPolicy(attempts=1)
    ) as extractor:
        yield extractor
