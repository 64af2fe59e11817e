"""Which input a result line stands for: the one rule every reader of results applies.

**Invariant: every input is one document in an output, whatever command wrote its
lines.** An input's identity is its explicit id when it has one (an id column, a WARC
URI, ``--doc-id``, ``--id-field``), else its ``source``: the real path of its file (or
of its row or member inside one). A line whose ``doc_id`` was made from that path
(:func:`made_name`) is named by a *tail* of its source, and the tail depends on how the
command was spelt: ``bulk FOLDER`` names ``FOLDER/a.txt`` ``a.txt``, ``extract
FOLDER/a.txt`` names it by its absolute path. Both lines carry the same ``source``, so
:func:`input_key` keys them by it: the later line supersedes the earlier one in every
reader (:func:`~extractor.io.output.latest_lines`, hence flatten, view and a bulk
rerun's plan; :func:`~extractor.io.output.latest_entries`; eval's ``read_lines``), as a
later line of the same ``doc_id`` does.

Pure functions on strings, importing nothing of the package, so that the readers of
inputs (:mod:`extractor.io.readers`), of results (:mod:`extractor.io.output`) and the
bulk planner share them.
"""

from __future__ import annotations

import os
import re

__all__ = ["MAX_RENAMES", "id_container", "input_key", "made_name", "path_derived"]

#: How often a name is extended with ``@<file>`` before it is taken as it is (see
#: ``_Plan._unheld`` in :mod:`extractor.bulk.runner`): more would need that many
#: documents naming each other.
MAX_RENAMES = 8

#: A row's line number at the end of its source (``rows.jsonl:3``): no identity.
_ROW_NUMBER = re.compile(r":[0-9]+$")


def path_derived(doc_id: str, source: str) -> bool:
    """Whether an id was made from its source's path: the source's tail, not an id column or URI.

    A path-derived id is the source itself or its end after a folder
    (``sub/01.txt`` of ``/data/a/sub/01.txt``, ``rows.jsonl#3f2a…`` of
    ``/data/a/rows.jsonl#3f2a…``).
    """
    source = source.replace(os.sep, "/")
    return source == doc_id or source.endswith("/" + doc_id)


def id_container(doc_id: str, source: str) -> str:
    """The file an explicit id was read from: its source without the row's line number
    (``rows.jsonl:3``) or the WARC page's own name (``crawl.warc.gz!<URI>``).

    Explicit ids are the user's identity, so a row moved to another file keeps
    its result; but the same id in two files with two texts (monthly exports
    numbered from 1, one URI crawled into two WARC files) is two documents,
    the second ``<id>@<its file>`` (``beside_label`` in :mod:`extractor.io.readers`),
    in one run as across runs.
    """
    file = _ROW_NUMBER.sub("", source)
    return file.removesuffix(f"!{doc_id}") if file != f"!{doc_id}" else file


def made_name(doc_id: str, source: str) -> bool:
    """Whether an id was made from its source (:func:`path_derived`),
    as it is or as it gave way to another document's id: ``<source>@<source>``, the name
    the reader and ``_Plan._unheld`` give it then. A stream is read once, so the
    names its rows state cannot be reserved before its id-less rows are named: a row
    that states a copy's made name takes it when read first, and the copy is
    ``<name>@<name>`` in that run, ``<name>`` in a run that reads it first. Either form
    is the same document, found by its source (its text's key), never a new one."""
    for _ in range(MAX_RENAMES + 1):
        if path_derived(doc_id, source):
            return True
        base, at, file = doc_id.rpartition("@")
        if not (at and base) or file != id_container(base, source):
            return False
        doc_id = base
    return False


def input_key(doc_id: str, source: object) -> tuple[str, str]:
    """The input a line with this ``doc_id`` and ``source`` stands for (the module's
    invariant): ``("source", source)`` for an id made from its source's path, however
    the command that wrote it spelt the path, else ``("id", doc_id)``. Two lines with
    one key are one document: the later supersedes the earlier."""
    if isinstance(source, str) and source and made_name(doc_id, source):
        return ("source", source)
    return ("id", doc_id)
