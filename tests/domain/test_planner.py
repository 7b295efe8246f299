from __future__ import annotations

import json
import math
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithkin.domain.catalogue import Action
from kithkin.domain.model import (
    Barrier,
    Birthday,
    ContactPoint,
    Feeling,
    FollowUp,
    Person,
    PersonStatus,
    Profile,
)
from kithkin.domain.plan.inputs import Outcome, PersonHistory, PlanInput
from kithkin.domain.plan.planner import (
    DayPlan,
    plan_day,
    plan_week,
    suggest_now,
)
from kithkin.domain.plan.scoring import make_context, rank
from kithkin.domain.windows import Interval, WakingHours

CIRCLES = {"inner": 7, "close": 14, "friends": 30, "wider": 90}
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "Europe/London"]
PHONE = (ContactPoint("phone", "+10000000"),)
SNAPSHOTS = Path(__file__).parent / "snapshots"

# --- property tests -------------------------------------------------------------------------

nows = st.builds(
    lambda base, hours: (base + timedelta(hours=hours)).replace(tzinfo=UTC),
    st.sampled_from(
        [
            datetime(2025, 3, 9),
            datetime(2025, 3, 30),
            datetime(2025, 10, 26),
            datetime(2025, 11, 2),
            datetime(2025, 4, 6),
            datetime(2025, 7, 1),
        ]
    ),
    st.integers(-30, 30),
)


@st.composite
def people_st(draw: st.DrawFn, now: datetime) -> list[Person]:
    count = draw(st.integers(0, 14))
    out = []
    for i in range(1, count + 1):
        ago = draw(st.one_of(st.none(), st.integers(1, 24 * 400)))
        out.append(
            Person(
                name=f"Person {i}",
                id=i,
                circle=draw(st.sampled_from([*CIRCLES, None])),
                closeness=draw(st.integers(1, 5)),
                feeling=draw(st.sampled_from(list(Feeling))),
                timezone=draw(st.sampled_from([None, *ZONES])),
                birthday=draw(
                    st.one_of(
                        st.none(), st.builds(Birthday, st.integers(1, 12), st.integers(1, 28))
                    )
                ),
                interests=draw(st.sampled_from([(), ("running",), ("cooking", "yoga")])),
                contacts=draw(st.sampled_from([(), PHONE])),
                archived=draw(st.booleans()),
                status=draw(st.sampled_from(list(PersonStatus))),
                last_contact_at=None if ago is None else now - timedelta(hours=ago),
            )
        )
    return out


@st.composite
def inputs(draw: st.DrawFn, actions: tuple[Action, ...]) -> PlanInput:
    now = draw(nows)
    tz = draw(st.sampled_from(ZONES))
    today = now.astimezone(ZoneInfo(tz)).date()
    people = draw(people_st(now))
    ids = [p.id for p in people if p.id is not None]
    barriers = frozenset(draw(st.sets(st.sampled_from(list(Barrier)))))
    profile = Profile(
        timezone=tz,
        barriers=barriers,
        waking_start_hour=draw(st.integers(6, 10)),
        waking_end_hour=draw(st.integers(18, 23)),
    )
    follow_ups = (
        {
            pid: [
                FollowUp(pid, "job interview", due=today + timedelta(days=draw(st.integers(-3, 9))))
            ]
            for pid in draw(st.sets(st.sampled_from(ids)))
            if ids
        }
        if ids
        else {}
    )
    outcomes = {
        pid: Outcome(
            skipped_on=today - timedelta(days=draw(st.integers(0, 9))),
            snoozed_until=draw(st.one_of(st.none(), st.just(today + timedelta(days=2)))),
        )
        for pid in (draw(st.sets(st.sampled_from(ids))) if ids else set())
    }
    history = {
        pid: PersonHistory(
            peak_closeness=5, nearby=draw(st.booleans()), recent_actions=("thoughtful_text",)
        )
        for pid in (draw(st.sets(st.sampled_from(ids))) if ids else set())
    }
    return PlanInput(
        today=today,
        now=now,
        profile=profile,
        people=people,
        actions=actions,
        circles=CIRCLES,
        follow_ups=follow_ups,
        history=history,
        outcomes=outcomes,
        energy_spent_week=draw(st.integers(0, 14)),
        last_high_load_day=draw(st.sampled_from([None, today - timedelta(days=1)])),
        anxiety_cap=draw(st.one_of(st.none(), st.integers(1, 5))),
        minutes_available=draw(st.one_of(st.none(), st.integers(0, 120))),
        yesterday_actions=frozenset(draw(st.sets(st.sampled_from([a.id for a in actions[:8]])))),
        reconnects_this_week=draw(st.integers(0, 3)),
    )


def _awake_throughout(start: datetime, minutes: int, tz: str, hours: WakingHours) -> bool:
    for m in range(minutes):
        local = (start + timedelta(minutes=m)).astimezone(ZoneInfo(tz))
        if not hours.contains_minute(local.hour * 60 + local.minute):
            return False
    return True


def check_invariants(inp: PlanInput, plan: DayPlan, by_id: dict[str, Action]) -> None:
    people = {p.id: p for p in inp.people}
    available = (
        inp.profile.minutes_on(inp.today)
        if inp.minutes_available is None
        else inp.minutes_available
    )
    assert sum(s.minutes for s in plan.suggestions) <= available
    assert plan.minutes_planned <= available
    seen: set[int] = set()
    profile = inp.profile
    user_hours = WakingHours(profile.waking_start_hour * 60, profile.waking_end_hour * 60)
    for s in plan.suggestions:
        action = by_id[s.action_id]
        assert (s.minutes, s.channel, s.kind) == (action.minutes, action.channel, action.kind)
        if s.person_id is None:
            assert action.weak_tie
        else:
            person = people[s.person_id]
            assert person.in_plan and not person.archived
            assert person.status is PersonStatus.ACTIVE
            assert s.person_id not in seen
            seen.add(s.person_id)
            outcome = inp.outcomes.get(s.person_id)
            assert (
                outcome is None
                or outcome.snoozed_until is None
                or outcome.snoozed_until <= inp.today
            )
            if "phone" in action.needs:
                assert person.contacts
        if s.channel in ("call", "video"):
            assert s.proposed_time is not None and s.proposed_time >= inp.now
            other = people[s.person_id].timezone if s.person_id is not None else None
            assert _awake_throughout(s.proposed_time, s.minutes, profile.timezone, user_hours)
            assert _awake_throughout(
                s.proposed_time, s.minutes, other or profile.timezone, inp.other_waking
            )
    if Barrier.INTROVERSION in profile.barriers:
        budget = inp.energy_budget - inp.energy_spent_week
        assert sum(s.social_load for s in plan.suggestions) <= max(budget, 0)
        if inp.last_high_load_day == inp.today - timedelta(days=1):
            assert all(s.social_load < 3 for s in plan.suggestions)
    if Barrier.SOCIAL_ANXIETY in profile.barriers:
        cap = inp.anxiety_cap or 2
        assert all(s.anxiety <= cap for s in plan.suggestions)
    reconnects = sum(
        1 for s in plan.suggestions if any(r.key == "plan.reason.reconnect" for r in s.reasons)
    )
    assert reconnects <= max(0, inp.max_reconnects_per_week - inp.reconnects_this_week)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_plan_day_invariants(data: st.DataObject, actions: tuple[Action, ...]) -> None:
    inp = data.draw(inputs(actions))
    by_id = {a.id: a for a in actions}
    plan = plan_day(inp, n=3)
    check_invariants(inp, plan, by_id)
    assert plan == plan_day(inp, n=3)  # deterministic
    now = suggest_now(inp, 10)
    if now is not None:
        assert now.minutes <= 10
        if now.channel in ("call", "video"):
            assert now.proposed_time == inp.now.astimezone(UTC)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_plan_week_invariants(data: st.DataObject, actions: tuple[Action, ...]) -> None:
    inp = data.draw(inputs(actions))
    by_id = {a.id: a for a in actions}
    week = plan_week(inp)
    assert week == plan_week(inp)
    ctx = make_context(inp, now_only=False)
    due = sum(1 for c in rank(inp, ctx, limit=None) if c.ratio >= 1.0)
    per_day = max(1, math.ceil(due / 7) + 1)
    placed: list[int] = []
    for offset, day in enumerate(week):
        assert day.day == inp.today + timedelta(days=offset)
        assert len(day.suggestions) <= per_day
        if offset:
            assert day.minutes_planned <= inp.profile.minutes_on(day.day)
        people = [s.person_id for s in day.suggestions if s.person_id is not None]
        placed += people
        for s in day.suggestions:
            if s.channel in ("call", "video") and offset == 0:
                assert s.proposed_time is not None
    if Barrier.INTROVERSION not in inp.profile.barriers:
        # A person comes up once a week unless it is their birthday.
        repeats = [p for p in set(placed) if placed.count(p) > 1]
        for pid in repeats:
            person = next(x for x in inp.people if x.id == pid)
            assert person.birthday is not None
    check_invariants(inp, week[0], by_id)


# --- behaviour ------------------------------------------------------------------------------

NOW = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)  # Monday, 09:00 in Berlin
TODAY = date(2025, 3, 10)


def friend(pid: int, name: str, days: int | None, **kw: object) -> Person:
    last = None if days is None else NOW - timedelta(days=days, hours=1)
    base: dict[str, object] = {
        "name": name,
        "id": pid,
        "circle": "close",
        "contacts": PHONE,
        "last_contact_at": last,
    }
    base.update(kw)
    return Person(**base)  # type: ignore[arg-type]


def base_input(actions: tuple[Action, ...], people: list[Person], **kw: object) -> PlanInput:
    fields: dict[str, object] = {
        "today": TODAY,
        "now": NOW,
        "profile": Profile(timezone="Europe/Berlin"),
        "people": people,
        "actions": actions,
        "circles": CIRCLES,
    }
    fields.update(kw)
    return PlanInput(**fields)  # type: ignore[arg-type]


def test_overdue_close_friend_first_and_draining_not_excluded(actions: tuple[Action, ...]) -> None:
    people = [
        friend(1, "Ann", 40, feeling=Feeling.DRAINING),
        friend(2, "Ben", 3),
        friend(3, "Cat", 40, feeling=Feeling.ENERGISING),
    ]
    plan = plan_day(base_input(actions, people), n=3)
    ids = [s.person_id for s in plan.suggestions]
    assert ids[0] == 3
    assert 1 in ids  # draining people sink but are still suggested


def test_birthday_today_and_follow_up_beat_cadence(actions: tuple[Action, ...]) -> None:
    people = [
        friend(1, "Ann", 60),
        friend(2, "Ben", 2, birthday=Birthday(3, 10)),
        friend(3, "Cat", 5),
    ]
    fus = {3: [FollowUp(3, "job interview", due=TODAY - timedelta(days=1), id=9)]}
    plan = plan_day(base_input(actions, people, follow_ups=fus), n=3)
    first, second = plan.suggestions[:2]
    assert first.person_id == 2 and first.action_id in ("birthday_message", "birthday_call")
    assert second.person_id == 3 and second.action_id == "ask_follow_up"
    assert second.reasons[0].params["text"] == "job interview"


def test_skip_sinks_and_snooze_hides(actions: tuple[Action, ...]) -> None:
    people = [friend(1, "Ann", 40), friend(2, "Ben", 30), friend(3, "Cat", 20)]
    outcomes = {1: Outcome(skipped_on=TODAY), 2: Outcome(snoozed_until=TODAY + timedelta(days=1))}
    plan = plan_day(base_input(actions, people, outcomes=outcomes), n=3)
    ids = [s.person_id for s in plan.suggestions if s.person_id is not None]
    assert 2 not in ids and ids[0] == 3
    later = plan_day(
        base_input(
            actions,
            people,
            outcomes=outcomes,
            today=TODAY + timedelta(days=2),
            now=NOW + timedelta(days=2),
        ),
        n=3,
    )
    assert later.suggestions[0].person_id == 2  # the snooze is over
    week_on = TODAY + timedelta(days=8)
    after = plan_day(
        base_input(actions, people, outcomes=outcomes, today=week_on, now=NOW + timedelta(days=8)),
        n=3,
    )
    assert after.suggestions[0].person_id == 1  # the skip no longer sinks Ann


def test_variety_avoids_yesterday_unless_nothing_else(actions: tuple[Action, ...]) -> None:
    people = [friend(1, "Ann", 40), friend(2, "Ben", 20)]
    plan = plan_day(base_input(actions, people, yesterday_people=frozenset({1})), n=1)
    assert plan.suggestions[0].person_id == 2
    only = plan_day(base_input(actions, people[:1], yesterday_people=frozenset({1})), n=1)
    assert only.suggestions[0].person_id == 1
    assert any(r.key == "plan.reason.repeat" for r in only.suggestions[0].reasons)


def test_reconnect_limit(actions: tuple[Action, ...]) -> None:
    dormant = [friend(i, f"Old {i}", 400, circle="friends", closeness=5) for i in range(1, 6)]
    hist = {i: PersonHistory(peak_closeness=5) for i in range(1, 6)}
    plan = plan_day(base_input(actions, dormant, history=hist, max_reconnects_per_week=1), n=3)
    assert sum(1 for s in plan.suggestions if s.person_id is not None) == 1
    assert plan.suggestions[0].action_id in ("reconnect_message", "reconnect_call")
    none_left = plan_day(base_input(actions, dormant, history=hist, reconnects_this_week=2), n=3)
    assert all(s.person_id is None for s in none_left.suggestions)


def test_shared_interest_combo(actions: tuple[Action, ...]) -> None:
    runner = friend(1, "Ria", 30, interests=("running",), closeness=5)
    hist = {1: PersonHistory(nearby=True)}
    plan = plan_day(base_input(actions, [runner], history=hist, minutes_available=60), n=1)
    s = plan.suggestions[0]
    assert s.action_id == "run_together"
    assert any(r.key == "plan.reason.shared_interest" for r in s.reasons)


def test_no_people_gives_weak_ties(actions: tuple[Action, ...]) -> None:
    plan = plan_day(base_input(actions, []), n=2)
    assert plan.suggestions and all(s.person_id is None for s in plan.suggestions)
    assert any(n.key == "plan.note.nobody" for n in plan.notes)


def test_zero_minutes_is_a_rest_day(actions: tuple[Action, ...]) -> None:
    plan = plan_day(base_input(actions, [friend(1, "Ann", 40)], minutes_available=0))
    assert plan.suggestions == () and plan.notes[0].key == "plan.note.no_minutes"


def test_less_time_than_any_idea_says_why_instead_of_an_empty_day(
    actions: tuple[Action, ...],
) -> None:
    plan = plan_day(base_input(actions, [friend(1, "Ann", 40)], minutes_available=1))
    shortest = min(a.minutes for a in actions)
    assert plan.suggestions == ()
    [note] = [n for n in plan.notes if n.key == "plan.note.short_time"]
    assert note.params == {"minutes": 1, "shortest": shortest}
    assert note.text.startswith("Nothing fits in the 1 minute you set aside today")


def test_calendar_slots_respected(actions: tuple[Action, ...]) -> None:
    slot = Interval(
        datetime(2025, 3, 10, 17, 0, tzinfo=UTC), datetime(2025, 3, 10, 17, 30, tzinfo=UTC)
    )
    far = friend(1, "Kai", 30, timezone="America/New_York", closeness=5)
    plan = plan_day(base_input(actions, [far], free_slots=(slot,), minutes_available=30), n=1)
    s = plan.suggestions[0]
    if s.channel in ("call", "video", "in_person"):
        assert s.proposed_time is not None
        assert slot.contains(s.proposed_time, s.proposed_time + timedelta(minutes=s.minutes))


# --- golden scenarios -----------------------------------------------------------------------


def render(plans: list[DayPlan]) -> list[dict[str, object]]:
    return [
        {
            "day": p.day.isoformat(),
            "minutes_available": p.minutes_available,
            "minutes_planned": p.minutes_planned,
            "energy_left": p.energy_left,
            "notes": [n.key for n in p.notes],
            "suggestions": [
                {
                    "rank": s.rank,
                    "person_id": s.person_id,
                    "action_id": s.action_id,
                    "minutes": s.minutes,
                    "channel": s.channel,
                    "kind": s.kind,
                    "proposed_time": s.proposed_time.isoformat() if s.proposed_time else None,
                    "reasons": [
                        {"key": r.key, "params": r.params, "text": r.text} for r in s.reasons
                    ],
                }
                for s in p.suggestions
            ],
        }
        for p in plans
    ]


def circle_people() -> list[Person]:
    names = [
        "Ada",
        "Ben",
        "Cleo",
        "Dev",
        "Eli",
        "Fay",
        "Gus",
        "Hana",
        "Ivo",
        "Jun",
        "Kim",
        "Lea",
        "Max",
        "Nia",
        "Oz",
        "Pia",
        "Quin",
        "Rae",
        "Sol",
        "Tess",
    ]
    circles = [
        "inner",
        "inner",
        "close",
        "close",
        "close",
        "friends",
        "friends",
        "friends",
        "friends",
        "wider",
    ] * 2
    out = []
    for i, name in enumerate(names, start=1):
        out.append(
            friend(
                i,
                name,
                (i * 11) % 70 + 1,
                circle=circles[i - 1],
                closeness=5 - (i % 5) if i % 5 else 3,
                feeling=Feeling.ENERGISING if i % 7 == 0 else Feeling.NEUTRAL,
                interests=("running",) if i % 4 == 0 else ("cooking",) if i % 6 == 0 else (),
                birthday=Birthday(3, 13) if i == 9 else None,
            )
        )
    return out


def scenario(name: str, actions: tuple[Action, ...]) -> list[DayPlan]:
    people = circle_people()
    fus = {4: [FollowUp(4, "her job interview on Friday", due=TODAY + timedelta(days=1), id=1)]}
    near = {
        i: PersonHistory(nearby=i % 3 == 0, peak_closeness=5 if i == 20 else None)
        for i in range(1, 21)
    }
    if name == "busy_professional":
        profile = Profile(timezone="Europe/Berlin", barriers=frozenset({Barrier.LITTLE_TIME}))
        inp = base_input(
            actions, people, profile=profile, minutes_available=15, follow_ups=fus, history=near
        )
        return [plan_day(inp, n=3)]
    if name == "introvert":
        profile = Profile(timezone="Europe/Berlin", barriers=frozenset({Barrier.INTROVERSION}))
        inp = base_input(
            actions,
            people,
            profile=profile,
            history=near,
            energy_spent_week=6,
            last_high_load_day=TODAY - timedelta(days=1),
        )
        return [plan_day(inp, n=3)]
    if name == "anxious_beginner":
        profile = Profile(timezone="Europe/Berlin", barriers=frozenset({Barrier.SOCIAL_ANXIETY}))
        inp = base_input(actions, people[:5], profile=profile, history=near, anxiety_cap=2)
        return [plan_day(inp, n=3)]
    if name == "family_abroad":
        family = [
            friend(1, "Mum", 9, circle="inner", closeness=5, timezone="Australia/Sydney"),
            friend(2, "Leo", 20, circle="close", closeness=4, timezone="America/Los_Angeles"),
            friend(3, "Ines", 15, circle="close", closeness=4),
        ]
        inp = base_input(
            actions, family, now=datetime(2025, 3, 10, 18, 0, tzinfo=UTC), minutes_available=60
        )
        return [plan_day(inp, n=3)]
    assert name == "imported_3000"
    imported = [
        Person(name=f"Contact {i:04d}", id=1000 + i, status=PersonStatus.TRIAGE, circle=None)
        for i in range(3000)
    ]
    inp = base_input(actions, imported + people, follow_ups=fus, history=near)
    return list(plan_week(inp, days=7))


@pytest.mark.parametrize(
    "name", ["busy_professional", "introvert", "anxious_beginner", "family_abroad", "imported_3000"]
)
def test_golden_scenario(name: str, actions: tuple[Action, ...]) -> None:
    plans = scenario(name, actions)
    got = render(plans)
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("KITHKIN_UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == got
