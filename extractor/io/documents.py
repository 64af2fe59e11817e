"""One Document from what a caller has at hand: a path, a string or a Document.

The Python API (:func:`extractor.extract`, :meth:`extractor.Extractor.extract`)
takes any of these, and bulk reads many through :mod:`extractor.io.readers`.
Both must make the same Document of the same input: a date that bulk reads
from a markdown file's front matter but a one-off call ignored would leave
"yesterday" in that call unresolved. So a path is read by the bulk reader
itself (:func:`~extractor.io.readers.read_file`), and a string that is a
markdown text with front matter or an HTML page goes through the parsers a
file of that kind goes through (:mod:`extractor.io.formats`: front matter
split off and read, page chrome removed).

A plain string is taken verbatim: the evidence offsets of its records index
the caller's own string (no newline normalisation, no guessed dateline), as
they always have. A :class:`Document` is taken as it is, never re-parsed:
build one to use a text exactly as written.

The caller's ``published`` and ``doc_id`` win over what the input says: they
are the caller's knowledge, the input's metadata only a fallback.

Lone surrogates (a string cut inside a surrogate pair, ``"\\ud800"`` from
JSON) are replaced with U+FFFD and named in the Document's ``warnings``, as
bulk does for its rows (see :class:`Document`): no UTF-8 request can carry
them. A string is mended before it is parsed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from datetime import date
from typing import TypeAlias

from extractor.errors import InputError
from extractor.io.decoding import normalise_newlines
from extractor.io.formats import (
    DocFormat,
    opens_with_usable_front_matter,
    parse_html,
    parse_markdown,
)
from extractor.io.readers import read_file
from extractor.pipeline.document import Document, as_doc_id, replace_surrogates
from extractor.redact import clean_surrogates, escape_surrogates

__all__ = ["STRING_SOURCE", "Source", "read_document", "text_format", "to_document"]

#: What the extraction API accepts as one article.
Source: TypeAlias = str | os.PathLike[str] | Document

#: ``Document.source`` of a string given without a ``doc_id`` (as Python names
#: code that came from a string ``<string>``).
STRING_SOURCE = "<string>"

#: Where a page's markup shows itself: only the head of a text is looked at.
_HTML_HEAD_CHARS = 4096
#: A text is HTML when it opens with a doctype, a comment, or the start tag of
#: an element a page or an article fragment begins with. Prose that merely
#: mentions a tag further on ("use <b> for bold") is not.
_HTML_START = re.compile(
    r"\A(?:<!doctype\s+html|<!--|<(?:html|head|body|article|main|section|header|div|p|"
    r"h[1-6]|title|meta|table|ul|ol|blockquote|figure|span|font|center)\b)",
    re.IGNORECASE,
)


def text_format(text: str) -> DocFormat:
    """How a string is read: ``markdown`` when it opens with front matter, ``html``
    when it opens like a page or an HTML fragment, else ``text`` (taken verbatim).

    Front matter counts when a ``---`` block holding a mapping opens the text: a block
    that is none stays text, with no warning, as a ``.txt`` file's does
    (:func:`~extractor.io.formats.opens_with_usable_front_matter`), so the same bytes
    piped, named or given as a string are one document with the same warnings.
    """
    if opens_with_usable_front_matter(text):
        return "markdown"
    head = text[:_HTML_HEAD_CHARS].lstrip("\ufeff \t\r\n")
    return "html" if _HTML_START.match(head) else "text"


def read_document(
    path: str | os.PathLike[str],
    *,
    doc_id: str | None = None,
    published: date | None = None,
) -> Document:
    """Read one ``.txt``, ``.md``/``.markdown`` or ``.html``/``.htm`` file as bulk would.

    The publication date comes from front matter, the page's metadata or a
    leading dateline, unless ``published`` is given; ``doc_id`` defaults to
    the path as given. Raises :class:`~extractor.errors.InputError` naming the
    path when it cannot be read or holds no text.
    """
    document = read_file(path, doc_id=doc_id)
    if published is not None:
        document = dataclasses.replace(document, published=published)
    return document


def to_document(
    source: Source,
    *,
    published: date | None = None,
    doc_id: str | None = None,
) -> Document:
    """The Document to extract from ``source`` (see the module docstring).

    A string's default ``doc_id`` is ``sha256:`` and the start of the hash of
    the string as given, so the same string gets the same record ids in every
    run. An id holding lone surrogates is written with U+FFFD escapes, as bulk
    names such ids (:func:`with_visible_id`). Raises
    :class:`~extractor.errors.InputError` naming the input when it is of
    another type, or a path or page with no text.
    """
    return with_visible_id(_to_document(source, published=published, doc_id=doc_id))


def with_visible_id(document: Document) -> Document:
    """``document`` with an id that any UTF-8 writer takes: a lone surrogate in it
    (``"a\ud800"`` from JSON) made the result unserialisable. Escaped one-to-one as
    bulk names its inputs (:func:`~extractor.redact.escape_surrogates`), with a
    warning; an id without one (every id bulk hands on) is left as it is."""
    if clean_surrogates(document.doc_id) is document.doc_id:
        return document
    note = "doc_id held invalid characters (lone surrogates), written as U+FFFD escapes"
    return dataclasses.replace(
        document, doc_id=escape_surrogates(document.doc_id), warnings=(*document.warnings, note)
    )


def _to_document(
    source: Source,
    *,
    published: date | None = None,
    doc_id: str | None = None,
) -> Document:
    if doc_id is not None:
        doc_id = as_doc_id(doc_id)  # 7 from a table's id column is "7", before any call
    if isinstance(source, Document):
        if published is not None:
            source = dataclasses.replace(source, published=published)
        if doc_id is not None:
            source = dataclasses.replace(source, doc_id=doc_id)
        return source
    if isinstance(source, os.PathLike):
        return read_document(source, doc_id=doc_id, published=published)
    if not isinstance(source, str):
        raise InputError(
            f"cannot extract from {type(source).__name__}: pass the article as a str, "
            "a pathlib.Path to a .txt, .md or .html file, or an extractor.Document",
            source=doc_id,
        )
    if _names_a_file(source):
        raise InputError(
            "this text is the name of a file, not an article: pass pathlib.Path(...) to read "
            "the file (a str is always the article itself)",
            source=source.strip(),
        )
    ident = doc_id or string_id(source)
    label = doc_id or STRING_SOURCE
    source, invalid = replace_surrogates(source, "text")  # before any parser sees it
    notes = (invalid,) if invalid else ()
    # told as a file's decoded text is (its line ends made \n, a BOM dropped), so front
    # matter written with CRLF or after a BOM is front matter here too
    text = normalise_newlines(source).removeprefix("\ufeff")
    fmt = text_format(text)
    if fmt == "text":  # verbatim: the offsets index the caller's own string
        return Document(ident, source, published=published, source=label, warnings=notes)
    if fmt == "markdown":
        document = parse_markdown(text, doc_id=ident, source=label)
    else:
        document = parse_html(text, doc_id=ident, source=label)
    if published is not None:
        document = dataclasses.replace(document, published=published)
    if notes:
        document = dataclasses.replace(document, warnings=(*notes, *document.warnings))
    return document


def _names_a_file(text: str) -> bool:
    """Whether a str that should be an article is one line naming an existing file: the
    model would be paid to read a path (``extract("news/a.txt")``)."""
    name = text.strip()
    if not name or "\n" in name or len(name) > 4096:
        return False
    try:
        return os.path.isfile(name)
    except (OSError, ValueError):  # a NUL byte, a name too long
        return False


def string_id(text: str) -> str:
    """The id of an article given as a string without one: ``sha256:`` and the start of
    its hash, the same in every run."""
    # surrogatepass: a lone surrogate in a caller's string must not make hashing raise
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
