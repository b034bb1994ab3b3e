"""The closing: back to the question, one concrete step fitted to the draw, and that the choice is theirs.

The step is the action of the advice card (the outcome's, the near future's or the present's when the
spread has no advice), tied to what the question is about and to its lean; a calendar spread also names
its turning points. The action is kept back from the body, so the closing is where it is said.
"""

from __future__ import annotations

from adapters.offline.calendars import turning_points
from adapters.offline.placed import Placed, first
from adapters.offline.writer import Writer
from tarot_domain.content.polarity import Lean
from tarot_domain.content.structure.roles import Role
from tarot_domain.model.safety import directive_in

CALENDARS = frozenset({"week-ahead", "month-ahead", "year-ahead"})
STEP_ROLES = (Role.ADVICE, Role.OUTCOME, Role.NEAR_FUTURE, Role.ANSWER, Role.PRESENT, Role.THEME)


def step_card(w: Writer) -> Placed:
    """The card whose action is the reading's next step."""
    for role in STEP_ROLES:
        card = first(w.placed, role)
        if card is not None:
            return card
    return w.placed[-1]


def reserve(w: Writer) -> Placed:
    """Keep the step card's action for the closing (the body reads another of its texts)."""
    card = step_card(w)
    w.said.add(card.face.action)
    return card


def _mood(w: Writer) -> str:
    if not w.asked.shape:
        return "day" if len(w.placed) == 1 else "open"
    if w.framed:
        return "framed"
    if w.lean is None or w.asked.choice is not None or w.asked.shape not in ("closed", "should"):
        return "open"  # "when", "what" and choices are not closed with "that yes" or "a no"
    return {Lean.YES: "yes", Lean.NO: "no", Lean.UNCLEAR: "unclear"}[w.lean.lean]


def closing(w: Writer, card: Placed, notes: list[str]) -> str:
    sentences = list(notes)
    step = card.face.action
    if w.framed and directive_in(step) is not None:  # never a treatment, legal or money directive
        step = card.face.lesson
    sentences.append(w.say(f"close.{_mood(w)}", a=card.named, t=step))
    if w.spread.id in CALENDARS:
        turns = turning_points(w, [c for c in w.placed if c.role is not Role.THEME])
        if len(turns) == 2:
            a, b = turns
            sentences.append(w.say("close.turns", a=a.named, b=b.named, on_a=w.where(a), on_b=w.where(b)))
    sentences.append(w.say("close.choice"))
    return " ".join(sentences)
