"""Run a command and end it when the process that started us goes away.

``LocalServer`` stops its llama.cpp child from ``stop()``, ``__exit__`` and an
``atexit`` hook, but none of those run when the parent is killed by SIGTERM
or SIGKILL (a CI timeout, ``kill``, the out-of-memory killer), and a 1-2 GB
server left behind keeps its model in memory and keeps generating for
requests nobody reads. So the server is started through this guard:

* our standard input is a pipe whose only write end the parent holds, so
  reading it returns end-of-file exactly when the parent has exited, however
  it died. Then the guard stops its whole process group (SIGTERM, then
  SIGKILL after a grace period).
* SIGTERM sent to the group (the parent's normal ``stop()``) reaches the
  server directly; the guard then waits for it, so the parent sees the guard
  exit only once the server is gone, and with the server's exit code.

A file run by path with the standard library only, so it starts in a few
milliseconds without importing the package. ``prctl(PR_SET_PDEATHSIG)`` would
need no extra process, but it fires when the *thread* that spawned the child
exits, and the engine starts servers from worker threads.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading

GRACE = 10.0


def _stop_group(child: subprocess.Popen[bytes], grace: float = GRACE) -> None:
    """SIGTERM our process group (the server and its helpers), SIGKILL what is left.

    The group signal reaches the guard too; its SIGTERM handler ignores it.
    """
    os.killpg(0, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=grace)
    os.killpg(0, signal.SIGKILL)  # ends us too: nothing is left to do


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: _guard.py COMMAND [ARG ...]", file=sys.stderr)
        return 2
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL)

    def on_sigterm(signum: int, frame: object) -> None:
        # The group was signalled, so the child was too; it may ignore it.
        # Keep waiting for it: the parent escalates to SIGKILL of the group.
        pass

    signal.signal(signal.SIGTERM, on_sigterm)

    def watch_parent() -> None:
        # os.read, not sys.stdin: a daemon thread blocked inside a buffered
        # reader aborts the interpreter's shutdown.
        try:
            while os.read(0, 65536):
                pass
        except OSError:
            pass
        _stop_group(child)

    threading.Thread(target=watch_parent, daemon=True).start()
    code = child.wait()  # retried by Python when a signal interrupts it (PEP 475)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
