"""`RecordedEvents`: the EventSink port as a list, for tests and embedders who want to look."""

from __future__ import annotations

from attrs import define, field

from tarot_domain.model.events import Event


@define
class RecordedEvents:
    events: list[Event] = field(factory=list)

    def emit(self, event: Event) -> None:
        self.events.append(event)
