"""The department catalogue: seeding fills gaps and never overwrites staff edits."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from duban.errors import DubanError
from duban.ledger import load_catalogue
from duban.store.repo.departments import (
    create_department,
    get_department_by_name,
    list_departments,
    seed_departments,
    update_department,
)


def test_departments_seed_from_catalogue(session: Session) -> None:
    catalogue = load_catalogue("county", "宁波市镇海区")
    rows = seed_departments(session=session, catalogue=catalogue.departments.values())
    assert len(rows) == len(catalogue.departments) > 10
    stored = list_departments(session=session)
    assert [d.key for d in stored] == [d.key for d in catalogue.departments.values()]
    assert all(d.level == "county" and d.active for d in stored)


def test_departments_seed_keeps_edits(session: Session) -> None:
    catalogue = list(load_catalogue("county", "宁波市镇海区").departments.values())
    seed_departments(session=session, catalogue=catalogue)
    first = get_department_by_name(session=session, name=catalogue[0].name)
    assert first is not None
    update_department(session=session, department=first, short_name="发改", active=False)
    seed_departments(session=session, catalogue=catalogue)
    again = get_department_by_name(session=session, name="发改")
    assert again is not None and again.id == first.id and not again.active
    assert len(list_departments(session=session)) == len(catalogue)
    assert len(list_departments(session=session, active_only=True)) == len(catalogue) - 1


def test_departments_names_are_unique(session: Session) -> None:
    create_department(session=session, name="区大数据局", key="bigdata")
    with pytest.raises(DubanError, match="exists"):
        create_department(session=session, name="区大数据局")
    with pytest.raises(DubanError, match="exists"):
        create_department(session=session, name="区数据局", key="bigdata")
