"""Limits that protect the machine and the user's files from a typo (issue #14).

* ``-j`` is bounded (1..:data:`MAX_CONCURRENCY`), and :func:`extract_many`
  starts a worker only when a document waits and no worker is idle, so a big
  ``-j`` on a small input costs one task per document in flight (finding 14:
  ``-j 100000000`` took 7 GB); the early stop after failures in a row does not
  grow with ``-j`` beyond :data:`MAX_ABORT_AFTER`.
* ``--base-url`` must be an http(s) URL with a host, refused before any work
  (finding 15: ``notaurl`` cost ~35 s per document and never named the URL).
* ``-o`` naming a user's one-line file is refused untouched (finding 8), from
  the command line.

Every check uses generated values; the network is blocked, so a request made
where none may be fails the test.
"""

from __future__ import annotations

import asyncio
import json
import re
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from extractor.bulk import batch
from extractor.bulk.batch import (
    MAX_ABORT_AFTER,
    MAX_CONCURRENCY,
    BatchAborted,
    BatchResult,
    ErrorInfo,
    default_abort_after,
    extract_many,
)
from extractor.cli import app
from extractor.errors import ConfigurationError
from extractor.redact import redact
from extractor.runtime.providers import canonical_base_url, resolve_model
from extractor.settings import Settings
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network

runner = CliRunner()
CLEAN_ENV: dict[str, str | None] = {
    name: None for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY",
                            "EXTRACTOR_MODE", "OPENAI_BASE_URL", "ANTHROPIC_BASE_URL")
}  # fmt: skip
#: A server nobody answers on: reaching it would be a bug (and the network is blocked).
NOWHERE = ["--model", "openai/fake-model", "--base-url", "http://127.0.0.1:9/v1"]
FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def one_error_line(result: Result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


# ---------------------------------------------------------------------- -j


@FAST
@given(jobs=st.integers(min_value=MAX_CONCURRENCY + 1, max_value=10**12) | st.integers(-5, 0))
def test_jobs_out_of_bounds_is_refused_in_one_line(jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text("At least 5 people were killed in Kano on Friday.\n")
        out = Path(tmp) / "out.jsonl"
        result = runner.invoke(
            app, ["bulk", str(article), "-o", str(out), f"-j{jobs}", *NOWHERE], env=CLEAN_ENV
        )
        assert result.exit_code == 2
        line = one_error_line(result)
        assert "--jobs" in line and (str(MAX_CONCURRENCY) in line or "1" in line)
        assert not out.exists()


class Probe:
    """Stands in for one extraction: counts the workers alive and the documents in flight."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.in_flight = 0
        self.most_in_flight = 0
        self.most_workers = 0

    async def __call__(
        self, extractor: Any, index: int, item: Any, doc_id: str | None = None
    ) -> BatchResult:
        workers = [t for t in asyncio.all_tasks() if t.get_name().startswith("extract-many-worker")]
        self.most_workers = max(self.most_workers, len(workers))
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.002)
        finally:
            self.in_flight -= 1
        name = str(index) if doc_id is None else doc_id  # the name the feeder gave it
        if self.fail:
            return BatchResult(name, index, error=ErrorInfo("E", "HTTP 502", "transient", 502))
        return BatchResult(name, index)


def _stand_in() -> SimpleNamespace:
    """An extractor's interface (``extract_many`` takes what has ``aextract`` and
    ``aclose``); the documents never reach it: ``_extract_one`` is the probe."""

    async def nothing(*args: object, **kwargs: object) -> None:
        return None

    return SimpleNamespace(spec=SimpleNamespace(base_url=None), aextract=nothing, aclose=nothing)


def run_batch(probe: Probe, items: int, concurrency: int) -> list[BatchResult]:
    extractor: Any = _stand_in()

    async def collect() -> list[BatchResult]:
        stream = extract_many(
            [(f"d{n}", "text") for n in range(items)], extractor=extractor, concurrency=concurrency
        )
        return [result async for result in stream]

    return asyncio.run(collect())


@settings(max_examples=40, deadline=None)
@given(items=st.integers(0, 40), concurrency=st.integers(1, MAX_CONCURRENCY))
def test_workers_never_outnumber_the_documents_in_flight(items: int, concurrency: int) -> None:
    probe = Probe()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch, "_extract_one", probe)
        results = run_batch(probe, items, concurrency)
    assert sorted(result.index for result in results) == list(range(items))  # one per item
    assert probe.most_workers <= min(items, concurrency)
    assert probe.most_in_flight == min(items, concurrency)  # lazy, yet as concurrent as asked


@FAST
@given(concurrency=st.integers(MAX_CONCURRENCY + 1, 10**12) | st.integers(-(10**6), 0))
def test_concurrency_out_of_bounds_is_refused_before_any_work(concurrency: int) -> None:
    with pytest.raises(ConfigurationError, match=f"between 1 and {MAX_CONCURRENCY}"):
        run_batch(Probe(), 3, concurrency)


@settings(max_examples=15, deadline=None)
@given(concurrency=st.integers(1, MAX_CONCURRENCY))
def test_the_early_stop_does_not_grow_with_the_concurrency(concurrency: int) -> None:
    """A server failing every document stops the run after a bounded number of failures."""
    limit = default_abort_after(concurrency)
    assert 10 <= limit <= MAX_ABORT_AFTER
    assert limit == min(max(10, 2 * concurrency), MAX_ABORT_AFTER)
    probe = Probe(fail=True)
    seen: list[BatchResult] = []

    async def collect() -> None:
        extractor: Any = _stand_in()
        items = [(f"d{n}", "text") for n in range(3 * MAX_ABORT_AFTER)]
        async for result in extract_many(items, extractor=extractor, concurrency=concurrency):
            seen.append(result)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch, "_extract_one", probe)
        with pytest.raises(BatchAborted, match="keeps answering HTTP 502"):
            asyncio.run(collect())
    assert len(seen) == limit


# ---------------------------------------------------------------- --base-url

hosts = st.from_regex(r"[a-z][a-z0-9]{0,10}(\.[a-z]{2,5}){0,2}", fullmatch=True)
good_urls = st.builds(
    lambda scheme, host, port, path: f"{scheme}://{host}{port}{path}",
    st.sampled_from(["http", "https", "HTTP"]),
    hosts | st.just("127.0.0.1") | st.just("[::1]"),
    st.just("") | st.integers(1, 65535).map(lambda p: f":{p}"),
    st.sampled_from(["", "/", "/v1", "/api/v1/"]),
)
printable = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=30)
bad_urls = st.one_of(
    printable.filter(lambda text: "://" not in text),  # no scheme: notaurl, localhost:8000/v1
    st.builds(
        lambda scheme, host: f"{scheme}://{host}/v1",
        st.sampled_from(["ftp", "file", "ws", "htp", "unix"]),
        hosts,
    ),
    st.builds(lambda host, port: f"http://{host}:{port}/v1", hosts, st.integers(65536, 10**9)),
    st.sampled_from(["http://", "https:///v1", "http://:8000/v1", "http://user:pw@/v1"]),
    # a blank or control character inside (around it, it is stripped: see below)
    st.builds(
        lambda host, blank: f"http://{host}{blank}/v1",
        hosts,
        st.sampled_from([" ", "\t", "\x7f", "\u00a0"]),
    ),
)


@FAST
@given(url=good_urls)
def test_an_http_url_with_a_host_is_accepted(url: str) -> None:
    spec = resolve_model("openai/fake-model", base_url=url, api_key="x")
    assert spec.base_url == canonical_base_url(url)


@FAST
@given(
    url=good_urls,
    before=st.sampled_from(["", " ", "\t", "\n "]),
    after=st.sampled_from(["", " ", "\n"]),
)
def test_blanks_pasted_around_a_url_are_dropped_as_in_the_variable(
    url: str, before: str, after: str
) -> None:
    """`--base-url " http://host/v1"` passed the check, then was sent as given: 36 s of
    retries and "could not reach the model server"."""
    spec = resolve_model("openai/fake-model", base_url=f"{before}{url}{after}", api_key="x")
    assert spec.base_url == canonical_base_url(url)


@FAST
@given(
    url=good_urls,
    password=st.text("abcdefghijkXYZ0123456789-_.~", min_size=6, max_size=20),
    sdk=st.sampled_from([("openai", "OPENAI_BASE_URL"), ("anthropic", "ANTHROPIC_BASE_URL")]),
)
def test_an_sdks_base_url_is_the_server_of_its_models_and_its_password_hidden(
    url: str, password: str, sdk: tuple[str, str]
) -> None:
    provider, variable = sdk
    other = "anthropic/claude" if provider == "openai" else "openai/gpt-4o-mini"
    with_password = url.replace("://", f"://user:{password}@", 1)
    env = Settings.from_env({variable: with_password})
    import extractor.redact as redact_module

    # a redactor of this test's own: a drawn password ("127.0.") must not hide hosts in
    # every later test's messages
    with (
        patch.object(redact_module, "redactor", redact_module.Redactor()),
        patch("extractor.runtime.providers.settings", return_value=env),
    ):
        spec = resolve_model(f"{provider}/fake-model")
        assert spec.base_url == canonical_base_url(with_password)
        assert password not in redact(f"failed: {with_password}")
        # another provider's model never goes to this SDK's server
        assert resolve_model(other, api_key="x").base_url is None


def quoted(url: str) -> str:
    """``url`` as a refusal quotes it: redacted, and cut at a query or fragment (``h?…``),
    whose values may be secrets the redactor does not know."""
    head, cut = [*re.split(r"([?#])", redact(url), maxsplit=1), ""][:2]
    return head + (f"{cut}…" if cut else "")


@settings(max_examples=60, deadline=None)
@given(url=bad_urls)
def test_a_base_url_that_cannot_be_reached_is_refused_naming_it(url: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        resolve_model("openai/fake-model", base_url=url, api_key="x")
    message = str(info.value)
    assert "\n" not in message and repr(quoted(url)) in message
    assert "http://host:port/v1" in message


@FAST
@given(
    url=bad_urls,
    command=st.sampled_from(["extract", "bulk"]),
    given_as=st.sampled_from(["--base-url", "EXTRACTOR_BASE_URL", "OPENAI_BASE_URL"]),
)
def test_both_commands_refuse_a_bad_base_url_before_any_work(
    url: str, command: str, given_as: str
) -> None:
    """However the URL is given: the openai SDK would read OPENAI_BASE_URL unchecked."""
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text("At least 5 people were killed in Kano on Friday.\n")
        out = Path(tmp) / "out.jsonl"
        args = [command, str(article), "-o", str(out), "--model", "openai/fake-model"]
        if given_as == "--base-url":
            result = runner.invoke(app, [*args, f"--base-url={url}"], env=CLEAN_ENV)
        else:
            env = {**CLEAN_ENV, given_as: url, "OPENAI_API_KEY": "sk-test"}
            result = runner.invoke(app, args, env=env)
        assert result.exit_code == 2, result.stderr
        line = one_error_line(result)
        assert repr(quoted(url)) in line and "http://host:port/v1" in line
        assert not out.exists()


# ------------------------------------------------------------------------ -o

user_line = json.dumps({"doc_id": "mine", "text": "precious"}).encode()
result_line = json.dumps(
    {"doc_id": "a", "status": "ok", "source": None, "records": [], "counts": {}, "usage": {},
     "error": None}
).encode()  # fmt: skip


@pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
@settings(FAST, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(
        st.integers(1, len(user_line)).map(lambda n: user_line[:n]),
        # a whole result line without its newline is the tool's own output (kept and
        # completed): only a cut one is no output
        st.integers(1, len(result_line) - 1).map(lambda n: result_line[:n]),
    )
)
def test_bulk_refuses_a_users_one_line_file_and_leaves_it_byte_identical(
    fake: FakeOpenAI, content: bytes
) -> None:
    """Finding 8: ``{"doc_id": "mine", "text": "precious"}`` without a newline, or ``{``."""
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "s.txt"
        article.write_text("At least 5 people were killed in Kano on Friday.\n")
        mine = Path(tmp) / "mine.jsonl"
        mine.write_bytes(content)
        model = ["--model", "openai/fake-model", "--base-url", fake.base_url]
        requests = len(fake.requests)
        for extra in ([], ["--retry-errors"]):
            result = runner.invoke(
                app, ["bulk", str(article), "-o", str(mine), *model, *extra], env=CLEAN_ENV
            )
            assert result.exit_code == 2, result.stderr
            line = one_error_line(result)
            assert str(mine) in line and "not an extractor output file" in line
            assert mine.read_bytes() == content
        assert len(fake.requests) == requests  # refused before any document was sent
        assert sorted(p.name for p in Path(tmp).iterdir()) == ["mine.jsonl", "s.txt"]


@FAST
@given(
    provider=st.sampled_from(["anthropic"]),
    key_in=st.sampled_from(["none", "ANTHROPIC_API_KEY", "EXTRACTOR_API_KEY", "argument", "url"]),
)
def test_a_native_api_through_a_gateway_needs_its_key_before_any_work(
    provider: str, key_in: str
) -> None:
    """``--model anthropic/... --base-url <gateway>`` with no Anthropic key failed every
    document as "the model gave no valid answer" (its SDK refused to send): it is one line
    naming the key to set, before any work, unless a key or URL credentials are given."""
    env = Settings.from_env({"OPENAI_API_KEY": "sk-openai", **(
        {key_in: "sk-given"} if key_in in ("ANTHROPIC_API_KEY", "EXTRACTOR_API_KEY") else {})})  # fmt: skip
    url = "http://user:pw@127.0.0.1:9/v1" if key_in == "url" else "http://127.0.0.1:9/v1"
    with patch("extractor.runtime.providers.settings", return_value=env):
        call = lambda: resolve_model(  # noqa: E731
            f"{provider}/claude-x", base_url=url, api_key="sk-arg" if key_in == "argument" else None
        )
        if key_in == "none":
            with pytest.raises(ConfigurationError, match="ANTHROPIC_API_KEY or EXTRACTOR_API_KEY"):
                call()
        else:
            assert call().base_url is not None
