"""Draws and requests the picture tests share: every spread, filled with a varied, fixed set of cards."""

from __future__ import annotations

from tarot_domain.content.structure.spreads import SPREADS
from tarot_domain.model.draw import DrawnCard
from tarot_domain.use_cases.pictures import picture_request
from tarot_ports.renderer import RenderRequest

DECKS = ("rider-waite", "thoth", "marseille")
LANGUAGES = ("en", "uk")
SPREAD_IDS = tuple(shape.id for shape in SPREADS)

VARIED = (
    "major-13-death", "cups-ace", "swords-queen", "wands-seven", "major-00-fool", "pentacles-ten",
    "major-08-strength", "wands-page", "cups-nine", "major-20-judgement", "swords-two", "pentacles-king",
    "major-10-wheel-of-fortune", "cups-knight", "swords-five",
)  # fmt: skip
"""Majors (the renamed, the renumbered, the unnumbered), aces, courts of each rank, pips of each density."""


def varied_draw(spread_id: str, *, reversed_every: int = 2) -> tuple[DrawnCard, ...]:
    """One card per position from `VARIED`, every `reversed_every`-th one reversed (the second, fourth…)."""
    shape = next(shape for shape in SPREADS if shape.id == spread_id)
    return tuple(
        DrawnCard(position.id, VARIED[k % len(VARIED)], reversed=k % reversed_every == 1)
        for k, position in enumerate(shape.positions)
    )


def varied_request(spread_id: str, deck_id: str, language: str) -> RenderRequest:
    return picture_request(spread_id, deck_id, language, varied_draw(spread_id))
