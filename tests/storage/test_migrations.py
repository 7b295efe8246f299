"""Alembic migrations build exactly the schema the models describe; local databases upgrade
themselves; hosted ones ask the operator."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from kithkin.storage.engine import make_engine
from kithkin.storage.revision import HEAD
from kithkin.storage.schema import (
    MIGRATIONS,
    SchemaOutdated,
    current_revision,
    ensure_current,
    upgrade,
)
from kithkin.storage.tables import metadata
from tests.conftest import FIXED_NOW, make_app


def _diff(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "target_metadata": metadata}
        )
        return list(compare_metadata(context, metadata))


def test_head_constant_matches_alembic() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [HEAD]


def test_upgrade_head_on_empty_sqlite_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == HEAD
    assert _diff(engine) == []
    assert set(inspect(engine).get_table_names()) == {*metadata.tables, "alembic_version"}
    engine.dispose()


@pytest.mark.postgres
def test_upgrade_head_on_fresh_postgres_matches_the_models(fresh_pg: str) -> None:
    engine = make_engine(fresh_pg)
    upgrade(engine)
    assert current_revision(engine) == HEAD
    assert _diff(engine) == []
    engine.dispose()


@pytest.mark.postgres
def test_postgres_without_schema_asks_for_db_upgrade(fresh_pg: str) -> None:
    app = make_app(fresh_pg)
    with pytest.raises(SchemaOutdated) as caught:
        _ = app.engine
    assert "kithkin db upgrade" in caught.value.message
    engine = make_engine(fresh_pg)
    assert inspect(engine).get_table_names() == []  # nothing was created implicitly
    engine.dispose()


def test_local_sqlite_is_created_at_head_on_first_open(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "k.db"
    app = make_app(f"sqlite:///{path}")
    with app.uow() as uow:
        assert uow.profile.get() is None
    assert app.backup_made is None  # nothing to back up in a new database
    assert current_revision(app.engine) == HEAD
    assert path.exists()
    assert list(path.parent.glob("*.bak")) == []
    app.close()


def test_ensure_current_at_head_does_nothing(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    assert ensure_current(engine, now=FIXED_NOW) is None
    assert list(tmp_path.glob("*.bak")) == []
    engine.dispose()


def test_a_local_database_behind_head_is_backed_up_and_keeps_its_data(tmp_path: Path) -> None:
    """A file at the first revision, holding data, is copied aside and then upgraded in place."""
    import sqlite3

    from kithkin.storage import schema

    path = tmp_path / "k.db"
    engine = make_engine(f"sqlite:///{path}")
    schema.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO accounts (id, name, created_at) VALUES (1, 'local', '2026-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO circles (owner_id, name, cadence_days, position) VALUES (1, 'inner', 7, 0)"
        )
    backup = ensure_current(engine, now=FIXED_NOW)
    assert schema.current_revision(engine) == HEAD != "0001"
    engine.dispose()
    assert backup == tmp_path / "k.db.r0001.20261126T090000.bak"
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    copy.close()
    with sqlite3.connect(path) as upgraded:
        assert upgraded.execute("SELECT name FROM accounts").fetchall() == [("local",)]
        assert upgraded.execute("SELECT name, cadence_days FROM circles").fetchall() == [
            ("inner", 7)
        ]
    upgraded.close()


def test_sqlite_pragmas_are_in_force(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'k.db'}")
    with app.engine.connect() as conn:
        got = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
        }
    assert got == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000, "synchronous": 2}
    app.close()
