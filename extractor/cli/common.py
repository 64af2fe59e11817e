"""Options and error handling shared by the commands that run extraction."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from extractor.errors import (
    ClientModelError,
    ConfigurationError,
    ExtractionFailed,
    ExtractorError,
    InputError,
    LocalModelError,
    ModelError,
)
from extractor.types.base import RECORD_TYPES, RecordType

T = TypeVar("T")

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="provider/model (openai/gpt-4o-mini, anthropic/..., local, local/0.5b). "
        "Default: $EXTRACTOR_MODEL, else OpenAI if OPENAI_API_KEY is set, else the local model.",
    ),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option("--base-url", help="An OpenAI-compatible server (default $EXTRACTOR_BASE_URL)."),
]
StrategyOption = Annotated[
    str, typer.Option("--strategy", help="single: one call; per-type: gate, then a call per type.")
]
TypesOption = Annotated[
    str | None,
    typer.Option("--types", help="Comma-separated subset of: " + ", ".join(RECORD_TYPES)),
]
RetriesOption = Annotated[
    int, typer.Option("--max-retries", min=0, help="Validation re-asks per call.")
]
CacheOption = Annotated[
    bool, typer.Option("--cache/--no-cache", help="Reuse results from the on-disk cache.")
]


def parse_types(value: str | None) -> list[RecordType] | None:
    if not value:
        return None
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in RECORD_TYPES]
    if unknown:
        fail_usage(f"--types: unknown type(s) {', '.join(unknown)}; use {', '.join(RECORD_TYPES)}")
    return chosen  # type: ignore[return-value]


def fail_usage(message: str) -> NoReturn:
    typer.echo(f"extractor: error: {message}", err=True)
    raise typer.Exit(2)


def exit_code(error: BaseException) -> int:
    """2 for what the user must fix in the call or setup, 1 for failed extraction."""
    if isinstance(error, InputError | ConfigurationError | ClientModelError | LocalModelError):
        return 2
    return 1


def hint(error: BaseException) -> str:
    if isinstance(error, ExtractionFailed):
        return " (try --max-retries 3, another --strategy, or a larger model)"
    if isinstance(error, ModelError) and not isinstance(error, ClientModelError):
        return " (the server may be overloaded: try again later)"
    return ""


def guarded(source: str, action: Callable[[], T]) -> T:
    """Run ``action``; turn our errors into one stderr line naming ``source``."""
    try:
        return action()
    except ExtractorError as error:
        message = str(error)
        prefix = "" if message.startswith(source) else f"{source}: "
        typer.echo(f"extractor: error: {prefix}{message}{hint(error)}", err=True)
        raise typer.Exit(exit_code(error)) from None
    except KeyboardInterrupt:
        typer.echo("extractor: interrupted", err=True)
        raise typer.Exit(130) from None


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def dump_json(data: Any, *, pretty: bool) -> str:
    import json

    return json.dumps(data, indent=2 if pretty else None, ensure_ascii=False)
