"""``kithkin insights`` (your patterns, optionally as an SVG chart) and ``kithkin experiment``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say, table
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.domain.insights import Comparison
    from kithkin.services.experiments import ExperimentStatus
    from kithkin.services.insights import InsightsResult


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


def _verdict(claimed: bool) -> str:
    return text("insights.verdict.clear" if claimed else "insights.verdict.unclear")


def _range(low: float | None, high: float | None, level: float) -> str:
    return f"{_fmt(low)} to {_fmt(high)} ({level * 100:.1f}%)"


def _row(label: str, c: Comparison) -> list[object]:
    if c.delta is None:
        return [label, "not enough data", "", c.n_social, c.n_non_social, "", ""]
    return [
        label,
        _fmt(c.delta),
        _range(c.ci_low, c.ci_high, c.ci_level),
        c.n_social,
        c.n_non_social,
        _verdict(c.effect_claimed),
        ("rough" if c.label else ""),
    ]


def _bars(result: InsightsResult) -> list[Any]:
    from kithkin.formats.svg import Bar

    return [
        Bar(c.measure, c.delta, c.ci_low, c.ci_high)
        for c in result.insights.social
        if c.delta is not None
    ]


def chart_svg(result: InsightsResult) -> str:
    from kithkin.formats.svg import bar_chart

    return bar_chart(
        _bars(result),
        title=text("insights.chart_title"),
        description=text("insights.chart_desc"),
        y_label=text("insights.chart_axis"),
        empty_text=text("insights.chart_empty"),
    )


def chart_png(result: InsightsResult) -> bytes:
    from kithkin.formats.png import bar_chart_png

    return bar_chart_png(
        _bars(result),
        title=text("insights.chart_title"),
        y_label=text("insights.chart_axis"),
        empty_text=text("insights.chart_empty"),
    )


def write_chart(result: InsightsResult, path: Path) -> None:
    if path.suffix.lower() == ".png":
        path.write_bytes(chart_png(result))
    else:
        path.write_text(chart_svg(result), encoding="utf-8")


def _group(key: str) -> str:
    """The words for a comparison group ("in_person" -> "In person"), shared with the web."""
    from kithkin.messages import TEXT

    return TEXT.get(f"web.insights.group.{key}", key)


def show(result: InsightsResult) -> None:
    from kithkin.services.insights import message_text

    ins = result.insights
    say(text("insights.header", days=ins.n_days))
    for m in ins.summary:
        say(message_text(m))
    cols = ["", "difference", "range (level)", "days with", "days without", "verdict", ""]
    # a table only when one of its rows has a result: the summary above already says what is
    # still missing, and rows of 'not enough data' teach a new user nothing
    if any(c.delta is not None for c in ins.social):
        table(None, cols, [_row(c.measure, c) for c in ins.social])
    by_mode = [c for c in ins.by_mode if c.measure == "mood"]
    if any(c.delta is not None for c in by_mode):
        table(text("insights.by_mode_header"), cols, [_row(_group(c.group), c) for c in by_mode])
    by_dose = [c for c in ins.by_dose if c.measure == "mood"]
    if any(c.delta is not None for c in by_dose):
        table(text("insights.by_dose_header"), cols, [_row(_group(c.group), c) for c in by_dose])
    if ins.by_person:
        table(
            text("insights.by_person_header"),
            ["who", "mood change", "range (level)", "times", "verdict"],
            [
                [
                    result.names.get(p.person_id, "?"),
                    _fmt(p.mean_change),
                    _range(p.ci_low, p.ci_high, p.ci_level),
                    p.n,
                    _verdict(p.effect_claimed),
                ]
                for p in ins.by_person
            ],
        )
    if result.questionnaires:
        rows = [
            [name, d, raw, pct]
            for name, pts in result.questionnaires.items()
            for d, raw, pct in pts
        ]
        table(text("insights.questionnaires_header"), ["", "date", "score", "%"], rows[-12:])
    if result.weeks:
        rows = [
            [
                w.week_end,
                w.days_met,
                w.streak,
                "" if w.network_share is None else f"{round(w.network_share * 100)}%",
            ]
            for w in result.weeks[-6:]
        ]
        table(text("insights.weekly_header"), ["week to", "days met", "streak", "in touch"], rows)
    if result.evidence:
        say(text("insights.evidence_header"))
        for card in result.evidence:
            say(f"- {card.claim} ({card.citation})")


def show_over_time(result: InsightsResult, days: int) -> None:
    from kithkin.formats.mood_chart import weekly_rows

    rows = [
        [
            f"{w.first} to {w.last}",
            "" if w.mood is None else f"{w.mood:.1f}",
            "" if w.stress is None else f"{w.stress:.1f}",
            w.check_ins,
            w.social_days,
        ]
        for w in weekly_rows(result.window(days))
    ]
    cols = ["week", "mood", "stress", "check-ins", "days connected"]
    table(text("insights.time.header", days=days), cols, rows)


def insights(
    ctx: typer.Context,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Also save a chart (FILE.svg or FILE.png).")
    ] = None,
    over_time: Annotated[
        int | None,
        typer.Option(
            "--over-time",
            help="Mood and stress over the last 30, 90 or 365 days (with --chart: FILE.svg).",
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Your patterns: mood and stress on days you connected, by kind, dose and person."""
    from kithkin.services.insights import WINDOWS, personal_insights

    if chart is not None and chart.suffix.lower() not in (".svg", ".png"):
        from kithkin.services.insights import ChartFormat

        raise ChartFormat(path=str(chart))
    if over_time is not None:
        from kithkin.domain.model import check_choice

        check_choice("--over-time", str(over_time), [str(w) for w in WINDOWS])
        if chart is not None and chart.suffix.lower() != ".svg":
            from kithkin.services.insights import TimelineFormat

            raise TimelineFormat(path=str(chart))
    app = _state(ctx).app
    with app.uow() as uow:
        result = personal_insights(uow=uow, now=app.now())
    if chart is not None and over_time is not None:
        from kithkin.formats.mood_chart import mood_over_time_svg

        chart.write_text(mood_over_time_svg(result.window(over_time), days=over_time), "utf-8")
    elif chart is not None:
        write_chart(result, chart)
    if json_out:
        emit_json(result.as_dict())
        return
    show(result)
    if over_time is not None:
        show_over_time(result, over_time)
    if chart is not None and over_time is not None:
        say(text("insights.time.saved", days=over_time, path=str(chart)))
    elif chart is not None:
        say(text("insights.chart_saved", path=str(chart)))


experiment_app = typer.Typer(
    help="A connection experiment: a coin picks challenge days; compare your mood.",
    no_args_is_help=True,
)


def _show_status(view: ExperimentStatus) -> None:
    e = view.experiment
    if view.day_number is not None and e.active:
        key = "experiment.status_challenge" if view.challenge_today else "experiment.status_usual"
        say(text(key, day=view.day_number, days=e.days))
    else:
        say(text("experiment.status_outside", start=e.start_day, end=view.end_day))
    say(text("experiment.progress", done=view.days_done, challenge=view.challenge_days_done))


@experiment_app.command("plan")
def plan(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """How many days an experiment needs (80% power for a 1-point difference)."""
    from kithkin.services.experiments import length_plan, plan_message
    from kithkin.services.insights import message_text

    app = _state(ctx).app
    with app.uow() as uow:
        found = length_plan(uow=uow, now=app.now())
    if json_out:
        emit_json(found.as_dict())
        return
    say(message_text(plan_message(found)))


@experiment_app.command("start")
def start(
    ctx: typer.Context,
    days: Annotated[
        int | None,
        typer.Option(help="How many days (14-366); default: enough for 80% power (see 'plan')."),
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Seed for the coin (reproducible).")] = None,
    consent: Annotated[
        bool, typer.Option("--consent", help="I agree to take part (required).")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Start an experiment: the coin flips for every day are made now and stored."""
    from kithkin.services.experiments import length_plan, plan_message
    from kithkin.services.experiments import start as start_it
    from kithkin.services.insights import message_text

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        found = length_plan(uow=uow, now=app.now())
        view = start_it(uow=uow, now=app.now(), consent=consent, days=days, seed=seed)
    if json_out:
        emit_json({**view.as_dict(), "plan": found.as_dict()})
        return
    say(message_text(plan_message(found)))
    say(
        text(
            "experiment.started",
            start=view.experiment.start_day,
            end=view.end_day,
            days=view.experiment.days,
        )
    )
    _show_status(view)


@experiment_app.command("status")
def status(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Today's assignment and how far along you are."""
    from kithkin.services.experiments import status as status_of

    app = _state(ctx).app
    with app.uow() as uow:
        view = status_of(uow=uow, now=app.now())
    if json_out:
        emit_json(view.as_dict())
        return
    _show_status(view)


@experiment_app.command("report")
def report(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """What the experiment shows so far, and what its design can and cannot say."""
    from kithkin.services.experiments import report as report_of
    from kithkin.services.insights import message_text

    app = _state(ctx).app
    with app.uow() as uow:
        result = report_of(uow=uow, now=app.now())
    if json_out:
        data = result.as_dict()
        data["report"]["messages"] = [
            {**m.as_dict(), "text": message_text(m)} for m in result.report.messages
        ]
        emit_json(data)
        return
    _show_status(result.status)
    for m in result.report.messages:
        say(message_text(m))


@experiment_app.command("stop")
def stop(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """End the running experiment early (its days so far still count)."""
    from kithkin.services.experiments import stop as stop_it

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        view = stop_it(uow=uow, now=app.now())
    if json_out:
        emit_json(view.as_dict())
        return
    say(text("experiment.stopped"))


def register(app: typer.Typer) -> None:
    app.command()(insights)
    app.add_typer(experiment_app, name="experiment")
