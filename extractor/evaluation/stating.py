"""Whether a prediction's quote *states* the gold record it is matched with (strict score).

A quote found in the article proves only that the article holds those characters: "."
or "Kenya" are in almost every article, and a strict score that took them as evidence
would be flattered by the laziest quote. So the strict score asks more of a quote than
being in the text (:func:`~extractor.evaluation.scoring.is_grounded`, which the lenient
grounding rate keeps): it must *state the record*, that is say something of it. The
principle, decided here once:

* When the gold record's evidence is found in the article, a part of the quote (a
  fragment between ellipses, or a verbatim span at its offsets) must lie **inside** the
  sentence(s) that evidence lies in, wherever in the article it occurs (a quote that also
  occurs elsewhere does not say which sentence it cites; a quote may start or end on
  punctuation or spaces just outside them), and that same part must *say the event*
  there: at least half of the gold evidence's content words (and two, when it has two or
  more), or two of the record's key facts, or one key fact with a word of the record
  type's own ("killed 74", "visited Kenya"; in a language the type has no words for,
  another content word of the gold evidence). One common word ("made", "President") is
  no statement, and neither is one key fact alone ("74", "Nigeria", "Blinken"): a number
  or a name says no event. A quote of the whole article lies in no one sentence.
* Or the quote tells the event itself: it carries one of the record's key facts (a name of
  one of its people or named actors, a name the article may give one of its countries
  in, English or the document's language:
  :func:`~extractor.text.countries.country_names`, or one of its counts) *and* a word of
  the record type's own (a word of travel for a visit, of meeting for a meeting, the
  type's cue words otherwise; in a language the type has no words for, a second key fact
  or half the gold evidence's content words: one key fact alone, "12", tells no event in
  any language), and, for a record with key counts (a casualty report's killed or
  injured), one of them ("Police said people were killed in Nigeria last year." tells
  harm in the record's country, not which harm); it lies in one sentence of the article
  (a statement, not a page of them), and it names no conflicting value of the record's
  single-valued key fields: no country that is none of the record's while naming none of
  its key countries ("Last year, Blinken visited Peru." is another visit than his visit
  to Kenya), and no number while holding none of the record's counts (a year is no
  count). A city of a key country the quote names names it ("visited Nairobi" names
  Kenya), and a country named after a word of what was discussed ("to discuss Sudan",
  "pour parler du Soudan", "über den Sudan") is a topic, no value of the record's
  fields. A meeting's countries are a set, and talks name third countries ("Biden and
  Scholz reaffirmed their support for Ukraine"), so naming another country is no
  conflict for a meeting.

A count is held in any form the document's language writes it, the package's one list of
them (:func:`~extractor.text.quantities.number_forms`): "1,500", and in German, French
or Spanish "1.500" and "1 500" (a space, a no-break or a thin space between its groups),
or in words ("eight", "acht"), never as a part of a longer number the package's number
reader reads (:func:`~extractor.text.quantities.figures_in`): "two" of "one hundred two"
or "twenty-two", "onze" of "soixante et onze", "dos" of "treinta y dos", "два" of
"двадцать два", "12" of "12万" (or of "12만명", whose scale the reader does not join) is
no count of its own. Nor is a number its words make a measure, an ordinal or a date: a
count of a casualty report is a count of people, a number with a counter of people (or
none), not with a unit of time, age, distance or order ("7日", "7歳", "7세", "第7", "제7",
"7公里", "On March 7", "On Sept. 7", "7 km", "7%", "a 7-year-old", "$7", "Route 7",
"7 Uhr", "через 7 лет", "há 7 anos", "7 yıl önce": the Unicode CLDR's units in every
language), nor with a counter or a noun of things ("7座房屋", "家屋7棟", "가옥 7채",
"in 7 attacks", "7 ospedali"), nor before a noun that multiplies it ("два десятка",
"deux centaines"; per language, :func:`_is_measure`), nor after a label that makes it a
name ("Resolution 7", "le vol 7", "рейс 7"). Where the package has words of people for
the language, a number counts people only before a noun of people or of the toll, before
no noun ("7 were killed", "killing 7.") or before a verb ("7 fled"): nouns of things are
an open class ("7 settlements", "7 massacres", "7 Siedlungen"; :func:`_counts_no_people`). A key fact or a word is held **whole**, on the package's one fold
(:func:`~extractor.text.grounding.normalise_text`, accents dropped): "us" (the USA) is
not in "discussed", "uk" not in "Ukraine", the count 3 not in "2023", "3,000" or "3 000".
Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) have no word
boundary to ask for, so next to one of their characters a fact is whole ("美国" in "美国总统", "12" in "打死了12名村民"), and their content units
are the character pairs of a run (no dictionary to segment them).

Every test but one is "a part holds X" (X fixed by the gold record) or "every place
the part occurs is inside Y", so a shorter quote states no record this one does not,
save by leaving out a conflicting value; an empty quote states nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractor.evaluation.gold import RECORD_FIELDS, FieldKind
from extractor.evaluation.matching import _FUNCTION_WORDS
from extractor.text.countries import countries_in_text, country_names, is_alpha3
from extractor.text.cues import (
    HAN_AND_KANA,
    HANGUL,
    SOUTHEAST_ASIAN,
    TOPIC_OPENERS,
    covers,
    patterns_for,
    states_any,
)
from extractor.text.dates import month_words
from extractor.text.grounding import normalise, normalise_text
from extractor.text.harm import OUTCOME_LANGUAGES, outcome_words
from extractor.text.people import counts_people, is_a_thing, is_an_animal, is_people
from extractor.text.places import place_country
from extractor.text.sentences import CLAUSES, split_sentences

__all__ = ["Reading", "states_record"]

#: What separates the fragments of a quote that leaves words out.
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")
_WORD = re.compile(r"\w+")
#: Characters of the scripts written without spaces: the Han and kana of
#: :data:`~extractor.text.cues.HAN_AND_KANA`, and Thai, Lao, Myanmar and Khmer.
_UNSPACED = HAN_AND_KANA + SOUTHEAST_ASIAN
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
#: How many sentences a quote may reach beyond the one it cites: a statement and the
#: sentence next to it ("... related equipment. The estimated cost is $69 million.") is
#: still a citation; a passage or the whole article is not.
_CONTEXT = 1
#: A number written in digits, with its thousands or decimal separators.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")


@dataclass(frozen=True)
class Reading:
    """One reading of the article: its text, folded (with the source index of each folded
    character) and cut into sentences, computed once per document."""

    text: str
    folded: str
    index: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> Reading:
        folded, index = normalise(text)
        sentences = tuple((s.start, s.end) for s in split_sentences(text))
        return cls(text, folded, tuple(index), sentences)

    def places(self, needle: str) -> list[tuple[int, int]]:
        """Every ``[start, end)`` of ``text`` where ``needle`` occurs after folding."""
        folded = normalise_text(needle)
        if not folded:
            return []
        found: list[tuple[int, int]] = []
        at = self.folded.find(folded)
        while at >= 0:
            found.append((self.index[at], self.index[at + len(folded) - 1] + 1))
            at = self.folded.find(folded, at + 1)
        return found

    def sentences_of(self, places: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences that any of ``places`` overlaps."""
        spans = list(places)
        return [
            (start, end)
            for start, end in self.sentences
            if any(s < end and start < e for s, e in spans)
        ]


def _fragments(evidence: object) -> list[str]:
    if not isinstance(evidence, str) or not evidence.strip():
        return []
    return [f for f in _ELLIPSIS.split(evidence) if f.strip(" .")] or [evidence]


def _fold(text: str) -> str:
    return normalise_text(text, accents=False)


def _units(folded: str) -> set[str]:
    """The content units of folded text: its words of four letters or more, or with a
    digit, never a function word; in a script written without spaces, the character
    pairs of each run (there is no dictionary here to cut it into words)."""
    units: set[str] = set()
    for word in _WORD.findall(folded):
        if _UNSPACED_CHAR.search(word):
            units.update(word[i : i + 2] for i in range(max(1, len(word) - 1)))
        elif word not in _FUNCTION_WORDS and (len(word) >= 4 or any(c.isdigit() for c in word)):
            units.add(word)
    return units


def _says_enough(said: str, evidence: set[str]) -> bool:
    """Whether ``said`` holds at least half of the gold evidence's content units (two at
    least when it has two): a share of what the sentence says, not one common word."""
    if not evidence:
        return False
    need = max(min(2, len(evidence)), -(-len(evidence) // 2))
    return len(_units(said) & evidence) >= need


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the punctuation and spaces at its ends: the slack a quote
    may take outside the sentence it cites (a closing quote mark, a space)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _runs(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``sentences`` joined where only spaces part them: evidence may span two sentences."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(sentences):
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


def _overlapped(reading: Reading, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``reading`` that ``[start, end)`` overlaps."""
    return [(s, e) for s, e in reading.sentences if s < end and start < e]


def _cited(reading: Reading, place: tuple[int, int], runs: Sequence[tuple[int, int]]) -> str | None:
    """What a place of a quote says inside ``runs`` (as written), when it cites them: it
    overlaps them and reaches at most :data:`_CONTEXT` sentence beyond; else None."""
    start, end = _trimmed(reading.text, *place)
    if start >= end:
        return None
    sentences = _overlapped(reading, start, end)
    outside = [(s, e) for s, e in sentences if not any(a <= s and e <= b for a, b in runs)]
    inside = [reading.text[max(start, a) : min(end, b)] for a, b in runs if a < end and start < b]
    if not inside or len(outside) > _CONTEXT:
        return None
    return " ".join(inside)


def _statement(reading: Reading, place: tuple[int, int]) -> bool:
    """Whether a place of a quote is one statement: a sentence of the article and at most
    :data:`_CONTEXT` more, not a passage."""
    start, end = _trimmed(reading.text, *place)
    return start < end and len(_overlapped(reading, start, end)) <= 1 + _CONTEXT


def _verbatim_spans(record: Mapping[str, Any], text: str) -> list[tuple[int, int, str]]:
    spans = record.get("evidence_spans")
    if not isinstance(spans, list) or not spans:
        return []
    found: list[tuple[int, int, str]] = []
    for span in spans:
        if not (isinstance(span, list | tuple) and len(span) == 3):
            return []
        start, end, quoted = span
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            return []
        if not isinstance(quoted, str) or not 0 <= start < end <= len(text):
            return []
        if text[start:end] != quoted:
            return []
        found.append((start, end, quoted))
    return found


@lru_cache(maxsize=4096)
def _country_forms(code: str, language: str) -> tuple[str, ...]:
    return tuple(_fold(name) for name in country_names(code, language) if _fold(name))


@lru_cache(maxsize=4096)
def _count_forms(number: int, language: str) -> tuple[str, ...]:
    """The ways an article may write a count, folded: the package's one list of them
    (:func:`~extractor.text.quantities.number_forms`: "1500", "1,500", "1.500" and "1 500"
    in German, French or Spanish, "1\u202f500", words, scales), so that a quote writing
    the count as its language does holds it."""
    from extractor.text.quantities import number_forms

    return tuple(sorted({f for f in map(_fold, number_forms(number, language)) if f}))


def _fact_groups(record: Mapping[str, Any], language: str) -> list[tuple[str, ...]]:
    """The record's key facts, one group of folded forms per value: a person's name whole
    and their last name, a country's names, a count's written forms. One value written
    two ways is one fact ("Antony Blinken" and "Blinken", "1,500" and "1 500")."""
    groups: list[tuple[str, ...]] = []
    fields = RECORD_FIELDS.get(str(record.get("type")), {})
    for name, kind in fields.items():
        value = record.get(name)
        for item in value if isinstance(value, list) else [value]:
            groups.extend(_value_forms(item, kind, language))
    return [group for group in groups if group]


def _value_forms(item: object, kind: FieldKind, language: str) -> list[tuple[str, ...]]:
    """The folded forms of one value of a key field, as groups (a quantity's counts are
    one group each)."""
    if kind in (FieldKind.COUNTRY, FieldKind.COUNTRY_SET, FieldKind.ACTOR):
        if isinstance(item, str) and is_alpha3(item):
            return [_country_forms(item, language)]
        if kind is FieldKind.ACTOR and isinstance(item, str):
            return [(_fold(item),)]
    elif kind is FieldKind.NAMES and isinstance(item, str):
        words = _fold(item).split()  # "Sherwood-Randall" is one last name
        last = (words[-1],) if words and len(words[-1]) >= 3 else ()
        return [tuple(f for f in {_fold(item), *last} if f.strip())]
    elif kind in (FieldKind.COUNT, FieldKind.QUANTITY):
        numbers = item.values() if isinstance(item, Mapping) else [item]
        return [_count_forms(n, language) for n in numbers if _is_count(n)]
    return []


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def key_facts(record: Mapping[str, Any], language: str = "en") -> set[str]:
    """The record's key facts as folded text a quote may hold: its people's and named
    actors' names (whole, and a last name), its countries' names, its counts (in every
    form the language writes them)."""
    return {f for group in _fact_groups(record, language) for f in group if f.strip()}


#: A number written in digits, its groups parted by a separator: a comma, a dot, or the
#: space a folded no-break or thin space is ("1 500").
_GROUPED = re.compile(r"\d+(?:[., ]\d+)*")


#: What may touch a number written in digits and leave it whole: a character of a script
#: without spaces ("打死了12名村民", "村人12人"), or Hangul, which writes its counters and
#: particles onto a number ("12명이").
_NUMBER_NEIGHBOUR = f"[{_UNSPACED}{HANGUL}]"


@lru_cache(maxsize=8192)
def _whole(fact: str) -> re.Pattern[str]:
    """``fact`` as a whole word or number of folded text. A letter or digit of a spaced
    script next to it makes it part of another word ("us" in "discussed"); a character
    of a script without spaces does not ("美国" in "美国总统"). A number: see
    :func:`_whole_number`."""
    if _GROUPED.fullmatch(fact):
        return _whole_number(fact)
    free = f"[{_UNSPACED}]"
    # a word a hyphen joins to the one before it ends a compound: "two" is no count in
    # "twenty-two" (a prefix is still a word of its own: the "US" of "US-led")
    before = "" if _UNSPACED_CHAR.match(fact) else rf"(?:(?<!\w)(?<!\w-)|(?<={free}))"
    after = "" if _UNSPACED_CHAR.match(fact[-1]) else rf"(?:(?!\w)|(?={free}))"
    return re.compile(before + re.escape(fact) + after)


def _whole_number(fact: str) -> re.Pattern[str]:
    """``fact``, a number in digits, whole: no digit, nor a separator and a digit, touches
    it ("3" in neither "2023" nor "3,000"), nor a space and a group of three digits ("3"
    not in "3 000", "500" not in "3 500"), as French, Swedish or Russian write thousands.
    A letter of a spaced script makes it another word ("12th", "F16"); a character of
    :data:`_NUMBER_NEIGHBOUR` does not, after a comma or dot either ("说，12名" folds to
    "说,12名"): what such a character makes of the number ("12万" is 120000, "12日" a
    date) is the number reader's and the unit tables' to say (:func:`_places_of`,
    :func:`_is_measure`)."""
    lead = len(fact) - len(fact.lstrip("0123456789"))
    after_group = r"(?! \d{3}(?!\d))"
    before_group = r"(?<!\d )" if lead == 3 else ""
    free = _NUMBER_NEIGHBOUR
    before = rf"(?:(?<![\w.,])|(?<={free})|(?<={free}[.,]))"
    after = rf"(?![.,]\d)(?:(?!\w)|(?={free}))"
    return re.compile(rf"{before}{before_group}{re.escape(fact)}{after}{after_group}")


#: A dot or comma with no digit before it and a character after: punctuation, no group
#: mark of a number (a folded full-width comma or stop: "说，12万人" is "说,12万人", "说，十二名"
#: is "说,十二名"); the number reader would take what follows for a part of another
#: number and read none, in digits or in any script's numerals.
_LOOSE_MARK = re.compile(r"(?<!\d)[.,](?=\S)")


@lru_cache(maxsize=4096)
def _figures(said: str, language: str | None) -> tuple[tuple[int, int], ...]:
    """Where folded ``said`` writes a number, as the package's one number reader reads it
    (:func:`~extractor.text.quantities.figures_in`; without a language, it tells it from
    the words): "one hundred two", "soixante et onze", "treinta y dos", "двадцать два",
    "12 mil", "12万" are each one number."""
    from extractor.text.quantities import figures_in

    readable = _LOOSE_MARK.sub(" ", said)  # same length: places stay where they are
    return tuple((f.start, f.end) for f in figures_in(readable, language) if f.is_number)


@dataclass(frozen=True)
class _FigureIndex:
    """The figures of one quote sorted by start, with the furthest end reached by any of
    the first ones: which figure holds a place is then two bisections, not a scan of
    every figure for every place (a long quote of numbers made that quadratic)."""

    starts: tuple[int, ...]
    reach: tuple[int, ...]
    spans: frozenset[tuple[int, int]]

    @classmethod
    def of(cls, figures: Iterable[tuple[int, int]]) -> _FigureIndex:
        spans = sorted(figures)
        reach: list[int] = []
        for _, end in spans:
            reach.append(max(end, reach[-1]) if reach else end)
        return cls(tuple(a for a, _ in spans), tuple(reach), frozenset(spans))

    def _reach_before(self, start: int, *, inclusive: bool) -> int:
        side = bisect_right if inclusive else bisect_left
        last = side(self.starts, start) - 1
        return self.reach[last] if last >= 0 else -1

    def holds_longer(self, start: int, end: int) -> bool:
        """Whether a figure longer than ``[start, end)`` holds it: one starting before it
        that reaches its end, or one starting with it that reaches beyond."""
        return (
            self._reach_before(start, inclusive=False) >= end
            or self._reach_before(start, inclusive=True) > end
        )


@lru_cache(maxsize=4096)
def _figure_index(said: str, language: str | None) -> _FigureIndex:
    return _FigureIndex.of(_figures(said, language))


def _in_longer_number(said: str, start: int, end: int, language: str | None) -> bool:
    """Whether ``said[start:end]`` is a part of a longer number: "two" of "one hundred
    two", "onze" of "soixante et onze", "два" of "двадцать два", "12" of "12万"."""
    return _figure_index(said, language).holds_longer(start, end)


def _is_number(said: str, start: int, end: int, language: str | None) -> bool:
    """Whether ``said[start:end]`` writes a number: digits, or a figure the number reader
    reads there ("seven", "七"), not a name or a word."""
    return bool(_GROUPED.fullmatch(said, start, end)) or (
        (start, end) in _figure_index(said, language).spans
    )


#: Per language written without spaces, what written right after a number's digits makes
#: it a part of a larger number (the scale words): "7万人" is 70000 people, "7만명" 70000,
#: never 7 (the number reader reads no Korean scale joined to the digits).
_SCALES_AFTER: dict[str, str] = {"zh": "万萬千百亿億", "ja": "万萬千百億", "ko": "만천백억"}

#: Per language written without spaces, the units written right after a number that make
#: it a measure, no count of people or things: a day, month, year or hour ("7日", "7월",
#: "7時"), an age ("7岁", "7歳", "7세"), a length ("7公里", "7キロ", "7킬로"), a floor
#: ("7楼", "7階", "7층"), a time or a rank ("7次", "7回", "7차"), a share, a multiple or a
#: sum. A count is a number with a counter of people ("7名", "7人", "7명").
_MEASURES_AFTER: dict[str, tuple[str, ...]] = {
    "zh": ("日", "号", "號", "月", "个月", "個月", "年", "岁", "歲", "周", "週", "星期", "天",
           "点", "點", "时", "時", "小时", "小時", "分钟", "分鐘", "秒", "公里", "千米", "米",
           "英里", "公尺", "楼", "樓", "层", "層", "次", "届", "屆", "倍", "%", "元", "美元",
           "吨", "噸", "公斤", "千克", "晚"),
    "ja": ("日", "月", "か月", "ヶ月", "カ月", "ヵ月", "年", "歳", "才", "週", "時", "分",
           "秒", "キロ", "メートル", "マイル", "階", "回", "度", "番目", "倍", "%", "円", "ドル",
           "トン", "パーセント", "晩", "夜"),
    "ko": ("일", "월", "개월", "년", "세", "살", "주", "시", "초", "킬로", "미터", "마일",
           "층", "차", "회", "번", "배", "%", "원", "달러"),
}  # fmt: skip

#: Per language written without spaces, the counters of things written right after a
#: number: a count of a casualty report is a count of people, counted with a counter of
#: people ("7名", "7人", "7位", "7명"); one of buildings, vehicles, aircraft, places,
#: incidents, states or animals ("7座房屋", "7辆汽车", "7架无人机", "家屋7棟", "7か所",
#: "7件の襲撃", "가옥 7채", "7곳", "7개 주") is none. Counters used for people as well are
#: left out: "条" ("7条人命", seven lives), "具" (bodies), "口" (members of a household);
#: those of people or things both are :data:`_EITHER_COUNTERS_AFTER`.
_THING_COUNTERS_AFTER: dict[str, tuple[str, ...]] = {
    "zh": ("座", "辆", "輛", "架", "栋", "棟", "幢", "间", "間", "处", "處", "所",
           "艘", "枚", "发", "發", "颗", "顆", "件", "起", "只", "隻", "头", "頭", "台",
           "部", "张", "張", "项", "項", "场", "場", "个国家", "個國家"),
    "ja": ("か所", "ヶ所", "カ所", "ケ所", "箇所", "棟", "台", "件", "機", "隻", "発", "軒",
           "枚", "個", "頭", "匹", "か国", "カ国", "ヶ国", "校", "基", "県", "州", "便"),
    "ko": ("채", "대", "개", "곳", "건", "척", "발", "마리", "군데", "개소", "개국", "량"),
}  # fmt: skip
#: Per language written without spaces, the counters (or the joining particle) of people
#: and things both: what they count is the noun after them, as a classifier language
#: reads it: "7个平民", "7个巴勒斯坦人", "7个孩子", "7家人", "7の遺体", "7の命" count
#: people; "7个村庄", "7家医院", "7の州" count things (:data:`_PEOPLE_NOUN_AFTER`).
_EITHER_COUNTERS_AFTER: dict[str, tuple[str, ...]] = {
    "zh": ("个", "個", "家"),
    "ja": ("の",),
}
#: Per language written without spaces, a noun of people right after a counter of
#: :data:`_EITHER_COUNTERS_AFTER`, read without a dictionary: a few characters of a noun
#: (Han, or katakana for a Japanese name of a people; never a particle, "的", "で", which
#: ends the noun) ending in a character that makes a noun of a person. Some make one
#: anywhere ("人", "者", "员", "士", "童": "个人", "遇难者", "巴勒斯坦人"); some only after
#: another character, for they begin nouns of things ("平民" but "民居", "士兵" but
#: "兵营", "学生" but "生产", "枪手" but "手机", "乘客" but "客车"); a word of people, kin
#: or lives that ends otherwise ("孩子", "家庭", "矿工", "分子", "遺体") is listed.
_PEOPLE_NOUN_AFTER: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "zh": ("(?![的之有在里裡])[\u3400-\u9fff]", "人者员員士童孩女命众眾胞徒匪犯",
           "民兵生客手师師官察",
           ("孩子", "男子", "女子", "儿子", "兒子", "妻子", "分子", "家庭", "家属", "家屬",
            "婴儿", "嬰兒", "矿工", "礦工", "员工", "員工", "民工", "劳工", "勞工", "职工",
            "職工", "司机", "司機")),
    "ja": ("[\u30a0-\u30ff\u3400-\u9fff]", "人者員士童命", "民兵生",
           ("子供", "子ども", "家族", "遺体", "死体", "遺骨")),
}  # fmt: skip
#: How many characters of a noun may stand before the character that makes it one of
#: people: "巴勒斯坦人" (4), "アフガニスタン人" (7).
_PEOPLE_NOUN_GAP = {"zh": 4, "ja": 8}
#: Per language written without spaces, nouns of people that begin with a unit's syllable:
#: "7시민" is seven citizens, no seven o'clock ("시"), "7주민" seven residents, no weeks.
_PEOPLE_NOT_UNITS: dict[str, tuple[str, ...]] = {"ko": ("시민", "주민", "일가족")}

#: Per language written without spaces, the words written right before a number that make
#: it an ordinal: "第7" (zh, ja), "제7" (ko) is the seventh, no count.
_ORDINALS_BEFORE: dict[str, str] = {"zh": "第", "ja": "第", "ko": "제"}

#: Languages that join a day to its month with a word ("7 de marzo", "7 de março"), or
#: leave it out ("el 7 mayo").
_MONTH_AFTER_DE = frozenset({"es", "pt"})


def _months_after(language: str) -> list[str]:
    """The month names (:func:`~extractor.text.dates.month_words`) that make the number
    before them a day ("7 mars", "7 марта", "7 de marzo", "7 mayo"): English's "may" is
    also a verb ("7 may have died"), read by :data:`_MAY_AFTER`."""
    months = sorted(month_words(language) - {"may"})
    return [*months, *(f"de {m}" for m in months)] if language in _MONTH_AFTER_DE else months


#: English's month "may" after a day, told from the verb by what follows it: a mark, a
#: year, the end, or a word no verb follows "may" with ("On 7 May, ...", "7 May 2024",
#: "7 May in Kaduna"); "7 may have died" is no date.
_MAY_AFTER = (
    r" may(?!{modal})(?=\s*(?:[^\w\s]|\d|\Z)|\s+(?:the|in|at|on|when|after|before|during"
    r"|last|this|and|as|while|near)(?!\w))"
)
#: English's modal "may" before its verb across an aside or an adverb: "7 may, officials
#: fear, have died", "7 may in fact have been killed" are no dates.
_MODAL_MAY = (
    r"(?:,[^,.;:!?]{1,40},|\s+(?:in fact|well|also|still|even|indeed|actually|now|already"
    r"|possibly|probably|perhaps))?\s+(?:have|be|not|never)(?!\w)"
)

#: The units of the Unicode CLDR (babel's locale data) whose names, written after or
#: before a number, make it a measure: a span of time, a length, a share.
_CLDR_UNITS = (
    "duration-year", "duration-month", "duration-week", "duration-day", "duration-hour",
    "duration-minute", "length-kilometer", "length-meter", "length-mile", "concentr-percent",
)  # fmt: skip


@lru_cache(maxsize=64)
def _cldr_unit_words(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words the Unicode CLDR writes after and before a number for :data:`_CLDR_UNITS`
    in ``language``, in every plural form ("{0} anos", "{0} lat", "{0} років", "{0} jaar",
    "{0} yıl", "yüzde {0}"): the maintained list of every language's units, not a hand
    one per language. A word of one letter ("a", "m", "d") is left out: it is as often a
    word of another kind."""
    try:
        from babel import Locale

        patterns = Locale.parse(language)._data["unit_patterns"]
    except Exception:  # babel missing, or no such locale: no unit words
        return (), ()
    after: set[str] = set()
    before: set[str] = set()
    for unit in _CLDR_UNITS:
        for width in ("long", "short"):
            for plural, pattern in patterns.get(unit, {}).get(width, {}).items():
                if plural == "per" or "{0}" not in pattern:
                    continue
                head, tail = (part.strip() for part in pattern.split("{0}", 1))
                after.update(w for w in [tail] if len(w) > 1 or w in "%٪")
                before.update(w for w in [head] if len(w) > 1 or w in "%٪")
    after.discard("")
    before.discard("")
    return tuple(sorted(after)), tuple(sorted(before))


#: Per spaced language, the words written before a number that its CLDR units leave out
#: and make it a date, a sum, a route, an hour, an age or a flight, no count ("March 7",
#: "$7", "Route 7", "a las 7", "No. 7", "aged 7", "Flight 7", "الساعة 7").
_MEASURE_WORDS_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("$", "€", "£", "route", "highway", "no.", "number", "page", "article", "aged",
           "flight", *month_words("en")),
    "fr": ("$", "€", "£", "route", "n°", "article"),
    "de": ("$", "€", "£", "nr.", "artikel"),
    "es": ("$", "€", "£", "ruta", "articulo", "a las"),
    "it": ("$", "€", "£", "articolo"),
    "pt": ("$", "€", "£", "r$", "artigo"),
    "ru": ("$", "€", "£", "статья", "статьи", "№"),
    "uk": ("$", "€", "£", "стаття", "статті", "№"),
    "ar": ("$", "€", "£", "الساعة", "المادة"),
}  # fmt: skip
#: Per spaced language, the words written after a number that its CLDR units leave out
#: and make it a measure ("at 7am", "7 o'clock", "7 noon", "7 times", "7 Uhr", "7 عاما").
_MEASURE_WORDS_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("per cent", "kilometres", "kilometre", "metres", "metre", "am", "pm", "a.m",
           "p.m", "o'clock", "noon", "midnight", "times", "point"),
    "fr": ("kilometres", "metres", "h", "fois"),
    "de": ("uhr", "jahren", "monaten", "tagen", "mal"),
    "es": ("veces",),
    "it": ("per cento", "volte"),
    "pt": ("vezes",),
    "ru": ("раз",),
    "ar": ("عاما", "عام", "أعوام", "مرات", "مرة", "بالمئة", "بالمائة", "في المئة"),
    "nl": ("keer",),
    "tr": ("kez", "kere", "yaşında"),
}  # fmt: skip
#: Per spaced language, the nouns of a group written after a number that multiply it
#: ("two dozen", "deux dizaines", "два десятка", "dos centenares"), beside the plural
#: vague words of ten or more the package reads (:data:`~extractor.text.quantities.VAGUE_COUNTS`:
#: "hundreds", "centaines", "сотни"): "два десятка человек" is twenty people, no two.
_MULTIPLIERS_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("score", "dozen"),
    "fr": ("dizaine", "douzaine", "centaine", "millier", "vingtaine"),
    "es": ("decena", "docena", "centenar", "millar", "veintena"),
    "it": ("decina", "dozzina", "dozzine", "centinaio", "migliaio", "ventina"),
    "pt": ("dezena", "duzia", "duzias", "centena", "milhar"),
    "de": ("dutzend",),
    "ru": ("десяток", "десятка", "дюжина", "дюжин", "сотня", "сотню", "сотен"),
    "uk": ("десяток", "десятка", "сотня", "сотню"),
}  # fmt: skip


#: Per spaced language, the nouns of things a casualty report counts beside its dead:
#: attacks, places, buildings, vehicles, weapons ("killed in 12 attacks", "on 12 villages",
#: "Nigeria's 12 states", "La Nigeria ha 12 ospedali"). A count of a casualty report is a
#: count of people; a number before one of these counts things, as a counter of things
#: does in a script without spaces (:data:`_THING_COUNTERS_AFTER`).
_THING_NOUNS_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("attacks", "raids", "strikes", "airstrikes", "incidents", "bombings", "villages",
           "towns", "cities", "communities", "states", "provinces", "districts", "regions",
           "countries", "houses", "homes", "buildings", "hospitals", "schools", "churches",
           "mosques", "vehicles", "cars", "trucks", "buses", "drones", "missiles", "rockets",
           "bombs", "shells", "locations", "sites"),
    "fr": ("attaques", "attentats", "frappes", "raids", "villages", "villes", "localites",
           "etats", "provinces", "regions", "pays", "maisons", "batiments", "hopitaux",
           "ecoles", "eglises", "mosquees", "vehicules", "voitures", "camions", "drones",
           "missiles", "roquettes", "bombes", "obus"),
    "es": ("ataques", "atentados", "bombardeos", "incidentes", "aldeas", "pueblos",
           "ciudades", "comunidades", "estados", "provincias", "regiones", "paises", "casas",
           "viviendas", "edificios", "hospitales", "escuelas", "iglesias", "mezquitas",
           "vehiculos", "coches", "camiones", "drones", "misiles", "cohetes", "bombas"),
    "it": ("attacchi", "attentati", "raid", "villaggi", "citta", "stati", "province",
           "regioni", "paesi", "case", "edifici", "ospedali", "scuole", "chiese", "moschee",
           "veicoli", "auto", "camion", "droni", "missili", "razzi", "bombe"),
    "pt": ("ataques", "atentados", "incidentes", "aldeias", "vilas", "cidades",
           "comunidades", "estados", "provincias", "regioes", "paises", "casas", "edificios",
           "hospitais", "escolas", "igrejas", "mesquitas", "veiculos", "carros", "caminhoes",
           "drones", "misseis", "foguetes", "bombas"),
    "de": ("angriffe", "angriffen", "anschlage", "anschlagen", "dorfer", "dorfern", "stadte",
           "stadten", "bundesstaaten", "provinzen", "lander", "landern", "hauser", "hausern",
           "gebaude", "gebauden", "krankenhauser", "krankenhausern", "schulen", "kirchen",
           "moscheen", "fahrzeuge", "fahrzeugen", "autos", "drohnen", "raketen", "bomben"),
    "nl": ("aanvallen", "aanslagen", "dorpen", "steden", "staten", "provincies", "landen",
           "huizen", "gebouwen", "ziekenhuizen", "scholen", "kerken", "moskeeen", "voertuigen",
           "autos", "drones", "raketten", "bommen"),
    "ru": ("нападений", "нападения", "атак", "атаки", "ударов", "удара", "сел", "села",
           "деревень", "деревни", "городов", "города", "штатов", "штата", "провинций",
           "провинции", "стран", "страны", "домов", "дома", "зданий", "здания", "больниц",
           "больницы", "школ", "школы", "машин", "машины", "дронов", "дрона", "ракет",
           "ракеты", "нападениях", "атаках", "селах", "деревнях", "городах", "штатах",
           "провинциях", "странах", "домах", "зданиях", "больницах", "школах"),
    "uk": ("нападів", "нападу", "атак", "атаки", "ударів", "сіл", "села", "міст", "міста",
           "штатів", "країн", "країни", "будинків", "будинки", "лікарень", "лікарні", "шкіл",
           "школи", "машин", "машини", "дронів", "ракет", "ракети", "нападах", "атаках",
           "селах", "містах", "штатах", "країнах", "будинках", "лікарнях", "школах"),
    "pl": ("ataków", "ataki", "napadów", "wiosek", "wsi", "miast", "miasta", "stanów",
           "stany", "krajów", "kraje", "domów", "domy", "budynków", "budynki", "szpitali",
           "szpitale", "szkół", "szkoły", "pojazdów", "pojazdy", "samochodów", "dronów",
           "rakiet"),
    "tr": ("saldırı", "saldırıda", "saldırıya", "köy", "köyde", "köye", "kent", "kentte",
           "şehir", "şehirde", "eyalet", "eyalette", "ülke", "ülkede", "ev", "evde", "bina",
           "binada", "hastane", "hastanede", "okul", "araç", "araçta", "füze", "bomba"),
    "ar": ("هجمات", "هجوما", "غارات", "غارة", "قرى", "قرية", "مدن", "مدينة", "ولايات",
           "ولاية", "دول", "دولة", "منازل", "منزلا", "مبان", "مبنى", "مستشفيات", "مستشفى",
           "مدارس", "مدرسة", "سيارات", "سيارة", "طائرات", "صواريخ", "صاروخا", "مستوطنات",
           "مستوطنة", "مروحيات", "مروحية", "ليال", "ليلة", "مجازر", "مجزرة", "انفجارات",
           "انفجار", "كمائن", "كمين", "مساجد", "مسجدا", "كنائس", "حوادث", "حادثا", "أطنان",
           "طنا", "طن", "دبابات", "دبابة", "قوارب", "زوارق", "رأس", "بقرة", "أبقار", "مليون",
           "مليار", "مخيمات", "محافظات", "مناطق", "أحياء", "بلدات", "بلدة"),
}  # fmt: skip

#: Per spaced language, what after a noun of :data:`_THING_NOUNS_AFTER` makes it a
#: modifier of the noun counted, no noun counted itself: English's possessive ("12
#: states' officials"); in Turkish, a noun the next one possesses ("12 köy korucusu",
#: "12 okul öğrencisi", "12 ev sahibi": its third-person possessive -(s)I, -lArI, told
#: from a verb's past -DI: "12 ev yandı").
_MODIFIER_AFTER: dict[str, str] = {
    "en": r"'(?!\w)",
    "tr": r" \w*[^\W\d_dt][ıiu](?!\w)",
}
#: Per spaced language whose adjectives come before the noun, the words that may stand
#: between a number and its noun of things, two at most: adjectives by their
#: derivational endings or a few common ones ("12 separate attacks", "12 Nigerian
#: states", "12 other villages"); a preposition or a noun of people ends the search ("12
#: in attacks", "12 people in villages" count people).
_THING_MODIFIERS_BEFORE: dict[str, str] = {
    "en": r"(?:[a-z]+(?:an|ese|al|ate|ic|ous|ive|ent|ant|ern|ish|ful|ary|ible|able)"
          r"|other|more|such|similar|new|major|further|nearby)(?!\w)",
}  # fmt: skip


def _multipliers_after(language: str) -> list[str]:
    """The nouns after a number that multiply it (:data:`_MULTIPLIERS_AFTER`, and the
    vague plurals of ten or more: "hundreds", "centaines", "десятков")."""
    from extractor.text.quantities import VAGUE_COUNTS

    vague = [w for w, v in VAGUE_COUNTS.get(language, {}).items() if v >= 10 and " " not in w]
    return [*_MULTIPLIERS_AFTER.get(language, ()), *vague]


def _alternation(words: Iterable[str]) -> str:
    """``words`` folded as a quote is (:func:`_fold`: Hangul to its jamo), longest first."""
    folded = {f for f in map(_fold, words) if f}
    return "|".join(re.escape(w) for w in sorted(folded, key=len, reverse=True))


#: A final consonant of a folded Hangul syllable (its jamo): the unit "시" (an hour) is
#: no beginning of "신", whose jamo begin with those of "시".
_FINAL_JAMO = "\u11a8-\u11ff"


def _joined_after(language: str) -> list[str]:
    """The parts of :func:`_measure_after` written onto the digits, in a language written
    without spaces: a unit, a scale, a counter of things (none before a noun of people
    that begins like a unit: "7시민"), or a counter of both not followed by people."""
    parts: list[str] = []
    joined = _alternation(
        [
            *_MEASURES_AFTER.get(language, ()),
            *_SCALES_AFTER.get(language, ""),
            *_THING_COUNTERS_AFTER.get(language, ()),
        ]
    )
    if joined:
        people = _alternation(_PEOPLE_NOT_UNITS.get(language, ()))
        guard = f"(?!{people})" if people else ""
        parts.append(f"{guard}(?:{joined})(?![{_FINAL_JAMO}])")
    if language in _EITHER_COUNTERS_AFTER:
        counters = _alternation(_EITHER_COUNTERS_AFTER[language])
        parts.append(f"(?:{counters})(?!{_people_noun(language)})")
    return parts


def _people_noun(language: str) -> str:
    """A noun of people right after a counter of people or things
    (:data:`_PEOPLE_NOUN_AFTER`), as a pattern; one that matches nothing without one."""
    if language not in _PEOPLE_NOUN_AFTER:
        return "(?!)"
    char, anywhere, after_one, words = _PEOPLE_NOUN_AFTER[language]
    gap = _PEOPLE_NOUN_GAP[language]
    return (
        f"(?:{char}){{0,{gap}}}?(?:[{re.escape(anywhere)}]|{_alternation(words)})"
        f"|(?:{char}){{1,{gap}}}?[{re.escape(after_one)}]"
    )


@lru_cache(maxsize=64)
def _measure_after(language: str) -> re.Pattern[str] | None:
    """What, right after a number, makes it a measure, a count of things or a part of a
    larger number in ``language`` (:func:`_joined_after`; the CLDR's units,
    :data:`_MEASURE_WORDS_AFTER`, :data:`_MULTIPLIERS_AFTER`, :data:`_THING_NOUNS_AFTER`,
    the month names)."""
    parts = _joined_after(language)
    if language not in _MEASURES_AFTER:  # a spaced language
        spaced = _alternation(
            [
                *_cldr_unit_words(language)[0],
                *_MEASURE_WORDS_AFTER.get(language, ()),
                *_multipliers_after(language),
                *_months_after(language),
            ]
        )
        if spaced:
            parts += [rf"(?:\. ?|[ -])?(?:{spaced})(?!\w)", r" ?%"]
        things = _alternation(_THING_NOUNS_AFTER.get(language, ()))
        if things:
            between = _THING_MODIFIERS_BEFORE.get(language, "")
            modifying = _MODIFIER_AFTER.get(language)
            guard = f"(?!{modifying})" if modifying else ""
            parts.append(
                rf"[ -](?:(?:{between}) ){{0,2}}(?:{things})(?!\w){guard}"
                if between
                else rf"[ -](?:{things})(?!\w){guard}"
            )
        if language == "en":
            parts.append(_MAY_AFTER.format(modal=_MODAL_MAY))
    return re.compile("|".join(parts)) if parts else None


def _abbreviations(language: str) -> list[str]:
    """The month names that begin a longer one ("sept", "jan"): abbreviations, written
    with a dot before the number ("Sept. 7")."""
    months = month_words(language)
    return [m for m in months if any(o != m and o.startswith(m) for o in months)]


@lru_cache(maxsize=64)
def _measure_before(language: str) -> re.Pattern[str] | None:
    """What, right before a number, makes it an ordinal, a date or a sum in ``language``
    (:data:`_ORDINALS_BEFORE`, the CLDR's units, :data:`_MEASURE_WORDS_BEFORE`, a month's
    abbreviation and its dot), matched on the few characters before it, never from the
    start of the quote."""
    ordinal = _alternation(_ORDINALS_BEFORE.get(language, ""))
    spaced = _alternation(
        [*_cldr_unit_words(language)[1], *_MEASURE_WORDS_BEFORE.get(language, ())]
        if language not in _MEASURES_AFTER
        else _MEASURE_WORDS_BEFORE.get(language, ())
    )
    dotted = _alternation(_abbreviations(language)) if language not in _MEASURES_AFTER else ""
    parts = [f"(?:{ordinal})"] if ordinal else []
    parts += [rf"(?<!\w)(?:{spaced}) ?"] if spaced else []
    parts += [rf"(?<!\w)(?:{dotted})\. ?"] if dotted else []
    return re.compile(rf"(?:{'|'.join(parts)})\Z") if parts else None


#: How far before a number :func:`_measure_before` looks: its longest word and a space.
_BEFORE_WINDOW = 16
#: A number a colon joins to digits is a time or a score ("12:30", "3:1"), no count.
_CLOCK_AFTER = re.compile(r":\d")
_CLOCK_BEFORE = re.compile(r"\d:\Z")


def _is_measure(said: str, start: int, end: int, language: str | None) -> bool:
    """Whether the number at ``said[start:end]`` is a measure, an ordinal, a count of
    things or a part of a larger number by what its language writes next to it: a count
    of a casualty report is a number with a counter of people (or none), not one with a
    unit of time, age, distance or order, nor a counter of things."""
    if _CLOCK_AFTER.match(said, end) or _CLOCK_BEFORE.search(said, max(0, start - 2), start):
        return True
    base = (language or "").split("-")[0].lower()
    after, before = _measure_after(base), _measure_before(base)
    if after is not None and after.match(said, end):
        return True
    window = said[max(0, start - _BEFORE_WINDOW) : start]
    if before is not None and before.search(window) is not None:
        return True
    return (
        _counts_a_place(said, window, end, base)
        or _counts_no_people(said, start, end, base)
        or _is_a_label(said, window, end, base)
    )


#: Per spaced language, the prepositions of a place: a number they govern counts where
#: harm was done ("in 12 hamlets", "at 12 checkpoints", "across 12 Kaduna villages",
#: "dans 12 quartiers", "en 12 barrios"), unless the noun after it is one of people or of
#: the toll ("resulted in 12 deaths", "stood at 12 dead"). Not "on", "with", "sur": they
#: take people as often ("fired on 12 worshippers", "with 12 girls"). Only languages the
#: casualty rules have words of people for.
_PLACE_PREPOSITIONS: dict[str, str] = {
    "en": r"in|at|across|inside|within",
    "fr": r"dans|lors de",
    "es": r"en",
}
#: Up to three words after a number, to the first mark: the noun it counts and its
#: modifiers.
_WORDS_AFTER = re.compile(r"(?: [\w'-]+){1,3}")


def _counts_a_place(said: str, window: str, end: int, language: str) -> bool:
    """Whether the number ending at ``end`` counts places, times or means and no people:
    a preposition of :data:`_PLACE_PREPOSITIONS` governs it and none of the words after
    it (to a function word) is a noun of people or a word of the toll (the casualty
    type's own words, :func:`_type_words`; people: the casualty rules' table)."""
    prepositions = _PLACE_PREPOSITIONS.get(language)
    if prepositions is None or not re.search(rf"(?<!\w)(?:{prepositions}) \Z", window):
        return False
    following = _WORDS_AFTER.match(said, end)
    if following is None:
        return False
    words: list[str] = []
    for word in following.group().split():
        if word in _FUNCTION_WORDS:
            break
        words.append(word)
    return bool(words) and not any(_of_people_or_toll(word, language) for word in words)


@lru_cache(maxsize=4096)
def _of_people_or_toll(word: str, language: str) -> bool:
    """Whether ``word`` is a noun of people (the casualty rules' table) or a word of a
    casualty report's own ("dead", "deaths", "morts", "muertos")."""
    words = _type_words("casualty_report", language)
    return is_people(word, language) or (words is not None and states_any(words, word))


#: Per spaced language the casualty rules have words of people for, the closed classes
#: of words that may follow a count of people with no noun of its own ("12 were killed",
#: "killing 12 on Sunday", "12 in Kaduna", "mataron a 12 en", "12 ont été tués", "12
#: wurden getötet", "12 погибли в"): prepositions, conjunctions, articles, pronouns,
#: auxiliaries and adverbs of time and degree, folded as a quote is (:func:`_fold`).
#: Nouns are an open class and these are a closed one: a word after a count that is none
#: of these and no noun of people or of the toll is a noun of things ("12 settlements",
#: "12 massacres", "12 asentamientos", "12 Siedlungen", "12 поселений").
_NOT_A_NOUN: dict[str, str] = {
    "en": r"a|an|the|and|or|but|nor|of|for|with|without|to|in|on|at|by|from|into|onto|near"
          r"|during|after|before|since|until|as|when|while|where|who|whom|which|that|this"
          r"|these|those|there|here|yesterday|today|tonight|last|next|earlier|later|ago"
          r"|overnight|more|also|still|all|each|both|some|many|most|including|among|amid"
          r"|across|over|under|around|about|against|between|through|throughout|inside"
          r"|outside|within|per|so|than|then|now|reportedly|allegedly|apparently|alone"
          r"|were|was|are|is|be|been|being|have|has|had|will|would|could|can|may|might"
          r"|must|should|shall|did|do|does|not|remain|remained|remains|died|die|perished"
          r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "es": r"a|al|el|la|los|las|un|una|y|e|o|u|pero|de|del|en|con|sin|por|para|desde|hasta"
          r"|durante|tras|entre|sobre|segun|cuando|mientras|donde|que|quienes|cuyos|este"
          r"|esta|estos|estas|ayer|hoy|anoche|mas|tambien|todos|todas|ya|aun|fueron|eran"
          r"|son|estan|estaban|han|habian|habrian|quedaron|resultaron|murieron|perecieron"
          r"|no|se|lunes|martes|miercoles|jueves|viernes|sabado|domingo",
    "fr": r"a|au|aux|le|la|les|l|un|une|et|ou|mais|de|du|des|d|en|dans|avec|sans|par|pour"
          r"|depuis|jusqu|pendant|apres|avant|entre|sur|sous|selon|lors|quand|lorsque"
          r"|tandis|qui|que|dont|ce|ces|cette|hier|aujourd|plus|aussi|tous|toutes"
          r"|deja|encore|ont|sont|etaient|avaient|seraient|auraient|furent|ne|n|se|s"
          r"|y|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    "de": r"und|oder|aber|sowie|der|die|das|den|dem|des|ein|eine|einen|in|im|an|am|auf"
          r"|aus|bei|beim|mit|ohne|nach|vor|seit|bis|wahrend|zwischen|uber|unter|von|vom"
          r"|zu|zum|zur|fur|gegen|um|als|wenn|wo|die|welche|gestern|heute|weitere|mehr"
          r"|auch|noch|alle|bereits|wurden|waren|sind|seien|haben|hatten|starben"
          r"|kamen|nicht|sich|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
    "ru": r"и|или|а|но|в|во|на|с|со|из|от|до|по|при|под|над|за|у|о|об|для|после|перед"
          r"|во время|между|среди|когда|где|которые|которых|вчера|сегодня|еще|также|все"
          r"|уже|были|было|был|являются|оказались|не|ни|как|что|чем",
    "pt": r"a|ao|aos|as|o|os|um|uma|e|ou|mas|de|do|da|dos|das|em|no|na|nos|nas|com|sem"
          r"|por|pelo|pela|pelos|pelas|para|desde|ate|durante|apos|entre|sobre|segundo"
          r"|quando|enquanto|onde|que|quem|este|esta|estes|estas|ontem|hoje|mais|tambem"
          r"|todos|todas|ja|ainda|foram|eram|sao|estao|estavam|tinham|ficaram|nao|se"
          r"|segunda|terca|quarta|quinta|sexta|sabado|domingo",
    "nl": r"de|het|een|en|of|maar|van|voor|met|zonder|naar|in|op|aan|bij|uit|door|tijdens"
          r"|na|sinds|tot|tussen|over|onder|om|als|wanneer|waar|die|dat|deze|gisteren"
          r"|vandaag|meer|ook|nog|al|alle|werden|waren|zijn|zouden|hebben|hadden|kwamen"
          r"|stierven|niet|zich|er|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag"
          r"|zondag",
}  # fmt: skip
#: Per language of :data:`_NOT_A_NOUN`, the word after a count that makes it a part of a
#: larger whole ("12 of them", "12 de los muertos", "12 d'entre eux", "12 из них"): the
#: count counts people when people or a pronoun of them follow it, else things ("in 12
#: of Nigeria's 36 states", "12 de los 36 estados").
_PARTITIVES: dict[str, str] = {
    "en": r"of",
    "es": r"de",
    "fr": r"de|d'entre|d",
    "de": r"von|der",
    "ru": r"из",
    "pt": r"de|dos|das",
    "nl": r"van",
}
#: Per language of :data:`_NOT_A_NOUN`, the pronouns of people a partitive may take.
_PEOPLE_PRONOUNS: dict[str, str] = {
    "en": r"them|those|us|whom|these",
    "es": r"ellos|ellas|estos|quienes|nosotros",
    "fr": r"eux|elles|ceux|celles|nous",
    "de": r"ihnen|denen|uns",
    "ru": r"них|нас",
    "pt": r"eles|elas|estes|quem",
    "nl": r"hen|hun|wie",
}
#: Per language of :data:`_NOT_A_NOUN`, verb forms that follow a count with no noun,
#: beside the closed list: English's past and participles in -ed ("12 fled", "12
#: drowned", "12 perished") when no noun follows them ("12 armoured vehicles" counts
#: vehicles), Spanish and Portuguese preterites ("12 murieron"), Russian past plurals
#: ("12 погибли").
_VERB_FORMS: dict[str, str] = {
    "en": r"[a-z]{2,}ed",
    "es": r"[a-z]{2,}(?:aron|ieron|eron)",
    "ru": r"[а-я]{2,}(?:ли|лись)",
    "pt": r"[a-z]{2,}(?:aram|eram|iram)",
}
#: A word of a quote after a count, to the first mark: letters, an apostrophe or a hyphen.
_NEXT_WORD = re.compile(r" ([^\W\d_][\w'-]*)")
#: Such a word where it starts.
_A_WORD = re.compile(r"[^\W\d_][\w'-]*")


@lru_cache(maxsize=64)
def _closed_class(table: str, language: str) -> re.Pattern[str] | None:
    """The pattern of one of this section's per-language tables, whole words only."""
    words = {
        "not_a_noun": _NOT_A_NOUN,
        "partitives": _PARTITIVES,
        "pronouns": _PEOPLE_PRONOUNS,
        "verbs": _VERB_FORMS,
    }[table].get(language)
    return re.compile(f"(?:{words})") if words else None


def _is(table: str, word: str, language: str) -> bool:
    pattern = _closed_class(table, language)
    return pattern is not None and pattern.fullmatch(word) is not None


def _words_after(said: str, end: int, most: int) -> list[str]:
    """Up to ``most`` words right after ``end``, each after one space, to the first mark."""
    words: list[str] = []
    while len(words) < most and (word := _NEXT_WORD.match(said, end)) is not None:
        words.append(word.group(1))
        end = word.end()
    return words


def _counts_no_people(said: str, start: int, end: int, language: str) -> bool:
    """Whether the number ending at ``end`` counts something other than people, where the
    language has words of people here (:data:`_NOT_A_NOUN`): a count of a casualty report
    is a count of people, so a number counts them only before a noun of people or of the
    toll ("12 villagers", "12 dead"), before no noun (a mark, the end, a word of a closed
    class: "12 were killed", "killing 12 on Sunday") or before a verb ("12 fled"). Any
    other word is a noun of things ("12 settlements", "12 attack helicopters", "over 12
    nights", "12 tonnes of aid", "Kaduna's 12 LGAs"): nouns are an open class, so no list
    of things can hold them all. A partitive counts what follows it ("12 of them", but
    "12 of Nigeria's 36 states"). A noun a verb of the toll takes as its subject or object
    is of victims, people ("12 thieves were killed", "killed 12 warlords"), unless the
    casualty rules know it for a thing (:func:`_harm_tells_people`). A noun of animals
    counts no people in any language ("12 cattle were killed", "12 mucche"): a verb of
    killing takes them too."""
    words = _words_after(said, end, 3)
    if language not in _NOT_A_NOUN:
        return bool(words) and is_an_animal(words[0], language)  # "12 mucche"
    if not words:
        return False
    if _is("partitives", words[0], language):
        return not _partitive_of_people(said, end, language)
    phrase: list[str] = []
    for word in words:
        if _is("not_a_noun", word, language) and not counts_people(word, language):
            break
        if phrase and _is_outcome(word, language):
            break  # the verb of the noun counted: "12 passageiros morreram"
        phrase.append(word)
    if not phrase:
        return False
    if is_an_animal(_head(phrase, language), language):
        return True  # "12 dead cattle", not "12 cattle herders"
    if language == "en" and _plural_of_things(phrase[-1], language):
        return not _harm_tells_people(said, start, end, phrase, language)
    if any(counts_people(word, language) for word in phrase):
        return False
    if len(phrase) == 1 and (_is("verbs", phrase[0], language) or _is_outcome(phrase[0], language)):
        return False  # what befell the counted: "12 fled", "12 blessées", "12 gewond"
    return not _harm_tells_people(said, start, end, phrase, language)


#: Languages whose noun phrase puts its head first, its modifiers after it ("12 pastores
#: de ganado", "12 éleveurs de bétail", "12 vacas muertas"); the others put it last ("12
#: cattle herders", "12 dead cattle"; a German compound ends in its head, "Rinderhirten").
_HEAD_FIRST = frozenset({"es", "fr", "it", "pt"})


#: The complement of a head noun in a language of :data:`_HEAD_FIRST`, between it and its
#: verb ("12 bergers de moutons ont été tués", "12 criadores de gado foram mortos").
_COMPLEMENT = re.compile(r" (?:de|des|du|d'|di|da|do|del|della|dos|das) ?[^\W\d_][\w'-]*")


def _head(phrase: Sequence[str], language: str) -> str:
    """The head noun of the counted ``phrase`` (:data:`_HEAD_FIRST`): only it says what
    is counted, the other words qualify it ("12 cattle herders", "12 Buffalo residents",
    "12 fish traders" count people)."""
    return phrase[0] if language in _HEAD_FIRST else phrase[-1]


#: An auxiliary of the passive between a counted noun and its verb or noun of the toll
#: ("12 X were killed", "were found dead", "were among the dead", "fueron asesinados",
#: "ont été tués", "wurden getötet", "были убиты").
_PASSIVE = re.compile(
    r" (?:(?:were|was|are|is|have|has|had|been|being|reportedly|fueron|han|sido|ont|ete"
    r"|sont|wurden|sind|worden|были|был|была|foram|werden|zijn|among|the|found|later"
    r"|also) ){0,4}"
)
#: Words between a verb and its counted object ("killed at least 12", "tué au moins 12").
_BEFORE_COUNT = re.compile(
    r"(?:^|(?<=\W))(?P<verb>\w+) (?:(?:at|least|some|about|nearly|almost|over|another|more"
    r"|than|al|menos|au|moins|mindestens|не|менее|по|меньшеи|мере|ao|pelo|a) ){0,3}\Z"
)


def _harm_tells_people(
    said: str, start: int, end: int, phrase: Sequence[str], language: str
) -> bool:
    """Whether a verb of the toll (the casualty type's own words, :func:`_type_words`, or
    a word of killing or wounding, :data:`_OUTCOME_WORDS`) takes the counted noun as its
    subject ("12 thieves were killed", "12 X died", "12 passagers ont été tués", "12
    passageiros morreram", "12 Passagiere wurden in Nigeria getötet") or its object
    ("killed 12 warlords", "töteten 12 Händler"): what is killed or dies is a victim, so
    the noun names people, in every language, unless the casualty rules know it for a
    thing ("12 tanks were destroyed") or an animal ("12 cattle were killed")."""
    if any(is_a_thing(word, language) for word in phrase) or is_an_animal(
        _head(phrase, language), language
    ):
        return False
    after = _phrase_end(said, end, len(phrase))
    if language in _HEAD_FIRST and (complement := _COMPLEMENT.match(said, after)) is not None:
        after = complement.end()  # "12 bergers de moutons ont été tués"
    passive = _PASSIVE.match(said, after)
    following = _NEXT_WORD.match(said, passive.end() - 1 if passive else after)
    if following is not None and _of_harm(said, following.start(1), language):
        return True
    if passive is not None and passive.end() > after and _participle_at_end(said, after, language):
        return True
    base = max(0, start - 40)
    before = _BEFORE_COUNT.search(said[base:start].rstrip() + " ")
    if before is not None and _of_harm(said, base + before.start("verb"), language):
        return True
    return _verb_before_in_clause(said, start, language)


#: Per language, folded (:func:`_fold`), the words that say what happened to the people a
#: number counts (the strict score's view of :data:`extractor.text.harm.HARM_WORDS`), by the field of a casualty report it would fill: ``killed``, ``injured``,
#: or ``other``, an outcome no key count holds (missing, kidnapped, arrested, displaced,
#: rescued). A count states a field only when its own word of outcome is that field's
#: (:func:`_outcomes_of`): "killed 3 people and wounded 12" gives no killed count of 12.
#: The killed and injured words are also the verbs of harm whose subject or object is
#: people (:func:`_harm_tells_people`), in every language listed. Dying of one's wounds
#: is being killed ("succumbed to their wounds", "ont succombé à leurs blessures",
#: "erlagen ihren Verletzungen"); a noun of the agent ("asesino", murderer, folded as
#: "asesinó") says nothing of what befell the counted ("el asesino hirió a 12").
_OUTCOME_WORDS: dict[str, dict[str, str]] = {
    language: outcome_words(language) for language in OUTCOME_LANGUAGES
}
#: Per language of :data:`_OUTCOME_WORDS`, folded, what ends the clause a count is in
#: besides a mark: the conjunctions and relative words that open the next one ("killed 3
#: and wounded 12", "arrested 12 after 3 were killed", "murieron 3 y 12 resultaron
#: heridas", "3 getötet und 12 verletzt").
_CLAUSE_OPENERS: dict[str, str] = {
    "en": r"and|but|or|after|before|while|whereas|when|as|who|which|that|whom|where",
    "es": r"y|e|pero|o|tras|despues|mientras|cuando|que|quienes|donde",
    "fr": r"et|mais|ou|apres|tandis|lorsque|quand|qui|dont|alors|avant",
    "de": r"und|aber|oder|nachdem|wahrend|als|wenn|welche|sowie|bevor|wo",
    "ru": r"и|а|но|или|после|когда|которые|которых|где",
    "pt": r"e|mas|ou|apos|depois|enquanto|quando|que|onde",
    "nl": r"en|maar|of|nadat|terwijl|toen|die|dat|waar",
    "it": r"e|ed|ma|o|dopo|mentre|quando|che|dove",
}
#: How far, in characters, the clause of a count is read on each side of it.
_CLAUSE_REACH = 80
#: Languages whose verb may stand apart from its subject or object: the passive puts the
#: participle at the end of its clause ("12 Passagiere wurden in Nigeria getötet", "12
#: passagiers werden in Nigeria gedood"), and a verb second puts the subject between a
#: verb and its object ("In Nigeria töteten Angreifer 12 Hirten").
_VERB_APART = frozenset({"de", "nl"})


@lru_cache(maxsize=64)
def _outcome_pattern(language: str) -> re.Pattern[str] | None:
    """:data:`_OUTCOME_WORDS` of ``language`` as one pattern of whole words, a named
    group per field."""
    fields = _OUTCOME_WORDS.get(language)
    if fields is None:
        return None
    groups = "|".join(f"(?P<{field}>{words})" for field, words in fields.items())
    return re.compile(rf"(?<!\w)(?:{groups})(?!\w)")


@lru_cache(maxsize=64)
def _clause_mark(language: str) -> re.Pattern[str]:
    """What ends a clause in folded text of ``language``: a mark, or a word of
    :data:`_CLAUSE_OPENERS`."""
    openers = _CLAUSE_OPENERS.get(language)
    words = rf"|(?<!\w)(?:{openers})(?!\w)" if openers else ""
    return re.compile(rf"[,;:.!?()\"\u2013\u2014]|\s-\s{words}")


def _outcome_at(said: str, position: int, language: str) -> str | None:
    """The field of the word of outcome at ``position`` of folded ``said``, if one is
    there (:data:`_OUTCOME_WORDS`)."""
    pattern = _outcome_pattern(language)
    found = pattern.match(said, position) if pattern is not None else None
    return found.lastgroup if found is not None else None


def _is_outcome(word: str, language: str) -> bool:
    """Whether folded ``word`` is a word of outcome (:data:`_OUTCOME_WORDS`)."""
    pattern = _outcome_pattern(language)
    return pattern is not None and pattern.fullmatch(word) is not None


def _of_harm(said: str, position: int, language: str) -> bool:
    """Whether the word at ``position`` of folded ``said`` is a verb of the toll: the
    casualty type's own words or a word of killing or wounding of :data:`_OUTCOME_WORDS`."""
    if _outcome_at(said, position, language) in ("killed", "injured"):
        return True
    word = _A_WORD.match(said, position)
    words = _type_words("casualty_report", language)
    return word is not None and words is not None and states_any(words, word.group())


def _clause(said: str, start: int, end: int, language: str) -> tuple[int, int]:
    """The bounds of the clause the words at ``said[start:end]`` are in: from the last
    clause mark before them to the first after them (:func:`_clause_mark`), at most
    :data:`_CLAUSE_REACH` characters away."""
    mark = _clause_mark(language)
    low = max(0, start - _CLAUSE_REACH)
    marks = [m.end() for m in mark.finditer(said, low, start)]
    after = mark.search(said, end, min(len(said), end + _CLAUSE_REACH))
    return (marks[-1] if marks else low), (
        after.start() if after else min(len(said), end + _CLAUSE_REACH)
    )


def _before_people(said: str, end: int, language: str) -> bool:
    """Whether a noun of people follows ``end`` of folded ``said`` ("wounded soldiers")."""
    following = _NEXT_WORD.match(said, end)
    return following is not None and counts_people(following.group(1), language)


def _participle_at_end(said: str, after: int, language: str) -> bool:
    """Whether, in a language of :data:`_VERB_APART`, the first word of outcome of the
    clause after a passive auxiliary is one of killing or wounding ("12 Passagiere
    wurden in Nigeria getötet")."""
    if language not in _VERB_APART or (pattern := _outcome_pattern(language)) is None:
        return False
    found = pattern.search(said, after, _clause(said, after, after, language)[1])
    return found is not None and found.lastgroup in ("killed", "injured")


#: Auxiliaries of a passive or of a change of state whose participle ends the clause in
#: a language of :data:`_VERB_APART` ("In Nigeria wurden 12 der Geretteten verletzt",
#: "raakten 12 van de bevrijde gijzelaars gewond").
_FINAL_AUXILIARY = re.compile(
    r"(?<!\w)(?:wurden|wurde|werden|worden|waren|sind|raakten|raakte)(?!\w)"
)


def _final_participle(
    said: str, start: int, inside: list[re.Match[str]], clause: tuple[int, int], language: str
) -> list[re.Match[str]]:
    """The word of outcome that ends the clause of the count at ``start``, read as its
    verb, in a language of :data:`_VERB_APART` whose auxiliary stands before the count:
    "wurden 12 der geretteten Bergleute verletzt" read as one group ends on "verletzt",
    the participle of "wurden", not an attribute of the rescued. Empty otherwise."""
    low, high = clause
    if language not in _VERB_APART or len(inside) < 2:
        return []
    last = inside[-1]
    if said[last.end() : high].strip(" .!?\"'") or not _FINAL_AUXILIARY.search(said, low, start):
        return []
    return [last]


def _verb_before_in_clause(said: str, start: int, language: str) -> bool:
    """Whether, in a language of :data:`_VERB_APART`, the last word of outcome of the
    clause before the number at ``start`` is one of killing or wounding ("In Nigeria
    töteten Angreifer 12 Hirten")."""
    if language not in _VERB_APART or (pattern := _outcome_pattern(language)) is None:
        return False
    found = list(pattern.finditer(said, _clause(said, start, start, language)[0], start))
    return bool(found) and found[-1].lastgroup in ("killed", "injured")


#: Per language of :data:`_OUTCOME_WORDS`, folded, the partitives that open a counted
#: group ("12 of the injured", "12 de los heridos", "12 des blessés", "12 der
#: Verletzten", "12 dei feriti", "12 dos feridos", "12 van de gewonden", "12 из раненых").
_GROUP_PARTITIVES: dict[str, str] = {
    "en": r"of",
    "es": r"de|del",
    "fr": r"de|des|du|d'entre|d",
    "de": r"von|der|den",
    "ru": r"из",
    "pt": r"de|dos|das|do|da",
    "nl": r"van",
    "it": r"di|dei|degli|delle|del|della",
}
#: Per language of :data:`_OUTCOME_WORDS`, folded, the articles and demonstratives that
#: open a noun phrase: a word of outcome right after one is a noun or its attribute ("in
#: the killing spree", "the fatal crash"), never the verb of a clause.
_ARTICLES: dict[str, str] = {
    "en": r"a|an|the|those|these|this|that|their|its",
    "es": r"el|la|los|las|un|una|unos|unas|sus|su",
    "fr": r"le|la|les|l|un|une|ces|leurs|leur",
    "de": r"der|die|das|den|dem|des|ein|eine|einem|einer|eines|ihren|ihre",
    "ru": r"этих|тех|эти|те",
    "pt": r"o|a|os|as|um|uma|seus|suas",
    "nl": r"de|het|een|hun|die|deze",
    "it": r"il|lo|la|i|gli|le|l|un|una|uno|loro",
}
#: Per language of :data:`_OUTCOME_WORDS` with no :data:`_NOT_A_NOUN`, folded, the
#: auxiliaries and prepositions that end a counted noun phrase ("12 dei feriti sono
#: morti", "12 persone ferite nell'attacco").
_GROUP_ENDS: dict[str, str] = {
    "it": r"e|ed|o|ma|di|a|da|in|con|su|per|tra|fra|nel|nella|nei|nelle|al|alla|ai|alle"
          r"|sono|era|erano|furono|stati|state|hanno|ha|avevano|non|si|che|poi|ieri"
          r"|oggi|anche|ancora|gia",
}  # fmt: skip
#: Most words a counted noun phrase runs to after a count (and its partitive).
_GROUP_WORDS = 4


@lru_cache(maxsize=64)
def _group_word(table: str, language: str) -> re.Pattern[str] | None:
    """The whole-word pattern of :data:`_GROUP_PARTITIVES`, :data:`_ARTICLES` or
    :data:`_GROUP_ENDS`."""
    tables = {"partitives": _GROUP_PARTITIVES, "articles": _ARTICLES, "ends": _GROUP_ENDS}
    words = tables[table].get(language)
    return re.compile(f"(?:{words})") if words else None


def _is_group_word(table: str, word: str, language: str) -> bool:
    pattern = _group_word(table, language)
    return pattern is not None and pattern.fullmatch(word) is not None


def _counted_group_end(said: str, end: int, language: str) -> int:
    """Where the noun phrase the number ending at ``end`` counts ends: a partitive and its
    articles ("12 of the", "12 de los"), then words to the first word of a closed class
    (:data:`_NOT_A_NOUN`) or mark ("12 of the injured", "12 people injured in the blast",
    "12 otages enlevés", "12 personas heridas en", "12 der Geretteten"). A word of
    outcome inside it describes the group counted, not what befell it."""
    following = _NEXT_WORD.match(said, end)
    if following is not None and _is_group_word("partitives", following.group(1), language):
        end = following.end()
        for _ in range(2):
            article = _NEXT_WORD.match(said, end)
            if article is None or not _is_group_word("articles", article.group(1), language):
                break
            end = article.end()
    for _ in range(_GROUP_WORDS):
        word = _NEXT_WORD.match(said, end)
        if word is None or _ends_group(word.group(1), language):
            break
        end = word.end()
    return end


def _ends_group(word: str, language: str) -> bool:
    """Whether folded ``word`` ends a counted noun phrase: a word of a closed class
    (:data:`_NOT_A_NOUN`, :data:`_GROUP_ENDS`) that names no people, or a finite verb
    outside English ("12 dos feridos morreram", "12 раненых скончались"; an English form
    in -ed may be a participle of the group, "12 people injured in the blast")."""
    if _is("not_a_noun", word, language) or _is_group_word("ends", word, language):
        return not counts_people(word, language)
    return language != "en" and _is("verbs", word, language)


def _verb_of_count(
    said: str, start: int, outcomes: Sequence[re.Match[str]]
) -> re.Match[str] | None:
    """The word of ``outcomes`` right before the number at ``start``, but for words of
    degree ("killed at least 12", "tué au moins 12"): the verb that takes it as object."""
    base = max(0, start - 40)
    before = _BEFORE_COUNT.search(said[base:start].rstrip() + " ")
    if before is None:
        return None
    return next((m for m in outcomes if m.start() == base + before.start("verb")), None)


def _after_article(said: str, position: int, language: str) -> bool:
    """Whether the word before ``position`` of folded ``said`` is an article
    (:data:`_ARTICLES`): what follows it is a noun or its attribute."""
    before = said[max(0, position - 12) : position].rstrip().rsplit(" ", 1)[-1]
    return _is_group_word("articles", before.split("'")[-1], language)


def _outcomes_of(said: str, start: int, end: int, language: str) -> set[str]:
    """The fields (:data:`_OUTCOME_WORDS`) of the words of outcome that tell what befell
    the number at ``said[start:end]`` in its own clause (:func:`_clause`); none if the
    clause has none. A word inside the noun phrase it counts (:func:`_counted_group_end`:
    "12 of the injured", "12 people injured in the blast", "12 Gefangene", "12 wounded
    soldiers") describes the group: the clause's verb decides, the word of outcome right
    before the number ("killed 12 wounded soldiers") or after the phrase ("12 of the
    injured later died", "12 Gefangene wurden getötet"), not one after an article ("12
    people wounded in the killing spree"). With no such verb, the group's own word wins
    over a word of the event ("the fatal crash left 12 injured", "l'incidente mortale ha
    causato 12 feriti", "left 12 injured people"); a lone attribute of a noun of people
    ("with 12 wounded soldiers") tells nothing. Else the nearest word tells ("the death
    toll rose to 12")."""
    pattern = _outcome_pattern(language)
    if pattern is None:
        return set()
    low, high = _clause(said, start, end, language)
    whole = _outcome_of_all(said, end, high, language)
    if whole is not None:
        return {whole}
    found = [m for m in pattern.finditer(said, low, high) if m.end() <= start or m.start() >= end]
    group_end = _counted_group_end(said, end, language)
    inside = [m for m in found if end <= m.start() and m.end() <= group_end]
    if inside:
        verbs = [_verb_of_count(said, start, found)] + [
            m
            for m in found
            if m.start() >= group_end and not _after_article(said, m.start(), language)
        ]
        told = [m for m in verbs if m is not None] or _final_participle(
            said, start, inside, (low, high), language
        )
        if told:
            return {str(told[0].lastgroup)}
        own = [m for m in inside if not _before_people(said, m.end(), language)]
        if own or len(found) > len(inside):
            return {str((own or inside)[0].lastgroup)}
        return set()
    if not found:
        return set()
    distance = {m: start - m.end() if m.end() <= start else m.start() - end for m in found}
    nearest = min(distance.values())
    return {str(m.lastgroup) for m in found if distance[m] == nearest}


#: Per language of :data:`_OUTCOME_WORDS`, folded, the words that open an apposition
#: saying what befell every one of the people a count ends its clause with ("freed 12
#: people, all of them injured", "todos ellos heridos", "tous blessés", "alle verletzt"),
#: with the auxiliary that may come before the word of outcome ("all of whom were").
_ALL_OF_THEM: dict[str, re.Pattern[str]] = {
    language: re.compile(rf"\s*[,;:\-\u2013\u2014(]\s*(?:{words})\s+")
    for language, words in {
        "en": r"all(?: (?:of (?:them|whom)|three|four|five))?(?: (?:were|had been|are|was))?",
        "es": r"tod[oa]s(?: (?:ellos|ellas|los cuales|las cuales))?"
        r"(?: (?:resultaron|quedaron|estaban|fueron|han resultado))?",
        "fr": r"tou(?:s|tes)(?: (?:ont ete|etaient|sont|avaient ete))?",
        "de": r"alle(?: (?:von ihnen|davon))?(?: (?:wurden|waren|sind))?",
        "ru": r"все(?: (?:они|из них))?(?: (?:были|оказались))?",
        "pt": r"tod[oa]s(?: (?:eles|elas))?(?: (?:ficaram|foram|estavam))?",
        "nl": r"(?:allemaal|allen|alle(?: van hen)?)(?: (?:raakten|werden|waren))?",
        "it": r"tutt[ie](?: (?:loro|quanti))?(?: (?:sono stat[ie]|erano|rimast[ie]|sono rimast[ie]))?",
    }.items()
}


def _outcome_of_all(said: str, end: int, high: int, language: str) -> str | None:
    """The field of outcome an apposition after the clause of the count at ``end`` gives
    every one it counts (:data:`_ALL_OF_THEM`): "rescuers freed 12 people, all of them
    injured" counts 12 injured, though "freed" ends the count's own clause. None when
    another number stands between ("freed 12 people and 3 soldiers, all of them
    injured" does not say which), or the apposition is of part of them ("3 of them
    injured") or tells no outcome ("all of them unharmed")."""
    opener, pattern = _ALL_OF_THEM.get(language), _outcome_pattern(language)
    if opener is None or pattern is None or _DIGIT.search(said, end, high):
        return None
    apposition = opener.match(said, high)
    if apposition is None:
        return None
    told = pattern.match(said, apposition.end())
    return str(told.lastgroup) if told is not None else None


_DIGIT = re.compile(r"\d")


def _phrase_end(said: str, end: int, count: int) -> int:
    """Where the first ``count`` words after ``end`` end (:func:`_words_after`)."""
    for _ in range(count):
        word = _NEXT_WORD.match(said, end)
        if word is None:
            break
        end = word.end()
    return end


def _plural_of_things(word: str, language: str) -> bool:
    """Whether an English head noun is a plural (in -s, not -ss or -us) of no people: a
    verb after a noun of people ends in none ("12 people lost their lives")."""
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "'s"))
        and not counts_people(word, language)
    )


def _partitive_of_people(said: str, end: int, language: str) -> bool:
    """Whether a partitive after a count takes people: a pronoun of them, a noun of
    people or of the toll, or a word of what befell people (:data:`_OUTCOME_WORDS`)
    among the next few words ("12 of them", "12 of the dead", "12 de los muertos", "12
    de los secuestrados", "12 der Geretteten")."""
    words = _words_after(said, end, 5)[1:]
    return any(
        _is("pronouns", word, language)
        or counts_people(word, language)
        or _is_outcome(word, language)
        for word in words
    )


#: Per spaced language, the nouns of a label that a number after them names, no count
#: ("Resolution 12", "Zone 12", "Brigade 12", "el vuelo 12", "le vol 12", "Flug 12",
#: "vlucht 12", "рейс 12", "الرحلة 12"): a name of one thing. Unless a noun of people
#: follows the number, as when a label ends a phrase before a count ("in the area 12
#: people were killed": :func:`_is_a_label`).
_LABELS_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("resolution", "zone", "area", "block", "phase", "chapter", "section", "sector",
           "brigade", "battalion", "regiment", "division", "unit", "gate", "stage", "level",
           "round", "flight"),
    "es": ("vuelo", "resolucion", "zona", "capitulo", "brigada", "fase", "sector", "seccion",
           "batallon", "regimiento", "division"),
    "fr": ("vol", "resolution", "zone", "chapitre", "brigade", "phase", "secteur",
           "bataillon", "regiment", "division"),
    "de": ("flug", "resolution", "zone", "kapitel", "brigade", "phase", "sektor",
           "abschnitt", "bataillon", "regiment", "division"),
    "nl": ("vlucht", "artikel", "resolutie", "zone", "hoofdstuk", "fase", "brigade",
           "sector"),
    "pt": ("voo", "resolucao", "zona", "capitulo", "brigada", "fase", "setor", "divisao"),
    "it": ("volo", "risoluzione", "zona", "capitolo", "brigata", "fase", "settore"),
    "ru": ("рейс", "рейса", "рейсом", "резолюция", "резолюции", "зона", "зоны", "бригада",
           "бригады", "глава", "главы", "сектор", "сектора", "дивизия", "дивизии"),
    "ar": ("الرحلة", "رحلة", "القرار", "قرار", "المنطقة", "الفصل", "اللواء", "القطاع"),
}  # fmt: skip


@lru_cache(maxsize=64)
def _label_before(language: str) -> re.Pattern[str] | None:
    """:data:`_LABELS_BEFORE` as a pattern on the few characters before a number."""
    labels = _alternation(_LABELS_BEFORE.get(language, ()))
    return re.compile(rf"(?<!\w)(?:{labels}) \Z") if labels else None


def _is_a_label(said: str, window: str, end: int, language: str) -> bool:
    """Whether the number ending at ``end`` is the name a label gives ("Resolution 12",
    "le vol 12"): a noun of :data:`_LABELS_BEFORE` right before it and no noun of people
    or of the toll right after it ("the area 12 people fled" counts them)."""
    label = _label_before(language)
    if label is None or label.search(window) is None:
        return False
    following = _words_after(said, end, 1)
    return not (
        following
        and (counts_people(following[0], language) or _of_people_or_toll(following[0], language))
    )


def _holds(said: str, fact: str, language: str | None = None) -> bool:
    """Whether folded ``said`` holds folded ``fact`` as a whole word or number (:func:`_whole`)
    of its own, no part of a longer number (:func:`_places_of`)."""
    return bool(_places_of(said, (fact,), language))


def _places_of(
    said: str, group: Sequence[str], language: str | None = None
) -> list[tuple[int, int]]:
    """Where folded ``said`` holds any form of one fact, whole and of its own: a count word
    a tens, hundred or scale word joins ("one hundred two", "treinta y dos", "двадцать два",
    "2 million") is a part of another number, as a hyphen makes it (:func:`_whole`)."""
    return [
        m.span()
        for form in group
        if form
        for m in _whole(form).finditer(said)
        if not _in_longer_number(said, *m.span(), language)
        and not (_is_number(said, *m.span(), language) and _is_measure(said, *m.span(), language))
    ]


def _holds_any(said: str, groups: Sequence[Sequence[str]], language: str | None = None) -> bool:
    return any(_holds(said, form, language) for group in groups for form in group)


def _two_facts(said: str, groups: Sequence[Sequence[str]], language: str | None = None) -> bool:
    """Whether folded ``said`` holds two of the record's key facts, each at a place of its
    own: a name written whole and by its last word is one fact, and so is one "5" that
    is both the killed and the injured."""
    found = [places for group in groups if (places := _places_of(said, group, language))]
    return any(
        a_end <= b_start or b_end <= a_start
        for i, first in enumerate(found)
        for second in found[i + 1 :]
        for a_start, a_end in first
        for b_start, b_end in second
    )


def _key_values(record: Mapping[str, Any]) -> tuple[set[str], set[int]]:
    """The countries of the record's single-valued key country fields and its key counts:
    the values a quote of another event would give otherwise."""
    countries, counts = _key_fields(record)
    return countries, {n for numbers in counts.values() for n in numbers}


def _key_fields(record: Mapping[str, Any]) -> tuple[set[str], dict[str, set[int]]]:
    """The countries of the record's single-valued key country fields, and its key counts
    by the field that holds them ("killed", "injured")."""
    from extractor.types.registry import get_type

    try:
        spec = get_type(str(record.get("type"))).gold
    except Exception:  # a type this process does not know has no key fields here
        return set(), {}
    keys = set(spec.strict) if spec is not None else set()
    fields = RECORD_FIELDS.get(str(record.get("type")), {})
    countries: set[str] = set()
    counts: dict[str, set[int]] = {}
    for name in sorted(keys):
        kind, value = fields.get(name), record.get(name)
        if kind in (FieldKind.COUNTRY, FieldKind.ACTOR) and isinstance(value, str):
            if is_alpha3(value):
                countries.add(value)
        elif kind in (FieldKind.COUNT, FieldKind.QUANTITY):
            numbers = value.values() if isinstance(value, Mapping) else [value]
            held = {n for n in numbers if isinstance(n, int) and not isinstance(n, bool)}
            if held:
                counts[name] = held
    return countries, counts


def _record_countries(record: Mapping[str, Any]) -> set[str]:
    """Every country the record names, in any field."""
    found: set[str] = set()
    for name, kind in RECORD_FIELDS.get(str(record.get("type")), {}).items():
        if kind in (FieldKind.COUNTRY, FieldKind.COUNTRY_SET, FieldKind.ACTOR):
            value = record.get(name)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and is_alpha3(item):
                    found.add(item)
    return found


@lru_cache(maxsize=4096)
def _named_countries(raw: str, language: str) -> frozenset[str]:
    return frozenset(countries_in_text(raw, language))


def _numbers(said: str) -> set[int]:
    """The numbers ``said`` writes in digits, years (1000 to 2999) left out."""
    found: set[int] = set()
    for match in _NUMBER.finditer(said):
        digits = match.group().replace(",", "")
        if digits.isdigit() and not (len(digits) == 4 and digits[0] in "12"):
            found.add(int(digits))
    return found


#: A run of capitalised words parted by single spaces or hyphens: how a quote in a
#: spaced script writes a city's name ("Nairobi", "Addis Ababa", "Nueva York").
_RUN_GAP = re.compile(r"[ -]")


def _capitalised_runs(raw: str) -> list[str]:
    """The runs of ``raw``'s words that begin with a capital letter, each whole."""
    runs: list[str] = []
    start = end = -1
    for word in _WORD.finditer(raw):
        if not word.group()[0].isupper():
            continue
        if start >= 0 and _RUN_GAP.fullmatch(raw[end : word.start()]):
            end = word.end()
            continue
        if start >= 0:
            runs.append(raw[start:end])
        start, end = word.start(), word.end()
    if start >= 0:
        runs.append(raw[start:end])
    return runs


def _city_at_end(run: str) -> str | None:
    """The country of the place a run of capitalised words ends with, the longest tail
    first: German capitalises its nouns ("am Montag Accra"), and a place's name is read
    whole ("Addis Abeba"), never its first word alone ("Antony Blinken" names no town)."""
    words = run.split(" ")
    for start in range(len(words)):
        code = place_country(" ".join(words[start:]))
        if code is not None:
            return code
    return None


def _cities_named(raw: str) -> set[str]:
    """The countries of the cities ``raw`` names, in the package's gazetteer
    (:func:`~extractor.text.places.place_country`): one per run of capitalised words."""
    return {code for run in _capitalised_runs(raw) if (code := _city_at_end(run)) is not None}


@lru_cache(maxsize=4096)
def _sides_named(raw: str, language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The countries a quote names, and those it names a city of, outside what its
    sentences say was discussed: a country after "to discuss", "talks on", "sobre",
    "über" is a topic ("Blinken visited Nairobi to discuss Sudan"), not the value of a
    field of the event (the topic words are the meeting rules':
    :data:`~extractor.text.cues.TOPIC_OPENERS`)."""

    named: set[str] = set()
    cities: set[str] = set()
    for sentence in CLAUSES.finditer(raw):
        told = sentence.group()
        topic = TOPIC_OPENERS.search(told)
        told = told[: topic.start()] if topic else told
        named |= _named_countries(told, language)
        cities |= _cities_named(told)
    return frozenset(named), frozenset(cities)


def _conflicts(record: Mapping[str, Any], raw: str, said: str, language: str) -> bool:
    """Whether a quote names another value for one of the record's single-valued key
    fields than the record's: a country that is none of the record's while naming none
    of its key countries, or a number while holding none of its key counts (in any of
    their written forms: "1 500" is no 1 and 500 for a count of 1500). Such a quote
    tells another event with the same actor ("Last year, Blinken visited Peru.").

    A country named as a topic is no value (:func:`_sides_named`). A city of a key country
    names it ("visited Nairobi" names Kenya), but a city of the gazetteer alone never
    conflicts: it reads surnames and common words as towns ("Reyes" in Mexico, "The" in
    Brazil); a capital the country table knows ("Oslo") is a country named."""
    countries, counts = _key_values(record)
    if countries:
        named, cities = _sides_named(raw, language)
        if named - _record_countries(record) and not (named | cities) & countries:
            return True
    return bool(counts) and bool(_numbers(said)) and not _carries_count(said, counts, language)


def _carries_count(said: str, counts: Iterable[int], language: str) -> bool:
    """Whether folded ``said`` writes one of ``counts``, in any form its language writes
    a number (:func:`_count_forms`: "1.500" and "1 500" are 1500 in German)."""
    return any(_holds(said, form, language) for n in counts for form in _count_forms(n, language))


@lru_cache(maxsize=256)
def _type_words(type_name: str, language: str) -> tuple[re.Pattern[str], ...] | None:
    """The words a quote must hold to tell an event of ``type_name`` in ``language``: the
    type's evidence cues, else its gate cues; None where it has none for the language."""
    from extractor.types.registry import get_type

    try:
        spec = get_type(type_name)
    except Exception:  # a type this process does not know: no word can be asked
        return None
    cues = spec.record.evidence_cues
    if cues:
        return tuple(cues) if covers(cues, language) else None
    return patterns_for(spec.cues, language) if spec.cues else None


def _tells(
    type_name: str,
    language: str,
    quote: str,
    said: str,
    groups: Sequence[Sequence[str]],
    units: set[str],
) -> bool:
    """Whether a quote holding a key fact tells an event of the type: with a word of the
    type's own; in a language the type has no words for, with two key facts or half the
    gold evidence's content words (:func:`_says_enough`). One key fact alone, a count or
    a name ("12", "Nigeria"), tells no event in any language, as inside the gold
    sentences (:func:`_says_event`)."""
    words = _type_words(type_name, language)
    if words is not None:
        return states_any(words, quote)
    return _two_facts(said, groups, language) or _says_enough(said, units)


def _tells_count(record: Mapping[str, Any], said: str, language: str) -> bool:
    """Whether a quote of the event carries the record's count, where the record has key
    counts: "Police said people were killed in Nigeria last year." names the country and
    the harm of many events; the count is what makes it this one (a casualty report's
    killed or injured), as a count of its own field (:func:`_states_field`). A record
    without key counts asks none."""
    counts = _key_fields(record)[1]
    return not counts or any(
        _states_field(said, field, n, language)
        for field, numbers in counts.items()
        for n in numbers
    )


def _tells_own_harm(record: Mapping[str, Any], said: str, language: str) -> bool:
    """Whether a quote writes a key count of the record (killed, injured) with its own word
    of outcome, of that field (:func:`_outcomes_of`): "12 of the evacuated residents were
    hurt" tells the harm as "were injured" does. A word the gate does not open on alone
    ("hurt", "hospitalized": :data:`extractor.text.harm.NOT_CUES`, common outside harm)
    is the harm when it is what befell the record's count in its own clause. Only in a
    language the type has words for: elsewhere a quote needs two key facts
    (:func:`_tells`), and a count with its verb is one."""
    counts = _key_fields(record)[1]
    return any(
        _outcomes_of(said, start, end, language) == {field}
        for field, numbers in counts.items()
        if field in ("killed", "injured")
        for n in numbers
        for start, end in _places_of(said, _count_forms(n, language), language)
    )


def _states_field(said: str, field: str, number: int, language: str) -> bool:
    """Whether folded ``said`` writes ``number`` as a count of ``field``: anywhere, for a
    field of no outcome; for a field of :data:`_OUTCOME_WORDS` ("killed", "injured"), at
    a place whose own word of outcome, the nearest in its clause, is that field's or
    where the clause has none (:func:`_outcomes_of`): "Gunmen killed 3 people and
    wounded 12" writes no killed count of 12, "Police arrested 12 after 3 were killed"
    none either."""
    places = _places_of(said, _count_forms(number, language), language)
    if field not in ("killed", "injured"):
        return bool(places)
    return any(
        not (told := _outcomes_of(said, start, end, language)) or field in told
        for start, end in places
    )


def _says_event(
    said: str, raw: str, groups: Sequence[Sequence[str]], units: set[str], kind: str, language: str
) -> bool:
    """Whether a part inside the gold sentences says the event: half of the gold evidence's
    content words (:func:`_says_enough`), or two of its key facts, or one of them with a
    word of the record type's own ("killed 74", "visited Kenya"). One key fact alone, a
    number or a name ("74", "Nigeria", "Blinken"), is one word of the sentence, no
    statement of it, just as one common word is not. In a language the type has no words
    for, another content word of the gold evidence stands for them."""
    if _says_enough(said, units) or _two_facts(said, groups, language):
        return True
    if not _holds_any(said, groups, language):
        return False
    words = _type_words(kind, language)
    if words is not None:
        return states_any(words, raw)
    held = {
        unit
        for group in groups
        for form in group
        if _holds(said, form, language)
        for unit in _units(form)
    }
    return bool((_units(said) - held) & units)


def states_record(
    prediction: Mapping[str, Any],
    gold: Mapping[str, Any],
    reading: Reading,
    *,
    language: str = "en",
) -> bool:
    """Whether ``prediction``'s quote states ``gold`` in this reading of the article (the
    principle is the module's: in the gold evidence's sentences and saying the event
    there, or telling the event: one of the record's key facts, its count where it has
    key counts, with a word of its type)."""
    text = reading.text
    spans = _verbatim_spans(prediction, text)
    fragments = _fragments(prediction.get("evidence"))
    # each part of the quote: where it is (a verbatim span's own offsets, else every place
    # its words occur) and what it says (folded)
    parts: list[tuple[list[tuple[int, int]], str, str]] = [
        ([(start, end)], _fold(quoted), quoted) for start, end, quoted in spans
    ]
    parts += [(reading.places(f), _fold(f), f) for f in fragments]
    parts = [(places, said, raw) for places, said, raw in parts if places and said]
    if not parts:
        return False
    groups = _fact_groups(gold, language)
    kind = str(gold.get("type"))
    evidence = gold.get("evidence")
    units = _units(_fold(evidence)) if isinstance(evidence, str) else set()
    gold_places = [p for f in _fragments(evidence) for p in reading.places(f)]
    if gold_places and isinstance(evidence, str):
        runs = _runs(text, reading.sentences_of(gold_places) or gold_places)

        def says(cited: str | None) -> bool:
            return cited is not None and _says_event(
                _fold(cited), cited, groups, units, kind, language
            )

        if any(all(says(_cited(reading, p, runs)) for p in places) for places, _, _ in parts):
            return True
    return any(
        all(_statement(reading, p) for p in places)
        and _holds_any(said, groups, language)
        and (
            _tells(kind, language, raw, said, groups, units)
            or (_type_words(kind, language) is not None and _tells_own_harm(gold, said, language))
        )
        and _tells_count(gold, said, language)
        and not _conflicts(gold, raw, said, language)
        for places, said, raw in parts
    )
