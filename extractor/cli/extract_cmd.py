"""``extractor extract PATH|-``: one article in, its records out as JSON or tables."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from extractor.cli._app import app
from extractor.cli.common import (
    BaseUrlOption,
    CacheOption,
    ModelOption,
    RetriesOption,
    StrategyOption,
    TypesOption,
    dump_json,
    fail_usage,
    guarded,
    parse_types,
    regular_file,
    shown,
    stdout_is_terminal,
)
from extractor.errors import InputError
from extractor.io import read_file
from extractor.io.formats import parse_document
from extractor.pipeline.document import Document
from extractor.pipeline.engine import DEFAULT_STRATEGY, STRATEGIES, Extractor
from extractor.pipeline.result import ArticleExtraction


def _read_stdin() -> Document:
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:64].lower()
    if head.startswith((b"<!doctype", b"<html", b"<")):
        name = "stdin.html"
    elif head.startswith(b"---"):
        name = "stdin.md"
    else:
        name = "stdin.txt"
    return parse_document(data, name=name, doc_id="stdin", source="-")


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail_usage(f"--published {value!r} is not a date: use YYYY-MM-DD")


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A .txt, .md or .html file, or - for stdin.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD (default: metadata or the dateline)."),
    ] = None,
    doc_id: Annotated[str | None, typer.Option("--doc-id", help="Id for the record ids.")] = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    strategy: StrategyOption = DEFAULT_STRATEGY,
    types: TypesOption = None,
    max_retries: RetriesOption = 2,
    cache: CacheOption = False,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="json (default) or table.")
    ] = "json",
) -> None:
    """Extract visits, meetings, arms transfers and casualty reports from one article."""
    if strategy not in STRATEGIES:
        fail_usage(f"--strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    if output_format not in ("json", "table"):
        fail_usage(f"--format {output_format!r}: use json or table")
    chosen_types = parse_types(types)
    day = _published(published)
    if path != "-":
        regular_file(path, "text, Markdown or HTML file")  # a FIFO or a device would hang
    source = "stdin" if path == "-" else shown(path)

    def run() -> ArticleExtraction:
        document = _read_stdin() if path == "-" else read_file(path)
        if not document.text.strip():
            raise InputError("no text to extract from", source=source)
        with Extractor(
            model, base_url=base_url, strategy=strategy, types=chosen_types,
            max_retries=max_retries, cache=cache or None,
        ) as extractor:  # fmt: skip
            return extractor.extract(
                document.text,
                published=day or document.published,
                doc_id=doc_id or document.doc_id,
            )

    result = guarded(source, run)
    if output_format == "table":
        from extractor.cli.tables import print_tables

        print_tables(result)
        return
    typer.echo(dump_json(result.model_dump(mode="json"), pretty=stdout_is_terminal()))
