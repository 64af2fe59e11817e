"""The answer models: what one model call returns, one list of drafts per type.

An answer model is built from the registry for the types a call asks about
(one type for per-type calls, the screened types for a single call), once per
combination, so instructor and the schema cache see the same class every
time. Validating an answer resolves it (:func:`extractor.pipeline.resolve.resolve`)
against the article of the call in progress: invalid records make the whole
answer fail, so instructor re-asks with the collected problems; on the last
attempt the invalid records are dropped with a warning instead, never
emitted as sound.
"""

from __future__ import annotations

import dataclasses
import inspect
import os
import traceback
from collections.abc import Iterable
from functools import cache
from typing import Any, ClassVar

from instructor import OpenAISchema
from pydantic import PrivateAttr, model_validator

from extractor.errors import RecordCodeError
from extractor.pipeline.resolve import Article, resolve
from extractor.runtime.instructor_compat import AttemptState, current_context
from extractor.types.base import Record
from extractor.types.drafting import Draft
from extractor.types.registry import RECORD_TYPES, RecordSpec, builtin_types, get_type


class DraftList(Draft, OpenAISchema):
    """Base of the answers: one or more lists of drafts, resolved on validation.

    Deriving from instructor's ``OpenAISchema`` stops instructor from building
    a new pydantic subclass of the response model on every request (about
    3 ms of CPU each, a fifth of the client's cost per document in bulk runs).
    """

    #: answer field -> record type name
    list_fields: ClassVar[dict[str, str]] = {}
    _records: list[Record] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _resolve(self, info: Any) -> DraftList:
        context = current_context(info.context)
        if context is None or "text" not in context:
            return self
        state = context.get("state")
        state = state if isinstance(state, AttemptState) else None
        if state is not None:
            state.seen_answer(self.model_dump_json())
        memo = context.get("memo")
        try:
            outcome = resolve(
                self, Article.from_context(context), memo=memo if isinstance(memo, dict) else None
            )
        except (ValueError, AssertionError, KeyboardInterrupt):  # a validation failure; Ctrl-C
            raise
        except BaseException as error:
            # any other BaseException too (``sys.exit()`` in a validator, the type's own
            # ``BaseException`` subclass): pydantic passes it through, and it ended a whole
            # bulk run (exit 0 for a ``sys.exit(0)``) for one document's record
            blamed = _user_code_error(error, self.list_fields.values())
            if blamed is None:
                raise
            raise blamed from error
        if state is not None:
            state.warnings.extend(w for w in outcome.warnings if w not in state.warnings)
        if outcome.problems and (state is None or not state.final_attempt):
            raise ValueError(
                "Some records are invalid. Fix each listed record, or remove it if the article "
                "does not support it:\n- " + "\n- ".join(outcome.problems)
            )
        if state is not None:
            state.dropped += outcome.dropped
            state.warnings.extend(outcome.drops)
        self._records = outcome.records
        return self

    @property
    def records(self) -> list[Record]:
        return list(self._records)


def _user_code_error(error: BaseException, kinds: Iterable[str]) -> RecordCodeError | None:
    """``error`` as a :class:`RecordCodeError` when it was raised in the code of a user's
    record type asked about (a validator of its record or draft, a spec's own builder):
    the innermost frame of its traceback that lies in one of those types' modules says
    which and where. None when no such frame is in it (a bug of ours stays one)."""
    builtin = {spec.name for spec in builtin_types()}
    modules: dict[str, str] = {}
    for kind in kinds:
        if kind in builtin:
            continue
        spec = get_type(kind)
        for part in (spec.record, spec.draft, spec.build):
            for name in _written_in(part):
                modules.setdefault(name, spec.name)
    where = None
    for frame, line in traceback.walk_tb(error.__traceback__):
        module = frame.f_globals.get("__name__")
        if module in modules:
            where = (modules[module], frame.f_code.co_filename, line, frame.f_code.co_name)
    if where is None:
        return None
    kind, filename, line, function = where
    said = str(error).splitlines()[0] if str(error) else ""
    raised = f"raised {type(error).__name__}"
    if isinstance(error, SystemExit):
        raised, said = f"called sys.exit({error.code!r})", ""
    return RecordCodeError(
        f"record type {kind!r} {raised} in its own code "
        f"({os.path.basename(filename)}:{line}, in {function})"
        + (f": {said}" if said else "")
        + "; fix it (a validator rejects a value by raising ValueError, which re-asks the "
        "model or drops the record)",
        record_type=kind,
    )


def _written_in(part: Any) -> set[str]:
    """The modules whose code ``part`` (a record or draft class, a builder) runs: its own,
    its bases' (a mixin of validators) and its validators' and serializers' (a type made
    by ``create_model`` in a factory module from validators written elsewhere). Ours and
    pydantic's are not the user's."""
    found: set[str] = set()
    classes = part.__mro__ if isinstance(part, type) else (part,)
    for owner in classes:
        found.add(getattr(owner, "__module__", None) or "")
        decorators = getattr(owner, "__pydantic_decorators__", None)
        groups = dataclasses.fields(decorators) if dataclasses.is_dataclass(decorators) else ()
        for group in (getattr(decorators, field.name) for field in groups):
            for decorator in group.values() if isinstance(group, dict) else ():
                function = inspect.unwrap(getattr(decorator.func, "__func__", decorator.func))
                found.add(getattr(function, "__module__", None) or "")
    return {
        name
        for name in found
        if name and name != "builtins" and not name.startswith(("extractor.", "pydantic"))
    }


def _class_name(plural: str) -> str:
    return "".join(part.capitalize() for part in plural.split("_"))


def answer_model(kinds: tuple[str, ...]) -> type[DraftList]:
    """The answer to one call about ``kinds``: their lists, and no others.

    Offering a small model a list for a type the text cannot contain invites
    it to fill that list; the single strategy asks only for the types the
    lexical screen lets through.

    Built once per combination of registered *types*, not of names: a type
    registered again under the same name (a notebook cell run twice with
    other fields, a test's own ``meeting``, the registry reloaded) gets its
    own answer model, never the previous type's lists.
    """
    if len(kinds) > 1 and set(kinds) == set(RECORD_TYPES):
        kinds = RECORD_TYPES
    return _answer_model(tuple(get_type(kind) for kind in kinds), kinds == RECORD_TYPES)


@cache
def _answer_model(specs: tuple[RecordSpec, ...], every_builtin: bool) -> type[DraftList]:
    title = "AllTypes" if every_builtin else "".join(_class_name(spec.plural) for spec in specs)
    annotations: dict[str, Any] = {"list_fields": ClassVar[dict[str, str]]}
    list_fields: dict[str, str] = {}
    for spec in specs:
        annotations[spec.plural] = list[spec.draft]  # type: ignore[name-defined]
        list_fields[spec.plural] = spec.name
    namespace = {"__annotations__": annotations, "__module__": __name__,
                 "list_fields": list_fields, "__qualname__": title}  # fmt: skip
    return type(title, (DraftList,), namespace)


@cache
def titled(model: type[DraftList]) -> type[DraftList]:
    """``model`` with a root title in its schema, for function-calling modes.

    instructor's tools modes name the function after ``schema["title"]``,
    which the compact schema drops to save tokens where the schema is sent
    as text or grammar. The copy keeps the name and fields of ``model``, so
    :func:`~extractor.runtime.instructor_compat.original_class` sees through it.
    """
    namespace = {"keeps_root_title": True, "__module__": model.__module__,
                 "__qualname__": model.__qualname__}  # fmt: skip
    return type(model.__name__, (model,), namespace)


@cache
def grammar_schema(model: type[Draft]) -> dict[str, Any]:
    """The full JSON Schema, for servers that turn it into a decoding grammar.

    Cached (see :meth:`Draft.model_json_schema`): building a schema is most of
    the client's CPU per request otherwise.
    """
    return model.model_json_schema()
