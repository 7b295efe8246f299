"""The backup and restore drill of docs/hosting.md, on PostgreSQL: `pg_dump -Fc`, `pg_restore`
into a new database, `kithkin db upgrade`, and the restored database answers with every row."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from kithkin.storage.tables import metadata
from tests.conftest import FIXED_NOW, PG_ADMIN, make_app

pytestmark = pytest.mark.postgres


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in metadata.sorted_tables
        }
    engine.dispose()
    return found


@pytest.fixture
def two_databases(pg_url: str) -> Iterator[tuple[str, str]]:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    names = [f"kithkin_drill_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_ADMIN.rsplit("/", 1)[0]
    try:
        yield f"{base}/{names[0]}", f"{base}/{names[1]}"
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def kithkin(url: str, tmp: Path, *args: str) -> None:
    env = {
        **os.environ,
        "KITHKIN_CONFIG": str(tmp / "absent.toml"),
        "KITHKIN_DATA_DIR": str(tmp),
        "KITHKIN_DATABASE_URL": url,
        "KITHKIN_NOW": "2026-11-26T09:00:00+00:00",
    }
    done = subprocess.run(
        [sys.executable, "-m", "kithkin", *args],
        env=env,
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def seed(url: str) -> None:
    app = make_app(url)
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        for name in ("Ann", "Ben", "Cleo"):
            add_person(uow=uow, now=FIXED_NOW, name=name, circle="close")
            log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=[name])
        uow.commit()
    app.close()


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_a_dump_restores_into_a_new_database_with_every_row(
    two_databases: tuple[str, str], tmp_path: Path
) -> None:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore are not installed (Debian: postgresql-client)")
    live, restored = two_databases
    kithkin(live, tmp_path, "db", "upgrade")
    seed(live)
    dump = tmp_path / "kithkin.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", libpq(live)],
        check=True,
        timeout=300,
    )
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={libpq(restored)}", str(dump)],
        check=True,
        timeout=300,
    )
    kithkin(restored, tmp_path, "db", "upgrade")  # nothing to do: already at head
    before = counts(live)
    assert before["people"] > 0 and before["interactions"] > 0
    assert counts(restored) == before
    kithkin(restored, tmp_path, "today")
