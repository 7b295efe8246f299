"""Onboarding and the profile."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kithkin.domain.errors import NotInitialised
from kithkin.domain.model import DEFAULT_CIRCLES, Barrier, Circle, Profile, check_choice
from kithkin.domain.timeutil import local_day, zone

if TYPE_CHECKING:
    from kithkin.services.daily_ports import DailyReads
    from kithkin.services.ports import UnitOfWork


def parse_barriers(values: Iterable[str]) -> frozenset[Barrier]:
    """Barriers from user text ("little-time", "introversion", ...); 'none' means none."""
    out = set()
    allowed = [b.value for b in Barrier]
    for raw in values:
        for part in raw.split(","):
            name = part.strip().lower().replace("-", "_").replace(" ", "_")
            if name in ("", "none"):
                continue
            out.add(Barrier(check_choice("barrier", name, allowed)))
    return frozenset(out)


def get_profile(*, uow: DailyReads) -> Profile:
    """The user's profile, or :class:`NotInitialised`."""
    profile = uow.profile.get()
    if profile is None:
        raise NotInitialised()
    return profile


def ensure_circles(*, uow: UnitOfWork) -> list[Circle]:
    """Create the default circles (inner, close, friends, wider) where missing."""
    existing = {c.name for c in uow.circles.find()}
    for position, (name, cadence) in enumerate(DEFAULT_CIRCLES):
        if name not in existing:
            uow.circles.save(Circle(name, cadence, position))
    return uow.circles.find()


def init_profile(*, uow: UnitOfWork, now: datetime, **fields: Any) -> Profile:
    """Create or update the profile (onboarding) and the default circles."""
    current = uow.profile.get()
    tz = fields.get("timezone") or (current.timezone if current else "UTC")
    zone(tz)
    base = current or Profile(timezone=tz, started_on=local_day(now, tz))
    changes = {k: v for k, v in fields.items() if v is not None}
    profile = replace(base, **changes)
    uow.profile.save(profile)
    ensure_circles(uow=uow)
    uow.plan_marks.mark()  # today's plan follows the profile (services.plan_events)
    uow.commit()
    return profile
