"""The redacting hooks belong to the ``extractor`` process, not to a program calling the app.

``install_redacting_hooks`` replaces ``sys.excepthook`` and ``warnings.formatwarning`` for
the rest of the process. Installed from ``app()`` itself, every in-process caller (a test
runner, a notebook calling ``app(..., standalone_mode=False)``) lost its own hooks. It is the
console script's (``extractor.cli.main``) now; a hook a program set before is still called.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parent.parent


@settings(max_examples=5, deadline=None)
@given(args=st.sampled_from([["types"], ["schema", "--type", "visit"], ["--version"], ["nope"]]))
def test_calling_the_app_leaves_the_callers_hooks(args: list[str]) -> None:
    hook, formatter = sys.excepthook, warnings.formatwarning
    CliRunner().invoke(app, args)
    assert sys.excepthook is hook and warnings.formatwarning is formatter


_OWN_HOOK = """
import sys
from extractor.cli._app import install_redacting_hooks
sys.excepthook = lambda kind, error, trace: print("OWN HOOK:", error, file=sys.stderr)
install_redacting_hooks()
raise RuntimeError("a bug")
"""


def test_a_hook_the_program_set_is_still_called() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _OWN_HOOK], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert "OWN HOOK: a bug" in done.stderr, done.stderr
