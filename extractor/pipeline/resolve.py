"""Resolution: a model's answer in, validated records and warnings out.

:func:`resolve` is pure: given the answer (drafts, see
:mod:`extractor.types.drafting`) and the article, it returns the records the
article supports, the warnings about what was changed or left empty, and the
problems of the drafts that could not become records. It knows no record
type: each type's :class:`~extractor.types.registry.RecordSpec` builds its
record from a draft and names the terms that tie it to a sentence.

What it does for every draft, in order:

1. cut the quote and offsets of the cited sentences from the text (evidence
   by sentence number: verbatim by construction);
2. build and validate the record against the article (names, countries and
   figures must be in the article and the quote);
3. when the cited sentences do not support it (:class:`EvidenceError`), try
   the sentences that carry the draft's names and figures instead (the 1.5B
   model often cites a neighbouring sentence);
4. when a figure is in no sentence (:class:`MissingFigure`) and the type allows
   it, leave that figure empty and keep the rest.

Failures are typed exceptions, never matched on their message text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from extractor.errors import EventNotStated, EvidenceError, MissingFigure, ResolutionError
from extractor.text.countries import government_country
from extractor.text.cues import DISTRIBUTIVE_CUES, states_any
from extractor.text.grounding import folded_article, normalise_text
from extractor.text.language import detect_language
from extractor.text.quantities import number_forms, written_in
from extractor.text.sentences import Sentence, split_sentences
from extractor.text.titles import TITLE_WORDS
from extractor.types.base import Record
from extractor.types.drafting import Builder, PersonDraft, _warn
from extractor.types.parts import Actor, Status
from extractor.types.registry import RecordSpec, get_type
from extractor.types.visit import _cues_of, _side_names, _talk_clause

#: A warning about one record opens with ``RECORD_MARK + "<type>/<id>" + RECORD_MARK_END``
#: (:func:`about_record`). Only the result knows where the record ends up (after chunks are
#: joined, duplicates merged, unsupported records left out), so the result replaces the
#: mark by the record's place in its output lists (:class:`~extractor.pipeline.result.
#: ArticleExtraction`). Private-use characters: no article or model writes them here.
RECORD_MARK = "\ue000"
RECORD_MARK_END = "\ue001"


@dataclass(frozen=True)
class Article:
    """The text a model answered about, as resolution needs it."""

    text: str
    sentences: list[Sentence]
    published: date | None = None
    doc_id: str | None = None
    #: The state whose government published the article (:func:`government_country`
    #: of its address): it is a party a readout need not name ("President Biden spoke
    #: today with ..."), so a record may name it though the text does not.
    publisher: str | None = None

    @classmethod
    def of(
        cls, text: str, *, published: date | None = None, doc_id: str | None = None,
        url: str | None = None,
    ) -> Article:  # fmt: skip
        """The article of a text, split into sentences, its publisher read from ``url``."""
        return cls(text, split_sentences(text), published, doc_id, government_country(url))

    def context(self) -> dict[str, Any]:
        """The validation context records are checked against (a fresh memo each time)."""
        return {"text": self.text, "published": self.published, "doc_id": self.doc_id,
                "sentences": self.sentences, "memo": {}, "publisher": self.publisher}  # fmt: skip

    @classmethod
    def from_context(cls, context: dict[str, Any]) -> Article:
        published = context.get("published")
        doc_id = context.get("doc_id")
        publisher = context.get("publisher")
        return cls(
            text=str(context["text"]),
            sentences=list(context.get("sentences") or []),
            published=published if isinstance(published, date) else None,
            doc_id=doc_id if isinstance(doc_id, str) else None,
            publisher=publisher if isinstance(publisher, str) else None,
        )


@dataclass
class Resolution:
    """What :func:`resolve` made of one answer."""

    records: list[Record] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: "visits[0]: <why>" for every draft that could not become a record: the re-ask
    #: names a draft by its place in the model's answer.
    problems: list[str] = field(default_factory=list)
    #: The same problems as warnings a user reads: a dropped draft has no place in the
    #: output, and its index there would name another record once drafts before it drop.
    drops: list[str] = field(default_factory=list)

    @property
    def dropped(self) -> int:
        """How many drafts failed (a draft may have several problems)."""
        return len({p.split(":")[0] for p in self.problems})


def resolve(answer: Any, article: Article, *, memo: dict[str, Any] | None = None) -> Resolution:
    """Turn every draft of ``answer`` into a record, or a problem saying why not.

    ``answer`` has one list of drafts per type (``answer.list_fields`` maps
    each list to its type's name). Repeated records (same id) are kept once.
    ``memo`` may carry the article's folded text between calls about it.
    """
    outcome = Resolution()
    context = article.context()
    if memo is not None:
        context["memo"] = memo
    context["warnings"] = outcome.warnings
    seen: set[str] = set()
    said = outcome.warnings
    recoded_ids: set[str] = set()
    recoded_from: dict[str, Any] = {}  # a recoded record's id: the draft it was made of
    for name, kind in answer.list_fields.items():
        spec = get_type(kind)
        for index, draft in enumerate(getattr(answer, name)):
            start = len(said)
            try:
                record = draft_to_record(draft, spec, context)
            except (ValueError, ValidationError) as error:
                del said[start:]  # a dropped draft's problems say why; it has no fields
                recoded = _recoded(draft, spec, context, error)
                if recoded is None:
                    said_why = messages(error)
                    outcome.problems.extend(f"{name}[{index}]: {m}" for m in said_why)
                    outcome.drops.extend(
                        f"dropped a {spec.name} of the model's answer (not in the output): {m}"
                        for m in said_why
                    )
                    continue
                record, why = recoded  # kept or repeated as any record is, below
                if _join_recoded(outcome, recoded_from, draft, record, spec, context):
                    del said[start:]  # the joined record says its own
                    seen.update(r.id for r in outcome.records)
                    recoded_ids.update(recoded_from)
                    continue
                said.append(why)
                if record.id not in seen:
                    recoded_ids.add(record.id)
                    recoded_from[record.id] = draft
            if record.id in seen:
                del said[start:]  # the kept copy says its own
                continue  # small models repeat records; one is enough
            seen.add(record.id)
            said[start:] = [about_record(record, w) for w in said[start:]]
            outcome.records.append(record)
    _drop_recoded_repeats(outcome, recoded_ids)
    return outcome


def _join_recoded(
    outcome: Resolution,
    recoded_from: dict[str, Any],
    draft: Any,
    record: Record,
    spec: RecordSpec,
    context: dict[str, Any],
) -> bool:
    """Whether ``record``, recoded from ``draft``, joined a record recoded before it from
    the same stretch of the article with a person of its own: one talk drafted once per
    party ("A spoke by phone with B and C" as visits A->B and A->C) is one meeting of
    all its parties, built again from the drafts joined (its id from its contents),
    not two meetings of two, when the text tells one talk of them all
    (:func:`_one_talk`). The joined record replaces the earlier one in place, its
    warnings marked with its id."""
    for index, kept in enumerate(outcome.records):
        earlier = recoded_from.get(kept.id)
        if earlier is None or kept.record_type != record.record_type:
            continue
        if not _overlap(kept, record) or not _share_person(kept, record):
            continue
        if not _one_talk(kept, record, context):
            continue
        union = _joined_draft(earlier, draft)
        joined = None if union is None else _recode(union, spec, context)
        if joined is None:
            continue
        outcome.records[index] = joined
        del recoded_from[kept.id]
        recoded_from[joined.id] = union
        old, new = about_record(kept, ""), about_record(joined, "")
        outcome.warnings[:] = [
            new + w[len(old) :] if w.startswith(old) else w for w in outcome.warnings
        ]
        return True
    return False


def _share_person(one: Record, other: Record) -> bool:
    """Whether two records name one person among their people."""
    return any(_same_person(p, o) for p in _people(one) for o in _people(other))


def _one_talk(one: Record, other: Record, context: dict[str, Any]) -> bool:
    """Whether two recoded talks sharing a person tell one talk of all their people: on
    no two days read from their evidence, and in a sentence both cite, one clause that
    has every one of them as the subject or the party of one word of talk and does not
    distribute it over them (:func:`_talk_of_all`). Two talks in two clauses ("A spoke
    with B, and B then phoned C"; "... on Monday. On Tuesday, A spoke with C") are two
    meetings though the model cited their sentences together: joined, they would invent
    a talk of three that no one had. When unsure they stay two: a talk of three told as
    two of two loses less than a talk invented."""
    if _other_days(one, other):
        return False
    people = list(dict.fromkeys(a.name for r in (one, other) for a in r.actors()))
    names = [_side_names([PersonDraft(name=n, title=None, country=None)]) for n in people]
    return any(_talk_of_all(sentence, names) for sentence in _both_cite(one, other, context))


def _both_cite(one: Record, other: Record, context: dict[str, Any]) -> list[str]:
    """The sentences of the article that both records' evidence holds, their spaces made
    single (as :func:`~extractor.types.visit.as_call` reads a talk): a talk is told in
    one sentence, and each record's must be that one. None without the article's
    sentences in ``context``."""
    text = str(context["text"])
    sentences: list[Sentence] = context.get("sentences") or []
    return [
        " ".join(text[s.start : s.end].split())
        for s in sentences
        if _cites(one, s.start, s.end) and _cites(other, s.start, s.end)
    ]


def _cites(record: Record, start: int, end: int) -> bool:
    """Whether ``record``'s evidence holds an article's character from ``start`` to
    ``end``."""
    return any(span.start < end and start < span.end for span in record.evidence.spans)


def _talk_of_all(sentence: str, names: list[list[str]]) -> bool:
    """Whether one clause of ``sentence`` is where each person named ``names`` talked with
    another of them (:func:`~extractor.types.visit._talk_clause`), without a word that
    gives each party a talk of its own ("A held separate calls with B and C":
    :data:`~extractor.text.cues.DISTRIBUTIVE_CUES` of the sentence's language)."""
    shared = set.intersection(*(_talk_clauses(sentence, mine, names) for mine in names))
    distributive = _cues_of(DISTRIBUTIVE_CUES, detect_language(sentence))
    return any(not states_any(distributive, sentence[start:end]) for start, end in shared)


def _talk_clauses(text: str, mine: list[str], everyone: list[list[str]]) -> set[tuple[int, int]]:
    """The clauses of ``text`` in which the person named ``mine`` talked with another of
    ``everyone``."""
    clauses = (_talk_clause(text, mine, theirs) for theirs in everyone if theirs is not mine)
    return {clause for clause in clauses if clause is not None}


def _other_days(one: Record, other: Record) -> bool:
    """Whether two records read different days from their evidence (a date one of them
    lacks is no other day)."""
    mine, yours = _days(one), _days(other)
    return bool(mine) and bool(yours) and mine != yours


def _days(record: Record) -> set[tuple[str | None, str | None]]:
    """The days ``record`` says its event took place on, as values (or the words of an
    unresolved date)."""
    return {
        (d.value, d.end) if d.value else (normalise_text(d.text or ""), None)
        for d in record.event_dates()
    }


def _joined_draft(one: Any, other: Any) -> Any | None:
    """One draft of what two drafts of one event tell: each list field the union of
    theirs, in order; None when a field that is no list differs (another date, another
    status: not one event)."""
    update: dict[str, Any] = {}
    for name in type(one).model_fields:
        mine, yours = getattr(one, name), getattr(other, name)
        if isinstance(mine, list) and isinstance(yours, list):
            update[name] = mine + [item for item in yours if item not in mine]
        elif name in _SIDE_STATES:
            continue  # each side's own state is on its people
        elif mine != yours:
            return None
    return one.model_copy(update=update)


#: A draft's fields naming one side's state, which two drafts of one talk with
#: different parties differ in ("host_country" of A->B and A->C).
_SIDE_STATES = frozenset({"visitor_country", "host_country"})


def _drop_recoded_repeats(outcome: Resolution, recoded_ids: set[str]) -> None:
    """Recoded records that repeat part of a record the model drafted itself, taken out
    with their warnings.

    A call among three states is drafted as their meeting and, by a small model,
    also as a visit of one to another, which becomes the meeting of those two
    (:func:`_recoded`): the same talk twice, told from the same sentence. A
    recoded record whose people are all among those of a record of its type cited
    from an overlapping stretch of the article is that record again; a record of
    another talk has its own sentence or its own people.
    """
    if not recoded_ids:
        return
    drafted = [r for r in outcome.records if r.id not in recoded_ids]
    repeats = {
        r.id
        for r in outcome.records
        if r.id in recoded_ids and any(_part_of(r, kept) for kept in drafted)
    }
    if not repeats:
        return
    marks = tuple(about_record(r, "") for r in outcome.records if r.id in repeats)
    outcome.records[:] = [r for r in outcome.records if r.id not in repeats]
    outcome.warnings[:] = [w for w in outcome.warnings if not w.startswith(marks)]


def _part_of(recoded: Record, kept: Record) -> bool:
    """Whether ``recoded`` tells part of what ``kept`` tells: the same type, cited from an
    overlapping stretch of the article, and each of its people among ``kept``'s."""
    if recoded.record_type != kept.record_type or not _overlap(recoded, kept):
        return False
    people, others = _people(recoded), _people(kept)
    return bool(people) and all(any(_same_person(p, o) for o in others) for p in people)


def _same_person(one: str, other: str) -> bool:
    """Whether two names of a record's people name one person: the same words once
    titles and initials are left out ("President Lars Holm", "Mr. L. Holm" are "Lars
    Holm"), or one name a single word that is the other's surname ("Holm"). A given
    name shared is no match ("King Charles" is not "Charles Michel", "Prince William"
    not "William Ruto"), and a word of two letters is a name word ("Wang Yi" is not
    "Wang Wenbin")."""
    if one == other:
        return True
    ours, theirs = _identifying_words(one), _identifying_words(other)
    if not ours or not theirs:
        return False
    if set(ours) == set(theirs):
        return True
    shorter, longer = sorted((ours, theirs), key=len)
    return len(shorter) == 1 and shorter[0] == longer[-1]


def _identifying_words(name: str) -> list[str]:
    """The words of ``name`` that identify a person, folded, in order: no titles
    (:data:`TITLE_WORDS`), no initials ("L.")."""
    return [
        normalise_text(word)
        for word in re.findall(r"[^\W\d_][\w'’-]*", name)
        if len(word) > 1 and word.casefold() not in TITLE_WORDS
    ]


def _overlap(one: Record, other: Record) -> bool:
    """Whether two records' evidence spans share a character of the article."""
    return any(
        a.start < b.end and b.start < a.end
        for a in one.evidence.spans
        for b in other.evidence.spans
    )


def _people(record: Record) -> set[str]:
    """The names of every person a record lists (of any of its fields), folded."""
    names: set[str] = set()
    for value in vars(record).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Actor):
                names.add(" ".join(item.name.casefold().split()))
    return names


def _recoded(
    draft: Any, spec: RecordSpec, context: dict[str, Any], error: BaseException
) -> tuple[Record, str] | None:
    """The record of another type ``draft`` states when its evidence has none of its own
    type's words (:attr:`RecordSpec.recode`), with the warning that says so; None when
    there is none (the draft is dropped with its problems)."""
    if spec.recode is None or not _caused_by(error, EventNotStated):
        return None
    record = _recode(draft, spec, context)
    if record is None:
        return None
    return record, (
        f"the model drafted a {spec.name}, but its evidence states no {spec.name}: coded as "
        f"the {record.record_type} it reports"
    )


def _recode(draft: Any, spec: RecordSpec, context: dict[str, Any]) -> Record | None:
    """The record of another type ``draft`` states (:attr:`RecordSpec.recode`), or None;
    the warnings of a failed attempt are taken back."""
    if spec.recode is None:
        return None
    warnings = context.get("warnings")
    start = len(warnings) if isinstance(warnings, list) else None

    def make(kind: str, other: Any) -> Record:
        return draft_to_record(other, get_type(kind), context)

    try:
        record = spec.recode(draft, make)
    except (ValueError, ValidationError):
        record = None
    if record is None:
        if isinstance(warnings, list) and start is not None:
            del warnings[start:]
        return None
    return record


def about_record(record: Record, message: str) -> str:
    """``message`` marked as about ``record``: the result names the record as it is in the
    output (``meetings[1]: date 'May 3' is not in the article: left empty``), not by its
    place in the model's answer, which differs once drafts are dropped or merged."""
    return f"{RECORD_MARK}{record.record_type}/{record.id}{RECORD_MARK_END}{message}"


def _attempt(context: dict[str, Any], build: Callable[..., Record], draft: Any,
             spec: RecordSpec, *cited: list[int]) -> Record:  # fmt: skip
    """``build(draft, spec, context, *cited)``, the warnings it added taken back when it
    fails: they are about a record that was not made (another attempt, or the draft's
    problems, say the rest)."""
    warnings = context.get("warnings")
    start = len(warnings) if isinstance(warnings, list) else None
    try:
        record = build(draft, spec, context, *cited)
    except (ValueError, ValidationError):
        if isinstance(warnings, list) and start is not None:
            del warnings[start:]
        raise
    return record


def draft_to_record(draft: Any, spec: RecordSpec, context: dict[str, Any]) -> Record:
    """Resolve one draft into a validated record (raises ValueError / ValidationError)."""
    try:
        return _attempt(context, _anchor, draft, spec)
    except (ValueError, ValidationError) as error:
        missing = _caused_by(error, MissingFigure)
        if not missing and not _about_evidence(error):
            raise
        # A figure no sentence carries ("dozens" coded as 40) is left empty when
        # the record is still valid without it: the rest is still sound. (A
        # casualty report with no other figure is not, and stays dropped.)
        # Re-anchoring reports the cited sentence's fault, not the figure that made
        # every other sentence fail too ("injured 0" with a wrong citation): there a
        # figure is emptied only when the article writes it nowhere.
        for name in spec.optional_figures:
            value = getattr(draft, name)
            if value is None or (not missing and _written_in_article(value, context)):
                continue
            try:
                emptied = draft.model_copy(update={name: None})
                record = _attempt(context, _anchor, emptied, spec)
            except (ValueError, ValidationError):
                continue
            _warn(context, f"{name} {value} is in no sentence of the article: left empty")
            return record
        raise


def _written_in_article(value: Any, context: dict[str, Any]) -> bool:
    """Whether the article writes the count ``value`` anywhere, in English or in its own
    language's forms; True for what is not a plain count (it cannot be told)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return True
    language = detect_language(str(context.get("text", "")))
    try:
        forms = number_forms(value, None if language == "und" else language)
    except (TypeError, ValueError, ArithmeticError):
        return True
    article = folded_article(context)
    return any(written_in(article, normalise_text(form)) for form in forms)


def _anchor(draft: Any, spec: RecordSpec, context: dict[str, Any]) -> Record:
    """Build with the cited evidence, else with the sentences that carry the draft's facts."""
    cited = list(getattr(draft, "evidence", []))
    try:
        return _attempt(context, _build, draft, spec, cited)
    except (ValueError, ValidationError) as error:
        if not _about_evidence(error):
            raise
        for numbers in _candidate_evidence(draft, spec, context):
            if numbers == sorted(set(cited)):
                continue
            try:
                record = _attempt(context, _build, draft, spec, numbers)
            except (ValueError, ValidationError):
                continue
            _warn(context, f"evidence re-anchored from sentences {cited} to {numbers}")
            return record
        raise


def _build(draft: Any, spec: RecordSpec, context: dict[str, Any], cited: list[int]) -> Record:
    evidence = _evidence(cited, context)
    common: dict[str, Any] = {"evidence": evidence}
    status = getattr(draft, "status", None)
    if status is not None:
        common["status"] = Status(status)
        common["attribution"] = getattr(draft, "attribution", None)
    shown = " ... ".join(span["text"] for span in evidence["spans"])
    data = spec.build(draft, Builder(context, shown))
    return spec.record.model_validate({**common, **data}, context=context)


def _causes(error: BaseException) -> list[BaseException]:
    """The exceptions behind ``error``: itself, or those pydantic wrapped."""
    if isinstance(error, ValidationError):
        found: list[BaseException] = []
        for item in error.errors(include_url=False):
            cause = (item.get("ctx") or {}).get("error")
            if isinstance(cause, BaseException):
                found.append(cause)
        return found
    return [error]


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    return any(isinstance(cause, kind) for cause in _causes(error))


def _about_evidence(error: BaseException) -> bool:
    """Whether other sentences might fix ``error``.

    True for evidence that does not support the record, and for any check of
    the whole record against the article (a name or country the quote lacks);
    False for a draft value that no evidence can fix (an unknown country code
    in a field, a negative count).
    """
    if isinstance(error, EvidenceError):
        return True
    if isinstance(error, ValidationError):
        return any(
            not item["loc"] or item["loc"][0] == "evidence"
            for item in error.errors(include_url=False)
        )
    return False


def messages(error: Exception) -> list[str]:
    """The re-ask lines of an error: one per problem, located, without pydantic's noise."""
    if isinstance(error, ValidationError):
        out = []
        for item in error.errors(include_url=False):
            where = ".".join(str(p) for p in item["loc"])
            message = str(item["msg"]).removeprefix("Value error, ")
            out.append(f"{where}: {message}" if where else message)
        return out
    return [str(error)]


def _evidence(numbers: list[int], context: dict[str, Any]) -> dict[str, Any]:
    """The spans of the cited sentences, exact slices of the article."""
    sentences: list[Sentence] = context.get("sentences") or []
    text = str(context.get("text", ""))
    if not numbers:
        raise EvidenceError(
            "evidence is empty: give the number of the sentence that states this event"
        )
    wanted = sorted(set(numbers))
    bad = [n for n in wanted if not 1 <= n <= len(sentences)]
    if bad:
        raise EvidenceError(
            f"evidence cites sentence {bad[0]}, but the article has sentences 1 to {len(sentences)}"
        )
    if len(wanted) > 3:
        raise EvidenceError(
            "evidence cites more than 3 sentences: cite the one or two that state the event"
        )
    picked = [sentences[n - 1] for n in wanted]
    # Sentences that follow each other form one span (with the text between
    # them); sentences apart form separate spans: nothing is joined or skipped.
    runs: list[list[Sentence]] = []
    for sentence in picked:
        if runs and sentence.number == runs[-1][-1].number + 1:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    spans = [
        {"start": run[0].start, "end": run[-1].end, "text": text[run[0].start : run[-1].end]}
        for run in runs
    ]
    return {"quote": spans[0]["text"], "start": spans[0]["start"], "spans": spans}


def _candidate_evidence(draft: Any, spec: RecordSpec, context: dict[str, Any]) -> list[list[int]]:
    """Sentence numbers worth trying as evidence, best first (at most a handful)."""
    sentences: list[Sentence] = context.get("sentences") or []
    text = str(context.get("text", ""))
    names, figures = spec.terms(draft)
    # a name is in a sentence only if it is in the article (each sentence's fold is a piece
    # of the article's): the article is looked through once, not once per sentence
    article = folded_article(context)
    names = {name for name in names if name in article}
    scored: list[tuple[float, int, bool]] = []
    for sentence, body in zip(sentences, _folded_sentences(sentences, text, context), strict=True):
        hits = sum(1 for n in names if n in body)
        # A figure as a whole number ("21", not the end of "2021"; "two", not in "twenty-two").
        has_figure = any(written_in(body, f) for f in figures)
        score = hits + (3 if has_figure else 0)
        if score > 0:
            scored.append((score, sentence.number, has_figure))
    scored.sort(key=lambda s: (-s[0], s[1]))
    singles = [[number] for _, number, _ in scored[:5]]
    if not figures:
        return singles
    with_figure = [n for _, n, f in scored if f][:2]
    with_names = [n for _, n, f in scored if not f][:2]
    pairs = [sorted({a, b}) for a in with_names for b in with_figure]
    return singles + pairs


def _folded_sentences(sentences: list[Sentence], text: str, context: dict[str, Any]) -> list[str]:
    """Each sentence folded (:func:`normalise_text`), once per chunk: every record of a call
    looks through them, so they are kept in the context's memo when it has one."""
    memo = context.get("memo")
    if not isinstance(memo, dict):
        return [normalise_text(text[s.start : s.end]) for s in sentences]
    key = ("folded sentences", len(text), len(sentences))
    folded = memo.get(key)
    if folded is None:
        folded = memo[key] = [normalise_text(text[s.start : s.end]) for s in sentences]
    return list(folded)


__all__ = [
    "RECORD_MARK",
    "RECORD_MARK_END",
    "Article",
    "Resolution",
    "ResolutionError",
    "about_record",
    "draft_to_record",
    "resolve",
]
