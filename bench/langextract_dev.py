#!/usr/bin/env python3
"""Side-by-side benchmark: LangExtract on the project's gold texts, scored by ``extractor eval``.

Runs google/langextract (PyPI ``langextract``, 1.x) on every document of a gold
file against an OpenAI-compatible server, converts its extractions into the
project's records and writes one result line per document in the format of
``extractor eval --save-predictions`` (``strategy`` = ``"langextract"``), so
the run is scored exactly like ours::

    /work/tmp/lxvenv/bin/python bench/langextract_dev.py seeds/dev.gold.jsonl \\
        --base-url http://127.0.0.1:8085/v1 --out bench/results/langextract-dev.jsonl
    extractor eval seeds/dev.gold.jsonl --predictions bench/results/langextract-dev.jsonl \\
        --json bench/results/dev-langextract.report.json --label langextract --details

LangExtract is never a dependency of the project: run this with a separate
virtual environment holding ``langextract`` and ``pip install -e .`` (for the
record models and the scorer). It is not part of the package and no test
imports it.

LangExtract configuration (what a LangExtract user would write for a small
model behind an OpenAI-compatible server; every value is printed in each line's
``config``):

* provider ``OpenAILanguageModel`` chosen through ``lx.factory.ModelConfig``
  (a model id such as ``qwen2.5-coder-1.5b-instruct`` matches no provider
  pattern by itself), ``base_url`` of the server, a dummy API key;
* temperature 0, one worker (``max_workers=1``, the server has one slot), one
  extraction pass, LangExtract's default chunking (``max_char_buffer=1000``),
  JSON format, ``max_output_tokens=2048`` per call (the cap our per-type calls
  use);
* ``use_schema_constraints=False``: LangExtract's OpenAI schema constraint is
  sent as ``response_format={"type": "json_schema", ...}``, which
  llama-cpp-python's server rejects with HTTP 500. Without it the provider
  sends ``response_format={"type": "json_object"}`` (grammar-constrained JSON);
* ``fence_output``: off by default, as LangExtract's OpenAI provider decides
  for JSON mode (``--fence-output`` turns it on; the JSON grammar then keeps
  the model from writing the fence, and LangExtract's lenient parser reads
  the bare JSON);
* the four classes ``visit``, ``meeting``, ``arms_transfer`` and
  ``casualty_report``, described by a prompt adapted from the project's
  codebook rules (``prompts/system.j2`` and ``prompts/types/*.j2``) and two
  invented few-shot examples built from the invented sentences of
  ``prompts/types/*.j2`` (nothing from any evaluation text). Attributes mirror
  our fields: names and countries of visitors and hosts, participants and
  countries, supplier, recipient, items, quantity, value and deal status,
  killed, injured, qualifier and scope, place, status and the date as written.

Conversion into records is lenient: dates are resolved by
``extractor.text.dates`` against the publication date, countries go through
``to_alpha3``, counts and money through ``extractor.text.quantities``; an attribute
that does not convert becomes null. Records are validated without the
article as context, so the project's own grounding and country checks do not
filter LangExtract's output. The evidence is the extraction text with
LangExtract's character interval; an extraction without an interval keeps its
quote with alignment ``not_found`` (ungrounded). An extraction that cannot form
a record at all (unknown class, no count, a one-sided meeting ...) is listed in
the line's ``warnings``, as are chunks LangExtract dropped because the model's
answer did not parse.

Tokens and calls: LangExtract reports no usage, so every chat completion made
through the openai SDK is counted here (``usage`` of each response).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import logging
import sys
import time
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import langextract as lx
import openai.resources.chat.completions as chat_completions
from pydantic import ValidationError

from extractor import ArmsItem, ArmsTransfer, CasualtyReport, Meeting, Record, Visit
from extractor.evaluation.gold import GoldDocument, load_gold
from extractor.text.countries import country_in_text, to_alpha3
from extractor.text.quantities import parse_count, parse_number
from extractor.types.parts import Actor, Count, DateValue, Evidence, Money, Place, Status

MODEL = "qwen2.5-coder-1.5b-instruct"
LANGEXTRACT_VERSION = importlib.metadata.version("langextract")

PROMPT = """\
Extract the events that this news article itself reports, as an event-data coder \
(ACLED, UCDP, SIPRI) would, in four classes:
- visit: a person or delegation travels from one country to another. Visitor and host \
countries differ. A leader receiving a guest at home is the host, not a visitor. Talks held \
during a visit are extracted twice: as a visit and as a meeting.
- meeting: named people or states meet, talk or hold a call. List every side that took part \
(at least two participants or two countries).
- arms_transfer: weapons, military equipment or military aid go from a supplier to a \
recipient: a sale, a sale approved or proposed by a government (for example a possible \
Foreign Military Sale), a donation, a delivery, military aid.
- casualty_report: a figure of people killed or injured, in one attack (scope "event") or \
as a total over a period (scope "cumulative").

Rules:
- The extraction text is the exact words of the article that state the event (a sentence or \
clause), copied verbatim. Do not paraphrase.
- Attributes, null when the article does not say:
  visit: visitors (names as written, without title), visitor_country, hosts, host_country, \
place, date, status.
  meeting: participants (everyone who took part, on every side: the person who met AND the \
person they met), countries (all sides), place, date, status.
  arms_transfer: supplier and recipient (country code of the state, or the name of a group; \
"the military" of a country is that country; a currency sign such as "$" says nothing about \
who buys or sells), items (each weapon or system as written), quantity, value (the price \
exactly as written, "$267 million"), deal_status (announced, approved, ordered, delivered, \
alleged), date, status.
  casualty_report: killed and injured (integers, the most conservative figure: "over 3,500" \
is 3500), qualifier (exact, at_least, about, up_to), scope (event or cumulative), country, \
place, date, perpetrator, victims, status.
- status: occurred, ongoing, planned (announced for the future), alleged (only claimed or \
suspected), denied.
- Countries: ISO 3166-1 alpha-3 codes (USA, CHN, RUS, UKR, GBR, DEU, FRA, ...), only of \
countries the article names.
- Dates: copy the date expression exactly as the article writes it ("on Tuesday", "May 3"). \
Never compute a date.
- Only what this article states. Skip vague background without participants, figures or \
deals. Extract nothing when the article reports none of these events."""

# Invented examples (the invented sentences of prompts/types/*.j2), no evaluation text.
_EXAMPLE_1 = (
    "Norway's foreign minister Eva Lund arrived in Santiago on Monday for a two-day visit. "
    "She met with Chile's President Carlos Ruiz on Tuesday to discuss trade."
)
_EXAMPLE_2 = (
    "Brazil will buy 36 Gripen fighter jets from Sweden for $4.5 billion, the defence ministry "
    "said. In northern Nigeria, at least 12 people were killed and 30 injured when a bomb "
    "exploded at a market in Kano on Friday, police said."
)


def examples() -> list[lx.data.ExampleData]:
    """The two few-shot examples: every class once, every attribute shown."""
    return [
        lx.data.ExampleData(
            text=_EXAMPLE_1,
            extractions=[
                lx.data.Extraction(
                    extraction_class="visit",
                    extraction_text="Norway's foreign minister Eva Lund arrived in Santiago on "
                    "Monday for a two-day visit",
                    attributes={
                        "visitors": ["Eva Lund"],
                        "visitor_country": "NOR",
                        "hosts": ["Carlos Ruiz"],
                        "host_country": "CHL",
                        "place": "Santiago",
                        "date": "on Monday",
                        "status": "occurred",
                    },
                ),
                lx.data.Extraction(
                    extraction_class="meeting",
                    extraction_text="She met with Chile's President Carlos Ruiz on Tuesday to "
                    "discuss trade",
                    attributes={
                        "participants": ["Eva Lund", "Carlos Ruiz"],
                        "countries": ["NOR", "CHL"],
                        "place": "Santiago",
                        "date": "on Tuesday",
                        "status": "occurred",
                    },
                ),
            ],
        ),
        lx.data.ExampleData(
            text=_EXAMPLE_2,
            extractions=[
                lx.data.Extraction(
                    extraction_class="arms_transfer",
                    extraction_text="Brazil will buy 36 Gripen fighter jets from Sweden for "
                    "$4.5 billion",
                    attributes={
                        "supplier": "SWE",
                        "recipient": "BRA",
                        "items": ["Gripen fighter jets"],
                        "quantity": "36",
                        "value": "$4.5 billion",
                        "deal_status": "ordered",
                        "date": None,
                        "status": "occurred",
                    },
                ),
                lx.data.Extraction(
                    extraction_class="casualty_report",
                    extraction_text="at least 12 people were killed and 30 injured when a bomb "
                    "exploded at a market in Kano on Friday",
                    attributes={
                        "killed": "12",
                        "injured": "30",
                        "qualifier": "at_least",
                        "scope": "event",
                        "country": "NGA",
                        "place": "Kano",
                        "date": "on Friday",
                        "perpetrator": None,
                        "victims": "people",
                        "status": "occurred",
                    },
                ),
            ],
        ),
    ]


# --------------------------------------------------------------------------- usage tally


class Tally:
    """Calls and tokens of every chat completion made through the openai SDK."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.calls = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.raw: list[str | None] = []

    def install(self) -> None:
        original: Callable[..., Any] = chat_completions.Completions.create
        tally = self

        def create(self: Any, *args: Any, **kwargs: Any) -> Any:
            tally.calls += 1
            response = original(self, *args, **kwargs)
            usage = getattr(response, "usage", None)
            tally.prompt_tokens += getattr(usage, "prompt_tokens", 0) or 0
            tally.completion_tokens += getattr(usage, "completion_tokens", 0) or 0
            choices = getattr(response, "choices", None) or []
            tally.raw.append(choices[0].message.content if choices else None)
            return response

        chat_completions.Completions.create = create  # type: ignore[method-assign]


class DroppedChunks(logging.Handler):
    """Collects LangExtract's 'Chunk omitted from results' warnings (absl logging)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "omitted" in message or "parse" in message.lower():
            self.messages.append(message.split(". Set resolver_params")[0][:300])


# --------------------------------------------------------------------------- conversion

_NULLS = {"", "null", "none", "n/a", "na", "unknown", "not specified", "not mentioned",
          "not stated", "unspecified", "-", "nil"}  # fmt: skip
_STATUSES = {s.value for s in Status}
_DEAL = {"announced", "approved", "ordered", "delivered", "alleged", "cancelled"}
_QUALIFIERS = {"exact", "at_least", "about", "up_to"}
_VIOLENCE = {"state_based", "non_state", "one_sided"}


def _text(value: Any) -> str | None:
    """One text value, or None for null and placeholders ("not specified")."""
    if isinstance(value, list):
        value = next((v for v in value if _text(v) is not None), None)
    if value is None or isinstance(value, dict):
        return None
    text = str(value).strip()
    return None if text.casefold() in _NULLS else text


def _texts(value: Any) -> list[str]:
    """A list of names: a list, or one string separated by ';', ',' or ' and '."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        text = _text(item)
        if text is None:
            continue
        if not isinstance(value, list):
            for part in text.replace(";", ",").replace(" and ", ",").split(","):
                if _text(part):
                    out.append(part.strip())
        else:
            out.append(text)
    return out


def _country(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return to_alpha3(text)
    except ValueError:
        return None


def _date(value: Any, published: date | None) -> DateValue | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return DateValue.resolve(text, published)
    except (ValueError, ValidationError):
        return None


def _place(value: Any, country: str | None = None) -> Place | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return Place(text=text, country=country or country_in_text(text))
    except (ValueError, ValidationError):
        return None


def _status(value: Any, default: Status = Status.OCCURRED) -> Status:
    text = (_text(value) or "").casefold()
    return Status(text) if text in _STATUSES else default


def _choice(value: Any, allowed: set[str]) -> str | None:
    text = (_text(value) or "").casefold().replace(" ", "_").replace("-", "_")
    return text if text in allowed else None


def _count(value: Any, qualifier: str | None) -> Count | None:
    """A count from an integer or text ("12", "at least 12", "dozens"), with the qualifier."""
    if isinstance(value, bool):
        return None
    text = str(int(value)) if isinstance(value, int | float) else _text(value)
    if text is None:
        return None
    parsed = parse_count(text)
    if parsed is None:
        return None
    low, best, high, found = parsed
    if low is not None and high is not None and low < high:  # a range as written
        return Count(low=low, best=best, high=high, qualifier="exact", text=text)
    number = best if best is not None else (low if low is not None else high)
    if number is None:
        return None
    wanted = found if found != "exact" else (qualifier or "exact")
    low, best, high = {
        "at_least": (number, number, None),
        "about": (None, number, None),
        "up_to": (None, number, number),
    }.get(wanted, (number, number, number))
    return Count(low=low, best=best, high=high, qualifier=wanted, text=text)  # type: ignore[arg-type]


def _money(value: Any) -> Money | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return Money.parse(text)
    except (ValueError, ValidationError, ArithmeticError):
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 0 else None
    text = _text(value)
    if text is None:
        return None
    number = parse_number(text)
    return int(number) if number is not None and number >= 0 else None


def _party(value: Any) -> Actor:
    """Supplier or recipient: a country code, a group's name, or 'unknown' (null in gold)."""
    text = _text(value)
    if text is None:
        return Actor(name="unknown")
    code = _country(text)
    return Actor(name=text, country=code)


_ALIGNMENT = {
    "match_exact": "exact",
    "match_greater": "fuzzy",
    "match_lesser": "fuzzy",
    "match_fuzzy": "fuzzy",
}


def evidence(extraction: lx.data.Extraction) -> Evidence:
    """The extraction text as quote, at LangExtract's character interval (if it aligned)."""
    quote = extraction.extraction_text or ""
    interval = extraction.char_interval
    status = getattr(extraction.alignment_status, "value", None)
    if (
        interval is not None
        and interval.start_pos is not None
        and interval.end_pos is not None
        and interval.end_pos > interval.start_pos
    ):
        return Evidence(
            quote=quote,
            start=interval.start_pos,
            end=interval.end_pos,
            alignment=_ALIGNMENT.get(str(status), "fuzzy"),  # type: ignore[arg-type]
        )
    return Evidence(quote=quote, alignment="not_found")


def to_record(extraction: lx.data.Extraction, document: GoldDocument) -> Record:
    """One LangExtract extraction as a project record (raises ValueError when none can be formed)."""
    kind = (extraction.extraction_class or "").strip().casefold()
    attrs: dict[str, Any] = dict(extraction.attributes or {})
    published = document.published
    if not (extraction.extraction_text or "").strip():
        raise ValueError("empty extraction text")
    common: dict[str, Any] = {
        "doc_id": document.id,
        "evidence": evidence(extraction),
        "status": _status(attrs.get("status")),
    }
    if kind == "visit":
        visitor_country = _country(attrs.get("visitor_country"))
        host_country = _country(attrs.get("host_country"))
        data: dict[str, Any] = {
            "visitors": [Actor(name=n, country=visitor_country) for n in _texts(attrs.get("visitors") or attrs.get("visitor"))],
            "visitor_country": visitor_country,
            "hosts": [Actor(name=n, country=host_country) for n in _texts(attrs.get("hosts") or attrs.get("host"))],
            "host_country": host_country,
            "place": _place(attrs.get("place"), host_country),
            "start": _date(attrs.get("date"), published),
        }  # fmt: skip
        return Visit.model_validate({**common, **data})
    if kind == "meeting":
        countries = [c for c in (_country(v) for v in _texts(attrs.get("countries"))) if c]
        data = {
            "participants": [Actor(name=n) for n in _texts(attrs.get("participants"))],
            "countries": list(dict.fromkeys(countries)),
            "place": _place(attrs.get("place")),
            "date": _date(attrs.get("date"), published),
        }
        if len(set(data["countries"])) == 2:
            data["format"] = "bilateral"
        return Meeting.model_validate({**common, **data})
    if kind == "arms_transfer":
        deal_status = _choice(attrs.get("deal_status"), _DEAL)
        when = _date(attrs.get("date"), published)
        items = [ArmsItem(designation=i) for i in _texts(attrs.get("items"))]
        quantity = _int(attrs.get("quantity"))
        if quantity is not None and not items:  # keep the count, a key field in matching
            items = [ArmsItem(designation="(unspecified)")]
        if items and quantity is not None:
            items[0] = items[0].model_copy(update={"quantity": quantity})
        delivered = deal_status == "delivered"
        data = {
            "supplier": _party(attrs.get("supplier")),
            "recipient": _party(attrs.get("recipient")),
            "items": items,
            "value": _money(attrs.get("value")),
            "delivery_date": when if delivered else None,
            "order_date": None if delivered else when,
            "deal_status": deal_status,
        }
        if deal_status == "alleged":
            common["status"] = Status.ALLEGED
        return ArmsTransfer.model_validate({**common, **data})
    if kind == "casualty_report":
        qualifier = _choice(attrs.get("qualifier"), _QUALIFIERS)
        country = _country(attrs.get("country"))
        perpetrator = _text(attrs.get("perpetrator"))
        scope = _choice(attrs.get("scope"), {"event", "cumulative"}) or "event"
        data = {
            "killed": _count(attrs.get("killed"), qualifier),
            "injured": _count(attrs.get("injured"), qualifier),
            "victims": _text(attrs.get("victims")),
            "perpetrator": Actor(name=perpetrator) if perpetrator else None,
            "country": country,
            "place": _place(attrs.get("place"), country),
            "date": _date(attrs.get("date"), published),
            "scope": scope,
            "violence_type": _choice(attrs.get("violence_type"), _VIOLENCE),
        }
        return CasualtyReport.model_validate({**common, **data})
    raise ValueError(f"unknown extraction class {extraction.extraction_class!r}")


def _problem(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(
            str(e["msg"]).removeprefix("Value error, ") for e in error.errors(include_url=False)
        )
    return str(error)


# --------------------------------------------------------------------------- running


def model_config(base_url: str, model: str, max_output_tokens: int) -> lx.factory.ModelConfig:
    return lx.factory.ModelConfig(
        model_id=model,
        provider="OpenAILanguageModel",
        provider_kwargs={
            "api_key": "not-needed",
            "base_url": base_url,
            "temperature": 0.0,
            "max_workers": 1,
            "max_output_tokens": max_output_tokens,
        },
    )


def run_document(
    document: GoldDocument, args: argparse.Namespace, tally: Tally, dropped: DroppedChunks
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Extract one document: its result line, and a raw line for inspection."""
    tally.reset()
    dropped.messages.clear()
    line: dict[str, Any] = {"doc_id": document.id, "model": args.model, "strategy": "langextract",
                            "langextract_version": LANGEXTRACT_VERSION}  # fmt: skip
    raw: dict[str, Any] = {"doc_id": document.id}
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = lx.extract(
                text_or_documents=document.text,
                prompt_description=PROMPT,
                examples=examples(),
                config=model_config(args.base_url, args.model, args.max_output_tokens),
                use_schema_constraints=False,
                fence_output=args.fence_output,
                max_char_buffer=args.max_char_buffer,
                extraction_passes=1,
                max_workers=1,
                batch_length=10,
                show_progress=False,
            )
    except Exception as error:  # one failed document must not end the run
        line.update(
            status="error", records=[], seconds=round(time.perf_counter() - started, 2),
            usage={"prompt_tokens": tally.prompt_tokens,
                   "completion_tokens": tally.completion_tokens},
            calls=tally.calls, warnings=list(dropped.messages),
            error={"type": type(error).__name__, "message": str(error)[:500]},
        )  # fmt: skip
        raw.update(outputs=tally.raw, error=str(error)[:500])
        return line, raw
    seconds = round(time.perf_counter() - started, 2)
    assert isinstance(result, lx.data.AnnotatedDocument)
    records: list[dict[str, Any]] = []
    notes = [f"chunk dropped: {m}" for m in dropped.messages]
    extractions = list(result.extractions or [])
    for index, extraction in enumerate(extractions):
        try:
            record = to_record(extraction, document)
        except (ValueError, ValidationError) as error:
            notes.append(
                f"extraction {index} ({extraction.extraction_class}) "
                f"{(extraction.extraction_text or '')[:60]!r}: no record: {_problem(error)}"
            )
            continue
        records.append(record.model_dump(mode="json"))
    line.update(
        status="ok", records=records, seconds=seconds,
        usage={"prompt_tokens": tally.prompt_tokens,
               "completion_tokens": tally.completion_tokens},
        calls=tally.calls, warnings=notes,
    )  # fmt: skip
    raw.update(
        outputs=tally.raw,
        extractions=[
            {
                "class": e.extraction_class,
                "text": e.extraction_text,
                "attributes": e.attributes,
                "interval": [e.char_interval.start_pos, e.char_interval.end_pos]
                if e.char_interval
                else None,
                "alignment": getattr(e.alignment_status, "value", None),
            }
            for e in extractions
        ],
    )
    return line, raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run LangExtract on a gold file.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    parser.add_argument("gold", type=Path, help="gold JSON Lines file")
    parser.add_argument("--base-url", required=True, help="OpenAI-compatible server, .../v1")
    parser.add_argument("--out", type=Path, required=True, help="result lines (JSONL)")
    parser.add_argument("--raw", type=Path, help="also write raw model answers and extractions")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--only", help="comma-separated document ids")
    parser.add_argument("--max-char-buffer", type=int, default=1000)
    parser.add_argument("--max-output-tokens", type=int, default=2048)
    parser.add_argument("--fence-output", action="store_true", help="ask for ```json fences")
    args = parser.parse_args(argv)

    documents = load_gold(args.gold)
    if args.only:
        wanted = set(args.only.split(","))
        documents = [d for d in documents if d.id in wanted]
    if args.limit is not None:
        documents = documents[: args.limit]

    tally = Tally()
    tally.install()
    dropped = DroppedChunks()
    logging.getLogger("absl").addHandler(dropped)
    logging.getLogger("absl").setLevel(logging.WARNING)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    raw_handle = args.raw.open("w", encoding="utf-8") if args.raw else None
    config = {"max_char_buffer": args.max_char_buffer, "extraction_passes": 1, "max_workers": 1,
              "temperature": 0.0, "use_schema_constraints": False,
              "fence_output": args.fence_output, "max_output_tokens": args.max_output_tokens}  # fmt: skip
    try:
        with args.out.open("w", encoding="utf-8") as out:
            for number, document in enumerate(documents, start=1):
                line, raw = run_document(document, args, tally, dropped)
                line["config"] = config
                out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
                out.flush()
                if raw_handle is not None:
                    raw_handle.write(json.dumps(raw, ensure_ascii=False) + "\n")
                    raw_handle.flush()
                print(
                    f"[{number}/{len(documents)}] {document.id}: {line['status']}, "
                    f"{len(line['records'])} records, {line['calls']} calls, "
                    f"{line['usage']['prompt_tokens']}+{line['usage']['completion_tokens']} "
                    f"tokens, {line['seconds']} s, {len(line['warnings'])} warnings",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        if raw_handle is not None:
            raw_handle.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
