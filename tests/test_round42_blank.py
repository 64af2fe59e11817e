"""Round 42: one rule for "blank" (:func:`extractor.blank.is_blank`), for every name and text.

* A string is blank when every character is whitespace, a control (Cc), a format character
  (Cf: zero-width space, BOM, word joiner, U+180E), a variation selector or the combining
  grapheme joiner, or drawn as nothing (Hangul fillers, braille blank). The reader's texts,
  the field names (``--id-field``, :class:`~extractor.io.formats.RecordFields`), a doc_id
  (``Document``, ``extract(doc_id=...)``, ``as_doc_id``), a row's id cell, every CLI option
  naming something and every path option (``-o``, ``--summary-json`` ...) use that rule.
* A blank path option is one line naming the option, exit 2, nothing created; ``-o -``
  is still stdout.
* ``flatten -o`` refuses a name ending in a dot or a blank, and a database's side file
  (``x.db-wal``, ``x.duckdb.tmp``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.blank import is_blank
from extractor.cli import app
from extractor.cli.common import is_blank as cli_is_blank
from extractor.errors import InputError
from extractor.io.decoding import is_blank as io_is_blank
from extractor.io.formats import RecordFields
from extractor.pipeline.document import Document, as_doc_id, row_id

runner = CliRunner()

#: Every kind of character that shows nothing.
BLANK_CHARS = [
    *" \t\n\r\x0b\x0c\u00a0\u2003\u2007\u3000\u2028\x85",  # whitespace
    *"\x00\x01\x1b\x7f\x9f",  # controls (Cc)
    *"\u200b\u200c\u200d\ufeff\u2060\u180e\u00ad\u2061",  # format characters (Cf)
    *"\ufe00\ufe0f\U000e0100\U000e01ef\u034f",  # variation selectors, grapheme joiner
    *"\u115f\u1160\u3164\uffa0\u2800",  # drawn as nothing
]
#: What a command line can carry (no NUL) and a file name can hold (no NUL, no slash).
ARG_BLANKS = [ch for ch in BLANK_CHARS if ch != "\x00"]
blanks = st.text(alphabet=st.sampled_from(BLANK_CHARS), max_size=6)
arg_blanks = st.text(alphabet=st.sampled_from(ARG_BLANKS), min_size=1, max_size=5)
visibles = st.sampled_from("aZ9_-é中ё")


def _with(value: str, visible: str, at: int) -> str:
    at = at % (len(value) + 1)
    return value[:at] + visible + value[at:]


@given(value=blanks, visible=visibles, at=st.integers())
def test_one_rule_for_blank(value: str, visible: str, at: int) -> None:
    assert io_is_blank is is_blank and cli_is_blank is is_blank  # one definition
    assert is_blank(value)
    assert not is_blank(_with(value, visible, at))


@given(value=blanks, visible=visibles, at=st.integers())
def test_a_blank_field_name_is_refused_one_with_a_visible_character_is_not(
    value: str, visible: str, at: int
) -> None:
    for field in ("id", "text", "date", "title"):
        with pytest.raises(ValueError, match=f"^{field}_field .*: a blank name"):
            RecordFields(**{field: value})
        assert getattr(RecordFields(**{field: _with(value, visible, at)}), field)


@given(value=blanks, visible=visibles, at=st.integers())
def test_a_blank_doc_id_is_refused_everywhere(value: str, visible: str, at: int) -> None:
    with pytest.raises(InputError, match="is blank: give every document an id"):
        Document(doc_id=value, text="A met B.")
    with pytest.raises(InputError, match="is blank"):
        as_doc_id(value)
    assert row_id(value, "id").text is None  # a row's blank id cell: keyed by its text
    named = _with(value, visible, at)
    assert Document(doc_id=named, text="A met B.").doc_id == named
    assert row_id(named, "id", stripped=False).text == named


@settings(max_examples=10)
@given(value=blanks)
def test_extract_refuses_a_blank_doc_id_before_any_call(value: str) -> None:
    import extractor

    with pytest.raises(InputError, match="is blank"):
        extractor.extract("A met B.", doc_id=value, base_url="http://127.0.0.1:9/v1", model="x")


#: (command line before the option, the option): each writes a file or folder so named.
PATH_OPTIONS = [
    (["bulk", "rows.jsonl"], "-o"),
    (["bulk", "rows.jsonl", "-o", "out.jsonl"], "--summary-json"),
    (["flatten", "res.jsonl"], "-o"),
    (["flatten", "res.jsonl"], "--to"),
    (["schema"], "-o"),
    (["schema"], "--write"),
    (["extract", "a.txt"], "-o"),
    (["view", "res.jsonl"], "-o"),
    (["eval", "gold.jsonl"], "-o"),
    (["eval", "gold.jsonl"], "--json"),
    (["eval", "gold.jsonl"], "--save-predictions"),
    (["eval", "gold.jsonl"], "--predictions"),
]
#: The field options and other naming options round 41 missed invisible values of.
NAMING_OPTIONS = [
    (["bulk", "rows.jsonl", "-o", "out.jsonl"], "--id-field"),
    (["bulk", "rows.jsonl", "-o", "out.jsonl"], "--text-field"),
    (["bulk", "rows.jsonl", "-o", "out.jsonl"], "--date-field"),
    (["bulk", "rows.jsonl", "-o", "out.jsonl"], "--title-field"),
    (["extract", "a.txt"], "--doc-id"),
    (["view", "res.jsonl"], "--title"),
]


#: The commands that take --base-url (pointed at a closed port: nothing is sent).
MODEL_COMMANDS = ("bulk", "extract", "eval")


def _files(folder: Path) -> set[str]:
    return set(os.listdir(folder))


@pytest.mark.parametrize(("before", "option"), PATH_OPTIONS + NAMING_OPTIONS)
@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=arg_blanks)
def test_a_blank_name_on_the_command_line_is_one_line_exit_2_nothing_made(
    before: list[str], option: str, value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("rows.jsonl", "res.jsonl", "gold.jsonl", "a.txt"):
        (tmp_path / name).write_text('{"id": "a", "text": "A met B."}\n', "utf-8")
    present = _files(tmp_path)
    offline = ["--base-url", "http://127.0.0.1:9/v1"] if before[0] in MODEL_COMMANDS else []
    result = runner.invoke(app, [*before, *offline, option, value])
    assert result.exit_code == 2, result.output
    errors = result.stderr.splitlines()
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"extractor: error: {option}"), errors
    assert "blank" in errors[0], errors
    assert _files(tmp_path) == present


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(alphabet=st.sampled_from([" ", "\u200b", "\u00a0", "\u3164"]), max_size=3))
def test_a_name_with_a_visible_character_is_written(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = f"{value}s{value}.json"
    result = runner.invoke(app, ["schema", "-o", name, "--type", "meeting"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).is_file()
    (tmp_path / name).unlink()


def test_dash_is_still_stdout() -> None:
    result = runner.invoke(app, ["schema", "-o", "-", "--type", "meeting"])
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith("{")


RESULT = '{"doc_id": "d1", "status": "ok", "records": []}\n'


@pytest.mark.parametrize("suffix", [".db-wal", ".db-shm", ".duckdb.wal", ".duckdb.tmp", ".tmp"])
@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=st.text(alphabet=st.sampled_from("abcXYZ09_"), min_size=1, max_size=8))
def test_flatten_refuses_a_database_side_file(
    suffix: str, stem: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("res.jsonl").write_text(RESULT, "utf-8")
    result = runner.invoke(app, ["flatten", "res.jsonl", "-o", stem + suffix.upper()])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "side file" in result.stderr
    assert _files(tmp_path) == {"res.jsonl"}


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    stem=st.sampled_from(["x", "x.csv", "run.v2", "t.duckdb", "p.parquet"]),
    tail=st.text(alphabet=st.sampled_from([".", " ", "\u00a0", "\u200b", "\t"]), min_size=1),
)
def test_flatten_refuses_a_name_ending_in_a_dot_or_blank(
    stem: str, tail: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("res.jsonl").write_text(RESULT, "utf-8")
    result = runner.invoke(app, ["flatten", "res.jsonl", "-o", stem + tail])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "ends in a dot or a blank" in result.stderr
    assert _files(tmp_path) == {"res.jsonl"}
