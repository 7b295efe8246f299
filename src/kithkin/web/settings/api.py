"""The JSON API of your profile (onboarding) and your circles."""

from __future__ import annotations

from typing import Any

from kithkin.services.people import list_circles, set_circle
from kithkin.services.profiles import get_profile, init_profile
from kithkin.services.serial.profile import profile_dict
from kithkin.web import schemas as s
from kithkin.web.deps import Now, ReadUow, WriteUow, api_router

router = api_router("kithkin")


@router.get("/profile", summary="Your profile")
def api_profile(uow: ReadUow) -> dict[str, Any]:
    return profile_dict(get_profile(uow=uow))


@router.put("/profile", summary="Create or change your profile (onboarding)")
def api_profile_put(body: s.ProfileIn, uow: WriteUow, now: Now) -> dict[str, Any]:
    from kithkin.services.profiles import parse_barriers

    fields = body.model_dump(exclude={"barriers"})
    barriers = parse_barriers(b.value for b in body.barriers)
    return profile_dict(init_profile(uow=uow, now=now, barriers=barriers, **fields))


@router.get("/circles", summary="Circles and their keep-in-touch cadence")
def api_circles(uow: ReadUow) -> list[dict[str, Any]]:
    return [{"name": c.name, "cadence_days": c.cadence_days} for c in list_circles(uow=uow)]


@router.put("/circles/{name}", summary="Create a circle or change its cadence")
def api_circle_put(name: str, body: s.CircleIn, uow: WriteUow) -> dict[str, Any]:
    circle = set_circle(uow=uow, name=name, cadence_days=body.cadence_days)
    return {"name": circle.name, "cadence_days": circle.cadence_days}
