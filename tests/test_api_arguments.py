"""Every argument of the Python API is checked before any model call.

``extractor.extract``, ``Extractor(...)``, ``Document(...)`` and what is built
on them take their arguments from code, where nothing has checked them: a
``nan`` timeout failed in the HTTP client, a negative one on every request
after paying for the retries, ``types="visit"`` was read letter by letter, an
int date gave ``'int' object is not subscriptable``. Here every odd value is
generated (hypothesis), and each one is either accepted as a value the
pipeline can use, or refused with the project's own error in one line naming
the argument, while the fake server (tests/fakes/) counts that no request
reached it. The settings are :class:`~extractor.errors.ConfigurationError`;
a document field of the wrong type a ``TypeError``, one whose value is no
value an :class:`~extractor.errors.InputError` (a ``ValueError``), as for ids.

Lone surrogates in an article (a string cut inside a pair, ``"\\ud800"`` from
JSON) are replaced with U+FFFD and said in the result's warnings, as bulk
does for its rows, whichever way the text comes in.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import date
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor
from extractor import (
    ConfigurationError,
    Document,
    Extractor,
    InputError,
    build_requests,
    extract_many_sync,
)
from extractor.io.formats import RecordFields, record_to_document
from extractor.pipeline.engine import MAX_REASKS
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FAST = RetryPolicy(attempts=1)
ARTICLE = kano(5) + " Residents said the market had reopened by the afternoon."
SURROGATE_WARNING = "text held invalid characters (lone surrogates)"

#: Any float at all (nan, both infinities, -0.0, subnormals), and integers.
ANY_NUMBER = st.one_of(
    st.floats(),
    st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0, 5e-324, 1e308, -1.0]),
    st.integers(-(10**12), 10**12),
)
#: What a typo in code gives instead of a number.
NOT_A_NUMBER = st.one_of(
    st.text(max_size=6),
    st.booleans(),
    st.binary(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.just(1j),
)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(casualty_responder) as running:
        yield running


def make(server: FakeOpenAI, **options: Any) -> Extractor:
    return Extractor("openai/fake-model", base_url=server.base_url, retry_policy=FAST, **options)


def one_shot(server: FakeOpenAI, source: Any = ARTICLE, **options: Any) -> Any:
    """``extractor.extract``: the throwaway extractor and the call in one."""
    return extractor.extract(
        source, model="openai/fake-model", base_url=server.base_url, retry_policy=FAST, **options
    )


def refused(
    server: FakeOpenAI, error: type[BaseException], name: str, call: Callable[[], Any]
) -> str:
    """``call`` raises ``error`` in one line naming ``name``, and no request was sent."""
    before = len(server.requests)
    with pytest.raises(error) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message and name in message, message
    assert len(server.requests) == before
    return message


# ------------------------------------------------------------ timeout and temperature


@SETTINGS
@given(value=ANY_NUMBER)
def test_a_timeout_is_a_positive_finite_number_or_refused_before_any_call(
    server: FakeOpenAI, value: float
) -> None:
    try:
        ex = make(server, timeout=value)
    except ConfigurationError:
        assert not (math.isfinite(value) and value > 0)  # a usable value is never refused
        message = refused(
            server, ConfigurationError, "timeout", lambda: one_shot(server, timeout=value)
        )
        assert "seconds" in message  # says what to give
        return
    with ex:
        assert math.isfinite(ex.timeout) and ex.timeout > 0 and ex.timeout == value


@SETTINGS
@given(value=ANY_NUMBER)
def test_a_temperature_is_a_finite_number_from_0_or_refused_before_any_call(
    server: FakeOpenAI, value: float
) -> None:
    try:
        ex = make(server, temperature=value)
    except ConfigurationError:
        assert not (math.isfinite(value) and value >= 0)
        refused(
            server, ConfigurationError, "temperature", lambda: one_shot(server, temperature=value)
        )
        return
    with ex:
        assert math.isfinite(ex.temperature) and ex.temperature >= 0
        assert ex.temperature == value


@SETTINGS
@given(name=st.sampled_from(["timeout", "temperature"]), value=NOT_A_NUMBER)
def test_a_number_option_of_another_type_is_refused_naming_its_type(
    server: FakeOpenAI, name: str, value: Any
) -> None:
    message = refused(server, ConfigurationError, name, lambda: one_shot(server, **{name: value}))
    assert type(value).__name__ in message


def test_an_accepted_temperature_and_timeout_reach_the_request_as_given(server: FakeOpenAI) -> None:
    result = one_shot(server, temperature=0.5, timeout=30)
    assert len(result.casualty_reports) == 1
    assert server.requests[-1]["temperature"] == 0.5


# ------------------------------------------------------------ whole-number options

#: Each whole-number option and the least value it takes (None: the default, when allowed).
WHOLE = {"chunk_chars": 1, "chunk_overlap": 0, "max_tokens": 1, "max_retries": 0}
OPTIONAL = {"max_tokens"}


#: The options bounded above too: re-asks (``max_retries``) past a few never pay.
MOST = {"max_retries": MAX_REASKS}


def _usable_whole(value: Any, least: int, most: float = math.inf) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and float(value).is_integer() and least <= value <= most


@SETTINGS
@given(name=st.sampled_from(sorted(WHOLE)), value=st.one_of(ANY_NUMBER, NOT_A_NUMBER, st.none()))
def test_a_whole_number_option_is_that_number_or_refused_before_any_call(
    server: FakeOpenAI, name: str, value: Any
) -> None:
    """chunk_chars=0 was a bare ``ValueError: max_chars must be positive`` at the first
    document, max_tokens=0 silently the default, max_retries=1.5 a crash in a retry loop."""
    if value is None and name not in OPTIONAL:
        return  # None is no value these options take; the type check is the same
    try:
        ex = make(server, **{name: value})
    except ConfigurationError:
        assert not _usable_whole(value, WHOLE[name], MOST.get(name, math.inf))
        refused(server, ConfigurationError, name, lambda: one_shot(server, **{name: value}))
        return
    with ex:
        got = getattr(ex, name)
        if value is None:
            assert got is None
        else:
            assert _usable_whole(value, WHOLE[name], MOST.get(name, math.inf))
            assert type(got) is int and got == value and got >= WHOLE[name]


# ------------------------------------------------------------ types


@pytest.mark.parametrize("name", ["visit", "meeting", "arms_transfer", "casualty_report"])
def test_one_type_name_as_a_string_is_that_one_type(server: FakeOpenAI, name: str) -> None:
    with make(server, types=name) as alone, make(server, types=[name]) as listed:
        assert alone.types == listed.types == (name,)


def test_a_string_type_extracts_that_type_only(server: FakeOpenAI) -> None:
    """An article with cues of every type: one type named as a str is the one call."""
    article = f"{ARTICLE} The president visited Paris and met the prime minister."
    start = len(server.requests)
    every = one_shot(server, article)
    assert every.metadata.calls == len(server.requests) - start > 1
    start = len(server.requests)
    alone = one_shot(server, article, types="casualty_report")
    assert alone.metadata.calls == len(server.requests) - start == 1
    assert len(alone.casualty_reports) == 1


@SETTINGS
@given(
    value=st.one_of(
        st.integers(),
        st.floats(),
        st.just([]),
        st.just(()),
        st.sampled_from(["v", "", "visits", "visit,meeting", "Visit"]),
        st.lists(st.integers(), min_size=1, max_size=2),
    )
)
def test_types_that_name_no_known_type_are_refused_before_any_call(
    server: FakeOpenAI, value: Any
) -> None:
    message = refused(server, ConfigurationError, "type", lambda: one_shot(server, types=value))
    assert "visit" in message  # the choices are listed


# ------------------------------------------------------------ the other settings


@SETTINGS
@given(
    name=st.sampled_from(["model", "base_url", "api_key", "mode"]),
    value=st.one_of(
        st.integers(), st.floats(), st.binary(min_size=1), st.lists(st.text(), min_size=1)
    ),
)
def test_a_text_setting_of_another_type_is_refused_naming_it(
    server: FakeOpenAI, name: str, value: Any
) -> None:
    options = {"model": "openai/fake-model", "base_url": server.base_url, name: value}
    message = refused(
        server, ConfigurationError, name, lambda: extractor.extract(ARTICLE, **options)
    )
    assert type(value).__name__ in message
    if name == "api_key":
        assert repr(value) not in message  # a key is never shown


@SETTINGS
@given(
    name=st.sampled_from(["cache", "retry_policy", "strategy"]),
    value=st.one_of(st.integers(), st.floats(), st.lists(st.integers(), max_size=2), st.just("")),
)
def test_other_settings_of_the_wrong_kind_are_refused_naming_them(
    server: FakeOpenAI, name: str, value: Any
) -> None:
    options = {"model": "openai/fake-model", "base_url": server.base_url, name: value}
    refused(server, ConfigurationError, name, lambda: extractor.extract(ARTICLE, **options))


# ------------------------------------------------------------ published and doc_id


@SETTINGS
@given(
    value=st.one_of(
        st.integers(), st.floats(allow_nan=False), st.binary(min_size=1), st.lists(st.integers())
    )
)
def test_a_published_date_of_another_type_is_a_type_error_naming_it(
    server: FakeOpenAI, value: Any
) -> None:
    """``published=20240101`` was ``TypeError: 'int' object is not subscriptable``."""
    refused(server, TypeError, "published", lambda: one_shot(server, published=value))
    refused(server, TypeError, "published", lambda: Document("d", ARTICLE, published=value))


@SETTINGS
@given(value=st.sampled_from(["last Tuesday", "2023-02-30", "31/12/2023", "20240101x", "May 5"]))
def test_a_published_string_that_is_no_date_is_an_input_error_naming_it(
    server: FakeOpenAI, value: str
) -> None:
    for call in (
        lambda: one_shot(server, published=value),
        lambda: Document("d", ARTICLE, published=value),
    ):
        message = refused(server, InputError, "published", call)
        assert repr(value) in message and "YYYY-MM-DD" in message


@SETTINGS
@given(day=st.dates(date(1900, 1, 1), date(2100, 12, 31)), as_text=st.booleans())
def test_a_published_date_as_a_date_or_iso_string_anchors_the_result(
    server: FakeOpenAI, day: date, as_text: bool
) -> None:
    with make(server) as ex:
        result = ex.extract(ARTICLE, published=day.isoformat() if as_text else day)
    assert result.published == day


def test_a_missing_doc_id_is_an_input_error() -> None:
    import decimal

    import numpy

    missing_ids = (math.nan, math.inf, -math.inf, numpy.float32("nan"), decimal.Decimal("Infinity"))
    for missing in missing_ids:  # no id a document could be found by
        with pytest.raises(InputError, match="doc_id"):
            Document(missing, ARTICLE)


@SETTINGS
@given(blank=st.text(alphabet=" \t\n\r\u00a0\u3000\u2003", max_size=4))
def test_a_blank_doc_id_is_an_input_error(blank: str) -> None:
    """Two documents with a blank id came back under one key, and a frame showed NaN for
    it; bulk and extract_rows already made an id for a row without one."""
    with pytest.raises(InputError, match="blank"):
        Document(blank, ARTICLE)


# ------------------------------------------------------------ the batch functions' counts

BATCH_COUNTS = {"concurrency": 1, "abort_after": 0, "jobs": 1}


@SETTINGS
@given(
    name=st.sampled_from(sorted(BATCH_COUNTS)),
    value=st.one_of(ANY_NUMBER, NOT_A_NUMBER),
)
def test_a_batch_count_is_a_whole_number_or_refused_naming_it(
    server: FakeOpenAI, name: str, value: Any
) -> None:
    """``jobs="8"`` and ``concurrency="8"`` were raw comparison errors, ``2.5`` and ``True``
    taken: extract_many_sync and extract_rows check their counts as Extractor does."""
    from extractor.integrations.rows import extract_rows

    options = {"model": "openai/fake-model", "base_url": server.base_url, "retry_policy": FAST}
    rows = [{"id": "a", "text": ARTICLE}]
    if name == "jobs":
        call: Callable[[], Any] = lambda: extract_rows(rows, jobs=value, **options)  # noqa: E731
    else:
        call = lambda: list(extract_many_sync([ARTICLE], **{name: value}, **options))  # noqa: E731
    usable = _usable_whole(value, BATCH_COUNTS[name]) and (name != "concurrency" or value <= 1024)
    if not usable:
        refused(server, ConfigurationError, name, call)
        return
    [result] = call()
    assert (result["status"] if isinstance(result, dict) else result.status) == "ok"


@SETTINGS
@given(
    rows=st.one_of(
        st.dictionaries(st.sampled_from(["id", "text"]), st.text(max_size=5)),
        st.text(max_size=5),
        st.binary(max_size=5),
        st.none(),
        st.integers(),
    )
)
def test_rows_that_are_no_rows_are_a_type_error_naming_them(server: FakeOpenAI, rows: Any) -> None:
    """``extract_rows({"text": ...})`` gave an error row per column name, ``"abc"`` one per
    character: a single row, a str, bytes or None is no iterable of rows."""
    from extractor.integrations.rows import extract_rows

    refused(
        server, TypeError, "rows",
        lambda: extract_rows(rows, model="openai/fake-model", base_url=server.base_url),
    )  # fmt: skip


# ------------------------------------------------------------ Document's fields


@SETTINGS
@given(
    name=st.sampled_from(["text", "source", "title", "url", "meta", "warnings"]),
    value=st.one_of(
        st.integers(), st.floats(), st.binary(min_size=1), st.lists(st.integers(), min_size=1)
    ),
)
def test_a_document_field_of_the_wrong_type_is_a_type_error_naming_it(
    server: FakeOpenAI, name: str, value: Any
) -> None:
    fields: dict[str, Any] = {"doc_id": "d", "text": ARTICLE, name: value}
    refused(server, TypeError, name, lambda: Document(**fields))


def test_document_warnings_and_meta_are_kept_as_a_tuple_and_a_dict() -> None:
    one = Document("d", ARTICLE, warnings="one warning")
    assert one.warnings == ("one warning",)  # not its letters
    listed = Document("d", ARTICLE, warnings=["a", "b"])
    assert listed.warnings == ("a", "b") and listed == Document("d", ARTICLE, warnings=("a", "b"))
    proxied = Document("d", ARTICLE, meta=MappingProxyType({"k": 1}))
    assert proxied.meta == {"k": 1} and type(proxied.meta) is dict


# ------------------------------------------------------------ lone surrogates

SURROGATES = st.sampled_from(["\ud800", "\udbff", "\udc80", "\udcff", "\udfff", "\ud83d"])
#: Text after the reported sentence with lone surrogates among plain words.
TAILS = (
    st.lists(st.one_of(SURROGATES, st.text("abc xyz.,", max_size=6)), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda tail: any("\ud800" <= c <= "\udfff" for c in tail))
)


def _mended(text: str) -> str:
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


@SETTINGS
@given(tail=TAILS, form=st.sampled_from(["str", "Document", "extract_many"]))
def test_lone_surrogates_are_replaced_and_said_in_the_results_warnings(
    server: FakeOpenAI, tail: str, form: str
) -> None:
    """A lone surrogate was a ``UnicodeEncodeError`` from the cache key or the request.
    Each is now U+FFFD, one for one (the offsets hold), with the warning bulk gives."""
    article = f"{ARTICLE} {tail}"
    start = len(server.requests)
    with make(server) as ex:
        if form == "str":
            result = ex.extract(article)
        elif form == "Document":
            result = ex.extract(Document("d", article))
        else:
            [item] = extract_many_sync([Document("d", article)], extractor=ex)
            assert item.ok, item.error
            result = item.extraction
            assert result is not None and item.document is not None
            assert SURROGATE_WARNING in item.document.warnings  # bulk writes them beside
    warnings = [*result.metadata.warnings]
    if form == "extract_many":
        warnings += [*item.document.warnings]
    assert SURROGATE_WARNING in warnings
    document = result.document
    assert document is not None and document.text == _mended(article)
    [report] = result.casualty_reports
    assert document.text[report.evidence.start : report.evidence.end] == report.evidence.quote
    assert "\ufffd" in "\n".join(str(m["content"]) for m in server.requests[-1]["messages"])
    assert len(server.requests) > start
    # the same text bulk reads from a row holding the same characters
    row = record_to_document({"text": article}, fields=RecordFields(), doc_id="d", source="x:1",
                             fmt="jsonl")  # fmt: skip
    assert row.text == document.text


def test_lone_surrogates_in_an_html_string_do_not_cut_the_page(server: FakeOpenAI) -> None:
    """An HTML parser stops at a lone surrogate: the string is mended before it is parsed."""
    page = (
        "<!DOCTYPE html><html><head><title>Kano</title></head><body><article><h1>Attack</h1>"
        f"<p>{kano(7)} Residents \ud800 said the market had reopened by the afternoon and "
        "traders returned to their stalls.</p><p>The state governor called for calm and "
        "promised an inquiry into what happened at the market.</p></article></body></html>"
    )
    result = one_shot(server, page)
    assert result.document is not None and "the market had reopened" in result.document.text
    assert SURROGATE_WARNING in result.metadata.warnings


def test_requests_built_for_a_document_with_lone_surrogates_are_utf8(server: FakeOpenAI) -> None:
    with make(server) as ex:
        requests = build_requests(Document("d", f"{ARTICLE} \udcff."), ex)
    assert requests and all("\ufffd" in r.body.decode("utf-8") for r in requests)
