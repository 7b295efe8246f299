"""One and two web processes on one PostgreSQL database, side by side, under a mixed load with
writes (issue #16): pages, API reads and, in one request of ten, a logged interaction.

On a fresh PostgreSQL database (created on the server at KITHKIN_BENCH_PG, dropped after) with
the demo life, `kithkin serve --workers N` runs for N = 1 and N = 2 in turn; wrk (Debian's
``wrk``) drives it from a second process on loopback for ``--seconds`` with ``--connections``.
Afterwards the interactions in the database are counted: every write answered 201 must be there
(lost writes: 0).

Hosted mode (accounts, login) comes from the hosted-auth work: ``--auth FILE`` takes one request
header per line (``Authorization: Bearer <token>`` or ``Cookie: <session cookie>``), given to
the requests in turn, so the same harness drives 1,000 logged-in accounts once they exist.

    nice -n 10 .venv/bin/python benchmarks/web_scale.py [--seconds 30] [--connections 64]
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
import urllib.request
import uuid
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from web_load import free_port, parse_wrk  # noqa: E402

ADMIN = os.environ.get("KITHKIN_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
NOW = "2026-11-26T09:00:00+00:00"

# Nine reads and one write in every ten requests. A write answers 201 and nothing else does,
# so each wrk thread counts the writes that were acknowledged (wrk runs a Lua state per thread).
MIX = """
local paths = {"/", "/api/today", "/people", "/", "/api/people", "/api/today", "/people",
               "/", "/api/people", "WRITE"}
local auth = {AUTH}
local n = 0
writes_ok = 0
errors = 0
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
request = function()
  n = n + 1
  local headers = {}
  if #auth > 0 then
    local h = auth[(n - 1) % #auth + 1]
    headers[h[1]] = h[2]
  end
  local path = paths[(n - 1) % #paths + 1]
  if path == "WRITE" then
    headers["Content-Type"] = "application/json"
    local body = '{"kind": "call", "with_other": "Load ' .. id .. '-' .. n .. '"}'
    return wrk.format("POST", "/api/interactions", headers, body)
  end
  return wrk.format("GET", path, headers)
end
response = function(status, headers, body)
  if status == 201 then writes_ok = writes_ok + 1 end
  if status >= 400 then errors = errors + 1 end
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


def lua_auth(path: str | None) -> str:
    if not path:
        return ""
    pairs = []
    for line in Path(path).read_text().splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            pair = f"{json.dumps(name.strip())}, {json.dumps(value.strip())}"
            pairs.append("{" + pair + "}")
    return ", ".join(pairs)


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
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/today", timeout=10) as r:
                r.read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server did not answer")


def one(env: dict[str, str], url: str, workers: int, args: argparse.Namespace) -> dict[str, float]:
    port = free_port()
    server = kithkin(env, "serve", "--port", str(port), "--workers", str(workers))
    try:
        wait_up(port, server)
        before = count_interactions(url)
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            lua.write(MIX.replace("{AUTH}", "{" + lua_auth(args.auth) + "}"))
            lua.flush()
            command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s"]
            command += ["--timeout", "20s", "--latency", "-s", lua.name]
            out = subprocess.run(
                [*command, f"http://127.0.0.1:{port}/"], capture_output=True, text=True, check=True
            ).stdout
        result = parse_wrk(out)
        sockets = re.search(
            r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
        )
        result["socket_errors"] = float(sum(int(g) for g in sockets.groups())) if sockets else 0.0
        acknowledged = int(out.split("WRITES_OK ")[1].split()[0])
        result["errors"] = float(out.split("ERRORS ")[1].split()[0])
        result["writes_acknowledged"] = float(acknowledged)
        stored = count_interactions(url) - before
        result["writes_stored"] = float(stored)
        # stored may exceed acknowledged: a write committed as wrk stopped, its answer not read
        result["lost_writes"] = float(max(0, acknowledged - stored))
        return result
    finally:
        server.terminate()
        server.wait(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--auth", help="request headers, one a line, given in turn")
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
            for step in (["db", "upgrade"], ["demo"]):
                if kithkin(env, *step, stdout=subprocess.DEVNULL).wait() != 0:
                    raise SystemExit(f"kithkin {' '.join(step)} failed")
            for workers in (1, 2):
                r = one(env, url, workers, args)
                print(
                    f"{workers} web process{'es' if workers > 1 else ''}: "
                    f"{r['rps']:7.1f} req/s  p50 {r['p50_ms']:7.2f} ms  p99 {r['p99_ms']:7.2f} ms"
                    f"  errors {int(r['errors'])} (+{int(r['socket_errors'])} wrk socket errors)"
                    f"  writes {int(r['writes_acknowledged'])}"
                    f" acknowledged, {int(r['writes_stored'])} stored,"
                    f" lost {int(r['lost_writes'])}",
                    flush=True,
                )
            print(f"load average {[round(x, 1) for x in os.getloadavg()]}")
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
