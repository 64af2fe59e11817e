"""A connection that fails says how it failed: reached and cut, reset, the wrong scheme.

The SDK wraps every transport failure in one "Connection error."; the reason
lies in its cause chain. A server that answered and then cut its answer short
is not "not running"; an ``https://`` URL for a plain-HTTP server is the
setup, which every document fails alike: a configuration error that stops a
bulk run at once (exit 2), never one retried error line per document.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import ClientModelError, TransientModelError
from extractor.bulk.runner import run_bulk
from extractor.pipeline.engine import Extractor
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Fault

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(attempts=2, initial=0.01, maximum=0.05, total=10)


@pytest.mark.parametrize(
    ("fault", "named"),
    [(Fault.TRUNCATED_BODY, "peer closed connection"), (Fault.CONNECTION_RESET, "reset")],
)
def test_a_server_that_breaks_its_answer_is_not_called_unreachable(
    fault: Fault, named: str
) -> None:
    with (
        FakeOpenAI(casualty_responder, faults=[fault] * 4) as server,
        Extractor("openai/fake-model", base_url=server.base_url, retry_policy=FAST) as ex,
        pytest.raises(TransientModelError) as caught,
    ):
        ex.extract(kano(7))
    message = str(caught.value)
    assert "could not reach" not in message and "running" not in message
    assert "broke the connection" in message and named in message
    assert len(server.log) == FAST.attempts  # reached every time, and retried


def test_https_to_a_plain_http_server_is_the_setup_and_not_retried() -> None:
    with FakeOpenAI(casualty_responder) as server:
        url = server.base_url.replace("http://", "https://")
        with (
            Extractor("openai/fake-model", base_url=url, retry_policy=FAST) as ex,
            pytest.raises(ClientModelError) as caught,
        ):
            ex.extract(kano(7))
    assert caught.value.kind == "config"
    assert "does not speak TLS" in str(caught.value) and "http://" in str(caught.value)


@settings(max_examples=5, deadline=None)
@given(st.integers(3, 12))
def test_https_to_a_plain_http_server_stops_a_bulk_run_at_once(count: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch, FakeOpenAI(casualty_responder) as server:
        folder = Path(scratch, "in")
        folder.mkdir()
        for number in range(count):
            (folder / f"{number}.txt").write_text(kano(number + 2), encoding="utf-8")
        output = Path(scratch, "out.jsonl")
        url = server.base_url.replace("http://", "https://")
        with pytest.raises(ClientModelError, match="does not speak TLS"):
            run_bulk(
                [folder], output, model="openai/fake-model", base_url=url,
                retry_policy=FAST, concurrency=1,
            )  # fmt: skip
        written = output.read_text(encoding="utf-8").splitlines() if output.exists() else []
        assert len(written) < count  # stopped, not one error line per document


def test_a_closed_port_says_why_it_could_not_be_reached() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        Extractor(
            "openai/fake-model", base_url=f"http://127.0.0.1:{port}/v1", retry_policy=FAST
        ) as ex,
        pytest.raises(TransientModelError) as caught,
    ):
        ex.extract(kano(7))
    assert "could not reach the model server" in str(caught.value)
    assert "refused" in str(caught.value).lower()  # the root cause, not "Connection error."


def _name(host: Any) -> str:
    """A host as the resolver is asked for it (anyio passes it IDNA-encoded)."""
    return host.decode("ascii") if isinstance(host, bytes) else str(host)


@pytest.mark.parametrize(
    ("code", "kind"),
    [(socket.EAI_NONAME, ClientModelError), (socket.EAI_AGAIN, TransientModelError)],
)
def test_a_host_name_that_does_not_exist_is_the_setup_and_one_that_fails_for_now_is_retried(
    monkeypatch: pytest.MonkeyPatch, code: int, kind: type[Exception]
) -> None:
    """The resolver's answer decides: no such name fails every document alike (config, no
    retry); a lookup that failed for now (no network, DNS down) is worth retrying."""
    calls: list[str] = []
    real = socket.getaddrinfo

    def resolver(host: Any, *args: Any, **kwargs: Any) -> Any:
        if _name(host) != "model.example.invalid":
            return real(host, *args, **kwargs)
        calls.append(host)
        raise socket.gaierror(code, "resolver says no")

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    monkeypatch.setenv("EXTRACTOR_EVENT_LOOP", "asyncio")  # uvloop resolves in libuv
    with (
        Extractor(
            "openai/fake-model", base_url="http://model.example.invalid/v1", retry_policy=FAST
        ) as ex,
        pytest.raises(kind) as caught,
    ):
        ex.extract(kano(7))
    if kind is ClientModelError:
        assert caught.value.kind == "config" and len(calls) == 1  # type: ignore[attr-defined]
        assert "host name 'model.example.invalid' is not known here" in str(caught.value)
    else:
        assert len(calls) == FAST.attempts
        assert "could not reach the model server" in str(caught.value)


def test_a_host_name_that_does_not_exist_stops_a_bulk_run_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A provider's own API (no --base-url) is not probed before the run; the first
    document's answer from the resolver stops the run, not each document's retries."""
    real = socket.getaddrinfo
    calls: list[str] = []

    def resolver(host: Any, *args: Any, **kwargs: Any) -> Any:
        if _name(host) == "api.openai.com":
            calls.append(_name(host))
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    monkeypatch.setenv("EXTRACTOR_EVENT_LOOP", "asyncio")  # uvloop resolves in libuv
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(6):
        (folder / f"{number}.txt").write_text(kano(number + 2), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    with pytest.raises(ClientModelError, match="is not known here"):
        run_bulk(
            [folder], output, model="openai/gpt-4o-mini", api_key="sk-test",
            retry_policy=FAST, concurrency=1,
        )  # fmt: skip
    written = output.read_text(encoding="utf-8").splitlines() if output.exists() else []
    assert written == [] and len(calls) == 1  # the first request's answer stopped it
    # the host is named: the user gave no --base-url to check
    with pytest.raises(ClientModelError, match=r"'api\.openai\.com' is not known"):
        run_bulk([folder], output, model="openai/gpt-4o-mini", api_key="sk-test",
                 retry_policy=FAST, concurrency=1)  # fmt: skip


def test_a_host_name_lost_after_the_server_answered_is_the_network_and_retried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Some resolvers say "no such name" when the network drops: once the server has
    answered, that is retried as transient, not a setup error that stops a bulk run."""
    real = socket.getaddrinfo
    lost = {"now": False}

    def resolver(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if _name(host) != "model.example.invalid":
            return real(host, port, *args, **kwargs)
        if lost["now"]:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real("127.0.0.1", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    monkeypatch.setenv("EXTRACTOR_EVENT_LOOP", "asyncio")  # uvloop resolves in libuv
    # the second request's connection is reset: the client connects again, and resolves
    with FakeOpenAI(casualty_responder, faults=[None, Fault.CONNECTION_RESET]) as server:
        url = server.base_url.replace("127.0.0.1", "model.example.invalid")
        with Extractor("openai/fake-model", base_url=url, retry_policy=FAST) as ex:
            assert ex.extract(kano(7)).records  # answered once
            lost["now"] = True
            with pytest.raises(TransientModelError, match="not known here any more"):
                ex.extract(kano(8))
