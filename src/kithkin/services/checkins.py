"""The daily check-in: one per local day; a second one that day changes only what it names.

Partial updates: a value left out (``None``) keeps what is stored for the day. To remove a stored
energy, sleep or note, name the field in ``clear`` (the CLI's ``--clear``, ``null`` in the API,
an empty field in the web form). Mood and stress are required for the day's first check-in and
cannot be cleared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kithkin.domain.errors import CheckInNeedsMoodStress, ClearAndSet, NotClearable
from kithkin.domain.model import CheckIn
from kithkin.domain.timeutil import device_moment, local_day, past_day
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork

CLEARABLE = ("energy", "sleep", "note")
"""The check-in fields a user can remove (by these names, as in the CLI's options)."""

WEB_NAMES = {"sleep_hours": "sleep"}
"""The web's field names (the form's inputs, the API's JSON keys) that ``clear`` knows by
another name; the others are the same."""


@dataclass(frozen=True, slots=True)
class CheckInResult:
    checkin: CheckIn
    created: bool
    replayed: bool = False  # the browser sent this client id before: nothing was changed
    # A check-in queued on a device before the day's stored one last changed: not applied.
    superseded: bool = False


def check_in(
    *,
    uow: UnitOfWork,
    now: datetime,
    mood: int | None = None,
    stress: int | None = None,
    energy: int | None = None,
    sleep_hours: float | None = None,
    note: str | None = None,
    day: str | None = None,
    clear: Iterable[str] = (),
    client_id: str | None = None,
    queued_at: datetime | None = None,
    sent_at: datetime | None = None,
) -> CheckInResult:
    """Save the day's check-in; on an existing one only the named fields change.

    ``client_id`` is made by the browser for a check-in queued offline: sending it again
    returns the stored check-in (``replayed``) and changes nothing.

    ``queued_at`` is when a check-in was queued offline, ``sent_at`` when it was sent, both on
    the device's clock: corrected by how far that clock is off, the queued moment is the
    check-in's time of change (its day when ``day`` is not given). A queued check-in older
    than the day's last change (an online one made since, or a later queued one sent first)
    is not applied: the stored check-in is returned, ``superseded``."""
    if client_id is not None:
        earlier = uow.checkins.by_client_id(client_id)
        if earlier is not None:
            return CheckInResult(earlier, created=False, replayed=True)
    cleared = frozenset(clear)
    for name in sorted(cleared):
        if name not in CLEARABLE:
            raise NotClearable(field=name, allowed=", ".join(CLEARABLE))
    given = {"energy": energy, "sleep": sleep_hours, "note": note}
    for name in sorted(cleared):
        if given[name] not in (None, ""):
            raise ClearAndSet(field=name)
    profile = get_profile(uow=uow)
    today = local_day(now, profile.timezone)
    made = None if queued_at is None else device_moment(queued_at, sent_at=sent_at, now=now)
    if day:
        on = past_day(day, today=today)
    else:
        on = today if made is None else local_day(made, profile.timezone)
    stored = uow.checkins.get(on)
    if made is not None and stored is not None:
        last = uow.checkins.updated_at(on)
        if last is not None and made < last:
            return CheckInResult(stored, created=False, superseded=True)
    if stored is None and (mood is None or stress is None):
        raise CheckInNeedsMoodStress()
    base = stored or CheckIn(day=on, mood=mood or 5, stress=stress or 5)
    checkin = CheckIn(
        day=on,
        mood=base.mood if mood is None else mood,
        stress=base.stress if stress is None else stress,
        energy=None if "energy" in cleared else (base.energy if energy is None else energy),
        sleep_hours=(
            None
            if "sleep" in cleared
            else (base.sleep_hours if sleep_hours is None else sleep_hours)
        ),
        note="" if "note" in cleared else (base.note if note is None else note.strip()),
    )
    created = uow.checkins.upsert(checkin, now=made or now, client_id=client_id)
    uow.commit()
    return CheckInResult(checkin, created)


def cleared_on_the_web(sent: Mapping[str, object]) -> list[str]:
    """The fields a web check-in removes, by the names ``clear`` knows: every field of ``sent``
    (what the request named: the API's JSON keys, the form's fields) that came empty (a JSON
    null, an empty form field). A field not sent keeps its stored value; the day is never
    cleared, nor the client's id of an offline write; mood or stress sent empty are named
    too, and :func:`check_in` refuses them."""
    return sorted(
        WEB_NAMES.get(name, name)
        for name, value in sent.items()
        if name not in ("date", "client_id", "queued_at", "sent_at")
        and (value is None or (isinstance(value, str) and not value.strip()))
    )


def todays_checkin(*, uow: UnitOfWork, now: datetime) -> CheckIn | None:
    """Today's check-in (the user's local day), if there is one: a single small read."""
    return uow.checkins.get(local_day(now, get_profile(uow=uow).timezone))
