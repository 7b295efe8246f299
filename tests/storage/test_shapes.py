"""Record shapes declared once (``storage.shapes``): the table, both readers' SELECT lists and the
row decoders follow the same ordered field list, and a lean read that does not decode as
declared falls back to the full path instead of failing."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kithkin.domain.model import Feeling, PersonStatus
from kithkin.domain.roster import RANKING_ROW
from kithkin.storage import lean, rows, shapes
from kithkin.storage.people_repos import PERSON_COLUMNS, PROFILE_COLUMNS, RANKING_COLUMNS
from kithkin.storage.tables import people
from tests.cli.conftest import make_run, ok

# A value per field, each different from the others, so a decoder reading a field from the
# wrong position is caught.
SAMPLE: dict[str, Any] = {
    "id": 7,
    "name": "Ada Lovelace",
    "nickname": "Ada",
    shapes.CIRCLE_NAME: "inner",
    "cadence_days": 11,
    "closeness": 4,
    "feeling": Feeling.ENERGISING.value,
    "timezone": "Europe/London",
    "birth_month": 12,
    "birth_day": 10,
    "birth_year": 1815,
    "interests": json.dumps(["maths", "poetry"]),
    "how_met": "at a salon",
    "notes": "engines",
    "archived": 1,
    "status": PersonStatus.TRIAGE.value,
    "uid": "uid-7",
    "last_contact_at": datetime(2026, 11, 20, 8, 30),
    "created_at": datetime(2026, 1, 2, 3, 4),
    "family_name": "Lovelace",
    "given_name": "Augusta",
    "additional_names": "Ada",
    "name_prefix": "Countess",
    "name_suffix": "FRS",
    "organisation": "Analytical Society",
    "department": "Notes",
    "job_title": "Translator",
    "birthday_text": "winter 1815",
}


def test_the_table_has_the_declared_columns_in_order() -> None:
    declared = ["id", "owner_id", *(c.name for c in shapes.PEOPLE)]
    assert [c.name for c in people.columns] == declared
    assert set(shapes.PERSON_FIELDS) - {shapes.CIRCLE_NAME} <= set(declared)


def test_both_readers_select_the_declared_fields_in_order() -> None:
    assert [c.name for c in PERSON_COLUMNS] == list(shapes.PERSON_FIELDS)
    assert [c.name for c in PROFILE_COLUMNS] == list(shapes.ROSTER_FIELDS)
    assert [c.name for c in RANKING_COLUMNS] == list(shapes.RANKING_FIELDS)
    selected = [part.strip() for part in lean._PERSON_COLUMNS.split(",")]
    named = [s.split(" AS ")[0].split(".")[1] for s in selected]
    assert named == ["name" if f == shapes.CIRCLE_NAME else f for f in shapes.PERSON_FIELDS]
    assert selected[3] == "circles.name"


def test_the_person_decoder_reads_each_declared_field_from_its_position() -> None:
    assert set(SAMPLE) == set(shapes.PERSON_FIELDS)
    p = rows.person(tuple(SAMPLE[f] for f in shapes.PERSON_FIELDS))
    assert (p.id, p.name, p.nickname, p.circle) == (7, "Ada Lovelace", "Ada", "inner")
    assert (p.cadence_days, p.closeness, p.feeling) == (11, 4, Feeling.ENERGISING)
    assert p.timezone == "Europe/London"
    assert p.birthday is not None
    assert (p.birthday.month, p.birthday.day, p.birthday.year) == (12, 10, 1815)
    assert p.interests == ("maths", "poetry")
    assert (p.how_met, p.notes, p.archived, p.status) == (
        "at a salon",
        "engines",
        True,
        PersonStatus.TRIAGE,
    )
    assert p.uid == "uid-7"
    assert p.last_contact_at is not None and p.last_contact_at.day == 20
    assert p.created_at is not None and p.created_at.year == 2026
    assert (p.family_name, p.given_name, p.additional_names) == ("Lovelace", "Augusta", "Ada")
    assert (p.name_prefix, p.name_suffix) == ("Countess", "FRS")
    assert (p.organisation, p.department, p.job_title) == (
        "Analytical Society",
        "Notes",
        "Translator",
    )
    assert p.birthday_text == "winter 1815"


def test_the_roster_decoder_reads_each_declared_field_from_its_position() -> None:
    row = (*(SAMPLE[f] for f in shapes.ROSTER_FIELDS), 1_700_000_000)
    (m,) = rows.members([row], {})
    assert (m.id, m.name, m.nickname, m.circle, m.cadence_days) == (
        7,
        "Ada Lovelace",
        "Ada",
        "inner",
        11,
    )
    assert (m.closeness, m.feeling, m.timezone) == (4, Feeling.ENERGISING, "Europe/London")
    assert (m.birth_month, m.birth_day, m.birth_year) == (12, 10, 1815)
    assert (m.interests, m.how_met, m.last_contact) == (
        ("maths", "poetry"),
        "at a salon",
        1_700_000_000,
    )


def test_the_ranking_roster_is_people_columns_the_roster_reads_too() -> None:
    """No join and no text: the circle as its id; every other field is one the roster has."""
    declared = {c.name: c for c in shapes.PEOPLE}
    assert all(f == "id" or f in declared for f in shapes.RANKING_FIELDS)
    assert declared["circle_id"].type == "fk:circles"
    assert set(shapes.RANKING_FIELDS) - {"circle_id"} <= set(shapes.ROSTER_FIELDS)
    assert not {"name", "nickname", "interests", "how_met"} & set(shapes.RANKING_FIELDS)


def test_the_ranking_rows_are_the_declared_ranking_fields_then_the_last_contact() -> None:
    """The planner reads a ranking row by the domain's names (``RANKING_ROW``): the same as
    the columns storage selects, in the same order."""
    assert (*shapes.RANKING_FIELDS, "last_contact") == RANKING_ROW


def test_the_ranking_decoder_reads_each_declared_field_from_its_position() -> None:
    values = {**SAMPLE, "circle_id": 3}
    row = (*(values[f] for f in shapes.RANKING_FIELDS), 1_700_000_000)
    (m,) = rows.ranked_members([row], {3: "inner"})
    assert (m.id, m.circle, m.cadence_days, m.closeness, m.feeling) == (
        7,
        "inner",
        11,
        4,
        Feeling.ENERGISING,
    )
    assert (m.timezone, m.birth_month, m.birth_day, m.last_contact) == (
        "Europe/London",
        12,
        10,
        1_700_000_000,
    )
    assert (m.name, m.nickname, m.birth_year, m.interests, m.how_met, m.contacts) == (
        "",
        "",
        None,
        (),
        "",
        (),
    )
    (unknown,) = rows.ranked_members([(*row[:-1], None)], {})
    assert (unknown.circle, unknown.last_contact) == (None, None)


def _drop_last_column(sql: str) -> str:
    return sql.rsplit(",", 1)[0]


@pytest.mark.parametrize("attribute", ["_PERSON_COLUMNS", "_PROFILE_COLUMNS"])
def test_a_lean_read_not_as_declared_falls_back_to_the_full_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, attribute: str
) -> None:
    run = make_run(tmp_path / "k.db")
    ok(run("demo"))
    ok(run("today", "--json"))  # the first look of the day stores the plan (full path)
    expected = ok(run("today", "--json")).stdout  # read lean
    # The lean reader's SQL drifts from the declaration: a column fewer than the decoder unpacks.
    monkeypatch.setattr(lean, attribute, _drop_last_column(getattr(lean, attribute)))
    monkeypatch.setattr(lean, "_ROSTER", lean._ROSTER.replace("people.how_met, ", ""))
    with (
        pytest.raises(lean.NeedsFullPath),
        lean.lean_unit_of_work(tmp_path / "k.db", "local") as uow,
    ):
        if attribute == "_PERSON_COLUMNS":
            uow.people.get_many([1])
        else:
            uow.people.birthday_roster([(m, d) for m in range(1, 13) for d in range(1, 32)])
    assert ok(run("today", "--json")).stdout == expected


def test_a_value_the_records_do_not_know_falls_back_to_the_full_path(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "k.db"
    ok(make_run(path)("demo"))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE profiles SET barriers = 'not_a_barrier'")
    conn.commit()
    conn.close()
    with pytest.raises(lean.NeedsFullPath), lean.lean_unit_of_work(path, "local") as uow:
        uow.profile.get()


@pytest.mark.parametrize(
    ("table", "fields", "decoder"),
    [
        ("followups", shapes.FOLLOWUP_FIELDS, rows.followup),
        ("checkins", shapes.CHECKIN_FIELDS, rows.checkin),
        ("suggestions", shapes.SUGGESTION_FIELDS, rows.suggestion),
    ],
)
def test_records_read_by_name_are_declared_with_their_columns_and_converters(
    table: str, fields: tuple[str, ...], decoder: Any
) -> None:
    import ast
    import inspect
    import textwrap

    from sqlalchemy import Date, DateTime

    from kithkin.storage.tables import metadata

    # the decoder reads exactly the declared fields
    tree = ast.parse(textwrap.dedent(inspect.getsource(decoder)))
    read = {
        n.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute) and getattr(n.value, "id", None) == "row"
    }
    assert read == set(fields)
    # the table has them, and the lean reader converts exactly its days and instants
    columns = metadata.tables[table].columns
    expected = {}
    for name in fields:
        kind = columns[name].type
        if isinstance(kind, DateTime):
            expected[name] = "kk_ts"
        elif isinstance(kind, Date):
            expected[name] = "kk_day"
    assert shapes.CONVERTERS[table] == expected
