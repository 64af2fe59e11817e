"""What leaves the pipeline for other tools: flat tables and JSON Schemas.

Also home of :data:`STOPPED`, because this package's ``__init__`` imports nothing: the
bulk runner (its summary's key), the rows of every engine
(:mod:`extractor.integrations.rows`) and :mod:`extractor.export.frames` all import it
without an import cycle, so the word a reader matches on is spelt once.
"""

__all__ = ["STOPPED"]

#: The status of the row that carries the error which stopped a run
#: (:func:`extractor.integrations.rows.stop_row`), and the key of the bulk summary that
#: says why a run stopped.
STOPPED = "stopped"
