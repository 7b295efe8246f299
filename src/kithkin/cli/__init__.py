"""The ``kithkin`` command: a Typer app, global options, and the one error boundary.

Command modules import services inside their functions, so ``kithkin --help`` and the daily
loop do not pay for libraries they do not use.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from kithkin.cli.errors import KithkinGroup
from kithkin.cli.state import State

app = typer.Typer(
    name="kithkin",
    help="A daily coach for the relationships that protect your mental health.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=KithkinGroup,
)


@app.callback()
def _global(
    ctx: typer.Context,
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", help="Database URL (default: SQLite in your data dir)."),
    ] = None,
    config: Annotated[str | None, typer.Option("--config", help="Config file (TOML).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    ctx.obj = State(
        environ=dict(os.environ),
        overrides={"database_url": database_url, "config": config, "debug": debug or None},
    )


def _register() -> None:
    from kithkin.cli import (
        assess,
        basics,
        calendar,
        insights,
        people,
        plan,
        remind,
        serve,
        transfer,
        triage,
    )

    modules = (basics, people, plan, assess, insights, transfer, triage, remind, calendar, serve)
    for module in modules:
        module.register(app)


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point for the console script."""
    app(args=argv, prog_name="kithkin")
