"""A damaged result cache is one line naming it, or a cache that misses; never a crash.

``--cache`` keeps results in one SQLite file. Whatever that path holds (bytes that
are no database, a database cut short by a full disk or a kill, a folder, a
folder that cannot be made), extract and bulk say so in one line (exit 2) before
any request, and bulk writes nothing. A cache that fails once the run is going
(a damaged page, a full disk) misses, with one warning, and the run goes on.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.runtime.cache import ResultCache
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()


@pytest.fixture(scope="module")
def server() -> Any:
    with FakeOpenAI(casualty_responder) as fake:
        yield fake


def _real_cache(path: Path) -> bytes:
    cache = ResultCache(path)
    for n in range(40):
        cache.put(f"k{n}", "x" * 500)
    cache.close()
    return path.read_bytes()


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    damage=st.one_of(
        st.binary(min_size=1, max_size=200).map(lambda b: ("bytes", b)),
        st.floats(0.05, 0.9).map(lambda f: ("cut", f)),
        st.just(("folder", None)),
    ),
    command=st.sampled_from(["extract", "bulk"]),
)
def test_a_cache_that_cannot_be_used_is_one_line_before_any_work(
    damage: tuple[str, Any], command: str, server: FakeOpenAI, tmp_path: Path
) -> None:
    how, detail = damage
    scratch = Path(tempfile.mkdtemp(dir=tmp_path))  # one per example: the fixture is shared
    home = scratch / "cache"
    file = home / "extractor" / "extractions.sqlite"
    file.parent.mkdir(parents=True, exist_ok=True)
    if how == "bytes":
        if detail.startswith(b"SQLite format 3\x00"):
            return
        file.write_bytes(detail)
    elif how == "cut":
        whole = _real_cache(file)
        file.write_bytes(whole[: max(100, int(len(whole) * detail))])
        for extra in (file.with_name(file.name + "-wal"), file.with_name(file.name + "-shm")):
            extra.unlink(missing_ok=True)
    else:
        file.mkdir()
    article = scratch / "a.txt"
    article.write_text(kano(4), encoding="utf-8")
    output = scratch / "out.jsonl"
    args = [command, str(article), "--cache", "--model", "openai/fake", "--base-url",
            server.base_url, "-o", str(output)]  # fmt: skip
    args += ["--progress", "none"] if command == "bulk" else ["-f", "jsonl"]
    before = len(server.log)
    result = runner.invoke(app, args, env={"XDG_CACHE_HOME": str(home), "OPENAI_API_KEY": "k"})
    if result.exit_code == 0:  # SQLite took it as a database (a few bytes, a cut that kept
        ResultCache(file).close()  # its header): a cache, as good as what it holds
        assert how != "folder"
        return
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert any("result cache" in line and str(file) in line for line in lines), lines
    assert len(server.log) == before
    assert not output.exists() or output.read_text() == ""


def test_a_cache_that_fails_mid_run_misses_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = ResultCache(tmp_path / "c.sqlite")
    cache.put("a", "1")
    assert cache.get("a") == "1"

    class Broken:
        def execute(self, *args: Any) -> Any:
            raise sqlite3.DatabaseError("database disk image is malformed")

        def commit(self) -> None: ...

        def close(self) -> None: ...

    cache._db = Broken()  # type: ignore[assignment]
    with caplog.at_level("WARNING"):
        assert cache.get("a") is None
        cache.put("b", "2")
        assert cache.get("b") is None
    warnings = [r for r in caplog.records if "result cache" in r.getMessage()]
    assert len(warnings) == 1 and "malformed" in warnings[0].getMessage()
    cache.close()


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(numbers=st.lists(st.integers(2, 999), min_size=2, max_size=4, unique=True), rng=st.randoms())
def test_a_cache_entry_that_does_not_fit_its_text_is_a_miss(
    numbers: list[int], rng: Any, server: FakeOpenAI, tmp_path: Path
) -> None:
    """Entries swapped between keys (a cache edited, or merged from another machine): what
    the cache serves still has every quote equal to ``text[start:end]`` of its own text,
    because an entry that does not fit is extracted again."""
    from extractor.pipeline.engine import Extractor

    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "c.sqlite"
    texts = [kano(n) + f" Report {n}." for n in numbers]
    options = {"model": "openai/fake", "base_url": server.base_url, "api_key": "k"}
    with Extractor(**options, cache=path) as ex:
        for text in texts:
            ex.extract(text)
    db = sqlite3.connect(path)
    rows = db.execute("SELECT key, value FROM results").fetchall()
    values = [value for _, value in rows]
    rng.shuffle(values)
    for (key, _), value in zip(rows, values, strict=True):
        db.execute("UPDATE results SET value = ? WHERE key = ?", (value, key))
    db.commit()
    db.close()
    with Extractor(**options, cache=path) as ex:
        for text in texts:
            result = ex.extract(text)
            for record in result.records:
                for span in record.evidence.spans:
                    assert text[span.start : span.end] == span.text
