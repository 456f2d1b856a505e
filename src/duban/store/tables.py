"""ORM tables: every row duban keeps, as SQLAlchemy 2 typed classes.

One database holds many reports (years, regions). A report's parsed views
(sections, figures, main targets, areas, themes, glossary terms) belong to
that report row and are replaced with it. Tasks do not: a task belongs to a
report *lineage* (``reports.lineage``: the region and plan year) and is found
again by its stable ``key`` when the same report is re-parsed, so its
assignments, progress reports, notices and audit trail survive a re-import.

Conventions: plural snake_case table names; ``id`` integer primary keys;
``start``/``end`` are half-open offsets into ``reports.text``; timestamps are
stored as UTC and always come back timezone-aware (:class:`UTCDateTime`), on
SQLite as on PostgreSQL. After the first release only *add* to this file
(new tables, new columns with defaults) together with a new migration.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from duban.store.guard import install_audit_guard

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("admin", "department", "viewer")
ASSIGNMENT_ROLES = ("lead", "co")
ASSIGNMENT_STATES = ("suggested", "confirmed")
NOTICE_STATES = ("open", "answered", "closed")
STATUSES = ("not_reported", "green", "yellow", "red", "done", "done_late")


def utcnow() -> dt.datetime:
    """The current time, timezone-aware UTC (the default of every timestamp)."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored as naive UTC and returned as aware UTC on every backend.

    SQLite keeps no time zone; storing UTC without one on both backends makes
    comparisons in Python behave the same whichever database is in use.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; use duban.store.tables.utcnow()")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    """Declarative base; ``metadata`` is what Alembic compares against."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012  (SQLAlchemy reads it from the class)
        dt.datetime: UTCDateTime(),
        dt.date: Date(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


metadata = Base.metadata


# --------------------------------------------------------------------------- reports


class ReportRow(Base):
    """One imported file and its metadata; the text is stored whole."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str | None] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(20))
    encoding: Mapped[str | None] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    body_end: Mapped[int] = mapped_column(Integer, default=0)
    # metadata (duban.model.Metadata)
    title: Mapped[str | None] = mapped_column(String(500))
    region: Mapped[str | None] = mapped_column(String(200))
    region_full: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[str | None] = mapped_column(String(20))
    region_code: Mapped[str | None] = mapped_column(String(12))
    year: Mapped[int | None] = mapped_column(Integer)
    review_year: Mapped[int | None] = mapped_column(Integer)
    delivered_on: Mapped[dt.date | None]
    session: Mapped[str | None] = mapped_column(String(200))
    speaker_name: Mapped[str | None] = mapped_column(String(100))
    speaker_title: Mapped[str | None] = mapped_column(String(100))
    # a re-parse of the same report (same region and year) shares the lineage
    lineage: Mapped[str] = mapped_column(String(300), index=True)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    sections: Mapped[list[SectionRow]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="SectionRow.position"
    )
    figures: Mapped[list[FigureRow]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="FigureRow.position"
    )

    @property
    def is_current(self) -> bool:
        """False once a re-parse of the same report has replaced this one."""
        return self.superseded_by_id is None


class SectionRow(Base):
    """A node of the section tree (part, area, item, theme), flattened in document order."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # pre-order index within the report
    depth: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(10))  # part | area | item | theme
    number: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    title_start: Mapped[int] = mapped_column(Integer)
    title_end: Mapped[int] = mapped_column(Integer)

    report: Mapped[ReportRow] = relationship(back_populates="sections")


class GlossaryTermRow(Base):
    """One 名词解释 entry of a report's annex."""

    __tablename__ = "glossary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)
    term: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    term_start: Mapped[int] = mapped_column(Integer)
    term_end: Mapped[int] = mapped_column(Integer)
    definition_start: Mapped[int] = mapped_column(Integer)
    definition_end: Mapped[int] = mapped_column(Integer)


class FigureRow(Base):
    """Every field of :class:`duban.model.Figure`, plus the report it belongs to."""

    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_report_kind", "report_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))  # actual | target | other
    year: Mapped[int | None] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(300))
    measure: Mapped[str] = mapped_column(String(10))  # level | growth | rate
    value: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    comparator: Mapped[str] = mapped_column(String(10))
    quote: Mapped[str] = mapped_column(Text)
    quote_start: Mapped[int] = mapped_column(Integer, default=0)
    quote_end: Mapped[int] = mapped_column(Integer, default=0)
    value_base: Mapped[float | None] = mapped_column(Float)
    base_unit: Mapped[str | None] = mapped_column(String(40))
    indicator_id: Mapped[str | None] = mapped_column(String(100), index=True)
    part: Mapped[str | None] = mapped_column(Text)
    area: Mapped[str | None] = mapped_column(Text)
    theme: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(20))

    report: Mapped[ReportRow] = relationship(back_populates="figures")


class MainTargetRow(Base):
    """One of the report's main expected targets (主要预期目标), quantified or not."""

    __tablename__ = "main_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    figure_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(300))
    indicator_id: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)  # the clause as written
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quantified: Mapped[bool] = mapped_column(Boolean, default=True)
    measure: Mapped[str | None] = mapped_column(String(10))
    comparator: Mapped[str | None] = mapped_column(String(10))
    value: Mapped[float | None] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))


class AreaRow(Base):
    """A numbered field of the plan part (（一）…), the ledger's first level."""

    __tablename__ = "areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20), default="plan", server_default="plan")


class ThemeRow(Base):
    """A paragraph's lead phrase under an area (精准服务稳企业), the ledger's second level."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    title_start: Mapped[int | None] = mapped_column(Integer)
    title_end: Mapped[int | None] = mapped_column(Integer)


# --------------------------------------------------------------------------- ledger


class TaskRow(Base):
    """One commitment of the plan part, kept across re-imports by ``(lineage, key)``.

    ``version`` is SQLAlchemy's version counter: every UPDATE checks and bumps
    it, so a second writer working from a stale copy gets ``StaleDataError``
    instead of silently overwriting (the web turns it into a conflict message).
    ``status``/``status_reason`` cache the last computed status for listing
    and filtering; ``retired`` marks a task that a re-parse no longer finds
    (kept, with its history, but hidden from the ledger).
    """

    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("lineage", "key"),
        Index("ix_tasks_report_position", "report_id", "position"),
        Index("ix_tasks_status", "status"),
        # ledger pages and status counts of a report's live tasks, index-only (migration 0003)
        Index("ix_tasks_report_live_position", "report_id", "retired", "position"),
        Index("ix_tasks_report_live_status", "report_id", "retired", "status", "area_id"),
        # statuses to recompute: "any live task forgotten?" on every request, index-only (migration 0005)
        Index("ix_tasks_status_until_live", "status_until", "retired"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lineage: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(100))
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id", ondelete="SET NULL"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(40))  # as shown in the 任务分解表, e.g. 3-2-1
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30), default="task")
    deadline: Mapped[dt.date | None]
    deadline_text: Mapped[str | None] = mapped_column(String(100))
    projects: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default="not_reported")
    status_reason: Mapped[str | None] = mapped_column(Text)
    status_at: Mapped[dt.datetime | None]
    percent: Mapped[float | None] = mapped_column(Float)  # latest reported percent
    last_reported_on: Mapped[dt.date | None]
    done_on: Mapped[dt.date | None]
    closed_at: Mapped[dt.datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(Text, default="", server_default="")  # first clause, for lists
    role: Mapped[str] = mapped_column(String(20), default="plan", server_default="plan")
    deadline_start: Mapped[int | None] = mapped_column(Integer)
    deadline_end: Mapped[int | None] = mapped_column(Integer)
    # the day ``status_reason`` was computed for, and the last day the cached colour holds
    # while nothing about the task changes (colours only worsen as time passes); None: recompute
    status_on: Mapped[dt.date | None]
    status_until: Mapped[dt.date | None]

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it from the class)

    targets: Mapped[list[TaskTargetRow]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskTargetRow.position"
    )
    assignments: Mapped[list[TaskDepartmentRow]] = relationship(
        back_populates="task", cascade="all, delete-orphan"
    )


class TaskTargetRow(Base):
    """A quantified target of a task (from one figure); ``key`` survives re-imports."""

    __tablename__ = "task_targets"
    __table_args__ = (UniqueConstraint("task_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    figure_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(300))
    indicator_id: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(10))
    comparator: Mapped[str] = mapped_column(String(10))
    value: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    task: Mapped[TaskRow] = relationship(back_populates="targets")


class DepartmentRow(Base):
    """The department catalogue, seeded from departments.yaml and then edited by staff."""

    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    key: Mapped[str | None] = mapped_column(String(60), unique=True)  # stable across levels: ndrc, finance
    full_name: Mapped[str | None] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(100))
    level: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str | None] = mapped_column(String(40))
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class TaskDepartmentRow(Base):
    """An assignment: a department as lead (牵头) or co-department (配合) of a task."""

    __tablename__ = "task_departments"
    __table_args__ = (
        UniqueConstraint("task_id", "department_id"),
        CheckConstraint("role IN ('lead', 'co')", name="role"),
        CheckConstraint("state IN ('suggested', 'confirmed')", name="state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    role: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(10), default="suggested")
    rule: Mapped[str | None] = mapped_column(String(200))  # the rule that suggested it
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    matched: Mapped[str | None] = mapped_column(String(200))  # the word of the task that fired the rule
    score: Mapped[float] = mapped_column(Float, default=1.0, server_default="1")

    task: Mapped[TaskRow] = relationship(back_populates="assignments")
    department: Mapped[DepartmentRow] = relationship()


# --------------------------------------------------------------------------- people


class UserRow(Base):
    """A login: admin (督查室), department staff, or viewer; passwords hashed with argon2."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('admin', 'department', 'viewer')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    display_name: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None]

    department: Mapped[DepartmentRow | None] = relationship()


class LoginAttemptRow(Base):
    """One login try, kept to rate-limit by user name and by client address."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "at"),
        Index("ix_login_attempts_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    ip: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    success: Mapped[bool] = mapped_column(Boolean, default=False)


# --------------------------------------------------------------------------- workflow


class ProgressReportRow(Base):
    """A department's progress report on a task; every one is kept (the history)."""

    __tablename__ = "progress_reports"
    __table_args__ = (
        Index("ix_progress_reports_task_date", "task_id", "reported_on"),
        CheckConstraint("percent IS NULL OR (percent >= 0 AND percent <= 100)", name="percent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reported_on: Mapped[dt.date]
    percent: Mapped[float | None] = mapped_column(Float)
    stage: Mapped[str | None] = mapped_column(String(40))  # 未启动 / 推进中 / 已完成 …
    narrative: Mapped[str] = mapped_column(Text, default="")
    source_url: Mapped[str | None] = mapped_column(String(1000))
    evidence_stored_name: Mapped[str | None] = mapped_column(String(200))
    evidence_original_name: Mapped[str | None] = mapped_column(String(500))
    evidence_mime: Mapped[str | None] = mapped_column(String(100))
    evidence_size: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    values: Mapped[list[ProgressValueRow]] = relationship(
        back_populates="progress_report", cascade="all, delete-orphan"
    )


class ProgressValueRow(Base):
    """The achieved value a progress report gives for one quantified target of its task."""

    __tablename__ = "progress_values"
    __table_args__ = (UniqueConstraint("progress_report_id", "task_target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    progress_report_id: Mapped[int] = mapped_column(ForeignKey("progress_reports.id", ondelete="CASCADE"))
    task_target_id: Mapped[int] = mapped_column(ForeignKey("task_targets.id"), index=True)
    value: Mapped[float] = mapped_column(Float)

    progress_report: Mapped[ProgressReportRow] = relationship(back_populates="values")


class NoticeRow(Base):
    """A supervision notice (督办单): issued by the admin, answered by the department, closed."""

    __tablename__ = "notices"
    __table_args__ = (
        Index("ix_notices_state_due", "state", "due_on"),
        CheckConstraint("state IN ('open', 'answered', 'closed')", name="state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    due_on: Mapped[dt.date]
    text: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[dt.datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[dt.datetime | None]
    state: Mapped[str] = mapped_column(String(10), default="open")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it from the class)


class AuditLogRow(Base):
    """One write, appended and never changed.

    Append-only is enforced twice: the repository offers no update or delete,
    and a database trigger (SQLite and PostgreSQL, see ``duban.store.audit_guard``)
    rejects any UPDATE or DELETE on this table. No foreign keys, so history
    never blocks anything else and outlives what it describes.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str | None] = mapped_column(String(100))
    task_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]


class SettingOverrideRow(Base):
    """A setting changed by the admin in the web app; wins over the environment."""

    __tablename__ = "setting_overrides"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


__all__ = [
    "ASSIGNMENT_ROLES",
    "ASSIGNMENT_STATES",
    "NOTICE_STATES",
    "ROLES",
    "STATUSES",
    "AreaRow",
    "AuditLogRow",
    "Base",
    "DepartmentRow",
    "FigureRow",
    "GlossaryTermRow",
    "LoginAttemptRow",
    "MainTargetRow",
    "NoticeRow",
    "ProgressReportRow",
    "ProgressValueRow",
    "ReportRow",
    "SectionRow",
    "SettingOverrideRow",
    "TaskDepartmentRow",
    "TaskRow",
    "TaskTargetRow",
    "ThemeRow",
    "UTCDateTime",
    "UserRow",
    "metadata",
    "utcnow",
]


def _after_audit_create(target: Any, connection: Any, **_: Any) -> None:
    install_audit_guard(connection)


event.listen(AuditLogRow.__table__, "after_create", _after_audit_create)
