"""``extractor extract PATH|- [-o FILE|-] [--format ...]``: one article in, its records out.

Formats (``--format``, else the ``-o`` file's suffix (a table format it does
not write, such as ``.parquet``, is refused), else ``table`` on a
terminal and ``json`` when stdout is a pipe or a file, so that
``extractor extract a.txt | jq`` and ``> a.json`` get JSON and a person
at a terminal gets something to read):

* ``json``: the :class:`~extractor.pipeline.result.ArticleExtraction`, records
  under each type's plural name;
* ``jsonl``: one line in the shape ``extractor bulk`` writes (with the text and
  its hash), so ``flatten``, ``view`` and ``eval --predictions`` read it;
* ``table``: a table per record type, for reading;
* ``csv``: the ``events`` table ``extractor flatten`` writes (one row per
  record, every type), through :func:`extractor.export.flatten.flatten_csv`;
* ``html``: the evidence viewer's page of this one article
  (:func:`extractor.export.viewer.extraction_html`).

The input is a file, ``-`` (stdin), or a pipe or FIFO (``extract <(zcat
a.txt.gz)``), which is read as stdin is: its format from its name's suffix
if it has one, else from its first bytes. A FIFO nothing writes to is one
error line after :data:`FIFO_WAIT_SECONDS`, not a hang; a device is refused.

A result with a call that gave no valid answer (``metadata.failed_calls``)
is written with the records it has, each missing part is said on stderr,
and the exit code is 1, as ``bulk`` counts such a document incomplete.

Everything that can be checked is checked before the model is called: the
options, the input, that ``-o`` can be written, and that a server given by
``--base-url`` / ``EXTRACTOR_BASE_URL`` is listening (a refused connection is
one line at once, not half a minute of retries).
"""

from __future__ import annotations

import dataclasses
import io
import os
import stat
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from extractor.cli._app import app
from extractor.cli.common import (
    STDIO,
    BaseUrlOption,
    CacheOption,
    ModelOption,
    RetriesOption,
    SecondLookOption,
    StrategyOption,
    TypesOption,
    check_environment,
    check_server,
    check_stdout_append,
    dump_json,
    fail_usage,
    guarded,
    non_blank,
    output_target,
    parse_types,
    path_name,
    read_stdin,
    refuse_input_as_output,
    regular_file,
    safe_text,
    shown,
    stdout_is_terminal,
    write_output,
)
from extractor.errors import InputError, OutputError
from extractor.io import read_file
from extractor.io.documents import with_visible_id
from extractor.io.formats import document_format, parse_document
from extractor.io.output import check_replaceable
from extractor.io.readers import _open_stream as open_stream  # bulk's way to open a FIFO
from extractor.io.readers import file_source, stream_document_id, stream_suffix
from extractor.pipeline.document import Document, input_id
from extractor.pipeline.engine import DEFAULT_SECOND_LOOK, DEFAULT_STRATEGY, STRATEGIES, Extractor
from extractor.pipeline.requests import missing_warning
from extractor.pipeline.result import ArticleExtraction
from extractor.redact import escape_surrogates
from extractor.types.registry import RECORD_TYPES

FORMATS = ("json", "jsonl", "table", "csv", "html")
#: The format an ``-o`` file's suffix implies when ``--format`` is not given.
SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                  ".html": "html", ".htm": "html", ".txt": "table"}  # fmt: skip
#: Table formats a user may expect from the name (as ``flatten`` writes them), which extract
#: does not write: refused, rather than JSON written under a name that says otherwise.
TABLE_SUFFIXES = {".parquet": "Parquet", ".duckdb": "DuckDB", ".db": "a database",
                  ".sqlite": "SQLite", ".xlsx": "Excel", ".xls": "Excel", ".tsv": "TSV",
                  ".arrow": "Arrow", ".feather": "Feather", ".ods": "a spreadsheet"}  # fmt: skip


#: What a stream holds that is many documents, by the suffix its first bytes suggest.
_MANY = {"zip": "a zip archive", "tar": "a tar archive", "warc": "a WARC crawl",
         "jsonl": "JSONL rows", "csv": "CSV rows", "json": "a JSON array"}  # fmt: skip


def _stream_document(data: bytes, label: str) -> Document:
    """Stdin's or a pipe's bytes as a document, keyed by its text under ``label``'s stream
    name (as bulk keys it), ``label`` naming it in messages; its format
    (HTML, Markdown front matter, text) from its name when that has a document suffix (a
    named FIFO ``feed.html``), else from its first bytes."""
    if document_format(label) is not None:
        name = label
    elif (suffix := stream_suffix(data)) == ".gz":  # bulk's sniff, of the same window
        raise InputError(
            "it holds gzip data that is cut short or damaged (nothing in its head unpacks), "
            "not an article",
            source=label,
        )
    elif suffix not in (".txt", ".md", ".html"):
        how = f"extractor bulk {'-' if label == 'stdin' else label}"
        if suffix == ".json":
            how = f"jq -c '.[]' | {how} (JSONL, one object per line)"
        raise InputError(
            f"it holds {_MANY.get(suffix.split('.')[1], 'a gzipped file')} ({suffix}), "
            f"not one article: read it with {how}",
            source=label,
        )
    else:
        # as bulk reads it: markup after a byte-order mark or in UTF-16 is HTML there too; a
        # text's front matter holding a mapping makes it markdown, as a .txt's does
        name = f"stream{suffix}"
    document = parse_document(data, name=name, doc_id=label, source=label)
    # keyed as bulk keys a stream's text: two texts piped in turn are two lines, and
    # `bulk -` on the same text finds the line `extract - -f jsonl >> out.jsonl` wrote
    key = stream_document_id("/dev/stdin" if label == "stdin" else label, document.text_sha256)
    return dataclasses.replace(document, doc_id=key, source=key)


#: Seconds ``extract`` waits for a writer on a FIFO named as its input before saying so.
#: A pipe from ``<(...)`` has its writer from the start; a FIFO made with ``mkfifo`` needs
#: its writer started first (the reader then takes what it writes, however slowly).
FIFO_WAIT_SECONDS = 1.0


def _is_pipe(path: str) -> bool:
    """Whether ``path`` is a FIFO or pipe (``<(...)``, ``/dev/stdin`` on a pipe, ``mkfifo``)."""
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _read_pipe(path: str) -> bytes:
    """All of a FIFO's bytes, read once, as ``-`` reads stdin; an InputError when nothing
    writes to it (opened without blocking, so that a FIFO with no writer cannot hang)."""
    with open_stream(path, FIFO_WAIT_SECONDS) as handle:
        return handle.read()


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail_usage(f"--published {value!r} is not a date: use YYYY-MM-DD")


def choose_format(requested: str | None, output: str | None) -> str:
    """``--format`` if given, else the ``-o`` file's suffix, else by where stdout goes."""
    if requested is not None:
        if requested not in FORMATS:
            fail_usage(f"--format {requested!r}: use one of {', '.join(FORMATS)}")
        return requested
    if output is not None and output != STDIO:
        suffix = Path(output).suffix.lower()
        if suffix in TABLE_SUFFIXES:
            jsonl = shown(str(Path(output).with_suffix(".jsonl")))
            then = (
                f"write -o {jsonl}, then `extractor flatten {jsonl} -o {shown(output)}`"
                if suffix in (".parquet", ".duckdb")
                else "name a .json, .jsonl, .csv or .html file, or give --format"
            )
            fail_usage(
                f"-o {shown(output)}: extract does not write {TABLE_SUFFIXES[suffix]}; {then}"
            )
        return SUFFIX_FORMATS.get(suffix, "json")
    return "table" if stdout_is_terminal() else "json"


@app.command()
def extract(
    path: Annotated[
        str,
        typer.Argument(
            help="A .txt, .md or .html file, - for stdin, or a pipe such as <(zcat a.txt.gz).",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            callback=path_name("file"),
            help="Write here instead of stdout (- is stdout); the suffix picks the format "
            "when --format is not given.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="json, jsonl (a bulk line), table, csv (the events table) or html (the "
            "evidence viewer). Default: from the -o suffix, else table on a terminal and json "
            "otherwise.",
            show_default=False,
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD (default: metadata or the dateline)."),
    ] = None,
    doc_id: Annotated[
        str | None,
        typer.Option("--doc-id", callback=non_blank("id"), help="Id for the record ids."),
    ] = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    strategy: StrategyOption = DEFAULT_STRATEGY,
    types: TypesOption = None,
    max_retries: RetriesOption = 2,
    second_look: SecondLookOption = DEFAULT_SECOND_LOOK,
    cache: CacheOption = False,
) -> None:
    """Extract visits, meetings, arms transfers and casualty reports from one article."""
    check_environment()
    if strategy not in STRATEGIES:
        fail_usage(f"--strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    chosen_format = choose_format(output_format, output)
    chosen_types = parse_types(types)
    if doc_id is not None:  # read as bulk reads an id cell (composed, stripped, escaped)
        doc_id = input_id(doc_id, "--doc-id").text
    day = _published(published)
    pipe = path != STDIO and _is_pipe(path)  # read like stdin: `extract <(zcat a.txt.gz)`
    if path != STDIO and not pipe:
        regular_file(path, "text, Markdown or HTML file")  # a device would never end
    refuse_input_as_output(output, path)
    # a result file of one document is replaced (the last extract's); a bulk output is not
    results = chosen_format in ("json", "jsonl")
    target = output_target(output, f"{chosen_format} file", allows="one" if results else "none")
    if target is None and chosen_format == "jsonl":
        check_stdout_append()  # `>> out.jsonl` onto a cut-off last line: refused now
    source = "stdin" if path == STDIO else shown(path)

    def read() -> Document:
        if path == STDIO:
            document = _stream_document(read_stdin(), "stdin")
        elif pipe:
            document = _stream_document(_read_pipe(path), path)
        else:
            document = read_file(path)
            # keyed as bulk keys a file, by its real path, however it is spelt: the records'
            # doc_id and ids then match the line's (and bulk's) in every spelling
            real = escape_surrogates(file_source(os.path.realpath(path)))
            document = dataclasses.replace(document, doc_id=real, source=real)
        if not document.text.strip():
            raise InputError("no text to extract from", source=source)
        return document

    def run(document: Document) -> ArticleExtraction:
        with Extractor(
            model, base_url=base_url, strategy=strategy, types=chosen_types,
            max_retries=max_retries, second_look=second_look, cache=cache or None,
        ) as extractor:  # fmt: skip
            check_server(extractor.spec.base_url)
            return extractor.extract(
                document,  # as read, never re-parsed: the line's text is what spans index
                published=day or document.published,
                doc_id=doc_id or document.doc_id,
            )

    document = guarded(source, read)
    if target is not None and results:  # now that the document's id is known, before any call
        _check_same_document(
            target, f"{chosen_format} file", _written_id(document, doc_id, chosen_format)
        )
    result = guarded(source, lambda: run(document))
    asked = tuple(chosen_types) if chosen_types else RECORD_TYPES  # as the line records them
    write_output(
        target,
        render(result, document, chosen_format, to_terminal=target is None, types=asked),
    )
    if not result.complete:  # written, but with a hole in it: said, and exit 1 as bulk does
        for call in result.metadata.failed_calls:
            typer.echo(f"extractor: {safe_text(source)}: {missing_warning(call)}", err=True)
        raise typer.Exit(1)


def render(
    result: ArticleExtraction,
    document: Document,
    output_format: str,
    *,
    to_terminal: bool,
    types: tuple[str, ...] = RECORD_TYPES,
) -> str:
    """The result in ``output_format`` (see the module doc); ``types`` are those asked."""
    if output_format == "json":
        pretty = not to_terminal or stdout_is_terminal()
        return dump_json(result.model_dump(mode="json"), pretty=pretty) + "\n"
    if output_format == "jsonl":
        return dump_json(bulk_line(result, document, types), pretty=False) + "\n"
    if output_format == "csv":
        from extractor.export.flatten import flatten_csv

        line = dump_json(bulk_line(result, document, types), pretty=False).encode("utf-8") + b"\n"
        table = io.StringIO(newline="")
        flatten_csv(io.BytesIO(line), table, "events")
        return table.getvalue()
    if output_format == "html":
        from extractor.export.viewer import extraction_html

        return extraction_html(
            result, document.text, title=document.title, source=document.source,
            url=document.url,
        )  # fmt: skip
    from extractor.cli.tables import render_tables

    return render_tables(result, color=to_terminal and stdout_is_terminal())


def bulk_line(
    result: ArticleExtraction, document: Document, types: tuple[str, ...] = RECORD_TYPES
) -> dict[str, Any]:
    """The extraction as the one line ``extractor bulk`` would write for this document,
    ``types`` the types asked (a resumed bulk run asks again for the others)."""
    from extractor.bulk.batch import BatchResult
    from extractor.bulk.runner import RunInfo, result_line

    meta = result.metadata
    own = list(document.warnings)  # extract() put them first in the result's; the line has
    if own and meta.warnings[: len(own)] == own:  # them once, as bulk's line does
        meta = meta.model_copy(update={"warnings": meta.warnings[len(own) :]})
        result = result.model_copy(update={"metadata": meta})
    info = RunInfo(model=meta.model, prompt_version=meta.prompt_version,
                   schema_version=meta.schema_version, strategy=meta.strategy,
                   types=tuple(types))  # fmt: skip
    doc_id, source = _line_identity(result.doc_id or document.doc_id, document)
    batch = BatchResult(
        doc_id=doc_id, index=0, extraction=result,
        document=document, source=source, seconds=meta.seconds,
    )  # fmt: skip
    return result_line(batch, info)


def _line_identity(doc_id: str, document: Document) -> tuple[str, str | None]:
    """The ``doc_id`` and ``source`` of the line bulk writes for ``document`` extracted as
    ``doc_id`` (:func:`bulk_line`; and what :func:`_written_id` expects it to hold)."""
    # the source a bulk run gives this file (its real path), so a bulk run resuming a file
    # this line was appended to matches it, whatever the path's spelling here
    source = document.source
    if source is not None and source != "stdin" and os.path.isfile(source):  # not a pipe
        source = os.path.realpath(source)
    if doc_id == document.doc_id == document.source:  # no --doc-id: a label from the path
        doc_id = source or doc_id
    return doc_id, source


def _written_id(document: Document, given: str | None, output_format: str) -> str:
    """The doc_id the ``json`` or ``jsonl`` result of ``document`` will hold (``given``:
    ``--doc-id``), known before the model is called: the id the engine gives the result
    (:func:`~extractor.io.documents.with_visible_id` of it), and for a line, bulk's."""
    chosen = given or document.doc_id
    visible = with_visible_id(dataclasses.replace(document, doc_id=chosen)).doc_id
    return _line_identity(visible, document)[0] if output_format == "jsonl" else visible


def _check_same_document(target: Path, what: str, doc_id: str) -> None:
    """Refuse (one line, exit 2) to replace ``target`` when it holds a result of another
    document than ``doc_id``, the one about to be written there.

    Why: ``-o`` replaces a file whole, and a file of one line may be a bulk output (or
    ``extract -f jsonl`` of another article) that is not this extract's to destroy; a
    rerun on the same document, or extract's JSON of one document (a result file, which
    the last extract replaces) are replaced (:func:`check_replaceable` with ``document``).
    The id is known only once the input is read (a piped text is keyed by its hash), so
    :func:`output_target`'s earlier check could not tell."""
    try:
        check_replaceable(target, what, allows="one", document=doc_id)
    except OutputError as error:
        fail_usage(str(error))
