"""Revision 0002 creates the planner's tables, and downgrading removes them again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect

from kithkin.storage.revision import HEAD
from kithkin.storage.schema import current_revision, upgrade

PLANNER_TABLES = {"custom_actions", "suggestions", "ladders", "ladder_steps", "exposure_attempts"}


def test_upgrade_head_creates_the_planner_tables(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    upgrade(engine, "0001")
    assert not PLANNER_TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert current_revision(engine) == HEAD
    assert set(inspect(engine).get_table_names()) >= PLANNER_TABLES
    engine.dispose()
