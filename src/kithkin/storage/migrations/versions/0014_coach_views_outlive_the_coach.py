"""A client's record of the views by a coach outlives the coach's account (#16): deleting the
coach's account now empties ``coach_views.coach_id`` (the view, its time and what was seen
stay the client's) instead of deleting the client's rows with it.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 18:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

FK = "fk_coach_views_coach_id_accounts"


def upgrade() -> None:
    with op.batch_alter_table("coach_views", schema=None) as batch_op:
        batch_op.drop_constraint(FK, type_="foreignkey")
        batch_op.alter_column("coach_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(FK, "accounts", ["coach_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    op.execute("DELETE FROM coach_views WHERE coach_id IS NULL")
    with op.batch_alter_table("coach_views", schema=None) as batch_op:
        batch_op.drop_constraint(FK, type_="foreignkey")
        batch_op.alter_column("coach_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(FK, "accounts", ["coach_id"], ["id"], ondelete="CASCADE")
