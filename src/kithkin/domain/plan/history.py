"""What past suggestions and interactions say, for the planner: pure, no database.

The service reads the rows (:func:`kithkin.services.planning.gather`); everything worked out
from them lives here: recent actions per person, this week's reconnects, yesterday's people and
actions, the social energy spent, skips and snoozes, and each person's history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from kithkin.domain.plan.energy import energy_summary, kind_load
from kithkin.domain.plan.inputs import Outcome, PersonHistory
from kithkin.domain.plan.status import DONE, SKIPPED, SNOOZED
from kithkin.domain.roster import RANKING_ROW, Member, RankingRows

# Where a member and a ranking row keep the time zone (the id comes first in both).
_MEMBER_ZONE = Member._fields.index("timezone")
_ROW_ZONE = RANKING_ROW.index("timezone")

RECENT_WINDOW = 14  # days of suggestions that count as "recent actions" for a person


class PastSuggestion(Protocol):
    """The fields of a stored suggestion the planner's history reads."""

    @property
    def day(self) -> date: ...
    @property
    def person_id(self) -> int | None: ...
    @property
    def action_id(self) -> str: ...
    @property
    def reconnect(self) -> bool: ...
    @property
    def status(self) -> str: ...
    @property
    def social_load(self) -> int: ...
    @property
    def snoozed_until(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class Past:
    """The summary of past suggestions and interactions that goes into a plan input."""

    recent: dict[int, list[str]]  # action ids per person, newest first, within RECENT_WINDOW
    reconnects_this_week: int
    yesterday_people: frozenset[int]
    yesterday_actions: frozenset[str]
    energy_spent_week: int
    last_high_load_day: date | None
    outcomes: dict[int, Outcome]


def since_for_kinds(today: date) -> date:
    """The first day whose interactions :func:`summarise` needs (this week and yesterday)."""
    monday = today - timedelta(days=today.weekday())
    return min(monday, today - timedelta(days=1))


def summarise(
    past: Sequence[PastSuggestion],
    kinds: Iterable[tuple[date, str]],
    *,
    today: date,
) -> Past:
    """``past``: stored suggestions, newest first; ``kinds``: (local day, kind) of the
    interactions logged since :func:`since_for_kinds`."""
    monday = today - timedelta(days=today.weekday())
    yesterday = today - timedelta(days=1)
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
    load_of: dict[str, int] = {}
    for d, k in kinds:
        load = load_of.get(k)
        if load is None:
            load = load_of[k] = kind_load(k)
        loads.append((d, load))
    spent, last_high = energy_summary(loads, week_start=monday, today=today)
    return Past(
        recent=recent,
        reconnects_this_week=reconnects,
        yesterday_people=frozenset(y_people),
        yesterday_actions=frozenset(y_actions),
        energy_spent_week=spent,
        last_high_load_day=last_high,
        outcomes=outcomes(past),
    )


def histories(
    people: Sequence[Member], recent: dict[int, list[str]], user_tz: str
) -> dict[int, PersonHistory]:
    """Recent actions and nearness per person (only for people with either)."""
    plain_nearby = PersonHistory(nearby=True)  # frozen: shared by everyone with nothing else
    # One comprehension and a dict made in C: this runs for everyone in the plan. Ranking rows
    # are read as they are (id and time zone by position), not made into members.
    rows: Sequence[tuple[Any, ...]] = people
    zone_at = _MEMBER_ZONE
    if type(people) is RankingRows:
        rows, zone_at = people.rows, _ROW_ZONE
    history = dict.fromkeys(
        [row[0] for row in rows if (tz := row[zone_at]) is None or tz == user_tz], plain_nearby
    )
    if recent:
        ids = {row[0] for row in rows}
        for pid, mine in recent.items():
            if pid in ids and mine:
                history[pid] = PersonHistory(recent_actions=tuple(mine), nearby=pid in history)
    return history


def outcomes(past: Iterable[PastSuggestion]) -> dict[int, Outcome]:
    """The latest skip and the latest snooze per person."""
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
