"""The web app manifest, the service worker and its offline page (issue #14).

The service worker's cache is named after the package version and a hash of the files it
keeps, so a new release (or any changed static file) gets a fresh cache and the worker drops
the old ones when it activates."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response

from kithkin import __version__
from kithkin.messages import text
from kithkin.web.render import HERE, render

router = APIRouter(include_in_schema=False)

STATIC = HERE / "static"
# Palette (static/app.css): the header's deep green and the paper behind every page.
THEME = "#2f6b5b"
BACKGROUND = "#fbf7f0"
ICONS = (
    ("icons/icon-192.png", "192x192", "any"),
    ("icons/icon-512.png", "512x512", "any"),
    ("icons/maskable-192.png", "192x192", "maskable"),
    ("icons/maskable-512.png", "512x512", "maskable"),
)
# What the service worker keeps from its first start: the offline page and the static files
# every page loads. Pages are kept as they are visited (network first).
SHELL_STATIC = (
    "app.css",
    "app.js",
    "offline.js",
    "favicon.svg",
    "vendor/htmx.min.js",
    *(path for path, _size, _purpose in ICONS),
)
SHELL = ("/offline", "/manifest.webmanifest", *(f"/static/{name}" for name in SHELL_STATIC))


@cache
def shell_version() -> str:
    """The package version and a short hash of the kept static files and the worker itself."""
    digest = hashlib.sha256()
    for name in (*SHELL_STATIC, "sw.js"):
        digest.update(name.encode())
        digest.update((STATIC / name).read_bytes())
    return f"{__version__}-{digest.hexdigest()[:12]}"


def manifest() -> dict[str, Any]:
    return {
        "id": "/",
        "name": "kithkin",
        "short_name": "kithkin",
        "description": text("pwa.description"),
        "lang": "en",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": [
            {"src": f"/static/{path}", "sizes": size, "type": "image/png", "purpose": purpose}
            for path, size, purpose in ICONS
        ],
    }


@router.get("/manifest.webmanifest")
def web_manifest() -> Response:
    return JSONResponse(
        manifest(),
        media_type="application/manifest+json",
        headers={"Cache-Control": "no-cache"},
    )


@router.get("/sw.js")
def service_worker() -> Response:
    """The worker, with its cache version and shell filled in; never cached by HTTP, so an
    update is seen on the next visit."""
    source = (STATIC / "sw.js").read_text(encoding="utf-8")
    source = source.replace('"__VERSION__"', json.dumps(shell_version()))
    source = source.replace('["__SHELL__"]', json.dumps(list(SHELL)))
    return Response(
        source,
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


@router.get("/offline")
def offline_page(request: Request) -> Response:
    return render(request, "offline.html", {})


def install(web: FastAPI) -> None:
    web.include_router(router)
