"""Correcting what was written: edit and delete of interactions, check-ins, follow-ups,
questionnaire results, ladder attempts and people, each keeping derived data in step
(``people.last_contact_at`` and ``day_stats`` are recomputed from the source rows)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

from kithkin.domain.errors import (
    ConflictError,
    FollowUpNotFound,
    InputError,
    NotFoundError,
    PersonNotFound,
)
from kithkin.domain.model import check_range, check_text
from kithkin.domain.model import kind as interaction_kind
from kithkin.domain.timeutil import local_day, parse_day, past_when
from kithkin.services.interactions import InteractionNotFound
from kithkin.services.ladders import AttemptNotFound
from kithkin.services.ports import UnitOfWork
from kithkin.services.profiles import get_profile


class CheckInNotFound(NotFoundError):
    """No check-in has this id."""

    key = "checkin_not_found"


class ResultNotFound(NotFoundError):
    """No questionnaire result has this id."""

    key = "result_not_found"


class NothingToEdit(InputError):
    """An edit without a single field to change."""

    key = "nothing_to_edit"


NOT_FOUND: dict[str, type[NotFoundError]] = {
    "interaction": InteractionNotFound,
    "checkin": CheckInNotFound,
    "followup": FollowUpNotFound,
    "result": ResultNotFound,
    "attempt": AttemptNotFound,
    "person": PersonNotFound,
}
KINDS = tuple(NOT_FOUND)


class RecordsRepo(Protocol):
    def get(self, kind: str, record_id: int) -> dict[str, Any] | None: ...
    def update(self, kind: str, record_id: int, values: dict[str, Any]) -> None: ...
    def delete(self, kind: str, record_id: int) -> None: ...
    def find(self, kind: str, *, limit: int = ...) -> list[dict[str, Any]]: ...
    def people_with_contact(self, kind: str, value: str) -> list[int]: ...
    def set_interaction_people(
        self, interaction_id: int, person_ids: list[int], *, occurred_at: Any, meaningful: bool
    ) -> None: ...


class RecordsUnitOfWork(UnitOfWork, Protocol):
    @property
    def records(self) -> RecordsRepo: ...


def get_record(*, uow: RecordsUnitOfWork, kind: str, record_id: int) -> dict[str, Any]:
    """The record, or the kind's not-found error (also for another account's id)."""
    found = uow.records.get(kind, record_id)
    if found is None:
        raise NOT_FOUND[kind](id=record_id)
    return found


def _refresh_interaction(uow: RecordsUnitOfWork, days: set[date], person_ids: set[int]) -> None:
    uow.people.refresh_last_contact(person_ids)
    uow.day_stats.refresh(days)


def delete_record(*, uow: RecordsUnitOfWork, kind: str, record_id: int) -> dict[str, Any]:
    """Delete one record and recompute what depended on it; returns what it was."""
    found = get_record(uow=uow, kind=kind, record_id=record_id)
    if kind == "interaction":
        item = uow.interactions.get(record_id)
        assert item is not None
        uow.records.delete(kind, record_id)
        _refresh_interaction(uow, {item.day}, set(item.person_ids))
    else:
        uow.records.delete(kind, record_id)
    uow.commit()
    return found


def edit_interaction(
    *,
    uow: RecordsUnitOfWork,
    now: datetime,
    interaction_id: int,
    kind_id: str | None = None,
    with_names: Sequence[str] | None = None,
    with_other: str | None = None,
    alone: bool = False,
    minutes: int | None = None,
    meaningful: bool | None = None,
    quality: int | None = None,
    note: str | None = None,
    when: str | None = None,
) -> dict[str, Any]:
    """Change some fields of a logged interaction (None leaves a field as it is)."""
    from kithkin.domain.model import Interaction
    from kithkin.services.people import resolve_many

    old = uow.interactions.get(interaction_id)
    if old is None:
        raise InteractionNotFound(id=interaction_id)
    tz = get_profile(uow=uow).timezone
    values: dict[str, Any] = {}
    occurred = old.occurred_at
    if when is not None:
        occurred = past_when(when, now=now, tz=tz)
        values["occurred_at"] = occurred
        values["day"] = local_day(occurred, tz)
    if kind_id is not None:
        values["kind"] = interaction_kind(kind_id).id
    if minutes is not None:
        values["minutes"] = minutes
    if quality is not None:
        values["quality"] = quality
    if note is not None:
        values["note"] = note.strip()
    if meaningful is not None:
        values["meaningful"] = meaningful
    if with_other is not None:
        values["with_other"] = with_other.strip()
    person_ids = list(old.person_ids)
    if with_names is not None:
        person_ids = [p.id for p in resolve_many(uow=uow, refs=with_names) if p.id is not None]
    if alone:
        person_ids, values["with_other"] = [], ""
    if not values and with_names is None and not alone:
        raise NothingToEdit()
    fields = {
        name: getattr(old, name)
        for name in ("occurred_at", "day", "kind", "minutes", "with_other", "meaningful")
    }
    fields.update({k: v for k, v in values.items() if k in fields})
    # validated as a new record would be (ranges of minutes, quality...)
    Interaction(
        occurred_at=fields["occurred_at"],
        day=fields["day"],
        kind=fields["kind"],
        minutes=fields["minutes"],
        person_ids=tuple(person_ids),
        with_other=fields["with_other"],
        meaningful=fields["meaningful"],
        quality=values.get("quality", old.quality),
        note=values.get("note", old.note),
    )
    if values:
        uow.records.update("interaction", interaction_id, values)
    uow.records.set_interaction_people(
        interaction_id, person_ids, occurred_at=occurred, meaningful=fields["meaningful"]
    )
    _refresh_interaction(uow, {old.day, fields["day"]}, {*old.person_ids, *person_ids})
    uow.commit()
    return get_record(uow=uow, kind="interaction", record_id=interaction_id)


def edit_checkin(
    *,
    uow: RecordsUnitOfWork,
    checkin_id: int,
    mood: int | None = None,
    stress: int | None = None,
    energy: int | None = None,
    sleep_hours: float | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    get_record(uow=uow, kind="checkin", record_id=checkin_id)
    values: dict[str, Any] = {}
    for name, value, low, high in (
        ("mood", mood, 1, 10),
        ("stress", stress, 1, 10),
        ("energy", energy, 1, 10),
    ):
        if value is not None:
            check_range(name, value, low, high)
            values[name] = value
    if sleep_hours is not None:
        check_range("sleep hours", sleep_hours, 0, 24)
        values["sleep_hours"] = sleep_hours
    if note is not None:
        values["note"] = note.strip()
    if not values:
        raise NothingToEdit()
    uow.records.update("checkin", checkin_id, values)
    uow.commit()
    return get_record(uow=uow, kind="checkin", record_id=checkin_id)


def edit_followup(
    *,
    uow: RecordsUnitOfWork,
    now: datetime,
    followup_id: int,
    text: str | None = None,
    due: str | None = None,
    no_due: bool = False,
    done: bool | None = None,
) -> dict[str, Any]:
    get_record(uow=uow, kind="followup", record_id=followup_id)
    values: dict[str, Any] = {}
    if text is not None:
        values["text"] = check_text("text", text, limit=1000)
    if due is not None:
        today = local_day(now, get_profile(uow=uow).timezone)
        values["due"] = parse_day(due, today=today)
    if no_due:
        values["due"] = None
    if done is not None:
        values["done"] = done
    if not values:
        raise NothingToEdit()
    uow.records.update("followup", followup_id, values)
    uow.commit()
    return get_record(uow=uow, kind="followup", record_id=followup_id)


def edit_attempt(
    *,
    uow: RecordsUnitOfWork,
    attempt_id: int,
    learned: str | None = None,
    what_happened: str | None = None,
    actual_peak: int | None = None,
    belief_after: int | None = None,
) -> dict[str, Any]:
    get_record(uow=uow, kind="attempt", record_id=attempt_id)
    values: dict[str, Any] = {}
    if learned is not None:
        values["learned"] = learned.strip()
    if what_happened is not None:
        values["what_happened"] = what_happened.strip()
    if actual_peak is not None:
        check_range("actual peak", actual_peak, 0, 100)
        values["actual_peak"] = actual_peak
    if belief_after is not None:
        check_range("belief after", belief_after, 0, 100)
        values["belief_after"] = belief_after
    if not values:
        raise NothingToEdit()
    uow.records.update("attempt", attempt_id, values)
    uow.commit()
    return get_record(uow=uow, kind="attempt", record_id=attempt_id)


def record_dict(record: dict[str, Any]) -> dict[str, Any]:
    """A record as JSON-ready data (dates and instants as ISO strings)."""
    return {
        k: v.isoformat() if isinstance(v, date | datetime) else v
        for k, v in record.items()
        if k != "owner_id"
    }


def unignore(*, uow: RecordsUnitOfWork, ref: str | int) -> Any:
    """Put someone ignored in triage back into triage."""
    from dataclasses import replace

    from kithkin.domain.model import PersonStatus
    from kithkin.services.people import resolve

    person = resolve(uow=uow, ref=ref)
    updated = uow.people.update(replace(person, status=PersonStatus.TRIAGE))
    uow.commit()
    return updated


class LikelyDuplicate(ConflictError):
    """``people add`` of someone who looks already there (add anyway with --force)."""

    key = "likely_duplicate"


def _name_tokens(name: str) -> list[str]:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return [t.strip(".,") for t in plain.split() if t.strip(".,")]


def compatible_names(a: str, b: str) -> bool:
    """The same name, or one that fits the other: same first name, and the same last name or
    only a first name on one side ("Ada" and "Ada Lovelace"; not "Ada King")."""
    x, y = _name_tokens(a), _name_tokens(b)
    if not x or not y or x[0] != y[0]:
        return False
    return x == y or len(x) == 1 or len(y) == 1 or x[-1] == y[-1]


def check_not_duplicate(
    *, uow: RecordsUnitOfWork, name: str, contacts: Sequence[Any] | None = ()
) -> None:
    """Raise :class:`LikelyDuplicate` when someone with a compatible name, or the same
    e-mail or phone, is already among the user's people (ignored and archived included)."""
    from kithkin.services.people import parse_contact
    from kithkin.services.ports import PeopleQuery

    for c in (parse_contact(t) if isinstance(t, str) else t for t in contacts or ()):
        if c.kind in ("email", "phone"):
            for pid in uow.records.people_with_contact(c.kind, c.value):
                other = uow.people.get(pid)
                if other is not None:
                    raise LikelyDuplicate(name=name, other=other.name, id=pid, why=c.value)
    everyone = uow.people.find(PeopleQuery(status=None, include_archived=True))
    for other in everyone:
        if compatible_names(name, other.name):
            raise LikelyDuplicate(name=name, other=other.name, id=other.id, why="name")
