"""Options and error handling shared by the commands that run extraction."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterator
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
from extractor.types.registry import type_names

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
    typer.Option(
        "--types",
        help="Comma-separated record types (default: the built-in four; "
        "`extractor types` lists every installed one).",
    ),
]
RetriesOption = Annotated[
    int, typer.Option("--max-retries", min=0, help="Validation re-asks per call.")
]
CacheOption = Annotated[
    bool, typer.Option("--cache/--no-cache", help="Reuse results from the on-disk cache.")
]


def parse_types(value: str | None) -> list[str] | None:
    """The names in ``--types``, each a registered type (built-in or plugin)."""
    if not value:
        return None
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    known = type_names()
    unknown = [v for v in chosen if v not in known]
    if unknown:
        fail_usage(f"--types: unknown type(s) {', '.join(unknown)}; use {', '.join(known)}")
    return chosen


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


class _NoticeHandler(logging.Handler):
    """Shows the library's log messages as ``extractor: <message>`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            typer.echo(f"extractor: {record.getMessage()}", err=True)
        except Exception:  # a broken message must not break the command
            self.handleError(record)


@contextlib.contextmanager
def show_notices() -> Iterator[None]:
    """Show what the library logs at INFO and above on stderr while the block runs.

    The library never writes to the terminal; what it wants a person to know
    (such as "no API key configured; using the embedded local model") it
    logs on the ``extractor`` logger, and the CLI shows it here.
    """
    library = logging.getLogger("extractor")
    handler = _NoticeHandler(logging.INFO)
    level = library.level
    library.addHandler(handler)
    if library.getEffectiveLevel() > logging.INFO:
        library.setLevel(logging.INFO)
    try:
        yield
    finally:
        library.removeHandler(handler)
        library.setLevel(level)


def guarded(source: str, action: Callable[[], T]) -> T:
    """Run ``action``; turn our errors into one stderr line naming ``source``.

    What the library logs meanwhile is shown on stderr (:func:`show_notices`).
    """
    try:
        with show_notices():
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
