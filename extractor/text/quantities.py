"""Numbers as news text writes them: money amounts and casualty counts.

Models copy "$267 million" or "over 3,500" well but do arithmetic badly, so
the records keep the text as written and these parsers derive the numbers.
Vague words follow ACLED's rules: report the most conservative figure,
"dozens" is 12, "hundreds" is 100; an unknown count is not guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SCALES: dict[str, int] = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}

_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12,
}  # fmt: skip

# ACLED-style readings of vague quantities: (best, qualifier).
VAGUE_COUNTS: dict[str, int] = {
    "a few": 3,
    "few": 3,
    "several": 10,
    "many": 10,
    "multiple": 10,
    "numerous": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "tens of thousands": 10000,
    "hundreds of thousands": 100000,
}

_AT_LEAST = re.compile(
    r"\b(at least|more than|over|upwards of|in excess of|no fewer than|no less than|"
    r"exceeding|above|beyond|\+)\b|\+",
    re.IGNORECASE,
)
_ABOUT = re.compile(
    r"\b(about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|"
    r"close to|circa|some \d)\b|~",
    re.IGNORECASE,
)
_UP_TO = re.compile(r"\b(up to|as many as|at most|no more than|fewer than|less than)\b", re.I)
_NUMBER = re.compile(r"(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+(?:\.\d+)?)")
_RANGE = re.compile(
    r"(\d[\d,\.]*)\s*(?:-|–|—|to|and)\s*(\d[\d,\.]*)(?:\s*(million|billion|thousand))?", re.I
)


def parse_number(text: str) -> Decimal | None:
    """Parse "3,500", "1.2 million", "seven hundred thirty (730)" or "dozen" to a Decimal."""
    # Lower case only, not the matching fold (grounding.normalise_text): its
    # compatibility decomposition makes digits of superscripts, so a footnote
    # mark would join the number ("40¹" would read 401), and "½" is "1⁄2".
    cleaned = text.strip().lower().replace("\u00a0", " ")
    paren = re.search(r"\((\d[\d,]*)\)", cleaned)
    if paren:  # legal style: "seven hundred thirty (730)"
        return Decimal(paren.group(1).replace(",", ""))
    match = _NUMBER.search(cleaned)
    if match:
        try:
            value = Decimal(re.sub(r"[,\u202f\u00a0 ]", "", match.group(1)))
        except InvalidOperation:  # pragma: no cover - regex guarantees digits
            return None
        tail = cleaned[match.end() :].strip()
        scale = re.match(r"([a-z]+)", tail)
        if scale and scale.group(1) in _SCALES:
            value *= _SCALES[scale.group(1)]
        return value
    return _parse_number_words(cleaned)


def _parse_number_words(text: str) -> Decimal | None:
    total = 0
    current = 0
    seen = False
    for word in re.findall(r"[a-z]+", text):
        if word in ("and",):
            continue
        if word == "hundred" and seen:
            current = max(current, 1) * 100
        elif word in _SCALES and len(word) > 2 and seen:
            total += max(current, 1) * _SCALES[word]
            current = 0
        elif word in _WORDS and word not in ("a", "an"):
            current += _WORDS[word]
            seen = True
        elif word in ("a", "an") and not seen:
            continue
        elif seen:
            break
    return Decimal(total + current) if seen else None


def parse_money(text: str) -> tuple[Decimal, str] | None:
    """Parse "$267 million" to (267000000, "USD"); None when no amount is stated."""
    from extractor.text.countries import to_currency

    raw = text.strip()
    amount = parse_number(raw)
    if amount is None:
        return None
    currency = "USD"
    code = re.search(r"\b([A-Z]{3})\b", raw)
    symbol = re.search(r"(US\$|A\$|C\$|[$€£¥₹₽])", raw)
    word = re.search(r"\b(dollars?|euros?|pounds?|yen|yuan|rupees|roubles|rubles)\b", raw, re.I)
    try:
        if code:
            currency = to_currency(code.group(1))
        elif symbol:
            currency = to_currency(symbol.group(1))
        elif word:
            currency = to_currency(word.group(1).lower())
    except ValueError:
        currency = "USD"
    return amount, currency


def parse_count(text: str) -> tuple[int | None, int | None, int | None, str] | None:
    """Parse a count as written into (low, best, high, qualifier).

    "over 3,500" -> (3500, 3500, None, "at_least"); "about 40" -> (None, 40, None,
    "about"); "12 to 15" -> (12, 12, 15, "exact"); "dozens" -> (12, 12, None,
    "at_least"). ``best`` is the most conservative figure, as ACLED codes it.
    """
    raw = text.strip().lower()
    if not raw:
        return None
    rng = _RANGE.search(raw)
    if rng:
        low_d = parse_number(rng.group(1) + (" " + rng.group(3) if rng.group(3) else ""))
        high_d = parse_number(rng.group(2) + (" " + rng.group(3) if rng.group(3) else ""))
        if low_d is not None and high_d is not None and low_d <= high_d:
            return int(low_d), int(low_d), int(high_d), "exact"
    for phrase in sorted(VAGUE_COUNTS, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", raw) and not _NUMBER.search(raw):
            value = VAGUE_COUNTS[phrase]
            return value, value, None, "at_least"
    number = parse_number(raw)
    if number is None:
        return None
    value = int(number)
    if _UP_TO.search(raw):
        return None, value, value, "up_to"
    if _AT_LEAST.search(raw):
        return value, value, None, "at_least"
    if _ABOUT.search(raw):
        return None, value, None, "about"
    return value, value, value, "exact"


def number_forms(value: int | Decimal) -> set[str]:
    """Ways a text may write a number: "3500", "3,500", "267 million", "9.0 billion".

    Used to check that evidence carries a record's count or amount.
    """
    number = Decimal(value)
    forms: set[str] = set()
    if number == number.to_integral_value():
        integer = int(number)
        forms.update({str(integer), f"{integer:,}", f"{integer:,}".replace(",", " ")})
        forms.update(_number_words(integer))
    for name, scale, short in (("billion", 10**9, "bn"), ("million", 10**6, "m")):
        if number >= scale:
            scaled = number / scale
            text = f"{scaled:f}".rstrip("0").rstrip(".")
            forms.update({f"{text} {name}", f"{scaled:.1f} {name}", f"{text}{short}"})
            forms.add(f"{text} {short}")
    return forms


_UNITS = [
    w
    for w, v in sorted(_WORDS.items(), key=lambda kv: kv[1])
    if v < 20 and w not in ("a", "an", "dozen")
]
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
         80: "eighty", 90: "ninety"}  # fmt: skip


def _number_words(value: int) -> set[str]:
    """English words for 0-999 ("six", "seventy-two", "seven hundred thirty")."""
    if not 0 <= value < 1000:
        return set()
    if value < 20:
        return {_UNITS[value]}
    if value < 100:
        tens, unit = divmod(value, 10)
        word = _TENS[tens * 10]
        return {word} if unit == 0 else {f"{word}-{_UNITS[unit]}", f"{word} {_UNITS[unit]}"}
    hundreds, rest = divmod(value, 100)
    head = f"{_UNITS[hundreds]} hundred"
    if rest == 0:
        return {head}
    return {f"{head} {tail}" for tail in _number_words(rest)} | {
        f"{head} and {tail}" for tail in _number_words(rest)
    }
