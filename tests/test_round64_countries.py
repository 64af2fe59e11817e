"""Round 64: countries a hostile probe found lost (round 63's rules and older gaps).

* In a line in title case every word is capitalised, so a capitalised word after a
  people's plural shows no surname: "Nigerians Flee to Chad" names Nigeria.
* Capitals "USA" before a plural verb or a participle qualifies the noun before it
  ("FUERZAS USA ATACAN IRAK", "SOLDADOS USA MUERTOS EN SIRIA"): "usa" (uses) is singular.
* The adjectives of nationality of de/fr/es/it/pt/ru come from the CLDR's names of
  currencies in each language, as the English ones do ("escudo portugais").
* "Filipino(s)" and "Montenegrin" name their states.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.countries import ADJECTIVES, countries_in_text

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)

#: Peoples' plurals ("Kenyans", "Israelis"), as round 63's given-name rule reads them.
PLURALS = sorted(
    (c, f"{a}s") for c, a in ADJECTIVES.items() if a.endswith(("an", "i")) and a.isalpha()
)
#: Tails of headlines in title case: long words capitalised, short ones not.
TAILS = ["Stranded at Airport", "Freed by Gunmen", "Evacuated", "Evacuated, Police Say",
         "Protest in the Capital", "Wounded in Attack", "Return Home", "Await Results"]  # fmt: skip


@SETTINGS
@given(item=st.sampled_from(PLURALS), tail=st.sampled_from(TAILS),
       lead=st.sampled_from(["", "Hundreds of ", "Dozens of "]))  # fmt: skip
def test_a_peoples_plural_in_a_title_case_headline_names_its_state(
    item: tuple[str, str], tail: str, lead: str
) -> None:
    code, plural = item
    text = f"{lead}{plural} {tail}"
    assert code in countries_in_text(text, "en"), text


@SETTINGS
@given(item=st.sampled_from(PLURALS), surname=st.sampled_from(["Quelhas", "Brandão"]))
def test_in_running_text_a_plural_before_a_surname_stays_a_given_name(
    item: tuple[str, str], surname: str
) -> None:
    code, plural = item
    text = f"Headline Words Here\nThe singer {plural} {surname} released an album."
    assert code not in countries_in_text(text, "en"), text


#: Plural nouns of forces, plural verbs and participles after "USA", per language.
USA_SUBJECTS = {"es": ["SOLDADOS", "TROPAS", "FUERZAS", "MARINES"],
                "it": ["SOLDATI", "TRUPPE", "FORZE", "MARINES"],
                "pt": ["SOLDADOS", "TROPAS", "FORÇAS", "MARINES"]}  # fmt: skip
USA_AFTER = {"es": ["BOMBARDEAN", "ABANDONARON", "MUERTOS EN", "LLEGAN A", "ABIERTOS EN"],
             "it": ["BOMBARDANO", "COLPISCONO", "LASCIARONO", "MORTI IN"],
             "pt": ["BOMBARDEIAM", "DEIXARAM", "MORTOS NO", "CHEGAM AO"]}  # fmt: skip
USA_PLACES = ["IÊMEN", "LÍBANO", "NÍGER", "MALI"]


@SETTINGS
@given(language=st.sampled_from(sorted(USA_SUBJECTS)), data=st.data())
def test_usa_before_a_plural_verb_or_participle_is_the_state(
    language: str, data: st.DataObject
) -> None:
    noun = data.draw(st.sampled_from(USA_SUBJECTS[language]))
    after = data.draw(st.sampled_from(USA_AFTER[language]))
    text = f"{noun} USA {after} {data.draw(st.sampled_from(USA_PLACES))}"
    assert "USA" in countries_in_text(text, language), text


@pytest.mark.parametrize(
    ("language", "text"),
    [("it", "MELONI USA IL VETO"), ("es", "EL GOBIERNO USA MISILES"),
     ("pt", "LULA USA DISCURSO PARA ATACAR")],
)  # fmt: skip
def test_usa_with_a_singular_subject_and_an_object_stays_the_verb(language: str, text: str) -> None:
    assert "USA" not in countries_in_text(text, language), text


#: Adjectives of states that spend the euro or the US dollar, in an inflected form.
LOCAL_ADJECTIVES = {
    "de": {"PRT": "portugiesischen", "AUT": "österreichischen", "SVK": "slowakischen",
           "HRV": "kroatischen", "BGR": "bulgarischen", "EST": "estnischen",
           "LTU": "litauischen", "SVN": "slowenischen", "MLT": "maltesischen"},
    "fr": {"PRT": "portugaises", "AUT": "autrichiennes", "SVK": "slovaques",
           "HRV": "croates", "ECU": "équatoriennes", "EST": "estoniennes",
           "LTU": "lituaniennes", "IRL": "irlandaises", "SLV": "salvadoriennes"},
    "es": {"PRT": "portuguesas", "AUT": "austriacas", "SVK": "eslovacas", "BGR": "búlgaras",
           "ECU": "ecuatorianas", "LTU": "lituanas", "IRL": "irlandesas",
           "SLV": "salvadoreñas", "MLT": "maltesas"},
    "it": {"PRT": "portoghesi", "AUT": "austriache", "SVK": "slovacche", "BGR": "bulgare",
           "LTU": "lituane", "SVN": "slovene", "IRL": "irlandesi", "MLT": "maltesi"},
    "pt": {"PRT": "portuguesas", "AUT": "austríacas", "SVK": "eslovacas", "ECU": "equatorianas",
           "EST": "estonianas", "LTU": "lituanas", "IRL": "irlandesas", "SLV": "salvadorenhas"},
    "ru": {"PRT": "португальских", "AUT": "австрийских", "SVK": "словацких",
           "HRV": "хорватских", "EST": "эстонских", "LTU": "литовских",
           "IRL": "ирландских", "SLV": "сальвадорских", "MLT": "мальтийских"},
}  # fmt: skip
LOCAL_FRAMES = {
    "de": ["Die {a} Behörden meldeten am Dienstag zwei Festnahmen.",
           "Vertreter der {a} Regierung reisten nach Genf."],
    "fr": ["Les autorités {a} ont annoncé deux arrestations mardi.",
           "Des unités {a} ont quitté la base."],
    "es": ["Las autoridades {a} anunciaron dos detenciones el martes.",
           "Unidades {a} dejaron la base."],
    "it": ["Le autorità {a} hanno annunciato due arresti martedì.",
           "Unità {a} hanno lasciato la base."],
    "pt": ["As autoridades {a} anunciaram duas prisões na terça-feira.",
           "Unidades {a} deixaram a base."],
    "ru": ["Представители {a} властей прибыли в Женеву.",
           "Двое {a} военных были ранены во вторник."],
}  # fmt: skip


@SETTINGS
@given(language=st.sampled_from(sorted(LOCAL_ADJECTIVES)), data=st.data())
def test_local_adjectives_of_euro_and_dollar_states_name_them(
    language: str, data: st.DataObject
) -> None:
    code, adjective = data.draw(st.sampled_from(sorted(LOCAL_ADJECTIVES[language].items())))
    text = data.draw(st.sampled_from(LOCAL_FRAMES[language])).format(a=adjective)
    assert code in countries_in_text(text, language), text


@pytest.mark.parametrize(
    ("text", "code"),
    [("Two Filipinos were hurt in the blast on Monday.", "PHL"),
     ("Filipino nurses protested in the capital.", "PHL"),
     ("A Montenegrin court jailed the smuggler.", "MNE")],
)  # fmt: skip
def test_filipino_and_montenegrin_name_their_states(text: str, code: str) -> None:
    assert code in countries_in_text(text, "en"), text
