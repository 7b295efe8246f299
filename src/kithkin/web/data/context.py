"""What the data pages and the data API share: redacting delivery errors, the feed's URLs, and
the restore form's context."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request

MAX_BACKUP_BYTES = 50 * 1024 * 1024
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)


def redact(message: str) -> str:
    """A delivery error without any URL in it (notification URLs carry secrets)."""
    return _URL.sub("[a notification URL]", message)[:200]


def feed_urls(request: Request, token: str) -> dict[str, str]:
    url = str(request.base_url).rstrip("/") + f"/feed/{token}.ics"
    return {"url": url, "webcal": re.sub(r"^https?://", "webcal://", url)}


def restore_context(
    *,
    error: str | None = None,
    rows: int | None = None,
    refused: bool = False,
    saved_to: str | None = None,
    calendars_left_out: int = 0,
) -> dict[str, Any]:
    return {
        "calendars_left_out": calendars_left_out,
        "errors": {"backup": error} if error else {},
        "restored_rows": rows,
        "restore_refused": refused,
        "saved_to": saved_to,
        "backup_max_mb": MAX_BACKUP_BYTES // (1024 * 1024),
    }
