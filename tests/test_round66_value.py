"""Round 66: whose amount it is. A budget or economy noun owns an amount only as its head
or complement ("budget of $X", "a $X budget", "бюджет в X"), never as part of an agent's
name ("the economy ministry approved $3 billion") nor across another clause's verb; a deal
noun further on never takes a budget's total ("the defence budget of $30 billion covers
the tank contract")."""

from __future__ import annotations

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.quantities import figures_in, money_at
from extractor.types.drafting import _for_another_thing

settings.register_profile("round66_value", max_examples=150, deadline=None)

_AMOUNTS = {
    "en": ["$3 billion", "3 billion U.S. dollars", "$450 million"],
    "es": ["3.000 millones de dólares", "450 millones de euros"],
    "fr": ["3 milliards de dollars", "450 millions d'euros"],
    "de": ["3 Milliarden Euro", "450 Millionen Dollar"],
    "ru": ["3 млрд долларов", "450 млн евро"],
}

#: Agents whose name holds a budget or economy noun, and what they did with a deal's value.
_AGENTS = {
    "en": ["Germany's economy ministry", "The Ministry of Economy", "The economy minister",
           "Economy Minister Robert Habeck", "The Bundestag budget committee",
           "Poland's budget office", "The Minister for the Economy", "The Budget Committee"],
    "es": ["El Ministerio de Economía", "El ministro de Economía alemán",
           "La comisión de presupuestos", "La ministra de Economía"],
    "fr": ["Le ministère de l'Économie", "Le ministre allemand de l'Économie",
           "La commission du budget", "Le ministre de l'Économie"],
    "de": ["Der Haushaltsausschuss", "Das Wirtschaftsministerium", "Der Wirtschaftsminister"],
    "ru": ["Министерство экономики Германии", "Бюджетный комитет бундестага",
           "Министр экономики Германии", "Комитет по бюджету"],
}  # fmt: skip
_DEEDS = {
    "en": ["approved {m} worth of tanks for Poland.", "approved {m} in tank sales to Poland.",
           "said Germany delivered {m} of tanks to Poland.", "signed {m} of tank exports."],
    "es": ["aprobó {m} en tanques para Polonia.",
           "confirmó que Alemania vendió a Polonia {m} en tanques."],
    "fr": ["a approuvé {m} de chars pour la Pologne.",
           "a confirmé que l'Allemagne a vendu à la Pologne {m} de chars."],
    "de": ["genehmigte {m} an Panzern für Polen.", "bestätigte Panzerexporte für {m}."],
    "ru": ["одобрило продажу Польше танков на {m}.", "заключило с Польшей сделку на {m}."],
}  # fmt: skip
#: A budget noun before another clause's verb or subject.
_ACROSS = {
    "en": ["Despite budget cuts Poland bought 20 tanks at {m}.",
           "The budget debate ended and Poland bought tanks for {m}."],
    "de": ["Aus dem Haushalt genehmigte Polen {m} an Panzern aus Deutschland."],
    "es": ["Con el presupuesto aprobado Polonia compró tanques por {m}."],
}  # fmt: skip

#: A budget's own amount, with a deal noun written later (or none): always the budget's.
_BUDGET_TOTALS = {
    "en": ["Poland's defence budget of {m} covers the tank contract with Germany.",
           "Poland's defence budget of {m} includes the purchase of 20 tanks from Germany.",
           "The defence budget, {m} this year, funds the tank deal with Germany.",
           "Poland's military budget reached {m}, enough for the tank order.",
           "Poland's defence budget is {m} this year.", "Poland approved a {m} defence budget.",
           "The budget request provides {m} for tank orders."],
    "es": ["El presupuesto de defensa de Polonia, de {m}, cubre el contrato de tanques.",
           "El presupuesto de defensa de Polonia es de {m} y cubre el contrato de tanques."],
    "fr": ["Le budget de défense de la Pologne atteint {m} et couvre le contrat de chars."],
    "de": ["Der Verteidigungshaushalt Polens beträgt {m} und deckt den Panzervertrag."],
    "ru": ["Оборонный бюджет Польши в {m} покрывает контракт на танки из Германии.",
           "Оборонный бюджет Польши составляет {m} и покрывает контракт на танки."],
}  # fmt: skip


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    return [
        (language, template.format(m=m), m)
        for language, templates in table.items()
        for template, m in product(templates, _AMOUNTS[language])
    ]


def _agent_cases() -> list[tuple[str, str, str]]:
    return [
        (language, f"{agent} {deed.format(m=m)}", m)
        for language, agents in _AGENTS.items()
        for agent, deed, m in product(agents, _DEEDS[language], _AMOUNTS[language])
    ]


def _claims(text: str, written: str, language: str) -> bool:
    """Whether the amount ``written`` in ``text`` is claimed as a budget's or economy's."""
    at = text.index(written.lstrip("$").split()[0])
    figure = next(f for f in figures_in(text, language) if f.is_number and f.start == at)
    found = money_at(text, figure, language)
    assert found is not None, text
    return _for_another_thing(text, found[1], found[2])


@settings(settings.get_profile("round66_value"))
@given(st.sampled_from(_agent_cases()))
def test_an_agents_name_owns_no_amount(case: tuple[str, str, str]) -> None:
    """Fails on main for 85/156 cases (en 69, es 8, fr 8)."""
    language, text, written = case
    assert not _claims(text, written, language), text


@settings(settings.get_profile("round66_value"))
@given(st.sampled_from(_cases(_ACROSS)))
def test_a_budget_noun_owns_no_amount_across_another_clause(case: tuple[str, str, str]) -> None:
    """Fails on main for 2/10 (the German one)."""
    language, text, written = case
    assert not _claims(text, written, language), text


@settings(settings.get_profile("round66_value"))
@given(st.sampled_from(_cases(_BUDGET_TOTALS)))
def test_a_deal_noun_later_never_takes_a_budgets_total(case: tuple[str, str, str]) -> None:
    """Fails on main for 24/33 (a deal noun later in the clause took the total)."""
    language, text, written = case
    assert _claims(text, written, language), text
