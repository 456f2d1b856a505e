"""Administration (督查室 only): users, departments, assignment rules, editable settings, and the audit log search."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from duban.config import Settings
from duban.store.repo import assignments, audit, departments, overrides, pages, reports, users
from duban.store.repo import rules as rule_store
from duban.store.tables import UserRow
from duban.web import forms, present
from duban.web import rules as office_rules
from duban.web.deps import AdminUser, SessionDep, SettingsDep
from duban.web.errors import Invalid, NotFound
from duban.web.render import flash, respond
from duban.web.schemas import (
    DepartmentCreate,
    DepartmentPublic,
    DepartmentUpdate,
    RuleIn,
    UserCreate,
    UserPublic,
    UserUpdate,
)
from duban.web.workflow import invalidate_statuses, write

router = APIRouter(tags=["系统管理"])

ROLE_LABELS = {"admin": "督查室管理员", "department": "承办单位", "viewer": "只读"}
SETTING_LABELS = {
    "status_yellow_behind": "黄灯线（落后序时进度百分点，达到即黄灯）",
    "status_red_behind": "红灯线（落后序时进度百分点，超过即红灯）",
    "reminder_day": "每月报送截止日",
    "page_size": "台账每页任务数",
}
WEIGHT_LABELS = {
    "on_time": "按期完成", "late": "逾期完成", "on_track": "正常推进", "behind": "滞后",
    "overdue": "严重滞后或逾期", "not_reported": "未报送", "notice_penalty": "每份逾期督办单扣分",
}


def admin_context(session: SessionDep, settings: Settings) -> dict[str, Any]:
    all_departments = departments.list_departments(session=session)
    dept_names = {d.id: d.name for d in all_departments}
    choices = office_rules.department_choices()
    rule_names = {**choices, **{d.key: d.name for d in all_departments if d.key}}
    inactive_keys = {d.key for d in all_departments if d.key and not d.active}
    rules = office_rules.current_rules(session)
    return {
        "title": "系统管理",
        "users": [
            {**UserPublic.model_validate(u).model_dump(), "role_label": ROLE_LABELS.get(u.role, u.role),
             "department": dept_names.get(u.department_id or -1), "last_login_at": u.last_login_at}
            for u in users.list_users(session=session)
        ],
        "departments": [DepartmentPublic.model_validate(d).model_dump() for d in all_departments],
        "rules": [
            {**r.model_dump(), "lead_name": rule_names.get(r.lead, r.lead),
             "co_names": [rule_names.get(k, k) for k in r.co]}
            for r in rules.rules
        ],
        "rules_stored": rule_store.load_rules(session=session) is not None,
        # a rule may name any catalogue department (departments.yaml keys) that is not deactivated
        "rule_departments": {k: v for k, v in rule_names.items() if k in choices and k not in inactive_keys},
        "reports": [{"id": r.id, "title": r.title or r.file_name} for r in pages.report_heads(session=session)],
        "settings": {k: getattr(settings, k) for k in SETTING_LABELS},
        "setting_labels": SETTING_LABELS,
        "weights": settings.assessment.model_dump(),
        "weight_labels": WEIGHT_LABELS,
        "roles": ROLE_LABELS,
    }


@router.get("/admin", summary="系统管理")
@router.get("/admin.json", include_in_schema=False)
def admin_page(request: Request, session: SessionDep, settings: SettingsDep, user: AdminUser) -> Response:
    return respond(request, "admin.html", admin_context(session, settings))


def _create_user(session: SessionDep, actor: UserRow, body: UserCreate) -> UserRow:
    def action() -> UserRow:
        created = users.create_user(session=session, username=body.username, password=body.password, role=body.role,
                                    department_id=body.department_id, display_name=body.display_name)
        audit.record(session=session, user=actor, action="user.create", entity="user", entity_id=created.id,
                     after={"username": created.username, "role": created.role,
                            "department_id": created.department_id})
        return created

    return write(session, action)


@router.post("/admin/users", include_in_schema=False)
async def create_user_form(request: Request, session: SessionDep, user: AdminUser) -> Response:
    form = await request.form()
    try:
        body = UserCreate(username=forms.text(form, "username"), password=str(form.get("password") or ""),
                          role=forms.text(form, "role"), department_id=forms.optional_int(form, "department_id"),
                          display_name=forms.text(form, "display_name") or None)
    except ValidationError:
        raise Invalid("用户未创建：用户名不能为空，密码至少8位，角色须为督查室管理员、承办单位或只读。") from None
    _create_user(session, user, body)
    flash(request, f"已创建用户 {body.username}。")
    return RedirectResponse(request.app.state.urls.admin(), status_code=303)


@router.post("/api/admin/users", summary="新增用户", status_code=201, response_model=UserPublic)
def create_user_api(body: UserCreate, session: SessionDep, user: AdminUser) -> UserPublic:
    return UserPublic.model_validate(_create_user(session, user, body))


def _update_user(session: SessionDep, actor: UserRow, user_id: int, body: UserUpdate) -> UserRow:
    target = users.get_user(session=session, user_id=user_id)
    if target is None:
        raise NotFound("找不到该用户。")
    if body.active is False and target.id == actor.id:
        raise Invalid("不能停用自己的账号。")

    def action() -> UserRow:
        before = {"active": target.active}
        if body.password:
            users.set_password(session=session, user=target, password=body.password)
        if body.active is not None:
            users.set_active(session=session, user=target, active=body.active)
        audit.record(session=session, user=actor, action="user.update", entity="user", entity_id=target.id,
                     before=before, after={"active": target.active, "password_changed": bool(body.password)})
        return target

    return write(session, action)


@router.post("/admin/users/{user_id}", include_in_schema=False)
async def update_user_form(request: Request, user_id: int, session: SessionDep, user: AdminUser) -> Response:
    form = await request.form()
    active = forms.text(form, "active")
    password = str(form.get("password") or "") or None
    try:
        body = UserUpdate(password=password, active=None if not active else active == "1")
    except ValidationError:
        raise Invalid("新密码至少8位。") from None
    _update_user(session, user, user_id, body)
    flash(request, "用户已更新。")
    return RedirectResponse(request.app.state.urls.admin(), status_code=303)


@router.patch("/api/admin/users/{user_id}", summary="修改用户（重置密码、启用或停用）", response_model=UserPublic)
def update_user_api(user_id: int, body: UserUpdate, session: SessionDep, user: AdminUser) -> UserPublic:
    return UserPublic.model_validate(_update_user(session, user, user_id, body))


def _create_department(session: SessionDep, actor: UserRow, body: DepartmentCreate) -> Any:
    def action() -> Any:
        row = departments.create_department(session=session, name=body.name, short_name=body.short_name)
        audit.record(session=session, user=actor, action="department.create", entity="department",
                     entity_id=row.id, after={"name": row.name})
        return row

    return write(session, action)


@router.post("/admin/departments", include_in_schema=False)
async def create_department_form(request: Request, session: SessionDep, user: AdminUser) -> Response:
    form = await request.form()
    name = forms.text(form, "name")
    if not name:
        raise Invalid("请填写单位名称。")
    _create_department(session, user, DepartmentCreate(name=name, short_name=forms.text(form, "short_name") or None))
    flash(request, f"已添加单位 {name}。")
    return RedirectResponse(request.app.state.urls.admin(), status_code=303)


@router.post("/api/admin/departments", summary="新增单位", status_code=201, response_model=DepartmentPublic)
def create_department_api(body: DepartmentCreate, session: SessionDep, user: AdminUser) -> DepartmentPublic:
    return DepartmentPublic.model_validate(_create_department(session, user, body))


def _update_department(session: SessionDep, actor: UserRow, department_id: int, body: DepartmentUpdate) -> Any:
    row = departments.get_department(session=session, department_id=department_id)
    if row is None:
        raise NotFound("找不到该单位。")
    if body.name is not None and not body.name.strip():
        raise Invalid("单位名称不能为空。")

    def fields() -> dict[str, Any]:
        return {"name": row.name, "short_name": row.short_name, "active": row.active}

    def action() -> Any:
        before = fields()
        departments.update_department(session=session, department=row, name=body.name,
                                      short_name=body.short_name, active=body.active)
        audit.record(session=session, user=actor, action="department.update", entity="department",
                     entity_id=row.id, before=before, after=fields())
        return row

    return write(session, action)


@router.post("/admin/departments/{department_id}", include_in_schema=False)
async def update_department_form(request: Request, department_id: int, session: SessionDep,
                                 user: AdminUser) -> Response:
    form = await request.form()
    active = forms.text(form, "active")
    body = DepartmentUpdate(name=forms.text(form, "name") or None, short_name=forms.text(form, "short_name"),
                            active=None if not active else active == "1")
    row = _update_department(session, user, department_id, body)
    flash(request, f"单位 {row.name} 已更新{'' if row.active else '（已停用，不再出现在分工选项中）'}。")
    return RedirectResponse(request.app.state.urls.admin(), status_code=303)


@router.patch("/api/admin/departments/{department_id}", summary="修改单位（名称、简称、停用或启用）",
              response_model=DepartmentPublic)
def update_department_api(department_id: int, body: DepartmentUpdate, session: SessionDep,
                          user: AdminUser) -> DepartmentPublic:
    return DepartmentPublic.model_validate(_update_department(session, user, department_id, body))


def _save_rule(session: SessionDep, actor: UserRow, old_id: str | None, body: RuleIn | None) -> list[Any]:
    """Add (``old_id`` None), replace or delete (``body`` None) one rule; store the whole set, audited."""
    current = office_rules.current_rules(session)
    existing = {r.id: r for r in current.rules}
    if old_id is not None and old_id not in existing:
        raise NotFound(f"找不到规则 {old_id}。")
    rule = office_rules.check_rule(body.model_dump()) if body is not None else None
    if rule is not None and rule.id in existing and rule.id != old_id:
        raise Invalid(f"规则未保存：规则编号 {rule.id} 已被其他规则使用。")
    if old_id is None:
        new_list = [*current.rules, rule]
    else:
        new_list = [rule if r.id == old_id else r for r in current.rules if rule is not None or r.id != old_id]
    updated = office_rules.with_rules(current, [r for r in new_list if r is not None])
    action_name = "rule.create" if old_id is None else "rule.delete" if rule is None else "rule.update"
    before = office_rules.rule_json(existing.get(old_id)) if old_id else None
    write(session, lambda: rule_store.save_rules(
        session=session, user=actor, rules=updated.model_dump(), action=action_name,
        rule_id=(rule.id if rule is not None else old_id) or "", before=before, after=office_rules.rule_json(rule)))
    return list(updated.rules)


def _rule_form(form: Any) -> RuleIn:
    try:
        weight = float(forms.text(form, "weight") or "1")
    except ValueError:
        raise Invalid("规则未保存：权重须为大于0的数。") from None
    return RuleIn(id=forms.text(form, "id"), lead=forms.text(form, "lead"),
                  co=[str(v).strip() for v in form.getlist("co") if str(v).strip()],
                  keywords=office_rules.words(forms.text(form, "keywords")),
                  unless=office_rules.words(forms.text(form, "unless")), weight=weight)


@router.post("/admin/rules", include_in_schema=False)
async def create_rule_form(request: Request, session: SessionDep, user: AdminUser) -> Response:
    body = _rule_form(await request.form())
    _save_rule(session, user, None, body)
    flash(request, f"已添加分工规则 {body.id}。")
    return RedirectResponse(request.app.state.urls.admin() + "#rules", status_code=303)


@router.post("/admin/rules/{rule_id}", include_in_schema=False)
async def update_rule_form(request: Request, rule_id: str, session: SessionDep, user: AdminUser) -> Response:
    form = await request.form()
    if forms.text(form, "delete") == "1":
        _save_rule(session, user, rule_id, None)
        flash(request, f"已删除分工规则 {rule_id}。")
    else:
        body = _rule_form(form)
        _save_rule(session, user, rule_id, body)
        flash(request, f"分工规则 {body.id} 已保存。")
    return RedirectResponse(request.app.state.urls.admin() + "#rules", status_code=303)


@router.get("/api/admin/rules", summary="分工规则（关键词→牵头单位）")
def rules_api(session: SessionDep, user: AdminUser) -> dict[str, Any]:
    return office_rules.current_rules(session).model_dump()


@router.post("/api/admin/rules", summary="新增分工规则", status_code=201)
def create_rule_api(body: RuleIn, session: SessionDep, user: AdminUser) -> dict[str, Any]:
    _save_rule(session, user, None, body)
    return body.model_dump()


@router.put("/api/admin/rules/{rule_id}", summary="修改分工规则")
def update_rule_api(rule_id: str, body: RuleIn, session: SessionDep, user: AdminUser) -> dict[str, Any]:
    _save_rule(session, user, rule_id, body)
    return body.model_dump()


@router.delete("/api/admin/rules/{rule_id}", summary="删除分工规则")
def delete_rule_api(rule_id: str, session: SessionDep, user: AdminUser) -> dict[str, Any]:
    remaining = _save_rule(session, user, rule_id, None)
    return {"deleted": rule_id, "rules": len(remaining)}


def _resuggest(session: SessionDep, actor: UserRow, report_id: int) -> int:
    report = reports.get_report(session=session, report_id=report_id)
    if report is None:
        raise NotFound("找不到该报告。")
    suggest = office_rules.suggester(session, report, office_rules.current_rules(session))
    return write(session, lambda: assignments.resuggest(session=session, report_id=report.id, user=actor,
                                                        suggest=suggest))


@router.post("/admin/resuggest", include_in_schema=False)
async def resuggest_form(request: Request, session: SessionDep, user: AdminUser) -> Response:
    report_id = forms.optional_int(await request.form(), "report_id")
    if report_id is None:
        raise Invalid("请选择报告。")
    changed = _resuggest(session, user, report_id)
    flash(request, f"已按新规则重新建议：{changed} 项未确认分工的任务有变化，已确认的分工未改动。")
    return RedirectResponse(request.app.state.urls.admin() + "#rules", status_code=303)


@router.post("/api/admin/reports/{report_id}/resuggest", summary="按新规则重新建议未确认的分工")
def resuggest_api(report_id: int, session: SessionDep, user: AdminUser) -> dict[str, int]:
    return {"changed": _resuggest(session, user, report_id)}


def _save_settings(request: Request, session: SessionDep, actor: UserRow, values: dict[str, Any]) -> Settings:
    base: Settings = request.app.state.base_settings
    current = overrides.load_overrides(session=session)
    merged = {**current, **values}
    try:
        effective = base.with_overrides(merged)
    except (ValidationError, ValueError) as exc:
        raise Invalid("设置未保存：数值不合法（红灯线不能低于黄灯线，截止日在1到28之间）。",
                      [str(e.get("msg", "")) for e in getattr(exc, "errors", list)()]) from None
    write(session, lambda: overrides.save_overrides(session=session, user=actor, values=values))
    request.app.state.settings = effective
    invalidate_statuses(request)
    return effective


@router.post("/admin/settings", include_in_schema=False)
async def settings_form(request: Request, session: SessionDep, user: AdminUser) -> Response:
    form = await request.form()
    errors: list[str] = []
    values: dict[str, Any] = {}
    for key, label in SETTING_LABELS.items():
        number = forms.parse_number(forms.text(form, key), label, errors)
        if number is not None:
            values[key] = int(number) if key in ("reminder_day", "page_size") else number
    weights: dict[str, float] = {}
    for key, label in WEIGHT_LABELS.items():
        number = forms.parse_number(forms.text(form, f"w_{key}"), label, errors)
        if number is not None:
            weights[key] = number
    if errors:
        raise Invalid("设置未保存。", errors)
    if weights:
        values["assessment"] = weights
    _save_settings(request, session, user, values)
    flash(request, "设置已保存，任务状态已按新规则重新计算。")
    return RedirectResponse(request.app.state.urls.admin(), status_code=303)


@router.put("/api/admin/settings", summary="修改可调整的设置（阈值、报送日、考核权重）")
def settings_api(request: Request, values: dict[str, Any], session: SessionDep, user: AdminUser) -> dict[str, Any]:
    unknown = [k for k in values if k not in overrides.EDITABLE]
    if unknown:
        raise Invalid(f"这些设置不能在网页中修改：{'、'.join(unknown)}。")
    effective = _save_settings(request, session, user, values)
    return {k: getattr(effective, k) for k in overrides.EDITABLE}


@router.get("/admin/audit", summary="操作记录检索")
@router.get("/admin/audit.json", include_in_schema=False)
def audit_page(request: Request, session: SessionDep, user: AdminUser, q: str = "", username: str = "",
               action: str = "", task_id: int | None = None, page: int = 1) -> Response:
    result = audit.search(session=session, text=q.strip(), username=username, action=action, task_id=task_id,
                          page=page, page_size=50)
    ctx = {
        "title": "操作记录",
        "filters": {"q": q, "username": username, "action": action, "task_id": task_id},
        "entries": [present.audit_public(a) for a in result.rows],
        "total": result.total, "page": result.page,
        "pages": max(1, -(-result.total // result.page_size)),
        "actions": [(a, present.ACTIONS.get(a, a)) for a in audit.actions(session=session)],
    }
    return respond(request, "audit.html", ctx)
