#!/usr/bin/env python3
"""Seconds and tokens per article for the embedded model on the seed article.

For each model size (0.5b, 1.5b), strategy (single, per-type) and llama.cpp
prompt cache setting (off, on), start a fresh llama.cpp server, extract the
seed article once and report seconds, calls, prompt and completion tokens and
the records found (and whether caching changed them).

    python bench/local_model.py [--sizes 1.5b] [--strategies per-type]

Needs ``pip install -e '.[local]'`` and ``extractor model install --size ...``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from extractor import Extractor
from extractor.runtime.local import LocalServer, model_path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_e3df12fb75ba6b2b.txt"


def run(size: str, strategy: str, cache: bool) -> dict[str, object]:
    text = SEED.read_text(encoding="utf-8")
    with LocalServer(size, cache=cache) as server:
        started = time.perf_counter()
        with Extractor(f"openai/{server.alias}", base_url=server.base_url, strategy=strategy) as ex:  # type: ignore[arg-type]
            result = ex.extract(text, published="2023-05-31", doc_id="seed-000")
        seconds = time.perf_counter() - started
    meta = result.metadata
    return {
        "seconds": seconds, "calls": meta.calls, "reasks": meta.reasks,
        "prompt": meta.usage.prompt_tokens, "completion": meta.usage.completion_tokens,
        "counts": result.counts(), "ids": sorted(r.id for r in result.records),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.5b,1.5b")
    parser.add_argument("--strategies", default="single,per-type")
    parser.add_argument("--cache", default="off,on")
    args = parser.parse_args()
    print(
        "| model | strategy | prompt cache | s/article | calls (re-asks) | prompt + completion tokens | visits, meetings, arms, casualties | same records as cache off |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for size in args.sizes.split(","):
        if model_path(size) is None:
            print(f"| {size} | not installed: extractor model install --size {size} |")
            continue
        for strategy in args.strategies.split(","):
            baseline = None
            for setting in args.cache.split(","):
                row = run(size, strategy, setting == "on")
                counts = row["counts"]
                same = "" if baseline is None else ("yes" if row["ids"] == baseline else "no")
                baseline = baseline if baseline is not None else row["ids"]
                print(
                    f"| {size} | {strategy} | {setting} | {row['seconds']:.1f} | {row['calls']} ({row['reasks']}) "
                    f"| {row['prompt']} + {row['completion']} | {counts['visit']}, {counts['meeting']}, "  # type: ignore[index]
                    f"{counts['arms_transfer']}, {counts['casualty_report']} | {same} |",  # type: ignore[index]
                    flush=True,
                )


if __name__ == "__main__":
    main()
