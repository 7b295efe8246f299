"""A dependency of every route: whole-number path and query parameters beyond the stored range
are refused (422) before a route runs, so no driver ever sees them."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from fastapi import Request

from kithkin.domain.bounds import MAX_STORED_INT, NumberOutOfRange, text_out_of_range


def _is_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    if get_origin(annotation) in (Union, types.UnionType) or get_args(annotation):
        return any(_is_int(a) for a in get_args(annotation))
    return False


def within_storage(request: Request) -> None:
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    sources = (
        (dependant.path_params, request.path_params),
        (dependant.query_params, request.query_params),
    )
    for params, values in sources:
        for field in params:
            if not _is_int(field.field_info.annotation):
                continue
            raw = values.get(field.alias)
            if isinstance(raw, str) and text_out_of_range(raw):
                shown = raw if len(raw) <= 30 else raw[:27] + "..."
                raise NumberOutOfRange(name=field.alias, value=shown, maximum=MAX_STORED_INT)
