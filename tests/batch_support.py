"""What the two provider-batch test files share (``tests/test_batch_api.py`` against OpenAI's
batch API, ``tests/test_batch_anthropic.py`` against Anthropic's Message Batches).

Both check the same invariants with the same article family and the same fake model: its
answers, the corpora, batch runs (whole, or stopped part-way, or killed), and the checks
on what a run wrote. What differs between the two files is the model and its key
(:class:`BatchModel`) and how a request's text is read.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from extractor import Document, Extractor, parse_response
from extractor.bulk.provider_batch import ProviderBatchRun, batch_state_path
from extractor.errors import ExtractionFailed
from extractor.io.output import check_output
from extractor.pipeline.requests import ModelRequest, Reply
from extractor.runtime import aio
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.anthropic_server import FakeAnthropic
from tests.fakes.batch_server import FakeBatchAPI
from tests.fakes.kano import kano
from tests.fakes.openai_server import SCHEMA_INVALID_CONTENT

ROOT = Path(__file__).resolve().parent.parent
EMPTY: dict[str, list[Any]] = {
    "visits": [],
    "meetings": [],
    "arms_transfers": [],
    "casualty_reports": [],
}
KANO = re.compile(r"\[(\d+)\] At least (\d+) people were killed in Kano")
MET = re.compile(r"\[(\d+)\] The foreign minister of (\w+) met the foreign minister of (\w+)")
ISO = {"France": "FRA", "Germany": "DEU", "Japan": "JPN", "Brazil": "BRA", "Kenya": "KEN",
       "India": "IND", "Canada": "CAN"}  # fmt: skip

Server = FakeBatchAPI | FakeAnthropic
ItemFault = Callable[[dict[str, Any], bool], str | None]


# ------------------------------------------------------------ articles, answers


def meeting(a: str, b: str) -> str:
    """A meeting sentence: the second record type, so that answers hold more than one kind."""
    return f"The foreign minister of {a} met the foreign minister of {b} on Tuesday."


def reasked(toll: int) -> bool:
    """Whether the fake model answers ``toll`` invalidly first: such documents need a re-ask."""
    return toll % 9 == 0 or toll % 11 == 0


def answer_text(text: str, first: bool) -> str:
    """The one fake model both APIs serve: a record per sentence, re-asks where :func:`reasked`."""
    # A first answer is invalid for some articles: JSON of the wrong shape when a toll is
    # divisible by 9, a casualty in a country the article never names when it is divisible
    # by 11 (both re-asked, then answered correctly).
    tolls = [(int(n), int(k)) for n, k in KANO.findall(text)]
    if first and any(k % 9 == 0 for _, k in tolls):
        return SCHEMA_INVALID_CONTENT
    casualties = [
        {"killed": k, "injured": None, "qualifier": "at_least", "victims": None,
         "perpetrator": None, "country": "FRA" if first and k % 11 == 0 else "NGA",
         "place": None, "date": None, "scope": "event", "violence_type": None,
         "status": "occurred", "attribution": None, "evidence": [n]}
        for n, k in tolls
    ]  # fmt: skip
    meetings = [
        {"participants": [], "countries": [ISO[a], ISO[b]], "format": "bilateral",
         "place": None, "date": None, "topics": [], "status": "occurred",
         "attribution": None, "evidence": [int(n)]}
        for n, a, b in MET.findall(text)
    ]  # fmt: skip
    return json.dumps({**EMPTY, "casualty_reports": casualties, "meetings": meetings})


def first_time(
    fault: Callable[[int], str | None], text_of: Callable[[dict[str, Any]], str]
) -> ItemFault:
    """An item fault (``fault(toll)``) the first time a toll is asked about, so a retry passes."""
    # text_of: a request's text, as the item_fault of each fake server is handed it
    seen: set[int] = set()

    def item_fault(request: dict[str, Any], first: bool) -> str | None:
        found = KANO.search(text_of(request))
        if found is None or int(found.group(2)) in seen:
            return None
        seen.add(int(found.group(2)))
        return fault(int(found.group(2)))

    return item_fault


def chain(
    document: Document, requests: list[ModelRequest], raw: list[bytes],
    answer_to: Callable[[int], Any],
) -> list[Reply]:  # fmt: skip
    """Replay ``requests`` on a live run's answers (``answer_to(i)`` for ``raw[i]``) to compare."""
    # Each body must be one the live run sent. The live path makes a document's calls one
    # after the other; a call without a valid answer leaves the others going, any other
    # failure stops the document. A batch sends them all. Carried in the live order, they
    # stop where the live run stopped.
    replies: list[Reply] = []
    for request in requests:
        current: ModelRequest | None = request
        while current is not None:
            assert current.body in raw, "a body the live path never sent"
            reply = parse_response(current, answer_to(raw.index(current.body)), document)
            replies.append(reply)
            if reply.error is not None and not isinstance(reply.error, ExtractionFailed):
                return replies
            current = reply.follow_up
    return replies


# ------------------------------------------------------------ corpora, runs


def write_corpus(folder: Path, tolls: list[int]) -> Path:
    """``folder/in.jsonl``: document ``dn`` reports ``tolls[n]``, so each line shows its own."""
    rows = "".join(
        json.dumps({"id": f"d{n}", "text": f"{kano(k)} {meeting('Japan', 'Kenya')}"
                    if n % 4 == 0 else kano(k), "published": "2024-03-12"}) + "\n"
        for n, k in enumerate(tolls)
    )  # fmt: skip
    path = folder / "in.jsonl"
    path.write_text(rows, encoding="utf-8")
    return path


def read_lines(path: Path) -> list[dict[str, Any]]:
    """The output's lines in the order written, to compare runs line for line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def line_count(path: Path) -> int:
    """Lines written to ``path`` so far (0 before it exists): a moment to kill a run at."""
    return path.read_bytes().count(b"\n") if path.exists() else 0


def state_file(output: Path) -> Path:
    """The state file a batch run writing ``output`` keeps: what a kill must not corrupt."""
    return batch_state_path(check_output(output))


def batch_recorded(server: Server, output: Path) -> bool:
    """The batch exists and the state file already names it (a kill now loses nothing)."""
    state = state_file(output)
    # the server's thread adds batches while this polls: iterate over a copy of the ids
    # (made in one step under the interpreter lock), never over the live dict
    batch_ids = tuple(server.core.batches)
    return bool(batch_ids) and state.exists() and any(b in state.read_text() for b in batch_ids)


@dataclass(frozen=True)
class BatchModel:
    """A test file's model and key: the one thing its runs do not share with the other file's."""

    model: str
    api_key: str | None = None

    def extractor(self, server: Server, **options: Any) -> Extractor:
        """A live extractor on ``server`` retrying at once: what a batch is compared with."""
        options.setdefault("retry_policy", RetryPolicy(attempts=2, initial=0.01, maximum=0.02))
        return Extractor(self.model, base_url=server.base_url, api_key=self.api_key, **options)

    def run_batch(self, inputs: Path, output: Path, server: Server, **options: Any) -> Any:
        """A whole batch run on ``server``, polling and retrying at once; returns its summary."""
        options.setdefault("retry_policy", RetryPolicy(attempts=4, initial=0.01, maximum=0.02))
        run = ProviderBatchRun([str(inputs)], output, model=self.model, base_url=server.base_url,
                               api_key=self.api_key, poll_interval=0.02, **options)  # fmt: skip
        return aio.run(run.run())

    def run_until(
        self, output: Path, server: Server, inputs: Path, done: Callable[[], bool]
    ) -> None:
        """Start a batch run and stop it (as a kill would) once ``done()`` holds."""

        async def main() -> None:
            run = ProviderBatchRun([str(inputs)], output, model=self.model,
                                   base_url=server.base_url, api_key=self.api_key,
                                   poll_interval=0.02)  # fmt: skip
            task = asyncio.create_task(run.run())
            while not done() and not task.done():
                await asyncio.sleep(0.01)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, KeyboardInterrupt):
                await task

        aio.run(main())

    def command(self, inputs: Path, output: Path, server: Server) -> list[str]:
        """``extractor bulk --batch`` as a command line, for the processes a test kills."""
        return [
            sys.executable, "-m", "extractor", "bulk", str(inputs), "-o", str(output), "--batch",
            "--model", self.model, "--base-url", server.base_url, "--types", "casualty_report",
            "--poll-interval", "0.05", "--progress", "none",
        ]  # fmt: skip


def kill_when(
    command: list[str], env: dict[str, str], moment: Callable[[], bool], limit: float,
    pause: float, stderr: IO[bytes] | int,
) -> None:  # fmt: skip
    """Run ``command``, SIGKILL it ``pause`` s after ``moment()`` (or ``limit`` s): a set kill."""
    run = subprocess.Popen(command, cwd=ROOT, env=env, stderr=stderr)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and run.poll() is None and not moment():
        time.sleep(0.01)
    time.sleep(pause)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=10)


# ------------------------------------------------------------ what a run wrote


def assert_as_live(
    batch: list[dict[str, Any]], live: list[dict[str, Any]], tolls: list[int]
) -> None:
    """Each batch line has its live line's status, counts and records; invalid answers re-asked."""
    by_id = {line["doc_id"]: line for line in live}
    for line in batch:
        other = by_id[line["doc_id"]]
        assert (line["status"], line["counts"]) == (other["status"], other["counts"]), line
        assert line["records"] == other["records"]
        if reasked(tolls[int(line["doc_id"][1:])]):
            assert line["calls"] >= 2  # the invalid first answer was re-asked


def assert_each_once(written: list[dict[str, Any]], tolls: list[int]) -> None:
    """Every document once, ok, with its own toll (re-asked where needed): a rerun lost nothing."""
    winners = {line["doc_id"]: line for line in written}
    assert set(winners) == {f"d{n}" for n in range(len(tolls))}, "a document missing"
    assert len(written) == len(tolls), "a document written twice"
    assert all(line["status"] == "ok" for line in written)
    for n, toll in enumerate(tolls):
        line = winners[f"d{n}"]
        assert [r["killed"]["low"] for r in line["records"]] == [toll]
        if reasked(toll):
            assert line["calls"] >= 2  # its invalid answer was re-asked in a follow-up batch
