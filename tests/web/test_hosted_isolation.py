"""Isolation in hosted mode (#16), generated from the route table: account B, logged in, calls
every route and method of the app (``app.routes``, not a hand list) with account A's real ids;
every route with an owned id answers 404 (exactly as for an id that does not exist: never 403,
never A's names), the others show only B's; afterwards A's rows in every table are unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select

from kithkin.bootstrap import App
from kithkin.domain.accounts import Caller
from kithkin.domain.passkeys import Site
from kithkin.services.accounts import create_token, digest
from kithkin.services.calendars import new_feed_token
from kithkin.services.coaching import share_with_coach
from kithkin.services.demo import fill_demo
from kithkin.services.followups import add_followup
from kithkin.services.ladders import create_ladder, record_before
from kithkin.services.passkeys import register, registration_options
from kithkin.services.people import add_person
from kithkin.services.questionnaires import take
from kithkin.storage import tables
from tests.conftest import FIXED_NOW
from tests.passkey_device import Device
from tests.web.hosted import (  # noqa: F401 - fast_hashes is an autouse fixture
    Browser,
    fast_hashes,
    hosted_app,
    logged_in,
    new_account,
    onboard,
)

SECRET_NAMES = ("Aabigail Quokka", "Bartholomew Xylophone", "quokka-secret", "alpha-zq")
MISSING = "987654321"
PASSKEY_SITE = Site(rp_id="localhost", origin="http://localhost")
# Params that are not ids of anyone's rows: a catalogue's instrument, a circle's name (every
# account has its own "inner"), the rank of a card in today's plan, an import's format.
SHARED = {"instrument_id": "who5", "name": "inner", "number": "1", "kind": "vcard"}
# Bodies for the routes that check their body before the id (so that the id is what answers);
# "{...}" is filled from A's ids. Ids inside bodies are tried too (a moment logged "with" A's
# person, a merge of A's person into B's).
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/people/{person_id}/followups"): {"text": "hello"},
    ("PATCH", "/api/followups/{followup_id}"): {"due": None},
    ("POST", "/api/ladder/attempts/{attempt_id}/after"): {
        "peak": 40,
        "came_true": "no",
        "belief_after": 20,
    },
    ("POST", "/ladder/attempts/{attempt_id}/after"): {
        "peak": "40",
        "came_true": "no",
        "belief_after": "20",
    },
    ("POST", "/triage/{person_id}"): {"action": "keep", "circle": "inner"},
    ("POST", "/api/triage/{person_id}"): {"action": "keep", "circle": "inner"},
    ("POST", "/people/{person_id}/merge"): {"other": "{other_id}"},
}
BODY_IDS: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/interactions"): {"kind": "call", "people": ["{person_id}"]},
    ("POST", "/log"): {"kind": "call", "with": "#{person_id}", "when": "today"},
    ("POST", "/people/{person_id}/merge"): {"other": "{other_id}"},
}
# Routes that end B's session go last (B's own data, B's own session).
LAST = ("/logout", "/logout/everywhere", "/settings/account/delete")


def _routes(routes: list[Any], prefix: str = "") -> list[tuple[str, APIRoute]]:
    """Every APIRoute, also inside included routers (kept lazily by newer FastAPI)."""
    out: list[tuple[str, APIRoute]] = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            out.extend(_routes(inner.routes, prefix + getattr(context, "prefix", "")))
        elif isinstance(route, APIRoute):
            out.append((prefix + route.path, route))
    return out


def _seed_a(app: App, owner: int) -> dict[str, int | str]:
    """A's life: the demo's people, moments and check-ins, and one row of every other kind."""
    ids: dict[str, int | str] = {}
    with app.uow_for(owner, write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, days=14, timezone="Europe/Berlin")
    with app.uow_for(owner, write=True) as uow:
        ids["person"] = (
            add_person(uow=uow, now=FIXED_NOW, name=SECRET_NAMES[0], circle="inner").id or 0
        )
    with app.uow_for(owner, write=True) as uow:
        ids["other"] = add_person(uow=uow, now=FIXED_NOW, name=SECRET_NAMES[1]).id or 0
    with app.uow_for(owner, write=True) as uow:
        add_followup(
            uow=uow, now=FIXED_NOW, person=SECRET_NAMES[0], text="ask about the quokka-secret"
        )
    with app.uow_for(owner, write=True) as uow:
        create_ladder(
            uow=uow,
            now=FIXED_NOW,
            goal="speak up",
            steps=[f"step {i}|they frown|{10 + 8 * i}" for i in range(8)],
        )
    with app.uow_for(owner, write=True) as uow:
        record_before(uow=uow, now=FIXED_NOW, step=1, prediction="x", belief=50, predicted_peak=50)
    with app.uow_for(owner, write=True) as uow:
        take(uow=uow, now=FIXED_NOW, instrument_id="who5", answers=[3, 3, 3, 3, 3])
    with app.uow_for(owner, write=True) as uow:
        ids["feed"] = new_feed_token(uow=uow, now=FIXED_NOW)
    ids["token_id"], ids["token"] = create_token(
        store=app.accounts, owner_id=owner, label="a's", scope=_read_write(), now=FIXED_NOW
    )
    _seed_passkey(app, owner)
    return ids


def _seed_passkey(app: App, owner: int) -> None:
    """A passkey made through the real ceremony, and a challenge still pending (both owned)."""
    with app.passkeys.open(write=True) as repo:
        account = repo.by_id(owner)
        assert account is not None
        session_id = repo.add_session(owner, digest(f"seed-{owner}"), FIXED_NOW, "seed")
    caller = Caller(owner, account.name, session_id=session_id)
    kwargs: dict[str, Any] = {"store": app.passkeys, "caller": caller, "site": PASSKEY_SITE}
    options = json.loads(registration_options(now=FIXED_NOW, **kwargs))
    answer = json.dumps(Device(PASSKEY_SITE.origin).create(options))
    register(credential=answer, name="a's phone", now=FIXED_NOW, **kwargs)
    registration_options(now=FIXED_NOW, **kwargs)


def _read_write() -> Any:
    from kithkin.domain.accounts import Scope

    return Scope.READ_WRITE


def _first(app: App, table: Any, owner: int) -> int:
    with app.engine.connect() as conn:
        found = conn.execute(
            select(table.c.id).where(table.c.owner_id == owner).order_by(table.c.id)
        ).scalar()
    assert found is not None, table.name
    return int(found)


def _owned_ids(app: App, owner: int, seeded: dict[str, int | str]) -> dict[str, str]:
    t = tables
    return {
        "person_id": str(seeded["person"]),
        "other_id": str(seeded["other"]),
        "followup_id": str(_first(app, t.followups, owner)),
        "interaction_id": str(_first(app, t.interactions, owner)),
        "attempt_id": str(_first(app, t.exposure_attempts, owner)),
        "response_id": str(_first(app, t.questionnaire_responses, owner)),
        "session_id": str(_first(app, t.sessions, owner)),
        "token_id": str(seeded["token_id"]),
        "checkins": str(_first(app, t.checkins, owner)),
        "followups": str(_first(app, t.followups, owner)),
        "results": str(_first(app, t.questionnaire_responses, owner)),
        "attempts": str(_first(app, t.exposure_attempts, owner)),
        "people": str(seeded["person"]),
        "interactions": str(_first(app, t.interactions, owner)),
        "client_id": str(owner),  # a coach's view of a client: B is not A's coach
        "share_id": str(_first(app, t.coach_shares, owner)),
        "passkey_id": str(_first(app, t.passkeys, owner)),
    }


def _record_kind(path: str) -> str:
    """``/api/checkins/{record_id}`` -> ``checkins``: whose table a record id is of."""
    return path.split("/")[2]


def snapshot(app: App, owner: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the owner has, table by table (the account's own row included)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with app.engine.connect() as conn:
        for table in tables.metadata.sorted_tables:
            if "owner_id" in table.c:
                where = table.c.owner_id == owner
            elif table is tables.accounts:
                where = table.c.id == owner
            else:
                continue
            order = list(table.primary_key.columns)
            out[table.name] = [
                tuple(r) for r in conn.execute(select(table).where(where).order_by(*order))
            ]
    return out


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    application = hosted_app(database_url, signup="closed")
    yield application
    application.close()


def _fill(body: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    def one(value: Any) -> Any:
        if isinstance(value, str):
            return re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], value)
        if isinstance(value, list):
            return [one(v) for v in value]
        return value

    return {k: one(v) for k, v in body.items()}


def _call(b: Browser, method: str, url: str, token: str, body: dict[str, Any]) -> Any:
    if url.startswith("/api/"):
        headers = {"x-csrf-token": token, "x-requested-with": "test"}
        return b.client.request(method, url, json=body, headers=headers, follow_redirects=False)
    data = {"csrf_token": token, **body} if method != "GET" else None
    return b.client.request(method, url, data=data, follow_redirects=False)


def test_account_b_reaches_nothing_of_account_a(app: App) -> None:
    a_id = new_account(app, "alpha-zq")
    new_account(app, "bravo")
    a = logged_in(app, "alpha-zq")  # a session of A's, with an id for B to try
    seeded = _seed_a(app, a_id)
    new_account(app, "coach-zq")  # A shares everything with a coach (not B)
    share_with_coach(
        store=app.coaching,
        accounts=app.accounts,
        client_id=a_id,
        coach_name="coach-zq",
        shares={"power", "checkins", "questionnaires"},
        now=FIXED_NOW,
    )
    owned = _owned_ids(app, a_id, seeded)
    b = Browser(app, raise_errors=False)
    assert b.login("bravo").status_code == 303
    onboard(b)
    assert b.api(
        "POST", "/api/people", json={"name": "Bravos Friend", "circle": "inner"}
    ).is_success
    before = snapshot(app, a_id)
    assert sum(map(len, before.values())) > 100
    token = b.csrf()
    routes = sorted(_routes(b.client.app.routes), key=lambda r: r[0] in LAST)  # type: ignore[attr-defined]
    checked = with_ids = 0
    failures: list[str] = []
    for (method, path), body in BODY_IDS.items():
        answer = _call(b, method, path.format(**owned), token, _fill(body, owned))
        leaked = [n for n in SECRET_NAMES if n.lower() in answer.text.lower()]
        if answer.status_code in (200, 201, 303, 403, 500) or leaked:
            failures.append(
                f"{method} {path} with A's ids in the body: {answer.status_code} "
                f"{answer.headers.get('location')} {answer.text[:100]!r}"
            )
    for path, route in routes:
        params = [p.alias for p in route.dependant.path_params]
        for method in sorted(route.methods):
            url = missing_url = path
            has_owned = False
            for name in params:
                if name in SHARED:
                    value = missing = SHARED[name]
                elif name == "token":  # the feed: A's feed token's hash, A's API token, its id
                    value, missing = seeded["token"], MISSING
                else:
                    key = _record_kind(path) if name == "record_id" else name
                    value, missing, has_owned = owned[key], MISSING, True
                url = url.replace("{" + name + "}", str(value))
                missing_url = missing_url.replace("{" + name + "}", str(missing))
            body = _fill(BODIES.get((method, path), {}), owned)
            answer = _call(b, method, url, token, body)
            checked += 1
            leaked = [n for n in SECRET_NAMES if n.lower() in answer.text.lower()]
            problem = ""
            if answer.status_code in (403, 500) or leaked:
                problem = f"{answer.status_code} {leaked}"
            elif has_owned:
                with_ids += 1
                as_missing = _call(b, method, missing_url, token, body)
                if answer.status_code != 404 or as_missing.status_code != 404:
                    problem = f"{answer.status_code} (missing id: {as_missing.status_code})"
            if problem:
                failures.append(f"{method} {url}: {problem} {answer.text[:160]!r}")
    assert failures == [], "\n".join(failures)
    assert checked > 130 and with_ids > 40
    assert snapshot(app, a_id) == before
    # A's own browser still works: nothing of B's calls reached A's session
    assert a.client.get("/api/account").json()["name"] == "alpha-zq"


def test_the_feed_answers_only_its_own_secret(app: App) -> None:
    a_id = new_account(app, "alpha-zq")
    seeded = _seed_a(app, a_id)
    b = logged_in(app, "alpha-zq")
    with app.engine.connect() as conn:
        stored = conn.execute(select(tables.feed_tokens.c.token_hash)).scalar()
    for wrong in (stored, seeded["token"], str(seeded["token_id"])):
        assert b.client.get(f"/feed/{wrong}.ics").status_code == 404
    assert b.client.get(f"/feed/{seeded['feed']}.ics").status_code == 200
    # the feed is public: a calendar app has no session, the secret in its URL is the key
    feed = Browser(app).client.get(f"/feed/{seeded['feed']}.ics")
    assert feed.status_code == 200
    assert re.search(r"BEGIN:VCALENDAR", feed.text)
