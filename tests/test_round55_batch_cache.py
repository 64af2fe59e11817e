"""``bulk --batch --cache`` is refused in one line, before anything is read or sent.

The provider batch path builds its requests itself and never asked or filled the
result cache: a warm cache was paid again in full and the batch's answers were never
kept for later runs, with nothing said. Inputs and cache places are generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.bulk.provider_batch import ProviderBatchRun
from extractor.cli import app
from extractor.errors import ConfigurationError

runner = CliRunner()
_names = st.from_regex(r"[a-z]{1,8}", fullmatch=True)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(_names, min_size=1, max_size=3, unique=True),
    cache=st.sampled_from([True, "c.sqlite"]),
)
def test_batch_with_cache_is_refused_before_any_work(tmp_path: Path, names, cache) -> None:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(f"At least 5 people were killed in Kano, {name}.\n")
    out = tmp_path / "out.jsonl"
    options = {"model": "openai/fake", "base_url": "http://127.0.0.1:9/v1", "api_key": "sk-x"}
    with pytest.raises(ConfigurationError, match="--batch does not use the result cache"):
        ProviderBatchRun(
            [str(folder)],
            str(out),
            cache=tmp_path / str(cache) if cache is not True else True,
            **options,
        )
    result = runner.invoke(
        app,
        ["bulk", str(folder), "-o", str(out), "--batch", "--cache"],
        env={
            "EXTRACTOR_BASE_URL": "http://127.0.0.1:9/v1",
            "OPENAI_API_KEY": "sk-x",
            "EXTRACTOR_MODEL": "openai/fake",
        },
    )
    assert result.exit_code == 2, result.output
    assert "--batch does not use the result cache" in result.output
    assert not out.exists()
