"""Decks: ids, numbering and their words (the cards' names and traditions are `test_card_knowledge`'s)."""

from __future__ import annotations

import pytest

from tarot_domain.model.cards import Suit, catalogue
from tarot_domain.model.decks import DEFAULT_DECK_ID, Deck, all_decks, deck_ids, get_deck, roman
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.localized import pick

LANGUAGES = ("en", "uk")

THOTH = get_deck("thoth")
MARSEILLE = get_deck("marseille")
RIDER_WAITE = get_deck("rider-waite")


def _major(rank: int) -> str:
    return next(card.id for card in catalogue() if card.is_major and card.rank == rank)


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
def test_every_deck_has_a_name_a_description_and_suit_words_in_each_language(deck: Deck) -> None:
    for language in LANGUAGES:
        assert deck.name[language].strip()
        assert deck.description[language].strip()
        assert all(deck.suit_names[suit][language].strip() for suit in Suit)
    assert deck.name["en"] != deck.name["uk"]
    assert deck.description["en"] != deck.description["uk"]


def test_suit_words_follow_each_tradition() -> None:
    def words(deck: Deck, language: str) -> list[str]:
        return [pick(deck.suit_names[suit], language) for suit in Suit]

    assert words(RIDER_WAITE, "en") == ["Wands", "Cups", "Swords", "Pentacles"]
    assert words(THOTH, "en") == ["Wands", "Cups", "Swords", "Disks"]
    assert words(MARSEILLE, "en") == ["Batons", "Cups", "Swords", "Coins"]
    assert words(THOTH, "uk")[3] == "Дисків" and words(MARSEILLE, "uk") == [
        "Палиць",
        "Кубків",
        "Мечів",
        "Монет",
    ]
    assert words(MARSEILLE, "de") == words(MARSEILLE, "en")


def test_decks_compare_by_id() -> None:
    assert get_deck("thoth") == THOTH
    assert len({*all_decks(), *all_decks()}) == 3


def test_roman_numerals() -> None:
    assert [roman(n) for n in (0, 1, 4, 8, 9, 11, 14, 19, 21)] == [
        "0", "I", "IV", "VIII", "IX", "XI", "XIV", "XIX", "XXI",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        roman(-1)


def test_rider_waite_numbers_the_majors_0_to_21_and_no_minor() -> None:
    numbers = [RIDER_WAITE.card_number(card) for card in catalogue() if card.is_major]
    assert numbers == [roman(rank) for rank in range(22)]
    assert all(
        deck.card_number(card) is None for deck in all_decks() for card in catalogue() if not card.is_major
    )


def test_thoth_and_marseille_swap_strength_and_justice() -> None:
    strength, justice = (catalogue().get(_major(rank)) for rank in (8, 11))
    for deck in (THOTH, MARSEILLE):
        assert (deck.card_number(strength), deck.card_number(justice)) == ("XI", "VIII")
    assert (RIDER_WAITE.card_number(strength), RIDER_WAITE.card_number(justice)) == ("VIII", "XI")


def test_only_marseille_leaves_the_fool_unnumbered() -> None:
    fool = catalogue().get(_major(0))
    assert [deck.card_number(fool) for deck in all_decks()] == ["0", "0", None]
    others = [card for card in catalogue() if card.is_major and card.rank not in (0, 8, 11)]
    assert all(MARSEILLE.card_number(card) == roman(card.rank) for card in others)
