"""The drawn cards in their places, and which of a card's texts each place reads.

A position's role picks the aspect (`content.structure.roles`: a challenge reads the card's shadow, advice
its action, the outcome and near future where it leads, the past its past-tense text, other people and
the environment the person it may be, strengths its gift). Where the position is central (the present,
the answer, the outcome, the advice, the thread of a period) and the question has a topic, it reads the
card's note for that topic instead. A questionnaire answer re-reads the position it informs: an answer
about love reads its love note, a strained answer ("lately we argue a lot") its shadow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from adapters.offline.voice import Named
from tarot_domain.content.schema import TOPICS, Face
from tarot_domain.content.structure.roles import Role, reading_of
from tarot_domain.model.cards import Card
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.knowledge import CardKnowledge, card_knowledge
from tarot_domain.model.localized import pick
from tarot_domain.model.spreads import Position, Spread

CENTRAL: frozenset[Role] = frozenset({Role.PRESENT, Role.ANSWER, Role.OUTCOME, Role.ADVICE, Role.THEME})
"""Positions that read the question's topic note when the question has a topic (the advice card's
action is kept for the closing's next step)."""

TOPIC_ALSO: frozenset[Role] = frozenset({Role.SELF, Role.BETWEEN, Role.DAY, Role.MONTH})
"""Places that read the topic note too: the querent and the bond ("how you feel at work"), and each
period of a calendar asked about one thing ("Will I find love this year?": each month's love note)."""


@dataclass(frozen=True)
class Placed:
    """One drawn card in its position, and what the reading reads of it (`reading`: an aspect of
    `schema.ASPECTS`, `core`, or `topic:<topic>`)."""

    index: int
    position_id: str
    position: Position | None
    knowledge: CardKnowledge
    reversed: bool
    named: Named
    reading: str
    answer: str = ""  # the questionnaire answer that informs this position, verbatim
    answer_item: str = ""  # the questionnaire item it answers

    @property
    def card(self) -> Card:
        return self.knowledge.card

    @property
    def role(self) -> Role | None:
        return None if self.position is None else self.position.role

    @property
    def stage(self) -> int | None:
        return None if self.position is None else self.position.stage

    @property
    def face(self) -> Face:
        return self.knowledge.face(self.reversed)

    @property
    def suit(self) -> str | None:
        return None if self.card.suit is None else self.card.suit.value

    @property
    def polarity(self) -> int:
        return self.knowledge.polarity(self.reversed).score

    def text(self, reading: str | None = None) -> str:
        """The card's text for `reading` (this place's own reading by default)."""
        wanted = reading or self.reading
        if wanted.startswith("topic:"):
            return self.face.topic(wanted[len("topic:") :])
        return self.face.core if wanted == "core" else self.face.aspect(wanted)

    def position_name(self, language: str) -> str:
        if self.position is None:
            return self.position_id.replace("-", " ").capitalize()
        return pick(self.position.name, language)


def default_reading(role: Role | None, topic: str | None, polarity: int = 0) -> str:
    """What a place reads of its card: the topic note where it is central, else its role's aspect (an
    old wound reads a bright card's shadow, since its pleasant past would read as no wound at all; a
    desire reads what the card gives, not what it warns of)."""
    if role is None:
        return "core"
    if topic in TOPICS and (role in CENTRAL or role in TOPIC_ALSO):
        return f"topic:{topic}"
    if role is Role.WOUND and polarity >= 0:
        return "shadow"
    if role is Role.DESIRE:
        return "gift"
    return reading_of(role).aspect


def place_cards(
    spread: Spread, deck_id: str, cards: Sequence[DrawnCard], language: str, topic: str | None
) -> tuple[Placed, ...]:
    """The drawn cards in the spread's order (cards on unknown positions go last, in draw order)."""
    order = {position.id: index for index, position in enumerate(spread.positions)}
    ranked = sorted(enumerate(cards), key=lambda item: (order.get(item[1].position_id, len(order)), item[0]))
    placed: list[Placed] = []
    for number, (_, drawn) in enumerate(ranked):
        knowledge = card_knowledge(drawn.card_id, deck_id, language)
        position = spread.position(drawn.position_id) if drawn.position_id in order else None
        named = Named(
            key=drawn.card_id,
            name=knowledge.name,
            reversed=drawn.reversed,
            epithet=knowledge.epithet,
        )
        role = None if position is None else position.role
        reading = default_reading(role, topic, knowledge.polarity(drawn.reversed).score)
        placed.append(Placed(number, drawn.position_id, position, knowledge, drawn.reversed, named, reading))
    return tuple(placed)


def informed(placed: Placed, answer: str, topics: Sequence[str], strained: bool, item_id: str) -> Placed:
    """`placed` re-read in the light of a questionnaire answer (see the module docstring)."""
    topic = next((t for t in topics if t in TOPICS), None)
    reading = placed.reading
    if placed.reading == "person":  # who the other person is changes how we name them, not their card
        pass
    elif strained and placed.role is not Role.CHALLENGE:
        reading = "shadow"
    elif topic is not None:
        reading = f"topic:{topic}"
    return replace(placed, reading=reading, answer=answer, answer_item=item_id)


def by_role(placed: Sequence[Placed], *roles: Role) -> list[Placed]:
    return [card for card in placed if card.role in roles]


def first(placed: Sequence[Placed], *roles: Role) -> Placed | None:
    found = by_role(placed, *roles)
    return found[0] if found else None


def at(placed: Sequence[Placed], position_id: str) -> Placed | None:
    return next((card for card in placed if card.position_id == position_id), None)
