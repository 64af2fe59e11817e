"""Round 42 (found by CI): a CSV piped in with old-Mac line ends (a lone CR) whose quoted
cells hold paragraphs (LF) was read as one article: its header was taken to run to the
first LF, rows away, and the rows were split at LFs only. Any line end ends the header, and
rows end at any line end outside quotes, whatever part of the table the pipe's head holds."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from extractor.io.readers import stream_suffix

WORDS = st.lists(st.sampled_from(["talks", "in", "Paris", "met", "the", "minister,"]), min_size=3)
# a comma in every cell: the writer quotes it (an LF left unquoted in a CR-only file splits
# its row, a known limit of such files: README)
CELL = st.lists(WORDS.map(" ".join), min_size=1, max_size=4).map(
    lambda paragraphs: "\n\n".join(paragraphs) + ", he said."
)


@given(
    cells=st.lists(CELL, min_size=1, max_size=6),
    newline=st.sampled_from(["\r", "\n", "\r\n"]),
    index=st.booleans(),
    data=st.data(),
)
def test_a_table_with_paragraphs_in_its_cells_is_a_table_whatever_its_line_ends(
    cells: list[str], newline: str, index: bool, data: st.DataObject
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(([""] if index else []) + ["id", "published", "text"])
    for number, text in enumerate(cells):
        writer.writerow(([str(number)] if index else []) + [f"r{number}", "2024-05-01", text])
    raw = out.getvalue().encode()
    cut = data.draw(st.integers(min(512, len(raw)), len(raw)), label="head")
    assert stream_suffix(raw[:cut]) == ".csv", raw[:cut]
