"""Undo, and correcting what was logged: ``undo``, ``log list|edit|delete``."""

from __future__ import annotations

from typing import Annotated

import typer

from kithkin.cli.render import emit_json, say, table
from kithkin.cli.state import State
from kithkin.messages import text

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


def _state(ctx: typer.Context) -> State:
    state = ctx.obj
    assert isinstance(state, State)
    return state


def undo(
    ctx: typer.Context,
    list_: Annotated[bool, typer.Option("--list", help="Show the recent changes instead.")] = False,
    change: Annotated[
        int | None, typer.Option("--id", help="Undo this change (see --list), not the last.")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many changes --list shows.", min=1)] = 20,
    json_out: JsonOpt = False,
) -> None:
    """Undo your last change (or show the recent ones with --list).

    Examples:
      kithkin undo
      kithkin undo --list
    """
    from kithkin.services.changes import recent_changes
    from kithkin.services.changes import undo as undo_change

    app = _state(ctx).app
    if list_:
        with app.uow() as uow:
            found = recent_changes(uow=uow, limit=limit)
        if json_out:
            emit_json([c.as_dict() for c in found])
        elif not found:
            say(text("undo.none"))
        else:
            table(
                text("undo.list_title"),
                ["id", "when", "what", "rows"],
                [[c.id, c.created_at.strftime("%Y-%m-%d %H:%M"), c.label, c.rows] for c in found],
            )
        return
    with app.uow(write=True) as uow:
        done = undo_change(uow=uow, now=app.now(), change_id=change)
    if json_out:
        emit_json(done.as_dict())
    else:
        say(text("undo.done", label=done.label))


def register(app: typer.Typer) -> None:
    app.command()(undo)
