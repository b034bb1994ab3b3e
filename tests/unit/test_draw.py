"""Draws: never a card twice, every card equally likely in every position, reversals half the time."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from adapters.memory.randomness import SeededRandom
from tarot_domain.model.cards import catalogue
from tarot_domain.model.draw import draw_cards, shuffle_take
from tarot_domain.model.spreads import all_spreads

# Upper 0.999 quantile of chi-square with 77 degrees of freedom is about 121.1; we allow 125.
CHI2_BOUND_77_DF = 125.0


@given(seed=st.integers(min_value=0, max_value=2**32), spread=st.sampled_from(all_spreads()))
def test_a_draw_never_repeats_a_card_and_fills_every_position(seed: int, spread: object) -> None:
    from tarot_domain.model.spreads import Spread

    assert isinstance(spread, Spread)
    drawn = draw_cards(catalogue().ids, [p.id for p in spread.positions], SeededRandom(seed), reversals=True)
    assert [d.position_id for d in drawn] == [p.id for p in spread.positions]
    assert len({d.card_id for d in drawn}) == len(drawn)
    assert all(d.card_id in catalogue() for d in drawn)


@given(seed=st.integers(min_value=0, max_value=2**32))
def test_no_reversals_when_switched_off(seed: int) -> None:
    drawn = draw_cards(catalogue().ids, [str(i) for i in range(15)], SeededRandom(seed), reversals=False)
    assert not any(d.reversed for d in drawn)


def chi_square(counts: Counter[str], categories: int, total: int) -> float:
    expected = total / categories
    return sum((counts.get(k, 0) - expected) ** 2 / expected for k in catalogue().ids)


def test_first_and_last_positions_are_uniform_over_78_cards() -> None:
    rng = SeededRandom(20261126)
    first: Counter[str] = Counter()
    tenth: Counter[str] = Counter()
    draws = 39_000
    for _ in range(draws):
        cards = shuffle_take(catalogue().ids, 10, rng)
        first[cards[0]] += 1
        tenth[cards[9]] += 1
    assert chi_square(first, 78, draws) < CHI2_BOUND_77_DF
    assert chi_square(tenth, 78, draws) < CHI2_BOUND_77_DF


def test_reversals_come_up_about_half_the_time() -> None:
    rng = SeededRandom(7)
    flips = [
        d.reversed
        for _ in range(2000)
        for d in draw_cards(catalogue().ids, ["a", "b", "c"], rng, reversals=True)
    ]
    share = sum(flips) / len(flips)
    assert 0.47 < share < 0.53  # 6000 fair flips: 5 standard deviations ≈ ±0.032


def test_the_same_seed_gives_the_same_draw() -> None:
    positions = [str(i) for i in range(10)]
    one = draw_cards(catalogue().ids, positions, SeededRandom(42), reversals=True)
    two = draw_cards(catalogue().ids, positions, SeededRandom(42), reversals=True)
    three = draw_cards(catalogue().ids, positions, SeededRandom(43), reversals=True)
    assert one == two
    assert one != three
