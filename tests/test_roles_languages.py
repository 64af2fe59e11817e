"""The role checks in every language, and the state of the publisher.

Venues, perpetrators, cumulative tolls, visit levels and the terms that find
a record's sentences are read with the words of the article's language (and
English), the way the cue words are; a user type's cue words apply to every
language; a readout's own government counts as named.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import Document, Extractor
from extractor.pipeline.requests import assemble, build_requests, parse_response
from extractor.pipeline.resolve import Article, resolve
from extractor.text.countries import LOCAL_NAMES, country_in_text, government_country
from extractor.text.cues import cue_pattern
from extractor.types.casualty_report import perpetrator_problem
from extractor.types.drafting import draft_terms
from extractor.types.registry import get_type
from extractor.types.visit import venue_countries, visit_level
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, static

FAST = settings(max_examples=50, deadline=None)

# -- venues ---------------------------------------------------------------------------

ARRIVED = {
    "es": "El ministro llegó a {place} el martes.",
    "fr": "Le ministre est arrivé à {place} mardi.",
    "de": "Der Minister reiste am Dienstag nach {place}.",
}


@cache
def _capitals(language: str) -> list[tuple[str, str]]:
    """(name, code) of the one-word names of places (capitals) the language's list holds."""
    found = []
    for code, names in LOCAL_NAMES[language].items():
        for name in (n.strip() for n in names.split("|")):
            if re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ]+", name) and country_in_text(name, language) == code:
                found.append((name, code))
    return found


@FAST
@given(data=st.data(), language=st.sampled_from(sorted(ARRIVED)))
def test_a_venue_is_read_with_the_prepositions_of_the_articles_language(
    data: st.DataObject, language: str
) -> None:
    place, code = data.draw(st.sampled_from(_capitals(language)))
    sentence = ARRIVED[language].format(place=place)
    assert venue_countries(sentence, language) == {code}, sentence


@pytest.mark.parametrize(
    ("sentence", "language", "code"),
    [
        ("Fue recibido en la Casa Blanca.", "es", "USA"),
        ("Il a été reçu à la Maison Blanche.", "fr", "USA"),
        ("Er wurde im Weißen Haus empfangen.", "de", "USA"),
        ("Президент прибыл в Пекин.", "ru", "CHN"),
        ("Его приняли в Белом доме.", "ru", "USA"),
        ("总统抵达北京进行国事访问。", "zh", "CHN"),
    ],
)
def test_venues_with_articles_cases_and_no_spaces(sentence: str, language: str, code: str) -> None:
    assert venue_countries(sentence, language) == {code}


def test_no_foreign_preposition_changes_a_verdict_on_english_text() -> None:
    assert venue_countries("A Russian delegation met a Chinese one en route.", "en") == set()
    assert venue_countries("He flew to Beijing.", "es") == {"CHN"}  # English is always read


# -- perpetrators, tolls over a period, levels -------------------------------------------

CONDEMNS = {
    "es": ("{who} condena el atentado que mató a 12 personas.", "{who} mató a 12 personas."),
    "fr": ("{who} condamne l'attentat qui a tué 12 personnes.", "{who} a tué 12 personnes."),
    "de": ("{who} verurteilt den Anschlag, der 12 Menschen tötete.", "{who} tötete 12 Menschen."),
    "ru": ("{who} осуждает теракт, в котором погибли 12 человек.", "{who} убили 12 человек."),
    "zh": ("{who}强烈谴责造成12人死亡的袭击。", "{who}杀害了12人。"),
}


@FAST
@given(language=st.sampled_from(sorted(CONDEMNS)), data=st.data())
def test_who_condemns_is_never_the_perpetrator_in_any_language(
    language: str, data: st.DataObject
) -> None:
    who = data.draw(
        st.from_regex(r"[\u4e00-\u9fff]{2,4}", fullmatch=True)
        if language == "zh"
        else st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True)
    )
    condemns, kills = CONDEMNS[language]
    assert "speaks about" in (perpetrator_problem(who, condemns.format(who=who), language) or "")
    assert perpetrator_problem(who, kills.format(who=who), language) is None


def test_an_english_verdict_reads_english_words_only() -> None:
    # "informed" is a Spanish stem ("inform-") but no English verb of speaking
    assert perpetrator_problem("Hamas", "Hamas informed gunmen who killed 5.", "en") is None
    assert perpetrator_problem("el atentado", "el atentado mató a 5.", "es") is not None


@pytest.mark.parametrize(
    ("titles", "level"),
    [(["Primer Ministro"], "head_of_government"), (["Ministerpräsident"], "head_of_government"),
     (["Bundeskanzler"], "head_of_government"), (["Président de la République"], "head_of_state"),
     (["министр иностранных дел"], "ministerial"), (["国务院总理"], "head_of_government"),
     (["vicepresidenta"], "senior_official"), (["President"], "head_of_state"),
     (["Deputy Prime Minister"], "senior_official")],
)  # fmt: skip
def test_visit_levels_are_read_in_every_language(titles: list[str], level: str) -> None:
    assert visit_level(titles) == level


# -- terms and user cue words ------------------------------------------------------------


def test_draft_terms_name_a_country_in_every_language() -> None:
    names, _ = draft_terms(set(), ["DEU", "CHN"], [], set())
    assert {"germany", "alemania", "allemagne", "deutschland", "германия", "中国"} <= names


@FAST
@given(word=st.from_regex(r"[a-z]{4,9}", fullmatch=True))
def test_a_user_types_cue_words_apply_to_every_language(word: str) -> None:
    pattern = cue_pattern([re.escape(word)], "*")
    assert pattern.search(f"Yesterday {word} happened.")
    assert pattern.search(f"数千人{word}政府")  # no spaces around a word in Chinese
    assert not pattern.search(f"Yesterday x{word}y happened.")  # part of a longer word
    chinese = cue_pattern(["抗议"], "*")
    assert chinese.search("数千人抗议政府") and chinese.search("protest 抗议")


# -- the publisher's state ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "code"),
    [("https://bidenwhitehouse.archives.gov/briefing-room/x/", "USA"),
     ("https://www.state.gov/readout", "USA"), ("https://www.army.mil/x", "USA"),
     ("https://www.gov.uk/government/news/x", "GBR"), ("https://www.diplomatie.gouv.fr/x", "FRA"),
     ("https://www.gob.mx/sre", "MEX"), ("https://www.mofa.go.jp/x", "JPN"),
     ("https://www.fmprc.gov.cn/x", "CHN"), ("https://www.international.gc.ca/x", "CAN"),
     ("https://www.bbc.co.uk/news", None), ("https://example.com/gov/x", None),
     ("https://ec.europa.eu/x", None), (None, None)],
)  # fmt: skip
def test_a_government_publisher_is_known_by_its_domain(url: str | None, code: str | None) -> None:
    assert government_country(url) == code


@FAST
@given(host=st.from_regex(r"[a-z]{3,10}", fullmatch=True), cc=st.sampled_from(["fr", "de", "it"]))
def test_a_news_site_is_no_government(host: str, cc: str) -> None:
    assert government_country(f"https://www.{host}.{cc}/politics/x") is None
    assert government_country(f"https://{host}.gouv.{cc}/x") == {"fr": "FRA", "de": "DEU",
                                                                "it": "ITA"}[cc]  # fmt: skip


READOUT = "President Biden spoke today with Prime Minister Netanyahu of Israel."


def _meeting(article: Article) -> object:
    spec = get_type("meeting")
    draft = spec.draft.model_validate(
        {"participants": [{"name": "Biden", "title": "President", "country": "USA"},
                          {"name": "Netanyahu", "title": "Prime Minister", "country": "ISR"}],
         "countries": ["USA", "ISR"], "format": "virtual", "place": None, "date": "today",
         "topics": [], "outcome": None, "status": "occurred", "attribution": None,
         "evidence": [1]}
    )  # fmt: skip
    answer = type("Answer", (), {"list_fields": {"meetings": "meeting"}, "meetings": [draft]})()
    return resolve(answer, article)


def test_a_readout_keeps_its_own_governments_side() -> None:
    """The U.S. side of a White House readout is kept though the text never names it;
    the same text from an unknown publisher drops it, as before."""
    published = date(2024, 4, 28)
    kept = _meeting(Article.of(READOUT, published=published, url="https://www.whitehouse.gov/x"))
    dropped = _meeting(Article.of(READOUT, published=published, url="https://news.example.com"))
    [record] = kept.records  # type: ignore[attr-defined]
    assert sorted(record.countries()) == ["ISR", "USA"]
    assert not dropped.records  # type: ignore[attr-defined]
    assert any("USA is not mentioned" in p for p in dropped.problems)  # type: ignore[attr-defined]


@pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
@pytest.mark.parametrize("carrier", ["live", "batch"])
def test_the_publisher_reaches_the_validators_through_the_pipeline(carrier: str) -> None:
    """The document's URL is read once into the validation context, by the live engine and
    by the pure request functions alike: the same answer keeps the U.S. side of a readout
    on whitehouse.gov and drops it from an unknown site."""
    answer = json.dumps(
        {"meetings": [{"participants": [{"name": "Biden", "title": "President", "country": "USA"},
                                        {"name": "Netanyahu", "title": "Prime Minister",
                                         "country": "ISR"}],
                       "countries": ["USA", "ISR"], "format": "virtual", "place": None,
                       "date": "today", "topics": [], "outcome": None, "status": "occurred",
                       "attribution": None, "evidence": [1]}]}
    )  # fmt: skip
    published = date(2024, 4, 28)
    found: dict[str | None, list[str]] = {}
    with (
        FakeOpenAI(static(answer)) as server,
        Extractor(
            "openai/fake", base_url=server.base_url, types=["meeting"], cache=False, max_retries=0
        ) as ex,
    ):
        for url in ("https://www.whitehouse.gov/briefing-room/x", "https://news.example.com/x"):
            document = Document("d", READOUT, published=published, url=url)
            if carrier == "live":
                result = ex.extract(document)
            else:
                requests = build_requests(document, ex)
                completion = {"id": "c", "object": "chat.completion", "created": 0, "model": "fake",
                              "choices": [{"index": 0, "finish_reason": "stop",
                                           "message": {"role": "assistant", "content": answer}}],
                              "usage": {"prompt_tokens": 1, "completion_tokens": 1,
                                        "total_tokens": 2}}  # fmt: skip
                replies = [parse_response(r, completion, document) for r in requests]
                result = assemble(document, replies, ex)
            found[url] = sorted(c for m in result.meetings for c in m.countries())
    assert found["https://www.whitehouse.gov/briefing-room/x"] == ["ISR", "USA"]
    assert found["https://news.example.com/x"] == []
