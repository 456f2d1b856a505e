"""import_report: everything stored, idempotent by sha256, re-parses keep history, all or nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from store_support import Analysed, analyse_text

from duban.errors import DubanError
from duban.store.repo.reports import import_report, lineage_of, list_reports
from duban.store.repo.tasks import get_task_by_key
from duban.store.tables import (
    AuditLogRow,
    FigureRow,
    GlossaryTermRow,
    MainTargetRow,
    ProgressReportRow,
    ReportRow,
    SectionRow,
    TaskDepartmentRow,
    TaskRow,
    TaskTargetRow,
)


def _import(session: Session, a: Analysed):  # type: ignore[no-untyped-def]
    return import_report(
        session=session, source=a.source, report=a.report, figures=a.figures, ledger=a.ledger, catalogue=a.catalogue
    )


def _count(session: Session, table: type) -> int:
    return session.scalar(select(func.count()).select_from(table)) or 0


def test_import_stores_everything(session: Session, sample: Analysed) -> None:
    result = _import(session, sample)
    session.commit()
    report = result.report
    assert result.created and result.tasks_added == len(sample.ledger.tasks) > 100
    assert (report.region, report.year, report.level) == ("宁波市镇海区", 2020, "county")
    assert report.delivered_on == dt.date(2020, 5, 9)
    assert report.lineage == "浙江省宁波市镇海区|2020"
    assert report.text == sample.report.text
    assert _count(session, SectionRow) == sum(1 for _ in sample.report.iter_sections())
    assert _count(session, GlossaryTermRow) == 40
    assert _count(session, FigureRow) == len(sample.figures) == 149
    for figure in session.scalars(select(FigureRow)):
        assert report.text[figure.start:figure.end] == figure.text
    assert _count(session, TaskRow) == len(sample.ledger.tasks)
    assert _count(session, TaskTargetRow) == sum(len(t.figures) for t in sample.ledger.tasks)
    assert _count(session, MainTargetRow) == sum(1 for t in sample.ledger.tasks if t.kind == "main_target")
    for task in session.scalars(select(TaskRow)):
        assert report.text[task.start:task.end] == task.text
        assert task.status == "not_reported" and task.version == 1
    leads = session.scalars(select(TaskDepartmentRow).where(TaskDepartmentRow.role == "lead")).all()
    assert leads and all(a.state == "suggested" and a.rule for a in leads)
    audit = session.scalars(select(AuditLogRow)).one()
    assert (audit.action, audit.entity, audit.entity_id) == ("import", "report", str(report.id))


def test_import_same_file_twice_adds_nothing(session: Session, sample: Analysed) -> None:
    first = _import(session, sample)
    session.commit()
    counts = {t: _count(session, t) for t in (ReportRow, FigureRow, TaskRow, TaskDepartmentRow, AuditLogRow)}
    second = _import(session, sample)
    session.commit()
    assert not second.created and second.report.id == first.report.id
    assert {t: _count(session, t) for t in counts} == counts


def _edit_one_task(sample: Analysed) -> tuple[str, str]:
    """The sample's text with one plan task reworded; returns (text, the old task key)."""
    task = next(t for t in sample.ledger.tasks if t.kind == "task" and t.role == "plan" and len(t.text) > 20)
    cut = task.start + 4
    return sample.report.text[:cut] + "切实" + sample.report.text[cut:], task.id


def test_import_reparse_keeps_assignments_and_history(session: Session, sample: Analysed) -> None:
    text, edited_key = _edit_one_task(sample)
    first = _import(session, sample)
    session.flush()
    kept = next(t for t in sample.ledger.tasks if t.kind == "task" and t.lead and t.id != edited_key)
    task = get_task_by_key(session=session, lineage=first.report.lineage, key=kept.id)
    assert task is not None
    lead = next(a for a in task.assignments if a.role == "lead")
    lead.state = "confirmed"
    task.deadline = dt.date(2020, 9, 30)
    session.add(ProgressReportRow(task_id=task.id, reported_on=dt.date(2020, 6, 1), percent=40, narrative="推进中"))
    session.commit()
    task_id, department_id = task.id, lead.department_id

    reparsed = analyse_text(text, [dataclasses.replace(f) for f in sample.figures], name="zhenhai-2020-v2.txt")
    assert lineage_of(reparsed.report, reparsed.source.sha256) == first.report.lineage
    second = _import(session, reparsed)
    session.commit()

    assert second.created and second.replaced is not None and second.replaced.id == first.report.id
    assert second.tasks_retired == 1 and second.tasks_added == 1
    assert second.tasks_kept == len(reparsed.ledger.tasks) - 1
    assert [r.id for r in list_reports(session=session)] == [second.report.id]
    assert first.report.superseded_by_id == second.report.id

    again = session.get(TaskRow, task_id)
    assert again is not None and again.report_id == second.report.id and not again.retired
    assert again.deadline == dt.date(2020, 9, 30)  # set by staff, kept
    confirmed = [a for a in again.assignments if a.state == "confirmed"]
    assert [(a.department_id, a.role) for a in confirmed] == [(department_id, "lead")]
    assert session.scalars(select(ProgressReportRow).where(ProgressReportRow.task_id == task_id)).one().percent == 40
    old = get_task_by_key(session=session, lineage=first.report.lineage, key=edited_key)
    assert old is not None and old.retired
    live = session.scalar(select(func.count(TaskRow.id)).where(TaskRow.retired.is_(False)))
    assert live == len(reparsed.ledger.tasks)


def test_import_is_all_or_nothing(session: Session, sample: Analysed) -> None:
    broken = list(sample.figures)
    broken[-1] = dataclasses.replace(broken[-1], indicator=None)  # type: ignore[arg-type]
    bad = dataclasses.replace(sample, figures=broken)
    with pytest.raises(DubanError) as caught:
        _import(session, bad)
    assert caught.value.code.value == "D401"
    for table in (ReportRow, FigureRow, TaskRow, SectionRow, AuditLogRow):
        assert _count(session, table) == 0
    assert _import(session, sample).created  # the session is still usable
    session.commit()
    assert _count(session, ReportRow) == 1


def test_import_without_region_has_a_lineage_of_its_own(sample: Analysed) -> None:
    report = dataclasses.replace(sample.report, metadata=dataclasses.replace(sample.report.metadata, region=None,
                                                                            region_full=None))
    assert lineage_of(report, "abc") == "sha256:abc"


def test_import_value_too_long_is_d401_on_every_backend(session: Session, sample: Analysed) -> None:
    """A value the database refuses (PostgreSQL checks VARCHAR lengths) is D401, and nothing stays."""
    broken = list(sample.figures)
    broken[0] = dataclasses.replace(broken[0], unit="单位" * 100)
    bad = dataclasses.replace(sample, figures=broken)
    try:
        result = _import(session, bad)
    except DubanError as err:
        assert err.code.value == "D401"
        assert _count(session, ReportRow) == 0
    else:  # SQLite does not enforce VARCHAR lengths: the import is whole
        assert session.bind is not None and session.bind.dialect.name == "sqlite"
        assert result.created and _count(session, FigureRow) == len(broken)
