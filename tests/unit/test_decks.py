"""Decks name and number the 78 canonical cards their own way."""

from __future__ import annotations

import pytest

from tarot_domain.model.cards import MINOR_RANKS, SUIT_ELEMENT, Arcana, Card, Element, Suit, catalogue
from tarot_domain.model.decks import DEFAULT_DECK_ID, Deck, all_decks, deck_ids, get_deck, roman
from tarot_domain.model.errors import ErrorKind, TarotError

LANGUAGES = ("en", "uk")


def _card(card_id: str, suit: Suit | None, rank: int, en: str = "", uk: str = "") -> Card:
    """A hand-made card: the deck logic looks only at suit and rank (and the name, for fallbacks)."""
    return Card(
        id=card_id,
        arcana=Arcana.MAJOR if suit is None else Arcana.MINOR,
        suit=suit,
        rank=rank,
        element=Element.FIRE if suit is None else SUIT_ELEMENT[suit],
        name={"en": en or card_id, "uk": uk or f"uk:{card_id}"},
        upright_keywords={"en": ("k",)},
        reversed_keywords={"en": ("k",)},
        upright_meaning={"en": "m"},
        reversed_meaning={"en": "m"},
    )


def _synthetic_cards() -> tuple[Card, ...]:
    """78 stand-in cards with the catalogue's structure (canonical order and id scheme)."""
    majors = tuple(_card(f"major-{rank:02d}-x", None, rank) for rank in range(22))
    minors = tuple(
        _card(f"{suit.value}-{rank_name}", suit, index + 1)
        for suit in Suit
        for index, rank_name in enumerate(MINOR_RANKS)
    )
    return majors + minors


FOOL = _card("major-00-fool", None, 0, "The Fool", "Блазень")
STRENGTH = _card("major-08-strength", None, 8, "Strength", "Сила")
JUSTICE = _card("major-11-justice", None, 11, "Justice", "Справедливість")
DEATH = _card("major-13-death", None, 13, "Death", "Смерть")
WANDS_ACE = _card("wands-ace", Suit.WANDS, 1)
WANDS_TWO = _card("wands-two", Suit.WANDS, 2)
WANDS_PAGE = _card("wands-page", Suit.WANDS, 11)
WANDS_KING = _card("wands-king", Suit.WANDS, 14)
CUPS_THREE = _card("cups-three", Suit.CUPS, 3)
CUPS_KING = _card("cups-king", Suit.CUPS, 14)
CUPS_QUEEN = _card("cups-queen", Suit.CUPS, 13)
SWORDS_TEN = _card("swords-ten", Suit.SWORDS, 10)
SWORDS_KNIGHT = _card("swords-knight", Suit.SWORDS, 12)
PENTACLES_ACE = _card("pentacles-ace", Suit.PENTACLES, 1)
PENTACLES_TEN = _card("pentacles-ten", Suit.PENTACLES, 10)
PENTACLES_PAGE = _card("pentacles-page", Suit.PENTACLES, 11)

THOTH = get_deck("thoth")
MARSEILLE = get_deck("marseille")
RIDER_WAITE = get_deck("rider-waite")


# --- the registry --------------------------------------------------------------------------------


def test_decks_in_order_with_the_default_first() -> None:
    assert deck_ids() == ("rider-waite", "thoth", "marseille")
    assert tuple(deck.id for deck in all_decks()) == deck_ids()
    assert DEFAULT_DECK_ID == "rider-waite"
    assert get_deck(DEFAULT_DECK_ID) is all_decks()[0]


@pytest.mark.parametrize("deck_id", ["tarot", "", "Thoth", "rider_waite"])
def test_unknown_deck_is_a_validation_error(deck_id: str) -> None:
    with pytest.raises(TarotError) as caught:
        get_deck(deck_id)
    assert caught.value.kind is ErrorKind.VALIDATION
    assert caught.value.message_key == "error.unknown_deck"
    assert caught.value.params["deck"] == deck_id
    assert repr(deck_id) in caught.value.detail


@pytest.mark.parametrize("deck", all_decks(), ids=lambda deck: deck.id)
def test_every_deck_has_a_name_and_a_description_in_each_language(deck: Deck) -> None:
    for language in LANGUAGES:
        assert deck.name[language].strip()
        assert deck.description[language].strip()
    assert deck.name["en"] != deck.name["uk"]
    assert deck.description["en"] != deck.description["uk"]


def test_decks_compare_by_id() -> None:
    assert get_deck("thoth") == THOTH
    assert len({*all_decks(), *all_decks()}) == 3


def test_roman_numerals() -> None:
    assert [roman(n) for n in (0, 1, 4, 8, 9, 11, 14, 19, 21)] == [
        "0", "I", "IV", "VIII", "IX", "XI", "XIV", "XIX", "XXI",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        roman(-1)


# --- with the real catalogue ----------------------------------------------------------------------


@pytest.mark.parametrize("deck", all_decks(), ids=lambda deck: deck.id)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_deck_names_all_78_cards_distinctly(deck: Deck, language: str) -> None:
    cards = catalogue().cards
    assert len(cards) == 78
    names = [deck.card_name(card, language) for card in cards]
    assert all(name.strip() for name in names)
    assert len(set(names)) == 78
    labels = [deck.label(card, language) for card in cards]
    assert len(set(labels)) == 78


@pytest.mark.parametrize("language", LANGUAGES)
def test_rider_waite_uses_the_catalogue_names(language: str) -> None:
    for card in catalogue():
        assert RIDER_WAITE.card_name(card, language) == card.display_name(language)
        assert RIDER_WAITE.card_name(card, language) == card.name[language]
        assert RIDER_WAITE.title(card, language) is None


def test_rider_waite_numbers_the_majors_canonically() -> None:
    numbers = [RIDER_WAITE.card_number(card) for card in catalogue() if card.is_major]
    assert numbers[:3] == ["0", "I", "II"]
    assert numbers[8] == "VIII"
    assert numbers[11] == "XI"
    assert numbers[21] == "XXI"
    assert all(RIDER_WAITE.card_number(card) is None for card in catalogue() if not card.is_major)


def test_thoth_and_marseille_swap_strength_and_justice_in_the_catalogue() -> None:
    strength = catalogue().get("major-08-strength")
    justice = catalogue().get("major-11-justice")
    assert THOTH.card_name(strength, "en") == "Lust"
    assert THOTH.card_number(strength) == "XI"
    assert THOTH.card_name(justice, "en") == "Adjustment"
    assert THOTH.card_number(justice) == "VIII"
    assert MARSEILLE.card_name(justice, "en") == "Justice"
    assert MARSEILLE.card_number(justice) == "VIII"
    assert MARSEILLE.card_name(strength, "en") == "Strength"
    assert MARSEILLE.card_number(strength) == "XI"
    assert MARSEILLE.card_number(catalogue().get("major-00-fool")) is None


def test_catalogue_minor_names_in_other_decks() -> None:
    cards = catalogue()
    assert THOTH.card_name(cards.get("pentacles-page"), "en") == "Princess of Disks"
    assert THOTH.card_name(cards.get("wands-king"), "en") == "Knight of Wands"
    assert MARSEILLE.card_name(cards.get("pentacles-ace"), "en") == "Ace of Coins"
    assert MARSEILLE.card_name(cards.get("wands-page"), "en") == "Valet of Batons"


# --- with hand-made cards (independent of the catalogue's data) -----------------------------------


@pytest.mark.parametrize("deck", [THOTH, MARSEILLE], ids=lambda deck: deck.id)
@pytest.mark.parametrize("language", LANGUAGES)
def test_own_names_cover_all_78_cards_distinctly(deck: Deck, language: str) -> None:
    cards = _synthetic_cards()
    names = [deck.card_name(card, language) for card in cards]
    assert len(set(names)) == 78
    # Every name comes from the deck itself, none from the stand-in catalogue names.
    assert not any(name in {card.display_name(language) for card in cards} for name in names)


def test_rider_waite_keeps_whatever_the_catalogue_says() -> None:
    for card in (FOOL, JUSTICE, WANDS_ACE, PENTACLES_PAGE):
        for language in LANGUAGES:
            assert RIDER_WAITE.card_name(card, language) == card.display_name(language)
    assert RIDER_WAITE.card_number(FOOL) == "0"
    assert RIDER_WAITE.card_number(STRENGTH) == "VIII"
    assert RIDER_WAITE.card_number(JUSTICE) == "XI"
    assert RIDER_WAITE.card_number(WANDS_KING) is None
    assert RIDER_WAITE.label(STRENGTH, "en") == "VIII · Strength"
    assert RIDER_WAITE.label(FOOL, "uk") == "0 · Блазень"
    assert RIDER_WAITE.label(WANDS_TWO, "en") == WANDS_TWO.display_name("en")


def test_thoth_majors() -> None:
    assert THOTH.card_name(STRENGTH, "en") == "Lust"
    assert THOTH.card_number(STRENGTH) == "XI"
    assert THOTH.card_name(JUSTICE, "en") == "Adjustment"
    assert THOTH.card_number(JUSTICE) == "VIII"
    assert THOTH.card_number(FOOL) == "0"
    assert THOTH.label(JUSTICE, "en") == "VIII · Adjustment"
    assert THOTH.label(STRENGTH, "en") == "XI · Lust"
    majors = _synthetic_cards()[:22]
    assert [THOTH.card_name(card, "en") for card in majors][20:] == ["The Aeon", "The Universe"]
    assert THOTH.card_name(majors[1], "en") == "The Magus"
    assert THOTH.card_name(majors[14], "en") == "Art"


def test_thoth_minor_names() -> None:
    assert THOTH.card_name(PENTACLES_PAGE, "en") == "Princess of Disks"
    assert THOTH.card_name(PENTACLES_PAGE, "uk") == "Принцеса Дисків"
    assert THOTH.card_name(WANDS_KING, "en") == "Knight of Wands"
    assert THOTH.card_name(WANDS_KING, "uk") == "Лицар Жезлів"
    assert THOTH.card_name(SWORDS_KNIGHT, "en") == "Prince of Swords"
    assert THOTH.card_name(SWORDS_KNIGHT, "uk") == "Принц Мечів"
    assert THOTH.card_name(CUPS_QUEEN, "en") == "Queen of Cups"
    assert THOTH.card_name(WANDS_ACE, "uk") == "Туз Жезлів"
    assert THOTH.card_name(SWORDS_TEN, "uk") == "Десятка Мечів"


def test_thoth_small_card_titles() -> None:
    assert THOTH.title(WANDS_TWO, "en") == "Dominion"
    assert THOTH.title(CUPS_THREE, "en") == "Abundance"
    assert THOTH.title(SWORDS_TEN, "en") == "Ruin"
    assert THOTH.title(PENTACLES_TEN, "en") == "Wealth"
    assert THOTH.title(WANDS_TWO, "uk") == "Панування"
    assert THOTH.title(WANDS_ACE, "en") is None
    assert THOTH.title(WANDS_KING, "en") is None
    assert THOTH.title(JUSTICE, "en") is None
    assert THOTH.label(WANDS_TWO, "en") == "Two of Wands — Dominion"
    assert THOTH.label(PENTACLES_TEN, "uk") == "Десятка Дисків — Багатство"
    assert THOTH.label(WANDS_ACE, "en") == "Ace of Wands"


@pytest.mark.parametrize("language", LANGUAGES)
def test_thoth_titles_every_small_card_and_nothing_else(language: str) -> None:
    titled = {
        card.id: THOTH.title(card, language)
        for card in _synthetic_cards()
        if THOTH.title(card, language) is not None
    }
    small = {card.id for card in _synthetic_cards() if card.suit is not None and 2 <= card.rank <= 10}
    assert set(titled) == small
    assert len(set(titled.values())) == 36


def test_marseille() -> None:
    assert MARSEILLE.card_name(JUSTICE, "en") == "Justice"
    assert MARSEILLE.card_number(JUSTICE) == "VIII"
    assert MARSEILLE.card_name(STRENGTH, "en") == "Strength"
    assert MARSEILLE.card_number(STRENGTH) == "XI"
    assert MARSEILLE.card_number(FOOL) is None
    assert MARSEILLE.label(FOOL, "en") == MARSEILLE.card_name(FOOL, "en")
    assert MARSEILLE.card_name(DEATH, "uk") == "Безіменний Аркан"
    assert MARSEILLE.card_number(DEATH) == "XIII"
    assert MARSEILLE.card_name(PENTACLES_ACE, "en") == "Ace of Coins"
    assert MARSEILLE.card_name(PENTACLES_ACE, "uk") == "Туз Монет"
    assert MARSEILLE.card_name(WANDS_PAGE, "en") == "Valet of Batons"
    assert MARSEILLE.card_name(WANDS_PAGE, "uk") == "Валет Палиць"
    assert MARSEILLE.card_name(CUPS_KING, "uk") == "Король Кубків"
    assert MARSEILLE.title(WANDS_TWO, "en") is None
    assert MARSEILLE.label(WANDS_TWO, "en") == "Two of Batons"


def test_unknown_language_falls_back_to_english() -> None:
    assert THOTH.card_name(PENTACLES_PAGE, "de") == "Princess of Disks"
    assert THOTH.title(WANDS_TWO, "de") == "Dominion"
    assert MARSEILLE.card_name(JUSTICE, "de") == "Justice"
