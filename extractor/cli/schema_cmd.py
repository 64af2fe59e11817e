"""``extractor schema``: print or write the JSON Schemas of the records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli._app import app
from extractor.export.schemas import write_schemas
from extractor.pipeline.result import record_schemas


@app.command()
def schema(
    write: Annotated[
        Path | None,
        typer.Option("--write", help="Write one .schema.json file per type into this folder."),
    ] = None,
    record_type: Annotated[
        str | None,
        typer.Option("--type", help="Print only this type (visit, meeting, ...)."),
    ] = None,
) -> None:
    """Print the JSON Schemas of the four record types (and the per-article container)."""
    if write is not None:
        for path in write_schemas(write):
            typer.echo(str(path))
        return
    schemas = record_schemas()
    if record_type is not None:
        if record_type not in schemas:
            typer.echo(
                f"error: unknown type {record_type!r}; one of {', '.join(schemas)}", err=True
            )
            raise typer.Exit(2)
        schemas = {record_type: schemas[record_type]}
    typer.echo(json.dumps(schemas, indent=2, ensure_ascii=False))
