"""planner: custom actions, suggestions, ladders, exposure attempts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "custom_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["accounts.id"],
            name=op.f("fk_custom_actions_owner_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_actions")),
        sa.UniqueConstraint("owner_id", "action_id", name="uq_custom_actions_owner_action"),
    )
    op.create_table(
        "ladders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), server_default="0", nullable=False),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["accounts.id"],
            name=op.f("fk_ladders_owner_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ladders")),
    )
    with op.batch_alter_table("ladders", schema=None) as batch_op:
        batch_op.create_index("ix_ladders_owner_active", ["owner_id", "active"], unique=False)

    op.create_table(
        "exposure_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("ladder_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("prediction", sa.Text(), nullable=False),
        sa.Column("belief_before", sa.Integer(), nullable=False),
        sa.Column("predicted_peak", sa.Integer(), nullable=False),
        sa.Column("actual_peak", sa.Integer(), nullable=True),
        sa.Column("what_happened", sa.Text(), server_default="", nullable=False),
        sa.Column("came_true", sa.String(length=10), nullable=True),
        sa.Column("belief_after", sa.Integer(), nullable=True),
        sa.Column("learned", sa.Text(), server_default="", nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_exposure_attempts_interaction_id_interactions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ladder_id"],
            ["ladders.id"],
            name=op.f("fk_exposure_attempts_ladder_id_ladders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["accounts.id"],
            name=op.f("fk_exposure_attempts_owner_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exposure_attempts")),
    )
    with op.batch_alter_table("exposure_attempts", schema=None) as batch_op:
        batch_op.create_index("ix_exposure_attempts_ladder", ["ladder_id", "step"], unique=False)

    op.create_table(
        "ladder_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("ladder_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("feared_prediction", sa.Text(), server_default="", nullable=False),
        sa.Column("predicted_anxiety", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "predicted_anxiety BETWEEN 0 AND 100", name=op.f("ck_ladder_steps_anxiety_range")
        ),
        sa.ForeignKeyConstraint(
            ["ladder_id"],
            ["ladders.id"],
            name=op.f("fk_ladder_steps_ladder_id_ladders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["accounts.id"],
            name=op.f("fk_ladder_steps_owner_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ladder_steps")),
        sa.UniqueConstraint("ladder_id", "position", name="uq_ladder_steps_ladder_position"),
    )
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("social_load", sa.Integer(), nullable=False),
        sa.Column("reconnect", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("proposed_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=10), server_default="open", nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'done', 'skipped', 'snoozed')",
            name=op.f("ck_suggestions_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_suggestions_interaction_id_interactions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["accounts.id"],
            name=op.f("fk_suggestions_owner_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_suggestions_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
        sa.UniqueConstraint("owner_id", "day", "rank", name="uq_suggestions_owner_day_rank"),
    )
    with op.batch_alter_table("suggestions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_suggestions_owner_person", ["owner_id", "person_id", "day"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("suggestions", schema=None) as batch_op:
        batch_op.drop_index("ix_suggestions_owner_person")

    op.drop_table("suggestions")
    op.drop_table("ladder_steps")
    with op.batch_alter_table("exposure_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_exposure_attempts_ladder")

    op.drop_table("exposure_attempts")
    with op.batch_alter_table("ladders", schema=None) as batch_op:
        batch_op.drop_index("ix_ladders_owner_active")

    op.drop_table("ladders")
    op.drop_table("custom_actions")
