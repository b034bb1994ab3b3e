"""The serving processes' logging (`tarot web`, `tarot bot`, `tarot serve`): runners/logs.py's set-up,
secrets scrubbed, and on every record the request id (web) or update context (bot) being served."""

from __future__ import annotations

import logging

from runners.config import Settings


def configure_service_logging(settings: Settings) -> None:
    from adapters.http import RequestIdFilter
    from adapters.telegram.binding import UpdateContextFilter
    from runners.logs import configure_logging

    configure_logging(settings.log_level, settings.log_format, secrets=settings.secrets())
    for handler in logging.getLogger().handlers:
        handler.addFilter(RequestIdFilter())
        handler.addFilter(UpdateContextFilter())
