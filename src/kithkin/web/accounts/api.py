"""JSON of hosted mode's accounts: who you are, your personal access tokens (list, revoke),
your passkeys (list: making and removing one takes the logged-in browser)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from kithkin.services import accounts as service
from kithkin.services.passkeys import list_passkeys
from kithkin.web import schemas as s
from kithkin.web.auth import CallerDep
from kithkin.web.deps import AppDep, json_writes_only

router = APIRouter(
    prefix="/api/account",
    tags=["account"],
    responses=s.ERRORS,
    dependencies=[Depends(json_writes_only)],
)


@router.get("", summary="Your account: its login name, and how this request proved it")
def api_account(caller: CallerDep) -> dict[str, Any]:
    return {
        "name": caller.name,
        "via": "token" if caller.token_scope is not None else "session",
        "scope": caller.token_scope.value if caller.token_scope is not None else "read-write",
    }


@router.get("/tokens", summary="Your personal access tokens (never their secrets)")
def api_tokens(app: AppDep, caller: CallerDep) -> list[dict[str, Any]]:
    return [
        {
            "id": t.id,
            "label": t.label,
            "scope": t.scope.value,
            "created_at": t.created_at.isoformat(),
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
        }
        for t in service.list_tokens(store=app.accounts, owner_id=caller.owner_id)
    ]


@router.delete("/tokens/{token_id}", status_code=204, summary="Revoke one of your tokens")
def api_token_revoke(token_id: int, app: AppDep, caller: CallerDep) -> Response:
    service.revoke_token(store=app.accounts, owner_id=caller.owner_id, token_id=token_id)
    return Response(status_code=204)


@router.get("/passkeys", summary="Your passkeys: their names, when added and last used")
def api_passkeys(app: AppDep, caller: CallerDep) -> list[dict[str, Any]]:
    return [
        {
            "id": p.id,
            "name": p.name,
            "site": p.rp_id,
            "created_at": p.created_at.isoformat(),
            "last_used_at": p.last_used_at.isoformat() if p.last_used_at else None,
        }
        for p in list_passkeys(store=app.passkeys, owner_id=caller.owner_id)
    ]
