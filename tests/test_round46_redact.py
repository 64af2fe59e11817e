"""A known key spread out, respelled or re-cased is found as the key.

Round 46: a server echoed the process's API key with a separator between its characters
(``s,k,-,a``, ``s-k-``, ``s. k.``, an NBSP or another Unicode space), each character
wrapped in markup (``<b>s</b><b>k</b>``), in fullwidth forms (``ｓｋ－``), with combining
marks on its characters, as a JSON or Python list of its characters, and as base64 of
the key upper-cased; every one went out. The invariant, over generated keys and forms:
a key of at least ``SPREAD_LEAST`` letters and digits written with one separator run
(any characters that are no letters or digits, markup, escapes) between its characters,
in any compatible spelling (NFKC, case) or with marks, is masked, and so is the base64
or hex of the key in another case; a reader that drops markup, folds the text and keeps
its letters and digits never gets the key back. Ordinary text (prose, a near miss, short
pieces of the key spread out between words) is left as it is, and a text of a megabyte
of near misses is read in time linear in its length: the spread-out pattern holds only
bounded repeats (checked on its parse), so one attempt at a place reads a bounded text.
"""

from __future__ import annotations

import re
import string

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.errors import ExtractorError
from extractor.redact import (
    _GAP_MOST,
    _TAG_MOST,
    MARK,
    SPREAD_LEAST,
    Redactor,
    _spread_pattern,
    fragment_length,
    redactor,
)
from tests.redaction_forms import (
    ALPHABETS,
    HYPOTHESIS,
    blobs,
    compatible,
    dressed_chars,
    folded,
    key_fragments,
    key_redactor,
    letters_and_digits,
    spread_echoes,
    spread_keys,
    visible_separators,
)

BEFORE = "upstream echoed: "
AFTER = " (request rejected)"


def _skeleton(key: str) -> str:
    return letters_and_digits(key)


@settings(HYPOTHESIS, max_examples=300, database=None)
@given(spread_keys(), st.data())
def test_a_spread_out_or_respelled_key_is_masked(key: str, data: st.DataObject) -> None:
    echo = data.draw(spread_echoes(key))
    text = f"{BEFORE}{echo}{AFTER}"
    assert _skeleton(key) in letters_and_digits(text)  # the echo holds the key
    out = key_redactor(key).redact(text)
    assert MARK in out
    assert _skeleton(key) not in letters_and_digits(out), (key, echo, out)
    assert out.startswith(BEFORE) and out.endswith(AFTER), out


@settings(HYPOTHESIS, max_examples=150, database=None)
@given(spread_keys(), st.sampled_from(["upper", "lower"]), st.sampled_from(sorted(ALPHABETS)),
       st.booleans(), st.data())  # fmt: skip
def test_base64_and_hex_of_the_key_in_another_case_are_masked(
    key: str, case: str, alphabet: str, padded: bool, data: st.DataObject
) -> None:
    spelled = key.upper() if case == "upper" else key.lower()
    assume(spelled != key)
    raw, needle = data.draw(blobs(spelled))
    encode, read = ALPHABETS[alphabet]
    coded = encode(raw).decode()
    coded = coded if padded else coded.rstrip("=")
    hexed = spelled.encode().hex()
    text = f"debug: sent {coded} ; bytes {hexed} ; end"
    assert any(needle in reading for reading in read(text))
    out = key_redactor(key).redact(text)
    assert not any(needle in reading for reading in read(out)), out
    assert hexed not in out.lower()
    assert out.startswith("debug: sent ") and out.endswith(" ; end")


@settings(HYPOTHESIS, max_examples=150, database=None)
@given(spread_keys(), st.data())
def test_a_respelled_fragment_of_the_key_is_masked(key: str, data: st.DataObject) -> None:
    """Round 43's fragments, in any compatible spelling: no run of ``fragment_length``
    characters of the key is left, folded."""
    size = fragment_length(key)
    start = data.draw(st.integers(0, len(key) - size))
    piece = key[start : start + data.draw(st.integers(size, len(key) - start))]
    shown = "".join(data.draw(dressed_chars(piece)))
    out = key_redactor(key).redact(f"{BEFORE}{shown}{AFTER}")
    seen = folded(out)
    assert not any(window in seen for window in key_fragments(key)), (key, shown, out)
    assert out.startswith(BEFORE) and out.endswith(AFTER)


#: Words of ordinary prose, and what it is written with, Unicode included.
WORDS = ["the", "value", "was", "rejected", "by", "proxy", "see", "row", "and", "ok", "3"]
PROSE_CHARS = (
    string.ascii_letters + string.digits + " ,.;:-()'\"!?\n"
    + "\u00a0\u2009\u3000ｓｋａｂ１２\u0301\u0308éüßİ𝐬𝐤"
)  # fmt: skip


def _plain_redactor() -> Redactor:
    return Redactor(use_settings=False)


@settings(HYPOTHESIS, max_examples=150, database=None)
@given(spread_keys(), st.text(PROSE_CHARS, max_size=300))
def test_prose_without_the_key_is_left_as_it_is(key: str, prose: str) -> None:
    seen = folded(prose)
    assume(not any(window in seen for window in key_fragments(key)))
    assume(_skeleton(key) not in letters_and_digits(prose))
    assert key_redactor(key).redact(prose) == _plain_redactor().redact(prose)


@settings(HYPOTHESIS, max_examples=150, database=None)
@given(spread_keys(), visible_separators, st.data())
def test_short_pieces_of_the_key_spread_between_words_stay(
    key: str, separator: str, data: st.DataObject
) -> None:
    """Pieces of the key shorter than a fragment, each spread out, between ordinary words:
    they share the key's characters, not the key."""
    size = min(fragment_length(key), SPREAD_LEAST) - 1
    cuts = list(range(0, len(key), size))
    pieces = [key[at : at + size] for at in cuts]
    words = data.draw(st.lists(st.sampled_from(WORDS), min_size=len(pieces), max_size=len(pieces)))
    text = " ".join(
        f"{word} {separator.join(piece)}" for word, piece in zip(words, pieces, strict=True)
    )
    assume(not any(window in folded(text) for window in key_fragments(key)))
    assert key_redactor(key).redact(text) == _plain_redactor().redact(text)


@settings(HYPOTHESIS, max_examples=150, database=None)
@given(spread_keys(), visible_separators, st.data())
def test_a_near_miss_spread_out_stays(key: str, separator: str, data: st.DataObject) -> None:
    """The key spread out with one letter or digit dropped or changed is no echo of it."""
    places = [at for at, char in enumerate(key) if char.isalnum()]
    at = data.draw(st.sampled_from(places))
    other = data.draw(st.sampled_from([c for c in string.ascii_lowercase + string.digits
                                       if c != key[at].lower()] + [""]))  # fmt: skip
    chars = [*key[:at], *other, *key[at + 1 :]]
    how = data.draw(st.sampled_from(["plain", "fullwidth", "bold"]))
    text = f"{BEFORE}{separator.join(compatible(char, how) for char in chars)}{AFTER}"
    assume(not any(window in folded(text) for window in key_fragments(key)))
    assert key_redactor(key).redact(text) == _plain_redactor().redact(text)


# ------------------------------------------------------------------ linear time


def _repeats(parsed: object, depth: int = 0) -> list[tuple[int, int]]:
    """Each repeat of a parsed regular expression, as (its most, its nesting depth)."""
    from re import _constants as constants  # type: ignore[attr-defined]

    found: list[tuple[int, int]] = []
    for op, value in parsed:  # type: ignore[attr-defined]
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
            found.append((value[1], depth + 1))
            found += _repeats(value[2], depth + 1)
        elif op in (constants.SUBPATTERN, constants.ATOMIC_GROUP):
            found += _repeats(value[-1], depth)
        elif op in (constants.BRANCH,):
            for branch in value[1]:
                found += _repeats(branch, depth)
        elif op in (constants.ASSERT, constants.ASSERT_NOT):
            found += _repeats(value[1], depth)
    return found


KEYS = (
    "sk-proj-Ab3dE5fG7hJ9kL1mN3pQ",
    "tok_9f8e7d6c5b4a3Z2Y1X0w_vu-ts",
    "AbCdEf.GhIj~KlMn+OpQr=1234",
)


def test_the_spread_pattern_holds_bounded_repeats_only() -> None:
    """The size argument for linear time: every repeat of the spread-out pattern is bounded
    (by the gap or a tag's length) and nested at most twice, so one attempt at a place
    reads at most ``len(key) * _GAP_MOST * (_TAG_MOST + 2)`` characters, whatever the text:
    a search is linear in the text."""
    from re import _parser as parser  # type: ignore[attr-defined]

    pattern = _spread_pattern(KEYS)
    assert pattern is not None
    repeats = _repeats(parser.parse(pattern.pattern, pattern.flags))
    assert repeats
    assert max(most for most, _ in repeats) <= max(_GAP_MOST, _TAG_MOST)
    assert max(depth for _, depth in repeats) <= 2
    assert len(pattern.pattern) < 2_000 * sum(map(len, KEYS))  # linear in the keys


def test_a_megabyte_of_near_misses_is_left_as_it_is() -> None:
    """A megabyte of near misses (each key spread out, its last letter changed; in ASCII, in
    fullwidth forms with marks, in markup) is read through and left as it is."""
    redactor = Redactor(use_settings=False)
    for key in KEYS:
        redactor.register_secret(key)
    for key in KEYS:
        near = key[:-1] + ("x" if key[-1] != "x" else "y")
        for unit in (
            ",".join(near) + " ",
            "\u00b7".join(compatible(char, "fullwidth") + "\u0301" for char in near) + "\n",
            "".join(f"<b>{char}</b>" for char in near) + " ",
        ):
            text = unit * (1_000_000 // len(unit) // len(KEYS))
            assert redactor.redact_known(text) == text
    spread = ",".join(KEYS[0])
    big = ",".join(KEYS[0][:-1] + "x") + " "
    text = big * (300_000 // len(big)) + spread
    assert redactor.redact_known(text) == text[: -len(spread)] + MARK


def test_the_key_shorter_than_the_spread_floor_is_not_sought_spread_out() -> None:
    key = "ab-cd-ef-gh"  # 8 letters: a spread-out run of so few is in ordinary words
    assert sum(char.isalnum() for char in key) < SPREAD_LEAST
    text = "a, b, -, c, d, -, e, f, -, g, h"
    assert key_redactor(key).redact_known(text) == text
    assert re.sub(r"\W", "", text) == re.sub(r"\W", "", key)


def _error_classes() -> list[type[ExtractorError]]:
    """Every error class of the one exceptions module that is built from a message alone."""
    import inspect

    import extractor.errors as errors

    found = []
    for value in vars(errors).values():
        if inspect.isclass(value) and issubclass(value, ExtractorError):
            try:
                value("m")
            except TypeError:
                continue  # needs more than a message (its own test builds it)
            found.append(value)
    return found


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(_error_classes()),
    key=st.text(string.ascii_letters + string.digits, min_size=20, max_size=40),
    before=st.text(max_size=20),
    after=st.text(max_size=20),
)
def test_an_errors_repr_hides_a_key_as_its_str_does(
    kind: type[ExtractorError], key: str, before: str, after: str
) -> None:
    """``repr(error)`` (a debugger, ``%r``, a notebook) is what leaves the process as often as
    ``str``: both hide a registered key the message carries (``str`` of a re-ask excepted:
    what the model is sent must not depend on the secrets the process knows)."""
    from extractor.errors import ResolutionError

    redactor.register_secret(f"sk-{key}")
    error = kind(f"{before}sk-{key}{after}")
    shown = [repr(error), repr([error])]
    if not isinstance(error, ResolutionError):
        shown.append(str(error))
    for text in shown:
        assert key not in text, text
    assert repr(error).startswith(f"{kind.__name__}(")
