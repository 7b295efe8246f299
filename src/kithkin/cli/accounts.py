"""`kithkin accounts add/list/disable/invite`: the admin's commands for hosted mode (#16).

They act on the database directly (whoever can run them can read the database anyway).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say, table
from kithkin.messages import text

accounts_app = typer.Typer(
    help="Accounts of hosted mode (kithkin serve --hosted).", no_args_is_help=True
)


def _password(name: str, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt(
        text("accounts.cli.password_prompt", name=name), hide_input=True, confirmation_prompt=True
    )
    return value


@accounts_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The login name (lower case).")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Create an account (asks for its password)."""
    from kithkin.services.accounts import add_account

    app = _state(ctx).app
    password = _password(name, password_stdin)
    add_account(store=app.accounts, name=name, password=password, now=app.now())
    say(text("accounts.cli.added", name=name.strip().lower()))


@accounts_app.command("list")
def list_(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Every account, with when it was made and whether it is disabled."""
    from kithkin.services.accounts import list_accounts

    found = list_accounts(store=_state(ctx).app.accounts)
    rows = [
        {
            "name": a.name,
            "created_at": a.created_at.isoformat(),
            "disabled": a.disabled,
            "can_log_in": a.has_password and not a.disabled,
        }
        for a in found
    ]
    if json_out:
        emit_json(rows)
    elif not rows:
        say(text("accounts.cli.none"))
    else:
        table(
            None,
            ["name", "created", "disabled"],
            [[r["name"], str(r["created_at"])[:10], "yes" if r["disabled"] else ""] for r in rows],
        )


@accounts_app.command("disable")
def disable(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The login name.")],
    enable: Annotated[bool, typer.Option("--enable", help="Enable the account again.")] = False,
) -> None:
    """Disable an account (its sessions end at once), or --enable it again."""
    from kithkin.services.accounts import set_disabled

    account = set_disabled(store=_state(ctx).app.accounts, name=name, disabled=not enable)
    say(text("accounts.cli.enabled" if enable else "accounts.cli.disabled", name=account.name))


@accounts_app.command("invite")
def invite(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(min=1, max=90, help="How long the link works.")] = 7,
    base_url: Annotated[
        str, typer.Option("--base-url", help="Where this kithkin is reached, for the link.")
    ] = "",
) -> None:
    """A sign-up link for one person (with sign-up set to "invite" or "open")."""
    from kithkin.services.accounts import create_invite

    app = _state(ctx).app
    secret = create_invite(store=app.accounts, now=app.now(), days=days)
    link = f"{base_url.rstrip('/')}/signup?invite={secret}"
    say(text("accounts.cli.invite", days=days, link=link))


def register(app: typer.Typer) -> None:
    app.add_typer(accounts_app, name="accounts")
