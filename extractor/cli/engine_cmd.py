"""The ``--engine``, ``--address`` and ``--workers`` options of ``extractor bulk``.

``--engine local`` (the default) extracts on this machine: in this process,
or with ``--workers N`` (N > 1) in N worker processes
(:mod:`extractor.bulk.processes`) that share the ``-j`` documents in flight
(``-j``/N each, at least one), while this process reads, plans and writes.
``--engine ray`` runs the same pipeline as a Ray Data job
(:mod:`extractor.integrations.ray`): the inputs are read, planned and
written here, the documents are extracted by ``--workers`` actors of a Ray
cluster (``--address``, else ``RAY_ADDRESS``, else a local one), each with
``-j`` documents in flight. Ray is imported only for ``--engine ray``;
without it that is one line saying what to install. Neither ``--workers``
nor ``--engine ray`` combines with ``--batch`` (the provider's batch API).
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
    """The run class and its extra options for ``--engine`` and ``--workers``; a usage error
    (exit 2) for an unknown engine, ``--address`` without ``--engine ray``, or ``--batch``
    with ``--engine ray`` or ``--workers``.

    ``run_type`` is the class another way of running chose (``--batch``): an
    engine replaces only the plain one.
    """
    if engine not in ENGINES:
        fail_usage(f"--engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "local":
        if address is not None:
            fail_usage("--address needs --engine ray (--workers alone runs local processes)")
        if workers is None:
            return run_type, {}
        if run_type is not BulkRun:
            fail_usage("--workers cannot be combined with --batch: choose one")
        if workers == 1:
            return run_type, {}  # one process: this one
        from extractor.bulk.processes import ProcessBulkRun

        return ProcessBulkRun, {"workers": workers}
    if run_type is not BulkRun:
        fail_usage("--engine ray cannot be combined with --batch: choose one")
    from extractor.integrations.ray import RayBulkRun  # Ray itself is imported by the run

    return RayBulkRun, {"address": address, "workers": workers}
