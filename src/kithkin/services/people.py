"""People and circles: add, edit, archive, find, list with where each stands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from kithkin.domain import cadence, limits
from kithkin.domain.bounds import text_out_of_range
from kithkin.domain.errors import BadDate, CircleNotFound, PersonNotFound
from kithkin.domain.model import (
    CARD_FIELDS,
    CONTACT_KINDS,
    Birthday,
    Circle,
    ContactPoint,
    Feeling,
    FollowUp,
    Interaction,
    Person,
    PersonStatus,
    Profile,
    check_choice,
    check_text,
)
from kithkin.domain.names import NameEntry, match
from kithkin.domain.timeutil import day_start_utc, local_day, zone
from kithkin.services.plan_events import plan_changed
from kithkin.services.ports import PeopleQuery, UnitOfWork
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.daily_ports import DailyReads


def circle_cadences(*, uow: DailyReads) -> dict[str, int]:
    return {c.name: c.cadence_days for c in uow.circles.find()}


def _check_circle(uow: UnitOfWork, name: str | None) -> str | None:
    if name is None or name.lower() in ("", "none"):
        return None
    names = [c.name for c in uow.circles.find()]
    if name.lower() not in names:
        raise CircleNotFound(name=name, allowed=", ".join(names))
    return name.lower()


def parse_contact(text: str) -> ContactPoint:
    """``email:ada@example.com``, ``phone:+44 20 ...`` or ``handle:@ada`` (label after '#')."""
    kind, _, rest = text.partition(":")
    check_choice("contact kind", kind.strip().lower(), CONTACT_KINDS)
    value, _, label = rest.partition("#")
    return ContactPoint(
        kind.strip().lower(),
        check_text("contact value", value, limit=limits.CONTACT_VALUE),
        label.strip(),
    )


def _clean(uow: UnitOfWork, fields: dict[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Validate user-given person fields and convert them to domain values (a birthday's year
    lies between 1900 and ``today``'s year when given)."""
    out = dict(fields)
    if "name" in out:
        out["name"] = check_text("name", out["name"])
    for name in (*CARD_FIELDS, "birthday_text"):
        if isinstance(out.get(name), str):
            out[name] = out[name].strip()
    if "circle" in out:
        out["circle"] = _check_circle(uow, out["circle"])
    if out.get("feeling") is not None:
        value = str(out["feeling"]).lower()
        out["feeling"] = Feeling(check_choice("feeling", value, [f.value for f in Feeling]))
    if out.get("timezone"):
        zone(out["timezone"])
    if isinstance(out.get("birthday"), str):
        out["birthday"] = Birthday.parse(out["birthday"]) if out["birthday"] else None
    if isinstance(out.get("birthday"), Birthday):
        _check_birth_year(out["birthday"], today)
    if out.get("interests") is not None:
        items = [i.strip() for raw in out["interests"] for i in raw.split(",")]
        out["interests"] = tuple(dict.fromkeys(i.lower() for i in items if i))
    if out.get("contacts") is not None:
        out["contacts"] = tuple(
            c if isinstance(c, ContactPoint) else parse_contact(c) for c in out["contacts"]
        )
    return out


FIRST_BIRTH_YEAR = 1900


class BirthYearOutOfRange(BadDate):
    """A birthday's year before 1900 or after this year."""

    key = "birth_year_range"


def _check_birth_year(birthday: Birthday, today: date | None) -> None:
    latest = today.year if today is not None else FIRST_BIRTH_YEAR + 200
    if birthday.year is not None and not FIRST_BIRTH_YEAR <= birthday.year <= latest:
        raise BirthYearOutOfRange(value=str(birthday), first=FIRST_BIRTH_YEAR, last=latest)


def add_person(*, uow: UnitOfWork, now: datetime, name: str, **fields: Any) -> Person:
    """Add someone. Fields: nickname, circle (default friends), cadence_days, closeness,
    feeling, timezone, birthday, interests, how_met, notes, contacts."""
    fields.setdefault("circle", "friends")
    values = _clean(
        uow,
        {"name": name, **{k: v for k, v in fields.items() if v is not None}},
        today=now.date(),
    )
    person = uow.people.add(Person(created_at=now, **values))
    plan_changed(uow=uow)
    uow.commit()
    return person


def resolve(*, uow: UnitOfWork, ref: str | int) -> Person:
    """The person meant by an id (``12`` or ``#12``) or a forgiving name."""
    text = str(ref).strip()
    digits = text.lstrip("#")
    if digits.isascii() and digits.isdigit():
        person = None if text_out_of_range(digits) else uow.people.get(int(digits))
        if person is None:
            raise PersonNotFound(id=digits if len(digits) <= 30 else digits[:27] + "...")
        return person
    entry = match(text, uow.people.name_entries())
    person = uow.people.get(entry.id)
    assert person is not None
    return person


def resolve_many(*, uow: UnitOfWork, refs: Sequence[str]) -> list[Person]:
    entries: list[NameEntry] | None = None  # everyone's names: read only when a name is given
    out: list[Person] = []
    for ref in refs:
        text = ref.strip()
        if text.lstrip("#").isdigit():
            out.append(resolve(uow=uow, ref=text))
            continue
        if entries is None:
            entries = uow.people.name_entries()
        person = uow.people.get(match(text, entries).id)
        assert person is not None
        out.append(person)
    return list({p.id: p for p in out}.values())


CLEARABLE = frozenset({"cadence_days", "timezone", "birthday"})


def edit_person(
    *,
    uow: UnitOfWork,
    ref: str | int,
    clear: Iterable[str] = (),
    now: datetime | None = None,
    **changes: Any,
) -> Person:
    """Change some of a person's fields; ``None`` leaves a field as it is. ``clear`` names
    fields (of :data:`CLEARABLE`) to empty: cadence override, time zone, birthday."""
    person = resolve(uow=uow, ref=ref)
    values = _clean(
        uow,
        {k: v for k, v in changes.items() if v is not None},
        today=now.date() if now is not None else None,
    )
    values.update(dict.fromkeys(set(clear) & CLEARABLE))
    if "status" in values:
        values["status"] = PersonStatus(values["status"])
    updated = uow.people.update(replace(person, **values))
    plan_changed(uow=uow)
    uow.commit()
    return updated


def archive_person(*, uow: UnitOfWork, ref: str | int, archived: bool = True) -> Person:
    person = resolve(uow=uow, ref=ref)
    updated = uow.people.update(replace(person, archived=archived))
    plan_changed(uow=uow)
    uow.commit()
    return updated


@dataclass(frozen=True, slots=True)
class PersonRow:
    person: Person
    cadence_days: int | None
    last_contact: date | None
    days_since: int | None
    due: bool

    def as_dict(self) -> dict[str, Any]:
        p = self.person
        return {
            "id": p.id,
            "name": p.name,
            "nickname": p.nickname,
            "circle": p.circle,
            "cadence_days": self.cadence_days,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "days_since": self.days_since,
            "due": self.due,
            "closeness": p.closeness,
            "feeling": p.feeling.value,
            "status": p.status.value,
            "archived": p.archived,
        }


def _row(person: Person, cadences: dict[str, int], today: date, tz: str) -> PersonRow:
    standing = cadence.standing(person, cadences, today=today, tz=tz)
    last = local_day(person.last_contact_at, tz) if person.last_contact_at else None
    return PersonRow(
        person=person,
        cadence_days=cadence.cadence_of(person, cadences),
        last_contact=last,
        days_since=(today - last).days if last else None,
        due=standing.due if standing else False,
    )


def list_people(
    *,
    uow: UnitOfWork,
    now: datetime,
    query: PeopleQuery | None = None,
    due_only: bool = False,
    circles: Sequence[Circle] | None = None,
) -> list[PersonRow]:
    """People matching ``query``, each with their cadence and whether they are due.

    ``circles``: the circles, when the caller has already read them (saves two queries)."""
    rows, _, _ = _people(uow=uow, now=now, query=query, due_only=due_only, circles=circles)
    return rows


@dataclass(frozen=True, slots=True)
class PeoplePage:
    rows: list[PersonRow]
    total: int  # how many match in all, for the pager
    day: date  # the owner's local day the rows were computed for (days since, who is due)
    timezone: str


def people_page(
    *,
    uow: UnitOfWork,
    now: datetime,
    query: PeopleQuery,
    limit: int,
    offset: int,
    due_only: bool = False,
    circles: Sequence[Circle] | None = None,
) -> PeoplePage:
    """One page of people and the number matching in all: both asked of the database, "who is
    due" included, so a page costs the same with 10 people as with 10,000."""
    paged = replace(query, limit=limit, offset=offset)
    rows, matched, profile = _people(
        uow=uow, now=now, query=paged, due_only=due_only, circles=circles
    )
    total = uow.people.count(replace(matched, limit=None, offset=0))
    return PeoplePage(rows, total, local_day(now, profile.timezone), profile.timezone)


def _people(
    *,
    uow: UnitOfWork,
    now: datetime,
    query: PeopleQuery | None,
    due_only: bool,
    circles: Sequence[Circle] | None,
) -> tuple[list[PersonRow], PeopleQuery, Profile]:
    """The rows for ``query``, the query as asked (with the due filter, if any) and the
    profile they were computed with."""
    query = query or PeopleQuery()
    profile = get_profile(uow=uow)
    if circles is None:
        circles = uow.circles.find()
    cadences = {c.name: c.cadence_days for c in circles}
    if query.circle is not None and query.circle.lower() not in ("", "none", *cadences):
        raise CircleNotFound(name=query.circle, allowed=", ".join(cadences))
    today = local_day(now, profile.timezone)
    if due_only:  # filtered and paged in SQL
        bounds = due_bounds(uow=uow, circles=cadences, today=today, tz=profile.timezone)
        query = replace(query, due_bounds=tuple(sorted(bounds.items())))
    rows = [_row(p, cadences, today, profile.timezone) for p in uow.people.find(query)]
    return rows, query, profile


def due_bounds(
    *, uow: DailyReads, circles: Mapping[str, int], today: date, tz: str
) -> dict[int, datetime]:
    """For each cadence in use, the instant a last contact must be at or after to be within it.

    Within cadence c <=> local day of the last contact > today - c <=> the contact is on or after
    the start of local day ``today - c + 1``; so "who is due" can be asked of the database.
    """
    cadences = set(circles.values()) | uow.people.own_cadences()
    return {c: day_start_utc(today - timedelta(days=c - 1), tz) for c in cadences}


@dataclass(frozen=True, slots=True)
class PersonDetail:
    row: PersonRow
    followups: list[FollowUp]
    timeline: list[Interaction]
    names: dict[int, str]

    def as_dict(self) -> dict[str, Any]:
        p = self.row.person
        return {
            **self.row.as_dict(),
            "timezone": p.timezone,
            "birthday": str(p.birthday) if p.birthday else None,
            "interests": list(p.interests),
            "how_met": p.how_met,
            "notes": p.notes,
            **p.card_fields(),
            "birthday_text": p.birthday_text,
            "contacts": [{"kind": c.kind, "value": c.value, "label": c.label} for c in p.contacts],
            "followups": [followup_dict(f) for f in self.followups],
            "timeline": [interaction_dict(i, self.names) for i in self.timeline],
        }


def person_detail(
    *, uow: UnitOfWork, ref: str | int, now: datetime, limit: int = 20
) -> PersonDetail:
    profile = get_profile(uow=uow)
    person = resolve(uow=uow, ref=ref)
    assert person.id is not None
    row = _row(person, circle_cadences(uow=uow), local_day(now, profile.timezone), profile.timezone)
    timeline = uow.interactions.find(person_id=person.id, limit=limit)
    others = {pid for i in timeline for pid in i.person_ids}
    names = {pid: p.display_name for pid, p in uow.people.get_many(others).items()}
    return PersonDetail(row, uow.followups.find(person_id=person.id), timeline, names)


def followup_dict(f: FollowUp) -> dict[str, Any]:
    return {
        "id": f.id,
        "person_id": f.person_id,
        "text": f.text,
        "due": f.due.isoformat() if f.due else None,
        "done": f.done,
    }


def interaction_dict(i: Interaction, names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": i.id,
        "at": i.occurred_at.isoformat(),
        "day": i.day.isoformat(),
        "kind": i.kind,
        "minutes": i.minutes,
        "people": [{"id": pid, "name": names.get(pid, "?")} for pid in i.person_ids],
        "with_other": i.with_other,
        "meaningful": i.meaningful,
        "quality": i.quality,
        "mood_before": i.mood_before,
        "mood_after": i.mood_after,
        "note": i.note,
    }


def list_circles(*, uow: UnitOfWork) -> list[Circle]:
    return uow.circles.find()


def set_circle(*, uow: UnitOfWork, name: str, cadence_days: int) -> Circle:
    """Create a circle or change its cadence."""
    circle = stage_circle(uow=uow, name=name, cadence_days=cadence_days)
    uow.commit()
    return circle


def stage_circle(*, uow: UnitOfWork, name: str, cadence_days: int) -> Circle:
    """Like :func:`set_circle`, but saved with the caller's next commit (a person added with
    a new circle is one change, undone as one)."""
    name = check_text("circle name", name, limit=limits.CIRCLE_NAME).lower()
    existing = uow.circles.get(name)
    position = existing.position if existing else len(uow.circles.find())
    circle = uow.circles.save(Circle(name, cadence_days, position))
    plan_changed(uow=uow)
    return circle
