"""Drawing cards: an unbiased partial Fisher–Yates shuffle through the RandomSource port."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from attrs import frozen


class RandomBelow(Protocol):
    def randbelow(self, n: int) -> int:
        """A uniformly random integer in [0, n)."""
        ...


@frozen
class DrawnCard:
    position_id: str
    card_id: str
    reversed: bool = False


def shuffle_take(items: Sequence[str], count: int, rng: RandomBelow) -> list[str]:
    """The first `count` items of a uniformly random permutation of `items`.

    Each step swaps position i with a uniformly chosen j in [i, n): every ordered selection of `count`
    distinct items is equally likely, and no item can appear twice.
    """
    if not 0 <= count <= len(items):
        raise ValueError(f"cannot take {count} of {len(items)} items")
    pool = list(items)
    n = len(pool)
    for i in range(count):
        j = i + rng.randbelow(n - i)
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:count]


def draw_cards(
    card_ids: Sequence[str], position_ids: Sequence[str], rng: RandomBelow, *, reversals: bool
) -> tuple[DrawnCard, ...]:
    """One distinct card per position; each reversed with probability 1/2 when reversals are on."""
    chosen = shuffle_take(card_ids, len(position_ids), rng)
    return tuple(
        DrawnCard(position_id=pos, card_id=card, reversed=reversals and rng.randbelow(2) == 1)
        for pos, card in zip(position_ids, chosen, strict=True)
    )
