"""An index of each owner's interactions by time: the latest logs (Today's people chips, the
timeline) are read from it instead of sorting all of them (#14)

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-03 16:45:00
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_interactions_owner_time", "interactions", ["owner_id", "occurred_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_interactions_owner_time", table_name="interactions")
