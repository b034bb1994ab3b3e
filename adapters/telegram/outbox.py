"""`TelegramOutbox`: the dialog's `Outbox` rendered as MTProto requests through a Telethon client.

Everything Telegram imposes lives here, so the dialog never thinks about it: messages cut below the
length limit (buttons on the last part), callback data under 64 bytes, pacing under the flood limits,
FLOOD_WAIT honoured and retried a bounded number of times, a reading streamed into one message by edits
at most once a second per chat (continuing in a new message when it outgrows the limit), Stars invoices
(a subscription as an exported invoice link), refunds and subscriptions cancelled.

Text is sent without a parse mode. A reading (`Reply.rich`) is written in the reading markup: it is laid out
here (`layout.py`) as messages cut between sections, its headings and card names in bold through
`MessageEntityBold` ranges (UTF-16 offsets), so no entity is ever cut in two; every other text is plain.

Telethon ships no type information, so the client is `Any` here; the functions below are the typed
surface the rest of the project sees.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from telethon import TelegramClient, errors, helpers  # type: ignore[import-untyped]
from telethon.tl import custom, functions, types  # type: ignore[import-untyped]

from adapters.telegram.events import CALLBACK_DATA_LIMIT, MESSAGE_LIMIT, Button, Invoice, Reply
from adapters.telegram.layout import Styled, messages
from adapters.telegram.limits import Clock, Pacer, Sleep
from adapters.telegram.split import split_text, truncate, utf16_len
from adapters.telegram.stars import cancel_stars_subscription, invoice_media, refund_stars_charge
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.markup import plain

log = logging.getLogger("adapters.telegram")

CAPTION_LIMIT = 1024  # characters in a photo's caption
PICTURE_NAME = "spread.png"  # the uploaded picture's file name (Telegram wants one; nobody sees it)
CALLBACK_ANSWER_LIMIT = 200  # characters in a callback's toast or alert
EMPTY_TEXT = "…"  # Telegram rejects an empty message; a dialog bug should not cost the user a reply

FLOOD_RETRIES = 3
MAX_FLOOD_WAIT = 120.0  # seconds; a longer wait is an outage, reported rather than slept through
STREAM_INTERVAL = 1.0  # seconds between edits of one chat
TYPING_INTERVAL = 4.5  # Telegram shows "typing…" for about 5 seconds per request
TYPING_MAX = 180.0  # a stuck handler must not type forever
THREADS_KEPT = 4096
EDIT_SLOTS_KEPT = 4096

_FLOOD_ERRORS = (errors.FloodWaitError, errors.FloodPremiumWaitError, errors.SlowModeWaitError)
_UNREACHABLE = (errors.UserIsBlockedError, errors.InputUserDeactivatedError, errors.PeerIdInvalidError)


def inline_markup(rows: Sequence[Sequence[Button]]) -> Any:
    """A `ReplyInlineMarkup` for the dialog's buttons, or None when there are none.

    A button's token is its callback data and must be 1..64 bytes: a longer one is a dialog bug, and
    Telegram would reject the whole message, so it is reported here with the token in the message.
    """
    built: list[list[Any]] = []
    for row in rows:
        current: list[Any] = []
        for button in row:
            if button.url:
                current.append(custom.Button.url(button.label, button.url))
                continue
            data = button.token.encode("utf-8")
            if not data or len(data) > CALLBACK_DATA_LIMIT:
                raise ValueError(
                    f"button {button.label!r}: callback token must be 1..{CALLBACK_DATA_LIMIT} bytes, "
                    f"got {len(data)} ({button.token!r})"
                )
            current.append(custom.Button.inline(button.label, data=data))
        if current:
            built.append(current)
    if not built:
        return None
    return TelegramClient.build_reply_markup(built)


def bold(part: Styled) -> list[Any]:
    """The part's bold ranges as Telegram entities (offsets and lengths in UTF-16 code units)."""
    return [types.MessageEntityBold(offset=offset, length=length) for offset, length in part.bold]


def sent_message_id(result: Any, random_id: int | None = None) -> int:
    """The id of the message a send request created, from whichever shape of `Updates` came back."""
    if isinstance(result, types.UpdateShortSentMessage):
        return int(result.id)
    if isinstance(result, types.UpdateShort):
        updates = [result.update]
    elif isinstance(result, types.Updates | types.UpdatesCombined):
        updates = list(result.updates)
    else:
        updates = []
    for update in updates:
        if isinstance(update, types.UpdateMessageID) and (random_id is None or update.random_id == random_id):
            return int(update.id)
    for update in updates:
        if isinstance(update, types.UpdateNewMessage | types.UpdateNewChannelMessage):
            return int(update.message.id)
    raise TarotError(ErrorKind.API, f"Telegram did not say which message it sent ({type(result).__name__})")


class TelegramOutbox:
    """The `Outbox` over one Telethon client, shared by every update the bot handles.

    `clock` (monotonic seconds) and `sleep` drive the pacer, the flood waits and the streaming interval,
    so tests can run them without waiting; the "typing…" keep-alive uses `typing_sleep`.
    """

    def __init__(
        self,
        client: Any,
        *,
        pacer: Pacer | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        typing_sleep: Sleep = asyncio.sleep,
        flood_retries: int = FLOOD_RETRIES,
        max_flood_wait: float = MAX_FLOOD_WAIT,
        stream_interval: float = STREAM_INTERVAL,
        message_limit: int = MESSAGE_LIMIT,
    ) -> None:
        self._client = client
        self._clock = clock
        self._sleep = sleep
        self._typing_sleep = typing_sleep
        self._pacer = pacer or Pacer(clock=clock, sleep=sleep)
        self._flood_retries = flood_retries
        self._max_flood_wait = max_flood_wait
        self._stream_interval = stream_interval
        self._limit = message_limit
        self._next_edit: dict[int, float] = {}  # chat → earliest time of its next edit
        self._streams: dict[tuple[int, int], Stream] = {}
        # A message we split (or a stream that overflowed) continues in further messages; editing the
        # first one re-renders the whole run.
        self._threads: OrderedDict[tuple[int, int], list[int]] = OrderedDict()

    # ------------------------------------------------------------------ requests

    async def invoke(
        self, request: Any, *, chat_id: int | None = None, paced: bool = False, retry: bool = True
    ) -> Any:
        """Send one request; wait out FLOOD_WAIT up to `flood_retries` times (each at most
        `max_flood_wait` seconds), then let the error through. With `retry=False` the first flood
        wait is raised at once (the chat is still paced by it)."""
        attempt = 0
        while True:
            if paced:
                await self._pacer.acquire(chat_id)
            try:
                return await self._client(request)
            except _FLOOD_ERRORS as error:
                seconds = max(1.0, float(error.seconds))
                attempt += 1
                if paced and seconds <= self._max_flood_wait:
                    self._pacer.defer(chat_id, seconds)  # whoever sends here next waits too
                if not retry or attempt > self._flood_retries or seconds > self._max_flood_wait:
                    raise
                log.warning(
                    "flood wait of %.0fs on %s (chat %s), retry %d of %d",
                    seconds,
                    type(request).__name__,
                    chat_id,
                    attempt,
                    self._flood_retries,
                )
                if not paced:
                    await self._sleep(seconds)  # paced requests sleep in the next `acquire`

    async def _peer(self, chat_id: int) -> Any:
        return await self._client.get_input_entity(chat_id)

    async def _send_text(
        self, chat_id: int, text: str, markup: Any, entities: list[Any] | None = None
    ) -> int:
        random_id = helpers.generate_random_long()
        request = functions.messages.SendMessageRequest(
            peer=await self._peer(chat_id),
            message=text,
            no_webpage=True,
            random_id=random_id,
            reply_markup=markup,
            entities=entities or None,
        )
        return sent_message_id(await self.invoke(request, chat_id=chat_id, paced=True), random_id)

    async def _edit_text(
        self, chat_id: int, message_id: int, text: str, markup: Any, *, wait: bool,
        entities: list[Any] | None = None,
    ) -> bool:  # fmt: skip
        """Edit one message; False when the chat's edit slot is not free and `wait` is False."""
        now = self._clock()
        slot = max(now, self._next_edit.get(chat_id, 0.0))
        if slot > now and not wait:
            return False
        self._reserve_edit(chat_id, slot + self._stream_interval, now)  # before sleeping: others queue
        if slot > now:
            await self._sleep(slot - now)
        request = functions.messages.EditMessageRequest(
            peer=await self._peer(chat_id), id=message_id, message=text, no_webpage=True, reply_markup=markup,
            entities=entities or None,
        )  # fmt: skip
        with contextlib.suppress(errors.MessageNotModifiedError):  # the same text again: not a failure
            await self.invoke(request, chat_id=chat_id, paced=True, retry=wait)
        return True

    async def _delete(self, chat_id: int, message_ids: list[int]) -> None:
        try:
            await self._client.delete_messages(chat_id, message_ids, revoke=True)
        except (errors.RPCError, errors.MultiError) as error:  # tidying up is cosmetic
            log.info("could not delete messages %s in chat %s: %s", message_ids, chat_id, error)

    def _remember_thread(self, chat_id: int, head_id: int, ids: list[int]) -> None:
        key = (chat_id, head_id)
        if len(ids) > 1:
            self._threads[key] = ids
            self._threads.move_to_end(key)
            while len(self._threads) > THREADS_KEPT:
                self._threads.popitem(last=False)
        else:
            self._threads.pop(key, None)

    # ------------------------------------------------------------------ Outbox

    async def send(self, chat_id: int, reply: Reply) -> int:
        """Send `reply`, cut into parts if needed; returns the id of the first part."""
        await self.flush_streams(chat_id)  # a reading being streamed here must come out before this
        if reply.image:
            return await self._send_with_image(chat_id, reply)
        return await self._send_parts(chat_id, self._parts(reply), inline_markup(reply.buttons))

    async def _send_parts(self, chat_id: int, parts: list[Styled], markup: Any) -> int:
        """Each part as a message, the buttons under the last; returns the first one's id."""
        ids = [
            await self._send_text(chat_id, part.text, markup if index == len(parts) - 1 else None, bold(part))
            for index, part in enumerate(parts)
        ]
        self._remember_thread(chat_id, ids[0], ids)
        return ids[0]

    async def _send_with_image(self, chat_id: int, reply: Reply) -> int:
        markup = inline_markup(reply.buttons)
        text = reply.text.strip()
        if not reply.rich and utf16_len(text) <= CAPTION_LIMIT:
            return await self._send_file(chat_id, reply.image, text, markup)
        # A caption holds only 1024 characters (and a reading is laid out in messages): the picture goes
        # first, the text after it.
        await self._send_file(chat_id, reply.image, "", None)
        return await self._send_parts(chat_id, self._parts(reply), markup)

    async def _send_file(self, chat_id: int, image: str | bytes | None, caption: str, markup: Any) -> int:
        if isinstance(image, bytes):
            return await self._send_photo(chat_id, image, caption, markup)
        attempt = 0
        while True:
            await self._pacer.acquire(chat_id)
            try:
                message = await self._client.send_file(
                    chat_id, image, caption=caption, buttons=markup, parse_mode=None
                )
                return int(message.id)
            except _FLOOD_ERRORS as error:
                attempt += 1
                if attempt > self._flood_retries or error.seconds > self._max_flood_wait:
                    raise
                self._pacer.defer(chat_id, max(1.0, float(error.seconds)))

    async def _send_photo(self, chat_id: int, png: bytes, caption: str, markup: Any) -> int:
        """Our own picture: uploaded once (`upload.saveFilePart`), then sent as an uploaded photo, paced
        and flood-waited like any message."""
        uploaded = await self._client.upload_file(png, file_name=PICTURE_NAME)
        random_id = helpers.generate_random_long()
        request = functions.messages.SendMediaRequest(
            peer=await self._peer(chat_id),
            media=types.InputMediaUploadedPhoto(file=uploaded),
            message=caption,
            random_id=random_id,
            reply_markup=markup,
        )
        return sent_message_id(await self.invoke(request, chat_id=chat_id, paced=True), random_id)

    def _parts(self, reply: Reply) -> list[Styled]:
        """The messages `reply` is sent in: a reading laid out by sections, other text cut at its best
        boundaries; never none (Telegram rejects an empty message)."""
        if reply.rich:
            parts = [part for part in messages(reply.text, self._limit) if part.text]
        else:
            parts = [Styled(chunk) for chunk in split_text(reply.text, self._limit)]
        if not parts:
            log.warning("the dialog sent an empty message; sending %r instead", EMPTY_TEXT)
            return [Styled(EMPTY_TEXT)]
        return parts

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        """Replace the text and buttons of `message_id` and of any messages it continues in.

        An edit of a message being streamed ends the stream: the dialog's text is the final word.
        """
        stream = self._streams.pop((chat_id, message_id), None)
        if stream is not None:
            stream.closed = True
            ids = list(stream.message_ids)
        else:
            ids = list(self._threads.get((chat_id, message_id), [message_id]))
        parts = self._parts(reply)
        markup = inline_markup(reply.buttons)
        used: list[int] = []
        for index, part in enumerate(parts):
            part_markup = markup if index == len(parts) - 1 else None
            if index < len(ids):
                await self._edit_text(
                    chat_id, ids[index], part.text, part_markup, wait=True, entities=bold(part)
                )
                used.append(ids[index])
            else:
                used.append(await self._send_text(chat_id, part.text, part_markup, bold(part)))
        if len(ids) > len(parts):
            await self._delete(chat_id, ids[len(parts) :])
        self._remember_thread(chat_id, message_id, used)

    async def delete(self, chat_id: int, message_id: int) -> None:
        """Take back `message_id` and the messages it continues in (a stream into it ends here)."""
        stream = self._streams.pop((chat_id, message_id), None)
        if stream is not None:
            stream.closed = True
            ids = list(stream.message_ids)
        else:
            ids = list(self._threads.pop((chat_id, message_id), [message_id]))
        await self._delete(chat_id, ids)

    async def answer_callback(self, query_id: int, text: str | None = None, alert: bool = False) -> None:
        request = functions.messages.SetBotCallbackAnswerRequest(
            query_id=query_id,
            cache_time=0,
            alert=alert or None,
            message=truncate(text, CALLBACK_ANSWER_LIMIT) if text else None,
        )
        try:
            await self.invoke(request)
        except errors.QueryIdInvalidError:
            # Too late (the user waited long or pressed twice): the spinner has gone anyway.
            log.info("callback query %s expired before it was answered", query_id)

    async def answer_pre_checkout(self, query_id: int, ok: bool, error: str | None = None) -> None:
        if ok:
            request = functions.messages.SetBotPrecheckoutResultsRequest(query_id=query_id, success=True)
        else:
            reason = (error or "").strip() or "This order can no longer be paid."
            request = functions.messages.SetBotPrecheckoutResultsRequest(query_id=query_id, error=reason)
        await self.invoke(request)

    async def send_invoice(self, chat_id: int, invoice: Invoice) -> int:
        media = invoice_media(invoice)
        if invoice.subscription_period is not None:
            raise ValueError("a subscription is sold through its link (invoice_link), not an invoice message")
        await self.flush_streams(chat_id)
        random_id = helpers.generate_random_long()
        request = functions.messages.SendMediaRequest(
            peer=await self._peer(chat_id), media=media, message="", random_id=random_id
        )
        return sent_message_id(await self.invoke(request, chat_id=chat_id, paced=True), random_id)

    async def invoice_link(self, invoice: Invoice) -> str:
        """`payments.exportInvoice`: the link a Stars subscription is bought through."""
        request = functions.payments.ExportInvoiceRequest(invoice_media=invoice_media(invoice))
        result = await self.invoke(request)
        url = getattr(result, "url", None)
        if not isinstance(url, str) or not url:
            raise TarotError(ErrorKind.API, f"Telegram exported no invoice link ({type(result).__name__})")
        return url

    async def notify(self, chat_id: int, reply: Reply) -> bool:
        try:
            await self.send(chat_id, reply)
        except _UNREACHABLE as error:
            log.info("chat %s cannot be reached: %s", chat_id, type(error).__name__)
            return False
        except ValueError as error:  # Telethon knows no such user
            log.info("chat %s cannot be addressed: %s", chat_id, error)
            return False
        return True

    async def typing(self, chat_id: int) -> None:
        """One "typing…" signal; cosmetic, so a failure is logged and forgotten."""
        try:
            request = functions.messages.SetTypingRequest(
                peer=await self._peer(chat_id), action=types.SendMessageTypingAction()
            )
            await self._client(request)
        except (errors.RPCError, ValueError, ConnectionError) as error:
            log.debug("typing in chat %s failed: %s", chat_id, error)

    def keep_typing(self, chat_id: int) -> asyncio.Task[None]:
        """Repeat "typing…" every few seconds until the task is cancelled (or TYPING_MAX passes).
        The caller has sent the first signal already."""

        async def keep() -> None:
            deadline = self._clock() + TYPING_MAX
            while self._clock() < deadline:
                await self._typing_sleep(TYPING_INTERVAL)
                await self.typing(chat_id)

        return asyncio.get_running_loop().create_task(keep(), name=f"typing:{chat_id}")

    def streamer(self, chat_id: int, message_id: int) -> Stream:
        old = self._streams.get((chat_id, message_id))
        if old is not None:
            old.closed = True
        stream = Stream(self, chat_id, message_id)
        self._streams[(chat_id, message_id)] = stream
        return stream

    async def close_stream(self, stream: Stream) -> None:
        """The final flush: show every piece received, then stop listening."""
        if self._streams.get((stream.chat_id, stream.head_id)) is stream:
            del self._streams[(stream.chat_id, stream.head_id)]
        if stream.closed:
            return
        try:
            await stream.flush(final=True)
        finally:
            stream.closed = True
            self._remember_thread(stream.chat_id, stream.head_id, list(stream.message_ids))

    async def flush_streams(self, chat_id: int) -> None:
        for (chat, _), stream in list(self._streams.items()):
            if chat == chat_id and not stream.closed:
                await stream.flush(final=True)

    async def refund_stars(self, user_id: int, telegram_payment_charge_id: str) -> None:
        await refund_stars_charge(self, self._client, user_id, telegram_payment_charge_id)

    async def cancel_stars_subscription(self, user_id: int, telegram_payment_charge_id: str) -> bool:
        return await cancel_stars_subscription(self, self._client, user_id, telegram_payment_charge_id)

    # ------------------------------------------------------------------ streaming internals

    def _stream_slot_free(self, chat_id: int) -> bool:
        return self._clock() >= self._next_edit.get(chat_id, 0.0)

    def _hold_edits(self, chat_id: int, seconds: float) -> None:
        now = self._clock()
        self._reserve_edit(chat_id, max(self._next_edit.get(chat_id, 0.0), now + seconds), now)

    def _reserve_edit(self, chat_id: int, next_at: float, now: float) -> None:
        self._next_edit[chat_id] = next_at
        if len(self._next_edit) > EDIT_SLOTS_KEPT:
            # Chats whose slot is free again need no entry.
            self._next_edit = {chat: at for chat, at in self._next_edit.items() if at > now}


class Stream:
    """The `OnDelta` a reading is written through: each piece is appended to the text, and the message
    is edited when the chat's edit slot is free (at most once per `stream_interval`).

    The streamed text replaces what the message showed (a placeholder such as "Shuffling…"). When the
    text outgrows a message, the part that fits stays and the rest continues in a new message, which
    later pieces then edit. `TelegramOutbox.close_stream` shows whatever is still pending.
    """

    def __init__(self, outbox: TelegramOutbox, chat_id: int, head_id: int) -> None:
        self._outbox = outbox
        self.chat_id = chat_id
        self.head_id = head_id
        self.message_ids = [head_id]
        self.text = ""  # the text of the last message, including a trailing space or newline
        self.shown: str | None = None  # what that message shows now
        self.closed = False

    async def __call__(self, delta: str) -> None:
        if self.closed or not delta:
            return
        self.text += delta
        if self._outbox._stream_slot_free(self.chat_id):
            await self.flush(final=False)

    async def flush(self, *, final: bool) -> None:
        """Show the text so far. Mid-stream an edit is skipped when the slot is taken or Telegram asks
        us to wait (the text stays buffered); the final flush waits for its slot."""
        rendered = plain(self.text)  # plain while it streams; the final edit lays it out with bold
        if not rendered or rendered == self.shown:
            return
        outbox = self._outbox
        current = self.message_ids[-1]
        try:
            if utf16_len(rendered) <= outbox._limit:
                if await outbox._edit_text(self.chat_id, current, rendered, None, wait=final):
                    self.shown = rendered
                return
            chunks = split_text(rendered, outbox._limit)
            if not await outbox._edit_text(self.chat_id, current, chunks[0], None, wait=final):
                return
            trailing = self.text[len(self.text.rstrip()) :]
            for chunk in chunks[1:]:
                self.message_ids.append(await outbox._send_text(self.chat_id, chunk, None))
            self.text = chunks[-1] + trailing
            self.shown = chunks[-1]
        except _FLOOD_ERRORS as error:
            if final:
                raise
            outbox._hold_edits(self.chat_id, float(error.seconds))
            log.info("streaming in chat %s paused for %ss by a flood wait", self.chat_id, error.seconds)
        except errors.RPCError as error:
            if final:
                raise
            log.warning("streaming edit in chat %s failed: %s", self.chat_id, error)
