"""`kithkin serve`: the web app on this machine (127.0.0.1 unless told otherwise)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from kithkin.cli.basics import _state
from kithkin.cli.render import say

if TYPE_CHECKING:
    from kithkin.cli.state import State
    from kithkin.config import Settings


def serve(
    ctx: typer.Context,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default 127.0.0.1: this machine).")
    ] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="Port (default 8000).")] = None,
    hosted: Annotated[
        bool, typer.Option("--hosted", help="Accounts and logins (needed off this machine).")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1, max=64, help="Web processes sharing the database (PostgreSQL for several)."
        ),
    ] = 1,
    proxy_headers: Annotated[
        bool,
        typer.Option(
            "--proxy-headers",
            help="Behind a reverse proxy: take the visitor's address and HTTPS from its "
            "X-Forwarded-For/-Proto (sent by --forwarded-allow-ips only).",
        ),
    ] = False,
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(help="The proxy's addresses, comma-separated (default 127.0.0.1)."),
    ] = None,
) -> None:
    """Open kithkin in your browser: the daily loop, and a JSON API under /api."""
    import uvicorn

    from kithkin.config import with_overrides
    from kithkin.web.app import create_app
    from kithkin.web.factory import settled

    state = _state(ctx)
    app = state.app
    if hosted:
        app.settings = with_overrides(app.settings, hosted=True)
    if proxy_headers:
        app.settings = with_overrides(app.settings, proxy_headers=True)
    if forwarded_allow_ips is not None:
        allowed = tuple(a for a in forwarded_allow_ips.replace(",", " ").split() if a)
        app.settings = with_overrides(app.settings, forwarded_allow_ips=allowed)
    proxy = proxy_options(app.settings)
    bind_host = host or app.settings.host
    bind_port = port or app.settings.port
    check_mode(bind_host, hosted=app.settings.hosted)
    # open (and if needed upgrade) the database before the first request
    _ = app.engine if app.settings.hosted else app.owner_id
    shown = f"[{bind_host}]" if ":" in bind_host else bind_host
    say(f"kithkin is running at http://{shown}:{bind_port}/  (Ctrl+C to stop)")
    if workers > 1:  # each process builds its own app from the same settings
        _run_workers(
            state, host=bind_host, port=bind_port, workers=workers, hosted=hosted, proxy=proxy
        )
        return
    web = settled(create_app(app))
    uvicorn.run(
        web, host=bind_host, port=bind_port, log_level="warning", server_header=False, **proxy
    )


def proxy_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's proxy options: X-Forwarded-* believed only when set so (uvicorn's own default
    believes 127.0.0.1, so any local process could claim another address)."""
    if not settings.proxy_headers:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": list(settings.forwarded_allow_ips)}


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def check_mode(bind_host: str, *, hosted: bool) -> None:
    """Local mode (no login) serves this machine only; any other address needs accounts."""
    from kithkin.domain.accounts import ServeNeedsHosted

    if not hosted and bind_host.strip().lower() not in LOOPBACK:
        raise ServeNeedsHosted(host=bind_host)


def _run_workers(
    state: State, *, host: str, port: int, workers: int, hosted: bool, proxy: dict[str, Any]
) -> None:
    import json
    import os

    import uvicorn

    from kithkin.web.factory import FLAGS

    os.environ.update({k: v for k, v in state.environ.items() if k.startswith("KITHKIN_")})
    if hosted:  # --hosted reaches every process, as the setting would
        os.environ["KITHKIN_HOSTED"] = "true"
    flags = {k: v for k, v in state.overrides.items() if v is not None}
    os.environ[FLAGS] = json.dumps(flags, default=str)
    uvicorn.run(
        "kithkin.web.factory:from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        **proxy,
    )


def register(app: typer.Typer) -> None:
    app.command()(serve)
