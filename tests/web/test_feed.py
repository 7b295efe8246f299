"""The calendar feed: a token made in Settings serves its owner's calendar; revoked -> 404."""

from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.domain.model import Birthday
from kithkin.services.calendars import new_feed_token
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from kithkin.web.app import create_app
from tests.conftest import FIXED_NOW
from tests.web.conftest import WebClient
from tests.web.html import parse


def _feed_path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_token_made_in_settings_serves_the_feed_until_revoked(app: App, web: WebClient):
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace", birthday=Birthday(12, 10))
    response = web.post("/settings/feed-token", {})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    url = parse(response.text).one("#feed-url").get("value")
    assert url.startswith("http://testserver/feed/") and url.endswith(".ics")
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert token not in web.client.get("/settings/data").text  # shown once

    feed = web.client.get(_feed_path(url))
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in feed.text and "Ada Lovelace" in feed.text

    revoked = web.post("/settings/feed-token/revoke", {})
    assert (revoked.status_code, revoked.headers["location"]) == (
        303,
        "/settings/data?saved=revoked",
    )
    assert web.client.get(_feed_path(url)).status_code == 404
    again = web.post("/settings/feed-token/revoke", {})
    assert again.status_code == 404
    assert parse(again.text).one("#feed .error").text


def test_rotate_revokes_older_links(web: WebClient):
    first = parse(web.post("/settings/feed-token", {}).text).one("#feed-url").get("value")
    second = parse(web.post("/settings/feed-token", {"rotate": "on"}).text)
    newer = second.one("#feed-url").get("value")
    assert web.client.get(_feed_path(first)).status_code == 404
    assert web.client.get(_feed_path(newer)).status_code == 200


def test_unknown_tokens_are_404(web: WebClient):
    for path in ("/feed/nope.ics", "/feed/" + "a" * 300 + ".ics", "/feed/.ics"):
        assert web.client.get(path).status_code == 404


def test_feed_serves_the_token_owner_not_this_account(app: App, web: WebClient):
    other = App(replace(app.settings, account="someone-else"), clock=lambda: FIXED_NOW)
    try:
        with other.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
            add_person(uow=uow, now=FIXED_NOW, name="Grace Hopper", birthday=Birthday(12, 9))
        with other.uow(write=True) as uow:
            token = new_feed_token(uow=uow, now=FIXED_NOW)
        with app.uow(write=True) as uow:
            add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace", birthday=Birthday(12, 10))
        feed = web.client.get(f"/feed/{token}.ics")
        assert feed.status_code == 200
        assert "Grace Hopper" in feed.text and "Ada Lovelace" not in feed.text
    finally:
        other.close()


def test_feed_token_forms_need_csrf_and_api_token(web: WebClient):
    forged = web.client.post("/settings/feed-token", data={}, follow_redirects=False)
    assert forged.status_code == 403
    made = web.client.post("/api/feed-token", json={"rotate": True})
    assert made.status_code == 201 and made.headers["cache-control"] == "no-store"
    body = made.json()
    assert body["webcal"].startswith("webcal://") and body["url"].endswith(f"{body['token']}.ics")
    assert web.client.get(_feed_path(body["url"])).status_code == 200
    json_type = {"content-type": "application/json"}
    assert web.client.delete("/api/feed-token", headers=json_type).json() == {"revoked": 1}
    assert web.client.delete("/api/feed-token", headers=json_type).status_code == 404


def test_feed_route_without_the_app_cookie(app: App):
    with app.uow(write=True) as uow:
        token = new_feed_token(uow=uow, now=FIXED_NOW)
    with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
        response = client.get(f"/feed/{token}.ics", headers={"accept": "text/calendar"})
        assert response.status_code == 200
        assert "private" in response.headers["cache-control"]
