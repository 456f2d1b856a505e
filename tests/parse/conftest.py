"""Shared test helpers for parse tests: where ``../shared`` (corpus, gold) is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Callable[..., Path]:
    """``shared("gold", "x.json")`` → a path under ../shared; skips when absent."""

    def path(*parts: str) -> Path:
        p = SHARED.joinpath(*parts)
        if not p.exists():
            pytest.skip(f"shared data not available: {p}")
        return p

    return path
