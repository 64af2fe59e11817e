"""What instructor and the openai SDK put on the wire for a call, without a wire.

A live call is ``client.chat.completions.create_with_completion(**kwargs)`` on
an instructor client: instructor prepares the request for its mode (the
schema as a tool or a ``response_format``), the SDK serialises it, the server
answers, instructor parses and validates the answer and, when validation
fails, prepares a re-ask from the answer and the error. A provider batch
carries the same requests in a file and returns the same answers in another
file, hours later. For its results to be the results of a live call, the two
paths must share every one of those steps; this module runs them without
sending anything:

* :func:`prepare` is instructor's request preparation (the mode handler of
  the instructor client the engine builds, its message conversion);
* :func:`body_bytes` is the SDK's serialisation: the prepared arguments go
  through a real ``openai.OpenAI`` client whose transport keeps the request
  and answers a canned completion, so the bytes are the SDK's own, field
  order and ``extra_body`` merge included (``tests/test_batch_api.py``
  compares them with what the live path sends);
* :func:`completion` builds the SDK's ``ChatCompletion`` from an answer's
  JSON the way the SDK does (lenient construction), :func:`parse` is the mode
  handler's parser and :func:`reask` its re-ask, on a private copy of the
  messages as instructor's own retry loop does.

These are instructor 1.17 internals (``instructor.v2.core``); they sit here,
beside the other instructor workarounds (:mod:`extractor.runtime.instructor_compat`),
so a change of instructor breaks one module, and the byte-identity test says so.

**Dialects.** The steps above are OpenAI's (chat completions, instructor's
``Provider.OPENAI`` handlers, the openai SDK). A model whose provider has an
API of its own that extractor speaks (:data:`~extractor.runtime.providers.
NATIVE_APIS`: Anthropic's Messages API) gets that provider's: its instructor
handlers, its SDK's serialisation and answer type, its answer check and
refusals. A :class:`Dialect` holds what differs; :func:`dialect` finds one by
name (``ModelSpec.dialect``, ``ModelRequest.dialect``), importing a provider's
SDK only when its dialect is first asked for.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Protocol

import httpx2
import instructor
import openai
from instructor.v2.core.errors import AsyncValidationError, ResponseParsingError
from instructor.v2.core.messages import isolate_retry_kwargs
from instructor.v2.core.providers import Provider
from instructor.v2.core.registry import ModeHandlers, mode_registry
from instructor.v2.core.response_model import prepare_response_model
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError

from extractor.errors import ConfigurationError
from extractor.runtime.instructor_compat import memoize_async_validator_check
from extractor.runtime.providers import CHAT_COMPLETIONS, AnswerCheck, sdk_arguments

__all__ = [
    "CHAT_COMPLETIONS_PATH",
    "RETRYABLE_PARSE_ERRORS",
    "CapturingTransport",
    "Dialect",
    "body_bytes",
    "completion",
    "dialect",
    "parse",
    "prepare",
    "reask",
]

#: The endpoint every request goes to, as a batch input line names it.
CHAT_COMPLETIONS_PATH = "/v1/chat/completions"
#: The parse errors instructor's retry loop re-asks (instructor.v2.core.retry); any other
#: error from parsing ends the call at once.
RETRYABLE_PARSE_ERRORS: tuple[type[Exception], ...] = (
    ValidationError,
    json.JSONDecodeError,
    AsyncValidationError,
    ResponseParsingError,
)
_CAPTURE_URL = "http://capture.invalid/v1"
_CANNED = {
    "id": "capture",
    "object": "chat.completion",
    "created": 0,
    "model": "capture",
    "choices": [
        {"index": 0, "message": {"role": "assistant", "content": ""}, "finish_reason": "stop"}
    ],
}


class Dialect(Protocol):
    """What differs between two APIs a request can be written for (see the module doc).

    ``provider`` is the key of instructor's handlers (its client for the API
    registers under it); ``path`` the endpoint a body is posted to;
    ``check`` what an answer must look like and how a refusal shows
    (shared with the live client's guard); ``usage_fields`` the names of an
    answer's prompt and completion token counts; ``takes_temperature``
    whether the SDK's call accepts a temperature.
    """

    name: str
    provider: Provider
    path: str
    answer_name: str
    check: AnswerCheck
    usage_fields: tuple[str, str]
    takes_temperature: bool

    def body_bytes(self, request: Mapping[str, Any]) -> bytes:
        """The exact body the SDK sends for a prepared request."""
        ...

    def response(self, data: Mapping[str, Any]) -> Any:
        """An answer's JSON as the SDK's answer object, built as the SDK builds a live one."""
        ...

    def batch_line(self, custom_id: str, body: bytes) -> bytes:
        """The request as one line of the provider's batch input, ``body`` verbatim."""
        ...


class OpenAIDialect:
    """Chat completions (OpenAI, and every OpenAI-compatible server)."""

    name = "openai"
    # instructor.from_openai registers the client under Provider.OPENAI whatever the base URL.
    provider = Provider.OPENAI
    path = CHAT_COMPLETIONS_PATH
    answer_name = "an OpenAI chat completion"
    check = CHAT_COMPLETIONS
    usage_fields = ("prompt_tokens", "completion_tokens")
    takes_temperature = True

    def body_bytes(self, request: Mapping[str, Any]) -> bytes:
        arguments = sdk_arguments(request)
        raw = _capturing_client().chat.completions.with_raw_response.create(**arguments)
        content = raw.http_request.content
        assert isinstance(content, bytes)
        return content

    def response(self, data: Mapping[str, Any]) -> Any:
        return ChatCompletion.construct(**dict(data))

    def batch_line(self, custom_id: str, body: bytes) -> bytes:
        head = json.dumps({"custom_id": custom_id, "method": "POST", "url": self.path})
        return head[:-1].encode("utf-8") + b', "body": ' + body + b"}\n"


def _native(module: str) -> Callable[[], Dialect]:
    def load() -> Dialect:
        found: Dialect = importlib.import_module(module).DIALECT
        return found

    return load


_OPENAI = OpenAIDialect()
#: Every dialect by name; a provider's SDK is imported when its dialect is first asked for.
_DIALECTS: dict[str, Callable[[], Dialect]] = {
    "openai": lambda: _OPENAI,
    "anthropic": _native("extractor.runtime.anthropic_wire"),
}


def dialect(name: str = "openai") -> Dialect:
    """The dialect called ``name``; ConfigurationError for one extractor does not speak."""
    return _get(name)


@cache
def _get(name: str) -> Dialect:
    load = _DIALECTS.get(name)
    if load is None:
        raise ConfigurationError(
            f"extractor does not write requests for the {name!r} API: use one of "
            f"{', '.join(_DIALECTS)}"
        )
    return load()


def _handlers(mode: instructor.Mode, name: str = "openai") -> ModeHandlers:
    return mode_registry.get_handlers(_get(name).provider, mode)


def prepare(
    mode: instructor.Mode,
    response_model: type[BaseModel],
    kwargs: Mapping[str, Any],
    *,
    dialect: str = "openai",
) -> tuple[type[BaseModel], dict[str, Any]]:
    """The response model and the request arguments as instructor's patched ``create`` makes them.

    ``kwargs`` are the arguments the engine passes besides ``response_model``
    (``model``, ``messages``, ``temperature``, ``max_tokens``, ``extra_body``),
    without the call's ``hooks`` and ``max_retries``. No validation context:
    the engine passes its context through a context variable, never
    instructor's templating.
    """
    memoize_async_validator_check()  # as build_client does for the live client
    handlers = _handlers(mode, dialect)
    prepared = prepare_response_model(response_model)
    model, request = handlers.request_handler(response_model=prepared, kwargs=dict(kwargs))
    request.pop("autodetect_images", None)
    if handlers.message_converter is not None and "messages" in request:
        request["messages"] = handlers.message_converter(
            request["messages"], autodetect_images=False
        )
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return model, request


class CapturingTransport(httpx2.BaseTransport):
    """Keeps nothing, sends nothing: answers every request with ``canned`` (a completion, a
    message), so that an SDK serialises a request as it would send it (``body_bytes``)."""

    def __init__(self, canned: Mapping[str, Any]) -> None:
        self.canned = dict(canned)

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        request.read()
        return httpx2.Response(200, json=self.canned, request=request)


@cache
def _capturing_client() -> openai.OpenAI:
    return openai.OpenAI(
        api_key="sk-capture",
        base_url=_CAPTURE_URL,
        max_retries=0,
        http_client=openai.DefaultHttpxClient(transport=CapturingTransport(_CANNED)),
    )


def body_bytes(request: Mapping[str, Any], *, dialect: str = "openai") -> bytes:
    """The exact body the SDK sends for the prepared ``request`` (see :func:`prepare`)."""
    return _get(dialect).body_bytes(request)


def completion(answer: Mapping[str, Any] | str | bytes) -> ChatCompletion:
    """An answer's JSON as the SDK's ``ChatCompletion``, built leniently as the SDK builds it.

    Raises ``ValueError`` when ``answer`` is not a JSON object.
    """
    data: Any = answer
    if isinstance(answer, str | bytes):
        data = json.loads(answer)
    if not isinstance(data, Mapping):
        raise ValueError(f"a chat completion is a JSON object, not {type(data).__name__}")
    return ChatCompletion.construct(**dict(data))


def parse(
    mode: instructor.Mode, model: type[BaseModel], response: Any, *, dialect: str = "openai"
) -> BaseModel:
    """Validate ``response`` (the dialect's answer object) as the mode handler does live.

    Raises what instructor's retry loop sees: a validation or JSON error (re-asked),
    ``IncompleteOutputException`` (cut at the length limit), or another error.
    """
    prepared = prepare_response_model(model)
    assert prepared is not None
    parsed = _handlers(mode, dialect).response_parser(
        response=response,
        response_model=prepared,
        validation_context=None,
        strict=True,
        stream=False,
        is_async=True,
    )
    assert isinstance(parsed, BaseModel)
    return parsed


def reask(
    mode: instructor.Mode,
    request: Mapping[str, Any],
    response: Any,
    error: Exception,
    *,
    dialect: str = "openai",
) -> dict[str, Any]:
    """The next request after ``response`` failed with ``error``: instructor's re-ask.

    ``request`` is left as it is (instructor's handlers extend the messages in place).
    """
    isolated = isolate_retry_kwargs(dict(request))
    following: dict[str, Any] = _handlers(mode, dialect).reask_handler(
        kwargs=isolated, response=response, exception=error
    )
    return following
