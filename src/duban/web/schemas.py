"""Request and response shapes, in families per entity (XCreate / XUpdate / XPublic).

Input shapes validate what a client sends to ``/api``; public shapes are what
pages put in their context and JSON twins return. A password hash or an
internal note never appears in a public shape.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class Public(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --------------------------------------------------------------------------- users


class LoginCreate(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)


class UserCreate(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=8, max_length=200)
    role: str = Field(pattern="^(admin|department|viewer)$")
    department_id: int | None = None
    display_name: str | None = None


class UserUpdate(BaseModel):
    password: str | None = Field(default=None, min_length=8, max_length=200)
    active: bool | None = None


class UserPublic(Public):
    id: int
    username: str
    role: str
    department_id: int | None
    display_name: str | None
    active: bool


class DepartmentCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    short_name: str | None = None


class DepartmentPublic(Public):
    id: int
    name: str
    short_name: str | None = None
    key: str | None = None
    active: bool = True


class DepartmentUpdate(BaseModel):
    """A department edit: only the given fields change (an empty short name clears it)."""

    name: str | None = Field(default=None, max_length=200)
    short_name: str | None = Field(default=None, max_length=100)
    active: bool | None = None


class RuleIn(BaseModel):
    """An assignment rule as typed; checked with the assign_rules.yaml schema by ``duban.web.rules``."""

    id: str = ""
    lead: str = ""
    co: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    weight: float = 1.0


# --------------------------------------------------------------------------- tasks


class AssignmentPublic(BaseModel):
    department_id: int
    department: str
    role: str  # lead | co
    state: str  # suggested | confirmed
    rule: str | None = None


class AssignmentUpdate(BaseModel):
    """Replace a task's departments and deadline; ``version`` is the one the client saw."""

    lead_ids: list[int] = Field(min_length=1)
    co_ids: list[int] = []
    deadline: dt.date | None = None
    version: int


class BulkAssign(BaseModel):
    task_ids: list[int] = Field(min_length=1)
    action: str = Field(pattern="^(confirm|set)$")
    lead_id: int | None = None
    co_ids: list[int] = []
    deadline: dt.date | None = None


class TaskClose(BaseModel):
    version: int
    reopen: bool = False


class TargetPublic(BaseModel):
    id: int
    indicator: str
    text: str
    comparator: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    measure: str
    achieved: float | None = None
    start: int | None = None  # the target's span in the report text (a link to the reader)
    end: int | None = None


class StatusPublic(BaseModel):
    status: str
    label: str
    reason: str | None = None
    schedule: float | None = None
    progress: float | None = None
    behind: float | None = None
    rule: str | None = None


class TaskSummary(BaseModel):
    """A task as a ledger row shows it."""

    id: int
    number: str | None
    title: str
    text: str
    area: str | None = None
    theme: str | None = None
    lead: list[str] = []
    co: list[str] = []
    deadline: dt.date | None
    status: str
    status_label: str
    status_reason: str | None = None
    percent: float | None = None
    last_reported_on: dt.date | None = None


class TaskPublic(TaskSummary):
    kind: str
    deadline_text: str | None = None
    version: int
    report_id: int
    start: int
    end: int


# --------------------------------------------------------------------------- progress


class ProgressCreate(BaseModel):
    reported_on: dt.date | None = None
    percent: float | None = Field(default=None, ge=0, le=100)
    stage: str | None = None
    narrative: str = Field(default="", max_length=5000)
    source_url: str | None = Field(default=None, max_length=1000)
    values: dict[int, float] = {}


class ProgressValuePublic(BaseModel):
    target_id: int
    indicator: str
    value: float
    unit: str | None = None


class ProgressPublic(BaseModel):
    id: int
    task_id: int
    reported_on: dt.date
    percent: float | None
    stage: str | None
    narrative: str
    source_url: str | None
    department: str | None = None
    user: str | None = None
    evidence_name: str | None = None
    evidence_url: str | None = None
    values: list[ProgressValuePublic] = []
    created_at: dt.datetime


# --------------------------------------------------------------------------- notices


class NoticeCreate(BaseModel):
    due_on: dt.date
    text: str = Field(min_length=1, max_length=5000)
    department_id: int | None = None


class NoticeAnswer(BaseModel):
    answer: str = Field(min_length=1, max_length=5000)


class NoticePublic(BaseModel):
    id: int
    task_id: int
    task_title: str | None = None
    department_id: int | None
    department: str | None = None
    issued_at: dt.datetime
    due_on: dt.date
    text: str
    answer: str | None
    answered_at: dt.datetime | None
    closed_at: dt.datetime | None
    state: str
    state_label: str
    overdue: bool


class AuditPublic(BaseModel):
    id: int
    at: dt.datetime
    username: str | None
    action: str
    action_label: str
    entity: str
    entity_id: str | None
    task_id: int | None
    before: dict[str, object] | None
    after: dict[str, object] | None
    entity_label: str = ""  # entity in the office's words (任务, 督办单 …)
    changes: list[list[str]] = []  # [field label, before, after] in words, for the page
