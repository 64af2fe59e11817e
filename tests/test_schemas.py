import json
import subprocess
import sys
from pathlib import Path

from extractor.export.schemas import render_schemas

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schema_files_match_the_models() -> None:
    for name, content in render_schemas().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"{path} missing: run `extractor schema --write schemas/`"
        assert path.read_text(encoding="utf-8") == content, (
            f"{name} drifted from the models: run `extractor schema --write schemas/`"
        )


def test_schema_command_prints_the_four_record_schemas() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "extractor", "schema"], capture_output=True, text=True, check=True
    ).stdout
    schemas = json.loads(out)
    assert {"visit", "meeting", "arms_transfer", "casualty_report"} <= set(schemas)
    assert "visitors" in schemas["visit"]["properties"]
    assert schemas["casualty_report"]["properties"]["violence_type"]


def test_schema_write_creates_every_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "extractor", "schema", "--write", str(tmp_path)], check=True,
        capture_output=True,
    )  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render_schemas())
