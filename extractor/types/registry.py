"""The record-type registry: what a type *is*, in one object, found by name.

Every stage that handles records (gating, prompting, the answer models,
resolution, inference, results, tables, schema export, evaluation) asks this
registry instead of naming a type. A type is a :class:`RecordSpec`: the record
model plus everything the pipeline needs to ask for it, build it, check it,
table it and score it.

Built-in types and plugins are registered the same way (as simonw/llm does
with its hooks): a dotted ``module:attribute`` reference to a
:class:`RecordSpec` or to a :class:`~extractor.types.base.Record` subclass.
The built-ins are listed in :data:`BUILTIN`; plugins come from the entry-point
group ``extractor.record_types``::

    [project.entry-points."extractor.record_types"]
    protest = "mypkg.protest:Protest"

A plain ``Record`` subclass gets sensible defaults (see :mod:`.generic`): a
draft derived from its fields, names and numbers checked against the quote,
and no lexical gate unless it declares cue words.
"""

from __future__ import annotations

import functools
import importlib
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from extractor.blank import is_blank
from extractor.errors import ConfigurationError, RecordTypeError
from extractor.types.columns import column_name

if TYPE_CHECKING:
    from pydantic import BaseModel

    from extractor.types.base import Record
    from extractor.types.columns import Column
    from extractor.types.drafting import Builder
    from extractor.types.goldspec import FieldKind

ENTRY_POINT_GROUP = "extractor.record_types"

#: The built-in types, in the order results and reports list them.
BUILTIN: dict[str, str] = {
    "visit": "extractor.types.visit:SPEC",
    "meeting": "extractor.types.meeting:SPEC",
    "arms_transfer": "extractor.types.arms_transfer:SPEC",
    "casualty_report": "extractor.types.casualty_report:SPEC",
}

#: The names of the built-in types (plugins and user types add to the registry).
RECORD_TYPES: tuple[str, ...] = tuple(BUILTIN)

BuildFunction = Callable[[Any, "Builder"], dict[str, Any]]
"""(draft, builder) -> the record's fields other than evidence, status and attribution."""
TermsFunction = Callable[[Any], tuple[set[str], set[str]]]
"""draft -> (names, figures) a supporting sentence should carry."""
DeriveFunction = Callable[[Sequence["Record"], Sequence[str], dict[str, Any]], list["Record"]]
"""(records found, types asked for, validation context) -> records they entail."""
RecodeFunction = Callable[[Any, Callable[[str, Any], "Record"]], "Record | None"]
"""(draft, make) -> the record of another type the draft's sentences state instead, made with
``make(type name, draft of that type)`` (validated against the article; raises if it fails)."""
MatchFunction = Callable[[Mapping[str, Any], Mapping[str, Any]], bool]
"""(gold, predicted) in the gold format -> whether they may be the same event."""


@dataclass(frozen=True)
class GoldSpec:
    """How a type reads and writes the gold format (shared/eval/GOLD_FORMAT.md)."""

    #: Scored fields, in display order, with the rule that compares them.
    fields: Mapping[str, FieldKind]
    #: Allowed values of the ``ENUM`` fields.
    enums: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Record -> gold-format dict (what the scorer compares).
    to_gold: Callable[[Record], dict[str, Any]] | None = None
    #: Gold-format dict -> record fields (tests prove the schema can express gold).
    from_gold: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
    #: Whether a gold and a predicted record share a key field and may be paired.
    matchable: MatchFunction | None = None
    #: The key fields a matched record must get right to count in the strict score.
    strict: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class RecordSpec:
    """Everything the pipeline knows about one record type.

    Only ``record`` is required; :func:`spec_for` fills the rest with generic
    defaults for a user's ``Record`` subclass.
    """

    record: type[Record]
    #: The model-facing draft, and how a draft becomes the record's fields.
    draft: type[BaseModel]
    build: BuildFunction
    #: Names and figures of a draft, to find the sentences that support it.
    terms: TermsFunction
    #: Plural name: the answer's list, the result's key and the table's name.
    plural: str
    #: How prompts name the type ("arms transfers").
    label: str
    #: Words without which a text cannot report this type (per language; "*"
    #: applies to every language). None: no lexical gate, always asked for.
    cues: Mapping[str, re.Pattern[str]] | None = None
    #: Other types whose cue words also let this type through (a meeting
    #: abroad entails a visit).
    cued_by: tuple[str, ...] = ()
    #: Draft figures that may be left empty when no sentence carries them.
    optional_figures: tuple[str, ...] = ()
    #: The prompt template under ``prompts/``, and the guidance it shows.
    template: str = "types/_generic.j2"
    guidance: str = ""
    examples: tuple[str, ...] = ()
    #: Flat table columns (``extractor flatten``) and terminal table columns.
    columns: tuple[Column, ...] = ()
    table: tuple[tuple[str, Callable[[Any], str]], ...] = ()
    #: Records this type's rules derive from other records (codebook inferences).
    derive: DeriveFunction | None = None
    #: Why a record of this type is not one on its evidence, once what it entails is
    #: derived (a visit whose sentence says only that two leaders met: the meeting
    #: stands, the visit is left out with this reason as a warning); None: it is.
    unsupported: Callable[[Any, Mapping[str, Any]], str | None] | None = None
    #: The record of another type a draft states when its evidence has none of this
    #: type's words (:class:`~extractor.errors.EventNotStated`): a call the model drafted
    #: as a visit is the meeting it reports. None: such a draft is dropped.
    recode: RecodeFunction | None = None
    gold: GoldSpec | None = None

    @property
    def name(self) -> str:
        return self.record.record_type

    @property
    def title(self) -> str:
        return self.label[:1].upper() + self.label[1:]


class _Registry:
    def __init__(self) -> None:
        self._specs: dict[str, RecordSpec] = {}
        self._loaded = False
        #: Why loading failed: said again on every later use, never a registry without the
        #: plugin that failed (and those after it) as if nothing had happened.
        self._failure: ConfigurationError | None = None
        self._lock = threading.RLock()

    def _load(self) -> None:
        with self._lock:
            if self._failure is not None:
                raise _again(self._failure)
            if self._loaded:
                return
            self._loaded = True
            try:
                self._load_all()
            except ConfigurationError as error:
                self._failure = error
                raise
            except BaseException:  # Ctrl-C while loading: the next use loads afresh
                self._specs.clear()
                self._loaded = False
                raise

    def _load_all(self) -> None:
        for name, ref in BUILTIN.items():
            self._add(_import(ref, name), replace=False)
        for point in entry_points(group=ENTRY_POINT_GROUP):
            try:
                self._add(_import(point.value, point.name), replace=False)
            except ConfigurationError:
                raise
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # a broken plugin names itself
                raise ConfigurationError(
                    f"record-type plugin {point.name!r} ({point.value}) failed to load: "
                    f"{_plugin_failure(error)}; fix or uninstall the package that provides it"
                ) from error

    def _add(self, obj: Any, *, replace: bool) -> RecordSpec:
        spec = spec_for(obj)
        _check_plural(spec, self._specs.values())
        existing = self._specs.get(spec.name)
        if existing is not None and existing.record is not spec.record:
            # a class defined again where it was (a notebook cell run twice): the newest wins
            replace = replace or _defined_at(existing.record) == _defined_at(spec.record)
        if existing is not None and existing.record is not spec.record and not replace:
            raise RecordTypeError(
                f"two record types are named {spec.name!r} ({_defined_at(existing.record)} and "
                f"{_defined_at(spec.record)}): rename one",
                record_type=spec.name,
                field="type",
            )
        if existing is None or replace:
            self._specs[spec.name] = spec
        return self._specs[spec.name]

    def register(self, obj: Any, *, replace: bool = False) -> RecordSpec:
        self._load()
        with self._lock:
            return self._add(obj, replace=replace)

    def get(self, name: str) -> RecordSpec:
        self._load()
        spec = self._specs.get(name)
        if spec is None:
            raise ConfigurationError(
                f"unknown record type {name!r}: use one of {', '.join(self._specs)} "
                "(`extractor types` lists them)"
            )
        return spec

    def all(self) -> tuple[RecordSpec, ...]:
        self._load()
        return tuple(self._specs.values())


def _again(failure: ConfigurationError) -> ConfigurationError:
    """The error loading failed with, raised afresh for a later use (a new one each time: the
    first's traceback is not grown), of its own class: a plugin's defective type was a
    :class:`RecordTypeError` naming its field on the first use and a bare
    ``ConfigurationError`` without ``field`` on every later one, so ``except
    RecordTypeError`` caught it once."""
    if isinstance(failure, RecordTypeError):
        return RecordTypeError(str(failure), record_type=failure.record_type, field=failure.field)
    return ConfigurationError(str(failure))


#: Names a type's ``plural`` may not take: the keys of an extraction's JSON beside the
#: types' lists (:class:`~extractor.pipeline.result.ArticleExtraction`) and the tables
#: flatten writes beside the types' tables (a test pins both).
#: The keys of a line ``extractor bulk`` writes (pinned against real lines by a test):
#: a type's list under one of them would be read as the line's own field.
RESULT_LINE_KEYS = frozenset({
    "doc_id", "status", "source", "text", "title", "url", "published", "records", "counts",
    "usage", "model", "prompt_version", "schema_version", "strategy", "types", "seconds",
    "calls", "warnings", "cached", "error", "text_sha256", "input_sha256", "duplicate_of",
    "failed_calls",
})  # fmt: skip
#: The columns of flatten's ``documents`` table beside the types' counts (each type's
#: plural names its count there; pinned against the table by a test).
DOCUMENT_COLUMNS = frozenset({
    "doc_id", "run_status", "published", "title", "url", "source", "text_sha256", "records",
    "model", "prompt_version", "schema_version", "strategy", "prompt_tokens",
    "completion_tokens", "seconds", "cached", "warnings", "error_type", "error_kind",
    "error_message", "duplicate_of",
})  # fmt: skip
RESERVED_PLURALS = (
    frozenset({"doc_id", "published", "groups", "metadata", "events", "documents"})
    | RESULT_LINE_KEYS
    | DOCUMENT_COLUMNS
)
#: What a plural may look like: it names a JSON key, a file (``flatten``'s ``<plural>.csv``)
#: and a SQL table, so lower-case letters, digits and underscores, from a letter.
_PLURAL_SHAPE = re.compile(r"[a-z][a-z0-9_]{0,62}")


def _plugin_failure(error: BaseException) -> str:
    """What a plugin raised while loading, in words.

    Any BaseException but Ctrl-C: a ``sys.exit()``, an ``asyncio.CancelledError``, a
    ``GeneratorExit`` or a plugin's own BaseException ended the command with a traceback
    (or exit 0), and in Python left a registry without the plugin for every later use.
    Each is a plugin that failed to load, said on every use (:meth:`_Registry._load`).
    """
    if isinstance(error, SystemExit):
        return f"it called sys.exit({error.code!r}) while loading"
    if isinstance(error, Exception):
        return str(error) or type(error).__name__
    told = f" ({error})" if str(error) else ""
    return f"it raised {type(error).__name__}{told} while loading"


@functools.cache
def result_attributes() -> frozenset[str]:
    """The names a result already answers to: every attribute of
    :class:`~extractor.pipeline.result.ArticleExtraction` (its fields, properties and
    methods: ``rows``, ``document``, ``complete``, ``by_type`` ...), read from the class.

    A type's records are ``result.<plural>``, looked up only when the result
    has no attribute of that name: a plural that is one (``rows``) gave the
    result's method, not the records. The only result class that answers
    with records by plural (a :class:`~extractor.bulk.batch.BatchResult`
    reaches them through its ``extraction``). Imported here, late: the result
    module builds on this one.
    """
    from extractor.pipeline.result import ArticleExtraction

    cls = ArticleExtraction
    return frozenset(dir(cls)) | set(cls.model_fields) | set(cls.model_computed_fields)


def _check_plural(spec: RecordSpec, others: Iterable[RecordSpec]) -> None:
    """A type's plural names its list in an extraction's JSON and its table: one taken by
    another type would merge two types' records under one name (the later type's columns
    over the earlier's facts), one reserved would overwrite what the tool keeps there, and
    one shaped otherwise (``../x``, ``a b``, a pydantic model's attribute such as ``copy``)
    would name a file elsewhere or break the answer's model."""
    from pydantic import BaseModel

    plural = spec.plural
    if (
        not isinstance(plural, str)
        or not _PLURAL_SHAPE.fullmatch(plural)
        or hasattr(BaseModel, plural)
        or plural.startswith("model_")
    ):
        raise ConfigurationError(
            f"record type {spec.name!r} has the plural {plural!r}: a plural names a JSON key, "
            "a file and a SQL table, so it is lower-case letters, digits and underscores, "
            "starting with a letter, and no pydantic model attribute: give it another "
            "`plural` (protests)"
        )
    if plural in result_attributes():
        raise ConfigurationError(
            f"record type {spec.name!r} has the plural {plural!r}, which is the result's own "
            f"attribute (ArticleExtraction.{plural}), so result.{plural} would not be its "
            "records: give it another `plural`"
        )
    mine = {spec.plural, column_name(spec.plural)}  # its list's name, and its table's
    if mine & RESERVED_PLURALS:
        raise ConfigurationError(
            f"record type {spec.name!r} has the plural {spec.plural!r}, a name the tool keeps "
            "for itself (a key of a result line or of an extraction's JSON, or a table of "
            "flatten: extractor.types.registry.RESERVED_PLURALS): give it another `plural`"
        )
    for other in others:
        if other.name != spec.name and mine & {other.plural, column_name(other.plural)}:
            raise ConfigurationError(
                f"record types {other.name!r} and {spec.name!r} have the same plural "
                f"{spec.plural!r} (their lists and tables would merge): give "
                f"{spec.name!r} another `plural`"
            )


_REGISTRY = _Registry()
_GENERIC: weakref.WeakKeyDictionary[type[Record], RecordSpec] = weakref.WeakKeyDictionary()


def _import(ref: str, name: str) -> Any:
    module_name, _, attribute = ref.partition(":")
    module = importlib.import_module(module_name)
    obj: Any = module
    for part in attribute.split(".") if attribute else ():
        obj = getattr(obj, part)
    return obj


def _defined_at(record: type[Record]) -> str:
    """Where a class was defined (``mypkg.protest.Protest``): two classes defined at the same
    place are one type defined again (a notebook cell run twice), not two types."""
    return f"{record.__module__}.{record.__qualname__}"


def _words(value: Any) -> bool:
    """Whether ``value`` is a tuple or list of non-blank strings (a bare string is not: its
    letters would be read as the words; a blank one, :func:`~extractor.blank.is_blank`,
    zero-width or NBSP too, is a word nobody can see)."""
    return isinstance(value, tuple | list) and all(
        isinstance(v, str) and not is_blank(v) for v in value
    )


def check_record_class(record: type[Record]) -> None:
    """Refuse a record class whose settings the pipeline reads but cannot use.

    A user type's class attributes (``guidance``, ``examples``, ``cue_words``, ``plural``,
    ``evidence_cues`` ...) are read only when the type is first used: a ``guidance = 3``
    or a cue word ``"("`` (an invalid regex) surfaced as an ``AttributeError`` or a bare
    ``re.error`` from deep inside, a ``cue_words = "protest"`` was read letter by letter,
    ``examples = "..."`` was dropped without a word, and a blank cue word (or one that
    matches the empty string, ``\\w*``) let every text through the lexical gate. Each is a
    :class:`ConfigurationError` when the type is registered, naming the type, the
    attribute and what is wanted. Cue words are regex fragments (``protest\\w*``, as the
    README's recipe shows), so each is compiled as the gate uses it, and named if it fails.
    """
    from extractor.text.cues import cue_pattern
    from extractor.types.base import TYPE_NAME

    where = _defined_at(record)
    name = getattr(record, "record_type", None)

    def refuse(attribute: str, value: Any, wanted: str) -> ConfigurationError:
        return ConfigurationError(
            f"record type {name!r} ({where}) has {attribute} = {value!r:.60}: {wanted}"
        )

    if not isinstance(name, str) or not TYPE_NAME.fullmatch(name):
        raise refuse("record_type", name, "give it a lower-case snake_case name (protest)")
    guidance = getattr(record, "guidance", None)
    if guidance is not None and not isinstance(guidance, str):
        raise refuse(
            "guidance", guidance, "give a string of prompt text, or None for the docstring"
        )
    examples = getattr(record, "examples", ())
    if not _words(examples):
        raise refuse("examples", examples, "give a tuple of non-blank strings, one per example")
    plural = getattr(record, "plural", None)
    if plural is not None and not isinstance(plural, str):
        raise refuse("plural", plural, "give a string such as 'protests', or None for type + 's'")
    meaning = getattr(record, "evidence_cue_meaning", "")
    if not isinstance(meaning, str):
        raise refuse("evidence_cue_meaning", meaning, "give a string such as 'protested'")
    evidence_cues = getattr(record, "evidence_cues", ())
    if not isinstance(evidence_cues, tuple | list) or not all(
        isinstance(p, re.Pattern) and isinstance(p.pattern, str) for p in evidence_cues
    ):
        raise refuse(
            "evidence_cues", evidence_cues, "give a tuple of compiled patterns (re.compile(...))"
        )
    words = getattr(record, "cue_words", ())
    if not _words(words):
        raise refuse(
            "cue_words", words, "give a tuple of non-blank words (regex fragments: protest\\w*)"
        )
    for word in words:
        try:
            matches_nothing = re.compile(word).fullmatch("") is not None
            cue_pattern([word], "*")
        except re.error as error:
            raise refuse(
                "cue_words",
                words,
                f"{word!r} is no valid regex ({error}): escape it (re.escape) or fix it",
            ) from error
        if matches_nothing:
            raise refuse(
                "cue_words",
                words,
                f"{word!r} matches the empty string, so every text would "
                "pass the lexical gate: make it match a word",
            )
    try:
        cue_pattern(words, "*")
    except re.error as error:  # fragments valid alone that clash together (a group's name)
        raise refuse(
            "cue_words", words, f"the words do not compile together ({error}): fix them"
        ) from error


def spec_for(obj: Any) -> RecordSpec:
    """The spec of a ``RecordSpec`` or a ``Record`` subclass (generic defaults)."""
    from extractor.types.base import Record

    if isinstance(obj, RecordSpec):
        check_record_class(obj.record)
        return obj
    if isinstance(obj, type) and issubclass(obj, Record):
        spec = _GENERIC.get(obj)
        if spec is None:
            from extractor.types.generic import generic_spec

            check_record_class(obj)
            spec = _GENERIC[obj] = generic_spec(obj)  # built once per class
        return spec
    raise ConfigurationError(
        f"{obj!r} is not a record type: give a subclass of extractor.Record or a RecordSpec"
    )


def register(obj: Any, *, replace: bool = False) -> RecordSpec:
    """Register a ``Record`` subclass or a ``RecordSpec`` (idempotent for the same class)."""
    return _REGISTRY.register(obj, replace=replace)


def get_type(name: str) -> RecordSpec:
    """The registered type called ``name`` (ConfigurationError naming the choices)."""
    return _REGISTRY.get(name)


def registered_types() -> tuple[RecordSpec, ...]:
    """Every registered type: the built-ins first, then plugins, then user types."""
    return _REGISTRY.all()


def type_names() -> tuple[str, ...]:
    return tuple(spec.name for spec in registered_types())


def builtin_types() -> tuple[RecordSpec, ...]:
    return tuple(get_type(name) for name in BUILTIN)


def resolve_types(
    types: Iterable[str | type[Record] | RecordSpec] | str | type[Record] | RecordSpec | None,
) -> tuple[RecordSpec, ...]:
    """Specs for a user's selection: names, ``Record`` subclasses (registered on the
    way) or specs; None means the built-in types.

    One name, class or spec alone is that one type (``types="visit"`` is
    ``types=["visit"]``: a string is not read letter by letter). A selection
    that names no type (``[]``), an unknown name, or no selection at all
    (``5``, ``b"visit"``) is a :class:`~extractor.errors.ConfigurationError` naming the choices.
    """
    if types is None:
        return builtin_types()
    items: Iterable[str | type[Record] | RecordSpec]
    if isinstance(types, str | RecordSpec | type):
        items = [types]
    elif isinstance(types, Iterable) and not isinstance(types, bytes | bytearray | memoryview):
        items = types  # bytes are no list of names: b"visit" would be read as numbers
    else:
        raise ConfigurationError(
            f"types={types!r:.60} is not a record type's name or a list of them: give one "
            f"of {', '.join(type_names())}, a list of them, or None for the built-in four"
        )
    chosen: list[RecordSpec] = []
    for item in items:
        if not isinstance(item, str | RecordSpec | type):
            raise ConfigurationError(
                f"types holds {item!r:.60}, which is no record type: give names such as "
                f"{', '.join(type_names())}, Record subclasses or RecordSpecs"
            )
        spec = get_type(item) if isinstance(item, str) else register(item)
        # one type once, where first chosen: a class defined again stands for the old one
        same = [i for i, other in enumerate(chosen) if other.name == spec.name]
        if same:
            chosen[same[0]] = spec
        else:
            chosen.append(spec)
    if not chosen:
        raise ConfigurationError(
            f"no record types chosen: name at least one of {', '.join(type_names())}, "
            "or give None for the built-in four"
        )
    return tuple(chosen)


def reload() -> None:
    """Forget every registration and load the built-ins and plugins again.

    For a process that installed a plugin after the registry was first used
    (tests do); types registered by hand must be registered again.
    """
    global _REGISTRY
    _REGISTRY = _Registry()


def spec_of_record(record: Record | type[Record]) -> RecordSpec:
    return get_type(record.record_type)
