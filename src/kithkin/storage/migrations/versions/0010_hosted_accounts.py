"""hosted mode: account passwords, sessions, personal access tokens, invites, failed logins

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _owner() -> list[sa.Column[int]]:
    return [sa.Column("owner_id", sa.Integer(), nullable=False)]


def _owner_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["owner_id"],
        ["accounts.id"],
        name=op.f(f"fk_{table}_owner_id_accounts"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    # plain ADD COLUMN (no batch copy: every table refers to accounts)
    op.add_column("accounts", sa.Column("password_hash", sa.String(length=200), nullable=True))
    op.add_column(
        "accounts", sa.Column("disabled", sa.Boolean(), nullable=False, server_default="0")
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner(),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_agent", sa.String(length=200), nullable=False, server_default=""),
        _owner_fk("sessions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sessions_token_hash")),
    )
    op.create_index("ix_sessions_owner", "sessions", ["owner_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner(),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False, server_default=""),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        _owner_fk("api_tokens"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_index("ix_api_tokens_owner", "api_tokens", ["owner_id"])
    op.create_table(
        "invites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["used_by"],
            ["accounts.id"],
            name=op.f("fk_invites_used_by_accounts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invites")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_invites_token_hash")),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=260), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])
    for name in ("coach_shares", "coach_views"):
        op.create_table(
            name,
            sa.Column("id", sa.Integer(), nullable=False),
            *_owner(),
            sa.Column("coach_id", sa.Integer(), nullable=False),
            sa.Column("shares", sa.String(length=100), nullable=False),
            sa.Column(
                "created_at" if name == "coach_shares" else "viewed_at",
                sa.DateTime(timezone=True),
                nullable=False,
            ),
            _owner_fk(name),
            sa.ForeignKeyConstraint(
                ["coach_id"],
                ["accounts.id"],
                name=op.f(f"fk_{name}_coach_id_accounts"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
            *(
                [sa.UniqueConstraint("owner_id", "coach_id", name="uq_coach_shares_owner_coach")]
                if name == "coach_shares"
                else []
            ),
        )
    op.create_index("ix_coach_shares_coach", "coach_shares", ["coach_id"])
    op.create_index("ix_coach_views_owner", "coach_views", ["owner_id", "viewed_at"])


def downgrade() -> None:
    op.drop_index("ix_coach_views_owner", table_name="coach_views")
    op.drop_table("coach_views")
    op.drop_index("ix_coach_shares_coach", table_name="coach_shares")
    op.drop_table("coach_shares")
    op.drop_index("ix_login_failures_key_at", table_name="login_failures")
    op.drop_table("login_failures")
    op.drop_table("invites")
    op.drop_index("ix_api_tokens_owner", table_name="api_tokens")
    op.drop_table("api_tokens")
    op.drop_index("ix_sessions_owner", table_name="sessions")
    op.drop_table("sessions")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("disabled")
        batch.drop_column("password_hash")
