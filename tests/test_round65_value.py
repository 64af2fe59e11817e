"""Round 65: an arms transfer's value is the amount its quote writes as money (SIPRI
codes the deal's value as the source reports it). The currency is the one the text
writes at the figure, not the model's ("$150 million" drafted for "150 millions d'euros"
was USD); an amount the model translated ("$1.5 billion" for "1,5 milliard de dollars",
"15亿美元") is kept with the text's own words; a figure the text writes with no currency
(a count, a designation, a reference number) or as a budget's or an economy's is no
deal's value."""

from __future__ import annotations

from decimal import Decimal
from itertools import product
from typing import Any

import pytest

from extractor.text.grounding import normalise_text
from extractor.types.drafting import _money
from tests.roles_support import run

#: Each language's sale, the money in it, and a distractor figure of its own.
_SALE = {
    "en": "Germany will sell 20 {item} to France for {money}, officials said.",
    "es": "Alemania venderá 20 {item} a Francia por {money}, según el ministerio de defensa.",
    "fr": "L'Allemagne vendra 20 {item} à la France pour {money}, a annoncé le ministère.",
    "de": "Deutschland wird 20 {item} für {money} an Frankreich verkaufen, teilte das Ministerium mit.",
    "ru": "Германия продаст Франции 20 {item} за {money}, сообщило министерство обороны.",
    "zh": "德国将以{money}的价格向法国出售20架{item}，国防部周二宣布。",
}  # fmt: skip
_ITEMS = {
    "en": ("tanks", "F-35 jets", "S-400 systems", "M1A2 tanks"),
    "es": ("tanques", "cazas F-35", "sistemas S-400", "tanques M1A2"),
    "fr": ("chars", "avions F-35", "systèmes S-400", "chars M1A2"),
    "de": ("Panzer", "F-35-Kampfjets", "S-400-Systeme", "M1A2-Panzer"),
    "ru": ("танков", "истребителей F-35", "систем С-400", "танков M1A2"),
    "zh": ("坦克", "F-35战斗机", "J-10C战斗机", "S-400系统"),
}
#: Each currency's name after the figure, per language.
_NAMES = {
    "en": {"USD": "dollars", "EUR": "euros", "GBP": "pounds sterling", "RUB": "rubles"},
    "es": {"USD": "de dólares", "EUR": "de euros", "GBP": "de libras esterlinas", "RUB": "de rublos"},
    "fr": {"USD": "de dollars", "EUR": "d'euros", "GBP": "de livres sterling", "RUB": "de roubles"},
    "de": {"USD": "Dollar", "EUR": "Euro", "GBP": "Pfund Sterling", "RUB": "Rubel"},
    "ru": {"USD": "долларов", "EUR": "евро", "GBP": "фунтов стерлингов", "RUB": "рублей"},
    "zh": {"USD": "美元", "EUR": "欧元", "GBP": "英镑", "RUB": "卢布"},
}  # fmt: skip
_AMOUNTS = (150_000_000, 1_500_000_000, 2_500_000_000, 40_000_000)


def _figure(amount: int, language: str) -> str:
    """``amount`` in the language's own notation: scale words, decimal commas, 亿/万."""
    if language == "zh":
        if amount >= 10**8:
            return f"{Decimal(amount) / 10**8:f}".rstrip("0").rstrip(".") + "亿"
        return f"{amount // 10**4}万"
    billions, millions = Decimal(amount) / 10**9, amount // 10**6
    if language == "es":
        return f"{millions:,}".replace(",", ".") + " millones"
    if amount >= 10**9:
        number = f"{billions:f}".rstrip("0").rstrip(".")
        scale = {"en": "billion", "fr": "milliards", "de": "Milliarden", "ru": "млрд"}[language]
        if language == "fr" and billions < 2:
            scale = "milliard"
        return (number if language == "en" else number.replace(".", ",")) + " " + scale
    scale = {"en": "million", "fr": "millions", "de": "Millionen", "ru": "млн"}[language]
    return f"{millions} {scale}"


def _written(amount: int, currency: str, language: str) -> str:
    joiner = "" if language == "zh" else " "
    return _figure(amount, language) + joiner + _NAMES[language][currency]


def _english(amount: int, currency: str = "USD") -> str:
    """The amount as a model translates it: "$1.5 billion", "€150 million"."""
    sign = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "RUB "}[currency]
    if amount >= 10**9:
        return f"{sign}{Decimal(amount) / 10**9:f}".rstrip("0").rstrip(".") + " billion"
    return f"{sign}{amount // 10**6} million"


_CASES = [
    (language, amount, currency, item)
    for language, amount, currency in product(_SALE, _AMOUNTS, ("USD", "EUR", "GBP", "RUB"))
    for item in _ITEMS[language][:2]
]


def _quote(language: str, item: str, money: str) -> str:
    return _SALE[language].format(item=item, money=money)


@pytest.mark.parametrize(("language", "amount", "currency", "item"), _CASES)
def test_the_text_currency_and_notation_win(
    language: str, amount: int, currency: str, item: str
) -> None:
    """A translated amount in US dollars keeps its figure, in the text's currency and words."""
    written = _written(amount, currency, language)
    quote = _quote(language, item, written)
    money = _money(_english(amount), quote, language)
    assert money is not None, (quote, _english(amount))
    assert (money.amount, money.currency) == (amount, currency), (quote, money)
    assert normalise_text(money.text) in normalise_text(quote), (quote, money)


@pytest.mark.parametrize(("language", "amount", "currency", "item"), _CASES)
def test_a_right_draft_stays_exactly(language: str, amount: int, currency: str, item: str) -> None:
    """The text's own phrase drafted comes back as it was (negatives of the rule)."""
    written = _written(amount, currency, language)
    quote = _quote(language, item, written)
    money = _money(written, quote, language)
    assert money is not None and money.text == written, (quote, money)
    assert (money.amount, money.currency) == (amount, currency), (quote, money)


#: Figures that are no price: a designation's, a count's, a reference's.
_NO_PRICE = {
    "en": (
        ("Poland will buy 400 S-400 missiles from Russia, officials said.", ("400", "$400")),
        ("Poland will buy 48 F-35 jets from the United States.", ("35", "$35", "48")),
        ("Poland will buy 250 M1A2 tanks from the United States.", ("$250", "250")),
        ("Poland will buy 12 K9 howitzers under contract No. 2024-117.", ("2024-117", "$2024")),
        ("The agency approved a sale to Poland, Transmittal No. 24-105.", ("24-105", "$24")),
        ("Poland will buy 20 tanks from Germany for 2.5 billion, officials said.", ("$2.5 billion",)),
    ),
    "es": (("España venderá 36 cazas F-35 a Marruecos, informó el ministerio.", ("35", "$35")),),
    "fr": (("La France vendra 36 avions F-35 au Maroc, a annoncé le ministère.", ("36", "$36")),),
    "de": (("Deutschland liefert 20 Panzer vom Typ M1A2 an Polen, teilte das Ministerium mit.", ("$20",)),),
    "ru": (("Россия поставит Индии 5 систем С-400, сообщило министерство.", ("400", "$400")),),
    "zh": (("中国将向巴基斯坦出售36架J-10C战斗机，国防部周二宣布。", ("10", "36", "$36")),),
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "quote", "draft"),
    [(lang, q, d) for lang, rows in _NO_PRICE.items() for q, drafts in rows for d in drafts],
)
def test_a_figure_without_currency_is_no_value(language: str, quote: str, draft: str) -> None:
    warnings: list[str] = []
    assert _money(draft, quote, language, warnings.append) is None
    assert warnings, draft


#: A budget's or an economy's amount, in its own clause, and the deal's value beside a
#: budget named elsewhere (kept).
_BUDGET = {
    "en": ("Poland bought 36 F-16 jets; Poland's defence budget is {m}.",
           "Poland, with a {m} defence budget, bought 36 F-16 jets.",
           "Poland's economy grew 3% to {m}."),
    "es": ("Polonia compró 36 cazas; el presupuesto de defensa es de {m}.",),
    "fr": ("La Pologne a acheté 36 avions; son budget de défense atteint {m}.",),
    "de": ("Polen kaufte 36 Jets; der Verteidigungshaushalt beträgt {m}.",),
    "ru": ("Польша купила 36 истребителей; оборонный бюджет составляет {m}.",),
    "zh": ("波兰购买了36架战斗机；国防预算为{m}。",),
}  # fmt: skip
_KEPT = {
    "en": ("Poland bought 36 F-16 jets for {m}, a third of its defence budget.",
           "Poland's defence budget will pay {m} for 36 F-16 jets.",
           "The budget allows Poland to buy 36 F-16 jets for {m}."),
    "es": ("Polonia compró 36 cazas por {m}, un tercio de su presupuesto.",),
    "fr": ("La Pologne a acheté 36 avions pour {m}, un tiers de son budget.",),
    "de": ("Polen kaufte 36 Jets für {m}, ein Drittel des Haushalts.",),
    "ru": ("Польша купила 36 истребителей за {m}, треть оборонного бюджета.",),
    "zh": ("波兰以{m}的价格购买了36架战斗机，占国防预算的三分之一。",),
}  # fmt: skip


def _budget_cases(table: dict[str, tuple[str, ...]]) -> list[tuple[str, str, str]]:
    return [
        (language, template.format(m=_written(amount, "USD", language)), _english(amount))
        for language, templates in table.items()
        for template, amount in product(templates, _AMOUNTS[:2])
    ]


@pytest.mark.parametrize(("language", "quote", "draft"), _budget_cases(_BUDGET))
def test_a_budget_is_no_deal_value(language: str, quote: str, draft: str) -> None:
    assert _money(draft, quote, language) is None, quote


@pytest.mark.parametrize(("language", "quote", "draft"), _budget_cases(_KEPT))
def test_a_package_value_beside_a_budget_is_kept(language: str, quote: str, draft: str) -> None:
    money = _money(draft, quote, language)
    assert money is not None and money.currency == "USD", quote


def _value(text: str, value: str) -> Any:
    draft = {
        "supplier": "DEU", "recipient": "FRA",
        "items": [{"designation": "tanks", "category": None, "quantity": None}],
        "value": value, "date": None, "deal_status": None, "transfer_type": None,
        "status": "occurred", "attribution": None, "evidence": [1],
    }  # fmt: skip
    out = run("arms_transfer", text, **draft)
    assert out.records, out.problems
    return out.records[0].value


@pytest.mark.parametrize(
    ("language", "currency"), list(product(("en", "fr", "de", "ru"), ("EUR", "USD")))
)
def test_the_record_carries_the_text_currency(language: str, currency: str) -> None:
    """Through the whole resolution: the record's value is the text's, evidence grounded."""
    text = _quote(language, _ITEMS[language][0], _written(1_500_000_000, currency, language))
    value = _value(text, "$1.5 billion")
    assert value is not None and (value.amount, value.currency) == (1_500_000_000, currency)


def test_an_abbreviated_scale_before_its_currency_ends_no_sentence() -> None:
    """ "1,2 Mrd. Euro": the stop of "Mrd." is the scale's, and the currency stays cited."""
    text = (
        "Deutschland liefert 20 Panzer an Frankreich für 1,2 Mrd. Euro, teilte das Ministerium mit."
    )
    value = _value(text, "1,2 Mrd. Euro")
    assert value is not None and (value.amount, value.currency) == (1_200_000_000, "EUR")
