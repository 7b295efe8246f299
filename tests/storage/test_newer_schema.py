"""A database written by a newer kithkin (issue #10): one sentence, exit 1, nothing written, no
backup, no downgrade; a backup is made only before a real upgrade, at most one per revision."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from kithkin.cli import app as cli
from kithkin.storage import schema
from kithkin.storage.engine import make_engine, sqlite_path
from kithkin.storage.schema import SchemaNewer, current_revision, ensure_current, upgrade
from tests.conftest import FIXED_NOW, make_app

NEWER = "9999"
SENTENCE = f"written by a newer kithkin, revision {NEWER}; install a newer kithkin"


def _snapshot(engine: Engine) -> list[tuple[object, ...]]:
    """What a write could change: the revision, the accounts and the profiles."""
    with engine.connect() as conn:
        return [
            *conn.execute(text("SELECT version_num FROM alembic_version")).all(),
            *conn.execute(text("SELECT id, name FROM accounts ORDER BY id")).all(),
            *conn.execute(text("SELECT owner_id, timezone FROM profiles ORDER BY 1")).all(),
        ]


def _file_digest(url: str) -> str | None:
    path = sqlite_path(url)
    return None if path is None else hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def newer_url(empty_database_url: str) -> str:
    """A database with an account and a profile, stamped with a revision this code lacks (on
    each backend, a database of its own)."""
    from kithkin.services.profiles import init_profile

    engine = make_engine(empty_database_url)
    upgrade(engine)  # as the operator would on PostgreSQL
    engine.dispose()
    app = make_app(empty_database_url)
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": NEWER})
    app.close()
    return empty_database_url


def _invoke(url: str, *args: str) -> tuple[int, str]:
    runner = CliRunner(
        env={
            "KITHKIN_DATABASE_URL": url,
            "KITHKIN_NOW": FIXED_NOW.isoformat(),
            "KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml",
            "KITHKIN_DEBUG": None,
        }
    )
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def test_opening_a_newer_database_is_refused_and_writes_nothing(newer_url: str) -> None:
    engine = make_engine(newer_url)
    before, digest = _snapshot(engine), _file_digest(newer_url)
    app = make_app(newer_url)
    with pytest.raises(SchemaNewer) as caught:
        _ = app.owner_id
    app.close()
    assert SENTENCE in caught.value.message
    assert _snapshot(engine) == before
    assert _file_digest(newer_url) == digest
    engine.dispose()
    path = sqlite_path(newer_url)
    if path is not None:
        assert list(path.parent.glob("*.bak")) == []


@pytest.mark.parametrize(
    "args",
    [
        ("today",),
        ("log", "call", "--alone"),
        ("checkin", "--mood", "6", "--stress", "4"),
        ("people", "add", "Ada Lovelace"),
        ("db", "upgrade"),
    ],
    ids=" ".join,
)
def test_every_command_says_one_sentence_and_exits_1(newer_url: str, args: tuple[str, ...]) -> None:
    engine = make_engine(newer_url)
    before, digest = _snapshot(engine), _file_digest(newer_url)
    code, output = _invoke(newer_url, *args)
    assert code == 1
    assert SENTENCE in output
    assert "unexpected" not in output.lower() and "Traceback" not in output
    assert len(output.strip().splitlines()) == 1
    assert _snapshot(engine) == before  # not downgraded, not stamped, nothing added
    assert _file_digest(newer_url) == digest
    engine.dispose()


def test_serve_refuses_a_newer_database_before_listening(newer_url: str) -> None:
    code, output = _invoke(newer_url, "serve", "--port", "1")
    assert code == 1
    assert SENTENCE in output
    assert "running at" not in output


def test_upgrade_never_runs_alembic_on_a_newer_database(
    newer_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not even ``upgrade(engine, "0001")`` (a downgrade would need ``downgrade`` anyway)."""
    import alembic.command

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Alembic ran on a newer database")

    monkeypatch.setattr(alembic.command, "upgrade", forbidden)
    engine = make_engine(newer_url)
    with pytest.raises(SchemaNewer):
        upgrade(engine)
    with pytest.raises(SchemaNewer):
        ensure_current(engine, now=FIXED_NOW)
    assert current_revision(engine) == NEWER
    engine.dispose()


def _sqlite_at_0001(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO accounts (id, name, created_at) VALUES (1, 'local', '2026-01-01')"
        )
    return engine


def test_one_backup_per_revision_even_when_the_upgrade_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing upgrade retried (a cron job's ``remind`` once a minute) keeps one copy."""
    engine = _sqlite_at_0001(tmp_path / "k.db")
    real_upgrade = schema.upgrade

    def failing(_engine: Engine, _revision: str = "head") -> None:
        raise OSError("disk full")

    monkeypatch.setattr(schema, "upgrade", failing)
    for _ in range(3):
        with pytest.raises(OSError):
            ensure_current(engine, now=FIXED_NOW)
    assert [p.name for p in tmp_path.glob("*.bak")] == ["k.db.r0001.20261126T090000.bak"]
    monkeypatch.setattr(schema, "upgrade", real_upgrade)
    later = FIXED_NOW.replace(hour=10)
    assert ensure_current(engine, now=later) == tmp_path / "k.db.r0001.20261126T090000.bak"
    assert current_revision(engine) != "0001"
    assert ensure_current(engine, now=later) is None  # at head: no copy at all
    assert len(list(tmp_path.glob("*.bak"))) == 1
    engine.dispose()
