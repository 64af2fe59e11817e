"""A tiny article family and a fake model that answers it: shared by the batch,
bulk and reliability tests, which need many valid documents and records."""

from __future__ import annotations

import json
import re
from typing import Any

EMPTY = '{"visits": [], "meetings": [], "arms_transfers": [], "casualty_reports": []}'
KANO = re.compile(r"\[1\] At least (\d+) people were killed in Kano")


def kano(killed: int) -> str:
    """A one-sentence casualty report; ``killed`` makes each document distinct."""
    return f"At least {killed} people were killed in Kano, Nigeria on Friday."


def casualty_responder(body: dict[str, Any]) -> str:
    """One casualty record citing sentence 1 when the article is a Kano report, else none."""
    text = "\n".join(str(m.get("content")) for m in body.get("messages", []))
    found = KANO.search(text)
    if found is None:
        return EMPTY
    record = {
        "killed": int(found.group(1)), "injured": None, "qualifier": "at_least",
        "victims": None, "perpetrator": None, "country": "NGA", "place": "Kano", "date": None,
        "scope": "event", "violence_type": None, "status": "occurred", "attribution": None,
        "evidence": [1],
    }  # fmt: skip
    return json.dumps({**json.loads(EMPTY), "casualty_reports": [record]})
