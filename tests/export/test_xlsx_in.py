"""Progress sheets: the blank sheet's layout, and every kind of bad row reported in Chinese."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from duban.export.xlsx_in import (
    PROGRESS_HEADER,
    PROGRESS_TAB,
    VALUES_TAB,
    SheetTarget,
    SheetTask,
    progress_workbook,
    read_progress_sheet,
    workbook_bytes,
)

STAGES = ["未启动", "推进中", "已完成"]
TODAY = dt.date(2020, 7, 15)
TASKS = [
    SheetTask(11, "1", "新增城镇就业6700人", "牵头", "2020-12-31", "未报送", (SheetTarget(101, "新增城镇就业", "6700人"),)),
    SheetTask(12, "2", "完善诚信体系建设", "配合", "2020-09-30", "未报送"),
]
OWN = {11: {101}, 12: set()}
KNOWN = {11, 12, 13}


def blank() -> object:
    return load_workbook(io.BytesIO(workbook_bytes(progress_workbook("区发改局", TASKS, stages=STAGES,
                                                                      period="2020年7月"))))


def read(wb: object) -> object:
    out = io.BytesIO()
    wb.save(out)  # type: ignore[attr-defined]
    return read_progress_sheet(out.getvalue(), own_tasks=OWN, known_tasks=KNOWN, stages=STAGES, today=TODAY)


def test_blank_sheet_layout() -> None:
    wb = blank()
    ws = wb[PROGRESS_TAB]  # type: ignore[index]
    assert [c.value for c in ws[2]] == PROGRESS_HEADER
    assert [ws.cell(row=r, column=1).value for r in (3, 4)] == [11, 12]
    assert "区发改局" in ws["A1"].value
    values = wb[VALUES_TAB]  # type: ignore[index]
    assert [c.value for c in values[3]][:4] == [11, 101, "新增城镇就业", "6700人"]


def test_filled_sheet_reads_back() -> None:
    wb = blank()
    ws = wb[PROGRESS_TAB]  # type: ignore[index]
    ws.cell(row=3, column=7, value=dt.datetime(2020, 7, 10))
    ws.cell(row=3, column=8, value="45%")
    ws.cell(row=3, column=10, value="招聘会三场")
    ws.cell(row=4, column=9, value="推进中")
    wb[VALUES_TAB].cell(row=3, column=5, value="3,200")  # type: ignore[index]
    result = read(wb)
    assert result.errors == []  # type: ignore[attr-defined]
    first, second = result.rows  # type: ignore[attr-defined]
    assert (first.task_id, first.reported_on, first.percent, first.narrative, first.values) == (
        11, dt.date(2020, 7, 10), 45.0, "招聘会三场", {101: 3200.0})
    assert (second.task_id, second.stage, second.percent) == (12, "推进中", None)


@pytest.mark.parametrize(
    ("row", "column", "value", "message"),
    [
        (3, 8, "一半", "完成进度“一半”不是数字"),
        (3, 8, 150, "完成进度150超出0到100的范围"),
        (3, 8, -5, "完成进度-5超出0到100的范围"),
        (3, 9, "快完成了", "推进阶段“快完成了”无效"),
        (3, 7, "七月十日", "报送日期“七月十日”不是有效日期"),
        (3, 7, "2020-08-01", "报送日期2020-08-01晚于今天"),
        (3, 11, "ftp://x", "来源链接须以 http:// 或 https:// 开头"),
    ],
)
def test_bad_cell_is_reported_with_its_row(row: int, column: int, value: object, message: str) -> None:
    wb = blank()
    wb[PROGRESS_TAB].cell(row=row, column=column, value=value)  # type: ignore[index]
    wb[PROGRESS_TAB].cell(row=4, column=8, value=20)  # a good row too: still nothing imported
    result = read(wb)
    assert any(message in e and f"第{row}行" in e for e in result.errors), result.errors  # type: ignore[attr-defined]


def test_unknown_and_foreign_task_ids() -> None:
    wb = blank()
    ws = wb[PROGRESS_TAB]  # type: ignore[index]
    ws.cell(row=3, column=1, value=999)
    ws.cell(row=3, column=8, value=10)
    ws.cell(row=4, column=1, value=13)
    ws.cell(row=4, column=8, value=10)
    ws.cell(row=5, column=1, value="abc")
    ws.cell(row=5, column=8, value=10)
    errors = read(wb).errors  # type: ignore[attr-defined]
    assert any("任务ID 999 不存在" in e for e in errors)
    assert any("任务ID 13 不是本单位牵头或配合的任务" in e for e in errors)
    assert any("任务ID“abc”不是有效编号" in e for e in errors)
    assert len(errors) == 3


def test_all_errors_listed_not_just_the_first() -> None:
    wb = blank()
    ws = wb[PROGRESS_TAB]  # type: ignore[index]
    ws.cell(row=3, column=8, value="x")
    ws.cell(row=4, column=8, value=101)
    wb[VALUES_TAB].cell(row=3, column=5, value="很多")  # type: ignore[index]
    errors = read(wb).errors  # type: ignore[attr-defined]
    assert len(errors) == 3
    assert any(VALUES_TAB in e and "完成值“很多”不是数字" in e for e in errors)


def test_target_of_another_task_refused() -> None:
    wb = blank()
    values = wb[VALUES_TAB]  # type: ignore[index]
    values.cell(row=3, column=2, value=555)
    values.cell(row=3, column=5, value=10)
    assert any("指标ID“555”不属于任务 11" in e for e in read(wb).errors)  # type: ignore[attr-defined]


def test_empty_sheet_and_not_a_workbook() -> None:
    assert read(blank()).errors == ["进展表中没有填写任何内容。"]  # type: ignore[attr-defined]
    bad = read_progress_sheet(b"not a workbook", own_tasks=OWN, known_tasks=KNOWN, stages=STAGES, today=TODAY)
    assert "不是有效的Excel" in bad.errors[0]


def test_changed_header_refused() -> None:
    wb = blank()
    wb[PROGRESS_TAB].cell(row=2, column=8, value="进度")  # type: ignore[index]
    wb[PROGRESS_TAB].cell(row=3, column=8, value=10)  # type: ignore[index]
    assert "表头被修改" in read(wb).errors[0]  # type: ignore[attr-defined]
