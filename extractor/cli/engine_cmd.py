"""The ``--engine``, ``--address`` and ``--workers`` options of ``extractor bulk``.

``--engine local`` (the default) extracts in this process; ``--engine ray``
runs the same pipeline as a Ray Data job (:mod:`extractor.integrations.ray`):
the inputs are read, planned and written here, the documents are extracted
by ``--workers`` actors of a Ray cluster (``--address``, else ``RAY_ADDRESS``,
else a local one), each with ``-j`` documents in flight. Ray is imported only
for ``--engine ray``; without it that is one line saying what to install.
"""

from __future__ import annotations

from typing import Any

from extractor.bulk.runner import BulkRun
from extractor.cli.common import fail_usage

__all__ = ["ENGINES", "engine_run_options"]

ENGINES = ("local", "ray")


def engine_run_options(
    run_type: type[BulkRun], engine: str, address: str | None, workers: int | None
) -> tuple[type[BulkRun], dict[str, Any]]:
    """The run class and its extra options for ``--engine``; a usage error (exit 2) for an
    unknown engine, or ``--address``/``--workers`` without ``--engine ray``.

    ``run_type`` is the class another way of running chose (``--batch``): the
    Ray engine replaces only the plain one.
    """
    if engine not in ENGINES:
        fail_usage(f"--engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "local":
        if address is not None or workers is not None:
            fail_usage("--address and --workers need --engine ray")
        return run_type, {}
    if run_type is not BulkRun:
        fail_usage("--engine ray cannot be combined with --batch: choose one")
    from extractor.integrations.ray import RayBulkRun  # Ray itself is imported by the run

    return RayBulkRun, {"address": address, "workers": workers}
