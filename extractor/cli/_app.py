"""The Typer application that every ``extractor`` subcommand registers on.

Kept apart from ``__init__`` so that subcommand modules can import ``app``
without importing each other.

The conventions every command gets from here, so that a new command cannot
forget them (``tests/test_cli_conventions.py`` checks each registered one):

* ``-h`` as well as ``--help``; ``--version`` on the app and on every
  command (``extractor extract --version`` answers instead of complaining);
  shell completion (``--install-completion``, ``--show-completion``).
* A usage error (an unknown option, a missing argument, a bad value) is one
  line on stderr, ``extractor: error: <what>; try 'extractor X -h'``, exit 2,
  instead of click's usage block and rich's boxed panel: a script's log and
  a person reading it both get the one fact they need.
* instructor logs each failed attempt at a call; a command reports the error
  once, itself, so instructor's logger is silenced while a command runs
  (never in the library: a Python caller keeps its logs).
* What the command line prints past every logger, redacted too
  (:func:`install_redacting_hooks`): a warning (a library's, a serializer's
  ``input_value=...`` quoting a model's answer that echoed the key) and the
  traceback of a bug, which Python prints itself.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import traceback
import warnings
from collections.abc import Sequence
from typing import Annotated, Any, NoReturn

import typer
from typer._click.utils import PacifyFlushWrapper
from typer.core import TyperGroup

try:  # typer >= 0.20 carries its own copy of click; older releases use click itself
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - depends on the installed typer
    from click import exceptions as click_errors  # type: ignore[no-redef]

from extractor.errors import ExtractorError

PROG = "extractor"


def version_text() -> str:
    """``extractor 0.1.0``: the installed package's version."""
    from extractor import __version__

    return f"{PROG} {__version__}"


def _one_line(text: str) -> str:
    from extractor.cli.common import safe_text

    return safe_text(text)


class ExtractorGroup(TyperGroup):
    """Typer's group, with usage errors reported as one line (see the module doc).

    Click's standalone mode prints a usage block and typer a rich panel; here
    the command runs in non-standalone mode and this ``main`` turns what it
    raises into the exit the shell sees.
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        prog_name = prog_name or PROG
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        piped = _stdout_is_pipe()
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
            sys.stdout.flush()  # here, where a full disk can be said, not at exit
        except BrokenPipeError:  # `extractor ... | head`: the reader has what it wanted
            _reader_gone()
        except SystemExit:
            # typer's and rich's own answers to a closed pipe (`extractor --help | head -1`,
            # `extractor types | true`) are exit 1: ours is 0
            if isinstance(sys.stdout, PacifyFlushWrapper) or (piped and _stdout_is_null()):
                _reader_gone()
            raise
        except OSError as error:
            if error.errno not in _CANNOT_WRITE:  # anything else is a bug: let it show
                raise
            _cannot_write(error)
        except ExtractorError as error:  # one a command did not turn into its line itself
            from extractor.cli.common import exit_code, hint, print_error, safe_text

            print_error(f"{safe_text(error)}{hint(error)}")
            sys.exit(exit_code(error))
        except click_errors.NoSuchOption as error:
            if error.option_name == "--version":  # a subcommand's --version: answer it
                typer.echo(version_text())
                sys.exit(0)
            _usage_error(error)
        except click_errors.UsageError as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # bare `extractor`: the help
                error.show()
                sys.exit(error.exit_code)
            _usage_error(error)
        except click_errors.ClickException as error:
            typer.echo(f"{PROG}: error: {_one_line(error.format_message())}", err=True)
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo(f"{PROG}: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def install_redacting_hooks() -> None:
    """Have the warnings and the uncaught-exception traceback that Python itself prints to
    stderr pass through :func:`extractor.redact.redact`, once per process: neither goes
    through a logger, so no log filter or record factory saw them, and a bug's traceback
    prints every link of its chain (an SDK error holding the server's echo of the key).
    Called by the console script (:func:`extractor.cli.main`) only, never by ``app()``:
    a program or test runner that calls the app keeps its own hooks. A warnings formatter
    in place is wrapped; an uncaught-exception hook a program set (not Python's default) is
    called as it was, since it is that program's to print."""
    from extractor.redact import redact

    if not getattr(warnings.formatwarning, "_redacts", False):
        formatted = warnings.formatwarning

        def formatwarning(*args: Any, **kwargs: Any) -> str:
            return redact(formatted(*args, **kwargs))

        formatwarning._redacts = True  # type: ignore[attr-defined]
        warnings.formatwarning = formatwarning
    if not getattr(sys.excepthook, "_redacts", False):
        previous = sys.excepthook

        def excepthook(kind: Any, error: Any, trace: Any) -> None:
            if previous is not sys.__excepthook__:
                previous(kind, error, trace)
                return
            text = "".join(traceback.format_exception(kind, error, trace))
            sys.stderr.write(redact(text))

        excepthook._redacts = True  # type: ignore[attr-defined]
        sys.excepthook = excepthook


def _stdout_is_pipe() -> bool:
    try:
        return stat.S_ISFIFO(os.fstat(1).st_mode)
    except OSError:
        return False


def _stdout_is_null() -> bool:
    """Whether stdout is /dev/null now (rich points it there when its reader went away)."""
    try:
        now, null = os.fstat(1), os.stat(os.devnull)
    except OSError:
        return False
    return stat.S_ISCHR(now.st_mode) and now.st_rdev == null.st_rdev


def _reader_gone() -> NoReturn:
    """The end of a command whose stdout reader went away (``| head``): quiet, exit 0."""
    from extractor.cli.common import quiet_stdout

    quiet_stdout()
    sys.exit(0)


#: Why output could not be written that no command can mend: a full disk or quota, a file
#: past its size limit, a failing device (``> /dev/full``, ``> out.json`` on a full disk).
_CANNOT_WRITE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _cannot_write(error: OSError) -> NoReturn:
    """One line for output that could not be written (exit 2), then quiet: stdout points
    at /dev/null, so flushing it at exit does not fail again with a traceback."""
    from extractor.cli.common import quiet_stdout

    quiet_stdout()
    with contextlib.suppress(OSError):
        why = error.strerror or str(error)
        typer.echo(f"{PROG}: error: cannot write the output ({why}): free some space, or "
                   "write it elsewhere (-o)", err=True)  # fmt: skip
    sys.exit(2)


def _usage_error(error: Any) -> NoReturn:
    """``extractor: error: <what>; try 'extractor X -h'`` and exit 2."""
    ctx = getattr(error, "ctx", None)
    where = ctx.command_path if ctx is not None else PROG
    message = _one_line(error.format_message()).rstrip(".")
    typer.echo(f"{PROG}: error: {message}; try '{where} -h'", err=True)
    sys.exit(error.exit_code)


app = typer.Typer(
    name=PROG,
    cls=ExtractorGroup,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(version_text())
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Print the version and exit (also after any command).",
        ),
    ] = False,
) -> None:
    """Turn news articles into validated, source-grounded event records.

    Keys come from the environment (OPENAI_API_KEY, EXTRACTOR_API_KEY, ...); a
    file argument of - reads stdin, and -o - writes to stdout.
    """
    from extractor.runtime.instructor_compat import muted_log

    ctx.with_resource(muted_log())
