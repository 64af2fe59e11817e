"""The embedded model's notice is said exactly when it is true (hostile round 46, C).

``extractor batch status`` printed "no API key configured; using the embedded local
model" with ``EXTRACTOR_API_KEY`` set: the notice was untrue (a key was set), the
choice broke the README's rule ("with no option and no key, the embedded model is
used"), and the command runs no model when no batch is recorded. Over generated
environments (each of the variables unset, empty, blank or set):

* the model chosen is the one ``Settings.default_model_kind`` says, the one place
  of the rule: a key ``EXTRACTOR_API_KEY`` or ``OPENAI_API_KEY`` alone picks the
  default OpenAI model, never the embedded one;
* the notice is shown exactly when the embedded model is chosen for want of one;
* ``batch status`` and ``batch cancel`` with no batch recorded choose no model at
  all: no notice, and no refusal for want of a model.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.cli.common import show_notices
from extractor.errors import ConfigurationError
from extractor.runtime import providers
from extractor.settings import KEY_VARIABLES, Settings

runner = CliRunner()
#: variable -> the value it has when set (each is also drawn unset, empty or blank)
VALUES = {
    "EXTRACTOR_API_KEY": "sk-round46-extractor-key",
    "OPENAI_API_KEY": "sk-round46-openai-key",
    "ANTHROPIC_API_KEY": "sk-ant-round46-key",
    "EXTRACTOR_MODEL": "local",
    "EXTRACTOR_BASE_URL": "http://127.0.0.1:9/v1",
}
MODELS = ["local", "openai/gpt-4o-mini"]
environments = st.fixed_dictionaries(
    {
        name: st.sampled_from(
            [None, "", "   ", *(MODELS if name == "EXTRACTOR_MODEL" else [value])]
        )
        for name, value in VALUES.items()
    }
)
#: Every variable that chooses a model or carries a key: cleared before each environment.
CLEARED = {*VALUES, *KEY_VARIABLES.values(), "OPENAI_BASE_URL", "ANTHROPIC_BASE_URL",
           "EXTRACTOR_MODE", "EXTRACTOR_LOCAL_SIZE"}  # fmt: skip


@contextlib.contextmanager
def environment(values: dict[str, str | None], *, installed: bool = True):  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as patch:
        for name in CLEARED:
            patch.delenv(name, raising=False)
        for name, value in values.items():
            if value is not None:
                patch.setenv(name, value)
        patch.setattr(providers, "_local_model_installed", lambda size: installed)
        yield


@settings(max_examples=150, deadline=None, database=None)
@given(env=environments)
def test_the_local_model_is_chosen_and_announced_exactly_by_the_readme_rule(
    env: dict[str, str | None],
) -> None:
    with environment(env):
        said = io.StringIO()
        try:
            with contextlib.redirect_stderr(said), show_notices():
                spec = providers.resolve_model()
        except ConfigurationError as error:  # a remote model without its key: said, not chosen
            assert "needs an API key" in str(error) and not said.getvalue(), (env, error)
            return
        read = Settings.from_env()
    chosen = read.model  # blank counts as unset
    kind = read.default_model_kind()
    if chosen is None:
        assert spec.is_local == (kind == "local"), (env, spec.label)
        if kind == "openai":
            assert spec.label == providers.DEFAULT_OPENAI_MODEL, (env, spec.label)
    else:
        assert spec.is_local == (chosen == "local"), (env, spec.label)
    announced = providers.LOCAL_MODEL_NOTICE in said.getvalue()
    assert announced == (chosen is None and spec.is_local), (env, said.getvalue())
    # the README: "with no option and no key, the embedded model is used" (and only then)
    key = any((env.get(name) or "").strip() for name in ("EXTRACTOR_API_KEY", "OPENAI_API_KEY"))
    if chosen is None and key:
        assert not spec.is_local, env


@settings(max_examples=40, deadline=None, database=None)
@given(
    env=environments,
    installed=st.booleans(),
    command=st.sampled_from(["status", "cancel"]),
    state=st.sampled_from(["none", "empty"]),
)
def test_batch_commands_with_no_batch_recorded_choose_no_model(
    env: dict[str, str | None], installed: bool, command: str, state: str
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder, environment(env, installed=installed):
        output = Path(folder) / "out.jsonl"
        output.write_text("", encoding="utf-8")
        if state == "empty":  # a state file that records no batch (yet)
            Path(folder, "out.jsonl.batches.json").write_text(
                '{"version": 1, "batches": [], "model": null, "server": null}', encoding="utf-8"
            )
        result = runner.invoke(app, ["batch", command, str(output)])
    assert result.exit_code == 0, (env, result.output)
    assert "no batch recorded" in result.stdout
    assert result.stderr == "", (env, result.stderr)
