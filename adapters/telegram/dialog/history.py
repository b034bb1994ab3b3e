"""/history: past readings a page at a time, each one opened again with a press, and under the first
page the person's recent purchases with their order ids (what support and a refund need)."""

from __future__ import annotations

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.money_texts import purchase_line, purchased
from adapters.telegram.dialog.reading import reading_buttons
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Turn
from adapters.telegram.events import Button, IncomingCallback
from adapters.telegram.render import full_reading, history_line
from adapters.telegram.texts import t

PURCHASES_SHOWN = 5


class HistoryFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(
            commands={"history": self._cmd_history},
            actions={"history": self._on_page, "open": self._on_open},
        )

    async def _cmd_history(self, turn: Turn, args: str) -> None:
        await self._page(turn, 0, edit=None)

    async def _on_page(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        page = action.args.get("page")
        await turn.answer()
        await self._page(turn, page if isinstance(page, int) and page >= 0 else 0, edit=event.message_id)

    async def _purchases(self, turn: Turn) -> list[str]:
        c, lang = self._c, turn.lang
        bought = purchased(await c.payments.orders(turn.me.id, limit=50))[: PURCHASES_SHOWN]
        if not bought:
            return []
        return ["", t("history.purchases", lang), *(purchase_line(p, c.catalog, lang) for p in bought)]

    async def _page(self, turn: Turn, page: int, *, edit: int | None) -> None:
        c, lang, size = self._c, turn.lang, self._c.config.page_size
        readings, total = await c.readings.history(turn.me.id, limit=size, offset=page * size)
        if total == 0:
            text = "\n".join([t("history.empty", lang), *await self._purchases(turn)])
            await c.show(turn, text, edit=edit)
            return
        if not readings and page > 0:  # the list shrank under an old button: show the last page
            await self._page(turn, (total - 1) // size, edit=edit)
            return
        first = page * size + 1
        lines = [t("history.header", lang, first=first, last=first + len(readings) - 1, total=total)]
        opens: list[Button] = []
        for number, reading in enumerate(readings, start=first):
            lines.append(history_line(number, reading, lang))
            opens.append(await c.button(turn, str(number), "open", reading=reading.id))
        nav: list[Button] = []
        if page > 0:
            nav.append(await c.button(turn, t("button.prev", lang), "history", page=page - 1))
        if first + len(readings) - 1 < total:
            nav.append(await c.button(turn, t("button.next", lang), "history", page=page + 1))
        rows = (tuple(opens), tuple(nav)) if nav else (tuple(opens),)
        if page == 0:
            lines += await self._purchases(turn)
        await c.show(turn, "\n".join(lines), rows, edit=edit)

    async def _on_open(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        c = self._c
        reading = await c.readings.get_reading(turn.me.id, str(action.args.get("reading")))
        await turn.answer()
        await c.send(
            turn, full_reading(reading, turn.lang), await reading_buttons(c, turn, reading), rich=True
        )
