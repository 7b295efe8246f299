"""The CLI's ``--json`` and the API print one shape for a check-in, a profile and a ladder
attempt (``kithkin.services.serial``): the same keys, and the same values for the same record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from kithkin.web.app import create_app
from tests.cli.conftest import as_json, make_run, ok
from tests.conftest import FIXED_NOW, make_app

STEPS = [x for i in range(1, 9) for x in ("--step", f"step {i}|they will stare|{10 * i}")]
AFTER = {"peak": 20, "happened": "a nod", "came_true": "no", "belief_after": 20, "learned": "ok"}


def _without_ids(shape: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in shape.items() if not k.endswith("_id")}


def test_the_cli_and_the_api_print_one_shape(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    run = make_run(db)  # its clock is FIXED_NOW, as the app's
    cli_profile = as_json(run("init", "--yes", "--timezone", "Europe/Berlin", "--json"))
    app = make_app(f"sqlite:///{db}", FIXED_NOW)
    with TestClient(create_app(app, csrf_key=b"k" * 32)) as api:
        assert api.get("/api/profile").json() == cli_profile
        put = api.put("/api/profile", json={"timezone": "Europe/Berlin"}).json()
        assert put.keys() == cli_profile.keys()

        cli_checkin = as_json(run("checkin", "--mood", "6", "--stress", "3", "--json"))
        api_checkin = api.post("/api/checkins", json={"mood": 6, "stress": 3}).json()
        assert cli_checkin["created"] is True
        assert api_checkin == {**cli_checkin, "created": False}

        ok(run("ladder", "create", "--goal", "Talk", *STEPS))
        before = ["--step", "1", "--prediction", "stares", "--belief", "70"]
        cli_before = as_json(run("ladder", "before", *before, "--predicted-peak", "60", "--json"))
        body = {"step": 1, "prediction": "stares", "belief": 70, "predicted_peak": 60}
        api_before = api.post("/api/ladder/attempts", json=body).json()
        assert api_before == {**cli_before, "attempt_id": cli_before["attempt_id"] + 1}

        options = [x for k, v in AFTER.items() for x in (f"--{k.replace('_', '-')}", str(v))]
        cli_after = as_json(
            run("ladder", "after", str(cli_before["attempt_id"]), *options, "--json")
        )
        api_after = api.post(f"/api/ladder/attempts/{api_before['attempt_id']}/after", json=AFTER)
        assert api_after.status_code == 200, api_after.text
        assert api_after.json().keys() == cli_after.keys()
        assert _without_ids(api_after.json()) == _without_ids(cli_after)
    app.close()
