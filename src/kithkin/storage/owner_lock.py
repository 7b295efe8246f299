"""One writer at a time recomputes an account's derived data (PostgreSQL).

``day_stats`` and ``people.last_contact_at`` are recomputed from the source rows in the writing
transaction. Under PostgreSQL's READ COMMITTED two writers of one account could each count
without the other's rows and then both write the day's row (a duplicate key, or a count missing
one of them). Before recomputing, a writer locks its account's row (``FOR NO KEY UPDATE``: the
foreign-key checks of other inserts are not blocked), so a second writer waits until the first
has committed and then counts both. SQLite needs nothing: its writers are serialized by
``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, select

from kithkin.storage.tables import accounts

_LOCK = (
    select(accounts.c.id).where(accounts.c.id == bindparam("owner")).with_for_update(key_share=True)
)
HELD = "kithkin_owner_lock"  # in the connection's info: (owner id, the transaction holding it)


def lock_owner(conn: Connection, owner_id: int) -> None:
    """Hold ``owner_id``'s account row until this transaction ends.

    A write takes it once: a logged interaction refreshes the day's counts and the people's last
    contact, and each asked for the lock (taking it again is free in PostgreSQL, but not the
    round trip). The lock is noted beside the transaction that took it (a savepoint's own, when
    one is open: rolling a savepoint back releases the locks taken in it), so a later
    transaction, or another savepoint, takes it again."""
    if conn.dialect.name != "postgresql":
        return
    current = conn.get_nested_transaction() or conn.get_transaction()
    held = conn.info.get(HELD)
    if (
        held is not None
        and held[0] == owner_id
        and held[1] is current
        and current is not None
        and current.is_active
    ):
        return
    conn.execute(_LOCK, {"owner": owner_id})
    conn.info[HELD] = (owner_id, current)
