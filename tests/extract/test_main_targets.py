"""main_targets on corpus reports, against a table written by reading them (tests/cases/main_targets.yaml)."""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from duban import main_targets, parse_text
from duban.model import Figure, Report
from tests.extract.conftest import REPORTS, SHARED

TABLE: dict[str, list[list[Any]]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "cases" / "main_targets.yaml").read_text(encoding="utf-8"))


def _unit(u: str | None) -> str:
    return unicodedata.normalize("NFKC", u or "")


def _found(target: list[Any], quantified: list[Figure]) -> bool:
    word, value, unit = target
    return any(math.isclose(f.value, float(value)) and _unit(f.unit) == _unit(unit) and word in f.indicator
               for f in quantified)


def test_main_targets_table_is_large_enough() -> None:
    assert len(TABLE) >= 20


@pytest.mark.parametrize("name", sorted(TABLE))
def test_main_targets_quantified(name: str, extracted: Callable[[Path], tuple[Report, list[Figure]]]) -> None:
    path = REPORTS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    report, figures = extracted(path)
    result = main_targets(report, figures)
    assert result.found, "no main targets paragraph found"
    missing = [t for t in TABLE[name] if not _found(t, result.quantified)]
    assert not missing, f"missing {missing}; got {[(f.indicator, f.value, f.unit) for f in result.quantified]}"
    expected_values = {(float(v), _unit(u)) for _, v, u in TABLE[name]}
    extra = [(f.indicator, f.value, f.unit) for f in result.quantified
             if (f.value, _unit(f.unit)) not in expected_values and f.value_max is None]
    assert not extra, f"not main targets: {extra}"
    for f in result.quantified:
        assert f.kind == "target" and report.text[f.start:f.end] == f.text
    for item in result.qualitative:
        assert report.text[item.start:item.end] == item.text and item.text


def test_main_targets_gold_meta(extracted: Callable[[Path], tuple[Report, list[Figure]]]) -> None:
    """The quantified and qualitative targets the gold meta files list."""
    for name in ("zhenhai-2020", "2019-national-guowuyuan"):
        meta_path = SHARED / "gold" / f"{name}.meta.json"
        if not meta_path.exists():
            pytest.skip("gold not available")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        report, figures = extracted(SHARED / meta["report"])
        result = main_targets(report, figures)
        want = meta["main_targets_paragraph"]
        got = {(f.value, f.unit, f.comparator, f.measure) for f in result.quantified}
        for t in want["quantified"]:
            assert (float(t["value"]), t["unit"], t["comparator"], t["measure"]) in got, t
        assert [q.text for q in result.qualitative] == want["qualitative"]


def test_main_targets_absent() -> None:
    report = parse_text("政府工作报告\n\n一、过去一年工作回顾\n\n地区生产总值增长6%，一般公共预算收入84.5亿元。\n")
    result = main_targets(report)
    assert not result.found and result.quantified == [] and result.qualitative == []


@pytest.mark.parametrize(("plan", "indicator"), [
    # 黑龙江 2015: the lead words (预期, 今年, 全省) are not part of the indicator
    ("综合考虑，预期今年全省地区生产总值增长6%左右，居民消费价格涨幅控制在3%。", "地区生产总值"),
    # 吉林 2006 style: 预期 after the subject
    ("今年全省地区生产总值预期增长12%。", "地区生产总值"),
])
def test_main_target_indicator_drops_the_lead_words(plan: str, indicator: str) -> None:
    report = parse_text("一、2014年工作回顾\n\n正文。\n\n二、2015年工作安排\n\n" + plan + "\n")
    found = main_targets(report)
    first = found.quantified[0]
    assert (first.indicator, first.indicator_id) == (indicator, "gdp")
