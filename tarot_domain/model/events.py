"""What use cases report as they work: events that metrics, logs and frontends consume alike.

Events carry no user text and no user id: they are counted and logged as they are. The reading use
case reports every outcome (`ReadingCompleted`, with the fallback's reason; `ReadingRefused`;
`Screened`), so every frontend is measured the same way.
"""

from __future__ import annotations

import enum

from attrs import field, frozen

from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.safety import SafetyKind


class ScreenStage(enum.Enum):
    """Where a text was screened: a frontend's intake, or the reading / follow-up use case's backstop."""

    INTAKE = "intake"
    READING = "reading"
    FOLLOW_UP = "follow_up"


@frozen
class Screened:
    """One text (or one request's texts) went through the safety screen; `kind` None: ordinary."""

    kind: SafetyKind | None
    stage: ScreenStage




class ReadingKind(enum.Enum):
    """What was read: a spread for a question, the free card of the day, a follow-up question."""

    READING = "reading"
    DAILY = "daily"
    FOLLOW_UP = "follow_up"


class FallbackReason(enum.Enum):
    """Why the offline reader stepped in."""

    API = "api"  # the interpreter said it could not deliver (unreachable, refused, incomplete)
    UNSAFE = "unsafe"  # its answer on a framed topic failed the safety check
    INTERNAL = "internal"  # anything else it raised: a bug, logged with its traceback


@frozen
class CardsDrawn:
    """The cards are on the table; the interpreter is about to be asked (frontends show them now)."""

    kind: ReadingKind
    spread_id: str
    deck_id: str
    language: str
    cards: tuple[DrawnCard, ...]


@frozen
class InterpreterFailed:
    """The interpreter raised; the offline reader answers instead, free. `error` is for the log (its
    traceback when `reason` is INTERNAL), never for a label."""

    kind: ReadingKind
    interpreter: str
    reason: FallbackReason
    error: BaseException = field(eq=False, repr=False)


@frozen
class ReadingCompleted:
    """A reading (or the day's card, or a follow-up answer) was written and stored; `fallback` says why
    the offline reader wrote it, None when the configured interpreter did. `seconds` runs from the
    request to the stored result; `cost` is what was charged."""

    kind: ReadingKind
    spread_id: str
    interpreter: str
    fallback: FallbackReason | None
    cost: int
    seconds: float


@frozen
class ReadingRefused:
    """A request ended with a domain error before any reading (not enough credits, a spread the tier
    does not open, a bad value, the same request in flight); `error_kind` is the taxonomy's name and
    `spread_id` is a known spread's id or "unknown"."""

    kind: ReadingKind
    spread_id: str
    error_kind: str


Event = Screened | CardsDrawn | InterpreterFailed | ReadingCompleted | ReadingRefused
"""Every event a use case may emit."""
