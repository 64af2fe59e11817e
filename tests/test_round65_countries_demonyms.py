"""Round 65: a people's noun names its state as its adjective does, in every language read.

German makes the noun of a people of its adjective in "-isch" ("marokkanisch" ->
"Marokkaner", "mongolisch" -> "Mongole", "belgisch" -> "Belgier"), with a plural and a
feminine; French, Italian, Spanish and Portuguese use the adjective itself ("un
marocchino", "un marroquí", "un Marocain", "um marroquino"). The corpus crosses nouns
with sentence frames; the negatives are German words that a noun's form would also spell
("Maler", "Ester") and a state's noun elsewhere.
"""

from __future__ import annotations

from itertools import product

from extractor.text.countries import countries_in_text

#: (noun as the press writes it, state) in German: the three kinds of noun, singular,
#: plural and feminine.
GERMAN = (("Marokkaner", "MAR"), ("Marokkanerin", "MAR"), ("Marokkanern", "MAR"),
          ("Mongole", "MNG"), ("Mongolen", "MNG"), ("Mongolin", "MNG"), ("Belgier", "BEL"),
          ("Belgierin", "BEL"), ("Kubaner", "CUB"), ("Afghane", "AFG"), ("Afghanen", "AFG"),
          ("Iraker", "IRQ"), ("Syrer", "SYR"), ("Syrerin", "SYR"), ("Tunesier", "TUN"),
          ("Ägypter", "EGY"), ("Norweger", "NOR"), ("Japaner", "JPN"), ("Rumäne", "ROU"),
          ("Serbe", "SRB"), ("Kroatin", "HRV"), ("Slowake", "SVK"), ("Litauer", "LTU"),
          ("Ungarin", "HUN"), ("Georgier", "GEO"), ("Kanadier", "CAN"), ("Äthiopier", "ETH"),
          ("Peruaner", "PER"), ("Chilene", "CHL"), ("Libanese", "LBN"), ("Ukrainer", "UKR"),
          ("Pakistaner", "PAK"), ("Vietnamese", "VNM"), ("Nigerianer", "NGA"),
          ("Iraner", "IRN"), ("Türke", "TUR"), ("Russe", "RUS"), ("Finne", "FIN"))  # fmt: skip
GERMAN_FRAMES = ("Ein {noun} wurde am Montag in Berlin festgenommen.",
                 "Die Polizei nahm den {noun} fest.",
                 "Nach Angaben der Behörden war der {noun} unbewaffnet.",
                 "Zwei {noun} und ein Deutscher wurden verletzt.")  # fmt: skip


def test_a_german_noun_of_a_people_names_its_state() -> None:
    """Fails on main: 128/152 (the listed plurals "Russen", "Türken" were read)."""
    texts = [(f.format(noun=noun), code) for (noun, code), f in product(GERMAN, GERMAN_FRAMES)]
    wrong = [text for text, code in texts if code not in countries_in_text(text, "de")]
    assert not wrong, f"{len(wrong)}/{len(texts)}: {wrong[:5]}"


#: German words that a people's noun made of an adjective would also spell.
NOT_PEOPLE = (("Ein Maler stellte seine Bilder in Berlin aus.", "MLI"),
              ("Die Maler streichen die Wand.", "MLI"),
              ("Der Ester entsteht aus Säure und Alkohol.", "EST"),
              ("Die Lettern der alten Druckerei sind aus Blei.", "LVA"),
              ("Die Malteser halfen den Verletzten.", "MLT"),
              ("George sagte, er komme morgen.", "GEO"))  # fmt: skip


def test_a_german_word_spelled_like_a_noun_is_no_people() -> None:
    wrong = [text for text, code in NOT_PEOPLE if code in countries_in_text(text, "de")]
    assert not wrong, wrong


#: (language, frame, nouns with their state): the adjective is the noun.
ROMANCE = (
    ("it", "Un {noun} è stato arrestato a Milano.",
     (("marocchino", "MAR"), ("mongolo", "MNG"), ("tunisino", "TUN"), ("algerino", "DZA"),
      ("peruviano", "PER"), ("cileno", "CHL"))),
    ("es", "Un {noun} fue detenido en Madrid.",
     (("marroquí", "MAR"), ("mongol", "MNG"), ("tunecino", "TUN"), ("argelino", "DZA"),
      ("peruano", "PER"), ("chileno", "CHL"))),
    ("pt", "Um {noun} foi preso em Lisboa.",
     (("marroquino", "MAR"), ("mongol", "MNG"), ("tunisiano", "TUN"), ("argelino", "DZA"),
      ("peruano", "PER"), ("chileno", "CHL"))),
    ("fr", "Un {noun} a été arrêté à Paris.",
     (("Marocain", "MAR"), ("Mongol", "MNG"), ("Tunisien", "TUN"), ("Algérien", "DZA"),
      ("Péruvien", "PER"), ("Chilien", "CHL"))),
)  # fmt: skip


def test_a_romance_noun_of_a_people_names_its_state() -> None:
    texts = [
        (frame.format(noun=noun), code, language)
        for language, frame, nouns in ROMANCE
        for noun, code in nouns
    ]
    wrong = [text for text, code, lang in texts if code not in countries_in_text(text, lang)]
    assert not wrong, f"{len(wrong)}/{len(texts)}: {wrong[:5]}"
