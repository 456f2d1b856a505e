"""The 任务分解表 as an Excel file, laid out as supervision offices print it.

Sheet one: a title row, the header 序号/重点工作/具体任务/目标值/牵头单位/配合单位/
完成时限, then the tasks grouped under merged band rows for each part and area,
with each theme's cells merged down its tasks; wrapped text, set widths, a
frozen header repeated on every printed page, A4 landscape fitted to the
page width, page numbers in the footer. Sheet two: every target figure with
its indicator, comparator, value, unit and source sentence. Every word of the
layout comes from xlsx_layout.yaml.
"""

from __future__ import annotations

import calendar
import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from duban.export.page import print_landscape
from duban.lexicon.schema import XlsxColumn, XlsxLayout, validated
from duban.model import Area, Figure, Ledger, Task

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LINE_PT = 15.0  # points per wrapped line at the body size


def load_layout() -> XlsxLayout:
    return validated("xlsx_layout.yaml", XlsxLayout)


def _text_width(text: str) -> float:
    """Width in Excel character units: a CJK character is about two."""
    return sum(1.75 if ord(ch) > 0x2E80 else 0.95 for ch in text)


def _lines(text: str, width: float) -> int:
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(_text_width(part) / usable)) for part in (text.split("\n") or [""]))


def format_deadline(iso: str | None, layout: XlsxLayout) -> str:
    """2020-12-31 → 2020年底前; 2020-06-30 → 2020年6月底前; 2020-05-15 → 2020年5月15日前."""
    if not iso:
        return ""
    year, month, day = (int(x) for x in iso.split("-"))
    if day == calendar.monthrange(year, month)[1]:
        fmt = layout.deadline.year_end if month == 12 else layout.deadline.month_end
        return fmt.format(year=year, month=month)
    return layout.deadline.day.format(year=year, month=month, day=day)


def format_value(f: Figure) -> str:
    """The number as written, with its upper bound for a range (4至6 → 4–6)."""
    def num(v: float) -> str:
        return f"{v:g}"

    if f.value_max is not None:
        return f"{num(f.value)}–{num(f.value_max)}"
    return num(f.value)


def format_target(f: Figure, layout: XlsxLayout) -> str:
    """``新项目开工率 ≥80%``, ``地区生产总值增长 6%``: indicator, comparator and the figure as written."""
    cmp = layout.comparators.get(f.comparator, "")
    word = ""
    if f.measure == "growth":
        word = layout.growth_words["down" if f.value < 0 else "up"]
        if any(w in f.indicator for w in layout.change_words):
            word = ""
    head = f"{f.indicator}{word} " if f.indicator else ""
    return f"{head}{cmp}{f.text}"


def _band_label(area: Area | None, task: Task, layout: XlsxLayout) -> list[tuple[str, str]]:
    """(kind, label) of the bands that open above ``task``: part then area."""
    if task.kind == "main_target":
        return [("part", layout.main_targets_band)]
    out: list[tuple[str, str]] = []
    number, title = task.part_number, task.part_title
    if title is None and area is not None:
        number, title = area.part_number, area.part_title
    if title:
        out.append(("part", layout.part_band.format(number=number or "", title=title)))
    if area is not None:
        out.append(("area", layout.area_band.format(number=area.number or "", title=area.title)))
    else:
        out.append(("area", ""))  # closes the previous area's band: this task stands under the part
    return out


def _setup_sheet(ws: Worksheet, columns: list[XlsxColumn], title: str, layout: XlsxLayout) -> None:
    n = len(columns)
    last = get_column_letter(n)
    ws.merge_cells(f"A1:{last}1")
    cell = ws["A1"]
    cell.value = title
    cell.font = Font(name=layout.fonts["title"], size=layout.sizes["title"], bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 40
    header_fill = PatternFill("solid", fgColor=layout.fills["header"])
    for i, col in enumerate(columns, 1):
        c = ws.cell(row=2, column=i, value=col.header)
        c.font = Font(name=layout.fonts["header"], size=layout.sizes["header"], bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.fill = header_fill
        c.border = _BORDER
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.row_dimensions[2].height = 24
    print_landscape(ws, header_row=2)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = layout.footer
    ws.oddFooter.center.size = 10
    ws.evenFooter.center.text = layout.footer


def _body_cell(ws: Worksheet, row: int, col: int, value: object, layout: XlsxLayout, center: bool) -> None:
    c = ws.cell(row=row, column=col, value=value)
    c.font = Font(name=layout.fonts["body"], size=layout.sizes["body"])
    c.alignment = Alignment(horizontal="center" if center else "left", vertical="center", wrap_text=True)
    c.border = _BORDER


def _band(ws: Worksheet, row: int, n: int, label: str, kind: str, layout: XlsxLayout) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n)
    fill = PatternFill("solid", fgColor=layout.fills["part" if kind == "part" else "area"])
    for i in range(1, n + 1):
        c = ws.cell(row=row, column=i)
        c.border = _BORDER
        c.fill = fill
    c = ws.cell(row=row, column=1, value=label)
    c.font = Font(name=layout.fonts["header"], size=layout.sizes["band"], bold=True)
    c.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1 if kind == "area" else 0)
    ws.row_dimensions[row].height = 22


def _tasks_sheet(ws: Worksheet, ledger: Ledger, layout: XlsxLayout) -> None:
    cols = layout.columns
    n = len(cols)
    width = {c.key: c.width for c in cols}
    index = {c.key: i for i, c in enumerate(cols, 1)}
    _setup_sheet(ws, cols, ledger.title, layout)
    areas = {a.index: a for a in ledger.areas}
    row = 3
    open_bands: dict[str, str] = {}
    theme_start: int | None = None
    theme_key: tuple[object, ...] | None = None

    def close_theme(end_row: int) -> None:
        if theme_start is not None and end_row > theme_start:
            col = index["work"]
            ws.merge_cells(start_row=theme_start, start_column=col, end_row=end_row, end_column=col)

    for task in ledger.tasks:
        area = areas.get(task.area_index) if task.area_index else None
        for kind, label in _band_label(area, task, layout):
            if open_bands.get(kind) != label:
                close_theme(row - 1)
                theme_start, theme_key = None, None
                open_bands[kind] = label
                if not label:
                    continue
                _band(ws, row, n, label, kind, layout)
                open_bands[kind] = label
                if kind == "part":
                    open_bands.pop("area", None)
                row += 1
        values = {
            "seq": task.seq,
            "work": task.work,
            "text": task.text,
            "targets": "\n".join(format_target(f, layout) for f in task.figures),
            "lead": "、".join(s.department for s in task.lead),
            "co": "、".join(s.department for s in task.co),
            "deadline": format_deadline(task.deadline, layout),
        }
        for key, value in values.items():
            _body_cell(ws, row, index[key], value, layout, center=key in ("seq", "work", "lead", "co", "deadline"))
        group = (task.area_index, task.work, task.kind)
        if group != theme_key:
            close_theme(row - 1)
            theme_start, theme_key = row, group
        lines = max(_lines(str(values[k]), width[k]) for k in values if k != "work")
        ws.row_dimensions[row].height = max(20.0, lines * _LINE_PT + 6)
        row += 1
    close_theme(row - 1)
    ws.print_area = f"A1:{get_column_letter(n)}{row - 1}"


def _targets_sheet(ws: Worksheet, ledger: Ledger, layout: XlsxLayout) -> None:
    cols = layout.target_columns
    index = {c.key: i for i, c in enumerate(cols, 1)}
    width = {c.key: c.width for c in cols}
    title = layout.targets_title.format(title=ledger.title)
    _setup_sheet(ws, cols, title, layout)
    row = 3
    seq = 0
    for task in ledger.tasks:
        for f in task.figures:
            seq += 1
            values: dict[str, object] = {
                "seq": seq,
                "task": task.seq,
                "work": task.work,
                "indicator": f.indicator,
                "comparator": layout.comparators.get(f.comparator, f.comparator) or "=",
                "value": format_value(f),
                "unit": f.unit or "",
                "measure": layout.measures.get(f.measure, f.measure),
                "lead": "、".join(s.department for s in task.lead),
                "quote": task.text,
            }
            for key, col in index.items():
                _body_cell(ws, row, col, values.get(key, ""), layout,
                           center=key not in ("indicator", "quote", "work"))
            lines = max(_lines(str(values[k]), width[k]) for k in index)
            ws.row_dimensions[row].height = max(20.0, lines * _LINE_PT + 6)
            row += 1
    ws.print_area = f"A1:{get_column_letter(len(cols))}{max(row - 1, 2)}"


def ledger_workbook(ledger: Ledger, layout: XlsxLayout | None = None) -> Workbook:
    """The workbook of ``ledger``: the task table, then the target figures."""
    lay = layout or load_layout()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = lay.tasks_sheet
    _tasks_sheet(ws, ledger, lay)
    _targets_sheet(wb.create_sheet(lay.targets_sheet), ledger, lay)
    return wb


def write_ledger_xlsx(ledger: Ledger, out: Path, layout: XlsxLayout | None = None) -> Path:
    """Write the 任务分解表 of ``ledger`` to ``out`` (an .xlsx path) and return it."""
    ledger_workbook(ledger, layout).save(out)
    return out
