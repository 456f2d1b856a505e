"""Create every table of the first release, and the append-only guard on audit_log.

Timestamps are naive UTC columns (duban.store.tables.UTCDateTime adds the zone on read).
The trigger DDL is copied here, not imported, so this migration never changes.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 03:30:08.874072
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

GUARD = {
    "sqlite": [
        ("CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
         "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
        ("CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
         "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
    ],
    "postgresql": [
        ("CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
         "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql"),
        ("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
         "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
        ("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
         "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"),
    ],
}
UNGUARD = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log",
        "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
        "DROP FUNCTION IF EXISTS audit_log_append_only()",
    ],
}


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=100), nullable=True),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.String(length=100), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index('ix_audit_log_at', 'audit_log', ['at'], unique=False)
    op.create_index('ix_audit_log_entity', 'audit_log', ['entity', 'entity_id'], unique=False)
    op.create_index(op.f('ix_audit_log_task_id'), 'audit_log', ['task_id'], unique=False)
    op.create_table('departments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=True),
    sa.Column('level', sa.String(length=20), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments')),
    sa.UniqueConstraint('name', name=op.f('uq_departments_name'))
    )
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('success', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempts'))
    )
    op.create_index('ix_login_attempts_ip_at', 'login_attempts', ['ip', 'at'], unique=False)
    op.create_index('ix_login_attempts_username_at', 'login_attempts', ['username', 'at'], unique=False)
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('display_name', sa.String(length=100), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("role IN ('admin', 'department', 'viewer')", name=op.f('ck_users_role')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_users_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_index(op.f('ix_users_department_id'), 'users', ['department_id'], unique=False)
    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=True),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('encoding', sa.String(length=40), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('body_end', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=True),
    sa.Column('region', sa.String(length=200), nullable=True),
    sa.Column('region_full', sa.String(length=200), nullable=True),
    sa.Column('level', sa.String(length=20), nullable=True),
    sa.Column('region_code', sa.String(length=12), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('review_year', sa.Integer(), nullable=True),
    sa.Column('delivered_on', sa.Date(), nullable=True),
    sa.Column('session', sa.String(length=200), nullable=True),
    sa.Column('speaker_name', sa.String(length=100), nullable=True),
    sa.Column('speaker_title', sa.String(length=100), nullable=True),
    sa.Column('lineage', sa.String(length=300), nullable=False),
    sa.Column('superseded_by_id', sa.Integer(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['imported_by_id'], ['users.id'], name=op.f('fk_reports_imported_by_id_users')),
    sa.ForeignKeyConstraint(['superseded_by_id'], ['reports.id'], name=op.f('fk_reports_superseded_by_id_reports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('sha256', name=op.f('uq_reports_sha256'))
    )
    op.create_index(op.f('ix_reports_lineage'), 'reports', ['lineage'], unique=False)
    op.create_table('setting_overrides',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_setting_overrides_updated_by_id_users')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting_overrides'))
    )
    op.create_table('areas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_areas_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_areas'))
    )
    op.create_index(op.f('ix_areas_report_id'), 'areas', ['report_id'], unique=False)
    op.create_table('figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('indicator', sa.String(length=300), nullable=False),
    sa.Column('measure', sa.String(length=10), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('value_max', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=True),
    sa.Column('comparator', sa.String(length=10), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('quote_start', sa.Integer(), nullable=False),
    sa.Column('quote_end', sa.Integer(), nullable=False),
    sa.Column('value_base', sa.Float(), nullable=True),
    sa.Column('base_unit', sa.String(length=40), nullable=True),
    sa.Column('indicator_id', sa.String(length=100), nullable=True),
    sa.Column('part', sa.Text(), nullable=True),
    sa.Column('area', sa.Text(), nullable=True),
    sa.Column('theme', sa.Text(), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_figures_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_figures'))
    )
    op.create_index(op.f('ix_figures_indicator_id'), 'figures', ['indicator_id'], unique=False)
    op.create_index('ix_figures_report_kind', 'figures', ['report_id', 'kind'], unique=False)
    op.create_table('glossary_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('term', sa.String(length=200), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('term_start', sa.Integer(), nullable=False),
    sa.Column('term_end', sa.Integer(), nullable=False),
    sa.Column('definition_start', sa.Integer(), nullable=False),
    sa.Column('definition_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_glossary_terms_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_terms'))
    )
    op.create_index(op.f('ix_glossary_terms_report_id'), 'glossary_terms', ['report_id'], unique=False)
    op.create_table('sections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('depth', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('title_start', sa.Integer(), nullable=False),
    sa.Column('title_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['sections.id'], name=op.f('fk_sections_parent_id_sections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_sections_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sections'))
    )
    op.create_index(op.f('ix_sections_report_id'), 'sections', ['report_id'], unique=False)
    op.create_table('main_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('figure_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.String(length=300), nullable=False),
    sa.Column('indicator_id', sa.String(length=100), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quantified', sa.Boolean(), nullable=False),
    sa.Column('measure', sa.String(length=10), nullable=True),
    sa.Column('comparator', sa.String(length=10), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('value_max', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['figure_id'], ['figures.id'], name=op.f('fk_main_targets_figure_id_figures'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_main_targets_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_main_targets'))
    )
    op.create_index(op.f('ix_main_targets_report_id'), 'main_targets', ['report_id'], unique=False)
    op.create_table('themes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_themes_area_id_areas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_themes_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_themes'))
    )
    op.create_index(op.f('ix_themes_area_id'), 'themes', ['area_id'], unique=False)
    op.create_index(op.f('ix_themes_report_id'), 'themes', ['report_id'], unique=False)
    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lineage', sa.String(length=300), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('theme_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('deadline_text', sa.String(length=100), nullable=True),
    sa.Column('projects', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=True),
    sa.Column('status_at', sa.DateTime(), nullable=True),
    sa.Column('percent', sa.Float(), nullable=True),
    sa.Column('last_reported_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_tasks_area_id_areas'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_tasks_closed_by_id_users')),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_tasks_report_id_reports')),
    sa.ForeignKeyConstraint(['theme_id'], ['themes.id'], name=op.f('fk_tasks_theme_id_themes'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
    sa.UniqueConstraint('lineage', 'key', name=op.f('uq_tasks_lineage_key'))
    )
    op.create_index(op.f('ix_tasks_area_id'), 'tasks', ['area_id'], unique=False)
    op.create_index('ix_tasks_report_position', 'tasks', ['report_id', 'position'], unique=False)
    op.create_index('ix_tasks_status', 'tasks', ['status'], unique=False)
    op.create_table('notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("state IN ('open', 'answered', 'closed')", name=op.f('ck_notices_state')),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_notices_answered_by_id_users')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_notices_closed_by_id_users')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_notices_department_id_departments')),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_notices_issued_by_id_users')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_notices_task_id_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    op.create_index(op.f('ix_notices_department_id'), 'notices', ['department_id'], unique=False)
    op.create_index('ix_notices_state_due', 'notices', ['state', 'due_on'], unique=False)
    op.create_index(op.f('ix_notices_task_id'), 'notices', ['task_id'], unique=False)
    op.create_table('progress_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('percent', sa.Float(), nullable=True),
    sa.Column('stage', sa.String(length=40), nullable=True),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('source_url', sa.String(length=1000), nullable=True),
    sa.Column('evidence_stored_name', sa.String(length=200), nullable=True),
    sa.Column('evidence_original_name', sa.String(length=500), nullable=True),
    sa.Column('evidence_mime', sa.String(length=100), nullable=True),
    sa.Column('evidence_size', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('percent IS NULL OR (percent >= 0 AND percent <= 100)', name=op.f('ck_progress_reports_percent')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_progress_reports_department_id_departments')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_progress_reports_task_id_tasks')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_progress_reports_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_reports'))
    )
    op.create_index(op.f('ix_progress_reports_department_id'), 'progress_reports', ['department_id'], unique=False)
    op.create_index('ix_progress_reports_task_date', 'progress_reports', ['task_id', 'reported_on'], unique=False)
    op.create_table('task_departments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('rule', sa.String(length=200), nullable=True),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('lead', 'co')", name=op.f('ck_task_departments_role')),
    sa.CheckConstraint("state IN ('suggested', 'confirmed')", name=op.f('ck_task_departments_state')),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['users.id'], name=op.f('fk_task_departments_confirmed_by_id_users')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_task_departments_department_id_departments')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_departments_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_departments')),
    sa.UniqueConstraint('task_id', 'department_id', name=op.f('uq_task_departments_task_id_department_id'))
    )
    op.create_index(op.f('ix_task_departments_department_id'), 'task_departments', ['department_id'], unique=False)
    op.create_table('task_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('figure_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.String(length=300), nullable=False),
    sa.Column('indicator_id', sa.String(length=100), nullable=True),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('measure', sa.String(length=10), nullable=False),
    sa.Column('comparator', sa.String(length=10), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('value_max', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=True),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['figure_id'], ['figures.id'], name=op.f('fk_task_targets_figure_id_figures'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_targets_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_targets')),
    sa.UniqueConstraint('task_id', 'key', name=op.f('uq_task_targets_task_id_key'))
    )
    op.create_table('progress_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('progress_report_id', sa.Integer(), nullable=False),
    sa.Column('task_target_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['progress_report_id'], ['progress_reports.id'], name=op.f('fk_progress_values_progress_report_id_progress_reports'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_target_id'], ['task_targets.id'], name=op.f('fk_progress_values_task_target_id_task_targets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_values')),
    sa.UniqueConstraint('progress_report_id', 'task_target_id', name=op.f('uq_progress_values_progress_report_id_task_target_id'))
    )
    op.create_index(op.f('ix_progress_values_task_target_id'), 'progress_values', ['task_target_id'], unique=False)
    for sql in GUARD.get(op.get_bind().dialect.name, []):
        op.execute(sql)


def downgrade() -> None:
    for sql in UNGUARD.get(op.get_bind().dialect.name, []):
        op.execute(sql)
    op.drop_index(op.f('ix_progress_values_task_target_id'), table_name='progress_values')
    op.drop_table('progress_values')
    op.drop_table('task_targets')
    op.drop_index(op.f('ix_task_departments_department_id'), table_name='task_departments')
    op.drop_table('task_departments')
    op.drop_index('ix_progress_reports_task_date', table_name='progress_reports')
    op.drop_index(op.f('ix_progress_reports_department_id'), table_name='progress_reports')
    op.drop_table('progress_reports')
    op.drop_index(op.f('ix_notices_task_id'), table_name='notices')
    op.drop_index('ix_notices_state_due', table_name='notices')
    op.drop_index(op.f('ix_notices_department_id'), table_name='notices')
    op.drop_table('notices')
    op.drop_index('ix_tasks_status', table_name='tasks')
    op.drop_index('ix_tasks_report_position', table_name='tasks')
    op.drop_index(op.f('ix_tasks_area_id'), table_name='tasks')
    op.drop_table('tasks')
    op.drop_index(op.f('ix_themes_report_id'), table_name='themes')
    op.drop_index(op.f('ix_themes_area_id'), table_name='themes')
    op.drop_table('themes')
    op.drop_index(op.f('ix_main_targets_report_id'), table_name='main_targets')
    op.drop_table('main_targets')
    op.drop_index(op.f('ix_sections_report_id'), table_name='sections')
    op.drop_table('sections')
    op.drop_index(op.f('ix_glossary_terms_report_id'), table_name='glossary_terms')
    op.drop_table('glossary_terms')
    op.drop_index('ix_figures_report_kind', table_name='figures')
    op.drop_index(op.f('ix_figures_indicator_id'), table_name='figures')
    op.drop_table('figures')
    op.drop_index(op.f('ix_areas_report_id'), table_name='areas')
    op.drop_table('areas')
    op.drop_table('setting_overrides')
    op.drop_index(op.f('ix_reports_lineage'), table_name='reports')
    op.drop_table('reports')
    op.drop_index(op.f('ix_users_department_id'), table_name='users')
    op.drop_table('users')
    op.drop_index('ix_login_attempts_username_at', table_name='login_attempts')
    op.drop_index('ix_login_attempts_ip_at', table_name='login_attempts')
    op.drop_table('login_attempts')
    op.drop_table('departments')
    op.drop_index(op.f('ix_audit_log_task_id'), table_name='audit_log')
    op.drop_index('ix_audit_log_entity', table_name='audit_log')
    op.drop_index('ix_audit_log_at', table_name='audit_log')
    op.drop_table('audit_log')
