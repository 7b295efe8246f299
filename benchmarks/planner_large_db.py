"""A large SQLite database for the planner benchmark: 10,000 people, 1,000,000 interactions.

Bulk Core inserts (seeded, deterministic), with people.last_contact_at and day_stats filled in
the same way the services keep them. Usage:
    PYTHONPATH=src python benchmarks/planner_large_db.py /tmp/kithkin-large.db
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, text  # noqa: TID251 - benchmarks time SQL directly

from kithkin.domain.model import DEFAULT_CIRCLES, KINDS
from kithkin.storage.engine import make_engine
from kithkin.storage.schema import upgrade
from kithkin.storage.tables import (
    accounts,
    circles,
    day_stats,
    interaction_people,
    interactions,
    people,
    profiles,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
PEOPLE, INTERACTIONS, DAYS, BATCH = 10_000, 1_000_000, 1_500, 50_000


def build(path: Path, seed: int = 7) -> None:
    if path.exists():
        path.unlink()
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    rnd = random.Random(seed)
    kinds = list(KINDS)
    with engine.begin() as conn:
        conn.info["kithkin_write"] = True
        conn.execute(insert(accounts).values(name="local", created_at=NOW))
        owner = conn.execute(select(accounts.c.id)).scalar_one()
        conn.execute(
            insert(profiles).values(
                owner_id=owner,
                timezone="Europe/Berlin",
                daily_goal=1,
                rest_days_per_week=1,
                weekday_minutes=15,
                weekend_minutes=45,
                barriers="",
                started_on=date(2022, 10, 1),
            )
        )
        conn.execute(
            insert(circles),
            [
                {"owner_id": owner, "name": n, "cadence_days": c, "position": i}
                for i, (n, c) in enumerate(DEFAULT_CIRCLES)
            ],
        )
        circle_ids = [r.id for r in conn.execute(select(circles.c.id).order_by(circles.c.id))]
        conn.execute(
            insert(people),
            [
                {
                    "owner_id": owner,
                    "name": f"Person {i:05d}",
                    "circle_id": rnd.choice(circle_ids),
                    "closeness": rnd.randint(1, 5),
                    "birth_month": rnd.randint(1, 12),
                    "birth_day": rnd.randint(1, 28),
                    "created_at": NOW,
                }
                for i in range(PEOPLE)
            ],
        )
        person_ids = [r.id for r in conn.execute(select(people.c.id))]
        next_id = 1
        for start in range(0, INTERACTIONS, BATCH):
            rows, links = [], []
            for _ in range(min(BATCH, INTERACTIONS - start)):
                at = NOW - timedelta(seconds=rnd.randint(3600, DAYS * 86_400))
                meaningful = rnd.random() < 0.9
                rows.append(
                    {
                        "id": next_id,
                        "owner_id": owner,
                        "occurred_at": at,
                        "day": at.date(),
                        "kind": rnd.choice(kinds),
                        "minutes": 10,
                        "meaningful": meaningful,
                        "created_at": at,
                    }
                )
                links.append(
                    {
                        "interaction_id": next_id,
                        "person_id": rnd.choice(person_ids),
                        "owner_id": owner,
                        "occurred_at": at,
                        "meaningful": meaningful,
                    }
                )
                next_id += 1
            conn.execute(insert(interactions), rows)
            conn.execute(insert(interaction_people), links)
        conn.execute(
            text(
                "UPDATE people SET last_contact_at = (SELECT max(occurred_at) FROM "
                "interaction_people ip WHERE ip.person_id = people.id AND ip.meaningful)"
            )
        )
        stats = conn.execute(
            select(
                interactions.c.day,
                func.count(),
                func.sum(interactions.c.meaningful.cast(type_=interactions.c.minutes.type)),
            ).group_by(interactions.c.day)
        )
        conn.execute(
            insert(day_stats),
            [
                {"owner_id": owner, "day": d, "interaction_count": n, "meaningful_count": m}
                for d, n, m in stats
            ],
        )
    engine.dispose()


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kithkin-large.db"))
