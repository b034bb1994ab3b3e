"""/daily: the free card of the day (the use case gives one per person and day, never charged)."""

from __future__ import annotations

from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.reading import reading_buttons
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Turn
from adapters.telegram.events import Reply
from adapters.telegram.render import charge_line, reading_body
from adapters.telegram.texts import t


class DailyFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(commands={"daily": self._cmd_daily})

    async def _cmd_daily(self, turn: Turn, args: str) -> None:
        c, user, lang = self._c, turn.me, turn.lang
        await c.limit("readings_per_user", f"readings:{turn.tg_user}")
        placeholder = await c.start_streaming(turn, "read.placeholder")
        today = c.clock.now().date()
        try:
            result = await c.readings.daily_card(user.id, today, turn.out.streamer(turn.chat, placeholder))
        except Exception as error:
            await c.fail_in(turn, placeholder, error)
        reading = result.reading
        body = reading_body(reading, lang, header=t("daily.header", lang))
        text = f"{body}\n\n{charge_line(0, result.available, reading.fallback, lang)}"
        await turn.out.edit(turn.chat, placeholder, Reply(text, await reading_buttons(c, turn, reading)))
