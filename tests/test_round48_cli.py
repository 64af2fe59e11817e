"""Round 48's CLI findings, each as an invariant on generated inputs.

* a ``--base-url`` holding a query or fragment is refused before any request, in one line
  (exit 2), none of its values shown: the client put the API's paths after it
  (``/v1?key=x/chat/completions``), so no request reached the API, and only values under
  some parameter names were hidden;
* ``max_retries`` is bounded (:data:`~extractor.pipeline.engine.MAX_REASKS`): past it, one
  line, exit 2, before any request (``--max-retries 1000000`` against a model that never
  answers validly asked for ever);
* the temporary files a killed ``flatten``/``view`` leaves beside its target, a database's
  write-ahead log (``.tmp.wal``) and the UTF-8-escaped name of a non-UTF-8 target
  included, are removed by the next write of that target; a running process's are kept.
"""

from __future__ import annotations

import os
import string
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import Extractor
from extractor.cli import app
from extractor.errors import ConfigurationError
from extractor.io.output import Replacement
from extractor.pipeline.engine import MAX_REASKS
from extractor.redact import escape_surrogates
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
HYPOTHESIS = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: A value no message has by chance: 16 letters and digits.
SECRETS = st.text(string.ascii_letters + string.digits, min_size=16, max_size=24)
NAMES = st.sampled_from(["key", "code", "api-version", "token", "sig", ""])


@HYPOTHESIS
@given(name=NAMES, value=SECRETS, how=st.sampled_from(["?", "#", "/?", "?x=1&"]))
def test_a_base_url_with_a_query_is_refused_before_any_request_without_its_values(
    fake: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory, name: str, value: str, how: str
) -> None:
    article = tmp_path_factory.mktemp("q") / "a.txt"
    article.write_text(kano(7))
    url = f"{fake.base_url}{how}{name + '=' if name else ''}{value}"
    before = len(fake.requests)
    done = runner.invoke(app, ["extract", str(article), "--model", "openai/fake-model",
                               "--base-url", url])  # fmt: skip
    assert done.exit_code == 2, done.output
    assert len(fake.requests) == before  # refused before any request
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert value not in done.stderr and value not in done.stdout, done.stderr
    assert "query or fragment" in done.stderr


@HYPOTHESIS
@given(reasks=st.integers(MAX_REASKS + 1, 10**12))
def test_re_asks_past_the_bound_are_refused_in_one_line(fake: FakeOpenAI, reasks: int) -> None:
    with pytest.raises(ConfigurationError, match=f"at most {MAX_REASKS}"):
        Extractor(model="openai/fake-model", base_url=fake.base_url, max_retries=reasks)
    before = len(fake.requests)
    done = runner.invoke(app, ["extract", "-", "--model", "openai/fake-model",
                               "--base-url", fake.base_url, "--max-retries", str(reasks)],
                         input=kano(3))  # fmt: skip
    assert done.exit_code == 2, done.output
    assert len(fake.requests) == before
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    Extractor(model="openai/fake-model", base_url=fake.base_url, max_retries=MAX_REASKS).close()


def _dead_pid() -> int:
    """A pid that ran and no longer runs (its number may come back, rarely: then the file
    is kept, which the test allows for by asking only of pids it saw end)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@settings(HYPOTHESIS, max_examples=10)
@given(
    stem=st.text(string.ascii_letters + "-_ ", min_size=1, max_size=10),
    undecodable=st.booleans(),
    suffix=st.sampled_from([".duckdb", ".html", ".csv"]),
)
def test_a_killed_writers_leftovers_are_swept_and_a_running_ones_kept(
    tmp_path_factory: pytest.TempPathFactory, stem: str, undecodable: bool, suffix: str
) -> None:
    folder = tmp_path_factory.mktemp("sweep")
    name = stem + ("\udcff" if undecodable else "") + suffix  # a non-UTF-8 byte, as Python reads it
    target = folder / name
    dead, alive = _dead_pid(), os.getppid()
    left = []
    for pid in (dead, alive):
        for spelt in (name, escape_surrogates(name)):
            for side in ("", ".wal"):
                path = folder / f".{spelt}.{pid}.tmp{side}"
                path.write_bytes(b"x")
                left.append((pid, path))
    other = folder / f".{name}.notapid.tmp.wal"
    other.write_bytes(b"x")
    Replacement.of(target).clear()
    for pid, path in left:
        assert path.exists() is (pid == alive), (pid, path.name)
    assert other.exists()
