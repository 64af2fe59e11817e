"""CasualtyReport: people killed or injured, in one event or in all (UCDP GED, ACLED).

Everything the pipeline knows about casualty reports: the record, its draft
and builder, the words a toll needs, its columns and its gold mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Literal, get_args

from pydantic import Field, model_validator

from extractor.text.cues import cue_pattern, cue_patterns
from extractor.text.grounding import normalise_text
from extractor.text.places import place_country
from extractor.types import columns as col
from extractor.types.base import Plover, Record, RecordType
from extractor.types.drafting import (
    EVIDENCE_DESCRIPTION,
    Builder,
    Draft,
    StatusText,
    draft_terms,
    figure_forms,
)
from extractor.types.goldspec import FieldKind as K
from extractor.types.parts import Actor, Count, CountQualifier, CountryCode, DateValue, Place
from extractor.types.registry import GoldSpec, RecordSpec

CASUALTY_WORDS = cue_pattern(
    [r"kill\w*", "dead", "deaths?", "died", "dying", r"injur\w*", r"wound\w*", r"casualt\w*",
     r"fatalit\w*", "death toll", "lost their lives", "lives", "bodies", r"massacre\w*", "shot",
     r"murder\w*", "slain"]
)  # fmt: skip
#: Words of killing, dying and injury per language (ISO 639-1). English is
#: :data:`CASUALTY_WORDS`.
CASUALTY_CUES: dict[str, re.Pattern[str]] = {
    "en": CASUALTY_WORDS,
    **cue_patterns({
        "es": [r"muert\w*", "murió", "murieron", r"morir\w*", r"fallec\w*", r"mat[oó]",
               "mataron", "matando", r"asesin\w*", r"herid\w*", r"lesionad\w*", r"víctimas?",
               "perdieron la vida", "perdió la vida", "bajas", r"masacre\w*", r"cadáver\w*",
               r"tiroteo\w*", r"balacera\w*", r"acribill\w*"],
        "fr": [r"tué\w*", "tuant", "tuer", "morts", "mortes", "la mort", r"mortel\w*",
               "décès", r"décéd\w*", r"blessé\w*", r"blessure\w*", "victimes",
               r"(?:ont|a) péri", "périrent", r"massacre\w*", r"fusillade\w*", r"abattu\w*",
               r"assassiné\w*", "assassinats?", "bilan", "pertes humaines", "cadavres?"],
        "de": [r"getötet\w*", r"tötete\w*", "(?-i:Tote[nr]?)", r"Todes\w*", "starb",
               "starben", "gestorben", "ums Leben", r"verletzt\w*", r"Verletzte\w*",
               r"verwundet\w*", r"Verwundete\w*", r"Opfer\w*", r"Leiche\w*",
               r"Massaker\w*", r"erschossen\w*", r"ermordet\w*", "Morde?s?", "umgekommen",
               r"Schießerei\w*", r"Schiesserei\w*"],
        "ru": [r"убит\w*", r"убил\w*", r"убив\w*", r"убийств\w*", r"погиб\w*", r"гибел\w*",
               r"смерт\w*", r"умер\w*", r"скончал\w*", r"ранен\w*", r"ранил\w*",
               r"пострада\w*", r"жертв\w*", r"труп\w*", "тела", r"расстрел\w*",
               r"застрел\w*", r"резн\w*", r"бойн\w*"],
        "zh": ["死亡", "丧生", "遇难", "身亡", "罹难", "死伤", "伤亡", "受伤", "负伤", "打死",
               "杀害", "杀死", "炸死", "遇害", "丧命", "殒命", "死者", "伤者", "尸体", "屠杀",
               "枪击", "牺牲", "死难", "失去生命", "夺走", "去世", "致死", "身故"],
    }),
}  # fmt: skip
#: The words of harm in every language: they separate a toll's counts ("5 killed and
#: 10 injured" is no list of parts) and let "a soldier was killed" state one.
_HARM = tuple(CASUALTY_CUES.values())
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
Scope = Literal["event", "cumulative"]

ViolenceType = Literal["state_based", "non_state", "one_sided"]


class CasualtyReport(Record):
    """People killed or injured, in one event or cumulatively (UCDP GED, ACLED fatalities)."""

    record_type: ClassVar[RecordType] = "casualty_report"
    type: Literal["casualty_report"] = "casualty_report"
    killed: Count | None = None
    injured: Count | None = None
    victims: str | None = Field(default=None, description="Who was harmed ('civilians').")
    perpetrator: Actor | None = None
    country: CountryCode | None = None
    place: Place | None = None
    date: DateValue | None = None
    scope: Scope = "event"
    violence_type: ViolenceType | None = None

    @model_validator(mode="after")
    def _casualty_rules(self) -> CasualtyReport:
        if self.killed is None and self.injured is None:
            raise ValueError("a casualty report needs a killed or an injured count")
        if self.country is None and self.place is not None and self.place.country:
            self.country = self.place.country
        return self

    def key_fields(self) -> list[Any]:
        return [
            self.killed.conservative if self.killed else None,
            self.injured.conservative if self.injured else None,
            self.country,
            self.date.value if self.date else None,
            self.scope,
        ]

    def actors(self) -> list[Actor]:
        return [self.perpetrator] if self.perpetrator else []

    def countries(self) -> list[str]:
        codes = [self.country] if self.country else []
        if self.place and self.place.country and self.place.country not in codes:
            codes.append(self.place.country)
        return codes

    def key_numbers(self) -> list[tuple[Any, str | None]]:
        return [(c.conservative, c.text) for c in (self.killed, self.injured) if c is not None]

    def event_dates(self) -> list[DateValue]:
        return [self.date] if self.date else []

    def mention_terms(self) -> list[str]:
        terms = [self.place.text] if self.place else []
        return [*terms, *([self.victims] if self.victims else [])]

    def plover(self) -> Plover | None:
        if self.violence_type == "one_sided":
            return Plover(category="ASSAULT", mode="kill")
        if self.violence_type in ("state_based", "non_state"):
            return Plover(category="FIGHT", mode=None)
        return None


class CasualtyDraft(Draft):
    killed: int | None
    injured: int | None
    qualifier: CountQualifier
    victims: str | None
    perpetrator: str | None
    country: str | None = Field(description="ISO alpha-3 code")
    place: str | None
    date: str | None = Field(description="date as written")
    scope: Scope
    violence_type: ViolenceType | None
    status: StatusText
    attribution: str | None
    evidence: list[int] = Field(description=EVIDENCE_DESCRIPTION)


#: Words that make a toll a total over a period, not one event (UCDP: aggregated).
CUMULATIVE_WORDS = re.compile(
    r"\b(?:since|so far|to date|in total|a total of|altogether|over the (?:past|last)|"
    r"in the (?:past|last) \w+ (?:days|weeks|months|years)|toll (?:has )?(?:risen|climbed|rose))\b",
    re.IGNORECASE,
)
#: The same words in other languages ("desde", "depuis", "seit", "с начала", "以来").
CUMULATIVE_CUES: dict[str, re.Pattern[str]] = {
    "en": CUMULATIVE_WORDS,
    **cue_patterns({
        "es": ["desde", "hasta ahora", "hasta la fecha", "en total", "un total de",
               r"en (?:los|las) últim[oa]s \w+ (?:días|semanas|meses|años)"],
        "fr": ["depuis", "jusqu'(?:à présent|ici)", "au total", "en tout",
               r"au cours des (?:derniers|dernières) \w+"],
        "de": ["seit", "seitdem", "bisher", "bislang", "insgesamt",
               r"in den (?:vergangenen|letzten) \w+ (?:Tagen|Wochen|Monaten|Jahren)"],
        "ru": ["с начала", "с момента", "всего", "в общей сложности", r"за последн\w+",
               "к настоящему времени"],
        "zh": ["以来", "迄今", "至今", "累计", "总共", "共有", "过去\\w{1,3}(?:天|周|月|年)"],
    }),
}  # fmt: skip
_SINCE = re.compile(r"\bsince\s+((?:the\s+)?[^,.;:]{2,60})", re.IGNORECASE)
#: Verbs of a government or body that speaks about an attack, not one that did it.
_SPEAKS = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*|mourn\w*|offer\w*|extend\w*|express\w*|"
    r"report\w*|said|says|stated|announc\w*|confirm\w*|stands? with|sends?|send)\b",
    re.IGNORECASE,
)
#: The same verbs in other languages ("condena", "condamne", "verurteilt", "осуждает", "谴责").
SPEAKS_CUES: dict[str, re.Pattern[str]] = {
    "en": _SPEAKS,
    **cue_patterns({
        "es": [r"conden\w*", r"denunci\w*", r"lament\w*", r"deplor\w*", r"expres\w*",
               r"inform\w*", r"dijo", "dice", r"declar\w*", r"anunci\w*", r"confirm\w*",
               r"ofrec\w*", r"envi\w*", r"se solidariza\w*"],
        "fr": [r"condamn\w*", r"dénonc\w*", r"déplor\w*", r"exprim\w*", r"présent\w*",
               r"rapport\w*", r"a déclaré", "a dit", "dit", r"annonc\w*", r"confirm\w*",
               r"adress\w*", r"envoi\w*", r"se tient aux côtés"],
        "de": [r"verurteil\w*", r"prangert\w*", r"bedauer\w*", r"trauer\w*", r"drückt\w*",
               r"sprach\w*", r"berichte\w*", r"sagte\w*", r"erklärte\w*", r"kündigte\w*",
               r"bestätigte\w*", r"steht an der Seite"],
        "ru": [r"осуд\w*", r"осужда\w*", r"выраж\w*", r"скорб\w*", r"сообщ\w*",
               r"заяв\w*", r"сказал\w*", r"объяв\w*", r"подтверд\w*", r"направ\w*",
               r"солидарн\w*"],
        "zh": ["谴责", "强烈谴责", "哀悼", "表示", "报道", "宣布", "证实", "声明", "致以",
               "慰问", "站在一起"],
    }),
}  # fmt: skip
#: Words that name an event, never its perpetrator ("the heinous terror attack").
_EVENT_NOUNS = re.compile(
    r"\b(?:attacks?|bombings?|strikes?|explosions?|shootings?|blasts?|massacres?|violence|"
    r"war|conflict|fighting|clashes|incident|tragedy)\b",
    re.IGNORECASE,
)
#: The same nouns in other languages ("el atentado", "l'attaque", "der Anschlag", "нападение").
EVENT_CUES: dict[str, re.Pattern[str]] = {
    "en": _EVENT_NOUNS,
    **cue_patterns({
        "es": [r"ataques?", r"atentados?", r"bombardeos?", r"explosi\w*", r"tiroteos?",
               r"masacres?", "violencia", "guerra", r"conflictos?", r"enfrentamientos?",
               r"incidentes?", r"tragedias?"],
        "fr": [r"attaques?", r"attentats?", r"bombardements?", r"frappes?", r"explosions?",
               r"fusillades?", r"massacres?", "violence", "guerre", r"conflits?",
               r"affrontements?", r"incidents?", r"tragédies?"],
        "de": [r"\w*angriff\w*", r"\w*anschlag\w*", r"\w*anschläge\w*", r"Explosion\w*",
               r"Schießerei\w*", r"Massaker\w*", "Gewalt", r"Krieg\w*", r"Konflikt\w*",
               r"Kämpfe\w*", r"Zusammenstöße\w*", r"Vorfall\w*", r"Tragödie\w*"],
        "ru": [r"напад\w*", r"атак\w*", r"тер(?:акт|рорист\w* акт)\w*", r"удар\w*",
               r"взрыв\w*", r"обстрел\w*", r"стрельб\w*", r"бойн\w*", r"насили\w*",
               r"войн\w*", r"конфликт\w*", r"столкновени\w*", r"инцидент\w*",
               r"трагеди\w*"],
        "zh": ["袭击", "攻击", "爆炸", "枪击", "屠杀", "暴力", "战争", "冲突", "事件",
               "悲剧", "空袭"],
    }),
}  # fmt: skip


def _of(cues: Mapping[str, re.Pattern[str]], language: str) -> list[re.Pattern[str]]:
    """The patterns of English and of ``language``: no foreign word changes an English verdict."""
    return [cues[key] for key in dict.fromkeys(("en", language)) if key in cues]


def perpetrator_problem(name: str, evidence: str, language: str = "en") -> str | None:
    """Why ``name`` cannot be coded as the perpetrator of the toll in ``evidence``, if it cannot.

    A perpetrator is the one the evidence names as having done it (UCDP's
    actor, ACLED's actor1): not the event itself, not a name the evidence
    lacks, and not the government or body that condemns, mourns or reports it.
    """
    if any(p.search(name) for p in _of(EVENT_CUES, language)):
        return f"perpetrator {name!r} names the event, not who did it"
    folded, quote = normalise_text(name), normalise_text(evidence)
    at = quote.find(folded)
    if at < 0:
        return f"perpetrator {name!r} is not named in the evidence"
    after = " ".join(quote[at + len(folded) : at + len(folded) + 40].split()[:4])
    if _UNSPACED.search(folded):  # "中国政府强烈谴责": no spaces, a few characters
        after = quote[at + len(folded) : at + len(folded) + 8]
    if any(p.search(after) for p in _of(SPEAKS_CUES, language)):
        return f"perpetrator {name!r} speaks about the attack in the evidence; it did not do it"
    return None


def build(draft: CasualtyDraft, make: Builder) -> dict[str, Any]:
    country = make.country(draft.country)
    place = make.place(draft.place, None)
    if country is not None and _only_the_publisher(country, place, make):
        make.warn(
            f"country {country} is the government that publishes the statement, and the "
            "article does not say the event happened there: left empty"
        )
        country = None
    if place is not None and place.country and country and place.country != country:
        # A casualty is coded to the country where it happened, not the one that reports it.
        make.warn(f"country {country} is not where {place.text!r} is: coded {place.country}")
        country = place.country
    if place is not None and place.country is None and country:
        place = place.model_copy(update={"country": country})
    perpetrator = None
    if draft.perpetrator:
        problem = perpetrator_problem(draft.perpetrator, make.quote, make.language)
        if problem is None:
            perpetrator = Actor(name=draft.perpetrator)
        else:
            make.warn(f"{problem}: left empty")
    scope = draft.scope
    when = make.when(draft.date)
    if scope == "event" and any(p.search(make.quote) for p in _of(CUMULATIVE_CUES, make.language)):
        make.warn("the evidence gives a total over a period: scope 'cumulative'")
        scope = "cumulative"
    if scope == "cumulative":
        since = _SINCE.search(make.quote)
        period = DateValue.resolve(since.group(0), make.published) if since else None
        if period is not None and period.value is not None:
            when = period  # a total since X is dated by its period, not the day of the report
    elif when is None:
        when = make.when_in_evidence()
    return {
        "killed": make.count(draft.killed, draft.qualifier, _HARM),
        "injured": make.count(draft.injured, draft.qualifier, _HARM),
        "victims": draft.victims,
        "perpetrator": perpetrator,
        "country": country,
        "place": place,
        "date": when,
        "scope": scope,
        "violence_type": draft.violence_type,
    }


def _only_the_publisher(country: str, place: Place | None, make: Builder) -> bool:
    """Whether ``country`` stands only for the government publishing the article.

    A readout's own state counts as named though the text never names it
    (the publisher rule of :meth:`Record._check_countries_named`): right for
    who met or spoke, wrong for where a toll happened, which a statement of
    sympathy says by its place ("an explosion at a fuel depot in
    Nagorno-Karabakh"), never by who writes it. Kept when the article names
    the country, or the place lies there ("Allen, Texas").
    """
    if country != make.context.get("publisher") or country in make.article_countries():
        return False
    return place is None or place_country(place.text) != country


def terms(draft: CasualtyDraft) -> tuple[set[str], set[str]]:
    figures = figure_forms(draft.killed, draft.injured)
    return draft_terms(set(), [draft.country], [draft.place, draft.perpetrator], figures)


COLUMNS = (
    *col.count_columns("killed"),
    *col.count_columns("injured"),
    col.Column("country", "str", col.field_of("country")),
    *col.place_columns(),
    *col.date_columns("date"),
    col.Column("scope", "str", col.field_of("scope")),
    col.Column("violence_type", "str", col.field_of("violence_type")),
    col.Column("perpetrator", "str", col.actor_name("perpetrator")),
    col.Column("perpetrator_country", "str", col.field_of("perpetrator", "country")),
    col.Column("victims", "str", col.field_of("victims")),
)

TABLE = (
    ("killed", lambda c: col.show_count(c.killed)),
    ("injured", lambda c: col.show_count(c.injured)),
    ("country", lambda c: c.country or ""),
    ("place", lambda c: c.place.text if c.place else ""),
    ("date", lambda c: col.show_date(c.date)),
    ("scope", lambda c: c.scope),
)


def to_gold(record: Record) -> dict[str, Any]:
    from extractor.types.goldspec import count_dict

    assert isinstance(record, CasualtyReport)
    start, end = (record.date.value, record.date.end) if record.date else (None, None)
    count = record.killed or record.injured
    return {
        "killed": count_dict(record.killed),
        "injured": count_dict(record.injured),
        "qualifier": count.qualifier if count else None,
        "country": record.country,
        "place": record.place.text if record.place else None,
        "start": start,
        "end": end,
        "perpetrator": record.perpetrator.name if record.perpetrator else None,
        "victims": record.victims,
        "scope": record.scope,
    }


def from_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
    from extractor.types.goldspec import gold_count, gold_date

    qualifier = gold.get("qualifier")
    return {
        "killed": gold_count(gold.get("killed"), qualifier),
        "injured": gold_count(gold.get("injured"), qualifier),
        "country": gold.get("country"),
        "place": Place(text=gold["place"]) if gold.get("place") else None,
        "date": gold_date(gold.get("start"), gold.get("end")),
        "perpetrator": Actor(name=gold["perpetrator"]) if gold.get("perpetrator") else None,
        "victims": gold.get("victims"),
        "scope": gold.get("scope") or "event",
    }


def matchable(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """The killed or injured count agrees, or the country and the start date do."""
    from extractor.evaluation.matching import (
        _country,
        _gold_count_target,
        count_matches,
        countries_match,
        dates_match,
    )

    qualifier = pred.get("qualifier")
    for key in ("killed", "injured"):
        if _gold_count_target(gold.get(key)) is not None and count_matches(
            gold.get(key), pred.get(key), qualifier
        ):
            return True
    return (
        _country(gold.get("country")) is not None
        and countries_match(gold.get("country"), pred.get("country"))
        and gold.get("start") is not None
        and pred.get("start") is not None
        and dates_match(gold.get("start"), pred.get("start"))
    )


SPEC = RecordSpec(
    record=CasualtyReport,
    draft=CasualtyDraft,
    build=build,
    terms=terms,
    plural="casualty_reports",
    label="casualty reports",
    cues=CASUALTY_CUES,
    optional_figures=("killed", "injured"),
    template="types/casualty_report.j2",
    columns=COLUMNS,
    table=TABLE,
    gold=GoldSpec(
        fields={
            "killed": K.COUNT,
            "injured": K.COUNT,
            "qualifier": K.ENUM,
            "country": K.COUNTRY,
            "place": K.TEXT,
            "start": K.DATE,
            "end": K.DATE,
            "perpetrator": K.TEXT,
            "victims": K.TEXT,
            "scope": K.ENUM,
        },
        enums={
            "qualifier": frozenset(get_args(CountQualifier)),
            "scope": frozenset(get_args(Scope)),
        },
        to_gold=to_gold,
        from_gold=from_gold,
        matchable=matchable,
        strict=("killed", "injured", "country"),
    ),
)
