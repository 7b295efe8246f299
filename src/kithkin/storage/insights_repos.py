"""Repositories for questionnaires, experiments and the rows insights are built from."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Integer, String, and_, cast, func, insert, select, update

from kithkin.domain.timeutil import as_utc
from kithkin.services.insights_ports import Experiment, StoredResponse
from kithkin.storage.tables import (
    checkins,
    experiment_days,
    experiments,
    interaction_people,
    interactions,
    questionnaire_responses,
    questionnaire_schedules,
)


class _Repo:
    def __init__(self, conn: Connection, owner_id: int) -> None:
        self.conn = conn
        self.owner_id = owner_id


class QuestionnaireRepo(_Repo):
    def add(self, response: StoredResponse) -> StoredResponse:
        new_id = self.conn.execute(
            insert(questionnaire_responses).values(
                owner_id=self.owner_id,
                instrument_id=response.instrument_id,
                version=response.version,
                answers=json.dumps(list(response.answers)),
                raw=response.raw,
                percent=response.percent,
                band=response.band,
                flags=",".join(response.flags),
                completed_at=response.completed_at,
                day=response.day,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        return replace(response, id=int(new_id))

    def find(self, *, instrument_id: str | None = None) -> list[StoredResponse]:
        t = questionnaire_responses
        stmt = select(t).where(t.c.owner_id == self.owner_id)
        if instrument_id is not None:
            stmt = stmt.where(t.c.instrument_id == instrument_id)
        rows = self.conn.execute(stmt.order_by(t.c.completed_at, t.c.id))
        return [
            StoredResponse(
                instrument_id=r.instrument_id,
                answers=tuple(json.loads(r.answers)),
                raw=r.raw,
                percent=r.percent,
                band=r.band,
                flags=tuple(f for f in r.flags.split(",") if f),
                completed_at=as_utc(r.completed_at),
                day=r.day,
                version=r.version,
                id=r.id,
            )
            for r in rows
        ]

    def last_done(self) -> dict[str, date]:
        t = questionnaire_responses
        rows = self.conn.execute(
            select(t.c.instrument_id, func.max(t.c.day))
            .where(t.c.owner_id == self.owner_id)
            .group_by(t.c.instrument_id)
        )
        return {r[0]: r[1] for r in rows}

    def schedules(self) -> dict[str, int]:
        t = questionnaire_schedules
        rows = self.conn.execute(
            select(t.c.instrument_id, t.c.every_days).where(t.c.owner_id == self.owner_id)
        )
        return {r[0]: int(r[1]) for r in rows}

    def set_schedule(self, instrument_id: str, every_days: int) -> None:
        t = questionnaire_schedules
        where = (t.c.owner_id == self.owner_id) & (t.c.instrument_id == instrument_id)
        done = self.conn.execute(update(t).where(where).values(every_days=every_days))
        if done.rowcount == 0:
            self.conn.execute(
                insert(t).values(
                    owner_id=self.owner_id, instrument_id=instrument_id, every_days=every_days
                )
            )


def _experiment(r: Any) -> Experiment:
    return Experiment(
        start_day=r.start_day,
        days=r.days,
        seed=r.seed,
        consented_at=as_utc(r.consented_at),
        active=bool(r.active),
        stopped_at=None if r.stopped_at is None else as_utc(r.stopped_at),
        id=r.id,
    )


class ExperimentRepo(_Repo):
    def _one(self, *, active_only: bool) -> Experiment | None:
        t = experiments
        stmt = select(t).where(t.c.owner_id == self.owner_id)
        if active_only:
            stmt = stmt.where(t.c.active.is_(True))
        row = self.conn.execute(stmt.order_by(t.c.id.desc()).limit(1)).first()
        return None if row is None else _experiment(row)

    def active(self) -> Experiment | None:
        return self._one(active_only=True)

    def latest(self) -> Experiment | None:
        return self._one(active_only=False)

    def add(self, experiment: Experiment, assignments: Mapping[date, bool]) -> Experiment:
        new_id = int(
            self.conn.execute(
                insert(experiments).values(
                    owner_id=self.owner_id,
                    start_day=experiment.start_day,
                    days=experiment.days,
                    seed=experiment.seed,
                    active=experiment.active,
                    consented_at=experiment.consented_at,
                    stopped_at=experiment.stopped_at,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )
        self.conn.execute(
            insert(experiment_days),
            [
                {"experiment_id": new_id, "day": d, "owner_id": self.owner_id, "challenge": c}
                for d, c in sorted(assignments.items())
            ],
        )
        stored = self.latest()
        assert stored is not None and stored.id == new_id
        return stored

    def assignments(self, experiment_id: int) -> dict[date, bool]:
        t = experiment_days
        rows = self.conn.execute(
            select(t.c.day, t.c.challenge)
            .where(t.c.owner_id == self.owner_id, t.c.experiment_id == experiment_id)
            .order_by(t.c.day)
        )
        return {r[0]: bool(r[1]) for r in rows}

    def stop(self, experiment_id: int, *, now: datetime) -> None:
        t = experiments
        self.conn.execute(
            update(t)
            .where(t.c.owner_id == self.owner_id, t.c.id == experiment_id)
            .values(active=False, stopped_at=now)
        )


class InsightsDataRepo(_Repo):
    def contacts(self) -> list[tuple[int, datetime]]:
        """(person id, UTC instant) of every meaningful contact, oldest first."""
        link = interaction_people
        rows = self.conn.execute(
            select(link.c.person_id, link.c.occurred_at)
            .where(link.c.owner_id == self.owner_id, link.c.meaningful.is_(True))
            .order_by(link.c.occurred_at)
        ).all()
        return [(int(r[0]), as_utc(r[1])) for r in rows]

    # Lean reads for personal insights: one aggregated query per need. Days come back as ISO
    # text and are converted with date.fromisoformat (C), not the driver type's Python parser.

    def checkin_moods(self, *, until: date) -> dict[date, tuple[float, float]]:
        """Mood and stress of every check-in on or before ``until``, by day."""
        t = checkins
        rows = self.conn.execute(
            select(cast(t.c.day, String), t.c.mood, t.c.stress)
            .where(t.c.owner_id == self.owner_id, t.c.day <= until)
            .order_by(t.c.day)
        ).all()
        parse = date.fromisoformat
        return {parse(day): (float(mood), float(stress)) for day, mood, stress in rows}

    def day_kinds(self, *, until: date) -> list[tuple[date, str, int]]:
        """(day, kind, meaningful interactions) for every day and kind on or before ``until``."""
        t = interactions
        meaningful = func.sum(cast(t.c.meaningful, Integer()))
        rows = self.conn.execute(
            select(cast(t.c.day, String), t.c.kind, meaningful)
            .where(t.c.owner_id == self.owner_id, t.c.day <= until)
            .group_by(t.c.day, t.c.kind)
            .order_by(t.c.day, t.c.kind)
        ).all()
        parse = date.fromisoformat
        return [(parse(day), kind, int(count or 0)) for day, kind, count in rows]

    def interaction_moods(self, *, until: date) -> list[tuple[int, int, int]]:
        """(person id, mood before, mood after) of every interaction with both moods on or
        before ``until``, in day, interaction and person order."""
        t, link = interactions, interaction_people
        rows = self.conn.execute(
            select(link.c.person_id, t.c.mood_before, t.c.mood_after)
            .select_from(t.join(link, and_(link.c.interaction_id == t.c.id)))
            .where(
                t.c.owner_id == self.owner_id,
                t.c.day <= until,
                t.c.mood_before.is_not(None),
                t.c.mood_after.is_not(None),
            )
            .order_by(t.c.day, t.c.id, link.c.person_id)
        ).all()
        return [(int(pid), int(before), int(after)) for pid, before, after in rows]
