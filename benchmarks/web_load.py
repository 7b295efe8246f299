"""Load the web app's Today and People pages with wrk (16 connections, 30 s each) next to a
bare FastAPI endpoint returning a constant JSON document, each served by uvicorn in a
subprocess on 127.0.0.1. Needs Debian's ``wrk`` (apt-get install -y wrk).

Both pages are cached per data version; "People, never cached" asks for a new query string
each time, so it measures the page computed and rendered afresh. "Today, a write every second"
loads Today while another client logs an interaction through the local-mode JSON API once a
second (a JSON body is the API's CSRF defence), so the cache is invalidated as in real use; its
server works on a copy of the database, so runs stay comparable.

    PYTHONPATH=src python benchmarks/web_load.py [--seconds 30] [--connections 16]
    PYTHONPATH=src python benchmarks/web_load.py --today --rounds 3   # bare, Today, Today+writes

``--today`` runs the bare endpoint and Today with and without writes only, interleaved
``--rounds`` times, and prints the median of each figure with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
DB = HERE / "data" / "web-large.db"
NOW = "2026-11-26T09:00:00+00:00"


def serve(kind: str, port: int, db: Path = DB) -> None:
    """Run in the server subprocess."""
    import uvicorn

    if kind == "bare":
        from fastapi import FastAPI

        web = FastAPI()

        @web.get("/")
        def constant() -> dict[str, object]:
            return {"status": "ok", "items": [1, 2, 3], "message": "hello"}

    else:
        from kithkin.bootstrap import App
        from kithkin.config import load_settings
        from kithkin.web.app import create_app

        settings = load_settings(
            {"KITHKIN_CONFIG": "/nonexistent.toml", "KITHKIN_NOW": NOW},
            {"database_url": f"sqlite:///{db}", "data_dir": str(db.parent)},
        )
        app = App(settings)
        _ = app.owner_id
        web = create_app(app)
    uvicorn.run(web, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


UNITS_MS = {"ns": 1e-6, "us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _ms(value: str) -> float:
    """A wrk duration in milliseconds: ``812.00us``, ``3.21ms``, ``1.05s``, ``2.50m``, ``1.00h``
    (wrk picks the unit); a bare number is taken as microseconds, wrk's own unit."""
    found = re.fullmatch(r"\s*([-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*([a-z]*)\s*", value)
    if found is None or found.group(2) not in {*UNITS_MS, ""}:
        raise ValueError(f"wrk printed a duration this script cannot read: {value!r}")
    number, unit = found.groups()
    return float(number) * UNITS_MS.get(unit, 0.001)


# Each request a new query string, which the page ignores but its cache does not: every request
# computes and renders the page afresh (the cost of the first view after a write).
FRESH_QUERY = """
n = 0
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "&fresh=" .. wrk.thread:get("id") .. "-" .. n)
end
setup = function(thread)
  thread:set("id", tostring(math.random(1, 1000000000)))
end
"""


def load(url: str, *, seconds: int, connections: int, script: str = "") -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "20s", "--latency"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        if script:
            lua.write(script)
            lua.flush()
            command += ["-s", lua.name]
        out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def _field(out: str, pattern: str) -> str:
    found = re.search(pattern, out, flags=re.M)
    if found is None:
        raise ValueError(f"no {pattern!r} in wrk's output:\n{out}")
    return found.group(1)


def parse_wrk(out: str) -> dict[str, float]:
    """The figures of ``wrk --latency``'s report."""
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "p50_ms": _ms(_field(out, r"^\s*50%\s+(\S+)")),
        "p99_ms": _ms(_field(out, r"^\s*99%\s+(\S+)")),
        "rps": float(_field(out, r"Requests/sec:\s+([\d.]+)")),
        "non_2xx": float(errors.group(1)) if errors else 0.0,
    }


class Writer(threading.Thread):
    """Logs a text with one of the first 50 people once a second through the JSON API, as
    someone using the app would, until stopped; counts the writes answered 201."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.stop = threading.Event()
        self.done = 0
        self.failed = 0

    def run(self) -> None:
        n = 0
        due = time.monotonic()
        while not self.stop.wait(max(0.0, due + 1.0 - time.monotonic())):
            due += 1.0  # on the second, however long the last write took
            n += 1
            body = {"kind": "text", "people": [f"#{n % 50 + 1}"], "minutes": 5}
            request = urllib.request.Request(
                f"{self.base}/api/interactions",
                data=json.dumps(body).encode(),
                headers={"content-type": "application/json"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=20) as response:
                    response.read()
                    self.done += response.status == 201
            except OSError:
                self.failed += 1


def run(
    kind: str,
    path: str,
    *,
    seconds: int,
    connections: int,
    script: str = "",
    writes: bool = False,
) -> dict[str, float]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    scratch = tempfile.TemporaryDirectory(prefix="kithkin-web-load-")
    command = [sys.executable, __file__, "--serve", kind, "--port", str(port)]
    if writes:  # the writes go to a copy: every run starts from the same database
        copy = Path(scratch.name) / DB.name
        shutil.copyfile(DB, copy)
        command += ["--db", str(copy)]
    proc = subprocess.Popen(command, env=env)
    writer = None
    try:
        url = f"http://127.0.0.1:{port}{path}"
        deadline = time.monotonic() + 120  # a first page can take seconds on a busy machine
        while True:
            try:
                with urllib.request.urlopen(url, timeout=60) as response:  # warm-up request
                    response.read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        if writes:
            writer = Writer(f"http://127.0.0.1:{port}")
            writer.start()
        result = load(url, seconds=seconds, connections=connections, script=script)
        if writer is not None:
            writer.stop.set()
            writer.join()
            result["writes"] = float(writer.done)
            result["write_errors"] = float(writer.failed)
        return result
    finally:
        if writer is not None:
            writer.stop.set()
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        scratch.cleanup()


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def today_rounds(*, rounds: int, seconds: int, connections: int) -> None:
    """Bare, Today and Today with a write every second, interleaved ``rounds`` times; medians."""
    runs: list[tuple[str, str, str, bool]] = [
        ("bare FastAPI JSON", "bare", "/", False),
        ("Today (/)", "kithkin", "/", False),
        ("Today, a write every second", "kithkin", "/", True),
    ]
    results: dict[str, list[dict[str, float]]] = {label: [] for label, *_ in runs}
    for number in range(1, rounds + 1):
        for label, kind, path, writes in runs:
            before = load_average()
            r = run(kind, path, seconds=seconds, connections=connections, writes=writes)
            results[label].append(r)
            r["ratio"] = 100 * r["rps"] / results["bare FastAPI JSON"][-1]["rps"]
            extra = f"  writes {int(r['writes'])}" if writes else ""
            print(
                f"round {number} {label:28s} p50 {r['p50_ms']:7.2f} ms  p99 {r['p99_ms']:7.2f} ms"
                f"  {r['rps']:7.1f} req/s  {r['ratio']:5.1f}% of bare  non-2xx "
                f"{int(r['non_2xx'])}{extra}  load {before} -> {load_average()}",
                flush=True,
            )
    print(f"medians of {rounds} round(s), {connections} connections, {seconds} s each:")
    for label, rows in results.items():
        med = {k: statistics.median(r[k] for r in rows) for k in ("p50_ms", "p99_ms", "rps")}
        ratio = statistics.median(r["ratio"] for r in rows)
        print(
            f"  {label:28s} p50 {med['p50_ms']:7.2f} ms  p99 {med['p99_ms']:7.2f} ms  "
            f"{med['rps']:7.1f} req/s  {ratio:5.1f}% of bare"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", choices=["bare", "kithkin"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--db", type=Path, default=DB, help="(server) the database to serve")
    parser.add_argument("--today", action="store_true", help="bare, Today, Today with writes")
    parser.add_argument("--rounds", type=int, default=1, help="with --today: interleaved runs")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.db)
        return
    from web_large_db import ensure

    ensure(DB)
    if args.today:
        today_rounds(rounds=args.rounds, seconds=args.seconds, connections=args.connections)
        return
    results = {}
    for label, kind, path, script in [
        ("bare FastAPI JSON", "bare", "/", ""),
        ("Today (/)", "kithkin", "/", ""),
        ("People (/people)", "kithkin", "/people", ""),
        ("People, never cached", "kithkin", "/people?page=1", FRESH_QUERY),
        ("API today (/api/today)", "kithkin", "/api/today", ""),
    ]:
        results[label] = r = run(
            kind, path, seconds=args.seconds, connections=args.connections, script=script
        )
        print(
            f"{label:26s} p50 {r['p50_ms']:8.2f} ms  p99 {r['p99_ms']:8.2f} ms  "
            f"{r['rps']:8.1f} req/s  non-2xx {int(r['non_2xx'])}",
            flush=True,
        )
    bare = results["bare FastAPI JSON"]["rps"]
    for label in ("Today (/)", "People (/people)", "People, never cached"):
        print(f"{label}: {100 * results[label]['rps'] / bare:.1f}% of the bare endpoint")


if __name__ == "__main__":
    main()
