"""Command-line interface. Sits on top of the library; nothing imports it."""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

from extractor.cli import (  # noqa: F401
    batch_cmd,
    bulk_cmd,
    eval_cmd,
    extract_cmd,
    flatten_cmd,
    model_cmd,
    schema_cmd,
    view_cmd,
)
from extractor.cli._app import app


def main() -> None:
    """Console-script entry point."""
    open_standard_streams()
    signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    app()


def open_standard_streams() -> None:
    """Give a closed stdin, stdout or stderr a /dev/null in its place.

    cron, daemons and ``cmd <&-`` start a process with one of them closed;
    the event loop (uvloop) aborts when a descriptor it opens lands on 0-2,
    and Python leaves ``sys.stdin`` None. With /dev/null there, a run works
    and ``-`` reads an empty input (an error line saying so).
    """
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def _terminate_as_interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (``docker stop``, systemd, ``timeout``) ends a run as Ctrl-C does: the lines
    written are kept, the summary printed, the lock removed (exit 130)."""
    os.kill(os.getpid(), signal.SIGINT)


__all__ = ["app", "main"]
