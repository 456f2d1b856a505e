"""The pipeline stages a corpus worker runs, with per-process caches.

The same public functions ``duban figures``, ``duban targets`` and
``duban import`` call: read_report, parse, extract_figures, main_targets,
load_catalogue and build_ledger. The ledger lexicon and each government's
department catalogue are loaded once per worker process, not once per file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from duban.extract import MainTargets, extract_figures, main_targets
from duban.ingest import read_report
from duban.ledger import Catalogue, LedgerLexicon, build_ledger, load_catalogue
from duban.model import Figure, Report, Source
from duban.model.ledger import Ledger
from duban.parse import parse


@lru_cache(maxsize=256)
def catalogue(level: str | None, region: str | None) -> Catalogue:
    """The department catalogue for a government, as ``duban import`` loads it (cached)."""
    return load_catalogue(level, region)


@dataclass(frozen=True)
class Stages:
    """The stage functions; ``lexicon`` is the ledger's, loaded once."""

    lexicon: LedgerLexicon

    def read_report(self, path: Path) -> Source:
        return read_report(path)

    def parse(self, source: Source) -> Report:
        return parse(source)

    def extract_figures(self, report: Report) -> list[Figure]:
        return list(extract_figures(report))

    def main_targets(self, report: Report, figures: list[Figure]) -> MainTargets:
        return main_targets(report, figures)

    def catalogue_for(self, report: Report) -> Catalogue:
        return catalogue(report.metadata.level, report.metadata.region)

    def build_ledger(self, report: Report, figures: list[Figure], cat: Catalogue) -> Ledger:
        return build_ledger(report, figures, cat, self.lexicon)


@lru_cache(maxsize=1)
def load_stages() -> Stages:
    """The stages of this installation (cached per process)."""
    return Stages(lexicon=LedgerLexicon.load())
