"""People who ask for readings, and their preferences."""

from __future__ import annotations

import re
from datetime import datetime

from attrs import frozen

from tarot_domain.content import registry
from tarot_domain.model.errors import validation

_REF = re.compile(r"^[a-z][a-z0-9_-]{0,31}:[A-Za-z0-9_.:@-]{1,200}$")


def check_external_ref(ref: str) -> str:
    """An identity from outside: `telegram:12345`, `api:<client>:<id>`, `cli:local`."""
    if not _REF.match(ref):
        raise validation(f"malformed user reference {ref!r}", "error.bad_user_ref", ref=ref[:64])
    return ref


def normalize_language(code: str | None) -> str:
    """Map a client's language code (`uk`, `uk-UA`, `ru`, None) to a pack we have, else English."""
    return registry.match_language(code) or registry.FALLBACK


def check_language(code: str) -> str:
    """`code` when a language pack exists for it, else a validation error that lists the choices."""
    if not registry.is_language(code):
        choices = ", ".join(f"{registry.language_name(c)} ({c})" for c in registry.languages())
        shown = code[:16]
        detail = f"unsupported language {shown!r}"
        raise validation(detail, "error.unknown_language", language=shown, choices=choices)
    return code


@frozen
class Preferences:
    language: str = registry.FALLBACK
    deck_id: str = "rider-waite"
    reversals: bool = True


@frozen
class User:
    """`external_ref` is None once the person asked us to forget them (the ledger stays, anonymised);
    `reminders` is False once they asked not to be reminded that a tier pass is ending."""

    id: str
    external_ref: str | None
    preferences: Preferences
    created_at: datetime
    last_seen_at: datetime
    active: bool = True
    tier_id: str | None = None
    tier_until: datetime | None = None
    purchases_frozen: bool = False
    display_name: str | None = None
    reminders: bool = True

    def tier_at(self, now: datetime) -> str | None:
        """The subscription tier in force at `now`, if any."""
        if self.tier_id is not None and (self.tier_until is None or now < self.tier_until):
            return self.tier_id
        return None
