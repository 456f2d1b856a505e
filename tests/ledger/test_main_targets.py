"""Main expected targets of real reports made into one task each (tests/cases/ledger_main_targets.yaml).

The targets come from ``duban.extract.main_targets``; these tests check the
task spans the ledger makes of them, on the reports the table quotes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from duban import extract_figures, parse, parse_text, read_report
from duban.ledger import build_ledger
from duban.ledger.main_targets import main_target_spans, target_clause
from duban.model import Figure, Report

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "cases" / "ledger_main_targets.yaml").read_text(encoding="utf-8"))["cases"]


@cache
def _extracted(name: str) -> tuple[Report, list[Figure]]:
    for path in (SHARED / "corpus" / f"{name}.txt", SHARED / "corpus" / "reports" / f"{name}.txt"):
        if path.exists():
            report = parse(read_report(path))
            return report, extract_figures(report)
    pytest.skip(f"{name}.txt is not in ../shared/corpus")


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
    return pytest.param(case, id=case["report"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_main_targets_split(case: dict[str, Any]) -> None:
    report, figures = _extracted(case["report"])
    at = report.text.find(case["sentence"])
    assert at >= 0, "the sentence is not in the report"
    end = at + len(case["sentence"])
    spans = [(a, b) for a, b in main_target_spans(report, figures) if at <= a < end]
    assert [report.text[a:b] for a, b in spans] == case["targets"]


def test_main_targets_tasks_of_a_case_report() -> None:
    """The ledger's main-target tasks are those spans, at the top of the ledger."""
    case = next(c for c in CASES if not c.get("xfail"))
    report, figures = _extracted(case["report"])
    tasks = [t for t in build_ledger(report, figures, None).tasks if t.kind == "main_target"]
    assert [t.text for t in tasks] == case["targets"]
    assert all(t.area_title == "主要预期目标" and t.role == "main_targets" for t in tasks)


def test_main_targets_clause_of_a_quote_reaching_back() -> None:
    """A quote that reaches back to its indicator's clause gives the figure's own clause."""
    text = "主要预期目标是：地区生产总值增长20%，达到282亿元；财政收入增长9%。"
    start = text.index("282亿元")
    figure = Figure(start, start + 5, "282亿元", "target", 2013, "地区生产总值", "level", 282.0, None,
                    "亿元", "=", text[8:start + 5])
    assert text[slice(*target_clause(text, figure, "，；：。"))] == "达到282亿元"


def test_main_targets_none_without_a_targets_paragraph() -> None:
    text = "政府工作报告\n\n一、今年工作安排\n\n全面推进乡村振兴，新建高标准农田5万亩。\n"
    report = parse_text(text)
    assert report.main_targets is None
    assert main_target_spans(report, extract_figures(report)) == []


def test_target_before_the_list_gets_a_task() -> None:
    """Found by fuzzing: a target stated in the sentence that opens the list, before its
    colon, was in no task (the coverage check listed it outside)."""
    from duban.model import Source
    from duban.pipeline import analyse

    text = (
        "2020年政府工作报告\n各位代表：\n现在，我代表人民政府向大会报告工作。发展经济，建设城市，推进改革，"
        "加快实施，加强完善，提升全面，坚持增长。\n一、2020年工作安排\n"
        "预计全省生产总值能够实现6%左右的预期目标，今年主要预期目标是：地区生产总值增长5%左右，居民收入同步增长。\n"
    )
    ledger = analyse(Source(text=text, format="text", encoding="utf-8", sha256="0" * 64, size=len(text))).ledger
    assert ledger.coverage.ok, ledger.coverage
    assert [t.text for t in ledger.tasks if t.kind == "main_target"] == [
        "预计全省生产总值能够实现6%左右的预期目标", "地区生产总值增长5%左右", "居民收入同步增长"
    ]
