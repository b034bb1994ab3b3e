"""The named choice lists bodies refer to (adapters/http/spec.py), from the domain and the deps."""

from __future__ import annotations

from adapters.http.deps import WebDeps
from adapters.http.spec import Choices
from tarot_domain.content import registry
from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import deck_ids
from tarot_domain.model.lean import Lean
from tarot_domain.model.safety import SafetyKind
from tarot_domain.model.spreads import spread_ids


def choices_of(deps: WebDeps) -> Choices:
    return {
        "spreads": tuple(spread_ids()),
        "decks": tuple(deck_ids()),
        "languages": tuple(registry.languages()),
        "products": deps.catalog.product_ids(),
        "currencies": deps.currencies,
        "leans": tuple(lean.value for lean in Lean),
        "safety": tuple(kind.value for kind in SafetyKind),
        "cards": catalogue().ids,
    }
