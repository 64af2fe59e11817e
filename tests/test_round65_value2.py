"""Round 65, second pass: an arms deal's value and quantity written the ways news writes
them. One currency grammar: the figure :func:`parse_money` reads as an amount is the one
:func:`money_at` finds a currency beside ("3 billion U.S. dollars")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.quantities import figures_in, money_at, parse_money

settings.register_profile("round65_value2", max_examples=120, deadline=None)

# (language, template with {n} the figure and {cur} the currency phrase, figures, phrases)
_STATE_CURRENCIES = [
    (
        "en",
        "Germany sold 20 tanks to Poland for {n} {cur}.",
        ["3 billion", "300 million", "1.5 billion"],
        [
            "U.S. dollars",
            "US dollars",
            "United States dollars",
            "Hong Kong dollars",
            "Saudi riyals",
            "Canadian dollars",
            "Australian dollars",
        ],
    ),
    (
        "en",
        "The {n} {cur} deal for 20 tanks was signed, officials said.",
        ["3 billion", "450 million"],
        ["U.S. dollars", "United States dollars", "Saudi riyals"],
    ),
    (
        "es",
        "Alemania vendió 20 tanques a Polonia por {n} {cur}.",
        ["3.000 millones", "300 millones"],
        ["de dólares estadounidenses", "de dólares canadienses"],
    ),
    (
        "fr",
        "L'Allemagne a vendu 20 chars à la Pologne pour {n} {cur}.",
        ["3 milliards", "300 millions"],
        ["de dollars américains", "de dollars canadiens"],
    ),
    (
        "de",
        "Deutschland verkaufte 20 Panzer an Polen für {n} {cur}.",
        ["3 Milliarden", "300 Millionen"],
        ["US-Dollar", "amerikanischen Dollar"],
    ),
    (
        "ru",
        "Германия продала 20 танков Польше за {n} {cur}.",
        ["3 млрд", "300 млн"],
        ["долларов США", "американских долларов"],
    ),
]

_CASES = [
    (lang, tpl.format(n=n, cur=cur), n)
    for lang, tpl, ns, curs in _STATE_CURRENCIES
    for n in ns
    for cur in curs
]


def _figure(text: str, written: str, language: str):
    at = text.index(written)
    return next(f for f in figures_in(text, language) if f.is_number and f.start == at)


@settings(settings.get_profile("round65_value2"))
@given(st.sampled_from(_CASES))
def test_a_state_named_before_the_currency_keeps_the_amount(case: tuple[str, str, str]) -> None:
    """Fails on main for every "U.S."/"United States"/"американских" phrase (14/43)."""
    language, text, written = case
    figure = _figure(text, written, language)
    read = parse_money(text[figure.start :], language)
    assert read is not None
    found = money_at(text, figure, language)
    assert found is not None, text
    assert found[0] == read[1], text


_NOT_MONEY = [
    ("en", "Germany sold 20 tanks for Polish zlotys.", "20"),
    ("en", "Germany sold 20 tanks to Poland for dollars.", "20"),
    ("en", "Germany sold 20 tanks from the United States in dollars.", "20"),
    ("en", "Germany sold 20 tanks, U.S. officials said, for dollars.", "20"),
    ("en", "Germany sold 20 US tanks bought in dollars.", "20"),
    ("ru", "Германия продала 20 танков США за доллары.", "20"),
]


@settings(settings.get_profile("round65_value2"))
@given(st.sampled_from(_NOT_MONEY))
def test_a_count_before_a_state_and_a_currency_is_no_amount(case: tuple[str, str, str]) -> None:
    language, text, written = case
    assert money_at(text, _figure(text, written, language), language) is None, text


# ---------------------------------------------------------------- a budget named elsewhere

from extractor.types.drafting import _for_another_thing  # noqa: E402

_DEAL_VALUES = [
    ("en", "Germany sold 20 tanks to Poland for {m} {link} the budget {verb}."),
    ("en", "The economy minister said the {m} sale of 20 tanks by Germany to Poland was signed."),
    ("en", "Budget hawks criticised the {m} deal for 20 tanks from Germany."),
    ("en", "Poland signed a {m} contract for 20 tanks, the budget office said."),
    ("ru", "Германия продала 20 танков Польше за {m} после принятия бюджета."),
    ("fr", "L'Allemagne a vendu 20 chars à la Pologne pour {m} après le vote du budget."),
    ("es", "Alemania vendió 20 tanques a Polonia por {m} después de aprobar el presupuesto."),
    (
        "de",
        "Deutschland verkaufte 20 Panzer an Polen für {m}, nachdem der Haushalt beschlossen wurde.",
    ),
]
_BUDGET_VALUES = [
    ("en", "Poland approved a {m} defence budget for 2024."),
    ("en", "Poland's defence budget is {m} this year."),
    ("en", "The budget of {m} was approved by parliament."),
    ("ru", "Польша утвердила оборонный бюджет в {m}."),
    ("en", "Poland's economy grew to {m} last year."),
]
_AMOUNTS = {
    "en": ["$3 billion", "3 billion U.S. dollars", "$450 million"],
    "ru": ["3 млрд долларов", "450 млн долларов"],
    "fr": ["3 milliards de dollars"],
    "es": ["3.000 millones de dólares"],
    "de": ["3 Milliarden Euro"],
}
_LINKS = ["after", "before", "once", "as", "when", "until"]
_VERBS = ["was approved", "passes", "was cut", "is voted"]


def _filled(templates, draw_link: str, draw_verb: str):
    return [
        (lang, tpl.format(m=m, link=draw_link, verb=draw_verb), m)
        for lang, tpl in templates
        for m in _AMOUNTS[lang]
    ]


def _claims(text: str, written: str, language: str) -> bool:
    figure = _figure(text, written.lstrip("$").split()[0], language)
    found = money_at(text, figure, language)
    assert found is not None, text
    return _for_another_thing(text, found[1], found[2])


@settings(settings.get_profile("round65_value2"))
@given(st.sampled_from(_LINKS), st.sampled_from(_VERBS), st.data())
def test_a_budget_in_another_phrase_leaves_the_deal_value(link: str, verb: str, data) -> None:
    """Fails on main for the clause-linked, deal-headed and ru/fr/es templates (264/408 on main)."""
    language, text, written = data.draw(st.sampled_from(_filled(_DEAL_VALUES, link, verb)))
    assert not _claims(text, written, language), text


@settings(settings.get_profile("round65_value2"))
@given(st.sampled_from(_filled(_BUDGET_VALUES, "", "")))
def test_a_budget_heading_the_amount_still_claims_it(case: tuple[str, str, str]) -> None:
    language, text, written = case
    assert _claims(text, written, language), text


# ---------------------------------------------------------------- a count after its item

from extractor.types.drafting import counts_item  # noqa: E402

_ITEMS = [
    ("tanks", "tanks"),
    ("Leopard 2 tanks", "Leopard 2 tanks"),
    ("howitzers", "howitzers"),
    ("F-16 fighter jets", "F-16 fighter jets"),
]
_APPOSED = ["{item} ({n})", "{item} ({n} units)", "{item}, {n} in all,", "{item}, {n} in total,"]
_NOT_APPOSED = [
    "{item} (in {n})",
    "{item}, {n} days later,",
    "{item} ({n} percent)",
    "{item}, {n} soldiers in all,",
    "{item} (ordered in {n})",
]


def _counted(template: str, item: str, n: str) -> bool:
    text = "Germany delivered " + template.format(item=item, n=n) + " to Poland."
    at = text.index(n, len("Germany delivered ") + len(item))
    return counts_item(text, at + len(n), item)


@settings(settings.get_profile("round65_value2"))
@given(st.sampled_from(_APPOSED), st.sampled_from(_ITEMS), st.sampled_from(["20", "12", "150"]))
def test_a_figure_right_after_its_item_counts_it(template: str, item, n: str) -> None:
    """Fails on main for every case (48/48)."""
    assert _counted(template, item[0], n)


@settings(settings.get_profile("round65_value2"))
@given(
    st.sampled_from(_NOT_APPOSED), st.sampled_from(_ITEMS), st.sampled_from(["20", "12", "2024"])
)
def test_a_figure_after_its_item_with_more_words_counts_nothing(
    template: str, item, n: str
) -> None:
    assert not _counted(template, item[0], n)


@settings(settings.get_profile("round65_value2"))
@given(st.sampled_from(_APPOSED[:2]), st.sampled_from(_ITEMS), st.sampled_from(["1998", "2024"]))
def test_a_year_in_a_bracket_after_the_item_counts_nothing(template: str, item, n: str) -> None:
    assert not _counted(template, item[0], n)
