"""No result object carries a blank doc_id.

Every reader of results refuses a line whose ``doc_id`` is blank (``io.output.is_doc_id``),
and a ``Document`` refuses one. The objects a user builds or gets back were not held to the
same rule: ``ArticleExtraction(doc_id="\\u200b")`` was accepted, ``results_to_frame`` gave
rows under an id nobody can see for a ``BatchResult(" ")``, and ``extract_many`` over a file
named ``" "`` (no extension: an input error) reported it under the id ``" "``, which bulk
and eval then read back as a damaged output. Blank values are generated from the one blank
rule's own code points.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from extractor import ArticleExtraction, results_to_frame
from extractor.blank import is_blank
from extractor.bulk.batch import BatchResult, ErrorInfo, extract_many_sync
from extractor.pipeline.engine import Extractor
from extractor.pipeline.result import ExtractionMetadata
from tests.blank_support import blank_texts

#: Blank strings as the one blank rule has them (a file name cannot hold NUL or "/").
BLANKS = blank_texts(max_size=4, without="\x00/")
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
META = ExtractionMetadata(model="m", prompt_version="p", schema_version="s", strategy="single")


@SETTINGS
@given(blank=st.one_of(st.just(""), BLANKS))
def test_an_extraction_refuses_a_blank_doc_id(blank: str) -> None:
    with pytest.raises(ValidationError, match="is blank"):
        ArticleExtraction(doc_id=blank, metadata=META)
    assert ArticleExtraction(doc_id=None, metadata=META).doc_id is None
    assert ArticleExtraction(doc_id=f"a{blank}", metadata=META).doc_id == f"a{blank}"


@SETTINGS
@given(blank=st.one_of(st.just(""), BLANKS))
def test_results_to_frame_refuses_a_batch_result_with_a_blank_doc_id(blank: str) -> None:
    failed = ErrorInfo("InputError", "unreadable", "input")
    with pytest.raises(TypeError, match="doc_id is blank"):
        results_to_frame([BatchResult(blank, 0, error=failed)])
    frame = results_to_frame([BatchResult("d1", 0, error=failed)], "documents")
    assert list(frame["doc_id"]) == ["d1"]


@SETTINGS
@given(blank=BLANKS)
def test_extract_many_names_a_blank_named_file_by_its_whole_path(
    tmp_path: Path, blank: str
) -> None:
    """The file has no extension, so it fails before any request: its result's id is its
    absolute path (as bulk keys a blank-named file), never the blank name."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    try:
        (folder / blank).write_text("China and Myanmar met.", encoding="utf-8")
    except (OSError, UnicodeEncodeError):  # a name this file system refuses
        return
    previous = Path.cwd()
    os.chdir(folder)
    try:
        ex = Extractor("openai/fake-model", base_url="http://127.0.0.1:9/v1", api_key="sk-x")
        [item] = extract_many_sync([Path(blank)], extractor=ex)
    finally:
        os.chdir(previous)
    assert not item.ok and item.error is not None and item.error.kind == "input"
    assert not is_blank(item.doc_id)
    assert item.doc_id == os.path.join(folder, blank)
