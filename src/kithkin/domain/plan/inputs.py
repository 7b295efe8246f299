"""The planner's inputs and constants: the bottom of :mod:`kithkin.domain.plan`.

Nothing here imports from the rest of the package, so scoring, choice, reasons and the planner
can all read these shapes without importing one another in a circle.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from kithkin.domain.model import FollowUp, Person, Profile
from kithkin.domain.windows import DEFAULT_WAKING, Interval, WakingHours

if TYPE_CHECKING:
    from kithkin.domain.catalogue import Action
    from kithkin.domain.roster import Member

DEFAULT_ENERGY_BUDGET = 12  # social-load points a week for someone who names introversion
DEFAULT_ANXIETY_CAP = 2  # catalogue anxiety for a socially anxious beginner without a ladder


@dataclass(frozen=True, slots=True)
class PersonHistory:
    """What the interaction history says about one person (computed by the service)."""

    last_day: date | None = None  # local day of the last meaningful contact
    peak_closeness: int | None = None  # the closest the user ever rated them
    interactions: int = 0  # meaningful interactions, all time
    last_kind: str | None = None
    recent_actions: tuple[str, ...] = ()  # action ids used or suggested lately, newest first
    nearby: bool = False  # lives close enough to meet (the service decides how it knows)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the user did with recent suggestions for a person."""

    skipped_on: date | None = None
    snoozed_until: date | None = None  # hidden while today is before this day


@dataclass(frozen=True, slots=True)
class PlanInput:
    """Everything the planner needs. ``now`` is an aware UTC instant; ``today`` the local day."""

    today: date
    now: datetime
    profile: Profile
    people: Sequence[Person | Member]  # Members (lean) from storage; Persons are converted
    actions: Sequence[Action]
    circles: Mapping[str, int] = field(default_factory=dict)
    follow_ups: Mapping[int, Sequence[FollowUp]] = field(default_factory=dict)
    history: Mapping[int, PersonHistory] = field(default_factory=dict)
    outcomes: Mapping[int, Outcome] = field(default_factory=dict)
    energy_spent_week: int = 0  # social load of this ISO week's logged interactions
    last_high_load_day: date | None = None  # latest day with a load-3 interaction
    energy_budget: int = DEFAULT_ENERGY_BUDGET
    anxiety_cap: int | None = None  # from ladder.anxiety_cap; None: no ladder yet
    minutes_available: int | None = None  # None: the profile's minutes for today
    free_slots: tuple[Interval, ...] | None = None  # from a calendar; None: no calendar
    yesterday_people: frozenset[int] = frozenset()
    yesterday_actions: frozenset[str] = frozenset()
    max_reconnects_per_week: int = 2
    reconnects_this_week: int = 0
    other_waking: WakingHours = DEFAULT_WAKING  # assumed waking hours of the other person
    exclude_people: frozenset[int] = frozenset()  # already planned (plan_week); birthdays excepted
    # When ``people`` are ranking members (only what the scores need: see
    # ``PeopleRepo.ranking_roster``), the full members of the given ids, for the few at the top.
    full_members: Callable[[Sequence[int]], Mapping[int, Member]] | None = None
