#!/usr/bin/env python3
"""What a process pays before it does any work: importing the package.

Every CLI call, every ``bulk --processes`` worker and every Ray actor imports
``extractor.cli`` (or ``extractor``) first; a user who types ``extractor --help``
waits for it, and the test suite pays it once per CLI subprocess. This times,
in fresh interpreters, interleaved round by round so that the machine's noise
falls on every row alike:

* ``python``: an interpreter that imports nothing (the floor).
* ``dependencies``: importing every outside package that importing the CLI
  loads (instructor, openai, pydantic, rich, typer ..., found by importing it
  once and reading ``sys.modules``): the floor of any code built on them.
* ``extractor.cli``: importing the CLI, as ``extractor ...`` does.
* with ``--also PATH``: the same import from another checkout (for example an
  older commit made with ``git worktree add``), run in that folder so that its
  package is the one imported, so before and after are measured in one run.

Reports the median seconds of each and the ratios to the dependencies' floor.

    python bench/startup.py [--rounds 7] [--also /tmp/old-checkout]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_OUTSIDE = (
    "import sys, extractor.cli; print(' '.join(sorted({name.partition('.')[0] for name, module "
    "in list(sys.modules.items()) if getattr(module, '__spec__', None) is not None} "
    "- set(sys.stdlib_module_names) - {'extractor', '__main__'})))"
)


def dependencies() -> str:
    """``import a, b, ...``: every outside top-level package ``import extractor.cli`` loads."""
    found = subprocess.run(
        [sys.executable, "-c", _OUTSIDE], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    return "import " + ", ".join(name for name in found if not name.startswith("_"))


def once(code: str, path: Path) -> float:
    """Wall seconds for a fresh interpreter to run ``code`` in ``path`` (first on sys.path)."""
    if "extractor" in code:  # the package of ``path``, not the installed one
        code = f"import extractor; assert extractor.__file__.startswith({str(path)!r}); {code}"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=path)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--also", type=Path, help="another checkout to time the same way")
    args = parser.parse_args()
    rows: dict[str, tuple[str, Path]] = {
        "python": ("pass", ROOT),
        "dependencies": (dependencies(), ROOT),
        "extractor.cli": ("import extractor.cli", ROOT),
    }
    if args.also is not None:
        rows[f"extractor.cli ({args.also})"] = ("import extractor.cli", args.also.resolve())
    for code, path in rows.values():  # warm the file cache and the bytecode of each
        once(code, path)
    times: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(args.rounds):
        for name, (code, path) in rows.items():
            times[name].append(once(code, path))
    floor = statistics.median(times["dependencies"])
    print(f"median of {args.rounds} rounds, interleaved; ratio to the dependencies' import")
    print("| import | seconds | ratio |")
    print("|---|---|---|")
    for name, each in times.items():
        median = statistics.median(each)
        print(f"| {name} | {median:.2f} | {median / floor:.2f} |")


if __name__ == "__main__":
    main()
