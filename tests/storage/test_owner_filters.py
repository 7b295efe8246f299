"""Derived data is read and written per owner (issue #10, point 4): a link row of another
account (as an old, unvalidated restore could leave) never moves this account's last contact."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select

from kithkin.bootstrap import App
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from kithkin.storage.tables import interaction_people, interactions, people
from tests.conftest import FIXED_NOW
from tests.services.test_restore_validated import account_app


def test_last_contact_ignores_another_accounts_links(app: App) -> None:
    with app.uow(write=True) as uow:
        ada = add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace")
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["Ada"])
    assert ada.id is not None
    bob = account_app(app.engine.url.render_as_string(hide_password=False), "bob")
    with bob.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
    future = datetime(2099, 1, 1, tzinfo=UTC)
    with app.engine.begin() as conn:
        made = conn.execute(
            insert(interactions).values(
                owner_id=bob.owner_id,
                occurred_at=future,
                day=future.date(),
                kind="call",
                minutes=5,
                meaningful=True,
                created_at=FIXED_NOW,
            )
        ).inserted_primary_key[0]
        conn.execute(
            insert(interaction_people).values(
                interaction_id=made,
                person_id=ada.id,
                owner_id=bob.owner_id,
                occurred_at=future,
                meaningful=True,
            )
        )
    with app.uow(write=True) as uow:
        uow.people.refresh_last_contact([ada.id])
        seen = uow.interactions.find(person_id=ada.id)
        uow.commit()
    with app.engine.connect() as conn:
        last = conn.execute(select(people.c.last_contact_at).where(people.c.id == ada.id)).scalar()
    assert last is not None and last.year == 2026
    assert [i.occurred_at.year for i in seen] == [2026]
    bob.close()
