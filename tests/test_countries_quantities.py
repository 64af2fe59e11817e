from decimal import Decimal

import pytest

from extractor.text.countries import country_names, to_alpha3, to_currency
from extractor.text.quantities import number_forms, parse_count, parse_money, parse_number


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("CHN", "CHN"), ("cn", "CHN"), ("China", "CHN"), ("Chinese", "CHN"), ("Burma", "MMR"),
        ("Myanmar", "MMR"), ("Russia", "RUS"), ("the United States", "USA"), ("U.S.", "USA"),
        ("Kosovo", "XKX"), ("XKX", "XKX"), ("South Korea", "KOR"), ("Türkiye", "TUR"),
        ("Côte d'Ivoire", "CIV"), ("Germany", "DEU"),
    ],
)  # fmt: skip
def test_country_names_and_codes_resolve_to_alpha3(given: str, code: str) -> None:
    assert to_alpha3(given) == code


@pytest.mark.parametrize("bad", ["Narnia", "ZZZ", "Atlantis Republic", ""])
def test_unknown_country_is_rejected_with_an_actionable_message(bad: str) -> None:
    with pytest.raises(ValueError, match="alpha-3"):
        to_alpha3(bad)


def test_country_names_include_demonyms_and_capitals() -> None:
    names = country_names("CHN")
    assert "China" in names and "Chinese" in names and "Beijing" in names


@pytest.mark.parametrize(
    ("given", "code"),
    [("$", "USD"), ("USD", "USD"), ("€", "EUR"), ("euros", "EUR"), ("GBP", "GBP")],
)
def test_currency_codes(given: str, code: str) -> None:
    assert to_currency(given) == code


def test_unknown_currency_is_rejected() -> None:
    with pytest.raises(ValueError, match="ISO 4217"):
        to_currency("doubloons")


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$267 million", Decimal(267_000_000), "USD"),
        ("an estimated cost of $9.0 billion", Decimal(9_000_000_000), "USD"),
        ("€1.2bn", Decimal(1_200_000_000), "EUR"),
        ("USD 45 million", Decimal(45_000_000), "USD"),
        ("£300,000", Decimal(300_000), "GBP"),
    ],
)
def test_parse_money(text: str, amount: Decimal, currency: str) -> None:
    parsed = parse_money(text)
    assert parsed is not None
    assert parsed[0] == amount and parsed[1] == currency


def test_parse_money_without_a_number_is_none() -> None:
    assert parse_money("an undisclosed sum") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("over 3,500", (3500, 3500, None, "at_least")),
        ("at least 17", (17, 17, None, "at_least")),
        ("more than 50 people", (50, 50, None, "at_least")),
        ("about 40", (None, 40, None, "about")),
        ("up to 30", (None, 30, 30, "up_to")),
        ("12 to 15", (12, 12, 15, "exact")),
        ("17", (17, 17, 17, "exact")),
        ("six people", (6, 6, 6, "exact")),
        ("dozens", (12, 12, None, "at_least")),
        ("hundreds", (100, 100, None, "at_least")),
        ("seventy-two (72)", (72, 72, 72, "exact")),
    ],
)
def test_parse_count_follows_acled_conventions(text: str, expected: tuple[object, ...]) -> None:
    assert parse_count(text) == expected


def test_parse_count_of_text_without_a_figure_is_none() -> None:
    assert parse_count("an unknown number") is None
    assert parse_number("no figure here") is None


def test_number_forms_cover_how_news_writes_numbers() -> None:
    assert {"3500", "3,500"} <= number_forms(3500)
    assert {"267 million", "267,000,000"} <= number_forms(267_000_000)
    assert "9.0 billion" in number_forms(Decimal(9_000_000_000))
    assert "six" in number_forms(6)
    assert "seven hundred thirty" in number_forms(730)


def test_countries_in_text_lists_codes_in_order_of_first_mention() -> None:
    from extractor.text.countries import countries_in_text

    text = (
        "Officials in Kyiv said Russian drones hit Ukraine overnight; let us hope, a US envoy "
        "said, that South Korea and Papua New Guinea join. The Democratic Republic of the Congo "
        "abstained."
    )
    assert countries_in_text(text) == ["UKR", "RUS", "USA", "KOR", "PNG", "COD"]
    assert countries_in_text("let us talk about the uk") == []  # pronoun; lower-case "uk"
    assert countries_in_text("") == []
