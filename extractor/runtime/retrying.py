"""Which failures are worth retrying, and how long to wait.

Two kinds of retry are kept apart on purpose:

* *transient* server failures (429, 5xx, timeouts, dropped connections) are
  retried here with tenacity: exponential backoff with jitter, a cap on the
  total time, and the server's ``Retry-After`` honoured;
* *validation* failures are re-asked by instructor with the validation errors.

API errors therefore never reach a re-ask prompt, and a client error (a bad
key, an unknown model, a malformed request) fails at once with a message that
says what to fix, because repeating it cannot help.

A :class:`Backoff` is shared by every concurrent call of one extractor: when
the server says 429, all workers pause together instead of each hammering it.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)

from extractor.errors import ClientModelError, ModelError, TransientModelError

TRANSIENT_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529})

_CLIENT_HINTS: dict[int, str] = {
    400: "the server rejected the request as malformed; check --model and the server's "
    "OpenAI compatibility (a json_schema response_format is not supported by every server)",
    401: "the server rejected the API key: set OPENAI_API_KEY (or EXTRACTOR_API_KEY) to a valid key",
    403: "the API key is not allowed to use this model: check the key's permissions",
    404: "the server does not know this model or endpoint: check --model and --base-url",
    413: "the request is too large for the server: raise its request limit, or split "
    "articles into smaller chunks with Extractor(chunk_chars=...)",
    422: "the server could not process the request: check --model and the options",
}


def _retry_after(headers: Any) -> float | None:
    if headers is None:
        return None
    try:
        millis = headers.get("retry-after-ms")
        if millis is not None:
            return max(0.0, float(millis) / 1000)
        value = headers.get("retry-after")
    except AttributeError:
        return None
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time())


def classify(error: BaseException) -> ModelError | None:
    """Map an exception from openai / httpx / another SDK onto our tree, or None."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        mapped = _classify_one(current)
        if mapped is not None:
            return mapped
        current = current.__cause__ or current.__context__
    return None


def _classify_one(error: BaseException) -> ModelError | None:
    if isinstance(error, ModelError):
        return error
    name = type(error).__name__
    status = getattr(error, "status_code", None)
    response = getattr(error, "response", None)
    if status is None and response is not None:
        status = getattr(response, "status_code", None)
    message = _short(error)
    if isinstance(status, int):
        if status in TRANSIENT_STATUS or status >= 500:
            headers = getattr(response, "headers", None)
            return TransientModelError(
                f"the model server answered {status}: {message}",
                status_code=status,
                retry_after=_retry_after(headers),
            )
        hint = _CLIENT_HINTS.get(status, "the server refused the request")
        return ClientModelError(f"{hint} (HTTP {status}: {message})", status_code=status)
    if "Timeout" in name or isinstance(error, TimeoutError | asyncio.TimeoutError):
        return TransientModelError(f"the model server did not answer in time ({name})")
    if "Connection" in name or isinstance(error, ConnectionError):
        return TransientModelError(f"could not reach the model server ({name}: {message})")
    if name in ("RemoteProtocolError", "ReadError", "ProtocolError", "IncompleteRead"):
        return TransientModelError(f"the connection broke mid-answer ({name})")
    return None


def _short(error: BaseException) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])[:300]
        if isinstance(body.get("message"), str):
            return str(body["message"])[:300]
    return str(error).splitlines()[0][:300] if str(error) else type(error).__name__


class Backoff:
    """A pause shared by every worker of one extractor, set by 429 answers."""

    def __init__(self) -> None:
        self._resume_at = 0.0

    def push(self, seconds: float) -> None:
        self._resume_at = max(self._resume_at, time.monotonic() + seconds)

    async def wait(self) -> None:
        delay = self._resume_at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)


@dataclass(frozen=True)
class RetryPolicy:
    """How transient failures are retried (see the module docstring)."""

    attempts: int = 6
    initial: float = 1.0
    maximum: float = 30.0
    total: float = 300.0
    honour_retry_after_up_to: float = 120.0

    def wait(self) -> Callable[[RetryCallState], float]:
        exponential = wait_exponential_jitter(
            multiplier=self.initial, max=self.maximum, jitter=self.initial
        )

        def strategy(state: RetryCallState) -> float:
            error = state.outcome.exception() if state.outcome else None
            if isinstance(error, TransientModelError) and error.retry_after is not None:
                return min(error.retry_after, self.honour_retry_after_up_to)
            return float(exponential(state))

        return strategy

    def retrying(self, backoff: Backoff | None = None) -> AsyncRetrying:
        def before_sleep(state: RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome else None
            if (
                backoff is not None
                and isinstance(error, TransientModelError)
                and error.status_code == 429
            ):
                backoff.push(state.upcoming_sleep)

        return AsyncRetrying(
            stop=stop_after_attempt(self.attempts) | stop_after_delay(self.total),
            wait=self.wait(),
            retry=retry_if_exception_type(TransientModelError),
            before_sleep=before_sleep,
            reraise=True,
        )
