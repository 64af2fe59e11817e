"""Round 68: a movement's end that the rest of its sentence points back to ("there",
"dort", "là", "y", "allí", "там") is where the event happened, in every language the
movement reader knows (round 69: also from the next sentence, when that sentence tells
harm); a pointing word of a sentence without harm, English "there" of being
("there were 12 dead") and French "il y a" leave the end a movement's end only."""

from __future__ import annotations

import itertools

import pytest

from extractor.text.places import movement_ends

PLACES = ["Goma", "Donetsk", "Aleppo", "Port Sudan"]

#: (language, template): the toll clause points back to the movement's end.
POINTED = [
    ("en", "They fled to {p} and 12 people were killed there."),
    ("en", "After the journey to {p}, 12 people were killed there on Monday."),
    ("en", "Families who fled to {p} said 12 of them died there."),
    ("de", "Nach der Flucht nach {p} wurden dort 12 Menschen getötet."),
    ("de", "Die Reise nach {p} endete tödlich: 12 Menschen wurden dort getötet."),
    ("de", "Die Familien, die nach {p} geflohen waren, wurden dort getötet."),
    ("fr", "Ils ont fui vers {p} et 12 personnes y ont été tuées."),
    ("fr", "Des familles venues de {p} racontent que 12 personnes sont mortes là-bas."),
    ("es", "Huyeron a {p} y allí murieron 12 personas."),
    ("es", "Un convoy procedente de {p} fue atacado allá; murieron 12 personas."),
    ("ru", "Они бежали в {p}, и там погибли 12 человек."),
    # round 69: the next sentence's harm told "there" points back too, in every language
    ("en", "They fled to {p}. There, 12 people died."),
]

#: (language, template): nothing in the movement's sentence points back to its end.
UNPOINTED = [
    ("en", "They fled to {p} and there were 12 dead on the way."),
    ("en", "A convoy heading to {p} was hit; 12 people were killed."),
    ("de", "Auf dem Weg nach {p} wurden 12 Menschen getötet."),
    ("de", "Nach der Flucht nach {p} wurden 12 Menschen getötet. Dort ist es ruhig."),
    ("fr", "Ils ont fui vers {p} il y a deux jours; 12 personnes ont été tuées."),
    ("es", "Huyeron a {p} y murieron 12 personas en el camino."),
    ("ru", "Они бежали в {p}, погибли 12 человек."),
]


def _named_as_end(text: str, place: str, language: str) -> bool:
    return any(text[a:b] == place for a, b in movement_ends(text, language))


@pytest.mark.parametrize(("language", "template", "place"), [
    (lang, t, p) for (lang, t), p in itertools.product(POINTED, PLACES)
])  # fmt: skip
def test_pointed_back_end_is_the_events_place(language: str, template: str, place: str) -> None:
    text = template.format(p=place)
    assert not _named_as_end(text, place, language), text


@pytest.mark.parametrize(("language", "template", "place"), [
    (lang, t, p) for (lang, t), p in itertools.product(UNPOINTED, PLACES)
])  # fmt: skip
def test_unpointed_end_stays_a_movements_end(language: str, template: str, place: str) -> None:
    text = template.format(p=place)
    assert _named_as_end(text, place, language), text


def test_there_points_at_the_nearest_end_only() -> None:
    text = "They fled from Bunia to Goma and 12 people were killed there."
    ends = [text[a:b] for a, b in movement_ends(text)]
    assert "Bunia" in ends
