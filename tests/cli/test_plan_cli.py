"""The planner's commands through the CLI: today's plan, done/skip/snooze, actions, ladder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kithkin.cli import app

NOW = "2026-11-26T09:00:00+00:00"
STEPS = [f"step {i}|they will stare|{10 * i}" for i in range(1, 9)]


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    env = {
        "KITHKIN_DATABASE_URL": f"sqlite:///{tmp_path / 'k.db'}",
        "KITHKIN_NOW": NOW,
        "KITHKIN_CONFIG": "/proc/kithkin-absent",
    }

    def invoke(*args: str, now: str = NOW):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), env={**env, "KITHKIN_NOW": now})

    assert invoke("init", "--yes", "--timezone", "Europe/Berlin").exit_code == 0
    for name in ("Ada Lovelace", "Bo Berg", "Cy Chen", "Di Diaz"):
        assert invoke("people", "add", name, "--circle", "inner").exit_code == 0
    return invoke


def _json(result) -> object:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_today_json_keeps_its_keys_adds_suggestions_and_is_stable(run) -> None:  # type: ignore[no-untyped-def]
    first = _json(run("today", "--json"))
    assert isinstance(first, dict)
    for key in ("date", "goal", "met", "streak", "followups", "birthdays", "due_people"):
        assert key in first
    suggestions = first["suggestions"]
    assert len(suggestions) == 3
    top = suggestions[0]
    assert set(top) >= {"person", "action_id", "title", "minutes", "channel", "reason"}
    assert set(top["person"]) == {"id", "name"}
    assert top["reason"]
    assert _json(run("today", "--json"))["suggestions"] == suggestions  # type: ignore[index]
    text = run("today")
    assert text.exit_code == 0 and top["title"] in text.stdout


def test_done_logs_and_meets_the_goal_then_refuses_skip_and_snooze(run) -> None:  # type: ignore[no-untyped-def]
    done = _json(run("done", "1", "--minutes", "7", "--quality", "5", "--json"))
    assert isinstance(done, dict)
    assert done["interaction"]["minutes"] == 7
    assert done["suggestion"]["status"] == "done"
    assert _json(run("today", "--json"))["met"] is True  # type: ignore[index]
    for args in (("skip", "1"), ("snooze", "1", "--days", "2"), ("done", "1")):
        result = run(*args)
        assert result.exit_code == 1
        assert "already done" in result.stderr


def test_errors_unknown_number_and_out_of_range(run) -> None:  # type: ignore[no-untyped-def]
    result = run("done", "7")
    assert result.exit_code == 2
    assert "1 to 3" in result.stderr
    assert run("snooze", "2", "--days", "0").exit_code == 2
    assert run("done", "1", "--quality", "9").exit_code == 2
    assert _json(run("today", "--json"))["count"] == 0  # type: ignore[index]  # nothing written


def test_skip_and_snooze_shape_tomorrow(run) -> None:  # type: ignore[no-untyped-def]
    plan = _json(run("plan", "--json"))
    assert isinstance(plan, dict)
    skipped = plan["suggestions"][0]["person"]["id"]
    snoozed = plan["suggestions"][1]["person"]["id"]
    assert _json(run("skip", "1", "--json"))["status"] == "skipped"  # type: ignore[index]
    assert _json(run("snooze", "2", "--days", "3", "--json"))["snoozed_until"] == "2026-11-29"  # type: ignore[index]
    tomorrow = _json(run("today", "--json", now="2026-11-27T09:00:00+00:00"))
    ids = [s["person"]["id"] for s in tomorrow["suggestions"] if s["person"]]  # type: ignore[index]
    assert skipped not in ids and snoozed not in ids


def test_plan_week_and_suggest(run) -> None:  # type: ignore[no-untyped-def]
    week = _json(run("plan", "--week", "--json"))
    assert isinstance(week, list) and len(week) == 7
    people = [s["person"]["id"] for d in week for s in d["suggestions"] if s["person"]]
    assert len(people) == len(set(people))  # nobody twice in a week
    now = _json(run("suggest", "--minutes", "5", "--json"))
    assert isinstance(now, dict) and now["minutes"] <= 5
    assert run("suggest", "--minutes", "0").exit_code == 2


def test_actions_list_and_add(run) -> None:  # type: ignore[no-untyped-def]
    listed = _json(run("actions", "list", "--json"))
    assert isinstance(listed, list) and len(listed) >= 50
    args = ["actions", "add", "--id", "call_mum", "--title", "Call mum", "--how", "Ring her."]
    args += ["--minutes", "10", "--channel", "call", "--kind", "call"]
    assert _json(run(*args, "--json"))["id"] == "call_mum"  # type: ignore[index]
    assert run(*args).exit_code == 2  # the id clashes
    assert run(*[a if a != "10" else "11" for a in args[:-2]], "--kind", "call").exit_code == 2
    assert _json(run("actions", "list", "--json"))[-1]["custom"] is True  # type: ignore[index]


def test_ladder_attempt_flow(run) -> None:  # type: ignore[no-untyped-def]
    assert run("ladder", "show").exit_code == 1  # no ladder yet
    steps = [x for s in STEPS for x in ("--step", s)]
    assert run("ladder", "create", "--goal", "Talk", *steps[:4]).exit_code == 2  # 2 steps
    created = _json(run("ladder", "create", "--goal", "Talk", *steps, "--json"))
    assert created["level"] == 1  # type: ignore[index]
    up = run("ladder", "up")
    assert up.exit_code == 1 and "no rush" in up.stderr
    before = ["ladder", "before", "--step", "1", "--prediction", "stares", "--belief", "70"]
    assert run(*before, "--predicted-peak", "101").exit_code == 2
    for _ in range(2):
        attempt = _json(run(*before, "--predicted-peak", "60", "--json"))["attempt_id"]  # type: ignore[index]
        after = _json(
            run(
                "ladder",
                "after",
                str(attempt),
                "--peak",
                "20",
                "--happened",
                "a nod",
                "--came-true",
                "no",
                "--belief-after",
                "20",
                "--learned",
                "fine",
                "--json",
            )
        )
        assert after["interaction_id"] is not None  # type: ignore[index]
    shown = _json(run("ladder", "show", "--json"))
    assert shown["next_step_offered"] is True  # type: ignore[index]
    assert [p["actual_peak"] for p in shown["trend"]] == [20, 20]  # type: ignore[index]
    assert _json(run("ladder", "up", "--json"))["level"] == 2  # type: ignore[index]
    assert _json(run("ladder", "back", "--json"))["level"] == 1  # type: ignore[index]
    assert _json(run("today", "--json"))["met"] is True  # type: ignore[index]


def test_plan_week_and_today_agree_on_today_and_follow_a_new_person(run) -> None:  # type: ignore[no-untyped-def]
    today = _json(run("plan", "--json"))
    week = _json(run("plan", "--week", "--json"))
    assert isinstance(today, dict) and isinstance(week, list)
    assert week[0] == today
    text = run("plan", "--week")
    assert text.exit_code == 0
    assert "Add a few people" not in text.stdout
    assert run("people", "add", "Gus Green", "--circle", "inner", "--closeness", "5").exit_code == 0
    again = _json(run("plan", "--json"))
    assert isinstance(again, dict)
    assert "Gus Green" in [s["person"]["name"] for s in again["suggestions"] if s["person"]]
    assert _json(run("today", "--json"))["suggestions"] == again["suggestions"]  # type: ignore[index]
    assert _json(run("plan", "--week", "--json"))[0] == again  # type: ignore[index]
