"""Repositories for the planner: plan inputs, persisted suggestions, custom actions, ladders."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update

from kithkin.domain.ladder import Attempt, CameTrue, Ladder, Step
from kithkin.services.planning_ports import StoredAttempt, StoredLadder, StoredSuggestion
from kithkin.storage.repositories import _Repo
from kithkin.storage.rows import suggestion as _suggestion
from kithkin.storage.tables import (
    custom_actions,
    exposure_attempts,
    interaction_people,
    interactions,
    ladder_steps,
    ladders,
    suggestions,
)


class PlanDataRepo(_Repo):
    def interaction_kinds(self, *, since: date) -> list[tuple[date, str]]:
        """(day, kind) of interactions since ``since`` that no done suggestion accounts for."""
        linked = select(suggestions.c.interaction_id).where(
            suggestions.c.owner_id == self.owner_id, suggestions.c.interaction_id.is_not(None)
        )
        # Grouped in SQL: a few dozen (day, kind) rows to convert instead of one per interaction.
        rows = self.conn.execute(
            select(interactions.c.day, interactions.c.kind, func.count())
            .where(
                interactions.c.owner_id == self.owner_id,
                interactions.c.day >= since,
                interactions.c.id.not_in(linked),
            )
            .group_by(interactions.c.day, interactions.c.kind)
            .order_by(interactions.c.day, interactions.c.kind)
        )
        out: list[tuple[date, str]] = []
        for day, kind, count in rows:
            out += [(day, kind)] * count
        return out

    def last_meaningful(self, person_id: int) -> tuple[str, date] | None:
        """Kind and local day of the person's last meaningful interaction."""
        row = self.conn.execute(
            select(interactions.c.kind, interactions.c.day)
            .select_from(
                interactions.join(
                    interaction_people, interaction_people.c.interaction_id == interactions.c.id
                )
            )
            .where(
                interaction_people.c.person_id == person_id,
                interaction_people.c.owner_id == self.owner_id,
                interaction_people.c.meaningful.is_(True),
            )
            .order_by(interaction_people.c.occurred_at.desc())
            .limit(1)
        ).first()
        return None if row is None else (row.kind, row.day)


class SuggestionRepo(_Repo):
    def for_day(self, day: date) -> list[StoredSuggestion]:
        rows = self.conn.execute(
            select(suggestions)
            .where(suggestions.c.owner_id == self.owner_id, suggestions.c.day == day)
            .order_by(suggestions.c.rank)
        )
        return [_suggestion(r) for r in rows]

    def since(self, day: date) -> list[StoredSuggestion]:
        """Suggestions from ``day`` on, newest first."""
        rows = self.conn.execute(
            select(suggestions)
            .where(suggestions.c.owner_id == self.owner_id, suggestions.c.day >= day)
            .order_by(suggestions.c.day.desc(), suggestions.c.rank)
        )
        return [_suggestion(r) for r in rows]

    def add_many(self, items: Sequence[StoredSuggestion], *, created_at: datetime) -> None:
        if not items:
            return
        self.conn.execute(
            insert(suggestions),
            [
                {
                    "owner_id": self.owner_id,
                    "day": s.day,
                    "rank": s.rank,
                    "person_id": s.person_id,
                    "action_id": s.action_id,
                    "title": s.title,
                    "kind": s.kind,
                    "minutes": s.minutes,
                    "channel": s.channel,
                    "social_load": s.social_load,
                    "reconnect": s.reconnect,
                    "reasons": json.dumps([list(r) for r in s.reasons], ensure_ascii=False),
                    "proposed_time": s.proposed_time,
                    "status": s.status,
                    "snoozed_until": s.snoozed_until,
                    "interaction_id": s.interaction_id,
                    "created_at": created_at,
                }
                for s in items
            ],
        )

    def delete_open(self, day: date) -> None:
        """Remove the day's suggestions nobody acted on (before the plan is refreshed)."""
        self.conn.execute(
            delete(suggestions).where(
                suggestions.c.owner_id == self.owner_id,
                suggestions.c.day == day,
                suggestions.c.status == "open",
            )
        )

    def set_status(
        self,
        suggestion_id: int,
        *,
        status: str,
        snoozed_until: date | None = None,
        interaction_id: int | None = None,
    ) -> None:
        self.conn.execute(
            update(suggestions)
            .where(suggestions.c.id == suggestion_id, suggestions.c.owner_id == self.owner_id)
            .values(status=status, snoozed_until=snoozed_until, interaction_id=interaction_id)
        )


class CustomActionRepo(_Repo):
    def find(self) -> list[dict[str, object]]:
        rows = self.conn.execute(
            select(custom_actions.c.data)
            .where(custom_actions.c.owner_id == self.owner_id)
            .order_by(custom_actions.c.id)
        )
        return [json.loads(r.data) for r in rows]

    def add(self, data: dict[str, object], *, created_at: datetime) -> None:
        self.conn.execute(
            insert(custom_actions).values(
                owner_id=self.owner_id,
                action_id=str(data["id"]),
                data=json.dumps(data, ensure_ascii=False),
                created_at=created_at,
            )
        )


def _attempt(row: Any) -> StoredAttempt:
    attempt = Attempt(
        step=row.step,
        day=row.day,
        prediction=row.prediction,
        belief_before=row.belief_before,
        predicted_peak=row.predicted_peak,
        actual_peak=row.actual_peak,
        what_happened=row.what_happened,
        came_true=CameTrue(row.came_true) if row.came_true else None,
        belief_after=row.belief_after,
        learned=row.learned,
    )
    return StoredAttempt(row.id, row.ladder_id, attempt, row.interaction_id)


class LadderRepo(_Repo):
    def active(self) -> StoredLadder | None:
        row = self.conn.execute(
            select(ladders)
            .where(ladders.c.owner_id == self.owner_id, ladders.c.active.is_(True))
            .order_by(ladders.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        steps = self.conn.execute(
            select(ladder_steps)
            .where(ladder_steps.c.ladder_id == row.id)
            .order_by(ladder_steps.c.position)
        )
        ladder = Ladder(
            goal=row.goal,
            steps=tuple(
                Step(s.description, s.feared_prediction, s.predicted_anxiety) for s in steps
            ),
        )
        return StoredLadder(row.id, ladder, row.level)

    def create(self, ladder: Ladder, *, created_at: datetime) -> int:
        """Store a new ladder at level 0; any earlier ladder is kept but no longer active."""
        self.conn.execute(
            update(ladders).where(ladders.c.owner_id == self.owner_id).values(active=False)
        )
        new_id = int(
            self.conn.execute(
                insert(ladders).values(
                    owner_id=self.owner_id, goal=ladder.goal, level=0, created_at=created_at
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )
        self.conn.execute(
            insert(ladder_steps),
            [
                {
                    "owner_id": self.owner_id,
                    "ladder_id": new_id,
                    "position": i,
                    "description": s.description,
                    "feared_prediction": s.feared_prediction,
                    "predicted_anxiety": s.predicted_anxiety,
                }
                for i, s in enumerate(ladder.steps)
            ],
        )
        return new_id

    def set_level(self, ladder_id: int, level: int) -> None:
        self.conn.execute(
            update(ladders)
            .where(ladders.c.id == ladder_id, ladders.c.owner_id == self.owner_id)
            .values(level=level)
        )

    def attempts(self, ladder_id: int) -> list[StoredAttempt]:
        rows = self.conn.execute(
            select(exposure_attempts)
            .where(
                exposure_attempts.c.owner_id == self.owner_id,
                exposure_attempts.c.ladder_id == ladder_id,
            )
            .order_by(exposure_attempts.c.id)
        )
        return [_attempt(r) for r in rows]

    def get_attempt(self, attempt_id: int) -> StoredAttempt | None:
        row = self.conn.execute(
            select(exposure_attempts).where(
                and_(
                    exposure_attempts.c.id == attempt_id,
                    exposure_attempts.c.owner_id == self.owner_id,
                )
            )
        ).first()
        return None if row is None else _attempt(row)

    def add_attempt(self, ladder_id: int, attempt: Attempt, *, created_at: datetime) -> int:
        return int(
            self.conn.execute(
                insert(exposure_attempts).values(
                    owner_id=self.owner_id,
                    ladder_id=ladder_id,
                    step=attempt.step,
                    day=attempt.day,
                    prediction=attempt.prediction,
                    belief_before=attempt.belief_before,
                    predicted_peak=attempt.predicted_peak,
                    created_at=created_at,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )

    def complete_attempt(
        self, attempt_id: int, attempt: Attempt, *, interaction_id: int | None
    ) -> None:
        self.conn.execute(
            update(exposure_attempts)
            .where(
                exposure_attempts.c.id == attempt_id,
                exposure_attempts.c.owner_id == self.owner_id,
            )
            .values(
                actual_peak=attempt.actual_peak,
                what_happened=attempt.what_happened,
                came_true=attempt.came_true.value if attempt.came_true else None,
                belief_after=attempt.belief_after,
                learned=attempt.learned,
                interaction_id=interaction_id,
            )
        )


__all__ = ["CustomActionRepo", "LadderRepo", "PlanDataRepo", "SuggestionRepo"]
