"""Settings the admin changed in the web app, stored in ``setting_overrides``; they win over the environment.

Only the keys in :data:`EDITABLE` may be stored: the status thresholds, the
reminder day and the assessment weights. The database URL, secret key and
paths stay with the environment.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from duban.store.repo import audit
from duban.store.tables import SettingOverrideRow, UserRow, utcnow

EDITABLE = ("status_yellow_behind", "status_red_behind", "reminder_day", "assessment", "page_size")


def load_overrides(*, session: Session) -> dict[str, Any]:
    """Every stored override (only editable keys)."""
    return {r.key: r.value for r in session.scalars(select(SettingOverrideRow)) if r.key in EDITABLE}


def save_overrides(*, session: Session, user: UserRow, values: dict[str, Any]) -> dict[str, Any]:
    """Store ``values`` (editable keys only; validated by the caller) and log the change."""
    before = load_overrides(session=session)
    for key, value in values.items():
        if key not in EDITABLE:
            raise KeyError(key)
        row = session.get(SettingOverrideRow, key)
        if row is None:
            session.add(SettingOverrideRow(key=key, value=value, updated_by_id=user.id, updated_at=utcnow()))
        else:
            row.value = value
            row.updated_by_id = user.id
    session.flush()
    after = load_overrides(session=session)
    audit.record(session=session, user=user, action="settings.update", entity="settings", before=before, after=after)
    return after
