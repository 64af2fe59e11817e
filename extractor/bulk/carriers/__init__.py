"""The provider batch APIs a ``--batch`` run speaks, one carrier each, chosen by the model.

* ``openai`` (:mod:`.openai_api`): OpenAI's Batch API (files and
  ``/v1/batches``), and any OpenAI-compatible server that serves it
  (``--base-url``);
* ``anthropic`` (:mod:`.anthropic_api`): Anthropic's Message Batches API,
  for ``anthropic/...`` models (at Anthropic, or a gateway with ``--base-url``).

A carrier is the model's request dialect (:attr:`~extractor.runtime.
providers.ModelSpec.dialect`) carried in batches: the bodies are the live
path's, the batch API is that provider's. A provider's SDK is imported only
when its carrier is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from extractor.bulk.carriers.base import (
    Answer,
    BatchView,
    Carrier,
    Outcome,
    Submitted,
    Undelivered,
    is_input_file_gone,
    retried,
    status_outcome,
)
from extractor.errors import ConfigurationError

if TYPE_CHECKING:
    from extractor.pipeline.engine import Extractor
    from extractor.runtime.providers import ModelSpec

__all__ = [
    "CARRIERS",
    "Answer",
    "BatchView",
    "Carrier",
    "Outcome",
    "Submitted",
    "Undelivered",
    "carrier_name",
    "check_batch_support",
    "is_input_file_gone",
    "limits",
    "open_carrier",
    "retried",
    "status_outcome",
]

#: Each carrier: its module and class, by name (a model's dialect).
CARRIERS: dict[str, tuple[str, str]] = {
    "openai": ("extractor.bulk.carriers.openai_api", "OpenAICarrier"),
    "anthropic": ("extractor.bulk.carriers.anthropic_api", "AnthropicCarrier"),
}


def carrier_name(spec: ModelSpec) -> str:
    """The carrier of ``spec``'s batches; ConfigurationError, saying what to do, for a model
    without a batch API we speak."""
    if spec.is_local:
        raise ConfigurationError(
            "--batch needs a provider's batch API; the embedded local model has none: "
            "run without --batch"
        )
    if spec.dialect in CARRIERS and (spec.dialect != "openai" or spec.openai_compatible):
        return spec.dialect
    raise ConfigurationError(
        f"--batch speaks the OpenAI batch API (OpenAI, or a compatible server with "
        f"--base-url) and Anthropic's Message Batches; {spec.provider!r} is not supported "
        "yet: run without --batch"
    )


def check_batch_support(spec: ModelSpec) -> None:
    """Raise ConfigurationError, saying what to do, for a model without a batch API we speak."""
    carrier_name(spec)


def _carrier_class(name: str) -> type[Carrier]:
    module, attribute = CARRIERS[name]
    found: type[Carrier] = getattr(importlib.import_module(module), attribute)
    return found


def limits(spec: ModelSpec) -> tuple[int, int]:
    """The provider's limits on one batch: (requests, bytes of its lines)."""
    carrier = _carrier_class(carrier_name(spec))
    return carrier.max_requests, carrier.max_bytes


def open_carrier(extractor: Extractor) -> Carrier:
    """The carrier of ``extractor``'s model, with its clients (close with ``aclose``)."""
    factory: type[Any] = _carrier_class(carrier_name(extractor.spec))
    carrier: Carrier = factory(extractor)
    return carrier
