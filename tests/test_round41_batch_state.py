"""A batch state file (``OUT.jsonl.batches.json``) whose names are blank or mangled.

Round 41: a state whose batch ``id`` was ``""`` reached the OpenAI SDK
(``batches.retrieve("")``) and ended ``batch status`` and ``batch cancel`` in its
``ValueError`` traceback, while ``bulk --batch`` said a batch was in flight. The
invariant: every string of the state that names something (model, server, batch,
file and request ids, status, carrier) is non-blank, of a sane length and without
control characters, and its numbers are counts and a time, or the state is refused
where it is read: ``status``, ``cancel`` and ``bulk --batch`` each say so in one
line, exit 2, before anything is sent. A state the code writes is never refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.blank import is_blank
from extractor.bulk.carriers.openai_api import OpenAICarrier
from extractor.bulk.provider_batch import BatchEntry, BatchState
from extractor.cli import app
from tests.batch_support import state_file, write_corpus
from tests.fakes.openai_server import LOOPBACK_ONLY

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

MODEL = "openai/fake-model"
SERVER = "http://127.0.0.1:9/v1"
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
REFUSED = "is not a batch state extractor can read"
#: Characters that show nothing though ``str.strip`` keeps them (Hangul fillers, braille
#: blank, zero-width space, BOM) or strips them (NBSP).
BLANK_SHOWN = frozenset("\u3164\u115f\u2800\u200b\ufeff\u00a0")

#: The names a state holds: the top's, and an entry's (its custom_ids are checked one by one).
TOP_NAMES = ("model", "server")
ENTRY_NAMES = ("file_sha256", "input_file_id", "id", "status", "output_file_id",
               "error_file_id", "carrier")  # fmt: skip
#: Fields that may be null (an older state, a batch not created yet, a file not made yet).
NULLABLE = {"model", "server", "input_file_id", "id", "output_file_id", "error_file_id"}
NUMBERS = ("bytes", "completed", "failed", "total", "created")


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every HTTP request the code tries to send (refused): the refusal must come first."""
    tried: list[str] = []

    def refuse(self: Any, request: httpx.Request, *args: Any, **kwargs: Any) -> Any:
        tried.append(f"{request.method} {request.url}")
        raise httpx.ConnectError("no network in this test", request=request)

    async def refuse_async(self: Any, request: httpx.Request, *args: Any, **kwargs: Any) -> Any:
        return refuse(self, request)

    monkeypatch.setattr(httpx.Client, "send", refuse)
    monkeypatch.setattr(httpx.AsyncClient, "send", refuse_async)
    yield tried


def write_state(output: Path, server_url: str) -> Path:
    """A state with one batch in flight, written the way a ``bulk --batch`` run writes it."""
    lines = [b'{"custom_id": "d0-0-visit-1.0.0-abc"}\n']
    digest = hashlib.sha256(b"".join(lines)).hexdigest()
    entry = BatchEntry(digest, ["704be71d69924c78-0-visit-1.0.0-300f8611a880"], 40424,
                       carrier="openai")  # fmt: skip
    entry.input_file_id, entry.id, entry.status = "file-000001", "batch-000002", "in_progress"
    state = BatchState(state_file(output), [entry])
    state.model, state.server = MODEL, server_url
    state.save()
    return state.path


def _mangled(text: str) -> st.SearchStrategy[str]:
    """``text`` with a control character (NUL, a newline, an escape, a line separator) in it."""
    controls = st.sampled_from(["\x00", "\n", "\r", "\t", "\x1b", "\x7f", "\x85", "\u2028"])
    return st.tuples(st.integers(0, len(text)), controls).map(
        lambda cut: text[: cut[0]] + cut[1] + text[cut[0] :]
    )


_WHITESPACE = st.text(
    st.sampled_from(" \t\n\r\x0b\x0c\u00a0\u2003\u200b\ufeff\u3164"), min_size=1, max_size=6
)
_WRONG_TYPE = st.one_of(st.integers(), st.booleans(), st.floats(allow_nan=False),
                        st.lists(st.text(max_size=3), max_size=2),
                        st.dictionaries(st.text(max_size=2), st.integers(), max_size=2))  # fmt: skip


def damaged_name(good: str, nullable: bool) -> st.SearchStrategy[Any]:
    """A value no run writes where ``good`` stood: blank, spaces only, a control character
    in it, spaces around it, too long, or not a string (null, when the field may not be)."""
    bad = [st.just(""), _WHITESPACE, _mangled(good), st.just(f" {good}"), st.just(f"{good}\n"),
           st.integers(2049, 5000).map(lambda n: (good * n)[:n]), _WRONG_TYPE]  # fmt: skip
    if not nullable:
        bad.append(st.none())
    return st.one_of(bad)


@st.composite
def damage(draw: st.DrawFn, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """``data`` (a state as written) with one field damaged; the field's dotted path."""
    entry = data["batches"][0]
    where = draw(st.sampled_from([*TOP_NAMES, *ENTRY_NAMES, "custom_ids", *NUMBERS]))
    if where in TOP_NAMES:
        data[where] = draw(damaged_name(data[where], nullable=True))
        return where, data
    if where in ENTRY_NAMES:
        entry[where] = draw(damaged_name(entry[where] or "file-1", where in NULLABLE))
    elif where == "custom_ids":
        item = draw(damaged_name(entry[where][0], nullable=False))
        shapes = [[item], [entry[where][0], item]] + ([] if isinstance(item, list) else [item])
        entry[where] = draw(st.sampled_from(shapes))
    elif where == "created":
        entry[where] = draw(st.sampled_from([-1.0, 1e300, 1e19, "x", None, [], float("inf")]))
    else:
        entry[where] = draw(st.sampled_from([-1, -(2**40), 1.5, "x", None, [], 10**400]))
    return f"batches.0.{where}", data


def _one_line_exit_2(result: Any, state: Path) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert len(lines) == 1, lines
    assert str(state) in lines[0], lines[0]
    return lines[0]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.data(), command=st.sampled_from(["status", "cancel", "bulk"]))
@example(seed=None, command="status")  # the reported state: a blank batch id
@example(seed=None, command="cancel")
@example(seed=None, command="bulk")
def test_a_state_naming_nothing_is_refused_in_one_line_before_anything_is_sent(
    tmp_path: Path, sent: list[str], seed: st.DataObject | None, command: str
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    output = folder / "o.jsonl"
    output.touch()
    path = write_state(output, SERVER)
    data = json.loads(path.read_text())
    if seed is None:
        where, data["batches"][0]["id"] = "batches.0.id", ""
    else:
        where, data = seed.draw(damage(data), label="damaged")
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    if command == "bulk":
        inputs = write_corpus(folder, [3])
        args = ["bulk", str(inputs), "-o", str(output), "--batch", "--progress", "none",
                "--model", MODEL, "--base-url", SERVER]  # fmt: skip
    else:
        args = ["batch", command, str(output)]
    result = CliRunner().invoke(app, args, env=CLEAN_ENV)
    line = _one_line_exit_2(result, path)
    assert REFUSED in line and where.split(".")[-1] in line, line
    assert not sent  # refused before any call
    assert path.read_bytes() == before  # it may name batches in flight: never overwritten


@pytest.mark.parametrize("blank", sorted(BLANK_SHOWN))
def test_a_name_that_shows_nothing_is_blank(tmp_path: Path, sent: list[str], blank: str) -> None:
    """The one blank rule (:func:`~extractor.blank.is_blank`): a batch id of characters
    drawn as nothing (a Hangul filler is a letter to ``str.isprintable``) is refused."""
    output = tmp_path / "o.jsonl"
    output.touch()
    path = write_state(output, SERVER)
    data = json.loads(path.read_text())
    data["batches"][0]["id"] = blank * 2
    path.write_text(json.dumps(data))
    result = CliRunner().invoke(app, ["batch", "status", str(output)], env=CLEAN_ENV)
    line = _one_line_exit_2(result, path)
    assert REFUSED in line and "id" in line and "blank" in line, line
    assert not sent


@settings(max_examples=40, deadline=None)
@given(
    names=st.lists(
        st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)
        .map(str.strip)
        .filter(lambda s: s and s.isprintable() and not is_blank(s)),
        min_size=6,
        max_size=6,
    ),
    counts=st.tuples(*(st.integers(0, 10**9) for _ in range(4))),
)
def test_a_state_the_code_writes_is_read_back(
    names: list[str], counts: tuple[int, int, int, int]
) -> None:
    """Any provider's ids and statuses, and the ids the code makes, survive save and load."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "o.jsonl.batches.json"
        entry = BatchEntry(hashlib.sha256(b"x").hexdigest(), [names[0], "d0-0-visit-1.0.0-a"],
                           counts[0], input_file_id=names[1], id=names[2], status=names[3],
                           output_file_id=names[4], error_file_id=names[5], completed=counts[1],
                           failed=counts[2], total=counts[3], message="a\nmessage\x00")  # fmt: skip
        state = BatchState(path, [entry, BatchEntry("ab", ["x"], 0, carrier="anthropic")])
        state.model, state.server = names[0], None
        state.save()
        loaded = BatchState.load(path)
        assert loaded.entries == state.entries and loaded.model == names[0]


def test_a_client_refusing_a_recorded_id_is_one_line_naming_the_state(
    tmp_path: Path, sent: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the provider's SDK still raises on its arguments (a ValueError, a TypeError) is
    the state's problem, said in one line, exit 2: never its traceback."""

    async def refuse(self: OpenAICarrier, batch_id: str) -> Any:
        raise ValueError(f"Expected a non-empty value for `batch_id` but received {batch_id!r}")

    output = tmp_path / "o.jsonl"
    output.touch()
    path = write_state(output, SERVER)
    for call in ("retrieve", "cancel"):
        monkeypatch.setattr(OpenAICarrier, call, refuse)
    for command in ("status", "cancel"):
        result = CliRunner().invoke(app, ["batch", command, str(output)], env=CLEAN_ENV)
        line = _one_line_exit_2(result, path)
        assert "refused batch 'batch-000002'" in line and "move it aside" in line, line
    assert not sent


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    host=st.sampled_from(["127.0.0.1:9", "batch.example:8443", "[::1]:9"]),
    scheme=st.sampled_from(["http", "https"]),
    command=st.sampled_from(["status", "cancel"]),
)
def test_a_server_whose_login_the_state_does_not_keep_is_asked_for(
    tmp_path: Path, sent: list[str], host: str, scheme: str, command: str
) -> None:
    """Round 43: a run that reached its server with a URL login keeps that server as
    ``http://***@host``; ``batch status`` without ``--base-url`` asked the default server
    and said "needs an API key", which is not what is missing. One line naming the server
    and ``--base-url``, exit 2, nothing sent."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    output = folder / "o.jsonl"
    output.touch()
    server = f"{scheme}://***@{host}/v1"
    path = write_state(output, server)
    result = CliRunner().invoke(app, ["batch", command, str(output)], env=CLEAN_ENV)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1, (result.exit_code, result.output)
    assert server in lines[0] and "--base-url" in lines[0] and "API key" not in lines[0]
    assert not sent and path.exists()
