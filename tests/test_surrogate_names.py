"""Names no UTF-8 can carry: every output line is still valid UTF-8 JSON, and stays found.

A file name in Latin-1 on a UTF-8 system ("café" as the byte 0xE9), a tar
member with one, a JSONL id or URL holding a lone ``"\\ud800"`` escape:
Python carries them as lone surrogates, which are no Unicode. Written as
``\\udcXX`` escapes, the lines were refused by DuckDB and jq. Generated
names, then, over a folder, a tar and a JSONL file:

* every line is strict UTF-8, and DuckDB reads the whole output;
* names that differ stay different, names that spell an escape literally
  included (the escape is one-to-one), and each document's result is its own;
* a rerun finds every line again and writes nothing.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.redact import escape_surrogates
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

CLEAN_ENV: dict[str, str | None] = {
    name: None for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY",
                            "EXTRACTOR_MODE")
}  # fmt: skip

#: File name stems: ASCII letters and bytes that are not UTF-8 on their own.
stems = st.lists(
    # bytes that are no UTF-8, and names that spell their escapes literally
    st.sampled_from([b"a", b"z", b"\xe9", b"\xff", b"\x80", b"%E9", "\ufffdxE9".encode()]),
    min_size=1, max_size=4,
).map(b"".join)  # fmt: skip
#: JSONL ids: text with lone surrogate escapes among letters.
ids = st.lists(
    st.sampled_from(["r", "\ud800", "\udfff", "\udce9", "7", "\ufffduD800", "%uD800"]),
    min_size=1,
    max_size=3,
).map("".join)


def bulk(server: FakeOpenAI, *args: str) -> Any:
    command = ["bulk", *args, "--model", "openai/m", "--base-url", server.base_url,
               "--strategy", "single", "--progress", "none"]  # fmt: skip
    return CliRunner().invoke(app, command, env=CLEAN_ENV)


@settings(deadline=None, max_examples=15, suppress_health_check=list(HealthCheck))
@given(
    files=st.lists(stems, min_size=1, max_size=4, unique=True),
    rows=st.lists(ids, min_size=1, max_size=4, unique=True),
)
def test_names_no_utf8_can_carry_give_valid_lines_that_a_rerun_finds(
    tmp_path_factory: pytest.TempPathFactory, fake: FakeOpenAI, files: list[bytes],
    rows: list[str],
) -> None:  # fmt: skip
    import duckdb

    base = tmp_path_factory.mktemp("s")
    folder = base / "in"
    folder.mkdir()
    figures: dict[str, int] = {}
    for n, stem in enumerate(files):
        name = stem + b".txt"
        with open(os.path.join(os.fsencode(folder), name), "w", encoding="utf-8") as handle:
            handle.write(kano(100 + n))
        figures[escape_surrogates(os.fsdecode(name))] = 100 + n
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w") as tar:
        for n, stem in enumerate(files):
            data = kano(200 + n).encode()
            info = tarfile.TarInfo(os.fsdecode(stem + b".md"))
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            figures[escape_surrogates(os.fsdecode(stem + b".md"))] = 200 + n
    (folder / "t.tar").write_bytes(archive.getvalue())
    table = "".join(
        json.dumps({"id": i, "text": kano(300 + n), "url": f"https://e.org/{i}"}) + "\n"
        for n, i in enumerate(rows)
    )
    (folder / "rows.jsonl").write_text(table, encoding="utf-8")
    for n, i in enumerate(rows):  # as a reader sees it ("\ud800\udfff" is one character)
        figures[escape_surrogates(json.loads(json.dumps(i)))] = 300 + n
    out = base / "out.jsonl"

    first = bulk(fake, str(folder), "-o", str(out))
    assert first.exit_code == 0, first.output
    raw = out.read_bytes()
    lines = [json.loads(line.decode("utf-8", "strict")) for line in raw.splitlines()]
    for line in lines:
        for key in ("doc_id", "source", "url"):
            value = line.get(key)
            assert value is None or not any("\ud800" <= c <= "\udfff" for c in value), (key, value)
        name = line["doc_id"].rpartition("/")[2].rpartition("!")[2]
        assert [r["killed"]["low"] for r in line["records"]] == [figures[name]], line["doc_id"]
    assert len({line["doc_id"] for line in lines}) == len(lines) == len(figures)
    count = duckdb.sql(f"select count(*) from read_json('{out}', format='newline_delimited')")
    assert count.fetchall() == [(len(lines),)]

    again = bulk(fake, str(folder), "-o", str(out))
    assert again.exit_code == 0, again.output
    assert out.read_bytes() == raw  # every line found again: nothing written
