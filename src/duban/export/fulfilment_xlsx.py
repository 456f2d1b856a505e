"""主要预期目标和工作任务完成情况对照表: the fulfilment table as offices print it.

A title row, a subtitle (region, year, where the actuals come from), then one
row per target: 序号, 类别, 指标, 年度目标, 实际完成, 完成情况, 说明, 目标原文,
实际出处. Main expected targets come first, then task-level targets grouped
by area, each group under a band row naming it. The header repeats on every printed page; the page is A4 landscape,
one page wide; each verdict has its cell colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from duban.export.page import print_landscape
from duban.ledger.verdict import describe_target, show
from duban.model.fulfilment import VERDICT_LABELS, Fulfilment, Verdict

TITLE = "主要预期目标和工作任务完成情况对照表"
HEADERS = ("序号", "类别", "指标", "年度目标", "实际完成", "完成情况", "说明", "目标原文", "实际出处")
WIDTHS = (6, 12, 22, 16, 16, 10, 40, 40, 26)
FILLS = {
    Verdict.MET: "C6EFCE",
    Verdict.MISSED: "FFC7CE",
    Verdict.PARTLY: "FFEB9C",
    Verdict.NOT_COMPARABLE: "DDEBF7",
    Verdict.NO_DATA: "EDEDED",
}
SCOPE_LABELS = {"main": "主要预期目标", "task": "工作任务"}


def _row(index: int, result: Fulfilment) -> list[object]:
    t, a = result.target, result.actual
    category = SCOPE_LABELS.get(result.scope, result.scope)
    if result.scope == "task" and t.area:
        category = f"工作任务：{t.area}"
    return [
        index,
        category,
        t.indicator,
        describe_target(t),
        show(a.value, a.unit) if a is not None else "—",
        VERDICT_LABELS[result.verdict],
        result.reason,
        t.quote,
        (f"{a.source}：{a.quote}" if a.quote else a.source) if a is not None else "",
    ]


def ordered(results: Sequence[Fulfilment]) -> list[Fulfilment]:
    """Main targets first in report order, then task targets by area, each in report order."""
    return sorted(results, key=lambda r: (r.scope != "main", r.target.area or "" if r.scope != "main" else "",
                                          r.target.start))


def write_fulfilment_xlsx(results: Sequence[Fulfilment], path: str | Path, subtitle: str = "") -> Path:
    """Write the table to ``path`` (.xlsx) and return the path."""
    book = Workbook()
    sheet = book.active
    sheet.title = "完成情况对照表"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
    last = get_column_letter(len(HEADERS))

    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = TITLE
    sheet["A1"].font = Font(name="黑体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.merge_cells(f"A2:{last}2")
    sheet["A2"] = subtitle
    sheet["A2"].alignment = Alignment(horizontal="left", vertical="center")
    for col, (name, width) in enumerate(zip(HEADERS, WIDTHS), start=1):
        cell = sheet.cell(row=3, column=col, value=name)
        cell.font = Font(bold=True)
        cell.alignment = centre
        cell.border = border
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        sheet.column_dimensions[get_column_letter(col)].width = width
    row = 3
    band: tuple[str, str] | None = None
    for index, result in enumerate(ordered(results), start=1):
        this_band = (result.scope, result.target.area or "" if result.scope == "task" else "")
        if this_band != band:
            band = this_band
            row += 1
            title = SCOPE_LABELS.get(result.scope, result.scope)
            if result.scope == "task" and result.target.area:
                title = f"{title}：{result.target.area}"
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADERS))
            cell = sheet.cell(row=row, column=1, value=title)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="F2F2F2")
            cell.border = border
        row += 1
        for col, value in enumerate(_row(index, result), start=1):
            cell = sheet.cell(row=row, column=col, value=value)
            cell.border = border
            cell.alignment = centre if col in (1, 4, 5, 6) else wrap
        sheet.cell(row=row, column=6).fill = PatternFill("solid", fgColor=FILLS[result.verdict])
    print_landscape(sheet, header_row=3)
    out = Path(path)
    book.save(out)
    return out
