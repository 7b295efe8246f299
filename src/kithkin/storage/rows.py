"""Rows to domain records: the decoders shared by the SQLAlchemy repositories and the lean
reader (``kithkin.storage.lean``), which reads the daily loop's rows with the standard library's
sqlite3. Nothing here imports SQLAlchemy.

Rows are read by position where a query returns many (attribute access on a SQLAlchemy row costs
microseconds a column); the few-row decoders read attributes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from kithkin.domain.model import (
    Birthday,
    CheckIn,
    ContactPoint,
    Feeling,
    FollowUp,
    Person,
    PersonStatus,
)
from kithkin.domain.roster import Member, RankingRows
from kithkin.domain.timeutil import as_utc
from kithkin.services.planning_ports import StoredSuggestion

_FEELINGS = {f.value: f for f in Feeling}
_STATUSES = {s.value: s for s in PersonStatus}


def person(row: Any, contacts: tuple[ContactPoint, ...] = ()) -> Person:
    """A person from a row of ``repositories.PERSON_COLUMNS``.

    The row is unpacked by position: reading 28 attributes by name off a SQLAlchemy Row costs
    about 8 µs a person, which was a third of ``kithkin today`` with 10,000 people.
    """
    (
        person_id,
        name,
        nickname,
        circle_name,
        cadence_days,
        closeness,
        feeling,
        timezone,
        birth_month,
        birth_day,
        birth_year,
        interests,
        how_met,
        notes,
        archived,
        status,
        uid,
        last_contact_at,
        created_at,
        family_name,
        given_name,
        additional_names,
        name_prefix,
        name_suffix,
        organisation,
        department,
        job_title,
        birthday_text,
    ) = row
    birthday = (
        Birthday(birth_month, birth_day, birth_year)
        if birth_month is not None and birth_day is not None
        else None
    )
    return Person(
        id=person_id,
        name=name,
        nickname=nickname,
        circle=circle_name,
        cadence_days=cadence_days,
        closeness=closeness,
        feeling=_FEELINGS[feeling],
        timezone=timezone,
        birthday=birthday,
        interests=tuple(json.loads(interests)) if interests else (),
        how_met=how_met,
        notes=notes,
        contacts=contacts,
        archived=bool(archived),
        status=_STATUSES[status],
        uid=uid,
        last_contact_at=as_utc(last_contact_at) if last_contact_at else None,
        created_at=as_utc(created_at) if created_at else None,
        family_name=family_name,
        given_name=given_name,
        additional_names=additional_names,
        name_prefix=name_prefix,
        name_suffix=name_suffix,
        organisation=organisation,
        department=department,
        job_title=job_title,
        birthday_text=birthday_text,
    )


def members(
    rows: Iterable[tuple[Any, ...]], by_person: Mapping[int, tuple[ContactPoint, ...]]
) -> list[Member]:
    """Lean :class:`Member` tuples from rows of PROFILE_NAMES plus the last contact in whole Unix
    seconds; ``by_person`` holds the phone numbers of those who have any."""
    feelings = _FEELINGS
    parsed: dict[str, tuple[str, ...]] = {"": ()}
    empty: tuple[ContactPoint, ...] = ()
    out = []
    # Tuple unpacking and a named tuple: this loop runs for everyone.
    for (
        pid,
        name,
        nick,
        circle,
        cad,
        close,
        feel,
        tz,
        bm,
        bd,
        by,
        interests,
        how,
        last,
    ) in rows:
        tags = parsed.get(interests)
        if tags is None:
            tags = parsed[interests] = tuple(json.loads(interests))
        out.append(
            Member(
                pid,
                name,
                nick,
                circle,
                cad,
                close,
                feelings[feel],
                tz,
                bm,
                bd,
                by,
                tags,
                how,
                None if last is None else int(last),
                by_person.get(pid, empty),
            )
        )
    return out


def ranked_members(
    rows: Iterable[tuple[Any, ...]], circle_names: Mapping[int, str]
) -> list[Member]:
    """Ranking :class:`Member` tuples from rows of ``shapes.RANKING_FIELDS`` plus the last contact
    in whole Unix seconds: the fields the planner scores by, the others left empty (no name,
    interests or phone numbers: :func:`members` reads those for the few shown). The rows are
    :data:`kithkin.domain.roster.RANKING_ROW`; :class:`RankingRows` decodes them."""
    return list(RankingRows(list(rows), circle_names))


def followup(row: Any) -> FollowUp:
    return FollowUp(
        id=row.id,
        person_id=row.person_id,
        text=row.text,
        due=row.due,
        done=bool(row.done),
        created_at=as_utc(row.created_at),
    )


def checkin(row: Any) -> CheckIn:
    return CheckIn(
        day=row.day,
        mood=row.mood,
        stress=row.stress,
        energy=row.energy,
        sleep_hours=row.sleep_hours,
        note=row.note,
    )


def suggestion(row: Any) -> StoredSuggestion:
    return StoredSuggestion(
        id=row.id,
        day=row.day,
        rank=row.rank,
        person_id=row.person_id,
        action_id=row.action_id,
        title=row.title,
        kind=row.kind,
        minutes=row.minutes,
        channel=row.channel,
        social_load=row.social_load,
        reconnect=bool(row.reconnect),
        reasons=tuple((k, p) for k, p in json.loads(row.reasons)),
        proposed_time=as_utc(row.proposed_time) if row.proposed_time else None,
        status=row.status,
        snoozed_until=row.snoozed_until,
        interaction_id=row.interaction_id,
    )
