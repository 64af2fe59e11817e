#!/usr/bin/env python3
"""Plain ``extractor bulk`` against ``--engine ray`` with 1 and 2 workers, in one run.

Why: a plain bulk process is bound by its own CPU (parsing answers, validating
and grounding records) long before it is bound by the model's latency; Ray
workers are separate processes, so the question is how much of that they win
back, and what the job's start-up costs. Each run is the real command in a
fresh process, over the same documents (one-chunk articles of the shared
archive, else generated reports), against the fake OpenAI-compatible server
in its own process (latency L with jitter, a meeting between the first two
countries an article names, as ``bench/bulk_throughput.py`` uses). The Ray
runs join one local cluster that this script starts (``ray.init`` here, one
CPU per core), so the cluster's own start-up is not counted, but each run's
connection and actor start-up is.

Reported per run: documents, wall seconds (process start to exit), seconds
to the first line, documents per second over the wall and *steady* (from the
first line written to the last, which leaves the start-up out), the bound
C/L (documents in flight over latency: ``-j`` for plain, workers x ``-j``
for Ray), and each rate against plain's. Numbers are ratios within one run:
the machines are noisy.

    python bench/ray_engine.py                      # 600 documents, L = 0.3 s, -j 16
    python bench/ray_engine.py --documents 2000 --latency 0.5 --jobs 32
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from bulk_throughput import ARCHIVE, documents_jsonl, start_server  # noqa: E402


def generated_jsonl(path: Path, count: int) -> Path:
    """Short reports naming two countries (a meeting each), when the archive is not here."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            text = (
                f"President Alvarez of Chile met Prime Minister Okafor of Nigeria in Santiago "
                f"on Tuesday, report {n}. They discussed trade."
            )
            handle.write(json.dumps({"id": f"doc-{n:06d}", "text": text}) + "\n")
    return path


def run(command: list[str], out: Path, env: dict[str, str]) -> dict[str, float]:
    """Run ``command``; time its start, its first line in ``out``, its end."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    first: list[tuple[float, int]] = []

    def watch() -> None:
        while process.poll() is None and not first:
            try:
                lines = out.read_bytes().count(b"\n")
            except FileNotFoundError:
                lines = 0
            if lines:
                first.append((time.perf_counter(), lines))
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, stderr = process.communicate()
    ended = time.perf_counter()
    watcher.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    documents = out.read_bytes().count(b"\n")
    seen_at, seen = first[0] if first else (ended, documents)
    steady = (documents - seen) / (ended - seen_at) if ended > seen_at and documents > seen else 0
    return {
        "documents": documents,
        "wall": ended - started,
        "first_line": seen_at - started,
        "rate": documents / (ended - started),
        "steady": steady,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--jitter", type=float, default=0.03)
    parser.add_argument("--jobs", type=int, default=16, help="-j of every run (per Ray worker)")
    args = parser.parse_args()

    import ray

    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    runs: list[tuple[str, list[str], int]] = [
        ("plain", [], args.jobs),
        ("ray, 1 worker", ["--engine", "ray", "--workers", "1"], args.jobs),
        ("ray, 2 workers", ["--engine", "ray", "--workers", "2"], 2 * args.jobs),
        (f"ray, 2 workers, -j {args.jobs // 2}", ["--engine", "ray", "--workers", "2"],
         args.jobs),
    ]  # fmt: skip
    results: list[tuple[str, int, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = (
            documents_jsonl(work / "docs.jsonl", args.documents, 6000)
            if ARCHIVE.exists()
            else generated_jsonl(work / "docs.jsonl", args.documents)
        )
        server, base_url = start_server(args.latency, args.jitter)
        ray.init(num_cpus=os.cpu_count(), include_dashboard=False, logging_level=logging.ERROR)
        try:
            env.update({k: v for k, v in os.environ.items() if k.startswith("RAY_")})
            address = str(ray.get_runtime_context().gcs_address)
            for n, (name, extra, in_flight) in enumerate(runs):
                jobs = args.jobs // 2 if "-j" in name else args.jobs
                out = work / f"out-{n}.jsonl"
                command = [
                    sys.executable, "-m", "extractor", "bulk", str(source), "-o", str(out),
                    "--model", "openai/fake-model", "--base-url", base_url,
                    "--strategy", "single", "-j", str(jobs), "--progress", "none", *extra,
                ]  # fmt: skip
                if extra:
                    command += ["--address", address]
                results.append((name, in_flight, run(command, out, env)))
        finally:
            ray.shutdown()
            server.terminate()
            server.wait(timeout=10)

    plain = results[0][2]
    print(
        f"{args.documents} documents, latency {args.latency} s ± {args.jitter}, "
        f"{os.cpu_count()} CPUs, Ray {ray.__version__}; one local cluster, joined by each run\n"
    )
    print(
        "| run | in flight | C/L docs/s | wall s | first line s | docs/s (wall) | of plain "
        "| docs/s (steady) | of plain |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, in_flight, r in results:
        print(
            f"| {name} | {in_flight} | {in_flight / args.latency:.0f} | {r['wall']:.1f} "
            f"| {r['first_line']:.1f} | {r['rate']:.1f} | {_ratio(r['rate'], plain['rate'])} "
            f"| {r['steady']:.1f} | {_ratio(r['steady'], plain['steady'])} |"
        )


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x" if base else "-"


if __name__ == "__main__":
    main()
