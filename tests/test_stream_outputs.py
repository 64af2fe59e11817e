"""``-o`` naming a pipe or a character device is written straight, as ``bulk -o`` writes it.

``bulk -o /dev/stdout`` and ``bulk -o >(gzip > x.gz)`` always worked; ``extract`` and
``schema`` refused the same names ("not a regular file"), so the one-article command
could not feed a compressor or ``/dev/stdout`` the way the bulk one does. The invariant:
whatever a command writes to a regular file, it writes byte for byte to a FIFO; a device
that cannot take it (``/dev/full``) is one error line, exit 2.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = [
    pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY),
    pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX"),
]

runner = CliRunner()


def _through_fifo(tmp_path: Path, args: list[str]) -> tuple[int, bytes, str]:
    """Run the command with ``-o`` a FIFO another thread reads; (exit code, bytes, stderr)."""
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = runner.invoke(app, [*args, "-o", str(fifo)])
    if not got:  # the command never opened the FIFO: let the reader go
        # Without blocking: a reader that already has the command's bytes but has not yet
        # kept them is gone, and a blocking open would wait for it forever.
        with contextlib.suppress(OSError):  # ENXIO: no reader left
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=30)
    return result.exit_code, got[0] if got else b"", result.stderr


def _steady(written: bytes) -> bytes:
    """The bytes without the run's time (``"seconds": 0.412``), the one thing two runs differ in."""
    return re.sub(rb'("seconds":\s*)[0-9.eE+-]+', rb"\g<1>0", written)


def _to_file(tmp_path: Path, args: list[str], suffix: str) -> bytes:
    target = tmp_path / f"regular{suffix}"
    result = runner.invoke(app, [*args, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    return target.read_bytes()


def test_schema_to_a_fifo_is_what_a_file_gets(tmp_path: Path) -> None:
    code, written, stderr = _through_fifo(tmp_path, ["schema"])
    assert code == 0, stderr
    assert written == _to_file(tmp_path, ["schema"], ".json")


@pytest.mark.parametrize("output_format", ["json", "jsonl", "csv", "html"])
def test_extract_to_a_fifo_is_what_a_file_gets(
    fake: FakeOpenAI, tmp_path: Path, output_format: str
) -> None:
    article = tmp_path / "kano.txt"
    article.write_text(kano(7), encoding="utf-8")
    args = [
        "extract", str(article), "--model", "openai/fake-model", "--base-url", fake.base_url,
        "--strategy", "single", "--doc-id", "d", "--format", output_format,
    ]  # fmt: skip
    code, written, stderr = _through_fifo(tmp_path, args)
    assert code == 0, stderr
    assert written, "nothing reached the FIFO"
    assert _steady(written) == _steady(_to_file(tmp_path, args, f".{output_format}"))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_device_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "-o", "/dev/full"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "/dev/full" in lines[0] and "cannot be written" in lines[0]


def test_a_socket_is_still_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        result = runner.invoke(app, ["schema", "-o", str(path)])
    finally:
        server.close()
    assert result.exit_code == 2
    assert "not a regular file, pipe or character device" in result.stderr


RUN_LINE = '{"doc_id":"a","status":"ok","records":[],"source":"x","text_sha256":"0"}\n'


@pytest.mark.parametrize(
    ("command", "name"),
    [(["view"], "page.html"), (["flatten", "--table", "events"], "events.csv")],
)
def test_a_page_or_table_refuses_a_fifo_and_leaves_it_one(
    tmp_path: Path, command: list[str], name: str
) -> None:
    """A page or a table is written beside its target and renamed into place: over a FIFO
    (or ``/dev/null``, as root) that put a regular file where the pipe was. They refuse one."""
    run = tmp_path / "run.jsonl"
    run.write_text(RUN_LINE, encoding="utf-8")
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = runner.invoke(app, [command[0], str(run), *command[1:], "-o", str(fifo)])
    assert result.exit_code == 2, result.output
    assert "not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced"
