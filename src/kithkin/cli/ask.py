"""Questions at the terminal: a bad answer is asked again at once, never reported at the end
(#15); a choice takes its word or the one letter the question shows."""

from __future__ import annotations

import sys

import typer

from kithkin.domain.errors import InputError
from kithkin.messages import text

__all__ = ["ask_choice", "ask_number", "ask_zone", "interactive", "system_zone"]


def interactive() -> bool:
    """Whether someone is at a terminal to answer a question."""
    return sys.stdin.isatty()


def ask_number(question: str, low: int, high: int, default: int | None = None) -> int:
    """Ask until the answer is a whole number from ``low`` to ``high`` (re-asked at once)."""
    while True:
        answer = typer.prompt(question, default=default, type=str).strip()
        if answer.lstrip("-").isdigit() and low <= int(answer) <= high:
            return int(answer)
        typer.echo(text("prompt.number", low=low, high=high), err=True)


def ask_choice(question: str, choices: dict[str, str], default: str) -> str:
    """Ask until the answer is one of ``choices`` (a word, or the one-letter key shown)."""
    words = set(choices.values())
    while True:
        answer = " ".join(str(typer.prompt(question, default=default)).lower().split())
        answer = answer.replace(" ", "_")  # 'little time' for little_time
        if answer in words:
            return answer
        if answer in choices:
            return choices[answer]
        shown = ", ".join(f"{k} = {v.replace('_', ' ')}" for k, v in choices.items())
        typer.echo(text("prompt.choice", choices=shown), err=True)


def system_zone(environ: dict[str, str], localtime: str = "/etc/localtime") -> str:
    """This machine's IANA time zone: $TZ, else where /etc/localtime points; UTC when unknown."""
    from pathlib import Path

    from kithkin.domain.timeutil import zone

    candidates = [environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path(localtime).resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if not name:
            continue
        try:
            zone(name)
        except InputError:
            continue
        return name
    return "UTC"


def ask_zone(default: str) -> str:
    from kithkin.domain.timeutil import zone

    while True:
        answer = str(typer.prompt(text("init.ask_zone"), default=default)).strip()
        try:
            zone(answer)
        except InputError as exc:
            typer.echo(exc.message, err=True)
            continue
        return answer
