"""CasualtyReport: people killed or injured, in one event or in all (UCDP GED, ACLED).

Everything the pipeline knows about casualty reports: the record, its draft
and builder, the words a toll needs, its columns and its gold mapping.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any, ClassVar, Literal, get_args

from pydantic import Field, model_validator

from extractor.text.countries import ADJECTIVES, DEMONYMS, country_in_text
from extractor.text.cues import (
    SPEECH_VERBS,
    UNSPACED_CHARS,
    LazyPatterns,
    cue_patterns,
    with_english,
)
from extractor.text.dates import MONTHS, WEEKDAYS, earliest, latest, month_words
from extractor.text.dates import _words as _date_words
from extractor.text.grounding import folded_article, normalise_text
from extractor.text.harm import (
    CUE_LANGUAGES,
    HARM_CUES,
    TOTAL_LANGUAGES,
    total_words,
    words_of,
)
from extractor.text.language import reading_languages
from extractor.text.people import PEOPLE, THINGS, is_a_doer, is_a_means, is_a_thing, is_people
from extractor.text.places import (
    MOVING_LANGUAGES,
    movement_crosses_border,
    movement_ends,
    place_country,
    place_proves_country,
    without_movement_ends,
)
from extractor.text.quantities import figures_in, number_forms, written_in
from extractor.text.sentences import STOPS
from extractor.types import columns as col
from extractor.types.base import Plover, Record, RecordType, country_in_article
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
from extractor.types.visit import venue_countries

#: Words of killing, dying and injury and of the event that harms, per language (ISO
#: 639-1): the gate's view of :data:`extractor.text.harm.HARM_WORDS`. English is
#: :data:`CASUALTY_WORDS`.
CASUALTY_CUES: Mapping[str, re.Pattern[str]] = HARM_CUES
CASUALTY_WORDS = CASUALTY_CUES["en"]
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

    def proving_places(self, language: str = "en") -> list[str]:
        """The record's place, and the cities its evidence names as the end of a movement
        that crosses no border (:func:`movement_crosses_border`): "a bus travelling to
        Kharkiv" was hit on the way, in no place to code, but in Ukraine as far as the
        text tells."""
        quote = self.evidence.cited_text
        ends = [quote[a:b] for a, b in movement_ends(quote, language)]
        inside = [end for end in ends if not movement_crosses_border(end, quote, language)]
        return [*super().proving_places(language), *inside]

    def key_numbers(self) -> list[tuple[Any, str | None]]:
        return [(c.conservative, c.text) for c in (self.killed, self.injured) if c is not None]

    def event_dates(self) -> list[DateValue]:
        return [self.date] if self.date else []

    def mention_terms(self) -> list[str]:
        # No language is given here: a movement read in any of them names the place.
        places = [p for lang in MOVING_LANGUAGES for p in self.proving_places(lang)]
        return [*dict.fromkeys(places), *([self.victims] if self.victims else [])]

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


#: Words that make a toll a running total over a period on their own (UCDP: aggregated):
#: "so far", "to date", "over the past N days", "hasta ahora", "bisher", "迄今", "累计".
#: "a total of", "en total", "au total", "insgesamt", "всего", "共有" sum one event's
#: figures as well ("a total of 12 died in Tuesday's blast"): alone they are no cue.
CUMULATIVE_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    {
        "es": ["hasta ahora", "hasta la fecha", "hasta el momento", r"en lo que va del?",
               r"en (?:los|las) últim[oa]s \w+ (?:días|semanas|meses|años)"],
        "fr": ["jusqu'(?:à présent|ici)", r"au cours des (?:derniers|dernières) \w+", "à ce jour"],
        "de": ["seitdem", "bisher", "bislang",
               r"in den (?:vergangenen|letzten) \w+ (?:Tagen|Wochen|Monaten|Jahren)"],
        "ru": ["с момента", "с тех пор", r"за последн\w+", "к настоящему времени",
               "на сегодняшний день", "до сих пор"],
        "zh": ["迄今", "至今", "累计", "截至目前", "到目前为止", "过去\\w{1,3}(?:天|周|月|年)"],
        "ar": ["حتى الآن", "حتى اليوم",
               r"خلال (?:الأيام|الأسابيع|الأشهر|الشهور|السنوات) (?:الماضية|الأخيرة)"],
    },
    english=re.compile(
        r"\b(?:so far|to date|thus far|over the (?:past|last)|"
        r"in the (?:past|last) \w+ (?:days|weeks|months|years)|"
        r"toll (?:has )?(?:risen|climbed|rose))\b",
        re.IGNORECASE,
    ),
)  # fmt: skip
#: The words that open a period only when a time follows them ("since 2019", "desde marzo",
#: "depuis le 7 octobre", "seit Montag", "с февраля", "منذ الانقلاب"): before a place or a
#: thing they are spatial ("desde un edificio", "depuis un drone"), before a clause causal,
#: before a bare span a description ("die seit Jahren verfeindeten Milizen").
_SINCE_WORDS: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:ever\s+)?since\s+", re.IGNORECASE),
    "es": re.compile(r"(?<!\w)desde\s+", re.IGNORECASE),
    "fr": re.compile(r"(?<!\w)depuis\s+", re.IGNORECASE),
    "de": re.compile(r"(?<!\w)seit\s+", re.IGNORECASE),
    "ru": re.compile(r"(?<!\w)[сС]о?\s+"),
    "ar": re.compile(r"(?<!\w)و?منذ\s+"),
    "pt": re.compile(r"(?<!\w)desde\s+", re.IGNORECASE),
    "it": re.compile(
        r"(?<!\w)(?:dal|dalla|dall['’]|da(?=\s+(?:(?:metà|inizio|fine|primi|met[aà])\s+(?:di\s+)?)?"
        r"(?:\d|gennaio|febbraio|marzo|aprile|maggio|"
        r"giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)))\s*",
        re.IGNORECASE,
    ),
}
#: Chinese writes the time before its "since" (以来): a period unless 最/首 follows, which
#: compares the event ("2019年以来最严重的袭击": the worst since 2019).
_ZH_SINCE = re.compile(
    r"(?:自|从)?[^，。；,;：:]{1,15}?以[来來](?!之?最(?!少|多)|首|第一|罕见|罕見|少见|新高|新低|未见|仅见)"
)
#: What a period starts with when no date is written: "since the start of the year", "since
#: the coup", "desde el inicio de la guerra", "depuis l'invasion", "seit Beginn des Krieges",
#: "с начала войны", "منذ الانقلاب".
_PERIOD_START = re.compile(
    r"(?<!\w)(?:start|beginning|outbreak|onset|coup|war|invasion|uprising|revolution|"
    r"offensive|ceasefire|truce|conflict|fighting|escalation|takeover|insurgency|rebellion|"
    r"inicio|comienzo|principios?|golpe|guerra|invasión|conflicto|ofensiva|tregua|"
    r"début|commencement|guerre|conflit|trêve|"
    r"Beginn|Anfang|Ausbruch|\w+(?:beginn|anfang|ausbruch)|Putsch\w*|Krieg\w*|Invasion|Konflikt\w*|Offensive|Waffenruhe|"
    r"начал\w*|войн\w*|вторжени\w*|переворот\w*|конфликт\w*|перемири\w*|"
    r"início|começo|invasão|conflito|ofensiva|trégua|inizio|invasione|conflitto|offensiva|"
    r"tregua|end(?=\s+of\s)|fin(?=\s+d)|fim(?=\s+d)|fine(?=\s+d)|final(?=\s+d)|"
    r"بداية|بدء|اندلاع|الانقلاب|انقلاب|الحرب|حرب|الغزو|النزاع|الصراع|الهدنة|الثورة)(?!\w)",
    re.IGNORECASE,
)
#: "since the war began": a clause of beginning makes its subject the period's start.
_BEGAN = re.compile(
    r"(?<!\w)(?:began|begun|started|broke out|erupted|took (?:power|office|over)|"
    r"comenzó|empezó|estalló|commencé|éclaté|begann|ausbrach|началась|начался|началось|"
    r"начавш(?:ейся|егося|ийся|аяся)|"
    r"começou|eclodiu|iniziata|iniziato|scoppiata|scoppiato)(?!\w)",
    re.IGNORECASE,
)
#: The words before a time complement that are not yet it (articles, "early", "mid").
_TIME_LEAD = re.compile(
    r"(?:(?:the|el|la|los|las|le|les|l['’]|der|die|das|dem|den|al|du|des|o|os|il|early|late|mid|"
    r"mid-|principios de|finales de|mediados de|début|fin|Anfang|Ende|Mitte)\s*)*",
    re.IGNORECASE,
)
#: A superlative or ordinal before "since" compares the event with the past and sums
#: nothing: "the deadliest attack since 2019", "el peor ataque desde", "l'attaque la plus
#: meurtrière depuis", "der schwerste Anschlag seit", "самый кровавый с", "الأعنف منذ". So
#: does a first time or a record ("for the first time since", "впервые с", "لأول مرة منذ",
#: "erstmals seit", "a toll not seen since", "un récord desde", "the most since").
_COMPARED: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:\w+iest|worst|largest|biggest|highest|greatest|strongest|first(?!\s+\d)|"
        r"most(?!\s+of\b)|not seen|unseen|record(?!\s+\d)|any)\b[^,;.]{0,40}$",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"(?<!\w)(?:(?:el|la|los|las|lo)\s+(?:\w+\s+)?más|peor(?:es)?|mayor(?:es)?|"
        r"primer[oa]?s?|no vist[oa]s?|récord(?!\s+\d)|inédit[oa]s?|ningún|ninguna)(?!\w)[^,;.]{0,40}$",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?<!\w)(?:(?:le|la|les|l['’])\s*(?:\w+\s+)?plus(?!\s+d['’e])|pires?|premi(?:er|ère)s?|"
        r"inédit\w*|record|jamais|aucun\w*)"
        r"(?!\w)[^,;.]{0,40}$",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"(?<!\w)(?:schwerst|tödlichst|blutigst|größt|schlimmst|heftigst|verheerendst|höchst|"
        r"stärkst|erst)e[nmrs]?(?!\w)[^,;.]{0,40}$|(?<!\w)(?:erstmals|Rekord\w*|nie)(?!\w)[^,;.]{0,40}$",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<!\w)(?:сам(?:ый|ая|ое|ые|ого|ой|ых)|(?!дальн)\w+(?:ейш|айш)(?:ий|ая|ее|ие|его|ей|их)|"
        r"худш\w+|перв(?:ый|ая|ое|ые)|впервые|рекорд\w*|невиданн\w*)(?!\w)[^,;.]{0,40}$",
        re.IGNORECASE,
    ),
    "ar": re.compile(
        r"(?<!\w)(?:(?:ال|ل)?(?:أعنف|أسوأ|أكبر|أول|أشد|أدمى)|الأكثر|الأولى|قياسي\w*)(?!\w)"
        r"[^،,؛;.]{0,40}$"
    ),
    "pt": re.compile(
        r"(?<!\w)(?:(?:o|a|os|as)\s+(?:\w+\s+)?mais|pior(?:es)?|maior(?:es)?|primeir[oa]s?|"
        r"recorde|inédit[oa]s?)(?!\w)[^,;.]{0,40}$",
        re.IGNORECASE,
    ),
    "it": re.compile(
        r"(?<!\w)(?:(?:il|la|i|le|l['’])\s*(?:\w+\s+)?più|peggior[ei]?|maggior[ei]?|"
        r"prim[oaie]|record|inedit[oaie])(?!\w)[^,;.]{0,40}$",
        re.IGNORECASE,
    ),
}
#: Verbs of a government or body that speaks about an attack, not one that did it.
_SPEAKS = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*|mourn\w*|griev\w*|offer\w*|extend\w*|express\w*|"
    r"report\w*|said|says|stated|announc\w*|confirm\w*|stands? with|sends?|send|"
    r"criticiz\w*|criticis\w*|decr(?:y|ies|ied)|lament\w*|regret\w*|told|tweeted|wrote)\b",
    re.IGNORECASE,
)
#: The same verbs in other languages ("condena", "condamne", "verurteilt", "осуждает", "谴责").
SPEAKS_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    {
        "es": [r"conden\w*", r"denunci\w*", r"lament\w*", r"deplor\w*", r"expres\w*",
               r"inform\w*", r"dijo", "dice", r"declar\w*", r"anunci\w*", r"confirm\w*",
               r"afirm(?:ó|aron|a|an|ando|ado)",
               r"ofrec\w*", r"envi\w*", r"se solidariza\w*", r"señal(?:ó|aron)",
               r"indic(?:ó|aron)", r"añadi(?:ó|eron)", r"llor(?:ó|a|an|aron|ando)"],
        "pt": [r"conden\w*", r"denunci\w*", r"lament\w*", r"deplor\w*", r"express\w*",
               r"inform\w*", "disse", "disseram", "diz", "dizem", r"declar\w*", r"anunci\w*",
               r"confirm\w*", r"afirm(?:ou|aram|a|am|ando)", r"relat\w*", r"chor(?:ou|a|am|aram)"],
        "it": [r"condann\w*", r"denunci\w*", r"deplor\w*", r"espress\w*", r"inform\w*",
               r"(?:ha|hanno) detto", "detto", "disse", "dice", "dicono", r"dichiar\w*",
               r"annunci\w*", r"conferm\w*", r"afferm(?:ato|a|ano)", r"riferit\w*",
               r"piang(?:e|ono)", r"(?:ha|hanno) pianto", r"pians(?:e|ero)"],
        "fr": [r"condamn\w*", r"dénonc\w*", r"déplor\w*", r"exprim\w*", r"présent\w*",
               r"rapport\w*", r"a déclaré", "a dit", "dit", r"annonc\w*", r"confirm\w*",
               r"affirm(?:é|e|ent|ait|aient|ant)",
               r"adress\w*", r"envoi\w*", r"se tient aux côtés",
               r"(?:a|ont) (?:indiqué|précisé|ajouté|souligné)", r"pleur(?:e|ent|é|ait|aient|ant)"],
        "de": [r"verurteil\w*", r"prangert\w*", r"bedauer\w*", r"trauer\w*", r"drückt\w*",
               r"sprach\w*", r"berichte\w*", r"sagte\w*", r"erklärte\w*", r"kündigte\w*",
               r"bestätigte\w*", r"behauptete\w*", r"versicherte\w*", r"steht an der Seite",
               r"äu(?:ß|ss)erte\w*", r"geäu(?:ß|ss)ert", r"bekannt\s?(?:gegeben|gemacht)",
               # "machte die Namen der Opfer bekannt", "gab bekannt": announced
               r"(?:machte|machten|gab|gaben)(?=[^,.;:]{0,80}\sbekannt\b)"],
        "ru": [r"осуд\w*", r"осужда\w*", r"выраж\w*", r"скорб\w*", r"сообщ\w*",
               r"заяв\w*", r"сказал\w*", r"объяв\w*", r"подтверд\w*", r"направ\w*",
               r"утвержда\w*", r"утверждал\w*",
               r"солидарн\w*"],
        "zh": ["谴责", "强烈谴责", "哀悼", "表示", "报道", "宣布", "证实", "声明", "致以",
               "慰问", "站在一起"],
        "ar": [r"أدان\w*", r"(?:تدين|يدين|ندين)", r"استنكر\w*",
               r"(?:يستنكر|تستنكر)\w*", r"شجب\w*", r"(?:يشجب|تشجب)\w*",
               r"أعرب\w*", r"(?:يعرب|تعرب)\w*", r"قال\w*", r"(?:يقول|تقول)",
               r"أعلن\w*", r"أكد\w*", r"صرح\w*", r"أفاد\w*",
               r"ذكر(?:ت|وا)?", r"(?:نعى|نعت)", r"(?:قدم|قدمت)"],
    },
    english=_SPEAKS,
)  # fmt: skip
#: Words that name an event, never its perpetrator ("the heinous terror attack").
_EVENT_NOUNS = re.compile(
    r"\b(?:attacks?|bombings?|(?:air)?strikes?|explosions?|shootings?|blasts?|massacres?|"
    r"violence|war|conflict|fighting|clashes|incident|tragedy|shelling|bombardments?|raids?|"
    r"assaults?)\b",
    re.IGNORECASE,
)
#: The same nouns in other languages ("el atentado", "l'attaque", "der Anschlag", "нападение").
EVENT_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    {
        "es": [r"ataques?", r"atentados?", r"bombardeos?", r"explosi\w*", r"tiroteos?",
               r"masacres?", "violencia", "guerra", r"conflictos?", r"enfrentamientos?",
               r"incidentes?", r"tragedias?"],
        "pt": [r"ataques?", r"atentados?", r"bombardeios?", r"explos\w*", r"tiroteios?",
               r"massacres?", "violência", "guerra", r"conflitos?", r"confrontos?",
               r"incidentes?", r"tragédias?"],
        "it": [r"attacchi", r"attacco", r"attentat[oi]", r"bombardament[oi]", r"esplosion[ei]",
               r"sparatori[ae]", r"massacr[oi]", "violenza", "guerra", r"conflitt[oi]",
               r"scontri", r"incident[ei]", r"tragedi[ae]"],
        "fr": [r"attaques?", r"attentats?", r"bombardements?", r"frappes?", r"explosions?",
               r"fusillades?", r"massacres?", "violence", "guerre", r"conflits?",
               r"affrontements?", r"incidents?", r"tragédies?"],
        "de": [r"\w*angriff\w*", r"\w*anschlag\w*", r"\w*anschläge\w*", r"Explosion\w*",
               r"Schießerei\w*", r"Massaker\w*", "Gewalt", r"Krieg\w*", r"Konflikt\w*",
               r"Kämpfen?", r"Zusammenstöße\w*", r"Vorfall\w*", r"Tragödie\w*"],
        "ru": [r"напад\w*", r"атак\w*", r"тер(?:акт|рорист\w* акт)\w*", r"удар\w*",
               r"взрыв\w*", r"обстрел\w*", r"стрельб\w*", r"бойн\w*", r"насили\w*",
               r"войн\w*", r"конфликт\w*", r"столкновени\w*", r"инцидент\w*",
               r"трагеди\w*"],
        "zh": ["袭击", "攻击", "爆炸", "枪击", "屠杀", "暴力", "战争", "冲突", "事件",
               "悲剧", "空袭"],
        "ar": [r"(?:ال)?هجوم\w*", r"(?:ال)?هجمات", r"(?:ال)?تفجير\w*",
               r"(?:ال)?انفجار\w*", r"(?:ال)?غار(?:ة|ات)", r"(?:ال)?اعتداء\w*",
               r"(?:ال)?مجزرة", r"(?:ال)?حرب", r"(?:ال)?قصف"],
    },
    english=_EVENT_NOUNS,
)  # fmt: skip
#: Per language, the verbs of a vehicle's accident or of an attack on it ("derailed",
#: "capsized", "se estrelló", "a chaviré", "entgleiste", "сошёл с рельсов"): a clause
#: with one tells the event whose harm the sentence counts ("A train derailed in
#: Poland, killing five"), and its place is where the harm happened (ACLED), read by
#: :func:`event_countries` only; the lexical gate does not open on them.
_ACCIDENT: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"derail(?:ed|s)?", r"crash(?:ed|es)", r"capsiz(?:ed|es)", "sank", "sunk",
           r"overturn(?:ed|s)?", r"collid(?:ed|es)", r"ambush(?:ed)?", r"plung(?:ed|es)",
           "went down", "ran aground"],
    "es": [r"descarril\w*", r"se estrell(?:ó|aron)", r"naufrag\w*", r"volc(?:ó|aron)",
           r"se hundi(?:ó|eron)", r"choc(?:ó|aron)", r"colision\w*", r"embosca\w*"],
    "fr": [r"déraill\w*", r"s['’](?:est|sont) écrasée?s?", r"chavir\w*", r"(?:a|ont) coulé",
           r"s['’](?:est|sont) renversée?s?", r"naufrag\w*", "embuscade", "collision"],
    "de": [r"entgleist\w*", "abgestürzt", r"stürzte\w*", r"kenterte\w*", "gekentert",
           "sank", "gesunken", r"verunglückt\w*", "überfallen", r"prallte\w*"],
    "ru": [r"сош(?:ёл|ел|ли) с рельсов", r"разбил\w*", r"перевернул\w*", r"затонул\w*",
           r"столкнул\w*", r"крушени\w*"],
})  # fmt: skip
#: Words that put a source before a name: "according to X", "citing X" ("según",
#: "selon", "laut", "по данным", "据", "وفقا ل"). Up to two words between ("according
#: to the Palestinian Health Ministry"); the name's clause only.
SOURCE_CUES: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:according to|citing|quoting|as reported by)\s+(?P<gap>(?:\S+\s+){0,2})$"
    ),
    "es": re.compile(
        r"(?<!\w)(?:según|de acuerdo con|conforme a|citando a?|informó(?!\s+que(?!\w)))\s+"
        r"(?P<gap>(?:\S+\s+){0,2})$"
    ),
    "fr": re.compile(r"(?<!\w)(?:selon|d'après|citant|de source)\s+(?P<gap>(?:\S+\s+){0,2})$"),
    "pt": re.compile(
        r"(?<!\w)(?:segundo|de acordo com|conforme|citando)\s+(?P<gap>(?:\S+\s+){0,2})$"
    ),
    "it": re.compile(r"(?<!\w)(?:secondo|stando a|citando)\s+(?P<gap>(?:\S+\s+){0,2})$"),
    "de": re.compile(
        r"(?<!\w)(?:laut|gemä(?:ß|ss)|nach angaben (?:de[rsm]|von)|unter berufung auf)"
        r"\s+(?P<gap>(?:\S+\s+){0,2})$"
    ),
    "ru": re.compile(
        r"(?<!\w)(?:по (?:данным|словам|сообщению|информации|заявлению)|согласно|"
        r"со ссылкой на|как сообщил\w*)\s+(?P<gap>(?:\S+\s+){0,2})$"
    ),
    "zh": re.compile(r"(?:据|根据|援引)(?!报道|悉|称|了解)(?P<gap>\w{0,6})$"),
    "ar": re.compile(
        r"(?:(?<!\w)(?:وفق(?:ا|اً)?|طبق(?:ا|اً)?)\s*ل\S*\s*|"
        r"(?<!\w)(?:حسب|بحسب|نقلا عن|نقلاً عن)\s+)(?P<gap>(?:\S+\s+){0,2})$"
    ),
}
#: Sources named before their word: "dem Ministerium zufolge", "(X said)" aside.
SOURCE_AFTER_CUES: Mapping[str, re.Pattern[str]] = {
    "de": re.compile(r"(?P<gap>\s*(?:\S+\s+)?)zufolge\b"),
}
#: "by X": after a verb of speaking its speaker ("condemned by X"), after one of harm
#: who did it ("killed by X"); the verb before decides. Per language ("por", "par",
#: "von", "со стороны", "من قبل") with the phrases of agency ("at the hands of", "a manos
#: de", "aux mains des", "от рук", "على يد"); up to two words between.
BY_CUES: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:by|at the hands of)\s+(?P<gap>(?:\S+\s+){0,2})$"),
    "es": re.compile(r"(?<!\w)(?:por|a manos del?)\s+(?P<gap>(?:\S+\s+){0,2})$"),
    "pt": re.compile(r"(?<!\w)(?:por|pel[oa]s?|nas mãos d[eoa]s?)\s+(?P<gap>(?:\S+\s+){0,2})$"),
    "it": re.compile(
        r"(?<!\w)(?:da|dal|dalla|dall['’]|dai|dagli|dalle|per mano d[ie]\w*)\s*"
        r"(?P<gap>(?:\S+\s+){0,2})$"
    ),
    "fr": re.compile(r"(?<!\w)(?:par|aux mains d(?:es|u|e))\s+(?P<gap>(?:\S+\s+){0,2})$"),
    "de": re.compile(r"(?<!\w)(?:von|vom|durch)\s+(?P<gap>(?:\S+\s+){0,2})$"),
    "ru": re.compile(r"(?<!\w)(?:со стороны|от рук)\s+(?P<gap>(?:\S+\s+){0,2})$"),
    "ar": re.compile(r"(?<!\w)(?:من قبل|على يد|على أيدي)\s+(?P<gap>(?:\S+\s+){0,2})$"),
}
#: Verbs of doing harm or attacking: the subject of one in the active voice did it.
_AGENT: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"kill(?:s|ed|ing)?", "shot", r"shoot(?:s|ing)?", r"murder(?:s|ed|ing)?",
           r"massacr\w*", r"execut(?:e|es|ed|ing)", r"attack(?:s|ed|ing)?", r"bomb(?:s|ed|ing)?",
           r"shell(?:s|ed|ing)", r"storm(?:s|ed|ing)?", r"launch(?:es|ed|ing)?",
           r"fir(?:es|ed|ing)", "struck", r"strik(?:es|ing)", r"hit(?:s|ting)?",
           r"ambush(?:es|ed|ing)?", r"raid(?:s|ed|ing)?", r"abduct(?:s|ed|ing)?",
           r"wound(?:s|ed|ing)", r"injur(?:es|ed|ing)", r"carri(?:ed|es) out", "carry out",
           r"open(?:s|ed)? fire", r"slaughter(?:s|ed|ing)?", "gunned down", r"detonat\w*",
           r"target(?:s|ed|ing)", "blew up", "set off", r"behead\w*", "caused", "left",
           r"neutrali[sz](?:e|es|ed|ing)", r"eliminat(?:e|es|ed|ing)"],
    "es": [r"mat(?:ó|o|a|an|aron|ando|ado|ara|aran|en)", r"asesin(?:ó|ar|aron|a|an|ando|ado|ara|aran|en)", r"atac(?:ó|aron|a|an)",
           r"bombarde(?:ó|aron|a|an)", r"dispar(?:ó|aron|a|an)", r"hiri(?:ó|eron)", r"perpetr\w*",
           r"lanz(?:ó|aron|a|an)", r"ejecut(?:ó|aron)", r"embosc\w*", r"masacr(?:ó|aron)",
           r"secuestr(?:ó|aron)", r"abat(?:ió|ieron|ido|idos|ir)", r"caus(?:ó|aron)", r"dej(?:ó|aron)",
           r"ejecut(?:ado|ados|ar)", r"(?:neutraliz|elimin)(?:ó|aron|ado|ados|ar)"],
    "pt": [r"mat(?:ou|aram|a|am|ando|ado|ados|ar|asse|assem)", r"assassin(?:ou|aram|a|am|ado|ados)",
           r"atac(?:ou|aram|a|am)", r"bombarde(?:ou|aram|ia|iam)", r"dispar(?:ou|aram)",
           r"feri(?:u|ram)", r"execut(?:ou|aram)", r"massacr(?:ou|aram)", r"caus(?:ou|aram)",
           r"deix(?:ou|aram)", r"sequestr(?:ou|aram)", r"lanç(?:ou|aram)"],
    "it": [r"(?:ha|hanno) ucciso", r"uccis(?:e|ero)", r"ucc(?:ide|idono|idendo|idesse|idessero)",
           r"(?:ha|hanno) (?:attaccato|bombardato|colpito|ferito|giustiziato|massacrato|"
           r"causato|provocato|lasciato|sparato)",
           r"attacc(?:ò|arono)", r"bombard(?:ò|arono)", r"colp(?:ì|irono)", r"fer(?:ì|irono)",
           r"massacr(?:ò|arono)", r"spar(?:ò|arono)", r"provoc(?:ò|arono)", r"caus(?:ò|arono)"],
    "fr": [r"tu(?:é|ée|és|ées|e|ent|ant|er|èrent|a)", r"attaqu(?:é|e|ent|ant|èrent)",
           r"bombard(?:é|e|ent|ant)", r"abattu\w*", r"assassin(?:é|e|ent|ant)\w*",
           r"frapp(?:é|e|ent|ant)", r"lanc(?:é|e|ent)", r"tir(?:é|e|ent)", "ouvert le feu",
           r"massacr(?:é|e|ent)\w*", r"bless(?:é|e|ent|ant)", r"perpétr\w*", "commis",
           r"enlev\w*", r"caus(?:é|e|ent|ant)", "fait", "abattre", r"abatt(?:ent|ant)",
           r"neutralis(?:é|ée|és|ées|e|ent|er|ant)", r"élimin(?:é|ée|és|ées|e|ent|er|ant)",
           r"exécut(?:é|ée|és|ées|e|ent|er|ant)"],
    "de": [r"töte(?:t|te|ten)?", "getötet", r"erschoss\w*", "erschossen", r"ermordete\w*",
           "ermordet", "angegriffen", r"griff\w* an", r"bombardier\w*", r"beschoss\w*",
           r"verübt\w*", "verletzte", "verletzten", r"feuert\w*", "abgefeuert", r"schoss\w*",
           r"massakriert\w*", r"überfiel\w*", "überfallen", r"attackiert\w*", "töten",
           r"eliminiert\w*", r"neutralisiert\w*", r"hingerichtet", r"richtete\w* hin"],
    "ru": [r"убил\w*", r"убива\w*", r"убьют", r"атаковал\w*", r"обстрелял\w*", r"напал\w*",
           r"нанес\w*", r"нанёс\w*", r"расстрелял\w*", r"застрелил\w*", r"взорвал\w*",
           r"ранил\w*", r"выпустил\w*", r"запустил\w*", r"ударил\w*", r"совершил\w*",
           r"убит\w*", r"уничтожил\w*", r"ликвидировал\w*", r"казнил\w*"],
    "zh": ["杀害", "杀死", "打死", "炸死", "枪杀", "射杀", "屠杀", "发动", "打伤", "造成", "导致",
           "轰炸", "炮击", "袭击了", "攻击了"],
    "ar": [r"قتل\w*", r"(?:يقتل|تقتل)\w*", r"هاجم\w*", r"قصف\w*",
           r"أطلق\w*", r"شن\w*", r"استهدف\w*", r"اغتال\w*",
           r"نفذ\w*", r"فجر\w*", r"أصاب\w*"],
})  # fmt: skip
#: Verbs of harm that kill only when their object is people: military statements use them
#: of both ("neutralized 12 militants", "уничтожила боевиков", "abatió a dos terroristas"
#: kill; "neutralized a bomb", "уничтожила беспилотник", "eliminierte die Steuer", "abatió
#: un dron" say nothing of a killing). :func:`_harms_a_thing` reads their object.
_KILLS_ONLY_PEOPLE: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"neutrali[sz](?:e|es|ed|ing)", r"eliminat(?:e|es|ed|ing)"],
    "es": [r"abat(?:ió|ieron|ido|idos|ir)", r"(?:neutraliz|elimin)(?:ó|aron|ado|ados|ar)"],
    "fr": [r"neutralis\w*", r"élimin\w*", r"abatt\w*", r"abattu\w*"],
    "de": [r"eliminiert\w*", r"neutralisiert\w*"],
    "ru": [r"уничтожил\w*", r"ликвидировал\w*"],
})  # fmt: skip
#: Verbs of dying or being hurt: their subject suffered the harm ("died", "starben").
_SUFFERS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["died", "dies", "die", "perished", "lost their lives", "lost his life",
           "lost her life"],
    "pt": ["morreu", "morreram", r"falece(?:u|ram)", r"perde(?:u|ram) a vida"],
    "it": [r"(?:è|sono) mort[oiae]", "morì", "morirono", r"(?:ha|hanno) perso la vita"],
    "es": ["murió", "murieron", r"falleci(?:ó|eron)", r"perdi(?:ó|eron) la vida"],
    "fr": [r"(?:sont|est) morte?s?", r"(?:ont|a) péri", r"(?:ont|a) perdu la vie"],
    "de": ["starb", "starben", r"kam(?:en)? ums leben", "gestorben", "umgekommen"],
    "ru": [r"погиб\w*", r"умер\w*", r"скончал\w*"],
    "zh": ["死亡", "丧生", "遇难", "身亡", "罹难", "遇害", "丧命"],
    "ar": [r"(?:لقي|لقوا)\w*", r"(?:مات|ماتوا)"],
})  # fmt: skip
#: The participles of harm of the Romance languages whose agent table holds only the
#: active forms ("asesinados", "muertos", "uccisi", "mortos", "feridos"): after a passive's
#: auxiliary ("fueron asesinados por", "sono stati uccisi da", "foram mortos por") their
#: subject suffered the harm, as "were killed by" tells in English. Read from the words of
#: harm (:mod:`extractor.text.harm`), in the passive only.
_HARMED_PARTICIPLE: Mapping[str, re.Pattern[str]] = cue_patterns(
    {language: words_of(language, "killed", "injured") for language in ("es", "pt", "it")}
)
#: Words right before a verb that put it in the passive ("were killed", "被杀害").
_PASSIVE_BEFORE: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["was", "were", "been", "being", "is", "are", "got", "get"],
    "pt": ["foi", "foram", "sido", "são", "é", "ficaram", "ficou"],
    "it": [r"(?:è|sono) stat[oiae]", r"fu", "furono", r"(?:è|sono)", r"rimast[oiae]"],
    "es": ["fue", "fueron", "sido", r"resultaron", "resultó", "son", "es"],
    "fr": ["été", "sont", "est", "furent", "fut"],
    "de": ["wurde", "wurden", "worden"],
    "ru": ["был", "была", "были", "было", "будут"],
    "zh": ["被", "遭"],
})  # fmt: skip
#: Forms of a verb that are passive by themselves, with no auxiliary: Russian passive
#: participles, short ("что убиты 12 мирных жителей", "убито", "нанесён удар",
#: "уничтожены") or full ("убитых"). Their suffix is -н-/-ен-/-ён- after a vowel, or -т- of
#: "бить" ("убит", "избит"), and a short form's or an adjective's ending; an active verb
#: ends in the -л- of the past or a personal ending, never so.
_PASSIVE_FORM: Mapping[str, re.Pattern[str]] = {
    "ru": re.compile(
        r"\w*(?:[аяеё]нн?|бит)(?:а|о|ы|ый|ая|ое|ые|ого|ому|ой|ом|ую|ых|ым|ыми)?", re.I
    ),
}
#: Words right after a participle that put it in the passive ("getötet wurden").
_PASSIVE_AFTER: Mapping[str, re.Pattern[str]] = cue_patterns({
    "de": ["wurde", "wurden", "worden"],
})  # fmt: skip


#: A word of harm or of the event: before "by" it makes "by X" the doer; a few words before
#: a name with no deed of its own it makes the name the victim ("killed 12 Hamas members").
def _action(language: str) -> re.Pattern[str]:
    """:data:`_ACTION` of ``language``: its words of harm, of the doer's deed and of the event."""
    made = re.compile(
        "|".join(
            f"(?:{p.pattern})"
            for p in (_AGENT.get(language), CASUALTY_CUES.get(language), EVENT_CUES.get(language))
            if p is not None
        ),
        re.I,
    )
    if language == "ar":
        return re.compile(f"(?:{made.pattern})|(?<!\\w)(?:مقتل|إصابة|جرح)(?!\\w)", re.I)
    return made


_ACTION: Mapping[str, re.Pattern[str]] = LazyPatterns(
    (*_AGENT, *CASUALTY_CUES, *EVENT_CUES), _action
)
#: The event right before a name with "of": "l'attaque du Hamas", "el ataque de Al Shabab".
_EVENT_OF: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(
        r"(?<!\w)(?:ataques?|atentados?|bombardeos?|ofensiva)\s+(?:de|del)\s*"
        r"(?:la|los|las)?\s*$"
    ),
    "fr": re.compile(
        r"(?<!\w)(?:attaques?|attentats?|frappes?|bombardements?|offensive)\s+"
        r"(?:de|du|des|d')\s*(?:la|l')?\s*$"
    ),
}
#: Marks a noun phrase described by a relative clause of harm: the event. A character of
#: the Private Use Area, which no folded quote holds, and no word character.
_EVENT_MARK = "\ue000"
#: Nouns of a military or police occasion ("the operation, during which its troops
#: killed 12"): no perpetrator's name (EVENT_CUES would refuse "Special Operations
#: Command"), but a speaker's "its" after one is in the occasion's relative clause.
_OCCASION: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"operations?", r"offensives?", r"incursions?", r"campaigns?", r"missions?"],
    "es": [r"operaci(?:ón|ones)", r"ofensivas?", r"incursi(?:ón|ones)", r"campañas?"],
    "fr": [r"opérations?", r"offensives?", r"incursions?", r"campagnes?"],
    "de": [r"\w*einsatz\w*", r"\w*einsätze\w*", r"\w*operation\w*", r"offensive\w*"],
    "ru": [r"операци\w*", r"наступлени\w*", r"рейд\w*"],
})  # fmt: skip
#: Relative clauses that say what the event did ("the attack that killed 12"): their harm
#: is the event's, not the deed of the name before them. Group 1 keeps the event.
_EVENT_CLAUSES: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(attacks?|bombings?|strikes?|airstrikes?|explosions?|shootings?|"
        r"blasts?|massacres?|raids?|shelling|ambush(?:es)?|assault|incident|"
        r"violence|operations?|offensives?)\s*,?\s+(?:that|which|who|in which)\b[^,;]*"
    ),
    "es": re.compile(
        r"(?<!\w)(atentados?|ataques?|bombardeos?|explosi(?:ón|ones)|tiroteos?|"
        r"masacres?|operaci(?:ón|ones)|ofensivas?)\s*,?\s+(?:que|en (?:el|la) que|donde|el cual|la cual)"
        r"(?!\w)[^,;]*"
    ),
    "pt": re.compile(
        r"(?<!\w)(atentados?|ataques?|bombardeios?|explos(?:ão|ões)|tiroteios?|"
        r"massacres?|operaç(?:ão|ões)|ofensivas?)\s*,?\s+(?:que|em que|no qual|na qual|onde)"
        r"(?!\w)[^,;]*"
    ),
    "it": re.compile(
        r"(?<!\w)(attentat[oi]|attacc(?:o|hi)|bombardament[oi]|esplosion[ei]|sparatori[ae]|"
        r"massacr[oi]|operazion[ei]|offensiv[ae]|raid)\s*,?\s+(?:che|in cui|nel quale|"
        r"nella quale|durante il quale|durante la quale|dove)(?!\w)[^,;]*"
    ),
    "fr": re.compile(
        r"(?<!\w)(attentats?|attaques?|frappes?|bombardements?|explosions?|"
        r"fusillades?|massacres?|opérations?|offensives?)\s*,?\s+(?:qui|dont|où|lors duquel|lors de laquelle|"
        r"au cours duquel|dans lequel|dans laquelle)(?!\w)[^,;]*"
    ),
    "de": re.compile(
        r"(?<!\w)(\w*anschl(?:a|ä)ge?\w*|\w*angriff\w*|explosion\w*|massaker\w*|"
        r"schie(?:ß|ss)erei\w*|\w*einsatz\w*|\w*einsätze\w*|\w*operation\w*|offensive\w*)\s*,\s*(?:(?:bei|durch|nach|in|an)\s+)?"
        r"(?:dem|der|den|die|das|denen|welche[mnrs]?)(?!\w)[^,;]*,?"
    ),
    "ru": re.compile(
        r"(?<!\w)(теракт\w*|нападени\w*|атак\w*|удар\w*|взрыв\w*|обстрел\w*|операци\w*|"
        r"наступлени\w*)"
        r"\s*,\s*(?:в (?:результате )?котор\w+|котор\w+|где|при котор\w+)"
        r"(?!\w)[^,;]*"
    ),
    "zh": re.compile(r"(?:造成|导致|致)[^，。；,;]{0,15}?的(?=袭击|攻击|爆炸|枪击|屠杀|空袭|事件)"),
    "ar": re.compile(
        r"(?<!\w)([وب]?(?:ال)?(?:هجوم|هجمات|تفجير|انفجار|غارة|غارات|اعتداء)\w*)"
        r"\s+(?:الذي|التي|الذين)(?!\w)[^،,؛;]*"
    ),
}


def _names_an_event(name: str, language: str) -> bool:
    """Whether ``name`` holds a noun of an event (:data:`EVENT_CUES`: "the attack", "der
    Anschlag"), but not as a group's name in quotes ("Батальон «Удар»") nor as a Russian
    adjective of the group's noun ("Ударная группа", "Бойцы ударного отряда": a strike
    force is an actor)."""
    for p in with_english(EVENT_CUES, language):
        for found in p.finditer(name):
            if re.search(r"[«“„\"‘]\s*\Z", name[: found.start()]):
                continue
            if language == "ru" and _RU_ADJECTIVE.fullmatch(found.group()):
                continue
            return True
    return False


def perpetrator_problem(name: str, evidence: str, language: str = "en") -> str | None:
    """Why ``name`` cannot be coded as the perpetrator of the toll in ``evidence``, if it cannot.

    A perpetrator is the one the evidence names as having done it (UCDP's
    actor, ACLED's actor1): not the event itself, not a name the evidence
    lacks, and not the government or body that condemns, mourns or reports it,
    nor those who suffered it. Each place the name stands is read by its
    clause (:func:`_role_problem`); the name is the perpetrator if one of them
    says it did the harm, and stays empty otherwise: an unproven perpetrator
    is no perpetrator.
    """
    if _names_an_event(name, language):
        return f"perpetrator {name!r} names the event, not who did it"
    if _names_the_means(name, language):
        return f"perpetrator {name!r} names the means of harm (a weapon, a device), not who did it"
    folded, quote = _composed(name), _composed(evidence)
    places = [m.start() for m in re.finditer(re.escape(folded), quote)] if folded else []
    if not places:
        return f"perpetrator {name!r} is not named in the evidence"
    if not _UNSPACED.search(folded):  # "UN" is not the one in "gunmen"; "Israel" in "Israeli" is
        places = [at for at in places if at == 0 or not quote[at - 1].isalnum()] or places
    problem = None
    for at in places:  # the first place that says it did the harm decides: read no more
        found = _role_problem(quote, at, at + len(folded), language)
        if found is None:
            return None
        problem = problem or found
    return f"perpetrator {name!r} {problem}"


#: Where the head of a name written head last has ended: its complement ("the drone unit
#: of the 3rd Brigade", "die Drohne der Armee", "Pirates aboard boats", "Kämpfer mit
#: Drohnen").
_MEANS_HEAD_ENDS: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\s(?:of|from|in|at|with|on|near|under|that|which|who|aboard|onboard|inside|atop"
        r"|astride|behind|via)\s.*$",
        re.I,
    ),
    "de": re.compile(r"\s(?:der|des|von|vom|aus|in|im|am|mit|auf|an|samt|per|bei|beim)\s.*$", re.I),
}
#: Words that join two noun phrases in one name ("Russian troops and tanks", "Soldaten und
#: Panzer", "soldados y tanques"): each phrase has its own head. A list's comma does too,
#: and ends the first phrase before an apposed participle ("Israeli forces, backed by
#: aircraft").
_MEANS_JOINS: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"\s*,\s*|\s+(?:{words})\s+", re.I)
    for language, words in {
        "en": r"and|or|&|plus|as well as|along with|together with",
        "de": r"und|oder|sowie|samt",
        "es": r"y|e|o|u|junto con",
        "fr": r"et|ou|ainsi que",
        "pt": r"e|ou|junto com",
        "it": r"e|ed|o|oppure|insieme a",
        "ru": r"и|или|а также|вместе с",
    }.items()
}
#: An English participle after the head, before what it does with the means ("Militants
#: driving a car", "RSF fighters using drones") or who backs it ("forces backed by
#: artillery", "a bomb planted by militants"): the first noun phrase, its head, ends there.
_EN_PARTICIPLE = re.compile(r"[a-z]{2,}ing")
_EN_PASSIVE = re.compile(
    r"[a-z]{2,}(?:ed|en)|laid|set|shot|sent|left|put|thrown|hidden|built|dug|hit"
)
_EN_AGENT = frozenset({"by", "with", "on", "in", "from", "aboard", "onto", "into"})
#: Words that open a participle's object or way ("drones attacking the convoy", "jets
#: flying over Gaza"), unlike the head of a compound after a gerund ("a mine clearing team").
_EN_CLAUSE = frozenset({*_EN_AGENT, "over", "across", "above", "toward", "towards", "near",
                        "at", "through", "along", "around", "to", "inside", "behind"})  # fmt: skip
#: Words before an English participle that make it an adjective of the head still to come
#: ("the incoming rockets", "two guided bombs", "a remotely piloted aircraft", "Russian
#: gliding bombs", "North Korea's destabilizing missiles"): a determiner, a number, an
#: adverb, an owner, a state's adjective.
_EN_MODIFIER = re.compile(
    r"(?:the|a|an|this|that|these|those|its|their|his|her|our|some|several|many|two|three"
    r"|four|five|six|\d[\d,.]*|\w+ly|\w+['’]s|\w+s['’])",
    re.I,
)
_EN_STATE_ADJECTIVES = frozenset(adjective.lower() for adjective in ADJECTIVES.values())
#: Languages that write a noun phrase's head first ("coche bomba", "la unidad de drones",
#: "سيارة مفخخة"); Russian after its adjectives ("заминированный автомобиль").
_MEANS_HEAD_FIRST = frozenset({"es", "fr", "pt", "it", "ar", "ru"})
#: Languages that name a kind of thing by a noun in apposition ("coche bomba").
_APPOSED = frozenset({"es", "fr", "pt", "it"})
#: Articles before the head ("la", "l'", "un'", "el"), written elided or whole.
_MEANS_ARTICLE = re.compile(
    r"(?:el|la|los|las|lo|un|una|uno|unos|unas|le|les|une|des|du|il|i|gli|o|a|os|as|um|uma)",
    re.I,
)
#: A Russian adjective before its noun ("Заминированный", "Ракетные").
_RU_ADJECTIVE = re.compile(r"\w+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ых|их)", re.I)


def _names_the_means(name: str, language: str) -> bool:
    """Whether ``name``'s head is a thing and no people (:func:`is_a_means`): a weapon, a
    device, a vehicle ("a car bomb", "the roadside bomb", "artillery fire", "Autobombe",
    "coche bomba", "无人机"). A perpetrator is an actor (ACLED's actor1: a state, a group,
    a person), never the means of its harm. Only the head decides: an actor named with a
    weapon ("the drone unit of the 3rd Brigade", "Hamas's rocket squad",
    "Drohneneinheit", "la unidad de drones", "无人机部队", "Ракетные войска") is one, as
    are people named by one ("mine workers", "homem-bomba", "танкисты",
    "Fallschirmjäger"). A name that joins phrases ("Russian troops and tanks") names the
    means only if each of them does: when in doubt, the actor is kept."""
    text = _composed(name).strip()
    if not text:
        return False
    if language in _UNSPACED_LANGUAGES or _UNSPACED.search(text):
        return any(
            m.end() == len(text.rstrip("。.")) for p in with_english(THINGS, language)
            for m in p.finditer(text)
        )  # fmt: skip
    joins = _MEANS_JOINS.get(language, _MEANS_JOINS["en"])
    parts = joins.split(text)
    cased = joins.split(unicodedata.normalize("NFC", name).strip())
    if len(cased) != len(parts):
        cased = parts  # the fold changed the joins: read no case
    heads = [h for h in map(_means_head, parts, [language] * len(parts), cased) if h]
    return bool(heads) and all(means for _, means in heads)


def _means_head(phrase: str, language: str, cased: str = "") -> tuple[str, bool] | None:
    """The head of one noun phrase of a name and whether it names the means
    (:func:`_names_the_means`); None for a phrase with no head of its own (a participle's,
    "backed by aircraft"). ``cased`` is the phrase as written, before the fold: its case
    tells a name (:func:`_in_a_name`)."""
    cased = cased or phrase
    quantity = _QUANTITY_OF.match(phrase)
    if quantity and phrase[quantity.end() :].strip():  # "a hail of gunfire": the gunfire
        written = _QUANTITY_OF.match(cased)
        stuff = phrase[quantity.end() :]
        found = _means_head(stuff, language, cased[written.end() :] if written else stuff)
        if found is not None and found[1]:
            return found  # else the quantity's own head: "rajadas de metralhadora"
    if language in _MEANS_HEAD_FIRST:
        words = [w for w in re.split(r"[\s'’]+", phrase) if w and not _MEANS_ARTICLE.fullmatch(w)]
        if language == "ru":
            words = [w for w in words if not _RU_ADJECTIVE.fullmatch(w)] or words
        if language in _APPOSED:  # a compound's head is its first noun: "homem-bomba"
            words = [part for w in words for part in w.split("-") if part]
        if not words:
            return None
        head = words[0]
        if _in_a_name(head, cased, language):
            return head, False  # "Os Tiros", "Les Rafales": a group's name
        # "coche bomba", "camion piégé" name a thing in apposition to the head, unless the
        # head is a person ("hombre bomba"); a Russian or Arabic noun after the head is its
        # genitive ("Бригада беспилотников")
        apposed = (
            language in _APPOSED and len(words) > 1 and not is_a_doer(head, language)
            and is_a_means(words[1], language) and not _in_a_name(words[1], cased, language)
        )  # fmt: skip
        return head, is_a_means(head, language) or apposed
    if language == "en":  # the participle first: "a drone launched from Crimea"
        phrase = " ".join(_before_participle(phrase.split()))
    cut = _MEANS_HEAD_ENDS.get(language, _MEANS_HEAD_ENDS["en"]).sub("", phrase)
    words = [w for w in (w.strip('.,;:!?"()') for w in cut.split()) if w]
    if words and _in_a_name(words[-1], cased, language):
        return words[-1], False  # "Giuseppe Salvo", "Die Gruppe Feuer": a name
    return (words[-1], is_a_means(words[-1], language)) if words else None


#: A quantity that heads the phrase of its stuff ("a hail of gunfire", "a volley of
#: rockets", "una lluvia de balas", "une pluie d'obus", "ein Hagel von Granaten"): the
#: stuff after it is the phrase's head.
_QUANTITY_OF = re.compile(
    r"\s*(?:(?:a|an|the|un|una|une|ein|eine|einen|uno|um|uma|la|le|el|il|o)\s+)?"
    r"(?:hail|volley|burst|shower|rain|stream|salvo|barrage|lluvia|andanada|ráfaga|pluie|grêle|"
    r"déluge|salve|rafale|hagel|regen|pioggia|raffica|grandinata|chuva|rajada)s?\s+"
    r"(?:of|de|d['’]|von|di|da)\s*",
    re.I,
)


def _in_a_name(word: str, phrase: str, language: str) -> bool:
    """Whether ``word`` of ``phrase`` is part of a proper name, not a common noun that may
    name the means: in quotes ("Батальон «Удар»"), or capitalised where only a name is
    ("Giuseppe Salvo", "John Rounds", "El grupo Ráfaga", "Les Rafales", "Il clan Colpo"):
    not the phrase's first word, after no country's adjective ("Russian Leopards" are
    tanks). German capitalises every noun: there a word is a name's only after a noun
    ("Die Gruppe Feuer") or a first word that is no article or adjective ("Hans Feuer";
    "Schweres Feuer", "Das Feuer" are the means)."""
    if re.search(rf"[«“„\"'‘]\s*{re.escape(word)}\s*[»”“\"'’]", phrase, re.I):
        return True
    words = [w.strip('.,;:!?"()«»“”„') for w in re.split(r"[\s'’]+", phrase) if w]
    at = next((i for i, w in enumerate(words) if w.casefold() == word.casefold()), 0)
    word = words[at] if words else word
    if at == 0 or not word[:1].isupper() or any(c.isupper() for c in word[1:]):
        return False  # first, lower case, or an acronym ("IEDs", "БПЛА")
    before = words[at - 1]
    if before.lower() in _DEMONYM_WORDS or is_a_thing(before, language):
        return False  # "Russian Leopards", "Artillery Rocket": a kind of the thing
    if language == "en" and _EN_KIND_OF_WEAPON.fullmatch(before):
        return False  # "Chemical Weapons", "Anti-Tank Guided Missiles" as a title writes them
    if language != "de":
        return True
    if not before[:1].isupper():
        return False
    return at > 1 or not (
        _DE_ARTICLE_OR_ADJECTIVE.fullmatch(before) or before.lower() in _DEMONYM_WORDS
    )


#: English names of a country's people, lower case ("russian", "israeli"): a capitalised
#: word after one is a thing of that country, not a name ("Russian Leopards").
_DEMONYM_WORDS = frozenset(w.lower() for words in DEMONYMS.values() for w in words)
#: An English adjective of a kind of weapon, capitalised in a title ("Chemical Weapons",
#: "Intercontinental Ballistic Missile", "Anti-Personnel Landmine", "Air Defense Artillery").
_EN_KIND_OF_WEAPON = re.compile(r"\w+(?:ical|istic|ided)|anti-[\w-]+|nuclear|defen[cs]e", re.I)
#: A German article or adjective before a noun ("Das Feuer", "Schweres Feuer", "Heftiger
#: Beschuss", "Russisches Feuer"); "Peter", "Walter" end as an adjective, but on no stem of one.
_DE_ARTICLE_OR_ADJECTIVE = re.compile(
    r"(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|"
    r"\w*(?:isch|ig|lich|iv|al|ell|end|schwer|stark|dicht|neu|groß|gross|erst|letzt)"
    r"(?:e|es|er|en|em))",
    re.I,
)


def _before_participle(words: list[str]) -> list[str]:
    """The English words of a noun phrase before a participle after its head ("Militants
    | driving a car", "forces | backed by artillery"): an "-ing" form after a noun, or a
    passive one before its agent; not one before the head ("the incoming rockets", "a
    Russian guided bomb"), nor a gerund after a thing that names the head after it ("a
    mine clearing team": when in doubt, the actor)."""
    for at, word in enumerate(words[:-1]):
        after = words[at + 1].lower()
        if _EN_PASSIVE.fullmatch(word) and after in _EN_AGENT:
            return words[:at]
        before = words[at - 1].lower() if at else ""
        modifier = _EN_MODIFIER.fullmatch(before) or before in _EN_STATE_ADJECTIVES
        compound = is_a_thing(before, "en") and not (
            _EN_MODIFIER.fullmatch(after) or after in _EN_CLAUSE
        )
        if at and _EN_PARTICIPLE.fullmatch(word) and not modifier and not compound:
            return words[:at]
    return words


def _composed(text: str) -> str:
    """The package's fold (:func:`normalise_text`) composed again: the word lists are
    written composed ("tué", "أدانت"), which the fold's decomposition would never match."""
    return unicodedata.normalize("NFC", normalise_text(text))


def _role_problem(quote: str, start: int, end: int, language: str) -> str | None:
    """Why the name at ``quote[start:end]`` is not who did the harm, read in its clause.

    In this order: a source ("according to X", "X zufolge", "according to a
    statement released by X") reports it; "by X" after a verb or noun of speaking
    ("condemned by X", "a statement by X") speaks, after one of harm
    ("killed by X") did it; a name that owns the event ("Israeli strikes", "X's
    attack") did it; then the first verb of the name's own clause decides: one
    of harm or attack in the active voice, or a claim of it (:data:`_OWN_CLAIM`:
    "X hat sich zu dem Anschlag bekannt"), it did it ("X launched missiles that
    killed 12, officials said"), one of speaking, it spoke ("X on Tuesday
    condemned the attack that killed 12"; the harm of a relative clause on the
    event, "den Anschlag, bei dem 12 Menschen starben, verurteilt", is the
    event's, not the name's) unless the clause it reports is its own deed ("X
    said it killed 12": :func:`_said_of_itself`), one of denial or blame, or a
    negated deed, it denies ("X denied involvement", "X accused the army of
    killing"), a passive or a verb of dying, it suffered; a name in an aside
    listing the harmed ("including a senior X commander") suffered; without
    one, a verb of speaking right before the name speaks, as verb-first
    languages write ("أدانت مصر الهجوم"), a verb of harm a few words before
    makes it the victim ("killed 12 Hamas members", "killed 12 people at an X
    base"), else the first verb of the rest of the sentence decides.
    """
    if not _UNSPACED.search(quote[start:end]):
        while end < len(quote) and quote[end].isalnum():  # "Israel" read as "Israeli"
            end += 1
    lo = _sentence_start(quote, start)  # a window of the sentence: each place reads as many
    hi = _sentence_end(quote, end)  # words, however long the quote (:data:`_READ`)
    before, after = quote[lo:start], quote[end:hi]
    clause_before = _CLAUSE_BREAK.split(before)[-1]
    unspaced = language in _UNSPACED_LANGUAGES or bool(_UNSPACED.search(quote[start:end]))
    sources = [p.search(clause_before) for p in with_english(SOURCE_CUES, language)]
    sources += [p.match(after) for p in with_english(SOURCE_AFTER_CUES, language)]
    if any(m is not None and _bare(m, language) for m in sources) or _source_statement(
        clause_before, language
    ):
        return "is the source that reports it in the evidence, not who did it"
    by = next(
        (
            m
            for p in with_english(BY_CUES, language)
            for m in [p.search(clause_before)]
            if m and _bare(m, language)
        ),
        None,
    )
    if by is not None and language == "de" and not _PASSIVE_AFTER["de"].search(quote[lo:hi]):
        by = None  # "von" names an agent only in the passive: "zwölf Kämpfer von X" are X's
    if by is not None:
        # "condemned by X", "denied by X", "a statement by X" speak; "killed by X", "claimed
        # by X" did it: the later of the two before "by" decides
        head = before[: len(before) - len(clause_before) + by.start()]
        if _held_in_hands(by, head, language):
            return "holds the harmed in the evidence ('otages aux mains de X'); it did not do it"
        spoke = max(
            (at for cues in (SPEAKS_CUES, _DENIES, _SPEECH_NOUNS)
             if (at := _last(cues, head, language)) is not None),
            default=None,
        )  # fmt: skip
        acted = max(
            (at for cues in (_ACTION, _CLAIMED) if (at := _last(cues, head, language)) is not None),
            default=None,
        )
        if spoke is not None and (acted is None or spoke > acted):
            return "speaks about the attack in the evidence (by whom it is said); it did not do it"
        if acted is not None:
            return None
    if _contrasted(clause_before, language):
        return _DEEDS["contrasted"]
    if _owns_the_event(clause_before, after, language, unspaced):
        return None
    reading = _without_event_clauses(after, language)
    spoken = _verb_first_speech(clause_before, reading, language)
    if spoken is not None:
        return _DEEDS[spoken]
    # its own clause first: "killed 12 Boko Haram fighters, the army said" names who spoke
    # in the next one; a clause of its own with no verb ("France, an ally, condemned")
    # leaves the verbs of the next ones
    own = _CLAUSE_BREAK.split(reading)[0]
    deed = _first_deed(own, language)
    if (
        deed not in (None, "did")
        and not _embeds_report(own, language)
        and _sequenced_deed(_next_clause(quote, hi, reading, own), language)
    ):
        return None  # "vowed revenge, then killed 12", "juró venganza; luego mató"
    if deed is not None:
        done = _said_of_itself(deed, reading, language)
        if done == "spoke" and _own_toll_in_relative(quote[start:end], after, language):
            return None  # "described the raid, in which its fighters killed 12, as a success"
        answered = _answers_the_event(own, language) and not _own_toll_after(reading, language)
        return _DEEDS["answered" if done == "did" and answered else done]
    if _answers_the_event(own, language) and not _own_toll_after(reading, language):
        return _DEEDS["answered"]
    if _among_the_harmed(quote[lo:start], clause_before, after, language):
        return _DEEDS["suffered"]
    near = clause_before[-12:] if unspaced else " ".join(clause_before.split()[-2:])
    if any(p.search(near) for p in with_english(SPEAKS_CUES, language)):
        return "speaks about the attack in the evidence; it did not do it"
    if (
        language == "ar"
        and clause_before.split()
        and _DENIES["ar"].fullmatch(clause_before.split()[-1])
    ):  # "نفت X": the verb before its subject denies
        return _DEEDS["denied"]
    harmed = _last(_ACTION, clause_before, language)
    if harmed is not None:
        between = _without_count_qualifiers(clause_before[harmed:], language)
        words = len(between) if unspaced else len(between.split())
        # German and Arabic put the subject right after its verb ("Laut Polizei tötete X",
        # "قتلت X"): there, only a count between makes X the harmed ("tötete 12 X-Kämpfer").
        counted = language not in _SUBJECT_AFTER_VERB or bool(_COUNTED.search(between))
        verb = clause_before[max(0, harmed - 30) : harmed]
        if language in _MARKED_OBJECT and _ACTIVE_HARM[language].search(verb):
            counted = bool(_MARKED_OBJECT[language].search(between))
        # "lost their lives in the Myanmar military's suppression": a name after "in",
        # "during", or one that owns what follows it, is no object of the harm
        governed = not after.startswith("'s") and not any(
            p.search(between) for p in with_english(_CIRCUMSTANCE, language)
        )
        # "n'a rien fait pour empêcher X de tuer": X is whom the verb of prevention governs
        governed = governed and not _prevented(between + quote[start:end], language)
        if words <= (6 if unspaced else 5) and counted and governed:
            return "is who was harmed in the evidence, not who did it"
        if (
            words <= (5 if language == "en" else 8)
            and not governed
            and _is_a_target(clause_before, after, language)
        ):
            return (
                "is who was harmed in the evidence (the place attacked is its own), not who did it"
            )
    if own.strip() and _coordinated_other_subject(_next_clause(quote, hi, reading, own), language):
        return _DEEDS["another clause"]
    deed = _past_own_relative(reading, language) or _first_deed(reading, language)
    if deed is not None:
        return _DEEDS[_said_of_itself(deed, reading, language)]
    harms = [m.start() for p in with_english(CASUALTY_CUES, language) for m in p.finditer(reading)]
    if harms and _prevented(reading[: max(harms)], language):  # "empêcher X de tuer 12"
        return _DEEDS["prevented"]
    return _harm_of_another_sentence(quote, lo, hi, language)


def _coordinated_other_subject(rest: str, language: str) -> bool:
    """Whether the clause that opens ``rest``, after the name's own clause that tells no
    deed, is joined by a coordinator or a word of sequence ("but", "pero", "mais", "aber",
    "но", "then", "puis", "dann") and has a subject
    of its own before its verb of harm ("pleaded for calm, but *gunmen* killed 12", "but
    on Tuesday, *Hamas* killed", "pero luego mataron *los sicarios* a 12"): that verb is its
    subject's deed, not the name's. Only auxiliaries, adverbs, words of sequence and the
    name's pronoun or possessive may stand between ("but then *its* fighters killed")."""
    if language in _UNSPACED_LANGUAGES:  # no words to tell a subject from an adverbial by
        return False
    coordinator = _COORDINATED.get(language, _COORDINATED["en"])[0]
    contrast = _CONTRAST_COORDINATOR.get(language, _NO_MATCH)
    opening = rest.lstrip(" ,;:\u2013\u2014-")
    sequencer = _SEQUENCER.get(language, _NO_MATCH)
    opener = coordinator.match(opening) or contrast.match(opening) or sequencer.match(opening)
    if opener is None:
        return False
    opening = opening[opener.end() :].lstrip(" ,")
    lead = re.match(r"[^,]{1,25},\s*", opening)  # "but on Tuesday, gunmen killed"
    if lead is not None and len(lead.group().split()) <= _LEAD_WORDS:
        opening = opening[lead.end() :]
    tail = " ".join(opening.split()[:8])
    harm = _first_harm_done(tail, language)
    if harm is None:
        return False
    others = [
        word
        for word in tail[:harm].split()
        if not _adverbial(word, language) and not _refers_back(word, language, before_verb=True)
    ]
    owned = any(_refers_back(word, language, before_verb=True) for word in tail[:harm].split())
    return (bool(others) and not owned) or _new_subject(tail, harm, language, inverted=True)


def _harm_of_another_sentence(quote: str, lo: int, hi: int, language: str) -> str | None:
    """Why a name whose sentence ``quote[lo:hi]`` tells no harm is not who did the harm the
    evidence tells in another sentence, if it is not.

    A deed belongs to the subject of its own sentence: "The government urged restraint.
    Gunmen killed 12" names the gunmen, not the government. Only a later sentence whose
    subject takes the name up ("It killed 12", "Its fighters killed 12", "Luego mataron a
    12") tells the name's deed: that sentence's first verb decides. A sentence that tells
    harm itself, or evidence that tells none, is left as it was read (undecided, kept).
    """
    if _tells_harm(quote[lo:hi], language):
        return None
    following = quote[hi : hi + _READ]
    stop = _SENTENCE_END.match(quote, hi)
    sentence = quote[stop.end() : _sentence_end(quote, stop.end())] if stop else ""
    if (
        sentence.strip()
        and _tells_harm(sentence, language)
        and _takes_up_the_name(sentence, language)
    ):
        deed = _first_deed(sentence, language)
        return _DEEDS[deed] if deed is not None else None
    if not _tells_harm(quote[max(0, lo - _READ) : lo] + " " + following, language):
        return None
    return _DEEDS["another sentence"]


def _tells_harm(text: str, language: str) -> bool:
    """Whether ``text`` holds a word of harm done or suffered (:data:`_AGENT`,
    :data:`CASUALTY_CUES`; in a language the gate has no words for, the participles and
    verbs of harm suffered too: "foram mortos", "sono stati uccisi", "morreram")."""
    return any(
        p.search(text) for cues in (_AGENT, CASUALTY_CUES) for p in with_english(cues, language)
    ) or _suffered_outside_the_gate(text, language)


def _suffered_outside_the_gate(text: str, language: str) -> bool:
    """Whether ``text``, in a language outside :data:`extractor.text.harm.CUE_LANGUAGES`,
    tells harm suffered (:data:`_HARMED_PARTICIPLE`, :data:`_SUFFERS`,
    :data:`_UNGATED_HARM`): the gate's languages read theirs in :data:`CASUALTY_CUES`."""
    if language in CUE_LANGUAGES:
        return False
    return any(
        cues[language].search(text)
        for cues in (_HARMED_PARTICIPLE, _SUFFERS, _UNGATED_HARM)
        if language in cues
    )


def _takes_up_the_name(sentence: str, language: str) -> bool:
    """Whether the subject of ``sentence`` refers back to the subject of the sentence
    before: a pronoun or a possessive of its forces opens it, after adverbials at most ("It
    killed", "Then they killed", "Its fighters killed", "Sus soldados mataron", "Они
    убили", "他们杀死了", "مقاتلوها"); a pronoun or possessive right after a German verb
    opened by an adverbial ("Am Sonntag töteten sie"); or, in Spanish and Arabic, a verb of
    harm with no subject at all before its object ("Luego mataron a 12", "قتلت 12")."""
    opening = sentence.strip()
    lead = re.match(r"[^,\uff0c\u060c]{1,25}[,\uff0c\u060c]\s*", opening)  # "On Tuesday, "
    if lead is not None and len(lead.group().split()) <= _LEAD_WORDS:
        opening = opening[lead.end() :]
    if language in _UNSPACED_LANGUAGES:
        return bool(_ZH_TAKE_UP.match(opening))
    words = opening.split()[:10]
    while words and _adverbial(words[0], language):
        words.pop(0)  # "Then they", "Luego sus soldados"
    if words and _refers_back(words[0], language, before_verb=True):
        return True
    tail = " ".join(opening.split()[:10])
    harm = _first_harm_done(tail, language)
    if harm is None:
        return False
    gap, after = tail[:harm].split(), tail[harm:].split()[1:]
    fronted = language == "de" and bool(gap) and _DE_FRONTED.fullmatch(gap[0]) is not None
    if not fronted and any(not _adverbial(word, language) for word in gap):
        return False
    if after and _refers_back(after[0], language, before_verb=False):
        return True  # "Am Sonntag töteten sie", "luego mataron sus soldados"
    return (
        language in _PRO_DROP
        and bool(after)
        and not _new_subject(tail, harm, language, inverted=True)
    )


#: How many words an opening adverbial before a comma may hold ("On Tuesday,", "El martes,").
_LEAD_WORDS = 4
#: Languages that leave a subject pronoun out: a verb with no subject takes up the last one.
_PRO_DROP = frozenset({"es", "ar"})
#: Chinese pronouns that take up the subject before, at a sentence's start.
_ZH_TAKE_UP = re.compile(r"(?:他们|她们|它们|他|她|它|其)")


def _refers_back(word: str, language: str, *, before_verb: bool) -> bool:
    """Whether ``word`` is a subject pronoun or a possessive that takes up a subject before
    (Russian "его", "их" are possessives only before the verb: after it, objects)."""
    if language == "ar":
        return _AR_TAKE_UP.fullmatch(word) is not None
    if language == "ru" and before_verb and _RU_POSSESSIVE.fullmatch(word):
        return True
    return any(
        pattern is not None and pattern.fullmatch(word) is not None
        for pattern in (
            _SUBJECT_PRONOUN.get(language, _SUBJECT_PRONOUN["en"]),
            _OWN_POSSESSIVE.get(language, _POSSESSIVE if language == "en" else None),
            _FR_POSSESSIVE if language == "fr" else None,
        )
    )


#: Russian possessives of a subject's forces before a verb ("*Его* бойцы убили").
_RU_POSSESSIVE = re.compile(r"его|её|ее|их", re.I)
#: German prepositions that open an adverbial fronted before a verb-second verb ("*Am*
#: Dienstag töteten sie"): the subject follows the verb.
_DE_FRONTED = re.compile(r"am|im|in|an|nach|vor|bei|seit|um|gegen|dann|danach|später", re.I)
#: French possessives of a subject's forces ("Ses soldats ont tué", "Leurs combattants").
_FR_POSSESSIVE = re.compile(r"ses|son|sa|leurs?|nos|notre", re.I)


def _adverbial(word: str, language: str) -> bool:
    """Whether ``word`` may stand before a verb whose subject is left out: an auxiliary,
    an adverb or a word of sequence (:data:`_COORDINATED`, :data:`_SEQUENCER`)."""
    coordinator, gap_word = _COORDINATED.get(language, _COORDINATED["en"])
    sequencer = _SEQUENCER.get(language, _NO_MATCH)
    return any(p.fullmatch(word) for p in (coordinator, gap_word, sequencer))


def _held_in_hands(by: re.Match[str], head: str, language: str) -> bool:
    """Whether a phrase of hands before the name ("aux mains de X", ``by``) says who holds
    the harmed, not who harmed them: French writes both "tués aux mains de X" (killed by X)
    and "otages aux mains de X" (held by X). After an active verb of harm with a subject of
    its own ("une frappe a tué 12 otages aux mains du Hamas", "l'armée a tué 12 civils dans
    un village aux mains des rebelles") the deed has its doer, and the hands hold; after a
    passive, a participle or a verb or noun of dying ("ont été tués aux mains de", "morts
    aux mains de") they did it. English and Spanish write the two apart ("at the hands
    of", "a manos de": by; "in the hands of", "en manos de": held), and only the first is a
    phrase of agency (:data:`BY_CUES`)."""
    if language != "fr" or not by.group().startswith("aux mains"):
        return False
    verbs = [m for m in _AGENT["fr"].finditer(head) if m.group() not in _NOT_A_VERB["fr"]]
    return bool(verbs) and not _is_passive(head, verbs[-1], language)


#: Words of :data:`_AGENT` that also stand as other words ("fait": a fact).
_NOT_A_VERB: dict[str, frozenset[str]] = {"fr": frozenset({"fait"})}


def _verb_first_speech(clause_before: str, reading: str, language: str) -> str | None:
    """What the name did when a verb of speaking, denial or blame stands right before it,
    as Arabic writes a verb before its subject: that verb is the name's, and a verb of harm
    later in the sentence is the deed of whoever its clause names ("قال الجيش إن الشرطة
    قتلت": the army said it; "أدان X قيام Y بقتل": X condemned), unless the speech says the
    harm is the speaker's own ("أعلن الجيش أنه قتل 12": "did"). "denied" for a denial or an
    accusation ("نفى X قتل", "اتهم X Y بقتل"). A verb of harm right before the name with
    its count right after ("قتل الجيش 12 مدنيا") is the name's own deed ("did"), whoever
    speaks in the next clause. None for any other language or verb."""
    if language not in _VERB_FIRST or not clause_before.split():
        return None
    spokesman = _AR_SPOKESMAN.search(clause_before)
    if spokesman is not None:  # "قال المتحدث باسم الجيش إن": the army's spokesman speaks
        return _verb_first_speech(clause_before[: spokesman.start()], reading, language) or (
            _said_of_itself("spoke", f"{spokesman.group()} {reading}", language)
        )
    verb = re.sub(r"^[وف](?=\w{3})", "", clause_before.split()[-1])  # "وقال", "فنفى"
    if _DENIES[language].fullmatch(verb):
        return "denied"
    if SPEAKS_CUES[language].fullmatch(verb):
        return _said_of_itself("spoke", f"{verb} {reading}", language)
    if _AGENT[language].fullmatch(verb) and _COUNTED.search(" ".join(reading.split()[:2])):
        return "did"  # "قتل الجيش 12 مدنيا، قالت الحكومة": the army killed, the government said
    return None


#: An Arabic spokesman of the name after him ("المتحدث باسم الجيش", "ناطق عن الحكومة"), or a
#: body in construct with the name, whose first word has no article ("وزارة خارجية X",
#: "حكومة X"; "اتهمت وزارة الداخلية الشرطة": the police are the accused): the name speaks
#: through them, as the verb before them says.
_AR_SPOKESMAN = re.compile(
    r"(?<!\w)(?:ال)?(?:متحدث|ناطق)(?:ة|ون|ين)?(?:\s+(?:الرسمي|رسمي))?\s+(?:باسم|عن|ل)\s*$"
    r"|(?<!\w)(?:وزار[ةه]\s+(?!ال)\w+|خارجي[ةه]|حكوم[ةه]|رئاس[ةه]|سفار[ةه])\s*$"
)
#: Languages whose clauses put the verb before its subject: a verb of speaking right before
#: a name is that name's.
_VERB_FIRST = frozenset({"ar"})


def _own_toll_in_relative(speaker: str, after: str, language: str) -> bool:
    """Whether a relative clause in the speaker's sentence ``after`` tells harm done by the
    speaker's own (:func:`_reported_deed`): "described the raid, *in which its fighters
    killed 12*, as a success", "calificó el ataque, *en el que sus combatientes mataron a
    12*", "в ходе которого его боевики убили 12". The toll is the speaker's deed, whatever
    it called it; a clause of another subject ("in which the army killed") is not."""
    return any(
        _reported_deed(after[opener.end() :], language) == "did"
        and not _another_owner(speaker, after[: opener.start()], after, language)
        for p in with_english(_RELATIVE_OPENER, language)
        for opener in p.finditer(after)
    )


def _another_owner(speaker: str, head: str, sentence: str, language: str) -> bool:
    """Whether the noun a relative clause hangs on, the end of ``head`` (the words after the
    speaker's name), has an owner other than the ``speaker``: a possessor ("the army's
    raid", "Israel's raid on Jenin"), an agent or owner after it ("the raid by Israeli
    troops", "del ejército", "de l'armée", "der Armee"), or a modifier that names one
    (:func:`_modifier_owner`: "the Israeli raid", "the army raid", "the US strike", "la
    operación israelí", "le raid militaire", "den israelischen Angriff") unless it is the
    speaker's own (:func:`_speakers_own`: Israel's "Israeli operation", Washington's "US
    strike", a government's "army raid"). The relative's "its" or "they" is then that
    owner's, the nearest; a noun with no other owner lends it to the speaker ("described
    the raid, in which its fighters killed 12")."""
    noun_phrase = " ".join(head.split()[1:])  # the speaker's verb first
    if any(p.search(noun_phrase) for p in with_english(_OWNER, language)):
        return True
    words = _modifiers(noun_phrase, language)
    adjective = _ADJECTIVE_OWNER.get(language)
    found = adjective.search(noun_phrase) if adjective else None
    ending = found.group(1) if found else None  # "the Saudi-led raid": known by its ending
    if ending is not None and ending not in words:
        words.append(ending)
    return any(
        not _speakers_own(owner, word, speaker, sentence, language)
        for word in words
        if (owner := _modifier_owner(word, language, word == ending)) is not None
    )


def _speakers_own(owner: str, word: str, speaker: str, sentence: str, language: str) -> bool:
    """Whether the owner a modifier names (``owner`` from :func:`_modifier_owner`) is the
    ``speaker`` itself: the same word in its name ("The IDF said the IDF operation"), the
    same state by any of its names ("Washington", "the Pentagon", "Israeli officials" and
    "the US/Israeli operation": :func:`country_in_text`), or a bare force of no state of its
    own ("the army raid", "la operación militar") when the speaker is a state or a body of
    one ("Nigeria", "the Defence Ministry"), unless the speaker condemns the event
    (:data:`_CONDEMNS`: no state condemns its own army's raid). A non-state speaker ("Hamas",
    "Amnesty") owns no state's or force's event."""
    if word.casefold() in {w.casefold() for w in re.findall(r"\w+", speaker)}:
        return True
    if owner == _OTHER:
        return False
    state = country_in_text(speaker, language) or _FORCE_STATES.get(speaker.split()[-1].casefold())
    if owner != _BARE_FORCE:
        return state == owner
    state_body = state is not None or any(
        p.search(speaker.casefold()) for p in with_english(_STATE_BODY, language)
    )
    condemned = any(p.search(sentence.casefold()) for p in with_english(_CONDEMNS, language))
    return state_body and not condemned


def _modifiers(noun_phrase: str, language: str) -> list[str]:
    """The words of the last noun phrase of ``noun_phrase`` besides its head, after its last
    article or determiner: before the head in English and German ("the *army* raid", "den
    *israelischen* Angriff"), after it in Spanish and French ("la operación *israelí*", "le
    raid *israélien*"). The head is the phrase's last word, or its first in Spanish and
    French."""
    words = re.findall(r"[^\W\d_][\w-]*", noun_phrase)  # "l'attaque": "l", "attaque"
    articles = [  # the last word is the head, never an article ("Einsatz" is no "ein-")
        i for i, word in enumerate(words[:-1]) if _ARTICLE.fullmatch(word) or word in ("l", "d")
    ]
    words = words[articles[-1] + 1 :] if articles else words[-3:]
    if language in _HEAD_FIRST:
        return words[1:]
    return words[:-1]


#: Languages whose adjectives follow the noun they modify ("la operación israelí").
_HEAD_FIRST = frozenset({"es", "fr"})


def _modifier_owner(word: str, language: str, by_ending: bool = False) -> str | None:
    """Who a modifier of an event noun names as having carried it out, or None for a word
    of time, place or manner ("the *deadly* raid", "the *night* raid", "the *Gaza* raid"):
    a state's code ("the *US* strike", "*French*", "israelí", "israélien", "israelischen":
    :func:`country_in_text`; a force of one state, :data:`_FORCE_STATES`: "*IDF*"),
    :data:`_BARE_FORCE` for a state's force or body that names no state (:data:`_STATE_FORCE`:
    "the *army* raid", "el ataque *militar*", "le raid *policier*", "den *militärischen*
    Einsatz"), :data:`_OTHER` for another body or force (:data:`_OWNER_WORD`: "*NATO*",
    "*rebel*") or a listed word of people (:data:`PEOPLE`: "the *jihadist* attack"), or an
    English adjective of no state known by its ending (``by_ending``: "the *Shiite* raid")."""
    folded = word.casefold()
    if folded in _FORCE_STATES:
        return _FORCE_STATES[folded]
    if any(p.fullmatch(word) for p in with_english(_STATE_FORCE, language)):
        return _BARE_FORCE
    if any(p.fullmatch(word) for p in with_english(_OWNER_WORD, language)):
        return _OTHER
    if any(p.fullmatch(word) for p in with_english(PEOPLE, language)):
        return _OTHER  # the listed words only: "recent" is formed as "residents" are
    code = country_in_text(word, language)
    if code is None or language != "en":
        return code if code is not None or not by_ending else _OTHER
    # English puts a place before the noun too ("the Gaza raid", "the Kabul attack"): only
    # the state's adjective or its initials name the state that did it ("Greek", "US")
    adjectives = {ADJECTIVES.get(code, ""), *DEMONYMS.get(code, ())[:1]}
    named = len(word) <= _INITIALS or folded in {a.casefold() for a in adjectives}
    return code if named or by_ending else None


#: What :func:`_modifier_owner` gives for a state's force or body that names no state.
_BARE_FORCE = "force"
#: What :func:`_modifier_owner` gives for an owner that is no state nor a state's force.
_OTHER = "other"
#: Forces that are one state's by their name alone.
_FORCE_STATES: dict[str, str] = {"idf": "ISR", "tsahal": "ISR"}


#: How many letters a state's initials take at most ("US", "UK", "UAE").
_INITIALS = 3


#: What names the owner of a noun inside its phrase (:func:`_another_owner`).
_OWNER: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"\w(?:'s|’s|s'|s’)(?!\w)|(?<!\w)(?:by|of)\s+\S"),
    "es": re.compile(r"(?<!\w)(?:del|de la|de los|de las|por)\s+\w"),
    "fr": re.compile(r"(?<!\w)(?:du|des|de la|de l['’]|par)\s*\w"),
    "de": re.compile(r"(?<!\w)(?:von|durch|des)\s+\w"),
}
#: An English adjective of an owner by its ending, right after the article ("the *Saudi-led*
#: raid", "the *Shiite* attack"): the text is folded to lower case.
_ADJECTIVE_OWNER: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"(?<!\w)(?:the|a|an)\s+(\w+(?:i|ian|an|ese|ish)(?:-led)?)\s+\w+\W*$"),
}
#: A state's forces and bodies that, modifying an event noun, name no state of their own:
#: the speaker's, when the speaker is a state or a body of one (:func:`_speakers_own`).
_STATE_FORCE: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["army", "military", "police", "government", "navy", "air force", "security",
           "state"],
    "es": [r"militar(?:es)?", r"policial(?:es)?", r"gubernamental(?:es)?", r"castrense"],
    "fr": [r"militaires?", r"polici(?:er|ère)s?", r"gouvernementale?s?", r"armée"],
    "de": [r"militärisch\w*", r"polizeilich\w*", r"staatlich\w*", r"\w*armee\w*",
           r"\w*militär\w*", r"\w*polizei\w*", r"\w*regierung\w*"],
    "ru": [r"военн\w*", r"армейск\w*", r"полицейск\w*", r"правительственн\w*"],
})  # fmt: skip
#: Nouns and adjectives of other bodies and forces that, modifying an event noun, name its
#: owner: never a state's speaker ("NATO", "rebel", "enemy").
_OWNER_WORD: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"coalition", "regime", "militia", "nato", "un", "eu", "enemy", "junta", "rebel",
           "insurgent", "guerrilla", "cartel", "gang"],
    "es": [r"rebelde", r"insurgente", r"guerrillera?", r"enemig[oa]", r"yihadista"],
    "fr": [r"rebelle", r"insurgée?", r"ennemie?", r"d?jihadiste"],
    "de": [r"feindlich\w*"],
    "ru": [r"вражеск\w*"],
})  # fmt: skip
#: Words of a speaker that is a state's body ("the Defence Ministry", "the government"),
#: whose bare force ("the army raid") is its state's own.
_STATE_BODY: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:government|ministry|minister|army|military|police|forces|command|president"
        r"|presidency|cabinet|navy|defen[cs]e|interior|authorities|junta)\b"
    ),
    "es": re.compile(
        r"\b(?:gobierno|ministeri[oa]|ministr[oa]|ejército|fuerzas|policía|president[ea]"
        r"|presidencia|autoridades|armada)\b"
    ),
    "fr": re.compile(
        r"\b(?:gouvernement|ministère|ministre|armée|forces|police|président|présidence"
        r"|autorités|état-major)\b"
    ),
    "de": re.compile(
        r"(?:regierung|ministerium|minister|armee|streitkräfte|polizei|präsident|behörden"
        r"|bundeswehr)"
    ),
    "ru": re.compile(r"(?:правительств|министерств|министр|арми|полици|президент|минобороны)"),
}
#: Words of condemnation anywhere in the speaker's sentence: a speaker condemns another's
#: event, never its own ("condemned the army raid", "described it as a massacre"); not
#: "crime", which also names a gang ("a crime gang") its own raid may fight.
_CONDEMNS: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:condemn|denounc|deplor|decr(?:y|ie)|massacre|atrocit)"),
    "pt": re.compile(r"\b(?:conden|denunci|deplor|massacre|atrocidade)"),
    "it": re.compile(r"\b(?:condann|denunci|deplor|massacro|atrocità)"),
    "es": re.compile(r"\b(?:conden|denunci|deplor|masacre|atrocidad)"),
    "fr": re.compile(r"\b(?:condamn|dénon|déplor|massacre|atrocité)"),
    "de": re.compile(r"(?:verurteil|prangert|massaker|gräuel)"),
    "ru": re.compile(r"(?:осуд|осужда|резн|зверств)"),
}


#: What opens a relative clause of the event's place or occasion, whose subject is its own
#: ("in which", "where", "en el que", "lors duquel", "bei dem", "в ходе которого"); not
#: "that", which also opens what a report says ("called reports that its soldiers killed
#: 12 false").
_RELATIVE_OPENER: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"(?:in|during|on|after) which", "where"],
    "pt": [r"(?:em|durante) (?:o|a) qual", r"(?:no|na|em) que", "onde"],
    "it": [r"(?:nel|nella|durante il|durante la) quale", "in cui", "dove"],
    "es": [r"(?:en|durante) (?:el|la) (?:que|cual)", "en que", "donde"],
    "fr": [r"(?:dans|par) (?:lequel|laquelle)", r"lors (?:duquel|de laquelle)",
           r"au cours (?:duquel|de laquelle)", "où"],
    "de": [r"(?:bei|in|während) (?:dem|der|denen)", "wo"],
    "ru": [r"(?:в|во время|в ходе|при) котор\w+", "где"],
})  # fmt: skip


def _next_clause(quote: str, hi: int, reading: str, own: str) -> str:
    """The words after the name's own clause ``own`` of its sentence ``reading``, past a
    semicolon that ends the sentence at ``hi`` ("swore revenge; then it killed 12"): a
    semicolon joins clauses, as a comma does, though the name's sentence stops there."""
    rest = reading[len(own) :]
    if rest.strip() or quote[hi : hi + 1] != ";":
        return rest
    return quote[hi : _sentence_end(quote, hi + 1)]


def _embeds_report(own: str, language: str) -> bool:
    """Whether the name's clause ``own`` ends in a clause it reports or blames on another:
    a word that opens what was said ("that", "que", "dass", "что"), a verb of speaking
    (:data:`SPEECH_VERBS`) with a verb after it ("said troops *stormed* the camp"), or an
    accusation ("accused troops of storming"). A verb sequenced after it ("..., then killed
    12") goes on with the last clause's subject, the reported one, not the name."""
    if _REPORTED_OPENER.search(own) or _ACCUSATION.search(own):
        return True
    words = own.split()
    spoken = [i for i, word in enumerate(words) if word.lower() in SPEECH_VERBS.get(language, ())]
    return bool(spoken) and any(
        _FINITE_PAST.get(language, _NO_MATCH).fullmatch(word) for word in words[spoken[0] + 1 :]
    )


#: Words that open a reported clause.
_REPORTED_OPENER = re.compile(r"(?<!\w)(?:that|que|qu'|qu’|dass|что|чтобы)(?!\w)", re.I)
#: Verbs of accusation, whose object's deed they tell ("accused X of killing", "acusó a X de").
_ACCUSATION = re.compile(r"(?<!\w)(?:accus\w*|acus\w*|beschuldigt\w*|обвини?\w*)(?!\w)", re.I)
#: A finite verb in the past, as a zero-complement reported clause has ("said troops
#: *stormed*"); English only, the other languages open it with "que", "dass", "что".
_FINITE_PAST: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"\w+ed|killed|shot|struck|hit|took|fought|led|fled|sent|made", re.I)
}
_NO_MATCH = re.compile(r"(?!)")


def _sequenced_deed(rest: str, language: str) -> bool:
    """Whether the clause that opens ``rest`` (after a comma or semicolon) goes on with a
    verb of harm of the same subject: a coordinator or a word of sequence first ("*then*
    killed", "*and then* it killed", "*puis* a tué", "*luego* mató", "*dann* tötete sie",
    "*а затем* убили"), then only auxiliaries, adverbs and the subject's pronoun. A verb
    with no subject of its own after "then" has the subject of the verb before it."""
    coordinator, gap_word = _COORDINATED.get(language, _COORDINATED["en"])
    sequencer = _SEQUENCER.get(language)
    opening = rest.lstrip(" ,;:\u2013\u2014-")
    if _verb_then_contrast(opening, language):  # "tötete aber 12", not "tötete aber X 12"
        verb, _, *words = opening.split()
        return not _new_subject(" ".join([verb, *words]), 0, language, inverted=True)
    contrast = _CONTRAST_COORDINATOR.get(language, _NO_MATCH)
    opener = coordinator.match(opening) or contrast.match(opening)
    if opener is not None:
        opening = opening[opener.end() :].lstrip(" ,")
    step = sequencer.match(opening) if sequencer is not None else None
    if step is not None:
        opening = opening[step.end() :]
    elif opener is None:
        return False
    tail = " ".join(opening.split()[:8])
    harm = _first_harm_done(tail, language)
    if harm is None:
        return False
    gap = tail[:harm]
    pronoun = _SUBJECT_PRONOUN.get(language)
    # after a word of contrast or sequence the subject may follow its verb ("stattdessen
    # töteten Rebellen 12", "sin embargo mataron los sicarios a 12")
    inverted = step is not None or (opener is not None and not coordinator.match(opener.group()))
    return (
        all(
            gap_word.fullmatch(word)
            or (pronoun is not None and pronoun.fullmatch(word))
            or (language == "en" and _POSSESSIVE.fullmatch(word))  # "then its fighters"
            for word in gap.split()
        )
        and not _negated(gap, language)
        and not _new_subject(tail, harm, language, inverted=inverted)
    )


def _verb_then_contrast(opening: str, language: str) -> bool:
    """Whether a German clause ``opening`` starts on its finite verb of harm with a word of
    contrast or sequence right after it ("..., *tötete aber* 12", "..., *tötete dann* 12"):
    a clause that opens on its finite verb with no subject before it shares the subject of
    the clause it is joined to, and the word after the verb marks it as such."""
    if language != "de" or _first_harm_done(opening, language) != 0:
        return False
    words = opening.split()
    second = words[1] if len(words) > 1 else ""
    return any(
        p is not None and p.fullmatch(second)
        for p in (_CONTRAST_COORDINATOR.get(language), _SEQUENCER.get(language))
    )


def _new_subject(tail: str, harm: int, language: str, *, inverted: bool) -> bool:
    """Whether the verb of harm at ``tail[harm:]`` has a subject of its own, so it is not
    the deed of the subject before it: in English a bare plural noun of a force before it
    ("then *troops* killed 12"; "then *its* fighters killed" are the subject's own); in
    Spanish, German and Russian, which put a subject after its verb, a noun phrase right
    after the verb that is not its object ("luego mataron *los paramilitares* a 12": no
    personal "a" nor count; "dann töteten *die Rebellen* zwölf": after a word of sequence
    the subject follows the verb; "а затем убили *военные* 12": a nominative plural)."""
    if language == "en":
        return _bare_force_before(tail[:harm])
    after = tail[harm:].split()[1:]
    if not after:
        return False
    first = after[0]
    if inverted and _subject_right_after(after, language):
        return True
    if language == "es":
        marked = _MARKED_OBJECT["es"]
        # the object follows the subject's noun phrase (a determiner, a noun, an adjective
        # at most): "mataron los paramilitares *a* 12", not "atacaron la base y mataron a 12"
        return (
            _ES_DETERMINER.fullmatch(first) is not None
            and not marked.fullmatch(first)
            and any(marked.fullmatch(word) for word in after[2:4])
        )
    if language == "de":
        return inverted and _DE_SUBJECT_ARTICLE.fullmatch(first) is not None
    if language == "ru":
        return not _COUNTED.search(first) and _RU_NOMINATIVE_PLURAL.fullmatch(first) is not None
    return False


def _subject_right_after(after: list[str], language: str) -> bool:
    """Whether the word right after a verb of harm that follows a word of sequence is its
    subject, in the languages that put it there (verb-second German, "dann tötete *Israel*
    12"; Spanish and Russian after "luego", "затем": "luego mató *Israel* a 12", "а затем
    убила *армия* 12"): a name or a noun of people or forces, its object (counted, or
    marked by Spanish "a") right after it, a word or two on. A count, a pronoun of the
    subject before, or the object's marker first is no subject ("dann tötete sie 12",
    "luego mató a 12", "затем убили 12")."""
    first = after[0]
    marker = _MARKED_OBJECT.get(language, _COUNTED)
    if (
        marker.fullmatch(first)
        or _counted(first, language)
        or any(p.fullmatch(first) for p in with_english(_SUBJECT_PRONOUN, language))
        or first in _OBJECT_PRONOUN.get(language, ())
        or _OWN_POSSESSIVE.get(language, _NO_MATCH).fullmatch(first)
    ):
        return False  # "luego mataron *sus* soldados a 12": the subject's own still
    return any(marker.fullmatch(word) or _counted(word, language) for word in after[1:3])


#: Possessives that make a noun after the verb the subject's own forces ("luego mataron
#: *sus* soldados a 12", "dann töteten *ihre* Kämpfer 12", "затем *его* бойцы убили").
_OWN_POSSESSIVE: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(r"sus?|nuestr[oa]s?", re.I),
    "de": re.compile(r"(?:ihr|sein|unser)\w*", re.I),
    "ru": re.compile(r"сво\w+|наш\w*", re.I),
}
#: Object pronouns that may stand right after a verb ("dann tötete *ihn*", "затем убили *их*").
_OBJECT_PRONOUN: dict[str, frozenset[str]] = {
    "es": frozenset({"lo", "la", "los", "las", "le", "les"}),
    "de": frozenset({"ihn", "ihm", "ihnen", "sie", "es", "uns"}),
    "ru": frozenset({"их", "его", "её", "ее", "им", "ему", "ей", "нас"}),
}


def _bare_force_before(gap: str) -> bool:
    """Whether an English gap before a verb holds a noun of a force with no possessive of the
    subject's before it: "troops", "militants" name a new subject; "its fighters", "their own
    forces" are the subject's."""
    words = re.findall(r"[\w'’]+", gap)
    return any(
        _FORCE_NOUN.fullmatch(word) and (i == 0 or not _POSSESSIVE.fullmatch(words[i - 1]))
        for i, word in enumerate(words)
    )


#: Nouns of a force that may stand as a verb's subject (:data:`_OWN_GAP_WORD` lets them
#: through after a possessive: "said its forces had killed").
_FORCE_NOUN = re.compile(
    r"fighters?|forces?|members?|units?|troops?|men|soldiers?|aircraft|jets?|drones?|"
    r"militants?|personnel",
    re.I,
)
#: Possessives that make a force the subject's own ("*its* fighters", "their *own* men").
_POSSESSIVE = re.compile(r"its|their|his|her|our|own", re.I)
#: Spanish determiners that open a noun phrase.
_ES_DETERMINER = re.compile(r"el|la|los|las|un|una|unos|unas", re.I)
#: German articles a subject after its verb opens with ("dann töteten *die* Rebellen").
_DE_SUBJECT_ARTICLE = re.compile(r"der|die|das|ein|eine", re.I)
#: A Russian nominative plural of a noun or adjective of people ("военные", "боевики",
#: "силовики"); the harmed, animate, stand in the accusative like the genitive ("-ов",
#: "-ых", "-ей").
_RU_NOMINATIVE_PLURAL = re.compile(r"\w{2,}(?:ые|ие|ы|и)", re.I)


#: Words of sequence that join a second verb to a subject's first with no coordinator
#: ("vowed revenge, *then* killed 12", "*puis*", "*luego*", "*dann*", "*затем*").
_SEQUENCER: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)
    for language, words in (
        ("en", r"then|afterwards|later|subsequently"),
        ("es", r"luego|después|entonces|más tarde|posteriormente"),
        ("fr", r"puis|ensuite|par la suite|plus tard"),
        ("de", r"dann|danach|anschließend|später|daraufhin"),
        ("ru", r"затем|потом|после этого|позже|позднее"),
    )
}
#: Subject pronouns that may take up the subject of a sequenced verb ("then *it* killed",
#: "dann tötete *sie*").
_SUBJECT_PRONOUN: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"it|they|he|she|we", re.I),
    "es": re.compile(r"ellos|ellas|él|ella", re.I),
    "fr": re.compile(r"il|ils|elle|elles|on", re.I),
    "de": re.compile(r"sie|er|es", re.I),
    "ru": re.compile(r"они|он|она|оно", re.I),
}


def _without_count_qualifiers(text: str, language: str) -> str:
    """``text`` without the words that bound a count ("at least 40", "as many as 12",
    "between 10 and 12", "más de 12", "entre 10 et 12", "zwischen 10 und 12", "не менее
    12"): they are of the count, not a preposition of circumstance ("at", "between") nor
    words that push the harmed past the verb's reach."""
    qualifier = _COUNT_QUALIFIER.get(language)
    return text if qualifier is None else qualifier.sub(" ", text)


def _past_own_relative(reading: str, language: str) -> str | None:
    """The deed of the name's main predicate after a relative clause set off by commas on
    it ("X, *which was falsely accused of the 2019 bombing,* killed 12", "X fighters, *who
    had not been paid,* killed", "X, *que no ha sido sancionado,* mató"): the relative
    clause's negation, blame or passive is of another time, not the name's deed; harm it
    tells is still the name's ("X, *which killed 12 soldiers,* said", "X, *whose fighters
    killed 12,* said"). None without such a clause or a deed after it."""
    found = _OWN_RELATIVE.match(reading)
    if found is None:
        return None
    if _first_deed(found.group(), language) == "did":
        return "did"
    return _first_deed(reading[found.end() :], language)


#: A relative clause on the name set off by commas, a word or two of the name's phrase
#: before it ("X fighters, who"): up to its closing comma.
_OWN_RELATIVE = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s*,\s*(?:which|who|whose|que|quien|quienes|qui|dont|die|der|das|"
    r"welche\w*|котор\w+)(?!\w)[^,;:.]*,",
    re.I,
)


#: What each first verb after a name says of it (None: it did the harm).
_DEEDS: dict[str, str | None] = {
    "did": None,
    "spoke": "speaks about the attack in the evidence; it did not do it",
    "suffered": "is who was harmed in the evidence, not who did it",
    "denied": "denies the attack or lays it on another in the evidence; it did not do it",
    "answered": "acted after the attack in the evidence ('neutralized the suspects after the"
    " attack that killed 12'); it did not do it",
    "claimed else": "takes responsibility for something other than the attack in the evidence"
    " ('took responsibility for security after the attack'); it did not do it",
    "vowed": "vows revenge for or a response to the attack in the evidence; it did not do it",
    "investigated": "investigates the attack in the evidence; it did not do it",
    "another clause": "tells no harm in its own clause; the harm is told of another subject"
    " in the clause joined to it ('X pleaded for calm, but gunmen killed 12'); it did not do"
    " it",
    "another sentence": "tells no harm in its own sentence; the harm in the evidence is told"
    " of another subject in another sentence ('X urged restraint. Gunmen killed 12'); it did"
    " not do it",
    "prevented": "is named in the evidence as failing or trying to prevent the harm"
    " ('failed to stop the rebels from killing 12'); it did not do it",
    "contrasted": "is named in the evidence as not the one who did it ('the army, not X,"
    " carried out the attack'); it did not do it",
}


def _contrasted(clause_before: str, language: str) -> bool:
    """Whether a word of contrast stands right before the name, an article between at most:
    "the army, *not* X, carried out", "*not* X but the army", "*rather than* X", "el
    ejército, *y no* X", "l'armée, *et non* X", "*nicht* X, sondern die Armee", "армия, *а
    не* X": the evidence names it as the one who did *not* do it. "Not only X" adds."""
    words = clause_before.split()
    if words and _ARTICLE.fullmatch(words[-1]):
        words.pop()
    tail = " ".join(words[-2:])
    return any(p.search(tail) for p in with_english(_CONTRAST, language))


#: Words of contrast that deny the name after them the deed (:func:`_contrasted`), at
#: the end of the words before it.
_CONTRAST: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\S)(?:{words})$", re.I)
    for language, words in (
        ("en", r"not|rather than|instead of|neither|nor"),
        ("es", r"no|ni|en lugar de|en vez de|no (?:fue|es|era|son|fueron|eran|ha sido)"),
        ("fr", r"non|pas|ni|plutôt que|au lieu de"),
        ("de", r"nicht|weder|noch|statt|anstatt|anstelle von"),
        ("ru", r"не|ни|вместо"),
    )
}


def _answers_the_event(clause: str, language: str) -> bool:
    """Whether ``clause`` puts its deed after the event whose relative clause tells the
    harm ("neutralized the bomb *after the attack that killed 12*", "tras el atentado que
    mató a 12", "после теракта, в котором погибли"): the toll is the event's, the deed a
    response to it. A deed with a count of its own ("killed 3 gunmen after the attack that
    killed 12") is a toll of its own, and stays."""
    for pattern in with_english(_AFTER_THE_EVENT, language):
        found = pattern.search(clause)
        if found is not None and not _counted(clause[: found.start()], language):
            return True
    return False


def _own_toll_after(reading: str, language: str) -> bool:
    """Whether the name's sentence ``reading`` tells a deed of harm of its own after the
    event it acted after: a participle or a verb of harm outside the event's relative
    clause ("attacked the convoy after the ambush that killed 3, *killing* 12 more",
    "retaliated after the airstrike that killed its leader, *killing* 12 soldiers"): the
    toll is its own, as "killed 3 gunmen after the attack" is."""
    mark = reading.find(_EVENT_MARK)
    if mark < 0:
        return False
    tail = reading[mark + 1 :]
    return any(
        not _is_passive(tail, verb, language)
        for p in with_english(_AGENT, language)
        for verb in p.finditer(tail)
    )


#: Words that put a deed after an event, and the event's noun phrase up to its mark
#: (:data:`_EVENT_MARK`): "after", "following", "in response to", "tras", "après", "nach",
#: "после", "в ответ на".
#: Each word of the phrase is whitespace and non-space up to the mark, so a long token
#: splits one way only: an optional space between repeated words would split it every way
#: (a 60-character URL after "after" took seconds, growing as its length to the 6th). Only
#: the first may touch the preceding word ("à la suite d'attentat").
_TOKEN = f"[^\\s{_EVENT_MARK}]+"
_AFTER_THE_EVENT: Mapping[str, re.Pattern[str]] = {
    language: re.compile(
        rf"(?<!\w)(?:{words})(?!\w)(?:\s*{_TOKEN}(?:\s+{_TOKEN}){{0,5}}?)?\s*{_EVENT_MARK}",
        re.I,
    )
    for language, words in (
        (
            "en",
            r"after|following|in response to|in retaliation for|in reprisal for|"
            r"in the wake of",
        ),
        ("es", r"tras|después de|después del|en respuesta a|en represalia por"),
        ("fr", r"après|à la suite d[eu']|suite à|en représailles à|en riposte à"),
        # "nach (eigenen) Angaben (von)" is "according to", no "after"
        ("de", r"nach(?!\s+(?:\w+\s+)?angaben(?!\w))|nach dem|infolge|als reaktion auf"),
        ("ru", r"после|в ответ на"),
    )
}


def _first_deed(text: str, language: str, *, undenied: bool = False) -> str | None:
    """What the first verb of ``text`` says its subject did: harm or claim it ("did"), speak
    ("spoke"), deny it or blame another ("denied": "denied involvement", "accused the
    army of", "did not kill"), or suffer it ("suffered": "were killed", "died"); None
    without one. A denial negated ("never denied it was behind", "did not deny carrying
    out") denies nothing: what it leaves undenied decides (read once: ``undenied``)."""
    denial = _first_denial(text, language)
    found = {
        "did": min(
            (at for at in (_first_harm_done(text, language),
                           _first_claim(text, language, bare=None))
             if at is not None),
            default=None,
        ),
        "suffered": min(
            (at for at in (_first(_AGENT, text, language, passive=True),
                           _first(_HARMED_PARTICIPLE, text, language, passive=True),
                           _first(_SUFFERS, text, language)) if at is not None),
            default=None,
        ),
        "spoke": min(
            (at for at in (_first(SPEAKS_CUES, text, language), _bare_speech(text, language))
             if at is not None),
            default=None,
        ),
        "denied": min(
            (at for at in (denial, _first(_NEGATED_CLAIM, text, language),
                           _first_thwarted(text, language))
             if at is not None),
            default=None,
        ),
        "claimed else": _first_claim_of_else(text, language),
    }  # fmt: skip
    # a verb that stands apart wins a tie: "launched an investigation" launched no attack
    seen = [(at, 1, deed) for deed, at in found.items() if at is not None]
    seen += [(at, 0, deed) for deed, at in _first_apart(text, language)]
    if not seen:
        return None
    at, kind, deed = min(seen)
    if kind == 0 and _own_deed_after(text, at, language):
        return "did"  # "vowed revenge and killed 12", "lost 12 fighters but killed 30"
    clause = _CLAUSE_BREAK.split(text[:at])[-1]
    negated = _negated(clause, language) and not _another_subject(clause, language)
    if (
        deed == "did"
        and (
            negated
            or _negated_at_the_end(text[at:], language)
            or _failed(clause, language)
            or _failed_before_infinitive(text, at, language)
        )
        and not _affirmed_after_contrast(text, at, language)
    ):
        return "denied"  # "X did not kill", "X n'a pas tué", "X failed to kill"
    if deed == "did" and _prevented(text[:at], language):
        return "prevented"  # "X failed to stop the rebels from killing 12"
    if deed == "denied" and at == denial and negated and not undenied:
        return _undenied(text, at, language)
    return deed


def _prevented(before: str, language: str) -> bool:
    """Whether a verb of prevention or protection (:data:`_PREVENTS`) governs the verb of
    harm that ends ``before``: "failed to *prevent* the militants from killing", "did
    nothing to *stop* them killing", "was unable to *protect* the 12 killed", "no logró
    *impedir* que mataran", "n'a pas pu *empêcher* les rebelles de tuer", "konnte nicht
    *verhindern*, dass ... töteten", "не смогла *помешать* боевикам убить". The harm is
    then the deed of the one kept from it, or the suffering of the one not protected; the
    subject of prevention, whether it failed or not, did not do it (UCDP, ACLED: the
    perpetrator is who the text names as doing the harm, never the state that failed to
    stop it). A coordinator between gives the subject a verb of its own ("stopped a
    convoy *and* killed 12" killed), and a verb of harm right after one of stopping is
    the subject's own ceasing ("has not stopped attacking; it killed 12"), as is one after
    a word of limit (:data:`_OWN_LIMIT`: "did not stop at killing 12"); a clause break
    ends its scope ("rescued 30 hostages, killing 12", "stopped the gunmen, who had
    killed") unless a complementizer opens the governed clause ("verhindern, dass")."""
    coordinator = _COORDINATED.get(language, _COORDINATED["en"])[0]
    for pattern in with_english(_PREVENTS, language):
        for prevention in pattern.finditer(before):
            gap = before[prevention.end() :]
            if (
                gap.strip()
                and not _OWN_LIMIT.fullmatch(gap.strip())
                and not coordinator.search(gap)
                and not re.search(r"[;:.]", gap)
                and all(_PREVENTED_CLAUSE.match(part) for part in _CLAUSE_BREAK.split(gap)[1:])
            ):
                return True
    return False


#: A clause a verb of prevention governs past a comma: "verhindern, *dass*", "помешать,
#: *чтобы*", "impedir, *que*".
_PREVENTED_CLAUSE = re.compile(r"\s*(?:dass|daß|that|que|qu['’]|che|что|чтобы)(?!\w)", re.I)
#: Words between a verb of stopping and one of harm that make the harm the subject's own
#: limit, not another's deed kept from it ("did not stop at killing", "se arrêter à tuer").
_OWN_LIMIT = re.compile(r"(?:at|short of|even at|en|à|bei)", re.IGNORECASE)
#: Verbs of prevention, stopping and protection: the harm they govern is not their
#: subject's (:func:`_prevented`).
_PREVENTS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"prevent(?:s|ed|ing)?", r"stop(?:s|ped|ping)?", r"protect(?:s|ed|ing)?",
           r"halt(?:s|ed|ing)?", r"deter(?:s|red|ring)?", r"sav(?:e|es|ed|ing)",
           r"shield(?:s|ed|ing)?", r"defend(?:s|ed|ing)?", r"rescu(?:e|es|ed|ing)"],
    "es": [r"impedi\w*", r"impid\w*", r"evit\w*", r"deten(?:er|ga|gan)", r"fren(?:ar|ara|aran)",
           r"proteg\w*", r"protej\w*", r"salv(?:ar|ara|aran)", r"defender"],
    "fr": [r"empêch\w*", r"protég\w*", r"proteg\w*", r"arrêter", r"stopper", r"sauver",
           r"défendre", r"prévenir"],
    "de": [r"verhinder\w*", r"schütz\w*", r"geschützt", r"stoppen", r"gestoppt",
           r"aufzuhalten", r"aufhalten", r"zu retten", r"retten", r"abzuhalten", r"abhalten"],
    "ru": [r"помеша\w*", r"предотврат\w*", r"останов\w*", r"защит\w*", r"уберечь",
           r"спасти"],
    "pt": [r"impedi\w*", r"impe[çc]\w*", r"evit\w*", r"proteg\w*", r"det(?:er|ivesse)",
           r"salvar", r"defender"],
    "it": [r"impedi\w*", r"evit\w*", r"protegg\w*", r"protett\w*", r"ferma\w*",
           r"salvare", r"difendere"],
    "zh": ["阻止", "防止", "制止", "保护", "阻挡", "拦住"],
    "ar": [r"منع", r"حماية", r"وقف", r"ردع"],
})  # fmt: skip


def _affirmed_after_contrast(text: str, at: int, language: str) -> bool:
    """Whether the subject of a denied or failed verb at ``at`` does harm of its own after a
    word of contrast (:data:`_CONTRAST_COORDINATOR`): "failed to kill the leader *but
    killed* 12", "did not try to kill him *but killed* 12 by mistake", "未能杀死头目，*但杀死了*
    12名". A denial's scope ends at the contrast; the verb after it, with only auxiliaries,
    adverbs or the subject's pronoun between and no subject of its own, is affirmed."""
    contrast = _CONTRAST_COORDINATOR.get(language)
    if contrast is None:
        return False
    gap_word = _COORDINATED.get(language, _COORDINATED["en"])[1]
    pronoun = _SUBJECT_PRONOUN.get(language)
    for found in contrast.finditer(text, at):
        rest = text[found.end() :].lstrip(" ,;")
        tail = rest if language in _UNSPACED_LANGUAGES else " ".join(rest.split()[:8])
        harm = _first_harm_done(tail, language)
        if harm is None:
            continue
        gap = tail[:harm]
        if (
            all(
                gap_word.fullmatch(word) or (pronoun is not None and pronoun.fullmatch(word))
                for word in gap.split()
            )
            and not _negated(gap, language)
            and not _new_subject(tail, harm, language, inverted=False)
        ):
            return True
    return False


#: Words of contrast that end a denial's scope ("failed to kill him *but* killed 12").
_CONTRAST_COORDINATOR: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"(?<!\w)(?:but|yet|instead|however)(?!\w)", re.I),
    "es": re.compile(r"(?<!\w)(?:pero|sino|sin embargo|en cambio)(?!\w)", re.I),
    "fr": re.compile(r"(?<!\w)(?:mais|pourtant|cependant|en revanche)(?!\w)", re.I),
    "de": re.compile(r"(?<!\w)(?:aber|doch|sondern|jedoch|stattdessen)(?!\w)", re.I),
    "ru": re.compile(r"(?<!\w)(?:но|однако|зато)(?!\w)", re.I),
    "zh": re.compile(r"但是|但|却|然而|不过|可是"),
}


def _undenied(text: str, at: int, language: str) -> str | None:
    """What a negated denial or blame at ``at`` leaves said of its subject. A negated blame
    ("did not blame the army for", "never accused Israel of", "was not to blame for") names
    no doer: it denies. A negated denial affirms only the subject's own deed: one with no
    subject of its own ("did not deny carrying out", "never denied responsibility") or
    the subject's pronoun ("never denied it was behind", "n'a jamais nié avoir tué",
    "не отрицала, что убила"); a clause with a subject of its own ("did not deny that the
    army killed", "no negó que el ejército mató", "не отрицала, что армия убила") names
    another, and the subject only spoke of it: no doer."""
    if any(p.match(text, at) for p in with_english(_BLAMES, language)):
        return "denied"
    rest = text[max(m.end() for p in with_english(_DENIES, language) if (m := p.match(text, at))) :]
    reported = _reported_deed(rest, language)
    if reported is not None:
        return reported
    opener = rest.lstrip(" ,")
    if any(p.match(opener) for p in with_english(_COMPLEMENTIZER, language)):
        return "denied"
    return _first_deed(rest, language, undenied=True)


#: The verbs of :data:`_DENIES` that lay the deed on another ("blamed", "accused",
#: "culpó", "a accusé", "warf vor", "обвинил"): negated, they still name no doer.
_BLAMES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"accus(?:e|es|ed|ing)", r"blam(?:e|es|ed|ing)"],
    "es": [r"acus(?:ó|aron|a|an|ando)", r"culp(?:ó|aron|a|an|ando)",
           r"responsabiliz(?:ó|aron|a|an)", r"(?:ha|han|había|habían) (?:acusado|culpado)"],
    "fr": [r"(?:a|ont) accusé", r"accusé", r"accus(?:e|ent|ant)", r"(?:a|ont) imputé",
           r"imputé", r"imput(?:e|ent)"],
    "de": [r"beschuldig\w*", r"(?:warf|warfen|wirft|werfen)",
           r"(?:machte|machten|macht|machen)"],
    "ru": [r"обвинил\w*", r"обвиня\w*", r"возлож\w* ответственность"],
})  # fmt: skip


def _first_apart(text: str, language: str) -> list[tuple[str, int]]:
    """Where the first verb of each kind of :data:`_APART` is in ``text``, said by its
    subject: in the active voice, not in a relative clause ("X, which the army called a
    terror group, killed 12"; "X, which had vowed revenge, killed 12") and no noun after
    an article ("the call", "the probe")."""
    found = []
    for deed, cues in _APART.items():
        at = min(
            (
                match.start()
                for pattern in with_english(cues, language)
                for match in pattern.finditer(text)
                if not _is_passive(text, match, language)
                and not _after_determiner(text, match.start(), language)
                and not _OPENS_RELATIVE.search(_CLAUSE_BREAK.split(text[: match.start()])[-1])
            ),
            default=None,
        )
        if at is not None:
            found.append((deed, at))
    return found


def _own_deed_after(text: str, at: int, language: str) -> bool:
    """Whether the subject of the verb at ``at`` that stands apart (:data:`_APART`) does harm
    of its own after it: a verb of harm coordinated with it, only auxiliaries and adverbs
    between ("vowed revenge *and then killed* 12", "lost 12 fighters *but killed* 30", "y
    mató", "et a tué", "und tötete", "и убил"), or an English participle after a
    preposition ("called it a victory *after killing* 12"). ACLED codes who did the harm,
    whatever else it did. Reads a few words after each coordinator, and after a word of
    sequence in the subject's own clause only: a verb after "then" in a clause of another
    subject ("vowed revenge *after troops later killed* 12") is that subject's."""
    clause = _CLAUSE_BREAK.split(text[at:])[0]
    for participle in _OWN_PARTICIPLE.finditer(clause):
        if any(p.fullmatch(participle.group(1)) for p in with_english(_AGENT, language)):
            return True
    coordinator, gap_word = _COORDINATED.get(language, _COORDINATED["en"])
    sequencer = _SEQUENCER.get(language)
    # a coordinator joins a verb to the clause's first; a word of sequence may stand in any
    # clause, so only one in the subject's own clause before any subordinate one counts
    own = text[: _own_clause_end(text, at, language)]
    steps = [] if sequencer is None else list(sequencer.finditer(own, at))
    for found in [*coordinator.finditer(text, at), *steps]:
        tail = " ".join(text[found.end() :].split()[:8])
        harm = _first_harm_done(tail, language)
        if harm is None:
            continue
        gap = tail[:harm]
        inverted = found in steps or (sequencer is not None and bool(sequencer.search(gap)))
        if (
            all(gap_word.fullmatch(word) for word in gap.split())
            and not _negated(gap, language)
            and not _new_subject(tail, harm, language, inverted=inverted)
        ):
            return True
    return False


def _own_clause_end(text: str, at: int, language: str) -> int:
    """Where the clause of the verb at ``at`` ends in ``text`` (a clause up to its break):
    at the first word that opens a clause of another subject, a relative or a time or
    cause clause ("vowed revenge *after* troops killed", "juró venganza *cuando* los
    paramilitares mataron"); a word of sequence is none ("y *después* mató")."""
    sequencer = _SEQUENCER.get(language)
    patterns = (
        [_EN_SUBORDINATE] if language == "en" else list(with_english(_ANOTHER_CLAUSE, language))
    )
    ends = (
        m.start()
        for p in patterns
        for m in p.finditer(text, at)
        if m.start() > at and (sequencer is None or not sequencer.match(text, m.start()))
    )
    return min(ends, default=len(text))


#: English words that open a clause of another subject inside a sentence: relatives and
#: conjunctions of time, cause and concession.
_EN_SUBORDINATE = re.compile(
    r"(?<!\w)(?:which|who|whom|whose|that|after|before|when|whenever|while|because|as|since|"
    r"until|where|if|though|although|whereas)(?!\w)",
    re.I,
)


#: Words that open a relative clause, with or without a subject of its own.
_OPENS_RELATIVE = re.compile(
    r"(?<!\w)(?:which|who|whom|that|whose|que|quien|quienes|qui|dont|welche\w*|котор\w+)"
    r"(?!\w)",
    re.I,
)


def _negated(before: str, language: str) -> bool:
    """Whether a negation in ``before`` (a clause up to its verb) negates that verb: only
    auxiliaries, adverbs and other negations stand between them (:data:`_NEGATION_GAP`).
    A negation governs the verb it precedes: "did not *hesitate* to kill", "has not
    *stopped* attacking", "wasted no time and killed" deny another verb, and "not just",
    "no solo", "pas seulement" add to the deed (no gap table: any negation in the clause)."""
    gap_word = _NEGATION_GAP.get(language)
    coordinator = _COORDINATED.get(language, _COORDINATED["en"])[0]
    for pattern in with_english(_NEGATION, language):
        for negation in pattern.finditer(before):
            gap = _without_implicatives(before[negation.end() :], language)
            if gap_word is None and not coordinator.search(gap):  # "zögerte nicht und tötete"
                return True
            if gap_word is not None and _only_adverbials(gap, gap_word, language):
                return True
    return False


def _without_implicatives(gap: str, language: str) -> str:
    """``gap`` without its verbs of ability and attempt (:data:`_IMPLICATIVE`): their
    negation is the deed's ("did not *manage to* kill", "n'a pas *pu* tuer", "не *смогли*
    убить": the killing did not happen), as a verb of reluctance's is not ("did not
    *hesitate* to kill": it did)."""
    implicative = _IMPLICATIVE.get(language)
    return gap if implicative is None else implicative.sub(" ", gap)


def _failed(before: str, language: str) -> bool:
    """Whether ``before`` (a clause up to its verb of harm) says its subject failed at the
    verb: a verb of failure (:data:`_FAILURE`: "failed to", "was unable to", "a échoué à",
    "fue incapaz de", "未能", "не удалось"), then only the words a negation's gap may hold.
    An affirmed failure denies the deed as a negated ability does; a negated one ("did not
    fail to kill") affirms it."""
    gap_word = _NEGATION_GAP.get(language)
    for pattern in with_english(_FAILURE, language):
        for failure in pattern.finditer(before):
            if _negated(before[: failure.start()], language):
                continue  # "did not fail to kill" killed
            if _another_subject(before[: failure.start()], language):
                continue  # "the rebels police were unable to kill killed 12"
            gap = _without_implicatives(before[failure.end() :], language)
            if gap_word is None and _verb_right_after(gap, language):
                return True
            if gap_word is not None and _only_adverbials(gap, gap_word, language):
                return True
    return False


def _verb_right_after(gap: str, language: str) -> bool:
    """Whether a word of failure with no gap table governs the verb of harm right after
    it: in Chinese "未能" / "无法" bound the verb they stand before ("未能杀死", "未能成功杀死"),
    not one of a clause further on ("在警方*未能及时赶到*的情况下杀死了" killed). Two
    characters at most stand between: an adverb of manner."""
    if language in _UNSPACED_LANGUAGES:
        return len(gap.strip()) <= _UNSPACED_ADVERB
    return True  # German: the verb ends its clause, after its objects


#: How many characters an adverb between a Chinese word of failure and its verb may take.
_UNSPACED_ADVERB = 2


def _first_thwarted(text: str, language: str) -> int | None:
    """Where the first infinitive of harm governed by a negated verb of ability or attempt,
    or by one of failure, is in ``text`` ("no *llegaron a matar*", "no *pudo asesinar*",
    "fue incapaz de matar", "n'a pas *essayé de tuer*"): the deed did not happen. Such an
    infinitive is no deed of :func:`_first_harm_done` ("para matar" tells a purpose; "de
    tuer" reads as a noun after an article), so it is read here only."""
    infinitive = _HARM_INFINITIVE.get(language)
    implicative = _IMPLICATIVE.get(language)
    if infinitive is None or implicative is None:
        return None
    for verb in infinitive.finditer(text):
        before = _CLAUSE_BREAK.split(text[: verb.start()])[-1]
        governed = implicative.search(before) or any(
            p.search(before) for p in with_english(_FAILURE, language)
        )
        if _another_subject(before, language):
            continue  # "los rebeldes que la policía no logró abatir mataron"
        if governed and (_negated(before, language) or _failed(before, language)):
            return verb.start()
    return None


def _another_subject(before: str, language: str) -> bool:
    """Whether a verb of failure or a thwarted or negated verb after ``before`` (the clause
    from the name on) has a subject other than the name: a relative clause opens on the
    name with a subject of its own ("los rebeldes *que la policía* no logró abatir", "les
    rebelles *que la police* n'a pas réussi à abattre", "a los que"), or English leaves out
    its relative word and a noun stands between ("the rebels *police* were unable to kill
    killed 12"). The name's deed is the main verb after it; "los rebeldes que no mataron"
    is the name's own."""
    stop = min(
        (
            m.start()
            for cues in (_NEGATION, _FAILURE, _IMPLICATIVE)
            for p in with_english(cues, language)
            for m in [p.search(before)]
            if m is not None
        ),
        default=len(before),
    )
    openers = list(_OPENS_RELATIVE.finditer(before, 0, stop))  # not "did not on *that* day"
    if openers:
        head = before[openers[-1].end() : stop]
    elif language == "en":
        head = before[:stop]
    else:
        return False
    gap_word = _NEGATION_GAP.get(language)
    words = re.findall(r"[\w'’]+", head)
    if not openers and any(_EN_CIRCUMSTANCE.fullmatch(word) for word in words):
        return False  # "X on Monday did not kill": a phrase of time or place, no subject
    return any(
        not (
            (gap_word is not None and gap_word.fullmatch(word))
            or (not openers and (_FORCE_NOUN.fullmatch(word) or _POSSESSIVE.fullmatch(word)))
        )
        for word in words
    )


#: English words that open a phrase of time, place or manner between a subject and its verb
#: ("X *on Monday* did not kill", "X *last week* failed to"): no subject of their own.
_EN_CIRCUMSTANCE = re.compile(
    r"on|in|at|by|for|from|with|during|after|before|since|last|this|that|early|late|"
    r"again|once|however|too|alone|themselves|itself|\d+",
    re.I,
)


#: Infinitives of harm that :func:`_first_harm_done` does not read (:func:`_first_thwarted`).
_HARM_INFINITIVE: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(
        r"(?<!\w)(?:matar|asesinar|atacar|bombardear|disparar|herir|ejecutar|abatir|masacrar|"
        r"secuestrar|eliminar|neutralizar)(?:l[oa]s?|les?)?(?!\w)",
        re.I,
    ),
    # after "de", read as an article by :func:`_first_harm_done` ("essayé de tuer")
    "fr": re.compile(
        r"(?<!\w)(?:tuer|assassiner|attaquer|abattre|bombarder|exécuter|massacrer|enlever|"
        r"blesser|éliminer|neutraliser)(?!\w)",
        re.I,
    ),
}


def _failed_before_infinitive(text: str, at: int, language: str) -> bool:
    """Whether a German "zu" infinitive at ``at`` is the object of a negated verb of ability
    or attempt, or of failure, in the clause before its comma ("schaffte es nicht, die
    Geiseln *zu töten*", "wagte nicht, ... zu töten", "scheiterte daran, ... zu töten"):
    the deed did not happen."""
    if language != "de":
        return False
    clauses = _CLAUSE_BREAK.split(text[:at])
    if len(clauses) < 2 or not re.search(r"(?<!\w)zu\s*$", clauses[-1]):
        return False
    head = clauses[-2]
    implicative = _IMPLICATIVE["de"].search(head)
    negated = implicative is not None and any(
        p.search(head[implicative.end() :]) for p in with_english(_NEGATION, language)
    )
    return negated or any(p.search(head) for p in with_english(_FAILURE, language))


def _negated_at_the_end(clause: str, language: str) -> bool:
    """Whether a German main clause ends on the negation of its finite verb ("X tötete die
    zwölf Soldaten *nicht*"): the verb stands second, its negation at the end of its own
    clause (before a break or a coordinator), not "nicht nur" nor "nicht 10" after a comma."""
    if language != "de":
        return False
    own = _CLAUSE_BREAK.split(clause)[0]
    own = _COORDINATED["de"][0].split(own)[0]
    return bool(_CLAUSE_FINAL_NEGATION.search(own))


#: A German negation that ends its clause: "tötete die Soldaten nicht".
_CLAUSE_FINAL_NEGATION = re.compile(r"(?<!\w)(?:nicht|nie|niemals)\s*[.!?]?\s*$", re.I)


def _only_adverbials(gap: str, gap_word: re.Pattern[str], language: str) -> bool:
    """Whether ``gap``, between a negation and its verb, is of the verb's own clause only:
    words of :data:`_NEGATION_GAP` and a few adverbials of the clause (:data:`_ADVERBIAL`:
    "did not *in fact* kill", "has not *on Monday* killed", "n'a pas *à ce moment-là*
    tué", "no *en ningún momento* mató"), no other verb ("did not *hesitate to* kill").
    Bounded: a long gap is another clause's."""
    words = gap.split()
    if all(gap_word.fullmatch(word) for word in words):
        return True
    adverbial = _ADVERBIAL.get(language)
    if adverbial is None or len(words) > _GAP_WORDS:
        return False
    return all(gap_word.fullmatch(word) for word in adverbial.sub(" ", gap).split())


#: The most words a negation's gap holds with its adverbials (:func:`_only_adverbials`).
_GAP_WORDS = 8


#: Words that open a relative clause: one with a subject of its own between it and its
#: verb ("X, which Israel blames") says nothing of what X did.
_RELATIVE = re.compile(
    r"(?<!\w)(?:which|whom|that|whose|que|qui|dont|которую|которого|которых)(?!\w)"
)


#: English verbs of blame with no object before "of" or "for": the passive of a headline.
_HEADLINE_PASSIVE = re.compile(r"(?:accused|blamed|suspected)\s+(?:of|for)\b", re.IGNORECASE)


def _first_denial(text: str, language: str) -> int | None:
    """Where the first verb of denial or blame of ``text`` is, said by its subject: not in
    the passive ("was accused of"), nor a participle set off by a comma ("X, blamed for
    the attack, ..."), nor in a relative clause of another ("X, which Israel blames")."""
    for pattern in with_english(_DENIES, language):
        for match in pattern.finditer(text):
            head = _CLAUSE_BREAK.split(text[: match.start()])
            relative = [m.end() for m in _RELATIVE.finditer(head[-1])]
            if _is_passive(text, match, language) or (
                relative and head[-1][relative[-1] :].strip()  # "which *Israel* blames"
            ):
                continue
            if len(head) > 1 and not head[-1].strip():
                continue
            if language == "en" and _HEADLINE_PASSIVE.match(text, match.start()):
                continue  # "X accused of killing 12": a headline's passive
            return match.start()
    return None


def _bare(marker: re.Match[str], language: str) -> bool:
    """Whether the words between a marker and the name ("according to *the Palestinian*
    Health Ministry") are no verb: "laut Polizei tötete X" puts X after its own verb."""
    gap = marker.group("gap")
    return not any(
        p.search(gap)
        for cues in (_ACTION, SPEAKS_CUES, _SUFFERS)
        for p in with_english(cues, language)
    )


#: Arabic nouns of a speaker's forces, in the form a possessive suffix attaches to
#: ("مقاتلي" of "مقاتليها", "قوات", "عناصر", "جنود"): "قالت X إن مقاتليها قتلوا" is X's claim.
_AR_OWN_FORCES = ("مقاتلي", "قوات", "عناصر", "جنود", "رجال", "مسلحي", "وحدات", "أفراد",
                  "طائرات", "مسيرات", "صواريخ", "مدفعية", "مقاتلات")  # fmt: skip
#: Arabic pronouns and possessive forces ("مقاتلوها", "قواته") that take up a subject.
_AR_TAKE_UP = re.compile(
    rf"(?:هم|هي|هو|(?:{'|'.join(_AR_OWN_FORCES)}|مقاتلو|عناصر|جنود)(?:ها|ه|هم))", re.I
)
#: Verbs by which a speaker denies the attack or lays it on another ("denied involvement",
#: "accused the army of", "negó", "a démenti", "bestritt", "warf der Armee vor", "отрицает",
#: "否认", "نفت"): their subject is no perpetrator. Only in the active voice: "X was
#: accused of" or "blamed on X" name X by the claim.
_DENIES: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"den(?:y|ies|ied|ying)", r"reject(?:s|ed|ing)?", r"accus(?:e|es|ed|ing)",
           r"blam(?:e|es|ed|ing)", r"dismiss(?:es|ed|ing)?", r"refut(?:e|es|ed|ing)",
           r"disown(?:s|ed|ing)?", r"disavow(?:s|ed|ing)?"],
    "pt": [r"neg(?:ou|aram|a|am)", r"rejeit(?:ou|aram|a|am)", r"desment(?:iu|iram)",
           r"acus(?:ou|aram|a|am)", r"culp(?:ou|aram|a|am)", r"responsabiliz(?:ou|aram)"],
    "it": [r"neg(?:ato|a|ano|ò|arono)", r"respint[oi]", r"smentit[oi]", r"smentisce",
           r"accus(?:ato|a|ano|ò|arono)", r"incolp(?:ato|a|ano|ò|arono)"],
    "es": ["negó", "negaron", "niega", "niegan", "negando", r"rechaz(?:ó|aron|a|an|ando)",
           r"desmint(?:ió|ieron)", r"desmienten?", r"acus(?:ó|aron|a|an|ando)",
           r"culp(?:ó|aron|a|an|ando)", r"responsabiliz(?:ó|aron|a|an)",
           r"(?:ha|han|había|habían) (?:negado|rechazado|desmentido|acusado|culpado)"],
    "fr": [r"(?:a|ont) nié", r"nié", "nie", "nient", r"démenti\w*", r"dément\w*",
           r"(?:a|ont) rejeté", r"rejett\w*", r"(?:a|ont) accusé", r"accusé",
           r"accus(?:e|ent|ant)", r"(?:a|ont) imputé", r"imputé", r"imput(?:e|ent)"],
    "de": [r"bestr(?:itt|itten|eitet|eiten)", r"dementier\w*", r"beschuldig\w*",
           r"(?:warf|warfen|wirft|werfen)(?=[^,.;]*\bvor\b)",
           r"(?:wies|wiesen|weist|weisen)(?=[^,.;]*\bzurück\b)",
           r"(?:machte|machten|macht|machen)(?=[^,.;]*\bverantwortlich\b)"],
    "ru": [r"отрица\w*", r"опроверг\w*", r"обвинил\w*", r"обвиня\w*", r"отверг\w*",
           r"возлож\w* ответственность"],
    "zh": ["否认", "指责", "归咎", "指控", "驳斥"],
    "ar": [r"(?:نفى|نفت|ينفي|تنفي)", r"اتهم\w*", r"(?:يتهم|تتهم)\w*"],
})  # fmt: skip
#: What follows "lost" when people were lost: a figure or a word of number ("lost 12
#: fighters", "lost dozens of soldiers", "verlor zwölf Kämpfer", "потерял 12 бойцов").
_LOST_COUNT = (
    r"\d+|at least|more than|about|some|several|many|dozens|hundreds|scores|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|dos|tres|cuatro|cinco|seis|siete|ocho|"
    r"nueve|diez|once|doce|decenas|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|"
    r"dizaines|plusieurs|au moins|al menos|varios|mindestens|zwei|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|zehn|elf|zwölf|dutzende|mehrere|не менее|более|около|нескольк\w*|"
    r"дв\w+|тр\w+|десятк\w*"
)
#: Verbs whose subject stands apart from the attack, by the deed they tell (ACLED and UCDP
#: code as actor who carried out the violence; those who judge, avenge, investigate, disown
#: or lose by it are not): it speaks of it, calling it something or saying another did it
#: ("called the bombing a crime", "alleges the army killed", "calificó", "a qualifié",
#: "bezeichnete als", "назвал"); it vows revenge or a response ("vowed revenge for",
#: "prometió venganza", "a juré de venger", "schwor Rache", "поклялся отомстить"); it
#: investigates ("investigated the attack", "abrió una investigación", "a ouvert une
#: enquête", "ermittelte", "расследует"); it disowns ("distanced itself from", "se
#: desmarcó", "s'est désolidarisé", "distanzierte sich", "открестился"); or it lost its
#: people ("lost 12 fighters", "perdió a 12", "a perdu 12", "verlor zwölf", "потерял 12").
#: Each names the kind of :data:`_DEEDS` it tells. Only in the active voice and in the
#: name's own clause, not in a relative one ("X, which the army called a terror group").
_APART: dict[str, Mapping[str, re.Pattern[str]]] = {
    "spoke": cue_patterns({
        "en": [r"(?<!-)call(?:s|ed)?(?!\s+(?:in|up|off)\b)", r"describ(?:e|es|ed)",
               r"term(?:s|ed)", r"label(?:s|ed|led)", r"brand(?:s|ed)", r"alleg(?:e|es|ed)",
               r"insist(?:s|ed)?", r"argu(?:e|es|ed)", r"contend(?:s|ed)?"],
        "es": [r"calific(?:ó|aron|a|an)", r"describi(?:ó|eron)", r"describen?",
               r"tild(?:ó|aron|a|an)", r"llam(?:ó|aron)", r"asegur(?:ó|aron|a|an)",
               r"sostuvo", r"sostuvieron", r"sostienen?", r"insisti(?:ó|eron)", r"insisten?",
               r"aleg(?:ó|aron|a|an)"],
        "fr": [r"(?:a|ont) qualifié", r"qualifi(?:e|ent)", r"(?:a|ont) décrit", r"décri(?:t|vent)",
               r"(?:a|ont) assuré", r"assur(?:e|ent)", r"(?:a|ont) soutenu", r"soutien(?:t|nent)",
               r"(?:a|ont) insisté", r"insist(?:e|ent)", r"(?:a|ont) allégué", r"allègu(?:e|ent)"],
        "de": [r"bezeichne\w*", r"nannten?", r"nennt", r"beharrte\w*", r"betonte\w*",
               r"unterstellte\w*"],
        "ru": [r"назвал\w*", r"назыв\w*", r"охарактеризовал\w*", r"настаива\w*",
               r"настоял\w*", r"уверя\w*"],
    }),
    "vowed": cue_patterns({
        "en": [r"vow(?:s|ed)?", r"pledg(?:e|es|ed)", r"promis(?:e|es|ed)", r"swor[en]",
               r"swears?", r"threaten(?:s|ed)?"],
        "es": [r"prometi(?:ó|eron)", r"prometen?", r"jur(?:ó|aron)", r"amenaz(?:ó|aron|a|an)"],
        "fr": [r"(?:a|ont) promis", r"promet(?:tent)?", r"(?:a|ont) juré", r"jur(?:e|ent)",
               r"(?:a|ont) menacé", r"menac(?:e|ent)"],
        "de": [r"schw(?:or|oren|ört)", r"versprach\w*", r"verspricht", r"drohte\w*", r"droht"],
        "ru": [r"пообещал\w*", r"обеща\w*", r"поклял\w*", r"клян\w*", r"пригрозил\w*",
               r"угрожа\w*"],
    }),
    "investigated": cue_patterns({
        "en": [r"investigat(?:e|es|ed)", r"prob(?:e|es|ed)", r"look(?:s|ed)? into",
               r"(?:open|launch|start|order)(?:s|ed)? an? (?:\w+ )?(?:investigation|inquiry|probe)"],
        "es": [r"investig(?:ó|aron|a|an)",
               r"(?:abri(?:ó|eron)|inici(?:ó|aron)|orden(?:ó|aron)) una (?:\w+ )?investigación",
               r"indag(?:ó|aron|a|an)"],
        "fr": [r"(?:a|ont) enquêté", r"enquêt(?:e|ent)",
               r"(?:a|ont) (?:ouvert|lancé|ordonné) une (?:\w+ )?enquête",
               r"ouvr(?:e|ent) une (?:\w+ )?enquête"],
        "de": [r"ermittel\w*", r"ermittelt", r"untersuch(?:te|ten|t)",
               r"(?:leitete|leiteten|leitet|eröffnete|eröffneten) (?:\w+ )?(?:Ermittlung|Untersuchung)\w*"],
        "ru": [r"расследу\w*", r"расследовал\w*", r"возбудил\w* (?:уголовное )?дело",
               r"начал\w* (?:\w+ )?расследование"],
    }),
    "denied": cue_patterns({
        "en": [r"distanc(?:e|es|ed) (?:itself|themselves|himself|herself)",
               r"dissociat(?:e|es|ed) (?:itself|themselves|himself|herself)"],
        "es": [r"se (?:desmarc|distanci|desvincul)(?:ó|aron|a|an)"],
        "fr": [r"(?:s'est|se sont) (?:désolidarisé|distancié|démarqué)\w*",
               r"se (?:désolidaris|distanci|démarqu)(?:e|ent)"],
        "de": [r"distanzier\w*"],
        "ru": [r"дистанцировал\w*", r"открестил\w*", r"отмежевал\w*"],
    }),
    "suffered": cue_patterns({
        "en": [rf"los(?:e|es|t)(?=\s+(?:{_LOST_COUNT}|its|their|his|her|our)\b)"],
        "es": [rf"perdi(?:ó|eron)(?=\s+(?:a\s+)?(?:{_LOST_COUNT}|sus?)(?!\w))",
               rf"(?:ha|han) perdido(?=\s+(?:a\s+)?(?:{_LOST_COUNT}|sus?)(?!\w))"],
        "fr": [rf"(?:a|ont) perdu(?=\s+(?:{_LOST_COUNT}|ses|son|sa|leurs?)(?!\w))"],
        "de": [rf"verlor(?:en)?(?=\s+(?:{_LOST_COUNT}|seine\w*|ihre\w*)(?!\w))"],
        "ru": [rf"потерял\w*(?=\s+(?:{_LOST_COUNT}|сво\w+|сво\w+)(?!\w))"],
    }),
}  # fmt: skip
#: Nouns of what was said: "by X" after one names its speaker ("according to a statement
#: by X", "un comunicado emitido por X"), not who did the harm.
_SPEECH_NOUNS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"statements?", r"communiqu[eé]s?", r"spokes(?:man|men|woman|women|person|people)",
           r"announcements?", r"messages?", r"videos?", r"tweets?", "press release",
           r"declarations?", r"interviews?", r"tall(?:y|ies)", "figures", r"estimates?",
           r"bulletins?", r"briefings?"],
    "pt": [r"comunicados?", r"declaraç(?:ão|ões)", r"relatórios?", r"porta-vozes?",
           r"mensagens?", r"anúncios?", r"balanços?", "números", "dados"],
    "it": [r"comunicat[oi]", r"dichiarazion[ei]", r"rapport[oi]", r"portavoce",
           r"messaggi[o]?", r"annunci[o]?", r"bilanci[o]?", "cifre", "dati"],
    "es": [r"comunicados?", r"declaraci(?:ón|ones)", r"informes?", r"portavo(?:z|ces)",
           r"mensajes?", r"anuncios?", r"v[íi]deos?", r"balances?", "cifras", "datos"],
    "fr": [r"communiqués?", r"déclarations?", r"porte-parole", r"messages?", r"vidéos?",
           r"annonces?", r"bilans?", "chiffres", r"données"],
    "de": [r"erklärung\w*", r"mitteilung\w*", r"bericht\w*", r"sprecher\w*", r"video\w*",
           r"angaben", r"bilanz\w*", r"zahlen"],
    "ru": [r"заявлени\w*", r"сообщени\w*", r"данны\w*", r"видео", r"пресс-служб\w*"],
    "ar": [r"بيان\w*", r"(?:ال)?متحدث\w*"],
})  # fmt: skip
#: Words of claiming an attack: "claimed by X" did it, as "killed by X" does.
_CLAIMED: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"claim(?:s|ed|ing)?", "responsibility"],
    "es": [r"reivindic\w*", "responsabilidad"],
    "fr": [r"revendiqu\w*", "responsabilité"],
    "de": [r"bekannt\w*", r"bekenn\w*", "verantwortung"],
    "ru": [r"ответственност\w*"],
    "zh": ["负责", "认领"],
    "ar": ["مسؤولية", r"تبن\w*"],
})  # fmt: skip
#: Who says of itself that it did the harm: its pronoun as the subject of the clause its
#: verb of speaking reports ("said it killed", "said its fighters killed", "dijo que sus
#: combatientes", "a déclaré qu'il", "erklärte, sie habe", "заявила, что её бойцы",
#: "表示其"), an infinitive with no subject of its own ("a déclaré avoir tué", "dijo haber
#: matado", "erklärte, zwölf Soldaten getötet zu haben"), or the Spanish verb that drops
#: its pronoun ("dijo que mató", "заявила, что убила"; the group ``bare``: the verb must
#: follow at once, but for the words of :data:`_BARE_GAP`).
_SELF: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"(?<!\w)(?:it|its|they|their|we|our)(?!\w)"),
    "es": re.compile(
        r"(?<!\w)(?:sus?|nuestr[oa]s?|ellos|ellas|haber)(?!\w)"
        r"|(?<!\w)(?P<bare>que)(?!\w)(?!\s+(?:sus?|nuestr[oa]s?|ellos|ellas)(?!\w))"
    ),
    "pt": re.compile(
        r"(?<!\w)(?:seus?|suas?|nossos?|nossas?|eles|elas)(?!\w)"
        r"|(?<!\w)(?P<bare>que)(?!\w)(?!\s+(?:seus?|suas?|nossos?|nossas?|eles|elas)(?!\w))"
    ),
    "it": re.compile(
        r"(?<!\w)(?:suoi|sue|sua|suo|loro|nostri|nostre|di aver[e]?)(?!\w)"
        r"|(?<!\w)(?P<bare>che)(?!\w)(?!\s+(?:i suoi|le sue|la sua|il suo|i loro|loro)(?!\w))"
    ),
    "fr": re.compile(r"(?<!\w)(?:qu'(?:il|elle)s?|ses|son|sa|leurs|avoir)(?!\w)"),
    "de": re.compile(
        r"(?<!\w)(?:sie|er|wir|ihre?[mnrs]?|seine?[mnrs]?|unsere?[mnrs]?)(?!\w)"
        r"|^(?=[^.;]*\bzu haben\b)"
    ),
    "ru": re.compile(
        r"(?<!\w)(?:она|он|они|мы|её|ее|его|их|сво\w+|наш\w*)(?!\w)"
        r"|(?<!\w)(?P<bare>что)(?!\w)(?!\s+(?:она|он|они|мы|её|ее|его|их|сво\w+|наш\w*)(?!\w))"
    ),
    "zh": re.compile(r"(?:其|他们|我们|该组织)"),
    # "إنها", "أنه"; or the speaker's own forces, a possessive suffix on them: "إن مقاتليها",
    # "أن قواته", "إن عناصرها" (:data:`_AR_OWN_FORCES`)
    "ar": re.compile(
        rf"(?<!\w)(?:إ|أ|ا)ن(?:(?:ها|ه|هم)|\s+(?:{'|'.join(_AR_OWN_FORCES)})(?:ها|ه|هم))(?!\w)"
    ),
}
#: What may stand between a bare "que" / "что" and the verb whose dropped subject is the
#: speaker: auxiliaries, negation, object clitics and a few adverbs ("dijo que los había
#: matado", "заявила, что также убила"). Any other word is a subject of its own ("dijo que Israel mató",
#: "заявила, что армия убила") or another verb ("заявили, что ищут тех, кто убил").
_BARE_GAP: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(
        r"(?:ha|han|había|habían|hubo|hubieron|habría|habrían|no|nunca|también|ya|además"
        r"|ayer|hoy|anoche|lo|la|los|las|le|les|\w+mente)",
        re.I,
    ),
    "ru": re.compile(
        r"(?:не|также|тоже|уже|ранее|вновь|снова|сама|сами|сам|именно|успешно|вчера|сегодня"
        r"|ночью)",
        re.I,
    ),
}
#: An adverbial of time, place or occasion between a bare "что" / "que" and its verb ("что
#: в ходе операции уничтожило", "во вторник", "que durante la operación abatió"): a
#: preposition (or a compound one, "в ходе", "во время") and the one noun it governs, with
#: an adjective before it; a subject is never governed by a preposition, so the word after
#: the phrase still decides ("что в Дагестане боевики убили" names another).
_ADVERBIAL: Mapping[str, re.Pattern[str]] = {
    "ru": re.compile(
        r"(?<!\w)(?:в ходе|во время|в результате|в рамках|в течение|в|во|на|при|после|до|с|со|"
        r"по|под|около|возле|у)\s+(?:\w+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|"
        r"ом|ем|ую|юю|ых|их|ыми|ими)\s+)?\w+(?!\w)",
        re.I,
    ),
    "es": re.compile(
        r"(?<!\w)(?:durante|tras|en|con|desde|antes de|después de)\s+"
        r"(?:(?:el|la|los|las|un|una|su|sus|ningún|ninguna|algún|alguna|ese|esa|este|esta)"
        r"\s+)?\w+(?!\w)"
        r"|(?<!\w)el\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)(?!\w)",
        re.I,
    ),
    # a preposition and at most two words of no clause ("in fact", "at any point", "on
    # Monday", "after all", "as alleged"), or a phrase of time ("this time", "so far")
    "en": re.compile(
        r"(?<!\S)(?:(?:in|at|on|as|after|for|by|during|from|until|since|under|without|with)"
        r"(?:\s+(?:the|an?|this|that|these|those|any|no|some|each|every|its|their|his|her)"
        r"(?!\S))?"
        r"\s+(?!(?:and|or|but|that|which|who|when|while|because|it|they|he|she|we|to)"
        r"(?!\S))[\w'-]+"
        r"|(?:this|that|last|each|every|any)\s+(?:time|week|month|year|day|morning|night)"
        r"|so far|as yet|any more|any longer|again|anymore|personally)(?!\S)",
        re.I,
    ),
    # "à ce moment-là", "du tout", "en aucun cas", "non plus", "lui-même"
    "fr": re.compile(
        r"(?<!\S)(?:(?:à|au|aux|du|de|des|en|dans|par|pour|sur|lors|depuis|pendant)"
        r"(?:\s+(?:le|la|les|ce|cet|cette|ces|aucun|aucune|un|une|son|sa|ses|leurs?)(?!\S))?"
        r"\s+(?!(?:et|ou|mais|qui|que|qu'|quand|il|elle|ils|elles)(?!\S))[\w'-]+"
        r"|non plus|[\w]+-mêmes?|personnellement)(?!\S)",
        re.I,
    ),
}
#: Words before a verb that deny it ("it did not kill", "no mató", "n'a pas tué", "nicht
#: getötet", "не убивала", "没有", "لم").
#: "Not only" affirms what it adds to ("не только стоит за", "nicht nur"): no denial.
_NEGATION: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"not(?!\s+(?:only|just|merely|simply)\b)", "never", r"\w+n't", "no", "nothing",
           "neither", "nor"],
    "pt": [r"não(?!\s+(?:só|somente|apenas)(?!\w))", "nunca", "nada", "nem", "jamais"],
    "it": [r"non(?!\s+(?:solo|soltanto)(?!\w))", "mai", "niente", "nulla", "né"],
    "es": [r"no(?!\s+(?:s[oó]lo|solamente|únicamente)(?!\w))", "nunca", "nada", "ni", "tampoco"],
    "fr": ["ne", "n'", "pas", "jamais", "rien", "ni"],
    "de": [r"nicht(?!\s+nur\b)", "nie", "niemals", r"kein\w*", "nichts"],
    "ru": [r"не(?!\s+только(?!\w))", "ни", "никогда"],
    "zh": ["没有", "并未", "未曾", "并非"],
    "ar": ["لم", "لا", "لن", "ليس"],
})  # fmt: skip
#: Words that may stand between a negation and the verb it negates: auxiliaries, clitics,
#: adverbs and other negations ("did not *directly* kill", "n'*a pas* tué", "no *lo ha*
#: matado", "*никогда* не"); not the words that make it add ("not *just*", "no *solo*",
#: "pas *seulement*", "не *просто*"). A verb of another kind there takes the negation
#: ("did not *hesitate* to kill"). German puts its object between ("hat *die Soldaten*
#: nicht getötet"): it, and the languages not here, read any negation of the clause.
_NEGATION_GAP: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?!(?:only|just|merely|simply|solely|exclusively)$)"
        r"(?:was|were|is|are|be|been|being|had|has|have|would|will|could|should|might|may|"
        r"must|can|did|do|does|not|never|no|ever|\w+n't|\w+ly|also|then|yet|already|itself|"
        r"themselves|himself|herself|even|once|to|known|believed|thought|said|reported|"
        r"suspected|alleged)",
        re.I,
    ),
    "es": re.compile(
        r"(?!(?:s[oó]lo|solamente|únicamente|simplemente)$)"
        r"(?:no|nunca|jamás|ni|tampoco|ha|han|había|habían|hubo|habría|habrían|fue|fueron|era|eran|"
        r"es|son|está|están|estaba|estaban|lo|la|los|las|le|les|se|nos|ya|todavía|aún|"
        r"\w+mente)",
        re.I,
    ),
    "fr": re.compile(
        r"(?!(?:seulement|uniquement|simplement)$)(?:[lsnmtj]')?"
        r"(?:ne|pas|jamais|plus|rien|a|ont|avait|avaient|aurait|auraient|est|sont|était|"
        r"étaient|été|la|le|les|lui|leur|se|y|en|encore|\w+ment)",
        re.I,
    ),
    "ru": re.compile(
        r"(?!(?:только|просто|лишь)$)"
        r"(?:не|ни|никогда|был|была|было|были|уже|ещё|еще|также|тоже|сам|сама|сами|само|"
        r"лично|напрямую|непосредственно|вообще|якобы|стал|стала|стало|стали)",
        re.I,
    ),
}
#: Verbs of ability, attempt and daring, with the word that joins their infinitive:
#: implicative verbs, whose negation denies the verb they govern ("did not manage to kill",
#: "never succeeded in killing", "was not able to", "did not dare / try / attempt to"; "n'a
#: pas pu / réussi à / osé / essayé de / tenté de", "n'est pas parvenu à"; "no pudo / logró
#: / consiguió / llegó a / se atrevió a / intentó"; "konnte / schaffte es / wagte /
#: versuchte nicht"; "не смогли / сумели / успели / решились / пытались / удалось"). A
#: negation passes through them to the verb of harm (:func:`_negated`).
_IMPLICATIVE: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?<!\S)(?:manag(?:e|es|ed|ing)|succeed(?:s|ed|ing)?(?:\s+in)?|able|"
        r"dar(?:e|es|ed|ing)|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?)"
        r"(?:\s+to)?(?!\S)",
        re.I,
    ),
    "fr": re.compile(
        r"(?<!\S)(?:pu|pourr\w*|peu(?:t|vent)|pouvai\w*|réussi\w*|parvenu\w*|parvien\w*|"
        r"osé\w*|os(?:e|ent|ait|aient)|essayé\w*|essa(?:ie|ient|yait|yaient)|tenté\w*|"
        r"tent(?:e|ent|ait|aient)|été en mesure|en mesure|capables?)"
        r"(?:\s+(?:à|de|d'))?(?!\S)",
        re.I,
    ),
    "es": re.compile(
        r"(?<!\S)(?:pudo|pudieron|puede|pueden|podía|podían|podido|logr\w+|consigui\w+|"
        r"consegu\w+|lleg(?:ó|aron|a|an|aba|aban|ado)|atrevi\w+|atrev\w+|intent\w+|"
        r"trat(?:ó|aron|a|an|aba|aban|ado)|capa(?:z|ces))"
        r"(?:\s+(?:a|de))?(?!\S)",
        re.I,
    ),
    "de": re.compile(
        r"(?<!\w)(?:konnte\w*|kann|können|schaffte\w*|geschafft|gelang\w*|gelungen|"
        r"wagte\w*|gewagt|versuchte\w*|versucht)(?!\w)",
        re.I,
    ),
    "ru": re.compile(
        r"(?<!\w)(?:смог\w*|смож\w*|мог\w*|сумел\w*|успел\w*|решил\w*|решал\w*|"
        r"пыта\w*|попыта\w*|стара\w*|постара\w*|удал\w*|получилось|сможет|смогут)(?!\w)",
        re.I,
    ),
}
#: Verbs of failure, with the word that joins their infinitive: affirmed, they deny the
#: verb of harm they govern ("failed to kill", "was unable to", "a échoué à", "fue incapaz
#: de", "scheiterte daran", "未能", "не удалось" is a negated ability).
_FAILURE: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"fail(?:s|ed|ing)? in (?:its|their|his|her) attempts? to",
           r"fail(?:s|ed|ing)?(?:\s+to|\s+in)?", r"unable(?:\s+to)?",
           r"incapable(?:\s+of)?"],
    "fr": [r"(?:a|ont|avait|avaient) échoué dans (?:sa|leur) tentative de",
           r"(?:a|ont|avait|avaient) échoué(?:\s+à)?", r"échou(?:e|ent)(?:\s+à)?",
           r"incapables?(?:\s+de|\s+d')?", r"impuissants?(?:\s+à)?"],
    "es": [r"fracas(?:ó|aron|a|an) en (?:su|sus) intentos? de",
           r"fracas(?:ó|aron|a|an)(?:\s+en)?", r"incapa(?:z|ces)(?:\s+de)?",
           r"fall(?:ó|aron)(?:\s+en|\s+al)?"],
    "de": [r"scheiterte\w*", r"gescheitert", r"(?:war|waren) (?:nicht in der lage|unfähig)"],
    "zh": ["未能", "没能", "未能够", "无法", "没有能够", "未遂"],
    "ru": [r"не удал\w*", r"не получилось", r"не в состоянии", r"провалил\w*"],
})  # fmt: skip
#: Words that make a verb's form a noun ("the killing of its fighters"), so no deed.
_DETERMINER: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"(?<!\w)(?:the|a|an|of|this|that|these|those)\s+$"),
    "es": re.compile(r"(?<!\w)(?:el|la|los|las|un|una|del|de)\s+$"),
    "fr": re.compile(r"(?:(?<!\w)(?:le|la|les|un|une|du|des|de)\s+|(?<!\w)l')$"),
    "de": re.compile(r"(?<!\w)(?:der|die|das|den|dem|des|ein\w*)\s+$"),
}
#: The words of one clause up to the zu-object and up to "bekannt" of a German perfect
#: avowal ("hat sich am Dienstag zu dem Anschlag bekannt"): no clause break, no "und".
_SPLIT_AVOWAL = (
    r"(?:\s(?!(?:und|oder|aber|sowie)\s)[^,.;:\s]+){0,12}?\s(?:zu|zum|zur|dazu)"
    r"(?:\s(?!(?:und|oder|aber|sowie)\s)[^,.;:\s]+){0,12}?\sbekannt\b"
)
#: What makes "bekannt" the adjective "known" and no participle of "bekennen": "bekannt
#: gegeben", "bekannt gemacht", "wie bekannt wurde".
_BEKANNT_OTHER = (
    "gegeben|gemacht|geworden|wurden?|werden|worden|ist|sind|war|waren|sei|seien|machen|geben"
)
#: A negation inside the split avowal: "hat sich nicht zu dem Anschlag bekannt".
_SPLIT_NEGATED = r"[^,.;:]{0,160}\b(?:nicht|nie|niemals)\b"
#: Words by which a subject claims the attack as its own, with no verb of harm: "claimed
#: responsibility", "was behind the attack", "reivindicó", "a revendiqué", "bekannte sich
#: zu" and "hat sich zu dem Anschlag bekannt" (the perfect split around its object: the
#: match is "hat sich", the participle of "bekennen" is looked for ahead in its clause, not
#: "bekannt gegeben/gemacht/wurde"; or "sich zu dem Anschlag bekannt hat" of a subordinate
#: clause), "взяла на себя ответственность". UCDP and ACLED code the claimant as the actor:
#: said of the name itself, or in the clause its speech reports ("said it was behind"), it
#: did it; only a claim of the attack counts (:func:`_claims_the_attack`).
_OWN_CLAIM: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"(?:was|were|is|are) behind", r"(?:claim\w*|t[ao]ok\w*|accept\w*) responsibility"],
    "es": [r"(?:estaba|estaban|está|están|estuvo|estuvieron) detrás",
           r"reivindic(?:ó|aron|a|an|aba|aban)",
           r"(?:ha|han|había|habían) reivindicado", r"se atribuy(?:ó|eron|e|en)"],
    "fr": [r"(?:était|étaient|est|sont) derrière",
           r"(?:a|ont|avait|avaient|aurait|auraient) revendiqué",
           r"revendiqu(?:e|ent|ait|aient|a)"],
    "de": [r"(?:steckte|steckten|stecke|stecken|steckt) hinter",
           r"(?:bekannte|bekannten|bekennt|bekennen|bekenne)\s+sich(?!\s+(?:nicht|nie)\b)",
           rf"(?:hat|haben|hatte|hatten|habe|hätte|hätten)\s+sich(?={_SPLIT_AVOWAL}"
           rf"(?!\s+(?:{_BEKANNT_OTHER})\b))(?!{_SPLIT_NEGATED})",
           rf"sich(?={_SPLIT_AVOWAL}\s+(?:hat|haben|hatte|hatten|habe|hätte|hätten)\b)"
           rf"(?!{_SPLIT_NEGATED})"],
    "ru": [r"стоял\w* за", r"сто(?:ит|ят) за", r"взял\w* на себя ответственность",
           r"брал\w* на себя ответственность", r"бер(?:ёт|ет|ут) на себя ответственность"],
})  # fmt: skip
#: An optional English adverb before a word of responsibility ("not *directly* involved"),
#: but not one that adds ("not *only* behind").
_ADVERB = r"(?:(?!(?:only|merely|simply|solely)\s)\w+ly\s+)?"
#: The object of a verb of carrying out that is the event with the toll: a few words up to
#: its mark (:data:`_EVENT_MARK`: "did not order *the attack* that killed 12").
_THE_EVENT = rf"\s+(?:{_TOKEN}\s+){{0,3}}?[^\s{_EVENT_MARK}]*\w(?=\s*{_EVENT_MARK})"
#: A claim of the attack negated inside its own words, where the negation before the verb
#: that :func:`_first_deed` reads cannot see it: "was not behind", "claimed no
#: responsibility", "claimed no role in", "n'était pas derrière", "n'a pas revendiqué",
#: "steckte nicht hinter", "bekannte sich nicht zu", "hat sich nicht zu dem Anschlag
#: bekannt". A negated claim denies the attack, in every language; so does a blame the
#: evidence calls false ("was wrongly blamed for", "was falsely accused of"), and a negated
#: verb of carrying out whose object is the event with the toll ("did not order the attack
#: that killed 12", "no cometió el atentado que mató", "не совершала теракт, в котором").
_NEGATED_CLAIM: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"(?:was|were|is|are|has been|have been|had been)\s+(?:not|never)\s+"
           r"(?:at all\s+|in any way\s+)?"
           r"(?:(?:believed|thought|known|said|suspected|alleged)\s+to\s+(?:be|have been)\s+)?"
           rf"{_ADVERB}(?:behind|responsible|involved)",
           r"(?:has|have|had)\s+(?:not|never)\s+been\s+(?:at all\s+|in any way\s+)?"
           rf"{_ADVERB}(?:behind|responsible|involved)",
           r"(?:was|were|is|are)\s+in\s+no\s+way\s+(?:behind|responsible|involved)",
           r"(?:could|can|should|would)\s+not\s+be\s+blamed|(?:cannot|can't|couldn't)\s+be"
           r"\s+blamed",
           r"(?:was|were|has been|have been|had been)\s+(?:cleared|exonerated)\s+of",
           r"(?:wasn't|weren't|isn't|aren't|was never|were never)\s+"
           r"(?:behind|responsible|involved)",
           r"(?:had|has|have)\s+nothing\s+to\s+do\s+with",
           r"(?:was|were|is|are|has been|have been|had been)\s+(?:wrongly|falsely|unjustly|"
           r"mistakenly|wrongfully|unfairly|erroneously)\s+(?:blamed|accused|named|suspected)",
           r"(?:claim\w*|t[ao]ok\w*|accept\w*|bears?|bore|had|has|have|played|plays)"
           r"\s+no\s+(?:responsibility|role|part|hand)",
           r"(?:(?:did|does|do|has|have|had)(?:n't|\s+not|\s+never)|never)\s+(?:\w+ly\s+)?"
           r"(?:order|plann?|stag|organi[sz]|mount|perpetrat|committ?|plant|fire|set off|"
           rf"detonat|launch|carr(?:y|ied) out|conduct|execut)\w*{_THE_EVENT}"],
    "es": [r"no\s+(?:estaba|estaban|está|están|estuvo|estuvieron)\s+detrás",
           r"no\s+(?:lo\s+|la\s+)?(?:reivindic\w*|(?:ha|han|había|habían) reivindicado)",
           r"no\s+se\s+atribuy\w*",
           r"no\s+(?:es|era|fue|son|eran|fueron|ha sido|han sido)\s+responsables?",
           r"no\s+(?:está|están|estaba|estaban|estuvo|estuvieron|ha estado|han estado)\s+"
           r"(?:implicad|involucrad)\w*",
           r"no\s+(?:tiene|tienen|tenía|tenían|tuvo|tuvieron|ha tenido|han tenido)\s+nada"
           r"\s+que\s+ver",
           r"no\s+(?:particip(?:ó|aron|a|an|aba|aban)|(?:ha|han|había|habían)\s+participado"
           r"|(?:tomó|tomaron|toma|toman)\s+parte)",
           r"no\s+(?:(?:ha|han|había|habían)\s+)?(?:cometi|comet|perpetr|orden|planific|"
           rf"organiz|ejecut|llev(?:ó|aron|ado) a cabo)\w*{_THE_EVENT}"],
    "fr": [r"n'(?:était|étaient|est|sont)\s+(?:pas|jamais|plus)\s+derrière",
           r"n'(?:a|ont|avait|avaient|aurait|auraient)\s+(?:pas|jamais|plus)\s+revendiqué\w*",
           r"ne\s+(?:l'|la\s+|les\s+)?revendiqu\w*\s+(?:pas|jamais|plus)",
           r"n'(?:y\s+)?(?:est|était|sont|étaient|a|ont|avait|avaient)\s+(?:été\s+)?pour\s+rien",
           r"n'(?:(?:est|était|sont|étaient)\s+(?:pas|jamais|nullement|plus)"
           r"|(?:a|ont|avait|avaient|aurait|auraient)\s+(?:pas|jamais|nullement|plus)\s+été)"
           r"\s+(?:responsables?|impliqué\w*|mêlé\w*)",
           r"n'(?:a|ont|avait|avaient)\s+rien\s+à\s+voir",
           r"n'(?:a|ont|avait|avaient)\s+(?:pas|jamais)\s+(?:commis|perpétré|ordonné|planifié|"
           rf"organisé|mené|exécuté)\w*{_THE_EVENT}"],
    "de": [r"(?:steckte|steckten|stecke|stecken|steckt)\s+(?:nicht|nie|niemals)\s+hinter",
           r"(?:bekannte|bekannten|bekennt|bekennen|bekenne)\s+sich\s+(?:nicht|nie|niemals)",
           rf"(?:hat|haben|hatte|hatten|habe|hätte|hätten)\s+sich(?={_SPLIT_AVOWAL})"
           rf"(?={_SPLIT_NEGATED})",
           r"(?:war|waren|ist|sind|sei|seien)\s+(?:[^,.;:\s]+\s+){0,5}?"
           r"(?:nicht(?!\s+nur\b)|nie|niemals)\s+(?:[^,.;:\s]+\s+){0,5}?"
           r"(?:verantwortlich|beteiligt)",
           r"(?:hat|haben|hatte|hatten|habe)\s+nichts\s+mit(?=[^,.;]*\bzu\s+tun\b)"],
    "ru": [r"не\s+(?:стоял\w*|сто(?:ит|ят))\s+за",
           r"не\s+(?:был\w*\s+)?причаст\w*", r"непричаст\w*",
           r"не\s+(?:нес(?:ёт|ет|ут|ла|ли)|несёт)\s+ответственност\w*",
           r"не\s+(?:имеет|имеют|имел\w*)\s+(?:никакого\s+)?отношения",
           r"не\s+(?:брал\w*|взял\w*|бер(?:ёт|ет|ут))\s+на\s+себя\s+ответственность",
           rf"не\s+(?:соверш|организ|планир|устраив|устроил|провод|провел|провёл)\w*{_THE_EVENT}"],
})  # fmt: skip


#: The preposition that opens what a subject's responsibility or avowal is for: after the
#: noun or reflexive on the left ("responsibility *for*", "bekannte sich *zu*",
#: "ответственность *за*", "la responsabilidad *del*"), the claim's object follows it; other
#: claims take theirs right after the verb ("reivindicó el atentado", "was behind it").
_CLAIM_FOR: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    language: (re.compile(rf"(?:{noun})$", re.I), re.compile(rf"(?<!\w)(?:{for_})(?!\w)", re.I))
    for language, noun, for_ in (
        ("en", "responsibility", "for"),
        ("es", "responsabilidad", "de|del|por"),
        ("fr", "responsabilité", "de|du|des|d'"),
        ("de", "sich", "zu|zum|zur|dazu"),
        ("ru", "ответственность", "за"),
    )
}
#: Words that end a claim's object: a coordinated clause or a relative one ("took
#: responsibility for security *and* said", "is behind the convoy *that* was attacked").
_OBJECT_END: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["and", "but", "or", "that", "which", "who", "while", "after", "before", "when",
           "following", "during", "amid", "where"],
    "es": ["y", "e", "pero", "o", "que", "quien", "quienes", "donde", "mientras", "tras",
           "después", "durante"],
    "fr": ["et", "mais", "ou", "qui", "que", "qu'", "dont", "où", "alors", "après", "lors",
           "pendant"],
    "de": ["und", "aber", "oder", "sowie", "nachdem", "als", "wie", "weil", "nach",
           "während"],
    "ru": ["и", "а", "но", "или", r"котор\w+", "когда", "после", "во время", "в ходе"],
})  # fmt: skip
#: Nouns of a deed and pronouns that stand for it, besides the words of the event and of
#: harm: "claimed responsibility for it", "bekannte sich zu der Tat", "reivindicó la
#: autoría", "a revendiqué l'opération", "взяла ответственность за это".
_DEED_WORDS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["it", "this", "them", r"operations?", r"acts?", r"assassinations?", r"kidnappings?",
           r"abductions?"],
    "es": ["ello", "esto", "eso", r"acci(?:ón|ones)", r"operaci(?:ón|ones)", "autoría",
           r"secuestros?", r"asesinatos?"],
    "fr": ["cela", "ceci", r"opérations?", r"actes?", r"enlèvements?", r"assassinats?"],
    "de": ["dazu", "Tat", "Taten", r"Attentat\w*", r"Entführung\w*", r"Operation\w*",
           r"Aktion\w*"],
    "ru": ["это", "него", "неё", "нее", "них", r"операци\w*", r"акци\w*", r"похищени\w*"],
})  # fmt: skip
#: An object pronoun before a Spanish or French verb of claiming: "lo reivindicó", "l'a
#: revendiqué".
_CLAIM_CLITIC: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(r"(?<!\w)(?:lo|la|los|las)\s+$"),
    "fr": re.compile(r"(?:(?<!\w)l'|(?<!\w)(?:la|les)\s+)$"),
}


def _first_claim(
    text: str, language: str, *, of_attack: bool = True, bare: bool | None = False
) -> int | None:
    """Where the first claim (:data:`_OWN_CLAIM`, or with ``bare`` True only, None both, the
    bare English verbs of :data:`_BARE_CLAIM`) is in ``text``, said by its subject (not in
    the passive), whose object is the attack itself or, with ``of_attack`` False, anything
    else (:func:`_claims_the_attack`): "took responsibility for security" claims nothing of
    the attack; a bare "claimed (that) Zelbar carried out" or "vowed to kill" speaks."""
    tables = {False: (_OWN_CLAIM,), True: (_BARE_CLAIM,), None: (_OWN_CLAIM, _BARE_CLAIM)}
    found = []
    for pattern in (p for cues in tables[bare] for p in with_english(cues, language)):
        for match in pattern.finditer(text):
            if (
                not _is_passive(text, match, language)
                and _claims_the_attack(text, match, language) is of_attack
            ):
                found.append(match.start())
                break
    return min(found, default=None)


def _first_claim_of_else(text: str, language: str) -> int | None:
    """Where a claim of something else than the attack is, the attack named after it in its
    clause ("took responsibility for security after the attack", "reivindicó la victoria
    tras el atentado"): the claim's object is another, so it claims nothing of the attack.
    With the attack unnamed ("a revendiqué l'embuscade") an object no word list knows says
    nothing either way."""
    at = _first_claim(text, language, of_attack=False)
    if at is None:
        return None
    clause = _CLAUSE_BREAK.split(text[at:])[0]
    named = any(p.search(clause) for cues in (EVENT_CUES,) for p in with_english(cues, language))
    return at if named else None


def _bare_speech(text: str, language: str) -> int | None:
    """Where a bare English verb of claiming speaks (:data:`_BARE_CLAIM`: "claimed Zelbar
    carried out", "vowed to kill"), unless a participle of harm after a preposition in its
    clause is the subject's own ("claimed victory after killing 12 soldiers": an English
    adverbial participle has the main clause's subject)."""
    at = _first_claim(text, language, of_attack=False, bare=True)
    if at is None:
        return None
    clause = _CLAUSE_BREAK.split(text[at:])[0]
    for participle in _OWN_PARTICIPLE.finditer(clause):
        if any(p.fullmatch(participle.group(1)) for p in with_english(_AGENT, language)):
            return None
    return at


#: A participle after a preposition of time or means: "after killing", "by attacking".
_OWN_PARTICIPLE = re.compile(r"(?<!\w)(?:after|before|while|by|since|upon)\s+(\w+ing)(?!\w)")
#: English verbs that claim the attack with it as their object ("claimed the bombing",
#: "claimed it") and speak with a clause or an infinitive ("claimed that Zelbar carried out
#: the attack", "claimed Zelbar was behind it", "vowed to kill those responsible").
_BARE_CLAIM: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"claim(?:s|ed)?(?!\s+responsibility)"],
})  # fmt: skip
#: Words that open a reported clause right after a bare verb of claiming.
_COMPLEMENTIZER: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["that"], "es": ["que"], "fr": ["que", "qu'"], "de": ["dass"], "ru": ["что"],
    "pt": ["que"], "it": ["che"],
})  # fmt: skip
#: Verbs that may follow another subject right after a bare verb of claiming ("claimed
#: Zelbar was behind"): a clause, not the claim's object.
_CLAUSE_VERB = re.compile(
    r"(?<!\w)(?:was|were|is|are|had|has|have|did|does|would|will|could|can|may|might|"
    r"should|must)(?!\w)"
)


def _claims_the_attack(text: str, claim: re.Match[str], language: str) -> bool:
    """Whether the claim ``claim`` found is of the attack: its object is the event, the deed
    or harm, or a pronoun for it ("claimed responsibility for the attack", "for it", "lo
    reivindicó"), or it has none ("X claimed responsibility."). Responsibility for anything
    else is no claim: "took responsibility for security at the stadium", "bekannte sich
    zur Demokratie", "reivindicó su derecho a la defensa", "is behind the relief effort".
    The object is a few words: after the claim's preposition (:data:`_CLAIM_FOR`), or
    right after the verb, in its own clause."""
    clitic = _CLAIM_CLITIC.get(language)
    if clitic is not None and clitic.search(text[: claim.start()]):
        return True
    stop = _CLAUSE_BREAK.search(text, claim.end())
    rest = text[claim.end() : stop.start() if stop else len(text)]
    ends = [m.start() for p in with_english(_OBJECT_END, language) for m in p.finditer(rest)]
    rest = rest[: min(ends, default=len(rest))]
    words = 5
    for key in dict.fromkeys(("en", language)):
        if key in _CLAIM_FOR and _CLAIM_FOR[key][0].search(claim.group()):
            preposition = _CLAIM_FOR[key][1].search(rest)
            if preposition is None:
                return True  # "claimed responsibility on Tuesday": of what goes without saying
            rest, words = rest[preposition.start() :], 6
            break
    else:
        rest = _object_before_a_clause(rest, language)
    object_ = " ".join(rest.split()[:words])
    if _marks_the_head(object_.split(), language):
        return True  # "claimed the siege that killed 12": the event its clause tells of
    return any(
        p.search(object_)
        for cues in (EVENT_CUES, CASUALTY_CUES, _AGENT, _DEED_WORDS)
        for p in with_english(cues, language)
    )


def _marks_the_head(words: list[str], language: str) -> bool:
    """Whether the event mark (:data:`_EVENT_MARK`) is on the head noun phrase of a claim's
    object ``words``: a relative clause attaches to the nearest noun phrase, so a
    preposition and a new article before the marked noun put it inside a modifier of
    another head ("claimed control *of the district* in which", "a victim *of the siege*
    that killed"), which is what was claimed. A bare name after a preposition takes no
    restrictive clause ("last week's incursion in Kaduna that killed 12")."""
    for at, word in enumerate(words):
        if _EVENT_MARK in word:
            return True
        if at == 0 or not _PHRASE_END.fullmatch(word) or _PARTICIPLE.fullmatch(word):
            continue
        following = words[at + 1].rstrip(_EVENT_MARK) if at + 1 < len(words) else ""
        if _WITH_ARTICLE.fullmatch(word) or _ARTICLE.fullmatch(following):
            return False
    return False


#: A participle (:data:`_PHRASE_END` also ends a phrase at one), which opens no modifier.
_PARTICIPLE = re.compile(r"(?!during)\w+ing", re.I)
#: Prepositions with the article in them: "du", "del", "des", "zum", "im", "au".
_WITH_ARTICLE = re.compile(r"du|des|del|al|au|aux|im|zum|zur|vom|beim", re.I)
#: Articles, demonstratives and possessives that open a noun phrase, in every language.
_ARTICLE = re.compile(
    r"the|an?|this|these|those|its|their|his|her|our|el|la|los|las|un|una|su|sus|le|les|"
    r"une|son|sa|ses|leur|l['’]\S*|der|die|das|den|dem|des|ein\w*",
    re.I,
)


def _object_before_a_clause(rest: str, language: str) -> str:
    """The words after a claim's verb that are its object: none after "that", "que", "что"
    ("claimed that Zelbar carried out": speech), nor before a finite verb, as a noun phrase
    followed by one is the subject of a reported clause ("claimed Zelbar carried out",
    "claimed the army planted the bomb", "claimed the bombing was staged": a claim that
    another did it); "vowed to kill" gives "to"; all of them before a noun ("claimed the
    killing") or a gerund first ("claimed killing 12"). Reads a few words only."""
    words = list(itertools.islice(re.finditer(r"\S+", rest), _OBJECT_WORDS))
    if not words or any(
        p.fullmatch(words[0].group()) for p in with_english(_COMPLEMENTIZER, language)
    ):
        return ""
    if language == "en" and words[0].group() == "to":  # its own infinitive: a deed done
        return rest if len(words) > 1 and words[1].group() == "have" else ""  # or one vowed
    if language != "en":
        return rest
    phrase = False  # inside a noun phrase an article opened, before its head noun
    for before, word in itertools.pairwise(words):  # a finite verb; "-ing" is a noun here
        at = word.start()
        verb = _CLAUSE_VERB.match(rest, at)
        opens = _after_determiner(rest, at, language) or _POSSESSIVE.fullmatch(before.group())
        phrase = phrase or bool(opens)
        harm = next(
            (m for p in with_english(_AGENT, language) for m in [p.match(rest, at)] if m), None
        )
        if (
            harm is not None
            and phrase
            and not _PAST.fullmatch(harm.group())
            and not _takes_an_object(words, word, rest, language)
        ):
            continue  # a noun of it: "the suicide attack", "the car bomb attack"
        noun = word.group().endswith("ing") or _after_determiner(rest, at, language)
        finite = verb is not None or (
            not noun and (harm is not None or _finite_past(words, word, language))
        )
        if finite:
            return ""
    return rest


#: How many words after a claim's verb :func:`_object_before_a_clause` reads: its object's
#: noun phrase and the verb of a clause that may follow it.
_OBJECT_WORDS = 12
#: English past forms no "-ed" shows ("set off the bomb", "sent", "hid"): a closed class.
_IRREGULAR_PAST = re.compile(
    r"set|sent|took|led|made|gave|blew|put|began|fought|threw|drove|brought|built|ran|"
    r"stole|shot|struck|hit|left|laid|hid|lit|dug|sold|bought|caught|chose|tore|spread|"
    r"slew|sank|shook|bore|bent|bound|broke|burnt|cut|fed|flew|got|held|kept|let|"
    r"lost|met|paid|rode|sought|sped|split|swept|wrote|came|went|grew",
    re.I,
)
#: Words that open a verb's object or adverbial: an article, a pronoun, a particle or a
#: preposition ("planted *the* bomb", "set *off*", "opened *fire*", "fired *on*").
_OBJECT_OPENER = re.compile(
    r"the|an?|this|that|these|those|its|their|his|her|our|\w+['’]s?|\d\S*|off|up|out|down|"
    r"fire|on|at|in|into|to|against|with|for|by|from|across|over|them|it|him|us",
    re.I,
)


def _takes_an_object(
    words: list[re.Match[str]], word: re.Match[str], rest: str, language: str
) -> bool:
    """Whether a present form of harm after a noun phrase is its verb, by the object right
    after it: a determiner, a count or a word of people ("the army *kills civilians*"),
    where a head noun takes a relative clause or a preposition ("the car bomb *attack
    that*")."""
    if _after_determiner(rest, word.start(), language):
        return False  # "the attack": a noun
    following = [w.group().rstrip(_EVENT_MARK) for w in words if w.start() > word.start()][:1]
    return bool(following) and (
        _DETERMINER_WORD.fullmatch(following[0]) is not None
        or any(p.fullmatch(following[0]) for p in with_english(PEOPLE, language))
    )


#: Words that open a noun phrase as an object: "kills *the* ...", "attacked *12*".
_DETERMINER_WORD = re.compile(r"the|an?|this|these|those|its|their|his|her|our|\d\S*", re.I)


def _finite_past(words: list[re.Match[str]], word: re.Match[str], language: str) -> bool:
    """Whether ``word`` is a finite past verb after a noun phrase: an "-ed" form or an
    irregular past (:data:`_IRREGULAR_PAST`) with its object or adverbial right after it
    ("the army *planted* the bomb", "*set* off"). Before a noun it is an adjective: "the
    coordinated attacks", "the alleged bombing"."""
    if language != "en":
        return False
    form = word.group()
    if not (form.lower().endswith("ed") or _IRREGULAR_PAST.fullmatch(form)):
        return False
    following = [w for w in words if w.start() > word.start()][:1]
    return bool(following) and _OBJECT_OPENER.fullmatch(following[0].group()) is not None


#: An English possessive opens a noun phrase as an article does: "Tuesday's car bomb".
_POSSESSIVE = re.compile(r"\w+['’]s?|its|their|his|her|our", re.I)
#: English past forms of verbs of harm: after a noun phrase they are its verb ("claimed the
#: army killed 12"), where a bare form ends the phrase as its head noun ("the rocket attack").
_PAST = re.compile(r"\w+ed(?:\s+\w+)?|shot|struck|hit|set off|blew up", re.I)


#: Verbs of mourning: their object is the dead, never a clause the mourner reports, so
#: "its soldiers killed in an ambush" after one are the mourned, not its deed.
_MOURNS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"mourn\w*", r"griev\w*", r"lament\w*"],
    "es": [r"llor(?:ó|a|an|aron|ando)"],
    "pt": [r"chor(?:ou|a|am|aram)"],
    "it": [r"piang(?:e|ono)", r"(?:ha|hanno) pianto", r"pians(?:e|ero)"],
    "fr": [r"pleur(?:e|ent|é|ait|aient|ant)"],
    "de": [r"trauer\w*"],
    "ru": [r"скорб\w*"],
    "zh": ["哀悼"],
    "ar": [r"(?:نعى|نعت)"],
})  # fmt: skip


def _said_of_itself(deed: str, reading: str, language: str) -> str:
    """``deed`` ("spoke" or another), unless the name's speech says the harm is its own.

    ACLED and UCDP code the group that claims its own attack as its actor: "X said
    it killed 12 soldiers" is X's deed, not a statement about another's. The clause
    its first verb of speaking reports (:data:`_SELF`) decides: its own pronoun as
    the subject and a verb of harm in the active voice, it did it ("did"); a denial
    there ("said it did not kill", "said it had nothing to do with"), it denies
    it ("denied"); anything else, and another subject ("said the army killed its
    fighters"), it only spoke.
    """
    if deed != "spoke":
        return deed
    # "mourned the 14 of its soldiers killed": mourning reports no clause; a later verb
    # of speaking may ("mourned its fighters and said it killed 12")
    spoken = [
        m for cues in (SPEAKS_CUES, _BARE_CLAIM, _APART["spoke"]) for p in with_english(cues, language)
        for m in p.finditer(reading)
        if not any(q.fullmatch(m.group()) for q in with_english(_MOURNS, language))
    ]  # fmt: skip
    if not spoken:
        return deed
    return _reported_deed(reading[min(spoken, key=lambda m: m.start()).end() :], language) or deed


def _reported_deed(rest: str, language: str) -> str | None:
    """What the clause ``rest`` that a verb of speaking (or a negated denial) reports says
    its speaker did: its own pronoun as the subject (:data:`_SELF`) and a verb of harm or
    a claim in the active voice, "did"; negated, "denied"; None for anything else."""
    for pattern in with_english(_SELF, language):
        marker = pattern.search(rest)
        if marker is None:
            continue
        gap = rest[: marker.start()]
        # "said on Tuesday that its fighters", "erklärte, sie habe": a few words, no verb
        if len(gap.split()) > 5 or any(
            p.search(gap)
            for cues in (_ACTION, SPEAKS_CUES, _SUFFERS, _DENIES, _OCCASION)
            for p in with_english(cues, language)
        ):
            continue
        if marker.group() == "":  # "erklärte, zwölf Soldaten getötet zu haben"
            clause = _CLAUSE_BREAK.split(rest.lstrip(" ,"))[0]
        else:  # "avoir tué", "haber matado": the infinitive's auxiliary is the verb's
            infinitive = marker.group() in ("avoir", "haber")
            clause = (marker.group() if infinitive else "") + " "
            clause += _CLAUSE_BREAK.split(rest[marker.end() :])[0]
        did = _first_harm_done(clause, language)
        if did is not None and any(
            p.search(clause[:did]) for p in with_english(_DETERMINER, language)
        ):
            did = None  # "said it would avenge the killing of its fighters": a noun
        claimed = _first_claim(clause, language)
        at = min((x for x in (did, claimed) if x is not None), default=None)
        if at is None or _first_deed(clause[:at], language) is not None:
            continue  # no deed; or another verb first: "said it was attacked"
        bare = "bare" in pattern.groupindex and marker.group("bare") is not None
        if bare and not _bare_subject_of(clause[:at], language):
            continue  # "dijo que mató", "dijo que había matado"; not "que el ejército"
        if not _own_subject_of(clause[:at], language):
            continue  # "said it was searching for the gunmen who killed": not its deed
        if _negated(clause[:at], language):
            return "denied"  # "said it did not kill", "said it had nothing to do with"
        return "did"
    return None


#: What may stand between the pronoun and its verb of harm in English: auxiliaries,
#: adverbs, negation and the pronoun's own fighters ("said its forces had also killed").
_OWN_GAP_WORD = re.compile(
    r"(?:was|were|is|are|be|been|being|had|has|have|would|will|could|should|might|may|must"
    r"|can|did|do|does|not|never|no|n't|\w+n't|\w+ly|also|then|just|already|still|now|later"
    r"|earlier|again|once|even|only|jointly|fighters?|forces?|members?|units?|troops?|men"
    r"|soldiers?|aircraft|jets?|drones?|militants?|personnel|own)",
    re.I,
)
#: A coordinator that may join a second verb to a subject's first, and the words that may
#: stand between it and that verb (auxiliaries, adverbs): per language.
_COORDINATED: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "en": (re.compile(r"(?<!\w)(?:and|but|yet)(?!\w)", re.I), _OWN_GAP_WORD),
    "es": (
        re.compile(r"(?<!\w)(?:y|e|pero)(?!\w)", re.I),
        re.compile(r"luego|después|también|ya|ha|han|había|habían|lo|la|los|las|\w+mente", re.I),
    ),
    "pt": (
        re.compile(r"(?<!\w)(?:e|mas)(?!\w)", re.I),
        re.compile(r"depois|também|já|tinha|tinham|o|a|os|as|\w+mente", re.I),
    ),
    "it": (
        re.compile(r"(?<!\w)(?:e|ed|ma)(?!\w)", re.I),
        re.compile(r"poi|anche|già|ha|hanno|aveva|avevano|lo|la|li|le|\w+mente", re.I),
    ),
    "fr": (
        re.compile(r"(?<!\w)(?:et|mais)(?!\w)", re.I),
        re.compile(
            r"(?:[lsny]')?(?:a|ont|avait|avaient|ensuite|puis|aussi|également|les|\w+ment)", re.I
        ),
    ),
    "de": (
        re.compile(r"(?<!\w)(?:und|aber|doch)(?!\w)", re.I),
        re.compile(r"dann|danach|anschließend|auch|hat|haben|hatte|hatten|später", re.I),
    ),
    "ru": (
        re.compile(r"(?<!\w)(?:и|но|а)(?!\w)", re.I),
        re.compile(r"затем|потом|также|тоже|уже|позже|вскоре", re.I),
    ),
    "zh": (re.compile(r"但是|但|却|然而|不过|可是|并且|并|然后|随后"), re.compile(r"也|又|还|仍")),
}
#: Words that open a clause of another subject before a verb of harm in the other
#: languages: "dijo que buscaba a los hombres que mataron", "a dit rechercher ceux qui ont
#: tué", "nachdem", "которые".
_ANOTHER_CLAUSE: Mapping[str, re.Pattern[str]] = cue_patterns({
    "es": ["que", "quien", "quienes", "cuando", "después", "tras", r"cuy[oa]s?", "donde",
           "aquellos", "aquellas"],
    "pt": ["que", "quem", "quando", "depois", "após", "cujos?", "cujas?", "onde", "aqueles",
           "aquelas"],
    "it": ["che", "chi", "quando", "dopo", "cui", "dove", "quelli", "quelle", "coloro"],
    "fr": ["qui", "que", "qu'", "lorsque", "quand", "après", "dont", "où", "ceux", "celles"],
    "de": ["nachdem", "als", "wenn", "wo", r"welche\w*", "denen", "deren"],
    "ru": [r"котор\w+", "когда", "после", "тех", "кто"],
})  # fmt: skip


def _own_subject_of(gap: str, language: str) -> bool:
    """Whether the words between a speaker's own pronoun and a verb of harm leave the
    pronoun its subject: only auxiliaries, adverbs, negation and its own fighters in
    English; no relative or time clause opener ("who", "that", "those", "after") in any
    language. "said it was searching for the gunmen who killed 12" is no claim."""
    if language == "en" or not gap.strip():
        words = re.findall(r"[\w'’]+", gap)
        return all(_OWN_GAP_WORD.fullmatch(word) for word in words)
    return not any(p.search(gap) for p in with_english(_ANOTHER_CLAUSE, language))


def _bare_subject_of(gap: str, language: str) -> bool:
    """Whether a verb after a bare "que" / "что" has the speaker as its dropped subject:
    only the words of :data:`_BARE_GAP` stand between ("заявила, что убила" is the
    speaker's claim; "заявила, что армия убила" names another)."""
    allowed = _BARE_GAP.get(language)
    adverbial = _ADVERBIAL.get(language)
    if adverbial is not None:
        gap = adverbial.sub(" ", gap)
    words = re.findall(r"\w+", gap)
    return all(allowed is not None and allowed.fullmatch(word) for word in words)


def _among_the_harmed(sentence_before: str, clause_before: str, after: str, language: str) -> bool:
    """Whether the name stands in an aside that lists the harmed: "killed 12 people,
    including a senior X commander", "12 morts, dont trois membres du X", "darunter",
    "в том числе", "包括": after a word of harm, with no verb of its own."""
    found = [m for p in with_english(_INCLUDING, language) for m in p.finditer(clause_before)]
    if not found:
        return False
    at = len(sentence_before) - len(clause_before) + max(m.end() for m in found)
    if _last(_ACTION, sentence_before[:at], language) is None:
        return False
    own = _CLAUSE_BREAK.split(after)[0]
    return not any(
        p.search(text)
        for text in (sentence_before[at:], own)
        for cues in (_ACTION, SPEAKS_CUES, _SUFFERS, _DENIES, _CLAIMED)
        for p in with_english(cues, language)
    )


#: Words that open a list of the harmed: "including", "among them", "dont", "darunter".
_INCLUDING: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["including", "among them", "among whom", r"among the (?:dead|victims|killed)",
           r"(?:most|many|some|all|several) of (?:them|whom)", "mostly"],
    "es": [r"incluid[oa]s?", "incluyendo", r"entre (?:ellos|ellas|los que|las que)",
           r"(?:la mayoría|muchos|varios) de (?:ellos|ellas)"],
    "fr": ["dont", r"parmi (?:eux|elles|lesquels|lesquelles)", "y compris", "notamment"],
    "de": ["darunter", r"unter (?:ihnen|denen)", "einschließlich", "inklusive"],
    "ru": ["в том числе", r"среди (?:них|которых|погибших)", "включая"],
    "zh": ["包括", "其中"],
    "ar": ["بينهم", "منهم", "بينها"],
})  # fmt: skip
#: Places of the harmed named by their owner: "killed 12 people at an X base" (English
#: puts the owner before the noun), "en una base del X", "dans un camp du X", "auf einen
#: Stützpunkt der X", "по базе X" (the others after it).
_TARGETS_AFTER = re.compile(
    r"^(?:\s+[a-z][a-z-]*){0,1}?\s+(?:bases?|camps?|positions?|headquarters|compounds?|"
    r"hideouts?|strongholds?|outposts?|checkpoints?|offices?|depots?|facilit(?:y|ies)|"
    r"training|rall(?:y|ies)|gatherings?|meetings?|funerals?|convoys?|vehicles?|barracks|"
    r"safe ?houses?|hospitals?|schools?|homes?|houses?)\b"
)
_TARGETS_BEFORE: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(
        r"(?<!\w)(?:bases?|campamentos?|posici(?:ón|ones)|cuartel\w*|sedes?|puestos?|"
        r"escondites?|oficinas?|mitin\w*|reuni(?:ón|ones)|funeral\w*|convoy\w*|"
        r"veh[íi]culos?|miembros|simpatizantes)\s+(?:de|del)\s+(?:la\s+|los\s+|las\s+)?$"
    ),
    "fr": re.compile(
        r"(?<!\w)(?:bases?|camps?|positions?|quartiers? généra(?:l|ux)|qg|sièges?|postes?|"
        r"repaires?|bureaux?|meetings?|rassemblements?|funérailles|convois?|véhicules?|"
        r"membres|partisans)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')$"
    ),
    "de": re.compile(
        r"(?<!\w)(?:\w*stützpunkt\w*|\w*lager\w*|stellung\w*|hauptquartier\w*|"
        r"versteck\w*|büro\w*|kundgebung\w*|versammlung\w*|konvoi\w*|fahrzeug\w*|"
        r"mitglieder\w*|anhänger\w*)\s+(?:der|des|von)\s+$"
    ),
    "ru": re.compile(
        r"(?<!\w)(?:баз\w*|лагер\w*|позици\w*|штаб\w*|укрыти\w*|офис\w*|митинг\w*|"
        r"колонн\w*|член\w*|сторонник\w*)\s+$"
    ),
}


#: A source's word followed by more than SOURCE_CUES' two words: "according to a statement
#: released by X", "según un comunicado del X", "selon un communiqué du X".
_SOURCE_WORDS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["according to", "citing", "quoting", "as reported by"],
    "es": ["según", "de acuerdo con", "conforme a", "citando a?"],
    "fr": ["selon", "d'après", "citant"],
    "de": ["laut", r"gemä(?:ß|ss)", "unter berufung auf"],
    "ru": [r"по (?:данным|словам|сообщению|информации|заявлению)", "согласно", "со ссылкой на"],
    "ar": ["حسب", "بحسب", r"وفق(?:ا|اً)?", r"نقل(?:ا|اً) عن"],
})  # fmt: skip


def _source_statement(clause_before: str, language: str) -> bool:
    """Whether the name closes a source's phrase that names what it said ("according to a
    statement released by X"): a noun of speech and a few words of no verb of harm."""
    for pattern in with_english(_SOURCE_WORDS, language):
        found = list(pattern.finditer(clause_before))
        if not found:
            continue
        tail = clause_before[found[-1].end() :]
        if len(tail.split()) > 6 or not any(
            p.search(tail) for p in with_english(_SPEECH_NOUNS, language)
        ):
            continue
        # "according to reports of attacks by X" names the attacker; "a toll by X" its source
        harm = (_AGENT, EVENT_CUES, _SUFFERS)
        if not any(p.search(tail) for cues in harm for p in with_english(cues, language)):
            return True
    return False


def _is_a_target(clause_before: str, after: str, language: str) -> bool:
    """Whether the name owns the place or people the harm befell ("at an X base", "en una
    base del X"): then it is on the harmed side, though a preposition stands between."""
    if language == "en" or language not in _TARGETS_BEFORE:
        return bool(_TARGETS_AFTER.match(after.replace("'s ", " ")))
    return bool(_TARGETS_BEFORE[language].search(clause_before))


#: Prepositions of circumstance: a name after one is where or how it happened, not whom it
#: harmed ("died in X's shelling", "killed during the X offensive").
_CIRCUMSTANCE: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["in", "during", "after", "amid", "from", "at", "on", "since", "under", "as", "when",
           "with", "between"],
    "es": ["en", "durante", "tras", "después", "bajo", "desde", "con", "entre"],
    "fr": ["dans", "lors", "pendant", "après", "sous", "depuis", "en", "avec", "entre"],
    "de": ["bei", "beim", "während", "nach", "unter", "seit", "im", "in", "mit", "zwischen"],
    "ru": ["в", "во", "при", "после", "во время", "под", "с", "со", "между"],
    "ar": ["في", "خلال", "بعد", "أثناء", "مع", "بين"],
})  # fmt: skip
#: Languages whose subject may follow its verb in a plain statement.
_SUBJECT_AFTER_VERB = frozenset({"de", "ar"})
#: An active verb of harm that takes an object, where :data:`_MARKED_OBJECT` is read: after
#: a verb without one ("murieron los militares", "perdieron la vida los soldados") or a
#: passive ("fueron asesinados los guerrilleros") the name is who was harmed.
_ACTIVE_HARM: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(
        r"(?<!\w)(?:(?:mat|asesin|ejecut|atac|secuestr|abat|masacr|bombarde|ametrall|acribill|"
        r"degoll|decapit|tirote)\w*(?:aron|ó)|hiri(?:eron|ó))$",
        re.IGNORECASE,
    )
}
#: Spanish marks a person it takes as object with "a" ("mataron *a* los militares", "*a*
#: 12 de", "*al* jefe"); a name right after the verb with no "a" and no count is its
#: subject ("Mataron los militares a 12 civiles", "En la aldea mataron las FARC a 12").
_MARKED_OBJECT: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(
        r"\d|(?<!\w)(?:a|al|de|del|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|"
        r"\w+ce|veinte|\w+enta|cien|\w+cientos|decenas|docenas|cientos|varios|varias|"
        r"numerosos|numerosas)(?!\w)",
        re.IGNORECASE,
    )
}
#: Number words before a counted object, besides :data:`_COUNTED`'s figures and German.
_COUNT_WORDS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve", r"(?:thir|four|fif|six|seven|eigh|nine)teen",
           r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty", r"dozens?", "several", "scores",
           "hundreds"],
    "es": ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
           "doce", "trece", "catorce", "quince", r"dieci\w+", "veinte", r"veinti\w+", "treinta",
           "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien",
           r"decenas", r"vari[oa]s", r"cientos"],
    "fr": ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
           "douze", "treize", "quatorze", "quinze", "seize", r"dix-\w+", r"vingts?", "trente",
           "quarante", "cinquante", r"soixante\S*", r"quatre-vingts?\S*", r"cents?",
           r"dizaines?", "plusieurs", r"centaines"],
    "ru": [r"дв(?:а|е|ух|умя)", r"тр(?:и|[её]х|емя)", r"четыр(?:е|[её]х)", r"пят(?:ь|и)",
           r"шест(?:ь|и)", r"сем(?:ь|и)", "восемь", "восьми", r"девят(?:ь|и)",
           r"десят(?:ь|и|ки|ков)", r"\w+надцат(?:ь|и)", r"(?:два|три)дцат(?:ь|и)", "сорок",
           r"\w+десят", "сто", r"нескольк\w*", r"сотн\w*"],
})  # fmt: skip
#: A count before a name: the harmed are counted, their killer is not.
_COUNTED = re.compile(
    r"\d|(?<!\w)(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\w+zehn|\w+zig|"
    r"dreissig|hundert\w*|dutzende|mehrere|zahlreiche|عشرات|مئات)(?!\w)"
)


def _count_words(language: str) -> str:
    """The number words of ``language`` (:data:`_COUNT_WORDS`) as one pattern, or none."""
    pattern = _COUNT_WORDS.get(language)
    return _NO_MATCH.pattern if pattern is None else pattern.pattern


#: Words that bound a count, up to the count they bound (:func:`_without_count_qualifiers`):
#: a figure or a number word ("at least *twelve*", "más de *doce*", "mindestens *dreißig*").
_COUNT_QUALIFIER: Mapping[str, re.Pattern[str]] = {
    language: re.compile(
        rf"(?<!\w)(?:{words})(?=\s+(?:\d|{_COUNTED.pattern}|{_count_words(language)}))",
        re.I,
    )
    for language, words in (
        (
            "en",
            r"at least|at most|as many as|as few as|up to|more than|fewer than|less than|over|"
            r"nearly|almost|about|around|roughly|some|approximately|an estimated|"
            r"between \S+ and",
        ),
        (
            "es",
            r"al menos|por lo menos|como mínimo|más de|menos de|cerca de|alrededor de|casi|"
            r"unos|unas|hasta|aproximadamente|entre \S+ y",
        ),
        (
            "fr",
            r"au moins|plus de|moins de|près de|environ|quelque|presque|jusqu'à|"
            r"entre \S+ et",
        ),
        (
            "de",
            r"mindestens|mehr als|weniger als|fast|etwa|rund|bis zu|knapp|über|ungefähr|"
            r"zwischen \S+ und",
        ),
        (
            "ru",
            r"не менее|по меньшей мере|как минимум|более|свыше|менее|около|почти|до|порядка|"
            r"от \S+ до",
        ),
    )
}
#: Languages written without spaces between words.
_UNSPACED_LANGUAGES = frozenset({"zh", "ja"})
#: Where a clause ends: its punctuation, a dash as the fold writes it, and sentence ends.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u060c\u061b\uff0c\uff1b\u3001\uff1a]|\s[-\u2013\u2014]\s")
#: A sentence ends at a full stop after a word of two letters or more ("u.s." goes on) or
#: after a Chinese or Japanese character (the fold writes "。" as "." with no space after:
#: "会议.枪手"), or at "!", "?" and their Chinese and Arabic forms.
_SENTENCE_END = re.compile(
    rf"(?<=\w\w)[.](?=\s|$)|(?<=[\u3040-\u30ff\u3400-\u9fff])[.]"
    rf"|[!?;\u3002\uff01\uff1f\u061f\u061b{STOPS}]"
)


#: How many characters around a name its sentence is read: a clause's words that decide its
#: role stand near it, and a bound window keeps a long quote that repeats the name linear.
_READ = 400


def _sentence_start(quote: str, at: int) -> int:
    """Where the sentence of ``at`` starts, or :data:`_READ` characters before it."""
    lo = max(0, at - _READ)
    ends = [m.end() for m in _SENTENCE_END.finditer(quote, lo, at)]
    return ends[-1] if ends else lo


def _sentence_end(quote: str, at: int) -> int:
    """Where the sentence of ``at`` ends, or :data:`_READ` characters after it."""
    hi = min(len(quote), at + _READ)
    found = _SENTENCE_END.search(quote, at, hi)
    return found.start() if found else hi


def _first(
    cues: Mapping[str, re.Pattern[str]], text: str, language: str, *, passive: bool | None = None
) -> int | None:
    """Where the first word of ``cues`` is in ``text``; with ``passive`` True or False, the
    first in the passive ("were killed", "getötet wurden", "被杀害": the subject suffered
    it) or the first in the active voice (the subject did it)."""
    found = []
    for pattern in with_english(cues, language):
        for match in pattern.finditer(text):
            if passive is not None and _is_passive(text, match, language) is not passive:
                continue
            found.append(match.start())
            break
    return min(found, default=None)


def _first_harm_done(text: str, language: str) -> int | None:
    """Where the first verb of harm (:data:`_AGENT`) its subject did is in ``text``: in the
    active voice, no noun after a determiner ("took responsibility for security after *the
    attack*" attacks nothing), and one that kills only people with a person as its object
    ("neutralized a bomb" killed no one: :func:`_harms_a_thing`)."""
    found = []
    for pattern in with_english(_AGENT, language):
        for match in pattern.finditer(text):
            if (
                _is_passive(text, match, language)
                or _after_determiner(text, match.start(), language)
                or _after_count(text, match, language)
                or _harms_a_thing(text, match, language)
            ):
                continue
            found.append(match.start())
            break
    return min(found, default=None)


def _after_count(text: str, match: re.Match[str], language: str) -> bool:
    """Whether a count stands right before ``match``, no past form: the word is a counted
    noun ("neutralized three bombs", "12 raids"), no verb ("12 killed" stays one)."""
    before = text[max(0, match.start() - 16) : match.start()].split()
    return bool(before) and _counted(before[-1], language) and not _PAST.fullmatch(match.group())


def _after_determiner(text: str, at: int, language: str) -> bool:
    """Whether an article or demonstrative stands right before ``at``: the word there is a
    noun ("the attack", "l'attaque"), no verb. Reads a few characters only."""
    article = _DETERMINER.get(language)  # its own: the French verb "a" is no English article
    return article is not None and article.search(text[max(0, at - 12) : at]) is not None


def _harms_a_thing(text: str, verb: re.Match[str], language: str) -> bool:
    """Whether ``verb`` kills only people (:data:`_KILLS_ONLY_PEOPLE`) and its object is a
    thing. The people such a verb kills are named by few kinds of noun, which
    :func:`_names_people` knows (a word of people, an agent noun, a group's plural); any
    other noun after an article or a demonstrative is a thing, as no closed list of things
    can be complete: "neutralized a bomb", "eliminierte die Steuer" kill no one. A count is
    of people unless a thing word names it (:func:`_names_things`: "12 Boko Haram", "12
    staff"; "12 howitzers", "уничтожила 12 гаубиц" kill no one), as the people counted are
    named by open classes no form closes; "neutralized 12 militants", "the bandits", "the
    kidnappers", "les a neutralisés dans la nuit" (no object), "abatió a dos" (Spanish marks
    a person object with "a"), "eliminated Ali Hassan" (no article: a name, as the folded
    text cannot tell) do. A bare noun kills unless it names a thing ("enemy howitzers")."""
    if not any(p.fullmatch(verb.group()) for p in with_english(_KILLS_ONLY_PEOPLE, language)):
        return False
    window = text[verb.end() : verb.end() + 80]
    stop = _CLAUSE_BREAK.search(window)
    window = window[: stop.start() if stop else len(window)]
    ends = [m.start() for p in with_english(_OBJECT_END, language) for m in p.finditer(window)]
    words = window[: min(ends, default=len(window))].split()[:5]
    if language == "de" and (not words or words[0] in _DE_AUX):
        # a final verb has its object before it: "hat zwölf Kämpfer eliminiert"
        before = _CLAUSE_BREAK.split(text[max(0, verb.start() - 80) : verb.start()])[-1]
        object_ = before.split()[-6:]
        return bool(object_) and not _names_people(object_, language)
    if not words or any(p.fullmatch(words[0]) for p in with_english(_CIRCUMSTANCE, language)):
        return False  # no object: "les a neutralisés dans la nuit", "уничтожила в ходе"
    if language == "es" and words[0] in ("a", "al"):
        return False  # Spanish marks a person object: "abatió a un pistolero"
    phrase = _noun_phrase(words, language)
    if any(_counted(word, language) for word in phrase):
        return _names_things(phrase, language)  # "12 Boko Haram", "12 staff": people
    article = _DETERMINER.get(language)
    opened = (
        article is None  # Russian has no article: its object is any words
        or article.search(words[0] + " ") is not None
        or (language == "en" and _POSSESSIVE.fullmatch(words[0]) is not None)
    )
    if not opened:  # a name or a bare noun: "eliminated Ali Hassan", "enemy howitzers"
        return _names_a_thing(" ".join(phrase), language)
    return not _names_people(phrase, language)


#: Words that end an object's noun phrase: a preposition or a participle opens what follows
#: it ("12 trucks *of* the militants", "12 fighters *planting* mines").
_PHRASE_END = re.compile(
    r"(?:of|in|on|at|near|from|with|by|for|to|into|inside|outside|around|across|along|"
    r"behind|during|after|before|as|\w+ing|de|del|en|con|cerca|dans|près|avec|du|des|"
    r"bei|im|in|an|am|auf|mit|nahe|в|во|на|у|возле|около|при|с|со)",
    re.I,
)


def _noun_phrase(words: list[str], language: str) -> list[str]:
    """The words of an object's noun phrase: ``words`` up to a preposition or participle
    after its first word (:data:`_PHRASE_END`)."""
    for at, word in enumerate(words[1:], 1):
        if _counted(words[at - 1], language):
            continue  # "dozens of bandits", "des dizaines de": the count's own preposition
        if _PHRASE_END.fullmatch(word.strip(".,;:!?'\"")):
            return words[:at]
    return words


def _names_things(phrase: list[str], language: str) -> bool:
    """Whether a counted noun phrase names things (:data:`THINGS`): a count is of people
    unless a thing word says otherwise, as the people a military verb counts are named by
    open classes no form can close ("12 Boko Haram", "12 staff", "12 Rohingya", "12
    villageois", "zwölf Gläubige", "12 детей"). In English the head, the last word, decides
    when it names people or things ("12 bomb makers", "12 rocket launchers"), else any
    modifier that names a thing ("12 artillery pieces"); elsewhere any word does."""
    words = [w for w in _words_of(phrase) if not _counted(w, language)]
    if language == "en" and words:
        head = words[-1]
        if is_a_thing(head, language):
            return True
        if is_people(head, language):
            return False
    return any(is_a_thing(word, language) for word in words)


def _without_articles(words: list[str], language: str) -> list[str]:
    """``words`` without the articles among them (:data:`_DETERMINER`)."""
    article = _DETERMINER.get(language)
    return [w for w in words if article is None or article.search(w + " ") is None]


def _words_of(phrase: list[str]) -> list[str]:
    """The words of ``phrase`` without the punctuation around them."""
    return [w for w in (w.strip(".,;:!?'\"") for w in phrase) if w]


def _names_people(phrase: list[str], language: str) -> bool:
    """Whether a noun phrase names people: a word of people or a pronoun (:data:`PEOPLE`),
    or a noun formed as one of people (:data:`extractor.text.people._PEOPLE_FORM`: "kidnappers", "abductors",
    "Houthis", "ravisseurs", "secuestradores", "похитителей", "Entführer") that names no
    thing (:data:`THINGS`: "howitzers", "launchers"). In English the head noun, its last
    word, decides ("12 bomb makers" are people, "12 rocket launchers" are not); elsewhere the
    head comes first and its adjectives after, so any word does."""
    words = [w for w in _words_of(phrase) if not _counted(w, language)]
    if language == "en" and words:
        words = words[-1:]
    elif is_a_thing(next(iter(_without_articles(words, language)), ""), language):
        return False  # the head, first, names a thing: "les drones kamikazes"
    return any(is_people(word, language) for word in words)


def _counted(words: str, language: str) -> bool:
    """Whether ``words`` hold a count: a figure or a number word (:data:`_COUNTED`,
    :data:`_COUNT_WORDS`)."""
    return bool(_COUNTED.search(words)) or any(
        p.search(words) for p in with_english(_COUNT_WORDS, language)
    )


def _names_a_thing(object_: str, language: str) -> bool:
    """Whether a bare object names a thing (:data:`THINGS`: "neutralized enemy
    howitzers"); a bare object of no such word is a name ("eliminated Ali Hassan")."""
    return any(p.search(object_) for p in with_english(THINGS, language))


#: German auxiliaries after a final participle: "eliminiert zu haben", "eliminiert hat".
_DE_AUX = frozenset({"zu", "hat", "haben", "habe", "hatte", "hatten", "hätte", "hätten"})


def _last(cues: Mapping[str, re.Pattern[str]], text: str, language: str) -> int | None:
    """Where the last word of ``cues`` ends in ``text``."""
    ends = [m.end() for p in with_english(cues, language) for m in p.finditer(text)]
    return max(ends, default=None)


def _is_passive(text: str, match: re.Match[str], language: str) -> bool:
    """Whether the verb ``match`` found is in the passive: its subject suffered it."""
    if _UNSPACED.search(match.group()):  # "成员被以色列军队杀害": 被 a few characters before
        before = text[max(0, match.start() - 8) : match.start()]
    elif language == "de":  # the participle ends the clause: "wurden am Dienstag getötet"
        before = _CLAUSE_BREAK.split(text[: match.start()])[-1]
    else:
        before = " ".join(text[: match.start()].split()[-2:])
    after = " ".join(text[match.end() :].split()[:1])
    form = _PASSIVE_FORM.get(language)
    return (
        any(p.search(before) for p in with_english(_PASSIVE_BEFORE, language))
        or any(p.search(after) for p in with_english(_PASSIVE_AFTER, language))
        or (form is not None and form.fullmatch(match.group()) is not None)  # a whole word
    )


#: A word that may stand between a name and its event noun in English ("missile", "air",
#: "deadly"): lower case letters, no verb's ending ("condemned", "says") and no function
#: word ("the attack" after "condemned" is the object, not the name's own event).
_MODIFIER = re.compile(
    r"(?!(?:the|a|an|of|in|on|at|to|by|for|from|with|that|which|who|and|or|but|as|its|"
    r"their|his|her|has|have|had|is|are|was|were|be|been|will|would|said|says|say|"
    r"after|before|over|during|against)$)[a-z][a-z-]*(?<!ed)(?<!ing)(?<!s)",
)


def _owns_the_event(before: str, after: str, language: str, unspaced: bool) -> bool:
    """Whether the name is said of the event itself, so did it: "Israeli strikes",
    "Russia's attack", "israelische Angriffe", "以色列空袭" (the event right after the name),
    "l'attaque du Hamas", "el ataque de Al Shabab" (right before it, with "of"). Not in
    Arabic, whose object follows its subject ("أدانت مصر الهجوم")."""
    if language == "ar":
        return False
    if unspaced:
        return any(p.match(after) for p in with_english(EVENT_CUES, language))
    events = with_english(EVENT_CUES, language)
    # English puts a noun's modifiers before it ("Israeli missile strike", "Russia's
    # deadly drone attack"): up to two of them, never a verb or a function word
    for word in after.replace("'s ", " ").split()[: 3 if language == "en" else 1]:
        word = word.rstrip(",.;:!?)")
        if any(p.fullmatch(word) for p in events):
            return True
        if language != "en" or not _MODIFIER.fullmatch(word):
            break
    tail = " ".join(before.split()[-2:])
    return any(p.search(tail) for p in with_english(_EVENT_OF, language))


def _without_event_clauses(text: str, language: str) -> str:
    """``text`` without the relative clauses that describe the event: "the attack that
    killed 12", "den Anschlag, bei dem 12 Menschen starben,", "造成12人死亡的袭击": their harm
    is the event's, not the deed of the name before them. The noun they describe is marked
    the event (:data:`_EVENT_MARK`), whatever noun it is: a relative clause of harm makes any
    noun phrase the event ("the siege that killed 12", "Tuesday's rampage, which killed 12",
    :data:`_HARM_RELATIVE`), which a claim of it claims and a deed after it answers."""
    for pattern in with_english(_EVENT_CLAUSES, language):
        text = pattern.sub(
            lambda m: (
                f" {m.group(1) or ''}{_EVENT_MARK} {_main_verb_after(m.group(), language)}"
                if m.re.groups
                else " "
            ),
            text,
        )
    for pattern in with_english(_HARM_RELATIVE, language):
        text = pattern.sub(lambda m: _marked_if_harm(m, language), text)
    return text


def _main_verb_after(clause: str, language: str) -> str:
    """What of a relative ``clause`` read to the clause break belongs to the sentence: from
    an auxiliary, a copula or a modal after it ("the siege that killed 12 people *was an
    accident*", "*had been planned*", "*could have been avoided*"), the verb of which the
    marked noun phrase is the subject, so a claim before it reports a clause. A relative
    clause has one verb of its own, its word of harm: an auxiliary before that word is its
    own ("in which 12 people *were* killed", "that *was* said to *have* killed 12"), and so
    is one right after a relative pronoun or "and" ("12 people who were at the market")."""
    if language != "en":
        return ""
    harm = [m.end() for cues in (CASUALTY_CUES, _SUFFERS) for p in with_english(cues, language)
            for m in [p.search(clause)] if m]  # fmt: skip
    for verb in _MAIN_VERB.finditer(clause, min(harm, default=0)):
        before = clause[: verb.start()].split()[-1:]
        if before and not _RELATIVE_OR_AND.fullmatch(before[0]):
            return clause[verb.start() :]
    return ""


#: Verbs after a relative clause of harm that make its noun phrase their subject.
_MAIN_VERB = re.compile(
    r"(?<!\w)(?:was|were|is|are|had|has|have|did|does|would|will|could|can|may|might|"
    r"should|must|began|came|went|happened|occurred)(?!\w)"
)
_RELATIVE_OR_AND = re.compile(r"who|which|that|where|and|or|it|they|he|she|\d\S*", re.I)


#: What follows an English "that" that opens a relative clause on its subject ("the siege
#: that killed 12", "that has left 12 dead"), where one after a verb of speaking with a
#: subject of its own reports ("said in the north that its fighters killed").
_RELATIVE_VERB = (
    r"(?:has|had|have|was|were|is|also|reportedly|allegedly|left|claimed|took|killed|saw|\w+ed)"
    r"(?!\w)"
)
#: A noun phrase and the relative clause after it (group ``phrase``, group ``clause``): an
#: article or possessive opens the phrase (after a verb "that" opens a reported clause, not
#: a relative one: "said that 12 died"); Russian, with no article, has unambiguous relative
#: pronouns. :func:`_marked_if_harm` keeps those whose clause tells of harm.
_HARM_RELATIVE: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?P<phrase>{phrase})(?P<clause>{clause})", re.I)
    for language, phrase, clause in (
        (
            "en",
            r"(?<!\w)(?:the|an?|this|its|their|his|her|[\w-]+'s?)\s+(?:[\w'-]+\s+){0,3}?"
            r"[\w-]+(?<!'s)",
            rf"\s*,?\s+(?:that(?=\s+{_RELATIVE_VERB})|which|in which|during which|where)"
            r"(?!\w)[^,;]*",
        ),
        (
            "es",
            r"(?<!\w)(?:el|la|los|las|un|una|su|sus)\s+(?:\S+\s+){0,3}?\w+",
            r"\s*,?\s+(?:que(?!\s+(?:sus?|el|la|los|las|un|una|ellos|ellas|nuestr\w+)(?!\w))"
            r"|en (?:el|la) que|donde|el cual|la cual)(?!\w)[^,;]*",
        ),
        (
            "fr",
            r"(?:(?<!\w)(?:le|la|les|un|une|son|sa|ses|leur)\s+|(?<!\w)l')(?:\S+\s+){0,3}?\w+",
            r"\s*,?\s+(?:qui|dont|où|lors duquel|lors de laquelle|au cours duquel)(?!\w)[^,;]*",
        ),
        (
            "de",
            r"(?<!\w)(?:der|die|das|den|dem|des|ein\w*)\s+(?:\S+\s+){0,3}?\w+",
            r"\s*,\s*(?:(?:bei|durch|nach|in|an)\s+)?(?:dem|der|denen|welche[mnrs]?)(?!\w)"
            r"[^,;]*,?",
        ),
        ("ru", r"\w+", r"\s*,\s*(?:в (?:результате )?котор\w+|при котор\w+|котор\w+)(?!\w)[^,;]*"),
    )
}


#: A relative clause whose subject refers back to the sentence's subject ("in which it
#: killed", "during which its fighters killed", "that they carried out"): the deed is the
#: subject's own, not an event it answers.
_SUBJECT_IS_IT = re.compile(
    r"\s*,?\s+(?:that|which|in which|during which)\s+(?:it|its|they|their)(?!\w)", re.I
)


def _marked_if_harm(match: re.Match[str], language: str) -> str:
    """The noun phrase of ``match`` marked the event if its relative clause tells of harm
    ("that killed 12 people", "in which 12 died"), else ``match`` as it was."""
    clause = match.group("clause")
    if _SUBJECT_IS_IT.match(clause):
        return match.group()  # "the siege in which it killed 12": the name's own deed
    harm = (CASUALTY_CUES, _SUFFERS)
    if not any(p.search(clause) for cues in harm for p in with_english(cues, language)):
        return match.group()
    return f"{match.group('phrase')}{_EVENT_MARK} {_main_verb_after(clause, language)}"


def toll_period(
    quote: str, language: str, published: date | None, counts: Iterable[int | None] = ()
) -> DateValue | bool:
    """Whether the sentences of the quote that tell the count's harm give a total over a
    period, and its period when written: a :class:`DateValue` ("since 2019", "desde marzo",
    "منذ 2021", "2021年以来"), True for a period without a datable start ("so far", "since
    the coup"), False for none. A cue in a sentence without harm is not the count's ("The
    rebels have fought since 2019. A bomb killed 12 on Tuesday."), nor one in a sentence
    that tells another count ("Gunmen killed 12 on Tuesday. Since January, 300 have died.")."""
    found: DateValue | bool = False
    counts = tuple(counts)
    for sentence in _toll_sentences(quote, language, counts):
        undated = False
        clauses = _CountClauses(sentence, language, counts)
        for since in _periods_since(sentence, language, published, clauses.another):
            if isinstance(since, DateValue):
                return since
            found = undated = True
        begun = _begun_before_its_toll(sentence, language, published)
        if begun is not None:
            return begun
        year = _year_so_far(sentence, language, published, undated, clauses.another)
        if year is not None:
            return year
        if any(
            clauses.marked_by(cue, raised=table is _RAISED_TOLL)
            and (table is not _RAISED_TOLL or _raised_running_total(sentence, cue, language))
            for table in (CUMULATIVE_CUES, _RAISED_TOLL)
            for p in with_english(table, language)
            for cue in p.finditer(sentence)
        ):
            found = True
    return found


class _CountClauses:
    """The clauses of a toll's sentence and the one that writes the drafted count (UCDP,
    ACLED code the event and a running total apart): a word of a running total marks
    only the count of its own clause. "Five people were killed on Monday, bringing the
    total so far to 40" sums 40, not the five of Monday; "..., adding that no group has
    so far claimed the attack" and "the deadliest so far this month" sum nothing."""

    def __init__(self, sentence: str, language: str, counts: Iterable[int | None]) -> None:
        self.sentence = sentence
        self.language = language
        self.counts = {int(n) for n in counts if n is not None}
        self.spans = _clause_spans(sentence)
        self.forms = _count_forms(self.counts, language)
        self.holding = {
            i for i, (a, b) in enumerate(self.spans) if _writes_count(sentence[a:b], self.forms)
        }

    def _clause(self, at: int, end: int) -> set[int]:
        """The clauses the words at ``at``..``end`` belong to: their own, and the next (or,
        last in the sentence, the one before) when their own holds little else ("So far,
        40 people have died", "Bisher wurden 40 getötet", "到目前为止，已有40人死亡")."""
        i = next((k for k, (a, b) in enumerate(self.spans) if a <= at < b), len(self.spans) - 1)
        a, b = self.spans[i]
        rest = f"{self.sentence[a:at]} {self.sentence[end:b]}".strip()
        most = _ADVERBIAL_HAN if _HAN.search(rest) else _ADVERBIAL_CHARS
        if (
            len(rest.split()) > _ADVERBIAL_WORDS
            or len(rest) > most
            or _writes_count(rest, self.forms)
        ):
            return {i}
        if any(p.search(rest) for p in _harm_words(self.language)):
            return {i}  # "死亡人数已达40人": a clause of its own
        if i + 1 < len(self.spans):
            return {i, i + 1}
        return {i, i - 1} if i else {i}

    def _other_figure(self, clause: set[int]) -> bool:
        """Whether ``clause`` writes a count that is not the drafted one ("to 40"); a year
        is no count."""
        for i in clause:
            text = self.sentence[slice(*self.spans[i])]
            for figure in figures_in(text, self.language):
                if figure.kind not in ("digits", "words") or int(figure.value) in self.counts:
                    continue
                if not _dates_a_day(text, figure.start, figure.end, self.language):
                    return True
        return False

    def another(self, at: int, end: int | None = None) -> bool:
        """Whether the words at ``at`` are in the clause of another count than the drafted
        one, written elsewhere in the sentence: "Gunmen killed 12 on Tuesday, bringing the
        toll since January to 300" dates the 300, not the 12."""
        if not self.holding:
            return False
        clause = self._clause(at, at if end is None else end)
        return not clause & self.holding and self._other_figure(clause)

    def marked_by(self, cue: re.Match[str], *, raised: bool = False) -> bool:
        """Whether the running-total word ``cue`` marks the drafted count: not after a
        superlative that compares the event ("the deadliest so far"), not in a clause of
        another count, nor, with the count written in the sentence, in a clause without
        it ("police said, adding that no group has so far claimed the attack"); with the
        count not found, not in a clause of claiming that tells no harm. A ``raised`` toll
        ("bringing the death toll to 40") is a clause of its own words: it marks its 40,
        never the five of the clause before."""
        lang = self.language if self.language in _COMPARED else "en"
        if _COMPARED[lang].search(self.sentence[max(0, cue.start() - 60) : cue.start()]):
            return False
        clause = self._clause(cue.start(), cue.start() if raised else cue.end())
        text = " ".join(self.sentence[slice(*self.spans[i])] for i in sorted(clause))
        if not raised and self._recovered(text):
            return False  # "so far, rescuers have recovered 12 bodies": the search's
        if self.holding:
            return bool(clause & self.holding)
        if self.counts and self._other_figure(clause):
            return False
        claimed = any(p.search(text) for p in with_english(_CLAIMED, self.language))
        return not claimed or any(p.search(text) for p in _harm_words(self.language))

    def _recovered(self, text: str) -> bool:
        """Whether ``text`` recovers the bodies of the drafted count (:data:`_RECOVERED`):
        "so far, rescuers have recovered 12 bodies" counts the search for one event's
        dead, but in "So far, 40 people have been killed and rescuers recovered 12 bodies"
        the recovery counts its 12, and the 40 stays a running total. With the count not
        written in ``text``, any recovery is the search's."""
        written = bool(self.forms) and _writes_count(text, self.forms)
        for p in with_english(_RECOVERED, self.language):
            for found in p.finditer(text):
                if not written:
                    return True
                before = re.search(r"(?:\S+\s+){0,3}\Z", text[: found.start()])
                after = re.match(r"(?:\s*\S+){0,4}", text[found.end() :])
                near = (before.group() if before else "") + found.group()
                if _writes_count(near + (after.group() if after else ""), self.forms):
                    return True
        return False


#: Bodies recovered, found or pulled out: "so far" with them measures the search for the
#: dead of one event ("So far, rescuers have recovered 12 bodies from Monday's attack"),
#: not a running total over a period.
_RECOVERED: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"(?:recover\w*|retriev\w*|pull(?:ed|ing)? out|found|exhum\w*|dug out)(?: [\w'’-]+){0,3} bod(?:y|ies)"],
    "es": [r"(?:recuper|rescat|hall|encontr|exhum)\w*(?: \w+){0,3} (?:cuerpos?|cadáver(?:es)?|restos)"],
    "fr": [r"(?:récupér|retrouv|extrai|dégag|exhum)\w*(?: [\w'’]+){0,4} (?:corps|cadavres?|dépouilles?)"],
    "de": [r"(?:Leichen|Leichnam\w*|Tote)(?: \w+){0,6} (?:geborgen|gefunden|entdeckt)",
           r"(?:bargen|geborgen)(?: \w+){0,3} (?:Leichen|Tote)"],
    "ru": [r"(?:извле[кч]\w*|обнаруж\w*|найден\w*|нашли|подняли)(?: \w+){0,3} тел\w*"],
    "pt": [r"(?:recuper|resgat|encontr|exum)\w*(?: \w+){0,3} (?:corpos?|cadáver(?:es)?)"],
    "it": [r"(?:recuperat|ritrovat|estratt|riesumat)\w*(?: \w+){0,3} (?:corpi|cadaveri|salme)"],
})  # fmt: skip


def _dates_a_day(text: str, start: int, end: int, language: str) -> bool:
    """Whether the figure at ``start``..``end`` of ``text`` writes a date, not a count: a
    year ("2019"), or a day next to its month ("3 марта", "March 3", "24. Februar")."""
    figure = text[start:end]
    if _YEAR.fullmatch(figure) or text[end : end + 1] in ("年", "月", "日", "号"):
        return True
    months = {*month_words(language), *MONTHS}
    after = re.match(r"[.\s]*(?:de\s+)?([^\W\d_]+)", text[end:])
    before = re.search(r"([^\W\d_]+)\.?\s*(?:de\s+|el\s+)?\Z", text[:start])
    return any(m is not None and m.group(1).lower() in months for m in (after, before))


#: How few other words make a clause an adverbial of the next ("So far", "Over the past
#: three days", "Hasta ahora", "到目前为止").
_ADVERBIAL_WORDS = 2
_ADVERBIAL_CHARS = 16
_ADVERBIAL_HAN = 4
_HAN = re.compile(f"[{UNSPACED_CHARS}]")


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of ``sentence``'s clauses, cut where a period's clause ends
    (:data:`_PERIOD_BREAK`: not inside a date or a number)."""
    spans, start = [], 0
    for cut in _PERIOD_BREAK.finditer(sentence):
        spans.append((start, cut.start()))
        start = cut.end()
    return [*spans, (start, len(sentence))]


def _begun_before_its_toll(
    sentence: str, language: str, published: date | None
) -> DateValue | None:
    """The period of a toll whose subject a relative clause dates by its beginning: "The
    war, *which began in 2019*, has killed 300 people", "the conflict that started in March
    2021 has killed", "la guerra, que comenzó en 2019, ha matado", "la guerre, qui a
    commencé en 2019, a fait 300 morts", "der Krieg, der 2019 begann, hat ... getötet". The
    toll of a thing since its start is cumulative over that period (UCDP, ACLED), from the
    start to publication. Only a relative on the sentence's subject, an event or a period's
    start (:data:`_PERIOD_START`, :data:`EVENT_CUES`), with a year, and a main verb in the
    perfect (:data:`_PERFECT`) that tells harm: a past tense ("The raid, which began at
    dawn, killed 12") tells an event."""
    perfect = _PERFECT.get(language)
    if published is None or perfect is None:
        return None
    for opener in _RELATIVE_OF_BEGINNING.finditer(sentence):
        subject = sentence[: opener.start()]
        if any(p.search(subject) for p in _harm_words(language)):
            continue  # "A strike killed 12 in the war, which began in 2019": no subject's
        if len(subject.split()) > _SUBJECT_WORDS or not (
            _PERIOD_START.search(subject)
            or any(p.search(subject) for p in with_english(EVENT_CUES, language))
        ):
            continue
        clause = sentence[opener.end() :]
        began = _BEGAN.search(clause)
        year = _YEAR.search(clause)
        if (
            began is None
            or year is None
            or len(clause[: max(began.start(), year.start())].split()) > 5
        ):
            continue
        start = began.end() if began.start() < year.start() else 0
        main = clause[max(began.end(), year.end()) :].lstrip(" ,")
        aux = perfect.match(main)
        if aux is None or not any(
            p.search(main[aux.end() : aux.end() + 80]) for p in _harm_words(language)
        ):
            continue
        written = _DATE_PREPOSITION.sub("", clause[start : year.end()].strip(), count=1)
        since = {"es": "desde", "pt": "desde", "fr": "depuis", "de": "seit", "it": "dal"}
        resolved = DateValue.resolve(
            f"{since.get(language, 'since')} {written}", published, language
        )
        if resolved is not None and resolved.value is not None:
            told = clause[: max(began.end(), year.end())]  # "der 2019 begann"
            return resolved.model_copy(update={"text": sentence[: opener.end()] + told})
    return None


#: A relative word after its subject ("The war, which", "the conflict that", "la guerra,
#: que", "la guerre, qui", "der Krieg, der", "a guerra, que", "la guerra, che").
_RELATIVE_OF_BEGINNING = re.compile(
    r"(?:,\s*|\s)(?:which|that|que|qui|der|die|das|welche[rs]?|che|la quale|il quale)\s+",
    re.IGNORECASE,
)
#: The preposition before a beginning's date ("in 2019", "en marzo", "nel 2019", "em março").
_DATE_PREPOSITION = re.compile(
    r"^(?:in|en|em|nel|nell['’]|im|au|a|el|le|o|the)\s+(?:(?:el|le|o|il)\s+)?", re.IGNORECASE
)
#: How many words a relative's subject may take ("The war in the north of the country").
_SUBJECT_WORDS = 8
#: A main verb in the perfect right after a relative clause, a running total's tense ("has
#: killed", "ha matado", "a fait", "hat ... getötet", "já matou", "ha ucciso").
_PERFECT: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?:{words})(?!\w)", re.IGNORECASE)
    for language, words in (
        ("en", r"(?:so far |already )?(?:has|have)"),
        ("es", r"(?:ya )?(?:ha|han)"),
        ("fr", r"(?:a|ont)(?: déjà)?"),
        ("de", r"(?:hat|haben)"),
        ("pt", r"(?:já )?(?:matou|mataram|deixou|deixaram|causou|causaram|tem|têm|fez)"),
        ("it", r"(?:ha|hanno)(?: già)?"),
    )
}


def _year_so_far(
    sentence: str,
    language: str,
    published: date | None,
    since_undated: bool,
    another: Callable[[int, int], bool] = lambda at, end: False,
) -> DateValue | None:
    """The publication's year when ``sentence`` sums its toll over the year so far ("has
    killed 300 people this year", "so far this year", "en lo que va de año"), or its
    undated period is the year's start ("seit Jahresbeginn", "с начала года", read as the
    toll's by :func:`_periods_since`). A past tense ("killed 12 earlier this year") or a
    comparison ("the deadliest so far this year") sums nothing."""
    if published is None:
        return None
    tables = (_YEAR_SO_FAR, _YEAR_START) if since_undated else (_YEAR_SO_FAR,)
    patterns = [p for table in tables for p in with_english(table, language)]
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            lang = language if language in _COMPARED else "en"
            if _COMPARED[lang].search(sentence[max(0, match.start() - 60) : match.start()]):
                continue
            if another(match.start(), match.end()):
                continue  # "five killed on Monday; in total, 40 have died so far this year"
            return DateValue(
                text=match.group(), value=f"{published.year:04d}", precision="year",
                kind="range", end=published.isoformat(),
            )  # fmt: skip
    return None


#: The year so far as a toll's period, told without a "since".
_YEAR_SO_FAR: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["so far this year", "this year so far", r"(?:has|have)(?: [\w,]+){1,6} this year"],
    "es": [r"en lo que va (?:del|de) año"],
})  # fmt: skip
#: The year's start as a "since" period's complement.
_YEAR_START: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": ["since the (?:start|beginning) of (?:the|this) year"],
    "es": [r"desde (?:el )?(?:inicio|comienzo|principio) del año"],
    "fr": [r"depuis le début de (?:l['’]année|cette année)"],
    "de": ["seit Jahresbeginn", "seit Jahresanfang", r"seit (?:Anfang|Beginn) (?:des|dieses) Jahres"],
    "ru": [r"с начала (?:этого |текущего )?года"],
    "ar": [r"منذ (?:بداية|مطلع) (?:هذا )?العام"],
    "pt": [r"desde o (?:início|começo) do ano"],
    "it": [r"dall['’]inizio dell['’]anno"],
})  # fmt: skip


def _toll_sentences(quote: str, language: str, counts: Iterable[int | None] = ()) -> list[str]:
    """The sentences of ``quote`` that tell a harm or name a toll ("The toll since 2019
    stands at 300"), those that write one of ``counts`` when any does (all of them when
    none tells a harm)."""
    sentences = [s for s in _split_toll_sentences(quote) if s.strip()]
    cues = [*with_english(CASUALTY_CUES, language), *with_english(_TOLL_NOUNS, language)]
    harm = [s for s in sentences if any(p.search(s) for p in cues)]
    told = harm or sentences
    wanted = _count_forms(counts, language)
    return [s for s in told if _writes_count(s, wanted)] or told


def _count_forms(counts: Iterable[int | None], language: str) -> set[str]:
    """How ``language`` or English may write the counts: in digits (read by
    :func:`_numbers_written`, separators or not), and from two on in words ("five", "fünf",
    "пять", "五"); one is also an article ("a", "un", "ein") and is read in digits only."""
    forms: set[str] = set()
    for count in counts:
        if count is None:
            continue
        forms.add(str(count))
        if count >= 2:
            forms |= {form for form in number_forms(count, language) if not form.isdigit()}
    return forms


def _writes_count(text: str, forms: set[str]) -> bool:
    """Whether ``text`` writes one of the count ``forms``: its digits as a whole number
    ("37" in "杀死了37名", not in "370"), or a word form as a whole figure."""
    return bool(forms & _numbers_written(text)) or any(
        written_in(text, form) for form in forms if not form.isdigit()
    )


def _split_toll_sentences(quote: str) -> list[str]:
    """``quote`` split at its sentence ends, but not at the dot of an ordinal day before its
    month ("Seit dem 24. Oktober") or of a month's abbreviation before its day ("Since
    Oct. 7, 2023"): a date is whole."""
    pieces, start = [], 0
    for end in _SENTENCE_END.finditer(quote):
        if quote[end.start() - 1].isdigit() and _ORDINAL_MONTH.match(quote, end.end()):
            continue
        if _ABBREVIATED_MONTH.search(quote[max(0, end.start() - 6) : end.start()]) and (
            _DAY_AFTER.match(quote, end.end())
        ):
            continue  # "Since Oct. 7, 2023": the month's abbreviation
        pieces.append(quote[start : end.start()])
        start = end.end()
    return [*pieces, quote[start:]]


#: The month after an ordinal day's dot ("24. Oktober", "1. März").
_ORDINAL_MONTH = re.compile(
    r"\s+(?:Jan|Feb|Mär|Mar|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\w*", re.IGNORECASE
)
#: An English month's abbreviation that ends where its dot is ("Oct", "Sept").
_ABBREVIATED_MONTH = re.compile(r"(?<![^\W\d_])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\Z")
#: The day after a month's abbreviation ("Oct. 7").
_DAY_AFTER = re.compile(r"\s+\d{1,2}(?!\d)")
#: A number as written in a count: digits, with thousands separated or not ("1,200", "1.200").
_NUMBER = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3}(?!\d))+|\d+")


def _numbers_written(sentence: str) -> set[str]:
    """The numbers ``sentence`` writes in digits, without their separators."""
    return {re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(sentence)}


def _periods_since(
    sentence: str,
    language: str,
    published: date | None,
    another: Callable[[int, int], bool] = lambda at, end: False,
) -> Iterator[DateValue | bool]:
    """Each period a "since" of ``sentence`` opens for its count: its date when it resolves,
    else True; a "since" before no time, after a superlative, or in a phrase that describes
    a noun ("the group, active since 2019, killed 12") opens none."""
    if language in _TIME_BEFORE_SINCE:
        for match in _ZH_SINCE.finditer(sentence):
            if _ZH_DESCRIBES.match(sentence, match.end()):
                continue  # "自2019年以来一直活跃的组织": the period of the group
            if another(match.start(), match.end()):
                continue  # the period of another count's clause
            resolved = _zh_month_of_a_near_year(match.group(), published) or DateValue.resolve(
                match.group(), published, language
            )
            yield resolved if resolved and resolved.value else True
    for lang in dict.fromkeys(("en", language)):
        word = _SINCE_WORDS.get(lang)
        for match in word.finditer(sentence) if word else ():
            compared = _COMPARED[lang].search(sentence[max(0, match.start() - 60) : match.start()])
            if (
                compared is None
                and not another(match.start(), match.end())
                and not _in_other_clause(sentence, match.start(), language)
                and _in_toll_clause(sentence, match.start(), language)
            ):
                period = _period_from(sentence, match, language, published)
                if period is not None:
                    yield period


#: The languages that write a period's time before its "since" (以来), as Chinese and
#: Japanese do ("自2021年以来", "2021年以来", "戦争開始以来").
_TIME_BEFORE_SINCE = frozenset({"zh", "ja"})


def _zh_month_of_a_near_year(since: str, published: date | None) -> DateValue | None:
    """A Chinese period whose year is told relative to publication and whose month or day
    is written ("自今年1月以来", "自去年10月以来", "自今年2月5日以来"): dated to its month or day,
    not its year alone; the toll runs from then to publication."""
    found = _ZH_NEAR_YEAR.search(since)
    if found is None or published is None:
        return None
    year = published.year - _ZH_YEARS_BACK[found["year"]]
    month = int(found["month"])
    if not 1 <= month <= 12 or date(year, month, 1) > published:
        return None  # no month, or one after publication: no period of this toll
    value, precision = f"{year:04d}-{month:02d}", "month"
    if found["day"] is not None:
        try:
            day = date(year, month, int(found["day"]))
        except ValueError:
            return None
        if day > published:
            return None
        value, precision = day.isoformat(), "day"
    return DateValue(
        text=since, value=value, precision=precision, kind="range", end=published.isoformat()
    )


#: A Chinese year told from publication, then its month and maybe day ("今年1月", "去年10月5日").
_ZH_NEAR_YEAR = re.compile(
    r"(?P<year>今年|去年|前年)(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})[日号])?"
)
_ZH_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2}
#: After a Chinese "以来": a modifier ending in 的 before any harm, which describes the noun
#: it precedes ("以来一直活跃的武装组织"), not the toll ("以来死亡的人数" tells the harm first).
_ZH_DESCRIBES = re.compile(r"(?:(?!死亡|丧生|遇难|身亡|杀|伤)[^，。；,;：:的]){0,12}的")


def _in_toll_clause(sentence: str, at: int, language: str) -> bool:
    """Whether the "since" at ``at`` modifies the clause that tells the harm, not a noun in
    it: it opens its clause ("Since January, attacks have killed", "Insgesamt seit", "said
    that since", "wurden seit Januar"), follows a word of harm in its clause ("have killed
    12 since", "قتل 12 شخصا منذ"), or the subject it measures ("Attacks since October have
    killed", "In Gaza since October"). A phrase that describes a noun ("The group, active
    since 2019,", "12 hostages held since", "действующая в регионе с 2019 года", "Bei den
    seit drei Wochen andauernden Kämpfen") and an Arabic subject's adjective after its verb
    ("قتلت الجماعة الناشطة منذ") date the noun."""
    *opening, before = _PERIOD_BREAK.split(sentence[:at])
    words = before.split()
    if (
        not words
        or words[-1].lower() in _CLAUSE_OPENERS
        or (not opening and len(words) == 1 and not _DIGITS.search(before))  # "Insgesamt seit"
    ):
        return True
    if _names_toll(before, opening, language):
        return True  # "bringing the toll since 2019 to 300", "The toll, which has risen since"
    if _in_counting_modifier(before, sentence[at:], language):
        return True  # "The conflict, which has killed 300 people since 2019, flared again"
    told = [m for p in _harm_words(language) for m in p.finditer(before)]
    if told:
        if language != "ar":
            return True
        after_verb = before[max(m.end() for m in told) :].split()
        return not (
            after_verb
            and after_verb[0].startswith("ال")
            and not any(ch.isdigit() for ch in "".join(after_verb))
        )
    if _RELATIVE.search(before):
        return False
    if any(p.search(before) for p in with_english(EVENT_CUES, language)):
        return True
    if opening or _DIGITS.search(before):  # ", active since", "12 hostages held since"
        return False
    # the sentence's first words: its subject ("Les violences depuis") or a place ("In
    # Gaza since"), not a phrase of circumstance ("Bei den seit drei Wochen andauernden")
    return words[0].lower() in _PLACE_LEADS or words[0].lower() not in _CIRCUMSTANCE_LEADS


def _names_toll(before: str, opening: list[str], language: str) -> bool:
    """Whether the "since" after ``before`` measures a toll noun: one in its own clause
    ("bringing the toll since 2019 to 300", "le nombre de morts depuis", "die Zahl der Toten
    seit") or the noun its relative clause describes ("The toll, which has risen since").
    A toll with a period is a running total wherever its clause stands."""
    nouns = with_english(_TOLL_NOUNS, language)
    if any(p.search(before) for p in nouns):
        return True
    return (
        bool(opening)
        and _RELATIVE_OPENS.match(before) is not None
        and any(_ends_with(p, opening[-1]) for p in nouns)
    )


def _ends_with(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` matches among the last three words of ``text`` (the noun a
    relative clause after it describes: "The death toll, which")."""
    return pattern.search(" ".join(text.split()[-3:])) is not None


def _in_counting_modifier(before: str, after: str, language: str) -> bool:
    """Whether the "since" stands in a relative clause or participle that holds the count
    and its harm ("The conflict, which has killed 300 people since 2019,", "Der Konflikt,
    der seit 2019 300 Menschen getötet hat,", "Конфликт, унесший с 2019 года жизни 300
    человек,"): the clause that holds the count decides its period. A modifier without the
    count ("The group, active since 2019, killed 12") dates its noun."""
    if _RELATIVE_OPENS.match(before) is None:
        return False
    clause = before + _PERIOD_BREAK.split(after, maxsplit=1)[0]
    return _DIGITS.search(clause) is not None and any(
        p.search(clause) for p in _harm_words(language)
    )


def _harm_words(language: str) -> list[re.Pattern[str]]:
    """The words that tell a harm in ``language``'s clauses: its casualty words, Arabic's
    verbs of harm ("قتل"), and, for a language with no words of its own, a count's digits
    ("Os ataques mataram 12 pessoas desde 2019"); and the words of a running total's verb
    ("ha matado", "унесший жизни", "أودى بحياة")."""
    harm = [*with_english(CASUALTY_CUES, language), *with_english(_TOTAL_HARM, language)]
    if language == "ar":
        return [*harm, _ACTION["ar"]]
    return harm if language in CASUALTY_CUES else [*harm, _DIGITS]


_DIGITS = re.compile(r"\d+")
#: The words that open a relative clause or a participle after its noun's comma: a
#: relative word within the first three ("which", "que", "bei dem", "в ходе которого",
#: "الذي"), a German relative article, a Russian active participle ("унесший", "унёсшая").
_RELATIVE_OPENS = re.compile(
    r"\s*(?:(?:\S+\s+){0,2}?(?:that|which|who|que|qui|dont|котор\w+|الذي|التي)(?!\w)|"
    r"(?:(?:bei|durch|nach|in|an|mit|seit)\s+)?(?:der|die|das|dem|den|denen|welche[mnrs]?)\s|"
    r"\w+(?:вш|ш|ющ|ящ|ущ|ащ)(?:ий|ая|ее|ие|его|ей|их|ую)(?!\w))",
    re.IGNORECASE,
)
#: The nouns of a toll: a period that measures one dates a running total.
_TOLL_NOUN_WORDS: dict[str, list[str]] = {
    "en": ["(?:death |casualty )?toll", "tally",
           r"(?:number|count) (?:of )?(?:the )?(?:\w+ )?(?:dead|deaths|killed|casualties|fatalities|victims)"],
    "es": [r"balance(?: de (?:muertos|víctimas))?",
           r"(?:número|cifra) (?:de|total de) (?:\w+ )?(?:muertos|víctimas|fallecidos|muertas)"],
    "fr": ["bilan", r"nombre (?:de|des|total de) (?:\w+ )?(?:morts|victimes|tués|décès)"],
    "de": ["Bilanz", "Opferzahl", "Totenzahl", "Todeszahl",
           r"(?:Gesamt)?zahl der (?:\w+ )?(?:Toten|Opfer|Todesopfer|Getöteten)"],
    "ru": [r"(?:число|количество|числа|количества) (?:\w+ )?(?:погибших|жертв|убитых)"],
    "ar": [r"(?:ال)?حصيلة", r"عدد (?:ال)?(?:قتلى|ضحايا|وفيات)"],
    "pt": [r"balanço", r"número (?:de|total de) (?:\w+ )?(?:mortos|vítimas)"],
    "it": [r"bilancio", r"numero (?:dei|di|delle) (?:\w+ )?(?:morti|vittime)"],
    "zh": [r"(?:死亡|遇难|罹难|丧生|死难)总?人数", r"死亡总数", r"死者人数"],
}  # fmt: skip
_TOLL_NOUNS: Mapping[str, re.Pattern[str]] = cue_patterns(_TOLL_NOUN_WORDS)
#: The verbs that raise a toll to a new figure, with the toll as their object ("bringing
#: the death toll to 40", "ce qui porte le bilan à 40", "elevando la cifra de muertos a 40",
#: "доведя число погибших до 40") or their subject ("the number of dead rose to 40",
#: "el número de muertos asciende a 40", "die Zahl der Toten stieg auf 40", "общее число
#: жертв достигло 40"): a toll raised to N sums N over the days before (UCDP, ACLED code a
#: running total apart from the event that raised it).
_RAISING_VERBS: dict[str, tuple[str, str]] = {
    "en": (r"(?:bring(?:s|ing)?|brought|tak(?:e|es|ing)|took|rais(?:e|es|ed|ing)|push(?:es|ed|ing)?|lift(?:s|ed|ing)?)",
           r"(?:r(?:ose|isen|ises|ising)|climb(?:s|ed|ing)?|jump(?:s|ed)|increas(?:es|ed)|reach(?:es|ed)|grew|mount(?:s|ed))"),
    "es": (r"(?:elev(?:a|ó|ando|an|aron)|llev(?:a|ó|ando|an|aron)|situando)",
           r"(?:ascend(?:ió|e|ía|iendo)|asciende|sub(?:e|ió|iendo)|aument(?:a|ó)|lleg(?:a|ó)|se elev(?:a|ó))"),
    "fr": (r"(?:port(?:e|ant|ent|ait|é)|élev(?:e|ant|ent|é)|fai(?:t|sant) passer)",
           r"(?:s['’](?:élève|est élevé|alourdi\w*|est alourdi)|passe|est passé|atteint|grimpe|a grimpé|augment\w*)"),
    "de": (r"(?:erhöh\w+|brachte|bringt)",
           r"(?:(?:an)?stieg|(?:an)?steigt|(?:an)?gestiegen|kletterte|klettert|geklettert|"
           r"erreichte|erreicht|wuchs|erhöhte sich|erhöht sich)"),
    "ru": (r"(?:довед\w+|довел\w*|увеличив\w*)",
           r"(?:достиг\w*|возросл\w*|возрос|вырос\w*|увеличил\w*|превысил\w*)"),
    "pt": (r"(?:elev(?:a|ou|ando|am)|lev(?:a|ou|ando|am))",
           r"(?:sub(?:iu|iram|ia|e)|cheg(?:ou|a)|ating(?:iu|e)|aument(?:ou|a))"),
    "it": (r"(?:port(?:a|ando|ano|ato)|elev(?:a|ando|ato))",
           r"(?:sal(?:e|ito|ita|gono)|raggiung\w+|aument\w+)"),
    # Arabic raises with a verb of consequence before its toll ("ليرتفع عدد القتلى إلى 40",
    # "ما يرفع حصيلة القتلى إلى 40"): the subjunctive after "لـ" (so that), or "يرفع"
    # (raises) after "ما"/"مما" (which); a bare "ارتفع" rises, summing with a mark alone.
    "ar": (r"(?:ل[يت]رتفع|ل[يت]صل|ل[يت]بلغ|(?:م?ما|وهو ما)\s+[يت]رفع|ل[يت]رفع)",
           r"(?:ارتفع|ارتفعت|[يت]رتفع|وصل|وصلت|[يت]صل|بلغ|بلغت|[يت]بلغ)"),
    # Chinese raises with "使"/"令"/"致使" (making) before its toll ("使死亡人数升至40人"),
    # or the toll rises with a mark of consequence or summing ("死亡人数因此升至40人").
    "zh": (r"(?:使得|使|令|致使|让)",
           r"(?:上升至|上升到|升至|增至|增加至|增加到|攀升至|达到|达|已达|升高至)"),
}  # fmt: skip
#: What may stand between a raising verb and its toll ("bringing the overall toll",
#: "porte le bilan total", "stieg damit die Zahl", "общее число ... уже достигло").
_RAISED_GAP = (
    r"(?:\s+(?:the|its|their|overall|total|now|has|have|had|thus|further|again|already|also|"
    r"el|la|los|las|lo|ya|así|ahora|total|le|les|l['’]|a|ont|ainsi|désormais|déjà|donc|global|totale|"
    r"die|den|der|das|damit|insgesamt|nun|inzwischen|bereits|sich|hat|ist|"
    r"уже|теперь|тем самым|общее|общий|o|os|já|assim|il|così|già|ha|è|بذلك|"
    r"الإجمالي|الإجمالية|已|已经|总))*\s*"
)
#: The words that make a toll's own rise a sum ("the overall toll rose", "con lo que el
#: número ... asciende", "ce qui ... le bilan s'élève", "insgesamt stieg ... damit",
#: "общее число ... достигло"): without one, the toll that rises may be one event's own,
#: growing as its dead are counted ("the death toll has now risen to 100").
_TOTALLING: dict[str, str] = {
    "en": r"(?:total|overall|cumulative|thereby)",
    "es": r"(?:con lo que|lo que|total|así)",
    "fr": r"(?:ce qui|total|totale|global|ainsi)",
    "de": r"(?:insgesamt|damit|womit|wodurch|weshalb|weswegen|so dass|sodass|Gesamt\w*)",
    "ru": r"(?:общее|общая|общий|тем самым|таким образом|в результате чего|вследствие чего)",
    "pt": r"(?:o que|com isso|total)",
    "it": r"(?:il che|complessivo|totale)",
    "ar": r"(?:بذلك|وبذلك|الإجمالي|الإجمالية|إجمالي)",
    "zh": r"(?:因此|至此|由此|从而|累计|总共|共计)",
}


def _raised_toll(language: str, raises: str, rises: str) -> list[str]:
    """The fragments of a toll raised to a new figure in ``language``: the raising verb
    before its toll ("bringing the toll to", "which brings to 40 the number"), or the toll
    rising with a word of summing before it or after it (:data:`_TOTALLING`)."""
    nouns = f"(?:{'|'.join(_TOLL_NOUN_WORDS[language])})"
    mark = _TOTALLING[language]
    fragments = [
        f"{raises}{_RAISED_GAP}{nouns}(?!\\s+on\\s)",  # not "taking a toll on health"
        f"{raises}\\s+(?:to|a|à|auf|до|para)\\s+\\d[\\d.,]*{_RAISED_GAP}{nouns}",
        f"{mark}(?:\\s+[^\\s,;:.]+){{0,3}}?\\s+{nouns}{_RAISED_GAP}{rises}",
        f"{nouns}\\s+{mark}{_RAISED_GAP}{rises}",
        f"{nouns}{_RAISED_GAP}{rises}\\s+{mark}",
    ]
    if language in ("zh", "ar"):  # "死亡人数因此升至40", "ارتفع بذلك عدد القتلى إلى 40"
        fragments += [f"{nouns}{_RAISED_GAP}{mark}{_RAISED_GAP}{rises}",
                      f"{mark}{_RAISED_GAP}{nouns}{_RAISED_GAP}{rises}",
                      f"{rises}{_RAISED_GAP}{mark}{_RAISED_GAP}{nouns}",
                      f"{rises}{_RAISED_GAP}{nouns}{_RAISED_GAP}{mark}"]  # fmt: skip
    if language == "de":  # V2: "insgesamt stieg die Zahl der Toten damit auf 40"
        fragments += [f"{mark}{_RAISED_GAP}{rises}{_RAISED_GAP}{nouns}",
                      f"{rises}{_RAISED_GAP}{nouns}\\s+{mark}",
                      *_verb_last_raised(mark, raises, rises, nouns)]  # fmt: skip
    return fragments


def _verb_last_raised(mark: str, raises: str, rises: str, nouns: str) -> list[str]:
    """The German toll raised in a clause that puts its verb last: a word of summing or
    of consequence opens it (:data:`_TOTALLING`: "womit die Zahl der Toten auf 40 stieg",
    "so dass die Zahl der Opfer auf 40 gestiegen ist", "wodurch sich die Zahl der Toten
    auf 40 erhöhte", "damit ist die Zahl ... auf 40 gestiegen"), or the relative "was"
    with a raising verb ("was die Zahl der Toten auf 40 erhöhte"); the toll, its new
    figure after "auf" (and a noun: "auf 40 Tote"), then the verb. Like the clause
    before the verb in the other languages, it marks its own figure, never the event's."""
    figure = r"(?:bis\s+)?auf\s+\d[\d.,]*(?:\s+[^\W\d_]+)?"
    return [
        f"{mark}{_RAISED_GAP}{nouns}{_RAISED_GAP}{figure}{_RAISED_GAP}(?:{rises}|{raises})",
        f"was{_RAISED_GAP}{nouns}{_RAISED_GAP}{figure}{_RAISED_GAP}{raises}",
    ]


def _raised_running_total(sentence: str, cue: re.Match[str], language: str) -> bool:
    """Whether the raised toll ``cue`` (:data:`_RAISED_TOLL`) is a running total: raised to
    a figure ("to 40", "à 40", "до 40", "reached 40"; "would raise the toll further" raises
    nothing), and its toll noun naming no single event. "Bringing the death toll from
    Monday's bombing to 40", "ce qui porte le bilan de l'attentat à 40", "el número de
    muertos del atentado", "число погибших при теракте" count one event as its dead are
    found (UCDP, ACLED code it as that event); "the toll from the war", "from the attacks"
    (a series) or "in Gaza" are totals."""
    clause = _PERIOD_BREAK.search(sentence, cue.end())
    rest = sentence[cue.start() : clause.start() if clause else len(sentence)]
    if not any(
        f.kind in ("digits", "words")
        and not _dates_a_day(rest, f.start, f.end, language)
        for f in figures_in(rest, language)
    ):  # fmt: skip
        return False
    nouns = [m for p in with_english(_TOLL_NOUNS, language) for m in p.finditer(cue.group())]
    if not nouns:
        return True
    after = sentence[cue.start() + max(m.end() for m in nouns) :]
    after = after[re.match(_RAISED_GAP, after).end() :]  # type: ignore[union-attr]  # "total"
    return not any(p.match(after) for p in with_english(_TOLL_OF_ONE_EVENT, language))


#: A toll noun's tie to one event right after it: "from/in Monday's bombing", "of the
#: earthquake", "del atentado", "de l'attentat", "du séisme", "des Anschlags", "при
#: теракте". Only a singular noun of one event: a war, the fighting or "the attacks" (a
#: series) has a running total.
_TOLL_OF_ONE_EVENT: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"\s*(?:{ties})(?:\s+|(?<=['’]))(?:[\w'’-]+\s+){{0,3}}?(?:\w+['’])?(?:{events})(?!\w)", re.I)
    for language, (ties, events) in {
        "en": (r"from|of|in|at|after|caused by",
               r"attack|bombing|(?:air)?strike|explosion|shooting|blast|massacre|raid|assault|"
               r"ambush|incident|earthquake|quake|stampede|disaster|crash|collapse|blaze|"
               r"flood|storm|cyclone|hurricane|typhoon|landslide|sinking|shipwreck|derailment"),
        "es": (r"del?|en|por|tras",
               r"ataque|atentado|bombardeo|explosión|tiroteo|masacre|incursión|emboscada|"
               r"incidente|terremoto|sismo|estampida|desastre|accidente|derrumbe|incendio|"
               r"naufragio|huracán|tormenta|inundación|deslizamiento"),
        "fr": (r"d[eu]|de la|de l['’]|des|dans|lors d[eu]|après",
               r"attaque|attentat|bombardement|explosion|fusillade|massacre|raid|embuscade|"
               r"incident|séisme|tremblement de terre|bousculade|catastrophe|accident|"
               r"effondrement|incendie|naufrage|ouragan|tempête|inondation|glissement"),
        "de": (r"des|der|bei dem|beim|bei der|nach dem|nach der",
               r"\w*(?:anschlags?|angriffs?|explosion|schießerei|massakers?|überfalls?|"
               r"erdbebens?|unglücks?|unfalls?|einsturzes|brandes|sturms?|"
               r"hochwassers|bebens?|bombardements?)"),
        "ru": (r"при|в результате|от|во время",
               r"теракт\w*|нападени[иея]|атак[еиу]|взрыв\w*|обстрел[еау]?|бойн[еи]|"
               r"землетрясени[иея]|давк[еи]|катастроф[еи]|авари[ие]|обрушени[иея]|пожар[еа]?|"
               r"наводнени[иея]|крушени[иея]"),
        "pt": (r"d[oa]|em|n[oa]|por|após",
               r"ataque|atentado|bombardeio|explosão|tiroteio|massacre|emboscada|incidente|"
               r"terremoto|sismo|desastre|acidente|desabamento|incêndio|naufrágio|enchente"),
        "ar": (r"في|جراء|من|بسبب|إثر|خلال",
               r"(?:ال)?(?:هجوم|انفجار|تفجير|غارة|زلزال|حادث|حريق|مجزرة|قصف|كمين|فيضان|إعصار|"
               r"انهيار|تدافع)"),
        "it": (r"del(?:l['’]|la|lo)?|nel(?:l['’]|la|lo)?|per|dopo",
               r"attacco|attentato|bombardamento|esplosione|sparatoria|massacro|agguato|"
               r"incidente|terremoto|sisma|strage|disastro|crollo|incendio|naufragio|alluvione"),
    }.items()
}  # fmt: skip


#: A toll raised to a new figure (:func:`_raised_toll`).
_RAISED_TOLL: Mapping[str, re.Pattern[str]] = cue_patterns({
    language: _raised_toll(language, raises, rises)
    for language, (raises, rises) in _RAISING_VERBS.items()
})  # fmt: skip
#: The verbs of a running total no casualty word tells: "ha matado a 300", "унесший жизни
#: 300 человек", "أودى بحياة 300 شخص", "a coûté la vie à".
_TOTAL_HARM: Mapping[str, re.Pattern[str]] = cue_patterns(
    {language: total_words(language) for language in TOTAL_LANGUAGES}
)


#: Where a clause ends for its period: a comma inside a date ("October 7, 2023") or a
#: number ("3,000") does not.
_PERIOD_BREAK = re.compile(
    r"(?<!\d),|,(?!\d|\s*\d{4}(?!\d))|[;:()\[\]\u060c\u061b\uff0c\uff1b\u3001\uff1a]|\s[-\u2013\u2014]\s"
)
#: The last word before a period that opens the toll's clause: a complementizer ("said that
#: since", "dijo que desde", "إنه منذ") or an auxiliary of its verb ("have since", "wurden
#: seit Januar 300 Menschen getötet", "ont depuis").
_CLAUSE_OPENERS = frozenset(
    {"that", "que", "qu'", "qu’", "dass", "что", "أن", "إن", "أنه", "إنه", "have", "has", "had",
     "were", "was", "han", "ha", "habían", "ont", "a", "sont", "avaient", "wurden", "wurde",
     "sind", "ist", "haben", "hat", "hatten", "были", "было", "foram", "têm", "sono", "hanno"}
)  # fmt: skip
#: Prepositions of a circumstance that open a sentence before a phrase describing its noun
#: ("Bei den seit drei Wochen andauernden Kämpfen", "During the clashes raging since").
_CIRCUMSTANCE_LEADS = frozenset(
    {"bei", "mit", "unter", "während", "during", "amid", "with", "durante", "con", "entre",
     "pendant", "lors", "avec", "parmi", "при", "среди", "خلال", "وسط", "مع"}
)  # fmt: skip
#: Prepositions of place that may lead a clause before its period ("In Gaza since October").
_PLACE_LEADS = frozenset(
    {"in", "across", "throughout", "en", "dans", "au", "im", "в", "во", "на", "في", "em", "no",
     "na", "nel", "nella", "a"}
)  # fmt: skip


def _in_other_clause(sentence: str, at: int, language: str) -> bool:
    """Whether the word at ``at`` is in a relative clause after the harm that tells no harm
    of its own: "killed 12 at a market that had been closed since March" dates the market
    (one that describes a toll noun dates the toll: "The death toll, which has risen since")."""
    before = sentence[:at]
    relatives = list(_RELATIVE.finditer(before))
    if not relatives:
        return False
    opened = relatives[-1]
    if any(_ends_with(p, before[: opened.start()]) for p in with_english(_TOLL_NOUNS, language)):
        return False  # "The death toll, which has risen since 2019": the toll's own period
    harm = with_english(CASUALTY_CUES, language)
    return any(p.search(before, 0, opened.start()) for p in harm) and not any(
        p.search(before, opened.end()) for p in harm
    )


#: Words that open a relative clause (German's are its articles: none).
_RELATIVE = re.compile(
    r"(?<!\w)(?:that|which|who|whom|whose|where|que|donde|cuyo|qui|où|dont|котор\w+|где|"
    r"الذي|التي|الذين)(?!\w)",
    re.IGNORECASE,
)


def _period_from(
    sentence: str, since: re.Match[str], language: str, published: date | None
) -> DateValue | bool | None:
    """The period "since" opens in ``sentence``: a date, True when its complement is a time
    that does not resolve ("since the coup"), None when it is no time ("desde un edificio")."""
    clause = _PERIOD_BREAK.split(sentence[since.end() :], maxsplit=1)[0]
    complement = _complement(clause)
    written = f"{since.group()}{complement}".strip()
    if language == "ru" and _RU_SINCE.fullmatch(since.group()):
        russian = _russian_since(sentence[since.end() :], complement, published)
        if russian is not False:
            return russian
    resolved = DateValue.resolve(written, published, language)
    if resolved is not None and resolved.value is not None:
        return _from_then_on(_year_edge(resolved, complement), complement, published)
    lead = _TIME_LEAD.match(complement)
    head = complement[lead.end() if lead else 0 :]
    first = re.match(r"[^\W\d_]+", head)
    edge = _MONTH_EDGE.match(head)
    if (
        edge is not None
        and edge.group(1).lower() in month_words(language)
        and not _YEAR.match(head[edge.end() :].lstrip(" ,"))  # a year the date rules read
    ):  # "desde principios de marzo", "depuis début mars", "seit Anfang März": that month
        return _since_month(written, edge.group(1), language, published) or True
    start = _PERIOD_START.search(complement) or _BEGAN.search(clause)
    if start is not None:  # "since the war began in 2019": the beginning's date, if written
        return (
            _began_in(since.group(), clause, start, language, published)
            or _began_in_relative(sentence, since, clause, language, published)
            or True
        )
    if first is not None and first.group().lower() in month_words(language):
        return _since_month(written, first.group(), language, published) or True
    weekday = _since_weekday(since.group(), first.group() if first else "", language, published)
    if weekday is not None:
        return weekday
    if _CAUSAL.match(complement):
        return None  # "since the village had no police post": a reason
    if since.group().strip().lower().endswith("since") or _SPAN_OR_CLAUSE.match(complement):
        return True  # English "since" opens a time ("since the Hamas-led attack"); a span
    return None


def _year_edge(resolved: DateValue, complement: str) -> DateValue:
    """A year read after the edge of it that the phrase names, to that edge's month:
    "since the end of 2023", "desde finales de 2023", "depuis fin 2023", "seit Ende 2023"
    start in 2023-12; "since mid-2024", "desde mediados de 2024", "seit Mitte 2024" in
    2024-06. The date rules read the year alone, a start eleven or five months early."""
    if resolved.precision != "year" or resolved.value is None or len(resolved.value) != 4:
        return resolved
    edge = _YEAR_EDGE.match(complement)
    if edge is None or edge.group("year") != resolved.value:
        return resolved
    month = "12" if edge.group("end") else "06"
    return resolved.model_copy(update={"value": f"{resolved.value}-{month}", "precision": "month"})


#: The end or the middle of a year right after "since" (:func:`_year_edge`).
_YEAR_EDGE = re.compile(
    r"\s*(?:the\s+|el\s+|la\s+|le\s+|o\s+|a\s+)?"
    r"(?:(?P<end>end|late|finales|final|fin|fine|Ende|finais|fins|fim|конца)|"
    r"middle|mid|mediados|milieu|mi|Mitte|meados|metà|meta|середины)"
    r"(?:\s+of|\s+de|\s+del|\s+d['’]|\s+di|\s+do|\s+da|\s*-|\s)*\s*(?:the\s+year\s+)?(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)


#: A month after the edge of its period ("inicio de marzo", "début mars", "Anfang März",
#: "the start of March"): group 1 is the month's word.
_MONTH_EDGE = re.compile(
    r"(?:(?:start|beginning|end|middle|inicio|comienzo|principios?|finales|mediados|fin|"
    r"début|milieu|Anfang|Beginn|Ende|Mitte|início|começo|inizio|meados|finais|fins|fim|"
    r"princípios?|inícios?|fine|primi)\s+|mid-|mi-|metà\s+)?"
    r"(?:(?:of|de|del|des|du|d['’]|do|da|di)\s*)?(?:(?:the|el|le|la)\s+)?([^\W\d_]+)",
    re.IGNORECASE,
)
#: The Russian "с"/"со" of :data:`_SINCE_WORDS`, which also means "with" and "from".
_RU_SINCE = re.compile(r"[сС]о?\s+")
#: What a Russian "с" governs when it opens a time, in the genitive right after it: a year
#: ("с 2014 года"; a day's number is read with its month), a period's edge ("с начала войны", "с конца
#: 2023 года", "с момента"), a near period ("с прошлого года", "с этой недели"), a time of
#: day or season ("с утра", "с весны"), "с тех пор"; months and weekdays are read from the
#: date tables.
_RU_TIME_HEAD = re.compile(
    r"(?:\d{4}(?!\d)|начал|конц|середин|момент|тех\s+пор|утра|вечера|полуночи|весны|лета|осени|зимы|"
    r"(?:прошл|позапрошл|текущ|нынешн|эт)\w*\s+(?:года|месяца|недели|весны|лета|осени|зимы|"
    r"понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья))",
    re.IGNORECASE,
)


def _russian_since(after: str, complement: str, published: date | None) -> DateValue | bool | None:
    """A Russian "с"/"со" read by its complement: no period unless a time follows it
    directly in the genitive ("с помощью дронов в понедельник", "со стороны армии", "в
    боях с ... в феврале": with or from, the date the event's); none for one night ("в ночь
    с понедельника на вторник", "с 5 на 6 марта": the dates rules read the night); a
    closed period for a bound ("с понедельника до среды": from the one to the other, never
    to publication); a weekday named with its date ("со среды, 5 марта") from that date.
    False when the other readers of :func:`_period_from` decide (a time that runs on)."""
    words = complement.split()
    first = words[0].lower().strip(".,;:") if words else ""
    if not (
        _RU_TIME_HEAD.match(complement)
        or first in month_words("ru")
        or (first.isdigit() and len(words) > 1 and words[1].lower() in month_words("ru"))
        or _RU_OVERNIGHT.match(complement)
        or _russian_weekday(first) is not None
    ):
        return None
    if _RU_OVERNIGHT.match(complement):
        return None
    dated = _RU_WEEKDAY_DATE.match(after)
    if dated is not None and _russian_weekday(first) is not None:
        resolved = DateValue.resolve(f"с {dated['date']}", published, "ru")
        if resolved is not None and resolved.value is not None:
            return _from_then_on(resolved, "", published)
    bound = _RU_BOUND.match(_PERIOD_BREAK.split(after, maxsplit=1)[0])
    end = _russian_time(bound["end"], published) if bound is not None else None
    if bound is None or end is None:
        near = _russian_edge_or_near(complement, published)
        if near is not None:
            return _from_then_on(_year_edge(near, complement), "", published)
        return False  # "с февраля по данным ООН": no bound, a period that runs on
    start = _russian_time(bound["start"], published)
    if start is None or start.value is None or end.value is None:
        return True
    begin, finish = start.value, end.value
    year = _YEAR.search(bound["end"])
    if year is not None and _YEAR.search(bound["start"]) is None and start.precision == "month":
        begin = f"{year.group()}{begin[4:]}"  # "с февраля по май 2022 года": both in 2022
    if end.precision == "month" and (year is None or year.group() != finish[:4]):
        # a month with no year of its own ends the period in its start's year
        year_of_end = year.group() if year is not None else begin[:4]
        if f"{year_of_end}{finish[4:]}" < begin:  # "с ноября по февраль"
            year_of_end = str(int(year_of_end) + 1)
        finish = f"{year_of_end}{finish[4:]}"
    if latest(finish) < earliest(begin):
        return start  # "с января 2024 года до марта 2023 года": its start as read
    return start.model_copy(
        update={"value": begin, "kind": "range", "end": finish, "text": bound.group()}
    )


#: "с понедельника на вторник", "со среды на четверг", "с 5 на 6 марта": one night.
_RU_OVERNIGHT = re.compile(
    r"\S+\s+на\s+(?:\d|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?!\w)",
    re.IGNORECASE,
)
#: A Russian closed period: its start, "до"/"по" (maybe after "и"), its end's first words.
_RU_BOUND = re.compile(
    r"(?P<start>(?:\S+\s+){1,4}?)(?:и\s+)?(?:до|по)\s+(?P<end>\S+(?:\s+\d{4}(?:\s+г\S*)?)?)",
    re.IGNORECASE,
)
#: A weekday and its date after it: "среды, 5 марта", "среды 5 марта".
_RU_WEEKDAY_DATE = re.compile(r"\S+,?\s+(?P<date>\d{1,2}\s+[^\W\d_]+(?:\s+\d{4})?)")


def _russian_weekday(word: str) -> str | None:
    """The weekday a Russian genitive or accusative names ("понедельника", "среды",
    "среду"), as the date tables write it, or None."""
    days: Mapping[str, int] = getattr(_date_words("ru"), "weekdays", {})
    for day in days:
        if word in (day, f"{day}а", f"{day[:-1]}ы", f"{day[:-1]}я"):
            return day
    return None


def _russian_time(words: str, published: date | None) -> DateValue | None:
    """The time a Russian bound's side names: a date the date rules read, a weekday or a
    month; None for anything else."""
    words = words.strip()
    resolved = DateValue.resolve(f"с {words}", published, "ru")
    if resolved is not None and resolved.value is not None:
        return resolved.model_copy(update={"kind": "exact", "end": None})
    near = _russian_edge_or_near(words, published)
    if near is not None:
        return near
    first = words.split()[0].lower() if words else ""
    day = _russian_weekday(first)
    if day is not None:
        resolved = DateValue.resolve(f"в {day}", published, "ru")
        return resolved if resolved is not None and resolved.value is not None else None
    if first in month_words("ru"):
        month = _since_month(words, first, "ru", published)
        return month.model_copy(update={"kind": "exact", "end": None}) if month else None
    return None


def _russian_edge_or_near(words: str, published: date | None) -> DateValue | None:
    """The time a Russian genitive after "с" names that the date rules do not read: the
    start, end or middle of a month ("начала марта", "конца февраля", "середины января":
    that month, as "since early March" is), of a near year, month or week ("начала
    прошлого года", "конца этого месяца"), that near period itself ("прошлого года",
    "этого месяца", "прошлой недели"), or a weekday said as the last ("прошлой пятницы":
    the last such day, as "с пятницы" is). None for anything else ("начала войны")."""
    tokens = [w.lower().strip(".,;:") for w in words.split()]
    if published is None or not tokens:
        return None
    if tokens[0] in _RU_EDGES:
        tokens = tokens[1:]
    if len(tokens) > 1 and _RU_NEAR.fullmatch(tokens[0]) and _russian_weekday(tokens[1]):
        day = _russian_weekday(tokens[1])
        return DateValue.resolve(f"в {day}", published, "ru")
    if tokens and tokens[0] in month_words("ru") and not (len(tokens) > 1 and tokens[1].isdigit()):
        return _since_month(words, tokens[0], "ru", published)
    back = _RU_BACK.get(tokens[0][:5], 0) if tokens else None
    this = bool(tokens) and tokens[0].startswith(_RU_THIS)
    unit = tokens[1 if back or this else 0 :][:1]
    if back is None or not unit or unit[0] not in _RU_UNITS:
        return None
    kind = _RU_UNITS[unit[0]]
    if kind == "year":
        value, precision = f"{published.year - back:04d}", "year"
    elif kind == "month":
        month = published.year * 12 + published.month - 1 - back
        value, precision = f"{month // 12:04d}-{month % 12 + 1:02d}", "month"
    else:
        monday = published - timedelta(days=published.weekday() + 7 * back)
        value, precision = monday.isoformat(), "day"
    return DateValue(text=words, value=value, precision=precision, kind="exact")


#: The edges of a period in the genitive: its start, end, middle.
_RU_EDGES = frozenset({"начала", "конца", "середины"})
#: A near period's adjective: how many periods back ("прошлого года": 1).
_RU_BACK = {"прошл": 1, "позап": 2}
_RU_THIS = ("эт", "текущ", "нынешн")  # этого, текущего, нынешнего: the current one
_RU_NEAR = re.compile(r"(?:прошл|эт)\w+")
#: The near periods, in the genitive.
_RU_UNITS = {"года": "year", "месяца": "month", "недели": "week"}


def _from_then_on(resolved: DateValue, complement: str, published: date | None) -> DateValue:
    """A date after "since" as the period it opens: from that date to publication. The
    date rules read some "since" forms as the date alone ("с февраля 2022 года", the
    genitive month and year after "с"); a toll since a date is a running total all the
    same (UCDP, ACLED). A date that a bound closes ("с февраля по май", "from ... to") or
    that comes after publication is left as read."""
    if resolved.kind == "range" or published is None or _UNTIL.search(complement):
        return resolved
    if resolved.value is None or resolved.value > published.isoformat():
        return resolved
    return resolved.model_copy(update={"kind": "range", "end": published.isoformat()})


#: The words that close a period after its start ("с февраля по май", "from March to May",
#: "desde marzo hasta mayo", "de mars à mai", "von März bis Mai", "自2月至5月").
_UNTIL = re.compile(
    r"(?<!\w)(?:по|до|to|until|till|through|hasta|jusqu\w*|bis|até|fino)(?!\w)|至|到",
    re.IGNORECASE,
)


def _since_weekday(
    since: str, word: str, language: str, published: date | None
) -> DateValue | None:
    """ "с понедельника", "со вторника": a Russian "since" governs the genitive, which the
    date rules do not read for a weekday (they read "в понедельник"). The genitive is the
    nominative's stem and -а/-ы/-я ("понедельника", "среды", "воскресенья"); the period
    runs from that day to publication, as "seit Montag", "depuis lundi" do."""
    if language != "ru" or published is None or not word:
        return None
    folded = word.lower()
    day = _russian_weekday(folded)
    if day is None or folded == day:  # a weekday's nominative is no "since"
        return None
    resolved = DateValue.resolve(f"в {day}", published, language)
    if resolved is None or resolved.value is None:
        return None
    return _from_then_on(resolved.model_copy(update={"text": f"{since}{word}"}), "", published)


def _complement(clause: str) -> str:
    """The first words of a period's clause, a date whole ("el 7 de octubre de 2023"): a
    date later in the clause ("depuis un drone ont tué 12 civils mardi", "с полицией убила
    12 боевиков во вторник") is the event's, not the period's."""
    words = clause.split()
    end = 4
    while end < min(len(words), 7) and _DATE_TAIL.fullmatch(words[end]):
        end += 1
    return " ".join(words[:end])


#: The words that go on writing a date past its first four ("de 2023", "2023 года").
_DATE_TAIL = re.compile(r"(?:de|del|\d{1,4}\.?|года|году|г\.?)", re.IGNORECASE)


def _began_in(
    since: str, clause: str, start: re.Match[str], language: str, published: date | None
) -> DateValue | None:
    """The date a beginning is given in its clause ("since the war began in 2019", "desde el
    inicio de la guerra en 2019", "seit Beginn des Krieges 2019"), read to its year."""
    year = _YEAR.search(clause, start.end())
    if year is None or len(clause[start.end() : year.start()].split()) > 5:
        return None
    resolved = DateValue.resolve(f"{since}{clause[: year.end()]}", published, language)
    return resolved if resolved is not None and resolved.value is not None else None


def _began_in_relative(
    sentence: str, since: re.Match[str], clause: str, language: str, published: date | None
) -> DateValue | None:
    """The date a relative clause right after a period's start gives that start: "since
    the start of the war, *which began in February 2022*", "с начала войны, *которая
    началась в феврале 2022 года*", "с начала войны, *начавшейся в 2022 году*". The "since"
    already makes the toll a running total; the relative only dates its start, so the
    main verb's tense is not asked (Russian has no perfect to ask it by). The period runs
    from that start to publication."""
    after = sentence[since.end() + len(clause) :]
    opener = _RELATIVE_AFTER_START.match(after)
    if opener is None or published is None:
        return None
    rest = after[opener.end() :]
    year = _YEAR.search(rest)
    if year is None or len(rest[: year.start()].split()) > _BEGINNING_WORDS:
        return None
    end = (_YEAR_WORD.match(rest, year.end()) or year).end()  # "2022 года"
    began = _BEGAN.search(rest, 0, year.start())
    if began is not None and len(rest[: began.start()].split()) > 1:
        began = None  # after an auxiliary at most ("qui a commencé")
    if began is None:  # verb-final: "der im Februar 2022 begann"
        began = _BEGAN.match(rest, end + 1) if rest[end : end + 1].isspace() else None
        end = began.end() if began is not None else end
    if began is None:
        return None
    written = f"{since.group()}{clause}{after[: opener.end()]}{rest[:end]}"
    resolved = DateValue.resolve(written, published, language)
    if resolved is None or resolved.value is None:
        return None
    return resolved.model_copy(update={"kind": "range", "end": published.isoformat()})


#: A comma and the relative word that opens a clause on the noun before it ("the war, which",
#: "la guerre, qui", "войны, которая"); a Russian participle needs none ("войны, начавшейся").
_RELATIVE_AFTER_START = re.compile(
    r"\s*,\s*(?:(?:which|that|que|qui|der|die|das|welche[rs]?|che|котор(?:ая|ый|ое|ые))\s+)?",
    re.IGNORECASE,
)
#: How many words a relative may write before the year of its beginning.
_BEGINNING_WORDS = 6
#: The word of "year" after a year's digits ("2022 года", "2022 г.").
_YEAR_WORD = re.compile(r"\s+(?:года|году|г\.)")
#: A year as written in a date.
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
#: An English "since" of reason: its clause states what was or was not ("since it had no").
_CAUSAL = re.compile(
    r".*?\b(?:had|has|have|was|were|is|are|did|does|do)\s+(?:no|not|never)\b|.*?n['’]t\b",
    re.IGNORECASE,
)
#: What follows "desde"/"depuis"/"seit" when it opens a span of time or a clause of
#: beginning, no place: "desde hace tres años", "desde que los talibanes tomaron el poder",
#: "depuis trois ans", "depuis plusieurs mois", "depuis que", "seit drei Wochen" (but
#: "desde varios edificios", "depuis plusieurs positions" are places).
_SPAN_OR_CLAUSE = re.compile(
    r"(?:hace|que|qu['’]|dass|(?:\d+|\w+)\s+(?:años|meses|semanas|días|ans|années|mois|"
    r"semaines|jours|Jahren|Monaten|Wochen|Tagen|anos|anni|mesi|settimane|giorni))(?!\w)",
    re.IGNORECASE,
)


def _since_month(
    written: str, month: str, language: str, published: date | None
) -> DateValue | None:
    """ "desde marzo", "с февраля": the month's range to the publication date (last year's
    when the month is still to come); the date rules resolve a bare month only in English."""
    words = MONTHS if language == "en" else getattr(_date_words(language), "months", {})
    number = words.get(month.lower())
    if published is None or number is None:
        return None
    year = published.year if number <= published.month else published.year - 1
    return DateValue(
        text=written, value=f"{year:04d}-{number:02d}", precision="month", kind="range",
        end=published.isoformat(),
    )  # fmt: skip


def build(draft: CasualtyDraft, make: Builder) -> dict[str, Any]:
    country = make.country(draft.country)
    place = make.place(draft.place, None)
    drafted = country
    place, country = _off_the_way(place, country, make)
    on_the_way = drafted is not None and country is None
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
    elif (country is not None or on_the_way) and (place is None or not place.country):
        # A country emptied as a route's end ("a train from Warsaw to Kyiv derailed in
        # Poland") is still a country drafted: where the evidence puts the harm codes it.
        where = event_countries(make.quote, make.language)
        if len(where) == 1 and country not in where:
            # "Israeli strikes killed 12 people in Lebanon": where it happened, not whose
            # forces or people they were.
            (there,) = where
            make.warn(
                f"country {country} is not where the evidence says it happened: coded {there}"
            )
            country = there
        elif on_the_way and not where and _tells_an_accident(make.quote, make.language):
            named, city = _accident_venue(make.quote, make.language)
            if city is not None:
                # "derailed near Przemysl": the state of the accident's own place.
                make.warn(f"the accident happened at a place of {city}: coded {city}")
                country = city
            elif not named:
                # "A bus travelling from Kenya to Uganda overturned": the accident happened
                # on the route, and with no other place of the harm given, the route's end
                # the draft names locates it.
                country = drafted
    if place is not None and place.country is None and country:
        place = place.model_copy(update={"country": country})
    if country is not None and place is not None and _unnamed(country, place, make):
        make.warn(
            f"country {country} is not named in the article and no place of it lies "
            "there: left empty"
        )
        country = None
    if place is not None and place.country and _unnamed(place.country, place, make):
        place = place.model_copy(update={"country": None})
    perpetrator = None
    if draft.perpetrator:
        problem = perpetrator_problem(draft.perpetrator, make.quote, make.language)
        if problem is None:
            perpetrator = Actor(name=draft.perpetrator)
        else:
            make.warn(f"{problem}: left empty")
    scope = draft.scope
    when = make.when(draft.date)
    counts = (draft.killed, draft.injured)
    period = toll_period(make.quote, _period_language(make), make.published, counts)
    if scope == "event" and period is not False:
        make.warn("the evidence gives a total over a period: scope 'cumulative'")
        scope = "cumulative"
    if scope == "cumulative":
        if isinstance(period, DateValue):
            when = period  # a total since X is dated by its period, not the day of the report
        elif period is True and when is not None and when.kind != "range":
            when = _undated_start(when, make)
    else:
        # A date the model drafts is the event's no more than one read from the evidence
        # when the evidence writes it only as the day of the report (ACLED: the event
        # date is when it happened, not when it was reported).
        when = when if when is not None else make.when_in_evidence()
        if when is not None and _fronted_report_date(make.quote, when.text or "", make.language):
            make.warn(f"date {when.text!r} is the day of the report, not of the event: left empty")
            when = None
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


def _period_language(make: Builder) -> str:
    """The language a toll's period is read in: the article's, or where it has no words
    of a period (:data:`_SINCE_WORDS`, :data:`CUMULATIVE_CUES`) the likeliest language the
    text is close to that has them (:func:`close_languages`), as
    :attr:`Builder.date_language` does for dates: the detector takes a lone Russian
    sentence for Bulgarian by its place name ("С начала марта в Гаити погибли 300
    человек"), and its "с начала марта" went unread as "в Судане" was read."""
    text = str(make.context.get("text", "")) or make.quote
    readable = (
        each
        for each in reading_languages(text, make.language)
        if each in _SINCE_WORDS or each in _TIME_BEFORE_SINCE or each in CUMULATIVE_CUES
    )
    return next(readable, make.language)


def _undated_start(when: DateValue, make: Builder) -> DateValue | None:
    """No date for a running total whose period the evidence opens with no datable start
    ("since the war began", "so far", "с начала войны", "戦争開始以来"): the total runs
    from an open start to the day of the report, a period no single day stands for (UCDP,
    ACLED date an event, not a total). A day drafted for it is the report's ("the
    ministry said on Tuesday"), never the toll's: left empty with a warning."""
    make.warn(
        f"date {when.text or when.value!r} is one day, but the evidence gives a total over "
        "a period with no dated start: left empty"
    )
    return None


def _fronted_report_date(quote: str, written: str, language: str) -> bool:
    """Whether the date ``written`` opens a sentence whose verb is one of speech with a
    reported clause after it: "On Monday, the ministry said that 30 people were killed",
    "В понедельник министерство сообщило, что погибли 30 человек", "El lunes, el
    ministerio informó que", "Am Montag erklärte das Ministerium, dass", "On Monday the
    ministry said it had counted 30 dead" (the speaker's own act). The date is the
    saying's, the day of the report; the reported toll is undated (a date inside the
    reported clause, "said that on Monday gunmen killed", dates the event and is no
    opener). The date after the verb ("said on Monday that") is the evidence reader's
    (``drafting._reports_date``). A date the quote also writes elsewhere, where it may
    be the event's ("On Monday, the ministry said that gunmen killed 30 on Monday"), is
    not only the report's."""
    if not written.strip():
        return False
    if len(re.findall(rf"(?<!\w){re.escape(written.strip())}(?!\w)", quote, re.IGNORECASE)) > 1:
        return False
    verbs = "|".join(
        re.escape(verb)
        for lang in dict.fromkeys(("en", language))
        for verb in SPEECH_VERBS.get(lang, ())
    )
    opener = re.compile(
        rf"(?:^|[.!?]\s+)(?:\w+\s+){{0,2}}?{re.escape(written.strip())}\s*,?"
        rf"(?:\s+[^\s,.;:]+){{0,4}}?\s+(?-i:{verbs})(?!\w)(?:\s+[^\s,.;:]+){{0,2}}?\s*,?\s*"
        r"(?:(?:that|que|qu['’]|dass|что|che)(?!\w)|"
        r"(?=(?:it|they|he|she|we)\s+(?:had|has|have|was|were)\s))",  # "said it had counted"
        re.IGNORECASE,
    )
    return opener.search(quote) is not None


def event_countries(quote: str, language: str = "en") -> set[str]:
    """The countries the evidence says the harm happened in: the venues
    (:func:`extractor.types.visit.venue_countries`: "in Lebanon", "au Liban", "в Ливане")
    of its clauses of harm or of the event, read after the last verb of speaking in each
    ("killed 12 people in Lebanon", "condemns the attack in Kabul"), never those of who
    speaks or where ("the army said in Jerusalem", "speaking in Geneva"). A vehicle's
    accident tells the event too (:data:`_ACCIDENT`: "a train derailed in Poland"). A
    place named only as a movement's end or on its route (:func:`without_movement_ends`:
    "a train from Poland to Ukraine", "un bus qui se rendait en Ouganda") locates the
    event only where no other place of the harm is given ("crossed into Kenya and
    killed 12"): where it went is not where it was hit.
    """
    return _venues_of_harm(without_movement_ends(quote, language), language, True) or (
        _venues_of_harm(quote, language, False)
    )


#: Per language, the prepositions that put a vehicle's accident at a place ("derailed
#: near Przemysl", "was attacked in Nairobi", "volcó cerca de Kampala", "a déraillé près
#: de Lviv", "entgleiste bei Przemyśl", "разбился под Львовом").
_ACCIDENT_AT: dict[str, str] = {
    "en": r"in|at|near|outside|off|over",
    "es": r"en|cerca de|a las afueras de",
    "fr": r"à|près de|aux abords de",
    "de": r"in|bei|nahe|nahe bei",
    "ru": r"в|во|под|около|возле|близ",
}  # fmt: skip


def _accident_venue(quote: str, language: str) -> tuple[bool, str | None]:
    """Whether a clause of ``quote`` that tells a vehicle's accident (:data:`_ACCIDENT`)
    names a place of it past the ends of its route (:func:`without_movement_ends`, after a
    preposition of :data:`_ACCIDENT_AT`), and the state that place proves
    (:func:`place_proves_country`: "near Przemysl" POL, "in Nairobi" KEN), or None."""
    words = "|".join(
        _ACCIDENT_AT[lang] for lang in dict.fromkeys(("en", language)) if lang in _ACCIDENT_AT
    )
    venue = re.compile(
        rf"(?<!\w)(?:{words})\s+(?:the\s+)?(?P<name>[^\W\d_a-zà-ÿа-яё][\w'’.-]*"
        rf"(?:\s+[^\W\d_a-zà-ÿа-яё][\w'’.-]*){{0,2}})"
    )
    named = False
    for clause in _CLAUSE_BREAK.split(without_movement_ends(quote, language)):
        if not _tells_an_accident(clause, language):
            continue
        for found in venue.finditer(clause):
            name = found.group("name")
            if normalise_text(name, accents=False).strip(" .,") in WEEKDAYS:
                continue
            named = True
            if (state := place_proves_country(name)) is not None:
                return True, state
    return named, None


def _tells_an_accident(quote: str, language: str) -> bool:
    """Whether ``quote`` tells a vehicle's accident or an attack on it (:data:`_ACCIDENT`)."""
    return any(p.search(quote) for p in with_english(_ACCIDENT, language))


def _venues_of_harm(quote: str, language: str, accidents: bool) -> set[str]:
    """The countries of the venues of the clauses of ``quote`` that tell the harm or its
    event, and with ``accidents`` a vehicle's accident (:func:`event_countries`): a
    vehicle's route read whole names its ends, which are no venue of its accident."""
    found: set[str] = set()
    for clause in _CLAUSE_BREAK.split(quote):
        spoke = _last(SPEAKS_CUES, clause, language)
        told = clause[spoke:] if spoke is not None else clause
        if _tells_the_event(told, language) or (accidents and _tells_an_accident(told, language)):
            for key in dict.fromkeys(("en", language)):
                if key in _BOUND_FOR:  # "pilgrims travelling to Iraq": where they were going
                    told = _BOUND_FOR[key].sub("bound for ", told)
                if key in _AND_PLACE:  # "in Lebanon and Syria": both are venues
                    pattern, venue = _AND_PLACE[key]
                    told = pattern.sub(venue, told)
            found |= venue_countries(told, language) | _toll_venue_countries(told, language)
    return found


def _tells_the_event(clause: str, language: str) -> bool:
    """Whether ``clause`` tells the harm or its event: a word of :data:`_ACTION`, or, in a
    language the gate has no words for (:data:`extractor.text.harm.CUE_LANGUAGES`), a
    participle of harm ("foram mortos", "uccisi") or a word of :data:`_UNGATED_HARM`."""
    return any(
        p.search(clause) for p in with_english(_ACTION, language)
    ) or _suffered_outside_the_gate(clause, language)


def _toll_venue_countries(clause: str, language: str) -> set[str]:
    """The countries of the places a clause of harm puts the event in that
    :func:`extractor.types.visit.venue_countries` does not read (:data:`_TOLL_VENUES`:
    the Chinese "肯尼亚发生的", the event that happened there). The place of the event is
    the toll's country (ACLED, UCDP), whoever reports, condemns or mourns it."""
    pattern = _TOLL_VENUES.get(language)
    if pattern is None:
        return set()
    found = set()
    for match in pattern.finditer(clause):
        code = country_in_text(match.group(1), language)
        if code is not None:
            found.add(code)
    return found


#: Prepositions of a destination, which a visit goes to but a casualty does not happen in
#: (German "in die Ukraine", the accusative of a way, as "nach").
_BOUND_FOR: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"\bto\s+(?=(?:the\s+)?[A-Z])"),
    "es": re.compile(r"\b(?:a|al|hasta)\s+(?=(?:el\s+|la\s+)?[A-ZÁÉÍÓÚÑ])"),
    "de": re.compile(r"\b(?:nach|zum|zur|ins|in\s+(?:die|den))\s+(?=[A-ZÄÖÜ])"),
    "zh": re.compile(r"(?:前往|飞抵|抵达|到达|来到|访问)"),
}
#: The place of an event in Chinese written before "发生" (happened) with no preposition
#: ("肯尼亚发生的一起袭击", "马里周一发生爆炸"), which the visit's venues
#: (:data:`extractor.types.visit._VENUES`: "在肯尼亚") do not read.
_TOLL_VENUES: Mapping[str, re.Pattern[str]] = {
    "zh": re.compile(r"([\u4e00-\u9fff]{2,8})(?=发生)"),
}
#: Words of harm and of its event in Japanese, which :mod:`extractor.text.harm` has none
#: for: a clause with one of them tells the toll whose place :data:`_TOLL_VENUES` reads.
_UNGATED_HARM: Mapping[str, re.Pattern[str]] = cue_patterns({
    "ja": ["死亡", "死者", "死傷", "殺害", "負傷", "犠牲", "攻撃", "襲撃", "爆発", "爆撃",
           "空爆", "砲撃", "銃撃", "テロ", "待ち伏せ"],
})  # fmt: skip
#: "and" between two places, and the preposition that makes the second one a venue too.
_AND_PLACE: dict[str, tuple[re.Pattern[str], str]] = {
    "en": (re.compile(r"\s+(?:and|or)\s+(?=[A-Z])"), " and in "),
    "es": (re.compile(r"\s+(?:y|e|o)\s+(?=[A-ZÁÉÍÓÚÑ])"), " y en "),
    "fr": (re.compile(r"\s+(?:et|ou)\s+(?=[A-ZÀ-ÖØ-Þ])"), " et en "),
    "de": (re.compile(r"\s+(?:und|oder)\s+(?=[A-ZÄÖÜ])"), " und in "),
    "ru": (re.compile(r"\s+(?:и|или)\s+(?=[А-ЯЁ])"), " и в "),
    "zh": (re.compile(r"(?:和|与|及|、)"), "和在"),
}


def _off_the_way(
    place: Place | None, country: str | None, make: Builder
) -> tuple[Place | None, str | None]:
    """The place and country of a toll, less those the evidence and article name only as
    the end of a movement (:func:`movement_ends`): where people fled to or came from,
    where a convoy came from or was heading ("refugees who fled to Chad said 40 people were
    killed", "the convoy from Odesa was shelled"). ACLED codes where the harm happened; a
    place reached or left on the way is not it. A country the article names elsewhere
    stands; one named only so, or proven only by such a place, is emptied, the toll kept,
    unless the movement crosses no border (:func:`movement_crosses_border`): "a bus
    travelling to Kharkiv" is still in Ukraine, "refugees who fled to Goma" may not be."""
    quote, language = make.quote, make.language
    moved = place is not None and _only_on_the_way(place.text, quote, language)
    held = place.text if place is not None else ""
    crossed = movement_crosses_border(held, quote, language)
    if moved and place is not None:
        make.warn(
            f"place {place.text!r} is where a movement went or came from in the evidence, "
            "not where the harm happened: left empty"
        )
        place = None
    text = make.context.get("text")
    if country is None or not isinstance(text, str) or (place is not None and place.country):
        return place, country
    publisher = make.context.get("publisher")
    kept = without_movement_ends(text, language)
    if country_in_article(country, kept, normalise_text(kept), language, publisher):
        return place, country
    if moved and not crossed and place_proves_country(held) == country:
        return place, country
    if moved or country_in_article(country, text, folded_article(make.context), language):
        make.warn(
            f"country {country} is named only as where a movement went or came from, "
            "not where the harm happened: left empty"
        )
        return place, None
    return place, country


def _only_on_the_way(name: str, quote: str, language: str) -> bool:
    """Whether every mention of the place ``name`` in ``quote`` is a movement's end (and
    there is one)."""
    spans = movement_ends(quote, language)
    found = [m.start() for m in re.finditer(re.escape(name.strip()), quote, re.IGNORECASE)]
    return bool(found) and all(any(a <= at < b for a, b in spans) for at in found)


def _unnamed(country: str, place: Place | None, make: Builder) -> bool:
    """Whether ``country`` is neither named in the article nor where ``place`` lies (the
    gazetteer's :func:`place_proves_country`: not a city name two states share), so that
    the record's country check would refuse
    it. The toll is what a casualty report counts: a country the article does not spell
    out empties the country, never the record ("shells hit a market in Donetsk": Ukraine
    by its place; a state the text never names and the place does not lie in: none).
    Without a place the country is left to the record's check, whose re-ask lists the
    states the article names: emptied, a toll whose evidence names no state nor place
    would be refused anyway, by a message that helps the model less."""
    text = make.context.get("text")
    if not isinstance(text, str):
        return False
    folded = folded_article(make.context)
    publisher = make.context.get("publisher")
    if country_in_article(country, text, folded, make.language, publisher):
        return False
    return place is None or place_proves_country(place.text) != country


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
