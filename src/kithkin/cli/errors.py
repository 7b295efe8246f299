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


class _StoredInt:
    """Mixed into a command's whole-number parameter types: a value beyond what the database
    stores is a usage error (exit 2), not a driver's overflow later."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        converted = super().convert(value, param, ctx)  # type: ignore[misc]
        from kithkin.domain.bounds import MAX_STORED_INT, fits

        if isinstance(converted, int) and not fits(converted):
            from kithkin.messages import error_text

            shown = str(value) if len(str(value)) <= 30 else str(value)[:27] + "..."
            name = param.opts[0] if param is not None and param.opts else "value"
            self.fail(  # type: ignore[attr-defined]
                error_text("number_out_of_range", name=name, value=shown, maximum=MAX_STORED_INT),
                param,
                ctx,
            )
        return converted


_BOUNDED: dict[type, type] = {}


def bound_whole_numbers(command: click.Command) -> None:
    """Give every whole-number parameter of ``command`` (and its subcommands) the stored range."""
    for param in command.params:
        kind = type(param.type)
        if isinstance(param.type, click.types.IntParamType) and not isinstance(
            param.type, _StoredInt
        ):
            if kind not in _BOUNDED:
                _BOUNDED[kind] = type(f"Stored{kind.__name__}", (_StoredInt, kind), {})
            param.type.__class__ = _BOUNDED[kind]
    for sub in getattr(command, "commands", {}).values():
        bound_whole_numbers(sub)


def _first_not_utf8(args: list[str]) -> int | None:
    """The 1-based position of the first argument holding undecodable bytes (the surrogates
    Python uses for them), or None."""
    for position, arg in enumerate(args, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return position
        if "\x00" in arg:  # never from a real command line; a NUL is no text either
            return position
    return None


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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bound_whole_numbers(self)
        from kithkin.cli.examples import add_examples

        add_examples(self)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        position = _first_not_utf8(args)
        if position is not None and ctx.parent is None:
            from kithkin.messages import error_text

            typer.echo(f"Error: {error_text('argument_not_utf8', position=position)}", err=True)
            raise click.exceptions.Exit(EXIT_USAGE)
        return super().parse_args(ctx, args)

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
