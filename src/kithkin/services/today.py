"""The day at a glance: Power of One, follow-ups, birthdays, who might like to hear from you."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from kithkin.domain import cadence
from kithkin.domain.model import CheckIn, PersonStatus, Profile
from kithkin.domain.roster import birthday_table, birthdays_soon, due_members
from kithkin.domain.streaks import PowerOfOne, power_of_one
from kithkin.domain.timeutil import local_day
from kithkin.services.followups import FollowUpView
from kithkin.services.people import circle_cadences, due_bounds, followup_dict
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.daily_ports import DailyReads
    from kithkin.services.ports import UnitOfWork

DUE_SHOWN = 5
BIRTHDAY_DAYS = 7


@dataclass(frozen=True, slots=True)
class TodayView:
    day: date
    profile: Profile
    power: PowerOfOne
    in_touch: int
    in_plan: int
    followups: list[FollowUpView]
    birthdays: list[cadence.UpcomingBirthday]
    due: list[cadence.Due]
    due_total: int
    checkin: CheckIn | None
    questionnaires_due: tuple[Any, ...] = ()  # kithkin.domain.questionnaires.Due
    experiment: dict[str, Any] | None = None

    @property
    def network_share(self) -> float | None:
        return self.in_touch / self.in_plan if self.in_plan else None

    def as_dict(self) -> dict[str, Any]:
        p = self.power
        return {
            "date": self.day.isoformat(),
            "goal": p.goal,
            "count": p.count,
            "met": p.met,
            "status": p.status.value,
            "streak": p.streak,
            "best_streak": p.best_streak,
            "strength": round(p.strength * 100, 1),
            "consistency_30": None if p.consistency_30 is None else round(p.consistency_30, 3),
            "network_health": {
                "in_touch": self.in_touch,
                "total": self.in_plan,
                "share": None if self.network_share is None else round(self.network_share, 3),
            },
            "followups": [
                {**followup_dict(f.followup), "person": f.person.display_name}
                for f in self.followups
            ],
            "birthdays": [
                {
                    "person_id": b.person.id,
                    "name": b.person.display_name,
                    "date": b.on.isoformat(),
                    "in_days": b.in_days,
                    "turns": b.turns,
                }
                for b in self.birthdays
            ],
            "due_people": [
                {
                    "id": d.person.id,
                    "name": d.person.display_name,
                    "circle": d.person.circle,
                    "cadence_days": d.cadence_days,
                    "days_since": d.days_since,
                }
                for d in self.due
            ],
            "due_total": self.due_total,
            "checkin": None
            if self.checkin is None
            else {"mood": self.checkin.mood, "stress": self.checkin.stress},
            "questionnaires_due": [d.as_dict() for d in self.questionnaires_due],
            "experiment": self.experiment,
        }


def today(*, uow: DailyReads, now: datetime, due_shown: int = DUE_SHOWN) -> TodayView:
    """The day at a glance.

    Who is due, network health and birthdays are worked out in the database (a count, the due
    people and the birthdays of the week come back, not everyone): the boundary instant of
    each cadence is computed here, in the user's zone, so the result is exactly
    :func:`kithkin.domain.cadence.standings` and ``upcoming_birthdays`` over everyone.
    """
    profile = get_profile(uow=uow)
    tz = profile.timezone
    day = local_day(now, tz)
    # History logged from before onboarding counts too: the practice starts at the earlier one.
    known = [d for d in (profile.started_on, uow.day_stats.first_day()) if d is not None]
    start = min(known, default=day)
    counts = uow.day_stats.meaningful_counts(since=start)
    power = power_of_one(
        counts,
        start=start,
        today=day,
        goal=profile.daily_goal,
        rest_per_week=profile.rest_days_per_week,
    )
    circles = circle_cadences(uow=uow)
    bounds = due_bounds(uow=uow, circles=circles, today=day, tz=tz)
    in_touch, total = uow.people.network_counts(bounds)
    due, _, _ = due_members(uow.people.due_roster(bounds), circles, today=day, tz=tz)
    table = birthday_table(day, BIRTHDAY_DAYS)
    birthdays = birthdays_soon(
        uow.people.birthday_roster(table), today=day, within_days=BIRTHDAY_DAYS
    )
    # Dated follow-ups due by tomorrow; undated ones live on the person's page and in the plan.
    soon = uow.followups.find(open_only=True, due_by=day + timedelta(days=1))
    shown = due[:due_shown]
    # Full records only for the people this view shows (archived or ignored people's follow-ups
    # are left out, as before: get_many returns them, so filter on status).
    by_id = uow.people.get_many(
        [s.member.id for s in shown]
        + [b.member.id for b in birthdays]
        + [f.person_id for f in soon]
    )
    active = {pid for pid, p in by_id.items() if p.status is PersonStatus.ACTIVE and not p.archived}
    return TodayView(
        day=day,
        profile=profile,
        power=power,
        in_touch=in_touch,
        in_plan=total,
        followups=[FollowUpView(f, by_id[f.person_id]) for f in soon if f.person_id in active],
        birthdays=[
            cadence.UpcomingBirthday(by_id[b.member.id], b.on, b.in_days, b.turns)
            for b in birthdays
        ],
        due=[cadence.Due(by_id[s.member.id], s.cadence_days, s.days_since, True) for s in shown],
        due_total=len(due),
        checkin=uow.checkins.get(day),
        **_insights_extras(uow=uow, day=day),
    )


def _insights_extras(*, uow: DailyReads, day: date) -> dict[str, Any]:
    from kithkin.services.questionnaires import due

    experiment = None
    if uow.experiments.active() is not None:  # the statistics are imported only then
        from kithkin.services.experiments import today_nudge

        # Only a full unit of work returns a running experiment (the lean reader steps aside).
        experiment = today_nudge(uow=cast("UnitOfWork", uow), today=day)
    return {"questionnaires_due": tuple(due(uow=uow, today=day)), "experiment": experiment}
