"""``--limit`` counts documents, and the summary counts what was extracted as extracted.

A folder holds articles among units that are no document (hidden files,
files of a type not read): before, each such unit took a place of ``--limit``
(a sample of 10 could hold no article at all), and the summary's inputs line
counted its skipped line as "new", beside the articles extracted.

Invariants, on generated folders (articles and skipped units in any mix,
any ``--limit``): a run with ``--limit N`` extracts ``min(N, articles)``
documents, and the summary's inputs line says that many new and counts the
skipped units apart; the summary JSON keeps ``new`` as every new line (its
``documents`` identity) with ``new_not_read`` saying how many of them were
not read.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()


#: Units that are no document: a hidden file, a file of a type bulk does not read.
SKIPPED = st.sampled_from([".{n}.txt", "{n}.docx", ".{n}.md"])


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    names=st.lists(st.one_of(st.just("{n}.txt"), SKIPPED), min_size=1, max_size=8),
    limit=st.integers(1, 6),
)
def test_limit_takes_documents_and_the_summary_counts_them_apart(
    fake: FakeOpenAI, names: list[str], limit: int
) -> None:
    articles = names.count("{n}.txt")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n, name in enumerate(names):
            (folder / name.format(n=n)).write_text(kano(n + 10), encoding="utf-8")
        out, summary = Path(tmp) / "out.jsonl", Path(tmp) / "summary.json"
        before = len(fake.requests)
        done = runner.invoke(app, [
            "bulk", str(folder), "-o", str(out), "--limit", str(limit),
            "--summary-json", str(summary), "--model", "openai/fake-model",
            "--base-url", fake.base_url, "--strategy", "single",
        ])  # fmt: skip
        assert done.exit_code == 0, done.output
        extracted = min(limit, articles)
        assert len(fake.requests) - before == extracted
        said = json.loads(summary.read_text(encoding="utf-8"))
        assert said["new"] - said["new_not_read"] == extracted
        inputs = re.search(r"inputs +([\d,]+) new", done.stderr)
        assert inputs is not None and int(inputs.group(1)) == extracted, done.stderr
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert sum(line["status"] == "ok" for line in lines) == extracted
        assert said["not_read"] == said["new_not_read"] == len(lines) - extracted
