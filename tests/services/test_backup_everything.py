"""A JSON backup holds everything the user owns, from every feature, and restores it exactly."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete

from kithkin.bootstrap import App
from kithkin.services import experiments, ladders, questionnaires
from kithkin.services.backup import BadBackup, export_backup, import_backup
from kithkin.services.demo import fill_demo
from kithkin.services.suggestions import mark_done, todays_plan
from kithkin.storage.tables import accounts
from tests.conftest import FIXED_NOW, make_app
from tests.services.helpers import canonical

STEPS = [f"step {i}|they will think I am odd|{10 + i * 7}" for i in range(8)]


def test_every_feature_survives_a_backup_round_trip(app: App) -> None:
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, days=30, timezone="Europe/Berlin")
    with app.uow(write=True) as uow:
        todays_plan(uow=uow, now=FIXED_NOW)
        mark_done(
            uow=uow,
            now=FIXED_NOW,
            number=1,
            minutes=None,
            quality=4,
            mood_before=None,
            mood_after=None,
            note="",
            when=None,
        )
        questionnaires.take(uow=uow, now=FIXED_NOW, instrument_id="who5", answers=[3, 3, 2, 2, 3])
        experiments.start(uow=uow, now=FIXED_NOW, consent=True, days=28, seed=3)
        ladders.create_ladder(uow=uow, now=FIXED_NOW, goal="talk at work", steps=STEPS)
    with app.uow() as uow:
        first = export_backup(uow=uow)
    for table in (
        "people",
        "interactions",
        "checkins",
        "suggestions",
        "questionnaire_responses",
        "experiment_days",
        "ladder_steps",
    ):
        assert first["tables"][table], table
    url = app.engine.url.render_as_string(hide_password=False)
    with app.engine.begin() as conn:
        conn.execute(delete(accounts))
    app.close()
    restored = make_app(url)
    with restored.uow(write=True) as uow:
        import_backup(uow=uow, document=json.loads(json.dumps(first)))
    with restored.uow() as uow:
        second = export_backup(uow=uow)
    restored.close()
    # ids are new (a restore never keeps them); everything else, links included, is the same
    assert canonical(second) == canonical(first)


def _small_backup(app: App) -> dict[str, object]:
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, days=20, timezone="Europe/Berlin")
    with app.uow() as uow:
        return export_backup(uow=uow)


def _corrupt(document: dict[str, object], how: str) -> dict[str, object]:
    doc = json.loads(json.dumps(document))
    tables = doc["tables"]
    if how == "mood":
        tables["checkins"][0]["mood"] = 99
    elif how == "date":
        tables["checkins"][0]["day"] = "2026-02-30"
    elif how == "dangling":
        tables["interaction_people"][0]["person_id"] = 999_999
    elif how == "type":
        tables["checkins"][0]["mood"] = "abc"
    elif how == "row":
        tables["people"][0] = "not a row"
    return doc


@pytest.mark.parametrize("how", ["mood", "date", "dangling", "type", "row"])
def test_a_damaged_backup_restores_nothing_and_says_where(app: App, how: str) -> None:
    document = _small_backup(app)
    url = app.engine.url.render_as_string(hide_password=False)
    with app.engine.begin() as conn:
        conn.execute(delete(accounts))
    app.close()
    restored = make_app(url)
    with restored.uow(write=True) as uow, pytest.raises(BadBackup) as raised:
        import_backup(uow=uow, document=_corrupt(document, how))
    assert "table " in raised.value.message
    with restored.uow() as uow:
        assert uow.backup.is_empty()
    restored.close()
