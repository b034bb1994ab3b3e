"""The answer first: the opening paragraph of a reading.

- A closed, "should" or "when" question (and any question on the yes-no spread) opens with the lean and
  the card that decides it; when the cards truly split, with what the answer depends on.
- A "what", "how" or open question opens with a thesis: the central card read for the question's topic.
- A framed question (health, legal, money) opens with "the cards show the situation, not the decision"
  and a thesis, never a lean.
- No question (a card of the day) opens with the card that sets the tone.
"""

from __future__ import annotations

from collections.abc import Mapping

from adapters.offline.placed import Placed, first
from adapters.offline.voice import Slot
from adapters.offline.writer import Writer
from tarot_domain.content.polarity import Lean
from tarot_domain.content.structure.roles import Role
from tarot_domain.model.lean import Band
from tarot_domain.model.safety import directive_in

CENTRAL_POSITION: Mapping[str, str] = {
    "relationship": "bond",
    "life-path": "souls-path",
}
CENTRAL_ROLES = (Role.ANSWER, Role.PRESENT, Role.THEME, Role.BETWEEN, Role.OUTCOME)


def central(w: Writer) -> Placed:
    """The card a thesis is read from: the spread's heart (the present, the theme, the bond…); on the
    week ahead, the strongest card of the week."""
    wanted = CENTRAL_POSITION.get(w.spread.id)
    if wanted is not None:
        found = next((c for c in w.placed if c.position_id == wanted), None)
        if found is not None:
            return found
    card = first(w.placed, *CENTRAL_ROLES)
    if card is not None:
        return card
    return max(w.placed, key=lambda c: (c.card.is_major, abs(c.polarity), -c.index))


def focus_slot(w: Writer) -> str:
    """The question's focus, glued to the verb of "you're asking": " whether…" (Ukrainian ", чи…", but
    no comma before «про…»). A framed question whose own words would read as a directive ("whether to
    stop taking…") is named by its kind instead."""
    focus = w.asked.focus.strip()
    if w.safety is not None and directive_in(focus) is not None:
        focus = w.phrasing.words.get(f"framed-focus.{w.safety.value}", "")
    if not focus:
        return ""
    if w.language == "uk" and not focus.startswith("про "):
        return f", {focus}"
    return f" {focus}"


def focus_slots(w: Writer) -> dict[str, Slot]:
    """`f`, the focus glued to its verb, and `f_` the same closed by a comma where it is a clause that
    the sentence then goes on after (Ukrainian «На запитання, чи …, карти …»)."""
    focus = focus_slot(w)
    closed = focus + "," if focus.startswith(",") else focus
    return {"f": focus, "f_": closed}


def verdict(w: Writer) -> str:
    lean = w.lean
    if lean is None or lean.band is None or lean.lean is Lean.UNCLEAR:
        return w.say("verdict.when.unclear" if w.asked.shape == "when" else "verdict.unclear")
    kind = "when." if w.asked.shape == "when" else ""
    return w.say(f"verdict.{kind}{lean.lean.value}.{_band(lean.band)}")


def _band(band: Band) -> str:
    return {Band.CAUTIOUS: "cautious", Band.ON_BALANCE: "on-balance", Band.CLEAR: "clear"}[band]


def _card_at(w: Writer, position_id: str) -> Placed:
    return next(c for c in w.placed if c.position_id == position_id)


def opening(w: Writer) -> list[str]:
    """The opening paragraph (a list of one, for a uniform shape with the other parts)."""
    if not w.asked.shape or w.framed or w.lean is None or not w.asked.closed:
        # a "what" or "why" asked on the yes-no spread is still answered as asked, with a thesis
        card = central(w)
        text = w.text_of(card, "core")
        w.read_early.add(card.named.key)
        family = "open.none" if not w.asked.shape else "open.framed" if w.framed else "open.thesis"
        return [w.say(family, a=card.named, t=text, **focus_slots(w))]
    lean = w.lean
    decisive = _card_at(w, lean.decisive.position_id)
    slots: dict[str, Slot] = {"verdict": verdict(w), "d": decisive.named, "where": w.where(decisive)}
    slots.update(focus_slots(w))
    if w.asked.choice is not None:  # "A or B?": yes leans to the first option, no to the second
        first_option, second_option = (w.quote(option) for option in w.asked.choice)
        if lean.split is not None and len(w.placed) > 1:
            yes, no = (_card_at(w, pull.position_id) for pull in lean.split)
            return [
                w.say(
                    "open.choice.split", x=first_option, y=second_option, yc=yes.named, nc=no.named, **slots
                )
            ]
        favoured, other = (
            (second_option, first_option) if lean.lean is Lean.NO else (first_option, second_option)
        )
        return [w.say(f"open.choice.{lean.lean.value}", x=favoured, y=other, **slots)]
    if lean.split is not None and len(w.placed) > 1:
        yes, no = (_card_at(w, pull.position_id) for pull in lean.split)
        family = "open.depends" if lean.lean is Lean.UNCLEAR else "open.depends.lean"
        return [w.say(family, y=yes.named, n=no.named, ky=w.keyword(yes), kn=w.keyword(no), **slots)]
    kind = "when." if w.asked.shape == "when" else ""
    return [w.say(f"open.{kind}{lean.lean.value}", **slots)]
