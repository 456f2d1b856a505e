"""Helpers for the store tests: analyse a text with given figures; load the gold figures.

The figures come from ``../shared/gold`` (the extractor is another stage's
work); the report is parsed and the ledger built by the real stages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path

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
