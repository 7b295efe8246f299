"""The web app's assembly: ``create_app(app)`` wires routes, errors, security and templates."""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from kithkin.bootstrap import App
from kithkin.messages import text
from kithkin.web import errors
from kithkin.web.accounts import api as accounts_api
from kithkin.web.accounts import coach as accounts_coach
from kithkin.web.accounts import pages as accounts_pages
from kithkin.web.accounts import passkeys as accounts_passkeys
from kithkin.web.auth import SESSION_COOKIE, AccountGate
from kithkin.web.bounds import within_storage
from kithkin.web.cache.fast_path import FastPath
from kithkin.web.cache.registry import ROUTES
from kithkin.web.cache.store import ViewCache
from kithkin.web.cache.writes import RefreshOnWrite
from kithkin.web.changes import api as changes_api
from kithkin.web.changes import pages as changes_pages
from kithkin.web.data import api as data_api
from kithkin.web.data import feed, restore
from kithkin.web.data import pages as data_pages
from kithkin.web.insights import api as insights_api
from kithkin.web.insights import assess, assess_api
from kithkin.web.insights import pages as insights_pages
from kithkin.web.people import api as people_api
from kithkin.web.people import edit, followups, merge, triage
from kithkin.web.people import pages as people_pages
from kithkin.web.plan import api as plan_api
from kithkin.web.plan import ladder
from kithkin.web.plan import pages as plan_pages
from kithkin.web.pwa import pages as pwa_pages
from kithkin.web.render import CORE_NAV, HERE, add_nav, make_templates
from kithkin.web.security import (
    CSP,
    Csrf,
    HostGuard,
    SecurityMiddleware,
    allowed_hosts,
    secret_key,
)
from kithkin.web.settings import api as settings_api
from kithkin.web.settings import pages as settings_pages
from kithkin.web.today import api as today_api
from kithkin.web.today import cards
from kithkin.web.today import pages as today_pages

OPENAPI_URL = "/api/openapi.json"


def create_app(app: App, *, csrf_key: bytes | None = None) -> FastAPI:
    """The ASGI application over ``app`` (settings, engine, clock) built by the caller."""
    web = FastAPI(
        title="kithkin",
        summary="Keep the relationships that protect your mental health.",
        version="1",
        openapi_url=OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(within_storage)],
    )
    web.state.kithkin = app
    web.state.templates = make_templates()
    web.state.csrf = Csrf(csrf_key or secret_key(app.settings.data_dir))
    web.state.nav = CORE_NAV
    web.state.today_cache = ViewCache()
    web.state.cached_routes = ROUTES  # declared by the route modules imported above
    # a write remakes today's plan and the owner's cached Today pages before it commits
    app.commit_hooks = RefreshOnWrite(app, web.state.today_cache, web.state.cached_routes)
    settings = app.settings
    web.add_middleware(FastPath)  # innermost: after the host check and security headers
    if settings.hosted:  # every request proves its account; the cache is keyed on it (#16)
        app.accounts_required = True
        web.add_middleware(AccountGate)
    web.state.templates.env.globals["hosted"] = settings.hosted
    web.add_middleware(SecurityMiddleware)
    web.add_middleware(HostGuard, allowed=allowed_hosts(settings.host, settings.allowed_hosts))
    errors.install(web)
    web.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    if settings.hosted:
        web.include_router(accounts_pages.router)
        web.include_router(accounts_api.router)
        web.include_router(accounts_coach.router)
        web.include_router(accounts_passkeys.router)
    _include_features(web)
    if settings.hosted:
        add_nav(web, text("accounts.nav.account"), "/settings/account")
    web.add_api_route("/api/docs", api_docs, include_in_schema=False, methods=["GET"])
    if settings.hosted:
        declare_authentication(web)
    return web


# How hosted mode's API calls prove their account, as the OpenAPI document declares it.
SECURITY_SCHEMES = {
    "token": {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal access token (Settings > Account), read or read-write: "
        "`Authorization: Bearer kk_...`. Writes with a token need no CSRF token.",
    },
    "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": SESSION_COOKIE,
        "description": "The browser's session after logging in; writes also send the page's "
        "CSRF token in `X-CSRF-Token`.",
    },
}


def declare_authentication(web: FastAPI) -> None:
    """Every API operation of the document takes a token or a session (hosted mode)."""
    build = web.openapi

    def openapi() -> dict[str, Any]:
        if web.openapi_schema is None:
            schema = build()
            schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
            for path, operations in schema.get("paths", {}).items():
                if path.startswith("/api/"):
                    for operation in operations.values():
                        operation["security"] = [{"token": []}, {"session": []}]
        return web.openapi_schema  # type: ignore[return-value]

    web.openapi = openapi  # type: ignore[method-assign]


def _include_features(web: FastAPI) -> None:
    """Each feature's routes, in the order they are matched, and the navigation entries of the
    features after the core pages (in this order on every page)."""
    web.include_router(today_api.router)
    web.include_router(people_api.router)
    web.include_router(settings_api.router)
    web.include_router(today_pages.router)
    web.include_router(settings_pages.router)
    web.include_router(people_pages.router)
    web.include_router(plan_api.router)
    web.include_router(assess_api.router)
    web.include_router(cards.router)
    web.include_router(plan_pages.router)
    web.include_router(ladder.router)
    web.include_router(assess.router)
    add_nav(web, text("nav.plan"), "/plan")
    add_nav(web, text("nav.ladder"), "/ladder")
    add_nav(web, text("nav.assess"), "/assess")
    web.include_router(edit.router)
    web.include_router(followups.router)
    web.include_router(triage.router)
    web.include_router(triage.api_router)
    merge.install(web)
    restore.install(web)  # before data_api: /api/import/json before /api/import/{kind}
    for module in (insights_pages, data_pages, insights_api, data_api, feed):
        module.install(web)
    changes_api.install(web)  # undo and corrections (#15)
    changes_pages.install(web)
    pwa_pages.install(web)  # manifest, service worker, offline page (#14)


def api_docs() -> HTMLResponse:
    """Swagger UI from the vendored files; its one inline script is allowed by its hash."""
    page = get_swagger_ui_html(
        openapi_url=OPENAPI_URL,
        title="kithkin API",
        swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )
    body = bytes(page.body).decode()
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in re.findall(r"<script>(.*?)</script>", body, flags=re.S)
    )
    csp = CSP.replace("script-src 'self'", f"script-src 'self' {hashes}").replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'"
    )
    return HTMLResponse(body, headers={"content-security-policy": csp})
