"""Round 57, the Python API as a hostile user drives it, and how server answers become errors.

* ``extract_many``: every item ends as exactly one result under a distinct id, whatever the
  ids, including ids that read like the names made up for repeated ids (``a#duplicate-2``);
  a unique id is always extracted under itself, never refused as the copy of a made-up name.
* A document id with lone surrogates is escaped at the API boundary, as bulk names it: the
  result, its document and a frame made of it carry one spelling, valid UTF-8.
* ``Extractor.extract(obj)`` where ``obj.__fspath__`` gives bytes reads the file; one that
  raises or gives no path is one InputError naming the object.
* A re-ask carries back a bounded part of a huge invalid answer, and a re-ask the server
  refuses as too large is said to be the re-ask's size, not the article's.
* Redaction work grows with the text, not with the number of strings times the secrets'
  forms, and a text without a key is searched for it a constant number of times.
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor.redact as redact_module
from extractor import Document, Extractor
from extractor.bulk.batch import BatchResult, ErrorInfo, extract_many_sync
from extractor.errors import ExtractionFailed, InputError, ModelError
from extractor.export.frames import table_rows
from extractor.io import InputFailure
from extractor.pipeline.engine import MAX_REASK_CHARS
from extractor.redact import MARK, escape_surrogates, redact, redactor
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Reply, static

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

KANO = "At least 12 people were killed in Kano on Monday, police said. " * 3


# ------------------------------------------------------------------ a fake extractor


class Recording:
    """An extractor that asks no server: each document fails as a bug would ("internal",
    which neither stops nor aborts a run), its message naming the id it was asked under."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def aextract(self, text: Any, *, published: Any = None, doc_id: Any = None) -> Any:
        self.asked.append(str(doc_id))
        raise RuntimeError(f"asked {doc_id!a}")

    async def aextract_document(self, document: Document) -> Any:
        self.asked.append(document.doc_id)
        raise RuntimeError(f"asked {document.doc_id!a}")

    async def aclose(self) -> None:
        return None

    def close(self) -> None:
        return None


def _run(items: list[Any], concurrency: int = 2) -> list[BatchResult]:
    results = list(extract_many_sync(items, extractor=Recording(), concurrency=concurrency))
    return sorted(results, key=lambda result: result.index)


# ------------------------------------------------ 1. ids that read like made-up names

IDS = st.sampled_from(
    ["a", "b", "a#duplicate-2", "a#duplicate-3", "b#duplicate-2", "a#duplicate-2#duplicate-2",
     "#0", "#1", "#2"]
)  # fmt: skip


class Unreadable:
    """An item whose id cannot be read (its result is named ``#<index>``)."""


def _item(doc_id: str | None, form: str) -> Any:
    if doc_id is None:
        return Unreadable()
    if form == "document":
        return Document(doc_id, f"text of {doc_id}")
    return (doc_id, f"text of {doc_id}")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ids=st.lists(st.one_of(IDS, st.none()), min_size=1, max_size=9),
    form=st.sampled_from(["tuple", "document"]),
    concurrency=st.integers(1, 3),
)
def test_every_item_one_result_under_a_distinct_id(
    ids: list[str | None], form: str, concurrency: int
) -> None:
    """Whatever the ids: one result per item, ids distinct, the first item of each real id
    extracted under that id, each later one the duplicate error of it."""
    results = _run([_item(doc_id, form) for doc_id in ids], concurrency)
    assert [result.index for result in results] == list(range(len(ids)))
    names = [result.doc_id for result in results]
    assert len(set(names)) == len(names), names
    first: set[str] = set()
    for doc_id, result in zip(ids, results, strict=True):
        assert result.error is not None
        if doc_id is None:
            assert result.error.kind == "input"
            assert result.duplicate_of is None
        elif doc_id not in first:
            first.add(doc_id)
            assert result.doc_id == doc_id, (ids, names)
            assert result.duplicate_of is None
            assert result.error.kind == "internal"  # it was asked: the fake's failure
        else:
            assert result.duplicate_of == doc_id, (ids, names)
            assert result.doc_id.startswith(f"{doc_id}#duplicate-")
            assert result.error.kind == "input"


def test_made_up_name_never_refuses_a_real_id() -> None:
    """The brief's two orders: the unique ``a#duplicate-2`` is extracted either way."""
    for ids in (["a", "a", "a#duplicate-2"], ["a", "a#duplicate-2", "a"]):
        results = _run([(doc_id, "text") for doc_id in ids], 1)
        by_name = {result.doc_id: result for result in results}
        assert len(by_name) == 3
        assert by_name["a#duplicate-2"].duplicate_of is None
        assert by_name["a#duplicate-3"].duplicate_of == "a"


# ------------------------------------------------------------ 2. lone surrogates in ids

SURROGATE_IDS = st.text(
    alphabet=st.sampled_from(["a", "b", "\ud800", "\udce9", "\ufffd", "#"]), min_size=1, max_size=4
).filter(lambda text: text.strip() != "")


@settings(max_examples=40, deadline=None)
@given(
    ids=st.lists(SURROGATE_IDS, min_size=1, max_size=5, unique=True),
    form=st.sampled_from(["tuple", "document", "failure"]),
)
def test_surrogate_ids_are_escaped_once_at_the_boundary(ids: list[str], form: str) -> None:
    def item(doc_id: str) -> Any:
        if form == "failure":
            return InputFailure(doc_id, f"rows.jsonl:{doc_id}", "unreadable row")
        return _item(doc_id, form)

    results = _run([item(doc_id) for doc_id in ids])
    for doc_id, result in zip(ids, results, strict=True):
        result.doc_id.encode("utf-8")  # valid UTF-8: no lone surrogate left
        if "\ud800" in doc_id or "\udce9" in doc_id:
            assert result.doc_id == escape_surrogates(doc_id)
        if result.document is not None:
            assert result.document.doc_id == result.doc_id
        if result.source is not None:
            result.source.encode("utf-8")
    rows = table_rows(results, "documents")
    assert [row["doc_id"] for row in rows] == [result.doc_id for result in results]


@settings(max_examples=30, deadline=None)
@given(ids=st.lists(SURROGATE_IDS, min_size=2, max_size=4, unique=True))
def test_a_frame_keeps_surrogate_ids_apart(ids: list[str]) -> None:
    """Results made by hand (or by an older release) with raw ids: a frame escapes them as
    bulk does, one-to-one, instead of making two ids one (``a\\ud800`` and ``a\\udce9``
    were both ``a\\ufffd``)."""
    results = [
        BatchResult(doc_id, n, error=ErrorInfo("InputError", "unreadable", "input"))
        for n, doc_id in enumerate(ids)
    ]
    lines = [
        {"doc_id": doc_id, "status": "error", "error": {"type": "X", "kind": "input",
                                                       "message": "m"}}
        for doc_id in ids
    ]  # fmt: skip
    for given_results in (results, lines):
        rows = table_rows(given_results, "documents")
        names = [row["doc_id"] for row in rows]
        for name in names:
            name.encode("utf-8")
        surrogate = [n for n, doc_id in enumerate(ids) if "\ud800" in doc_id or "\udce9" in doc_id]
        for n in surrogate:
            assert names[n] == escape_surrogates(ids[n])
        assert len(set(names)) == len(names)


# --------------------------------------------------------------- 3. path-like inputs


class PathLike:
    def __init__(self, value: Any) -> None:
        self.value = value

    def __fspath__(self) -> Any:
        if isinstance(self.value, BaseException):
            raise self.value
        return self.value


@pytest.fixture(scope="module")
def kano_server() -> Iterator[FakeOpenAI]:
    from tests.fakes.kano import casualty_responder

    with FakeOpenAI(casualty_responder) as server:
        yield server


@pytest.mark.parametrize(
    "value",
    [RuntimeError("no path\nhere"), 5, None, 1.5, KeyError("k")],
    ids=["raises", "int", "none", "float", "keyerror"],
)
def test_a_broken_path_like_is_one_input_error(value: Any, kano_server: FakeOpenAI) -> None:
    before = len(kano_server.requests)
    engine = Extractor(model="openai/fake", base_url=kano_server.base_url, api_key="k")
    with engine, pytest.raises(InputError) as raised:
        engine.extract(PathLike(value))
    message = str(raised.value)
    assert "PathLike" in message and "\n" not in message
    assert len(kano_server.requests) == before  # refused before any request


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=st.text(alphabet=string.ascii_letters + "é", min_size=1, max_size=8))
def test_a_bytes_path_like_is_read(
    name: str, kano_server: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / f"{name}.txt"
    path.write_text(KANO, encoding="utf-8")
    with Extractor(model="openai/fake", base_url=kano_server.base_url, api_key="k") as engine:
        result = engine.extract(PathLike(os.fsencode(path)))
    assert result.document is not None
    assert result.document.text.strip() == KANO.strip()
    assert Path(result.document.source or "").name == path.name


# ------------------------------------------------------------------- 4. re-asks


def _invalid_answer(size: int) -> str:
    """An answer of about ``size`` characters that never validates (a field it lacks)."""
    row = {"type": "casualty_report", "bogus": "x" * 90}
    return json.dumps({"records": [row] * max(1, size // 120)})


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(size=st.integers(100_000, 300_000), mode=st.sampled_from(["tools", "json"]))
def test_a_reask_carries_a_bounded_answer(size: int, mode: str) -> None:
    with FakeOpenAI(static(_invalid_answer(size))) as server:
        engine = Extractor(
            model="openai/fake", base_url=server.base_url, api_key="k", max_retries=2, mode=mode
        )
        with engine, pytest.raises(ExtractionFailed):
            engine.extract(KANO)
        bodies = server.requests
    assert len(bodies) == 3
    first = len(json.dumps(bodies[0]))
    for body in bodies[1:]:
        # each re-ask adds at most the clipped answer and the clipped error, not the answer
        assert len(json.dumps(body)) < first + 2 * 2 * MAX_REASK_CHARS + 4_000
        for message in body["messages"]:
            for call in message.get("tool_calls") or []:
                json.loads(call["function"]["arguments"])  # still JSON a server may parse


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(status=st.sampled_from([413, 400]), mode=st.sampled_from(["tools", "json"]))
def test_a_refused_reask_is_not_blamed_on_the_article(status: int, mode: str) -> None:
    """The first request (the article) is taken; every later one (a re-ask) is refused as
    too large: the error says the re-ask was, and never to split the articles."""

    def refuse_reasks(record: Any) -> Reply | None:
        if record.index == 0:
            return None
        text = "request entity too large"
        if status == 400:
            text = "the request exceeds the available context size, try increasing it"
        return Reply(status, json.dumps({"error": {"message": text}}))

    with FakeOpenAI(static(_invalid_answer(2_000)), replier=refuse_reasks) as server:
        engine = Extractor(
            model="openai/fake", base_url=server.base_url, api_key="k", max_retries=2, mode=mode
        )
        with engine, pytest.raises(ModelError) as raised:
            engine.extract(KANO)
    message = str(raised.value)
    assert "re-ask" in message and "split" not in message and "chunk_chars" not in message
    assert raised.value.kind == "model"
    assert ErrorInfo.from_exception(raised.value).kind == "model"


# ------------------------------------------------------------------- 5. redaction work


@pytest.fixture
def redaction_caches() -> Iterator[None]:
    """The redactor's caches as they were: a test's key must not stay in them."""
    known = getattr(redactor, "_known_cache", None)
    environment = getattr(redact_module, "_environment_cache", None)
    yield
    if known is not None:
        redactor._known_cache = known
    if environment is not None:
        redact_module._environment_cache = environment


KEYS = st.text(alphabet=string.ascii_letters + string.digits, min_size=20, max_size=40).map(
    lambda tail: f"sk-proj-{tail}"
)


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(key=KEYS, count=st.integers(50, 200))
def test_forms_are_derived_once_not_per_string(
    key: str, count: int, redaction_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redacting many short strings (a server's answer, field by field) derives the
    environment key's forms once, not once a string: 0.2 ms a string, 20 s a megabyte."""
    calls = []
    forms = redact_module._forms

    def counting(secret: str) -> frozenset[str]:
        calls.append(secret)
        return forms(secret)

    with monkeypatch.context() as patch:
        patch.setenv("OPENAI_API_KEY", key)
        patch.setattr(redact_module, "_forms", counting)
        redactor.redact_known("warm up")
        calls.clear()
        for n in range(count):
            assert redactor.redact_known(f"field {n} of the answer") == f"field {n} of the answer"
        assert calls == []
        assert MARK in redactor.redact_known(f"echo {key} echo")
        patch.setenv("OPENAI_API_KEY", key[::-1])  # a change is seen at once
        assert MARK in redactor.redact_known(f"echo {key[::-1]} echo")


class CountingPattern:
    """A compiled pattern whose searches are counted."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, text: str) -> Any:
        self.calls += 1
        return self.pattern.search(text)

    def finditer(self, text: str) -> Any:
        self.calls += 1
        return self.pattern.finditer(text)


PROSE = st.lists(
    st.sampled_from(["Kano", "police", "killed", "people", "Monday,", "said.", "%20", "\\n", "é"]),
    min_size=30,
    max_size=60,
).map(" ".join)


@settings(max_examples=10, deadline=None)
@given(prose=PROSE, key=KEYS)
def test_wrapped_search_is_constant_for_text_without_the_key(prose: str, key: str) -> None:
    """A text without the key: the key's pattern is searched a constant number of times,
    for n and for 4n words alike (it was searched once a word: seconds a megabyte)."""
    pattern = redact_module._longest_first(redact_module._forms(key), {key})
    counts = []
    for text in (prose, " ".join([prose] * 4)):
        counting = CountingPattern(pattern)
        assert redact_module._sub_wrapped(counting, text) == text  # type: ignore[arg-type]
        counts.append(counting.calls)
    assert counts[1] <= counts[0] <= 1


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(prose=PROSE, key=KEYS, at=st.floats(0, 1), escape=st.sampled_from(["%2D", "&#45;"]))
def test_an_escaped_key_in_long_text_is_still_found(
    prose: str, key: str, at: float, escape: str, redaction_caches: None
) -> None:
    """The constant-work search still finds a key spelled with escapes anywhere in it."""
    text = " ".join([prose] * 4)
    cut = int(len(text) * at)
    spelled = key.replace("-", escape)
    before = redactor._registered, redactor._keys
    try:
        redactor.register_secret(key)
        out = redact(f"{text[:cut]} {spelled} {text[cut:]}")
    finally:
        redactor._registered, redactor._keys = before
    assert spelled not in out and key not in out and MARK in out
