"""The structure is one consistent, language-neutral table, and the model is built from it alone."""

from __future__ import annotations

import ast
import itertools
import sys
from pathlib import Path

import pytest

import tarot_domain.content as content
from tarot_domain.content.schema import ASPECTS
from tarot_domain.content.structure import decks, products, spreads
from tarot_domain.content.structure.roles import READ_ASPECTS, READINGS, Role, reading_of
from tarot_domain.model.decks import all_decks
from tarot_domain.model.products import default_catalog
from tarot_domain.model.spreads import all_spreads, get_spread

CONTENT_ROOT = Path(content.__file__).parent


def test_every_role_has_a_default_reading_in_the_known_aspects() -> None:
    assert set(READINGS) == set(Role)
    assert ("core", *ASPECTS) == READ_ASPECTS
    for role in Role:
        assert reading_of(role).aspect in READ_ASPECTS
        assert reading_of(role).past_tense == (reading_of(role).aspect == "past"), role


@pytest.mark.parametrize(
    ("role", "aspect"),
    [
        (Role.CHALLENGE, "shadow"),
        (Role.ADVICE, "action"),
        (Role.OUTCOME, "leads"),
        (Role.NEAR_FUTURE, "leads"),
        (Role.PAST, "past"),
        (Role.RECENT_PAST, "past"),
        (Role.PRESENT, "core"),
        (Role.STRENGTH, "gift"),
        (Role.LESSON, "lesson"),
        (Role.OTHER, "person"),
        (Role.ENVIRONMENT, "person"),
    ],
)
def test_the_defaults_the_reading_guide_asks_for(role: Role, aspect: str) -> None:
    assert reading_of(role).aspect == aspect


def test_spread_shapes_are_consistent() -> None:
    assert len({s.id for s in spreads.SPREADS}) == len(spreads.SPREADS)
    for shape in spreads.SPREADS:
        ids = [p.id for p in shape.positions]
        assert len(set(ids)) == len(ids) and shape.cost > 0
        for item in shape.questionnaire:
            assert item.informs is None or item.informs in ids, (shape.id, item.id)
        timed = [p for p in shape.positions if p.stage is not None]
        if timed and all(p.role in (Role.DAY, Role.MONTH) for p in timed):
            assert [p.stage for p in timed] == list(range(1, len(timed) + 1)), shape.id


def test_calendar_spreads_mark_their_periods() -> None:
    week, year = get_spread("week-ahead"), get_spread("year-ahead")
    assert [p.role for p in week.positions] == [Role.DAY] * 7
    assert [p.stage for p in year.positions[1:]] == list(range(1, 13))
    assert {p.role for p in get_spread("month-ahead").positions if p.stage == 2} == {
        Role.OPPORTUNITY,
        Role.CHALLENGE,
    }


def test_position_meaning_lives_in_the_structure() -> None:
    celtic = get_spread("celtic-cross")
    assert celtic.position("environment").role is Role.ENVIRONMENT  # no longer read as "the other side"
    assert celtic.position("challenge").reading.aspect == "shadow"
    assert get_spread("yes-no").positions[0].role is Role.ANSWER
    assert get_spread("relationship").item("partner").informs == "other"
    assert get_spread("week-ahead").item("focus").informs is None


def test_the_model_is_built_from_the_structure() -> None:
    assert [(s.id, s.cost, [(p.id, p.role, p.stage) for p in s.positions]) for s in all_spreads()] == [
        (s.id, s.cost, [(p.id, p.role, p.stage) for p in s.positions]) for s in spreads.SPREADS
    ]
    assert [d.id for d in all_decks()] == [d.id for d in decks.DECKS]
    assert {d.id: dict(d.major_numbers) for d in all_decks()} == {
        d.id: dict(d.major_numbers) for d in decks.DECKS
    }
    catalog = default_catalog()
    assert [(p.id, p.credits, p.prices) for p in catalog.packs] == [
        (p.id, p.credits, p.prices) for p in products.PACKS
    ]
    assert [(t.id, t.monthly_credits, t.spreads, t.pack_bonus_percent) for t in catalog.tiers] == [
        (t.id, t.monthly_credits, t.spreads, t.pack_bonus_percent) for t in products.TIERS
    ]
    assert catalog.free_spreads == products.FREE_SPREADS
    for tier in products.TIERS:
        assert tier.spreads is None or tier.spreads <= {s.id for s in spreads.SPREADS}
    assert all(price.amount > 0 for p in (*products.PACKS, *products.TIERS) for price in p.prices)


def test_every_tier_opens_more_than_the_free_spreads_and_the_tier_below() -> None:
    everything = {s.id for s in spreads.SPREADS}
    opened = [everything if t.spreads is None else set(t.spreads) for t in products.TIERS]
    assert all(tier > products.FREE_SPREADS for tier in opened)  # Basic too opens something
    assert all(lower < higher for lower, higher in itertools.pairwise(opened))
    assert opened[0] - products.FREE_SPREADS == {"relationship", "career", "week-ahead"}
    assert opened[-1] == everything


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize(
    "path", sorted(CONTENT_ROOT.rglob("*.py")), ids=lambda p: str(p.relative_to(CONTENT_ROOT))
)
def test_content_imports_only_the_standard_library_attrs_babel_plural_and_itself(path: Path) -> None:
    for name in _imports(path):
        top = name.split(".")[0]
        allowed = (
            top in sys.stdlib_module_names
            or top == "attrs"
            or name == "babel.plural"
            or name == "tarot_domain.content"
            or name.startswith("tarot_domain.content.")
        )
        assert allowed, f"{path.name} imports {name}"
