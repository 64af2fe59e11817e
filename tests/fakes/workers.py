"""Worker-process mains that misbehave, for the driver of ``bulk --workers`` to meet.

A spawned worker imports its main by module and name, so these live in an importable
module (not a test file) and a test points ``extractor.bulk.processes.work`` at one.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from typing import Any

from extractor.bulk import processes


class _Renaming:
    """A worker's pipe that sends each result under an id the driver never sent (its id
    with ``suffix`` added): a worker and a driver that disagree on a document's name."""

    def __init__(self, conn: Connection, suffix: str) -> None:
        self.conn, self.suffix = conn, suffix

    def send(self, message: Any) -> None:
        if message[0] == processes.RESULT and isinstance(message[1].get("doc_id"), str):
            message = (message[0], {**message[1], "doc_id": message[1]["doc_id"] + self.suffix})
        self.conn.send(message)

    def recv(self) -> Any:
        return self.conn.recv()

    def close(self) -> None:
        self.conn.close()


def renaming(conn: Connection, options: dict[str, Any], jobs: int, abort_after: int | None) -> None:
    """:func:`extractor.bulk.processes.work`, answering under names it was not sent."""
    processes.work(_Renaming(conn, "#renamed"), options, jobs, abort_after)  # type: ignore[arg-type]
