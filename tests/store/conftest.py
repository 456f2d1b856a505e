"""Fixtures for the store tests: the sample analysed once, with the gold figures.

The figures come from ``../shared/gold`` (the extractor is another stage's
work); the report is parsed and the ledger built by the real stages.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from duban.ingest.read import read_bytes
from duban.ledger import Catalogue, build_ledger, load_catalogue
from duban.model import Figure, Ledger, Report, Source
from duban.parse import parse


@dataclass
class Analysed:
    source: Source
    report: Report
    figures: list[Figure]
    ledger: Ledger
    catalogue: Catalogue


def load_gold_figures(path: Path) -> list[Figure]:
    names = {f.name for f in fields(Figure)}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Figure(**{k: v for k, v in row.items() if k in names}) for row in rows]


def analyse_text(text: str, figures: list[Figure], name: str = "report.txt") -> Analysed:
    source = read_bytes(text.encode("utf-8"), name=name)
    report = parse(source)
    catalogue = load_catalogue(report.metadata.level, report.metadata.region)
    ledger = build_ledger(report, figures, catalogue)
    return Analysed(source, report, figures, ledger, catalogue)


@pytest.fixture(scope="session")
def sample(shared: Path) -> Analysed:
    """The 镇海区 2020 sample: parsed, gold figures, ledger."""
    text = (shared / "corpus" / "zhenhai-2020.txt").read_text(encoding="utf-8")
    figures = load_gold_figures(shared / "gold" / "zhenhai-2020.figures.jsonl")
    analysed = analyse_text(text, figures, name="zhenhai-2020.txt")
    assert analysed.source.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    return analysed
