"""Remember for which day a task's cached status was computed and until when its colour holds.

With these the daily refresh recomputes only the tasks whose colour may have
moved, and pages recompute the reasons of the rows they show (see
``duban.store.repo.progress``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 05:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('tasks', sa.Column('status_on', sa.Date(), nullable=True))
    op.add_column('tasks', sa.Column('status_until', sa.Date(), nullable=True))
    op.create_index('ix_tasks_status_until', 'tasks', ['status_until'])


def downgrade() -> None:
    op.drop_index('ix_tasks_status_until', table_name='tasks')
    with op.batch_alter_table('tasks') as batch:
        batch.drop_column('status_until')
        batch.drop_column('status_on')
