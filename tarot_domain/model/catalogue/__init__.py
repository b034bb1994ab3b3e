"""The card catalogue's data: one module per group of cards, written in our own words."""

from __future__ import annotations

from tarot_domain.model.cards import Card


def all_cards() -> tuple[Card, ...]:
    from tarot_domain.model.catalogue import cups, majors, pentacles, swords, wands

    return majors.CARDS + wands.CARDS + cups.CARDS + swords.CARDS + pentacles.CARDS
