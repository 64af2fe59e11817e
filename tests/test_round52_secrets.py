"""No secret leaves the process through a log record of a child logger or a late handler,
nor through a misspelt base or proxy URL (its error, the settings' repr, a log line).

Why: the redacting filter sat on the named loggers only, so a record of
``httpcore.connection`` (a child made later), or one reaching a handler a program adds
after import (``basicConfig``, the root's, :data:`logging.lastResort`), carried the key as
written; and a URL misspelt before its login (``http:/u:p@h``, ``http//u:p@h``,
``u:p@h:8080``) had its password read by no parser, so every message quoted it.
"""

from __future__ import annotations

import io
import logging
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractor.errors import ConfigurationError
from extractor.redact import (
    FILTERED_LOGGERS,
    MARK,
    install_log_filter,
    install_record_factory,
    redact,
    without_written_userinfo,
)
from extractor.runtime.providers import check_base_url
from extractor.runtime.urls import url_problem
from extractor.settings import Settings
from tests.logging_support import restored_logging

QUICK = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


_WORD = st.text(string.ascii_lowercase + "_", min_size=1, max_size=8)
_KEY = st.text(string.ascii_letters + string.digits + "-_", min_size=12, max_size=40).map(
    lambda body: f"k9{body}"
)
_PLAIN_PASSWORD = st.text(
    string.ascii_letters + string.digits + "!$%&()*+,;=-._~", min_size=4, max_size=20
)


def _logger_name(draw: st.DrawFn) -> str:
    top = draw(st.sampled_from(FILTERED_LOGGERS))
    children = draw(st.lists(_WORD, max_size=3))
    return ".".join([top, *[f"r52{child}" for child in children]])


@st.composite
def log_cases(draw: st.DrawFn) -> tuple[str, str, str, str, tuple[object, ...]]:
    name = _logger_name(draw)
    where = draw(st.sampled_from(["root", "basicConfig", "lastResort", "parent"]))
    key = draw(_KEY)
    password = draw(_PLAIN_PASSWORD.filter(lambda p: len(p) >= 8))
    message, args = draw(
        st.sampled_from(
            [
                ("sending %s", (f"Authorization: Bearer {key}",)),
                ("headers=%r", ({"authorization": f"Bearer {key}"},)),
                ("key %s", (key,)),
                ("connect_tcp.started proxy=%s", (f"http://alice:{password}@proxy:3128",)),
                (f"x-api-key {key}", ()),
            ]
        )
    )
    assume(key not in name and password not in name)  # the logger's name is no secret
    return name, where, key, password, (message, args)  # type: ignore[return-value]


@QUICK
@given(case=log_cases())
def test_every_handler_sees_records_of_filtered_loggers_redacted(case, monkeypatch) -> None:
    name, where, key, password, (message, args) = case
    out = io.StringIO()
    with restored_logging(), pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXTRACTOR_API_KEY", key)
        patch.setenv("HTTPS_PROXY", f"http://alice:{password}@proxy:3128")
        install_log_filter()
        logger = logging.getLogger(name)  # made after install_log_filter: no filter of its own
        patch.setattr(logger, "level", logging.DEBUG)
        handler = logging.StreamHandler(out)
        if where == "root":
            logging.root.addHandler(handler)
        elif where == "basicConfig":
            logging.basicConfig(stream=out, force=True, level=logging.DEBUG)
        elif where == "lastResort":
            patch.setattr(logger, "propagate", False)
            patch.setattr(logger, "handlers", [])
            logging.lastResort = handler
        else:
            parent = logging.getLogger(name.partition(".")[0])
            patch.setattr(parent, "handlers", [*parent.handlers, handler])
        logger.warning(message, *args)
        handler.flush()
    text = out.getvalue()
    assert text.strip()
    assert key not in text and password not in text, text


def test_the_factory_is_installed_once_and_wraps_the_previous_one() -> None:
    with restored_logging():
        seen: list[str] = []
        before = logging.getLogRecordFactory()

        def counting(*args: object, **kwargs: object) -> logging.LogRecord:
            seen.append(str(args[0]))
            return before(*args, **kwargs)  # type: ignore[arg-type]

        logging.setLogRecordFactory(counting)
        install_record_factory()
        once = logging.getLogRecordFactory()
        install_record_factory()
        install_log_filter()
        assert logging.getLogRecordFactory() is once is not counting
        record = logging.getLogger("httpx.r52probe").makeRecord(
            "httpx.r52probe", logging.INFO, __file__, 1, "Bearer %s", ("tok_r52_abcdef",), None
        )
        assert seen == ["httpx.r52probe"]
        assert record.getMessage() == f"Bearer {MARK}"
        other = logging.getLogger("httpxtra").makeRecord(
            "httpxtra", logging.INFO, __file__, 1, "%s", ("plain",), None
        )
        assert other.args == ("plain",)  # not a filtered logger: left as it is


# -- misspelt URLs ---------------------------------------------------------------------

_SCHEMES = st.sampled_from(["http", "https", "htp", "htps", "hhttp", "HTTP", "socks5"])
_SEPARATORS = st.sampled_from(["", ":", ";"])
_SLASHES = st.sampled_from(["", "/", "//", "\\", "\\\\", "///", "/\\"])
_HOSTS = st.sampled_from(["proxy.internal", "10.0.0.7:8080", "llm.corp:99999", "gw:3128/v1"])


@st.composite
def misspelt_urls(draw: st.DrawFn) -> tuple[str, str, str]:
    """(the URL with credentials, the same without, the password)."""
    password = draw(_PLAIN_PASSWORD)
    user = draw(st.sampled_from(["alice", "svc-account", "u"]))
    host = draw(_HOSTS)
    if draw(st.booleans()):
        start = ""
    else:
        separator, slashes = draw(_SEPARATORS), draw(_SLASHES)
        assume(separator or slashes)  # "http" glued to the user is a user name
        start = draw(_SCHEMES) + separator + slashes
    assume(start.lower() not in ("http://", "https://"))  # misspelt ones only
    return f"{start}{user}:{password}@{host}", f"{start}{host}", password


def _captured(url: str) -> str:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    with restored_logging():
        logging.root.addHandler(handler)
        logger = logging.getLogger("extractor.r52")
        logger.propagate = True
        logger.warning("cannot use the base URL %s", url)
        logging.getLogger("httpcore.r52").warning("proxy %r refused", url)
    return out.getvalue()


@QUICK
@given(case=misspelt_urls())
def test_a_misspelt_url_never_shows_its_password(case) -> None:
    url, bare, password = case
    texts: list[str] = []
    for name in ("EXTRACTOR_BASE_URL", "HTTPS_PROXY"):
        env = Settings.from_env({name: url, "EXTRACTOR_MODEL": "openai/gpt-4o-mini"})
        texts += [repr(env), str(env)]
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv(name, url)
            texts.append(_captured(url))
            texts.append(redact(f"refused {url!r}"))
    # not set anywhere (a --base-url): the message alone must not quote it
    try:
        check_base_url(url)
    except ConfigurationError as error:
        texts.append(str(error))
    texts.append(redact(url))
    texts.append(_captured(url))
    clean = " ".join([bare, _captured(bare), redact(bare)])
    assume(password not in clean)  # a password that is the host's own name shows as it
    for text in texts:
        assert password not in text, text


@QUICK
@given(case=misspelt_urls())
def test_the_reason_is_the_same_with_and_without_credentials(case) -> None:
    url, bare, password = case
    assert without_written_userinfo(url) == bare
    reason = url_problem(url)
    assert reason == url_problem(bare)
    assert password not in (reason or "")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http:/alice:s3cr3t!pw@host", "there is no '//' after the scheme 'http:'"),
        ("http:/host", "there is no '//' after the scheme 'http:'"),
        ("http//alice:s3cr3t!pw@host", "the scheme 'http' has no ':' before '//'"),
        ("alice:s3cr3t!pw@host:8080", "no scheme"),
        ("https;//host", "the scheme 'https' is followed by ';', not '://'"),
        ("http://alice:s3cr3t!pw@host:99999", "Port out of range"),
        ("http://host:8080/v1", None),
    ],
)
def test_a_misspelt_start_is_named(url: str, words: str | None) -> None:
    reason = url_problem(url)
    assert (reason is None) if words is None else (words in (reason or ""))
