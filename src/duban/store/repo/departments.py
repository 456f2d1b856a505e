"""The department catalogue: seed it from the ledger's catalogue, read and edit it.

``departments.yaml`` only seeds the table; after that staff edit the rows in
the web app, and seeding never overwrites what they changed (it fills in
missing departments and missing fields only).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from duban.errors import DubanError, ErrorCode
from duban.model import Department
from duban.store.tables import DepartmentRow


def seed_departments(*, session: Session, catalogue: Iterable[Department]) -> dict[str, DepartmentRow]:
    """Insert the catalogue's departments that are not stored yet; return all of them by name.

    A department is found by its ``key`` first, then by its ``name``. Stored
    rows keep their edited fields; only empty ones are filled in.
    """
    rows = list(session.scalars(select(DepartmentRow)))
    by_key = {r.key: r for r in rows if r.key}
    by_name = {r.name: r for r in rows}
    out: dict[str, DepartmentRow] = {}
    next_position = max((r.position for r in rows), default=0) + 1
    for dept in catalogue:
        row = by_key.get(dept.key) or by_name.get(dept.name)
        if row is None:
            row = DepartmentRow(
                name=dept.name,
                key=dept.key or None,
                full_name=dept.full_name or None,
                level=dept.level,
                kind=dept.category or None,
                aliases=list(dept.aliases),
                position=next_position,
                active=True,
            )
            next_position += 1
            session.add(row)
            by_name[row.name] = row
            if row.key:
                by_key[row.key] = row
        else:
            row.key = row.key or dept.key or None
            row.full_name = row.full_name or dept.full_name or None
            row.level = row.level or dept.level
            row.kind = row.kind or dept.category or None
            if not row.aliases and dept.aliases:
                row.aliases = list(dept.aliases)
        out[dept.name] = row
    session.flush()
    return out


def ensure_department(*, session: Session, name: str, key: str | None = None) -> DepartmentRow:
    """The department called ``name`` (or with ``key``), created when missing."""
    row = None
    if key:
        row = session.scalar(select(DepartmentRow).where(DepartmentRow.key == key))
    if row is None:
        row = session.scalar(select(DepartmentRow).where(DepartmentRow.name == name))
    if row is None:
        position = (session.scalar(select(DepartmentRow.position).order_by(DepartmentRow.position.desc())) or 0) + 1
        row = DepartmentRow(name=name, key=key or None, aliases=[], position=position, active=True)
        session.add(row)
        session.flush()
    return row


def list_departments(*, session: Session, active_only: bool = False) -> Sequence[DepartmentRow]:
    """The catalogue in display order."""
    query = select(DepartmentRow).order_by(DepartmentRow.position, DepartmentRow.id)
    if active_only:
        query = query.where(DepartmentRow.active.is_(True))
    return session.scalars(query).all()


def get_department(*, session: Session, department_id: int) -> DepartmentRow | None:
    """One department by id, or None."""
    return session.get(DepartmentRow, department_id)


def get_department_by_name(*, session: Session, name: str) -> DepartmentRow | None:
    """One department by its name, short name or full name, or None."""
    for column in (DepartmentRow.name, DepartmentRow.short_name, DepartmentRow.full_name):
        row = session.scalar(select(DepartmentRow).where(column == name))
        if row is not None:
            return row
    return None


def create_department(
    *,
    session: Session,
    name: str,
    short_name: str | None = None,
    full_name: str | None = None,
    level: str | None = None,
    kind: str | None = None,
    key: str | None = None,
) -> DepartmentRow:
    """Add a department to the catalogue; raises D402 when the name or key is taken."""
    name = name.strip()
    if not name:
        raise DubanError(ErrorCode.STORE_INVALID, detail="a department needs a name")
    if session.scalar(select(DepartmentRow.id).where(DepartmentRow.name == name)) is not None:
        raise DubanError(ErrorCode.IMPORT_CONFLICT, detail=f"department {name} exists")
    if key and session.scalar(select(DepartmentRow.id).where(DepartmentRow.key == key)) is not None:
        raise DubanError(ErrorCode.IMPORT_CONFLICT, detail=f"department key {key} exists")
    position = (session.scalar(select(DepartmentRow.position).order_by(DepartmentRow.position.desc())) or 0) + 1
    row = DepartmentRow(
        name=name,
        short_name=short_name,
        full_name=full_name,
        level=level,
        kind=kind,
        key=key,
        aliases=[],
        position=position,
        active=True,
    )
    session.add(row)
    session.flush()
    return row


def update_department(
    *,
    session: Session,
    department: DepartmentRow,
    name: str | None = None,
    short_name: str | None = None,
    full_name: str | None = None,
    level: str | None = None,
    active: bool | None = None,
) -> DepartmentRow:
    """Change the given fields of a department (``None`` leaves a field as it is)."""
    if name is not None and name.strip() and name.strip() != department.name:
        clash = session.scalar(select(DepartmentRow.id).where(DepartmentRow.name == name.strip()))
        if clash is not None:
            raise DubanError(ErrorCode.IMPORT_CONFLICT, detail=f"department {name} exists")
        department.name = name.strip()
    if short_name is not None:
        department.short_name = short_name.strip() or None
    if full_name is not None:
        department.full_name = full_name.strip() or None
    if level is not None:
        department.level = level or None
    if active is not None:
        department.active = active
    session.flush()
    return department
