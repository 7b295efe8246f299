"""Passkeys and their ceremonies' challenges (hosted mode, #16).

``PasskeyRepo`` is an ``AccountRepo`` with passkeys: logging in with a passkey looks the passkey
up, counts failures and opens a session in the same transactions a password login uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, cast

from sqlalchemy import delete, insert, select, update

from kithkin.domain.accounts import Account
from kithkin.domain.passkeys import Challenge, Passkey, Purpose
from kithkin.domain.timeutil import as_utc as utc
from kithkin.storage.accounts_repos import _ACCOUNT_COLUMNS, AccountRepo, AccountStore
from kithkin.storage.accounts_repos import _joined_account as joined_account
from kithkin.storage.tables import accounts, passkey_challenges, passkeys


def _passkey(row: Any) -> Passkey:
    return Passkey(
        id=row.id,
        owner_id=row.owner_id,
        name=row.name,
        credential_id=row.credential_id,
        public_key=bytes(row.public_key),
        sign_count=int(row.sign_count),
        user_handle=row.user_handle,
        transports=tuple(t for t in row.transports.split(",") if t),
        rp_id=row.rp_id,
        created_at=utc(row.created_at),
        last_used_at=utc(row.last_used_at) if row.last_used_at is not None else None,
    )


class PasskeyRepo(AccountRepo):
    # --- challenges ---
    def add_challenge(
        self,
        challenge_hash: str,
        purpose: Purpose,
        expires_at: datetime,
        *,
        now: datetime,
        owner_id: int | None = None,
        session_id: int | None = None,
        binding: str | None = None,
        user_handle: str | None = None,
    ) -> None:
        c = passkey_challenges.c
        self.conn.execute(delete(passkey_challenges).where(c.expires_at <= now))
        # one ceremony at a time per session (making) or browser (logging in): a new one
        # replaces the last, so asking again and again keeps one row
        if session_id is not None:
            self.conn.execute(delete(passkey_challenges).where(c.session_id == session_id))
        if binding is not None:
            self.conn.execute(delete(passkey_challenges).where(c.binding == binding))
        self.conn.execute(
            insert(passkey_challenges).values(
                challenge_hash=challenge_hash,
                purpose=purpose.value,
                owner_id=owner_id,
                session_id=session_id,
                binding=binding,
                user_handle=user_handle,
                expires_at=expires_at,
            )
        )

    def take_challenge(
        self,
        challenge_hash: str,
        purpose: Purpose,
        now: datetime,
        *,
        session_id: int | None = None,
        binding: str | None = None,
    ) -> Challenge | None:
        """Use up a live challenge of this purpose, made for this session (or this browser):
        deleted whatever the answer, so it never answers twice; None when there is none."""
        c = passkey_challenges.c
        row = self.conn.execute(
            select(c.id, c.owner_id, c.session_id, c.binding, c.user_handle, c.expires_at).where(
                c.challenge_hash == challenge_hash, c.purpose == purpose.value
            )
        ).first()
        if row is None:
            return None
        taken = self.conn.execute(delete(passkey_challenges).where(c.id == row.id)).rowcount
        live = utc(row.expires_at) > now
        if not taken or not live or row.session_id != session_id or row.binding != binding:
            return None
        return Challenge(owner_id=row.owner_id, user_handle=row.user_handle)

    # --- passkeys ---
    def add_passkey(self, passkey: Passkey) -> int:
        result = self.conn.execute(
            insert(passkeys).values(
                owner_id=passkey.owner_id,
                credential_id=passkey.credential_id,
                public_key=passkey.public_key,
                sign_count=passkey.sign_count,
                user_handle=passkey.user_handle,
                transports=",".join(passkey.transports),
                rp_id=passkey.rp_id,
                name=passkey.name,
                created_at=passkey.created_at,
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def passkey_and_account(self, credential_id: str) -> tuple[Passkey, Account] | None:
        row = self.conn.execute(
            select(passkeys, *_ACCOUNT_COLUMNS)
            .join(accounts, accounts.c.id == passkeys.c.owner_id)
            .where(passkeys.c.credential_id == credential_id)
        ).first()
        return None if row is None else (_passkey(row), joined_account(row))

    def passkey_used(self, passkey_id: int, sign_count: int, now: datetime) -> None:
        self.conn.execute(
            update(passkeys)
            .where(passkeys.c.id == passkey_id)
            .values(sign_count=sign_count, last_used_at=now)
        )

    def passkeys_of(self, owner_id: int) -> list[Passkey]:
        rows = self.conn.execute(
            select(passkeys).where(passkeys.c.owner_id == owner_id).order_by(passkeys.c.id)
        )
        return [_passkey(r) for r in rows]

    def remove_passkey(self, owner_id: int, passkey_id: int) -> bool:
        result = self.conn.execute(
            delete(passkeys).where(passkeys.c.owner_id == owner_id, passkeys.c.id == passkey_id)
        )
        return bool(result.rowcount)


class PasskeyStore(AccountStore):
    """The account tables with passkeys: ``with store.open(write=True) as repo``."""

    repo = PasskeyRepo

    @contextmanager
    def open(self, *, write: bool = False) -> Iterator[PasskeyRepo]:
        with super().open(write=write) as repo:
            yield cast(PasskeyRepo, repo)
