"""Secrets that reached the output by two doors the redactor did not watch.

* **A WARC page's login.** A crawl of an intranet or a logged-in export records
  ``WARC-Target-URI: http://alice:pw@wiki/page``. The URI is the page's id and
  source, which every output line, table and page carries: the id and source are
  made from the URI without its userinfo (:func:`extractor.redact.without_userinfo`),
  and two captures that differ only by their login are captures of one URI, told
  apart (or found equal) as re-crawls are. Checked with generated logins in generated
  WARC files, through the readers and through ``extractor bulk`` against the fake
  OpenAI server.
* **A key echoed escaped.** A key may hold ``& < > " ' % + / =``; what echoes it (a
  proxy's HTML error page, a JSON body, a URL, a Basic header) escapes it first.
  Every such form of a registered key is removed, and text holding none of them is
  left as it was. Checked with generated keys, each form inside generated text.
"""

from __future__ import annotations

import base64
import html
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.cli import app
from extractor.io import InputFailure, iter_inputs
from extractor.pipeline.document import Document
from extractor.redact import MARK, Redactor, fragment_length, redact
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.test_archive_identity import page

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()

HYPOTHESIS = settings(
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# ------------------------------------------------------------- WARC logins

#: What RFC 3986 lets a user name or password hold unencoded (unreserved, sub-delims, and
#: ":" in a password), and a few characters that must be percent-encoded there.
USERINFO_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;="
ENCODED_CHARS = '@:/?#% <>"[]'
PLACES = [("intranet.example", "/page1"), ("wiki.example", "/p2"), ("git.example", "/r?x=1")]
SCHEMES = ["http", "https", "HTTP", "Https"]
DATES = ["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"]


@st.composite
def secrets(draw: st.DrawFn, tag: str) -> str:
    """A user name or password: distinctive (it is looked for in every output byte)."""
    core = draw(st.text(alphabet=USERINFO_CHARS, min_size=0, max_size=10))
    return f"{tag}{core}Zq{draw(st.integers(10, 99))}"


@st.composite
def logins(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A userinfo as a WARC may spell it (with its "@"), and the secrets in it."""
    user, password = draw(secrets("Us")), draw(secrets("Pw"))
    raw_extra = draw(st.text(alphabet=ENCODED_CHARS, max_size=3))
    encoded = quote(password + raw_extra, safe="")  # a password holding "@", "/", ...
    spelling = draw(st.sampled_from(["pair", "user", "password", "encoded", "colon-in"]))
    if spelling == "pair":
        return f"{user}:{password}@", [user, password]
    if spelling == "user":  # a token as the user name: https://<token>@host
        return f"{user}@", [user]
    if spelling == "password":
        return f":{password}@", [password]
    if spelling == "encoded":
        return f"{user}:{encoded}@", [user, password, encoded]
    return f"{user}:{password}:{password}@", [user, password]


@dataclass(frozen=True)
class Capture:
    """A WARC record to write: its Target-URI, that URI without its login, its WARC-Date,
    its text (``kano(number)``), and the user names and passwords its URI holds."""

    uri: str
    clean: str
    date: str
    number: int
    secrets: tuple[str, ...] = ()


@st.composite
def captures(draw: st.DrawFn) -> Capture:
    scheme = draw(st.sampled_from(SCHEMES))
    host, path = draw(st.sampled_from(PLACES))
    login, found = draw(st.one_of(st.just(("", [])), logins()))
    date, number = draw(st.sampled_from(DATES)), draw(st.integers(1, 3))
    clean = f"{scheme.lower()}://{host}{path}"
    return Capture(f"{scheme}://{login}{host}{path}", clean, date, number, tuple(found))


def write_warc(path: Path, records: list[Capture], gz: bool) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for record in records:
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    record.uri,
                    "response",
                    payload=io.BytesIO(page(kano(record.number))),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": record.date},
                )
            )


def assert_no_secret(text: str, found: set[str], where: str) -> None:
    for secret in found:
        assert secret not in text, f"{secret!r} in {where}: {text[:400]!r}"


captures_lists = st.lists(captures(), min_size=1, max_size=6)


@settings(HYPOTHESIS, max_examples=60)
@given(records=captures_lists, gz=st.booleans())
def test_a_warc_pages_id_and_source_never_hold_its_login(records: list[Capture], gz: bool) -> None:
    """Every capture is one unit; its id, source, url and messages hold no user name or
    password; its id is its URI without the login (the first capture of a URI) or a
    re-crawl's form of it; a record equal but for its login is the same capture again."""
    found = {secret for record in records for secret in record.secrets}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("crawl.warc.gz" if gz else "crawl.warc")
        write_warc(path, records, gz)
        items = list(iter_inputs([str(path)]))
    assert len(items) == len(records), [item.doc_id for item in items]
    seen: set[tuple[str, str, int]] = set()
    for item, record in zip(items, records, strict=True):
        clean, date, number = record.clean, record.date, record.number
        shown = json.dumps([item.doc_id, item.source, getattr(item, "url", None)])
        assert_no_secret(shown, found, "an id, source or url")
        if isinstance(item, InputFailure):
            assert_no_secret(item.error, found, "a message")
            assert (clean, date, number) in seen and item.repeat and item.skipped, item
            continue
        assert isinstance(item, Document), item
        assert (clean, date, number) not in seen
        seen.add((clean, date, number))
        assert item.url == clean and kano(number) in item.text
        assert item.doc_id == clean or item.doc_id.startswith(f"{clean}#capture=")
    documents = [item.doc_id for item in items if isinstance(item, Document)]
    assert len(documents) == len(set(documents))


def bulk(server: FakeOpenAI, *args: str) -> Any:
    model = ["--model", "openai/fake-model", "--base-url", server.base_url]
    options = ["--strategy", "single", "--progress", "log"]
    env = {"OPENAI_API_KEY": "sk-test-round37-fake"}
    return runner.invoke(app, ["bulk", *args, *model, *options], env=env)


@settings(HYPOTHESIS, max_examples=8)
@given(records=captures_lists, gz=st.booleans())
def test_bulk_writes_no_login_and_one_line_per_capture(
    fake: FakeOpenAI, records: list[Capture], gz: bool
) -> None:
    found = {secret for record in records for secret in record.secrets}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("crawl.warc.gz" if gz else "crawl.warc")
        write_warc(path, records, gz)
        out = Path(tmp) / "out.jsonl"
        result = bulk(fake, str(path), "-o", str(out))
        assert result.exit_code == 0, result.output
        raw = out.read_text(encoding="utf-8")
        assert_no_secret(raw, found, "the output")
        assert_no_secret(result.output, found, "the CLI's messages")
        lines = [json.loads(line) for line in raw.splitlines()]
        distinct = {(record.clean, record.date, record.number) for record in records}
        assert len(lines) == len(distinct)  # each capture one line, a repeat none
        assert len({line["doc_id"] for line in lines}) == len(lines)
        for line in lines:
            assert line["status"] == "ok", line
            assert line["doc_id"].startswith(line["url"]) and "@" not in line["url"]
            assert {r["doc_id"] for r in line["records"]} <= {line["doc_id"]}


def test_the_reported_crawl_keeps_no_login_in_lines_tables_or_page(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    """The reproducer's WARC: ``alice:Hunter2pw@``, ``bob:Tok3nXYZ@``, ``tokenonlyABCDEF@``;
    none in the output lines, in any of ``flatten``'s tables, or in ``view``'s page."""
    uris = [
        "http://alice:Hunter2pw@intranet.example/page1",
        "https://bob:Tok3nXYZ@wiki.example/p2",
        "http://tokenonlyABCDEF@git.example/r",
    ]
    path = tmp_path / "creds.warc"
    write_warc(path, [Capture(uri, "", DATES[0], n) for n, uri in enumerate(uris, 1)], gz=False)
    out = tmp_path / "out.jsonl"
    assert bulk(fake, str(path), "-o", str(out)).exit_code == 0
    tables, view = tmp_path / "tables", tmp_path / "page.html"
    assert runner.invoke(app, ["flatten", str(out), "-o", str(tables)]).exit_code == 0
    assert runner.invoke(app, ["view", str(out), "-o", str(view)]).exit_code == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(line["doc_id"] for line in lines) == [  # lines come as documents finish
        "http://git.example/r",
        "http://intranet.example/page1",
        "https://wiki.example/p2",
    ]
    assert [line["source"] for line in lines] == [f"{path}!{line['doc_id']}" for line in lines]
    written = [out, view, *sorted(tables.iterdir())]
    assert len(written) > 3
    for file in written:
        data = file.read_bytes()
        for secret in (b"Hunter2pw", b"Tok3nXYZ", b"tokenonlyABCDEF", b"alice", b"bob:"):
            assert secret not in data, (file.name, secret)


def test_a_uri_without_login_keeps_its_id_as_written(tmp_path: Path) -> None:
    """Only a URI holding userinfo changes: earlier outputs of ordinary crawls resume."""
    uris = ["https://e.org/a", "https://e.org/a%40b", "https://e.org/p?mail=a@b.org",
            "https://e.org/x@y", "https://e.org:8443/a@b"]  # fmt: skip
    path = tmp_path / "plain.warc"
    write_warc(path, [Capture(uri, "", DATES[0], n) for n, uri in enumerate(uris, 1)], gz=False)
    assert [item.doc_id for item in iter_inputs([str(path)])] == uris


# ---------------------------------------------------------- escaped echoes

#: What a header value holds: printable ASCII, the characters escapers change included.
SPECIALS = "&<>\"'%+/=\\"
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
PRINTABLE = "".join(chr(c) for c in range(0x21, 0x7F))

keys = (
    st.lists(
        st.one_of(
            st.sampled_from(SPECIALS),
            st.text(ALNUM, min_size=1, max_size=4),
            st.text(PRINTABLE, min_size=1, max_size=3),
        ),
        min_size=3,
        max_size=14,
    )
    .map("".join)
    .filter(lambda key: len(key) >= 8)
)
#: Words around an echo, short enough (< 8 characters, no blank) never to hold a form.
FILLER = ["401", "error:", "bad", "key", "the", "<p>", "</b>", "&amp;", "%25", "\\u0026",
          "&#38;", '"', "'", "=", "+", "/", "{", "}", "Unauth"]  # fmt: skip
fillers = st.lists(st.sampled_from(FILLER), max_size=4).map(" ".join)


#: User names, none of them a filler word (a user name of 6 characters is searched for).
users = st.text(ALNUM, min_size=1, max_size=8).filter(
    lambda user: all(user.lower() not in word.lower() for word in FILLER)
)


def go_json(text: str) -> str:
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def numeric(text: str, spell: str) -> str:
    return "".join(spell.format(ord(c)) if c in "&<>\"'" else c for c in text)


def echoes(key: str) -> dict[str, str]:
    """The forms a server may echo ``key`` in, written here without the redactor's help."""
    inner = json.dumps(key)[1:-1]
    once = quote(key, safe="")
    return {
        "raw": key,
        "html.escape": html.escape(key),
        "html.escape(quote=False)": html.escape(key, quote=False),
        "decimal entities": numeric(key, "&#{};"),
        "hex entities": numeric(key, "&#x{:x};"),
        "HEX entities": numeric(key, "&#X{:X};"),
        "Go html.EscapeString": html.escape(key, quote=False)
        .replace('"', "&#34;")
        .replace("'", "&#39;"),
        "PHP htmlspecialchars": html.escape(key, quote=False)
        .replace('"', "&quot;")
        .replace("'", "&#039;"),
        "json.dumps": inner,
        "json.dumps(ensure_ascii=False)": json.dumps(key, ensure_ascii=False)[1:-1],
        "Go json": go_json(inner),
        "Go-style escapes": go_json(key),
        "PHP json_encode": inner.replace("/", "\\/"),
        "JSON in an HTML page": html.escape(inner),
        "percent once": once,
        "percent once, quote()": quote(key),
        "percent twice": quote(once, safe=""),
        "base64": base64.b64encode(key.encode()).decode(),
        "base64 urlsafe": base64.urlsafe_b64encode(key.encode()).decode(),
        "base64 unpadded": base64.b64encode(key.encode()).decode().rstrip("="),
        "upper case": key.upper(),
    }


def check_removed(redactor: Redactor, form: str, prefix: str, suffix: str) -> None:
    out = redactor.redact(f"{prefix} {form} {suffix}")
    assert form not in out, out
    assert out == Redactor(use_settings=False).redact(f"{prefix} {MARK} {suffix}"), (form, out)


@settings(HYPOTHESIS, max_examples=150)
@given(key=keys, prefix=fillers, suffix=fillers)
def test_every_echoed_form_of_a_key_is_removed(key: str, prefix: str, suffix: str) -> None:
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    for name, form in echoes(key).items():
        assert len(form) >= 8, name
        check_removed(redactor, form, prefix, suffix)


@settings(HYPOTHESIS, max_examples=60)
@given(user=users, password=keys, prefix=fillers)
def test_user_and_password_sent_as_basic_auth_are_removed(
    user: str, password: str, prefix: str
) -> None:
    """A base URL's ``user:password`` (registered from the URL, its password encoded there)
    echoed as the Basic credential a client sends, standard or URL-safe base64."""
    redactor = Redactor(use_settings=False)
    redactor.register_url(f"https://{user}:{quote(password, safe='')}@llm.example/v1")
    pair = f"{user}:{password}".encode()
    for coded in (base64.b64encode(pair), base64.urlsafe_b64encode(pair)):
        check_removed(redactor, coded.decode(), prefix, "")
    for form in echoes(password).values():
        check_removed(redactor, form, prefix, "end")


@settings(HYPOTHESIS, max_examples=150)
@given(
    key=keys,
    pieces=st.lists(
        st.one_of(
            st.sampled_from(FILLER),
            st.tuples(st.sampled_from(sorted(echoes("x" * 8))), st.integers(1, 60)),
            st.tuples(st.sampled_from(sorted(echoes("x" * 8))), st.integers(0, 60), st.text(
                PRINTABLE, min_size=1, max_size=1)),
        ),
        max_size=8,
    ),
)  # fmt: skip
def test_text_without_the_key_is_unchanged(key: str, pieces: list[Any]) -> None:
    """Near misses (a form cut short, a form with one character changed) and escapes that
    are not the key's leave the text as a redactor without the key leaves it."""
    forms = echoes(key)
    words = []
    for piece in pieces:
        if isinstance(piece, str):
            words.append(piece)
        elif len(piece) == 2:  # a form cut short
            form = forms[piece[0]]
            words.append(form[: min(piece[1], len(form) - 1)])
        else:  # a form with one character changed
            form, at, char = forms[piece[0]], piece[1], piece[2]
            at = min(at, len(form) - 1)
            words.append(form[:at] + char + form[at + 1 :])
    text = " ".join(words)
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    assume(not any(form.lower() in text.lower() for form in redactor.secrets()))
    # a run of fragment_length characters of the key is a secret too (round 43)
    size = fragment_length(key)
    assume(all(key[at : at + size].lower() not in text.lower() for at in range(len(key))))
    assert redactor.redact(text) == Redactor(use_settings=False).redact(text)


def test_the_reported_key_is_removed_in_every_escaped_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reproducer: a key of the environment echoed by a proxy's page or a Go server."""
    key = "vllm&Key<2024>\"prod'"
    monkeypatch.setenv("EXTRACTOR_API_KEY", key)
    for name, form in echoes(key).items():
        out = redact(f"401 Unauthorized: bad key {form}")
        assert out == f"401 Unauthorized: bad key {MARK}", (name, out)


def test_a_secret_holding_another_goes_whole() -> None:
    """Where forms of two secrets start at one place, the longer is removed, not a part."""
    redactor = Redactor(use_settings=False)
    for secret in ("Abcdef&1", "abcdef&1<tail>", "abcdef&1<tail>&more"):
        redactor.register_secret(secret)
    for text in ("abcdef&amp;1&lt;tail&gt;&amp;more", "ABCDEF%261%3Ctail%3E", "abcdef&1 x"):
        assert redactor.redact(f"k {text} .") in (f"k {MARK} .", f"k {MARK} x ."), text
