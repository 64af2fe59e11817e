"""Input and output for bulk runs: files and archives in, JSONL out.

iter_inputs(paths)   every input unit -> one Document or InputFailure
is_rereadable(path)  False for a FIFO or other stream a second reader would drain
read_file(path)      one .txt / .md / .html file -> Document
decode_bytes(data)   bytes -> text, rejecting empty, binary, undecodable
parse_dateline(text) publication date from a leading dateline
JsonlWriter(path)    crash-safe appending of one JSON object per line
completed_ids(path)  ids already written; repairs a torn last line
"""

from __future__ import annotations

from extractor.io.decoding import decode_bytes
from extractor.io.formats import parse_dateline
from extractor.io.output import JsonlWriter, completed_ids, open_for_resume
from extractor.io.readers import InputFailure, Item, is_rereadable, iter_inputs, read_file

__all__ = [
    "InputFailure",
    "Item",
    "JsonlWriter",
    "completed_ids",
    "decode_bytes",
    "is_rereadable",
    "iter_inputs",
    "open_for_resume",
    "parse_dateline",
    "read_file",
]
