"""Round 61: who the supplier is when a quote says "we", or a clause stands between.

SIPRI: the supplier is the state that delivers the items, the recipient the one that
receives them.

In quoted speech "we" is the speaker's state, not the publisher's: '"We will send 12
howitzers to Ukraine," the Danish Prime Minister said' is Denmark's transfer on any site,
and an answer coding another state (the publisher, or a state the article names
elsewhere) is corrected to the speaker's. A state the first person joins ("Together with
Germany, we will send") supplies too: an answer coding it is kept. A speaker named with
no state ("the President said after talks with the Danish Prime Minister") is not
another state's: the publisher's own first person stays its own.

A relative or participial clause set off by commas after a party ("Germany, which has
already sent tanks, will deliver howitzers") does not hide the main verb from its
subject; a relative clause on the goods names who gives them ("The howitzers that Germany
pledged will be delivered"). Generated over states, speakers, weapons, recipients and the
languages the rules read (en, es, fr, de, ru).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, resolve
from tests.test_round57_direction import arms

FAST = settings(max_examples=40, deadline=None)
WH = "https://www.whitehouse.gov/briefing-room/x/"
LANGUAGES = ["en", "es", "fr", "de", "ru"]

#: Each state's name per language, as a subject (Russian nominative).
NAMES = {
    "DEU": {"en": "Germany", "es": "Alemania", "fr": "l'Allemagne", "de": "Deutschland",
            "ru": "Германия"},
    "DNK": {"en": "Denmark", "es": "Dinamarca", "fr": "le Danemark", "de": "Dänemark",
            "ru": "Дания"},
    "POL": {"en": "Poland", "es": "Polonia", "fr": "la Pologne", "de": "Polen", "ru": "Польша"},
    "NOR": {"en": "Norway", "es": "Noruega", "fr": "la Norvège", "de": "Norwegen",
            "ru": "Норвегия"},
}  # fmt: skip
#: A speaker of each state per language: a title with the state's adjective or "of".
SPEAKERS = {
    "DNK": {"en": ["the Danish Prime Minister", "the Prime Minister of Denmark"],
            "es": ["el primer ministro danés"], "fr": ["le Premier ministre danois"],
            "de": ["der dänische Ministerpräsident"], "ru": ["премьер-министр Дании"]},
    "POL": {"en": ["the Polish Defence Minister", "the Defence Minister of Poland"],
            "es": ["el ministro de Defensa polaco"], "fr": ["le ministre polonais de la Défense"],
            "de": ["der polnische Verteidigungsminister"], "ru": ["министр обороны Польши"]},
    "NOR": {"en": ["the Norwegian Foreign Minister"], "es": ["el canciller noruego"],
            "fr": ["le ministre norvégien des Affaires étrangères"],
            "de": ["der norwegische Außenminister"], "ru": ["министр иностранных дел Норвегии"]},
}  # fmt: skip
#: The recipient after the language's "to" (Russian dative, no preposition).
RECIPIENTS = {
    "UKR": {"en": "to Ukraine", "es": "a Ucrania", "fr": "à l'Ukraine", "de": "an die Ukraine",
            "ru": "Украине"},
    "TWN": {"en": "to Taiwan", "es": "a Taiwán", "fr": "à Taïwan", "de": "an Taiwan",
            "ru": "Тайваню"},
}  # fmt: skip
WEAPONS = {"en": ["howitzers", "Patriot missiles"], "es": ["obuses", "misiles Patriot"],
           "fr": ["obusiers", "missiles Patriot"], "de": ["Haubitzen", "Patriot-Raketen"],
           "ru": ["гаубицы", "ракеты Patriot"]}  # fmt: skip
#: A sentence naming a third state, no side of the transfer.
TAIL = {"en": "{S} welcomed the decision.", "es": "{S} celebró la decisión.",
        "fr": "{S} a salué la décision.", "de": "{S} begrüßte die Entscheidung.",
        "ru": "{S} приветствовала решение."}  # fmt: skip
#: A speaker {P} saying "we will send {W} {R}".
QUOTES = {
    "en": ['"We will send {W} {R}," {P} said.',
           '"We will send {W} {R}," said {P} after talks with {T}.',
           '{P} said: "We will deliver {W} {R}."'],
    "es": ['"Enviaremos {W} {R}", dijo {P}.'],
    "fr": ["« Nous enverrons des {W} {R} », a déclaré {P}."],
    "de": ['„Wir werden {W} {R} liefern", sagte {P}.'],
    "ru": ["«Мы передадим {W} {R}», — заявил {P}."],
}  # fmt: skip


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sides(text: str, supplier: str, recipient: str, weapon: str) -> list[tuple[Any, Any]]:
    model = answer_model(("arms_transfer",))
    (plural,) = model.list_fields
    draft = model.model_fields[plural].annotation.__args__[0](**arms(supplier, recipient, weapon))
    article = Article.of(text, published=date(2025, 3, 12), url=WH)
    outcome = resolve(model.model_construct(**{plural: [draft]}), article)
    return [(r.supplier.country, r.recipient.country) for r in outcome.records]


def _third(*taken: str) -> str:
    return next(code for code in NAMES if code not in taken)


@FAST
@given(language=st.sampled_from(LANGUAGES), speaker=st.sampled_from(sorted(SPEAKERS)),
       recipient=st.sampled_from(sorted(RECIPIENTS)), pick=st.integers(0, 5),
       drafted=st.sampled_from(["publisher", "third"]))  # fmt: skip
def test_a_quoted_we_is_the_speakers_state(
    language: str, speaker: str, recipient: str, pick: int, drafted: str
) -> None:
    """'"We will send howitzers to Ukraine," the Danish Prime Minister said': Denmark
    supplies, though the answer coded the publisher or a state named elsewhere."""
    third = _third(speaker)
    quotes, titles, weapons = QUOTES[language], SPEAKERS[speaker][language], WEAPONS[language]
    weapon = weapons[pick % len(weapons)]
    quote = quotes[pick % len(quotes)].format(
        W=weapon, R=RECIPIENTS[recipient][language], P=titles[pick % len(titles)],
        T=NAMES[third]["en"],
    )  # fmt: skip
    tail = TAIL[language].format(S=_upper(NAMES[third][language]))
    text = f"{_upper(quote)} {tail}"
    supplier = "USA" if drafted == "publisher" else third
    assert _sides(text, supplier, recipient, weapon) == [(speaker, recipient)], text


@FAST
@given(speaker=st.sampled_from(sorted(SPEAKERS)), recipient=st.sampled_from(sorted(RECIPIENTS)),
       pick=st.integers(0, 3))  # fmt: skip
def test_a_state_the_quoted_we_joins_is_kept_the_publisher_is_not(
    speaker: str, recipient: str, pick: int
) -> None:
    """'"Together with Germany, we will send ...," the Danish Prime Minister said': Germany
    supplies too (kept when coded), the publisher does not (coded the speaker's)."""
    joined = _third(speaker)
    weapon = WEAPONS["en"][pick % 2]
    text = (f'"Together with {NAMES[joined]["en"]}, we will send {weapon} '
            f'{RECIPIENTS[recipient]["en"]}," {SPEAKERS[speaker]["en"][0]} said.')  # fmt: skip
    assert _sides(text, joined, recipient, weapon) == [(joined, recipient)], text
    assert _sides(text, "USA", recipient, weapon) == [(speaker, recipient)], text


@FAST
@given(state=st.sampled_from(sorted(SPEAKERS)), recipient=st.sampled_from(sorted(RECIPIENTS)),
       pick=st.integers(0, 1))  # fmt: skip
def test_a_speaker_named_with_no_state_keeps_the_publishers_we(
    state: str, recipient: str, pick: int
) -> None:
    """A state named after the speaker ("after talks with the Danish Prime Minister") is
    not the speaker's: the publisher's President speaking keeps its supplier."""
    weapon = WEAPONS["en"][pick]
    text = (f'"We will send {weapon} {RECIPIENTS[recipient]["en"]}," the President said after '
            f"talks with {SPEAKERS[state]['en'][0]}.")  # fmt: skip
    assert _sides(text, "USA", recipient, weapon) == [("USA", recipient)], text


#: A party {S}, a clause of its own set off by commas, then its main verb of {W} {R}.
PARENTHESES = {
    "en": ["{S}, which has already sent tanks, will deliver {W} {R}.",
           "{S}, following its donation of tanks, will now deliver {W} {R}."],
    "es": ["{S}, que ya envió tanques, entregará {W} {R}."],
    "fr": ["{S}, qui a déjà envoyé des chars, livrera des {W} {R}."],
    "de": ["{S}, das bereits Panzer geliefert hat, wird {W} {R} liefern."],
    "ru": ["{S}, которая уже передала танки, поставит {W} {R}."],
}  # fmt: skip
#: The goods {W}, a relative clause whose subject {S} pledged them, a passive main verb.
PLEDGED = {
    "en": ["The {W} that {S} pledged will be delivered {R} next month.",
           "The {W} which {S} has promised will be delivered {R} in May."],
    "es": ["Los {W} que {S} prometió serán entregados {R} el próximo mes."],
    "fr": ["Les {W} que {S} a promis seront livrés {R} le mois prochain."],
    "de": ["Die {W}, die {S} zugesagt hat, werden im Mai {R} geliefert."],
    "ru": ["{W}, которые {S} обещала, будут переданы {R} в мае."],
}  # fmt: skip
AFTER = {"en": "The announcement followed a meeting.", "es": "La reunión terminó.",
         "fr": "La réunion est terminée.", "de": "Das Treffen ist beendet.",
         "ru": "Встреча закончилась."}  # fmt: skip


@FAST
@given(language=st.sampled_from(LANGUAGES), state=st.sampled_from(sorted(NAMES)),
       recipient=st.sampled_from(sorted(RECIPIENTS)), pick=st.integers(0, 3),
       kind=st.sampled_from(["parenthesis", "pledged"]))  # fmt: skip
def test_the_subject_past_a_clause_of_its_own_supplies(
    language: str, state: str, recipient: str, pick: int, kind: str
) -> None:
    """'Germany, which has already sent tanks, will deliver howitzers to Ukraine' and 'The
    howitzers that Germany pledged will be delivered to Ukraine' on the publisher's site
    are Germany's howitzers, not the publisher's."""
    templates = (PARENTHESES if kind == "parenthesis" else PLEDGED)[language]
    weapon = WEAPONS[language][pick % 2]
    sentence = templates[pick % len(templates)].format(
        S=NAMES[state][language], W=weapon, R=RECIPIENTS[recipient][language]
    )
    text = f"{_upper(sentence)} {AFTER[language]}"
    assert _sides(text, "USA", recipient, weapon) == [(state, recipient)], text


@FAST
@given(state=st.sampled_from(sorted(NAMES)), recipient=st.sampled_from(sorted(RECIPIENTS)),
       pick=st.integers(0, 1))  # fmt: skip
def test_a_clause_after_other_words_leaves_the_publishers_package(
    state: str, recipient: str, pick: int
) -> None:
    """'Alongside Germany, which is sending tanks, the President will send howitzers':
    Germany opens no clause of its own, so the President's howitzers stay the publisher's."""
    weapon = WEAPONS["en"][pick]
    text = (f"Alongside {NAMES[state]['en']}, which is sending tanks, the President will send "
            f"{weapon} {RECIPIENTS[recipient]['en']}. {AFTER['en']}")  # fmt: skip
    assert _sides(text, "USA", recipient, weapon) == [("USA", recipient)], text
