"""Each deck's look: its table, paper, ink, frame, numerals, type and element colours.

Three families that must never be mistaken for one another:
- Rider–Waite–Smith: cream card, black line, a sky-coloured picture panel, plain Roman numerals, names in
  capitals in a white title band; a deep blue table.
- Thoth: a dark card with a fine double gold frame and deco corners, a glowing panel, gold numerals between
  diamonds, names in gold italic; a violet-black table.
- Marseille: parchment with a heavy woodcut outline, numeral and name in boxed bands, flat primary colours,
  additive numerals (IIII, VIIII) as the old cards cut them; an oxblood table.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen

from adapters.pillow.fonts import Weight
from tarot_domain.model.cards import Element

RGB = tuple[int, int, int]


class Frame(enum.Enum):
    CLASSIC = "classic"
    DECO = "deco"
    WOODCUT = "woodcut"


@frozen
class DeckStyle:
    """Colours and type for one deck; `frame` picks how the card's border, bands and glyphs are drawn."""

    frame: Frame
    table: RGB  # the cloth behind the cards, at its centre
    table_edge: RGB  # and at its corners
    paper: RGB  # the card's ground
    ink: RGB  # outlines and text on the paper
    band_text: RGB  # numeral and name
    subtitle_text: RGB
    panel_major: tuple[RGB, RGB]  # the picture panel of a major arcanum, top and bottom
    panel_tint: float  # how much of the element colour a minor card's panel takes (0–1)
    accent: RGB  # gold leaf, medallion rings, pip outlines on dark cards
    elements: Mapping[Element, RGB]
    badge: RGB  # the position number's disc
    badge_text: RGB
    legend_title: RGB
    legend_text: RGB
    legend_muted: RGB
    path: RGB  # the road drawn under a path-shaped spread
    numeral_weight: Weight
    name_weight: Weight
    subtitle_weight: Weight
    upper_names: bool
    additive_numerals: bool
    corner: float  # corner radius, as a share of the card's width


RIDER_WAITE = DeckStyle(
    frame=Frame.CLASSIC,
    table=(38, 52, 92),
    table_edge=(16, 22, 46),
    paper=(248, 242, 226),
    ink=(28, 26, 30),
    band_text=(28, 26, 30),
    subtitle_text=(92, 84, 78),
    panel_major=((206, 226, 240), (236, 206, 120)),
    panel_tint=0.22,
    accent=(214, 170, 62),
    elements=MappingProxyType(
        {
            Element.FIRE: (214, 84, 44),
            Element.WATER: (44, 108, 176),
            Element.AIR: (232, 186, 48),
            Element.EARTH: (74, 140, 62),
        }
    ),
    badge=(246, 208, 96),
    badge_text=(30, 28, 40),
    legend_title=(250, 240, 214),
    legend_text=(240, 234, 220),
    legend_muted=(176, 186, 214),
    path=(246, 208, 96),
    numeral_weight=Weight.REGULAR,
    name_weight=Weight.SEMIBOLD,
    subtitle_weight=Weight.REGULAR,
    upper_names=True,
    additive_numerals=False,
    corner=0.05,
)

THOTH = DeckStyle(
    frame=Frame.DECO,
    table=(44, 30, 60),
    table_edge=(10, 8, 16),
    paper=(24, 20, 34),
    ink=(206, 164, 76),
    band_text=(226, 186, 96),
    subtitle_text=(170, 156, 190),
    panel_major=((70, 40, 96), (18, 14, 28)),
    panel_tint=0.55,
    accent=(206, 164, 76),
    elements=MappingProxyType(
        {
            Element.FIRE: (255, 112, 48),
            Element.WATER: (34, 178, 170),
            Element.AIR: (244, 214, 84),
            Element.EARTH: (134, 170, 64),
        }
    ),
    badge=(206, 164, 76),
    badge_text=(24, 18, 34),
    legend_title=(232, 196, 110),
    legend_text=(232, 226, 240),
    legend_muted=(168, 152, 190),
    path=(206, 164, 76),
    numeral_weight=Weight.REGULAR,
    name_weight=Weight.SEMIBOLD,
    subtitle_weight=Weight.REGULAR,
    upper_names=False,
    additive_numerals=False,
    corner=0.025,
)

MARSEILLE = DeckStyle(
    frame=Frame.WOODCUT,
    table=(112, 36, 32),
    table_edge=(52, 14, 14),
    paper=(242, 228, 192),
    ink=(24, 18, 16),
    band_text=(24, 18, 16),
    subtitle_text=(84, 60, 48),
    panel_major=((242, 228, 192), (242, 228, 192)),
    panel_tint=0.0,
    accent=(232, 182, 38),
    elements=MappingProxyType(
        {
            Element.FIRE: (200, 46, 38),
            Element.WATER: (36, 80, 160),
            Element.AIR: (234, 184, 36),
            Element.EARTH: (58, 124, 76),
        }
    ),
    badge=(242, 228, 192),
    badge_text=(120, 30, 26),
    legend_title=(250, 236, 200),
    legend_text=(246, 234, 210),
    legend_muted=(226, 186, 160),
    path=(234, 184, 36),
    numeral_weight=Weight.BLACK,
    name_weight=Weight.BOLD,
    subtitle_weight=Weight.REGULAR,
    upper_names=True,
    additive_numerals=True,
    corner=0.015,
)

STYLES: Mapping[str, DeckStyle] = MappingProxyType(
    {"rider-waite": RIDER_WAITE, "thoth": THOTH, "marseille": MARSEILLE}
)
"""By deck id; a deck without a style of its own is drawn in the Rider–Waite–Smith one."""


def style_for(deck_id: str) -> DeckStyle:
    return STYLES.get(deck_id, RIDER_WAITE)


def mix(a: RGB, b: RGB, share_of_b: float) -> RGB:
    """`a` with `share_of_b` of `b` mixed in."""
    return (
        round(a[0] + (b[0] - a[0]) * share_of_b),
        round(a[1] + (b[1] - a[1]) * share_of_b),
        round(a[2] + (b[2] - a[2]) * share_of_b),
    )
