"""The ``kithkin`` command: a Typer app, global options, and the one error boundary.

Command modules import services inside their functions, so ``kithkin --help`` and the daily
loop do not pay for libraries they do not use.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Annotated, Any

import typer

from kithkin.cli.errors import KithkinGroup
from kithkin.cli.state import State


def _version(value: bool) -> None:
    if not value:
        return
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    from kithkin.messages import text

    try:
        number = installed("kithkin")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        number = "unknown"
    typer.echo(text("version", version=number))
    raise typer.Exit()


def _global(
    ctx: typer.Context,
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", help="Database URL (default: SQLite in your data dir)."),
    ] = None,
    config: Annotated[str | None, typer.Option("--config", help="Config file (TOML).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[  # noqa: ARG001 - handled by its callback
        bool,
        typer.Option(
            "--version", is_eager=True, callback=_version, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = State(
        environ=dict(os.environ),
        overrides={"database_url": database_url, "config": config, "debug": debug or None},
    )
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        _first_steps(ctx)


def _first_steps(ctx: typer.Context) -> None:
    """``kithkin`` alone: the help, and on a fresh install where to start."""
    from kithkin.messages import text

    typer.echo(ctx.get_help())
    if _fresh(ctx.obj):
        typer.echo("")
        typer.echo(text("fresh_install"))
    raise typer.Exit()


def _fresh(state: State) -> bool:
    """No database file yet, or no profile in it (nothing is created to find out)."""
    from kithkin.domain.errors import KithkinError
    from kithkin.storage.engine import sqlite_path

    try:
        path = sqlite_path(state.settings.database_url)
        if path is not None and not path.exists():
            return True
        from kithkin.services.profiles import get_profile

        with state.app.uow() as uow:
            get_profile(uow=uow)
    except KithkinError:
        return True
    return False


MODULES = (
    "basics",
    "people",
    "plan",
    "assess",
    "insights",
    "transfer",
    "triage",
    "remind",
    "worker",
    "calendar",
    "serve",
    "changes",
    "accounts",
)
# The daily loop builds only its own module's commands: Typer resolves the annotations of every
# command it builds (about 80 ms for all 56), and ``kithkin today`` needs a handful.
DAILY = {"today": "basics", "log": "basics", "checkin": "basics"}
VALUE_OPTIONS = ("--database-url", "--config")


def build(modules: tuple[str, ...] = MODULES, *, only: str | None = None) -> typer.Typer:
    """A Typer app with the global options and the commands of ``modules`` (kithkin.cli.*);
    with ``only``, just that one command of theirs (the daily loop's fast start)."""
    from importlib import import_module

    new = typer.Typer(
        name="kithkin",
        help="A daily coach for the relationships that protect your mental health.",
        no_args_is_help=False,
        invoke_without_command=True,
        # --install-completion / --show-completion (docs/cli.md); not on the daily fast path
        add_completion=only is None,
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        cls=KithkinGroup,
    )
    new.callback()(_global)
    for name in modules:
        import_module(f"kithkin.cli.{name}").register(new)
    if only is not None:
        new.registered_commands = [
            c
            for c in new.registered_commands
            if (c.name or getattr(c.callback, "__name__", "")) == only
        ]
        new.registered_groups = []
    return new


_full: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    """``kithkin.cli.app``: every command, built on first use."""
    global _full  # noqa: PLW0603
    if name == "app":
        if _full is None:
            _full = build()
        return _full
    raise AttributeError(name)


def command_name(argv: list[str]) -> str | None:
    """The command word in ``argv``, skipping the global options (and their values)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in VALUE_OPTIONS:
            i += 2
        elif arg.startswith("-"):
            i += 1
        else:
            return arg
    return None


def _correcting(args: list[str], word: str) -> bool:
    from kithkin.cli.errors import CORRECTIONS

    rest = args[args.index(word) + 1 :]
    return bool(rest) and rest[0] in CORRECTIONS


def main(argv: list[str] | None = None) -> None:
    """Entry point for the console script (``argv`` given: called in-process, as tests do)."""
    args = sys.argv[1:] if argv is None else argv
    word = command_name(args) or ""
    module = DAILY.get(word)
    if module is not None and _correcting(args, word):
        module = None  # `log edit 12`: the correction commands live in the full app
    if module is None:
        __getattr__("app")(args=args, prog_name="kithkin")
        return
    # The daily loop is short and bounded: reference counting frees what it uses, and the
    # cyclic collector would only re-scan the objects every import made (~10% of its time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        build((module,), only=word)(args=args, prog_name="kithkin")
    except SystemExit as done:
        if argv is not None:
            raise
        _leave(done.code)
    finally:
        if collecting:
            gc.enable()


def _leave(code: object) -> None:
    """End the process without the interpreter's tear-down (freeing every module and object
    one by one: a third of a short command's time). Safe here: the command has committed or
    rolled back and closed its database by now, and nothing else is left to run at exit but
    the flush of the standard streams, done first. Not safe, and so not done, while a
    non-daemon thread still runs (the interpreter waits for it) or a stream could not be
    flushed for a reason other than a reader that went away (the tear-down retries it and
    reports what failed): then the process ends the ordinary way."""
    status = code if isinstance(code, int) else 0 if code is None else 1
    if not isinstance(code, int | None):  # sys.exit("message"): shown as the interpreter would
        sys.stderr.write(f"{code}\n")
    pending = False
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # `kithkin today | head -1`: the reader had what it wanted, as with other tools
    except (OSError, ValueError):
        status, pending = status or 1, True  # the output could not be written (a full disk...)
    try:
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    except (OSError, ValueError):
        pending = True
    if pending or _threads_running():
        raise SystemExit(status)
    os._exit(status)


def _threads_running() -> bool:
    """Whether a non-daemon thread other than this one is still alive."""
    threading = sys.modules.get("threading")  # not imported: no thread was started through it
    if threading is None:
        return False
    current = threading.current_thread()
    return any(t is not current and t.is_alive() and not t.daemon for t in threading.enumerate())
