"""Secrets never leave the process, whatever echoes them.

API keys (from the environment or given in code) and URL passwords are
generated here, and a fake server echoes the request's Authorization header
and URL in its error bodies (401 JSON, 400 text, 502 and 200 HTML pages).
The invariant: neither the key nor the password (nor the Basic-auth form of
``user:password``) appears in stdout, stderr, an output line, the run
summary or a log record.
"""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ClientModelError, ConfigurationError, InputError
from extractor.pipeline import engine
from extractor.redact import MARK, Redactor, log_filter, redact, register_secret, register_url
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import ECHO_FAULTS, LOOPBACK_ONLY, FakeOpenAI, Fault, static

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()

# What real keys and passwords are made of: no spaces, anything else printable.
KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=!$%*:@&#"
keys = st.text(alphabet=KEY_CHARS, min_size=12, max_size=60).map(lambda k: "sk-" + k)
passwords = st.text(alphabet=KEY_CHARS, min_size=8, max_size=30)
users = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)


def secret_forms(key: str, user: str | None, password: str | None) -> list[str]:
    forms = [key]
    if user is not None and password is not None:
        forms += [password, base64.b64encode(f"{user}:{password}".encode()).decode()]
    return forms


def assert_clean(texts: list[str], secrets: list[str]) -> None:
    for text in texts:
        for secret in secrets:
            assert secret not in text, f"a secret leaked: {text[:500]!r}"


# ------------------------------------------------------------------ the redactor


@given(keys, users, passwords, st.text(max_size=100), st.text(max_size=100))
def test_a_known_secret_is_removed_in_every_form_it_is_echoed_in(
    key: str, user: str, password: str, before: str, after: str
) -> None:
    redactor = Redactor(use_settings=False)
    url = f"https://{user}:{quote(password, safe='')}@models.example/v1"
    redactor.register_secret(key)
    redactor.register_url(url)
    basic = base64.b64encode(f"{user}:{password}".encode()).decode()
    echoes = [
        key, password, url, f"Bearer {key}", f"Basic {basic}", json.dumps({"key": key}),
        json.dumps({"error": f"bad key {key}"}), quote(key, safe=""), quote(password, safe=""),
        f"{user}:{password}", repr(key),
    ]  # fmt: skip
    for echo in echoes:
        text = redactor.redact(before + echo + after)
        for secret in (key, password, basic):
            if secret not in before + after:  # generated text may contain it by chance
                assert secret not in text


@given(users, passwords, st.sampled_from(["http", "https", "socks5h"]), st.text(max_size=40))
def test_any_url_userinfo_is_removed_known_or_not(
    user: str, password: str, scheme: str, tail: str
) -> None:
    redactor = Redactor(use_settings=False)  # nothing registered
    url = f"{scheme}://{user}:{quote(password, safe='')}@host.example:8080/v1"
    text = redactor.redact(f"cannot reach {url} {tail}")
    assert f"{scheme}://{MARK}@host.example:8080/v1" in text
    assert quote(password, safe="") not in text.replace(tail, "")


@given(st.text(max_size=200))
def test_redacting_never_raises_and_text_without_secrets_is_kept(text: str) -> None:
    redactor = Redactor(use_settings=False)
    out = redactor.redact(text)
    assert isinstance(out, str)
    markers = ("://", "sk-", "earer", "asic", "EARER", "ASIC", "=", ":")
    if not any(marker in text for marker in markers):
        assert out == text


def test_keys_of_the_environment_are_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "anthropic-secret-value-123")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxyuser:proxy-pass-9876@proxy:3128")
    text = redact("key anthropic-secret-value-123 and proxy-pass-9876 seen")
    assert "anthropic-secret-value-123" not in text and "proxy-pass-9876" not in text


def test_every_error_message_is_redacted() -> None:
    register_secret("registered-secret-abc")
    for error in (
        InputError("oops registered-secret-abc", source="http://u:pw12345678@h/x"),
        ConfigurationError("at http://u:pw12345678@h/v1"),
        ClientModelError("echo registered-secret-abc", status_code=401),
    ):
        assert "registered-secret-abc" not in str(error) and "pw12345678" not in str(error)


def test_log_records_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    register_url("http://loguser:log-password-42@h/v1")
    logger = logging.getLogger("extractor.test_secrets")
    logger.addFilter(log_filter())
    with caplog.at_level(logging.INFO, logger="extractor"):
        logger.info("server said %s", "log-password-42 and http://loguser:log-password-42@h/v1")
    assert "log-password-42" not in caplog.text and MARK in caplog.text


# ------------------------------------------------------------------ end to end


@pytest.fixture(scope="module")
def echo_server() -> Any:
    """Echoes credentials on every request, in the shape picked by ``server.fault``."""
    with FakeOpenAI(static(EMPTY), fault_rate=1.0, fault_kinds=list(ECHO_FAULTS), seed=3) as s:
        yield s


def _run(args: list[str], env: dict[str, str]) -> Any:
    result = runner.invoke(app, args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(key=keys, user=users, password=passwords, userinfo=st.booleans())
def test_echoed_keys_and_passwords_reach_no_output(
    key: str,
    user: str,
    password: str,
    userinfo: bool,
    echo_server: FakeOpenAI,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(
        engine, "RetryPolicy", lambda: RetryPolicy(attempts=2, initial=0.01, maximum=0.02)
    )
    base_url = echo_server.base_url
    if userinfo:
        base_url = base_url.replace("http://", f"http://{user}:{quote(password, safe='')}@")
    secrets = secret_forms(key, user if userinfo else None, password if userinfo else None)
    env = {"EXTRACTOR_API_KEY": key, "OPENAI_API_KEY": key, "EXTRACTOR_BASE_URL": ""}
    folder = tmp_path_factory.mktemp("secrets")
    (folder / "in").mkdir()
    for n in range(4):
        (folder / "in" / f"d{n}.txt").write_text(kano(n + 2))
    before = len(echo_server.log)
    common = ["--model", "openai/fake-model", "--base-url", base_url, "--strategy", "single"]
    extracted = _run(["extract", str(folder / "in" / "d0.txt"), *common], env)
    out, summary = folder / "out.jsonl", folder / "summary.json"
    bulked = _run(
        ["bulk", str(folder / "in"), "-o", str(out), *common, "--progress", "log", "-j", "1",
         "--summary-json", str(summary)],
        env,
    )  # fmt: skip
    log = echo_server.log[before:]
    sent = " ".join(record.headers.get("authorization", "") for record in log)
    assert (key if not userinfo else secrets[2]) in sent  # the secret went out, and was echoed
    captured = capfd.readouterr()
    texts = [
        extracted.stdout, extracted.stderr, bulked.stdout, bulked.stderr,
        captured.out, captured.err,
    ]  # fmt: skip
    for path in (out, summary):
        if path.exists():
            texts.append(path.read_text(encoding="utf-8"))
    assert_clean(texts, secrets)
    assert extracted.exit_code in (1, 2) and bulked.exit_code in (1, 2)
    assert "Traceback" not in extracted.output + bulked.output


@pytest.mark.parametrize("fault", ECHO_FAULTS)
def test_each_echo_is_redacted_in_the_error_line(
    fault: Fault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        engine, "RetryPolicy", lambda: RetryPolicy(attempts=2, initial=0.01, maximum=0.02)
    )
    key = "sk-echo-" + "Q7r" * 10
    (tmp_path / "a.txt").write_text(kano(3))
    with FakeOpenAI(static(EMPTY), fault_rate=1.0, fault_kinds=[fault]) as server:
        result = _run(
            ["extract", str(tmp_path / "a.txt"), "--model", "openai/fake-model",
             "--base-url", server.base_url],
            {"EXTRACTOR_API_KEY": key},
        )  # fmt: skip
        assert key in server.log[0].headers["authorization"]
    [line] = result.stderr.strip().splitlines()
    assert key not in line and line.startswith("extractor: error:")
    assert MARK in line  # the echo was there, and was cut out
