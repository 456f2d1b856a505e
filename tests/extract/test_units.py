"""Numbers, units and exclusions on small real-shaped strings."""

from __future__ import annotations

import pytest

from duban.extract.numbers import fold, scan_numbers
from duban.extract.units import find_quantities


def _quantities(text: str) -> list[tuple[str, float, float | None, str | None, float | None]]:
    return [(text[q.start:q.end], q.value, q.value_max, q.unit, q.value_base) for q in find_quantities(text, fold(text))]


def test_units_fold_keeps_length() -> None:
    text = "增长１２．５％，ＧＤＰ"
    assert len(fold(text)) == len(text)
    assert fold(text) == "增长12.5%，GDP"


def test_units_numbers_with_thousands_and_decimals() -> None:
    assert [n.value for n in scan_numbers("1,234,567元和3.14%及12,3")] == [1234567, 3.14, 12, 3]


@pytest.mark.parametrize(("text", "expected"), [
    ("1021.6亿元", ("1021.6亿元", 1021.6, None, "亿元", 102160000000)),
    ("43万平方米", ("43万平方米", 43, None, "万平方米", 430000)),
    ("1100万人", ("1100万人", 1100, None, "万人", 11000000)),
    ("700余名", ("700余名", 700, None, "名", 700)),
    ("620多万套", ("620多万套", 620, None, "万套", 6200000)),
    ("2万余人", ("2万余人", 2, None, "万人", 20000)),
    ("4至6家", ("4至6家", 4, 6, "家", 4)),
    ("6%—6.5%", ("6%—6.5%", 6, 6.5, "%", None)),
    ("0.2个百分点", ("0.2个百分点", 0.2, None, "个百分点", None)),
    ("18.4万头（只）", ("18.4万头（只）", 18.4, None, "万头（只）", 184000)),
    ("近14亿人口", ("14亿", 14, None, "亿", 1400000000)),
    ("1.81:1", ("1.81:1", 1.81, None, ":1", None)),
    ("1/4", ("1/4", 0.25, None, None, None)),
    ("28微克/立方米", ("28微克/立方米", 28, None, "微克/立方米", 28)),
    ("1250元/月", ("1250元/月", 1250, None, "元/月", 1250)),
])
def test_units_quantity(text: str, expected: tuple[str, float, float | None, str | None, float | None]) -> None:
    assert _quantities(text)[0] == expected


@pytest.mark.parametrize("text", ["2019年", "经过5年持续奋斗", "1688新青年广场", "20人才"])
def test_units_no_quantity(text: str) -> None:
    assert _quantities(text) == []


def test_units_duration_needs_a_cue() -> None:
    assert _quantities("连续14年")[0][:4] == ("14年", 14, None, "年")
