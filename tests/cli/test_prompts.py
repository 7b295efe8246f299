"""Interactive prompts re-ask at once on a bad answer and take the shortcuts they show; a new
circle is offered at a terminal and explained elsewhere (#15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithkin.messages import error_text, text
from tests.cli.conftest import Run, as_json, assert_one_line_error, db_rows, ok

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"


def test_assess_re_asks_a_bad_answer_at_once(ready: Run) -> None:
    # answer 2 is out of range, then not a number: each asked again before question 3
    done = ok(ready("assess", "who5", input="3\n9\nlots\n4\n2\n2\n3\n"))
    assert done.stderr.count(text("prompt.number", low=0, high=5)) == 2
    [saved] = as_json(ready("assess", "history", "--json"))
    assert saved["raw"] == 3 + 4 + 2 + 2 + 3


def test_assess_history_shows_names_not_keys(ready: Run) -> None:
    ok(ready("assess", "who5", "--answers", "1,1,1,1,1"))
    shown = ok(ready("assess", "history")).stdout
    assert "WHO-5" in shown and "who5" not in shown


STEP_ANSWERS = [f"Step {n}\nthey stare\n{10 * n}\n" for n in range(8, 0, -1)]


def test_ladder_create_asks_for_everything_and_re_asks(ready: Run) -> None:
    answers = "  \nSpeak up in meetings\n"  # a blank goal is asked again
    answers += "Say hello\nthey ignore me\n101\n5\n"  # 101 is out of range: asked again
    answers += "".join(STEP_ANSWERS[:7])  # eight situations so far
    answers += "\n"  # Enter: finished
    done = ok(ready("ladder", "create", input=answers))
    assert text("prompt.number", low=0, high=100) in done.stderr
    ladder = as_json(ready("ladder", "show", "--json"))
    assert ladder["goal"] == "Speak up in meetings"
    steps = ladder["steps"]
    assert len(steps) == 8
    assert steps[0]["description"] == "Say hello"  # easiest first
    assert [s["predicted_anxiety"] for s in steps] == sorted(s["predicted_anxiety"] for s in steps)


def test_ladder_create_cannot_finish_before_eight(ready: Run, db_path: Path) -> None:
    before = db_rows(db_path)
    # Enter after three situations is not an end: the question comes again; input runs out
    answers = "Goal\n" + "".join(STEP_ANSWERS[:3]) + "\n"
    result = ready("ladder", "create", input=answers)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert db_rows(db_path) == before


def test_ladder_create_with_flags_still_works(ready: Run) -> None:
    steps = [x for n in range(1, 9) for x in ("--step", f"step {n}|stares|{10 * n}")]
    assert as_json(ready("ladder", "create", "--goal", "Talk", *steps, "--json"))["level"] == 1


def test_triage_re_asks_a_bad_letter_and_takes_shortcuts(
    ready: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITHKIN_DATA_DIR", str(tmp_path))
    ok(ready("import", "vcard", str(FIXTURES / "apple_contacts_ios17.vcf")))
    waiting = as_json(ready("triage", "--list", "--json"))
    assert len(waiting) == 3
    done = ok(ready("triage", input="maybe\ni\nignore\nq\n"))
    assert "Please answer with one of" in done.stderr
    assert text("triage.summary", kept=1, wider=0, ignored=1, left=1) in done.stdout
    inner = as_json(ready("people", "list", "--circle", "inner", "--json"))
    assert waiting[0]["name"] in {p["name"] for p in inner}
    assert len(as_json(ready("triage", "--list", "--json"))) == 1


def test_init_takes_barrier_words_or_letters(run: Run) -> None:
    ok(run("init", input="Europe/Paris\n1\n15\n45\nlittle time\n"))
    assert as_json(run("init", "--yes", "--json"))["barriers"] == ["little_time"]


# --- a circle that does not exist ---------------------------------------------------------


def test_new_circle_says_how_and_writes_nothing(ready: Run, db_path: Path) -> None:
    before = db_rows(db_path)
    for args in (
        ("people", "add", "Mary Somerville", "--circle", "climbing"),
        ("people", "edit", "Ada", "--circle", "climbing"),
    ):
        line = assert_one_line_error(ready(*args), 2)
        assert "kithkin circles set climbing DAYS" in line
        assert "inner, close, friends, wider" in line
    assert db_rows(db_path) == before


def test_new_circle_with_a_space_is_quoted_in_the_hint(ready: Run) -> None:
    line = assert_one_line_error(ready("people", "add", "Mary", "--circle", "book club"), 2)
    assert "kithkin circles set 'book club' DAYS" in line


@pytest.fixture
def at_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kithkin.cli.people.interactive", lambda: True)


@pytest.mark.usefixtures("at_terminal")
def test_new_circle_offered_at_a_terminal(ready: Run) -> None:
    done = ok(ready("people", "add", "Mary Somerville", "--circle", "Climbing", input="y\n0\n21\n"))
    assert text("prompt.number", low=1, high=3650) in done.stderr
    circles = {c["name"]: c["cadence_days"] for c in as_json(ready("circles", "--json"))}
    assert circles["climbing"] == 21
    mary = as_json(ready("people", "show", "Mary", "--json"))
    assert mary["circle"] == "climbing"
    ok(ready("people", "edit", "Ada", "--circle", "chess", input="\n\n"))  # defaults: yes, 30
    assert as_json(ready("people", "show", "Ada", "--json"))["circle"] == "chess"
    # the circle and the person are one change: one undo takes both back
    ok(ready("undo"))
    ok(ready("undo"))
    circles = {c["name"] for c in as_json(ready("circles", "--json"))}
    assert "climbing" not in circles and "chess" not in circles
    assert as_json(ready("people", "list", "--search", "Mary", "--json")) == []


@pytest.mark.usefixtures("at_terminal")
def test_new_circle_declined_at_a_terminal_writes_nothing(ready: Run, db_path: Path) -> None:
    before = db_rows(db_path)
    result = ready("people", "add", "Mary Somerville", "--circle", "climbing", input="n\n")
    assert result.exit_code == 2
    assert error_text("circle_new", name="climbing", quoted="climbing", allowed="x")[:30] in (
        result.stderr
    )
    assert db_rows(db_path) == before


def test_triage_keep_in_a_new_circle(
    ready: Run, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITHKIN_DATA_DIR", str(tmp_path))
    ok(ready("import", "vcard", str(FIXTURES / "apple_contacts_ios17.vcf")))
    name = as_json(ready("triage", "--list", "--json"))[0]["name"]
    before = db_rows(db_path)
    line = assert_one_line_error(ready("triage", "--keep", name, "--circle", "climbing"), 2)
    assert "kithkin circles set climbing DAYS" in line
    assert db_rows(db_path) == before
    monkeypatch.setattr("kithkin.cli.people.interactive", lambda: True)
    ok(ready("triage", "--keep", name, "--circle", "climbing", input="y\n21\n"))
    assert as_json(ready("people", "list", "--circle", "climbing", "--json"))[0]["name"] == name


def test_triage_stopped_half_way_keeps_each_answer_given(
    ready: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITHKIN_DATA_DIR", str(tmp_path))
    ok(ready("import", "vcard", str(FIXTURES / "apple_contacts_ios17.vcf")))
    waiting = as_json(ready("triage", "--list", "--json"))
    stopped = ready("triage", input="i\n")  # then the input ends, as with Ctrl-D or Ctrl-C
    assert stopped.exit_code != 0
    inner = as_json(ready("people", "list", "--circle", "inner", "--json"))
    assert waiting[0]["name"] in {p["name"] for p in inner}  # saved when it was answered
    assert len(as_json(ready("triage", "--list", "--json"))) == len(waiting) - 1


def test_a_question_never_waits_with_the_database_locked(
    ready: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While `log` asks whether a moment years ago is right, another writer can write."""
    import sqlite3

    import typer

    from kithkin.cli import basics

    written: list[bool] = []

    def confirm(message: str, **_: object) -> bool:
        other = sqlite3.connect(db_path, timeout=0.5)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE profiles SET daily_goal = daily_goal")
            other.commit()
            written.append(True)
        finally:
            other.close()
        return True

    monkeypatch.setattr(basics, "interactive", lambda: True)  # someone at a terminal
    monkeypatch.setattr(typer, "confirm", confirm)
    ok(ready("log", "call", "--with", "Ada", "--at", "2019-05-01 18:00"))
    assert written == [True]
    shown = as_json(ready("people", "show", "Ada", "--json"))
    assert "2019-05-01" in str(shown)
