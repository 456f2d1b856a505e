"""The demo database: what ``duban demo`` builds is what the tests use, and building twice adds nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from duban.demo import build_demo
from duban.store.db import make_sessionmaker
from duban.store.repo.users import authenticate
from duban.store.tables import ReportRow, TaskRow, UserRow


def test_demo_accounts_log_in(demo_db: Any) -> None:
    engine = demo_db.engine()
    with make_sessionmaker(engine)() as session:
        assert len(demo_db.departments) == 3
        for username, password in demo_db.accounts.items():
            user = authenticate(session=session, username=username, password=password)
            assert user is not None, username
            if username == demo_db.admin:
                assert user.role == "admin"
            else:
                assert user.role == "department" and user.department.name == demo_db.departments[username]
                lead_tasks = session.scalar(
                    select(func.count(TaskRow.id)).where(TaskRow.assignments.any(department_id=user.department_id,
                                                                                 role="lead"))
                )
                assert lead_tasks and lead_tasks > 0
    engine.dispose()


def test_demo_is_idempotent(demo_db: Any) -> None:
    engine = demo_db.engine()
    with make_sessionmaker(engine).begin() as session:
        before = {t: session.scalar(select(func.count()).select_from(t)) for t in (ReportRow, TaskRow, UserRow)}
        again = build_demo(session=session)
        assert not again.report_created and again.passwords == {}
        assert again.departments == demo_db.departments
        after = {t: session.scalar(select(func.count()).select_from(t)) for t in (ReportRow, TaskRow, UserRow)}
        assert after == before
    engine.dispose()
