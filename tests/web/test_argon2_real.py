"""Passwords are hashed with argon2id at argon2-cffi's default cost (the other hosted tests
lower it to save time)."""

from __future__ import annotations

from kithkin.services.accounts import _verify, hash_password


def test_passwords_are_argon2id_hashes_at_the_default_cost() -> None:
    from argon2 import PasswordHasher

    stored = hash_password("a long enough password")
    assert stored.startswith("$argon2id$")
    assert not PasswordHasher().check_needs_rehash(stored)
    assert _verify(stored, "a long enough password")
    assert not _verify(stored, "another password!")
    assert not _verify(None, "a long enough password")
