"""Meeting: two or more sides meet, talk or hold a call (PLOVER CONSULT; planned: AGREE).

Everything the pipeline knows about meetings: the record, its draft and
builder, the words a meeting needs, its columns, its gold mapping, and the
meeting that a visit's evidence states between visitors and hosts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any, ClassVar, Literal

import pycountry
from pydantic import ConfigDict, Field, ValidationError, model_validator

from extractor.text.countries import (
    ALIASES,
    DEMONYMS,
    EXTRA_ALPHA3,
    countries_in_text,
    country_label,
    folded_country_names,
    to_alpha3,
)
from extractor.text.cues import (
    MEETING_CUES,
    MET_IN_PERSON_CUES,
    TOPIC_OPENERS,
    WELCOME_CUES,
    every_language,
)
from extractor.text.grounding import normalise_text
from extractor.text.sentences import CLAUSES, STOPS
from extractor.text.titles import TITLE_WORDS
from extractor.types import columns as col
from extractor.types.base import Plover, Record, RecordType, _name_key
from extractor.types.drafting import (
    EVIDENCE_DESCRIPTION,
    Builder,
    Draft,
    PersonDraft,
    StatusText,
    draft_terms,
    person_terms,
)
from extractor.types.goldspec import FieldKind as K
from extractor.types.parts import Actor, CountryCode, DateValue, Place, Status
from extractor.types.registry import GoldSpec, RecordSpec

MeetingFormat = Literal["bilateral", "multilateral", "third_party", "virtual"]


class Meeting(Record):
    """Two or more sides meet (PLOVER CONSULT; a planned meeting is AGREE)."""

    record_type: ClassVar[RecordType] = "meeting"
    evidence_cues: ClassVar[tuple[re.Pattern[str], ...]] = every_language(
        MEETING_CUES, WELCOME_CUES
    )
    evidence_cue_meaning: ClassVar[str] = "met or talked"
    type: Literal["meeting"] = "meeting"
    participants: list[Actor] = Field(default_factory=list)
    countries_involved: list[CountryCode] = Field(default_factory=list, alias="countries")
    format: MeetingFormat | None = None
    place: Place | None = None
    date: DateValue | None = None
    topics: list[str] = Field(default_factory=list)
    outcome: str | None = None

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    @model_validator(mode="after")
    def _meeting_rules(self) -> Meeting:
        sides = {normalise_text(a.display_name) for a in self.participants}
        if len(sides) < 2 and len(set(self.countries_involved)) < 2:
            raise ValueError(
                "a meeting needs at least two participants or two countries: list everyone "
                "who met, or drop the record if only one side is named"
            )
        self.countries_involved = list(dict.fromkeys(self.countries_involved))
        return self

    def key_fields(self) -> list[Any]:
        return [_name_key(self.participants), sorted(self.countries_involved),
                self.date.value if self.date else None]  # fmt: skip

    def actors(self) -> list[Actor]:
        return list(self.participants)

    def countries(self) -> list[str]:
        return list(self.countries_involved)

    def event_dates(self) -> list[DateValue]:
        return [self.date] if self.date else []

    def plover(self) -> Plover:
        if self.status == Status.PLANNED:
            return Plover(category="AGREE", mode="meet")
        mode = {"multilateral": "multilateral", "third_party": "third-party",
                "virtual": "phone"}.get(self.format or "")  # fmt: skip
        return Plover(category="CONSULT", mode=mode)


class MeetingDraft(Draft):
    participants: list[PersonDraft]
    countries: list[str] = Field(description="ISO alpha-3 codes of all sides")
    format: Literal["bilateral", "multilateral", "third_party", "virtual"] | None
    place: str | None
    date: str | None = Field(description="date as written")
    topics: list[str]
    status: StatusText
    attribution: str | None
    evidence: list[int] = Field(description=EVIDENCE_DESCRIPTION)


def build(draft: MeetingDraft, make: Builder) -> dict[str, Any]:
    participants, known = _of_their_states(make.actors(draft.participants, None), make)
    drafted = [c for c in (make.country(x) for x in draft.countries) if c]
    countries = _sides(drafted, participants, known, make)
    countries += [a.country for a in participants if a.country and a.country not in countries]
    return {
        "participants": participants,
        "countries": countries,
        "format": _format(draft.format, participants, countries, make),
        "place": make.place(draft.place),
        "date": make.when(draft.date) or make.when_in_evidence(at_event=True),
        "topics": draft.topics,
    }


def _format(
    drafted: str | None, participants: Sequence[Actor], countries: Sequence[str], make: Builder
) -> str | None:
    """The meeting's format: the drafted one, else bilateral for two states; but a meeting a
    side took part in at a distance is virtual whatever was drafted ("A met B, who joined
    by video link", "the French president, who joined virtually, ...": PLOVER CONSULT mode
    phone), as a visit drafted from it is recoded (:func:`extractor.types.visit.as_call`):
    that side was not there, and no visit follows from it
    (:func:`extractor.types.visit.from_meetings`). A sentence after the evidence may tell
    it too ("A met B on Monday. B, who joined by video link, said ...":
    :func:`extractor.types.visit.side_joined_after`)."""
    from extractor.types.visit import side_joined_after, side_joined_at_a_distance

    names = [actor.name for actor in participants if actor.name]
    if drafted == "virtual" or side_joined_at_a_distance(make.quote, names, countries):
        return "virtual"
    article = str(make.context.get("text", ""))
    end = _quote_end(article, make.quote)
    if end is not None and side_joined_after(
        article, end, names, countries, make.quote, make.published
    ):
        return "virtual"
    return drafted or ("bilateral" if len(set(countries)) == 2 else None)


def _quote_end(article: str, quote: str) -> int | None:
    """Where the evidence ``quote`` (its spans joined by " ... ") ends in ``article``: the
    end of its last span's first occurrence; None when the article does not hold it."""
    last = quote.split(" ... ")[-1]
    at = article.find(last) if last else -1
    return at + len(last) if at >= 0 else None


#: A word of a title or office in English, French, Spanish and German, by how it begins
#: ("Prime", "ministre", "presidente", "Kanzlerin"), or anywhere in a German compound
#: ("Außenminister", "Bundeskanzlerin", "Regierungschef"): the words a person's state
#: is attached to ("Belgian Prime Minister", "Premier ministre du Canada").
_TITLE = re.compile(
    r"^(?:minist|presiden|présiden|präsiden|premier|première|primer|chancel|cancill|secretar"
    r"|secrétaire|könig|sheikh|cheikh|jeque|ambassad|embajad|envoy|envoyé|enviad|general"
    r"|général|admiral|amiral|almirante|governor|gouverneur|gobernador|chief|chef|jefe|leader"
    r"|dirigeant|líder|monarch|foreign|defen|défense|affaires|étrangère|exterior|asuntos"
    r"|deputy|vice|adjoint|counterpart|homolog|official|responsable|senator|sénat|senador"
    r"|speaker|diplomat|counsel|advis)"
    # whole words only where a country's name begins the same: "Kingdom", "Emirates",
    # "States", "Reykjavik", "Principality", "Headland"
    r"|^(?:kings?|queens?|roi|reine|rey|reina|emir|émir|amir|sultan|princes?|princess"
    r"|príncipe|princesse|prinz|heads?|state|état|estado|pm|fm)$"
    r"|minister|präsident|kanzler|chef|sekretär|botschaft|gesandt|kolleg|staats|außen|aussen",
    re.I,
)
#: Little words inside a title phrase: articles, "of", possessives ("Austria's", "his").
_LINKS = frozenset(
    {"of", "the", "s", "de", "du", "des", "d", "del", "la", "le", "les", "l", "el", "los",
     "las", "der", "die", "das", "den", "dem", "von", "his", "her", "its", "their", "sa",
     "son", "ses", "su", "sus", "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre",
     "ihrem", "ihren", "ihrer"}
)  # fmt: skip
#: Words that make the country after them where someone is posted or goes, not their own
#: state: "envoy to Ukraine", "ambassadeur au Canada", "Botschafter in Japan".
_AWAY = frozenset({"to", "in", "at", "à", "au", "aux", "en", "auprès", "a", "al", "ante",
                   "bei", "nach", "zu", "beim", "im"})  # fmt: skip
#: Words that join two titled people: "Kosovo President A and Prime Minister B".
_AND = frozenset({"and", "et", "y", "e", "und"})
#: The prepositions that attach a state after a name: "Lars Holm of Denmark".
_OF = frozenset({"of", "de", "du", "des", "del", "von", "aus"})
_TOKEN = re.compile(r"[^\W\d_][\w.-]*|,")
#: Marks between two words that end a title phrase though no full stop does: a headline's
#: colon, question or exclamation mark, a bracket or quote, a blank line, a dash between
#: blanks ("Talks on Ukraine: President Lars Holm met ..." makes no Ukrainian of Holm);
#: a single line break ends a headline's phrase (see :func:`_break_between`).
_BREAK = re.compile(r"[:;?!()\[\]\"“”«»„¿¡]|\s[–—-]\s|\n\s*\n")
#: A paragraph: lines up to a blank line.
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![^\S\n]*\n)[^\n]*)*")
#: Titles of a post held for or on a place: a country's NAME right before one is what the
#: post is for ("Trump's Ukraine envoy", like "envoy to Ukraine"; "Trump's Russia adviser",
#: like "adviser on Russia"; "a Syria expert"), not the holder's state. Every title that
#: takes a state's name as its subject this way is here, and only here.
_POST = re.compile(
    r"^(?:envoys?|ambassadors?|representatives?|emissar(?:y|ies)|negotiators?|mediators?"
    r"|coordinators?|czars?|tsars?|advis[eo]rs?|experts?)$",
    re.I,
)
#: A post of the nation's own ("Israel national security adviser", "India national
#: security adviser"): the state's name before "national" is whose the post is.
_NATIONAL = "national"
#: Words that qualify a title inside its phrase: "special envoy", "senior adviser", a
#: post's field ("peace envoy", "trade representative", "national security adviser",
#: "opposition leader"), a minister's portfolio ("Foreign Affairs Minister", "Finance
#: Minister", "Home Secretary"), and a nation's chamber the title is of ("Polish National
#: Assembly Speaker", "Speaker of the National Assembly of Kenya").
_MODIFIERS = frozenset({"special", "senior", "top", "acting", "interim", "former", "lieutenant",
                        "national", "assembly", "parliament", "parliamentary", "senate",
                        "congress", "congressional", "duma", "knesset", "peace", "trade",
                        "climate", "nuclear", "humanitarian", "security", "opposition",
                        "affairs", "interior", "home", "finance", "economy", "economic",
                        "energy", "health", "justice", "environment", "education",
                        "agriculture", "labour", "labor", "transport", "culture", "industry",
                        "development", "treasury", "commerce", "communications", "information",
                        "science", "tourism", "infrastructure", "relations", "cooperation",
                        "digital", "immigration", "migration", "internal", "external",
                        "housing", "fisheries", "mines", "mining", "oil", "petroleum",
                        "veterans", "planning", "budget", "emergency", "emergencies",
                        "welfare", "social", "youth", "women", "family", "integration", "european"})  # fmt: skip
#: Titles of sub-national office: a place named with them is a state of a federation, a
#: province or a city ("Governor X of Georgia", "New Mexico Governor X"), no country.
_LOCAL = re.compile(
    r"^(?:governors?|gouverneure?s?|gobernador(?:es|a)?|mayors?|maires?|alcaldes?|alcaldesa"
    r"|\w*bürgermeister\w*|assembly(?:m[ae]n|wom[ae]n|members?)|council+ors?|sheriffs?)$",
    re.I,
)
#: Members of a legislature of any level: a nation's ("Ukrainian lawmaker", by its
#: adjective) or a federated state's ("Georgia lawmaker", by its name).
_MEMBER = re.compile(r"^(?:lawmakers?|legislators?)$", re.I)
#: Offices of a federated state, after "state" ("Georgia state senator", "state
#: Assembly member"); "state" before another title is a nation's ("Ukrainian State
#: Secretary", "State President", "State Councilor").
_STATE_OFFICE = re.compile(
    r"^(?:senat\w*|governors?|legislat\w*|lawmakers?|representatives?|assembly\w*|house"
    r"|delegates?|treasurers?|comptrollers?|attorneys?|troopers?|police)$",
    re.I,
)
#: A member of a nation's State Council: "State Councilor", "State Counsellor".
_STATE_COUNCIL = re.compile(r"^(?:council+ors?|counsel+ors?)$", re.I)
#: Nouns of an organisation: a title whose phrase goes on to one heads that body ("President
#: X of the Danish Red Cross", "head of the Polish central bank"), no state's office.
_BODY = re.compile(
    r"^(?:cross|crescent|committee|federation|party|bank|university|council|foundation"
    r"|association|institute|society|league|company|corporation|group|club|church"
    r"|comité|fédération|parti|banque|université|conseil|fondation|comisión|comité"
    r"|federación|partido|banco|universidad|consejo|fundación|asociación|komitee"
    r"|verband|partei|bank|universität|rat|stiftung|kreuz|halbmond|cruz|croix)$",
    re.I,
)
#: How far from a name its title phrase is read.
_REACH = 160


def _title_word(word: str) -> bool:
    low = word.lower()
    return (low in TITLE_WORDS and low not in _AND) or _TITLE.search(low) is not None


#: A word of a title phrase: its kind, the country it names (if one), the word itself.
Kind = tuple[str, str | None, str]


def _broken(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether a mark between two tokens ends the phrase (see :data:`_BREAK`)."""
    return _break_between(text, left.end(), right.start())


def _break_between(text: str, start: int, end: int) -> bool:
    """Whether a mark of :data:`_BREAK`, or a line break that ends a headline (see
    :func:`_set_breaks`), stands between offsets ``start`` and ``end``."""
    if _BREAK.search(text, start, end) is not None:
        return True
    newline = text.find("\n", start, end)
    return newline >= 0 and newline in _set_breaks(text)


@lru_cache(maxsize=8)
def _set_breaks(text: str) -> frozenset[int]:
    """The single line breaks of ``text`` its author set, not its wrapping: a paragraph
    hard-wrapped at a width breaks a line only where the next word no longer fits, and no
    line is longer than the width; a break before a word that would still have fit on the
    line, beside the lines around it, ends a headline ("Talks on Ukraine\nPresident X met
    ...") or a list's line. "the visiting Ukrainian\nPresident X", wrapped at any width,
    goes on. The lines around, not the paragraph's longest: one long line (an address)
    widens no other's; nor the line itself, a headline longer than the body below it
    (see :func:`_wider_than_wrap`). Read once per article: every title phrase asks."""
    breaks = set()
    for paragraph in _PARAGRAPH.finditer(text):
        lines = paragraph.group().split("\n")
        lengths = [len(line.rstrip()) for line in lines]
        offset = paragraph.start()
        for at in range(len(lines) - 1):
            offset += len(lines[at])
            words = lines[at + 1].split()
            width = max(lengths[max(0, at - 1) : at] + lengths[at + 1 : at + 3], default=0)
            if words and (lengths[at] + 1 + len(words[0]) <= width or _wider_than_wrap(lines, at)):
                breaks.add(offset)
            offset += 1
    return frozenset(breaks)


def _wider_than_wrap(lines: list[str], at: int) -> bool:
    """Whether line ``at`` is longer than any width its neighbours were wrapped at: a
    wrapped line (not a paragraph's last) is shorter than the width only by less than the
    next line's first word and a blank, so a line at least that much longer than it is
    set apart (a headline above a narrow body), not wrapped with it."""
    length = len(lines[at].rstrip())
    for near in (at - 1, at + 1):
        if 0 <= near < len(lines) - 1 and lines[near + 1].split():
            bound = len(lines[near].rstrip()) + 1 + len(lines[near + 1].split()[0])
            if length >= bound:
                return True
    return False


def _country_at(
    text: str, tokens: list[re.Match[str]], first: int, last: int, language: str
) -> str | None:
    """The one country the tokens ``first`` to ``last`` name, or None. Several words name
    it only if they are its name ("United States", "Saudi Arabia") or each is needed
    ("North Korean", "South Sudanese": a point of the compass of the state's own name):
    "Danish Red Cross", "New Mexico" only hold a country's word, and "South American",
    "Northern Irish" a continent's or a region's, no state's."""
    code = _one_country(text[tokens[first].start() : tokens[last].end()], language)
    if code is None or first == last:
        return code
    whole = normalise_text(text[tokens[first].start() : tokens[last].end()].rstrip("."))
    if whole in folded_country_names(code, language).values():
        return code
    for start, end, dropped in ((first + 1, last, first), (first, last - 1, last)):
        part = text[tokens[start].start() : tokens[end].end()]
        word = tokens[dropped].group()
        if _one_country(part, language) == code and not _of_the_name(word, code, language):
            return None
    return code


def _of_the_name(word: str, code: str, language: str) -> bool:
    """Whether ``word`` is a word of a name of ``code``, or its adjective: "Arabian" of
    "Saudi Arabia", "Lankan" of "Sri Lanka", "Zealand" of "New Zealand". A state's
    adjective of several words is one ("Saudi Arabian Foreign Minister"), though its
    first word alone names the state too. Official long forms ("Republic of Ireland") are
    not read: "Irish Republican Army" holds no name of Ireland's."""
    low = word.lower()
    return any(
        len(part) > 3 and low.startswith(part)
        for name in folded_country_names(code, language).values()
        if " of " not in name and "," not in name
        for part in name.split()
    )


def _one_country(span: str, language: str) -> str | None:
    found = countries_in_text(span, _reading(language))
    return found[0] if len(set(found)) == 1 else None


@cache
def _a_name(word: str) -> bool:
    """Whether a word is a country's name in English ("Ukraine", "Russia", "Ivory Coast",
    "Burma"), not only its adjective ("Ukrainian"), capital ("Moscow") nor its initials
    ("US", "U.S.", "UK"), which say whose. Read from the country tables, which know the
    short names news text uses ("Russia", "Turkey", "Kosovo"), not from the ISO list
    alone, which does not: a name is what resolves to a state and is no word of its
    adjectives and capitals (:data:`DEMONYMS`), or is also its name ("Myanmar", "New
    Zealand", the state's adjective as well: see :func:`_only_a_name`)."""
    if not any(c.islower() for c in word):
        return False
    try:
        code = to_alpha3(word, "en")
    except ValueError:
        return False
    if word not in DEMONYMS.get(code, ()):
        return True
    folded = normalise_text(word, accents=False)
    return folded in ALIASES or folded == normalise_text(country_label(code), accents=False)


def _phrase_states(kinds: list[Kind]) -> set[str] | None:
    """The states a title phrase attaches (its words in reading order, each with its kind),
    or None when it holds no title: a country right after "to", "in", "à" (past articles)
    is where someone is posted or went, not theirs, and so is a country's name right after a
    word it is the object of ("visiting Ukraine President X"); a country's name before a
    post's title ("Trump's Ukraine envoy", "Syria envoy") is the post, unless "to X" names
    it (see :func:`_names_the_post`). A title of sub-national office ("Georgia
    Governor") attaches none: its place is no country."""
    if not any(kind == "title" for kind, _, _ in kinds):
        return None
    if _sub_national(kinds):
        return set()
    states: set[str] = set()
    # "New Zealand ambassador to Ukraine": the post is named, the name before is the state
    posted = any(k == "away" and w.lower() in _AWAY for k, _, w in kinds)
    for index, (kind, code, word) in enumerate(kinds):
        if kind != "country" or code is None:
            continue
        before = [(k, w) for k, _, w in kinds[:index] if k != "link"]
        if (
            before
            and before[-1][0] == "away"
            and (not _GOVERNS_A_NAME.match(before[-1][1]) or _a_name(word))
        ):
            continue
        if _names_the_post(kinds, index) and not posted and _the_post_s_name(kinds, index):
            continue
        states.add(code)
    return states


def _only_a_name(word: str, code: str) -> bool:
    """Whether ``word`` is a country's name (:func:`_a_name`) and not also its adjective:
    "New Zealand envoy" is New Zealand's, as "Chinese envoy" is China's (the adjectives of
    :data:`DEMONYMS`)."""
    return _a_name(word) and word not in DEMONYMS.get(code, ())


def _the_post_s_name(kinds: list[Kind], index: int) -> bool:
    """Whether the country at ``index``, before a post's title, is read as the post's
    place: a name that is only a name ("Russia envoy"), or a name that is also the
    state's adjective ("Myanmar", "New Zealand") when a word before it already says
    whose the envoy is (a possessive, initials, another state, a title's word: "UN
    special Myanmar envoy", "Trump's Myanmar envoy"); at the head of its phrase ("New
    Zealand envoy X") it is the adjective, and says whose."""
    _, code, word = kinds[index]
    if code is None or not _a_name(word):
        return False
    return _only_a_name(word, code) or any(
        kind in ("title", "country", "initials") or (kind == "link" and w.lower() == "s")
        for kind, _, w in kinds[:index]
    )


def _names_the_post(kinds: list[Kind], index: int) -> bool:
    """Whether the country's name at ``index`` names where a post is, not its holder's
    state: a post's title follows it (past modifiers: "Syria special envoy", "Trump's
    Ukraine envoy", "UN North Korea envoy"). Wire copy names an envoy by the place of the
    post, whoever sends them ("Iran envoy" is mostly a US or UN envoy for Iran); only an
    adjective or initials ("Chinese envoy", "US Ukraine envoy") say whose the envoy is, so
    a bare "China envoy Li Hui" attaches none: a lost state beats a wrong one."""
    return _post_follows(kinds[index + 1 :])


def _post_follows(kinds: list[Kind]) -> bool:
    """Whether the title words right after a country's name hold a post's ("Ukraine
    special envoy", "Russia security adviser"): the name is what the post is for. A
    "national" post is the nation's own ("Israel national security adviser")."""
    for kind, _, word in kinds:
        if kind != "title" or word.lower() == _NATIONAL:
            return False
        if _POST.match(word):
            return True
    return False


#: A compound that joins a state's word to a stance, a sponsor or an origin ("Pro-Russian",
#: "Anti-Russian", "Russian-backed", "Russian-speaking", "Russian-born"): it describes
#: someone by their relation to the state, no nation's adjective of theirs.
_COMPOUND = re.compile(
    r"^(?:pro|anti|non)-|-(?:backed|born|speaking|installed|led|allied|aligned"
    r"|based|controlled|occupied|held|supported|funded|trained|friendly|leaning|appointed"
    r"|sponsored|sanctioned|owned|run|linked|affiliated|oriented|minded|educated)$"
)


@lru_cache(maxsize=4096)
def _joined_to_a_state(word: str, language: str) -> bool:
    """Whether a hyphenated word joins a state's word to another's, not being a name of
    the state itself ("Sino-Russian", "Franco-German", "Russia-Ukraine", "German-Polish";
    not "Guinea-Bissau", "Timor-Leste"): a compound of two states names neither as the
    holder's (a "Sino-Russian envoy" is no Russian), as :data:`_COMPOUND`'s do not."""
    if "-" not in word.strip("-"):
        return False
    folded = normalise_text(word)
    return any(
        folded not in folded_country_names(code, language).values()
        for code in countries_in_text(word, _reading(language))
    )


@lru_cache(maxsize=4096)
def _of_descent(word: str, language: str) -> str | None:
    """The United States for a hyphenated American of another state's descent
    ("Irish-American", "Cuban-American Senator"): American English writes the origin
    first and the nationality last, and a person so titled is the US's. Only adjectives
    are read ("Irish", not "Ireland-American"); a combining form or a region's word
    ("Anglo-", "Afro-", "Latin-") is no state's, and other compounds of two states name
    neither (:func:`_joined_to_a_state`): British English writes "British-Pakistani" the
    other way round, and "German-Polish" is more often a relation between the two."""
    origin, _, nation = word.rpartition("-")
    if not origin or "-" in origin or not nation[:1].isupper() or nation.upper() == nation:
        return None
    reading = _reading(language)
    if countries_in_text(nation, reading) != ["USA"] or _a_name(nation):
        return None
    found = countries_in_text(origin, reading)
    if len(found) != 1 or found[0] == "USA" or _a_name(origin):
        return None
    return "USA"


def _classify(
    text: str, tokens: list[re.Match[str]], at: int, step: int, language: str
) -> tuple[str, str | None, int]:
    """The kind of the word at token ``at`` in a title phrase read in direction ``step``:
    (kind, country, the token the word ends at). A country may span up to three names
    ("United States", "Estados Unidos", "North Korean"), none of them a little or title word.
    A compound of a state's word (:data:`_COMPOUND`) ends the phrase: no nation's word,
    but an American of another state's descent (:func:`_of_descent`) is the US's.
    """
    descent = _of_descent(tokens[at].group(), language)
    if descent is not None:
        return "country", descent, at
    if _COMPOUND.search(tokens[at].group().lower()) or _joined_to_a_state(
        tokens[at].group(), language
    ):
        return "other", None, at
    for width in (3, 2):
        other = at + step * (width - 1)
        if not 0 <= other < len(tokens):
            continue
        first, last = min(at, other), max(at, other)
        if all(_plain(t.group()) for t in tokens[first : last + 1]) and not any(
            _ends_sentence(t.group()) or _broken(text, t, n)
            for t, n in zip(tokens[first:last], tokens[first + 1 : last + 1], strict=True)
        ):
            code = _country_at(text, tokens, first, last, language)
            if code is not None and not _inside_a_name(text, tokens, first, last):
                return "country", code, other
    word = tokens[at].group()
    low = word.lower()
    if low in _LINKS or low in _OF:
        return "link", None, at
    if low in _AWAY:
        return "away", None, at
    if (
        _title_word(word)
        or _LOCAL.match(word)
        or _MEMBER.match(word)
        or _POST.match(word)
        or low in _MODIFIERS
    ):
        return "title", None, at
    if low in _AND:
        return "and", None, at
    code = _country_at(text, tokens, at, at, language) if word != "," else None
    if (
        code is not None
        and not _inside_a_name(text, tokens, at, at)
        and not _after_a_qualifier(text, tokens, at, code, language)
    ):
        return "country", code, at
    return "other", None, at


#: Points of the compass and words of a region, which begin a state's name or adjective
#: ("South Korean") or a region's ("South American", "Northern Irish", "Central American",
#: "Latin American").
_POINTS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                     "western", "central", "latin", "nord", "sud", "norte", "sur", "süd"})  # fmt: skip


def _after_a_qualifier(
    text: str, tokens: list[re.Match[str]], at: int, code: str, language: str
) -> bool:
    """Whether a capitalised word joined before the state's word at ``at`` makes another
    place's word of it: a region's ("South American", "Central American", "Latin
    American": a continent's or region's people, no American), the word being none of the
    state's own name ("South Korean" is Korea's), or another state's, the two words
    beginning its name ("Equatorial Guinean" of Equatorial Guinea, "New Guinean" of Papua
    New Guinea: no Guinean). An adjective of several words is read whole before its last
    word is (:func:`_classify`); a word left here is one the country tables did not join."""
    if at == 0:
        return False
    before, word = tokens[at - 1].group(), normalise_text(tokens[at].group())
    if _broken(text, tokens[at - 1], tokens[at]) or not before[:1].isupper():
        return False
    if before.lower() in _POINTS and not _of_the_name(before, code, language):
        return True
    if not _of_the_name(before, code, language) and _fused_into_another(
        before, tokens[at].group(), code, language
    ):
        return True
    return any(
        other != code and len(head) > 3 and word.startswith(head)
        for head, other in _name_heads(language).get(normalise_text(before), ())
    )


@lru_cache(maxsize=4096)
def _fused_into_another(before: str, word: str, code: str, language: str) -> bool:
    """Whether the capitalised word ``before`` a capitalised state's adjective ``word`` joins
    it into the name of another place or people ("New Mexican" of New Mexico, "Native
    American", "Anglo Irish", "West Indian"), which names no state ``code``. The country
    tables decide, reading the two words together (:func:`countries_in_text`: its fused
    places and peoples), so the list of such names lives in one place and is closed. Any
    other capitalised word leaves the state: English capitalises many a word for its place
    ("Reformist Iranian President X" opening a sentence, "In Nairobi Kenyan President X",
    a headline's "Japan Hosts Kenyan President X", "and Fellow Kenyan President X"). Only
    the word before decides: the adjective alone must name the state."""
    if not (before[:1].isupper() and word[:1].isupper()) or before.upper() == before:
        return False
    reading = _reading(language)
    return code in countries_in_text(word, reading) and code not in countries_in_text(
        f"{before} {word}", reading
    )


@cache
def _name_heads(language: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each word that begins a pair of words in a state's name, the word after it
    and the state: "equatorial" -> ("guinea", GNQ), "new" -> ("guinea", PNG), ("zealand",
    NZL). Read once per language from the country tables, for :func:`_after_a_qualifier`."""
    heads: dict[str, set[tuple[str, str]]] = {}
    for code in [c.alpha_3 for c in pycountry.countries] + list(EXTRA_ALPHA3):
        for name in folded_country_names(code, language).values():
            words = name.split()
            for first, second in pairwise(words):
                heads.setdefault(first, set()).add((second, code))
    return {first: tuple(sorted(pairs)) for first, pairs in heads.items()}


def _inside_a_name(text: str, tokens: list[re.Match[str]], first: int, last: int) -> bool:
    """Whether a country's name stands inside a longer proper name, a capitalised word
    joined to it ("New Mexico", "Jordan Peterson", "Georgia Tech"): it names no country."""
    if not _a_name(text[tokens[first].start() : tokens[last].end()].split()[0]):
        return False
    joined = [
        tokens[i]
        for i, near in ((first - 1, first), (last + 1, last))
        if 0 <= i < len(tokens)
        and _plain(tokens[i].group())
        and not _broken(text, *sorted((tokens[i], tokens[near]), key=lambda t: t.start()))
        and not _ends_sentence(tokens[min(i, near)].group())
    ]
    return any(_one_country(t.group(), "en") is None for t in joined)


def _plain(word: str) -> bool:
    """A word that may be part of a country's name of several words: a capitalised word,
    no title or little word."""
    low = word.lower()
    little = _LINKS | _OF | _AWAY | _AND
    return word[:1].isupper() and low not in little and not _title_word(word)


def _ends_sentence(word: str) -> bool:
    """Whether a word ends its sentence ("Denmark."), not an abbreviation ("U.S.", "Dr.")."""
    return word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,2}\.", word)


def _before_name(text: str, start: int, language: str) -> tuple[set[str] | None, int | None]:
    """The states of the title phrase that ends right before offset ``start`` ("Belgian
    Prime Minister", "le Premier ministre du Canada,"), and where a coordination "and"
    before the phrase stands, if one does ("President A and Prime Minister B")."""
    kinds, joined = _kinds_before(text, start, language)
    return _phrase_states(kinds), joined


def _kinds_before(text: str, start: int, language: str) -> tuple[list[Kind], int | None]:
    """The words of the title phrase before offset ``start`` in reading order, and where
    a coordination "and" before it stands. A mark of :data:`_BREAK` ends the phrase as a
    full stop does."""
    region_start = max(0, start - _REACH)
    tokens = list(_TOKEN.finditer(text, region_start, start))
    at = len(tokens) - 1
    if at >= 0 and tokens[at].group() == ",":
        at -= 1  # an apposition: "le Premier ministre du Canada, Mark Carney"
    if at >= 0 and _break_between(text, tokens[at].end(), start):
        return [], None
    kinds: list[Kind] = []
    joined = None
    while at >= 0 and len(kinds) < 12:
        if _ends_sentence(tokens[at].group()):
            break  # the sentence before
        kind, code, end = _classify(text, tokens, at, -1, language)
        pair = _pair_of_titles(text, tokens, at, kinds, language) if kind == "and" else None
        if pair == "one":
            kind = "link"  # one holder's two titles: "State Councillor and Foreign Minister"
        elif pair == "unsure":
            return [], None  # "Ukrainian lawmaker and former Russian envoy X": whose?
        if kind == "and":
            joined = tokens[at].start()
        if kind == "other" and _GOVERNS_A_NAME.match(tokens[at].group()):
            kinds.append(("away", None, tokens[at].group()))
        elif kind == "other" and _INITIALS.fullmatch(tokens[at].group()):
            kinds.append(("initials", None, tokens[at].group()))  # "UN Myanmar envoy"
        if kind in ("and", "other") or tokens[at].group() == ",":
            break
        kinds.append((kind, code, text[tokens[end].start() : tokens[at].end()]))
        if end > 0 and _broken(text, tokens[end - 1], tokens[end]):
            break
        at = end - 1
    kinds.reverse()
    return kinds, joined


def _pair_of_titles(
    text: str, tokens: list[re.Match[str]], at: int, kinds: list[Kind], language: str
) -> Literal["one", "two", "unsure"] | None:
    """What the "and" at token ``at`` joins when it joins two titles with no name between
    them (else None): "one" holder's ("Chinese State Councillor and Foreign Minister Wang
    Yi"), "two" people's ("the U.S. President and Prime Minister X", "between the Russian
    ambassador and Foreign Minister X"), or "unsure". Two when an article, possessive or
    determiner opens the first title (a person of its own) or "between"/"with" frames the
    pair (which wants two). One when neither does and each title is an office one person
    commonly holds with another (:data:`_CONCURRENT`: a minister's portfolio, a deputy's,
    a state councillor's, a crown prince's). Otherwise unsure ("Ukrainian President and
    Prime Minister X", "Ukrainian lawmaker and former Russian envoy X"): the phrase then
    attaches no state, as the model's empty one beats a wrong one."""
    if at == 0 or not kinds or kinds[-1][0] != "title":
        return None
    second = []
    for kind, _, word in reversed(kinds):
        if kind not in ("title", "link"):
            break
        second.append(word)
    first = []
    back = at - 1
    while back >= 0:
        kind, _, end = _classify(text, tokens, back, -1, language)
        if kind not in ("title", "link") or _ends_sentence(tokens[back].group()):
            break
        first.append(tokens[back].group())
        back = end - 1
    if not first:
        return None
    opener = back
    while opener >= 0 and _classify(text, tokens, opener, -1, language)[0] == "country":
        opener = _classify(text, tokens, opener, -1, language)[2] - 1
    if opener >= 0 and tokens[opener].group().lower() in _OPENERS:
        return "two"
    if all(_CONCURRENT.search(" ".join(t).lower()) for t in (first[::-1], second)):
        return "one"
    return "unsure"


#: Words before a title that make it a person's of its own, or frame two people: an
#: article, a possessive ("'s" leaves "s"), a determiner, "between", "with".
_OPENERS = frozenset({"the", "a", "an", "s", "his", "her", "its", "their", "our", "my",
                      "your", "this", "that", "these", "those", "le", "la", "les", "l", "un",
                      "une", "el", "los", "las", "una", "der", "die", "das", "den", "dem",
                      "ein", "eine", "einen", "between", "with", "entre", "avec", "con",
                      "zwischen", "mit"})  # fmt: skip
#: Offices one person commonly holds together with another: a minister's portfolio
#: ("Deputy Prime Minister and Foreign Minister"), a deputy's or vice's, a state
#: councillor's, a secretary's, a crown prince's ("Crown Prince and Prime Minister").
_CONCURRENT = re.compile(
    r"minist|councill?or|counsell?or|deputy|vice|vize|secretar|crown prince|premier"
    r"|kronprinz|prince héritier|príncipe heredero"
)


#: Initials that end a title phrase, an organisation's ("UN", "EU", "ASEAN"): they say
#: whose the post after them is (see :func:`_the_post_s_name`).
_INITIALS = re.compile(r"[A-Z]{2,6}|(?:[A-Z]\.){2,}")
#: Words whose object a country's name right after them is, not a title's modifier:
#: "After visiting Ukraine President X met ...", "talks on Ukraine President X met ...".
_GOVERNS_A_NAME = re.compile(
    r"^(?:[a-z]+ing|from|on|about|after|since|over|into|across|toward|towards|against"
    r"|through|throughout|around|inside|outside|beyond|within)$"
)


def _sub_national(kinds: list[Kind]) -> bool:
    """Whether a title phrase holds a title of sub-national office (:data:`_LOCAL`, "state
    senator", "the state of", a lawmaker not named with a nation's adjective): its place,
    before the name or after it ("Governor X of Georgia", "Georgia lawmaker X"), is none.
    The "State" of a nation's office ("Ukrainian State Secretary", "State Councilor",
    "President of the State of Israel") is no federated state."""
    words = [word for _, _, word in kinds]
    padded = ["", "", *words]
    local = any(
        _local_office(padded[at + 1], word, after_the=padded[at].lower() == "the")
        for at, word in enumerate(words)
    )
    return local or (any(_MEMBER.match(w) for w in words) and not _by_adjective(kinds))


def _by_adjective(kinds: list[Kind]) -> bool:
    """Whether a title phrase names a state by its adjective ("Ukrainian lawmaker"), which
    is a nation's: a federated state is named by its name ("Georgia lawmaker")."""
    return any(kind == "country" and not _a_name(word) for kind, _, word in kinds)


def _local_office(before: str, word: str, *, after_the: bool) -> bool:
    """Whether ``word`` (after ``before``, itself after "the" if ``after_the``) makes a title
    phrase a sub-national office's: a city's or a province's title ("Governor", "Mayor"),
    an office of a federated state ("state senator") or "the state of" (lower case: "the
    State of Israel" is a nation's name)."""
    if before.lower() == "state":
        if _STATE_OFFICE.match(word):
            return True
        if before == "state" and after_the and word.lower() == "of":
            return True
        if before == "State" and _STATE_COUNCIL.match(word):
            return False  # China's State Councilor, Myanmar's State Counsellor
    return _LOCAL.match(word) is not None


def _after_name(text: str, end: int, language: str) -> set[str] | None:
    """The states of the title phrase right after offset ``end``: a complement ("Lars Holm
    of Denmark") or an apposition (", Prime Minister of Denmark,"). An apposition is the
    person's own only if it has no name of its own before it closes: in a list ("Biden,
    Japanese Prime Minister Kishida and officials") the title is the next person's. A
    phrase that goes on to an organisation ("of the Danish Red Cross") attaches none."""
    tokens = list(_TOKEN.finditer(text, end, min(len(text), end + _REACH)))
    at = 0
    if not tokens or _break_between(text, end, tokens[0].start()):
        return None
    if tokens[0].group() == ",":
        at = 1
    elif tokens[0].group().lower() not in _OF:
        return None
    kinds: list[Kind] = [("title", None, "")] if at == 0 else []
    while at < len(tokens) and len(kinds) < 12:
        kind, code, last = _classify(text, tokens, at, 1, language)
        if _BODY.match(tokens[at].group()):
            return None
        if at > 0 and kind == "other" and tokens[at].group()[:1].isupper():
            return None  # a name of its own: "X, Japanese Prime Minister Y and" is Y's title
        if kind in ("and", "other") or tokens[at].group() == ",":
            break
        kinds.append((kind, code, text[tokens[at].start() : tokens[last].end()]))
        if _ends_sentence(tokens[last].group()) or (
            last + 1 < len(tokens) and _broken(text, tokens[last], tokens[last + 1])
        ):
            break
        at = last + 1
    return _phrase_states(kinds)


def _mentions_of(name: str, text: str) -> list[re.Match[str]]:
    """Where ``text`` names the person: their whole name, else its last word (a surname).
    A wrapped line may break between the name's words ("Anna\\nBerg")."""
    for form in (name.strip(), name.split()[-1] if name.split() else ""):
        if len(form) > 2:
            spaced = r"\s+".join(re.escape(word) for word in form.split())
            found = list(re.finditer(rf"(?<!\w){spaced}(?!\w)", text))
            if found:
                return found[:20]
    return []


def stated_state(
    name: str,
    text: str,
    language: str,
    others: Sequence[str] = (),
    depth: int = 0,
    *,
    shared: bool = True,
    within: tuple[int, int] | None = None,
) -> str | None:
    """The state the text attaches to a person's title, or None.

    A person's state is the one their title carries, as a modifier ("Belgian
    PM Lars Holm", "le président sénégalais Faye", "der dänische Regierungschef
    Holm") or a complement ("Prime Minister Lars Holm of Denmark", "le Premier
    ministre du Canada, Mark Carney"); coordinated titles share the first one's
    ("Kosovo President A and Prime Minister B"). It says whom the person speaks
    for, which the model may confuse with the state the meeting was about. The
    first mention that attaches one state decides; a title attaching two ("US
    envoy to Ukraine" attaches only the US) decides nothing. ``within`` (start, end)
    reads only the mentions there (a quote where it stands). ``shared=False`` reads
    only the person's own title: sharing is a guess English cannot confirm ("German
    Chancellor Scholz and President Biden" has the Kosovo example's shape).
    """
    for match in _mentions_of(name, text):
        if within is not None and not within[0] <= match.start() < within[1]:
            continue
        kinds, joined = _kinds_before(text, match.start(), language)
        before = _phrase_states(kinds)
        coordinated = _coordinated_states(text, kinds, joined, language)
        if coordinated:
            before = {coordinated[0]}  # "Ukrainian and Polish Presidents A and B": A's
        after = None if _sub_national(kinds) else _after_name(text, match.end(), language)
        states = (before or set()) | (after or set())
        if not states and joined is not None and before is None and depth == 0:
            states = _second_of_coordinated(text[:joined], others, language)
        if not states and shared and joined is not None and before is not None and depth == 0:
            states = _shared(text[:joined], others, language)
        if not states and not joined:
            states = _apposed_states(text, match.start(), language)
        if len(states) == 1:
            return next(iter(states))
    return None


def _apposed_states(text: str, start: int, language: str) -> set[str]:
    """The states of a title phrase that a person's own stateless title is in apposition
    to ("his Chinese counterpart, Foreign Minister B", "son homologue chinois, le ministre
    B"): the words between its comma and the name at ``start`` are all of a title; the
    phrase before the comma says whose. A name before the comma ("Japanese Prime Minister
    A, Foreign Minister B", a list) gives nothing."""
    words = list(_TOKEN.finditer(text, max(0, start - _REACH), start))
    at = len(words) - 1
    while (
        at >= 0
        and words[at].group() != ","
        and (_title_word(words[at].group()) or words[at].group().casefold() in _LINKS)
    ):
        at -= 1
    if at < 0 or at == len(words) - 1 or words[at].group() != ",":
        return set()
    if not any(_title_word(word.group()) for word in words[at + 1 :]):
        return set()
    if not _determined_title(words[:at]):
        return set()  # "In meetings with Vietnamese leaders, Vice President B"
    return _phrase_states(_kinds_before(text, words[at].end(), language)[0]) or set()


#: What opens a noun phrase a person may be in apposition to: an article or a possessive
#: ("his Chinese counterpart", "the President of Kenya", "son homologue", "su homólogo").
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "le", "la", "l",
                          "un", "une", "son", "sa", "leur", "el", "su", "der", "die", "den",
                          "dem", "ein", "eine", "einen", "sein", "seine", "seinen", "ihr",
                          "ihre", "ihren"})  # fmt: skip


def _determined_title(words: Sequence[re.Match[str]]) -> bool:
    """Whether ``words`` end with a title phrase opened by a determiner
    (:data:`_DETERMINERS`): only titles, their states and links after it, one title at
    least ("his Chinese counterpart", "the President of Kenya"). A bare plural after a
    preposition ("with Vietnamese leaders") is an adjunct, not a phrase in apposition."""
    titled = False
    for word in reversed(words):
        token = word.group()
        if token.casefold() in _DETERMINERS:
            return titled
        if _title_word(token):
            titled = True
        elif token.casefold() not in _LINKS and not countries_in_text(token):
            return False
    return False


def _coordinated_states(
    text: str, kinds: list[Kind], joined: int | None, language: str
) -> list[str]:
    """The states of coordinated adjectives before a plural title, in reading order
    ("Ukrainian and Polish Presidents A and B": UKR, POL), or none: each adjective is one
    holder's, respectively, so the first name after the title is the first state's, not
    the last's. The adjectives are read back from the "and" at ``joined`` (commas may
    separate more: "German, French and Polish leaders"). The title must be plural by its
    head (:func:`_head_title`): a portfolio's "Affairs" makes no plural of "Polish
    Minister of Foreign Affairs", whose "and" before joins another person ("X of Sweden
    and Polish ...")."""
    words = [(kind, code, word) for kind, code, word in kinds if kind != "link"]
    head = _head_title(kinds)
    if (
        joined is None
        or not words
        or words[0][0] != "country"
        or words[0][1] is None
        or head is None
        or not _PLURAL.search(head)
    ):
        return []
    tokens = list(_TOKEN.finditer(text, max(0, joined - _REACH), joined))
    found: list[str] = []
    at = len(tokens) - 1
    while at >= 0:
        if tokens[at].group() == "," and found:
            at -= 1
            continue
        kind, code, end = _classify(text, tokens, at, -1, language)
        if kind != "country" or code is None:
            break
        found.append(code)
        at = end - 1
    return [*reversed(found), words[0][1]] if found else []


#: A title in the plural, in English, French or Spanish: "Presidents", "ministres".
_PLURAL = re.compile(r"[^s]s$", re.I)


def _head_title(kinds: list[Kind]) -> str | None:
    """The head noun of a title phrase, whose number is the title's: its last title word
    before a complement ("Minister" of "Minister of Foreign Affairs", "Ministers" of
    "Ministers of Foreign Affairs", "Secretary" of "Secretary of Veterans Affairs") that
    qualifies no other (:data:`_MODIFIERS`: "Minister" of "Foreign Affairs Minister").
    A portfolio's plural ("Affairs", "Communications", "Fisheries") is the complement's
    number, not the title's: one minister holds it."""
    head = None
    for kind, _, word in kinds:
        if kind == "link" and word.lower() in _OF and head is not None:
            break
        if kind == "title" and word.lower() not in _MODIFIERS:
            head = word
    return head


def _second_of_coordinated(head: str, others: Sequence[str], language: str) -> set[str]:
    """The state of the second of two names after coordinated adjectives and a plural
    title ("Ukrainian and Polish Presidents A and B": B is Polish), where ``head`` ends
    with the first name; none when the adjectives are not two (which name is whose?)."""
    head = head.rstrip()
    for other in others:
        for form in (other.strip(), other.split()[-1] if other.split() else ""):
            if len(form) > 2 and head.endswith(form):
                kinds, joined = _kinds_before(head, len(head) - len(form), language)
                coordinated = _coordinated_states(head, kinds, joined, language)
                return {coordinated[1]} if len(coordinated) == 2 else set()
    return set()


def _shared(head: str, others: Sequence[str], language: str) -> set[str]:
    """The modifier state of the titled person whose name ends ``head`` (the first of two
    coordinated titles: "Kosovo President A" of "Kosovo President A and Prime Minister B")."""
    head = head.rstrip()
    for other in others:
        for form in (other.strip(), other.split()[-1] if other.split() else ""):
            if len(form) > 2 and head.endswith(form):
                states = _before_name(head, len(head) - len(form), language)[0]
                return states or set()
    return set()


def _own_state(
    actor: Actor, quote: str, text: str, language: str, others: Sequence[str], *, shared: bool
) -> str | None:
    """The state the quote, else the article, attaches to ``actor``'s title (with
    ``shared``, also a state shared from a coordinated title)."""
    for source, within in _sources(quote, text):
        state = stated_state(actor.name, source, language, others, shared=shared, within=within)
        if state is not None:
            return state
    return None


def _sources(quote: str, text: str) -> list[tuple[str, tuple[int, int] | None]]:
    """Where a title is read: the quote, then the article. A quote that crosses a line
    break is read where it stands in the article, whose lines around it tell a headline's
    break from a wrap's (:func:`_set_breaks`): cut out, a long headline over one short
    line of body looks wrapped with it."""
    at = text.find(quote) if "\n" in quote.strip() else -1
    if at >= 0:
        return [(text, (at, at + len(quote))), (text, None)]
    return [(quote, None), (text, None)] if quote != text else [(text, None)]


def _trusted_share(actor: Actor, state: str, text: str, language: str, direct: set[str]) -> bool:
    """Whether a state shared from a coordinated title ("Kosovo President A and Prime
    Minister B") may replace the model's: sharing is a guess English cannot confirm
    ("German Chancellor Scholz and President Biden" has the same shape), so it replaces
    only a country the model left empty, one the article never names, or another
    participant's own (the model confused the two). A country named only as a topic is
    no exception: "U.S. President Trump and Prime Minister Netanyahu met to discuss
    support for Israel" names Israel only as a topic, yet it is Netanyahu's."""
    if not actor.country or actor.country == state:
        return True
    return actor.country in direct or actor.country not in countries_in_text(text, language)


def _of_their_states(participants: list[Actor], make: Builder) -> tuple[list[Actor], bool]:
    """Each participant with the state the text attaches to their title, over the model's:
    a meeting's sides are the states of the people who met. Also whether the text
    attaches one to every participant (then the sides are all known)."""
    text = str(make.context.get("text", ""))
    names = [a.name for a in participants]
    direct = {
        a.name: _own_state(a, make.quote, text, make.language, [n for n in names if n != a.name],
                           shared=False)
        for a in participants
    }  # fmt: skip
    placed: list[Actor] = []
    every = True
    for actor in participants:
        others = [n for n in names if n != actor.name]
        state = direct[actor.name]
        if state is None:
            state = _own_state(actor, make.quote, text, make.language, others, shared=True)
            owned = {v for n, v in direct.items() if n != actor.name and v is not None}
            if state is not None and not _trusted_share(actor, state, text, make.language, owned):
                state = None
        every = every and state is not None
        if state is not None and state != actor.country:
            make.warn(f"the text calls {actor.name} a person of {state}: country {actor.country} "
                      f"recoded {state}")  # fmt: skip
            actor = actor.model_copy(update={"country": state})
        placed.append(actor)
    return placed, every


_TOPIC = TOPIC_OPENERS
_SENTENCE = CLAUSES
#: A number after "about", "sobre", "über", "sur": "about 20 leaders", "sobre las diez",
#: "über 20 Minister" say how many or when (roughly, more than), not what was discussed.
_NUMBER_AFTER = re.compile(
    r"\s+(?:(?:a|some|las?|les?|die|den)\s+)?(?:\d|(?:one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen"
    r"|thousand|une?|deux|trois|quatre|cinq|dix|douze|vingt|trente|cent|mille|uno?|una|dos"
    r"|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|cien|mil|ein\w*|zwei"
    r"|drei|vier|fünf|zehn|zwölf|zwanzig|hundert|tausend|Dutzend)(?!\w))",
    re.I,
)
_ROUGHLY_WORDS = frozenset({"about", "sobre", "über", "sur"})
#: The nouns of a state of affairs, whose preposition is part of the topic ("the situation
#: in X", "la situation à X", "la situación en X", "die Lage in X", "ситуация в X").
_STATE_NOUN = re.compile(
    r"(?:situation|situación|situação|situazione|war|guerre|guerra|Krieg|crisis|crise|Krise"
    r"|conflict|conflit|conflicto|Konflikt|Lage|ситуаци\w*|войн\w*)\s+$",
    re.I,
)
#: A preposition of where someone met or went: a place after it is a venue, not a topic.
_VENUE_WORD = re.compile(r"(?<!\w)(?:in|im|at|en|à|au|aux|dans|в|во)(?!\w)|在", re.I)


def _topic_openings(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The words between ``start`` and ``end`` that open what was discussed; "about 20
    leaders", "sobre las diez" say roughly how many or when, and open nothing."""
    return [
        m
        for m in _TOPIC.finditer(text, start, end)
        if m.group().lower() not in _ROUGHLY_WORDS or not _NUMBER_AFTER.match(text, m.end())
    ]


def _governs(text: str, opening: re.Match[str], at: int) -> bool:
    """Whether the topic word ``opening`` governs offset ``at``: no preposition of a venue
    stands between them ("discussed trade with Kishida in Tokyo": Tokyo is where they met),
    but the one of a state of affairs ("the situation in X") is the topic's own."""
    for venue in _VENUE_WORD.finditer(text, opening.end(), at):
        if not _STATE_NOUN.search(text, opening.start(), venue.start()):
            return False
    return True


def said_to_be_discussed(text: str, at: int) -> bool:
    """Whether offset ``at`` stands inside a phrase of what was discussed in its sentence ("to
    discuss the situation in Beijing", "pour parler du Soudan", "讨论北京局势"): a place
    named there is a topic, not where anyone met or went. A place after a venue's
    preposition ("talks about Sudan ... met X in Tokyo") is where they met."""
    start = max((m.end() for m in re.finditer(rf"[.;!?{STOPS}]", text[:at])), default=0)
    openings = _topic_openings(text, start, at)
    return bool(openings) and _governs(text, openings[-1], at)


def _sides(
    countries: list[str], participants: list[Actor], known: bool, make: Builder
) -> list[str]:
    """The model's countries that are sides of the meeting.

    A meeting's sides are the states of the people who met. When those give
    two sides or more, a country tied to no participant is a topic, not a side,
    if the evidence names it only after words of what was discussed ("They discussed
    support for Ukraine", "pour parler du Soudan"), or if the text attaches a state
    to every participant (``known``), the evidence does not name it, and the article
    names it nowhere else than as a topic. That every participant's state is known never drops a
    country alone: a side named without a person ("met Polish officials", "Officials
    from Germany also took part") stays.
    """
    theirs = {a.country for a in participants if a.country}
    if len(theirs) < 2:
        return countries
    sides, topics = _named_as(make.quote, make.language)
    kept = []
    for code in countries:
        if code in theirs or code in sides or not _only_a_topic(code, topics, known, make):
            kept.append(code)
        else:
            make.warn(f"{code} is no participant's country and the evidence does not name it "
                      "as a side: a topic, not a side of the meeting")  # fmt: skip
    return kept


def _only_a_topic(code: str, topics: set[str], known: bool, make: Builder) -> bool:
    """Whether the text names ``code`` at most as what was discussed: the evidence does, or
    the evidence does not name it and the article names it nowhere but in what was
    discussed ("They discussed support for Ukraine" outside the evidence: a state no
    participant is of and no sentence names as a side is none). A country the article
    never names is no side either when every participant's state is known."""
    if code in topics:
        return True
    if code in countries_in_text(make.quote, _reading(make.language)):
        return False
    text = str(make.context.get("text", ""))
    if code in _named_as(text, make.language)[0]:
        return False
    return known or code in countries_in_text(text, _reading(make.language))


def _reading(language: str) -> str | None:
    """The language ``countries_in_text`` reads names in (English names are read always)."""
    return None if language == "en" else language


def _named_as(quote: str, language: str) -> tuple[set[str], set[str]]:
    """The countries a quote names outside what its sentences say was discussed, and those
    it names only there. People met "with" ("discussed defence with Polish officials",
    "ont parlé avec des responsables polonais") are a side, not a topic."""
    sides: set[str] = set()
    topics: set[str] = set()
    reading = _reading(language)
    for sentence in _SENTENCE.finditer(quote):
        said = sentence.group()
        openings = _topic_openings(said, 0, len(said))
        cut = openings[0].start() if openings else len(said)
        sides |= set(countries_in_text(said[:cut], reading))
        for start, end in _with_people(said, cut, openings):
            sides |= set(countries_in_text(said[start:end], reading))
        topics |= set(countries_in_text(said[cut:], reading))
    return sides, topics - sides


#: "With" before whom someone talked: "discussed X with Polish officials".
_WITH = re.compile(r"(?<!\w)(?:with|avec|con|mit)(?!\w)", re.I)
#: Nouns of people one talks with, beside the titles (:data:`_TITLE`: "officials",
#: "leaders", "responsables"): "business leaders", "empresarios", "Unternehmern".
_PEOPLE = re.compile(
    r"^(?:business\w*|executives?|investors?|delegat\w*|délégu\w*|délégation|represent\w*"
    r"|représentant\w*|vertreter\w*|beamt\w*|funcionari\w*|fonctionnaires?|empresari\w*"
    r"|unternehmer\w*|industriels?|industriales|entrepreneurs?|emprendedores|politik\w*"
    r"|politicians?|politiques|políticos|counterparts?|homólog\w*|homologues?|kolleg\w*)$",
    re.I,
)


def _with_people(said: str, cut: int, openings: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The stretches of a sentence past its first topic word (``cut``) that say with whom
    people talked: from "with"/"avec"/"con"/"mit" to the next topic word, when they name
    people ("with Polish officials"), not a thing ("cooperation with Ukraine")."""
    found = []
    for word in _WITH.finditer(said, cut):
        end = min((m.start() for m in openings if m.start() > word.end()), default=len(said))
        if any(
            _PEOPLE.match(t.group()) or _TITLE.search(t.group().lower())
            for t in _TOKEN.finditer(said, word.end(), end)
        ):
            found.append((word.start(), end))
    return found


def terms(draft: MeetingDraft) -> tuple[set[str], set[str]]:
    names, codes = person_terms(list(draft.participants))
    return draft_terms(names, [*draft.countries, *codes], [draft.place], set())


def from_visits(
    records: Sequence[Record], types: Sequence[str], context: dict[str, Any]
) -> list[Record]:
    """The meeting a visit's evidence states between visitors and hosts ("X visited Y
    and met Z" is also a meeting: PLOVER CONSULT visit and CONSULT meet)."""
    from extractor.types.visit import Visit

    derived: list[Record] = []
    for visit in records:
        if not isinstance(visit, Visit) or not visit.visitors or not visit.hosts:
            continue
        if not any(p.search(visit.evidence.cited_text) for p in MET_IN_PERSON_CUES.values()):
            continue
        countries = [c for c in (visit.visitor_country, visit.host_country) if c]
        # one person is one participant, though the model listed them as visitor and host
        people: dict[str, Actor] = {}
        for actor in [*visit.visitors, *visit.hosts]:
            people.setdefault(normalise_text(actor.display_name), actor)
        data = {
            "participants": list(people.values()),
            "countries": countries,
            "format": "bilateral" if len(set(countries)) == 2 else None,
            "place": visit.place,
            "date": visit.start,
            "status": visit.status,
            "attribution": visit.attribution,
            "evidence": visit.evidence.model_dump(),
        }
        try:
            derived.append(Meeting.model_validate(data, context=context))
        except ValidationError:
            continue
    return derived


COLUMNS = (
    col.Column("participants", "list", col.actor_names("participants")),
    col.Column("participant_titles", "list", col.actor_titles("participants")),
    col.Column("countries", "list", col.listed("countries")),
    col.Column("format", "str", col.field_of("format")),
    *col.place_columns(),
    *col.date_columns("date"),
    col.Column("topics", "list", col.listed("topics")),
    col.Column("outcome", "str", col.field_of("outcome")),
)

TABLE = (
    ("participants", lambda m: col.display_names(m.participants)),
    ("countries", lambda m: ", ".join(m.countries_involved)),
    ("place", lambda m: m.place.text if m.place else ""),
    ("date", lambda m: col.show_date(m.date)),
    ("status", lambda m: m.status.value),
)


def to_gold(record: Record) -> dict[str, Any]:
    assert isinstance(record, Meeting)
    return {
        "participants": [a.name for a in record.participants],
        "countries": list(record.countries_involved),
        "place": record.place.text if record.place else None,
        "date": record.date.value if record.date else None,
    }


def from_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
    from extractor.types.goldspec import gold_date

    return {
        "participants": [Actor(name=n) for n in gold["participants"]],
        "countries": gold.get("countries") or [],
        "place": Place(text=gold["place"]) if gold.get("place") else None,
        "date": gold_date(gold.get("date")),
    }


def matchable(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """A participant name matches, or the country sets are equal or share two countries."""
    from extractor.evaluation.matching import _country_set, _names_overlap

    if _names_overlap(gold.get("participants"), pred.get("participants")):
        return True
    gs, ps = _country_set(gold.get("countries")), _country_set(pred.get("countries"))
    if not gs or not ps:
        return False
    return gs == ps or len(gs & ps) >= 2


SPEC = RecordSpec(
    record=Meeting,
    draft=MeetingDraft,
    build=build,
    terms=terms,
    plural="meetings",
    label="meetings",
    cues=MEETING_CUES,
    template="types/meeting.j2",
    columns=COLUMNS,
    table=TABLE,
    derive=from_visits,
    gold=GoldSpec(
        fields={
            "participants": K.NAMES,
            "countries": K.COUNTRY_SET,
            "place": K.TEXT,
            "date": K.DATE,
        },
        to_gold=to_gold,
        from_gold=from_gold,
        matchable=matchable,
        strict=("countries",),
    ),
)
