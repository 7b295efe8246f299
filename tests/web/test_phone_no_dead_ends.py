"""No dead ends (#14): a questionnaire is suggested on Today only when it can be taken, and the
questions of one the user must supply (PSS, LSNS) can be pasted once, into the file the CLI
reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.config import load_settings
from kithkin.services.profiles import init_profile
from kithkin.web.app import create_app
from tests.conftest import FIXED_NOW
from tests.web.conftest import WebClient
from tests.web.html import parse


@pytest.fixture
def own_dir_web(database_url: str, tmp_path: Path) -> Iterator[tuple[WebClient, Path]]:
    """A web client whose data directory is a fresh temporary folder (no item files yet)."""
    settings = load_settings(
        {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml"},
        {"database_url": database_url, "data_dir": str(tmp_path), "allowed_hosts": "testserver"},
    )
    app = App(settings, clock=lambda: FIXED_NOW)
    try:
        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            yield WebClient(client), tmp_path
    finally:
        app.close()


def _due_on_today(web: WebClient) -> list[str]:
    return [a.get("href") or "" for a in web.page("/").select("#wellbeing .due-questionnaires a")]


def test_today_suggests_only_questionnaires_that_can_be_taken(
    own_dir_web: tuple[WebClient, Path],
) -> None:
    web, _ = own_dir_web
    # PSS-10 and WHO-5 are both on the default schedule; PSS-10's questions are not here yet
    assert _due_on_today(web) == ["/assess/who5"]


def test_pasting_the_questions_once_makes_it_takeable_here_and_for_the_cli(
    own_dir_web: tuple[WebClient, Path],
) -> None:
    web, data_dir = own_dir_web
    settings = web.page("/settings")
    form = settings.one("details.own-items[data-instrument=pss10] form")
    assert form.get("action") == "/assess/pss10/items"
    questions = [f"My own question {i}?" for i in range(1, 11)]
    response = web.post("/assess/pss10/items", {"items": "\n".join(questions) + "\n\n"})
    assert response.status_code == 303
    assert response.headers["location"] == "/assess/pss10?items=saved"
    path = data_dir / "items" / "pss10.txt"  # where `kithkin assess take pss10` looks
    assert [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")] == (
        questions
    )
    assert path.stat().st_mode & 0o077 == 0
    page = web.page("/assess/pss10?items=saved")
    assert page.one("#items-saved").text
    assert page.select("fieldset.item")[0].one("legend").text == ("1. My own question 1?")
    assert web.page("/settings").select("p.own-ready[data-instrument=pss10]")


def test_the_wrong_number_of_questions_is_shown_beside_the_box_and_kept(
    own_dir_web: tuple[WebClient, Path],
) -> None:
    web, data_dir = own_dir_web
    response = web.post("/assess/lsns6/items", {"items": "Only one question?"})
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one("#e-items-lsns6").text
    assert page.one("#f-items-lsns6").text == "Only one question?"
    assert page.one("#error-summary a").get("href") == "#f-items-lsns6"
    assert not (data_dir / "items" / "lsns6.txt").exists()


def test_today_notices_questions_pasted_in_settings_at_once(
    own_dir_web: tuple[WebClient, Path],
) -> None:
    """Today is cached per data version; the pasted questions live in a file, so saving them
    moves the version: the very next Today suggests PSS-10, in this process and any other."""
    web, _ = own_dir_web
    assert _due_on_today(web) == ["/assess/who5"]  # Today is now cached
    assert _due_on_today(web) == ["/assess/who5"]
    assert _due_in_api(web) == {"who5"}  # the JSON twin follows the same rule
    questions = "\n".join(f"My own question {i}?" for i in range(1, 11))
    assert web.post("/assess/pss10/items", {"items": questions}).status_code == 303
    assert sorted(_due_on_today(web)) == ["/assess/pss10", "/assess/who5"]
    assert _due_in_api(web) == {"who5", "pss10"}


def _due_in_api(web: WebClient) -> set[str]:
    found = web.client.get("/api/today").json()["questionnaires_due"]
    return {d["instrument_id"] for d in found}
