"""`kithkin people merge KEEP OTHER`: two cards of one person made one, with their history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.services.people_merge import MergePreview


def _show(preview: MergePreview) -> None:
    result = preview.result
    say(text("people.merge.preview", other=preview.other.name, keep=preview.keep.name))
    contacts = ", ".join(c.value for c in result.contacts) or "-"
    say(text("people.merge.result", name=result.name, contacts=contacts))
    say(text("people.merge.moves", **preview.moved))


def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The person to keep (name or #id).")],
    other: Annotated[str, typer.Argument(help="The person merged into them (name or #id).")],
    yes: Annotated[bool, typer.Option("--yes", help="Merge without asking.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the result; write nothing.")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Merge OTHER into KEEP: details, moments, follow-ups and calls; OTHER is then removed.

    Asks first (shows the result); --json without --yes only shows the result."""
    from kithkin.services.people_merge import merge_people, preview_merge

    app = _state(ctx).app
    with app.uow() as uow:
        preview = preview_merge(uow=uow, keep=keep, other=other)
    if dry_run or (json_out and not yes):  # JSON never prompts: without --yes it only previews
        if json_out:
            emit_json(preview.as_dict())
        else:
            _show(preview)
        return
    if not yes:
        _show(preview)
        if not typer.confirm(text("people.merge.confirm"), default=False):
            say(text("people.merge.kept_apart"))
            raise typer.Exit(1)
    with app.uow(write=True) as uow:
        done = merge_people(uow=uow, keep=f"#{preview.keep.id}", other=f"#{preview.other.id}")
    if json_out:
        emit_json(done.as_dict())
    else:
        say(text("people.merge.done", other=done.other.name, keep=done.result.name))
