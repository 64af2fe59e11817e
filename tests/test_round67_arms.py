"""Round 67 (arms): an approval's sides, each deal's own predicate, and clauses that are not the deal's.

Four classes, each a corpus built from parts (states x weapons x verbs x templates x
languages), asserting the codebook's invariant, with near misses where the rule must not fire:

1. SIPRI: a government that approves goods for a state supplies them ("The State
   Department approved a $300 million arms package for Taiwan"): its subject is the supplier,
   the state after for/to the recipient, as with "sold X to Y". A sum, a plan or a package
   of sanctions approved moves no goods.
2. A sentence that tells two deals ("X ordered 20 tanks and Y delivered 4 howitzers"):
   each deal's stage comes from its own predicate, not the other's.
3. A negation in a clause about something else ("tanks it could not buy elsewhere") is no
   refusal of the deal.
4. The deal's own predicate after a relative clause on its goods ("The sale of 20 tanks
   that Germany announced was cancelled") is the deal's; the relative clause's verb is not.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.arms_transfer import told_deal, transfer_sides
from tests.roles_support import run
from tests.test_round65_armstatus_status import _record

# -- 1. an approval's sides ----------------------------------------------------------------

#: Who approves (a state, its capital, an office) and who receives, per language.
APPROVERS = {
    "USA": {"en": ["The State Department", "Washington", "The United States"],
            "es": ["Estados Unidos"], "fr": ["Washington"], "de": ["Washington"],
            "ru": ["Вашингтон"]},
    "DEU": {"en": ["Germany", "Berlin"], "es": ["Alemania"], "fr": ["L'Allemagne"],
            "de": ["Deutschland", "Berlin"], "ru": ["Германия"]},
}  # fmt: skip
RECEIVERS = {
    "TWN": {"en": "Taiwan", "es": "Taiwán", "fr": "Taïwan", "de": "Taiwan", "ru": "Тайваня"},
    "POL": {"en": "Poland", "es": "Polonia", "fr": "la Pologne", "de": "Polen", "ru": "Польши"},
    "UKR": {"en": "Ukraine", "es": "Ucrania", "fr": "l'Ukraine", "de": "die Ukraine",
            "ru": "Украины"},
}  # fmt: skip
APPROVED = {
    "en": [
        "{S} approved a {m} security assistance package for {R}.",
        "{S} approved the possible sale of {w} to {R}.",
        "{S} approved a {m} package of {w} for {R}.",
        "{S} has approved the transfer of {w} to {R}.",
        "{S} authorized a {m} arms package for {R}.",
        "{S} approved a new tranche of {w} for {R} on Monday.",
        "{S} approved a {m} package of air-defence systems for {R}.",
    ],
    "es": ["{S} aprobó un paquete de armas de 300 millones de dólares para {R}.",
           "{S} autorizó la venta de 20 tanques a {R}."],
    "fr": ["{S} a approuvé un paquet d'armes de 2 milliards d'euros pour {R}.",
           "{S} a autorisé une livraison de chars à {R}."],
    "de": ["{S} genehmigte ein Waffenpaket im Wert von 2 Milliarden Euro für {R}.",
           "{S} billigte eine Lieferung von Panzern an {R}."],
    "ru": ["{S} одобрил пакет вооружений на 300 миллионов долларов для {R}."],
}  # fmt: skip
_SUMS = ["$300 million", "€2 billion"]
_WEAPONS = ["F-16s", "tanks", "Patriot missiles"]
#: Near misses: money, a plan or a lot of other things approved moves no goods.
NOT_APPROVED = {
    "en": [
        "{S} approved a {m} package of sanctions for {R}.",
        # round 68: a package that names no goods is none (SIPRI: a transfer is of arms)
        "{S} approved a {m} package for {R}.",
        "{S} approved a sanctions package for {R}.",
        "{S} approved {m} for {R}.",
        "{S} approved the plan for {R}.",
        "{S} approved a humanitarian aid package for {R}.",
        "{S} approved a package of economic reforms for {R}.",
        "{S} approved the budget for {R}.",
    ],
    "es": ["{S} aprobó un paquete de sanciones para {R}.", "{S} aprobó el plan para {R}."],
    "ru": ["{S} одобрил пакет санкций для {R}."],
}  # fmt: skip


def _approved(table: dict[str, list[str]]) -> list[tuple[str, str, str, str]]:
    cases = []
    for language, templates in table.items():
        for template, s, r in itertools.product(templates, APPROVERS, RECEIVERS):
            if s == "USA" and r == "TWN" and language != "en":
                continue
            for subject, m, w in itertools.product(APPROVERS[s][language], _SUMS, _WEAPONS):
                text = template.format(S=subject, R=RECEIVERS[r][language], m=m, w=w)
                cases.append((language, text, s, r))
    return list(dict.fromkeys(cases))


@pytest.mark.parametrize(("language", "text", "s", "r"), _approved(APPROVED))
def test_an_approval_of_goods_names_its_sides(language: str, text: str, s: str, r: str) -> None:
    """Fails on main: 248/356 read no side or one."""
    assert transfer_sides(text, language) == ({s}, {r}), text


@pytest.mark.parametrize(("language", "text", "s", "r"), _approved(NOT_APPROVED))
def test_an_approval_of_no_goods_names_no_side(language: str, text: str, s: str, r: str) -> None:
    assert transfer_sides(text, language) == (set(), set()), text


@pytest.mark.parametrize("drafted", [("USA", "TWN"), ("TWN", "USA")])
def test_an_approved_package_record_has_its_sides(drafted: tuple[str, str]) -> None:
    """Fails on main for the reversed draft (kept from TWN to USA)."""
    text = "The State Department approved a $300 million package of F-16 jets for Taiwan."
    out = run(
        "arms_transfer", text, supplier=drafted[0], recipient=drafted[1],
        items=[{"designation": "F-16 jets", "category": None, "quantity": None}],
        value="$300 million", date=None, deal_status="approved", transfer_type="sale",
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    (record,) = out.records
    assert (record.supplier.country, record.recipient.country) == ("USA", "TWN")


# -- 2. each deal's own predicate ----------------------------------------------------------

STATES = {"DEU": "Germany", "FRA": "France", "ESP": "Spain", "POL": "Poland"}
#: (template: {R} orders {a} from {S}, {O} delivers {b}; the language) — the deal of {a}
#: is an order, whatever the other deal's verb says.
TWO_DEALS = [
    ("Under the 2019 contract, {R} ordered 20 {a} from {S} and {O} delivered the first 4 {b}.", "en"),
    ("{R} signed a contract for 20 {a} from {S} and {O} shipped 4 {b} to it.", "en"),
    ("{R} has ordered 20 {a} from {S} and {O} has already sent 4 {b}.", "en"),
    ("{R} placed an order for 20 {a} with {S}, and {O} supplied 4 {b}.", "en"),
    ("{R_es} encargó 20 tanques a {S_es} y {O_es} entregó 4 helicópteros.", "es"),
    ("{R_fr} a commandé 20 chars à {S_fr} et {O_fr} a livré 4 hélicoptères.", "fr"),
    ("{R_de} hat 20 Panzer bei {S_de} bestellt und {O_de} lieferte 4 Hubschrauber.", "de"),
]  # fmt: skip
LOCAL = {
    "es": {"DEU": "Alemania", "FRA": "Francia", "ESP": "España", "POL": "Polonia"},
    "fr": {"DEU": "l'Allemagne", "FRA": "la France", "ESP": "l'Espagne", "POL": "La Pologne"},
    "de": {"DEU": "Deutschland", "FRA": "Frankreich", "ESP": "Spanien", "POL": "Polen"},
    "ru": {"DEU": "Германия", "FRA": "Франция", "ESP": "Испании", "POL": "Польше"},
}
_LOCAL_ITEMS = {"es": ("tanques", "helicópteros"), "fr": ("chars", "hélicoptères"),
                "de": ("Panzer", "Hubschrauber")}  # fmt: skip
_PAIRS_EN = [("tanks", "howitzers"), ("helicopters", "drones"), ("F-16 jets", "frigates")]
#: Near misses: the delivery is of the deal's own goods, or names no other weapon.
SAME_DEAL = [
    "Under the 2019 contract, {R} ordered 20 {a} from {S} and it delivered the first 4.",
    "Under the 2019 contract, {R} ordered 20 {a} from {S}, which delivered the first 4 {a}.",
    "{R} signed a contract for 20 {a} from {S}, which delivered them in May.",
    "{R} has ordered 20 {a} from {S}; the first {a} arrived last week.",
]


def _fill(template: str, s: str, r: str, o: str, a: str, b: str) -> str:
    fields = {"S": STATES[s], "R": STATES[r], "O": STATES[o], "a": a, "b": b}
    for language, names in LOCAL.items():
        fields |= {f"S_{language}": names[s], f"R_{language}": names[r]}
        fields |= {f"O_{language}": names[o]}
    return template.format(**fields)


def _two_deals() -> list[tuple[str, str, str, str, str]]:
    cases = []
    for (template, language), (s, r, o) in itertools.product(
        TWO_DEALS, [("DEU", "POL", "FRA"), ("FRA", "ESP", "DEU")]
    ):
        pairs = [_LOCAL_ITEMS[language]] if language in _LOCAL_ITEMS else _PAIRS_EN
        for a, b in pairs:
            cases.append((_fill(template, s, r, o, a, b), s, r, a, b))
    return cases


@pytest.mark.parametrize(("text", "s", "r", "a", "b"), _two_deals())
def test_each_deal_has_its_own_stage(text: str, s: str, r: str, a: str, b: str) -> None:
    """Fails on main: 30/30 orders kept as delivered (the other deal's "delivered" read as
    this one's arrival)."""
    record = _record(text, s, r, a)
    assert record.deal_status == "ordered", text
    assert record.delivery_date is None


@pytest.mark.parametrize(("text", "s", "r", "a", "b"), _two_deals())
def test_the_other_deal_stays_delivered(text: str, s: str, r: str, a: str, b: str) -> None:
    assert _record(text, s, r, b).deal_status == "delivered", text


@pytest.mark.parametrize(
    ("template", "a"), list(itertools.product(SAME_DEAL, ["tanks", "helicopters"]))
)
def test_a_delivery_of_the_deals_goods_stays_delivered(template: str, a: str) -> None:
    text = _fill(template, "DEU", "POL", "FRA", a, "")
    assert _record(text, "DEU", "POL", a).deal_status == "delivered", text


# -- 3. a negation of something else -------------------------------------------------------

#: The deal made; a negation in a clause about what the buyer could not do elsewhere.
ELSEWHERE = [
    "{R} bought 20 {w} from {S} it could not buy elsewhere.",
    "{R} bought {w} it could not buy elsewhere from {S}.",
    "{S} sold {R} {w} it could not buy from the West.",
    "{S} sold {R} {w} they could not obtain from the United States.",
    "{S} delivered to {R} {w} it had never received before.",
    "{S} delivered 20 {w} to {R}, which could not buy them elsewhere.",
    "{R} bought 20 {w} from {S} because it could not buy them elsewhere.",
    "{S} supplied {R} with {w} it could not get from the United States.",
    "{R_es} compró a {S_es} 20 tanques que no podía comprar en otro lugar.",
    "{R_fr} a acheté à {S_fr} 20 chars qu'elle ne pouvait pas acheter ailleurs.",
    "{R_de} kaufte von {S_de} 20 Panzer, die es anderswo nicht kaufen konnte.",
]
#: Near misses: the deal itself negated.
NEGATED = [
    "{S} did not sell {w} to {R}.",
    "{S} will not deliver {w} to {R}, which could not buy them elsewhere.",
    "{S} sold no {w} to {R}.",
    "{S} has never supplied {w} to {R}.",
    "{R} could not buy {w} from {S}.",
]
_W = ["tanks", "howitzers", "drones"]
_ITEMS = ["tanks", "howitzers", "drones", "tanques", "chars", "Panzer"]


def _negation_cases(templates: list[str]) -> list[tuple[str, str, str, str]]:
    cases = []
    for template, (s, r), w in itertools.product(templates, [("DEU", "POL"), ("FRA", "ESP")], _W):
        text = _fill(template.replace("{w}", w), s, r, s, "", "")
        item = next(i for i in _ITEMS if i in text)
        cases.append((text, s, r, item))
    return list(dict.fromkeys(cases))


@pytest.mark.parametrize(("text", "s", "r", "item"), _negation_cases(ELSEWHERE))
def test_a_negation_of_something_else_is_no_refusal(text: str, s: str, r: str, item: str) -> None:
    """Fails on main: 24/54 coded denied (an unmarked relative clause's "could not buy")."""
    record = _record(text, s, r, item)
    assert (record.status, record.deal_status) == ("occurred", "delivered"), text


@pytest.mark.parametrize(("text", "s", "r", "item"), _negation_cases(NEGATED))
def test_a_negated_deal_is_still_refused(text: str, s: str, r: str, item: str) -> None:
    assert _record(text, s, r, item).status == "denied", text


# -- 4. the deal's predicate after a relative clause ---------------------------------------

CANCELLED = [
    ("The sale of 20 {w} to {R} that {S} announced was cancelled.", "en"),
    ("The sale of 20 {w} to {R} that {S} announced in May has been suspended.", "en"),
    ("The sale of 20 {w} to {R}, which {S} announced in May, was cancelled.", "en"),
    ("The delivery of {w} {S} promised to {R} was suspended on Monday.", "en"),
    ("The export of 20 {w} to {R} that {S} had approved was later revoked.", "en"),
    ("La venta de 20 tanques a {R_es} que {S_es} anunció fue cancelada.", "es"),
    ("La venta de 20 tanques a {R_es}, que {S_es} anunció en mayo, fue cancelada.", "es"),
    ("La vente de 20 chars à {R_fr} que {S_fr} avait annoncée a été annulée.", "fr"),
    ("Der Verkauf von 20 Panzern an {R_de}, den {S_de} angekündigt hatte, wurde storniert.", "de"),
    ("Продажа 20 танков {R_ru}, которую объявила {S_ru}, была отменена.", "ru"),
]
#: Near misses: the main predicate is no cancellation, or the cancellation is another
#: deal's or a relative clause's own.
NOT_CANCELLED = [
    "The sale of 20 {w} to {R} that {S} announced was completed in May.",
    "The sale of 20 {w} to {R}, which {S} had suspended in 2022, was completed in May.",
    "{S} delivered 20 {w} that {R} ordered in a deal that was suspended in 2022.",
    "{S} sold 20 {w} that {R} had ordered before Spain cancelled its frigates.",
    "{S} delivered 20 {w}, which {R} had ordered, on Monday.",
    "La venta de 20 tanques a {R_es} que {S_es} anunció fue completada en mayo.",
]


def _cancel_cases(templates: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    cases = []
    for (template, _), (s, r), w in itertools.product(
        templates, [("DEU", "POL"), ("FRA", "ESP")], _W
    ):
        text = _fill(template.replace("{w}", w), s, r, s, "", "")
        item = next(i for i in [*_ITEMS, "Panzern", "танков"] if i in text)
        cases.append((text, s, r, item))
    return list(dict.fromkeys(cases))


@pytest.mark.parametrize(("text", "s", "r", "item"), _cancel_cases(CANCELLED))
def test_the_deals_own_predicate_after_a_relative_clause(
    text: str, s: str, r: str, item: str
) -> None:
    """Fails on main: 34/40 kept as ordered (the relative clause's verb read, the main
    predicate after it dropped)."""
    assert _record(text, s, r, item, "ordered").deal_status == "cancelled", text


@pytest.mark.parametrize(
    ("text", "s", "r", "item"), _cancel_cases([(t, "") for t in NOT_CANCELLED])
)
def test_a_predicate_not_the_deals_keeps_it(text: str, s: str, r: str, item: str) -> None:
    assert _record(text, s, r, item, "ordered").deal_status == "ordered", text


def test_told_deal_reads_the_main_predicate_not_the_relatives() -> None:
    """The unit of class 4: told_deal on the sentence, any language's reading."""
    assert told_deal("The sale of 20 tanks that Germany announced was cancelled.", "en", []) == (
        "cancelled"
    )
