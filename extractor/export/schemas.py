"""Write the JSON Schema files in ``schemas/`` from the Pydantic models.

The files are for consumers who do not use Python (a DuckDB loader, a
JSON-Schema validator in another pipeline). A test regenerates them and fails
when they drift from the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from extractor.pipeline.result import record_schemas

SCHEMA_FILES: dict[str, str] = {
    "visit": "visit.schema.json",
    "meeting": "meeting.schema.json",
    "arms_transfer": "arms_transfer.schema.json",
    "casualty_report": "casualty_report.schema.json",
    "article_extraction": "article_extraction.schema.json",
}


def render_schemas() -> dict[str, str]:
    """File name -> file content (stable formatting, trailing newline)."""
    rendered: dict[str, str] = {}
    for key, schema in record_schemas().items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        rendered[SCHEMA_FILES[key]] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return rendered


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema file into ``directory``; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in render_schemas().items():
        path = directory / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
