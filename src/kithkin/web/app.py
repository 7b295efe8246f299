"""The web app's assembly: ``create_app(app)`` wires routes, errors, security and templates."""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from kithkin.bootstrap import App
from kithkin.web import errors
from kithkin.web.fast_path import FastPath
from kithkin.web.render import CORE_NAV, HERE, NavItem, make_templates
from kithkin.web.security import (
    CSP,
    Csrf,
    HostGuard,
    SecurityMiddleware,
    allowed_hosts,
    secret_key,
)
from kithkin.web.today_cache import ViewCache

OPENAPI_URL = "/api/openapi.json"


def create_app(app: App, *, csrf_key: bytes | None = None) -> FastAPI:
    """The ASGI application over ``app`` (settings, engine, clock) built by the caller."""
    from kithkin.web import api, pages, people_pages, planner

    web = FastAPI(
        title="kithkin",
        summary="Keep the relationships that protect your mental health.",
        version="1",
        openapi_url=OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
    )
    web.state.kithkin = app
    web.state.templates = make_templates()
    web.state.csrf = Csrf(csrf_key or secret_key(app.settings.data_dir))
    web.state.nav = CORE_NAV
    web.state.today_cache = ViewCache()
    web.add_middleware(FastPath)  # innermost: after the host check and security headers
    web.add_middleware(SecurityMiddleware)
    settings = app.settings
    web.add_middleware(HostGuard, allowed=allowed_hosts(settings.host, settings.allowed_hosts))
    errors.install(web)
    web.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    web.include_router(api.router)
    web.include_router(pages.router)
    web.include_router(people_pages.router)
    planner.install(web)
    from kithkin.web import (
        data_api,
        data_pages,
        feed,
        followups_pages,
        insights_api,
        insights_pages,
        people_api,
        person_edit,
        restore,
    )

    web.include_router(person_edit.router)
    web.include_router(followups_pages.router)
    people_api.install(web)
    restore.install(web)  # before data_api: /api/import/json before /api/import/{kind}
    for module in (insights_pages, data_pages, insights_api, data_api, feed):
        module.install(web)
    from kithkin.web import changes_api, changes_pages

    changes_api.install(web)
    changes_pages.install(web)
    web.add_api_route("/api/docs", api_docs, include_in_schema=False, methods=["GET"])
    return web


def add_nav(web: FastAPI, label: str, path: str) -> None:
    """For features added later (planner, insights, ladder, imports, reminders): a nav entry
    that appears only once the feature's router is included."""
    web.state.nav = (*web.state.nav, NavItem(label, path))


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
