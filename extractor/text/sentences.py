"""Number an article's sentences so the model cites evidence by number.

Copying a quote verbatim is where small models fail most: they paraphrase,
swap curly quotes, splice two sentences or copy the wrong one, and every
copied token costs generation time. Instead, the prompt shows the article
with ``[n]`` before each sentence and the model answers with sentence
numbers; the quote and its offsets are then taken from the text itself, so
evidence is verbatim and exactly aligned by construction. Whether the cited
sentences actually carry the record's facts is still checked by validation.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.text.dates import MONTH_ABBREVIATIONS

#: Marks that end a sentence only before blanks and what may open one, as the full stop does:
#: it also ends abbreviations ("Gen."), stands in numbers and is typed for a question or an
#: exclamation inside a sentence. Unicode's Sentence_Terminal marks of Latin use (the double
#: and paired "!" and "?", the interrobang, the medieval and reversed question marks), the
#: other full stops it calls ATerm (one dot leader, small and full-width full stops), the
#: ellipsis, and the Greek question mark (U+037E, which Unicode leaves out: NFC makes it ";").
DOTS = ".!?…\u203c\u203d\u2047-\u2049\u2e2e\u2e3c\u2e53\u2e54\u2e60\u2e61\u2024\ufe52\uff0e\u037e"
#: Greek letters: a ";" right after one is the Greek question mark (NFC writes U+037E as ";",
#: and Greek writes its semicolon as the ano teleia "·", never ";").
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
#: Marks that end a sentence wherever they stand, blank after them or not: every other
#: Sentence_Terminal character of Unicode (PropList.txt, Unicode 17: what the ``regex`` module
#: calls ``\p{Sentence_Terminal}``) but the ideographic "。！？" (their own rule below) and
#: U+104A MYANMAR SIGN LITTLE SECTION (Burmese's comma), and the Tibetan shads U+0F0D-U+0F12
#: (Tibetan ends each sentence with one; Unicode leaves them out as they also end clauses).
#: Only ".!?…。！？" used to end a sentence, so a Hindi, Urdu, Bengali, Amharic, Burmese,
#: Armenian or Tibetan article was one sentence: a meeting's evidence took in an accident.
STOPS = (
    "\u0589\u061d-\u061f\u06d4\u0700-\u0702\u07f9\u0837\u0839\u083d\u083e\u0964\u0965"
    "\u0f0d-\u0f12\u104b\u1362\u1367\u1368\u166e\u1735\u1736\u17d4\u17d5\u1803\u1809"
    "\u1944\u1945\u1aa8-\u1aab\u1b4e\u1b4f\u1b5a\u1b5b\u1b5e\u1b5f\u1b7d-\u1b7f\u1c3b"
    "\u1c3c\u1c7e\u1c7f\u2cf9-\u2cfb\ua4ff\ua60e\ua60f\ua6f3\ua6f7\ua876\ua877\ua8ce"
    "\ua8cf\ua92f\ua9c8\ua9c9\uaa5d-\uaa5f\uaaf0\uaaf1\uabeb\ufe12\ufe15\ufe16\ufe56"
    "\ufe57\uff61\U00010a56\U00010a57\U00010f55-\U00010f59\U00010f86-\U00010f89\U00011047"
    "\U00011048\U000110be-\U000110c1\U00011141-\U00011143\U000111c5\U000111c6\U000111cd"
    "\U000111de\U000111df\U00011238\U00011239\U0001123b\U0001123c\U000112a9\U000113d4"
    "\U000113d5\U0001144b\U0001144c\U000115c2\U000115c3\U000115c9-\U000115d7\U00011641"
    "\U00011642\U0001173c-\U0001173e\U00011944\U00011946\U00011a42\U00011a43\U00011a9b"
    "\U00011a9c\U00011c41\U00011c42\U00011ef7\U00011ef8\U00011f43\U00011f44\U00016a6e"
    "\U00016a6f\U00016af5\U00016b37\U00016b38\U00016b44\U00016d6e\U00016d6f\U00016e98"
    "\U0001bc9f\U0001da88"
)
#: A clause or sentence of a text: a run of characters with no full stop, semicolon,
#: question or exclamation mark (of any script) in it.
CLAUSES = re.compile(rf"[^.;!?{STOPS}]+")
#: Every mark that may end a sentence, as a regular expression class's insides: the one
#: definition for any pattern that asks whether a sentence or a line ended.
TERMINATORS = f"{DOTS}。！？{STOPS}"
#: What may close a sentence after its mark: quotes and brackets of every script.
_CLOSERS = "\"”’'»›)\\]」』）〕】〉》"
#: A mark of :data:`DOTS`, or a Greek question mark written ";".
_DOT = rf"(?:(?<=[{DOTS}])|(?<=[{_GREEK}];))"
_DOT_QUOTED = rf"(?:(?<=[{DOTS}][\"”’])|(?<=[{_GREEK}];[\"”’]))"

#: What may stand before a sentence's first word: an opening quote or bracket of any
#: language ("« Nous", "„Wir", "¿Por qué", "¡Basta"), a dash opening a line of dialogue
#: before a letter ("— Мы"; "9 a.m. – 5 p.m." is a range), or a currency sign before its
#: figure ("$12 million was paid"). Only Latin quotes and brackets used to count, so a
#: French quotation or a Spanish question after a full stop joined the sentence before it.
_OPENING = r"(?:[\"“‘(\[«‹„‚¿¡]\s?|[—–]\s(?=[^\W\d_])|[$€£¥₦₹]\s?(?=\d))"
#: The openers of :data:`_OPENING` that are signs, not Latin quotes or brackets.
_SIGN_OPENER = re.compile(r"[«‹„‚¿¡—–$€£¥₦₹]")
#: What the full stop before a sign opener ends when it ends no sentence: a price list's
#: leader ("Equipment ........ $ 0", "Totals . . . . $ 120", "Salaries …… $ 120"), an
#: abbreviation written with inner dots ("i.e.", "т.н.", "EE.UU.", "a.m."), or one of the
#: abbreviations a quotation, a price or a figure follows ("so-called", "approx.", "sog.",
#: "прибл.", "art."), in the languages whose press writes them.
_BEFORE_A_SIGN = re.compile(
    r"(?:(?:[.…]\s?){2,}|(?<!\w)\w{1,3}\.(?:\s?\w{1,3}\.)+|(?<!\w)(?i:ca|approx|est|cf|vs|viz|incl|"
    r"excl|esp|resp|vol|art|nos?|pp?|ch|fig|ed|org|dept|govt?|corp|inc|ltd|co|st|etc|al|"
    r"sog|bzw|vgl|usw|evtl|ggf|inkl|zzgl|nr|abs|bd|str|env|av|bd|aprox|núm|pág|sra?|ecc|"
    r"pag|sig|прибл|ок|ул|гг?|др|им|пр|просп|стр|ст|млн|млрд|тыс|руб|долл|см)\.)$"
)
#: How far back a leader or an abbreviation before a sign opener is read.
_BEFORE_A_SIGN_REACH = 12
# A full stop, then blanks, then what may open a sentence: a word character, after what
# may stand before it (:data:`_OPENING`). Whether it does is :func:`_opens_sentence`'s to
# say (``re`` has no class for "not lower case" in every script). After a mark of
# :data:`STOPS` (and the quotes and brackets it closes) a sentence ends, whatever follows;
# a run of marks ("؟!") ends one sentence, after its last mark.
_SENTENCE_END = re.compile(
    rf"{_DOT}([\"”’)\]]*)\s+(?={_OPENING}?\w)|(?<=[。！？])|{_DOT_QUOTED}(?=\s)"
    rf"|(?:(?<=[{STOPS}])|(?<=[{STOPS}][{TERMINATORS}]))(?![{TERMINATORS}])"
    rf"(?P<stop>[{_CLOSERS}]*+)(?![{TERMINATORS}])"
)
_OPENER = re.compile(rf"{_OPENING}?(\w)")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the text at ``at`` (just after a full stop and blanks) can open a sentence:
    a capital of any script (Latin, Cyrillic, Greek ...), a letter of a script without
    case (Arabic, Hebrew, Devanagari, Han ...), or a figure; never a lower-case letter.
    Only capitals of Latin-1 used to count, so a Russian or Greek paragraph was one
    sentence."""
    opener = _OPENER.match(text, at)
    if opener is None:  # the end of a quote, or an ideographic full stop: nothing to check
        return True
    return not opener.group(1).islower()


# Words whose full stop ends no sentence ("Maj. Gen. Smith", "the U.S. Navy",
# "Jan. 5"), and single initials ("John F. Kennedy"). Month abbreviations come
# from the month grammar in dates.py.
_SHORT_FORMS = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Sgt", "Capt", "Adm", "Gov", "Sen",
    "Rep", "St", "Mt", "No", *(m.capitalize() for m in MONTH_ABBREVIATIONS),
    r"U\.S", r"U\.K", r"U\.N", r"E\.U", "Jr", "Sr", "Inc", "Ltd", "Co", "vs", "etc", "approx",
)  # fmt: skip
_ABBREVIATIONS = re.compile(rf"(?:\b(?:{'|'.join(_SHORT_FORMS)})\.|\b[A-Z]\.)$")
#: A day written as an ordinal, "4." in "am 4. März" or "1. und 2. Februar": German and
#: other languages write the day's full stop before the month, which ends no sentence.
_ORDINAL_DAY = re.compile(r"(?<![\d.])\d{1,2}\.$")

#: A figure's scale abbreviated with a full stop ("1,2 Mrd.", "300 Mio.", "5 млрд.")...
_SCALE_ABBREVIATED = re.compile(r"\d\s?(?:Mrd|Mio|Md|Mds|Tsd|Bio|mln|mld|млрд|млн|тыс)\.$")
#: ...that a currency follows ("Euro", "US-Dollar", "EUR", "€", "рублей"): the amount goes
#: on; the stop ended no sentence, and the cited sentence lost the currency.
_CURRENCY_OPENS = re.compile(
    r"\s*(?:[$€£¥₽]|[A-Z]{3}\b|(?:US-?)?Dollar|Euro|Pfund|Franken|Rubel|Yuan|Yen|Kronen|"
    r"Z[lł]oty|руб|долл|евро|dollar|euro)"
)


def _opens_with_month(text: str, at: int) -> bool:
    """Whether ``text`` at ``at`` starts with a month name of a language that writes days as
    ordinals ("März"; English writes "March 4"), or with a joiner before a second ordinal
    day ("und 2. Februar")."""
    word = _NEXT_WORD.match(text, at)
    if word is None:
        return False
    first = word.group(1).casefold()
    if first in _JOINERS:
        return word.group(2) is not None  # "und 2.", never "A man ..."
    return first in _foreign_months()


_NEXT_WORD = re.compile(r"(\w+)(\s+\d{1,2}\.)?")
_JOINERS = frozenset({"und", "bis", "oder", "a", "až", "og", "och", "ja", "és"})


@lru_cache(maxsize=1)
def _foreign_months() -> frozenset[str]:
    from extractor.text.dates import ordinal_day_months

    return ordinal_day_months()


@dataclass(frozen=True, slots=True)
class Sentence:
    number: int
    start: int
    end: int


#: The widest line a hard-wrapped paragraph has (e-mail and press releases wrap at 60 to
#: 80 characters): a block of longer lines holds a paragraph per line, never wrapped.
WRAP_WIDTH_MAX = 100
#: A line shorter than this share of its block's widest ends where its writer ended it
#: (a paragraph's last line, a dateline), not where the width ran out.
_FULL_LINE = 0.5
#: A line that opens a list item, a heading, a quote or a table row starts anew.
_BLOCK_START = re.compile(r"\s*(?:[-*+•>#|]|\d{1,3}[.)])\s")


#: A line break: every one ``str.splitlines`` knows, CR LF as one. A text given to the API
#: keeps its own (only files read are turned to LF), and a lone CR (classic Mac OS), a
#: NEL, a form feed or U+2028/U+2029 (word processors, JavaScript) ended no line: a
#: headline and the paragraphs after it were one sentence, cited whole as evidence.
BREAKS = "\n\r\v\f\x1c-\x1e\x85\u2028\u2029"  # a regular expression class's insides
_BREAK = re.compile(rf"\r\n|[{BREAKS}]")
_LINE = re.compile(rf"[^{BREAKS}]+")


def _line_ends(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with the position of the break after it (``len(text)`` for the
    last line)."""
    lines: list[tuple[int, str]] = []
    position = 0
    for found in _BREAK.finditer(text):
        lines.append((found.start(), text[position : found.start()]))
        position = found.end()
    lines.append((len(text), text[position:]))
    return lines


def soft_breaks(text: str) -> list[int]:
    """The positions of the line breaks of ``text`` that only wrap a paragraph.

    Press releases, e-mail and archives of them (the White House statements
    among them) are hard-wrapped: a newline every 60 to 80 characters, inside
    sentences. Read as sentence ends, they cut "welcomed Chancellor Olaf
    Scholz of" from "Germany to the White House", and the model was shown
    the fragments numbered apart. A break wraps when it stands where greedy
    wrapping would have put it: its line is one of a block of lines (no
    blank line between them) no wider than :data:`WRAP_WIDTH_MAX`, at least
    half the block's widest, and the next line's first word would not have
    fitted after it (in most of the block's lines: wrapped by hand, some end
    early, and those wrap too). A line that opens a list item, heading, quote
    or table row is never joined to the one before.
    """
    breaks: list[int] = []
    block: list[tuple[int, str]] = []  # (where the line ends, the line)
    for end, line in [*_line_ends(text), (len(text) + 1, "")]:
        if line.strip() and not (block and _BLOCK_START.match(line)):
            block.append((end, line))
            continue
        breaks += _wrapped(block)
        block = [(end, line)] if line.strip() else []
    return breaks


def _wrapped(block: list[tuple[int, str]]) -> list[int]:
    """The wrapping breaks after the lines of one block (lines with no blank line between):
    where greedy wrapping broke (:func:`_greedy`), or a sentence plainly goes on (a line
    with no closing mark, the next opening in lower case)."""
    going_on = [
        end for (end, line), (_, following) in itertools.pairwise(block)
        if not _CLOSED.search(line) and following.lstrip()[:1].islower()
    ]  # fmt: skip
    return sorted({*_greedy(block), *going_on})


#: What ends a line that ends a sentence or a clause on purpose.
_CLOSED = re.compile(rf"[{TERMINATORS}:;\"”’)\]]\s*$")


def _greedy(block: list[tuple[int, str]]) -> list[int]:
    if len(block) < 2:
        return []
    widths = [len(line.rstrip()) for _, line in block]
    narrow = [used for used in widths if used <= WRAP_WIDTH_MAX]
    # A line wider than any wrap is a paragraph of its own, or one long word (a link)
    # that wrapping could not break; a block mostly of them is not wrapped.
    if 2 * len(narrow) <= len(widths):
        return []
    width = max(narrow)
    full = [
        (end, used + 1 + len(following.split()[0]) > width)
        for (end, _), used, (_, following) in zip(block, widths, block[1:], strict=False)
        if used >= _FULL_LINE * width
    ]
    # Wrapped by hand or by an editor with a wider margin, some lines end early; the
    # block is wrapped when most of its full lines end where greedy wrapping ends them.
    if 2 * sum(greedy for _, greedy in full) < len(full):
        return []
    return [end for end, _ in full]


def _lines(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s lines, a wrapped paragraph's lines joined into one."""
    soft = set(soft_breaks(text))
    spans: list[tuple[int, int]] = []
    joined = False
    for line in _LINE.finditer(text):
        if joined and spans:
            spans[-1] = (spans[-1][0], line.end())
        else:
            spans.append((line.start(), line.end()))
        joined = line.end() in soft
    return spans


def _abbreviated_before_a_sign(text: str, match: re.Match[str]) -> bool:
    """Whether the full stop of ``match`` ends a leader, an abbreviation
    (:data:`_BEFORE_A_SIGN`) or a list item's number before a sign opener
    (:data:`_SIGN_OPENER`): before a Latin quote or bracket, a capital or a figure the full
    stop decides as it always did."""
    opener = text[match.end() : match.end() + 1]
    if not _SIGN_OPENER.fullmatch(opener):
        return False
    before = text[max(0, match.start() - _BEFORE_A_SIGN_REACH) : match.start()]
    line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    return _BEFORE_A_SIGN.search(before) is not None or _LIST_NUMBER.fullmatch(line) is not None


#: A list item's number opening its line ("1. $5 million for tanks"): no sentence of its own.
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,3}|[a-z])[.)]")


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans (1-based numbers) covering every non-blank part of ``text``.

    A line break ends a sentence unless it only wraps a paragraph
    (:func:`soft_breaks`): a sentence of a hard-wrapped text spans its lines.
    """
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text):
        position = line_start
        for match in _SENTENCE_END.finditer(text, line_start, line_end):
            if match.group("stop") is not None:  # "।", "۔", "؟", "።": the sentence ends
                closing = match.end()
            elif match.end() > match.start() and not _opens_sentence(text, match.end()):
                continue  # "e.g. the", "approx. five"
            elif _abbreviated_before_a_sign(text, match):
                continue  # "Equipment ........ $ 0", "the so-called «Islamic State»"
            else:
                closing = match.end(1) if match.group(1) else match.start()  # 'said "Go."'
            candidate = text[position:closing].rstrip()
            if _ABBREVIATIONS.search(candidate, max(0, len(candidate) - 10)):
                continue  # "Maj. Gen. Smith" is one sentence
            if _ORDINAL_DAY.search(candidate) and _opens_with_month(text, match.end()):
                continue  # "am 4. März" is one sentence
            if _SCALE_ABBREVIATED.search(candidate) and _CURRENCY_OPENS.match(text, match.end()):
                continue  # "für 1,2 Mrd. Euro" is one sentence
            if candidate.strip():
                spans.append((position, position + len(candidate)))
            position = match.end()
        tail = text[position:line_end]
        if tail.strip():
            spans.append((position, position + len(tail.rstrip())))
    out = []
    for number, (start, end) in enumerate(spans, start=1):
        while start < end and text[start].isspace():
            start += 1
        out.append(Sentence(number, start, end))
    return out


def numbered(text: str, sentences: list[Sentence]) -> str:
    """The text with ``[n] `` before each sentence, line breaks kept."""
    parts: list[str] = []
    position = 0
    for sentence in sentences:
        parts.append(text[position : sentence.start])
        parts.append(f"[{sentence.number}] ")
        position = sentence.start
    parts.append(text[position:])
    return "".join(parts)
