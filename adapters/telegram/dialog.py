"""The whole conversation, as a state machine over the use cases; no telethon here.

`Dialog.handle(event, out)` takes one incoming event (events.py) and speaks through an `Outbox`. Dialog
state (which spread was chosen, the questionnaire answers so far, which reading a follow-up is about)
lives in the SessionStore under one key per chat and person, so any process can serve the next update.
Buttons carry opaque tokens (callbacks.py). Every update id is handled at most once; every callback
query and pre-checkout query is answered exactly once; nothing raises out of `handle`.

Money safety does not rest on this module: the use cases hold, post and void credits under idempotency
keys derived from the Telegram message or button token, so a redelivered or double-pressed request
charges once even if every check here were bypassed.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, NoReturn

from attrs import define, frozen

from adapters.memory.randomness import SecretsRandom
from adapters.memory.rate_limit import DEFAULT_LIMITS
from adapters.telegram.callbacks import Action, CallbackRegistry
from adapters.telegram.events import (
    Button,
    Incoming,
    IncomingCallback,
    IncomingMessage,
    Invoice,
    Outbox,
    PreCheckoutQuery,
    Reply,
    SuccessfulPayment,
)
from adapters.telegram.render import (
    charge_line,
    follow_up_text,
    full_reading,
    history_line,
    reading_body,
)
from adapters.telegram.texts import t
from tarot_domain.i18n import error_message, translate
from tarot_domain.model.decks import all_decks, get_deck
from tarot_domain.model.errors import (
    ErrorKind,
    TarotError,
    forbidden,
    insufficient_credits,
    not_found,
    validation,
)
from tarot_domain.model.localized import pick
from tarot_domain.model.payments import PaymentStatus
from tarot_domain.model.products import STARS, Catalog
from tarot_domain.model.readings import Reading
from tarot_domain.model.spreads import (
    DEFAULT_SPREAD_ID,
    QUESTIONNAIRE_ANSWER_MAX,
    Spread,
    all_spreads,
    get_spread,
)
from tarot_domain.model.text import clean_answer, clean_question
from tarot_domain.model.users import SUPPORTED_LANGUAGES, User, normalize_language
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_domain.use_cases.users import UserService, is_not_found
from tarot_ports.clock import Clock
from tarot_ports.dedup import Deduplicator
from tarot_ports.randomness import RandomSource
from tarot_ports.rate_limit import RateLimit, RateLimiter
from tarot_ports.sessions import SessionStore
from tarot_ports.storage import UnitOfWorkFactory

log = logging.getLogger("adapters.telegram")

CheckoutUrlFactory = Callable[[str, str], Awaitable[str]]
"""(our user id, product id) → a Stripe Checkout URL for that purchase."""

UPDATE_TTL = 86400
MAX_TEXT = 20_000  # beyond any Telegram message; longer input is refused before it is even cleaned
LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "uk": "Українська"}
_COMMAND = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+(.*))?", re.DOTALL)


@frozen
class DialogConfig:
    """`confirm_from`: spreads costing at least this many credits ask for a confirming press first."""

    admin_ids: frozenset[int] = frozenset()
    stars_enabled: bool = True
    checkout_url_factory: CheckoutUrlFactory | None = None
    limits: Mapping[str, RateLimit] = DEFAULT_LIMITS
    confirm_from: int = 50
    page_size: int = 5
    callback_ttl: int = 2 * 86400
    flow_ttl: int = 3600


class _Shown(Exception):
    """The failure was already shown to the person (e.g. in the reading's placeholder message)."""


@define
class _Turn:
    """One update being handled: who, in which language, and whether its query was answered."""

    event: Incoming
    out: Outbox
    lang: str
    user: User | None = None
    answered: bool = False

    @property
    def tg_user(self) -> int:
        return self.event.sender.user_id

    @property
    def chat(self) -> int:
        if isinstance(self.event, PreCheckoutQuery):
            return self.event.sender.user_id  # pre-checkout has no chat; a private chat's id is the user's
        return self.event.chat_id

    @property
    def me(self) -> User:
        if self.user is None:
            raise AssertionError("user not loaded")
        return self.user

    async def answer(self, text: str | None = None, alert: bool = False) -> None:
        if self.answered or not isinstance(self.event, IncomingCallback):
            return
        self.answered = True
        await self.out.answer_callback(self.event.query_id, text, alert)


@frozen
class _Flow:
    """What the chat is in the middle of; stored as JSON in the SessionStore."""

    flow: str  # "answers" | "question" | "followup"
    spread: str = ""
    answers: tuple[str, ...] = ()
    reading: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "flow": self.flow,
            "spread": self.spread,
            "answers": list(self.answers),
            "reading": self.reading,
        }

    @staticmethod
    def from_json(state: Mapping[str, Any] | None) -> _Flow | None:
        if not state:
            return None
        flow, spread, answers, reading = (state.get(k) for k in ("flow", "spread", "answers", "reading"))
        if (
            flow not in ("answers", "question", "followup")
            or not isinstance(spread, str)
            or not isinstance(reading, str)
            or not isinstance(answers, list)
            or not all(isinstance(a, str) for a in answers)
        ):
            return None
        return _Flow(flow, spread, tuple(answers), reading)


Rows = tuple[tuple[Button, ...], ...]


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
        uow: UnitOfWorkFactory | None = None,
    ) -> None:
        """`uow` (optional) serves the admin's read-only queries: the user count and order look-ups."""
        self._users = users
        self._readings = readings
        self._credits = credits
        self._payments = payments
        self._sessions = sessions
        self._limiter = rate_limiter
        self._dedup = dedup
        self._clock = clock
        self._catalog = catalog
        self._config = config or DialogConfig()
        self._uow = uow
        self._buttons = CallbackRegistry(
            sessions, dedup, random or SecretsRandom(), self._config.callback_ttl
        )
        self._commands: Mapping[str, Callable[[_Turn, str], Awaitable[None]]] = {
            "read": self._cmd_read,
            "daily": self._cmd_daily,
            "spreads": self._cmd_spreads,
            "balance": self._cmd_balance,
            "buy": self._cmd_buy,
            "history": self._cmd_history,
            "deck": self._cmd_deck,
            "language": self._cmd_language,
            "help": self._cmd_help,
            "forget": self._cmd_forget,
            "cancel": self._cmd_cancel,
        }
        self._admin_commands: Mapping[str, Callable[[_Turn, str], Awaitable[None]]] = {
            "grant": self._cmd_grant,
            "stats": self._cmd_stats,
            "refund": self._cmd_refund,
        }
        self._actions: Mapping[str, Callable[[_Turn, Action, IncomingCallback], Awaitable[None]]] = {
            "spread": self._on_spread,
            "skip": self._on_skip,
            "cancel": self._on_cancel,
            "confirm": self._on_confirm,
            "followup": self._on_follow_up,
            "menu_read": self._on_menu_read,
            "menu_buy": self._on_menu_buy,
            "product": self._on_product,
            "history": self._on_history,
            "open": self._on_open,
            "deck": self._on_deck,
            "reversals": self._on_reversals,
            "lang": self._on_language,
            "forget": self._on_forget,
            "keep": self._on_keep,
        }

    # ================================================================== entry point

    async def handle(self, event: Incoming, out: Outbox) -> None:
        turn = _Turn(event, out, normalize_language(event.sender.language_code))
        try:
            if not await self._dedup.first_time("tg-update", str(event.update_id), UPDATE_TTL):
                turn.answered = True  # the first delivery answered its query
                log.info("update %s: duplicate, ignored", event.update_id)
                return
            await self._dispatch(turn)
        except _Shown:
            pass
        except TarotError as error:
            log.log(logging.getLevelName(error.log_level), "update %s: %r", event.update_id, error)
            await self._tell_error(turn, error_message(error, turn.lang), error)
        except Exception:
            log.exception("update %s failed", event.update_id)
            await self._tell_error(turn, translate("error.database", turn.lang), None)
        finally:
            await self._close(turn)

    async def _dispatch(self, turn: _Turn) -> None:
        event = turn.event
        if isinstance(event, PreCheckoutQuery):
            await self._pre_checkout(turn, event)
        elif isinstance(event, SuccessfulPayment):
            await self._paid(turn, event)
        else:
            await self._limit("commands_per_user", f"commands:{turn.tg_user}")
            if isinstance(event, IncomingCallback):
                await self._callback(turn, event)
            else:
                await self._message(turn, event)

    async def _tell_error(self, turn: _Turn, text: str, error: TarotError | None) -> None:
        try:
            if isinstance(turn.event, PreCheckoutQuery):
                if not turn.answered:
                    turn.answered = True
                    await turn.out.answer_pre_checkout(turn.event.query_id, False, text)
                return
            quiet = error is not None and error.kind is ErrorKind.RATE_LIMITED
            if isinstance(turn.event, IncomingCallback) and quiet and not turn.answered:
                await turn.answer(text, alert=True)  # a pop-up, not another message in the chat
                return
            await turn.out.send(turn.chat, Reply(text))
        except Exception:
            log.exception("update %s: could not report an error", turn.event.update_id)

    async def _close(self, turn: _Turn) -> None:
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

    # ================================================================== plumbing

    async def _limit(self, name: str, key: str) -> None:
        limit = self._config.limits.get(name) or DEFAULT_LIMITS[name]  # a partial mapping keeps the rest
        decision = await self._limiter.check(key, limit)
        if not decision.allowed:
            seconds = max(1, math.ceil(decision.retry_after))
            raise TarotError(
                ErrorKind.RATE_LIMITED,
                f"{key}: {name}",
                message_key="error.rate_limited",
                params={"seconds": seconds},
            )

    async def _load_user(self, turn: _Turn, *, greet: bool = True) -> User:
        """The person behind the update, registered on first contact (with the welcome grant, once)."""
        ref = f"telegram:{turn.tg_user}"
        try:
            user: User | None = await self._users.find(ref)
        except TarotError as error:
            if not is_not_found(error):
                raise
            user = None
        if user is None:
            sender = turn.event.sender
            registration = await self._users.register(ref, sender.language_code, sender.display_name)
            user = registration.user
            turn.user, turn.lang = user, user.preferences.language
            if greet:
                await self._send(turn, self._welcome(turn, registration.welcome_credits))
            return user
        turn.user, turn.lang = user, user.preferences.language
        return user

    def _welcome(self, turn: _Turn, credits: int) -> str:
        name = turn.event.sender.display_name or t("start.friend", turn.lang)
        return t("start.welcome_new", turn.lang, name=name, credits=credits)

    async def _send(self, turn: _Turn, text: str, buttons: Rows = ()) -> int:
        return await turn.out.send(turn.chat, Reply(text, buttons))

    async def _show(self, turn: _Turn, text: str, buttons: Rows = (), *, edit: int | None = None) -> None:
        """Edit the menu message a button belongs to, or send a new message."""
        if edit is not None:
            await turn.out.edit(turn.chat, edit, Reply(text, buttons))
        else:
            await self._send(turn, text, buttons)

    async def _button(
        self, turn: _Turn, label: str, action: str, *, once: bool = False, **args: Any
    ) -> Button:
        return Button(
            label, token=await self._buttons.issue(turn.chat, turn.tg_user, action, once=once, **args)
        )

    def _flow_key(self, turn: _Turn) -> str:
        return f"tg:chat:{turn.chat}:{turn.tg_user}"

    async def _flow(self, turn: _Turn) -> _Flow | None:
        return _Flow.from_json(await self._sessions.load(self._flow_key(turn)))

    async def _save_flow(self, turn: _Turn, flow: _Flow) -> None:
        await self._sessions.save(self._flow_key(turn), flow.to_json(), self._config.flow_ttl)

    async def _clear_flow(self, turn: _Turn) -> None:
        await self._sessions.delete(self._flow_key(turn))

    async def _available(self, user_id: str) -> int:
        return (await self._credits.balance(user_id)).available

    def _tier(self, user: User) -> str | None:
        return user.tier_at(self._clock.now())

    # ================================================================== messages

    async def _message(self, turn: _Turn, message: IncomingMessage) -> None:
        text = message.text
        if len(text) > MAX_TEXT:
            raise validation("message too long", "error.question_too_long", limit=500, length=len(text))
        key = (
            f"msg:{message.chat_id}:{message.message_id}"
            if message.message_id
            else f"upd:{message.update_id}"
        )
        if text.startswith("/"):
            match = _COMMAND.fullmatch(text.strip())
            name = match.group(1).lower() if match else ""
            args = (match.group(2) or "").strip() if match else ""
            if name == "start":
                await self._cmd_start(turn)
                return
            await self._load_user(turn)
            handler = self._commands.get(name)
            if handler is None and name in self._admin_commands:
                if turn.tg_user not in self._config.admin_ids:
                    raise forbidden(f"{turn.tg_user} is not an admin (/{name})")
                handler = self._admin_commands[name]
            if handler is None:
                await self._send(turn, t("command.unknown", turn.lang))
                return
            await handler(turn, args)
            return
        await self._load_user(turn)
        flow = await self._flow(turn)
        if flow is None:
            await self._quick_reading(turn, text, key)
        elif flow.flow == "answers":
            await self._take_answer(turn, flow, text)
        elif flow.flow == "question":
            await self._take_question(turn, flow, text, key)
        else:
            await self._take_follow_up(turn, flow, text, key)

    async def _cmd_start(self, turn: _Turn) -> None:
        ref = f"telegram:{turn.tg_user}"
        sender = turn.event.sender
        registration = await self._users.register(ref, sender.language_code, sender.display_name)
        user = registration.user
        turn.user, turn.lang = user, user.preferences.language
        await self._clear_flow(turn)
        if registration.created:
            await self._send(turn, self._welcome(turn, registration.welcome_credits))
            return
        name = sender.display_name or t("start.friend", turn.lang)
        available = await self._available(user.id)
        await self._send(turn, t("start.welcome_back", turn.lang, name=name, available=available))

    async def _cmd_help(self, turn: _Turn, args: str) -> None:
        text = t("help.text", turn.lang, cost=get_spread(DEFAULT_SPREAD_ID).cost)
        if turn.tg_user in self._config.admin_ids:
            text += "\n\n" + t("help.admin", turn.lang)
        await self._send(turn, text)

    async def _cmd_cancel(self, turn: _Turn, args: str) -> None:
        had_flow = await self._flow(turn) is not None
        await self._clear_flow(turn)
        await self._send(turn, t("cancel.done" if had_flow else "cancel.nothing", turn.lang))

    # ================================================================== choosing a spread

    async def _cmd_read(self, turn: _Turn, args: str) -> None:
        await self._clear_flow(turn)
        if args:
            await self._choose_spread(turn, args.split()[0].lower(), edit=None)
            return
        await self._spread_menu(turn)

    async def _on_menu_read(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        await self._clear_flow(turn)
        await self._spread_menu(turn)

    async def _spread_menu(self, turn: _Turn) -> None:
        user, lang = turn.me, turn.lang
        tier = self._tier(user)
        rows: list[tuple[Button, ...]] = []
        for spread in all_spreads():
            key = "button.spread" if self._catalog.can_use(tier, spread.id) else "button.spread_locked"
            label = t(key, lang, name=pick(spread.name, lang), cost=spread.cost)
            rows.append((await self._button(turn, label, "spread", spread=spread.id),))
        rows.append((await self._button(turn, t("button.cancel", lang), "cancel"),))
        await self._send(turn, t("read.choose", lang, available=await self._available(user.id)), tuple(rows))

    async def _on_spread(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        await self._choose_spread(turn, str(action.args.get("spread")), edit=event.message_id)

    async def _choose_spread(self, turn: _Turn, spread_id: str, *, edit: int | None) -> None:
        user, lang = turn.me, turn.lang
        spread = get_spread(spread_id)
        name = pick(spread.name, lang)
        if not self._catalog.can_use(self._tier(user), spread.id):
            tier = self._catalog.minimum_tier_for(spread.id)
            text = (
                t("read.locked", lang, spread=name, tier=pick(tier.name, lang))
                if tier is not None
                else t("read.locked_any", lang, spread=name)
            )
            if isinstance(turn.event, IncomingCallback):
                await turn.answer(text, alert=True)
            else:
                await self._send(turn, text)
            return
        await turn.answer()
        available = await self._available(user.id)
        if available < spread.cost:
            await self._send(
                turn, t("read.not_enough", lang, spread=name, cost=spread.cost, available=available)
            )
            return
        intro = t(
            "read.chosen", lang, name=name, cards=spread.card_count, cost=spread.cost,
            description=pick(spread.description, lang),
        )  # fmt: skip
        if spread.questionnaire:
            await self._save_flow(turn, _Flow("answers", spread.id))
            text, buttons = await self._prompt(turn, spread, 0)
            intro += "\n\n" + t("read.questionnaire_intro", lang, count=len(spread.questionnaire))
            await self._show(turn, f"{intro}\n\n{text}", buttons, edit=edit)
        else:
            await self._save_flow(turn, _Flow("question", spread.id))
            cancel = await self._button(turn, t("button.cancel", lang), "cancel")
            await self._show(turn, f"{intro}\n\n{t('read.ask_question', lang)}", ((cancel,),), edit=edit)

    async def _prompt(self, turn: _Turn, spread: Spread, step: int) -> tuple[str, Rows]:
        lang = turn.lang
        item = spread.questionnaire[step]
        text = t(
            "read.prompt", lang, number=step + 1, total=len(spread.questionnaire),
            prompt=pick(item.prompt, lang), hint=pick(item.hint, lang),
        )  # fmt: skip
        skip = await self._button(turn, t("button.skip", lang), "skip", spread=spread.id, step=step)
        cancel = await self._button(turn, t("button.cancel", lang), "cancel")
        return text, ((skip, cancel),)

    async def _take_answer(self, turn: _Turn, flow: _Flow, text: str) -> None:
        answer = clean_answer(text, max_length=QUESTIONNAIRE_ANSWER_MAX)
        await self._advance(turn, get_spread(flow.spread), (*flow.answers, answer))

    async def _on_skip(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        flow = await self._flow(turn)
        # Only the prompt on screen now may be skipped: an older or repeated press is stale.
        if (
            flow is None
            or flow.flow != "answers"
            or flow.spread != action.args.get("spread")
            or len(flow.answers) != action.args.get("step")
        ):
            await turn.answer(t("callback.expired", turn.lang))
            return
        await turn.answer()
        await self._advance(turn, get_spread(flow.spread), (*flow.answers, ""))

    async def _advance(self, turn: _Turn, spread: Spread, answers: tuple[str, ...]) -> None:
        answers = answers[: len(spread.questionnaire)]
        if len(answers) < len(spread.questionnaire):
            await self._save_flow(turn, _Flow("answers", spread.id, answers))
            text, buttons = await self._prompt(turn, spread, len(answers))
            await self._send(turn, text, buttons)
            return
        await self._save_flow(turn, _Flow("question", spread.id, answers))
        cancel = await self._button(turn, t("button.cancel", turn.lang), "cancel")
        await self._send(turn, t("read.ask_question", turn.lang), ((cancel,),))

    async def _on_cancel(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        revoked = action.args.get("revokes")
        if isinstance(revoked, str) and not await self._buttons.revoke(revoked):
            await turn.answer(t("callback.expired", turn.lang))  # the reading was confirmed already
            return
        await turn.answer()
        if action.args.get("confirm"):
            await self._show(turn, t("read.confirm_cancelled", turn.lang), edit=event.message_id)
            return
        await self._clear_flow(turn)
        await self._show(turn, t("cancel.done", turn.lang), edit=event.message_id)

    # ================================================================== readings

    async def _quick_reading(self, turn: _Turn, text: str, key: str) -> None:
        """Plain text outside a flow: a reading of the default spread."""
        question = clean_question(text)
        spread = get_spread(DEFAULT_SPREAD_ID)
        await self._read(turn, spread, question, (), key)

    async def _take_question(self, turn: _Turn, flow: _Flow, text: str, key: str) -> None:
        question = clean_question(text)
        spread = get_spread(flow.spread)
        if spread.cost >= self._config.confirm_from:
            user, lang = turn.me, turn.lang
            available = await self._available(user.id)
            name = pick(spread.name, lang)
            if available < spread.cost:
                await self._send(
                    turn, t("read.not_enough", lang, spread=name, cost=spread.cost, available=available)
                )
                return
            yes = await self._button(
                turn, t("button.confirm_reading", lang, cost=spread.cost), "confirm", once=True,
                spread=spread.id, question=question, answers=list(flow.answers),
            )  # fmt: skip
            no = await self._button(turn, t("button.cancel", lang), "cancel", revokes=yes.token, confirm=True)
            await self._clear_flow(turn)  # what to read now lives in the confirming token
            await self._send(
                turn,
                t("read.confirm", lang, spread=name, cost=spread.cost, available=available),
                ((yes, no),),
            )
            return
        await self._read(turn, spread, question, flow.answers, key)
        await self._clear_flow(turn)

    async def _on_confirm(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        spread = get_spread(str(action.args.get("spread")))
        question = str(action.args.get("question"))
        raw = action.args.get("answers")
        answers = tuple(str(a) for a in raw) if isinstance(raw, list) else ()
        lang = turn.lang
        await self._show(
            turn,
            t(
                "read.confirm",
                lang,
                spread=pick(spread.name, lang),
                cost=spread.cost,
                available=await self._available(turn.me.id),
            ),
            edit=event.message_id,
        )
        # The token is the idempotency key: even a press that slipped past `once` cannot charge twice.
        await self._read(turn, spread, question, answers, f"cb:{action.token}")

    async def _read(
        self, turn: _Turn, spread: Spread, question: str, answers: Sequence[str], key: str
    ) -> None:
        user, lang = turn.me, turn.lang
        self._catalog.check_access(self._tier(user), spread.id)
        await self._limit("readings_per_user", f"readings:{turn.tg_user}")
        available = await self._available(user.id)
        if available < spread.cost:
            raise insufficient_credits(spread.cost, available)
        request = ReadingRequest(
            user_id=user.id,
            spread_id=spread.id,
            question=question,
            idempotency_key=key,
            answers=tuple(answers),
        )
        placeholder = await self._start_streaming(turn, "read.placeholder")
        try:
            result = await self._readings.request_reading(request, turn.out.streamer(turn.chat, placeholder))
        except Exception as error:
            await self._fail_in(turn, placeholder, error)
        reading = result.reading
        line = charge_line(reading.cost, result.available, reading.fallback, lang)
        text = f"{reading_body(reading, lang)}\n\n{line}"
        await turn.out.edit(turn.chat, placeholder, Reply(text, await self._reading_buttons(turn, reading)))

    async def _start_streaming(self, turn: _Turn, placeholder_key: str) -> int:
        await turn.out.typing(turn.chat)
        return await self._send(turn, t(placeholder_key, turn.lang))

    async def _fail_in(self, turn: _Turn, message_id: int, error: Exception) -> NoReturn:
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
        raise _Shown from error

    async def _reading_buttons(self, turn: _Turn, reading: Reading) -> Rows:
        promotions = self._catalog.promotions
        rows: list[tuple[Button, ...]] = []
        if len(reading.follow_ups) < promotions.max_follow_ups:
            label = t("button.follow_up", turn.lang, cost=promotions.follow_up_cost)
            rows.append((await self._button(turn, label, "followup", reading=reading.id),))
        rows.append((await self._button(turn, t("button.new_reading", turn.lang), "menu_read"),))
        return tuple(rows)

    async def _cmd_daily(self, turn: _Turn, args: str) -> None:
        user, lang = turn.me, turn.lang
        await self._limit("readings_per_user", f"readings:{turn.tg_user}")
        placeholder = await self._start_streaming(turn, "read.placeholder")
        today = self._clock.now().date()
        try:
            result = await self._readings.daily_card(
                user.id, today, turn.out.streamer(turn.chat, placeholder)
            )
        except Exception as error:
            await self._fail_in(turn, placeholder, error)
        reading = result.reading
        body = reading_body(reading, lang, header=t("daily.header", lang))
        text = f"{body}\n\n{charge_line(0, result.available, reading.fallback, lang)}"
        await turn.out.edit(turn.chat, placeholder, Reply(text, await self._reading_buttons(turn, reading)))

    # ================================================================== follow-ups

    async def _on_follow_up(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        promotions = self._catalog.promotions
        reading = await self._readings.get_reading(turn.me.id, str(action.args.get("reading")))
        left = promotions.max_follow_ups - len(reading.follow_ups)
        if left <= 0:
            raise validation("follow-up limit", "error.follow_up_limit", limit=promotions.max_follow_ups)
        await turn.answer()
        await self._save_flow(turn, _Flow("followup", reading=reading.id))
        cancel = await self._button(turn, t("button.cancel", turn.lang), "cancel")
        text = t("followup.prompt", turn.lang, left=left, cost=promotions.follow_up_cost)
        await self._send(turn, text, ((cancel,),))

    async def _take_follow_up(self, turn: _Turn, flow: _Flow, text: str, key: str) -> None:
        user, lang = turn.me, turn.lang
        question = clean_question(text)
        cost = self._catalog.promotions.follow_up_cost
        await self._limit("readings_per_user", f"readings:{turn.tg_user}")
        available = await self._available(user.id)
        if available < cost:
            raise insufficient_credits(cost, available)
        placeholder = await self._start_streaming(turn, "followup.placeholder")
        try:
            reading, follow_up = await self._readings.ask_follow_up(
                user.id, flow.reading, question, key, turn.out.streamer(turn.chat, placeholder)
            )
        except Exception as error:
            await self._fail_in(turn, placeholder, error)
        await self._clear_flow(turn)
        fallback = follow_up.hold_id is not None and follow_up.cost == 0  # the hold was released, not taken
        line = charge_line(follow_up.cost, await self._available(user.id), fallback, lang, follow_up=True)
        text = f"{follow_up_text(follow_up, lang)}\n\n{line}"
        await turn.out.edit(turn.chat, placeholder, Reply(text, await self._reading_buttons(turn, reading)))

    # ================================================================== listings and preferences

    async def _cmd_spreads(self, turn: _Turn, args: str) -> None:
        lang, tier = turn.lang, self._tier(turn.me)
        lines = [translate("spreads.header", lang)]
        for spread in all_spreads():
            line = translate(
                "spreads.line", lang, name=pick(spread.name, lang), id=spread.id, cards=spread.card_count,
                cost=spread.cost,
            )  # fmt: skip
            if spread.questionnaire:
                line += "; " + translate("spreads.questionnaire", lang, count=len(spread.questionnaire))
            needed = self._catalog.minimum_tier_for(spread.id)
            if not self._catalog.can_use(tier, spread.id) and needed is not None:
                line += " " + t("spreads.locked", lang, tier=pick(needed.name, lang))
            lines.append(f"• {line}\n  {pick(spread.description, lang)}")
        choose = await self._button(turn, t("button.choose_spread", lang), "menu_read")
        await self._send(turn, "\n".join(lines), ((choose,),))

    async def _cmd_balance(self, turn: _Turn, args: str) -> None:
        user, lang = turn.me, turn.lang
        balance = await self._credits.balance(user.id)
        lines = [t("balance.text", lang, available=balance.available)]
        if balance.pending_out:
            lines.append(t("balance.pending", lang, pending=balance.pending_out))
        tier_id = self._tier(user)
        if tier_id is not None:
            tier = pick(self._catalog.tier(tier_id).name, lang)
            if user.tier_until is not None:
                lines.append(t("balance.tier", lang, tier=tier, until=user.tier_until.strftime("%Y-%m-%d")))
            else:
                lines.append(t("balance.tier_forever", lang, tier=tier))
        buttons: Rows = ()
        if self._config.stars_enabled or self._config.checkout_url_factory is not None:
            buttons = ((await self._button(turn, t("button.buy", lang), "menu_buy"),),)
        await self._send(turn, "\n".join(lines), buttons)

    async def _cmd_history(self, turn: _Turn, args: str) -> None:
        await self._history_page(turn, 0, edit=None)

    async def _on_history(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        page = action.args.get("page")
        await turn.answer()
        await self._history_page(
            turn, page if isinstance(page, int) and page >= 0 else 0, edit=event.message_id
        )

    async def _history_page(self, turn: _Turn, page: int, *, edit: int | None) -> None:
        lang, size = turn.lang, self._config.page_size
        readings, total = await self._readings.history(turn.me.id, limit=size, offset=page * size)
        if total == 0:
            await self._show(turn, t("history.empty", lang), edit=edit)
            return
        if not readings and page > 0:  # the list shrank under an old button: show the last page
            await self._history_page(turn, (total - 1) // size, edit=edit)
            return
        first = page * size + 1
        lines = [t("history.header", lang, first=first, last=first + len(readings) - 1, total=total)]
        opens: list[Button] = []
        for number, reading in enumerate(readings, start=first):
            lines.append(history_line(number, reading, lang))
            opens.append(await self._button(turn, str(number), "open", reading=reading.id))
        nav: list[Button] = []
        if page > 0:
            nav.append(await self._button(turn, t("button.prev", lang), "history", page=page - 1))
        if first + len(readings) - 1 < total:
            nav.append(await self._button(turn, t("button.next", lang), "history", page=page + 1))
        rows = (tuple(opens), tuple(nav)) if nav else (tuple(opens),)
        await self._show(turn, "\n".join(lines), rows, edit=edit)

    async def _on_open(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        reading = await self._readings.get_reading(turn.me.id, str(action.args.get("reading")))
        await turn.answer()
        await self._send(turn, full_reading(reading, turn.lang), await self._reading_buttons(turn, reading))

    async def _cmd_deck(self, turn: _Turn, args: str) -> None:
        await self._deck_menu(turn, edit=None)

    async def _deck_menu(self, turn: _Turn, *, edit: int | None) -> None:
        user, lang = turn.me, turn.lang
        prefs = user.preferences
        rows: list[tuple[Button, ...]] = []
        for deck in all_decks():
            mark = "✓ " if deck.id == prefs.deck_id else ""
            rows.append((await self._button(turn, mark + pick(deck.name, lang), "deck", deck=deck.id),))
        toggle = "deck.reversals_off" if prefs.reversals else "deck.reversals_on"
        rows.append((await self._button(turn, t(toggle, lang), "reversals", on=not prefs.reversals),))
        text = t(
            "deck.menu", lang, deck=pick(get_deck(prefs.deck_id).name, lang),
            reversals=t("deck.on" if prefs.reversals else "deck.off", lang),
        )  # fmt: skip
        await self._show(turn, text, tuple(rows), edit=edit)

    async def _on_deck(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        turn.user = await self._users.set_preferences(turn.me.id, deck_id=str(action.args.get("deck")))
        await turn.answer()
        await self._deck_menu(turn, edit=event.message_id)

    async def _on_reversals(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        # The button says which value to set, not "toggle", so a double press is harmless.
        turn.user = await self._users.set_preferences(turn.me.id, reversals=action.args.get("on") is True)
        await turn.answer()
        await self._deck_menu(turn, edit=event.message_id)

    async def _cmd_language(self, turn: _Turn, args: str) -> None:
        rows: list[tuple[Button, ...]] = []
        for code in SUPPORTED_LANGUAGES:
            rows.append((await self._button(turn, LANGUAGE_NAMES.get(code, code), "lang", code=code),))
        await self._send(turn, t("language.menu", turn.lang), tuple(rows))

    async def _on_language(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        turn.user = await self._users.set_preferences(turn.me.id, language=str(action.args.get("code")))
        turn.lang = turn.me.preferences.language
        await turn.answer()
        await self._show(turn, t("language.saved", turn.lang), edit=event.message_id)

    # ================================================================== forgetting

    async def _cmd_forget(self, turn: _Turn, args: str) -> None:
        lang = turn.lang
        yes = await self._button(turn, t("button.forget_yes", lang), "forget", once=True)
        no = await self._button(turn, t("button.forget_no", lang), "keep", revokes=yes.token)
        available = await self._available(turn.me.id)
        await self._send(turn, t("forget.confirm", lang, available=available), ((yes,), (no,)))

    async def _on_forget(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        erased = await self._users.forget(turn.me.id)
        await self._clear_flow(turn)
        await turn.answer()
        await self._show(turn, t("forget.done", turn.lang, count=erased), edit=event.message_id)

    async def _on_keep(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        revoked = action.args.get("revokes")
        if isinstance(revoked, str) and not await self._buttons.revoke(revoked):
            await turn.answer(t("callback.expired", turn.lang))  # "delete" was pressed first
            return
        await turn.answer()
        await self._show(turn, t("forget.kept", turn.lang), edit=event.message_id)

    # ================================================================== buying

    async def _cmd_buy(self, turn: _Turn, args: str) -> None:
        await self._buy_menu(turn)

    async def _on_menu_buy(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        await self._buy_menu(turn)

    async def _buy_menu(self, turn: _Turn) -> None:
        user, lang = turn.me, turn.lang
        stars = self._config.stars_enabled
        if not stars and self._config.checkout_url_factory is None:
            await self._send(turn, t("buy.unavailable", lang))
            return
        tier = self._tier(user)
        rows: list[tuple[Button, ...]] = []
        for pack in self._catalog.packs:
            credits = self._catalog.pack_credits(pack.id, tier)
            if stars:
                price = pack.price(STARS).amount
                label = t("buy.pack_button", lang, name=pick(pack.name, lang), credits=credits, price=price)
            else:
                label = t("buy.pack_card_button", lang, name=pick(pack.name, lang), credits=credits)
            rows.append((await self._button(turn, label, "product", product=pack.id),))
        for plan in self._catalog.tiers:
            name, credits = pick(plan.name, lang), plan.monthly_credits
            if stars:
                label = t("buy.tier_button", lang, name=name, credits=credits, price=plan.price(STARS).amount)
            else:
                label = t("buy.tier_card_button", lang, name=name, credits=credits)
            rows.append((await self._button(turn, label, "product", product=plan.id),))
        await self._send(turn, t("buy.header" if stars else "buy.header_card", lang), tuple(rows))

    async def _on_product(self, turn: _Turn, action: Action, event: IncomingCallback) -> None:
        user, lang = turn.me, turn.lang
        product = str(action.args.get("product"))
        await turn.answer()
        if self._config.stars_enabled:
            order = await self._payments.create_order(user.id, product, STARS)
            await turn.out.send_invoice(
                turn.chat, self._invoice(order.id, product, order.amount, order.currency, order.credits, lang)
            )
        factory = self._config.checkout_url_factory
        if factory is not None:
            url = await factory(user.id, product)
            await self._send(
                turn, t("buy.card_link", lang), ((Button(t("button.checkout", lang), url=url),),)
            )

    def _invoice(
        self, order_id: str, product: str, amount: int, currency: str, credits: int, lang: str
    ) -> Invoice:
        if product in {plan.id for plan in self._catalog.tiers}:
            plan = self._catalog.tier(product)
            name = pick(plan.name, lang)
            description = t(
                "buy.invoice_tier", lang, name=name, credits=credits, bonus=plan.pack_bonus_percent
            )
        else:
            name = pick(self._catalog.pack(product).name, lang)
            description = t("buy.invoice_pack", lang, credits=credits)
        # Telegram's limits: title 1–32 characters, description 1–255.
        return Invoice(
            title=name[:32], description=description[:255], payload=order_id, amount=amount,
            currency=currency, label=name[:32],
        )  # fmt: skip

    async def _pre_checkout(self, turn: _Turn, query: PreCheckoutQuery) -> None:
        """Answered at once: yes only for this person's own known, unpaid order at its exact price."""
        ok, reason = False, t("pay.refused", turn.lang)
        try:
            user = await self._users.find(f"telegram:{query.sender.user_id}")
            turn.lang = user.preferences.language
            reason = t("pay.refused", turn.lang)
            if self._config.stars_enabled:
                order = await self._payments.check_payable(query.payload, query.total_amount, query.currency)
                ok = order.user_id == user.id and order.provider == STARS
        except TarotError as error:
            log.info("update %s: pre-checkout refused: %r", query.update_id, error)
            if error.kind is not ErrorKind.NOT_FOUND:
                reason = error_message(error, turn.lang)
        turn.answered = True
        await turn.out.answer_pre_checkout(query.query_id, ok, None if ok else reason)

    async def _paid(self, turn: _Turn, payment: SuccessfulPayment) -> None:
        charge = payment.telegram_payment_charge_id
        with contextlib.suppress(
            TarotError
        ):  # a stranger's payment is still applied, in their client's language
            turn.lang = (await self._users.find(f"telegram:{payment.sender.user_id}")).preferences.language
        try:
            outcome = await self._payments.mark_paid(
                STARS,
                payment.payload,
                charge,
                payment.total_amount,
                payment.currency,
                event_id=f"tg:{charge}",
            )
        except Exception:
            # Money was taken: never just "try again". The event and the mismatch are on record.
            log.exception("update %s: Stars payment %s could not be applied", payment.update_id, charge)
            await self._send(turn, t("pay.problem", turn.lang, ref=charge or payment.payload))
            return
        if not outcome.applied or outcome.payment is None:
            log.info("update %s: Stars payment %s already applied", payment.update_id, charge)
            return
        order = outcome.payment
        available = await self._available(order.user_id)
        if order.product_id in {plan.id for plan in self._catalog.tiers}:
            buyer = await self._users.get(order.user_id)
            until = buyer.tier_until.strftime("%Y-%m-%d") if buyer.tier_until else "—"
            tier = pick(self._catalog.tier(order.product_id).name, turn.lang)
            text = t(
                "pay.thanks_tier",
                turn.lang,
                tier=tier,
                until=until,
                credits=outcome.credits_granted,
                available=available,
            )
        else:
            text = t("pay.thanks_pack", turn.lang, credits=outcome.credits_granted, available=available)
        await self._send(turn, text)

    # ================================================================== admin

    async def _cmd_grant(self, turn: _Turn, args: str) -> None:
        lang = turn.lang
        parts = args.split(maxsplit=2)
        who = parts[0] if parts else ""
        ref = who if who.startswith("telegram:") else f"telegram:{who}" if who.isdigit() else ""
        if len(parts) < 3 or not ref or not re.fullmatch(r"-?\d{1,9}", parts[1]):
            await self._send(turn, t("admin.grant_usage", lang))
            return
        amount, reason = int(parts[1]), parts[2]
        try:
            target = await self._users.find(ref)
        except TarotError as error:
            if is_not_found(error):
                raise not_found(f"no user {ref}") from error
            raise
        await self._credits.grant(target.id, amount, reason, transfer_id=f"tg-grant:{turn.event.update_id}")
        available = await self._available(target.id)
        await self._send(turn, t("admin.granted", lang, amount=amount, ref=ref, available=available))
        target_chat = _telegram_id(ref)
        if target_chat is not None and target_chat != turn.chat:
            try:
                text = t("admin.granted_user", target.preferences.language, amount=amount, reason=reason)
                await turn.out.send(target_chat, Reply(text))
            except Exception:
                log.warning("update %s: could not tell %s about a grant", turn.event.update_id, ref)

    async def _cmd_stats(self, turn: _Turn, args: str) -> None:
        lang = turn.lang
        users: int | str = "?"
        if self._uow is not None:
            async with self._uow() as uow:
                users = await uow.users.count()
        report = await self._credits.check()
        ledger = (
            t("admin.stats_ok", lang)
            if report.ok
            else t("admin.stats_violations", lang, count=len(report.violations))
        )
        text = t(
            "admin.stats", lang, users=users, ledger=ledger, accounts=report.accounts, pending=report.pending
        )
        if report.violations:
            text += "\n" + "\n".join(f"• {v}" for v in report.violations[:10])
        await self._send(turn, text)

    async def _cmd_refund(self, turn: _Turn, args: str) -> None:
        lang = turn.lang
        order_id = args.split()[0] if args.split() else ""
        if not order_id:
            await self._send(turn, t("admin.refund_usage", lang))
            return
        if self._uow is None:
            await self._send(turn, t("admin.refund_unavailable", lang))
            return
        async with self._uow() as uow:
            order = await uow.payments.get(order_id)
        if order is None:
            raise not_found(f"no order {order_id}", "error.unknown_order")
        if order.provider != STARS or order.status is not PaymentStatus.PAID or not order.provider_ref:
            await self._send(
                turn, t("admin.refund_not_stars", lang, order=order.id, status=order.status.value)
            )
            return
        buyer = await self._users.get(order.user_id)
        tg_user = _telegram_id(buyer.external_ref or "")
        if tg_user is None:
            await self._send(turn, t("admin.refund_no_chat", lang, order=order.id))
            return
        charge = order.provider_ref
        await turn.out.refund_stars(tg_user, charge)
        outcome = await self._payments.mark_refunded(STARS, charge, order.amount, event_id=f"refund:{charge}")
        if outcome.applied:
            text = t(
                "admin.refunded",
                lang,
                amount=order.amount,
                order=order.id,
                taken=outcome.credits_taken,
                shortfall=outcome.shortfall,
            )
        else:
            text = t("admin.refund_recorded_before", lang, amount=order.amount, order=order.id)
        await self._send(turn, text)
        if outcome.applied and tg_user != turn.chat:
            try:
                note = t(
                    "pay.refunded_user",
                    buyer.preferences.language,
                    order=order.id,
                    credits=outcome.credits_taken,
                )
                await turn.out.send(tg_user, Reply(note))
            except Exception:
                log.warning("update %s: could not tell %s about a refund", turn.event.update_id, tg_user)

    # ================================================================== callbacks

    async def _callback(self, turn: _Turn, event: IncomingCallback) -> None:
        action = await self._buttons.resolve(event.chat_id, event.sender.user_id, event.data)
        handler = self._actions.get(action.name) if action is not None else None
        if action is None or handler is None:
            await turn.answer(t("callback.expired", turn.lang))
            return
        await self._load_user(turn)
        await handler(turn, action, event)


def _telegram_id(ref: str) -> int | None:
    """The Telegram user id in a `telegram:<id>` reference (a private chat has the same id)."""
    match = re.fullmatch(r"telegram:(\d{1,20})", ref)
    return int(match.group(1)) if match else None
