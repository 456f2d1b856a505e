"""The Excel 任务分解表: sheets, header, merged area bands, print settings, every task and target."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from duban.export.xlsx_out import format_deadline, load_layout, write_ledger_xlsx
from duban.model import Ledger

HEADER = ["序号", "重点工作", "具体任务", "目标值", "牵头单位", "配合单位", "完成时限"]


@pytest.fixture(scope="module")
def book(sample_ledger: Ledger, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("xlsx") / "ledger.xlsx"
    write_ledger_xlsx(sample_ledger, out)
    return load_workbook(out)


def _merged_rows(ws: Worksheet, width: int) -> dict[int, str]:
    """Rows merged across the full width (the bands), with their label."""
    out = {}
    for rng in ws.merged_cells.ranges:
        if rng.min_row == rng.max_row and rng.min_col == 1 and rng.max_col == width:
            out[rng.min_row] = ws.cell(rng.min_row, 1).value
    return out


def test_xlsx_sheets_title_and_header(book, sample_ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    assert book.sheetnames == ["任务分解表", "目标值"]
    ws = book["任务分解表"]
    assert ws["A1"].value == "镇海区2020年政府工作报告重点工作任务分解表"
    assert [c.value for c in ws[2]] == HEADER
    assert ws.freeze_panes == "A3"


def test_xlsx_area_bands_merged(book, sample_ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    ws = book["任务分解表"]
    bands = set(_merged_rows(ws, 7).values())
    assert ws["A1"].value in bands  # the title row spans the table too
    for area in sample_ledger.areas:
        assert f"{area.number}{area.title}" in bands
    assert "主要预期目标" in bands


def test_xlsx_print_settings(book) -> None:  # type: ignore[no-untyped-def]
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.print_title_rows == "$2:$2"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in ws.oddFooter.center.text
        assert all(ws.column_dimensions[c].width > 5 for c in "ABCDEFG")
    ws = book["任务分解表"]
    assert ws["C3"].alignment.wrap_text or ws["C4"].alignment.wrap_text


def test_xlsx_every_task_and_target_present(book, sample_ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    ws = book["任务分解表"]
    rows = {r[2]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] is not None and r[2]}
    for t in sample_ledger.tasks:
        row = rows[t.text]
        assert row[0] == t.seq
        assert row[4] == "、".join(s.department for s in t.lead)
        for f in t.figures:
            assert f.text in (row[3] or "")
    targets = book["目标值"]
    listed = [r for r in targets.iter_rows(min_row=3, values_only=True) if r[0] is not None]
    assert len(listed) == len(sample_ledger.targets) == 50
    assert {(r[3], r[1]) for r in listed} == {(f.indicator, t.seq) for t in sample_ledger.tasks for f in t.figures}


@pytest.mark.parametrize(
    ("iso", "shown"),
    [("2020-12-31", "2020年底前"), ("2020-06-30", "2020年6月底前"), ("2020-05-15", "2020年5月15日前"), (None, "")],
)
def test_xlsx_deadline_wording(iso: str | None, shown: str) -> None:
    assert format_deadline(iso, load_layout()) == shown


def test_xlsx_writes_a_file(sample_ledger: Ledger, tmp_path: Path) -> None:
    out = write_ledger_xlsx(sample_ledger, tmp_path / "t.xlsx")
    assert out.stat().st_size > 5000


def test_xlsx_target_wording() -> None:
    from duban.export.xlsx_out import format_target
    from duban.model import Figure

    layout = load_layout()

    def fig(indicator: str, measure: str, value: float, text: str, cmp: str = "=") -> Figure:
        return Figure(0, 1, text, "target", 2020, indicator, measure, value, None, "%", cmp, "")

    assert format_target(fig("地区生产总值", "growth", 6, "6%"), layout) == "地区生产总值增长 6%"
    assert format_target(fig("城镇登记失业率", "rate", 3, "3%", "<="), layout) == "城镇登记失业率 ≤3%"
    assert format_target(fig("一般性支出压减", "growth", -5, "5%", ">="), layout) == "一般性支出压减 ≥5%"
    assert format_target(fig("单位生产总值能耗", "growth", -3, "3%", "~"), layout) == "单位生产总值能耗下降 约3%"
