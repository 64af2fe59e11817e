"""A fake Anthropic API on 127.0.0.1: the Messages API and Message Batches in one server.

Built on the chat server's machinery (:mod:`tests.fakes.openai_server`: its
thread, loop, request log and stop handling), with Anthropic's endpoints:

* ``POST /v1/messages``: a ``message``. When the request forces a tool
  (``tool_choice={"type": "tool", "name": ...}``, instructor's TOOLS mode) the
  responder's JSON comes back as that tool's ``tool_use`` input, else as text.
  The responder sees the body as a chat request (``system`` as the first
  message, every block's text joined), so the responders written for the chat
  server (``tests.fakes.kano``) answer here too. ``faults`` by request index:
  ``Fault.REFUSAL`` (``stop_reason: "refusal"``), ``Fault.LENGTH``
  (``stop_reason: "max_tokens"``, the input cut to ``{}``),
  ``Fault.SCHEMA_INVALID`` (the input of the wrong shape),
  ``Fault.NOT_A_COMPLETION`` (a JSON object that is no message),
  ``Fault.SERVER_ERROR`` (500, Anthropic's error body);
* ``POST /v1/messages/batches`` (validates as Anthropic does: a non-empty
  ``requests`` list of at most 100,000, each ``custom_id`` unique and of
  ``[a-zA-Z0-9_-]{1,64}``, each ``params`` a Messages body),
  ``GET /v1/messages/batches`` (newest first, ``limit`` and ``after_id``),
  ``GET /v1/messages/batches/{id}``, ``POST .../{id}/cancel``,
  ``GET .../{id}/results`` (JSONL, once ended).

Every request needs a key (``x-api-key`` or ``Authorization: Bearer``): 401
otherwise. A batch moves one step per ``retrieve``: ``in_progress`` for each
of ``steps``, then ``ended`` (``canceling`` then ``ended`` once cancelled:
every request ``canceled``). How it ends is ``end(n)`` for the n-th batch:
``ended`` (every request answered, unless ``item_fault`` says otherwise) or
``expired`` (the first half answered, the rest ``expired``). ``item_fault``
takes the request's chat view and whether its body is new, and returns
``errored`` (an ``api_error``: transient), ``invalid`` (an
``invalid_request_error``), ``drop`` (no line), ``length``, ``refusal`` or
``schema_invalid``. ``lost_creates`` creates the first batches but resets the
connection instead of answering; ``create_delay`` holds every create's answer
that long after the batch is made.

Counters: ``submissions`` (how often each batch ``custom_id`` was in a created
batch), ``batches`` (every batch), ``raw_messages`` (the exact bytes of every
live ``/v1/messages`` request) and ``keys_seen`` (whether any came without one).
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from tests.fakes.batch_common import BatchCore, FakeBatchServer, jsonl_line
from tests.fakes.openai_server import HOST, REFUSAL_TEXT, FakeConfig, Fault, reset_connection

__all__ = ["AnthropicBatchConfig", "FakeAnthropic", "chat_view"]

ItemFault = Callable[[dict[str, Any], bool], str | None]
CUSTOM_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
MAX_REQUESTS = 100_000
_SCHEMA_INVALID = {"unexpected": True}


@dataclass(frozen=True)
class AnthropicBatchConfig:
    """How the batch endpoints behave (see the module doc)."""

    steps: int = 2
    end: Callable[[int], str] = lambda n: "ended"
    item_fault: ItemFault = lambda view, first: None
    lost_creates: int = 0
    create_delay: float = 0.0
    """Seconds between making a batch and answering its create (a kill then loses the id)."""


def _texts(content: Any) -> list[str]:
    if isinstance(content, str):
        return [content]
    texts: list[str] = []
    if isinstance(content, list):
        for block in content:
            if not isinstance(block, dict):
                continue
            if isinstance(block.get("text"), str):
                texts.append(block["text"])
            if block.get("type") == "tool_use":
                texts.append(json.dumps(block.get("input")))
            if block.get("type") == "tool_result":
                texts.extend(_texts(block.get("content")))
    return texts


def chat_view(body: dict[str, Any]) -> dict[str, Any]:
    """A Messages body as a chat request: the system prompt first, every block's text joined."""
    messages = [{"role": "system", "content": "\n".join(_texts(body.get("system")))}]
    for message in body.get("messages") or []:
        if isinstance(message, dict):
            messages.append(
                {"role": message.get("role"), "content": "\n".join(_texts(message.get("content")))}
            )
    return {**body, "messages": messages}


def _forced_tool(body: dict[str, Any]) -> str | None:
    choice = body.get("tool_choice")
    if isinstance(choice, dict) and choice.get("type") == "tool":
        name = choice.get("name")
        return name if isinstance(name, str) else None
    return None


def _stamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")


@dataclass
class _Batch:
    id: str
    number: int
    requests: list[dict[str, Any]]
    created_at: float
    status: str = "in_progress"
    step: int = 0
    cancel_at: float | None = None
    ended_at: float | None = None
    results: bytes | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def view(self, origin: str) -> dict[str, Any]:
        counts = self.counts or {"processing": len(self.requests), "succeeded": 0,
                                 "errored": 0, "canceled": 0, "expired": 0}  # fmt: skip
        ended = self.status == "ended"
        return {
            "id": self.id, "type": "message_batch", "processing_status": self.status,
            "request_counts": counts, "created_at": _stamp(self.created_at),
            "expires_at": _stamp(self.created_at + 86400),
            "ended_at": _stamp(self.ended_at) if self.ended_at else None,
            "cancel_initiated_at": _stamp(self.cancel_at) if self.cancel_at else None,
            "archived_at": None,
            "results_url": f"{origin}/v1/messages/batches/{self.id}/results" if ended else None,
        }  # fmt: skip


class _AnthropicCore(BatchCore[_Batch, AnthropicBatchConfig]):
    """The chat server's core, answering Anthropic's endpoints instead."""

    def __init__(self, config: FakeConfig, batch: AnthropicBatchConfig) -> None:
        super().__init__(config, batch)
        self.raw_messages: list[bytes] = []
        self.unauthenticated = 0

    def app(self) -> web.Application:
        app = web.Application(client_max_size=300 * 1024 * 1024, middlewares=[self._auth])
        app.router.add_post("/v1/messages", self._message_endpoint)
        app.router.add_post("/v1/messages/batches", self._create)
        app.router.add_get("/v1/messages/batches", self._list)
        app.router.add_get("/v1/messages/batches/{id}", self._retrieve)
        app.router.add_post("/v1/messages/batches/{id}/cancel", self._cancel)
        app.router.add_get("/v1/messages/batches/{id}/results", self._results)
        return app

    async def start(self, port: int) -> tuple[web.AppRunner, str]:
        runner, url = await super().start(port)
        return runner, url.removesuffix("/v1")  # Anthropic's SDK adds /v1 itself

    @web.middleware
    async def _auth(self, request: web.Request, handler: Any) -> web.StreamResponse:
        key = request.headers.get("x-api-key") or request.headers.get("Authorization", "")
        if not key.removeprefix("Bearer ").strip():
            with self._batch_lock:
                self.unauthenticated += 1
            return _error(401, "authentication_error", "x-api-key header is required")
        response: web.StreamResponse = await handler(request)
        return response

    # -- the Messages API
    async def _message_endpoint(self, request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            body = json.loads(raw)
        except ValueError:
            return _error(400, "invalid_request_error", "the body is not JSON")
        with self._lock:
            record = self._log_request(request, body, self.config.faults.get)
        index, fault = record.index, record.fault
        with self._batch_lock:
            self.raw_messages.append(raw)
        if fault is Fault.SERVER_ERROR:
            return _error(500, "api_error", "Internal server error (fake).")
        if fault is Fault.NOT_A_COMPLETION:
            return web.json_response({"status": "ok", "result": "queued", "id": "job-1"})
        kinds = {Fault.REFUSAL: "refusal", Fault.LENGTH: "length",
                 Fault.SCHEMA_INVALID: "schema_invalid"}  # fmt: skip
        kind = kinds.get(fault) if fault is not None else None
        return web.json_response(self.message(body, kind, index))

    def message(self, body: dict[str, Any], kind: str | None, index: int) -> dict[str, Any]:
        """The message the model answers ``body`` with (``kind``: a fault, or None)."""
        view = chat_view(body)
        text = self.config.responder(view)
        tool = _forced_tool(body)
        stop = "tool_use" if tool else "end_turn"
        content: list[dict[str, Any]]
        if kind == "refusal":
            content, stop = [{"type": "text", "text": REFUSAL_TEXT}], "refusal"
        else:
            answer: Any = json.loads(text) if tool else text
            if kind == "length":
                answer, stop = ({} if tool else text[: len(text) // 2]), "max_tokens"
            elif kind == "schema_invalid":
                answer = _SCHEMA_INVALID if tool else json.dumps(_SCHEMA_INVALID)
            if tool:
                content = [{"type": "tool_use", "id": f"toolu_fake_{index}", "name": tool,
                            "input": answer}]  # fmt: skip
            else:
                content = [{"type": "text", "text": answer}]
        prompt = sum(len(m["content"]) for m in view["messages"]) // 4
        return {
            "id": f"msg_fake_{index}", "type": "message", "role": "assistant",
            "model": body.get("model", "claude-fake"), "content": content,
            "stop_reason": stop, "stop_sequence": None,
            "usage": {"input_tokens": prompt, "output_tokens": len(json.dumps(content)) // 4},
        }  # fmt: skip

    # -- Message Batches
    async def _create(self, request: web.Request) -> web.Response:
        try:
            body = json.loads(await request.read())
        except ValueError:
            return _error(400, "invalid_request_error", "the body is not JSON")
        requests = body.get("requests") if isinstance(body, dict) else None
        problem = _check_requests(requests)
        if problem is not None:
            return _error(400, "invalid_request_error", problem)
        assert isinstance(requests, list)
        with self._batch_lock:
            number = len(self.batches) + 1
            batch = _Batch(f"msgbatch_fake{next(self._ids):06d}", number, requests, time.time())
            self.batches[batch.id] = batch
            for item in requests:
                self.submissions[item["custom_id"]] += 1
            lose = number <= self.batch.lost_creates
        if await self._pause(self.batch.create_delay) or lose:
            return reset_connection(request)
        return web.json_response(batch.view(_origin(request)))

    async def _list(self, request: web.Request) -> web.Response:
        page, paging = self._page(request, "after_id")
        origin = _origin(request)
        return web.json_response({"data": [b.view(origin) for b in page], **paging})

    async def _retrieve(self, request: web.Request) -> web.Response:
        batch = self.batches.get(request.match_info["id"])
        if batch is None:
            return _error(404, "not_found_error", "no such batch")
        with self._batch_lock:
            self._advance(batch)
        return web.json_response(batch.view(_origin(request)))

    async def _cancel(self, request: web.Request) -> web.Response:
        batch = self.batches.get(request.match_info["id"])
        if batch is None:
            return _error(404, "not_found_error", "no such batch")
        with self._batch_lock:
            if batch.status == "in_progress":
                batch.status, batch.cancel_at = "canceling", time.time()
        return web.json_response(batch.view(_origin(request)))

    async def _results(self, request: web.Request) -> web.Response:
        batch = self.batches.get(request.match_info["id"])
        if batch is None or batch.results is None:
            return _error(404, "not_found_error", "no results: the batch has not ended")
        return web.Response(body=batch.results, content_type="application/binary")

    def _advance(self, batch: _Batch) -> None:
        """One step further; at the end, the results."""
        if batch.status == "ended":
            return
        if batch.status == "in_progress" and batch.step < self.batch.steps:
            batch.step += 1
            return
        canceled = batch.status == "canceling"
        end = "canceled" if canceled else self.batch.end(batch.number)
        answered, lapsed = batch.requests, []
        if end == "canceled":
            answered, lapsed = [], batch.requests
        elif end == "expired":
            half = len(batch.requests) // 2
            answered, lapsed = batch.requests[:half], batch.requests[half:]
        lapse = "canceled" if canceled else "expired"
        lines: list[bytes] = []
        counts = Counter({"processing": 0, "succeeded": 0, "errored": 0, "canceled": 0,
                          "expired": 0})  # fmt: skip
        for item in answered:
            result = self._answer_item(item)
            if result is None:
                continue
            counts[result["type"]] += 1
            lines.append(jsonl_line({"custom_id": item["custom_id"], "result": result}))
        for item in lapsed:
            counts[lapse] += 1
            lines.append(jsonl_line({"custom_id": item["custom_id"], "result": {"type": lapse}}))
        batch.results = b"".join(lines)
        batch.counts = dict(counts)
        batch.status, batch.ended_at = "ended", time.time()

    def _answer_item(self, item: dict[str, Any]) -> dict[str, Any] | None:
        params = item["params"]
        fault = self.batch.item_fault(chat_view(params), self._first_time(params))
        if fault == "drop":
            return None
        if fault in ("errored", "invalid"):
            kind = "api_error" if fault == "errored" else "invalid_request_error"
            error = {"type": "error", "error": {"type": kind, "message": f"fake {kind}"}}
            return {"type": "errored", "error": error}
        return {"type": "succeeded", "message": self.message(params, fault, next(self._ids))}


def _check_requests(requests: Any) -> str | None:
    """Why Anthropic would refuse to create a batch of ``requests``, or None."""
    if not isinstance(requests, list) or not requests:
        return "requests: a non-empty list is required"
    if len(requests) > MAX_REQUESTS:
        return f"requests: at most {MAX_REQUESTS} per batch"
    seen: set[str] = set()
    for number, item in enumerate(requests):
        if not isinstance(item, dict):
            return f"requests.{number}: an object is required"
        custom_id = item.get("custom_id")
        if not isinstance(custom_id, str) or not CUSTOM_ID.match(custom_id):
            return f"requests.{number}.custom_id: must match ^[a-zA-Z0-9_-]{{1,64}}$"
        if custom_id in seen:
            return f"requests.{number}.custom_id: duplicate {custom_id}"
        seen.add(custom_id)
        params = item.get("params")
        if not isinstance(params, dict) or not {"model", "max_tokens", "messages"} <= set(params):
            return f"requests.{number}.params: model, max_tokens and messages are required"
        if "temperature" in params:
            return f"requests.{number}.params.temperature: Extra inputs are not permitted"
    return None


def _origin(request: web.Request) -> str:
    return f"http://{HOST}:{request.url.port}"


def _error(status: int, kind: str, message: str) -> web.Response:
    body = {"type": "error", "error": {"type": kind, "message": message}}
    return web.json_response(body, status=status)


class FakeAnthropic(FakeBatchServer[_AnthropicCore, AnthropicBatchConfig]):
    """The fake Anthropic API: ``with FakeAnthropic(responder) as api:``.

    ``api.base_url`` (no ``/v1``: the SDK adds it) serves both the Messages API and
    Message Batches; ``api.core`` holds the counters (see the module doc).
    """

    def _batch_core(self, config: FakeConfig, batch: AnthropicBatchConfig | None) -> _AnthropicCore:
        return _AnthropicCore(config, batch or AnthropicBatchConfig())
