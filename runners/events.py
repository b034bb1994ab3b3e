"""Where the use cases' events go in a running process: metrics and the log, one stream for all.

`EventStream` hands every event to each sink (metrics, the log, and whoever `subscribe`s for a while:
the CLI shows the cards the moment they are drawn). A sink that raises never breaks a reading.
`EventLog` writes outcomes as log lines: a completed reading at INFO, a refusal at INFO, an interpreter
failure at WARNING, or at ERROR with its traceback when it was not a domain error (a bug).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from tarot_domain.model.events import (
    Event,
    FallbackReason,
    InterpreterFailed,
    ReadingCompleted,
    ReadingRefused,
)
from tarot_ports.events import EventSink

logger = logging.getLogger("tarot.events")
# Completions on their own logger: `tarot web` quiets it, since its access line already is the request's
# one INFO line (a fallback is still said, at WARNING, by InterpreterFailed); the bot keeps it.
COMPLETIONS = "tarot.events.completed"
completions = logging.getLogger(COMPLETIONS)


class EventStream:
    def __init__(self, *sinks: EventSink) -> None:
        self._sinks: list[EventSink] = list(sinks)

    def emit(self, event: Event) -> None:
        for sink in tuple(self._sinks):
            try:
                sink.emit(event)
            except Exception:  # the port says a sink must not raise; a broken one must not break us
                logger.exception("an event sink failed on %s", type(event).__name__)

    @contextlib.contextmanager
    def subscribed(self, sink: EventSink) -> Iterator[None]:
        """`sink` hears every event while the block runs."""
        self._sinks.append(sink)
        try:
            yield
        finally:
            self._sinks.remove(sink)


class EventLog:
    """The EventSink port on the log: no user text, no user id (events carry none)."""

    def emit(self, event: Event) -> None:
        if isinstance(event, ReadingCompleted):
            completions.info(
                "%s completed: spread %s, interpreter %s, %s, cost %d, %.2fs",
                event.kind.value, event.spread_id, event.interpreter,
                f"fell back ({event.fallback.value})" if event.fallback else "no fallback",
                event.cost, event.seconds,
            )  # fmt: skip
        elif isinstance(event, InterpreterFailed):
            if event.reason is FallbackReason.INTERNAL:
                logger.error(
                    "%s: interpreter %s raised an unexpected %s; the offline reader answers, free",
                    event.kind.value, event.interpreter, type(event.error).__name__, exc_info=event.error,
                )  # fmt: skip
            else:
                logger.warning(
                    "%s: interpreter %s failed (%s: %s); the offline reader answers, free",
                    event.kind.value, event.interpreter, event.reason.value, event.error,
                )  # fmt: skip
        elif isinstance(event, ReadingRefused):
            logger.info("%s refused: spread %s, %s", event.kind.value, event.spread_id, event.error_kind)
