"""A thin Apprise adapter: one message to every configured URL. Apprise is imported lazily."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from kithkin.services.reminders import Delivery


class AppriseNotifier:
    """Implements :class:`kithkin.services.reminders.Notifier` over Apprise URLs."""

    def __init__(self, urls: Sequence[str]) -> None:
        self.urls = tuple(urls)

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:  # noqa: ARG002 (no ids)
        if not self.urls:
            return Delivery(False, "no notification URLs configured")
        with warnings.catch_warnings():
            # Apprise's email plugin imports the stdlib imghdr, deprecated since 3.11.
            warnings.simplefilter("ignore", DeprecationWarning)
            return self._send(title, body)

    def _send(self, title: str, body: str) -> Delivery:
        import apprise

        notifier = apprise.Apprise()
        for url in self.urls:
            if not notifier.add(url):
                return Delivery(False, f"unusable notification URL: {url.split(':', 1)[0]}://")
        with apprise.LogCapture(level=apprise.logging.WARNING) as logs:  # type: ignore[no-untyped-call]
            result = notifier.notify(title=title, body=body)
            messages = [line for line in logs.getvalue().splitlines() if line.strip()]
        # Apprise 2.x returns an AppriseResult: its truthiness is the outcome (never == True).
        if bool(result):
            return Delivery(True)
        return Delivery(False, "; ".join(messages)[-500:] or "delivery failed")
