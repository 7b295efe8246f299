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
}
