"""Templates: parsed once per app (no reload checks), rendered with a few shared values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from kithkin import messages
from kithkin.domain import limits
from kithkin.domain.dates import order_for_locale, order_from_accept_language, use_order
from kithkin.web import words
from kithkin.web.security import FIELD, Csrf

HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class NavItem:
    label: str
    path: str


CORE_NAV = (
    NavItem(messages.text("nav.today"), "/"),
    NavItem(messages.text("nav.log"), "/log"),
    NavItem(messages.text("nav.checkin"), "/checkin"),
    NavItem(messages.text("nav.people"), "/people"),
    NavItem(messages.text("nav.settings"), "/settings"),
)


def add_nav(web: FastAPI, label: str, path: str) -> None:
    """For features added later (planner, insights, ladder, imports, reminders): a nav entry
    that appears only once the feature's router is included."""
    web.state.nav = (*web.state.nav, NavItem(label, path))


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["text"] = messages.text
    env.globals["limits"] = limits  # field limits for the forms' maxlength
    env.globals["csrf_field"] = FIELD
    words.register(env)
    return Jinja2Templates(env=env)


def csrf_token(request: Request) -> str:
    csrf: Csrf = request.app.state.csrf
    return csrf.token_for(request.state.csrf_session)


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    partial: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Render ``name``, or ``partial`` when htmx asked for a fragment."""
    chosen = partial if partial and request.headers.get("hx-request") else name
    templates: Jinja2Templates = request.app.state.templates
    nav: tuple[NavItem, ...] = request.app.state.nav
    full = {
        "csrf_token": csrf_token(request),
        "nav": nav,
        "path": request.url.path,
        **context,
    }
    with use_order(date_order(request.scope)):  # the template is rendered here, at once
        return templates.TemplateResponse(
            request, chosen, full, status_code=status, headers=headers
        )


def date_order(scope: Any) -> str | None:
    """The order this request's dates are read in: the ``locale`` setting, else the browser's
    Accept-Language (see :mod:`kithkin.domain.dates`)."""
    app = scope.get("app")
    kithkin = getattr(getattr(app, "state", None), "kithkin", None)
    setting = getattr(getattr(kithkin, "settings", None), "locale", "")
    if setting:
        return order_for_locale(setting)
    for name, value in scope.get("headers", ()):
        if name == b"accept-language":
            return order_from_accept_language(value.decode("latin-1"))
    return None


def redirect(path: str) -> Response:
    return RedirectResponse(path, status_code=303)


def safe_next(value: str, default: str) -> str:
    """Only local paths: never redirect to another site."""
    return value if value.startswith("/") and not value.startswith("//") else default
