"""The public surface, pinned (as httpx's tests/test_exported_members.py does).

Adding or removing a public name is a decision, not an accident: this test
fails until the list below is changed with it. Everything else under
extractor/ is internal (see the package docstring) and may move.
"""

from __future__ import annotations

import ast
from pathlib import Path

import extractor
import extractor.errors
import extractor.types

PUBLIC = {
    "RECORD_TYPES", "STRATEGIES", "Actor", "ArmsItem", "ArmsTransfer", "ArticleExtraction",
    "BatchResult", "CasualtyReport", "ClientModelError", "ConfigurationError", "Count",
    "DateValue", "Document", "ErrorInfo", "Evidence", "ExtractionFailed", "ExtractionMetadata",
    "Extractor", "ExtractorError", "InputError", "LocalModelError", "Meeting", "ModelError",
    "Money", "Place", "Plover", "Record", "RecordSpec", "RecordType", "Sector", "Span", "Status",
    "Strategy", "TransientModelError", "Usage", "Visit", "__version__", "build_requests",
    "extract", "extract_many",
    "extract_many_sync", "get_type", "ground", "parse_response", "read_document", "record_schemas", "register",
    "registered_types", "results_to_frame", "schema_version",
}  # fmt: skip
TYPES_API = {
    "ENTRY_POINT_GROUP", "RECORD_TYPES", "Actor", "Count", "DateValue", "Evidence", "GoldSpec",
    "Money", "Place", "Plover", "Record", "RecordSpec", "RecordType", "Sector", "Status",
    "get_type", "register", "registered_types", "resolve_types", "type_names",
}  # fmt: skip


def test_the_public_names_are_exactly_these() -> None:
    assert set(extractor.__all__) == PUBLIC
    assert len(extractor.__all__) == len(PUBLIC)
    for name in extractor.__all__:
        assert hasattr(extractor, name), name


def test_the_record_type_api_is_exactly_this() -> None:
    assert set(extractor.types.__all__) == TYPES_API
    for name in extractor.types.__all__:
        assert getattr(extractor.types, name) is not None


def test_every_exception_lives_in_errors() -> None:
    """One exceptions module: no class deriving from Exception is defined elsewhere
    (a private one, named with an underscore, may stay beside the code that raises it)."""
    root = Path(extractor.__file__).parent
    elsewhere = []
    for path in root.rglob("*.py"):
        if path.name == "errors.py" and path.parent == root:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.name.startswith("_"):
                continue
            bases = {ast.unparse(b).split(".")[-1] for b in node.bases}
            if bases & {"Exception", "ValueError", "RuntimeError", "ExtractorError"} or any(
                b.endswith(("Error", "Exception")) for b in bases
            ):
                elsewhere.append(f"{path.relative_to(root)}:{node.name}")
    assert elsewhere == []
    for name in ("ExtractorError", "InputError", "ResolutionError", "EvidenceError"):
        assert issubclass(getattr(extractor.errors, name), Exception)


def test_nothing_imports_the_cli() -> None:
    root = Path(extractor.__file__).parent
    for path in root.rglob("*.py"):
        if "cli" in path.relative_to(root).parts or path.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("extractor.cli"), path
