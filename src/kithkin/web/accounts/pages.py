"""HTML of hosted mode's accounts: log in, log out (here or everywhere), sign-up, and Settings >
Account (sessions, personal access tokens, password, download everything, delete the account).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from kithkin.bootstrap import App
from kithkin.config import remove_account_folder
from kithkin.domain.accounts import PASSWORD_MIN, BadLogin, SignUp, TooManyAttempts
from kithkin.domain.accounts import scope as parse_scope
from kithkin.domain.errors import InputError, KithkinError
from kithkin.services import accounts as service
from kithkin.web import forms
from kithkin.web.accounts.context import (
    account_page,
    address,
    logged_in,
    logged_out,
    passkey_site,
)
from kithkin.web.auth import CallerDep
from kithkin.web.deps import AppDep, Form, Now, checked_form
from kithkin.web.render import render, safe_next

router = APIRouter(include_in_schema=False)
CHECKED = Depends(checked_form)  # the CSRF token of a form with no other field


def _login_form(
    request: Request, *, values: dict[str, str], error: str = "", status: int = 200
) -> Response:
    app: App = request.app.state.kithkin
    context = {
        "values": values,
        "errors": {"form": error} if error else {},
        "signup": app.settings.signup != SignUp.CLOSED.value,
        "notice": request.query_params.get("notice", ""),
        "passkeys": passkey_site(request) is not None,
    }
    return render(request, "login.html", context, status=status)


@router.get("/login")
def login_page(request: Request) -> Response:
    return _login_form(request, values={"next": request.query_params.get("next", "/")})


@router.post("/login")
def login_post(request: Request, form: Form, app: AppDep, now: Now) -> Response:
    values = {"name": forms.text(form, "name"), "next": forms.text(form, "next") or "/"}
    try:
        made = service.log_in(
            store=app.accounts,
            name=values["name"],
            password=str(form.get("password") or ""),
            address=address(request),
            user_agent=request.headers.get("user-agent", ""),
            now=now,
        )
    except TooManyAttempts as exc:
        return _login_form(request, values=values, error=exc.message, status=429)
    except BadLogin as exc:
        return _login_form(request, values=values, error=exc.message, status=401)
    return logged_in(request, made.secret, safe_next(values["next"], "/"))


def _signup_form(
    request: Request, *, values: dict[str, str], error: str = "", status: int = 200
) -> Response:
    app: App = request.app.state.kithkin
    mode = SignUp(app.settings.signup)
    context = {
        "values": values,
        "errors": {"form": error} if error else {},
        "closed": mode is SignUp.CLOSED,
        "low": PASSWORD_MIN,
    }
    return render(request, "signup.html", context, status=status)


@router.get("/signup")
def signup_page(request: Request) -> Response:
    invite = request.query_params.get("invite", "")[:100]
    return _signup_form(request, values={"invite": invite})


@router.post("/signup")
def signup_post(request: Request, form: Form, app: AppDep, now: Now) -> Response:
    values = {"name": forms.text(form, "name"), "invite": forms.text(form, "invite")}
    password = str(form.get("password") or "")
    try:
        service.sign_up(
            store=app.accounts,
            mode=SignUp(app.settings.signup),
            name=values["name"],
            password=password,
            invite=values["invite"] or None,
            now=now,
        )
        made = service.log_in(
            store=app.accounts,
            name=values["name"],
            password=password,
            address=address(request),
            user_agent=request.headers.get("user-agent", ""),
            now=now,
        )
    except KithkinError as exc:
        return _signup_form(request, values=values, error=exc.message, status=422)
    return logged_in(request, made.secret, "/welcome")  # onboarding makes the profile


@router.post("/logout", dependencies=[CHECKED])
def logout(request: Request, app: AppDep, caller: CallerDep) -> Response:
    service.log_out(store=app.accounts, caller=caller)
    return logged_out(request, "/login?notice=logged_out")


@router.post("/logout/everywhere", dependencies=[CHECKED])
def logout_everywhere(request: Request, app: AppDep, caller: CallerDep) -> Response:
    service.log_out_everywhere(store=app.accounts, owner_id=caller.owner_id)
    return logged_out(request, "/login?notice=logged_out")


NOTICES = {"passkey_added": "accounts.passkeys.added"}  # after a page's script made a passkey


@router.get("/settings/account")
def account(request: Request, caller: CallerDep) -> Response:
    flash = NOTICES.get(request.query_params.get("notice", ""), "")
    return account_page(request, caller, flash=flash)


@router.post("/settings/account/password")
def password_post(request: Request, form: Form, app: AppDep, caller: CallerDep) -> Response:
    try:
        service.change_password(
            store=app.accounts,
            caller=caller,
            current=str(form.get("current") or ""),
            new=str(form.get("new") or ""),
        )
    except InputError as exc:
        return account_page(request, caller, errors={"password": exc.message}, status=422)
    return account_page(request, caller, flash="accounts.page.password_changed")


@router.post("/settings/account/sessions/{session_id}/revoke", dependencies=[CHECKED])
def session_revoke(request: Request, session_id: int, app: AppDep, caller: CallerDep) -> Response:
    service.revoke_session(store=app.accounts, owner_id=caller.owner_id, session_id=session_id)
    if session_id == caller.session_id:
        return logged_out(request, "/login?notice=logged_out")
    return account_page(request, caller, flash="accounts.page.session_revoked")


@router.post("/settings/account/tokens")
def token_create(
    request: Request, form: Form, app: AppDep, caller: CallerDep, now: Now
) -> Response:
    try:
        scope = parse_scope(forms.text(form, "scope") or "read")
    except InputError as exc:
        return account_page(request, caller, errors={"token": exc.message}, status=422)
    _, secret = service.create_token(
        store=app.accounts,
        owner_id=caller.owner_id,
        label=forms.text(form, "label"),
        scope=scope,
        now=now,
    )
    return account_page(request, caller, new_token=secret)


@router.post("/settings/account/tokens/{token_id}/revoke", dependencies=[CHECKED])
def token_revoke(request: Request, token_id: int, app: AppDep, caller: CallerDep) -> Response:
    service.revoke_token(store=app.accounts, owner_id=caller.owner_id, token_id=token_id)
    return account_page(request, caller, flash="accounts.page.token_revoked")


@router.post("/settings/account/delete")
def delete_post(request: Request, form: Form, app: AppDep, caller: CallerDep) -> Response:
    try:
        service.delete_account(
            store=app.accounts, caller=caller, password=str(form.get("password") or "")
        )
    except InputError as exc:
        return account_page(request, caller, errors={"delete": exc.message}, status=422)
    remove_account_folder(app.settings.data_dir, caller.owner_id)  # its own files
    request.app.state.today_cache.clear()
    return logged_out(request, "/login?notice=deleted")
