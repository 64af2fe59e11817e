"""What a file is, told from its first bytes: the one table of signatures.

A pipe has no name, and a file may be misnamed (a text called ``.warc``), so the
readers tell a container by its magic number and a text by how it opens. Both the
readers (``bulk -``'s suffix for a stream) and the archive readers (what a file given
as a WARC is instead) ask here, so the two never disagree about what a zip, a tar or a
WARC looks like. This module sits below both: it imports only the decoding helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.io.decoding import is_binary

__all__ = [
    "MARKUP",
    "SIGNATURES",
    "TAR_MAGIC",
    "WARC_VERSION",
    "Signature",
    "describe",
    "is_tar",
    "magic_suffix",
]


@dataclass(frozen=True, slots=True)
class Signature:
    """A container's magic number at a file's start, the suffix a stream holding it is read
    as, and what it is in a few words (for an error naming what a file is instead)."""

    magic: re.Pattern[bytes]
    suffix: str
    kind: str


#: Magic numbers of the containers a nameless stream may hold: zip (a local file header,
#: or the end of an empty one), bzip2 (a block, or the end of an empty stream), xz. A
#: bzip2 or xz stream is read as a tar packed so (the only way bulk reads them).
SIGNATURES: tuple[Signature, ...] = (
    Signature(re.compile(rb"PK\x03\x04|PK\x05\x06"), ".zip", "a zip archive"),
    Signature(re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)"), ".tar.bz2", "a bzip2 stream"),
    Signature(re.compile(rb"\xfd7zXZ\x00"), ".tar.xz", "an xz stream"),
)
#: A WARC's first line: its version, whole (a text that opens with "WARC/" is a text).
WARC_VERSION = re.compile(rb"WARC/1\.[0-9]+\r?\n")
#: A tar header's magic, at its offset 257 (POSIX ustar and GNU tar alike).
TAR_MAGIC = b"ustar"
_TAR_MAGIC_AT = 257
#: Markup's first character and the one after it: a tag, ``<!DOCTYPE``, ``<!--``,
#: ``<?xml``, a closing tag (``<3`` or ``<<`` opens a text).
MARKUP = re.compile(rb"<[A-Za-z!?/]")
#: How an HTML or XML document opens, for :func:`describe` (lower case).
_DOCUMENT_OPENINGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")


def magic_suffix(head: bytes) -> str | None:
    """The suffix of the container whose magic number opens ``head`` (:data:`SIGNATURES`),
    or None."""
    return next((sig.suffix for sig in SIGNATURES if sig.magic.match(head)), None)


def is_tar(head: bytes) -> bool:
    """Whether ``head`` is a tar archive's first header (its magic at offset 257)."""
    return head[_TAR_MAGIC_AT : _TAR_MAGIC_AT + len(TAR_MAGIC)] == TAR_MAGIC


def describe(head: bytes) -> str:
    """What a file's first bytes look like, in a few words: "HTML or XML", a container of
    :data:`SIGNATURES` ("a zip archive"), "JSON", "binary data" or "plain text". Leading
    blanks are skipped and case ignored, as a text's reader does."""
    text = head.lstrip().lower()
    if text.startswith(_DOCUMENT_OPENINGS):
        return "HTML or XML"
    kind = next((sig.kind for sig in SIGNATURES if sig.magic.match(head.lstrip())), None)
    if kind is not None:
        return kind
    if text.startswith((b"{", b"[")):
        return "JSON"
    if is_binary(head):
        return "binary data"
    return "plain text"
