"""`kithkin calendar ...`, `kithkin call ...`, `kithkin feed ...` and `kithkin export ics`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say, table
from kithkin.cli.transfer import FileUnreadable, Force, _write, export_app
from kithkin.messages import text

calendar_app = typer.Typer(help="Calendars that show when you are busy.", no_args_is_help=True)
call_app = typer.Typer(help="Regular calls with people far away.", no_args_is_help=True)
feed_app = typer.Typer(help="A private calendar feed to subscribe to.", no_args_is_help=True)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _check_calendar_file(path: Path, *, limit_mb: int) -> None:
    """Refuse anything that is not a readable iCalendar file, at the door."""
    from datetime import UTC, datetime

    from kithkin.formats.files import read_capped
    from kithkin.formats.icalendar import parse_busy

    if not path.is_file():
        raise FileUnreadable(path=str(path), reason="no such file")
    head = read_capped(path, limit_mb=limit_mb)
    if b"BEGIN:VCALENDAR" not in head[:4096].upper():
        raise FileUnreadable(path=str(path), reason="not an iCalendar (.ics) file")
    moment = datetime(2000, 1, 1, tzinfo=UTC)
    _, problems = parse_busy(head, start=moment, end=moment)
    if any(p.message_key == "calendar.unreadable" for p in problems):
        raise FileUnreadable(path=str(path), reason="not an iCalendar (.ics) file")


@calendar_app.command("add")
def add(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="An .ics file; re-read each time you plan.")],
    name: Annotated[str | None, typer.Option(help="A short name (default: file name).")] = None,
) -> None:
    """Register a local calendar file."""
    from kithkin.services.calendars import add_calendar

    app = _state(ctx).app
    _check_calendar_file(path, limit_mb=app.settings.max_file_mb)
    label = name or path.stem
    with app.uow(write=True) as uow:
        add_calendar(uow=uow, now=app.now(), name=label, path=str(path.resolve()))
    say(text("calendar.added", name=label))


@calendar_app.command("list")
def list_(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """The calendars you registered."""
    app = _state(ctx).app
    with app.uow() as uow:
        found = uow.calendars.find()
    if json_out:
        emit_json([{"name": c.name, "path": c.path} for c in found])
    elif found:
        table(None, ["name", "path"], [[c.name, c.path] for c in found])
    else:
        say(text("calendar.none"))


@calendar_app.command("remove")
def remove(ctx: typer.Context, name: Annotated[str, typer.Argument()]) -> None:
    """Forget a calendar (the file is left alone)."""
    from kithkin.services.calendars import remove_calendar

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        remove_calendar(uow=uow, name=name)
    say(text("calendar.removed", name=name))


@calendar_app.command("free")
def free(
    ctx: typer.Context,
    day: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Your free windows on a day, inside your waking hours."""
    from kithkin.domain.errors import BadDate
    from kithkin.domain.timeutil import local_day
    from kithkin.formats.feed import BusyFiles
    from kithkin.services.calendars import free_slots_for_day
    from kithkin.services.profiles import get_profile

    app = _state(ctx).app
    reader = BusyFiles(limit_mb=app.settings.max_file_mb)
    with app.uow() as uow:
        tz = get_profile(uow=uow).timezone
        try:
            when = date.fromisoformat(day) if day else local_day(app.now(), tz)
        except ValueError:
            raise BadDate(value=day, what="a date (YYYY-MM-DD)") from None
        result = free_slots_for_day(uow=uow, day=when, now=app.now(), read_busy=reader)
    data = result.as_dict(tz)
    notes = reader.notes()
    if json_out:
        emit_json({**data, "notes": notes} if notes else data)
        return
    for note in notes:
        say(note, style="yellow")
    from kithkin.domain.dates import day_label

    say(text("calendar.free", day=day_label(when), minutes=data["free_minutes"]))
    table(
        None,
        ["from", "to", "minutes"],
        [[s["start"][11:16], s["end"][11:16], s["minutes"]] for s in data["slots"]],
    )


@call_app.command("plan")
def plan(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who to call.")],
    every: Annotated[str, typer.Option(help="1w, 2w ... (weeks).")] = "1w",
    minutes: Annotated[int, typer.Option(min=5, max=240)] = 30,
    weeks: Annotated[int, typer.Option(min=1, max=104, help="Weeks to check.")] = 52,
    save: Annotated[bool, typer.Option("--save", help="Keep this plan.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Find a weekly slot inside both waking windows on every occurrence, across DST."""
    from kithkin.domain.errors import KithkinError
    from kithkin.formats.feed import busy_reader
    from kithkin.services.calendars import busy_between, parse_every, plan_call, save_call
    from kithkin.services.people import resolve
    from kithkin.services.profiles import get_profile

    class PersonNoTimezone(KithkinError):
        key = "person_no_timezone"

    class NoCallSlot(KithkinError):
        key = "no_call_slot"

    app = _state(ctx).app
    interval = parse_every(every)
    with app.uow(write=save) as uow:
        person = resolve(uow=uow, ref=name)
        if not person.timezone or person.id is None:
            import shlex

            raise PersonNoTimezone(name=person.name, quoted=shlex.quote(person.name))
        now = app.now()
        tz = get_profile(uow=uow).timezone
        busy = busy_between(
            uow=uow, start=now, end=now + timedelta(weeks=weeks + 2), read_busy=busy_reader, tz=tz
        )
        proposal = plan_call(
            uow=uow,
            now=now,
            person_id=person.id,
            person_name=person.name,
            other_tz=person.timezone,
            minutes=minutes,
            interval_weeks=interval,
            weeks=weeks,
            busy=busy,
        )
        if proposal is None:
            raise NoCallSlot(minutes=minutes, weeks=weeks)
        if save:
            save_call(uow=uow, now=now, proposal=proposal)
    if json_out:
        emit_json({**proposal.as_dict(), "saved": save})
        return
    say(
        text(
            "call.proposal",
            every=interval,
            weekday=WEEKDAYS[proposal.weekday],
            user_time=proposal.local_time.strftime("%H:%M"),
            other_time=proposal.other_local_time.strftime("%H:%M"),
            name=person.name,
            minutes=minutes,
            count=len(proposal.occurrences),
        )
    )
    if not save:
        say(text("call.not_saved"))
    if save:
        say(text("call.saved"))


@call_app.command("list")
def calls(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Your saved recurring calls."""
    app = _state(ctx).app
    with app.uow() as uow:
        found = uow.calls.find()
        names = {p.id: p.name for p in uow.people.get_many(c.person_id for c in found).values()}
    rows = [
        {
            "id": c.id,
            "person": names.get(c.person_id, ""),
            "weekday": WEEKDAYS[c.weekday],
            "time": c.local_time,
            "minutes": c.minutes,
            "every_weeks": c.interval_weeks,
        }
        for c in found
    ]
    if json_out:
        emit_json(rows)
    elif rows:
        table(None, list(rows[0]), [list(r.values()) for r in rows])
    else:
        say(text("call.none"))


@feed_app.command("token")
def token(
    ctx: typer.Context,
    rotate: Annotated[bool, typer.Option("--rotate", help="Revoke the old tokens.")] = False,
) -> None:
    """Print a new secret token for the calendar feed (shown once)."""
    from kithkin.services.calendars import new_feed_token

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        secret = new_feed_token(uow=uow, now=app.now(), rotate=rotate)
    say(text("feed.token", token=secret))
    settings = app.settings
    say(text("feed.url", url=f"http://{settings.host}:{settings.port}/feed/{secret}.ics"))


@feed_app.command("revoke")
def revoke(ctx: typer.Context) -> None:
    """Revoke every feed token; subscriptions stop updating."""
    from kithkin.services.calendars import revoke_feed_tokens

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        count = revoke_feed_tokens(uow=uow, now=app.now())
    say(text("feed.revoked", count=count))


@export_app.command("ics")
def export_ics(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="The .ics file to write.")],
    force: Force = False,
    json_out: JsonOpt = False,
) -> None:
    """Planned connections, recurring calls and birthdays as a calendar (with alarms)."""
    from kithkin.formats.feed import calendar_feed

    app = _state(ctx).app
    with app.uow() as uow:
        content = calendar_feed(uow=uow, now=app.now())
    _write(path, content, force=force, name="kithkin.ics")
    count = content.count("BEGIN:VEVENT")
    if json_out:
        emit_json({"path": str(path), "count": count})
    else:
        say(text("export.done", count=count, what="events", path=str(path)))


def register(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")
    app.add_typer(call_app, name="call")
    app.add_typer(feed_app, name="feed")
