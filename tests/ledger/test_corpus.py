"""The ledger builds for every report of ../shared/corpus/reports: coverage passes, spans slice back."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban import parse, read_report
from duban.extract import extract_figures
from duban.ledger import build_ledger, load_catalogue

REPORTS = sorted((Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "reports").glob("*.txt"))


@pytest.mark.skipif(not REPORTS, reason="../shared/corpus/reports is not beside the repository")
@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_corpus_ledger_builds_and_covers(path: Path) -> None:
    report = parse(read_report(path))
    figures = extract_figures(report)
    ledger = build_ledger(report, figures, load_catalogue(report.metadata.level, report.metadata.region))
    cov = ledger.coverage
    assert cov.ok, (cov.uncovered[:3], cov.duplicated[:3], cov.targets_outside[:3])
    assert cov.sentences == cov.in_tasks + cov.not_commitments
    assert ledger.tasks, "no task found"
    kinds = [t.kind for t in ledger.tasks]
    assert kinds == sorted(kinds), "main targets open the ledger"  # main_target < task
    assert [t.seq for t in ledger.tasks] == list(range(1, len(ledger.tasks) + 1))
    assert len({t.id for t in ledger.tasks}) == len(ledger.tasks)
    for t in ledger.tasks:
        assert report.text[t.start : t.end] == t.text
        assert t.lead
