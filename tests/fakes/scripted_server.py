"""A loopback HTTP server that answers from a script and records what it was asked.

For tests that need a server's exact bytes (a redirect, an endless or gzip body, a token
count no JSON library writes, a pause before the answer) rather than the OpenAI-shaped
behaviour of :mod:`tests.fakes.openai_server`. It is real HTTP/1.1 on ``127.0.0.1`` (use
that module's ``LOOPBACK_ONLY`` for ``block_network``), one thread a connection::

    with ScriptedServer([Answer(body=b"{}")]) as server:
        ...  # call server.base_url
        assert server.requests == 1 and server.received[0].path == "/v1/chat/completions"

A script is a list of answers, given in turn, the last one again and again, or a callable
that makes the answer to each request. A test sets a new script (and clears the record)
with :meth:`ScriptedServer.reset`.

:class:`RawServer` answers with exact bytes instead (:class:`Raw`), for answers that are
not valid HTTP or are cut short at a chosen byte, which no HTTP server library writes.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx2
import openai


@dataclass(frozen=True)
class Received:
    """One request as the server read it."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON (``{}`` when there is none)."""
        return json.loads(self.body or b"{}")


A = TypeVar("A")


class _Scripted(Generic[A]):
    """What both servers keep: a script of answers (a list given in turn, the last one again
    and again, or a callable that makes each), the requests received, and ``reset``."""

    #: The answer to a request when the script is empty.
    unscripted: A

    def __init__(self, script: Sequence[A] | Callable[[Received], A]) -> None:
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.script = script
        self.received: list[Received] = []

    @property
    def requests(self) -> int:
        return len(self.received)

    def reset(self, script: Sequence[A] | Callable[[Received], A]) -> None:
        """Answer from ``script`` from now on; forget the requests (and bytes) so far."""
        with self._lock:
            self.script = script
            self.received = []
            self._forget()

    def _forget(self) -> None:
        """Forget what else a server counts (``reset``)."""

    def _answer_to(self, request: Received) -> A:
        with self._lock:
            self.received.append(request)
            number, script = len(self.received), self.script
        if callable(script):
            return script(request)
        if not script:
            return self.unscripted
        return script[min(number, len(script)) - 1]


@dataclass(frozen=True)
class Answer:
    """What to send: after ``delay`` seconds (cut short when the server stops), ``status``,
    ``headers`` and ``body``. A ``bytes`` body is sent with its ``Content-Length``; any
    other iterable of bytes is sent chunked, a chunk at a time, and the connection closed
    after it (a generator may block, or never end: the client decides when to stop)."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | Iterable[bytes] = b""
    delay: float = 0.0


Script = Sequence[Answer] | Callable[[Received], Answer]


def json_answer(
    body: bytes, status: int = 200, headers: Mapping[str, str] | None = None, delay: float = 0.0
) -> Answer:
    """An answer whose body is JSON (already encoded: the test decides its exact bytes)."""
    return Answer(status, {"Content-Type": "application/json", **(headers or {})}, body, delay)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.owner._serve(self)

    def do_POST(self) -> None:
        self.server.owner._serve(self)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: ScriptedServer) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.owner = owner


class ScriptedServer(_Scripted[Answer]):
    """Serves :class:`Answer` s from a script on a free loopback port, in a thread, from
    ``__enter__`` to ``__exit__``. ``received`` holds every request, ``requests`` counts
    them, ``sent`` counts the body bytes written, ``stopping`` is set when it stops (a
    pause or a generator body may wait on it)."""

    unscripted = Answer(500, body=b"no answer scripted")

    def __init__(self, script: Script = ()) -> None:
        super().__init__(script)
        self._http = _Server(self)
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self.sent = 0

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL (``.../v1``) of this server."""
        return f"http://127.0.0.1:{self._http.server_address[1]}/v1"

    def _forget(self) -> None:
        self.sent = 0

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self._http.shutdown()
        self._http.server_close()

    def _serve(self, handler: _Handler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        request = Received(handler.command, handler.path, dict(handler.headers.items()), body)
        answer = self._answer_to(request)
        if answer.delay:
            self.stopping.wait(answer.delay)
        handler.send_response(answer.status)
        for name, value in answer.headers.items():
            handler.send_header(name, value)
        if isinstance(answer.body, bytes):
            handler.send_header("Content-Length", str(len(answer.body)))
            handler.end_headers()
            with contextlib.suppress(OSError):  # a client that stopped reading
                handler.wfile.write(answer.body)
                self.sent += len(answer.body)
            return
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        try:
            for chunk in answer.body:
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.sent += len(chunk)
            handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass
        handler.close_connection = True


# ------------------------------------------------------------------ raw bytes


@dataclass(frozen=True)
class Raw:
    """Bytes sent as they are in answer to one request (a status line, headers and a body,
    valid HTTP or not), then the connection closed; reset (an RST: ``SO_LINGER`` 0) when
    ``reset``."""

    data: bytes
    reset: bool = False


RawScript = Sequence[Raw] | Callable[[Received], Raw]


class RawServer(_Scripted[Raw]):
    """A loopback server that reads each request (its head and a ``Content-Length`` body)
    and answers it with :class:`Raw` bytes from a script, one connection per request.

    For answers no HTTP server library writes: an illegal status line or chunk size,
    conflicting ``Content-Length`` headers, a body that is not in its
    ``Content-Encoding``, an answer cut short at any byte. The script and the record
    work as :class:`ScriptedServer`'s (``base_url``, ``received``, ``requests``,
    :meth:`reset`); every connection is closed after its answer, so every request
    opens a new one.
    """

    unscripted = Raw(b"HTTP/1.1 500 No answer scripted\r\nContent-Length: 0\r\n\r\n")

    def __init__(self, script: RawScript = ()) -> None:
        super().__init__(script)
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.1)
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}/v1"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._thread.join(timeout=5)
        self._socket.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(10)
            try:
                request = _read_request(connection)
            except (OSError, ValueError):
                return
            if request is None:
                return
            answer = self._answer_to(request)
            with contextlib.suppress(OSError):  # a client that went away
                connection.sendall(answer.data)
                if answer.reset:
                    linger = struct.pack("ii", 1, 0)
                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                else:
                    connection.shutdown(socket.SHUT_WR)


def _read_request(connection: socket.socket) -> Received | None:
    """One request read from ``connection`` (None when it closed before sending one)."""
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        data = connection.recv(65536)
        if not data:
            return None
        buffer += data
    head, _, body = buffer.partition(b"\r\n\r\n")
    start, *lines = head.decode("latin-1").split("\r\n")
    method, path, _version = start.split(" ", 2)
    headers = dict(line.split(":", 1) for line in lines if ":" in line)
    headers = {name.strip(): value.strip() for name, value in headers.items()}
    length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), 0))
    while len(body) < length:
        data = connection.recv(65536)
        if not data:
            return None
        body += data
    return Received(method, path, headers, body)


def as_the_sdk_raises(error: BaseException) -> openai.APIConnectionError:
    """``error`` (an h11 error an answer of :class:`RawServer` may cause) under httpx's and
    the SDK's wrapping, as an HTTP client that is not extractor's raises it."""
    request = httpx2.Request("POST", "http://h/v1/chat/completions")
    try:
        try:
            raise httpx2.RemoteProtocolError(str(error), request=request) from error
        except httpx2.RemoteProtocolError as wrapped:
            raise openai.APIConnectionError(request=request) from wrapped
    except openai.APIConnectionError as outer:
        return outer
