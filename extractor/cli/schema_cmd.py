"""``extractor schema`` and ``extractor types``: the record types and their JSON Schemas.

``schema`` prints one JSON document (every type and the per-article
container, or ``--type``'s) on stdout, or writes it with ``-o FILE``; ``-o``
naming a folder (one that exists, or a name ending in ``/``) writes one
``.schema.json`` file per type there instead, as ``--write DIR`` (the old
spelling) did.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli._app import app
from extractor.cli.common import (
    STDIO,
    fail_usage,
    os_error_message,
    output_target,
    path_name,
    refuse_closed_stdout,
    replaceable_file,
    shown,
    write_output,
)
from extractor.export.schemas import render_schemas
from extractor.pipeline.result import record_schemas
from extractor.types.registry import BUILTIN, registered_types, type_names


@app.command()
def schema(
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            callback=path_name("file or folder"),
            help="Write the JSON here (- is stdout); a folder (existing, or ending in /) gets "
            "one .schema.json file per type.",
            show_default=False,
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write", hidden=True, callback=path_name("folder"), help="Old spelling of -o FOLDER/."
        ),
    ] = None,
    record_type: Annotated[
        str | None,
        typer.Option("--type", help="Only this type (visit, meeting, or a plugin's)."),
    ] = None,
) -> None:
    """Print the JSON Schemas of the record types and the per-article container.

    --type prints one type's (a plugin's too); -o FOLDER/ writes one file per type.
    """
    if record_type is not None and record_type not in type_names():
        fail_usage(f"unknown type {record_type!r}; one of {', '.join(type_names())}")
    if output is not None and write is not None:
        fail_usage("-o and --write are the same option: give one")
    if output is not None and output != STDIO and _is_folder(output):
        write = Path(output)
    if write is not None:
        _write_folder(write, record_type)
        return
    target = output_target(output, "JSON file")
    if record_type is not None:
        schemas = {record_type: record_schemas((record_type,))[record_type]}
    else:
        # every installed type, plugins too: the container is the one extract writes
        schemas = record_schemas(type_names())
    write_output(target, json.dumps(schemas, indent=2, ensure_ascii=False) + "\n")


def _is_folder(value: str) -> bool:
    return value.endswith(("/", os.sep)) or os.path.isdir(value)


def _write_folder(folder: Path, record_type: str | None) -> None:
    """One ``.schema.json`` per type in ``folder`` (made if needed); their paths on stdout.

    Each file is checked as ``-o FILE`` is (:func:`replaceable_file`: never over a file
    of results, through a symlink too) before any is written, and written whole through
    :func:`write_output` (a symlink's target replaced, its mode kept).
    """
    types = (record_type,) if record_type is not None else type_names()
    try:
        if folder.exists() and not folder.is_dir():
            fail_usage(f"-o {shown(folder)}: not a folder")
        folder.mkdir(parents=True, exist_ok=True)
        files = render_schemas(types)
    except (OSError, ValueError) as error:
        reason = os_error_message(error) if isinstance(error, OSError) else str(error)
        fail_usage(f"-o {shown(folder)}: cannot write the schemas there ({reason})")
    targets = {name: replaceable_file(folder / name, "schema") for name in files}
    for name, content in files.items():
        write_output(targets[name], content)
        typer.echo(os.fsencode(targets[name]))


@app.command("types")
def list_types(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per type.")] = False,
) -> None:
    """List the record types: the built-in ones and those plugins register."""
    refuse_closed_stdout("list of types", "redirect it to a file (> types.txt)")
    for spec in registered_types():
        origin = "built-in" if spec.name in BUILTIN else spec.record.__module__
        if as_json:
            typer.echo(json.dumps({"type": spec.name, "plural": spec.plural, "origin": origin,
                                   "gated": spec.cues is not None}))  # fmt: skip
        else:
            doc = (spec.record.__doc__ or "").strip().splitlines()
            typer.echo(f"{spec.name:<18} {origin:<28} {doc[0] if doc else ''}")
