"""Per-format parsers: one input's bytes or one record's fields to a Document.

Each parser keeps what extraction needs and nothing it must not see: the
article text (front matter, scripts and page chrome removed), a title, a URL,
and a publication date, because relative dates in the text ("on Tuesday") can
only be resolved against it. When the input carries no date, a dateline at
the very start of the text is used; anything later in the text is an event
date, not a publication date, so the search is deliberately conservative.

Bad metadata never costs the document: a date that is no date (``2023-02-30``),
front matter that is malformed, larger than :data:`FRONT_MATTER_MAX_CHARS`,
nested too deep or using YAML aliases (the "billion laughs" bomb, recursive
aliases) is dropped, and the Document says why in ``warnings``. The only
errors are the ones that leave no text to extract.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml

from extractor.errors import InputError, TextFieldError
from extractor.io.decoding import (
    declared_html_charset,
    decode_file,
    is_blank,
    normalise_newlines,
)
from extractor.pipeline.document import (
    NUL_TEXT,
    Document,
    LongInt,
    iso_day,
    replace_surrogates,
)
from extractor.redact import without_userinfo
from extractor.text.dates import MONTH_PATTERN, MONTHS

__all__ = [
    "DOCUMENT_SUFFIXES",
    "DocFormat",
    "RecordFields",
    "coerce_date",
    "document_format",
    "parse_dateline",
    "parse_document",
    "parse_html",
    "parse_markdown",
    "parse_text",
    "record_to_document",
    "split_front_matter",
]

DocFormat = Literal["text", "markdown", "html"]

#: File name endings read as one document each (lower-case).
DOCUMENT_SUFFIXES: Mapping[str, DocFormat] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


#: Each of :class:`RecordFields`' names, and what its field holds (for the error messages).
_FIELD_ROLES: Mapping[str, str] = {
    "id": "id",
    "text": "text",
    "date": "publication date",
    "title": "title",
    "url": "url",
}


@dataclass(frozen=True, slots=True)
class RecordFields:
    """Which keys of a JSONL object / CSV row hold the id, text, date, title and url.

    A blank name (:func:`~extractor.blank.is_blank`: empty, spaces, a zero-width space, a
    BOM ...) is a ValueError naming the option (``text_field ''``): such a name matches
    no key a user can see (a header's keys are stripped), so it would fail every row
    alike, each with its own error line, or (an id field) key every row by its text,
    instead of saying once what to fix.
    """

    id: str = "id"
    text: str = "text"
    date: str = "published"
    title: str = "title"
    url: str = "url"

    def __post_init__(self) -> None:
        for name, what in _FIELD_ROLES.items():
            value = getattr(self, name)
            if not isinstance(value, str) or is_blank(value):
                raise ValueError(
                    f"{name}_field {value!r}: a blank name matches no field; name the "
                    f"JSONL/CSV field that holds the {what}"
                )

    @property
    def names(self) -> tuple[str, ...]:
        """The fields' names, each once: what is matched in any case."""
        return tuple(dict.fromkeys((self.id, self.text, self.date, self.title, self.url)))

    def repeated(self, names: Sequence[str]) -> list[str]:
        """A note for each field that ``names`` holds more than once in any case (``id`` and
        ``ID``), saying which is read (see :meth:`canonical`): the others' values are not."""
        notes = []
        for field in self.names:
            folded = _fold(field)
            spelt = [n for n in names if isinstance(n, str) and _fold(n) == folded]
            if len(spelt) > 1:
                read = repr(field) if spelt.count(field) == 1 else "the last"
                shown = ", ".join(map(repr, spelt))
                notes.append(f"{field!r} is named {len(spelt)} times ({shown}); {read} is read")
        return notes

    def merged(self, record: Mapping[Any, Any]) -> tuple[dict[Any, Any], list[str]]:
        """``record`` with each of these fields under its own name, read from the spelling
        exactly the field's, else the last; one that holds nothing gives way to one that
        holds a value (``id`` empty and ``ID`` filled: two exports concatenated); and a note for each field spelt more than once, saying
        which spelling was read. Other keys are kept as they are."""
        out: dict[Any, Any] = {}
        notes: list[str] = []
        wanted = {_fold(name): name for name in self.names}
        spellings: dict[str, list[Any]] = {}
        for key in record:
            field = wanted.get(_fold(key)) if isinstance(key, str) else None
            if field is None:
                out[key] = record[key]
            else:
                spellings.setdefault(field, []).append(key)
        for field, keys in spellings.items():
            # the exact name first, then the others from the last: an empty one gives way
            ordered = [k for k in keys if k == field] + [k for k in reversed(keys) if k != field]
            chosen = next((k for k in ordered if not _empty(record[k])), ordered[0])
            out[field] = record[chosen]
            if len(keys) > 1:
                shown = ", ".join(map(repr, keys))
                notes.append(f"{field!r} is named {len(keys)} times ({shown}); {chosen!r} is read")
        return out, notes

    def canonical(self, names: Sequence[str]) -> list[str]:
        """``names`` (a CSV header, a JSON object's keys) with each that is one of these
        fields in another case or with spaces around it (``ID``, ``Text ``, as spreadsheets
        write headers) given the field's own name, unless the exact name is there too."""
        wanted = {_fold(name): name for name in self.names}
        present = set(names)
        out = []
        for name in names:
            field = wanted.get(_fold(name)) if isinstance(name, str) else None
            out.append(field if field is not None and field not in present else name)
        return out


def _fold(name: str) -> str:
    """A field name or key as it is matched: spaces around it and case do not count, on
    either side (a header's ``Text `` is the field ``text``, a field named ``" body"``
    the header's ``body``, which CSV readers strip)."""
    return name.strip().casefold()


def _empty(value: Any) -> bool:
    """A cell that holds nothing: null, blanks, NaN (what a missing cell is in pandas)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and value != value


def document_format(name: str) -> DocFormat | None:
    """The document format a file name implies, or None if it is not a document.

    A backslash separates folders in archives made on Windows (``news\\a.txt``),
    but is a plain character in a POSIX file name (``\\.txt``): the suffix is
    read both ways, the folder reading first.
    """
    as_folders = PurePosixPath(name.replace("\\", "/")).suffix
    as_written = PurePosixPath(name).suffix
    suffix = as_folders or (as_written if "\\" not in as_written else "")
    return DOCUMENT_SUFFIXES.get(suffix.lower())


def parse_document(
    data: bytes,
    *,
    name: str,
    doc_id: str,
    source: str,
    url: str | None = None,
    charset_hint: str | None = None,
    fmt: DocFormat | None = None,
) -> Document:
    """Decode and parse one file's bytes, choosing the parser by ``name``'s suffix.

    ``fmt`` overrides the suffix (a WARC record is HTML by its content type);
    ``url`` is a fallback for pages that do not state their own (a WARC target
    URI); ``charset_hint`` is an encoding declared outside the bytes (HTTP).
    A file that is not UTF-8 is read all the same, and its Document's first
    warning says which encoding it was decoded as. Raises
    :class:`InputError` naming ``source`` when no text can be had.
    """
    fmt = fmt or document_format(name)
    if fmt is None:
        suffix = PurePosixPath(name).suffix or "(none)"
        raise InputError(f"unsupported file type {suffix!r}", source=source)
    if fmt == "html":
        charset_hint = charset_hint or declared_html_charset(data)
    text, warning = decode_file(data, source=source, charset_hint=charset_hint)
    if fmt == "html" and not opens_with_front_matter(text):
        doc = parse_html(text, doc_id=doc_id, source=source, url=url)
    elif fmt == "html":  # a page under front matter: the front matter is its metadata
        doc = parse_markdown(text, doc_id=doc_id, source=source, url=url, page=True)
    elif fmt == "markdown":
        doc = parse_markdown(text, doc_id=doc_id, source=source, url=url)
    else:
        doc = parse_text(text, doc_id=doc_id, source=source, url=url)
    if warning is None:
        return doc
    return dataclasses.replace(doc, warnings=(f"this file is {warning}", *doc.warnings))


# --------------------------------------------------------------------- text


def parse_text(text: str, *, doc_id: str, source: str, url: str | None = None) -> Document:
    """A plain-text article is its own text; only a leading dateline is read from it.

    A text that opens with usable YAML front matter (a ``---`` block holding a
    mapping) is read as markdown is, whatever its name says: a ``.txt`` export
    of a site, ``cat a.md | extractor bulk -`` and a string given to
    :func:`extractor.extract` are one document with one text, one hash and one
    date, so the same article gets the same line by every path (before, a
    ``.txt`` sent its front matter to the model as sentence 1). A ``---`` block
    that is no mapping stays in the text, with no warning: a plain text may
    open with a rule.
    """
    if opens_with_usable_front_matter(text):
        return parse_markdown(text, doc_id=doc_id, source=source, url=url)
    published = parse_dateline(text)
    return Document(
        doc_id=doc_id,
        text=text,
        published=published,
        source=source,
        url=url,
        meta=_meta("text", "dateline" if published else None),
    )


# ----------------------------------------------------------------- markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
#: Hugo's TOML front matter: ``+++`` lines around ``key = value`` pairs.
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(?P<toml>.*?)^\+\+\+[ \t]*(?:\n|\Z)", re.S | re.M)
#: How a front matter block opens: YAML's ``---``, TOML's ``+++``, JSON's ``{`` (Hugo's
#: third form: one object, closed at a line's end, then the body).
_FENCES = ("---", "+++", "{")
#: Blank space, then the line break that ends a JSON front matter object's last line.
_LINE_END = re.compile(r"[ \t]*(?:\r?\n|\Z)")
#: Front matter is a few lines of metadata; a longer block is not parsed (a
#: YAML parser is no place for megabytes of hostile input).
FRONT_MATTER_MAX_CHARS = 64 * 1024
#: Deeper nesting than this is no metadata anybody writes by hand.
_FRONT_MATTER_MAX_DEPTH = 32
_DATE_KEYS = ("date", "published_time", "published")
_URL_KEYS = ("source_url", "url")
#: the fields front matter is read for: a JSON object naming none of them is no front matter
_FRONT_MATTER_FIELDS = frozenset((*_DATE_KEYS, *_URL_KEYS, "title"))


def _lenient_timestamp(loader: Any, node: Any) -> Any:
    """A YAML timestamp, or its text when it is no real date (``2023-02-30``)."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except Exception:  # ValueError, OverflowError ... an impossible date is a string
        return loader.construct_scalar(node)


#: libyaml's loader is the same safe loader as ``yaml.safe_load``, ten times
#: faster; impossible dates load as strings instead of raising.
class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


class _RefusedFrontMatter(Exception):
    pass


def _check_events(block: str) -> None:
    """Refuse aliases and deep nesting before anything is built from the YAML.

    An alias makes a small block expand into an exponentially large (billion
    laughs) or self-referencing value; front matter never needs one. The
    events are read by the same streaming parser, with no values built.
    """
    depth = 0
    for event in yaml.parse(block, Loader=_FrontMatterLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _RefusedFrontMatter("YAML aliases (*name) are not allowed")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _FRONT_MATTER_MAX_DEPTH:
                raise _RefusedFrontMatter(f"nested deeper than {_FRONT_MATTER_MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def opens_with_usable_front_matter(text: str) -> bool:
    """Whether ``text`` opens with a front matter block that holds a mapping: what makes any
    text (a ``.txt``, a pipe, a row, a string) markdown. A ``---`` block that is none stays
    text, with no warning (a plain text may open with a rule), by every path alike."""
    return text.startswith(_FENCES) and split_front_matter(text)[0] is not None


def opens_with_front_matter(text: str) -> bool:
    """Whether ``text`` opens with a front matter block, usable or not (an empty one, ``---``
    then ``---``, too): what is read as front matter and warned about when unusable, never
    sent to the model as if it were article text."""
    if not text.startswith(_FENCES):
        return False
    front, _, error = split_front_matter(text)
    return front is not None or error is not None


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, str | None]:
    """Split ``--- yaml ---`` (or Hugo's ``+++ toml +++`` or ``{ json }``) front matter from
    a markdown text.

    Returns ``(front_matter, body, error)``. Without front matter, or when it
    cannot be used (not YAML or TOML, not a mapping, larger than
    :data:`FRONT_MATTER_MAX_CHARS`, using aliases), the whole text is the body
    (nothing is lost), and ``error`` says why a block that looked like front
    matter was not used. Never raises. TOML front matter was read as article
    text before, its ``date`` lost without a word: a Hugo site's pages are
    markdown as Jekyll's are.
    """
    if not text.startswith(_FENCES):
        return None, text, None
    if text.startswith("{"):
        return _json_front_matter(text)
    fence = _FRONT_MATTER if text.startswith("---") else _TOML_FRONT_MATTER
    head = text[: FRONT_MATTER_MAX_CHARS + 8]
    match = fence.match(head)
    if match is None:
        if len(text) > len(head) and fence.match(text):
            return None, text, f"front matter longer than {FRONT_MATTER_MAX_CHARS} characters"
        return None, text, None
    if fence is _TOML_FRONT_MATTER:
        try:
            table = tomllib.loads(match.group("toml"))
        except RecursionError:  # tomllib recurses once a level: a bomb of brackets
            return None, text, "front matter refused: TOML nested too deep"
        except Exception as exc:  # TOMLDecodeError, anything else a hostile block provokes
            return None, text, f"malformed TOML front matter: {' '.join(str(exc).split())[:300]}"
        if _nested_deeper(table, _FRONT_MATTER_MAX_DEPTH):  # as YAML's is refused
            return (
                None,
                text,
                f"front matter refused: nested deeper than {_FRONT_MATTER_MAX_DEPTH} levels",
            )
        return table, text[match.end() :], None
    block = match.group("yaml")
    try:
        _check_events(block)
        loaded = yaml.load(block, Loader=_FrontMatterLoader)
    except _RefusedFrontMatter as exc:
        return None, text, f"front matter refused: {exc}"
    except Exception as exc:  # YAMLError, and anything else a hostile block provokes
        return None, text, f"malformed front matter: {' '.join(str(exc).split())[:300]}"
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        return None, text, "front matter is not a YAML mapping"
    return {str(key): value for key, value in loaded.items()}, text[match.end() :], None


def _json_front_matter(text: str) -> tuple[dict[str, Any] | None, str, str | None]:
    """Hugo's JSON front matter: a JSON object opening the text, closed at a line's end,
    then the body (before, the object went to the model as text, its date and title lost).

    A text that merely opens with ``{`` (a brace in prose, a JSON document with no body
    after it) is no front matter and is read whole, without a warning: a brace is no
    fence, so a block that does not parse says nothing about the text. Nor is an object
    that names none of the fields front matter is read for (a title, a date, a url): a
    JSON snippet an article opens with (an API's answer it then discusses) is the
    article's own text, and a brace, unlike ``---``, does not say otherwise.
    """
    head = text[: FRONT_MATTER_MAX_CHARS + 8]
    try:
        value, end = json.JSONDecoder().raw_decode(head)
    except (ValueError, RecursionError):  # no JSON there, or a bomb of brackets
        return None, text, None
    after = _LINE_END.match(head, end)
    if not isinstance(value, dict) or after is None or not text[after.end() :].strip():
        return None, text, None
    if not any(str(key) in _FRONT_MATTER_FIELDS for key in value):  # some JSON, no header
        return None, text, None
    if _nested_deeper(value, _FRONT_MATTER_MAX_DEPTH):  # as YAML's is refused
        refused = f"front matter refused: nested deeper than {_FRONT_MATTER_MAX_DEPTH} levels"
        return None, text, refused
    return {str(key): item for key, item in value.items()}, text[after.end() :], None


def _nested_deeper(value: Any, limit: int) -> bool:
    """Whether ``value`` holds lists or tables more than ``limit`` levels deep (no recursion:
    the value is hostile)."""
    level: list[Any] = [value]
    for _ in range(limit):
        level = [
            item
            for found in level
            if isinstance(found, dict | list)
            for item in (found.values() if isinstance(found, dict) else found)
        ]
        if not any(isinstance(item, dict | list) for item in level):
            return False
    return True


def parse_markdown(
    text: str, *, doc_id: str, source: str, url: str | None = None, page: bool = False
) -> Document:
    """A markdown article: front matter gives date, title and URL; the body is the text.

    Unusable front matter or a date in it that is no date never stops the
    document: it is read without that metadata, and ``warnings`` say why.
    With ``page``, the body is an HTML page (a Jekyll or Hugo ``.html`` source: front
    matter, then the page), read as any ``.html`` file is, its metadata filling what
    the front matter leaves open (before, the front matter went to the model as text).
    """
    front, body, error = split_front_matter(text)
    if front is not None:
        body = body.strip()
        if not body:
            raise InputError("no text (front matter only)", source=source)
    front = front or {}
    warnings = [error] if error else []
    url = _first_str(front, _URL_KEYS) or url
    read = parse_html(body, doc_id=doc_id, source=source, url=url) if page else None
    if read is not None:
        body = read.text
        warnings += read.warnings
    published = _first_date(front, _DATE_KEYS, warnings, "front matter")
    date_source = "front matter" if published else None
    if published is None and read is not None and read.published is not None:
        published, date_source = read.published, read.meta.get("date_source")
    if published is None:
        published = parse_dateline(body)
        date_source = "dateline" if published else None
    title = _clean_title(front.get("title"))
    if title is None and front.get("title") not in (None, ""):  # said, as a row's is
        warnings.append(f"front matter 'title' is not text ({_shorten(front['title'])}); ignored")
    meta = _meta("markdown", date_source)
    if front:
        meta["front_matter"] = _jsonable(front)
    if error:
        meta["front_matter_error"] = error
    return Document(
        doc_id=doc_id,
        text=body,
        published=published,
        source=source,
        title=title or (read.title if read else None),
        url=url or (read.url if read else None),
        meta=meta,
        warnings=tuple(warnings),
    )


def _first_date(
    values: Mapping[str, Any], keys: tuple[str, ...], warnings: list[str], where: str
) -> date | None:
    """The first of ``keys`` holding a date; a value that is no date adds a warning."""
    for key in keys:
        value = values.get(key)
        found = coerce_date(value)
        if found is not None:
            return found
        if value not in (None, ""):
            warnings.append(f"{where} {key!r} is not a date ({_shorten(value)}); ignored")
    return None


def _shorten(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: a string or a small number itself, another value its
    type's name (an int past 64 bits, and a :class:`LongInt` too, is ``int``)."""
    small = isinstance(value, float) or (isinstance(value, int) and value.bit_length() < 64)
    kind = "int" if isinstance(value, LongInt) else type(value).__name__
    text = repr(value) if isinstance(value, str) or small else kind
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _first_str(values: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = values.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _jsonable(value: Any) -> Any:
    """Front matter as JSON-safe values (YAML gives dates), so meta can be written out."""
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # NaN and infinity are not JSON
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


# --------------------------------------------------------------------- html


@functools.cache
def _trafilatura_config() -> Any:
    """Trafilatura's defaults, minus its silent 20 MB page limit: we never truncate.

    Imported on the first HTML page, not with the package: trafilatura and
    what it loads cost some 0.3-0.6 s of every start-up, and most runs read
    no HTML at all.
    """
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MAX_FILE_SIZE"] = str(2**40)
    return config


def _addresses_cleaned(page: str, config: Any) -> tuple[Any, str | None]:
    """The page parsed as trafilatura parses it, with the addresses it declares (canonical
    and other links, ``<base>``, ``og:url``) read as :func:`without_userinfo` reads a url,
    and the page's own address as it declares it, absolute, or None.

    Done on the raw attribute, because trafilatura percent-encodes an unencoded
    password's "@" and then keeps the rest of it as a host, and an address written
    `` <...> `` is no URL to it. An ``og:url`` or ``twitter:url`` trafilatura takes as
    written; else it takes a link (its own selectors) and normalises it (an "@" in a
    path encoded, tracking parameters dropped), where a url from a CSV or JSONL row is
    kept as written: that link is returned here, absolute, to be kept as written (a
    relative one is left to trafilatura to resolve).
    """
    from trafilatura.metadata import URL_SELECTORS
    from trafilatura.utils import load_html

    tree = load_html(page, int(config["DEFAULT"]["MAX_FILE_SIZE"]))
    if tree is None:
        return page, None  # trafilatura says why, as before
    for element in tree.iterfind(".//*[@href]"):
        if element.tag in ("link", "base"):
            element.set("href", without_userinfo(element.get("href", "")))
    for element in tree.iterfind(".//meta[@content]"):
        name = element.get("property") or element.get("name") or ""
        if name.lower().endswith("url"):
            element.set("content", without_userinfo(element.get("content", "")))
    metas = (e for e in tree.iterfind(".//meta[@content]") if _absolute(e.get("content", "")))
    if any((e.get("property") or e.get("name")) in ("og:url", "twitter:url") for e in metas):
        return tree, None  # trafilatura takes that one first, as written
    for selector in URL_SELECTORS:
        element = tree.find(selector)
        declared = element.get("href") if element is not None else None
        if declared:
            return tree, declared if _absolute(declared) else None
    return tree, None


def _absolute(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


_PAGE_MARKERS = re.compile(r"<(?:!doctype|html|head|body)\b", re.I)


def _date_params() -> dict[str, Any]:
    """htmldate options: dates from the page's markup and URL only.

    Its "extensive" search picks dates out of the body text, where they are
    usually event dates; the conservative :func:`parse_dateline` reads the
    body instead.
    """
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }


def parse_html(text: str, *, doc_id: str, source: str, url: str | None = None) -> Document:
    """An HTML page: trafilatura keeps the main article text and reads its metadata.

    Scripts, navigation, footers and comments are dropped by trafilatura's
    main-content extraction; tables are left out because they are rarely prose.

    A page nested too deep for it (:func:`_misnested`: tags never closed, as
    old pages leave ``<font>``, or wrappers hundreds deep) would lose text
    silently: libxml2 stops at 256 levels and drops the rest of the page, and
    trafilatura's fallbacks drop a paragraph held in a chain of inline tags.
    Such a page's whole visible text is taken instead (:func:`_visible_text`,
    which has no depth limit), page furniture included, and a warning says so.
    """
    page = text if _PAGE_MARKERS.search(text[:4096]) else f"<html><body>{text}</body></html>"
    import trafilatura

    config = _trafilatura_config()
    misnested = _misnested(page)
    declared: str | None = None
    try:
        tree, declared = _addresses_cleaned(page, config)
        result = trafilatura.bare_extraction(
            tree,
            url=without_userinfo(url) if url else url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params=_date_params(),
            config=config,
        )
    except Exception as exc:  # lxml and trafilatura errors on hostile markup
        if misnested is None:
            raise InputError(
                f"HTML could not be parsed ({type(exc).__name__})", source=source
            ) from exc
        result = None  # the page's text is read below, without its metadata
    warnings: list[str] = []
    if misnested is not None:
        body = _visible_text(page)
        warnings.append(misnested)
    else:
        body = (getattr(result, "text", None) or "").strip()
    if not body:
        raise InputError("no article text found in HTML", source=source)
    published = coerce_date(getattr(result, "date", None))
    partial = _partial_page_date(page, published)
    if partial is not None:  # htmldate made a day of "2024-02-30" or "2024-02"
        warnings.append(f"page metadata date {partial!r} is not a whole date; ignored")
        published = None
    date_source = "html metadata" if published else None
    if published is None:
        published = parse_dateline(body)
        date_source = "dateline" if published else None
    meta = _meta("html", date_source)
    for key in ("sitename", "author"):
        value = getattr(result, key, None)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    page_url = getattr(result, "url", None)
    return Document(
        doc_id=doc_id,
        text=normalise_newlines(body),
        published=published,
        source=source,
        title=_clean_title(getattr(result, "title", None)),
        url=declared or (page_url if isinstance(page_url, str) and page_url else url),
        meta=meta,
        warnings=tuple(warnings),
    )


#: Deeper than this a page's elements are not left to trafilatura: libxml2, its parser,
#: stops at 256 levels (the rest of the page is gone, without an error), and the
#: fallbacks it runs parse their own output again, a few levels deeper.
HTML_MAX_DEPTH = 200
#: A chain of this many elements each opened after loose text of the one around it is
#: tags never closed (``<font size=2>Line 1 <font size=2>Line 2 ...``): trafilatura's
#: fallbacks then keep the chain's lines and drop the paragraph at its end. Correct
#: markup nests inline tags a few deep (``<p>a <b>b <i>c <a>d</a></i></b></p>``: 3).
HTML_MAX_UNCLOSED = 8
#: How deep libxml2 reads a page with ``huge_tree`` (:func:`html_nesting`).
_LIBXML_HUGE_DEPTH = 2048


def _misnested(page: str) -> str | None:
    """Why ``page`` is nested too deep to leave to trafilatura (the warning its Document
    carries), or None for a page that is not (:func:`html_nesting`)."""
    nesting = html_nesting(page)
    if nesting is None:
        return None
    deepest, longest = nesting
    if deepest > HTML_MAX_DEPTH:
        more = " or more" if deepest >= _LIBXML_HUGE_DEPTH else ""  # where lxml stopped
        return (
            f"this page nests its elements {deepest}{more} deep, more than the article "
            f"extractor reads ({HTML_MAX_DEPTH}): its whole visible text is taken, menus and "
            "footers too"
        )
    if longest >= HTML_MAX_UNCLOSED:
        return (
            f"this page leaves {longest} tags open one inside another (unclosed tags), which "
            "the article extractor misreads: its whole visible text is taken, menus and "
            "footers too"
        )
    return None


def html_nesting(page: str) -> tuple[int, int] | None:
    """How deep ``page`` nests its elements, and its longest chain of elements each opened
    after loose text of the one around it (tags left open); None when lxml cannot parse it.

    The page is parsed by lxml with ``huge_tree`` (libxml2 then reads 2048
    levels, enough to see past :data:`HTML_MAX_DEPTH`; a page deeper still
    counts as 2048) and walked once, with no recursion. An element that
    holds nothing (``<wbr>``, which libxml2 reads as holding what follows
    it) is no link of a chain. A page that cannot be parsed so is left to
    trafilatura, as every page was.
    """
    from lxml import etree
    from lxml.html import HTMLParser as LxmlParser

    parser = LxmlParser(
        huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False,
        default_doctype=False, encoding="utf-8",
    )  # fmt: skip
    try:
        root = etree.fromstring(page.encode("utf-8", "replace"), parser)
    except Exception:  # lxml's errors on hostile markup: trafilatura's own parse decides
        return None
    if root is None:
        return None
    deepest = longest = 0
    open_: list[list[int]] = []  # per open element: its chain's length, loose text seen in it
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            open_.pop()
            if open_ and not open_[-1][1] and _loose(element.tail):
                open_[-1][1] = 1
            continue
        if open_ and element.tag in _VOID_TAGS:  # its parent's own: what follows is too
            open_.append([open_[-1][0], open_[-1][1] or int(_loose(element.text))])
        else:
            chain = open_[-1][0] + 1 if open_ and open_[-1][1] else 0
            open_.append([chain, int(_loose(element.text))])
            longest = max(longest, chain)
        deepest = max(deepest, len(open_))
    return deepest, longest


#: Elements that hold nothing; libxml2 reads some of them as holding what follows them.
_VOID_TAGS = frozenset({
    "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr",
    "image", "img", "input", "keygen", "link", "menuitem", "meta", "param", "source",
    "track", "wbr",
})  # fmt: skip


def _loose(text: str | None) -> bool:
    return bool(text) and not text.isspace()  # type: ignore[union-attr]


#: Elements whose start and end break a line of visible text.
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})  # fmt: skip
#: Elements whose content is no visible text of the page.
_HIDDEN_TAGS = frozenset({
    "script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object",
    "select", "textarea",
})  # fmt: skip


class _VisibleTextParser(HTMLParser):
    """The text a browser shows of a page, a line per block, as the stdlib's tokenizer
    reads it: no tree is built, so no nesting is too deep.

    The text of a hidden element (:data:`_HIDDEN_TAGS`) is dropped when the
    element closes: one never closed (an ``<svg>`` or ``<iframe>`` left open
    at the top of a page) hides nothing, rather than the rest of the page.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[tuple[str, int]] = []  # hidden elements open, where their text starts
        self.pre = 0  # <pre> elements open (their line breaks are kept)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden.append((tag, len(self.parts)))
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag in _BLOCK_TAGS:  # <br/>, <hr/>; a self-closed hidden element hides nothing
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS and any(name == tag for name, _ in self.hidden):
            while self.hidden:
                name, start = self.hidden.pop()
                if name == tag:
                    break
            if not self.hidden:  # the outermost hidden element closed: its text goes
                del self.parts[start:]
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.pre:
            self.parts.append(re.sub(r"[^\S\n]+", " ", normalise_newlines(data)))
        else:
            self.parts.append(re.sub(r"\s+", " ", data))


def _visible_text(page: str) -> str:
    """``page``'s visible text: its blocks' text, a line each, blank space collapsed."""
    parser = _VisibleTextParser()
    parser.feed(page)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


#: A date in a page's markup: an attribute value that opens with a year and a month.
_MARKUP_DATE = re.compile(
    r"""(?:content|datetime|value)\s*=\s*["']\s*(\d{4}-\d{2}(?:-\d{1,2})?[^"'<>]{0,40})""", re.I
)


def _partial_page_date(page: str, found: date | None) -> str | None:
    """The page's own date value behind ``found`` when it is no whole date, else None.

    htmldate turns an impossible or month-only value ("2024-02-30", "2024-02") into a
    day of that month; taken as the publication date, it anchored every "on Monday"
    as an exact, wrong day. Front matter refuses the same value; so does this.
    """
    if found is None:
        return None
    month = found.isoformat()[:7]
    for match in _MARKUP_DATE.finditer(page):
        value = match.group(1).strip()
        if not value.startswith(month):
            continue
        try:
            iso_day(value[:10] if len(value) > 10 and value[10] not in "T " else value)
        except ValueError:
            return value
        return None  # a whole date of that month: htmldate's is the page's
    return None


# ------------------------------------------------------------ JSONL and CSV


def record_to_document(
    record: Mapping[str, Any],
    *,
    fields: RecordFields,
    doc_id: str,
    source: str,
    fmt: str,
) -> Document:
    """One JSONL object or CSV row to a Document; the other keys go to ``meta["fields"]``.

    A missing, non-string or blank text is an :class:`InputError`; an
    unreadable date is not (the document is still worth extracting), it is
    kept in ``meta["unparsed_date"]`` and named in ``warnings``. Lone
    surrogates (``"\\ud800"`` in JSON: no character at all) become U+FFFD,
    with a warning.
    """
    noun = "column" if fmt == "csv" else "field"
    text = record.get(fields.text)
    named = f"{noun} {fields.text!r} "  # a message about the value under the key
    if text is None:  # a null text is the row's; a missing key may be the option's typo
        present = fields.text in record  # (io.field_check tells the two apart)
        message = f"{named}is null" if present else f"no {fields.text!r} {noun}"
        raise TextFieldError(message, source=source, present=present)
    if not isinstance(text, str):
        raise TextFieldError(f"{named}is not a string", source=source, present=True)
    if is_blank(text):  # blank, or nothing but NUL and other control characters
        raise TextFieldError(f"{named}is empty", source=source, present=True)
    if "\x00" in text:  # as a file holding one is refused, wherever in the table it is
        raise TextFieldError(f"{named}{NUL_TEXT}", source=source, present=True)
    text, invalid = replace_surrogates(text, f"{noun} {fields.text!r}")
    warnings: list[str] = [invalid] if invalid else []
    # read as a file's decoded text is (line ends made \n, a leading BOM dropped), so a
    # row holding a file's text is that file's document: front matter after a BOM too
    text = normalise_newlines(text).removeprefix("\ufeff")
    # a row's text that opens with front matter (markdown files exported to a table) is read
    # as the file was: its body is the text, its date, title and URL fill the row's gaps
    inner = parse_text(text, doc_id=doc_id, source=source)
    text = inner.text
    warnings += inner.warnings
    raw_date = record.get(fields.date)
    published = coerce_date(raw_date)
    date_source = "record" if published else None
    if published is None and inner.published is not None:
        published, date_source = inner.published, inner.meta.get("date_source")
    meta = _meta(fmt, date_source)
    if "front_matter" in inner.meta:
        meta["front_matter"] = inner.meta["front_matter"]
    if raw_date not in (None, "") and date_source != "record":
        meta["unparsed_date"] = str(raw_date) if isinstance(raw_date, LongInt) else raw_date
        warnings.append(f"{noun} {fields.date!r} is not a date ({_shorten(raw_date)}); ignored")
    used = set(fields.names)
    meta["fields"] = {
        key: value for key, value in record.items() if isinstance(key, str) and key not in used
    }
    url = record.get(fields.url)
    raw_title = record.get(fields.title)
    title = _clean_title(raw_title)
    if title is None and raw_title is not None and not isinstance(raw_title, str):
        warnings.append(f"{noun} {fields.title!r} is not text ({_shorten(raw_title)}); ignored")
    title = title or inner.title
    return Document(
        doc_id=doc_id,
        text=text,
        published=published,
        source=source,
        title=replace_surrogates(title, "title")[0] if title else None,
        url=url if isinstance(url, str) and url.strip() else inner.url,
        meta=meta,
        warnings=tuple(warnings),
    )


# ------------------------------------------------------------------ helpers


def _meta(fmt: str, date_source: str | None) -> dict[str, Any]:
    """Provenance kept with every document: its format and where its date came from."""
    meta: dict[str, Any] = {"format": fmt}
    if date_source:
        meta["date_source"] = date_source
    return meta


def _clean_title(value: Any) -> str | None:
    """Collapse whitespace (YAML turns markdown's ``\\_`` into no-break spaces). A number
    (a title ``1984``, a :class:`LongInt` too) is its digits; anything else (a list,
    ``Infinity``) is no title."""
    if isinstance(value, LongInt) or (
        isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    ):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


# -------------------------------------------------------------------- dates

_MONTH_NAME = rf"(?i:{MONTH_PATTERN})"
_ORDINAL = r"(?i:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?[ \t]+)?"
_DATE_FORMS = (
    r"(?P<iso_y>\d{4})(?P<iso_s>[-/.])(?P<iso_m>\d{1,2})(?P=iso_s)(?P<iso_d>\d{1,2})(?!\d)",
    r"(?P<num_d>\d{1,2})(?P<num_s>[-/.])(?P<num_m>\d{1,2})(?P=num_s)(?P<num_y>\d{4})(?!\d)",
    rf"(?P<mdy_m>{_MONTH_NAME})\.?[ \t]+(?P<mdy_d>\d{{1,2}}){_ORDINAL},?[ \t]+(?P<mdy_y>\d{{4}})(?!\d)",
    rf"(?P<dmy_d>\d{{1,2}}){_ORDINAL}[ \t]+(?:of[ \t]+)?(?P<dmy_m>{_MONTH_NAME})\.?,?[ \t]+"
    r"(?P<dmy_y>\d{4})(?!\d)",
)
_CAPITALISED = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
#: What may stand between a line start and a dateline: markdown decoration,
#: then either a label ("Published:") or a place ("WASHINGTON,", "Geneva, Switzerland —").
_LINE_PREFIX = (
    r"^[ \t>*_#]*"
    r"(?:(?i:published|posted|dated?|released)(?:[ \t]+on)?[ \t]*:?[ \t]*"
    rf"|{_CAPITALISED}(?:,[ \t]*{_CAPITALISED})?[ \t*_]*[,(—–:-][ \t]*)?"
)
_DATELINE = re.compile(rf"{_LINE_PREFIX}{_WEEKDAY}(?P<date>{'|'.join(_DATE_FORMS)})", re.M)
#: A dateline must start within this many characters of the text.
DATELINE_WINDOW = 200
_YEARS = range(1900, 2101)


def parse_dateline(text: str) -> date | None:
    """The publication date from a dateline at the start of ``text``, or None.

    Accepted: a date at the start of one of the first lines, optionally after
    a place or a label: "31-5-2023 (YANGON)", "WASHINGTON, January 30, 2026 -",
    "May 31, 2023", "2023-05-31", "Published: 3 June 2024". Numeric dates are
    day-month-year except ``a/b/yyyy`` where only one reading is valid. A date
    in the middle of a sentence ("from August 5 to August 6, 2024") is an
    event, not a dateline, and is ignored.
    """
    head = text[: DATELINE_WINDOW + 40]
    for match in _DATELINE.finditer(head):
        if match.start("date") >= DATELINE_WINDOW:
            break
        found = _match_to_date(match)
        if found is not None:
            return found
    return None


def _match_to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups["iso_y"]:
        parts = (groups["iso_y"], groups["iso_m"], groups["iso_d"])
    elif groups["num_y"]:
        ordered = _order_numeric(groups["num_d"], groups["num_m"], groups["num_s"])
        if ordered is None:
            return None
        parts = (groups["num_y"], *ordered)
    elif groups["mdy_y"]:
        parts = (groups["mdy_y"], str(MONTHS[groups["mdy_m"][:3].lower()]), groups["mdy_d"])
    else:
        parts = (groups["dmy_y"], str(MONTHS[groups["dmy_m"][:3].lower()]), groups["dmy_d"])
    return _make_date(*parts)


def _order_numeric(first: str, second: str, separator: str) -> tuple[str, str] | None:
    """(month, day) of ``first-second-yyyy``: day first, except an unambiguous US slash date."""
    if separator != "/":
        return second, first
    if int(first) > 12 >= int(second):
        return second, first
    if int(second) > 12 >= int(first):
        return first, second
    return None  # 5/6/2023: May 6 or 5 June? Better no date than a wrong one.


def _make_date(year: str, month: str, day: str) -> date | None:
    if int(year) not in _YEARS:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")


def coerce_date(value: Any) -> date | None:
    """A date from a metadata value: a date, a datetime, or an ISO or dateline string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return iso_day(value)
    except ValueError:
        if _ISO_START.match(value):  # "2024-01-0199": an ISO date gone wrong, not a dateline
            return None
        return parse_dateline(value)
