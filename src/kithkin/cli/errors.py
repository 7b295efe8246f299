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


class KithkinGroup(TyperGroup):
    """The root group: runs a command and converts any failure at the edge."""

    def invoke(self, ctx: Any) -> Any:
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
            # The reader went away (`kithkin people list | head -1`): stop quietly, as Unix
            # tools do; what was committed stays committed. Later writes to stdout go nowhere.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(EXIT_ERROR) from None
        except Exception as exc:
            state = ctx.obj
            debug = bool(getattr(state, "debug", False))
            raise typer.Exit(report(exc, debug=debug)) from None
        finally:
            if ctx.obj is not None and hasattr(ctx.obj, "close"):
                ctx.obj.close()
