"""Plugs the planner, the exposure ladder and the questionnaires into the web app."""

from __future__ import annotations

from fastapi import FastAPI

from kithkin.messages import text


def install(web: FastAPI) -> None:
    from kithkin.web import assess_pages, ladder_pages, plan_api, plan_pages
    from kithkin.web.app import add_nav

    web.include_router(plan_api.router)
    web.include_router(plan_pages.router)
    web.include_router(ladder_pages.router)
    web.include_router(assess_pages.router)
    add_nav(web, text("nav.plan"), "/plan")
    add_nav(web, text("nav.ladder"), "/ladder")
    add_nav(web, text("nav.assess"), "/assess")
