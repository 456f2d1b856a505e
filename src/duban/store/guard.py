"""Database triggers that make ``audit_log`` append-only, per dialect.

The repository never updates or deletes audit rows; these triggers make the
database itself refuse, so not even a hand-written SQL statement can rewrite
history. The same statements run from ``metadata.create_all`` (via the DDL
events registered in :mod:`duban.store.tables`) and from the migration.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

MESSAGE = "audit_log is append-only"

SQLITE = [
    (f"CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
     f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"),
    (f"CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
     f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"),
]

POSTGRESQL = [
    ("CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
     f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql"),
    "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log",
    ("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
     "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
    ("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
     "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"),
]

DROP = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log",
        "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
        "DROP FUNCTION IF EXISTS audit_log_append_only()",
    ],
}


def statements(dialect: str) -> list[str]:
    """The trigger DDL for ``dialect`` ("sqlite" or "postgresql"); empty for others."""
    return {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(dialect, [])


def install_audit_guard(connection: Connection) -> None:
    """Create the append-only triggers on ``audit_log`` (idempotent)."""
    for sql in statements(connection.dialect.name):
        connection.execute(text(sql))


def remove_audit_guard(connection: Connection) -> None:
    """Drop the triggers again (used by the migration's downgrade only)."""
    for sql in DROP.get(connection.dialect.name, []):
        connection.execute(text(sql))
