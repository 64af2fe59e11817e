"""Round 68: a side named by its surname after a title, a word of address or an adverb
that opens the sentence is still that side. Round 67 read any capitalised word before a
surname as another person's given name ("Lee Young" beside "Anna Young"); a word of
office ("Bundeskanzlerin Holm", "Senator Holm", "Canciller Holm"), of address ("Monsieur
Holm", "Don Holm") or of sequence ("Then Holm", "Später Holm") names nobody. The corpus is
built here: surnames x words before them x languages x templates; the near misses keep a
real given name before the surname, wherever it stands."""

from __future__ import annotations

import itertools

from extractor.types.visit import _surname_names_the_side, side_joined_after

SIDES = ["Lars Holm", "Ana Berg", "Piet Kowal", "Mira Sato"]
#: Per language: words before the surname that are no given name.
NOT_GIVEN = {
    "en": ["President", "Premier", "Senator", "Governor", "Speaker", "Envoy", "Chancellor",
           "Mr", "Mrs", "Dr", "Sir", "Admiral", "General", "Counterpart", "Then", "Later",
           "Afterwards", "Meanwhile", "Subsequently", "Mister"],
    "de": ["Bundeskanzlerin", "Bundeskanzler", "Außenministerin", "Ministerpräsident",
           "Verteidigungsminister", "Staatspräsidentin", "Regierungschef", "Botschafter",
           "Amtskollegin", "Herr", "Frau", "Dann", "Später", "Danach"],
    "fr": ["Monsieur", "Madame", "Président", "Ministre", "Le", "Puis", "Ensuite"],
    "es": ["Don", "Doña", "Canciller", "Presidente", "Ministra", "Su", "Luego", "Después",
           "Señor", "Señora"],
    "it": ["Signor", "Signora", "Presidente", "Ministro", "Poi", "Dopo"],
    "pt": ["Senhor", "Senhora", "Dona", "Presidente", "Ministro", "Depois"],
}  # fmt: skip
#: Given names of another bearer of the side's surname.
OTHERS = ["Erik", "Lee", "Anna", "Jin"]
TEMPLATES = {
    "en": ("{w} {s} met the minister in Vienna on Monday.", "In Vienna, {w} {s} said talks went well."),
    "de": ("{w} {s} traf am Montag in Wien die Ministerin.", "In Wien sagte {w} {s}, die Gespräche seien gut."),
    "fr": ("{w} {s} a rencontré lundi la ministre à Vienne.", "À Vienne, {w} {s} a salué les discussions."),
    "es": ("{w} {s} se reunió el lunes con la ministra en Viena.", "En Viena, {w} {s} elogió las conversaciones."),
    "it": ("{w} {s} ha incontrato lunedì la ministra a Vienna.", "A Vienna, {w} {s} ha lodato i colloqui."),
    "pt": ("{w} {s} reuniu-se na segunda-feira com a ministra em Viena.", "Em Viena, {w} {s} elogiou as conversas."),
}  # fmt: skip


def _cases(words: dict[str, list[str]]) -> list[tuple[str, str, str, str]]:
    """(side, surname, sentence, language) for each side x word x template."""
    out = []
    for language, templates in TEMPLATES.items():
        for side, word, template in itertools.product(SIDES, words[language], templates):
            surname = side.split()[-1]
            out.append((side, surname, template.format(w=word, s=surname), language))
    return out


def _misread(words: dict[str, list[str]], expected: bool) -> list[str]:
    return [
        sentence
        for side, surname, sentence, language in _cases(words)
        if _surname_names_the_side(surname, side, sentence, sentence, language) is not expected
    ]


def test_a_title_address_or_adverb_before_the_surname_names_no_other_person() -> None:
    # fails on main: 432/504
    misread = _misread(NOT_GIVEN, True)
    assert misread == [], (len(misread), misread[:10])


def test_another_given_name_before_the_surname_is_another_person() -> None:
    # near misses: a given name, at a sentence's start or inside it, in every language
    misread = _misread({language: OTHERS for language in TEMPLATES}, False)
    assert misread == [], (len(misread), misread[:10])


def test_another_given_name_after_a_title_or_adverb_is_another_person() -> None:
    # "Then Erik Holm", "Bundeskanzlerin Anna Holm": the given name still decides
    words = {
        language: [f"{w} {o}" for w, o in itertools.product(NOT_GIVEN[language][-3:], OTHERS)]
        for language in TEMPLATES
    }
    misread = _misread(words, False)
    assert misread == [], (len(misread), misread[:10])


MET = "President Marta Kowal of Germany met President {B} of France in Paris on Monday."


#: The English words before a name the clause reader of a distance takes for a title or
#: an adverb (``_side_took_part_at_a_distance``); "Premier", "Senator" it reads as a third
#: person's name, before and after this round.
READ_AS_TITLE = ["President", "Chancellor", "Mr", "Mrs", "Dr", "Sir", "Admiral", "General",
                 "Then", "Later"]  # fmt: skip


def test_a_titled_surname_tells_the_side_took_part_at_a_distance() -> None:
    """End to end in English: the side's own titled surname in the next sentence; "Piet
    Kowal" shares his surname with "Marta Kowal", so his bare surname names neither."""
    wrong = []
    for side, word in itertools.product(SIDES, READ_AS_TITLE):
        surname = side.split()[-1]
        met = MET.format(B=side)
        text = f"{met} {word} {surname} took part by videoconference."
        joined = side_joined_after(text, len(met), ["Marta Kowal", side], {"DEU", "FRA"}, met)
        if joined is not (surname != "Kowal"):
            wrong.append(text)
    assert wrong == [], (len(wrong), wrong[:5])  # fails on main: 6/40 (Then, Later)


def test_another_bearer_after_an_adverb_stays_in_person() -> None:
    wrong = []
    for side, other, word in itertools.product(SIDES, OTHERS, ["Then", "Later", "Meanwhile"]):
        surname = side.split()[-1]
        met = MET.format(B=side)
        text = f"{met} {word} {other} {surname} took part by videoconference."
        if side_joined_after(text, len(met), ["Marta Kowal", side], {"DEU", "FRA"}, met):
            wrong.append(text)
    assert wrong == [], wrong[:5]


def test_an_english_don_is_a_given_name() -> None:
    # Spanish "Don Holm" is the side's address; English "Don Holm" is another person
    misread = _misread(
        {"en": ["Don", "Dona"], "de": [], "fr": [], "es": [], "it": [], "pt": []}, False
    )
    assert misread == [], misread
