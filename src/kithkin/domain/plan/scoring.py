"""The planner's hot loop: one cheap pass that scores everyone in the plan.

People come in as lean :class:`~kithkin.domain.roster.Member` tuples. Days since contact come
from day numbers (the zone's offset is looked up once per UTC day, see
:class:`~kithkin.domain.roster.LocalDays`); birthdays are matched against a precomputed table of
the next eight days. Only the people at the top become :class:`Candidate` records. For a week,
:class:`WeekScores` scores everyone once and reuses the scores across the days.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import compress
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from kithkin.domain.model import Barrier, Feeling, FollowUp, Person
from kithkin.domain.plan.inputs import DEFAULT_ANXIETY_CAP
from kithkin.domain.roster import (
    DAY_SECONDS,
    RANKING_ROW,
    LocalDays,
    Member,
    RankingRows,
    birthday_table,
    member_of,
)
from kithkin.domain.timeutil import zone
from kithkin.domain.windows import Interval, WakingHours

if TYPE_CHECKING:
    from kithkin.domain.catalogue import Action
    from kithkin.domain.plan.inputs import PersonHistory, PlanInput

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
BIRTHDAY_HORIZON = 7
DORMANT_MIN_DAYS = 90
DORMANT_CADENCES = 3
DORMANT_PEAK = 4
SKIP_SINK_DAYS = 7
RATIO_CAP = 3.0
NEVER_RATIO = 2.0

_ENERGISING = Feeling.ENERGISING
_DRAINING = Feeling.DRAINING
# The plain texts: equal to the members' feelings and to a ranking row's stored text.
_ENERGISING_TEXT = Feeling.ENERGISING.value
_DRAINING_TEXT = Feeling.DRAINING.value
_LAST_DAY = attrgetter("last_day")
# A Member's fields in a ranking row's order (RANKING_ROW, the circle by name): the scoring loop
# reads ranking rows as they are, and members through this.
_MEMBER_AS_ROW = itemgetter(
    *(Member._fields.index("circle" if f == "circle_id" else f) for f in RANKING_ROW)
)
_CIRCLE_ID = itemgetter(RANKING_ROW.index("circle_id"))


@dataclass(slots=True)
class Context:
    """Values worked out once per plan."""

    inp: PlanInput
    today_ord: int
    today_epoch_day: int
    local_days: LocalDays
    members: Sequence[Member]
    birthdays: dict[tuple[int, int], int]
    minutes: int
    energy_left: int | None
    recovery_day: bool
    anxiety_cap: int | None
    little_time: bool
    introvert: bool
    anxious: bool
    reconnects_left: int
    now_only: bool
    now: datetime
    horizon: datetime
    user_tz: str
    user_hours: WakingHours
    free_slots: list[Interval] | None
    yesterday_people: frozenset[int]
    yesterday_actions: frozenset[str]
    person_actions: list[Action]
    weak_actions: list[Action]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person near the top of the ranking, with the facts behind the score."""

    person: Member
    person_id: int
    score: float
    days: int | None
    cadence: int
    ratio: float
    follow_up: FollowUp | None
    birthday_in: int | None
    dormant: bool
    history: PersonHistory | None


def make_context(inp: PlanInput, *, now_only: bool) -> Context:
    """Precompute everything the scoring and the choice need once."""
    profile = inp.profile
    tz = zone(profile.timezone)
    minutes = (
        profile.minutes_on(inp.today) if inp.minutes_available is None else inp.minutes_available
    )
    barriers = profile.barriers
    introvert = Barrier.INTROVERSION in barriers
    anxious = Barrier.SOCIAL_ANXIETY in barriers
    cap = (inp.anxiety_cap or DEFAULT_ANXIETY_CAP) if anxious else None
    tomorrow = inp.today + timedelta(days=1)
    return Context(
        inp=inp,
        today_ord=inp.today.toordinal(),
        today_epoch_day=inp.today.toordinal() - EPOCH_ORDINAL,
        local_days=LocalDays(profile.timezone),
        members=as_members(inp.people),
        birthdays=birthday_table(inp.today, BIRTHDAY_HORIZON),
        minutes=minutes,
        energy_left=inp.energy_budget - inp.energy_spent_week if introvert else None,
        recovery_day=introvert and inp.last_high_load_day == inp.today - timedelta(days=1),
        anxiety_cap=cap,
        little_time=Barrier.LITTLE_TIME in barriers,
        introvert=introvert,
        anxious=anxious,
        reconnects_left=max(0, inp.max_reconnects_per_week - inp.reconnects_this_week),
        now_only=now_only,
        now=inp.now.astimezone(UTC),
        horizon=datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=tz).astimezone(UTC),
        user_tz=profile.timezone,
        user_hours=WakingHours(profile.waking_start_hour * 60, profile.waking_end_hour * 60),
        free_slots=sorted(inp.free_slots) if inp.free_slots is not None else None,
        yesterday_people=inp.yesterday_people,
        yesterday_actions=inp.yesterday_actions,
        person_actions=[a for a in inp.actions if not a.weak_tie],
        weak_actions=[a for a in inp.actions if a.weak_tie],
    )


def as_members(people: Sequence[Person | Member]) -> Sequence[Member]:
    """The people as lean members (stored, active and unarchived ones only); ranking rows as
    they are (each made a member when read)."""
    if type(people) is RankingRows:
        return people
    out = []
    for p in people:
        if type(p) is Member:
            out.append(p)
        elif isinstance(p, Person) and (m := member_of(p)) is not None:
            out.append(m)
    return out


def days_since(ctx: Context, person: Member, history: PersonHistory | None) -> int | None:
    """Whole local days since the last meaningful contact, or None if never in touch."""
    if history is not None and history.last_day is not None:
        return ctx.today_ord - history.last_day.toordinal()
    last = person.last_contact
    if last is None:
        return None
    return ctx.today_epoch_day - ctx.local_days.of(last)


def follow_up_points(follow_ups: Sequence[FollowUp], today: date) -> tuple[float, FollowUp | None]:
    """The most pressing open follow-up and its points (due soon first)."""
    best: tuple[float, FollowUp | None] = (0.0, None)
    for item in follow_ups:
        if item.done:
            continue
        if item.due is None:
            points = 8.0
        else:
            ahead = (item.due - today).days
            points = 40.0 if ahead <= 0 else 34.0 - 3 * ahead if ahead <= 3 else 4.0
        if points > best[0] or (
            points == best[0] and best[1] is not None and (item.id or 0) < (best[1].id or 0)
        ):
            best = (points, item)
    return best


def score(  # noqa: PLR0911, PLR0912
    ctx: Context, person: Member, *, detail: bool = True
) -> tuple[float, Candidate | None] | None:
    """The person's score, or None when they are not a candidate today.

    The candidate record is only built when its facts are needed (a reconnect, a birthday, a
    follow-up, never in touch; see :func:`candidate`), and never without ``detail``: the
    ranking loops keep only the score (:func:`candidate` reads the top again).
    """
    inp = ctx.inp
    circle = person.circle
    if circle is None:
        return None
    pid = person.id
    cadence = person.cadence_days or inp.circles.get(circle)
    if cadence is None:
        return None
    birthday_in = None
    if person.birth_month is not None:
        birthday_in = ctx.birthdays.get((person.birth_month, person.birth_day or 0))
    if pid in inp.exclude_people and birthday_in != 0:
        return None
    outcome = inp.outcomes.get(pid) if inp.outcomes else None
    sink = 1.0
    if outcome is not None:
        if outcome.snoozed_until is not None and outcome.snoozed_until.toordinal() > ctx.today_ord:
            return None
        if outcome.skipped_on is not None:
            ago = ctx.today_ord - outcome.skipped_on.toordinal()
            if 0 <= ago < SKIP_SINK_DAYS:
                sink = 0.25 + 0.75 * ago / SKIP_SINK_DAYS
    history = inp.history.get(pid) if inp.history else None
    days = days_since(ctx, person, history)
    ratio = NEVER_RATIO if days is None else days / cadence
    total = 12.0 * min(ratio, RATIO_CAP) + 2.5 * person.closeness
    feeling = person.feeling
    if feeling is _ENERGISING:
        total += 4.0
    elif feeling is _DRAINING:
        total -= 4.0
    follow_up = None
    follow_ups = inp.follow_ups.get(pid) if inp.follow_ups else None
    if follow_ups:
        points, follow_up = follow_up_points(follow_ups, inp.today)
        total += points
    if birthday_in is not None:
        total += 100.0 if birthday_in == 0 else 20.0 - 2 * birthday_in
    dormant = False
    if days is not None and days >= DORMANT_MIN_DAYS and days >= DORMANT_CADENCES * cadence:
        peak = history.peak_closeness if history is not None and history.peak_closeness else 0
        if max(peak, person.closeness) >= DORMANT_PEAK:
            if ctx.reconnects_left <= 0 and birthday_in is None and follow_up is None:
                return None
            dormant = True
            total += 8.0
    total = max(total * sink, 0.5)
    if not detail or (
        not dormant and birthday_in is None and follow_up is None and days is not None
    ):
        return total, None
    return total, Candidate(
        person, pid, total, days, cadence, ratio, follow_up, birthday_in, dormant, history
    )


def candidate(ctx: Context, person: Member) -> Candidate | None:
    """The full candidate record for one person (used for the chosen few)."""
    scored = score(ctx, person)
    if scored is None:
        return None
    total, cand = scored
    if cand is not None:
        return cand
    history = ctx.inp.history.get(person.id) if ctx.inp.history else None
    days = days_since(ctx, person, history)
    cadence = person.cadence_days or ctx.inp.circles[person.circle or ""]
    ratio = NEVER_RATIO if days is None else days / cadence
    return Candidate(person, person.id, total, days, cadence, ratio, None, None, False, history)


@dataclass(slots=True)
class WeekScores:
    """Everyone scored once for a run of days (``plan_week``), reused day after day.

    Most people's score on day ``k`` is ``12 * min((days + k) / cadence, 3)`` plus terms that do
    not change (closeness, feeling): they are "steady" and kept as a few numbers. Anyone whose
    score can change otherwise during the run (a birthday or a follow-up, a skip or snooze, a
    possible reconnect) is "eventful" and scored in full each day, as by :func:`score`.
    """

    steady: list[tuple[int, int, int | None, int, float, float]]  # pid, index, days, cadence, ...
    eventful: list[int]  # indices into ctx.members

    @classmethod
    def build(cls, ctx: Context, days: int) -> WeekScores:
        inp = ctx.inp
        week_birthdays = birthday_table(inp.today, days - 1 + BIRTHDAY_HORIZON)
        steady: list[tuple[int, int, int | None, int, float, float]] = []
        eventful: list[int] = []
        for index, m in enumerate(ctx.members):
            if m.circle is None:
                continue
            cadence = m.cadence_days or inp.circles.get(m.circle)
            if cadence is None:
                continue
            pid = m.id
            history = inp.history.get(pid) if inp.history else None
            base = days_since(ctx, m, history)
            peak = history.peak_closeness if history is not None and history.peak_closeness else 0
            may_reconnect = (
                base is not None
                and max(peak, m.closeness) >= DORMANT_PEAK
                and base + days - 1 >= max(DORMANT_MIN_DAYS, DORMANT_CADENCES * cadence)
            )
            if (
                may_reconnect
                or (inp.outcomes and pid in inp.outcomes)
                or (inp.follow_ups and inp.follow_ups.get(pid))
                or (
                    m.birth_month is not None
                    and (m.birth_month, m.birth_day or 0) in week_birthdays
                )
            ):
                eventful.append(index)
                continue
            feeling = m.feeling
            shift = 4.0 if feeling is _ENERGISING else -4.0 if feeling is _DRAINING else 0.0
            steady.append((pid, index, base, cadence, 2.5 * m.closeness, shift))
        return cls(steady, eventful)

    def due(self, ctx: Context) -> int:
        """How many people in the plan are due on the first day (ratio >= 1)."""
        count = 0
        excluded = ctx.inp.exclude_people
        for pid, _, base, cadence, _, _ in self.steady:
            if pid in excluded:
                continue
            if base is None or base / cadence >= 1.0:
                count += 1
        for index in self.eventful:
            cand = candidate(ctx, ctx.members[index])
            if cand is not None and cand.ratio >= 1.0:
                count += 1
        return count

    def keyed(self, ctx: Context, offset: int) -> list[tuple[float, int, int]]:
        """(-score, id, index) of everyone still in the running on day ``offset``."""
        excluded = ctx.inp.exclude_people
        keyed: list[tuple[float, int, int]] = []
        append = keyed.append
        for pid, index, base, cadence, closeness, shift in self.steady:
            if pid in excluded:
                continue
            ratio = NEVER_RATIO if base is None else (base + offset) / cadence
            total = 12.0 * min(ratio, RATIO_CAP) + closeness
            if shift:
                total += shift
            append((-max(total, 0.5), pid, index))
        members = ctx.members
        for index in self.eventful:
            scored = score(ctx, members[index], detail=False)
            if scored is not None:
                append((-scored[0], members[index].id, index))
        return keyed


def rank(
    inp: PlanInput,  # noqa: ARG001
    ctx: Context,
    *,
    limit: int | None,
    week: WeekScores | None = None,
    offset: int = 0,
) -> list[Candidate]:
    """People in the plan, best first (ties by id); the top ``limit`` of them, or everyone.

    ``inp`` is ``ctx.inp`` (kept for the callers' sake). With ``inp.full_members``, the
    candidates are the full members of the people at the top (the scores are the same: they
    read only ranking fields). With ``week``, the scores come from :class:`WeekScores` (day
    ``offset`` of the run).
    """
    members = ctx.members
    keyed = week.keyed(ctx, offset) if week is not None else _day_keyed(ctx, limit)
    top = sorted(keyed) if limit is None else heapq.nsmallest(limit, keyed)
    chosen = [members[index] for _, _, index in top]
    full = ctx.inp.full_members
    if full is not None:  # ranked from ranking members: the few at the top in full
        found = full([m.id for m in chosen])
        chosen = [found.get(m.id, m) for m in chosen]
    out = []
    for person in chosen:
        cand = candidate(ctx, person)
        if cand is not None:
            out.append(cand)
    return out


def _day_keyed(ctx: Context, limit: int | None) -> list[tuple[float, int, int]]:
    """(-score, id, index) of the people in the running today who can be among the best
    ``limit`` (ties at the cut included), or of everyone: :func:`score`, in one tight loop.

    Most people have no birthday soon, no follow-up, no skip or snooze, no history day and
    cannot be dormant: their score is computed inline, with the same arithmetic as
    :func:`score` (a sink of 1.0 changes nothing), and kept as one float. Anyone else goes
    through :func:`score`. The key tuples are built only for the people at or above the
    ``limit``-th best score, found by sorting the floats (in C).
    """
    inp = ctx.inp
    birthdays = ctx.birthdays
    months = {month for month, _ in birthdays}
    special = _special(inp)
    today_epoch_day = ctx.today_epoch_day
    local_days = ctx.local_days
    offsets = local_days._offsets
    dormant_min = DORMANT_MIN_DAYS
    members = ctx.members
    scores: list[float] = []  # -score of each member scored inline, else infinity
    append = scores.append
    inf = math.inf
    full: list[tuple[float, int, int]] = []  # those scored by score()
    fields, circles = _ranking_fields(ctx)
    for index, (pid, circle, own, closeness, feeling, _, bm, bd, last) in enumerate(fields):
        if circle is None:
            append(inf)
            continue
        cadence = own or circles.get(circle)
        if cadence is None:
            append(inf)
            continue
        if pid in special or (bm in months and (bm, bd or 0) in birthdays):
            days = -1  # not the common case: scored in full below
        elif last is None:
            days = None
        else:
            offset = offsets.get(last // DAY_SECONDS)
            local = local_days.of(last) if offset is None else (last + offset) // DAY_SECONDS
            days = today_epoch_day - local
            if days >= dormant_min and days >= DORMANT_CADENCES * cadence:
                days = -1
        if days is not None and days < 0:
            append(inf)
            scored = score(ctx, members[index], detail=False)
            if scored is not None:
                full.append((-scored[0], pid, index))
            continue
        ratio = NEVER_RATIO if days is None else days / cadence
        if ratio > RATIO_CAP:  # noqa: PLR1730 -- min(ratio, RATIO_CAP) without a call
            ratio = RATIO_CAP
        total = 12.0 * ratio + 2.5 * closeness
        if feeling == _ENERGISING_TEXT:
            total += 4.0
        elif feeling == _DRAINING_TEXT:
            total -= 4.0
        append(-total if total >= 0.5 else -0.5)  # -max(total, 0.5)
    people = members.rows if type(members) is RankingRows else members
    return _at_the_top(scores, full, people, limit)


def _ranking_fields(ctx: Context) -> tuple[Iterable[tuple[Any, ...]], Mapping[Any, int | None]]:
    """Each member's fields in a ranking row's order (RANKING_ROW), and the cadence of each
    circle as the rows name it. Ranking rows are read as they are, their circle by id (a feeling
    as its text: equal to the member's); a circle id unknown to the rows' names (a member
    without a circle) has them read as members, the circle by name."""
    members = ctx.members
    circles = ctx.inp.circles
    if type(members) is RankingRows:
        names = members.circle_names
        if names.keys() >= set(map(_CIRCLE_ID, members.rows)):
            by_id = {cid: circles.get(name) for cid, name in names.items()}
            return members.rows, by_id
    return map(_MEMBER_AS_ROW, members), circles


def _special(inp: PlanInput) -> set[int]:
    """Everyone scored in full for a reason other than a birthday or dormancy, as one set."""
    special = set(inp.outcomes or ()) | inp.exclude_people
    special.update(pid for pid, items in (inp.follow_ups or {}).items() if items)
    if inp.history:  # those with a history day (a date is true, None false), without a loop
        special.update(compress(inp.history.keys(), map(_LAST_DAY, inp.history.values())))
    return special


def _at_the_top(
    scores: list[float],
    full: list[tuple[float, int, int]],
    people: Sequence[tuple[Any, ...]],
    limit: int | None,
) -> list[tuple[float, int, int]]:
    """The keys of those scored inline at or above the cut (the ``limit``-th best key of all,
    or everyone in the running), then all of ``full``. ``people``: members or ranking rows (the
    id first in both)."""
    inf = math.inf
    keep = inf.__gt__
    if limit is not None and len(scores) + len(full) > limit:
        cut = sorted([*scores, *(key for key, _, _ in full)])[limit - 1]
        if cut < inf:
            keep = cut.__ge__
    kept = compress(range(len(scores)), map(keep, scores))
    return [(scores[i], people[i][0], i) for i in kept] + full
