"""Every workaround for instructor 1.17, in one place.

instructor validates an answer by calling the response model's validators;
re-asks happen when they raise. Three of its habits need working around:

* its own ``context=`` argument also renders every message as a Jinja
  template, so an article containing "{{" would break (or rewrite) its own
  prompt: the validation context travels in :data:`RESOLVE_CONTEXT` instead;
* it subclasses a response model that is not an ``OpenAISchema`` on every
  call: answer models derive from ``OpenAISchema``, and
  :func:`original_class` sees through copies made anyway;
* it validates each attempt with no way to tell the last one:
  :class:`AttemptState` counts attempts through its hooks;
* it walks each response model for async validators five times a request:
  :func:`memoize_async_validator_check` remembers the classes that passed;
* it logs every failed attempt, which a command or a worker process reports
  once itself: :func:`muted_log` silences it there, :func:`quiet_retry_log`
  drops only the misleading lines for library callers.
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

#: The validation context of the call in progress (the article, its sentences,
#: its date, the attempt's state). Task-local, so concurrent calls never mix.
RESOLVE_CONTEXT: ContextVar[dict[str, Any] | None] = ContextVar("extractor_resolve", default=None)


def current_context(info_context: Any) -> dict[str, Any] | None:
    """The context of the validation in progress: pydantic's, else the call's."""
    return info_context if isinstance(info_context, dict) else RESOLVE_CONTEXT.get()


@dataclass
class AttemptState:
    """Mutable state shared by every attempt of one model call.

    instructor validates each attempt with the same context object, so this
    is how the validator knows whether it is looking at the last attempt.
    """

    max_reasks: int
    attempts: int = 0
    warnings: list[str] = field(default_factory=list)
    dropped: int = 0
    last_answer: str | None = None
    repeated: bool = False

    @property
    def final_attempt(self) -> bool:
        return self.attempts > self.max_reasks or self.repeated

    def seen_answer(self, answer: str) -> None:
        """Note an answer; the same answer twice means re-asking will not help.

        At temperature 0 a small model often repeats an invalid answer word for
        word; one more re-ask would cost a call and return it again.
        """
        self.repeated = answer == self.last_answer
        self.last_answer = answer


def original_class(cls: type[BaseModel]) -> type[BaseModel]:
    """The class ``cls`` copies, if it is a copy made by instructor.

    instructor subclasses a response model that is not an ``OpenAISchema`` on
    every call. Keying a cache on those per-call subclasses grew it by one
    schema a request (1.9 GB after 20,000 documents); they add no fields, so
    the schema of the class they copy is theirs.
    """
    original = cls
    for parent in cls.__mro__[1:]:
        if (
            isinstance(parent, type)
            and issubclass(parent, BaseModel)
            and parent.__qualname__ == cls.__qualname__
            and parent.model_fields.keys() == cls.model_fields.keys()
        ):
            original = parent
    return original


#: What instructor's retry loop logs as an error before it raises, which the engine reports
#: itself with the real reason (a deadline, an HTML page, the last validation error).
_SUPERSEDED = ("API call failed on attempt", "Max retries exceeded")


class _SupersededByOurError(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_SUPERSEDED)


def quiet_retry_log() -> None:
    """Drop instructor's "API call failed on attempt N: Connection error." lines.

    A library caller without logging set up saw them on stderr, once per
    attempt, blaming the connection for a deadline or an HTML answer; the
    error the call raises says what happened. Its other log lines stay.
    """
    retry_log = logging.getLogger("instructor.v2.retry")
    if not any(isinstance(f, _SupersededByOurError) for f in retry_log.filters):
        retry_log.addFilter(_SupersededByOurError())


@contextlib.contextmanager
def muted_log() -> Iterator[None]:
    """Silence instructor's logger while the block runs (a CLI command, a worker
    process): each failed attempt is reported once, by the caller, as an error
    line or a one-line message, not also as instructor's log of it."""
    chatty = logging.getLogger("instructor")
    level = chatty.level
    chatty.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        chatty.setLevel(level)


def memoize_async_validator_check() -> None:
    """Check each response model for async validators once, not five times a request.

    instructor 1.17 walks the response model's whole type tree, and every
    attribute of every class in each model's MRO, on each of five steps of
    every request, to refuse models with async validators. The answer depends
    only on the class, and the walk was the largest single cost of the client
    (about 9 ms of CPU per request on the draft models). A class that passes
    is remembered; one that fails is checked, and refused, every time.
    """
    try:
        from instructor.v2.core import patch
        from instructor.v2.validation import async_validators
    except ImportError:  # another instructor layout: leave it alone
        return
    check = async_validators.reject_async_validators
    if getattr(check, "_extractor_memoized", False):
        return
    passed: weakref.WeakSet[Any] = weakref.WeakSet()

    def memoized(response_model: Any) -> None:
        try:
            if response_model in passed:
                return
        except TypeError:  # not weak-referenceable or hashable (a typing alias)
            check(response_model)
            return
        check(response_model)
        with contextlib.suppress(TypeError):
            passed.add(response_model)

    memoized._extractor_memoized = True  # type: ignore[attr-defined]
    # Most callers import the function at call time; patch.py holds its own name.
    async_validators.reject_async_validators = memoized
    if getattr(patch, "reject_async_validators", None) is check:
        setattr(patch, "reject_async_validators", memoized)  # noqa: B010 (not exported)
