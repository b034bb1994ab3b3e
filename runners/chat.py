"""`tarot chat`: the Telegram bot's dialog in a terminal.

The very same `Dialog` runs here; only the `Outbox` differs. Buttons are shown as numbered choices
(`[1] Past, Present, Future (12)`): type a number to press one, anything else is sent as a message.
Everything lives in memory for the session. Readings use the configured interpreter as the bot does
(the OpenAI-compatible one when `OPENAI_API_KEY` is set), streamed into the terminal as the bot streams
them into a message: the text appears as it is written, and the finished message adds what the text
did not hold (the cards, the charge, the buttons). Telegram Stars payments are simulated: an invoice
offers "Pay (simulated)", which feeds the dialog the pre-checkout query and the successful-payment
message that Telegram would send.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import secrets
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from attrs import evolve, frozen

from adapters.telegram.events import (
    Incoming,
    IncomingCallback,
    IncomingMessage,
    Invoice,
    PreCheckoutQuery,
    Reply,
    Sender,
    SuccessfulPayment,
)
from tarot_ports.interpreter import OnDelta

if TYPE_CHECKING:
    from pathlib import Path

    from adapters.telegram.dialog import Dialog

LOCAL_USER = 1000  # the fixed Telegram-like id of the person at the keyboard (also the admin)
QUIT = ("/quit", "/exit")


@frozen
class Choice:
    """Something a number can press: a button's token, a link, or a simulated payment."""

    label: str
    message_id: int
    token: str = ""
    url: str | None = None
    invoice: Invoice | None = None


class TerminalOutbox:
    """The Outbox port on a text stream; a picture is saved as a PNG in `pictures` (a folder made on
    first use) and its path printed."""

    def __init__(self, stream: TextIO, pictures: Path | None = None) -> None:
        self._out = stream
        self._pictures = pictures
        self.saved: list[Path] = []
        self._ids = itertools.count(1)
        self.choices: list[Choice] = []
        self.pre_checkout_ok: bool | None = None
        self._streamed: dict[int, str] = {}  # message id → the text already shown as it streamed
        self.links: dict[str, Invoice] = {}  # simulated subscription links → their invoice

    def note(self, text: str) -> None:
        self._out.write(text + "\n")
        self._out.flush()

    def _show(self, message_id: int, reply: Reply) -> None:
        if isinstance(reply.image, bytes):
            self.note(f"(picture: {self._save(message_id, reply.image)})")
        elif reply.image:
            self.note(f"(picture: {reply.image})")
        if reply.text or not reply.image:
            self.note(_plain(reply.text) if reply.rich else reply.text)
        choices = [
            Choice(button.label, message_id, token=button.token, url=button.url)
            for row in reply.buttons
            for button in row
        ]
        if choices:
            self._offer(choices)
        elif any(c.message_id == message_id for c in self.choices):
            self.choices = []  # that message's buttons are gone

    def _offer(self, choices: list[Choice]) -> None:
        self.choices = choices
        for number, choice in enumerate(choices, start=1):
            self.note(f"  [{number}] {choice.label}")

    def _save(self, message_id: int, png: bytes) -> Path:
        from pathlib import Path

        if self._pictures is None:
            import tempfile

            self._pictures = Path(tempfile.mkdtemp(prefix="tarot-chat-"))
        self._pictures.mkdir(parents=True, exist_ok=True)
        path = self._pictures / f"spread-{message_id}.png"
        path.write_bytes(png)
        self.saved.append(path)
        return path

    async def send(self, chat_id: int, reply: Reply) -> int:
        message_id = next(self._ids)
        self.note("")
        self._show(message_id, reply)
        return message_id

    async def delete(self, chat_id: int, message_id: int) -> None:
        """A terminal cannot take back what it printed; the placeholder simply stays above."""

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        streamed = self._streamed.pop(message_id, "").strip()
        if streamed and streamed in reply.text:  # show only what the stream did not
            before, _, after = reply.text.partition(streamed)
            reply = evolve(reply, text=f"{before.rstrip()}\n\n{after.lstrip()}".strip())
        self.note("")
        self._show(message_id, reply)

    async def answer_callback(self, query_id: int, text: str | None = None, alert: bool = False) -> None:
        if text:
            self.note(f"({text})")

    async def answer_pre_checkout(self, query_id: int, ok: bool, error: str | None = None) -> None:
        self.pre_checkout_ok = ok
        self.note("(simulated payment) checkout " + ("approved" if ok else f"refused: {error}"))

    async def send_invoice(self, chat_id: int, invoice: Invoice) -> int:
        message_id = next(self._ids)
        self.note(f"\n(simulated payment) Invoice: {invoice.title} — {invoice.amount} {invoice.currency}")
        self.note(invoice.description)
        self._offer([Choice("Pay (simulated)", message_id, invoice=invoice)])
        return message_id

    async def invoice_link(self, invoice: Invoice) -> str:
        url = f"simulated:subscription:{len(self.links) + 1}"
        self.links[url] = invoice
        return url

    async def notify(self, chat_id: int, reply: Reply) -> bool:
        await self.send(chat_id, reply)
        return True

    async def typing(self, chat_id: int) -> None:
        self.note("(typing…)")

    def streamer(self, chat_id: int, message_id: int) -> OnDelta:
        async def on_delta(text: str) -> None:
            if message_id not in self._streamed:
                self._out.write("\n")
            self._streamed[message_id] = self._streamed.get(message_id, "") + text
            self._out.write(text)
            self._out.flush()

        return on_delta

    async def refund_stars(self, user_id: int, telegram_payment_charge_id: str) -> None:
        self.note(f"(simulated refund) Stars charge {telegram_payment_charge_id} returned to {user_id}")

    async def cancel_stars_subscription(self, user_id: int, telegram_payment_charge_id: str) -> bool:
        self.note(f"(simulated) the subscription of charge {telegram_payment_charge_id} will not renew")
        return True


def _plain(text: str) -> str:
    """A reading's markup as the terminal shows it (imported here: the CLI starts without it)."""
    from tarot_domain.model.markup import plain

    return plain(text)


class Terminal:
    """Turns what is typed into dialog events, numbered from 1 like Telegram's update ids."""

    def __init__(
        self,
        handle: Callable[[Incoming, TerminalOutbox], Awaitable[None]],
        outbox: TerminalOutbox,
        sender: Sender,
    ) -> None:
        self._handle = handle
        self.outbox = outbox
        self._sender = sender
        self._updates = itertools.count(1)
        self._messages = itertools.count(1)

    async def _deliver(self, event: Incoming) -> None:
        await self._handle(event, self.outbox)

    async def type_line(self, line: str) -> None:
        text = line.strip()
        if text.isdigit() and 1 <= int(text) <= len(self.outbox.choices):
            await self.press(self.outbox.choices[int(text) - 1])
            return
        await self._deliver(
            IncomingMessage(
                next(self._updates), self._sender.user_id, self._sender, line, next(self._messages)
            )
        )

    async def press(self, choice: Choice) -> None:
        linked = self.outbox.links.get(choice.url or "")
        if choice.invoice is not None or linked is not None:
            await self.pay(choice.invoice or linked)  # type: ignore[arg-type]
        elif choice.url is not None:
            self.outbox.note(f"(open in a browser: {choice.url})")
        else:
            query = next(self._updates)
            await self._deliver(
                IncomingCallback(query, self._sender.user_id, self._sender, choice.message_id, query,
                                 choice.token.encode())
            )  # fmt: skip

    async def pay(self, invoice: Invoice) -> None:
        """What Telegram does when the person pays: ask first, then report the money."""
        self.outbox.pre_checkout_ok = None
        query = next(self._updates)
        await self._deliver(
            PreCheckoutQuery(query, self._sender, query, invoice.payload, invoice.currency, invoice.amount)
        )
        if not self.outbox.pre_checkout_ok:
            return
        charge = f"simulated-{secrets.token_hex(6)}"
        period = invoice.subscription_period
        until = datetime.now(UTC) + timedelta(seconds=period) if period else None
        await self._deliver(
            SuccessfulPayment(next(self._updates), self._sender.user_id, self._sender, invoice.payload,
                              invoice.currency, invoice.amount, charge, recurring_init=bool(period),
                              recurring_used=bool(period), subscription_until=until)
        )  # fmt: skip


async def build_dialog(args: argparse.Namespace, stack: contextlib.AsyncExitStack) -> Dialog:
    """The bot's dialog on the embedded defaults: memory store, sessions, limits and de-duplication,
    the configured interpreter (closed with `stack`), Stars payments on (simulated by the terminal),
    the local user as admin."""
    from dependency_injector import providers

    from adapters.memory.dedup import MemoryDeduplicator
    from adapters.memory.randomness import SeededRandom
    from adapters.memory.rate_limit import MemoryRateLimiter
    from adapters.memory.sessions import MemorySessionStore
    from adapters.telegram.dialog import Dialog, DialogConfig
    from runners.cli_support import load_settings
    from runners.container import in_process
    from runners.local import use_configured_interpreter
    from tarot_domain.use_cases.payments import PaymentService

    settings = load_settings()
    container = in_process(settings)
    if args.seed is not None:
        container.core.randomness.override(providers.Object(SeededRandom(args.seed)))
    await use_configured_interpreter(container, settings, stack, args.interpreter)
    use_cases = container.use_cases
    services = use_cases.services()
    clock = services.clock
    return Dialog(
        users=use_cases.users(),
        readings=use_cases.readings(),
        credits=use_cases.credits(),
        payments=PaymentService(services),
        sessions=MemorySessionStore(clock),
        rate_limiter=MemoryRateLimiter(clock),
        dedup=MemoryDeduplicator(clock),
        clock=clock,
        catalog=services.catalog,
        config=DialogConfig(
            admin_ids=frozenset({LOCAL_USER}), stars_enabled=True, limits=settings.limits.as_mapping()
        ),
        random=services.random,
        renderer=container.core.renderer(),
    )


async def chat(args: argparse.Namespace) -> int:
    from runners.cli_support import cli_language

    cli_language(args.lang)
    async with contextlib.AsyncExitStack() as stack:
        return await _converse(args, await build_dialog(args, stack))


async def _converse(args: argparse.Namespace, dialog: Dialog) -> int:
    from pathlib import Path

    outbox = TerminalOutbox(sys.stdout, Path(args.pictures) if args.pictures else None)
    terminal = Terminal(dialog.handle, outbox, Sender(LOCAL_USER, args.lang, args.name))
    interactive = sys.stdin.isatty()
    if interactive:
        print("Tarot chat: type a message, a number to press a button, /quit to leave.")
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:
            break  # end of input
        line = line.rstrip("\r\n")
        if not interactive:
            print(f"\n> {line}")  # echo piped input, so a transcript reads like a conversation
        if line.strip().lower() in QUIT:
            break
        await terminal.type_line(line)
    return 0


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "chat",
        help="talk to the Telegram bot's dialog in this terminal (in memory; payments simulated)",
        description=(
            "Run the bot's conversation in the terminal. Buttons appear as numbered choices: type the "
            "number to press one; anything else is a message. Everything is kept in memory and lost on "
            "exit (no database is touched); readings use the configured interpreter (OPENAI_API_KEY) as "
            "the bot does, streamed as they are written, and each reading's picture is saved as a PNG whose "
            "path is printed; Telegram Stars payments are simulated. You are "
            "the bot's admin here. /quit or end of input leaves."
        ),
    )
    parser.add_argument("--lang", default="en", help="your Telegram client's language code (default en)")
    parser.add_argument("--name", default=None, help="the display name the bot greets you by")
    parser.add_argument("--seed", type=int, default=None, help="repeatable draws (default: secrets)")
    parser.add_argument(
        "--pictures",
        default=None,
        metavar="DIR",
        help="where each reading's spread picture is saved (default: a new temporary folder)",
    )
    parser.add_argument(
        "--interpreter",
        choices=("auto", "offline", "openai"),
        default="auto",
        help="auto (default): OpenAI-compatible when OPENAI_API_KEY is set, else offline",
    )
    parser.set_defaults(handler=chat)
