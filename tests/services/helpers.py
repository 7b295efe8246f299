"""Small helpers for service tests: counting rows straight from the tables."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from kithkin.bootstrap import App
from kithkin.storage.tables import metadata


def count_rows(app: App, table: str) -> int:
    with app.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(metadata.tables[table])).scalar())


def snapshot(app: App) -> dict[str, list[Any]]:
    """Every row of every table, for 'nothing was written' assertions."""
    out: dict[str, list[Any]] = {}
    with app.engine.connect() as conn:
        for table in metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out
