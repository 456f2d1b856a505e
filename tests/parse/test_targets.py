"""The main expected targets paragraph on short real excerpts (tests/cases/main_targets_paragraphs.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from duban.model import Role
from duban.parse import parse_text

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "cases" / "main_targets_paragraphs.yaml").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["report"].split(" ")[0] for c in CASES])
def test_main_targets_start(case: dict[str, Any]) -> None:
    report = parse_text(case["text"])
    if case["start"] is None:
        assert report.main_targets is None, report.text[slice(*report.main_targets)][:60]
        return
    assert report.main_targets is not None, "no main targets paragraph found"
    start, end = report.main_targets
    assert report.text[start:end].startswith(case["start"]), report.text[start:end][:60]
    assert report.role_at(start) is Role.MAIN_TARGETS
