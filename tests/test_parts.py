from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from extractor import Actor, Count, DateValue, Evidence, Money, Place


def test_actor_country_is_normalised_to_alpha3() -> None:
    assert Actor(name="Qin Gang", country="China").country == "CHN"
    with pytest.raises(ValidationError, match="unknown country 'Narnia'"):
        Actor(name="Aslan", country="Narnia")


def test_actor_rejects_unknown_fields() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Actor.model_validate({"name": "X", "nationality": "CHN"})


def test_place_needs_both_coordinates_in_range() -> None:
    assert Place(text="Yangon", country="MMR", lat=16.8, lon=96.15).country == "MMR"
    with pytest.raises(ValidationError, match="both lat and lon"):
        Place(text="Yangon", lat=16.8)
    with pytest.raises(ValidationError):
        Place(text="Yangon", lat=100, lon=0)


def test_date_value_precision_follows_value() -> None:
    assert DateValue(value="2023-05").precision == "month"
    with pytest.raises(ValidationError, match="precision"):
        DateValue(value="2023-05", precision="day")
    with pytest.raises(ValidationError, match="ISO 8601"):
        DateValue(value="May 2023")


def test_date_value_range_must_not_end_before_it_starts() -> None:
    assert DateValue(value="2021-02", end="2023-05").kind == "range"
    with pytest.raises(ValidationError, match="ends"):
        DateValue(value="2023-05", end="2021-02")


def test_unresolved_date_keeps_text_but_no_value() -> None:
    value = DateValue.resolve("since the coup", date(2023, 5, 31))
    assert value is not None and value.kind == "unresolved" and value.value is None
    with pytest.raises(ValidationError, match="unresolved"):
        DateValue(value=None, kind="exact")


def test_resolve_the_seed_tuesday() -> None:
    value = DateValue.resolve("Tuesday", date(2023, 5, 31))
    assert value is not None and value.value == "2023-05-30" and value.precision == "day"


def test_money_parses_text_as_written() -> None:
    money = Money.parse("$267 million")
    assert money is not None
    assert (money.amount, money.currency, money.text) == (
        Decimal(267_000_000),
        "USD",
        "$267 million",
    )
    with pytest.raises(ValidationError, match="ISO 4217"):
        Money(amount=Decimal(1), currency="XXQ")
    with pytest.raises(ValidationError):
        Money(amount=Decimal(-5))


def test_count_orders_low_best_high() -> None:
    with pytest.raises(ValidationError, match="low \\(5\\) is greater than best \\(3\\)"):
        Count(low=5, best=3)
    with pytest.raises(ValidationError, match="best \\(9\\) is greater than high \\(4\\)"):
        Count(best=9, high=4)
    with pytest.raises(ValidationError):
        Count(best=-1)
    with pytest.raises(ValidationError, match="at least one"):
        Count()


def test_count_parse_and_conservative_figure() -> None:
    count = Count.parse("over 3,500")
    assert count is not None
    assert (count.low, count.best, count.high, count.qualifier) == (3500, 3500, None, "at_least")
    about = Count.parse("about 40")
    assert about is not None and about.conservative == 40


def test_evidence_is_located_through_the_validation_context(seed_text: str) -> None:
    quote = "over 3,500 people have lost their lives"
    evidence = Evidence.model_validate({"quote": quote}, context={"text": seed_text})
    assert evidence.alignment == "exact"
    assert evidence.start is not None and seed_text[evidence.start : evidence.end] == quote


def test_evidence_absent_from_the_article_is_rejected_with_a_reask_message(seed_text: str) -> None:
    with pytest.raises(ValidationError, match="not in the article: copy one sentence"):
        Evidence.model_validate(
            {"quote": "10,000 people died in Yangon"}, context={"text": seed_text}
        )


def test_evidence_without_context_keeps_given_offsets_but_checks_them() -> None:
    assert Evidence(quote="x" * 20, start=3, end=23, alignment="exact").start == 3
    with pytest.raises(ValidationError, match="both start and end"):
        Evidence(quote="abc", start=3, alignment="exact")
    with pytest.raises(ValidationError, match="not found cannot have offsets"):
        Evidence(quote="abc", start=1, end=4, alignment="not_found")


@given(
    st.decimals(allow_nan=True, allow_infinity=True)
    | st.floats()
    | st.integers()
    | st.from_regex(r"-?[0-9]{1,3}(\.[0-9]{1,3})?[eE][+-]?[0-9]{1,4}", fullmatch=True)
)
def test_any_amount_is_money_or_a_validation_error(amount: object) -> None:
    """A model's amount of any size (``1e308``, ``"1e400"``) is a Money or a validation
    error that instructor re-asks, never another exception (``decimal.InvalidOperation``
    past 28 digits took the whole call down)."""
    try:
        money = Money(amount=amount, currency="USD")
    except ValidationError:
        return
    assert 0 <= money.amount <= 10**24
