"""Round 63: a casualty toll is cumulative (UCDP: aggregated over a period) only when the
clause of its count names a period, and it is dated by that period in every language.

- "since/desde/depuis/seit/с/منذ/以来" opens a period only before a time (a date, a year, a
  month, a weekday, the start of something: "the coup", "el inicio de la guerra"); before a
  place or a thing it is spatial ("disparando desde un edificio", "tirs depuis un drone"),
  before a bare span a description ("die seit Jahren verfeindeten Milizen");
- a superlative or ordinal before it compares the event, it sums nothing ("the deadliest
  attack since 2019", "el ataque más mortífero desde", "l'attaque la plus meurtrière
  depuis", "der schwerste Anschlag seit", "以来最严重");
- "a total of", "en total", "au total", "insgesamt", "всего", "共有" sum one event's figures
  as well: alone they make no toll cumulative;
- a period in a sentence that tells no harm is not the count's;
- Arabic ("منذ الانقلاب", "حتى الآن") and every other language's period dates the toll
  ("desde marzo", "с февраля", "seit Januar", "منذ 2021"), as English "since 2019" did.
"""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest

from extractor.types.casualty_report import _DEEDS, perpetrator_problem
from tests.roles_support import PUBLISHED, run

YEARS = ("2019", "2021")
COUNTS = (12, 37)


def casualty(**overrides: Any) -> dict[str, Any]:
    draft = {"killed": 12, "injured": None, "qualifier": "exact", "victims": None,
             "perpetrator": None, "country": None, "place": None, "date": None,
             "scope": "event", "violence_type": None, "status": "occurred", "attribution": None,
             "evidence": [1]}  # fmt: skip
    return {**draft, **overrides}


def coded(text: str, count: int, evidence: tuple[int, ...] = (1,)) -> Any:
    draft = casualty(killed=count, evidence=list(evidence))
    [record] = run("casualty_report", text, **draft).records
    return record


#: One event's toll with a comparison, a place or a sum (language, template): never a
#: total over a period, never dated by the year it compares with.
EVENT_ONLY = [
    ("en", "Gunmen killed {n} people on Tuesday in the deadliest attack since {y}."),
    ("en", "The bombing, the worst in the city since {y}, killed {n} people on Monday."),
    ("en", "A total of {n} people were killed in the blast in the market on Tuesday."),
    (
        "es",
        "Hombres armados mataron a {n} personas el martes en el ataque más mortífero desde {y}.",
    ),
    ("es", "Un francotirador mató a {n} personas disparando desde un edificio."),
    ("es", "Un total de {n} personas murieron en la explosión del mercado el lunes."),
    ("fr", "Des tirs depuis un drone ont tué {n} civils dans le village."),
    (
        "fr",
        "Des hommes armés ont tué {n} personnes mardi, l'attaque la plus meurtrière depuis {y}.",
    ),
    ("fr", "Au total, {n} personnes ont été tuées dans l'explosion du marché lundi."),
    ("de", "Die seit Jahren verfeindeten Milizen töteten {n} Menschen in dem Dorf."),
    ("de", "Bewaffnete töteten am Dienstag {n} Menschen, der schwerste Anschlag seit {y}."),
    ("de", "Insgesamt wurden bei der Explosion auf dem Markt {n} Menschen getötet."),
    ("ru", "Взрыв на рынке убил всего {n} человек."),
    ("ru", "Всего в пяти километрах от города взрыв убил {n} человек."),
    ("ru", "Боевики с автоматами убили {n} мирных жителей в деревне."),
    ("zh", "这是{y}年以来最严重的袭击，爆炸造成{n}人死亡。"),
    ("zh", "市场爆炸事件中共有{n}人死亡。"),
    ("ar", "قتل مسلحون {n} شخصا في أعنف هجوم منذ {y}."),
    ("en", "A suicide bomber killed {n} people at a market that had been closed since {y}."),
    ("es", "Un suicida mató a {n} personas en un mercado que estaba cerrado desde {y}."),
    ("fr", "Un kamikaze a tué {n} personnes dans un marché qui était fermé depuis {y}."),
    ("ru", "Смертник убил {n} человек на рынке, который был закрыт с {y} года."),
    ("de", "Der Anschlag, der schwerste seit {y}, tötete {n} Menschen."),
]


@pytest.mark.parametrize(("language", "template"), EVENT_ONLY)
@pytest.mark.parametrize(("count", "year"), list(product(COUNTS, YEARS)))
def test_a_comparison_a_place_or_a_sum_is_one_event(
    language: str, template: str, count: int, year: str
) -> None:
    record = coded(template.format(n=count, y=year), count)
    assert record.scope == "event", (language, template)
    assert record.date is None or record.date.value != year


#: A total over a period the sentence of the count dates (template, the period's value).
MONTH = {"en": "February", "es": "febrero", "fr": "février", "de": "Februar",
         "ru": "февраля", "ar": "فبراير"}  # fmt: skip
DATED = [
    ("en", "Security forces have killed more than {n} civilians since {y}, a group said."),
    ("es", "Desde {y}, las fuerzas de seguridad han matado a más de {n} civiles."),
    ("es", "Desde {m} han muerto {n} civiles en la región."),
    ("fr", "Depuis {y}, les forces de sécurité ont tué plus de {n} civils."),
    ("fr", "Depuis {m}, {n} civils ont été tués dans la région."),
    ("de", "Seit {y} haben Sicherheitskräfte mehr als {n} Zivilisten getötet."),
    ("de", "Seit {m} wurden in der Region {n} Zivilisten getötet."),
    ("ru", "С {y} года силовики убили более {n} мирных жителей."),
    ("ru", "С {m} в регионе были убиты {n} мирных жителей."),
    ("ar", "قتلت قوات الأمن أكثر من {n} مدنيا منذ {y}."),
    ("zh", "{y}年以来，安全部队已打死{n}名平民。"),
]


@pytest.mark.parametrize(("language", "template"), DATED)
@pytest.mark.parametrize(("count", "year"), list(product(COUNTS, YEARS)))
def test_a_total_since_a_time_is_cumulative_and_dated_by_it(
    language: str, template: str, count: int, year: str
) -> None:
    text = template.format(n=count, y=year, m=MONTH.get(language, ""))
    record = coded(text, count)
    assert record.scope == "cumulative", text
    want = year if "{y}" in template else f"{PUBLISHED.year}-02"
    assert record.date is not None and record.date.value == want, (text, record.date)
    assert record.date.kind == "range"


#: A total over a period with no datable start: cumulative all the same.
UNDATED = [
    ("ar", "قتل أكثر من {n} مدنيا منذ الانقلاب."),
    ("ar", "قتل أكثر من {n} مدنيا منذ بداية العام."),
    ("ar", "قتل {n} مدنيا حتى الآن في المدينة."),
    ("es", "En lo que va de año han muerto {n} civiles en la región."),
    ("es", "Desde el inicio de la guerra han muerto {n} civiles."),
    ("fr", "Depuis le début de la guerre, {n} civils ont été tués."),
    ("de", "Seit Beginn des Krieges wurden {n} Zivilisten getötet."),
    ("de", "Seit Jahresbeginn wurden in der Region {n} Zivilisten getötet."),
    ("ru", "С начала войны были убиты {n} мирных жителей."),
    ("en", "More than {n} people have been killed since the war began."),
    ("zh", "迄今为止，该地区的冲突已造成{n}名平民死亡。"),
    ("zh", "截至目前，该地区的冲突已造成{n}名平民死亡。"),
]


@pytest.mark.parametrize(("language", "template"), UNDATED)
@pytest.mark.parametrize("count", COUNTS)
def test_a_total_since_the_start_of_something_is_cumulative(
    language: str, template: str, count: int
) -> None:
    assert coded(template.format(n=count), count).scope == "cumulative"


@pytest.mark.parametrize("year", YEARS)
def test_a_period_in_a_sentence_of_no_harm_is_not_the_counts(year: str) -> None:
    text = f"The rebels have fought there since {year}. A bomb killed 12 people on Tuesday."
    record = coded(text, 12, evidence=(1, 2))
    assert record.scope == "event" and record.date is not None and record.date.value != year


# Arabic writes the verb before its subject: a verb of speaking, denial or accusation right
# before a name is that name's, and a later verb of harm is the deed of whoever its own
# clause names ("قال الجيش إن الشرطة قتلت": the police killed, the army spoke).
SPEAKERS = ("الجيش", "الحكومة", "وزارة الداخلية")
DOERS = ("الشرطة", "المسلحون", "قوات الأمن")
AR_SPOKE = [
    ("قال {a} إن {b} قتلت {n} مدنيا.", "spoke"),
    ("وقال {a} إن {b} قتلت {n} مدنيا في القرية.", "spoke"),
    ("أكد {a} أن {b} قتلت {n} مدنيا.", "spoke"),
    ("أدان {a} قيام {b} بقتل {n} مدنيا.", "spoke"),
    ("اتهم {a} {b} بقتل {n} مدنيا.", "denied"),
    ("نفى {a} قتل {n} مدنيا.", "denied"),
]


@pytest.mark.parametrize(("template", "role"), AR_SPOKE)
@pytest.mark.parametrize(("speaker", "doer", "count"), list(product(SPEAKERS, DOERS, COUNTS)))
def test_arabic_speaker_before_a_deed_is_no_perpetrator(
    template: str, role: str, speaker: str, doer: str, count: int
) -> None:
    text = template.format(a=speaker, b=doer, n=count)
    problem = perpetrator_problem(speaker, text, "ar")
    assert problem is not None and _DEEDS[role] in problem, (text, problem)
    if "{b}" in template:
        assert perpetrator_problem(doer, text, "ar") is None, text


@pytest.mark.parametrize(("speaker", "count"), list(product(SPEAKERS, COUNTS)))
def test_arabic_speaker_of_its_own_deed_is_the_perpetrator(speaker: str, count: int) -> None:
    for text in (f"أعلن {speaker} أنه قتل {count} مسلحا.", f"قتل {speaker} {count} مسلحا."):
        assert perpetrator_problem(speaker, text, "ar") is None, text


# Spanish marks a person it takes as object with "a": a name right after the verb with no
# "a" and no count is the verb's subject, one after "a" (or a count) its object.
ES_ACTORS = ("los militares", "las FARC", "los paramilitares", "el ejército")
ES_OPENERS = ("", "En la aldea ", "Ayer ", "El martes ")


@pytest.mark.parametrize(("actor", "opener", "count"), list(product(ES_ACTORS, ES_OPENERS, COUNTS)))
def test_spanish_name_after_the_verb_without_a_is_its_subject(
    actor: str, opener: str, count: int
) -> None:
    verb = "mató" if actor.startswith("el ") else "mataron"
    verb = verb if opener else verb.capitalize()
    did = f"{opener}{verb} {actor} a {count} civiles."
    assert perpetrator_problem(actor, did, "es") is None, did
    for suffered in (f"{opener}{verb} a {actor} en la aldea.",
                     f"{opener}{verb} a {count} de {actor}.",
                     f"Los rebeldes mataron a {count} miembros de {actor}."):  # fmt: skip
        problem = perpetrator_problem(actor, suffered, "es")
        assert problem is not None and _DEEDS["suffered"] in problem, suffered


#: Phrases of agency name who did the harm, as "by" does after a verb of harm.
AGENCY = [
    ("en", "{n} civilians died at the hands of {x} in the village."),
    ("es", "{n} civiles murieron a manos de {x} en la aldea."),
    ("ar", "قتل {n} مدنيا على يد {x} في القرية."),
    ("ar", "قتل {n} مدنيا على أيدي {x}."),
]
AGENTS = {"en": ("the militia", "government troops"), "es": ("los paramilitares", "la milicia"),
          "ar": ("الجيش", "الميليشيا")}  # fmt: skip


@pytest.mark.parametrize(("language", "template"), AGENCY)
@pytest.mark.parametrize(("which", "count"), list(product((0, 1), COUNTS)))
def test_a_phrase_of_agency_names_the_perpetrator(
    language: str, template: str, which: int, count: int
) -> None:
    agent = AGENTS[language][which]
    text = template.format(n=count, x=agent)
    assert perpetrator_problem(agent, text, language) is None, text
