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

ENDS = ["Goma"]

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


# --- Datelines: a tail after a city and its region (a date, weekday, credit, a lower-case
# phrase, an em or en dash) names no place; the region is read as without it.

from extractor.text.places import place_country, place_proves_country  # noqa: E402

#: City and region as written, and the state they prove bare.
DATELINES = [
    ("Atlanta, Georgia", "USA"), ("Savannah, Ga.", "USA"), ("Augusta, Georgia", "USA"),
    ("Columbus, Ga.", "USA"), ("Lebanon, N.H.", "USA"), ("Berlin, N.H.", "USA"),
    ("Alexandria, Va.", "USA"), ("Melbourne, Fla.", "USA"), ("Jordan, Minnesota", "USA"),
    ("Paris, TX", "USA"), ("Paris, Texas", "USA"), ("Moscow, Idaho", "USA"),
    ("WASHINGTON, D.C.", "USA"), ("Washington, D.C.", "USA"), ("Dublin, Ohio", "USA"),
    ("Perth, Scotland", "GBR"), ("Tbilisi, Georgia", "GEO"), ("Gori, Georgia", "GEO"),
    ("Kyiv, Ukraine", "UKR"), ("Tripoli, Lebanon", "LBN"), ("Hamilton, Ontario", "CAN"),
]  # fmt: skip
TAILS = [
    ", March 3 (Reuters)", ", March 3", ", on Monday", " (AP) —", " —", " –", ", Jan. 5 (AP)",
    " (AFP) -", ", 3 March 2024", ", Tuesday", ", 2024", " (Reuters) —",
]  # fmt: skip


@pytest.mark.parametrize(
    ("base", "tail", "state"),
    [(base, tail, state) for (base, state), tail in itertools.product(DATELINES, TAILS)],
)
def test_a_dateline_tail_leaves_the_state_of_city_and_region(
    base: str, tail: str, state: str
) -> None:
    assert place_proves_country(base + tail) == state, base + tail
    assert place_country(base + tail) == place_country(base), base + tail


#: Near misses: a later part that names a country outranks the region; a code after a
#: city known only abroad stays that state's or open; a shared city alone proves nothing.
NEAR_MISSES = [
    ("Paris, France, on Monday", "FRA"), ("Moscow, Russia - Reuters", "RUS"),
    ("Perth, WA, March 3", "AUS"), ("Tripoli, March 3 (Reuters)", None),
    ("Valencia — ", None), ("Kingston, Jamaica —", "JAM"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "state"), NEAR_MISSES)
def test_a_tail_proves_nothing_of_its_own(text: str, state: str | None) -> None:
    assert place_proves_country(text) == state, text
