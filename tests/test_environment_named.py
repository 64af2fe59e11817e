"""A bad value in an environment variable is named as the variable's (hostile round 17, #3),
and a batch command on a file that is not there says so (#1).

Generated values that are no mode or size: every command that reads the variable refuses
in one line that names it and its value, exit 2, never blaming the article or an option
the user did not give; the Python API raises a ConfigurationError naming it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import ConfigurationError, Extractor
from extractor.cli import app
from extractor.runtime.local import MODELS
from extractor.runtime.providers import _MODES

runner = CliRunner()
FUSSY = [HealthCheck.function_scoped_fixture]
_VALUE = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=12)
BAD_MODES = _VALUE.filter(lambda v: v not in ("auto", *_MODES))
BAD_SIZES = _VALUE.filter(lambda v: v.strip().lower() not in MODELS)


def _line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    return lines[0]


@settings(max_examples=20, deadline=None, suppress_health_check=FUSSY)
@given(mode=BAD_MODES)
def test_a_bad_extractor_mode_is_named_by_extract_and_the_api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Officials met in Lima.", encoding="utf-8")
    monkeypatch.setenv("EXTRACTOR_MODE", mode)
    result = runner.invoke(app, ["extract", str(article), "--base-url", "http://127.0.0.1:9/v1",
                                 "--model", "fake"])  # fmt: skip
    assert result.exit_code == 2
    line = _line(result.output)
    assert f"EXTRACTOR_MODE={mode!r}" in line and "a.txt" not in line
    with pytest.raises(ConfigurationError, match="EXTRACTOR_MODE="):
        Extractor("fake", base_url="http://127.0.0.1:9/v1")
    Extractor("fake", base_url="http://127.0.0.1:9/v1", mode="json").close()  # given: not read


@settings(max_examples=20, deadline=None, suppress_health_check=FUSSY)
@given(
    size=BAD_SIZES,
    command=st.sampled_from(
        [["model", "path"], ["model", "status"], ["extract", "a.txt", "--model", "local"]]
    ),
)
def test_a_bad_local_size_is_named_not_blamed_on_size_or_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: str, command: list[str]
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Officials met in Lima.", encoding="utf-8")
    monkeypatch.setenv("EXTRACTOR_LOCAL_SIZE", size)
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    line = _line(result.output)
    assert f"EXTRACTOR_LOCAL_SIZE={size!r}" in line and "--size" not in line
    assert "a.txt" not in line


@pytest.mark.parametrize("command", ["status", "cancel"])
def test_batch_commands_on_a_file_that_is_not_there_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    result = runner.invoke(app, ["batch", command, str(tmp_path / "out.json")])
    assert result.exit_code == 2
    assert "no such file" in _line(result.output)
    (tmp_path / "out.json").write_text("", encoding="utf-8")  # there, with no batch: nothing
    result = runner.invoke(app, ["batch", command, str(tmp_path / "out.json")])
    assert result.exit_code == 0 and "no batch recorded" in result.output
