"""The change journal: what each user action changed, written in its own transaction, for undo.

Built at the connection level, so every command that writes gets it without doing anything:
``SqlUnitOfWork`` puts a :class:`Recorder` in the connection's ``info`` and the engine's
``before_execute`` hook (installed once per engine by :func:`install`) shows it every INSERT,
UPDATE and DELETE on a journaled table before it runs:

- UPDATE and DELETE: the rows the statement's WHERE matches are read first (their
  before-images), with the rows a DELETE takes with it through ``ON DELETE CASCADE`` and
  ``SET NULL`` foreign keys;
- INSERT: the keys given in the statement, and for tables with an ``id`` the highest id before
  the first insert, so the owner's rows above it at commit are the ones this action added.

``SqlUnitOfWork.commit`` hands the recorder's work to ``changes_repo.write_change`` (one more
INSERT, and the prune of entries older than the retention) in the same transaction. Derived
data is not journaled (day_stats, data_versions, ``people.last_contact_at``): an undo
recomputes it from the restored rows, as the writes themselves do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from weakref import WeakSet

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    Table,
    and_,
    event,
    func,
    select,
)
from sqlalchemy.sql import Select
from sqlalchemy.sql.dml import Delete, Insert, Update

from kithkin.storage.tables import (
    metadata,
)

JOURNAL = "kithkin_journal"  # the same key as kithkin.storage.uow.JOURNAL
# Not journaled: the journal itself, the cache counter, derived counts (recomputed on undo),
# the accounts, the reminder log (what the scheduler sent: not a user's action), and the marks
# that say today's plan is out of date (derived: the plan is remade on the next read).
SKIPPED = frozenset(
    {"changes", "data_versions", "day_stats", "accounts", "reminder_log", "plan_marks"}
)
# Columns that are derived: an UPDATE that sets only these is not an action of its own.
DERIVED_COLUMNS = {"people": frozenset({"last_contact_at"})}
# A commit that only makes or refreshes today's stored plan (on a read) is not a user's action
# either: the plan is derived from the data.
PLAN_TABLE = "suggestions"

Key = tuple[Any, ...]

_installed: WeakSet[Engine] = WeakSet()


def install(engine: Engine) -> None:
    """Show every write on ``engine``'s connections to their recorder (once per engine)."""
    if engine in _installed:
        return
    _installed.add(engine)
    event.listen(engine, "before_execute", _before_execute)


def _before_execute(
    conn: Connection, clause: Any, multiparams: Any, params: Any, _options: Any
) -> None:
    recorder = conn.info.get(JOURNAL)
    if recorder is None or recorder.paused or not isinstance(clause, Insert | Update | Delete):
        return
    table = clause.table
    if not isinstance(table, Table) or table.name in SKIPPED:
        return
    recorder.paused = True
    try:
        sets = _param_sets(multiparams, params)
        if isinstance(clause, Insert):
            recorder.before_insert(conn, clause, table, sets)
        elif isinstance(clause, Update):
            recorder.before_update(conn, clause, table, sets)
        else:
            recorder.before_delete(conn, clause, table, sets)
    finally:
        recorder.paused = False


def _param_sets(multiparams: Any, params: Any) -> list[dict[str, Any]]:
    # An executemany of thousands of plain dicts (an import): they are only read, never
    # changed, so they are not copied (nor checked against the Mapping ABC, which is slow).
    out: list[dict[str, Any]] = []
    for item in multiparams or ():
        if type(item) is dict:
            out.append(item)
        elif isinstance(item, Mapping):
            out.append(dict(item))
        elif isinstance(item, list | tuple):
            out.extend(
                p if type(p) is dict else dict(p)
                for p in item
                if type(p) is dict or isinstance(p, Mapping)
            )
    if params:
        out.append(dict(params))
    return out or [{}]


def _pk(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _has_id(table: Table) -> bool:
    return _pk(table) == ["id"]


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decode(value: Any, column: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    if isinstance(column.type, Boolean):
        return bool(value)
    return value


def _image(table: Table, row: Any) -> dict[str, Any]:
    return {c.name: _encode(row._mapping[c.name]) for c in table.columns}


def _key_of(table: Table, values: Mapping[Any, Any]) -> Key:
    return tuple(_encode(values.get(name)) for name in _pk(table))


def _where_key(table: Table, key: Sequence[Any]) -> Any:
    cols = [table.c[name] for name in _pk(table)]
    return and_(*(c == _decode(v, c) for c, v in zip(cols, key, strict=True)))


@dataclass
class Recorder:
    """What one unit of work has changed since its last commit."""

    owner_id: int
    label: str = ""
    paused: bool = False
    # per table: key -> the earliest before-image in this action
    images: dict[str, dict[Key, dict[str, Any]]] = field(default_factory=dict)
    order: list[tuple[str, Key]] = field(default_factory=list)
    inserted: dict[str, set[Key]] = field(default_factory=dict)
    floors: dict[str, int] = field(default_factory=dict)  # highest id before the first insert

    def clear(self) -> None:
        self.images.clear()
        self.order.clear()
        self.inserted.clear()
        self.floors.clear()

    def _new_here(self, table: Table, key: Key) -> bool:
        if key in self.inserted.get(table.name, ()):
            return True
        floor = self.floors.get(table.name)
        return floor is not None and _has_id(table) and key[0] is not None and key[0] > floor

    def _keep(self, table: Table, row: Any) -> None:
        values = _image(table, row)
        key = _key_of(table, values)
        if self._new_here(table, key):
            return
        seen = self.images.setdefault(table.name, {})
        if key not in seen:
            seen[key] = values
            self.order.append((table.name, key))

    def before_insert(
        self, conn: Connection, stmt: Insert, table: Table, sets: list[dict[str, Any]]
    ) -> None:
        rows = _insert_rows(stmt, sets)
        pk = _pk(table)
        explicit = [_key_of(table, r) for r in rows if all(r.get(k) is not None for k in pk)]
        self.inserted.setdefault(table.name, set()).update(explicit)
        if _has_id(table) and table.name not in self.floors:
            top = conn.execute(select(func.max(table.c.id))).scalar()
            self.floors[table.name] = int(top or 0)

    def before_update(
        self, conn: Connection, stmt: Update, table: Table, sets: list[dict[str, Any]]
    ) -> None:
        columns = _set_columns(stmt, sets)
        derived = DERIVED_COLUMNS.get(table.name, frozenset())
        if columns and columns <= derived:
            return
        for row in _matching(conn, stmt, table, sets):
            self._keep(table, row)

    def before_delete(
        self, conn: Connection, stmt: Delete, table: Table, sets: list[dict[str, Any]]
    ) -> None:
        rows = _matching(conn, stmt, table, sets)
        self._take_dependants(conn, table, rows)
        for row in rows:
            self._keep(table, row)

    def _take_dependants(self, conn: Connection, table: Table, rows: Sequence[Any]) -> None:
        """Keep the rows a delete of ``rows`` changes through foreign keys (before them)."""
        if not rows:
            return
        for child in metadata.sorted_tables:
            if child.name in SKIPPED:
                continue
            for fk in child.foreign_keys:
                if fk.column.table is not table:
                    continue
                ids = sorted({r._mapping[fk.column.name] for r in rows} - {None})
                if not ids:
                    continue
                found = list(conn.execute(select(child).where(fk.parent.in_(ids))))
                if fk.ondelete == "CASCADE":
                    self._take_dependants(conn, child, found)
                    for row in found:
                        self._keep(child, row)
                elif fk.ondelete == "SET NULL":
                    for row in found:
                        self._keep(child, row)

    def summary(self, conn: Connection) -> dict[str, Any] | None:
        """The action as JSON-ready data, or None when it changed nothing a user did."""
        inserted: dict[str, list[list[Any]]] = {}
        refs: set[tuple[str, Key]] = set()
        for name in sorted(set(self.inserted) | set(self.floors)):
            table = metadata.tables[name]
            keys = set(self.inserted.get(name, ()))
            floor = self.floors.get(name)
            seen: set[Key] = set()  # rows read just now: they exist
            if floor is not None:
                # only the key and the columns that refer to journaled rows are needed here
                pointing = _ref_columns(table)
                names = list(dict.fromkeys(column for column, _ in pointing))
                for row in conn.execute(added_since(table, names, floor)):
                    if row[1] != self.owner_id:
                        continue
                    seen.add((row[0],))
                    values = dict(zip(names, row[2:], strict=True))
                    for column, target in pointing:
                        value = values[column]
                        if value is not None:
                            refs.add((target, (_encode(value),)))
            keys = (keys | seen) - set(self.images.get(name, {}))
            still = seen | _existing(conn, table, keys - seen)
            present = [k for k in _in_order(keys) if k in still]
            if present:
                inserted[name] = [list(k) for k in present]
                if floor is None:
                    for k in present:
                        refs |= _refs(table, dict(zip(_pk(table), k, strict=True)))
        images: list[list[Any]] = []
        for name, key in self.order:
            image = self.images[name][key]
            images.append([name, image])
            refs |= _refs(metadata.tables[name], image)
        if not images and not inserted:
            return None
        touched = {name for name, _ in images} | set(inserted)
        if touched <= {PLAN_TABLE}:  # today's plan made or refreshed on a read: derived
            return None
        return {
            "images": images,
            "inserted": inserted,
            "refs": sorted([t, list(k)] for t, k in refs),
        }


def added_since(table: Table, names: Sequence[str], floor: int) -> Select[Any]:
    """The id, owner and ``names`` of the rows of ``table`` above ``floor`` (the owner is
    checked by the caller: asked in SQL, SQLite walks every row of the owner's index, a
    million interactions, rather than the few ids above the floor)."""
    columns = (table.c.id, table.c.owner_id, *(table.c[n] for n in names))
    return select(*columns).where(table.c.id > floor)


_REF_COLUMNS: dict[Table, tuple[tuple[str, str], ...]] = {}


def _ref_columns(table: Table) -> tuple[tuple[str, str], ...]:
    """The columns of ``table`` that name a journaled row by its one-column key, with the
    table they point at (worked out once per table: an import asks for every row it adds)."""
    found = _REF_COLUMNS.get(table)
    if found is None:
        found = tuple(
            (fk.parent.name, fk.column.table.name)
            for fk in table.foreign_keys
            if fk.column.table.name not in SKIPPED and _pk(fk.column.table) == [fk.column.name]
        )
        _REF_COLUMNS[table] = found
    return found


def _refs(table: Table, values: Mapping[Any, Any]) -> set[tuple[str, Key]]:
    out: set[tuple[str, Key]] = set()
    for column, target in _ref_columns(table):
        value = values.get(column)
        if value is not None:
            out.add((target, (_encode(value),)))
    return out


def _exists(conn: Connection, table: Table, key: Key) -> bool:
    found = conn.execute(select(func.count()).select_from(table).where(_where_key(table, key)))
    return bool(found.scalar())


_IN_CHUNK = 500


def _in_order(keys: set[Key]) -> list[Key]:
    """Keys in a stable order: by value (ids), or by their text when values do not compare."""
    try:
        return sorted(keys)
    except TypeError:
        return sorted(keys, key=repr)


def _existing(conn: Connection, table: Table, keys: set[Key]) -> set[Key]:
    """Which of ``keys`` are still rows of ``table``: one query per 500 keys for a one-column
    key (an import inserts thousands of rows; a query each cost most of its commit)."""
    names = _pk(table)
    if len(names) != 1 or not isinstance(table.c[names[0]].type, Integer):
        return {k for k in keys if _exists(conn, table, k)}
    column = table.c[names[0]]
    by_value = {_decode(k[0], column): k for k in keys}
    values = list(by_value)
    found: set[Key] = set()
    for start in range(0, len(values), _IN_CHUNK):
        chunk = values[start : start + _IN_CHUNK]
        for (value,) in conn.execute(select(column).where(column.in_(chunk))):
            found.add(by_value[value])
    return found


def _insert_rows(stmt: Insert, sets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    values = getattr(stmt, "_values", None)
    multi = getattr(stmt, "_multi_values", None)
    rows: list[dict[str, Any]] = []
    if multi:
        for group in multi:
            for item in group:
                if isinstance(item, Mapping):
                    rows.append({_col_name(k): _bound(v) for k, v in item.items()})
    elif values:
        base = {_col_name(k): _bound(v) for k, v in values.items()}
        rows = [{**base, **s} for s in sets]
    else:
        rows = sets
    return rows


def _col_name(key: Any) -> str:
    return str(getattr(key, "name", key))


def _bound(value: Any) -> Any:
    return getattr(value, "value", value)


def _set_columns(stmt: Update, sets: list[dict[str, Any]]) -> frozenset[str]:
    values = getattr(stmt, "_values", None)
    if values:
        return frozenset(_col_name(k) for k in values)
    return frozenset(k for s in sets for k in s)


def _matching(conn: Connection, stmt: Update | Delete, table: Table, sets: Any) -> list[Any]:
    where = stmt.whereclause
    query = select(table) if where is None else select(table).where(where)
    out: dict[Key, Any] = {}
    for params in sets:
        names = {p for p in params if p in _bind_names(where)}
        for row in conn.execute(query, {k: params[k] for k in names}):
            out.setdefault(_key_of(table, row._mapping), row)
    return list(out.values())


def _bind_names(where: Any) -> set[str]:
    if where is None:
        return set()
    from sqlalchemy.sql import visitors

    found = visitors.iterate(where)
    return {str(getattr(b, "key", "")) for b in found if b.__visit_name__ == "bindparam"}
