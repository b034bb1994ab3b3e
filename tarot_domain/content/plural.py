"""CLDR plural categories for a count, from the rule a pack declares.

Babel's `babel.plural.PluralRule` evaluates the rule: it is pure (no locale data is read) and exact for
every CLDR operand. Importing Babel costs a few milliseconds (`python -X importtime`: about 8 ms for
`babel` and `babel.core`, most of it modules the service imports anyway), so it is imported on the first
count, not when content is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from tarot_domain.content.shapes import CATEGORIES

PluralFunction = Callable[[int], str]


def compile_rule(rule: Mapping[str, str]) -> PluralFunction:
    """A function from a whole number to its CLDR category under `rule` (see `shapes.About.plural`)."""
    from babel.plural import PluralRule

    unknown = set(rule) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown plural categories {sorted(unknown)}")
    evaluate = PluralRule(dict(rule))

    @cache
    def category(count: int) -> str:
        result: str = evaluate(count)
        return result

    return category


def categories_used(function: PluralFunction, upto: int = 1000) -> frozenset[str]:
    """The categories whole numbers 0..`upto` fall into, plus `other` (every rule's fallback)."""
    return frozenset({function(number) for number in range(upto + 1)} | {"other"})
