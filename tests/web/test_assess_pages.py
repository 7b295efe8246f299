"""Questionnaires in the browser: radio groups with labels, the score and band after, history,
schedule; PSS/LSNS only with the user's own item file."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.config import load_settings
from kithkin.domain.questionnaires import INSTRUMENTS
from kithkin.services.profiles import init_profile
from kithkin.web.app import create_app
from tests.conftest import FIXED_NOW
from tests.web.conftest import WebClient
from tests.web.html import parse


def _answers(values: list[int]) -> dict[str, str]:
    return {f"q{i}": str(v) for i, v in enumerate(values, start=1)}


def test_who5_form_has_fieldsets_legends_labelled_radios_and_attribution(web: WebClient):
    page = web.page("/assess/who5")
    inst = INSTRUMENTS["who5"]
    items = page.select("form.questionnaire fieldset.item")
    assert [f.one("legend").text for f in items] == [
        f"{i}. {text}" for i, text in enumerate(inst.items, start=1)
    ]
    radios = items[0].select("input[type=radio]")
    assert len(radios) == 6
    labels = [items[0].one(f"label[for={r.get('id')}]").text for r in radios]
    assert labels == [label.capitalize() for label in inst.answer_labels]
    assert "Topp" in page.one("#attribution").text


@pytest.mark.parametrize(
    ("answers", "percent", "band", "talk"),
    [
        ([3, 3, 2, 2, 3], 52, "who5.fine", False),
        ([2, 3, 2, 2, 3], 48, "who5.poor", False),
        ([1, 2, 1, 2, 1], 28, "who5.low", True),
    ],
)
def test_who5_score_and_band_are_shown_after(web, answers, percent, band, talk):
    response = web.post("/assess/who5", _answers(answers))
    assert response.status_code == 303  # Post/Redirect/Get: a reload does not store it twice
    result_path = response.headers["location"]
    assert result_path.startswith("/assess/who5/result/")
    page = web.page(result_path)
    assert web.page(result_path).one("#score").get("data-percent") == str(percent)  # reload
    assert page.one("#score").get("data-percent") == str(percent)
    assert page.one("#band").get("data-band") == band
    assert bool(page.select("p.flag[data-flag=who5.talk]")) is talk
    assert "diagnosis" in page.one("#band").text or band == "who5.fine"
    history = web.client.get("/api/assessments").json()["history"]
    assert [h["percent"] for h in history] == [percent]


def test_missing_answer_is_shown_beside_its_question_and_nothing_is_stored(web: WebClient):
    data = _answers([3, 3, 2, 2, 3])
    del data["q4"]
    response = web.post("/assess/who5", data)
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one("fieldset#item-4").get("aria-describedby") == "e-q4"
    assert page.one("#e-q4").text
    assert page.one("#f-q1-3").get("checked") is not None  # answers kept
    response = web.post("/assess/who5", {**data, "q4": "9"})
    assert response.status_code == 422
    assert parse(response.text).one("#e-q4").text
    assert web.client.get("/api/assessments").json()["history"] == []


def test_ucla3_scores_and_history_and_due_show_on_assess(web: WebClient):
    page = web.page("/assess")
    due = [a.get("href") for a in page.select("#due-questionnaires a")]
    assert due == ["/assess/pss10", "/assess/who5"]  # the default schedule, never done
    web.post("/assess/ucla3-3pt", _answers([2, 2, 3]))
    page = web.page("/assess")
    rows = page.select("table.history tbody tr")
    assert len(rows) == 1
    assert "UCLA" in rows[0].text
    assert page.one("#instrument-pss10").get("data-available") == "no"
    assert page.one("#instrument-who5").get("data-available") == "yes"


def test_pss10_without_an_item_file_explains_where_to_put_it(web: WebClient):
    page = web.page("/assess/pss10")
    assert page.one("#item-file-missing").text
    assert page.one("#item-path").text.endswith("items/pss10.txt")
    assert page.select("form.questionnaire") == []


def test_pss4_with_the_users_item_file_is_offered(database_url: str, tmp_path: Path):
    (tmp_path / "items").mkdir()
    questions = [f"My own question {i}?" for i in range(1, 5)]
    (tmp_path / "items" / "pss4.txt").write_text("# my copy\n" + "\n".join(questions))
    settings = load_settings(
        {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml"},
        {"database_url": database_url, "data_dir": str(tmp_path), "allowed_hosts": "testserver"},
    )
    app = App(settings, clock=lambda: FIXED_NOW)
    try:
        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            web = WebClient(client)
            page = web.page("/assess/pss4")
            legends = [f.one("legend").text for f in page.select("fieldset.item")]
            assert legends == [f"{i}. {q}" for i, q in enumerate(questions, start=1)]
            assert web.page("/assess").one("#instrument-pss4").get("data-available") == "yes"
            posted = web.post("/assess/pss4", _answers([1, 2, 3, 0]))
            result = web.page(posted.headers["location"])
            assert result.one("#score").get("data-raw") == "4"  # 1 + (4-2) + (4-3) + 0
            assert result.one("p.flag[data-flag=pss.no_cutoffs]").text
    finally:
        app.close()


def test_schedule_settings_save_and_refuse_bad_values(web: WebClient):
    response = web.post("/assess/schedule", {"instrument": "ucla3-3pt", "every_days": "30"})
    assert response.status_code == 303
    page = web.page("/assess?saved=1")
    assert page.one("#f-every-ucla3-3pt").get("value") == "30"
    response = web.post("/assess/schedule", {"instrument": "who5", "every_days": "-3"})
    assert response.status_code == 422
    assert parse(response.text).one("#e-every-who5").text
    schedule = web.client.get("/api/assessments").json()["schedule"]
    assert schedule["who5"] == 14 and schedule["ucla3-3pt"] == 30


def test_unknown_questionnaire_is_404_and_forms_need_csrf(web: WebClient):
    assert web.client.get("/assess/nope").status_code == 404
    response = web.client.post("/assess/who5", data=_answers([3, 3, 2, 2, 3]))
    assert response.status_code == 403
    assert web.client.get("/assess").status_code == 200
    assert web.client.get("/api/assessments").json()["history"] == []


def test_a_result_page_is_only_for_a_response_of_this_owner_and_instrument(web: WebClient):
    posted = web.post("/assess/who5", _answers([3, 3, 2, 2, 3]))
    path = posted.headers["location"]
    response_id = int(path.rsplit("/", 1)[1])
    assert web.client.get(path).status_code == 200
    assert web.client.get(f"/assess/who5/result/{response_id + 1}").status_code == 404
    assert web.client.get(f"/assess/ucla3-3pt/result/{response_id}").status_code == 404
    assert web.client.get(f"/assess/nope/result/{response_id}").status_code == 404
    assert web.client.get("/assess/who5/result/abc").status_code == 422
