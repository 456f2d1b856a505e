"""Report + figures → Ledger: tasks, areas, themes, deadlines, department suggestions."""

from duban.ledger.assign import Catalogue, load_catalogue, make_catalogue, suggest_departments
from duban.ledger.build import LedgerLexicon, build_ledger

__all__ = ["Catalogue", "LedgerLexicon", "build_ledger", "load_catalogue", "make_catalogue", "suggest_departments"]
