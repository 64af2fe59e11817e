"""Write the JSON Schema files in ``schemas/`` from the Pydantic models.

The files are for consumers who do not use Python (a DuckDB loader, a
JSON-Schema validator in another pipeline). A test regenerates them and fails
when they drift from the models.
"""

from __future__ import annotations

import json
from pathlib import Path

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


def write_schemas(directory: Path, types: tuple[str, ...] | None = None) -> list[Path]:
    """Write every schema file into ``directory``; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in render_schemas(types).items():
        path = directory / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
