"""What every feature talks through: the use cases, the dialog's configuration, and the primitives of
a conversation (replies sent or edited, button tokens, the chat's flow, rate limits, the person).

Features hold one `Conversation` and never see the SessionStore, the Deduplicator or a unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, NoReturn

from attrs import frozen

from adapters.telegram.callbacks import Action, CallbackRegistry
from adapters.telegram.dialog.limits import FairLimits
from adapters.telegram.dialog.turn import Flow, Rows, Shown, Turn
from adapters.telegram.events import Button, Reply, telegram_id
from adapters.telegram.texts import t
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import TarotError, error_message
from tarot_domain.model.products import Catalog
from tarot_domain.model.users import User
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import Registration, UserService, is_not_found
from tarot_ports.clock import Clock
from tarot_ports.rate_limit import DEFAULT_LIMITS, RateLimit, RateLimiter
from tarot_ports.renderer import SpreadRenderer
from tarot_ports.sessions import SessionStore

log = logging.getLogger("adapters.telegram")
__all__ = ["CheckoutUrlFactory", "Conversation", "DialogConfig", "telegram_id"]

CheckoutUrlFactory = Callable[[str, str], Awaitable[str]]
"""(our user id, product id) → a Stripe Checkout URL for that purchase."""


@frozen
class DialogConfig:
    """`confirm_from`: spreads costing at least this many credits ask for a confirming press first;
    `limits`: the fair limits by name (`limits.py`; a partial mapping keeps the defaults for the rest);
    `payment_retry_delays`: the backoff between attempts to book a Stars payment while the database
    fails (the person is told the truth after the last one)."""

    admin_ids: frozenset[int] = frozenset()
    stars_enabled: bool = True
    checkout_url_factory: CheckoutUrlFactory | None = None
    limits: Mapping[str, RateLimit] = DEFAULT_LIMITS
    confirm_from: int = 50
    page_size: int = 5
    callback_ttl: int = 2 * 86400
    flow_ttl: int = 3600
    payment_retry_delays: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0)
    """Seconds between attempts to book a successful payment while the database fails."""


class Conversation:
    def __init__(
        self,
        *,
        users: UserService,
        readings: ReadingService,
        credits: CreditService,
        payments: PaymentService,
        sessions: SessionStore,
        rate_limiter: RateLimiter,
        clock: Clock,
        catalog: Catalog,
        config: DialogConfig,
        buttons: CallbackRegistry,
        renderer: SpreadRenderer | None = None,
    ) -> None:
        self.users = users
        self.readings = readings
        self.credits = credits
        self.payments = payments
        self.clock = clock
        self.catalog = catalog
        self.config = config
        self.renderer = renderer  # the spread picture; None: readings come as text alone
        self._sessions = sessions
        self._buttons = buttons
        self.limits = FairLimits(rate_limiter, config.limits)

    # ------------------------------------------------------------------ replies and buttons

    async def send(self, turn: Turn, text: str, buttons: Rows = (), *, rich: bool = False) -> int:
        """A new message; `rich`: `text` is a reading in the markup (render.py)."""
        return await turn.out.send(turn.chat, Reply(text, buttons, rich=rich))

    async def show(self, turn: Turn, text: str, buttons: Rows = (), *, edit: int | None = None) -> None:
        """Edit the menu message a button belongs to, or send a new message."""
        if edit is not None:
            await turn.out.edit(turn.chat, edit, Reply(text, buttons))
        else:
            await self.send(turn, text, buttons)

    async def button(self, turn: Turn, label: str, action: str, *, once: bool = False, **args: Any) -> Button:
        """A button whose opaque token runs `action` (a name in some feature's table) with `args`."""
        return await self.button_for(turn.chat, turn.tg_user, label, action, once=once, **args)

    async def button_for(
        self, chat: int, tg_user: int, label: str, action: str, *, once: bool = False, **args: Any
    ) -> Button:
        """`button` for a message sent outside any update (the jobs' news)."""
        token = await self._buttons.issue(chat, tg_user, action, once=once, **args)
        return Button(label, token=token)

    async def revoke_paired(self, turn: Turn, action: Action) -> bool:
        """A "no" button issued with `revokes=<its "yes" token>` spends that once-only token first, so
        only one of the two ever acts. False (the press answered "expired") when "yes" acted already."""
        revoked = action.args.get("revokes")
        if isinstance(revoked, str) and not await self._buttons.revoke(revoked):
            await turn.answer(t("callback.expired", turn.lang))
            return False
        return True

    @staticmethod
    def stars_canceller(turn: Turn) -> Callable[[User, str], Awaitable[bool]]:
        """Stops a person's Stars subscription through this update's outbox
        (`payments.botCancelStarsSubscription`): what /subscription and /forget hand the use cases."""

        async def cancel(buyer: User, charge: str) -> bool:
            chat = telegram_id(buyer.external_ref or "")
            return chat is not None and await turn.out.cancel_stars_subscription(chat, charge)

        return cancel

    # ------------------------------------------------------------------ the chat's flow

    def _flow_key(self, turn: Turn) -> str:
        return f"tg:chat:{turn.chat}:{turn.tg_user}"

    async def flow(self, turn: Turn) -> Flow | None:
        return Flow.from_json(await self._sessions.load(self._flow_key(turn)))

    async def save_flow(self, turn: Turn, flow: Flow) -> None:
        await self._sessions.save(self._flow_key(turn), flow.to_json(), self.config.flow_ttl)

    async def clear_flow(self, turn: Turn) -> None:
        await self._sessions.delete(self._flow_key(turn))

    # ------------------------------------------------------------------ limits, credits, the person

    async def available(self, user_id: str) -> int:
        return (await self.credits.balance(user_id)).available

    def tier(self, user: User) -> str | None:
        return user.tier_at(self.clock.now())

    async def limit_reading(self, turn: Turn) -> None:
        """The person's reading limit for their tier, then the shared budget (see `limits.py`)."""
        await self.limits.reading(turn.tg_user, subscribed=self.tier(turn.me) is not None, lang=turn.lang)

    async def load_user(self, turn: Turn, *, greet: bool = True) -> User:
        """The person behind the update, registered on first contact (with the welcome grant, once)."""
        ref = f"telegram:{turn.tg_user}"
        try:
            user: User | None = await self.users.find(ref)
        except TarotError as error:
            if not is_not_found(error):
                raise
            user = None
        if user is None:
            sender = turn.event.sender
            registration = await self.users.register(ref, sender.language_code, sender.display_name)
            user = registration.user
            turn.user, turn.lang = user, user.preferences.language
            if greet:
                await self.send(turn, self.welcome(turn, registration))
            return user
        turn.user, turn.lang = user, user.preferences.language
        return user

    def welcome(self, turn: Turn, registration: Registration) -> str:
        """The first greeting of an account: with the welcome grant, or without one (someone who asked to
        be forgotten and came back, or no grant offered) and then no talk of free credits."""
        name = turn.event.sender.display_name or t("start.friend", turn.lang)
        if registration.welcome_credits > 0:
            return t("start.welcome_new", turn.lang, name=name, credits=registration.welcome_credits)
        key = "start.welcome_returning" if registration.returning else "start.welcome_plain"
        return t(key, turn.lang, name=name)

    # ------------------------------------------------------------------ streamed answers

    async def start_streaming(self, turn: Turn, placeholder_key: str) -> int:
        """Show "typing…" and send the placeholder message that the answer is then streamed into."""
        await turn.out.typing(turn.chat)
        return await self.send(turn, t(placeholder_key, turn.lang))

    async def fail_in(self, turn: Turn, message_id: int, error: Exception) -> NoReturn:
        """Show a failure in the placeholder, so no "drawing your cards…" is left hanging."""
        if isinstance(error, TarotError):
            log.log(logging.getLevelName(error.log_level), "update %s: %r", turn.event.update_id, error)
            text = error_message(error, turn.lang)
        else:
            log.error("update %s failed", turn.event.update_id, exc_info=error)
            text = translate("error.database", turn.lang)
        try:
            await turn.out.edit(turn.chat, message_id, Reply(text))
        except Exception:
            log.exception("update %s: could not report an error", turn.event.update_id)
        raise Shown from error
