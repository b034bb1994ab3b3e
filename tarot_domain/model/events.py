"""What use cases report as they work: events that metrics, logs and frontends consume alike.

Events carry no user text and no user id: they are counted and logged as they are.
"""

from __future__ import annotations

import enum

from attrs import frozen

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


Event = Screened
"""Every event a use case may emit (a union as more kinds are added)."""
