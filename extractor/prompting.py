"""Render the prompt templates in ``prompts/`` into chat messages.

Message order is chosen for prefix caching (llama.cpp and OpenAI both reuse a
shared prefix): the system message holds the codebook rules *and the
article*, so every call about one article (each per-type call) starts with the
same tokens; what differs (the schema instructor appends, the
per-type instruction) comes after.

The prompt version recorded in every output is a hash of the rendered
templates, so a changed word in a template changes the version.
"""

from __future__ import annotations

import hashlib
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from .records import RECORD_TYPES, RecordType
from .sentences import numbered, split_sentences

LABELS: dict[RecordType, tuple[str, str]] = {
    "visit": ("visits", "visits"),
    "meeting": ("meetings", "meetings"),
    "arms_transfer": ("arms transfers", "arms_transfers"),
    "casualty_report": ("casualty reports", "casualty_reports"),
}


def prompts_dir() -> Path:
    """Where the templates are: inside the wheel, or ``prompts/`` in a checkout."""
    packaged = resources.files("extractor") / "_prompts"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "prompts"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(prompts_dir())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,
    )


def render(name: str, **values: Any) -> str:
    return _environment().get_template(name).render(**values).strip()


def system_message(text: str, published: date | None) -> dict[str, str]:
    """Rules and the article, its sentences numbered for evidence citations."""
    iso = published.isoformat() if published else None
    body = numbered(text, split_sentences(text))
    return {"role": "system", "content": render("system.j2", text=body, published=iso)}


def single_messages(text: str, published: date | None) -> list[dict[str, str]]:
    task = render("task_single.j2", types=RECORD_TYPES)
    return [system_message(text, published), {"role": "user", "content": task}]


def type_messages(kind: RecordType, text: str, published: date | None) -> list[dict[str, str]]:
    label, field = LABELS[kind]
    task = render("task_type.j2", kind=kind, label=label, field=field)
    return [system_message(text, published), {"role": "user", "content": task}]


@cache
def prompt_version() -> str:
    """Hash of every template rendered on a fixed sample: changes with any template."""
    sample, day = "SAMPLE ARTICLE", date(2000, 1, 1)
    parts = [m["content"] for m in single_messages(sample, day)]
    for kind in RECORD_TYPES:
        parts += [m["content"] for m in type_messages(kind, sample, day)]
    digest = hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()
    return "p-" + digest[:12]
