"""Every registered record type is complete: a missing piece fails here, loudly.

Iterates the registry (built-ins and the test plugin), so a fifth type that
forgets its template, columns, gold mapping or cue words cannot pass silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.export.flatten import table_columns
from extractor.pipeline.answers import answer_model, grammar_schema
from extractor.pipeline.prompting import prompts_dir, task_message
from extractor.pipeline.result import record_schemas
from extractor.types import RECORD_TYPES, get_type, register, registered_types
from extractor.types.registry import reload
from tests.plugins.protest import Protest

NAMES = [*RECORD_TYPES, "protest"]


@pytest.fixture(autouse=True)
def _with_the_plugin() -> Iterator[None]:
    """The test plugin registered for these tests only; the registry reloaded after."""
    register(Protest)
    yield
    reload()


def test_the_built_in_types_come_first_in_their_order() -> None:
    specs = registered_types()
    assert tuple(s.name for s in specs[: len(RECORD_TYPES)]) == RECORD_TYPES
    assert "protest" in {s.name for s in specs}


@pytest.mark.parametrize("name", NAMES)
def test_every_type_has_every_piece(name: str) -> None:
    spec = get_type(name)
    assert spec.record.record_type == spec.name
    assert (prompts_dir() / spec.template).is_file(), f"{spec.name}: no template {spec.template}"
    assert spec.label in task_message(spec.name)["content"]
    draft = spec.draft.model_fields
    assert list(draft)[-1] == "evidence", f"{spec.name}: evidence must be the draft's last field"
    assert {"status", "attribution"} <= set(draft)
    answer = answer_model((spec.name,))
    assert answer.list_fields == {spec.plural: spec.name}
    assert spec.plural in grammar_schema(answer)["properties"]
    assert spec.columns, f"{spec.name}: no table columns"
    assert spec.table, f"{spec.name}: no terminal table"
    assert spec.gold is not None and spec.gold.fields, f"{spec.name}: no gold mapping"
    assert spec.gold.to_gold is not None and spec.gold.from_gold is not None
    assert set(spec.gold.strict) <= set(spec.gold.fields)
    for name, values in spec.gold.enums.items():
        assert name in spec.gold.fields and values
    assert set(spec.optional_figures) <= set(draft)
    assert all(other in {s.name for s in registered_types()} for other in spec.cued_by)
    assert spec.name in record_schemas((spec.name,))


def test_names_are_unique_and_tables_have_unique_columns() -> None:
    plurals = [s.plural for s in registered_types()]
    assert len(set(plurals)) == len(plurals) and "documents" not in plurals
    for name, columns in table_columns().items():
        names = [c.name for c in columns]
        assert len(set(names)) == len(names), f"{name}: duplicate column"


def test_the_built_in_types_are_gated_and_a_user_type_without_cue_words_is_not() -> None:

    from extractor import Record
    from extractor.pipeline.gating import screen

    class Strike(Record):
        """Workers stop work to press a demand."""

        type: Literal["strike"] = "strike"
        union: str | None = None

    strike = register(Strike)
    assert all(get_type(name).cues is not None for name in RECORD_TYPES)
    assert strike.cues is None
    assert screen("Quarterly output rose by two percent.", [*RECORD_TYPES, "strike"]) == ["strike"]
    assert screen("Thousands rallied on Sunday.", ["protest"]) == ["protest"]
    assert screen("Thousands stayed home on Sunday.", ["protest"]) == []


def test_a_type_needs_a_snake_case_name() -> None:

    from extractor import Record

    with pytest.raises(TypeError, match="snake_case"):

        class Bad(Record):
            type: Literal["Bad Type"] = "Bad Type"


def _record_attributes() -> list[str]:
    """Every public attribute a Record has that is not one of its fields: its methods, its
    class settings (those only annotated too, as ``record_type``: round 24) and pydantic's."""
    from extractor import Record

    return sorted(
        name
        for name in {*dir(Record), *Record.__class_vars__}
        if not name.startswith("_") and name not in Record.model_fields and _pydantic_allows(name)
    )


def _pydantic_allows(name: str) -> bool:
    """Whether pydantic itself lets a model have a field ``name`` (it refuses ``model_*``
    names and a few more with its own error)."""
    import warnings

    from pydantic import BaseModel, create_model

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            create_model("Plain", __base__=BaseModel, **{name: (str | None, None)})  # type: ignore[call-overload]
    except Exception:
        return False
    return True


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(_record_attributes()), list_of=st.booleans())
def test_a_field_hiding_what_the_checks_call_is_refused_when_the_type_is_defined(
    name: str, list_of: bool
) -> None:
    """A user's type with a field ``countries`` was accepted, then every call failed as "the
    model gave no valid answer ('list' object is not callable)", paid again by each
    ``--retry-errors``: a field hiding a Record attribute is refused at class definition."""
    import warnings
    from typing import Literal

    from pydantic import Field, create_model

    from extractor import Record

    annotation: object = list[str] if list_of else str | None
    default: object = Field(default_factory=list) if list_of else None
    with (
        warnings.catch_warnings(),
        pytest.raises(TypeError, match=f"{name}.* (would hide|overrides)"),
    ):
        warnings.simplefilter("ignore")  # pydantic's own "shadows an attribute" warning
        create_model(  # type: ignore[call-overload]
            "Shadow",
            __base__=Record,
            type=(Literal["shadow"], "shadow"),
            **{name: (annotation, default)},
        )


def test_the_built_in_types_hide_nothing() -> None:
    """Meeting's ``countries`` list is ``countries_involved`` with the alias ``countries``."""
    attributes = set(_record_attributes())
    for spec in registered_types():
        assert not attributes & set(spec.record.model_fields), spec.name


def test_the_reserved_plurals_are_every_name_the_tool_keeps() -> None:
    """The keys of an extraction's JSON beside the types' lists and flatten's own tables:
    a type's plural may be none of them (pinned here, so that a new key is reserved too)."""
    from extractor.export.flatten import _OWN_TABLES, _documents
    from extractor.pipeline.result import ArticleExtraction
    from extractor.types.registry import DOCUMENT_COLUMNS, RESERVED_PLURALS, RESULT_LINE_KEYS

    assert {column.name for column in _documents(())} == DOCUMENT_COLUMNS
    assert (
        set(ArticleExtraction.model_fields)
        | set(_OWN_TABLES)
        | RESULT_LINE_KEYS
        | (DOCUMENT_COLUMNS)
        == RESERVED_PLURALS
    )


def _user_type(name: str, plural: str) -> type:
    from pydantic import create_model

    from extractor import Record

    return create_model(  # type: ignore[call-overload,no-any-return]
        name.title().replace("_", ""), __base__=Record, __doc__=f"A {name}.",
        type=(Literal[name], name),  # type: ignore[valid-type]
        plural=(ClassVar[str], plural),
    )  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["walkout", "rally_x", "summit_y"]),
    st.sampled_from(
        ["doc_id", "published", "groups", "metadata", "events", "documents", "visits",
         "meetings", "arms_transfers", "casualty_reports", "protests", "walkouts", "summits",
         "Visits", "VISITS", "Metadata", "Events", "Walkouts"]
    ),
)  # fmt: skip
def test_a_plural_another_type_or_the_tool_has_is_refused_and_nothing_registered(
    name: str, plural: str
) -> None:
    """A plugin type whose plural is ``visits`` would write its columns over the real
    visits' table; one whose plural is ``metadata`` would break every extraction. Refused
    when registered, in one line, and the registry stays as it was."""
    from extractor.errors import ConfigurationError
    from extractor.types.registry import RESERVED_PLURALS

    reload()  # each example on the built-ins and the test plugin alone
    register(Protest)
    before = [spec.name for spec in registered_types()]
    taken = {spec.plural for spec in registered_types()} | RESERVED_PLURALS  # as tables name
    taken = {name.lower() for name in taken}  # them: "Visits" is the visits table
    try:
        record = _user_type(name, plural)
    except TypeError:
        return  # refused when the class is defined: as good
    if plural.lower() in taken or plural != plural.lower():  # taken, or no table's name
        with pytest.raises(ConfigurationError, match=repr(plural)):
            register(record)
        assert [spec.name for spec in registered_types()] == before
    else:
        assert register(record).plural == plural
        table_columns()  # and flatten has a table for it


def test_every_key_of_a_line_bulk_writes_is_reserved(tmp_path: Path) -> None:
    """A plugin type whose plural is ``records`` or ``status`` was accepted: its list was
    read as the line's own field (records lost without a word, a status of lists). Every
    key of real lines (ok with its text and source, an error, a skipped file, a
    duplicate) is a name no plural may take."""
    from extractor.bulk.runner import BulkRun
    from extractor.runtime import aio
    from extractor.types.registry import RESULT_LINE_KEYS
    from tests.fakes.kano import casualty_responder, kano
    from tests.fakes.openai_server import FakeOpenAI

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(kano(3))
    rows = [{"id": "r", "text": kano(4)}, {"id": "r", "text": kano(6)}]  # an id twice
    (folder / "rows.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    (folder / "empty.txt").write_text("")
    (folder / ".hidden.txt").write_text(kano(4))
    (folder / "page.md").write_text("---\ntitle: T\nurl: http://example.gov/a\n---\n" + kano(5))
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder) as server:
        run = BulkRun([str(folder)], out, model="openai/fake-model", base_url=server.base_url,
                      strategy="single", progress=None)  # fmt: skip
        aio.run(run.run())
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert {line["status"] for line in lines} == {"ok", "error", "skipped"}
    assert any("duplicate_of" in line for line in lines)
    keys = set().union(*lines)
    assert keys <= RESULT_LINE_KEYS, keys - RESULT_LINE_KEYS


@settings(max_examples=60, deadline=None)
@given(
    plural=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
    | st.sampled_from(["../../evil x", "a b", "", "Protests", "copy", "json", "model_x",
                       "x-y", "records", "status", "text", "9lives", "dict", "schema",
                       "prompt_tokens", "run_status", "error_message", "failed_calls"])
)  # fmt: skip
def test_a_plural_that_is_no_safe_name_is_refused(plural: str) -> None:
    """A plural names a JSON key, flatten's ``<plural>.csv`` and a SQL table: ``../x`` wrote
    files outside the folder, ``a b`` and ``""`` were accepted. Only lower-case letters,
    digits and underscores from a letter, no pydantic attribute and no reserved name."""
    import re

    from pydantic import BaseModel

    from extractor.errors import ConfigurationError
    from extractor.types.registry import RESERVED_PLURALS

    reload()
    before = [spec.name for spec in registered_types()]
    try:
        record = _user_type("walkout", plural)
    except TypeError:
        return
    plural = plural or "walkouts"  # none given: the type's name and "s"
    safe = (
        re.fullmatch(r"[a-z][a-z0-9_]{0,62}", plural) is not None
        and not hasattr(BaseModel, plural)
        and not plural.startswith("model_")
        and plural not in RESERVED_PLURALS
        and plural not in {spec.plural for spec in registered_types()}
    )
    if safe:
        assert register(record).plural == plural
        return
    with pytest.raises(ConfigurationError, match="plural"):
        register(record)
    assert [spec.name for spec in registered_types()] == before
