"""Logging interactions keeps last contact and day counts in step; errors write nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.domain.errors import (
    AmbiguousName,
    BadChoice,
    BadDate,
    NonexistentLocalTime,
    OutOfRange,
    PersonNotFound,
    UnknownName,
    UnknownTimezone,
)
from kithkin.services.interactions import (
    InteractionNotFound,
    delete_interaction,
    log_interaction,
)
from kithkin.services.people import add_person, resolve
from tests.conftest import FIXED_NOW
from tests.services.helpers import snapshot


def _people(app: App) -> None:
    with app.uow(write=True) as uow:
        for name in ("Ada Lovelace", "Grace Hopper", "Grace Kelly", "Alan Turing"):
            add_person(uow=uow, now=FIXED_NOW, name=name, circle="inner")


def _counts(app: App) -> dict[date, int]:
    with app.uow() as uow:
        return uow.day_stats.meaningful_counts()


def test_log_sets_day_kind_defaults_and_last_contact(app: App) -> None:
    _people(app)
    with app.uow(write=True) as uow:
        logged = log_interaction(
            uow=uow,
            now=FIXED_NOW,
            kind_id="Video-Call",
            with_names=["ada", "turing", "#1"],
            quality=4,
            mood_before=5,
            mood_after=7,
            note=" talked engines ",
            when="yesterday 23:30",
        )
    item = logged.interaction
    assert item.kind == "video_call"
    assert item.minutes == 20  # the kind's default
    assert item.occurred_at == datetime(2026, 11, 25, 22, 30, tzinfo=UTC)
    assert item.day == date(2026, 11, 25)  # the local day in Berlin
    assert item.note == "talked engines"
    assert sorted(p.name for p in logged.people) == ["Ada Lovelace", "Alan Turing"]  # deduplicated
    with app.uow() as uow:
        ada = resolve(uow=uow, ref="ada")
        assert ada.last_contact_at == item.occurred_at
    assert _counts(app) == {date(2026, 11, 25): 1}


def test_last_contact_ignores_older_and_not_meaningful(app: App) -> None:
    _people(app)
    with app.uow(write=True) as uow:
        log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="call", with_names=["ada"], when="today 09:00"
        )
        log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="text", with_names=["ada"], when="2026-11-20"
        )
        log_interaction(
            uow=uow,
            now=FIXED_NOW,
            kind_id="small_talk",
            with_names=["ada"],
            when="today 09:45",
            meaningful=False,
        )
    with app.uow() as uow:
        ada = resolve(uow=uow, ref="ada")
    assert ada.last_contact_at == datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    assert _counts(app) == {date(2026, 11, 26): 1, date(2026, 11, 20): 1}


def test_delete_recomputes_last_contact_and_day_stats(app: App) -> None:
    _people(app)
    with app.uow(write=True) as uow:
        first = log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="call", with_names=["ada"], when="2026-11-20"
        ).interaction
        second = log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="coffee", with_names=["ada"], when="today 08:00"
        ).interaction
    assert second.id is not None and first.id is not None
    with app.uow(write=True) as uow:
        delete_interaction(uow=uow, interaction_id=second.id)
    with app.uow() as uow:
        assert resolve(uow=uow, ref="ada").last_contact_at == first.occurred_at
        assert uow.interactions.get(second.id) is None
    assert _counts(app) == {date(2026, 11, 20): 1}
    with app.uow(write=True) as uow:
        delete_interaction(uow=uow, interaction_id=first.id)
        with pytest.raises(InteractionNotFound):
            delete_interaction(uow=uow, interaction_id=first.id)
    with app.uow() as uow:
        assert resolve(uow=uow, ref="ada").last_contact_at is None
        assert uow.day_stats.first_day() is None


def test_weak_tie_without_people_counts(app: App) -> None:
    with app.uow(write=True) as uow:
        logged = log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="small_talk", with_other=" barista "
        )
    assert logged.people == []
    assert logged.interaction.with_other == "barista"
    assert _counts(app) == {date(2026, 11, 26): 1}


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"with_names": ["ada", "nobody-at-all"]}, UnknownName),
        ({"with_names": ["ada", "grace"]}, AmbiguousName),
        ({"with_names": ["ada", "#999"]}, PersonNotFound),
        ({"with_names": ["ada"], "kind_id": "telepathy"}, BadChoice),
        ({"with_names": ["ada"], "quality": 6}, OutOfRange),
        ({"with_names": ["ada"], "mood_after": 0}, OutOfRange),
        ({"with_names": ["ada"], "minutes": -5}, OutOfRange),
        ({"with_names": ["ada"], "when": "someday"}, BadDate),
        ({"with_names": ["ada"], "when": "2026-03-29T02:30"}, NonexistentLocalTime),
        ({"with_names": ["ada"], "timezone": "Atlantis/City"}, UnknownTimezone),
    ],
)
def test_a_refused_log_writes_nothing(app: App, kwargs, error) -> None:
    _people(app)
    with app.uow(write=True) as uow:
        log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="call", with_names=["alan"], when="2026-11-20"
        )
    before = snapshot(app)
    args = {"kind_id": "call", **kwargs}
    with app.uow(write=True) as uow, pytest.raises(error):
        log_interaction(uow=uow, now=FIXED_NOW + timedelta(hours=1), **args)
    assert snapshot(app) == before


def test_an_error_after_writes_rolls_the_whole_unit_back(app: App) -> None:
    """The unit of work is the transaction: a failure part-way leaves nothing behind."""
    _people(app)
    before = snapshot(app)
    with pytest.raises(UnknownName), app.uow(write=True) as uow:
        from kithkin.domain.model import Interaction
        from kithkin.services.interactions import record

        record(
            uow=uow,
            items=[Interaction(FIXED_NOW, date(2026, 11, 26), "call", 5, person_ids=(1,))],
            now=FIXED_NOW,
        )
        assert uow.day_stats.meaningful_counts() == {date(2026, 11, 26): 1}
        resolve(uow=uow, ref="nobody-at-all")
    assert snapshot(app) == before
