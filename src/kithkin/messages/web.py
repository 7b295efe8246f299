"""The web pages' chrome: flashes, error pages and the navigation."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "web.flash.logged": "Logged. Thank you for reaching out.",
    "web.flash.checkin": "Check-in saved. Noticing how you feel is part of the practice.",
    "web.flash.profile": "Your settings are saved.",
    "web.flash.circle": "Circle saved.",
    "web.flash.welcome": "Welcome to kithkin. One small, real connection a day is the whole idea.",
    "web.error.back": "Go back to Today",
    "web.skip": "Skip to content",
    "web.nav.more": "More",
    "web.footer": "Your data stays on this machine.",
    "nav.today": "Today",
    "nav.log": "Log",
    "nav.checkin": "Check-in",
    "nav.people": "People",
    "nav.settings": "Settings",
    "nav.plan": "Plan",
    "nav.ladder": "Ladder",
    "nav.assess": "Assess",
    "nav.insights": "Insights",
    "nav.import": "Import",
    # --- undo ---
    "web.flash.undone": "Undone. Everything is as it was before.",
    "web.flash.person_deleted": "Deleted. Changed your mind? Press Undo.",
    "web.flash.moment_edited": "Moment corrected; your counts follow.",
    "web.moment.edit_title": "Correct a moment",
    # --- end undo ---
    # --- pwa ---
    "pwa.description": "A daily coach for the relationships that protect your mental health.",
    "pwa.queued": "Saved on this phone, will sync when you are back online.",
    "pwa.synced": "Synced what you saved on this phone. Thank you.",
    "pwa.refused": "Something saved on this phone could not be synced. Please enter it again.",
    "pwa.offline_title": "You are offline",
    "pwa.offline_body": (
        "This page is not saved on this phone yet. Today's quick log and check-in work "
        "offline: what you save there waits on this phone and syncs when you are back online."
    ),
    "pwa.offline_today": "Go to Today",
    # --- end pwa ---
}
