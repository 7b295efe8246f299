"""A large SQLite database for the web benchmark: 10,000 people, 1,000,000 interactions.

Minimal and fast (bulk Core inserts straight into the tables, derived columns computed in SQL);
the shared, richer generator is ``benchmarks/make_large_db.py`` once it lands.

    PYTHONPATH=src python benchmarks/web_large_db.py benchmarks/data/web-large.db
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text  # noqa: TID251 - a generator writes the tables directly

from kithkin.storage.engine import make_engine
from kithkin.storage.schema import upgrade
from kithkin.storage.tables import (
    accounts,
    circles,
    interaction_people,
    interactions,
    people,
    profiles,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
PEOPLE = 10_000
INTERACTIONS = 1_000_000
DAYS = 3 * 365
CHUNK = 20_000
KINDS = ("text", "call", "coffee", "video_call", "walk_run", "meal", "voice_message")
CIRCLES = (("inner", 7), ("close", 14), ("friends", 30), ("wider", 90))


def build(path: Path, *, seed: int = 1) -> None:
    rng = random.Random(seed)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    start = NOW.date() - timedelta(days=DAYS)
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(accounts).values(id=1, name="local", created_at=NOW))
        conn.execute(
            insert(profiles).values(
                owner_id=1,
                timezone="UTC",
                daily_goal=1,
                rest_days_per_week=1,
                weekday_minutes=15,
                weekend_minutes=45,
                barriers="",
                started_on=start,
            )
        )
        conn.execute(
            insert(circles),
            [
                {"id": i + 1, "owner_id": 1, "name": n, "cadence_days": c, "position": i}
                for i, (n, c) in enumerate(CIRCLES)
            ],
        )
        conn.execute(
            insert(people),
            [
                {
                    "id": i + 1,
                    "owner_id": 1,
                    "name": f"Person {i:05d} {rng.choice('ABCDEFGH')}",
                    "nickname": "",
                    "circle_id": rng.choices((1, 2, 3, 4), (1, 3, 10, 30))[0],
                    "closeness": rng.randint(1, 5),
                    "feeling": "neutral",
                    "birth_month": rng.randint(1, 12),
                    "birth_day": rng.randint(1, 28),
                    "interests": "",
                    "how_met": "",
                    "notes": "",
                    "archived": False,
                    "status": "active",
                    "created_at": NOW,
                }
                for i in range(PEOPLE)
            ],
        )
        for first in range(0, INTERACTIONS, CHUNK):
            rows, links = [], []
            for n in range(first + 1, min(first + CHUNK, INTERACTIONS) + 1):
                day = start + timedelta(days=rng.randrange(DAYS))
                at = datetime(day.year, day.month, day.day, rng.randint(7, 21), tzinfo=UTC)
                meaningful = rng.random() < 0.9
                rows.append(
                    {
                        "id": n,
                        "owner_id": 1,
                        "occurred_at": at,
                        "day": day,
                        "kind": rng.choice(KINDS),
                        "minutes": rng.randint(2, 90),
                        "with_other": "",
                        "meaningful": meaningful,
                        "quality": rng.randint(1, 5),
                        "note": "",
                        "created_at": NOW,
                    }
                )
                links.append(
                    {
                        "interaction_id": n,
                        "person_id": rng.randint(1, PEOPLE),
                        "owner_id": 1,
                        "occurred_at": at,
                        "meaningful": meaningful,
                    }
                )
            conn.execute(insert(interactions), rows)
            conn.execute(insert(interaction_people), links)
        # Derived data, as the services keep it: last meaningful contact and per-day counts.
        conn.execute(
            text(
                "UPDATE people SET last_contact_at = (SELECT max(occurred_at) "
                "FROM interaction_people ip WHERE ip.person_id = people.id AND ip.meaningful)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO day_stats (owner_id, day, meaningful_count, interaction_count) "
                "SELECT owner_id, day, sum(CASE WHEN meaningful THEN 1 ELSE 0 END), count(*) "
                "FROM interactions GROUP BY owner_id, day"
            )
        )
    engine.dispose()
    print(f"built {path} in {time.perf_counter() - t0:.1f} s")


def ensure(path: Path) -> Path:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=Path("benchmarks/data/web-large.db"),
        help="the SQLite file to build (kept as it is when it exists)",
    )
    ensure(parser.parse_args().path)


if __name__ == "__main__":
    main()
