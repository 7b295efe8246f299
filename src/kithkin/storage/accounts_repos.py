"""Accounts, sessions, personal access tokens, invites and failed logins (hosted mode, #16).

Unlike the other repositories these span owners: a session or token is looked up by its hash
before anyone knows whose it is. ``AccountStore.open()`` is one transaction; nothing here is
journaled (undo is for the user's own data, not for logins) and nothing bumps a data version.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import OperationalError

from kithkin.domain.accounts import Account, ApiToken, Scope, SessionInfo
from kithkin.domain.timeutil import as_utc as utc
from kithkin.storage.tables import (
    accounts,
    api_tokens,
    data_versions,
    invites,
    login_failures,
    sessions,
)


def _account(row: Any) -> Account:
    return Account(
        id=row.id,
        name=row.name,
        created_at=utc(row.created_at),
        disabled=bool(row.disabled),
        has_password=row.password_hash is not None,
    )


# an account's columns beside a session's or a token's (whose own "id" and "created_at" differ)
_ACCOUNT_COLUMNS = (
    accounts.c.name.label("account_name"),
    accounts.c.created_at.label("account_created_at"),
    accounts.c.disabled.label("account_disabled"),
    (accounts.c.password_hash.is_not(None)).label("account_has_password"),
)


def _joined_account(row: Any) -> Account:
    return Account(
        id=row.owner_id,
        name=row.account_name,
        created_at=utc(row.account_created_at),
        disabled=bool(row.account_disabled),
        has_password=bool(row.account_has_password),
    )


# Every request asks one of these: built once (SQLAlchemy then reuses its compiled form without
# rebuilding the statement or its cache key).
_SESSION_AND_ACCOUNT = (
    select(sessions, *_ACCOUNT_COLUMNS)
    .join(accounts, accounts.c.id == sessions.c.owner_id)
    .where(sessions.c.token_hash == bindparam("token_hash"))
)
_TOKEN_AND_ACCOUNT = (
    select(api_tokens, *_ACCOUNT_COLUMNS)
    .join(accounts, accounts.c.id == api_tokens.c.owner_id)
    .where(api_tokens.c.token_hash == bindparam("token_hash"))
)


def _session(row: Any) -> SessionInfo:
    return SessionInfo(
        id=row.id,
        owner_id=row.owner_id,
        created_at=utc(row.created_at),
        last_seen_at=utc(row.last_seen_at),
        user_agent=row.user_agent,
    )


def _token(row: Any) -> ApiToken:
    return ApiToken(
        id=row.id,
        owner_id=row.owner_id,
        label=row.label,
        scope=Scope(row.scope),
        created_at=utc(row.created_at),
        last_used_at=utc(row.last_used_at) if row.last_used_at is not None else None,
    )


def _session_pair(conn: Connection, token_hash: str) -> tuple[SessionInfo, Account] | None:
    row = conn.execute(_SESSION_AND_ACCOUNT, {"token_hash": token_hash}).first()
    return None if row is None else (_session(row), _joined_account(row))


def _token_pair(conn: Connection, token_hash: str) -> tuple[ApiToken, Account] | None:
    row = conn.execute(_TOKEN_AND_ACCOUNT, {"token_hash": token_hash}).first()
    return None if row is None else (_token(row), _joined_account(row))


class AccountLookup:
    """The two reads of every request (whose session, whose token), each one statement."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def session_and_account(self, token_hash: str) -> tuple[SessionInfo, Account] | None:
        return _session_pair(self.conn, token_hash)

    def token_and_account(self, token_hash: str) -> tuple[ApiToken, Account] | None:
        return _token_pair(self.conn, token_hash)


class AccountRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # --- accounts ---
    def by_name(self, name: str) -> Account | None:
        row = self.conn.execute(select(accounts).where(accounts.c.name == name)).first()
        return None if row is None else _account(row)

    def by_id(self, account_id: int) -> Account | None:
        row = self.conn.execute(select(accounts).where(accounts.c.id == account_id)).first()
        return None if row is None else _account(row)

    def password_hash(self, account_id: int) -> str | None:
        found = self.conn.execute(
            select(accounts.c.password_hash).where(accounts.c.id == account_id)
        ).scalar()
        return None if found is None else str(found)

    def add(self, name: str, password_hash: str, now: datetime) -> int:
        result = self.conn.execute(
            insert(accounts).values(name=name, password_hash=password_hash, created_at=now)
        )
        account_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        # SQLite may give a deleted account's id to a new one, while another web process still
        # holds the old account's pages, keyed (id, data version). The new account's version
        # starts at a random 62-bit number, so it never meets a version the old one's pages
        # were kept at (the odds are those of guessing 62 random bits).
        self.conn.execute(
            insert(data_versions).values(owner_id=account_id, version=secrets.randbits(62))
        )
        return account_id

    def set_password(self, account_id: int, password_hash: str) -> None:
        self.conn.execute(
            update(accounts).where(accounts.c.id == account_id).values(password_hash=password_hash)
        )

    def set_disabled(self, account_id: int, disabled: bool) -> None:
        self.conn.execute(
            update(accounts).where(accounts.c.id == account_id).values(disabled=disabled)
        )

    def all(self) -> list[Account]:
        rows = self.conn.execute(select(accounts).order_by(accounts.c.name))
        return [_account(r) for r in rows]

    def remove(self, account_id: int) -> None:
        """Delete the account; every table's rows of this owner go with it (ON DELETE CASCADE)."""
        self.conn.execute(delete(accounts).where(accounts.c.id == account_id))

    # --- sessions ---
    def add_session(self, owner_id: int, token_hash: str, now: datetime, user_agent: str) -> int:
        result = self.conn.execute(
            insert(sessions).values(
                owner_id=owner_id,
                token_hash=token_hash,
                created_at=now,
                last_seen_at=now,
                user_agent=user_agent,
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def session_and_account(self, token_hash: str) -> tuple[SessionInfo, Account] | None:
        """The session of a cookie and its account, in one query (every request asks)."""
        return _session_pair(self.conn, token_hash)

    def touch_session(self, session_id: int, now: datetime) -> None:
        self.conn.execute(
            update(sessions).where(sessions.c.id == session_id).values(last_seen_at=now)
        )

    def sessions_of(self, owner_id: int) -> list[SessionInfo]:
        rows = self.conn.execute(
            select(sessions)
            .where(sessions.c.owner_id == owner_id)
            .order_by(sessions.c.last_seen_at.desc(), sessions.c.id.desc())
        )
        return [_session(r) for r in rows]

    def remove_session(self, owner_id: int, session_id: int) -> bool:
        result = self.conn.execute(
            delete(sessions).where(sessions.c.owner_id == owner_id, sessions.c.id == session_id)
        )
        return bool(result.rowcount)

    def remove_sessions(self, owner_id: int, *, keep: int | None = None) -> int:
        query = delete(sessions).where(sessions.c.owner_id == owner_id)
        if keep is not None:
            query = query.where(sessions.c.id != keep)
        return int(self.conn.execute(query).rowcount)

    # --- personal access tokens ---
    def add_token(
        self, owner_id: int, token_hash: str, label: str, scope: Scope, now: datetime
    ) -> int:
        result = self.conn.execute(
            insert(api_tokens).values(
                owner_id=owner_id,
                token_hash=token_hash,
                label=label,
                scope=scope.value,
                created_at=now,
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def token_and_account(self, token_hash: str) -> tuple[ApiToken, Account] | None:
        """A personal access token and its account, in one query (every API call asks)."""
        return _token_pair(self.conn, token_hash)

    def touch_token(self, token_id: int, now: datetime) -> None:
        self.conn.execute(
            update(api_tokens).where(api_tokens.c.id == token_id).values(last_used_at=now)
        )

    def tokens_of(self, owner_id: int) -> list[ApiToken]:
        rows = self.conn.execute(
            select(api_tokens).where(api_tokens.c.owner_id == owner_id).order_by(api_tokens.c.id)
        )
        return [_token(r) for r in rows]

    def remove_token(self, owner_id: int, token_id: int) -> bool:
        result = self.conn.execute(
            delete(api_tokens).where(api_tokens.c.owner_id == owner_id, api_tokens.c.id == token_id)
        )
        return bool(result.rowcount)

    # --- invites ---
    def add_invite(self, token_hash: str, now: datetime, expires_at: datetime) -> int:
        result = self.conn.execute(
            insert(invites).values(token_hash=token_hash, created_at=now, expires_at=expires_at)
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def use_invite(self, token_hash: str, now: datetime, account_id: int) -> bool:
        """Mark a live invite used (by ``account_id``); False when unknown, used or expired."""
        result = self.conn.execute(
            update(invites)
            .where(
                invites.c.token_hash == token_hash,
                invites.c.used_at.is_(None),
                invites.c.expires_at > now,
            )
            .values(used_at=now, used_by=account_id)
        )
        return bool(result.rowcount)

    def invite_is_live(self, token_hash: str, now: datetime) -> bool:
        found = self.conn.execute(
            select(func.count())
            .select_from(invites)
            .where(
                invites.c.token_hash == token_hash,
                invites.c.used_at.is_(None),
                invites.c.expires_at > now,
            )
        ).scalar()
        return bool(found)

    # --- failed logins ---
    def failures(self, key: str, since: datetime) -> list[datetime]:
        rows = self.conn.execute(
            select(login_failures.c.at).where(
                login_failures.c.key == key, login_failures.c.at > since
            )
        )
        return [utc(r.at) for r in rows]

    def add_failure(self, keys: list[str], now: datetime, prune_before: datetime) -> None:
        self.conn.execute(delete(login_failures).where(login_failures.c.at <= prune_before))
        self.conn.execute(insert(login_failures), [{"key": k, "at": now} for k in keys])


class AccountStore:
    """Opens one transaction over the account tables: ``with store.open(write=True) as repo``."""

    repo: type[AccountRepo] = AccountRepo  # what ``open`` yields (``PasskeyStore``: more)

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def open(self, *, write: bool = False) -> Iterator[AccountRepo]:
        from kithkin.storage.uow import unavailable

        try:
            conn = self.engine.connect()
        except OperationalError as exc:
            raise unavailable(self.engine, exc) from None
        conn.info["kithkin_write"] = write
        try:
            with conn.begin():
                yield self.repo(conn)
                if not write:
                    conn.rollback()
        finally:
            conn.close()

    @contextmanager
    def lookup(self) -> Iterator[AccountLookup]:
        """Reads of one statement each (a session or a token with its account), outside a
        transaction on PostgreSQL: a single statement sees one committed state, the latest,
        so a session ended or an account disabled by any process is seen at once; skipping
        BEGIN and ROLLBACK saves two round trips on every request. SQLite reads in a
        transaction as ``open()`` does (its BEGIN is local)."""
        from kithkin.storage.uow import unavailable

        try:
            conn = self.engine.connect()
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        except OperationalError as exc:
            raise unavailable(self.engine, exc) from None
        conn.info["kithkin_write"] = False
        try:
            yield AccountLookup(conn)
        finally:
            conn.close()  # back to the pool, which puts its isolation level back
