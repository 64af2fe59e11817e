"""Round 56: every input of the Python API ends as exactly one result, under an id unique
within the call and the same on every rerun, and no table built of results loses one.

``extract_many`` kept repeated ids (two documents given id ``a`` came back as two results
under ``a``): every reader keyed by id (the lines read back, a dict, a table) then held
one of them, and ``results_to_frame`` of the lines lost the other's records silently. A
repeat is now named as bulk names it (``<id>#duplicate-<n>``, an ``input`` error with
``duplicate_of``, by :func:`~extractor.bulk.runner.as_duplicate` itself). The result rows
of two ``extract_rows`` calls (two partitions, each numbered from 1) were read as one bulk
output's lines, the last of an id superseding the first: each is now a document of its
own. A result's ``doc_id`` is its extraction's and its line's spelling (lone surrogates
escaped as bulk escapes them), never a second one that a frame warned about.

Every test drives the real Extractor against the in-thread fake OpenAI server.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor import Document, Extractor, extract_many_sync, results_to_frame  # noqa: E402
from extractor.bulk.batch import BatchResult  # noqa: E402
from extractor.bulk.runner import RunInfo, result_line  # noqa: E402
from extractor.integrations.rows import extract_rows  # noqa: E402
from extractor.pipeline.document import DUPLICATE_MARK  # noqa: E402
from tests.fakes.kano import casualty_responder, kano  # noqa: E402
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI  # noqa: E402

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def engine() -> Iterator[Extractor]:
    with FakeOpenAI(casualty_responder) as server:
        extractor = Extractor("openai/fake-model", base_url=server.base_url, strategy="single")
        try:
            yield extractor
        finally:
            extractor.close()


#: Ids from a small alphabet, so that lists repeat them; numbers and their text are one id.
IDS = st.one_of(st.sampled_from(["a", "b", "7", "a#duplicate-2"]), st.sampled_from([7, 8]))


@st.composite
def inputs(draw: st.DrawFn) -> list[Any]:
    """A mix of what extract_many takes, ids repeating: tuples, Documents, bare texts."""
    items: list[Any] = []
    for n in range(draw(st.integers(1, 7))):
        killed = draw(st.integers(1, 4))  # a few texts, so that bare texts repeat too
        shape = draw(st.sampled_from(["tuple", "document", "text", "broken"]))
        if shape == "tuple":
            items.append((draw(IDS), kano(killed + n)))
        elif shape == "document":
            items.append(Document(str(draw(IDS)), kano(killed)))
        elif shape == "text":
            items.append(kano(killed))
        else:  # a bad text under a real id: its own error, under its own name
            items.append((draw(IDS), None))
    return items


def expected_ids(results: list[BatchResult]) -> None:
    """Unique ids; each repeat is ``<id>#duplicate-<n>`` of an id an earlier input has."""
    ids = [result.doc_id for result in results]
    assert len(set(ids)) == len(ids), Counter(ids)
    earlier: set[str] = set()
    for result in sorted(results, key=lambda r: r.index):
        if result.duplicate_of is not None:
            assert result.doc_id.startswith(result.duplicate_of + DUPLICATE_MARK)
            assert result.duplicate_of in earlier
            assert result.status == "error" and result.error is not None
            assert result.error.kind == "input" and "duplicate id" in result.error.message
        earlier.add(result.doc_id)


@settings(SETTINGS, max_examples=6)
@given(items=inputs())
def test_every_input_is_one_result_under_a_unique_id_that_reruns_keep(
    engine: Extractor, items: list[Any]
) -> None:
    first = list(extract_many_sync(items, extractor=engine, concurrency=3))
    assert sorted(result.index for result in first) == list(range(len(items)))
    expected_ids(first)
    for result in first:  # the first item of an id keeps it
        item = items[result.index]
        if isinstance(item, tuple) and result.duplicate_of is None and result.ok:
            assert result.doc_id == str(item[0])
    again = list(extract_many_sync(items, extractor=engine, concurrency=1))
    by_index = {result.index: result.doc_id for result in again}
    assert {result.index: result.doc_id for result in first} == by_index


@SETTINGS
@given(items=inputs())
def test_no_table_of_results_loses_a_document(engine: Extractor, items: list[Any]) -> None:
    """The frame of the results, of their lines, and of those lines as JSON read back
    (what a pipeline writes and reads), each hold every result and every record."""
    results = list(extract_many_sync(items, extractor=engine, concurrency=3))
    records = sum(len(result.records) for result in results)
    info = RunInfo(model="m", prompt_version="p", schema_version="s", strategy="single")
    lines = [json.loads(json.dumps(result_line(r, info, duplicate_of=getattr(r, "duplicate_of", None))))
             for r in results]  # fmt: skip
    for given_results in (results, lines):
        documents = results_to_frame(given_results, "documents")
        assert len(documents) == len(items)
        assert documents["doc_id"].is_unique
        assert len(results_to_frame(given_results)) == records
    marked = results_to_frame(results, "documents").set_index("doc_id")["duplicate_of"]
    for result in results:
        if result.duplicate_of is not None:  # said in the table, as bulk's line says it
            assert marked[result.doc_id] == result.duplicate_of


@st.composite
def partitions(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Two partitions of a frame, each numbered from 1, their texts apart."""
    sizes = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    shift = draw(st.integers(0, 1))  # a row may repeat its partition's previous row
    jan = [{"id": n + 1, "text": kano(10 + n)} for n in range(sizes[0])]
    feb = [{"id": n + 1, "text": kano(20 + n)} for n in range(sizes[1])]
    if shift:
        jan.append(dict(jan[-1]))  # the same document again: its first copy's result
    return jan, feb


@SETTINGS
@given(parts=partitions())
def test_result_rows_of_two_calls_keep_both_documents_of_an_id(
    engine: Extractor, parts: tuple[list[dict[str, Any]], list[dict[str, Any]]]
) -> None:
    jan, feb = (extract_rows(rows, extractor=engine, jobs=2) for rows in parts)
    for table in ("documents", None):
        whole = len(results_to_frame(jan + feb, table))
        assert whole == len(results_to_frame(jan, table)) + len(results_to_frame(feb, table))
    distinct = {(row["doc_id"], row["line"]) for row in jan}
    assert len(results_to_frame(jan, "documents")) == len(distinct)  # a repeat is one document


@SETTINGS
@given(
    own=st.text(
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
        | st.sampled_from(["a", "\x00", "é", " ", "#"]),
        min_size=1,
        max_size=4,
    ).filter(lambda text: text.strip())
)
def test_a_result_is_named_as_its_extraction_and_its_line(engine: Extractor, own: str) -> None:
    """An id holding lone surrogates or a NUL: the result's id is the one its extraction
    and its records carry, so the frame files them without a warning."""
    results = list(extract_many_sync([(own, kano(5))], extractor=engine))
    assert len(results) == 1
    result = results[0]
    if result.extraction is not None:
        assert result.doc_id == result.extraction.doc_id
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = results_to_frame(results, "documents")
    assert list(frame["doc_id"]) == [result.doc_id]
    result.doc_id.encode("utf-8")  # no lone surrogate: a line any reader takes


class _FsPath:
    """A path-like object as a user's own class makes one: ``__fspath__`` gives ``path``
    (bytes for a file name that is not UTF-8), or raises what ``path`` is."""

    def __init__(self, path: Any) -> None:
        self.path = path

    def __fspath__(self) -> Any:
        if isinstance(self.path, BaseException):
            raise self.path
        return self.path


@SETTINGS
@given(
    name=st.binary(min_size=1, max_size=6).filter(lambda b: b"/" not in b and b"\x00" not in b),
    broken=st.sampled_from([RuntimeError("no path"), ValueError("gone"), KeyError("k")]),
)
def test_a_path_like_item_is_read_or_is_its_own_error(
    engine: Extractor, tmp_path_factory: pytest.TempPathFactory, name: bytes, broken: Exception
) -> None:
    """A path-like item whose path is bytes is the file a ``pathlib.Path`` names; one whose
    ``__fspath__`` raises is that item's ``input`` error: every other item still ends as its
    result (it stopped the run with an AttributeError or the object's own error)."""
    folder = tmp_path_factory.mktemp("paths")
    raw = os.fsencode(folder) + b"/" + name + b".txt"
    if name in (b".", b".."):
        return
    with open(raw, "wb") as file:
        file.write(kano(9).encode())
    items: list[Any] = [("before", kano(3)), _FsPath(raw), _FsPath(broken), ("after", kano(4))]
    results = sorted(extract_many_sync(items, extractor=engine), key=lambda r: r.index)
    assert [result.index for result in results] == [0, 1, 2, 3]
    assert [results[0].status, results[1].status, results[3].status] == ["ok"] * 3
    path = Path(os.fsdecode(raw))
    assert results[1].doc_id == next(iter(extract_many_sync([path], extractor=engine))).doc_id
    error = results[2].error
    assert error is not None and error.kind == "input" and "_FsPath" in error.message
    expected_ids(results)
