"""What the account pages share: the Account page's context, the caller's address, the cookie,
and the site passkeys are made for (the host name the request came to)."""

from __future__ import annotations

import ipaddress
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from kithkin.bootstrap import App
from kithkin.domain.accounts import Caller, Scope
from kithkin.domain.passkeys import Site
from kithkin.services.accounts import list_sessions, list_tokens
from kithkin.services.coaching import SHAREABLE, client_page
from kithkin.services.passkeys import list_passkeys
from kithkin.web.auth import SESSION_COOKIE, cookie_header
from kithkin.web.render import redirect, render
from kithkin.web.security import allowed_hosts, new_csrf_cookie, parse_host


def address(request: Request) -> str:
    """The client's address: the visitor's behind a reverse proxy only when kithkin is told it
    is behind one (``proxy_headers``, ``forwarded_allow_ips``: uvicorn then rewrites it)."""
    return request.client.host if request.client else "unknown"


def passkey_site(request: Request) -> Site | None:
    """Where this request's passkeys belong, or None when passkeys cannot work here.

    The relying party's id is the host name of the request's ``Host`` (as the host check
    accepted it: a configured ``allowed_hosts`` name or this machine's own); the origin is
    that name with the request's scheme and port. Browsers offer passkeys to secure pages
    only: HTTPS (behind a proxy: ``proxy_headers``, or ``secure_cookies`` for a proxy that does
    not say so), or ``localhost``; an IP address cannot hold passkeys at all."""
    app: App = request.app.state.kithkin
    host = parse_host(request.headers.get("host", ""))
    if host is None or not host.strip("."):
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return None
    allowed = allowed_hosts(app.settings.host, app.settings.allowed_hosts)
    if allowed is not None and host not in allowed:
        return None
    https = request.url.scheme == "https" or app.settings.secure_cookies
    if not (https or host == "localhost" or host.endswith(".localhost")):
        return None
    port = request.url.port
    default = 443 if https else 80
    shown = f":{port}" if port is not None and port != default else ""
    return Site(rp_id=host, origin=f"{'https' if https else 'http'}://{host}{shown}")


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


def _zone(app: App, owner_id: int) -> str:
    """The account's time zone for the times on its page (UTC before onboarding)."""
    from kithkin.domain.errors import NotInitialised
    from kithkin.services.profiles import get_profile

    try:
        with app.uow_for(owner_id) as uow:
            return get_profile(uow=uow).timezone
    except NotInitialised:
        return "UTC"


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
        "passkeys": list_passkeys(store=app.passkeys, owner_id=caller.owner_id),
        "passkey_site": passkey_site(request),
        "zone": _zone(app, caller.owner_id),
        "now": app.now(),
    }
    context["coach_shares"], context["coach_views"] = client_page(
        store=app.coaching, client_id=caller.owner_id
    )
    return render(request, "account.html", context, status=status)
