"""The shortest fragment of a key, spelt as separated hex in any grouping, goes.

Stop 50's CI: ``3033 3030 3430 3035`` (the last eight bytes of a fifteen-character key,
grouped in byte pairs) survived, as a run of separated hex was counted in units (five at
least) and eight bytes in pairs are four. The invariant: a run of :func:`fragment_length`
bytes of a known key is redacted whatever the separator and however the bytes are grouped.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.redact import MARK, fragment_length
from tests.redaction_forms import key_fragments, key_redactor
from tests.test_round43_redact_fragments import keys


def _spelled(raw: bytes, separator: str, group: int, prefix: str) -> str:
    digits = raw.hex()
    units = [digits[at : at + 2 * group] for at in range(0, len(digits), 2 * group)]
    return separator.join(prefix + unit for unit in units)


@given(
    keys(),
    st.sampled_from((":", " ", "-", ", ")),
    st.sampled_from((1, 2)),
    st.booleans(),
    st.data(),
)
def test_the_shortest_fragment_goes_in_every_grouping(
    key: str, separator: str, group: int, upper: bool, data: st.DataObject
) -> None:
    raw = key.encode()
    size = fragment_length(key)
    start = data.draw(st.integers(0, len(raw) - size))
    prefix = "0x" if separator == ", " else ""
    spelled = _spelled(raw[start : start + size], separator, group, prefix)
    spelled = spelled.upper().replace("0X", "0x") if upper else spelled
    out = key_redactor(key).redact(f"dump {spelled} ; tail")
    assert MARK in out, (key, spelled, out)
    assert out.startswith("dump ") and out.endswith(" ; tail"), out
    digits = out.lower().replace(separator, "").replace("0x", "")
    for window in key_fragments(key):
        assert window.encode().hex() not in digits, (key, spelled, out)


@given(st.lists(st.integers(1000, 9999), min_size=1, max_size=8), st.sampled_from((" ", "-")))
def test_numbers_that_hold_no_key_stay(numbers: list[int], separator: str) -> None:
    text = "figures " + separator.join(str(number) for number in numbers) + " reported"
    assert key_redactor("sk-live-QWERTYUIOP123456").redact(text) == text
