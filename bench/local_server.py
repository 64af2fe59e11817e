#!/usr/bin/env python3
"""The embedded model's server, lever by lever, measured in one run.

Each configuration is a server and its slots:

* ``python``: ``python -m llama_cpp.server`` (one request at a time);
* ``native:N``: llama.cpp's ``llama-server`` with N parallel slots (the one
  ``extractor model install`` built, or ``--binary``);
* ``native@PATH:N``: another ``llama-server`` build (e.g. one compiled for
  this CPU), to compare builds.

For each, on a fresh server: start-up seconds; raw speed (prompt evaluation
and generation tokens/s of one sequence, measured the same way on every
server: wall time of one request, its token counts from ``usage``), and
generation tokens/s summed over N sequences decoded together; the seed
article (seconds, calls, tokens, records); the first ``--docs`` development
documents one at a time (s/doc) and then, with more than one slot, ``--bulk``
of them N at a time (documents per hour; with one slot, or on
``llama_cpp.server``, bulk runs one document at a time, so the rate is the
sequential one); and whether the records equal those of the
first configuration. Then the physical estimate for this machine: memory
bandwidth over the model's bytes (the ceiling of one sequence's generation)
and matrix-multiply FLOP/s over 2 x parameters (the ceiling of prompt
evaluation).

    python bench/local_server.py --configs python,native:1,native:4 --docs 8 --bulk 16

Needs ``pip install -e '.[local]'`` and ``extractor model install``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

import httpx2

from extractor import Extractor
from extractor.bulk.batch import extract_many
from extractor.runtime.local import (
    LocalServer,
    get_spec,
    model_path,
    shared_server,
    stop_shared_servers,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e3df12fb75ba6b2b.txt"
DEV = [ROOT / "seeds" / "dev.gold.jsonl", ROOT / "seeds" / "dev-wh.gold.jsonl"]
PARAMETERS = {"1.5b": 1.54e9, "0.5b": 0.49e9}


def dev_documents(limit: int) -> list[tuple[str, str, str | None]]:
    docs: list[tuple[str, str, str | None]] = []
    for path in DEV:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                docs.append((row["id"], row["text"], row.get("published")))
    return docs[:limit]


def parse_config(text: str) -> tuple[str, str | None, int]:
    """``python`` | ``native:N`` | ``native@PATH:N`` -> (label, EXTRACTOR_LOCAL_SERVER, slots)."""
    if text == "python":
        return text, "python", 1
    kind, _, slots = text.rpartition(":")
    binary = kind.partition("@")[2] or None
    return text, binary, int(slots)


def chat(base_url: str, alias: str, prompt: str, max_tokens: int) -> tuple[float, dict[str, Any]]:
    body = {"model": alias, "messages": [{"role": "user", "content": prompt}],
            "max_tokens": max_tokens, "temperature": 0.0}  # fmt: skip
    started = time.perf_counter()
    answer = httpx2.post(f"{base_url}/chat/completions", json=body, timeout=600).json()
    return time.perf_counter() - started, answer["usage"]


async def achat(client: httpx2.AsyncClient, base_url: str, alias: str, prompt: str, n: int) -> int:
    body = {"model": alias, "messages": [{"role": "user", "content": prompt}],
            "max_tokens": n, "temperature": 0.0}  # fmt: skip
    answer = (await client.post(f"{base_url}/chat/completions", json=body, timeout=600)).json()
    return int(answer["usage"]["completion_tokens"])


def raw_speed(server: LocalServer, slots: int) -> dict[str, float]:
    """Prompt and generation tokens/s, as a client sees them (wall time per request)."""
    base, alias = server.base_url, server.alias
    article = dev_documents(1)[0][1][:3000]
    chat(base, alias, "Say hi.", 4)  # warm-up: first request pays one-off costs
    seconds, usage = chat(base, alias, f"{time.time()}\n{article}\nSummarise.", 1)
    prompt_tps = usage["prompt_tokens"] / seconds
    count = "Count from 1 to 400, one number per line, no other text."
    chat(base, alias, count, 1)  # its prompt is now cached; the next call only generates
    seconds, usage = chat(base, alias, count, 160)
    gen_tps = usage["completion_tokens"] / seconds

    async def together() -> float:
        prompts = [
            f"Count from {100 * i} to {100 * i + 400}, one number per line." for i in range(slots)
        ]
        async with httpx2.AsyncClient() as client:
            for p in prompts:  # evaluate each prompt first, so the next round only generates
                await achat(client, base, alias, p, 1)
            started = time.perf_counter()
            tokens = await asyncio.gather(*(achat(client, base, alias, p, 160) for p in prompts))
            return sum(tokens) / (time.perf_counter() - started)

    return {"prompt_tps": prompt_tps, "gen_tps": gen_tps, "gen_tps_all": asyncio.run(together())}


def records_of(result: Any) -> list[str]:
    return sorted(r.id for r in result.records)


def run_config(
    label: str, binary: str | None, slots: int, args: argparse.Namespace
) -> dict[str, Any]:
    """One configuration, as ``--model local`` runs it: the shared server, its saved prefix."""
    if binary is None:
        os.environ.pop("EXTRACTOR_LOCAL_SERVER", None)
    else:
        os.environ["EXTRACTOR_LOCAL_SERVER"] = binary
    os.environ["EXTRACTOR_LOCAL_SLOTS"] = str(slots)
    row: dict[str, Any] = {"config": label}
    started = time.perf_counter()
    server = shared_server(args.size)
    try:
        row["startup_s"] = time.perf_counter() - started
        row.update(raw_speed(server, slots))
        with Extractor("local") as ex:
            started = time.perf_counter()
            seed = ex.extract(
                SEED.read_text(encoding="utf-8"), published="2023-05-31", doc_id="seed"
            )
            row["seed_s"] = time.perf_counter() - started
            row["seed_tokens"] = (
                seed.metadata.usage.prompt_tokens,
                seed.metadata.usage.completion_tokens,
            )
            row["seed_records"] = records_of(seed)
            docs = dev_documents(args.docs)
            per_doc: list[float] = []
            found: dict[str, list[str]] = {}
            for doc_id, text, published in docs:
                started = time.perf_counter()
                result = ex.extract(text, published=published, doc_id=doc_id)
                per_doc.append(time.perf_counter() - started)
                found[doc_id] = records_of(result)
            row["dev_s_per_doc"] = statistics.fmean(per_doc) if per_doc else 0.0
            row["dev_records"] = found

        async def bulk() -> tuple[float, int]:
            items = dev_documents(args.bulk)
            began = time.perf_counter()
            done = 0
            async for item in extract_many(items, model="local", concurrency=slots):
                done += item.extraction is not None
            return time.perf_counter() - began, done

        if args.bulk and server.slots > 1:
            seconds, done = asyncio.run(bulk())
            row["bulk_docs_per_hour"] = 3600 * args.bulk / seconds
            row["bulk_ok"] = done
        elif per_doc:  # one document at a time either way: the sequential rate
            row["bulk_docs_per_hour"] = 3600 / row["dev_s_per_doc"]
    finally:
        stop_shared_servers()
    return row


def physical(size: str) -> dict[str, float]:
    import numpy as np

    spec = get_spec(size)
    block = np.ones(256 * 1024 * 1024 // 8)  # 256 MiB
    target = np.empty_like(block)
    best = min(_timed(lambda: np.copyto(target, block)) for _ in range(5))
    bandwidth = 2 * block.nbytes / best  # read + write
    a = np.random.default_rng(0).random((1024, 1024), dtype=np.float32)
    best = min(_timed(lambda: a @ a) for _ in range(5))
    flops = 2 * 1024**3 / best
    return {
        "bandwidth_gbs": bandwidth / 1e9,
        "gen_ceiling_tps": bandwidth / spec.size_bytes,
        "gflops_f32": flops / 1e9,
        "prompt_ceiling_tps": flops / (2 * PARAMETERS[size]),
    }


def _timed(fn: Any) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--configs", default="python,native:1,native:4")
    parser.add_argument("--size", default="1.5b")
    parser.add_argument("--docs", type=int, default=8, help="development documents, one at a time")
    parser.add_argument("--bulk", type=int, default=16, help="development documents, concurrently")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    if model_path(args.size) is None:
        raise SystemExit(f"not installed: extractor model install --size {args.size}")
    rows = []
    for text in args.configs.split(","):
        row = run_config(*parse_config(text), args)
        rows.append(row)
        print(json.dumps({k: v for k, v in row.items() if k != "dev_records"}), flush=True)
    first = rows[0]
    print(
        "\n| server | start-up s | prompt tok/s | generation tok/s (1 seq) | generation tok/s (all slots) "
        "| seed s | seed tokens | dev s/doc | bulk docs/hour | same records as first |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        same_seed = row["seed_records"] == first["seed_records"]
        same_dev = sum(
            row["dev_records"][d] == first["dev_records"][d] for d in first["dev_records"]
        )
        print(
            f"| {row['config']} | {row['startup_s']:.1f} | {row['prompt_tps']:.0f} | {row['gen_tps']:.1f} "
            f"| {row['gen_tps_all']:.1f} | {row['seed_s']:.1f} | {row['seed_tokens'][0]}+{row['seed_tokens'][1]} "
            f"| {row['dev_s_per_doc']:.1f} | {row.get('bulk_docs_per_hour', 0):.0f} "
            f"| seed {'yes' if same_seed else 'no'}, dev {same_dev}/{len(first['dev_records'])} |"
        )
    print(
        "\nphysical estimate:", json.dumps({k: round(v, 1) for k, v in physical(args.size).items()})
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
