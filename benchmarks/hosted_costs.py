"""CPU per request, by kind, in one hosted web process (issue #16; ``web_scale.py`` prints it).

In-process (Starlette's test client, one request at a time, so nothing waits for a CPU but the
process itself): for ``accounts`` seeded accounts never seen before by this process, each kind of
request of the load mix in turn, first and again; the median of the process's CPU time per kind.
A request refused at the door (an unknown Host) gives the client's and the ASGI stack's own
share, to subtract by eye.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

NOW = "2026-11-26T09:00:00+00:00"

KINDS: list[tuple[str, str, str]] = [
    ("GET / (first view: today's plan made and stored)", "GET", "/"),
    ("GET / again (the cached page)", "GET", "/"),
    ("GET /api/today (first)", "GET", "/api/today"),
    ("GET /people (first)", "GET", "/people"),
    ("GET /people again (cached)", "GET", "/people"),
    ("GET /api/people", "GET", "/api/people"),
    ("POST /api/interactions (a write)", "POST", "/api/interactions"),
    ("GET / after the write (plan made again)", "GET", "/"),
]


def costs(url: str, auth: Path, accounts: range) -> list[tuple[str, float]]:
    from fastapi.testclient import TestClient

    from kithkin.bootstrap import App
    from kithkin.config import load_settings
    from kithkin.web.app import create_app

    lines = auth.read_text().splitlines()
    settings = load_settings(
        {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml", "KITHKIN_NOW": NOW},
        {"database_url": url, "data_dir": "/proc/kithkin-absent", "hosted": True},
    )
    app = App(settings)
    client = TestClient(create_app(app, csrf_key=b"k" * 32), base_url="http://127.0.0.1")
    spent: dict[str, list[float]] = defaultdict(list)

    def timed(label: str, method: str, path: str, headers: dict[str, str], **kw: Any) -> None:
        started = time.process_time()
        answer = client.request(method, path, headers=headers, **kw)
        spent[label].append((time.process_time() - started) * 1000)
        if label != "door" and answer.status_code >= 300:
            raise SystemExit(f"{method} {path}: HTTP {answer.status_code}")

    try:
        first = accounts[0]
        timed("warm-up", "GET", "/", {"cookie": lines[2 * first].split(": ", 1)[1]})
        for k in accounts[1:]:
            cookie = {"cookie": lines[2 * k].split(": ", 1)[1]}
            token = {"authorization": lines[2 * k + 1].split(": ", 1)[1]}
            timed("door", "GET", "/", {"host": "elsewhere.example"})
            for label, method, path in KINDS:
                headers = token if path.startswith("/api/") else cookie
                body = {"json": {"kind": "call", "with_other": "Cost"}} if method == "POST" else {}
                timed(label, method, path, headers, **body)
    finally:
        app.close()
    rows = [(label, statistics.median(spent[label])) for label, _, _ in KINDS]
    rows.append(
        ("refused at the door (client and ASGI stack only)", statistics.median(spent["door"]))
    )
    return rows


def cost_table(rows: list[tuple[str, float]]) -> str:
    lines = ["| request (one at a time, in-process) | CPU ms, median |", "| --- | --- |"]
    lines += [f"| {label} | {ms:.1f} |" for label, ms in rows]
    return "\n".join(lines)
