"""recurring_calls.checked_until: the last day a call's waking windows were checked (RRULE UNTIL)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recurring_calls") as batch:
        batch.add_column(sa.Column("checked_until", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("recurring_calls") as batch:
        batch.drop_column("checked_until")
