"""Rows to public shapes: what pages put in their context and JSON twins return.

Kept apart from the routes so every page shows a task, a notice or a
progress report the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from duban.ledger.status import LABELS, Colour, Status
from duban.store.repo.tasks import AssignmentLine, TaskLine
from duban.store.tables import (
    AuditLogRow,
    NoticeRow,
    ProgressReportRow,
    TaskDepartmentRow,
    TaskRow,
    TaskTargetRow,
)
from duban.web.schemas import (
    AssignmentPublic,
    AuditPublic,
    NoticePublic,
    ProgressPublic,
    ProgressValuePublic,
    StatusPublic,
    TargetPublic,
    TaskPublic,
    TaskSummary,
)
from duban.web.urls import Urls

NOTICE_STATES = {"open": "待答复", "answered": "已答复", "closed": "已办结"}
ACTIONS = {
    "progress.report": "报送进展",
    "progress.sheet": "上传进展表",
    "task.assign": "调整分工",
    "task.confirm": "确认分工",
    "task.close": "办结任务",
    "task.reopen": "重新打开任务",
    "notice.issue": "下发督办单",
    "notice.answer": "答复督办单",
    "notice.close": "办结督办单",
    "report.import": "导入报告",
    "import": "导入报告（入库）",
    "user.create": "新增用户",
    "user.update": "修改用户",
    "department.create": "新增单位",
    "department.update": "修改单位",
    "rule.create": "新增分工规则",
    "rule.update": "修改分工规则",
    "rule.delete": "删除分工规则",
    "task.resuggest": "按新规则重新建议分工",
    "settings.update": "修改设置",
}
STATUS_LABELS = {c.value: label for c, label in LABELS.items()}
ENTITIES = {
    "task": "任务", "notice": "督办单", "progress_report": "进展报告", "report": "报告", "user": "用户",
    "department": "单位", "assign_rule": "分工规则", "settings": "设置",
}
# the audit log's before/after keys, as the page shows them; a key not listed is shown as stored
AUDIT_FIELDS = {
    "lead": "牵头单位", "co": "配合单位", "deadline": "完成时限", "states": "分工状态", "version": "版本号",
    "status": "状态", "percent": "完成进度", "reported_on": "报送日期", "stage": "推进阶段", "narrative": "进展情况",
    "values": "完成值", "evidence": "证明材料", "closed_at": "办结时间", "department_id": "单位编号",
    "due_on": "办理期限", "text": "督办事项", "state": "办理状态", "answer": "办理情况", "active": "启用",
    "password_changed": "重设密码", "username": "用户名", "role": "角色", "name": "名称", "short_name": "简称",
    "department": "单位", "sha256": "文件校验值", "file_name": "文件名", "file": "文件", "report_id": "报告编号",
    "lineage": "版本沿革", "figures": "数字", "tasks_added": "新增任务", "tasks_kept": "沿用任务",
    "tasks_retired": "停用任务", "keywords": "关键词", "unless": "排除词", "weight": "权重", "id": "编号",
}
_AUDIT_VALUES = {
    "status": STATUS_LABELS, "states": {"suggested": "系统建议", "confirmed": "已确认"}, "state": NOTICE_STATES,
    "role": {"admin": "督查室管理员", "department": "承办单位", "viewer": "只读用户"},
}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def task_title(task: TaskRow | TaskLine, limit: int = 60) -> str:
    title = (task.title or "").strip() or task.text.strip()
    return title if len(title) <= limit else title[: limit - 1] + "…"


def assignments(task: TaskRow | TaskLine) -> list[AssignmentPublic]:
    given: Sequence[TaskDepartmentRow | AssignmentLine] = task.assignments
    rows = sorted(given, key=lambda a: (a.role != "lead", a.department.position, a.department_id))
    return [
        AssignmentPublic(department_id=a.department_id, department=a.department.name, role=a.role,
                         state=a.state, rule=a.rule)
        for a in rows
    ]


def task_summary(task: TaskRow | TaskLine, *, area: str | None = None, theme: str | None = None) -> TaskSummary:
    ass = assignments(task)
    return TaskSummary(
        id=task.id,
        number=task.number,
        title=task_title(task),
        text=task.text,
        area=area,
        theme=theme,
        lead=[a.department for a in ass if a.role == "lead"],
        co=[a.department for a in ass if a.role == "co"],
        deadline=task.deadline,
        status=task.status,
        status_label=status_label(task.status),
        status_reason=task.status_reason,
        percent=task.percent,
        last_reported_on=task.last_reported_on,
    )


def task_public(task: TaskRow, *, area: str | None = None, theme: str | None = None) -> TaskPublic:
    s = task_summary(task, area=area, theme=theme)
    return TaskPublic(
        **s.model_dump(), kind=task.kind, deadline_text=task.deadline_text, version=task.version,
        report_id=task.report_id, start=task.start, end=task.end,
    )


def status_public(status: Status) -> StatusPublic:
    return StatusPublic(
        status=status.colour.value, label=status.label, reason=status.reason, schedule=status.schedule,
        progress=status.progress, behind=status.behind, rule=status.rule,
    )


def target_public(t: TaskTargetRow, achieved: float | None) -> TargetPublic:
    return TargetPublic(
        id=t.id, indicator=t.indicator, text=t.text, comparator=t.comparator, value=t.value,
        value_max=t.value_max, unit=t.unit, measure=t.measure, achieved=achieved, start=t.start, end=t.end,
    )


def progress_public(
    row: ProgressReportRow, *, urls: Urls, targets: dict[int, TaskTargetRow], department: str | None, user: str | None
) -> ProgressPublic:
    return ProgressPublic(
        id=row.id, task_id=row.task_id, reported_on=row.reported_on, percent=row.percent, stage=row.stage,
        narrative=row.narrative, source_url=row.source_url, department=department, user=user,
        evidence_name=row.evidence_original_name,
        evidence_url=urls.evidence(row.id) if row.evidence_stored_name else None,
        values=[
            ProgressValuePublic(
                target_id=v.task_target_id,
                indicator=targets[v.task_target_id].indicator if v.task_target_id in targets else "",
                value=v.value,
                unit=targets[v.task_target_id].unit if v.task_target_id in targets else None,
            )
            for v in row.values
        ],
        created_at=row.created_at,
    )


def notice_public(n: NoticeRow, *, today: dt.date, department: str | None, task_title: str | None) -> NoticePublic:
    return NoticePublic(
        id=n.id, task_id=n.task_id, task_title=task_title, department_id=n.department_id, department=department,
        issued_at=n.issued_at, due_on=n.due_on, text=n.text, answer=n.answer, answered_at=n.answered_at,
        closed_at=n.closed_at, state=n.state, state_label=NOTICE_STATES.get(n.state, n.state),
        overdue=n.state == "open" and n.due_on < today,
    )


def _audit_value(key: str, value: object) -> str:
    words = _AUDIT_VALUES.get(key, {})
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_audit_value(key, v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{_audit_value(str(k), v)}" for k, v in value.items())
    if key == "percent" and isinstance(value, int | float):
        return f"{value:g}%"
    return words.get(str(value), str(value))


def audit_changes(before: dict[str, object] | None, after: dict[str, object] | None) -> list[list[str]]:
    """[label, before, after] for every key of either side, in words; unchanged keys left out when both exist."""
    b, a = before or {}, after or {}
    rows = []
    for key in dict.fromkeys([*b, *a]):
        if before is not None and after is not None and key in b and key in a and b[key] == a[key]:
            continue
        rows.append([AUDIT_FIELDS.get(key, key),
                     _audit_value(key, b[key]) if key in b else "—",
                     _audit_value(key, a[key]) if key in a else "—"])
    return rows


def audit_public(a: AuditLogRow) -> AuditPublic:
    return AuditPublic(
        id=a.id, at=a.at, username=a.username, action=a.action, action_label=ACTIONS.get(a.action, a.action),
        entity=a.entity, entity_id=a.entity_id, task_id=a.task_id, before=a.before, after=a.after,
        entity_label=ENTITIES.get(a.entity, a.entity), changes=audit_changes(a.before, a.after),
    )


def colour_of(value: str) -> Colour:
    return Colour(value)
