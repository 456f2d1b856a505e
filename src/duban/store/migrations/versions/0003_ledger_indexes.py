"""Indexes for the ledger at scale: live tasks of a report in ledger order, and by status.

Every ledger page counts the live tasks of a report and skips to its page in
``position`` order; the overview and the status tabs group them by status
(and area). With ``retired`` inside the index these are index-only scans
instead of reading every task row (10,000 rows with their text).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 05:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_tasks_report_live_position', 'tasks', ['report_id', 'retired', 'position'])
    op.create_index('ix_tasks_report_live_status', 'tasks', ['report_id', 'retired', 'status', 'area_id'])


def downgrade() -> None:
    op.drop_index('ix_tasks_report_live_status', table_name='tasks')
    op.drop_index('ix_tasks_report_live_position', table_name='tasks')
