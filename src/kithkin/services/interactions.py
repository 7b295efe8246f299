"""Logging interactions, keeping each person's cadence clock and the day counts in step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from kithkin.domain.errors import BadDate, InputError, NotFoundError
from kithkin.domain.model import Interaction, Person, kind
from kithkin.domain.timeutil import local_day, past_when, queued_when
from kithkin.services.people import resolve_many
from kithkin.services.plan_events import interactions_logged, plan_changed
from kithkin.services.ports import ClientIdTaken
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork


EARLIEST_INTERACTION = datetime(1970, 1, 1, tzinfo=UTC)


class OldInteraction(InputError):
    """A moment more than a year ago, logged without confirming it."""

    key = "old_interaction"


class InteractionNotFound(NotFoundError):
    """No interaction has this id."""

    key = "interaction_not_found"


@dataclass(frozen=True, slots=True)
class Logged:
    interaction: Interaction
    people: list[Person]
    today: date  # the user's local day now: did this count for today's Power of One?
    replayed: bool = False  # the browser sent this client id before: nothing new was stored


def record(
    *,
    uow: UnitOfWork,
    items: Sequence[Interaction],
    now: datetime,
    client_id: str | None = None,
) -> list[Interaction]:
    """Store interactions and refresh the derived data they touch (no commit). ``client_id``
    (one item only) is the id the browser made for a log sent from its offline queue."""
    stored = [uow.interactions.add(item, created_at=now, client_id=client_id) for item in items]
    uow.people.refresh_last_contact({pid for i in stored for pid in i.person_ids})
    uow.day_stats.refresh({i.day for i in stored})
    interactions_logged(uow=uow, items=stored, now=now)
    return stored


def log_interaction(
    *,
    uow: UnitOfWork,
    now: datetime,
    kind_id: str,
    with_names: Sequence[str] = (),
    with_other: str = "",
    minutes: int | None = None,
    meaningful: bool = True,
    quality: int | None = None,
    mood_before: int | None = None,
    mood_after: int | None = None,
    note: str = "",
    when: str | None = None,
    timezone: str | None = None,
    confirm_old: bool = True,
    client_id: str | None = None,
    queued_at: datetime | None = None,
    sent_at: datetime | None = None,
) -> Logged:
    """Log one interaction. ``when`` is read in the user's zone (or ``timezone`` when travelling);
    the local day is fixed at that moment, so history stays as it was lived. Nothing before
    1970; a moment more than a year ago needs ``confirm_old`` (the interfaces ask for it).

    ``client_id`` is made by the browser for a log queued offline: sending it again returns
    the interaction stored the first time (``replayed``) and writes nothing, also when two
    requests send it at the same moment (the loser of the race is answered the same way).

    ``queued_at`` (when the log was queued) and ``sent_at`` (when it was sent), both on the
    device's clock, mark a write from an offline queue: its moment is corrected by how far
    that clock is off (:func:`kithkin.domain.timeutil.queued_when`) and never refused as
    "in the future", which stays for what a person types."""
    profile = get_profile(uow=uow)
    if client_id is not None:
        earlier = uow.interactions.by_client_id(client_id)
        if earlier is not None:
            return _replayed(uow, earlier, local_day(now, profile.timezone))
    tz = timezone or profile.timezone
    found = kind(kind_id)
    if queued_at is None and sent_at is None:
        occurred = past_when(when or "now", now=now, tz=tz)
    else:
        occurred = queued_when(when, queued_at=queued_at, sent_at=sent_at, now=now, tz=tz)
    if occurred < EARLIEST_INTERACTION:
        raise BadDate(value=when, what="a moment from 1970 on")
    if occurred < now - timedelta(days=365) and not confirm_old:
        raise OldInteraction(value=local_day(occurred, tz).isoformat())
    people = resolve_many(uow=uow, refs=with_names)
    item = Interaction(
        occurred_at=occurred,
        day=local_day(occurred, tz),
        kind=found.id,
        minutes=found.minutes if minutes is None else minutes,
        person_ids=tuple(p.id for p in people if p.id is not None),
        with_other=with_other.strip(),
        meaningful=meaningful,
        quality=quality,
        mood_before=mood_before,
        mood_after=mood_after,
        note=note.strip(),
    )
    try:
        (stored,) = record(uow=uow, items=[item], now=now, client_id=client_id)
    except ClientIdTaken:  # another request stored the same queued log a moment ago
        assert client_id is not None
        earlier = uow.interactions.by_client_id(client_id)
        assert earlier is not None
        return _replayed(uow, earlier, local_day(now, profile.timezone))
    uow.commit()
    return Logged(stored, people, local_day(now, profile.timezone))


def _replayed(uow: UnitOfWork, earlier: Interaction, today: date) -> Logged:
    found_people = uow.people.get_many(earlier.person_ids)
    return Logged(
        earlier,
        [found_people[i] for i in earlier.person_ids if i in found_people],
        today,
        replayed=True,
    )


def delete_interaction(*, uow: UnitOfWork, interaction_id: int) -> None:
    """Remove a logged interaction and recompute what depended on it."""
    item = uow.interactions.get(interaction_id)
    if item is None:
        raise InteractionNotFound(id=interaction_id)
    uow.interactions.delete(interaction_id)
    uow.people.refresh_last_contact(item.person_ids)
    uow.day_stats.refresh([item.day])
    plan_changed(uow=uow)
    uow.commit()
