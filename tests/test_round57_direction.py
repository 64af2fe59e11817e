"""Round 57: the direction of a visit (visitor -> host) and of an arms transfer
(supplier -> recipient), read from sentences written for these tests.

A visit takes place where the traveller went: the place after a word of going or
arriving ("visiting X", "trip to X", "arrived in X") is where it happened, and no
country after "back", "home", "return", nor one governed by a noun ("investment in
X"), is. With no venue, a verb of receiving says who is at home ("X hosted Y", "Y
was received by X"). A swap puts each person on the side of their own country.
An arms transfer goes from the supplier to the recipient (SIPRI): "from X", "sold
by X" mark a supplier, "sold ... to X", "向X交付" a recipient.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.roles_support import run

FAST = settings(max_examples=40, deadline=None)


def visit(**overrides: Any) -> dict[str, Any]:
    draft = {"visitors": [], "visitor_country": None, "hosts": [], "host_country": None,
             "place": None, "date": None, "end_date": None, "purpose": None,
             "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip
    return {**draft, **overrides}


def person(name: str, code: str) -> dict[str, Any]:
    return {"name": name, "title": None, "country": code}


# code: en name, en adjective, es, fr "in/to", fr "to" (dative), de, ru prepositional,
# ru accusative, ru nominative, ru dative, ru genitive, zh
COUNTRIES: dict[str, dict[str, str]] = {
    "DEU": {"fr_of": "de l'Allemagne", "en": "Germany", "adj": "German", "es": "Alemania", "fr_in": "en Allemagne",
            "fr_to": "à l'Allemagne", "de": "Deutschland", "ru_prep": "Германии",
            "ru_acc": "Германию", "ru_nom": "Германия", "ru_dat": "Германии",
            "ru_gen": "Германии", "zh": "德国"},
    "FRA": {"fr_of": "de la France", "en": "France", "adj": "French", "es": "Francia", "fr_in": "en France",
            "fr_to": "à la France", "de": "Frankreich", "ru_prep": "Франции",
            "ru_acc": "Францию", "ru_nom": "Франция", "ru_dat": "Франции",
            "ru_gen": "Франции", "zh": "法国"},
    "CHN": {"fr_of": "de la Chine", "en": "China", "adj": "Chinese", "es": "China", "fr_in": "en Chine",
            "fr_to": "à la Chine", "de": "China", "ru_prep": "Китае", "ru_acc": "Китай",
            "ru_nom": "Китай", "ru_dat": "Китаю", "ru_gen": "Китая", "zh": "中国"},
    "IND": {"fr_of": "de l'Inde", "en": "India", "adj": "Indian", "es": "India", "fr_in": "en Inde",
            "fr_to": "à l'Inde", "de": "Indien", "ru_prep": "Индии", "ru_acc": "Индию",
            "ru_nom": "Индия", "ru_dat": "Индии", "ru_gen": "Индии", "zh": "印度"},
    "JPN": {"fr_of": "du Japon", "en": "Japan", "adj": "Japanese", "es": "Japón", "fr_in": "au Japon",
            "fr_to": "au Japon", "de": "Japan", "ru_prep": "Японии", "ru_acc": "Японию",
            "ru_nom": "Япония", "ru_dat": "Японии", "ru_gen": "Японии", "zh": "日本"},
    "BRA": {"fr_of": "du Brésil", "en": "Brazil", "adj": "Brazilian", "es": "Brasil", "fr_in": "au Brésil",
            "fr_to": "au Brésil", "de": "Brasilien", "ru_prep": "Бразилии",
            "ru_acc": "Бразилию", "ru_nom": "Бразилия", "ru_dat": "Бразилии",
            "ru_gen": "Бразилии", "zh": "巴西"},
}  # fmt: skip
PAIRS = st.permutations(sorted(COUNTRIES)).map(lambda codes: (codes[0], codes[1]))
NAMES = {"en": ("Ana Ruiz", "Lars Berg"), "es": ("Ana Ruiz", "Lars Berg"),
         "fr": ("Ana Ruiz", "Lars Berg"), "de": ("Ana Ruiz", "Lars Berg"),
         "ru": ("Ана Руис", "Ларс Берг"), "zh": ("王磊", "李娜")}  # fmt: skip


def fill(template: str, a: str, b: str, names: tuple[str, str]) -> str:
    """A template with {a}/{b} (the two people) and {A.key}/{B.key} (their countries)."""
    fields = {f"A_{k}": v for k, v in COUNTRIES[a].items()}
    fields |= {f"B_{k}": v for k, v in COUNTRIES[b].items()}
    return template.format(a=names[0], b=names[1], **fields)


# -- 1. where the traveller went wins over "back to X" and "investment in X" ----------------

#: {a} of country A goes to country B; the clause after it names A as no venue.
WENT = [
    ("en", "{A_adj} minister {a}, visiting {B_en} on Tuesday, urged more {B_adj} investment "
           "in {A_en}."),
    ("en", "{a} arrived in {B_en} on Tuesday and will fly back to {A_en} on Friday."),
    ("en", "During a trip to {B_en}, {a} said that exports to {A_en} would grow."),
    ("en", "Visiting {A_adj} minister {a} met officials on Tuesday before flying home to "
           "{A_en}, after talks in {B_en}."),
    ("es", "La ministra {a}, de visita en {B_es}, pidió más inversiones en {A_es}."),
    ("es", "La ministra {a} llegó a {B_es} el martes y regresará a {A_es} el viernes."),
    ("fr", "La ministre {a}, en visite {B_fr_in}, a appelé à plus d'investissements {A_fr_in}."),
    ("fr", "La ministre {a} est arrivée {B_fr_in} mardi avant de rentrer {A_fr_in}."),
    ("de", "Ministerin {a} ist am Dienstag nach {B_de} gereist und forderte mehr Investitionen "
           "in {A_de}."),
    ("de", "Ministerin {a} reiste am Dienstag nach {B_de} und fliegt am Freitag zurück nach "
           "{A_de}."),
    ("ru", "Министр {a}, находящаяся с визитом в {B_prep}, призвала к инвестициям в {A_acc}."),
    ("ru", "Министр {a} прибыла в {B_acc} во вторник и в пятницу вернётся в {A_acc}."),
    ("zh", "部长{a}周二抵达{B_zh}进行访问，呼吁扩大对{A_zh}的投资。"),
]  # fmt: skip


def _ru_fix(template: str) -> str:
    return (
        template.replace("{B_prep}", "{B_ru_prep}")
        .replace("{A_acc}", "{A_ru_acc}")
        .replace("{B_acc}", "{B_ru_acc}")
    )


@FAST
@given(pair=PAIRS, case=st.sampled_from(WENT), reversed_answer=st.booleans())
def test_a_visit_takes_place_where_the_traveller_went(
    pair: tuple[str, str], case: tuple[str, str], reversed_answer: bool
) -> None:
    """Coded right it stays; coded the wrong way round it is swapped back, with a warning."""
    (a, b), (language, template) = pair, case
    names = NAMES[language]
    text = fill(_ru_fix(template), a, b, names)
    guest = person(names[0], a)
    draft = (
        visit(visitors=[person(names[0], b)], visitor_country=b, host_country=a)
        if reversed_answer
        else visit(visitors=[guest], visitor_country=a, host_country=b)
    )
    outcome = run("visit", text, **draft)
    assert [(r.visitor_country, r.host_country) for r in outcome.records] == [(a, b)], (
        text, outcome.warnings, outcome.problems,
    )  # fmt: skip
    swapped = any("swapped" in w for w in outcome.warnings)
    assert swapped == reversed_answer, (text, outcome.warnings)


def test_a_place_the_traveller_went_to_is_not_dropped_for_a_noun_s_country() -> None:
    for a, b in (("DEU", "CHN"), ("FRA", "IND"), ("JPN", "BRA")):
        text = fill(
            "Minister {a}, visiting {B_en} on Tuesday, urged more {B_adj} investment in {A_en}.",
            a, b, NAMES["en"],
        )  # fmt: skip
        draft = visit(visitors=[person("Ana Ruiz", a)], visitor_country=a, host_country=b,
                      place=COUNTRIES[b]["en"])  # fmt: skip
        outcome = run("visit", text, **draft)
        assert [(r.visitor_country, r.host_country) for r in outcome.records] == [(a, b)], (
            text, outcome.problems,
        )  # fmt: skip


# -- 2. who received whom, with no venue ---------------------------------------------------

#: (language, voice, template): {a} of A receives {b} of B, at home in A.
RECEIVED = [
    ("en", "active", "{A_adj} President {a} hosted {B_adj} Prime Minister {b} on Tuesday."),
    ("en", "active", "{A_adj} President {a} received {B_adj} Prime Minister {b} on Tuesday."),
    ("en", "active", "{A_adj} President {a} welcomed {B_adj} Prime Minister {b} on Tuesday."),
    ("en", "passive", "{B_adj} Prime Minister {b} was received by {A_adj} President {a} on "
                      "Tuesday."),
    ("en", "passive", "{B_adj} Prime Minister {b} was warmly welcomed by President {a} of "
                      "{A_en} on Tuesday."),
    ("es", "active", "La presidenta de {A_es}, {a}, recibió el martes al primer ministro de "
                     "{B_es}, {b}, según informó el gobierno."),
    ("es", "passive", "El primer ministro de {B_es}, {b}, fue recibido el martes por la "
                      "presidenta de {A_es}, {a}, según informó el gobierno."),
    ("fr", "active", "La présidente {A_fr_of}, {a}, a reçu mardi le Premier ministre "
                     "{B_fr_of}, {b}, a annoncé le gouvernement."),
    ("fr", "passive", "Le Premier ministre {B_fr_of}, {b}, a été reçu mardi par la présidente "
                      "{A_fr_of}, {a}, a annoncé le gouvernement."),
    ("de", "active", "Die Präsidentin von {A_de}, {a}, empfing am Dienstag den "
                     "Ministerpräsidenten von {B_de}, {b}, wie die Regierung mitteilte."),
    ("de", "passive", "Der Ministerpräsident von {B_de}, {b}, wurde am Dienstag von der "
                      "Präsidentin von {A_de}, {a}, empfangen, wie die Regierung mitteilte."),
    ("ru", "active", "Президент {A_ru_gen} {a} приняла премьер-министра {B_ru_gen} {b}."),
    ("ru", "passive", "Премьер-министр {B_ru_gen} {b} был принят президентом {A_ru_gen} {a} "
                      "во вторник."),
    ("zh", "active", "{A_zh}总统{a}周二会见了{B_zh}总理{b}。"),
    ("zh", "active", "{A_zh}总统{a}周二接待了{B_zh}总理{b}。"),
    ("zh", "passive", "{B_zh}总理{b}周二受到{A_zh}总统{a}的接见。"),
]  # fmt: skip
#: A clause that names the guest's country after "in", "to": no venue.
NOT_VENUES = {
    "en": ["", " They discussed {B_adj} investment in {B_en}.",
           " Officials spoke of exports to {B_en}."],
}  # fmt: skip


@FAST
@given(
    pair=PAIRS,
    case=st.sampled_from(RECEIVED),
    reversed_answer=st.booleans(),
    extra=st.sampled_from(NOT_VENUES["en"]),
)
def test_who_received_whom_says_who_travelled(
    pair: tuple[str, str], case: tuple[str, str, str], reversed_answer: bool, extra: str
) -> None:
    """The one who hosts, receives or welcomes is at home: a visit coded with them as the
    visitor is swapped, with a warning, whatever the voice and the language."""
    (a, b), (language, _, template) = pair, case
    names = NAMES[language]
    text = fill(template, a, b, names)
    if language == "en":
        text = text + fill(extra, a, b, names)
    host, guest = person(names[0], a), person(names[1], b)
    draft = (
        visit(visitors=[host], visitor_country=a, hosts=[guest], host_country=b)
        if reversed_answer
        else visit(visitors=[guest], visitor_country=b, hosts=[host], host_country=a)
    )
    outcome = run("visit", text, **draft)
    [record] = outcome.records
    assert (record.visitor_country, record.host_country) == (b, a), (text, outcome.warnings)
    assert [p.name for p in record.visitors] == [names[1]]
    assert [p.name for p in record.hosts] == [names[0]]
    assert any("swapped" in w for w in outcome.warnings) == reversed_answer, outcome.warnings
    # a call received says nothing of who travelled: nothing is swapped, and since round 64
    # the call is what it is, the two sides' meeting at a distance, not a visit
    if language != "en":
        return
    call = fill("President {a} of {A_en} received a call from Prime Minister {b} of {B_en} on "
                "Tuesday.", a, b, NAMES["en"])  # fmt: skip
    outcome = run("visit", call, **draft)
    assert not any("swapped" in w for w in outcome.warnings)
    assert [(r.record_type, r.format, set(r.countries_involved)) for r in outcome.records] == [
        ("meeting", "virtual", {a, b})
    ]


# -- 3. a swap puts each person on the side of their own country --------------------------

ARRIVALS = [
    ("en", "On Tuesday {A_adj} minister {a} arrived in {B_en} for a state visit and met {b}."),
    ("ru", "Во вторник министр {A_ru_gen} {a} прибыла в {B_ru_acc} с государственным "
           "визитом и провела переговоры с {b}."),
    ("zh", "{A_zh}部长{a}周二抵达{B_zh}，开始对{B_zh}进行国事访问，并与{b}举行会谈。"),
    ("es", "El martes la ministra de {A_es}, {a}, llegó a {B_es} en visita de Estado y se "
           "reunió con {b}, según informó el gobierno."),
]  # fmt: skip


@FAST
@given(pair=PAIRS, case=st.sampled_from(ARRIVALS), with_host=st.booleans())
def test_a_swap_keeps_each_person_with_their_own_country(
    pair: tuple[str, str], case: tuple[str, str], with_host: bool
) -> None:
    """The countries coded the wrong way round, the people right: after the swap the
    traveller is still the visitor and the host still the host."""
    (a, b), (language, template) = pair, case
    names = NAMES[language]
    text = fill(template, a, b, names)
    hosts = [person(names[1], b)] if with_host else []
    draft = visit(visitors=[person(names[0], a)], visitor_country=b, hosts=hosts,
                  host_country=a)  # fmt: skip
    outcome = run("visit", text, **draft)
    [record] = outcome.records
    assert (record.visitor_country, record.host_country) == (a, b), (text, outcome.warnings)
    assert [p.name for p in record.visitors] == [names[0]]
    assert [p.name for p in record.hosts] == [p["name"] for p in hosts]


# -- 4. arms go from the supplier to the recipient -------------------------------------------

#: {A} supplies {B}; the item as written.
SUPPLIED = [
    ("en", "{A_en} sold 250 {item} to {B_en}.", "Abrams tanks"),
    ("en", "{B_en} bought 250 {item} from {A_en}.", "Abrams tanks"),
    ("en", "The {A_en} approved the sale of 36 {item} to {B_en} on Tuesday.", "F-16 fighters"),
    ("en", "{B_en} received 12 {item} supplied by {A_en}.", "howitzers"),
    ("en", "{A_en} will deliver 36 {item} to {B_en}, officials said.", "F-16 fighters"),
    ("es", "{A_es} vendió 250 {item} a {B_es}, según informó el martes el ministerio de "
           "defensa.", "tanques"),
    ("es", "{B_es} compró 250 {item} a {A_es}, según informó el martes el ministerio de "
           "defensa.", "tanques"),
    ("fr", "{A_fr_in} a livré 36 {item} {B_fr_to}, a annoncé mardi le ministère des "
           "armées.", "Rafale"),
    ("de", "{A_de} lieferte 30 {item} an {B_de}, wie das Verteidigungsministerium am "
           "Dienstag mitteilte.", "Haubitzen"),
    ("de", "{B_de} erhielt 30 {item} aus {A_de}, wie das Verteidigungsministerium am "
           "Dienstag mitteilte.", "Haubitzen"),
    ("ru", "{A_ru_nom} поставляет {B_ru_dat} {item}, сообщило во вторник министерство "
           "обороны.", "истребители"),
    ("ru", "{B_ru_nom} закупает у {A_ru_gen} {item}, сообщило во вторник министерство "
           "обороны.", "истребители"),
    ("zh", "{A_zh}向{B_zh}交付了36架{item}，国防部周二宣布。", "战斗机"),
    ("zh", "{B_zh}从{A_zh}购买了36架{item}，国防部周二宣布。", "战斗机"),
]  # fmt: skip


def arms(supplier: str, recipient: str, item: str) -> dict[str, Any]:
    return {"supplier": supplier, "recipient": recipient,
            "items": [{"designation": item, "category": None, "quantity": None}],
            "value": None, "date": None, "deal_status": None, "transfer_type": None,
            "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip


def _arms_text(template: str, a: str, b: str, item: str) -> str:
    if template.startswith("{A_fr_in}"):  # a French subject: "La France", not "en France"
        subject = COUNTRIES[a]["fr_to"].removeprefix("à ").removeprefix("au ")
        template = template.replace("{A_fr_in}", subject[:1].upper() + subject[1:])
    return fill(template.replace("{item}", item), a, b, NAMES["en"])


@FAST
@given(pair=PAIRS, case=st.sampled_from(SUPPLIED), reversed_answer=st.booleans())
def test_arms_go_from_the_supplier_to_the_recipient(
    pair: tuple[str, str], case: tuple[str, str, str], reversed_answer: bool
) -> None:
    (a, b), (_, template, item) = pair, case
    text = _arms_text(template, a, b, item)
    draft = arms(b, a, item) if reversed_answer else arms(a, b, item)
    outcome = run("arms_transfer", text, **draft)
    assert [(r.supplier.country, r.recipient.country) for r in outcome.records] == [(a, b)], (
        text, outcome.warnings, outcome.problems,
    )  # fmt: skip
    assert any("swapped" in w for w in outcome.warnings) == reversed_answer, outcome.warnings


def test_one_side_marked_the_wrong_way_is_kept_with_a_warning() -> None:
    for a, b in (("FRA", "IND"), ("CHN", "BRA")):
        text = fill(
            "The 36 Rafale fighters were delivered to {B_en} on Monday, a year after {A_en} "
            "signed the contract.", a, b, NAMES["en"],
        )  # fmt: skip
        outcome = run("arms_transfer", text, **arms(b, a, "Rafale fighters"))
        assert [(r.supplier.country, r.recipient.country) for r in outcome.records] == [(b, a)]
        assert any("check the direction" in w for w in outcome.warnings), outcome.warnings
