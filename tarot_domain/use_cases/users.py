"""Registering people, their preferences, and forgetting them on request."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from attrs import evolve, frozen

from tarot_domain.model.decks import get_deck
from tarot_domain.model.errors import ErrorKind, TarotError, forbidden, not_found
from tarot_domain.model.ledger import ISSUANCE_GRANTS, TransferKind, TransferRequest, user_account
from tarot_domain.model.users import Preferences, User, check_external_ref, check_language, normalize_language
from tarot_domain.use_cases.context import Services
from tarot_ports.storage import UnitOfWork

LAST_SEEN_RESOLUTION = timedelta(hours=1)


@frozen
class Registration:
    """`returning`: a new account for an identity welcomed before, one that asked to be forgotten and
    came back (it gets no second welcome grant, and a greeting that does not promise one)."""

    user: User
    created: bool
    welcome_credits: int
    returning: bool = False


async def load_active_user(uow: UnitOfWork, user_id: str) -> User:
    return active_user(await uow.users.get(user_id), user_id)


def active_user(user: User | None, user_id: str) -> User:
    """The user loaded as `user_id`, refused when unknown, suspended or forgotten."""
    if user is None:
        raise not_found(f"no user {user_id}", "error.unknown_user")
    if not user.active:
        if user.external_ref is not None:  # suspended by an operator (a forgotten person has no ref)
            raise forbidden(f"user {user_id} is suspended", "error.user_suspended")
        raise forbidden(f"user {user_id} is inactive", "error.user_inactive")
    return user


def welcome_transfer_id(external_ref: str) -> str:
    """Keyed by a one-way hash of the identity, not the user id: someone who asks to be forgotten and
    comes back is welcomed again, but not granted again (and the ledger never holds the raw identity)."""
    return f"welcome:{hashlib.sha256(external_ref.encode()).hexdigest()[:40]}"


class UserService:
    def __init__(self, services: Services) -> None:
        self._s = services

    async def register(
        self, external_ref: str, language_code: str | None = None, display_name: str | None = None
    ) -> Registration:
        """Find or create the user behind `external_ref`; a new identity gets the welcome grant, once ever."""
        check_external_ref(external_ref)
        try:
            return await self._register(external_ref, language_code, display_name)
        except TarotError as error:
            if error.kind is not ErrorKind.CONFLICT:
                raise
        # Two first messages raced and the other one created the user: that one is ours too.
        return await self._register(external_ref, language_code, display_name)

    async def _register(
        self, external_ref: str, language_code: str | None, display_name: str | None
    ) -> Registration:
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            existing = await uow.users.get_by_ref(external_ref)
            if existing is not None:
                # A known person costs one read: "last seen" is kept to the hour, not to the message.
                if now - existing.last_seen_at >= LAST_SEEN_RESOLUTION:
                    existing = evolve(existing, last_seen_at=now)
                    await uow.users.update(existing)
                    await uow.commit()
                return Registration(existing, created=False, welcome_credits=0)
            user = User(
                id=self._s.new_id(),
                external_ref=external_ref,
                preferences=Preferences(language=normalize_language(language_code)),
                created_at=now,
                last_seen_at=now,
                display_name=display_name,
            )
            await uow.users.add(user)
            welcome = self._s.catalog.promotions.welcome_credits
            welcome_id = welcome_transfer_id(external_ref)
            returning = await uow.ledger.get(welcome_id) is not None
            if welcome > 0 and not returning:
                await uow.ledger.submit(
                    TransferRequest(
                        id=welcome_id,
                        debit=ISSUANCE_GRANTS,
                        credit=user_account(user.id),
                        amount=welcome,
                        kind=TransferKind.GRANT,
                        reference="welcome",
                    ),
                    now,
                )
            else:
                welcome = 0
            await uow.commit()
            return Registration(user, created=True, welcome_credits=welcome, returning=returning)

    async def get(self, user_id: str) -> User:
        async with self._s.uow() as uow:
            user = await uow.users.get(user_id)
        if user is None:
            raise not_found(f"no user {user_id}", "error.unknown_user")
        return user

    async def count(self) -> int:
        """How many people have registered (forgotten ones included: their rows remain)."""
        async with self._s.uow() as uow:
            return await uow.users.count()

    async def find(self, external_ref: str) -> User:
        async with self._s.uow() as uow:
            user = await uow.users.get_by_ref(check_external_ref(external_ref))
        if user is None:
            raise not_found(f"no user {external_ref}", "error.unknown_user")
        return user

    async def set_preferences(
        self,
        user_id: str,
        *,
        language: str | None = None,
        deck_id: str | None = None,
        reversals: bool | None = None,
    ) -> User:
        """Validate first; an invalid value changes nothing."""
        if language is not None:
            check_language(language)
        if deck_id is not None:
            get_deck(deck_id)
        async with self._s.uow() as uow:
            user = await load_active_user(uow, user_id)
            prefs = user.preferences
            updated = evolve(
                user,
                preferences=Preferences(
                    language=language if language is not None else prefs.language,
                    deck_id=deck_id if deck_id is not None else prefs.deck_id,
                    reversals=reversals if reversals is not None else prefs.reversals,
                ),
            )
            await uow.users.update(updated)
            await uow.commit()
        return updated

    async def set_reminders(self, user_id: str, on: bool) -> User:
        """Whether the person hears that a tier pass is ending (use_cases/reminders.py)."""
        async with self._s.uow() as uow:
            user = await load_active_user(uow, user_id)
            updated = evolve(user, reminders=on)
            await uow.users.update(updated)
            await uow.commit()
        return updated

    async def set_tier(self, user_id: str, tier_id: str | None, until: datetime | None) -> User:
        """Start, extend or end (`tier_id=None`) a subscription tier."""
        if tier_id is not None:
            self._s.catalog.tier(tier_id)
        async with self._s.uow() as uow:
            user = await load_active_user(uow, user_id)
            updated = evolve(user, tier_id=tier_id, tier_until=until if tier_id is not None else None)
            await uow.users.update(updated)
            await uow.commit()
        return updated

    async def forget(self, user_id: str) -> int:
        """Erase the person's identity, preferences and what their readings said; the ledger stays,
        anonymised.

        The user row remains (inactive, no external ref, no name, default preferences, no tier) and each
        reading keeps only its draw and its charge, so balances, payments and the ledger check still add
        up. Payments keep only what accounting needs (README, Forgetting a person); a subscription must be
        ended at its provider first (`PaymentService.end_subscriptions`). Returns how many readings were
        erased.
        """
        async with self._s.uow() as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise not_found(f"no user {user_id}", "error.unknown_user")
            erased = await uow.readings.erase_for_user(user_id)
            anonymous = evolve(
                user, external_ref=None, display_name=None, active=False, preferences=Preferences(),
                tier_id=None, tier_until=None,
            )  # fmt: skip
            await uow.users.update(anonymous)
            await uow.commit()
        return erased


def is_not_found(error: Exception) -> bool:
    return isinstance(error, TarotError) and error.message_key == "error.unknown_user"
