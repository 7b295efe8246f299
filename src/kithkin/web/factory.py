"""The web app built in a server's worker process (``kithkin serve --workers N``).

uvicorn starts each worker process afresh and asks it for the app by import string, so the
settings travel in the environment: the parent's ``KITHKIN_*`` variables, and its command-line
flags as JSON in ``KITHKIN_SERVE_FLAGS``. Each process has its own engine, connection pool and
page cache; a cached page is checked against the owner's data version in the database on every
request, so a write in one process is never hidden by another's cache.
"""

from __future__ import annotations

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
    return create_app(app)
