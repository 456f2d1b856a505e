"""duban (督办): a government work report turned into a supervised programme of work.

Public API, one typed function per stage::

    read_report(path) -> Source
    parse(source) -> Report
    extract_figures(report) -> list[Figure]
    build_ledger(report, figures, catalogue) -> Ledger
"""

from duban.extract import extract_figures, main_targets
from duban.ingest import read_report
from duban.ledger import build_ledger, load_catalogue
from duban.parse import parse, parse_text

__all__ = [
    "build_ledger",
    "extract_figures",
    "load_catalogue",
    "main_targets",
    "parse",
    "parse_text",
    "read_report",
]
