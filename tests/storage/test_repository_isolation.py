"""Every public method of every repository in ``kithkin.storage``, found by introspection (not a
hand list), run for one account while another account's data is present (issue #10, point 3).

Two databases hold the same data of account A, made the same way (so its ids are the same);
the second also holds account B's. Each method is called on A's repository with arguments taken
from B's data (B's ids, B's records, B's names): hostile arguments that name the other account.

- *Neither read*: the answer (or the error) is the same in both databases; B's rows cannot show.
- *Nor changed*: in the second database, every row of B's is the same before and after the call.

Each call runs in a transaction that is rolled back, so the calls do not see each other's writes.
Both backends.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, select

from kithkin import storage
from kithkin.bootstrap import App
from kithkin.domain.model import ContactPoint
from kithkin.services import ladders
from kithkin.services.calendars import add_calendar
from kithkin.services.demo import fill_demo
from kithkin.services.ports import PeopleQuery, SavedCall
from kithkin.services.profiles import init_profile
from kithkin.services.questionnaires import set_schedule, take
from kithkin.services.suggestions import todays_plan
from kithkin.storage.engine import make_engine
from kithkin.storage.records import TABLES as RECORD_TABLES
from kithkin.storage.schema import upgrade
from kithkin.storage.tables import metadata
from tests.conftest import FIXED_NOW, create_pg_database, drop_pg_database, make_app
from tests.services.test_restore_validated import account_app

# Every module of the package but the lean reader (sqlite3, not SQLAlchemy: it answers the same
# as the full path, which ``tests/storage/test_lean.py`` checks) and the migrations.
MODULES = sorted(
    m.name for m in pkgutil.iter_modules(storage.__path__) if m.name not in {"lean", "migrations"}
)
STEPS = [f"Step {n}|It goes wrong|{n * 10}" for n in range(1, 9)]


def _repositories() -> list[type]:
    """The repository classes: public classes of ``kithkin.storage`` built from (conn, owner)."""
    found = []
    for name in MODULES:
        module = importlib.import_module(f"kithkin.storage.{name}")
        for cls_name, cls in vars(module).items():
            if cls_name.startswith("_") or not inspect.isclass(cls):
                continue
            try:
                params = list(inspect.signature(cls).parameters)
            except (TypeError, ValueError):
                continue
            if cls.__module__ == module.__name__ and params == ["conn", "owner_id"]:
                found.append(cls)
    return found


def _methods() -> list[tuple[type, str]]:
    return [
        (cls, name)
        for cls in _repositories()
        for name, fn in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    ]


METHODS = _methods()


def _fill(app: App, *, seed: int) -> None:
    """Data in every area: people, moments, check-ins, follow-ups (the demo), today's plan, a
    ladder with an attempt, a questionnaire and its schedule, a calendar, a feed token, a
    reminder, and the change journal of those writes."""
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, days=7, seed=seed)
    with app.uow(write=True) as uow:
        todays_plan(uow=uow, now=FIXED_NOW)
    with app.uow(write=True) as uow:
        ladders.create_ladder(uow=uow, now=FIXED_NOW, goal="Speak up", steps=STEPS)
    with app.uow(write=True) as uow:
        ladders.record_before(
            uow=uow, now=FIXED_NOW, step=1, prediction="I blush", belief=60, predicted_peak=40
        )
    with app.uow(write=True) as uow:
        take(uow=uow, now=FIXED_NOW, instrument_id="who5", answers=[3, 3, 2, 2, 3])
    with app.uow(write=True) as uow:
        set_schedule(uow=uow, instrument_id="who5", every_days=14)
    with app.uow(write=True) as uow:
        add_calendar(uow=uow, now=FIXED_NOW, name=f"work{seed}", path=f"/tmp/none{seed}.ics")
    with app.uow(write=True) as uow:
        uow.feed_tokens.add(f"hash-of-token-{seed}", now=FIXED_NOW)  # as new_feed_token, fixed
        uow.commit()
    with app.uow(write=True) as uow:
        uow.reminders.record_due(
            kind="followup", occurrence=f"o{seed}", title="t", body="b", now=FIXED_NOW
        )
        uow.commit()


class World:
    """Account A alone (``alone``), and A with B (``shared``); B's rows by table."""

    def __init__(self, alone: App, shared: App, other: App) -> None:
        self.alone, self.shared, self.other = alone, shared, other
        self.a, self.b = shared.owner_id, other.owner_id
        with shared.engine.connect() as conn:
            self.b_rows = self.rows(conn, self.b)
        self.b_objects = self._harvest()
        from kithkin.storage.backup import BackupStore

        with other.engine.connect() as conn:
            self.b_dump = BackupStore(conn, self.b).dump()
            self.b_prepared = BackupStore(conn, self.b).prepare(self.b_dump)
            conn.rollback()

    @staticmethod
    def rows(conn: Connection, owner: int) -> dict[str, list[tuple[Any, ...]]]:
        return {
            t.name: sorted(
                (tuple(r) for r in conn.execute(select(t).where(t.c.owner_id == owner))), key=repr
            )
            for t in metadata.sorted_tables
            if "owner_id" in t.c
        }

    def _harvest(self) -> dict[str, list[Any]]:
        """B's records by type name, read through B's own repositories."""
        out: dict[str, list[Any]] = {}

        def walk(value: Any) -> None:
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                out.setdefault(type(value).__name__, []).append(value)
                for f in dataclasses.fields(value):
                    walk(getattr(value, f.name))
            elif isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list | tuple):
                for v in value:
                    walk(v)

        with self.other.engine.connect() as conn:
            for cls, name in METHODS:
                fn = getattr(cls(conn, self.b), name)
                params = inspect.signature(fn).parameters.values()
                needed = [p for p in params if p.default is inspect.Parameter.empty]
                if name in WRITES or any(str(p.annotation) != "date" for p in needed):
                    continue
                try:
                    walk(fn(**{p.name: FIXED_NOW.date() - timedelta(days=30) for p in needed}))
                except Exception:
                    conn.rollback()
            conn.rollback()
        return out

    def ids(self, table: str) -> list[int]:
        return [row[0] for row in self.b_rows.get(table, [])]


# Methods that write (not harvested from; their answers may carry the ids they made).
WRITES = {"clear", "mark", "revoke_all", "delete_open", "refresh", "stop", "undo", "load"}

# By design, answers about every account: the calendar feed finds whose token it was given
# (a token hash is unique across accounts, so adding another's hash is refused too).
GLOBAL = {"FeedTokenRepo.owner_for", "FeedTokenRepo.add"}

ID_TABLES = {
    "person": "people",
    "keep": "people",
    "other": "people",
    "interaction": "interactions",
    "followup": "followups",
    "attempt": "exposure_attempts",
    "ladder": "ladders",
    "change": "changes",
    "suggestion": "suggestions",
    "experiment": "experiments",
    "entry": "reminder_log",
}


def _value(world: World, name: str, annotation: str, kind: str | None) -> Any:
    """A hostile value for parameter ``name``: the other account's, where it has one."""
    text = annotation.replace(" | None", "")
    stem = name.removesuffix("_ids").removesuffix("_id")
    if name == "record_id" and kind is not None:
        table = RECORD_TABLES[kind].name
        return world.ids(table)[-1]
    if stem in ID_TABLES and text == "int":
        ids = world.ids(ID_TABLES[stem])
        return ids[-1] if ids else 10**6
    if stem in ID_TABLES or name == "person_ids":
        return world.ids(ID_TABLES.get(stem, "people"))
    simple: dict[str, Callable[[], Any]] = {
        "date": lambda: FIXED_NOW.date() - timedelta(days=3),
        "datetime": lambda: FIXED_NOW,
        "Any": lambda: FIXED_NOW,
        "bool": lambda: True,
        "Iterable[date]": lambda: [FIXED_NOW.date() - timedelta(days=d) for d in range(20)],
        "Mapping[int, datetime]": lambda: dict.fromkeys((7, 14, 30, 90, 365), FIXED_NOW),
        "Mapping[date, bool]": lambda: {FIXED_NOW.date(): True},
        "Iterable[tuple[int, int]]": lambda: [(m, d) for m in range(1, 13) for d in (1, 15)],
        "Mapping[str, Any]": lambda: {"note": "crossed"},
        "PeopleQuery": lambda: PeopleQuery(status=None, include_archived=True),
        "SavedCall": lambda: SavedCall(
            world.ids("people")[-1], 1, "18:00", "UTC", 30, 2, FIXED_NOW.date()
        ),
        "Sequence[tuple[int, Sequence[ContactPoint]]]": lambda: [
            (world.ids("people")[-1], [ContactPoint("email", "crossed@example.org")])
        ],
        "dict[str, object]": lambda: {"id": "crossed", "title": "t"},
        "object": lambda: world.b_dump,
        "dict[str, list[dict[str, Any]]]": lambda: world.b_prepared,
    }
    if text in simple:
        return simple[text]()
    if text == "str":
        strings = {
            "kind": kind or "followup",
            "name": "work2",
            "path": "/tmp/x.ics",
            "token_hash": world.b_rows["feed_tokens"][0][2] if world.b_rows["feed_tokens"] else "",
            "instrument_id": "who5",
            "status": "done",
            "value": "ada@example.org",
        }
        return strings.get(name, "crossed")
    if text == "int":
        return {"every_days": 30, "level": 1, "limit": 1000}.get(name, 1)
    inner = text.removeprefix("Sequence[").removeprefix("list[").removesuffix("]")
    if inner != text and inner in world.b_objects:
        return world.b_objects[inner][:3]
    if text in world.b_objects:
        return world.b_objects[text][0]
    raise LookupError(f"no value for {name}: {annotation}")


def _calls(world: World, cls: type, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """One call per record kind for the records repository, one call otherwise."""
    fn = getattr(cls, name)
    params = [p for p in inspect.signature(fn).parameters.values() if p.name != "self"]
    kinds = (
        list(RECORD_TABLES)
        if any(p.name == "kind" for p in params) and cls.__name__ == "RecordsRepo"
        else [None]
    )
    for kind in kinds:
        args = {p.name: _value(world, p.name, str(p.annotation), kind) for p in params}
        yield (kind or ""), args


def _plain(value: Any, wrote: bool, key: str | None = None) -> Any:
    """``value`` as comparable data; when the call ``wrote``, ids as "id": a new
    row's id depends on the other rows of the table (another account's too)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name), wrote, f.name) for f in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        return {
            repr(k): _plain(v, wrote, k if isinstance(k, str) else "") for k, v in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v, wrote, key) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    is_id = key is None or key == "id" or key.endswith("_id")
    if wrote and isinstance(value, int) and not isinstance(value, bool) and is_id:
        return "id"
    return value


def _outcome(
    engine: Engine, cls: type, owner: int, name: str, args: dict[str, Any], b: int
) -> tuple[Any, Any, Any]:
    with engine.connect() as conn:
        before = World.rows(conn, b)
        own = World.rows(conn, owner)
        try:
            result = getattr(cls(conn, owner), name)(**args)
            answer: Any = _plain(result, World.rows(conn, owner) != own)
        except Exception as exc:
            answer = f"raised {type(exc).__name__}"
            conn.rollback()
        after = World.rows(conn, b)
        conn.rollback()
    return answer, before, after


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    if request.param == "sqlite":
        base = tmp_path_factory.mktemp("isolation")
        urls = [f"sqlite:///{base / 'alone.db'}", f"sqlite:///{base / 'shared.db'}"]
        extra: list[Any] = []
    else:
        urls = [create_pg_database("kithkin_iso"), create_pg_database("kithkin_iso")]
        extra = urls
    alone, shared = make_app(urls[0]), make_app(urls[1])
    for url in urls if request.param == "postgres" else []:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
    _fill(alone, seed=1)
    _fill(shared, seed=1)
    other = account_app(urls[1], "bob")
    _fill(other, seed=2)
    yield World(alone, shared, other)
    for app in (alone, shared, other):
        app.close()
    for url in extra:
        drop_pg_database(url)


def test_every_repository_is_found() -> None:
    names = {cls.__name__ for cls in _repositories()}
    assert {"PeopleRepo", "InteractionRepo", "RecordsRepo", "ChangesRepo", "BackupStore"} <= names
    assert len(METHODS) > 80


@pytest.mark.parametrize(("cls", "name"), METHODS, ids=[f"{c.__name__}.{n}" for c, n in METHODS])
def test_a_method_neither_reads_nor_changes_another_accounts_rows(
    world: World, cls: type, name: str
) -> None:
    if f"{cls.__name__}.{name}" in GLOBAL:
        pytest.skip("answers about every account by design (see GLOBAL)")
    for kind, args in _calls(world, cls, name):
        alone, _, _ = _outcome(world.alone.engine, cls, world.a, name, args, world.b)
        shared, before, after = _outcome(world.shared.engine, cls, world.a, name, args, world.b)
        assert shared == alone, f"{kind} {args}: the answer differs when B's data is present"
        assert after == before, f"{kind} {args}: B's rows changed"
