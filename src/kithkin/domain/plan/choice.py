"""Choosing how: the action that fits a person, the minutes, the energy and the clock."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from kithkin.domain.catalogue import Action, interest_tags
from kithkin.domain.windows import (
    Interval,
    earliest_start,
    intersect,
    shared_windows,
    subtract,
    waking_intervals,
)

if TYPE_CHECKING:
    from kithkin.domain.plan.scoring import Candidate, Context

DEPTH = {"async_message": 0, "voice_message": 1, "call": 2, "video": 2, "in_person": 3}
GROUP_FIT = {"one_to_one": 4, "small_group": 0, "group": -6}


@dataclass(slots=True)
class State:
    """What the day's plan has used so far."""

    remaining: int
    energy_left: int | None
    reconnects_left: int
    people: set[int] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    taken: list[Interval] = field(default_factory=list)

    def take(self, chosen: Chosen) -> None:
        action = chosen.action
        self.remaining -= action.minutes
        if self.energy_left is not None:
            self.energy_left -= action.social_load
        self.actions.add(action.id)
        if chosen.candidate is not None:
            self.people.add(chosen.candidate.person_id)
            if chosen.candidate.dormant:
                self.reconnects_left -= 1
        if chosen.proposed_time is not None:
            end = chosen.proposed_time + timedelta(minutes=action.minutes)
            self.taken.append(Interval(chosen.proposed_time, end))


@dataclass(frozen=True, slots=True)
class Chosen:
    """A person (or None) and the action picked for them."""

    candidate: Candidate | None
    action: Action
    proposed_time: datetime | None
    other_tz: str
    shared_interest: str | None
    repeat: bool


def _allowed(action: Action, ctx: Context, state: State, *, strict: bool) -> bool:
    """Limits that hold whoever it is with: minutes, energy, recovery, ladder, variety."""
    if action.minutes > state.remaining:
        return False
    if state.energy_left is not None and action.social_load > state.energy_left:
        return False
    if ctx.recovery_day and action.social_load >= 3:
        return False
    if ctx.anxiety_cap is not None and action.anxiety > ctx.anxiety_cap:
        return False
    return not (strict and (action.id in ctx.yesterday_actions or action.id in state.actions))


def _occasion_ok(action: Action, cand: Candidate, *, far: bool, today: date) -> bool:
    occasion = action.occasion
    if not occasion:
        return True
    if occasion in ("follow_up", "upcoming_event"):
        item = cand.follow_up
        if item is None:
            return False
        ahead = item.due is not None and item.due > today
        return ahead == (occasion == "upcoming_event")
    if occasion == "birthday":
        return cand.birthday_in == 0
    if occasion == "reconnect":
        return cand.dormant
    return far  # far_away


def _base_preference(action: Action, ctx: Context, state: State, slots_left: int) -> float:
    pref = 0.0
    if ctx.little_time:
        pref += 15.0 if action.minutes <= 5 else -action.minutes / 3
    if ctx.introvert:
        pref += GROUP_FIT[action.group] - 3 * (action.social_load - 1)
    if ctx.anxious:
        pref -= 2 * action.anxiety
    if action.minutes * slots_left > state.remaining:
        pref -= 5.0  # leave room for the rest of the day's ideas
    if action.id in state.actions:
        pref -= 6.0
    return pref


def _jitter(action: Action, ctx: Context, seed: int) -> float:
    """A small, date-seeded nudge so near-equal actions take turns across days."""
    return ((zlib.crc32(action.id.encode()) + ctx.today_ord + seed) % 5) * 0.3


def choose_for_person(
    cand: Candidate, ctx: Context, state: State, *, strict: bool, slots_left: int
) -> Chosen | None:
    """The best-fitting action for ``cand``, with a proposed time for calls and videos."""
    person = cand.person
    other_tz = person.timezone or ctx.user_tz
    far = other_tz != ctx.user_tz
    tags = interest_tags(person.interests)
    has_phone = any(c.kind == "phone" for c in person.contacts)
    nearby = cand.history.nearby if cand.history is not None else False
    recent = cand.history.recent_actions[:2] if cand.history is not None else ()
    options: list[tuple[float, str, Action, str | None]] = []
    for action in ctx.person_actions:
        if not _allowed(action, ctx, state, strict=strict) or not _occasion_ok(
            action, cand, far=far, today=ctx.inp.today
        ):
            continue
        needs = action.needs
        if ("phone" in needs and not has_phone) or ("same_city" in needs and not nearby):
            continue
        shared = next((tags[t] for t in action.selfcare if t in tags), None)
        if "shared_interest" in needs and shared is None:
            continue
        if strict and action.id in recent:
            continue
        pref = _base_preference(action, ctx, state, slots_left) + _jitter(
            action, ctx, cand.person_id
        )
        pref += 40.0 if action.occasion else 0.0
        if not ctx.little_time:
            pref += DEPTH[action.channel] * person.closeness * 0.8
        pref += 6.0 if shared is not None else 0.0
        options.append((-pref, action.id, action, shared))
    options.sort(key=lambda o: (o[0], o[1]))
    for _, _, action, shared in options:
        ok, when = _timing(action, ctx, state, other_tz)
        if ok:
            repeat = not strict and (
                cand.person_id in ctx.yesterday_people or action.id in ctx.yesterday_actions
            )
            return Chosen(cand, action, when, other_tz, shared, repeat)
    return None


def choose_weak_tie(ctx: Context, state: State, *, slots_left: int) -> Chosen | None:
    """A moment with an acquaintance or a community, when one fits."""
    for strict in (True, False):
        options: list[tuple[float, str, Action]] = []
        for action in ctx.weak_actions:
            if not _allowed(action, ctx, state, strict=strict) or "shared_interest" in action.needs:
                continue
            if not strict and action.id in state.actions:
                continue
            pref = _base_preference(action, ctx, state, slots_left) + _jitter(action, ctx, 0)
            pref -= action.minutes / 10  # a weak-tie moment should stay small
            options.append((-pref, action.id, action))
        options.sort(key=lambda o: (o[0], o[1]))
        for _, _, action in options:
            ok, when = _timing(action, ctx, state, ctx.user_tz)
            if ok:
                repeat = not strict and action.id in ctx.yesterday_actions
                return Chosen(None, action, when, ctx.user_tz, None, repeat)
    return None


def _timing(
    action: Action, ctx: Context, state: State, other_tz: str
) -> tuple[bool, datetime | None]:
    """Whether the action can happen today, and when (for calls, videos and calendar slots)."""
    length = timedelta(minutes=action.minutes)
    if action.live:
        windows = shared_windows(
            start=ctx.now,
            end=ctx.horizon,
            user_tz=ctx.user_tz,
            other_tz=other_tz,
            minutes=action.minutes,
            user_hours=ctx.user_hours,
            other_hours=ctx.inp.other_waking,
        )
    elif ctx.free_slots is not None and action.channel == "in_person":
        windows = waking_intervals(
            start=ctx.now, end=ctx.horizon, tz=ctx.user_tz, hours=ctx.user_hours
        )
    else:
        return True, None
    if ctx.free_slots is not None:
        windows = intersect(windows, ctx.free_slots)
    windows = subtract(windows, state.taken)
    if ctx.now_only:
        fits = any(w.contains(ctx.now, ctx.now + length) for w in windows)
        return fits, (ctx.now if fits else None)
    start = earliest_start(windows, minutes=action.minutes, not_before=ctx.now)
    return start is not None, start
