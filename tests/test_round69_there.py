"""Round 69: a word that points back to a movement's end ("there", "dort", "là", "y",
"allí", "там") makes that end the event's place only as the harm's own adverb ("12 were
killed there", "dort getötet"), not as a speaker's or a learner's ("officials there said",
"y ont appris", "allí mismo supieron", "там узнали", "Helfer dort sagten"), and not where
the harm's clause names a place of its own ("... were killed in Mosul"). One rule in every
language: the next sentence's harm told "there" ("There, 12 died", "Dort wurden",
"Là, ...", "Allí murieron", "Там погибли") points back as well; a next sentence without
harm ("Dort ist es ruhig") points at no event."""

from __future__ import annotations

import itertools

import pytest

from extractor.text.places import movement_ends

ENDS = ["Goma", "Aleppo", "Port Sudan", "Donetsk"]
HARM_PLACES = {"en": "Mosul", "de": "Mosul", "fr": "Mossoul", "es": "Mosul", "ru": "Мосул"}

#: (language, template): the pointing word belongs to saying or learning, or the harm's
#: clause names its own place ({h}); the movement's end stays only an end.
SPEAKERS = [
    ("en", "They fled to {p}; officials there said 12 people were killed in {h}."),
    ("en", "They fled to {p} and officials there said 12 people died."),
    ("en", "Families travelled to {p} and learned there that 12 relatives had died in {h}."),
    ("en", "The convoy headed to {p}. Officials there said 12 people were killed in {h}."),
    ("en", "They fled to {p}. There, they heard that 12 people were killed."),
    ("de", "Sie flohen nach {p}; Helfer dort sagten, 12 Menschen seien getötet worden."),
    ("de", "Sie flohen nach {p}, und dort erfuhren sie, dass 12 Menschen getötet wurden."),
    ("de", "Der Konvoi fuhr nach {p}. Dort sagte ein Sprecher, 12 Menschen seien getötet worden."),
    ("fr", "Ils ont fui vers {p} et y ont appris que 12 personnes avaient été tuées à {h}."),
    ("fr", "Ils ont fui vers {p}; là, ils ont appris que 12 personnes avaient été tuées."),
    ("es", "Huyeron a {p} y allí mismo supieron que 12 personas murieron en {h}."),
    ("es", "Huyeron a {p}. Allí dijeron que 12 personas murieron."),
    ("ru", "Они бежали в {p}, и там узнали, что погибли 12 человек."),
    ("ru", "Они бежали в {p}. Там сообщили, что погибли 12 человек."),
    ("en", "They fled to {p}, and 12 people were killed there and in {h}."),
    ("en", "They fled to {p}. There, 12 people were killed near {h}."),
]

#: (language, template): the harm is told "there": the end is the event's place.
POINTED = [
    ("en", "They fled to {p} and 12 people were killed there, officials said."),
    ("en", "They fled to {p}. There, 12 people were killed on Monday."),
    ("en", "The convoy headed to {p}. 12 civilians were killed there in an attack."),
    ("de", "Der Konvoi fuhr nach {p}. Dort wurden 12 Zivilisten getötet."),
    ("de", "Sie flohen nach {p}, und dort wurden 12 Menschen getötet, sagten Helfer."),
    ("fr", "Ils ont fui vers {p}. Là, 12 personnes ont été tuées."),
    ("fr", "Ils ont fui vers {p} et 12 personnes y ont été tuées, a dit un responsable."),
    ("es", "Huyeron a {p}. Allí murieron 12 personas."),
    ("es", "Huyeron a {p} y allí murieron 12 personas, dijeron testigos."),
    ("ru", "Они бежали в {p}. Там погибли 12 человек."),
    ("ru", "Они бежали в {p}, и там погибли 12 человек, сообщили власти."),
]

#: (language, template): the next sentence points "there" but tells no harm.
NO_HARM = [
    ("en", "They fled to {p} after 12 people were killed. There, aid is scarce."),
    ("de", "Nach der Flucht nach {p} wurden 12 Menschen getötet. Dort ist es ruhig."),
    ("fr", "Ils ont fui vers {p} après la mort de 12 personnes. Là, le calme règne."),
    ("es", "Huyeron a {p} tras la muerte de 12 personas. Allí reina la calma."),
    ("ru", "После гибели 12 человек они бежали в {p}. Там спокойно."),
]


def _named_as_end(text: str, place: str, language: str) -> bool:
    return any(text[a:b] == place for a, b in movement_ends(text, language))


def _cases(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [
        (lang, t.format(p=p, h=HARM_PLACES[lang])) for (lang, t), p in itertools.product(rows, ENDS)
    ]


@pytest.mark.parametrize(("language", "text"), _cases(SPEAKERS + NO_HARM))
def test_a_speakers_or_learners_there_leaves_the_end_an_end(language: str, text: str) -> None:
    place = next(p for p in ENDS if p in text)
    assert _named_as_end(text, place, language), text


@pytest.mark.parametrize(("language", "text"), _cases(POINTED))
def test_harm_told_there_is_at_the_end(language: str, text: str) -> None:
    place = next(p for p in ENDS if p in text)
    assert not _named_as_end(text, place, language), text
