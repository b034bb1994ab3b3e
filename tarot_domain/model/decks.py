"""Decks: the same 78 canonical cards under each deck's own names and numbering.

A reading always stores canonical card ids; a deck only changes how a card is shown. Rider–Waite–Smith
uses the catalogue's names as they are. The Thoth and Marseille decks rename the major arcana, swap the
numbers of Strength and Justice, and name their minor cards from their own suit and rank words
(Thoth also gives its small cards 2–10 a title: the Two of Wands is "Dominion").

Major-arcana overrides are keyed by the card's canonical rank (0–21, Rider–Waite numbering, so Strength
is 8 and Justice 11); minor-card overrides by suit and rank name (`ace` … `king`). Everything here is
literal data: no I/O, nothing computed at import time. Deck ids and numbering come from
`content.structure.decks`, deck names and descriptions from the language packs.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import field, frozen

from tarot_domain.content import keys
from tarot_domain.content.registry import PackText
from tarot_domain.content.structure import decks as structure
from tarot_domain.model.cards import Card, Suit
from tarot_domain.model.errors import validation
from tarot_domain.model.localized import DEFAULT_LANGUAGE, Localized, pick

DEFAULT_DECK_ID = structure.DEFAULT_DECK_ID

RANK_NAMES: Mapping[str, Localized] = MappingProxyType(
    {
        "ace": {"en": "Ace", "uk": "Туз"},
        "two": {"en": "Two", "uk": "Двійка"},
        "three": {"en": "Three", "uk": "Трійка"},
        "four": {"en": "Four", "uk": "Четвірка"},
        "five": {"en": "Five", "uk": "П'ятірка"},
        "six": {"en": "Six", "uk": "Шістка"},
        "seven": {"en": "Seven", "uk": "Сімка"},
        "eight": {"en": "Eight", "uk": "Вісімка"},
        "nine": {"en": "Nine", "uk": "Дев'ятка"},
        "ten": {"en": "Ten", "uk": "Десятка"},
        "page": {"en": "Page", "uk": "Паж"},
        "knight": {"en": "Knight", "uk": "Лицар"},
        "queen": {"en": "Queen", "uk": "Королева"},
        "king": {"en": "King", "uk": "Король"},
    }
)
"""Rank words a composed minor name starts from; a deck's `rank_names` override them."""

MINOR_NAME_PATTERNS: Mapping[str, str] = MappingProxyType({"en": "{rank} of {suit}", "uk": "{rank} {suit}"})
"""How a composed minor name is put together. Ukrainian puts the suit in the genitive plural."""

_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    """`number` in Roman numerals; 0 is written "0" (the Fool's number)."""
    if number < 0:
        raise ValueError(f"no Roman numeral for {number}")
    if number == 0:
        return "0"
    parts: list[str] = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        parts.append(numeral * count)
    return "".join(parts)


@frozen
class Deck:
    """One deck's names and numbering for the canonical cards.

    - `major_names`: canonical rank (0–21) → the deck's name; a missing rank keeps the catalogue's name.
    - `major_numbers`: canonical rank → the number the deck prints on the card, or None for an
      unnumbered card; a missing rank keeps the canonical rank.
    - `suit_names`: the suit word as it appears in a composed minor name ("Wands"; Ukrainian genitive
      plural "Жезлів"). A minor card whose suit is missing here keeps the catalogue's name.
    - `rank_names`: rank name (`ace` … `king`) → the deck's word for it, over `RANK_NAMES`.
    - `titles`: (suit, rank name) → the title the deck gives that minor card (Thoth small cards).

    Decks compare and hash by `id` alone.
    """

    id: str
    name: Localized = field(eq=False)
    description: Localized = field(eq=False)
    major_names: Mapping[int, Localized] = field(factory=dict, eq=False)
    major_numbers: Mapping[int, int | None] = field(factory=dict, eq=False)
    suit_names: Mapping[Suit, Localized] = field(factory=dict, eq=False)
    rank_names: Mapping[str, Localized] = field(factory=dict, eq=False)
    titles: Mapping[tuple[Suit, str], Localized] = field(factory=dict, eq=False)

    def card_name(self, card: Card, language: str) -> str:
        """The card's name in this deck, in `language` (English when the deck lacks that language)."""
        if card.suit is None:
            major = self.major_names.get(card.rank)
            return card.display_name(language) if major is None else pick(major, language)
        suit = self.suit_names.get(card.suit)
        rank_name = card.rank_name
        if suit is None or rank_name is None:
            return card.display_name(language)
        rank = self.rank_names.get(rank_name) or RANK_NAMES[rank_name]
        pattern = MINOR_NAME_PATTERNS.get(language) or MINOR_NAME_PATTERNS[DEFAULT_LANGUAGE]
        return pattern.format(rank=pick(rank, language), suit=pick(suit, language))

    def card_number(self, card: Card) -> str | None:
        """The major arcanum's number in this deck in Roman numerals ("0" for a zero), else None."""
        if card.suit is not None:
            return None
        number = self.major_numbers.get(card.rank, card.rank)
        return None if number is None else roman(number)

    def title(self, card: Card, language: str) -> str | None:
        """The deck's title for a minor card (the Thoth Two of Wands is "Dominion"), else None."""
        rank_name = card.rank_name
        if card.suit is None or rank_name is None:
            return None
        title = self.titles.get((card.suit, rank_name))
        return None if title is None else pick(title, language)

    def label(self, card: Card, language: str) -> str:
        """A one-line caption: "VIII · Adjustment", "Two of Wands — Dominion", or just the name."""
        name = self.card_name(card, language)
        number = self.card_number(card)
        if number is not None:
            return f"{number} · {name}"
        title = self.title(card, language)
        if title is not None:
            return f"{name} — {title}"
        return name


# --- Thoth (Crowley–Harris) ------------------------------------------------------------------------

_THOTH_MAJORS: Mapping[int, Localized] = MappingProxyType(
    {  # keyed by canonical rank: 8 is the canonical Strength (Lust), 11 the canonical Justice (Adjustment)
        0: {"en": "The Fool", "uk": "Блазень"},
        1: {"en": "The Magus", "uk": "Маг"},
        2: {"en": "The Priestess", "uk": "Жриця"},
        3: {"en": "The Empress", "uk": "Імператриця"},
        4: {"en": "The Emperor", "uk": "Імператор"},
        5: {"en": "The Hierophant", "uk": "Ієрофант"},
        6: {"en": "The Lovers", "uk": "Закохані"},
        7: {"en": "The Chariot", "uk": "Колісниця"},
        8: {"en": "Lust", "uk": "Жага"},
        9: {"en": "The Hermit", "uk": "Відлюдник"},
        10: {"en": "Fortune", "uk": "Фортуна"},
        11: {"en": "Adjustment", "uk": "Врівноваження"},
        12: {"en": "The Hanged Man", "uk": "Повішений"},
        13: {"en": "Death", "uk": "Смерть"},
        14: {"en": "Art", "uk": "Мистецтво"},
        15: {"en": "The Devil", "uk": "Диявол"},
        16: {"en": "The Tower", "uk": "Вежа"},
        17: {"en": "The Star", "uk": "Зірка"},
        18: {"en": "The Moon", "uk": "Місяць"},
        19: {"en": "The Sun", "uk": "Сонце"},
        20: {"en": "The Aeon", "uk": "Еон"},
        21: {"en": "The Universe", "uk": "Всесвіт"},
    }
)

_THOTH_SUITS: Mapping[Suit, Localized] = MappingProxyType(
    {
        Suit.WANDS: {"en": "Wands", "uk": "Жезлів"},
        Suit.CUPS: {"en": "Cups", "uk": "Кубків"},
        Suit.SWORDS: {"en": "Swords", "uk": "Мечів"},
        Suit.PENTACLES: {"en": "Disks", "uk": "Дисків"},
    }
)

_THOTH_COURTS: Mapping[str, Localized] = MappingProxyType(
    {
        "king": {"en": "Knight", "uk": "Лицар"},
        "queen": {"en": "Queen", "uk": "Королева"},
        "knight": {"en": "Prince", "uk": "Принц"},
        "page": {"en": "Princess", "uk": "Принцеса"},
    }
)

_THOTH_TITLES: Mapping[tuple[Suit, str], Localized] = MappingProxyType(
    {
        (Suit.WANDS, "two"): {"en": "Dominion", "uk": "Панування"},
        (Suit.WANDS, "three"): {"en": "Virtue", "uk": "Чеснота"},
        (Suit.WANDS, "four"): {"en": "Completion", "uk": "Завершення"},
        (Suit.WANDS, "five"): {"en": "Strife", "uk": "Боротьба"},
        (Suit.WANDS, "six"): {"en": "Victory", "uk": "Перемога"},
        (Suit.WANDS, "seven"): {"en": "Valour", "uk": "Звитяга"},
        (Suit.WANDS, "eight"): {"en": "Swiftness", "uk": "Швидкість"},
        (Suit.WANDS, "nine"): {"en": "Strength", "uk": "Сила"},
        (Suit.WANDS, "ten"): {"en": "Oppression", "uk": "Гніт"},
        (Suit.CUPS, "two"): {"en": "Love", "uk": "Любов"},
        (Suit.CUPS, "three"): {"en": "Abundance", "uk": "Достаток"},
        (Suit.CUPS, "four"): {"en": "Luxury", "uk": "Розкіш"},
        (Suit.CUPS, "five"): {"en": "Disappointment", "uk": "Розчарування"},
        (Suit.CUPS, "six"): {"en": "Pleasure", "uk": "Насолода"},
        (Suit.CUPS, "seven"): {"en": "Debauch", "uk": "Розпуста"},
        (Suit.CUPS, "eight"): {"en": "Indolence", "uk": "Лінощі"},
        (Suit.CUPS, "nine"): {"en": "Happiness", "uk": "Щастя"},
        (Suit.CUPS, "ten"): {"en": "Satiety", "uk": "Пересичення"},
        (Suit.SWORDS, "two"): {"en": "Peace", "uk": "Мир"},
        (Suit.SWORDS, "three"): {"en": "Sorrow", "uk": "Скорбота"},
        (Suit.SWORDS, "four"): {"en": "Truce", "uk": "Перемир'я"},
        (Suit.SWORDS, "five"): {"en": "Defeat", "uk": "Поразка"},
        (Suit.SWORDS, "six"): {"en": "Science", "uk": "Наука"},
        (Suit.SWORDS, "seven"): {"en": "Futility", "uk": "Марність"},
        (Suit.SWORDS, "eight"): {"en": "Interference", "uk": "Втручання"},
        (Suit.SWORDS, "nine"): {"en": "Cruelty", "uk": "Жорстокість"},
        (Suit.SWORDS, "ten"): {"en": "Ruin", "uk": "Руйнація"},
        (Suit.PENTACLES, "two"): {"en": "Change", "uk": "Зміна"},
        (Suit.PENTACLES, "three"): {"en": "Works", "uk": "Праця"},
        (Suit.PENTACLES, "four"): {"en": "Power", "uk": "Могутність"},
        (Suit.PENTACLES, "five"): {"en": "Worry", "uk": "Тривога"},
        (Suit.PENTACLES, "six"): {"en": "Success", "uk": "Успіх"},
        (Suit.PENTACLES, "seven"): {"en": "Failure", "uk": "Невдача"},
        (Suit.PENTACLES, "eight"): {"en": "Prudence", "uk": "Обачність"},
        (Suit.PENTACLES, "nine"): {"en": "Gain", "uk": "Здобуток"},
        (Suit.PENTACLES, "ten"): {"en": "Wealth", "uk": "Багатство"},
    }
)

# --- Tarot de Marseille --------------------------------------------------------------------------

_MARSEILLE_MAJORS: Mapping[int, Localized] = MappingProxyType(
    {  # keyed by canonical rank: 8 is the canonical Strength, 11 the canonical Justice
        0: {"en": "The Fool", "uk": "Блазень"},
        1: {"en": "The Magician", "uk": "Маг"},
        2: {"en": "The Popess", "uk": "Папеса"},
        3: {"en": "The Empress", "uk": "Імператриця"},
        4: {"en": "The Emperor", "uk": "Імператор"},
        5: {"en": "The Pope", "uk": "Папа"},
        6: {"en": "The Lovers", "uk": "Закохані"},
        7: {"en": "The Chariot", "uk": "Колісниця"},
        8: {"en": "Strength", "uk": "Сила"},
        9: {"en": "The Hermit", "uk": "Відлюдник"},
        10: {"en": "Wheel of Fortune", "uk": "Колесо Фортуни"},
        11: {"en": "Justice", "uk": "Справедливість"},
        12: {"en": "The Hanged Man", "uk": "Повішений"},
        13: {"en": "The Nameless Arcanum", "uk": "Безіменний Аркан"},
        14: {"en": "Temperance", "uk": "Поміркованість"},
        15: {"en": "The Devil", "uk": "Диявол"},
        16: {"en": "The House of God", "uk": "Дім Божий"},
        17: {"en": "The Star", "uk": "Зірка"},
        18: {"en": "The Moon", "uk": "Місяць"},
        19: {"en": "The Sun", "uk": "Сонце"},
        20: {"en": "Judgement", "uk": "Суд"},
        21: {"en": "The World", "uk": "Світ"},
    }
)

_MARSEILLE_SUITS: Mapping[Suit, Localized] = MappingProxyType(
    {
        Suit.WANDS: {"en": "Batons", "uk": "Палиць"},
        Suit.CUPS: {"en": "Cups", "uk": "Кубків"},
        Suit.SWORDS: {"en": "Swords", "uk": "Мечів"},
        Suit.PENTACLES: {"en": "Coins", "uk": "Монет"},
    }
)

_MARSEILLE_COURTS: Mapping[str, Localized] = MappingProxyType(
    {
        "page": {"en": "Valet", "uk": "Валет"},
        "knight": {"en": "Knight", "uk": "Лицар"},
        "queen": {"en": "Queen", "uk": "Королева"},
        "king": {"en": "King", "uk": "Король"},
    }
)

# How each deck names the cards, by deck id (until the card-knowledge packs carry the decks' names).
_MAJOR_NAMES: Mapping[str, Mapping[int, Localized]] = {"thoth": _THOTH_MAJORS, "marseille": _MARSEILLE_MAJORS}
_SUIT_NAMES: Mapping[str, Mapping[Suit, Localized]] = {"thoth": _THOTH_SUITS, "marseille": _MARSEILLE_SUITS}
_RANK_NAMES: Mapping[str, Mapping[str, Localized]] = {"thoth": _THOTH_COURTS, "marseille": _MARSEILLE_COURTS}
_TITLES: Mapping[str, Mapping[tuple[Suit, str], Localized]] = {"thoth": _THOTH_TITLES}

_DECKS: tuple[Deck, ...] = tuple(
    Deck(
        id=shape.id,
        name=PackText(keys.deck_name(shape.id)),
        description=PackText(keys.deck_description(shape.id)),
        major_names=_MAJOR_NAMES.get(shape.id, {}),
        major_numbers=shape.major_numbers,
        suit_names=_SUIT_NAMES.get(shape.id, {}),
        rank_names=_RANK_NAMES.get(shape.id, {}),
        titles=_TITLES.get(shape.id, {}),
    )
    for shape in structure.DECKS
)


def all_decks() -> tuple[Deck, ...]:
    """Every deck, the default (Rider–Waite–Smith) first, then Thoth and Marseille."""
    return _DECKS


def deck_ids() -> tuple[str, ...]:
    return tuple(deck.id for deck in _DECKS)


def get_deck(deck_id: str) -> Deck:
    for deck in _DECKS:
        if deck.id == deck_id:
            return deck
    choices = ", ".join(deck_ids())
    raise validation(f"unknown deck {deck_id!r}", "error.unknown_deck", deck=deck_id, choices=choices)
