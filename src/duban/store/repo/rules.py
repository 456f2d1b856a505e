"""The office's department-assignment rules, kept in the database once the admin edits them.

assign_rules.yaml only seeds them: until the first edit nothing is stored and
callers use the file; the first edit stores the whole set, and from then on
the stored set is the office's. It lives in ``setting_overrides`` under the
key :data:`KEY` (a JSON copy of the rules file, validated by the caller with
the same schema as the YAML), which :func:`duban.store.repo.overrides.load_overrides`
ignores because it is not a setting.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from duban.store.repo import audit
from duban.store.tables import SettingOverrideRow, UserRow, utcnow

KEY = "assign_rules"


def load_rules(*, session: Session) -> dict[str, Any] | None:
    """The stored rules file as JSON, or None while the office still uses assign_rules.yaml."""
    row = session.get(SettingOverrideRow, KEY)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else None


def save_rules(
    *,
    session: Session,
    user: UserRow,
    rules: dict[str, Any],
    action: str,
    rule_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Store the whole rules file ``rules`` and log the one rule that changed (``before``/``after``)."""
    row = session.get(SettingOverrideRow, KEY)
    if row is None:
        session.add(SettingOverrideRow(key=KEY, value=rules, updated_by_id=user.id, updated_at=utcnow()))
    else:
        row.value = rules
        row.updated_by_id = user.id
        row.updated_at = utcnow()
    session.flush()
    audit.record(session=session, user=user, action=action, entity="assign_rule", entity_id=rule_id,
                 before=before, after=after)
