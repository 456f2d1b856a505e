"""End to end on the real pairs: read, parse and extract both reports, then judge.

The expected rows are tests/cases/fulfilment.yaml (main expected targets) and
tests/cases/fulfilment_tasks.yaml (task-level targets), both read by hand.
Main targets: duban must agree on every row. Task-level targets: on at
least 90% of the rows. Skipped until figure extraction (duban.extract) exists.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from duban.ledger.pairing import similarity
from duban.ledger.settings import load_settings
from duban.ledger.verdict import unit_key
from duban.ledger.yearly import fulfil_reports
from duban.model.fulfilment import Fulfilment

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT.parent / "shared" / "corpus" / "reports"
CASES = ROOT / "tests" / "cases"
SETTINGS = load_settings()

extract = pytest.importorskip("duban.extract")
if not hasattr(extract, "extract_figures"):
    pytest.skip("figure extraction not merged yet", allow_module_level=True)
if not REPORTS.is_dir():
    pytest.skip("../shared/corpus/reports is absent", allow_module_level=True)

from duban.cli.fulfil import load


@cache
def loaded(name: str) -> Any:
    return load(REPORTS / name)


@cache
def results(target_report: str, actual_report: str) -> list[Fulfilment]:
    report, figures, main = loaded(target_report)
    report1, figures1, _ = loaded(actual_report)
    return fulfil_reports(report, figures, report1, figures1, settings=SETTINGS, main=main)


def find(row: dict[str, Any], found: list[Fulfilment], scope: str | None) -> Fulfilment | None:
    """The result for the hand-read target: same value, unit and measure, most similar indicator."""
    best: tuple[float, Fulfilment] | None = None
    for result in found:
        t = result.target
        if scope is not None and result.scope != scope:
            continue
        if abs(t.value - float(row["value"])) > 1e-9 or unit_key(t.unit) != unit_key(row["unit"]):
            continue
        if row.get("value_max") is not None and t.value_max != float(row["value_max"]):
            continue
        sim = similarity(t.indicator, row["indicator"], SETTINGS)
        if t.measure == row["measure"]:
            sim += 1
        if best is None or sim > best[0]:
            best = (sim, result)
    return best[1] if best is not None and best[0] >= SETTINGS.floor else None


def compare(row: dict[str, Any], result: Fulfilment | None) -> str | None:
    """None when duban agrees with the row, else what differs."""
    if result is None:
        return "target not found"
    if result.verdict.value != row["verdict"]:
        return f"verdict {result.verdict.value} ({result.reason})"
    if row["actual"] is not None and result.actual is not None and abs(result.actual.value - row["actual"]) > 1e-6:
        return f"actual {result.actual.value} instead of {row['actual']}"
    return None


def rows(name: str) -> list[tuple[str, str, int, dict[str, Any]]]:
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return [(p["target_report"], p["actual_report"], p["year"], row) for p in data["pairs"] for row in p["targets"]]


MAIN = rows("fulfilment.yaml")


@pytest.mark.parametrize(
    ("target_report", "actual_report", "year", "row"), MAIN,
    ids=[f"{t}:{r['indicator']}:{r['measure']}" for t, _, _, r in MAIN],
)
def test_fulfil_reports_main_targets(target_report: str, actual_report: str, year: int, row: dict[str, Any]) -> None:
    problem = compare(row, find(row, results(target_report, actual_report), None))
    if problem is not None and row.get("extractor_issue"):
        pytest.xfail(f"figure extraction: {row['extractor_issue']} ({problem})")
    assert problem is None, problem


def test_fulfil_reports_main_targets_agreement() -> None:
    """The number the issue asks for: agreement on every main target of every pair."""
    wrong = [(t, r["indicator"], r["measure"], p) for t, a, _, r in MAIN
             if (p := compare(r, find(r, results(t, a), None))) is not None]
    print(f"main-target agreement (end to end): {1 - len(wrong) / len(MAIN):.1%} of {len(MAIN)}")
    for item in wrong:
        print("  ", *item)
    known = {(t, r["indicator"], r["measure"]) for t, _, _, r in MAIN if r.get("extractor_issue")}
    assert {w[:3] for w in wrong} <= known


def test_fulfil_reports_task_targets_agreement() -> None:
    task_rows = rows("fulfilment_tasks.yaml")
    wrong = []
    for target_report, actual_report, _, row in task_rows:
        problem = compare(row, find(row, results(target_report, actual_report), None))
        if problem is not None:
            wrong.append((target_report, row["indicator"], problem))
    agreement = 1 - len(wrong) / len(task_rows)
    print(f"task-level agreement (end to end): {agreement:.1%} of {len(task_rows)}")
    for item in wrong:
        print("  ", *item)
    assert agreement >= 0.9
