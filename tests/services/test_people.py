"""People and circles on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.domain.errors import (
    AmbiguousName,
    BadChoice,
    CircleNotFound,
    EmptyValue,
    OutOfRange,
    PersonNotFound,
    UnknownName,
    UnknownTimezone,
)
from kithkin.domain.model import Birthday, Feeling, PersonStatus
from kithkin.services.interactions import log_interaction
from kithkin.services.people import (
    add_person,
    archive_person,
    edit_person,
    list_circles,
    list_people,
    person_detail,
    resolve,
    set_circle,
)
from kithkin.services.ports import PeopleQuery
from tests.conftest import FIXED_NOW
from tests.services.helpers import count_rows


def test_add_person_with_every_field_round_trips(app: App) -> None:
    with app.uow(write=True) as uow:
        added = add_person(
            uow=uow,
            now=FIXED_NOW,
            name="  Ada Lovelace ",
            nickname="Ada",
            circle="Inner",
            cadence_days=5,
            closeness=5,
            feeling="Energising",
            timezone="Europe/London",
            birthday="1915-12-10",
            interests=["Maths, poetry", "maths"],
            how_met="a salon",
            notes="engines",
            contacts=["email:Ada@Example.com#work", "phone:+44 20 7946 0000"],
        )
    with app.uow() as uow:
        got = resolve(uow=uow, ref=added.id)
    assert got == added
    assert got.name == "Ada Lovelace"
    assert got.circle == "inner"
    assert got.feeling is Feeling.ENERGISING
    assert got.birthday == Birthday(12, 10, 1915)
    assert got.interests == ("maths", "poetry")
    assert [(c.kind, c.value, c.label) for c in got.contacts] == [
        ("email", "Ada@Example.com", "work"),
        ("phone", "+44 20 7946 0000", ""),
    ]
    assert got.created_at == FIXED_NOW
    assert got.status is PersonStatus.ACTIVE


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"name": "  "}, EmptyValue),
        ({"name": "A", "circle": "acquaintances"}, CircleNotFound),
        ({"name": "A", "closeness": 9}, OutOfRange),
        ({"name": "A", "cadence_days": 0}, OutOfRange),
        ({"name": "A", "feeling": "grumpy"}, BadChoice),
        ({"name": "A", "timezone": "Mars/Base"}, UnknownTimezone),
        ({"name": "A", "birthday": "31-31"}, OutOfRange),
        ({"name": "A", "contacts": ["fax:123"]}, BadChoice),
        ({"name": "A", "contacts": ["email:"]}, EmptyValue),
    ],
)
def test_add_person_refuses_bad_values_and_writes_nothing(app: App, fields, error) -> None:
    with app.uow(write=True) as uow, pytest.raises(error):
        add_person(uow=uow, now=FIXED_NOW, **fields)
    assert count_rows(app, "people") == 0
    assert count_rows(app, "contact_points") == 0


def test_edit_changes_only_given_fields_and_contacts_replace(app: App) -> None:
    with app.uow(write=True) as uow:
        p = add_person(
            uow=uow, now=FIXED_NOW, name="Grace Hopper", contacts=["email:g@navy.mil"], notes="x"
        )
        edited = edit_person(
            uow=uow, ref="grace", circle="close", contacts=["handle:@grace"], birthday="12-09"
        )
    assert edited.id == p.id
    assert edited.circle == "close"
    assert edited.notes == "x"
    assert edited.birthday == Birthday(12, 9)
    assert [c.value for c in edited.contacts] == ["@grace"]
    with app.uow(write=True) as uow:
        cleared = edit_person(uow=uow, ref=p.id, circle="none")
    assert cleared.circle is None
    assert count_rows(app, "contact_points") == 1


def test_archive_leaves_the_plan_and_name_matching_but_keeps_history(app: App) -> None:
    with app.uow(write=True) as uow:
        p = add_person(uow=uow, now=FIXED_NOW, name="Grace Hopper", circle="inner")
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["grace"])
        archived = archive_person(uow=uow, ref="grace")
    assert archived.archived
    with app.uow() as uow:
        assert list_people(uow=uow, now=FIXED_NOW) == []
        shown = list_people(uow=uow, now=FIXED_NOW, query=PeopleQuery(include_archived=True))
        assert [r.person.id for r in shown] == [p.id]
        with pytest.raises(UnknownName):
            resolve(uow=uow, ref="grace")
        detail = person_detail(uow=uow, ref=p.id, now=FIXED_NOW)
        assert len(detail.timeline) == 1
    with app.uow(write=True) as uow:
        back = archive_person(uow=uow, ref=f"#{p.id}", archived=False)
    assert not back.archived


def test_list_filters_circle_search_due_and_paging(app: App) -> None:
    with app.uow(write=True) as uow:
        for name, circle in [("Ada", "inner"), ("Bob", "inner"), ("Cleo", "wider"), ("Dan", None)]:
            add_person(uow=uow, now=FIXED_NOW, name=name, circle=circle or "none")
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="coffee", with_names=["ada"])
    with app.uow() as uow:
        everyone = list_people(uow=uow, now=FIXED_NOW)
        inner = list_people(uow=uow, now=FIXED_NOW, query=PeopleQuery(circle="inner"))
        search = list_people(uow=uow, now=FIXED_NOW, query=PeopleQuery(search="LE"))
        due = list_people(uow=uow, now=FIXED_NOW, due_only=True)
        page = list_people(uow=uow, now=FIXED_NOW, query=PeopleQuery(limit=2, offset=1))
        with pytest.raises(CircleNotFound):
            list_people(uow=uow, now=FIXED_NOW, query=PeopleQuery(circle="nope"))
    assert [r.person.name for r in everyone] == ["Ada", "Bob", "Cleo", "Dan"]
    assert [r.person.name for r in inner] == ["Ada", "Bob"]
    assert [r.person.name for r in search] == ["Cleo"]
    assert [r.person.name for r in due] == ["Bob", "Cleo"]  # Dan has no circle: not in the plan
    assert [r.person.name for r in page] == ["Bob", "Cleo"]
    ada = everyone[0].as_dict()
    assert (ada["last_contact"], ada["days_since"], ada["due"], ada["cadence_days"]) == (
        FIXED_NOW.date().isoformat(),
        0,
        False,
        7,
    )


def test_detail_has_followups_timeline_and_co_attendees(app: App) -> None:
    from kithkin.services.followups import add_followup

    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace")
        add_person(uow=uow, now=FIXED_NOW, name="Charles Babbage")
        for days in (3, 1):
            log_interaction(
                uow=uow,
                now=FIXED_NOW - timedelta(days=days),
                kind_id="meal",
                with_names=["ada", "charles"],
                note=f"{days} days ago",
            )
        add_followup(uow=uow, now=FIXED_NOW, person="ada", text="ask about the engine")
    with app.uow() as uow:
        data = person_detail(uow=uow, ref="ada", now=FIXED_NOW).as_dict()
    assert [t["note"] for t in data["timeline"]] == ["1 days ago", "3 days ago"]
    assert {p["name"] for p in data["timeline"][0]["people"]} == {"Ada Lovelace", "Charles Babbage"}
    assert [f["text"] for f in data["followups"]] == ["ask about the engine"]
    assert data["days_since"] == 1


def test_resolve_by_id_ambiguity_and_unknown(app: App) -> None:
    with app.uow(write=True) as uow:
        a = add_person(uow=uow, now=FIXED_NOW, name="Grace Hopper")
        add_person(uow=uow, now=FIXED_NOW, name="Grace Kelly")
    with app.uow() as uow:
        assert resolve(uow=uow, ref=f"#{a.id}").id == a.id
        assert resolve(uow=uow, ref=str(a.id)).id == a.id
        with pytest.raises(AmbiguousName):
            resolve(uow=uow, ref="grace")
        with pytest.raises(PersonNotFound):
            resolve(uow=uow, ref="#999")


def test_circles_default_set_and_change(app: App) -> None:
    with app.uow(write=True) as uow:
        assert [(c.name, c.cadence_days) for c in list_circles(uow=uow)] == [
            ("inner", 7),
            ("close", 14),
            ("friends", 30),
            ("wider", 90),
        ]
        set_circle(uow=uow, name="Climbing", cadence_days=10)
        set_circle(uow=uow, name="inner", cadence_days=5)
        with pytest.raises(OutOfRange):
            set_circle(uow=uow, name="x", cadence_days=0)
        with pytest.raises(EmptyValue):
            set_circle(uow=uow, name=" ", cadence_days=3)
    with app.uow() as uow:
        circles = [(c.name, c.cadence_days) for c in list_circles(uow=uow)]
    assert circles == [
        ("inner", 5),
        ("close", 14),
        ("friends", 30),
        ("wider", 90),
        ("climbing", 10),
    ]


def test_people_named_by_id_are_found_without_reading_everyones_names(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log "with #12" (the API, the phone) needs no name matching: on a large database
    reading every name was most of the write (issue 14)."""
    from kithkin.services.people import resolve_many

    with app.uow(write=True) as uow:
        ada = add_person(uow=uow, now=FIXED_NOW, name="Ada Quill")
        bea = add_person(uow=uow, now=FIXED_NOW, name="Bea Lind")
    with app.uow() as uow:
        names_read = []
        read_names = uow.people.name_entries

        def counted() -> list:
            names_read.append(1)
            return read_names()

        monkeypatch.setattr(uow.people, "name_entries", counted)
        found = resolve_many(uow=uow, refs=[f"#{ada.id}", str(bea.id), f"#{ada.id}"])
        assert [p.id for p in found] == [ada.id, bea.id]
        assert names_read == []
        named = resolve_many(uow=uow, refs=["bea", f"#{ada.id}", "Ada"])
        assert [p.id for p in named] == [bea.id, ada.id]
        assert names_read == [1]  # once for all the names
