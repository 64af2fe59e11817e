"""Record types: the shared parts, the base ``Record``, one module per built-in type,
and the registry every other stage asks.

Public here (re-exported by ``extractor`` too): :class:`Record`, the parts,
:class:`RecordSpec`, :func:`register`, :func:`get_type`,
:func:`registered_types`. The modules themselves are internal.

A type of your own is one module: a subclass of :class:`Record` with a
``type: Literal["protest"] = "protest"`` field and described fields, used as
``Extractor(types=["visit", Protest])`` or registered for the CLI through the
entry-point group ``extractor.record_types`` (see the README).
"""

from __future__ import annotations

from extractor.types.base import Plover, Record, RecordType
from extractor.types.parts import Actor, Count, DateValue, Evidence, Money, Place, Sector, Status
from extractor.types.registry import (
    ENTRY_POINT_GROUP,
    RECORD_TYPES,
    GoldSpec,
    RecordSpec,
    get_type,
    register,
    registered_types,
    resolve_types,
    type_names,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "RECORD_TYPES",
    "Actor",
    "Count",
    "DateValue",
    "Evidence",
    "GoldSpec",
    "Money",
    "Place",
    "Plover",
    "Record",
    "RecordSpec",
    "RecordType",
    "Sector",
    "Status",
    "get_type",
    "register",
    "registered_types",
    "resolve_types",
    "type_names",
]
