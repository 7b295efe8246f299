"""``kithkin assess``: take a questionnaire, see its history, set its schedule."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kithkin.cli.ask import ask_number
from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say, table
from kithkin.messages import text

assess_app = typer.Typer(
    help="Wellbeing questionnaires (WHO-5, UCLA-3, PSS-10, PSS-4, LSNS-6).",
    no_args_is_help=True,
)


def _read_items(
    instrument_id: str, items: Path | None, data_dir: Path, *, limit_mb: int
) -> str | None:
    from kithkin.formats.files import FileNotReadable, decode_utf8, read_capped
    from kithkin.services.questionnaires import ItemFileUnreadable, item_file_name

    path = items or data_dir / "items" / item_file_name(instrument_id)
    if items is None and not path.exists():
        return None
    try:
        data = read_capped(path, limit_mb=limit_mb)
    except FileNotReadable as exc:
        if items is None:
            return None
        raise ItemFileUnreadable(path=str(path), reason=exc.params["reason"]) from None
    return decode_utf8(data, path=path)


def _ask(instrument_id: str, questions: tuple[str, ...]) -> list[int]:
    from kithkin.domain.questionnaires import INSTRUMENTS

    inst = INSTRUMENTS[instrument_id]
    if inst.stem:
        say(inst.stem)
    labels = ", ".join(
        f"{v} = {inst.label(v)}" for v in range(inst.answer_min, inst.answer_max + 1)
    )
    answers = []
    for number, question in enumerate(questions, start=1):
        say(f"{number}. {question}")
        say(f"   {labels}")
        # a bad answer is asked again at once, not reported after the last question (#15)
        question_text = text("assess.answer_prompt", low=inst.answer_min, high=inst.answer_max)
        answers.append(ask_number(question_text, inst.answer_min, inst.answer_max))
    return answers


@assess_app.command("take")
def take(
    ctx: typer.Context,
    instrument: Annotated[str, typer.Argument(help="who5, ucla3-3pt, pss10, pss4 or lsns6.")],
    answers: Annotated[
        str | None, typer.Option(help="All answers at once, in item order: 3,3,2,2,3.")
    ] = None,
    items: Annotated[
        Path | None, typer.Option("--items", help="Question file (one per line) for PSS/LSNS.")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Answer a questionnaire (interactively, or with --answers)."""
    from kithkin.domain.questionnaires import INSTRUMENTS
    from kithkin.domain.questionnaires import instrument as find
    from kithkin.services.questionnaires import parse_answers, questions
    from kithkin.services.questionnaires import take as take_it

    app = _state(ctx).app
    inst = find(instrument)
    if answers is not None:
        given = parse_answers(answers)
    else:
        data_dir = app.settings.data_dir
        supplied = _read_items(inst.id, items, data_dir, limit_mb=app.settings.max_file_mb)
        from kithkin.services.questionnaires import item_file_name

        default = data_dir / "items" / item_file_name(inst.id)
        given = _ask(inst.id, questions(inst.id, supplied=supplied, default_path=str(default)))
    with app.uow(write=True) as uow:
        done = take_it(uow=uow, now=app.now(), instrument_id=inst.id, answers=given)
    if json_out:
        emit_json(done.as_dict())
        return
    s = done.score
    from kithkin.domain.dates import day_label

    day = day_label(done.response.day, done.response.day)  # taken now: today
    say(text("assess.saved", name=INSTRUMENTS[inst.id].name, day=day))
    if s.percent is not None:
        say(text("assess.percent", raw=s.raw, high=s.raw_max, percent=s.percent))
    else:
        say(text("assess.score", raw=s.raw, low=s.raw_min, high=s.raw_max))
    if s.band:
        say(text(f"questionnaire.band.{s.band}"))
    for flag in s.flags:
        say(text(f"questionnaire.flag.{flag}"))
    say(text("assess.attribution", name=inst.name, citation=inst.citation))


@assess_app.command("history")
def history(
    ctx: typer.Context,
    instrument: Annotated[str | None, typer.Argument(help="Only this questionnaire.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Your past questionnaires, oldest first."""
    from kithkin.services.questionnaires import history as past
    from kithkin.services.questionnaires import response_dict

    app = _state(ctx).app
    with app.uow() as uow:
        rows = past(uow=uow, instrument_id=instrument)
    if json_out:
        emit_json([response_dict(r) for r in rows])
        return
    if not rows:
        say(text("assess.history_empty"))
        return
    table(
        None,
        ["date", "questionnaire", "score", "%", "band"],
        [
            [r.day, _instrument_name(r.instrument_id), r.raw, r.percent, _band_words(r.band)]
            for r in rows
        ],
    )


@assess_app.command("schedule")
def schedule(
    ctx: typer.Context,
    instrument: Annotated[str, typer.Argument(help="who5, pss10, ...")],
    every: Annotated[int, typer.Option("--every", help="Days between reminders (0: off).")],
    json_out: JsonOpt = False,
) -> None:
    """How often kithkin reminds you of a questionnaire in 'today'."""
    from kithkin.domain.questionnaires import instrument as find
    from kithkin.services.questionnaires import set_schedule

    app = _state(ctx).app
    inst = find(instrument)
    with app.uow(write=True) as uow:
        plan = set_schedule(uow=uow, instrument_id=inst.id, every_days=every)
    if json_out:
        emit_json({"schedule": plan})
        return
    key = "assess.schedule_set" if every else "assess.schedule_off"
    say(text(key, name=inst.name, every=every))


class _AssessGroup(typer.core.TyperGroup):
    """``kithkin assess who5`` is short for ``kithkin assess take who5``."""

    def resolve_command(self, ctx, args):  # type: ignore[no-untyped-def]
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["take", *args]
        return super().resolve_command(ctx, args)


def register(app: typer.Typer) -> None:
    app.add_typer(assess_app, name="assess", cls=_AssessGroup)


def _instrument_name(instrument_id: str) -> str:
    """The questionnaire's name for people, not its internal key ('who5')."""
    from kithkin.domain.questionnaires import INSTRUMENTS

    found = INSTRUMENTS.get(instrument_id)
    return found.name if found is not None else instrument_id


def _band_words(band: str | None) -> str:
    """'who5.low' -> 'low', 'lsns6.at_risk' -> 'at risk'."""
    return (band or "").rsplit(".", 1)[-1].replace("_", " ")
