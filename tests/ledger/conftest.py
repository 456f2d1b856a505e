"""The ledger fixtures (tests/ledger/fixtures.py): the sample built from its gold files."""

from ledger_fixtures import gold_figures, sample_ledger, sample_meta, sample_report  # noqa: F401
