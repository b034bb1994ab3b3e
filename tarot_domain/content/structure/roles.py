"""What a spread position asks of the card drawn for it: a closed set of roles.

A role says how to read a card: the aspect of its knowledge the position reads by default (one of
`schema.ASPECTS` or `core`) and whether the card is told as lived background, in the past tense. A
composer may still mix in other aspects; the default is what makes an obstacle read as an obstacle and
the past as past.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen

from tarot_domain.content.schema import ASPECTS

READ_ASPECTS: tuple[str, ...] = ("core", *ASPECTS)
"""What a role can read: the card's core meaning, or one of its aspects."""


class Role(enum.Enum):
    # time
    PAST = "past"  # the past, the root of the matter
    RECENT_PAST = "recent-past"  # what is passing away
    PRESENT = "present"  # the situation now, the heart of the matter
    NEAR_FUTURE = "near-future"  # what comes in the days and weeks ahead
    OUTCOME = "outcome"  # where things are heading
    # the Celtic Cross and its kin
    CHALLENGE = "challenge"  # what crosses or blocks
    FOUNDATION = "foundation"  # what lies beneath
    CROWN = "crown"  # the best that can come of it, what to aim for
    HIDDEN = "hidden"  # an influence out of sight
    ADVICE = "advice"  # the step to take
    HOPES_FEARS = "hopes-fears"
    # people
    SELF = "self"  # the querent's part and attitude
    OTHER = "other"  # the other person, or others as a mirror
    BETWEEN = "between"  # what lies between two people
    ENVIRONMENT = "environment"  # the people and circumstances around
    # timing: one period of a calendar spread (`PositionShape.stage` says which)
    DAY = "day"
    MONTH = "month"
    STAGE = "stage"  # a step of a sequence that is neither a day nor a month (a week, a phase)
    # what other spreads need
    ANSWER = "answer"  # the card that answers a yes-or-no question
    THEME = "theme"  # the thread running through a period
    OPPORTUNITY = "opportunity"  # the opening a period offers
    STRENGTH = "strength"  # strengths, gifts, what helps
    LESSON = "lesson"  # a lesson, a turning point, the soul's path
    CALLING = "calling"  # calling and purpose
    DESIRE = "desire"  # what the heart longs for
    FEAR = "fear"  # the fear that holds one back
    WOUND = "wound"  # an old hurt still asking to heal
    SHADOW = "shadow"  # the part of oneself one would rather not see


@frozen
class RoleReading:
    """How a role reads its card: `aspect` (one of `READ_ASPECTS`), and `past_tense`."""

    aspect: str
    past_tense: bool = False

    def __attrs_post_init__(self) -> None:
        if self.aspect not in READ_ASPECTS:
            raise ValueError(f"unknown aspect {self.aspect!r}")


_CORE = RoleReading("core")

READINGS: Mapping[Role, RoleReading] = MappingProxyType(
    {
        Role.PAST: RoleReading("past", past_tense=True),
        Role.RECENT_PAST: RoleReading("past", past_tense=True),
        Role.PRESENT: _CORE,
        Role.NEAR_FUTURE: RoleReading("leads"),
        Role.OUTCOME: RoleReading("leads"),
        Role.CHALLENGE: RoleReading("shadow"),
        Role.FOUNDATION: _CORE,
        Role.CROWN: RoleReading("gift"),
        Role.HIDDEN: _CORE,
        Role.ADVICE: RoleReading("action"),
        Role.HOPES_FEARS: _CORE,
        Role.SELF: _CORE,
        Role.OTHER: RoleReading("person"),
        Role.BETWEEN: _CORE,
        Role.ENVIRONMENT: RoleReading("person"),
        Role.DAY: _CORE,
        Role.MONTH: _CORE,
        Role.STAGE: _CORE,
        Role.ANSWER: _CORE,
        Role.THEME: _CORE,
        Role.OPPORTUNITY: RoleReading("gift"),
        Role.STRENGTH: RoleReading("gift"),
        Role.LESSON: RoleReading("lesson"),
        Role.CALLING: RoleReading("gift"),
        Role.DESIRE: _CORE,
        Role.FEAR: RoleReading("shadow"),
        Role.WOUND: RoleReading("past", past_tense=True),
        Role.SHADOW: RoleReading("shadow"),
    }
)
"""Every role's default reading (a test keeps it total)."""

TIMING: frozenset[Role] = frozenset({Role.DAY, Role.MONTH, Role.STAGE})
"""Roles that stand for one period of a calendar spread."""


def reading_of(role: Role) -> RoleReading:
    return READINGS[role]
