"""Social energy: how much a logged interaction costs an introvert, on the catalogue's 1-3 scale.

Suggestions that were done carry their action's ``social_load``; interactions logged by hand
are costed by kind with :data:`KIND_LOAD` (our estimate: messages light, calls moderate,
long or group time in person heavy).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

HIGH_LOAD = 3

KIND_LOAD: dict[str, int] = {
    "text": 1,
    "voice_message": 1,
    "letter": 1,
    "online_community": 1,
    "small_talk": 1,
    "call": 2,
    "video_call": 2,
    "coffee": 2,
    "walk_run": 2,
    "cooking": 2,
    "other": 2,
    "meal": 3,
    "class": 3,
    "community_event": 3,
    "visit": 3,
}


def kind_load(kind: str) -> int:
    """The social load of an interaction of ``kind`` (2 for a kind not in the map)."""
    return KIND_LOAD.get(kind, 2)


def energy_summary(
    loads: Iterable[tuple[date, int]], *, week_start: date, today: date
) -> tuple[int, date | None]:
    """Load spent from ``week_start`` up to ``today`` (exclusive of later days), and the latest
    day before ``today`` with a high-load interaction."""
    spent = 0
    last_high: date | None = None
    for day, load in loads:
        if week_start <= day <= today:
            spent += load
        if load >= HIGH_LOAD and day < today and (last_high is None or day > last_high):
            last_high = day
    return spent, last_high
