"""What the passkey use cases need from storage (``storage.passkey_repos`` provides it)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import Protocol

from kithkin.domain.accounts import Account
from kithkin.domain.passkeys import Challenge, Passkey, Purpose
from kithkin.services.accounts_ports import AccountRepo


class PasskeyRepo(AccountRepo, Protocol):
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
    ) -> None: ...
    def take_challenge(
        self,
        challenge_hash: str,
        purpose: Purpose,
        now: datetime,
        *,
        session_id: int | None = None,
        binding: str | None = None,
    ) -> Challenge | None: ...
    def add_passkey(self, passkey: Passkey) -> int: ...
    def passkey_and_account(self, credential_id: str) -> tuple[Passkey, Account] | None: ...
    def passkey_used(self, passkey_id: int, sign_count: int, now: datetime) -> None: ...
    def passkeys_of(self, owner_id: int) -> list[Passkey]: ...
    def remove_passkey(self, owner_id: int, passkey_id: int) -> bool: ...


class PasskeyStore(Protocol):
    def open(self, *, write: bool = False) -> AbstractContextManager[PasskeyRepo]: ...
