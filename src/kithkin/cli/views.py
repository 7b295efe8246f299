"""Rich renderings of service results for people at a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kithkin.cli.render import console, table
from kithkin.messages import text

if TYPE_CHECKING:
    from datetime import date

    from kithkin.services.ladders import LadderView
    from kithkin.services.suggestions import PlanView, SuggestionView
    from kithkin.services.today import TodayView


def day_words(day: date) -> str:
    """'Mon 4 May' (in the order of the user's locale): the one date format of the web too."""
    from kithkin.domain.dates import day_label

    return day_label(day, year=False)


def show_today(view: TodayView) -> None:
    out = console()
    p = view.power
    from kithkin.domain.dates import long_day

    out.print(f"[bold]{long_day(view.day)}[/bold]")
    out.print(text(f"status.{p.status.value}"), markup=False)
    if p.streak or p.best_streak:
        out.print(
            text(
                "streak.line", streak=p.streak, best=p.best_streak, strength=round(p.strength * 100)
            ),
            markup=False,
        )
    else:
        out.print(text("streak.none"), markup=False)
    if p.consistency_30 is not None:
        out.print(text("consistency.line", percent=round(p.consistency_30 * 100)), markup=False)
    if view.in_plan:
        out.print(text("network.line", in_touch=view.in_touch, total=view.in_plan), markup=False)
    if view.followups:
        rows = [
            [f.followup.id, f.person.display_name, f.followup.text, f.followup.due or ""]
            for f in view.followups
        ]
        table(text("today.followups_header"), ["#", "who", "what", "due"], rows)
    if view.birthdays:
        rows = [[b.person.display_name, day_words(b.on), b.turns or ""] for b in view.birthdays]
        table(text("today.birthdays_header"), ["who", "when", "turns"], rows)
    if view.due:
        rows = []
        for d in view.due:
            if d.days_since is None:
                since = text("today.never")
            else:
                since = text(
                    "today.days_ago",
                    days=d.days_since,
                    circle=d.person.circle,
                    cadence=d.cadence_days,
                )
            rows.append([d.person.id, d.person.display_name, since])
        table(text("today.due_header"), ["#", "who", "why"], rows)
    elif view.in_plan:
        out.print(text("today.nothing_due"), markup=False)
    else:  # a fresh start: nobody to be in rhythm with yet
        out.print(text("today.no_people"), markup=False)
    _show_insights_extras(view)


# --- planner ---
def _status(s: SuggestionView) -> str:
    if s.status == "snoozed":
        from kithkin.domain.dates import day_label

        until = day_label(s.snoozed_until, year=False) if s.snoozed_until else ""
        return text("plan.status.snoozed", until=until)
    return text(f"plan.status.{s.status}")


def show_suggestion(s: SuggestionView, *, number: bool = False) -> None:
    out = console()
    who = s.person.display_name if s.person is not None else text("plan.weak_tie")
    head = f"{s.rank}. " if number else ""
    status = _status(s)
    tail = f"  [{status}]" if status else ""
    out.print(f"{head}{s.title} — {who} ({s.minutes} min){tail}", markup=False)
    if s.how:
        out.print(f"   {s.how}", markup=False)
    if s.reasons:
        out.print(f"   {s.reason}", markup=False)
    if s.opener:
        out.print("   " + text("plan.opener", text=s.opener), markup=False)


def show_plan(view: PlanView, *, header: str) -> None:
    out = console()
    out.print(f"[bold]{header}[/bold]")
    if not view.suggestions:
        out.print(text("plan.empty"), markup=False)
    for s in view.suggestions:
        show_suggestion(s, number=True)
    for note in view.notes:
        out.print(note.text, markup=False)


def show_ladder(view: LadderView) -> None:
    from kithkin.domain.dates import day_label

    out = console()
    out.print(f"[bold]{view.ladder.goal}[/bold]")
    step = view.ladder.steps[view.level]
    out.print(
        text(
            "ladder.level",
            level=view.level + 1,
            steps=len(view.ladder.steps),
            description=step.description,
        ),
        markup=False,
    )
    rows = [
        [i + 1, s.description, s.predicted_anxiety, "<-" if i == view.level else ""]
        for i, s in enumerate(view.ladder.steps)
    ]
    table(None, ["#", "step", "predicted", ""], rows)
    if view.trend:
        rows = [
            [day_label(p.day, weekday=False), p.step + 1, p.predicted_peak, p.actual_peak]
            for p in view.trend
        ]
        table(text("ladder.trend_header"), ["day", "step", "predicted", "actual"], rows)
    if view.offered:
        out.print(text("ladder.offer_next"), markup=False)
    if view.support:
        out.print(text("ladder.support"), markup=False)


def _show_insights_extras(view: TodayView) -> None:
    from kithkin.domain.questionnaires import INSTRUMENTS

    out = console()
    for d in view.questionnaires_due:
        inst = INSTRUMENTS[d.instrument_id]
        # only those that can be taken now are here (``formats.questionnaire_items.takeable``)
        out.print(text("today.questionnaire_due", name=inst.name, id=d.instrument_id), markup=False)
    e = view.experiment
    if e is not None:
        key = "today.experiment_challenge" if e["challenge_today"] else "today.experiment_usual"
        out.print(text(key, day=e["day_number"], days=e["days"]), markup=False)
