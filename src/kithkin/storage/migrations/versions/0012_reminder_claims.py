"""reminder_log.claimed_by: which worker holds a claim; an index for the workers' due scan

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-03 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reminder_log") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(80), nullable=True))
    op.create_index("ix_reminder_log_due", "reminder_log", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_reminder_log_due", table_name="reminder_log")
    with op.batch_alter_table("reminder_log") as batch:
        batch.drop_column("claimed_by")
