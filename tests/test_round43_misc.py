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
