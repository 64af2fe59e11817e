"""``extractor schema`` and ``extractor types``: the record types and their JSON Schemas."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli._app import app
from extractor.cli.common import fail_usage, os_error_message, shown
from extractor.export.schemas import write_schemas
from extractor.pipeline.result import record_schemas
from extractor.types.registry import BUILTIN, registered_types, type_names


@app.command()
def schema(
    write: Annotated[
        Path | None,
        typer.Option("--write", help="Write one .schema.json file per type into this folder."),
    ] = None,
    record_type: Annotated[
        str | None,
        typer.Option("--type", help="Print only this type (visit, meeting, or a plugin's)."),
    ] = None,
) -> None:
    """Print the JSON Schemas of the built-in record types and the per-article container
    (``--type`` for one type, a plugin's too)."""
    if record_type is not None and record_type not in type_names():
        fail_usage(f"unknown type {record_type!r}; one of {', '.join(type_names())}")
    if write is not None:
        types = (record_type,) if record_type is not None else None
        try:
            if write.exists() and not write.is_dir():
                fail_usage(f"--write {shown(write)}: not a folder")
            written = write_schemas(write, types)
        except (OSError, ValueError) as error:
            reason = os_error_message(error) if isinstance(error, OSError) else str(error)
            fail_usage(f"--write {shown(write)}: cannot write the schemas there ({reason})")
        for path in written:
            typer.echo(os.fsencode(path))
        return
    if record_type is not None:
        schemas = {record_type: record_schemas((record_type,))[record_type]}
    else:
        schemas = record_schemas()
    typer.echo(json.dumps(schemas, indent=2, ensure_ascii=False))


@app.command("types")
def list_types(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per type.")] = False,
) -> None:
    """List the record types: the built-in ones and those plugins register."""
    for spec in registered_types():
        origin = "built-in" if spec.name in BUILTIN else spec.record.__module__
        if as_json:
            typer.echo(json.dumps({"type": spec.name, "plural": spec.plural, "origin": origin,
                                   "gated": spec.cues is not None}))  # fmt: skip
        else:
            doc = (spec.record.__doc__ or "").strip().splitlines()
            typer.echo(f"{spec.name:<18} {origin:<28} {doc[0] if doc else ''}")
