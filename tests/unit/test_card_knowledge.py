"""The knowledge API: a card's identity, its name and label in each deck, the deck's tradition merged over
the shared text field by field, polarity, pairs, and English where a pack lacks a card."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from tarot_domain.content import registry
from tarot_domain.content.pairs import PAIRS
from tarot_domain.content.polarity import DECK_POLARITY, Lean, polarity
from tarot_domain.content.schema import FaceOverride
from tarot_domain.model.cards import COURT_RANKS, SUIT_ELEMENT, Arcana, Suit, catalogue
from tarot_domain.model.decks import all_decks, get_deck
from tarot_domain.model.knowledge import (
    FACE_FIELDS,
    card_knowledge,
    deck_overrides,
    pair_key,
    pair_text,
    pairs_of,
)
from tarot_domain.model.localized import pick

LANGUAGES = ("en", "uk")
DECKS = tuple(deck.id for deck in all_decks())

# --- identities ---------------------------------------------------------------------------------------


def test_78_identities_in_canonical_order() -> None:
    cards = catalogue().cards
    assert len(cards) == 78 and len(set(catalogue().ids)) == 78
    majors = [card for card in cards if card.is_major]
    assert [card.rank for card in majors] == list(range(22)) and cards[:22] == tuple(majors)
    assert all(card.arcana is Arcana.MAJOR and card.suit is None for card in majors)
    minors = cards[22:]
    assert [card.suit for card in minors[::14]] == list(Suit)
    assert all(card.element is SUIT_ELEMENT[card.suit] for card in minors if card.suit is not None)
    assert all(card.id == f"{card.suit.value}-{card.rank_name}" for card in minors if card.suit is not None)
    assert sum(card.is_court for card in cards) == 16 and sum(card.is_pip for card in cards) == 40
    assert {card.rank_name for card in cards if card.is_court} == set(COURT_RANKS)
    assert catalogue().get("major-16-tower").element.value == "fire"
    with pytest.raises(KeyError):
        catalogue().get("major-22-nothing")


# --- the shared text and the deck's tradition -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_rider_waite_reads_the_shared_text_as_it_is(language: str) -> None:
    for card in catalogue():
        knowledge = card_knowledge(card.id, "rider-waite", language)
        shared = registry.card_texts(language)[card.id]
        assert (knowledge.upright, knowledge.reversed, knowledge.name) == (
            shared.upright,
            shared.reversed,
            shared.name,
        )
        assert knowledge.overrides == () and knowledge.epithet is None and not knowledge.renamed
        assert knowledge.language == language and knowledge.card is card


@pytest.mark.parametrize("deck_id", DECKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_deck_overrides_field_by_field_and_keeps_the_shared_text_elsewhere(
    deck_id: str, language: str
) -> None:
    for card in catalogue():
        knowledge = card_knowledge(card.id, deck_id, language)
        shared = registry.card_texts(language)[card.id]
        own = registry.deck_card_texts(language, deck_id).get(card.id)
        for reversed_, orientation in enumerate(("upright", "reversed")):
            override = getattr(own, orientation, None) or FaceOverride()
            merged = knowledge.face(bool(reversed_))
            for field in FACE_FIELDS:
                mine = getattr(override, field)
                assert getattr(merged, field) == (
                    getattr(getattr(shared, orientation), field) if mine is None else mine
                )
            assert knowledge.overridden(bool(reversed_)) == tuple(
                field for field in FACE_FIELDS if getattr(override, field) is not None
            )
        assert knowledge.name == ((own and own.name) or shared.name)
        assert ("name" in knowledge.overrides) == (knowledge.name != shared.name)
        assert not knowledge.renamed or "name" in knowledge.overrides


def test_labels_number_majors_and_title_thoth_small_cards() -> None:
    assert card_knowledge("major-16-tower", "rider-waite", "en").label == "XVI · The Tower"
    assert card_knowledge("wands-two", "rider-waite", "en").label == "Two of Wands"
    assert card_knowledge("major-00-fool", "rider-waite", "uk").label == "0 · Блазень"
    assert card_knowledge("major-11-justice", "thoth", "en").label == "VIII · Adjustment"
    assert card_knowledge("major-08-strength", "thoth", "en").label == "XI · Lust"
    assert card_knowledge("wands-two", "thoth", "en").label == "Two of Wands — Dominion"
    assert card_knowledge("cups-two", "thoth", "uk").label == "Двійка Кубків — Любов"
    assert card_knowledge("wands-ace", "thoth", "en").label == "Ace of Wands"
    fool = card_knowledge("major-00-fool", "marseille", "en")
    assert fool.number is None and fool.label == fool.display_name


def test_a_renamed_card_keeps_its_canonical_name_at_hand() -> None:
    lust = card_knowledge("major-08-strength", "thoth", "en")
    assert lust.renamed and lust.display_name == "Lust" and lust.canonical_name.nom == "Strength"
    assert lust.upright.core != card_knowledge("major-08-strength", "rider-waite", "en").upright.core


@pytest.mark.parametrize("deck_id", DECKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_deck_names_and_labels_all_78_cards_distinctly(deck_id: str, language: str) -> None:
    cards = [card_knowledge(card.id, deck_id, language) for card in catalogue()]
    assert all(card.display_name.strip() for card in cards)
    assert len({card.display_name for card in cards}) == 78 and len({card.label for card in cards}) == 78


@pytest.mark.parametrize("deck_id", DECKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_minor_card_is_named_with_its_decks_suit_word(deck_id: str, language: str) -> None:
    deck = get_deck(deck_id)
    wrong = {
        card.id: card_knowledge(card.id, deck_id, language).display_name
        for card in catalogue()
        if card.suit is not None
        and pick(deck.suit_names[card.suit], language)
        not in card_knowledge(card.id, deck_id, language).display_name
    }
    assert not wrong, wrong


def test_the_traditions_names() -> None:
    def names(deck_id: str, *card_ids: str) -> list[str]:
        return [card_knowledge(card_id, deck_id, "en").display_name for card_id in card_ids]

    majors = (
        "major-01-magician",
        "major-02-high-priestess",
        "major-08-strength",
        "major-10-wheel-of-fortune",
    )
    more = ("major-11-justice", "major-14-temperance", "major-20-judgement", "major-21-world")
    assert names("thoth", *majors, *more) == [
        "The Magus", "The Priestess", "Lust", "Fortune", "Adjustment", "Art", "The Aeon", "The Universe",
    ]  # fmt: skip
    courts = ("wands-king", "cups-queen", "swords-knight", "pentacles-page", "pentacles-ten")
    assert names("thoth", *courts) == [
        "Knight of Wands", "Queen of Cups", "Prince of Swords", "Princess of Disks", "Ten of Disks",
    ]  # fmt: skip
    assert card_knowledge("pentacles-ten", "thoth", "uk").label == "Десятка Дисків — Багатство"
    marseille = ("major-02-high-priestess", "major-05-hierophant", "major-13-death", "major-16-tower")
    assert names("marseille", *marseille) == [
        "The Popess",
        "The Pope",
        "The Nameless Arcanum",
        "The House of God",
    ]
    assert names("marseille", "pentacles-ace", "wands-page", "cups-two") == [
        "Ace of Coins", "Valet of Batons", "Two of Cups",
    ]  # fmt: skip


def test_polarity_follows_the_decks_tradition() -> None:
    for deck_id in DECKS:
        for card in catalogue():
            knowledge = card_knowledge(card.id, deck_id, "en")
            assert knowledge.polarity(False) == polarity(card.id, False, deck_id)
            assert knowledge.polarity(True) == polarity(card.id, True, deck_id)
            differs = card.id in DECK_POLARITY.get(deck_id, {}) and DECK_POLARITY[deck_id][card.id] != (
                polarity(card.id, False),
                polarity(card.id, True),
            )
            assert ("polarity" in knowledge.overrides) == differs
    assert card_knowledge("pentacles-seven", "thoth").polarity(False).lean is Lean.NO  # Failure
    assert card_knowledge("pentacles-seven", "rider-waite").polarity(False).lean is Lean.UNCLEAR


def test_deck_overrides_lists_exactly_the_cards_a_deck_changes() -> None:
    assert deck_overrides("rider-waite") == {}
    listing = deck_overrides("thoth")
    assert listing["wands-two"][:1] == ("epithet",) and "upright.core" in listing["wands-two"]
    assert "major-13-death" not in listing or "name" not in listing["major-13-death"]
    assert set(listing) == {card.id for card in catalogue() if card_knowledge(card.id, "thoth").overrides}


# --- pairs ----------------------------------------------------------------------------------------------


def test_pair_text_is_order_insensitive_and_none_for_other_pairs() -> None:
    text = pair_text("major-17-star", "major-13-death", "en")
    assert text and text == pair_text("major-13-death", "major-17-star", "en")
    assert pair_text("major-13-death", "major-17-star", "uk") not in (None, text)
    assert pair_text("major-13-death", "major-17-star", "de") == text
    unpaired = next((a, b) for a in catalogue().ids for b in catalogue().ids if a < b and (a, b) not in PAIRS)
    assert pair_text(*unpaired) is None and pair_text("major-13-death", "major-13-death") is None
    assert pair_key("b", "a") == ("a", "b")


def test_pairs_of_a_card_are_the_other_halves_of_its_pairs() -> None:
    for a, b in PAIRS:
        assert b in pairs_of(a) and a in pairs_of(b)
    assert sum(len(pairs_of(card_id)) for card_id in catalogue().ids) == 2 * len(PAIRS)


# --- a pack that lacks cards reads them in English ---------------------------------------------------------

PARTIAL_PACK = {
    "__init__.py": '"""A test-only language with two cards, a piece of Thoth and one pair."""\n',
    "cards/__init__.py": "",
    "cards/some.py": """
        from attrs import evolve

        from tarot_domain.content.registry import card_texts
        from tarot_domain.content.schema import Name

        _EN = card_texts("en")["wands-two"]
        CARDS = {
            "wands-two": evolve(_EN, name=Name("Xx Two"), upright=evolve(_EN.upright, core="Xx core.")),
            "major-13-death": evolve(card_texts("en")["major-13-death"], name=Name("Xx Death")),
        }
    """,
    "decks/__init__.py": "",
    "decks/thoth/__init__.py": "",
    "decks/thoth/some.py": """
        from tarot_domain.content.schema import DeckCardText, FaceOverride

        _OWN = FaceOverride(core="Xx own.", love="Xx love.")
        CARDS = {"wands-two": DeckCardText(epithet="Xx Dominion", upright=_OWN)}
    """,
    "pairs.py": """
        PAIRS = {("major-13-death", "major-17-star"): "Xx pair."}
    """,
}


@pytest.fixture
def partial_pack(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "packs"
    for name, source in PARTIAL_PACK.items():
        path = folder / "xx" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
    registry.add_pack_dir(str(folder))
    try:
        yield "xx"
    finally:
        registry.remove_pack_dir(str(folder))
        for name in [n for n in sys.modules if n.startswith("tarot_domain.content.xx")]:
            del sys.modules[name]


def test_a_pack_reads_its_own_cards_and_english_for_the_rest(partial_pack: str) -> None:
    english = registry.card_texts("en")["wands-two"]
    own = card_knowledge("wands-two", "thoth", partial_pack)
    assert (own.language, own.display_name, own.epithet, own.label) == (
        "xx",
        "Xx Two",
        "Xx Dominion",
        "Xx Two — Xx Dominion",
    )
    assert (own.upright.core, own.upright.love, own.upright.gift) == (
        "Xx own.",
        "Xx love.",
        english.upright.gift,
    )
    assert own.reversed == english.reversed and own.overrides == ("epithet", "upright.core", "upright.love")
    assert card_knowledge("wands-two", "rider-waite", partial_pack).upright.core == "Xx core."
    death = card_knowledge("major-13-death", "thoth", partial_pack)
    assert death.language == "xx" and death.display_name == "Xx Death"
    borrowed = card_knowledge("cups-two", "thoth", partial_pack)  # not in the pack: all of it is English
    assert borrowed == card_knowledge("cups-two", "thoth", "en")
    assert card_knowledge("cups-two", "thoth", "nope") == borrowed
    assert pair_text("major-17-star", "major-13-death", partial_pack) == "Xx pair."
    assert pair_text("major-16-tower", "major-17-star", partial_pack) == pair_text(
        "major-16-tower", "major-17-star"
    )
    assert attrs.asdict(borrowed)  # a plain value all the way down


def test_an_offline_reading_in_a_partial_pack_never_fails(partial_pack: str) -> None:
    from adapters.offline.compose import compose_reading
    from tarot_domain.model.draw import DrawnCard
    from tarot_ports.interpreter import InterpretationRequest

    cards = (
        DrawnCard("past", "wands-two"),
        DrawnCard("present", "major-13-death"),
        DrawnCard("future", "cups-two"),
    )
    text = "\n\n".join(compose_reading(InterpretationRequest("three", "thoth", partial_pack, "Q?", cards)))
    assert "Two of Wands" in text and "Death" in text and "Two of Cups" in text  # the composer speaks English


def test_the_orientation_word_agrees_with_the_name() -> None:
    assert card_knowledge("swords-king", "rider-waite", "uk").orientation(True) == "перевернутий"
    assert card_knowledge("major-16-tower", "rider-waite", "uk").orientation(True) == "перевернута"
    assert card_knowledge("major-19-sun", "rider-waite", "uk").orientation(False) == "пряме"
    assert card_knowledge("major-06-lovers", "rider-waite", "uk").orientation(True) == "перевернуті"
    pope = card_knowledge("major-05-hierophant", "marseille", "uk")  # Папа: declined as -а, masculine
    assert pope.orientation(True) == "перевернутий"
    assert card_knowledge("swords-king", "rider-waite", "en").orientation(True) == "reversed"
