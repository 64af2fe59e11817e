"""A cached result answers only the request it was made for: how the model is asked
(``mode``) and how long it may answer (``max_tokens``) are part of the key.

A result made in ``json`` mode was served to a run that asked in ``tools`` mode or with
``max_tokens=50`` (the key held the model, server, prompt, schema, types and the other
options, not these two). Each joins the key only when set, so results cached by a run
that set neither keep their keys. Settings are generated.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import Extractor
from extractor.runtime.providers import ModeName

_modes = st.sampled_from([m for m in get_args(ModeName) if m != "grammar"])
_tokens = st.none() | st.integers(1, 100_000)


def _key(tmp: Path, **options: object) -> str:
    with Extractor(
        "openai/fake", base_url="http://127.0.0.1:9/v1", api_key="sk-x", **options
    ) as ex:
        return ex._cache_key("Five people were killed in Kano.", None)


@settings(max_examples=15, deadline=None)
@given(settings_=st.lists(st.tuples(_modes, _tokens), min_size=2, max_size=4, unique=True))
def test_each_way_of_asking_has_its_own_key(tmp_path_factory, settings_) -> None:
    tmp = tmp_path_factory.mktemp("keys")
    keys = {pair: _key(tmp, mode=pair[0], max_tokens=pair[1]) for pair in settings_}
    for (a, ka), (b, kb) in itertools.combinations(keys.items(), 2):
        assert ka != kb, (a, b)
    if ("auto", None) in keys:  # neither set: the key a run that set neither always had
        assert keys["auto", None] == _key(tmp)
