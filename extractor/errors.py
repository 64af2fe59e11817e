"""The exception tree.

Every error the library raises on purpose is an :class:`ExtractorError`, so a
pipeline can catch one type. Subclasses say *which* kind of failure happened,
because callers react differently: bad input is the caller's to fix, a
configuration error is the operator's, a transient model failure is worth
retrying later, and an exhausted extraction carries what was spent.

    ExtractorError
    ├── InputError            the document cannot be read or is empty / binary
    ├── ConfigurationError    no model, no key, unknown provider, bad option
    ├── ModelError            the model server failed
    │   ├── TransientModelError   429 / 5xx / timeout / connection (retried)
    │   └── ClientModelError      401 / 400 / 404 ... (never retried)
    ├── ExtractionFailed      retries and re-asks ran out; carries usage & raw
    └── LocalModelError       installing or starting the embedded model failed
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
