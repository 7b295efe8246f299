"""`kithkin undo`, and the corrections: log/checkin list|edit|delete, followup, assess, ladder
and people edit/delete, un-archive, un-ignore; with their errors (exit code, message key)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kithkin.cli import app
from kithkin.messages import ERRORS, TEXT, error_text
from kithkin.storage import shapes
from tests.cli.conftest import NOW, Run, as_json, db_rows, ok

DATA = ("changes", "data_versions")


def data(path: Path) -> dict[str, object]:
    return {k: v for k, v in db_rows(path).items() if k not in DATA}


def fails(result: object, code: int, key: str, **params: object) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    assert error_text(key, **params) in result.stderr  # type: ignore[attr-defined]


def test_undo_with_nothing_to_undo(run: Run) -> None:
    fails(run("undo"), 1, "undo_nothing")
    out = ok(run("undo", "--list"))
    assert TEXT["undo.none"] in out.stdout


def test_undo_reverts_a_log_exactly_and_lists_it(ready: Run, db_path: Path) -> None:
    before = data(db_path)
    ok(ready("log", "call", "--with", "Ada", "--at", "2020-01-01", "--yes"))
    listed = as_json(ready("undo", "--list", "--json"))
    assert listed[0]["label"] == "log call --with Ada --at 2020-01-01 --yes"
    assert listed[0]["rows"] == 2  # the interaction and its link to Ada
    done = as_json(ready("undo", "--json"))
    assert done["id"] == listed[0]["id"]
    assert data(db_path) == before  # last contact and day counts included


def test_undo_twice_undoes_the_change_before(ready: Run, db_path: Path) -> None:
    before = data(db_path)
    ok(ready("checkin", "--mood", "5", "--stress", "4"))
    ok(ready("checkin", "--mood", "7", "--stress", "2"))
    ok(ready("undo"))
    assert as_json(ready("checkin", "list", "--json"))[0]["mood"] == 5
    ok(ready("undo"))
    assert data(db_path) == before


def test_undo_refuses_when_a_later_change_touched_the_same_rows(ready: Run) -> None:
    ok(ready("log", "call", "--with", "Ada"))
    first = as_json(ready("undo", "--list", "--json"))[0]["id"]
    (item,) = as_json(ready("log", "list", "--json"))
    ok(ready("log", "edit", str(item["id"]), "--minutes", "30"))
    fails(
        ready("undo", "--id", str(first)),
        1,
        "undo_blocked",
        label="log call --with Ada",
        later=f"log edit {item['id']} --minutes 30",
    )
    fails(ready("undo", "--id", "999"), 1, "undo_change_not_found", id=999)
    ok(ready("undo"))
    ok(ready("undo", "--id", str(first)))
    fails(
        ready("undo", "--id", str(first)),
        1,
        "undo_already_undone",
        id=first,
        label="log call --with Ada",
    )
    assert as_json(ready("log", "list", "--json")) == []


def test_undo_after_a_restore_takes_the_restore_back(
    run: Run, tmp_path: Path, db_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    other = tmp_path / "other.db"
    from tests.cli.conftest import make_run

    source = make_run(other)
    ok(source("init", "--yes", "--timezone", "UTC"))
    ok(source("people", "add", "Ada Lovelace", "--circle", "inner"))
    ok(source("log", "call", "--with", "Ada"))
    ok(source("export", "json", str(backup)))
    ok(run("import", "json", str(backup)))
    assert len(as_json(run("people", "list", "--json"))) == 1
    ok(run("undo"))
    # the plan's mark is derived: the undo marks today's plan to be remade from what is left
    kept = ("accounts", "alembic_version", "plan_marks")
    left = {k: v for k, v in data(db_path).items() if k not in kept}
    assert left == {k: [] for k in left}  # the restored rows are gone, every table empty


def test_log_list_edit_delete_keep_derived_data_in_step(ready: Run, db_path: Path) -> None:
    ok(ready("log", "call", "--with", "Ada", "--at", "2020-01-01", "--yes"))
    (item,) = as_json(ready("log", "list", "--since", "2019-12-01", "--json"))
    assert item["day"] == "2020-01-01"
    assert as_json(ready("log", "list", "--since", "2026-11-01", "--json")) == []
    edited = as_json(ready("log", "edit", str(item["id"]), "--at", "2026-11-25", "--json"))
    assert edited["day"] == "2026-11-25"
    stats = {r[1]: r for r in db_rows(db_path)["day_stats"]}
    assert "2020-01-01" not in stats and stats["2026-11-25"][2] == 1
    ok(ready("log", "delete", str(item["id"])))
    rows = db_rows(db_path)
    assert rows["day_stats"] == []
    last = ["id", "owner_id", *(c.name for c in shapes.PEOPLE)].index("last_contact_at")
    assert all(p[last] is None for p in rows["people"])  # nobody's last contact is left


def test_deleting_twice_unknown_ids_and_another_accounts_ids(ready: Run, db_path: Path) -> None:
    ok(ready("log", "text", "--with", "Ada"))
    ok(ready("checkin", "--mood", "5", "--stress", "4"))
    ok(ready("followup", "add", "Ada", "Ask about the trip"))
    ok(ready("log", "delete", "1"))
    fails(ready("log", "delete", "1"), 1, "interaction_not_found", id=1)
    fails(ready("log", "edit", "77", "--minutes", "3"), 1, "interaction_not_found", id=77)
    fails(ready("checkin", "delete", "9"), 1, "checkin_not_found", id=9)
    fails(ready("followup", "delete", "9"), 1, "followup_not_found", id=9)
    fails(ready("assess", "delete", "9"), 1, "result_not_found", id=9)
    fails(ready("ladder", "attempt-delete", "9"), 1, "attempt_not_found", id=9)
    fails(ready("people", "delete", "#99"), 1, "person_not_found", id="99")
    fails(ready("checkin", "edit", "1"), 2, "nothing_to_edit")
    # another account on the same database sees none of these ids
    stranger = CliRunner(
        env={
            "KITHKIN_DATABASE_URL": f"sqlite:///{db_path}",
            "KITHKIN_NOW": NOW,
            "KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml",
            "KITHKIN_ACCOUNT": "someone-else",
        }
    )
    before = data(db_path)
    for args, key in (
        (["checkin", "delete", "1"], "checkin_not_found"),
        (["followup", "delete", "1"], "followup_not_found"),
        (["people", "delete", "#1"], "person_not_found"),
    ):
        result = stranger.invoke(app, args)
        assert result.exit_code == 1
        assert ERRORS[key].split("{")[0] in result.stderr
    fails(stranger.invoke(app, ["undo"]), 1, "undo_nothing")
    after = data(db_path)
    assert after.pop("accounts") != before.pop("accounts")  # the stranger's own account
    assert after == before


def test_people_delete_unarchive_unignore(ready: Run, db_path: Path) -> None:
    before = data(db_path)
    ok(ready("people", "archive", "Ada"))
    ok(ready("people", "unarchive", "#1"))
    assert not as_json(ready("people", "show", "#1", "--json"))["archived"]
    ok(ready("people", "delete", "#1"))
    fails(ready("people", "delete", "#1"), 1, "person_not_found", id="1")
    ok(ready("undo"))
    ok(ready("undo"))
    ok(ready("undo"))
    assert data(db_path) == before


def test_checkin_followup_attempt_edit(ready: Run) -> None:
    ok(ready("checkin", "--mood", "5", "--stress", "4"))
    (c,) = as_json(ready("checkin", "list", "--json"))
    assert as_json(ready("checkin", "edit", str(c["id"]), "--mood", "8", "--json"))["mood"] == 8
    fails(
        ready("checkin", "edit", str(c["id"]), "--mood", "11"),
        2,
        "out_of_range",
        field="mood",
        low=1,
        high=10,
        value=11,
    )
    ok(ready("followup", "add", "Ada", "Ask about the trip"))
    f = as_json(ready("followup", "edit", "1", "--text", "Ask about Rome", "--json"))
    assert f["text"] == "Ask about Rome"
    ok(ready("followup", "delete", "1"))
