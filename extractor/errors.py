"""The exception tree.

Every error the library raises on purpose is an :class:`ExtractorError`, so a
pipeline can catch one type. Subclasses say *which* kind of failure happened,
because callers react differently: bad input is the caller's to fix, a
configuration error is the operator's, a transient model failure is worth
retrying later, and an exhausted extraction carries what was spent.

    ExtractorError
    ├── InputError            the document cannot be read or is empty / binary
    │   ├── GoldFormatError       a gold file does not follow GOLD_FORMAT.md
    │   └── TextFieldError        a table row has no text under its text field
    ├── ConfigurationError    no model, no key, unknown provider, bad option
    │   ├── UnusedField           a text field that the input's rows do not use
    │   └── RecordTypeError       a user's record type the model cannot be asked for (also a ClientModelError)
    ├── ModelError            the model server failed
    │   ├── TransientModelError   429 / 5xx / timeout / deadline / connection (retried)
    │   ├── ClientModelError      401 / 400 / 404 ... (never retried)
    │   └── IncompatibleServerError  the answer is not an OpenAI chat completion
    ├── ExtractionFailed      retries and re-asks ran out; carries usage & raw
    │   └── ModelRefusal          the model refused, or a content filter stopped it
    ├── RecordCodeError       a user's record type raised in its own code (a validator's bug)
    ├── LocalModelError       installing or starting the embedded model failed
    ├── BatchAborted          a batch stopped: the server failed too many documents in a row
    ├── PredictionFormatError a predicted record is not in the gold format (a bug)
    └── ResolutionError       (internal) a draft is not a valid record: re-asked
        └── EvidenceError         its cited sentences do not support it
            └── MissingFigure         a figure is in no cited sentence

Every error also has a :attr:`~ExtractorError.kind` (:data:`ErrorKind`) that
says who can fix it, and that output lines carry: ``input`` (the document),
``config`` (the setup: model, key, URL, options), ``server`` (the server
answered something unusable), ``transient`` (the server failed; later may
work), ``model`` (the model never gave a valid answer), ``refusal`` (the
model or the provider's content filter declined this document) and
``internal`` (a bug). Messages never show a secret: ``str()`` of every error
goes through :func:`extractor.redact.redact`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from extractor.redact import redact

if TYPE_CHECKING:
    from extractor.pipeline.result import Usage

ErrorKind: TypeAlias = Literal[
    "input", "config", "server", "transient", "model", "refusal", "internal"
]
"""Who can fix a failure (see the module doc)."""

ERROR_KINDS: tuple[ErrorKind, ...] = (
    "input",
    "config",
    "server",
    "transient",
    "model",
    "refusal",
    "internal",
)


class ExtractorError(Exception):
    """Base class of every error raised by extractor on purpose.

    ``str(error)`` is redacted (:mod:`extractor.redact`): an API key or a URL
    password that reached a message, from a server's echo or a URL, is shown
    as ``***``.
    """

    kind: ErrorKind = "internal"

    def __str__(self) -> str:
        return redact(super().__str__())

    def __repr__(self) -> str:
        # the default repr shows ``args`` as given: a debugger, a log of ``%r`` or a
        # notebook cell would print a key the message held (a re-ask's too: see ResolutionError)
        return f"{type(self).__name__}({redact(str(self))!r})"


class InputError(ExtractorError, ValueError):
    """A document could not be turned into text worth extracting from.

    The message names the input (path, archive member or id) and the reason.
    """

    kind: ErrorKind = "input"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class TextFieldError(InputError):
    """A table row (JSONL object, CSV row, a row of ``extract_rows``) has no usable text
    under the run's text field.

    ``present`` says which way: False when the row has no such key at all (which, for
    every row of a table alike, is a misnamed field, the user's mistake: see
    :class:`~extractor.io.field_check.FieldCheck`), True when the key is there and its
    value is null, empty or no string (that row's own fault). Told apart by this flag
    rather than by the message's wording, so a reworded message cannot change a run.
    """

    def __init__(self, message: str, *, source: str | None = None, present: bool) -> None:
        self.present = present
        super().__init__(message, source=source)


class GoldFormatError(InputError):
    """A gold file does not follow GOLD_FORMAT.md.

    ``path`` and ``line`` (1-based, ``None`` for whole-file problems) say where,
    so that an annotator can jump straight to the broken line.
    """

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        super().__init__(message, source=f"{path}:{line}" if line is not None else path)


class ConfigurationError(ExtractorError):
    """The tool is not set up to reach a model, or an option is invalid."""

    kind: ErrorKind = "config"


class UnusedField(ConfigurationError):
    """The text field names a key that the rows of a table the user named do not use (a
    typo in ``--text-field``): every row would fail alike, so the run refuses once."""


class ModelError(ExtractorError):
    """The model server answered with an error or could not be reached.

    ``kind`` is ``server`` unless a subclass or the ``kind`` argument says otherwise.
    """

    kind: ErrorKind = "server"

    def __init__(
        self, message: str, *, status_code: int | None = None, kind: ErrorKind | None = None
    ) -> None:
        self.status_code = status_code
        if kind is not None:
            self.kind = kind
        super().__init__(message)


class TransientModelError(ModelError):
    """A failure that may succeed later (rate limit, 5xx, timeout, deadline, connection)."""

    kind: ErrorKind = "transient"

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(message, status_code=status_code)


class ClientModelError(ModelError):
    """A request the server will never accept as sent (bad key, bad model, bad request).

    Kind ``config`` (the key, model, URL or options are wrong), except 413
    (the document is too large: ``input``).
    """

    kind: ErrorKind = "config"

    def __init__(
        self, message: str, *, status_code: int | None = None, kind: ErrorKind | None = None
    ) -> None:
        if kind is None and status_code == 413:
            kind = "input"
        super().__init__(message, status_code=status_code, kind=kind)


class IncompatibleServerError(ModelError):
    """The server's answer is not an OpenAI chat completion (never retried).

    A redirect, an HTML page, ``{}``, ``choices: []``: the URL points at
    something else (kind ``config``) or the server speaks another dialect
    (kind ``server``). Either way the model never saw the request, so this is
    not a model failure and a larger model would not help. ``url`` is the
    server's base URL.
    """

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status_code: int | None = None,
        kind: ErrorKind = "server",
    ) -> None:
        self.url = url
        super().__init__(message, status_code=status_code, kind=kind)


class RecordTypeError(ClientModelError, ConfigurationError):
    """A user's record type that cannot be used as written: a field the model cannot be
    asked for (a type JSON has no value of, ``list[Place]``), one that redefines a field
    every record shares (``status``), one with an alias.

    Raised when the type is registered or first used, naming the type and the field and
    what to write instead, rather than a traceback from inside pydantic or instructor or
    every record of the type dropped on every document. A :class:`ConfigurationError`
    (the setup is wrong, kind ``config``) and a :class:`ClientModelError` (the request
    could never be answered as built: never retried). ``record_type`` and ``field`` say
    which.
    """

    kind: ErrorKind = "config"

    def __init__(self, message: str, *, record_type: str = "", field: str = "") -> None:
        self.record_type = record_type
        self.field = field
        super().__init__(message, kind="config")


class RecordCodeError(ExtractorError):
    """A user's record type raised an unexpected exception in its own code (a validator
    raising ``RuntimeError``, ``TypeError``, ``KeyError``...) while a record was built.

    Pydantic passes only ``ValueError`` and ``AssertionError`` on as validation errors;
    anything else left the model blamed: "the model gave no valid answer after 1
    attempt(s)", on every document that had such a record. The document fails with this
    error instead, naming the type, the exception and where it was raised; kind
    ``config`` (the setup's code is wrong, not the model or the document). Not a
    :class:`ConfigurationError`: the rest of a bulk run goes on, as the bug may only
    meet some values (``--retry-errors`` redoes those documents once it is fixed).
    """

    kind: ErrorKind = "config"

    def __init__(self, message: str, *, record_type: str = "") -> None:
        self.record_type = record_type
        super().__init__(message)


class ExtractionFailed(ExtractorError):
    """Retries and validation re-asks were exhausted without a valid answer.

    Carries what a caller needs to account for the failure: the number of
    attempts, the tokens spent on them, the last raw model output, and
    ``reason``, the last validation error in one line (already in the message).
    """

    kind: ErrorKind = "model"

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        usage: Usage | None = None,
        last_response: Any = None,
        cause: BaseException | None = None,
        reason: str | None = None,
    ) -> None:
        self.attempts = attempts
        self.usage = usage
        self.last_response = last_response
        self.cause = cause
        self.reason = reason
        super().__init__(message)


class ModelRefusal(ExtractionFailed):
    """The model declined to answer (OpenAI ``message.refusal``), or the provider's
    content filter cut the answer (``finish_reason="content_filter"``).

    Its own kind, ``refusal``, because it is neither a formatting mistake
    (re-asking "correct your JSON" would get the same refusal again, at the
    price of another call) nor a server fault: the document is what was
    declined. ``refusal`` is the model's text, redacted and clipped;
    ``tokens`` the (prompt, completion) tokens of the refused answer.
    """

    kind: ErrorKind = "refusal"

    def __init__(
        self, message: str, *, refusal: str = "", tokens: tuple[int, int] = (0, 0), **details: Any
    ) -> None:
        self.refusal = refusal
        self.tokens = tokens
        super().__init__(message, **details)


class WireError(Exception):
    """(internal) Carries a :class:`ModelError` raised inside our HTTP client through the SDK.

    The openai SDK wraps whatever its HTTP client raises in an
    ``APIConnectionError``; ``retrying.classify`` looks through that wrapping
    for this marker, so a deadline or a non-OpenAI answer is reported as what
    it is, not as "could not reach the model server". Never reaches a caller.
    """

    def __init__(self, error: ModelError | ModelRefusal) -> None:
        self.error = error
        super().__init__(str(error))


class LocalModelError(ExtractorError):
    """The embedded local model could not be installed, verified or started."""

    kind: ErrorKind = "config"


class BatchAborted(ExtractorError):
    """The run was stopped because the model server failed too many documents in a row."""

    def __init__(self, message: str, *, failures: int, last_error: BaseException) -> None:
        self.failures = failures
        self.last_error = last_error
        if isinstance(last_error, ExtractorError):
            self.kind = last_error.kind
        else:
            self.kind = "server"
        super().__init__(message)


class WorkerLost(ExtractorError):
    """A worker of the run (a process of ``--workers``, a Ray task or actor) ended without
    the results it held: the run stops (the lines written are kept), and a rerun of the
    same command extracts what is missing."""

    kind: ErrorKind = "server"


class PredictionFormatError(ExtractorError, ValueError):
    """A predicted record is not a gold-format dict with a known ``type``.

    This is a bug in the code that maps records to the gold format, not a model
    error, so it is raised instead of being scored.
    """


class ResolutionError(ExtractorError, ValueError):
    """A model's draft cannot become a valid record; the message is the re-ask.

    A ``ValueError`` so that pydantic validators may raise it and instructor
    re-asks with its text. Raised and caught inside one extraction: callers
    see the record dropped with a warning, never this exception.

    Its text is not redacted: it is the re-ask prompt, and what is sent to
    the model must not depend on the secrets the process knows.
    """

    kind: ErrorKind = "model"

    def __str__(self) -> str:
        return Exception.__str__(self)


class EvidenceError(ResolutionError):
    """The cited sentences do not support the record (other sentences may)."""


class MissingFigure(EvidenceError):
    """A figure of the record is in none of the cited sentences."""


class EventNotStated(EvidenceError):
    """The cited sentences have none of the words of the record's event: a visit's quote
    that says nobody travelled (it may state another event: a call is a meeting)."""


class OutputError(ConfigurationError):
    """An output file cannot be used as given (a folder, read-only, not ours, locked).

    The message starts with the path; the run stops before any work (exit 2).
    """

    def __init__(self, message: str, *, path: str) -> None:
        self.path = path
        self.reason = message
        super().__init__(f"{path}: {message}")

    def named(self, name: str) -> OutputError:
        """The same error about the input the user gave (``stdin``), not the file it was
        copied to."""
        return OutputError(self.reason, path=name)


class TooDeepJSON(ValueError):
    """(internal) JSON nested deeper than :func:`json.loads` recurses (``[[[...]]]``
    100,000 deep): valid JSON, but no answer of a model server, so every reader of a
    server's JSON (``providers.answer_json``) takes it as one that is not JSON."""


class RedactedError(Exception):
    """A stand-in for one link of an exception's chain, its message redacted.

    What a library raises after a server echoed the key (the openai SDK's
    ``BadRequestError``: its message, ``body`` and ``response``, the request's headers
    too) holds the key, and Python prints the ``__cause__`` and ``__context__`` of every
    exception it reports. :func:`~extractor.redact.redacted_chain` puts one of these in each such place:
    same class name and module (a traceback names it as it named the original), the
    message through :func:`~extractor.redact.redact`, the original's traceback (code lines, no values),
    its own chain made the same way; nothing else of the original is kept.

    Pickled by its names and message (:meth:`__reduce__`): an error carrying one is sent
    between processes (a bulk worker's failed document), and pickle would look its class
    up by that module and name and find the original's, which it is not."""

    def __reduce__(self) -> tuple[Any, ...]:
        kind = type(self)
        from extractor.redact import _named_stand_in

        return _named_stand_in, (kind.__module__, kind.__qualname__, self.args)
