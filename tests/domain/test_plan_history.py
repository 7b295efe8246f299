"""The planner's history, worked out from past suggestions and interactions without a database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kithkin.domain.model import Feeling
from kithkin.domain.plan.history import histories, outcomes, since_for_kinds, summarise
from kithkin.domain.plan.inputs import Outcome, PersonHistory
from kithkin.domain.plan.status import DONE, OPEN, SKIPPED, SNOOZED
from kithkin.domain.roster import Member

TODAY = date(2026, 11, 26)  # a Thursday


@dataclass(frozen=True)
class Past:
    day: date
    person_id: int | None
    action_id: str
    reconnect: bool = False
    status: str = OPEN
    social_load: int = 1
    snoozed_until: date | None = None


def member(pid: int, tz: str | None) -> Member:
    return Member(
        pid, f"P{pid}", "", "friends", None, 3, Feeling.NEUTRAL, tz, None, None, None, (), "", None
    )


def test_recent_actions_are_newest_first_without_repeats_and_only_within_the_window() -> None:
    past = [
        Past(TODAY, 1, "today-is-not-recent"),
        Past(date(2026, 11, 25), 1, "call"),
        Past(date(2026, 11, 24), 1, "text"),
        Past(date(2026, 11, 23), 1, "call"),
        Past(date(2026, 11, 12), 1, "day-14"),
        Past(date(2026, 11, 11), 1, "day-15"),
        Past(date(2026, 11, 25), None, "community"),
    ]
    got = summarise(past, [], today=TODAY)
    assert got.recent == {1: ["call", "text", "day-14"]}
    assert got.yesterday_people == frozenset({1})
    assert got.yesterday_actions == frozenset({"call", "community"})


def test_reconnects_count_this_week_before_today() -> None:
    past = [
        Past(TODAY, 1, "a", reconnect=True),
        Past(date(2026, 11, 24), 2, "b", reconnect=True),
        Past(date(2026, 11, 23), 3, "c", reconnect=True),  # Monday
        Past(date(2026, 11, 22), 4, "d", reconnect=True),  # last week
    ]
    assert summarise(past, [], today=TODAY).reconnects_this_week == 2


def test_energy_counts_done_suggestions_and_logged_kinds_of_this_week() -> None:
    past = [
        Past(date(2026, 11, 24), 1, "a", status=DONE, social_load=3),
        Past(date(2026, 11, 24), 2, "b", status=SKIPPED, social_load=3),
    ]
    kinds = [(date(2026, 11, 25), "text"), (date(2026, 11, 22), "visit")]
    got = summarise(past, kinds, today=TODAY)
    assert got.energy_spent_week == 3 + 1  # Sunday's visit was last week
    assert got.last_high_load_day == date(2026, 11, 24)
    assert since_for_kinds(TODAY) == date(2026, 11, 23)
    assert since_for_kinds(date(2026, 11, 23)) == date(2026, 11, 22)  # a Monday: yesterday too


def test_outcomes_keep_the_latest_skip_and_snooze_per_person() -> None:
    past = [
        Past(date(2026, 11, 20), 1, "a", status=SKIPPED),
        Past(date(2026, 11, 24), 1, "a", status=SKIPPED),
        Past(date(2026, 11, 21), 2, "b", status=SNOOZED, snoozed_until=date(2026, 12, 1)),
        Past(date(2026, 11, 22), 2, "b", status=SNOOZED, snoozed_until=date(2026, 11, 28)),
        Past(date(2026, 11, 22), 3, "c", status=OPEN, snoozed_until=date(2026, 12, 9)),
        Past(date(2026, 11, 22), None, "d", status=SKIPPED),
    ]
    assert outcomes(past) == {
        1: Outcome(skipped_on=date(2026, 11, 24)),
        2: Outcome(snoozed_until=date(2026, 12, 1)),
    }
    assert summarise(past, [], today=TODAY).outcomes == outcomes(past)


def test_histories_mark_nearness_and_recent_actions() -> None:
    people = [
        member(1, None),
        member(2, "Europe/Berlin"),
        member(3, "Asia/Tokyo"),
        member(4, "Asia/Tokyo"),
    ]
    got = histories(people, {1: ["call"], 3: ["text", "call"]}, "Europe/Berlin")
    assert got == {
        1: PersonHistory(recent_actions=("call",), nearby=True),
        2: PersonHistory(nearby=True),
        3: PersonHistory(recent_actions=("text", "call"), nearby=False),
    }
