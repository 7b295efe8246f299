"""Help that teaches (#15): one or two examples at the end of every command's ``--help``.

Kept in one place, keyed by the command's words as a user types them (``log edit``, not the
internal ``log-entries edit``); ``tests/cli/test_help_examples.py`` checks that every command
has examples and that each one parses. A text after two spaces and ``#`` is a comment.
"""

from __future__ import annotations

from typing import Any

EXAMPLES: dict[str, tuple[str, ...]] = {
    # the daily loop
    "init": ("kithkin init", "kithkin init --timezone Europe/Berlin --goal 1 --yes"),
    "today": ("kithkin today", "kithkin today --json"),
    "log": (
        "kithkin log call --with Ada --minutes 20",
        "kithkin log coffee --with-other barista",
    ),
    "kinds": ("kithkin kinds",),
    "checkin": (
        "kithkin checkin  # asks for mood and stress",
        "kithkin checkin --mood 6 --stress 4 --sleep 7.5",
    ),
    "demo": ("kithkin --database-url sqlite:///demo.db demo",),
    "db upgrade": ("kithkin db upgrade",),
    "followup add": ('kithkin followup add Ada "Ask how the marathon went" --due friday',),
    "followup list": ("kithkin followup list", "kithkin followup list --person Ada --all"),
    "followup done": ("kithkin followup done 4", "kithkin followup done 4 --undo"),
    "followup edit": ('kithkin followup edit 4 --text "Ask about the new job" --due friday',),
    "followup delete": ("kithkin followup delete 4",),
    # hosted mode: accounts (the administrator, on the server)
    "accounts add": (
        "kithkin accounts add ann",
        "kithkin accounts add ann --password-stdin  # the password on standard input",
    ),
    "accounts list": ("kithkin accounts list",),
    "accounts disable": ("kithkin accounts disable ann", "kithkin accounts disable ann --enable"),
    "accounts invite": (
        "kithkin accounts invite --base-url https://kithkin.example.org",
        "kithkin accounts invite --days 3",
    ),
    # corrections and undo
    "undo": ("kithkin undo", "kithkin undo --list"),
    "log list": ("kithkin log list --since 2026-11-01", "kithkin log list --limit 5 --json"),
    "log edit": ("kithkin log edit 12 --at 2026-11-25", "kithkin log edit 12 --with Ada"),
    "log delete": ("kithkin log delete 12", "kithkin undo  # brings it back"),
    "checkin list": ("kithkin checkin list", "kithkin checkin list --since 2026-11-01"),
    "checkin edit": ("kithkin checkin edit 3 --mood 6",),
    "checkin delete": ("kithkin checkin delete 3",),
    # people
    "people add": (
        'kithkin people add "Ada Lovelace" --circle inner --birthday 12-10',
        'kithkin people add "Ada King" --email ada@example.com --force',
    ),
    "people list": ("kithkin people list --due", "kithkin people list --circle inner"),
    "people show": ("kithkin people show Ada", 'kithkin people show "#12"'),
    "people edit": (
        "kithkin people edit Ada --circle close",
        "kithkin people edit Ada --birthday 12-10 --given-name Augusta --family-name King",
    ),
    "people archive": ("kithkin people archive Ada", "kithkin people archive Ada --undo"),
    "people merge": ("kithkin people merge Ada Augusta --dry-run", "kithkin people merge Ada 14"),
    "people delete": ('kithkin people delete "#12"',),
    "people unarchive": ('kithkin people unarchive "#12"',),
    "people unignore": ('kithkin people unignore "#12"',),
    "people ignored": ("kithkin people ignored",),
    "circles": ("kithkin circles", "kithkin circles --json"),
    "circles set": ("kithkin circles set climbing 21", "kithkin circles set inner 10"),
    "triage": ("kithkin triage", "kithkin triage --keep Ada --circle close"),
    # the plan
    "plan": ("kithkin plan", "kithkin plan --week"),
    "suggest": ("kithkin suggest", "kithkin suggest --minutes 5"),
    "done": ("kithkin done 1", "kithkin done 2 --minutes 15 --quality 4"),
    "skip": ("kithkin skip 2",),
    "snooze": ("kithkin snooze 1 --days 3",),
    "actions list": ("kithkin actions list",),
    "actions add": (
        "kithkin actions add --id send_a_song --title 'Send a song' "
        "--how 'Send them a song that made you think of them.' --minutes 2 "
        "--channel async_message --kind text",
    ),
    # the exposure ladder
    "ladder create": (
        "kithkin ladder create  # asks for the goal and the steps",
        "kithkin ladder create --goal 'Speak up in meetings' "
        "--step 'Say hello to a colleague|they ignore me|20' --step ...",
    ),
    "ladder show": ("kithkin ladder show",),
    "ladder before": (
        "kithkin ladder before --step 1 --prediction 'they ignore me' --belief 70 "
        "--predicted-peak 50",
    ),
    "ladder after": (
        "kithkin ladder after 5 --peak 30 --happened 'they smiled' --came-true no "
        "--belief-after 20",
    ),
    "ladder up": ("kithkin ladder up",),
    "ladder back": ("kithkin ladder back",),
    "ladder attempt-edit": ("kithkin ladder attempt-edit 5 --actual-peak 40",),
    "ladder attempt-delete": ("kithkin ladder attempt-delete 5",),
    # questionnaires and insights
    "assess take": (
        "kithkin assess who5  # asks each question",
        "kithkin assess who5 --answers 3,3,2,2,3",
    ),
    "assess history": ("kithkin assess history", "kithkin assess history who5"),
    "assess schedule": ("kithkin assess schedule who5 --every 14",),
    "assess delete": ("kithkin assess delete 2",),
    "insights": ("kithkin insights", "kithkin insights --over-time 90 --chart mood.svg"),
    "experiment plan": ("kithkin experiment plan",),
    "experiment start": (
        "kithkin experiment start --consent",
        "kithkin experiment start --days 28 --consent",
    ),
    "experiment status": ("kithkin experiment status",),
    "experiment report": ("kithkin experiment report",),
    "experiment stop": ("kithkin experiment stop",),
    # data in and out
    "import vcard": (
        "kithkin import vcard contacts.vcf --dry-run",
        "kithkin import vcard contacts.vcf",
    ),
    "import csv": ("kithkin import csv contacts.csv --format google",),
    "import json": ("kithkin import json kithkin-backup.json",),
    "export vcard": ("kithkin export vcard people.vcf",),
    "export json": ("kithkin export json kithkin-backup.json",),
    "export ics": ("kithkin export ics kithkin.ics",),
    "backup": ("kithkin backup", "kithkin backup ~/backups/kithkin.db"),
    # calendars, calls, reminders, the web
    "calendar add": ("kithkin calendar add ~/work.ics --name work",),
    "calendar list": ("kithkin calendar list",),
    "calendar remove": ("kithkin calendar remove work",),
    "calendar free": ("kithkin calendar free", "kithkin calendar free --date 2026-12-24"),
    "call plan": ("kithkin call plan Ada --every 2w", "kithkin call plan Ada --every 2w --save"),
    "call list": ("kithkin call list",),
    "feed token": ("kithkin feed token", "kithkin feed token --rotate"),
    "feed revoke": ("kithkin feed revoke",),
    "remind": ("kithkin remind", "kithkin remind --status"),
    "worker": ("kithkin worker", "kithkin worker --once"),
    "serve": ("kithkin serve", "kithkin serve --port 8080"),
}

# Internal group names and the words a user types for them.
SHOWN_AS = {"log-entries": "log", "checkin-entries": "checkin"}


def example_key(words: list[str]) -> str:
    return " ".join(SHOWN_AS.get(w, w) for w in words)


def add_examples(command: Any, words: list[str] | None = None) -> None:
    """Give every command under ``command`` (a click command) its examples as its epilog,
    kept line by line (click's ``\\b`` marker) after the options."""
    from kithkin.messages import text

    words = words or []
    found = EXAMPLES.get(example_key(words))
    if found:
        lines = "\n".join(f"  {line}" for line in found)
        command.epilog = f"\b\n{text('cli.examples')}\n{lines}"
    for name, sub in (getattr(command, "commands", None) or {}).items():
        add_examples(sub, [*words, name])
