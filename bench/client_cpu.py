#!/usr/bin/env python3
"""Where the client's CPU goes per model call, against the floor of the HTTP stack.

Sends the same requests to the fake OpenAI-compatible server (latency 0,
the named-meeting responder, its own process) four ways, in one process and
one run, and reports CPU milliseconds per call of this process:

* ``httpx``: one POST of the same JSON body with the HTTP client the openai
  SDK uses, the answer parsed into the draft model. The floor of any client.
* ``openai``: the same request through ``openai.AsyncOpenAI`` (what every
  instructor client wraps).
* ``prompt``: building the messages alone (sentence numbering, the country
  list, rendering the templates).
* ``extractor``: ``Extractor.aextract`` (instructor, retries, validation,
  grounding, resolution, merging), single strategy.

Documents are real archive documents of 600 to 1,000 words (the issue's
"800-word document") that fit one chunk, so one document is one call.

    python bench/client_cpu.py [--documents 400] [--concurrency 16]

Numbers are ratios within one run: the machines are noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bulk_throughput import archive_texts, start_server  # noqa: E402


async def cpu_per_call(
    texts: list[str], concurrency: int, call: Callable[[str], Awaitable[int]]
) -> tuple[float, int]:
    """CPU ms per call of this process for ``call`` over ``texts`` (after a warm-up)."""
    gate = asyncio.Semaphore(concurrency)

    async def one(text: str) -> int:
        async with gate:
            return await call(text)

    await asyncio.gather(*(one(t) for t in texts[:20]))
    started = time.process_time()
    calls = sum(await asyncio.gather(*(one(t) for t in texts)))
    return 1000 * (time.process_time() - started) / max(calls, 1), calls


async def measure(base_url: str, texts: list[str], concurrency: int) -> list[tuple[str, float]]:
    import httpx2 as httpx  # the HTTP client the installed openai SDK uses
    import openai

    from extractor import Extractor
    from extractor.pipeline.answers import answer_model, grammar_schema

    AllTypes = answer_model(("visit", "meeting", "arms_transfer", "casualty_report"))
    from extractor.pipeline.prompting import system_message, task_message

    schema = grammar_schema(AllTypes)
    fmt = {"type": "json_object", "schema": schema}

    def messages(text: str) -> list[dict[str, str]]:
        return [system_message(text, None), task_message(None)]

    async def prompt_only(text: str) -> int:
        messages(text)
        return 1

    http = httpx.AsyncClient(base_url=base_url, timeout=60)

    async def raw_http(text: str) -> int:
        body = {"model": "m", "messages": messages(text), "temperature": 0, "response_format": fmt}
        response = await http.post("/chat/completions", json=body)
        AllTypes.model_validate_json(response.json()["choices"][0]["message"]["content"])
        return 1

    client = openai.AsyncOpenAI(base_url=base_url, api_key="sk-none", max_retries=0)

    async def raw_openai(text: str) -> int:
        response = await client.chat.completions.create(
            model="m", messages=messages(text), temperature=0,  # type: ignore[arg-type]
            extra_body={"response_format": fmt},
        )  # fmt: skip
        AllTypes.model_validate_json(response.choices[0].message.content or "{}")
        return 1

    extractor = Extractor("openai/fake-model", base_url=base_url, strategy="single")

    async def full(text: str) -> int:
        result = await extractor.aextract(text)
        return result.metadata.calls

    rows = []
    for name, call in (("prompt", prompt_only), ("httpx", raw_http), ("openai", raw_openai),
                       ("extractor", full)):  # fmt: skip
        ms, calls = await cpu_per_call(texts, concurrency, call)
        rows.append((f"{name} ({calls} calls)", ms))
    await http.aclose()
    await client.close()
    await extractor.aclose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    # One chunk (6,000 characters) and 600 to 1,000 words: one call per document.
    texts = archive_texts(
        args.documents, lambda body: len(body) <= 6000 and 600 <= len(body.split()) <= 1000
    )
    words = sum(len(t.split()) for t in texts) / len(texts)
    server, base_url = start_server(0.0, 0.0)
    try:
        rows = asyncio.run(measure(base_url, texts, args.concurrency))
    finally:
        server.terminate()
        server.wait(timeout=10)
    floor = dict(rows)
    base = next(ms for name, ms in floor.items() if name.startswith("httpx"))
    print(f"{len(texts)} archive documents of one chunk, {words:.0f} words on average\n")
    print("| path | CPU ms per call | x the httpx floor |")
    print("|---|---|---|")
    for name, ms in rows:
        print(f"| {name} | {ms:.2f} | {ms / base:.2f} |")


if __name__ == "__main__":
    main()
