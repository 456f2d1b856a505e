"""Excel in and out: a department's progress sheet (download, upload) and the office's 任务分解表.

The upload is validated row by row by :mod:`duban.export.xlsx_in`; every
problem is listed in Chinese and nothing is stored unless there is none (one
transaction for the whole sheet). The 任务分解表 is the ledger engineer's
layout (:func:`duban.export.xlsx_out.ledger_workbook`) over the tasks as
they now stand in the database (the office's assignments and deadlines),
plus a 推进情况 tab with each task's current status, reason and progress.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from openpyxl.styles import Alignment, Font, PatternFill

from duban.export.xlsx_in import (
    SheetTarget,
    SheetTask,
    progress_workbook,
    read_progress_sheet,
    workbook_bytes,
)
from duban.export.xlsx_out import ledger_workbook
from duban.model import Area, Coverage, DepartmentSuggestion, Figure, Ledger, Task
from duban.store.repo import departments, figures, pages, progress, tasks
from duban.store.tables import ReportRow, TaskRow, UserRow
from duban.web import forms, present
from duban.web.deps import FreshStatuses, LoggedIn, SessionDep, SettingsDep, TodayDep
from duban.web.errors import Forbidden, Invalid, NotFound
from duban.web.render import flash, number_range
from duban.web.workflow import thresholds, write

router = APIRouter(tags=["Excel"], dependencies=[FreshStatuses])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(data: bytes, filename: str) -> Response:
    return Response(data, media_type=XLSX, headers={
        "Content-Disposition": f"attachment; filename=\"ledger.xlsx\"; filename*=UTF-8''{quote(filename)}"})


def _target_text(t: Any) -> str:
    return f"{number_range(t.value, t.value_max)}{t.unit or ''}"  # 2507000, not 2.507e+06


def _department_for(user: UserRow, department: int | None) -> int:
    if user.role == "department" and user.department_id is not None:
        if department is not None and department != user.department_id:
            raise Forbidden("只能下载本单位的进展表。")
        return user.department_id
    if user.role == "admin" and department is not None:
        return department
    if user.role == "admin":
        raise Invalid("请用 ?department=单位ID 指定要下载进展表的单位。")
    raise Forbidden("只读账号没有进展表。")


@router.get("/sheets/progress.xlsx", summary="下载本单位进展表（Excel）")
def download_progress_sheet(session: SessionDep, user: LoggedIn, today: TodayDep,
                            department: int | None = None) -> Response:
    department_id = _department_for(user, department)
    dept = departments.get_department(session=session, department_id=department_id)
    report = pages.report_head(session=session, report_id=None)
    if dept is None or report is None:
        raise NotFound("没有该单位或尚未导入报告。")
    rows = tasks.list_tasks(session=session, report_id=report.id, department_id=department_id, page_size=100_000).items
    sheet_tasks = [
        SheetTask(
            id=t.id, number=t.number or str(t.position), text=t.text,
            role="牵头" if any(a.department_id == department_id and a.role == "lead" for a in t.assignments) else "配合",
            deadline=t.deadline.isoformat() if t.deadline else "", status=present.status_label(t.status),
            targets=tuple(SheetTarget(x.id, x.indicator, _target_text(x)) for x in t.targets if not x.retired),
        )
        for t in rows if t.status not in ("done", "done_late")
    ]
    period = f"{today.year}年{today.month}月"
    wb = progress_workbook(dept.name, sheet_tasks, stages=[s.label for s in progress.stages()], period=period)
    return xlsx_response(workbook_bytes(wb), f"{dept.name}{period}进展表.xlsx")


def _import_sheet(session: SessionDep, settings: SettingsDep, user: UserRow, data: bytes, today: dt.date) -> int:
    if user.role != "department" or user.department_id is None:
        raise Forbidden("进展表只能由承办单位账号上传。")
    report = pages.report_head(session=session, report_id=None)
    if report is None:
        raise NotFound("尚未导入报告。")
    own = tasks.list_tasks(session=session, report_id=report.id, department_id=user.department_id,
                           page_size=100_000).items
    own_map = {t.id: t for t in own}
    known = {t.id for t in tasks.list_tasks(session=session, report_id=report.id, page_size=100_000,
                                            include_retired=True).items}
    result = read_progress_sheet(
        data, own_tasks={t.id: {x.id for x in t.targets} for t in own}, known_tasks=known,
        stages=[s.label for s in progress.stages()], today=today,
    )
    if result.errors:
        raise Invalid(f"进展表未导入：发现{len(result.errors)}处问题，整表未导入。请修改后重新上传。", result.errors)

    def action() -> int:
        for row in result.rows:
            progress.add_progress(
                session=session, task=own_map[row.task_id], user=user, today=today, thresholds=thresholds(settings),
                data=progress.ProgressInput(reported_on=row.reported_on or today, percent=row.percent,
                                            stage=row.stage, narrative=row.narrative, source_url=row.source_url,
                                            values=row.values),
            )
        return len(result.rows)

    return write(session, action)


@router.post("/sheets/progress", summary="上传填好的进展表（multipart，字段 sheet）")
async def upload_progress_sheet(request: Request, session: SessionDep, settings: SettingsDep, user: LoggedIn,
                                today: TodayDep) -> Response:
    if user.role != "department":
        raise Forbidden("进展表只能由承办单位账号上传。")
    form = await request.form()
    upload = forms.upload(form, "sheet")
    if upload is None:
        raise Invalid("请选择填好的进展表（.xlsx）。")
    data = await upload.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise Invalid("进展表超过大小限制。", status_code=413)
    count = _import_sheet(session, settings, user, data, today)
    if request.headers.get("accept", "").startswith("application/json"):
        return Response(f'{{"imported": {count}}}', media_type="application/json")
    flash(request, f"进展表已导入：{count}项任务的进展已报送。")
    return RedirectResponse(request.app.state.urls.my_tasks(), status_code=303)


# --------------------------------------------------------------------------- 任务分解表


def ledger_from_db(session: SessionDep, report: ReportRow, rows: list[TaskRow]) -> Ledger:
    """A :class:`Ledger` model of the tasks as stored now (assignments and deadlines included)."""
    areas = {a.id: a for a in figures.list_areas(session=session, report_id=report.id)}
    themes = {t.id: t for t in figures.list_themes(session=session, report_id=report.id)}
    model_areas = [Area(index=a.position, number=a.number, title=a.title, start=a.start, end=a.end, role=a.role)
                   for a in areas.values()]
    model_tasks = []
    for t in rows:
        area = areas.get(t.area_id or -1)
        theme = themes.get(t.theme_id or -1)
        ordered = sorted(t.assignments, key=lambda a: (a.department.position, a.department_id))
        suggestions = {role: [DepartmentSuggestion(department=a.department.name, department_key=a.department.key or "",
                                                   role=role, rule=a.rule or "manual")
                              for a in ordered if a.role == role] for role in ("lead", "co")}
        model_tasks.append(Task(
            id=t.key, seq=t.position, kind=t.kind, role=t.role, area_index=area.position if area else None,
            area_number=area.number if area else None, area_title=area.title if area else None,
            theme_index=theme.position if theme else None, theme_title=theme.title if theme else None,
            text=t.text, start=t.start, end=t.end, title=t.title or "",
            figures=[Figure(start=x.start, end=x.end, text=x.text, kind="target", year=report.year,
                            indicator=x.indicator, measure=x.measure, value=x.value, value_max=x.value_max,
                            unit=x.unit, comparator=x.comparator, quote=t.text)
                     for x in t.targets if not x.retired],
            deadline=t.deadline.isoformat() if t.deadline else None, deadline_text=t.deadline_text,
            lead=suggestions["lead"], co=suggestions["co"],
        ))
    title = f"{report.region or ''}{report.year or ''}年政府工作报告重点工作任务分解表"
    return Ledger(report_key=report.sha256, title=title, region=report.region, year=report.year, level=report.level,
                  areas=model_areas, tasks=model_tasks, non_commitments=[], coverage=Coverage())


def _status_sheet(wb: Any, rows: list[TaskRow], today: dt.date) -> None:
    ws = wb.create_sheet("推进情况")
    header = ["序号", "具体任务", "牵头单位", "完成时限", "当前状态", "状态说明", "完成进度(%)", "最近报送"]
    ws.append([f"推进情况（截至{today.isoformat()}）"])
    ws.append(header)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F0F1F3")
    for t in rows:
        lead = "、".join(a.department.name for a in t.assignments if a.role == "lead")
        ws.append([t.position, t.text, lead, t.deadline.isoformat() if t.deadline else "",
                   present.status_label(t.status), t.status_reason or "", t.percent,
                   t.last_reported_on.isoformat() if t.last_reported_on else ""])
    for col, width in zip("ABCDEFGH", (6, 60, 16, 12, 10, 50, 10, 12)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


@router.get("/tasks.xlsx", summary="下载任务分解表（含当前状态）")
def download_ledger(session: SessionDep, user: LoggedIn, today: TodayDep, report_id: int | None = None) -> Response:
    if user.role != "admin":
        raise Forbidden("任务分解表由督查室下载。")
    report = (pages.report_head(session=session, report_id=report_id) if report_id is not None
              else pages.report_head(session=session, report_id=None))
    if report is None:
        raise NotFound("尚未导入报告。")
    rows = tasks.list_tasks(session=session, report_id=report.id, page_size=100_000).items
    wb = ledger_workbook(ledger_from_db(session, report, rows))
    _status_sheet(wb, rows, today)
    name = f"{report.region or ''}{report.year or ''}年重点工作任务分解表.xlsx"
    return xlsx_response(workbook_bytes(wb), name)
