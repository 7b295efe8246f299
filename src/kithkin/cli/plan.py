"""The planner's commands: plan, suggest, done, skip, snooze, actions, ladder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from kithkin.cli.basics import say_counts
from kithkin.cli.render import emit_json, say
from kithkin.cli.state import State
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.domain.ladder import Step
    from kithkin.services.ladders import LadderView

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
Number = Annotated[int, typer.Argument(help="The suggestion's number in today's plan.")]


def _state(ctx: typer.Context) -> State:
    state = ctx.obj
    assert isinstance(state, State)
    return state


def plan(
    ctx: typer.Context,
    week: Annotated[bool, typer.Option("--week", help="Spread the next 7 days.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Today's plan (or, with --week, ideas for the next seven days)."""
    from kithkin.cli.views import show_plan
    from kithkin.domain.dates import long_day
    from kithkin.services.suggestions import todays_plan, week_plan

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        views = week_plan(uow=uow, now=app.now()) if week else [todays_plan(uow=uow, now=app.now())]
    if json_out:
        emit_json([v.as_dict() for v in views] if week else views[0].as_dict())
        return
    for view in views:
        show_plan(view, header=text("plan.week_header", day=long_day(view.day)))


def suggest(
    ctx: typer.Context,
    minutes: Annotated[int, typer.Option(help="Minutes you have right now.")] = 5,
    json_out: JsonOpt = False,
) -> None:
    """The best thing to do right now with the minutes you have."""
    from kithkin.cli.views import show_suggestion
    from kithkin.services.suggestions import suggest as suggest_now

    app = _state(ctx).app
    with app.uow() as uow:
        found = suggest_now(uow=uow, now=app.now(), minutes=minutes)
    if json_out:
        emit_json(None if found is None else found.as_dict())
        return
    if found is None:
        say(text("suggest.none"))
        return
    show_suggestion(found)


def done(
    ctx: typer.Context,
    number: Number,
    minutes: Annotated[int | None, typer.Option(help="How long, in minutes.")] = None,
    quality: Annotated[int | None, typer.Option(help="How good it felt, 1-5.")] = None,
    mood_before: Annotated[int | None, typer.Option(help="Mood before, 1-10.")] = None,
    mood_after: Annotated[int | None, typer.Option(help="Mood after, 1-10.")] = None,
    note: Annotated[str, typer.Option(help="What you talked about.")] = "",
    at: Annotated[str | None, typer.Option(help="When: 'yesterday 18:30', '14:00', ISO.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Mark suggestion N of today's plan done and log it as an interaction."""
    from kithkin.domain.model import KINDS
    from kithkin.services.people import interaction_dict
    from kithkin.services.suggestions import mark_done

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        result = mark_done(
            uow=uow,
            now=app.now(),
            number=number,
            minutes=minutes,
            quality=quality,
            mood_before=mood_before,
            mood_after=mood_after,
            note=note,
            when=at,
        )
    s, item = result.suggestion, result.interaction
    names = {s.person.id: s.person.display_name} if s.person and s.person.id else {}
    if json_out:
        emit_json({"suggestion": s.as_dict(), "interaction": interaction_dict(item, names)})
        return
    who = s.person.display_name if s.person else item.with_other
    say(text("done.logged", title=s.title, kind=KINDS[item.kind].label, with_=who))
    say_counts(item, today=result.today)


def skip(ctx: typer.Context, number: Number, json_out: JsonOpt = False) -> None:
    """Set suggestion N aside today (that person sinks in the plan for a few days)."""
    from kithkin.services.suggestions import skip as skip_it

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        s = skip_it(uow=uow, now=app.now(), number=number)
    if json_out:
        emit_json(s.as_dict())
    elif s.person is not None:
        say(text("skip.done", title=s.title, name=s.person.display_name))
    else:
        say(text("skip.done_weak", title=s.title))


def snooze(
    ctx: typer.Context,
    number: Number,
    days: Annotated[int, typer.Option(help="For how many days (1-60).")] = 3,
    json_out: JsonOpt = False,
) -> None:
    """Hide suggestion N's person from the plan for a few days."""
    from kithkin.services.suggestions import snooze as snooze_it

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        s = snooze_it(uow=uow, now=app.now(), number=number, days=days)
    if json_out:
        emit_json(s.as_dict())
        return
    from kithkin.domain.dates import day_label

    until = day_label(s.snoozed_until, year=False) if s.snoozed_until else ""
    say(text("snooze.done", until=until, title=s.title))


actions_app = typer.Typer(help="The catalogue of micro-interactions, and your own.")


@actions_app.command("list")
def actions_list(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Every action the planner can suggest (yours are marked custom)."""
    from kithkin.cli.render import table
    from kithkin.domain.catalogue import action_to_mapping
    from kithkin.services.planning import load_actions

    app = _state(ctx).app
    with app.uow() as uow:
        found = load_actions(uow=uow)
    if json_out:
        emit_json([{**action_to_mapping(a), "custom": a.custom} for a in found])
        return
    rows = [
        [a.id, a.title, a.minutes, a.channel, a.anxiety, "yes" if a.custom else ""] for a in found
    ]
    table(None, ["id", "title", "minutes", "channel", "anxiety", "custom"], rows)


@actions_app.command("add")
def actions_add(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Option("--id", help="lower_case_id, unique.")],
    title: Annotated[str, typer.Option(help="Short title.")],
    how: Annotated[str, typer.Option(help="How to do it, in a sentence or two.")],
    minutes: Annotated[int, typer.Option(help="2, 5, 10, 20, 30, 60 or 90.")],
    channel: Annotated[str, typer.Option(help="async_message, voice_message, call, ...")],
    kind: Annotated[str, typer.Option(help="The interaction kind it logs as.")],
    social_load: Annotated[int, typer.Option(help="1 (light) to 3.")] = 1,
    anxiety: Annotated[int, typer.Option(help="1 (very easy) to 5.")] = 1,
    group: Annotated[str, typer.Option(help="one_to_one, small_group or group.")] = "one_to_one",
    selfcare: Annotated[list[str] | None, typer.Option(help="walk, run, ... (repeat).")] = None,
    needs: Annotated[list[str] | None, typer.Option(help="phone, same_city, ...")] = None,
    weak_tie: Annotated[bool, typer.Option("--weak-tie", help="Done with a weak tie.")] = False,
    occasion: Annotated[str, typer.Option(help="Offered only on this occasion.")] = "",
    json_out: JsonOpt = False,
) -> None:
    """Add your own action (same fields as the built-in catalogue)."""
    from kithkin.domain.catalogue import action_to_mapping
    from kithkin.services.planning import add_action

    fields: dict[str, Any] = {
        "id": action_id,
        "title": title,
        "how": how,
        "minutes": minutes,
        "channel": channel,
        "social_load": social_load,
        "anxiety": anxiety,
        "group": group,
        "kind": kind,
        "selfcare": selfcare or [],
        "needs": needs or [],
        "weak_tie": weak_tie,
    }
    if occasion:
        fields["occasion"] = occasion
    app = _state(ctx).app
    with app.uow(write=True) as uow:
        action = add_action(uow=uow, now=app.now(), fields=fields)
    if json_out:
        emit_json({**action_to_mapping(action), "custom": True})
        return
    say(text("actions.added", id=action.id, title=action.title))


ladder_app = typer.Typer(help="An exposure ladder for social anxiety, one step at a time.")


def _show_ladder(view: LadderView, json_out: bool) -> None:
    from kithkin.cli.views import show_ladder

    if json_out:
        emit_json(view.as_dict())
    else:
        show_ladder(view)


@ladder_app.command("create")
def ladder_create(
    ctx: typer.Context,
    goal: Annotated[
        str | None, typer.Option(help="What you are working towards (asked when left out).")
    ] = None,
    step: Annotated[
        list[str] | None,
        typer.Option(
            help="'description|feared prediction|predicted 0-100' (8-15; asked when left out)."
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Build a ladder of 8-15 situations, easiest first (asks for them when not given)."""
    from kithkin.services.ladders import create_ladder, create_ladder_from_steps

    app = _state(ctx).app
    if goal is None:
        goal = _ask_text(text("ladder.ask_goal"), "ladder goal")
    asked = None if step else _ask_steps()  # asked before the write transaction opens
    with app.uow(write=True) as uow:
        if asked is None:
            view = create_ladder(uow=uow, now=app.now(), goal=goal, steps=step or [])
        else:
            view = create_ladder_from_steps(uow=uow, now=app.now(), goal=goal, steps=asked)
    if json_out:
        emit_json(view.as_dict())
        return
    say(text("ladder.created", steps=len(view.ladder.steps), goal=view.ladder.goal))


def _ask_text(question: str, field: str, *, blank: bool = False) -> str:
    """Ask until the answer is a usable text (blank only when ``blank`` allows it)."""
    from kithkin.domain.errors import InputError
    from kithkin.domain.model import check_text

    while True:
        answer = str(typer.prompt(question, default="" if blank else None, show_default=False))
        if blank and not answer.strip():
            return ""
        try:
            return check_text(field, answer)
        except InputError as exc:
            typer.echo(exc.message, err=True)


def _ask_steps() -> list[Step]:
    """The ladder's situations, one by one; a bad answer is asked again at once (#15)."""
    from kithkin.cli.ask import ask_number
    from kithkin.domain.ladder import MAX_STEPS, MIN_STEPS, Step

    say(text("ladder.ask_intro", low=MIN_STEPS, high=MAX_STEPS))
    steps: list[Step] = []
    while len(steps) < MAX_STEPS:
        number = len(steps) + 1
        finish = len(steps) >= MIN_STEPS
        key = "ladder.ask_step_or_finish" if finish else "ladder.ask_step"
        description = _ask_text(text(key, number=number), "step description", blank=finish)
        if not description:
            break
        fear = _ask_text(text("ladder.ask_fear"), "feared prediction", blank=True)
        anxiety = ask_number(text("ladder.ask_anxiety"), 0, 100)
        steps.append(Step(description, fear, anxiety))
    return steps


@ladder_app.command("show")
def ladder_show(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Your steps, where you are, and how predictions compare with what happened."""
    from kithkin.services.ladders import show_ladder

    app = _state(ctx).app
    with app.uow() as uow:
        view = show_ladder(uow=uow)
    _show_ladder(view, json_out)


@ladder_app.command("before")
def ladder_before(
    ctx: typer.Context,
    step: Annotated[int, typer.Option(help="The step number.")],
    prediction: Annotated[str, typer.Option(help="What you fear will happen.")],
    belief: Annotated[int, typer.Option(help="How much you believe it, 0-100.")],
    predicted_peak: Annotated[int, typer.Option(help="Expected anxiety peak, 0-100.")],
    json_out: JsonOpt = False,
) -> None:
    """Before an attempt: your prediction. Prints the attempt's id."""
    from kithkin.services.ladders import record_before

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        attempt_id = record_before(
            uow=uow,
            now=app.now(),
            step=step,
            prediction=prediction,
            belief=belief,
            predicted_peak=predicted_peak,
        )
    if json_out:
        from kithkin.services.serial.ladder import attempt_before_dict

        emit_json(attempt_before_dict(attempt_id, step))
        return
    say(text("ladder.before_saved", id=attempt_id))


@ladder_app.command("after")
def ladder_after(
    ctx: typer.Context,
    attempt: Annotated[int, typer.Argument(help="The attempt's id (from 'ladder before').")],
    peak: Annotated[int, typer.Option(help="Actual anxiety peak, 0-100.")],
    happened: Annotated[str, typer.Option(help="What actually happened.")],
    came_true: Annotated[str, typer.Option(help="Did the prediction come true? yes|partly|no")],
    belief_after: Annotated[int, typer.Option(help="Belief in the prediction now, 0-100.")],
    learned: Annotated[str, typer.Option(help="What you learned.")] = "",
    json_out: JsonOpt = False,
) -> None:
    """After an attempt: what happened. Also logs it as an interaction."""
    from kithkin.services.ladders import record_after

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        done_attempt = record_after(
            uow=uow,
            now=app.now(),
            attempt_id=attempt,
            peak=peak,
            happened=happened,
            came_true=came_true,
            belief_after=belief_after,
            learned=learned,
        )
    a = done_attempt.attempt
    if json_out:
        from kithkin.services.serial.ladder import attempt_after_dict

        emit_json(attempt_after_dict(done_attempt))
        return
    say(text("ladder.after_saved", predicted=a.predicted_peak, actual=a.actual_peak))


@ladder_app.command("up")
def ladder_up(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Move to the next step, when it is offered (never forced)."""
    from kithkin.services.ladders import move_up

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        view = move_up(uow=uow)
    if json_out:
        emit_json(view.as_dict())
        return
    step = view.ladder.steps[view.level]
    say(text("ladder.up", level=view.level + 1, description=step.description))


@ladder_app.command("back")
def ladder_back(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Go back one step (always fine)."""
    from kithkin.services.ladders import move_back

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        view = move_back(uow=uow)
    if json_out:
        emit_json(view.as_dict())
        return
    step = view.ladder.steps[view.level]
    say(text("ladder.back", level=view.level + 1, description=step.description))


def register(app: typer.Typer) -> None:
    app.command()(plan)
    app.command()(suggest)
    app.command()(done)
    app.command()(skip)
    app.command()(snooze)
    app.add_typer(actions_app, name="actions")
    app.add_typer(ladder_app, name="ladder")
