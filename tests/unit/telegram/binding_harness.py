"""A real Telethon client with the network replaced by a recorder, for the binding's tests.

`RecordingSender` stands where Telethon's `MTProtoSender` sits: the client's own `__call__`/`_call`
(request resolution, entity caching, FLOOD_WAIT bookkeeping) runs unchanged, and every `TLRequest` that
would have gone to Telegram is recorded and answered with a well-formed TL result. Updates are fed in
through the client's own path: `_preprocess_updates` (entity cache) then `_dispatch_update`, which
builds the `events.NewMessage` / `events.CallbackQuery` / `events.Raw` events the binding registered.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from collections.abc import Awaitable, Callable
from typing import Any

from telethon import TelegramClient, errors
from telethon.sessions import StringSession
from telethon.tl import functions, types

from adapters.telegram.binding import TelegramBot
from adapters.telegram.events import Incoming, Outbox
from adapters.telegram.limits import Pacer
from adapters.telegram.outbox import TelegramOutbox

BOT_ID = 7000001
BOT_HASH = 555
USER_ID = 4242
USER_HASH = 777
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def user(user_id: int = USER_ID, lang: str | None = "en", first_name: str = "Ada") -> Any:
    return types.User(id=user_id, access_hash=USER_HASH, first_name=first_name, lang_code=lang)


class FakeTime:
    """A monotonic clock that only moves when someone sleeps (or a test moves it)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


class RecordingSender:
    """Records requests (with the fake time they were sent at) and answers them like Telegram."""

    def __init__(self, time: FakeTime) -> None:
        self.time = time
        self.requests: list[Any] = []
        self.sent_at: list[float] = []
        self._ids = itertools.count(500)
        self._pts = itertools.count(1)
        # request type → errors to raise for the next calls of that type, in order
        self.failures: dict[type, list[Callable[[Any], Exception]]] = {}
        self.unknown_users: set[int] = set()
        # the bot's Stars transactions, newest first, as `payments.getStarsTransactions` pages them
        self.stars_history: list[Any] = []
        self.stars_page = 100

    def fail(self, request_type: type, *factories: Callable[[Any], Exception]) -> None:
        self.failures.setdefault(request_type, []).extend(factories)

    def send(self, request: Any, ordered: bool = False) -> Any:
        if isinstance(request, list):  # Telethon sends some requests as a batch: one future each
            return [self.send(r, ordered) for r in request]
        self.requests.append(request)
        self.sent_at.append(self.time.now)
        return self._answer(request)

    def _user(self, wanted: Any) -> Any:
        """`users.getUsers`: the bot itself, a user Telegram knows (any id not in `unknown_users`; a bot
        may look them up with access_hash 0), or UserEmpty."""
        if isinstance(wanted, types.InputUserSelf):
            return types.User(id=BOT_ID, is_self=True, bot=True, access_hash=BOT_HASH, username="TarotBot")
        if wanted.user_id in self.unknown_users:
            return types.UserEmpty(id=wanted.user_id)
        return types.User(id=wanted.user_id, access_hash=USER_HASH, first_name="Known")

    def uploaded(self, file_id: int) -> bytes:
        """The bytes of one uploaded file, its parts put back together in order."""
        parts = [r for r in self.of(functions.upload.SaveFilePartRequest) if r.file_id == file_id]
        return b"".join(r.bytes for r in sorted(parts, key=lambda r: r.file_part))

    def of(self, request_type: type) -> list[Any]:
        return [r for r in self.requests if isinstance(r, request_type)]

    def times_of(self, request_type: type) -> list[float]:
        return [t for r, t in zip(self.requests, self.sent_at, strict=True) if isinstance(r, request_type)]

    async def _answer(self, request: Any) -> Any:
        await asyncio.sleep(0)
        queue = self.failures.get(type(request))
        if queue:
            raise queue.pop(0)(request)
        date = NOW
        if isinstance(request, functions.messages.SendMessageRequest):
            return types.UpdateShortSentMessage(
                id=next(self._ids), pts=next(self._pts), pts_count=1, date=date, out=True
            )
        if isinstance(request, functions.messages.EditMessageRequest):
            message = types.Message(
                id=request.id,
                peer_id=_peer(request.peer),
                date=date,
                message=request.message,
                out=True,
                reply_markup=request.reply_markup,
            )
            edit = types.UpdateEditMessage(message=message, pts=next(self._pts), pts_count=1)
            return types.Updates(updates=[edit], users=[], chats=[], date=date, seq=0)
        if isinstance(request, functions.messages.SendMediaRequest):
            message_id = next(self._ids)
            message = types.Message(
                id=message_id, peer_id=_peer(request.peer), date=date, message=request.message, out=True
            )
            return types.Updates(
                updates=[
                    types.UpdateMessageID(id=message_id, random_id=request.random_id),
                    types.UpdateNewMessage(message=message, pts=next(self._pts), pts_count=1),
                ],
                users=[],
                chats=[],
                date=date,
                seq=0,
            )
        if isinstance(request, functions.messages.DeleteMessagesRequest):
            return types.messages.AffectedMessages(pts=next(self._pts), pts_count=len(request.id))
        if isinstance(request, functions.payments.RefundStarsChargeRequest):
            return types.Updates(updates=[], users=[], chats=[], date=date, seq=0)
        if isinstance(request, functions.payments.ExportInvoiceRequest):
            return types.payments.ExportedInvoice(url=f"https://t.me/$invoice{next(self._ids)}")
        if isinstance(request, functions.payments.GetStarsTransactionsRequest):
            start = int(request.offset or 0)
            page = self.stars_history[start : start + min(request.limit, self.stars_page)]
            more = start + len(page) < len(self.stars_history)
            return types.payments.StarsStatus(
                balance=types.StarsAmount(amount=0, nanos=0), chats=[], users=[], history=page,
                next_offset=str(start + len(page)) if more else None,
            )  # fmt: skip
        if isinstance(request, functions.users.GetUsersRequest):
            return [self._user(wanted) for wanted in request.id]
        if isinstance(
            request,
            functions.messages.SetBotCallbackAnswerRequest
            | functions.messages.SetBotPrecheckoutResultsRequest
            | functions.messages.SetTypingRequest
            | functions.bots.SetBotCommandsRequest
            | functions.payments.BotCancelStarsSubscriptionRequest
            | functions.upload.SaveFilePartRequest
            | functions.upload.SaveBigFilePartRequest,
        ):
            return True
        raise AssertionError(f"the harness has no answer for {type(request).__name__}")


def _peer(input_peer: Any) -> Any:
    if isinstance(input_peer, types.InputPeerUser):
        return types.PeerUser(input_peer.user_id)
    raise AssertionError(f"unexpected peer {input_peer!r}")


def flood(seconds: int) -> Callable[[Any], Exception]:
    return lambda request: errors.FloodWaitError(request=request, capture=seconds)


def rpc_error(message: str, code: int = 400) -> Callable[[Any], Exception]:
    return lambda request: errors.rpc_message_to_error(
        types.RpcError(error_code=code, error_message=message), request
    )


Behaviour = Callable[[Incoming, Outbox], Awaitable[None]]


class FakeDialog:
    """The dialog's seam with a scripted behaviour; records what it heard."""

    def __init__(self, behaviour: Behaviour | None = None) -> None:
        self.events: list[Incoming] = []
        self.behaviour = behaviour

    async def handle(self, event: Incoming, out: Outbox) -> None:
        self.events.append(event)
        if self.behaviour is not None:
            await self.behaviour(event, out)


class Harness:
    def __init__(
        self, dialog: FakeDialog, *, typing_sleep: Callable[[float], Awaitable[None]] | None = None
    ) -> None:
        self.time = FakeTime()
        self.client = TelegramClient(
            StringSession(), 12345, "0123456789abcdef0123456789abcdef", flood_sleep_threshold=0
        )
        self.sender = RecordingSender(self.time)
        self.client._sender = self.sender  # the one seam: below `_call`, where bytes would go out
        self.dialog = dialog
        self.outbox = TelegramOutbox(
            self.client,
            pacer=Pacer(clock=self.time.clock, sleep=self.time.sleep),
            clock=self.time.clock,
            sleep=self.time.sleep,
            typing_sleep=typing_sleep or _forever,
        )
        self.bot = TelegramBot(self.client, dialog, outbox=self.outbox)
        self.bot.install()
        self._message_ids = itertools.count(100)
        self._pts = itertools.count(1000)

    async def deliver(self, update: Any, users: list[Any] | None = None) -> None:
        """Feed one update the way Telethon's update loop does, and wait for every handler."""
        (prepared,) = await self.client._preprocess_updates(
            [update], users if users is not None else [user()], []
        )
        await self.client._dispatch_update(prepared)

    async def message(self, text: str, *, sender: Any = None, message_id: int | None = None) -> None:
        sender = sender or user()
        message = types.Message(
            id=message_id or next(self._message_ids),
            peer_id=types.PeerUser(sender.id),
            date=NOW,
            message=text,
            out=False,
        )
        await self.deliver(
            types.UpdateNewMessage(message=message, pts=next(self._pts), pts_count=1), [sender]
        )

    async def callback(self, data: bytes, *, query_id: int = 9001, msg_id: int = 55) -> None:
        update = types.UpdateBotCallbackQuery(
            query_id=query_id,
            user_id=USER_ID,
            peer=types.PeerUser(USER_ID),
            msg_id=msg_id,
            chat_instance=1,
            data=data,
        )
        await self.deliver(update)

    async def pre_checkout(self, payload: bytes = b"ord_123", amount: int = 50, query_id: int = 77) -> None:
        await self.deliver(
            types.UpdateBotPrecheckoutQuery(
                query_id=query_id, user_id=USER_ID, payload=payload, currency="XTR", total_amount=amount
            )
        )

    async def payment(
        self, payload: bytes = b"ord_123", amount: int = 50, charge: str = "stxCHARGE1",
        *, recurring_init: bool | None = None, recurring_used: bool | None = None,
        until: dt.datetime | None = None,
    ) -> None:  # fmt: skip
        action = types.MessageActionPaymentSentMe(
            currency="XTR",
            total_amount=amount,
            payload=payload,
            charge=types.PaymentCharge(id=charge, provider_charge_id=""),
            recurring_init=recurring_init,
            recurring_used=recurring_used,
            subscription_until_date=until,
        )
        message = types.MessageService(
            id=next(self._message_ids), peer_id=types.PeerUser(USER_ID), date=NOW, out=False, action=action
        )
        await self.deliver(types.UpdateNewMessage(message=message, pts=next(self._pts), pts_count=1))

    async def refund(
        self, payload: bytes = b"ord_123", amount: int = 50, charge: str = "stxCHARGE1", out: bool = True
    ) -> None:
        """Telegram's service message in the buyer's chat that a Stars payment was refunded."""
        action = types.MessageActionPaymentRefunded(
            peer=types.PeerUser(USER_ID),
            currency="XTR",
            total_amount=amount,
            charge=types.PaymentCharge(id=charge, provider_charge_id=""),
            payload=payload,
        )
        message = types.MessageService(
            id=next(self._message_ids), peer_id=types.PeerUser(USER_ID), date=NOW, out=out, action=action
        )
        await self.deliver(types.UpdateNewMessage(message=message, pts=next(self._pts), pts_count=1))


async def _forever(seconds: float) -> None:
    await asyncio.Event().wait()  # "typing…" keeps alive until cancelled; tests that count it pass their own


def stars_transaction(
    charge: str, amount: int, *, payload: bytes | None = b"ord_123", user_id: int = USER_ID,
    date: dt.datetime = NOW, refund: bool | None = None, pending: bool | None = None,
    period: int | None = None,
) -> Any:  # fmt: skip
    """One `starsTransaction` of the bot as Telegram lists it (a refund moves the Stars back out)."""
    return types.StarsTransaction(
        id=charge, amount=types.StarsAmount(amount=-amount if refund else amount, nanos=0), date=date,
        peer=types.StarsTransactionPeer(peer=types.PeerUser(user_id)), refund=refund, pending=pending,
        bot_payload=payload, subscription_period=period,
    )  # fmt: skip
