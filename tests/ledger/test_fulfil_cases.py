"""The verdict rules on the hand-read real pairs of tests/cases/fulfilment.yaml.

Here the targets and actuals are the table's own (as read by hand), so this
checks the rules and the pairing independently of figure extraction; the
end-to-end check from the report files is in test_fulfil_reports.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from duban.ledger.fulfil import fulfil
from duban.ledger.settings import load_settings
from duban.model.figure import Figure
from duban.model.fulfilment import Actual, Pairing

CASES = Path(__file__).resolve().parents[1] / "cases" / "fulfilment.yaml"
SETTINGS = load_settings()


def rows() -> list[tuple[str, dict[str, Any]]]:
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [
        (f"{pair['target_report']}:{row['indicator']}:{row['measure']}", {**row, "year": pair["year"]})
        for pair in data["pairs"]
        for row in pair["targets"]
    ]


def as_target(row: dict[str, Any]) -> Figure:
    return Figure(
        start=0, end=0, text="", kind="target", year=row["year"], indicator=row["indicator"],
        measure=row["measure"], value=float(row["value"]), value_max=row.get("value_max"), unit=row["unit"],
        comparator=row["comparator"], quote=row["indicator"],
    )


ROWS = rows()


@pytest.mark.parametrize("row", [r for _, r in ROWS], ids=[i for i, _ in ROWS])
def test_fulfil_cases_verdict_from_hand_read_values(row: dict[str, Any]) -> None:
    actuals = []
    if row["actual"] is not None:
        measure = row.get("actual_measure", row["measure"])
        unit = row["unit"] if measure == row["measure"] else ("亿元" if measure == "level" else "%")
        actuals.append(
            Actual(indicator=row.get("actual_indicator", row["indicator"]), measure=measure,
                   value=float(row["actual"]), unit=unit, year=row["year"], source="hand", quote=row.get("quote", ""))
        )
    result = fulfil([as_target(row)], actuals, SETTINGS)[0]
    assert result.verdict.value == row["verdict"], result.reason


def test_fulfil_cases_cover_every_pair_of_the_issue() -> None:
    pairs = {(p["target_report"], p["actual_report"]) for p in yaml.safe_load(CASES.read_text("utf-8"))["pairs"]}
    assert len(pairs) == 15
    assert all(len(p) == 2 for p in pairs)


def test_fulfil_cases_are_not_all_one_verdict() -> None:
    verdicts = {row["verdict"] for _, row in ROWS}
    assert {"met", "missed", "no_data", "not_comparable"} <= verdicts


def test_fulfil_cases_uncertain_rows_pair_uncertainly() -> None:
    """Where the review reports a related but different indicator, the pair is flagged."""
    actual = Actual(indicator="农村常住居民人均可支配收入", measure="growth", value=8.6, unit="%", year=2015,
                    source="hand")
    row = next(r for _, r in ROWS if r.get("uncertain") and r["indicator"] == "农民人均纯收入")
    result = fulfil([as_target(row)], [actual], SETTINGS)[0]
    assert result.pairing is Pairing.UNCERTAIN
    assert result.verdict.value == row["verdict"]
