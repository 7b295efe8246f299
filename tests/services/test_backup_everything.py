"""A JSON backup holds everything the user owns, from every feature, and restores it exactly."""

from __future__ import annotations

import json

from sqlalchemy import delete

from kithkin.bootstrap import App
from kithkin.services import experiments, ladders, questionnaires
from kithkin.services.backup import export_backup, import_backup
from kithkin.services.demo import fill_demo
from kithkin.services.suggestions import mark_done, todays_plan
from kithkin.storage.tables import accounts
from tests.conftest import FIXED_NOW, make_app

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
    assert json.dumps(second, sort_keys=True) == json.dumps(first, sort_keys=True)
