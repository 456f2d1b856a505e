"""Progress reports: a department (or the office) reports on a task; evidence files are kept safely.

The form takes a date, a percent or a stage, a narrative, the achieved value
of each quantified target, an evidence file and a source link. The file is
checked by size, extension and first bytes, and stored under a generated name
in the upload folder; it is served back only to logged-in users, as a download.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from duban.config import Settings
from duban.store.repo import progress
from duban.store.tables import ProgressReportRow, TaskRow, UserRow
from duban.web import forms, permissions, present
from duban.web.deps import LoggedIn, SessionDep, SettingsDep, TodayDep
from duban.web.errors import Invalid, NotFound
from duban.web.render import flash
from duban.web.routes.tasks import load_task
from duban.web.schemas import ProgressCreate, ProgressPublic
from duban.web.security import check_evidence, stored_name
from duban.web.workflow import thresholds, write

router = APIRouter(tags=["进展报送"])


async def save_evidence(upload: UploadFile, settings: Settings) -> progress.Evidence:
    """Check an uploaded evidence file and write it under a generated name."""
    limit = settings.max_upload_bytes
    data = await upload.read(limit + 1)
    kind = check_evidence(upload.filename or "", data[:16], len(data), limit=limit)
    if Path(upload.filename or "").suffix.lower() not in settings.upload_extensions:
        raise Invalid(f"系统设置不允许上传{Path(upload.filename or '').suffix}文件。")
    folder = settings.resolved_upload_dir
    folder.mkdir(parents=True, exist_ok=True)
    name = stored_name(kind)
    (folder / name).write_bytes(data)
    original = Path(upload.filename or "evidence").name[:200]
    return progress.Evidence(stored_name=name, original_name=original, mime=kind.mime, size=len(data))


def _report(session: SessionDep, settings: Settings, user: UserRow, task: TaskRow, body: ProgressCreate,
            today: dt.date, evidence: progress.Evidence | None) -> ProgressReportRow:
    data = progress.ProgressInput(
        reported_on=body.reported_on or today, percent=body.percent, stage=body.stage or None,
        narrative=body.narrative, source_url=body.source_url or None, values=dict(body.values), evidence=evidence,
    )
    errors = progress.validate_progress(task, data, today=today)
    if errors:
        raise Invalid("进展未保存，请修改后重新提交。", errors)
    return write(session, lambda: progress.add_progress(
        session=session, task=task, user=user, data=data, today=today, thresholds=thresholds(settings)))


@router.post("/tasks/{task_id}/progress", include_in_schema=False)
async def progress_form(request: Request, task_id: int, session: SessionDep, settings: SettingsDep, user: LoggedIn,
                        today: TodayDep) -> Response:
    task = load_task(session, task_id)
    permissions.require_report(user, task)
    form = await request.form()
    errors: list[str] = []
    reported_on = forms.parse_date(forms.text(form, "reported_on"), "报送日期", errors)
    percent = forms.parse_number(forms.text(form, "percent"), "完成进度", errors)
    values: dict[int, float] = {}
    for target in task.targets:
        raw = forms.text(form, f"value_{target.id}")
        number = forms.parse_number(raw, f"“{target.indicator}”完成值", errors)
        if number is not None:
            values[target.id] = number
    if percent is not None and not 0 <= percent <= 100:
        errors.append(f"完成进度应在0到100之间，收到{percent:g}。")
    if errors:
        raise Invalid("进展未保存，请修改后重新提交。", errors)
    body = ProgressCreate(reported_on=reported_on, percent=percent, stage=forms.text(form, "stage") or None,
                          narrative=forms.text(form, "narrative"), source_url=forms.text(form, "source_url") or None,
                          values=values)
    upload = forms.upload(form, "evidence")
    evidence = await save_evidence(upload, settings) if upload is not None else None
    _report(session, settings, user, task, body, today, evidence)
    flash(request, f"进展已报送。当前状态：{present.status_label(task.status)}。")
    return RedirectResponse(request.app.state.urls.task(task_id), status_code=303)


@router.post("/api/tasks/{task_id}/progress", summary="报送任务进展（JSON）", status_code=201,
             response_model=ProgressPublic)
def progress_api(request: Request, task_id: int, body: ProgressCreate, session: SessionDep, settings: SettingsDep,
                 user: LoggedIn, today: TodayDep) -> ProgressPublic:
    task = load_task(session, task_id)
    permissions.require_report(user, task)
    row = _report(session, settings, user, task, body, today, None)
    return present.progress_public(row, urls=request.app.state.urls, targets={t.id: t for t in task.targets},
                                   department=user.department.name if user.department else None, user=user.username)


@router.get("/evidence/{progress_id}", summary="下载证明材料")
def evidence(progress_id: int, session: SessionDep, settings: SettingsDep, user: LoggedIn) -> Response:
    row = progress.get_progress_report(session=session, progress_id=progress_id)
    if row is None or not row.evidence_stored_name:
        raise NotFound("没有该证明材料。")
    path = settings.resolved_upload_dir / Path(row.evidence_stored_name).name
    if not path.is_file():
        raise NotFound("证明材料文件已不存在。")
    return FileResponse(path, media_type=row.evidence_mime or "application/octet-stream",
                        filename=row.evidence_original_name or path.name, content_disposition_type="attachment")
