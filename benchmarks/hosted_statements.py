"""SQL statements (and, with ``--profile``, a cProfile) per request kind in one hosted web
process (issue #16): the same in-process requests as ``hosted_costs.py``, on a database kept by
``web_scale.py --keep`` (copy it first: the first views store today's plan).

Statements are counted with SQLAlchemy's ``before_cursor_execute`` event, plus the data
version's raw-cursor read (``storage.uow.DataVersions``), which bypasses SQLAlchemy's events.

    .venv/bin/python benchmarks/hosted_statements.py URL benchmarks/data/web_scale_auth.txt \
        [--accounts 20] [--profile KIND_NUMBER]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from hosted_costs import KINDS, NOW  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("auth", type=Path)
    parser.add_argument("--accounts", type=int, default=20)
    parser.add_argument("--first", type=int, default=1, help="the first account to use")
    parser.add_argument("--profile", type=int, help="profile this kind (its index in KINDS)")
    parser.add_argument("--show", action="store_true", help="print the statements of each kind")
    args = parser.parse_args()

    from fastapi.testclient import TestClient
    from sqlalchemy import event  # noqa: TID251 - a benchmark counts the statements

    from kithkin.bootstrap import App
    from kithkin.config import load_settings
    from kithkin.storage import uow as uow_module
    from kithkin.web.app import create_app

    lines = args.auth.read_text().splitlines()
    settings = load_settings(
        {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml", "KITHKIN_NOW": NOW},
        {"database_url": args.url, "data_dir": "/proc/kithkin-absent", "hosted": True},
    )
    app = App(settings)
    client = TestClient(create_app(app, csrf_key=b"k" * 32), base_url="http://127.0.0.1")
    seen: list[str] = []

    def on_execute(*a: Any) -> None:
        seen.append(" ".join(str(a[2]).split())[:160])

    event.listen(app.engine, "before_cursor_execute", on_execute)
    raw_read = uow_module.DataVersions.read

    def counted_read(self: Any, owner_id: int) -> int:
        seen.append("(raw) data version")
        return raw_read(self, owner_id)

    uow_module.DataVersions.read = counted_read  # type: ignore[method-assign]
    counts: dict[str, list[int]] = defaultdict(list)
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    profiler = cProfile.Profile()
    try:
        client.get("/", headers={"cookie": lines[0].split(": ", 1)[1]})
        for k in range(args.first, args.first + args.accounts):
            cookie = {"cookie": lines[2 * k].split(": ", 1)[1]}
            token = {"authorization": lines[2 * k + 1].split(": ", 1)[1]}
            for number, (label, method, path) in enumerate(KINDS):
                headers = token if path.startswith("/api/") else cookie
                body = {"json": {"kind": "call", "with_other": "Cost"}} if method == "POST" else {}
                seen.clear()
                if number == args.profile:
                    profiler.enable()
                answer = client.request(method, path, headers=headers, **body)
                if number == args.profile:
                    profiler.disable()
                if answer.status_code >= 300:
                    raise SystemExit(f"{method} {path}: HTTP {answer.status_code}")
                counts[label].append(len(seen))
                if k == args.first:
                    texts[label].update(seen)
    finally:
        app.close()
    print("| request | SQL statements (median) |\n| --- | --- |")
    for label, _, _ in KINDS:
        print(f"| {label} | {statistics.median(counts[label]):g} |")
    if args.show:
        for label, _, _ in KINDS:
            print(f"\n## {label}")
            for sql, n in texts[label].most_common():
                print(f"{n:3d}  {sql}")
    if args.profile is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(60)


if __name__ == "__main__":
    main()
