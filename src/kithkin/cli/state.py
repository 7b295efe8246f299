"""Per-invocation state: settings are built on first use, the app opened once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kithkin.bootstrap import App
    from kithkin.config import Settings


class State:
    def __init__(self, *, environ: Mapping[str, str], overrides: Mapping[str, Any]) -> None:
        self.environ = environ
        self.overrides = overrides
        self._app: App | None = None

    @property
    def debug(self) -> bool:
        return bool(self.overrides.get("debug")) or self.environ.get("KITHKIN_DEBUG") == "1"

    @property
    def settings(self) -> Settings:
        return self.app.settings

    @property
    def app(self) -> App:
        if self._app is None:
            from kithkin.bootstrap import App
            from kithkin.config import load_settings
            from kithkin.domain import dates

            settings = load_settings(self.environ, self.overrides)
            # dates follow the locale: the setting, else LC_ALL, LC_TIME or LANG
            order = dates.order_for_locale(settings.locale)
            dates.set_order(order or dates.order_from_environment(self.environ))
            self._app = App(settings)
        return self._app

    def close(self) -> None:
        if self._app is not None:
            from kithkin.domain import dates

            dates.set_order(None)  # in-process runs (tests) start each command afresh
            self._app.close()
