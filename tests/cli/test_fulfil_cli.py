"""``duban fulfil`` and ``duban history`` on real reports: table, JSON, Excel, imported actuals, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from duban.cli import app

runner = CliRunner()
REPORTS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "reports"
N = REPORTS / "2018-county-hailaer.txt"
N1 = REPORTS / "2019-county-hailaer.txt"

pytestmark = pytest.mark.skipif(not N.is_file(), reason="../shared/corpus/reports is absent")


def by_indicator(records: list[dict], indicator: str, measure: str) -> dict:
    return next(r for r in records if r["indicator"] == indicator and r["measure"] == measure)


def test_cli_fulfil_json_one_object_per_target() -> None:
    result = runner.invoke(app, ["fulfil", str(N), str(N1), "--json", "--scope", "main"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    gdp = by_indicator(records, "地区生产总值", "growth")
    assert gdp["target"] == {"value": 6.0, "value_max": None, "unit": "%", "comparator": "~",
                             "quote": gdp["target"]["quote"]}
    assert gdp["actual"]["value"] == 6.0 and gdp["actual"]["source"].endswith("海拉尔区2019年政府工作报告")
    assert gdp["verdict"] == "met" and gdp["indicator_id"] == "gdp"
    assert by_indicator(records, "一般公共预算收入", "growth")["actual"] is None
    urban = by_indicator(records, "城镇居民人均可支配收入", "growth")
    rural = by_indicator(records, "农村居民人均可支配收入", "growth")
    assert (urban["verdict"], rural["verdict"]) == ("missed", "met")
    assert urban["clause"] == rural["clause"] == {"verdict": "partly", "reason": "2项可核对，完成1项"}
    assert {"indicator", "indicator_id", "measure", "target", "actual", "verdict", "reason"} <= set(gdp)


def test_cli_fulfil_table_and_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "对照表.xlsx"
    result = runner.invoke(app, ["fulfil", str(N), str(N1), "--xlsx", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "主要预期目标和工作任务完成情况" in result.stdout and "完成" in result.stdout
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "主要预期目标和工作任务完成情况对照表"
    assert "海拉尔区2019年政府工作报告" in sheet["A2"].value


def test_cli_fulfil_with_imported_actuals(tmp_path: Path) -> None:
    sheet = tmp_path / "actuals.csv"
    sheet.write_text("indicator,measure,value,unit,year,source\n"
                     "一般公共预算收入,growth,4.2,%,2018,海拉尔区2018年统计公报\n", encoding="utf-8")
    result = runner.invoke(app, ["fulfil", str(N), "--actuals", str(sheet), "--json", "--scope", "main"])
    assert result.exit_code == 0, result.output
    revenue = by_indicator(json.loads(result.stdout), "一般公共预算收入", "growth")
    assert revenue["actual"]["source"] == "海拉尔区2018年统计公报" and revenue["verdict"] == "missed"
    assert by_indicator(json.loads(result.stdout), "地区生产总值", "growth")["verdict"] == "no_data"


def test_cli_fulfil_bad_sheet_imports_nothing(tmp_path: Path) -> None:
    sheet = tmp_path / "actuals.csv"
    sheet.write_text("indicator,measure,value,unit,year,source\n一般公共预算收入,growth,abc,%,2018,公报\n",
                     encoding="utf-8")
    result = runner.invoke(app, ["fulfil", str(N), "--actuals", str(sheet)])
    assert result.exit_code == 2
    assert "D403" in result.stderr and "第2行 value" in result.stderr


def test_cli_fulfil_needs_actuals() -> None:
    result = runner.invoke(app, ["fulfil", str(N)])
    assert result.exit_code == 2 and "--actuals" in result.stderr


def test_cli_history_of_one_region(tmp_path: Path) -> None:
    for year in (2017, 2018, 2019):
        shutil.copy(REPORTS / f"{year}-county-hailaer.txt", tmp_path)
    result = runner.invoke(app, ["history", str(tmp_path), "--indicator", "gdp", "--measure", "growth", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["year"]: r for r in json.loads(result.stdout)}
    assert rows[2018]["target"]["value"] == 6.0 and rows[2018]["actual"]["value"] == 6.0
    assert rows[2018]["verdict"] == "met"
    assert rows[2019]["target"]["value"] == 3.5 and rows[2019]["actual"] is None
    assert rows[2016]["actual"]["value"] == 7.2 and rows[2016]["target"] is None
    table = runner.invoke(app, ["history", str(tmp_path), "--indicator", "地区生产总值", "--measure", "growth"],
                          env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "2018" in table.stdout
