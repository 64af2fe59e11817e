"""Inputs the system will not let us read, or that break, mend and break again, over reruns.

A file, a JSONL table, a zip and a folder each go through a generated history
of states across runs: readable, locked (no read permission: the system
refuses, so what it holds is unknown), broken (bytes that are no longer a
document or an archive), and back. After every run, read from the output:

* every document of a readable input has its ok line, with its own figure;
* an input that is locked or broken has an error line of its own, except a
  plain file that was extracted before and is locked now: its result stands
  (the text is unknown, not changed), the run says so and exits 1;
* a readable input has no error line of its own left (a table or container
  that failed before is superseded by a ``skipped`` "read now" line);
* a document inside a locked or broken container keeps its last ok line;
* a run in which an input turned bad exits 1 and names it.

Runs are real processes. As root (CI), "locked" needs the process to lose
root's permission bypass: each run is started under ``setpriv`` without
CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, as a user's process would be.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

ROOT = Path(__file__).resolve().parent.parent
SETPRIV = shutil.which("setpriv")
UNPRIVILEGED = (
    [SETPRIV, "--bounding-set", "-dac_override,-dac_read_search", "--"]
    if os.geteuid() == 0 and SETPRIV
    else []
)
if os.geteuid() == 0 and not SETPRIV:  # pragma: no cover - every Debian has util-linux
    pytest.skip("root without setpriv cannot be refused a read", allow_module_level=True)

INPUTS = ("a.txt", "rows.jsonl", "arc.zip", "sub")
STATES = ("readable", "locked", "broken")
#: The documents of each input and their casualty figures (kano(n) texts).
FIGURES = {"a.txt": [11], "rows.jsonl": [21, 22], "arc.zip": [31, 32], "sub": [41]}


def build(folder: Path, name: str, state: str) -> None:
    """Put input ``name`` in ``folder`` in ``state`` (its documents' texts never change)."""
    path = folder / name
    if path.exists():
        os.chmod(path, 0o755)
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    one = FIGURES[name][0]
    if name == "a.txt":
        path.write_text("" if state == "broken" else kano(one), encoding="utf-8")
    elif name == "rows.jsonl":
        rows = [{"id": f"r{n}", "text": kano(n)} for n in FIGURES[name]]
        data = "".join(json.dumps(row) + "\n" for row in rows).encode()
        path.write_bytes(b"\x00\xff" * 64 if state == "broken" else data)
    elif name == "arc.zip":
        with zipfile.ZipFile(path, "w") as archive:
            for n in FIGURES[name]:
                archive.writestr(f"m{n}.txt", kano(n))
        if state == "broken":
            path.write_bytes(path.read_bytes()[:60])
    else:
        path.mkdir()
        (path / "b.txt").write_text(kano(one), encoding="utf-8")
        if state == "broken":  # a folder cannot be broken: its file can
            (path / "b.txt").write_text("", encoding="utf-8")
    if state == "locked":
        os.chmod(path, 0o000)


def latest(out: Path) -> dict[str, dict[str, Any]]:
    lines: dict[str, dict[str, Any]] = {}
    if out.exists():
        for raw in out.read_text(encoding="utf-8").splitlines():
            line = json.loads(raw)
            lines[line["doc_id"]] = line
    return lines


def figure(line: dict[str, Any]) -> list[int]:
    return [r["killed"]["low"] for r in line["records"] if r.get("killed")]


def run(folder: Path, out: Path, base_url: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    command = [*UNPRIVILEGED, sys.executable, "-m", "extractor", "bulk", str(folder), "-o",
               str(out), "--model", "openai/m", "--base-url", base_url, "--strategy", "single",
               "--progress", "none"]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def own_line(lines: dict[str, dict[str, Any]], folder: Path, name: str) -> dict[str, Any] | None:
    """The latest line an input has of its own (not one of its documents')."""
    path = str(folder / name)
    found = [line for line in lines.values() if line.get("source") == path]
    return found[-1] if found else None


def documents(lines: dict[str, dict[str, Any]], folder: Path, name: str) -> list[dict[str, Any]]:
    """The latest lines of the documents inside an input (rows, members, folder entries)."""
    path = str(folder / name)
    inside = ("!", "/", ":", "#")
    return [
        line for line in lines.values()
        if (line.get("source") or "").startswith(path)
        and (line.get("source") or "")[len(path) : len(path) + 1] in inside
    ]  # fmt: skip


@settings(
    deadline=None, max_examples=3, suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each step is a process: no shrinking
)  # fmt: skip
@given(
    history=st.lists(
        st.fixed_dictionaries({name: st.sampled_from(STATES) for name in INPUTS}),
        min_size=2,
        max_size=3,
    )
)
@example(  # the round-6 report: mended, then broken again; and a table locked, then read
    history=[
        {"a.txt": "locked", "rows.jsonl": "locked", "arc.zip": "broken", "sub": "locked"},
        {"a.txt": "readable", "rows.jsonl": "readable", "arc.zip": "readable", "sub": "readable"},
        {"a.txt": "broken", "rows.jsonl": "broken", "arc.zip": "broken", "sub": "locked"},
    ]
)
@example(  # a CI run: a table broken, mended, then broken again alike must still exit 1
    history=[
        {"a.txt": "readable", "rows.jsonl": "broken", "arc.zip": "locked", "sub": "broken"},
        {"a.txt": "readable", "rows.jsonl": "readable", "arc.zip": "locked", "sub": "locked"},
        {"a.txt": "readable", "rows.jsonl": "broken", "arc.zip": "broken", "sub": "locked"},
    ]
)
def test_reruns_over_locked_broken_and_mended_inputs(
    tmp_path_factory: pytest.TempPathFactory, history: list[dict[str, str]]
) -> None:
    base = tmp_path_factory.mktemp("h")
    folder, out = base / "in", base / "out.jsonl"
    folder.mkdir()
    os.chmod(base, 0o755)
    previous: dict[str, dict[str, Any]] = {}
    before = dict.fromkeys(INPUTS, "absent")
    try:
        with FakeOpenAI(casualty_responder) as server:
            for states in [{name: "readable" for name in INPUTS}, *history]:
                for name, state in states.items():
                    build(folder, name, state)
                done = run(folder, out, server.base_url)
                assert "Traceback" not in done.stderr, done.stderr
                lines = latest(out)
                for name, state in states.items():
                    check_input(lines, previous, folder, name, state)
                kept = own_line(previous, folder, "a.txt")
                if states["a.txt"] == "locked" and kept is not None and kept["status"] == "ok":
                    assert "its earlier result is kept" in done.stderr
                turned_bad = [
                    n for n, s in states.items() if s != "readable" and before[n] == "readable"
                ]
                if turned_bad:
                    assert done.returncode == 1, (states, done.stderr)
                previous, before = lines, dict(states)
    finally:
        for name in INPUTS:
            if (folder / name).exists():
                os.chmod(folder / name, 0o755)


def check_input(
    lines: dict[str, dict[str, Any]],
    previous: dict[str, dict[str, Any]],
    folder: Path,
    name: str,
    state: str,
) -> None:
    own, was = own_line(lines, folder, name), own_line(previous, folder, name)
    inside = documents(lines, folder, name)
    if name == "a.txt":  # a plain file: its own line is its document's
        if state == "readable":
            assert own is not None and own["status"] == "ok" and figure(own) == [11]
        elif state == "locked" and was is not None and was["status"] == "ok":
            assert own == was  # kept: the text is unknown, not changed
        else:
            assert own is not None and own["status"] == "error", own
        return
    if state == "readable":
        ok_figures = sorted(f for line in inside if line["status"] == "ok" for f in figure(line))
        assert ok_figures == FIGURES[name], (name, inside)
        assert own is None or own["status"] != "error", (name, own)
        return
    if name == "sub" and state == "broken":  # its file is empty now: that file's error
        [entry] = inside
        assert entry["status"] == "error"
        return
    # its own error line, or (a table of garbage) its rows' error lines
    errors = [line for line in (own, *inside) if line is not None and line["status"] == "error"]
    assert errors, (name, state, own, inside)
    # what was extracted before is kept as it was, never replaced
    assert [line for line in documents(previous, folder, name) if line["status"] == "ok"] == [
        line for line in inside if line["status"] == "ok"
    ]
