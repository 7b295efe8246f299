"""Shared fixtures: a fixed clock, and a database on each backend (SQLite and PostgreSQL).

PostgreSQL: a fresh database per test session on the server at KITHKIN_TEST_PG (default
postgresql+psycopg://postgres@127.0.0.1:5432/test), dropped afterwards; tables are emptied
between tests. Set KITHKIN_SKIP_POSTGRES=1 to run only SQLite (never in CI).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from kithkin.bootstrap import App
from kithkin.config import load_settings
from kithkin.storage.engine import make_engine
from kithkin.storage.schema import upgrade
from kithkin.storage.tables import metadata

FIXED_NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
PG_ADMIN = os.environ.get("KITHKIN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session", autouse=True)
def _checkout_stays_clean() -> Iterator[None]:
    """No test may leave a file in the directory the suite runs from (a fuzzed file name once
    wrote a backup and two vCards into the checkout, and they were committed)."""
    here = Path.cwd()
    before = {p.name for p in here.iterdir()}
    yield
    left = sorted({p.name for p in here.iterdir()} - before - {".pytest_cache", ".hypothesis"})
    assert left == [], f"tests left files in {here}: {left}"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    if os.environ.get("KITHKIN_SKIP_POSTGRES") == "1":
        pytest.skip("PostgreSQL tests skipped by KITHKIN_SKIP_POSTGRES=1")
    name = f"kithkin_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def fresh_pg() -> Iterator[str]:
    """An empty PostgreSQL database of its own (no schema at all)."""
    if os.environ.get("KITHKIN_SKIP_POSTGRES") == "1":
        pytest.skip("PostgreSQL tests skipped by KITHKIN_SKIP_POSTGRES=1")
    name = f"kithkin_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of its own (no schema at all) on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    url: str = request.getfixturevalue("fresh_pg")
    return url


def _empty_pg(url: str) -> None:
    engine = create_engine(url)
    names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kithkin.db'}"
    url: str = request.getfixturevalue("pg_url")
    _empty_pg(url)
    return url


def make_app(database_url: str, now: datetime = FIXED_NOW) -> App:
    settings = load_settings(
        {"KITHKIN_CONFIG": "/nonexistent/kithkin.toml"},
        # "testserver" is the name Starlette's test client uses in its requests
        {"database_url": database_url, "data_dir": "/nonexistent", "allowed_hosts": "testserver"},
    )
    return App(settings, clock=lambda: now)


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    """An app on a fresh database (each backend), with the profile set up, clock fixed."""
    from kithkin.services.profiles import init_profile

    application = make_app(database_url)
    with application.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
    yield application
    application.close()


@pytest.fixture
def engine(app: App) -> Engine:
    return app.engine
