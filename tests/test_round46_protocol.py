"""An answer that breaks HTTP is the server's fault, said once; one cut short is the network's.

A model server (or a proxy before it) whose answer is not valid HTTP (an illegal status line,
header line or chunk size, a bad chunk footer, conflicting or invalid ``Content-Length``, a
``Transfer-Encoding`` the client does not take) or whose body is not in the
``Content-Encoding`` it names sends the same bytes to every request: it is an answer that is
not an answer of the API, an ``IncompatibleServerError`` of kind ``server``, after one
request, never "could not reach the server" nor "overloaded", and a bulk run stops once its
first documents fail alike. A connection cut short (closed or reset before the declared
``Content-Length``, the last chunk or any answer) stays a ``TransientModelError``, retried.

The faults are generated with h11's own grammar (the parser httpx uses, read in
``h11/_abnf.py``): a line is malformed when h11's pattern does not take it. They are served
byte for byte by :class:`tests.fakes.scripted_server.RawServer`, to the OpenAI path and to
the Anthropic one (both through ``providers.Guarded``); :func:`retrying.classify` is also
checked alone, with h11's real errors, for an HTTP client that is not ours.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import zlib
from collections.abc import Iterator
from typing import Any

import h11
import httpx2
import openai
import pytest
from h11._abnf import chunk_header, header_field, status_line
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.bulk.batch import SAME_FAILURES_IN_A_ROW, BatchAborted, BatchResult, extract_many
from extractor.errors import IncompatibleServerError, TransientModelError
from extractor.pipeline.engine import Extractor
from extractor.runtime.retrying import RetryPolicy, broken_http, classify
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import Raw, RawServer, as_the_sdk_raises

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

ATTEMPTS = 3
FAST = RetryPolicy(attempts=ATTEMPTS, initial=0.001, maximum=0.005, total=10)
MODELS = {"openai": "openai/fake-model", "anthropic": "anthropic/claude-x"}
examples = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

STATUS_LINE = re.compile(status_line.encode("ascii"))
HEADER_LINE = re.compile(header_field.encode("ascii"))
CHUNK_HEADER = re.compile(chunk_header.encode("ascii"))

# ------------------------------------------------------------------ answers


def completion_body() -> bytes:
    """A valid chat completion (its bytes only matter when an answer is whole)."""
    return json.dumps({
        "id": "c", "object": "chat.completion", "created": 1, "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": EMPTY}}],
        "usage": {"prompt_tokens": 5, "completion_tokens": 3},
    }).encode()  # fmt: skip


def head(status: bytes = b"HTTP/1.1 200 OK", *lines: bytes) -> bytes:
    return b"\r\n".join([status, b"Content-Type: application/json", *lines]) + b"\r\n\r\n"


def chunked(body: bytes, sizes: list[int]) -> bytes:
    """``body`` as chunks of the given sizes (the rest in one), then the last chunk."""
    out, at = [], 0
    for size in [*sizes, len(body)]:
        piece = body[at : at + size]
        at += len(piece)
        if piece:
            out.append(b"%x\r\n%s\r\n" % (len(piece), piece))
    return b"".join(out) + b"0\r\n\r\n"


def framed(body: bytes, sizes: list[int] | None, *lines: bytes) -> bytes:
    """A whole 200 answer: ``body`` with its Content-Length, or chunked when ``sizes``."""
    if sizes is None:
        return head(b"HTTP/1.1 200 OK", *lines, b"Content-Length: %d" % len(body)) + body
    return head(b"HTTP/1.1 200 OK", *lines, b"Transfer-Encoding: chunked") + chunked(body, sizes)


line_bytes = st.binary(min_size=0, max_size=40).filter(lambda b: b"\r" not in b and b"\n" not in b)
chunk_sizes = st.none() | st.lists(st.integers(1, 64), max_size=4)


def _malformed_status() -> st.SearchStrategy[bytes]:
    near = st.sampled_from([b"HTTP/1.1 OK", b"HTTP/1.1 2000 OK", b"HTTP/11 200 OK",
                            b"http/1.1 200 OK", b"HTTP/1.1  200 OK", b"ICY 200 OK", b"200 OK",
                            b"HTTP/1.1 20x OK", b""])  # fmt: skip
    lines = near | line_bytes
    return lines.filter(lambda line: STATUS_LINE.fullmatch(line) is None).map(
        lambda line: head(line, b"Content-Length: 2") + b"{}"
    )


def _malformed_header() -> st.SearchStrategy[bytes]:
    near = st.sampled_from([b"X Y: 1", b"X\x01y: 1", b"Bad Header", b": empty name",
                            b"X-A: one\x00two", b"X-A:\x0bv", b"(x): 1"])  # fmt: skip
    lines = (near | line_bytes).filter(
        lambda line: line[:1] not in (b"", b" ", b"\t") and HEADER_LINE.fullmatch(line) is None
    )
    return st.tuples(lines, chunk_sizes).map(
        lambda drawn: framed(completion_body(), drawn[1], drawn[0])
    )


def _with_headers(*lines: bytes) -> bytes:
    return head(b"HTTP/1.1 200 OK", *lines) + completion_body()


def _bad_length() -> st.SearchStrategy[bytes]:
    """Conflicting Content-Length headers (two, or one listing two values), one that is no
    number, or a Transfer-Encoding other than chunked."""
    digits = st.integers(0, 10**6)
    conflicting = st.tuples(digits, digits).filter(lambda pair: pair[0] != pair[1])
    two_headers = conflicting.map(
        lambda pair: _with_headers(*(b"Content-Length: %d" % value for value in pair))
    )
    listed = conflicting.map(lambda pair: _with_headers(b"Content-Length: %d, %d" % pair))
    words = st.text("abcxyz-+.e", min_size=1, max_size=8).map(str.encode)
    not_a_number = words.map(lambda value: _with_headers(b"Content-Length: " + value))
    coding = st.sampled_from([b"gzip", b"identity", b"chunked, gzip", b"compress"]).map(
        lambda value: _with_headers(b"Transfer-Encoding: " + value)
    )
    return two_headers | listed | not_a_number | coding


def _bad_chunk() -> st.SearchStrategy[bytes]:
    start = head(b"HTTP/1.1 200 OK", b"Transfer-Encoding: chunked")
    size_lines = (
        st.sampled_from([b"zz", b"-5", b"0x10", b"", b"1 2", b"ffffffffffffffffffffff"])
        | line_bytes
    ).filter(lambda line: CHUNK_HEADER.fullmatch(line + b"\r\n") is None)
    bad_size = size_lines.map(lambda line: start + line + b"\r\n{}\r\n0\r\n\r\n")
    footers = st.binary(min_size=2, max_size=2).filter(lambda footer: footer != b"\r\n")
    bad_footer = footers.map(lambda footer: start + b"2\r\n{}" + footer + b"0\r\n\r\n")
    return bad_size | bad_footer


def _undecodable(encoding: bytes, body: bytes) -> bool:
    """Whether ``body`` fails to decode as ``encoding`` as httpx decodes it."""
    try:
        if encoding == b"gzip":
            zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(body)
        else:  # deflate: httpx tries zlib, then raw deflate
            try:
                zlib.decompressobj().decompress(body)
            except zlib.error:
                zlib.decompressobj(-zlib.MAX_WBITS).decompress(body)
    except zlib.error:
        return True
    return False


def _bad_encoding() -> st.SearchStrategy[bytes]:
    # deflate: a raw block of the reserved type 3 (bits 1-2 set) that no zlib header starts
    # with either; gzip: any first byte but gzip's 0x1f; br: whatever brotli makes of it
    # (an error, or nothing: a body that is no JSON either way)
    deflate = st.tuples(st.sampled_from([0x06, 0x07, 0x0E, 0x0F, 0xFE]), st.binary(max_size=64))
    gzipped = st.tuples(st.integers(0, 255).filter(lambda b: b != 0x1F), st.binary(max_size=64))
    drawn = st.one_of(
        st.tuples(st.just(b"deflate"), deflate),
        st.tuples(st.just(b"gzip"), gzipped),
        st.tuples(st.just(b"br"), st.tuples(st.integers(0, 255), st.binary(max_size=64))),
    )
    encoded = drawn.map(lambda d: (d[0], bytes([d[1][0]]) + d[1][1])).filter(
        lambda d: d[0] == b"br" or _undecodable(*d)
    )
    return st.tuples(encoded, chunk_sizes).map(
        lambda d: framed(d[0][1], d[1], b"Content-Encoding: " + d[0][0])
    )


#: Answers that break HTTP, each in one of its families.
malformed = st.one_of(
    _malformed_status(), _malformed_header(), _bad_length(), _bad_chunk(), _bad_encoding()
)


@st.composite
def cut_short(draw: st.DrawFn) -> Raw:
    """A whole, valid answer (Content-Length or chunked, plain or gzip-encoded) cut at any
    byte before its end, the connection closed or reset there."""
    body = completion_body()
    lines: list[bytes] = []
    if draw(st.booleans()):
        body, lines = gzip.compress(body), [b"Content-Encoding: gzip"]
    whole = framed(body, draw(chunk_sizes), *lines)
    return Raw(whole[: draw(st.integers(0, len(whole) - 1))], reset=draw(st.booleans()))


@st.composite
def hidden_cut(draw: st.DrawFn) -> Raw:
    """A valid answer cut inside its JSON where the framing does not show it: a body
    delimited by the connection's close, a Content-Length that counts only what was sent,
    or a gzip stream missing its end with a Content-Length that matches what is left."""
    body = completion_body()
    how = draw(st.sampled_from(["closed", "length", "gzip"]))
    if how == "gzip":
        packed = gzip.compress(body)
        cut = packed[: draw(st.integers(len(packed) // 2, len(packed) - 9))]
        lines = [b"Content-Encoding: gzip", b"Content-Length: %d" % len(cut)]
        return Raw(head(b"HTTP/1.1 200 OK", *lines) + cut)
    cut = body[: draw(st.integers(1, len(body) - 2))]
    if how == "length":
        return Raw(head(b"HTTP/1.1 200 OK", b"Content-Length: %d" % len(cut)) + body)
    return Raw(head(b"HTTP/1.1 200 OK", b"Connection: close") + cut)


# ------------------------------------------------------------------ the server


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    with RawServer() as raw:
        yield raw


@pytest.fixture(scope="module", autouse=True)
def _warm(server: RawServer) -> None:
    """One extraction first: loading the date and place data takes seconds, once."""
    server.reset([Raw(framed(completion_body(), None))])
    with make(server, "openai") as ex:
        ex.extract(kano(2))


def make(server: RawServer, api: str, **options: Any) -> Extractor:
    options.setdefault("retry_policy", FAST)
    return Extractor(MODELS[api], base_url=server.base_url, api_key="k", strategy="single",
                     timeout=10, **options)  # fmt: skip


def failure(server: RawServer, api: str, answer: Raw) -> tuple[BaseException, int]:
    """What one extraction against ``answer`` raised, and how many requests it made."""
    server.reset([answer])
    with make(server, api) as ex, pytest.raises(Exception) as caught:
        ex.extract(kano(3))
    return caught.value, server.requests


apis = st.sampled_from(sorted(MODELS))


# ------------------------------------------------------------------ single


@examples
@given(api=apis, answer=malformed)
def test_an_answer_that_breaks_http_is_one_server_error_not_retried(
    server: RawServer, api: str, answer: bytes
) -> None:
    error, requests = failure(server, api, Raw(answer))
    message = str(error)
    assert isinstance(error, IncompatibleServerError), (answer, message)
    assert error.kind == "server" and requests == 1, (answer, requests)
    assert "did not answer like" in message and server.base_url.rsplit("/v1", 1)[0] in message
    assert "\n" not in message and "could not reach" not in message
    assert "broke the connection" not in message


@examples
@given(api=apis, answer=cut_short())
def test_an_answer_cut_short_stays_transient_and_is_retried(
    server: RawServer, api: str, answer: Raw
) -> None:
    error, requests = failure(server, api, answer)
    message = str(error)
    assert isinstance(error, TransientModelError), (answer, message)
    assert requests == ATTEMPTS, (answer, requests)
    assert "broke the connection" in message and "did not answer like" not in message


@examples
@given(api=apis, answer=hidden_cut())
def test_an_answer_that_stops_inside_its_json_is_cut_short_whatever_its_framing_says(
    server: RawServer, api: str, answer: Raw
) -> None:
    """A body that ends inside its JSON is an answer cut short, retried as one (before: a
    close-delimited body cut early, a Content-Length short of the body, or a gzip stream
    without its end was "not JSON", blamed on the base URL, never retried)."""
    error, requests = failure(server, api, answer)
    message = str(error)
    assert isinstance(error, TransientModelError), (answer, message)
    assert requests == ATTEMPTS, (answer, requests)
    assert "did not answer like" not in message


def test_a_body_not_in_its_encoding_names_the_encoding(server: RawServer) -> None:
    answer = framed(b"\x00not gzip at all", None, b"Content-Encoding: gzip")
    error, requests = failure(server, "openai", Raw(answer))
    assert isinstance(error, IncompatibleServerError) and requests == 1
    assert "Content-Encoding" in str(error) and "(gzip: " in str(error)


# ------------------------------------------------------------------ bulk


@settings(examples, max_examples=8)
@given(api=apis, answer=malformed, concurrency=st.integers(1, 3))
def test_bulk_stops_when_its_first_documents_all_get_an_answer_that_breaks_http(
    server: RawServer, api: str, answer: bytes, concurrency: int
) -> None:
    server.reset([Raw(answer)])
    count = 12
    seen: list[BatchResult] = []

    async def run() -> None:
        ex = make(server, api)
        try:
            items = [(f"d{n}", kano(n + 2)) for n in range(count)]
            async for result in extract_many(items, extractor=ex, concurrency=concurrency):
                seen.append(result)
        finally:
            await ex.aclose()

    with pytest.raises(BatchAborted) as caught:
        asyncio.run(run())
    assert SAME_FAILURES_IN_A_ROW <= len(seen) < count
    assert all(r.error is not None and r.error.type == "IncompatibleServerError" for r in seen)
    assert {r.error.kind for r in seen if r.error} == {"server"}
    assert server.requests <= len(seen) + concurrency  # none retried
    message = str(caught.value)
    assert "all failed the same way" in message and "\n" not in message


# ------------------------------------------------------------------ classify alone


def h11_error(raw: bytes) -> h11.RemoteProtocolError | None:
    """What httpx's client raises reading ``raw`` and then the end of the connection (None
    when it reads a whole answer): h11's error, or httpcore's own for a connection that
    ended before the answer's head (``httpcore._async.http11._receive_event``)."""
    connection = h11.Connection(h11.CLIENT)
    connection.send(h11.Request(method="POST", target="/v1/chat/completions",
                                headers=[("Host", "h"), ("Content-Length", "0")]))  # fmt: skip
    connection.send(h11.EndOfMessage())
    connection.receive_data(raw)
    try:
        while True:
            event = connection.next_event()
            if event is h11.NEED_DATA:
                if connection.their_state is h11.SEND_RESPONSE:
                    return h11.RemoteProtocolError(
                        "Server disconnected without sending a response."
                    )
                connection.receive_data(b"")
            elif isinstance(event, h11.EndOfMessage):
                return None
    except h11.RemoteProtocolError as error:
        return error


@settings(examples, max_examples=150)
@given(answer=_malformed_status() | _malformed_header() | _bad_length() | _bad_chunk())
def test_classify_reads_h11s_malformed_answers_as_server_errors(answer: bytes) -> None:
    error = h11_error(answer)
    assert error is not None
    assert broken_http(httpx2.RemoteProtocolError(str(error))) is not None, str(error)
    mapped = classify(as_the_sdk_raises(error))
    assert isinstance(mapped, IncompatibleServerError) and mapped.kind == "server", str(error)


@settings(examples, max_examples=150)
@given(answer=cut_short())
def test_classify_reads_h11s_cut_short_answers_as_transient(answer: Raw) -> None:
    error = h11_error(answer.data)
    assert error is not None
    assert broken_http(httpx2.RemoteProtocolError(str(error))) is None, str(error)
    mapped = classify(as_the_sdk_raises(error))
    assert isinstance(mapped, TransientModelError), (answer, str(error))
    assert "broke the connection" in str(mapped)


def test_a_decoding_error_is_the_servers_however_it_is_wrapped() -> None:
    request = httpx2.Request("POST", "http://h/v1/chat/completions")
    try:
        try:
            raise httpx2.DecodingError("Error -3 while decompressing data", request=request)
        except httpx2.DecodingError as wrapped:
            raise openai.APIConnectionError(request=request) from wrapped
    except openai.APIConnectionError as outer:
        mapped = classify(outer)
    assert isinstance(mapped, IncompatibleServerError) and mapped.kind == "server"
    assert "Content-Encoding" in str(mapped) and "could not reach" not in str(mapped)
