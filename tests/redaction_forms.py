"""The forms a known key takes in a server's echo, and how a reader gets it back.

Shared by the redaction tests (``test_round38_redact``, ``test_round39_redact``,
``test_round40_redact``): generated keys and the blobs holding them, base64 and hex
readers that decode a text from every alignment, wrapped base64 with its breaks, the
hang guard, and the two checks those tests make the same way (a wrapped key is cut; the
CLI's error line against an echoing server holds no decodable key).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.redact import MARK, MIN_SECRET_LENGTH, Redactor, fragment_length
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import FakeOpenAI, Replier, static

#: Seconds past which the work hangs (it takes well under one; a quadratic pass over
#: 200,000 characters takes minutes): a guard against a hang, not a speed claim.
HANG = 60

HYPOTHESIS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PRINTABLE = "".join(chr(c) for c in range(0x21, 0x7F))
#: Keys as a header carries them: printable ASCII, of any length the redactor searches for.
keys = st.text(PRINTABLE, min_size=MIN_SECRET_LENGTH, max_size=80)
users = st.text("abcdefghijklmnopqrstuvwxyz0123456789", max_size=12)


@st.composite
def blobs(draw: st.DrawFn, key: str) -> tuple[bytes, bytes]:
    """Bytes holding ``key`` once, at a generated offset, and the key as they hold it:
    among random bytes, in a JSON dump of request headers (``Bearer <key>``, padded by a
    generated field; the key JSON-escaped there), or as the ``user:key`` of a Basic
    credential."""
    shape = draw(st.sampled_from(["bytes", "json", "basic"]))
    if shape == "bytes":
        before, after = draw(st.binary(max_size=40)), draw(st.binary(max_size=40))
        return before + key.encode() + after, key.encode()
    if shape == "json":
        pad = draw(st.text(max_size=20))
        blob = {"pad": pad, "headers": {"authorization": f"Bearer {key}"}, "n": len(pad)}
        ascii_only = draw(st.booleans())
        needle = json.dumps(key, ensure_ascii=ascii_only)[1:-1].encode()
        return json.dumps(blob, ensure_ascii=ascii_only).encode(), needle
    return f"{draw(users)}:{key}".encode(), key.encode()


Readings = Callable[[str], list[bytes]]


def base64_readings(alphabet: str, altchars: bytes) -> Readings:
    """Every run of base64 characters in a text, decoded from each of its 4 alignments:
    whatever a reader could decode from the text, the redaction mark (no base64) aside."""

    def read(text: str) -> list[bytes]:
        found = []
        for run in re.findall(f"[{alphabet}]+", text):
            for at in range(4):
                chunk = run[at:]
                chunk = chunk[:-1] if len(chunk) % 4 == 1 else chunk + "=" * (-len(chunk) % 4)
                found.append(base64.b64decode(chunk, altchars=altchars))
        return found

    return read


B64 = "A-Za-z0-9+/"
B64URL = "A-Za-z0-9_-"

# ------------------------------------------------------------------ wrapped base64

#: How a writer or an excerpt breaks a wrapped base64 run.
BREAKS = ["\n", "\r\n", "\r", " ", "\t", "\\n", "\\r\\n"]
#: Each base64 alphabet: how a server encodes a blob, how a reader decodes a joined text.
ALPHABETS = {
    "base64": (base64.b64encode, base64_readings(B64, b"+/")),
    "base64url": (base64.urlsafe_b64encode, base64_readings(B64URL, b"-_")),
}


def wrapped(coded: str, width: int, brk: str) -> str:
    return brk.join(coded[at : at + width] for at in range(0, len(coded), width))


def assert_wrapped_key_cut(
    key: str,
    blob: tuple[bytes, bytes],
    alphabet: str,
    width: int,
    brk: str,
    padded: bool,
    unbreak: re.Pattern[str],
) -> None:
    """``blob`` (holding ``key`` as its needle) in ``alphabet``, wrapped at ``width`` with
    ``brk``: the echo holds the needle for a reader that drops what ``unbreak`` matches and
    decodes from every alignment; once redacted, no reading holds it and the mark is in."""
    data, needle = blob
    coded = ALPHABETS[alphabet][0](data).decode()
    coded = coded if padded else coded.rstrip("=")
    text = f"400 bad request; we saw (base64):{brk}{wrapped(coded, width, brk)}{brk}(end)"
    read = ALPHABETS[alphabet][1]
    assert any(needle in reading for reading in read(unbreak.sub("", text)))  # the echo holds it
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    out = redactor.redact(text)
    leaked = [reading for reading in read(unbreak.sub("", out)) if needle in reading]
    assert not leaked, (width, brk, out)
    assert MARK in out


# ------------------------------------------------------------------ the CLI against an echo


def assert_echo_reaches_no_error_line(
    replier: Replier, key: str, tmp_path: Path, readings: Readings
) -> None:
    """``extractor extract`` against a server answering by ``replier`` (an echo of the
    request's Authorization header), the key in the environment: it fails, and neither
    output holds the key, plain or in any of ``readings``; the error holds the mark."""
    (tmp_path / "a.txt").write_text(kano(3))
    with FakeOpenAI(static(EMPTY), replier=replier) as server:
        result = CliRunner().invoke(
            app,
            ["extract", str(tmp_path / "a.txt"), "--model", "openai/fake-model",
             "--base-url", server.base_url, "--max-retries", "0"],
            env={"OPENAI_API_KEY": key, "EXTRACTOR_API_KEY": None},
        )  # fmt: skip
        assert server.log and key in server.log[0].headers["authorization"]
    assert result.exit_code != 0
    for text in (result.stdout, result.stderr):
        assert key not in text
        assert not any(key.encode() in reading for reading in readings(text)), text
    assert MARK in result.stderr


# ------------------------------------------------------------------ escaped base64

#: How a server escapes one character of what it echoes, once (round 41): percent (either
#: case of hex), HTML decimal and hex references, JSON's ``\uNNNN`` and ``\xNN``.
CHAR_ESCAPES: dict[str, Callable[[str], str]] = {
    "percent": lambda c: f"%{ord(c):02X}",
    "percent-lower": lambda c: f"%{ord(c):02x}",
    "decimal": lambda c: f"&#{ord(c)};",
    "hex": lambda c: f"&#x{ord(c):X};",
    "hex-lower": lambda c: f"&#x{ord(c):x};",
    "json": lambda c: f"\\u{ord(c):04x}",
    "x": lambda c: f"\\x{ord(c):02x}",
}
#: Escapes for one character only: HTML's named references and PHP's ``\/``.
NAMED_ESCAPES = {"+": ["&plus;"], "/": ["&sol;", "\\/"], "=": ["&equals;"]}
#: Breaks of wrapped base64, escaped once.
ESCAPED_BREAKS = ["%0A", "%0D%0A", "%0a", "&#10;", "&#13;&#10;", "&#xA;", "\\u000a", "\n"]

_ONE_ESCAPE = re.compile(
    r"%[0-9A-Fa-f]{2}|&#[0-9]+;|&#[xX][0-9A-Fa-f]+;|&[A-Za-z]+;|\\u[0-9A-Fa-f]{4}"
    r"|\\x[0-9A-Fa-f]{2}|\\/"
)


def unescape_once(text: str) -> str:
    """``text`` with each escape :data:`CHAR_ESCAPES` and :data:`NAMED_ESCAPES` write read
    back once (as a browser, a URL or a JSON decoder reads it), then whitespace dropped:
    what a reader decodes base64 from."""
    import html
    from urllib.parse import unquote

    def one(match: re.Match[str]) -> str:
        piece = match.group()
        if piece[0] == "%":
            return unquote(piece)
        if piece[0] == "&":
            return html.unescape(piece)
        return "/" if piece == "\\/" else chr(int(piece[2:], 16))

    return re.sub(r"\s", "", _ONE_ESCAPE.sub(one, text))


def key_redactor(key: str) -> Redactor:
    """A redactor knowing ``key`` alone (not the environment's keys)."""
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    return redactor


def key_fragments(key: str) -> list[str]:
    """Every run of ``key`` as long as the shortest fragment redacted, lower-cased (compare
    with a lower-cased text): none may survive redaction."""
    size = fragment_length(key)
    return [key[at : at + size].lower() for at in range(len(key) - size + 1)]
