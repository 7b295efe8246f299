"""Import benchmark: 10,000 Apple-style vCards; vobject alone vs `kithkin import vcard`.

Run: PYTHONPATH=src python benchmarks/bench_import.py
"""

from __future__ import annotations

import random
import time
import tracemalloc
from pathlib import Path

DATA = Path(__file__).parent / "data"
COUNT = 10_000


def generate(path: Path) -> None:
    rng = random.Random(7)
    first = ["Ada", "Ben", "Chloe", "Dev", "Ema", "Finn", "Grace", "Hugo", "Iris", "Jonas"]
    last = ["Okafor", "Lindqvist", "García", "Vogel", "Smith", "Nakamura", "Rossi", "Khan"]
    out = []
    for i in range(COUNT):
        name = f"{rng.choice(first)} {rng.choice(last)} {i}"
        out.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.2//EN\r\n"
            f"N:{name.split()[1]};{name.split(maxsplit=1)[0]};;;\r\nFN:{name}\r\n"
            f"EMAIL;type=INTERNET;type=HOME;type=pref:p{i}@example.com\r\n"
            f"TEL;type=CELL;type=VOICE;type=pref:+44 7700 {i:06d}\r\n"
            f"item1.TEL:+1 555 {i:07d}\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
            "BDAY;X-APPLE-OMIT-YEAR=1604:"
            f"1604-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\r\n"
            f"UID:{i:08d}-bench\r\nEND:VCARD\r\n"
        )
    path.write_text("".join(out), encoding="utf-8")


def measure(label: str, fn):  # type: ignore[no-untyped-def]
    tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{label:<32} {elapsed:7.2f} s   peak {peak:6.1f} MB")
    return elapsed, result


def main() -> None:
    import vobject
    from typer.testing import CliRunner

    from kithkin.cli import app

    DATA.mkdir(exist_ok=True)
    path = DATA / "contacts_10k.vcf"
    if not path.exists():
        generate(path)
    db = DATA / "bench.db"
    for f in DATA.glob("bench.db*"):
        f.unlink()
    env = {
        "KITHKIN_DATABASE_URL": f"sqlite:///{db}",
        "KITHKIN_CONFIG": "/nonexistent",
        "KITHKIN_NOW": "2026-11-26T09:00:00+00:00",
    }
    runner = CliRunner()
    runner.invoke(app, ["init", "--yes", "--timezone", "Europe/Berlin"], env=env)
    text = path.read_text(encoding="utf-8")
    lib, _ = measure("vobject.readComponents", lambda: sum(1 for _ in vobject.readComponents(text)))
    first, r1 = measure(
        "kithkin import vcard",
        lambda: runner.invoke(app, ["import", "vcard", str(path), "--json"], env=env),
    )
    again, r2 = measure(
        "kithkin import vcard (again)",
        lambda: runner.invoke(app, ["import", "vcard", str(path), "--json"], env=env),
    )
    assert r1.exit_code == 0 and r2.exit_code == 0, (r1.output[-500:], r2.output[-500:])
    print(f"import / parse = {first / lib:.2f}x; re-import / import = {again / first:.2f}x")


if __name__ == "__main__":
    main()
