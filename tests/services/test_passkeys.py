"""Passkeys (#16), on both backends: made and used through py_webauthn's verification with a
software device's real keys (``tests.passkey_device``); nothing of the check is mocked."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from kithkin.bootstrap import App
from kithkin.domain.accounts import FAILURES_ALLOWED, Caller, TooManyAttempts
from kithkin.domain.errors import NotFoundError
from kithkin.domain.passkeys import (
    CHALLENGE_TTL,
    PASSKEYS_MAX,
    PasskeyFailed,
    PasskeyNotAdded,
    Site,
    TooManyPasskeys,
)
from kithkin.services import accounts, passkeys
from kithkin.storage.tables import passkey_challenges
from tests.conftest import FIXED_NOW
from tests.passkey_device import Device, b64
from tests.web.hosted import PASSWORD, fast_hashes  # noqa: F401 - an autouse fixture

SITE = Site(rp_id="localhost", origin="http://localhost:8203")
NOW = FIXED_NOW
BROWSER = "csrf-id-of-this-browser"


def _caller(app: App, name: str) -> Caller:
    if name not in {a.name for a in accounts.list_accounts(store=app.accounts)}:
        accounts.add_account(store=app.accounts, name=name, password=PASSWORD, now=NOW)
    made = accounts.log_in(
        store=app.accounts, name=name, password=PASSWORD, address="10.0.0.1", user_agent="", now=NOW
    )
    return made.caller


def _make(app: App, caller: Caller, device: Device, name: str = "My phone") -> Any:
    options = json.loads(
        passkeys.registration_options(store=app.passkeys, caller=caller, site=SITE, now=NOW)
    )
    answer = device.create(options)
    return passkeys.register(
        store=app.passkeys,
        caller=caller,
        site=SITE,
        credential=json.dumps(answer),
        name=name,
        now=NOW,
    )


def _login_options(
    app: App, browser: str = BROWSER, address: str = "10.0.0.2", now: Any = NOW
) -> Any:
    return json.loads(
        passkeys.login_options(
            store=app.passkeys, site=SITE, browser=browser, address=address, now=now
        )
    )


def _log_in(
    app: App,
    answer: dict[str, Any],
    *,
    site: Site = SITE,
    browser: str = BROWSER,
    address: str = "10.0.0.2",
    now: Any = NOW,
) -> accounts.NewSession:
    return passkeys.log_in_with_passkey(
        store=app.passkeys,
        site=site,
        browser=browser,
        credential=json.dumps(answer),
        address=address,
        user_agent="test phone",
        now=now,
    )


def test_a_passkey_made_for_an_account_logs_it_in_with_a_session_like_a_password(
    app: App,
) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    made = _make(app, ann, device, name="  Ann's   phone ")
    assert (
        made.name == "Ann's phone" and made.owner_id == ann.owner_id and made.rp_id == "localhost"
    )
    [listed] = passkeys.list_passkeys(store=app.passkeys, owner_id=ann.owner_id)
    assert listed.id == made.id and listed.last_used_at is None
    later = NOW + timedelta(minutes=3)
    session = _log_in(app, device.get(_login_options(app)), now=later)
    assert session.caller.owner_id == ann.owner_id and session.caller.name == "ann"
    # the same kind of session as a password login: the cookie's secret resolves to it
    resolved = accounts.resolve_session(store=app.accounts, secret=session.secret, now=later)
    assert resolved is not None and resolved.session_id == session.caller.session_id
    sessions = accounts.list_sessions(store=app.accounts, owner_id=ann.owner_id)
    assert "test phone" in {s.user_agent for s in sessions}
    [used] = passkeys.list_passkeys(store=app.passkeys, owner_id=ann.owner_id)
    assert used.last_used_at == later and used.sign_count == 1


def test_a_challenge_answers_once(app: App) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    options = json.loads(
        passkeys.registration_options(store=app.passkeys, caller=ann, site=SITE, now=NOW)
    )
    answer = json.dumps(device.create(options))
    kwargs: dict[str, Any] = {"store": app.passkeys, "caller": ann, "site": SITE, "now": NOW}
    passkeys.register(credential=answer, name="one", **kwargs)
    with pytest.raises(PasskeyNotAdded):
        passkeys.register(credential=answer, name="again", **kwargs)
    assertion = device.get(_login_options(app))
    _log_in(app, assertion)
    with pytest.raises(PasskeyFailed):  # a replayed answer
        _log_in(app, assertion)
    with app.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(passkey_challenges)).scalar() == 0


def test_asking_again_replaces_the_browsers_last_challenge(app: App) -> None:
    ann = _caller(app, "ann")
    first = json.loads(
        passkeys.registration_options(store=app.passkeys, caller=ann, site=SITE, now=NOW)
    )
    second = json.loads(
        passkeys.registration_options(store=app.passkeys, caller=ann, site=SITE, now=NOW)
    )
    kwargs: dict[str, Any] = {"store": app.passkeys, "caller": ann, "site": SITE, "now": NOW}
    with pytest.raises(PasskeyNotAdded):
        answer = json.dumps(Device(SITE.origin).create(first))
        passkeys.register(credential=answer, name="1", **kwargs)
    device = Device(SITE.origin)
    passkeys.register(credential=json.dumps(device.create(second)), name="2", **kwargs)
    stale, fresh = _login_options(app), _login_options(app)
    elsewhere = _login_options(app, browser="another browser")
    with pytest.raises(PasskeyFailed):
        _log_in(app, device.get(stale))
    with app.engine.connect() as conn:  # this browser's latest, and the other browser's
        assert conn.execute(select(func.count()).select_from(passkey_challenges)).scalar() == 2
    assert _log_in(app, device.get(fresh)).caller.owner_id == ann.owner_id
    assert _log_in(app, device.get(elsewhere), browser="another browser").caller.name == "ann"


def test_a_challenge_expires(app: App) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    _make(app, ann, device)
    with pytest.raises(PasskeyFailed):
        _log_in(app, device.get(_login_options(app)), now=NOW + CHALLENGE_TTL)
    options = json.loads(
        passkeys.registration_options(store=app.passkeys, caller=ann, site=SITE, now=NOW)
    )
    with pytest.raises(PasskeyNotAdded):
        passkeys.register(
            store=app.passkeys,
            caller=ann,
            site=SITE,
            credential=json.dumps(Device(SITE.origin).create(options)),
            name="late",
            now=NOW + CHALLENGE_TTL + timedelta(seconds=1),
        )


def test_a_challenge_is_bound_to_its_browser_and_its_session(app: App) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    _make(app, ann, device)
    with pytest.raises(PasskeyFailed):  # asked for by one browser, answered from another
        _log_in(app, device.get(_login_options(app, browser="mine")), browser="theirs")
    options = json.loads(
        passkeys.registration_options(store=app.passkeys, caller=ann, site=SITE, now=NOW)
    )
    other_session = _caller(app, "ann")  # the same account, another session
    assert other_session.session_id != ann.session_id
    with pytest.raises(PasskeyNotAdded):
        passkeys.register(
            store=app.passkeys,
            caller=other_session,
            site=SITE,
            credential=json.dumps(Device(SITE.origin).create(options)),
            name="x",
            now=NOW,
        )


def test_a_passkey_of_account_a_never_logs_in_as_b(app: App) -> None:
    ann, bob = _caller(app, "ann"), _caller(app, "bob")
    ann_device, bob_device = Device(SITE.origin), Device(SITE.origin)
    _make(app, ann, ann_device)
    _make(app, bob, bob_device)
    assert _log_in(app, ann_device.get(_login_options(app))).caller.owner_id == ann.owner_id
    # Ann's key signing for Bob's passkey id, or Ann's passkey claiming Bob's user handle
    forged = ann_device.get(_login_options(app))
    forged["id"] = forged["rawId"] = b64(bob_device.credentials[0].id)
    claimed = ann_device.get(_login_options(app))
    claimed["response"]["userHandle"] = b64(bob_device.credentials[0].user_handle)
    for answer in (forged, claimed):
        with pytest.raises(PasskeyFailed):
            _log_in(app, answer)
    # and Ann's session id never removes Bob's passkey
    [bobs] = passkeys.list_passkeys(store=app.passkeys, owner_id=bob.owner_id)
    with pytest.raises(NotFoundError):
        passkeys.remove_passkey(store=app.passkeys, owner_id=ann.owner_id, passkey_id=bobs.id)
    assert passkeys.list_passkeys(store=app.passkeys, owner_id=bob.owner_id) == [bobs]


def test_a_removed_passkey_stops_working(app: App) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    made = _make(app, ann, device)
    _log_in(app, device.get(_login_options(app)))
    passkeys.remove_passkey(store=app.passkeys, owner_id=ann.owner_id, passkey_id=made.id)
    with pytest.raises(PasskeyFailed):
        _log_in(app, device.get(_login_options(app)))


def test_a_disabled_account_logs_in_with_no_passkey(app: App) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    _make(app, ann, device)
    accounts.set_disabled(store=app.accounts, name="ann", disabled=True)
    with pytest.raises(PasskeyFailed):
        _log_in(app, device.get(_login_options(app)))
    accounts.set_disabled(store=app.accounts, name="ann", disabled=False)
    assert _log_in(app, device.get(_login_options(app))).caller.owner_id == ann.owner_id


def test_a_passkey_works_only_on_the_site_it_was_made_for(app: App) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    _make(app, ann, device)
    elsewhere = Site(rp_id="kithkin.example.org", origin="https://kithkin.example.org")
    options = json.loads(
        passkeys.login_options(
            store=app.passkeys, site=elsewhere, browser=BROWSER, address="10.0.0.2", now=NOW
        )
    )
    answer = device.get(options, rp_id="localhost", origin=elsewhere.origin)
    with pytest.raises(PasskeyFailed):
        _log_in(app, answer, site=elsewhere)
    # a page on another origin asking this device for the site's passkey
    phished = device.get(_login_options(app), origin="https://evil.example")
    with pytest.raises(PasskeyFailed):
        _log_in(app, phished)


def test_passkey_logins_share_the_password_limits(app: App) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    _make(app, ann, device)
    for _ in range(FAILURES_ALLOWED):  # Ann's passkey, answering for the wrong browser
        with pytest.raises(PasskeyFailed):
            _log_in(app, device.get(_login_options(app, browser="b1")), browser="b2")
    with pytest.raises(TooManyAttempts):  # the address waits, for the options already
        _login_options(app)
    # the account waits too: Ann's good passkey from another address, and her password
    options = _login_options(app, address="10.9.9.9")
    with pytest.raises(TooManyAttempts):
        _log_in(app, device.get(options), address="10.9.9.9")
    with pytest.raises(TooManyAttempts):
        accounts.log_in(
            store=app.accounts,
            name="ann",
            password=PASSWORD,
            address="10.9.9.8",
            user_agent="",
            now=NOW,
        )
    after = NOW + timedelta(minutes=1, seconds=1)
    options = _login_options(app, now=after)
    assert _log_in(app, device.get(options), now=after).caller.name == "ann"


def test_a_device_makes_one_passkey_per_account_and_an_account_holds_a_few(app: App) -> None:
    ann = _caller(app, "ann")
    device = Device(SITE.origin)
    _make(app, ann, device)
    options = json.loads(
        passkeys.registration_options(store=app.passkeys, caller=ann, site=SITE, now=NOW)
    )
    with pytest.raises(RuntimeError, match="InvalidStateError"):  # excludeCredentials
        device.create(options)
    handles = {c.user_handle for c in device.credentials}
    for _ in range(PASSKEYS_MAX - 1):
        other = Device(SITE.origin)
        _make(app, ann, other)
        handles |= {c.user_handle for c in other.credentials}
    assert len(handles) == 1  # one user handle per account, never its id or name
    with pytest.raises(TooManyPasskeys):
        passkeys.registration_options(store=app.passkeys, caller=ann, site=SITE, now=NOW)


def test_an_unverified_user_or_garbage_is_refused(app: App) -> None:
    ann = _caller(app, "ann")
    careless = Device(SITE.origin, user_verified=False)
    with pytest.raises(PasskeyNotAdded):
        _make(app, ann, careless)
    for junk in ({}, {"id": "x"}, {"response": None}):
        with pytest.raises(PasskeyFailed):
            _log_in(app, junk)
