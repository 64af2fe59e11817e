"""Checks of the options a caller passes in code, before any model call.

``Extractor(...)``, and so :func:`extractor.extract`, :func:`extractor.extract_many`
and the integrations that make an extractor from keyword arguments, take their
settings from Python code, where nothing has checked them yet: a ``nan``
timeout failed deep in the HTTP client, a negative one on every request after
paying for the retries, a ``nan`` temperature in the JSON encoder of the
request. Each option is checked here, once, when the extractor is made; a bad
one is a :class:`~extractor.errors.ConfigurationError` in one line that names
the option, shows the value given and says what to give instead.

The kinds of value are here; the options' own limits stay with the options
(:class:`~extractor.pipeline.engine.Extractor` for the numbers,
:func:`~extractor.pipeline.chunking.chunk_sizes` for chunking,
:func:`~extractor.types.registry.resolve_types` for ``types``).
"""

from __future__ import annotations

import decimal
import math
import numbers
from typing import Any

from extractor.errors import ConfigurationError

__all__ = ["number_option", "shown", "text_option", "whole_option"]

#: The most characters of a value a message shows.
SHOWN_CHARS = 60


def shown(value: Any, limit: int = SHOWN_CHARS) -> str:
    """``value`` as code writes it (its ``repr``), on one line, clipped to ``limit`` characters."""
    try:
        written = " ".join(repr(value).split())
    except Exception:  # a repr that raises: the type says enough
        written = f"<{type(value).__name__}>"
    return written if len(written) <= limit else written[: limit - 1] + "…"


def _is_number(value: Any) -> bool:
    """A real number: Python's, numpy's, Decimal, Fraction; not a bool (``True`` is no
    timeout) and not a string (``"30"`` is a typo in code, not a number)."""
    return isinstance(value, numbers.Real | decimal.Decimal) and not isinstance(value, bool)


def number_option(
    name: str,
    value: Any,
    *,
    above: float | None = None,
    at_least: float | None = None,
    hint: str,
) -> float:
    """``value`` as a finite real number greater than ``above`` (or at least ``at_least``).

    Python's own ``int`` and ``float`` come back as given (so a request body
    and a cache key do not change), ``-0.0`` as ``0.0``; numpy's numbers,
    Decimal and Fraction as a float. ``hint`` says what to give instead.
    """
    if not _is_number(value):
        raise ConfigurationError(
            f"{name} must be a number, not {type(value).__name__} ({shown(value)}): {hint}"
        )
    try:
        as_float = float(value)
    except (OverflowError, ValueError):  # an int past the float range, Decimal("sNaN")
        as_float = math.nan
    low_ok = (above is None or as_float > above) and (at_least is None or as_float >= at_least)
    if not (math.isfinite(as_float) and low_ok):
        bound = f" above {above:g}" if above is not None else ""
        bound += f", {at_least:g} or more" if at_least is not None else ""
        raise ConfigurationError(f"{name}={shown(value)} is not a finite number{bound}: {hint}")
    if as_float == 0 and isinstance(value, float):
        return 0.0  # -0.0 would be sent as "-0.0"
    return value if isinstance(value, int | float) else as_float


def whole_option(
    name: str, value: Any, *, at_least: int, hint: str, at_most: int | None = None
) -> int:
    """``value`` as a whole number, at least ``at_least`` (and at most ``at_most``). A float
    with nothing after the point (``6000.0``, what pandas and JSON give for an integer) is
    that integer."""
    if not _is_number(value):
        raise ConfigurationError(
            f"{name} must be a whole number, not {type(value).__name__} ({shown(value)}): {hint}"
        )
    if isinstance(value, numbers.Integral):
        count = int(value)
    else:
        try:
            as_float = float(value)
        except (OverflowError, ValueError):
            as_float = math.nan
        if not (math.isfinite(as_float) and as_float.is_integer()):
            raise ConfigurationError(f"{name}={shown(value)} is not a whole number: {hint}")
        count = int(as_float)
    if count < at_least:
        raise ConfigurationError(f"{name}={shown(value)} is not {at_least} or more: {hint}")
    if at_most is not None and count > at_most:
        raise ConfigurationError(f"{name}={shown(value)} is more than {at_most:,}: {hint}")
    return count


def text_option(name: str, value: Any, *, hint: str) -> str | None:
    """``value`` as a string, or None. The value is not shown: it may be a key."""
    if value is None or isinstance(value, str):
        return value
    raise ConfigurationError(f"{name} must be a string, not {type(value).__name__}: {hint}")
