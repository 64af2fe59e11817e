"""Bridges to other engines: the same per-document extraction inside their jobs.

Each bridge is an optional extra and imports its engine lazily, so that
``import extractor`` never needs it and a missing engine is one
:class:`~extractor.errors.ConfigurationError` saying what to install.

``rows``  the per-document path as plain rows (dicts in, dicts out; a pandas
          frame in, a frame out), which every engine runs: :func:`extract_rows`,
          :func:`extract_frame` (for Dask ``map_partitions`` and Spark
          ``mapInPandas``); it needs no engine.
``ray``   Ray Data: ``extractor bulk --engine ray`` (:class:`RayBulkRun`),
          :func:`extract_dataset` for pipelines already on Ray, and
          :class:`ExtractBatch`, the callable class for ``Dataset.map_batches``.
"""
