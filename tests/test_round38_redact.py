"""A known key echoed inside an encoded blob never survives redaction in a recoverable form.

A server that base64-encodes a JSON blob of its request's headers puts the key at any
byte offset of the blob, so the key's base64 depends on that offset modulo 3; one that
hex-encodes ``Bearer <key>``, or escapes every character (``&#NN;``, ``&#xNN;``,
``\\u00NN``, ``\\xNN``, ``%NN``), writes the key in no form the redactor knew. The
invariant, checked with generated keys embedded at generated offsets in generated
bytes and JSON, then encoded each way: decoding the redacted text the same way never
gives the key back. Keys too short to search (:data:`extractor.redact.MIN_SECRET_LENGTH`)
are searched in no form, and ordinary text is left as it was.
"""

from __future__ import annotations

import base64
import html
import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.redact import MARK, MIN_SECRET_LENGTH, Redactor, _longest_first, _variants
from tests.fakes.openai_server import LOOPBACK_ONLY, Reply, RequestRecord
from tests.redaction_forms import (
    B64,
    B64URL,
    HANG,
    HYPOTHESIS,
    PRINTABLE,
    Readings,
    assert_echo_reaches_no_error_line,
    base64_readings,
    blobs,
    keys,
    users,
)

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
ROOT = Path(__file__).resolve().parent.parent


def hex_readings(text: str) -> list[bytes]:
    found = []
    for run in re.findall("[0-9A-Fa-f]+", text):
        for at in range(2):
            chunk = run[at:][: (len(run) - at) // 2 * 2]
            found.append(bytes.fromhex(chunk))
    return found


def escape_readings(pattern: str, base: int) -> Readings:
    """The text with each escape (``\\u0061``, ``&#97;``) replaced by its character."""

    def read(text: str) -> list[bytes]:
        decoded = re.sub(pattern, lambda m: chr(int(m.group(1), base)), text)
        return [decoded.encode("utf-8", "surrogatepass")]

    return read


def per_byte(spell: str) -> Callable[[bytes], str]:
    return lambda blob: "".join(spell.format(byte) for byte in blob)


#: Each encoding a server may echo a blob in, and how a reader decodes the redacted text.
ENCODINGS: dict[str, tuple[Callable[[bytes], str], Readings]] = {
    "base64": (lambda b: base64.b64encode(b).decode(), base64_readings(B64, b"+/")),
    "base64 unpadded": (
        lambda b: base64.b64encode(b).decode().rstrip("="),
        base64_readings(B64, b"+/"),
    ),
    "base64url": (lambda b: base64.urlsafe_b64encode(b).decode(), base64_readings(B64URL, b"-_")),
    "hex": (lambda b: b.hex(), hex_readings),
    "HEX": (lambda b: b.hex().upper(), hex_readings),
    "&#NN; per char": (
        per_byte("&#{};"),
        lambda t: [html.unescape(t).encode("latin-1", "replace")],
    ),
    "&#xNN; per char": (
        per_byte("&#x{:x};"),
        lambda t: [html.unescape(t).encode("latin-1", "replace")],
    ),
    "&#XNN; per char": (
        per_byte("&#X{:X};"),
        lambda t: [html.unescape(t).encode("latin-1", "replace")],
    ),
    "\\u00NN per char": (per_byte("\\u{:04x}"), escape_readings(r"\\u([0-9A-Fa-f]{4})", 16)),
    "\\u00NN per char, upper": (
        per_byte("\\u{:04X}"),
        escape_readings(r"\\u([0-9A-Fa-f]{4})", 16),
    ),
    "\\xNN per byte": (per_byte("\\x{:02x}"), escape_readings(r"\\x([0-9A-Fa-f]{2})", 16)),
    "%NN per byte": (per_byte("%{:02X}"), lambda t: [unquote_to_bytes(t)]),
    "%25NN per byte": (per_byte("%25{:02X}"), lambda t: [unquote_to_bytes(unquote_to_bytes(t))]),
}


@pytest.fixture(scope="module")
def redactors() -> Iterator[dict[str, Redactor]]:
    """One redactor per key (building the pattern is the slow part): keys repeat."""
    yield {}


def redactor_for(cache: dict[str, Redactor], key: str) -> Redactor:
    if key not in cache:
        cache[key] = Redactor(use_settings=False)
        cache[key].register_secret(key)
    return cache[key]


@settings(HYPOTHESIS, max_examples=200)
@given(data=st.data(), key=keys, encoding=st.sampled_from(sorted(ENCODINGS)))
def test_a_key_anywhere_in_an_encoded_blob_is_never_recoverable(
    data: st.DataObject, key: str, encoding: str, redactors: dict[str, Redactor]
) -> None:
    blob, needle = data.draw(blobs(key))
    encode, readings = ENCODINGS[encoding]
    text = f"400 bad request; debug={encode(blob)} (see logs)"
    assert any(needle in reading for reading in readings(text))  # the echo holds it
    out = redactor_for(redactors, key).redact(text)
    leaked = [reading for reading in readings(out) if needle in reading]
    assert not leaked, (encoding, out)


@settings(HYPOTHESIS, max_examples=60)
@given(key=keys, shift=st.integers(0, 2), user=users)
def test_every_offset_of_the_key_in_base64_is_cut(key: str, shift: int, user: str) -> None:
    """Each of the three byte offsets, each alphabet, padded or not, and Basic auth's
    ``user:key`` and ``:key``: the key's bytes are gone from every decoding."""
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    for blob in (b"x" * shift + key.encode(), f"{user}:{key}".encode()):
        for name in ("base64", "base64 unpadded", "base64url"):
            encode, readings = ENCODINGS[name]
            out = redactor.redact(f"Authorization: Basic {encode(blob)}.")
            assert not any(key.encode() in reading for reading in readings(out)), (name, out)
            out = redactor.redact(f"debug={encode(blob)}")
            assert MARK in out and not any(key.encode() in r for r in readings(out)), (name, out)


@settings(HYPOTHESIS, max_examples=60)
@given(
    key=st.text(PRINTABLE, min_size=1, max_size=MIN_SECRET_LENGTH - 1),
    encoding=st.sampled_from(sorted(ENCODINGS)),
)
def test_a_key_too_short_to_search_is_searched_in_no_form(key: str, encoding: str) -> None:
    """A short key would match ordinary words: none of its forms is searched for, so text
    holding them is left as a redactor without the key leaves it."""
    assert _variants(key) == frozenset()
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    assert redactor.secrets() == frozenset()
    text = f"value {ENCODINGS[encoding][0](key.encode())} here"
    assert redactor.redact(text) == Redactor(use_settings=False).redact(text)


ORDINARY = [
    (ROOT / "README.md").read_text(encoding="utf-8"),
    *(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]),
]


@settings(HYPOTHESIS, max_examples=40)
@given(key=keys)
def test_ordinary_text_is_left_as_it_was(key: str, redactors: dict[str, Redactor]) -> None:
    """The README and seed articles, with a generated key registered: a text that holds
    no form of the key is redacted exactly as without it (the new forms match no prose)."""
    redactor = redactor_for(redactors, key)
    for text in ORDINARY:
        assume(not any(form.lower() in text.lower() for form in redactor.secrets()))
        assert redactor.redact(text) == Redactor(use_settings=False).redact(text)


def test_the_forms_of_a_long_key_are_few_and_quick_to_build() -> None:
    """A 200-character key (a long JWT-like token) gives a small set of forms, each linear in
    the key, and one pattern built without hanging."""
    key = ("eyJhbGciOi&<>\"'%+/=\\" * 10)[:200]
    started = time.perf_counter()
    forms = _variants.__wrapped__(key)
    pattern = _longest_first(forms)
    elapsed = time.perf_counter() - started
    assert len(forms) < 200
    assert max(map(len, forms)) <= 9 * len(key)
    assert elapsed < HANG, elapsed
    text = "x" * 200_000
    started = time.perf_counter()
    assert pattern.sub(MARK, text) == text
    assert time.perf_counter() - started < HANG


# ------------------------------------------------------------------ the reproducer


class EncodedEcho:
    """A server echoing the Authorization header: base64 of a JSON dump of the request's
    headers (HTTP 400), or hex of the header (HTTP 401), as the tester's server did."""

    def __init__(self) -> None:
        self.mode = "b64echo"

    def __call__(self, record: RequestRecord) -> Reply:
        auth = record.headers.get("authorization", "")
        if self.mode == "b64echo":
            blob = base64.b64encode(json.dumps({"headers": {"authorization": auth}}).encode())
            return Reply(
                400, json.dumps({"error": {"message": f"bad request; debug={blob.decode()}"}})
            )
        return Reply(
            401, json.dumps({"error": {"message": f"invalid key hex={auth.encode().hex()}"}})
        )


@pytest.mark.parametrize("mode", ["b64echo", "hexecho"])
@pytest.mark.parametrize("key", ["sk-test-SECRET123", "xsk-test-SECRET123", "xysk-test-SECRET123"])
def test_the_reported_echo_reaches_no_error_line(mode: str, key: str, tmp_path: Path) -> None:
    """``extractor extract`` against the tester's server, the key of the environment at
    each of the three offsets: the error line holds the mark and no decodable key."""
    echo = EncodedEcho()
    echo.mode = mode
    readings = ENCODINGS["base64" if mode == "b64echo" else "hex"][1]
    assert_echo_reaches_no_error_line(echo, key, tmp_path, readings)
