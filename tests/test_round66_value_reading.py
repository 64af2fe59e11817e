"""Round 66: a short text the detector gives a language without a number grammar
(Aragonese for a lone Spanish sentence) has its figures read in the closest language that
has one: "US$ 3.500 millones" is 3.5 billion, not 3.5 million (an English decimal point)."""

from __future__ import annotations

from itertools import product

from tests.roles_support import run

#: Lone sentences in the language's own notation, and their amounts.
_SHORT = {
    "es": (["Alemania vendió 20 tanques a Polonia por {m}.",
            "Alemania entregó 20 tanques a Polonia por {m}.",
            "Polonia compró 20 tanques a Alemania por {m}.",
            "Alemania vendió a Polonia 20 tanques por {m}."],
           [("US$ 3.500 millones", 3.5e9, "USD"), ("USD 1.500 millones", 1.5e9, "USD"),
            ("€ 2.500 millones", 2.5e9, "EUR"), ("2.500 millones de euros", 2.5e9, "EUR")],
           "tanques"),
    "pt": (["A Alemanha vendeu 20 tanques à Polônia por {m}."],
           [("US$ 3.500 milhões", 3.5e9, "USD"), ("2.500 milhões de euros", 2.5e9, "EUR")],
           "tanques"),
    "de": (["Deutschland verkaufte 20 Panzer an Polen für {m}."],
           [("1.500 Mio. Euro", 1.5e9, "EUR"), ("2,5 Mrd. USD", 2.5e9, "USD")], "Panzer"),
}  # fmt: skip
_SHORT_CASES = [
    (template.format(m=m), m, amount, currency, item)
    for templates, monies, item in _SHORT.values()
    for template, (m, amount, currency) in product(templates, monies)
]


def test_a_short_texts_figures_are_read_in_a_language_with_a_number_grammar() -> None:
    """Fails on main for 5/20 ("Alemania vendió ... por US$ 3.500 millones" is Aragonese to
    the detector: 3.5 million)."""
    wrong = []
    for text, written, amount, currency, item in _SHORT_CASES:
        out = run(
            "arms_transfer", text, supplier="DEU", recipient="POL",
            items=[{"designation": item, "category": None, "quantity": None}], value=written,
            date=None, deal_status="delivered", transfer_type=None, status="occurred",
            attribution=None, evidence=[1],
        )  # fmt: skip
        record = out.records[0] if out.records else None
        value = None if record is None or record.value is None else record.value
        if value is not None and (float(value.amount), value.currency) != (amount, currency):
            wrong.append((text, value))
    assert not wrong
