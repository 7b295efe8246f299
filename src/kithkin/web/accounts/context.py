"""What the account pages share: the Account page's context, the caller's address, the cookie."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from kithkin.bootstrap import App
from kithkin.domain.accounts import Caller, Scope
from kithkin.services.accounts import list_sessions, list_tokens
from kithkin.services.coaching import SHAREABLE, client_page
from kithkin.web.auth import SESSION_COOKIE, cookie_header
from kithkin.web.render import redirect, render
from kithkin.web.security import new_csrf_cookie


def address(request: Request) -> str:
    """The client's address: the visitor's behind a reverse proxy only when kithkin is told it
    is behind one (``proxy_headers``, ``forwarded_allow_ips``: uvicorn then rewrites it)."""
    return request.client.host if request.client else "unknown"


def logged_in(request: Request, secret: str, target: str) -> Response:
    response = redirect(target)
    response.headers.append("set-cookie", cookie_header(request, secret))
    response.headers.append("set-cookie", new_csrf_cookie())
    return response


def logged_out(request: Request, target: str) -> Response:
    response = redirect(target)
    response.headers.append("set-cookie", cookie_header(request, "", max_age=0))
    response.headers.append("set-cookie", new_csrf_cookie())
    # The pages the service worker kept and the offline queue are this account's data on a
    # phone that someone else may use next (offline.js also asks the worker to forget them).
    response.headers["clear-site-data"] = '"cache", "storage"'
    return response


def account_page(
    request: Request,
    caller: Caller,
    *,
    flash: str = "",
    new_token: str = "",
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    app: App = request.app.state.kithkin
    context: dict[str, Any] = {
        "caller": caller,
        "sessions": list_sessions(store=app.accounts, owner_id=caller.owner_id),
        "tokens": list_tokens(store=app.accounts, owner_id=caller.owner_id),
        "scopes": [s.value for s in Scope],
        "flash": flash,
        "new_token": new_token,
        "errors": errors or {},
        "session_cookie": SESSION_COOKIE,
        "shareable": SHAREABLE,
    }
    context["coach_shares"], context["coach_views"] = client_page(
        store=app.coaching, client_id=caller.owner_id
    )
    return render(request, "account.html", context, status=status)
