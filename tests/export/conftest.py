"""The export tests use the ledger fixtures: the sample built from its gold files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "ledger"))

from ledger_fixtures import gold_figures, sample_ledger, sample_meta, sample_report  # noqa: F401
