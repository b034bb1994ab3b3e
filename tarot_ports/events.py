"""Where use cases report what happened (`tarot_domain.model.events`): metrics, logs, a test's list."""

from __future__ import annotations

from typing import Protocol

from tarot_domain.model.events import Event


class EventSink(Protocol):
    def emit(self, event: Event) -> None:
        """Take note of `event`. Must not raise and must not block: it runs inside use cases."""
        ...
