"""Hosted mode's admin commands and mode switch (#16): `kithkin accounts ...`, `kithkin serve`
refusing another address without accounts, and the `hosted` settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kithkin.config import BadConfig, load_settings
from tests.cli.conftest import Run, ok
from tests.web.hosted import fast_hashes  # noqa: F401 - an autouse fixture

PASSWORD = "a long enough password"


def test_accounts_add_list_disable_invite(run: Run) -> None:
    ok(run("accounts", "add", "Ann", "--password-stdin", input=PASSWORD + "\n"))
    ok(run("accounts", "add", "bob", "--password-stdin", input=PASSWORD + "\n"))
    taken = run("accounts", "add", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert taken.exit_code == 1 and "taken" in taken.stderr
    weak = run("accounts", "add", "cleo", "--password-stdin", input="short\n")
    assert weak.exit_code == 2
    listed = json.loads(ok(run("accounts", "list", "--json")).stdout)
    assert [(a["name"], a["disabled"]) for a in listed] == [("ann", False), ("bob", False)]
    ok(run("accounts", "disable", "bob"))
    listed = json.loads(ok(run("accounts", "list", "--json")).stdout)
    assert [a["name"] for a in listed if a["disabled"]] == ["bob"]
    ok(run("accounts", "disable", "bob", "--enable"))
    assert run("accounts", "disable", "nobody").exit_code == 1
    invite = ok(run("accounts", "invite", "--base-url", "https://kith.example/")).stdout
    assert "https://kith.example/signup?invite=" in invite


def test_accounts_add_asks_for_the_password_twice(run: Run) -> None:
    ok(run("accounts", "add", "ann", input=f"{PASSWORD}\n{PASSWORD}\n"))
    assert json.loads(ok(run("accounts", "list", "--json")).stdout)[0]["can_log_in"]


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_serve_on_another_address_without_accounts_is_refused(run: Run, host: str) -> None:
    refused = run("serve", "--host", host)
    assert refused.exit_code == 2
    message = refused.stderr.strip()
    assert "--hosted" in message and "KITHKIN_HOSTED=true" in message
    assert message.endswith(".") and ". " not in message  # one sentence


def test_the_mode_check() -> None:
    from kithkin.cli.serve import check_mode
    from kithkin.domain.accounts import ServeNeedsHosted

    for local in ("127.0.0.1", "localhost", "::1"):
        check_mode(local, hosted=False)
    check_mode("0.0.0.0", hosted=True)
    with pytest.raises(ServeNeedsHosted):
        check_mode("0.0.0.0", hosted=False)


def test_hosted_from_the_environment_or_the_config_file(tmp_path: Path) -> None:
    base = {"KITHKIN_CONFIG": str(tmp_path / "none.toml")}
    assert not load_settings(base).hosted
    assert load_settings(base).signup == "closed"
    env = {**base, "KITHKIN_HOSTED": "true", "KITHKIN_SIGNUP": "invite"}
    settings = load_settings(env)
    assert settings.hosted and settings.signup == "invite"
    config = tmp_path / "kithkin.toml"
    config.write_text('hosted = true\nsignup = "open"\nsecure_cookies = true\n')
    from_file = load_settings({"KITHKIN_CONFIG": str(config)})
    assert from_file.hosted and from_file.signup == "open" and from_file.secure_cookies
    config.write_text("hostd = true\n")
    with pytest.raises(BadConfig, match="did you mean 'hosted'"):
        load_settings({"KITHKIN_CONFIG": str(config)})
    with pytest.raises(BadConfig):
        load_settings({**base, "KITHKIN_SIGNUP": "everyone"})
