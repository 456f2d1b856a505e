"""The pipeline stages a corpus worker runs, loaded once per process.

Loading the department catalogue and the lexicons is done once per worker
process (cached), not once per file.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from duban.corpus.rows import Row
from duban.ingest import read_report
from duban.ledger import Catalogue, LedgerLexicon, build_ledger, load_catalogue
from duban.model import Figure, Report
from duban.model.ledger import Ledger
from duban.parse import parse


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        return None


@dataclass(frozen=True)
class Stages:
    """The stage functions, with the catalogue bound into ``build_ledger``."""

    read_report: Callable[..., Any]
    parse: Callable[..., Report]
    extract: Callable[[Report], list[Figure]] | None
    find_main_targets: Callable[..., Any] | None
    lexicon: LedgerLexicon

    def extract_figures(self, report: Report) -> list[Figure]:
        return self.extract(report) if self.extract else []

    def main_targets(self, report: Report, figures: list[Figure]) -> list[Any]:
        return list(self.find_main_targets(report, figures)) if self.find_main_targets else []

    def build_ledger(self, report: Report, figures: list[Figure]) -> Ledger:
        meta = report.metadata
        return build_ledger(report, figures, catalogue(meta.level, meta.region), self.lexicon)

    def main_target_rows(self, key: Row, report: Report, targets: list[Any], figures: list[Figure]) -> list[Row]:
        return []


@lru_cache(maxsize=256)
def catalogue(level: str | None, region: str | None) -> Catalogue:
    """The department catalogue for a government, as ``duban ledger`` loads it (cached)."""
    return load_catalogue(level, region)


@lru_cache(maxsize=1)
def load_stages() -> Stages:
    """The stages of this installation (cached per process)."""
    return Stages(
        read_report=read_report,
        parse=parse,
        extract=_optional("duban.extract", "extract_figures"),
        find_main_targets=_optional("duban.extract", "main_targets"),
        lexicon=LedgerLexicon.load(),
    )
