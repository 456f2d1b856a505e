"""Whole-report fulfilment, region history and the xlsx table, on small hand-built reports."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from duban.export.fulfilment_xlsx import HEADERS, TITLE, write_fulfilment_xlsx
from duban.ledger.history import region_history, regions
from duban.ledger.yearly import fulfil_reports, report_targets
from duban.model import Figure, Report
from duban.model.fulfilment import Actual, Verdict
from duban.parse import parse_text

TEXT_2019 = (
    "一、2018年工作回顾\n全市地区生产总值增长7%。\n"
    "二、2019年主要目标任务\n今年主要预期目标为：地区生产总值增长6.8%左右；城镇登记失业率3.5%以内。\n"
    "三、工作任务\n新增城镇就业14万人。新建学校20所。\n"
)
TEXT_2020 = (
    "一、2019年工作回顾\n全市地区生产总值增长6.8%，新增城镇就业25.4万人，城镇登记失业率1.61%，新建学校18所。\n"
    "二、2020年主要目标任务\n建议今年地区生产总值增长6.5%左右。\n"
)
TEXT_2021 = "一、2020年工作回顾\n全市地区生产总值增长3.3%。\n"


def report(text: str, year: int, main_cue: str | None, region: str = "宁波市") -> Report:
    r = parse_text(text)
    r.metadata.region = region
    r.metadata.year = year
    r.metadata.review_year = year - 1
    if main_cue is not None:
        start = text.index(main_cue)
        r.main_targets = (start, text.index("\n", start))
    return r


def fig(text: str, number: str, kind: str, year: int, indicator: str, measure: str, value: float, unit: str,
        comparator: str = "=", indicator_id: str | None = None, nth: int = 0) -> Figure:
    start = -1
    for _ in range(nth + 1):
        start = text.index(number, start + 1)
    return Figure(start=start, end=start + len(number), text=number, kind=kind, year=year, indicator=indicator,
                  measure=measure, value=value, value_max=None, unit=unit, comparator=comparator,
                  quote=text[max(0, start - 12):start + len(number)], indicator_id=indicator_id)


R2019 = report(TEXT_2019, 2019, "今年主要预期目标")
F2019 = [
    fig(TEXT_2019, "7%", "actual", 2018, "地区生产总值", "growth", 7, "%", indicator_id="gdp"),
    fig(TEXT_2019, "6.8%", "target", 2019, "地区生产总值", "growth", 6.8, "%", "~", "gdp"),
    fig(TEXT_2019, "3.5%", "target", 2019, "城镇登记失业率", "rate", 3.5, "%", "<="),
    fig(TEXT_2019, "14万人", "target", 2019, "新增城镇就业", "level", 14, "万人"),
    fig(TEXT_2019, "20所", "target", 2019, "新建学校", "level", 20, "所"),
]
R2020 = report(TEXT_2020, 2020, "建议今年")
F2020 = [
    fig(TEXT_2020, "6.8%", "actual", 2019, "地区生产总值", "growth", 6.8, "%", indicator_id="gdp"),
    fig(TEXT_2020, "25.4万人", "actual", 2019, "新增城镇就业", "level", 25.4, "万人"),
    fig(TEXT_2020, "1.61%", "actual", 2019, "城镇登记失业率", "rate", 1.61, "%"),
    fig(TEXT_2020, "18所", "actual", 2019, "新建学校", "level", 18, "所"),
    fig(TEXT_2020, "6.5%", "target", 2020, "地区生产总值", "growth", 6.5, "%", "~", "gdp"),
]
R2021 = report(TEXT_2021, 2021, None)
F2021 = [fig(TEXT_2021, "3.3%", "actual", 2020, "地区生产总值", "growth", 3.3, "%", indicator_id="gdp")]


def test_report_targets_split_main_and_task() -> None:
    targets = report_targets(R2019, F2019)
    assert [f.indicator for f in targets.main] == ["地区生产总值", "城镇登记失业率"]
    assert [f.indicator for f in targets.task] == ["新增城镇就业", "新建学校"]


def test_fulfil_reports_judges_main_then_task_targets() -> None:
    results = fulfil_reports(R2019, F2019, R2020, F2020)
    assert [(r.scope, r.target.indicator, r.verdict) for r in results] == [
        ("main", "地区生产总值", Verdict.MET),
        ("main", "城镇登记失业率", Verdict.MET),
        ("task", "新增城镇就业", Verdict.MET),
        ("task", "新建学校", Verdict.MISSED),
    ]
    assert results[0].actual is not None and results[0].actual.source == "宁波市2020年政府工作报告"
    record = results[3].to_dict()
    assert record["target"] == {"value": 20, "value_max": None, "unit": "所", "comparator": "=",
                                "quote": F2019[4].quote}
    assert record["actual"]["value"] == 18 and record["verdict"] == "missed" and "低于" in record["reason"]


def test_fulfil_reports_imported_actuals_without_next_report() -> None:
    sheet = [Actual("地区生产总值", "growth", 6.7, "%", 2019, "统计公报")]
    results = fulfil_reports(R2019, F2019, None, (), sheet)
    assert [r.verdict for r in results] == [Verdict.MET, Verdict.NO_DATA, Verdict.NO_DATA, Verdict.NO_DATA]
    assert results[0].actual is not None and results[0].actual.source == "统计公报"


def test_region_history_lists_every_year() -> None:
    rows = region_history([(R2021, F2021), (R2019, F2019), (R2020, F2020)], "gdp", "growth")
    assert [(r.year, r.target.value if r.target else None, r.actual.value if r.actual else None, r.verdict)
            for r in rows] == [
        (2018, None, 7.0, Verdict.NO_DATA),
        (2019, 6.8, 6.8, Verdict.MET),
        (2020, 6.5, 3.3, Verdict.MISSED),
    ]


def test_region_history_by_indicator_text_and_region() -> None:
    other = report(TEXT_2021, 2021, None, region="嘉兴市")
    reports = [(R2019, F2019), (R2020, F2020), (other, F2021)]
    assert regions([r for r, _ in reports]) == ["宁波市", "嘉兴市"]
    rows = region_history(reports, "生产总值", "growth", region="宁波市")
    assert [r.year for r in rows] == [2018, 2019, 2020]
    assert rows[-1].actual is None and rows[-1].verdict is Verdict.NO_DATA


def test_fulfilment_xlsx_layout(tmp_path: Path) -> None:
    results = fulfil_reports(R2019, F2019, R2020, F2020)
    path = write_fulfilment_xlsx(results, tmp_path / "table.xlsx", "宁波市2019年目标")
    sheet = load_workbook(path).active
    assert sheet["A1"].value == TITLE
    assert tuple(c.value for c in sheet[3]) == HEADERS
    assert sheet["A4"].value == "主要预期目标"
    assert sheet["C5"].value == "地区生产总值" and sheet["F5"].value == "完成"
    assert sheet["D5"].value == "6.8%左右" and sheet["E5"].value == "6.8%"
    assert sheet["A7"].value == "工作任务"
    assert sheet["C9"].value == "新建学校" and sheet["F9"].value == "未完成" and sheet["A9"].value == 4
    assert sheet.print_title_rows == "$3:$3"


def test_report_targets_leave_out_five_year_plan_goals() -> None:
    plan = fig(TEXT_2019, "20所", "target", 2019, "新建学校", "level", 20, "所")
    plan.part = "二、“十四五”时期主要目标任务"
    assert report_targets(R2019, [plan]).task == []
    plan.part = "三、2019年重点工作"
    assert report_targets(R2019, [plan]).task == [plan]
