"""Alembic environment: kithkin always hands in an open connection (see storage.schema)."""

from __future__ import annotations

from alembic import context

from kithkin.storage.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - kithkin never runs Alembic without a connection
    raise RuntimeError("kithkin runs migrations through kithkin.storage.schema.upgrade")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
