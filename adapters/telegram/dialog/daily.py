"""/daily: the free card of the day (the use case gives one per person and day, never charged).

Showing the day's card again calls no interpreter, so it passes no limit; only the day's first draw
passes the global budget (it is free and once a day, so it never uses up the person's readings).
"""

from __future__ import annotations

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.reading import reading_buttons
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Rows, Turn
from adapters.telegram.events import IncomingCallback, Reply
from adapters.telegram.render import charge_line, reading_body
from adapters.telegram.texts import t
from tarot_domain.use_cases.readings import ReadingResult


class DailyFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(commands={"daily": self._cmd_daily}, actions={"menu_daily": self._on_menu_daily})

    async def _on_menu_daily(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        await self._cmd_daily(turn, "")

    async def _cmd_daily(self, turn: Turn, args: str) -> None:
        c, user = self._c, turn.me
        today = c.clock.now().date()
        shown = await c.readings.drawn_daily_card(user.id, today)
        if shown is not None:
            await c.send(turn, *await self._render(turn, shown))
            return
        if c.catalog.promotions.daily_free_card:  # switched off, the use case says so below
            await c.limits.interpreter(turn.lang)
        placeholder = await c.start_streaming(turn, "read.placeholder")
        try:
            result = await c.readings.daily_card(user.id, today, turn.out.streamer(turn.chat, placeholder))
        except Exception as error:
            await c.fail_in(turn, placeholder, error)
        text, buttons = await self._render(turn, result)
        await turn.out.edit(turn.chat, placeholder, Reply(text, buttons))

    async def _render(self, turn: Turn, result: ReadingResult) -> tuple[str, Rows]:
        reading, lang = result.reading, turn.lang
        body = reading_body(reading, lang, header=t("daily.header", lang))
        text = f"{body}\n\n{charge_line(0, result.available, reading.fallback, lang)}"
        return text, await reading_buttons(self._c, turn, reading)
