"""The evidence viewer: documents, their records and the records' spans, as one HTML page.

An analyst checks a record against its source: which sentence says that
Yang Yang visited, and is the "3,500" in it? :func:`render_html` writes one
self-contained page (no network: inline CSS and JavaScript, allowed by their
hashes in a Content-Security-Policy that forbids everything else) showing
each document's text with every record's evidence spans highlighted in its
type's colour, the record cards beside the text, filters by type, record
status and document status, and links from a card to its spans and from a
span back to its cards.

* **Colours** are fixed per type name (:func:`type_colour`): the built-in
  types have their own, any other type (a plugin's) takes one of the rest by
  a hash of its name, so a type has the same colour in every report.
* **Overlapping spans** (two records citing the same sentence, or parts of
  it) are cut into segments at every span boundary; each segment names every
  record and span covering it (``data-r``, ``data-s``), is coloured by its
  first record and underlined in a second type's colour when types mix.
* **Hostile text** is escaped everywhere; lone surrogates become U+FFFD and
  control characters their visible pictures (one character for one, so
  offsets still hold); field values are bidi-isolated. No input string ever
  reaches the script: it reads only generated ids and escaped attributes.
* **Large inputs** stream: :func:`iter_html` yields the page a document at a
  time, and the page shows a page of documents at a time (``page_size``).

Documents come from bulk result lines (:func:`documents_from_jsonl`,
:func:`document_from_line`), which need the article text: a line's ``text``,
else the file named by its ``source`` when that is a plain file whose text
still has the line's ``text_sha256`` (a line without one shows no file: a
results file from elsewhere must not put a local file into a page); otherwise the records are shown without
highlighting under a visible "text unavailable" note. One extraction and its
text make a document too (:func:`document_from_extraction`,
:func:`extraction_html` for ``extractor extract --format html``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import os
import re
import shutil
import stat
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from extractor.errors import ConfigurationError, InputError
from extractor.io.output import (
    VIEW_PAGE_MARK,
    as_result_line,
    blank_doc_id,
    first_line,
    foreign_records_note,
    is_anonymous_result,
    is_result,
    latest_entries,
    latest_lines,
    predicted_records,
    said_of,
    unread_records_note,
    whole_json,
)
from extractor.types.registry import RECORD_TYPES, get_type

if TYPE_CHECKING:
    from extractor.pipeline.result import ArticleExtraction

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "PAGE_SIZE",
    "PALETTE",
    "JsonlDocuments",
    "ViewDocument",
    "ViewSummary",
    "clean_text",
    "colour_index",
    "document_from_extraction",
    "document_from_line",
    "documents_from_jsonl",
    "extraction_html",
    "iter_html",
    "render_html",
    "type_colour",
    "write_html",
]

#: Documents shown per page of the viewer.
PAGE_SIZE = 25

#: (strong, light) colour pairs: the swatch and border, and the highlight.
#: The first ones belong to the built-in types in registry order.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#2f6db5", "#d5e5f8"),  # blue
    ("#2e8540", "#d3efd8"),  # green
    ("#c8372d", "#fbd9d5"),  # red
    ("#7b4fa8", "#e8dcf4"),  # purple
    ("#d9730d", "#fde3c8"),  # orange
    ("#0e8a8a", "#cdeeee"),  # teal
    ("#a88a00", "#f7edbb"),  # ochre
    ("#c2367a", "#f9d6e7"),  # magenta
    ("#7a5a3a", "#eadfd3"),  # brown
    ("#4b5bd6", "#dcdffa"),  # indigo
    ("#5d8a00", "#e4f2c8"),  # olive
    ("#667085", "#e3e6eb"),  # slate
)

#: Record keys shown elsewhere on the card than in its field list.
_NOT_FIELDS = frozenset({"id", "doc_id", "type", "evidence", "status", "plover_event"})
_CLIP = 90


# ------------------------------------------------------------------ documents


@dataclass(frozen=True, slots=True)
class ViewDocument:
    """One document as the viewer shows it.

    ``records`` are records in their JSON form (``model_dump(mode="json")``,
    a bulk line's ``records``), each with its ``type``. ``text`` is the
    article the spans point into, or None when it is not available (then
    ``text_note`` says why, and the records are shown without highlighting).
    """

    doc_id: str
    records: Sequence[Mapping[str, Any]] = ()
    text: str | None = None
    status: str = "ok"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    warnings: Sequence[str] = ()
    error: str | None = None
    text_note: str | None = None


def document_from_extraction(
    result: ArticleExtraction,
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> ViewDocument:
    """The document of one extraction and the text it was extracted from."""
    return ViewDocument(
        doc_id=result.doc_id or "article",
        records=[record.model_dump(mode="json") for record in result.records],
        text=text,
        title=title,
        source=source,
        url=url,
        published=result.published.isoformat() if result.published else None,
        warnings=list(result.metadata.warnings),
    )


def extraction_html(
    result: ArticleExtraction,
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> str:
    """The viewer page of one extraction (``extractor extract --format html``)."""
    document = document_from_extraction(result, text, title=title, source=source, url=url)
    return render_html([document], title=f"Evidence: {document.doc_id}")


def document_from_line(
    line: Mapping[str, Any], *, base_dir: str | os.PathLike[str] | None = None
) -> ViewDocument:
    """The document of one bulk result line (:func:`extractor.bulk.runner.result_line`).

    The text is the line's ``text``; without one, the file named by ``source``
    is read again (as given, else relative to ``base_dir``) when it is a plain
    ``.txt``/``.md``/``.html`` file whose text still has the line's
    ``text_sha256`` (none: not read).
    """
    line = as_result_line(line)  # extract's JSON too (records under each type's plural)
    status = _str(line.get("status")) or "ok"
    text = line.get("text")
    note: str | None = None
    if not isinstance(text, str):
        text, note = _reread(line.get("source"), line.get("text_sha256"), base_dir)
    warnings = line.get("warnings")
    shown = [str(w) for w in warnings] if isinstance(warnings, list) else []
    unread = unread_records_note(line)  # an error or skipped line's records: said, not shown
    foreign = foreign_records_note(line)  # records naming another document: shown here, said
    notes = [note for note in (unread, foreign) if note is not None]
    return ViewDocument(
        doc_id=_str(line.get("doc_id")) or "(no doc_id)",
        records=predicted_records(line),
        text=text,
        status=status,
        title=_str(line.get("title")),
        source=_str(line.get("source")),
        url=_str(line.get("url")),
        published=_str(line.get("published")),
        warnings=[*shown, *notes],
        error=_error_text(line.get("error")),
        text_note=note,
    )


def _str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _error_text(error: Any) -> str | None:
    if error is None:
        return None
    if isinstance(error, Mapping):
        kind, kind_type, message = error.get("kind"), error.get("type"), error.get("message")
        head = " ".join(
            str(part) for part in (kind, f"({kind_type})" if kind_type else None) if part
        )
        return f"{head}: {message}" if head else str(message)
    return str(error)


def _reread(
    source: Any, digest: Any, base_dir: str | os.PathLike[str] | None
) -> tuple[str | None, str | None]:
    """The source file's text again, or None and the reason it cannot be used."""
    from extractor.io import read_file
    from extractor.io.formats import document_format
    from extractor.io.readers import file_path

    if not isinstance(source, str) or not source or source in ("-", "stdin"):
        return None, "text unavailable: the line has no text and names no source file"
    if not isinstance(digest, str) or not digest:
        # a line from elsewhere could name any local file; only the article it was
        # extracted from (its hash) is shown, never another file put into a page
        return None, (
            "text unavailable: the line has no text and no text_sha256 to check its source "
            "file against"
        )
    named = dict.fromkeys([source, file_path(source)])  # as written, then unescaped
    candidates = [Path(name) for name in named]
    if base_dir is not None and not Path(source).is_absolute():
        candidates += [Path(base_dir) / name for name in named]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None or document_format(str(path)) is None:
        return None, (
            f"text unavailable: the line has no text and its source {source!r} is not a "
            ".txt, .md or .html file here"
        )
    try:
        text = read_file(path).text
    except InputError as error:
        return None, f"text unavailable: {error}"
    if _sha256(text) != digest.lower():
        return None, (
            f"text unavailable: {source!r} has changed since the run (its text no longer has "
            "the line's text_sha256)"
        )
    return text, None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class JsonlDocuments:
    """The documents of a bulk output file (or stream), the winning line of each ``doc_id``.

    A rerun appends a new line for a document whose text changed, so the file
    holds superseded lines; like ``extractor flatten``, the page shows only
    the last line of each ``doc_id`` (:func:`extractor.io.output.latest_lines`),
    in file order. That takes two passes, so a stream (stdin, a pipe) is first
    copied to a temporary file. A line that is not a JSON object becomes an
    error document (its number is in ``bad_lines``); an object without a
    ``doc_id`` is shown as it is; an unfinished last line (a run still going,
    or killed) is skipped and flagged in ``torn_last_line``. Sources named by
    lines without text are looked for as written, then relative to
    ``base_dir`` (default: the file's folder).
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | IO[bytes],
        *,
        base_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.source = source
        if base_dir is None and isinstance(source, str | os.PathLike):
            base_dir = Path(source).parent
        self.base_dir = base_dir
        self.bad_lines: list[int] = []
        self.torn_last_line = False
        self.documents = 0
        #: Whether the input held white space at most (known once it is read).
        self.empty = True

    def __iter__(self) -> Iterator[ViewDocument]:
        if isinstance(self.source, str | os.PathLike):
            path = Path(self.source)
            try:
                regular = stat.S_ISREG(os.stat(path).st_mode)
                handle: IO[bytes] | None = None if regular else open(path, "rb")  # noqa: SIM115
            except OSError as error:
                raise InputError(
                    f"cannot read ({error.strerror or error})", source=os.fspath(path)
                ) from error
            if handle is None:
                yield from self._read(path)
                return
            with handle:
                yield from self._spooled(handle, os.fspath(path))
        else:
            yield from self._spooled(self.source, "stdin")

    def _spooled(self, handle: IO[bytes], name: str) -> Iterator[ViewDocument]:
        """A stream, copied to a temporary file so that it can be read twice; a problem
        with what it holds is said of ``name``, the input the user gave."""
        with tempfile.TemporaryDirectory(prefix="extractor-view-") as folder:
            copy = Path(folder) / "lines.jsonl"
            with open(copy, "wb") as out:
                shutil.copyfileobj(handle, out, 1 << 20)
            with said_of(copy, name):
                yield from self._read(copy)

    def _read(self, path: Path) -> Iterator[ViewDocument]:
        self.empty = first_line(path) is None
        whole = whole_json(path)  # ``extract -o r.json``: one object over many lines
        if whole is not None:
            yield from self._entries(whole)
            return
        pending: list[tuple[int, bytes]] = []
        seen: set[str] = set()
        for line in latest_lines(path, on_bad_line=lambda n, raw: pending.append((n, raw))):
            yield from self._others(pending, seen)
            seen.add(line["doc_id"])
            self.documents += 1
            yield document_from_line(line, base_dir=self.base_dir)
        yield from self._others(pending, seen)

    def _entries(self, entries: list[Any]) -> Iterator[ViewDocument]:
        """The documents of a file that is one JSON document: the last entry of a
        ``doc_id`` wins, as a line does; an entry that is no result is counted bad."""
        for number, entry in latest_entries(entries):
            if not isinstance(entry, Mapping):
                self.bad_lines.append(number)
                continue
            blank = _blank_id_card(entry, f"entry {number}")
            if blank is not None:
                self.bad_lines.append(number)
                yield blank
                continue
            if is_result(entry) or is_anonymous_result(entry):
                self.documents += 1
            else:  # an object of something else: shown, and said, as a line of one is
                self.bad_lines.append(number)
            yield document_from_line(entry, base_dir=self.base_dir)

    def _others(self, pending: list[tuple[int, bytes]], seen: set[str]) -> Iterator[ViewDocument]:
        """The lines :func:`latest_lines` passed over: objects without a ``doc_id`` are shown
        (and counted in ``bad_lines``: an input row, not a result), a last line without its
        newline is a result if it is complete JSON (else torn), anything else is an error
        document."""
        while pending:
            number, raw = pending.pop(0)
            try:
                line: Any = json.loads(raw)
            except (ValueError, RecursionError) as error:
                if not raw.endswith(b"\n"):  # the last line, unfinished
                    self.torn_last_line = True
                    continue
                line = error
            if isinstance(line, Mapping):
                blank = _blank_id_card(line, f"line {number}")
                if blank is not None:
                    self.bad_lines.append(number)
                    yield blank
                    continue
                if is_result(line) and line["doc_id"] in seen:
                    continue  # a complete last line without its newline, superseded meanwhile
                if not is_result(line) and not is_anonymous_result(line):
                    self.bad_lines.append(number)  # an article row, not a result: said, and shown
                else:
                    self.documents += 1  # as flatten counts: results, not every line shown
                yield document_from_line(line, base_dir=self.base_dir)
                continue
            self.bad_lines.append(number)
            why = str(line) if isinstance(line, Exception) else "not a JSON object"
            yield ViewDocument(
                doc_id=f"line {number}", status="error", error=f"line {number}: {why}"
            )


def _blank_id_card(line: Mapping[str, Any], where: str) -> ViewDocument | None:
    """The error card naming ``where`` for a line whose ``doc_id`` is a blank string (which
    :func:`~extractor.io.output.is_doc_id` refuses, as every reader of results does), else
    None: never a document's card under an id nobody can see, nor its records."""
    doc_id = blank_doc_id(line)
    if doc_id is None:
        return None
    why = f"{where}: its doc_id is blank ({doc_id!a}); give it the document's id"
    return ViewDocument(doc_id=where, status="error", error=why)


def documents_from_jsonl(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    base_dir: str | os.PathLike[str] | None = None,
) -> Iterator[ViewDocument]:
    """The documents of a bulk output, streamed (see :class:`JsonlDocuments`)."""
    return iter(JsonlDocuments(source, base_dir=base_dir))


# ------------------------------------------------------------------ escaping

# Lone surrogates cannot be written as UTF-8; NUL and other C0 controls are
# invisible or mangled by the HTML parser. Each becomes one visible character,
# so that offsets into the text stay right.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 SYMBOL FOR NULL ...
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean_text(text: str) -> str:
    """``text`` with every character that cannot be shown as is replaced by a visible one."""
    return _UNSAFE.sub(_visible, text)


def _esc(value: Any) -> str:
    """Text or attribute value, escaped (quotes included) and cleaned."""
    return html.escape(clean_text(value if isinstance(value, str) else str(value)), quote=True)


def _clip(text: str, limit: int = _CLIP) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ types


def colour_index(type_name: str) -> int:
    """The palette slot of a type: its own for a built-in type, by hash for any other."""
    builtin = RECORD_TYPES[: min(len(RECORD_TYPES), len(PALETTE) // 2)]
    if type_name in builtin:
        return builtin.index(type_name)
    digest = hashlib.sha256(type_name.encode("utf-8", "surrogatepass")).digest()
    return len(builtin) + int.from_bytes(digest[:4], "big") % (len(PALETTE) - len(builtin))


def type_colour(type_name: str) -> str:
    """The colour of a type's swatch and highlight border, e.g. ``"#2f6db5"``."""
    return PALETTE[colour_index(type_name)][0]


def _singular(type_name: str) -> str:
    words = type_name.replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "Record"


def _plural_title(type_name: str) -> str:
    try:
        return get_type(type_name).title
    except ConfigurationError:
        return _singular(type_name) + "s"


def _field_order(type_name: str, record: Mapping[str, Any]) -> list[str]:
    """The record's keys in its type's field order when the type is registered here."""
    try:
        declared = list(get_type(type_name).record.model_fields)
    except ConfigurationError:
        declared = []
    keys = [k for k in declared if k in record]
    return keys + [k for k in record if k not in declared]


# ------------------------------------------------------------------ values


def _number(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.6g}"
    if isinstance(value, str) and re.fullmatch(r"\d+", value):
        return f"{int(value):,}"
    if isinstance(value, str) and re.fullmatch(r"\d+\.\d+", value):
        whole, _, part = value.partition(".")
        return f"{int(whole):,}.{part}"
    return str(value)


def _as_written(text: Any) -> str:
    return f' <q class="aw">{_esc(text)}</q>' if isinstance(text, str) and text else ""


def _is_date(value: Mapping[str, Any]) -> bool:
    return "precision" in value and "value" in value and "kind" in value


def _date_html(value: Mapping[str, Any]) -> str:
    start, end, precision, kind = (
        value.get("value"), value.get("end"), value.get("precision"), value.get("kind"),
    )  # fmt: skip
    if not start:
        return f'<span class="muted">unresolved</span>{_as_written(value.get("text"))}'
    when = f'<time class="date">{_esc(start)}</time>'
    if end:
        when += f' – <time class="date">{_esc(end)}</time>'
    tags = [str(precision)] if precision else []
    if kind and kind not in ("exact", "range"):
        tags.append(str(kind))
    badge = f' <span class="prec">{_esc(", ".join(tags))}</span>' if tags else ""
    return when + badge + _as_written(value.get("text"))


def _count_html(value: Mapping[str, Any]) -> str:
    low, best, high = value.get("low"), value.get("best"), value.get("high")
    qualifier = value.get("qualifier") or "exact"
    sign = {"at_least": "≥ ", "about": "≈ ", "up_to": "≤ "}.get(str(qualifier), "")
    main = best if best is not None else (low if low is not None else high)
    out = (
        f"<b>{sign}{_esc(_number(main))}</b>"
        if main is not None
        else '<span class="muted">?</span>'
    )
    if (low, high) != (main, main) and (low is not None or high is not None):
        out += f' <span class="muted">({_esc(_number(low) if low is not None else "?")}–'
        out += f"{_esc(_number(high) if high is not None else '?')})</span>"
    return out + _as_written(value.get("text"))


def _money_html(value: Mapping[str, Any]) -> str:
    amount = _esc(_number(value.get("amount")))
    return f"<b>{amount}</b> {_esc(value.get('currency') or '')}{_as_written(value.get('text'))}"


def _actor_html(value: Mapping[str, Any]) -> str:
    name = value.get("canonical_name") or value.get("name") or "?"
    out = f"<b>{_esc(name)}</b>"
    if value.get("canonical_name") and value.get("name") != value.get("canonical_name"):
        out += _as_written(value.get("name"))
    extra = [value.get(k) for k in ("title", "organisation", "country", "sector")]
    shown = [str(x) for x in extra if x]
    if shown:
        out += f' <span class="muted">· {_esc(" · ".join(shown))}</span>'
    return out


def _place_html(value: Mapping[str, Any]) -> str:
    out = f"<b>{_esc(value.get('text') or '?')}</b>"
    extra = [value.get("admin1"), value.get("country")]
    if value.get("lat") is not None and value.get("lon") is not None:
        extra.append(f"{value.get('lat')}, {value.get('lon')}")
    shown = [str(x) for x in extra if x]
    if shown:
        out += f' <span class="muted">· {_esc(" · ".join(shown))}</span>'
    return out


#: How deep a field's lists and objects are laid out; below that a value is shown as its
#: JSON, so a hand-edited line nested hundreds deep is a page, not a RecursionError.
_SHOWN_DEPTH = 12


def _value_html(value: Any, depth: int = 0) -> str:
    """A field's value as HTML: dates with precision, counts, money, actors, places."""
    if depth >= _SHOWN_DEPTH and isinstance(value, list | Mapping):
        return _esc(_as_json(value))
    if value is None:
        return ""
    if isinstance(value, str):
        return _esc(value)
    if isinstance(value, bool | int | float):
        return _esc(_number(value))
    if isinstance(value, list):
        if all(isinstance(v, str | int | float) for v in value):
            return _esc(", ".join(_number(v) if not isinstance(v, str) else v for v in value))
        items = [_value_html(v, depth + 1) for v in value]
        items = [i for i in items if i]
        if len(items) <= 1:
            return items[0] if items else ""
        return '<ul class="vals">' + "".join(f"<li><bdi>{i}</bdi></li>" for i in items) + "</ul>"
    if isinstance(value, Mapping):
        keys = set(value)
        if _is_date(value):
            return _date_html(value)
        if {"best", "qualifier"} <= keys:
            return _count_html(value)
        if {"amount", "currency"} <= keys:
            return _money_html(value)
        if "name" in keys and keys & {"canonical_name", "sector", "title", "organisation"}:
            return _actor_html(value)
        if "text" in keys and keys & {"admin1", "lat", "lon"}:
            return _place_html(value)
        parts = [
            f'<span class="k">{_esc(k)}</span> {_value_html(v, depth + 1)}'
            for k, v in value.items()
            if v not in (None, "", [], {})
        ]
        return "; ".join(parts)
    return _esc(value)


def _as_json(value: Any, limit: int = 2000) -> str:
    """``value`` as compact JSON, clipped to ``limit`` characters."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    except (RecursionError, ValueError):
        return "(nested too deep to show)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ spans


@dataclass(frozen=True, slots=True)
class _Span:
    key: str
    record: str
    start: int
    end: int
    text: str
    placed: bool


@dataclass(slots=True)
class _Record:
    key: str
    type: str
    status: str
    label: str
    data: Mapping[str, Any]
    spans: list[_Span] = field(default_factory=list)


def _record_spans(record: Mapping[str, Any], key: str, text: str | None) -> list[_Span]:
    """The record's evidence spans, each checked against the text at its offsets."""
    evidence = record.get("evidence")
    if not isinstance(evidence, Mapping):
        return []
    raw = evidence.get("spans")
    if not isinstance(raw, list) or not raw:
        raw = [{"start": evidence.get("start"), "end": evidence.get("end"),
                "text": evidence.get("quote")}]  # fmt: skip
    spans: list[_Span] = []
    for item in raw:
        if not isinstance(item, Mapping):
            continue
        start, end, quoted = item.get("start"), item.get("end"), item.get("text")
        if not isinstance(quoted, str):
            quoted = None
        if type(start) is not int or type(end) is not int:
            if quoted:
                spans.append(_Span(f"{key}-s{len(spans)}", key, -1, -1, quoted, placed=False))
            continue
        placed = (
            text is not None
            and 0 <= start < end <= len(text)
            and (quoted is None or text[start:end] == quoted)
        )
        shown = quoted if quoted is not None else (text[start:end] if placed and text else "")
        spans.append(_Span(f"{key}-s{len(spans)}", key, start, end, shown, placed))
    return spans


def _segments(text: str, records: Sequence[_Record]) -> Iterator[str]:
    """The text as HTML, cut at every span boundary; covered pieces are ``<mark>``s."""
    spans = [s for r in records for s in r.spans if s.placed]
    order = {r.key: i for i, r in enumerate(records)}
    by_key = {r.key: r for r in records}
    opens: dict[int, list[_Span]] = {}
    closes: dict[int, list[_Span]] = {}
    for span in spans:
        opens.setdefault(span.start, []).append(span)
        closes.setdefault(span.end, []).append(span)
    cuts = sorted({0, len(text), *opens, *closes})
    active: dict[str, _Span] = {}
    for a, b in itertools.pairwise(cuts):
        for span in closes.get(a, ()):
            active.pop(span.key, None)
        for span in opens.get(a, ()):
            active[span.key] = span
        piece = _esc(text[a:b])
        if not active:
            yield piece
            continue
        covering = sorted(active.values(), key=lambda s: (order[s.record], s.key))
        record_keys = list(dict.fromkeys(s.record for s in covering))
        kinds = list(dict.fromkeys(by_key[k].type for k in record_keys))
        classes = ["seg", f"c{colour_index(kinds[0])}"]
        if len(kinds) > 1:
            classes.append(f"u{colour_index(kinds[1])}")
        if len(record_keys) > 1:
            classes.append("many")
        title = " · ".join(by_key[k].label for k in record_keys)
        yield (
            f'<mark class="{" ".join(classes)}" data-r="{" ".join(record_keys)}" '
            f'data-s="{" ".join(s.key for s in covering)}" title="{_esc(title)}">{piece}</mark>'
        )


# ------------------------------------------------------------------ page parts


@dataclass
class ViewSummary:
    """What a page shows: documents, records per type and status."""

    documents: int = 0
    records: int = 0
    failed: int = 0
    text_unavailable: int = 0
    types: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    doc_statuses: Counter[str] = field(default_factory=Counter)


def _card_html(record: _Record, document_has_text: bool) -> str:
    data = record.data
    fields: list[str] = []
    when = ""
    for name in _field_order(record.type, data):
        if name in _NOT_FIELDS:
            continue
        value = data[name]
        shown = _value_html(value)
        if not shown:
            continue
        if not when and isinstance(value, Mapping) and _is_date(value):
            when = (
                f'<p class="when"><span class="k">{_esc(name.replace("_", " "))}</span> {shown}</p>'
            )
            continue
        fields.append(f"<dt>{_esc(name.replace('_', ' '))}</dt><dd><bdi>{shown}</bdi></dd>")
    evidence: list[str] = []
    for number, span in enumerate(record.spans, start=1):
        quote = _esc(_clip(span.text)) if span.text else "(no text)"
        if span.placed:
            evidence.append(
                f'<li><a class="go" href="#{span.key}" data-span="{span.key}" '
                f'title="show span {number} in the text">“<bdi>{quote}</bdi>”</a></li>'
            )
        elif document_has_text:
            where = f"{span.start}–{span.end}" if span.start >= 0 else "no offsets"
            evidence.append(
                f'<li class="lost" title="this span is not the text at its offsets ({where})">'
                f'“<bdi>{quote}</bdi>” <span class="warn">not at {where}</span></li>'
            )
        else:
            evidence.append(f"<li>“<bdi>{quote}</bdi>”</li>")
    evidence_data = data.get("evidence")
    alignment = evidence_data.get("alignment") if isinstance(evidence_data, Mapping) else None
    foot = [f'<span class="rid" title="record id">{_esc(data.get("id") or "")}</span>']
    plover = data.get("plover_event")
    if isinstance(plover, Mapping) and plover.get("category"):
        mode = f"/{plover['mode']}" if plover.get("mode") else ""
        foot.append(f'<span class="tag">PLOVER {_esc(str(plover["category"]) + mode)}</span>')
    if alignment and alignment != "exact":
        foot.append(f'<span class="tag">{_esc(alignment)} alignment</span>')
    return (
        f'<article class="card c{colour_index(record.type)}" id="{record.key}" tabindex="-1" '
        f'data-type="{_esc(record.type)}" data-status="{_esc(record.status)}">'
        f'<header><span class="sw"></span><b class="tt">{_esc(record.label)}</b>'
        f'<span class="st st-{_status_class(record.status)}">{_esc(record.status)}</span></header>'
        f"{when}"
        + (f'<dl class="fields">{"".join(fields)}</dl>' if fields else "")
        + (
            f'<div class="ev"><span class="lbl">Evidence</span><ol>{"".join(evidence)}</ol></div>'
            if evidence
            else '<p class="muted">no evidence spans</p>'
        )
        + f"<footer>{''.join(foot)}</footer></article>"
    )


def _status_class(status: str) -> str:
    return status if re.fullmatch(r"[a-z_]{1,20}", status) else "other"


def _document_html(document: ViewDocument, index: int, summary: ViewSummary) -> str:
    text = document.text
    records: list[_Record] = []
    numbers: Counter[str] = Counter()
    for number, data in enumerate(document.records):
        kind = data.get("type")
        kind = kind if isinstance(kind, str) and kind else "unknown"
        status = data.get("status")
        status = status if isinstance(status, str) and status else "unknown"
        numbers[kind] += 1
        key = f"d{index}-r{number}"
        records.append(
            _Record(
                key=key,
                type=kind,
                status=status,
                label=f"{_singular(kind)} #{numbers[kind]}",
                data=data,
                spans=_record_spans(data, key, text),
            )
        )
        summary.types[kind] += 1
        summary.statuses[status] += 1
    summary.documents += 1
    summary.records += len(records)
    summary.doc_statuses[document.status] += 1
    if document.status != "ok":
        summary.failed += 1

    head = [
        f'<span class="num">{index + 1}</span>',
        f'<bdi class="id">{_esc(document.doc_id)}</bdi>',
    ]
    if document.title:
        head.append(f'<bdi class="title">{_esc(_clip(document.title, 140))}</bdi>')
    counts = ", ".join(f"{n} {_singular(k).lower()}" for k, n in numbers.items()) or "no records"
    head.append(f'<span class="counts">{_esc(counts)}</span>')
    if document.status != "ok":
        head.append(f'<span class="bad">{_esc(document.status)}</span>')
    meta = [
        f"{label} <bdi>{_esc(value)}</bdi>"
        for label, value in (
            ("published", document.published),
            ("source", document.source),
            ("url", document.url),
        )
        if value
    ]
    notes: list[str] = []
    if document.error:
        notes.append(f'<p class="error">{_esc(document.error)}</p>')
    failed_empty = text is None and not records and document.status != "ok"
    if text is None and not failed_empty:
        summary.text_unavailable += 1
        note = document.text_note or "text unavailable: the document has no text"
        notes.append(f'<p class="note">{_esc(note)}</p>')
    lost = sum(1 for r in records for s in r.spans if not s.placed and text is not None)
    if lost:
        notes.append(
            f'<p class="note">{lost} span(s) are not this text at their offsets: shown on '
            "their cards only (has the source changed since the run?)</p>"
        )
    cards = [_card_html(r, text is not None) for r in records]
    if document.warnings:
        shown = "".join(f"<li><bdi>{_esc(w)}</bdi></li>" for w in document.warnings)
        opened = " open" if len(document.warnings) <= 3 else ""
        cards.insert(
            0,
            f'<details class="warnings"{opened}><summary>{len(document.warnings)} '
            f"warning{'s' if len(document.warnings) != 1 else ''}</summary><ul>{shown}</ul>"
            "</details>",
        )
    if not records:
        cards.append('<p class="muted none">No records.</p>')
    if text is not None:
        body = f'<div class="text" dir="auto">{"".join(_segments(text, records))}</div>'
    elif failed_empty:  # the error says it all
        return _document_shell(document, index, head, meta, notes, "")
    else:
        body = (
            '<div class="text unavailable">text unavailable: the evidence quotes are on '
            "the cards</div>"
        )

    inner = f'<div class="db">{body}<div class="cards"><p class="shown"></p>{"".join(cards)}</div></div>'
    return _document_shell(document, index, head, meta, notes, inner)


def _document_shell(
    document: ViewDocument,
    index: int,
    head: list[str],
    meta: list[str],
    notes: list[str],
    inner: str,
) -> str:
    key = " ".join(x for x in (document.doc_id, document.title or "") if x).lower()
    return (
        f'<details class="doc" id="d{index}" open data-status="{_esc(document.status)}" '
        f'data-key="{_esc(key)}"><summary class="dh">{" ".join(head)}</summary>'
        + (f'<p class="meta">{" · ".join(meta)}</p>' if meta else "")
        + "".join(notes)
        + inner
        + "</details>\n"
    )


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}{'' if number == 1 else 's'}"


def _checkbox(group: str, value: str, label: str, count: int, colour: int | None = None) -> str:
    swatch = f'<span class="sw c{colour}"></span>' if colour is not None else ""
    return (
        f'<label><input type="checkbox" class="{group}" value="{_esc(value)}" checked>'
        f'{swatch}<span>{_esc(label)}</span> <span class="n">{count:,}</span></label>'
    )


def _controls_html(summary: ViewSummary, title: str, page_size: int) -> str:
    types = sorted(
        summary.types,
        key=lambda k: (RECORD_TYPES.index(k) if k in RECORD_TYPES else len(RECORD_TYPES), k),
    )
    type_boxes = "".join(
        _checkbox("f-type", k, _plural_title(k), summary.types[k], colour_index(k)) for k in types
    )
    status_boxes = "".join(
        _checkbox("f-status", s, s, n) for s, n in sorted(summary.statuses.items())
    )
    doc_boxes = "".join(
        _checkbox("f-doc", s, s, n) for s, n in sorted(summary.doc_statuses.items())
    )
    facts = [_count(summary.documents, "document"), _count(summary.records, "record")]
    if summary.failed:
        facts.append(f"{summary.failed:,} failed")
    if summary.text_unavailable:
        facts.append(f"{summary.text_unavailable:,} without text")
    return (
        f'<header id="controls" data-page-size="{max(1, page_size)}">'
        f'<div class="bar"><h1>{_esc(title)}</h1><span class="sum">{" · ".join(facts)}</span>'
        '<nav class="pager" aria-label="pages"><button type="button" id="prev">‹ Prev</button>'
        '<span>Page <output id="page">1</output> of <output id="pages">1</output></span>'
        '<button type="button" id="next">Next ›</button></nav></div>'
        '<div class="filters">'
        f'<fieldset class="legend"><legend>Types</legend>{type_boxes or "<i>none</i>"}</fieldset>'
        f"<fieldset><legend>Record status</legend>{status_boxes or '<i>none</i>'}</fieldset>"
        f"<fieldset><legend>Documents</legend>{doc_boxes}"
        '<label><input type="checkbox" id="f-empty"><span>only with records shown</span></label>'
        '<input type="search" id="q" placeholder="find doc id or title" aria-label="find">'
        "</fieldset></div></header>"
    )


# ------------------------------------------------------------------ assets

_CSS = """
:root{--ink:#1c2430;--muted:#667085;--line:#dfe3ea;--bg:#f3f4f7;--bar:120px;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",sans-serif;
--serif:Charter,"Iowan Old Style",Georgia,"Noto Serif","Liberation Serif","DejaVu Serif",serif}
*{box-sizing:border-box}
html{scroll-padding-top:calc(var(--bar) + 16px)}
body{margin:0;font:14px/1.45 var(--sans);color:var(--ink);background:var(--bg);
display:flex;flex-direction:column;min-height:100vh}
#controls{order:-1;position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);
box-shadow:0 1px 4px rgba(16,24,40,.06);padding:8px max(24px,calc((100% - 1320px)/2))}
.bar{display:flex;align-items:baseline;gap:16px;flex-wrap:wrap}
h1{font-size:17px;margin:0;font-weight:650;letter-spacing:-.01em}
.sum{color:var(--muted)}
.pager{margin-left:auto;display:flex;gap:8px;align-items:center}
.pager[hidden]{display:none}
button{font:inherit;border:1px solid var(--line);background:#fff;border-radius:6px;padding:2px 10px;cursor:pointer}
button:disabled{opacity:.4;cursor:default}
.filters{display:flex;flex-wrap:wrap;gap:6px 22px;margin-top:6px;align-items:center}
fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center}
legend{float:left;font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin-right:4px}
label{display:inline-flex;align-items:center;gap:5px;cursor:pointer;white-space:nowrap}
label .n{color:var(--muted);font-size:12px}
input[type=search]{font:inherit;border:1px solid var(--line);border-radius:6px;padding:2px 8px;width:190px}
main{padding:18px 24px 40px}
.empty{color:var(--muted)}
.doc{background:#fff;border:1px solid var(--line);border-radius:10px;margin:0 auto 18px;max-width:1320px;width:100%;
box-shadow:0 1px 2px rgba(16,24,40,.04);content-visibility:auto;contain-intrinsic-size:auto 500px}
.js .doc:not(.cur),.doc.filtered{display:none}
.dh{padding:10px 18px;cursor:pointer;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap;
border-bottom:1px solid var(--line);list-style:none}
.dh::-webkit-details-marker{display:none}
.dh::before{content:"▾";color:var(--muted);width:10px}
.doc:not([open]) .dh::before{content:"▸"}
.dh .num{color:var(--muted);font-variant-numeric:tabular-nums}
.dh .id{font-weight:650;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px}
.dh .title{color:#344054}
.dh .counts{margin-left:auto;color:var(--muted);font-size:12px}
.bad{background:#fee4e2;color:#912018;border-radius:10px;padding:0 8px;font-size:12px}
.meta{margin:6px 18px 0;color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.error,.note{margin:8px 18px 0;padding:6px 10px;border-radius:6px;font-size:13px}
.error{background:#fef3f2;color:#912018;border:1px solid #fecdca}
.note{background:#fffaeb;color:#7a2e0e;border:1px solid #fedf89}
.db{display:grid;grid-template-columns:minmax(0,44rem) minmax(320px,1fr);gap:32px;padding:14px 20px 20px}
.text{font:17px/1.75 var(--serif);white-space:pre-wrap;overflow-wrap:anywhere;
unicode-bidi:plaintext}
.text.unavailable{font:italic 14px var(--sans);color:var(--muted);border:1px dashed var(--line);
border-radius:8px;padding:24px;text-align:center;white-space:normal}
.cards{position:sticky;top:calc(var(--bar) + 12px);align-self:start;max-height:calc(100vh - var(--bar) - 24px);
overflow:auto;display:flex;flex-direction:column;gap:10px;padding:2px}
.shown{margin:0;color:var(--muted);font-size:12px}
.shown:empty{display:none}
.none{margin:0}
.muted{color:var(--muted)}
mark.seg{color:inherit;background:var(--hl);border-bottom:2px solid var(--c);border-radius:2px;
cursor:pointer;padding:1px 0}
mark.seg.many{background-image:repeating-linear-gradient(135deg,transparent 0 5px,rgba(16,24,40,.10) 5px 7px)}
mark.seg[class*=" u"]{border-bottom:3px solid var(--u)}
mark.seg.dim{background:none;border-bottom:1px dotted #98a2b3;cursor:default}
mark.seg:focus{outline:2px solid var(--c);outline-offset:1px}
.flash{animation:flash 1.4s ease-out}
@keyframes flash{0%,40%{box-shadow:0 0 0 4px #fec84b}100%{box-shadow:0 0 0 0 rgba(254,200,75,0)}}
.card{border:1px solid var(--line);border-left:4px solid var(--c);border-radius:8px;padding:8px 12px;background:#fff;
scroll-margin:12px}
.card.filtered{display:none}
.card:focus{outline:2px solid var(--c);outline-offset:1px}
.card header{display:flex;align-items:center;gap:8px}
.sw{display:inline-block;width:11px;height:11px;border-radius:3px;background:var(--c);flex:none}
.tt{font-weight:650}
.st{margin-left:auto;font-size:11px;border-radius:10px;padding:0 8px;background:#eef1f5;color:#344054}
.st-occurred{background:#dcfae6;color:#085d3a}.st-planned{background:#e0eaff;color:#2d3282}
.st-ongoing{background:#d1fadf;color:#05603a}.st-alleged{background:#fef0c7;color:#93370d}
.st-denied{background:#fee4e2;color:#912018}
.when{margin:4px 0 0;font-size:13px}
.date{font-weight:600;font-variant-numeric:tabular-nums}
.prec{font-size:11px;background:#f2f4f7;border-radius:4px;padding:0 5px;color:#475467}
q.aw{color:var(--muted);font-style:italic}
q.aw::before{content:"“"}q.aw::after{content:"”"}
.fields{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 10px;margin:6px 0;font-size:13px}
.fields dt{color:var(--muted)}
.fields dd{margin:0;overflow-wrap:anywhere}
.k{color:var(--muted)}
ul.vals{margin:0;padding-left:16px}
.ev{font-size:13px;border-top:1px solid #f0f2f5;padding-top:4px}
.lbl{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.ev ol{margin:2px 0 0;padding-left:20px}
.ev a{color:#1f4f8f;text-decoration:none;border-bottom:1px dashed #9db4d6}
.ev a:hover{border-bottom-style:solid}
.lost{color:var(--muted)}
.warn{color:#b42318;font-size:11px}
.card footer{display:flex;flex-wrap:wrap;gap:6px;margin-top:4px;font-size:11px;color:var(--muted)}
.rid{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
.tag{background:#f2f4f7;border-radius:4px;padding:0 5px}
.warnings{font-size:12px;background:#fffaeb;border:1px solid #fedf89;border-radius:8px;padding:6px 10px;color:#7a2e0e}
.warnings summary{cursor:pointer;font-weight:600}
.warnings ul{margin:4px 0 0;padding-left:18px}
bdi{unicode-bidi:isolate}
@media (max-width:900px){.db{grid-template-columns:1fr}.cards{position:static;max-height:none}}
@media print{#controls{position:static}.cards{position:static;max-height:none}.js .doc:not(.cur){display:block}}
""" + "".join(
    f".c{i}{{--c:{strong};--hl:{light}}}.u{i}{{--u:{strong}}}\n"
    for i, (strong, light) in enumerate(PALETTE)
)

_JS = """
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var size = 25, page = 0, shownDocs = [];
  function all(sel, el) { return Array.prototype.slice.call((el || document).querySelectorAll(sel)); }
  function one(sel) { return document.querySelector(sel); }
  function ticked(cls) {
    var set = new Set();
    all("input." + cls).forEach(function (box) { if (box.checked) set.add(box.value); });
    return set;
  }
  function flash(els) {
    els.forEach(function (el) { el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash"); });
    setTimeout(function () { els.forEach(function (el) { el.classList.remove("flash"); }); }, 1500);
  }
  function showPage(n) {
    var pages = Math.max(1, Math.ceil(shownDocs.length / size));
    page = Math.min(Math.max(0, n), pages - 1);
    all(".doc.cur").forEach(function (d) { d.classList.remove("cur"); });
    shownDocs.slice(page * size, (page + 1) * size).forEach(function (d) { d.classList.add("cur"); });
    one("#page").textContent = String(page + 1);
    one("#pages").textContent = String(pages);
    one("#prev").disabled = page === 0;
    one("#next").disabled = page >= pages - 1;
    one(".pager").hidden = pages <= 1;
  }
  function apply() {
    var types = ticked("f-type"), statuses = ticked("f-status"), docs = ticked("f-doc");
    var onlyWithRecords = one("#f-empty").checked;
    var query = one("#q").value.trim().toLowerCase();
    var current = shownDocs[page * size];
    shownDocs = [];
    all(".doc").forEach(function (doc) {
      var off = new Set(), cards = all(".card", doc), on = 0;
      cards.forEach(function (card) {
        var visible = types.has(card.dataset.type) && statuses.has(card.dataset.status);
        card.classList.toggle("filtered", !visible);
        if (visible) { on += 1; } else { off.add(card.id); }
      });
      all("mark.seg", doc).forEach(function (seg) {
        var lit = seg.dataset.r.split(" ").some(function (r) { return !off.has(r); });
        seg.classList.toggle("dim", !lit);
      });
      var note = doc.querySelector(".shown");
      if (note) { note.textContent = on < cards.length ? on + " of " + cards.length + " records shown" : ""; }
      var keep = docs.has(doc.dataset.status) && !(onlyWithRecords && on === 0) &&
        (!query || (doc.dataset.key || "").indexOf(query) >= 0);
      doc.classList.toggle("filtered", !keep);
      if (keep) { shownDocs.push(doc); }
    });
    var at = current ? shownDocs.indexOf(current) : -1;
    showPage(at >= 0 ? Math.floor(at / size) : page);
  }
  function reveal(doc) {
    var at = shownDocs.indexOf(doc);
    if (at >= 0 && Math.floor(at / size) !== page) { showPage(Math.floor(at / size)); }
    doc.open = true;
  }
  function toSpan(key) {
    var segs = all('mark.seg[data-s~="' + key + '"]');
    if (!segs.length) { return; }
    reveal(segs[0].closest(".doc"));
    segs[0].tabIndex = -1;
    segs[0].scrollIntoView({ block: "center" });
    segs[0].focus({ preventScroll: true });
    flash(segs);
  }
  function toCards(seg) {
    var cards = seg.dataset.r.split(" ").map(function (id) { return document.getElementById(id); })
      .filter(function (card) { return card && !card.classList.contains("filtered"); });
    if (!cards.length) { return; }
    cards[0].scrollIntoView({ block: "nearest" });
    cards[0].focus({ preventScroll: true });
    flash(cards);
  }
  function measure() {
    var bar = one("#controls");
    if (bar) { root.style.setProperty("--bar", bar.offsetHeight + "px"); }
  }
  function init() {
    var bar = one("#controls");
    size = Math.max(1, parseInt(bar.dataset.pageSize, 10) || 25);
    document.body.insertBefore(bar, document.body.firstChild);
    measure();
    window.addEventListener("resize", measure);
    all("#controls input").forEach(function (box) { box.addEventListener("input", apply); });
    one("#prev").addEventListener("click", function () { showPage(page - 1); window.scrollTo(0, 0); });
    one("#next").addEventListener("click", function () { showPage(page + 1); window.scrollTo(0, 0); });
    document.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target) { return; }
      var link = target.closest("a.go");
      if (link) { event.preventDefault(); toSpan(link.dataset.span); return; }
      var seg = target.closest("mark.seg");
      if (seg && !seg.classList.contains("dim")) { toCards(seg); }
    });
    document.addEventListener("keydown", function (event) {
      var el = document.activeElement;
      if (event.key === "Enter" && el && el.matches && el.matches("mark.seg")) { toCards(el); }
    });
    apply();
    root.classList.add("ready");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


#: No network: nothing may load but the page's own style and script, by hash.
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; script-src {_csp_hash(_JS)}; style-src {_csp_hash(_CSS)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _head(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{VIEW_PAGE_MARK}\n"
        '<link rel="icon" href="data:,">\n'
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n<script>{_JS}</script>\n"
        '</head><body>\n<main id="docs">\n'
    )


# ------------------------------------------------------------------ rendering


def iter_html(
    documents: Iterable[ViewDocument],
    *,
    title: str = "Evidence viewer",
    page_size: int = PAGE_SIZE,
    summary: ViewSummary | None = None,
) -> Iterator[str]:
    """The page in pieces, one document at a time (the controls come last, in the
    markup only: they are shown on top). ``summary`` is filled as it goes."""
    summary = summary if summary is not None else ViewSummary()
    yield _head(title)
    for index, document in enumerate(documents):
        yield _document_html(document, index, summary)
    if not summary.documents:
        yield '<p class="empty">No documents.</p>\n'
    yield "</main>\n"
    yield _controls_html(summary, title, page_size)
    yield "\n</body></html>\n"


def render_html(
    documents: Iterable[ViewDocument], *, title: str = "Evidence viewer", page_size: int = PAGE_SIZE
) -> str:
    """One self-contained HTML page showing the documents, their records and spans."""
    return "".join(iter_html(documents, title=title, page_size=page_size))


def write_html(
    documents: Iterable[ViewDocument],
    out: IO[str],
    *,
    title: str = "Evidence viewer",
    page_size: int = PAGE_SIZE,
) -> ViewSummary:
    """Stream the page to ``out`` (a text file, UTF-8); return what it shows."""
    summary = ViewSummary()
    for piece in iter_html(documents, title=title, page_size=page_size, summary=summary):
        out.write(piece)
    return summary
