"""Shared fixtures: the seed article and its gold records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ID = "000_e3df12fb75ba6b2b"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / f"{SEED_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    line = (SEEDS / f"{SEED_ID}.gold.jsonl").read_text(encoding="utf-8").splitlines()[0]
    return json.loads(line)


@pytest.fixture(scope="session")
def seed_published() -> date:
    return date(2023, 5, 31)
