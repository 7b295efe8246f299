"""Hosted mode (#16): logging in, accounts, sessions, tokens, sign-up."""

from __future__ import annotations

TEXT: dict[str, str] = {
    # --- hosted-auth ---
    "accounts.api.unauthenticated": (
        "Please log in first: send your session cookie, or 'Authorization: Bearer <token>' "
        "with a personal access token from Settings > Account."
    ),
    "accounts.api.read_only": "This token can read only. Make a read-write token to change things.",
    "accounts.api.csrf": (
        "This request needs the page's CSRF token in the X-CSRF-Token header, "
        "or a personal access token instead of the cookie."
    ),
    "accounts.login.title": "Log in",
    "accounts.login.intro": "Welcome back. Your people are waiting, no pressure.",
    "accounts.login.name": "Login name",
    "accounts.login.password": "Password",
    "accounts.login.submit": "Log in",
    "accounts.login.signup_link": "New here? Create an account.",
    "accounts.login.deleted": "Your account and everything in it are gone. Take care.",
    "accounts.login.logged_out": "You are logged out.",
    "accounts.login.or": "or",
    "accounts.login.passkey": "Log in with a passkey",
    "accounts.login.passkey_cancelled": (
        "No passkey was used. Try again, or log in with your name and password."
    ),
    "accounts.passkeys.title": "Passkeys",
    "accounts.passkeys.intro": (
        "A passkey logs you in with this phone's or computer's screen lock (your fingerprint, "
        "face or PIN) instead of your password. Your password keeps working too."
    ),
    "accounts.passkeys.none": "No passkeys yet.",
    "accounts.passkeys.added_on": "added {day}",
    "accounts.passkeys.last_used": "last used {day}",
    "accounts.passkeys.never_used": "not used yet",
    "accounts.passkeys.remove": "Remove",
    "accounts.passkeys.remove_named": "Remove the passkey {name}",
    "accounts.passkeys.name": "Name for a new passkey",
    "accounts.passkeys.unnamed": "Passkey {number}",
    "accounts.passkeys.name_hint": 'So you can tell your passkeys apart, e.g. "My phone".',
    "accounts.passkeys.add": "Add a passkey",
    "accounts.passkeys.added": "Passkey added. Next time you can log in with it.",
    "accounts.passkeys.removed": "Passkey removed. It no longer logs you in.",
    "accounts.passkeys.failed": "That did not work. Please try again.",
    "accounts.passkeys.not_added": "That passkey could not be added. Please try again.",
    "accounts.passkeys.cancelled": "No passkey was made. Try again whenever you like.",
    "accounts.passkeys.exists": "This device already holds a passkey for your account.",
    "accounts.passkeys.unsupported": (
        "This browser cannot make passkeys. Your password works as always."
    ),
    "accounts.passkeys.needs_https": (
        "Passkeys work on this site's secure (https) address: open it there to add one."
    ),
    "accounts.signup.title": "Create your account",
    "accounts.signup.intro": "A login name and a password of at least {low} characters.",
    "accounts.signup.submit": "Create my account",
    "accounts.signup.closed": (
        "Sign-up is closed here. Ask whoever runs this kithkin for an account or an invite link."
    ),
    "accounts.page.title": "Account",
    "accounts.page.signed_in": "Logged in as {name}.",
    "accounts.page.sessions": "Where you are logged in",
    "accounts.page.this_session": "this browser",
    "accounts.page.revoke": "Log out there",
    "accounts.page.logout": "Log out",
    "accounts.page.logout_everywhere": "Log out everywhere",
    "accounts.page.password": "Change your password",
    "accounts.page.current_password": "Current password",
    "accounts.page.new_password": "New password",
    "accounts.page.password_changed": "Password changed. Your other sessions have been logged out.",
    "accounts.page.tokens": "Personal access tokens (for the API)",
    "accounts.page.tokens_none": "No tokens yet.",
    "accounts.page.token_label": "What it is for",
    "accounts.page.token_scope": "Access",
    "accounts.page.token_create": "Make a token",
    "accounts.page.token_revoke": "Revoke",
    "accounts.page.token_shown_once": (
        "Your new token is below. Copy it now: it is shown this once and stored only as a hash."
    ),
    "accounts.page.token_revoked": "Token revoked.",
    "accounts.page.session_revoked": "That session is logged out.",
    "accounts.page.data": "Your data is yours",
    "accounts.page.export": "Download everything (JSON)",
    "accounts.page.delete": "Delete my account",
    "accounts.page.delete_intro": (
        "This deletes your account and every person, moment and check-in in it, for good. "
        "Type your password to confirm."
    ),
    "accounts.nav.account": "Account",
    "accounts.device": "{browser} on {system}",
    "accounts.device_unknown": "A browser kithkin does not recognise",
    "accounts.footer": (
        "Your data stays on this server, yours to download or delete (Settings > Account)."
    ),
    "coach.view.left": "A coach who has since deleted their account",
    "coach.share.title": "Your coach",
    "coach.share.intro": (
        "Let a coach's account see some of your numbers. Never your people's names, notes or "
        "moments. Stop sharing at any time."
    ),
    "coach.share.coach": "Your coach's login name",
    "coach.share.what": "What your coach may see",
    "coach.share.sees": "{coach} sees: {what}.",
    "coach.share.submit": "Share",
    "coach.share.stop": "Stop sharing",
    "coach.share.none": "You share nothing with a coach.",
    "coach.share.views": "When your coach looked",
    "coach.share.no_views": "No views yet.",
    "coach.page.no_checkins": "No check-ins in the last four weeks yet.",
    "coach.page.no_scores": "No questionnaire taken yet.",
    "coach.shared.power": "Power of One",
    "coach.shared.checkins": "check-ins",
    "coach.shared.questionnaires": "questionnaire scores",
    "coach.shared.insights": "insights summary",
    "coach.share.power": "Power of One: streak and strength",
    "coach.share.checkins": "Check-in trends (mood and stress, last four weeks)",
    "coach.share.questionnaires": "Questionnaire scores",
    "coach.share.insights": "The insights summary (never a sentence about one of your people)",
    "coach.page.title": "Your clients",
    "coach.page.none": "No one shares anything with you yet.",
    "coach.page.client": "{name} shares",
    "coach.page.recorded": "{name} sees that you looked, and when.",
    "accounts.cli.added": "Account '{name}' created.",
    "accounts.cli.disabled": "Account '{name}' disabled; its sessions are logged out.",
    "accounts.cli.enabled": "Account '{name}' enabled again.",
    "accounts.cli.invite": "Invite link (valid {days} days, shown once): {link}",
    "accounts.cli.none": "No accounts yet. Create one with 'kithkin accounts add NAME'.",
    "accounts.cli.password_prompt": "Password for {name}",
}
