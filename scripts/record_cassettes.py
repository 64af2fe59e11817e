#!/usr/bin/env python3
"""Re-record every cassette from a real model server.

    python scripts/record_cassettes.py                 # starts the embedded 1.5B model
    python scripts/record_cassettes.py --base-url URL  # or uses a running llama.cpp server

Cassettes live in tests/cassettes/ and replay offline in CI. Requests match on
method, path and body, so any prompt or schema change needs a re-record. Keys,
auth headers and cookies are filtered (tests/conftest.py); this script checks
afterwards that none made it into a cassette.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = re.compile(
    r"(?im)^\s*-?\s*(authorization|x-api-key|api-key|cookie|set-cookie):|bearer\s+\S{8,}|\bsk-[\w-]{12,}"
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--base-url", help="a running OpenAI-compatible server with the 1.5B model")
    parser.add_argument("--size", default="1.5b", help="embedded model size when starting one")
    parser.add_argument(
        "--record-mode", default="rewrite", choices=["rewrite", "new_episodes"],
        help="rewrite: record every request anew; new_episodes: keep every recorded answer and "
        "record only requests the cassette lacks (a rule that changes a re-ask's text)",
    )  # fmt: skip
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (e.g. -k seed)")
    args = parser.parse_args()

    server = None
    base_url = args.base_url
    if base_url is None:
        from extractor.runtime.local import LocalServer

        server = LocalServer(args.size).start()
        base_url = server.base_url
    try:
        env = {**os.environ, "EXTRACTOR_TEST_BASE_URL": base_url}
        # new_episodes keeps every recorded answer: a cassette serves several tests (the plain
        # run and its second look), and dropping what the first test left unused took the
        # second's answers away, to be asked of the model again; a rewrite prunes stale ones
        command = [
            sys.executable, "-m", "pytest", "-m", "vcr", f"--record-mode={args.record_mode}",
            "-p", "no:cacheprovider",
            *args.pytest_args,
        ]  # fmt: skip
        status = subprocess.call(command, cwd=ROOT, env=env)
    finally:
        if server is not None:
            server.stop()
    leaks = [
        p for p in (ROOT / "tests" / "cassettes").rglob("*.yaml") if SECRET.search(p.read_text())
    ]
    if leaks:
        print("secrets found in cassettes:", *leaks, sep="\n  ", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
