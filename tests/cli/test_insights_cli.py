"""kithkin assess / insights / experiment through the CLI (SQLite, fixed clock)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kithkin.cli import app as cli_app


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    env = {
        "KITHKIN_DATABASE_URL": f"sqlite:///{tmp_path / 'k.db'}",
        "KITHKIN_NOW": "2026-11-26T09:00:00+00:00",
        "KITHKIN_CONFIG": "/proc/kithkin-absent",
        "KITHKIN_DATA_DIR": str(tmp_path),
    }
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):  # noqa: A002  # type: ignore[no-untyped-def]
        return runner.invoke(cli_app, list(args), env=env, input=input)

    assert invoke("init", "--yes").exit_code == 0
    return invoke


def _history(run) -> list[dict]:  # type: ignore[no-untyped-def]
    result = run("assess", "history", "--json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_assess_with_answers_prints_score_and_band(run) -> None:  # type: ignore[no-untyped-def]
    result = run("assess", "who5", "--answers", "3,3,2,2,3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["instrument"] == "who5" and data["answers"] == [3, 3, 2, 2, 3]
    assert data["score"]["raw"] == 13 and data["score"]["percent"] == 52
    assert data["score"]["band"] == "who5.fine"
    assert len(_history(run)) == 1


def test_low_who5_suggests_a_professional_without_diagnosing(run) -> None:  # type: ignore[no-untyped-def]
    result = run("assess", "who5", "--answers", "1,1,1,1,1")
    assert result.exit_code == 0
    assert "not a diagnosis" in result.stdout and "professional" in result.stdout


def test_who5_band_speaks_of_the_percentage_it_follows(run) -> None:  # type: ignore[no-untyped-def]
    """ "Score: 12 of 25, 48%." was followed by "Your score is 50 or below" (50 meant %)."""
    out = " ".join(run("assess", "who5", "--answers", "3,3,2,2,2").stdout.split())
    assert "Score: 12 of 25, 48%." in out
    assert "your score is 50% or below" in out
    assert "score is 50 or below" not in out


@pytest.mark.parametrize("answers", ["1,1,1,1", "1,1,1,1,9", "a,b"])
def test_bad_answers_exit_2_and_store_nothing(run, answers: str) -> None:  # type: ignore[no-untyped-def]
    result = run("assess", "who5", "--answers", answers)
    assert result.exit_code == 2
    assert "Error:" in result.output
    assert _history(run) == []


def test_interactive_who5_prompts_each_item(run) -> None:  # type: ignore[no-untyped-def]
    result = run("assess", "who5", "--json", input="5\n4\n3\n2\n1\n")
    assert result.exit_code == 0, result.output
    assert "at no time" in result.stdout.lower()
    assert _history(run)[0]["answers"] == [5, 4, 3, 2, 1]


def test_pss10_without_items_names_where_to_put_them(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("assess", "pss10")
    assert result.exit_code == 2
    assert str(tmp_path / "items" / "pss10.txt") in result.output
    items = tmp_path / "items"
    items.mkdir()
    (items / "pss10.txt").write_text("\n".join(f"Question {i}?" for i in range(1, 11)))
    answered = run("assess", "pss10", "--json", input="2\n" * 10)
    assert answered.exit_code == 0, answered.output
    assert "Question 10?" in answered.stdout
    assert _history(run)[0]["raw"] == 20


def test_items_file_option_and_wrong_count(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    short = tmp_path / "short.txt"
    short.write_text("One?\nTwo?\n")
    result = run("assess", "pss4", "--items", str(short))
    assert result.exit_code == 2 and "4 questions" in result.output
    assert run("assess", "pss4", "--items", str(tmp_path / "nope.txt")).exit_code == 2
    assert _history(run) == []


def test_today_suggests_a_questionnaire_only_when_it_can_be_taken(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """PSS-10 is due from the first day, but its questions do not ship: `today` (text and
    --json) suggests it once the user's copy is in the data directory, as the web does (#14)."""
    before = json.loads(run("today", "--json").stdout)
    assert {d["instrument_id"] for d in before["questionnaires_due"]} == {"who5"}
    shown = run("today").stdout
    assert "WHO-5" in shown and "PSS" not in shown and "Perceived Stress" not in shown
    items = tmp_path / "items"
    items.mkdir()
    (items / "pss10.txt").write_text("\n".join(f"Question {i}?" for i in range(1, 11)))
    after = json.loads(run("today", "--json").stdout)
    assert {d["instrument_id"] for d in after["questionnaires_due"]} == {"who5", "pss10"}
    assert "Perceived Stress" in run("today").stdout
    (items / "pss10.txt").write_text("Only one question?\n")  # the wrong number: not takeable
    assert {
        d["instrument_id"] for d in json.loads(run("today", "--json").stdout)["questionnaires_due"]
    } == {"who5"}


def test_schedule_and_today_reminders(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "items").mkdir()
    (tmp_path / "items" / "pss10.txt").write_text("\n".join(f"Q{i}?" for i in range(1, 11)))
    before = json.loads(run("today", "--json").stdout)
    assert {d["instrument_id"] for d in before["questionnaires_due"]} == {"who5", "pss10"}
    assert run("assess", "schedule", "pss10", "--every", "0").exit_code == 0
    run("assess", "who5", "--answers", "3,3,3,3,3")
    after = run("today")
    assert json.loads(run("today", "--json").stdout)["questionnaires_due"] == []
    assert "Questionnaire due" not in after.stdout


def test_insights_on_few_days_and_chart_formats(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("insights", "--json").stdout)
    assert data["social"][0]["status"] == "not_enough_data"
    assert data["social"][0]["delta"] is None
    gif = run("insights", "--chart", str(tmp_path / "c.gif"))
    assert gif.exit_code == 2 and ".png" in gif.output
    assert not (tmp_path / "c.gif").exists()
    svg = run("insights", "--chart", str(tmp_path / "c.svg"))
    assert svg.exit_code == 0
    assert (tmp_path / "c.svg").read_text().startswith("<svg")


def test_insights_on_demo_data(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("demo").exit_code == 0
    assert run("insights", "--chart", str(tmp_path / "c.png")).exit_code == 0
    from PIL import Image

    with Image.open(tmp_path / "c.png") as picture:
        assert picture.format == "PNG"
        assert picture.size == (960, 640)
        # the bars are drawn in the app's calm bar colour (deep green), never alarm red
        colours = {colour for _, colour in picture.getcolors(maxcolors=1 << 16) or []}
        assert (0x2F, 0x6B, 0x5B) in colours
    data = json.loads(run("insights", "--json").stdout)
    assert data["social"][0]["delta"] > 0
    assert data["social"][0]["status"] in ("early", "ok")
    assert "Benjamini-Hochberg" in data["error_budget"]["procedure"]
    items = {i["item"]: i for k in ("social", "by_mode", "by_dose", "by_person") for i in data[k]}
    items[data["next_day"]["item"]] = data["next_day"]
    for m in data["summary"]:
        if m["item"] is not None:
            assert items[m["item"]]["effect_claimed"] is True
    human = run("insights", "--chart", str(tmp_path / "c.svg"))
    assert "This is your pattern, not proof of cause." in human.stdout
    assert "leave you feeling better" not in human.stdout  # a neutral heading, with verdicts
    assert "<rect" in (tmp_path / "c.svg").read_text()


def test_experiment_flow(run) -> None:  # type: ignore[no-untyped-def]
    refused = run("experiment", "start")
    assert refused.exit_code == 2 and "--consent" in refused.output
    assert run("experiment", "status").exit_code == 1
    planned = run("experiment", "plan")
    assert planned.exit_code == 0 and "80% power" in planned.stdout
    plan = json.loads(run("experiment", "plan", "--json").stdout)
    assert plan["sd_from_history"] is False and plan["default_days"] == 84
    started = run("experiment", "start", "--consent", "--seed", "3", "--json")
    assert started.exit_code == 0
    assert json.loads(started.stdout)["day_number"] == 1
    assert json.loads(started.stdout)["days"] == plan["default_days"]  # the plan's length
    again = run("experiment", "start", "--consent")
    assert again.exit_code == 1 and "already running" in again.output
    status = json.loads(run("experiment", "status", "--json").stdout)
    nudge = json.loads(run("today", "--json").stdout)["experiment"]
    assert nudge["challenge_today"] == status["challenge_today"]
    report = json.loads(run("experiment", "report", "--json").stdout)["report"]
    assert report["status"] == "not_enough_data" and report["estimate"] is None
    assert any("cannot say" in m["text"] for m in report["messages"])
    assert run("experiment", "stop").exit_code == 0
    assert run("experiment", "stop").exit_code == 1


def test_mood_over_time_chart_and_table(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("demo").exit_code == 0
    out = run("insights", "--over-time", "30", "--chart", str(tmp_path / "t.svg"))
    assert out.exit_code == 0, out.output
    assert "Mood over time, week by week (last 30 days)" in out.stdout
    svg = (tmp_path / "t.svg").read_text()
    assert "Mood and stress, last 30 days" in svg
    assert 'aria-label="Connected"' in svg and "<polyline" in svg
    bad = run("insights", "--over-time", "45")
    assert bad.exit_code == 2 and "30, 90, 365" in bad.output
    png = run("insights", "--over-time", "90", "--chart", str(tmp_path / "t.png"))
    assert png.exit_code == 2 and ".svg" in png.output
    assert not (tmp_path / "t.png").exists()
