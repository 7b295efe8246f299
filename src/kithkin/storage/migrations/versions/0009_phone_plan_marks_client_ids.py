"""plan_marks (today's plan follows events) and client ids for logs and check-ins sent offline

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_marks",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["accounts.id"],
            name=op.f("fk_plan_marks_owner_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_plan_marks")),
    )
    op.add_column("interactions", sa.Column("client_id", sa.String(length=64), nullable=True))
    op.create_index(
        "ix_interactions_owner_client", "interactions", ["owner_id", "client_id"], unique=True
    )
    op.add_column("checkins", sa.Column("client_id", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_index("ix_interactions_owner_client", table_name="interactions")
    with op.batch_alter_table("checkins") as batch:
        batch.drop_column("client_id")
    with op.batch_alter_table("interactions") as batch:
        batch.drop_column("client_id")
    op.drop_table("plan_marks")
