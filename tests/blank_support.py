"""Blank strings as the one blank rule (``extractor.blank``) has them, for the tests that
check a blank value is refused or ignored wherever it stands: any mix of the code points
it calls blank, so that no test names the few it happened to think of."""

from __future__ import annotations

from hypothesis import strategies as st

from extractor.blank import blank_code_points


def blank_texts(*, max_size: int, without: str = "") -> st.SearchStrategy[str]:
    """Non-empty strings of blank code points, none of ``without`` (characters the place
    under test cannot hold: a file name's NUL and ``/``, a JSONL line's breaks)."""
    chars = sorted(chr(code) for code in blank_code_points() if chr(code) not in without)
    return st.text(st.sampled_from(chars), min_size=1, max_size=max_size)
