"""A fault-injecting, OpenAI-compatible chat-completions server for tests and benchmarks.

Why a real HTTP server and not a mocked transport: the failures an extraction
run has to survive (429 with ``Retry-After``, 5xx, an HTML page from a proxy,
a reset connection, a body cut short, a hung request) happen *below* the openai
client's API. Only real sockets exercise the client's own mapping of them to
``openai`` exceptions and its retry and timeout machinery, so that is what the
tests and benchmarks talk to.

Two ways to run it, both serving only 127.0.0.1:

* in-process: ``with FakeOpenAI(faults={0: Fault.RATE_LIMIT}) as server:`` runs
  an aiohttp server on its own event loop in a background thread, so it works
  the same from sync tests and from async tests (whose loop it never touches);
* as a process, for benchmarks that must not share a GIL with the client::

      python -m tests.fakes.openai_server --port 0 --latency 0.3 --jitter 0.05 \\
          --responder echo-valid --fault-rate 0.1 --fault-kinds rate_limit,server_error

  prints ``READY http://127.0.0.1:PORT/v1`` once listening, and stops cleanly on
  SIGTERM or SIGINT. ``GET /_fake/stats`` and ``GET /_fake/log`` report what it saw.

What it answers: ``POST /v1/chat/completions`` and ``GET /v1/models``. The
assistant content comes from a ``Responder`` (``static``, ``sequence``,
``echo_valid``; ``'{}'`` by default). When the request forces a tool
(``tool_choice={"type": "function", ...}``, instructor's TOOLS mode) the same
content goes out as that tool call's ``arguments`` instead, so instructor in
either mode gets what it parses. Faults come from a script by request index
(``faults={0: Fault.RATE_LIMIT}``), else from a seeded draw (``fault_rate``,
``fault_kinds``, ``seed``); each request is logged as a ``RequestRecord``.

Latency is an ``asyncio`` sleep, never a thread, so one process holds thousands
of requests in flight. Every sleep (base latency, SLOW, TIMEOUT) also wakes up
when the server stops, so a TIMEOUT fault never holds up a test's teardown.

pytest-recording's ``--block-network`` (in this project's ``addopts``): its guard
(``pytest_recording/network.py``) patches ``socket.socket.connect`` and
``connect_ex`` in the test process only, while a test runs. Binding, listening
and accepting are untouched, so this server starts as is; only the *client's*
connect is checked, against a list of host regexes. Tests that talk to this
server therefore carry pytest-recording's own marker,
``pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)`` (see
``tests/test_fake_server.py``). That marker wins over ``--allowed-hosts`` and
``vcr_config``, lets 127.0.0.1 and nothing else through, and keeps the guard on
even when the suite runs without ``--block-network``. (``allow_hosts`` is
pytest-socket's marker, which this project does not use: pytest-recording
ignores it, so it would not help.) A server started with ``python -m`` is a
separate process and is not affected by the guard at all.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import signal
import socket
import struct
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from aiohttp import web

__all__ = [
    "CONTENT_FAULTS",
    "DEFAULT_MODEL",
    "ECHO_FAULTS",
    "INVALID_JSON_CONTENT",
    "LOOPBACK_ONLY",
    "NOT_OPENAI_FAULTS",
    "REFUSAL_TEXT",
    "SCHEMA_INVALID_CONTENT",
    "TRANSIENT_FAULTS",
    "FakeConfig",
    "FakeOpenAI",
    "Fault",
    "Replier",
    "Reply",
    "RequestRecord",
    "Responder",
    "echo_valid",
    "minimal_instance",
    "reset_connection",
    "sequence",
    "static",
]

HOST = "127.0.0.1"
#: The ``allowed_hosts`` for pytest-recording's ``block_network`` marker: loopback, exactly.
LOOPBACK_ONLY = [r"^127\.0\.0\.1$"]
DEFAULT_MODEL = "fake-model"
INVALID_JSON_CONTENT = "Sure! Here are the records: {visits: ["
SCHEMA_INVALID_CONTENT = '{"unexpected": true}'
REFUSAL_TEXT = "I can't help with that"
#: Used by LENGTH when the responder's own content is too short to cut into invalid JSON.
_LENGTH_FALLBACK = '{"records": [{"kind": "visit", "actor": "'
_BAD_GATEWAY_HTML = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)

Responder = Callable[[dict[str, Any]], str]
"""Takes a chat-completions request body, returns the assistant message content."""


@dataclass(frozen=True)
class Reply:
    """A whole HTTP answer, verbatim: for tests that generate statuses, headers and bodies."""

    status: int = 200
    body: str | bytes = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


Replier = Callable[["RequestRecord"], "Reply | None"]
"""Takes a request record, returns the answer to send verbatim, or None to answer as usual
(scripted or drawn faults, then the responder). Runs on the server's loop: keep it quick."""


class Fault(StrEnum):
    """What goes wrong with one request. The value is the CLI spelling."""

    RATE_LIMIT = "rate_limit"
    """429, ``Retry-After`` header, OpenAI ``rate_limit_error`` body."""
    RATE_LIMIT_NO_HEADER = "rate_limit_no_header"
    """429 without ``Retry-After``: the client must pick its own back-off."""
    SERVER_ERROR = "server_error"
    """500 with an OpenAI error body."""
    BAD_GATEWAY = "bad_gateway"
    """502 with an OpenAI error body."""
    BAD_GATEWAY_HTML = "bad_gateway_html"
    """502 whose body is a proxy's HTML page, not JSON."""
    UNAVAILABLE = "unavailable"
    """503 with an OpenAI error body."""
    UNAUTHORIZED = "unauthorized"
    """401: a client error that retrying cannot fix."""
    BAD_REQUEST = "bad_request"
    """400: a client error that retrying cannot fix."""
    TIMEOUT = "timeout"
    """Answer only after ``timeout_delay`` seconds (cut short if the server stops)."""
    CONNECTION_RESET = "connection_reset"
    """Reset the TCP connection (RST) without sending a byte."""
    TRUNCATED_BODY = "truncated_body"
    """Headers promise more bytes than are sent, then the connection closes."""
    INVALID_JSON = "invalid_json"
    """200, but the message content is prose, not JSON."""
    SCHEMA_INVALID = "schema_invalid"
    """200, content is valid JSON of the wrong shape."""
    LENGTH = "length"
    """200, ``finish_reason="length"``, content cut mid-JSON."""
    REFUSAL = "refusal"
    """200, ``content`` null and ``refusal`` set, ``finish_reason="stop"``."""
    SLOW = "slow"
    """A normal answer after an extra ``slow_delay`` seconds."""
    DRIP = "drip"
    """200 whose body goes out one byte every ``drip_interval`` seconds: every read is
    quick, the whole answer takes minutes (a read timeout never fires)."""
    REDIRECT_GET = "redirect_get"
    """302 to ``/_fake/landing``, which the client follows as a GET and gets an HTML page."""
    HTML_200 = "html_200"
    """200 with a web page (a UI or a proxy's login page), not JSON."""
    EMPTY_OBJECT = "empty_object"
    """200 with ``{}``."""
    NO_CHOICES = "no_choices"
    """200 with a chat completion whose ``choices`` is ``[]``."""
    NOT_A_COMPLETION = "not_a_completion"
    """200 with a JSON object that has no ``choices`` at all."""
    NULL_CONTENT = "null_content"
    """200 with a chat completion whose message has ``content: null`` and nothing else."""
    EMPTY_MESSAGE = "empty_message"
    """200 with a chat completion whose message is ``{}``."""
    FINISH_ERROR = "finish_error"
    """200 with ``finish_reason: "error"`` and empty content (a proxy's failed generation)."""
    EMPTY_CONTENT = "empty_content"
    """200 with ``content: ""`` and ``finish_reason: "stop"`` (a server whose template is wrong)."""
    ECHO_KEY = "echo_key"
    """401 whose OpenAI error message quotes the request's Authorization header and URL."""
    ECHO_KEY_TEXT = "echo_key_text"
    """400 whose plain-text body echoes the request's headers and URL."""
    ECHO_KEY_HTML = "echo_key_html"
    """502 whose HTML body echoes the Authorization header (a proxy's debug page)."""
    ECHO_KEY_200 = "echo_key_200"
    """200 with an HTML page echoing the Authorization header."""


#: Faults a well-behaved client should retry through; the default ``fault_kinds``.
TRANSIENT_FAULTS: tuple[Fault, ...] = (
    Fault.RATE_LIMIT,
    Fault.SERVER_ERROR,
    Fault.BAD_GATEWAY,
    Fault.UNAVAILABLE,
    Fault.CONNECTION_RESET,
)
#: Answers that are not OpenAI chat completions at all (a wrong URL, another API).
NOT_OPENAI_FAULTS: tuple[Fault, ...] = (
    Fault.REDIRECT_GET,
    Fault.HTML_200,
    Fault.EMPTY_OBJECT,
    Fault.NO_CHOICES,
    Fault.NOT_A_COMPLETION,
    Fault.NULL_CONTENT,
    Fault.EMPTY_MESSAGE,
    Fault.FINISH_ERROR,
    Fault.EMPTY_CONTENT,
)
#: Faults whose answer echoes the request's credentials (for redaction tests).
ECHO_FAULTS: tuple[Fault, ...] = (
    Fault.ECHO_KEY,
    Fault.ECHO_KEY_TEXT,
    Fault.ECHO_KEY_HTML,
    Fault.ECHO_KEY_200,
)
#: Faults that answer 200 with content the caller has to reject.
CONTENT_FAULTS: tuple[Fault, ...] = (
    Fault.INVALID_JSON,
    Fault.SCHEMA_INVALID,
    Fault.LENGTH,
    Fault.REFUSAL,
)

# status, OpenAI error type, code, message
_HTTP_ERRORS: dict[Fault, tuple[int, str, str | None, str]] = {
    Fault.RATE_LIMIT: (
        429,
        "rate_limit_error",
        "rate_limit_exceeded",
        "Rate limit reached for fake-model (fake server): retry later.",
    ),
    Fault.RATE_LIMIT_NO_HEADER: (
        429,
        "rate_limit_error",
        "rate_limit_exceeded",
        "Rate limit reached for fake-model (fake server), no retry hint.",
    ),
    Fault.SERVER_ERROR: (
        500,
        "server_error",
        None,
        "The fake server had an error while processing your request.",
    ),
    Fault.BAD_GATEWAY: (502, "server_error", None, "Bad gateway (fake server)."),
    Fault.UNAVAILABLE: (
        503,
        "server_error",
        "service_unavailable",
        "The fake engine is currently overloaded, please try again later.",
    ),
    Fault.UNAUTHORIZED: (
        401,
        "invalid_request_error",
        "invalid_api_key",
        "Incorrect API key provided (fake server).",
    ),
    Fault.BAD_REQUEST: (
        400,
        "invalid_request_error",
        "invalid_value",
        "Invalid value for 'messages' (fake server).",
    ),
}


# --------------------------------------------------------------------------- responders


def static(content: str) -> Responder:
    """Answer every request with ``content``."""

    def respond(body: dict[str, Any]) -> str:
        return content

    return respond


def sequence(*contents: str) -> Responder:
    """Answer the nth call with the nth content; the last one repeats.

    Counted per call to the responder, i.e. per request that gets a completion
    built from responder content (normal, SLOW, TIMEOUT, LENGTH). Requests
    answered by an HTTP error, a cut connection or a fixed-content fault do not
    use up an entry, so ``sequence(bad, good)`` with ``faults={0: RATE_LIMIT}``
    still hands ``bad`` to the retry and ``good`` to the one after.
    """
    if not contents:
        raise ValueError("sequence() needs at least one content")
    lock = threading.Lock()
    calls = 0

    def respond(body: dict[str, Any]) -> str:
        nonlocal calls
        with lock:
            n = calls
            calls += 1
        return contents[min(n, len(contents) - 1)]

    return respond


def echo_valid() -> Responder:
    """Answer with the smallest JSON instance of the schema the request carries.

    The schema is looked up where instructor puts it: the forced tool's
    ``parameters`` (TOOLS mode), or ``response_format.json_schema.schema``
    (JSON_SCHEMA mode). Without a schema the answer is ``{}``. Benchmarks use
    this so that requests parse without the server knowing the record models.
    """

    def respond(body: dict[str, Any]) -> str:
        schema = _request_schema(body)
        return json.dumps(minimal_instance(schema) if schema is not None else {})

    return respond


_NAMED = re.compile(r"Countries the article names: (.+)\.")
_COUNTRY = re.compile(r"([A-Z]{3}) \(([^)]+)\)")
_SENTENCE = re.compile(r"^\[(\d+)\] (.*)$|(?<=\s)\[(\d+)\] ([^\[]*)", re.MULTILINE)


def named_meeting() -> Responder:
    """Answer with one meeting between the first two countries the article names.

    Reads the "Countries the article names" line and the numbered sentences
    of extractor's prompt, and cites the first sentence that names the first
    country, so the answer is a record that grounds and goes through the
    whole resolution path; articles naming fewer than two countries get the
    empty answer. Benchmarks use it to measure the client with real records.
    """

    def respond(body: dict[str, Any]) -> str:
        text = "\n".join(
            m["content"] for m in body.get("messages", []) if isinstance(m.get("content"), str)
        )
        empty = {"visits": [], "meetings": [], "arms_transfers": [], "casualty_reports": []}
        named = _NAMED.search(text)
        countries = _COUNTRY.findall(named.group(1)) if named else []
        if len(countries) < 2:
            return json.dumps(empty)
        (first, label), (second, _) = countries[:2]
        cited = next(
            (
                int(m.group(1) or m.group(3))
                for m in _SENTENCE.finditer(text)
                if label in (m.group(2) or m.group(4) or "")
            ),
            1,
        )
        meeting = {
            "participants": [], "countries": [first, second], "format": "bilateral",
            "place": None, "date": None, "topics": [], "status": "occurred",
            "attribution": None, "evidence": [cited],
        }  # fmt: skip
        return json.dumps({**empty, "meetings": [meeting]})

    return respond


_DEFAULT_RESPONDER = static("{}")


def _request_schema(body: Mapping[str, Any]) -> Mapping[str, Any] | None:
    tools = body.get("tools")
    functions = [
        t["function"]
        for t in (tools if isinstance(tools, list) else [])
        if isinstance(t, dict) and isinstance(t.get("function"), dict)
    ]
    forced = _forced_tool(body)
    if forced is not None:
        functions = [f for f in functions if f.get("name") == forced]
    if len(functions) == 1 and isinstance(functions[0].get("parameters"), dict):
        params: Mapping[str, Any] = functions[0]["parameters"]
        return params
    fmt = body.get("response_format")
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        js = fmt.get("json_schema")
        if isinstance(js, dict) and isinstance(js.get("schema"), dict):
            schema: Mapping[str, Any] = js["schema"]
            return schema
    return None


def minimal_instance(
    schema: Mapping[str, Any], root: Mapping[str, Any] | None = None, _depth: int = 0
) -> Any:
    """The smallest value that satisfies a (pydantic-style) JSON schema.

    Only required properties, no array items beyond ``minItems``, ``null`` when
    allowed. Covers what pydantic emits (``$ref``/``$defs``, ``anyOf``, enums,
    ``const``, string formats, numeric bounds); ``pattern`` is not honoured.
    """
    root = schema if root is None else root
    if _depth > 40:
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = root
        for part in ref[2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
        return minimal_instance(target, root, _depth + 1)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            for option in options:
                if isinstance(option, dict) and option.get("type") == "null":
                    return None
            return minimal_instance(options[0], root, _depth + 1)
    all_of = schema.get("allOf")
    if isinstance(all_of, list) and all_of:
        return minimal_instance(all_of[0], root, _depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = "null" if "null" in kind else (kind[0] if kind else None)
    if kind is None and "properties" in schema:
        kind = "object"
    if kind == "object":
        props = schema.get("properties", {})
        return {
            name: minimal_instance(props.get(name, {}), root, _depth + 1)
            for name in schema.get("required", [])
        }
    if kind == "array":
        count = int(schema.get("minItems", 0))
        items = schema.get("items", {})
        return [minimal_instance(items, root, _depth + 1) for _ in range(count)]
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date":
            return "2000-01-01"
        if fmt == "date-time":
            return "2000-01-01T00:00:00Z"
        return "x" * int(schema.get("minLength", 0))
    if kind in ("integer", "number"):
        value: float = 0
        if "minimum" in schema:
            value = max(value, schema["minimum"])
        if "exclusiveMinimum" in schema:
            value = max(value, schema["exclusiveMinimum"] + 1)
        if "maximum" in schema:
            value = min(value, schema["maximum"])
        return int(value) if kind == "integer" else float(value)
    if kind == "boolean":
        return False
    return None


# --------------------------------------------------------------------------- configuration


@dataclass(frozen=True)
class FakeConfig:
    """Everything that decides how the server answers. Shared by both run modes."""

    responder: Responder = _DEFAULT_RESPONDER
    faults: Mapping[int, Fault] = field(default_factory=dict)
    """Scripted faults by request index (0-based, chat completions only); wins over the rate."""
    fault_rate: float = 0.0
    """Probability that an unscripted request gets one of ``fault_kinds``."""
    fault_kinds: tuple[Fault, ...] = TRANSIENT_FAULTS
    seed: int = 0
    """Seeds the fault draw; the same seed gives the same fault for the same index."""
    latency: float = 0.0
    """Seconds before every answer (and before every fault)."""
    jitter: float = 0.0
    """Latency is drawn uniformly from ``latency ± jitter`` (never below 0)."""
    retry_after: float = 1.0
    """Seconds in RATE_LIMIT's ``Retry-After`` header."""
    retry_after_header: str | None = None
    """RATE_LIMIT's ``Retry-After`` header verbatim (``"soon"``, ``"-5"``, a date), instead of
    ``retry_after``."""
    drip_interval: float = 1.0
    """Seconds between two bytes of a DRIP answer."""
    timeout_delay: float = 30.0
    """How long TIMEOUT holds a request before answering."""
    slow_delay: float = 2.0
    """Extra seconds SLOW adds before a normal answer."""
    model: str = DEFAULT_MODEL
    """Listed by ``/v1/models``; used in completions when the request names none."""
    max_log: int | None = None
    """Keep only the newest ``max_log`` request records (benchmarks); None keeps all."""
    replier: Replier | None = None
    """Answers a request verbatim when it returns a Reply (wins over faults and responder)."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.fault_rate <= 1.0:
            raise ValueError(f"fault_rate must be within [0, 1], got {self.fault_rate}")
        if self.fault_rate > 0 and not self.fault_kinds:
            raise ValueError("fault_rate > 0 needs at least one fault kind")
        for name in (
            "latency", "jitter", "retry_after", "timeout_delay", "slow_delay", "drip_interval"
        ):  # fmt: skip
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")


@dataclass
class RequestRecord:
    """One chat-completions request as the server saw it."""

    index: int
    """0-based arrival order; what ``faults`` keys refer to."""
    time: float
    """Arrival, ``time.time()``."""
    fault: Fault | None
    body: dict[str, Any]
    """The parsed JSON body (``{"_raw": text}`` if it was not a JSON object)."""
    headers: dict[str, str]
    """Request headers, names lower-cased (``"authorization"``, ``"x-stainless-retry-count"``)."""
    status: int | None = None
    """Status sent; None while in flight or when no response went out (reset, stop, client gone)."""

    @property
    def message_text(self) -> str:
        """All message text the client sent, joined: for "X never reached the model" asserts."""
        return "\n".join(_message_texts(self.body))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready view, as ``GET /_fake/log`` serves it."""
        return {
            "index": self.index,
            "time": self.time,
            "fault": None if self.fault is None else self.fault.value,
            "status": self.status,
            "body": self.body,
        }


def _message_texts(body: Mapping[str, Any]) -> list[str]:
    texts: list[str] = []
    messages = body.get("messages")
    if not isinstance(messages, list):
        return texts
    for message in messages:
        if not isinstance(message, dict):
            continue
        content = message.get("content")
        if isinstance(content, str):
            texts.append(content)
        elif isinstance(content, list):
            for part in content:
                if isinstance(part, dict) and isinstance(part.get("text"), str):
                    texts.append(part["text"])
        for call in message.get("tool_calls") or []:
            if isinstance(call, dict) and isinstance(call.get("function"), dict):
                args = call["function"].get("arguments")
                if isinstance(args, str):
                    texts.append(args)
    return texts


def _forced_tool(body: Mapping[str, Any]) -> str | None:
    choice = body.get("tool_choice")
    if isinstance(choice, dict) and isinstance(choice.get("function"), dict):
        name = choice["function"].get("name")
        return name if isinstance(name, str) else None
    return None


# --------------------------------------------------------------------------- the server


class _Core:
    """The request handling, independent of where its event loop runs.

    State that the test thread reads (the log, counters) is guarded by a
    ``threading.Lock``; everything else lives on the server's loop.
    """

    def __init__(self, config: FakeConfig) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._log: deque[RequestRecord] = deque(maxlen=config.max_log)
        self._next_index = 0
        self._fault_rng = random.Random(config.seed)
        self._jitter_rng = random.Random(f"{config.seed}/jitter")
        self._fault_counts: Counter[str] = Counter()
        self._status_counts: Counter[str] = Counter()
        self._stop_future: asyncio.Future[None] | None = None

    # -- state readable from any thread

    def records(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._log)

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": self._next_index,
                "faults": dict(self._fault_counts),
                "statuses": dict(self._status_counts),
            }

    # -- lifecycle, on the server's loop

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_get("/v1/models", self._models)
        app.router.add_get("/_fake/stats", self._stats)
        app.router.add_get("/_fake/log", self._log_view)
        app.router.add_get("/_fake/landing", self._landing)
        return app

    async def start(self, port: int) -> tuple[web.AppRunner, str]:
        """Listen on 127.0.0.1:port; return the runner and the ``/v1`` base URL."""
        self._stop_future = asyncio.get_running_loop().create_future()
        # handler_cancellation: a client that gives up (its timeout) frees the handler at once.
        runner = web.AppRunner(
            self.app(), access_log=None, handler_cancellation=True, shutdown_timeout=2.0
        )
        await runner.setup()
        site = web.TCPSite(runner, HOST, port, backlog=2048, reuse_address=True)
        await site.start()
        bound_port = runner.addresses[0][1]
        return runner, f"http://{HOST}:{bound_port}/v1"

    def begin_stop(self) -> None:
        """Wake every sleeping handler so the runner can shut down without waiting."""
        if self._stop_future is not None and not self._stop_future.done():
            self._stop_future.set_result(None)

    async def _pause(self, seconds: float) -> bool:
        """Sleep ``seconds``; return True if the server started stopping meanwhile."""
        stop = self._stop_future
        assert stop is not None
        if stop.done():
            return True
        if seconds <= 0:
            return False
        done, _ = await asyncio.wait((stop,), timeout=seconds)
        return bool(done)

    # -- handlers

    async def _models(self, request: web.Request) -> web.Response:
        data = [{"id": self.config.model, "object": "model", "created": 0, "owned_by": "fake"}]
        return web.json_response({"object": "list", "data": data})

    async def _landing(self, request: web.Request) -> web.Response:
        return web.Response(text=_LANDING_HTML, content_type="text/html")

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.stats())

    async def _log_view(self, request: web.Request) -> web.Response:
        since = int(request.query.get("since", "0"))
        return web.json_response([r.to_json() for r in self.records() if r.index >= since])

    def _draw_fault(self, index: int) -> Fault | None:
        # Always draw, even for scripted indices, so the rate schedule for index i
        # depends on the seed alone and not on which indices are scripted.
        roll = self._fault_rng.random()
        kind = self._fault_rng.choice(self.config.fault_kinds) if self.config.fault_kinds else None
        scripted = self.config.faults.get(index)
        if scripted is not None:
            return scripted
        return kind if roll < self.config.fault_rate else None

    def _log_request(
        self, request: web.Request, body: dict[str, Any], fault_of: Callable[[int], Fault | None]
    ) -> RequestRecord:
        """Number, fault (``fault_of(index)``) and log a request, alike on every server here."""
        # the caller holds self._lock, and may draw more under it
        index = self._next_index
        self._next_index += 1
        fault = fault_of(index)
        headers = {k.lower(): v for k, v in request.headers.items()}
        record = RequestRecord(index, time.time(), fault, body, headers)
        self._log.append(record)
        return record

    def _draw_latency(self) -> float:
        cfg = self.config
        if cfg.jitter <= 0:
            return cfg.latency
        return max(0.0, cfg.latency + self._jitter_rng.uniform(-cfg.jitter, cfg.jitter))

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        parsed: Any
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        well_formed = isinstance(parsed, dict)
        body: dict[str, Any] = parsed if well_formed else {"_raw": raw.decode("utf-8", "replace")}

        def fault_of(index: int) -> Fault | None:
            drawn = self._draw_fault(index)  # drawn even when unused: keeps the schedule fixed
            return drawn if well_formed else None

        with self._lock:
            record = self._log_request(request, body, fault_of)
            fault = record.fault
            delay = self._draw_latency()
            self._fault_counts[fault.value if fault else "none"] += 1

        if fault is Fault.SLOW:
            delay += self.config.slow_delay
        elif fault is Fault.TIMEOUT:
            delay += self.config.timeout_delay
        if await self._pause(delay):
            return reset_connection(request)

        if not well_formed:
            response = _error(
                400, "invalid_request_error", None, "Request body is not a JSON object."
            )
        elif fault is Fault.CONNECTION_RESET:
            return reset_connection(request)
        elif fault is Fault.TRUNCATED_BODY:
            return await self._truncated(request, record)
        elif fault is Fault.DRIP:
            return await self._drip(request, record)
        else:
            response = self._answer(record, request)
        self._set_status(record, response.status)
        return response

    def _answer(self, record: RequestRecord, request: web.Request) -> web.Response:
        if self.config.replier is not None:
            reply = self.config.replier(record)
            if reply is not None:
                body = reply.body if isinstance(reply.body, bytes) else reply.body.encode()
                headers = {"Content-Type": reply.content_type, **reply.headers}
                return web.Response(status=reply.status, body=body, headers=headers)
        fault = record.fault
        if fault in _HTTP_ERRORS:
            status, kind, code, message = _HTTP_ERRORS[fault]
            headers: dict[str, str] = {}
            if fault is Fault.RATE_LIMIT:
                header = self.config.retry_after_header
                headers["Retry-After"] = (
                    _seconds(self.config.retry_after) if header is None else header
                )
            return _error(status, kind, code, message, headers)
        if fault is Fault.BAD_GATEWAY_HTML:
            return web.Response(status=502, text=_BAD_GATEWAY_HTML, content_type="text/html")
        if fault is not None and fault in _NOT_OPENAI_BODIES:
            return _NOT_OPENAI_BODIES[fault]()
        if fault is not None and fault in ECHO_FAULTS:
            return _echo(fault, record, request)
        return _json_response(self._completion(record))

    async def _drip(self, request: web.Request, record: RequestRecord) -> web.StreamResponse:
        """The whole completion, promised in Content-Length, sent one byte at a time."""
        payload = json.dumps(self._completion(record)).encode()
        response = web.StreamResponse(status=200, headers={"Content-Type": "application/json"})
        response.content_length = len(payload)
        await response.prepare(request)
        self._set_status(record, 200)
        for offset in range(len(payload)):
            if await self._pause(self.config.drip_interval):
                break
            try:
                await response.write(payload[offset : offset + 1])
            except (ConnectionError, RuntimeError):  # the client gave up
                break
        return response

    def _completion(self, record: RequestRecord) -> dict[str, Any]:
        body, fault = record.body, record.fault
        content: str | None
        refusal: str | None = None
        finish = "stop"
        if fault is Fault.INVALID_JSON:
            content = INVALID_JSON_CONTENT
        elif fault is Fault.SCHEMA_INVALID:
            content = SCHEMA_INVALID_CONTENT
        elif fault is Fault.REFUSAL:
            content, refusal = None, REFUSAL_TEXT
        elif fault is Fault.LENGTH:
            content, finish = _cut_json(self.config.responder(body)), "length"
        else:
            content = self.config.responder(body)

        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
        tool = _forced_tool(body)
        if tool is not None and content is not None:
            # instructor's TOOLS mode forces a tool and reads its arguments, not content.
            message["content"] = None
            message["tool_calls"] = [
                {
                    "id": f"call_fake_{record.index}",
                    "type": "function",
                    "function": {"name": tool, "arguments": content},
                }
            ]
        prompt_tokens = sum(len(t) for t in _message_texts(body)) // 4
        completion_tokens = len(content or refusal or "") // 4
        model = body.get("model")
        return {
            "id": f"chatcmpl-fake-{record.index}",
            "object": "chat.completion",
            "created": int(record.time),
            "model": model if isinstance(model, str) else self.config.model,
            "choices": [
                {"index": 0, "message": message, "finish_reason": finish, "logprobs": None}
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }

    async def _truncated(self, request: web.Request, record: RequestRecord) -> web.StreamResponse:
        """Promise the whole completion in Content-Length, send half, close."""
        payload = json.dumps(self._completion(record)).encode()
        response = web.StreamResponse(status=200, headers={"Content-Type": "application/json"})
        response.content_length = len(payload)
        await response.prepare(request)
        await response.write(payload[: len(payload) // 2])
        if request.transport is not None:
            request.transport.close()  # close, not abort: the half already written goes out first
        self._set_status(record, 200)
        return response

    def _set_status(self, record: RequestRecord, status: int) -> None:
        with self._lock:
            record.status = status
            self._status_counts[str(status)] += 1


_LANDING_HTML = (
    "<!DOCTYPE html>\n<html><head><title>Welcome</title></head>\n"
    "<body><h1>Welcome to the model hub</h1><p>Sign in to continue.</p></body></html>\n"
)


def _completion_of(message: dict[str, Any], finish: str = "stop") -> dict[str, Any]:
    choice = {"index": 0, "message": message, "finish_reason": finish}
    return {"id": "chatcmpl-fake", "object": "chat.completion", "created": 0,
            "model": DEFAULT_MODEL, "choices": [choice]}  # fmt: skip


def _not_openai(payload: Any) -> Callable[[], web.Response]:
    return lambda: _json_response(payload)


_NOT_OPENAI_BODIES: dict[Fault, Callable[[], web.Response]] = {
    Fault.REDIRECT_GET: lambda: web.Response(status=302, headers={"Location": "/_fake/landing"}),
    Fault.HTML_200: lambda: web.Response(text=_LANDING_HTML, content_type="text/html"),
    Fault.EMPTY_OBJECT: _not_openai({}),
    Fault.NO_CHOICES: _not_openai(
        {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 0,
            "model": DEFAULT_MODEL,
            "choices": [],
        }
    ),
    Fault.NOT_A_COMPLETION: _not_openai({"status": "ok", "result": "queued", "id": "job-1"}),
    Fault.NULL_CONTENT: _not_openai(_completion_of({"role": "assistant", "content": None})),
    Fault.EMPTY_MESSAGE: _not_openai(_completion_of({})),
    Fault.FINISH_ERROR: _not_openai(
        _completion_of({"role": "assistant", "content": ""}, finish="error")
    ),
    Fault.EMPTY_CONTENT: _not_openai(_completion_of({"role": "assistant", "content": ""})),
}


def _echo(fault: Fault, record: RequestRecord, request: web.Request) -> web.Response:
    """An answer that repeats the request's credentials, as careless servers and proxies do."""
    auth = request.headers.get("Authorization", "")
    seen = f"Authorization: {auth}; url: {request.url}"
    if fault is Fault.ECHO_KEY:
        message = f"Incorrect API key provided: {auth} ({request.url})."
        return _error(401, "invalid_request_error", "invalid_api_key", message)
    if fault is Fault.ECHO_KEY_TEXT:
        headers = "\n".join(f"{name}: {value}" for name, value in request.headers.items())
        return web.Response(status=400, text=f"Bad request.\n{headers}\nurl: {request.url}\n")
    page = f"<html><body><h1>Gateway debug</h1><pre>{seen}</pre></body></html>"
    status = 200 if fault is Fault.ECHO_KEY_200 else 502
    return web.Response(status=status, text=page, content_type="text/html")


def reset_connection(request: web.Request) -> web.Response:
    """Drop the connection with a TCP RST, no bytes sent: how every fake here loses an answer."""
    transport = request.transport
    if transport is not None:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            # SO_LINGER 0: close() sends RST instead of FIN, a real "connection reset".
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    # aiohttp tries to send this, finds the transport closed, and drops it quietly.
    return web.Response(status=599)


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _cut_json(content: str) -> str:
    """Cut ``content`` in the middle so it no longer parses."""
    cut = content[: max(1, len(content) // 2)]
    try:
        json.loads(cut)
    except ValueError:
        return cut
    return _LENGTH_FALLBACK


def _json_response(
    payload: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    return web.Response(
        status=status, text=json.dumps(payload), content_type="application/json", headers=headers
    )


def _error(
    status: int, kind: str, code: str | None, message: str, headers: Mapping[str, str] | None = None
) -> web.Response:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return _json_response(body, status, headers)


class FakeOpenAI:
    """The fake server on a background thread: ``with FakeOpenAI(...) as server:``.

    ``server.base_url`` goes straight into ``openai.OpenAI(base_url=...)``.
    ``server.requests`` / ``server.log`` show what clients sent, in arrival order.
    """

    def __init__(
        self,
        responder: Responder | None = None,
        *,
        faults: Mapping[int, Fault] | Sequence[Fault | None] | None = None,
        fault_rate: float = 0.0,
        fault_kinds: Iterable[Fault] = TRANSIENT_FAULTS,
        seed: int = 0,
        latency: float = 0.0,
        jitter: float = 0.0,
        retry_after: float = 1.0,
        timeout_delay: float = 30.0,
        slow_delay: float = 2.0,
        model: str = DEFAULT_MODEL,
        max_log: int | None = None,
        port: int = 0,
        retry_after_header: str | None = None,
        drip_interval: float = 1.0,
        replier: Replier | None = None,
    ) -> None:
        """``faults`` as a list means ``faults[i]`` for request ``i`` (None: no fault)."""
        if faults is None:
            script: dict[int, Fault] = {}
        elif isinstance(faults, Mapping):
            script = dict(faults)
        else:
            script = {i: f for i, f in enumerate(faults) if f is not None}
        self.config = FakeConfig(
            responder=responder or _DEFAULT_RESPONDER,
            faults=script,
            fault_rate=fault_rate,
            fault_kinds=tuple(fault_kinds),
            seed=seed,
            latency=latency,
            jitter=jitter,
            retry_after=retry_after,
            timeout_delay=timeout_delay,
            slow_delay=slow_delay,
            model=model,
            max_log=max_log,
            retry_after_header=retry_after_header,
            drip_interval=drip_interval,
            replier=replier,
        )
        self._port = port
        self._core = _Core(self.config)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._base_url: str | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``."""
        if self._base_url is None:
            raise RuntimeError("FakeOpenAI is not running; use it as a context manager")
        return self._base_url

    @property
    def log(self) -> list[RequestRecord]:
        """A snapshot of the request records, oldest first."""
        return self._core.records()

    @property
    def requests(self) -> list[dict[str, Any]]:
        """A snapshot of the received request bodies, oldest first."""
        return [r.body for r in self._core.records()]

    def stats(self) -> dict[str, Any]:
        """Counts of requests, faults applied and statuses sent."""
        return self._core.stats()

    def start(self) -> Self:
        """Start serving; returns once the port is bound."""
        if self._thread is not None:
            raise RuntimeError("FakeOpenAI already started")
        self._thread = threading.Thread(target=self._run, name="fake-openai", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._startup_error is not None:
            self._thread.join()
            raise RuntimeError("FakeOpenAI failed to start") from self._startup_error
        return self

    def stop(self) -> None:
        """Stop serving, cutting short any request still sleeping. Safe to call twice."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        try:
            loop.call_soon_threadsafe(self._core.begin_stop)
            loop.call_soon_threadsafe(loop.stop)
        except RuntimeError:  # loop already closed
            pass
        thread.join(timeout=10)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            asyncio.set_event_loop(loop)
            try:
                runner, self._base_url = loop.run_until_complete(self._core.start(self._port))
            except BaseException as exc:
                self._startup_error = exc
                return
            finally:
                self._ready.set()
            loop.run_forever()
            self._core.begin_stop()
            loop.run_until_complete(runner.cleanup())
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()


# --------------------------------------------------------------------------- process mode


def _parse_fault(name: str) -> Fault:
    try:
        return Fault(name.strip().lower())
    except ValueError:
        choices = ", ".join(f.value for f in Fault)
        raise argparse.ArgumentTypeError(f"unknown fault {name!r}; one of: {choices}") from None


def _parse_fault_kinds(text: str) -> tuple[Fault, ...]:
    return tuple(_parse_fault(part) for part in text.split(",") if part.strip())


def _parse_script(text: str) -> dict[int, Fault]:
    script: dict[int, Fault] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        index, sep, name = item.partition("=")
        if not sep or not index.strip().isdigit():
            raise argparse.ArgumentTypeError(f"expected INDEX=FAULT, got {item!r}")
        script[int(index)] = _parse_fault(name)
    return script


def _parse_responder(text: str) -> Responder:
    if text in ("empty", "default"):
        return _DEFAULT_RESPONDER
    if text == "echo-valid":
        return echo_valid()
    if text == "named-meeting":
        return named_meeting()
    if text.startswith("static:"):
        return static(text.removeprefix("static:"))
    if text.startswith("file:"):
        return static(Path(text.removeprefix("file:")).read_text(encoding="utf-8"))
    raise argparse.ArgumentTypeError(
        f"unknown responder {text!r}; use empty, echo-valid, named-meeting, static:CONTENT or file:PATH"
    )


def _arg_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m tests.fakes.openai_server",
        description="Fault-injecting OpenAI-compatible server on 127.0.0.1. "
        "Prints 'READY <base_url>' once listening; stops on SIGTERM/SIGINT.",
    )
    p.add_argument("--port", type=int, default=0, help="0 lets the OS pick (default)")
    p.add_argument("--latency", type=float, default=0.0, help="seconds before each answer")
    p.add_argument("--jitter", type=float, default=0.0, help="latency varies by ± this")
    p.add_argument(
        "--responder",
        type=_parse_responder,
        default=_DEFAULT_RESPONDER,
        help="empty ('{}', default) | echo-valid (minimal instance of the request's schema) "
        "| static:CONTENT | file:PATH",
    )
    p.add_argument("--faults", type=_parse_script, default={}, help="e.g. 0=rate_limit,1=timeout")
    p.add_argument("--fault-rate", type=float, default=0.0)
    p.add_argument(
        "--fault-kinds",
        type=_parse_fault_kinds,
        default=TRANSIENT_FAULTS,
        help="comma-separated; default: " + ",".join(f.value for f in TRANSIENT_FAULTS),
    )
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--retry-after", type=float, default=1.0)
    p.add_argument("--timeout-delay", type=float, default=30.0)
    p.add_argument("--slow-delay", type=float, default=2.0)
    p.add_argument("--drip-interval", type=float, default=1.0)
    p.add_argument("--retry-after-header", default=None, help="RATE_LIMIT's Retry-After, verbatim")
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument(
        "--max-log", type=int, default=10_000, help="request records kept for /_fake/log"
    )
    return p


async def _serve(config: FakeConfig, port: int) -> None:
    core = _Core(config)
    runner, base_url = await core.start(port)
    loop = asyncio.get_running_loop()
    stopped = loop.create_future()

    def request_stop() -> None:
        if not stopped.done():
            stopped.set_result(None)

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, request_stop)
    print(f"READY {base_url}", flush=True)
    try:
        await stopped
    finally:
        core.begin_stop()
        await runner.cleanup()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server in this process until SIGTERM/SIGINT."""
    args = _arg_parser().parse_args(argv)
    try:
        config = FakeConfig(
            responder=args.responder,
            faults=args.faults,
            fault_rate=args.fault_rate,
            fault_kinds=args.fault_kinds,
            seed=args.seed,
            latency=args.latency,
            jitter=args.jitter,
            retry_after=args.retry_after,
            timeout_delay=args.timeout_delay,
            slow_delay=args.slow_delay,
            model=args.model,
            max_log=args.max_log,
            retry_after_header=args.retry_after_header,
            drip_interval=args.drip_interval,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    asyncio.run(_serve(config, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
