"""Round 43 (hostile testing), small findings fixed by hand.

* ``types=b"visit"`` (bytes, a bytearray, a memoryview) is no list of names: refused
  naming the argument, not read as the numbers its bytes are;
* the repr of a model's settings shows no URL login (it is printed in tracebacks and
  notebooks): the base URL is shown without its userinfo, the key not at all.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import ConfigurationError
from extractor.runtime.providers import ModelSpec
from extractor.settings import Settings
from extractor.types.registry import resolve_types

bytes_like = st.binary(max_size=20).flatmap(
    lambda data: st.sampled_from([data, bytearray(data), memoryview(data)])
)


@given(value=bytes_like)
def test_bytes_are_no_selection_of_types(value: object) -> None:
    with pytest.raises(ConfigurationError) as caught:
        resolve_types(value)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith("types=") and "is not a record type's name" in message


logins = st.tuples(
    st.text(st.sampled_from("abcXYZ019._-"), min_size=1, max_size=8),
    st.text(st.sampled_from("abcXYZ019._-~!$"), min_size=6, max_size=12),
)


@given(login=logins, host=st.sampled_from(["127.0.0.1:9875", "llm.internal", "[::1]:8080"]))
def test_the_repr_of_model_and_environment_settings_shows_no_login(
    login: tuple[str, str], host: str
) -> None:
    user, password = login
    url = f"http://{user}:{password}@{host}/v1"
    spec = ModelSpec("x", "openai", "x", base_url=url, api_key="sk-test-ABCDEFGHIJKLMNOP")
    settings = Settings.from_env({"EXTRACTOR_BASE_URL": url, "HTTPS_PROXY": url})
    for shown in (repr(spec), repr(settings), repr([spec, settings]), f"{spec!r}"):
        assert password not in shown and "ABCDEFGHIJKLMNOP" not in shown, shown
        assert f"http://***@{host}/v1" in shown, shown
