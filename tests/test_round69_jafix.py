"""Round 69 (jafix): a meeting's venue says who was at home only for a meeting in person
held on a state's soil. One held online, by video or by telephone says nobody travelled;
a state's embassy or consulate stands on another state's soil, whose place (written to
locate it) is the venue, else none. Korean money: the press's "불" (弗) and "달라" are the
dollar, and "여" (more than) after a currency keeps the amount.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from extractor.text.quantities import parse_money
from extractor.types.visit import meeting_venues

#: (Japanese name, Arabic name, alpha-3) of the visitor's state and the host's capital
JA_SIDES = [("ガーナ", "غانا", "GHA"), ("ケニア", "كينيا", "KEN"), ("ペルー", "بيرو", "PER")]
JA_HOSTS = [("ウィーン", "فيينا", "AUT"), ("ベルリン", "برلين", "DEU"), ("パリ", "باريس", "FRA")]
JA_REMOTE = ["オンライン形式により", "テレビ会議で", "電話で", "ビデオ会議方式で"]
JA_VERBS = ["会談した。", "会談を行った。"]
AR_REMOTE = ["عبر الفيديو", "هاتفيا", "بشكل افتراضي"]
JA_MISSIONS = ["大使館", "領事館", "代表部"]
AR_MISSIONS = ["سفارة", "قنصلية"]

REMOTE_JA = [
    (f"{v}の外相は金曜日、{cap}で{how}{h}の外相と{verb}", vc)
    for (v, _, vc), (cap, _, _), how, verb in itertools.product(JA_SIDES, JA_HOSTS, JA_REMOTE, JA_VERBS)
    for h in ["オーストリア"]
]  # fmt: skip
REMOTE_AR = [
    (f"التقى وزير خارجية {v} نظيره {how} في {cap}", vc)
    for (_, v, vc), (_, cap, _), how in itertools.product(JA_SIDES, JA_HOSTS, AR_REMOTE)
]  # fmt: skip
EMBASSY_JA = [
    (f"{v}の外相は、{cap}{link}{v}{mission}で{h}の外相と{verb}", hc)
    for (v, _, _), (cap, _, hc), mission, verb, link in itertools.product(
        JA_SIDES, JA_HOSTS, JA_MISSIONS, JA_VERBS, ["にある", "の"])
    for h in ["オーストリア"]
]  # fmt: skip
EMBASSY_AR = [
    (f"التقى وزير خارجية {v} نظيره في {mission} {v} في {cap}", hc)
    for (_, v, _), (_, cap, hc), mission in itertools.product(JA_SIDES, JA_HOSTS, AR_MISSIONS)
]  # fmt: skip
BARE_MISSION_JA = [
    f"{v}の外相は、{v}{mission}で{h}の外相と{verb}"
    for (v, _, _), mission, verb in itertools.product(JA_SIDES, JA_MISSIONS, JA_VERBS)
    for h in ["オーストリア"]
]  # fmt: skip
#: Near misses: a meeting in person in a capital is read as before
IN_PERSON_JA = [
    (f"{v}の外相は金曜日、{cap}で{h}の外相と{verb}", hc)
    for (v, _, _), (cap, _, hc), verb in itertools.product(JA_SIDES, JA_HOSTS, JA_VERBS)
    for h in ["オーストリア"]
]  # fmt: skip
IN_PERSON_AR = [
    (f"التقى وزير خارجية {v} نظيره في {cap}", hc)
    for (_, v, _), (_, cap, hc) in itertools.product(JA_SIDES, JA_HOSTS)
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "visitor"), REMOTE_JA + REMOTE_AR)
def test_a_meeting_not_in_person_names_no_venue(sentence: str, visitor: str) -> None:
    lang = "ja" if "会談" in sentence else "ar"
    assert meeting_venues(sentence, lang) == set()


@pytest.mark.parametrize(("sentence", "host"), EMBASSY_JA + EMBASSY_AR)
def test_an_embassy_is_where_its_place_locates_it(sentence: str, host: str) -> None:
    lang = "ja" if "会談" in sentence else "ar"
    assert meeting_venues(sentence, lang) == {host}


@pytest.mark.parametrize("sentence", BARE_MISSION_JA)
def test_an_embassy_alone_is_not_its_state_soil(sentence: str) -> None:
    assert meeting_venues(sentence, "ja") == set()


@pytest.mark.parametrize(("sentence", "host"), IN_PERSON_JA + IN_PERSON_AR)
def test_a_meeting_in_person_is_read_as_before(sentence: str, host: str) -> None:
    lang = "ja" if "会談" in sentence else "ar"
    assert meeting_venues(sentence, lang) == {host}


KO_FIGURES = [("5", 5), ("30", 30)]
KO_SCALES = [("억", 10**8), ("조", 10**12)]
KO_DOLLARS = ["불", "달라", "달러여", "불을", "불 규모의", "달라를", "불여"]
KO_STATES = [("", "USD"), ("미국 ", "USD"), ("캐나다 ", "CAD")]
KO_MONEY = [
    (f"{f}{s}{gap}{state}{dollar}", value * scale, code)
    for (f, value), (s, scale), dollar, (state, code), gap in itertools.product(
        KO_FIGURES, KO_SCALES, KO_DOLLARS, KO_STATES, ["", " "])
    if not (state and not gap)
]  # fmt: skip
#: Near misses: "불" opens other words ("불법", illegal), and a measure is no money
KO_NOT_MONEY = [
    f"{f}{s} {word}"
    for (f, _), (s, _), word in itertools.product(KO_FIGURES, KO_SCALES, ["불법", "불씨", "km", "톤"])
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "code"), KO_MONEY)
def test_the_korean_press_dollar(text: str, value: int, code: str) -> None:
    assert parse_money(f"총 {text} 계약", language="ko") == (Decimal(value), code)


@pytest.mark.parametrize("text", KO_NOT_MONEY)
def test_korean_near_misses_are_no_money(text: str) -> None:
    assert parse_money(f"총 {text} 계약", language="ko") is None
