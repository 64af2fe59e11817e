"""Round 69, fronted speech dates and months alone (regressions of 1150c0f and 0ddf59e).

1. A date fronted before a verb of speech is the speech's only when nothing but a
   preposition of time and the speaker stand before it: a date that belongs to an event's
   noun before it ("During the attack on Monday, police said", "Lors de l'attaque de
   lundi", "En el ataque del lunes", "Bei dem Angriff am Montag", "Во время нападения в
   понедельник") is that event's.
2. A quote after the speech's verb speaks from the fronted date ("On May 2, 2024, the
   President stated: “Today, ...”"): that date is the quote's time, not the report's.
3. A month alone followed by a written year phrase ("en marzo del año pasado", "im März
   letzten Jahres", "в марте прошлого года") takes no year from the tense.
4. A month inside a compound or a name ("im August-Bebel-Haus", "Im Mai-Programm") is no
   date.

Near misses: a fronted date with only its preposition and speaker stays the speech's, a
month alone after its preposition still reads, a month with its year reads that year."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from extractor.text.dates import find_dates
from extractor.types.drafting import _reports_date

PUBLISHED = date(2025, 3, 12)

#: Per language: (preposition of the event's phrase with the noun's determiner, event
#: nouns, the date's link, the day, speakers + verbs of speech).
EVENT_PHRASES = {
    "en": (["During the {n} on", "After the {n} on", "In the {n} on", "Following the {n} on"],
           ["attack", "bombing", "raid", "explosion", "strike", "shelling", "blast", "fighting",
            "clashes"],
           " Monday", [", police said 12 people were killed.", ", officials told reporters that 12 died."]),
    "fr": (["Lors de l'{n} de", "Pendant l'{n} de", "Dans l'{n} de"], ["attaque", "explosion", "attentat"],
           " lundi", [", la police a déclaré que 12 personnes ont été tuées."]),
    "es": (["En el {n} del", "Durante el {n} del", "Tras el {n} del"], ["ataque", "atentado", "bombardeo"],
           " lunes", [", la policía dijo que murieron 12 personas."]),
    "de": (["Bei dem {n} am", "Nach dem {n} am", "Bei dem {n} vom"], ["Angriff", "Anschlag", "Raketenangriff"],
           " Montag", [" sagte die Polizei, 12 Menschen seien getötet worden."]),
    "ru": (["Во время {n} в", "В ходе {n} в", "После {n} в"], ["нападения", "обстрела", "взрыва"],
           " понедельник", [" полиция заявила, что погибли 12 человек."]),
}  # fmt: skip


def _event_cases() -> list[tuple[str, str]]:
    cases = []
    for language, (frames, nouns, day, tails) in EVENT_PHRASES.items():
        for frame, noun, tail in itertools.product(frames, nouns, tails):
            cases.append((language, f"{frame.format(n=noun)}{day}{tail}"))
    return cases


#: A fronted date with only a preposition of time and the speaker: the speech's date.
SPEECH_DATES = [
    ("en", "On Monday, police said 12 people were killed."),
    ("en", "Officials on Monday said 12 people were killed."),
    ("en", "Late on Monday, officials said 12 people were killed."),
    ("en", "On Monday, the ministry said the attack killed 12 people."),
    ("fr", "Ce lundi, la police a déclaré que 12 personnes ont été tuées."),
    ("es", "El lunes, la policía dijo que murieron 12 personas en el ataque."),
    ("de", "Am Montag sagte die Polizei, 12 Menschen seien getötet worden."),
    ("ru", "В понедельник полиция заявила, что погибли 12 человек."),
]

DAYS = ("Monday", "lundi", "lunes", "Montag", "понедельник")


def _day(text: str) -> tuple[int, int]:
    for day in DAYS:
        at = text.find(day)
        if at >= 0:
            return at, at + len(day)
    raise AssertionError(text)


@pytest.mark.parametrize(("language", "text"), _event_cases())
def test_an_event_nouns_date_is_no_speechs(language: str, text: str) -> None:
    start, end = _day(text)
    assert not _reports_date(text, start, end), text


@pytest.mark.parametrize(("language", "text"), SPEECH_DATES)
def test_a_fronted_date_with_only_its_speaker_stays_the_speechs(language: str, text: str) -> None:
    start, end = _day(text)
    assert _reports_date(text, start, end), text


QUOTES = ["“Today, I am announcing a new program.”", "\"Today we signed the deal.\"",
          "« Aujourd'hui, nous signons. »"]  # fmt: skip
SPEAKERS = ["President Smith stated:", "the Minister said:", "the President said,"]


@pytest.mark.parametrize(("speaker", "quote"), list(itertools.product(SPEAKERS, QUOTES)))
def test_a_quote_speaks_from_its_fronted_date(speaker: str, quote: str) -> None:
    text = f"On September 23, 2024, {speaker} {quote}"
    start = text.index("September")
    end = text.index("2024") + 4
    assert not _reports_date(text, start, end), text


YEAR_PHRASES = [
    ("es", "Visitó Kenia en {m} del año pasado.", "marzo"),
    ("es", "Visitó Kenia en {m} de hace dos años.", "marzo"),
    ("es", "Visitó Kenia en {m} de este año.", "mayo"),
    ("pt", "Visitou o Quênia em {m} do ano passado.", "março"),
    ("it", "Ha visitato il Kenya a {m} dell'anno scorso.", "marzo"),
    ("fr", "Il a visité le Kenya en {m} de l'année dernière.", "mars"),
    ("fr", "Il a visité le Kenya en {m} il y a deux ans.", "mai"),
    ("de", "Er besuchte Kenia im {m} letzten Jahres.", "März"),
    ("de", "Er besuchte Kenia im {m} des Vorjahres.", "Mai"),
    ("ru", "Он посетил Кению в {m} прошлого года.", "марте"),
    ("ru", "Он посетил Кению в {m} этого года.", "мае"),
]
COMPOUNDS = [
    ("de", "Er sprach im August-Bebel-Haus der Botschaft."),
    ("de", "Im Mai-Programm stand ein Besuch."),
    ("es", "Habló en Mayo-Fest con Ruto."),
    ("fr", "Il parla en mars-avril 2024."),
]


@pytest.mark.parametrize(("language", "text", "month"), YEAR_PHRASES)
def test_a_written_year_phrase_is_not_overruled_by_the_tense(
    language: str, text: str, month: str
) -> None:
    sentence = text.format(m=month)
    months = [d for raw, d in find_dates(sentence, language, PUBLISHED) if raw == month]
    assert not months, (sentence, months)


@pytest.mark.parametrize(("language", "text"), COMPOUNDS)
def test_a_month_in_a_compound_is_no_month_alone(language: str, text: str) -> None:
    found = [(raw, d.value) for raw, d in find_dates(text, language, PUBLISHED)]
    assert all(
        value != "2025-08" and value != "2025-05" and value != "2024-08" for _, value in found
    ), found
    assert not any(raw in {"August", "Mai", "Mayo", "mars"} for raw, _ in found), found


MONTHS_ALONE = [
    ("es", "Visitó Kenia en marzo.", "marzo"),
    ("es", "En mayo, Ruto viajó a Berlín.", "mayo"),
    ("fr", "Il a visité le Kenya en février.", "février"),
    ("de", "Er besuchte Kenia im März.", "März"),
    ("de", "Im Mai reiste er nach Kenia.", "Mai"),
    ("ru", "Он посетил Кению в марте.", "марте"),
    ("pt", "Visitou o Quênia em fevereiro.", "fevereiro"),
    ("it", "Ha visitato il Kenya a febbraio.", "febbraio"),
]


@pytest.mark.parametrize(("language", "text", "month"), MONTHS_ALONE)
def test_a_month_alone_still_reads(language: str, text: str, month: str) -> None:
    found = [d for raw, d in find_dates(text, language, PUBLISHED) if raw == month]
    assert found and found[0].precision == "month", (text, found)
