"""The planner's hot loop: one cheap pass that scores everyone in the plan.

Days since contact come from day numbers (no zone conversion per person, except for the rare
instant within two hours of a local midnight); birthdays are matched against a precomputed
table of the next eight days. Only the people at the top become :class:`Candidate` records.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from kithkin.domain.catalogue import Action
from kithkin.domain.model import Barrier, Feeling, FollowUp, Person, PersonStatus
from kithkin.domain.timeutil import local_day, zone
from kithkin.domain.windows import Interval, WakingHours

if TYPE_CHECKING:
    from kithkin.domain.planner import PersonHistory, PlanInput

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
DAY_SECONDS = 86_400
MIDNIGHT_MARGIN = 7_200  # near a local midnight, do the exact zone conversion
BIRTHDAY_HORIZON = 7
DORMANT_MIN_DAYS = 90
DORMANT_CADENCES = 3
DORMANT_PEAK = 4
SKIP_SINK_DAYS = 7
RATIO_CAP = 3.0
NEVER_RATIO = 2.0

_ACTIVE = PersonStatus.ACTIVE
_ENERGISING = Feeling.ENERGISING
_DRAINING = Feeling.DRAINING


@dataclass(slots=True)
class Context:
    """Values worked out once per plan."""

    inp: PlanInput
    today_ord: int
    today_epoch_day: int
    offset_seconds: float
    birthdays: dict[tuple[int, int], int]
    minutes: int
    energy_left: int | None
    recovery_day: bool
    anxiety_cap: int | None
    little_time: bool
    introvert: bool
    anxious: bool
    reconnects_left: int
    now_only: bool
    now: datetime
    horizon: datetime
    user_tz: str
    user_hours: WakingHours
    free_slots: list[Interval] | None
    yesterday_people: frozenset[int]
    yesterday_actions: frozenset[str]
    person_actions: list[Action]
    weak_actions: list[Action]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person near the top of the ranking, with the facts behind the score."""

    person: Person
    person_id: int
    score: float
    days: int | None
    cadence: int
    ratio: float
    follow_up: FollowUp | None
    birthday_in: int | None
    dormant: bool
    history: PersonHistory | None


def make_context(inp: PlanInput, *, now_only: bool) -> Context:
    """Precompute everything the scoring and the choice need once."""
    from kithkin.domain.planner import DEFAULT_ANXIETY_CAP

    profile = inp.profile
    tz = zone(profile.timezone)
    offset = inp.now.astimezone(tz).utcoffset()
    minutes = (
        profile.minutes_on(inp.today) if inp.minutes_available is None else inp.minutes_available
    )
    barriers = profile.barriers
    introvert = Barrier.INTROVERSION in barriers
    anxious = Barrier.SOCIAL_ANXIETY in barriers
    cap = (inp.anxiety_cap or DEFAULT_ANXIETY_CAP) if anxious else None
    tomorrow = inp.today + timedelta(days=1)
    return Context(
        inp=inp,
        today_ord=inp.today.toordinal(),
        today_epoch_day=inp.today.toordinal() - EPOCH_ORDINAL,
        offset_seconds=offset.total_seconds() if offset else 0.0,
        birthdays=_birthday_table(inp.today),
        minutes=minutes,
        energy_left=inp.energy_budget - inp.energy_spent_week if introvert else None,
        recovery_day=introvert and inp.last_high_load_day == inp.today - timedelta(days=1),
        anxiety_cap=cap,
        little_time=Barrier.LITTLE_TIME in barriers,
        introvert=introvert,
        anxious=anxious,
        reconnects_left=max(0, inp.max_reconnects_per_week - inp.reconnects_this_week),
        now_only=now_only,
        now=inp.now.astimezone(UTC),
        horizon=datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=tz).astimezone(UTC),
        user_tz=profile.timezone,
        user_hours=WakingHours(profile.waking_start_hour * 60, profile.waking_end_hour * 60),
        free_slots=sorted(inp.free_slots) if inp.free_slots is not None else None,
        yesterday_people=inp.yesterday_people,
        yesterday_actions=inp.yesterday_actions,
        person_actions=[a for a in inp.actions if not a.weak_tie],
        weak_actions=[a for a in inp.actions if a.weak_tie],
    )


def _birthday_table(today: date) -> dict[tuple[int, int], int]:
    """(month, day) -> days until that birthday, for today and the next seven days."""
    table: dict[tuple[int, int], int] = {}
    for ahead in range(BIRTHDAY_HORIZON + 1):
        day = today + timedelta(days=ahead)
        table.setdefault((day.month, day.day), ahead)
        if day.month == 2 and day.day == 28 and not _leap(day.year):
            table.setdefault((2, 29), ahead)  # 29 February birthdays fall on the 28th
    return table


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_since(ctx: Context, person: Person, history: PersonHistory | None) -> int | None:
    """Whole local days since the last meaningful contact, or None if never in touch."""
    if history is not None and history.last_day is not None:
        return ctx.today_ord - history.last_day.toordinal()
    instant = person.last_contact_at
    if instant is None:
        return None
    local = instant.timestamp() + ctx.offset_seconds
    day_number = int(local // DAY_SECONDS)
    into_day = local - day_number * DAY_SECONDS
    if into_day < MIDNIGHT_MARGIN or into_day > DAY_SECONDS - MIDNIGHT_MARGIN:
        day_number = local_day(instant, ctx.user_tz).toordinal() - EPOCH_ORDINAL
    return ctx.today_epoch_day - day_number


def follow_up_points(follow_ups: Sequence[FollowUp], today: date) -> tuple[float, FollowUp | None]:
    """The most pressing open follow-up and its points (due soon first)."""
    best: tuple[float, FollowUp | None] = (0.0, None)
    for item in follow_ups:
        if item.done:
            continue
        if item.due is None:
            points = 8.0
        else:
            ahead = (item.due - today).days
            points = 40.0 if ahead <= 0 else 34.0 - 3 * ahead if ahead <= 3 else 4.0
        if points > best[0] or (
            points == best[0] and best[1] is not None and (item.id or 0) < (best[1].id or 0)
        ):
            best = (points, item)
    return best


def score(ctx: Context, person: Person) -> tuple[float, Candidate | None] | None:  # noqa: PLR0911, PLR0912
    """The person's score, or None when they are not a candidate today.

    The candidate record is only built when ``detail`` facts are needed (see :func:`rank`).
    """
    inp = ctx.inp
    if person.archived or person.status is not _ACTIVE or person.circle is None:
        return None
    pid = person.id
    if pid is None:
        return None
    cadence = person.cadence_days or inp.circles.get(person.circle)
    if cadence is None:
        return None
    birthday_in = None
    if person.birthday is not None:
        birthday_in = ctx.birthdays.get((person.birthday.month, person.birthday.day))
    if pid in inp.exclude_people and birthday_in != 0:
        return None
    outcome = inp.outcomes.get(pid) if inp.outcomes else None
    sink = 1.0
    if outcome is not None:
        if outcome.snoozed_until is not None and outcome.snoozed_until.toordinal() > ctx.today_ord:
            return None
        if outcome.skipped_on is not None:
            ago = ctx.today_ord - outcome.skipped_on.toordinal()
            if 0 <= ago < SKIP_SINK_DAYS:
                sink = 0.25 + 0.75 * ago / SKIP_SINK_DAYS
    history = inp.history.get(pid) if inp.history else None
    days = days_since(ctx, person, history)
    ratio = NEVER_RATIO if days is None else days / cadence
    total = 12.0 * min(ratio, RATIO_CAP) + 2.5 * person.closeness
    feeling = person.feeling
    if feeling is _ENERGISING:
        total += 4.0
    elif feeling is _DRAINING:
        total -= 4.0
    follow_up = None
    follow_ups = inp.follow_ups.get(pid) if inp.follow_ups else None
    if follow_ups:
        points, follow_up = follow_up_points(follow_ups, inp.today)
        total += points
    if birthday_in is not None:
        total += 100.0 if birthday_in == 0 else 20.0 - 2 * birthday_in
    dormant = False
    if days is not None and days >= DORMANT_MIN_DAYS and days >= DORMANT_CADENCES * cadence:
        peak = history.peak_closeness if history is not None and history.peak_closeness else 0
        if max(peak, person.closeness) >= DORMANT_PEAK:
            if ctx.reconnects_left <= 0 and birthday_in is None and follow_up is None:
                return None
            dormant = True
            total += 8.0
    total = max(total * sink, 0.5)
    if not dormant and birthday_in is None and follow_up is None and days is not None:
        return total, None
    return total, Candidate(
        person, pid, total, days, cadence, ratio, follow_up, birthday_in, dormant, history
    )


def candidate(ctx: Context, person: Person) -> Candidate | None:
    """The full candidate record for one person (used for the chosen few)."""
    scored = score(ctx, person)
    if scored is None:
        return None
    total, cand = scored
    if cand is not None:
        return cand
    history = ctx.inp.history.get(person.id or 0) if ctx.inp.history else None
    days = days_since(ctx, person, history)
    cadence = person.cadence_days or ctx.inp.circles[person.circle or ""]
    ratio = NEVER_RATIO if days is None else days / cadence
    return Candidate(
        person, person.id or 0, total, days, cadence, ratio, None, None, False, history
    )


def rank(inp: PlanInput, ctx: Context, *, limit: int | None) -> list[Candidate]:
    """People in the plan, best first (ties by id); the top ``limit`` of them, or everyone."""
    keyed: list[tuple[float, int, int]] = []
    people = inp.people
    for index, person in enumerate(people):
        scored = score(ctx, person)
        if scored is not None:
            keyed.append((-scored[0], person.id or 0, index))
    top = sorted(keyed) if limit is None else heapq.nsmallest(limit, keyed)
    out = []
    for _, _, index in top:
        cand = candidate(ctx, people[index])
        if cand is not None:
            out.append(cand)
    return out
