"""A realistic demo life, so a newcomer sees kithkin working at once. Deterministic per seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from kithkin.domain.errors import ConflictError
from kithkin.domain.model import (
    Barrier,
    Birthday,
    CheckIn,
    ContactPoint,
    Feeling,
    FollowUp,
    Interaction,
    Person,
)
from kithkin.domain.timeutil import local_day, to_utc
from kithkin.services.interactions import record
from kithkin.services.ports import PeopleQuery, UnitOfWork
from kithkin.services.profiles import init_profile

FIRST = [
    "Ada",
    "Amara",
    "Bea",
    "Caleb",
    "Chiara",
    "Dev",
    "Elif",
    "Emeka",
    "Farah",
    "Finn",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kai",
    "Lena",
    "Leo",
    "Maya",
    "Mateo",
    "Nadia",
    "Noor",
    "Olu",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Sofia",
    "Tariq",
    "Uma",
    "Vik",
    "Wen",
    "Yara",
    "Zoe",
    "Arjun",
    "Bruno",
    "Carmen",
    "Dara",
    "Esme",
    "Felix",
    "Gita",
    "Hana",
    "Ivan",
    "Jade",
    "Kofi",
    "Lior",
    "Mina",
    "Nico",
    "Omar",
    "Pia",
    "Rafael",
    "Sana",
    "Theo",
    "Ula",
    "Vera",
    "Will",
    "Xin",
    "Yusuf",
    "Zara",
    "Ben",
    "Cleo",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Rossi",
    "Haddad",
    "Novak",
    "Mensah",
    "Silva",
    "Kowalski",
    "Dubois",
    "Nakamura",
    "Osei",
    "Fischer",
    "Costa",
    "Ahmed",
    "Varga",
    "Jensen",
    "Romero",
    "Petrov",
]
INTERESTS = [
    "running",
    "hiking",
    "cooking",
    "jazz",
    "climbing",
    "books",
    "yoga",
    "cycling",
    "board",
    "games",
    "gardening",
    "photography",
    "football",
    "swimming",
    "baking",
    "chess",
    "film",
]
ABROAD = ("America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo")
CIRCLE_SIZES = (("inner", 5), ("close", 10), ("friends", 20), ("wider", 25))
KINDS = (
    ("text", 3, 0.35),
    ("voice_message", 4, 0.1),
    ("call", 20, 0.15),
    ("video_call", 30, 0.08),
    ("coffee", 40, 0.12),
    ("walk_run", 45, 0.08),
    ("meal", 90, 0.07),
    ("cooking", 90, 0.03),
    ("class", 60, 0.02),
)
FOLLOWUPS = (
    "ask how the marathon went",
    "ask about the job interview",
    "send the book recommendation",
    "ask how the move went",
    "check in after the surgery",
)


class DemoNeedsEmptyDatabase(ConflictError):
    """The demo only fills an empty database."""

    key = "demo_needs_empty"


@dataclass(frozen=True, slots=True)
class DemoSummary:
    people: int
    interactions: int
    checkins: int


def _people(rng: random.Random, now: datetime) -> list[Person]:
    names = rng.sample(FIRST, 60)
    out = []
    index = 0
    for circle, size in CIRCLE_SIZES:
        for _ in range(size):
            first = names[index]
            index += 1
            year = rng.choice([None, rng.randint(1970, 2000)])
            out.append(
                Person(
                    name=f"{first} {rng.choice(LAST)}",
                    circle=circle,
                    closeness={"inner": 5, "close": 4, "friends": 3, "wider": 2}[circle],
                    feeling=rng.choices(list(Feeling), weights=(5, 4, 1))[0],
                    timezone=rng.choice(ABROAD) if rng.random() < 0.08 else None,
                    birthday=Birthday(rng.randint(1, 12), rng.randint(1, 28), year),
                    interests=tuple(sorted(rng.sample(INTERESTS, rng.randint(1, 3)))),
                    how_met=rng.choice(("school", "work", "running club", "neighbours", "uni")),
                    contacts=(ContactPoint("email", f"{first.lower()}{index}@example.com"),),
                    created_at=now,
                )
            )
    return out


def _day_plan(rng: random.Random, day: date, social_bias: float) -> int:
    weekend = day.weekday() >= 5
    p = min(0.95, (0.75 if weekend else 0.55) + social_bias)
    return 0 if rng.random() > p else rng.choice((1, 1, 1, 2, 2, 3))


def fill_demo(
    *, uow: UnitOfWork, now: datetime, days: int = 120, seed: int = 7, timezone: str = "UTC"
) -> DemoSummary:
    """Fill the owner's database with about 60 people and ``days`` days of life."""
    if uow.people.count(PeopleQuery(status=None, include_archived=True)):
        raise DemoNeedsEmptyDatabase()
    rng = random.Random(seed)
    today = local_day(now, timezone)
    start = today - timedelta(days=days)
    init_profile(
        uow=uow,
        now=now,
        timezone=timezone,
        started_on=start,
        barriers=frozenset({Barrier.LITTLE_TIME}),
    )
    people = [uow.people.add(p) for p in _people(rng, now)]
    weights = [
        {"inner": 8, "close": 4, "friends": 2, "wider": 1}[p.circle or "wider"] for p in people
    ]
    items: list[Interaction] = []
    checkins: list[CheckIn] = []
    mood_noise = 0.0
    for offset in range(days):
        day = start + timedelta(days=offset)
        n = _day_plan(rng, day, 0.1 * (offset / days))
        for _ in range(n):
            kind, minutes, _ = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
            who = rng.choices(people, weights=weights, k=rng.choice((1, 1, 1, 2)))
            at = to_utc(
                datetime.combine(day, time(rng.randint(8, 20), rng.randint(0, 59))), timezone
            )
            before = rng.randint(4, 7)
            items.append(
                Interaction(
                    occurred_at=at,
                    day=day,
                    kind=kind,
                    minutes=minutes,
                    person_ids=tuple(sorted({p.id for p in who if p.id is not None})),
                    meaningful=rng.random() < 0.9,
                    quality=rng.randint(3, 5),
                    mood_before=before,
                    mood_after=min(10, before + rng.choice((0, 1, 1, 2))),
                )
            )
        mood_noise = 0.4 * mood_noise + rng.gauss(0, 1.0)
        social = n > 0
        mood = round(5.6 + (1.2 if social else 0.0) + mood_noise)
        stress = round(5.5 - (0.9 if social else 0.0) - 0.5 * mood_noise + rng.gauss(0, 0.8))
        if rng.random() < 0.9:
            checkins.append(
                CheckIn(day=day, mood=max(1, min(10, mood)), stress=max(1, min(10, stress)))
            )
    record(uow=uow, items=items, now=now)
    for checkin in checkins:
        uow.checkins.upsert(checkin, now=datetime.combine(checkin.day, time(21), tzinfo=UTC))
    for person, text in zip(rng.sample(people[:20], len(FOLLOWUPS)), FOLLOWUPS, strict=True):
        assert person.id is not None
        due = today + timedelta(days=rng.randint(-2, 5))
        uow.followups.add(FollowUp(person_id=person.id, text=text, due=due, created_at=now))
    uow.commit()
    return DemoSummary(len(people), len(items), len(checkins))
