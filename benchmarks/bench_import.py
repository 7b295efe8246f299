"""Import benchmark (#12): 10,000 varied vCards, `vobject.readComponents` alone vs
`kithkin import vcard` into an empty database vs the same file imported again (unchanged).

The cards imitate five exporters (Apple 3.0, Google 3.0, Android 2.1 quoted-printable, Outlook
2.1, vCard 4.0), each card its own person: names, phones, e-mails, notes with line breaks,
organisations and birthdays (with and without a year) vary; no card is repeated. The three
are measured side by side in each round; the medians of ROUNDS rounds and their ratios to
vobject are printed (wall time, and this process's CPU time, which the load of other work on
a shared machine changes much less), with the process's peak resident memory.

Run: nice -n 10 .venv/bin/python benchmarks/bench_import.py [--rounds 3] [--count 10000]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
FIRST = ["Ada", "Ben", "Chloe", "Dev", "Ema", "Finn", "Grace", "Hugo", "Iris", "Jonas", "Zoë"]
LAST = [
    "Okafor",
    "Lindqvist",
    "García",
    "Vogel",
    "Smith",
    "Nakamura",
    "Rossi",
    "Khan",
    "Ní Bhriain",
]
ORGS = ["Riverside Clinic", "Company, The", "Brauerei Süd", "Indigo Labs", "Harbour Bakery"]


def _qp(text: str) -> str:
    return "".join(
        chr(b) if (33 <= b <= 126 and b != 61) or b == 32 else f"={b:02X}" for b in text.encode()
    )


def card(i: int, rng: random.Random) -> str:
    given, family = rng.choice(FIRST), rng.choice(LAST)
    name = f"{given} {family} {i}"
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    year = rng.choice([None, rng.randint(1940, 2005)])
    org = rng.choice(ORGS)
    note = f"Met at {rng.choice(['school', 'work', 'the gym'])} in {2000 + i % 25}.\nCard {i}."
    style = i % 5
    if style == 0:  # Apple Contacts, iOS 17
        bday = f"1604-{month:02d}-{day:02d}" if year is None else f"{year}-{month:02d}-{day:02d}"
        return (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.2//EN\r\n"
            f"N:{family} {i};{given};;;\r\nFN:{name}\r\nORG:{org.replace(',', chr(92) + ',')};\r\n"
            f"EMAIL;type=INTERNET;type=HOME;type=pref:p{i}@example.com\r\n"
            f"TEL;type=CELL;type=VOICE;type=pref:+44 7700 {i:06d}\r\n"
            f"item1.TEL:+1 555 {i:07d}\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
            f"BDAY;X-APPLE-OMIT-YEAR=1604:{bday}\r\n"
            f"NOTE:{note.replace(chr(10), chr(92) + 'n')}\r\nUID:{i:08d}-apple\r\nEND:VCARD\r\n"
        )
    if style == 1:  # Google Contacts
        bday = f"--{month:02d}-{day:02d}" if year is None else f"{year}-{month:02d}-{day:02d}"
        return (
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nN:{family} {i};{given};;;\r\n"
            f"EMAIL;TYPE=INTERNET;TYPE=WORK:{given.lower()}.{i}@work.example\r\n"
            f"TEL;TYPE=CELL:+49 151 {i:08d}\r\nBDAY:{bday}\r\n"
            f"item1.ORG:{org.replace(',', chr(92) + ',')}\r\nitem1.X-ABLabel:\r\n"
            f"NOTE:{note.replace(chr(10), chr(92) + 'n')}\r\nCATEGORIES:myContacts\r\nEND:VCARD\r\n"
        )
    if style == 2:  # Android 2.1, quoted-printable
        return (
            "BEGIN:VCARD\r\nVERSION:2.1\r\n"
            f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(family)} {i};{_qp(given)};;;\r\n"
            f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(name)}\r\n"
            f"TEL;CELL;PREF:+33 6 {i:08d}\r\nTEL;HOME:+33 1 {i:08d}\r\n"
            f"EMAIL;HOME:a{i}@example.fr\r\n"
            f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(note)}\r\nEND:VCARD\r\n"
        )
    if style == 3:  # Outlook 2.1
        bday = f"{year or 1980}{month:02d}{day:02d}"
        return (
            f"BEGIN:VCARD\r\nVERSION:2.1\r\nN:{family} {i};{given}\r\nFN:{name}\r\n"
            f"ORG:{org};Sales\r\nTITLE:Manager\r\nTEL;WORK;VOICE:(425) {i:07d}\r\n"
            f"TEL;WORK;FAX:(425) 9{i:06d}\r\nEMAIL;PREF;INTERNET:o{i}@contoso.example\r\n"
            f"BDAY:{bday}\r\nEND:VCARD\r\n"
        )
    bday = f"--{month:02d}{day:02d}" if year is None else f"{year}{month:02d}{day:02d}"
    return (  # vCard 4.0
        f"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:{i:08d}-0000-4000-8000-000000000000\r\n"
        f'FN:{name}\r\nN:{family} {i};{given};;;\r\nTEL;VALUE=uri;TYPE="voice,cell":'
        f"tel:+1-555-{i:07d}\r\nEMAIL;TYPE=work:v{i}@example.org\r\nBDAY:{bday}\r\n"
        f"NOTE:{note.replace(chr(10), chr(92) + 'n')}\r\nEND:VCARD\r\n"
    )


def generate(path: Path, count: int) -> None:
    rng = random.Random(12)
    path.write_text("".join(card(i, rng) for i in range(count)), encoding="utf-8")


def timed(fn: Any) -> tuple[float, float, Any]:
    """Wall time, this process's CPU time, and the result of ``fn()``."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - start, time.process_time() - cpu, result


def main() -> None:
    import vobject
    from typer.testing import CliRunner

    from kithkin.cli import app

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    path = DATA / f"contacts_varied_{args.count}.vcf"
    if not path.exists():
        generate(path, args.count)
    text = path.read_text(encoding="utf-8")
    runner = CliRunner()
    rows: dict[str, list[float]] = {"parse": [], "import": [], "again": []}
    cpus: dict[str, list[float]] = {"parse": [], "import": [], "again": []}
    for number in range(args.rounds):
        db = DATA / "bench.db"
        for f in DATA.glob("bench.db*"):
            f.unlink()
        env = {
            "KITHKIN_DATABASE_URL": f"sqlite:///{db}",
            "KITHKIN_CONFIG": str(DATA / "absent-config.toml"),  # never created
            "KITHKIN_NOW": "2026-11-26T09:00:00+00:00",
        }
        runner.invoke(app, ["init", "--yes", "--timezone", "Europe/Berlin"], env=env)
        command = ["import", "vcard", str(path), "--json"]
        parse, parse_cpu, cards = timed(lambda: sum(1 for _ in vobject.readComponents(text)))
        first, first_cpu, r1 = timed(lambda c=command, e=env: runner.invoke(app, c, env=e))
        again, again_cpu, r2 = timed(lambda c=command, e=env: runner.invoke(app, c, env=e))
        assert cards == args.count, cards
        assert r1.exit_code == 0 and r2.exit_code == 0, (r1.output[-500:], r2.output[-500:])
        assert f'"created": {args.count}' in r1.output, r1.output[:300]
        assert '"created": 0' in r2.output and '"updated": 0' in r2.output, r2.output[:300]
        rows["parse"].append(parse)
        rows["import"].append(first)
        rows["again"].append(again)
        cpus["parse"].append(parse_cpu)
        cpus["import"].append(first_cpu)
        cpus["again"].append(again_cpu)
        print(
            f"round {number + 1}: parse {parse:.2f} s, import {first:.2f} s, again {again:.2f} s"
            f" (CPU {parse_cpu:.2f} / {first_cpu:.2f} / {again_cpu:.2f} s)"
        )
    med = {k: statistics.median(v) for k, v in rows.items()}
    cpu = {k: statistics.median(v) for k, v in cpus.items()}
    cpu_ratio = {k: cpu[k] / cpu["parse"] for k in cpu}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = {k: med[k] / med["parse"] for k in med}
    print(f"vobject.readComponents   median {med['parse']:6.2f} s")
    print(f"kithkin import vcard     median {med['import']:6.2f} s   {ratio['import']:.2f}x")
    print(f"import again (unchanged) median {med['again']:6.2f} s   {ratio['again']:.2f}x")
    print(
        f"CPU time medians (what other load on the machine changes least): vobject"
        f" {cpu['parse']:.2f} s, import {cpu['import']:.2f} s ({cpu_ratio['import']:.2f}x),"
        f" again {cpu['again']:.2f} s ({cpu_ratio['again']:.2f}x)"
    )
    print(f"peak resident memory of the whole run: {peak:.0f} MB")


if __name__ == "__main__":
    main()
