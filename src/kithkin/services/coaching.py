"""Coach sharing (#16): a client lets a coach's account see some of their numbers.

What can be shared: the Power of One (streak and strength), check-in trends (mood and stress
by day), questionnaire scores and the insights summary (without its sentences about a
person). Never people's names, notes or interactions. Revocable at any time; every view by the
coach is recorded in the same transaction as the check that allows it, and shown to the
client.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from kithkin.domain.errors import InputError, NotFoundError, NotInitialised
from kithkin.services.accounts_ports import AccountStore
from kithkin.services.ports import UnitOfWork

SHAREABLE = ("power", "checkins", "questionnaires", "insights")
TREND_DAYS = 28


class BadShare(InputError):
    key = "bad_share"


@dataclass(frozen=True, slots=True)
class CoachShare:
    id: int
    client_id: int
    client: str
    coach_id: int
    coach: str
    shares: frozenset[str]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CoachView:
    coach: str | None  # None: the coach has since deleted their account
    shares: frozenset[str]
    viewed_at: datetime


class CoachRepo(Protocol):
    def set_share(self, client_id: int, coach_id: int, shares: str, now: datetime) -> None: ...
    def remove_share(self, client_id: int, share_id: int) -> bool: ...
    def shares_of_client(self, client_id: int) -> list[CoachShare]: ...
    def clients_of_coach(self, coach_id: int) -> list[CoachShare]: ...
    def share(self, client_id: int, coach_id: int) -> CoachShare | None: ...
    def add_view(self, client_id: int, coach_id: int, shares: str, now: datetime) -> None: ...
    def views_of_client(self, client_id: int, limit: int = 50) -> list[CoachView]: ...


class CoachStore(Protocol):
    def open(self, *, write: bool = False) -> AbstractContextManager[CoachRepo]: ...


def share_with_coach(
    *,
    store: CoachStore,
    accounts: AccountStore,
    client_id: int,
    coach_name: str,
    shares: set[str],
    now: datetime,
) -> None:
    """Share ``shares`` with the coach called ``coach_name`` (again: replaces what was shared)."""
    chosen = sorted(shares & set(SHAREABLE))
    if not chosen or len(chosen) != len(shares):
        raise BadShare(allowed=", ".join(SHAREABLE))
    with accounts.open() as repo:
        coach = repo.by_name(coach_name.strip().lower())
    if coach is None or coach.disabled or coach.id == client_id:
        from kithkin.domain.accounts import NoSuchAccount

        raise NoSuchAccount(name=coach_name.strip())
    with store.open(write=True) as repo:
        repo.set_share(client_id, coach.id, ",".join(chosen), now)


def stop_sharing(*, store: CoachStore, client_id: int, share_id: int) -> None:
    with store.open(write=True) as repo:
        if not repo.remove_share(client_id, share_id):
            raise NotFoundError()


def client_page(*, store: CoachStore, client_id: int) -> tuple[list[CoachShare], list[CoachView]]:
    """The client's coaches (with what each sees) and the latest views."""
    with store.open() as repo:
        return repo.shares_of_client(client_id), repo.views_of_client(client_id)


def clients(*, store: CoachStore, coach_id: int) -> list[CoachShare]:
    with store.open() as repo:
        return repo.clients_of_coach(coach_id)


def coach_view(
    *,
    store: CoachStore,
    units: Callable[[int], AbstractContextManager[UnitOfWork]],
    coach_id: int,
    client_id: int,
    now: datetime,
) -> tuple[CoachShare, dict[str, Any]]:
    """What ``client_id`` shares with ``coach_id``, read now and recorded as a view. 404 when
    nothing is shared (never shared, revoked, or not a client of this coach)."""
    with store.open(write=True) as repo:
        share = repo.share(client_id, coach_id)
        if share is None:
            raise NotFoundError()
        repo.add_view(client_id, coach_id, ",".join(sorted(share.shares)), now)
    with units(client_id) as uow:
        return share, _shared(uow, share.shares, now)


def _shared(uow: UnitOfWork, shares: frozenset[str], now: datetime) -> dict[str, Any]:
    from kithkin.domain.timeutil import local_day
    from kithkin.services.profiles import get_profile

    try:
        profile = get_profile(uow=uow)
    except NotInitialised:
        return {}
    today = local_day(now, profile.timezone)
    out: dict[str, Any] = {}
    if "power" in shares:
        from kithkin.services.today import today as today_view

        view = today_view(uow=uow, now=now).as_dict()
        out["power"] = {k: view[k] for k in ("goal", "count", "streak", "best_streak", "strength")}
    if "checkins" in shares:
        moods = uow.insights_data.checkin_moods(until=today)
        since = today - timedelta(days=TREND_DAYS)
        out["checkins"] = [
            {"day": day.isoformat(), "mood": mood, "stress": stress}
            for day, (mood, stress) in sorted(moods.items())
            if day > since
        ]
    if "questionnaires" in shares:
        from kithkin.services.questionnaires import history

        out["questionnaires"] = [
            {
                "instrument": r.instrument_id,
                "day": r.day.isoformat(),
                "score": r.raw,
                "band": r.band,
            }
            for r in history(uow=uow)
        ]
    if "insights" in shares:
        from kithkin.services.insights import message_text, personal_insights

        found = personal_insights(uow=uow, now=now)
        out["insights"] = [
            message_text(m)
            for m in found.insights.summary
            if not m.key.startswith("insights.person_")  # they name someone
        ]
    return out
