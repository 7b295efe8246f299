"""Indexes of each owner's interactions by time, and by day with the kind (#14): the latest
logs (Today's people chips) are read from the first instead of sorting all the interactions;
the week's kinds (the plan's energy budget) from the second alone, without a look-up of each
interaction (it replaces ``ix_interactions_owner_day``, its prefix)

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
    op.create_index("ix_interactions_owner_day_kind", "interactions", ["owner_id", "day", "kind"])
    op.drop_index("ix_interactions_owner_day", table_name="interactions")
    op.create_index("ix_interactions_owner_time", "interactions", ["owner_id", "occurred_at", "id"])


def downgrade() -> None:
    op.create_index("ix_interactions_owner_day", "interactions", ["owner_id", "day"])
    op.drop_index("ix_interactions_owner_day_kind", table_name="interactions")
    op.drop_index("ix_interactions_owner_time", table_name="interactions")
