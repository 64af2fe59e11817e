"""Round 37: an id is a value's one text or none, a plural no result attribute, and a
plugin's BaseException a plugin that failed to load.

- A missing value of any dtype (None, NaN, ``pd.NA``, NaT, an infinity, a complex or
  Decimal NaN) is no id: ``extract_rows`` keys its row as a row without one (it named
  documents ``"<NA>"``, ``"NaT"``, ``"(nan+0j)"``, every later gap their duplicate), and
  ``Document`` refuses it in one line. A value of a kind no id can be (a complex, a
  timedelta, bytes, a list) is that row's error (a timedelta killed the whole call).
- A number's id is its value's text whatever its type: ``Decimal("7.0")`` was ``"7.0"``
  while ``7.0`` was ``"7"``, and ``Decimal("sNaN")`` a raw ``InvalidOperation``.
- A plugin plural that is an attribute of the result (``rows``, ``document``) made
  ``result.rows`` the method, not the records.
- A plugin raising ``CancelledError``, ``GeneratorExit`` or its own BaseException while
  loading was a traceback on the command line and, in Python, a registry quietly
  without it on the second use.
"""

from __future__ import annotations

import builtins
import datetime
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import ConfigurationError, Document, InputError
from extractor.integrations.rows import extract_rows, row_item
from extractor.pipeline.document import as_doc_id
from extractor.runtime.retrying import RetryPolicy
from extractor.types import register, registered_types
from extractor.types import registry as registry_module
from extractor.types.registry import reload
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --------------------------------------------------------------------- the values

_NOT_FINITE = st.sampled_from([math.nan, -math.nan, math.inf, -math.inf])
_FLOAT_TYPES = st.sampled_from([float, np.float16, np.float32, np.float64, np.longdouble])
_COMPLEX_TYPES = st.sampled_from([complex, np.complex64, np.complex128])
_UNITS = st.sampled_from(["", "D", "s", "ms", "ns"])


def _nat(kind: type, unit: str) -> Any:
    return kind("NaT", unit) if unit else kind("NaT")


def _complex(kind: type, part: float, other: float, imaginary: bool) -> Any:
    return kind(complex(other, part) if imaginary else complex(part, other))


#: Every missing value a table or a caller gives: none is an id.
MISSING = st.one_of(
    st.sampled_from([None, pd.NA, pd.NaT]),
    st.builds(_nat, st.sampled_from([np.datetime64, np.timedelta64]), _UNITS),
    st.builds(lambda kind, value: kind(value), _FLOAT_TYPES, _NOT_FINITE),
    st.builds(_complex, _COMPLEX_TYPES, _NOT_FINITE, st.floats(-1e6, 1e6), st.booleans()),
    st.sampled_from(["NaN", "-NaN", "sNaN", "-sNaN", "Infinity", "-Infinity"]).map(Decimal),
)
#: Values of kinds no id can be.
NO_ID_KIND = st.one_of(
    st.builds(_complex, _COMPLEX_TYPES, st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.booleans()),
    st.timedeltas(),
    st.integers(-(10**9), 10**9).map(lambda n: np.timedelta64(n, "s")),
    st.datetimes().map(lambda moment: np.datetime64(moment, "s")),
    st.datetimes(),
    st.dates(),
    st.datetimes(datetime.datetime(1700, 1, 1)).map(pd.Timestamp),
    st.binary(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.booleans(),
    st.booleans().map(np.bool_),
)


def _one_line(message: str, *names: str) -> None:
    assert "\n" not in message and all(name in message for name in names), message


# --------------------------------------------------------------------- Document


@SETTINGS
@given(value=MISSING)
def test_a_missing_value_is_no_documents_id(value: Any) -> None:
    """None, pd.NA, NaT of either numpy kind, a NaN or infinity of any float, complex or
    Decimal type (sNaN too): one InputError naming doc_id, never another id or a raw
    decimal.InvalidOperation."""
    with pytest.raises(InputError) as caught:
        Document(value, "Ministers met in Oslo.")
    _one_line(str(caught.value), "doc_id", "missing")


@SETTINGS
@given(value=NO_ID_KIND)
def test_a_value_of_a_kind_no_id_can_be_is_a_type_error_naming_it(value: Any) -> None:
    """np.complex64(1+2j) was accepted while a plain complex was refused: every complex,
    timedelta, date, bytes, bool or container is a TypeError naming doc_id and the type."""
    with pytest.raises(TypeError) as caught:
        Document(value, "Ministers met in Oslo.")
    _one_line(str(caught.value), "doc_id", type(value).__name__)


# --------------------------------------------------------------------- number ids


def _integral_forms(number: int, places: int) -> list[Any]:
    """``number`` as every type and spelling that holds it exactly."""
    forms: list[Any] = [
        number, Decimal(number), Decimal(f"{number}.{'0' * places}"),
        Decimal(f"{number * 10**places}E-{places}"), Fraction(number * (places + 1), places + 1),
    ]  # fmt: skip
    if places and number % 10**places == 0:
        forms.append(Decimal(f"{number // 10**places}E+{places}"))  # Decimal("1E+2")
    if int(float(number)) == number:
        forms += [float(number), np.float64(number)]
    if math.isfinite(np.float32(number)) and int(np.float32(number)) == number:
        forms.append(np.float32(number))
    for kind in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint32, np.uint64):
        if np.iinfo(kind).min <= number <= np.iinfo(kind).max:
            forms.append(kind(number))
    return forms


@SETTINGS
@given(
    number=st.integers(-(10**30), 10**30) | st.integers(-(2**60), 2**60).map(lambda n: n << 20),
    places=st.integers(0, 8),
)
def test_one_integral_value_is_one_id_whatever_its_type(number: int, places: int) -> None:
    """7, 7.0, Decimal("7.0"), Decimal("700E-2"), numpy.int8(7), Fraction(14, 2): one id,
    the integer's digits, for Document and for a row alike."""
    for form in _integral_forms(number, places):
        assert as_doc_id(form) == str(number), form
        assert row_item({"id": form, "text": "x"}).doc_id == str(number), form


@SETTINGS
@given(value=st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: f % 1 != 0))
def test_a_fraction_is_the_shortest_text_that_reads_back_whatever_its_type(value: float) -> None:
    """A float's id is what it has always been (its repr, "0.1", "1e-05"); the same value as
    numpy's, as Decimal (exactly or as its repr, with trailing zeros) and as a Fraction is
    the same id."""
    text = repr(value)
    forms: list[Any] = [value, np.float64(value), Decimal(value), Decimal(text), Fraction(value)]
    if "e" not in text:
        forms.append(Decimal(text + "000"))
    for form in forms:
        assert as_doc_id(form) == text, form
        assert row_item({"id": form, "text": "x"}).doc_id == text, form


@SETTINGS
@given(value=st.floats(width=32, allow_nan=False, allow_infinity=False))
def test_a_narrow_float_is_the_id_of_its_value(value: float) -> None:
    """numpy.float32(0.1) is the id "0.1": its text reads back as the value at its width
    (round 38: the shortest such text, tests/test_round38_ids.py)."""
    assert np.float32(as_doc_id(np.float32(value))) == np.float32(value)
    if abs(value) <= 65504:  # float16's largest
        assert np.float16(as_doc_id(np.float16(value))) == np.float16(value)


def test_a_number_with_no_decimal_text_or_too_many_digits_is_refused_naming_it() -> None:
    for value in (Fraction(1, 3), Decimal("1E+5000")):
        with pytest.raises(InputError) as caught:
            Document(value, "Ministers met in Oslo.")
        _one_line(str(caught.value), "doc_id", "as a string")
    # round 39: an integer is its digits at any length, as bulk keys a JSON one
    assert Document(10**5000, "Ministers met in Oslo.").doc_id == "1" + "0" * 5000


# --------------------------------------------------------------------- extract_rows


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(casualty_responder) as running:
        yield running


@settings(SETTINGS, max_examples=25)
@given(
    ids=st.lists(
        st.one_of(MISSING.map(lambda v: ("missing", v)), NO_ID_KIND.map(lambda v: ("kind", v))),
        min_size=1,
        max_size=4,
    ),
    column=st.sampled_from(["id", "doc_id", "ID"]),
)
def test_rows_keyed_by_no_id_are_rows_without_one_and_a_bad_kind_is_that_rows_error(
    server: FakeOpenAI, ids: list[tuple[str, Any]], column: str
) -> None:
    """Each row with a missing id is keyed by its text as a row without one (never
    "<NA>", "NaT", "(nan+0j)", never a duplicate of the row before); each id of a kind no
    id can be is that row's one error line; the row with a real id is extracted, and the
    call never raises."""
    rows = [{column: value, "text": kano(n + 2)} for n, (_, value) in enumerate(ids)]
    rows.append({"id": "real", "text": kano(20)})
    out = extract_rows(
        rows, model="openai/fake-model", base_url=server.base_url,
        retry_policy=RetryPolicy(attempts=1),
    )  # fmt: skip
    assert len(out) == len(rows)
    for (what, value), result in zip(ids, out, strict=False):
        assert result["doc_id"].startswith("sha256:"), (value, result)
        if what == "missing":
            assert result["status"] == "ok", (value, result)
        else:
            assert result["status"] == "error", (value, result)
            _one_line(result["reason"], "id", type(value).__name__)
    assert (out[-1]["doc_id"], out[-1]["status"]) == ("real", "ok")
    assert len({result["doc_id"] for result in out}) == len(out)


# --------------------------------------------------------------------- plurals


@pytest.fixture
def _fresh_registry() -> Iterator[None]:
    reload()
    yield
    reload()


def _user_type(plural: str) -> type:
    from pydantic import create_model

    from extractor import Record

    return create_model(  # type: ignore[call-overload,no-any-return]
        "Walkout", __base__=Record, __doc__="A walkout.",
        type=(Literal["walkout"], "walkout"),  # type: ignore[valid-type]
        plural=(ClassVar[str], plural),
    )  # fmt: skip


def _result_attribute_names() -> list[str]:
    """Every name ArticleExtraction answers to, read from the class (not a hand list)."""
    from extractor.pipeline.result import ArticleExtraction

    names = set(dir(ArticleExtraction)) | set(ArticleExtraction.model_fields)
    return sorted(names | set(ArticleExtraction.model_computed_fields))


@pytest.mark.usefixtures("_fresh_registry")
@pytest.mark.parametrize("plural", _result_attribute_names())
def test_a_plural_the_result_answers_to_is_refused_in_one_line(plural: str) -> None:
    """``result.rows`` is the method, ``result.document`` the Document, ``result.complete``
    a bool: a type whose plural is one of the result's attributes is refused, naming it,
    and the registry stays as it was."""
    before = [spec.name for spec in registered_types()]
    record = _user_type(plural)
    with pytest.raises(ConfigurationError) as caught:
        register(record)
    _one_line(str(caught.value), repr(plural), "plural")
    assert [spec.name for spec in registered_types()] == before


@pytest.mark.usefixtures("_fresh_registry")
def test_a_plural_the_result_does_not_answer_to_is_its_records() -> None:
    from extractor.pipeline.result import ArticleExtraction, ExtractionMetadata

    register(_user_type("walkouts"))
    metadata = ExtractionMetadata(model="m", prompt_version="p", schema_version="s",
                                  strategy="single")  # fmt: skip
    result = ArticleExtraction.model_validate({"walkouts": [], "metadata": metadata})
    assert result.walkouts == []


# --------------------------------------------------------------------- plugins

#: A plugin module raising each BaseException that is not an Exception.
RAISING = {
    "SystemExit": "raise SystemExit(0)",
    "GeneratorExit": "raise GeneratorExit()",
    "BaseExceptionGroup": "raise BaseExceptionGroup('two', [GeneratorExit(), ValueError()])",
    "CancelledError": "import asyncio\nraise asyncio.CancelledError()",
    "PluginAbort": "class PluginAbort(BaseException):\n    pass\nraise PluginAbort('no')",
}


def test_every_builtin_base_exception_but_ctrl_c_is_tried() -> None:
    kinds = {
        name for name, value in vars(builtins).items()
        if isinstance(value, type) and issubclass(value, BaseException)
        and not issubclass(value, Exception)
    }  # fmt: skip
    assert kinds - {"KeyboardInterrupt", "BaseException"} <= set(RAISING)


def _plugin_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """The registry's only plugin: ``boom``, whose module runs ``body`` when imported."""
    from importlib.metadata import EntryPoint

    name = f"r37plug_{abs(hash(body))}"
    (tmp_path / f"{name}.py").write_text(body + "\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    point = EntryPoint(name="boom", value=f"{name}:Boom", group=registry_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry_module, "entry_points", lambda group: [point])


@pytest.mark.usefixtures("_fresh_registry")
@pytest.mark.parametrize("kind", sorted(RAISING))
def test_a_plugin_raising_any_base_exception_fails_every_use_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The first use raised the plugin's own BaseException and the second went on without
    the plugin, no word said: each use is the same ConfigurationError naming the plugin."""
    _plugin_module(tmp_path, monkeypatch, RAISING[kind])
    messages = []
    for _ in range(2):
        with pytest.raises(ConfigurationError) as caught:
            registered_types()
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    _one_line(messages[0], "plugin 'boom'", "failed to load")


@pytest.mark.usefixtures("_fresh_registry")
def test_ctrl_c_while_a_plugin_loads_stops_and_the_next_use_loads_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C is no plugin's failure: it stops the program; a later use loads afresh rather
    than see a registry without the plugin."""
    _plugin_module(tmp_path, monkeypatch, "raise KeyboardInterrupt")
    for _ in range(2):
        with pytest.raises(KeyboardInterrupt):
            registered_types()


@pytest.mark.parametrize("kind", ["CancelledError", "GeneratorExit", "PluginAbort"])
def test_a_plugin_raising_a_base_exception_is_one_line_on_the_command_line(
    tmp_path: Path, kind: str
) -> None:
    plugin = tmp_path / "plug"
    (plugin / "badplug-0.1.dist-info").mkdir(parents=True)
    (plugin / "badplug-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: badplug\nVersion: 0.1\n"
    )
    (plugin / "badplug-0.1.dist-info" / "entry_points.txt").write_text(
        "[extractor.record_types]\nboom = badplug:Boom\n"
    )
    (plugin / "badplug.py").write_text(RAISING[kind] + "\n")
    env = {**os.environ, "PYTHONPATH": str(plugin)}
    done = subprocess.run([sys.executable, "-m", "extractor", "types"], capture_output=True,
                          text=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 2, done.stderr
    [line] = [line for line in done.stderr.splitlines() if line.strip()]
    assert "plugin 'boom'" in line and kind in line, line
