"""Round 55, CLI user mistakes and export: a result sent to a closed stdout, an -o that is a
dangling symlink, and the one spelling of a stopped run's status.

* A process started with stdout closed (``extractor view r.jsonl -o - >&-``, cron) had
  /dev/null put on it, so the page, table or schema written "to stdout" was thrown away
  with exit 0. Each command that writes its result to stdout now refuses first: one line,
  exit 2 (bulk already did).
* ``-o link`` where ``link`` is a symlink to a file in a folder that does not exist:
  ``view`` failed naming its own temporary file (``/x/.page.html.123.tmp: No such file``);
  now view makes the folder (as it does for a plain ``-o new/page.html``) and writes through
  the link, and the commands that make no folders say one line naming ``-o`` and its target.
* The stop row's status was spelt in two modules; both now use ``extractor.export.STOPPED``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from extractor.cli import app, common
from extractor.errors import ConfigurationError
from extractor.runtime.providers import resolve_model

runner = CliRunner()
SEED = Path(__file__).parent / "fixtures" / "viewer" / "seed_line.json"
TABLES = ["visits", "meetings", "arms_transfers", "casualty_reports", "events", "documents"]
NAMES = st.text(alphabet="abcdefghij_-0123456789 ", min_size=1, max_size=12).filter(
    lambda name: name.strip() == name and not name.startswith("-")
)
SETTINGS = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _stderr(result: Result) -> str:
    try:
        return result.stderr
    except ValueError:  # an older click mixes the streams
        return result.output


def _one_line_error(result: Result) -> str:
    lines = [line for line in _stderr(result).splitlines() if line.strip()]
    assert result.exit_code == 2, (result.exit_code, _stderr(result), result.exception)
    assert len(lines) == 1, lines
    assert "Traceback" not in _stderr(result)
    return lines[0]


@pytest.fixture
def results(tmp_path: Path) -> Path:
    """A bulk output of one document with records of every built-in type."""
    path = tmp_path / "results.jsonl"
    path.write_text(json.dumps(json.loads(SEED.read_text("utf-8"))) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def closed_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the process had started with stdout closed (``open_standard_streams`` records
    it); restored by monkeypatch, so no later test sees it."""
    monkeypatch.setattr(common, "CLOSED_AT_START", {1})


@SETTINGS
@given(table=st.sampled_from(TABLES), page_size=st.integers(1, 10**6), pick=st.integers(0, 2))
def test_a_result_for_a_closed_stdout_is_refused_not_lost(
    closed_stdout: None, results: Path, table: str, page_size: int, pick: int
) -> None:
    runs = [
        ["view", str(results), "-o", "-", "--page-size", str(page_size)],
        ["flatten", str(results), "-o", "-", "--table", table],
        ["schema"] if pick else ["schema", "-o", "-"],
    ]
    line = _one_line_error(runner.invoke(app, runs[pick]))
    assert "stdout is closed" in line


def test_extract_to_a_closed_stdout_is_refused_before_any_request(
    closed_stdout: None, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The president of France visited Germany on 3 May 2024.\n")
    env = {"EXTRACTOR_BASE_URL": "http://127.0.0.1:9/v1"}  # refused: never reached
    line = _one_line_error(runner.invoke(app, ["extract", str(article)], env=env))
    assert "stdout is closed" in line


def test_an_open_stdout_still_gets_the_result(results: Path) -> None:
    result = runner.invoke(app, ["flatten", str(results), "-o", "-", "--table", "visits"])
    assert result.exit_code == 0, _stderr(result)
    assert result.stdout.splitlines()[0].startswith("doc_id") or "doc_id" in result.stdout


@SETTINGS
@given(link=NAMES, folder=NAMES, leaf=NAMES)
def test_a_dangling_symlink_is_written_through_or_named_in_one_line(
    tmp_path_factory: pytest.TempPathFactory, link: str, folder: str, leaf: str
) -> None:
    root = tmp_path_factory.mktemp("links")
    results = root / "results.jsonl"
    results.write_text(json.dumps(json.loads(SEED.read_text("utf-8"))) + "\n", encoding="utf-8")
    missing = root / f"missing {folder}" / "deeper"

    page = root / f"{link}.html"
    page.symlink_to(missing / f"{leaf}.html")
    done = runner.invoke(app, ["view", str(results), "-o", str(page)])
    assert done.exit_code == 0, _stderr(done)
    assert page.is_symlink(), "the link itself was replaced"
    assert (missing / f"{leaf}.html").read_text("utf-8").startswith("<!DOCTYPE html>")

    for args, suffix in (
        (["schema", "-o"], ".json"),
        (["flatten", str(results), "--table", "events", "-o"], ".csv"),
    ):
        other = root / f"other {folder}" / "deeper" / f"{leaf}{suffix}"
        target = root / f"{link}{suffix}"
        target.symlink_to(other)
        line = _one_line_error(runner.invoke(app, [*args, str(target)]))
        assert target.name in line and ".tmp" not in line, line
        assert str(other) in line, line  # where the link points: what to fix
        assert target.is_symlink() and not other.parent.exists()


def test_the_stopped_status_is_spelt_once() -> None:
    from extractor import export
    from extractor.export import frames
    from extractor.integrations import rows

    assert export.STOPPED == "stopped"
    assert rows.STOPPED is export.STOPPED
    assert frames.STOPPED is export.STOPPED
    assert not hasattr(frames, "_STOPPED")
    row = rows.stop_row(ConfigurationError("boom"))
    assert row["status"] == export.STOPPED
    with pytest.raises(TypeError, match="stopped"):
        frames.table_rows([row], "events")


@settings(max_examples=20, deadline=None)
@given(blank=st.text(st.sampled_from(" \t\u00a0\u3000"), max_size=3))
def test_local_with_no_size_is_refused_as_openai_with_no_model_is(blank: str) -> None:
    """``--model local/`` (a size meant, none given) is one line as ``openai/`` is, never
    the embedded model started for a model the user did not name."""
    for model in (f"local/{blank}", f"openai/{blank}"):
        with pytest.raises(ConfigurationError, match="names no"):
            resolve_model(model, announce=False)


GOLD = Path(__file__).resolve().parent.parent / "seeds" / "000_e3df12fb75ba6b2b.gold.jsonl"


@SETTINGS
@given(pick=st.integers(0, 4))
def test_every_command_that_answers_on_stdout_refuses_a_closed_one(
    closed_stdout: None, results: Path, pick: int
) -> None:
    """What a command says on stdout (eval's report, the list of types, a status) is its
    result: with stdout closed it is refused in one line, never written to /dev/null with
    exit 0. The batch status is refused before it reads the output or asks a provider."""
    runs = [
        ["eval", str(GOLD), "--predictions", str(results)],
        ["eval", str(GOLD), "--predictions", str(results), "-o", "-"],
        ["types"],
        ["model", "status"],
        ["batch", "status", str(results)],
    ]
    line = _one_line_error(runner.invoke(app, runs[pick]))
    assert "stdout is closed" in line
