"""Command-line interface. Sits on top of the library; nothing imports it."""

from __future__ import annotations

import signal
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
from extractor.cli._app import app, install_redacting_hooks
from extractor.cli.common import open_standard_streams


def main() -> None:
    """Console-script entry point."""
    open_standard_streams()
    install_redacting_hooks()  # the process is ours: what Python prints itself is redacted
    signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    app()


def _terminate_as_interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (``docker stop``, systemd, ``timeout``) ends a run as Ctrl-C does: the lines
    written are kept, the summary printed, the lock removed (exit 130).

    Raised here, not by sending ourselves SIGINT: a job a script starts in the
    background (``extractor bulk ... &``) inherits SIGINT ignored, and a SIGINT
    would then change nothing."""
    signal.default_int_handler(signum, frame)


__all__ = ["app", "main"]
