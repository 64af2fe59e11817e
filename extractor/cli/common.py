"""Options, inputs, outputs and error handling shared by the commands.

Every error a command prints goes through :func:`print_error`: one line on
stderr, ``extractor: error: ...``, with secrets redacted
(:mod:`extractor.redact`) and undecodable file names made printable. A user
mistake (a path, a permission, an option) exits 2; a failed extraction 1.

Text that came from outside (an article, a file name, a server's message)
goes through :func:`printable` before it reaches a terminal: a control
character in an article (an ESC, a carriage return) would otherwise move the
cursor, recolour or overwrite what the terminal shows, and a lone surrogate
(an undecodable file name) cannot be encoded at all.

``-`` is stdin for every input argument and ``-o -`` stdout for every
output (:data:`STDIO`); a file output is written whole or not at all
(:func:`write_output`).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import socket
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn, TypeVar

import typer

from extractor.blank import is_blank
from extractor.errors import ExtractorError, IncompatibleServerError, OutputError
from extractor.io.output import (
    GZIP_MAGIC,
    Replacement,
    check_replaceable,
    is_json,
    is_stream_mode,
    packed_suffix,
)
from extractor.redact import clean_surrogates, log_filter, redact
from extractor.types.registry import type_names

T = TypeVar("T")


def non_blank(what: str) -> Callable[[typer.CallbackParam, T], T]:
    """A typer callback for an option naming ``what`` (an id, a model ...): a blank value
    is one line, exit 2 (``--doc-id: give a non-blank id, or leave the option out``).

    Why: each such option falls back to a default when it is not given, and
    the code reads a blank value as "not given" (``doc_id or ...``, ``model
    or $EXTRACTOR_MODEL``), so ``--model "$UNSET_VAR"`` silently ran another
    model than the one the command line seems to name. A blank value is
    always a mistake (an empty shell variable, a stray quote): said, never
    replaced. For a list option (``--table`` repeated) every value is checked.
    The environment is not the command line: a blank ``EXTRACTOR_MODEL`` (or any
    ``EXTRACTOR_*`` variable) stays unset (:class:`extractor.settings.Settings`).
    """

    def check(param: typer.CallbackParam, value: T) -> T:
        if _blank_value(value) is not None:
            name = max(param.opts, key=len) if param.opts else f"--{param.name}"
            fail_usage(f"{name}: give a non-blank {what}, or leave the option out")
        return value

    return check


def path_name(what: str = "file") -> Callable[[typer.CallbackParam, T], T]:
    """A typer callback for an option naming a path to write or read (``-o``,
    ``--summary-json``): a blank value (:func:`~extractor.io.decoding.is_blank`: spaces,
    NBSP, a zero-width space ...) is one line, exit 2 (``-o: give a file name, not a
    blank one``), before anything is read or written.

    Why: the filesystem takes such a name as it is, so ``-o $'\\u00a0'`` wrote a file
    (or, for ``flatten``, a folder) whose name shows nothing: no user means that, and
    the results are then hard to find and to remove. ``-`` (stdout) is not blank.
    """

    def check(param: typer.CallbackParam, value: T) -> T:
        blank = _blank_value(value)
        if blank is not None:
            name = min(param.opts, key=len) if param.opts else f"--{param.name}"
            fail_usage(f"{name}: give a {what} name, not {'a blank' if blank else 'an empty'} one")
        return value

    return check


def _blank_value(value: object) -> str | None:
    """The first blank text (a string or path) an option's value holds, one value or a list
    of them (a repeated option), as :func:`~extractor.blank.is_blank` says; None if none."""
    for item in value if isinstance(value, list | tuple) else [value]:
        if isinstance(item, str | os.PathLike) and is_blank(text := str(item)):
            return text
    return None


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        callback=non_blank("model"),
        help="provider/model (openai/gpt-4o-mini, anthropic/..., local, local/0.5b). "
        "Default: $EXTRACTOR_MODEL; else the model of the server --base-url or "
        "$EXTRACTOR_BASE_URL names; else OpenAI's default model if OPENAI_API_KEY or "
        "EXTRACTOR_API_KEY is set; else the local model.",
    ),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        callback=non_blank("server URL"),
        help="An OpenAI-compatible server (default $EXTRACTOR_BASE_URL).",
    ),
]
StrategyOption = Annotated[
    str, typer.Option("--strategy", help="single: one call; per-type: gate, then a call per type.")
]
TypesOption = Annotated[
    str | None,
    typer.Option(
        "--types",
        help="Comma-separated record types (default: the built-in four; "
        "`extractor types` lists every installed one).",
    ),
]
RetriesOption = Annotated[
    int, typer.Option("--max-retries", min=0, help="Validation re-asks per call.")
]
SecondLookOption = Annotated[
    bool,
    typer.Option(
        "--second-look/--no-second-look",
        help="Ask once more about a type whose answer was empty, quoting the sentences "
        "with its words (per-type: recall for a small model, a call more where it fires).",
    ),
]
CacheOption = Annotated[
    bool, typer.Option("--cache/--no-cache", help="Reuse results from the on-disk cache.")
]


def parse_types(value: str | None) -> list[str] | None:
    """The names in ``--types``, each a registered type (built-in or plugin); None when the
    option is not given (every built-in type).

    A value naming no type at all (``""``, ``","``) is a usage error, not the
    default: asking for no type is a mistake, and silently asking for every
    type would pay for the ones left out on purpose.
    """
    if value is None:
        return None
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    known = type_names()
    if not chosen:
        fail_usage(
            f"--types {value!r} names no type; give one or more of {', '.join(known)} "
            "(comma-separated), or leave --types out for the built-in four"
        )
    unknown = [v for v in chosen if v not in known]
    if unknown:
        fail_usage(f"--types: unknown type(s) {', '.join(unknown)}; use {', '.join(known)}")
    return chosen


def check_environment() -> None:
    """Warn (one ``extractor: warning:`` line on stderr) about an ``EXTRACTOR_*`` variable that
    a command calling the model would otherwise ignore without a word: today an
    ``EXTRACTOR_EVENT_LOOP`` that names no event loop (the default loop is used: the
    results are the same, so the run goes on)."""
    from extractor.runtime.providers import environment_problem
    from extractor.settings import settings

    problem = environment_problem()
    if problem is not None:
        fail_usage(problem)
    warning = settings().event_loop_warning()
    if warning is not None:
        typer.echo(f"extractor: warning: {safe_text(warning)}", err=True)


#: C0 controls but newline and tab, DEL, C1 controls, and the bidirectional
#: overrides and isolates that reorder what a terminal shows ("Trojan Source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control's picture: ESC shows as "␛"
    return "\u2421" if code == 0x7F else "\ufffd"


def printable(text: str) -> str:
    """``text`` safe to show on a terminal: no control character but newline and tab, valid UTF-8.

    C0 controls show as their Unicode pictures (ESC as U+241B), so that what
    was there stays visible; C1 controls and bidirectional overrides become
    U+FFFD; lone surrogates U+FFFD. ``\\r\\n`` and a lone ``\\r`` become
    ``\\n``. Nothing else changes, so the length of the text may only
    shrink where a ``\\r\\n`` is folded.
    """
    text = clean_surrogates(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(_picture, text)


def safe_text(text: Any) -> str:
    """``text`` fit for a terminal line: redacted, one line, printable (:func:`printable`)."""
    return printable(" ".join(redact(text).split()))


def shown(path: str | os.PathLike[str]) -> str:
    """A path for a message, printable even when its name is not UTF-8."""
    return clean_surrogates(os.fspath(path)) if not isinstance(path, bytes) else repr(path)


def print_error(message: Any) -> None:
    """The one way a command reports an error: ``extractor: error: <message>`` on stderr."""
    typer.echo(f"extractor: error: {safe_text(message)}", err=True)


def fail_usage(message: str) -> NoReturn:
    print_error(message)
    raise typer.Exit(2)


def exit_code(error: BaseException) -> int:
    """2 for what the user must fix in the call or setup (kinds ``input`` and ``config``),
    1 for a failed extraction or a failing server.

    An answer that is not an answer of the API (an
    :class:`~extractor.errors.IncompatibleServerError`: an HTML page, ``{}``,
    ``choices: []``, a redirect, a field of the wrong type, an answer that breaks
    HTTP) is one class, a server error, and exits 1 whichever member it is, as the
    README's fault table says of it: its kind only says who likely has to fix it
    (``config`` for a page or a redirect at the base URL). Decided by the kind, a
    login page exited 2 and ``{}`` 1, one run's code depending on which wrong
    answer the server gave."""
    if isinstance(error, IncompatibleServerError):
        return 1
    if isinstance(error, ExtractorError) and error.kind in ("input", "config"):
        return 2
    if isinstance(error, OSError):
        return 2
    return 1


def hint(error: BaseException) -> str:
    """What to do about ``error``, as a parenthesis for the end of its line."""
    kind = error.kind if isinstance(error, ExtractorError) else "internal"
    if kind == "model":
        return " (try --max-retries 3, another --strategy, or a larger model)"
    if kind == "transient" and "could not reach" in str(error):
        return " (is the server running? check --base-url / EXTRACTOR_BASE_URL)"
    if kind == "transient":
        return " (the server may be overloaded: try again later)"
    return ""


def os_error_message(error: OSError) -> str:
    """An OSError as ``path: reason``."""
    reason = error.strerror or str(error) or type(error).__name__
    if error.filename is not None:
        return f"{shown(error.filename)}: {reason}"
    return reason


def regular_file(path: str | os.PathLike[str], what: str = "file") -> Path:
    """``path`` if it is a regular file (or a link to one); else a one-line usage error.

    Checked before opening, because opening a FIFO with no writer, or reading
    a device such as /dev/zero, would hang or never end.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        fail_usage(f"{shown(path)}: no such file; check the path")
    except (OSError, ValueError) as error:  # ValueError: an embedded NUL
        fail_usage(f"{shown(path)}: cannot read the {what} ({_why(error)})")
    if stat.S_ISDIR(mode):
        fail_usage(f"{shown(path)}: is a folder; give a {what}")
    if not stat.S_ISREG(mode):
        fail_usage(f"{shown(path)}: not a regular file (a pipe or a device); give a {what}")
    return Path(path)


#: The standard streams (0, 1, 2) that were closed when the process started.
CLOSED_AT_START: set[int] = set()


def open_standard_streams() -> None:
    """Give a closed stdin, stdout or stderr a /dev/null in its place.

    cron, daemons and ``cmd <&-`` start a process with one of them closed;
    the event loop (uvloop) aborts when a descriptor it opens lands on 0-2,
    and Python leaves ``sys.stdin`` None. With /dev/null there, a run works
    and ``-`` reads an empty input (an error line saying so).
    """
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        CLOSED_AT_START.add(fd)
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def same_file(path: str | os.PathLike[str], other: str | os.PathLike[str]) -> bool:
    """Whether two names are one file: the same absolute path, or the same device and inode
    (a symlink, a hard link, ``./x``)."""
    if os.path.abspath(path) == os.path.abspath(other):
        return True
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):
        return False


def refuse_input_as_output(
    output: str | os.PathLike[str] | None, path: str | None, option: str = "-o"
) -> None:
    """Exit 2 when ``option`` names the input itself: writing would replace the article. For
    ``-`` the input is stdin, which ``< a.txt`` makes that file (a pipe cannot be told)."""
    if output is None or path is None or os.fspath(output) == STDIO:
        return
    same = _is_stdin(os.fspath(output)) if path == STDIO else same_file(output, path)
    if same:
        fail_usage(f"{option} {shown(output)}: that is the input file; give another name")


def _is_stdin(path: str) -> bool:
    try:
        mine, theirs = os.fstat(0), os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(mine.st_mode) and (mine.st_dev, mine.st_ino) == (
        theirs.st_dev,
        theirs.st_ino,
    )


def writable_file(
    path: str | os.PathLike[str], what: str = "file", *, streams: bool = False
) -> Path:
    """``path`` if a file can be written there: a regular file or a new name in a folder,
    not named as compressed (the tool writes plain files); with ``streams``, a pipe or a
    character device too (:func:`is_stream`), for a caller that writes it straight
    (:func:`write_output`). A page or tables written whole and renamed into place refuse
    one: the rename would put a regular file where the FIFO or ``/dev/null`` was."""
    if os.fspath(path).endswith(("/", os.sep)):  # Path() drops the slash that says "a folder"
        fail_usage(f"{shown(os.fspath(path))}: names a folder; give a {what} name")
    target = Path(path)
    packed = packed_suffix(target)
    if packed:
        fail_usage(
            f"{shown(target)}: names a {packed} file, but the {what} is written plain; give "
            f"-o {shown(target.with_suffix(''))} and compress it once written"
        )
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except (OSError, ValueError) as error:
        fail_usage(f"{shown(target)}: cannot write the {what} there ({_why(error)})")
    if mode is not None:
        if stat.S_ISDIR(mode):
            fail_usage(f"{shown(target)}: is a folder; give a {what} name")
        if streams and is_stream_mode(mode):
            return target
        if not stat.S_ISREG(mode):
            if streams:
                fail_usage(f"{shown(target)}: not a regular file, pipe or character device")
            fail_usage(
                f"{shown(target)}: not a regular file (a pipe or a device); give -o a file "
                "name, or -o - and redirect"
            )
        return target
    # a dangling symlink is written through (Replacement resolves it), so its target's folder
    # is the one that must exist: checked here, it is one line naming -o, not an error about
    # a temporary file in a folder the user never named
    parent = Path(os.path.realpath(target)).parent if os.path.islink(target) else target.parent
    try:
        parent_mode = os.stat(parent).st_mode
    except (OSError, ValueError) as error:
        link = (
            f" (a symlink to {shown(os.path.realpath(target))})" if parent != target.parent else ""
        )
        fail_usage(f"{shown(target)}{link}: cannot write the {what} there ({_why(error)})")
    if not stat.S_ISDIR(parent_mode):
        fail_usage(f"{shown(target)}: {shown(parent)} is not a folder")
    return target


def is_stream(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names an existing pipe or character device
    (:func:`~extractor.io.output.is_stream_mode`)."""
    try:
        return is_stream_mode(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _why(error: BaseException) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


class _NoticeHandler(logging.Handler):
    """Shows the library's log messages as ``extractor: <message>`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            typer.echo(f"extractor: {safe_text(record.getMessage())}", err=True)
        except Exception:  # a broken message must not break the command
            self.handleError(record)


@contextlib.contextmanager
def show_notices() -> Iterator[None]:
    """Show what the library logs at INFO and above on stderr while the block runs.

    The library never writes to the terminal; what it wants a person to know
    (such as "... using the embedded local model") it
    logs on the ``extractor`` logger, and the CLI shows it here.

    Every record written meanwhile is redacted, the library's and any other
    that reaches Python's last-resort handler. (instructor's own log is
    silenced for the whole command: see ``extractor.cli._app``.)
    """
    library = logging.getLogger("extractor")
    handler = _NoticeHandler(logging.INFO)
    handler.addFilter(log_filter())
    level = library.level
    library.addHandler(handler)
    if library.getEffectiveLevel() > logging.INFO:
        library.setLevel(logging.INFO)
    last_resort = logging.lastResort
    if last_resort is not None:
        last_resort.addFilter(log_filter())
    try:
        yield
    finally:
        library.removeHandler(handler)
        library.setLevel(level)
        if last_resort is not None:
            last_resort.removeFilter(log_filter())


def guarded(source: str, action: Callable[[], T], *, aliases: dict[str, str] | None = None) -> T:
    """Run ``action``; turn our errors, and the system's about files, into one stderr line
    naming ``source`` (:func:`print_error`), and the exit code (:func:`exit_code`).

    What the library logs meanwhile is shown on stderr (:func:`show_notices`).
    ``aliases`` renames paths in a message: the temporary copy of stdin
    (:func:`stdin_file`) is called ``stdin``, the name the user knows.
    """
    source = clean_surrogates(source)
    try:
        with show_notices():
            return action()
    except ExtractorError as error:
        message = safe_text(error)
        for path, name in (aliases or {}).items():
            message = message.replace(path, name)
        # the message is made printable (one line): so is the name it may start with
        prefix = "" if message.startswith((source, safe_text(source))) else f"{source}: "
        print_error(f"{prefix}{message}{hint(error)}")
        raise typer.Exit(exit_code(error)) from None
    except OSError as error:  # a path or permission problem the library did not name
        print_error(os_error_message(error))
        raise typer.Exit(exit_code(error)) from None
    except KeyboardInterrupt:
        typer.echo("extractor: interrupted", err=True)
        raise typer.Exit(130) from None


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def dump_json(data: Any, *, pretty: bool) -> str:
    """JSON for stdout; a lone surrogate in a string is written as its ``\\u`` escape, so
    the text is valid UTF-8 and still parses back to the same value."""

    text = json.dumps(data, indent=2 if pretty else None, ensure_ascii=False)
    return _escape_surrogates(text)


def _escape_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


# ------------------------------------------------------------ stdin and stdout

#: The file name that means stdin (an input) or stdout (``-o -``).
STDIO = "-"


def read_stdin() -> bytes:
    """All of stdin, as bytes (``sys.stdin.buffer``: what the test runner feeds too)."""
    return sys.stdin.buffer.read()


@contextlib.contextmanager
def stdin_file(suffix: str) -> Iterator[Path]:
    """Stdin copied to a temporary file named ``stdin<suffix>``, for readers that take a path.

    The copy goes to disk, not memory, and is removed when the block ends.
    """
    with tempfile.TemporaryDirectory(prefix="extractor-stdin-") as folder:
        path = Path(folder) / f"stdin{suffix}"
        with open(path, "wb") as handle:
            while chunk := sys.stdin.buffer.read(1 << 20):
                handle.write(chunk)
        yield path


def output_target(
    value: str | None, what: str, *, allows: Literal["none", "one", "predictions", "any"] = "none"
) -> Path | None:
    """``-o``'s file, checked before any work (:func:`replaceable_file`); None for stdout."""
    if value is None or value == STDIO:
        refuse_closed_stdout(what)
        return None
    return replaceable_file(value, what, allows=allows, streams=True)


def refuse_closed_stdout(what: str, fix: str = "give -o a file name") -> None:
    """Exit 2 when ``what`` is to go to stdout but the process started with stdout closed
    (``cmd >&-``, a daemon): :func:`open_standard_streams` put /dev/null there, so the
    result would be thrown away with exit 0. The shell's own ``echo x >&-`` fails too."""
    if 1 in CLOSED_AT_START:
        fail_usage(f"stdout is closed, so the {what} would be lost; {fix}")


def replaceable_file(
    path: str | os.PathLike[str],
    what: str,
    *,
    allows: Literal["none", "one", "predictions", "any"] = "none",
    option: str = "-o",
    streams: bool = False,
) -> Path:
    """``path`` if ``what`` can be written there (:func:`writable_file`) without destroying
    extraction results: a run's output it writes now, or results of more documents than
    ``allows`` (:func:`~extractor.io.output.check_replaceable`). Else one line, exit 2."""
    target = writable_file(path, what, streams=streams)
    if streams and is_stream(target):
        return target
    try:
        check_replaceable(target, what, allows=allows, option=option)
    except OutputError as error:
        fail_usage(str(error))
    return target


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail again (a reader
    that went away, a full disk)."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())


def write_output(target: Path | None, data: str | bytes) -> None:
    """Write ``data`` to ``target`` whole, or to stdout when ``target`` is None.

    A file is written to a temporary file beside it and renamed over it, so a
    failure (a full disk, Ctrl-C) leaves the old file, never half of the new
    one; an existing file keeps its owner, mode and symlink
    (:class:`~extractor.io.output.Replacement`). A problem is one error line (exit 2).
    """
    raw = clean_surrogates(data).encode("utf-8") if isinstance(data, str) else data
    if target is None:
        refuse_closed_stdout("output")
        sys.stdout.flush()
        if raw.startswith(b"{") and not _stdout_ends_a_line():
            raw = b"\n" + raw  # ``>> out.jsonl`` onto a file whose last line lost its newline
        try:
            sys.stdout.buffer.write(raw)
            sys.stdout.buffer.flush()
        except BrokenPipeError:  # `... -o - | head`: the reader has what it wanted
            quiet_stdout()
            raise typer.Exit(0) from None
        return
    if is_stream(target):
        try:
            with open(target, "wb") as stream:
                stream.write(raw)
        except BrokenPipeError:  # `-o /dev/stdout | head`: the reader has what it wanted
            raise typer.Exit(0) from None
        except OSError as error:  # /dev/full, no permission
            fail_usage(f"{shown(target)}: cannot be written ({_why(error)})")
        return
    replacement = Replacement.of(target)  # through a symlink, keeping the old file's mode
    try:
        with replacement.open("wb") as handle:
            handle.write(raw)
        replacement.commit()
    except OSError as error:
        replacement.discard()
        fail_usage(f"{shown(target)}: cannot be written ({_why(error)})")
    except BaseException:
        replacement.discard()
        raise


def _stdout_ends_a_line() -> bool:
    """Whether what stdout appends to ends with a line end (or is empty, or no file)."""
    return _stdout_tail() is None


def check_stdout_append() -> None:
    """Before any work: refuse to append a line onto a file whose last line was cut off.

    ``extract -f jsonl >> out.jsonl`` appends a line. Onto a last line that only
    lost its newline (an editor) a newline is written first
    (:func:`write_output`); onto one cut off mid-line (a run killed while
    writing it) the two would be one line no reader takes, and the file damaged
    for every later run: refused, one line, exit 2.
    """
    if _stdout_starts_with(GZIP_MAGIC):
        fail_usage(
            "stdout is a gzipped file: extract writes plain JSON lines, which no reader "
            "takes after a gzip stream; append to the plain file, then compress it"
        )
    tail = _stdout_tail()
    if tail is not None and not is_json(tail):
        fail_usage(
            "stdout is a file whose last line is unfinished (a run killed while writing "
            "it): appending would glue this document to it; run `extractor bulk` on that "
            "output first (it repairs its last line), or append to another file"
        )


def _stdout_starts_with(magic: bytes) -> bool:
    """Whether the regular file stdout appends to begins with ``magic`` (read through
    ``/proc/self/fd``; False where it cannot be read)."""
    try:
        fd = sys.stdout.fileno()
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        with open(f"/proc/self/fd/{fd}", "rb") as handle:
            return handle.read(len(magic)) == magic
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def _stdout_tail() -> bytes | None:
    """The last line of the file stdout appends to when it has no line end, else None.

    Read through ``/proc/self/fd``, since stdout itself is open for writing
    only; where that cannot be read (no such file system, a pipe, a
    terminal), nothing is assumed.
    """
    try:
        fd = sys.stdout.fileno()
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
            return None
        with open(f"/proc/self/fd/{fd}", "rb") as handle:
            handle.seek(max(0, info.st_size - _TAIL_BYTES))
            tail = handle.read()
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    if not tail or tail.endswith(b"\n"):
        return None
    return tail.rpartition(b"\n")[2]


#: How much of a file's end :func:`_stdout_tail` reads: more than any line it must parse
#: (a longer last line is taken as unfinished).
_TAIL_BYTES = 8 * 1024 * 1024


def check_server(base_url: str | None, *, timeout: float = 5.0) -> None:
    """Fail at once, in one line, when nothing listens at ``base_url`` (a refused connection).

    Without it a mistyped port costs a single extraction its whole retry
    budget (half a minute) before it says so. The probe is one ``GET
    /models`` through the openai client, the stack the extraction uses, so
    whatever carries the extraction's requests (a proxy, a recorded cassette
    in the tests) carries it too. Only a refused connection counts: an
    error answer, a slow server or anything else is left to the extraction,
    which says what it is.
    """
    from extractor.bulk.runner import check_reachable, unreachable
    from extractor.runtime import aio
    from extractor.settings import proxy_for

    if proxy_for(base_url) is not None:  # the probe below would only ask the proxy
        aio.run(check_reachable(base_url, timeout=timeout))  # is the proxy listening?
        return
    if base_url is None:
        return
    import openai

    from extractor.runtime.providers import ProbeHttpClient

    async def probe() -> Literal["refused", "unknown host"] | None:
        client = openai.AsyncOpenAI(
            base_url=base_url, api_key="probe", max_retries=0, timeout=timeout,
            http_client=ProbeHttpClient(deadline=timeout, base_url=base_url, timeout=timeout),
        )  # fmt: skip
        try:
            await client.models.list()
        except openai.APIConnectionError as error:
            return _why_unreachable(error)
        except Exception:
            return None
        finally:
            with contextlib.suppress(Exception):
                await client.close()
        return None

    why = aio.run(probe())
    if why is not None:
        raise unreachable(why, base_url)


def _why_unreachable(error: BaseException) -> Literal["refused", "unknown host"] | None:
    """Why a connection failed for sure, somewhere in its chain: "refused" (nothing
    listens), "unknown host" (a name no resolver knows); None for anything else (a
    temporary failure, a timeout), which the extraction's retries judge."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ConnectionRefusedError):
            return "refused"
        if isinstance(current, socket.gaierror) and current.errno == socket.EAI_NONAME:
            return "unknown host"
        current = current.__cause__ or current.__context__
    return None
