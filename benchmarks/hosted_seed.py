"""Seed a fresh PostgreSQL database with many hosted accounts, each with the demo life's shape,
and log each one in (issue #16's load benchmark, ``benchmarks/web_scale.py --accounts N``).

One account gets the demo life through ``kithkin demo`` (the real generator); its rows are then
copied for every other account with new owner ids and new primary keys, in bulk (PostgreSQL
``COPY``). The tables, their columns and their foreign keys are read from the declared schema
(``kithkin.storage.tables.metadata``), never written out here: a primary key ``id`` moves by a
fixed stride per copy, a foreign key to ``accounts`` becomes the copy's account and any other
foreign key moves by the same stride as the row it points at.

Each account then logs in (``services.accounts.log_in``: a session, as the login form makes
one) and gets a read-write personal access token (``services.accounts.create_token``), both
through the real account code. The auth file has one request header a line: a ``Cookie:`` line
(the session and a CSRF cookie) and an ``Authorization: Bearer`` line per account.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

TEMPLATE = "load-0000"
PASSWORD = "a long benchmark password"  # throwaway accounts of a throwaway database
# Tables of hosted mode's own secrets and of other accounts: never copied (their rows hold
# unique hashes, or belong to no one account).
NOT_COPIED = frozenset(
    {
        "accounts",
        "sessions",
        "api_tokens",
        "invites",
        "login_failures",
        "feed_tokens",
        "coach_shares",
        "coach_views",
    }
)


def _kithkin(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kithkin", *args], env=env, stdout=subprocess.DEVNULL, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"kithkin {' '.join(args)} failed")


def _copy_plan(conn: Any, owner: int) -> tuple[list[tuple[Any, list[tuple[Any, ...]]]], int]:
    """The template's rows per declared table (in dependency order) and the id stride."""
    from kithkin.storage.tables import metadata

    plan = []
    stride = 1
    for table in metadata.sorted_tables:
        if table.name in NOT_COPIED or "owner_id" not in table.c:
            continue
        columns = ", ".join(f'"{c.name}"' for c in table.columns)
        found = conn.execute(f'SELECT {columns} FROM "{table.name}" WHERE owner_id = %s', [owner])
        rows = [tuple(r) for r in found]
        plan.append((table, rows))
        if "id" in table.c and rows:
            top = conn.execute(f'SELECT max(id) FROM "{table.name}"').fetchone()[0]
            stride = max(stride, int(top) + 1)
    return plan, stride


def _moved(table: Any, row: tuple[Any, ...], owner: int, shift: int) -> tuple[Any, ...]:
    out = []
    for column, value in zip(table.columns, row, strict=True):
        targets = {fk.column.table.name for fk in column.foreign_keys}
        if "accounts" in targets:
            out.append(owner)
        elif value is not None and (targets or (column.name == "id" and column.primary_key)):
            out.append(value + shift)
        else:
            out.append(value)
    return tuple(out)


def _copy_accounts(url: str, accounts: int, hashed: str, now: datetime) -> None:
    """The other accounts, and the template's rows copied for each, in one transaction."""
    with psycopg.connect(url) as conn:
        found = conn.execute("SELECT id FROM accounts WHERE name = %s", [TEMPLATE]).fetchone()
        if found is None:
            raise SystemExit("the demo account is missing")
        template = int(found[0])
        if conn.execute("SELECT count(*) FROM feed_tokens").fetchone()[0]:  # type: ignore[index]
            raise SystemExit("the demo made a calendar feed token; its hash cannot be copied")
        conn.execute("UPDATE accounts SET password_hash = %s WHERE id = %s", [hashed, template])
        ids = []
        for k in range(1, accounts):
            row = conn.execute(
                "INSERT INTO accounts (name, password_hash, created_at, disabled)"
                " VALUES (%s, %s, %s, false) RETURNING id",
                [f"load-{k:04d}", hashed, now],
            ).fetchone()
            ids.append(int(row[0]))  # type: ignore[index]
        plan, stride = _copy_plan(conn, template)
        with conn.cursor() as cur:
            for table, rows in plan:
                if not rows:
                    continue
                columns = ", ".join(f'"{c.name}"' for c in table.columns)
                with cur.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
                    for k, owner in enumerate(ids, start=1):
                        for row in rows:
                            copy.write_row(_moved(table, row, owner, k * stride))
        for table, _ in plan:
            if "id" in table.c and table.c.id.primary_key:
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                    f' (SELECT coalesce(max(id), 1) FROM "{table.name}"))'
                )
        # each account's data version starts at a random number, as AccountRepo.add makes it
        for owner in ids:
            conn.execute(
                "UPDATE data_versions SET version = %s WHERE owner_id = %s",
                [secrets.randbits(62), owner],
            )


def seed(url: str, env: dict[str, str], accounts: int, now: datetime, auth_file: Path) -> None:
    """``accounts`` accounts with the demo life and a session and a token each, in ``url``."""
    from kithkin.domain.accounts import Scope
    from kithkin.services import accounts as service
    from kithkin.storage.accounts_repos import AccountStore
    from kithkin.storage.engine import make_engine

    started = time.monotonic()
    _kithkin(env, "db", "upgrade")
    _kithkin({**env, "KITHKIN_ACCOUNT": TEMPLATE}, "demo")
    # Cheap hashes: 1,000 logins below verify them (the real cost is argon2-cffi's default).
    service.ARGON2_COST = (1, 8, 1)
    _copy_accounts(url, accounts, service.hash_password(PASSWORD), now)
    names = [f"load-{k:04d}" for k in range(1, accounts)]
    engine = make_engine(url)
    try:
        seeded = time.monotonic() - started
        store = AccountStore(engine)
        lines = []
        for name in [TEMPLATE, *names]:
            session = service.log_in(
                store=store,
                name=name,
                password=PASSWORD,
                address="127.0.0.1",
                user_agent="web_scale",
                now=now,
            )
            _, token = service.create_token(
                store=store,
                owner_id=session.caller.owner_id,
                label="load",
                scope=Scope.READ_WRITE,
                now=now,
            )
            csrf = secrets.token_urlsafe(24)
            lines.append(f"Cookie: kithkin_session={session.secret}; kithkin_csrf={csrf}")
            lines.append(f"Authorization: Bearer {token}")
        auth_file.write_text("\n".join(lines) + "\n")
        with psycopg.connect(url) as conn:
            total = conn.execute("SELECT count(*) FROM interactions").fetchone()[0]  # type: ignore[index]
        print(
            f"seeded {accounts} accounts ({total} interactions) in {seeded:.1f} s,"
            f" logged in and tokens made in {time.monotonic() - started - seeded:.1f} s",
            flush=True,
        )
    finally:
        engine.dispose()
