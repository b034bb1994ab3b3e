"""The Telethon binding: Telegram updates in, the dialog's replies out.

`TelegramBot` registers handlers on a Telethon client for new messages, callback queries and two raw
updates that Telethon has no event for (a Stars pre-checkout query; the service message announcing a
successful payment), turns each into an event of `adapters.telegram.events`, and runs
`dialog.handle(event, outbox)` with an outbox scoped to that update. The scope makes the promises
Telegram needs kept whatever the dialog does: every callback query and pre-checkout query is answered,
"typing…" stops, a streamed reading gets its final flush. A failing handler never reaches Telethon: the
error is logged with the update id and the user gets a short apology. Once logged in, the bot registers
the dialog's command menus (`menus.py`).

Updates of one chat are handled one at a time (the dialog keeps per-chat state); different chats run
concurrently. Nothing here connects at import time: `create_client` builds the client when called.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from telethon import TelegramClient, events, utils  # type: ignore[import-untyped]
from telethon.sessions import StringSession  # type: ignore[import-untyped]
from telethon.tl import types  # type: ignore[import-untyped]

from adapters.telegram.config import TelegramConfig
from adapters.telegram.events import (
    CommandMenus,
    Incoming,
    IncomingCallback,
    IncomingMessage,
    Invoice,
    Outbox,
    PreCheckoutQuery,
    RefundedPayment,
    Reply,
    Sender,
    SuccessfulPayment,
)
from adapters.telegram.menus import register_menus
from adapters.telegram.outbox import Stream, TelegramOutbox
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import TarotError, error_message
from tarot_domain.model.users import normalize_language
from tarot_ports.interpreter import OnDelta

log = logging.getLogger("adapters.telegram")

GENERIC_ERROR_KEY = "error.database"  # "We're having a technical hiccup. Please try again in a moment."


class Dialog(Protocol):
    async def handle(self, event: Incoming, out: Outbox) -> None: ...


def create_client(config: TelegramConfig) -> Any:
    """A Telethon client for `config`, not yet connected (call `TelegramBot.run` to log in).

    `flood_sleep_threshold=0` makes Telethon raise every FLOOD_WAIT instead of sleeping inside the
    call, so the outbox decides (it paces the chat and retries a bounded number of times).
    `catch_up=True` fetches the updates sent while the bot was down (a payment must not be missed).
    """
    session = StringSession(config.session_string) if config.session_string else config.session_file
    return TelegramClient(
        session,
        config.api_id,
        config.api_hash,
        flood_sleep_threshold=0,
        catch_up=True,
    )


# ------------------------------------------------------------------ telethon → events


def sender_of(user: Any, user_id: int) -> Sender:
    """Our `Sender` from a Telethon `User` (None when Telegram sent no user object)."""
    if user is None:
        return Sender(user_id=user_id)
    name = " ".join(part for part in (user.first_name, user.last_name) if part) or user.username
    return Sender(user_id=user_id, language_code=user.lang_code or None, display_name=name or None)


CURRENT_UPDATE: ContextVar[tuple[int, str] | None] = ContextVar("telegram_update", default=None)


class UpdateContextFilter(logging.Filter):
    """Puts the update being handled (`update_id`, `user_ref`) on every log record written meanwhile."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = CURRENT_UPDATE.get()
        if current is not None:
            if not hasattr(record, "update_id"):
                record.update_id = current[0]
            if not hasattr(record, "user_ref"):
                record.user_ref = current[1]
        return True


def message_update_id(message: Any) -> int:
    """A stable id for a message update, for de-duplication.

    Ids of private-chat and small-group messages are unique per bot; channel (supergroup) ids count
    per channel, so the channel id goes into the high bits.
    """
    peer = message.peer_id
    if isinstance(peer, types.PeerChannel):
        return (int(peer.channel_id) << 32) | int(message.id)
    return int(message.id)


def _sender_id(message: Any) -> int | None:
    peer = message.from_id or message.peer_id  # a private chat's incoming message has no from_id
    return int(peer.user_id) if isinstance(peer, types.PeerUser) else None


def message_event(event: Any) -> IncomingMessage | None:
    """A NewMessage event as the dialog sees it; None for what the dialog does not handle (messages
    from bots or channels)."""
    message = event.message
    user_id = _sender_id(message)
    sender = event.sender
    if user_id is None or (sender is not None and getattr(sender, "bot", False)):
        return None
    return IncomingMessage(
        update_id=message_update_id(message),
        chat_id=int(event.chat_id),
        sender=sender_of(sender, user_id),
        text=message.message or "",
        message_id=int(message.id),
    )


def callback_event(event: Any) -> IncomingCallback | None:
    query = event.query
    if not isinstance(query, types.UpdateBotCallbackQuery):
        return None  # buttons of inline-mode messages: we send none
    return IncomingCallback(
        update_id=int(query.query_id),
        chat_id=int(event.chat_id),
        sender=sender_of(event.sender, int(query.user_id)),
        message_id=int(query.msg_id),
        query_id=int(query.query_id),
        data=bytes(query.data or b""),
    )


def _entity(update: Any, user_id: int) -> Any:
    entities: dict[int, Any] = getattr(update, "_entities", None) or {}
    return entities.get(user_id)


def pre_checkout_event(update: Any) -> PreCheckoutQuery:
    return PreCheckoutQuery(
        update_id=int(update.query_id),
        sender=sender_of(_entity(update, int(update.user_id)), int(update.user_id)),
        query_id=int(update.query_id),
        payload=bytes(update.payload).decode("utf-8", errors="replace"),
        currency=update.currency,
        total_amount=int(update.total_amount),
    )


def payment_event(update: Any) -> SuccessfulPayment | RefundedPayment | None:
    """The service message of a successful payment to us, or of a Stars refund; None for any other."""
    message = getattr(update, "message", None)
    if not isinstance(message, types.MessageService):
        return None
    action = message.action
    if isinstance(action, types.MessageActionPaymentRefunded):
        return _refund_event(update, message, action)
    if message.out or not isinstance(action, types.MessageActionPaymentSentMe):
        return None
    user_id = _sender_id(message)
    if user_id is None:
        return None
    return SuccessfulPayment(
        update_id=message_update_id(message),
        chat_id=int(utils.get_peer_id(message.peer_id)),
        sender=sender_of(_entity(update, user_id), user_id),
        payload=bytes(action.payload).decode("utf-8", errors="replace"),
        currency=action.currency,
        total_amount=int(action.total_amount),
        telegram_payment_charge_id=action.charge.id,
        provider_payment_charge_id=action.charge.provider_charge_id or "",
        recurring_init=bool(action.recurring_init),
        recurring_used=bool(action.recurring_used),
        subscription_until=action.subscription_until_date,
    )


def _refund_event(update: Any, message: Any, action: Any) -> RefundedPayment | None:
    """Whichever side the service message says sent it, a refund in a private chat is the buyer's."""
    peer = message.peer_id if isinstance(message.peer_id, types.PeerUser) else action.peer
    if not isinstance(peer, types.PeerUser):
        return None
    buyer = int(peer.user_id)
    return RefundedPayment(
        update_id=message_update_id(message),
        chat_id=int(utils.get_peer_id(message.peer_id)),
        sender=sender_of(_entity(update, buyer), buyer),
        payload=bytes(action.payload or b"").decode("utf-8", errors="replace"),
        currency=action.currency,
        total_amount=int(action.total_amount),
        telegram_payment_charge_id=action.charge.id,
    )


def strip_bot_mention(text: str, username: str | None) -> str | None:
    """`/read@TarotBot x` → `/read x`; None when the command is addressed to another bot."""
    if not text.startswith("/") or not username:
        return text
    head, space, rest = text.partition(" ")
    command, at, target = head.partition("@")
    if not at:
        return text
    if target.lower() != username.lower():
        return None
    return command + space + rest


# ------------------------------------------------------------------ one update's outbox


class UpdateScope:
    """The `Outbox` the dialog gets for one update: the shared outbox, plus bookkeeping so that
    `close()` can answer what the dialog left unanswered, stop "typing…" and flush streams."""

    def __init__(self, outbox: TelegramOutbox, event: Incoming) -> None:
        self._outbox = outbox
        self._event = event
        self._answered: set[int] = set()
        self._pre_checkouts: set[int] = set()
        self._typing: dict[int, asyncio.Task[None]] = {}
        self._streams: list[Stream] = []

    async def send(self, chat_id: int, reply: Reply) -> int:
        return await self._outbox.send(chat_id, reply)

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        await self._outbox.edit(chat_id, message_id, reply)

    async def delete(self, chat_id: int, message_id: int) -> None:
        await self._outbox.delete(chat_id, message_id)

    async def answer_callback(self, query_id: int, text: str | None = None, alert: bool = False) -> None:
        if query_id in self._answered:
            log.debug("callback query %s was answered already", query_id)
            return
        self._answered.add(query_id)
        await self._outbox.answer_callback(query_id, text, alert)

    async def answer_pre_checkout(self, query_id: int, ok: bool, error: str | None = None) -> None:
        if query_id in self._pre_checkouts:
            log.warning("pre-checkout query %s was answered already", query_id)
            return
        self._pre_checkouts.add(query_id)
        await self._outbox.answer_pre_checkout(query_id, ok, error)

    async def send_invoice(self, chat_id: int, invoice: Invoice) -> int:
        return await self._outbox.send_invoice(chat_id, invoice)

    async def invoice_link(self, invoice: Invoice) -> str:
        return await self._outbox.invoice_link(invoice)

    async def notify(self, chat_id: int, reply: Reply) -> bool:
        return await self._outbox.notify(chat_id, reply)

    async def typing(self, chat_id: int) -> None:
        await self._outbox.typing(chat_id)
        if chat_id not in self._typing:
            self._typing[chat_id] = self._outbox.keep_typing(chat_id)

    def streamer(self, chat_id: int, message_id: int) -> OnDelta:
        stream = self._outbox.streamer(chat_id, message_id)
        self._streams.append(stream)
        return stream

    async def refund_stars(self, user_id: int, telegram_payment_charge_id: str) -> None:
        await self._outbox.refund_stars(user_id, telegram_payment_charge_id)

    async def cancel_stars_subscription(self, user_id: int, telegram_payment_charge_id: str) -> bool:
        return await self._outbox.cancel_stars_subscription(user_id, telegram_payment_charge_id)

    @property
    def callback_answered(self) -> bool:
        return isinstance(self._event, IncomingCallback) and self._event.query_id in self._answered

    @property
    def pre_checkout_answered(self) -> bool:
        return isinstance(self._event, PreCheckoutQuery) and self._event.query_id in self._pre_checkouts

    async def close(self) -> None:
        """Keep Telegram's promises; each step is tried even if an earlier one failed."""
        event = self._event
        for stream in self._streams:
            try:
                await self._outbox.close_stream(stream)
            except Exception:
                log.exception("update %s: final flush of a streamed message failed", event.update_id)
        typing = list(self._typing.values())
        self._typing.clear()
        for task in typing:
            task.cancel()
        if typing:
            await asyncio.wait(typing)  # unlike awaiting each, this never swallows our own cancellation
            for task in typing:
                if not task.cancelled() and task.exception() is not None:
                    log.debug("update %s: typing keep-alive failed: %r", event.update_id, task.exception())
        if isinstance(event, IncomingCallback) and not self.callback_answered:
            try:
                await self.answer_callback(event.query_id)  # stops the button's spinner
            except Exception:
                log.exception("update %s: answering the callback query failed", event.update_id)
        if isinstance(event, PreCheckoutQuery) and not self.pre_checkout_answered:
            # Telegram waits 10 s for an answer. Silence would look like a hang; an unvalidated "yes"
            # could take money for an order we do not know, so the safe answer is no.
            log.warning(
                "update %s: the dialog did not answer pre-checkout query %s", event.update_id, event.query_id
            )
            try:
                await self.answer_pre_checkout(event.query_id, False, _generic(event.sender))
            except Exception:
                log.exception("update %s: answering the pre-checkout query failed", event.update_id)


def _language(sender: Sender) -> str:
    return normalize_language(sender.language_code)


def _generic(sender: Sender) -> str:
    return translate(GENERIC_ERROR_KEY, _language(sender))


# ------------------------------------------------------------------ the bot


class _ChatLocks:
    """One lock per chat with waiters; a chat's lock is dropped when nobody holds or awaits it."""

    def __init__(self) -> None:
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    def busy(self, chat_id: int) -> bool:
        entry = self._locks.get(chat_id)
        return entry is not None and entry[0].locked()

    @asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        lock, users = self._locks.get(chat_id, (asyncio.Lock(), 0))
        self._locks[chat_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[chat_id]
            if users <= 1:
                del self._locks[chat_id]
            else:
                self._locks[chat_id] = (lock, users - 1)


class TelegramBot:
    """Runs `dialog` on a Telethon `client` (see `create_client`)."""

    def __init__(
        self,
        client: Any,
        dialog: Dialog,
        *,
        outbox: TelegramOutbox | None = None,
        menus: CommandMenus | None = None,
    ) -> None:
        self._client = client
        self._dialog = dialog
        self.outbox = outbox or TelegramOutbox(client)
        self.menus = menus
        self._locks = _ChatLocks()
        self._installed = False
        self.username: str | None = None

    def install(self) -> None:
        """Register the handlers on the client (once)."""
        if self._installed:
            return
        self._installed = True
        self._client.add_event_handler(self._on_message, events.NewMessage(incoming=True))
        self._client.add_event_handler(self._on_callback, events.CallbackQuery())
        self._client.add_event_handler(
            self._on_raw, events.Raw(types=[types.UpdateBotPrecheckoutQuery, types.UpdateNewMessage])
        )

    async def run(self, bot_token: str, on_ready: Callable[[], Awaitable[object]] | None = None) -> None:
        """Log in with `bot_token` and handle updates until the client disconnects; `on_ready` runs once
        logged in (the runners start the bot's own jobs there; a failure is logged, never fatal)."""
        self.install()
        await self._client.start(bot_token=bot_token)
        me = await self._client.get_me()
        self.username = getattr(me, "username", None)
        await self.install_menus()
        if on_ready is not None:
            try:
                await on_ready()
            except Exception:
                log.exception("the bot's start-up hook failed")
        log.info("Telegram bot @%s is running", self.username)
        try:
            await self._client.run_until_disconnected()
        finally:
            await self._client.disconnect()

    async def install_menus(self) -> None:
        """Register the command menus (menus.py) once logged in; a failure never stops the bot."""
        if self.menus is None:
            return
        try:
            done = await register_menus(self.outbox, self._client, self.menus)
            log.info("command menus set: %d", done)
        except Exception:
            log.exception("could not set the command menus")

    # ----------------------------------------------------------------- handlers (never raise)

    async def _on_message(self, event: Any) -> None:
        try:
            incoming = message_event(event)
            if incoming is None:
                return
            text = strip_bot_mention(incoming.text, self.username)
            if text is None:
                return  # a command for another bot in a group
            if text != incoming.text:
                incoming = IncomingMessage(
                    incoming.update_id, incoming.chat_id, incoming.sender, text, incoming.message_id
                )
        except Exception:
            log.exception("could not read message update %s", getattr(event.message, "id", "?"))
            return
        await self.dispatch(incoming)

    async def _on_callback(self, event: Any) -> None:
        try:
            incoming = callback_event(event)
        except Exception:
            log.exception("could not read callback query %s", getattr(event.query, "query_id", "?"))
            incoming = None
        if incoming is None:
            try:
                await self.outbox.answer_callback(int(event.query.query_id))
            except Exception:
                log.exception("could not answer callback query")
            return
        await self.dispatch(incoming)

    async def _on_raw(self, update: Any) -> None:
        incoming: Incoming | None
        try:
            if isinstance(update, types.UpdateBotPrecheckoutQuery):
                incoming = pre_checkout_event(update)
            else:
                incoming = payment_event(update)
        except Exception:
            log.exception("could not read raw update %s", type(update).__name__)
            if isinstance(update, types.UpdateBotPrecheckoutQuery):
                await self._refuse_pre_checkout(int(update.query_id))
            return
        if incoming is not None:
            await self.dispatch(incoming)

    async def _refuse_pre_checkout(self, query_id: int) -> None:
        try:
            await self.outbox.answer_pre_checkout(query_id, False, translate(GENERIC_ERROR_KEY, "en"))
        except Exception:
            log.exception("could not answer pre-checkout query %s", query_id)

    async def dispatch(self, incoming: Incoming) -> None:
        """Run the dialog on one event, serialised per chat; never raises (but lets cancellation through)."""
        # Every log line written while this update is handled carries its id and the user's ref.
        CURRENT_UPDATE.set((incoming.update_id, f"telegram:{incoming.sender.user_id}"))
        scope = UpdateScope(self.outbox, incoming)
        if isinstance(incoming, PreCheckoutQuery):
            # Telegram allows 10 seconds and the query touches no chat state: never queue it.
            await self._run(incoming, scope)
            return
        chat_id = incoming.chat_id
        if isinstance(incoming, IncomingCallback) and self._locks.busy(chat_id):
            # The chat is busy (a reading is being written): stop the spinner now rather than let the
            # query expire while it waits its turn. The dialog's own answer will then be skipped.
            try:
                await scope.answer_callback(incoming.query_id)
            except Exception:
                log.exception("update %s: early answer to a callback failed", incoming.update_id)
        async with self._locks.hold(chat_id):
            await self._run(incoming, scope)

    async def _run(self, incoming: Incoming, scope: UpdateScope) -> None:
        try:
            await self._dialog.handle(incoming, scope)
        except Exception as error:  # a handler must never take the client down
            if isinstance(error, TarotError):
                log.log(
                    logging.getLevelName(error.kind.log_level.upper()),
                    "update %s (%s) failed: %s",
                    incoming.update_id,
                    type(incoming).__name__,
                    error.detail,
                )
            else:
                log.exception("update %s (%s) failed", incoming.update_id, type(incoming).__name__)
            await self._apologise(incoming, scope, error)
        finally:
            await scope.close()

    async def _apologise(self, incoming: Incoming, scope: UpdateScope, error: Exception) -> None:
        language = _language(incoming.sender)
        text = error_message(error, language) if isinstance(error, TarotError) else _generic(incoming.sender)
        try:
            if isinstance(incoming, PreCheckoutQuery):
                if not scope.pre_checkout_answered:
                    await scope.answer_pre_checkout(incoming.query_id, False, text)
                return
            if isinstance(incoming, SuccessfulPayment):
                # Money arrived and we failed to book it: this line is what support will search for.
                log.error(
                    "update %s: payment %s (charge %s, %s %s) was NOT processed",
                    incoming.update_id,
                    incoming.payload,
                    incoming.telegram_payment_charge_id,
                    incoming.total_amount,
                    incoming.currency,
                )
            await scope.send(incoming.chat_id, Reply(text))
        except Exception:
            log.exception("update %s: could not tell the user about the failure", incoming.update_id)
