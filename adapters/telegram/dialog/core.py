"""The core of the conversation: one update in, replies out, through the features' route tables.

`Dialog.handle(event, out)` takes one incoming event (events.py) and speaks through an `Outbox`. In order:

1. **De-duplication**: every update id is handled at most once (in Redis), except the updates about
   money (a pre-checkout query, a successful payment, a refund): they never touch Redis, so a Redis
   outage cannot lose or double a payment; the database makes them exactly-once (Telegram's charge id
   is unique there, and each is one processed event).
2. **Dispatch**: payment updates go to the feature that answers them; messages and button presses
   pass the per-person command limit, then
   - a command goes to the feature that registered it (`routes.py`); /start and /help are the core's
     own (/start registers the person and greets with the main menu's buttons, /help is generated from
     the tables, `help.py`, as are Telegram's command menus, `command_menus`); /cancel, too, because the
     chat's flow is the core's;
   - a button press resolves its opaque token (callbacks.py) to an action and the feature that
     registered it;
   - **free text** (the question, each questionnaire answer, each follow-up, plain text outside a
     flow) goes through `Dialog.intake` FIRST, then to the text handler of the chat's flow.
3. **Errors**: nothing raises out of `handle`; every callback and pre-checkout query is answered once.

**The intake hook** (`Dialog.intake(turn, text) -> bool`) is where every free text a person types
arrives before anything else happens to it: before any price, confirmation, spread menu, session
write or storage. It returns whether the text may go on to its flow; when it says no, it has replied
itself. The safety screen sits here: a crisis is answered with care and a helpline, and nothing else.

Dialog state (which spread was chosen, the questionnaire answers so far, which reading a follow-up is
about) lives in the SessionStore under one key per chat and person, so any process can serve the next
update. Money safety does not rest on the dialog: the use cases hold, post and void credits under
idempotency keys derived from the Telegram message or button token, so a redelivered or double-pressed
request charges once even if every check here were bypassed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from adapters.system.randomness import SecretsRandom
from adapters.telegram.callbacks import Action, CallbackRegistry
from adapters.telegram.dialog.admin import AdminFeature
from adapters.telegram.dialog.buying import BuyingFeature, can_buy
from adapters.telegram.dialog.conversation import Conversation, DialogConfig
from adapters.telegram.dialog.daily import DailyFeature
from adapters.telegram.dialog.followups import FollowUpFeature
from adapters.telegram.dialog.forget import ForgetFeature
from adapters.telegram.dialog.help import help_text, menu
from adapters.telegram.dialog.history import HistoryFeature
from adapters.telegram.dialog.money_texts import notice_reply
from adapters.telegram.dialog.preferences import PreferencesFeature
from adapters.telegram.dialog.reading import ReadingFeature
from adapters.telegram.dialog.routes import NO_FLOW, Feature, Routes, RouteTable
from adapters.telegram.dialog.subscription import SubscriptionFeature
from adapters.telegram.dialog.turn import Flow, Rows, Shown, Turn
from adapters.telegram.events import (
    PAYMENT_UPDATES,
    CommandMenus,
    Incoming,
    IncomingCallback,
    IncomingMessage,
    MenuCommand,
    Outbox,
    PreCheckoutQuery,
    RefundedPayment,
    Reply,
    SuccessfulPayment,
    telegram_id,
)
from adapters.telegram.texts import t
from tarot_domain.content import registry
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import ErrorKind, TarotError, error_message, forbidden, validation
from tarot_domain.model.products import Catalog
from tarot_domain.model.safety import SafetyKind
from tarot_domain.model.users import User, normalize_language
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.clock import Clock
from tarot_ports.dedup import Deduplicator
from tarot_ports.notices import Notice
from tarot_ports.randomness import RandomSource
from tarot_ports.rate_limit import RateLimiter
from tarot_ports.renderer import SpreadRenderer
from tarot_ports.sessions import SessionStore

log = logging.getLogger("adapters.telegram")

FEATURES: tuple[Callable[[Conversation], Feature], ...] = (
    ReadingFeature,
    FollowUpFeature,
    DailyFeature,
    PreferencesFeature,
    BuyingFeature,
    SubscriptionFeature,
    HistoryFeature,
    ForgetFeature,
    AdminFeature,
)
"""The feature modules, each built with the `Conversation`; their tables are merged in this order."""

UPDATE_TTL = 86400
MAX_TEXT = 20_000  # beyond any Telegram message; longer input is refused before it is even cleaned
_COMMAND = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+(.*))?", re.DOTALL)


class Dialog:
    def __init__(
        self,
        *,
        users: UserService,
        readings: ReadingService,
        credits: CreditService,
        payments: PaymentService,
        sessions: SessionStore,
        rate_limiter: RateLimiter,
        dedup: Deduplicator,
        clock: Clock,
        catalog: Catalog,
        config: DialogConfig | None = None,
        random: RandomSource | None = None,
        renderer: SpreadRenderer | None = None,
    ) -> None:
        """The dialog reaches storage through the use cases alone (an import contract keeps it so);
        `renderer` draws the spread picture sent with each reading (None: text alone)."""
        config = config or DialogConfig()
        buttons = CallbackRegistry(sessions, dedup, random or SecretsRandom(), config.callback_ttl)
        self._conv = Conversation(
            users=users, readings=readings, credits=credits, payments=payments, sessions=sessions,
            rate_limiter=rate_limiter, clock=clock, catalog=catalog, config=config, buttons=buttons,
            renderer=renderer,
        )  # fmt: skip
        self._dedup = dedup
        self._buttons = buttons
        self.routes = RouteTable([self._own_routes(), *(make(self._conv).routes() for make in FEATURES)])

    @property
    def config(self) -> DialogConfig:
        return self._conv.config

    def _own_routes(self) -> Routes:
        return Routes(commands={"cancel": self._cmd_cancel}, actions={"menu_help": self._on_menu_help})

    def command_menus(self) -> CommandMenus:
        """Telegram's command menus, from the route tables as /help is (`help.menu`): one per language
        (Telegram's `lang_code`; '' is the default, English) and the admins' own."""
        everyone: dict[str, tuple[MenuCommand, ...]] = {}
        admins: dict[str, tuple[MenuCommand, ...]] = {}
        for code in registry.languages():
            lang_code = "" if code == registry.FALLBACK else code
            everyone[lang_code] = menu(code, self.routes.commands)
            admins[lang_code] = menu(code, self.routes.commands, self.routes.admin_commands)
        return CommandMenus(everyone, admins, self._conv.config.admin_ids)

    async def notify(self, out: Outbox, user: User, notice: Notice) -> bool:
        """Tell a person the jobs' news (tarot_ports/notices.py) in their language, with its buttons;
        False when they have no Telegram chat or cannot be reached."""
        chat = telegram_id(user.external_ref or "")
        if chat is None or not user.active:
            return False
        text, rows = await notice_reply(self._conv, chat, user.preferences.language, notice)
        return await out.notify(chat, Reply(text, rows))

    # ================================================================== entry point

    async def handle(self, event: Incoming, out: Outbox) -> None:
        turn = Turn(event, out, normalize_language(event.sender.language_code))
        try:
            if not isinstance(event, PAYMENT_UPDATES) and not await self._dedup.first_time(
                "tg-update", str(event.update_id), UPDATE_TTL
            ):
                turn.answered = True  # the first delivery answered its query
                log.info("update %s: duplicate, ignored", event.update_id)
                return
            await self._dispatch(turn)
        except Shown:
            pass
        except TarotError as error:
            log.log(logging.getLevelName(error.log_level), "update %s: %r", event.update_id, error)
            await self._tell_error(turn, error_message(error, turn.lang), error)
        except Exception:
            log.exception("update %s failed", event.update_id)
            await self._tell_error(turn, translate("error.database", turn.lang), None)
        finally:
            await self._close(turn)

    async def _dispatch(self, turn: Turn) -> None:
        event = turn.event
        if isinstance(event, PreCheckoutQuery):
            await self.routes.pre_checkout(turn, event)
        elif isinstance(event, SuccessfulPayment):
            await self.routes.paid(turn, event)
        elif isinstance(event, RefundedPayment):
            if self.routes.refunded is not None:
                await self.routes.refunded(turn, event)
        else:
            await self._conv.limits.commands(turn.tg_user, lang=turn.lang)
            if isinstance(event, IncomingCallback):
                await self._callback(turn, event)
            else:
                await self._message(turn, event)

    async def _message(self, turn: Turn, message: IncomingMessage) -> None:
        text = message.text
        if len(text) > MAX_TEXT:
            raise validation("message too long", "error.question_too_long", limit=500, length=len(text))
        if text.startswith("/"):
            await self._command(turn, text)
            return
        await self._conv.load_user(turn)
        if not await self.intake(turn, text):
            return
        flow = await self._conv.flow(turn) or Flow(NO_FLOW)
        await self.routes.text_handler(flow)(turn, flow, text)

    async def intake(self, turn: Turn, text: str) -> bool:
        """Every free text a person types, before anything else is done with it (see the module's
        docstring): True lets it go on to its flow; False means the intake has answered it itself.

        The person is loaded (`turn.me`, `turn.lang`); nothing about the text has been stored, priced,
        confirmed or shown yet. The safety screen runs here: a person in crisis gets the support message
        as the whole answer (no buttons, no price, no reading) and the chat's flow ends, so nothing of the
        text is kept. Health, legal and money questions go on: their reading frames itself.
        """
        support = self._conv.readings.screen(text, turn.lang)
        if support is None or support.kind is not SafetyKind.CRISIS:
            return True
        await self._conv.clear_flow(turn)
        await self._conv.send(turn, support.message)
        return False

    async def _command(self, turn: Turn, text: str) -> None:
        match = _COMMAND.fullmatch(text.strip())
        name = match.group(1).lower() if match else ""
        args = (match.group(2) or "").strip() if match else ""
        if name == "start":
            await self._cmd_start(turn)
            return
        await self._conv.load_user(turn)
        if name == "help":
            await self._cmd_help(turn)
            return
        handler = self.routes.commands.get(name)
        if handler is None and name in self.routes.admin_commands:
            if turn.tg_user not in self._conv.config.admin_ids:
                raise forbidden(f"{turn.tg_user} is not an admin (/{name})")
            handler = self.routes.admin_commands[name]
        if handler is None:
            await self._conv.send(turn, t("command.unknown", turn.lang))
            return
        await handler(turn, args)

    async def _callback(self, turn: Turn, event: IncomingCallback) -> None:
        action = await self._buttons.resolve(event.chat_id, event.sender.user_id, event.data)
        handler = self.routes.actions.get(action.name) if action is not None else None
        if action is None or handler is None:
            await turn.answer(t("callback.expired", turn.lang))
            return
        await self._conv.load_user(turn)
        await handler(turn, action, event)

    # ================================================================== the core's own commands

    async def _cmd_start(self, turn: Turn) -> None:
        conv, sender = self._conv, turn.event.sender
        ref = f"telegram:{turn.tg_user}"
        registration = await conv.users.register(ref, sender.language_code, sender.display_name)
        user = registration.user
        turn.user, turn.lang = user, user.preferences.language
        await conv.clear_flow(turn)
        if registration.created:
            text = conv.welcome(turn, registration)
        else:
            name = sender.display_name or t("start.friend", turn.lang)
            text = t("start.welcome_back", turn.lang, name=name, available=await conv.available(user.id))
        await conv.send(turn, text, await self._main_menu(turn))

    async def _main_menu(self, turn: Turn) -> Rows:
        """Under the greeting: Reading · Card of the day (when offered) · Balance · Buy (when anything
        is sold here) · Help; each press does what its command does."""
        conv, lang = self._conv, turn.lang
        first = [await conv.button(turn, t("button.menu_read", lang), "menu_read")]
        if conv.catalog.promotions.daily_free_card:
            first.append(await conv.button(turn, t("button.menu_daily", lang), "menu_daily"))
        second = [await conv.button(turn, t("button.menu_balance", lang), "menu_balance")]
        if can_buy(conv):
            second.append(await conv.button(turn, t("button.menu_buy", lang), "menu_buy"))
        second.append(await conv.button(turn, t("button.menu_help", lang), "menu_help"))
        return (tuple(first), tuple(second))

    async def _on_menu_help(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        await self._cmd_help(turn)

    async def _cmd_help(self, turn: Turn) -> None:
        admin = turn.tg_user in self._conv.config.admin_ids
        text = help_text(turn.lang, self.routes.commands, self.routes.admin_commands if admin else None)
        await self._conv.send(turn, text)

    async def _cmd_cancel(self, turn: Turn, args: str) -> None:
        had_flow = await self._conv.flow(turn) is not None
        await self._conv.clear_flow(turn)
        await self._conv.send(turn, t("cancel.done" if had_flow else "cancel.nothing", turn.lang))

    # ================================================================== answering, whatever happened

    async def _tell_error(self, turn: Turn, text: str, error: TarotError | None) -> None:
        try:
            if isinstance(turn.event, PreCheckoutQuery):
                if not turn.answered:
                    turn.answered = True
                    await turn.out.answer_pre_checkout(turn.event.query_id, False, text)
                return
            if error is not None and error.kind is ErrorKind.SCREENED:
                await self._conv.clear_flow(turn)  # the use case's backstop: keep nothing of the text
            quiet = error is not None and error.kind is ErrorKind.RATE_LIMITED
            if isinstance(turn.event, IncomingCallback) and quiet and not turn.answered:
                await turn.answer(text, alert=True)  # a pop-up, not another message in the chat
                return
            await turn.out.send(turn.chat, Reply(text))
        except Exception:
            log.exception("update %s: could not report an error", turn.event.update_id)

    async def _close(self, turn: Turn) -> None:
        """Answer what Telegram is waiting for, whatever happened above."""
        if turn.answered:
            return
        try:
            if isinstance(turn.event, IncomingCallback):
                await turn.answer()
            elif isinstance(turn.event, PreCheckoutQuery):
                turn.answered = True
                await turn.out.answer_pre_checkout(
                    turn.event.query_id, False, translate("error.payment", turn.lang)
                )
        except Exception:
            log.exception("update %s: could not answer the query", turn.event.update_id)
