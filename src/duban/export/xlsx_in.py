"""Departments' progress sheets: the blank sheet a department downloads, and reading it back filled.

The sheet has two tabs. 进展 has one row per task of the department: the task
id and its text (given), then the columns to fill: report date, percent,
stage, narrative, source link. 指标完成值 has one row per quantified target of
those tasks: the task id, target id, indicator and target (given), then the
achieved value to fill.

:func:`read_progress_sheet` validates every row and collects *all* problems,
in Chinese, with the tab and row number (unknown task id, a task of another
department, a value that is not a number, a percent outside 0–100, an unknown
stage, a bad date). The caller stores the rows only when the list of errors is
empty: the upload is all or nothing. Rows whose fill-in cells are all empty
are skipped. Pure: no database; the caller passes what the rows may refer to.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

PROGRESS_TAB = "进展"
VALUES_TAB = "指标完成值"
PROGRESS_HEADER = ["任务ID", "编号", "任务内容", "分工", "完成时限", "当前状态",
                   "报送日期", "完成进度(%)", "推进阶段", "进展情况", "来源链接"]
VALUES_HEADER = ["任务ID", "指标ID", "指标", "目标", "完成值"]
FILL_FROM = 7  # first column the department fills on the progress tab (1-based)
HEADER_ROW = 2

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True, slots=True)
class SheetTarget:
    id: int
    indicator: str
    target: str  # as written, e.g. 6700人


@dataclass(frozen=True, slots=True)
class SheetTask:
    """A task as the sheet shows it."""

    id: int
    number: str
    text: str
    role: str  # 牵头 / 配合
    deadline: str
    status: str
    targets: tuple[SheetTarget, ...] = ()


@dataclass(slots=True)
class SheetRow:
    """One task's filled-in progress, validated."""

    task_id: int
    reported_on: dt.date | None = None
    percent: float | None = None
    stage: str | None = None
    narrative: str = ""
    source_url: str | None = None
    values: dict[int, float] = field(default_factory=dict)


def _style_header(ws: Worksheet, header: list[str], widths: list[int], title: str) -> None:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(row=1, column=1, value=title).font = Font(size=14, bold=True)
    ws.row_dimensions[1].height = 28
    fill = PatternFill("solid", fgColor="F0F1F3")
    for i, (name, width) in enumerate(zip(header, widths), 1):
        c = ws.cell(row=HEADER_ROW, column=i, value=name)
        c.font = Font(bold=True)
        c.fill = fill
        c.border = _BORDER
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)


def progress_workbook(department: str, tasks: list[SheetTask], *, stages: list[str], period: str) -> Workbook:
    """The blank progress sheet of ``department`` for ``period`` (e.g. 2020年7月)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = PROGRESS_TAB
    _style_header(ws, PROGRESS_HEADER, [8, 8, 50, 6, 12, 10, 12, 11, 10, 40, 24],
                  f"{department} {period} 重点工作进展报送表")
    fill_in = PatternFill("solid", fgColor="FFF9E6")
    for r, t in enumerate(tasks, HEADER_ROW + 1):
        given = [t.id, t.number, t.text, t.role, t.deadline, t.status]
        for c, value in enumerate(given, 1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = _BORDER
        for c in range(FILL_FROM, len(PROGRESS_HEADER) + 1):
            cell = ws.cell(row=r, column=c)
            cell.fill = fill_in
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=r, column=FILL_FROM).number_format = "yyyy-mm-dd"
    note = ws.cell(row=len(tasks) + HEADER_ROW + 2, column=1,
                   value=f"填写说明：黄色列由承办单位填写；推进阶段可填：{'、'.join(stages)}；"
                         "完成进度填0到100之间的数字；不报送的任务留空。请勿修改任务ID。")
    note.font = Font(color="666666", size=9)

    wv = wb.create_sheet(VALUES_TAB)
    _style_header(wv, VALUES_HEADER, [8, 8, 30, 20, 14], f"{department} {period} 量化指标完成值")
    row = HEADER_ROW + 1
    for t in tasks:
        for target in t.targets:
            for c, value in enumerate([t.id, target.id, target.indicator, target.target], 1):
                wv.cell(row=row, column=c, value=value).border = _BORDER
            cell = wv.cell(row=row, column=5)
            cell.fill = fill_in
            cell.border = _BORDER
            row += 1
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- reading


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _int_id(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _number(value: Any) -> float | None:
    """A finite number from a cell, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").rstrip("%％")
        try:
            number = float(text)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _date(value: Any) -> dt.date | None | str:
    """A date, None when empty, or the string 'bad'."""
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    for cut in ("年", "月"):
        text = text.replace(cut, "-")
    text = text.replace("日", "")
    try:
        y, m, d = (int(x) for x in text.split("-")[:3])
        return dt.date(y, m, d)
    except (ValueError, TypeError):
        return "bad"


@dataclass(slots=True)
class SheetResult:
    rows: list[SheetRow]
    errors: list[str]


def read_progress_sheet(
    data: bytes,
    *,
    own_tasks: dict[int, set[int]],
    known_tasks: set[int],
    stages: list[str],
    today: dt.date,
) -> SheetResult:
    """Validate a filled progress sheet; ``own_tasks`` maps the department's task ids to their target ids.

    Returns every row to store and every problem found; store nothing unless
    ``errors`` is empty.
    """
    errors: list[str] = []
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 (openpyxl raises many kinds for a non-workbook)
        return SheetResult([], ["文件不是有效的Excel（.xlsx）工作簿，请使用下载的进展表填写后上传。"])
    if PROGRESS_TAB not in wb.sheetnames:
        return SheetResult([], [f"工作簿中没有“{PROGRESS_TAB}”工作表，请使用下载的进展表。"])
    rows: dict[int, SheetRow] = {}

    def check_task(where: str, task_id: Any) -> int | None:
        tid = _int_id(task_id)
        if tid is None:
            errors.append(f"{where}：任务ID“{task_id}”不是有效编号。")
            return None
        if tid not in known_tasks:
            errors.append(f"{where}：任务ID {tid} 不存在。")
            return None
        if tid not in own_tasks:
            errors.append(f"{where}：任务ID {tid} 不是本单位牵头或配合的任务，不能报送。")
            return None
        return tid

    ws = wb[PROGRESS_TAB]
    header = [c for c in next(ws.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True), ())]
    if [str(h or "").strip() for h in header[: len(PROGRESS_HEADER)]] != PROGRESS_HEADER:
        errors.append(f"“{PROGRESS_TAB}”工作表的表头被修改过，请使用下载的进展表。")
        return SheetResult([], errors)
    for r, cells in enumerate(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True), HEADER_ROW + 1):
        cells = tuple(cells) + (None,) * (len(PROGRESS_HEADER) - len(cells))
        fill = cells[FILL_FROM - 1: len(PROGRESS_HEADER)]
        if all(_blank(v) for v in fill):
            continue
        where = f"“{PROGRESS_TAB}”第{r}行"
        tid = check_task(where, cells[0])
        reported_on = _date(fill[0])
        if reported_on == "bad":
            errors.append(f"{where}：报送日期“{fill[0]}”不是有效日期（如2020-07-20）。")
            reported_on = None
        elif isinstance(reported_on, dt.date) and reported_on > today:
            errors.append(f"{where}：报送日期{reported_on.isoformat()}晚于今天。")
        percent = None
        if not _blank(fill[1]):
            percent = _number(fill[1])
            if percent is None:
                errors.append(f"{where}：完成进度“{fill[1]}”不是数字。")
            elif not 0 <= percent <= 100:
                errors.append(f"{where}：完成进度{percent:g}超出0到100的范围。")
                percent = None
        stage = None if _blank(fill[2]) else str(fill[2]).strip()
        if stage is not None and stage not in stages:
            errors.append(f"{where}：推进阶段“{stage}”无效，可填：{'、'.join(stages)}。")
        url = None if _blank(fill[4]) else str(fill[4]).strip()
        if url is not None and not url.startswith(("http://", "https://")):
            errors.append(f"{where}：来源链接须以 http:// 或 https:// 开头。")
        if tid is None:
            continue
        if tid in rows:
            errors.append(f"{where}：任务ID {tid} 重复出现。")
            continue
        rows[tid] = SheetRow(task_id=tid, reported_on=reported_on if isinstance(reported_on, dt.date) else None,
                             percent=percent, stage=stage, narrative="" if _blank(fill[3]) else str(fill[3]).strip(),
                             source_url=url)

    if VALUES_TAB in wb.sheetnames:
        for r, cells in enumerate(wb[VALUES_TAB].iter_rows(min_row=HEADER_ROW + 1, values_only=True), HEADER_ROW + 1):
            cells = tuple(cells) + (None,) * (len(VALUES_HEADER) - len(cells))
            if _blank(cells[4]):
                continue
            where = f"“{VALUES_TAB}”第{r}行"
            tid = check_task(where, cells[0])
            value = _number(cells[4])
            if value is None:
                errors.append(f"{where}：完成值“{cells[4]}”不是数字。")
            target_id = _int_id(cells[1])
            if tid is None:
                continue
            if target_id is None or target_id not in own_tasks[tid]:
                errors.append(f"{where}：指标ID“{cells[1]}”不属于任务 {tid}。")
                continue
            if value is not None:
                rows.setdefault(tid, SheetRow(task_id=tid)).values[target_id] = value
    wb.close()
    if not rows and not errors:
        errors.append("进展表中没有填写任何内容。")
    return SheetResult(sorted(rows.values(), key=lambda row: row.task_id), errors)
