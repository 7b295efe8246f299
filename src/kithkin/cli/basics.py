"""The daily loop: init, today, log, checkin, followup, demo, db."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kithkin.cli.ask import ask_choice, ask_number, ask_zone, interactive, system_zone
from kithkin.cli.calendar_check import show_unreadable, unreadable_calendars
from kithkin.cli.render import emit_json, say, table
from kithkin.cli.state import State
from kithkin.domain import limits
from kithkin.domain.errors import InputError
from kithkin.messages import text

if TYPE_CHECKING:
    from datetime import date

    from kithkin.domain.model import Interaction

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


def say_counts(item: Interaction, *, today: date) -> None:
    """Whether a logged moment counted for today's goal, or for the day it happened."""
    if not item.meaningful:
        return
    if item.day == today:
        say(text("logged.meaningful"))
    else:
        from kithkin.domain.dates import day_label

        say(text("logged.meaningful_on", day=day_label(item.day, today)))


class LogUnknownName(InputError):
    """`log --with NAME` for someone not in your people (the hint names the ways on)."""

    key = "log_unknown_name"


class LogNeedsWho(InputError):
    """`log` without --with, --with-other or --alone: never counted by accident."""

    key = "log_needs_who"


def _state(ctx: typer.Context) -> State:
    state = ctx.obj
    assert isinstance(state, State)
    return state


BARRIER_KEYS = {"l": "little_time", "i": "introversion", "s": "social_anxiety", "n": "none"}


def _check_given(
    timezone: str | None,
    goal: int | None,
    rest: int | None,
    weekday: int | None,
    weekend: int | None,
) -> None:
    """Reject bad flags before asking anything (a bad value fails fast, with nothing written)."""
    from kithkin.domain.model import Profile
    from kithkin.domain.timeutil import zone

    if timezone is not None:
        zone(timezone)
    given: dict[str, Any] = {
        "daily_goal": goal,
        "rest_days_per_week": rest,
        "weekday_minutes": weekday,
        "weekend_minutes": weekend,
    }
    Profile(**{k: v for k, v in given.items() if v is not None})


def init(
    ctx: typer.Context,
    timezone: Annotated[
        str | None, typer.Option(help="Your time zone, e.g. Europe/Berlin.")
    ] = None,
    goal: Annotated[int | None, typer.Option(help="Meaningful connections a day (1-10).")] = None,
    rest_days: Annotated[int | None, typer.Option(help="Rest days a week (0-6).")] = None,
    weekday_minutes: Annotated[
        int | None, typer.Option(help="Minutes a weekday has for connecting (0-600).")
    ] = None,
    weekend_minutes: Annotated[
        int | None, typer.Option(help="Minutes a weekend day has for connecting (0-600).")
    ] = None,
    barrier: Annotated[
        list[str] | None,
        typer.Option(help="little_time, introversion, social_anxiety or none (repeatable)."),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; use defaults.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Set up your profile: time zone, daily goal, barriers, time you have."""
    from kithkin.services.profiles import init_profile, parse_barriers

    app = _state(ctx).app
    _check_given(timezone, goal, rest_days, weekday_minutes, weekend_minutes)
    if not yes:
        if timezone is None:
            timezone = ask_zone(system_zone(dict(os.environ)))
        if goal is None:
            goal = ask_number(text("init.ask_goal"), *limits.DAILY_GOAL, 1)
        if weekday_minutes is None:
            weekday_minutes = ask_number(text("init.ask_weekday"), *limits.DAY_MINUTES, 15)
        if weekend_minutes is None:
            weekend_minutes = ask_number(text("init.ask_weekend"), *limits.DAY_MINUTES, 45)
        if barrier is None:
            barrier = [ask_choice(text("init.ask_barrier"), BARRIER_KEYS, "n")]
    barriers = parse_barriers(barrier) if barrier is not None else None
    with app.uow(write=True) as uow:
        first_steps = not uow.people.name_entries()  # nobody yet: say what comes next
        profile = init_profile(
            uow=uow,
            now=app.now(),
            timezone=timezone,
            daily_goal=goal,
            rest_days_per_week=rest_days,
            weekday_minutes=weekday_minutes,
            weekend_minutes=weekend_minutes,
            barriers=barriers,
        )
    if json_out:
        from kithkin.services.serial.profile import profile_dict

        emit_json(profile_dict(profile))
    else:
        say(text("init.done", goal=profile.daily_goal))
        if first_steps:
            say(text("init.next"))


def today(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Your day: Power of One, today's plan, streak, follow-ups, birthdays, who is due."""
    from kithkin.services.suggestions import stored_plan, todays_plan
    from kithkin.services.today import today as today_view

    app = _state(ctx).app
    now = app.now()
    lean = app.lean_uow()
    if lean is not None:  # on SQLite, read without loading SQLAlchemy when it can
        from kithkin.storage.lean import NeedsFullPath

        try:
            with lean as reader:  # a DailyPlanReads: mypy checks the reads below against it
                view, stored = today_view(uow=reader, now=now), stored_plan(uow=reader, now=now)
                calendars = reader.calendars.find()
            if stored is None:
                raise NeedsFullPath("today's plan is not made yet")
            plan = stored
        except NeedsFullPath:  # a first look today (the plan is made), an upgrade, ...
            lean = None
    if lean is None:
        with app.uow(write=True) as full:  # today's plan is stored on first sight
            view, plan = today_view(uow=full, now=now), todays_plan(uow=full, now=now)
            calendars = full.calendars.find()
    unreadable = unreadable_calendars(calendars, limit_mb=app.settings.max_file_mb)
    if view.questionnaires_due:  # suggested only when it can be taken, as on the web
        from kithkin.formats.questionnaire_items import only_takeable

        view = only_takeable(view, app.item_places())
    if json_out:
        data = {**view.as_dict(), "suggestions": [s.as_dict() for s in plan.suggestions]}
        emit_json({**data, "unreadable_calendars": [u.as_dict() for u in unreadable]})
        return
    from kithkin.cli.views import show_plan, show_today

    show_unreadable(unreadable)
    show_today(view)
    show_plan(plan, header=text("plan.header"))


def log(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="text, call, coffee, walk_run, ... (see 'kinds').")],
    with_: Annotated[
        list[str] | None, typer.Option("--with", "-w", help="Who (name or #id; repeatable).")
    ] = None,
    with_other: Annotated[
        str, typer.Option(help="A weak tie not in your people: 'barista', 'neighbour'.")
    ] = "",
    minutes: Annotated[int | None, typer.Option(help="How long, in minutes.")] = None,
    quality: Annotated[int | None, typer.Option(help="How good it felt, 1-5.")] = None,
    mood_before: Annotated[int | None, typer.Option(help="Mood before, 1-10.")] = None,
    mood_after: Annotated[int | None, typer.Option(help="Mood after, 1-10.")] = None,
    note: Annotated[str, typer.Option(help="What you talked about, what they told you.")] = "",
    at: Annotated[str | None, typer.Option(help="When: 'yesterday 18:30', '14:00', ISO.")] = None,
    tz: Annotated[
        str | None, typer.Option("--tz", help="The zone you were in, when travelling.")
    ] = None,
    not_meaningful: Annotated[
        bool, typer.Option("--not-meaningful", help="Log it without counting it for the goal.")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Confirm a moment more than a year ago.")
    ] = False,
    alone: Annotated[
        bool, typer.Option("--alone", help="Nobody in particular (a moment of your own).")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Log an interaction (with --with, --with-other or --alone)."""
    from kithkin.services.interactions import Logged, OldInteraction, log_interaction
    from kithkin.services.people import interaction_dict

    if not with_ and not with_other.strip() and not alone:
        raise LogNeedsWho()
    app = _state(ctx).app
    given: dict[str, Any] = {
        "now": app.now(),
        "kind_id": kind,
        "with_names": with_ or [],
        "with_other": with_other,
        "minutes": minutes,
        "meaningful": not not_meaningful,
        "quality": quality,
        "mood_before": mood_before,
        "mood_after": mood_after,
        "note": note,
        "when": at,
        "timezone": tz,
    }
    from kithkin.domain.errors import UnknownName

    def write(confirm_old: bool) -> Logged:
        with app.uow(write=True) as uow:
            return log_interaction(uow=uow, confirm_old=confirm_old, **given)

    try:
        try:
            logged = write(yes)
        except OldInteraction as exc:  # asked with no transaction open: nothing waits on it
            if yes or not interactive() or not typer.confirm(exc.message, err=True):
                raise
            logged = write(True)
    except UnknownName as exc:  # someone new: say how to add them, or log them as a weak tie
        import shlex

        name = str(exc.params.get("name", ""))
        raise LogUnknownName(**exc.params, quoted=shlex.quote(name)) from None
    names = {p.id: p.display_name for p in logged.people if p.id is not None}
    if json_out:
        emit_json(interaction_dict(logged.interaction, names))
        return
    item = logged.interaction
    who = ", ".join([*names.values(), *([item.with_other] if item.with_other else [])])
    from kithkin.domain.dates import day_label
    from kithkin.domain.model import KINDS

    day = day_label(item.day, logged.today)
    say(text("logged", kind=KINDS[item.kind].label, with_=who or text("nobody"), day=day))
    say_counts(item, today=logged.today)


def kinds(json_out: JsonOpt = False) -> None:
    """The kinds of interaction you can log."""
    from kithkin.domain.model import KINDS

    if json_out:
        emit_json([{"id": k.id, "label": k.label, "mode": k.mode.value} for k in KINDS.values()])
        return
    table(None, ["kind", "what", "minutes"], [[k.id, k.label, k.minutes] for k in KINDS.values()])


def checkin(
    ctx: typer.Context,
    mood: Annotated[
        int | None, typer.Option(help="Mood now, 1 (low) to 10 (great); asked when left out.")
    ] = None,
    stress: Annotated[
        int | None,
        typer.Option(help="Stress now, 1 (calm) to 10 (overwhelmed); asked when left out."),
    ] = None,
    energy: Annotated[int | None, typer.Option(help="Energy, 1-10.")] = None,
    sleep: Annotated[float | None, typer.Option(help="Hours slept.")] = None,
    note: Annotated[str | None, typer.Option(help="Anything to remember about today.")] = None,
    date: Annotated[str | None, typer.Option(help="Which day (default today).")] = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(
            help="Remove a stored value: energy, sleep or note (repeat for more than one).",
            show_default=False,
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """The daily check-in: mood and stress, then energy, sleep and a note if you like.

    The day's first check-in needs mood and stress (asked when left out). A second one that day
    changes only what it names and keeps the rest; use --clear energy (or sleep, note) to
    remove a value.
    """
    from kithkin.services.checkins import check_in

    app = _state(ctx).app
    named = (mood, stress, energy, sleep, note)
    if all(v is None for v in named) and not clear:  # no options: ask (a bad answer re-asks)
        mood = ask_number(text("checkin.ask_mood"), 1, 10)
        stress = ask_number(text("checkin.ask_stress"), 1, 10)
    with app.uow(write=True) as uow:
        result = check_in(
            uow=uow,
            now=app.now(),
            mood=mood,
            stress=stress,
            energy=energy,
            sleep_hours=sleep,
            note=note,
            day=date,
            clear=clear or (),
        )
    c = result.checkin
    if json_out:
        from kithkin.services.serial.checkin import checkin_dict

        emit_json(checkin_dict(result))
        return
    key = "checkin.saved" if result.created else "checkin.updated"
    from kithkin.domain.dates import day_label

    shown = day_label(c.day, c.day if date is None else None)  # no --date: today's
    say(text(key, day=shown, mood=c.mood, stress=c.stress))


followup_app = typer.Typer(help="Things to ask or do for someone.", no_args_is_help=True)


@followup_app.command("add")
def followup_add(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Name or #id.")],
    what: Annotated[str, typer.Argument(help="e.g. 'ask how the marathon went'.")],
    due: Annotated[str | None, typer.Option(help="By when (YYYY-MM-DD, 'today', ...).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Remember to follow up with someone."""
    from kithkin.services.followups import add_followup
    from kithkin.services.people import followup_dict

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        view = add_followup(uow=uow, now=app.now(), person=person, text=what, due=due)
    if json_out:
        emit_json({**followup_dict(view.followup), "person": view.person.display_name})
        return
    f = view.followup
    say(text("followup.added", id=f.id, name=view.person.display_name, text=f.text))


@followup_app.command("list")
def followup_list(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Option(help="Only for this person.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include done ones.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Open follow-ups, soonest first."""
    from kithkin.services.followups import list_followups
    from kithkin.services.people import followup_dict

    app = _state(ctx).app
    with app.uow() as uow:
        views = list_followups(uow=uow, person=person, include_done=all_)
    if json_out:
        emit_json([{**followup_dict(v.followup), "person": v.person.display_name} for v in views])
        return
    rows = [
        [
            v.followup.id,
            v.person.display_name,
            v.followup.text,
            v.followup.due or "",
            "yes" if v.followup.done else "",
        ]
        for v in views
    ]
    table(None, ["#", "who", "what", "due", "done"], rows)


@followup_app.command("done")
def followup_done(
    ctx: typer.Context,
    followup_id: Annotated[int, typer.Argument(help="The follow-up's number.")],
    undo: Annotated[bool, typer.Option("--undo", help="Mark it open again.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Mark a follow-up done."""
    from kithkin.services.followups import complete_followup
    from kithkin.services.people import followup_dict

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        view = complete_followup(uow=uow, followup_id=followup_id, done=not undo)
    if json_out:
        emit_json({**followup_dict(view.followup), "person": view.person.display_name})
        return
    say(text("followup.done", id=followup_id))


def demo(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(min=14, max=3650, help="Days of history.")] = 120,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 7,
    timezone: Annotated[str, typer.Option(help="The demo user's time zone.")] = "UTC",
    json_out: JsonOpt = False,
) -> None:
    """Fill an empty database with a realistic demo life."""
    from kithkin.services.demo import fill_demo

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        summary = fill_demo(uow=uow, now=app.now(), days=days, seed=seed, timezone=timezone)
    if json_out:
        emit_json(
            {
                "people": summary.people,
                "interactions": summary.interactions,
                "checkins": summary.checkins,
            }
        )
        return
    say(
        text(
            "demo.done",
            people=summary.people,
            interactions=summary.interactions,
            checkins=summary.checkins,
        )
    )


db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Bring a database (hosted PostgreSQL too) to the latest schema."""
    from kithkin.storage.engine import make_engine
    from kithkin.storage.revision import HEAD
    from kithkin.storage.schema import upgrade

    state = _state(ctx)
    from kithkin.config import load_settings

    settings = load_settings(state.environ, state.overrides)
    engine = make_engine(settings.database_url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    say(text("db.upgraded", revision=HEAD))


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(today)
    app.command()(log)
    app.command()(kinds)
    app.command()(checkin)
    app.command()(demo)
    app.add_typer(followup_app, name="followup")
    app.add_typer(db_app, name="db")
