"""The planner reads the open follow-ups without their creation instants (issue 14): the same
follow-ups as ``find(open_only=True)``, in its order, with every field the plan reads. Both
backends."""

from __future__ import annotations

from dataclasses import replace

from kithkin.bootstrap import App
from kithkin.services.followups import add_followup, complete_followup
from kithkin.services.people import add_person
from tests.conftest import FIXED_NOW


def test_the_plan_reads_the_open_follow_ups_as_find_does(app: App) -> None:
    with app.uow(write=True) as uow:
        for name in ("Ada", "Bea", "Cy"):
            add_person(uow=uow, now=FIXED_NOW, name=name, circle="friends")
        made = [
            add_followup(uow=uow, now=FIXED_NOW, person=who, text=text, due=due)
            for who, text, due in (
                ("Ada", "Ask about the move", "2026-11-27"),
                ("Bea", "The interview", "today"),
                ("Ada", "Return the book", None),
                ("Cy", "Birthday card", "2026-12-24"),
                ("Bea", "Call back", "today"),
            )
        ]
        complete_followup(uow=uow, followup_id=made[3].followup.id or 0)
    with app.uow() as uow:
        found = uow.followups.find(open_only=True)
        planned = uow.followups.open_for_plan()
        assert len(found) == 4
        assert planned == [replace(f, created_at=None) for f in found]
        assert all(f.created_at is not None for f in found)
