"""How readings and cards are shown to machines (the CLI's and the web API's JSON share it) and in the CLI,
and the safety screen's answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tarot_domain.content.registry import translate
from tarot_domain.content.schema import CASES
from tarot_domain.model.decks import all_decks, get_deck
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.knowledge import (
    FACE_FIELDS,
    ORIENTATIONS,
    CardKnowledge,
    card_knowledge,
    pair_text,
    pairs_of,
)
from tarot_domain.model.lean import Lean
from tarot_domain.model.localized import pick
from tarot_domain.model.readings import Reading
from tarot_domain.model.safety import Support
from tarot_domain.model.spreads import get_spread


def card_name(card_id: str, deck_id: str, lang: str) -> str:
    """The card's name as `deck_id` prints it, in `lang` ("The Tower", «Вежа», "Lust")."""
    return card_knowledge(card_id, deck_id, lang).display_name


def cards_json(reading: Reading) -> list[dict[str, Any]]:
    """Each drawn card with its position's name and the name the reading's deck gives it."""
    spread = get_spread(reading.spread_id)
    lang = reading.language
    return [
        {
            "position": drawn.position_id,
            "position_name": pick(spread.position(drawn.position_id).name, lang),
            "card": drawn.card_id,
            "name": card_name(drawn.card_id, reading.deck_id, lang),
            "reversed": drawn.reversed,
        }
        for drawn in reading.cards
    ]


def card_json(card_id: str, deck_id: str, lang: str) -> dict[str, Any]:
    """One card with everything the knowledge holds in `lang`: its facts; its name, label and overrides in
    every deck; in `deck_id`'s reading, both faces whole (keywords, core, every aspect and topic note) with
    their polarity, what that deck overrides, and the meaningful pairs the card is in."""
    knowledge = card_knowledge(card_id, deck_id, lang)
    card = knowledge.card
    decks = {deck.id: _deck_entry(card_knowledge(card_id, deck.id, lang)) for deck in all_decks()}
    view: dict[str, Any] = {
        "id": card.id,
        "arcana": card.arcana.value,
        "suit": card.suit.value if card.suit else None,
        "rank": card.rank,
        "element": card.element.value,
        "deck": knowledge.deck_id,
        "language": knowledge.language,
        **_deck_entry(knowledge),
        "forms": {case: knowledge.name.form(case) for case in CASES},
        "decks": decks,
    }
    for reversed_, orientation in enumerate(ORIENTATIONS):
        face = knowledge.face(bool(reversed_))
        polarity = knowledge.polarity(bool(reversed_))
        entry: dict[str, Any] = {field: getattr(face, field) for field in FACE_FIELDS}
        entry["keywords"] = list(face.keywords)
        entry["polarity"] = {"lean": polarity.lean.value, "strength": polarity.strength}
        view[orientation] = entry
    view["pairs"] = [
        {"card": other, "name": card_name(other, deck_id, lang), "text": pair_text(card.id, other, lang)}
        for other in pairs_of(card.id)
    ]
    return view


def _deck_entry(knowledge: CardKnowledge) -> dict[str, Any]:
    return {
        "deck_name": pick(get_deck(knowledge.deck_id).name, knowledge.language),
        "name": knowledge.display_name,
        "number": knowledge.number,
        "epithet": knowledge.epithet,
        "label": knowledge.label,
        "renamed": knowledge.renamed,
        "overrides": list(knowledge.overrides),
    }


def print_card(view: Mapping[str, Any], lang: str) -> None:
    """`card_json`'s view as text, every label from the pack."""
    print(translate("cards.card_header", lang, name=view["label"], id=view["id"]))
    arcana = translate(f"cards.arcana.{view['arcana']}", lang)
    element = translate(f"cards.element.{view['element']}", lang)
    print(translate("cards.facts", lang, arcana=arcana, element=element))
    print(f"{_label('decks', lang)}:")
    for deck in view["decks"].values():
        print(f"  {deck['deck_name']}: {deck['label']}")
    own = [_label(item, lang) for item in view["overrides"] if "." not in item]
    for orientation in ORIENTATIONS:
        face = view[orientation]
        print(f"{_label(orientation, lang)}:")
        for field in FACE_FIELDS:
            value = face[field]
            print(f"  {_label(field, lang)}: {', '.join(value) if isinstance(value, list) else value}")
        lean = translate(f"cards.lean.{face['polarity']['lean']}", lang)
        polarity = translate("cards.polarity", lang, lean=lean, strength=face["polarity"]["strength"])
        print(f"  {_label('polarity', lang)}: {polarity}")
        prefix = f"{orientation}."
        fields = [
            _label(item.removeprefix(prefix), lang) for item in view["overrides"] if item.startswith(prefix)
        ]
        if fields:
            own.append(f"{_label(orientation, lang)} — {', '.join(fields)}")
    print(
        f"{_label('overrides', lang)}: {'; '.join(own) if own else translate('cards.overrides_none', lang)}"
    )
    if view["pairs"]:
        print(f"{_label('pairs', lang)}:")
        for pair in view["pairs"]:
            print(f"  + {pair['name']}: {pair['text']}")


def _label(field: str, lang: str) -> str:
    key = f"cards.field.{field}"
    text = translate(key, lang)
    return field if text == key else text


def support_json(support: Support) -> dict[str, str]:
    return {"kind": support.kind.value, "message": support.message}


def framing_json(support: Support | None, lean: Lean | None) -> dict[str, Any]:
    """What the safety screen and the lean add to a reading's JSON: `support` when the screen fired
    (absent for an ordinary question), and always `lean` (`model.lean`): "yes", "no" or "unclear" for a
    closed question and on the yes-no spread, null for an open question and whenever `support` is
    present."""
    extra: dict[str, Any] = {}
    if support is not None:
        extra["support"] = support_json(support)
    extra["lean"] = None if lean is None else lean.value
    return extra


def screened_json(support: Support, spread_id: str, deck_id: str, language: str) -> dict[str, Any]:
    """The answer to a crisis: the support block and no reading (no cards, no interpretation)."""
    return {
        "spread": spread_id,
        "deck": deck_id,
        "language": language,
        "cards": [],
        "support": support_json(support),
    }


def reading_header(spread_id: str, deck_id: str, lang: str, question: str, cards: Sequence[DrawnCard]) -> str:
    """The spread and deck, the question, and each card on its position."""
    spread, deck = get_spread(spread_id), get_deck(deck_id)
    quoted = translate("reading.quoted_question", lang, question=question)
    lines = [f"{pick(spread.name, lang)} · {pick(deck.name, lang)}", quoted, ""]
    for drawn in cards:
        orientation = card_knowledge(drawn.card_id, deck.id, lang).orientation(drawn.reversed, lang)
        position = pick(spread.position(drawn.position_id).name, lang)
        lines.append(f"  {position}: {card_name(drawn.card_id, deck.id, lang)} ({orientation})")
    return "\n".join(lines)
