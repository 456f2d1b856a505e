"""Task-level targets of tests/cases/fulfilment_tasks.yaml, judged from the review's own wording.

Targets and actuals are the hand-read ones, each actual under the words the
review uses, so this measures pairing plus verdict rules without extraction.
The issue asks for agreement on at least 90% of these.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from duban.ledger.fulfil import fulfil
from duban.ledger.settings import load_settings
from duban.model.figure import Figure
from duban.model.fulfilment import Actual

CASES = Path(__file__).resolve().parents[1] / "cases" / "fulfilment_tasks.yaml"


def load_rows() -> list[dict[str, Any]]:
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [{**row, "year": pair["year"], "pair": pair["target_report"]} for pair in data["pairs"]
            for row in pair["targets"]]


def judge_row(row: dict[str, Any], others: list[Actual]) -> str:
    settings = load_settings()
    target = Figure(start=0, end=0, text="", kind="target", year=row["year"], indicator=row["indicator"],
                    measure=row["measure"], value=float(row["value"]), value_max=None, unit=row["unit"],
                    comparator=row["comparator"], quote=row["indicator"])
    return fulfil([target], others, settings)[0].verdict.value


def test_fulfil_task_cases_agreement_at_least_90_percent() -> None:
    rows = load_rows()
    # every actual of a pair competes for every target of that pair, as in a real review
    actuals: dict[str, list[Actual]] = {}
    for row in rows:
        actuals.setdefault(row["pair"], []).append(
            Actual(indicator=row["actual_indicator"], measure=row.get("actual_measure", row["measure"]),
                   value=float(row["actual"]), unit=row["actual_unit"], year=row["year"], source="hand",
                   comparator=row.get("actual_comparator", "="), quote=row["quote"])
        )
    wrong = [(row["indicator"], row["verdict"], got) for row in rows
             if (got := judge_row(row, actuals[row["pair"]])) != row["verdict"]]
    agreement = 1 - len(wrong) / len(rows)
    print(f"task-level agreement (hand values): {agreement:.1%} of {len(rows)}; wrong: {wrong}")
    assert agreement >= 0.9, wrong
