"""Coach sharing in the web (#16): share with a coach or stop (Settings > Account), and the
coach's pages: the clients, and what one client shares (each view recorded for the client)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from kithkin.domain.errors import InputError, NotFoundError
from kithkin.services import coaching
from kithkin.web import forms
from kithkin.web.accounts.context import account_page
from kithkin.web.auth import CallerDep
from kithkin.web.deps import AppDep, Form, Now, checked_form
from kithkin.web.render import render

router = APIRouter(include_in_schema=False)


@router.post("/settings/account/coaches")
def share_post(request: Request, form: Form, app: AppDep, caller: CallerDep, now: Now) -> Response:
    try:
        coaching.share_with_coach(
            store=app.coaching,
            accounts=app.accounts,
            client_id=caller.owner_id,
            coach_name=forms.text(form, "coach"),
            shares=set(forms.many(form, "shares")),
            now=now,
        )
    except (InputError, NotFoundError) as exc:
        return account_page(request, caller, errors={"coach": exc.message}, status=422)
    return account_page(request, caller)


@router.post("/settings/account/coaches/{share_id}/revoke", dependencies=[Depends(checked_form)])
def share_revoke(request: Request, share_id: int, app: AppDep, caller: CallerDep) -> Response:
    coaching.stop_sharing(store=app.coaching, client_id=caller.owner_id, share_id=share_id)
    return account_page(request, caller)


@router.get("/coach")
def coach_clients(request: Request, app: AppDep, caller: CallerDep) -> Response:
    found = coaching.clients(store=app.coaching, coach_id=caller.owner_id)
    return render(request, "coach.html", {"clients": found, "client": None, "shared": {}})


@router.get("/coach/{client_id}")
def coach_client(
    request: Request, client_id: int, app: AppDep, caller: CallerDep, now: Now
) -> Response:
    share, shared = coaching.coach_view(
        store=app.coaching,
        units=app.uow_for,
        coach_id=caller.owner_id,
        client_id=client_id,
        now=now,
    )
    return render(request, "coach.html", {"clients": [], "client": share, "shared": shared})
