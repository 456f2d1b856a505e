"""One report through every stage: read, parse, extract figures, build the ledger.

``duban import``, ``duban demo``, the web's import page and the corpus runner
call these, so a report is analysed the same way wherever it comes from.
Nothing here touches the database; :func:`duban.store.repo.reports.import_report`
stores the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from duban.extract import extract_figures
from duban.ingest import read_report
from duban.ingest.read import DEFAULT_MAX_BYTES, sample_path
from duban.ledger import Catalogue, build_ledger, load_catalogue
from duban.model import Figure, Ledger, Report, Source
from duban.parse import parse


@dataclass(slots=True)
class Analysis:
    """Everything duban derives from one file."""

    source: Source
    report: Report
    figures: list[Figure]
    ledger: Ledger
    catalogue: Catalogue


def analyse(source: Source) -> Analysis:
    """Parse a read file, extract its figures and build its ledger with the catalogue for its level."""
    report = parse(source)
    figures = extract_figures(report)
    catalogue = load_catalogue(report.metadata.level, report.metadata.region)
    ledger = build_ledger(report, figures, catalogue)
    return Analysis(source=source, report=report, figures=figures, ledger=ledger, catalogue=catalogue)


def analyse_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Analysis:
    """:func:`analyse` on a file of any supported format; raises DubanError on bad input."""
    return analyse(read_report(path, max_bytes=max_bytes))


def analyse_sample() -> Analysis:
    """:func:`analyse` on the embedded default report (镇海区 2020)."""
    return analyse_file(sample_path())
