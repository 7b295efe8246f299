"""Plan how imported contacts join the people the user already has. Pure: nothing is stored.

A record is matched to a person by vCard UID (the UID decides), then by email, then by
normalised phone, then by exact full name (case and accents folded; only when exactly one person
has that name). An email or phone match counts only when the names are compatible
(:func:`kithkin.domain.name_match.names_compatible`): a shared landline or office address alone
never makes two people one. A record that shares a detail with someone whose name does not fit
becomes a new person, reported as a possible duplicate. Records of the same file that match each
other merge too. Merging only adds: new contact points, and empty fields filled. Nothing the user
has is overwritten or deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from kithkin.domain.contacts import ContactRecord, contact_key, fold_name, structured_name
from kithkin.domain.model import Birthday, ContactPoint, Person, PersonStatus
from kithkin.domain.name_match import names_compatible


class MergeAction(StrEnum):
    """What an import does to one person."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"


class MatchedBy(StrEnum):
    """Which value tied a record to a person."""

    UID = "uid"
    EMAIL = "email"
    PHONE = "phone"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One addition: ``kind`` is ``added`` (a contact point) or ``set`` (an empty field filled).

    ``field`` is ``email``, ``phone``, ``handle``, ``nickname``, ``birthday``, ``birthday_year``,
    ``notes``, ``how_met``, ``uid``, ``birthday_text`` or a part of the name or work
    (``family_name`` ... ``organisation``, ``department``, ``job_title``); ``value`` is what
    was added, as text.
    """

    kind: str
    field: str
    value: str


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """Someone a new person shares a detail with although their names do not fit.

    ``other_index`` points into ``existing`` (a person the user has), or is None when the other
    one is new in the same file (then ``other_name`` names them); ``field`` is ``email`` or
    ``phone`` and ``value`` the shared detail as the record wrote it.
    """

    other_name: str
    other_id: int | None
    other_index: int | None
    field: str
    value: str


@dataclass(frozen=True, slots=True)
class MergeItem:
    """One person the import touches, and the records (by index in ``incoming``) behind it.

    ``person`` is the person as they would be after the import (for an update, the existing
    person with additions and the same id); ``existing_index`` points into ``existing``.
    """

    action: MergeAction
    person: Person
    records: tuple[int, ...]
    changes: tuple[FieldChange, ...] = ()
    existing_index: int | None = None
    matched_by: MatchedBy | None = None
    possible_duplicates: tuple[PossibleDuplicate, ...] = ()


@dataclass(frozen=True, slots=True)
class MergePlan:
    """The items of an import in file order, and for each incoming record its item's index."""

    items: tuple[MergeItem, ...]
    record_items: tuple[int, ...]

    def item_for(self, record_index: int) -> MergeItem:
        return self.items[self.record_items[record_index]]

    def count(self, action: MergeAction) -> int:
        return sum(1 for item in self.items if item.action is action)


@dataclass(slots=True)
class _Target:
    person: Person
    existing_index: int | None
    records: list[int] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    matched_by: MatchedBy | None = None
    duplicates: list[PossibleDuplicate] = field(default_factory=list)


@dataclass(slots=True)
class _Index:
    uid: dict[str, int] = field(default_factory=dict)
    email: dict[str, list[int]] = field(default_factory=dict)
    phone: dict[str, list[int]] = field(default_factory=dict)
    name: dict[str, list[int]] = field(default_factory=dict)

    def add(self, person: Person, target: int) -> None:
        if person.uid:
            self.uid.setdefault(person.uid, target)
        for point in person.contacts:
            self.add_point(point, target)
        names = self.name.setdefault(fold_name(person.name), [])
        if target not in names:
            names.append(target)

    def add_point(self, point: ContactPoint, target: int) -> None:
        table = {"email": self.email, "phone": self.phone}.get(point.kind)
        key = contact_key(point)
        if table is None or not key:
            return
        holders = table.setdefault(key, [])
        if target not in holders:
            holders.append(target)

    def find(
        self, record: ContactRecord, targets: Sequence[_Target]
    ) -> tuple[tuple[int, MatchedBy] | None, list[tuple[int, ContactPoint]]]:
        """The target the record belongs to (or None), and the targets it shares a detail with
        although their names do not fit (each with the shared point, first one only)."""
        if record.uid and record.uid in self.uid:
            return (self.uid[record.uid], MatchedBy.UID), []
        clashes: dict[int, ContactPoint] = {}
        first_fit: tuple[int, MatchedBy] | None = None
        folded = fold_name(record.full_name)
        for points, table, how in (
            (record.emails, self.email, MatchedBy.EMAIL),
            (record.phones, self.phone, MatchedBy.PHONE),
        ):
            for point in points:
                for hit in table.get(contact_key(point), ()):
                    person = targets[hit].person
                    if not _fits(record, person):
                        clashes.setdefault(hit, point)
                    elif fold_name(person.name) == folded:
                        # A detail shared by several fitting people: the one of the same name
                        # wins, whatever order they were added in, so a re-import is stable.
                        return (hit, how), []
                    elif first_fit is None:
                        first_fit = (hit, how)
        if first_fit is not None:
            return first_fit, []
        same_name = self.name.get(fold_name(record.full_name), [])
        if len(same_name) == 1:
            return (same_name[0], MatchedBy.NAME), []
        return None, list(clashes.items())


def _fits(record: ContactRecord, person: Person) -> bool:
    return names_compatible((record.full_name, record.nickname), (person.name, person.nickname))


def plan_merge(existing: Sequence[Person], incoming: Sequence[ContactRecord]) -> MergePlan:
    """Decide, for every incoming record, whether it creates, updates or leaves a person alone."""
    targets = [_Target(person, index) for index, person in enumerate(existing)]
    index = _Index()
    for number, person in enumerate(existing):
        index.add(person, number)
    touched: list[int] = []
    record_targets: list[int] = []
    for record_number, record in enumerate(incoming):
        found, clashes = index.find(record, targets)
        if found is None:
            number = len(targets)
            targets.append(_Target(_new_person(record), None))
            targets[number].duplicates.extend(_duplicate(targets[o], p) for o, p in clashes)
            index.add(targets[number].person, number)
        else:
            number, how = found
            target = targets[number]
            target.matched_by = target.matched_by or how
            before = target.person
            target.person, changes = _absorb(before, record)
            target.changes.extend(changes)
            if target.person is not before:  # unchanged: already indexed just so
                index.add(target.person, number)
        if not targets[number].records:
            touched.append(number)
        targets[number].records.append(record_number)
        record_targets.append(number)
    position = {number: item for item, number in enumerate(touched)}
    return MergePlan(
        items=tuple(_item(targets[number]) for number in touched),
        record_items=tuple(position[number] for number in record_targets),
    )


def _item(target: _Target) -> MergeItem:
    if target.existing_index is None:
        action = MergeAction.CREATE
    elif target.changes:
        action = MergeAction.UPDATE
    else:
        action = MergeAction.UNCHANGED
    return MergeItem(
        action=action,
        person=target.person,
        records=tuple(target.records),
        changes=tuple(target.changes) if action is MergeAction.UPDATE else (),
        existing_index=target.existing_index,
        matched_by=target.matched_by,
        possible_duplicates=tuple(target.duplicates),
    )


def _duplicate(other: _Target, point: ContactPoint) -> PossibleDuplicate:
    return PossibleDuplicate(
        other_name=other.person.name,
        other_id=other.person.id,
        other_index=other.existing_index,
        field=point.kind,
        value=point.value,
    )


def _new_person(record: ContactRecord) -> Person:
    return Person(
        name=record.full_name.strip(),
        circle=None,
        status=PersonStatus.TRIAGE,
        nickname=record.nickname,
        birthday=record.birthday,
        how_met=record.how_met,
        notes=record.notes.strip(),
        uid=record.uid,
        birthday_text=record.birthday_text.strip(),
        contacts=tuple(_fresh_points((), record.contact_points)[0]),
        **record_card_fields(record),  # type: ignore[arg-type]
    )


def record_card_fields(record: ContactRecord) -> dict[str, str]:
    """The structured name, organisation, department and job title of a record, as
    :meth:`Person.card_fields` names them. A structured name that is exactly the one kithkin
    builds from the display name (``structured_name``) says nothing more and is not kept, so a
    person without one exports and imports back without one."""
    parts = tuple(part.strip() for part in record.name_parts)
    if parts == structured_name(record.full_name):
        parts = ("", "", "", "", "")
    return {
        "family_name": parts[0],
        "given_name": parts[1],
        "additional_names": parts[2],
        "name_prefix": parts[3],
        "name_suffix": parts[4],
        "organisation": record.organisation.strip(),
        "department": record.department.strip(),
        "job_title": record.title.strip(),
    }


def _absorb(person: Person, record: ContactRecord) -> tuple[Person, list[FieldChange]]:
    merged, changes = _add_points(person, record.contact_points)
    fills: dict[str, object] = {}
    for name, value in (
        ("nickname", record.nickname.strip()),
        ("notes", record.notes.strip()),
        ("how_met", record.how_met.strip()),
        ("uid", record.uid or ""),
        ("birthday_text", record.birthday_text.strip()),
        *record_card_fields(record).items(),
    ):
        if value and not getattr(merged, name):
            fills[name] = value
            changes.append(FieldChange("set", name, value))
    birthday = _better_birthday(merged.birthday, record.birthday)
    if birthday is not None:
        fills["birthday"] = birthday
        what = "birthday" if merged.birthday is None else "birthday_year"
        changes.append(FieldChange("set", what, str(birthday)))
    return (replace(merged, **fills) if fills else merged), changes  # type: ignore[arg-type]


def _better_birthday(have: Birthday | None, offered: Birthday | None) -> Birthday | None:
    """The birthday to store instead of ``have``, or None to keep it."""
    if offered is None:
        return None
    if have is None:
        return offered
    same_day = (have.month, have.day) == (offered.month, offered.day)
    if have.year is None and offered.year is not None and same_day:
        return offered
    return None


def _add_points(person: Person, points: Sequence[ContactPoint]) -> tuple[Person, list[FieldChange]]:
    added, changes = _fresh_points(person.contacts, points)
    if not added:
        return person, changes
    return replace(person, contacts=person.contacts + tuple(added)), changes


def _fresh_points(
    have: Sequence[ContactPoint], points: Sequence[ContactPoint]
) -> tuple[list[ContactPoint], list[FieldChange]]:
    """The points not yet among ``have`` (by kind and compared value), each once."""
    known = {(point.kind, contact_key(point)) for point in have}
    added: list[ContactPoint] = []
    changes: list[FieldChange] = []
    for point in points:
        key = (point.kind, contact_key(point))
        if not key[1] or key in known:
            continue
        known.add(key)
        added.append(point)
        changes.append(FieldChange("added", point.kind, point.value))
    return added, changes
