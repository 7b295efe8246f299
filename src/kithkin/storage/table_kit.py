"""What every table declaration shares: the naming convention, the metadata, and the owner
and UTC instant columns (``storage.tables`` and ``storage.account_tables`` use them)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Integer, MetaData

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


def _owner() -> Column[int]:
    return Column(
        "owner_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False
    )


def _utc(name: str, *, nullable: bool = True) -> Column[object]:
    return Column(name, DateTime(timezone=True), nullable=nullable)
