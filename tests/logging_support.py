"""Putting process-wide logging back as a test found it.

Tests of the redacting log record factory and of loggers a user adds change state the
whole test session shares (the record factory, the root's handlers and level,
``lastResort``, loggers made on the way and their levels); a test that left any of it
changed broke tests far later in the run.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


@contextlib.contextmanager
def restored_logging() -> Iterator[None]:
    """Put back the record factory, the root's handlers and level, ``lastResort``, and every
    logger made meanwhile (and the levels of those that were there), whatever the test did."""
    factory = logging.getLogRecordFactory()
    root_handlers = list(logging.root.handlers)
    root_level = logging.root.level
    last_resort = logging.lastResort
    known = dict(logging.root.manager.loggerDict)
    levels = {
        name: logger.level for name, logger in known.items() if isinstance(logger, logging.Logger)
    }
    try:
        yield
    finally:
        logging.setLogRecordFactory(factory)
        logging.root.handlers[:] = root_handlers
        logging.root.setLevel(root_level)
        logging.lastResort = last_resort
        for name in set(logging.root.manager.loggerDict) - set(known):
            del logging.root.manager.loggerDict[name]
        for name, level in levels.items():
            logger = logging.root.manager.loggerDict.get(name)
            if isinstance(logger, logging.Logger):
                logger.setLevel(level)
        logging.Logger.manager._clear_cache()  # type: ignore[attr-defined]
