"""`kithkin serve`: the web app on this machine (127.0.0.1 unless told otherwise)."""

from __future__ import annotations

from typing import Annotated

import typer

from kithkin.cli.basics import _state
from kithkin.cli.render import say


def serve(
    ctx: typer.Context,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default 127.0.0.1: this machine).")
    ] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="Port (default 8000).")] = None,
) -> None:
    """Open kithkin in your browser: the daily loop, and a JSON API under /api."""
    import uvicorn

    from kithkin.web.app import create_app

    app = _state(ctx).app
    bind_host = host or app.settings.host
    bind_port = port or app.settings.port
    _ = app.owner_id  # open (and if needed upgrade) the database before the first request
    web = create_app(app)
    shown = f"[{bind_host}]" if ":" in bind_host else bind_host
    say(f"kithkin is running at http://{shown}:{bind_port}/  (Ctrl+C to stop)")
    uvicorn.run(web, host=bind_host, port=bind_port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    app.command()(serve)
