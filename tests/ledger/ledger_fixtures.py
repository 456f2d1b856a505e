"""Fixtures for the ledger tests: the sample built from its gold structure and figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # ledger_gold.py

from ledger_gold import gold_report, load_gold_figures

from duban.ledger import build_ledger, load_catalogue
from duban.model import Figure, Ledger, Report


@pytest.fixture(scope="session")
def sample_report(shared: Path) -> Report:
    text = (shared / "corpus" / "zhenhai-2020.txt").read_text(encoding="utf-8")
    meta = json.loads((shared / "gold" / "zhenhai-2020.meta.json").read_text(encoding="utf-8"))
    return gold_report(text, meta)


@pytest.fixture(scope="session")
def sample_meta(shared: Path) -> dict:
    return json.loads((shared / "gold" / "zhenhai-2020.meta.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gold_figures(shared: Path) -> list[Figure]:
    return load_gold_figures(shared / "gold" / "zhenhai-2020.figures.jsonl")


@pytest.fixture(scope="session")
def sample_ledger(sample_report: Report, gold_figures: list[Figure]) -> Ledger:
    catalogue = load_catalogue(sample_report.metadata.level, sample_report.metadata.region)
    return build_ledger(sample_report, gold_figures, catalogue)
