"""Generate a large kithkin SQLite database for the performance benchmark.

10,000 people (about 30% awaiting triage), 1,000,000 interactions over five years with one to
three people each, five years of daily check-ins and some follow-ups. Seeded, so every run makes
the same database. Bulk SQLAlchemy Core inserts in one transaction; the derived data
(``people.last_contact_at`` and ``day_stats``) is computed in SQL afterwards, exactly as the app
would keep it.

    python benchmarks/make_large_db.py benchmarks/data/large.db [--seed 1] [--interactions N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text  # noqa: TID251 -- a bulk loader, like kithkin.storage

from kithkin.domain.model import DEFAULT_CIRCLES, KINDS
from kithkin.storage.engine import make_engine
from kithkin.storage.schema import upgrade
from kithkin.storage.tables import (
    accounts,
    checkins,
    circles,
    followups,
    interaction_people,
    interactions,
    people,
    profiles,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
TZ = "Europe/Berlin"
CHUNK = 20_000


def _chunked(rows, size: int = CHUNK):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def generate(path: Path, *, seed: int, n_people: int, n_interactions: int, years: int) -> None:
    rng = random.Random(seed)
    if path.exists():
        path.unlink()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    today = NOW.date()
    start = today - timedelta(days=365 * years)
    span_seconds = int((NOW - datetime.combine(start, datetime.min.time(), UTC)).total_seconds())
    kinds = list(KINDS)
    timings: dict[str, float] = {}
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for pragma in ("synchronous=OFF", "journal_mode=MEMORY", "cache_size=-200000"):
            raw.execute(f"PRAGMA {pragma}")  # the generator only: speed over crash safety
        t0 = time.perf_counter()
        with conn.begin():
            owner = conn.execute(
                insert(accounts).values(name="local", created_at=NOW)
            ).inserted_primary_key[0]
            conn.execute(
                insert(profiles).values(
                    owner_id=owner,
                    timezone=TZ,
                    daily_goal=1,
                    rest_days_per_week=1,
                    weekday_minutes=15,
                    weekend_minutes=45,
                    barriers="little_time",
                    started_on=start,
                )
            )
            circle_ids = []
            for position, (name, cadence) in enumerate(DEFAULT_CIRCLES):
                circle_ids.append(
                    conn.execute(
                        insert(circles).values(
                            owner_id=owner, name=name, cadence_days=cadence, position=position
                        )
                    ).inserted_primary_key[0]
                )
            weights = (5, 15, 40, 40)
            person_rows = []
            for i in range(1, n_people + 1):
                triage = rng.random() < 0.3
                has_bday = rng.random() < 0.6
                person_rows.append(
                    {
                        "id": i,
                        "owner_id": owner,
                        "name": f"Person {i:05d} {rng.choice('ABCDEFGHJKLMNPRSTW')}.",
                        "nickname": "",
                        "circle_id": None if triage else rng.choices(circle_ids, weights)[0],
                        "closeness": rng.randint(1, 5),
                        "feeling": "neutral",
                        "birth_month": rng.randint(1, 12) if has_bday else None,
                        "birth_day": rng.randint(1, 28) if has_bday else None,
                        "birth_year": None,
                        "interests": "",
                        "how_met": "",
                        "notes": "",
                        "archived": rng.random() < 0.02,
                        "status": "triage" if triage else "active",
                        "created_at": NOW - timedelta(days=365 * years),
                    }
                )
            conn.execute(insert(people), person_rows)
            timings["people"] = time.perf_counter() - t0

            # Interactions and their links, in chunks. Active people get most of the contact.
            active = [r["id"] for r in person_rows if r["status"] == "active"]
            everyone = [r["id"] for r in person_rows]
            t1 = time.perf_counter()
            next_id = 1
            base = datetime.combine(start, datetime.min.time(), UTC)
            made = 0
            while made < n_interactions:
                batch_n = min(CHUNK, n_interactions - made)
                rows, links = [], []
                for _ in range(batch_n):
                    at = base + timedelta(seconds=rng.randrange(span_seconds))
                    meaningful = rng.random() < 0.85
                    kind = rng.choice(kinds)
                    rows.append(
                        {
                            "id": next_id,
                            "owner_id": owner,
                            "occurred_at": at,
                            # Europe/Berlin is UTC+1/+2; +1 h is close enough for synthetic data.
                            "day": (at + timedelta(hours=1)).date(),
                            "kind": kind,
                            "minutes": KINDS[kind].minutes,
                            "with_other": "",
                            "meaningful": meaningful,
                            "quality": rng.randint(1, 5),
                            "mood_before": None,
                            "mood_after": None,
                            "note": "",
                            "created_at": at,
                        }
                    )
                    pool = active if rng.random() < 0.9 else everyone
                    for pid in set(rng.sample(pool, rng.choice((1, 1, 1, 2, 3)))):
                        links.append(
                            {
                                "interaction_id": next_id,
                                "person_id": pid,
                                "owner_id": owner,
                                "occurred_at": at,
                                "meaningful": meaningful,
                            }
                        )
                    next_id += 1
                conn.execute(insert(interactions), rows)
                conn.execute(insert(interaction_people), links)
                made += batch_n
            timings["interactions"] = time.perf_counter() - t1

            t2 = time.perf_counter()
            day = start
            checkin_rows = []
            while day <= today:
                checkin_rows.append(
                    {
                        "owner_id": owner,
                        "day": day,
                        "mood": rng.randint(3, 9),
                        "stress": rng.randint(2, 8),
                        "energy": rng.randint(3, 8),
                        "sleep_hours": round(rng.uniform(5, 9), 1),
                        "note": "",
                        "updated_at": datetime.combine(day, datetime.min.time(), UTC),
                    }
                )
                day += timedelta(days=1)
            conn.execute(insert(checkins), checkin_rows)
            conn.execute(
                insert(followups),
                [
                    {
                        "owner_id": owner,
                        "person_id": rng.choice(active),
                        "text": f"follow up {i}",
                        "due": today + timedelta(days=rng.randint(-30, 30))
                        if rng.random() < 0.7
                        else None,
                        "done": rng.random() < 0.8,
                        "created_at": NOW,
                    }
                    for i in range(2_000)
                ],
            )
            timings["checkins+followups"] = time.perf_counter() - t2

            # Derived data, computed in SQL the way the repositories keep it.
            t3 = time.perf_counter()
            conn.execute(
                text(
                    "UPDATE people SET last_contact_at = ("
                    " SELECT max(ip.occurred_at) FROM interaction_people ip"
                    " WHERE ip.person_id = people.id AND ip.meaningful = 1)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO day_stats (owner_id, day, meaningful_count, interaction_count)"
                    " SELECT owner_id, day, sum(CASE WHEN meaningful THEN 1 ELSE 0 END), count(*)"
                    " FROM interactions GROUP BY owner_id, day"
                )
            )
            timings["derived"] = time.perf_counter() - t3
        t4 = time.perf_counter()
        with conn.begin():
            conn.exec_driver_sql("ANALYZE")
        timings["analyze"] = time.perf_counter() - t4
    engine.dispose()
    total = sum(timings.values())
    parts = ", ".join(f"{k} {v:.1f}s" for k, v in timings.items())
    size = path.stat().st_size / 1e6
    print(f"{path}: {n_people} people, {n_interactions} interactions, {size:.0f} MB")
    print(f"took {total:.1f}s ({parts})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", default=Path("benchmarks/data/large.db"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args(argv)
    args.path.parent.mkdir(parents=True, exist_ok=True)
    generate(
        args.path,
        seed=args.seed,
        n_people=args.people,
        n_interactions=args.interactions,
        years=args.years,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
