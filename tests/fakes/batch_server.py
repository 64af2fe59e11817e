"""A fake OpenAI batch API on 127.0.0.1: files, batches and chat completions in one server.

The fault-injecting chat server (:mod:`tests.fakes.openai_server`) with the
endpoints a batch run uses added on the same aiohttp application:

* ``POST /v1/files`` (multipart upload, ``purpose=batch``), ``GET /v1/files``,
  ``GET /v1/files/{id}/content``;
* ``POST /v1/batches`` (validates the input file as OpenAI does: JSON lines,
  unique ``custom_id``, ``POST`` to the batch's endpoint), ``GET /v1/batches``
  (newest first, paginated with ``after``), ``GET /v1/batches/{id}``,
  ``POST /v1/batches/{id}/cancel``.

``lost_creates`` loses the answer to the first batch creations (the batch
is made, the connection reset), as a timeout can. A batch moves one status per ``retrieve``: ``validating``, then each of
``steps`` (``in_progress``, ``finalizing``), then how it ends (``end(n)``
for the n-th batch created: ``completed``, ``expired`` or ``failed``). When
it ends, every item is answered by the chat server's own completion builder
(the same JSON a live request gets), unless ``item_fault`` says otherwise:
``server_error`` (HTTP 500 in the error file), ``drop`` (no line at all),
``length`` (a completion cut at the length limit). An expired batch answers
its first half and lists the rest as ``batch_expired``; a failed batch
answers nothing; a cancelled one answers nothing either.

What a test checks comes from counters: ``submissions`` (how often each
``custom_id`` was in a created batch), ``bodies`` (each body's
submissions), ``batches`` (every batch created) and ``raw_chat`` (the exact
bytes of every live chat request, for byte-for-byte comparisons).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.batch_common import BatchCore, FakeBatchServer, jsonl_line
from tests.fakes.openai_server import FakeConfig, Fault, RequestRecord, reset_connection

__all__ = ["BatchConfig", "FakeBatchAPI"]

ItemFault = Callable[[dict[str, Any], bool], str | None]
"""Takes a request body and whether this body is seen for the first time; returns a fault."""


@dataclass(frozen=True)
class BatchConfig:
    """How the batch endpoints behave (see the module doc)."""

    steps: tuple[str, ...] = ("in_progress", "finalizing")
    end: Callable[[int], str] = lambda n: "completed"
    item_fault: ItemFault = lambda body, first: None
    lost_creates: int = 0
    """The first this-many batches are created, but their answer is lost (a reset connection)."""


@dataclass
class _Batch:
    id: str
    number: int
    input_file_id: str
    endpoint: str
    metadata: dict[str, Any]
    lines: list[dict[str, Any]]
    created_at: int
    status: str = "validating"
    step: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)
    completed: int = 0
    failed: int = 0

    def view(self) -> dict[str, Any]:
        return {
            "id": self.id, "object": "batch", "endpoint": self.endpoint,
            "errors": {"object": "list", "data": self.errors} if self.errors else None,
            "input_file_id": self.input_file_id, "completion_window": "24h",
            "status": self.status, "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id, "created_at": self.created_at,
            "request_counts": {"total": len(self.lines), "completed": self.completed,
                               "failed": self.failed},
            "metadata": self.metadata,
        }  # fmt: skip


class _BatchCore(BatchCore[_Batch, BatchConfig]):
    """The chat server's core with the files and batches endpoints."""

    def __init__(self, config: FakeConfig, batch: BatchConfig) -> None:
        super().__init__(config, batch)
        self.files: dict[str, tuple[str, bytes]] = {}
        self.bodies: Counter[str] = Counter()
        self.raw_chat: list[bytes] = []
        self.retrieves = 0

    def app(self) -> web.Application:
        app = super().app()
        app._client_max_size = 256 * 1024 * 1024  # batch files; aiohttp's default is 1 MB
        app.middlewares.append(self._keep_raw_chat)
        app.router.add_post("/v1/files", self._upload)
        app.router.add_get("/v1/files", self._list_files)
        app.router.add_get("/v1/files/{id}/content", self._content)
        app.router.add_post("/v1/batches", self._create)
        app.router.add_get("/v1/batches", self._list_batches)
        app.router.add_get("/v1/batches/{id}", self._retrieve)
        app.router.add_post("/v1/batches/{id}/cancel", self._cancel)
        app.router.add_get("/_fake/batch_stats", self._batch_stats)
        return app

    @web.middleware
    async def _keep_raw_chat(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.method == "POST" and request.path.endswith("/chat/completions"):
            raw = await request.read()  # aiohttp keeps the body: the handler reads it again
            with self._batch_lock:
                self.raw_chat.append(raw)
        response: web.StreamResponse = await handler(request)
        return response

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids):06d}"

    # -- files
    async def _upload(self, request: web.Request) -> web.Response:
        form = await request.post()
        upload = form.get("file")
        purpose = form.get("purpose")
        if upload is None or not hasattr(upload, "file") or purpose != "batch":
            return _error(400, "a multipart 'file' and purpose=batch are required")
        data = upload.file.read()
        file_id = self._new_id("file")
        with self._batch_lock:
            self.files[file_id] = (str(upload.filename), data)
        return web.json_response(self._file_view(file_id))

    def _file_view(self, file_id: str) -> dict[str, Any]:
        name, data = self.files[file_id]
        return {"id": file_id, "object": "file", "bytes": len(data), "created_at": 0,
                "filename": name, "purpose": "batch", "status": "processed"}  # fmt: skip

    async def _list_files(self, request: web.Request) -> web.Response:
        data = [self._file_view(file_id) for file_id in self.files]
        return web.json_response({"object": "list", "data": data, "has_more": False})

    async def _content(self, request: web.Request) -> web.Response:
        found = self.files.get(request.match_info["id"])
        if found is None:
            return _error(404, "no such file")
        return web.Response(body=found[1], content_type="application/octet-stream")

    # -- batches
    async def _create(self, request: web.Request) -> web.Response:
        body = await request.json()
        file_id = body.get("input_file_id")
        endpoint = body.get("endpoint")
        if file_id not in self.files or body.get("completion_window") != "24h":
            return _error(400, "unknown input_file_id or completion_window")
        lines, problem = _read_input(self.files[file_id][1], endpoint)
        with self._batch_lock:
            number = len(self.batches) + 1
            batch = _Batch(self._new_id("batch"), number, file_id, endpoint,
                           dict(body.get("metadata") or {}), lines, int(time.time()))  # fmt: skip
            if problem is not None:
                batch.errors = [{"code": "invalid_input", "message": problem, "line": None}]
            else:
                for line in lines:
                    self.submissions[line["custom_id"]] += 1
                    self.bodies[json.dumps(line["body"], sort_keys=True)] += 1
            self.batches[batch.id] = batch
            lose = number <= self.batch.lost_creates
        if lose:
            return reset_connection(request)
        return web.json_response(batch.view())

    async def _list_batches(self, request: web.Request) -> web.Response:
        page, paging = self._page(request, "after")
        return web.json_response({"object": "list", "data": [b.view() for b in page], **paging})

    async def _retrieve(self, request: web.Request) -> web.Response:
        batch = self.batches.get(request.match_info["id"])
        if batch is None:
            return _error(404, "no such batch")
        with self._batch_lock:
            self.retrieves += 1
            self._advance(batch)
        return web.json_response(batch.view())

    async def _cancel(self, request: web.Request) -> web.Response:
        batch = self.batches.get(request.match_info["id"])
        if batch is None:
            return _error(404, "no such batch")
        with self._batch_lock:
            if batch.status not in ("completed", "failed", "expired", "cancelled"):
                batch.status = "cancelling"
        return web.json_response(batch.view())

    async def _batch_stats(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "submissions": dict(self.submissions),
                "batches": len(self.batches),
                "files": len(self.files),
            }
        )

    def _advance(self, batch: _Batch) -> None:
        """One status further; at the end, the output and error files."""
        if batch.status in ("completed", "failed", "expired", "cancelled"):
            return
        if batch.status == "cancelling":
            batch.status = "cancelled"
            return
        if batch.errors:
            batch.status = "failed"
            return
        if batch.step < len(self.batch.steps):
            batch.status = self.batch.steps[batch.step]
            batch.step += 1
            return
        end = self.batch.end(batch.number)
        if end == "failed":
            batch.status = "failed"
            batch.errors = [{"code": "token_limit_exceeded", "message": "fake: failed batch"}]
            return
        answered = batch.lines
        expired: list[dict[str, Any]] = []
        if end == "expired":
            half = len(batch.lines) // 2
            answered, expired = batch.lines[:half], batch.lines[half:]
        outputs: list[bytes] = []
        errors: list[bytes] = []
        for line in answered:
            item = self._answer_item(line)
            if item is None:
                continue
            (outputs if item["response"]["status_code"] == 200 else errors).append(jsonl_line(item))
        for line in expired:
            errors.append(jsonl_line({
                "id": self._new_id("batch_req"), "custom_id": line["custom_id"], "response": None,
                "error": {"code": "batch_expired",
                          "message": "This request could not be executed before the "
                          "completion window expired."},
            }))  # fmt: skip
        batch.completed = len(outputs)
        batch.failed = len(errors)
        if outputs:
            batch.output_file_id = self._new_id("file")
            self.files[batch.output_file_id] = ("output.jsonl", b"".join(outputs))
        if errors:
            batch.error_file_id = self._new_id("file")
            self.files[batch.error_file_id] = ("errors.jsonl", b"".join(errors))
        batch.status = end

    def _answer_item(self, line: dict[str, Any]) -> dict[str, Any] | None:
        body = line["body"]
        fault = self.batch.item_fault(body, self._first_time(body))
        if fault == "drop":
            return None
        item_id = self._new_id("batch_req")
        if fault == "server_error":
            error = {"error": {"message": "The server had an error (fake).",
                               "type": "server_error", "param": None, "code": None}}  # fmt: skip
            response = {"status_code": 500, "request_id": item_id, "body": error}
        else:
            record = RequestRecord(
                next(self._ids), time.time(), Fault.LENGTH if fault == "length" else None, body, {}
            )
            response = {"status_code": 200, "request_id": item_id,
                        "body": self._completion(record)}  # fmt: skip
        return {"id": item_id, "custom_id": line["custom_id"], "response": response,
                "error": None}  # fmt: skip


def _read_input(data: bytes, endpoint: str) -> tuple[list[dict[str, Any]], str | None]:
    """The lines of a batch input file, or why OpenAI would fail the batch."""
    lines: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            line = json.loads(raw)
        except ValueError:
            return [], f"line {number} is not JSON"
        if not isinstance(line, dict) or not isinstance(line.get("custom_id"), str):
            return [], f"line {number} has no custom_id"
        if line["custom_id"] in seen:
            return [], f"line {number}: duplicate custom_id {line['custom_id']}"
        if line.get("method") != "POST" or line.get("url") != endpoint:
            return [], f"line {number}: must POST to {endpoint}"
        if not isinstance(line.get("body"), dict):
            return [], f"line {number}: body must be an object"
        seen.add(line["custom_id"])
        lines.append(line)
    if not lines:
        return [], "the input file is empty"
    return lines, None


def _error(status: int, message: str) -> web.Response:
    body = {"error": {"message": message, "type": "invalid_request_error", "param": None,
                      "code": None}}  # fmt: skip
    return web.json_response(body, status=status)


class FakeBatchAPI(FakeBatchServer[_BatchCore, BatchConfig]):
    """The fake chat server with the batch endpoints: ``with FakeBatchAPI(responder) as api:``.

    ``api.base_url`` serves both; ``api.core`` holds the counters (see the module doc).
    """

    def _batch_core(self, config: FakeConfig, batch: BatchConfig | None) -> _BatchCore:
        return _BatchCore(config, batch or BatchConfig())
