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

from sqlalchemy import Connection, select

from kithkin.storage.tables import accounts

_LOCK = select(accounts.c.id).with_for_update(key_share=True)


def lock_owner(conn: Connection, owner_id: int) -> None:
    """Hold ``owner_id``'s account row until this transaction ends (taking it again is free)."""
    if conn.dialect.name == "postgresql":
        conn.execute(_LOCK.where(accounts.c.id == owner_id))
