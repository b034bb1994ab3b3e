"""Every spread's shape: id, cost in credits, positions in the order laid, and its questionnaire.

Ids are stable forever (readings store them); each pack words them under the same ids. A questionnaire
item names the position its answer informs (`informs`), or None when the answer bears on the whole
spread (the week's focus, the year's area of life): then it is read against the card it speaks to.
"""

from __future__ import annotations

from attrs import frozen

from tarot_domain.content.structure.roles import Role

DEFAULT_SPREAD_ID = "three"
QUESTIONNAIRE_ANSWER_MAX = 300
"""The most characters one questionnaire answer may have."""


@frozen
class PositionShape:
    """A place in a spread: its `role`, and for calendar spreads the period it stands for (`stage`, from 1:
    the day of the week, the week of the month, the month of the year)."""

    id: str
    role: Role
    stage: int | None = None


@frozen
class QuestionShape:
    id: str
    informs: str | None


@frozen
class SpreadShape:
    id: str
    cost: int
    positions: tuple[PositionShape, ...]
    questionnaire: tuple[QuestionShape, ...] = ()


P = PositionShape
Q = QuestionShape

SPREADS: tuple[SpreadShape, ...] = (
    SpreadShape("single", 5, (P("card", Role.PRESENT),)),
    SpreadShape("yes-no", 5, (P("answer", Role.ANSWER),)),
    SpreadShape("three", 12, (P("past", Role.PAST), P("present", Role.PRESENT), P("future", Role.OUTCOME))),
    SpreadShape(
        "celtic-cross",
        15,
        (
            P("present", Role.PRESENT),
            P("challenge", Role.CHALLENGE),
            P("foundation", Role.FOUNDATION),
            P("recent-past", Role.RECENT_PAST),
            P("crown", Role.CROWN),
            P("near-future", Role.NEAR_FUTURE),
            P("self", Role.SELF),
            P("environment", Role.ENVIRONMENT),
            P("hopes-fears", Role.HOPES_FEARS),
            P("outcome", Role.OUTCOME),
        ),
    ),
    SpreadShape(
        "relationship",
        12,
        (
            P("you", Role.SELF),
            P("other", Role.OTHER),
            P("bond", Role.BETWEEN),
            P("challenge", Role.CHALLENGE),
            P("direction", Role.OUTCOME),
        ),
        (Q("partner", informs="other"), Q("stage", informs="bond")),
    ),
    SpreadShape(
        "career",
        12,
        (
            P("standing", Role.PRESENT),
            P("helps", Role.STRENGTH),
            P("blocks", Role.CHALLENGE),
            P("next-step", Role.ADVICE),
        ),
        (Q("role", informs="standing"), Q("change", informs="next-step")),
    ),
    SpreadShape(
        "week-ahead",
        20,
        (
            P("monday", Role.DAY, 1),
            P("tuesday", Role.DAY, 2),
            P("wednesday", Role.DAY, 3),
            P("thursday", Role.DAY, 4),
            P("friday", Role.DAY, 5),
            P("saturday", Role.DAY, 6),
            P("sunday", Role.DAY, 7),
        ),
        (Q("focus", informs=None), Q("concern", informs=None)),
    ),
    SpreadShape(
        "month-ahead",
        100,
        (
            P("theme", Role.THEME),
            P("week-1-opportunity", Role.OPPORTUNITY, 1),
            P("week-1-challenge", Role.CHALLENGE, 1),
            P("week-2-opportunity", Role.OPPORTUNITY, 2),
            P("week-2-challenge", Role.CHALLENGE, 2),
            P("week-3-opportunity", Role.OPPORTUNITY, 3),
            P("week-3-challenge", Role.CHALLENGE, 3),
            P("week-4-opportunity", Role.OPPORTUNITY, 4),
            P("week-4-challenge", Role.CHALLENGE, 4),
            P("advice", Role.ADVICE),
            P("hidden", Role.HIDDEN),
            P("outcome", Role.OUTCOME),
        ),
        (Q("hopes", informs="outcome"), Q("situation", informs="theme")),
    ),
    SpreadShape(
        "year-ahead",
        500,
        (
            P("theme", Role.THEME),
            P("january", Role.MONTH, 1),
            P("february", Role.MONTH, 2),
            P("march", Role.MONTH, 3),
            P("april", Role.MONTH, 4),
            P("may", Role.MONTH, 5),
            P("june", Role.MONTH, 6),
            P("july", Role.MONTH, 7),
            P("august", Role.MONTH, 8),
            P("september", Role.MONTH, 9),
            P("october", Role.MONTH, 10),
            P("november", Role.MONTH, 11),
            P("december", Role.MONTH, 12),
        ),
        (Q("intention", informs="theme"), Q("area", informs=None)),
    ),
    SpreadShape(
        "life-path",
        1000,
        (
            P("roots", Role.PAST),
            P("gifts", Role.STRENGTH),
            P("wounds", Role.WOUND),
            P("lessons", Role.LESSON),
            P("shadow", Role.SHADOW),
            P("strength", Role.STRENGTH),
            P("desire", Role.DESIRE),
            P("fear", Role.FEAR),
            P("relationships", Role.OTHER),
            P("calling", Role.CALLING),
            P("purpose", Role.CALLING),
            P("turning-point", Role.LESSON),
            P("guidance", Role.ADVICE),
            P("souls-path", Role.LESSON),
            P("destination", Role.OUTCOME),
        ),
        (
            Q("stage", informs="turning-point"),
            Q("turning-points", informs="lessons"),
            Q("seeking", informs="guidance"),
        ),
    ),
)
"""Every spread, from the simplest to the deepest (the order menus show)."""
