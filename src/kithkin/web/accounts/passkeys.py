"""Passkeys in the web (#16): make one (Settings > Account), remove one, log in with one.

The two ceremonies are JSON between ``static/passkeys.js`` and these routes, each a pair: the
options (with a fresh challenge), then the browser's answer. Their bodies must be JSON and
carry the page's CSRF token in ``X-CSRF-Token``; making a passkey needs a logged-in session
(bound to it), logging in is public (bound to the browser's CSRF id). Removing one is a form
like the Account page's others.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from kithkin.bootstrap import App
from kithkin.domain.accounts import Caller, TooManyAttempts
from kithkin.domain.errors import InputError, KithkinError
from kithkin.domain.passkeys import PasskeyFailed, PasskeysUnavailable, Site
from kithkin.messages import text
from kithkin.services import passkeys as service
from kithkin.web.accounts.context import (
    account_page,
    address,
    passkey_site,
)
from kithkin.web.auth import CallerDep, cookie_header
from kithkin.web.deps import AppDep, Now, checked_form
from kithkin.web.errors import error_body
from kithkin.web.render import safe_next
from kithkin.web.security import check_form_token, new_csrf_cookie

router = APIRouter(include_in_schema=False)
BODY_MAX = 64 * 1024  # a passkey's answer is a few kilobytes


async def json_body(request: Request) -> dict[str, Any]:
    """A ceremony's JSON body, after the page's CSRF token in ``X-CSRF-Token``."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise HTTPException(415, "Send a JSON body (Content-Type: application/json).")
    check_form_token(request, {})
    raw = await request.body()
    if len(raw) > BODY_MAX:
        raise HTTPException(413)
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise HTTPException(422, "Send a JSON object.")
    return body


Body = Annotated[dict[str, Any], Depends(json_body)]
JSON_BODY = Depends(json_body)  # the checks, for a body that holds nothing more


def _site(request: Request) -> Site:
    site = passkey_site(request)
    if site is None:
        raise PasskeysUnavailable()
    return site


def _refused(exc: KithkinError, status: int) -> JSONResponse:
    return JSONResponse(error_body(exc), status_code=status)


def _credential(body: dict[str, Any]) -> str:
    found = body.get("credential")
    return json.dumps(found) if isinstance(found, dict) else ""


def _unnamed(app: App, caller: Caller) -> str:
    held = service.list_passkeys(store=app.passkeys, owner_id=caller.owner_id)
    return text("accounts.passkeys.unnamed", number=len(held) + 1)


def _options(made: str) -> Response:
    return Response(made, media_type="application/json", headers={"cache-control": "no-store"})


# --- making and removing passkeys (Settings > Account) ---
@router.post("/settings/account/passkeys/options", dependencies=[JSON_BODY])
def add_options(request: Request, app: AppDep, caller: CallerDep, now: Now) -> Response:
    try:
        made = service.registration_options(
            store=app.passkeys, caller=caller, site=_site(request), now=now
        )
    except InputError as exc:
        return _refused(exc, 422)
    return _options(made)


@router.post("/settings/account/passkeys")
def add(request: Request, body: Body, app: AppDep, caller: CallerDep, now: Now) -> Response:
    try:
        service.register(
            store=app.passkeys,
            caller=caller,
            site=_site(request),
            credential=_credential(body),
            name=str(body.get("name") or "").strip() or _unnamed(app, caller),
            now=now,
        )
    except InputError as exc:
        return _refused(exc, 422)
    return JSONResponse({"next": "/settings/account?notice=passkey_added#passkeys"})


@router.post("/settings/account/passkeys/{passkey_id}/remove", dependencies=[Depends(checked_form)])
def remove(request: Request, passkey_id: int, app: AppDep, caller: CallerDep) -> Response:
    service.remove_passkey(store=app.passkeys, owner_id=caller.owner_id, passkey_id=passkey_id)
    return account_page(request, caller, flash="accounts.passkeys.removed")


# --- logging in with a passkey (public) ---
@router.post("/login/passkey/options", dependencies=[JSON_BODY])
def login_options(request: Request, app: AppDep, now: Now) -> Response:
    try:
        made = service.login_options(
            store=app.passkeys,
            site=_site(request),
            browser=request.state.csrf_session,
            address=address(request),
            now=now,
        )
    except TooManyAttempts as exc:
        return _refused(exc, 429)
    except InputError as exc:
        return _refused(exc, 422)
    return _options(made)


@router.post("/login/passkey")
def log_in(request: Request, body: Body, app: AppDep, now: Now) -> Response:
    try:
        made = service.log_in_with_passkey(
            store=app.passkeys,
            site=_site(request),
            browser=request.state.csrf_session,
            credential=_credential(body),
            address=address(request),
            user_agent=request.headers.get("user-agent", ""),
            now=now,
        )
    except TooManyAttempts as exc:
        return _refused(exc, 429)
    except PasskeyFailed as exc:
        return _refused(exc, 401)
    except InputError as exc:
        return _refused(exc, 422)
    target = safe_next(str(body.get("next") or "/"), "/")
    response = JSONResponse({"next": target})
    response.headers.append("set-cookie", cookie_header(request, made.secret))
    response.headers.append("set-cookie", new_csrf_cookie())
    return response
