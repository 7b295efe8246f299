"""The single exit point: errors become one line on stderr and an exit code.

InputError -> 2 (like a usage error), every other KithkinError -> 1, anything unexpected -> 1
with a hint to rerun with --debug. With --debug the traceback is shown as well.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click
import typer
from typer.core import TyperGroup

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def exit_code_for(exc: BaseException) -> int:
    from kithkin.domain.errors import InputError

    return EXIT_USAGE if isinstance(exc, InputError) else EXIT_ERROR


def report(exc: BaseException, *, debug: bool) -> int:
    """Print the one-line message for ``exc`` (and the traceback with --debug)."""
    from kithkin.domain.errors import KithkinError

    if debug:
        import traceback

        traceback.print_exception(exc)
    if isinstance(exc, KithkinError):
        typer.echo(f"Error: {exc.message}", err=True)
        return exit_code_for(exc)
    from kithkin.messages import text

    typer.echo(text("cli.unexpected", kind=type(exc).__name__), err=True)
    return EXIT_ERROR


CORRECTED = ("log", "checkin")
CORRECTIONS = frozenset({"list", "edit", "delete"})


def action_label(words: list[str], *, limit: int = 120) -> str:
    """``kithkin log call --with Ann`` -> "log call --with Ann" (global options left out)."""
    out: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
            continue
        if word in ("--database-url", "--config"):
            skip = True
            continue
        if word == "--debug":
            continue
        if len(" ".join([*out, word])) > limit:
            out.append("...")
            break
        out.append(word)
    return " ".join(out)


class KithkinGroup(TyperGroup):
    """The root group: runs a command and converts any failure at the edge."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """``log list|edit|delete`` and ``checkin list|edit|delete`` go to their correction
        groups (``log call`` still logs): shown as ``kithkin log edit`` in messages."""
        if len(args) >= 2 and args[0] in CORRECTED and args[1] in CORRECTIONS:
            group = self.get_command(ctx, f"{args[0]}-entries")
            if group is not None:
                return args[0], group, args[1:]
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        from kithkin.bootstrap import ACTION

        # The change journal's label for what this command writes: its words, cut short.
        ACTION.set(action_label([*ctx._protected_args, *ctx.args]))
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            # One line, like every other error: what was wrong, and where the options are.
            where = exc.ctx.command_path if exc.ctx is not None else "kithkin"
            typer.echo(f"Error: {exc.format_message()} See '{where} --help'.", err=True)
            raise click.exceptions.Exit(EXIT_USAGE) from None
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # The reader went away (`kithkin today | head -1`): it had what it wanted, so stop
            # quietly with success, as `head`'s other writers do (#15); what was committed
            # stays committed. Later writes to stdout go nowhere.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(EXIT_OK) from None
        except Exception as exc:
            state = ctx.obj
            debug = bool(getattr(state, "debug", False))
            raise typer.Exit(report(exc, debug=debug)) from None
        finally:
            if ctx.obj is not None and hasattr(ctx.obj, "close"):
                ctx.obj.close()
