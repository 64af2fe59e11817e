"""The JSON Schema files of ``schemas/``, rendered from the Pydantic models.

``extractor schema -o FOLDER/`` writes them (checked and written whole as any
``-o`` file is: see :mod:`extractor.cli.schema_cmd`).

The files are for consumers who do not use Python (a DuckDB loader, a
JSON-Schema validator in another pipeline). A test regenerates them and fails
when they drift from the models.
"""

from __future__ import annotations

import json

from extractor.pipeline.result import record_schemas


def schema_file(key: str) -> str:
    """The file a schema is written to: ``visit.schema.json``."""
    return f"{key}.schema.json"


def render_schemas(types: tuple[str, ...] | None = None) -> dict[str, str]:
    """File name -> file content (stable formatting, trailing newline).

    ``types``: the record types (default: the built-in ones, whose files are
    committed in ``schemas/``), plus the per-article container.
    """
    rendered: dict[str, str] = {}
    for key, schema in record_schemas(types).items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        rendered[schema_file(key)] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return rendered
