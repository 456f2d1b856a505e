"""The ledger of the sample through the real pipeline: read, parse, extract, build."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from duban import parse, read_report
from duban.extract import extract_figures
from duban.ledger import build_ledger, load_catalogue
from duban.model import Figure, Ledger


@pytest.fixture(scope="module")
def piped(shared: Path) -> Ledger:
    report = parse(read_report(shared / "corpus" / "zhenhai-2020.txt"))
    catalogue = load_catalogue(report.metadata.level, report.metadata.region)
    return build_ledger(report, extract_figures(report), catalogue)


def test_pipeline_sample_themes_coverage_and_leads(piped: Ledger, sample_meta: dict) -> None:
    assert piped.coverage.ok
    have = Counter(t.theme_title for t in piped.tasks)
    gold = [t["title"] for p in sample_meta["sections"] for a in p["children"] for t in a["themes"]]
    assert [t for t in gold if have[t] == 0] == []
    assert all(t.lead for t in piped.tasks)


def test_pipeline_gold_targets_each_in_one_task(piped: Ledger, gold_figures: list[Figure]) -> None:
    """Every gold target's span lies in exactly one task, whatever the extractor found."""
    for f in (g for g in gold_figures if g.kind == "target"):
        assert sum(1 for t in piped.tasks if t.start <= f.start and f.end <= t.end) == 1, f.text


def test_pipeline_same_ids_as_the_gold_built_ledger(piped: Ledger, sample_ledger: Ledger) -> None:
    """Ids depend on the structure and text, not on how the figures were found."""
    assert [t.id for t in piped.tasks] == [t.id for t in sample_ledger.tasks]
