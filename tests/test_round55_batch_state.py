"""A provider batch's state file holds no secret a server echoed into its words.

``.batches.json`` is a file the run writes beside its output; the status, message and
file ids in it are the provider's words as given. A server (or a proxy before it) that
echoes the key into them put the key into a file on disk, past the one choke point every
other output goes through. Keys and echoes are generated.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.bulk.carriers.base import BatchView
from extractor.bulk.provider_batch import _recordable

_keys = st.from_regex(r"sk-[A-Za-z0-9]{24,40}", fullmatch=True)
_words = st.from_regex(r"[a-z ]{0,20}", fullmatch=True)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=_keys, before=_words, after=_words, where=st.sampled_from(["status", "message", "file"]))
def test_an_echoed_key_never_reaches_the_state(
    monkeypatch: pytest.MonkeyPatch, key: str, before: str, after: str, where: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", key)
    echo = f"{before}{key}{after}"
    batch = BatchView(
        id="batch_1",
        status=echo if where == "status" else "completed",
        message=echo if where == "message" else None,
        output_file_id=echo if where == "file" else "file-out",
        error_file_id="file-err",
    )
    kept = _recordable(batch)
    assert key not in repr(kept)
    if where == "file":  # a file id that held a key is no id to ask for: asked again
        assert kept.output_file_id is None and kept.error_file_id == "file-err"
    else:
        assert kept.output_file_id == "file-out"
