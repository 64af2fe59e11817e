"""The Python API takes an article as a str, a Path or a Document, and reads it as bulk would.

The real pipeline runs against the fake OpenAI-compatible server on loopback
(tests/fakes/): its model answers one casualty record whose date is the
expression the article uses ("yesterday", "on Friday" ...), citing the
sentence that says it, so what is checked is the whole path: reading the
input, the prompt, the answer's resolution against the publication date,
and the evidence offsets. Inputs are generated (hypothesis): publication
dates, the front-matter key and spelling or the HTML metadata that carries
them, relative expressions, the form the article is passed in.
"""

from __future__ import annotations

import asyncio
import calendar
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractor import (
    DateValue,
    Document,
    Extractor,
    InputError,
    extract_many_sync,
    read_document,
)
from extractor.blank import is_blank
from extractor.io.documents import STRING_SOURCE, text_format, to_document
from extractor.runtime.retrying import RetryPolicy
from extractor.text.dates import WEEKDAY_NAMES
from tests.fakes.kano import EMPTY
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
#: The sentence the fake model reports; ``{when}`` is the date expression under test.
SENTENCE = "At least 5 people were killed in Kano, Nigeria {when}."
#: The rest of the article: enough prose for trafilatura to tell an article from page chrome.
FILLER = (
    "Residents said the market had reopened by the afternoon and traders returned to their stalls.",
    "The state governor called for calm and promised an inquiry into what happened at the market.",
)
_CITED = re.compile(r"\[(\d+)\] At least 5 people were killed in Kano, Nigeria (?P<when>[^.\n]+)\.")


def kano_model(body: dict[str, Any]) -> str:
    """One casualty record, dated as the article words it, citing the sentence that says so."""
    text = "\n".join(str(m.get("content")) for m in body.get("messages", []))
    found = _CITED.search(text)
    if found is None:
        return EMPTY
    record = {
        "killed": 5, "injured": None, "qualifier": "at_least", "victims": None,
        "perpetrator": None, "country": "NGA", "place": "Kano", "date": found.group("when"),
        "scope": "event", "violence_type": None, "status": "occurred", "attribution": None,
        "evidence": [int(found.group(1))],
    }  # fmt: skip
    return json.dumps({**json.loads(EMPTY), "casualty_reports": [record]})


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(kano_model) as running:
        yield running


@pytest.fixture(scope="module")
def extractor(server: FakeOpenAI) -> Iterator[Extractor]:
    with Extractor(
        "openai/fake-model", base_url=server.base_url, retry_policy=RetryPolicy(attempts=1)
    ) as ex:
        yield ex


def prompts_since(server: FakeOpenAI, start: int) -> str:
    return "\n".join(record.message_text for record in server.log[start:])


# ---------------------------------------------------------------- generators


@dataclass(frozen=True)
class Relative:
    """A relative date expression and, computed independently of the resolver, its day."""

    words: str
    day: Callable[[date], date]


def _weekday_on_or_before(name: str) -> Callable[[date], date]:
    def day(published: date) -> date:
        found = published
        while found.strftime("%A") != name:
            found -= timedelta(days=1)
        return found

    return day


RELATIVES = st.one_of(
    st.just(Relative("yesterday", lambda p: p - timedelta(days=1))),
    st.just(Relative("today", lambda p: p)),
    st.integers(2, 30).map(lambda n: Relative(f"{n} days ago", lambda p: p - timedelta(days=n))),
    st.sampled_from([name.title() for name in WEEKDAY_NAMES]).map(
        lambda name: Relative(f"on {name}", _weekday_on_or_before(name))
    ),
)
#: htmldate accepts page dates from 1995 to today only.
PUBLISHED = st.dates(min_value=date(2000, 1, 1), max_value=date.today() - timedelta(days=1))


def _front_matter_value(day: date, style: str) -> str:
    return {
        "yaml-date": day.isoformat(),
        "quoted-iso": f'"{day.isoformat()}"',
        "timestamp": f"{day.isoformat()}T09:30:00Z",
        "month-first": f'"{day.strftime("%B")} {day.day}, {day.year}"',
        "day-first": f'"{day.day} {day.strftime("%B")} {day.year}"',
    }[style]


@st.composite
def markdown_articles(draw: st.DrawFn, published: date, body: str) -> str:
    key = draw(st.sampled_from(["date", "published", "published_time"]))
    style = draw(
        st.sampled_from(["yaml-date", "quoted-iso", "timestamp", "month-first", "day-first"])
    )
    title = draw(st.text("abcdefghij klmnop", min_size=1, max_size=30).map(str.strip))
    assume(title)
    front = f"title: {title}\n{key}: {_front_matter_value(published, style)}\n"
    return f"---\n{front}---\n\n{body}\n\n" + "\n\n".join(FILLER) + "\n"


def html_page(published: date, body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Kano</title>"
        f'<meta property="article:published_time" content="{published.isoformat()}">'
        "</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>Attack in Kano</h1><p>{body}</p>{''.join(f'<p>{p}</p>' for p in FILLER)}"
        "</article>"
        "<footer>Copyright News Ltd</footer></body></html>"
    )


# ------------------------------------------------------------ dates resolve


FORMS = ["markdown str", "html str", "markdown Path", "html Path", "Document"]


@SETTINGS
@given(published=PUBLISHED, relative=RELATIVES, form=st.sampled_from(FORMS), data=st.data())
def test_relative_dates_resolve_against_the_date_the_input_carries(
    server: FakeOpenAI,
    extractor: Extractor,
    tmp_path_factory: pytest.TempPathFactory,
    published: date,
    relative: Relative,
    form: str,
    data: st.DataObject,
) -> None:
    body = SENTENCE.format(when=relative.words)
    if form.startswith("html"):
        article = html_page(published, body)
    else:
        article = data.draw(markdown_articles(published, body))
    source: str | Path | Document = article
    if "Path" in form or form == "Document":
        folder = tmp_path_factory.mktemp("articles")
        path = folder / ("article.html" if form.startswith("html") else "article.md")
        path.write_text(article, encoding="utf-8")
        source = path if "Path" in form else read_document(path)
    start = len(server.log)

    result = extractor.extract(source)

    assert result.published == published
    [record] = result.casualty_reports
    expected = relative.day(published)
    assert record.date is not None and record.date.text == relative.words
    assert record.date.as_date() == expected
    assert record.date.range() == (expected, expected)
    document = result.document
    assert document is not None and body in document.text
    evidence = record.evidence
    assert evidence.start is not None and evidence.end is not None
    assert document.text[evidence.start : evidence.end] == evidence.quote
    sent = prompts_since(server, start)
    assert body in sent  # the article went out ...
    wrapping = ("<p>", "<meta", "<!DOCTYPE", "World", "Copyright", "---", "title:", "date:",
                "published:", "published_time:")  # fmt: skip
    for shown in wrapping:  # ... without its markup, page chrome or front matter
        assert shown not in sent


@SETTINGS
@given(in_file=PUBLISHED, given_date=PUBLISHED, relative=RELATIVES, data=st.data())
def test_the_callers_published_date_wins_over_the_inputs(
    extractor: Extractor, in_file: date, given_date: date, relative: Relative, data: st.DataObject
) -> None:
    assume(in_file != given_date)
    article = data.draw(markdown_articles(in_file, SENTENCE.format(when=relative.words)))

    result = extractor.extract(article, published=given_date.isoformat(), doc_id="kano")

    assert result.published == given_date and result.doc_id == "kano"
    [record] = result.casualty_reports
    assert record.date is not None and record.date.as_date() == relative.day(given_date)


def _impossible_day(year: int, month: int, extra: int) -> str:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{min(last + extra, 39):02d}"


@SETTINGS
@given(
    year=st.integers(1950, 2090),
    month=st.integers(1, 12),
    extra=st.integers(1, 8),
    key=st.sampled_from(["date", "published"]),
)
def test_a_date_in_front_matter_that_is_no_date_is_a_warning_not_a_lost_document(
    extractor: Extractor, year: int, month: int, extra: int, key: str
) -> None:
    impossible = _impossible_day(year, month, extra)
    article = f"---\n{key}: {impossible}\n---\n{SENTENCE.format(when='yesterday')}\n"

    result = extractor.extract(article)

    assert result.published is None  # nothing to anchor "yesterday" to ...
    [record] = result.casualty_reports  # ... but the record is there
    assert record.date is not None and record.date.as_date() is None
    assert record.date.range() is None
    [warning, *_] = result.metadata.warnings
    assert "front matter" in warning and repr(key) in warning and impossible in warning
    assert "\n" not in warning


@SETTINGS
@given(
    prefix=st.lists(
        st.text("abcdefgh ,;", min_size=1, max_size=30).map(str.strip).filter(bool), max_size=3
    ),
    newline=st.sampled_from(["\n", "\r\n", "\n\n", "\r\n\r\n"]),
    indent=st.sampled_from(["", " ", "  \t"]),
    relative=RELATIVES,
)
def test_a_plain_string_is_used_verbatim_and_offsets_index_it(
    extractor: Extractor, prefix: list[str], newline: str, indent: str, relative: Relative
) -> None:
    lines = [f"{indent}{words}." for words in prefix]
    text = newline.join([*lines, indent + SENTENCE.format(when=relative.words), ""])

    result = extractor.extract(text, published=date(2024, 3, 9))

    assert result.document is not None and result.document.text is text
    assert result.document.source == STRING_SOURCE
    [record] = result.casualty_reports
    evidence = record.evidence
    assert evidence.start is not None and evidence.end is not None
    assert text[evidence.start : evidence.end] == evidence.quote
    assert record.date is not None and record.date.as_date() == relative.day(date(2024, 3, 9))


# ------------------------------------------------------------ reading strings


PROSE = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(text=PROSE)
def test_a_string_that_opens_with_no_markup_is_text(text: str) -> None:
    assume(not text.lstrip("\ufeff \t\r\n").startswith("<") and not text.startswith("---"))
    assert text_format(text) == "text"
    document = to_document(text)
    assert document.text is text and document.published is None


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(
    words=st.lists(st.sampled_from(["the", "minister", "said", "Kano", "talks", "on"]), min_size=3),
    wrapper=st.sampled_from(
        ["<!DOCTYPE html><html><body><p>{}</p></body></html>", "<html><body><p>{}</p></body></html>",
         "  \n<article><p>{}</p></article>", "<p>{}</p>", "<div><p>{}</p></div>",
         "<!-- saved page -->\n<html><body><main><p>{}</p></main></body></html>"]
    ),
)  # fmt: skip
def test_a_string_that_opens_like_a_page_is_read_as_html(words: list[str], wrapper: str) -> None:
    sentence = " ".join(words).capitalize() + "."
    page = wrapper.format(sentence)
    assert text_format(page) == "html"
    document = to_document(page)
    assert document.text == sentence and "<" not in document.text


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(
    front=st.dictionaries(
        st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True),
        st.one_of(st.integers(), st.from_regex(r"[A-Za-z ]{1,20}", fullmatch=True)),
        max_size=5,
    ),
    body=st.from_regex(r"[A-Z][a-z]{2,10}( [a-z]{2,10}){2,8}\.", fullmatch=True),
)
def test_front_matter_is_split_off_a_string_like_a_file(front: dict[str, Any], body: str) -> None:
    block = "".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items())
    text = f"---\n{block}---\n{body}\n"
    assert text_format(text) == "markdown"
    document = to_document(text)
    assert document.text == body
    assert document.meta.get("front_matter", {}) == front


# ------------------------------------------------------------ bad input


def _offline_extractor() -> Extractor:
    # Nothing listens on port 9: a test that reached the network would fail loudly.
    return Extractor("openai/fake-model", base_url="http://127.0.0.1:9/v1")


@settings(max_examples=40, deadline=None, database=None, derandomize=True)
@given(
    source=st.one_of(
        st.none(), st.integers(), st.floats(), st.binary(), st.booleans(),
        st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    )
)  # fmt: skip
def test_a_source_of_another_type_is_one_line_saying_what_to_pass(source: Any) -> None:
    with _offline_extractor() as ex, pytest.raises(InputError) as caught:
        ex.extract(source)
    message = str(caught.value)
    assert "\n" not in message
    assert type(source).__name__ in message and "pathlib.Path" in message


@settings(max_examples=30, deadline=None, database=None, derandomize=True)
@given(
    name=st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True),
    suffix=st.sampled_from([".md", ".txt", ".html", ".pdf", ".docx", ""]),
)
def test_a_path_that_cannot_be_read_is_one_line_naming_it(
    tmp_path_factory: pytest.TempPathFactory, name: str, suffix: str
) -> None:
    path = tmp_path_factory.getbasetemp() / "missing" / f"{name}{suffix}"
    with _offline_extractor() as ex, pytest.raises(InputError) as caught:
        ex.extract(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message


# ------------------------------------------------------------ async with


def test_async_with_closes_the_client_it_opened_and_the_background_loop(
    server: FakeOpenAI,
) -> None:
    article = SENTENCE.format(when="yesterday")

    async def run() -> tuple[Extractor, Any]:
        async with Extractor("openai/fake-model", base_url=server.base_url, cache=False) as ex:
            first = await ex.aextract(article, published="2024-03-09")
            client = ex._client().client  # the running loop's HTTP client
            # a blocking call in between runs on the extractor's own background loop
            second = await asyncio.to_thread(ex.extract, article, published="2024-03-09")
            assert first.casualty_reports == second.casualty_reports
            assert ex._loop_thread is not None and ex._loop_thread.is_alive()
            thread = ex._loop_thread
        assert client.is_closed()
        assert not thread.is_alive()
        return ex, client

    ex, _ = asyncio.run(run())
    assert len(ex._clients) == 0 and ex._loop is None


def test_async_with_closes_the_cache(tmp_path: Path, server: FakeOpenAI) -> None:
    async def run() -> Extractor:
        async with Extractor(
            "openai/fake-model", base_url=server.base_url, cache=tmp_path / "cache.sqlite"
        ) as ex:
            await ex.aextract(SENTENCE.format(when="today"), published="2024-03-09")
            assert ex.cache is not None
        return ex

    assert asyncio.run(run()).cache is None


# ------------------------------------------------------------ typed dates


@st.composite
def date_values(draw: st.DrawFn) -> tuple[DateValue, date, date]:
    """A DateValue at a generated precision, with the days it covers computed here."""
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    value, first, last = _period(day, precision)
    end: str | None = None
    if draw(st.booleans()):
        later = draw(st.dates(min_value=last, max_value=date(2100, 12, 31)))
        end_precision = draw(st.sampled_from(["day", "month", "year"]))
        end, _, last = _period(later, end_precision)
    return DateValue(text="as written", value=value, end=end), first, last


def _period(day: date, precision: str) -> tuple[str, date, date]:
    if precision == "day":
        return day.isoformat(), day, day
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return f"{day.year:04d}-{day.month:02d}", day.replace(day=1), day.replace(day=last)
    return f"{day.year:04d}", date(day.year, 1, 1), date(day.year, 12, 31)


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(generated=date_values())
def test_a_date_gives_the_days_it_covers_and_its_json_is_unchanged(
    generated: tuple[DateValue, date, date],
) -> None:
    value, first, last = generated
    assert value.as_date() == first
    assert value.range() == (first, last)
    assert value.value is not None and first.isoformat().startswith(value.value)
    dumped = json.loads(value.model_dump_json())
    assert set(dumped) == {"text", "value", "precision", "kind", "end"}
    assert dumped["value"] == value.value and DateValue.model_validate(dumped) == value


def test_an_unresolved_date_has_no_day() -> None:
    unresolved = DateValue(text="since the coup", kind="unresolved")
    assert unresolved.as_date() is None and unresolved.range() is None


@settings(deadline=None)
@given(day=st.dates(date(1900, 1, 1), date(2100, 12, 31)), hour=st.integers(0, 23),
       form=st.sampled_from(["date", "iso", "iso-time", "datetime", "timestamp"]))  # fmt: skip
def test_a_publication_date_from_a_table_is_a_date(day: date, hour: int, form: str) -> None:
    """pandas gives a date column as strings or Timestamps: a Document takes either as the
    day it names (it failed later, in bulk's hashing, far from where it came in)."""
    import datetime as dt

    import pandas as pd

    value: Any = {
        "date": day, "iso": day.isoformat(), "iso-time": f"{day.isoformat()}T{hour:02d}:00:00Z",
        "datetime": dt.datetime(day.year, day.month, day.day, hour),
        "timestamp": pd.Timestamp(day.year, day.month, day.day, hour),
    }[form]  # fmt: skip
    assert Document("d", "text", published=value).published == day


def test_a_missing_or_wrong_publication_date_is_said() -> None:
    import math

    import numpy as np
    import pandas as pd

    for missing in (None, "", "  ", math.nan, pd.NaT, pd.NA, np.datetime64("NaT"), "NaT", "nan"):
        assert Document("d", "text", published=missing).published is None
    assert Document("d", "text", published=np.datetime64("2024-01-05")).published == date(
        2024, 1, 5
    )
    with pytest.raises(ValueError, match="is not a date"):
        Document("d", "text", published="last Tuesday")


# ------------------------------------------- ids from tables, and a path passed as a str

numeric_ids = st.one_of(
    st.integers(-(10**12), 10**12),
    st.integers(-(10**9), 10**9).map(float),  # pandas: an integer column with a gap
    st.integers(0, 10**9).map(lambda n: __import__("numpy").int64(n)),
    st.integers(0, 10**6).map(lambda n: __import__("numpy").float64(n)),
)


@SETTINGS
@given(ids=st.lists(numeric_ids, min_size=1, max_size=4, unique_by=lambda v: int(v)))
def test_numeric_ids_from_a_table_are_their_digits_and_every_document_is_extracted(
    server: FakeOpenAI, ids: list[Any]
) -> None:
    """The README's pipeline with an integer id column: each document is extracted once and
    its result carries the id as digits; before, every one failed after the call was paid."""
    from extractor import extract_many_sync, results_to_frame

    documents = [Document(doc_id, SENTENCE.format(when="on Friday"), date(2024, 3, 8))
                 for doc_id in ids]  # fmt: skip
    assert [d.doc_id for d in documents] == [str(int(v)) for v in ids]
    with Extractor("openai/fake-model", base_url=server.base_url,
                   retry_policy=RetryPolicy(attempts=1)) as ex:  # fmt: skip
        results = list(extract_many_sync(documents, extractor=ex))
    assert all(r.ok for r in results), [r.error for r in results]
    frame = results_to_frame(results, "casualty_report")
    assert sorted(frame["doc_id"]) == sorted(str(int(v)) for v in ids)


@SETTINGS
@given(bad=st.sampled_from([None, True, float("nan"), [1], {"a": 1}]))
def test_an_id_that_is_no_id_is_refused_before_any_call(server: FakeOpenAI, bad: Any) -> None:
    before = len(server.requests)
    with pytest.raises((TypeError, ValueError), match="doc_id"):
        Document(bad, "At least 5 people were killed in Kano.")
    if bad is not None:  # extract's doc_id=None is "none given": the text's hash is the id
        with (
            Extractor("openai/fake-model", base_url=server.base_url) as ex,
            pytest.raises((TypeError, ValueError), match="doc_id"),
        ):
            ex.extract("At least 5 people were killed in Kano.", doc_id=bad)
    assert len(server.requests) == before


@SETTINGS
@given(name=st.text(st.characters(codec="utf-8", exclude_characters="/\0\n\r"), min_size=1,
                    max_size=20).filter(lambda n: n.strip() not in ("", ".", "..")),
       spaced=st.booleans())  # fmt: skip
def test_a_str_that_names_a_file_is_refused_before_any_call(
    server: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory, name: str, spaced: bool
) -> None:
    """``extract("news/a.txt")`` would pay the model to read a path: the str is refused,
    naming it, and pathlib.Path reads the same file."""
    folder = tmp_path_factory.mktemp("named")
    path = folder / f"{name.strip()}.txt"
    path.write_text(SENTENCE.format(when="on Friday") + "\n" + FILLER[0] + "\n")
    before = len(server.requests)
    with Extractor("openai/fake-model", base_url=server.base_url) as ex:
        with pytest.raises(InputError, match=r"pathlib\.Path"):
            ex.extract(f" {path} " if spaced else str(path))
        assert len(server.requests) == before
        assert ex.extract(path).document.text.startswith("At least 5")


def not_blank(text: str) -> bool:
    """A blank id is refused (tests/test_round42_blank.py); these ids are about surrogates."""
    return not is_blank(text)


_ID_CHARS = st.one_of(
    st.characters(codec="utf-8"), st.sampled_from(["\ud800", "\udfff", "\udce9", "\ufffd"])
)


@SETTINGS
@given(
    # joined by hand: st.text() would drop the surrogates from a mixed alphabet
    ids=st.lists(
        st.lists(_ID_CHARS, min_size=1, max_size=8).map("".join).filter(not_blank),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    way=st.sampled_from(["extract", "document", "many"]),
)
def test_an_id_with_lone_surrogates_gives_a_result_any_writer_takes(
    extractor: Extractor, ids: list[str], way: str
) -> None:
    """``extract(text, doc_id="a\\ud800")`` kept the id, and ``model_dump_json()`` then
    raised: an id is written with U+FFFD escapes, one-to-one (two ids stay two), as bulk
    names such ids, with a warning; an id without a lone surrogate is kept as it is."""
    text = SENTENCE.format(when="on Monday") + " " + " ".join(FILLER)
    if way == "many":
        done = extract_many_sync([(i, text) for i in ids], extractor=extractor)
        results = [r.extraction for r in sorted(done, key=lambda r: r.index)]
    elif way == "document":
        results = [extractor.extract(Document(i, text)) for i in ids]
    else:
        results = [extractor.extract(text, doc_id=i) for i in ids]
    for given_id, result in zip(ids, results, strict=True):
        assert result is not None
        result.model_dump_json()  # raised UnicodeEncodeError before
        json.dumps(result.rows(), ensure_ascii=False).encode("utf-8")
        surrogate = re.search("[\ud800-\udfff]", given_id) is not None
        assert (result.doc_id == given_id) != surrogate
        assert surrogate == any("lone surrogates" in w for w in result.metadata.warnings)
    assert len({r.doc_id for r in results if r is not None}) == len(ids)


_BAD_ITEMS = [None, 7, {"text": "x"}, ("a", "b", None, "extra"), (), (["a list"], "text"), b"bytes"]


@SETTINGS
@given(
    kinds=st.lists(
        st.sampled_from(["document", "pair", "triple", "str", "path", *range(len(_BAD_ITEMS))]),
        min_size=1,
        max_size=6,
    )
)
def test_extract_many_takes_what_extract_takes_and_a_wrong_item_is_an_input_error(
    extractor: Extractor, tmp_path_factory: pytest.TempPathFactory, kinds: list[Any]
) -> None:
    """A str or a pathlib.Path given to extract_many was an "internal" error ("a bug: please
    report it"); so was a 4-tuple or None. What extract() takes, extract_many takes, under
    the id extract() gives it; anything else is that item's ``input`` error."""
    folder = tmp_path_factory.mktemp("many")
    items: list[Any] = []
    for n, kind in enumerate(kinds):
        text = SENTENCE.format(when=f"on day {n}") + " " + " ".join(FILLER)
        if kind == "document":
            items.append(Document(f"d{n}", text))
        elif kind == "pair":
            items.append((f"p{n}", text))
        elif kind == "triple":
            items.append((f"t{n}", text, "2024-03-12"))
        elif kind == "str":
            items.append(text)
        elif kind == "path":
            path = folder / f"a{n}.txt"
            path.write_text(text)
            items.append(path)
        else:
            items.append(_BAD_ITEMS[kind])
    results = sorted(extract_many_sync(items, extractor=extractor), key=lambda r: r.index)
    assert [r.index for r in results] == list(range(len(items)))
    for kind, item, result in zip(kinds, items, results, strict=True):
        if isinstance(kind, int):
            assert result.error is not None and result.error.kind == "input", result.error
            continue
        assert result.error is None, result.error
        assert result.extraction is not None
        if kind in ("str", "path"):
            assert result.doc_id == extractor.extract(item).doc_id == result.extraction.doc_id


@pytest.mark.parametrize(
    "items",
    ["At least 5 people were killed in Kano, Nigeria on Monday.", b"bytes", Path("a.txt"),
     {"a": "At least 5 people were killed."}, "table"],
)  # fmt: skip
def test_extract_many_refuses_what_iterates_into_no_documents(
    extractor: Extractor, server: FakeOpenAI, items: Any
) -> None:
    """A DataFrame gave "ok" results for its column names, an article one document per
    character, a dict its keys: refused before any call, saying what to pass."""
    if items == "table":
        pandas = pytest.importorskip("pandas")
        items = pandas.DataFrame({"id": [1], "text": ["At least 5 people were killed."]})
    before = len(server.log)
    with pytest.raises(TypeError, match="takes an iterable of documents"):
        list(extract_many_sync(items, extractor=extractor))
    assert len(server.log) == before


@pytest.mark.parametrize(
    "given",
    [{"id": "a", "text": "an input row"}, {}, {"doc_id": "a", "text": "a row with a doc_id"},
     {"doc_id": "a", "status": "ok", "records": "x"}],
)  # fmt: skip
def test_results_to_frame_refuses_a_dict_that_is_no_result(given: dict[str, Any]) -> None:
    """The input rows given by mistake gave an empty frame without a word."""
    from extractor import results_to_frame

    with pytest.raises(TypeError, match=r"results\[0\]"):
        results_to_frame([given], "documents")


@pytest.mark.parametrize("records", [None, [], [{"type": "meeting"}], "x", 3, {"a": 1}])
@pytest.mark.parametrize("status", ["ok", "error", "skipped"])
def test_results_to_frame_takes_what_the_readers_take(records: Any, status: str) -> None:
    """One definition of a result: a line that flatten, view and eval read (``is_result``,
    ``"records": null`` included) is a row of the documents frame, and a line they refuse
    is refused here too, naming its index."""
    from extractor import results_to_frame
    from extractor.io.output import is_result

    line = {"doc_id": "a", "status": status, "records": records}
    if is_result(line):
        frame = results_to_frame([line], "documents")
        assert list(frame["doc_id"]) == ["a"]
        assert list(frame["run_status"]) == [status]
    else:
        with pytest.raises(TypeError, match=r"results\[0\]"):
            results_to_frame([line], "documents")
