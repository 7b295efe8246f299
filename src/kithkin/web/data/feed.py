"""The subscribable calendar feed: ``GET /feed/{token}.ics`` for the token's owner.

The token is a bearer secret: only its SHA-256 is stored and looked up (see
:func:`kithkin.services.calendars.resolve_feed_token`), so the lookup's timing reveals nothing
about the token. Nothing here logs the path, and ``kithkin serve`` runs uvicorn without access
logs (log level "warning").
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from kithkin.domain.errors import NotInitialised
from kithkin.services.calendars import resolve_feed_token
from kithkin.web.deps import AppDep, Now

router = APIRouter(tags=["feed"])


@router.get(
    "/feed/{token}.ics",
    summary="Your calendar feed (planned connections, recurring calls, birthdays)",
    description="Subscribe by URL from a calendar app. Unknown or revoked tokens get 404.",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {}}},
        404: {"description": "Unknown or revoked token"},
    },
)
def calendar_feed_route(token: str, app: AppDep, now: Now) -> Response:
    from kithkin.formats.feed import calendar_feed

    # the lookup spans all owners (so no owner of its own: the feed is public in hosted mode)
    with app.uow_for(0) as uow:
        owner = resolve_feed_token(uow=uow, token=token)
    if owner is None:
        raise HTTPException(404)
    with app.uow_for(owner) as uow:
        try:
            body = calendar_feed(uow=uow, now=now)
        except NotInitialised:
            raise HTTPException(404) from None
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={
            "content-disposition": 'inline; filename="kithkin.ics"',
            "cache-control": "private, max-age=300",
        },
    )


def install(web: FastAPI) -> None:
    web.include_router(router)
