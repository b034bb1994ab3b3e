"""How each spread lies on the table: a place for every position, as the spread picture draws it.

A `Slot` is a card's centre in table units: `column` counts card widths plus a gap across, `row` card
heights plus a gap down, both from the top-left card's centre (fractions are allowed, so a card can sit
between two others). `turned` lays a card across (a quarter turn, as the Celtic Cross's crossing card).
Cards are put down in the spread's position order, so a later card lies over an earlier one. `path`
asks for a line through the cards in order (the life path is walked as a road).

Shapes, by spread:
- `single`, `yes-no`: one card.  `three`: past, present, future in a row.
- `celtic-cross`: the cross (present with the challenge laid across it, foundation below, recent past to
  the left, crown above, near future to the right) and the staff of four on the right, read upward.
- `relationship`: you, your bond and the other person in a row, the challenge and the direction under them.
- `career`: a diamond read left to right: where you stand, what helps above, what blocks below, the step.
- `week-ahead`: Monday to Thursday over Friday to Sunday.
- `month-ahead`: the theme on top, the four weeks as columns (opportunity over challenge), then advice,
  what is hidden and the outcome.
- `year-ahead`: the twelve months clockwise around the theme, January at the top left.
- `life-path`: a winding road of fifteen, from the roots at the bottom left up to the destination.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen


@frozen
class Slot:
    column: float
    row: float
    turned: bool = False


@frozen
class Layout:
    slots: Mapping[str, Slot]
    path: bool = False


S = Slot
_CROSS_STEP = 1.4  # the crossing card is a card height wide: the cross's arms stand off that far
_STAFF = 2 * _CROSS_STEP + 1.25  # the staff stands apart from the cross

LAYOUTS: Mapping[str, Layout] = MappingProxyType(
    {
        "single": Layout({"card": S(0, 0)}),
        "yes-no": Layout({"answer": S(0, 0)}),
        "three": Layout({"past": S(0, 0), "present": S(1, 0), "future": S(2, 0)}),
        "celtic-cross": Layout(
            {
                "present": S(_CROSS_STEP, 1.5),
                "challenge": S(_CROSS_STEP, 1.5, turned=True),
                "foundation": S(_CROSS_STEP, 2.6),
                "recent-past": S(0, 1.5),
                "crown": S(_CROSS_STEP, 0.4),
                "near-future": S(2 * _CROSS_STEP, 1.5),
                "self": S(_STAFF, 3),
                "environment": S(_STAFF, 2),
                "hopes-fears": S(_STAFF, 1),
                "outcome": S(_STAFF, 0),
            }
        ),
        "relationship": Layout(
            {
                "you": S(0, 0),
                "bond": S(1, 0),
                "other": S(2, 0),
                "challenge": S(0.5, 1),
                "direction": S(1.5, 1),
            }
        ),
        "career": Layout(
            {
                "standing": S(0, 0.5),
                "helps": S(1, 0),
                "blocks": S(1, 1),
                "next-step": S(2, 0.5),
            }
        ),
        "week-ahead": Layout(
            {
                "monday": S(0, 0),
                "tuesday": S(1, 0),
                "wednesday": S(2, 0),
                "thursday": S(3, 0),
                "friday": S(0.5, 1),
                "saturday": S(1.5, 1),
                "sunday": S(2.5, 1),
            }
        ),
        "month-ahead": Layout(
            {
                "theme": S(1.5, 0),
                "week-1-opportunity": S(0, 1),
                "week-1-challenge": S(0, 2),
                "week-2-opportunity": S(1, 1),
                "week-2-challenge": S(1, 2),
                "week-3-opportunity": S(2, 1),
                "week-3-challenge": S(2, 2),
                "week-4-opportunity": S(3, 1),
                "week-4-challenge": S(3, 2),
                "advice": S(0.5, 3),
                "hidden": S(1.5, 3),
                "outcome": S(2.5, 3),
            }
        ),
        "year-ahead": Layout(
            {
                "theme": S(2, 1),
                "january": S(0, 0),
                "february": S(1, 0),
                "march": S(2, 0),
                "april": S(3, 0),
                "may": S(4, 0),
                "june": S(4, 1),
                "july": S(4, 2),
                "august": S(3, 2),
                "september": S(2, 2),
                "october": S(1, 2),
                "november": S(0, 2),
                "december": S(0, 1),
            }
        ),
        "life-path": Layout(
            {
                "roots": S(0, 2),
                "gifts": S(1, 2),
                "wounds": S(2, 2),
                "lessons": S(3, 2),
                "shadow": S(4, 2),
                "strength": S(4, 1),
                "desire": S(3, 1),
                "fear": S(2, 1),
                "relationships": S(1, 1),
                "calling": S(0, 1),
                "purpose": S(0, 0),
                "turning-point": S(1, 0),
                "guidance": S(2, 0),
                "souls-path": S(3, 0),
                "destination": S(4, 0),
            },
            path=True,
        ),
    }
)
"""Every spread's layout, by spread id (a test checks each covers exactly its spread's positions)."""
