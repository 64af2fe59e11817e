"""Archives the input tests build: a zip written as a stream, the way a producer that cannot
seek (a pipe, a socket, ``zip -`` into a file) writes it, with each member's sizes in a data
descriptor after its data instead of in its local header. Shared so that every test of zip
salvage builds such archives one way."""

from __future__ import annotations

import io


class WriteOnly(io.RawIOBase):
    """A sink zipfile cannot seek in (so it writes data descriptors), kept in ``raw``."""

    def __init__(self) -> None:
        super().__init__()
        self.raw = io.BytesIO()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return self.raw.write(data)

    def getvalue(self) -> bytes:
        return self.raw.getvalue()
