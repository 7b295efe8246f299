"""Fuzz every command generated from the Typer app with hostile values (issue #10, Tests).

The click command tree is walked: every command and every parameter gets each hostile value in
turn (the others given a plain value). No run may show a traceback or the "unexpected" message,
and a refused run (non-zero exit) must write nothing. Bounded to run in CI in well under a
minute: the values are spread over the parameters round-robin.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import click
import pytest
import typer

from kithkin.cli import app
from tests.cli.conftest import Run, db_rows

HOSTILE = (
    "",
    "\x00",
    "x" * 10_000,
    b"Ad\xffa".decode("utf-8", "surrogateescape"),
    str(2**64),
    "-" + str(2**63 + 1),
    "-1",
    "0000-01-01",
    "9999-12-31",
    "Mars/Olympus",
)
# Never fuzzed: a server, a loop, the network, and commands that wait for a terminal.
SKIP = {"serve", "worker", "remind"}
# Derived, not user data: the day's plan is made (and kept) on first look, whatever follows.
DERIVED = ("suggestions", "data_versions", "plan_marks")  # the day's plan, made on a look


def _user_rows(path: Path) -> dict[str, object]:
    return {k: v for k, v in db_rows(path).items() if k not in DERIVED}


def _leaves(
    command: click.Command, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], click.Command]]:
    if isinstance(command, click.Group):
        out = []
        for name, sub in sorted(command.commands.items()):
            if name not in SKIP:
                out.extend(_leaves(sub, (*path, name)))
        return out
    return [(path, command)]


def _plain(param: click.Parameter) -> str:
    if isinstance(param.type, click.types.IntParamType | click.types.FloatParamType):
        return "3"
    if isinstance(param.type, click.Choice):
        return str(param.type.choices[0])
    return "Ada"


def _args(command: click.Command, target: click.Parameter, value: str) -> list[str]:
    args: list[str] = []
    for param in command.params:
        if isinstance(param, click.Argument):
            args.append(value if param is target else _plain(param))
        elif (
            isinstance(param, click.Option)
            and not param.is_flag
            and (param is target or param.required)
        ):
            args.extend([param.opts[0], value if param is target else _plain(param)])
    return args


def test_no_hostile_value_crashes_or_writes(
    ready: Run, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Commands that take a file name (export, backup) write where they are told: here, never
    # into the checkout the suite runs from.
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    root = typer.main.get_command(app)
    values = itertools.cycle(HOSTILE)
    cases = []
    for path, command in _leaves(root):
        targets = [p for p in command.params if not getattr(p, "is_flag", False)]
        targets = [p for p in targets if p.name not in ("help",)]
        for param in targets:
            cases.append((path, command, param, next(values)))
    assert len(cases) > 100
    problems = []
    for path, command, param, value in cases:
        before = _user_rows(db_path)
        result = ready(*path, *_args(command, param, value), input="")
        output = result.output
        if "Traceback" in output or "something unexpected" in output:
            problems.append((path, param.name, value[:20], output[-300:]))
        elif result.exit_code not in (0, 1, 2):
            problems.append((path, param.name, value[:20], f"exit {result.exit_code}"))
        elif result.exit_code != 0 and _user_rows(db_path) != before:
            problems.append((path, param.name, value[:20], "wrote although refused"))
    assert problems == [], "\n".join(map(repr, problems))
