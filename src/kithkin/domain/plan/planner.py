"""The planner: who to connect with today, and how, fitted to time, energy and barriers.

Pure and deterministic: ``today`` and ``now`` come in with the :class:`PlanInput`, ties break by
id, and the only variation between days comes from the date itself. Scoring is one cheap pass
over everyone (:mod:`kithkin.domain.plan.scoring`); actions, times and reasons are worked out
only for the few people at the top.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from kithkin.domain.model import Barrier, Profile
from kithkin.domain.plan.choice import Chosen, State, choose_for_person, choose_weak_tie
from kithkin.domain.plan.inputs import PlanInput
from kithkin.domain.plan.scoring import Candidate, Context, WeekScores, make_context, rank
from kithkin.domain.reason import Reason
from kithkin.domain.timeutil import day_start_utc

if TYPE_CHECKING:
    pass


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One thing to do: with whom (None for a weak tie or community), how, and why."""

    rank: int
    person_id: int | None
    action_id: str
    minutes: int
    channel: str
    kind: str
    social_load: int
    anxiety: int
    reasons: tuple[Reason, ...]
    proposed_time: datetime | None = None  # UTC; set for calls, videos and calendar slots


@dataclass(frozen=True, slots=True)
class DayPlan:
    """The day's suggestions, the first one the Power of One pick."""

    day: date
    suggestions: tuple[Suggestion, ...]
    minutes_available: int
    minutes_planned: int
    energy_left: int | None  # None unless introversion is one of the barriers
    notes: tuple[Reason, ...] = ()


def plan_day(inp: PlanInput, n: int = 3) -> DayPlan:
    """Up to ``n`` suggestions for ``inp.today``; the first is the Power of One pick."""
    return _plan(inp, n=n, now_only=False)


def suggest_now(inp: PlanInput, minutes: int) -> Suggestion | None:
    """The single best thing to do right now with ``minutes`` to spare."""
    plan = _plan(replace(inp, minutes_available=minutes), n=1, now_only=True)
    return plan.suggestions[0] if plan.suggestions else None


def plan_week(inp: PlanInput, days: int = 7) -> tuple[DayPlan, ...]:
    """Plans for ``days`` days from ``inp.today``, spreading due people so no day floods.

    Each day holds at most ``ceil(due / days) + 1`` suggestions; a person planned on one day is
    not planned again that week (unless it is their birthday). Energy, reconnects and variety
    carry from day to day; the weekly counters restart on Mondays.
    """
    ctx = make_context(inp, now_only=False)
    week = WeekScores.build(ctx, days)  # everyone scored once, reused for each day
    due = week.due(ctx)
    per_day = max(1, math.ceil(due / days) + 1)
    plans: list[DayPlan] = []
    day_inp = inp
    placed: set[int] = set(inp.exclude_people)
    for offset in range(days):
        day = inp.today + timedelta(days=offset)
        if offset:
            monday = day.weekday() == 0
            day_inp = replace(
                day_inp,
                today=day,
                now=day_start_utc(day, inp.profile.timezone),
                minutes_available=None,
                free_slots=None,
                energy_spent_week=0 if monday else day_inp.energy_spent_week,
                reconnects_this_week=0 if monday else day_inp.reconnects_this_week,
            )
        day_inp = replace(day_inp, exclude_people=frozenset(placed))
        plan = _plan(day_inp, n=per_day, now_only=False, week=week, offset=offset)
        plans.append(plan)
        chosen = plan.suggestions
        placed.update(s.person_id for s in chosen if s.person_id is not None)
        high = any(s.social_load >= 3 for s in chosen)
        day_inp = replace(
            day_inp,
            energy_spent_week=day_inp.energy_spent_week + sum(s.social_load for s in chosen),
            reconnects_this_week=day_inp.reconnects_this_week
            + sum(1 for s in chosen if any(r.key == "plan.reason.reconnect" for r in s.reasons)),
            last_high_load_day=day if high else day_inp.last_high_load_day,
            yesterday_people=frozenset(s.person_id for s in chosen if s.person_id is not None),
            yesterday_actions=frozenset(s.action_id for s in chosen),
        )
    return tuple(plans)


def _plan(
    inp: PlanInput,
    *,
    n: int,
    now_only: bool,
    week: WeekScores | None = None,
    offset: int = 0,
) -> DayPlan:
    ctx = make_context(inp, now_only=now_only)
    notes = _notes(ctx)
    if ctx.minutes <= 0 or n <= 0:
        return DayPlan(inp.today, (), max(ctx.minutes, 0), 0, ctx.energy_left, notes)
    limit = max(64, 16 * min(n, ctx.minutes // 2 + 1))
    ranked = rank(inp, ctx, limit=limit, week=week, offset=offset)
    state = State(
        remaining=ctx.minutes, energy_left=ctx.energy_left, reconnects_left=ctx.reconnects_left
    )
    weak_slot = _weak_slot(inp.profile, n)
    picks: list[Chosen] = []
    for position in range(n):
        slots_left = n - position
        chosen = None
        if position != weak_slot:
            chosen = _next_person(ranked, ctx, state, slots_left)
        if chosen is None:
            chosen = choose_weak_tie(ctx, state, slots_left=slots_left)
        if chosen is None:
            break
        state.take(chosen)
        picks.append(chosen)
    if not ctx.members:  # not "nobody ranked": everyone may be planned already (plan_week)
        notes += (Reason("plan.note.nobody"),)
    if not picks and ctx.energy_left is not None and ctx.energy_left < 1:
        notes += (Reason("plan.note.recharge"),)
    shortest = min((a.minutes for a in inp.actions), default=0)
    if not picks and ctx.members and 0 < ctx.minutes < shortest:  # no dead end: say why
        notes += (Reason("plan.note.short_time", {"minutes": ctx.minutes, "shortest": shortest}),)
    suggestions = tuple(_suggestion(i + 1, c, ctx) for i, c in enumerate(picks))
    planned = sum(s.minutes for s in suggestions)
    return DayPlan(inp.today, suggestions, ctx.minutes, planned, state.energy_left, notes)


def _weak_slot(profile: Profile, n: int) -> int | None:
    """Where a weak-tie moment goes: second for the socially anxious, else last of three+."""
    if Barrier.SOCIAL_ANXIETY in profile.barriers:
        return 1 if n >= 2 else None
    return n - 1 if n >= 3 else None


def _next_person(
    ranked: Sequence[Candidate], ctx: Context, state: State, slots_left: int
) -> Chosen | None:
    for strict in (True, False):
        for cand in ranked:
            if cand.person_id in state.people:
                continue
            if strict and cand.person_id in ctx.yesterday_people:
                continue
            if cand.dormant and state.reconnects_left <= 0:
                continue
            chosen = choose_for_person(cand, ctx, state, strict=strict, slots_left=slots_left)
            if chosen is not None:
                return chosen
    return None


def _notes(ctx: Context) -> tuple[Reason, ...]:
    notes: tuple[Reason, ...] = ()
    if ctx.minutes <= 0:
        notes += (Reason("plan.note.no_minutes"),)
    if ctx.recovery_day:
        notes += (Reason("plan.note.recovery"),)
    return notes


def _suggestion(rank_no: int, chosen: Chosen, ctx: Context) -> Suggestion:
    from kithkin.domain.plan.reasons import reasons_for

    action = chosen.action
    return Suggestion(
        rank=rank_no,
        person_id=chosen.candidate.person_id if chosen.candidate else None,
        action_id=action.id,
        minutes=action.minutes,
        channel=action.channel,
        kind=action.kind,
        social_load=action.social_load,
        anxiety=action.anxiety,
        reasons=tuple(Reason(k, p) for k, p in reasons_for(chosen, ctx)),
        proposed_time=chosen.proposed_time,
    )
