"""One and two web processes on one PostgreSQL database, side by side, under a mixed load with
writes (issue #16): pages, API reads and, in one request of ten, a logged interaction.

On a fresh PostgreSQL database (created on the server at KITHKIN_BENCH_PG, dropped after),
``--accounts`` hosted accounts (default 1,000) get the demo life's shape, a session and a
read-write personal access token each (``benchmarks/hosted_seed.py``); then
``kithkin serve --hosted --workers N`` runs for N = 1 and N = 2 in turn and wrk (Debian's
``wrk``) drives it from a second process on loopback for ``--seconds`` with ``--connections``.
Pages go with an account's session cookie, API calls with an account's bearer token (writes
with a token need no CSRF token), the accounts taken in turn. Each run starts from a copy of
the seeded database (``CREATE DATABASE ... TEMPLATE``), so the second run does not find the
plans and pages the first one made. Afterwards the interactions in the database are counted:
every write answered 201 must be there (lost writes: 0). The table at the end holds both runs
and the load average before and after each, then the CPU of each kind of request
(``benchmarks/hosted_costs.py``, in-process, one at a time) that explains them.

``--accounts 0`` is the old single-account run: local mode, the demo life, no login.
``--auth FILE`` (one request header a line: ``Cookie:`` lines for pages, other lines for the
API) replaces the seeded accounts' headers.

    nice -n 10 .venv/bin/python benchmarks/web_scale.py [--seconds 60] [--connections 64]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from hosted_costs import cost_table, costs  # noqa: E402
from hosted_seed import seed  # noqa: E402
from web_load import free_port, parse_wrk  # noqa: E402

ADMIN = os.environ.get("KITHKIN_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
NOW = "2026-11-26T09:00:00+00:00"

# Nine reads and one write in every ten requests. A write answers 201 and nothing else does,
# so each wrk thread counts the writes that were acknowledged (wrk runs a Lua state per thread).
MIX = """
local paths = {"/", "/api/today", "/people", "/", "/api/people", "/api/today", "/people",
               "/", "/api/people", "WRITE"}
local pages = {PAGES}
local apis = {APIS}
local n, np, na = 0, 0, 0
writes_ok = 0
errors = 0
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
local function next_header(list, i)
  if #list == 0 then return nil end
  return list[(i - 1) % #list + 1]
end
request = function()
  n = n + 1
  local headers = {}
  local path = paths[(n - 1) % #paths + 1]
  local h
  if path == "WRITE" or path:sub(1, 5) == "/api/" then
    na = na + 1
    h = next_header(apis, na * 2 + id) or next_header(pages, na * 2 + id)
  else
    np = np + 1
    h = next_header(pages, np * 2 + id) or next_header(apis, np * 2 + id)
  end
  if h then headers[h[1]] = h[2] end
  if path == "WRITE" then
    headers["Content-Type"] = "application/json"
    local body = '{"kind": "call", "with_other": "Load ' .. id .. '-' .. n .. '"}'
    return wrk.format("POST", "/api/interactions", headers, body)
  end
  return wrk.format("GET", path, headers)
end
THINK_DELAY
response = function(status, headers, body)
  if status == 201 then writes_ok = writes_ok + 1 end
  if status >= 300 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("writes_ok")
    bad = bad + t:get("errors")
  end
  io.write(string.format("WRITES_OK %d\\nERRORS %d\\n", ok, bad))
end
"""


def think_delay(think_ms: int) -> str:
    """wrk's ``delay`` hook: each connection, like a person, waits between 0.5 and 1.5 times
    ``think_ms`` before its next request (0: none, requests back to back). wrk's latencies
    exclude the wait."""
    if think_ms <= 0:
        return ""
    low, high = think_ms // 2, think_ms * 3 // 2
    return f"delay = function() return math.random({low}, {high}) end"


def lua_headers(path: Path | None) -> tuple[str, str]:
    """The auth file's headers as two Lua lists: for pages (``Cookie``) and for the API."""
    if path is None:
        return "", ""
    pages, apis = [], []
    for line in path.read_text().splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            pair = "{" + f"{json.dumps(name.strip())}, {json.dumps(value.strip())}" + "}"
            (pages if name.strip().lower() == "cookie" else apis).append(pair)
    return ", ".join(pages), ", ".join(apis)


def kithkin(env: dict[str, str], *args: str, **kw: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "kithkin", *args], env=env, **kw)  # type: ignore[call-overload]


def count_interactions(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM interactions").fetchone()
    return int(row[0]) if row else 0


def wait_up(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server stopped before answering")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10) as r:
                r.read()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server did not answer")


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def one(
    env: dict[str, str], url: str, workers: int, args: argparse.Namespace, auth: Path | None
) -> dict[str, Any]:
    port = free_port()
    command = ["serve", "--port", str(port), "--workers", str(workers)]
    if args.accounts:
        command.append("--hosted")
    server = kithkin(env, *command)
    try:
        wait_up(port, server)
        before = count_interactions(url)
        pages, apis = lua_headers(auth)
        script = MIX.replace("{PAGES}", "{" + pages + "}").replace("{APIS}", "{" + apis + "}")
        script = script.replace("THINK_DELAY", think_delay(args.think_ms))
        load_before = load()
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            lua.write(script)
            lua.flush()
            wrk = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s"]
            wrk += ["--timeout", "20s", "--latency", "-s", lua.name]
            out = subprocess.run(
                [*wrk, f"http://127.0.0.1:{port}/"], capture_output=True, text=True, check=True
            ).stdout
        result: dict[str, Any] = dict(parse_wrk(out))
        result["load"] = f"{load_before} -> {load()}"
        sockets = re.search(
            r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
        )
        result["socket_errors"] = sum(int(g) for g in sockets.groups()) if sockets else 0
        acknowledged = int(out.split("WRITES_OK ")[1].split()[0])
        result["errors"] = int(out.split("ERRORS ")[1].split()[0])
        result["writes_acknowledged"] = acknowledged
        stored = count_interactions(url) - before
        result["writes_stored"] = stored
        # stored may exceed acknowledged: a write committed as wrk stopped, its answer not read
        result["lost_writes"] = max(0, acknowledged - stored)
        return result
    finally:
        server.terminate()
        server.wait(60)


def table(results: dict[int, dict[str, Any]]) -> str:
    rows = [
        "| processes | req/s | p50 ms | p99 ms | errors (HTTP >= 300) | socket errors "
        "| writes acknowledged / stored | lost | load avg (1/5/15 min, before -> after) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for workers, r in results.items():
        rows.append(
            f"| {workers} | {r['rps']:.1f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f}"
            f" | {r['errors']} | {r['socket_errors']}"
            f" | {r['writes_acknowledged']} / {r['writes_stored']} | {r['lost_writes']}"
            f" | {r['load']} |"
        )
    if len(results) == 2:
        one_, two = results[1], results[2]
        rows.append(
            f"\n2 processes / 1: throughput x{two['rps'] / one_['rps']:.2f},"
            f" p99 x{two['p99_ms'] / one_['p99_ms']:.2f}"
        )
    return "\n".join(rows)


@contextmanager
def copied(name: str, suffix: str) -> Iterator[str]:
    """A copy of the database ``name`` for one run (dropped after): its URL."""
    copy = f"{name}_{suffix}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
    try:
        yield ADMIN.rsplit("/", 1)[0] + "/" + copy
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--think-ms",
        type=int,
        default=0,
        help="a pause between one session's requests, as a person reads (default 0: none)",
    )
    parser.add_argument("--accounts", type=int, default=1000, help="0: local mode, no login")
    parser.add_argument("--workers", default="1,2", help="web process counts, in turn")
    parser.add_argument("--auth", type=Path, help="request headers, one a line, given in turn")
    parser.add_argument("--costs", type=int, default=30, help="accounts for the CPU table")
    parser.add_argument("--keep", action="store_true", help="keep the database (and the headers)")
    args = parser.parse_args()
    name = f"kithkin_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN.rsplit("/", 1)[0] + "/" + name
    try:
        with tempfile.TemporaryDirectory() as folder:
            env = {
                **os.environ,
                "KITHKIN_CONFIG": f"{folder}/absent.toml",
                "KITHKIN_DATA_DIR": folder,
                "KITHKIN_DATABASE_URL": url,
                "KITHKIN_NOW": NOW,
            }
            auth = args.auth
            if args.accounts:
                if args.keep:  # the headers too, for a profile of the kept database
                    (HERE / "data").mkdir(exist_ok=True)
                    auth = HERE / "data" / "web_scale_auth.txt"
                auth = auth or Path(folder) / "auth.txt"
                seed(url, env, args.accounts, datetime.fromisoformat(NOW), auth)
            else:
                for step in (["db", "upgrade"], ["demo"]):
                    if kithkin(env, *step, stdout=subprocess.DEVNULL).wait() != 0:
                        raise SystemExit(f"kithkin {' '.join(step)} failed")
            cost_rows = []
            if args.accounts and args.costs:
                with copied(name, "costs") as copy_url:
                    cost_rows = costs(copy_url, auth, range(min(args.costs + 1, args.accounts)))
            results = {}
            for workers in (int(w) for w in args.workers.split(",") if w.strip()):
                # each run starts from the same data: a copy of the seeded database (no plan
                # stored, nothing written by the run before)
                with copied(name, f"w{workers}") as copy_url:
                    run_env = {**env, "KITHKIN_DATABASE_URL": copy_url}
                    results[workers] = one(run_env, copy_url, workers, args, auth)
                print(f"{workers} web process(es): {results[workers]}", flush=True)
            print(
                f"\n{args.accounts or 1} account(s), {args.connections} connections,"
                f" {args.seconds} s, one write in ten,"
                f" {args.think_ms} ms between a session's requests\n"
            )
            print(table(results))
            if cost_rows:
                print(f"\nCPU per request by kind (load {load()}):\n")
                print(cost_table(cost_rows))
            if args.keep:
                print(f"database kept: {url}; headers in {auth}")
    finally:
        if not args.keep:
            with psycopg.connect(ADMIN, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
