"""The spreads a user can order: how many cards, what each position asks, what it costs.

A spread's `id` and its positions' ids are stable forever: readings store them. The shapes (costs,
positions and their roles, questionnaire items and the positions they inform) come from
`content.structure.spreads`; every word comes from the language packs, read when asked (`PackText`).
Some spreads ask a few questions before the draw (`questionnaire`) so the reading can speak to the
user's situation; each answer is at most `QUESTIONNAIRE_ANSWER_MAX` characters.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

from attrs import field, frozen

from tarot_domain.content import keys
from tarot_domain.content.registry import PackText
from tarot_domain.content.structure import spreads as structure
from tarot_domain.content.structure.roles import Role, RoleReading, reading_of
from tarot_domain.model import errors
from tarot_domain.model.localized import Localized

_Part = TypeVar("_Part", "Position", "QuestionnaireItem")

DEFAULT_SPREAD_ID = structure.DEFAULT_SPREAD_ID
QUESTIONNAIRE_ANSWER_MAX = structure.QUESTIONNAIRE_ANSWER_MAX

__all__ = ["DEFAULT_SPREAD_ID", "QUESTIONNAIRE_ANSWER_MAX", "Position", "QuestionnaireItem", "Role", "Spread"]


@frozen
class Position:
    """One place in a spread: its `role` says how to read the card drawn for it, `meaning` what it asks,
    `stage` which period of a calendar spread it stands for (1 = the first day, week or month)."""

    id: str
    name: Localized = field(eq=False)
    meaning: Localized = field(eq=False)
    role: Role = Role.PRESENT
    stage: int | None = None

    @property
    def reading(self) -> RoleReading:
        """The aspect of card knowledge this position reads by default, and whether in the past tense."""
        return reading_of(self.role)


@frozen
class QuestionnaireItem:
    """A question asked before the draw; `hint` is a short example answer; `informs` is the position
    the answer is read against (None: the whole spread, read against the card it speaks to)."""

    id: str
    prompt: Localized = field(eq=False)
    hint: Localized = field(eq=False)
    informs: str | None = None


@frozen
class Spread:
    """A layout of cards. `cost` is in credits; `positions` are in the order the cards are laid."""

    id: str
    name: Localized = field(eq=False)
    description: Localized = field(eq=False)
    cost: int
    positions: tuple[Position, ...]
    questionnaire: tuple[QuestionnaireItem, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not self.positions:
            raise ValueError(f"spread {self.id!r} has no positions")
        if self.cost < 0:
            raise ValueError(f"spread {self.id!r} has a negative cost")
        if len({position.id for position in self.positions}) != len(self.positions):
            raise ValueError(f"position ids must be unique within spread {self.id!r}")
        if len({item.id for item in self.questionnaire}) != len(self.questionnaire):
            raise ValueError(f"questionnaire ids must be unique within spread {self.id!r}")
        ids = {position.id for position in self.positions}
        for item in self.questionnaire:
            if item.informs is not None and item.informs not in ids:
                raise ValueError(f"{self.id!r}: {item.id!r} informs an unknown position {item.informs!r}")

    @property
    def card_count(self) -> int:
        return len(self.positions)

    def position(self, position_id: str) -> Position:
        return _by_id(self.positions, position_id, f"position in spread {self.id!r}")

    def item(self, item_id: str) -> QuestionnaireItem:
        return _by_id(self.questionnaire, item_id, f"questionnaire item in spread {self.id!r}")


def _by_id(items: tuple[_Part, ...], wanted: str, what: str) -> _Part:
    for item in items:
        if item.id == wanted:
            return item
    raise KeyError(f"unknown {what}: {wanted!r}")


def all_spreads() -> tuple[Spread, ...]:
    """Every spread, from the simplest to the deepest."""
    return _registry()[0]


def spread_ids() -> tuple[str, ...]:
    return tuple(spread.id for spread in all_spreads())


def get_spread(spread_id: str) -> Spread:
    try:
        return _registry()[1][spread_id]
    except KeyError:
        raise errors.validation(
            f"unknown spread {spread_id!r}", "error.unknown_spread", spread=spread_id
        ) from None


# --- building ------------------------------------------------------------------------------------------

_REGISTRY: list[tuple[tuple[Spread, ...], Mapping[str, Spread]]] = []


def _registry() -> tuple[tuple[Spread, ...], Mapping[str, Spread]]:
    """The spreads and an index by id, built on first use (nothing is built at import time)."""
    if not _REGISTRY:
        spreads = tuple(_build(shape) for shape in structure.SPREADS)
        by_id = {spread.id: spread for spread in spreads}
        if len(by_id) != len(spreads):
            raise ValueError("spread ids must be unique")
        _REGISTRY.append((spreads, MappingProxyType(by_id)))
    return _REGISTRY[0]


def _build(shape: structure.SpreadShape) -> Spread:
    sid = shape.id
    return Spread(
        id=sid,
        name=PackText(keys.spread_name(sid)),
        description=PackText(keys.spread_description(sid)),
        cost=shape.cost,
        positions=tuple(
            Position(
                id=p.id,
                name=PackText(keys.position_name(sid, p.id)),
                meaning=PackText(keys.position_meaning(sid, p.id)),
                role=p.role,
                stage=p.stage,
            )
            for p in shape.positions
        ),
        questionnaire=tuple(
            QuestionnaireItem(
                id=q.id,
                prompt=PackText(keys.question_prompt(sid, q.id)),
                hint=PackText(keys.question_hint(sid, q.id)),
                informs=q.informs,
            )
            for q in shape.questionnaire
        ),
    )
