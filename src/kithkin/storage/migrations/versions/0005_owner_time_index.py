"""interaction_people: an index that starts with owner_id, for owner-wide reads in time order

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 12:05:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_interaction_people_owner_time",
        "interaction_people",
        ["owner_id", "meaningful", "occurred_at", "person_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_interaction_people_owner_time", table_name="interaction_people")
