"""Shared fixtures: a fixed clock, and a database on each backend (SQLite and PostgreSQL).

PostgreSQL: a fresh database per test session on the server at KITHKIN_TEST_PG (default
postgresql+psycopg://postgres@127.0.0.1:5432/test), dropped afterwards; tables are emptied
between tests. Set KITHKIN_SKIP_POSTGRES=1 to run only SQLite (never in CI).
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select, text

from kithkin.bootstrap import App
from kithkin.config import load_settings
from kithkin.storage.engine import make_engine
from kithkin.storage.schema import upgrade
from kithkin.storage.tables import metadata

FIXED_NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
PG_ADMIN = os.environ.get("KITHKIN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _untracked(here: Path) -> set[str] | None:
    """Files in ``here`` that git neither tracks nor ignores (None outside a git checkout)."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard", "--directory"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return set(out.splitlines())


@pytest.fixture(scope="session", autouse=True)
def _checkout_stays_clean() -> Iterator[None]:
    """No test may leave a file in the checkout the suite runs from that git would pick up (a
    fuzzed file name once wrote a backup and two vCards there, and they were committed).
    Ignored paths (test-artifacts/, caches) are allowed."""
    here = Path.cwd()
    before = _untracked(here)
    yield
    after = _untracked(here)
    if before is not None and after is not None:
        left = sorted(after - before)
        assert left == [], f"tests left files in {here}: {left}"


def create_pg_database(prefix: str) -> str:
    """A new, empty PostgreSQL database (skips the test when PostgreSQL is turned off)."""
    if os.environ.get("KITHKIN_SKIP_POSTGRES") == "1":
        pytest.skip("PostgreSQL tests skipped by KITHKIN_SKIP_POSTGRES=1")
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


def table_rows(engine: Engine, skip: frozenset[str] = frozenset()) -> dict[str, list[Any]]:
    """Every row of every table but ``skip``, in a stable order: a database's state to compare."""
    with engine.connect() as conn:
        return {
            t.name: sorted((tuple(r) for r in conn.execute(select(t))), key=repr)
            for t in metadata.sorted_tables
            if t.name not in skip
        }


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    url = create_pg_database("kithkin_test")
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    drop_pg_database(url)


@pytest.fixture
def fresh_pg() -> Iterator[str]:
    """An empty PostgreSQL database of its own (no schema at all)."""
    url = create_pg_database("kithkin_mig")
    yield url
    drop_pg_database(url)


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
        {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml"},
        # "testserver" is the name Starlette's test client uses in its requests
        {
            "database_url": database_url,
            "data_dir": "/proc/kithkin-absent",
            "allowed_hosts": "testserver",
        },
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
