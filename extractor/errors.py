"""The exception tree.

Every error the library raises on purpose is an :class:`ExtractorError`, so a
pipeline can catch one type. Subclasses say *which* kind of failure happened,
because callers react differently: bad input is the caller's to fix, a
configuration error is the operator's, a transient model failure is worth
retrying later, and an exhausted extraction carries what was spent.

    ExtractorError
    ├── InputError            the document cannot be read or is empty / binary
    │   └── GoldFormatError       a gold file does not follow GOLD_FORMAT.md
    ├── ConfigurationError    no model, no key, unknown provider, bad option
    ├── ModelError            the model server failed
    │   ├── TransientModelError   429 / 5xx / timeout / connection (retried)
    │   └── ClientModelError      401 / 400 / 404 ... (never retried)
    ├── ExtractionFailed      retries and re-asks ran out; carries usage & raw
    ├── LocalModelError       installing or starting the embedded model failed
    ├── BatchAborted          a batch stopped: the server failed too many documents in a row
    ├── PredictionFormatError a predicted record is not in the gold format (a bug)
    └── ResolutionError       (internal) a draft is not a valid record: re-asked
        └── EvidenceError         its cited sentences do not support it
            └── MissingFigure         a figure is in no cited sentence
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.pipeline.result import Usage


class ExtractorError(Exception):
    """Base class of every error raised by extractor on purpose."""


class InputError(ExtractorError, ValueError):
    """A document could not be turned into text worth extracting from.

    The message names the input (path, archive member or id) and the reason.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


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


class ModelError(ExtractorError):
    """The model server answered with an error or could not be reached."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        self.status_code = status_code
        super().__init__(message)


class TransientModelError(ModelError):
    """A failure that may succeed later (rate limit, 5xx, timeout, connection)."""

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
    """A request the server will never accept as sent (bad key, bad model, bad request)."""


class ExtractionFailed(ExtractorError):
    """Retries and validation re-asks were exhausted without a valid answer.

    Carries what a caller needs to account for the failure: the number of
    attempts, the tokens spent on them, and the last raw model output.
    """

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        usage: Usage | None = None,
        last_response: Any = None,
        cause: BaseException | None = None,
    ) -> None:
        self.attempts = attempts
        self.usage = usage
        self.last_response = last_response
        self.cause = cause
        super().__init__(message)


class LocalModelError(ExtractorError):
    """The embedded local model could not be installed, verified or started."""


class BatchAborted(ExtractorError):
    """The run was stopped because the model server failed too many documents in a row."""

    def __init__(self, message: str, *, failures: int, last_error: BaseException) -> None:
        self.failures = failures
        self.last_error = last_error
        super().__init__(message)


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
    """


class EvidenceError(ResolutionError):
    """The cited sentences do not support the record (other sentences may)."""


class MissingFigure(EvidenceError):
    """A figure of the record is in none of the cited sentences."""
