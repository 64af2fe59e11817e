"""Inputs, round 56, second look: what a read-only tester found in the round's new readers.

Over inputs built here:
* a deflate stream that ends just where the reader's output limit is met (a member of
  whole MiBs of zeros, or one past the member cap) left the bytes after it (the data
  descriptor of a zip written as a stream) in zlib's tail, and asking again returned
  nothing, forever: a cut zip holding a skipped log file, or a bomb, hung the run with
  its memory creeping. Every inflation is now bounded work, and what follows is read;
* a member name holding a NUL was cut at it by zipfile for a whole zip, and kept whole
  (a raw NUL in the id) when the same zip was cut short: one member, two names;
* an article opening with a JSON object that names none of the fields front matter is
  read for (an API's answer the article then discusses) lost that object as if it were
  Hugo's front matter.
"""

from __future__ import annotations

import io
import json
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import archives, iter_inputs
from extractor.io.readers import read_file
from extractor.pipeline.document import Document
from tests.archive_support import WriteOnly

SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: far more than any bounded inflation asks, far fewer than a hang makes
MOST_CALLS = 400


class _Counted:
    """zlib's inflater, refusing to be asked more than :data:`MOST_CALLS` times."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        self.calls += 1
        if self.calls > MOST_CALLS:
            raise AssertionError("inflating never ends: asked again and again for nothing")
        return bytes(self.inner.decompress(data, max_length))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.fixture
def bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The archive reader's inflaters counted (only this module's use of zlib is wrapped)."""
    real = zlib.decompressobj

    class _Zlib:
        error = zlib.error

        @staticmethod
        def decompressobj(*args: Any) -> _Counted:
            return _Counted(real(*args))

        def __getattr__(self, name: str) -> Any:
            return getattr(zlib, name)

    monkeypatch.setattr(archives, "zlib", _Zlib())


def _streamed_zip(members: list[tuple[str, bytes]]) -> bytes:
    """A zip written as a stream (sizes in data descriptors), cut before its index."""
    import zipfile

    pipe = WriteOnly()  # not seekable: zipfile writes data descriptors
    with zipfile.ZipFile(pipe, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            with archive.open(name, "w") as member:
                member.write(data)
    blob = pipe.getvalue()
    return blob[: blob.find(b"PK\x01\x02")]


@SETTINGS
@given(
    mib=st.integers(1, 3),
    delta=st.sampled_from([0, 0, -1, 1, 4096]),
    byte=st.sampled_from([b"\0", b"a", b"\n"]),
    story=st.sampled_from(["A storm hit the town.", "The river rose overnight."]),
)
def test_a_cut_zip_with_a_skipped_member_of_whole_mebibytes_is_read_on(
    tmp_path: Path, bounded: None, mib: int, delta: int, byte: bytes, story: str
) -> None:
    """A log file (a type not read) of about ``mib`` MiB, then an article: the log is
    stepped over in bounded work and the article read, whole."""
    log = byte * (mib * archives._CHUNK + delta)
    path = tmp_path / "cut.zip"
    path.write_bytes(_streamed_zip([("server.log", log), ("story.txt", story.encode())]))
    docs = [item for item in iter_inputs([str(path)]) if isinstance(item, Document)]
    assert [doc.text for doc in docs] == [story]


@SETTINGS
@given(mib=st.integers(1, 4), keep=st.booleans(), tail=st.binary(min_size=12, max_size=24))
def test_inflating_ends_where_the_stream_ends(
    bounded: None, mib: int, keep: bool, tail: bytes
) -> None:
    """Whatever the output limit meets, the stream's end is found and the handle left
    just after it (where a data descriptor starts), or the member cap is said."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    stream = packer.compress(b"\0" * (mib << 20)) + packer.flush()
    handle = io.BytesIO(stream + b"PK\x07\x08" + tail)
    budget = archives.ExpansionBudget(archives.SizeCaps(member_bytes=2 << 20, total_bytes=1 << 40))
    try:
        out = archives._inflate(handle, None, budget, keep=keep)
    except archives._MemberTooLarge:
        assert keep and mib > 2
        return
    assert handle.tell() == len(stream)
    assert len(out) == ((mib << 20) if keep else 0)


@SETTINGS
@given(
    stem=st.text(
        st.characters(codec="ascii", exclude_characters="\0\x01/\\"), min_size=1, max_size=8
    ),
    after=st.text(st.characters(codec="ascii", exclude_characters="\x01/\\"), max_size=8),
)
def test_a_member_name_with_a_nul_is_named_alike_whole_or_cut(
    tmp_path: Path, stem: str, after: str
) -> None:
    """zipfile ends a name at its first NUL; the reader of a cut zip names it the same."""
    import zipfile

    name = f"{stem}.txt\x01{after}"  # zipfile's writer cuts a NUL: put in by hand
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(name), "A storm hit the town.")
        archive.writestr("next.txt", "The river rose.")
    blob = whole.read_bytes().replace(name.encode(), name.replace("\x01", "\0").encode())
    whole.write_bytes(blob)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(blob[: blob.find(b"PK\x01\x02")])

    def members(path: Path) -> list[str]:
        return [
            item.doc_id.split("!", 1)[1] for item in iter_inputs([str(path)]) if "!" in item.doc_id
        ]

    assert members(cut) == members(whole)
    assert all("\0" not in member for member in members(cut))


KNOWN = ("title", "date", "url", "published", "source_url", "published_time")
OTHER_KEY = st.text(
    st.characters(codec="ascii", categories=["Ll"]), min_size=1, max_size=10
).filter(lambda key: key not in KNOWN)
SCALAR = st.one_of(st.integers(-9, 9), st.booleans(), st.text(max_size=10), st.none())


@SETTINGS
@given(
    obj=st.dictionaries(OTHER_KEY, SCALAR, min_size=1, max_size=4),
    indent=st.sampled_from([None, 2]),
    suffix=st.sampled_from([".txt", ".md"]),
)
def test_an_article_opening_with_json_that_is_no_header_keeps_it(
    tmp_path: Path, obj: dict[str, Any], indent: int | None, suffix: str
) -> None:
    """A JSON object naming no field front matter is read for is the article's text."""
    text = json.dumps(obj, indent=indent) + "\nThe API returned the object above on Monday.\n"
    path = tmp_path / f"post{suffix}"
    path.write_text(text, encoding="utf-8")
    doc = read_file(path)
    assert doc.text.strip() == text.strip() and not doc.warnings


@SETTINGS
@given(obj=st.dictionaries(OTHER_KEY, SCALAR, max_size=3), key=st.sampled_from(["title", "url"]))
def test_json_naming_a_header_field_is_front_matter(
    tmp_path: Path, obj: dict[str, Any], key: str
) -> None:
    value = "Storm" if key == "title" else "https://example.org/storm"
    path = tmp_path / "post.md"
    path.write_text(json.dumps({**obj, key: value}) + "\n\nA storm hit.\n", encoding="utf-8")
    doc = read_file(path)
    assert doc.text.strip() == "A storm hit."
    assert (doc.title if key == "title" else doc.url) == value
