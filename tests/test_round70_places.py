"""Round 70, places: a pointing word ("there", "dort", "là", "allí", "там") makes a
movement's end the harm's place only as an adverb of the harm verb's own clause. After a
subject noun ("Officials there", "Die Behörden dort", "Las autoridades allí", "Власти
там") it tells where the speakers are, whatever verb they use; before a complement ("that",
"dass", "que", "что", "how") that holds the harm it belongs to the embedding clause. No
verb list decides: the corpora below combine subjects, verbs no list holds, and the harm."""

from __future__ import annotations

import itertools

import pytest

from extractor.text.places import movement_ends

ENDS = ["Goma", "Kharkiv"]

#: Per language: the movement sentence, subject nouns, verbs of telling (many in no list),
#: the complement word, and a harm clause.
SPEAKING = {
    "en": ("They fled to {p}.", ["Officials", "Witnesses", "Aid workers", "A UN official"],
           ["confirmed", "estimated", "described", "posted", "recalled", "disclosed"],
           "that", "12 civilians were killed."),
    "de": ("Sie flohen nach {p}.", ["Die Behörden", "Zeugen", "Helfer"],
           ["bestätigten", "schätzten", "schilderten", "gaben bekannt"],
           "dass", "12 Zivilisten getötet wurden."),
    "fr": ("Ils ont fui vers {p}.", ["Les autorités", "Des témoins", "Les secouristes"],
           ["ont confirmé", "ont affirmé", "ont rapporté", "ont estimé"],
           "que", "12 civils avaient été tués."),
    "es": ("Huyeron a {p}.", ["Las autoridades", "Los testigos", "Los rescatistas"],
           ["confirmaron", "contaron", "estimaron", "relataron"],
           "que", "12 civiles murieron."),
    "ru": ("Они бежали в {p}.", ["Власти", "Свидетели", "Спасатели"],
           ["подтвердили", "уточнили", "рассказали", "заявили"],
           "что", "погибли 12 мирных жителей."),
}  # fmt: skip
THERE = {"en": "there", "de": "dort", "fr": "là-bas", "es": "allí", "ru": "там"}


def _speaker_cases() -> list[tuple[str, str]]:
    """Subject noun + pointing word ("Officials there confirmed that ..."), with and
    without the complement word, and pointing word first with the complement ("There,
    officials confirmed that ...", "Dort bestätigten Zeugen, dass ...")."""
    cases = []
    for lang, (move, subjects, verbs, that, harm) in SPEAKING.items():
        there = THERE[lang]
        for p, subject, verb in itertools.product(ENDS, subjects, verbs):
            head = move.format(p=p)
            cases.append((lang, f"{head} {subject} {there} {verb} {that} {harm}"))
            cases.append((lang, f"{head} {subject} {there} {verb}, {harm}"))
            opener = there[0].upper() + there[1:]
            cases.append((lang, f"{head} {opener}, {subject.lower()} {verb}, {that} {harm}"))
    return cases


#: The harm told "there" as its own clause's adverb: the end is the harm's place.
POINTED = [
    ("en", "They fled to {p}. There, 12 civilians were killed."),
    ("en", "They fled to {p}. Once there, 12 of them were killed in an airstrike."),
    ("en", "They fled to {p}. 12 civilians were killed there, officials confirmed."),
    ("en", "They fled to {p}, and gunmen killed 12 of them there."),
    ("de", "Sie flohen nach {p}. Dort wurden nach Angaben der Behörden 12 Zivilisten getötet."),
    ("de", "Sie flohen nach {p}. Nach Angaben der Behörden wurden dort 12 Zivilisten getötet."),
    ("fr", "Ils ont fui vers {p}. Là, selon les autorités, 12 civils ont été tués."),
    ("fr", "Ils ont fui vers {p} et 12 civils y ont été tués, selon des témoins."),
    ("es", "Huyeron a {p}. Allí, según las autoridades, murieron 12 civiles."),
    ("ru", "Они бежали в {p}. Там, по данным властей, погибли 12 мирных жителей."),
]


def _named_as_end(text: str, language: str) -> bool:
    place = next(p for p in ENDS if p in text)
    return any(text[a:b] == place for a, b in movement_ends(text, language))


@pytest.mark.parametrize(("language", "text"), _speaker_cases())
def test_a_speakers_there_leaves_the_end_an_end(language: str, text: str) -> None:
    assert _named_as_end(text, language), text


@pytest.mark.parametrize(
    ("language", "text"),
    [(lang, t.format(p=p)) for (lang, t), p in itertools.product(POINTED, ENDS)],
)
def test_harm_told_there_in_its_own_clause_is_at_the_end(language: str, text: str) -> None:
    assert not _named_as_end(text, language), text
