"""The actuals sheet import: valid sheets in full, bad sheets not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from duban.errors import DubanError, ErrorCode
from duban.export.actuals_in import read_actuals

GOOD = """indicator,measure,value,unit,year,source
地区生产总值,growth,6.8,%,2019,宁波市2019年国民经济和社会发展统计公报
一般公共预算收入,level,"1,468.5",亿元,2019,https://tjj.ningbo.gov.cn/
城镇登记失业率,rate,1.79,%,2019,统计公报
"""


def write(tmp_path: Path, text: str, name: str = "actuals.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_actuals_in_reads_a_good_csv(tmp_path: Path) -> None:
    actuals = read_actuals(write(tmp_path, GOOD))
    assert [(a.indicator, a.measure, a.value, a.unit, a.year) for a in actuals] == [
        ("地区生产总值", "growth", 6.8, "%", 2019),
        ("一般公共预算收入", "level", 1468.5, "亿元", 2019),
        ("城镇登记失业率", "rate", 1.79, "%", 2019),
    ]
    assert actuals[1].source == "https://tjj.ningbo.gov.cn/"


def test_actuals_in_accepts_bom_and_column_order(tmp_path: Path) -> None:
    text = "\ufeffyear,source,indicator,value,unit,measure\n2019,公报,地区生产总值,6.8,%,growth\n"
    assert read_actuals(write(tmp_path, text))[0].value == 6.8


def test_actuals_in_reads_excel(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "measure", "value", "unit", "year", "source"])
    sheet.append(["城镇新增就业", "level", 1352, "万人", 2019, "统计公报"])
    path = tmp_path / "actuals.xlsx"
    book.save(path)
    actual = read_actuals(path)[0]
    assert (actual.indicator, actual.value, actual.unit, actual.year) == ("城镇新增就业", 1352.0, "万人", 2019)


def test_actuals_in_bad_rows_import_nothing(tmp_path: Path) -> None:
    text = GOOD + "社会消费品零售总额,growth,约8,%,2019,公报\n居民消费价格,speed,2.9,%,20x9,\n"
    with pytest.raises(DubanError) as info:
        read_actuals(write(tmp_path, text))
    err = info.value
    assert err.code is ErrorCode.BAD_SHEET
    problems = {(e.row, e.column) for e in err.params["rows"]}  # type: ignore[attr-defined]
    assert problems == {(5, "value"), (6, "measure"), (6, "year"), (6, "source")}
    assert "第5行 value" in err.detail and "未导入任何数据" in err.detail


def test_actuals_in_missing_column(tmp_path: Path) -> None:
    with pytest.raises(DubanError) as info:
        read_actuals(write(tmp_path, "indicator,value,year\n地区生产总值,6.8,2019\n"))
    assert "measure" in info.value.detail and "unit" in info.value.detail


def test_actuals_in_duplicate_row(tmp_path: Path) -> None:
    with pytest.raises(DubanError) as info:
        read_actuals(write(tmp_path, GOOD + "地区生产总值,growth,6.9,%,2019,另一公报\n"))
    assert "与第2行重复" in info.value.detail


def test_actuals_in_rejects_non_utf8(tmp_path: Path) -> None:
    with pytest.raises(DubanError) as info:
        read_actuals(write(tmp_path, GOOD, encoding="gb18030"))
    assert "UTF-8" in info.value.detail


def test_actuals_in_empty_sheet(tmp_path: Path) -> None:
    with pytest.raises(DubanError):
        read_actuals(write(tmp_path, "indicator,measure,value,unit,year,source\n"))


def test_actuals_in_broken_excel(tmp_path: Path) -> None:
    with pytest.raises(DubanError) as info:
        read_actuals(write(tmp_path, "not a workbook", name="actuals.xlsx"))
    assert info.value.code is ErrorCode.BAD_SHEET and "Excel" in info.value.detail
