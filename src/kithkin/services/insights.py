"""Personal insights: daily rows from storage, honest statistics from the domain, one result.

``personal_insights`` returns an :class:`InsightsResult`; its ``as_dict()`` is the JSON the CLI
prints and the web shows. numpy is loaded only when statistics are computed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from kithkin.domain import cadence
from kithkin.domain.errors import InputError
from kithkin.domain.evidence import EvidenceCard, load_evidence
from kithkin.domain.insights import DayRow, Insights, InteractionMood, Message, build_insights
from kithkin.domain.model import KINDS, Person, check_choice
from kithkin.domain.streaks import DayStatus, day_statuses
from kithkin.domain.timeutil import local_day
from kithkin.messages import text
from kithkin.services.people import circle_cadences
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork

SEED = 20261126


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """One week (ending on ``week_end``, a Sunday or today)."""

    week_end: date
    streak: int
    days_met: int
    network_share: float | None


WINDOWS = (30, 90, 365)  # the mood-over-time view's choices, in days


@dataclass(frozen=True, slots=True)
class DayPoint:
    """One calendar day of the mood-over-time view (None: no check-in that day)."""

    day: date
    mood: float | None
    stress: float | None
    social: bool


@dataclass(frozen=True, slots=True)
class InsightsResult:
    today: date
    insights: Insights
    names: dict[int, str]
    questionnaires: dict[str, list[tuple[date, int, int | None]]]
    weeks: tuple[WeekPoint, ...]
    evidence: tuple[EvidenceCard, ...]
    timeline: tuple[DayPoint, ...] = ()  # the last WINDOWS[-1] calendar days up to today

    def window(self, days: int) -> tuple[DayPoint, ...]:
        """The last ``days`` calendar days of the timeline (one of :data:`WINDOWS`)."""
        check_choice("window", str(days), [str(w) for w in WINDOWS])
        return self.timeline[-days:]

    def as_dict(self) -> dict[str, Any]:
        data = self.insights.as_dict()
        for person in data["by_person"]:
            person["name"] = self.names.get(person["person_id"], "?")
            person["mean_change"] = round(person["mean_change"], 2)
        data["summary"] = [{**m.as_dict(), "text": message_text(m)} for m in self.insights.summary]
        return {
            "date": self.today.isoformat(),
            **data,
            "questionnaires": {
                k: [{"date": d.isoformat(), "raw": raw, "percent": pct} for d, raw, pct in v]
                for k, v in self.questionnaires.items()
            },
            "weekly": [
                {
                    "week_end": w.week_end.isoformat(),
                    "streak": w.streak,
                    "days_met": w.days_met,
                    "network_share": None if w.network_share is None else round(w.network_share, 3),
                }
                for w in self.weeks
            ],
            "evidence": [c.as_dict() for c in self.evidence],
        }


def with_names(result: Insights, names: dict[int, str]) -> Insights:
    """Fill in the ``name`` of sentences about a person (the domain knows only ids)."""

    def named(m: Message) -> Message:
        params = dict(m.params)
        if "person_id" not in params:
            return m
        params["name"] = names.get(params["person_id"], "?")
        return replace(m, params=tuple(params.items()))

    return replace(result, summary=tuple(named(m) for m in result.summary))


def message_text(m: Message) -> str:
    return text(m.key, **dict(m.params))


def day_rows(
    checkins: dict[date, tuple[float, float]],
    kinds: list[tuple[date, str, int]],
    interaction_moods: list[tuple[int, int, int]],
) -> tuple[list[DayRow], list[InteractionMood]]:
    """DayRows over every day with a check-in or an interaction, and moods per person, from
    aggregates: (day, kind, meaningful count) and (person, mood before, mood after)."""
    counts: dict[date, int] = defaultdict(int)
    modes: dict[date, set[str]] = defaultdict(set)
    mode_of = {kind: spec.mode.value for kind, spec in KINDS.items()}
    for day, kind, meaningful in kinds:
        modes[day].add(mode_of[kind])
        if meaningful:
            counts[day] += meaningful
    moods = [InteractionMood(pid, float(b), float(a)) for pid, b, a in interaction_moods]
    rows = []
    for day in sorted(set(checkins) | set(modes)):
        mood, stress = checkins.get(day, (None, None))
        rows.append(DayRow(day, mood, stress, counts.get(day, 0), frozenset(modes.get(day, ()))))
    return rows, moods


def _week_ends(first: date, today: date) -> list[date]:
    end = first + timedelta(days=6 - first.weekday())
    out = []
    while end < today:
        out.append(end)
        end += timedelta(days=7)
    return [*out, today]


def weekly(
    *,
    counts: dict[date, int],
    start: date,
    today: date,
    goal: int,
    rest_per_week: int,
    plan: list[tuple[int, date | None]],
    contact_days: dict[int, list[date]],
) -> tuple[WeekPoint, ...]:
    """Streak and network health at the end of each week.

    ``plan`` is (cadence, first day) of each person in the plan now; ``contact_days`` their
    meaningful contact days, sorted. Network health at a week end is the share of people already
    known then whose last contact on or before it lies within their cadence.
    """
    statuses = day_statuses(
        counts, start=start, today=today, goal=goal, rest_per_week=rest_per_week
    )
    ends = _week_ends(start, today)
    shares = _network_shares(ends, plan, contact_days)
    out: list[WeekPoint] = []
    streak = met = 0
    i = 0
    for end, share in zip(ends, shares, strict=True):
        while i < len(statuses) and statuses[i][0] <= end:
            status = statuses[i][1]
            if status is DayStatus.MET:
                streak, met = streak + 1, met + 1
            elif status is DayStatus.MISSED:
                streak = 0
            i += 1
        out.append(WeekPoint(end, streak, met, share))
        met = 0
    return tuple(out)


def _network_shares(
    ends: list[date], plan: list[tuple[int, date | None]], contact_days: dict[int, list[date]]
) -> list[float | None]:
    """At each week end, the share of the people known then whose last contact on or before it
    lies within their cadence: one vectorised pass per person over all week ends."""
    import numpy as np

    end_days = np.array([d.toordinal() for d in ends], dtype=np.int64)
    in_touch = np.zeros(len(ends), dtype=np.int64)
    total = np.zeros(len(ends), dtype=np.int64)
    for pid, (every, since) in enumerate(plan):
        known = end_days >= (since.toordinal() if since is not None else 0)
        total += known
        days = contact_days.get(pid)
        if not days:
            continue
        contact = np.array([d.toordinal() for d in days], dtype=np.int64)
        k = np.searchsorted(contact, end_days, side="right")  # bisect_right for every week end
        last = contact[np.maximum(k - 1, 0)]
        in_touch += known & (k > 0) & (end_days - last < every)
    return [n / t if t else None for n, t in zip(in_touch.tolist(), total.tolist(), strict=True)]


def _plan(
    people: list[Person], cadences: dict[str, int], contacts: list[tuple[int, datetime]], tz: str
) -> tuple[list[tuple[int, date | None]], dict[int, list[date]]]:
    index: dict[int, int] = {}
    plan: list[tuple[int, date | None]] = []
    for person in people:
        every = cadence.cadence_of(person, cadences)
        if every is None or not person.in_plan or person.id is None:
            continue
        index[person.id] = len(plan)
        since = None if person.created_at is None else local_day(person.created_at, tz)
        plan.append((every, since))
    days: dict[int, list[date]] = defaultdict(list)
    for pid, instant in contacts:
        if pid in index:
            days[index[pid]].append(local_day(instant, tz))
    sorted_days = {k: sorted(v) for k, v in days.items()}
    for k, (every, since) in enumerate(plan):  # known since their first contact, if earlier
        first = sorted_days.get(k, [None])[0]
        if first is not None and (since is None or first < since):
            plan[k] = (every, first)
    return plan, sorted_days


def evidence_cards(ids: tuple[str, ...]) -> tuple[EvidenceCard, ...]:
    catalogue = files("kithkin").joinpath("catalogue/evidence.toml").read_text(encoding="utf-8")
    cards = load_evidence(catalogue)
    return tuple(cards[i] for i in ids if i in cards)


def personal_insights(
    *, uow: UnitOfWork, now: datetime, seed: int = SEED, n_boot: int = 2000
) -> InsightsResult:
    """Everything ``kithkin insights`` shows, from the owner's whole history."""
    profile = get_profile(uow=uow)
    tz = profile.timezone
    today = local_day(now, tz)
    data = uow.insights_data
    rows, moods = day_rows(
        data.checkin_moods(until=today),
        data.day_kinds(until=today),
        data.interaction_moods(until=today),
    )
    result = build_insights(rows, moods, seed=seed, n_boot=n_boot)
    names = {
        pid: p.display_name
        for pid, p in uow.people.get_many([p.person_id for p in result.by_person]).items()
    }
    result = with_names(result, names)
    trends: dict[str, list[tuple[date, int, int | None]]] = defaultdict(list)
    for r in uow.questionnaires.find():
        trends[r.instrument_id].append((r.day, r.raw, r.percent))
    start = profile.started_on or uow.day_stats.first_day() or today
    if rows:
        start = min(start, rows[0].day)
    plan, contact_days = _plan(
        uow.people.find(), circle_cadences(uow=uow), uow.insights_data.contacts(), tz
    )
    weeks = weekly(
        counts=uow.day_stats.meaningful_counts(since=start),
        start=start,
        today=today,
        goal=profile.daily_goal,
        rest_per_week=profile.rest_days_per_week,
        plan=plan,
        contact_days=contact_days,
    )
    return InsightsResult(
        today=today,
        insights=result,
        names=names,
        questionnaires=dict(trends),
        weeks=weeks,
        evidence=evidence_cards(result.evidence_ids),
        timeline=timeline(rows, today),
    )


def timeline(rows: list[DayRow], today: date) -> tuple[DayPoint, ...]:
    """The last ``WINDOWS[-1]`` calendar days up to ``today``, gaps kept as None."""
    by_day = {r.day: r for r in rows}
    out = []
    for offset in range(WINDOWS[-1] - 1, -1, -1):
        day = today - timedelta(days=offset)
        row = by_day.get(day)
        if row is None:
            out.append(DayPoint(day, None, None, False))
        else:
            out.append(DayPoint(day, row.mood, row.stress, row.social))
    return tuple(out)


class ChartFormat(InputError):
    """A chart was asked for in a format other than SVG or PNG."""

    key = "chart_format"


class TimelineFormat(InputError):
    """The mood-over-time chart was asked for in a format other than SVG."""

    key = "timeline_svg_only"
