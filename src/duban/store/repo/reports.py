"""Import a parsed report with its figures and ledger; read reports back.

:func:`import_report` is the one write path for a report, used by
``duban import``, ``duban demo``, the web's import page and the corpus
runner. It is all or nothing (a savepoint: on any error nothing of it stays
in the session) and idempotent by the file's sha256. A re-parsed report (same
region and plan year, new sha256) becomes the current report of its lineage;
its tasks are matched to the stored ones by their stable key, so
assignments, deadlines set by staff, progress reports, notices and the audit
trail carry over, and tasks the new parse no longer finds are retired, not
deleted. The caller commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from duban.errors import DubanError, ErrorCode
from duban.ledger import Catalogue
from duban.model import Department, Figure, Ledger, Report, Section, Source
from duban.model.ledger import DepartmentSuggestion, Task
from duban.store.repo.departments import ensure_department, seed_departments

if TYPE_CHECKING:
    from duban.pipeline import Analysis
from duban.store.tables import (
    AreaRow,
    AuditLogRow,
    DepartmentRow,
    FigureRow,
    GlossaryTermRow,
    MainTargetRow,
    ReportRow,
    SectionRow,
    TaskDepartmentRow,
    TaskRow,
    TaskTargetRow,
    ThemeRow,
    UserRow,
)

_FIGURE_COLUMNS = frozenset(FigureRow.__table__.columns.keys()) - {"id", "report_id", "position"}


@dataclass(slots=True)
class ImportResult:
    """What :func:`import_report` did: the stored report and the task counts."""

    report: ReportRow
    created: bool  # False: the same file was stored already, nothing was added
    tasks_added: int = 0
    tasks_kept: int = 0  # matched to a task of an earlier parse of the same report
    tasks_retired: int = 0
    replaced: ReportRow | None = None  # the earlier parse this one supersedes


def lineage_of(report: Report, sha256: str) -> str:
    """The key that re-parses of one report share: its region and plan year.

    Without both, a report has a lineage of its own (its sha256).
    """
    meta = report.metadata
    region = meta.region_full or meta.region
    if region and meta.year:
        return f"{region}|{meta.year}"
    return f"sha256:{sha256}"


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def import_report(
    *,
    session: Session,
    source: Source,
    report: Report,
    figures: Sequence[Figure] = (),
    ledger: Ledger | None = None,
    catalogue: Catalogue | Iterable[Department] = (),
    user: UserRow | None = None,
) -> ImportResult:
    """Store a report, its sections, glossary, figures, main targets and ledger.

    ``catalogue`` (a :class:`~duban.ledger.Catalogue` or its departments)
    seeds the department table. Returns the existing report untouched when a file with the same sha256 is
    stored already. Raises D401 when the database refuses the write; nothing
    of this import is then left in the session.
    """
    existing = get_report_by_sha256(session=session, sha256=source.sha256)
    if existing is not None:
        return ImportResult(report=existing, created=False)
    try:
        with session.begin_nested():
            departments = list(catalogue.departments.values() if isinstance(catalogue, Catalogue) else catalogue)
            return _import(session, source, report, list(figures), ledger, departments, user)
    except SQLAlchemyError as exc:
        if isinstance(exc, IntegrityError):
            # Another import of the same file may have won the race: return what it stored.
            existing = get_report_by_sha256(session=session, sha256=source.sha256)
            if existing is not None:
                return ImportResult(report=existing, created=False)
        cause = getattr(exc, "orig", None) or exc
        raise DubanError(ErrorCode.STORE_FAILED, source.name, detail=str(cause).splitlines()[0]) from None



def import_analysis(*, session: Session, analysis: Analysis, user: UserRow | None = None) -> ImportResult:
    """:func:`import_report` of everything :func:`duban.pipeline.analyse` derived from one file."""
    return import_report(
        session=session,
        source=analysis.source,
        report=analysis.report,
        figures=analysis.figures,
        ledger=analysis.ledger,
        catalogue=analysis.catalogue,
        user=user,
    )

def _import(
    session: Session,
    source: Source,
    report: Report,
    figures: list[Figure],
    ledger: Ledger | None,
    catalogue: list[Department],
    user: UserRow | None,
) -> ImportResult:
    lineage = lineage_of(report, source.sha256)
    previous = session.scalar(
        select(ReportRow).where(ReportRow.lineage == lineage, ReportRow.superseded_by_id.is_(None))
    )
    meta = report.metadata
    row = ReportRow(
        sha256=source.sha256,
        file_name=source.name,
        format=source.format,
        encoding=source.encoding,
        size=source.size,
        text=report.text,
        body_end=report.body_end,
        title=meta.title,
        region=meta.region,
        region_full=meta.region_full,
        level=meta.level,
        region_code=meta.region_code,
        year=meta.year,
        review_year=meta.review_year,
        delivered_on=_iso_date(meta.delivered_on),
        session=meta.session,
        speaker_name=meta.speaker_name,
        speaker_title=meta.speaker_title,
        lineage=lineage,
        imported_by_id=user.id if user else None,
    )
    session.add(row)
    session.flush()
    _add_sections(session, row, report)
    _add_glossary(session, row, report)
    figure_rows = _add_figures(session, row, figures)
    result = ImportResult(report=row, created=True, replaced=previous)
    if ledger is not None:
        departments = seed_departments(session=session, catalogue=catalogue)
        _add_ledger(session, row, ledger, figure_rows, departments, result)
    else:
        _add_main_targets_from_figures(session, row, figures, figure_rows)
    if previous is not None:
        previous.superseded_by_id = row.id
    session.add(
        AuditLogRow(
            user_id=user.id if user else None,
            username=user.username if user else None,
            action="import",
            entity="report",
            entity_id=str(row.id),
            before={"report_id": previous.id, "sha256": previous.sha256} if previous else None,
            after={
                "sha256": row.sha256,
                "file_name": row.file_name,
                "lineage": lineage,
                "figures": len(figure_rows),
                "tasks_added": result.tasks_added,
                "tasks_kept": result.tasks_kept,
                "tasks_retired": result.tasks_retired,
            },
        )
    )
    session.flush()
    return result


def _add_sections(session: Session, row: ReportRow, report: Report) -> None:
    position = 0

    def add(section: Section, parent: SectionRow | None, depth: int) -> None:
        nonlocal position
        node = SectionRow(
            report_id=row.id,
            parent_id=parent.id if parent else None,
            position=position,
            depth=depth,
            kind=section.kind.value,
            number=section.number,
            title=section.title,
            role=section.role.value,
            start=section.start,
            end=section.end,
            title_start=section.title_start,
            title_end=section.title_end,
        )
        position += 1
        session.add(node)
        if section.children:
            session.flush()  # the children need the parent's id
            for child in section.children:
                add(child, node, depth + 1)

    for top in report.sections:
        add(top, None, 0)


def _add_glossary(session: Session, row: ReportRow, report: Report) -> None:
    for position, term in enumerate(report.glossary):
        session.add(
            GlossaryTermRow(
                report_id=row.id,
                position=position,
                number=term.number,
                term=term.term,
                definition=term.definition,
                start=term.start,
                end=term.end,
                term_start=term.term_start,
                term_end=term.term_end,
                definition_start=term.definition_start,
                definition_end=term.definition_end,
            )
        )


def _add_figures(session: Session, row: ReportRow, figures: list[Figure]) -> list[FigureRow]:
    rows = [
        FigureRow(report_id=row.id, position=i, **{k: v for k, v in asdict(f).items() if k in _FIGURE_COLUMNS})
        for i, f in enumerate(figures)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def _main_target(row: ReportRow, position: int, figure: Figure, figure_row: FigureRow | None) -> MainTargetRow:
    return MainTargetRow(
        report_id=row.id,
        figure_id=figure_row.id if figure_row else None,
        position=position,
        indicator=figure.indicator,
        indicator_id=figure.indicator_id,
        text=figure.quote or figure.text,
        start=figure.quote_start if figure.quote_end > figure.quote_start else figure.start,
        end=figure.quote_end if figure.quote_end > figure.quote_start else figure.end,
        quantified=True,
        measure=figure.measure,
        comparator=figure.comparator,
        value=figure.value,
        value_max=figure.value_max,
        unit=figure.unit,
    )


def _add_main_targets_from_figures(
    session: Session, row: ReportRow, figures: list[Figure], figure_rows: list[FigureRow]
) -> None:
    """Without a ledger, the main targets are the target figures of the main-targets paragraph."""
    position = 0
    for figure, figure_row in zip(figures, figure_rows):
        if figure.role == "main_targets" and figure.kind == "target":
            session.add(_main_target(row, position, figure, figure_row))
            position += 1


def _target_key(figure: Figure, seen: dict[str, int]) -> str:
    base = f"{figure.indicator_id or figure.indicator}|{figure.measure}|{figure.unit or ''}"
    seen[base] = seen.get(base, 0) + 1
    return f"{base}|{seen[base]}"


def _add_ledger(
    session: Session,
    row: ReportRow,
    ledger: Ledger,
    figure_rows: list[FigureRow],
    departments: dict[str, DepartmentRow],
    result: ImportResult,
) -> None:
    areas: dict[int, AreaRow] = {}
    themes: dict[tuple[int, int], ThemeRow] = {}
    for position, area in enumerate(ledger.areas):
        area_row = AreaRow(
            report_id=row.id,
            position=position,
            number=area.number,
            title=area.title,
            start=area.start,
            end=area.end,
            role=area.role,
        )
        areas[area.index] = area_row
        session.add(area_row)
    session.flush()
    theme_position = 0
    for area in ledger.areas:
        for theme in area.themes:
            theme_row = ThemeRow(
                report_id=row.id,
                area_id=areas[area.index].id,
                position=theme_position,
                title=theme.title,
                start=theme.start,
                end=theme.end,
                title_start=theme.title_start,
                title_end=theme.title_end,
            )
            theme_position += 1
            themes[(area.index, theme.index)] = theme_row
            session.add(theme_row)
    session.flush()

    stored = {
        t.key: t
        for t in session.scalars(
            select(TaskRow)
            .where(TaskRow.lineage == row.lineage)
            .options(selectinload(TaskRow.targets), selectinload(TaskRow.assignments))
        )
    }
    seen_keys: set[str] = set()
    main_position = 0
    for task in ledger.tasks:
        seen_keys.add(task.id)
        task_area: AreaRow | None = areas.get(task.area_index) if task.area_index is not None else None
        task_theme: ThemeRow | None = (
            themes.get((task.area_index, task.theme_index))
            if task.area_index is not None and task.theme_index is not None
            else None
        )
        task_row = stored.get(task.id)
        if task_row is None:
            task_row = TaskRow(lineage=row.lineage, key=task.id, projects=[], targets=[], assignments=[])
            session.add(task_row)
            result.tasks_added += 1
            keep_deadline = False
        else:
            result.tasks_kept += 1
            keep_deadline = task_row.deadline is not None  # staff may have set it
        _fill_task(task_row, task, row, task_area, task_theme, keep_deadline=keep_deadline)
        _sync_targets(task_row, task, figure_rows)
        sync_suggestions(session, task_row, [*task.lead, *task.co], departments)
        if task.kind == "main_target":
            first = task.figure_indices[0] if task.figure_indices else None
            if task.figures:
                figure_row = figure_rows[first] if first is not None and first < len(figure_rows) else None
                session.add(_main_target(row, main_position, task.figures[0], figure_row))
            else:
                session.add(
                    MainTargetRow(
                        report_id=row.id,
                        position=main_position,
                        indicator=(task.title or task.text)[:300],
                        text=task.text,
                        start=task.start,
                        end=task.end,
                        quantified=False,
                    )
                )
            main_position += 1
    for key, task_row in stored.items():
        if key not in seen_keys and not task_row.retired:
            task_row.retired = True
            result.tasks_retired += 1
    session.flush()


def _fill_task(
    task_row: TaskRow,
    task: Task,
    row: ReportRow,
    area_row: AreaRow | None,
    theme_row: ThemeRow | None,
    *,
    keep_deadline: bool,
) -> None:
    task_row.report_id = row.id
    task_row.status_on = task_row.status_until = None  # its targets or deadline may change: recompute
    task_row.area_id = area_row.id if area_row else None
    task_row.theme_id = theme_row.id if theme_row else None
    task_row.position = task.seq
    task_row.title = task.title
    task_row.role = task.role
    task_row.kind = task.kind
    task_row.text = task.text
    task_row.start = task.start
    task_row.end = task.end
    task_row.projects = [asdict(m) for m in task.mentions]
    task_row.retired = False
    task_row.deadline_text = task.deadline_text
    task_row.deadline_start = task.deadline_start
    task_row.deadline_end = task.deadline_end
    if not keep_deadline:
        task_row.deadline = _iso_date(task.deadline)


def _sync_targets(task_row: TaskRow, task: Task, figure_rows: list[FigureRow]) -> None:
    """Match the task's target figures to its stored targets by key; retire the missing ones."""
    by_key = {t.key: t for t in task_row.targets}
    seen: dict[str, int] = {}
    present: set[str] = set()
    for position, figure in enumerate(task.figures):
        key = _target_key(figure, seen)
        present.add(key)
        index = task.figure_indices[position] if position < len(task.figure_indices) else None
        figure_row = figure_rows[index] if index is not None and index < len(figure_rows) else None
        target = by_key.get(key)
        if target is None:
            target = TaskTargetRow(key=key)
            task_row.targets.append(target)
        target.figure_id = figure_row.id if figure_row else None
        target.position = position
        target.indicator = figure.indicator
        target.indicator_id = figure.indicator_id
        target.text = figure.text
        target.start = figure.start
        target.end = figure.end
        target.measure = figure.measure
        target.comparator = figure.comparator
        target.value = figure.value
        target.value_max = figure.value_max
        target.unit = figure.unit
        target.retired = False
    for key, target in by_key.items():
        if key not in present:
            target.retired = True


def sync_suggestions(
    session: Session,
    task_row: TaskRow,
    suggestions: list[DepartmentSuggestion],
    departments: dict[str, DepartmentRow],
) -> None:
    """Add the ledger's suggestions; keep confirmed assignments; drop stale suggestions."""
    suggested_ids: set[int] = set()
    current = {a.department_id: a for a in task_row.assignments}
    for suggestion in suggestions:
        department = departments.get(suggestion.department) or ensure_department(
            session=session, name=suggestion.department, key=suggestion.department_key
        )
        departments[suggestion.department] = department
        if department.id in suggested_ids:
            continue  # lead wins over co for the same department
        suggested_ids.add(department.id)
        assignment = current.get(department.id)
        if assignment is None:
            task_row.assignments.append(
                TaskDepartmentRow(
                    department_id=department.id,
                    role=suggestion.role,
                    state="suggested",
                    rule=suggestion.rule,
                    matched=suggestion.matched,
                    score=suggestion.score,
                )
            )
        elif assignment.state == "suggested":
            assignment.role = suggestion.role
            assignment.rule = suggestion.rule
            assignment.matched = suggestion.matched
            assignment.score = suggestion.score
    for department_id, assignment in current.items():
        if assignment.state == "suggested" and department_id not in suggested_ids:
            task_row.assignments.remove(assignment)


# --------------------------------------------------------------------------- reads


def get_report(*, session: Session, report_id: int) -> ReportRow | None:
    """One report by id, or None."""
    return session.get(ReportRow, report_id)


def get_report_by_sha256(*, session: Session, sha256: str) -> ReportRow | None:
    """The report imported from the file with this sha256, or None."""
    return session.scalar(select(ReportRow).where(ReportRow.sha256 == sha256))


def list_reports(*, session: Session, include_superseded: bool = False) -> Sequence[ReportRow]:
    """Stored reports, newest plan year first, then by region."""
    query = select(ReportRow).order_by(ReportRow.year.desc().nulls_last(), ReportRow.region, ReportRow.id)
    if not include_superseded:
        query = query.where(ReportRow.superseded_by_id.is_(None))
    return session.scalars(query).all()


def latest_report(*, session: Session) -> ReportRow | None:
    """The current report with the newest plan year (the app's default report)."""
    reports = list_reports(session=session)
    return reports[0] if reports else None


def count_reports(*, session: Session) -> int:
    """How many reports are stored, superseded ones included."""
    return session.scalar(select(func.count(ReportRow.id))) or 0
