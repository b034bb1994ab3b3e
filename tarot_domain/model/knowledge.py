"""What a card says, in one deck and one language: the one way the service reads card knowledge.

`card_knowledge(card_id, deck_id, language)` joins three layers of content:
- the card's identity (`content.structure.cards`) and the deck's numbering (`content.structure.decks`);
- the pack's shared, Rider–Waite–Smith text for the card (`<lang>/cards/`): its `Name` and one `Face`
  per orientation;
- the deck's tradition (`<lang>/decks/<deck>/`): its own `Name`, a Thoth `epithet`, and `FaceOverride`s
  whose fields replace the shared ones one by one (a field left None keeps the shared text, on purpose).
Polarity comes from `content.polarity` (with the deck's own reading where it differs), pairs from
`content.pairs` and each pack's `pairs.py`.

One card's texts always come from one pack: the language asked for when its pack has the card, else
English, shared text and deck tradition alike, so a sentence never mixes languages and a pack that is
still being written (or a test-only one) reads in English instead of failing. Packs are imported on first
use, one language and one deck at a time (`registry` caches them); nothing here is built at import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import attrs
from attrs import frozen

from tarot_domain.content import registry
from tarot_domain.content.polarity import Polarity, deck_polarity, polarity
from tarot_domain.content.schema import ASPECTS, CASES, TOPICS, DeckCardText, Face, FaceOverride, Name
from tarot_domain.model.cards import Card, catalogue
from tarot_domain.model.decks import DEFAULT_DECK_ID, get_deck

FACE_FIELDS: tuple[str, ...] = ("keywords", "core", *ASPECTS, *TOPICS)
"""A face's fields in the order the packs write them (and listings show them)."""

ORIENTATIONS: tuple[str, str] = ("upright", "reversed")


@frozen
class CardKnowledge:
    """Everything one card says in one deck and one language.

    - `language`: the pack the texts came from (the language asked for, or English when that pack lacks
      the card).
    - `name`: the deck's name for the card (its tradition's, else the canonical one); `canonical_name`:
      the Rider–Waite–Smith name from the same pack. `epithet`: a Thoth small card's title ("Dominion").
    - `number`: the major arcanum's number as the deck prints it ("XI"), None for minors and unnumbered
      cards.
    - `upright`, `reversed`: the faces with the deck's overrides merged in, field by field.
    - `overrides`: what the deck reads differently from the shared text, in listing order: `name` (when
      the deck's `Name` differs from the shared one), `epithet`, `polarity`, then `upright.<field>` and
      `reversed.<field>`.
    """

    card: Card
    deck_id: str
    language: str
    name: Name
    canonical_name: Name
    epithet: str | None
    number: str | None
    upright: Face
    reversed: Face
    overrides: tuple[str, ...]

    @property
    def display_name(self) -> str:
        """The name as a heading or a list shows it: "The Tower", "Lust", "Two of Wands", «Вежа» (a
        minor card's English article belongs to running text, not to the card)."""
        return _shown(self.name, self.card)

    @property
    def canonical_display_name(self) -> str:
        """The Rider–Waite–Smith name shown the same way ("Strength" beside Thoth's "Lust")."""
        return _shown(self.canonical_name, self.card)

    @property
    def label(self) -> str:
        """A one-line caption: "VIII · Adjustment", "Two of Wands — Dominion", or the display name."""
        if self.number is not None:
            return f"{self.number} · {self.display_name}"
        if self.epithet:
            return f"{self.display_name} — {self.epithet}"
        return self.display_name

    @property
    def renamed(self) -> bool:
        """Whether the deck calls the card something other than its canonical name."""
        return self.display_name != self.canonical_display_name

    @property
    def name_forms(self) -> tuple[str, ...]:
        """Every form running text may name the card by: the deck's name in each case (English: the
        name without its article, "Tower" in "the **Tower**"), distinct, longest first."""
        forms = {self.name.form(case) for case in CASES[:6]} | {self.display_name}
        return tuple(sorted(forms, key=lambda form: (-len(form), form)))

    def named_in(self, text: str) -> bool:
        """Whether `text` (plain or marked up) names this card in any of its forms."""
        from tarot_domain.model.markup import plain

        flat = plain(text).casefold()
        return any(form.casefold() in flat for form in self.name_forms)

    def orientation(self, reversed_: bool, language: str | None = None) -> str:
        """"upright"/"reversed" agreeing with the name («перевернутий Король», «перевернута Вежа»): the
        pack's `reading.reversed.<m|f|n|pl>` when it has one, else the plain word. `language` is the
        reader's, when the card's words came from the English fallback."""
        language = language or self.language
        key = "reading.reversed" if reversed_ else "reading.upright"
        agreeing = f"{key}.{'pl' if self.name.plural else self.name.gender.value}"
        own = registry.texts(language) if registry.is_language(language) else {}
        return registry.translate(agreeing if agreeing in own else key, language)

    def face(self, reversed_: bool) -> Face:
        return self.reversed if reversed_ else self.upright

    def polarity(self, reversed_: bool) -> Polarity:
        """The card's yes/no lean in this deck's tradition."""
        return polarity(self.card.id, reversed_, self.deck_id)

    def overridden(self, reversed_: bool) -> tuple[str, ...]:
        """The fields of one face the deck writes itself (the rest are the shared text)."""
        prefix = f"{ORIENTATIONS[reversed_]}."
        return tuple(item.removeprefix(prefix) for item in self.overrides if item.startswith(prefix))


def card_knowledge(
    card_id: str, deck_id: str = DEFAULT_DECK_ID, language: str = registry.FALLBACK
) -> CardKnowledge:
    """What `card_id` says in `deck_id` and `language` (see the module docstring for the layers).

    Raises KeyError for an unknown card id and the domain's validation error for an unknown deck; an
    unknown language or a pack without this card reads in English.
    """
    card = catalogue().get(card_id)
    deck = get_deck(deck_id)
    code = _source(card_id, language)
    shared = registry.card_texts(code)[card_id]
    tradition = registry.deck_card_texts(code, deck.id).get(card_id) or DeckCardText()
    upright, upright_fields = _merge(shared.upright, tradition.upright)
    reversed_, reversed_fields = _merge(shared.reversed, tradition.reversed)
    name = tradition.name or shared.name
    overrides = [
        *(["name"] if name != shared.name else []),
        *(["epithet"] if tradition.epithet else []),
        *(["polarity"] if deck_polarity(deck.id, card_id) is not None else []),
        *(f"upright.{field}" for field in upright_fields),
        *(f"reversed.{field}" for field in reversed_fields),
    ]
    return CardKnowledge(
        card=card,
        deck_id=deck.id,
        language=code,
        name=name,
        canonical_name=shared.name,
        epithet=tradition.epithet or None,
        number=deck.card_number(card),
        upright=upright,
        reversed=reversed_,
        overrides=tuple(overrides),
    )


def deck_overrides(deck_id: str, language: str = registry.FALLBACK) -> Mapping[str, tuple[str, ...]]:
    """Card id → what `deck_id` reads differently from the shared text in `language`, for every card the
    deck changes at all (canonical order); an empty mapping for a deck that follows the shared text."""
    found = {card.id: card_knowledge(card.id, deck_id, language).overrides for card in catalogue()}
    return MappingProxyType({card_id: fields for card_id, fields in found.items() if fields})


def _shown(name: Name, card: Card) -> str:
    return name.printed if card.is_major else name.title or name.nom


def _source(card_id: str, language: str) -> str:
    """The pack a card's texts come from: `language`'s when it has the card, else English."""
    if registry.is_language(language) and card_id in registry.card_texts(language):
        return language
    return registry.FALLBACK


def _merge(face: Face, override: FaceOverride | None) -> tuple[Face, tuple[str, ...]]:
    """`face` with every field `override` sets replaced, and the names of those fields in face order."""
    if override is None:
        return face, ()
    changes = {field: value for field in FACE_FIELDS if (value := getattr(override, field)) is not None}
    return attrs.evolve(face, **changes), tuple(changes)


# --- pairs --------------------------------------------------------------------------------------------


@cache
def _pairs() -> tuple[tuple[str, str], ...]:
    from tarot_domain.content.pairs import PAIRS

    return PAIRS


def pair_key(a: str, b: str) -> tuple[str, str]:
    """The order-insensitive key of a pair of cards: the two ids sorted."""
    return (a, b) if a <= b else (b, a)


def pair_text(a: str, b: str, language: str = registry.FALLBACK) -> str | None:
    """What cards `a` and `b` say together (either order), in `language` or else English; None when the
    two are not one of the meaningful pairs."""
    key = pair_key(a, b)
    if key not in _pair_set():
        return None
    if registry.is_language(language):
        text = registry.pair_texts(language).get(key)
        if text:
            return text
    return registry.pair_texts(registry.FALLBACK).get(key) or None


def pairs_of(card_id: str) -> tuple[str, ...]:
    """The cards `card_id` forms a meaningful pair with, in the order the pairs table lists them."""
    return tuple(b if a == card_id else a for a, b in _pairs() if card_id in (a, b))


@cache
def _pair_set() -> frozenset[tuple[str, str]]:
    return frozenset(_pairs())


__all__ = [
    "FACE_FIELDS",
    "CardKnowledge",
    "card_knowledge",
    "deck_overrides",
    "pair_key",
    "pair_text",
    "pairs_of",
]
