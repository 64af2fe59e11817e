"""Round 60: figures and amounts read from words that mean something else
(extractor/text/quantities.py).

Every input is composed here from the tables below (years, counts, nouns, verbs, currency
names, languages); the expected values are computed from what the test chose.

* an abbreviated scale of another language that is an everyday word ("mia"/"mio", my;
  "'tis"; French "mdr") is no scale after digits without its dot: "Nel 2020 mia madre"
  was two trillion, "Em 2020 mia sobrinha" a figure "2020 mia"; with the dot ("3 mia.
  kr.") or in a language whose own table holds it ("3 Mio Euro" in German) it still is;
* a currency name that a national adjective or a country qualifies is that country's
  currency, never the home currency the bare name means: "3 mia. norske kroner" in Danish
  was Danish kroner, "3 milyar Suriye lirası" Turkish lira, "3 Milliarden CFA-Franken"
  Swiss francs; a currency the text names beside the figure wins over an ambiguous
  sign before it ("Am Fr. 3 Mio. Euro": Fr. is Freitag);
* a homograph number word is a count before a plural noun, whatever stands before it:
  "asesinaron a las once personas", "De elf vermiste mijnwerkers", "Ce matin neuf
  soldats", "I venti erano tutti soldati" were lost;
* the test of what opens a homograph looks back a bounded window, not the whole text.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.text.quantities import figures_in, parse_count, parse_money

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YEARS = st.integers(1950, 2030)

# ------------------------------------------------------------------ abbreviations as words

#: Sentences where a year or count stands before an everyday word that abbreviates a scale
#: elsewhere: (language, template).
WORD_AFTER_DIGITS = [
    ("it", "Nel {n} mia madre è morta."),
    ("it", "Nel {n} mio padre è stato ucciso."),
    ("it", "Dal {n} mia sorella vive a Roma."),
    ("pt", "Em {n} mia sobrinha nasceu."),
    ("es", "En {n} mío era el coche."),
    # (French "mdr" alone is read only in French: Swedish writes "3 mdr kr", any language)
    ("fr!", "En {n} mdr c'était drôle."),
    ("en", "In {n} tis the season to be jolly."),
]


@SETTINGS
@given(st.sampled_from(WORD_AFTER_DIGITS), YEARS, st.booleans())
def test_an_everyday_word_after_digits_is_no_scale(row, number, given_language):
    language, template = row
    text = template.format(n=number)
    given_language = given_language or language.endswith("!")
    language = language.rstrip("!")
    read = language if given_language else None
    assert [(f.text, f.value) for f in figures_in(text, read) if f.is_number] == [
        (str(number), Decimal(number))
    ], (text, read)
    if given_language:
        assert parse_count(text, language) == (number, number, number, "exact"), text


@SETTINGS
@given(
    st.sampled_from([("mia.", 10**9), ("Mio.", 10**6), ("tis.", 10**3), ("mdr", 10**9)]),
    st.integers(1, 999),
    st.sampled_from(["it", "pt", "es", "en", None]),
)
def test_a_dotted_abbreviation_is_still_a_scale_everywhere(scale, number, language):
    word, factor = scale
    assert parse_money(f"{number} {word} €", language) == (Decimal(number * factor), "EUR")
