"""Field agreement rules and the one-to-one record assignment.

Everything here works on gold-format dicts (GOLD_FORMAT.md), for gold and
predicted records alike, and is pure: no I/O, no state. The rules follow
GOLD_FORMAT.md, "How a prediction is scored"; where the spec leaves a choice
open, the function's docstring says what was chosen and why.

Two conventions hold throughout:

* ``null`` means "the text does not say". Both null is right; a value where
  the gold has none (or none where the gold has one) is wrong, because a model
  that invents a date or a place the text does not give is making an error.
* A predicted value of the wrong shape (a number where a list is expected, an
  unparseable date) is scored as wrong rather than raising: the scorer judges
  the model's output, it does not validate it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extractor.evaluation.gold import RECORD_FIELDS, FieldKind
from extractor.text.grounding import normalise_text
from extractor.types.registry import get_type

__all__ = [
    "FieldResult",
    "actors_match",
    "agreement",
    "compare_fields",
    "count_matches",
    "countries_match",
    "country_sets_match",
    "dates_match",
    "exact_match",
    "hungarian",
    "is_matchable",
    "items_match",
    "match_records",
    "max_weight_matching",
    "money_matches",
    "name_list_credit",
    "names_match",
    "parse_partial_date",
    "quantities_match",
    "text_match",
]

Record = Mapping[str, Any]

# Generational suffixes and degrees are written after the surname ("Joseph R.
# Biden, Jr."); taking them as the surname would match every "Jr.".
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md"})

# Function words never identify an item.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "the", "of", "for", "with", "to", "in", "on", "or", "by", "including"}
)

# Words that appear in almost every arms-transfer item list and so say nothing
# about *which* items were transferred ("related equipment", "support"). They
# count only when an item has nothing else ("arms and equipment").
_GENERIC_ITEM_WORDS = frozenset(
    {
        "other",
        "related",
        "equipment",
        "support",
        "service",
        "item",
        "various",
        "additional",
        "associated",
        "system",
        "unit",
        "materiel",
        "military",
        "weapon",
        "arm",
        "defense",
        "defence",
        "new",
    }
)


def _tokens(text: str) -> list[str]:
    """Alphanumeric runs of the folded text; hyphens, dots, apostrophes split."""
    return re.findall(r"[^\W_]+", normalise_text(text, accents=False))


# --------------------------------------------------------------------------- names


def _surname_tokens(name: str) -> list[str]:
    """Tokens of the last word of ``name``, skipping suffixes like "Jr."."""
    words = name.split()
    while words and all(t in _NAME_SUFFIXES for t in _tokens(words[-1])):
        words.pop()
    return _tokens(words[-1]) if words else []


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def names_match(a: str, b: str) -> bool:
    """Whether two person names refer to the same person (GOLD_FORMAT rule).

    True if one name contains the other's surname (its last word), case- and
    accent-insensitively: "Sauli Niinistö" ~ "President Niinisto", "Joseph R.
    Biden, Jr." ~ "Biden". Containment is by whole tokens, not substrings, so
    "Li" does not match "Albin Kurti"; a hyphenated surname is a run of tokens,
    so "Sherwood-Randall" ~ "Liz Sherwood Randall". Checking both directions
    covers family-name-first names ("Xi" ~ "Xi Jinping").
    """
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    ta, tb = _tokens(a), _tokens(b)
    return _contains_run(tb, _surname_tokens(a)) or _contains_run(ta, _surname_tokens(b))


def name_list_credit(gold: object, pred: object) -> float:
    """Share of gold names matched by a predicted name, one to one (partial credit).

    The field is right when this is 1.0: every gold name found; extra predicted
    names are not punished (a readout may mention aides the annotator left
    out). Matching is one to one (a maximum bipartite matching) so that one
    predicted "Kim" cannot stand in for two gold Kims.

    An empty gold list ("representatives of the United States") is right only
    with an empty prediction: names the text does not give are invented,
    like a date where the gold has ``null``.
    """
    gold_names = [n for n in gold if isinstance(n, str)] if isinstance(gold, list) else []
    pred_names = [n for n in pred if isinstance(n, str)] if isinstance(pred, list) else []
    if not gold_names:
        return 1.0 if not pred_names else 0.0
    if not pred_names:
        return 0.0
    allowed = [[1.0 if names_match(g, p) else None for p in pred_names] for g in gold_names]
    return len(max_weight_matching(allowed)) / len(gold_names)


def _names_overlap(gold: object, pred: object) -> bool:
    if not isinstance(gold, list) or not isinstance(pred, list):
        return False
    return any(names_match(g, p) for g in gold for p in pred)


# ----------------------------------------------------------------- countries, actors


def _country(value: object) -> str | None:
    return value.strip().upper() if isinstance(value, str) and value.strip() else None


def countries_match(gold: object, pred: object) -> bool:
    """Countries are compared exactly (ISO3), ignoring case and surrounding space."""
    return _country(gold) == _country(pred)


def country_sets_match(gold: object, pred: object) -> bool:
    """A list of countries (meeting ``countries``, "all sides") is right as a set."""
    return _country_set(gold) == _country_set(pred)


def _country_set(value: object) -> frozenset[str] | None:
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        return None  # malformed: equal to nothing, not even another malformed value
    return frozenset(c for c in (_country(v) for v in value) if c is not None)


def actors_match(gold: object, pred: object) -> bool:
    """Supplier / recipient: an ISO3 code exactly, a named non-state actor as free text.

    The spec allows "ISO3 or a named non-state actor"; a code is compared like
    a country, anything else by :func:`text_match` ("Air Force Capability
    Coalition" ~ "the Air Force Capability Coalition for Ukraine").
    """
    g, p = _country(gold), _country(pred)
    if g is None or p is None:
        return g is None and p is None
    if re.fullmatch(r"[A-Z]{3}", g) or re.fullmatch(r"[A-Z]{3}", p):
        return g == p
    return text_match(gold, pred)


# --------------------------------------------------------------------------- dates

_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def parse_partial_date(value: object) -> tuple[int, ...] | None:
    """``"2023"`` -> (2023,), ``"2023-05"`` -> (2023, 5), ``"2023-05-30"`` -> (2023, 5, 30).

    A time part ("2023-05-30T00:00:00") is ignored. Anything else is ``None``.
    """
    if not isinstance(value, str):
        return None
    m = _DATE_PREFIX.match(value.strip())
    if m is None:
        return None
    return tuple(int(part) for part in m.groups() if part is not None)


def dates_match(gold: object, pred: object) -> bool:
    """Dates agree if equal at the coarser of the two precisions (GOLD_FORMAT rule).

    Both are truncated to the coarser precision and compared: gold
    "2023-05-30" and predicted "2023-05" agree; "2023-05" and "2023-06-01" do
    not. As the spec states it, this also accepts a prediction vaguer than the
    gold ("2023" for "2023-05-30"): precision is not scored, correctness is.
    Null gold with a non-null prediction is wrong, both null right.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = parse_partial_date(gold), parse_partial_date(pred)
    if g is None or p is None:
        return False
    n = min(len(g), len(p))
    return g[:n] == p[:n]


# -------------------------------------------------------------------------- counts


def _int_or_none(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if math.isfinite(value) else None


def _count_parts(value: object) -> tuple[int | None, int | None, int | None]:
    if not isinstance(value, Mapping):
        return None, None, None
    return (
        _int_or_none(value.get("low")),
        _int_or_none(value.get("best")),
        _int_or_none(value.get("high")),
    )


def _gold_count_target(value: object) -> int | None:
    """The figure a prediction must cover: ``best``, else ``low``, else ``high``.

    ``high`` alone ("up to 40") is the only figure such a gold count has.
    """
    low, best, high = _count_parts(value)
    return best if best is not None else low if low is not None else high


def count_matches(gold: object, pred: object, pred_qualifier: object = None) -> bool:
    """A count is right if the gold ``best`` (or ``low``) lies in the predicted range.

    The predicted range is ``[low, high]`` with a missing ``low`` or ``high``
    taken as the predicted ``best``. A missing ``high`` is unbounded only when
    the predicted ``qualifier`` is ``at_least`` ("more than 50 killed" does not
    say how many more); symmetrically a missing ``low`` is 0 for ``up_to``. If
    the prediction has no ``best``, its ``low`` (else ``high``) stands in.
    A gold count with no figure (or ``null``) is right only if the prediction
    has none either.
    """
    target = _gold_count_target(gold)
    p_low, p_best, p_high = _count_parts(pred)
    if target is None:
        return p_low is None and p_best is None and p_high is None
    anchor = p_best if p_best is not None else p_low if p_low is not None else p_high
    if anchor is None:
        return False
    low: float = p_low if p_low is not None else (0 if pred_qualifier == "up_to" else anchor)
    high: float = (
        p_high if p_high is not None else (math.inf if pred_qualifier == "at_least" else anchor)
    )
    return low <= target <= high


# ------------------------------------------------------------- money, items, others


def money_matches(gold: object, pred: object) -> bool:
    """Money is right if the amounts are within 1 % of the gold and the currency is the same."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if not isinstance(gold, Mapping) or not isinstance(pred, Mapping):
        return False
    g_amount, p_amount = gold.get("amount"), pred.get("amount")
    if isinstance(g_amount, bool) or isinstance(p_amount, bool):
        return False
    if not isinstance(g_amount, int | float) or not isinstance(p_amount, int | float):
        return False
    if _country(gold.get("currency")) != _country(pred.get("currency")):
        return False
    return abs(p_amount - g_amount) <= 0.01 * abs(g_amount) + 1e-9


def quantities_match(gold: object, pred: object) -> bool:
    """Quantities (units transferred) are right only if exactly equal."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return _int_or_none(gold) is not None and _int_or_none(gold) == _int_or_none(pred)


def _significant_words(text: str) -> set[str]:
    """Words that identify an item: designators and content words, not "related equipment".

    Designators are kept whole with hyphens, slashes and dots removed, so
    "F-16s" ~ "F16" and "AN/APR-39" ~ "ANAPR39"; a trailing plural "s" is
    dropped ("missiles" ~ "missile"). Generic words ("equipment", "arms")
    are dropped unless the item consists of nothing else.
    """
    words: set[str] = set()
    for raw in re.findall(r"[a-z0-9]+(?:[-/.][a-z0-9]+)*", normalise_text(text, accents=False)):
        word = re.sub(r"[-/.]", "", raw)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word in _FUNCTION_WORDS:
            continue
        if len(word) >= 3 or any(c.isdigit() for c in word):
            words.add(word)
    specific = words - _GENERIC_ITEM_WORDS
    return specific or words


def items_match(gold: object, pred: object) -> bool:
    """Items are right if any gold item shares a significant word with a predicted item.

    Item lists are free text at whatever granularity the article uses, so the
    rule asks only whether the prediction names the same kind of materiel, not
    the same list. Both empty is right; one empty is wrong.
    """
    g_items = [i for i in gold if isinstance(i, str)] if isinstance(gold, list) else []
    p_items = [i for i in pred if isinstance(i, str)] if isinstance(pred, list) else []
    if not g_items or not p_items:
        return not g_items and not p_items
    p_words: set[str] = set().union(*(_significant_words(i) for i in p_items))
    return any(_significant_words(i) & p_words for i in g_items)


def exact_match(gold: object, pred: object) -> bool:
    """Enumerations (status, scope, qualifier) must be equal."""
    return gold == pred


def text_match(gold: object, pred: object) -> bool:
    """Free text (place, perpetrator, victims): either contains the other, or both null.

    Case-, accent-, quote-, dash- and whitespace-insensitive (``normalise_text``
    with ``accents=False``), so "the White House" ~ "White House" and
    "Russian forces" ~ "Russian forces in Donetsk".
    """
    g = normalise_text(gold, accents=False) if isinstance(gold, str) else ""
    p = normalise_text(pred, accents=False) if isinstance(pred, str) else ""
    if not g or not p:
        return not g and not p
    return g in p or p in g


# ---------------------------------------------------------------- field comparison


@dataclass(frozen=True, slots=True)
class FieldResult:
    """The verdict on one field of a matched pair.

    ``credit`` is 1.0 or 0.0 except for name lists, where it is the share of
    gold names found; ``correct`` is the strict verdict (``credit == 1``).
    """

    field: str
    correct: bool
    credit: float
    gold: Any
    pred: Any


def _default(kind: FieldKind) -> object:
    return [] if kind in (FieldKind.NAMES, FieldKind.ITEMS, FieldKind.COUNTRY_SET) else None


def compare_fields(rtype: str, gold: Record, pred: Record) -> list[FieldResult]:
    """Judge every scored field of ``rtype`` on a (gold, predicted) pair.

    Missing keys are read as ``null`` (or ``[]`` for lists) on both sides.
    """
    results: list[FieldResult] = []
    for name, kind in RECORD_FIELDS[rtype].items():
        g, p = gold.get(name, _default(kind)), pred.get(name, _default(kind))
        credit: float
        if kind is FieldKind.NAMES:
            credit = name_list_credit(g, p)
        else:
            ok: bool
            if kind is FieldKind.COUNTRY:
                ok = countries_match(g, p)
            elif kind is FieldKind.COUNTRY_SET:
                ok = country_sets_match(g, p)
            elif kind is FieldKind.ACTOR:
                ok = actors_match(g, p)
            elif kind is FieldKind.DATE:
                ok = dates_match(g, p)
            elif kind is FieldKind.COUNT:
                ok = count_matches(g, p, pred.get("qualifier"))
            elif kind is FieldKind.MONEY:
                ok = money_matches(g, p)
            elif kind is FieldKind.ITEMS:
                ok = items_match(g, p)
            elif kind is FieldKind.QUANTITY:
                ok = quantities_match(g, p)
            elif kind is FieldKind.ENUM:
                ok = exact_match(g, p)
            else:
                ok = text_match(g, p)
            credit = 1.0 if ok else 0.0
        results.append(FieldResult(name, credit == 1.0, credit, g, p))
    return results


def agreement(results: Iterable[FieldResult]) -> float:
    """Total field agreement of a pair: the sum of its field credits.

    This is what the assignment maximises; every field weighs the same.
    """
    return sum(r.credit for r in results)


def is_matchable(
    rtype: str, gold: Record, pred: Record, fields: Sequence[FieldResult] | None = None
) -> bool:
    """Whether a pair shares a key field, which it must to be matched at all.

    Without this gate the assignment would pair any leftover prediction with
    any leftover gold record of the same type and call it a true positive.
    Each type declares its key fields (``GoldSpec.matchable`` in its module);
    a type that declares none is matchable when some field the gold record
    fills agrees (judged from ``fields``, ``compare_fields(rtype, gold, pred)``, when
    the caller has it already, so that no pair is judged twice).
    """
    gold_spec = get_type(rtype).gold
    if gold_spec is None:
        raise ValueError(f"record type {rtype!r} has no gold mapping")
    if gold_spec.matchable is not None:
        return gold_spec.matchable(gold, pred)
    return any(
        result.correct and result.gold not in (None, [])
        for result in (fields if fields is not None else compare_fields(rtype, gold, pred))
    )


# ------------------------------------------------------------------------ assignment


def hungarian(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost one-to-one assignment of rows to columns (Kuhn-Munkres).

    Works on rectangular matrices: ``min(rows, cols)`` pairs are returned as
    sorted ``(row, col)`` tuples. The shortest-augmenting-path form with
    potentials runs in O(n^2 m) for n <= m (the matrix is transposed when it
    is taller than wide). Costs must be finite.
    """
    n_rows = len(cost)
    if n_rows == 0:
        return []
    n_cols = len(cost[0])
    if any(len(row) != n_cols for row in cost):
        raise ValueError("cost matrix rows must all have the same length")
    if n_cols == 0:
        return []
    if not all(math.isfinite(c) for row in cost for c in row):
        raise ValueError("cost matrix entries must be finite")
    transposed = n_rows > n_cols
    matrix = (
        [list(col) for col in zip(*cost, strict=True)] if transposed else [list(r) for r in cost]
    )
    n, m = len(matrix), len(matrix[0])

    # 1-based arrays; column 0 is a virtual start column.
    u = [0.0] * (n + 1)  # row potentials
    v = [0.0] * (m + 1)  # column potentials
    owner = [0] * (m + 1)  # owner[j]: row assigned to column j (0 = none)
    way = [0] * (m + 1)  # previous column on the augmenting path
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        min_slack = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = math.inf
            j1 = 0
            row = matrix[i0 - 1]
            for j in range(1, m + 1):
                if used[j]:
                    continue
                slack = row[j - 1] - u[i0] - v[j]
                if slack < min_slack[j]:
                    min_slack[j] = slack
                    way[j] = j0
                if min_slack[j] < delta:
                    delta = min_slack[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_slack[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:  # augment along the path back to the virtual column
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


def max_weight_matching(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """One-to-one pairs maximising first the number of pairs, then their total weight.

    ``None`` marks a forbidden pair (no shared key field). Weights must be
    non-negative. Every allowed pair is worth a bonus larger than any possible
    difference in total weight, so the assignment never gives up a match
    (a true positive) to improve field agreement elsewhere: record-level
    scores would otherwise depend on how well the *other* fields agree.
    Among matchings of maximal size it maximises total agreement, which is
    the spec's "maximising total field agreement".
    """
    allowed = [w for row in weights for w in row if w is not None]
    if not allowed:
        return []
    if min(allowed) < 0:
        raise ValueError("weights must be non-negative")
    bonus = sum(max((w for w in row if w is not None), default=0.0) for row in weights) + 1.0
    cost = [[0.0 if w is None else -(bonus + w) for w in row] for row in weights]
    return [(r, c) for r, c in hungarian(cost) if weights[r][c] is not None]


def match_records(
    rtype: str, gold: Sequence[Record], pred: Sequence[Record]
) -> list[tuple[int, int, list[FieldResult]]]:
    """Pair gold and predicted records of one type one to one.

    Returns ``(gold_index, pred_index, field_results)`` for every matched
    pair, in gold order. Only pairs that share a key field
    (:func:`is_matchable`) can be matched; among those, the matching is
    :func:`max_weight_matching` of the total field agreement.
    """
    fields = [[compare_fields(rtype, g, p) for p in pred] for g in gold]
    weights: list[list[float | None]] = [
        [
            agreement(fields[i][j]) if is_matchable(rtype, g, p, fields[i][j]) else None
            for j, p in enumerate(pred)
        ]
        for i, g in enumerate(gold)
    ]
    return [(i, j, fields[i][j]) for i, j in max_weight_matching(weights)]
