"""Add the ledger model's fields: department key and full name, area role, task title,
role and deadline span, theme title span, assignment match and score.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 03:30:37.307578
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('areas', sa.Column('role', sa.String(length=20), server_default='plan', nullable=False))
    with op.batch_alter_table('departments') as batch:  # SQLite adds a constraint by copying the table
        batch.add_column(sa.Column('key', sa.String(length=60), nullable=True))
        batch.add_column(sa.Column('full_name', sa.String(length=300), nullable=True))
        batch.create_unique_constraint(op.f('uq_departments_key'), ['key'])
    op.add_column('task_departments', sa.Column('matched', sa.String(length=200), nullable=True))
    op.add_column('task_departments', sa.Column('score', sa.Float(), server_default='1', nullable=False))
    op.add_column('tasks', sa.Column('title', sa.Text(), server_default='', nullable=False))
    op.add_column('tasks', sa.Column('role', sa.String(length=20), server_default='plan', nullable=False))
    op.add_column('tasks', sa.Column('deadline_start', sa.Integer(), nullable=True))
    op.add_column('tasks', sa.Column('deadline_end', sa.Integer(), nullable=True))
    op.add_column('themes', sa.Column('title_start', sa.Integer(), nullable=True))
    op.add_column('themes', sa.Column('title_end', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('themes', 'title_end')
    op.drop_column('themes', 'title_start')
    op.drop_column('tasks', 'deadline_end')
    op.drop_column('tasks', 'deadline_start')
    op.drop_column('tasks', 'role')
    op.drop_column('tasks', 'title')
    op.drop_column('task_departments', 'score')
    op.drop_column('task_departments', 'matched')
    with op.batch_alter_table('departments') as batch:
        batch.drop_constraint(op.f('uq_departments_key'), type_='unique')
        batch.drop_column('full_name')
        batch.drop_column('key')
    op.drop_column('areas', 'role')
