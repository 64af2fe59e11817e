"""eval reads damaged prediction lines as the other readers do; dates at the calendar's edge
(hostile round 37).

* ``eval -o`` writes strict JSON (no ``NaN``/``Infinity``): a prediction line's ``seconds``
  and token counts must be finite, non-negative numbers, else the line is refused (one
  line naming the document and the field, exit 2).
* A line is a result for eval as for flatten and view (:func:`extractor.io.output.is_result`):
  a ``doc_id`` that is no string is refused, never scored as ``"None"`` or ``"['x']"``; an
  ``error`` of any shape never crashes eval.
* Resolving a date never raises: "yesterday" of 0001-01-01 (Go's and Hugo's "no date") is
  unresolved with a warning, and the record stands.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.pipeline.resolve import resolve
from extractor.pipeline.result import MAX_USAGE_TOKENS
from extractor.text.dates import find_dates, in_calendar, resolve_date
from tests.test_resolve import answer, article, casualty

runner = CliRunner()
SEED_GOLD = Path(__file__).resolve().parent.parent / "seeds" / "dev.gold.jsonl"


# ------------------------------------------------------------------ eval


def _gold(tmp_path: Path) -> tuple[Path, list[str]]:
    gold = tmp_path / "gold.jsonl"
    lines = SEED_GOLD.read_text(encoding="utf-8").splitlines()[:2]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold, [json.loads(line)["id"] for line in lines]


def _line(doc_id: Any, **fields: Any) -> dict[str, Any]:
    return {"doc_id": doc_id, "status": "ok", "records": [], "counts": {},
            "usage": {"prompt_tokens": 10, "completion_tokens": 2}, "seconds": 1.5,
            **fields}  # fmt: skip


def _strict(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise ValueError(f"non-JSON constant {constant}")

    return json.loads(text, parse_constant=refuse)


def _eval(tmp_path: Path, lines: list[dict[str, Any]]) -> tuple[int, str, Path]:
    gold, _ = _gold(tmp_path)
    predictions = tmp_path / "pred.jsonl"
    # json.dumps writes NaN and Infinity, as a careless writer of bulk lines would
    predictions.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = tmp_path / "report.json"
    report.unlink(missing_ok=True)
    result = runner.invoke(
        app, ["eval", str(gold), "--predictions", str(predictions), "-o", str(report)]
    )
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr, report


def _refused(code: int, stderr: str) -> bool:
    if code != 2:
        return False
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr  # one line, naming what to fix
    return True


def test_nan_seconds_are_refused_naming_the_document_and_field(tmp_path: Path) -> None:
    _, ids = _gold(tmp_path)
    for bad in (math.nan, math.inf, -math.inf, -1, 1e308):
        code, stderr, report = _eval(tmp_path, [_line(ids[0], seconds=bad), _line(ids[1])])
        assert _refused(code, stderr), (bad, stderr)
        assert repr(ids[0]) in stderr and "seconds" in stderr and not report.exists()
    code, stderr, _ = _eval(tmp_path, [_line(ids[0], usage={"prompt_tokens": -5}), _line(ids[1])])
    assert _refused(code, stderr) and "prompt_tokens" in stderr and repr(ids[0]) in stderr


def test_a_sound_run_writes_a_strict_json_report(tmp_path: Path) -> None:
    _, ids = _gold(tmp_path)
    code, _, report = _eval(tmp_path, [_line(ids[0]), _line(ids[1], seconds=0)])
    assert code == 0
    data = _strict(report.read_text(encoding="utf-8"))
    assert data["usage"]["seconds"] == 1.5


def test_a_doc_id_that_is_no_string_is_no_result(tmp_path: Path) -> None:
    _, ids = _gold(tmp_path)
    # two null ids were one document "None"; ["x"] was the document "['x']"
    for doc_id in (None, ["x"], 7, {"a": 1}, True):
        code, stderr, _ = _eval(tmp_path, [_line(doc_id), _line(doc_id), _line(ids[0])])
        assert _refused(code, stderr), (doc_id, stderr)
        assert "line 1" in stderr and "doc_id" in stderr
    code, stderr, _ = _eval(tmp_path, [_line(None), _line(ids[0])])
    assert "without a doc_id" in stderr


def test_an_error_of_any_shape_marks_the_document_failed(tmp_path: Path) -> None:
    _, ids = _gold(tmp_path)
    for error in ("boom", ["a", 1], 3, None, {"type": 5, "message": ["x"]}, {}):
        line = _line(ids[0], status="error", error=error, records=[])
        code, stderr, report = _eval(tmp_path, [line, _line(ids[1])])
        assert code == 0, (error, stderr)
        _strict(report.read_text(encoding="utf-8"))


_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=5)
)
_JSON = st.recursive(
    _JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
_COUNT = st.one_of(_JSON, st.integers(min_value=-5, max_value=10**13))
_USAGE = _JSON | st.fixed_dictionaries({"prompt_tokens": _COUNT, "completion_tokens": _COUNT})
_SECONDS = st.one_of(
    _JSON, st.floats(min_value=-1, max_value=1e12), st.sampled_from([math.nan, math.inf, 1e308])
)


def _finite_count(value: Any) -> bool:
    """A count as a server's is one (round 38): whole (``5.0`` too), within a line's bound."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    return value is None or (
        isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_USAGE_TOKENS
    )


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    doc_id=st.one_of(_JSON, st.just("GOLD")),
    status=st.sampled_from(["ok", "error"]),
    error=_JSON,
    seconds=_SECONDS,
    usage=_USAGE,
)
def test_eval_scores_or_refuses_any_damaged_line(
    tmp_path: Path, doc_id: Any, status: str, error: Any, seconds: Any, usage: Any
) -> None:
    """Over damaged lines: eval scores (a strict JSON report, nothing non-finite) or refuses
    with one line and exit 2; never a traceback, never a document named ``str(doc_id)``."""
    _, ids = _gold(tmp_path)
    doc_id = ids[0] if doc_id == "GOLD" else doc_id
    damaged = _line(doc_id, status=status, error=error, seconds=seconds, usage=usage)
    code, stderr, report = _eval(tmp_path, [damaged, _line(ids[1])])
    if code == 2:
        assert _refused(code, stderr)
        return
    assert code == 0, stderr
    assert isinstance(doc_id, str), "a doc_id that is no string was scored"
    if status == "ok":  # an error line's cost is not read
        assert seconds is None or (
            isinstance(seconds, int | float) and not isinstance(seconds, bool)
        )
        assert seconds is None or 0 <= seconds <= 10**9
        if isinstance(usage, dict):
            assert all(_finite_count(usage.get(k)) for k in ("prompt_tokens", "completion_tokens"))
    text = report.read_text(encoding="utf-8")
    _strict(text)  # raises on NaN / Infinity
    assert "NaN" not in text and "Infinity" not in text


# ------------------------------------------------------------------ dates

#: Every relative expression the English resolver reads (``_relative`` and the weekdays),
#: and forms for dateparser's fallback.
RELATIVE = [
    "today", "this morning", "tonight", "this evening", "yesterday", "last night", "tomorrow",
    "on Tuesday", "last Monday", "next Friday", "this coming Sunday", "Wednesday",
    "last week", "past week", "this week", "earlier this week", "this month",
    "earlier this month", "later this month", "last month", "previous month", "next month",
    "this year", "current year", "last year", "past year", "next year", "recently",
    "in recent weeks", "a day ago", "two weeks ago", "six months ago", "one year ago",
    "3 weeks from now", "in 3 days", "1 hour ago", "May 3", "3 May", "in May", "June",
    "late May", "since 2001",
]  # fmt: skip
#: Relative words of other languages (``_words``): weekdays, "yesterday", "tomorrow".
FOREIGN = [("es", "el martes"), ("es", "ayer"), ("es", "mañana"), ("de", "am Dienstag"),
           ("de", "gestern"), ("de", "morgen"), ("fr", "hier"), ("fr", "demain"),
           ("fr", "mardi"), ("fr", "la semaine dernière"), ("es", "el mes pasado"),
           ("de", "letztes Jahr"), ("es", "10 de mayo")]  # fmt: skip

_EDGE_DAYS = st.one_of(
    st.integers(0, 800).map(lambda n: date.min + timedelta(days=n)),
    st.integers(0, 800).map(lambda n: date.max - timedelta(days=n)),
    st.dates(),
)


def _sound(found: Any) -> None:
    for value in (found.value, found.end):
        assert value is None or in_calendar(value), found


@settings(max_examples=300, deadline=None)
@given(
    published=_EDGE_DAYS,
    expression=st.one_of(
        st.sampled_from(RELATIVE),
        st.builds(
            lambda n, unit: f"{n} {unit} ago",
            st.integers(0, 5000),
            st.sampled_from(["days", "weeks", "months", "years"]),
        ),
    ),
)
def test_resolving_a_relative_date_never_raises(published: date, expression: str) -> None:
    found = resolve_date(expression, published)
    _sound(found)
    if found.value is None and found.note is not None:
        assert expression in found.note and published.isoformat() in found.note
    for _, resolved in find_dates(f"They met {expression}.", "en", published):
        _sound(resolved)


@settings(max_examples=150, deadline=None)
@given(published=_EDGE_DAYS, pair=st.sampled_from(FOREIGN))
def test_resolving_a_date_of_another_language_never_raises(
    published: date, pair: tuple[str, str]
) -> None:
    language, expression = pair
    _sound(resolve_date(expression, published, language))
    for _, resolved in find_dates(f"Se reunieron {expression}.", language, published):
        _sound(resolved)


def test_the_edges_of_the_calendar() -> None:
    assert resolve_date("yesterday", date.min).value is None
    assert "0001-01-01" in (resolve_date("yesterday", date.min).note or "")
    assert resolve_date("tomorrow", date.max).value is None
    assert resolve_date("last month", date.min).value is None  # "0000-12"
    assert resolve_date("next year", date.max).value is None  # "10000"
    assert resolve_date("tomorrow", date.min).value == "0001-01-02"
    assert resolve_date("next year", date(1, 6, 1)).value == "0002"  # four digits
    assert resolve_date("yesterday", date(2024, 5, 15)).note is None


def test_a_record_dated_before_year_one_stands_with_a_warning() -> None:
    """The reported case: a Hugo page's 0001-01-01 lost every record of the call."""
    text = (
        "The region has been tense for months. Gunmen killed 12 villagers near Tillaberi, "
        "Niger, on Tuesday, officials said."
    )  # 0001-01-01 is a Monday: its Tuesday was the day before year 1
    page = article(text)
    page = type(page)(page.text, page.sentences, date.min, page.doc_id)
    outcome = resolve(answer("casualty_report", **casualty(date="on Tuesday")), page)
    assert outcome.problems == []
    [record] = outcome.records
    assert record.date is None or record.date.value is None
    assert any("outside the calendar" in warning for warning in outcome.warnings)
