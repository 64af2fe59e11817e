"""A user's record type with settings the pipeline cannot use is refused in one line, and a
class defined again where it was (a notebook cell run twice) replaces its old registration.

Round 41: ``cue_words = ("(",)`` raised a bare ``re.error`` from ``Extractor(types=[T])``,
``guidance = 3`` an ``AttributeError``; running the cell that defines ``class Protest``
twice made every later ``Extractor(types=[Protest])`` refuse "two record types are named
'protest' (__main__ and __main__)" until the interpreter restarted.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import ConfigurationError, Record
from extractor.blank import is_blank
from extractor.types.registry import get_type, register, reload, resolve_types

_SERIAL = itertools.count()


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    reload()
    yield
    reload()


def _make(settings: dict[str, Any], *, module: str = "tests.fake_types") -> type[Record]:
    """A record class with a fresh type name and the given class settings."""
    name = f"gen{next(_SERIAL)}"
    body: dict[str, Any] = {
        "__module__": module,
        "__qualname__": name.title(),
        "__annotations__": {"type": Literal[name]},  # type: ignore[valid-type]
        "type": name,
        **settings,
    }
    return type(name.title(), (Record,), body)


def _refused(settings: dict[str, Any], attribute: str) -> str:
    record = _make(settings)
    with pytest.raises(ConfigurationError) as caught:
        register(record)
    message = str(caught.value)
    assert record.record_type in message and attribute in message, message
    assert "\n" not in message
    return message


_WRONG = st.one_of(
    st.integers(),
    st.floats(allow_nan=False),
    st.binary(min_size=1),
    st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2),
    st.sets(st.integers(), min_size=1, max_size=2),
)
_BLANK = st.text(alphabet=" \t\n\r\u00a0\u200b\ufeff\u3164", max_size=4)  # the one blank rule


@given(value=_WRONG)
def test_guidance_and_plural_of_the_wrong_kind_are_refused(value: Any) -> None:
    _refused({"guidance": value}, "guidance")
    _refused({"plural": value}, "plural")
    _refused({"evidence_cue_meaning": value}, "evidence_cue_meaning")


@given(
    value=st.one_of(
        _WRONG,
        st.text(min_size=1),  # a bare string: its letters are no list of words
        st.lists(st.one_of(_WRONG, _BLANK), min_size=1, max_size=3).map(tuple),
        st.lists(_BLANK, min_size=1, max_size=3),
    ),
    attribute=st.sampled_from(["cue_words", "examples"]),
)
def test_words_and_examples_that_are_no_tuple_of_strings_are_refused(
    value: Any, attribute: str
) -> None:
    _refused({attribute: value}, attribute)


@given(value=st.one_of(_WRONG, st.lists(st.text(), min_size=1, max_size=2).map(tuple)))
def test_evidence_cues_that_are_no_patterns_are_refused(value: Any) -> None:
    _refused({"evidence_cues": value}, "evidence_cues")


_FRAGMENT = st.text(alphabet=string.ascii_lowercase[:4] + r"()[]{}*+?|\^$.-,0123456789<>=!:P?#",
                    min_size=1, max_size=8)  # fmt: skip


@given(words=st.lists(_FRAGMENT, min_size=1, max_size=3))
def test_cue_words_are_a_gate_or_refused_by_name(words: list[str]) -> None:
    """Any fragment of regex syntax: the type registers with a gate that runs, or is refused
    naming the type and ``cue_words``; never an ``re.error`` or another exception."""
    record = _make({"cue_words": tuple(words)})
    try:
        spec = register(record)
    except ConfigurationError as error:
        assert record.record_type in str(error) and "cue_words" in str(error)
        return
    assert spec.cues is not None
    for word in words:
        assert re.compile(word).fullmatch("") is None  # a word matching nothing passes all
    spec.cues["*"].search("some text about dab and abc")


@given(words=st.lists(st.text(min_size=1, max_size=10).filter(lambda w: not is_blank(w)),
                      min_size=1, max_size=3))  # fmt: skip
def test_escaped_words_are_always_accepted(words: list[str]) -> None:
    spec = register(_make({"cue_words": tuple(re.escape(w) for w in words)}))
    assert spec.cues is not None


@pytest.mark.parametrize("word", ["(", "[a-", "a{2,1}", "(?<=a+)b", "*x"])
def test_an_invalid_cue_word_is_named(word: str) -> None:
    message = _refused({"cue_words": ("protest", word)}, "cue_words")
    assert repr(word) in message and "re.escape" in message


def test_cue_words_that_clash_only_together_are_refused() -> None:
    _refused({"cue_words": ("(?P<w>a)", "(?P<w>b)")}, "cue_words")


def test_good_settings_still_register_and_blank_guidance_falls_back_to_the_docstring() -> None:
    record = _make({
        "__doc__": "A rally.",
        "guidance": "  ",
        "examples": ("one example",),
        "cue_words": [r"rall(?:y|ies)", "march\\w*"],
        "plural": None,
    })  # fmt: skip
    spec = register(record)
    assert spec.guidance.startswith("A rally.")
    assert spec.cues is not None and spec.cues["*"].search("a rally in town")


_NOTEBOOK = '''
from typing import Literal
from extractor import Count, Record

class Protest(Record):
    """Run {run}."""

    type: Literal["{name}"] = "{name}"
    participants: Count | None = None
'''


def _define(namespace: dict[str, Any], name: str, run: int) -> type[Record]:
    # As a notebook cell runs: compiled on its own, not under this file's
    # ``from __future__ import annotations``, which would leave ``Count | None`` a string
    # no module named ``namespace["__name__"]`` can resolve (a type refused as undefined).
    cell = compile(_NOTEBOOK.format(name=name, run=run), "<cell>", "exec", dont_inherit=True)
    exec(cell, namespace)
    record: type[Record] = namespace["Protest"]
    return record


@given(runs=st.integers(min_value=2, max_value=6), module=st.sampled_from(["__main__", "nb.cell"]))
def test_a_class_defined_again_at_the_same_place_replaces_the_old(runs: int, module: str) -> None:
    name = f"protest{next(_SERIAL)}"
    namespace: dict[str, Any] = {"__name__": module}
    for run in range(runs):
        record = _define(namespace, name, run)
        (spec,) = resolve_types([record])
        assert spec.record is record and get_type(name).record is record
        assert "visit" in {s.name for s in resolve_types(["visit", record])}
    # every definition given at once: one type, the newest
    assert [s.record for s in resolve_types([record, "visit"])] == [
        record,
        get_type("visit").record,
    ]


@given(runs=st.integers(min_value=2, max_value=4))
def test_old_and_new_definitions_chosen_together_are_one_type(runs: int) -> None:
    name = f"protest{next(_SERIAL)}"
    namespace: dict[str, Any] = {"__name__": "__main__"}
    defined = [_define(namespace, name, run) for run in range(runs)]
    specs = resolve_types(["visit", *defined, "meeting"])
    assert [s.name for s in specs] == ["visit", name, "meeting"]
    assert specs[1].record is defined[-1]


@given(modules=st.tuples(st.sampled_from(["__main__", "a.b"]), st.sampled_from(["c", "a.d"])))
def test_two_classes_of_one_name_defined_in_different_places_still_clash(
    modules: tuple[str, str],
) -> None:
    name = f"protest{next(_SERIAL)}"
    first = _define({"__name__": modules[0]}, name, 0)
    second = _define({"__name__": modules[1]}, name, 1)
    register(first)
    with pytest.raises(ConfigurationError, match="two record types are named") as caught:
        register(second)
    assert f"{modules[0]}.Protest" in str(caught.value)
    assert f"{modules[1]}.Protest" in str(caught.value)
    assert get_type(name).record is first


def test_two_classes_in_one_module_with_different_qualnames_still_clash() -> None:
    first = _make({}, module="nb")
    second_named = type(
        "Other",
        (Record,),
        {
            "__module__": "nb",
            "__qualname__": "Other",
            "__annotations__": {"type": Literal[first.record_type]},  # type: ignore[valid-type]
            "type": first.record_type,
        },
    )
    register(first)
    with pytest.raises(ConfigurationError, match="two record types are named"):
        register(second_named)


_CELL_WITH_A_FIELD = '''
from typing import Literal
from extractor import Count, Record

class Rally(Record):
    """A rally."""

    type: Literal["{name}"] = "{name}"
    {field}: Count | None = None
'''


@given(
    fields=st.lists(st.sampled_from(["crowd", "size", "marchers", "people"]), min_size=2,
                    max_size=2, unique=True),
    same=st.booleans(),
)  # fmt: skip
def test_a_result_of_a_type_defined_again_without_its_fields_is_flattened_with_a_warning(
    fields: list[str], same: bool
) -> None:
    """A notebook cell run again with another field: the old result's table has the new
    columns, so its own field is left out, and a warning names it (it used to go unseen)."""
    import warnings

    from extractor import Evidence, results_to_frame
    from extractor.pipeline.result import ArticleExtraction, ExtractionMetadata

    name = f"rally{next(_SERIAL)}"
    namespace: dict[str, Any] = {"__name__": "__main__"}

    def define(field: str) -> type[Record]:
        cell = _CELL_WITH_A_FIELD.format(name=name, field=field)
        exec(compile(cell, "<cell>", "exec", dont_inherit=True), namespace)
        record: type[Record] = namespace["Rally"]
        return record

    old = define(fields[0])
    (spec,) = resolve_types([old])
    made = old(evidence=Evidence(quote="A rally.", start=0, end=8, alignment="exact"))
    meta = ExtractionMetadata(model="m", prompt_version="p", schema_version="1", strategy="single")
    result = ArticleExtraction(doc_id="d1", metadata=meta, **{spec.plural: [made]})
    resolve_types([define(fields[0] if same else fields[1])])  # as the next run's Extractor
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = results_to_frame([result], name)
    said = [str(w.message) for w in caught if "defined again" in str(w.message)]
    assert len(frame) == 1
    assert said == ([] if same else [said[0]]) and all(fields[0] in s for s in said)
