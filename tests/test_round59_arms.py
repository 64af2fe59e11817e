"""Round 59: the state publishing a statement is a side of an arms transfer only where
the text makes it one.

A readout's own state counts as named though the text never names it, so a model codes
it as the supplier of any transfer the readout reports ("Denmark, the Netherlands and
Norway will deliver F-16 jets to Ukraine, the President welcomed", on whitehouse.gov:
USA -> UKR). SIPRI's supplier is the state the text says transfers: the publisher is
kept where the text names it so ("The United States will provide") or speaks in the
first person ("We will send", "Enviaremos", "Wir werden ... liefern", "our aid"). A
list of parties before a verb of supplying marks each of them; a record has one
supplier, so the first named is coded, with a warning naming the others. German marks
the recipient by a dative right after the verb: "Deutschland liefert der Ukraine Panzer".
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, resolve
from extractor.types.arms_transfer import transfer_sides
from tests.test_round57_direction import arms

FAST = settings(max_examples=80, deadline=None)
LANGUAGES = ("en", "fr", "es", "de")

#: A state's name in each language as a subject (with its article) and after "to".
NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "DNK": {"en": ("Denmark", "to Denmark"), "fr": ("le Danemark", "au Danemark"),
            "es": ("Dinamarca", "a Dinamarca"), "de": ("Dänemark", "an Dänemark")},
    "NLD": {"en": ("the Netherlands", "to the Netherlands"), "fr": ("les Pays-Bas", "aux Pays-Bas"),
            "es": ("los Países Bajos", "a los Países Bajos"),
            "de": ("die Niederlande", "an die Niederlande")},
    "NOR": {"en": ("Norway", "to Norway"), "fr": ("la Norvège", "à la Norvège"),
            "es": ("Noruega", "a Noruega"), "de": ("Norwegen", "an Norwegen")},
    "BEL": {"en": ("Belgium", "to Belgium"), "fr": ("la Belgique", "à la Belgique"),
            "es": ("Bélgica", "a Bélgica"), "de": ("Belgien", "an Belgien")},
    "POL": {"en": ("Poland", "to Poland"), "fr": ("la Pologne", "à la Pologne"),
            "es": ("Polonia", "a Polonia"), "de": ("Polen", "an Polen")},
    "UKR": {"en": ("Ukraine", "to Ukraine"), "fr": ("l'Ukraine", "à l'Ukraine"),
            "es": ("Ucrania", "a Ucrania"), "de": ("die Ukraine", "an die Ukraine")},
    "JPN": {"en": ("Japan", "to Japan"), "fr": ("le Japon", "au Japon"),
            "es": ("Japón", "a Japón"), "de": ("Japan", "an Japan")},
    "USA": {"en": ("the United States", ""), "fr": ("les États-Unis", ""),
            "es": ("Estados Unidos", ""), "de": ("die Vereinigten Staaten", "")},
    "GBR": {"en": ("the United Kingdom", ""), "fr": ("le Royaume-Uni", ""),
            "es": ("el Reino Unido", ""), "de": ("das Vereinigte Königreich", "")},
    "FRA": {"en": ("France", ""), "fr": ("la France", ""), "es": ("Francia", ""),
            "de": ("Frankreich", "")},
}  # fmt: skip
PUBLISHERS = {"USA": "https://www.whitehouse.gov/briefing-room/x/",
              "GBR": "https://www.gov.uk/government/news/x",
              "FRA": "https://www.diplomatie.gouv.fr/x"}  # fmt: skip
SUPPLIERS = ("DNK", "NLD", "NOR", "BEL")
RECIPIENTS = ("POL", "UKR", "JPN")
AND = {"en": "and", "fr": "et", "es": "y", "de": "und"}
WEAPONS = {
    "en": ["F-16 jets", "howitzers", "Patriot missiles", "tanks"],
    "fr": ["F-16", "obusiers", "missiles Patriot", "chars"],
    "es": ["cazas F-16", "obuses", "misiles Patriot", "tanques"],
    "de": ["F-16-Kampfjets", "Haubitzen", "Patriot-Raketen", "Panzer"],
}
#: {S} supplies {W} {R} (R with its "to"): (one supplier, several), each language.
OTHERS_SUPPLY: dict[str, list[tuple[str, str]]] = {
    "en": [("{S} will deliver {W} {R}, the President welcomed.",) * 2,
           ("{S} delivered {W} {R} on Tuesday, the Prime Minister said.",) * 2,
           ("The President welcomed that {S} will send {W} {R}.",) * 2],
    "fr": [("{S} livrera des {W} {R}, a salué le président.",
            "{S} livreront des {W} {R}, a salué le président."),
           ("{S} a livré des {W} {R} mardi, a indiqué le ministère.",
            "{S} ont livré des {W} {R} mardi, a indiqué le ministère.")],
    "es": [("{S} entregará {W} {R}, celebró el presidente.",
            "{S} entregarán {W} {R}, celebró el presidente."),
           ("{S} envió {W} {R} el martes, informó el ministerio.",
            "{S} enviaron {W} {R} el martes, informó el ministerio.")],
    "de": [("{S} wird {W} {R} liefern, begrüßte der Präsident.",
            "{S} werden {W} {R} liefern, begrüßte der Präsident."),
           ("{S} hat am Dienstag {W} {R} geliefert, teilte das Ministerium mit.",
            "{S} haben am Dienstag {W} {R} geliefert, teilte das Ministerium mit.")],
}  # fmt: skip
#: The publisher {P} named as the supplier of {W} to {B} (bare) / {R} (with its "to").
PUBLISHER_SUPPLIES: dict[str, list[str]] = {
    "en": ["{P} will provide {B} with additional {W}.", "{P} will deliver {W} {R}.",
           "{P} delivered {W} {R} on Tuesday, while {S} objected."],
    "fr": ["{P} livrera des {W} {R}.", "{P} a livré des {W} {R}, malgré les critiques."],
    "es": ["{P} entregará {W} {R}.", "{P} vendió {W} {R} el martes."],
    "de": ["{P} wird {W} {R} liefern.", "{P} hat am Dienstag {W} {R} geliefert."],
}  # fmt: skip
#: The publisher speaking in the first person or its office deciding ("President Biden
#: announced"), sometimes beside another supplier {S}.
WE_SUPPLY: dict[str, list[str]] = {
    "en": ["Today, President Biden announced 30 more {W} {R}, after {S} sent {W}.",
           "We will send 30 {W} {R}.", "I am announcing that we will deliver {W} {R}.",
           "{S} delivered {W} last week, and we will send 30 more {W} {R}.",
           "Our {W} will be delivered {R} next month."],
    "fr": ["Le président a annoncé l'envoi de {W} {R}, après {S}.",
           "Nous livrerons 30 {W} {R}.", "Nous enverrons des {W} {R}, après {S}."],
    "es": ["El presidente anunció el envío de {W} {R}, como {S}.",
           "Enviaremos 30 {W} {R}.", "Nosotros entregaremos {W} {R}, como {S}."],
    "de": ["Der Präsident kündigte die Lieferung von {W} {R} an, nach {S}.",
           "Wir werden 30 {W} {R} liefern.", "Heute liefern wir 30 {W} {R}.",
           "Nach {S} werden wir {W} {R} liefern."],
}  # fmt: skip


def _name(code: str, language: str, *, to: bool = False, capital: bool = False) -> str:
    text = NAMES[code][language][1 if to else 0]
    return text[:1].upper() + text[1:] if capital else text


def _listed(codes: tuple[str, ...], language: str) -> str:
    names = [_name(c, language) for c in codes]
    text = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {AND[language]} {names[-1]}"
    return text[:1].upper() + text[1:]


def _fill(template: str, language: str, **codes: str) -> str:
    """``template`` with its parties written in ``language``; a sentence begins with a
    capital."""
    text = template
    for key, code in codes.items():
        bare = "{" + key + "}"
        if key == "R":
            text = text.replace(bare, _name(code, language, to=True))
        elif text.startswith(bare):
            text = text.replace(bare, _name(code, language, capital=True))
        else:
            text = text.replace(bare, _name(code, language))
    return text


#: A second sentence in each language, naming no country, so that a short article is
#: read in its language.
AFTER = {
    "en": "The announcement followed a meeting of the defence ministers in the capital.",
    "fr": "L'annonce a suivi une réunion des ministres de la défense dans la capitale.",
    "es": "El anuncio se produjo tras una reunión de los ministros de defensa en la capital.",
    "de": "Die Ankündigung folgte auf ein Treffen der Verteidigungsminister in der Hauptstadt.",
}


def _resolved(text: str, publisher: str, supplier: str, recipient: str, weapon: str) -> Any:
    """``resolve`` of one arms draft citing ``text``, the first sentence of an article
    published by ``publisher``'s government."""
    language = next((k for k, v in WEAPONS.items() if weapon in v), "en")
    text = f"{text} {AFTER[language]}"
    model = answer_model(("arms_transfer",))
    (plural,) = model.list_fields
    draft = model.model_fields[plural].annotation.__args__[0](**arms(supplier, recipient, weapon))
    article = Article.of(text, published=date(2025, 3, 12), url=PUBLISHERS[publisher])
    return resolve(model.model_construct(**{plural: [draft]}), article)


def _publisher_warnings(outcome: Any) -> list[str]:
    return [w for w in outcome.warnings if "publishes the statement" in w]


CASE = st.sampled_from(LANGUAGES).flatmap(
    lambda language: st.tuples(st.just(language), st.sampled_from(WEAPONS[language]))
)


@FAST
@given(case=CASE, publisher=st.sampled_from(sorted(PUBLISHERS)),
       suppliers=st.lists(st.sampled_from(SUPPLIERS), min_size=1, max_size=3, unique=True),
       recipient=st.sampled_from(RECIPIENTS), pick=st.integers(0, 2),
       publisher_side=st.sampled_from(["supplier", "recipient"]))  # fmt: skip
def test_others_supplying_are_not_the_publisher(
    case: tuple[str, str],
    publisher: str,
    suppliers: list[str],
    recipient: str,
    pick: int,
    publisher_side: str,
) -> None:
    """A statement that others supply: the publisher answered as supplier is replaced by
    the first supplier it names; answered as recipient, by the recipient it names."""
    language, weapon = case
    templates = OTHERS_SUPPLY[language]
    template = templates[pick % len(templates)][0 if len(suppliers) == 1 else 1]
    text = _fill(template.replace("{S}", _listed(tuple(suppliers), language)), language,
                 R=recipient).replace("{W}", weapon)  # fmt: skip
    if publisher_side == "supplier":
        answer, expected = (publisher, recipient), (suppliers[0], recipient)
    else:
        answer, expected = (suppliers[0], publisher), (suppliers[0], recipient)
    outcome = _resolved(text, publisher, *answer, weapon)
    pairs = [(r.supplier.country, r.recipient.country) for r in outcome.records]
    assert pairs == [expected], (text, outcome.warnings, outcome.problems)
    assert _publisher_warnings(outcome), text
    assert transfer_sides(text, language)[0] == set(suppliers), text


@FAST
@given(case=CASE, publisher=st.sampled_from(sorted(PUBLISHERS)),
       other=st.sampled_from(SUPPLIERS), recipient=st.sampled_from(RECIPIENTS),
       pick=st.integers(0, 2))  # fmt: skip
def test_a_publisher_the_text_names_as_supplier_is_kept(
    case: tuple[str, str], publisher: str, other: str, recipient: str, pick: int
) -> None:
    """ "The United States will provide Ukraine with additional Patriot batteries" on
    whitehouse.gov: the supplier is the United States, as answered, with no warning."""
    language, weapon = case
    templates = PUBLISHER_SUPPLIES[language]
    template = templates[pick % len(templates)]
    text = _fill(template, language, P=publisher, R=recipient, S=other)
    text = text.replace("{B}", _name(recipient, language)).replace("{W}", weapon)
    outcome = _resolved(text, publisher, publisher, recipient, weapon)
    pairs = [(r.supplier.country, r.recipient.country) for r in outcome.records]
    assert pairs == [(publisher, recipient)], (text, outcome.warnings, outcome.problems)
    assert not _publisher_warnings(outcome), text


@FAST
@given(case=CASE, publisher=st.sampled_from(sorted(PUBLISHERS)),
       other=st.sampled_from(SUPPLIERS), recipient=st.sampled_from(RECIPIENTS),
       pick=st.integers(0, 4))  # fmt: skip
def test_a_publisher_speaking_in_the_first_person_is_kept(
    case: tuple[str, str], publisher: str, other: str, recipient: str, pick: int
) -> None:
    """ "We will send 30 tanks to Poland" on whitehouse.gov: the United States supplies,
    though another supplier is named beside it."""
    language, weapon = case
    templates = WE_SUPPLY[language]
    text = _fill(templates[pick % len(templates)], language, R=recipient, S=other)
    text = text.replace("{W}", weapon)
    outcome = _resolved(text, publisher, publisher, recipient, weapon)
    pairs = [(r.supplier.country, r.recipient.country) for r in outcome.records]
    assert pairs == [(publisher, recipient)], (text, outcome.warnings, outcome.problems)
    assert not _publisher_warnings(outcome), text


def test_the_white_house_f16_statement() -> None:
    """The prober's case, as the task states it."""
    text = "Denmark, the Netherlands and Norway will deliver F-16 jets to Ukraine, the President welcomed."
    outcome = _resolved(text, "USA", "USA", "UKR", "F-16 jets")
    [record] = outcome.records
    assert (record.supplier.country, record.recipient.country) == ("DNK", "UKR")
    assert any("NLD, NOR" in w for w in _publisher_warnings(outcome))


#: German dative names after a verb of supplying, with their article.
DATIVES = {"UKR": "der Ukraine", "TUR": "der Türkei", "CHE": "der Schweiz", "USA": "den USA",
           "NLD": "den Niederlanden", "IRQ": "dem Irak", "ARE": "den Vereinigten Arabischen Emiraten"}  # fmt: skip
GERMAN_SUBJECTS = {"DEU": "Deutschland", "FRA": "Frankreich", "POL": "Polen", "ITA": "Italien"}
GERMAN_VERBS = ["{A} liefert {B} 14 {W}.", "{A} lieferte {B} am Dienstag 14 {W}.",
                "{A} hat {B} 14 {W} geliefert.", "{A} wird {B} 14 {W} liefern.",
                "{A} verkauft {B} 14 {W}, teilte das Ministerium mit.",
                "{A} schickt {B} 14 {W}."]  # fmt: skip


@FAST
@given(a=st.sampled_from(sorted(GERMAN_SUBJECTS)), b=st.sampled_from(sorted(DATIVES)),
       template=st.sampled_from(GERMAN_VERBS), weapon=st.sampled_from(WEAPONS["de"]),
       reversed_answer=st.booleans())  # fmt: skip
def test_a_german_dative_after_the_verb_is_the_recipient(
    a: str, b: str, template: str, weapon: str, reversed_answer: bool
) -> None:
    """«Deutschland liefert der Ukraine Panzer»: supplier DEU, recipient UKR; the reversed
    answer is swapped back."""
    text = template.format(A=GERMAN_SUBJECTS[a], B=DATIVES[b], W=weapon)
    assert transfer_sides(text, "de") == ({a}, {b}), text
    answer = (b, a) if reversed_answer else (a, b)
    model = answer_model(("arms_transfer",))
    (plural,) = model.list_fields
    draft = model.model_fields[plural].annotation.__args__[0](**arms(*answer, weapon))
    article = Article.of(f"{text} {AFTER['de']}", published=date(2025, 3, 12))
    outcome = resolve(model.model_construct(**{plural: [draft]}), article)
    pairs = [(r.supplier.country, r.recipient.country) for r in outcome.records]
    assert pairs == [(a, b)], (text, outcome.warnings)


def test_a_masculine_nominative_after_the_verb_is_no_recipient() -> None:
    """ "Heute liefert der Iran Drohnen an Russland": "der Iran" is the subject."""
    assert "IRN" not in transfer_sides("Heute liefert der Iran Drohnen an Russland.", "de")[1]


@settings(max_examples=30, deadline=None)
@given(
    frame=st.sampled_from(
        [
            "After Germany sent Leopard tanks, the United States will send {w} to {r}.",
            "While France supplies jets, the United States will send {w} to {r}.",
            "Germany has already delivered tanks; the United States will now send {w} to {r}.",
        ]
    ),
    weapon=st.sampled_from(["howitzers", "Patriot batteries", "HIMARS launchers"]),
    recipient=st.sampled_from([("Ukraine", "UKR"), ("Poland", "POL"), ("Taiwan", "TWN")]),
)
def test_a_publisher_the_quote_names_as_supplier_keeps_its_own_transfer(
    frame: str, weapon: str, recipient: tuple[str, str]
) -> None:
    """The publisher named as the subject of its own clause keeps the transfer, whatever
    another state supplies in an earlier clause."""
    name, code = recipient
    text = frame.format(w=weapon, r=name)
    [record] = _resolved(text, "USA", "USA", code, weapon).records
    assert (record.supplier.country, record.recipient.country) == ("USA", code), text
