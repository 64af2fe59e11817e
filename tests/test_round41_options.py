"""Round 41: blank option values are refused, and flatten writes only the kinds its -o says.

* An option that names something (``--model``, ``--base-url``, ``--doc-id``, ``--label``,
  ``--title``, ``--source-root``, ``--address``, ``--table``) given a blank value (empty,
  spaces, tabs, NBSP, a zero-width space ...) is one line naming the option, exit 2: it
  used to fall back to the default silently (:func:`extractor.cli.common.non_blank`).
* ``flatten -o NAME`` whose suffix says a kind of file flatten does not write
  (``x.sqlite``, ``x.xlsx``, ``x.json``) is one line, exit 2, nothing written; it used to
  be a CSV folder so named. ``-o x.csv --table T`` is table T as one CSV file
  (:func:`extractor.cli.flatten_cmd.output_kind`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.cli.common import is_blank
from extractor.cli.flatten_cmd import FILE_SUFFIXES
from extractor.export.flatten import DUCKDB_SUFFIXES
from extractor.settings import Settings

runner = CliRunner()

#: Characters that show nothing: whitespace (ASCII, NBSP, ideographic space) and
#: invisible format characters (zero-width space, word joiner, BOM, soft hyphen).
BLANKS = [" ", "\t", "\n", "\u00a0", "\u3000", "\u2007", "\u200b", "\u2060", "\ufeff", "\u00ad"]
blanks = st.text(alphabet=st.sampled_from(BLANKS), max_size=6)

#: (command line before the option, the option): each names something a blank cannot.
NAMING_OPTIONS = [
    (["extract", "a.txt"], "--doc-id"),
    (["extract", "a.txt"], "--model"),
    (["extract", "a.txt"], "--base-url"),
    (["bulk", "in", "-o", "out.jsonl"], "--model"),
    (["bulk", "in", "-o", "out.jsonl"], "--base-url"),
    (["bulk", "in", "-o", "out.jsonl", "--engine", "ray"], "--address"),
    (["eval", "gold.jsonl"], "--model"),
    (["eval", "gold.jsonl", "--predictions", "p.jsonl"], "--label"),
    (["view", "out.jsonl"], "--title"),
    (["view", "out.jsonl"], "--source-root"),
    (["flatten", "out.jsonl", "-o", "tables"], "--table"),
]

LINE = {
    "doc_id": "d1",
    "status": "ok",
    "records": [
        {"type": "meeting", "id": "meeting:1", "status": "occurred", "countries": ["FRA"],
         "evidence": {"quote": "A met B.", "start": 0, "end": 8}},
    ],
}  # fmt: skip


@pytest.mark.parametrize(("before", "option"), NAMING_OPTIONS)
@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=blanks)
def test_a_blank_naming_option_is_one_line_and_exit_2(
    before: list[str], option: str, value: str
) -> None:
    result = runner.invoke(app, [*before, option, value])
    assert result.exit_code == 2, result.output
    errors = result.stderr.splitlines()
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"extractor: error: {option}: give a non-blank ")
    assert errors[0].endswith(", or leave the option out") and result.stdout == ""


@given(
    value=blanks,
    visible=st.characters(categories=["L", "N", "P", "S"]).filter(lambda c: not is_blank(c)),
    at=st.integers(),
)
def test_blank_is_what_shows_nothing(value: str, visible: str, at: int) -> None:
    assert is_blank(value)
    at = at % (len(value) + 1)
    assert not is_blank(value[:at] + visible + value[at:])


@given(value=st.text(alphabet=st.sampled_from([" ", "\t", "\u00a0", "\u3000"]), max_size=5))
def test_a_blank_extractor_model_variable_is_unset(value: str) -> None:
    """The environment is read as before: a blank EXTRACTOR_MODEL is unset (the default
    model), not refused; only the command line's blank --model is."""
    assert Settings.from_env({"EXTRACTOR_MODEL": value}).model is None


def test_a_non_blank_title_and_source_root_still_work(tmp_path: Path) -> None:
    results = tmp_path / "out.jsonl"
    results.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["view", str(results), "-o", str(page), "--title", " My run "])
    assert result.exit_code == 0, result.output
    assert "My run" in page.read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["view", str(results), "-o", str(page), "--source-root", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output


# -- flatten's output kinds ------------------------------------------------------------

stems = st.text(alphabet="abcxyz_-0123456789", min_size=1, max_size=8)


def mixed_case(suffix: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(suffix), max_size=len(suffix)).map(
        lambda ups: "".join(c.upper() if up else c for c, up in zip(suffix, ups, strict=True))
    )


file_suffixes = st.sampled_from(sorted(FILE_SUFFIXES)).flatmap(mixed_case)


@pytest.fixture
def results(tmp_path: Path) -> Path:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    return path


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=stems, suffix=file_suffixes, table=st.sampled_from([[], ["--table", "meetings"]]))
def test_flatten_refuses_a_name_saying_a_file_kind_it_does_not_write(
    results: Path, stem: str, suffix: str, table: list[str]
) -> None:
    if suffix.lower() == ".csv" and table:
        return  # one table as one CSV file: written (below)
    target = results.parent / f"{stem}{suffix}"
    result = runner.invoke(app, ["flatten", str(results), "-o", str(target), *table])
    assert result.exit_code == 2, result.output
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith("extractor: error: -o "), errors
    assert ".duckdb" in errors[0] or "--table" in errors[0]
    assert not target.exists() and result.stdout == ""


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=stems, suffix=mixed_case(".csv"), table=st.sampled_from(["events", "meetings"]))
def test_flatten_writes_one_table_as_one_csv_file(
    results: Path, stem: str, suffix: str, table: str
) -> None:
    target = results.parent / f"{stem}{suffix}"
    result = runner.invoke(app, ["flatten", str(results), "-o", str(target), "--table", table])
    assert result.exit_code == 0, result.output
    assert target.is_file() and result.stdout.strip() == str(target)
    printed = runner.invoke(app, ["flatten", str(results), "-o", "-", "--table", table])
    assert target.read_bytes() == printed.stdout_bytes
    assert b"FRA" in target.read_bytes() or table != "meetings"


def test_a_csv_file_is_refused_for_several_tables_or_with_parquet(results: Path) -> None:
    target = results.parent / "x.csv"
    for extra in (["--table", "events", "--table", "visits"], ["--table", "events", "--parquet"]):
        result = runner.invoke(app, ["flatten", str(results), "-o", str(target), *extra])
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.output
        assert not target.exists()


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    stem=stems,
    suffix=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=5)
    .map(lambda s: f".{s}")
    .filter(lambda s: s not in FILE_SUFFIXES and s not in DUCKDB_SUFFIXES and s != ".parquet"),
)
def test_another_dotted_name_is_still_a_csv_folder(results: Path, stem: str, suffix: str) -> None:
    target = results.parent / f"{stem}{suffix}"
    result = runner.invoke(app, ["flatten", str(results), "-o", str(target), "--no-parquet"])
    if result.exit_code == 2 and "names a" in result.stderr:
        return  # a compressed or archive suffix (.gz, .z, .7z): refused as before
    assert result.exit_code == 0, result.output
    assert (target / "events.csv").is_file()
