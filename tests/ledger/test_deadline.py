"""Explicit deadlines from real task sentences (tests/cases/deadlines.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from duban.ledger.data import deadline_rules
from duban.ledger.deadline import DeadlineFinder

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "deadlines.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["sentence"][:12] for c in CASES["cases"]])
def test_deadline_parsed(case: dict) -> None:
    found = DeadlineFinder(deadline_rules()).find(case["sentence"], 100, case["year"])
    assert found is not None
    assert found.date == str(case["date"])
    assert found.text == case["text"]
    if found.text is not None:
        assert found.start is not None and case["sentence"][found.start - 100 : found.end - 100] == found.text


def test_deadline_none_without_plan_year() -> None:
    assert DeadlineFinder(deadline_rules()).find("年底前完成", 0, None) is None
