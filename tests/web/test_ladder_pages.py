"""The exposure ladder page: build, before/after, step up only when offered, step back, chart."""

from __future__ import annotations

from tests.web.conftest import WebClient
from tests.web.html import parse


def _steps(n: int = 8) -> dict[str, str]:
    data = {"goal": "Talk to colleagues"}
    for i in range(1, n + 1):
        data |= {f"d{i}": f"step {i}", f"f{i}": "they will stare", f"a{i}": str(90 - 10 * i)}
    return data


def _ladder(web: WebClient) -> dict:
    return web.client.get("/api/ladder").json()


def _attempt(web: WebClient, *, peak: str = "20", belief_after: str = "10") -> None:
    before = {"step": "1", "prediction": "they stare", "belief": "70", "predicted_peak": "60"}
    assert web.post("/ladder/attempts", before).status_code == 303
    attempt_id = _ladder(web)["attempts"][-1]["id"]
    after = {
        "peak": peak,
        "happened": "a nice chat",
        "came_true": "no",
        "belief_after": belief_after,
        "learned": "people are kind",
    }
    response = web.post(f"/ladder/attempts/{attempt_id}/after", after)
    assert response.status_code == 303, response.text[:500]


def test_no_ladder_yet_shows_the_form_and_creating_sorts_the_steps(web: WebClient):
    page = web.page("/ladder")
    form = page.one("form[action=/ladder]")
    assert len(form.select("fieldset.step-row")) == 15
    for control in form.select("input"):
        if control.get("type") != "hidden":
            assert form.select(f"label[for={control.get('id')}]"), control.attrs
    response = web.post("/ladder", _steps())
    assert (response.status_code, response.headers["location"]) == (303, "/ladder?saved=created")
    page = web.page("/ladder?saved=created")
    assert page.one("p.flash").text
    assert page.one("#goal").text == "Talk to colleagues"
    items = page.select("ol.steps li")
    assert [li.one("strong").text for li in items][:2] == ["step 8", "step 7"]  # easiest first
    assert items[0].get("aria-current") == "step"
    assert page.one("#keep-going").text
    assert page.select("#step-up") == [] and page.select("#step-back") == []
    assert page.one("#trend svg").get("role") == "img"


def test_too_few_steps_or_bad_rows_are_shown_beside_the_fields_and_nothing_is_saved(
    web: WebClient,
):
    cases = [
        (_steps(5), "e-steps"),
        ({**_steps(), "a3": "150"}, "e-a3"),
        ({**_steps(), "a2": ""}, "e-a2"),
        ({**_steps(), "a4": "lots"}, "e-a4"),
        ({**_steps(), "d5": ""}, "e-d5"),
        ({**_steps(), "goal": " "}, "e-goal"),
    ]
    for data, error_id in cases:
        response = web.post("/ladder", data)
        assert response.status_code == 422, error_id
        page = parse(response.text)
        assert page.one(f"#{error_id}").text, error_id
        assert page.one("#f-goal").get("value") == data["goal"]
    assert web.client.get("/api/ladder").status_code == 404


def test_attempt_before_and_after_fill_the_chart_and_offer_the_next_step(web: WebClient):
    web.post("/ladder", _steps())
    _attempt(web)
    page = web.page("/ladder")
    assert page.select("#attempts") == []  # completed: no open attempt left
    assert len(page.select("table.trend tbody tr")) == 1
    assert len(page.select("#trend svg circle")) == 2  # predicted and actual
    assert page.select("#step-up") == []
    _attempt(web)
    page = web.page("/ladder")
    assert page.one("#offer").text
    response = web.post("/ladder/up", {})
    assert response.headers["location"] == "/ladder?saved=up"
    page = web.page("/ladder?saved=up")
    assert page.select("ol.steps li")[1].get("aria-current") == "step"
    assert web.client.get("/api/today").json()["count"] == 2  # each attempt logs a moment
    web.post("/ladder/back", {})
    assert _ladder(web)["level"] == 1


def test_step_up_when_not_offered_is_a_gentle_message_not_a_move(web: WebClient):
    web.post("/ladder", _steps())
    response = web.post("/ladder/up", {})
    assert response.status_code == 409
    page = parse(response.text)
    assert page.one("#ladder-message").text
    assert page.select(".error-message") == []
    assert _ladder(web)["level"] == 1


def test_an_open_attempt_has_an_after_form_and_bad_values_stay_beside_their_field(web: WebClient):
    web.post("/ladder", _steps())
    before = {"step": "1", "prediction": "they stare", "belief": "70", "predicted_peak": "60"}
    web.post("/ladder/attempts", before)
    attempt_id = _ladder(web)["attempts"][0]["id"]
    page = web.page("/ladder")
    form = page.one(f"form#attempt-{attempt_id}")
    assert len(form.select("input[name=came_true]")) == 3
    bad = {"peak": "101", "came_true": "no", "belief_after": "5"}
    response = web.post(f"/ladder/attempts/{attempt_id}/after", bad)
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one(f"#e-peak-{attempt_id}").text
    assert page.one(f"#f-peak-{attempt_id}").get("value") == "101"
    response = web.post(
        f"/ladder/attempts/{attempt_id}/after", {**bad, "peak": "30", "came_true": "maybe"}
    )
    assert parse(response.text).one(f"#e-came_true-{attempt_id}").text
    assert _ladder(web)["trend"] == []
    assert web.client.get("/api/today").json()["count"] == 0


def test_bad_before_values_are_422_beside_their_field(web: WebClient):
    web.post("/ladder", _steps())
    for field, value, error_id in [
        ("belief", "120", "e-belief"),
        ("predicted_peak", "", "e-predicted_peak"),
        ("prediction", " ", "e-prediction"),
        ("step", "40", "e-step"),
    ]:
        data = {"step": "1", "prediction": "stares", "belief": "50", "predicted_peak": "40"}
        response = web.post("/ladder/attempts", {**data, field: value})
        assert response.status_code == 422, field
        assert parse(response.text).one(f"#{error_id}").text
    assert _ladder(web)["attempts"] == []


def test_ladder_forms_need_the_csrf_token(web: WebClient):
    for path in ("/ladder", "/ladder/up", "/ladder/back", "/ladder/attempts"):
        assert web.client.post(path, data=_steps()).status_code == 403
    assert web.client.get("/api/ladder").status_code == 404


def test_the_builder_starts_from_a_worked_example_that_can_be_sent_as_it_is(web: WebClient):
    page = web.page("/ladder")
    form = page.one("form[action=/ladder]")
    assert form.one("#ladder-example").text
    assert form.one("#f-goal").get("value")
    filled = [
        i
        for i in range(1, 16)
        if form.one(f"#f-d{i}").get("value") and form.one(f"#f-a{i}").get("value")
    ]
    assert filled == list(range(1, 9))  # the eight example steps, each with a fear and a rating
    assert all(form.one(f"#f-f{i}").get("value") for i in filled)
    sent = {
        c.get("name"): c.get("value") or ""
        for c in form.select("input")
        if c.get("name") and c.get("name") != "csrf_token"
    }
    response = web.post("/ladder", sent)
    assert response.status_code == 303
    assert len(web.client.get("/api/ladder").json()["steps"]) == 8


def test_after_an_error_the_users_own_rows_come_back_not_the_example(web: WebClient):
    bad = web.post("/ladder", {"goal": "Mine", "d1": "Only one", "a1": "20"})
    assert bad.status_code == 422
    form = parse(bad.text).one("form[action=/ladder]")
    assert form.one("#f-goal").get("value") == "Mine"
    assert not form.one("#f-d2").get("value")
    assert form.select("#ladder-example") == []
