"""Shared test helpers: where the read-only ``shared/`` folder sits beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "src" / "duban" / "data" / "samples" / "zhenhai-2020.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test if it is not there (CI without inputs)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared input missing: {path}")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder, or skip when this checkout has none beside it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
