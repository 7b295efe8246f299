"""`kithkin triage`: decide quickly what happens to people an import brought in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say, table
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.bootstrap import App

Names = Annotated[list[str] | None, typer.Option(help="A name or id (repeatable).")]
KEYS = {"i": "inner", "c": "close", "f": "friends", "w": "wider"}


def triage(
    ctx: typer.Context,
    keep: Names = None,
    circle: Annotated[str | None, typer.Option(help="The circle for --keep.")] = None,
    wider: Names = None,
    ignore: Names = None,
    list_: Annotated[bool, typer.Option("--list", help="List who is waiting.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Walk through imported people: keep in a circle, wider network, ignore, or skip."""
    from kithkin.cli.people import new_circle_days
    from kithkin.services.people import stage_circle
    from kithkin.services.triage import TriageAction, triage_list, triage_person

    app = _state(ctx).app
    decisions = [(n, TriageAction.KEEP) for n in keep or []]
    decisions += [(n, TriageAction.WIDER) for n in wider or []]
    decisions += [(n, TriageAction.IGNORE) for n in ignore or []]
    days = new_circle_days(app, circle) if keep and not list_ else None
    if not decisions and not list_:
        _interactive(app)
        return
    with app.uow(write=bool(decisions)) as uow:
        if days is not None and circle is not None:  # --circle NEW, made at the terminal
            stage_circle(uow=uow, name=circle, cadence_days=days)
        if list_:
            waiting = triage_list(uow=uow)
            if json_out:
                emit_json([{"id": p.id, "name": p.name} for p in waiting])
            elif waiting:
                table(None, ["#", "name"], [[p.id, p.name] for p in waiting])
            else:
                say(text("triage.empty"))
            return
        done = []
        for name, action in decisions:
            person = triage_person(uow=uow, ref=name, action=action, circle=circle)
            done.append(
                {
                    "id": person.id,
                    "name": person.name,
                    "action": action.value,
                    "circle": person.circle,
                }
            )
        if json_out:
            emit_json(done)
        else:
            for d in done:
                say(text("triage.done", name=d["name"], action=d["circle"] or d["action"]))


def _interactive(app: App) -> None:
    """One question a person; each answer is saved at once in its own short transaction, so
    no prompt waits with the database locked and stopping half-way keeps what was decided."""
    from kithkin.services.triage import TriageAction, triage_list, triage_person

    with app.uow() as uow:
        waiting = triage_list(uow=uow)
    if not waiting:
        say(text("triage.empty"))
        return
    counts = {"kept": 0, "wider": 0, "ignored": 0}
    for number, person in enumerate(waiting):
        answer = _ask(text("triage.prompt", name=person.name))
        if answer == "q":
            say(text("triage.summary", **counts, left=len(waiting) - number))
            return
        if answer == "s":
            continue
        action, circle, count = {
            "n": (TriageAction.WIDER, None, "wider"),
            "x": (TriageAction.IGNORE, None, "ignored"),
        }.get(answer, (TriageAction.KEEP, KEYS.get(answer), "kept"))
        with app.uow(write=True) as uow:
            triage_person(uow=uow, ref=person.id or 0, action=action, circle=circle)
        counts[count] += 1
    left = len(waiting) - sum(counts.values())
    say(text("triage.summary", **counts, left=left))


ANSWERS = frozenset({*KEYS, "n", "x", "s", "q"})


def _ask(question: str) -> str:
    """One of the letters the prompt shows (or its word); a bad answer is asked again at once."""
    words = {"skip": "s", "quit": "q", "ignore": "x", **{v: k for k, v in KEYS.items()}}
    while True:
        answer = str(typer.prompt(question, default="s")).strip().lower()
        answer = words.get(answer, answer)
        if answer in ANSWERS:
            return answer
        typer.echo(text("prompt.choice", choices=", ".join(sorted(ANSWERS))), err=True)


def register(app: typer.Typer) -> None:
    app.command("triage")(triage)
