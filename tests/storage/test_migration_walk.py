"""Every revision upgrades to head keeping every row (issue #10, point 2), on both backends.

For each revision R from the first to head: a database of its own is built at R, every table
that exists at R gets rows made from its reflected schema (every column filled, foreign keys
pointing at the rows made for their parents, check constraints' allowed values respected), and
after the upgrade to head every one of those rows is still there with every column it had at R
unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    inspect,
    select,
)

from kithkin.storage.engine import make_engine
from kithkin.storage.revision import HEAD
from kithkin.storage.schema import MIGRATIONS, current_revision, upgrade
from tests.conftest import create_pg_database, drop_pg_database

ROWS = 2  # rows per table: two, so that unique constraints and row pairing are exercised


def _revisions() -> list[str]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    walked = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
    return list(reversed(walked))


REVISIONS = _revisions()


def _allowed(engine: Engine, table: str) -> dict[str, str]:
    """For a column a check constraint limits to a list (``status IN ('open', ...)``): the
    first value allowed."""
    found = {}
    for check in inspect(engine).get_check_constraints(table):
        sql = check["sqltext"]  # SQLite: status IN ('open', ...); PostgreSQL: = ANY (ARRAY[...])
        if re.search(r"\bIN\s*\(|=\s*ANY\b", sql, re.IGNORECASE):
            column = re.search(r"\w+", sql)
            first = re.search(r"'([^']*)'", sql)
            if column and first:
                found[column.group(0)] = first.group(1)
    return found


def _value(table: Table, column: Any, i: int, allowed: dict[str, str]) -> Any:
    kind = column.type
    if column.name in allowed:
        return allowed[column.name]
    if isinstance(kind, Boolean):
        return bool(i % 2)
    if isinstance(kind, DateTime):
        return datetime(2026, 1, 1 + i, 9, 30, tzinfo=UTC)
    if isinstance(kind, Date):
        return date(2026, 1, 1 + i)
    if isinstance(kind, Float | Numeric):
        return 1.5 + i
    if isinstance(kind, Integer):
        return 1 + i  # within every range the checks ask for (1-5, 1-10, 0-100, >= 0)
    if isinstance(kind, LargeBinary):
        return f"{column.name}{i}".encode()
    if isinstance(kind, String):
        value = f"{column.name}-{table.name}-{i}"
        return value[: kind.length] if kind.length else value
    return f"{column.name}{i}"


def _fill(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Rows in every table of the database as it is, made from its reflected schema."""
    meta = MetaData()
    meta.reflect(engine)
    made: dict[str, list[dict[str, Any]]] = {}
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            allowed = _allowed(engine, table.name)
            rows = []
            for i in range(ROWS):
                row = {}
                for column in table.columns:
                    links = list(column.foreign_keys)
                    if links:
                        parent = links[0].column
                        source = made.get(parent.table.name)
                        row[column.name] = source[i][parent.name] if source else None
                    elif column.primary_key and isinstance(column.type, Integer):
                        row[column.name] = 1 + i
                    else:
                        row[column.name] = _value(table, column, i, allowed)
                rows.append(row)
            conn.execute(table.insert(), rows)
            made[table.name] = rows
    return made


def _read(engine: Engine, tables: dict[str, list[str]]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of ``tables`` (name -> columns), those columns only, in a stable order."""
    meta = MetaData()
    meta.reflect(engine, only=list(tables))
    out = {}
    with engine.connect() as conn:
        for name, columns in tables.items():
            table = meta.tables[name]
            chosen = [table.c[c] for c in columns]
            out[name] = sorted(
                (tuple(_plain(v) for v in r) for r in conn.execute(select(*chosen))), key=repr
            )
    return out


def _plain(value: Any) -> Any:
    """A value as stored, comparable across reflections (SQLite hands back naive instants)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, memoryview):  # PostgreSQL's bytea
        return bytes(value)
    return value


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A function making an empty database of its own, for each revision (dropped after)."""
    made: list[str] = []

    def make() -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path / f'walk{len(made)}.db'}"
        made.append(create_pg_database("kithkin_walk"))
        return made[-1]

    yield make
    for url in made:
        drop_pg_database(url)


def test_the_walk_covers_every_revision() -> None:
    assert REVISIONS[0] == "0001"
    assert REVISIONS[-1] == HEAD
    assert len(REVISIONS) == len(set(REVISIONS))


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrading_from_each_revision_keeps_every_row(new_database: Any, revision: str) -> None:
    engine = make_engine(new_database())
    upgrade(engine, revision)
    made = _fill(engine)
    assert made, "no table at this revision"
    shape = {name: list(rows[0]) for name, rows in made.items()}
    before = _read(engine, shape)
    assert all(len(rows) == ROWS for rows in before.values())
    upgrade(engine)
    assert current_revision(engine) == HEAD
    assert _read(engine, shape) == before
    engine.dispose()
