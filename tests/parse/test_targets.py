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


def test_one_paragraph_speech_keeps_the_targets_sentence_only() -> None:
    """太原 2019 is published as one paragraph: the span is the sentence that lists the targets."""
    review = "**一、2018年工作回顾** 2018年，全市地区生产总值增长9.2%，规模以上工业增加值增长10.8%。" * 20
    targets = "** 主要预期指标是：地区生产总值增长8%左右，规模以上工业增加值增长10%，固定资产投资增长10%。"
    text = "各位代表：" + review + "**二、2019年工作安排** 今年是新中国成立70周年。" + targets + "做好今年工作，要抓好以下几个方面。" * 10
    report = parse_text(text)
    assert report.main_targets is not None
    start, end = report.main_targets
    assert text[start:end] == targets
