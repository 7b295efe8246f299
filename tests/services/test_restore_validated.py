"""Restore is one validated transaction (issue #10, points 3 and 5).

Every hostile document is refused with a clear reason and leaves every table of the database
exactly as it was (another account's data is present throughout); ids are remapped into the
restoring account, never kept; over existing data a restore runs only when asked to replace,
after the current data is saved to a file.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kithkin.bootstrap import App
from kithkin.config import load_settings
from kithkin.domain.errors import InputError
from kithkin.services.backup import (
    BadBackup,
    RestoreNeedsEmptyDatabase,
    export_backup,
    import_backup,
)
from kithkin.services.demo import fill_demo
from kithkin.services.interactions import log_interaction
from kithkin.services.profiles import init_profile
from kithkin.storage.backup import save_before_restore
from kithkin.storage.tables import interaction_people, people
from tests.conftest import FIXED_NOW
from tests.services.helpers import canonical, snapshot


def account_app(database_url: str, name: str, data_dir: Path | None = None) -> App:
    settings = load_settings(
        {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml"},
        {
            "database_url": database_url,
            "data_dir": str(data_dir or "/proc/kithkin-absent"),
            "account": name,
        },
    )
    return App(settings, clock=lambda: FIXED_NOW)


@pytest.fixture
def two(app: App) -> Iterator[tuple[App, App, dict[str, Any]]]:
    """``app`` (account 'local') holds demo data; a second, empty account 'bob' on the same
    database; and a valid backup of the first account's data."""
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, days=10, timezone="Europe/Berlin")
    with app.uow() as uow:
        document = export_backup(uow=uow)
    url = app.engine.url.render_as_string(hide_password=False)
    bob = account_app(url, "bob")
    bob.owner_id  # noqa: B018 - creates the account
    yield app, bob, json.loads(json.dumps(document))
    bob.close()


def _restore(target: App, document: Any, **kwargs: Any) -> Any:
    with target.uow(write=True) as uow:
        return import_backup(uow=uow, document=document, **kwargs)


def _edit(change: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def apply(doc: dict[str, Any]) -> dict[str, Any]:
        out = json.loads(json.dumps(doc))
        change(out)
        return out

    return apply


def _set(table: str, column: str, value: Any, row: int = 0) -> Callable[..., dict[str, Any]]:
    return _edit(lambda d: d["tables"][table][row].__setitem__(column, value))


def _nest(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


HOSTILE: dict[str, Callable[[dict[str, Any]], Any]] = {
    # the reproduction: a valid profile and an unknown table set to a number
    "unknown table": _edit(lambda d: d["tables"].__setitem__("nonsense", 5)),
    "table not a list": _edit(lambda d: d["tables"].__setitem__("people", 5)),
    "tables not an object": _edit(lambda d: d.__setitem__("tables", [1, 2])),
    "not a document": lambda d: [d],
    "wrong format": _edit(lambda d: d.__setitem__("format", "other")),
    "version as text": _edit(lambda d: d.__setitem__("version", "1")),
    "version true": _edit(lambda d: d.__setitem__("version", True)),
    "version 2": _edit(lambda d: d.__setitem__("version", 2)),
    "unknown top-level field": _edit(lambda d: d.__setitem__("extra", 1)),
    "unknown column": _set("people", "nmae", "x"),
    "missing column": _edit(lambda d: d["tables"]["people"][0].pop("name")),
    "timezone Mars/Olympus": _set("profiles", "timezone", "Mars/Olympus"),
    "daily goal -5": _set("profiles", "daily_goal", -5),
    "daily goal true": _set("profiles", "daily_goal", True),
    "barrier unknown": _set("profiles", "barriers", "dragons"),
    "no profile": _edit(lambda d: d["tables"].__setitem__("profiles", [])),
    "two profiles": _edit(lambda d: d["tables"]["profiles"].append(d["tables"]["profiles"][0])),
    "profile with no circles": _edit(
        lambda d: (
            d["tables"].__setitem__("circles", []),
            [p.__setitem__("circle_id", None) for p in d["tables"]["people"]],
        )
    ),
    "name with NUL": _set("people", "name", "Ada\x00Lovelace"),
    "name of 10,000 characters": _set("people", "name", "A" * 10_000),
    "empty name": _set("people", "name", "   "),
    "lone surrogate": _set("people", "notes", "\ud800"),
    "person time zone": _set("people", "timezone", "Nowhere/Land"),
    "feeling unknown": _set("people", "feeling", "angry"),
    "birthday 31 Feb": _edit(
        lambda d: d["tables"]["people"][0].update(birth_month=2, birth_day=31, birth_year=None)
    ),
    "interests not JSON": _set("people", "interests", "[[[["),
    "interests nested": _set("people", "interests", json.dumps(_nest(50))),
    "nested value": _set("people", "notes", _nest(5000)),
    "huge id": _set("people", "id", 2**70),
    "id as text": _set("people", "id", "1"),
    "duplicate id": _edit(
        lambda d: d["tables"]["people"][1].__setitem__("id", d["tables"]["people"][0]["id"])
    ),
    "dangling person": _set("interaction_people", "person_id", 999_999),
    "mood 99": _set("checkins", "mood", 99),
    "mood as text": _set("checkins", "mood", "abc"),
    "sleep NaN": _set("checkins", "sleep_hours", float("nan")),
    "day 30 Feb": _set("checkins", "day", "2026-02-30"),
    "day in year 9999": _set("checkins", "day", "9999-12-31"),
    "instant without offset": _set("interactions", "occurred_at", "2026-11-01T10:00:00"),
    "kind unknown": _set("interactions", "kind", "telepathy"),
    "minutes negative": _set("interactions", "minutes", -1),
    "two check-ins one day": _edit(
        lambda d: d["tables"]["checkins"].append({**d["tables"]["checkins"][0], "id": 10**6})
    ),
    "row not an object": _edit(lambda d: d["tables"]["people"].__setitem__(0, "not a row")),
}


@pytest.mark.parametrize("how", list(HOSTILE))
def test_a_hostile_backup_changes_nothing_at_all(two, how: str) -> None:
    app, bob, document = two
    hostile = HOSTILE[how](document)
    before = snapshot(app)
    with pytest.raises(InputError) as raised:
        _restore(bob, hostile)
    assert isinstance(raised.value, BadBackup)
    assert "\n" not in raised.value.message and len(raised.value.message) < 400
    assert snapshot(app) == before  # every row of every table, both accounts


@pytest.mark.parametrize("how", ["name with NUL", "timezone Mars/Olympus", "unknown table"])
def test_a_hostile_backup_over_existing_data_changes_nothing(two, how: str, tmp_path) -> None:
    app, _bob, document = two
    before = snapshot(app)
    saved: list[dict[str, Any]] = []

    def save(current: dict[str, Any]) -> str:
        saved.append(current)
        return "nowhere"

    with pytest.raises(BadBackup):
        _restore(app, HOSTILE[how](document), replace=True, save_current=save)
    assert snapshot(app) == before
    assert saved == []  # checked whole before anything, even the safety copy


def test_ids_are_remapped_never_kept(two) -> None:
    app, bob, document = two
    result = _restore(bob, document)
    assert result.rows > 0 and result.saved_to is None
    with bob.uow() as uow:
        restored = export_backup(uow=uow)
    assert canonical(restored) == canonical(document)
    old_ids = {p["id"] for p in document["tables"]["people"]}
    new_ids = {p["id"] for p in restored["tables"]["people"]}
    assert not old_ids & new_ids  # the first account's people keep theirs; bob's are new
    with app.engine.connect() as conn:
        owners = dict(conn.execute(select(people.c.id, people.c.owner_id)).all())
        links = conn.execute(select(interaction_people.c.person_id, interaction_people.c.owner_id))
        for person_id, owner in links:
            assert owners[person_id] == owner  # no link crosses accounts


def test_a_backup_cannot_reach_another_accounts_person(two) -> None:
    """The issue's attack: a link to another account's person, then a log that would move that
    person's last contact. The link is refused; the other account is untouched."""
    app, bob, document = two
    with app.uow() as uow:
        victim = uow.people.find()[0]
    assert victim.id is not None
    before = snapshot(app)
    attack = json.loads(json.dumps(document))
    attack["tables"]["interaction_people"][0]["person_id"] = victim.id
    attack["tables"]["people"] = [p for p in attack["tables"]["people"] if p["id"] != victim.id]
    attack["tables"]["interaction_people"] = [
        link
        for link in attack["tables"]["interaction_people"]
        if link["person_id"] != victim.id or link is attack["tables"]["interaction_people"][0]
    ]
    for table in ("contact_points", "followups", "recurring_calls", "suggestions"):
        attack["tables"][table] = [
            r for r in attack["tables"][table] if r.get("person_id") != victim.id
        ]
    with pytest.raises(BadBackup):
        _restore(bob, attack)
    assert snapshot(app) == before


def test_restoring_over_data_needs_replace(two) -> None:
    app, _bob, document = two
    before = snapshot(app)
    with pytest.raises(RestoreNeedsEmptyDatabase):
        _restore(app, document)
    assert snapshot(app) == before


def test_replace_saves_the_current_data_first(two, tmp_path: Path) -> None:
    app, _bob, document = two
    with app.uow(write=True) as uow:
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_other="Mum")
    with app.uow() as uow:
        current = export_backup(uow=uow)

    def save(data: dict[str, Any]) -> str:
        return save_before_restore(tmp_path, FIXED_NOW, data)

    result = _restore(app, document, replace=True, save_current=save)
    assert result.saved_to is not None
    saved = Path(result.saved_to)
    assert json.loads(saved.read_text()) == current
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    with app.uow() as uow:
        after = export_backup(uow=uow)
    assert canonical(after) == canonical(document)


def test_restore_into_an_empty_account_needs_no_replace(database_url: str) -> None:
    source = account_app(database_url, "carol")
    with source.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        document = export_backup(uow=uow)
    target = account_app(database_url, "dave")
    result = _restore(target, document)
    assert result.counts["profiles"] == 1
    source.close()
    target.close()
