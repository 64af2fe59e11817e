"""Render the prompt templates in ``prompts/`` into chat messages.

Message order is chosen for prefix caching (llama.cpp and OpenAI both reuse a
shared prefix): the system message holds the codebook rules, the same for
every call of every run, *then the article*, so every call about one article
(each per-type call) starts with the same tokens; what differs (the
per-type instruction, with its guidance and example) comes after.

A layout with every type's guidance before the article (so that only a
one-line task follows it) halves the tokens evaluated per document, but lost
recall on the development set (F1 0.706 against 0.786, casualty reports 1 of
5): the small model follows guidance better right before it answers.
BENCHMARKS.md has both runs.

The prompt version recorded in every output is a hash of the rendered
templates, so a changed word in a template changes the version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from extractor.text.countries import countries_in_text, country_label
from extractor.text.sentences import Sentence, numbered, split_sentences
from extractor.types.registry import RECORD_TYPES, get_type


def prompts_dir() -> Path:
    """Where the templates are: inside the wheel, or ``prompts/`` in a checkout."""
    packaged = resources.files("extractor") / "_prompts"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "prompts"


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


@cache
def codebook_message() -> dict[str, str]:
    """The rules alone (``rules.j2``): the text every system message starts with.

    A server that keeps evaluated prefixes (llama-server's slots) evaluates it
    once for a whole run; the embedded model's server keeps it saved across
    runs (``LocalServer.prime``).
    """
    return {"role": "system", "content": render("rules.j2")}


def system_message(
    text: str, published: date | None, sentences: list[Sentence] | None = None
) -> dict[str, str]:
    """Rules and the article, its sentences numbered for evidence citations.

    Pass ``sentences`` when the caller has split ``text`` already (the engine
    needs the same spans to turn cited numbers back into quotes).
    """
    iso = published.isoformat() if published else None
    body = numbered(text, split_sentences(text) if sentences is None else sentences)
    countries = [(code, country_label(code)) for code in countries_in_text(text)]
    content = render("system.j2", text=body, published=iso, countries=countries)
    return {"role": "system", "content": content}


def _and(words: list[str]) -> str:
    """Words joined as prose: a; a and b; a, b and c."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@cache
def _task(kind: str | tuple[str, ...] | None) -> str:
    if kind is None or isinstance(kind, tuple):
        specs = [get_type(k) for k in (RECORD_TYPES if kind is None else kind)]
        labels = _and([spec.label.removesuffix("s") for spec in specs])
        fields = _and([f'"{spec.plural}"' for spec in specs])
        return render("task_single.j2", types=[spec.name for spec in specs], specs=specs,
                      labels=labels, fields=fields, several=len(specs) > 1)  # fmt: skip
    spec = get_type(kind)
    return render("task_type.j2", kind=kind, spec=spec, label=spec.label, field=spec.plural)


def task_message(kind: str | tuple[str, ...] | None) -> dict[str, str]:
    """The instruction after the article: one type, several types in one call
    (a tuple, without the types' invented examples, which a small model copies
    when it has four of them to fill), or every built-in type when ``kind`` is None.

    It does not depend on the article, so it is rendered once per process.
    """
    return {"role": "user", "content": _task(kind)}


def second_look_message(kind: str, lines: Sequence[str]) -> dict[str, str]:
    """The instruction of a second look at one type: ``lines`` are the article's sentences
    with that type's words, each as numbered for evidence ("[4] ..."), which the first
    answer left without a record (see :func:`extractor.pipeline.requests.second_look`).

    Without the type's invented example: asked about sentences that may hold no such
    event, the 1.5B model copied the example's people.
    """
    spec = get_type(kind)
    content = render("task_second_look.j2", kind=kind, spec=spec, label=spec.label,
                     field=spec.plural, lines=list(lines))  # fmt: skip
    return {"role": "user", "content": content}


@cache
def prompt_version(types: tuple[str, ...] = RECORD_TYPES) -> str:
    """Hash of every template the calls about ``types`` render, on a fixed sample.

    For the built-in types it is what it always was; a user's type adds its
    own prompt to the hash.
    """
    system = system_message("SAMPLE ARTICLE", date(2000, 1, 1))["content"]
    parts: list[str] = []
    extra = tuple(t for t in types if t not in RECORD_TYPES)
    for kind in (None, *RECORD_TYPES, *extra):  # each call's messages: the system, then its task
        parts += [system, task_message(kind)["content"]]
    digest = hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()
    return "p-" + digest[:12]
