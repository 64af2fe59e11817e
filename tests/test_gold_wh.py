"""The White House development gold set (seeds/dev-wh.gold.jsonl) is sound and drawn as stated.

A gold set is only as good as its weakest line: a quote that is not in the
text, a text that is not what the readers extract, or a document that is
already in the other development set would silently skew every score. So
every line is checked here with the project's own loader, every record must
be expressible as a project record validated against its article, and the
sample is re-drawn from the archive (when it is present) to prove that the
documents were drawn by the seeded, stratified procedure that
seeds/README.md describes rather than picked by hand.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import GoldFormatError
from extractor.evaluation.gold import GoldDocument, load_gold, parse_gold_document
from extractor.io.formats import parse_document
from extractor.types.parts import Evidence, Status
from extractor.types.registry import get_type

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "seeds" / "dev-wh.gold.jsonl"
DEV = ROOT / "seeds" / "dev.gold.jsonl"
FIXTURES = ROOT / "tests" / "fixtures" / "wh"
ARCHIVE = Path("/work/shared/corpora/wh-statements.zip")
UPSTREAM_COMMIT = "737ca03a271adc205c67766074ec8d0070f7ad95"

# -- the sampling procedure (seeds/README.md) ---------------------------------
#: Seed of every stratum's shuffle (the issue number).
SEED = 15
#: Shorter documents only, so that recording cassettes for them stays cheap.
MAX_CHARS = 6000
_OFFICE = (
    r"(prime minister|president|minister|king|queen|chancellor|crown prince|amir|emir|sultan|"
    r"premier|secretary[- ]general|taoiseach|his majesty|her majesty|his highness)"
)
_ARMS_VERBS = r"\b(provid|deliver|send|sent|announc|pledg|donat|commit|transfer)\w*\b"
_ARMS_WORDS = (
    r"\b(security assistance|military assistance|military aid|air defen[cs]e|weapons|munitions|"
    r"ammunition|Patriot|HIMARS|artillery|missiles|interceptors)\b"
)
_TOLL = (
    r"\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|"
    r"hundreds|thousands)\b\s+(\w+\s+){0,3}(people|civilians|killed|dead|lives|soldiers|"
    r"victims|children|Americans|wounded|injured|service members)"
)


def _has(pattern: str, text: str, flags: int = 0) -> bool:
    return re.search(pattern, text, flags) is not None


#: Stratum -> (is a document (title, text) in its pool, the record type it is
#: drawn for or None for "no record", how many such documents are drawn).
#: Strata are drawn in this order and are disjoint: a document drawn for one
#: is not drawn again.
STRATA: dict[str, tuple[Callable[[str, str], bool], str | None, int]] = {
    # A foreign leader received in Washington: the visitor is the foreigner.
    "visit_in": (
        lambda t, x: (
            _has(r"meeting with .*" + _OFFICE, t, re.I)
            and _has(
                r"\b(welcomed|hosted|hosts|received)\b[^.]{0,200}\b(to|at) the White House\b", x
            )
        ),
        "visit",
        4,
    ),
    # U.S. officials travelling abroad.
    "visit_out": (
        lambda t, x: (
            _has(r"\b(trip|travel|visit)s? to\b", t, re.I)
            and _has(r"\b(traveled|travelled|visited|arrived|visit to|trip to)\b", x)
            and not _has(r"\bvisit of\b", t, re.I)
        ),
        "visit",
        4,
    ),
    # Arms support outside formal arms-sale notices (aid packages, deliveries, pledges).
    "arms": (
        lambda t, x: (
            _has(_ARMS_VERBS + r"[^.]{0,150}" + _ARMS_WORDS, x)
            and not _has(r"Foreign Military Sale", x)
            and not _has(
                r"\b(gun|guns|shooting|firearms?|chemical|nonproliferation|proliferation)\b",
                t,
                re.I,
            )
        ),
        "arms_transfer",
        6,
    ),
    # Statements on an attack that give a toll (anniversaries are left out).
    "casualty": (
        lambda t, x: (
            not _has(
                r"\b(anniversary|marking|years? since|years? after|remembrance|commemorat\w*)\b",
                t,
                re.I,
            )
            and _has(
                r"\b(attack|shooting|bombing|killed|explosion|strike|massacre|terror\w*)\b", t, re.I
            )
            and _has(r"\b(killed|killing|dead|died|injured|wounded|lives|murdered)\b", x)
            and _has(_TOLL, x)
        ),
        "casualty_report",
        8,
    ),
    # Phone and video calls with foreign officials (meetings, but not in person).
    "call": (lambda t, x: _has(r"\bcall with .*" + _OFFICE, t, re.I), "meeting", 4),
    # In-person meetings with foreign officials.
    "meeting": (
        lambda t, x: _has(r"meeting with .*" + _OFFICE, t, re.I) and not _has(r"\bcall\b", t, re.I),
        "meeting",
        4,
    ),
    # Proclamations, nominations, appointments, presidential messages: no record expected.
    "none": (
        lambda t, x: _has(
            r"\b(proclamation|nominat\w*|appoint\w*|presidential message)\b", t, re.I
        ),
        None,
        6,
    ),
}


def _fold(text: str) -> str:
    """Letters and digits only, so a cleaned copy of a text still equals the markdown one."""
    text = unicodedata.normalize("NFKC", text).replace("\\", "")
    return re.sub(r"\W+", "", text).lower()


def _read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def gold() -> list[GoldDocument]:
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def lines() -> list[dict[str, Any]]:
    return _read_lines(GOLD)


@pytest.fixture(scope="module")
def dev() -> list[dict[str, Any]]:
    return _read_lines(DEV)


def line_problems(line: dict[str, Any], dev: list[dict[str, Any]]) -> list[str]:
    """What is wrong with one gold line beyond the loader's checks (empty: nothing)."""
    problems = []
    doc_id, text = line.get("id"), line.get("text", "")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != line.get("text_sha256"):
        problems.append(f"{doc_id}: text_sha256 does not match the text")
    for index, record in enumerate(line.get("records", [])):
        if record.get("evidence") not in text:
            problems.append(f"{doc_id}: record {index} evidence is not verbatim in the text")
    if doc_id in {d["id"] for d in dev}:
        problems.append(f"{doc_id}: id is already in dev.gold.jsonl")
    if line.get("source_path") in {d.get("source_path") for d in dev}:
        problems.append(f"{doc_id}: document is already in dev.gold.jsonl")
    if _fold(text)[:400] in {_fold(d["text"])[:400] for d in dev}:
        problems.append(f"{doc_id}: text is already in dev.gold.jsonl")
    member = str(line.get("source_path", ""))
    if line.get("source") != f"{ARCHIVE}!{member}" or not member.endswith(".md"):
        problems.append(f"{doc_id}: source is not the archive member {member!r}")
    if line.get("stratum") not in STRATA:
        problems.append(f"{doc_id}: unknown stratum {line.get('stratum')!r}")
    return problems


def test_every_line_loads_with_the_project_loader(gold: list[GoldDocument]) -> None:
    # load_gold validates every field, checks evidence (normalised) and unique ids.
    assert len(gold) >= 35
    assert all(doc.published is not None and doc.source and doc.license for doc in gold)


def test_every_line_is_verbatim_hashed_new_and_sourced(
    lines: list[dict[str, Any]], dev: list[dict[str, Any]]
) -> None:
    problems = [p for line in lines for p in line_problems(line, dev)]
    assert problems == []
    assert len({line["source_path"] for line in lines}) == len(lines)
    fixtures = {p.name for p in FIXTURES.glob("*.md")}
    assert fixtures and not fixtures & {Path(line["source_path"]).name for line in lines}


def test_with_the_dev_set_there_are_at_least_60_documents(
    gold: list[GoldDocument], dev: list[dict[str, Any]]
) -> None:
    assert len({d.id for d in gold} | {d["id"] for d in dev}) >= 60


def test_every_record_is_a_valid_project_record(gold: list[GoldDocument]) -> None:
    """The schema can express every gold fact: a visit crosses a border, a meeting has two
    sides, a toll has a count, a period does not end before it starts.

    The article-grounding checks the pipeline applies to its own records (a figure or a
    country must be written in the quoted sentence) are not applied: gold states the truth,
    also where the text implies it ("Sullivan spoke by phone" is a U.S. side; "19 children
    and two teachers" are 21 killed).
    """
    for doc in gold:
        for gold_record in doc.records:
            spec = get_type(gold_record["type"])
            assert spec.gold is not None and spec.gold.from_gold is not None
            status = {"planned": Status.PLANNED, "alleged": Status.ALLEGED}.get(
                str(gold_record.get("status")), Status.OCCURRED
            )
            data = {
                "status": status,
                "evidence": Evidence(quote=gold_record["evidence"]),
                **spec.gold.from_gold(gold_record),
            }
            spec.record.model_validate(data, context={"published": doc.published, "doc_id": doc.id})


def test_the_strata_are_met(lines: list[dict[str, Any]]) -> None:
    """Each stratum has its documents, and each type enough documents with a required record."""
    with_type: Counter[str] = Counter()
    for line in lines:
        for kind in {r["type"] for r in line["records"] if not r.get("optional")}:
            with_type[kind] += 1
    without_records = sum(1 for line in lines if not line["records"])
    assert with_type["visit"] >= 8 and with_type["meeting"] >= 8
    assert with_type["arms_transfer"] >= 6 and with_type["casualty_report"] >= 8
    assert without_records >= 5
    for name, (_, kind, target) in STRATA.items():
        drawn = [line for line in lines if line["stratum"] == name]
        hits = [line for line in drawn if _is_hit(line["records"], kind)]
        assert len(hits) == target, name


def _is_hit(records: list[dict[str, Any]], kind: str | None) -> bool:
    """Whether a drawn document counts toward its stratum's target."""
    if kind is None:
        return not records
    return any(r["type"] == kind and not r.get("optional") for r in records)


def test_calls_are_meetings_without_a_place_or_a_visit(lines: list[dict[str, Any]]) -> None:
    """A call is a meeting (format virtual) held nowhere; it entails no visit."""
    calls = [r for line in lines for r in line["records"] if r.get("format") == "virtual"]
    assert len(calls) >= 4
    assert all(r["type"] == "meeting" and r["place"] is None for r in calls)
    for line in lines:
        call_quotes = {r["evidence"] for r in line["records"] if r.get("format") == "virtual"}
        visits = [r for r in line["records"] if r["type"] == "visit"]
        assert not any(v["evidence"] in call_quotes for v in visits), line["id"]


def test_visits_cross_a_border_and_hosts_receive(lines: list[dict[str, Any]]) -> None:
    """A leader received at the White House is the visitor; the USA is the host."""
    for line in lines:
        for r in (r for r in line["records"] if r["type"] == "visit"):
            assert r["visitor_country"] != r["host_country"], line["id"]
            if r["place"] == "the White House":
                assert r["host_country"] == "USA" and r["visitor_country"] != "USA", line["id"]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_corrupted_line_is_caught(data: st.DataObject, lines: list[dict[str, Any]]) -> None:
    """The checks can fail: any one corruption of a real line is reported, naming the line."""
    line = json.loads(json.dumps(data.draw(st.sampled_from(lines))))
    dev_stub = [{"id": "dev-x", "source_path": "x.md", "text": "unrelated text"}]
    kinds = ["text", "id"] + (["evidence"] if line["records"] else [])
    kind = data.draw(st.sampled_from(kinds))
    if kind == "text":
        at = data.draw(st.integers(0, len(line["text"]) - 1))
        line["text"] = line["text"][:at] + "\u2063" + line["text"][at:]
        assert any("text_sha256" in p for p in line_problems(line, dev_stub))
    elif kind == "id":
        dev_stub[0]["id"] = line["id"]
        assert any("id is already" in p for p in line_problems(line, dev_stub))
    else:
        record = data.draw(st.sampled_from(line["records"]))
        record["evidence"] += data.draw(st.text(st.sampled_from("xyzq#"), min_size=3, max_size=8))
        assert any("not verbatim" in p for p in line_problems(line, dev_stub))
        with pytest.raises(GoldFormatError, match=re.escape(line["id"])):
            parse_gold_document(line, path=str(GOLD), line=1)


# -- provenance and sampling, against the archive itself ----------------------


def load_gold_url(line: dict[str, Any]) -> str | None:
    """The address the project's loader keeps, and hands to the extraction."""
    return parse_gold_document(line, path=str(GOLD), line=1).url


needs_archive = pytest.mark.skipif(not ARCHIVE.exists(), reason=f"{ARCHIVE} is not on this machine")


def _archive_documents() -> Iterator[tuple[str, str, str, str | None, str | None]]:
    """(member, title, text, published, url) of every markdown member, as the readers parse it."""
    with zipfile.ZipFile(ARCHIVE) as archive:
        for member in sorted(archive.namelist()):
            if not member.endswith(".md"):
                continue
            doc = parse_document(
                archive.read(member), name=member, doc_id=member, source=f"{ARCHIVE}!{member}"
            )
            published = doc.published.isoformat() if doc.published else None
            yield member, doc.title or "", doc.text, published, doc.url


@pytest.fixture(scope="module")
def archive() -> dict[str, tuple[str, str, str | None, str | None]]:
    return {member: rest for member, *rest in _archive_documents()}  # type: ignore[misc]


@needs_archive
def test_texts_and_dates_are_what_the_readers_extract(
    lines: list[dict[str, Any]], archive: dict[str, tuple[str, str, str | None, str | None]]
) -> None:
    """Text, date and address as a bulk run reads them: the address names the publisher."""
    for line in lines:
        _, text, published, url = archive[line["source_path"]]
        assert (line["text"], line["published"], line["url"]) == (text, published, url), line["id"]
        assert url is not None and load_gold_url(line) == url
        assert line["source_commit"] == UPSTREAM_COMMIT


@needs_archive
def test_the_sample_is_the_seeded_stratified_draw(
    lines: list[dict[str, Any]],
    dev: list[dict[str, Any]],
    archive: dict[str, tuple[str, str, str | None, str | None]],
) -> None:
    """Re-draw: in each stratum, the file holds exactly the first eligible documents of the
    seeded shuffle, up to the one that reached the stratum's target, and nothing else."""
    by_member = {line["source_path"]: line for line in lines}
    excluded = {d.get("source_path") for d in dev} | {p.name for p in FIXTURES.glob("*.md")}
    dev_folds = {_fold(d["text"])[:400] for d in dev}
    taken: set[str] = set()
    seen_sha: set[str] = set()
    for name, (in_pool, kind, target) in STRATA.items():
        pool = sorted(
            m
            for m, (title, text, _, _) in archive.items()
            if len(text) < MAX_CHARS and in_pool(title, text)
        )
        random.Random(f"{SEED}:{name}").shuffle(pool)
        hits = 0
        for rank, member in enumerate(pool):
            if hits == target:
                break
            text = archive[member][1]
            sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if (
                member in taken
                or member in excluded
                or Path(member).name in excluded
                or sha in seen_sha
                or _fold(text)[:400] in dev_folds
            ):
                continue
            taken.add(member)
            seen_sha.add(sha)
            line = by_member.get(member)
            assert line is not None, f"{name} rank {rank}: {member} was drawn but is missing"
            assert (line["stratum"], line["sample_rank"]) == (name, rank), line["id"]
            hits += _is_hit(line["records"], kind)
        assert hits == target, name
    assert taken == set(by_member)
