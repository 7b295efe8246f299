"""A lean, read-only unit of work for the daily loop on SQLite, on the standard library's sqlite3.

``kithkin today`` is run many times a day and is judged by how fast it answers. Importing
SQLAlchemy costs more than everything else the command does (about 60% of it), and the command
only reads: so on the embedded SQLite default it reads through this module instead, which
imports nothing but sqlite3 and kithkin's own records.

It implements exactly the reads of :func:`kithkin.services.today.today` and
:func:`kithkin.services.suggestions.todays_plan` once today's plan is stored. Anything else (a
write, a repository or method not here, a database that is not at this version's schema, a
running experiment, any sqlite3 error) raises :class:`NeedsFullPath` and the caller runs the
command the usual way, through SQLAlchemy: nothing was written, so nothing is lost. The SQL is
what SQLAlchemy emits for the same repository methods (``storage.people_repos``,
``planning_repos``, ``insights_repos``); the rows are decoded by the same functions
(``storage.rows``); ``tests/storage/test_lean.py`` checks both paths give identical answers.
"""

# ruff: noqa: S608  (SQL is built from this module's constants and "?" marks; every value is bound)
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from kithkin.domain.model import (
    Barrier,
    CheckIn,
    Circle,
    FollowUp,
    Person,
    PersonStatus,
    Profile,
)
from kithkin.storage import rows as decode
from kithkin.storage import shapes
from kithkin.storage.revision import HEAD

if TYPE_CHECKING:
    from kithkin.domain.roster import Member
    from kithkin.services.planning_ports import StoredSuggestion

BUSY_TIMEOUT_S = 5.0  # as the engine's busy_timeout


class NeedsFullPath(Exception):
    """This read is not one the lean reader does: run it through the full unit of work."""


def _day(raw: bytes) -> date:
    return date.fromisoformat(raw.decode())


def _instant(raw: bytes) -> datetime:
    """A stored instant as SQLAlchemy reads it back from SQLite: naive, in UTC."""
    return datetime.fromisoformat(raw.decode())


# Declared types in column aliases (``AS "due [kk_day]"``) pick these converters.
sqlite3.register_converter("kk_day", _day)
sqlite3.register_converter("kk_ts", _instant)


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///path`` URL; None for anything else (other backends, an
    in-memory database, URL options or escapes: those go the full way)."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            rest = url[len(prefix) :]
            if not rest or rest == ":memory:" or any(c in rest for c in "?%#"):
                return None
            return Path(rest)
    return None


def _stamp(instant: datetime) -> str:
    """An instant as SQLAlchemy stores it in SQLite (UTC, to the microsecond, no zone)."""
    t = instant.astimezone(UTC) if instant.tzinfo is not None else instant
    return (
        f"{t.year:04d}-{t.month:02d}-{t.day:02d} "
        f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}.{t.microsecond:06d}"
    )


_DRIFT = (ValueError, KeyError, TypeError, IndexError, AttributeError)


@contextmanager
def _decoding(what: str) -> Iterator[None]:
    """Rows that do not decode as declared in ``storage.shapes`` (a column more or fewer, a
    value the records do not know): the full path reads them instead of the command failing."""
    try:
        yield
    except _DRIFT as exc:
        raise NeedsFullPath(f"{what} does not decode: {exc!r}") from None


class _Rows:
    """Rows with attribute access, for the few-row decoders of ``storage.rows``."""

    __slots__ = ("_values",)

    def __init__(self, names: tuple[str, ...], values: tuple[Any, ...]) -> None:
        self._values = dict(zip(names, values, strict=True))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None


class _Reader:
    def __init__(self, conn: sqlite3.Connection, owner_id: int) -> None:
        self.conn = conn
        self.owner_id = owner_id

    if not TYPE_CHECKING:  # hidden from mypy, which checks the reads against DailyPlanReads

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__"):  # copy, pickle, hasattr(..., "__len__"), ...
                raise AttributeError(name)
            raise NeedsFullPath(f"{type(self).__name__}.{name}")

    def _all(self, sql: str, *params: Any) -> list[Any]:
        return self.conn.execute(sql, params).fetchall()

    def _named(self, sql: str, *params: Any) -> list[_Rows]:
        cursor = self.conn.execute(sql, params)
        names = tuple(d[0].split(" ")[0] for d in cursor.description)
        return [_Rows(names, r) for r in cursor.fetchall()]


class _Profile(_Reader):
    def get(self) -> Profile | None:
        found = self._all(
            "SELECT timezone, daily_goal, rest_days_per_week, weekday_minutes, weekend_minutes,"
            ' barriers, waking_start_hour, waking_end_hour, started_on AS "s [kk_day]"'
            " FROM profiles WHERE owner_id = ?",
            self.owner_id,
        )
        if not found:
            return None
        with _decoding("profile"):
            return self._profile(found[0])

    @staticmethod
    def _profile(row: tuple[Any, ...]) -> Profile:
        tz, goal, rest, weekday, weekend, barriers, wake, sleep, started = row
        return Profile(
            timezone=tz,
            daily_goal=goal,
            rest_days_per_week=rest,
            weekday_minutes=weekday,
            weekend_minutes=weekend,
            barriers=frozenset(Barrier(b) for b in barriers.split(",") if b),
            waking_start_hour=wake,
            waking_end_hour=sleep,
            started_on=started,
        )


class _Circles(_Reader):
    def find(self) -> list[Circle]:
        rows = self._all(
            "SELECT name, cadence_days, position, id FROM circles WHERE owner_id = ?"
            " ORDER BY position, name",
            self.owner_id,
        )
        return [Circle(*r) for r in rows]


_PROFILE_COLUMNS = shapes.lean_select(shapes.ROSTER_FIELDS)
_PERSON_COLUMNS = shapes.lean_select(shapes.PERSON_FIELDS)
_FOLLOWUP_COLUMNS = shapes.lean_named("followups", shapes.FOLLOWUP_FIELDS)
_CHECKIN_COLUMNS = shapes.lean_named("checkins", shapes.CHECKIN_FIELDS)
_SUGGESTION_COLUMNS = shapes.lean_named("suggestions", shapes.SUGGESTION_FIELDS)
_PEOPLE_CIRCLES = "people LEFT OUTER JOIN circles ON people.circle_id = circles.id"
_ACTIVE = "people.owner_id = ? AND people.status = ? AND people.archived IS 0"
_ROSTER = (
    f"SELECT {_PROFILE_COLUMNS}, CAST(strftime('%s', people.last_contact_at) AS INTEGER)"
    f" FROM {_PEOPLE_CIRCLES} WHERE {_ACTIVE}"
)
_BY_NAME = " ORDER BY people.name, people.id"
CHUNK = 500


class _People(_Reader):
    def own_cadences(self) -> set[int]:
        rows = self._all(
            "SELECT DISTINCT cadence_days FROM people WHERE owner_id = ?"
            " AND cadence_days IS NOT NULL",
            self.owner_id,
        )
        return {int(r[0]) for r in rows}

    def _active(self) -> tuple[Any, ...]:
        return (self.owner_id, PersonStatus.ACTIVE.value)

    @staticmethod
    def _bound(boundaries: Mapping[int, datetime]) -> tuple[str, list[Any]]:
        """Per person, the instant their last contact must reach (as in PeopleRepo)."""
        if not boundaries:
            return "NULL", []
        whens = " ".join("WHEN ? THEN ?" for _ in boundaries)
        params: list[Any] = []
        for cadence, bound in boundaries.items():
            params += [cadence, _stamp(bound)]
        return f"CASE coalesce(people.cadence_days, circles.cadence_days) {whens} END", params

    def network_counts(self, boundaries: Mapping[int, datetime]) -> tuple[int, int]:
        bound, params = self._bound(boundaries)
        total, touching = self._all(
            "SELECT count(*), sum(CASE WHEN (people.last_contact_at >= "
            f"{bound}) THEN 1 ELSE 0 END) FROM {_PEOPLE_CIRCLES}"
            f" WHERE {_ACTIVE} AND people.circle_id IS NOT NULL",
            *params,
            *self._active(),
        )[0]
        return int(touching or 0), int(total)

    def due_roster(self, boundaries: Mapping[int, datetime]) -> list[Member]:
        bound, params = self._bound(boundaries)
        rows = self._all(
            f"{_ROSTER} AND people.circle_id IS NOT NULL AND (people.last_contact_at IS NULL"
            f" OR people.last_contact_at < {bound}){_BY_NAME}",
            *self._active(),
            *params,
        )
        with _decoding("people"):
            return decode.members(rows, {})

    def birthday_roster(self, days: Iterable[tuple[int, int]]) -> list[Member]:
        pairs = sorted(set(days))
        if not pairs:
            return []
        match = " OR ".join("people.birth_month = ? AND people.birth_day = ?" for _ in pairs)
        rows = self._all(
            f"{_ROSTER} AND ({match}){_BY_NAME}",
            *self._active(),
            *(n for pair in pairs for n in pair),
        )
        with _decoding("people"):
            return decode.members(rows, {})

    def get(self, person_id: int) -> Person | None:
        """A whole record with its contact points: left to the full path."""
        raise NeedsFullPath(f"people.get({person_id})")

    def get_many(self, person_ids: Iterable[int]) -> dict[int, Person]:
        ids = sorted(set(person_ids))
        out: dict[int, Person] = {}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._all(
                f"SELECT {_PERSON_COLUMNS} FROM {_PEOPLE_CIRCLES}"
                f" WHERE people.owner_id = ? AND people.id IN ({marks})",
                self.owner_id,
                *chunk,
            )
            with _decoding("people"):
                for row in rows:
                    out[row[0]] = decode.person(row)
        return out


class _DayStats(_Reader):
    def first_day(self) -> date | None:
        found = self._all(
            'SELECT min(day) AS "d [kk_day]" FROM day_stats WHERE owner_id = ?', self.owner_id
        )
        value = found[0][0]
        return value if isinstance(value, date) else None

    def meaningful_counts(self, *, since: date | None = None) -> dict[date, int]:
        sql = (
            'SELECT day AS "d [kk_day]", meaningful_count FROM day_stats'
            " WHERE owner_id = ? AND meaningful_count > 0"
        )
        if since is None:
            return dict(self._all(sql, self.owner_id))
        return dict(self._all(f"{sql} AND day >= ?", self.owner_id, since.isoformat()))


class _FollowUps(_Reader):
    def find(
        self, *, open_only: bool = True, person_id: int | None = None, due_by: date | None = None
    ) -> list[FollowUp]:
        sql = f"SELECT {_FOLLOWUP_COLUMNS} FROM followups WHERE owner_id = ?"
        params: list[Any] = [self.owner_id]
        if open_only:
            sql += " AND done IS 0"
        if due_by is not None:
            sql += " AND due IS NOT NULL AND due <= ?"
            params.append(due_by.isoformat())
        if person_id is not None:
            sql += " AND person_id = ?"
            params.append(person_id)
        sql += " ORDER BY due IS NULL, due, id"
        found = self._named(sql, *params)
        with _decoding("followups"):
            return [decode.followup(r) for r in found]


class _CheckIns(_Reader):
    def get(self, day: date) -> CheckIn | None:
        found = self._named(
            f"SELECT {_CHECKIN_COLUMNS} FROM checkins WHERE owner_id = ? AND day = ?",
            self.owner_id,
            day.isoformat(),
        )
        with _decoding("checkins"):
            return decode.checkin(found[0]) if found else None


class _Suggestions(_Reader):
    def for_day(self, day: date) -> list[StoredSuggestion]:
        rows = self._named(
            f"SELECT {_SUGGESTION_COLUMNS} FROM suggestions WHERE owner_id = ? AND day = ?"
            " ORDER BY rank",
            self.owner_id,
            day.isoformat(),
        )
        with _decoding("suggestions"):
            return [decode.suggestion(r) for r in rows]


class _PlanMarks(_Reader):
    def is_marked(self) -> bool:
        """False when today's stored plan is current; a plan to remake is the full path's."""
        if self._all("SELECT 1 FROM plan_marks WHERE owner_id = ?", self.owner_id):
            raise NeedsFullPath("plan_marks")
        return False


class _CustomActions(_Reader):
    def find(self) -> list[dict[str, object]]:
        import json

        rows = self._all(
            "SELECT data FROM custom_actions WHERE owner_id = ? ORDER BY id", self.owner_id
        )
        return [json.loads(r[0]) for r in rows]


class _PlanData(_Reader):
    def last_meaningful(self, person_id: int) -> tuple[str, date] | None:
        found = self._all(
            'SELECT interactions.kind, interactions.day AS "day [kk_day]" FROM interactions'
            " JOIN interaction_people ON interaction_people.interaction_id = interactions.id"
            " WHERE interaction_people.person_id = ? AND interaction_people.owner_id = ?"
            " AND interaction_people.meaningful IS 1"
            " ORDER BY interaction_people.occurred_at DESC LIMIT 1",
            person_id,
            self.owner_id,
        )
        return None if not found else (found[0][0], found[0][1])


class _Questionnaires(_Reader):
    def last_done(self) -> dict[str, date]:
        return dict(
            self._all(
                'SELECT instrument_id, max(day) AS "d [kk_day]" FROM questionnaire_responses'
                " WHERE owner_id = ? GROUP BY instrument_id",
                self.owner_id,
            )
        )

    def schedules(self) -> dict[str, int]:
        rows = self._all(
            "SELECT instrument_id, every_days FROM questionnaire_schedules WHERE owner_id = ?",
            self.owner_id,
        )
        return {r[0]: int(r[1]) for r in rows}


class _Experiments(_Reader):
    def active(self) -> None:
        """None when no experiment runs; a running one is left to the full path (its nudge
        reads the experiment's days and statistics)."""
        if self._all(
            "SELECT 1 FROM experiments WHERE owner_id = ? AND active IS 1 LIMIT 1", self.owner_id
        ):
            raise NeedsFullPath("experiments.active")


class LeanUnitOfWork:
    """Read-only; one snapshot (a deferred transaction) for all of its reads."""

    def __init__(self, conn: sqlite3.Connection, owner_id: int) -> None:
        self.connection = conn
        self.owner_id = owner_id
        self.profile = _Profile(conn, owner_id)
        self.circles = _Circles(conn, owner_id)
        self.people = _People(conn, owner_id)
        self.day_stats = _DayStats(conn, owner_id)
        self.followups = _FollowUps(conn, owner_id)
        self.checkins = _CheckIns(conn, owner_id)
        self.suggestions = _Suggestions(conn, owner_id)
        self.plan_marks = _PlanMarks(conn, owner_id)
        self.custom_actions = _CustomActions(conn, owner_id)
        self.plan_data = _PlanData(conn, owner_id)
        self.questionnaires = _Questionnaires(conn, owner_id)
        self.experiments = _Experiments(conn, owner_id)

    if not TYPE_CHECKING:  # hidden from mypy, which checks the reads against DailyPlanReads

        def __getattr__(self, name: str) -> Any:  # any other repository, commit(), ...
            if name.startswith("__"):
                raise AttributeError(name)
            raise NeedsFullPath(name)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


@contextmanager
def lean_unit_of_work(path: Path, account: str) -> Iterator[LeanUnitOfWork]:
    """A read-only unit of work on the SQLite file ``path`` for ``account``; raises
    :class:`NeedsFullPath` when the file, its schema or its account are not ready for the lean
    reader (the full path creates, upgrades or explains), and for any sqlite3 error."""
    if not path.is_file():
        raise NeedsFullPath("no database file yet")
    try:
        conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_S,
            detect_types=sqlite3.PARSE_COLNAMES,
            isolation_level=None,
            check_same_thread=True,
        )
    except sqlite3.Error as exc:
        raise NeedsFullPath(str(exc)) from None
    try:
        conn.execute("PRAGMA query_only = 1")
        conn.execute("BEGIN")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(HEAD,)]:
            raise NeedsFullPath("schema revision")
        found = conn.execute("SELECT id FROM accounts WHERE name = ?", (account,)).fetchall()
        if not found:
            raise NeedsFullPath("no account yet")
        yield LeanUnitOfWork(conn, int(found[0][0]))
    except sqlite3.Error as exc:
        raise NeedsFullPath(str(exc)) from None
    finally:
        conn.close()
