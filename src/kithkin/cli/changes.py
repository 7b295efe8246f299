"""Undo, and correcting what was logged: ``undo``, ``log list|edit|delete``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
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
    """Undo your last change (or show the recent ones with --list)."""
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
            when = _when_shown(app)
            table(
                text("undo.list_title"),
                ["id", "when", "what", "rows"],
                [[c.id, when(c.created_at), c.label, c.rows] for c in found],
            )
        return
    with app.uow(write=True) as uow:
        done = undo_change(uow=uow, now=app.now(), change_id=change)
    if json_out:
        emit_json(done.as_dict())
    else:
        say(text("undo.done", label=done.label))


# --- corrections: `log list|edit|delete`, `checkin list|edit|delete`, and the others ---

Id = Annotated[int, typer.Argument(help="The id (see the 'list' command).")]
SUBCOMMANDS = frozenset({"list", "edit", "delete"})
# `kithkin log call ...` logs; `kithkin log list|edit|delete ...` corrects: the root group sends
# the second form to these groups (see ``KithkinGroup.resolve_command``).
ENTRIES = {"log": "log-entries", "checkin": "checkin-entries"}

log_app = typer.Typer(help="Find, correct or delete logged interactions.", no_args_is_help=True)
checkin_app = typer.Typer(help="Find, correct or delete check-ins.", no_args_is_help=True)


def _zone(app: object) -> str:
    from kithkin.services.profiles import get_profile

    with app.uow() as uow:  # type: ignore[attr-defined]
        return get_profile(uow=uow).timezone


def _since(app: object, since: str | None) -> object:
    from kithkin.domain.timeutil import local_day, parse_day

    if since is None:
        return None
    return parse_day(since, today=local_day(app.now(), _zone(app)))  # type: ignore[attr-defined]


def _day_shown(app: object) -> Callable[[date], str]:
    """Days as everywhere else: "today", "yesterday", else in the locale's order."""
    from kithkin.domain.dates import day_label
    from kithkin.domain.timeutil import local_day

    today = local_day(app.now(), _zone(app))  # type: ignore[attr-defined]
    return lambda day: day_label(day, today)


def _when_shown(app: object) -> Callable[[datetime], str]:
    """An instant as the local day (as ``_day_shown``) and the local time of day."""
    from kithkin.domain.timeutil import zone

    tz = zone(_zone(app))
    shown = _day_shown(app)

    def when(at: datetime) -> str:
        local = at.astimezone(tz)
        return f"{shown(local.date())} {local:%H:%M}"

    return when


def _deleted(what: str, record: dict[str, object], json_out: bool) -> None:
    from kithkin.services.corrections import record_dict

    if json_out:
        emit_json({"deleted": what, **record_dict(record)})
    else:
        say(text("deleted", what=what, id=record["id"]))


def _updated(what: str, record: dict[str, object], json_out: bool) -> None:
    from kithkin.services.corrections import record_dict

    if json_out:
        emit_json(record_dict(record))
    else:
        say(text("updated", what=what, id=record["id"]))


@log_app.command("list")
def log_list(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option(help="From this day: YYYY-MM-DD, 'yesterday', '-7'.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 30,
    json_out: JsonOpt = False,
) -> None:
    """Your logged interactions, newest first, with their ids."""
    from kithkin.domain.model import KINDS
    from kithkin.services.people import interaction_dict

    app = _state(ctx).app
    start = _since(app, since)
    with app.uow() as uow:
        items = uow.interactions.find(since=start, limit=limit)  # type: ignore[arg-type]
        persons = uow.people.get_many(p for i in items for p in i.person_ids)
    names = {pid: p.display_name for pid, p in persons.items()}
    if json_out:
        emit_json([interaction_dict(i, names) for i in items])
        return
    if not items:
        say(text("log.none_since" if since else "log.none"))
        return
    rows = []
    shown = _day_shown(app)
    for i in items:
        who = [names.get(p, f"#{p}") for p in i.person_ids] + (
            [i.with_other] if i.with_other else []
        )
        label = KINDS[i.kind].label if i.kind in KINDS else i.kind
        rows.append(
            [
                i.id,
                shown(i.day),
                label,
                ", ".join(who) or "-",
                i.minutes,
                "yes" if i.meaningful else "no",
                i.note,
            ]
        )
    table(None, ["id", "day", "kind", "with", "min", "counts", "note"], rows)


@log_app.command("edit")
def log_edit(
    ctx: typer.Context,
    record_id: Id,
    kind: Annotated[str | None, typer.Option(help="Another kind (see 'kinds').")] = None,
    with_: Annotated[
        list[str] | None, typer.Option("--with", "-w", help="Who instead (repeatable).")
    ] = None,
    with_other: Annotated[str | None, typer.Option(help="A weak tie instead.")] = None,
    alone: Annotated[bool, typer.Option("--alone", help="Nobody: remove the people.")] = False,
    minutes: Annotated[int | None, typer.Option(help="How long, in minutes.")] = None,
    quality: Annotated[int | None, typer.Option(help="How good it felt, 1-5.")] = None,
    note: Annotated[str | None, typer.Option(help="A new note.")] = None,
    at: Annotated[str | None, typer.Option(help="When: 'yesterday 18:30', ISO.")] = None,
    meaningful: Annotated[
        bool | None, typer.Option("--meaningful/--not-meaningful", help="Counts for the goal?")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Correct a logged interaction (day, people, kind...); day counts follow."""
    from kithkin.services.corrections import edit_interaction

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        record = edit_interaction(
            uow=uow,
            now=app.now(),
            interaction_id=record_id,
            kind_id=kind,
            with_names=with_,
            with_other=with_other,
            alone=alone,
            minutes=minutes,
            quality=quality,
            note=note,
            when=at,
            meaningful=meaningful,
        )
    _updated("interaction", record, json_out)


@log_app.command("delete")
def log_delete(ctx: typer.Context, record_id: Id, json_out: JsonOpt = False) -> None:
    """Delete a logged interaction; last contact and day counts are recomputed."""
    _delete(ctx, "interaction", record_id, json_out)


def _delete(ctx: typer.Context, kind: str, record_id: int, json_out: bool) -> None:
    from kithkin.services.corrections import delete_record

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        record = delete_record(uow=uow, kind=kind, record_id=record_id)
    _deleted(WHAT[kind], record, json_out)


WHAT = {
    "interaction": "interaction",
    "checkin": "check-in",
    "followup": "follow-up",
    "result": "questionnaire result",
    "attempt": "attempt",
    "person": "person",
}


@checkin_app.command("list")
def checkin_list(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="From this day.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Your check-ins with their ids."""
    from kithkin.services.corrections import record_dict

    app = _state(ctx).app
    start = _since(app, since)
    with app.uow() as uow:
        found = [
            r for r in uow.records.find("checkin", limit=400) if start is None or r["day"] >= start
        ]
    if json_out:
        emit_json([record_dict(r) for r in found])
        return
    if not found:
        say(text("checkin.none_since" if since else "checkin.none"))
        return
    shown = _day_shown(app)
    table(
        None,
        ["id", "day", "mood", "stress", "energy", "sleep", "note"],
        [
            [
                r["id"],
                shown(r["day"]),
                r["mood"],
                r["stress"],
                r["energy"],
                r["sleep_hours"],
                r["note"],
            ]
            for r in found
        ],
    )


@checkin_app.command("edit")
def checkin_edit(
    ctx: typer.Context,
    record_id: Id,
    mood: Annotated[int | None, typer.Option(help="Mood, 1-10.")] = None,
    stress: Annotated[int | None, typer.Option(help="Stress, 1-10.")] = None,
    energy: Annotated[int | None, typer.Option(help="Energy, 1-10.")] = None,
    sleep: Annotated[float | None, typer.Option(help="Hours slept.")] = None,
    note: Annotated[str | None, typer.Option(help="A new note.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Correct a check-in."""
    from kithkin.services.corrections import edit_checkin

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        record = edit_checkin(
            uow=uow,
            checkin_id=record_id,
            mood=mood,
            stress=stress,
            energy=energy,
            sleep_hours=sleep,
            note=note,
        )
    _updated("check-in", record, json_out)


@checkin_app.command("delete")
def checkin_delete(ctx: typer.Context, record_id: Id, json_out: JsonOpt = False) -> None:
    """Delete a check-in."""
    _delete(ctx, "checkin", record_id, json_out)


def followup_edit(
    ctx: typer.Context,
    record_id: Id,
    text_: Annotated[str | None, typer.Option("--text", help="New text.")] = None,
    due: Annotated[str | None, typer.Option(help="New due day.")] = None,
    no_due: Annotated[bool, typer.Option("--no-due", help="No due day.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Correct a follow-up."""
    from kithkin.services.corrections import edit_followup

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        record = edit_followup(
            uow=uow, now=app.now(), followup_id=record_id, text=text_, due=due, no_due=no_due
        )
    _updated("follow-up", record, json_out)


def followup_delete(ctx: typer.Context, record_id: Id, json_out: JsonOpt = False) -> None:
    """Delete a follow-up."""
    _delete(ctx, "followup", record_id, json_out)


def assess_delete(ctx: typer.Context, record_id: Id, json_out: JsonOpt = False) -> None:
    """Delete a questionnaire result (see 'assess history --json' for ids)."""
    _delete(ctx, "result", record_id, json_out)


def attempt_edit(
    ctx: typer.Context,
    record_id: Id,
    learned: Annotated[str | None, typer.Option(help="What you learned.")] = None,
    what_happened: Annotated[str | None, typer.Option(help="What happened.")] = None,
    actual_peak: Annotated[int | None, typer.Option(help="Peak anxiety, 0-100.")] = None,
    belief_after: Annotated[int | None, typer.Option(help="Belief after, 0-100.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Correct a ladder attempt."""
    from kithkin.services.corrections import edit_attempt

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        record = edit_attempt(
            uow=uow,
            attempt_id=record_id,
            learned=learned,
            what_happened=what_happened,
            actual_peak=actual_peak,
            belief_after=belief_after,
        )
    _updated("attempt", record, json_out)


def attempt_delete(ctx: typer.Context, record_id: Id, json_out: JsonOpt = False) -> None:
    """Delete a ladder attempt."""
    _delete(ctx, "attempt", record_id, json_out)


def person_delete(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Name or #id.")],
    json_out: JsonOpt = False,
) -> None:
    """Delete someone and what is only theirs (follow-ups, links to moments); 'undo' brings
    them back. To keep their history, archive them instead.
    """
    from kithkin.services.corrections import delete_record
    from kithkin.services.people import resolve

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        found = resolve(uow=uow, ref=person)
        assert found.id is not None
        record = delete_record(uow=uow, kind="person", record_id=found.id)
    _deleted("person", record, json_out)


def person_unarchive(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Name or #id.")],
    json_out: JsonOpt = False,
) -> None:
    """Bring an archived person back into your plan."""
    from kithkin.services.people import archive_person

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        updated = archive_person(uow=uow, ref=person, archived=False)
    if json_out:
        emit_json({"id": updated.id, "name": updated.name, "archived": updated.archived})
    else:
        say(text("restored_person", name=updated.name))


def person_unignore(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="#id (see 'people list --ignored').")],
    json_out: JsonOpt = False,
) -> None:
    """Take someone ignored in triage back into triage, to decide again."""
    from kithkin.services.corrections import unignore

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        updated = unignore(uow=uow, ref=person)
    if json_out:
        emit_json({"id": updated.id, "name": updated.name, "status": updated.status.value})
    else:
        say(text("restored_person", name=updated.name))


def people_ignored(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """People you ignored in triage (un-ignore one with 'people unignore #ID')."""
    from kithkin.services.ports import PeopleQuery

    app = _state(ctx).app
    with app.uow() as uow:
        found = uow.people.find(PeopleQuery(status="ignored", include_archived=True))
    if json_out:
        emit_json([{"id": p.id, "name": p.name} for p in found])
    elif found:
        table(None, ["#", "name"], [[p.id, p.name] for p in found])
    else:
        say(text("triage.empty"))


def register_corrections(app: typer.Typer) -> None:
    from kithkin.cli.assess import assess_app
    from kithkin.cli.basics import followup_app
    from kithkin.cli.people import people_app
    from kithkin.cli.plan import ladder_app

    app.add_typer(log_app, name=ENTRIES["log"], hidden=True)
    app.add_typer(checkin_app, name=ENTRIES["checkin"], hidden=True)
    followup_app.command("edit")(followup_edit)
    followup_app.command("delete")(followup_delete)
    assess_app.command("delete")(assess_delete)
    ladder_app.command("attempt-edit")(attempt_edit)
    ladder_app.command("attempt-delete")(attempt_delete)
    people_app.command("delete")(person_delete)
    people_app.command("unarchive")(person_unarchive)
    people_app.command("unignore")(person_unignore)
    people_app.command("ignored")(people_ignored)


def register(app: typer.Typer) -> None:
    app.command()(undo)
    register_corrections(app)
