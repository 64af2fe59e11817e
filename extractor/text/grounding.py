"""Find a model's evidence quote in the article and report where it is.

A record is only as good as the text that supports it, so every record's
evidence is located in the source with character offsets, as LangExtract does.
The search tries, in order:

1. ``exact``: the quote occurs verbatim;
2. ``normalised``: it occurs once whitespace runs, curly vs straight quotes,
   dashes, Unicode compatibility forms (NFKD), the order of combining marks,
   invisible characters, Arabic-script keyboard forms and case are folded on both sides;
3. ``fuzzy``: a near-verbatim span (rapidfuzz partial alignment >= 90) exists that
   states every number the quote states;
4. ``not_found``: no offsets are invented.

An exact or normalised occurrence counts only whole: not inside a longer number or
word ("12 people" in "112 people"), never cutting a letter from its combining marks.

Offsets are Python string indices (Unicode code points) into the text as
given, so ``text[start:end]`` is the supporting span, for any script.

The fold of step 2 is the package's one fold for matching text: names,
countries, dates as written and evaluation fields are compared by
:func:`normalise_text` (``accents=False`` where accents must not matter);
:func:`normalise` is the same fold with an offset per character.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from rapidfuzz import fuzz

from extractor.blank import is_blank_char
from extractor.text.cues import _ARABIC_FORMS
from extractor.text.sentences import Sentence, split_sentences

Alignment = Literal["exact", "normalised", "fuzzy", "not_found"]

FUZZY_THRESHOLD = 90.0

# Typographic variants that re-typesetting swaps: curly and straight quotes,
# primes, the modifier-letter apostrophe, dashes, the ellipsis.
_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u00b4": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2033": '"', "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
    "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u2026": "...",
    # The ideographic full stop and comma are CJK's "." and ","; NFKD makes the full-width
    # "．" and "，" ASCII, never these, so a quote retyped with "." missed "。".
    "\u3002": ".", "\u3001": ",",
    # The Arabic tatweel (kashida) only stretches a word on the line: "القاهـــرة" is "القاهرة".
    "\u0640": "",
}  # fmt: skip
#: A combining dot above after "i" or "j" adds nothing (they have a dot): "İ" folds to
#: "i" + U+0307 (``str.casefold``), so "İstanbul" and "istanbul" stayed apart.
_DOT_ABOVE = re.compile("(?<=[ij])\u0307+")
#: Arabic-script letters typed on another keyboard or without their hamza or madda ("ی" and
#: "ي", "ک" and "ك", "أ" and "ا"): the same letters, as the cue patterns read them
#: (:data:`extractor.text.cues._ARABIC_FORMS`, one table), each folded to the first of its
#: forms. But for the alef maqsura: "على" (on) is no "علي" (Ali); where the two are one
#: letter (the end of a longer word) is for the name rules to say
#: (:func:`extractor.types.base._mentions`).
_ALEF_MAQSURA = "\u0649"
_ARABIC_LETTER = {
    form: forms[0]
    for forms in _ARABIC_FORMS.values()
    for form in forms
    if form not in (forms[0], _ALEF_MAQSURA)
}
#: The Persian yeh is written where Arabic writes "ي" and, at a word's end, "ى" ("مصطفی" is
#: "مصطفى", "علی" is "علي"): it aligns with either, though the two Arabic letters stay apart
#: ("على" is no "علي"). The fold makes it "ي" (the first of its forms); which "ي" came from
#: a Persian yeh is read from the source (:func:`_yeh_agrees`).
_YEH, _FARSI_YEH = "\u064a", "\u06cc"
#: Urdu's own shapes of the Arabic heh and teh marbuta (heh goal, teh marbuta goal), which
#: an Arabic keyboard types as "ه" and "ة": the same letters, folded to the Arabic ones.
#: (Urdu's yeh barree "ے" is a letter of its own, the vowel "e", not another shape of one.)
_URDU_LETTER = {"\u06c1": "\u0647", "\u06c3": "\u0629"}
#: The Extended Arabic-Indic digits of Persian and Urdu keyboards ("۱۲", "۴۵۶") are the
#: Arabic-Indic digits of an Arabic one ("١٢", "٤٥٦") in another shape: folded to them.
_PERSIAN_DIGIT = {chr(0x06F0 + d): chr(0x0660 + d) for d in range(10)}
#: The marks those letters decompose into (hamza above and below, madda): dropped, so that
#: "ا" + U+0654 (an NFD article) folds as "أ" does.
_ARABIC_HAMZA = frozenset(
    mark
    for letter in _ARABIC_FORMS
    for mark in unicodedata.normalize("NFD", letter)
    if unicodedata.combining(mark)
)


@dataclass(frozen=True, slots=True)
class Span:
    """Where a quote was found, and how closely it matched."""

    start: int | None
    end: int | None
    alignment: Alignment
    score: float = 0.0

    @property
    def found(self) -> bool:
        return self.alignment != "not_found"


NOT_FOUND = Span(None, None, "not_found")


@cache
def _fold_char(char: str, accents: bool = True, letters: bool = False) -> str:
    """The fold of one character: everything :func:`normalise_text` does but join spaces;
    with ``letters``, Arabic-script letters also fold to one form (:func:`normalise`)."""
    if char in _QUOTES:
        return _QUOTES[char]
    if letters and char in _ARABIC_LETTER:
        return _ARABIC_LETTER[char]
    if letters and (char in _URDU_LETTER or char in _PERSIAN_DIGIT):
        return _URDU_LETTER.get(char) or _PERSIAN_DIGIT[char]
    if letters and char in _ARABIC_HAMZA:
        return ""
    if char.isspace():
        return " "
    if is_blank_char(char):
        # A soft hyphen, a zero-width space or joiner, a word joiner, a BOM, a bidi mark, a
        # variation selector: invisible, and one side has them where the other does not
        # ("Ber\u00adlin" in a hyphenated page, "Berlin" in the model's answer).
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    if not accents:  # before casefold, which makes a letter of U+0345
        decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = decomposed.casefold()
    if folded == char:
        return folded
    # What NFKD gives may itself fold: "﹘" is "—", "‴" is "′′′", "¨" is " ̈".
    # Folding the pieces too makes the fold idempotent.
    return "".join(
        piece if piece == char else _fold_char(piece, accents, letters) for piece in folded
    )


def normalise(text: str, *, accents: bool = True, letters: bool = False) -> tuple[str, list[int]]:
    """Fold ``text`` for matching; return it with the source index of each character.

    The offset-keeping form of :func:`normalise_text` (``normalise(t)[0] ==
    normalise_text(t)``): ``index[i]`` is the position in ``text`` of the
    character that folded character ``i`` came from, so a match in the folded
    text maps back to a span of the original. Whitespace runs become one
    space, so "a \\n b" and "a b" compare equal.

    ``letters``: Arabic-script letters typed on another keyboard or without their
    hamza or madda fold to one form ("ی" is "ي", "ک" is "ك", "أ" is "ا"; "ى"
    stays), for aligning a quote with the article, which the model or an annotator
    may type otherwise. Not in the one fold of :func:`normalise_text`, which the
    rules' word lists (written with their hamza, "على أيدي", "أعلن") are read in.
    """
    out: list[str] = []
    index: list[int] = []
    last_space = True  # drop leading whitespace
    for position, char in enumerate(text):
        for piece in _fold_char(char, accents, letters):
            if piece == " ":
                if last_space:
                    continue
                last_space = True
            else:
                last_space = False
            out.append(piece)
            index.append(position)
    while out and out[-1] == " ":
        out.pop()
        index.pop()
    _canonical_order(out, index)
    folded = "".join(out)
    if (
        "\u0307" in folded
    ):  # the one rule (:data:`_DOT_ABOVE`), its matches dropped with their index
        dropped = {at for m in _DOT_ABOVE.finditer(folded) for at in range(m.start(), m.end())}
        kept = [at for at in range(len(out)) if at not in dropped]
        folded, index = "".join(out[at] for at in kept), [index[at] for at in kept]
    return folded, index


def _canonical_order(chars: list[str], index: list[int]) -> None:
    """Put each run of combining marks in Unicode's canonical order, moving ``index`` along.

    The fold decomposes character by character, so marks written in another order
    ("e" + U+0302 + U+0323 typed by hand, "ệ" composed) stayed apart: Unicode calls them
    the same text (NFD sorts a run of marks by combining class, stably); so does the fold.
    """
    start = None
    for position in range(len(chars) + 1):
        mark = position < len(chars) and unicodedata.combining(chars[position]) > 0
        if mark and start is None:
            start = position
        elif not mark and start is not None:
            if position - start > 1:
                run = sorted(
                    zip(chars[start:position], index[start:position], strict=True),
                    key=lambda pair: unicodedata.combining(pair[0]),
                )
                chars[start:position] = [c for c, _ in run]
                index[start:position] = [i for _, i in run]
            start = None


_ASCII_TABLE: dict[int, str] = {
    **{ord(c): c.lower() for c in string.ascii_uppercase},
    **{ord(c): f for c, f in _QUOTES.items()},
    # ASCII controls (NUL, ESC, DEL ...) show nothing either: dropped as :func:`_fold_char` does
    **{c: "" for c in range(128) if is_blank_char(chr(c)) and not chr(c).isspace()},
}


def normalise_text(text: str, *, accents: bool = True) -> str:
    """The package's one fold for matching text: compare ``normalise_text`` of both sides.

    Folded, in this order, character by character:

    * typographic quotes, primes and apostrophes become ``'`` or ``"``, dashes
      and the minus sign ``-``, the ellipsis ``...``;
    * every whitespace character is a space; runs of spaces become one, and
      none is left at either end;
    * Unicode compatibility forms are decomposed (NFKD: "ﬁ" is "fi", a
      no-break space a space, "é" is "e" + U+0301) and case is folded
      (``str.casefold``: "Straße" is "strasse").
    * characters that show nothing (:func:`extractor.blank.is_blank_char` and not
      whitespace: a soft hyphen, zero-width spaces and joiners, a BOM, bidi marks,
      variation selectors, controls) are dropped;
    * each run of combining marks is put in canonical order (as NFD does), so marks
      typed in another order fold alike.

    With ``accents=False`` the combining marks left by NFKD are also dropped,
    so "Niinistö" is "niinisto": for names, whose accents a model or an
    annotator often omits. The default keeps them, for evidence and for
    validation against the article.

    The fold is idempotent, and it is ``normalise(text)[0]``, done by
    ``str.translate`` with a table of the text's own characters instead of a
    Python loop over every character (25 times faster on an article).
    """
    table = _ASCII_TABLE
    extra = {c for c in set(text) if not c.isascii()}
    marks = False
    if extra:
        table = dict(_ASCII_TABLE)
        for char in extra:
            folded = table[ord(char)] = _fold_char(char, accents)
            marks = marks or any(unicodedata.combining(c) for c in folded)
    joined = " ".join(text.translate(table).split())
    # NFD of the fold only sorts its runs of marks (the fold is decomposed already), as
    # :func:`_canonical_order` does for :func:`normalise`, in C.
    if marks:
        joined = unicodedata.normalize("NFD", joined)
        if "\u0307" in joined:
            joined = _DOT_ABOVE.sub("", joined)
    return joined


def folded_article(context: dict[str, Any]) -> str:
    """``normalise_text`` of the article in a validation context, computed once per chunk.

    Kept in the context's ``memo`` dict when there is one (the engine gives
    each chunk one, shared by the copies made for each call).

    Every record of an answer checks names and dates against the whole
    article; folding it once per answer instead of once per check was most
    of the client's CPU per call in bulk runs.
    """
    memo = context.get("memo")
    store: dict[str, Any] = memo if isinstance(memo, dict) else context
    folded = store.get("folded_text")
    if not isinstance(folded, str):
        folded = store["folded_text"] = normalise_text(str(context.get("text", "")))
    return folded


def _nearest(
    text: str,
    quote: str,
    hint: int | None,
    after: int = 0,
    *,
    pattern: re.Pattern[str] | None = None,
    agrees: Callable[[int], bool] | None = None,
) -> int:
    """Where ``quote`` starts in ``text`` at or after ``after``, whole (:func:`_whole`): the
    occurrence nearest to ``hint``, else the first; -1 when there is none.

    ``pattern``: what an occurrence is, when it is more than ``quote`` itself (a pattern
    of ``quote``'s length, :func:`_yeh_pattern`); ``agrees``: whether the occurrence at a
    position is one (:func:`_yeh_agrees`)."""
    best = -1
    for position in _occurrences(text, quote, after, pattern):
        if not _whole(text, position, position + len(quote)):
            continue
        if agrees is not None and not agrees(position):
            continue
        if hint is None:
            return position
        if best < 0 or abs(position - hint) < abs(best - hint):
            best = position
    return best


def _occurrences(
    text: str, quote: str, after: int, pattern: re.Pattern[str] | None
) -> Iterator[int]:
    """Every start of ``quote`` (or of ``pattern``) in ``text`` at or after ``after``,
    overlapping ones too."""
    if pattern is None:
        position = text.find(quote, after)
        while position >= 0:
            yield position
            position = text.find(quote, position + 1)
        return
    match = pattern.search(text, after)
    while match is not None:
        yield match.start()
        match = pattern.search(text, match.start() + 1)


def _yeh_pattern(folded_quote: str, folded_text: str) -> re.Pattern[str] | None:
    """A folded quote as a pattern whose "ي" and "ى" each match either, or None when the two
    cannot meet (the quote has neither, or the text no "ى" and the quote no "ى"): a
    Persian yeh on one side is either letter on the other (:data:`_FARSI_YEH`); which
    pairs really are is :func:`_yeh_agrees`'s to say."""
    if _ALEF_MAQSURA not in folded_quote and not (
        _YEH in folded_quote and _ALEF_MAQSURA in folded_text
    ):
        return None
    either = f"[{_YEH}{_ALEF_MAQSURA}]"
    return re.compile(
        "".join(either if c in (_YEH, _ALEF_MAQSURA) else re.escape(c) for c in folded_quote)
    )


def _yeh_agrees(
    text: str, index: Sequence[int], folded_text: str, quote: str, quote_index: Sequence[int],
    folded_quote: str, position: int,
) -> bool:  # fmt: skip
    """Whether each "ي" of the quote or the text at ``position`` that meets a "ى" on the
    other side was written as a Persian yeh (:data:`_FARSI_YEH`): "علی" aligns with "على"
    and "علي", but "علي" never with "على"."""
    for at, letter in enumerate(folded_quote):
        other = folded_text[position + at]
        if letter == other:
            continue
        source = quote[quote_index[at]] if letter == _YEH else text[index[position + at]]
        if not _is_farsi_yeh(source):
            return False
    return True


@cache
def _is_farsi_yeh(char: str) -> bool:
    """Whether ``char`` is the Persian yeh, in any of its compatibility forms (the
    isolated, initial, medial or final presentation form)."""
    return unicodedata.normalize("NFKD", char) == _FARSI_YEH


def _binds(before: str, after: str) -> bool:
    """Whether ``before`` and ``after`` are one number or word, which no span may cut.

    A digit binds a digit ("12" is not in "112"); a letter binds a letter in a script that
    spaces its words ("погибли 3" is not in "погибли 31"), never in one that does not (in
    "112人死亡" only the digits bind); a mark, a joiner, a virama's conjunct belong to the
    character before them (:func:`_joined`: "arrive" is not the start of "arrive" + U+0301).
    """
    if _joined(before + after, 1):
        return True
    if before.isdigit() and after.isdigit():
        return True
    letters = (before.isalpha() or _extends(before)) and after.isalpha()
    return letters and not _spaceless(before) and not _spaceless(after)


def _whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins and ends at a boundary of words and numbers:
    a quote found inside a longer one ("12 people" in "112 people") says something else."""
    return not (0 < start < len(text) and _binds(text[start - 1], text[start])) and not (
        0 < end < len(text) and _binds(text[end - 1], text[end])
    )


@lru_cache(maxsize=4)
def _folded(text: str, *, accents: bool) -> tuple[str, tuple[int, ...]]:
    """:func:`normalise` of an article, made once for all its quotes (an answer's records
    are grounded one after another against the same text; folding a 50,000-character
    article twice per quote was most of grounding's time). Kept as a tuple: it is shared."""
    folded, index = normalise(text, accents=accents, letters=True)
    return folded, tuple(index)


def _folded_position(index: Sequence[int], source: int) -> int:
    """The first folded character that comes from ``source`` or a later character."""
    return next((at for at, came in enumerate(index) if came >= source), len(index))


def ground(quote: str, text: str, *, hint: int | None = None, after: int = 0) -> Span:
    """Locate ``quote`` in ``text``, starting at or after offset ``after``.

    ``hint`` is a claimed start offset: when the quote occurs more than once,
    the occurrence nearest to it is chosen, so a quote given with correct
    offsets keeps them (whether the quote is found verbatim or once folded).
    Hinted or not, an occurrence counts only whole (:func:`_whole`): not inside a longer
    number or word, nor cutting a letter from its marks.
    ``after`` is where the quote may begin at the earliest: the next fragment of
    an elided quote is looked for after the one before it, never before.
    """
    if not quote or not quote.strip() or not text:
        return NOT_FOUND
    if (
        hint is not None
        and hint >= after
        and text.startswith(quote, hint)
        and _whole(text, hint, hint + len(quote))
    ):
        # The caller's offsets hold the quote verbatim, whole: kept, as the caller drew them.
        # Inside a longer number or word ("12" of "112") they quote something else, however
        # the model pointed there: an occurrence is looked for as for any quote.
        return Span(hint, hint + len(quote), "exact", 100.0)
    start = _nearest(text, quote, hint, after)
    if start >= 0:
        return Span(start, start + len(quote), "exact", 100.0)

    folded_text, index = _folded(text, accents=True)
    folded_quote, quote_index = normalise(quote, letters=True)
    if not folded_quote:
        return NOT_FOUND
    folded_after = _folded_position(index, after) if after > 0 else 0
    folded_hint = _folded_position(index, hint) if hint is not None else None
    pattern = _yeh_pattern(folded_quote, folded_text)
    agrees = (
        None if pattern is None else functools.partial(
            _yeh_agrees, text, index, folded_text, quote, quote_index, folded_quote
        )
    )  # fmt: skip
    position = _nearest(
        folded_text, folded_quote, folded_hint, folded_after, pattern=pattern, agrees=agrees
    )
    if position >= 0:
        start, end = _span(text, index, position, position + len(folded_quote), after)
        return Span(start, end, "normalised", 100.0)

    if len(folded_quote) < 12:  # short strings match by accident
        return NOT_FOUND
    return _fuzzy(quote, text, after)


def _fuzzy(quote: str, text: str, after: int) -> Span:
    """The near-verbatim span of ``quote`` in ``text``, aligned on the fold without accents.

    A quote retyped without diacritics (as small models do in Vietnamese, Turkish, Greek)
    is shorter than the folded text by its marks, and the alignment, a window of the
    quote's length, lost the words at its edges; aligned on both sides' letters alone it
    covers them, and the span maps back to the text's own offsets.
    """
    bare_text, index = _folded(text, accents=False)
    bare_quote, _ = normalise(quote, accents=False, letters=True)
    bare_after = _folded_position(index, after) if after > 0 else 0
    alignment = fuzz.partial_ratio_alignment(bare_quote, bare_text[bare_after:])
    if alignment is None or alignment.score < FUZZY_THRESHOLD:
        return NOT_FOUND
    start_n, end_n = alignment.dest_start + bare_after, alignment.dest_end + bare_after
    if end_n - start_n < 0.8 * len(bare_quote):
        return NOT_FOUND
    start, end = _span(text, index, start_n, end_n, after, words=True)
    start, end = _one_sentence(quote, text, start, end)
    start, end = _whole_numbers(quote, text, start, end, after)
    if not _numbers(quote) <= _numbers(text[start:end]):
        return NOT_FOUND
    return Span(start, end, "fuzzy", float(alignment.score))


#: A number as written: digits, with groups of three after a thousands separator.
_NUMBER = re.compile(r"\d+(?:[.,'\s\u066c]\d{3}(?!\d))*")
#: A number as a reader takes it in whole: digits joined by a decimal or thousands mark
#: ("2.5", "1,000", "3,5", "٢٫٥"), or by a space before a group of three ("1 000").
_WRITTEN_NUMBER = re.compile(r"\d+(?:[.,'\u066b\u066c]\d+|\s\d{3}(?!\d))*")
#: How far from a span's edge a number cut there may begin or end.
_NUMBER_REACH = 32


def _whole_numbers(quote: str, text: str, start: int, end: int, after: int) -> tuple[int, int]:
    """``start:end`` widened over a number it cuts at an edge, and over one next to an edge
    (past spaces) where the quote begins or ends with a digit.

    A fuzzy alignment is a window of the quote's length: a quote that lost a letter to a
    typo ends one character short of its last number ("killed 2." for "killed 2.5") or
    starts inside its first (",000 people" for "1,000 people"), and the span would not
    state the quote's number. Widened, it does, or states another (a longer "112" where
    the quote says "12"), which :func:`_numbers` then rejects. The start never moves
    before ``after``.
    """
    lo, hi = max(0, start - _NUMBER_REACH), min(len(text), end + _NUMBER_REACH)
    stripped = quote.strip()
    for number in _WRITTEN_NUMBER.finditer(text, lo, hi):
        first, last = number.span()
        span = text[start:end].strip()
        leads = stripped[:1].isdigit() and not span[:1].isdigit() and _spaces(text, last, start)
        if (first < start < last or leads) and first >= after:
            start = first
        span = text[start:end].strip()
        ends = stripped[-1:].isdigit() and not span[-1:].isdigit() and _spaces(text, end, first)
        if first < end < last or ends:
            end = last
    return start, end


def _spaces(text: str, left: int, right: int) -> bool:
    """Whether ``text[left:right]`` is empty or spaces: the two sides are next to each other."""
    return left <= right and not text[left:right].strip()


def _numbers(text: str) -> set[str]:
    """The numbers ``text`` states, as plain ASCII digits ("1 000" and "١٠٠٠" are "1000").

    A fuzzy match forgives a typo, not another number: "12 people died" near "112 people
    died" scores 98, and taken as its evidence it would state a count the text does not.
    """
    return {
        "".join(str(unicodedata.digit(c)) for c in match.group() if c.isdigit())
        for match in _NUMBER.finditer(text)
    }


def _span(
    text: str, index: Sequence[int], start_n: int, end_n: int, after: int, *, words: bool = False
) -> tuple[int, int]:
    """The source span of folded characters ``start_n:end_n``: from the first source
    character any of them came from to the last (marks put in canonical order no longer
    come from characters in order, so the ends alone may miss one), widened to whole
    characters as a reader sees them, and to whole words with ``words`` (:func:`_snap`)."""
    sources = index[start_n:end_n]
    return _snap(text, min(sources), max(sources) + 1, after, words=words)


_ZWJ, _ZWNJ = "\u200d", "\u200c"
#: The farthest a span's end moves to a word's or a grapheme cluster's edge.
_SNAP_MAX = 64
#: The first word of the Unicode names of scripts written without spaces between words:
#: there a run of letters is a phrase or a sentence, never a word to widen a span to.
_SPACELESS = (
    "CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR",
    "TAI", "NEW TAI", "JAVANESE", "BALINESE", "TANGUT", "YI ", "IDEOGRAPHIC",
)  # fmt: skip


@cache
def _spaceless(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_SPACELESS)


@cache
def _extends(char: str) -> bool:
    """Whether ``char`` belongs to the character before it, as a reader sees them: a
    combining mark (an accent, an Indic vowel sign, a virama), a zero-width joiner or
    non-joiner, an emoji's skin tone."""
    return (
        unicodedata.category(char)[0] == "M"
        or char in (_ZWJ, _ZWNJ)
        or ("\U0001f3fb" <= char <= "\U0001f3ff")
    )


def _joined(text: str, at: int) -> bool:
    """Whether ``text[at - 1]`` and ``text[at]`` are one grapheme cluster (a letter and its
    marks, a conjunct joined by a virama or a zero-width joiner: "क्ष" is one)."""
    before = text[at - 1]
    return (
        _extends(text[at])
        or before == _ZWJ
        or (unicodedata.combining(before) == 9 and text[at].isalpha())
    )


def _word_char(char: str) -> bool:
    return char.isalnum() or _extends(char)


def _in_word(text: str, at: int) -> bool:
    """Whether ``at`` is inside a word of a script that spaces its words."""
    before, char = text[at - 1], text[at]
    return (
        _word_char(before) and _word_char(char) and not _spaceless(before)
        and not _spaceless(char)
    )  # fmt: skip


def _snap(text: str, start: int, end: int, after: int, *, words: bool) -> tuple[int, int]:
    """``start:end`` widened to grapheme clusters, and with ``words`` to whole words.

    A folded match begins and ends where the fold's characters do, and a fuzzy one where
    the alignment scored best: inside "भारत", on a vowel sign, inside a conjunct. Quoted
    that way a span shows a broken word. The start never moves before ``after`` (the
    previous fragment's end): there it moves forward to the next boundary instead. An end
    moves at most :data:`_SNAP_MAX` characters: a run of letters longer than any word (a
    link, an encoded blob) is no word to take whole.
    """

    def inside(at: int) -> bool:
        return 0 < at < len(text) and (_joined(text, at) or (words and _in_word(text, at)))

    def moved(at: int, step: int, stop: int) -> int:
        for moved_to in range(at, stop, step)[:_SNAP_MAX]:
            if not inside(moved_to):
                return moved_to
        return at

    first = moved(start, -1, max(after, 0) - 1)
    if inside(first):  # no boundary after ``after``: the next one on
        first = moved(start, 1, end)
    return first, moved(end, 1, len(text) + 1)


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of an article, split once for all its fuzzy quotes (an answer's
    records are grounded one after another against the same text)."""
    return tuple(split_sentences(text))


def _one_sentence(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` cut to the sentence of ``text`` it lies most in, when ``quote`` is one
    sentence and that sentence holds most of it: a fuzzy match of a sentence said twice
    nearly alike ran on into the other, or took in the line break before it. A quote that
    lost the mark between two sentences keeps both."""
    if len(split_sentences(quote)) > 1:
        return start, end
    overlaps = [
        (min(end, s.end) - max(start, s.start), s) for s in _sentences(text)
        if s.start < end and start < s.end
    ]  # fmt: skip
    if not overlaps:
        return start, end
    kept, best = max(overlaps, key=lambda pair: pair[0])
    if kept < 0.8 * len(quote.strip()):
        return start, end
    return max(start, best.start), min(end, best.end)


def contains(haystack: str, needle: str) -> bool:
    """Case-, quote- and whitespace-insensitive containment."""
    folded = normalise_text(needle)
    return bool(folded) and folded in normalise_text(haystack)


_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")
#: From best to worst: how a quote was matched.
ALIGNMENT_RANK: dict[Alignment, int] = {"exact": 0, "normalised": 1, "fuzzy": 2, "not_found": 3}


def ground_fragments(quote: str, text: str, *, hint: int | None = None) -> list[Span]:
    """Ground each fragment of a quote that may join fragments with an ellipsis.

    Every fragment must be found, in order; an empty list when one is not.
    The spans are where the fragments are in ``text`` (never the gap between).
    """
    fragments = [f for f in _ELLIPSIS.split(quote) if f.strip(" .")] or [quote]
    spans: list[Span] = []
    cursor = hint
    for fragment in fragments:
        span = ground(fragment, text, hint=cursor, after=cursor if spans and cursor else 0)
        if span.start is None or (cursor is not None and spans and span.start < cursor):
            return []
        spans.append(span)
        cursor = span.end
    return spans


def ground_quote(quote: str, text: str, *, hint: int | None = None) -> Span:
    """Ground a quote that may join fragments with an ellipsis ("A ... B").

    Facts are often spread over two sentences (a deal in one, its price in the
    next); an elided quote keeps each fragment verbatim. Every fragment must be
    found, in order; the span covers them all and its alignment is the worst.
    """
    fragments = [f for f in _ELLIPSIS.split(quote) if f.strip(" .")]
    if len(fragments) <= 1:
        return ground(quote, text, hint=hint)
    spans = ground_fragments(quote, text, hint=hint)
    if not spans:
        return NOT_FOUND
    worst = max((s.alignment for s in spans), key=ALIGNMENT_RANK.__getitem__)
    return Span(spans[0].start, spans[-1].end, worst, min(s.score for s in spans))
