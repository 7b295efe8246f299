"""People keep an address book's structured name, organisation, department, job title and a
birthday in words as their own fields (#12)

Revision ID: 0011
Revises: 0012
Create Date: 2026-12-03 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = (
    "family_name",
    "given_name",
    "additional_names",
    "name_prefix",
    "name_suffix",
    "organisation",
    "department",
    "job_title",
    "birthday_text",
)


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        for name in COLUMNS:
            batch.add_column(
                sa.Column(name, sa.String(length=200), server_default="", nullable=False)
            )


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
