"""The spread picture: a drawn spread as one PNG, laid out the way the spread is laid on a table.

The request is already resolved: every word the picture shows arrives here in the user's language and in
the deck's own naming (the caller reads the packs and the deck), so a renderer only lays out and draws. It
never looks anything up, and two requests that are equal draw the same picture.
"""

from __future__ import annotations

from typing import Protocol

from attrs import frozen

from tarot_domain.model.cards import Arcana, Element, Suit


@frozen
class PictureCard:
    """One drawn card as its face and the legend show it.

    - `position` is the place's number in laying order, from 1; `position_id` and `position_name` say which
      place it is (the legend lists `position` → `position_name`).
    - `label` is what the deck prints at the card's head ("XIV", "VIII", "2"), empty when it prints nothing
      (an unnumbered Fool, an ace, a court card); `name` is the deck's own name ("Art", "Dominion",
      «Панування», "Ace of Cups"); `subtitle` a second, smaller line where the deck gives one (the Thoth
      small card's plain name under its title: "Two of Wands"), else empty.
    - `arcana`, `suit`, `rank` (major 0–21, minor ace 1 … king 14) and `element` choose the face's glyphs
      and colours; `reversed` turns the card upside down.
    """

    position: int
    position_id: str
    position_name: str
    card_id: str
    label: str
    name: str
    arcana: Arcana
    suit: Suit | None
    rank: int
    element: Element
    reversed: bool = False
    subtitle: str = ""


@frozen
class RenderRequest:
    """A drawn spread to picture: `cards` in laying order, with the spread's `title` over the legend,
    `deck_name` under it, and `reversed_word` ("reversed", «перевернута») after a reversed card's name."""

    spread_id: str
    deck_id: str
    language: str
    title: str
    deck_name: str
    reversed_word: str
    cards: tuple[PictureCard, ...]


class SpreadRenderer(Protocol):
    async def render(self, request: RenderRequest) -> bytes:
        """The spread as a PNG (at least 800 px wide, under 1 MB), drawn off the event loop.

        Raises `validation` for a spread the renderer has no layout for, or a request whose cards do not
        fill that spread's positions.
        """
        ...
