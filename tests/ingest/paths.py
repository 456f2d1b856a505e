"""Where the read-only shared inputs are (../shared beside the repo), for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "src" / "duban" / "data" / "samples" / "zhenhai-2020.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test if it is not there (CI without inputs)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared input missing: {path}")
    return path
