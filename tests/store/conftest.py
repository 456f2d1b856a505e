"""Fixtures for the store tests: the sample analysed once, with the gold figures.

The figures come from ``../shared/gold`` (the extractor is another stage's
work); the report is parsed and the ledger built by the real stages.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from store_support import Analysed, analyse_text, load_gold_figures


@pytest.fixture(scope="session")
def sample(shared: Path) -> Analysed:
    """The 镇海区 2020 sample: parsed, gold figures, ledger."""
    text = (shared / "corpus" / "zhenhai-2020.txt").read_text(encoding="utf-8")
    figures = load_gold_figures(shared / "gold" / "zhenhai-2020.figures.jsonl")
    analysed = analyse_text(text, figures, name="zhenhai-2020.txt")
    assert analysed.source.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    return analysed
