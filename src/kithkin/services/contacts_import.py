"""Importing contacts (vCard, CSV) without duplicates, triage, and exporting them again.

The interface parses the file (``kithkin.formats``) and hands the records and the problems it
found here; one import is one transaction, applied only when nothing is wrong (or when the user
chose to skip the bad records), and never partially without a report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kithkin.domain.contacts import ContactRecord
from kithkin.domain.contacts_merge import FieldChange, MergeAction, plan_merge
from kithkin.domain.model import ContactPoint, Person, PersonStatus
from kithkin.services.plan_events import plan_changed

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record of the file that could not be read: the line it starts on, which record it is
    (1-based, or None for the whole file), and what is wrong."""

    line: int
    record: int | None
    message: str
    detail: str = ""
    kept: bool = False  # the record was still read (e.g. only its birthday was unreadable)

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "record": self.record,
            "message": self.message,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class PersonChange:
    """An existing person the import adds details to."""

    person_id: int | None
    name: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class DuplicateNote:
    """A new person who shares a phone or e-mail with someone whose name does not fit theirs:
    kept apart, and shown so the user can merge them if they are one person after all."""

    name: str
    record: int
    line: int
    other_name: str
    other_id: int | None
    field: str
    value: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "record": self.record,
            "line": self.line,
            "other_name": self.other_name,
            "other_id": self.other_id,
            "field": self.field,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did (or, for a dry run or a refused import, would do)."""

    applied: bool
    dry_run: bool
    created: int
    updated: int
    unchanged: int
    skipped: int
    problems: tuple[BadRecord, ...]
    created_names: tuple[str, ...] = ()
    changes: tuple[PersonChange, ...] = field(default=())
    possible_duplicates: tuple[DuplicateNote, ...] = ()
    unused_columns: tuple[str, ...] = ()  # CSV columns with data that kithkin does not keep

    @property
    def refused(self) -> bool:
        """Bad records were found and the user did not ask to skip them: nothing was written."""
        return not self.applied and not self.dry_run

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "dry_run": self.dry_run,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "problems": [p.as_dict() for p in self.problems],
            "created_names": list(self.created_names),
            "changes": [
                {
                    "person_id": c.person_id,
                    "name": c.name,
                    "changes": [
                        {"kind": f.kind, "field": f.field, "value": f.value} for f in c.changes
                    ],
                }
                for c in self.changes
            ],
            "possible_duplicates": [d.as_dict() for d in self.possible_duplicates],
            "unused_columns": list(self.unused_columns),
        }


def import_contacts(
    *,
    uow: UnitOfWork,
    now: datetime,
    records: Sequence[ContactRecord],
    problems: Sequence[BadRecord] = (),
    skip_bad: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    unused_columns: Sequence[str] = (),
) -> ImportReport:
    """Merge ``records`` into the user's people: new ones land in triage, known ones gain the
    details they lacked. With ``problems`` and no ``skip_bad``, nothing is written."""
    existing = uow.contacts.load_all()
    plan = plan_merge(existing, records)
    bad = tuple(problems)
    skipped = len({p.record for p in bad if p.record is not None and not p.kept})
    refused = bool(bad) and not skip_bad
    creates = [i for i in plan.items if i.action is MergeAction.CREATE]
    updates = [i for i in plan.items if i.action is MergeAction.UPDATE]
    report = ImportReport(
        applied=not refused and not dry_run,
        dry_run=dry_run,
        created=len(creates),
        updated=len(updates),
        unchanged=plan.count(MergeAction.UNCHANGED),
        skipped=skipped,
        problems=bad,
        created_names=tuple(i.person.name for i in creates),
        changes=tuple(PersonChange(i.person.id, i.person.name, i.changes) for i in updates),
        possible_duplicates=tuple(
            DuplicateNote(
                name=i.person.name,
                record=i.records[0] + 1,
                line=records[i.records[0]].line,
                other_name=d.other_name,
                other_id=d.other_id,
                field=d.field,
                value=d.value,
            )
            for i in creates
            for d in i.possible_duplicates
        ),
        unused_columns=tuple(unused_columns),
    )
    if not report.applied:
        return report
    done = 0
    for start in range(0, len(creates), 500):
        chunk = creates[start : start + 500]
        uow.contacts.insert_people([i.person for i in chunk], now=now)
        done += len(chunk)
        if progress is not None:
            progress(done)
    changed: list[Person] = []
    new_points: list[tuple[int, Sequence[ContactPoint]]] = []
    for item in updates:
        assert item.existing_index is not None and item.person.id is not None
        old = existing[item.existing_index]
        changed.append(item.person)
        added = item.person.contacts[len(old.contacts) :]
        if added:
            new_points.append((item.person.id, added))
    uow.contacts.update_fields(changed)
    uow.contacts.add_points(new_points)
    plan_changed(uow=uow)
    if progress is not None:
        progress(len(records))
    uow.commit()
    return report


def export_records(*, uow: UnitOfWork) -> list[ContactRecord]:
    """Every person the user has (except those they chose to ignore), as contact records."""
    return [
        ContactRecord(
            full_name=p.name,
            uid=p.uid,
            nickname=p.nickname,
            emails=tuple(c for c in p.contacts if c.kind == "email"),
            phones=tuple(c for c in p.contacts if c.kind == "phone"),
            handles=tuple(c for c in p.contacts if c.kind not in ("email", "phone")),
            birthday=p.birthday,
            notes=p.notes,
            how_met=p.how_met,
            family_name=p.family_name,
            given_name=p.given_name,
            additional_names=p.additional_names,
            name_prefix=p.name_prefix,
            name_suffix=p.name_suffix,
            organisation=p.organisation,
            department=p.department,
            title=p.job_title,
            birthday_text=p.birthday_text,
        )
        for p in uow.contacts.load_all()
        if p.status is not PersonStatus.IGNORED
    ]
