"""Today's plan, kept stable: computed once a day, persisted, then acted on by number.

Choice (documented in docs/performance.md): the numbers a user saw never change during
the day. Skipping or snoozing a suggestion marks its row and leaves the other rows as they are;
nothing is refilled (``kithkin suggest`` offers something else right away). The skip or snooze
shapes the next days' plans.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from kithkin.domain import limits
from kithkin.domain.errors import ConflictError, InputError
from kithkin.domain.model import Interaction, Person, Profile, check_range
from kithkin.domain.plan.status import DONE, OPEN, SKIPPED, SNOOZED
from kithkin.domain.reason import Reason
from kithkin.domain.timeutil import local_day, past_when
from kithkin.services.planning_ports import PlanningUnitOfWork, StoredSuggestion
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:  # the planner is imported only when a plan is computed
    from kithkin.domain.plan.planner import DayPlan, Suggestion
    from kithkin.domain.roster import Member
    from kithkin.services.daily_ports import DailyPlanReads
    from kithkin.services.planning import Gathered

PLAN_SIZE = 3
MAX_SNOOZE_DAYS = limits.SNOOZE_DAYS[1]
RECONNECT_KEY = "plan.reason.reconnect"


class UnknownSuggestion(InputError):
    """No suggestion in today's plan has this number."""

    key = "suggestion_unknown"


class NoSuggestionsToday(InputError):
    """Today's plan has no suggestions to refer to."""

    key = "suggestion_none_today"


class SuggestionAlreadyDone(ConflictError):
    """The suggestion is already done, so it cannot be skipped, snoozed or done again."""

    key = "suggestion_already_done"


@dataclass(frozen=True, slots=True)
class SuggestionView:
    """A suggestion as users see it (the same record feeds the CLI, its JSON and the web)."""

    rank: int
    person: Person | None
    action_id: str
    title: str
    how: str
    kind: str
    minutes: int
    channel: str
    reasons: tuple[Reason, ...]
    proposed_time: datetime | None
    status: str = OPEN
    snoozed_until: date | None = None
    opener: str | None = None

    @property
    def reason(self) -> str:
        return "; ".join(r.text for r in self.reasons)

    def as_dict(self) -> dict[str, Any]:
        person = self.person
        return {
            "number": self.rank,
            "person": None if person is None else {"id": person.id, "name": person.display_name},
            "action_id": self.action_id,
            "title": self.title,
            "how": self.how,
            "kind": self.kind,
            "minutes": self.minutes,
            "channel": self.channel,
            "reason": self.reason,
            "reason_keys": [r.key for r in self.reasons],
            "proposed_time": None if self.proposed_time is None else self.proposed_time.isoformat(),
            "status": self.status,
            "snoozed_until": None if self.snoozed_until is None else self.snoozed_until.isoformat(),
            "opener": self.opener,
        }


@dataclass(frozen=True, slots=True)
class PlanView:
    day: date
    suggestions: list[SuggestionView]
    notes: tuple[Reason, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "suggestions": [s.as_dict() for s in self.suggestions],
            "notes": [n.text for n in self.notes],
        }


def _stored(day: date, s: Suggestion, g: Gathered) -> StoredSuggestion:
    action = g.actions[s.action_id]
    return StoredSuggestion(
        day=day,
        rank=s.rank,
        person_id=s.person_id,
        action_id=s.action_id,
        title=action.title,
        kind=s.kind,
        minutes=s.minutes,
        channel=s.channel,
        social_load=s.social_load,
        reconnect=any(r.key == RECONNECT_KEY for r in s.reasons),
        reasons=tuple((r.key, dict(r.params)) for r in s.reasons),
        proposed_time=s.proposed_time,
    )


def _view(
    uow: DailyPlanReads,
    s: StoredSuggestion,
    g: Gathered | None,
    persons: Mapping[int, Person] | None = None,
    actions: Mapping[str, Any] | None = None,
) -> SuggestionView:
    person = None
    if s.person_id is not None:
        person = persons.get(s.person_id) if persons is not None else None
        person = person or uow.people.get(s.person_id)
    action = (actions if actions is not None else _actions(uow, g)).get(s.action_id)
    opener = None
    if s.reconnect and person is not None:
        from kithkin.domain.openers import draft_opener

        last = uow.plan_data.last_meaningful(s.person_id or 0)
        opener = draft_opener(
            person=person,
            today=s.day,
            last_kind=last[0] if last else None,
            last_day=last[1] if last else None,
        ).text
    return SuggestionView(
        rank=s.rank,
        person=person,
        action_id=s.action_id,
        title=s.title,
        how=action.how if action is not None else "",
        kind=s.kind,
        minutes=s.minutes,
        channel=s.channel,
        reasons=tuple(Reason(k, dict(p)) for k, p in s.reasons),
        proposed_time=s.proposed_time,
        status=s.status,
        snoozed_until=s.snoozed_until,
        opener=opener,
    )


def _actions(uow: DailyPlanReads, g: Gathered | None) -> Mapping[str, Any]:
    """The catalogue with the user's own actions: the gathered plan inputs', or read."""
    if g is not None:
        return g.actions
    from kithkin.services.planning import load_actions

    return {a.id: a for a in load_actions(uow=uow)}


def _ensure_today(
    *, uow: PlanningUnitOfWork, now: datetime, members: list[Member] | None = None
) -> tuple[list[StoredSuggestion], Gathered | None, DayPlan | None]:
    """Today's stored rows; made on first use, and remade when an event marked them out of
    date (what was done, skipped or snoozed stays, with its number)."""
    profile = get_profile(uow=uow)
    today = local_day(now, profile.timezone)
    stored = uow.suggestions.for_day(today)
    marked = uow.plan_marks.is_marked()
    if stored and not marked:
        return stored, None, None
    rows, g, plan, changed = _remake(
        uow, now, stored, profile=profile, marked=marked, members=members
    )
    if changed:
        uow.commit()
        return uow.suggestions.for_day(today), g, plan
    return rows, g, plan


def remake_marked_plan(*, uow: PlanningUnitOfWork, now: datetime) -> bool:
    """Remake today's stored plan now when an event in this unit of work marked it out of date,
    in the same transaction and without committing (the caller's commit stores it): the first
    read after the write then finds it made. Only a plan already made today is remade (the
    first read of the day makes it, as ever). True when it was remade."""
    if not uow.plan_marks.is_marked():
        return False
    profile = get_profile(uow=uow)
    stored = uow.suggestions.for_day(local_day(now, profile.timezone))
    if not stored:
        return False
    _remake(uow, now, stored, profile=profile, marked=True)
    return True


def plan_is_current(*, uow: DailyPlanReads, now: datetime) -> bool:
    """Today's plan is made and no event marked it out of date: reading it writes nothing."""
    if uow.plan_marks.is_marked():
        return False
    return bool(uow.suggestions.for_day(local_day(now, get_profile(uow=uow).timezone)))


def _remake(
    uow: PlanningUnitOfWork,
    now: datetime,
    stored: list[StoredSuggestion],
    *,
    profile: Profile,
    marked: bool,
    members: list[Member] | None = None,
) -> tuple[list[StoredSuggestion], Gathered, DayPlan, bool]:
    """Today's plan made afresh beside the rows kept (done, skipped or snoozed) and written
    without a commit; the rows, and whether anything was written."""
    from kithkin.domain.plan.planner import plan_day
    from kithkin.services.planning import gather

    today = local_day(now, profile.timezone)
    kept = [s for s in stored if s.status != OPEN]
    g = gather(uow=uow, now=now, profile=profile, members=members)
    inp = g.inp
    if kept:
        inp = replace(
            inp,
            exclude_people=inp.exclude_people
            | {s.person_id for s in kept if s.person_id is not None},
            yesterday_actions=inp.yesterday_actions | {s.action_id for s in kept},
            reconnects_this_week=inp.reconnects_this_week + sum(s.reconnect for s in kept),
        )
    plan = plan_day(inp, n=max(PLAN_SIZE - len(kept), 0))
    rows = _ranked(today, plan.suggestions, g, stored, kept)
    if marked:
        uow.plan_marks.clear()
    if stored != kept:
        uow.suggestions.delete_open(today)
    if rows:
        uow.suggestions.add_many(rows, created_at=now)
    return kept, g, plan, bool(rows or marked or stored != kept)


def _ranked(
    day: date,
    picks: Sequence[Suggestion],
    g: Gathered,
    stored: list[StoredSuggestion],
    kept: list[StoredSuggestion],
) -> list[StoredSuggestion]:
    """New rows for ``picks``: an idea that was already on the list keeps its number, the others
    take the free numbers in order (the numbers of kept rows are never reused)."""
    before = {(s.person_id, s.action_id): s.rank for s in stored if s.status == OPEN}
    taken = {s.rank for s in kept}
    ranks: list[int | None] = []
    for p in picks:
        rank = before.get((p.person_id, p.action_id))
        ranks.append(rank if rank is not None and rank not in taken else None)
        if rank is not None:
            taken.add(rank)
    free = (r for r in range(1, PLAN_SIZE + len(picks) + len(kept) + 1) if r not in taken)
    out = []
    for p, rank in zip(picks, ranks, strict=True):
        chosen = rank if rank is not None else next(free)
        out.append(_stored(day, replace(p, rank=chosen), g))
    return sorted(out, key=lambda s: s.rank)


def todays_plan(
    *, uow: PlanningUnitOfWork, now: datetime, members: list[Member] | None = None
) -> PlanView:
    """Today's suggestions (computed and stored on first use, then read back unchanged).

    ``members``: the lean roster, when the caller has already read it (see ``today``)."""
    stored = stored_plan(uow=uow, now=now)
    if stored is not None:
        return stored
    rows, g, plan = _ensure_today(uow=uow, now=now, members=members)
    day = local_day(now, get_profile(uow=uow).timezone)
    notes = plan.notes if plan is not None and not rows else ()
    persons = _persons(uow, rows)
    actions = _actions(uow, g) if rows else {}
    return PlanView(day, [_view(uow, s, g, persons, actions) for s in rows], notes)


def stored_plan(*, uow: DailyPlanReads, now: datetime) -> PlanView | None:
    """Today's plan as stored, read back unchanged; None while today's plan is not made or an
    event marked it out of date (see ``services.plan_events``)."""
    if uow.plan_marks.is_marked():
        return None
    day = local_day(now, get_profile(uow=uow).timezone)
    rows = uow.suggestions.for_day(day)
    if not rows:
        return None
    persons = _persons(uow, rows)
    actions = _actions(uow, None)
    return PlanView(day, [_view(uow, s, None, persons, actions) for s in rows], ())


def _persons(uow: DailyPlanReads, rows: list[StoredSuggestion]) -> dict[int, Person]:
    return uow.people.get_many(s.person_id for s in rows if s.person_id is not None)


def week_plan(*, uow: PlanningUnitOfWork, now: datetime, days: int = 7) -> list[PlanView]:
    """Today's stored plan, then a plan for each of the following days (those are not stored).

    The first day is exactly :func:`todays_plan`, so ``plan`` and ``plan --week`` agree."""
    from kithkin.domain.plan.planner import plan_week
    from kithkin.domain.timeutil import day_start_utc
    from kithkin.services.planning import gather

    first = todays_plan(uow=uow, now=now)
    if days <= 1:
        return [first][:days]
    g = gather(uow=uow, now=now)
    tomorrow = g.inp.today + timedelta(days=1)
    planned = [s for s in first.suggestions if s.status != SKIPPED]
    people = frozenset(s.person.id for s in planned if s.person is not None and s.person.id)
    monday = tomorrow.weekday() == 0
    load = sum(g.actions[s.action_id].social_load for s in planned if s.action_id in g.actions)
    inp = replace(
        g.inp,
        today=tomorrow,
        now=day_start_utc(tomorrow, g.inp.profile.timezone),
        minutes_available=None,
        free_slots=None,
        exclude_people=g.inp.exclude_people | people,
        yesterday_people=people,
        yesterday_actions=frozenset(s.action_id for s in planned),
        energy_spent_week=0 if monday else g.inp.energy_spent_week + load,
        reconnects_this_week=0 if monday else g.inp.reconnects_this_week,
    )
    plans = [
        (p, [_stored(p.day, s, g) for s in p.suggestions]) for p in plan_week(inp, days=days - 1)
    ]
    persons = _persons(uow, [s for _, rows in plans for s in rows])
    return [first] + [
        PlanView(plan.day, [_view(uow, s, g, persons) for s in rows], plan.notes)
        for plan, rows in plans
    ]


def suggest(*, uow: PlanningUnitOfWork, now: datetime, minutes: int) -> SuggestionView | None:
    """The single best thing to do right now with ``minutes`` to spare (not stored)."""
    check_range("minutes", minutes, 1, 600)
    from kithkin.domain.plan.planner import suggest_now
    from kithkin.services.planning import gather

    g = gather(uow=uow, now=now)
    found = suggest_now(g.inp, minutes)
    if found is None:
        return None
    return _view(uow, _stored(g.inp.today, found, g), g)


def _pick(uow: PlanningUnitOfWork, now: datetime, number: int) -> StoredSuggestion:
    rows, _, _ = _ensure_today(uow=uow, now=now)
    if not rows:
        raise NoSuggestionsToday(number=number)
    for s in rows:
        if s.rank == number:
            return s
    raise UnknownSuggestion(number=number, high=len(rows))


@dataclass(frozen=True, slots=True)
class DoneResult:
    suggestion: SuggestionView
    interaction: Interaction
    today: date  # the user's local day now: did this count for today's Power of One?


def mark_done(
    *,
    uow: PlanningUnitOfWork,
    now: datetime,
    number: int,
    minutes: int | None = None,
    quality: int | None = None,
    mood_before: int | None = None,
    mood_after: int | None = None,
    note: str = "",
    when: str | None = None,
) -> DoneResult:
    """Log suggestion ``number`` of today's plan as an interaction (prefilled from it)."""
    s = _pick(uow, now, number)
    if s.status == DONE:
        raise SuggestionAlreadyDone(number=number, what="log again")
    tz = get_profile(uow=uow).timezone
    occurred = past_when(when or "now", now=now, tz=tz)
    item = Interaction(
        occurred_at=occurred,
        day=local_day(occurred, tz),
        kind=s.kind,
        minutes=s.minutes if minutes is None else minutes,
        person_ids=() if s.person_id is None else (s.person_id,),
        with_other="" if s.person_id is not None else s.title[:200],
        meaningful=True,
        quality=quality,
        mood_before=mood_before,
        mood_after=mood_after,
        note=note.strip(),
    )
    from kithkin.services.interactions import record

    (stored,) = record(uow=uow, items=[item], now=now)
    assert s.id is not None
    uow.suggestions.set_status(s.id, status=DONE, interaction_id=stored.id)
    uow.commit()
    done = StoredSuggestion(**{**_fields(s), "status": DONE, "interaction_id": stored.id})
    return DoneResult(_view(uow, done, None), stored, local_day(now, tz))


def skip(*, uow: PlanningUnitOfWork, now: datetime, number: int) -> SuggestionView:
    """Set suggestion ``number`` aside today; the person sinks in the plan for a few days."""
    s = _pick(uow, now, number)
    if s.status == DONE:
        raise SuggestionAlreadyDone(number=number, what="skip")
    assert s.id is not None
    uow.suggestions.set_status(s.id, status=SKIPPED)
    uow.commit()
    return _view(uow, StoredSuggestion(**{**_fields(s), "status": SKIPPED}), None)


def snooze(*, uow: PlanningUnitOfWork, now: datetime, number: int, days: int) -> SuggestionView:
    """Hide the person of suggestion ``number`` from the plan for ``days`` days."""
    check_range("days", days, *limits.SNOOZE_DAYS)
    s = _pick(uow, now, number)
    if s.status == DONE:
        raise SuggestionAlreadyDone(number=number, what="snooze")
    until = s.day + timedelta(days=days)
    assert s.id is not None
    uow.suggestions.set_status(s.id, status=SNOOZED, snoozed_until=until)
    uow.commit()
    fields = {**_fields(s), "status": SNOOZED, "snoozed_until": until}
    return _view(uow, StoredSuggestion(**fields), None)


def _fields(s: StoredSuggestion) -> dict[str, Any]:
    return {name: getattr(s, name) for name in StoredSuggestion.__slots__}
