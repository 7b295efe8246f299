"""Help that teaches (#15): every command's --help ends with examples that really parse."""

from __future__ import annotations

import shlex
from collections.abc import Iterator

import click
import pytest
import typer

from kithkin.cli import build
from kithkin.cli.examples import EXAMPLES, example_key
from kithkin.messages import text
from tests.cli.conftest import Run, ok

ROOT = typer.main.get_command(build())


def leaves(command: click.Command, words: list[str]) -> Iterator[tuple[list[str], click.Command]]:
    subs = getattr(command, "commands", None)
    if not subs:
        yield words, command
        return
    for name, sub in subs.items():
        yield from leaves(sub, [*words, name])


LEAVES = list(leaves(ROOT, []))
# groups that also run on their own (`kithkin circles` lists the circles)
RUNNABLE = [
    ([name], group)
    for name, group in ROOT.commands.items()
    if isinstance(group, click.Group) and group.invoke_without_command
]


def examples_in(help_text: str) -> list[str]:
    """The example lines of a help page (after the 'Examples:' heading), comments cut off."""
    _, found, after = help_text.partition(text("cli.examples"))
    assert found, help_text
    lines = [line.strip() for line in after.splitlines()]
    return [line.split("  #", 1)[0] for line in lines if line.startswith("kithkin ")]


def command_for(argv: list[str]) -> tuple[list[str], click.Command]:
    """Parse ``argv`` as the root command would (global options, groups, then the command's own
    options and arguments, without running it): the command's words and the command."""
    ctx = ROOT.make_context("kithkin", list(argv))
    command: click.Command = ROOT
    words: list[str] = []
    args = [*ctx._protected_args, *ctx.args]
    while isinstance(command, click.Group) and args:
        name, sub, args = command.resolve_command(ctx, args)
        assert name is not None and sub is not None
        ctx = sub.make_context(name, args, parent=ctx)
        words.append(sub.name or name)
        command = sub
        args = [*ctx._protected_args, *ctx.args] if isinstance(sub, click.Group) else []
    return words, command


def test_the_tree_has_commands() -> None:
    assert len(LEAVES) > 50
    assert {"log list", "log edit", "people add", "ladder create"} <= {
        example_key(w) for w, _ in LEAVES
    }


@pytest.mark.parametrize(
    ("words", "command"), LEAVES + RUNNABLE, ids=[" ".join(w) for w, _ in LEAVES + RUNNABLE]
)
def test_every_command_help_ends_with_examples_that_parse(
    run: Run, words: list[str], command: click.Command
) -> None:
    shown = [example_key([w]) for w in words]
    page = ok(run(*shown, "--help")).stdout
    examples = examples_in(page)
    assert 1 <= len(examples) <= 2, page
    # the examples close the page: nothing but them after the heading
    assert page.rstrip().splitlines()[-1].strip().startswith("kithkin "), page
    for example in examples:
        argv = shlex.split(example)[1:]
        if argv[0] != shown[0] and argv[0] != "--database-url":
            continue  # 'kithkin undo' under 'log delete': another command, checked below
        found_words, found = command_for(argv)
        assert found is command, (example, found_words)


def test_every_example_parses_as_its_command() -> None:
    """Each example (including the ones shown under another command) names a real command
    with options and arguments it accepts."""
    for key, examples in EXAMPLES.items():
        for example in examples:
            argv = shlex.split(example.split("  #", 1)[0])
            assert argv[0] == "kithkin", example
            words, command = command_for(argv[1:])
            assert not isinstance(command, click.Group) or command.invoke_without_command, example
            assert example_key(words) in EXAMPLES, (key, example)


def test_no_examples_for_commands_that_do_not_exist() -> None:
    assert set(EXAMPLES) == {example_key(w) for w, _ in LEAVES + RUNNABLE}


def test_no_arguments_on_a_fresh_install_points_to_init_and_demo(run: Run) -> None:
    first = ok(run()).stdout
    assert "kithkin init" in first and "kithkin demo" in first
    assert text("fresh_install").split(".")[0] in first
    ok(run("init", "--yes", "--timezone", "Europe/Berlin"))
    assert text("fresh_install").split(".")[0] not in ok(run()).stdout
