#!/usr/bin/env python3
"""Bulk throughput against the latency limit, the tool's own CPU, and memory.

With concurrency C and model latency L no client does better than C/L
documents per second. This runs the real ``extractor bulk`` command (start-up
included) over documents from the real archive against a fake OpenAI-compatible
server on loopback (tests/fakes/openai_server.py, a separate process) that
answers every request after L seconds (with jitter) with a meeting between
the first two countries the article names, citing a sentence that names one
(so that answers go through resolution, grounding and merging like real
ones; an article naming fewer than two countries gets empty lists), and
reports, per concurrency:

* documents per second and its ratio to C/L, and model calls per second and
  theirs: an article longer than one chunk needs one call per chunk, so
  documents per second can reach C/L only when every document is one call;
  calls per second against C/L is the client's own efficiency;
* CPU seconds per document spent in the extractor process (user + system);
* peak RSS of the extractor process.

A second pass converts 1,000 and 20,000 documents at zero latency to show
whether memory stays flat (input and output are streamed).

    python bench/bulk_throughput.py                 # all of it (~5 minutes)
    python bench/bulk_throughput.py --quick         # C=32 only, 2,000 documents
    python bench/bulk_throughput.py --no-memory     # or --memory-only
    python bench/bulk_throughput.py --quick --compare-loops   # uvloop against asyncio
    python bench/bulk_throughput.py --quick --processes 2     # two processes at C/2 each
    python bench/bulk_throughput.py --quick --workers 2       # one run, --workers 2 (C/2 each)

Numbers are ratios measured within one run: the machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "corpora" / "wh-statements.zip"


def start_server(latency: float, jitter: float) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.openai_server", "--port", "0", "--latency", str(latency),
         "--jitter", str(jitter), "--responder", "named-meeting", "--max-log", "100"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert server.stdout is not None
    ready, _, _ = select.select([server.stdout], [], [], 30)
    line = server.stdout.readline() if ready else ""
    if not line.startswith("READY "):
        server.kill()
        raise SystemExit(f"fake server did not start: {line!r}")
    return server, line.split()[1]


def archive_texts(count: int, keep: Callable[[str], bool] = lambda body: True) -> list[str]:
    """The first ``count`` markdown documents of the archive that ``keep`` accepts.

    Front matter is cut off: the text is what an article body would be.
    """
    texts: list[str] = []
    with zipfile.ZipFile(ARCHIVE) as archive:
        for name in archive.namelist():
            if not name.endswith(".md"):
                continue
            body = archive.read(name).decode("utf-8")
            body = body.split("\n---", 2)[-1] if body.startswith("---") else body
            if keep(body):
                texts.append(body)
            if len(texts) >= count:
                break
    return texts


def documents_jsonl(path: Path, count: int, max_chars: int | None = None) -> Path:
    """``count`` real documents from the archive (cycled, with distinct ids) as JSONL.

    ``max_chars`` keeps only documents that short (6,000 fits one chunk).
    """
    texts = archive_texts(2000, lambda body: max_chars is None or len(body) <= max_chars)
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(json.dumps({"id": f"doc-{n:06d}", "text": texts[n % len(texts)]}) + "\n")
    return path


def run_bulk(
    source: Path, base_url: str, concurrency: int, out: Path, loop: str = "default",
    processes: int = 1, workers: int = 1,
) -> dict[str, float]:  # fmt: skip
    """Run ``extractor bulk`` in fresh processes; their own rusage comes back from a wrapper.

    ``loop`` "asyncio" sets EXTRACTOR_EVENT_LOOP=asyncio; "default" is uvloop
    when it is installed (the ``fast`` extra), else asyncio. ``processes`` > 1
    splits the documents and the concurrency between that many processes run
    side by side (a process per core: what a multi-process runner would do).
    ``workers`` > 1 runs one ``extractor bulk --workers N`` instead: one output,
    its worker processes sharing the concurrency; their CPU is counted too (the
    wrapper's children's children are waited for), their peak RSS is the
    largest single process's.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    if loop == "asyncio":
        env["EXTRACTOR_EVENT_LOOP"] = "asyncio"
    parts = _split(source, processes)
    outs = [out.with_suffix(f".{n}.jsonl") for n in range(processes)]
    started = time.perf_counter()
    wrappers = []
    for part, part_out in zip(parts, outs, strict=True):
        command = [sys.executable, "-m", "extractor", "bulk", str(part), "-o", str(part_out),
                   "--model", "openai/fake-model", "--base-url", base_url, "--strategy", "single",
                   "-j", str(max(1, concurrency // processes)), "--progress", "none"]  # fmt: skip
        if workers > 1:
            command += ["--workers", str(workers)]
        wrappers.append(subprocess.Popen(
            [sys.executable, "-c", _WRAPPER, json.dumps(command)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
        ))  # fmt: skip
    usages = []
    for wrapper in wrappers:
        stdout, _ = wrapper.communicate()
        if wrapper.returncode:
            raise SystemExit(f"extractor bulk failed ({wrapper.returncode})")
        usages.append(json.loads(stdout.strip().splitlines()[-1]))
    wall = time.perf_counter() - started
    lines = calls = 0
    for part_out in outs:
        with part_out.open(encoding="utf-8") as handle:
            for line in handle:
                lines += 1
                calls += json.loads(line).get("calls") or 0
    return {
        "documents": lines,
        "calls": calls,
        "wall": wall,
        "cpu": sum(u["cpu"] for u in usages),
        "peak_rss_mb": max(u["rss_kb"] for u in usages) / 1024,
    }


def _split(source: Path, parts: int) -> list[Path]:
    """``source`` itself, or its lines dealt round-robin into ``parts`` files."""
    if parts == 1:
        return [source]
    paths = [source.with_suffix(f".part{n}.jsonl") for n in range(parts)]
    handles = [path.open("w", encoding="utf-8") for path in paths]
    with source.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            handles[n % parts].write(line)
    for handle in handles:
        handle.close()
    return paths


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a running process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _loop_name(loop: str) -> str:
    """What "default" means in this environment."""
    if loop == "asyncio":
        return "asyncio"
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


_WRAPPER = """
import json, resource, subprocess, sys
subprocess.run(json.loads(sys.argv[1]), capture_output=True)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": u.ru_utime + u.ru_stime, "rss_kb": u.ru_maxrss}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--memory-only", action="store_true", help="only the 1,000 vs 20,000 pass")
    parser.add_argument("--no-memory", action="store_true", help="skip the 1,000 vs 20,000 pass")
    parser.add_argument(
        "--max-chars", type=int, help="only documents this short (6000: one call each)"
    )
    parser.add_argument(
        "--compare-loops", action="store_true",
        help="run each level on the default loop (uvloop if installed) and on asyncio's",
    )  # fmt: skip
    parser.add_argument(
        "--processes", type=int, default=1,
        help="split each run between this many extractor processes (C/N each)",
    )  # fmt: skip
    parser.add_argument(
        "--workers", type=int, default=1,
        help="one extractor bulk --workers N per run: N worker processes at C/N each",
    )  # fmt: skip
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--jitter", type=float, default=0.03)
    args = parser.parse_args()
    if not ARCHIVE.exists():
        raise SystemExit(f"{ARCHIVE} not found (the shared corpus sits next to the checkout)")
    levels = [] if args.memory_only else [32] if args.quick else [1, 8, 32, 128]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = documents_jsonl(work / "docs.jsonl", 2000, args.max_chars)
        server, base_url = start_server(args.latency, args.jitter)
        try:
            loops = ["default", "asyncio"] if args.compare_loops else ["default"]
            for concurrency in levels:
                count = 200 if concurrency == 1 else 2000
                subset = (
                    source
                    if count == 2000
                    else documents_jsonl(work / "small.jsonl", count, args.max_chars)
                )
                for loop in loops:
                    out = work / f"out-{concurrency}-{loop}.jsonl"
                    server_cpu = process_cpu(server.pid)
                    result = run_bulk(
                        subset, base_url, concurrency, out, loop, args.processes, args.workers
                    )
                    server_cpu = process_cpu(server.pid) - server_cpu
                    limit = concurrency / args.latency
                    rate = result["documents"] / result["wall"]
                    per_doc = result["calls"] / result["documents"]
                    rows.append((concurrency, _loop_name(loop), result["documents"], rate, limit,
                                 rate / limit, per_doc, rate * per_doc / limit,
                                 1000 * result["cpu"] / result["documents"],
                                 1000 * result["cpu"] / result["calls"],
                                 server_cpu / result["wall"], result["peak_rss_mb"]))  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=10)
        memory = []
        if not (args.quick or args.no_memory):
            server, base_url = start_server(0.0, 0.0)
            try:
                for count in (1000, 20000):
                    subset = documents_jsonl(work / f"m{count}.jsonl", count)
                    result = run_bulk(subset, base_url, 64, work / f"m-out-{count}.jsonl")
                    memory.append(
                        (count, result["documents"], result["peak_rss_mb"], result["wall"])
                    )
            finally:
                server.terminate()
                server.wait(timeout=10)

    if rows:
        workers = f", each with {args.workers} worker processes" if args.workers > 1 else ""
        print(f"latency {args.latency} s ± {args.jitter}; {args.processes} extractor process(es) "
              f"per run{workers}, start-up included\n")  # fmt: skip
        print("| C | loop | documents | docs/s | C/L | docs/s of C/L | calls/doc "
              "| calls/s of C/L | CPU ms/doc | CPU ms/call | fake server CPU | peak RSS MB |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for c, loop, n, rate, limit, share, per_doc, call_share, cpu, cpu_call, srv, rss in rows:
        print(f"| {c} | {loop} | {n} | {rate:.1f} | {limit:.1f} | {share:.0%} | {per_doc:.2f} "
              f"| {call_share:.0%} | {cpu:.1f} | {cpu_call:.1f} | {srv:.0%} | {rss:.0f} |")  # fmt: skip
    if memory:
        print("\n| documents (latency 0, C=64) | written | peak RSS MB | seconds |")
        print("|---|---|---|---|")
        for count, written, rss, wall in memory:
            print(f"| {count} | {written} | {rss:.0f} | {wall:.1f} |")


if __name__ == "__main__":
    main()
