"""/daily: the free card of the day (the use case gives one per person and day, never charged).

Showing the day's card again calls no interpreter, so it passes no limit; only the day's first draw
passes the global budget (it is free and once a day, so it never uses up the person's readings).
"""

from __future__ import annotations

import logging

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.pictures import PictureFirst, spread_picture
from adapters.telegram.dialog.reading import PLACEHOLDER, reading_buttons
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Rows, Turn
from adapters.telegram.events import IncomingCallback, Reply
from adapters.telegram.render import charge_line, reading_body
from adapters.telegram.texts import t
from tarot_domain.use_cases.readings import ReadingResult

log = logging.getLogger("adapters.telegram")


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
            await self._show_again(turn, shown)
            return
        if c.catalog.promotions.daily_free_card:  # switched off, the use case says so below
            await c.limits.interpreter(turn.lang)
        show = PictureFirst(c, turn, await c.start_streaming(turn, PLACEHOLDER), PLACEHOLDER)
        try:
            result = await c.readings.daily_card(user.id, today, show.on_delta, on_drawn=show.on_drawn)
        except Exception as error:
            await c.fail_in(turn, await show.settled(), error)
        placeholder = await show.settled()  # below the picture, when one went out
        text, buttons = await self._render(turn, result)
        await turn.out.edit(turn.chat, placeholder, Reply(text, buttons, rich=True))

    async def _show_again(self, turn: Turn, result: ReadingResult) -> None:
        """Today's card once more: its picture (drawn again or from the cache), then the text."""
        card = result.reading
        png = await spread_picture(self._c, card.spread_id, card.deck_id, card.language, card.cards)
        if png is not None:
            try:
                await turn.out.send(turn.chat, Reply("", image=png))
            except Exception:
                log.warning("update %s: the daily picture was not sent", turn.event.update_id, exc_info=True)
        await self._c.send(turn, *await self._render(turn, result), rich=True)

    async def _render(self, turn: Turn, result: ReadingResult) -> tuple[str, Rows]:
        reading, lang = result.reading, turn.lang
        body = reading_body(reading, lang, header=t("daily.header", lang))
        text = f"{body}\n\n{charge_line(0, result.available, reading.fallback, lang)}"
        return text, await reading_buttons(self._c, turn, reading)
