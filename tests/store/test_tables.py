"""Tables: the audit log refuses changes, versions guard concurrent edits, timestamps stay UTC."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, delete, text, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from duban.store.db import is_conflict, make_sessionmaker
from duban.store.tables import AuditLogRow, ReportRow, TaskRow, utcnow


def _audit(session: Session) -> int:
    row = AuditLogRow(action="create", entity="task", entity_id="1", after={"x": 1})
    session.add(row)
    session.commit()
    return row.id


@pytest.mark.parametrize(
    "statement",
    [
        lambda: update(AuditLogRow).values(action="tampered"),
        lambda: delete(AuditLogRow),
        lambda: text("UPDATE audit_log SET username = 'x'"),
        lambda: text("DELETE FROM audit_log"),
    ],
    ids=["orm-update", "orm-delete", "sql-update", "sql-delete"],
)
def test_tables_audit_log_is_append_only(session: Session, statement: object) -> None:
    _audit(session)
    with pytest.raises(DBAPIError, match="append-only"):
        session.execute(statement())  # type: ignore[operator]
        session.flush()
    session.rollback()
    assert session.query(AuditLogRow).count() == 1
    assert session.query(AuditLogRow).one().action == "create"


def _report(session: Session) -> ReportRow:
    report = ReportRow(sha256="a" * 64, format="text", text="某某", lineage="x|2020", size=6)
    session.add(report)
    session.flush()
    return report


def test_tables_task_version_refuses_stale_write(engine: Engine) -> None:
    make = make_sessionmaker(engine)
    with make.begin() as s:
        report = _report(s)
        task = TaskRow(lineage="x|2020", key="T1", report_id=report.id, position=1, text="t", start=0, end=1,
                       projects=[])
        s.add(task)
        s.flush()
        task_id = task.id
        assert task.version == 1
    first, second = make(), make()
    a = first.get(TaskRow, task_id)
    b = second.get(TaskRow, task_id)
    assert a is not None and b is not None
    a.status = "green"
    first.commit()
    assert a.version == 2
    b.status = "red"
    # PostgreSQL: the version check fails (StaleDataError); SQLite may refuse the
    # stale snapshot's write even earlier ("database is locked"). Either is a conflict.
    with pytest.raises((StaleDataError, OperationalError)) as caught:
        second.commit()
    assert is_conflict(caught.value)
    second.rollback()
    first.close()
    second.close()
    with make() as s:
        stored = s.get(TaskRow, task_id)
        assert stored is not None and stored.status == "green" and stored.version == 2


def test_tables_timestamps_come_back_aware_utc(session: Session) -> None:
    report = _report(session)
    shanghai = dt.timezone(dt.timedelta(hours=8))
    report.imported_at = dt.datetime(2020, 5, 9, 9, 0, tzinfo=shanghai)
    session.commit()
    session.expire_all()
    assert report.imported_at == dt.datetime(2020, 5, 9, 1, 0, tzinfo=dt.UTC)
    assert report.imported_at.tzinfo is not None
    assert utcnow().tzinfo is dt.UTC


def test_tables_naive_timestamp_is_refused(session: Session) -> None:
    report = _report(session)
    report.imported_at = dt.datetime(2020, 5, 9, 9, 0)
    with pytest.raises(Exception, match="naive datetime"):
        session.flush()
