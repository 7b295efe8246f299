from __future__ import annotations

from importlib.resources import files

import pytest

from kithkin.domain.catalogue import Action, parse_actions


def builtin_text() -> str:
    return files("kithkin").joinpath("catalogue/actions.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def actions() -> tuple[Action, ...]:
    return parse_actions(builtin_text())
