"""Visit: one side travels to another's territory (PLOVER CONSULT visit; CAMEO 042/043).

Everything the pipeline knows about visits is here: the record, the draft the
model fills, how a draft becomes a record, the words a visit needs, its table
columns, its gold-format mapping and the visits a meeting abroad entails.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any, ClassVar, Literal

from pydantic import Field, ValidationError, ValidationInfo, model_validator

from extractor.errors import EventNotStated
from extractor.text.countries import (
    ABBREVIATIONS,
    DEMONYMS,
    countries_in_text,
    country_in_text,
    country_names,
    to_alpha3,
)
from extractor.text.cues import (
    AFAR_CUES,
    CALL_CUES,
    CALL_MEANS,
    CAME_BACK_WORDS,
    DOUBT_AFTER_CUES,
    DOUBT_CUES,
    GOING_WORDS,
    JOINED_AFAR_CUES,
    JOINED_CUES,
    MEETING_CUES,
    MET_IN_PERSON_CUES,
    NO_TALK_CUES,
    OF_STATE_NOUNS,
    RECEIVED_BY_WORDS,
    RECEIVING_WORDS,
    RETURN_WORDS,
    SPEECH_WORDS,
    TALK_CUES,
    UNSPACED_CHARS,
    VISITING_PAST_SUBJECT,
    VISITING_WORDS,
    WELCOME_CUES,
    covers,
    cue_pattern,
    cue_patterns,
    every_language,
    speech_verbs,
    states_any,
)
from extractor.text.dates import find_dates, precision_of
from extractor.text.gazetteer import rival_states
from extractor.text.grounding import normalise_text
from extractor.text.language import UNSPACED, detect_language
from extractor.text.people import is_an_honorific, is_people
from extractor.text.places import place_country, place_proves_country
from extractor.text.sentences import STOPS, split_sentences
from extractor.text.titles import TITLE_WORDS
from extractor.types import columns as col
from extractor.types.base import Plover, Record, RecordType, _name_key, check_order
from extractor.types.drafting import (
    EVIDENCE_DESCRIPTION,
    Builder,
    Draft,
    PersonDraft,
    StatusText,
    draft_terms,
    person_terms,
    place_in_text,
)
from extractor.types.goldspec import FieldKind as K
from extractor.types.meeting import _LINKS, _WITH, _mentions_of, _title_word
from extractor.types.parts import Actor, CountryCode, DateValue, Place, Status, _context
from extractor.types.registry import GoldSpec, RecordSpec

#: Words of travel: the lexical gate, and (with the words of a meeting and of
#: welcome) what a visit's evidence must say.
TRAVEL_WORDS = cue_pattern(
    [r"visit\w*", "trip", r"travel\w*", r"arriv\w*", r"tour\w*", "delegation", "hosted",
     "hosts?", "welcomed", "flew", "landed", "came to", "went to", "in town", "state visit"]
)  # fmt: skip
#: Words of travel per language (ISO 639-1): going, arriving, touring, a
#: delegation, a stay, being received. English is :data:`TRAVEL_WORDS`.
TRAVEL_CUES: Mapping[str, re.Pattern[str]] = cue_patterns(
    {
        "es": [r"visit\w*", r"viaj\w*", "gira", "giras", r"lleg\w*", r"arrib\w*",
               r"delegaci\w*", r"desplaz\w*", r"traslad\w*", r"estancia", r"recibi\w*",
               r"anfitri\w*", r"acogi\w*", "estuvo en", "estará en", r"aterriz\w*", "voló"],
        "fr": [r"visit\w*", "voyagé", r"voyager[ao]\w*", r"déplacement\w*", r"déplacé\w*",
               r"s['’]est rendue?s?", r"se rendr\w*", r"se rend(?:ent)? (?:à|au|aux|en)",
               r"rendu visite", r"arriv\w*", r"tournée\w*", r"séjour\w*", r"délégation\w*",
               r"accueilli\w*", r"reçue?s?", r"atterri\w*", r"en visite"],
        "de": [r"\w*besuch\w*", r"reise\w*", r"reiste\w*", r"\w*gereist", "eingetroffen",
               r"traf \w+ ein", r"Ankunft", r"ankam\w*", "angekommen", r"Aufenthalt\w*",
               "Delegationen", r"empfing\w*", "empfangen", r"Gastgeber\w*", "geflogen",
               "gelandet"],
        "ru": [r"визит\w*", r"посет\w*", r"посещ\w*", r"поездк\w*", r"съезди\w*",
               r"прибы\w*", r"приезд\w*", r"приех\w*", r"приед\w*", r"прил[её]т\w*",
               r"отправ\w*ся", r"турне", r"делегаци\w*", r"принял\w*", r"принима\w*",
               r"принят[аоы]?",
               r"побыва\w*"],
        "zh": ["访问", "出访", "到访", "来访", "造访", "访华", "访美", "访俄", "访日", "访韩",
               "访欧", "抵达", "到达", "飞抵", "前往", "之行", "行程", "代表团", "国事访问",
               "接待", "欢迎", "出席"],
        "ar": [r"زيار\w*", r"زار\w*", r"يزور\w*", r"وصل\w*", r"يصل\w*", r"وصول\w*", r"جول\w*",
               r"وفد\w*", r"توجه\w*", r"رحل\w*", r"قادم\w*"],
        "tr": [r"ziyaret\w*", r"seyahat\w*", r"gezi\w*", r"heyet\w*", r"ulaştı\w*", "geldi",
               "gitti", r"turne\w*"],
        "uk": [r"візит\w*", r"відвіда\w*", r"відвід\w*", r"поїздк\w*", r"прибу\w*", r"приїха\w*",
               r"приїзд\w*", r"приїд\w*", r"прилеті\w*", r"приліт\w*", r"делегаці\w*", "турне",
               r"побува\w*", r"вирушив\w*", r"перебува\w*"],
        "ja": ["訪問", "訪れ", "訪日", "訪米", "訪中", "訪韓", "訪露", "訪欧", "来日", "到着",
               "歴訪", "外遊", "代表団", "出張", "国賓"],
        "ko": [r"\w*방문\w*", r"도착\w*", r"순방\w*", r"방한\w*", r"방미\w*", r"방중\w*",
               r"방일\w*", r"대표단\w*", r"출국\w*", r"입국\w*"],
        "fa": [r"سفر\w*", r"دیدار\w*", r"بازدید\w*", r"وارد\w*", r"رسید\w*", r"عزیمت\w*",
               r"هیئت\w*", r"هیات\w*"],
        "pt": ["visita", "visitas", "visitou", "visitaram", "visitará", "viagem", "viajou",
               "viajaram", "viajará", "chegou", "chegaram", "chegada", "desembarcou", "comitiva",
               "delegação", "turnê", "esteve em", "estará em", "recebeu", "receberam",
               r"recebid[oa]s?"],
        "it": ["visita", "visite", "visitato", "visitata", "visiterà", "viaggio", "viaggiato",
               "arrivato", "arrivata", "arrivati", "arrivo", "giunto", "giunta", "delegazione",
               "trasferta", r"si è recat[oa]", "si recherà", "atterrato", "soggiorno",
               "accolse", "accoglie", "ricevette", r"ricevut[oaie]"],
        "pl": [r"wizyt\w*", "wizycie", r"odwiedzi\w*", r"odwiedza\w*", r"przyby\w*",
               r"przyjecha\w*", r"przylecia\w*", r"podróż\w*", r"delegac\w*", r"udał\w* się",
               r"pobyt\w*"],
        "hi": ["यात्रा", "यात्राओं", "दौरा", "दौरे", "दौरों", "पहुंचे", "पहुँचे", "पहुंची",
               "पहुँची", "पहुंचा", "पहुँचा", "प्रतिनिधिमंडल", "आगमन", "स्वागत"],
    },
    english=TRAVEL_WORDS,
)  # fmt: skip

VisitLevel = Literal[
    "head_of_state", "head_of_government", "ministerial", "senior_official", "military",
    "parliamentary", "delegation", "other",
]  # fmt: skip


class Visit(Record):
    """One side travels to another's territory (PLOVER CONSULT, mode visit; CAMEO 042/043)."""

    record_type: ClassVar[RecordType] = "visit"
    # Its quote says someone travelled, met in person or was welcomed ("looks forward
    # to welcoming President Moon to the White House"). A call is no travel (CAMEO
    # 042/043 need the visit; a telephone call is 040-level consultation): "spoke by
    # phone with" licenses a meeting, never a visit.
    evidence_cues: ClassVar[tuple[re.Pattern[str], ...]] = every_language(
        TRAVEL_CUES, MET_IN_PERSON_CUES, WELCOME_CUES,
    )  # fmt: skip
    evidence_cue_meaning: ClassVar[str] = "travelled"
    type: Literal["visit"] = "visit"
    visitors: list[Actor] = Field(default_factory=list)
    visitor_country: CountryCode | None = None
    hosts: list[Actor] = Field(default_factory=list)
    host_country: CountryCode | None = None
    place: Place | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    purpose: str | None = None
    level: VisitLevel | None = None

    def _check_evidence_carries_facts(self, language: str = "en", text: str = "") -> None:
        """A quote with a word of distance (a phone, a video: :data:`CALL_CUES`) tells a
        call, never travel (PLOVER CONSULT mode phone; CAMEO 040, not 042/043): it states
        this visit only by a trip to its host in a main clause, or a word of meeting in
        person or of welcome in a clause with no word of distance (:func:`_travel_told`).
        Else the draft is recoded as the call it reports (:func:`as_call`)."""
        super()._check_evidence_carries_facts(language, text)
        quote = self.evidence.cited_text
        if (
            self.status != Status.PLANNED
            and covers(self.evidence_cues, language)
            and _at_a_distance(quote)
            and not _travel_told(
                quote,
                self.visitor_country,
                self.host_country,
                language,
                [actor.name for actor in (*self.visitors, *self.hosts)],
            )
        ):
            raise EventNotStated(
                f"evidence {quote[:80]!r} tells a call, not that anyone travelled: quote "
                "the sentence that states this visit, or code the call as a meeting"
            )

    @model_validator(mode="after")
    def _visit_rules(self, info: ValidationInfo) -> Visit:
        if not self.visitors and not self.visitor_country:
            raise ValueError("a visit needs the visitors or at least the visiting country")
        if self.visitor_country and self.visitor_country == self.host_country:
            raise ValueError(
                f"visitor_country and host_country are both {self.visitor_country}: a visit "
                "crosses a border; domestic travel is not a visit record"
            )
        check_order(self.start, self.end)
        context = _context(info)
        text = context.get("text")
        if isinstance(text, str):  # checked against an article only
            self._check_direction(detect_language(text))
            published = context.get("published")
            self._check_no_side_joined_after(
                text, published if isinstance(published, date) else None
            )
        return self

    def _check_no_side_joined_after(self, text: str, published: date | None) -> None:
        """A meeting a side took part in at a distance, as a sentence after the evidence
        tells (:func:`side_joined_after`: "A met B on Monday. B, who joined by video link,
        said ..."), is no visit: nobody travelled to it (PLOVER CONSULT mode phone). The
        draft is recoded as the sides' call (:func:`as_call`)."""
        spans = self.evidence.spans
        end = spans[-1].end if spans else self.evidence.end
        if self.status == Status.PLANNED or end is None:
            return
        names = [actor.name for actor in self.actors()]
        quote = self.evidence.cited_text
        if side_joined_after(text, end, names, set(self.countries()), quote, published):
            raise EventNotStated(
                f"a sentence after the evidence {quote[:80]!r} says a side took part at a "
                "distance: nobody travelled; code the talk as a meeting"
            )

    def _check_direction(self, language: str = "en") -> None:
        """A visit takes place in the host country: the visitor is the one who travelled.

        The place, or the venue the evidence names ("received at the White
        House", "arrived in Manama"), lies in the host country; a leader
        received at home is the host, the guest the visitor.
        """
        host, visitor = self.host_country, self.visitor_country
        if self.place is not None and self.place.country and host and self.place.country != host:
            role = (
                "the visitor's own country" if self.place.country == visitor else "another country"
            )
            raise ValueError(
                f"place {self.place.text!r} is in {self.place.country} ({role}), but "
                f"host_country is {host}: the host is the country where the visit took "
                "place and the visitor the one who travelled there (a leader who receives a "
                "guest at home is the host); swap them or correct the place"
            )
        names = [a.name for a in (*self.visitors, *self.hosts)]
        quote = self.evidence.cited_text
        venues = visit_venues(quote, language, names).ahead(self.status).went
        if (
            visitor
            and host
            and venues == {visitor}
            and not at_a_mission_only(quote, language, host, visitor, names)
        ):
            raise ValueError(
                f"the evidence puts this visit in {visitor}, the visitor_country: the visitor "
                f"is the one who travelled there, so {visitor} is the host; give the country "
                "whose people travelled as visitor_country"
            )

    def proving_places(self, language: str = "en") -> list[str]:
        """The record's place, and the places its evidence says the visitor went to
        ("besuchte Wien", "ウィーンを訪れ"): a city gone to that proves its state
        (:func:`place_proves_country`) names the state the visit went to, as the record's
        place would. Only a destination of the evidence: a capital named anywhere else
        ("Moscow said", a government's name for it) names no state."""
        names = [a.name for a in (*self.visitors, *self.hosts)]
        read = visit_venues(self.evidence.cited_text, language, names).ahead(self.status)
        return [*super().proving_places(language), *read.gone_to()]

    def key_fields(self) -> list[Any]:
        return [_name_key(self.visitors), self.visitor_country, self.host_country,
                self.start.value if self.start else None]  # fmt: skip

    def actors(self) -> list[Actor]:
        return [*self.visitors, *self.hosts]

    def countries(self) -> list[str]:
        return [c for c in (self.visitor_country, self.host_country) if c]

    def event_dates(self) -> list[DateValue]:
        return [d for d in (self.start,) if d]

    def plover(self) -> Plover:
        if self.status == Status.PLANNED:
            return Plover(category="AGREE", mode="visit")
        return Plover(category="CONSULT", mode="visit")


class VisitDraft(Draft):
    visitors: list[PersonDraft]
    visitor_country: str | None = Field(description="ISO alpha-3 code of the visiting side")
    hosts: list[PersonDraft]
    host_country: str | None = Field(description="ISO alpha-3 code of the country visited")
    place: str | None = Field(description="city or site as written")
    date: str | None = Field(description="start date as written, e.g. 'on Tuesday', 'May 3'")
    end_date: str | None
    purpose: str | None
    status: StatusText
    attribution: str | None = Field(description="who reports it, e.g. 'state media'")
    evidence: list[int] = Field(description=EVIDENCE_DESCRIPTION)


_LEVELS: tuple[tuple[str, VisitLevel], ...] = (
    ("prime minister", "head_of_government"),
    ("premier", "head_of_government"),
    ("chancellor", "head_of_government"),
    ("president", "head_of_state"),
    ("king", "head_of_state"),
    ("queen", "head_of_state"),
    ("amir", "head_of_state"),
    ("emir", "head_of_state"),
    ("minister", "ministerial"),
    ("secretary", "ministerial"),
    ("general", "military"),
    ("admiral", "military"),
    ("commander", "military"),
    ("senator", "parliamentary"),
    ("speaker", "parliamentary"),
    ("delegation", "delegation"),
)


#: The same titles in the other languages, most specific first (whole words; a
#: Chinese title anywhere): "primer ministro" before "ministro", "Ministerpräsident"
#: before "Präsident". A deputy ("vice", "stellvertretend", "заместитель", "副")
#: is a senior official.
_LOCAL_LEVELS: tuple[tuple[re.Pattern[str], VisitLevel], ...] = (
    (
        re.compile(r"(?<!\w)(?:vice\w*|stellvertret\w*|заместител\w*|вице\w*)|副", re.I),
        "senior_official",
    ),
    (
        re.compile(
            r"(?<!\w)(?:primer ministro|primera ministra|premier ministre|première ministre|"
            r"prim[oa] ministr[oa]|primeir[oa][- ]ministr[oa]|"
            r"ministerpräsident\w*|premierminister\w*|премьер\w*)|总理|首相"
            r"|(?<!\w)(?:ال|و|ل|ب)?رئيس\s+(?:ال)?(?:وزراء|حكومة)(?!\w)",
            re.I,
        ),
        "head_of_government",
    ),
    (
        re.compile(r"(?<!\w)(?:canciller|chancelière?|\w*kanzler\w*|канцлер\w*)", re.I),
        "head_of_government",
    ),
    (
        re.compile(
            r"(?<!\w)(?:president[ea]s?|présidente?|präsident\w*|президент\w*|rey|reina|roi|"
            r"reine|könig\w*|корол\w*|emir|émir|эмир\w*)|总统|總統|国家主席|国王|女王|大統領"
            # Arabic "(the) president", not the head of a body: "رئيس مجلس النواب"
            r"|(?<!\w)(?:وال|ال|و|ل|ب)?رئيس(?!\w)(?!\s+(?:ال)?(?:مجلس|هيئة|أركان|برلمان|لجنة"
            r"|حزب|شركة|بلدية|جامعة|وزراء|حكومة|وفد)(?!\w))",
            re.I,
        ),
        "head_of_state",
    ),
    (
        re.compile(
            r"(?<!\w)(?:ministr[oa]s?|ministre|minister\w*|министр\w*|secretari[oa]|"
            r"secrétaire|sekretär\w*|секретар\w*)|部长|外长|国务卿|大臣",
            re.I,
        ),
        "ministerial",
    ),
    (
        re.compile(
            r"(?<!\w)(?:general\w*|général\w*|генерал\w*|almirante|amiral|admiral|адмирал\w*|"
            r"comandante|commandant|kommandeur\w*|командующ\w*)|将军|上将|司令",
            re.I,
        ),
        "military",
    ),
    (
        re.compile(
            r"(?<!\w)(?:senador[a]?|sénat\w*|senator\w*|сенатор\w*|diputad[oa]|député\w*|"
            r"abgeordnet\w*|депутат\w*)|议员|议长|參議員",
            re.I,
        ),
        "parliamentary",
    ),
    (
        re.compile(r"(?<!\w)(?:delegaci\w*|délégation\w*|delegation\w*|делегаци\w*)|代表团", re.I),
        "delegation",
    ),
)


def visit_level(titles: list[str]) -> VisitLevel | None:
    """The highest level among the visitors' titles (a deterministic coding rule).

    English titles as always; a title in another language ("primer ministro",
    "Bundeskanzler", "министр", "总理") by :data:`_LOCAL_LEVELS`.
    """
    order: list[VisitLevel] = ["head_of_state", "head_of_government", "ministerial", "military",
                               "parliamentary", "delegation", "senior_official"]  # fmt: skip
    found: list[VisitLevel] = []
    for title in titles:
        low = normalise_text(title)
        if "vice" in low or "deputy" in low:
            found.append("senior_official")
            continue
        english = next((level for word, level in _LEVELS if word in low), None)
        composed = unicodedata.normalize("NFC", title).lower()  # "président" as written
        local = next((level for pattern, level in _LOCAL_LEVELS if pattern.search(composed)), None)
        # the higher of the two: "Ministerpräsident" holds "minister" but heads a government
        levels = [level for level in (english, local) if level is not None]
        found.append(min(levels, key=order.index) if levels else "senior_official")
    return order[min(order.index(level) for level in found)] if found else None


#: Italian, Portuguese, Arabic and Japanese names and prepositions of place, shared by
#: :data:`_VENUES`, :data:`_NAMES` and :data:`_PREPOSITIONS`. Italian joins "all'" to its
#: name ("all'Eliseo"); an Arabic name is one word, or two with an article ("البيت
#: الأبيض"), since a third is the next phrase in a verb-first sentence; a Japanese name is a
#: run of katakana or kanji, which the particles around it ("は", "で") are not.
_IT_PLACE = (
    r"(?:a|al|allo|alla|ai|agli|alle|in|nel|nello|nella|nei|negli|nelle)(?=\s)"
    r"|all['’]|nell['’]"
)
_IT_NAME = (
    r"(?:(?:il|lo|la|i|gli|le)\s+|l['’])?[A-ZÀ-ÖØ-Þ][\w'’.-]*"
    r"(?:\s+(?:d(?:i|el|ella|ei|egli)\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3}"
)
_PT_PLACE = r"em|no|na|nos|nas|a|ao|à|aos|às|para"
_PT_NAME = (
    r"(?:(?:o|a|os|as)\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*"
    r"(?:\s+(?:d[eoa]s?\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3}"
)
_AR_PLACE = r"في|إلى|الى|إلي"
_AR_NAME = r"[\u0621-\u064a]+(?:\s+ال[\u0621-\u064a]+)?"
_JA_NAME = r"[\u30a0-\u30ff\u3400-\u9fff・ー]{2,12}"

#: A venue as each language writes it: a preposition of place, then a name (with
#: its article: "à la Maison Blanche", "im Weißen Haus"). Russian names are in
#: the prepositional case ("в Пекине"), which the country names know.
_VENUES: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:in|to|at|into)\s+((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})"
    ),
    "es": re.compile(
        r"\b(?:en|a|al|hasta)\s+((?:(?:el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ][\w'’.-]*"
        r"(?:\s+(?:de\s+(?:la\s+|los\s+)?)?[A-ZÁÉÍÓÚÑ][\w'’.-]*){0,3})"
    ),
    "fr": re.compile(
        r"(?<!\w)(?:à|au|aux|en|dans)\s+((?:(?:la|le|les)\s+|l['’])?[A-ZÀ-ÖØ-Þ][\w'’.-]*"
        r"(?:[\s-]+(?:de\s+(?:la\s+)?|du\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})"
    ),
    "de": re.compile(
        r"\b(?:in|nach|im|ins|am|zum|zur)\s+((?:(?:der|die|das|den|dem)\s+)?"
        r"(?:[a-zäöüß]+e[nrs]?\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})"
    ),
    "ru": re.compile(r"(?<!\w)(?:[вВ]о?|[нН]а)\s+([А-ЯЁ][\w-]*(?:\s+[А-ЯЁа-яё][\w-]*){0,2})"),
    "zh": re.compile(r"(?:在|抵达|到达|飞抵|前往|来到|访问)(?!的)(\w{2,8})"),
    "it": re.compile(rf"(?<!\w)(?:{_IT_PLACE})\s*({_IT_NAME})"),
    "pt": re.compile(rf"(?<!\w)(?:{_PT_PLACE})\s+({_PT_NAME})"),
    # Arabic also joins "ل" (to) to its place: "زيارة للنمسا", "لغانا"
    "ar": re.compile(rf"(?<!\w)(?:(?:{_AR_PLACE})\s+|(?=ل))({_AR_NAME})"),
    # Japanese puts the postposition after the place: "ベルリンで", "ベルリンに到着"
    "ja": re.compile(rf"({_JA_NAME})(?:で|にて|において)"),
}


def venue_countries(sentence: str, language: str = "en") -> set[str]:
    """Countries of the venues a sentence names after "in", "to", "at" ("at the White House").

    Read with the prepositions of English and of ``language`` (the article's):
    "a Pekín", "à la Maison Blanche", "nach China", "в Пекине", "抵达北京".
    Only English's for English text, so that no foreign preposition ("a", "en")
    changes a verdict on it.
    """
    found = set()
    for each in dict.fromkeys(("en", language)):
        pattern = _VENUES.get(each)
        if pattern is None:
            continue
        for match in _venue_matches(pattern, sentence, each):
            if each == "en" and _modifies_a_noun(sentence, match):
                continue  # "killed in Israeli strikes": the strikes', not a place
            code = country_in_text(match.group(1), None if each == "en" else each)
            if code is not None:
                found.add(code)
    return found


def _venue_matches(
    pattern: re.Pattern[str], sentence: str, language: str, joined: bool = False
) -> Iterator[re.Match[str]]:
    """The venues ``pattern`` (of :data:`_VENUES`) finds; an Arabic word that begins with
    "ل" only with ``joined`` (after a word of going, :func:`visit_venues`), and only as a
    place joined to "ل", to (:func:`_joined_to`): elsewhere "ل" ties a state to what it
    owns or backs ("قوات موالية لروسيا"), no place."""
    for match in pattern.finditer(sentence):
        if _joined_venue(match, language) and not (joined and _joined_to(match.group(1))):
            continue
        yield match


def _joined_venue(match: re.Match[str], language: str) -> bool:
    """Whether a venue of :data:`_VENUES` is an Arabic place joined to "ل" (no word of place
    before it)."""
    return language == "ar" and match.start() == match.start(1)


def _joined_to(word: str) -> bool:
    """Whether an Arabic word is a place joined to "ل" (to): "للنمسا" (ل + النمسا),
    "لغانا" (ل + غانا), not a name that begins with the letter ("لبنان", "ليما"), which
    stands bare as a subject or a state's genitive as often as a venue."""
    rest = "ال" + word[2:] if word.startswith("لل") else word[1:]
    return country_in_text(rest, "ar") is not None or _a_city(rest) is not None


#: Lower-case words after a place name that are no noun it modifies: "in Myanmar on
#: Tuesday", "in Jordan and", "in Syria, officials said" is a place.
_NOT_A_NOUN = re.compile(
    r"(?:on|in|at|to|of|for|from|by|with|and|or|but|as|after|before|since|during|amid|near|"
    r"over|under|where|when|while|which|who|that|this|last|next|is|are|was|were|has|have|had|"
    r"will|would|said|says|earlier|later|late|early|overnight|today|yesterday|alone|itself|"
    r"than|into|across|along|around|between|against|despite|without|within)(?!\w)"
)


def _modifies_a_noun(sentence: str, match: re.Match[str]) -> bool:
    """Whether an English venue is a nationality adjective before a common noun ("in
    Israeli strikes", "in Saudi-led raids", "in Russian shelling"): it names whose strikes,
    no place (the rule of :func:`_a_place`)."""
    words = match.group(1).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) != 1:
        return False
    word = normalise_text(words[0])
    if word not in _ADJECTIVES and normalise_text(word.split("-")[0]) not in _ADJECTIVES:
        return False
    if "-" in word:  # "Saudi-led", "Israeli-backed"
        return True
    rest = sentence[match.end() :]
    noun = re.match(r"\s+([a-z][\w-]*)", rest)
    return noun is not None and not _NOT_A_NOUN.match(noun.group(1))


#: A name as each language writes it after a preposition (the groups of :data:`_VENUES`).
_NAMES: dict[str, str] = {
    "en": r"((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})",
    "es": r"((?:(?:el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ][\w'’.-]*"
    r"(?:\s+(?:de\s+(?:la\s+|los\s+)?)?[A-ZÁÉÍÓÚÑ][\w'’.-]*){0,3})",
    "fr": r"((?:(?:la|le|les)\s+|l['’])?[A-ZÀ-ÖØ-Þ][\w'’.-]*"
    r"(?:[\s-]+(?:de\s+(?:la\s+)?|du\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})",
    "de": r"((?:(?:der|die|das|den|dem)\s+)?(?:[a-zäöüß]+e[nrs]?\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*"
    r"(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})",
    "ru": r"([А-ЯЁ][\w-]*(?:\s+[А-ЯЁа-яё][\w-]*){0,2})",
    "zh": r"(\w{2,8})",
    "it": rf"({_IT_NAME})",
    "pt": rf"({_PT_NAME})",
    "ar": rf"({_AR_NAME})",
    "ja": rf"({_JA_NAME})",
}
#: The prepositions of place of each language (those of :data:`_VENUES`); Chinese puts the
#: place right after the verb ("抵达北京").
_PREPOSITIONS: dict[str, str] = {
    "en": r"(?:in|to|at|into)",
    "es": r"(?:en|a|al|hasta)",
    "fr": r"(?:à|au|aux|en|dans)",
    "de": r"(?:in|nach|im|ins|am|zum|zur)",
    "ru": r"(?:[вВ]о?|[нН]а)",
    "zh": "",
    "it": rf"(?:{_IT_PLACE})",
    "pt": rf"(?:{_PT_PLACE})",
    "ar": rf"(?:{_AR_PLACE})",
    "ja": "",
}
#: Nouns whose "in X", "to X" is no venue: "investment in China", "exports to India",
#: "ambassador to Japan", "relations with", "Botschafter in", "инвестиции в", "对华投资".
_GOVERNING_NOUNS: dict[str, str] = {
    "en": r"(?:investments?|exports?|imports?|aid|assistance|ambassadors?|envoys?|embass(?:y|ies)"
    r"|consulates?|relations|ties|trade|sales?|troops|interests|debts?|loans?|stakes?|"
    r"access|policy|policies|subsidiaries|operations|presence|deployments?)",
    "es": r"(?:inversi\w*|exportaci\w*|importaci\w*|ayuda|embajador\w*|embajada\w*|"
    r"relaciones|comercio|tropas|intereses|presencia)",
    "fr": r"(?:investissements?|exportations?|importations?|aide|ambassadeurs?|ambassades?|"
    r"relations|commerce|troupes|intérêts|présence)",
    "de": r"(?:Investitionen|Investition|Exporte?|Importe?|Hilfe|Botschafter\w*|Botschaft|"
    r"Beziehungen|Handel|Truppen|Interessen|Präsenz)",
    "ru": r"(?:инвестици\w*|экспорт\w*|импорт\w*|помощ\w*|посол\w*|посольств\w*|отношени\w*|"
    r"торговл\w*|войск\w*|интерес\w*|присутстви\w*)",
    "zh": r"(?:对)",
    "it": r"(?:investiment\w*|esportazion\w*|importazion\w*|aiut\w*|ambasciat\w*|relazioni"
    r"|commercio|truppe|interessi|presenza)",
    "pt": r"(?:investiment\w*|exporta\w*|importa\w*|ajuda|embaixad\w*|relações|comércio"
    r"|tropas|interesses|presença)",
    "ar": r"(?:استثمار\w*|صادرات|واردات|مساعد\w*|سفير\w*|سفار\w*|علاقات|تجار\w*|قوات)",
    "ja": r"(?:への投資|への輸出|大使)",
}
#: Words that end the stretch between a word of going and its place: a place after them is
#: not where the traveller went ("visited Berlin to discuss investment in China").
_NOT_THE_WAY = {
    "en": r"(?:to|for|with|about|before|after|then|while|which|who|that|and|but)",
    "es": r"(?:para|con|sobre|antes|después|luego|que|y|pero)",
    "fr": r"(?:pour|avec|sur|avant|après|puis|qui|que|et|mais)",
    "de": r"(?:um|mit|über|vor|nach|dann|der|die|das|und|aber)",
    "ru": r"(?:для|чтобы|с|о|об|до|после|затем|который|которая|и|но)",
    "it": r"(?:per|con|su|sul|sulla|prima|dopo|poi|che|e|ma)",
    "pt": r"(?:para|com|sobre|antes|depois|então|que|e|mas)",
    "ar": r"(?:لبحث|لمناقشة|مع|حول|بشأن|قبل|بعد|ثم|الذي|التي|لكن)",
}


def _words(fragments: Sequence[str]) -> str:
    return "(?:" + "|".join(fragments) + ")"


def _language_patterns(language: str) -> Mapping[str, re.Pattern[str]]:
    """The patterns that read a visit's direction in ``language`` (see :func:`visit_venues`)."""
    name, prep = _NAMES[language], _PREPOSITIONS[language]
    stop = _words([_NOT_THE_WAY.get(language, "(?!)"), *RETURN_WORDS[language],
                   _GOVERNING_NOUNS[language]])  # fmt: skip
    going = _words(GOING_WORDS[language])
    back = _words(RETURN_WORDS[language])
    if language == "zh":
        # "飞抵的肯尼亚总统": a word of going before 的 qualifies its traveller, no place
        went = rf"(?:{going})(?!的){name}|对(\w{{2,8}}?)进行\w{{0,6}}?访问"
        return {
            "went": re.compile(went),
            "back": re.compile(rf"{back}{name}"),
            "governed": re.compile(rf"{_GOVERNING_NOUNS[language]}{name}"),
        }
    if language == "ja":  # the place before its particle and verb: "ベルリンに到着", "ドイツを訪問"
        return {
            "went": re.compile(rf"{name}(?:を|に|へ)?(?:{going})"),
            "back": re.compile(rf"{name}(?:{back})"),
            "governed": re.compile(rf"{name}{_GOVERNING_NOUNS[language]}"),
        }
    went = "(?!)"
    if VISITING_WORDS[language]:
        went += rf"|(?<!\w)(?i:{_words(VISITING_WORDS[language])})(?!\w)\s+{name}"
    if language == "de":  # verb last: "ist in Berlin eingetroffen", "nach Paris gereist"
        went += (
            rf"|(?<!\w)(?:in|nach)\s+{name}(?:\s+\w+){{0,2}}?\s+(?:eingetroffen|angekommen|"
            r"gereist|gelandet|empfangen|geflogen|gekommen)(?!\w)"
        )
    return {
        "went": re.compile(went),
        # what comes before a venue someone went to: a word of going, then at most eight
        # words, none of which turns away from it ("to discuss", "back", "investment")
        "lead": re.compile(
            rf"(?<!\w)(?i:{going})(?!\w)(?:\s+(?!(?i:{stop})(?!\w))[\w'’.-]+){{0,8}}\s*$"
        ),
        "going": re.compile(rf"(?<!\w)(?i:{going})(?!\w)"),
        "back": re.compile(
            rf"(?<!\w)(?i:{back})(?!\w)(?:\s+(?i:back|home))?(?:\s+(?i:{prep}|from|de|aus|из))?"
            rf"\s+{name}"
        ),
        # "investment in China", "inversiones chinas en Alemania": the noun, at most two
        # lower-case words (its adjectives), the preposition
        "governed": re.compile(
            rf"(?<!\w)(?i:{_GOVERNING_NOUNS[language]})(?!\w)"
            rf"(?:\s+[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*){{0,2}}?\s+"
            rf"(?:(?i:{prep})|with|con|avec|mit|с)\s+{name}"
        ),
    }


_DIRECTION_PATTERNS = {language: _language_patterns(language) for language in _NAMES}

#: English adjectives of nationality ("Indian" in "visiting Indian Prime Minister Modi"),
#: which name a person's country, not a place visited.
_ADJECTIVES = frozenset(
    normalise_text(words[0]) for words in DEMONYMS.values() if words and " " not in words[0]
)


class Venues:
    """What a sentence says of where a visit took place.

    ``went``: the countries someone went to, arrived in or was welcomed to
    ("visiting Germany", "trip to Seoul", "arrived in Manama", "reiste nach
    Polen", "прибыл в Пекин", "抵达北京"). ``venues``: the other countries it
    names after "in", "to", "at" (and the article language's prepositions),
    but not those after "back", "home", "return" (where someone came from) nor
    those governed by a noun ("investment in China", "ambassador to Japan").
    ``main``: for each country gone to in a main clause (not in a relative, time
    or purpose clause, not a plan), the offset of the first word of going to it:
    the one place that may move a visit to a country its answer did not name.
    ``planned``: the countries someone is only invited, planning or going to visit
    ("accepted an invitation to visit Egypt", "will visit", "aceptó una invitación
    para visitar", "принял приглашение посетить", "接受邀请访问"): no trip that took
    place, so none of ``went``; only a planned visit's own destination (:meth:`ahead`).
    ``places``: the places as written that someone went to (or, once :meth:`ahead`, will
    go to), each with its state ("Wien": AUT), which :meth:`Visit.proving_places` offers
    as proof of that state.
    """

    def __init__(
        self,
        went: set[str],
        venues: set[str],
        main: Mapping[str, int] | None = None,
        planned: set[str] | None = None,
        places: Mapping[str, str] | None = None,
    ) -> None:
        self.went, self.venues = went, venues
        self.main: dict[str, int] = dict(main or {})
        self.planned: set[str] = set(planned or ())
        self.places: dict[str, str] = dict(places or {})

    def ahead(self, status: object) -> Venues:
        """These venues for a visit of ``status``: a planned visit's destination is where
        someone will go, so its plans count as gone to (never in a main clause)."""
        if status != Status.PLANNED or not self.planned:
            return self
        went = self.went | self.planned
        return Venues(went, self.venues - self.planned, self.main, places=self.places)

    def gone_to(self) -> list[str]:
        """The places as written of the states in :attr:`went`."""
        return [text for text, code in self.places.items() if code in self.went]


def _a_place(text: str, language: str) -> str | None:
    """The country of a place as written, or None for a person's country ("Indian Prime
    Minister Narendra Modi" names no place; "Saudi Arabia" does)."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if language == "en" and words and normalise_text(words[0]) in _ADJECTIVES:
        if len(words) == 1:
            return None
        try:
            to_alpha3(" ".join(words[:2]))
        except ValueError:
            return None
    return country_in_text(text, None if language == "en" else language)


def _a_destination(
    text: str, language: str, names: Sequence[str] = (), sentence: str = ""
) -> str | None:
    """The state of a place written after a word of going: a state's name, or a city's by
    the gazetteer ("in visita a Vienna", "en visite à Vienne", "bei einem Besuch in Wien",
    "ウィーンを訪れ"): a city gone to says the traveller is in its state as the state's name
    does. Never a word of a person of the visit ("Salo" is also a town), nor a person's
    country ("Indian Prime Minister Modi"), nor a city that cities of two states are called
    (:func:`place_proves_country`: "Birmingham" alone is no state gone to), unless
    ``sentence`` names the state (:func:`_told_namesake`). The full stop of a sentence
    ending at the place ("besuchte Wien.") is no part of its name."""
    code = _a_place(text, language)  # "the U.S." keeps its dots
    if code is not None:
        return code
    text = text.rstrip(".")
    code = _a_place(text, language) if text else None
    if code is not None:
        return code
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or (language == "en" and normalise_text(words[0]) in _ADJECTIVES):
        return None
    named = {word for name in names for word in name.split()}
    if named & set(words) or any(name and name in text for name in names):
        return None
    if normalise_text(" ".join(words)) in _regions(language):
        return None  # "a trip to Africa": a continent, though a town bears its name
    return _told_namesake(" ".join(words), place_proves_country(text), sentence, language)


def _told_namesake(city: str, code: str | None, sentence: str, language: str) -> str | None:
    """The state of a city gone to whose name cities of comparable size in several states
    bear (:func:`rival_states`: "Bethlehem" in South Africa, the United States and
    Palestine; "León", "Tripoli"): the host is where the visit took place, as the text
    says, so the one of those states ``sentence`` names ("met the Palestinian president",
    "Tripoli, Lebanon") is the city's, not the gazetteer's pick ``code`` (the largest
    city's, or none for a name :func:`place_proves_country` finds shared). A sentence
    naming the pick's state, or none or several of the others, keeps ``code``'s reading
    (none for several). A city far larger than its namesakes ("Perth", "Moscow") has no
    rivals and keeps its state."""
    rivals = rival_states(normalise_text(city, accents=False))
    if not rivals or not sentence:
        return code
    told = set(countries_in_text(sentence, None if language == "en" else language))
    if code is not None and code in told:
        return code
    named = rivals & told
    if len(named) == 1:
        return next(iter(named))
    return None if named else code


@cache
def _regions(language: str) -> frozenset[str]:
    """The names of the world's regions and continents (the CLDR's numeric territories) in
    English and ``language``, folded: no state's place, whatever town bears the name."""
    from babel import Locale, UnknownLocaleError

    names: set[str] = set()
    for each in dict.fromkeys(("en", language)):
        try:
            territories = Locale.parse(each).territories
        except (ValueError, UnknownLocaleError):
            continue
        names |= {normalise_text(v) for k, v in territories.items() if k.isdigit()}
    return frozenset(names)


#: Japanese words of a visit made of "訪" (visit) or "来" (come) and the abbreviation of the
#: state visited (:data:`ABBREVIATIONS`): "訪米" (a visit to the US), "訪中", "訪日中の", "来日",
#: "来韓". "来" only before Japan and Korea, and not where it ends another word ("将来日本",
#: "以来", "従来") nor before the state's whole name: "10年来日本と", "昨年来日本政府と" is
#: "since ... Japan". No compound of visitors counted ("訪日客", "訪日外国人", a delegation
#: "訪米団"). ``when``: a plan ahead of it ("訪米を前に", "訪中の予定") or a journey before
#: this one ("訪中後") after it.
_JA_COMPOUND_VISIT = re.compile(
    rf"(?:(?<![将以本従由到元外往伝未再古])来(?P<come>日(?!本)|韓(?!国))|訪(?P<went>[{''.join(ABBREVIATIONS['ja'])}]))"
    r"(?!客|外国人|観光|旅行|者|ビザ|査証|団)"
    r"(?P<when>を前に|前|に先立|を控え|の予定|する予定|予定|を計画|を検討|の意向|へ向け|に向け|後|の後|から)?"
)


def _ja_compound_visits(sentence: str) -> Iterator[tuple[str, int, bool]]:
    """(state, offset, planned) of each Japanese compound of a visit and its state
    (:data:`_JA_COMPOUND_VISIT`): who is "来日中" or "訪米した" went to that state; one "訪米を
    前に" only plans to go (planned), and one back "訪中後" tells another journey (skipped)."""
    table = ABBREVIATIONS["ja"]
    for match in _JA_COMPOUND_VISIT.finditer(sentence):
        when = match.group("when") or ""
        if when in ("後", "の後", "から"):
            continue
        letter = match.group("come") or match.group("went")
        yield table[letter], match.start(), bool(when)


#: The English participle "visiting" and the first word of what follows it, past an
#: article (:func:`_visiting_a_person`).
_VISITING = re.compile(r"visiting\s+(?:the\s+)?([\w'’-]+)", re.I)
#: Nouns of a role that "visiting" qualifies ("a visiting professor in Lima"): a post
#: held somewhere, not a journey; and the degree words of a superlative ("the most
#: visited venue"): how many come, not who went.
_VISITING_ROLES = frozenset(
    {"professor", "professors", "scholar", "scholars", "fellow", "fellows", "fellowship",
     "lecturer", "lecturers", "researcher", "researchers", "scientist",
     "scientists", "artist", "artists", "student", "students", "faculty", "chair",
     "position", "post", "team", "teams", "diplomat", "diplomats", "instructor",
     "profesor", "profesora", "investigador", "investigadora", "catedrático", "becario",
     "estudiante", "estudiantes", "artista", "professeur", "professeure", "chercheur",
     "chercheuse", "professore", "professoressa", "ricercatore", "ricercatrice", "docente",
     "studente", "studenti", "professora", "pesquisador", "pesquisadora", "estudante"}
)  # fmt: skip
#: The degree words of a superlative before a participle of visiting ("the most visited",
#: "most-visited", "el más visitado", "il più visitato", "der am meisten besuchte"): the
#: participle is an adjective there, so an article, a possessive or the sentence's start
#: comes before the degree word, or a hyphen joins them. Before a finite verb the degree
#: word is an adverb and someone went: "una vez más visitó Lima", "el presidente que más
#: visitó Lima", "a de plus visité Accra", "once more visited Lima".
_MOST_VISITED = re.compile(
    r"(?:(?<!\w)(?:the|an?|its|their|his|her|our|el|la|lo|los|las|le|les|il|gli|i|o|os|as"
    r"|der|die|das|den|dem|des|am|une?|una|um|uma)\s+|['’]s\s+|^\s*)"
    r"(?:most|least|much|more|widely|frequently|best|más|menos|mais|più|meno|plus"
    r"|meisten|meist)\s+$"
    r"|(?<!\w)(?:most|least|much|more|widely|frequently|best)-$",
    re.I,
)
#: A determiner before "visiting", an adjective or two of the noun phrase between ("a
#: former visiting professor"): the participle is an adjective of the noun after
#: it ("a visiting research fellow", "the visiting scholars"), not a verb whose object
#: that noun is ("Ruiz, visiting displaced students in Accra", "visiting researchers at").
_DETERMINER_BEFORE = re.compile(
    r"(?<!\w)(?:a|an|the|his|her|their|its|our|my|your|this|that|these|those|as)\s+"
    r"(?:(?:former|new|senior|junior|current|longtime|long-time|distinguished|young|first"
    r"|other|fellow|several|many|some|few|two|three|four|five)\s+){0,2}$",
    re.I,
)
#: A role noun right before the adjective of visiting that follows it in the Romance
#: languages ("profesor visitante en Lima", "professor visitante em", "professore in
#: visita a"): a post, no journey. "el profesor visita Lima" (a verb) still goes.
_ROLE_BEFORE = re.compile(r"(?<!\w)([^\W\d_]+)\s+$")
_ROLE_BEFORE_IT = re.compile(r"(?<!\w)([^\W\d_]+)\s+in\s+$")
#: A word of coming back from a place before a visit noun ("de regreso de una visita
#: oficial a", "zurück von einem Besuch in", "de volta de uma visita a", "back from a
#: visit to"): up to two lower-case words (an article, an adjective) between, no
#: preposition of purpose nor a place ("came back from Berlin to visit Lima").
_FROM_WORDS = r"(?:from|de|d'|desde|von|vom|aus|da|dal|dalla|do|из|от)"
#: The prepositions of a purpose or a way, which put a visit after the place come from:
#: "came back from Berlin to visit", "partió de Madrid en visita a".
_ON_THE_WAY = {
    "en": "to|for|on|in", "es": "para|en|a", "fr": "pour|à|en", "de": "um|zu|zum|zur|auf|nach",
    "it": "per|in|a", "pt": "para|em|a", "ru": "с|в|на|для",
}  # fmt: skip
_PREVIOUS_LEG = {
    language: re.compile(
        rf"(?<!\w)(?i:{_words(words)})\s+(?i:{_FROM_WORDS})"
        rf"(?P<between>\s*(?:(?!(?i:{_ON_THE_WAY[language]})\s)"
        r"[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*\s+){0,2})$"
    )
    for language, words in CAME_BACK_WORDS.items()
}
#: "de visita", "de visita oficial" (es, pt): on a visit, no visit come back from
#: ("volverá de visita a Lima": will go to Lima again).
_ON_A_VISIT = re.compile(r"(?<!\w)de\s*$", re.I)
#: German puts the word of coming back last in its clause ("der aus einem Besuch in Wien
#: zurückkam", "von einer Reise nach Lima zurückgekehrt").
_DE_BACK_LAST = re.compile(r"(?<!\w)(?:aus|von|vom)\s+(?:[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁ][\w-]*\s+){0,2}$")
_DE_BACK_WORD = re.compile(r"[^,;.!?]{0,80}?(?<!\w)(?:zurück\w*|heimgekehrt\w*|heimkehr\w*)", re.I)


def _a_previous_leg(sentence: str, at: int, language: str) -> bool:
    """Whether the word of going at offset ``at`` is a visit someone came back from (a
    word of :data:`CAME_BACK_WORDS` and "from" right before it): a previous leg, in
    every language, not where this visit took place. A word of leaving ("departed from
    Berlin to visit Lima", "salió de Madrid para visitar", "partiu de Brasília em visita
    a") tells the outward leg of this visit, and "de visita" is "on a visit"."""
    pattern = _PREVIOUS_LEG.get(language)
    if pattern is None:
        return False
    before = sentence[max(0, at - 60) : at]
    found = pattern.search(before)
    if found is not None and not (
        language in ("es", "pt")
        and not found.group("between").strip()
        and _ON_A_VISIT.search(before)
    ):
        return True
    return (
        language == "de"
        and _DE_BACK_LAST.search(before) is not None
        and _DE_BACK_WORD.match(sentence, at) is not None
    )


def _visiting_a_person(sentence: str, match: re.Match[str], language: str = "en") -> bool:
    """Whether a going ``match`` is "visiting" before a title ("welcomed visiting President
    Sato of Brazil", "Visiting Prime Minister Ruiz of Spain met", "held talks with the
    visiting President of Brazil"): the participle is an adjective there, and the head of
    its noun phrase is the visitor, whose country ("of Brazil") is no place anyone went to.
    "visiting Germany", "visiting the White House" still tell a going. So is a role it
    qualifies, in the head's place or among the lower-case words of a compound ("a
    visiting research fellow in Vienna") or before it ("profesor visitante en Lima"), and
    a superlative ("the most-visited sites in", "der am meisten besuchte Ort in")."""
    if _MOST_VISITED.search(sentence[: match.start()], max(0, match.start() - 30)):
        return True  # "the most visited venue in Chicago": no one went
    after = sentence[match.start() : match.start() + 9].lower()
    before = (
        _ROLE_BEFORE
        if language in ("es", "pt") and after.startswith("visitant")
        else _ROLE_BEFORE_IT
        if language == "it" and after.startswith("visita")
        else None
    )
    role = before.search(sentence, max(0, match.start() - 30), match.start()) if before else None
    if role is not None and normalise_text(role.group(1)).lower() in _VISITING_ROLES:
        return True  # "profesor visitante en Lima", "professore in visita a"
    if language != "en":
        return False
    head = _VISITING.match(sentence, match.start())
    if head is None:
        return False
    if normalise_text(head.group(1)).lower() in TITLE_WORDS:
        return True
    if not _DETERMINER_BEFORE.search(sentence[: match.start()], max(0, match.start() - 40)):
        return False  # "Ruiz, visiting displaced students in Accra, pledged": a verb, a trip
    for word in sentence[head.start(1) :].split()[:3]:
        word = normalise_text(word.strip(",.;:")).lower().removesuffix("'").removesuffix("’")
        if not word or (not word[0].islower() and word != head.group(1).lower()):
            break
        if word in _VISITING_ROLES:
            return True  # "a visiting research fellow in Vienna"
    return False


#: The conjunctions that join a list of destinations ("Ghana, Togo and Benin").
_LIST_AND = r"(?:and|y|e|et|und|и)"


#: What may follow a destination closing a coordinated list after a travel verb: another
#: joint, a mark, the end, or an adjunct's lead (a preposition, a time word, a conjunction
#: of the same subject's next predicate). A finite verb ("y Perú envió", "und Peru
#: schickte") would make the name a new clause's subject; an article before a time noun
#: only ("el lunes", "la semana pasada"), since "Perú la recibió" has a pronoun there.
_LIST_CLOSERS: dict[str, str] = {
    "en": r"on|in|at|last|this|next|earlier|later|early|late|during|for|to|with|from|over"
    r"|after|before|between|until|via|yesterday|today|tonight|and|or|then|where|while|when"
    r"|together|again|amid|as|ahead|within|by|since",
    "es": r"en|a|al|para|con|desde|durante|tras|entre|ayer|hoy|y|e|o|donde|junto|por|antes"
    r"|después|esta|este|estos|estas|hace|(?:el|la|los|las)\s+(?:pasad\w*|próxim\w*|semana"
    r"|mes|año|fin|lunes|martes|miércoles|jueves|viernes|sábado|domingo|\d)",
    "fr": r"en|à|au|aux|pour|avec|depuis|pendant|entre|hier|aujourd['’]hui|et|ou|où|puis"
    r"|lors|par|avant|après|cette|ce|ces|cet|dans|lundi|mardi|mercredi|jeudi|vendredi"
    r"|samedi|dimanche|(?:le|la|les|l['’])\s*(?:semaine|mois|année|an|week-end|\d"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)",
    "de": r"am|im|in|zu|zum|zur|um|für|mit|nach|vom|von|bei|auf|über|zwischen|gestern"
    r"|heute|und|oder|wo|dies\w*|letzt\w*|vergangen\w*|kommend\w*|Anfang|Ende|Mitte"
    r"|\w+(?:t|en)(?=\s*(?:[.,;:!?]|$))",
    "ru": r"в|во|на|с|со|для|по|и|или|где|из|через|после|до|между|вчера|сегодня",
}


def _closes_list(sentence: str, end: int, name: str, language: str) -> bool:
    """Whether a state's name ending at ``end`` closes the noun phrase of a list of
    destinations: not a possessor ("Togo's president", "Peru's ambassador said"), and
    followed by a mark, the end, or an adjunct's lead (:data:`_LIST_CLOSERS`), not a
    verb that makes the name a new clause's subject ("and Peru sent its minister")."""
    if re.search(r"['’]s?$", name) or re.match(r"['’]s?(?!\w)", sentence[end:]):
        return False
    closers = _LIST_CLOSERS.get(language, _LIST_CLOSERS["en"])
    rest = sentence[end:]
    if re.match(r"\s*(?:$|[^\w\s])", rest):
        return True
    return re.match(rf"\s+(?:{closers})(?!\w)", rest, re.I if language != "de" else 0) is not None


def _listed_after(sentence: str, end: int, language: str) -> list[tuple[str, int]]:
    """The countries listed right after a destination ending at ``end``, with where each
    starts: every conjunct of a travel verb's object is a destination ("travelled to
    Ghana, Togo and Benin"). The list ends at the first conjunct that is no country, and
    any other word ("Ghana with ministers from Togo", "Ghana, then went to Togo") ends it."""
    name = _NAMES.get(language)
    if name is None or language in UNSPACED:
        return []
    joint = re.compile(rf"\s*,\s*(?:{_LIST_AND}\s+)?(?={name})|\s+{_LIST_AND}\s+(?={name})")
    listed = []
    while (match := joint.match(sentence, end)) is not None:
        word = re.compile(name).match(sentence, match.end())
        code = _a_place(word.group(1), language) if word is not None else None
        if word is None or code is None or re.search(r"\s(?:of|de|du)\s", word.group(1)):
            break  # "China, Ana Ruiz of Brazil": a person of a state, no destination
        if not _closes_list(sentence, word.end(), word.group(1), language):
            break  # "Ghana and Togo's president met her", "y Perú envió a su canciller"
        listed.append((code, word.start()))
        end = word.end()
    return listed


def visit_venues(sentence: str, language: str = "en", names: Sequence[str] = ()) -> Venues:
    """Where a sentence says a visit took place, read in English and in ``language``.
    ``names``: the people of the visit, whose words are no place ("إيرينا سالو": Salo is
    also a Finnish town).

    The place someone went to wins over any other: "Li Qiang, visiting
    Germany, urged more German investment in China" took place in Germany.
    """
    went: set[str] = set()
    venues: set[str] = set()
    main: dict[str, int] = {}
    planned: set[str] = set()
    places: dict[str, str] = {}

    def gone(code: str, at: int, language: str, text: str | None = None) -> None:
        if text is not None:
            places.setdefault(text.rstrip("."), code)
        if _not_yet(sentence, at, language):
            planned.add(code)  # "accepted an invitation to visit Egypt": no trip yet
            return
        went.add(code)
        if not _subordinate(sentence, at):
            main.setdefault(code, at)

    for each in dict.fromkeys(("en", language)):
        patterns = _DIRECTION_PATTERNS.get(each)
        if patterns is None:
            continue
        for match in patterns["went"].finditer(_undated_objects(sentence, each)):
            if each == "en" and _other_occasion(sentence, match.start()):
                continue
            if _visiting_a_person(sentence, match, each):
                continue  # "welcomed visiting President Sato of Brazil": the guest
            if _a_previous_leg(sentence, match.start(), each):
                continue  # "de regreso de una visita a Lima": where someone came from
            text = next((g for g in match.groups() if g), None)
            code = _a_destination(text, each, names, sentence) if text else None
            if code is not None:
                gone(code, match.start(), each, text)
                for other, _at in _listed_after(sentence, match.end(), each):
                    gone(other, match.start(), each)
        for code, at, text in _visited_past_subject(sentence, each, names):
            gone(code, at, each, text)
        for code, at, plan in _ja_compound_visits(sentence) if each == "ja" else ():
            if plan:
                planned.add(code)
            else:
                gone(code, at, each)
        no_venue = {
            m.start(m.lastindex or 0)
            for key in ("back", "governed")
            for m in patterns[key].finditer(sentence)
        }
        pattern = _VENUES.get(each)
        if pattern is None:
            continue
        lead = patterns.get("lead")
        for match in _venue_matches(pattern, sentence, each, joined=True):
            if match.start(1) in no_venue:
                continue
            if each == "en" and _other_occasion(sentence, match.start()):
                continue  # "Berg, who visited France last year, met Ruiz in Tokyo"
            word = (
                lead.search(sentence, max(0, match.start() - 200), match.start()) if lead else None
            )
            if word is not None and (
                _visiting_a_person(sentence, word, each)
                or any(
                    _a_previous_leg(sentence, w.start(), each)
                    for w in patterns["going"].finditer(sentence, word.start(), match.start())
                )
            ):
                word = None  # "a visiting professor in Lima", "the most visited venue in"
            if word is not None:
                code = _a_destination(match.group(1), each, names, sentence)
                if code is not None:
                    gone(code, word.start(), each, match.group(1))
                    for other, _at in _listed_after(sentence, match.end(1), each):
                        gone(other, word.start(), each)
                    continue
            if _joined_venue(match, each):
                continue  # "ل" after no word of going: whose, not where ("موالية لروسيا")
            code = country_in_text(match.group(1), None if each == "en" else each)
            if code is not None:
                venues.add(code)
    planned -= went
    return Venues(went, venues - went - planned, main, planned, places)


#: Any day: the words of a date are found against it (:func:`find_dates`); its value
#: is not read here.
_ANY_DAY = date(2000, 1, 3)
#: The lower-case words that may lead a date written between a verb of visiting and its
#: object: an article or preposition and an adjective ("am vergangenen Montag", "el lunes"),
#: all lower-case letters ("l'Austria venerdì" has its object before the day).
_DATE_LEAD = re.compile(r"(?:[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁ]+\s+){0,2}")
_DATE_REACH = 40


def _undated_objects(sentence: str, language: str) -> str:
    """``sentence`` with a date written between a verb of visiting and its object blanked
    ("besuchte am Montag Wien", "visitó el lunes Viena", "a visité lundi Vienne", "ha
    visitato ieri Vienna"): the day says when, and the place after it is the verb's object
    as it is with the day after it ("besuchte Wien am Montag"). Offsets are kept, so a
    match in the copy is one in ``sentence``. Only a date right after the verb, past at
    most two lower-case words, is blanked: "besuchte die Stadt am Montag" keeps its
    object before the day."""
    words = VISITING_WORDS.get(language)
    if not words:
        return sentence
    verbs = list(re.finditer(rf"(?<!\w)(?i:{_words(words)})(?!\w)\s+", sentence))
    if not verbs:
        return sentence
    written = [text for text, _ in find_dates(sentence, language, _ANY_DAY)]
    blanked = sentence
    for verb in verbs:
        rest = sentence[verb.end() : verb.end() + _DATE_REACH]
        for text in written:
            at = rest.find(text)
            if at < 0 or _DATE_LEAD.fullmatch(rest[:at]) is None:
                continue
            end = verb.end() + at + len(text)
            blanked = blanked[: verb.end()] + " " * (end - verb.end()) + blanked[end:]
            break
    return blanked


#: How many words after a verb of :data:`VISITING_PAST_SUBJECT` its place may stand: past a
#: subject of a title, a state and a name, a day, and a person visited with their own title
#: ("زار وزير خارجية غانا بيتر ويك يوم الجمعة وزير خارجية النمسا إيرينا سالو في فيينا").
_PAST_SUBJECT_REACH = 16
#: Words after which a state is where someone came from, or what was talked of or with, not
#: the object visited ("زار وفد من غانا", "حول غانا"), in the languages of
#: :data:`VISITING_PAST_SUBJECT`.
_NOT_VISITED_AFTER = {"ar": re.compile(r"^[وف]?(?:من|عن|مع|حول|بشأن|منذ|قبل|بعد)$")}
#: A definite Arabic relative adjective ("الغاني", "النمساوية"): agreeing with the noun
#: before it, it says whose a person or body is ("الرئيس الغاني"), not where one went.
_DEFINITE_NISBA = re.compile(r"^[وفبل]?ال[\u0621-\u064a]+(?:ي|ية|يين|يون|يان)$")


def _visited_past_subject(
    sentence: str, language: str, names: Sequence[str] = ()
) -> Iterator[tuple[str, int, str]]:
    """The place visited after a verb that puts its subject first (:data:`VISITING_PAST_SUBJECT`:
    Arabic "زار X Y", X visited Y), with the verb's offset and the place as written: the first state or city named
    in its clause that is not the subject's. A state after a noun it belongs to ("وزير
    خارجية غانا", :data:`OF_STATE_NOUNS`), a definite adjective ("الرئيس الغاني") or a
    word of origin or topic ("وفد من غانا") is the subject's or another's, not the place
    visited; a visit of a person ("زار نظيره") names no place here, nor does a word of a
    person's name among ``names``."""
    words = VISITING_PAST_SUBJECT.get(language)
    named = {word for name in names for word in name.split()}
    if not words:
        return
    verb = re.compile(rf"(?<!\w){_words(words)}(?!\w)")
    of_state = re.compile(rf"^{_words(OF_STATE_NOUNS[language])}$")
    not_after = _NOT_VISITED_AFTER.get(language, re.compile("(?!)"))
    for match in verb.finditer(sentence):
        end = _clause(sentence, match.start())[1]
        found = list(re.finditer(r"[^\s.,;:!?()«»\"،؛]+", sentence[match.end() : end]))
        for n, word in enumerate(found[:_PAST_SUBJECT_REACH]):
            previous = found[n - 1].group() if n else ""
            if of_state.match(previous) or not_after.match(previous):
                continue
            if _DEFINITE_NISBA.match(word.group()) or word.group() in named:
                continue
            if language == "ar" and word.group().startswith("ل") and _joined_to(word.group()):
                continue  # "الموالية لروسيا": whose, never the verb's object
            written = word.group()
            code = _a_place(written, language) or _a_city(written)
            if code is None and n + 1 < len(found):
                written = f"{word.group()} {found[n + 1].group()}"
                code = _a_place(written, language) or _a_city(written)
                if code is not None and _a_place(found[n + 1].group(), language) == code:
                    code = None  # the next word names it alone: read it there
            if code is not None:
                yield code, match.start(), written
                break


def _a_city(word: str) -> str | None:
    """The state of a city written as one word with no article ("فيينا", "أكرا"): a word
    with the article is as often a common noun that some town is also called ("المدينة",
    "الأبيض"), and is left to the country names, which know the capitals ("القاهرة")."""
    return None if word.startswith("ال") else place_country(word)


#: What puts a destination under an invitation, a plan, a wish or the future, before the
#: word of going in its clause ("accepted an invitation to visit", "invited him to visit",
#: "will visit", "plans to visit", "aceptó una invitación para visitar", "prévoit de se
#: rendre", "lud ihn ein, ... zu besuchen", "принял приглашение посетить", "接受邀请访问"):
#: no trip that took place. "At the invitation of", "por invitación de", "à l'invitation
#: de", "auf Einladung", "по приглашению", "应邀" tell a trip that did.
_NOT_YET: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\w)(?:{lead})(?!\w)", re.I)
    for language, lead in {
        "en": r"invit(?:e|es|ed|ing)|invitations?(?!\s+(?:of|from|by)\b)|will|shall|\w+[’']ll"
        r"|plans?|planned|planning|intends?|intended|expects?|expected|hopes?|hoped|agreed"
        r"|promised|wants?|wanted|would|ready|offered|scheduled|due|going\s+to|set|is\s+to"
        r"|are\s+to",
        "es": r"invit(?:ó|a|an|aron|ado|ada)|(?<!por )(?<!a )invitaci[oó]n(?!\s+de\b)"
        r"|plane\w*|previst\w*|prev[ée]\w*|quier\w*|dese\w*|va\s+a|van\s+a|iba\s+a"
        r"|pretend\w*|esper\w*|prometi[oó]|acept[oó]",
        "fr": r"invit(?:é|ée|és|e|ent|ait)|(?<!l[’'])invitation(?!\s+d)|prévoi\w*|prévu\w*"
        r"|compte|souhait\w*|veu\w*|voul\w*|va|vont|doi\w*|devr\w*|pourr\w*|accept\w*"
        r"|envisag\w*|s[’']appr[êe]t\w*|projet\w*",
        "de": r"(?<!auf )Einladung(?!\s+(?:von|des|der)\b)|eingeladen|lud|wird|werden|will"
        r"|wollen|wollte|möchte|plant|geplant|soll\w*|beabsichtig\w*|hofft",
        "ru": r"(?<!по )приглашени\w*|приглас\w*|планир\w*|намер\w*|собира\w*|готов\w*"
        r"|хоч\w*|хот[ея]\w*|соглас\w*|ожида\w*|должн\w*|предлож\w*"
        r"|буд(?:у|ет|ем|ете|ут|ешь)",
    }.items()
}
#: Leads that are an auxiliary or modal of the future or of a wish, governing the bare
#: going word right after them ("will visit", "will also visit", "va a visitar", "va se
#: rendre", "будет"), or in German the infinitive closing the clause ("wird ... besuchen").
_AUXILIARY: Mapping[str, re.Pattern[str]] = {
    language: re.compile(words, re.I)
    for language, words in {
        "en": r"will|shall|\w+[’']ll|would|going\s+to|is\s+to|are\s+to",
        "es": r"va\s+a|van\s+a|iba\s+a",
        "fr": r"va|vont|doi\w*|devr\w*|pourr\w*",
        "de": r"wird|werden|will|wollen|wollte|möchte|soll\w*",
        "ru": r"буд(?:у|ет|ем|ете|ут|ешь)",
    }.items()
}
#: What links a lead to an infinitive it governs ("plans to visit", "invitación para
#: visitar", "prévoit de se rendre", "eingeladen, ... zu besuchen").
_INFINITIVE_LINK: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)
    for language, words in {
        "en": "to",
        "es": "para|a",
        "fr": r"de|d[’']|à|se|s[’']",
        "de": "zu",
    }.items()
}
#: A going word that is itself an infinitive, governed by a modal or noun right before it
#: ("planea viajar", "compte visiter", "приглашение посетить").
_INFINITIVE_GOING: Mapping[str, re.Pattern[str]] = {
    "es": re.compile(r"\w+(?:ar|er|ir|ír)(?:se|lo|la|le|los|las|les)?(?!\w)", re.I),
    "fr": re.compile(r"\w+(?:er|ir|re)(?!\w)", re.I),
    "ru": re.compile(r"\w+(?:ть|ти|чь)(?:ся)?(?!\w)", re.I),
}
#: A coordinator or a word of sequence between a lead and the going word: the going word
#: is a finite verb of its own ("accepted the invitation and arrived in", "aceptó la
#: invitación y viajó a", "will stay until Friday after arriving in", "准备就绪后抵达").
_COORDINATED: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)
    for language, words in {
        "en": "and|but|after|before|then",
        "es": "y|e|pero|tras|después|luego",
        "fr": "et|mais|puis|après|avant",
        "de": "und|aber|dann|nach|nachdem|bevor",
        "ru": "и|а|но|после|затем",
    }.items()
}
#: The same in Chinese, written against the word of going: "接受邀请访问", "将访问",
#: "计划前往"; "应邀访问", "应B邀请访问" are a visit at an invitation, made.
_ZH_NOT_YET = re.compile(
    "(?:(?<!应)邀请?|将|(?<![按如照依])计划|拟|打算|准备|愿|希望|有望|即将|定于|同意)"
    "[^，。；！？并后和及]{0,12}$"
)
_ZH_AT_INVITATION = re.compile("应[^，。；！？]{0,30}邀")
#: A word of going in the future itself: "visitará", "visitera", "se rendra", "посетит".
_FUTURE_GOING = re.compile(
    r"\w+(?:ará|arán|erá|erán|irá|irán|aría|arían|era|eront|erait|eraient|ira|iront|ndra"
    r"|ndront|erà|eranno|irà|iranno|arão|erão|irão)(?!\w)|посетит|посетят|прибудет|прибудут"
    r"|приедет|приедут",
    re.I,
)


def _not_yet(sentence: str, at: int, language: str) -> bool:
    """Whether the word of going at ``at`` is only invited, planned, wished or in the
    future (:data:`_NOT_YET`): read in its own clause, back to its last mark."""
    if _FUTURE_GOING.match(sentence, at):
        return True
    start = max(0, at - 80)
    for mark in _CLAUSE_END.finditer(sentence, start, at):
        start = mark.end()
    if language == "zh":
        return _ZH_NOT_YET.search(sentence, start, at) is not None and not (
            _ZH_AT_INVITATION.search(sentence, start, at)
        )
    lead = _NOT_YET.get(language)
    if lead is None:
        return False
    return any(_governs(m, sentence, at, language) for m in lead.finditer(sentence, start, at))


def _governs(lead: re.Match[str], sentence: str, at: int, language: str) -> bool:
    """Whether a lead of :data:`_NOT_YET` governs the going word at ``at``: an auxiliary
    right before it, or an infinitive link between them, and no coordinator or word of
    sequence, which makes the going word a finite verb of its own. A participle or
    adjective before the noun ("made a long-planned visit", "la esperada visita", "wie
    geplant") governs nothing: the visit it qualifies took place."""
    gap = sentence[lead.end() : at]
    words = gap.split()
    coordinated = _COORDINATED.get(language)
    if len(words) > 5 or (coordinated is not None and coordinated.search(gap)):
        return False
    auxiliary = _AUXILIARY.get(language)
    if auxiliary is not None and auxiliary.fullmatch(lead.group()):
        return len(words) <= 2 or language == "de"
    link = _INFINITIVE_LINK.get(language)
    if link is not None and link.search(" ".join(words[-2:])):
        return True  # the link right before the going word: not "agreed to expand trade
        # during the visit to India"
    if language == "de":  # the zu-infinitive closes the clause: "Ägypten zu besuchen"
        return re.match(r"(?:\s*[^\s,;:.!?]+){0,4}?\s+zu\s", sentence[at : at + 80]) is not None
    going = _INFINITIVE_GOING.get(language)
    return going is not None and going.match(sentence, at) is not None


#: What opens a clause about a later or earlier journey than the one reported: "before
#: travelling to China", "ahead of her trip to Turkey", "since", a journey's origin ("back
#: from a trip to France").
_OTHER_OPENER = re.compile(
    r"(?<![\w'’])(?:before|since|ahead\s+of|prior\s+to|back\s+from|"
    r"return(?:ed|ing)?\s+from)(?!\w)",
    re.I,
)
#: What opens a relative or time clause that may tell the reported occasion itself ("Ruiz,
#: who arrived in Cairo on Tuesday, ...", "returned home after a visit to Poland", "when she
#: arrived in Egypt"): another occasion only with another time or another traveller.
_MAYBE_OTHER = re.compile(r"(?<![\w'’])(?:who|whom|which|that|after|when|while)(?!\w)", re.I)
#: What opens a clause that says nothing of where THIS visit took place: a purpose ("to
#: discuss"), a circumstance ("amid"), a later or earlier journey (see :data:`_OTHER_OPENER`).
_SUBORDINATE = re.compile(
    r"(?<![\w'’])(?:who|whom|which|that|after|when|while|before|since|ahead\s+of|prior\s+to|"
    r"amid|amidst|following|until|then|to\s+(?!the\b|a\b|an\b)(?-i:[a-z]+)\b(?!\s+(?:of|in|at)\b)"
    r"|will|would|plans?\s+to|due\s+to)(?!\w)",
    re.I,
)
#: What closes a clause about another occasion: "last year", "in 2023".
_OTHER_TIME = re.compile(
    r"(?<!\w)(?:last|previous)\s+(?:year|month|week|time)|(?<!\w)(?:in|since)\s+(?:19|20)\d\d(?!\d)"
    r"|(?<!\w)(?:years?|months?)\s+ago(?!\w)",
    re.I,
)
#: Another time in a relative or time clause: those of :data:`_OTHER_TIME`, a month ("after
#: receiving the Japanese minister in May"), "weeks ago", "earlier this year". In the main
#: clause a month is the reported visit's own ("will visit China in May").
_ANOTHER_TIME = re.compile(
    rf"{_OTHER_TIME.pattern}|(?<!\w)weeks?\s+ago(?!\w)|(?<!\w)earlier\s+this\s+(?:year|month)"
    r"|(?<!\w)(?:in|since|last)\s+(?-i:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?!\w)",
    re.I,
)
#: Another traveller in a relative or time clause: a name between its opener and its verb
#: ("a week after Lars Berg visited France"); "she", "he", "they" are the same one.
_ANOTHER_SUBJECT = re.compile(r"(?<![\w'’])(?-i:[A-Z][\w'’.-]*)(?!\w)")


def _other_occasion(sentence: str, at: int) -> bool:
    """Whether the English clause around offset ``at`` is about another occasion than the
    one reported: only a receiving or a journey on THIS occasion says who hosted.

    A clause "before", "since", "ahead of" or "back from" the reported one is about another
    journey. A relative or time clause ("who", "after", "when") is another occasion only
    with another time ("last year", "in May") or another traveller named in it ("after
    Berg visited France"); without them it tells the reported trip ("returned home after a
    three-day visit to Poland", "Ruiz, who arrived in Cairo on Tuesday, met ...").
    """
    start, end = _clause(sentence, at)
    if _OTHER_OPENER.search(sentence, start, at) or _OTHER_TIME.search(sentence, at, end):
        return True
    openers = list(_MAYBE_OTHER.finditer(sentence, start, at))
    if not openers:
        return False
    opener = openers[-1]  # the nearest: "who said that she arrived"
    return bool(
        _ANOTHER_TIME.search(sentence, opener.end(), end)
        or _ANOTHER_SUBJECT.search(sentence, opener.end(), at)
        or _an_earlier_day(sentence, opener.end(), end)
    )


#: A day named in a clause: "on Monday", "on March 3".
_DAY = re.compile(
    r"(?<!\w)(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2})(?!\w)",
    re.I,
)


def _an_earlier_day(sentence: str, start: int, end: int) -> bool:
    """Whether a pluperfect relative or time clause names a day the rest of the sentence
    does not ("received Ruiz on Tuesday, who had visited Germany on Monday"): an earlier
    leg. A clause in the simple past ("who arrived in Cairo on Monday, met Berg on
    Tuesday") tells the same trip, and a day only there is the reported one's."""
    if not re.search(r"(?<!\w)had(?!\w)", sentence[start:end], re.I):
        return False
    days = {m.group().lower() for m in _DAY.finditer(sentence, start, end)}
    others = {m.group().lower() for m in _DAY.finditer(sentence[:start] + " " + sentence[end:])}
    return bool(days) and not days & others and bool(others)


def _subordinate(sentence: str, at: int) -> bool:
    """Whether offset ``at`` stands in a clause that says nothing of where the reported visit
    took place: a relative, time or purpose clause, a circumstance, a plan ("to discuss the
    war in X", "amid fighting in X", "ahead of her trip to X", "will travel to X")."""
    start = _clause(sentence, at)[0]
    return _SUBORDINATE.search(sentence, start, at) is not None


#: Where a clause ends: a guest and a host are read within one.
_CLAUSE_END = re.compile(r"[.;:!?。；！？\n]|,\s|，|、|،")
#: Objects of "received" that are no guest: "received a call", "reçu une lettre".
_NO_GUEST = re.compile(
    r"\s*(?:(?:an?|the|his|her|their|its)\s+)?(?:(?:phone|telephone|video)\s+)?"
    r"(?:calls?|letters?|messages?|aid|support|assurances?|reports?|briefings?|news|weapons"
    r"|arms|funds?|money|deliver\w*|awards?|prizes?|votes?|criticism|invitations?)\b"
    # "received a warm welcome", "welcomed Japanese investment": no person is received
    r"|\s*(?:(?:an?|the|his|her|their|its)\s+)?(?:(?!(?:and|with|to|for|by)\b)[\w-]+\s+){0,2}?"
    r"(?:welcome|reception|guard\s+of\s+hono\w*|salutes?|honorary|doctorates?|degrees?"
    r"|decisions?|investments?|offers?|support|pledges?|progress|agreements?|deals?"
    r"|commitments?|proposals?|plans?|moves?|steps?|efforts?|announcements?)\b"
    # an object whose first name phrase is possessive: "welcomed Japan's decision"
    r"|\s*(?:(?:the|a|an)\s+)?(?-i:(?:[A-Z][\w.-]*\s+){0,5}[A-Z][\w.-]*)['’]s(?!\w)"
    r"|\s*(?:участие|решени\w*|закон\w*|резолюци\w*|мер\w*|присяг\w*|участи\w*)"
    # the same things received in Spanish, French, German ("ha recibido una invitación",
    # "a reçu mardi un appel", "hat einen Brief empfangen"): up to three words before
    r"|\s*(?:(?!(?:a|al|y|et|und|à)\b)[\w-]+\s+){0,3}?(?:invitaci[oó]n(?:es)?|llamadas?"
    r"|apoyos?|cartas?|cr[ií]ticas?|mensajes?|ayudas?|armas|premios?|noticias?|informes?"
    r"|felicitaciones|amenazas|invitations?|appels?|soutiens?|lettres?|messages?|critiques?|aides?"
    r"|armes|prix|nouvelles|rapports?|félicitations|menaces|Einladung(?:en)?|Anrufe?"
    r"|Unterstützung|Briefe?|Nachricht(?:en)?|Kritik|Hilfe|Waffen|Preis|Glückwünsche"
    r"|Drohungen|Berichte?)(?!\w)"
    # and in Italian and Portuguese ("ha ricevuto un premio", "recebeu críticas de")
    r"|\s*(?:(?!(?:a|al|ao|e)\b)[\w-]+\s+){0,3}?(?:premi[oa]?|prêmios?|telefonat[ae]|telefonemas?"
    r"|chiamat[ae]|ligaç(?:ão|ões)|chamadas?|letter[ae]|cartas?|messaggi?o?|mensage(?:m|ns)"
    r"|critiche|critica|críticas?|invit[oi]|convites?|sostegno|apoios?|aiut[oi]|ajudas?|armi"
    r"|armas|notizi[ae]|notícias?|minacce|ameaças?|congratulazioni|felicitações|parabéns"
    r"|elogi[oi]?|elogios?|riconosciment[oi]|laurea|diploma|medaglia|medalhas?|titol[oi])(?!\w)"
    # praise, thanks or honours received are no guest: "received praise from"
    r"|\s*(?:(?:an?|the|his|her|their|its)\s+)?(?:praise|thanks|congratulations|condolences"
    r"|applause|honou?rs?|medals?|criticism|backing)(?!\w)",
    re.I,
)


def _receiving_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The active and the passive of receiving in ``language``; the passive's agent, the
    host, is its group "host". A language whose words delimit both sides themselves
    (Japanese: "AはBを迎えた") is read with them as they are."""
    active = _words(RECEIVING_WORDS[language])
    passive = _words(RECEIVED_BY_WORDS[language])
    if language == "zh":
        return (
            re.compile(active),
            re.compile(
                rf"{passive}(?P<host>[^，。；]{{1,24}}?)(?:的)?(?:热情)?(?:接待|接见|会见|欢迎|迎接)"
            ),
        )
    if language in UNSPACED:
        return re.compile(active), re.compile(passive)
    if language == "en":  # a reduced passive: "Ruiz, received by Berg, discussed trade"
        passive = _words([passive, r"(?:hosted|received|welcomed|greeted)\s+(?:warmly\s+)?by"])
    return (
        re.compile(rf"(?<!\w){active}(?!\w)", re.I),
        re.compile(rf"(?<!\w){passive}(?!\w)\s*(?P<host>[^.;:!?,،]{{1,80}})", re.I),
    )


_RECEIVING = {language: _receiving_patterns(language) for language in RECEIVING_WORDS}


#: A side of a reading of receiving: its span, and how it is read when it names nobody (see
#: :func:`_side`): on to the end of the sentence (True), back to the sentence's start
#: (False), or not at all (None: a side its pattern delimits itself).
Span = tuple[tuple[int, int], bool | None]


def _receptions(
    sentence: str, language: str, people: Sequence[Actor]
) -> Iterator[tuple[Span, Span, str]]:
    """Every reading of a verb of receiving in a sentence: (the host's side, the guests'
    side, the language of the verb read), each side a :data:`Span` (an object or an agent
    after "by" reads on to the end of the sentence when it names nobody).

    The one before an active verb of receiving is the host ("Macron hosted
    Scholz", "Путин принял Моди", "习近平会见普京"); in the passive the one
    after "by" is ("Scholz was received by Macron", "a été reçu par",
    "wurde von ... empfangen", "был принят президентом России", "受到...接见").
    Read with the words of English and of ``language``. Japanese names both sides before
    its verb ("AはBを迎えた", "BはAに迎えられた"), and its patterns delimit them; Arabic
    puts its verb first, so with no side before it its subject, the host, is the first
    side after it ("استقبل رئيس ألمانيا رئيس كينيا").
    """
    for each in dict.fromkeys(("en", language)):
        if each not in _RECEIVING:
            continue
        active, passive = _RECEIVING[each]
        passives = []
        for match in passive.finditer(sentence):
            passives.append(_sentence_of(sentence, match.start()))
            guest = _delimited(match, "guest") or (_before(sentence, match.start()), False)
            yield (match.span("host"), True), guest, each
        participle = -1  # where the participle of a compound tense read at its auxiliary ends
        for match in active.finditer(sentence):
            if _sentence_of(sentence, match.start()) in passives:
                continue  # "was received by", "wurde von X empfangen": the passive's
            if match.start() < participle:
                continue  # "hat ... empfangen": read at "hat", whose subject is the host
            participle = max(
                [match.end(g) for g in range(1, (match.re.groups or 0) + 1) if match.group(g)],
                default=participle,
            )
            end = _clause(sentence, match.start())[1]
            if _NO_GUEST.match(sentence, match.end()):
                continue
            if each == "en" and _other_occasion(sentence, match.start()):
                continue  # "Ruiz, who hosted Berg last year, met him", "after receiving X"
            if "host" in match.re.groupindex:  # Japanese: both sides before the verb
                yield (
                    _delimited(match, "host") or _NOBODY,
                    _delimited(match, "guest") or _NOBODY,
                    each,
                )
                continue
            before = _before(sentence, match.start())
            if each in _VERB_FIRST and not _side(sentence, before, each, people):
                subject = _first_side_end(sentence, match.end(), end, each, people)
                yield ((match.end(), subject), None), ((subject, end), True), each
                continue  # "استقبل رئيس ألمانيا رئيس كينيا": the subject after the verb
            yield (before, False), ((match.end(), end), True), each


def receiving_sides(
    sentence: str, language: str, people: Sequence[Actor] = ()
) -> tuple[str, set[str]] | None:
    """Who received whom: (the host's country, the guests' countries), or None.

    The sides are those of :func:`_receptions`. A side's country is the country its
    words name, or that of a person named in it. None unless exactly one host country
    is read, with a guest of another country.
    """
    hosts: set[str] = set()
    guests: set[str] = set()
    for (at_home, ahead), (received, onward), each in _receptions(sentence, language, people):
        hosts |= _side(sentence, at_home, each, people, forward=ahead)
        guests |= _side(sentence, received, each, people, forward=onward)
    if len(hosts) != 1:
        return None
    (host,) = hosts
    guests.discard(host)
    return (host, guests) if guests else None


#: Languages whose verb comes before its subject: the first side named after a verb of
#: receiving, when none stands before it, is its subject, the host (Arabic VSO).
_VERB_FIRST = frozenset({"ar"})


def _first_side_end(
    sentence: str, start: int, end: int, language: str, people: Sequence[Actor]
) -> int:
    """Where the first side named after offset ``start`` ends: the end of the shortest run of
    words from ``start`` that names a country or a person (a verb-first subject)."""
    for word in re.finditer(r"\S+", sentence[start:end]):
        if _codes(sentence[start : start + word.end()], language, people):
            return start + word.end()
    return end


#: A side that names nobody: where a pattern that delimits its sides matched no such side.
_NOBODY: Span = ((0, 0), None)


def _delimited(match: re.Match[str], group: str) -> Span | None:
    """The side a pattern delimits itself (its named ``group``: Japanese "AはBを迎えた",
    Arabic "استقبل X من قبل Y"), read as written and no wider; None when it delimits none."""
    if group not in match.re.groupindex or match.group(group) is None:
        return None
    return match.span(group), None


def receivers(sentence: str, language: str, people: Sequence[Actor]) -> set[str]:
    """The names of the people the sentence puts on the receiving side of a verb of
    receiving (:func:`_receptions`: the subject of "welcomed", "принял", "会见", the agent
    of "was received by"), and never on the received side. A side that names nobody is
    read in its sentence on the same side (as :func:`_side` reads its countries), if the
    people named there are of one country."""
    at_home: set[str] = set()
    received: set[str] = set()
    for (hosting, ahead), (guest, onward), _each in _receptions(sentence, language, people):
        at_home |= _side_people(sentence, hosting, people, forward=ahead)
        received |= _side_people(sentence, guest, people, forward=onward)
    return at_home - received


def _side_people(
    sentence: str, span: tuple[int, int], people: Sequence[Actor], forward: bool | None
) -> set[str]:
    """The names of the people a side of a clause names (see :func:`_side`)."""
    start, end = span
    found = {p.name for p in people if _named(p.name, sentence[start:end])}
    if found or forward is None:
        return found
    if forward:
        after = _SENTENCE_END.search(sentence, start)
        wider = sentence[start : after.start() if after else len(sentence)]
    else:
        wider = sentence[_sentence_of(sentence, start) : end]
    named = [p for p in people if _named(p.name, wider)]
    return {p.name for p in named} if len({p.country for p in named}) == 1 else set()


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """The start and end of the clause around offset ``at``."""
    start = 0
    for match in _CLAUSE_END.finditer(sentence, 0, at):
        start = match.end()
    after = _CLAUSE_END.search(sentence, at)
    return start, after.start() if after else len(sentence)


#: Where a sentence ends.
_SENTENCE_END = re.compile(rf"[.;!?。；！？\n{STOPS}]")


def _sentence_of(sentence: str, at: int) -> int:
    """The offset where the sentence around offset ``at`` starts."""
    start = 0
    for match in _SENTENCE_END.finditer(sentence, 0, at):
        start = match.end()
    return start


def _before(sentence: str, at: int) -> tuple[int, int]:
    """The clause before offset ``at``: where the subject of a verb at ``at`` is."""
    return _clause(sentence, at)[0], at


def _side(
    sentence: str,
    span: tuple[int, int],
    language: str,
    people: Sequence[Actor],
    forward: bool | None = False,
) -> set[str]:
    """The countries a side of a clause names, by name or adjective or by a person named in
    it. A side that names none (an apposition set off by commas: "the president of France,
    Ana Ruiz, received") is read in its sentence on the same side, if that names one only,
    unless its pattern delimits it (``forward`` None).
    """
    start, end = span
    found = _codes(sentence[start:end], language, people)
    if found or forward is None:
        return found
    if forward:  # the object, or the agent after "by": on to the end of the sentence
        after = _SENTENCE_END.search(sentence, start)
        wider = sentence[start : after.start() if after else len(sentence)]
    else:
        wider = sentence[_sentence_of(sentence, start) : end]
    found = _codes(wider, language, people)
    return found if len(found) == 1 else set()


def _codes(text: str, language: str, people: Sequence[Actor]) -> set[str]:
    found = set(countries_in_text(text, None if language == "en" else language))
    for person in people:
        if person.country and _named(person.name, text):
            found.add(person.country)
    return found


def _named(name: str, text: str) -> bool:
    """Whether ``text`` names the person: their whole name, or its last word (a surname)."""
    if not name.strip():
        return False
    if name in text:
        return True
    last = name.split()[-1]
    return len(last) > 2 and re.search(rf"(?<!\w){re.escape(last)}(?!\w)", text) is not None


def build(draft: VisitDraft, make: Builder) -> dict[str, Any]:
    visitor_country = make.country(draft.visitor_country)
    host_country = make.country(draft.host_country)
    visitors = make.actors(draft.visitors, visitor_country)
    if visitor_country is None and visitors and visitors[0].country:
        visitor_country = visitors[0].country
    people = make.actors([*draft.visitors, *draft.hosts], None)
    data: dict[str, Any] = {
        _STATED: {a.country for a in people if a.country},
        "visitors": visitors,
        "visitor_country": visitor_country,
        "hosts": make.actors(draft.hosts, host_country),
        "host_country": host_country,
        "place": make.place(draft.place, host_country),
        "start": make.when(draft.date) or make.when_in_evidence(at_event=True),
        "end": _last_day(make.when(draft.end_date)),
        "purpose": draft.purpose,
        _STATUS: draft.status,
    }
    data = directed(data, make)
    _unread_direction(data, make)
    data = _seated(data, make)
    data.pop(_STATED, None)
    data.pop(_STATUS, None)
    travellers: list[Actor] = data["visitors"]
    data["level"] = visit_level([a.title for a in travellers if a.title])
    return data


def _unread_direction(data: dict[str, Any], make: Builder) -> None:
    """Warn that a visit's sides were kept as drafted, unchecked: its evidence is in a
    language whose words of going or receiving are not read for who travelled
    (:data:`GOING_WORDS`, :data:`RECEIVING_WORDS`), so a visitor and host swapped would pass
    unseen. The warning says what is true of the language: either the code knows no word
    of travel in it, or it knows them (:data:`TRAVEL_CUES`: Turkish "ziyaret", Polish
    "wizyta") only to tell a visit from a meeting, and they decide no direction."""
    language = make.language
    if language in ("en", "und") or language in _RECEIVING or language in _DIRECTION_PATTERNS:
        return
    if data["visitor_country"] is None or data["host_country"] is None:
        return
    if language in TRAVEL_CUES:
        make.warn(f"direction not checked in {language}: its words of travel are read only to "
                  "tell a visit from a meeting, not who went where; visitor and host kept as "
                  "drafted")  # fmt: skip
        return
    make.warn(f"direction not checked in {language}: no words of going or receiving are read "
              "in this language; visitor and host kept as drafted")  # fmt: skip


#: Words that say someone travelled or was received, in any language: what a visit's
#: direction is read from when its evidence names no place. English "received" is a
#: meeting word elsewhere (:data:`MET_IN_PERSON`), but it says who came, as the other
#: languages' "recibió", "reçu", "empfing", "принял" do.
_WENT_OR_RECEIVED = every_language(
    TRAVEL_CUES, WELCOME_CUES, {"*": cue_pattern([r"receiv\w*", "hosted"])}
)


def undirected(record: Record, context: Mapping[str, Any]) -> str | None:
    """Why a visit is no visit on its evidence: it says they met, not who travelled.

    "A met today with B" with no place: a visit coded from it is a guess at
    its direction (PLOVER and CAMEO code a visit from the report of the
    travel). The pipeline leaves it out only when the meeting it reports was
    derived from it (:func:`extractor.types.meeting.from_visits`), so the
    event stays. A place, a venue ("at the White House", "in Abuja") or a
    word of travel, welcome or receiving says who went where, and
    :func:`directed` codes it.
    """
    if not isinstance(record, Visit) or record.place is not None:
        return None
    quote = record.evidence.cited_text
    if any(p.search(quote) for p in _WENT_OR_RECEIVED):
        return None
    text = context.get("text")
    language = detect_language(text) if isinstance(text, str) else "en"
    if not covers(_WENT_OR_RECEIVED, language):
        return None  # no words of travel known in this language: none can be missing
    if _names_a_venue(quote, language):
        return None
    return (
        "its evidence says they met, not where or who travelled: coded as the meeting it "
        "reports, not as a visit in a direction the text does not give"
    )


def _names_a_venue(sentence: str, language: str) -> bool:
    """Whether a sentence names where it happened: a venue after "in", "to", "at" (and the
    article language's prepositions) that lies in a known country, a city included."""
    if venue_countries(sentence, language):
        return True
    for each in dict.fromkeys(("en", language)):
        pattern = _VENUES.get(each)
        if pattern is not None and any(
            place_country(m.group(1).rstrip(".'’-"))
            for m in _venue_matches(pattern, sentence, each)
        ):
            return True
    return False


def directed(data: dict[str, Any], make: Builder) -> dict[str, Any]:
    """The visit coded the right way round: it takes place in the host country.

    A visit's venue is where the traveller went or where the meeting was held
    (the codebook). Its place's country is where it took place: a place in the
    visitor's own country swaps visitor and host, one in a third country makes
    that the host. With no place, a verb of receiving that names who is at home
    ("X hosted Y", "Y was received by X", "a reçu", "hat ... empfangen",
    "принял", "会见") says who hosted, before any venue, unless where someone
    went says the opposite. Else the one country the evidence names as where
    someone went ("visiting Germany", "a trip to Seoul", "arrived in Manama")
    decides: the visitor's own country swaps them. A bare "in X" never moves
    a visit: "to discuss the war in X", "amid the fighting in X" say what was
    talked about, not where. A third country becomes the host only when a
    main clause says the visitor went there ("Ruiz arrived in X"), not a
    purpose, time or relative clause or a plan ("ahead of her trip to X",
    "who is visiting X, will travel to Y"); else the host is kept with a
    warning: a wrong recode of a right answer is worse than keeping it.
    """
    place = data["place"]
    visitor, host = data["visitor_country"], data["host_country"]
    where = place.country if place is not None and place.country else None
    if where is not None and where != host and _a_topic(place.text, where, make):
        make.warn(f"place {place.text!r} ({where}) is named only as what was discussed, "
                  "not where anyone went or met: not the venue, dropped")  # fmt: skip
        data, place, where = {**data, "place": None}, None, None
    if where is not None and where != host and _a_start(place.text, make):
        make.warn(f"place {place.text!r} ({where}) is named only as where someone came from, "
                  "not where the visit took place: not the venue, dropped")  # fmt: skip
        data, place, where = {**data, "place": None}, None, None
    if where is not None and where != host:  # the answer's own place, the gazetteer's country
        if where == visitor and host is None:
            return data
        return _placed(data, where, "the visit took place in", make)
    names = [a.name for a in (*data["visitors"], *data["hosts"])]
    venues = visit_venues(make.quote, make.language, names).ahead(data.get(_STATUS))
    gone = venues.went if len(venues.went) == 1 else set()
    if where is None:
        read = _received(data, make)
        if read is not None:
            at_home, note = read
            if at_home == host and not (gone == {visitor} and visitor in venues.main):
                return data  # the host received the guest, and no main clause goes elsewhere
            if at_home != host and not _vetoed(gone, visitor, host, venues):
                if not _swappable(data, make):
                    make.warn(f"{note}; but no person named is of {host}: the visiting "
                              "country left empty")  # fmt: skip
                    return _unknown_visitor(data)
                make.warn(note)
                return _swapped(data)
    if where is None and not venues.went and (met := _met_at_home(data, make)) is not None:
        return met
    if host is None:  # nothing to put right, a host to fill in: the one venue named
        named = venues.went or venues.venues
        if len(named) == 1 and named != {visitor}:
            return _placed(data, next(iter(named)), "the visit took place in", make)
        return data
    if len(gone) != 1:
        return data
    (went,) = gone
    if went == host:
        return data
    if went == visitor and at_a_mission_only(
        make.quote,
        make.language,
        host,
        visitor,
        [a.name for a in (*data["visitors"], *data["hosts"])],
    ):
        make.warn(f"the evidence puts the visit at a mission of {host} in {visitor}, the "
                  "visitor's own state: a mission is no soil of its state; sides kept")  # fmt: skip
        return data
    if went == visitor:
        return _placed(data, went, "the visit took place in", make)
    subject = _side(make.quote, _before(make.quote, venues.main[went]), make.language,
                    [*data["visitors"], *data["hosts"]]) if went in venues.main else set()  # fmt: skip
    if where is None and visitor is not None and subject == {visitor}:
        return _placed(data, went, f"{_named_visitor(data)} went to", make)
    if host in venues.venues and went not in venues.main:
        return data  # "met Berg in China on Tuesday, after visiting Germany": another leg
    make.warn(
        f"the evidence names {went} as where someone went, not host_country {host}: host kept "
        "(only the visitor going there in a main clause moves the visit)"
    )
    return data


#: Where a meeting in person was held, in the languages whose venue of a meeting is read
#: apart from a place of any other kind: a Japanese place with its locative particle, not
#: one that modifies a noun ("ウィーンで会談した"; "ウィーンでの選挙" is a topic), and an Arabic
#: place after "في" in the clause of a verb of meeting ("التقى ... في فيينا"), with no word
#: of what was discussed between ("وبحثا الوضع في ليما"). English "in X" says a topic as
#: often, and is not read here.
_MEETING_VENUES: Mapping[str, re.Pattern[str]] = {
    "ja": re.compile(rf"(?P<venue>{_JA_NAME})(?:で|において|にて)(?!の)[^。！？]{{0,60}}?"
                     rf"(?:{MET_IN_PERSON_CUES['ja'].pattern})"),
    "ar": re.compile(rf"(?:{MET_IN_PERSON_CUES['ar'].pattern})"
                     r"(?:(?!\s(?:[وف]?(?:بحث|ناقش|تناول|تباحث|استعرض)\w*|الوضع|حول|بشأن|عن|ملف)\s)"
                     rf"[^.،؛!?]){{0,120}}?\s(?:في)\s+(?P<venue>{_AR_NAME})"),
}  # fmt: skip


def meeting_venues(sentence: str, language: str) -> set[str]:
    """The states where a sentence says a meeting in person was held (:data:`_MEETING_VENUES`):
    with one of a visit's sides, it says that side was at home ("東京で会談", "التقى ... في
    طوكيو"), as a verb of receiving does. A meeting with no place ("AはBと会談") says
    nothing of who travelled; a call ("電話で会談") is held in no place."""
    pattern = _MEETING_VENUES.get(language)
    if pattern is None:
        return set()
    found = set()
    for match in pattern.finditer(sentence):
        if _NOT_IN_PERSON.search(match.group(0)):
            continue  # "ウィーンでオンライン形式により会談": nobody travelled
        name = _mission_place(sentence, match, language)
        if name is None:
            continue
        code = _a_place(name, language) or _a_city(name)
        if code is not None:
            found.add(code)
    return found


#: A meeting not in person, between its venue and its verb: held online, by video or by
#: telephone, it says nobody travelled ("ウィーンでオンライン形式により会談", "التقى عبر
#: الفيديو ... في فيينا").
_NOT_IN_PERSON = re.compile(
    r"オンライン|テレビ会議|ビデオ|電話|リモート|عبر\s+(?:تقنية\s+)?(?:الفيديو|الاتصال\s+المرئي)"
    r"|هاتفي|افتراضي"
)
#: A state's embassy, consulate or mission: it stands on another state's soil, so its
#: state's name is not the venue ("ウィーンにあるガーナ大使館", "سفارة غانا في فيينا").
_MISSION = re.compile(r"大使館|領事館|代表部|公邸|سفار|قنصلي|بعثة|ممثلي")
#: The place that locates a Japanese mission, right before it ("ウィーンにある", "ウィーンの").
_JA_LOCATED = re.compile(rf"(?P<place>{_JA_NAME})(?:にある|に置かれた|の)$")
#: The place that locates an Arabic mission, right after its name ("... في فيينا").
_AR_LOCATED = re.compile(rf"\s+(?:[\u0621-\u064a]+\s+)?في\s+(?P<place>{_AR_NAME})")


def _mission_place(sentence: str, match: re.Match[str], language: str) -> str | None:
    """The venue a meeting match names: its place, or, where that is a state's embassy or
    consulate (:data:`_MISSION`), the place written to locate the mission ("ウィーンにある
    ガーナ大使館で", "في سفارة غانا في فيينا"); None when no place locates it: the mission's
    state is no venue."""
    name = match.group("venue")
    if not _MISSION.search(name):
        return name
    if language == "ja":
        before = _JA_LOCATED.search(sentence, 0, match.start("venue"))
        if before is None:
            return None
        place = before.group("place")
        return None if _MISSION.search(place) else place
    after = _AR_LOCATED.match(sentence, match.end("venue"))
    if after is None or _MISSION.search(after.group("place")):
        return None
    return after.group("place")


#: The state's name right before a Japanese mission ("オーストリア大使館").
_JA_MISSION_STATE = re.compile(r"(?:[\u30a0-\u30ff・ー]+|[\u3400-\u9fff]{1,3}?)(?:の)?$")


def _missions(sentence: str, language: str) -> Iterator[tuple[str, int, int, str | None]]:
    """The embassies, consulates and missions a sentence names (:data:`_MISSION`: "سفارة
    النمسا", "السفارة النمساوية", "オーストリア大使館"): each one's state, the span of the
    mission with the place written to locate it ("アクラのオーストリア大使館", "سفارة النمسا
    في أكرا"), and that place's state (None where no place locates it)."""
    for match in _MISSION.finditer(sentence):
        start, end, where = match.start(), match.end(), None
        if language == "ja":
            before = _JA_MISSION_STATE.search(sentence, max(0, match.start() - 12), match.start())
            code = _a_place(before.group(), language) if before and before.group() else None
            if before is not None:
                located = _JA_LOCATED.search(sentence, 0, before.start())
                if located is not None and not _MISSION.search(located.group("place")):
                    start, where = located.start(), located.group("place")
        else:
            after = sentence[match.end() :].split()[:3]
            code = next((c for w in after[:2] if (c := _a_place(w, language)) is not None), None)
            word_end = re.compile(r"\S*").match(sentence, match.end())
            located_after = _AR_LOCATED.match(sentence, word_end.end() if word_end else end)
            if located_after is not None and not _MISSION.search(located_after.group("place")):
                end, where = located_after.end(), located_after.group("place")
        if code is not None:
            place = (_a_place(where, language) or _a_city(where)) if where else None
            yield code, start, end, place


def mission_states(sentence: str, language: str) -> set[str]:
    """The states whose embassy, consulate or mission the sentence names (:func:`_missions`)."""
    return {code for code, _start, _end, _where in _missions(sentence, language)}


def at_a_mission_only(
    sentence: str, language: str, host: str, visitor: str, names: Sequence[str] = ()
) -> bool:
    """Whether the only going to the visitor's state a sentence tells is to a mission of the
    host that stands there ("زار ... سفارة النمسا في أكرا", "アクラのオーストリア大使館を訪れ"): a
    mission is no soil of its state, so that visit is no trip to the host's state and says
    nothing of who travelled. A guest abroad who visits their own state's embassy there
    ("ウィーンを訪問し、ガーナ大使館を視察", "إلى فيينا ... وزار سفارة غانا هناك"), or
    who arrived in the city besides ("アクラに到着し、在アクラオーストリア大使館で"), went to
    the visitor's state, which the mission does not undo."""
    spans = [
        (start, end)
        for code, start, end, where in _missions(sentence, language)
        if code == host and where == visitor
    ]
    if not spans:
        return False
    blanked = sentence
    for start, end in spans:
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    return visitor not in visit_venues(blanked, language, names).went


def _met_at_home(data: dict[str, Any], make: Builder) -> dict[str, Any] | None:
    """The visit put right by where its meeting was held, when that is one side's state and
    nothing else in the evidence says who went where: the side in whose state they met is
    the host (:func:`meeting_venues`). None when that says nothing new."""
    visitor, host = data["visitor_country"], data["host_country"]
    if visitor is None or host is None or visitor == host:
        return None
    if meeting_venues(make.quote, make.language) != {visitor}:
        return None
    return _placed(data, visitor, "the meeting took place in", make)


def _a_topic(place: str, where: str, make: Builder) -> bool:
    """Whether the evidence names the answer's place only as what was discussed ("received
    Berg in Paris to discuss the situation in Beijing", "在巴黎接见了...，讨论北京局势"):
    the place of a topic is no venue, and must not make its country the host. A place
    the evidence also gives as where someone went, or does not write, is left to the
    other rules."""
    from extractor.types.meeting import said_to_be_discussed

    quote = make.quote
    if where in visit_venues(quote, make.language).went:
        return False
    written = place_in_text(place, quote, make.language)
    if written is None:
        return False
    found = [m.span() for m in re.finditer(re.escape(written), quote)]
    return bool(found) and all(
        said_to_be_discussed(quote, at) and not _where_gone(quote, at, end, make.language)
        for at, end in found
    )


def _a_start(place: str, make: Builder) -> bool:
    """Whether the evidence names the answer's place only as a starting point: right after
    a word of leaving or coming from (:data:`RETURN_WORDS`: "flew in from Nairobi",
    "der aus Nairobi angereist war", "procedente de", "arrivé de", "прилетевший из",
    "从内罗毕飞抵"). Where a traveller came from is no venue, and its country must not
    swap the visit's sides; a place the evidence does not write is left to the other rules."""
    quote = make.quote
    written = place_in_text(place, quote, make.language)
    if written is None:
        return False
    found = [m.start() for m in re.finditer(re.escape(written), quote)]
    starts = [_start_pattern(each) for each in dict.fromkeys(("en", make.language))]
    return bool(found) and all(
        any(p.search(quote, max(0, at - 60), at) for p in starts if p is not None) for at in found
    )


def _start_pattern(language: str) -> re.Pattern[str] | None:
    """A word of leaving or coming from, its preposition and article, right before a place."""
    if language not in RETURN_WORDS:
        return None
    back = _words(RETURN_WORDS[language])
    if language in UNSPACED:
        return re.compile(rf"{back}$")
    return re.compile(
        rf"(?<!\w){back}(?!\w)(?:\s+(?:back|home|in))?(?:\s+(?:from|de|desde|aus|из|от))?"
        r"(?:\s+(?:the|la|el|le|les|los|las|der|dem|den))?\s*$",
        re.I,
    )


#: A preposition of destination that ends the words between a word of going and its
#: place ("trip to", "visita de un día a", "визит в").
_TO_PLACE = re.compile(r"(?<!\w)(?:to|into|in|at|a|al|en|nach|zu|à|au|aux|в|во|на)\s*$", re.I)
#: "of", "de", "von" say an origin as often ("l'arrivée de migrants de Libye"): a place
#: after them is where one went only right after the word of going ("Besuch von Kiew",
#: "visita de Kiev") or after the site one landed at ("l'aéroport de Kiev").
_OF_PLACE = re.compile(
    r"^\s*(?:(?:\w+\s+){0,2}?(?i:airport|aéroport|aeropuerto|Flughafen|аэропорт\w*)\s+)?"
    r"(?i:of|de|del|von|vom|d['’]|l['’]|de\s+l['’]|de\s+la)\s*$"
)
#: What joins a place to a word of going after it: "Kyiv visit", "Kiew-Besuch".
_GOING_AFTER = re.compile(r"[ \t]?-?")
#: At most this many words stand between a word of going and its place.
_GOING_GAP = 8
#: French "sur" after a word of arriving is where one landed ("est arrivé sur le tarmac"),
#: not what was discussed.
_FR_ON = re.compile(r"(?<!\w)sur(?!\w)", re.I)


def _where_gone(quote: str, at: int, end: int, language: str) -> bool:
    """Whether the place at ``quote[at:end]`` is where someone went: it modifies a word of
    going ("his first Kyiv visit", "a surprise Kyiv trip", "Kiew-Besuch"), or follows one
    through a preposition with no word of what was discussed between ("durante su visita
    de un día a Nairobi", "bei seinem Besuch von Kiew", "arrivé sur le tarmac de
    l'aéroport de Kiev"). A place of travel is a destination, never a topic, though a
    topic word ("discussed trade with X during his ...") opened the clause before it."""
    from extractor.types.meeting import said_to_be_discussed

    going = _going_pattern(language)
    joined = _GOING_AFTER.match(quote, end)
    if joined is not None and going.match(quote, joined.end()):
        return not _a_trip_discussed(quote, at)  # "his first Kyiv visit", "Kiew-Besuch"
    start = max((m.end() for m in re.finditer(rf"[.;!?{STOPS}]", quote[:at])), default=0)
    last = max(going.finditer(quote, start, at), key=lambda m: m.start(), default=None)
    if last is None:
        return False
    between = _FR_ON.sub("   ", quote[last.end() : at])
    if len(between.split()) > _GOING_GAP or said_to_be_discussed(between, len(between)):
        return False
    if _a_trip_discussed(quote, last.start()):
        return False  # "discussed his visit to Kyiv"
    if _TO_PLACE.search(between):
        return True
    site = re.search(r"(?i:airport|aéroport|aeropuerto|Flughafen|аэропорт\w*)\s", between)
    return bool(_OF_PLACE.match(between[site.start() :] if site else between))


#: What ends the object of a word of discussing before a phrase of travel: a comma, or a
#: word that opens a phrase or clause of its own ("discussed trade with X during his Kyiv
#: visit", "parló de comercio durante su visita a Nairobi").
_OWN_PHRASE = re.compile(
    r"[,:(]|(?<!\w)(?:with|during|on|at|in|for|to|after|before|ahead|while|when|as|since|until"
    r"|amid|from|by|upon|lors|pendant|avec|pour|dans|à|au|aux|en|avant|après|quand|durante"
    r"|con|para|tras|antes|después|cuando|mientras|mit|bei|während|vor|nach|im|zu|als|seit"
    r"|с|со|в|во|на|при|во\s+время|перед|после|когда)(?!\w)|在|期间|时",
    re.I,
)
#: At most this many words stand between a word of discussing and the travel phrase it
#: takes as its object ("discussed his first official 2023 Kyiv visit").
_OBJECT_GAP = 6


def _a_trip_discussed(quote: str, travel: int) -> bool:
    """Whether the travel phrase at offset ``travel`` is itself the object of a word of
    discussing earlier in its clause ("discussed his 2023 Kyiv visit", "talked about Xi's
    Kyiv visit", "a parlé de sa visite à Kiev"): a trip talked about is a topic, and its
    place no destination of the visit told. Only the possessives, numbers and adjectives
    of the travel noun may stand between; a preposition or a comma there opens a phrase
    of its own ("discussed trade with X during his Kyiv visit"), and the trip is where
    the talks took place."""
    from extractor.text.cues import TOPIC_OPENERS
    from extractor.types.meeting import said_to_be_discussed

    start = max((m.end() for m in re.finditer(rf"[.;!?{STOPS}]", quote[:travel])), default=0)
    opener = max(
        TOPIC_OPENERS.finditer(quote, start, travel), key=lambda m: m.start(), default=None
    )
    if opener is None or not said_to_be_discussed(quote, travel):
        return False
    object_words = quote[opener.end() : travel]
    return len(object_words.split()) <= _OBJECT_GAP and not _OWN_PHRASE.search(object_words)


def _going_pattern(language: str) -> re.Pattern[str]:
    """The words of going (:data:`GOING_WORDS`) of English and ``language``, as words."""
    words = [w for each in dict.fromkeys(("en", language)) for w in GOING_WORDS.get(each, ())]
    return _GOING_PATTERNS.setdefault(
        language, re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.I)
    )


_GOING_PATTERNS: dict[str, re.Pattern[str]] = {}


def _vetoed(gone: set[str], visitor: str, host: str | None, venues: Venues) -> bool:
    """Whether where someone went says a receiving at the answer's visitor is no visit to
    it: the place gone to is the answer's host, or a third country a main clause goes to.
    A leg told in a relative or time clause ("received Ruiz, who had visited Germany on
    Monday") is another journey, no veto."""
    if len(gone) != 1:
        return False
    (went,) = gone
    return went == host or (went != visitor and went in venues.main)


def _named_visitor(data: dict[str, Any]) -> str:
    visitors: list[Actor] = data["visitors"]
    return visitors[0].name if visitors else str(data["visitor_country"])


def _placed(data: dict[str, Any], where: str, why: str, make: Builder) -> dict[str, Any]:
    """The visit put in ``where``: the visitor's own country swaps the roles, a third
    country becomes the host."""
    visitor, host = data["visitor_country"], data["host_country"]
    place = data["place"]
    if where == visitor and not _swappable(data, make):
        make.warn(f"{why} {where}, the visitor's country, and no person named is of {host}: "
                  f"{where} is the host, the visiting country left empty")  # fmt: skip
        data = _unknown_visitor(data)
    elif where == visitor:
        make.warn(f"{why} {where}, the visitor's country: visitor and host swapped")
        data = _swapped(data)
    else:
        make.warn(f"{why} {where}: host_country {host} recoded {where}")
        data = {**data, "host_country": where}
    if place is not None and place.country is None:
        data["place"] = place.model_copy(update={"country": data["host_country"]})
    return data


def _received(data: dict[str, Any], make: Builder) -> tuple[str, str] | None:
    """Who received whom, if the evidence says which side of the visit is at home: (the
    side at home, the note a swap would give)."""
    visitor, host = data["visitor_country"], data["host_country"]
    if visitor is None or host is None:
        return None
    people = [*data["visitors"], *data["hosts"]]
    read = receiving_sides(make.quote, make.language, people)
    if read is None:
        return None
    at_home, guests = read
    if at_home == visitor and host in guests:
        note = (f"the evidence says {visitor} received the visit: it is the host, visitor and "
                "host swapped")  # fmt: skip
        return visitor, note
    if at_home == host and visitor in guests:
        return host, ""
    return None


#: The key under which :func:`build` hands :func:`_swapped` the countries the answer gave
#: its people itself (not filled in from visitor_country or host_country).
_STATED = "_people_of"
#: The drafted status, read while the visit is directed: a planned visit's destination is
#: its venue (:meth:`Venues.ahead`), and dropped before the record is made.
_STATUS = "_status"


def _swappable(data: dict[str, Any], make: Builder) -> bool:
    """Whether swapping would make a visitor of a state the evidence or its people name.

    A swap makes the answer's host the visitor. When the answer names people with
    their countries, none is of that state and the evidence does not name it, the
    swap would invent a traveller: a White House readout's "we welcome the visit of
    Amir Tamim to Baghdad", coded with Iraq as the visitor and the publisher as
    host, would make the United States the visitor. Then no side is known to have
    travelled, and the visitor is left empty instead.
    """
    stated = data.get(_STATED) or set()
    new_visitor = data["host_country"]
    if not stated or new_visitor in stated:
        return True
    language = None if make.language == "en" else make.language
    return new_visitor in countries_in_text(make.quote, language)


def _unknown_visitor(data: dict[str, Any]) -> dict[str, Any]:
    """The visit put in the answer's visitor country, with no visiting country: the one a
    swap would give belongs to none of the people named (see :func:`_swappable`)."""
    return {**data, "visitor_country": None, "host_country": data["visitor_country"]}


def _swapped(data: dict[str, Any]) -> dict[str, Any]:
    """Visitor and host countries swapped, each person put on the side of their own country.

    The model may have coded the countries the wrong way round and the people
    right ("visitors": Putin of Russia, "visitor_country": China): moving the
    lists with the codes would make Putin a host of China. A person of the
    new visitor country is a visitor, one of the new host country a host; a
    person of neither (or of no country) stays on the side the answer gave; one listed
    on both sides is on their country's side once.
    """
    visitor, host = data["host_country"], data["visitor_country"]
    sided = [(a, "visitor") for a in data["visitors"]] + [(a, "host") for a in data["hosts"]]

    def side(actor: Actor, given: str) -> str:
        if actor.country == visitor:
            return "visitor"
        return "host" if actor.country == host else given

    def once(actors: list[Actor]) -> list[Actor]:  # a person the answer listed on both sides
        first: dict[tuple[str, str | None], Actor] = {}
        for actor in actors:
            first.setdefault((actor.name, actor.country), actor)
        return list(first.values())

    return {
        **data,
        "visitor_country": visitor,
        "host_country": host,
        "visitors": once([a for a, given in sided if side(a, given) == "visitor"]),
        "hosts": once([a for a, given in sided if side(a, given) == "host"]),
    }


def _seated(data: dict[str, Any], make: Builder) -> dict[str, Any]:
    """The visit with each person on their own country's side: a visitor of the host
    country whom the evidence names as the one receiving moves to the hosts.

    The model may list the host among the visitors ("Berg of Germany welcomed Holm of
    Kenya": visitors Berg and Holm, host Germany). A person of the host country is a
    host when the evidence puts them on the receiving side (:func:`receivers`: the
    subject of "welcomed", "принял", "会见", the agent of "was received by"), or when
    they lead their state and a leader of another state is among the guests: a head of
    state or government at home receives, and does not travel with the guest. A
    host-country national the evidence does not name so (an ambassador accompanying the
    guest), a person of a third country or of none stays where the answer put them, and
    so does a host-country person who is the only visitor (nobody left who travelled).
    """
    host, visitor = data["host_country"], data["visitor_country"]
    visitors: list[Actor] = data["visitors"]
    at_home = [a for a in visitors if host is not None and a.country == host != visitor]
    guests = [a for a in visitors if a not in at_home]
    if not at_home or not guests:
        return data
    names = [a.name for a in (*visitors, *data["hosts"])]
    receiving = receivers(make.quote, make.language, [*visitors, *data["hosts"]])
    leading = any(_leads(a, make.quote, make.language, names) for a in guests)
    moved = [
        a
        for a in at_home
        if (a.name in receiving or (leading and _leads(a, make.quote, make.language, names)))
        and not _travels_with(a.name, [g.name for g in guests], make.quote)
    ]
    if not moved:
        return data
    make.warn(
        f"{', '.join(a.name for a in moved)} of {host}, the host country, received the "
        "visit: moved from the visitors to the hosts"
    )
    return {
        **data,
        "visitors": [a for a in visitors if a not in moved],
        "hosts": [*data["hosts"], *(a for a in moved if a not in data["hosts"])],
    }


#: The levels of a state's leader (:func:`visit_level`).
_LEADS: frozenset[VisitLevel] = frozenset({"head_of_state", "head_of_government"})
#: Words before a title that make its holder no leader in office: a deputy, a former one.
_NOT_LEADING = re.compile(
    r"(?<!\w)(?:vice|deputy|former|ex|acting|stellvertret\w*|ehemalig\w*|заместител\w*"
    r"|вице|бывш\w*|ancien(?:ne)?|antigu[oa]|ex-?|antig[oa]|früher\w*)(?!\w)[\s-]*\S*\s*$|(?:副|前)$",
    re.I,
)
#: Languages whose titles follow the name ("アンナ・ベルク大統領", "홍길동 대통령").
_TITLE_AFTER_NAME = frozenset({"ja", "ko"})
#: What ends the words of a title read next to a name: a clause mark or a bracket.
_TITLE_STOP = re.compile(r"[.;:!?。；！？，、,()（）\[\]\n]")
#: How far from a name its title is read.
_TITLE_REACH = 60


#: Words that put a person out of office wherever they stand in their title or in the
#: apposition after the name: "Exiled Prime Minister", "Premier ministre en exil",
#: "primer ministro exiliado", "deposed President", "свергнутый президент". A word of a
#: former holder ("former", "ancien", "ehemalig") is no such word: it cancels only the
#: title it modifies (:data:`_NOT_LEADING`, :func:`_a_former_leader`), not "a former
#: banker" nor "who succeeded former Prime Minister X".
_OUT_OF_OFFICE = re.compile(
    r"(?<!\w)(?:exiled|in\s+exile|deposed|ousted|overthrown|toppled|exiliad[oa]s?"
    r"|en\s+el\s+exilio|en\s+exilio|depuest[oa]s?|derrocad[oa]s?|destituid[oa]s?"
    r"|exilée?s?|en\s+exil|déchue?s?|renversée?s?|destituée?s?"
    r"|exiliert\w*|im\s+exil|gestürzt\w*|abgesetzt\w*"
    r"|esiliat[oa]|in\s+esilio|depost[oa]|rovesciat[oa]|exilad[oa]|no\s+exílio"
    r"|свергнут\w*|смещ[её]нн\w*|в\s+изгнании|опальн\w*)(?!\w)",
    re.I,
)
#: A word of a former holder opening an apposition, past its article ("A, a former
#: Prime Minister,", "A, ancien Premier ministre,", "A, ehemaliger Bundeskanzler,").
_FORMER_APPOSITION = re.compile(
    r"\s*(?:(?:a|an|the|un|une|el|la|le|l'|der|die|ein\w*|o|um|uma|il|lo|who\s+was)\s*)?"
    r"(?:former|one-time|erstwhile|ex|ancien(?:ne)?|antigu[oa]|antig[oa]|ehemalig\w*"
    r"|früher\w*|бывш\w*|экс)[\s-]+",
    re.I,
)
#: Words of a leader in office for a time ("acting Chancellor", "interim President"): in
#: office all the same, so no word of a deputy to :func:`_a_leader`.
_IN_OFFICE_FOR_NOW = re.compile(
    r"(?<!\w)(?:acting|caretaker|amtierende\w*|kommissarisch\w*|geschäftsführende\w*)\s+",
    re.I,
)


#: A word of a former holder inside a title written before a name ("former Japanese
#: Prime Minister"), with the words after it.
_FORMER_IN_TITLE = re.compile(
    r"(?<!\w)(?:former|one-time|erstwhile|ancien(?:ne)?|ehemalig\w*|früher\w*|бывш\w*)[\s-]+",
    re.I,
)


def _a_former_leader(words: str, opening: bool = False) -> bool:
    """Whether a former leader's title stands in ``words``: a word of a former holder and,
    within the next three words and past no possessive, a leader's title ("former
    Japanese Prime Minister"; an apposition opening with one when ``opening``: "A, former
    Prime Minister of Kenya,"). "A, a former banker", "the former colony's Prime
    Minister" or "who succeeded former Prime Minister X" name no office of A's that ended."""
    found = (
        [m for m in [_FORMER_APPOSITION.match(words)] if m]
        if opening
        else list(_FORMER_IN_TITLE.finditer(words))
    )
    for former in found:
        after = words[former.end() :].split()[:3]
        if after and not re.search(r"['’]s?$", after[0]) and _a_leader(" ".join(after)):
            return True
    return False


def _leads(actor: Actor, quote: str, language: str, names: Sequence[str]) -> bool:
    """Whether the evidence names the person as heading a state or a government in office.

    The evidence's reading beats the draft's: a word of being out of office next to the
    name (:data:`_OUT_OF_OFFICE`: "Exiled Prime Minister A", "A, living in exile") makes
    them no leader whatever the draft's title; a leader's title the evidence writes next
    to the name (:func:`_titles_in`) makes them one; another title written there ("Foreign
    Minister A") makes them none; only where the evidence writes no title does the
    drafted one decide."""
    if not _written(actor.name, quote):
        return False
    written = [
        _IN_OFFICE_FOR_NOW.sub("", t) for t in _titles_in(quote, actor.name, names, language)
    ]
    appositions = _appositions(quote, actor.name)
    if any(_OUT_OF_OFFICE.search(words) for words in [*written, *appositions]):
        return False
    if any(_a_former_leader(words, opening=True) for words in appositions):
        return False
    if any(_a_former_leader(words) for words in written):
        return False
    if any(_a_leader(title) for title in written):
        return True
    if any(_title_word(word) for title in written for word in re.findall(r"[^\W\d_]+", title)):
        return False
    return actor.title is not None and _a_leader(actor.title)


def _appositions(quote: str, name: str) -> list[str]:
    """What the evidence says of a person right after their name, between commas or in
    brackets ("A, living in exile in Germany, travelled"; "A (en exil)")."""
    found = []
    for mention in _written(name, quote):
        after = quote[mention.end() : mention.end() + _TITLE_REACH]
        if opened := re.match(r"\s*[,(（]", after):
            rest = after[opened.end() :]
            found.append(rest[: m.start()] if (m := re.search(r"[,)）.;:]", rest)) else rest)
    return found


#: Words that put one person with another ("accompanied by", "aboard B's plane",
#: "together with", "in the company of"), in the languages the visit rules read. Beside
#: a guest is not on the way with them: a word of coming (:data:`_CAME`) or a journey to a
#: named place (:data:`_JOURNEY`) makes the company a journey's (:func:`_travels_with`).
_ALONG = re.compile(
    r"(?<!\w)(?:accompan\w*|aboard|on\s+board|together\s+with|along\s+with|alongside"
    r"|in\s+the\s+company\s+of|acompañ\w*|junto\s+(?:con|com|a|al)|en\s+compañía"
    r"|a\s+bordo|accompagn\w*|à\s+bord|aux\s+côtés|en\s+compagnie|in\s+compagnia"
    r"|insieme\s+(?:a|al|alla|allo|ai|con)|acompanh\w*|juntamente\s+com"
    r"|begleit\w*|an\s+bord|zusammen\s+mit|gemeinsam\s+mit|in\s+begleitung"
    r"|сопровожд\w*|вместе\s+с|на\s+борту)(?!\w)",
    re.I,
)
#: Words of a seat on the way itself ("aboard B's plane"): a journey without more.
_ABOARD = re.compile(
    r"(?<!\w)(?:aboard|on\s+board|a\s+bordo|à\s+bord|an\s+bord|на\s+борту)(?!\w)", re.I
)
#: A word of travelling, which makes the "with" after it a companion's ("returned to
#: Nairobi with President B"), not a counterpart's ("held talks with President B").
_TRAVELLED = re.compile(
    r"(?<!\w)(?:return\w*|travel\w*|flew|flown|fly\w*|arriv\w*|came|come|went|journey\w*"
    r"|landed|regres\w*|volvi\w*|viaj\w*|lleg\w*|vol[oó]|rentr\w*|revenu\w*|voyag\w*"
    r"|arrivé\w*|venu\w*|kehrt\w*|zurück\w*|reist\w*|flog\w*|kam|ankam\w*|eingetroffen"
    r"|cheg\w*|voltou|voltaram|rientr\w*|tornat\w*|giunt\w*"
    r"|вернул\w*|прилетел\w*|прибыл\w*|приехал\w*)(?!\w)",
    re.I,
)
#: A word of coming into a place or back to it, which says the one who came was abroad:
#: "arrived", "returned", "flew back", "llegó", "regresó", "est rentré", "kehrte ...
#: zurück", "chegou", "voltou", "è arrivato", "прибыл".
_CAME = re.compile(
    r"(?<!\w)(?:return\w*|arriv\w*|came|landed|flew\s+(?:back|in|home)|flown\s+in"
    r"|regres\w*|volvi\w*|lleg\w*|rentr\w*|revenu\w*|kehrt\w*|zurück\w*|ankam\w*"
    r"|eingetroffen|cheg\w*|voltou|voltaram|rientr\w*|tornat\w*|giunt\w*"
    r"|вернул\w*|прилетел\w*|прибыл\w*|приехал\w*)(?!\w)",
    re.I,
)
#: A word of a journey before a named place (a capital letter): "travelled to Berlin",
#: "flew into Nairobi", "viajó a Lima", "reiste nach Wien". "flew by helicopter to a dam"
#: or "travelled to the port" is a trip inside the country, where a host escorts.
_JOURNEY = re.compile(
    r"(?<!\w)(?:travel\w*|flew|flown|journey\w*|went|viaj\w*|vol[oó]|voyag\w*|reist\w*"
    r"|flog\w*|viagg\w*|поехал\w*|полетел\w*)"
    r"(?:\s+\w+){0,3}?\s+(?:to|into|a|à|en|nach|in|para|в)\s+(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ])",
    re.I,
)
#: A word of talking or receiving, after which a "with" (or the next name) is the
#: counterpart's, not a companion's ("held talks with B"; "accompanied by aides, was
#: received by B"; "will hold a summit with B").
_FACED = re.compile(
    r"(?<!\w)(?:talk\w*|met|meet\w*|held|hold\w*|summit\w*|spoke|discuss\w*|reuni\w*|convers\w*"
    r"|entret\w*|rencontr\w*|sommet|cumbre|gipfel\w*|incontr\w*|colloqu\w*|vertice"
    r"|gespr\w*|getroffen|traf|sprach|встрет\w*|переговор\w*|саммит\w*"
    r"|receiv\w*|welcom\w*|greet\w*|hosted|recib\w*|reçue?s?|accueill\w*|empfang\w*"
    r"|begrüß\w*|принят\w*|принял\w*|встречен\w*)(?!\w)",
    re.I,
)


def _on_a_journey(sentence: str) -> bool:
    """Whether a sentence tells a journey from abroad: a word of coming or coming back
    (:data:`_CAME`), a seat aboard (:data:`_ABOARD`), or a journey to a named place
    (:data:`_JOURNEY`). A companion arrives in the host state with the guest; a host who
    escorts the guest at home ("accompanied President B to the war memorial", "flew with
    B by helicopter to a dam", "speaking alongside B") tells none."""
    return any(p.search(sentence) for p in (_CAME, _ABOARD, _JOURNEY))


def _travels_with(name: str, guests: Sequence[str], quote: str) -> bool:
    """Whether the evidence puts the person on the way with a guest: between the two
    names, in one sentence that tells a journey from abroad (:func:`_on_a_journey`), a
    word of going along ("accompanied by", "aboard B's plane", "in the company of") or
    a "with" after a word of travelling and none of talking ("returned to Nairobi with
    President B", "regresó a Nairobi con el presidente B"). A companion travelled; a
    host-country leader who did is no host (round 68 kept companions); one who escorts
    the guest at home or stands beside them is still the host."""
    for mine in _written(name, quote):
        for guest in guests:
            for theirs in _written(guest, quote):
                start, end = sorted((mine.end(), theirs.start()))
                if mine.start() > theirs.start():
                    start, end = theirs.end(), mine.start()
                between = quote[start:end]
                if end - start > _COMPANY_REACH or _COMPANY_STOP.search(between):
                    continue
                if not _on_a_journey(
                    _sentence_around(
                        quote, min(mine.start(), theirs.start()), max(mine.end(), theirs.end())
                    )
                ):
                    continue
                along = _ALONG.search(between)
                if along and not _FACED.search(between, along.start()):
                    return True
                with_word = _WITH.search(between) if mine.start() < theirs.start() else None
                if (
                    with_word
                    and _TRAVELLED.search(between[: with_word.start()])
                    and not _FACED.search(between)
                ):
                    return True
    return False


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``."""
    opens = max((m.end() for m in _COMPANY_STOP.finditer(text, 0, start)), default=0)
    closes = _COMPANY_STOP.search(text, end)
    return text[opens : closes.start() if closes else len(text)]


#: How far apart two names may stand for one to travel with the other.
_COMPANY_REACH = 160
#: The end of a sentence for :func:`_travels_with`: a stop before a blank or the end
#: ("U.S." goes on).
_COMPANY_STOP = re.compile(r"[.!?;。](?:\s|$)")


def _a_leader(title: str) -> bool:
    """Whether a title is a state's leader's (:func:`visit_level`), read word by word so
    that no title hides inside another word ("speaking", "presidential", "Emirates"), and
    not a deputy's or a former one's."""
    composed = unicodedata.normalize("NFC", title)
    for word in re.finditer(r"[^\W\d_]+(?=([\s-]+[^\W\d_]+)?)", composed):
        text = word.group() + (word.group(1) or "")  # "Prime Minister", "primeiro-ministro"
        level = visit_level([text])
        if level not in _LEADS or _NOT_LEADING.search(composed[: word.end()] + " "):
            continue
        if any(ord(ch) > _UNSPACED_SCRIPTS for ch in text) or _whole_title(text):
            return True
    return False


def _whole_title(words: str) -> bool:
    """Whether a word (or two) is a title as a whole: no title inside a longer word."""
    low = words.lower()
    english = any(re.search(rf"(?<!\w){w}(?!\w)", low) for w, level in _LEVELS if level in _LEADS)
    local = any(
        any(m.end() == len(low) or not low[m.end()].isalpha() for m in pattern.finditer(low))
        for pattern, level in _LOCAL_LEVELS
        if level in _LEADS
    )
    return english or local


def _last_words(text: str) -> str:
    """The words right before a name where its title stands: the last
    :data:`_TITLE_WORDS` words (a title, its article and its state: "El presidente de
    Alemania", "Президент Германии"), or the last :data:`_TITLE_CHARS` characters of a
    script written without spaces ("来访的肯尼亚总统")."""
    words = text.split()
    if words and any(ord(ch) > _UNSPACED_SCRIPTS for ch in words[-1]):
        return words[-1][-_TITLE_CHARS:]
    return " ".join(words[-_TITLE_WORDS:])


#: How many words before a name its title may take.
_TITLE_WORDS = 4
#: How many characters before a name its title may take in a script written without spaces.
_TITLE_CHARS = 10


def _written(name: str, text: str) -> list[re.Match[str]]:
    """Where ``text`` names the person (:func:`~extractor.types.meeting._mentions_of`); a
    name in a script written without spaces ("アンナ・ベルク大統領") wherever it stands."""
    if any(ord(ch) > _UNSPACED_SCRIPTS for ch in name):
        return list(re.finditer(re.escape(name.strip()), text)) if name.strip() else []
    return _mentions_of(name, text)


#: Code points from here on are of scripts written without spaces (CJK, kana, hangul).
_UNSPACED_SCRIPTS = 0x2E80


def _titles_in(quote: str, name: str, names: Sequence[str], language: str) -> list[str]:
    """The words of a person's title as the evidence writes them next to their name: the
    words of its clause before the name, or before the comma of an apposition ("El
    presidente de Alemania, Anna Berg"); after the name where titles follow it
    (:data:`_TITLE_AFTER_NAME`). Another person's name ends them: "Berg welcomed
    President Holm" gives Holm's title, not Berg's."""
    others = [other for other in names if other != name]
    found = []
    for mention in _written(name, quote):
        start = mention.start()
        window = quote[max(0, start - _TITLE_REACH) : start]
        marks = list(_TITLE_STOP.finditer(window))
        cut = marks[-1].end() if marks else 0
        if not window[cut:].strip() and marks and marks[-1].group() == ",":
            cut = marks[-2].end() if len(marks) > 1 else 0  # an apposition before the name
        words = window[cut:]
        for other in others:
            for each in _written(other, words):
                words = words[each.end() :]
        found.append(_last_words(words))
        if language in _TITLE_AFTER_NAME:
            after = quote[mention.end() : mention.end() + 8]
            found.append(after[: m.start()] if (m := _TITLE_STOP.search(after)) else after)
    return found


def terms(draft: VisitDraft) -> tuple[set[str], set[str]]:
    names, codes = person_terms([*draft.visitors, *draft.hosts])
    return draft_terms(
        names, [draft.visitor_country, draft.host_country, *codes], [draft.place], set()
    )


def from_meetings(
    records: Sequence[Record], types: Sequence[str], context: dict[str, Any]
) -> list[Record]:
    """Visits by participants from abroad to the country where a meeting took place.

    A meeting held in a country that is foreign to a participant ("A met today
    in Washington with Saudi Vice Minister B") entails that participant's visit.
    """
    from extractor.types.meeting import Meeting

    derived: list[Record] = []
    for meeting in records:
        if not isinstance(meeting, Meeting) or meeting.place is None:
            continue
        if meeting.format == "virtual":
            continue  # a side that took part at a distance did not travel
        host = meeting.place.country or country_in_text(meeting.place.text)
        if host is None:
            continue
        hosts = [a for a in meeting.participants if a.country == host]
        for person in meeting.participants:
            if person.country is None or person.country == host:
                continue
            data = {
                "visitors": [person],
                "visitor_country": person.country,
                "hosts": hosts,
                "host_country": host,
                "place": meeting.place,
                "start": meeting.date,
                "status": meeting.status,
                "attribution": meeting.attribution,
                "evidence": meeting.evidence.model_dump(),
            }
            try:
                derived.append(Visit.model_validate(data, context=context))
            except ValidationError:
                continue
    return derived


def as_call(draft: VisitDraft, make: Callable[[str, Any], Record]) -> Record | None:
    """The talk a visit was drafted from, across a border: the meeting of its sides.

    Small models code "X spoke by phone with Y" or "X spoke today with Y" as
    a visit. Only a draft whose evidence failed for want of a word of travel
    comes here: nobody is said to have gone anywhere, so no visit is stated,
    but a talk between two states is a meeting (PLOVER CONSULT; CAMEO 040-level
    consultation), and a call one in mode phone (format virtual). The meeting
    is built and checked as the model's own are (its sentence must name the
    sides and say they talked, re-anchored like any record) and stands only
    when that sentence says the two sides talked WITH EACH OTHER (one the party
    of the talk's "with" phrase, the other its subject, or both its coordinated
    subjects: "spoke with reporters about B", "called on Congress" are no talk
    of theirs), that the talk took place (nothing of :data:`NO_TALK_CUES` of the
    sentence's language in the talk's own clause, from its subject to the end of its
    party and time: "will speak", "denied that they spoke", "cancelled the call", but
    not ", state media reported" or "and asked for help"), and the sides are
    of two or more states, as the visit's were. When unsure it makes nothing:
    a call lost is less harm than one invented. It has no place: where each
    side sat is no shared venue, and a place would make it entail the visit the
    text does not state.
    """
    from extractor.types.meeting import Meeting, MeetingDraft

    people = list({person.name: person for person in [*draft.visitors, *draft.hosts]}.values())
    countries = [c for c in (draft.visitor_country, draft.host_country) if c]
    meeting = MeetingDraft(
        participants=people,
        countries=countries,
        format=None,
        place=None,
        date=draft.date,
        topics=[draft.purpose] if draft.purpose else [],
        status=draft.status,
        attribution=draft.attribution,
        evidence=draft.evidence,
    )
    record = make("meeting", meeting)
    assert isinstance(record, Meeting)
    said = record.evidence.cited_text
    # built virtual: a side took part at a distance, told in a later sentence too
    # (:func:`side_joined_after`)
    joined = record.format == "virtual"
    if len(set(record.countries_involved)) < 2 or not (
        joined or states_any(_TALKED, said) or states_any(_JOINED_AFAR, said)
    ):
        return None
    sides = [_side_names(draft.visitors), _side_names(draft.hosts)]
    text = " ".join(said.split())
    codes = {c for c in (draft.visitor_country, draft.host_country) if c}
    clause = _talk_clause(text, sides[0], sides[1], codes, joined=joined)
    if clause is None:
        return None  # "spoke with reporters about B", "after his call with C, A ..."
    language = detect_language(text)
    names = [*sides[0], *sides[1]]
    # "will speak", "denied that they spoke", "cancelled the call", "没有同…通电话"
    own = _ZH_TOPIC.sub(" ", text[clause[0] : clause[1]])
    if states_any(_cues_of(NO_TALK_CUES, language), _unnamed(own, names)):
        return None
    if _doubted(text, clause, language, names):
        return None
    if states_any(CALL_CUES.values(), said) or states_any(_JOINED_AFAR, said):
        return record.model_copy(update={"format": "virtual"})
    return record


#: Words of meeting in person or of welcome: a visit's evidence beside a call's only in a
#: clause with no word of distance (:func:`_travel_told`).
_IN_PERSON = every_language(MET_IN_PERSON_CUES, WELCOME_CUES)
#: Every word of a meeting or a call: what "welcomed the talks", "begrüßte das Gespräch",
#: "приветствовал переговоры" welcome is a talk, no guest.
_A_TALK = every_language(MEETING_CUES, CALL_CUES)
_WELCOMED = every_language(WELCOME_CUES)
#: A pronoun of a thing as the whole object, closing the clause: what was welcomed is the
#: talk told before ("and B welcomed it", "y B lo celebró", "и B приветствовал это").
_A_THING = re.compile(
    r"\s+(?:it|this|that|esto|eso|ello|cela|ceci|dies|das|это|этот|эту|его)\s*(?:[.,;!?]|$)"
    r"|(?:此|这|这一点)[。，；]",
    re.I,
)
#: Where a clause of a call's sentence ends: a mark, or a coordinator of contrast ("did
#: not meet in person but spoke by phone" is one clause: its word of meeting is negated).
_CALL_CLAUSE_END = re.compile(r"[.;:!?。；！？，]|,\s|\s(?:but|pero|mais|aber|но|а)\s")


#: An English "call" with no word of its medium: a courtesy call or a call on someone is a
#: visit in person ("paid a call on the president", "received a courtesy call"), so only
#: "phone", "video", "virtual" and the like tell a talk at a distance.
_BARE_CALL = re.compile(
    r"(?<!phone )(?<!video )(?<!telephone )(?<!conference )(?<![\w-])calls?(?![\w-])"
    r"(?! from)",  # "received a call from B" is a call (CALL_CUES)
    re.I,
)


def _at_a_distance(text: str) -> bool:
    """Whether ``text`` has a word of a talk at a distance (:data:`CALL_CUES`), not counting
    a bare English "call" (:data:`_BARE_CALL`), or a verb of taking part from afar
    (:data:`JOINED_AFAR_CUES`: "who joined virtually")."""
    return states_any(CALL_CUES.values(), _BARE_CALL.sub(" ", text)) or states_any(
        _JOINED_AFAR, text
    )


def _travel_told(
    quote: str,
    visitor: str | None,
    host: str | None,
    language: str,
    names: Sequence[str] = (),
) -> bool:
    """Whether a quote with a word of a call also tells this visit: a going to its host
    (to a state not the visitor's when no host is given) in a main clause, not a plan,
    a relative or time clause or an adjunct of the call (:attr:`Venues.main`: "ahead of
    his trip to Y", "who visited Y last year", "after his visit to Y was postponed",
    "phoned B to invite him to visit X", "who is visiting Z" tell no visit to Y); or a
    word of meeting in person or of welcome, not negated, in a clause with no word of
    distance and not of a talk ("s'est entretenu au téléphone", "举行视频会晤", "received a
    phone call from", "and B welcomed the talks" tell none), unless another clause says
    one of the sides (``names``) took part at a distance (:func:`_side_took_part_at_a_distance`:
    "A met B on Monday, who joined by video link")."""
    gone = visit_venues(quote, language).main
    if any(
        (code == host if host else code != visitor) and not _in_passing(quote, at, language)
        for code, at in gone.items()
    ):
        return True
    clauses = _call_clauses(quote)
    return any(_met_in_clause(clause, language) for clause in clauses) and not (
        _a_side_took_part_at_a_distance(
            quote, _name_forms(names), {code for code in (visitor, host) if code}, language
        )
    )


#: Every language's verbs of taking part (:data:`JOINED_CUES`), alone and beside an adverb
#: of afar (:data:`JOINED_AFAR_CUES`), and those adverbs (:data:`AFAR_CUES`).
_JOINED = every_language(JOINED_CUES)
_JOINED_AFAR = every_language(JOINED_AFAR_CUES)
_AFAR = every_language(AFAR_CUES)
#: A relative pronoun of a person opening a clause ("who", "quien", "qui", "der",
#: "который"): its antecedent, a side named before it, is the clause's subject.
_WHO = re.compile(
    r"^\s*(?:who|quien(?:es)?|que|qui|der|die|который|которая|которые|che|quem)(?!\w)", re.I
)
#: Capitalised words before a side's verb that name no one: its article, preposition or
#: pronoun at the head of a clause ("With B joining", "The president").
_NO_PERSON = frozenset(
    ["the", "with", "con", "avec", "mit", "com", "el", "la", "le", "der", "die", "das", "il",
     "lo", "o", "a", "and", "y", "et", "und", "и", "then", "later", "also"]
)  # fmt: skip


def side_joined_at_a_distance(quote: str, names: Sequence[str], codes: Collection[str]) -> bool:
    """Whether ``quote``, with a word of distance (:func:`_at_a_distance`), says a side
    (one of ``names``, or a title of one of ``codes``) took part at a distance
    (:func:`_a_side_took_part_at_a_distance`): a meeting held so is virtual."""
    text = " ".join(quote.split())
    return _at_a_distance(text) and _a_side_took_part_at_a_distance(
        text, names, codes, detect_language(text)
    )


#: How many sentences after its evidence, in the evidence's paragraph, may tell that a side
#: of the meeting took part at a distance (:func:`side_joined_after`).
_JOINED_AFTER_SENTENCES = 2
#: A blank line: where a paragraph ends.
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n")


def side_joined_after(
    article: str,
    end: int,
    names: Sequence[str],
    codes: Collection[str],
    quote: str = "",
    published: date | None = None,
) -> bool:
    """Whether a sentence after the evidence (which ends at ``end`` of ``article``) says a
    side of its meeting took part at a distance (:func:`side_joined_at_a_distance`):
    "Leaders of X and Y met on Monday. The Y prime minister, who joined by video link,
    said ...". News tells how a side took part after the meeting's own sentence; that side
    was not there, so the meeting is virtual and no visit follows (PLOVER CONSULT mode
    phone). Only the next sentences of the same paragraph (:data:`_JOINED_AFTER_SENTENCES`)
    tell of the same meeting, and one that writes a date the evidence (``quote``) does not
    tells of another occasion ("On Tuesday, the Y
    prime minister, who joined by video, addressed the summit"); a side that joined
    another event ("later joined a video call with C", "joined last week's summit by
    video") is none, as in the evidence's own sentence."""
    paragraph = article[end:]
    stop = _PARAGRAPH_END.search(paragraph)
    if stop is not None:
        paragraph = paragraph[: stop.start()]
    told = {found.value for _, found in find_dates(quote, detect_language(quote), published)}
    for sentence in split_sentences(paragraph)[:_JOINED_AFTER_SENTENCES]:
        said = " ".join(paragraph[sentence.start : sentence.end].split())
        language = detect_language(said)
        if any(found.value not in told for _, found in find_dates(said, language, published)):
            continue  # another day's occasion
        upto = article[: end + sentence.end]
        everyone = [
            form
            for name in names
            if name
            for form in _name_forms([name])
            if form == " ".join(name.split())
            or _surname_names_the_side(form, name, said, upto, language)
        ]
        if side_joined_at_a_distance(said, everyone, codes):
            return True
    return False


def _surname_names_the_side(
    surname: str, name: str, sentence: str, article: str, language: str
) -> bool:
    """Whether ``surname`` alone, in ``sentence``, may stand for the side ``name``: a bare
    surname is that person only when nobody else in ``article`` bears it (a given name
    not the side's before it: "Lee Young" beside "Anna Young") and the sentence reads it
    as a name, not as the word of the language it also is before a noun of people
    ("Young people, who joined by video link", "Rich students"); "Holm, who took part
    by videoconference" still names Lars Holm. ``language`` is the sentence's, which the
    caller has detected. A word of :data:`~extractor.text.people.HONORIFICS` that is
    also a given name ("Shah", "Sultan", "Papa", "Kaiser") reads as a title only in a
    title's place, opening the name; after a title of its own ("Foreign Minister Shah
    Holm", "el canciller Papa Holm", "посол Султан Холм") it is the person's first name,
    and names another person."""
    own = set(name.split())
    for found in re.finditer(rf"(?:(\S+)\s+)?(\S+)\s+{re.escape(surname)}(?!\w)", article):
        word = found.group(2)
        if word in own:
            continue
        if _a_given_name(word, article, language) or _an_honorific_as_a_name(
            found.group(1), word, language
        ):
            return False  # another person bears the surname
    return not any(
        is_people(after.group(1), language)
        for after in re.finditer(rf"(?<!\w){re.escape(surname)}\s+([a-z]\w*)", sentence)
    )


#: Words of address before a surname that are no given name, by language ("Monsieur Holm",
#: "Don Holm", "Herr Holm"; English "Don" and "Dona" are given names); titles of office are
#: :func:`~extractor.types.meeting._title_word`'s.
_ADDRESS: dict[str, frozenset[str]] = {
    "en": frozenset({"mister", "miss"}),
    "fr": frozenset({"monsieur", "madame", "mademoiselle", "mme", "mlle"}),
    "es": frozenset({"don", "doña", "señor", "señora"}),
    "de": frozenset({"herr", "frau"}),
    "it": frozenset({"signor", "signore", "signora"}),
    "pt": frozenset({"senhor", "senhora", "dom", "dona"}),
}
#: Adverbs and connectives that open a sentence, capitalised there by their place alone
#: ("Then Holm took part", "Später nahm Holm teil", "Luego Holm participó").
_SENTENCE_OPENERS = frozenset(
    ["then", "later", "afterwards", "subsequently", "meanwhile", "also", "there", "here",
     "now", "today", "yesterday", "still", "again", "instead", "but", "so", "when", "while",
     "after", "before", "dann", "danach", "später", "anschließend", "daraufhin", "heute",
     "auch", "puis", "ensuite", "aujourd", "hier", "alors", "luego", "después", "entonces",
     "hoy", "ayer", "también", "poi", "dopo", "oggi", "ieri", "anche", "depois", "então",
     "hoje", "ontem", "também"]
)  # fmt: skip


def _an_honorific_as_a_name(before: str | None, word: str, language: str) -> bool:
    """Whether ``word``, a capitalised honorific that is also a given name, stands where a
    first name does: right after a title of office or another honorific (``before``:
    "Minister", "canciller", "посол"), which holds the title's place itself."""
    if before is None or not word[:1].isupper() or not is_an_honorific(word, language):
        return False
    if unicodedata.normalize("NFC", word).lower() not in _HONORIFIC_GIVEN_NAMES:
        return False  # "Lieutenant Colonel Holm", "Deputy Mayor Holm": one person's title
    before = before.strip(",;:()")
    if unicodedata.normalize("NFC", before).lower() in _STYLES:
        return False  # "His Majesty Sultan Haitham": the style opens the title
    return bool(before) and (
        before.lower() in TITLE_WORDS or _title_word(before) or is_an_honorific(before, language)
    )


#: Honorifics that are also given names (Shah Mahmood Qureshi, Papa Wemba, Prince Rogers
#: Nelson): only these, after a title of their own, may be another person's first name.
#: Any other honorific after a title is part of it ("Lieutenant Colonel", "Vice Admiral",
#: "Deputy Mayor", "Chief Rabbi").
_HONORIFIC_GIVEN_NAMES = frozenset(
    ["shah", "sultan", "sultán", "dame", "papa", "prince", "kaiser", "re", "rei", "duke",
     "earl", "king", "султан", "принц"]
)  # fmt: skip
#: Styles of address that open a title ("His Majesty Sultan", "Su Alteza el Príncipe").
_STYLES = frozenset(
    ["majesty", "highness", "excellency", "holiness", "eminence", "majestät", "hoheit",
     "majesté", "altesse", "majestad", "alteza", "maestà", "altezza", "majestade",
     "величество", "высочество", "превосходительство"]
)  # fmt: skip


def _a_given_name(word: str, article: str, language: str) -> bool:
    """Whether ``word``, written before a surname in ``article``, is another person's given
    name: a capitalised word of letters that is no title of office or rank
    (:func:`~extractor.types.meeting._title_word`: "Bundeskanzlerin", "Senator",
    "Canciller"), no word of address in ``language`` (:data:`_ADDRESS`: "Monsieur", Spanish
    "Don"), no article or
    possessive (:data:`~extractor.types.meeting._LINKS`: "Le", "Su"), no adverb or
    connective that opens a sentence (:data:`_SENTENCE_OPENERS`: "Then", "Später"), and
    that the article never writes in lower case, as a word of the language."""
    low = word.lower()
    return (
        word[:1].isupper()
        and word.isalpha()
        and low not in TITLE_WORDS
        and not _title_word(word)
        and not is_an_honorific(word, language)
        and low not in _ADDRESS.get(language, frozenset()) | _LINKS | _SENTENCE_OPENERS
        and not re.search(rf"(?<!\w){re.escape(low)}(?!\w)", article)
    )


def _a_side_took_part_at_a_distance(
    quote: str, names: Sequence[str], codes: Collection[str] = (), language: str | None = None
) -> bool:
    """Whether a clause of ``quote`` says a side took part at a distance
    (:func:`_side_took_part_at_a_distance`), each read with the text before it; ``codes``
    are the sides' states, by which a side may be described rather than named."""
    parts = _CALL_CLAUSE_END.split(quote)
    return any(
        _side_took_part_at_a_distance(
            clause, names, parts[at - 1] if at else "", codes=codes, language=language
        )
        for at, clause in enumerate(parts)
        if clause.strip()
    )


def _side_took_part_at_a_distance(
    clause: str,
    names: Sequence[str],
    before: str = "",
    *,
    codes: Collection[str] = (),
    language: str | None = None,
) -> bool:
    """Whether ``clause`` says a side took part in the meeting by a means of distance: a
    verb of taking part (:data:`JOINED_CUES`) next to a means phrase (:data:`CALL_MEANS`),
    whose subject is a side and nothing else (its relative pronoun, or its name with its
    title and state: "..., who joined by video link", "; B took part by videoconference",
    "with B joining by video link", "quien participó por videoconferencia", "der per Video
    zugeschaltet war"). A third person who joined ("while C of Z joined by video"), what a
    side did to another ("who thanked him for joining by video"), a side that joined
    another event ("who joined last week's summit by video"), a video shown, or a call
    told as another occasion ("after a phone call last week") is none: the sides met in
    person. A relative pronoun stands for a side only when a side is the person named
    nearest before it (``before``, the text up to the clause's mark:
    :func:`_antecedent_is_a_side`: "President C of Z, who joined by video", "the foreign
    minister, who took part by videoconference" are a third person's), and a verb with
    another event as its complement joined that one ("who took part by video in a summit
    last week", "quien participó por videoconferencia en la cumbre del G20")."""
    if not names:
        return False
    for pattern in _JOINED:
        for verb in pattern.finditer(clause):
            if not (_means_next_to(clause, verb) or _afar_at(clause, verb)) or (
                _names_another_event(clause[verb.end() :])
            ):
                continue
            subject = _SUBJECT_STATE.sub(" ", _unnamed(clause[: verb.start()], names))
            subject = _without_means(_WHO.sub(" ", subject, count=1))
            if any(
                word.casefold() not in TITLE_WORDS and word.casefold() not in _NO_PERSON
                for word in re.findall(r"[^\W\d_][\w’'-]*", subject)
            ):
                continue  # "while President C of Z joined", "who thanked him for joining"
            if _WHO.match(clause):
                if _antecedent_is_a_side(before, names) or _a_side_described(
                    before, names, codes, language
                ):
                    return True
            elif _mentions(clause, names, 0, verb.start()):
                return True
    return False


def _names_another_event(after: str) -> bool:
    """Whether what follows a verb of taking part, its means left out, names an event
    (:data:`_A_TALK`: "in a summit last week", "a meeting of NATO", "en la cumbre del
    G20", "à un sommet"): the side joined that event at a distance, not this meeting.
    The talk's noun alone after a definite article, at most with where the side sat,
    names this meeting back ("joined the talks by video link from Tokyo", "participó en
    la reunión por videoconferencia", "an dem Treffen"): :data:`_THIS_EVENT`."""
    rest = _without_means(after)
    return not _this_event(rest) and states_any(_A_TALK, rest)


def _this_event(text: str) -> bool:
    """Whether ``text`` is only a talk's noun after a definite article (:data:`_THIS_EVENT`):
    the meeting told before, named back."""
    named = _THIS_EVENT.fullmatch(text)
    return named is not None and states_any(_A_TALK, named.group("noun"))


#: A definite talk noun alone, closing the clause, with at most a place it was joined from:
#: the meeting told before ("the talks", "la reunión", "l'entretien", "dem Treffen").
_THIS_EVENT = re.compile(
    r"\s*(?:(?:in|to|en|a|à|an|in|at|au|aux|al|am|im|zum|zur|в|на)\s+)?"
    r"(?:the|la|las|el|los|le|les|l['’]|die|das|dem|den|der|au|aux|al|del|am|im|zum|zur)"
    r"\s*(?P<noun>[^\W\d_][\w-]*)"
    r"(?:\s+(?:from|desde|depuis|aus|из)\s+[A-ZÀ-ÝА-ЯЁ][\w’'-]*)?\s*(?:teilgenommen)?\s*[.;:!?]?\s*",
    re.I,
)


#: A place or a time after the antecedent's name, before its relative pronoun ("B in Y on
#: Monday, who"): no person. Days and dates are :data:`_DAY_FIRST`'s.
_PLACE_AFTER = re.compile(r"(?<!\w)(?:in|at|en|à|au|a|im|in|nach|в|во|на)\s+[A-ZÀ-ÝА-ЯЁ][\w’'-]*")


def _antecedent_is_a_side(before: str, names: Sequence[str]) -> bool:
    """Whether the person a relative pronoun refers back to, the one named nearest before
    it in ``before``, is a side: a side's name with at most its state, a place or a time
    after it ("A met B in Y on Monday, who", "traf B (Y) am Montag, der"). Another name
    or a title after it, or no side at all ("President C of Z, who", "the foreign
    minister, who", "el presidente C, quien"), is a third person's."""
    ends = [
        found.end()
        for name in names
        for found in re.finditer(_name_pattern(name), before)
        if not _POSSESSIVE.match(before, found.end())
    ]
    if not ends:
        return False
    rest = _DAY_FIRST.sub(" ", _PLACE_AFTER.sub(" ", _SUBJECT_STATE.sub(" ", before[max(ends) :])))
    return not any(
        word.casefold() in TITLE_WORDS or (word[0].isupper() and word.casefold() not in _NO_PERSON)
        for word in re.findall(r"[^\W\d_][\w’'-]*", rest)
    )


def _a_side_described(
    before: str, names: Sequence[str], codes: Collection[str], language: str | None
) -> bool:
    """Whether the text a relative pronoun follows (``before``) describes a side without
    naming anyone: a title (:func:`~extractor.types.meeting._title_word`) of a side's
    state (``codes``), told by its adjective or its name, and nothing else but articles,
    "of" and "and" ("the French president, who", "el presidente francés, quien", "der
    französische Präsident, der", "le président japonais, qui", "leaders of X and Y,
    who"). A title of no state or of a third one ("the foreign minister, who", "the
    Japanese president, who" when Japan is no side), a name, or another noun ("the wife
    of the French president, who") is a third person's."""
    if not codes or _mentions(before, names):
        return False
    named = set(countries_in_text(before, language))
    if not named or not named <= set(codes):
        return False
    state_words = {
        word.casefold()
        for code in named
        for name in country_names(code, language or "en")
        for word in re.findall(r"[^\W\d_][\w’'-]*", name)
    }
    words = re.findall(r"[^\W\d_][\w’'-]*", before)
    return any(_title_word(word) for word in words) and all(
        _title_word(word)
        or word.casefold() in _NO_PERSON | _LINKS | state_words
        or countries_in_text(word, language)
        for word in words
    )


#: A side's state after its name in a subject ("B of Y", "B (Y)", "B из Y").
_SUBJECT_STATE = re.compile(
    r"(?<!\w)(?:of|de|du|von|aus|из)\s+(?:the\s+|la\s+|le\s+|l[’']|el\s+)?[A-ZÀ-ÝА-ЯЁ][\w’'-]*"
    r"|\([^()]{1,40}\)"
)
#: At most one word between a verb of taking part and its means ("joined by video link",
#: "took part by videoconference", "per Video zugeschaltet", "участвовал по видеосвязи").
_NEXT_TO = re.compile(r"\s*(?:[^\W\d_]+\s+)?$")


def _means_next_to(clause: str, verb: re.Match[str]) -> bool:
    """Whether a means phrase (:data:`CALL_MEANS`) stands right before or after ``verb``."""
    for pattern in _MEANS:
        for means in pattern.finditer(clause):
            between = (
                clause[verb.end() : means.start()]
                if means.start() >= verb.end()
                else clause[means.end() : verb.start()]
            )
            apart = means.end() <= verb.start() or means.start() >= verb.end()
            if apart and (_NEXT_TO.fullmatch(between) or _this_event(between)):
                return True  # "joined by video", "joined the talks by video"
    return False


def _afar_at(clause: str, verb: re.Match[str]) -> bool:
    """Whether ``verb`` stands beside an adverb of afar (:data:`JOINED_AFAR_CUES`: "joined
    virtually", "der virtuell zugeschaltet war")."""
    return any(
        found.start() <= verb.start() and verb.end() <= found.end()
        for pattern in _JOINED_AFAR
        for found in pattern.finditer(clause)
    )


def _without_means(text: str) -> str:
    """``text`` without its means phrases (:data:`CALL_MEANS`: "per Video" is no name) and
    adverbs of afar (:data:`AFAR_CUES`: "der virtuell")."""
    for pattern in (*_MEANS, *_AFAR):
        text = pattern.sub(" ", text)
    return text


#: What opens another language's clause or adjunct about another occasion than the call's,
#: before its going: a relative pronoun, a time or purpose adjunct ("que visitó", "antes de
#: su viaje a", "qui a visité", "avant son voyage", "vor seiner Reise", "который посетил",
#: "накануне своего визита"). :data:`_SUBORDINATE` reads English.
_PASSING_OPENS: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)
    for language, words in {
        "es": r"que|quien(?:es)?|cuando|antes\s+de|despu[ée]s\s+de|tras|de\s+cara\s+a"
        r"|en\s+v[íi]speras\s+de|para",
        "fr": r"qui|que|qu|dont|lorsqu|lorsque|quand|avant|apr[èe]s|en\s+vue|[àa]\s+la\s+veille"
        r"|pour",
        "de": r"vor|nach(?:dem)?|bevor|als|um",
        "ru": r"котор\w*|перед|после|накануне|чтобы|когда",
    }.items()
}
#: What tells, anywhere in a going's clause, another occasion or a trip put off: "el año
#: pasado", "l'an dernier", "letztes Jahr", "в прошлом году", "aplazado", "verschoben".
_ELSEWHEN: Mapping[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)
    for language, words in {
        "es": r"a[ñn]o\s+pasado|aplaz\w*|pospu\w*|cancel\w*",
        "fr": r"an\s+dernier|ann[ée]e\s+derni[èe]re|report[ée]\w*|annul[ée]\w*",
        "de": r"letzte[ns]?\s+Jahr|Vorjahr|verschoben|abgesagt",
        "ru": r"прошлом\s+году|отлож\w*|перенес\w*|отмен\w*",
    }.items()
}
#: The same in Chinese, anywhere in the going's clause: "此前", "前夕", "之前", "之后",
#: "去年", "曾", "推迟", "取消".
_ZH_PASSING = re.compile("此前|前夕|之前|以前|之后|以后|去年|曾|推迟|延期|取消")
#: A relative pronoun that opens a German clause ("..., der Y besuchte").
_DE_RELATIVE = re.compile(r"\s*(?:der|die|das|dem|den|dessen|deren)(?!\w)", re.I)


def _in_passing(quote: str, at: int, language: str) -> bool:
    """Whether the going at ``at`` is told in passing in a language other than English:
    in a relative clause or a time or purpose adjunct (:data:`_PASSING_OPENS` before it),
    at another occasion's time or put off (:data:`_ELSEWHEN` in its clause): no trip this
    sentence reports."""
    start, end = _clause(quote, at)
    if language == "zh":
        return _ZH_PASSING.search(quote, start, end) is not None
    if language == "de" and _DE_RELATIVE.match(quote, start):
        return True
    opens, elsewhen = _PASSING_OPENS.get(language), _ELSEWHEN.get(language)
    return bool(
        (opens and opens.search(quote, start, at))
        or (elsewhen and elsewhen.search(quote, start, end))
    )


def _call_clauses(quote: str) -> list[str]:
    """The clauses of ``quote`` (:data:`_CALL_CLAUSE_END`)."""
    return [c for c in _CALL_CLAUSE_END.split(quote) if c.strip()]


#: What opens, after a word of meeting, another matter than how that meeting was held: its
#: topic or purpose ("to discuss phone hacking", "about phone scams", "para hablar de la
#: telefonía", "pour parler de la téléphonie"), another occasion ("after speaking by phone",
#: "despite a phone ban", "as leaked video footage circulated", "después de", "nach"), a
#: relative clause, another verb of its subject ("and agreed to set up a telephone hotline",
#: "y visitó la sede de Telefónica", "und besuchte", "и обсудил") or a participle. A word of
#: distance after it is a topic or another event, not the means of that meeting; "on" opens
#: a topic unless a day, a date or the means follows ("on Monday", "on the phone").
_OTHER_MATTER = re.compile(
    r"(?<!\w)to\s+(?!(?:a|an|the|their|his|her|its)\s)"  # "to discuss", not "to a video summit"
    r"|(?<!\w)(?:about|regarding|concerning|after|before|despite|amid|following|since|as"
    r"|while|where|which|who|when|para|sobre|acerca|después|tras|antes|mientras|donde|que"
    r"|pour|après|avant|malgré|où|qui|um|nach|nachdem|bevor|trotz|wo|чтобы|после|перед"
    r"|через|несмотря|где|котор\w*|dopo|prima|dove|após|depois|sulla|sul)(?!\w)"
    r"|(?<!\w)on\s+(?!(?:the\s+|a\s+|an\s+)?(?:(?:tele)?phone|video|\w+\s+call|call|line)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)\w*(?!\w))"
    r"|(?<!\w)(?:and|y|e|et|und|и)\s+(?=[a-zà-ÿа-яё])"
    r"|(?<!\w)(?!(?:morning|evening|meeting|during)(?!\w))[a-z]\w*ing(?!\w)",
    re.I,
)
#: Words that a meeting was held face to face, whatever the sentence says of calls: "met
#: in person after speaking by phone"; not after a negation or a contrast ("rather than in
#: person", "instead of face to face", "not in person").
_FACE_TO_FACE = re.compile(
    r"(?<!\w)(?P<not>(?:not|than|of|no|sin|pas|nicht|не|não|non)\s+)?(?:in\s+person|face[- ]to[- ]face|en\s+persona|en\s+personne|persönlich"
    r"|лично|pessoalmente|di\s+persona|presencial\w*)(?!\w)",
    re.I,
)


def _meeting_told(clause: str, word: re.Match[str]) -> str:
    """What ``clause`` says of the meeting its ``word`` tells: the clause up to what opens
    another matter after that word (:data:`_OTHER_MATTER`: its topic, another occasion,
    another verb of its subject)."""
    cut = _OTHER_MATTER.search(clause, word.end())
    return clause[: cut.start() if cut else len(clause)]


#: What opens another occasion than a meeting's, after its word: a time or concessive
#: adjunct ("after speaking by phone", "before", "despite", "tras", "après", "nach",
#: "после"), a relative of place or time, another verb of its subject or a plan ("and
#: then", "and later spoke by phone", "y luego", "and will"), or what a side said ("y
#: dijo que hablaría por teléfono con su gabinete"). A means phrase (:data:`CALL_MEANS`) after it is
#: another event's; before it, it is the meeting's own, whatever topic stands between.
_ANOTHER_OCCASION = re.compile(
    r"(?<!\w)(?:after|before|despite|following|since|while|when|where|tras|despu[ée]s"
    r"|antes|mientras|cuando|donde|apr[èe]s|avant|malgr[ée]|lorsqu\w*|quand|où|nach|nachdem"
    r"|bevor|trotz|als|wo|после|перед|несмотря|когда|где|dopo|prima|mentre|quando|após"
    r"|depois|enquanto)(?!\w)"
    r"|(?<!\w)(?:and|y|e|et|und|и)\s+(?:then|later|also|luego|también|puis|ensuite|dann"
    r"|später|затем|потом|poi|[a-z]+ed|will|would|plans?|planned)(?!\w)"
    # what a side said ("y dijo que hablaría por teléfono con su gabinete")
    rf"|(?<!\w){speech_verbs()}(?!\w)",
    re.I,
)
#: Every language's means phrases (a meeting's clause may quote another language's).
_MEANS = every_language(CALL_MEANS)


def _means_of(clause: str, word: re.Match[str]) -> bool:
    """Whether ``clause`` tells, after the meeting ``word`` and before another occasion
    (:data:`_ANOTHER_OCCASION`), the means of a talk at a distance (:data:`CALL_MEANS`):
    "held talks with B about the crisis by phone", "se reunió con B para hablar de
    comercio por videoconferencia", "traf B und weitere Staatschefs per Videoschalte" are
    calls; "met B in person after speaking by phone" is not (:data:`_FACE_TO_FACE` too)."""
    stop = _ANOTHER_OCCASION.search(clause, word.end())
    own = clause[word.end() : stop.start() if stop else len(clause)]
    face = _FACE_TO_FACE.search(own)
    return not (face and not face.group("not")) and states_any(_MEANS, own)


def _held_at_a_distance(own: str) -> bool:
    """Whether the meeting told in ``own`` (:func:`_meeting_told`) was held at a distance:
    a word of a call there is its means, unless it says the sides met face to face
    (:data:`_FACE_TO_FACE`). "met B in Berlin to discuss phone hacking", "held talks with B
    and agreed to set up a telephone hotline", "met B in person after speaking by phone"
    are meetings in person; "held talks with B by phone", "held a video meeting",
    "received a phone call from" are calls."""
    face = _FACE_TO_FACE.search(own)
    if face and not face.group("not"):
        return False
    return _at_a_distance(own)


def _met_in_clause(clause: str, language: str) -> bool:
    """Whether ``clause`` says, with no word of denial nor of distance in what it says of
    that meeting (:func:`_meeting_told`, :func:`_held_at_a_distance`), that sides met in person or one welcomed a guest
    (not a talk: "welcomed the call")."""
    for pattern in _IN_PERSON:
        for word in pattern.finditer(clause):
            own = _meeting_told(clause, word)
            if _held_at_a_distance(own) or _means_of(clause, word):
                continue  # "held talks by phone", "received a phone call from"
            if states_any(_cues_of(NO_TALK_CUES, language), own):
                continue  # "did not meet", "will meet", "cancelled the talks"
            after = " ".join(clause[word.end() : word.end() + 40].split()[:3])
            before = " ".join(clause[max(0, word.start() - 40) : word.start()].split()[-3:])
            if _A_THING.match(clause, word.end()):
                continue  # "B welcomed it", "приветствовал это": the talk told before
            if not states_any(_A_TALK, after) and not states_any(_WELCOMED, before):
                return True  # not "welcomed the talks", nor its "talks"
    return False


#: What a talk between two sides is said with, in any language (:func:`as_call`).
_TALKED = every_language(TALK_CUES, CALL_CUES)


def _cues_of(table: Mapping[str, re.Pattern[str]], language: str) -> tuple[re.Pattern[str], ...]:
    """The words of ``table`` (:data:`NO_TALK_CUES`, :data:`DOUBT_CUES`) for a sentence of
    ``language``: its own language's only, since another's match its words ("reported"
    is French "reporté", "Narendra" a French future); every language's when it has none."""
    if language in table:
        return (table[language],)
    return tuple(table.values())


def _unnamed(text: str, names: Sequence[str]) -> str:
    """``text`` without the sides' names: a word of a name is no word of the future or of
    doubt ("President Will Smith", "Hans Wird", "Иван Будет", "Hope Hicks")."""
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(_name_pattern(name, cased=True), " ", text)
    return text


#: A relative clause about a person or a source, which says nothing of the talk ("...,
#: who denied any role in the coup", "informó el Kremlin, que negó tensiones"): up to
#: the next mark.
_ABOUT_A_PERSON = re.compile(
    r",\s*(?:who|whom|whose|quien(?:es)?|que|qui|dont|котор(?:ый|ая|ое|ые|ого|ой|ому|ым|ых))(?!\w)"
    r"[^,;.!?]*",
    re.I,
)
#: The end of a sentence within cited text (after a word of three letters: "Jr.", "U.S."
#: end none).
_SENTENCE_END = re.compile(r"(?<=\w{3})[.!?](?=\s)|[。！？]")


def _doubted(text: str, clause: tuple[int, int], language: str, names: Sequence[str]) -> bool:
    """Whether the talk's sentence doubts or denies the talk outside its clause: a doubt
    word governing it, up to its party ("Sources claimed that A spoke with B", "A
    allegedly spoke with B", "Es ist falsch, dass"), or a predicate of doubt in a clause
    after it (", but this could not be verified", ", wurden dementiert"). A doubt word in
    the talk's topic ("about the alleged attack") or in a later clause with an object of
    its own ("and condemned the fake news campaign") is about something else."""
    before, after = _talk_sentence(text, clause)
    before, after = _unnamed(before, names), _unnamed(after, names)
    return states_any(_cues_of(DOUBT_CUES, language), before) or states_any(
        _cues_of(DOUBT_AFTER_CUES, language), after
    )


#: A day told right after the talk's clause ("on Monday", "el lunes", "lundi", "am
#: Montag", "в понедельник", "on March 3", "el 3 de marzo"): a time of the talk, not a topic that opens what follows.
_DAY_FIRST = re.compile(
    r"\s*(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|el\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
    r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"|am\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
    r"|в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
    # a date: "on March 3", "on 3 March 2024", "el 3 de marzo", "le 3 mars", "am 3. März",
    # "3 марта"
    r"|on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+)"
    r"(?:,?\s+\d{4})?"
    r"|el\s+\d{1,2}\s+de\s+\w+(?:\s+de\s+\d{4})?|le\s+\d{1,2}(?:er)?\s+\w+(?:\s+\d{4})?"
    r"|am\s+\d{1,2}\.\s*\w+(?:\s+\d{4})?|\d{1,2}\s+[а-яё]+(?:\s+\d{4}\s+года)?"
    # the month of a Spanish date whose day closed the talk's clause ("el 3 | de marzo")
    r"|de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre"
    r"|noviembre|diciembre)(?:\s+de\s+\d{4})?)(?!\w)",
    re.I,
)


def _talk_sentence(text: str, clause: tuple[int, int]) -> tuple[str, str]:
    """The sentence of ``text`` that holds the talk's ``clause``, without relative
    clauses about a person, in two parts: up to the end of the talk's clause (its topic
    left out), and the rest after it without a topic that opens it."""
    start = 0
    for found in _SENTENCE_END.finditer(text, 0, clause[0]):
        start = found.end()
    after = _SENTENCE_END.search(text, clause[1])
    rest = text[clause[1] : after.end() if after else len(text)]
    day = _DAY_FIRST.match(rest)
    if day:  # "on Monday, a report Y dismissed as false": a time, no topic
        rest = rest[day.end() :]
    if _TOPIC_OPENS.match(rest):
        cut = _CLAUSE_BREAK.search(rest)
        rest = rest[cut.start() :] if cut else ""
    before = _ZH_TOPIC.sub(" ", text[start : clause[1]])
    return _ABOUT_A_PERSON.sub(" ", before), _ABOUT_A_PERSON.sub(" ", rest)


#: The word that opens the phrase naming whom someone talked with ("spoke by phone WITH
#: B", "conversó CON B", "s'est entretenu AVEC B", "telefonierte MIT B", "разговор С B"),
#: or both parties ("a call BETWEEN A and B"): the languages :func:`as_call` reads a
#: talk's parties in. Another language has none, and its talk is not recoded.
_WITH_WORD = re.compile(r"(?<!\w)(?:with|con|com|avec|mit|со?)(?!\w)", re.I)
_BETWEEN_WORD = re.compile(r"(?<!\w)(?:between|entre|zwischen|между)(?!\w)", re.I)
#: Chinese puts the party before the verb: "A同B通电话", "A与B举行视频会晤".
#: "同意" is "agree", "同时" "meanwhile", "和平" "peace": no "with".
_ZH_WITH = re.compile("同(?!意|时|样)|与|和(?!平)|跟")
#: A Chinese verb of taking a call ("A接到B的电话", "A接听了B打来的电话", "A收到B的视频电话"):
#: its object's possessor, before 的 (:data:`_ZH_CALLERS`), is the caller, the party.
_ZH_TAKEN = re.compile("接到|接听了?|收到|接了")
#: The caller's 的 closing the object right before the word of a call ("B的", "B打来的").
_ZH_CALLERS = re.compile("(?:打来|来)?的(?:视频)?$")
#: What ends a clause: a mark, a word that opens another clause ("after", "who", "said",
#: "criticising"): nothing after it is said of the talk before it.
_TALK_CLAUSE_END = (
    r"[,;:.!?«»\"“”]|(?<!\w)(?:after|before|while|when|as|because|who|whose|which|that|"
    r"where|tras|después|antes|mientras|que|quien|après|avant|pendant|"
    rf"qui|selon|nachdem|bevor|während|после|перед|котор\w*|{speech_verbs()})(?!\w)"
    r"|(?<!\w)(?!(?:morning|evening)\b)[a-z]\w*ing(?!\w)"
)
_TALK_CLAUSE = re.compile(_TALK_CLAUSE_END)
#: What ends the phrase of a talk's party: the end of its clause, or a word that opens
#: its topic or another noun's complement ("about B", "sobre B", "über B", "rebels opposed
#: to B", "the wife of B", "des opposants au B", "Gegner von B"): a name after it is no
#: party of the talk. A Russian party after a plural one ("с журналистами президента B":
#: the reporters of B) is no party either.
_TOPIC_END = r"|(?<!\w)(?:about|regarding|concerning|over|on|sobre|acerca|sur|über|о|об|обо)(?!\w)"
_PARTY_END = re.compile(
    _TALK_CLAUSE_END
    + _TOPIC_END
    + r"|[()]|(?<=[ая]ми\s)|(?<!\w)(?:of|to|for|against|from|de|del|contra|para|du|des|"
    r"au|aux|à|contre|pour|von|gegen|für|zu|zum|zur|из|против|для)(?!\w)"
)
#: A party's own state after its name: "of Z", "de Z", "из Z", "(Z)".
_PARTY_STATE = (
    r"(?:(?:of|de|du|des|von|aus|из)\s+(?:the\s+|la\s+|le\s+|l[’']|el\s+)?"
    r"[A-ZÀ-ÝА-ЯЁ][\w’'-]*(?:\s+[A-ZÀ-ÝА-ЯЁ][\w’'-]*)*|\([^()]{1,40}\))"
)
_STATE_AFTER = re.compile(r"\s*" + _PARTY_STATE)
#: A party's state then another party of the same phrase: "of Z and", "(Z) und", "из Z и".
_STATE_THEN_ANOTHER = re.compile(
    _PARTY_STATE + r"(?:\s*,)?\s+(?:and|y|e|et|und|и)\s+"
    # the next party: a title or name, an article, a Russian noun in the instrumental
    r"(?=[A-ZÀ-ÝА-ЯЁ]|(?:the|his|her|their|el|la|los|las|le|les|l[’']|der|die|den|dem)\s"
    r"|[а-яё]+(?:ом|ем|ой|ей|ами|ями)(?!\w))"
)
#: What opens a new clause, whose subject is its own ("A stayed silent; C spoke with B",
#: "A criticised the deal, and C spoke", "A批评了协议，C同B通电话"): a stop (after a word of
#: three letters: "Jr.", "U.S." end no sentence), a semicolon or colon, a comma before a
#: conjunction, a Chinese comma.
_CLAUSE_BREAK = re.compile(
    r"(?<=\w{3})[.!?](?=\s)|[;:。；！？，]|,\s*(?=(?:and|but|while|whereas|y|pero|mientras|"
    r"et|mais|alors|und|aber|doch|während|и|а|но)(?!\w))"
)
#: A verb of calling whose object is the party: "A phoned B", "A telephoned B", "A a
#: téléphoné à B", "A позвонил B", "A致电B"; and "met", whose object is the party of a
#: meeting a word of distance makes a call ("A met B virtually").
_CALLED = re.compile(r"(?:(?:tele)?phoned|téléphoné|позвонил[аи]?|致电|met)(?!\w)", re.I)
#: The adverb that makes a meeting a call, closing the talk's words ("met B virtually").
_CALLED_ADVERB = re.compile(r"(?:virtually|online)$", re.I)
#: A call someone took or placed (:data:`CALL_CUES`: "received a (phone) call from", "a
#: reçu un appel du", "recebeu uma ligação do", "erhielt einen Anruf von", "получил звонок
#: от", "made a phone call to"), and the preposition before its other end, the party: the
#: one who received or made it is the subject.
_CALL_TAKEN = re.compile(
    r"(?:receiv|got|gets|took|takes|returned|recib|re[çc]u|rece|ricev|erhielt|bekam|empfing"
    r"|hat|hatte|haben|hatten|получил|принял|made|makes|placed|places)",
    re.I,
)
_CALL_FROM = re.compile(
    r"(?:\s*(?:from|del|de|do|da|dos|das|du|d['’]|dal|dalla|dallo|von|vom|des|от))?\s*", re.I
)
#: The preposition of a French call's party ("a téléphoné à B", "au président B").
_CALLED_TO = re.compile(r"\s+(?:à|au|aux)(?!\w)", re.I)
#: A participle of talk opening a clause, whose subject is the main clause's after it:
#: "Speaking by phone with B, A urged a ceasefire".
_PARTICIPLE = re.compile(r"\s*(?:after\s+)?(?:speaking|talking|conferring)(?!\w)", re.I)
#: How far before a talk word its subject is looked for.
_SUBJECT_REACH = 300
#: What ends what is said of a talk after its party (and the party's state): its clause's
#: end, its topic or a complement ("about", "des prétendues violations", "de cara a"), a
#: phrase of purpose or occasion ("to discuss", "ahead of", "en vísperas de", "en vue du",
#: "im Vorfeld", "в преддверии"), another verb of its subject ("and asked for help", "und
#: lud ihn ein", "通电话并同意"): what follows it says nothing of whether they talked.
_TAIL_END = re.compile(
    _TALK_CLAUSE_END
    + _TOPIC_END
    + r"|[，。；并]|(?<!\w)(?:to|for|ahead|amid|despite|following|since|para|pour|um|чтобы"
    r"|of|de|del|des|du|d[’'](?=\w)|in\s+(?:preparation|view|the\s+run-up|the\s+wake)"
    r"|en\s+(?:vísperas|vista|busca|vue)|con\s+miras|à\s+l[’']approche|dans\s+la\s+perspective"
    r"|im\s+(?:Vorfeld|Hinblick)|anlässlich|angesichts|в\s+(?:преддверии|канун|рамках)"
    r"|накануне)(?!\w)"
    r"|(?<!\w)(?:and|y|e|et|und|и)\s+(?=[a-zà-ÿа-яё])"
)
#: A noun of the subject with its complement before a name: "An aide TO", "The wife OF",
#: "Envoys sent BY", "La esposa DEL", then at most four words of title.
_GOVERNED = re.compile(
    r"(?:^|(?<=\s))([^\W\d_][\w’'-]*)\s+(?:of|to|for|by|de|del|du|des|von|für|от|для)\s+"
    r"(?:(?:the|la|le|el|der|des)\s+|l[’'])?((?:[^\W\d_][\w.’'-]*\s+){0,4})$"
)
#: What ends a "between A and B" phrase, whose parties may each have their state ("of X").
_BETWEEN_END = re.compile(_TALK_CLAUSE_END + _TOPIC_END)
#: A Chinese talk's topic, set between its party and its verb ("A同B就落实共识通电话"):
#: what was discussed, not whether they talked.
_ZH_TOPIC = re.compile("就[^，。；、]{1,40}?(?=(?:举行|进行)?(?:通电话|通话|电话|视频|会谈|会晤))")
#: A topic opening the rest of a sentence after a talk's clause ("about the alleged
#: attack", "sobre las supuestas violaciones", "des prétendues violations", "über
#: angebliche Verstöße"), up to the next clause break.
_TOPIC_OPENS = re.compile(
    r"\s*(?:" + _TOPIC_END.lstrip("|") + r"|(?<!\w)(?:of|de|del|des|du|d[’'])(?!\w))"
)
#: Coordination of the two parties ("A and B spoke by phone", "A y B conversaron").
_AND = re.compile(r"(?<!\w)(?:and|y|e|et|und|и)(?!\w)|和|与|同|及", re.I)
#: What says a talk was with someone neither side: "spoke to reporters".
_SPOKE_TO_OTHERS = re.compile(
    r"(?<!\w)(?:spoke|speak|speaks|talked|talk|talks|said|told)\s+(?:to|at)\s+"
    r"(?!each\s+other|one\s+another)",
    re.I,
)
#: A word of the mode of a talk only, which names no talk of its own ("A and B spoke to
#: reporters by phone").
_MODE_ONLY = re.compile(r"(?:(?:by|via|over)\s+)?(?:tele)?phon\w*|telephonic", re.I)
#: A word of mode after a verb of speech: "A and B spoke by phone".
_SPOKE_BY_MODE = re.compile(
    r"(?<!\w)(?:spoke|speak|speaks|talked|talk|talks|conferred)\s+(?:\w+\s+)?(?:by|via|over)\s+"
    r"(?:tele)?phone",
    re.I,
)
#: A talk's window: the words between a talk word and its "with" ("spoke by phone on
#: Monday with B"), or in Chinese between "同B" and its verb.
_WINDOW = 60
#: Marks of a name that only qualifies the party ("B's opponent", "President B of
#: Germany's opponent", "B的对手").
_POSSESSIVE = re.compile(
    r"(?:\s+(?:of|de|du|von)\s+(?:the\s+|la\s+|le\s+|l[’'])?\w[\w’'-]*(?:\s+[A-Z][\w-]*)*"
    r"|\s*\([^()]{1,40}\))?[’']s?(?!\w)|的"
)
#: The last word of a name that is no surname ("Joseph R. Biden, Jr.").
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.I)


def _side_names(actors: Sequence[PersonDraft]) -> list[str]:
    """How the text may name each person of a side (:func:`_name_forms`)."""
    return _name_forms([actor.name for actor in actors])


def _name_forms(people: Sequence[str]) -> list[str]:
    """How the text may name each of ``people``: the whole name, and its surname
    ("President Biden" for "Joseph R. Biden, Jr.") when written in a spaced script."""
    names: list[str] = []
    for person in people:
        whole = " ".join(person.split())
        names.append(whole)
        words = [w.strip(",") for w in whole.split()]
        words = [w for w in words if w and not _SUFFIX.match(w)]
        if len(words) > 1 and len(words[-1]) > 2:
            names.append(words[-1])
    return names


def _mentions(text: str, names: Sequence[str], start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` names one of ``names`` as a person, not as the owner of
    someone else ("B's opponent"): a name followed by a possessive is no party."""
    stop = len(text) if end is None else end
    for name in names:
        for found in re.finditer(_name_pattern(name), text[start:stop]):
            if not _POSSESSIVE.match(text, start + found.end()):
                return True
    return False


def _name_pattern(name: str, *, cased: bool = False) -> str:
    """A name as a whole word: Chinese text writes a Latin name against its characters
    ("德国总理Lars Holm通电话"), so a Han character bounds it as a space does. ``cased``:
    as written, so the name "Hans Wird" is not the verb "wird"."""
    flags = "" if cased else "i"
    before = rf"(?:(?<!\w)|(?<=[{UNSPACED_CHARS}]))"
    after = rf"(?:(?!\w)|(?=[{UNSPACED_CHARS}]))"
    if re.search(f"[{UNSPACED_CHARS}]", name):
        return f"(?{flags}:{re.escape(name)})"
    return f"(?{flags}:{before}{re.escape(name)}{after})"


def _party_phrase(text: str, start: int) -> tuple[int, int]:
    """The span of the phrase naming a talk's parties that opens at ``start`` (after its
    "with"): up to the first word or mark of :data:`_PARTY_END`, and on over a party's
    state when another party follows it ("with Chancellor C of Z and President B of Y",
    "с президентом C из Z и президентом B")."""
    at = start
    while True:
        end = _PARTY_END.search(text, at)
        if end is None:
            return start, len(text)
        named = _apposed_name(text, start, end.start())
        if named is not None:  # "with his counterpart, B", "with the President of Y, B"
            at = named
            continue
        listed = _STATE_THEN_ANOTHER.match(text, end.start())
        if listed is None or listed.end() <= at or _own_clause(text, listed.end()):
            return start, end.start()
        at = listed.end()


#: A title's state and the comma before a person in apposition to it: "the President of
#: Kenya, B", "his counterpart, Foreign Minister B of Y", "el presidente de Kenia, B".
_TITLE_APPOSED = re.compile(
    r"(?:\s*(?:of|de|du|des|del|von)\s+(?:the\s+|la\s+|le\s+|l[’']|el\s+)?"
    r"[A-ZÀ-ÝА-ЯЁ][\w’'-]*(?:\s+[A-ZÀ-ÝА-ЯЁ][\w’'-]*)*)?\s*,\s*(?=[A-ZÀ-ÝА-ЯЁ])"
)


def _apposed_name(text: str, start: int, end: int) -> int | None:
    """Where the party's name is read when its phrase up to ``end`` is only a title, of a
    state or none ("his counterpart", "the President of Kenya", "his Chinese counterpart"):
    after the comma, in apposition ("..., B"), so the party is the person named, of the
    state the title says; None when the phrase names someone or no apposition follows."""
    head = re.findall(r"[^\W\d_][\w’'-]*", text[start:end])
    if not head or not any(_title_word(word) for word in head):
        return None
    if not all(
        _title_word(word) or word.casefold() in _LINKS or countries_in_text(word) for word in head
    ):
        return None
    apposed = _TITLE_APPOSED.match(text, end)
    return apposed.end() if apposed else None


#: The words of a name after its titles: capitalised words and the particles between them
#: ("Mohammed bin Salman", "Ursula von der Leyen").
_NAME_RUN = re.compile(
    r"(?:[^\W\d_]+\s+){0,5}?(?=[A-ZÀ-ÝА-ЯЁ])"
    r"(?:[A-ZÀ-ÝА-ЯЁ][\w’'.-]*|(?:bin|ibn|al|el|van|von|der|den|da|di|dos|la)(?=\s+[A-ZÀ-ÝА-ЯЁ])"
    r")(?:\s+(?:[A-ZÀ-ÝА-ЯЁ][\w’'.-]*|(?:bin|ibn|al|el|van|von|der|den|da|di|dos|la)"
    r"(?=\s+[A-ZÀ-ÝА-ЯЁ])))*"
)
#: Words that may follow the last party of a talk and end its phrase: a time, a mode, a
#: place ("and B of Y on Monday", "y B de Y el lunes", "et B (Y) lundi", "und B (Y) am
#: Montag", "и B из Y в понедельник"). A word outside them is a verb of the party's own
#: only when it has a finite verb's form (:data:`_FINITE_VERB`).
_AFTER_A_PARTY = frozenset([
    "in", "at", "by", "via", "during", "last", "this", "yesterday", "today", "tonight",
    "earlier", "later", "late", "early", "separately", "respectively", "jointly", "together",
    "too", "as", "overnight", "twice", "again", "briefly", "recently", "simultaneously",
    "el", "la", "en", "por", "durante", "ayer", "hoy", "anoche", "esta", "este", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "respectivamente",
    "le", "lors", "pendant", "par", "hier", "aujourd", "ce", "cette", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "séparément", "respectivement",
    "am", "im", "per", "gestern", "heute", "jeweils", "getrennt",
    "в", "во", "по", "на", "вчера", "сегодня", "утром", "днём", "днем", "вечером", "отдельно",
])  # fmt: skip
#: A participle or infinitive that ends a German clause ("hat mit C und B telefoniert",
#: "gesprochen"): the talk's own verb, no verb of a party.
_CLAUSE_FINAL = re.compile(r"(?:ge\w+(?:t|en)|\w+(?:ieren|iert))\s*(?:[.;!?]|$)")


def _own_clause(text: str, at: int) -> bool:
    """Whether the next party a list would read at ``at`` ("..., and B of Y ...") is
    rather the subject of a clause of its own: after its name and state comes its own
    finite verb ("and B of Y praised the call", "y B de Y criticó la llamada", "и B из Y
    раскритиковал"), not a word that ends a talk's party phrase. A name followed by its
    own verb is never a party of the talk."""
    name = _NAME_RUN.match(text, at)
    if name is None:
        return False
    state = _STATE_AFTER.match(text, name.end())
    after = state.end() if state else name.end()
    return _a_verb_of_its_own(text, after)


def _a_verb_of_its_own(text: str, at: int) -> bool:
    """Whether one of the (up to three) words after a party at ``at``, before any mark,
    is its own finite verb, before a word that ends a talk's party phrase."""
    for count in range(3):
        each = _WORD_AFTER.match(text, at)
        if each is None:
            return False
        at = each.end()
        verb = each.group(1)
        if verb in SPEECH_WORDS:  # "and B of Y said he was not consulted"
            return True
        if (
            verb.casefold() in _AFTER_A_PARTY
            or _PARTY_END.match(text, each.start(1))
            or _TAIL_END.match(text, each.start(1))
            or (count == 0 and states_any(_TALKED, verb))
            or _CLAUSE_FINAL.match(text, each.start(1))
        ):
            return False  # a time, mode, place or topic, or the talk's own verb
        # after an adverb a word of talk is a new talk's verb: "and B then phoned C"
        if _FINITE_VERB.fullmatch(verb) or _FINITE_AFTER_AUXILIARY.match(text, each.start(1)):
            return True  # "and B of Y also criticised the call"
    return False  # no verb of its own: "and B of Y minutes later", "y B (Y) hace dos días"


#: Up to three words after a party, to the next mark: where its own verb would be
#: ("and B of Y also criticised", "и B из Y также раскритиковал").
_WORD_AFTER = re.compile(r"[^\S\n]*([^\W\d_][\w’'-]*)")
#: A finite verb by its form, in the past that news tells in (en "-ed" and common
#: irregulars, es "-ó"/"-aron", de "-te"/"-ten" and auxiliaries, ru "-л(а|о|и)(ся)"): a
#: positive test, so an adverb or time after a party ("privately", "minutes later",
#: "también", "ausführlich", "erneut", "также", "ранее") ends its phrase, as a mark does.
_FINITE_VERB = re.compile(
    r"(?!indeed\b)\w{3,}ed|was|were|is|are|has|had|did|does|made|took|gave|told|spoke|met"
    r"|went|sent|wrote|said|says|\w+(?:ó|aron|ieron|aba|aban)|\w{2,}(?:te|ten)|hat|ist|war"
    r"|wurde|hatte|kam|\w{2,}(?:л|ла|ло|ли)(?:ся|сь)?",
    re.I,
)
#: A French past: an auxiliary and a participle ("et B (Y) a salué l'appel", "ont critiqué").
_FINITE_AFTER_AUXILIARY = re.compile(
    r"(?:a|ont|avait|avaient|est|sont)\s+\w+(?:é|ée|és|ées|i|u|ue|is|it)(?!\w)"
)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``text[at]`` opens: after the last mark or conjunction of
    :data:`_CLAUSE_BREAK` before it. A talk's subject is in its own clause ("A criticised
    the deal, and C spoke with B": C talked, not A)."""
    start = max(0, at - _SUBJECT_REACH)
    for found in _CLAUSE_BREAK.finditer(text, start, at):
        start = found.end()
    return start


#: What opens a clause reported after a verb of speech or a noun of report: "that",
#: "que", "dass", "wonach", "что", or a verb of speech itself with or without its comma
#: ("said C had spoken", "sagte, C habe", "dijo que").
_REPORTED = re.compile(
    r"(?<!\w)(?:that|que|qu[’']|dass|wonach|что|"
    # a verb of speech (:data:`SPEECH_VERBS`) is lower case: "Said Khalil" is a name
    rf"(?:(?-i:(?:told|tells)\s+\w+)|{speech_verbs()})\s*,?)"
    r"(?=\s)",
    re.I,
)
#: A name word: capitalised in a spaced script.
_NAME_WORD = re.compile(r"(?<!\w)[A-ZÀ-ÝА-ЯЁ][\w’'-]+")


def _subject_span(text: str, opens: int, at: int) -> tuple[int, int]:
    """Where the subject of a talk is read, in its clause opening at ``opens`` up to
    ``at`` (its verb or party): after a reporting "that"/"que"/"dass"/"что"/"said" when the reported
    clause names someone before the talk ("A told reporters that C had spoken with B":
    C talked, not A), else from ``opens`` ("A said he had spoken with B", "A dijo que
    habló con B": the reporter is the subject)."""
    last = None
    for found in _REPORTED.finditer(text, opens, at):
        last = found
    if last is None or not _NAME_WORD.search(text, last.end(), at):
        return opens, at
    return last.end(), at


def _tail_end(text: str, at: int) -> int:
    """Where what is said of a talk ends after ``at`` (its party, its time): past the
    party's own state ("of Y", "(Y)"), at its clause's end, its topic ("about the
    upcoming election"), an adjunct of occasion ("de cara a la próxima cumbre") or
    another verb of its subject ("and asked for help")."""
    state = _STATE_AFTER.match(text, at)
    end = _TAIL_END.search(text, state.end() if state else at)
    return end.start() if end else len(text)


def _talk_clause(
    text: str,
    ours: list[str],
    theirs: list[str],
    codes: Collection[str] = (),
    *,
    joined: bool = False,
) -> tuple[int, int] | None:
    """The span of the clause in which ``text`` says the two sides talked with each
    other, or None: one is the party in the "with" (or Chinese "同") phrase of a word of
    talk and the other its subject, both are in its "between" phrase, or both are the
    coordinated subjects of a talk with no other party ("A and B spoke by phone").
    Without ``ours`` or ``theirs`` named as people, nothing says who talked. "A met B"
    is their talk when a side took part at a distance: in ``text``, or (``joined``) as
    a later sentence tells (:func:`side_joined_after`)."""
    if not ours or not theirs:
        return None
    for talk in (m for pattern in _TALKED for m in pattern.finditer(text)):
        clause = _with_phrase_pairs(text, talk.start(), talk.end(), ours, theirs)
        if clause:
            return clause
    if joined or _a_side_took_part_at_a_distance(
        text, [*ours, *theirs], codes, detect_language(text)
    ):
        for met in _MET_OBJECT.finditer(text):  # "A met B on Monday, who joined by video"
            opens = _clause_start(text, met.start())
            lo, hi = _party_phrase(text, met.end())
            if _pair(text, _subject_span(text, opens, met.start()), (lo, hi), ours, theirs):
                return opens, _tail_end(text, hi)
    return _coordinated_talk(text, ours, theirs)


#: A verb of meeting whose object is the other side ("A met B", "a rencontré B", "traf
#: B"): a talk of theirs only when a side took part at a distance
#: (:func:`_side_took_part_at_a_distance`), else a meeting in person.
_MET_OBJECT = re.compile(
    r"(?<!\w)(?:met|meets|rencontr(?:é|ée|e|ait)|traf|trafen|getroffen)(?!\w)", re.I
)


def _with_phrase_pairs(
    text: str, start: int, end: int, ours: list[str], theirs: list[str]
) -> tuple[int, int] | None:
    """The clause of the talk word at ``text[start:end]`` when it has one side in its
    "with"/"between" phrase and the other as its subject: named before that phrase in
    its clause, or after it when the phrase comes first ("Con B habló por teléfono A",
    "С B президент A провёл разговор", "A hat mit B telefoniert")."""
    opens = _clause_start(text, start)
    between = _BETWEEN_WORD.search(text, start, end + _WINDOW)
    if between and not _TALK_CLAUSE.search(text, end, between.start()):
        lo = between.end()
        hi = next((m.start() for m in _BETWEEN_END.finditer(text, lo)), len(text))
        if _mentions(text, ours, lo, hi) and _mentions(text, theirs, lo, hi):
            return opens, _tail_end(text, hi)
    called = _CALLED.match(text, start, end)
    if called and (called.end() == end or _CALLED_ADVERB.search(text, called.end(), end)):
        # "A phoned B", "A met B virtually": its object is the party
        to = _CALLED_TO.match(text, called.end())
        lo, hi = _party_phrase(text, to.end() if to else called.end())
        if _pair(text, _subject_span(text, opens, start), (lo, hi), ours, theirs):
            return opens, _tail_end(text, hi)
    taken = _CALL_TAKEN.match(text, start, end) and _CALL_FROM.match(text, end)
    if taken:  # "A received a call from B": the caller is the party
        lo, hi = _party_phrase(text, taken.end())
        if _pair(text, _subject_span(text, opens, start), (lo, hi), ours, theirs):
            return opens, _tail_end(text, hi)
    with_word = _WITH_WORD.search(text, start, end + _WINDOW)
    if with_word and not _TALK_CLAUSE.search(text, end, with_word.start()):
        lo, hi = _party_phrase(text, with_word.end())
        if _pair(text, _subject_span(text, opens, with_word.start()), (lo, hi), ours, theirs):
            return opens, _tail_end(text, hi)
        main = _PARTICIPLE.match(text, opens) and text.find(",", hi, hi + _WINDOW)
        if main and main > 0:  # "Speaking by phone with B, A urged ...": A is the subject
            tail = _tail_end(text, main + 1)
            if _pair(text, (main + 1, tail), (lo, hi), ours, theirs):
                return opens, tail
        return None
    for fronted in _WITH_WORD.finditer(text, opens, start):  # the party before the verb
        lo, hi = _party_phrase(text, fronted.end())
        if hi <= start and not _TALK_CLAUSE.search(text, hi, start):
            tail = _tail_end(text, end)
            if _pair(
                text, _subject_span(text, opens, fronted.start()), (lo, hi), ours, theirs
            ) or _pair(text, (hi, tail), (lo, hi), ours, theirs):
                return opens, tail
    for zh_taken in _ZH_TAKEN.finditer(text, max(opens, start - _WINDOW), start):
        # "A接到B的电话", "A接到B打来的电话": the caller, before 的, is the party
        caller = _ZH_CALLERS.search(text, zh_taken.end(), start)
        if caller and not _TALK_CLAUSE.search(text, zh_taken.end(), start):
            subject = _subject_span(text, opens, zh_taken.start())
            # read up to the caller's 的, which here makes the caller's call, no one's owner
            if _pair(
                text[: caller.start()], subject, (zh_taken.end(), caller.start()), ours, theirs
            ):
                return opens, _tail_end(text, end)
    for zh_with in _ZH_WITH.finditer(text, max(opens, start - _WINDOW), start):
        if not _TALK_CLAUSE.search(text, zh_with.end(), start):
            if _pair(
                text,
                _subject_span(text, opens, zh_with.start()),
                (zh_with.end(), start),
                ours,
                theirs,
            ):
                return opens, _tail_end(text, end)
            return None
    return None


def _pair(
    text: str,
    subject: tuple[int, int],
    party: tuple[int, int],
    ours: list[str],
    theirs: list[str],
) -> bool:
    """One side named as the talk's subject in ``text[subject]`` and the other in
    ``text[party]`` (its party)."""
    return (_subject(text, ours, *subject) and _mentions(text, theirs, *party)) or (
        _subject(text, theirs, *subject) and _mentions(text, ours, *party)
    )


def _subject(text: str, names: Sequence[str], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names one of ``names`` as the one who talked, not as
    the complement of another noun of the subject ("An aide to President A", "The wife of
    A", "Envoys sent by A", "Opponents of A": the aide, wife, envoys talked)."""
    for name in names:
        for found in re.finditer(_name_pattern(name), text[start:end]):
            at = start + found.start()
            if _POSSESSIVE.match(text, start + found.end()):
                continue
            if not _complement(text[max(start, at - _WINDOW) : at]):
                return True
    return False


def _complement(before: str) -> bool:
    """Whether a name after ``before`` complements a noun that is no title ("aide to",
    "wife of", "sent by", "Opponents of"), through titles of its own ("President"), or
    a title whose complement is a person by a title of its own ("The foreign minister
    of President A": the minister talked; "Prime Minister of Japan A" is A)."""
    governed = _GOVERNED.search(before)
    if governed is None:
        return False
    head, between = governed.group(1), governed.group(2).split()
    if any(word.casefold().strip(".") in TITLE_WORDS for word in between):
        return True
    return head.casefold() not in TITLE_WORDS and not any(
        level.fullmatch(head) for level, _ in _LOCAL_LEVELS
    )


def _coordinated_talk(text: str, ours: list[str], theirs: list[str]) -> tuple[int, int] | None:
    """ "A and B spoke by phone", "On the call, A and B agreed": the two sides joined by
    "and" (an apposition between: "A, the leader of X, and B") and a word of talk
    with no party of its own ("with C") and no one else spoken to ("spoke to reporters").
    A word of mode alone is a talk only after a verb of speech ("A and B spoke by
    phone"), not in "A and B were reached by phone". Gives the clause of the talk."""
    talks = [m for pattern in _TALKED for m in pattern.finditer(text)]
    if _SPOKE_TO_OTHERS.search(text) or not talks:
        return None  # "A and B spoke to reporters by phone": no talk of theirs
    if all(_MODE_ONLY.fullmatch(m.group()) for m in talks) and not _SPOKE_BY_MODE.search(text):
        return None
    for talk in talks:
        after = text[talk.end() : talk.end() + _WINDOW]
        if _WITH_WORD.search(after) or _BETWEEN_WORD.search(after):
            return None  # "after a call with C, A and B ...": C was the party
    for joined in _AND.finditer(text):
        left = text[max(0, joined.start() - _WINDOW) : joined.start()]
        right = text[joined.end() : joined.end() + _WINDOW]
        left = re.split(r"[;:.!?]", left)[-1]
        if (_gap_is_apposition(left, ours) and _head_is(right, theirs)) or (
            _gap_is_apposition(left, theirs) and _head_is(right, ours)
        ):
            later = [m.end() for m in talks if m.end() > joined.end()]
            last = min(later) if later else joined.end()
            return _clause_start(text, min(joined.start(), talks[0].start())), _tail_end(text, last)
    return None


#: What may stand between a party and "and": its state or office ("of Japan", "(Japan)",
#: ", the leader of Japan,"), never a verb.
_APPOSITION = re.compile(
    r"(?:\s*\([^()]{1,40}\)|\s+(?:of|de|du|des|von|aus)\s+(?:the\s+|la\s+|le\s+|l[’']|el\s+)?"
    r"[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*|,\s+(?:the\s+)?[^,;:.!?]{1,50},)?\s*$"
)


def _gap_is_apposition(left: str, names: list[str]) -> bool:
    """Whether ``left`` ends with one of ``names`` then only its apposition."""
    for name in names:
        for found in re.finditer(_name_pattern(name), left):
            if _APPOSITION.fullmatch(left, found.end()):
                return True
    return False


def _head_is(right: str, names: list[str]) -> bool:
    """Whether ``right`` opens with one of ``names``, after at most four words of title
    ("Chancellor", "Prime Minister", "el primer ministro", "德国总理")."""
    for name in names:
        title = rf"\s*(?:[^\s{UNSPACED_CHARS}]+\s+){{0,4}}?[{UNSPACED_CHARS}]{{0,6}}"
        found = re.match(title + _name_pattern(name), right)
        if found and not _POSSESSIVE.match(right, found.end()):
            return True
    return False


def _last_day(end: DateValue | None) -> DateValue | None:
    """A visit's end given as a range of days ("10 y 11 de mayo") ends on its last day."""
    if end is None or end.kind != "range" or end.end is None:
        return end
    return end.model_copy(update={"value": end.end, "end": None, "kind": "exact",
                                  "precision": precision_of(end.end)})  # fmt: skip


def _visit_end(record: Mapping[str, Any]) -> Any:
    """A visit's end: its own end date, else the end of a start given as a range."""
    end = record.get("end")
    upto = col.at(record, "start", "end")
    if col.at(end, "value") is None and upto is not None:
        return {"value": upto}
    return end


COLUMNS = (
    col.Column("visitors", "list", col.actor_names("visitors")),
    col.Column("visitor_titles", "list", col.actor_titles("visitors")),
    col.Column("visitor_country", "str", col.field_of("visitor_country")),
    col.Column("hosts", "list", col.actor_names("hosts")),
    col.Column("host_titles", "list", col.actor_titles("hosts")),
    col.Column("host_country", "str", col.field_of("host_country")),
    *col.place_columns(),
    *col.date_columns("start"),
    *col.date_group(col.date_name("end"), _visit_end),
    col.Column("level", "str", col.field_of("level")),
    col.Column("purpose", "str", col.field_of("purpose")),
)

TABLE = (
    ("visitors", lambda v: col.display_names(v.visitors)),
    ("from", lambda v: v.visitor_country or ""),
    ("to", lambda v: v.host_country or ""),
    ("place", lambda v: v.place.text if v.place else ""),
    ("start", lambda v: col.show_date(v.start)),
    ("status", lambda v: v.status.value),
)


def to_gold(record: Record) -> dict[str, Any]:
    assert isinstance(record, Visit)
    start, start_end = (record.start.value, record.start.end) if record.start else (None, None)
    end = record.end.value if record.end else None
    return {
        "visitors": [a.name for a in record.visitors],
        "visitor_country": record.visitor_country,
        "host_country": record.host_country,
        "place": record.place.text if record.place else None,
        "start": start,
        "end": end or start_end,
    }


def from_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
    from extractor.types.goldspec import gold_date

    return {
        "visitors": [Actor(name=n, country=gold.get("visitor_country")) for n in gold["visitors"]],
        "visitor_country": gold.get("visitor_country"),
        "host_country": gold.get("host_country"),
        "place": Place(text=gold["place"]) if gold.get("place") else None,
        "start": gold_date(gold.get("start")),
        "end": gold_date(gold.get("end")),
    }


def matchable(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """A visitor name matches, or the (visitor, host) country pair with a known visitor."""
    from extractor.evaluation.matching import _country, _names_overlap

    if _names_overlap(gold.get("visitors"), pred.get("visitors")):
        return True
    gv = _country(gold.get("visitor_country"))
    return gv is not None and (gv, _country(gold.get("host_country"))) == (
        _country(pred.get("visitor_country")),
        _country(pred.get("host_country")),
    )


SPEC = RecordSpec(
    record=Visit,
    draft=VisitDraft,
    build=build,
    terms=terms,
    plural="visits",
    label="visits",
    cues=TRAVEL_CUES,
    cued_by=("meeting",),
    template="types/visit.j2",
    columns=COLUMNS,
    table=TABLE,
    derive=from_meetings,
    unsupported=undirected,
    recode=as_call,
    gold=GoldSpec(
        fields={
            "visitors": K.NAMES,
            "visitor_country": K.COUNTRY,
            "host_country": K.COUNTRY,
            "place": K.TEXT,
            "start": K.DATE,
            "end": K.DATE,
        },
        to_gold=to_gold,
        from_gold=from_gold,
        matchable=matchable,
        strict=("visitor_country", "host_country"),
    ),
)
