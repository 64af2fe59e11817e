"""Round 61: a side word that starts another name cuts no Korea short; a bare shared name
("Congo") refers back to the sharer the text spelled out before it.

* "North and South Korea" names both Koreas, its first name cut short as coordination cuts
  the shared word; but a side word followed by a name of its own ("North Korea and South
  Africa", "Corea del Sur y Norte de África", "Южная Корея и Северная Македония") or ending
  the name before it ("Carolina del Norte y Corea del Sur", "Macedonia Północna i Korea
  Południowa") is that name's, and names no other Korea.
* A bare "Congo" is the sharer the text spelled out before it (Reuters: "Democratic
  Republic of Congo ... Congo's army"); coordinated with a name of one sharer, or before it
  in one sentence, it is the other ("Congo and the DRC"); a dateline's city decides first;
  else French news means the Republic ("le Congo", the Democratic Republic being "la RDC")
  and the others, after AP's datelines, the Democratic Republic.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.countries import countries_in_text, to_alpha3

SETTINGS = settings(max_examples=80, deadline=None)
OTHER_KOREA = {"PRK": "KOR", "KOR": "PRK"}

# ------------------------------------------------ a side word that is another name's own

#: Per language: (a Korea as written, its code, a place's name that starts with the other
#: Korea's side word, the place's state or "" for none).
SIDE_THEN_NAME: dict[str, list[tuple[str, str, str, str]]] = {
    "en": [("North Korea", "PRK", "South Africa", "ZAF"), ("North Korea", "PRK", "South Asia", ""),
           ("North Korea", "PRK", "South Carolina", ""), ("North Korea", "PRK", "South Sudan", "SSD"),
           ("South Korea", "KOR", "North Macedonia", "MKD"), ("South Korea", "KOR", "North Africa", ""),
           ("South Korea", "KOR", "North Dakota", ""), ("South Korea", "KOR", "North Sea", "")],
    "es": [("Corea del Sur", "KOR", "Norte de África", ""), ("Corea del Norte", "PRK", "Sur de Asia", "")],
    "it": [("Corea del Sud", "KOR", "Nord Africa", ""), ("Corea del Nord", "PRK", "Sud America", "")],
    "pt": [("Coreia do Sul", "KOR", "Norte da África", ""), ("Coreia do Norte", "PRK", "Sul da Ásia", "")],
    "ru": [("Северная Корея", "PRK", "Южная Африка", "ZAF"),
           ("Южная Корея", "KOR", "Северная Македония", "MKD"),
           ("Южная Корея", "KOR", "Северная Дакота", "")],
    "uk": [("Північна Корея", "PRK", "Південна Африка", "ZAF"),
           ("Південна Корея", "KOR", "Північна Македонія", "MKD")],
    "cs": [("Jižní Korea", "KOR", "Severní Makedonie", "MKD"), ("Severní Korea", "PRK", "Jižní Amerika", "")],
    "pl": [("Korea Południowa", "KOR", "Północna Macedonia", "MKD"),
           ("Korea Północna", "PRK", "Południowa Afryka", "ZAF")],
}  # fmt: skip
#: Per language: the conjunction and frames ("{x}" the coordinated names).
SIDE_FRAMES: dict[str, tuple[str, list[str]]] = {
    "en": ("and", ["{x} signed a deal.", "Envoys of {x} met on Monday.", "Trade between {x} grew."]),
    "es": ("y", ["{x} firmaron un acuerdo.", "Los enviados de {x} se reunieron."]),
    "it": ("e", ["{x} hanno firmato un accordo.", "Gli inviati di {x} si sono incontrati."]),
    "pt": ("e", ["{x} assinaram um acordo.", "Os enviados de {x} se reuniram."]),
    "ru": ("и", ["{x} подписали соглашение.", "Послы: {x}."]),
    "uk": ("та", ["{x} підписали угоду.", "Посли: {x}."]),
    "cs": ("a", ["{x} podepsaly dohodu.", "Vyslanci: {x}."]),
    "pl": ("i", ["{x} podpisały umowę.", "Wysłannicy: {x}."]),
}  # fmt: skip


@SETTINGS
@given(language=st.sampled_from(sorted(SIDE_THEN_NAME)), which=st.integers(0, 7),
       frame=st.integers(0, 2))  # fmt: skip
def test_a_side_word_that_starts_another_name_cuts_no_korea_short(
    language: str, which: int, frame: int
) -> None:
    pairs, (conjunction, frames) = SIDE_THEN_NAME[language], SIDE_FRAMES[language]
    korea, code, place, state = pairs[which % len(pairs)]
    sentence = frames[frame % len(frames)].format(x=f"{korea} {conjunction} {place}")
    found = countries_in_text(sentence, language)
    assert code in found and OTHER_KOREA[code] not in found, (sentence, found)
    assert not state or state in found, (sentence, found)


#: A place whose name ends in a side word, then a Korea of the other side (a side before a
#: Korea's name is no cut one when it ends the name before it).
NAME_THEN_KOREA: dict[str, list[tuple[str, str, str, str]]] = {
    "es": [("Carolina del Norte", "", "Corea del Sur", "KOR"), ("Sudán del Sur", "SSD", "Corea del Norte", "PRK")],
    "fr": [("Afrique du Nord", "", "Corée du Sud", "KOR"), ("Soudan du Sud", "SSD", "Corée du Nord", "PRK")],
    "it": [("Sudan del Sud", "SSD", "Corea del Nord", "PRK")],
    "pt": [("Sudão do Sul", "SSD", "Coreia do Norte", "PRK")],
    "pl": [("Macedonia Północna", "MKD", "Korea Południowa", "KOR")],
}  # fmt: skip
CONJUNCTIONS = {"es": "y", "fr": "et", "it": "e", "pt": "e", "pl": "i"}
TAILS = {"es": "firmaron.", "fr": "ont signé.", "it": "hanno firmato.", "pt": "assinaram.",
         "pl": "podpisały umowę."}  # fmt: skip


@SETTINGS
@given(language=st.sampled_from(sorted(NAME_THEN_KOREA)), which=st.integers(0, 1),
       opener=st.sampled_from(["", "Ayer, ", "(Reuters) "]))  # fmt: skip
def test_a_side_word_that_ends_another_name_cuts_no_korea_short(
    language: str, which: int, opener: str
) -> None:
    pairs = NAME_THEN_KOREA[language]
    place, state, korea, code = pairs[which % len(pairs)]
    sentence = f"{opener}{place} {CONJUNCTIONS[language]} {korea} {TAILS[language]}"
    found = countries_in_text(sentence, language)
    assert code in found and OTHER_KOREA[code] not in found, (sentence, found)
    assert not state or state in found, (sentence, found)


@SETTINGS
@given(frame=st.sampled_from(SIDE_FRAMES["en"][1]),
       cut=st.sampled_from(["North and South Korea", "South and North Korea"]))  # fmt: skip
def test_a_cut_side_still_names_both_koreas(frame: str, cut: str) -> None:
    found = countries_in_text(frame.format(x=cut) + " Japan watched.", "en")
    assert sorted(found) == ["JPN", "KOR", "PRK"], found


# ----------------------------------------------------------------- a bare "Congo"

#: Per language: (a sharer's spelled-out name, its code) and sentences that name it bare
#: after it ("{f}" the spelled-out name, "{b}" the bare one).
SPELLED_OUT: dict[str, list[tuple[str, str]]] = {
    "en": [("Democratic Republic of Congo", "COD"), ("Democratic Republic of the Congo", "COD"),
           ("Republic of Congo", "COG"), ("Congo-Brazzaville", "COG"), ("Congo-Kinshasa", "COD")],
    "fr": [("République démocratique du Congo", "COD"), ("République du Congo", "COG")],
    "es": [("República Democrática del Congo", "COD"), ("República del Congo", "COG")],
    "de": [("Demokratische Republik Kongo", "COD"), ("Republik Kongo", "COG")],
    "it": [("Repubblica del Congo", "COG")],
    "ru": [("Демократическая Республика Конго", "COD"), ("Республика Конго", "COG")],
}  # fmt: skip
REFERRING_BACK: dict[str, list[str]] = {
    "en": ["{f} troops clashed with rebels. {b}'s army said it held the town.",
           "{f} President Felix Moyo said {b} will hold a vote.",
           "Officials of {f} met on Monday. Later, {b} asked for aid."],
    "fr": ["Le gouvernement de {f} a parlé. Le {b} organisera des élections."],
    "es": ["El gobierno de {f} habló. El {b} celebrará elecciones."],
    "de": ["Die Regierung der {f} sprach. Der {b} wird wählen."],
    "it": ["Il governo della {f} ha parlato. Il {b} voterà."],
    "ru": ["{f} заявила. {b} проведет выборы."],
}  # fmt: skip
BARE = {"en": "Congo", "fr": "Congo", "es": "Congo", "de": "Kongo", "it": "Congo", "ru": "Конго"}


@SETTINGS
@given(language=st.sampled_from(sorted(SPELLED_OUT)), which=st.integers(0, 4),
       frame=st.integers(0, 2))  # fmt: skip
def test_a_bare_congo_refers_back_to_the_congo_spelled_out_before_it(
    language: str, which: int, frame: int
) -> None:
    names, frames = SPELLED_OUT[language], REFERRING_BACK[language]
    name, code = names[which % len(names)]
    text = frames[frame % len(frames)].format(f=name, b=BARE[language])
    assert countries_in_text(text, language) == [code], text


@SETTINGS
@given(language=st.sampled_from(["en", "fr", "es", "de"]), which=st.integers(0, 4),
       order=st.booleans())  # fmt: skip
def test_a_bare_congo_coordinated_with_a_spelled_out_one_is_the_other(
    language: str, which: int, order: bool
) -> None:
    names = SPELLED_OUT[language]
    name, _ = names[which % len(names)]
    conjunction = {"en": "and", "fr": "et", "es": "y", "de": "und"}[language]
    pair = [name, BARE[language]] if order else [BARE[language], name]
    text = f"{pair[0]} {conjunction} {pair[1]} signed."
    assert sorted(countries_in_text(text, language)) == ["COD", "COG"], text


SUBJECTS_FR = ["Le président Denis Sassou Nguesso", "Le gouvernement de Brazzaville",
               "Le Premier ministre Anatole Collinet Makosso", "L'opposition",
               "Le ministre des Affaires étrangères Jean-Claude Gakosso"]  # fmt: skip
PREDICATES_FR = ["a annoncé que le Congo organisera des élections.",
                 "a affirmé que le Congo rejette ces accusations.",
                 "a déclaré que le Congo signera l'accord avec la Chine.",
                 "a indiqué que le Congo accueillera le sommet."]  # fmt: skip


@SETTINGS
@given(subject=st.sampled_from(SUBJECTS_FR), predicate=st.sampled_from(PREDICATES_FR),
       before=st.sampled_from(["", "La RDC a protesté. ", "La RD Congo a voté hier. "]))  # fmt: skip
def test_french_news_means_the_republic_by_le_congo(
    subject: str, predicate: str, before: str
) -> None:
    """French writes the Democratic Republic "la RDC": its initials are a short form of
    their own, so a later "le Congo" does not refer back to them."""
    text = f"{before}{subject} {predicate}"
    found = countries_in_text(text, "fr")
    assert "COG" in found and found.count("COG") == 1, (text, found)
    assert ("COD" in found) == bool(before), (text, found)


def test_the_english_reading_of_a_bare_congo_is_the_models_too() -> None:
    assert to_alpha3("Congo") == "COD"
    assert countries_in_text("Fighting in Congo killed 12.", "en") == ["COD"]
    assert countries_in_text("The DRC voted. Congo voted.", "en") == ["COD"]


def test_a_dateline_decides_before_a_spelled_out_name() -> None:
    text = (
        "BRAZZAVILLE, Congo (Reuters) - The Democratic Republic of Congo's envoy arrived. "
        "Congo's president welcomed him."
    )
    assert sorted(countries_in_text(text, "en")) == ["COD", "COG"]


# ------------------------------------------------------- the adjective of Belarus


@SETTINGS
@given(noun=st.sampled_from(["troops", "officials", "President", "army", "border guards"]),
       frame=st.sampled_from(["{a} {n} crossed the border.", "Kyiv said {a} {n} were seen.",
                              "{c} said on Monday that its {n} were ready."]))  # fmt: skip
def test_belarusian_and_minsk_name_belarus(noun: str, frame: str) -> None:
    text = frame.format(a="Belarusian", n=noun, c="Minsk")
    assert "BLR" in countries_in_text(text, "en"), text
