"""What instructor and the anthropic SDK put on the wire for a call to Anthropic's Messages API.

The Anthropic half of :mod:`extractor.runtime.wire` (its ``anthropic``
dialect), and the Anthropic client of the live path, in one module, so
that the two paths cannot drift apart:

* :func:`async_client` is the live path's client (``build_client`` hands it
  to ``instructor.from_anthropic``): the SDK's own retries off (ours count),
  a total deadline per request and a check of every answer (a Messages API
  ``message``; a refusal, ``stop_reason: "refusal"``, is a
  :class:`~extractor.errors.ModelRefusal` before instructor can mistake it
  for a missing tool call and re-ask), as :class:`~extractor.runtime.
  providers.GuardedHttpClient` does for OpenAI;
* :func:`body_bytes` is the SDK's serialisation of a prepared request, through
  a real ``anthropic.Anthropic`` client whose transport keeps the request and
  sends nothing (``tests/test_batch_anthropic.py`` compares the bytes with what
  the live path sends);
* :func:`message` builds the SDK's ``Message`` from an answer's JSON as the
  SDK does (lenient construction), for instructor's Anthropic parser and re-ask;
* :func:`batch_custom_id` and :func:`batch_line` write a request as one entry
  of a Message Batches ``requests`` list.

Since SDK 1.0, ``messages.create`` takes no ``temperature`` (a ``TypeError``;
API version 2026-10-21, which SDK 2 sends, answers 400 to it), so none is
sent: :attr:`AnthropicDialect.takes_temperature`. The SDK sends the key as
``Authorization: Bearer`` (SDK 2; ``x-api-key`` before): both are redacted.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import re
from collections.abc import Mapping
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from instructor.v2.core.providers import Provider

from extractor.errors import ModelRefusal
from extractor.redact import log_filter

if TYPE_CHECKING:
    import anthropic
    from anthropic.types import Message

    from extractor.pipeline.result import Usage

from extractor.runtime.providers import (
    AnswerCheck,
    Guarded,
    ModelSpec,
    _basic_auth,
    _refuse_two_credentials,
    answer_keys,
    mistyped,
    refusal_error,
    too_many_parts,
)
from extractor.runtime.retrying import ApiHints, register_client_hints
from extractor.runtime.wire import CapturingTransport
from extractor.settings import KEY_VARIABLES

__all__ = [
    "ANTHROPIC_API_URL",
    "DIALECT",
    "MESSAGES",
    "MESSAGES_PATH",
    "AnthropicDialect",
    "api_root",
    "async_client",
    "batch_custom_id",
    "body_bytes",
    "guarded_client_type",
    "message",
    "message_refusal",
    "sdk",
]

#: Anthropic's own API, when no base URL is given (the SDK's ANTHROPIC_BASE_URL is not read:
#: a URL is checked and its password redacted only when it comes through extractor's settings).
ANTHROPIC_API_URL = "https://api.anthropic.com"
MESSAGES_PATH = "/v1/messages"
#: What Message Batches accepts as a ``custom_id``.
CUSTOM_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_CAPTURE_URL = "http://capture.invalid"

#: What to do about a 4xx the anthropic SDK raises (Anthropic's API, or a gateway of it at
#: --base-url: both read ANTHROPIC_API_KEY, see :func:`~extractor.runtime.providers.
#: resolve_model`), in place of the hints written for chat completions.
ANTHROPIC_HINTS = ApiHints(
    key_variable=KEY_VARIABLES["anthropic"],
    by_status={
        400: "the server rejected the request as malformed; check --model (anthropic/<model>) "
        "and that --base-url, when given, is a gateway of Anthropic's Messages API",
        404: "the server does not know this model or endpoint: check --model "
        "(anthropic/<model>) and --base-url (a gateway's root, without /v1/messages)",
        405: "the server does not take Messages API requests at this address: check "
        "--base-url (a gateway's root, without /v1/messages)",
        415: "the server did not accept the request's format: it may not be a gateway of "
        "Anthropic's Messages API; check --base-url",
    },
)
register_client_hints("anthropic", ANTHROPIC_HINTS)
_CANNED: dict[str, Any] = {
    "id": "msg_capture",
    "type": "message",
    "role": "assistant",
    "model": "capture",
    "content": [],
    "stop_reason": "end_turn",
    "stop_sequence": None,
    "usage": {"input_tokens": 0, "output_tokens": 0},
}


def _filter_sdk_logs() -> None:
    """The redacting filter on the SDK's loggers (it logs request options at debug level),
    as :func:`extractor.redact.install_log_filter` does for openai's and httpx's."""
    names = [name for name in logging.root.manager.loggerDict if name.split(".")[0] == "anthropic"]
    for name in ("anthropic", *names):
        sdk_logger = logging.getLogger(name)
        if log_filter() not in sdk_logger.filters:
            sdk_logger.addFilter(log_filter())


_filter_sdk_logs()


def api_root(base_url: str | None) -> str:
    """The root the SDK appends ``/v1/messages`` to: a base URL given with the ``/v1`` an
    OpenAI-compatible one carries works too (``http://gateway/v1`` -> ``http://gateway``)."""
    if base_url is None:
        return ANTHROPIC_API_URL
    root = base_url.rstrip("/")
    return root[: -len("/v1")] if root.endswith("/v1") else root


# ----------------------------------------------------------------- the answers


def _message_shape(data: dict[str, Any]) -> str | None:
    """Why a JSON object is not a Messages API message, or None."""
    if data.get("type") != "message":
        return f"its answer is not a 'message' object (its keys: {answer_keys(data)})"
    if not isinstance(data.get("content"), list):
        return "its answer has no 'content' list"
    wrong = too_many_parts("content", data["content"]) or _block_types(data["content"])
    if wrong is not None:
        return wrong
    if data.get("stop_reason") in ("max_tokens", "refusal"):
        return None  # cut off, or refused: said as such where it is handled
    if not any(_block_says(block) for block in data["content"]):
        # as an empty chat completion message (providers._chat_shape): a server that
        # answers nothing to a forced tool call does it to every document: stop, say why
        return "its answer's message is empty (no text, no tool use)"
    return None


def _block_says(block: dict[str, Any]) -> bool:
    """Whether a content block holds something: a text that is not blank, a tool use, or a
    block of another type (a kind this code does not read is not nothing)."""
    return block.get("type") != "text" or bool(block["text"].strip())


def _block_types(blocks: list[Any]) -> str | None:
    """Why a message's content blocks have a field of the wrong JSON type, or None.

    As a chat completion's message (``providers._message_types``): the SDK builds the
    message without validating it, so a block that is no object, a ``text`` block whose
    ``text`` is no string, a block whose ``type`` is no string (missing, a number) or a
    ``tool_use`` whose ``input`` is no object reached instructor
    as the model's answer ("no valid answer", re-asked, for every document alike). It is
    not an answer of the API: an ``IncompatibleServerError`` naming the field.
    """
    for number, block in enumerate(blocks):
        path = f"content[{number}]"
        if not isinstance(block, dict):
            return mistyped(path, block, "an object")
        kind = block.get("type")
        if not isinstance(kind, str):  # another string is a block type this code skips
            return mistyped(f"{path}.type", kind, "a string")
        if kind == "text" and not isinstance(block.get("text"), str):
            return mistyped(f"{path}.text", block.get("text"), "a string")
        if kind == "tool_use":
            if not isinstance(block.get("input"), dict):
                return mistyped(f"{path}.input", block.get("input"), "an object")
            if not isinstance(block.get("name"), str):
                return mistyped(f"{path}.name", block.get("name"), "a string")
    return None


def message_refusal(data: Any) -> ModelRefusal | None:
    """The refusal a message is (``stop_reason: "refusal"``), or None when it is an answer."""
    if not isinstance(data, dict) or data.get("stop_reason") != "refusal":
        return None
    content = data.get("content")
    blocks: list[Any] = content if isinstance(content, list) else []
    said = " ".join(
        block["text"]
        for block in blocks
        if isinstance(block, dict)
        and block.get("type") == "text"
        and isinstance(block.get("text"), str)
    )
    spent = _usage(data)
    return refusal_error(
        said.strip(), tokens=(spent.prompt_tokens, spent.completion_tokens), usage=spent
    )


def _usage(data: dict[str, Any]) -> Usage:
    """A message's usage, its counts read as an OpenAI answer's are (``answer_usage``): a
    count that is not one (``1e308``, ``-5``, ``"12"``, ``true``) is 0, and said."""
    from extractor.pipeline.result import answer_usage  # on use: the pipeline imports runtime

    return answer_usage(data.get("usage"), AnthropicDialect.usage_fields)


#: The Messages API's answers: what the live client checks and a batch answer must be.
MESSAGES = AnswerCheck(MESSAGES_PATH, "the Anthropic Messages API", _message_shape, message_refusal)


def sdk() -> ModuleType:
    """The anthropic SDK, imported on first use: this module imports without the
    ``anthropic`` extra (``require_package`` says what to install before anything here
    runs), as the rest of extractor does."""
    return importlib.import_module("anthropic")


def message(data: Mapping[str, Any]) -> Message:
    """An answer's JSON as the SDK's ``Message``, built leniently as the SDK builds a live one."""
    from anthropic._models import construct_type
    from anthropic.types import Message

    built = construct_type(type_=Message, value=dict(data))
    assert isinstance(built, Message)
    return built


# ------------------------------------------------------------------ the client


@cache
def guarded_client_type() -> type[Any]:
    """The anthropic SDK's HTTP client with a total deadline and a check of each message
    (see :class:`~extractor.runtime.providers.Guarded`), made on first use."""

    class GuardedMessagesClient(Guarded, sdk().DefaultAsyncHttpxClient):  # type: ignore[misc]
        check = MESSAGES

    return GuardedMessagesClient


def async_client(spec: ModelSpec, *, timeout: float) -> anthropic.AsyncAnthropic:
    """The live path's Anthropic client for ``spec`` (at ``spec.base_url`` when given)."""
    _refuse_two_credentials(spec.base_url or "", spec.api_key)
    base_url, basic = _basic_auth(spec.base_url)
    root = api_root(base_url)
    client: anthropic.AsyncAnthropic = sdk().AsyncAnthropic(
        api_key=spec.api_key,
        base_url=root,
        max_retries=0,
        timeout=timeout,
        http_client=guarded_client_type()(deadline=timeout, base_url=root, timeout=timeout),
        default_headers=basic or None,
    )
    return client


# ------------------------------------------------------------------ the bodies


@cache
def _capturing_client() -> anthropic.Anthropic:
    # An explicit timeout, as the live client has: the SDK then skips its guess of how long
    # a non-streaming answer of max_tokens takes (which refuses large ones, never sending).
    module = sdk()
    client: anthropic.Anthropic = module.Anthropic(
        api_key="capture-key",
        base_url=_CAPTURE_URL,
        max_retries=0,
        timeout=600.0,
        http_client=module.DefaultHttpxClient(transport=CapturingTransport(_CANNED)),
    )
    return client


def body_bytes(request: Mapping[str, Any]) -> bytes:
    """The exact body the SDK sends for the prepared ``request`` (see ``wire.prepare``)."""
    raw = _capturing_client().messages.with_raw_response.create(**request)
    content = raw.http_request.content
    assert isinstance(content, bytes)
    return content


def batch_custom_id(custom_id: str) -> str:
    """Our ``custom_id`` as Message Batches accepts one (``[a-zA-Z0-9_-]{1,64}``).

    Ours are longer and hold ``+`` and ``.``; this one is derived, not stored:
    the document key they open with, then 40 hex digits of their hash. The
    same request maps to the same id in every run, so a rerun matches the
    results of a batch a killed run submitted without any record of the map.
    """
    digest = hashlib.sha256(custom_id.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    prefix = re.sub(r"[^a-zA-Z0-9_]", "", custom_id.partition("-")[0])[:16]
    mapped = f"{prefix}-{digest}" if prefix else digest
    assert CUSTOM_ID.match(mapped)
    return mapped


class AnthropicDialect:
    """Anthropic's Messages API (see :class:`extractor.runtime.wire.Dialect`)."""

    name = "anthropic"
    provider = Provider.ANTHROPIC
    path = MESSAGES_PATH
    answer_name = "an Anthropic message"
    check = MESSAGES
    usage_fields = ("input_tokens", "output_tokens")
    takes_temperature = False

    def body_bytes(self, request: Mapping[str, Any]) -> bytes:
        return body_bytes(request)

    def response(self, data: Mapping[str, Any]) -> Any:
        return message(data)

    def batch_line(self, custom_id: str, body: bytes) -> bytes:
        """One entry of a batch's ``requests``: ``{"custom_id", "params"}``, the body verbatim."""
        head = json.dumps({"custom_id": batch_custom_id(custom_id)})
        return head[:-1].encode("utf-8") + b', "params": ' + body + b"}\n"


DIALECT = AnthropicDialect()
