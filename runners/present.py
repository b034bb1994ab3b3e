"""How readings and cards are shown to machines (the CLI's and the web API's JSON share it) and in the CLI."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from tarot_domain.content import registry
from tarot_domain.content.registry import translate
from tarot_domain.model.cards import Card, catalogue
from tarot_domain.model.decks import all_decks, get_deck
from tarot_domain.model.localized import pick
from tarot_domain.model.readings import Reading
from tarot_domain.model.spreads import get_spread


def cards_json(reading: Reading) -> list[dict[str, Any]]:
    """Each drawn card with its position's name and the name the reading's deck gives it."""
    spread = get_spread(reading.spread_id)
    deck = get_deck(reading.deck_id)
    lang = reading.language
    return [
        {
            "position": drawn.position_id,
            "position_name": pick(spread.position(drawn.position_id).name, lang),
            "card": drawn.card_id,
            "name": deck.card_name(catalogue().get(drawn.card_id), lang),
            "reversed": drawn.reversed,
        }
        for drawn in reading.cards
    ]


def card_json(card: Card, lang: str) -> dict[str, Any]:
    """One card with everything the packs know of it in `lang`: its facts, its name and number in every
    deck, keywords and meaning per orientation, and whatever card knowledge the registry holds (shared,
    and per deck). New knowledge shows up here as the packs grow, with no change to this function."""
    decks: dict[str, dict[str, Any]] = {}
    for deck in all_decks():
        entry: dict[str, Any] = {
            "deck": pick(deck.name, lang),
            "name": deck.card_name(card, lang),
            "number": deck.card_number(card),
            "title": deck.title(card, lang),
            "label": deck.label(card, lang),
        }
        override = registry.deck_card_texts(lang, deck.id).get(card.id)
        if override is not None:
            entry["knowledge"] = _plain(override)
        decks[deck.id] = entry
    view: dict[str, Any] = {
        "id": card.id,
        "arcana": card.arcana.value,
        "suit": card.suit.value if card.suit else None,
        "rank": card.rank,
        "element": card.element.value,
        "decks": decks,
        "upright": {"keywords": list(card.keywords(False, lang)), "meaning": card.meaning(False, lang)},
        "reversed": {"keywords": list(card.keywords(True, lang)), "meaning": card.meaning(True, lang)},
    }
    knowledge = registry.card_texts(lang).get(card.id)
    if knowledge is not None:
        view["knowledge"] = _plain(knowledge)
    return view


def print_card(view: Mapping[str, Any], lang: str, deck_id: str) -> None:
    """`card_json`'s view as text: a header in `deck_id`'s names, then each section, labelled by the pack."""
    print(translate("cards.card_header", lang, name=view["decks"][deck_id]["label"], id=view["id"]))
    arcana = translate(f"cards.arcana.{view['arcana']}", lang)
    element = translate(f"cards.element.{view['element']}", lang)
    print(translate("cards.facts", lang, arcana=arcana, element=element))
    print(f"{_label('decks', lang)}:")
    for deck in view["decks"].values():
        print(f"  {deck['deck']}: {deck['label']}")
        if "knowledge" in deck:
            _print_tree(deck["knowledge"], lang, 2)
    for section in ("upright", "reversed", "knowledge"):
        if section in view:
            print(f"{_label(section, lang)}:")
            _print_tree(view[section], lang, 1)


def _print_tree(value: Mapping[str, Any], lang: str, depth: int) -> None:
    pad = "  " * depth
    for key, item in value.items():
        if isinstance(item, Mapping):
            print(f"{pad}{_label(key, lang)}:")
            _print_tree(item, lang, depth + 1)
        elif isinstance(item, list):
            print(f"{pad}{_label(key, lang)}: {', '.join(str(part) for part in item)}")
        else:
            print(f"{pad}{_label(key, lang)}: {item}")


def _label(field: str, lang: str) -> str:
    key = f"cards.field.{field}"
    text = translate(key, lang)
    return field if text == key else text


def _plain(value: object) -> dict[str, Any]:
    """An attrs value as plain JSON data, leaving out fields with nothing in them."""
    plain: dict[str, Any] = attrs.asdict(
        value,  # type: ignore[arg-type]
        filter=lambda _, item: item not in (None, "", (), {}),
        value_serializer=lambda _, __, item: item.value if isinstance(item, enum.Enum) else item,
    )
    return plain
