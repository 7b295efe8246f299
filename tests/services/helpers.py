"""Small helpers for service tests: counting rows straight from the tables."""

from __future__ import annotations

import json
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


def canonical(document: dict[str, Any]) -> dict[str, Any]:
    """A backup document with ids renumbered 1, 2, ... per table (in id order) and links
    following them: a restore gives new ids, so round trips compare this form."""
    tables = document["tables"]
    renumber: dict[str, dict[int, int]] = {}
    for name, rows in tables.items():
        if rows and "id" in rows[0]:
            renumber[name] = {old: new for new, old in enumerate(sorted(r["id"] for r in rows), 1)}
    out: dict[str, list[dict[str, Any]]] = {}
    for name, rows in tables.items():
        table = metadata.tables[name]
        links = {
            fk.parent.name: fk.column.table.name
            for fk in table.foreign_keys
            if fk.parent.name != "owner_id"
        }
        fixed = []
        for original in rows:
            row = dict(original)
            if "id" in row:
                row["id"] = renumber[name][row["id"]]
            for column, target in links.items():
                if row.get(column) is not None:
                    row[column] = renumber[target][row[column]]
            fixed.append(row)
        out[name] = sorted(fixed, key=lambda r: json.dumps(r, sort_keys=True))
    return {**document, "tables": out}
