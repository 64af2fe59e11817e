"""Roles and direction from the text, checked by code, on sentences written for these tests.

Codebook principles (PLOVER, UCDP GED, ACLED): a visit takes place in the host
country; the perpetrator is who did it, never who condemns or reports it; a
casualty is coded to the country where it happened; a total since an event is
cumulative and dated by its period; a relative date resolves against the
publication date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, resolve
from extractor.text.places import place_country
from extractor.text.sentences import split_sentences
from extractor.types.casualty_report import perpetrator_problem
from extractor.types.visit import venue_countries
from tests.roles_support import PUBLISHED, run
from tests.test_dates import MONTHS_IN


def visit(**overrides: Any) -> dict[str, Any]:
    draft = {"visitors": [{"name": "Salman Al Khalifa", "title": "crown prince", "country": "BHR"}],
             "visitor_country": "BHR", "hosts": [{"name": "Joe Biden", "title": "president",
             "country": "USA"}], "host_country": "USA", "place": None, "date": None,
             "end_date": None, "purpose": None, "status": "occurred", "attribution": None,
             "evidence": [1]}  # fmt: skip
    return {**draft, **overrides}


RECEIVED = (
    "President Joe Biden welcomed Crown Prince Salman Al Khalifa of Bahrain to the White House "
    "today for talks on regional security. The two leaders discussed trade."
)


def test_a_guest_received_at_the_white_house_is_the_visitor() -> None:
    right = run("visit", RECEIVED, **visit())
    assert [(r.visitor_country, r.host_country) for r in right.records] == [("BHR", "USA")]
    assert right.records[0].start is not None and right.records[0].start.value == "2025-03-12"
    wrong = run("visit", RECEIVED, **visit(visitor_country="USA", host_country="BHR",
                                           visitors=[{"name": "Joe Biden", "title": None,
                                                      "country": "USA"}],
                                           hosts=[]))  # fmt: skip
    [record] = wrong.records  # coded the wrong way round: put right, with a warning
    assert (record.visitor_country, record.host_country) == ("BHR", "USA")
    assert [a.name for a in record.hosts] == ["Joe Biden"]
    assert any("visitor and host swapped" in w for w in wrong.warnings)


def test_the_place_of_a_visit_lies_in_the_host_country() -> None:
    text = (
        "Foreign Minister Ana Ruiz of Chile arrived in Berlin on Monday, after a visit to France."
    )
    draft = visit(visitors=[{"name": "Ana Ruiz", "title": "foreign minister", "country": "CHL"}],
                  visitor_country="CHL", hosts=[], host_country="FRA", place="Berlin")  # fmt: skip
    outcome = run("visit", text, **draft)
    [record] = outcome.records  # the visit took place in Germany: Germany is the host
    assert record.host_country == "DEU" and record.place is not None
    assert record.place.country == "DEU"
    assert any("host_country FRA recoded DEU" in w for w in outcome.warnings)


def test_venues_are_read_after_in_to_and_at() -> None:
    assert venue_countries("He was received at the White House on Friday.") == {"USA"}
    assert venue_countries("She flew to Beijing, then returned to Washington.") == {"CHN", "USA"}
    assert venue_countries("Washington and Beijing agreed to talk.") == set()


def casualty(**overrides: Any) -> dict[str, Any]:
    draft = {"killed": 12, "injured": None, "qualifier": "exact", "victims": None,
             "perpetrator": None, "country": None, "place": None, "date": None,
             "scope": "event", "violence_type": None, "status": "occurred", "attribution": None,
             "evidence": [1]}  # fmt: skip
    return {**draft, **overrides}


CONDEMNED = (
    "The United States strongly condemns the attack in Mogadishu, Somalia, that killed 12 "
    "people on Tuesday. We stand with the people of Somalia."
)


def test_the_government_that_condemns_is_not_the_perpetrator_nor_the_country() -> None:
    outcome = run(
        "casualty_report", CONDEMNED,
        **casualty(perpetrator="United States", country="USA", place="Mogadishu"),
    )  # fmt: skip
    [record] = outcome.records
    assert record.perpetrator is None and record.country == "SOM"
    assert record.date is not None and record.date.value == "2025-03-11"  # "on Tuesday"
    assert any("speaks about the attack" in w for w in outcome.warnings)


@pytest.mark.parametrize(
    ("name", "sentence", "ok"),
    [
        ("al-Shabaab", "Militants of al-Shabaab killed 12 people at a hotel.", True),
        ("the heinous terror attack", "The heinous terror attack killed 12 people.", False),
        ("France", "France condemned the bombing that killed 12 people.", False),
        ("the junta", "The junta has killed more than 3,000 civilians.", True),
        ("Ruritanian army", "Twelve people were killed, officials said.", False),
    ],
)
def test_a_perpetrator_is_the_one_named_as_doing_it(name: str, sentence: str, ok: bool) -> None:
    assert (perpetrator_problem(name, sentence) is None) is ok


def test_a_toll_since_an_event_is_cumulative_and_dated_by_its_period() -> None:
    text = (
        "Security forces have killed more than 3,000 civilians in Ruritania since the 2021 "
        "coup, a monitoring group said on Tuesday."
    )
    outcome = run(
        "casualty_report", text,
        **casualty(killed=3000, qualifier="at_least", date="on Tuesday", scope="event",
                   country="Ruritania"),
    )  # fmt: skip
    assert outcome.problems and "Ruritania" in outcome.problems[0]  # not a country
    text = text.replace("Ruritania", "Myanmar")
    [record] = run(
        "casualty_report", text,
        **casualty(killed=3000, qualifier="at_least", date="on Tuesday", country="MMR"),
    ).records  # fmt: skip
    assert record.scope == "cumulative"
    assert record.date is not None and record.date.value == "2021" and record.date.end is not None


@settings(max_examples=40, deadline=None)
@given(days=st.integers(min_value=0, max_value=6), word=st.sampled_from(["met", "spoke with"]))
def test_relative_dates_in_the_evidence_resolve_against_the_publication_date(
    days: int, word: str
) -> None:
    weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][days]
    text = f"Foreign Minister Ana Ruiz of Chile {word} Prime Minister Li Wen of China on {weekday}."
    draft = {"participants": [{"name": "Ana Ruiz", "title": None, "country": "CHL"},
                              {"name": "Li Wen", "title": None, "country": "CHN"}],
             "countries": ["CHL", "CHN"], "format": None, "place": None, "date": None,
             "topics": [], "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip
    [record] = run("meeting", text, **draft).records
    assert record.date is not None and record.date.value is not None
    resolved = date.fromisoformat(record.date.value)
    assert resolved.strftime("%A") == weekday and 0 <= (PUBLISHED - resolved).days < 7


def test_a_city_gives_its_country_and_a_name_alone_stays_unknown() -> None:
    assert place_country("Mogadishu") == "SOM" and place_country("Manama") == "BHR"
    assert place_country("the White House") == "USA"
    assert place_country("Springfield, Illinois") is None or place_country("Springfield") == "USA"
    assert place_country("a village") is None


#: Sentences written for this test: a toll in five languages, with a hedge before the
#: figure, after it, or none. ``{h}``/``{t}`` take the hedge; the figure is ``{n}``.
TOLLS = {
    "en": ("A bomb killed {h}{n}{t} people in Kano, Nigeria on Friday.",
           {"at_least": ("at least ", ""), "about": ("about ", ""), "up_to": ("up to ", ""),
            "after": ("", " or more")}),
    "es": ("Una bomba mató a {h}{n}{t} personas en Kano, Nigeria, el viernes.",
           {"at_least": ("al menos ", ""), "about": ("unos ", ""), "up_to": ("hasta ", ""),
            "after": ("", " o más")}),
    "fr": ("Une bombe a tué {h}{n}{t} personnes à Kano, au Nigeria, vendredi.",
           {"at_least": ("au moins ", ""), "about": ("environ ", ""),
            "up_to": ("jusqu'à ", ""), "after": ("", " ou plus")}),
    "de": ("Eine Bombe tötete am Freitag {h}{n}{t} Menschen in Kano, Nigeria.",
           {"at_least": ("mindestens ", ""), "about": ("etwa ", ""), "up_to": ("bis zu ", ""),
            "after": ("", " oder mehr")}),
    "zh": ("周五，尼日利亚卡诺发生爆炸，造成{h}{n}{t}人死亡。",
           {"at_least": ("至少", ""), "about": ("约", ""), "up_to": ("最多", ""),
            "after": ("", "多")}),
}  # fmt: skip


@settings(max_examples=60, deadline=None, database=None)
@given(
    language=st.sampled_from(sorted(TOLLS)),
    hedge=st.sampled_from(["none", "at_least", "about", "up_to", "after"]),
    said=st.sampled_from(["exact", "at_least", "about", "up_to"]),
    number=st.integers(13, 999),
)
def test_a_count_is_qualified_as_the_text_writes_it(
    language: str, hedge: str, said: str, number: int
) -> None:
    """The qualifier is the text's, whatever the model said: "killed 40" is exact, "at
    least 40" at least, "40 or more" at least (a hedge after the figure too)."""
    template, hedges = TOLLS[language]
    before, after = hedges.get(hedge, ("", ""))
    text = template.format(h=before, n=number, t=after)
    outcome = run("casualty_report", text,
                  **casualty(killed=number, qualifier=said, country="NGA", place="Kano"))  # fmt: skip
    [record] = outcome.records
    expected = {"none": "exact", "after": "at_least"}.get(hedge, hedge)
    assert record.killed is not None and record.killed.qualifier == expected, (text, said)


#: A meeting told in five languages (written for this test); ``{x}`` takes the date.
MET = {
    "en": "Foreign Minister Ana Ruiz of Chile met Prime Minister Li Wen of China {x} in Beijing.",
    "es": "La canciller de Chile, Ana Ruiz, se reunió {x} en Pekín con el primer ministro de "
          "China, Li Wen.",
    "fr": "La ministre chilienne Ana Ruiz a rencontré {x} à Pékin le Premier ministre chinois "
          "Li Wen.",
    "de": "Die chilenische Außenministerin Ana Ruiz traf {x} in Peking den chinesischen "
          "Ministerpräsidenten Li Wen.",
    "ru": "Министр иностранных дел Чили Ана Руис {x} встретилась в Пекине с премьером Китая "
          "Ли Вэнь.",
}  # fmt: skip
WRITTEN_DAY = {
    "en": "on {d} {en} {y}", "es": "el {d} de {m} de {y}", "fr": "le {d} {m} {y}",
    "de": "am {d}. {m} {y}", "ru": "{d} {m} {y} года",
}  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    language=st.sampled_from(sorted(MET)),
    day=st.dates(date(2015, 1, 1), PUBLISHED),  # a meeting that occurred
    said=st.sampled_from(["iso", "english"]),
)
# the publication day itself, as a code: the article's words for it still win (found in CI)
@example(language="de", day=PUBLISHED, said="iso")
def test_a_date_the_model_translated_is_the_articles_own_expression(
    language: str, day: date, said: str
) -> None:
    """The model writes "2022-05-10" or "May 10, 2022" for "el 10 de mayo de 2022": the
    record's date is the article's expression, read to the same day, never dropped."""
    english = day.strftime("%B")
    month = MONTHS_IN.get(language, [""] * 12)[day.month - 1]
    written = WRITTEN_DAY[language].format(d=day.day, m=month, y=day.year, en=english)
    text = MET[language].format(x=written)
    model_date = day.isoformat() if said == "iso" else f"{english} {day.day}, {day.year}"
    ruiz, li = ("Ана Руис", "Ли Вэнь") if language == "ru" else ("Ana Ruiz", "Li Wen")
    draft = {"participants": [{"name": ruiz, "title": None, "country": "CHL"},
                              {"name": li, "title": None, "country": "CHN"}],
             "countries": ["CHL", "CHN"], "format": None, "place": None, "date": model_date,
             "topics": [], "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip
    [record] = run("meeting", text, **draft).records
    assert record.date is not None and record.date.value == day.isoformat(), (text, record.date)
    assert record.date.text in text


#: A toll in a country, in five languages (written for this test): the country's name as
#: each writes it, and the sentence.
IN_COUNTRY = {
    "es": ("Una bomba mató a 12 personas en {c} el viernes.", {"DEU": "Alemania", "ESP": "España"}),
    "fr": ("Une bombe a tué 12 personnes en {c} vendredi.", {"DEU": "Allemagne", "ESP": "Espagne"}),
    "de": ("Eine Bombe tötete am Freitag 12 Menschen in {c}.",
           {"DEU": "Deutschland", "ESP": "Spanien"}),
    "ru": ("Взрыв бомбы унёс жизни 12 человек в {c} в пятницу.",
           {"DEU": "Германии", "ESP": "Испании"}),
    "zh": ("周五，{c}发生爆炸，造成12人死亡。", {"DEU": "德国", "ESP": "西班牙"}),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(IN_COUNTRY))
@pytest.mark.parametrize(("code", "english"), [("DEU", "Germany"), ("ESP", "Spain")])
def test_a_place_the_model_named_in_english_is_the_articles_name(
    language: str, code: str, english: str
) -> None:
    """The model writes "Germany" for an article that says "Alemania": the place is the
    article's name (as written, inflected or not), in that country; a place the article
    does not name at all is still dropped."""
    template, names = IN_COUNTRY[language]
    text = template.format(c=names[code])
    outcome = run("casualty_report", text, **casualty(place=english, country=code))
    [record] = outcome.records
    assert record.place is not None and record.place.text == names[code]
    assert record.place.country == code and record.country == code
    other = run("casualty_report", text, **casualty(place="France", country=code))
    assert [r.place for r in other.records] == [None]


@settings(max_examples=30, deadline=None)
@given(
    language=st.sampled_from(["es", "fr", "de"]),
    first=st.integers(1, 26),
    length=st.integers(1, 2),
)
def test_a_visit_ending_in_a_range_of_days_ends_on_its_last_day(
    language: str, first: int, length: int
) -> None:
    """ "Traveled to Washington on 10 and 11 February": a model that gives the range as the
    end date gets the range's last day as the visit's end, its first as the start; the
    sentence's full stop is no part of the date as written."""
    last = first + length
    joiner = {"es": "y", "fr": "et", "de": "und"}[language]
    month = MONTHS_IN[language][1]  # February, before the publication date
    days = (
        f"{first}. {joiner} {last}. {month}"
        if language == "de"
        else (f"{first} {joiner} {last} {'de ' if language == 'es' else ''}{month}")
    )
    text = {
        "es": f"La canciller de Chile, Ana Ruiz, viajó a Washington los días {days}.",
        "fr": f"La ministre du Chili, Ana Ruiz, s'est rendue à Washington les {days}.",
        "de": f"Die Ministerin aus Chile, Ana Ruiz, reiste am {days} nach Washington.",
    }[language]
    english = f"February {first} and {last}"
    ruiz = [{"name": "Ana Ruiz", "title": None, "country": "CHL"}]
    draft = visit(date=english, end_date=english, place="Washington", hosts=[], visitors=ruiz,
                  visitor_country="CHL")  # fmt: skip
    [record] = run("visit", text, **draft).records
    assert record.start is not None and record.end is not None, text
    assert record.start.value == f"{PUBLISHED.year}-02-{first:02d}"
    assert record.end.value == f"{PUBLISHED.year}-02-{last:02d}"
    assert not record.start.text.endswith(".") or (language == "de" and record.start.text == days)


@settings(max_examples=40, deadline=None)
@given(
    day=st.integers(1, 27),
    month=st.integers(0, 11),
    ranged=st.booleans(),
    figure=st.integers(1, 99),
    opener=st.sampled_from(["A", "The", "We", "All", "Upon", "In"]),
)
def test_an_ordinal_day_ends_no_sentence_and_a_figure_still_does(
    day: int, month: int, ranged: bool, figure: int, opener: str
) -> None:
    """ "am 4. März" and "am 1. und 2. März" are inside one German sentence; an English
    sentence that ends on a figure ("killed 12. A man ...") still ends there."""
    name = MONTHS_IN["de"][month]
    days = f"{day}. und {day + 1}. {name}" if ranged else f"{day}. {name}"
    german = f"Die Ministerin war am {days} in Berlin. Danach reiste sie ab."
    assert [german[s.start : s.end] for s in split_sentences(german)] == [
        f"Die Ministerin war am {days} in Berlin.",
        "Danach reiste sie ab.",
    ]
    english = f"The attack killed {figure}. {opener} witness said so."
    assert len(split_sentences(english)) == 2


# A statement of sympathy on a government's site: the government counts as named (it
# need not name itself), but a toll is coded where it happened, never where it is read.
PUBLISHERS = [("https://www.whitehouse.gov/briefing-room/", "USA"),
              ("https://www.gov.uk/government/news/", "GBR")]  # fmt: skip
ABROAD = ["a fuel depot in the hills", "a market in the old town", "a village school"]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(PUBLISHERS),
    st.sampled_from(ABROAD),
    st.integers(2, 400),
    st.sampled_from(["none", "named", "place"]),
)
def test_a_toll_is_not_coded_to_the_government_that_publishes_the_statement(
    publisher: tuple[str, str], where: str, killed: int, how: str
) -> None:
    url, code = publisher
    home = {"USA": ("the United States", "Dallas, Texas"), "GBR": ("Britain", "Leeds")}[code]
    text = f"We are saddened that {killed} people were killed in an explosion at {where}."
    place = None
    if how == "named":  # the article itself says the event happened in that country
        text = f"We are saddened that {killed} people were killed in {home[0]} at {where}."
    elif how == "place":  # or names a place that lies there
        place = home[1]
        text = f"We are saddened that {killed} people were killed in {place} at {where}."
    model = answer_model(("casualty_report",))
    (plural,) = model.list_fields
    draft_class = model.model_fields[plural].annotation.__args__[0]
    answer = model.model_construct(
        **{plural: [draft_class(**casualty(killed=killed, country=code, place=place))]}
    )
    article = Article.of(text, published=PUBLISHED, doc_id="t", url=url + "statement")
    outcome = resolve(answer, article)
    [record] = outcome.records
    if how == "none":
        assert record.country is None
        assert any("publishes the statement" in warning for warning in outcome.warnings)
    else:
        assert record.country == code


# ------------------------------------------ a visit says who travelled, or it is a meeting

PEOPLE = [
    ("Ana Ruiz", "President", "CHL", "Chile", "Santiago"),
    ("Lars Berg", "Prime Minister", "NOR", "Norway", "Oslo"),
    ("Kenji Sato", "Prime Minister", "JPN", "Japan", "Tokyo"),
    ("Amina Bello", "President", "NGA", "Nigeria", "Abuja"),
]
#: Sentences that say two leaders met, and not where or who travelled.
ONLY_MET = [
    "{at} {a} of {ac} met today with {bt} {b} of {bc} to discuss {topic}.",
    "{at} {a} of {ac} and {bt} {b} of {bc} met on Tuesday and discussed {topic}.",
]
#: Sentences that say who went where (travel, welcome, or the place).
WHO_WENT = [
    "{at} {a} of {ac} travelled to {bc} today and met {bt} {b} to discuss {topic}.",
    "{bt} {b} of {bc} welcomed {at} {a} of {ac} to {bcap} today to discuss {topic}.",
    "{at} {a} of {ac} met {bt} {b} of {bc} in {bcap} today to discuss {topic}.",
    "{bt} {b} of {bc} received {at} {a} of {ac} today to discuss {topic}.",
]


def _met_responder(draft: dict[str, Any]) -> Any:
    import json

    answer = {"visits": [draft], "meetings": [], "arms_transfers": [], "casualty_reports": []}
    return lambda body: json.dumps(answer)


@settings(max_examples=24, deadline=None)
@given(
    pair=st.permutations(range(len(PEOPLE))).map(lambda p: (PEOPLE[p[0]], PEOPLE[p[1]])),
    template=st.sampled_from([*(("met", t) for t in ONLY_MET), *(("went", t) for t in WHO_WENT)]),
    topic=st.sampled_from(["trade", "regional security", "energy cooperation"]),
)
def test_a_visit_whose_sentence_only_says_they_met_is_the_meeting_it_reports(
    pair: tuple[tuple[str, ...], tuple[str, ...]], template: tuple[str, str], topic: str
) -> None:
    """PLOVER and CAMEO code a visit from the report of the travel: "A met today with B"
    says they met, not who went where, so the model's visit (a guess at its direction)
    gives the meeting, and the visit is left out with a warning. A word of travel or
    welcome, or the place, keeps it."""
    from extractor.pipeline.engine import Extractor
    from tests.fakes.openai_server import FakeOpenAI

    (a, at, ac_code, ac, _), (b, bt, bc_code, bc, bcap) = pair
    how, pattern = template
    text = pattern.format(a=a, at=at, ac=ac, b=b, bt=bt, bc=bc, bcap=bcap, topic=topic)
    draft = visit(
        visitors=[{"name": a, "title": at.lower(), "country": ac_code}], visitor_country=ac_code,
        hosts=[{"name": b, "title": bt.lower(), "country": bc_code}], host_country=bc_code,
        place=None,  # the sentence's venue, if any, says where: not the draft
    )  # fmt: skip
    with (
        FakeOpenAI(_met_responder(draft)) as server,
        Extractor("openai/fake-model", base_url=server.base_url, max_retries=0) as ex,
    ):
        result = ex.extract(text, published=PUBLISHED)
    visits = [r for r in result.records if r.record_type == "visit"]
    meetings = [r for r in result.records if r.record_type == "meeting"]
    left_out = [w for w in result.metadata.warnings if w.startswith("left out a visit")]
    if how == "met":
        assert visits == [] and len(left_out) == 1, (text, result.metadata.warnings)
        [meeting] = meetings  # the meeting the sentence reports stands
        assert set(meeting.countries()) == {ac_code, bc_code}
    else:
        assert len(visits) == 1 and not left_out, (text, result.metadata.warnings)
        assert (visits[0].visitor_country, visits[0].host_country) == (ac_code, bc_code)


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("La presidenta Ana Ruiz de Chile se reunió hoy con el primer ministro Lars Berg de "
         "Noruega para hablar de comercio.", "met"),
        ("La presidenta Ana Ruiz de Chile viajó hoy a Noruega y se reunió con el primer "
         "ministro Lars Berg.", "went"),
        ("La présidente Ana Ruiz du Chili a rencontré aujourd'hui le Premier ministre Lars "
         "Berg de la Norvège pour parler de commerce.", "met"),
        ("La présidente Ana Ruiz du Chili s'est rendue aujourd'hui en Norvège et a rencontré "
         "le Premier ministre Lars Berg.", "went"),
        ("Präsidentin Ana Ruiz aus Chile traf heute Ministerpräsident Lars Berg aus Norwegen, "
         "um über Handel zu sprechen.", "met"),
        ("Präsidentin Ana Ruiz aus Chile reiste heute nach Norwegen und traf "
         "Ministerpräsident Lars Berg.", "went"),
        # no word of travel: the venue after the language's own preposition says where
        ("La presidenta Ana Ruiz de Chile se reunió hoy con el primer ministro Lars Berg de "
         "Noruega en Oslo para hablar de comercio.", "went"),
        ("La présidente Ana Ruiz du Chili a rencontré aujourd'hui le Premier ministre Lars "
         "Berg de la Norvège à Oslo pour parler de commerce.", "went"),
        ("President Ana Ruiz of Chile received Prime Minister Lars Berg of Norway today to "
         "discuss trade.", "went"),
    ],
)  # fmt: skip
def test_who_travelled_is_read_in_the_articles_language(text: str, how: str) -> None:
    from extractor.pipeline.engine import Extractor
    from tests.fakes.openai_server import FakeOpenAI

    draft = visit(
        visitors=[{"name": "Ana Ruiz", "title": None, "country": "CHL"}], visitor_country="CHL",
        hosts=[{"name": "Lars Berg", "title": None, "country": "NOR"}], host_country="NOR",
    )  # fmt: skip
    with (
        FakeOpenAI(_met_responder(draft)) as server,
        Extractor("openai/fake-model", base_url=server.base_url, max_retries=0) as ex,
    ):
        result = ex.extract(text, published=PUBLISHED)
    kinds = sorted(r.record_type for r in result.records)
    assert kinds == (["meeting"] if how == "met" else ["meeting", "visit"]), (
        text, result.metadata.warnings,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "hosts", "types"),
    [
        ("President Ana Ruiz of Chile met today with Norwegian officials to discuss trade.",
         [], ("visit", "meeting")),
        ("President Ana Ruiz of Chile met today with Prime Minister Lars Berg of Norway to "
         "discuss trade.", [{"name": "Lars Berg", "title": None, "country": "NOR"}],
         ("visit",)),
    ],
)  # fmt: skip
def test_a_visit_nothing_is_derived_from_is_kept(
    text: str, hosts: list[dict[str, Any]], types: tuple[str, ...]
) -> None:
    """Left out only in favour of the meeting it reports: with no host to meet, or meetings
    not asked for, no meeting stands in its place, and the visit is kept as the model
    coded it (no warning claims a meeting that is not there)."""
    from extractor.pipeline.engine import Extractor
    from tests.fakes.openai_server import FakeOpenAI

    draft = visit(
        visitors=[{"name": "Ana Ruiz", "title": None, "country": "CHL"}], visitor_country="CHL",
        hosts=hosts, host_country="NOR",
    )  # fmt: skip
    with (
        FakeOpenAI(_met_responder(draft)) as server,
        Extractor(
            "openai/fake-model", base_url=server.base_url, max_retries=0, types=list(types)
        ) as ex,  # fmt: skip
    ):
        result = ex.extract(text, published=PUBLISHED)
    assert [r.record_type for r in result.records] == ["visit"], result.metadata.warnings
    assert not any(w.startswith("left out") for w in result.metadata.warnings)
