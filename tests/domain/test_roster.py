"""The lean roster gives exactly what the Person-based functions give, and the week planner's
score-once shortcut plans exactly like planning each day in full."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithkin.domain import cadence
from kithkin.domain.catalogue import Action
from kithkin.domain.model import Birthday, Feeling, Person, PersonStatus
from kithkin.domain.plan.inputs import PlanInput
from kithkin.domain.plan.planner import DayPlan, plan_day, plan_week
from kithkin.domain.plan.scoring import WeekScores, make_context, rank, score
from kithkin.domain.roster import (
    EPOCH_ORDINAL,
    LocalDays,
    Member,
    birthdays_soon,
    due_members,
    member_of,
)
from kithkin.domain.timeutil import day_start_utc, local_day
from tests.domain.test_planner import inputs

ZONES = ["UTC", "Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "Pacific/Apia"]
CIRCLES = {"inner": 7, "close": 14, "friends": 30, "wider": 90}


@given(
    seconds=st.integers(0, 2_000_000_000),
    tz=st.sampled_from(ZONES),
)
def test_local_days_match_the_zone(seconds: int, tz: str) -> None:
    expected = local_day(datetime.fromtimestamp(seconds, UTC), tz).toordinal() - EPOCH_ORDINAL
    assert LocalDays(tz).of(seconds) == expected


def test_local_days_across_a_dst_switch_and_apia_skipping_a_day() -> None:
    days = LocalDays("Europe/Berlin")
    switch = int(datetime(2025, 3, 30, 1, 0, tzinfo=UTC).timestamp())  # 03:00 local after
    for delta in range(-7200, 7200, 600):
        instant = datetime.fromtimestamp(switch + delta, UTC)
        assert days.of(switch + delta) == local_day(instant, "Europe/Berlin").toordinal() - (
            EPOCH_ORDINAL
        )
    apia = LocalDays("Pacific/Apia")  # 30 December 2011 never happened there
    before = int(datetime(2011, 12, 30, 9, 59, tzinfo=UTC).timestamp())
    assert apia.of(before) - apia.of(before - 86_400) == 1
    assert apia.of(before + 120) - apia.of(before) == 2


people = st.lists(
    st.builds(
        Person,
        name=st.sampled_from(["Ada", "ada", "Bo", "Cy", "Di"]),
        id=st.integers(1, 10_000),
        circle=st.sampled_from([*CIRCLES, None]),
        cadence_days=st.one_of(st.none(), st.integers(1, 60)),
        closeness=st.integers(1, 5),
        feeling=st.sampled_from(list(Feeling)),
        birthday=st.one_of(
            st.none(),
            st.builds(Birthday, st.integers(1, 12), st.integers(1, 28), st.none()),
            st.just(Birthday(2, 29)),
            st.just(Birthday(12, 31, 1990)),
        ),
        archived=st.booleans(),
        status=st.sampled_from(list(PersonStatus)),
        last_contact_at=st.one_of(
            st.none(),
            st.datetimes(
                min_value=datetime(2023, 1, 1),
                max_value=datetime(2026, 3, 1),
                timezones=st.just(UTC),
            ),
        ),
    ),
    max_size=30,
    unique_by=lambda p: p.id,
)


@given(people=people, today=st.dates(date(2024, 1, 1), date(2026, 3, 1)), tz=st.sampled_from(ZONES))
def test_due_members_match_standings(people: list[Person], today: date, tz: str) -> None:
    members = [m for p in people if (m := member_of(p)) is not None]
    due, in_touch, total = due_members(members, CIRCLES, today=today, tz=tz)
    active = [p for p in people if not p.archived and p.status is PersonStatus.ACTIVE]
    standings = cadence.standings(active, CIRCLES, today=today, tz=tz)
    assert (in_touch, total) == cadence.network_health(standings)
    expected = [(s.person.id, s.cadence_days, s.days_since) for s in standings if s.due]
    assert [(s.member.id, s.cadence_days, s.days_since) for s in due] == expected


@given(people=people, today=st.dates(date(2023, 1, 1), date(2030, 12, 31)))
def test_birthdays_soon_match_upcoming_birthdays(people: list[Person], today: date) -> None:
    members = [m for p in people if (m := member_of(p)) is not None]
    active = [p for p in people if not p.archived and p.status is PersonStatus.ACTIVE]
    expected = [
        (b.person.id, b.on, b.in_days, b.turns)
        for b in cadence.upcoming_birthdays(active, today=today)
    ]
    got = [(b.member.id, b.on, b.in_days, b.turns) for b in birthdays_soon(members, today=today)]
    assert got == expected


def test_due_boundary_is_the_start_of_a_local_day() -> None:
    """Within cadence c <=> last contact on or after the start of local day today - c + 1."""
    today, tz = date(2025, 3, 31), "Europe/Berlin"
    bound = day_start_utc(today - timedelta(days=6), tz)
    seconds = int(bound.timestamp())
    member = Member(
        1, "A", "", "inner", None, 3, Feeling.NEUTRAL, None, None, None, None, (), "", 0
    )
    just_in = member._replace(last_contact=seconds)
    just_out = member._replace(last_contact=seconds - 1)
    assert due_members([just_in, just_out], CIRCLES, today=today, tz=tz)[1:] == (1, 2)


def _plan_week_day_by_day(inp: PlanInput, days: int = 7) -> tuple[DayPlan, ...]:
    """The week as it was planned before WeekScores: every day scored in full."""
    ctx = make_context(inp, now_only=False)
    due = sum(1 for c in rank(inp, ctx, limit=None) if c.ratio >= 1.0)
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
        plan = plan_day(day_inp, n=per_day)
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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_week_scored_once_plans_like_day_by_day(
    data: st.DataObject, actions: tuple[Action, ...]
) -> None:
    inp = data.draw(inputs(actions))
    assert plan_week(inp) == _plan_week_day_by_day(inp)
    members = [m for p in inp.people if isinstance(p, Person) and (m := member_of(p))]
    lean = replace(inp, people=members)
    assert plan_week(lean) == plan_week(inp)
    assert plan_day(lean) == plan_day(inp)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), offset=st.integers(0, 6))
def test_week_scores_equal_full_scores_each_day(
    data: st.DataObject, offset: int, actions: tuple[Action, ...]
) -> None:
    inp = data.draw(inputs(actions))
    week = WeekScores.build(make_context(inp, now_only=False), 7)
    day = inp.today + timedelta(days=offset)
    day_inp = replace(inp, today=day, now=day_start_utc(day, inp.profile.timezone))
    ctx = make_context(day_inp, now_only=False)
    full = []
    for index, m in enumerate(ctx.members):
        scored = score(ctx, m)
        if scored is not None:
            full.append((-scored[0], m.id, index))
    assert sorted(week.keyed(ctx, offset)) == sorted(full)
