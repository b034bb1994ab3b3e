"""Each deck's name, description and suit words (card names by deck come from the card-knowledge modules)."""

from collections.abc import Mapping

from tarot_domain.content.shapes import DeckText

DECKS: Mapping[str, DeckText] = {
    "rider-waite": DeckText(
        name="Rider–Waite–Smith",
        description=(
            "The classic 1909 deck drawn by Pamela Colman Smith to A. E. Waite's design, with a picture on "
            "every card, and the names this service uses by default."
        ),
        suits={"wands": "Wands", "cups": "Cups", "swords": "Swords", "pentacles": "Pentacles"},
    ),
    "thoth": DeckText(
        name="Thoth Tarot",
        description=(
            "Aleister Crowley and Lady Frieda Harris's deck, with its own titles such as Lust, Adjustment "
            "and Art, princes and princesses at court, and a name for every small card."
        ),
        suits={"wands": "Wands", "cups": "Cups", "swords": "Swords", "pentacles": "Disks"},
    ),
    "marseille": DeckText(
        name="Tarot de Marseille",
        description=(
            "The old French pattern, with an unnumbered Fool, Justice as VIII and Strength as XI, and suits "
            "of batons, cups, swords and coins."
        ),
        suits={"wands": "Batons", "cups": "Cups", "swords": "Swords", "pentacles": "Coins"},
    ),
}
