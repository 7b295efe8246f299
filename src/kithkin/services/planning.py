"""Gathering everything the planner needs, in a handful of queries, and the action catalogue.

The built-in catalogue is read once per process from the package's files; custom actions
come from the database and join it through :func:`kithkin.domain.catalogue.merge_actions`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
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
from kithkin.services.planning_ports import PlanningUnitOfWork
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:  # the planner is imported when a plan is computed, not to read one back
    from kithkin.domain.plan.inputs import PlanInput
    from kithkin.domain.roster import Member
    from kithkin.services.daily_ports import DailyPlanReads

CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue" / "actions.toml"
OUTCOME_WINDOW = 60  # days of suggestions read for skips and snoozes


@lru_cache(maxsize=1)
def builtin_actions() -> tuple[Action, ...]:
    """The built-in catalogue (``kithkin/catalogue/actions.toml``), parsed once. Read beside
    the package's own files, as the migrations are: ``importlib.resources`` (for zipped
    packages, which kithkin is not) would cost the daily loop a tenth of its start-up."""
    return parse_actions(CATALOGUE.read_text("utf-8"))


def load_actions(*, uow: DailyPlanReads) -> tuple[Action, ...]:
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
    """A plan input and the actions by id, for rendering."""

    inp: PlanInput
    actions: dict[str, Action]


def gather(
    *,
    uow: PlanningUnitOfWork,
    now: datetime,
    profile: Profile | None = None,
    members: list[Member] | None = None,
) -> Gathered:
    """Everything :func:`kithkin.domain.plan.planner.plan_day` needs for the local day of ``now``.

    ``members`` is the lean roster (``uow.people.roster()``) when the caller already has it;
    without it the plan ranks from the narrower ranking roster (``uow.people.ranking_roster()``)
    and reads the full members of the few at the top only (10,000 people: see
    ``docs/performance.md``).
    """
    from kithkin.domain.plan import history
    from kithkin.domain.plan.inputs import PlanInput

    profile = profile or get_profile(uow=uow)
    today = local_day(now, profile.timezone)
    full_members = None
    people: Sequence[Member]
    if members is None:  # rank from the ranking roster; the few at the top are read in full
        people = uow.people.ranking_roster()
        full_members = _full_members(uow)
    else:
        people = [m for m in members if m.circle is not None]
    actions = load_actions(uow=uow)
    follow_ups: dict[int, list[FollowUp]] = {}
    for item in uow.followups.open_for_plan():
        follow_ups.setdefault(item.person_id, []).append(item)
    past = uow.suggestions.since(today - timedelta(days=OUTCOME_WINDOW))
    kinds = uow.plan_data.interaction_kinds(since=history.since_for_kinds(today))
    summary = history.summarise(past, kinds, today=today)
    inp = PlanInput(
        today=today,
        now=now,
        profile=profile,
        people=people,
        actions=actions,
        circles=circle_cadences(uow=uow),
        follow_ups={k: tuple(v) for k, v in follow_ups.items()},
        history=history.histories(people, summary.recent, profile.timezone),
        outcomes=summary.outcomes,
        energy_spent_week=summary.energy_spent_week,
        last_high_load_day=summary.last_high_load_day,
        anxiety_cap=_ladder_cap(uow=uow, profile=profile),
        yesterday_people=summary.yesterday_people,
        yesterday_actions=summary.yesterday_actions,
        reconnects_this_week=summary.reconnects_this_week,
        full_members=full_members,
    )
    return Gathered(inp, {a.id: a for a in actions})


def _full_members(uow: PlanningUnitOfWork) -> Callable[[Sequence[int]], Mapping[int, Member]]:
    """The full roster members of the given ids, read once each (a week's plan asks each day)."""
    known: dict[int, Member] = {}

    def full(person_ids: Sequence[int]) -> Mapping[int, Member]:
        missing = [pid for pid in person_ids if pid not in known]
        if missing:
            known.update(uow.people.roster_of(missing))
        return known

    return full


def _ladder_cap(*, uow: PlanningUnitOfWork, profile: Profile) -> int | None:
    if Barrier.SOCIAL_ANXIETY not in profile.barriers:
        return None
    from kithkin.domain.ladder import anxiety_cap

    stored = uow.ladders.active()
    return None if stored is None else anxiety_cap(stored.ladder, stored.level)
