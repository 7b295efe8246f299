"""The web app built in a server's worker process (``kithkin serve --workers N``).

uvicorn starts each worker process afresh and asks it for the app by import string, so the
settings travel in the environment: the parent's ``KITHKIN_*`` variables, and its command-line
flags as JSON in ``KITHKIN_SERVE_FLAGS``. Each process has its own engine, connection pool and
page cache; a cached page is checked against the owner's data version in the database on every
request, so a write in one process is never hidden by another's cache.
"""

from __future__ import annotations

import gc
import json
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

FLAGS = "KITHKIN_SERVE_FLAGS"


def from_environment() -> FastAPI:
    from kithkin.bootstrap import App
    from kithkin.config import load_settings
    from kithkin.web.app import create_app

    flags = json.loads(os.environ.get(FLAGS) or "{}")
    app = App(load_settings(os.environ, flags))
    _ = app.owner_id  # open the database before the first request
    return settled(create_app(app))


def settled(web: FastAPI) -> FastAPI:
    """``web``, with everything start-up made moved out of the garbage collector's sight.

    A server process holds some 140,000 objects once the framework, SQLAlchemy and the
    templates are loaded, none of them ever garbage. CPython's full collection walks them all:
    in the load benchmark (issue #16) one took 200-350 ms, every thread of the process stopped,
    which is the slowest answers' time. Frozen (``gc.freeze``), they are left out of every
    collection; what requests make is collected as before."""
    gc.collect()
    gc.freeze()
    return web
