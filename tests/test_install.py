"""A plain install has every package that importing extractor needs.

The bug this guards against: ``pip install extractor`` with an older pip
(23.2, what ``python3 -m venv`` brought) gave a CLI that crashed on every
command, because trafilatura needs ``lxml.html.clean``, which only came
through justext's ``lxml[html_clean]``, and that pip ignored lxml's extra
(spelled ``html-clean`` in lxml's metadata). A dependency reached only
through another package's *extra* is not installed by every installer.

So the invariant: every distribution whose modules ``extractor`` (every
module of it, the CLI included) imports is required by extractor's core
dependencies through plain requirements, extras never followed. A
distribution outside that set is allowed only if extractor still imports
without it (an optional import, such as uvloop or pyarrow). Checked in
subprocesses, so this test's own imports do not count.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent

#: Imports every module of the package, prints the top-level names imported.
_IMPORT_ALL = """
import importlib, pkgutil, sys
# A None in sys.modules is how Python spells "not installed": importing it raises
# ModuleNotFoundError and importlib.util.find_spec says None, as for a missing package.
for name in sys.argv[1:]:
    sys.modules[name] = None
before = set(sys.modules)
import extractor
for module in pkgutil.walk_packages(extractor.__path__, "extractor."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
# what is imported on first use: an HTML page (trafilatura), a br-compressed WARC page (brotli)
import io
from extractor.io.archives import _Unbrotli
from extractor.io.formats import parse_html
parse_html("<html><body><p>" + "A sentence of an article. " * 20 + "</p></body></html>",
           doc_id="x", source="x")
_Unbrotli(io.BytesIO(b""))
print("\\n".join(sorted({name.partition(".")[0] for name in set(sys.modules) - before})))
"""


def _import_everything(
    blocked: frozenset[str] | set[str] = frozenset(),
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, *sorted(blocked)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip


def _core_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["dependencies"]]


def _applies(requirement: Requirement) -> bool:
    """Whether a requirement is installed without asking for any extra."""
    return requirement.marker is None or requirement.marker.evaluate({"extra": ""})


def _plain_closure(requirements: list[Requirement]) -> set[str]:
    """The distributions that ``requirements`` pull in, extras never followed."""
    found: set[str] = {"extractor"}
    todo = [r for r in requirements if _applies(r)]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        found.add(name)
        try:
            needs = metadata.requires(requirement.name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [r for r in map(Requirement, needs) if _applies(r)]
    return found


def test_every_package_extractor_imports_comes_with_a_plain_install() -> None:
    run = _import_everything()
    assert run.returncode == 0, run.stderr
    owners = metadata.packages_distributions()
    closure = _plain_closure(_core_requirements())
    outside: dict[str, set[str]] = {}  # distribution -> its top-level modules that were imported
    for module in run.stdout.split():
        for distribution in owners.get(module, []):
            if canonicalize_name(distribution) not in closure:
                outside.setdefault(canonicalize_name(distribution), set()).add(module)
    if not outside:
        return
    every = set().union(*outside.values())
    if _import_everything(every).returncode == 0:
        return  # all of them optional: extractor imports without any of them
    required = [name for name, modules in outside.items() if _import_everything(modules).returncode]
    assert required == [], (
        f"extractor cannot be imported without {', '.join(required)}, which no plain "
        "requirement brings in (only an extra does, or nothing): add it to "
        "[project].dependencies in pyproject.toml"
    )


def test_the_guard_sees_the_package_that_only_an_extra_brought() -> None:
    """Without its direct requirement, lxml_html_clean is outside the plain closure
    (only justext's ``lxml[html_clean]`` asks for it), and extractor does not import
    without it: the first test would fail, as the install did."""
    core = _core_requirements()
    without = [r for r in core if canonicalize_name(r.name) != "lxml-html-clean"]
    assert len(without) == len(core) - 1
    assert "lxml-html-clean" in _plain_closure(core)
    assert "lxml-html-clean" not in _plain_closure(without)
    blocked = _import_everything({"lxml_html_clean"})
    assert blocked.returncode != 0 and "lxml_html_clean" in blocked.stderr
