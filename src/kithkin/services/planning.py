"""Gathering everything the planner needs, in a handful of queries, and the action catalogue.

The built-in catalogue is read once per process from the package's files; custom actions
come from the database and join it through :func:`kithkin.domain.catalogue.merge_actions`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kithkin.domain.catalogue import (
    Action,
    action_from_mapping,
    action_to_mapping,
    merge_actions,
    parse_actions,
)
from kithkin.domain.model import Barrier, FollowUp, Profile
from kithkin.domain.timeutil import local_day
from kithkin.services.people import circle_cadences
from kithkin.services.planning_ports import DONE, SKIPPED, SNOOZED, PlanningUnitOfWork
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:  # the planner is imported when a plan is computed, not to read one back
    from kithkin.domain.planner import Outcome, PersonHistory, PlanInput
    from kithkin.domain.roster import Member

CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue" / "actions.toml"
OUTCOME_WINDOW = 60  # days of suggestions read for skips and snoozes
RECENT_WINDOW = 14  # days of suggestions that count as "recent actions" for a person


@lru_cache(maxsize=1)
def builtin_actions() -> tuple[Action, ...]:
    """The built-in catalogue (``kithkin/catalogue/actions.toml``), parsed once. Read beside
    the package's own files, as the migrations are: ``importlib.resources`` (for zipped
    packages, which kithkin is not) would cost the daily loop a tenth of its start-up."""
    return parse_actions(CATALOGUE.read_text("utf-8"))


def load_actions(*, uow: PlanningUnitOfWork) -> tuple[Action, ...]:
    """Built-in actions followed by the user's own."""
    custom = [action_from_mapping(row, custom=True) for row in uow.custom_actions.find()]
    return merge_actions(builtin_actions(), custom) if custom else builtin_actions()


def add_action(*, uow: PlanningUnitOfWork, now: datetime, fields: Mapping[str, Any]) -> Action:
    """Validate and store a custom action; its id may not clash with any other action."""
    action = action_from_mapping(fields, custom=True)
    merge_actions(load_actions(uow=uow), [action])
    uow.custom_actions.add(action_to_mapping(action), created_at=now)
    uow.commit()
    return action


@dataclass(frozen=True, slots=True)
class Gathered:
    """A plan input and the people it was built from (by id), for rendering."""

    inp: PlanInput
    people: dict[int, Member]
    actions: dict[str, Action]


def gather(
    *,
    uow: PlanningUnitOfWork,
    now: datetime,
    profile: Profile | None = None,
    members: list[Member] | None = None,
) -> Gathered:
    """Everything :func:`kithkin.domain.planner.plan_day` needs for the local day of ``now``.

    ``members`` is the lean roster (``uow.people.roster()``) when the caller already has it.
    """
    from kithkin.domain.plan_energy import energy_summary, kind_load
    from kithkin.domain.planner import PlanInput

    profile = profile or get_profile(uow=uow)
    today = local_day(now, profile.timezone)
    if members is None:
        members = uow.people.roster()
    people = [m for m in members if m.circle is not None]
    actions = load_actions(uow=uow)
    follow_ups: dict[int, list[FollowUp]] = {}
    for item in uow.followups.find(open_only=True):
        follow_ups.setdefault(item.person_id, []).append(item)
    monday = today - timedelta(days=today.weekday())
    yesterday = today - timedelta(days=1)
    past = uow.suggestions.since(today - timedelta(days=OUTCOME_WINDOW))
    outcomes = _outcomes(past)
    recent: dict[int, list[str]] = {}
    reconnects = 0
    loads: list[tuple[date, int]] = []
    y_people: set[int] = set()
    y_actions: set[str] = set()
    for s in past:  # newest first
        if s.person_id is not None and (today - s.day).days <= RECENT_WINDOW and s.day < today:
            seen = recent.setdefault(s.person_id, [])
            if s.action_id not in seen:
                seen.append(s.action_id)
        if s.reconnect and monday <= s.day < today:
            reconnects += 1
        if s.status == DONE:
            loads.append((s.day, s.social_load))
        if s.day == yesterday:
            y_actions.add(s.action_id)
            if s.person_id is not None:
                y_people.add(s.person_id)
    since = min(monday, yesterday)
    load_of: dict[str, int] = {}
    for d, k in uow.plan_data.interaction_kinds(since=since):
        load = load_of.get(k)
        if load is None:
            load = load_of[k] = kind_load(k)
        loads.append((d, load))
    spent, last_high = energy_summary(loads, week_start=monday, today=today)
    inp = PlanInput(
        today=today,
        now=now,
        profile=profile,
        people=people,
        actions=actions,
        circles=circle_cadences(uow=uow),
        follow_ups={k: tuple(v) for k, v in follow_ups.items()},
        history=_histories(people, recent, profile.timezone),
        outcomes=outcomes,
        energy_spent_week=spent,
        last_high_load_day=last_high,
        anxiety_cap=_ladder_cap(uow=uow, profile=profile),
        yesterday_people=frozenset(y_people),
        yesterday_actions=frozenset(y_actions),
        reconnects_this_week=reconnects,
    )
    return Gathered(inp, {p.id: p for p in people}, {a.id: a for a in actions})


def _histories(
    people: list[Member], recent: dict[int, list[str]], user_tz: str
) -> dict[int, PersonHistory]:
    """Recent actions and nearness per person (only for people with either)."""
    from kithkin.domain.planner import PersonHistory

    history: dict[int, PersonHistory] = {}
    plain_nearby = PersonHistory(nearby=True)  # frozen: shared by everyone with nothing else
    for p in people:
        pid = p.id
        tz = p.timezone
        nearby = tz is None or tz == user_tz
        mine = recent.get(pid)
        if mine:
            history[pid] = PersonHistory(recent_actions=tuple(mine), nearby=nearby)
        elif nearby:
            history[pid] = plain_nearby
    return history


def _outcomes(past: list[Any]) -> dict[int, Outcome]:
    from kithkin.domain.planner import Outcome

    skipped: dict[int, date] = {}
    snoozed: dict[int, date] = {}
    for s in past:
        pid = s.person_id
        if pid is None:
            continue
        if s.status == SKIPPED and (pid not in skipped or s.day > skipped[pid]):
            skipped[pid] = s.day
        until = s.snoozed_until if s.status == SNOOZED else None
        if until is not None and (pid not in snoozed or until > snoozed[pid]):
            snoozed[pid] = until
    return {
        pid: Outcome(skipped_on=skipped.get(pid), snoozed_until=snoozed.get(pid))
        for pid in skipped.keys() | snoozed.keys()
    }


def _ladder_cap(*, uow: PlanningUnitOfWork, profile: Profile) -> int | None:
    if Barrier.SOCIAL_ANXIETY not in profile.barriers:
        return None
    from kithkin.domain.ladder import anxiety_cap

    stored = uow.ladders.active()
    return None if stored is None else anxiety_cap(stored.ladder, stored.level)
