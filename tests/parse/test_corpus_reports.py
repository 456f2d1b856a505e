"""Every report of ../shared/corpus/reports parses and matches its row in tests/cases/reports.yaml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from duban.ingest import read_report
from duban.model import Role, SectionKind
from duban.parse import parse

CASES = Path(__file__).resolve().parents[1] / "cases" / "reports.yaml"
ROWS: list[dict[str, Any]] = yaml.safe_load(CASES.read_text(encoding="utf-8"))["reports"]


def test_table_covers_every_report(shared: Callable[..., Path]) -> None:
    folder = shared("corpus", "reports")
    assert sorted(row["file"] for row in ROWS) == sorted(p.name for p in folder.glob("*.txt"))


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_report_matches_its_row(row: dict[str, Any], shared: Callable[..., Path]) -> None:
    report = parse(read_report(shared("corpus", "reports", row["file"])))
    m = report.metadata
    got = {
        "year": m.year,
        "review_year": m.review_year,
        "level": m.level,
        "region": m.region,
        "region_code": m.region_code,
        "delivered_on": m.delivered_on,
        "session": m.session,
        "speaker": None
        if m.speaker_name is None and m.speaker_title is None
        else {"name": m.speaker_name, "title": m.speaker_title},
        "parts": [[s.number, s.role.value] for s in report.sections],
    }
    want = {key: row[key] for key in got}
    assert got == want
    # Structural invariants every report must keep.
    assert all(s.kind is SectionKind.PART for s in report.sections)
    assert report.body_end <= len(report.text)
    for s in report.iter_sections():
        assert s.start <= s.title_start <= s.title_end <= s.end <= report.body_end
        assert report.text[s.title_start : s.title_end] == s.title
    if report.main_targets is not None:
        assert report.role_at(report.main_targets[0]) is Role.MAIN_TARGETS
